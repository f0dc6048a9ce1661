/**
 * Turns whatever a write or a read throws into one sentence for a member. Contract refusals come
 * decoded from the SDK (`ContractRefusalError.shortMessage`); raw revert data never reaches the screen.
 */
import {
  ConcordError,
  ContractRefusalError,
  InvalidInputError,
  TransactionRevertedError,
  WalletRequiredError,
} from "../../../sdk/index.ts";
import { formatLocalDateTime } from "./format.ts";

/** A failure, explained. */
export type ExplainedError = {
  /** What kind of failure it was: decides the tone of the message. */
  kind: "refused" | "invalid" | "rejected" | "reverted" | "network" | "wallet" | "error";
  /** One human sentence. */
  message: string;
};

function walk(error: unknown, test: (e: Record<string, unknown>) => boolean): boolean {
  let current: unknown = error;
  for (let i = 0; i < 16 && typeof current === "object" && current !== null; i++) {
    if (test(current as Record<string, unknown>)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Removes raw hex blobs (revert data, calldata, selectors) from a sentence, keeping addresses, 32-byte
 * hashes (which members can look up), short addresses ("0x7099…79C8") and small numbers.
 *
 * @example
 * withoutRawHex("reverted with 0x08c379a0000…"); // "reverted with (data)"
 */
export function withoutRawHex(message: string): string {
  return message.replace(/0x[0-9a-fA-F]{8,}/g, (hex) =>
    hex.length === 42 || hex.length === 66 ? hex : "(data)",
  );
}

/**
 * Replaces the Unix times in a sentence (ten-digit numbers between 2017 and 2096) with dates in the
 * viewer's time zone: "the expiry (1577872800) is not after …" → "the expiry (1 Jan 2020, 10:00) is …".
 *
 * @example
 * withDates("the expiry (1577872800) is not after the chain's current time (1796593487)");
 */
export function withDates(message: string): string {
  return message.replace(/\b(1[5-9]\d{8}|[2-3]\d{9})\b/g, (digits) => formatLocalDateTime(BigInt(digits)));
}

/** Plain words for the SDK's parameter names, where the name alone would be developer language. */
const PARAMETER_WORDS: Record<string, string> = {
  account: "address",
  accounts: "address",
  delegatee: "delegate's address",
  proposalId: "proposal",
  agreementId: "agreement",
  resourceId: "resource",
  cellId: "cell",
  parentId: "parent cell",
  nucleusURI: "purpose link",
  uri: "document link",
  documentHash: "document fingerprint",
  calldata: "call data (the encoded call)",
};

/**
 * A parameter name in words: "accounts[0]" → "address", "proposalId" → "proposal", "maxDuration" →
 * "max duration".
 *
 * @example
 * parameterWords("accounts[0]"); // "address"
 */
export function parameterWords(parameter: string): string {
  const last =
    parameter
      .replace(/\[\d+\]/g, "")
      .split(".")
      .at(-1) ?? parameter;
  return PARAMETER_WORDS[last] ?? last.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

/** An SDK input refusal ("Invalid accounts[0]: not an address.") in a member's words. */
function explainInput(error: InstanceType<typeof InvalidInputError>): string {
  const prefix = `Invalid ${error.parameter}: `;
  const reason = error.shortMessage.startsWith(prefix)
    ? error.shortMessage.slice(prefix.length).replace(/\.$/, "")
    : null;
  const what = parameterWords(error.parameter);
  return reason ? `The ${what} is not valid: ${reason}.` : `The ${what} is not valid.`;
}

/** The last touches on every message: no raw hex, no raw Unix time. */
const readable = (message: string) => withDates(withoutRawHex(message));

/**
 * Explains an error in human words.
 *
 * @example
 * explainError(new InvalidInputError("account", "0x12", "not an address"));
 * // { kind: "invalid", message: "Invalid account: not an address." }
 */
export function explainError(error: unknown): ExplainedError {
  if (
    walk(
      error,
      (e) =>
        e.code === 4001 || e.name === "UserRejectedRequestError" || /user rejected/i.test(String(e.message)),
    )
  ) {
    return { kind: "rejected", message: "You declined the request in your wallet: nothing was sent." };
  }
  if (error instanceof TransactionRevertedError) {
    return {
      kind: "reverted",
      message: readable(
        error.refusal
          ? `The transaction was included but reverted: ${error.refusal.shortMessage}`
          : error.shortMessage,
      ),
    };
  }
  if (error instanceof ContractRefusalError) {
    return { kind: "refused", message: readable(error.shortMessage) };
  }
  if (error instanceof InvalidInputError) return { kind: "invalid", message: readable(explainInput(error)) };
  if (error instanceof WalletRequiredError) {
    return { kind: "wallet", message: "Connect a wallet first." };
  }
  if (walk(error, (e) => e.name === "ConnectorChainMismatchError")) {
    return { kind: "wallet", message: "Your wallet is on another network: switch networks, then try again." };
  }
  if (walk(error, (e) => e.name === "ConnectorNotConnectedError" || e.name === "ProviderNotFoundError")) {
    return { kind: "wallet", message: "No wallet is connected: connect one, then try again." };
  }
  if (
    walk(
      error,
      (e) =>
        e.name === "HttpRequestError" ||
        e.name === "TimeoutError" ||
        (e instanceof TypeError && /fetch/i.test(String(e.message))),
    )
  ) {
    return { kind: "network", message: "The network did not answer: check the RPC endpoint and try again." };
  }
  if (error instanceof ConcordError) return { kind: "error", message: readable(error.shortMessage) };
  const short = (error as { shortMessage?: unknown })?.shortMessage;
  const text =
    typeof short === "string" && short
      ? short
      : error instanceof Error
        ? (error.message.split("\n")[0] ?? "")
        : String(error);
  return { kind: "error", message: readable(text || "Something went wrong.") };
}
