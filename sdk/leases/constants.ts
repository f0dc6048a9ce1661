/**
 * Access policies, limits and input checks of the ResourceLeases contract.
 */
import { InvalidInputError } from "../errors.ts";
import { toUint256 } from "../internal/validate.ts";
import type { BigIntish } from "../internal/validate.ts";

/**
 * The access policies of a resource (`registerResource`, `setPolicy`).
 *
 * - `OWNER_MEMBERS` (0): members of the owner cell;
 * - `ANY_MEMBERS` (1): members of any cell (the caller names the cell it acts for: the SDK finds one);
 * - `ANYONE` (2): any account.
 *
 * @example
 * import { Access } from "@concord-dao/sdk";
 *
 * await concord.leases.registerResource({ ownerCellId, name: "staging", maxDuration: 3600, access: Access.ANYONE, claimWindow: 300 });
 */
export const Access = { OWNER_MEMBERS: 0, ANY_MEMBERS: 1, ANYONE: 2 } as const;

/** An access policy value, 0..2. */
export type AccessValue = (typeof Access)[keyof typeof Access];

/**
 * Access policy names by value.
 *
 * @example
 * import { accessNames } from "@concord-dao/sdk";
 *
 * accessNames[1]; // "any-members"
 */
export const accessNames = ["owner-members", "any-members", "anyone"] as const;

/** An access policy's name. */
export type AccessName = (typeof accessNames)[number];

/**
 * The contract's limits (constants of `ResourceLeases.sol`).
 *
 * @example
 * import { leaseLimits } from "@concord-dao/sdk";
 *
 * leaseLimits.QUEUE_CAPACITY; // 32
 */
export const leaseLimits = {
  /** Most places a resource's queue holds (places left empty count until the queue moves on). */
  QUEUE_CAPACITY: 32,
  /** Longest maximum duration and claim window, in seconds (2^32 - 1, about 136 years). */
  MAX_SPAN: 4_294_967_295,
  /** Most ended bookings `acquire` and `renew` skip before the contract asks for `prune`. */
  ACQUIRE_PRUNE_STEPS: 4,
  /** Most bookings the plain `reserve` examines before the contract asks for a hint. */
  RESERVE_SEARCH_STEPS: 16,
  /** Bookings end at or before this Unix time (2^40 - 1 seconds). */
  TIME_LIMIT: 1_099_511_627_775,
  /** Longest resource name, in bytes. */
  MAX_NAME_LENGTH: 64,
  /** Most live bookings per account a steward may allow (`setLimits`). */
  MAX_BOOKINGS_LIMIT: 6,
  /** Longest lead time a steward may allow: 366 days, in seconds. */
  MAX_LEAD_TIME: 31_622_400,
  /** Longest cool-down a steward may set: 7 days, in seconds. */
  MAX_COOLDOWN: 604_800,
  /** Limits of a new resource: live bookings per account, lead time and cool-down (seconds). */
  DEFAULT_MAX_BOOKINGS: 2,
  DEFAULT_LEAD_TIME: 2_592_000,
  DEFAULT_COOLDOWN: 3600,
} as const;

/**
 * The name of an access policy value.
 *
 * @example
 * import { accessName } from "@concord-dao/sdk";
 *
 * accessName(0); // "owner-members"
 */
export function accessName(access: number): AccessName {
  const name = accessNames[access];
  if (name === undefined) throw new InvalidInputError("access", access, "expected 0..2");
  return name;
}

/**
 * Validates an access policy given as a value (0..2) or a name and returns the value.
 *
 * @throws {InvalidInputError} when out of range or unknown.
 * @example
 * import { toAccess } from "@concord-dao/sdk";
 *
 * toAccess("anyone"); // 2
 */
export function toAccess(access: number | AccessName): AccessValue {
  if (typeof access === "string") {
    const index = accessNames.indexOf(access);
    if (index < 0) throw new InvalidInputError("access", access, `expected one of ${accessNames.join(", ")}`);
    return index as AccessValue;
  }
  if (!Number.isInteger(access) || access < 0 || access > 2) {
    throw new InvalidInputError(
      "access",
      access,
      "expected 0 (owner-members), 1 (any-members) or 2 (anyone)",
    );
  }
  return access as AccessValue;
}

/**
 * @internal A span in seconds (maximum duration, claim window): 1..MAX_SPAN.
 *
 * @example
 * toSpan("maxDuration", 3600); // 3600n
 */
export function toSpan(parameter: string, value: BigIntish): bigint {
  const seconds = toUint256(parameter, value, BigInt(leaseLimits.MAX_SPAN));
  if (seconds === 0n) throw new InvalidInputError(parameter, value, "must be at least 1 second");
  return seconds;
}

/**
 * @internal A lease duration in seconds: 1..2^64-1 (the contract then checks it against the maximum).
 *
 * @example
 * toDuration(600); // 600n
 */
export function toDuration(value: BigIntish, parameter = "duration"): bigint {
  const seconds = toUint256(parameter, value, 2n ** 64n - 1n);
  if (seconds === 0n) throw new InvalidInputError(parameter, value, "a lease lasts at least 1 second");
  return seconds;
}

/**
 * @internal A resource id: ids start at 1.
 *
 * @example
 * toResourceId(3); // 3n
 */
export function toResourceId(value: BigIntish, parameter = "resourceId"): bigint {
  const id = toUint256(parameter, value);
  if (id === 0n) throw new InvalidInputError(parameter, value, "resource ids start at 1");
  return id;
}

/**
 * @internal A booking id: ids start at 1.
 *
 * @example
 * toReservationId(2); // 2n
 */
export function toReservationId(value: BigIntish, parameter = "reservationId"): bigint {
  const id = toUint256(parameter, value);
  if (id === 0n) throw new InvalidInputError(parameter, value, "reservation ids start at 1");
  return id;
}
