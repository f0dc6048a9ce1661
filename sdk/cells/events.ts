/**
 * What the registry keeps only in events, rebuilt by scanning from the deployment's `startBlock`:
 * the list of cells, member lists, pending join requests and the activity feed.
 */
import { isAddressEqual } from "viem";
import type { Address } from "viem";

import type { ConcordClientBase } from "../client.ts";
import { cellRegistryAbi } from "../generated/abis.ts";
import { pinBlock, pinned, readAt } from "../internal/block.ts";
import type { BlockParameters } from "../internal/block.ts";
import { contractOf } from "../internal/contracts.ts";
import { blockTimestamps, scanEvents } from "../internal/logs.ts";
import { toAddress, toCellId, toUint256 } from "../internal/validate.ts";
import type { BigIntish } from "../internal/validate.ts";
import { fetchCellMetadata } from "./aggregates.ts";
import { rolesToNames } from "./roles.ts";
import type { Activity, CellSummary, JoinRequest, Member } from "./types.ts";
import { indexerFor } from "../indexer/switch.ts";
import {
  compareEvents,
  eventCursor,
  eventCursorOf,
  idCursor,
  pageOf,
  toPageLimit,
} from "../internal/page.ts";
import type { EventPosition, Page, PageParameters } from "../internal/page.ts";

/**
 * @internal Every cell (or, with `parentId`, that cell's direct children), rebuilt from CellCreated and
 * NucleusUpdated events, in id order: what `getDirectory` splits. Lists read by a page: {@link listCells}.
 *
 * @example
 * const all = await everyCell(client);
 */
export async function everyCell(
  client: ConcordClientBase,
  { parentId, ...block }: { parentId?: BigIntish | undefined } & BlockParameters = {},
): Promise<CellSummary[]> {
  const parent = parentId === undefined ? undefined : toUint256("parentId", parentId);
  const metadata = await fetchCellMetadata(client, undefined, readAt(block));
  const cells: CellSummary[] = [];
  for (const [id, entry] of metadata) {
    if (parent === undefined || entry.parentId === parent) cells.push({ id, ...entry });
  }
  return cells.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * One page of the cells (id, parent, name, creator, latest nucleus), in id order, rebuilt from CellCreated and
 * NucleusUpdated events. With `parentId`, only that cell's direct children (0n: top-level cells). `limit`
 * 1..500 (default 50); `cursor`: the previous page's `next` (the last id, the indexer's cursor).
 *
 * @throws {InvalidInputError} on a bad `parentId`, `limit` or `cursor`.
 * @example
 * const { items, next } = await concord.cells.listCells({ limit: 500 });
 * const children = (await concord.cells.listCells({ parentId: 1n })).items;
 */
export async function listCells(
  client: ConcordClientBase,
  {
    parentId,
    limit,
    cursor,
    ...block
  }: { parentId?: BigIntish | undefined } & PageParameters & BlockParameters = {},
): Promise<Page<CellSummary>> {
  const parent = parentId === undefined ? undefined : toUint256("parentId", parentId);
  const page = { limit: toPageLimit(limit), cursor: cursor ?? null };
  const after = idCursor(page.cursor);
  const at = readAt(block);
  // The indexer serves the head: a read at a block goes to the chain.
  const viaIndexer = pinned(at) ? null : await indexerFor(client);
  if (viaIndexer)
    return (await import("../indexer/cells.ts")).indexerCellsPage(viaIndexer, {
      parentId: parent,
      limit: page.limit,
      cursor: after,
    });
  return pageOf(
    await everyCell(client, { parentId: parent, ...block }),
    page,
    (cell) => cell.id.toString(),
    (cell) => cell.id > after!,
  );
}

/**
 * One page of the current members of a cell with their roles and since when they are members, rebuilt from
 * RolesChanged events (joins, role changes, removals and departures), ordered by membership date. `limit`
 * 1..500 (default 50); `cursor`: the `next` of the previous page (`block:logIndex` of the membership's start, the
 * indexer's cursor, so both paths page alike).
 *
 * @throws {InvalidInputError} on a bad `cellId`, `limit` or `cursor`.
 * @example
 * const { items, next } = await concord.cells.getMembers({ cellId: 1n, limit: 100 });
 * items.filter((m) => m.roleNames.includes("steward"));
 * const more = next ? await concord.cells.getMembers({ cellId: 1n, limit: 100, cursor: next }) : null;
 */
export async function getMembers(
  client: ConcordClientBase,
  { cellId, limit, cursor, ...block }: { cellId: BigIntish } & PageParameters & BlockParameters,
): Promise<Page<Member>> {
  const id = toCellId(cellId);
  const page = { limit: toPageLimit(limit), cursor: cursor ?? null };
  const after = eventCursor(page.cursor);
  const { at, toBlock } = await pinBlock(client, readAt(block));
  // The indexer serves the head: a read at a block goes to the chain.
  const viaIndexer = pinned(at) ? null : await indexerFor(client);
  if (viaIndexer) return (await import("../indexer/cells.ts")).indexerMembersPage(viaIndexer, id, page);
  const logs = await scanEvents(client, {
    address: contractOf(client, "cellRegistry").address,
    abi: cellRegistryAbi,
    eventNames: ["RolesChanged"],
    topic1: id,
    fromBlock: contractOf(client, "cellRegistry").startBlock,
    toBlock,
  });
  const current = new Map<Address, { account: Address; roles: number } & EventPosition>();
  for (const log of logs) {
    const { account, previousRoles, newRoles } = log.args;
    if (newRoles === 0) current.delete(account);
    else if (previousRoles === 0 || !current.has(account)) {
      // A (re)join starts a new membership: its date and position are this event's.
      current.delete(account);
      current.set(account, {
        account,
        roles: newRoles,
        blockNumber: log.blockNumber,
        logIndex: log.logIndex,
      });
    } else current.get(account)!.roles = newRoles;
  }
  const ordered = [...current.values()].sort(compareEvents);
  const { items, next } = pageOf(ordered, page, eventCursorOf, (entry) => compareEvents(entry, after!) > 0);
  const times = await blockTimestamps(client, items);
  return {
    items: items.map((entry) => ({
      account: entry.account,
      roles: entry.roles,
      roleNames: rolesToNames(entry.roles),
      since: times.get(entry.blockNumber) ?? 0n,
      sinceBlock: entry.blockNumber,
    })),
    next,
  };
}

