import { getAddress, parseEther } from "viem";
import { describe, expect, it } from "vitest";

import { governanceActionCatalogue } from "../../../sdk/index.ts";
import {
  buildRawCall,
  catalogue,
  decodeSignedBallots,
  encodeSignedBallot,
  nextStepSentence,
  ownBallotSentences,
  paginate,
  percentOf,
  proposingRights,
  timeline,
  toGovernanceAction,
  toPermission,
  vetoConsequence,
} from "./governance.ts";
import type { BallotView, NextStepInput } from "./governance.ts";

const carol = "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc";

function action(actionId: string, values: Record<string, string>) {
  const built = toGovernanceAction(actionId, values);
  if (!built.ok) throw new Error(built.error);
  return built.action;
}

describe("the catalogue of Concord actions", () => {
  it("offers every action of the SDK's catalogue, each with its form", () => {
    expect(catalogue.map((entry) => entry.id)).toEqual(
      governanceActionCatalogue.map((entry) => entry.action),
    );
    expect(catalogue.every((entry) => entry.fields.length > 0)).toBe(true);
    expect(catalogue.filter((entry) => entry.needsLeases).map((entry) => entry.id)).toEqual(["revokeLease"]);
  });

  it("turns the values people type into the SDK's actions", () => {
    expect(action("recogniseCell", { cell: "7" })).toEqual({
      action: "recogniseCell",
      cellId: 7n,
      recognised: true,
    });
    expect(action("recogniseCell", { cell: "7", recognised: "no" })).toMatchObject({ recognised: false });
    expect(action("admitMember", { account: carol })).toEqual({
      action: "admitMember",
      account: getAddress(carol),
    });
    expect(action("pay", { to: carol, amount: "1.5" })).toEqual({
      action: "pay",
      to: getAddress(carol),
      value: parseEther("1.5"),
    });
    expect(action("setVetoThreshold", { percent: "25" })).toEqual({
      action: "setVetoThreshold",
      bps: 2_500n,
    });
    expect(action("setVetoThreshold", { percent: "0.5" })).toEqual({ action: "setVetoThreshold", bps: 50n });
    expect(action("setVotingPeriod", { house: "community", minutes: "30" })).toEqual({
      action: "setVotingPeriod",
      house: "community",
      seconds: 1_800n,
    });
    expect(action("setConstitutionalDelay", { minutes: "15" })).toEqual({
      action: "setConstitutionalDelay",
      seconds: 900n,
    });
    expect(action("setQuorumFloor", { house: "operational", floor: "2" })).toMatchObject({ floor: 2n });
    expect(action("setGuardian", { house: "operational", guardian: "" })).toMatchObject({ guardian: null });
    expect(action("revokeLease", { resource: "3" })).toEqual({ action: "revokeLease", resourceId: 3n });
  });

  it("says what is wrong with the form's values", () => {
    expect(toGovernanceAction("recogniseCell", { cell: "" })).toEqual({ ok: false, error: "Choose a cell." });
    expect(toGovernanceAction("admitMember", { account: "0x12" })).toMatchObject({ ok: false });
    expect(toGovernanceAction("pay", { to: carol, amount: "0" })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/greater than 0/),
    });
    expect(toGovernanceAction("setVetoThreshold", { percent: "101" })).toMatchObject({ ok: false });
    expect(toGovernanceAction("setVotingPeriod", { minutes: "30" })).toEqual({
      ok: false,
      error: "Choose a house.",
    });
    expect(toGovernanceAction("setQuorumPercent", { house: "community", percent: "120" })).toMatchObject({
      ok: false,
    });
    expect(toGovernanceAction("setGuardian", { house: "community", guardian: "nobody" })).toMatchObject({
      ok: false,
    });
    expect(toGovernanceAction("nope", {})).toEqual({ ok: false, error: 'Unknown action "nope".' });
  });

  it("takes a raw call from an expert", () => {
    expect(buildRawCall({ target: carol, value: "", data: "0x12345678" })).toEqual({
      ok: true,
      call: { target: getAddress(carol), value: 0n, data: "0x12345678" },
    });
    expect(buildRawCall({ target: carol, value: "0.1", data: "" })).toMatchObject({
      ok: true,
      call: { value: parseEther("0.1"), data: "0x" },
    });
    expect(buildRawCall({ target: "carol", value: "", data: "" })).toMatchObject({ ok: false });
    expect(buildRawCall({ target: carol, value: "-1", data: "" })).toMatchObject({ ok: false });
    expect(buildRawCall({ target: carol, value: "", data: "0x123" })).toMatchObject({ ok: false });
    expect(buildRawCall({ target: carol, value: "", data: "hello" })).toMatchObject({ ok: false });
  });
});

