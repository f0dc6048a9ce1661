import { describe, expect, it } from "vitest";

import { Roles } from "../../../sdk/index.ts";
import { can, canRemove, canSetRoles, canWrite } from "./permissions.ts";
import type { CellStanding, Viewer } from "./permissions.ts";

const alice = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266" as const;
const bob = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8" as const;
const viewer: Viewer = { account: alice, onRightChain: true, chainName: "Local chain" };
const standing = (overrides: Partial<CellStanding> = {}): CellStanding => ({
  cellId: 4n,
  parentId: 1n,
  depth: 2,
  stewardCount: 1,
  roles: 0,
  stewardVia: null,
  joinRequested: false,
  ...overrides,
});
const steward = standing({ roles: Roles.MEMBER | Roles.STEWARD, stewardVia: 4n });

describe("permissions", () => {
  it("asks to connect, then to switch networks", () => {
    expect(canWrite({ ...viewer, account: null })).toEqual({
      ok: false,
      reason: "Connect a wallet to do this.",
    });
    expect(can("setPhase", { ...viewer, onRightChain: false }, steward)).toEqual({
      ok: false,
      reason: "Switch your wallet to Local chain to do this.",
    });
  });

  it("keeps steward actions for stewards of the cell or above", () => {
    for (const action of [
      "decideJoin",
      "invite",
      "changeRoles",
      "removeMember",
      "setPhase",
      "updateNucleus",
      "setDecisionOwner",
      "createSubCell",
      "registerResource",
    ] as const) {
      expect(can(action, viewer, standing())).toEqual({
        ok: false,
        reason: "Only stewards of cell 4 (or of a cell above it) can do this.",
      });
      expect(can(action, viewer, steward).ok).toBe(true);
      expect(can(action, viewer, standing({ stewardVia: 1n })).ok).toBe(true);
    }
  });

  it("refuses sub-cells at the depth limit", () => {
    expect(can("createSubCell", viewer, { ...steward, depth: 8 })).toEqual({
      ok: false,
      reason: "Cell 4 is 8 levels deep, the most allowed (8): it cannot have sub-cells.",
    });
  });

  it("explains joining, withdrawing and leaving", () => {
    expect(can("requestToJoin", viewer, standing()).ok).toBe(true);
    expect(can("requestToJoin", viewer, steward)).toEqual({
      ok: false,
      reason: "You are already a member of cell 4.",
    });
    expect(can("requestToJoin", viewer, standing({ joinRequested: true }))).toEqual({
      ok: false,
      reason: "Your request to join cell 4 is waiting for a steward.",
    });
    expect(can("cancelJoinRequest", viewer, standing({ joinRequested: true })).ok).toBe(true);
    expect(can("cancelJoinRequest", viewer, standing()).ok).toBe(false);
    expect(can("leave", viewer, standing())).toEqual({
      ok: false,
      reason: "You are not a member of cell 4.",
    });
    expect(can("leave", viewer, steward).ok).toBe(true); // a nested cell may lose its last steward
    expect(can("leave", viewer, { ...steward, parentId: 0n })).toEqual({
      ok: false,
      reason: "You are the last steward of top-level cell 4: make another member a steward before leaving.",
    });
    expect(can("leave", viewer, { ...steward, parentId: 0n, stewardCount: 2 }).ok).toBe(true);
  });

  it("keeps states and intents for members", () => {
    expect(can("declareState", viewer, standing({ stewardVia: 1n }))).toEqual({
      ok: false,
      reason: "Only members of cell 4 can do this.",
    });
    expect(can("signalIntent", viewer, standing({ roles: Roles.MEMBER })).ok).toBe(true);
  });

  it("checks role changes against the one-delegate and last-steward rules", () => {
    const member = { account: bob, roles: Roles.MEMBER };
    const carol = { account: "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC" as const, label: "Carol" };
    expect(canSetRoles(viewer, steward, member, Roles.MEMBER | Roles.DELEGATE, carol)).toEqual({
      ok: false,
      reason: "Cell 4 already has a delegate (Carol): remove that role first.",
    });
    expect(canSetRoles(viewer, steward, member, Roles.MEMBER | Roles.DELEGATE, null).ok).toBe(true);
    expect(canSetRoles(viewer, steward, member, Roles.MEMBER).ok).toBe(false);
    expect(canSetRoles(viewer, steward, member, Roles.STEWARD).ok).toBe(false);
    const topLevel = { ...steward, parentId: 0n };
    const lastSteward = { account: alice, roles: Roles.MEMBER | Roles.STEWARD };
    expect(canSetRoles(viewer, topLevel, lastSteward, Roles.MEMBER, null)).toEqual({
      ok: false,
      reason: "This is the last steward of top-level cell 4: appoint another steward first.",
    });
    expect(canRemove(viewer, topLevel, lastSteward).ok).toBe(false);
    expect(canRemove(viewer, topLevel, member).ok).toBe(true);
    expect(canRemove(viewer, standing(), member).ok).toBe(false);
  });
});