/**
 * One page of the pending requests to join a cell (asked, and neither approved, rejected nor withdrawn), oldest
 * first, rebuilt from JoinRequested and JoinRequestClosed events. `limit` 1..500 (default 50); `cursor`: the
 * `next` of the previous page (`block:logIndex` of the request, the indexer's cursor).
 *
 * @throws {InvalidInputError} on a bad `cellId`, `limit` or `cursor`.
 * @example
 * const { items } = await concord.cells.getJoinRequests({ cellId: 1n });
 * for (const request of items) {
 *   await concord.cells.approveJoin({ cellId: 1n, account: request.account });
 * }
 */
export async function getJoinRequests(
  client: ConcordClientBase,
  { cellId, limit, cursor, ...block }: { cellId: BigIntish } & PageParameters & BlockParameters,
): Promise<Page<JoinRequest>> {
  const id = toCellId(cellId);
  const page = { limit: toPageLimit(limit), cursor: cursor ?? null };
  const after = eventCursor(page.cursor);
  const { at, toBlock } = await pinBlock(client, readAt(block));
  // The indexer serves the head: a read at a block goes to the chain.
  const viaIndexer = pinned(at) ? null : await indexerFor(client);
  if (viaIndexer) return (await import("../indexer/cells.ts")).indexerJoinRequestsPage(viaIndexer, id, page);
  const logs = await scanEvents(client, {
    address: contractOf(client, "cellRegistry").address,
    abi: cellRegistryAbi,
    eventNames: ["JoinRequested", "JoinRequestClosed"],
    topic1: id,
    fromBlock: contractOf(client, "cellRegistry").startBlock,
    toBlock,
  });
  // A repeated request keeps its place (the position of the first one still pending) and takes the new date.
  const pending = new Map<
    Address,
    { account: Address; block: bigint; timestamp: bigint | null | undefined } & EventPosition
  >();
  for (const log of logs) {
    const { account } = log.args;
    if (log.eventName === "JoinRequestClosed") pending.delete(account);
    else {
      const first = pending.get(account);
      pending.set(account, {
        account,
        block: log.blockNumber,
        timestamp: log.blockTimestamp,
        blockNumber: first?.blockNumber ?? log.blockNumber,
        logIndex: first?.logIndex ?? log.logIndex,
      });
    }
  }
  const ordered = [...pending.values()].sort(compareEvents);
  const { items, next } = pageOf(ordered, page, eventCursorOf, (entry) => compareEvents(entry, after!) > 0);
  const times = await blockTimestamps(
    client,
    items.map((entry) => ({ blockNumber: entry.block, blockTimestamp: entry.timestamp })),
  );
  return {
    items: items.map((entry) => ({
      account: entry.account,
      requestedAt: times.get(entry.block) ?? 0n,
      requestedBlock: entry.block,
    })),
    next,
  };
}

/**
 * The activity of a cell: state declarations and intent signals, newest first. Filter by `member`,
 * cap with `limit`.
 *
 * @example
 * const feed = await concord.cells.getActivity({ cellId: 1n, limit: 20 });
 * for (const entry of feed) {
 *   console.log(entry.kind === "state" ? entry.state : `${entry.intent} at ${entry.at}`);
 * }
 */
export async function getActivity(
  client: ConcordClientBase,
  {
    cellId,
    member,
    limit,
    ...block
  }: { cellId: BigIntish; member?: Address | undefined; limit?: number | undefined } & BlockParameters,
): Promise<Activity[]> {
  const id = toCellId(cellId);
  const who = member === undefined ? undefined : toAddress("member", member, { allowZero: true });
  const { at, toBlock } = await pinBlock(client, readAt(block));
  // The indexer serves the head: a read at a block goes to the chain.
  const viaIndexer = pinned(at) ? null : await indexerFor(client);
  if (viaIndexer)
    return (await import("../indexer/cells.ts")).indexerActivity(viaIndexer, {
      cellId: id,
      member: who,
      limit,
    });
  const logs = await scanEvents(client, {
    address: contractOf(client, "cellRegistry").address,
    abi: cellRegistryAbi,
    eventNames: ["StateDeclared", "IntentSignalled"],
    topic1: id,
    fromBlock: contractOf(client, "cellRegistry").startBlock,
    toBlock,
  });
  let selected = who ? logs.filter((log) => isAddressEqual(log.args.member, who)) : [...logs];
  selected.reverse();
  if (limit !== undefined) selected = selected.slice(0, Math.max(0, limit));
  const times = await blockTimestamps(client, selected);
  return selected.map((log): Activity => {
    const base = {
      cellId: log.args.cellId,
      member: log.args.member,
      timestamp: times.get(log.blockNumber) ?? 0n,
      blockNumber: log.blockNumber,
      logIndex: log.logIndex,
      transactionHash: log.transactionHash,
    };
    return log.eventName === "StateDeclared"
      ? { kind: "state", ...base, state: log.args.state }
      : { kind: "intent", ...base, intent: log.args.intent, at: log.args.at };
  });
}
