/**
 * Typed errors of the Concord SDK. Every error the SDK throws is a {@link ConcordError}; contract
 * refusals are {@link ContractRefusalError}s with the custom error's name, arguments and a human
 * message. Raw revert data never reaches a message.
 */
import { BaseError, decodeErrorResult, isHex } from "viem";
import type { Abi, Hex } from "viem";

type AbiError = Extract<Abi[number], { type: "error" }>;

import type { ConcordContractName, ConcordErrorName } from "./internal/catalog.ts";
import type { ErrorMessages } from "./internal/messages.ts";
import { knownErrorAbi, knownMessages } from "./internal/registry.ts";

export { concordErrorMessages } from "./internal/catalog.ts";
export type { ConcordContractName, ConcordErrorName } from "./internal/catalog.ts";
export { defineErrorMessages, shortAddress } from "./internal/messages.ts";
export { registerErrorCatalogue } from "./internal/registry.ts";
export type { ErrorCatalogue } from "./internal/registry.ts";
export type { ErrorMessages, ErrorMessageTable } from "./internal/messages.ts";

/** Options shared by every Concord error. */
export type ConcordErrorParameters = {
  /** The underlying error (a viem error, a transport error...). */
  cause?: unknown;
  /** A longer explanation, shown under the short message. */
  details?: string | undefined;
  /** Extra lines shown between the short message and the details. */
  metaMessages?: string[] | undefined;
  /** Overrides the error name. */
  name?: string | undefined;
};

/**
 * The base class of every error the Concord SDK throws: a viem `BaseError` (`shortMessage`, `details`,
 * `metaMessages`, `cause`, `walk()`), so `error instanceof BaseError` holds and `walk()` reaches viem's cause.
 *
 * @example
 * import { ConcordError } from "@concord-dao/sdk";
 *
 * try {
 *   await concord.cells.addMember({ cellId: 1n, account });
 * } catch (error) {
 *   if (error instanceof ConcordError) console.error(error.shortMessage);
 * }
 */
export class ConcordError extends BaseError {
  override name = "ConcordError";

  constructor(shortMessage: string, parameters: ConcordErrorParameters = {}) {
    // The cause is attached after `super` so that viem does not copy its message (raw revert data) into ours.
    super(shortMessage, {
      details: parameters.details ?? "",
      metaMessages: parameters.metaMessages?.length ? parameters.metaMessages : undefined,
      name: parameters.name,
    });
    if (parameters.cause !== undefined) this.cause = parameters.cause;
    if (parameters.name) this.name = parameters.name;
  }
}

/** The errors any Concord action can throw (its `XErrorType`, as viem's actions export one). */
export type ConcordErrorType = ConcordError;

/** Parameters of a {@link ContractRefusalError}. */
export type ContractRefusalErrorParameters = {
  /** The custom error's name, `Error` (a `require` reason), `Panic`, `UnknownError` or `Reverted`. */
  errorName: ConcordErrorName | "Error" | "Panic" | "UnknownError" | "Reverted" | (string & {});
  /** The error's arguments, in ABI order. */
  args: readonly unknown[];
  /** The error's arguments keyed by their Solidity names. */
  namedArgs: Readonly<Record<string, unknown>>;
  /** The human sentence. */
  message: string;
  /** The Concord contract that refused, when known. */
  contract?: ConcordContractName | (string & {}) | undefined;
  /** The function that was called, when known. */
  functionName?: string | undefined;
  /** The 4-byte selector when the error is not in any Concord ABI. */
  selector?: Hex | undefined;
  cause?: unknown;
};

/**
 * A Concord contract refused a call (a revert), decoded: `errorName`, `args`, `namedArgs` and a human
 * message such as "0xf39F…2266 is not a steward of cell 4 (nor of any cell above it).".
 *
 * @example
 * import { ContractRefusalError } from "@concord-dao/sdk";
 *
 * try {
 *   await concord.cells.setPhase({ cellId: 4n, phase: "commitment" });
 * } catch (error) {
 *   if (error instanceof ContractRefusalError && error.errorName === "CellNotSteward") {
 *     console.log(error.shortMessage, error.namedArgs.account);
 *   }
 * }
 */
