/**
 * The votes domain of the governance pages (lazy chunk): a proposal's ballots (the SDK's
 * `getProposalBallots`: one `eth_getLogs` over both houses) and the viewer's rights to propose (the SDK's
 * `getGovernanceSettings` and `getVotingPower`, two batched reads). Keys come from {@link votesKeys} (segment
 * "votes" in keys.ts): the block watcher and every write refresh them when governance or cells change.
 */
import { useQuery } from "@tanstack/react-query";
import type { Address } from "viem";

import { getGovernanceSettings, getProposalBallots, getVotingPower } from "../../../sdk/index.ts";
import { useConcord } from "../concord.tsx";
import { concordKey } from "./keys.ts";

/** Query keys of the votes domain. */
export const votesKeys = {
  all: (chainId: number) => [...concordKey, chainId, "votes"] as const,
  ballots: (chainId: number, proposalId: bigint) =>
    [...votesKeys.all(chainId), "ballots", String(proposalId)] as const,
  proposingRights: (chainId: number, account: Address | null) =>
    [...votesKeys.all(chainId), "proposingRights", account] as const,
};

/** Who voted, overrode or vetoed on a proposal, oldest first. */
export function useBallots(proposalId: bigint) {
  const { app, reader } = useConcord();
  return useQuery({
    queryKey: votesKeys.ballots(app.chain.id, proposalId),
    queryFn: () => getProposalBallots(reader, { proposalId }),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    retry: 1,
  });
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
