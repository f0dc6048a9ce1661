/**
 * `getResource`: everything about a resource in one call — the policy, the name (from its
 * registration event), the live lease, the queue with each waiter's claim window and the upcoming
 * bookings, read in ONE batched `eth_call`.
 */
import { getBlock } from "viem/actions";

import type { ConcordClientBase } from "../client.ts";
import { ConcordError, InvalidInputError } from "../errors.ts";
import { resourceLeasesAbi } from "../generated/abis.ts";
import { pinBlock, readAt } from "../internal/block.ts";
import type { BlockParameters } from "../internal/block.ts";
import { contractOf } from "../internal/contracts.ts";
import { readBatch, withDecodedErrors } from "../internal/read.ts";
import type { BigIntish } from "../internal/validate.ts";
import { accessName, toResourceId } from "./constants.ts";
import { fetchRegistrations } from "./events.ts";
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
  if (!Number.isInteger(reservationLimit) || reservationLimit < 0 || reservationLimit > 999) {
    throw new InvalidInputError("reservationLimit", reservationLimit, "expected an integer from 0 to 999");
  }
  const { address } = contractOf(client, "resourceLeases");
  const { at } = await pinBlock(client, readAt(read));
  // The block whose time decides the active booking: the one the state is read at.
  const block = await withDecodedErrors(() => getBlock(client.publicClient, at), {
    functionName: "getBlock",
    errors: leaseErrorCatalogue,
  });
  const [[info, queue, claimant, [page, nextId]], registrations] = await Promise.all([
    readBatch(
      client,
      [
        { address, abi: resourceLeasesAbi, functionName: "getResource", args: [id] },
        { address, abi: resourceLeasesAbi, functionName: "queueOf", args: [id] },
        { address, abi: resourceLeasesAbi, functionName: "claimantOf", args: [id] },
        {
          address,
          abi: resourceLeasesAbi,
          functionName: "reservationsOf",
          args: [id, 0n, BigInt(reservationLimit + 1)],
        },
      ] as const,
      { contract: "ResourceLeases", functionName: "getResource", at, errors: leaseErrorCatalogue },
    ),
    fetchRegistrations(client, { resourceIds: [id] }, at),
  ]);
  const registration = registrations.get(id);
  if (!registration) {
    throw new ConcordError(`The ResourceRegistered event of resource ${id} was not found.`, {
      details:
        "Event scans start at the deployment's startBlock: check the client's deployment or startBlock.",
    });
  }
  const state = toResourceInfo(info);
  const now = block.timestamp;
  const upcoming = toReservations(page);
  const reservations = upcoming.slice(0, reservationLimit);
  const first = upcoming[0];
  const activeReservation = first && first.start <= now && now < first.end ? first : null;
  const lease = state.holder
    ? { holder: state.holder, expiresAt: state.expiresAt, fencingToken: state.fencingToken }
    : null;
  const claim = toClaimant(claimant);
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
    queue: toQueue(queue),
    activeReservation,
    reservations,
    moreReservations: upcoming.length > reservationLimit || nextId !== 0n,
    reservationCount: state.reservationCount,
    readAt: now,
  };
}
