/**
 * The cells domain of the cell page (a lazy chunk): what the page shows beyond the directory (the first page of
 * members and of pending join requests, the newest activity, the decision owners of the cell and its ancestors)
 * in ONE query (the SDK's `getCellPage`: one indexer request on the indexer path; the SDK's scans directly), and
 * who decides a topic (the SDK's `decisionPath`). The directory, which every page needs, stays in concord.tsx.
 */
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";

import { CELL_PAGE_MEMBERS as MEMBERS_PAGE, getJoinRequests, getMembers } from "../../../sdk/index.ts";
import type { CellPage, JoinRequest, Member, Page } from "../../../sdk/index.ts";
import { decisionPathQueryOptions, getCellPageQueryOptions } from "../../../sdk/react/index.ts";
import { useConcord } from "../concord.tsx";
import { key } from "./keys.ts";

const queryDefaults = { staleTime: Infinity, refetchOnWindowFocus: false, retry: 1 } as const;

/**
 * What the cell page shows of `cellId` beyond the directory, in one query shared by its panels (each selects its
 * part): the SDK's `getCellPage`, through the indexer or directly as the client's read path decides.
 */
export function useCellPage<part>(cellId: bigint, select: (page: CellPage) => part) {
  const { reader } = useConcord();
  return useQuery({
    ...getCellPageQueryOptions(reader, { cellId, membersLimit: MEMBERS_PAGE }),
    select,
    ...queryDefaults,
  });
}

/**
 * A cell's list read a page at a time from `first` (the cell page's first page: no request until "Show more",
 * which is `fetchNextPage`: the SDK's read at the previous page's `next`). The SDK's public reads, not the React
 * entry's infinite factories: those would join the first load, which carries the React entry.
 */
function usePagesFrom<item>(
  list: "members" | "joinRequests",
  cellId: bigint,
  first: Page<item>,
  read: (cursor: string | null) => Promise<Page<item>>,
) {
  const { app } = useConcord();
  return useInfiniteQuery({
    queryKey: key(app.chain.id, "cells", list, cellId),
    queryFn: ({ pageParam }) => read(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
    initialData: { pages: [first], pageParams: [null] },
    ...queryDefaults,
  });
}

/** The members of a cell, one page at a time from the cell page's first (SDK `getMembers`). */
export function useMemberPages(cellId: bigint, first: Page<Member>) {
  const { reader } = useConcord();
  return usePagesFrom("members", cellId, first, (cursor) =>
    getMembers(reader, { cellId, limit: MEMBERS_PAGE, cursor }),
  );
}

/** The pending join requests of a cell, one page at a time from the cell page's first (SDK `getJoinRequests`). */
export function useJoinRequestPages(cellId: bigint, first: Page<JoinRequest>) {
  const { reader } = useConcord();
  return usePagesFrom("joinRequests", cellId, first, (cursor) =>
    getJoinRequests(reader, { cellId, limit: MEMBERS_PAGE, cursor }),
  );
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
