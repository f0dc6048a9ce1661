/**
 * The dashboard's proposal rows: the houses' `ProposalCreated` events (the SDK's `getDashboard`) with
 * their states, tallies and the viewer's position (in its one batch). No request of their own.
 */
import { useMemo } from "react";
import type { ProposalKind, ProposalStage } from "../../../sdk/index.ts";

import { useDaoEvents, useViewer } from "../concord.tsx";
import { HouseState, kindOfRecord, nextActions, proposalStage, proposalTitle } from "../lib/proposals.ts";
import type { NextAction } from "../lib/proposals.ts";
import type {
  DashboardEvents as DaoEvents,
  DashboardProposalState as ProposalState,
  DashboardState as DaoState,
  ProposalEvents,
} from "../../../sdk/index.ts";
import { useDaoState } from "./queries.ts";

/** A proposal as the dashboard shows it. */
export type ProposalRow = {
  id: bigint;
  kind: ProposalKind;
  stage: ProposalStage;
  title: string;
  /** When the open vote closes, or when the veto window / timelock ends, or null. */
  until: bigint | null;
  /** What the viewer can do on it now. */
  actions: NextAction[];
  events: ProposalEvents;
  state: ProposalState;
};

/**
 * The rows of every proposal, newest first, from the two DAO queries.
 *
 * @example
 * const rows = proposalRows(events, state, Date.now() / 1000, true);
 */
export function proposalRows(
  events: Pick<DaoEvents, "proposals">,
  state: Pick<DaoState, "proposals" | "chainTime">,
  now: bigint,
  connected: boolean,
): ProposalRow[] {
  const rows: ProposalRow[] = [];
  for (const record of events.proposals) {
    const current = state.proposals.get(record.id);
    if (!current) continue;
    const kind = kindOfRecord(record);
    const stage = proposalStage(
      kind,
      {
        community: current.community,
        operational: current.operational,
        vetoed: current.veto?.vetoed ?? false,
      },
      now,
    );
    const voting =
      stage === "communityVote"
        ? current.community
        : stage === "operationalVote"
          ? current.operational
          : null;
    const until =
      voting?.voteEnd ??
      (stage === "vetoWindow" || stage === "timelock" ? (current.operational?.eta ?? null) : null);
    const actions = nextActions(
      stage,
      {
        weight: voting?.weight ?? null,
        hasVoted: voting?.hasVoted ?? false,
        votingOpen: voting?.state === HouseState.active,
        vetoPower: current.veto?.power ?? null,
        hasVetoed: current.veto?.hasVetoed ?? false,
      },
      connected,
    );
    const first = (record.community ?? record.operational)!;
    rows.push({
      id: record.id,
      kind,
      stage,
      title: proposalTitle(first.description),
      until,
      actions,
      events: record,
      state: current,
    });
  }
  return rows.reverse();
}

/** Every proposal with its stage and the viewer's next actions (undefined while loading). */
export function useProposalRows(): ProposalRow[] | undefined {
  const { data: events } = useDaoEvents();
  const { data: state } = useDaoState();
  const { account } = useViewer();
  return useMemo(() => {
    if (!events || !state) return undefined;
    const now = state.chainTime ?? BigInt(Math.floor(Date.now() / 1000));
    return proposalRows(events, state, now, account !== null);
  }, [events, state, account]);
}
