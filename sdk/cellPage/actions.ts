/**
 * The cell page as one SDK read, on either read path (the client's `reads: "rpc" | "indexer" | "auto"`), with
 * the same result: a cell's creator, creation and nucleus, the first page of its members and of its pending join
 * requests, its newest activity, and the decision owners set on it and on each of its ancestors.
 *
 * - Through the indexer: ONE request (`/concord/cells/:id`). Everything on it is event-derived (nothing changes
 *   by time alone), so no chain read; a cell the indexer does not have is asked of the chain (one `eth_call`).
 * - Direct: one `eth_blockNumber` pins the block, then the SDK's reads at it (`getCell`, `getMembers`,
 *   `getJoinRequests`, `getActivity`: each scans the cell's logs), the parent walk above the grandparent
 *   (`parentOf`, at most `cellLimits.MAX_DEPTH - 2` calls) and ONE scan of `DecisionOwnerSet` up to that block.
 */
import { zeroAddress } from "viem";
import { getBlockNumber } from "viem/actions";

import { getCell } from "../cells/aggregates.ts";
import { cellLimits } from "../cells/constants.ts";
import { getActivity, getJoinRequests, getMembers } from "../cells/events.ts";
import { getCellInfo, parentOf } from "../cells/reads.ts";
import type { ConcordClientBase } from "../client.ts";
import { InvalidInputError } from "../errors.ts";
import { cellRegistryAbi } from "../generated/abis.ts";
import { indexerFor } from "../indexer/switch.ts";
import { contractOf } from "../internal/contracts.ts";
import { scanEvents } from "../internal/logs.ts";
import type { ScanProgress } from "../internal/logs.ts";
import { MAX_PAGE_LIMIT } from "../internal/page.ts";
import { toCellId } from "../internal/validate.ts";
import { CELL_PAGE_ACTIVITY, CELL_PAGE_MEMBERS, CELL_PAGE_OWNERS } from "./types.ts";
import type { CellPage, DecisionOwnerEntry, GetCellPageParameters } from "./types.ts";

/**
 * The decision owners set on each of `cellIds` (not inherited) up to `toBlock`, from `DecisionOwnerSet` events
 * (one scan, split within the provider's limits): by cell id then topic, at most {@link CELL_PAGE_OWNERS}.
 *
 * @example
 * const owners = await scanDecisionOwners(concord, [2n, 1n], { toBlock: 120n }); // a cell and its parent
 */
export async function scanDecisionOwners(
  client: ConcordClientBase,
  cellIds: readonly bigint[],
  options: {
    toBlock?: bigint | undefined;
    onProgress?: ((progress: ScanProgress) => void) | undefined;
    signal?: AbortSignal | undefined;
  } = {},
): Promise<DecisionOwnerEntry[]> {
  if (cellIds.length === 0) return [];
  const { address, startBlock } = contractOf(client, "cellRegistry");
  const logs = await scanEvents(client, {
    address,
    abi: cellRegistryAbi,
    eventNames: ["DecisionOwnerSet"],
    topic1: [...new Set(cellIds)],
    fromBlock: startBlock,
    toBlock: options.toBlock,
    onProgress: options.onProgress,
    signal: options.signal,
  });
  // The logs come in chain order: the last event of a (cell, topic) is its owner; the zero address unsets it.
  const current = new Map<string, DecisionOwnerEntry>();
  for (const log of logs) {
    const { cellId, topic, owner } = log.args;
    const key = `${cellId}:${topic}`;
    if (owner === zeroAddress) current.delete(key);
    else current.set(key, { cellId, topic, owner });
  }
  return [...current.values()]
    .sort((a, b) =>
      a.cellId !== b.cellId
        ? a.cellId < b.cellId
          ? -1
          : 1
        : a.topic < b.topic
          ? -1
          : a.topic > b.topic
            ? 1
            : 0,
    )
    .slice(0, CELL_PAGE_OWNERS);
}