export class ContractRefusalError extends ConcordError {
  override name = "ContractRefusalError";
  readonly errorName: ContractRefusalErrorParameters["errorName"];
  readonly args: readonly unknown[];
  readonly namedArgs: Readonly<Record<string, unknown>>;
  readonly contract: string | undefined;
  readonly functionName: string | undefined;
  readonly selector: Hex | undefined;

  constructor(parameters: ContractRefusalErrorParameters) {
    const where =
      parameters.contract || parameters.functionName
        ? `${parameters.contract ?? "contract"}${parameters.functionName ? `.${parameters.functionName}` : ""}`
        : undefined;
    super(parameters.message, {
      cause: parameters.cause,
      metaMessages: [
        `Error: ${formatCall(parameters.errorName, parameters.namedArgs, parameters.args)}`,
        ...(where ? [`Refused by: ${where}`] : []),
      ],
    });
    this.errorName = parameters.errorName;
    this.args = parameters.args;
    this.namedArgs = parameters.namedArgs;
    this.contract = parameters.contract;
    this.functionName = parameters.functionName;
    this.selector = parameters.selector;
  }
}

/**
 * The SDK has no deployment record for the client's chain (see `sdk/generated/deployments.ts`), or a
 * contract is missing from it. Pass `deployment` or `addresses` to `createConcordClient`.
 *
 * @example
 * import { NoDeploymentError, getDeployment } from "@concord-dao/sdk";
 *
 * try {
 *   getDeployment(1);
 * } catch (error) {
 *   if (error instanceof NoDeploymentError) console.log(error.chainId); // 1
 * }
 */
export class NoDeploymentError extends ConcordError {
  override name = "NoDeploymentError";
  readonly chainId: number | undefined;

  constructor(parameters: {
    chainId?: number | undefined;
    contract?: string | undefined;
    known?: readonly number[];
  }) {
    const { chainId, contract, known } = parameters;
    const shortMessage =
      chainId === undefined
        ? "The public client has no chain: cannot pick a Concord deployment."
        : contract
          ? `The Concord deployment for chain ${chainId} has no ${contract}.`
          : `Concord is not deployed on chain ${chainId}.`;
    super(shortMessage, {
      details:
        (known?.length ? `Known chains: ${known.join(", ")}. ` : "") +
        "Pass `deployment` or `addresses` to createConcordClient.",
    });
    this.chainId = chainId;
  }
}

/**
 * A write was attempted without a wallet client (or without an account to send from).
 *
 * @example
 * import { WalletRequiredError } from "@concord-dao/sdk";
 *
 * const readOnly = createConcordClient({ publicClient });
 * await readOnly.cells.leaveCell({ cellId: 1n }).catch((e) => e instanceof WalletRequiredError); // true
 */
export class WalletRequiredError extends ConcordError {
  override name = "WalletRequiredError";
  readonly action: string;

  constructor(action: string, reason = "the Concord client has no wallet client") {
    super(`Cannot ${action}: ${reason}.`, {
      details: "Pass `walletClient` (with an account) to createConcordClient, or `account` to the action.",
    });
    this.action = action;
  }
}

/**
 * An input was refused by the SDK before anything was sent (bad roles, phase out of range, zero
 * address, empty name...).
 *
 * @example
 * import { InvalidInputError } from "@concord-dao/sdk";
 *
 * await concord.cells.addMember({ cellId: 1n, account, roles: 8 }).catch((e) => {
 *   if (e instanceof InvalidInputError) console.log(e.parameter); // "roles"
 * });
 */
export class InvalidInputError extends ConcordError {
  override name = "InvalidInputError";
  readonly parameter: string;
  readonly value: unknown;

  constructor(parameter: string, value: unknown, reason: string) {
    super(`Invalid ${parameter}: ${reason}.`);
    this.parameter = parameter;
    this.value = value;
  }
}

/**
 * A transaction was mined but reverted. When the revert can be reproduced, the decoded
 * {@link ContractRefusalError} is this error's `cause` and `refusal`.
 *
 * @example
 * import { TransactionRevertedError } from "@concord-dao/sdk";
 *
 * await write().catch((e) => e instanceof TransactionRevertedError && console.log(e.hash));
 */
