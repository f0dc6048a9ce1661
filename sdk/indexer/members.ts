/**
 * The member roster through the indexer: one request to `/concord/roster`, in the shape of the direct read
 * (`getMemberRoster`, sdk/governance/delegates.ts), which folds the same events the same way.
 */
import type { Address } from "viem";

import type { GetMemberRosterReturnType } from "../governance/delegates.ts";
import { addr } from "./rows.ts";
import { indexerGet } from "./source.ts";
import type { IndexerConfig } from "./switch.ts";

/** One roster entry as the indexer API returns it (addresses lower-case). */
export type RosterRow = {
  account: string;
  member: boolean;
  delegate: string | null;
  delegators: string[];
  delegatorCount: number;
};

/**
 * One page of the roster (checked parameters: `limit` 1..500, a `block:logIndex` cursor or null, at most 100
 * accounts or null), as `getMemberRoster` returns it.
 *
 * @example
 * const page = await indexerMemberRoster(indexer, { limit: 20, cursor: null, accounts: null });
 */
export async function indexerMemberRoster(
  indexer: IndexerConfig,
  query: { limit: number; cursor: string | null; accounts: readonly Address[] | null },
): Promise<GetMemberRosterReturnType> {
  const body = await indexerGet<{ items: RosterRow[]; next: string | null; memberCount: number }>(
    indexer,
    "/concord/roster",
    {
      limit: query.limit,
      cursor: query.cursor,
      accounts: query.accounts === null ? undefined : query.accounts.join(","),
    },
  );
  return {
    items: body.items.map((row) => ({
      account: addr(row.account),
      member: row.member,
      delegate: row.delegate === null ? null : addr(row.delegate),
      delegators: row.delegators.map(addr),
      delegatorCount: row.delegatorCount,
    })),
    next: body.next,
    memberCount: body.memberCount,
  };
}
