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
import { formatLocalDateTime, shortAddress } from "./format.ts";

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
 * Replaces the times in a sentence with dates in the viewer's time zone (one clock): Unix times (ten-digit
 * numbers between 2017 and 2096) and the SDK's UTC forms ("2023-11-14 22:13:20 UTC", "2023-11-14T22:13:20Z"):
 * "the expiry (1577872800) is not after …" → "the expiry (1 Jan 2020, 10:00) is …".
 *
 * @example
 * withDates("the expiry (1577872800) is not after the chain's current time (1796593487)");
 */
export function withDates(message: string): string {
  return message
    .replace(
      /\b(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d(?::\d\d)?)(?:\.\d+)?(?: UTC|Z)/g,
      (text, day: string, time: string) => {
        const ms = Date.parse(`${day}T${time.length === 5 ? `${time}:00` : time}Z`);
        return Number.isFinite(ms) ? formatLocalDateTime(Math.floor(ms / 1000)) : text;
      },
    )
    .replace(/\b(1[5-9]\d{8}|[2-3]\d{9})\b/g, (digits) => formatLocalDateTime(BigInt(digits)));
}

/** Plain words for the SDK's parameter names, where the name alone would be developer language. */
const PARAMETER_WORDS: Record<string, string> = {
  account: "address",
  accounts: "address",
  delegatee: "delegate's address",
  nucleusURI: "purpose link",
  termsURI: "document link",
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
  // "proposalId" → "proposal", "maxDuration" → "max duration".
  return (
    PARAMETER_WORDS[last] ??
    last
      .replace(/([a-z])([A-Z])/g, "$1 $2")
      .toLowerCase()
      .replace(/ id$/, "")
  );
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

/** What the app knows to name: cells by id, accounts by address, and who "you" are. */
export type NameHints = {
  cellName: (id: bigint) => string | null;
  accountName: (address: `0x${string}`) => string | null;
  /** Accounts the app can name (the dev accounts, the viewer). */
  accounts: readonly `0x${string}`[];
  you: `0x${string}` | null;
};

let hints: NameHints | null = null;

/** Sets the names every explained message uses (the shell sets them from the directory and the viewer). */
export function setNameHints(next: NameHints | null): void {
  hints = next;
}

/**
 * Names in a sentence where the app knows them: "cell 2" → "Infra", "0x15d3…6A65" (or the whole address)
 * → "Erin (0x15d3…6A65)", the viewer → "you (0xf39F…2266)".
 *
 * @example
 * withNames("0x7099…79C8 is already a member of cell 2.", hints); // "Bob (0x7099…79C8) is already a member of Infra."
 */
export function withNames(message: string, names: NameHints | null = hints): string {
  if (!names) return message;
  let text = message.replace(/\b[Cc]ell (\d{1,20})\b/g, (words, id: string) => {
    const name = names.cellName(BigInt(id));
    return name ? `“${name}”` : words;
  });
  for (const account of names.accounts) {
    const isYou = names.you !== null && names.you.toLowerCase() === account.toLowerCase();
    const name = isYou ? "you" : names.accountName(account);
    if (!name) continue;
    const short = shortAddress(account);
    // Not where a name already comes before it: "Bob (0x7099…79C8)".
    const pattern = new RegExp(`(?<!\\()(?:${account}|${short})`, "gi");
    text = text.replace(pattern, `${name} (${short})`);
  }
  // "you (0xf39F…2266) has already voted" → "… have …"; a sentence that starts with "you", with a capital.
  return text
    .replace(/\b(you \([^)]*\)) has\b/g, "$1 have")
    .replace(/\b(you \([^)]*\)) is\b/g, "$1 are")
    .replace(/^you \(/, "You (");
}

/** The last touches on every message: no raw hex, no raw Unix time, names where the app knows them. */
const readable = (message: string) => withNames(withDates(withoutRawHex(message)));

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
