import { decodeFunctionData, getAddress, parseEther } from "viem";
import { describe, expect, it } from "vitest";

import {
  cellRegistryAbi,
  communityHouseAbi,
  concordMembershipAbi,
  operationalHouseAbi,
} from "../../../sdk/index.ts";
import {
  buildCatalogueCall,
  buildRawCall,
  catalogue,
  percentOf,
  timeline,
  toPermission,
} from "./governance.ts";

const addresses = {
  cellRegistry: getAddress("0x1000000000000000000000000000000000000001"),
  votesToken: getAddress("0x1000000000000000000000000000000000000002"),
  operationalHouse: getAddress("0x1000000000000000000000000000000000000003"),
  communityHouse: getAddress("0x1000000000000000000000000000000000000004"),
};
const carol = "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc";

function call(actionId: string, values: Record<string, string>) {
  const built = buildCatalogueCall(actionId, values, addresses);
  if (!built.ok) throw new Error(built.error);
  return built.call;
}

describe("the catalogue of Concord actions", () => {
  it("encodes each action against the contract's ABI", () => {
    const recognise = call("recognise", { cell: "7" });
    expect(recognise.target).toBe(addresses.cellRegistry);
    expect(decodeFunctionData({ abi: cellRegistryAbi, data: recognise.data! })).toMatchObject({
      functionName: "setRecognised",
      args: [7n, true],
    });
    expect(
      decodeFunctionData({ abi: cellRegistryAbi, data: call("unrecognise", { cell: "7" }).data! }).args,
    ).toEqual([7n, false]);
    const mint = call("mint", { account: carol });
    expect(mint.target).toBe(addresses.votesToken);
    expect(decodeFunctionData({ abi: concordMembershipAbi, data: mint.data! })).toMatchObject({
      functionName: "mint",
      args: [getAddress(carol)],
    });
    expect(call("pay", { to: carol, amount: "1.5" })).toEqual({
      target: getAddress(carol),
      value: parseEther("1.5"),
      data: "0x",
    });
    const veto = call("vetoThreshold", { percent: "25" });
    expect(veto.target).toBe(addresses.communityHouse);
    expect(decodeFunctionData({ abi: communityHouseAbi, data: veto.data! }).args).toEqual([2_500n]);
    const period = call("votingPeriod", { house: "community", minutes: "30" });
    expect(period.target).toBe(addresses.communityHouse);
    expect(decodeFunctionData({ abi: operationalHouseAbi, data: period.data! }).args).toEqual([1_800]);
    expect(call("votingPeriod", { house: "operational", minutes: "30" }).target).toBe(
      addresses.operationalHouse,
    );
  });

  it("says what is wrong with the form's values", () => {
    expect(buildCatalogueCall("recognise", { cell: "" }, addresses)).toEqual({
      ok: false,
      error: "Choose a cell.",
    });
    expect(buildCatalogueCall("mint", { account: "0x12" }, addresses)).toMatchObject({ ok: false });
    expect(buildCatalogueCall("pay", { to: carol, amount: "0" }, addresses)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/greater than 0/),
    });
    expect(buildCatalogueCall("vetoThreshold", { percent: "101" }, addresses)).toMatchObject({ ok: false });
    // The deployment has no leases: the action is not offered, and refused if asked for.
    expect(catalogue.find((a) => a.id === "revoke")?.needs).toBe("resourceLeases");
    expect(buildCatalogueCall("revoke", { resource: "1" }, addresses)).toEqual({
      ok: false,
      error: "This deployment has no resourceLeases.",
    });
    expect(buildCatalogueCall("nope", {}, addresses)).toMatchObject({ ok: false });
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
