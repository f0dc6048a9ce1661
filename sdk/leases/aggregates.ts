/**
 * `getResource`: everything about a resource in one call — the policy, the name (from its
 * registration event), the live lease, the queue with each waiter's claim window and the upcoming
 * bookings, read in ONE batched `eth_call` that also carries its block's time; `getResources`: the same for
 * one page of resources. Two requests each (the registrations, the batch).
 */
import type { Address } from "viem";

import type { ConcordClientBase } from "../client.ts";
import { ConcordError, InvalidInputError } from "../errors.ts";
import { resourceLeasesAbi } from "../generated/abis.ts";
import { pinBlock, pinned, readAt } from "../internal/block.ts";
import type { BlockParameters } from "../internal/block.ts";
import { contractOf } from "../internal/contracts.ts";
import { readBatchAtBlock } from "../internal/read.ts";
import type { Page } from "../internal/page.ts";
import type { BigIntish } from "../internal/validate.ts";
import { accessName, toResourceId } from "./constants.ts";
import { fetchRegistrations, registrationsPage, resourcesQuery } from "./events.ts";
import type { ResourceRegistration, ResourcesFilterParameters } from "./events.ts";
import { leaseErrorCatalogue } from "./errors.ts";
import { toClaimant, toQueue, toReservations, toResourceInfo } from "./reads.ts";
import type { Resource, ResourceStatus } from "./types.ts";

/**
 * Everything about a resource: policy, name and registrar, status, live lease, latest fencing token,
 * the waiter that may claim now, the queue (each waiter with its claim window) and the bookings that
 * have not ended (the active one first; at most `reservationLimit`, default 50).
 *
 * @throws {ContractRefusalError} `ResourceNonexistent`.
 * @example
 * const resource = await concord.leases.getResource({ resourceId: 1n });
 * if (resource.status === "held") console.log(`${resource.name} is held by ${resource.lease!.holder}`);
 * resource.queue.map((waiter) => [waiter.account, waiter.windowStart, waiter.windowEnd]);
 */
export async function getResource(
  client: ConcordClientBase,
  {
    resourceId,
    reservationLimit = 50,
    ...read
  }: { resourceId: BigIntish; reservationLimit?: number | undefined } & BlockParameters,
): Promise<Resource> {
  const id = toResourceId(resourceId);
  checkReservationLimit(reservationLimit, 999);
  const { address } = contractOf(client, "resourceLeases");
  const { at } = await pinBlock(client, readAt(read));
  // The state and the time that decides the active booking come from the same block, in the same request
  // (Multicall3's block views), read beside the registration.
  const [{ block, results }, registrations] = await Promise.all([
    readBatchAtBlock(client, resourceCalls(address, id, reservationLimit), {
      contract: "ResourceLeases",
      functionName: "getResource",
      at,
      errors: leaseErrorCatalogue,
    }),
    fetchRegistrations(client, { resourceIds: [id] }, at),
  ]);
  const [info, queue, claimant, [page, nextId]] = results;
  // The state says the resource exists at its block; a registration read beside it may come from a source that
  // has not seen that block (an indexer behind the chain, a block mined between the two reads): ask the chain
  // up to its head once (one block read and one scan, only then).
  const registration =
    registrations.get(id) ??
    (pinned(at)
      ? undefined
      : (await fetchRegistrations(client, { resourceIds: [id] }, { blockTag: "latest" })).get(id));
  if (!registration) {
    throw new ConcordError(`The ResourceRegistered event of resource ${id} was not found.`, {
      details:
        "Event scans start at the deployment's startBlock: check the client's deployment or startBlock.",
    });
  }
  return resourceView(
    id,
    registration,
    { info, queue, claimant, page, nextId },
    reservationLimit,
    block.timestamp,
  );
}

/** The raw answers of a resource's four reads (getResource, queueOf, claimantOf, reservationsOf). */
type RawResource = {
  info: Parameters<typeof toResourceInfo>[0];
  queue: Parameters<typeof toQueue>[0];
  claimant: Parameters<typeof toClaimant>[0];
  page: Parameters<typeof toReservations>[0];
  nextId: bigint;
};

/** A resource's four reads, asking `reservationLimit + 1` bookings (to know whether more exist). */
function resourceCalls(address: Address, id: bigint, reservationLimit: number) {
  return [
    { address, abi: resourceLeasesAbi, functionName: "getResource", args: [id] },
    { address, abi: resourceLeasesAbi, functionName: "queueOf", args: [id] },
    { address, abi: resourceLeasesAbi, functionName: "claimantOf", args: [id] },
    {
      address,
      abi: resourceLeasesAbi,
      functionName: "reservationsOf",
      args: [id, 0n, BigInt(reservationLimit + 1)],
    },
  ] as const;
}

