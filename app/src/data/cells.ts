/**
 * The cells domain of the cell page (a lazy chunk): members, join requests and activity (the SDK React entry's
 * query options: keys `["concord", action, {…}]`, refreshed with the cells domain), the decision owners set on
 * a cell and its ancestors (one scan), and who decides a topic (the SDK's `decisionPath`). The directory, which
 * every page needs, stays in concord.tsx.
 */
import { useQuery } from "@tanstack/react-query";
import { zeroAddress } from "viem";
import type { Address, Hex } from "viem";

import { cellRegistryAbi, scanEvents } from "../../../sdk/index.ts";
import type { ConcordClientBase } from "../../../sdk/index.ts";
import {
  decisionPathQueryOptions,
  getActivityQueryOptions,
  getJoinRequestsQueryOptions,
  getMembersQueryOptions,
} from "../../../sdk/react/index.ts";
import { useConcord } from "../concord.tsx";
import { cellsKeys } from "./keys.ts";
import type { ScanOptions } from "./loaders.ts";

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

/** A decision owner set on a cell itself. */
export type DecisionOwnerEntry = { cellId: bigint; topic: Hex; owner: Address };

/**
 * The decision owners set on each of `cellIds` (not inherited), from DecisionOwnerSet events: 1 request.
 *
 * @example
 * const owners = await loadDecisionOwners(concord, [2n, 1n]); // a cell and its ancestors
 */
export async function loadDecisionOwners(
  concord: ConcordClientBase,
  cellIds: readonly bigint[],
  options: ScanOptions = {},
): Promise<DecisionOwnerEntry[]> {
  if (cellIds.length === 0) return [];
  const logs = await scanEvents(concord, {
    address: concord.addresses.cellRegistry,
    abi: cellRegistryAbi,
    eventNames: ["DecisionOwnerSet"],
    topic1: cellIds,
    fromBlock: concord.contracts.cellRegistry.startBlock,
    onProgress: options.onProgress,
    signal: options.signal,
  });
  const current = new Map<string, DecisionOwnerEntry>();
  for (const log of logs) {
    const { cellId, topic, owner } = log.args;
    const key = `${cellId}:${topic}`;
    if (owner === zeroAddress) current.delete(key);
    else current.set(key, { cellId, topic, owner });
  }
  return [...current.values()];
}
