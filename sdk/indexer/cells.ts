/**
 * The cells module's event-derived reads through the indexer: cell metadata (names, creators, latest
 * nucleus), members, pending join requests and the activity feed, in the shapes of the direct reads.
 */
import type { Address } from "viem";

import type { CellMetadata } from "../cells/aggregates.ts";
import { rolesToNames } from "../cells/roles.ts";
import type { Activity, CellSummary, JoinRequest, Member } from "../cells/types.ts";
import type { Page } from "../internal/page.ts";
import { addr, big, bigOrNull, hash, hex } from "./rows.ts";
import type { ActivityRow, CellRow, JoinRequestRow, MembershipRow } from "./rows.ts";
import { indexerAll, indexerPage } from "./source.ts";
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
  return indexerPage(
    indexer,
    `/concord/cells/${cellId}/members`,
    { limit, cursor },
    (row: MembershipRow) => ({
      account: addr(row.account),
      roles: row.roles,
      roleNames: rolesToNames(row.roles),
      since: big(row.since),
      sinceBlock: big(row.sinceBlock),
    }),
  );
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
  return indexerPage(
    indexer,
    `/concord/cells/${cellId}/join-requests`,
    { limit, cursor },
    (row: JoinRequestRow) => ({
      account: addr(row.account),
      requestedAt: big(row.requestedAt),
      requestedBlock: big(row.requestedBlock),
    }),
  );
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
  return rows.map((row): Activity => {
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
  });
}
