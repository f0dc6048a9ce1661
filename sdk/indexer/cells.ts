/**
 * The cells module's event-derived reads through the indexer: cell metadata (names, creators, latest
 * nucleus), members, pending join requests and the activity feed, in the shapes of the direct reads.
 */
import type { Address } from "viem";

import type { CellPage, DecisionOwnerEntry } from "../cellPage/types.ts";
import type { CellMetadata } from "../cells/aggregates.ts";
import { rolesToNames } from "../cells/roles.ts";
import type { Activity, CellSummary, JoinRequest, Member } from "../cells/types.ts";
import type { Page } from "../internal/page.ts";
import { addr, big, bigOrNull, hash, hex } from "./rows.ts";
import type { ActivityRow, CellRow, JoinRequestRow, MembershipRow } from "./rows.ts";
import { IndexerUnavailableError, indexerAll, indexerGet, indexerPage } from "./source.ts";
import type { IndexerConfig } from "./switch.ts";

/** At most this many ids go in one `ids=` filter (the API's bound). */
const IDS_PER_REQUEST = 500;

/**
 * Cell metadata by id (every cell, or those of `cellIds`), as `fetchCellMetadata` rebuilds it from logs.
 *
 * @example
 * const metadata = await indexerCellMetadata(indexer, [1n]);
 */
export async function indexerCellMetadata(
  indexer: IndexerConfig,
  cellIds?: readonly bigint[],
): Promise<Map<bigint, CellMetadata>> {
  const rows: CellRow[] = [];
  if (cellIds === undefined) rows.push(...(await indexerAll<CellRow>(indexer, "/concord/cells")));
  else {
    const unique = [...new Set(cellIds)];
    for (let i = 0; i < unique.length; i += IDS_PER_REQUEST) {
      const ids = unique.slice(i, i + IDS_PER_REQUEST).join(",");
      rows.push(...(await indexerAll<CellRow>(indexer, "/concord/cells", { ids })));
    }
  }
  return new Map(rows.map((row) => [big(row.id), metadataOf(row)]));
}

/** A cell row's metadata, as `fetchCellMetadata` rebuilds it from logs. */
function metadataOf(row: CellRow): CellMetadata {
  return {
    parentId: big(row.parentId),
    name: row.name,
    creator: addr(row.creator),
    nucleusURI: row.nucleusURI,
    nucleusHash: row.nucleusHash === null ? null : hex(row.nucleusHash),
    createdBlock: big(row.createdBlock),
  };
}

/**
 * One page of the cells (or of `parentId`'s children) in id order, as `listCells` returns it: ONE request.
 *
 * @example
 * const { items, next } = await indexerCellsPage(indexer, { limit: 500, cursor: null });
 */
export async function indexerCellsPage(
  indexer: IndexerConfig,
  { parentId, limit, cursor }: { parentId?: bigint | undefined; limit: number; cursor: bigint | null },
): Promise<Page<CellSummary>> {
  return indexerPage(indexer, "/concord/cells", { parentId, limit, cursor }, (row: CellRow) => ({
    id: big(row.id),
    ...metadataOf(row),
  }));
}

/**
 * One page of the current members of a cell, ordered by membership date, as `getMembers` returns it: ONE request
 * (`cursor`: the `block:logIndex` of the previous page's last membership).
 *
 * @example
 * const { items, next } = await indexerMembersPage(indexer, 1n, { limit: 50, cursor: null });
 */
export async function indexerMembersPage(
  indexer: IndexerConfig,
  cellId: bigint,
  { limit, cursor }: { limit: number; cursor: string | null },
): Promise<Page<Member>> {
  return indexerPage(indexer, `/concord/cells/${cellId}/members`, { limit, cursor }, memberOf);
}

/**
 * One page of the pending join requests of a cell, oldest first, as `getJoinRequests` returns it: ONE request
 * (`cursor`: the `block:logIndex` of the previous page's last request).
 *
 * @example
 * const { items, next } = await indexerJoinRequestsPage(indexer, 1n, { limit: 50, cursor: null });
 */
export async function indexerJoinRequestsPage(
  indexer: IndexerConfig,
  cellId: bigint,
  { limit, cursor }: { limit: number; cursor: string | null },
): Promise<Page<JoinRequest>> {
  return indexerPage(indexer, `/concord/cells/${cellId}/join-requests`, { limit, cursor }, joinRequestOf);
}

