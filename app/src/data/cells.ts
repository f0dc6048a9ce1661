/**
 * The cells domain of the cell page (a lazy chunk): what the page shows beyond the directory (the first page of
 * members and of pending join requests, the newest activity, the decision owners of the cell and its ancestors)
 * in ONE query (`cellPage.ts`: one indexer request on the indexer path; the SDK's scans directly), and who
 * decides a topic (the SDK's `decisionPath`). The directory, which every page needs, stays in concord.tsx.
 */
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";

import { getJoinRequests, getMembers } from "../../../sdk/index.ts";
import type { JoinRequest, Member, Page } from "../../../sdk/index.ts";
import { decisionPathQueryOptions } from "../../../sdk/react/index.ts";
import { useConcord, useDirectory, useReadPath } from "../concord.tsx";
import { ancestors } from "../lib/tree.ts";
import { MEMBERS_PAGE, loadCellPage, loadCellPageFromIndexer } from "./cellPage.ts";
import type { CellPageData } from "./cellPage.ts";
import { key } from "./keys.ts";

const queryDefaults = { staleTime: Infinity, refetchOnWindowFocus: false, retry: 1 } as const;

/**
 * What the cell page shows of `cellId` beyond the directory, in one query shared by its panels (each selects its
 * part): through the indexer when the read path is the indexer (1 request), else the direct reads.
 */
export function useCellPage<part>(cellId: bigint, select: (page: CellPageData) => part) {
  const { reader, app } = useConcord();
  const { data: directory } = useDirectory();
  const { data: readPath } = useReadPath();
  const viaIndexer = app.indexerUrl !== null && readPath?.path === "indexer";
  const settled = app.indexerUrl === null || readPath !== undefined;
  return useQuery({
    queryKey: key(app.chain.id, "cells", "page", cellId, viaIndexer ? "indexer" : "direct"),
    queryFn: () =>
      viaIndexer
        ? loadCellPageFromIndexer(app.indexerUrl!, cellId)
        : loadCellPage(reader, cellId, [
            cellId,
            ...ancestors(directory!.byId, cellId)
              .map((cell) => cell.id)
              .reverse(),
          ]),
    select,
    enabled: settled && directory !== undefined,
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

export { ACTIVITY_LIMIT, MEMBERS_PAGE, loadCellPage, loadCellPageFromIndexer } from "./cellPage.ts";
export type { CellPageData } from "./cellPage.ts";
export { loadDecisionOwners } from "./decisionOwners.ts";
export type { DecisionOwnerEntry } from "./decisionOwners.ts";
