/**
 * The queries of the agreements and leases screens and dashboard sections. Their keys come from `keys.ts`
 * (the dashboard's live values under `dao-state`: agreements, leases and governance), so the block watcher
 * and the viewer's writes refresh them when those domains change, and each registers the deadlines at which
 * what it shows changes by time alone.
 */
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";

import {
  idsOf,
  useConcord,
  useDaoEvents,
  useDirectory,
  useIndexedDaoState,
  useRefreshAt,
  useViewer,
} from "../concord.tsx";
import type { AgreementLike, Stewards } from "../lib/agreements.ts";
import { loadDaoState } from "./loaders.ts";
import type { AgreementState, ProposedAgreement, RegisteredResource, ResourceState } from "./loaders.ts";
import { daoKeys } from "./keys.ts";
import { cellStanding } from "./standing.ts";
import { chainTimeNow, noteChainTime } from "../components/Countdown.tsx";

const queryDefaults = { staleTime: Infinity, refetchOnWindowFocus: false, retry: 1 } as const;

/**
 * The state of every agreement, resource and proposal named by the DAO's events (one batched read; through
 * the indexer, the same batch as the indexer dashboard's).
 */
export function useDaoState() {
  const { reader, app } = useConcord();
  const { data: events } = useDaoEvents();
  const indexed = useIndexedDaoState();
  // The viewer's votes and veto power on each proposal are read in the same call.
  const { account } = useViewer();
  const ids = events ? idsOf(events) : null;
  const direct = useQuery({
    queryKey: daoKeys.state(app.chain.id, ids, account),
    queryFn: async () => {
      const state = await loadDaoState(reader, events!, account);
      // Countdowns follow the chain's clock (a test chain may run ahead of the wall clock).
      if (state.chainTime !== null) noteChainTime(state.chainTime, Date.now());
      return state;
    },
    enabled: events !== undefined && indexed.viaIndexer === false,
    // While new ids load, keep showing the previous state.
    placeholderData: (previous) => previous,
    ...queryDefaults,
  });
  const query = indexed.viaIndexer ? indexed.query : direct;
  // What changes by time alone: agreement expiries, leases and claim windows, proposal stages.
  const state = query.data;
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
