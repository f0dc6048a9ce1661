/**
 * One proposal's creations without reading every creation ever made. OpenZeppelin's `ProposalCreated` indexes
 * nothing, so a proposal cannot be filtered on the chain by id; but its creation time is bounded by what the
 * houses store: both houses run on timestamps (`CLOCK_MODE()` is `mode=timestamp`), a proposal's snapshot is
 * its creation time plus the house's voting delay, and that delay is at most {@link MAX_VOTING_DELAY_SECONDS}
 * (`MAX_VOTING_DELAY` in both houses). So a creation lies between the block at `snapshot - 6 days` and the
 * block at `snapshot`: the scan reads that range only (the blocks found by their timestamps, interpolated and
 * bisected), and an id no house knows is refused after one batched read, without any scan.
 *
 * Through the indexer: one request (`/concord/proposals?group=proposal&id=`), with the chain asked only when
 * the indexer does not know the id (it may trail the head by a few blocks).
 */
import { getBlock } from "viem/actions";

import type { ConcordClientBase } from "../client.ts";
import { InvalidInputError, decodeConcordError } from "../errors.ts";
import { communityHouseAbi, operationalHouseAbi } from "../generated/abis.ts";
import { pinBlock } from "../internal/block.ts";
import type { ReadAt } from "../internal/block.ts";
import { readBatchAtBlock } from "../internal/read.ts";
import { indexerFor } from "../indexer/switch.ts";
import { governanceErrorCatalogue } from "./errors.ts";
import { groupCreations, scanCreations } from "./events.ts";
import type { ProposalRecord } from "./events.ts";
import { getGovernanceContracts } from "./reads.ts";

/** The houses' `MAX_VOTING_DELAY` (6 days): a proposal was created at most this long before its snapshot. */
export const MAX_VOTING_DELAY_SECONDS = 6n * 24n * 60n * 60n;

/**
 * A chain no longer than this (blocks from the houses' deployment to the read's block) is scanned whole: one
 * `eth_getLogs` that every provider accepts (10,000 blocks), cheaper than finding the bounds.
 */
export const WHOLE_SCAN_BLOCKS = 10_000n;

/** The most blocks read to find a block by its time (interpolation, bisection every other step). */
export const MAX_TIME_PROBES = 64;

/** A block's number and time. */
type Stamp = { number: bigint; timestamp: bigint };

/** @internal A block's number and time (a pending block's tag reads the latest block). */
export async function stampOf(
  client: ConcordClientBase,
  at: ReadAt | { blockNumber: bigint },
): Promise<Stamp> {
  let block;
  try {
    block = await getBlock(client.publicClient, at);
  } catch (error) {
    throw decodeConcordError(error, { functionName: "getBlock" });
  }
  if (block.number === null) block = await getBlock(client.publicClient);
  return { number: block.number!, timestamp: block.timestamp };
}

/**
 * @internal The first block in `[lo.number, hi.number]` whose time is at least `time` (hi when none before
 * it is): interpolated from the two ends' times, bisected every other probe so that a chain with irregular
 * block times still converges, at most {@link MAX_TIME_PROBES} blocks read. `seen`: blocks already read (by an
 * earlier search of the same lookup) that narrow the range first; the blocks read here are added to it.
 *
 * @example
 * const from = await firstBlockAtOrAfter(client, snapshot - MAX_VOTING_DELAY_SECONDS, start, head);
 */
export async function firstBlockAtOrAfter(
  client: ConcordClientBase,
  time: bigint,
  lo: Stamp,
  hi: Stamp,
  seen: Stamp[] = [],
): Promise<bigint> {
  for (const stamp of seen) {
    if (stamp.number > lo.number && stamp.number < hi.number) {
      if (stamp.timestamp >= time) hi = stamp;
      else lo = stamp;
    }
  }
  if (lo.timestamp >= time) return lo.number;
  if (hi.timestamp < time) return hi.number;
  // Invariant: lo.timestamp < time <= hi.timestamp.
  for (let probe = 0; probe < MAX_TIME_PROBES && hi.number - lo.number > 1n; probe++) {
    const span = hi.number - lo.number;
    let guess =
      probe % 2 === 0 && hi.timestamp > lo.timestamp
        ? lo.number + ((time - lo.timestamp) * span) / (hi.timestamp - lo.timestamp)
        : lo.number + span / 2n;
    if (guess <= lo.number) guess = lo.number + 1n;
    if (guess >= hi.number) guess = hi.number - 1n;
    const stamp = await stampOf(client, { blockNumber: guess });
    seen.push(stamp);
    if (stamp.timestamp >= time) hi = stamp;
    else lo = stamp;
  }
  return hi.number;
}