describe("a proposal's timeline", () => {
  it("marks the stages done, current and next", () => {
    expect(timeline("operational", "vetoWindow").map((s) => `${s.label}:${s.state}`)).toEqual([
      "Operational vote:done",
      "Queue:done",
      "Veto window:current",
      "Executable:next",
      "Executed:next",
    ]);
    expect(timeline("constitutional", "executed").every((s) => s.state === "done")).toBe(true);
    expect(timeline("constitutional", "communityVote")[0]).toMatchObject({ state: "current" });
  });
  it("ends early with the failure after the last stage reached", () => {
    expect(timeline("operational", "vetoed", "vetoWindow").map((s) => `${s.label}:${s.state}`)).toEqual([
      "Operational vote:done",
      "Queue:done",
      "Vetoed:failed",
    ]);
    expect(timeline("operational", "defeated", "operationalVote").map((s) => s.label)).toEqual(["Defeated"]);
  });
});

describe("helpers", () => {
  it("turns the SDK's availability into a permission with its reason", () => {
    expect(toPermission({ allowed: true, house: null, reason: null })).toEqual({ ok: true });
    expect(toPermission({ allowed: false, house: "community", reason: "Not now." })).toEqual({
      ok: false,
      reason: "Not now.",
    });
  });
  it("writes shares as percentages", () => {
    expect(percentOf(5n, 8n)).toBe("62.5%");
    expect(percentOf(1n, 1n)).toBe("100%");
    expect(percentOf(1n, 0n)).toBe("0%");
  });
});

describe("proposing rights", () => {
  const thresholds = { operational: 1n, community: 1n };
  const time = (seconds: bigint) => `t${seconds}`;
  it("says what a member without a seat can propose, and what would let them propose the rest", () => {
    const [operational, constitutional] = proposingRights(
      thresholds,
      { communityVotes: 1n, seats: 0n, seatVotes: 0n, seatCountsFrom: null },
      time,
    );
    expect(operational).toMatchObject({ kind: "operational", house: "operational", ok: false });
    expect(operational!.sentence).toMatch(/only the delegate of a recognised cell holds a seat/);
    expect(constitutional).toMatchObject({ kind: "constitutional", house: "community", ok: true });
  });
  it("tells a new delegate when the seat counts, and a member who delegated how to propose", () => {
    const [operational, constitutional] = proposingRights(
      thresholds,
      { communityVotes: 0n, seats: 1n, seatVotes: 0n, seatCountsFrom: 99n },
      time,
    );
    expect(operational!.sentence).toMatch(/your seat counts as a vote from t99/);
    expect(constitutional!.ok).toBe(false);
    expect(constitutional!.sentence).toMatch(/delegate it back to yourself/);
  });
  it("asks to connect without an account", () => {
    const rights = proposingRights(thresholds, null, time);
    expect(rights.every((right) => !right.ok && /Connect/.test(right.sentence))).toBe(true);
  });
});

