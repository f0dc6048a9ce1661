/**
 * The votes domain of the governance pages (lazy chunk): a proposal's ballots a page at a time and the viewer's
 * own (the SDK React entry's `getProposalBallots` factories: keys `["concord", "getProposalBallots", {…}]`,
 * refreshed with the governance domain), and the viewer's rights to propose (the SDK's `getGovernanceSettings`
 * and `getVotingPower`, two batched reads; keys from {@link votesKeys}, segment "votes" in keys.ts).
 */
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { Address } from "viem";

import { getGovernanceSettings, getVotingPower } from "../../../sdk/index.ts";
import type { Ballot, Page } from "../../../sdk/index.ts";
import {
  getProposalBallotsInfiniteQueryOptions,
  getProposalBallotsQueryOptions,
} from "../../../sdk/react/index.ts";
import { useConcord } from "../concord.tsx";
import { concordKey } from "./keys.ts";

/** Query keys of the votes domain. */
export const votesKeys = {
  all: (chainId: number) => [...concordKey, chainId, "votes"] as const,
  proposingRights: (chainId: number, account: Address | null) =>
    [...votesKeys.all(chainId), "proposingRights", account] as const,
};

const queryDefaults = { staleTime: Infinity, refetchOnWindowFocus: false, retry: 1 } as const;

/** How many ballots the proposal page reads and shows at a time. */
export const BALLOTS_PER_PAGE = 10;

/**
 * Who voted, overrode or vetoed on a proposal, oldest first, a page of {@link BALLOTS_PER_PAGE} at a time: the
 * first page is the one read with the proposal (`getProposalWithBallots`, no request of its own); "Next" reads
 * the following ones with `getProposalBallots` from its `next`.
 */
export function useBallotPages(proposalId: bigint, first: Page<Ballot>) {
  const { reader } = useConcord();
  return useInfiniteQuery(
    getProposalBallotsInfiniteQueryOptions(
      reader,
      { proposalId, limit: BALLOTS_PER_PAGE },
      { ...queryDefaults, initialData: { pages: [first], pageParams: [null] } },
    ),
  );
}

/**
 * The viewer's own ballots on a proposal (a vote in each house, an override, a veto: at most a few; the SDK
 * filters on the voter, one request). Disabled without an account.
 */
export function useOwnBallots(proposalId: bigint, account: Address | null) {
  const { reader } = useConcord();
  return useQuery(
    getProposalBallotsQueryOptions(
      reader,
      { proposalId, voter: account ?? undefined, limit: 10 },
      { ...queryDefaults, enabled: account !== null },
    ),
  );
}

/** The houses' thresholds to propose, and the account's votes and seats now (null without an account). */
export function useProposingRights(account: Address | null) {
  const { app, reader } = useConcord();
  return useQuery({
    queryKey: votesKeys.proposingRights(app.chain.id, account),
    queryFn: async () => {
      const [settings, power] = await Promise.all([
        getGovernanceSettings(reader),
        account ? getVotingPower(reader, { account }) : Promise.resolve(null),
      ]);
      return { settings, power };
    },
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    retry: 1,
  });
}