/**
 * @internal One proposal's creations in both houses as of a block (default: the latest), or null when no house
 * has it there, read from the chain in a bounded range (see the module's comment). Requests: one batched
 * read (both houses' `proposalSnapshot` and the block), then, on a chain longer than
 * {@link WHOLE_SCAN_BLOCKS}, the deployment block, the read's block and a few blocks found by their time, and
 * one `eth_getLogs` over the range.
 *
 * @example
 * const record = await scanProposalRecord(client, proposalId, {});
 */
export async function scanProposalRecord(
  client: ConcordClientBase,
  proposalId: bigint,
  asked: ReadAt,
): Promise<ProposalRecord | null> {
  const gov = await getGovernanceContracts(client);
  // A tag is made a number first (one block read): the scan stops at the block the snapshots were read at.
  const { at, toBlock: pinnedTo } = await pinBlock(client, asked);
  const { block, results } = await readBatchAtBlock(
    client,
    [
      {
        address: gov.operationalHouse,
        abi: operationalHouseAbi,
        functionName: "proposalSnapshot",
        args: [proposalId],
      },
      {
        address: gov.communityHouse,
        abi: communityHouseAbi,
        functionName: "proposalSnapshot",
        args: [proposalId],
      },
    ],
    { contract: "OperationalHouse", at, errors: governanceErrorCatalogue },
  );
  const snapshots = results.filter((snapshot) => snapshot !== 0n);
  if (snapshots.length === 0) return null;
  // A pinned read scans to its block; an unpinned one to the head (the batch may have run in a pending block).
  let fromBlock = gov.startBlock;
  let toBlock = pinnedTo;
  const length = (pinnedTo ?? block.number) - gov.startBlock;
  if (length > WHOLE_SCAN_BLOCKS) {
    const earliest = snapshots.reduce((min, snapshot) => (snapshot < min ? snapshot : min));
    const latest = snapshots.reduce((max, snapshot) => (snapshot > max ? snapshot : max));
    const [start, end] = await Promise.all([
      stampOf(client, { blockNumber: gov.startBlock }),
      stampOf(client, pinnedTo === undefined ? {} : { blockNumber: pinnedTo }),
    ]);
    // The creation block's time is in [earliest - MAX_VOTING_DELAY, latest]: from the first block at or after
    // the lower bound to the last block at or before the upper one (the block before the first one after it).
    // The upper bound first; its probes narrow the search of the lower one.
    const seen: Stamp[] = [];
    const after =
      latest >= end.timestamp ? null : await firstBlockAtOrAfter(client, latest + 1n, start, end, seen);
    const from = await firstBlockAtOrAfter(client, earliest - MAX_VOTING_DELAY_SECONDS, start, end, seen);
    fromBlock = from;
    if (after !== null) toBlock = after - 1n < from ? from : after - 1n;
  }
  const scanned = groupCreations(await scanCreations(client, toBlock, fromBlock));
  const record = scanned.find((entry) => entry.proposalId === proposalId);
  if (record) return record;
  // A house knows the id but the bounded range held no creation: not expected; read the whole history once.
  if (fromBlock === gov.startBlock && toBlock === pinnedTo) return null;
  return (
    groupCreations(await scanCreations(client, pinnedTo)).find((entry) => entry.proposalId === proposalId) ??
    null
  );
}

/**
 * @internal One proposal's creations as of a block: through the indexer when the client reads from one and no
 * block was asked (one request; the chain only when the indexer does not know the id), else from the chain in
 * a bounded range ({@link scanProposalRecord}). Null when no house has it.
 *
 * @example
 * const record = await proposalRecordAt(client, proposalId, {});
 */
export async function proposalRecordAt(
  client: ConcordClientBase,
  proposalId: bigint,
  at: ReadAt,
): Promise<ProposalRecord | null> {
  const pinnedRead = "blockNumber" in at || "blockTag" in at;
  const viaIndexer = pinnedRead ? null : await indexerFor(client);
  if (viaIndexer) {
    const { indexerProposalRecords } = await import("../indexer/governance.ts");
    const found = (await indexerProposalRecords(viaIndexer, { proposalId, limit: 1, cursor: null })).items[0];
    // An answer about another id is no answer: the chain decides.
    if (found && found.proposalId === proposalId) return found;
  }
  return scanProposalRecord(client, proposalId, at);
}

/**
 * @internal A proposal's creations (as of the latest block), or an {@link InvalidInputError} naming the id:
 * what every governance write reads first. Through the indexer one request; direct, one batched read and a
 * bounded scan (an unknown id: the batched read alone).
 *
 * @example
 * const record = await findProposalRecord(client, proposalId);
 */
export async function findProposalRecord(
  client: ConcordClientBase,
  proposalId: bigint,
): Promise<ProposalRecord> {
  const record = await proposalRecordAt(client, proposalId, {});
  if (!record)
    throw new InvalidInputError("proposalId", proposalId, `no house has a proposal with id ${proposalId}`);
  return record;
}
