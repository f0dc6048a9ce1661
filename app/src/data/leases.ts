/**
 * The leases screens' reads, plain functions of an SDK client (no React, so that Node — the scale bench, the
 * tests — calls exactly what the app calls); their hooks are in `pages/resources/queries.ts`:
 * - the resources list, one page at a time: the SDK's `getResources` (each resource with its lease, claimant,
 *   queue and next bookings), {@link RESOURCES_PAGE_SIZE} resources per page. Direct path: one `eth_getLogs`
 *   for the page's registrations, one `eth_call` for the page's state that carries its block's time (Multicall3);
 *   through the indexer: one indexer request and the same `eth_call`. Without Multicall3 on the chain, one
 *   `eth_getBlockByNumber` more;
 * - a resource's page: the SDK's `getResource` (policy, lease, queue with claim windows, bookings) and
 *   `limitsOf` (booking limits and cool-down).
 * Only the resources pages use them: the dashboard does not load them.
 */
import { getResources } from "../../../sdk/index.ts";
import type { ConcordClientBase, Page, Resource } from "../../../sdk/index.ts";
import { key } from "./keys.ts";

/** How many resources one page of the resources list shows ("Show more" reads the next page). */
export const RESOURCES_PAGE_SIZE = 20;

/** How many upcoming bookings the list reads per resource (enough for "booked now" and "mine"). */
export const LIST_BOOKINGS = 10;

/**
 * What the resources list asks the SDK's `getResources` for (the cursor aside): one page, of one owner cell's
 * resources or of all.
 *
 * @example
 * resourcesPageParameters(2n); // { limit: 20, reservationLimit: 10, ownerCellId: 2n }
 */
export function resourcesPageParameters(ownerCellId: bigint | null): {
  limit: number;
  reservationLimit: number;
  ownerCellId?: bigint;
} {
  return {
    limit: RESOURCES_PAGE_SIZE,
    reservationLimit: LIST_BOOKINGS,
    ...(ownerCellId === null ? {} : { ownerCellId }),
  };
}

/**
 * One page of the resources list, as the app reads it (`cursor`: the previous page's `next`; null for the first).
 *
 * @example
 * const { items, next } = await loadResourcesPage(reader, { ownerCellId: null, cursor: null });
 */
export function loadResourcesPage(
  concord: ConcordClientBase,
  { ownerCellId, cursor }: { ownerCellId: bigint | null; cursor: string | null },
): Promise<Page<Resource>> {
  return getResources(concord, { ...resourcesPageParameters(ownerCellId), cursor });
}

/**
 * The leases domain's segment of the app's keys. The lists and resources themselves are the SDK React entry's
 * queries (`getResources`, `getResource`, `limitsOf`: refreshed with the leases domain, see refresh.ts).
 */
export const leasesKeys = {
  all: (chainId: number) => key(chainId, "leases"),
};
