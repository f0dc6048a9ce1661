/**
 * The machinery behind human-readable refusal messages: every Concord module defines, in its own
 * `errors.ts`, one message per custom error of its ABI with {@link defineErrorMessages}, and
 * `sdk/internal/catalog.ts` merges the tables. The types make a missing message a compile error.
 *
 * This file imports nothing from the rest of the SDK so that any module can use it without cycles.
 */
import { getAddress, isAddress } from "viem";
import type { Abi, AbiParameter, AbiParameterToPrimitiveType, Address } from "viem";

/** The custom errors declared in `abi`. */
type AbiErrors<abi extends Abi> = Extract<abi[number], { type: "error" }>;

/** The names of the custom errors declared in `abi`. */
export type AbiErrorName<abi extends Abi> = AbiErrors<abi>["name"];

/** The arguments of error `name` of `abi`, keyed by their Solidity parameter names. */
export type AbiErrorNamedArgs<abi extends Abi, name extends string> = {
  [
    param in Extract<AbiErrors<abi>, { name: name }>["inputs"][number] as param["name"] & string
  ]: param extends AbiParameter ? AbiParameterToPrimitiveType<param> : never;
};

/** A function that turns the named arguments of a refusal into one human sentence. */
export type ErrorMessageFormatter<args = Record<string, unknown>> = (args: args) => string;

/** Messages keyed by error name, as stored in the merged catalog. */
export type ErrorMessages = Readonly<Record<string, ErrorMessageFormatter<Record<string, unknown>>>>;

/**
 * Messages for the OpenZeppelin library errors that Concord contracts inherit. Module tables may omit
 * these; they can still override them.
 *
 * @example
 * commonErrorMessages.FailedCall(); // "A call inside the batch failed without giving a reason."
 */
export const commonErrorMessages = {
  AddressEmptyCode: ({ target }: { target: Address }) => `${shortAddress(target)} has no contract code.`,
  FailedCall: () => "A call inside the batch failed without giving a reason.",
  CheckpointUnorderedInsertion: () =>
    "A history checkpoint was written out of order (an internal error of the contract).",
  SafeCastOverflowedUintDowncast: ({ bits, value }: { bits: number; value: bigint }) =>
    `The value ${value} does not fit in ${bits} bits.`,
  SafeCastOverflowedIntDowncast: ({ bits, value }: { bits: number; value: bigint }) =>
    `The value ${value} does not fit in a signed ${bits}-bit integer.`,
  SafeCastOverflowedIntToUint: ({ value }: { value: bigint }) =>
    `The negative value ${value} cannot be unsigned.`,
  SafeCastOverflowedUintToInt: ({ value }: { value: bigint }) =>
    `The value ${value} is too large to be signed.`,
} as const satisfies Record<string, ErrorMessageFormatter<never>>;

type CommonErrorName = keyof typeof commonErrorMessages;

/**
 * One message per custom error of `abi`: required for the module's own errors, optional for the
 * OpenZeppelin errors covered by {@link commonErrorMessages}.
 */
export type ErrorMessageTable<abi extends Abi> = {
  [name in Exclude<AbiErrorName<abi>, CommonErrorName>]: ErrorMessageFormatter<AbiErrorNamedArgs<abi, name>>;
} & {
  [name in Extract<AbiErrorName<abi>, CommonErrorName>]?: ErrorMessageFormatter<AbiErrorNamedArgs<abi, name>>;
};

/**
 * Declares the human messages of a contract's custom errors. The type requires one entry per error of
 * `abi`, so that adding an error to a contract without a message fails `tsc`.
 *
 * @example
 * import { defineErrorMessages } from "./internal/messages.ts";
 * import { cellRegistryAbi } from "./generated/abis.ts";
 *
 * export const cellRegistryErrorMessages = defineErrorMessages(cellRegistryAbi, {
 *   CellNonexistent: ({ cellId }) => `Cell ${cellId} does not exist.`,
 *   // ... one entry per error
 * });
 */
export function defineErrorMessages<const abi extends Abi>(
  _abi: abi,
  table: ErrorMessageTable<abi>,
): ErrorMessages {
  return table as unknown as ErrorMessages;
}

/**
 * Shortens an address for a sentence: `0xf39F…2266` (checksummed).
 *
 * @example
 * shortAddress("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266"); // "0xf39F…2266"
 */
export function shortAddress(address: string): string {
  const checksummed = isAddress(address, { strict: false }) ? getAddress(address) : address;
  return checksummed.length > 12 ? `${checksummed.slice(0, 6)}…${checksummed.slice(-4)}` : checksummed;
}

/**
 * Formats a Unix timestamp (seconds) for a sentence, as an ISO-8601 UTC date.
 *
 * @example
 * formatTimestamp(1_700_000_000n); // "2023-11-14T22:13:20Z"
 */
export function formatTimestamp(seconds: bigint | number): string {
  const ms = Number(seconds) * 1000;
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return `${seconds}`;
  return new Date(ms).toISOString().replace(".000Z", "Z");
}
