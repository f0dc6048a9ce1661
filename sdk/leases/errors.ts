/**
 * Human messages for the refusals of ResourceLeases (`contracts/leases/IResourceLeases.sol`).
 * `defineErrorMessages` makes `tsc` fail when an error of the ABI has no message here.
 *
 * Like `sdk/internal/messages.ts`, this file imports nothing that imports the catalog (no cycles): the
 * typed errors of `acquireWhenFree` live in `wait.ts`.
 */
import { zeroAddress } from "viem";

import { resourceLeasesAbi } from "../generated/abis.ts";
import type { ErrorMessages } from "../internal/messages.ts";
import { registerErrorCatalogue } from "../internal/registry.ts";
import { defineErrorMessages, shortAddress } from "../internal/messages.ts";

/**
 * @internal Formats a Unix time (seconds) for a sentence: `2025-01-01 14:05:00 UTC`.
 *
 * @example
 * formatUtc(1_700_000_000n); // "2023-11-14 22:13:20 UTC"
 */
export function formatUtc(seconds: bigint | number): string {
  const ms = Number(seconds) * 1000;
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return `${seconds} (Unix time)`;
  return new Date(ms).toISOString().replace("T", " ").replace(".000Z", " UTC");
}

const plural = (n: bigint | number, one: string, many: string) => `${n} ${BigInt(n) === 1n ? one : many}`;

/**
 * One sentence per custom error of ResourceLeases, used by `decodeConcordError`.
 *
 * @example
 * import { leaseErrorMessages } from "@concord-dao/sdk";
 *
 * leaseErrorMessages.ResourceBusy!({ resourceId: 3n, holder, expiresAt: 1_700_000_000n });
 * // "Resource 3 is held by 0x7099…79C8 until 2023-11-14 22:13:20 UTC: come back then, or join its queue."
 */
