/**
 * Cheap client-side checks shared by the modules: they throw {@link InvalidInputError} before anything
 * is simulated or signed.
 */
import { getAddress, isAddress, isHex, size, zeroAddress } from "viem";
import type { Address, Hex } from "viem";

import { InvalidInputError } from "../errors.ts";

const MAX_UINT256 = 2n ** 256n - 1n;

/** An id or amount as accepted by the SDK: a bigint, or a safe non-negative integer number. */
export type BigIntish = bigint | number;

/**
 * Converts `value` to a uint256 bigint or throws {@link InvalidInputError}.
 *
 * @example
 * toUint256("cellId", 4); // 4n
 */
export function toUint256(parameter: string, value: BigIntish, max: bigint = MAX_UINT256): bigint {
  let result: bigint;
  if (typeof value === "bigint") result = value;
  else if (typeof value === "number" && Number.isSafeInteger(value)) result = BigInt(value);
  else
    throw new InvalidInputError(parameter, value, "expected a non-negative integer (bigint or safe integer)");
  if (result < 0n) throw new InvalidInputError(parameter, value, "must not be negative");
  if (result > max) throw new InvalidInputError(parameter, value, `must be at most ${max}`);
  return result;
}

/**
 * An existing cell's id: a positive uint256 (ids start at 1; 0 means "no cell").
 *
 * @example
 * toCellId(0n); // throws InvalidInputError
 */
export function toCellId(value: BigIntish, parameter = "cellId"): bigint {
  const id = toUint256(parameter, value);
  if (id === 0n) throw new InvalidInputError(parameter, value, "cell ids start at 1 (0 means no cell)");
  return id;
}

/**
 * A checksummed address; refuses the zero address unless `allowZero`.
 *
 * @example
 * toAddress("account", "0x70997970c51812dc3a010c7d01b50e0d17dc79c8"); // "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"
 */
export function toAddress(parameter: string, value: unknown, options: { allowZero?: boolean } = {}): Address {
  if (typeof value !== "string" || !isAddress(value, { strict: false })) {
    throw new InvalidInputError(parameter, value, "not an address");
  }
  const address = getAddress(value);
  if (!options.allowZero && address === zeroAddress) {
    throw new InvalidInputError(parameter, value, "the zero address cannot be used here");
  }
  return address;
}

/**
 * A 32-byte hex value, lower-cased.
 *
 * @example
 * toBytes32("nucleusHash", keccak256("0x")); // ok; "0x1234" throws InvalidInputError
 */
export function toBytes32(parameter: string, value: unknown): Hex {
  if (typeof value !== "string" || !isHex(value, { strict: true }) || size(value) !== 32) {
    throw new InvalidInputError(parameter, value, "expected 32 bytes of hex (0x + 64 hex digits)");
  }
  return value.toLowerCase() as Hex;
}

/** A point in time: Unix seconds (bigint or number) or a `Date`. */
export type Timestamp = BigIntish | Date;

/**
 * Converts a {@link Timestamp} to Unix seconds, refusing values above `max` (default: uint64).
 *
 * @example
 * toTimestamp("at", new Date("2030-01-01T00:00:00Z")); // 1893456000n
 */
export function toTimestamp(parameter: string, value: Timestamp, max: bigint = 2n ** 64n - 1n): bigint {
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) throw new InvalidInputError(parameter, value, "invalid date");
    return toUint256(parameter, Math.floor(ms / 1000), max);
  }
  return toUint256(parameter, value, max);
}
