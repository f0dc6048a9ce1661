/**
 * The progress of one write, as every action shows it:
 * checking (simulation) → waiting for your signature → pending (with the hash) → confirmed, or failed
 * with a human message. A plain reducer, so that the screens and the tests share it.
 */
import type { Hash } from "viem";

import type { ExplainedError } from "./errors.ts";

/** Where a write stands. */
export type WriteProgress =
  | { stage: "idle" }
  | { stage: "checking"; action: string }
  | { stage: "signing"; action: string }
  | { stage: "pending"; action: string; hash: Hash }
  | { stage: "confirmed"; action: string; hash: Hash | null; summary: string | null }
  | { stage: "failed"; action: string; hash: Hash | null; error: ExplainedError };

/** What happens to a write. */
export type WriteEvent =
  | { type: "start"; action: string }
  | { type: "walletRequested" }
  | { type: "submitted"; hash: Hash }
  | { type: "confirmed"; hash: Hash | null; summary?: string | null | undefined }
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
 */
export function progressReducer(state: WriteProgress, event: WriteEvent): WriteProgress {
  switch (event.type) {
    case "reset":
      return idleProgress;
    case "clear":
      return isBusy(state) ? state : idleProgress;
    case "start":
      return isBusy(state) ? state : { stage: "checking", action: event.action };
    case "walletRequested":
      return state.stage === "checking" ? { stage: "signing", action: state.action } : state;
    case "submitted":
      return state.stage === "checking" || state.stage === "signing"
        ? { stage: "pending", action: state.action, hash: event.hash }
        : state;
    case "confirmed":
      return isBusy(state)
        ? {
            stage: "confirmed",
            action: state.action,
            hash: event.hash ?? (state.stage === "pending" ? state.hash : null),
            summary: event.summary ?? null,
          }
        : state;
    case "failed":
      return isBusy(state)
        ? {
            stage: "failed",
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
 * isBusy({ stage: "signing", action: "Leave" }); // true
 */
export function isBusy(
  state: WriteProgress,
): state is Extract<WriteProgress, { stage: "checking" | "signing" | "pending" }> {
  return state.stage === "checking" || state.stage === "signing" || state.stage === "pending";
}

/** The steps shown to the member, in order. */
export const progressSteps = [
  { stage: "checking", label: "Checking" },
  { stage: "signing", label: "Waiting for your signature" },
  { stage: "pending", label: "Pending" },
  { stage: "confirmed", label: "Confirmed" },
] as const;

/**
 * One sentence for the current stage.
 *
 * @example
 * describeProgress({ stage: "checking", action: "Approve Erin" }); // "Approve Erin: checking with the contract…"
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
    case "failed":
      return `${state.action} failed: ${state.error.message}`;
  }
}
