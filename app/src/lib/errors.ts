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
      message: withoutRawHex(
        error.refusal
          ? `The transaction was included but reverted: ${error.refusal.shortMessage}`
          : error.shortMessage,
      ),
    };
  }
  if (error instanceof ContractRefusalError) {
    return { kind: "refused", message: withoutRawHex(error.shortMessage) };
  }
  if (error instanceof InvalidInputError)
    return { kind: "invalid", message: withoutRawHex(error.shortMessage) };
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
  if (error instanceof ConcordError) return { kind: "error", message: withoutRawHex(error.shortMessage) };
  const short = (error as { shortMessage?: unknown })?.shortMessage;
  const text =
    typeof short === "string" && short
      ? short
      : error instanceof Error
        ? (error.message.split("\n")[0] ?? "")
        : String(error);
  return { kind: "error", message: withoutRawHex(text || "Something went wrong.") };
}
