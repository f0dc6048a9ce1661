/**
 * The member directory's queries (the lazy members chunk), through the SDK React entry's factories: one page of
 * the roster (`getMemberRoster`: one request through the indexer, one scan of the votes token's events
 * directly), the entries of a few named accounts (the viewer, a search, a typed address), and the votes and
 * seats of the accounts shown (`getMemberPowers`: one batched read). Keys are the entry's
 * (`["concord", "getMemberRoster", {…}]`), refreshed with the governance and cells domains (refresh.ts).
 */
import { useQuery } from "@tanstack/react-query";
import type { Address } from "viem";

import { getMemberPowersQueryOptions, getMemberRosterQueryOptions } from "../../../sdk/react/index.ts";
import { useConcord } from "../concord.tsx";

/** Roster entries per page (one request or one scan, then one batched read of their votes and seats). */
export const ROSTER_PAGE_SIZE = 20;

const queryDefaults = { staleTime: Infinity, refetchOnWindowFocus: false, retry: 1 } as const;

/** One page of the roster: the page after `cursor` (null: the first). */
export function useRosterPage(cursor: string | null, enabled = true) {
  const { reader } = useConcord();
  return useQuery(
    getMemberRosterQueryOptions(
      reader,
      { limit: ROSTER_PAGE_SIZE, cursor },
      { ...queryDefaults, enabled, placeholderData: (previous) => previous },
    ),
  );
}

/** The roster entries of `accounts` (at most the SDK's `MAX_ROSTER_ACCOUNTS`; none on the roster: no entry). */
export function useRosterEntries(accounts: readonly Address[]) {
  const { reader } = useConcord();
  return useQuery(
    getMemberRosterQueryOptions(
      reader,
      { accounts: [...accounts], limit: Math.max(1, accounts.length) },
      { ...queryDefaults, enabled: accounts.length > 0 },
    ),
  );
}

/** The votes and seats of `accounts` (the accounts shown). */
export function useMemberPowers(accounts: readonly Address[]) {
  const { reader } = useConcord();
  return useQuery(
    getMemberPowersQueryOptions(
      reader,
      { accounts: [...accounts] },
      { ...queryDefaults, enabled: accounts.length > 0, placeholderData: (previous) => previous },
    ),
  );
}
