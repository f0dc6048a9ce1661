/**
 * The leases screens' reads, on the SDK, and their queries (keys from `leasesKeys`: the block watcher and
 * every write refresh them when the leases change, and at the next lease expiry, claim window or booking):
 * - `loadResourceList`: every resource with its lease (the SDK's `listResources`: one `eth_getLogs`, one
 *   `eth_call`), its queue, claimant and upcoming bookings (one more `eth_call` for all resources) and
 *   the chain's time (one `eth_getBlockByNumber`): 4 requests, whatever the number of resources;
 * - a resource's page: the SDK's `getResource` (policy, lease, queue with claim windows, bookings).
 * Only the resources pages use them: the dashboard does not load them.
 */
import { useQuery } from "@tanstack/react-query";
import { zeroAddress } from "viem";
import type { Address } from "viem";
import { getBlock } from "viem/actions";

import { getResource, listResources, readBatch, resourceLeasesAbi } from "../../../sdk/index.ts";
import type {
  Claimant,
  ConcordClientBase,
  QueueEntry,
  Reservation,
  ResourceSummary,
} from "../../../sdk/index.ts";
import { chainTimeNow } from "../components/Countdown.tsx";
import { useConcord, useRefreshAt } from "../concord.tsx";
import { key } from "./keys.ts";

/** How many upcoming bookings the list reads per resource (enough for "booked now" and "mine"). */
export const LIST_BOOKINGS = 20;

/** A resource of the list: the SDK's summary, its queue, claimant and upcoming bookings. */
export type ResourceListItem = ResourceSummary & {
  /** The live lease at the read, or null. */
  lease: { holder: Address; expiresAt: bigint } | null;
  claimant: Claimant | null;
  queue: QueueEntry[];
  reservations: Reservation[];
};

/** The resources, and the chain time they were read at. */
export type ResourceList = { resources: ResourceListItem[]; readAt: bigint; fetchedAtMs: number };

type RawQueue = readonly { account: Address; place: bigint; windowStart: bigint; windowEnd: bigint }[];
type RawBookings = readonly [readonly { id: bigint; booker: Address; start: bigint; end: bigint }[], bigint];

/**
 * Every resource with its state, queue and upcoming bookings: 4 RPC requests.
 *
 * @example
 * const { resources, readAt } = await loadResourceList(reader);
 */
export async function loadResourceList(concord: ConcordClientBase): Promise<ResourceList> {
  const [summaries, block] = await Promise.all([listResources(concord), getBlock(concord.publicClient)]);
  const fetchedAtMs = Date.now();
  const address = concord.contracts.resourceLeases?.address;
  if (summaries.length === 0 || !address) return { resources: [], readAt: block.timestamp, fetchedAtMs };
  const calls = summaries.flatMap(
    (resource) =>
      [
        { address, abi: resourceLeasesAbi, functionName: "queueOf", args: [resource.id] },
        { address, abi: resourceLeasesAbi, functionName: "claimantOf", args: [resource.id] },
        {
          address,
          abi: resourceLeasesAbi,
          functionName: "reservationsOf",
          args: [resource.id, 0n, BigInt(LIST_BOOKINGS)],
        },
      ] as const,
  );
  const results: readonly unknown[] = await readBatch(concord, calls, {
    contract: "ResourceLeases",
    functionName: "queueOf",
  });
  const resources = summaries.map((summary, i): ResourceListItem => {
    const queue = results[3 * i] as RawQueue;
    const [claimant, windowStart, windowEnd] = results[3 * i + 1] as readonly [Address, bigint, bigint];
    const [bookings] = results[3 * i + 2] as RawBookings;
    return {
      ...summary,
      lease:
        summary.holder && summary.expiresAt !== null
          ? { holder: summary.holder, expiresAt: summary.expiresAt }
          : null,
      queue: queue.map((entry, position) => ({
        account: entry.account,
        place: entry.place,
        position,
        windowStart: entry.windowStart,
        windowEnd: entry.windowEnd,
      })),
      claimant: claimant === zeroAddress ? null : { account: claimant, windowStart, windowEnd },
      reservations: bookings.map(({ id, booker, start, end }) => ({ id, booker, start, end })),
    };
  });
  return { resources, readAt: block.timestamp, fetchedAtMs };
}

/** Leases: the resource list and one resource. */
export const leasesKeys = {
  all: (chainId: number) => key(chainId, "leases"),
  list: (chainId: number) => key(chainId, "leases", "list"),
  resource: (chainId: number, resourceId: bigint) => key(chainId, "leases", "resource", resourceId),
};

const queryDefaults = { staleTime: Infinity, refetchOnWindowFocus: false, retry: 1 } as const;

/** Every resource with its state (see {@link loadResourceList}). */
export function useResourceList() {
  const { reader, app } = useConcord();
  const query = useQuery({
    queryKey: leasesKeys.list(app.chain.id),
    queryFn: () => loadResourceList(reader),
    ...queryDefaults,
  });
  useRefreshAt(query.data, (list, { leaseDeadlines }) => ({
    readAt: list.readAt,
    deadlines: { leases: list.resources.flatMap(leaseDeadlines) },
  }));
  return query;
}

/** One resource (the SDK's `getResource`), with the wall-clock time of the read. */
export function useResource(resourceId: bigint) {
  const { reader, app } = useConcord();
  const query = useQuery({
    queryKey: leasesKeys.resource(app.chain.id, resourceId),
    queryFn: async () => {
      const resource = await getResource(reader, { resourceId });
      return { resource, fetchedAtMs: Date.now() };
    },
    ...queryDefaults,
  });
  useRefreshAt(query.data, ({ resource }, { leaseDeadlines }) => ({
    readAt: chainTimeNow(),
    deadlines: { leases: leaseDeadlines(resource) },
  }));
  return query;
}
