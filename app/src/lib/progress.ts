/**
 * The progress of one write, as every action shows it:
 * - a transaction: checking (simulation) → waiting for your signature → pending (with the hash) →
 *   confirmed;
 * - a signature only (an EIP-712 acknowledgement, nothing sent): checking → waiting for your signature →
 *   signed; it is never pending nor confirmed, since no transaction exists;
 * or failed with a human message. A plain reducer, so that the screens and the tests share it.
 */
import type { Hash } from "viem";

import type { ExplainedError } from "./errors.ts";

/** What a write produces: a transaction sent to the chain, or a signature that is not sent. */
export type WriteKind = "transaction" | "signature";

/** Where a write stands. */
export type WriteProgress =
  | { stage: "idle" }
  | { stage: "checking"; kind: WriteKind; action: string }
  | { stage: "signing"; kind: WriteKind; action: string }
  | { stage: "pending"; kind: "transaction"; action: string; hash: Hash }
  | { stage: "confirmed"; kind: "transaction"; action: string; hash: Hash | null; summary: string | null }
  | { stage: "signed"; kind: "signature"; action: string; summary: string | null }
  | { stage: "failed"; kind: WriteKind; action: string; hash: Hash | null; error: ExplainedError };

/** What happens to a write. */
export type WriteEvent =
  /** A write starts; `kind` defaults to "transaction". */
  | { type: "start"; action: string; kind?: WriteKind }
  | { type: "walletRequested" }
  /** A transaction was sent (ignored for a signature). */
  | { type: "submitted"; hash: Hash }
  /** A transaction was included (ignored for a signature). */
  | { type: "confirmed"; hash: Hash | null; summary?: string | null | undefined }
  /** The wallet signed (ignored for a transaction). */
  | { type: "signed"; summary?: string | null | undefined }
  | { type: "failed"; error: ExplainedError }
  | { type: "reset" }
  /** Forgets a finished write (e.g. another account now acts); a running one is kept. */
  | { type: "clear" };

export const idleProgress: WriteProgress = { stage: "idle" };

/**
 * The next progress after `event`. Events that do not fit the current stage are ignored (a late
 * `submitted` after a failure, a second `walletRequested`…).
 *
 * @example
 * let p = progressReducer(idleProgress, { type: "start", action: "Create the cell" }); // checking
 * p = progressReducer(p, { type: "walletRequested" }); // signing
 * p = progressReducer(p, { type: "submitted", hash }); // pending
 * // A signature only:
 * let s = progressReducer(idleProgress, { type: "start", action: "Sign", kind: "signature" });
 * s = progressReducer(progressReducer(s, { type: "walletRequested" }), { type: "signed" }); // signed
 */
export function progressReducer(state: WriteProgress, event: WriteEvent): WriteProgress {
  switch (event.type) {
    case "reset":
      return idleProgress;
    case "clear":
      return isBusy(state) ? state : idleProgress;
    case "start":
      return isBusy(state)
        ? state
        : { stage: "checking", kind: event.kind ?? "transaction", action: event.action };
    case "walletRequested":
      return state.stage === "checking"
        ? { stage: "signing", kind: state.kind, action: state.action }
        : state;
    case "submitted":
      return (state.stage === "checking" || state.stage === "signing") && state.kind === "transaction"
        ? { stage: "pending", kind: "transaction", action: state.action, hash: event.hash }
        : state;
    case "confirmed":
      return isBusy(state) && state.kind === "transaction"
        ? {
            stage: "confirmed",
            kind: "transaction",
            action: state.action,
            hash: event.hash ?? (state.stage === "pending" ? state.hash : null),
            summary: event.summary ?? null,
          }
        : state;
    case "signed":
      return isBusy(state) && state.kind === "signature"
        ? { stage: "signed", kind: "signature", action: state.action, summary: event.summary ?? null }
        : state;
    case "failed":
      return isBusy(state)
        ? {
            stage: "failed",
            kind: state.kind,
            action: state.action,
            hash: state.stage === "pending" ? state.hash : null,
            error: event.error,
          }
        : state;
  }
}

/**
 * Whether a write is under way (the action's button stays disabled).
 *
 * @example
 * isBusy({ stage: "signing", kind: "transaction", action: "Leave" }); // true
 */
export function isBusy(
  state: WriteProgress,
): state is Extract<WriteProgress, { stage: "checking" | "signing" | "pending" }> {
  return state.stage === "checking" || state.stage === "signing" || state.stage === "pending";
}

/** A step shown to the member. */
export type ProgressStep = { stage: Exclude<WriteProgress["stage"], "idle" | "failed">; label: string };

const transactionSteps: readonly ProgressStep[] = [
  { stage: "checking", label: "Checking" },
  { stage: "signing", label: "Waiting for your signature" },
  { stage: "pending", label: "Pending" },
  { stage: "confirmed", label: "Confirmed" },
];

const signatureSteps: readonly ProgressStep[] = [
  { stage: "checking", label: "Checking" },
  { stage: "signing", label: "Waiting for your signature" },
  { stage: "signed", label: "Signed" },
];

/**
 * The steps shown to the member for a kind of write, in order: a signature has no pending or
 * confirmed step, since nothing is sent.
 *
 * @example
 * progressSteps("signature").map((s) => s.label); // ["Checking", "Waiting for your signature", "Signed"]
 */
export function progressSteps(kind: WriteKind): readonly ProgressStep[] {
  return kind === "signature" ? signatureSteps : transactionSteps;
}

/**
 * How far along the steps a write is: the index of the current step, the number of steps once it is
 * done (confirmed or signed: every step done), -1 when idle or failed.
 *
 * @example
 * reachedStep({ stage: "signing", kind: "signature", action: "Sign" }); // 1
 */
export function reachedStep(state: WriteProgress): number {
  if (state.stage === "idle" || state.stage === "failed") return -1;
  if (isDone(state)) return progressSteps(state.kind).length;
  return progressSteps(state.kind).findIndex((step) => step.stage === state.stage);
}

/**
 * Whether a write finished well: a transaction confirmed, or a signature made.
 *
 * @example
 * isDone({ stage: "signed", kind: "signature", action: "Sign", summary: null }); // true
 */
export function isDone(
  state: WriteProgress,
): state is Extract<WriteProgress, { stage: "confirmed" | "signed" }> {
  return state.stage === "confirmed" || state.stage === "signed";
}

/**
 * One sentence for the current stage.
 *
 * @example
 * describeProgress({ stage: "checking", kind: "transaction", action: "Approve Erin" }); // "Approve Erin: checking with the contract…"
 */
export function describeProgress(state: WriteProgress): string {
  switch (state.stage) {
    case "idle":
      return "";
    case "checking":
      return `${state.action}: checking with the contract…`;
    case "signing":
      return `${state.action}: waiting for your signature…`;
    case "pending":
      return `${state.action}: pending, waiting for the transaction to be included…`;
    case "confirmed":
      return `${state.action}: confirmed.${state.summary ? ` ${state.summary}` : ""}`;
    case "signed":
      return `${state.action}: signed.${state.summary ? ` ${state.summary}` : ""}`;
    case "failed":
      return `${state.action} failed: ${state.error.message}`;
  }
}
