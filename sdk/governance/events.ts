/**
 * Proposals as the houses' events describe them: one `eth_getLogs` over both houses for `ProposalCreated`
 * (OpenZeppelin's event carries the calls and the description; none of its fields is indexed, so a proposal
 * is found by scanning the houses' creations and matching its id), and a proposal's ballots, a page at a time.
 * Every scan stops at the block the read reads at.
 */
import { getAddress, isAddressEqual } from "viem";
import type { Address, Hash } from "viem";

import type { ConcordClientBase } from "../client.ts";
import { communityHouseAbi } from "../generated/abis.ts";
import { pinBlock, pinned, readAt } from "../internal/block.ts";
import type { BlockParameters } from "../internal/block.ts";
import { scanEvents } from "../internal/logs.ts";
import { compareEvents, eventCursor, eventCursorOf, toPageLimit } from "../internal/page.ts";
import type { EventPosition, Page, PageParameters } from "../internal/page.ts";
import { toAddress, toUint256 } from "../internal/validate.ts";
import type { BigIntish } from "../internal/validate.ts";
import { hashDescription, voteSupportNames } from "./constants.ts";
import { getGovernanceContracts } from "./reads.ts";
import type { HouseName, ProposalCall, VoteSupport } from "./types.ts";
import { indexerFor } from "../indexer/switch.ts";

/** A proposal's creation in one house. */
export type ProposalCreation = {
  proposalId: bigint;
  house: HouseName;
  proposer: Address;
  calls: ProposalCall[];
  description: string;
  descriptionHash: Hash;
  /** The snapshot (voting opens after it). */
  voteStart: bigint;
  /** The deadline at creation (the community house may extend it after a late quorum). */
  voteEnd: bigint;
  blockNumber: bigint;
  /** The event's position in its block (with `blockNumber`, the proposal list's cursor). */
  logIndex: number;
};

/** Parameters of {@link scanProposalCreations}. */
export type ScanProposalCreationsParameters = BlockParameters;

/**
 * Every proposal creation in both houses up to a block (default: the latest), oldest first, in one
 * `eth_getLogs` (split by `maxBlockRange`) that stops at that block. A constitutional proposal appears twice
 * (community house first, then the operational house) once it has been carried. Without a block, through the
 * indexer when the client reads from one.
 *
 * @example
 * const creations = await scanProposalCreations(concord);
 * const before = await scanProposalCreations(concord, { blockNumber: 1_000n });
 */
export async function scanProposalCreations(
  client: ConcordClientBase,
  parameters: ScanProposalCreationsParameters = {},
): Promise<ProposalCreation[]> {
  const at = readAt(parameters);
  const viaIndexer = pinned(at) ? null : await indexerFor(client);
  if (viaIndexer) return (await import("../indexer/governance.ts")).indexerProposalCreations(viaIndexer);
  const { toBlock } = await pinBlock(client, at);
  return scanCreations(client, toBlock);
}

/**
 * @internal The houses' creations from `fromBlock` (default: the houses' deployment) up to `toBlock`
 * (undefined: the head), oldest first, from the chain.
 */
export async function scanCreations(
  client: ConcordClientBase,
  toBlock: bigint | undefined,
  fromBlock?: bigint,
): Promise<ProposalCreation[]> {
  const gov = await getGovernanceContracts(client);
  const logs = await scanEvents(client, {
    address: [gov.operationalHouse, gov.communityHouse],
    // Both houses emit OpenZeppelin's ProposalCreated with the same signature.
    abi: communityHouseAbi,
    eventNames: ["ProposalCreated"],
    fromBlock: fromBlock !== undefined && fromBlock > gov.startBlock ? fromBlock : gov.startBlock,
    toBlock,
  });
  return logs.map((log) => {
    const { proposalId, proposer, targets, values, calldatas, voteStart, voteEnd, description } = log.args;
    return {
      proposalId,
      house: isAddressEqual(log.address, gov.operationalHouse) ? "operational" : "community",
      proposer: getAddress(proposer),
      calls: targets.map((target, i) => ({
        target: getAddress(target),
        value: values[i] ?? 0n,
        data: calldatas[i] ?? "0x",
      })),
      description,
      descriptionHash: hashDescription(description),
      voteStart,
      voteEnd,
      blockNumber: log.blockNumber,
      logIndex: log.logIndex,
    };
  });
}

/** A proposal's creations grouped by id (first creation first). */
export type ProposalRecord = {
  proposalId: bigint;
  community: ProposalCreation | null;
  operational: ProposalCreation | null;
};

/**
 * @internal Groups creations by proposal id, in order of first creation.
 *
 * @example
 * const records = groupCreations(await scanProposalCreations(client));
 */
export function groupCreations(creations: readonly ProposalCreation[]): ProposalRecord[] {
  const byId = new Map<bigint, ProposalRecord>();
  for (const creation of creations) {
    let record = byId.get(creation.proposalId);
    if (!record) {
      record = { proposalId: creation.proposalId, community: null, operational: null };
      byId.set(creation.proposalId, record);
    }
    record[creation.house] = creation;
  }
  return [...byId.values()];
}

/** A vote, override or veto cast on a proposal, as the houses' events record it. */
export type Ballot = {
  house: HouseName;
  type: "vote" | "override" | "veto";
  voter: Address;
  /** The support, or null for a veto. */
  support: VoteSupport | null;
  /** The weight counted now (a delegate's vote loses what its delegators overrode). */
  weight: bigint;
  /** The weight when cast. */
  castWeight: bigint;
  reason: string;
  blockNumber: bigint;
  /** The event's position in its block (with `blockNumber`, the ballot list's cursor). */
  logIndex: number;
  transactionHash: Hash;
};

