/**
 * The stage rules of `sdk/governance/stage.ts` (used by `getProposal` and by the app's dashboard rows): a
 * vetoed or canceled proposal never reads as executable, and an open stage past its lapse deadline is expired.
 */
import { describe, expect, it } from "vitest";

import {
  CARRY_WINDOW_SECONDS,
  GRACE_PERIOD_SECONDS,
  QUEUE_WINDOW_SECONDS,
  etaApplies,
  finalProposalStages,
  proposalDeadline,
  proposalStage,
} from "../../sdk/governance/index.ts";
import type { ProposalStageInput } from "../../sdk/governance/index.ts";

const operational = (over: Partial<ProposalStageInput>): ProposalStageInput => ({
  kind: "operational",
  community: null,
  operational: { state: "queued", voteEnd: 100n },
  eta: 1_000n,
  vetoed: false,
  now: 500n,
  ...over,
});

describe("proposal stage rules", () => {
  it("reads a vetoed proposal as vetoed, even past its eta, and never as executable", () => {
    const vetoed = operational({
      operational: { state: "canceled", voteEnd: 100n },
      vetoed: true,
      now: 2_000n,
    });
    expect(proposalStage(vetoed)).toBe("vetoed");
    expect(etaApplies("vetoed")).toBe(false);
    expect(etaApplies("canceled")).toBe(false);
    expect(proposalStage({ ...vetoed, vetoed: false })).toBe("canceled");
    expect(finalProposalStages).toContain("vetoed");
  });

  it("reads a queued proposal by its eta, with numbers or names for the house's state", () => {
    expect(proposalStage(operational({}))).toBe("vetoWindow");
    expect(proposalStage(operational({ now: 1_000n }))).toBe("executable");
    expect(proposalStage(operational({ operational: { state: 5 }, now: 1_000n }))).toBe("executable");
    expect(proposalStage(operational({ kind: "constitutional", community: { state: "succeeded" } }))).toBe(
      "timelock",
    );
    expect(etaApplies("vetoWindow") && etaApplies("timelock") && etaApplies("executable")).toBe(true);
  });

  it("expires an open stage after its lapse deadline", () => {
    const lastMoment = 1_000n + GRACE_PERIOD_SECONDS;
    expect(proposalStage(operational({ now: lastMoment }))).toBe("executable");
    expect(proposalStage(operational({ now: lastMoment + 1n }))).toBe("expired");
    expect(proposalDeadline(operational({}))).toMatchObject({ kind: "execute", at: lastMoment });
    const passed = operational({ operational: { state: "succeeded", voteEnd: 100n }, eta: null });
    expect(proposalStage({ ...passed, now: 100n + QUEUE_WINDOW_SECONDS + 1n })).toBe("expired");
    const approved = {
      ...passed,
      kind: "constitutional" as const,
      community: { state: "succeeded" as const, voteEnd: 100n },
      operational: null,
    };
    expect(proposalStage({ ...approved, now: 200n })).toBe("awaitingOperational");
    expect(proposalStage({ ...approved, now: 100n + CARRY_WINDOW_SECONDS + 1n })).toBe("expired");
    // Without the vote's end, the deadline is not checked.
    expect(proposalDeadline({ ...approved, community: { state: "succeeded" } })).toBeNull();
  });
});
