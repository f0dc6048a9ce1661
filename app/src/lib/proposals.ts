/**
 * Proposal logic the dashboard needs (kept small: it is part of the first load): a proposal's stage from
 * its houses' states (the SDK's rules), the stages in words and in order, and what the viewer can do on it now.
 */
import { finalProposalStages, proposalStage as sdkProposalStage } from "../../../sdk/index.ts";
import type { ProposalKind, ProposalStage } from "../../../sdk/index.ts";

/** OpenZeppelin's `IGovernor.ProposalState`, by value. */
export const HouseState = {
  pending: 0,
  active: 1,
  canceled: 2,
  defeated: 3,
  succeeded: 4,
  queued: 5,
  expired: 6,
  executed: 7,
} as const;

/** What the stage of a proposal depends on: each house's state (and vote end, for the lapse deadlines). */
export type StageInput = {
  community: { state: number; voteEnd?: bigint | undefined } | null;
  operational: { state: number; eta: bigint | null; voteEnd?: bigint | undefined } | null;
  vetoed: boolean;
};

/** A proposal is constitutional when the community house holds it (it proposes them first). */
export function kindOfRecord(record: { community: unknown }): ProposalKind {
  return record.community ? "constitutional" : "operational";
}

/**
 * The stage of a proposal on the dashboard's batched reads: the SDK's rules (`proposalStage` of
 * `sdk/governance/stage.ts`, the one copy: houses' states, the eta, the veto, and the lapse deadlines when
 * the vote ends are given), in the app's argument order.
 *
 * @example
 * proposalStage("operational", { community: null, operational: { state: 5, eta: 100n }, vetoed: false }, 50n);
 * // "vetoWindow"
 */
export function proposalStage(kind: ProposalKind, input: StageInput, now: bigint): ProposalStage {
  const { community, operational } = input;
  return sdkProposalStage({
    kind,
    community: community && { state: community.state, voteEnd: community.voteEnd },
    operational: operational && { state: operational.state, voteEnd: operational.voteEnd },
    eta: operational?.eta ?? null,
    vetoed: input.vetoed,
    now,
  });
}

/** Every stage, in the order a list shows them (open first, finished last), with a short label. */
export const stageOrder: readonly { stage: ProposalStage; label: string }[] = [
  { stage: "communityVote", label: "Community vote" },
  { stage: "awaitingOperational", label: "Waiting to be carried" },
  { stage: "operationalVote", label: "Operational vote" },
  { stage: "awaitingQueue", label: "Passed, to queue" },
  { stage: "vetoWindow", label: "Veto window" },
  { stage: "timelock", label: "In the timelock" },
  { stage: "executable", label: "Ready to execute" },
  { stage: "executed", label: "Executed" },
  { stage: "vetoed", label: "Vetoed" },
  { stage: "defeated", label: "Defeated" },
  { stage: "canceled", label: "Canceled" },
  { stage: "expired", label: "Expired" },
];

/**
 * A stage's short label.
 *
 * @example
 * stageLabel("vetoWindow"); // "Veto window"
 */
export function stageLabel(stage: ProposalStage): string {
  return stageOrder.find((entry) => entry.stage === stage)?.label ?? stage;
}

/** Stages after which nothing more happens. */
export const finalStages: readonly ProposalStage[] = finalProposalStages;

/**
 * Groups items by stage, in {@link stageOrder}; stages without items are left out.
 *
 * @example
 * groupByStage([{ stage: "executed" }, { stage: "vetoWindow" }]); // veto window first, then executed
 */
export function groupByStage<item extends { stage: ProposalStage }>(
  items: readonly item[],
): { stage: ProposalStage; label: string; items: item[] }[] {
  return stageOrder
    .map(({ stage, label }) => ({ stage, label, items: items.filter((item) => item.stage === stage) }))
    .filter((group) => group.items.length > 0);
}

/** The viewer's position on a proposal, as the dashboard reads it. */
export type ViewerPosition = {
  /** Votes (community) or seats (operational) at the voting house's snapshot, or null before it. */
  weight: bigint | null;
  hasVoted: boolean;
  /** Whether the voting house's vote is open now (state active). */
  votingOpen: boolean;
  /** Members' votes at the operational snapshot (veto weight), or null. */
  vetoPower: bigint | null;
  hasVetoed: boolean;
};

/** Something the viewer can do on a proposal now. */
export type NextAction = "vote" | "veto" | "carry" | "queue" | "execute";

/**
 * What the connected viewer can do now on a proposal in `stage`: vote (open vote, power at the snapshot,
 * not yet voted), veto (veto window, members' votes at the snapshot, not yet vetoed), and the steps
 * anyone may take (carry, queue, execute). Empty without a viewer.
 *
 * @example
 * nextActions("awaitingQueue", position, true); // ["queue"]
 */
export function nextActions(
  stage: ProposalStage,
  position: ViewerPosition,
  connected: boolean,
): NextAction[] {
  if (!connected) return [];
  switch (stage) {
    case "communityVote":
    case "operationalVote":
      return position.votingOpen && !position.hasVoted && (position.weight ?? 0n) > 0n ? ["vote"] : [];
    case "vetoWindow":
      return !position.hasVetoed && (position.vetoPower ?? 0n) > 0n ? ["veto"] : [];
    case "awaitingOperational":
      return ["carry"];
    case "awaitingQueue":
      return ["queue"];
    case "executable":
      return ["execute"];
    default:
      return [];
  }
}

/**
 * A proposal's title: the first line of its description without a Markdown heading mark.
 *
 * @example
 * proposalTitle("# Pay Carol\n\nFor the migration"); // "Pay Carol"
 */
export function proposalTitle(description: string): string {
  // The `#proposer=0x…` suffix (issue 10, S7: it stops proposal-id squatting) is not part of the title.
  const first = description
    .replace(/#proposer=0x[0-9a-fA-F]{40}$/, "")
    .split("\n")[0]!
    .replace(/^#+\s*/, "")
    .trim();
  return first === "" ? "(untitled)" : first;
}
