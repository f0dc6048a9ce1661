/**
 * The cells domain of the cell page (a lazy chunk): members, join requests and activity (the SDK React entry's
 * query options: keys `["concord", action, {…}]`, refreshed with the cells domain), the decision owners set on
 * a cell and its ancestors (one scan), and who decides a topic (the SDK's `decisionPath`). The directory, which
 * every page needs, stays in concord.tsx.
 */
import { useQuery } from "@tanstack/react-query";

import {
  decisionPathQueryOptions,
  getActivityQueryOptions,
  getJoinRequestsQueryOptions,
  getMembersQueryOptions,
} from "../../../sdk/react/index.ts";
import { useConcord } from "../concord.tsx";
import { cellsKeys } from "./keys.ts";
import { loadDecisionOwners } from "./decisionOwners.ts";

const queryDefaults = { staleTime: Infinity, refetchOnWindowFocus: false, retry: 1 } as const;

/** How many entries of a cell's activity the cell page shows. */
export const ACTIVITY_LIMIT = 30;

/** The members of a cell (SDK `getMembers`). */
export function useMembers(cellId: bigint) {
  const { reader } = useConcord();
  return useQuery(getMembersQueryOptions(reader, { cellId }, queryDefaults));
}

/** The pending join requests of a cell (SDK `getJoinRequests`). */
export function useJoinRequests(cellId: bigint) {
  const { reader } = useConcord();
  return useQuery(getJoinRequestsQueryOptions(reader, { cellId }, queryDefaults));
}

/** The states and intents of a cell, newest first (SDK `getActivity`). */
export function useCellActivity(cellId: bigint) {
  const { reader } = useConcord();
  return useQuery(getActivityQueryOptions(reader, { cellId, limit: ACTIVITY_LIMIT }, queryDefaults));
}

/** Who makes the final call on `topic` in a cell, and the escalation path (SDK `decisionPath`). */
export function useDecisionPath(cellId: bigint, topic: string | null) {
  const { reader } = useConcord();
  return useQuery(
    decisionPathQueryOptions(
      reader,
      { cellId, topic: topic ?? "" },
      { ...queryDefaults, enabled: topic !== null && topic !== "" },
    ),
  );
}

/** The decision owners set on a cell and on its ancestors. */
export function useDecisionOwners(cellIds: readonly bigint[]) {
  const { reader, app } = useConcord();
  return useQuery({
    queryKey: cellsKeys.decisionOwners(app.chain.id, cellIds),
    queryFn: () => loadDecisionOwners(reader, cellIds),
    enabled: cellIds.length > 0,
    ...queryDefaults,
  });
}

export { loadDecisionOwners };
export type { DecisionOwnerEntry } from "./decisionOwners.ts";