export class TransactionRevertedError extends ConcordError {
  override name = "TransactionRevertedError";
  readonly hash: Hex;
  readonly refusal: ContractRefusalError | undefined;

  constructor(parameters: { hash: Hex; refusal?: ContractRefusalError | undefined; functionName?: string }) {
    const what = parameters.functionName ? `${parameters.functionName} transaction` : "Transaction";
    super(
      parameters.refusal
        ? `${what} ${parameters.hash} reverted: ${parameters.refusal.shortMessage}`
        : `${what} ${parameters.hash} reverted.`,
      { cause: parameters.refusal },
    );
    this.hash = parameters.hash;
    this.refusal = parameters.refusal;
  }
}

/** Where a failing call went, to name it in the decoded error. */
export type DecodeConcordErrorContext = {
  contract?: string | undefined;
  functionName?: string | undefined;
  /** Extra ABIs whose errors should be decoded too (for example a non-Concord target). */
  abi?: Abi | undefined;
  /** Extra or overriding messages. */
  messages?: ErrorMessages | undefined;
};

/**
 * Turns anything thrown while talking to Concord contracts into a {@link ConcordError}:
 * - a revert (viem's `ContractFunctionRevertedError`, or raw revert data anywhere in the cause chain) →
 *   {@link ContractRefusalError}, decoded against every Concord ABI, with a human message;
 * - a {@link ConcordError} → itself;
 * - anything else (transport failure, user rejection...) → a {@link ConcordError} with the original as
 *   `cause`, so `error.walk()` still reaches viem's error.
 *
 * @example
 * import { decodeConcordError } from "@concord-dao/sdk";
 *
 * try {
 *   await publicClient.simulateContract({ address, abi: cellRegistryAbi, functionName: "leave", args: [9n] });
 * } catch (error) {
 *   const decoded = decodeConcordError(error, { functionName: "leave" });
 *   console.log(decoded.shortMessage); // "Cell 9 does not exist."
 * }
 */
export function decodeConcordError(error: unknown, context: DecodeConcordErrorContext = {}): ConcordError {
  if (error instanceof ConcordError) return error;
  const messages = context.messages ? { ...knownMessages(), ...context.messages } : knownMessages();

  // 1. viem already decoded the revert against the ABI of the call.
  const reverted = walkError(error, (e) => hasName(e, "ContractFunctionRevertedError")) as
    | {
        data?: { errorName: string; args?: readonly unknown[]; abiItem?: unknown };
        raw?: Hex;
        reason?: string;
      }
    | null
    | undefined;
  if (reverted?.data?.errorName) {
    const { errorName, args = [], abiItem } = reverted.data;
    return refusal(errorName, args, abiItem as AbiError | undefined, messages, context, error);
  }

  // 2. Raw revert data somewhere in the chain: decode it against all Concord ABIs.
  const data = reverted?.raw ?? findRevertData(error);
  if (data && data !== "0x") {
    const abi = [...knownErrorAbi(), ...(context.abi ?? [])];
    try {
      const decoded = decodeErrorResult({ abi, data });
      return refusal(
        decoded.errorName,
        decoded.args ?? [],
        decoded.abiItem as AbiError,
        messages,
        context,
        error,
      );
    } catch {
      return new ContractRefusalError({
        errorName: "UnknownError",
        args: [],
        namedArgs: {},
        message: "The contract refused the call with an error that no Concord ABI declares.",
        contract: context.contract,
        functionName: context.functionName,
        selector: data.slice(0, 10) as Hex,
        cause: error,
      });
    }
  }
  if (reverted || looksLikeRevert(error)) {
    const reason = reverted?.reason;
    const text =
      reason && reason !== "execution reverted" && !/0x[0-9a-f]{8}/i.test(reason)
        ? `The contract refused the call: ${reason}`
        : "The contract refused the call without giving a reason.";
    return new ContractRefusalError({
      errorName: "Reverted",
      args: [],
      namedArgs: {},
      message: text,
      contract: context.contract,
      functionName: context.functionName,
      cause: error,
    });
  }

  // 3. Not a revert.
  const short =
    (error as { shortMessage?: unknown })?.shortMessage ??
    (error instanceof Error ? error.message.split("\n")[0] : String(error));
  return new ConcordError(typeof short === "string" && short ? short : "An unknown error occurred.", {
    cause: error,
  });
}

