/**
 * What an agent may retry, and the bounded retry loop it uses. The rule: retry what did not reach a
 * decision of the contract (a dropped or underpriced transaction, a nonce lost in a race, a transient RPC
 * failure); never retry a refusal (a `ContractRefusalError`, or a mined revert), which is surfaced as the
 * typed error it is.
 */
import type { Account, Address, Hash } from "viem";
import { getTransaction, waitForTransactionReceipt } from "viem/actions";

import type { ConcordClientBase } from "../client.ts";
import {
  ConcordError,
  ContractRefusalError,
  InvalidInputError,
  TransactionRevertedError,
  WalletRequiredError,
} from "../errors.ts";

/** How an agent retries what is safe to retry. Every field is bounded. */
export type RetryPolicy = {
  /** Attempts after the first (0..10, default 4). */
  retries?: number | undefined;
  /** First pause in ms, doubled at each attempt (1..60 000, default 200). */
  baseDelayMs?: number | undefined;
  /** Longest pause in ms (default 5 000, at most 60 000). */
  maxDelayMs?: number | undefined;
  /** How long to wait for a submitted transaction before deciding it was dropped (default 30 000 ms). */
  receiptTimeoutMs?: number | undefined;
};

/** The kind of a failure an agent met: decides whether it retries. */
export type FailureKind =
  /** The contract refused (simulated or mined): never retried. */
  | "refusal"
  /** A transaction the node no longer knows, one replaced or underpriced, or one that ran out of a stale gas estimate: resent. */
  | "dropped"
  /** A nonce taken by a concurrent send from the same account: resent with a fresh nonce. */
  | "nonce"
  /** The node or the network failed for a moment (HTTP, timeout, internal error, rate limit): retried. */
  | "transient"
  /** Anything else (bad input, no wallet, out of funds, user rejection...): not retried. */
  | "fatal";

const NONCE = /nonce too low|nonce too high|nonce has already been used|already known|invalid nonce/i;
// "ran out of gas": a gas estimate made on a state that changed before the transaction ran (another agent's
// transaction came first); the contract decided nothing, and the write reads the state again when it is retried.
const DROPPED =
  /replacement transaction underpriced|transaction underpriced|could not replace|dropped|not found|ran out of gas/i;
const TRANSIENT =
  /timed? ?out|socket|ECONNRESET|ECONNREFUSED|EPIPE|fetch failed|other side closed|network|rate limit|too many requests|429|502|503|504|internal error|header not found/i;

const NONCE_ERRORS = new Set(["NonceTooLowError", "NonceTooHighError"]);
const DROPPED_ERRORS = new Set([
  "TransactionNotFoundError",
  "TransactionReceiptNotFoundError",
  "WaitForTransactionReceiptTimeoutError",
  "FeeCapTooLowError",
]);
const TRANSIENT_ERRORS = new Set([
  "HttpRequestError",
  "TimeoutError",
  "SocketClosedError",
  "WebSocketRequestError",
  "InternalRpcError",
  "LimitExceededRpcError",
  "ResourceUnavailableRpcError",
]);
const FATAL_ERRORS = new Set([
  "InsufficientFundsError",
  "UserRejectedRequestError",
  "IntrinsicGasTooLowError",
  "ExecutionRevertedError",
]);

function chain(error: unknown): unknown[] {
  const list: unknown[] = [];
  let current: unknown = error;
  for (let i = 0; i < 16 && current !== null && typeof current === "object"; i++) {
    list.push(current);
    current = (current as { cause?: unknown }).cause;
  }
  return list;
}

/**
 * Classifies a failure of a write or a read: a contract refusal is never retried; a dropped,
 * underpriced or nonce-raced transaction and a transient RPC failure are.
 *
 * @example
 * import { classifyFailure } from "@concord-dao/sdk";
 *
 * if (classifyFailure(error) === "refusal") console.log(error.shortMessage);
 */
export function classifyFailure(error: unknown): FailureKind {
  if (error instanceof ContractRefusalError || error instanceof TransactionRevertedError) return "refusal";
  if (error instanceof InvalidInputError || error instanceof WalletRequiredError) return "fatal";
  const links = chain(error);
  for (const link of links) {
    const name = (link as { name?: unknown }).name;
    if (typeof name !== "string") continue;
    if (FATAL_ERRORS.has(name)) return "fatal";
    if (NONCE_ERRORS.has(name)) return "nonce";
    if (DROPPED_ERRORS.has(name)) return "dropped";
    if (TRANSIENT_ERRORS.has(name)) return "transient";
  }
  const text = links
    .map((link) => {
      const { message, details, shortMessage } = link as Record<string, unknown>;
      return [message, details, shortMessage].filter((part) => typeof part === "string").join(" ");
    })
    .join(" ");
  if (NONCE.test(text)) return "nonce";
  if (DROPPED.test(text)) return "dropped";
  if (TRANSIENT.test(text)) return "transient";
  return "fatal";
}

/**
 * A write kept failing for reasons that are safe to retry, `attempts` times: the last failure is the
 * `cause`. Nothing the contract decided is hidden behind it (refusals are never retried).
 *
 * @example
 * import { AgentRetryExhaustedError } from "@concord-dao/sdk";
 *
 * await agent.declareState({ state: "idle" }).catch((e) => e instanceof AgentRetryExhaustedError && e.attempts);
 */
