/**
 * The resources pages' queries: the SDK React entry's factories over the reads of `data/leases.ts` (keys
 * `["concord", action, {…}]`, refreshed with the leases domain by the block watcher and every write), and at the
 * next lease expiry, claim window or booking of what is shown, which change by time alone.
 */
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";

import {
  getResourceQueryOptions,
  getResourcesInfiniteQueryOptions,
  limitsOfQueryOptions,
} from "../../../../sdk/react/index.ts";
import { chainTimeNow } from "../../components/Countdown.tsx";
import { useConcord, useRefreshAt } from "../../concord.tsx";
import { resourcesPageParameters } from "../../data/leases.ts";

const queryDefaults = { staleTime: Infinity, refetchOnWindowFocus: false, retry: 1 } as const;

/**
 * The resources list, one page at a time (`fetchNextPage` reads the next: "Show more"), of one owner cell or of
 * all: the pages of `loadResourcesPage`.
 */
export function useResourcePages(ownerCellId: bigint | null) {
  const { reader } = useConcord();
  const query = useInfiniteQuery(
    getResourcesInfiniteQueryOptions(reader, resourcesPageParameters(ownerCellId), queryDefaults),
  );
  useRefreshAt(query.data, (data, { leaseDeadlines }) => {
    const items = data.pages.flatMap((page) => page.items);
    return {
      // The earliest read: a deadline passed since a later page was read refreshes once more, never less.
      readAt: items.reduce((min, item) => (item.readAt < min ? item.readAt : min), items[0]?.readAt ?? 0n),
      deadlines: { leases: items.flatMap(leaseDeadlines) },
    };
  });
  return query;
}

/** One resource (the SDK's `getResource`). */
export function useResource(resourceId: bigint) {
  const { reader } = useConcord();
  const query = useQuery(getResourceQueryOptions(reader, { resourceId }, queryDefaults));
  useRefreshAt(query.data, (resource, { leaseDeadlines }) => ({
    readAt: chainTimeNow(),
    deadlines: { leases: leaseDeadlines(resource) },
  }));
  return query;
}

/** The booking limits and the cool-down of a resource (the SDK's `limitsOf`: one contract read). */
export function useResourceLimits(resourceId: bigint) {
  const { reader } = useConcord();
  return useQuery(limitsOfQueryOptions(reader, { resourceId }, queryDefaults));
}