export const leaseErrorMessages = defineErrorMessages(resourceLeasesAbi, {
  ResourceNonexistent: ({ resourceId }) => `Resource ${resourceId} does not exist.`,
  ResourceNotSteward: ({ resourceId, ownerCellId, account }) =>
    resourceId === 0n
      ? `${shortAddress(account)} is not a steward of cell ${ownerCellId} (nor of any cell above it), so it cannot register resources for it.`
      : `${shortAddress(account)} is not a steward of cell ${ownerCellId}, which owns resource ${resourceId}.`,
  ResourceInvalidAccess: ({ access }) =>
    `Invalid access policy ${access}: expected 0 (members of the owner cell), 1 (members of a recognised cell or of a cell inside the owner cell) or 2 (anyone).`,
  ResourceInvalidMaxDuration: ({ maxDuration, limit }) =>
    `Invalid maximum duration ${maxDuration}: expected 1 to ${limit} seconds.`,
  ResourceInvalidClaimWindow: ({ claimWindow, limit }) =>
    `Invalid claim window ${claimWindow}: expected 1 to ${limit} seconds.`,
  ResourceEmptyName: () => "A resource needs a non-empty name.",
  ResourceNameTooLong: ({ length, cap }) =>
    `A resource name has at most ${cap} bytes; this one has ${length}: shorten it.`,
  ResourceInvalidMaxBookings: ({ maxBookings, limit }) =>
    `Invalid booking limit ${maxBookings}: an account may hold 0 to ${limit} live bookings of a resource.`,
  ResourceInvalidLeadTime: ({ maxLeadTime, limit }) =>
    `Invalid lead time ${maxLeadTime} seconds: a booking may start at most ${limit} seconds (366 days) ahead.`,
  ResourceInvalidCooldown: ({ cooldown, limit }) =>
    `Invalid cool-down ${cooldown} seconds: at most ${limit} seconds (7 days), so that nobody is shut out for long.`,
  ResourceCellNotVouched: ({ resourceId, cellId, ownerCellId }) =>
    `Cell ${cellId} is neither recognised by governance nor inside cell ${ownerCellId}, which owns resource ${resourceId}: act for a cell the DAO vouches for.`,
  ResourceCellRequired: ({ resourceId }) =>
    `Resource ${resourceId} is open to members of cells the DAO vouches for: name the cell you act for.`,
  ResourceAccessDenied: ({ resourceId, account, access, cellId }) =>
    access === 0
      ? `${shortAddress(account)} is not a member of cell ${cellId}, which owns resource ${resourceId}: only its members may use it.`
      : `${shortAddress(account)} is not a member of cell ${cellId}, the cell it acts for on resource ${resourceId}.`,
  ResourceBusy: ({ resourceId, holder, expiresAt }) =>
    `Resource ${resourceId} is held by ${shortAddress(holder)} until ${formatUtc(expiresAt)}: come back then, or join its queue.`,
  LeaseInvalidDuration: ({ resourceId, duration, maxDuration }) =>
    `A lease on resource ${resourceId} lasts 1 to ${maxDuration} seconds; ${duration} were asked for.`,
  LeaseNotHolder: ({ resourceId, account, holder }) =>
    holder === zeroAddress
      ? `${shortAddress(account)} does not hold resource ${resourceId}: no lease on it is live.`
      : `${shortAddress(account)} does not hold resource ${resourceId}: ${shortAddress(holder)} does.`,
  LeaseNotActive: ({ resourceId }) => `Resource ${resourceId} has no live lease.`,
  LeaseCoolingDown: ({ resourceId, account, until }) =>
    `A steward revoked the lease of ${shortAddress(account)} on resource ${resourceId}: it cannot take the resource again (directly, from the queue or through a booking) until ${formatUtc(until)}.`,
  LeaseRenewContended: ({ resourceId, queueLength }) =>
    `The lease on resource ${resourceId} cannot be renewed while ${plural(queueLength, "account waits", "accounts wait")} for it: release it or let it expire.`,
  QueueClaimWindow: ({ resourceId, claimant, windowEnd }) =>
    `It is ${shortAddress(claimant)}'s turn on resource ${resourceId}: only it may claim the resource until ${formatUtc(windowEnd)}.`,
  QueueFull: ({ resourceId, capacity }) =>
    `The queue of resource ${resourceId} is full (${capacity} places): try again when a turn has passed.`,
  QueueAlreadyQueued: ({ resourceId, account, position }) =>
    `${shortAddress(account)} already waits for resource ${resourceId}, with ${plural(position, "waiter", "waiters")} ahead of it.`,
  QueueAlreadyHolder: ({ resourceId, account, expiresAt }) =>
    `${shortAddress(account)} holds resource ${resourceId} until ${formatUtc(expiresAt)}; it cannot also wait for it.`,
  QueueNotQueued: ({ resourceId, account }) =>
    `${shortAddress(account)} has no place in the queue of resource ${resourceId}.`,
  QueueResourceFree: ({ resourceId }) =>
    `Resource ${resourceId} is not held and nobody is claiming it: acquire it instead of waiting.`,
  QueueCoolingDown: ({ resourceId, account, readyAt }) =>
    `${shortAddress(account)} had a place in the queue of resource ${resourceId} recently: it may take a new one from ${formatUtc(readyAt)}.`,
  ReservationConflict: ({ resourceId, reservationId, conflictStart, conflictEnd }) =>
    `The window overlaps booking ${reservationId} of resource ${resourceId}, from ${formatUtc(conflictStart)} to ${formatUtc(conflictEnd)}.`,
  ReservationLeaseConflict: ({ resourceId, holder, expiresAt }) =>
    `The window overlaps the lease of ${shortAddress(holder)} on resource ${resourceId}, which runs until ${formatUtc(expiresAt)}.`,
  ReservationInvalidWindow: ({ resourceId, start, end, maxDuration }) =>
    `Invalid booking window on resource ${resourceId} (${formatUtc(start)} to ${formatUtc(end)}): a booking ends after it starts, lasts at most ${maxDuration} seconds and ends before the year 36812.`,
  ReservationInPast: ({ resourceId, start, nowTime }) =>
    `A booking of resource ${resourceId} cannot start in the past: it starts at ${formatUtc(start)} and the chain's time is ${formatUtc(nowTime)}.`,
  ReservationActive: ({ resourceId, reservationId, booker, end }) =>
    `Resource ${resourceId} is booked by ${shortAddress(booker)} until ${formatUtc(end)} (booking ${reservationId}): only the booker may acquire it until then.`,
  ReservationTooClose: ({ resourceId, reservationId, otherStart, otherEnd, gap }) =>
    `Bookings of resource ${resourceId} stay ${gap} seconds (one claim window) apart, so that the queue gets a turn between them; booking ${reservationId} runs from ${formatUtc(otherStart)} to ${formatUtc(otherEnd)}.`,
  ReservationLimit: ({ resourceId, account, live, limit }) =>
    `${shortAddress(account)} already holds ${plural(live, "booking", "bookings")} of resource ${resourceId} that ${BigInt(live) === 1n ? "has" : "have"} not ended; the limit is ${limit}.`,
  ReservationTooFarAhead: ({ resourceId, start, latestStart }) =>
    `A booking of resource ${resourceId} may start at the latest at ${formatUtc(latestStart)}; this one starts at ${formatUtc(start)}.`,
  ReservationNonexistent: ({ resourceId, reservationId }) =>
    `Booking ${reservationId} of resource ${resourceId} does not exist (never made, or cancelled).`,
  ReservationNotBooker: ({ resourceId, reservationId, account }) =>
    `${shortAddress(account)} neither made booking ${reservationId} of resource ${resourceId} nor stewards the resource's cell.`,
  ReservationEnded: ({ resourceId, reservationId, end }) =>
    `Booking ${reservationId} of resource ${resourceId} ended at ${formatUtc(end)}.`,
  ReservationInvalidHint: ({ resourceId, afterId }) =>
    `The new booking does not go right after ${afterId === 0n ? "the start of the upcoming bookings" : `booking ${afterId}`} of resource ${resourceId}: the bookings changed meanwhile, try again.`,
  ReservationHintRequired: ({ resourceId, searchedUpTo }) =>
    `Resource ${resourceId} has too many bookings to search for the new one's place (stopped after booking ${searchedUpTo}): pass the booking that precedes it.`,
  ReservationPruneRequired: ({ resourceId, cursor }) =>
    `Too many ended bookings of resource ${resourceId} lie ahead of its booking cursor (booking ${cursor}): prune them first.`,
});

/**
 * The leases module's error catalogue, registered with the decoder when this module's writes or decorator are
 * imported (a page that only reads cells does not carry it).
 *
 * @example
 * import { leaseErrorCatalogue } from "@concord-dao/sdk";
 *
 * leaseErrorCatalogue.messages.QueueFull !== undefined; // true
 */
export const leaseErrorCatalogue = registerErrorCatalogue({
  contracts: ["ResourceLeases"],
  abis: [resourceLeasesAbi],
  messages: leaseErrorMessages as ErrorMessages,
});
