/**
 * Result types of the leases module. Ids, times (Unix seconds), durations (seconds) and fencing tokens
 * are bigints; positions and counts that stay small are numbers; "none" is `null` (never the zero
 * address).
 */
import type { Address } from "viem";

import type { AccessName, AccessValue } from "./constants.ts";

/** The on-chain `ResourceInfo` struct, as `getResourceInfo` returns it (holder/claimant null when none). */
export type ResourceInfo = {
  ownerCellId: bigint;
  access: AccessValue;
  maxDuration: bigint;
  claimWindow: bigint;
  /** The holder of the live lease, or null. */
  holder: Address | null;
  /** End of the live lease; when free, when the last lease ended (0n: never leased). */
  expiresAt: bigint;
  /** Token of the live lease; when free, the last token issued (0n: never leased). */
  fencingToken: bigint;
  /** Waiters whose turn has not passed. */
  queueLength: number;
  /** The waiter that may claim now, or null. */
  claimant: Address | null;
  /** Until when the claimant may claim (0n without a claimant). */
  claimWindowEnd: bigint;
  /** Booking ids issued so far (ids are 1..reservationCount). */
  reservationCount: bigint;
};

/** A live lease. */
export type Lease = {
  holder: Address;
  /** Unix seconds; the lease is live while the chain's time is before it. */
  expiresAt: bigint;
  fencingToken: bigint;
};

/** `leaseOf`: the live lease, or what is left of the last one when the resource is free. */
export type LeaseState = {
  /** The holder of the live lease, or null when the resource is free or the lease expired. */
  holder: Address | null;
  /** End of the live lease; when free, when the last lease ended (0n: never leased). */
  expiresAt: bigint;
  /** Token of the live lease; when free, the last token issued (0n: never leased). */
  fencingToken: bigint;
};

/** A waiter in a resource's queue, with its claim window. */
export type QueueEntry = {
  account: Address;
  /** The place's sequence number (the `place` of the QueueJoined event). */
  place: bigint;
  /** Waiters ahead of it (0: next). */
  position: number;
  /** When its turn starts (an estimate while a lease is live: it moves earlier if the lease ends early). */
  windowStart: bigint;
  /** When its turn ends. */
  windowEnd: bigint;
};

/** `placeOf`: an account's place in a queue. */
export type QueuePlace = {
  /** Waiters ahead of it (0: next). */
  position: number;
  windowStart: bigint;
  windowEnd: bigint;
};

/** The waiter that may claim a resource now. */
export type Claimant = {
  account: Address;
  windowStart: bigint;
  windowEnd: bigint;
};

/** A booking of the window `[start, end)`. */
export type Reservation = {
  id: bigint;
  booker: Address;
  start: bigint;
  end: bigint;
};

/**
 * What a resource is doing at the time of the read:
 * - `held`: a lease is live;
 * - `claimable`: no lease is live and a waiter has its claim window (only it may acquire);
 * - `booked`: no lease is live and a booking is active (only its booker may acquire);
 * - `free`: anyone allowed by the policy may acquire.
 */
export type ResourceStatus = "free" | "held" | "claimable" | "booked";

/** Everything about a resource: policy, name, current lease, queue and upcoming bookings. */
export type Resource = {
  id: bigint;
  /** The name given at registration (from the ResourceRegistered event). */
  name: string;
  ownerCellId: bigint;
  access: AccessValue;
  accessName: AccessName;
  /** Longest lease and longest booking, in seconds. */
  maxDuration: bigint;
  /** Seconds each waiter has to claim the resource when its turn comes. */
  claimWindow: bigint;
  /** The steward who registered it. */
  registeredBy: Address;
  registeredBlock: bigint;
  status: ResourceStatus;
  /** The live lease, or null. */
  lease: Lease | null;
  /** The highest fencing token issued so far (0n: never leased): a service rejects anything older. */
  latestFencingToken: bigint;
  /** When the last lease ended, when no lease is live (0n: never leased; null while a lease is live). */
  freeSince: bigint | null;
  /** The waiter that may claim now, or null. */
  claimant: Claimant | null;
  /** The waiters whose turn has not passed, first first. */
  queue: QueueEntry[];
  /** The booking active now, or null. */
  activeReservation: Reservation | null;
  /** Bookings that have not ended, in time order (at most `reservationLimit`, default 50). */
  reservations: Reservation[];
  /** True when more bookings exist beyond `reservations`. */
  moreReservations: boolean;
  /** Booking ids issued so far. */
  reservationCount: bigint;
  /**
   * The chain time the state refers to: the timestamp of the block the state was read in (a node that runs
   * reads on "latest" in a pending block, as Hardhat's EDR does, gives that block's time).
   */
  readAt: bigint;
};

/** A resource as listed by `listResources`: registration and policy from events, lease from state. */
export type ResourceSummary = {
  id: bigint;
  name: string;
  ownerCellId: bigint;
  access: AccessValue;
  accessName: AccessName;
  maxDuration: bigint;
  claimWindow: bigint;
  registeredBy: Address;
  registeredBlock: bigint;
  /** The holder of the live lease, or null. */
  holder: Address | null;
  /** End of the live lease, or null. */
  expiresAt: bigint | null;
  queueLength: number;
  reservationCount: bigint;
};

/** A lease held by an account, as listed by `leasesOf`. */
export type HeldLease = {
  resourceId: bigint;
  name: string;
  ownerCellId: bigint;
  expiresAt: bigint;
  fencingToken: bigint;
};

/** The answer of a fencing-token check. */
export type FencingTokenCheck = {
  /** True when the token may be accepted. */
  valid: boolean;
  /**
   * - `current`: the token of the live lease (on-chain check), or not older than the latest seen (guard);
   * - `stale`: older than the latest token (a newer lease was granted since);
   * - `expired`: the latest token, but its lease ended (on-chain check only);
   * - `unknown`: newer than any token issued (on-chain check only), or 0.
   */
  reason: "current" | "stale" | "expired" | "unknown";
  /** The latest token: issued on-chain (on-chain check), or seen so far (guard, including this one). */
  latestToken: bigint;
};
