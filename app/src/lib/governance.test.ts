import { getAddress, parseEther } from "viem";
import { describe, expect, it } from "vitest";

import { governanceActionCatalogue } from "../../../sdk/index.ts";
import {
  buildRawCall,
  catalogue,
  percentOf,
  timeline,
  toGovernanceAction,
  toPermission,
} from "./governance.ts";

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
