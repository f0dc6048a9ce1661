/**
 * The stage rules of a proposal, once: its stage from both houses' states, its eta, the veto and the lapse
 * deadlines (issue 10, S5) (the deadline it must meet next, in words, is deadline.ts'). `getProposal` uses them, and so does the app's
 * dashboard on its own batched reads; this file imports no runtime code from the rest of the module, so the
 * app's first load can take it without the governance module.
 */
import type { ProposalDeadline, ProposalKind, ProposalStage, ProposalStateName } from "./types.ts";

/**
 * Lapse windows of the operational house (issue 10, S5), in seconds: a community approval must be carried
 * within {@link CARRY_WINDOW_SECONDS} of the community vote's end, a passed proposal queued within
 * {@link QUEUE_WINDOW_SECONDS} of its vote's end, a queued one executed within {@link GRACE_PERIOD_SECONDS}
 * of its eta; later they are expired.
 */
export const CARRY_WINDOW_SECONDS = 14n * 24n * 60n * 60n;
/** See {@link CARRY_WINDOW_SECONDS}. */
export const QUEUE_WINDOW_SECONDS = 7n * 24n * 60n * 60n;
/** See {@link CARRY_WINDOW_SECONDS}. */
export const GRACE_PERIOD_SECONDS = 14n * 24n * 60n * 60n;

/** `IGovernor.ProposalState` by number (as the houses' `state` returns it). */
const STATE_NAMES: readonly ProposalStateName[] = [
  "pending",
  "active",
  "canceled",
  "defeated",
  "succeeded",
  "queued",
  "expired",
  "executed",
];

/** What a house's part of the stage depends on: its state (name or `IGovernor.ProposalState` number) and vote end. */
export type StageHouseInput = {
  state: ProposalStateName | number | bigint;
  /** The end of the house's vote; without it, the lapse deadline that depends on it is not checked. */
  voteEnd?: bigint | undefined;
};

/** What the stage of a proposal depends on. */
export type ProposalStageInput = {
  kind: ProposalKind;
  community: StageHouseInput | null;
  operational: StageHouseInput | null;
  /** When the queued proposal becomes executable (the operational house's eta), or null / 0 when not queued. */
  eta: bigint | null;
  /** Whether the community's veto reached its threshold (the operational house then reads canceled). */
  vetoed: boolean;
  /** The chain's time, in seconds. */
  now: bigint;
};

/** Stages after which nothing more happens. */
export const finalProposalStages: readonly ProposalStage[] = [
  "executed",
  "vetoed",
  "defeated",
  "canceled",
  "expired",
];

function stateName(state: ProposalStateName | number | bigint): ProposalStateName {
  return typeof state === "string" ? state : (STATE_NAMES[Number(state)] ?? "expired");
}

/**
 * @internal The lapse deadline's kind and time, without words (the stage needs only these; the sentence is
 * `proposalDeadline`'s, in deadline.ts, off the app's first load).
 *
 * @example
 * deadlineOf({ community: null, operational: { state: "queued", voteEnd: 10n }, eta: 100n }); // { kind: "execute", at: … }
 */
export function deadlineOf(
  input: Pick<ProposalStageInput, "community" | "operational" | "eta">,
): { kind: ProposalDeadline["kind"]; at: bigint } | null {
  const { community, operational } = input;
  const eta = input.eta === 0n ? null : input.eta;
  if (!operational) {
    if (!community || stateName(community.state) !== "succeeded" || community.voteEnd === undefined)
      return null;
    return { kind: "carry", at: community.voteEnd + CARRY_WINDOW_SECONDS };
  }
  const state = stateName(operational.state);
  if (state === "succeeded" && operational.voteEnd !== undefined)
    return { kind: "queue", at: operational.voteEnd + QUEUE_WINDOW_SECONDS };
  if (state === "queued" && eta !== null) return { kind: "execute", at: eta + GRACE_PERIOD_SECONDS };
  return null;
}

/**
 * The stage of a proposal: the operational house's state once the proposal is there, else the community
 * house's; a queued proposal is executable from its eta; a canceled operational proposal is vetoed when the
 * veto reached its threshold; an open stage whose lapse deadline has passed is expired.
 *
 * @example
 * proposalStage({ kind: "operational", community: null, operational: { state: "queued" }, eta: 100n, vetoed: false, now: 50n });
 * // "vetoWindow"
 */
export function proposalStage(input: ProposalStageInput): ProposalStage {
  const stage = houseStage(input);
  const deadline = deadlineOf(input);
  if (deadline && deadline.at < input.now && !finalProposalStages.includes(stage)) return "expired";
  return stage;
}

function houseStage({ kind, community, operational, eta, vetoed, now }: ProposalStageInput): ProposalStage {
  if (!operational) {
    const state = community ? stateName(community.state) : "pending";
    if (state === "pending" || state === "active") return "communityVote";
    if (state === "defeated" || state === "canceled" || state === "expired") return state;
    return "awaitingOperational";
  }
  const state = stateName(operational.state);
  switch (state) {
    case "pending":
    case "active":
      return "operationalVote";
    case "succeeded":
      return "awaitingQueue";
    case "queued":
      if (eta !== null && eta !== 0n && eta <= now) return "executable";
      return kind === "constitutional" ? "timelock" : "vetoWindow";
    case "executed":
      return "executed";
    case "canceled":
      return vetoed ? "vetoed" : "canceled";
    default:
      return state;
  }
}

/**
 * Whether the eta means "executable from" in this stage: only while queued (veto window, timelock) or
 * executable. A vetoed or canceled proposal keeps its eta on chain, but it will never execute.
 *
 * @example
 * etaApplies("vetoed"); // false
 */
export function etaApplies(stage: ProposalStage): boolean {
  return stage === "vetoWindow" || stage === "timelock" || stage === "executable";
}
