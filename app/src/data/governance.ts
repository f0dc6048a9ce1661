/**
 * The governance screens' queries (the lazy governance chunk): the proposals a page at a time (the SDK React
 * entry's `listProposalsInfiniteQueryOptions`: the SDK's paged `listProposals`, keys `["concord",
 * "listProposals", {…}]`, refreshed with the governance domain), one proposal with the viewer's position, next
 * actions and first page of ballots (`getProposalWithBallots`: two requests through the indexer), the settings, the viewer's voting power and delegate, and the preview of a
 * proposal being written (`classifyProposal`).
 */
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { Address } from "viem";

import {
  classifyProposal,
  getProxyImplementation,
  getGovernanceSettings,
  getProposalWithBallots,
  getVotingPower,
} from "../../../sdk/index.ts";
import type { ProposalCallInput } from "../../../sdk/index.ts";
import { listProposalsInfiniteQueryOptions } from "../../../sdk/react/index.ts";
import { useConcord, useRefreshAt, useViewer } from "../concord.tsx";
import { key } from "./keys.ts";
import { BALLOTS_PER_PAGE } from "./votes.ts";

/** Governance: one proposal, settings, voting power, previews (the list's keys are the SDK React entry's). */
export const governanceKeys = {
  all: (chainId: number) => key(chainId, "governance"),
  proposal: (chainId: number, proposalId: bigint, account: Address | null) =>
    key(chainId, "governance", "proposal", proposalId, account),
  settings: (chainId: number) => key(chainId, "governance", "settings"),
  power: (chainId: number, account: Address | null) => key(chainId, "governance", "power", account),
  preview: (chainId: number, calls: string, description: string) =>
    key(chainId, "governance", "preview", calls, description),
  proxy: (chainId: number, target: Address) => key(chainId, "governance", "proxy", target),
};

const queryDefaults = { staleTime: Infinity, refetchOnWindowFocus: false, retry: 1 } as const;

/** How many proposals the proposals page reads and shows at a time. */
export const PROPOSALS_PER_PAGE = 20;

/**
 * The proposals, newest first, a page of {@link PROPOSALS_PER_PAGE} at a time ("Show more": `fetchNextPage`):
 * each page is the SDK's `listProposals({ account, limit, cursor })`, whose state reads cover that page only.
 */
export function useProposalPages() {
  const { reader } = useConcord();
  const { account } = useViewer();
  const query = useInfiniteQuery(
    listProposalsInfiniteQueryOptions(
      reader,
      account ? { account, limit: PROPOSALS_PER_PAGE } : { limit: PROPOSALS_PER_PAGE },
      queryDefaults,
    ),
  );
  // Each page's stages move by time alone: refresh at the earliest deadline shown.
  useRefreshAt(query.data, (data, { proposalDeadlines }) => {
    const proposals = data.pages.flatMap((page) => page.items);
    return {
      readAt: proposals[0]?.now ?? BigInt(Math.floor(Date.now() / 1000)),
      deadlines: { governance: proposals.flatMap(proposalDeadlines) },
    };
  });
  return query;
}

/**
 * One proposal with the viewer's position and next actions and the first {@link BALLOTS_PER_PAGE} ballots
 * (the rest: {@link useBallotPages} from `ballots.next`), with the wall-clock time of the read.
 */
export function useProposal(proposalId: bigint) {
  const { reader, app } = useConcord();
  const { account } = useViewer();
  const query = useQuery({
    queryKey: governanceKeys.proposal(app.chain.id, proposalId, account),
    queryFn: async () => {
      const ballots = { limit: BALLOTS_PER_PAGE };
      const read = await getProposalWithBallots(
        reader,
        account ? { proposalId, account, ballots } : { proposalId, ballots },
      );
      return { ...read, fetchedAtMs: Date.now() };
    },
    retry: false,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  useRefreshAt(query.data?.proposal, (proposal, { proposalDeadlines }) => ({
    readAt: proposal.now,
    deadlines: { governance: proposalDeadlines(proposal) },
  }));
  return query;
}

/** The parameters governance runs with. */
export function useGovernanceSettings() {
  const { reader, app } = useConcord();
  return useQuery({
    queryKey: governanceKeys.settings(app.chain.id),
    queryFn: () => getGovernanceSettings(reader),
    ...queryDefaults,
  });
}

/** An account's voting power and delegate now. */
export function useVotingPower(account: Address | null) {
  const { reader, app } = useConcord();
  return useQuery({
    queryKey: governanceKeys.power(app.chain.id, account),
    queryFn: () => getVotingPower(reader, { account: account! }),
    enabled: account !== null,
    ...queryDefaults,
  });
}

/** What a proposal with these calls will be (kind, house, why), computed as the contracts will judge it. */
export function useProposalPreview(calls: readonly ProposalCallInput[], description: string) {
  const { reader, app } = useConcord();
  const key = JSON.stringify(calls, (_k, v) => (typeof v === "bigint" ? String(v) : v));
  return useQuery({
    queryKey: governanceKeys.preview(app.chain.id, key, description),
    queryFn: () => classifyProposal(reader, { calls, description }),
    enabled: calls.length > 0,
    placeholderData: (previous) => previous,
    ...queryDefaults,
  });
}

/**
 * The implementation behind a proposal's call target, when the target is a proxy, and whether the houses pin it
 * (S9): the proposal page warns when an upgrade before execution could change what runs.
 */
export function useProxyImplementation(target: Address) {
  const { reader, app } = useConcord();
  return useQuery({
    queryKey: governanceKeys.proxy(app.chain.id, target),
    queryFn: () => getProxyImplementation(reader, { address: target }),
    ...queryDefaults,
  });
}