describe("votes in words", () => {
  const alice = getAddress("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
  const ballot = (over: Partial<BallotView>): BallotView => ({
    house: "community",
    type: "vote",
    voter: alice,
    support: "for",
    weight: 1n,
    castWeight: 1n,
    ...over,
  });
  it("says how the viewer voted, and nothing for someone else", () => {
    expect(ownBallotSentences([ballot({})], alice)).toEqual([
      "You voted For with 1 vote in the community house.",
    ]);
    expect(ownBallotSentences([ballot({ house: "operational", support: "against" })], alice)).toEqual([
      "You voted Against with 1 seat in the operational house.",
    ]);
    expect(ownBallotSentences([ballot({ type: "veto", support: null, castWeight: 2n })], alice)).toEqual([
      "You vetoed it with 2 votes.",
    ]);
    expect(ownBallotSentences([ballot({ castWeight: 3n, weight: 2n })], alice)[0]).toMatch(
      /For with 3 votes .*\(2 still count/,
    );
    expect(ownBallotSentences([ballot({})], getAddress(carol))).toEqual([]);
    expect(ownBallotSentences([ballot({})], null)).toEqual([]);
  });
  it("pages a list, clamping the page", () => {
    expect(paginate([1, 2, 3], 1, 2)).toEqual({ items: [3], page: 1, pages: 2 });
    expect(paginate([1, 2, 3], 9, 2)).toEqual({ items: [3], page: 1, pages: 2 });
    expect(paginate([], 0, 10)).toEqual({ items: [], page: 0, pages: 1 });
  });
  it("says whether one veto cancels the proposal", () => {
    expect(vetoConsequence({ votes: 0n, threshold: 1n }, 1n)).toMatch(
      /reaches the threshold .* canceled at once/,
    );
    expect(vetoConsequence({ votes: 1n, threshold: 3n }, 1n)).toMatch(
      /adds to 1 vote already cast; 3 votes cancel/,
    );
  });
});

describe("what comes next", () => {
  const base: NextStepInput = {
    kind: "operational",
    stage: "vetoWindow",
    community: null,
    operational: { state: "queued", voteStart: 10n, voteEnd: 20n },
    eta: 200n,
    deadline: null,
  };
  const line = (input: Partial<NextStepInput>, now = 100n) =>
    nextStepSentence(
      { ...base, ...input },
      now,
      (s) => `t${s}`,
      (s) => `${s}s`,
    );
  it("never reads a vetoed or canceled proposal as executable", () => {
    expect(line({ stage: "vetoed", operational: { state: "canceled", voteStart: 10n, voteEnd: 20n } })).toBe(
      "Nothing more happens: the community vetoed it; it will never execute.",
    );
    expect(line({ stage: "canceled" })).toMatch(/will never execute/);
  });
  it("says when it can execute, and when a vote closes", () => {
    expect(line({})).toBe("Unless the community vetoes it, anyone can execute it from t200 (in 100s).");
    expect(
      line({ stage: "operationalVote", operational: { state: "active", voteStart: 50n, voteEnd: 150n } }),
    ).toBe(
      "Voting closes t150 (in 50s); if it passes, anyone queues it and the community's veto window opens.",
    );
  });
});

describe("signed votes and vetoes as text", () => {
  const voter = getAddress(carol);
  const signature = `0x${"ab".repeat(65)}` as const;
  it("round-trips a signed vote and a signed veto, and reads several lines", () => {
    const vote = {
      house: "operational",
      proposalId: 7n,
      support: "for",
      voter,
      reason: "ok",
      override: false,
      signature,
    } as const;
    const veto = { proposalId: 7n, voter, reason: "", signature } as const;
    expect(decodeSignedBallots(encodeSignedBallot({ type: "vote", vote }), 7n)).toEqual({
      ok: true,
      type: "vote",
      votes: [vote],
    });
    const two = [veto, veto].map((v) => encodeSignedBallot({ type: "veto", veto: v })).join("\n");
    expect(decodeSignedBallots(two, 7n)).toEqual({ ok: true, type: "veto", vetoes: [veto, veto] });
  });
  it("refuses, in words, another proposal's ballot, a mixed batch and garbage", () => {
    const vote = {
      house: "community",
      proposalId: 7n,
      support: "for",
      voter,
      reason: "",
      override: false,
      signature,
    } as const;
    const text = encodeSignedBallot({ type: "vote", vote });
    expect(decodeSignedBallots(text, 8n)).toEqual({
      ok: false,
      error: "it was signed for another proposal.",
    });
    const veto = encodeSignedBallot({ type: "veto", veto: { proposalId: 7n, voter, reason: "", signature } });
    expect(decodeSignedBallots(`${text}\n${veto}`, 7n)).toMatchObject({
      ok: false,
      error: /two transactions/,
    });
    expect(decodeSignedBallots("0xdeadbeef", 7n)).toMatchObject({ ok: false, error: /not a signed vote/ });
    expect(decodeSignedBallots("", 7n)).toMatchObject({ ok: false });
  });
});