/** A {@link Resource} from its registration and its four reads, at the chain time `now`. */
function resourceView(
  id: bigint,
  registration: ResourceRegistration,
  raw: RawResource,
  reservationLimit: number,
  now: bigint,
): Resource {
  const state = toResourceInfo(raw.info);
  const upcoming = toReservations(raw.page);
  const reservations = upcoming.slice(0, reservationLimit);
  const first = upcoming[0];
  const activeReservation = first && first.start <= now && now < first.end ? first : null;
  const lease = state.holder
    ? { holder: state.holder, expiresAt: state.expiresAt, fencingToken: state.fencingToken }
    : null;
  const claim = toClaimant(raw.claimant);
  const status: ResourceStatus = lease ? "held" : claim ? "claimable" : activeReservation ? "booked" : "free";
  return {
    id,
    name: registration.name,
    ownerCellId: state.ownerCellId,
    access: state.access,
    accessName: accessName(state.access),
    maxDuration: state.maxDuration,
    claimWindow: state.claimWindow,
    registeredBy: registration.registeredBy,
    registeredBlock: registration.registeredBlock,
    status,
    lease,
    latestFencingToken: state.fencingToken,
    freeSince: lease ? null : state.expiresAt,
    claimant: claim,
    queue: toQueue(raw.queue),
    activeReservation,
    reservations,
    moreReservations: upcoming.length > reservationLimit || raw.nextId !== 0n,
    reservationCount: state.reservationCount,
    readAt: now,
  };
}

/** @throws {InvalidInputError} unless `reservationLimit` is an integer from 0 to `max`. */
function checkReservationLimit(reservationLimit: number, max: number): void {
  if (!Number.isInteger(reservationLimit) || reservationLimit < 0 || reservationLimit > max)
    throw new InvalidInputError("reservationLimit", reservationLimit, `expected an integer from 0 to ${max}`);
}

/** The most bookings `getResources` reads per resource (a page holds up to 500 resources). */
export const MAX_LIST_RESERVATIONS = 100;

/** Parameters of `getResources`: the list's filter and page, the bookings read per resource, the block. */
export type GetResourcesParameters = ResourcesFilterParameters & {
  /** Bookings read per resource, the active one first (0..{@link MAX_LIST_RESERVATIONS}, default 10). */
  reservationLimit?: number | undefined;
};

/**
 * One page of resources (all, or those owned by `ownerCellId`) in id order, each as `getResource` gives it:
 * policy, name, status, live lease, claimant, queue with claim windows and the next bookings (at most
 * `reservationLimit` each). Names come from the registrations (one log scan, or ONE indexer request); the live
 * state of the page's resources only, from ONE batched read at one block (whose time is each item's `readAt`).
 * Same pages and cursors as `listResources`, on both read paths.
 *
 * @throws {InvalidInputError} for a `limit` outside 1..500, a `cursor` that is not a previous page's `next`, a
 * bad `ownerCellId` or a `reservationLimit` outside 0..100.
 * @example
 * const { items, next } = await concord.leases.getResources({ limit: 20 });
 * items.map((resource) => [resource.name, resource.status, resource.queue.length]);
 * if (next) await concord.leases.getResources({ limit: 20, cursor: next });
 */
export async function getResources(
  client: ConcordClientBase,
  { reservationLimit = 10, ...parameters }: GetResourcesParameters = {},
): Promise<Page<Resource>> {
  const query = resourcesQuery(parameters);
  checkReservationLimit(reservationLimit, MAX_LIST_RESERVATIONS);
  const { address } = contractOf(client, "resourceLeases");
  const { at, toBlock } = await pinBlock(client, query.at);
  const page = await registrationsPage(client, query, at, toBlock);
  if (page.items.length === 0) return { items: [], next: page.next };
  // The state of the page's resources and the time that decides what is active, from one block read after the
  // page (so every resource it names exists there): ONE request where the chain has Multicall3 and the page fits
  // one batch (the block rides in it), else the block and then batches pinned to it.
  const { block, results } = await readBatchAtBlock(
    client,
    page.items.flatMap(([id]) => resourceCalls(address, id, reservationLimit)),
    { contract: "ResourceLeases", functionName: "getResources", at, errors: leaseErrorCatalogue },
  );
  const items = page.items.map(([id, registration], i) => {
    const [info, queue, claimant, [bookings, nextId]] = results.slice(4 * i, 4 * i + 4) as [
      RawResource["info"],
      RawResource["queue"],
      RawResource["claimant"],
      readonly [RawResource["page"], bigint],
    ];
    return resourceView(
      id,
      registration,
      { info, queue, claimant, page: bookings, nextId },
      reservationLimit,
      block.timestamp,
    );
  });
  return { items, next: page.next };
}