// ─────────────────────────────────────────────────────────────── internals

function refusal(
  errorName: string,
  args: readonly unknown[],
  abiItem: AbiError | undefined,
  messages: ErrorMessages,
  context: DecodeConcordErrorContext,
  cause: unknown,
): ContractRefusalError {
  const namedArgs: Record<string, unknown> = {};
  abiItem?.inputs?.forEach((input, i) => {
    namedArgs[input.name || `arg${i}`] = args[i];
  });
  let message: string;
  if (errorName === "Error") {
    message = `The contract refused the call: ${String(args[0])}`;
    namedArgs.reason = args[0];
  } else if (errorName === "Panic") {
    message = `The contract failed: ${panicReason(Number(args[0]))}`;
    namedArgs.code = args[0];
  } else {
    const format = messages[errorName];
    message = format ? format(namedArgs) : `The contract refused the call (${errorName}).`;
  }
  return new ContractRefusalError({
    errorName,
    args,
    namedArgs,
    message,
    contract: context.contract,
    functionName: context.functionName,
    cause,
  });
}

const PANIC_REASONS: Record<number, string> = {
  0x01: "an assertion failed.",
  0x11: "an arithmetic operation overflowed.",
  0x12: "division or modulo by zero.",
  0x21: "a value could not be converted to an enum.",
  0x22: "storage byte array is incorrectly encoded.",
  0x31: "pop() was called on an empty array.",
  0x32: "an array index was out of bounds.",
  0x41: "too much memory was allocated.",
  0x51: "a zero-initialized function was called.",
};

function panicReason(code: number): string {
  return PANIC_REASONS[code] ?? `panic code ${code}.`;
}

function hasName(error: unknown, name: string): boolean {
  return typeof error === "object" && error !== null && (error as { name?: unknown }).name === name;
}

function walkError(error: unknown, fn?: (error: unknown) => boolean): unknown {
  let current: unknown = error;
  for (let i = 0; i < 32 && current !== undefined && current !== null; i++) {
    if (fn?.(current)) return current;
    const next = typeof current === "object" ? (current as { cause?: unknown }).cause : undefined;
    if (next === undefined || next === null) return fn ? null : current;
    current = next;
  }
  return fn ? null : current;
}

/** Finds revert data (`data: "0x…"` or `data: { data: "0x…" }`) in an error's cause chain. */
function findRevertData(error: unknown): Hex | undefined {
  let found: Hex | undefined;
  walkError(error, (e) => {
    if (typeof e !== "object" || e === null) return false;
    const data = (e as { data?: unknown }).data;
    const candidate =
      typeof data === "string"
        ? data
        : typeof data === "object" && data !== null
          ? (data as { data?: unknown }).data
          : undefined;
    if (typeof candidate === "string" && isHex(candidate) && candidate.length >= 10) {
      found = candidate;
      return true;
    }
    return false;
  });
  return found;
}

function looksLikeRevert(error: unknown): boolean {
  return Boolean(
    walkError(error, (e) => {
      if (typeof e !== "object" || e === null) return false;
      const { code, message } = e as { code?: unknown; message?: unknown };
      return code === 3 || (typeof message === "string" && /execution reverted|reverted/i.test(message));
    }),
  );
}

function formatCall(
  errorName: string,
  namedArgs: Readonly<Record<string, unknown>>,
  args: readonly unknown[],
): string {
  const keys = Object.keys(namedArgs);
  const parts = keys.length
    ? keys.map((key) => `${key}: ${formatValue(namedArgs[key])}`)
    : args.map((arg) => formatValue(arg));
  return `${errorName}(${parts.join(", ")})`;
}

function formatValue(value: unknown): string {
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "string") return value.length > 80 ? `${value.slice(0, 77)}...` : value;
  return String(value);
}