/** Parameters of {@link getProposalBallots}. */
export type GetProposalBallotsParameters = {
  proposalId: BigIntish;
  /** Only this account's ballots (its vote in each house, its override, its veto). */
  voter?: Address | undefined;
} & PageParameters &
  BlockParameters;

/**
 * Who voted, overrode or vetoed on a proposal, in both houses, oldest first, a page at a time (`limit`
 * 1..500, default 50; `cursor`: the previous page's `next`, the last ballot's `block:logIndex`), as of a block
 * (default: the latest). A delegate's vote shows the weight that still counts at that block after its
 * delegators' overrides (`VoteReduced`).
 *
 * Direct reads: one `eth_getLogs` over both houses, from the cursor's block (a ballot's reductions come after
 * it) to the read's block; OpenZeppelin's vote events index only the voter, so the proposal is matched after
 * decoding, and a `voter` filters on the chain. Through the indexer (no block given): one request.
 *
 * @throws {InvalidInputError} on a bad `proposalId`, `voter`, `limit` or `cursor`.
 * @example
 * const { items, next } = await concord.governance.getProposalBallots({ proposalId, limit: 20 });
 * items.filter((b) => b.type === "vote").map((b) => [b.voter, b.support, b.weight]);
 * const more = next ? await concord.governance.getProposalBallots({ proposalId, limit: 20, cursor: next }) : null;
 */
export async function getProposalBallots(
  client: ConcordClientBase,
  parameters: GetProposalBallotsParameters,
): Promise<Page<Ballot>> {
  const proposalId = toUint256("proposalId", parameters.proposalId);
  const voter = parameters.voter === undefined ? undefined : toAddress("voter", parameters.voter);
  const limit = toPageLimit(parameters.limit);
  const after = eventCursor(parameters.cursor);
  const at = readAt(parameters);
  const viaIndexer = pinned(at) ? null : await indexerFor(client);
  if (viaIndexer)
    return (await import("../indexer/governance.ts")).indexerProposalBallots(viaIndexer, {
      proposalId,
      voter,
      limit,
      cursor: after ? eventCursorOf(after) : null,
    });
  const { toBlock } = await pinBlock(client, at);
  return scanBallots(client, { proposalId, voter, limit, after, toBlock });
}

/**
 * @internal One page of a proposal's ballots from the chain: one `eth_getLogs` over both houses from the
 * cursor's block, or from `fromBlock` (a proposal's creation: none of its ballots comes before), to `toBlock`.
 */
export async function scanBallots(
  client: ConcordClientBase,
  query: {
    proposalId: bigint;
    voter?: Address | undefined;
    limit: number;
    after: EventPosition | null;
    toBlock: bigint | undefined;
    fromBlock?: bigint | undefined;
  },
): Promise<Page<Ballot>> {
  const { proposalId, voter, limit, after, toBlock } = query;
  const gov = await getGovernanceContracts(client);
  const floor =
    query.fromBlock !== undefined && query.fromBlock > gov.startBlock ? query.fromBlock : gov.startBlock;
  const logs = await scanEvents(client, {
    address: [gov.operationalHouse, gov.communityHouse],
    abi: communityHouseAbi,
    eventNames: ["VoteCast", "VoteCastWithParams", "OverrideVoteCast", "VetoCast", "VoteReduced"],
    // Topic 1 of every one of these events is the voter (VoteReduced's: the delegate whose vote it reduces).
    topics: voter ? [voter] : undefined,
    fromBlock: after && after.blockNumber > floor ? after.blockNumber : floor,
    toBlock,
  });
  const ballots: Ballot[] = [];
  for (const log of logs) {
    if (log.args.proposalId !== proposalId) continue;
    const house: HouseName = isAddressEqual(log.address, gov.operationalHouse) ? "operational" : "community";
    const where = {
      house,
      blockNumber: log.blockNumber,
      logIndex: log.logIndex,
      transactionHash: log.transactionHash,
    };
    switch (log.eventName) {
      case "VoteCast":
      case "VoteCastWithParams":
      case "OverrideVoteCast": {
        const { voter, support, weight, reason } = log.args;
        ballots.push({
          ...where,
          type: log.eventName === "OverrideVoteCast" ? "override" : "vote",
          voter: getAddress(voter),
          support: voteSupportNames[support] ?? null,
          weight,
          castWeight: weight,
          reason,
        });
        break;
      }
      case "VetoCast": {
        const { voter, weight, reason } = log.args;
        ballots.push({
          ...where,
          type: "veto",
          voter: getAddress(voter),
          support: null,
          weight,
          castWeight: weight,
          reason,
        });
        break;
      }
      case "VoteReduced": {
        const vote = ballots.find(
          (ballot) =>
            ballot.type === "vote" &&
            ballot.house === house &&
            isAddressEqual(ballot.voter, log.args.delegate),
        );
        if (vote) vote.weight -= log.args.weight;
        break;
      }
    }
  }
  const rest = after ? ballots.filter((ballot) => compareEvents(ballot, after) > 0) : ballots;
  const items = rest.slice(0, limit);
  return { items, next: rest.length > limit ? eventCursorOf(items[items.length - 1]!) : null };
}
