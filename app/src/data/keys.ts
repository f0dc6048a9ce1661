/**
 * The app's query keys, one factory per data domain, and which domains each query depends on: the block
 * watcher invalidates only the domains whose contracts emitted something (see `refresh.ts`), so every key
 * must say what it reads.
 *
 * Each domain's factory lives with its queries (`agreementsKeys` in agreements.ts, `leasesKeys` in leases.ts,
 * `governanceKeys` in governance.ts, `votesKeys`); the first load's are here. The members and treasury pages use
 * the SDK React entry's keys.
 *
 * An app key is `["concord", chainId, segment, ...parameters]`; the segment names the domain (or, for the
 * dashboard's reads that span several, a segment listed in `SEGMENT_DOMAINS` of refresh.ts). The SDK's React
 * entry keys its queries `["concord", action, { chainId, … }]`: `domainsOfQueryKey` (refresh.ts) reads both.
 */
/** Every Concord query key starts with this, so one invalidation can still refresh everything. */
export const concordKey = ["concord"] as const;

/** What a query can depend on: the contracts (or the clock) whose changes it must follow. */
export type Domain = "cells" | "agreements" | "leases" | "governance" | "treasury";

const part = (value: bigint | string | number | null) => (typeof value === "bigint" ? String(value) : value);

/** A key under `segment` (a domain, or a cross-domain segment: see `SEGMENT_DOMAINS` in refresh.ts). */
export function key<const segment extends string>(
  chainId: number,
  segment: segment,
  ...parameters: (bigint | string | number | null)[]
) {
  return [...concordKey, chainId, segment, ...parameters.map(part)] as const;
}