/**
 * A cell's activity, newest first (optionally one member's, at most `limit` entries), as `getActivity`.
 *
 * @example
 * const feed = await indexerActivity(indexer, { cellId: 1n, limit: 20 });
 */
export async function indexerActivity(
  indexer: IndexerConfig,
  { cellId, member, limit }: { cellId: bigint; member?: Address | undefined; limit?: number | undefined },
): Promise<Activity[]> {
  if (limit !== undefined && limit <= 0) return [];
  const rows = await indexerAll<ActivityRow>(
    indexer,
    `/concord/cells/${cellId}/activity`,
    { member },
    limit === undefined ? undefined : Math.floor(limit),
  );
  return rows.map(activityOf);
}

/** A membership row, as `getMembers` returns it. */
function memberOf(row: MembershipRow): Member {
  return {
    account: addr(row.account),
    roles: row.roles,
    roleNames: rolesToNames(row.roles),
    since: big(row.since),
    sinceBlock: big(row.sinceBlock),
  };
}

/** A join request row, as `getJoinRequests` returns it. */
function joinRequestOf(row: JoinRequestRow): JoinRequest {
  return {
    account: addr(row.account),
    requestedAt: big(row.requestedAt),
    requestedBlock: big(row.requestedBlock),
  };
}

/** An activity row, as `getActivity` returns it. */
function activityOf(row: ActivityRow): Activity {
  const base = {
    cellId: big(row.cellId),
    member: addr(row.member),
    timestamp: big(row.timestamp),
    blockNumber: big(row.blockNumber),
    logIndex: row.logIndex,
    transactionHash: hash(row.transactionHash),
  };
  return row.kind === "state"
    ? { kind: "state", ...base, state: row.state ?? "" }
    : { kind: "intent", ...base, intent: row.intent ?? "", at: bigOrNull(row.at) ?? 0n };
}

/** The indexer's `/concord/cells/:id` answer (integers as decimal strings, addresses lower-case). */
type CellPageResponse = {
  cell: CellRow;
  chain: string[];
  members: { items: MembershipRow[]; next: string | null };
  joinRequests: { items: JoinRequestRow[]; next: string | null };
  activity: { items: ActivityRow[]; next: string | null };
  owners: { cellId: string; topic: string; owner: string }[];
};

/**
 * The cell page through the indexer, as `getCellPage` returns it: ONE request (`/concord/cells/:id`), no chain
 * read. Null when the indexer has no such cell (the caller asks the chain why).
 *
 * @throws {IndexerUnavailableError} when the indexer does not answer, answers an error, or is older than the SDK.
 * @example
 * const page = await indexerCellPage(indexer, 2n, { membersLimit: 50, activityLimit: 30 });
 */
export async function indexerCellPage(
  indexer: IndexerConfig,
  cellId: bigint,
  { membersLimit, activityLimit }: { membersLimit: number; activityLimit: number },
): Promise<CellPage | null> {
  const path = `/concord/cells/${cellId}`;
  let page: Partial<CellPageResponse>;
  try {
    page = await indexerGet<Partial<CellPageResponse>>(indexer, path, { limit: membersLimit });
  } catch (error) {
    // The API answers 404 for a cell it has not indexed: not an indexer failure.
    if (error instanceof IndexerUnavailableError && error.shortMessage.includes(`${path} answered 404`))
      return null;
    throw error;
  }
  const { cell, members, joinRequests, activity, owners } = page;
  if (!cell || !members || !joinRequests || !activity || !Array.isArray(owners))
    throw new IndexerUnavailableError(indexer.url, `its ${path} is older than this SDK`);
  return {
    cellId,
    details: {
      creator: addr(cell.creator),
      createdAt: big(cell.createdAt),
      nucleusURI: cell.nucleusURI,
      nucleusHash: cell.nucleusHash === null ? null : hex(cell.nucleusHash),
    },
    members: { items: members.items.map(memberOf), next: members.next },
    joinRequests: { items: joinRequests.items.map(joinRequestOf), next: joinRequests.next },
    activity: activity.items.slice(0, activityLimit).map(activityOf),
    owners: owners.map((row): DecisionOwnerEntry => ({
      cellId: big(row.cellId),
      topic: hex(row.topic),
      owner: addr(row.owner),
    })),
  };
}