export class AgentRetryExhaustedError extends ConcordError {
  override name = "AgentRetryExhaustedError";
  readonly action: string;
  readonly attempts: number;
  readonly kind: FailureKind;

  constructor(parameters: { action: string; attempts: number; kind: FailureKind; cause: unknown }) {
    const { action, attempts, kind } = parameters;
    super(`${action} failed ${attempts} times (${kind}); the agent gave up.`, {
      cause: parameters.cause,
      metaMessages: [
        "Each failure was one the contract did not decide (a dropped transaction, a nonce race or an RPC error).",
      ],
    });
    this.action = action;
    this.attempts = attempts;
    this.kind = kind;
  }
}

/** The policy with its defaults, checked against its bounds. */
export function resolveRetryPolicy(policy: RetryPolicy = {}): Required<RetryPolicy> {
  const resolved = {
    retries: policy.retries ?? 4,
    baseDelayMs: policy.baseDelayMs ?? 200,
    maxDelayMs: policy.maxDelayMs ?? 5_000,
    receiptTimeoutMs: policy.receiptTimeoutMs ?? 30_000,
  };
  const bounds: [keyof RetryPolicy, number, number][] = [
    ["retries", 0, 10],
    ["baseDelayMs", 1, 60_000],
    ["maxDelayMs", 1, 60_000],
    ["receiptTimeoutMs", 1, 600_000],
  ];
  for (const [key, min, max] of bounds) {
    const value = resolved[key];
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new InvalidInputError(`retry.${key}`, value, `expected an integer in ${min}..${max}`);
    }
  }
  return resolved;
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** What {@link retrying} tells the write it wraps and reports back. */
export type RetryContext = {
  /** Pass to the write's options: records the hash of a submitted transaction. */
  onSubmitted: (hash: Hash) => void;
  /** 0 for the first attempt. */
  attempt: number;
};

/** Parameters of {@link retrying}. */
export type RetryingParameters = {
  client: ConcordClientBase;
  /** The sending account: its nonce manager, if any, is reset after a nonce race. */
  account?: Account | Address | undefined;
  /** Named in errors. */
  action: string;
  policy?: RetryPolicy | undefined;
  signal?: AbortSignal | undefined;
  /** Called on each retried failure (for metrics). */
  onRetry?: ((kind: FailureKind, error: unknown) => void) | undefined;
};

/**
 * Runs `write`, retrying it (with doubling, bounded pauses) when it fails for a reason that is safe to
 * retry. Before a retry, a transaction that was already submitted is waited for (up to
 * `receiptTimeoutMs`): if the node still knows it, it is never sent twice. `write` must therefore be safe
 * to run again once its earlier transaction is mined (the agent's writes read the state first).
 * Refusals and fatal errors are thrown at once.
 *
 * @throws {AgentRetryExhaustedError} when every attempt failed for a retryable reason.
 * @example
 * const result = await retrying({ client, action: "release" }, ({ onSubmitted }) =>
 *   releaseLease(client, { resourceId, onSubmitted }),
 * );
 */
export async function retrying<result>(
  parameters: RetryingParameters,
  write: (context: RetryContext) => Promise<result>,
): Promise<result> {
  const { client, account, action, signal, onRetry } = parameters;
  const policy = resolveRetryPolicy(parameters.policy);
  let delay = policy.baseDelayMs;
  for (let attempt = 0; ; attempt++) {
    let submitted: Hash | undefined;
    try {
      return await write({ attempt, onSubmitted: (hash) => (submitted = hash) });
    } catch (error) {
      const kind = classifyFailure(error);
      if (kind === "refusal" || kind === "fatal") throw error;
      if (attempt >= policy.retries) {
        throw new AgentRetryExhaustedError({ action, attempts: attempt + 1, kind, cause: error });
      }
      onRetry?.(kind, error);
      if (kind === "nonce") resetNonce(client, account);
      if (submitted) await settle(client, submitted, policy.receiptTimeoutMs);
      await sleep(Math.min(delay, policy.maxDelayMs), signal);
      delay = Math.min(delay * 2, policy.maxDelayMs);
    }
  }
}

/** Waits (bounded) for a submitted transaction the node still knows, so that a retry never doubles it. */
async function settle(client: ConcordClientBase, hash: Hash, timeoutMs: number): Promise<void> {
  try {
    await getTransaction(client.publicClient, { hash });
  } catch {
    return; // dropped: the node does not know it
  }
  try {
    await waitForTransactionReceipt(client.publicClient, { hash, timeout: timeoutMs });
  } catch {
    // still pending after the timeout: the retry reads the state again before sending anything
  }
}

/** Resets the nonce manager of a local account (viem's `nonceManager`), if it has one. */
export function resetNonce(client: ConcordClientBase, account: Account | Address | undefined): void {
  const sender = account ?? client.walletClient?.account;
  if (!sender || typeof sender === "string") return;
  const manager = (sender as { nonceManager?: { reset: (p: { address: Address; chainId: number }) => void } })
    .nonceManager;
  manager?.reset({ address: sender.address, chainId: client.chainId });
}
