/**
 * The member directory's queries (the lazy members chunk): the roster of the community house (the SDK's
 * `getMemberRoster`: one `eth_getLogs` over the votes token) and the votes and seats of the members on the
 * page shown (`getMemberPowers`: one batched `eth_call` per page). Keys come from {@link membersKeys}.
 */
import { useQuery } from "@tanstack/react-query";
import type { Address } from "viem";

import { getMemberPowers, getMemberRoster } from "../../../sdk/index.ts";
import { useConcord } from "../concord.tsx";
import { concordKey } from "./keys.ts";

/** The query keys of the members domain (segment "members" in keys.ts: refreshed when governance or cells change). */
export const membersKeys = {
  all: (chainId: number) => [...concordKey, chainId, "members"] as const,
  roster: (chainId: number) => [...membersKeys.all(chainId), "roster"] as const,
  powers: (chainId: number, accounts: readonly Address[]) =>
    [...membersKeys.all(chainId), "powers", accounts.join(",")] as const,
};

const queryDefaults = { staleTime: Infinity, refetchOnWindowFocus: false, retry: 1 } as const;

/** Every member, its delegate and its delegators. */
export function useMemberRoster() {
  const { reader, app } = useConcord();
  return useQuery({
    queryKey: membersKeys.roster(app.chain.id),
    queryFn: () => getMemberRoster(reader),
    ...queryDefaults,
  });
}

/** The votes and seats of `accounts` (one page, at most the SDK's `MEMBER_PAGE_LIMIT`), keyed by address. */
export function useMemberPowers(accounts: readonly Address[]) {
  const { reader, app } = useConcord();
  return useQuery({
    queryKey: membersKeys.powers(app.chain.id, accounts),
    queryFn: async () =>
      new Map((await getMemberPowers(reader, { accounts })).map((power) => [power.account, power] as const)),
    enabled: accounts.length > 0,
    placeholderData: (previous) => previous,
    ...queryDefaults,
  });
}