/** A limit, checked: an integer from `min` to `max` (`fallback` when not given). */
function toLimit(name: string, limit: unknown, min: number, max: number, fallback: number): number {
  if (limit === undefined) return fallback;
  if (typeof limit !== "number" || !Number.isInteger(limit) || limit < min || limit > max)
    throw new InvalidInputError(
      name,
      limit,
      `expected an integer from ${min} to ${max}, got ${String(limit)}`,
    );
  return limit;
}

/**
 * A cell's page in one read: its creator, creation time and nucleus, the first page (`membersLimit`, default 50) of
 * its members and of its pending join requests (their `next` cursors page on with `getMembers` /
 * `getJoinRequests`), its newest `activityLimit` (default and at most 30) states and intents, and the decision
 * owners set on it and on each of its ancestors (by cell then topic, at most 100).
 *
 * Bounds. Indexer path: 1 request. Direct path: 1 `eth_blockNumber`, then, at that block, `getCell` (1 `eth_call`
 * and 1 `eth_getLogs`), 1 `eth_getLogs` each for members, join requests and activity (split within the provider's
 * limits), at most `cellLimits.MAX_DEPTH - 2` `parentOf` calls and 1 `eth_getLogs` of decision owners.
 *
 * @throws {InvalidInputError} when `cellId`, `membersLimit` or `activityLimit` is malformed.
 * @throws {ContractRefusalError} `CellNonexistent` when the cell does not exist (on both paths).
 * @throws {IndexerUnavailableError} on the indexer path when the indexer cannot answer.
 * @example
 * import { getCellPage } from "@concord-dao/sdk";
 *
 * const { details, members, owners } = await getCellPage(concord, { cellId: 2n });
 * members.items.map((member) => member.roleNames);
 */
export async function getCellPage(
  client: ConcordClientBase,
  parameters: GetCellPageParameters,
): Promise<CellPage> {
  const cellId = toCellId(parameters.cellId);
  const membersLimit = toLimit("membersLimit", parameters.membersLimit, 1, MAX_PAGE_LIMIT, CELL_PAGE_MEMBERS);
  const activityLimit = toLimit(
    "activityLimit",
    parameters.activityLimit,
    0,
    CELL_PAGE_ACTIVITY,
    CELL_PAGE_ACTIVITY,
  );
  const viaIndexer = await indexerFor(client);
  if (viaIndexer) {
    const { indexerCellPage } = await import("../indexer/cells.ts");
    const page = await indexerCellPage(viaIndexer, cellId, { membersLimit, activityLimit });
    if (page) return page;
    // The indexer has no such cell: the chain's refusal when it does not exist either (CellNonexistent).
    await getCellInfo(client, { cellId });
    const { IndexerUnavailableError } = await import("../indexer/source.ts");
    throw new IndexerUnavailableError(viaIndexer.url, `it has not indexed cell ${cellId} yet`);
  }
  // One block for every read: the scans stop at it, the state is read at it.
  const blockNumber = await getBlockNumber(client.publicClient, { cacheTime: 0 });
  const scan = { onProgress: parameters.onProgress, signal: parameters.signal };
  const [cell, members, joinRequests, activity] = await Promise.all([
    getCell(client, { cellId, blockNumber }),
    getMembers(client, { cellId, limit: membersLimit, blockNumber }),
    getJoinRequests(client, { cellId, limit: membersLimit, blockNumber }),
    activityLimit === 0 ? [] : getActivity(client, { cellId, limit: activityLimit, blockNumber }),
  ]);
  // The cell and its ancestors: the parent is the cell's; above it, one parentOf each (a depth of at most 8).
  const chain = [cellId];
  const depth = Math.min(cell.depth, cellLimits.MAX_DEPTH);
  for (let parent = cell.parentId; parent !== 0n && chain.length < depth;) {
    chain.push(parent);
    if (chain.length < depth) parent = await parentOf(client, { cellId: parent, blockNumber });
  }
  const owners = await scanDecisionOwners(client, chain, { toBlock: blockNumber, ...scan });
  const { creator, createdAt, nucleusURI, nucleusHash } = cell;
  return {
    cellId,
    details: { creator, createdAt, nucleusURI, nucleusHash },
    members,
    joinRequests,
    activity,
    owners,
  };
}
