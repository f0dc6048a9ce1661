import { describe, expect, it } from "vitest";

import { etaApplies, proposalStage as sdkProposalStage } from "../../../sdk/index.ts";

import {
  groupByStage,
  HouseState,
  nextActions,
  proposalStage,
  proposalTitle,
  stageLabel,
} from "./proposals.ts";
import type { ViewerPosition } from "./proposals.ts";

const op = (state: number, eta: bigint | null = null) => ({ state, eta });
const co = (state: number) => ({ state });

describe("proposal stages", () => {
  it("follows an operational proposal", () => {
    const at = (state: number, eta: bigint | null = null, vetoed = false) =>
      proposalStage("operational", { community: null, operational: op(state, eta), vetoed }, 100n);
    expect(at(HouseState.pending)).toBe("operationalVote");
    expect(at(HouseState.active)).toBe("operationalVote");
    expect(at(HouseState.succeeded)).toBe("awaitingQueue");
    expect(at(HouseState.queued, 101n)).toBe("vetoWindow");
    expect(at(HouseState.queued, 100n)).toBe("executable");
    expect(at(HouseState.executed, 100n)).toBe("executed");
    expect(at(HouseState.canceled, 101n, true)).toBe("vetoed");
    expect(at(HouseState.canceled)).toBe("canceled");
    expect(at(HouseState.defeated)).toBe("defeated");
    expect(at(HouseState.expired)).toBe("expired");
  });

  it("follows a constitutional proposal through both houses", () => {
    const before = (state: number) =>
      proposalStage("constitutional", { community: co(state), operational: null, vetoed: false }, 100n);
    expect(before(HouseState.pending)).toBe("communityVote");
    expect(before(HouseState.active)).toBe("communityVote");
    expect(before(HouseState.succeeded)).toBe("awaitingOperational");
    expect(before(HouseState.defeated)).toBe("defeated");
    expect(before(HouseState.canceled)).toBe("canceled");
    const after = (state: number, eta: bigint | null = null) =>
      proposalStage(
        "constitutional",
        { community: co(HouseState.succeeded), operational: op(state, eta), vetoed: false },
        100n,
      );
    expect(after(HouseState.active)).toBe("operationalVote");
    expect(after(HouseState.queued, 500n)).toBe("timelock");
    expect(after(HouseState.queued, 50n)).toBe("executable");
  });

  it("groups by stage, open stages first, and labels them", () => {
    const groups = groupByStage([
      { stage: "executed" as const, n: 1 },
      { stage: "vetoWindow" as const, n: 2 },
      { stage: "executed" as const, n: 3 },
    ]);
    expect(groups.map((g) => [g.label, g.items.map((i) => i.n)])).toEqual([
      ["Veto window", [2]],
      ["Executed", [1, 3]],
    ]);
    expect(stageLabel("awaitingQueue")).toBe("Passed, to queue");
  });
});

describe("what the viewer can do now", () => {
  const position: ViewerPosition = {
    weight: 1n,
    hasVoted: false,
    votingOpen: true,
    vetoPower: 1n,
    hasVetoed: false,
  };
  it("votes only while the vote is open, with power, once", () => {
    expect(nextActions("operationalVote", position, true)).toEqual(["vote"]);
    expect(nextActions("communityVote", { ...position, votingOpen: false }, true)).toEqual([]);
    expect(nextActions("communityVote", { ...position, weight: 0n }, true)).toEqual([]);
    expect(nextActions("communityVote", { ...position, weight: null }, true)).toEqual([]);
    expect(nextActions("operationalVote", { ...position, hasVoted: true }, true)).toEqual([]);
    expect(nextActions("operationalVote", position, false)).toEqual([]);
  });
  it("vetoes in the window with members' votes, once; anyone carries, queues and executes", () => {
    expect(nextActions("vetoWindow", position, true)).toEqual(["veto"]);
    expect(nextActions("vetoWindow", { ...position, hasVetoed: true }, true)).toEqual([]);
    expect(nextActions("vetoWindow", { ...position, vetoPower: 0n }, true)).toEqual([]);
    expect(nextActions("awaitingOperational", position, true)).toEqual(["carry"]);
    expect(nextActions("awaitingQueue", position, true)).toEqual(["queue"]);
    expect(nextActions("executable", position, true)).toEqual(["execute"]);
    expect(nextActions("timelock", position, true)).toEqual([]);
    expect(nextActions("executed", position, true)).toEqual([]);
  });
  it("titles a proposal by its first line", () => {
    expect(proposalTitle("# Pay Carol\n\nFor the migration")).toBe("Pay Carol");
    expect(proposalTitle("")).toBe("(untitled)");
  });
});

describe("proposal stages, the SDK's rules", () => {
  it("gives the stage the SDK gives, for every state, eta and veto", () => {
    const states = Object.values(HouseState);
    for (const kind of ["operational", "constitutional"] as const)
      for (const community of kind === "constitutional" ? states : [null])
        for (const operational of [null, ...states])
          for (const eta of [null, 50n, 150n])
            for (const vetoed of [false, true]) {
              if (kind === "operational" && operational === null) continue;
              const input = {
                community: community === null ? null : { state: community },
                operational: operational === null ? null : { state: operational, eta },
                vetoed,
              };
              expect(proposalStage(kind, input, 100n)).toBe(
                sdkProposalStage({ kind, ...input, eta: operational === null ? null : eta, now: 100n }),
              );
            }
  });
  it("reads a vetoed proposal past its eta as vetoed, never as executable", () => {
    const stage = proposalStage(
      "operational",
      { community: null, operational: { state: HouseState.canceled, eta: 50n }, vetoed: true },
      100n,
    );
    expect(stage).toBe("vetoed");
    expect(etaApplies(stage)).toBe(false);
  });
});
