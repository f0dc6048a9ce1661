/**
 * The governance screens' queries (the lazy governance chunk): every proposal (the SDK's `listProposals`:
 * 3 requests), one proposal with the viewer's position and next actions (`getProposal`), the settings,
 * the viewer's voting power and delegate, and the preview of a proposal being written (`classifyProposal`).
 */
import { useQuery } from "@tanstack/react-query";
import type { Address } from "viem";

import {
  classifyProposal,
  getProxyImplementation,
  getGovernanceSettings,
  getProposal,
  getVotingPower,
  listProposals,
} from "../../../sdk/governance/index.ts";
import type { ProposalCallInput } from "../../../sdk/governance/index.ts";
import { concordKey, useConcord, useViewer } from "../concord.tsx";

const queryDefaults = { staleTime: Infinity, refetchOnWindowFocus: false, retry: 1 } as const;

function useKey(...parts: (string | null)[]) {
  const { app } = useConcord();
  return [...concordKey, app.chain.id, "governance", ...parts] as const;
}

/** Every proposal, newest first, with the wall-clock time of the read. */
export function useProposalList() {
  const { reader } = useConcord();
  const { account } = useViewer();
  return useQuery({
    queryKey: useKey("list", account),
    queryFn: async () => {
      const proposals = await listProposals(reader, account ? { account } : {});
      return { proposals, fetchedAtMs: Date.now() };
    },
    ...queryDefaults,
  });
}

/** One proposal with the viewer's position and next actions, with the wall-clock time of the read. */
export function useProposal(proposalId: bigint) {
  const { reader } = useConcord();
  const { account } = useViewer();
  return useQuery({
    queryKey: useKey("proposal", String(proposalId), account),
    queryFn: async () => {
      const proposal = await getProposal(reader, account ? { proposalId, account } : { proposalId });
      return { proposal, fetchedAtMs: Date.now() };
    },
    retry: false,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

/** The parameters governance runs with. */
export function useGovernanceSettings() {
  const { reader } = useConcord();
  return useQuery({
    queryKey: useKey("settings"),
    queryFn: () => getGovernanceSettings(reader),
    ...queryDefaults,
  });
}

/** An account's voting power and delegate now. */
export function useVotingPower(account: Address | null) {
  const { reader } = useConcord();
  return useQuery({
    queryKey: useKey("power", account),
    queryFn: () => getVotingPower(reader, { account: account! }),
    enabled: account !== null,
    ...queryDefaults,
  });
}

/** What a proposal with these calls will be (kind, house, why), computed as the contracts will judge it. */
export function useProposalPreview(calls: readonly ProposalCallInput[], description: string) {
  const { reader } = useConcord();
  const key = JSON.stringify(calls, (_k, v) => (typeof v === "bigint" ? String(v) : v));
  return useQuery({
    queryKey: useKey("preview", key, description),
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
  const { reader } = useConcord();
  return useQuery({
    queryKey: useKey("proxy", target),
    queryFn: () => getProxyImplementation(reader, { address: target }),
    ...queryDefaults,
  });
}
