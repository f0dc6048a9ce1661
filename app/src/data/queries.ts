/**
 * The dashboard's rows for its sections and lists: the SDK's `getDashboard` (its key maps to the cells,
 * agreements, leases, governance and treasury domains in refresh.ts), so the block watcher and the viewer's
 * writes refresh it when those domains change, and the deadlines at which what it shows changes by time alone.
 */
import { useEffect, useMemo } from "react";

import type {
  AgreementState,
  ProposedAgreement,
  RegisteredResource,
  ResourceState,
} from "../../../sdk/index.ts";
import { useDaoEvents, useDashboardState, useDirectory, useRefreshAt } from "../concord.tsx";
import type { AgreementLike, Stewards } from "../lib/agreements.ts";
import { cellStanding } from "./standing.ts";
import { chainTimeNow, noteChainTime } from "../components/Countdown.tsx";

/**
 * The live values of every agreement, resource and proposal the dashboard names (the SDK's `getDashboard`: one
 * batched read; through the indexer, ONE Multicall3 call of what it shows), and the deadlines at which what it
 * shows changes by time alone.
 */
export function useDaoState() {
  const { data: events } = useDaoEvents();
  const query = useDashboardState();
  const state = query.data;
  // Countdowns follow the chain's clock (a test chain may run ahead of the wall clock).
  useEffect(() => {
    if (state?.chainTime != null) noteChainTime(state.chainTime, Date.now());
  }, [state]);
  // What changes by time alone: agreement expiries, leases and claim windows, proposal stages.
  const shown = useMemo(() => (events && state ? { events, state } : undefined), [events, state]);
  useRefreshAt(shown, (shown, { leaseDeadlines, proposalDeadlines }) => ({
    readAt: shown.state.chainTime ?? chainTimeNow(),
    deadlines: {
      agreements: shown.events.agreements.map((agreement) => agreement.expiresAt),
      leases: [...shown.state.resources.values()].flatMap(leaseDeadlines),
      governance: [
        ...[...shown.state.proposals.values()].flatMap(proposalDeadlines),
        ...shown.events.proposals.flatMap((record) => [
          record.community?.voteStart,
          record.operational?.voteStart,
        ]),
      ],
    },
  }));
  return query;
}

/** An agreement row of the lists: its proposal and its on-chain state. */
export type AgreementRow = ProposedAgreement & AgreementState & AgreementLike;

/** Every agreement with its state, in id order (undefined while loading). */
export function useAgreementRows(): AgreementRow[] | undefined {
  const { data: events } = useDaoEvents();
  const { data: state } = useDaoState();
  return useMemo(() => {
    if (!events || !state) return undefined;
    return events.agreements.flatMap((proposal) => {
      const current = state.agreements.get(proposal.id);
      return current ? [{ ...proposal, ...current }] : [];
    });
  }, [events, state]);
}

/** A resource row: its registration and live state. */
export type ResourceRow = RegisteredResource & ResourceState;

/** Every resource with its lease and queue, in id order (undefined while loading). */
export function useResourceRows(): ResourceRow[] | undefined {
  const { data: events } = useDaoEvents();
  const { data: state } = useDaoState();
  return useMemo(() => {
    if (!events || !state) return undefined;
    return events.resources.flatMap((resource) => {
      const current = state.resources.get(resource.id);
      return current ? [{ ...resource, ...current }] : [];
    });
  }, [events, state]);
}

/** Whether the connected viewer stewards a cell (directly or from above), from the directory. */
export function useStewards(): Stewards {
  const { data: directory } = useDirectory();
  return useMemo(
    () => (cellId: bigint) => {
      const cell = directory?.byId.get(cellId);
      return cell !== undefined && cellStanding(directory, cell).stewardVia !== null;
    },
    [directory],
  );
}
