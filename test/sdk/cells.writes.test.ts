import { keccak256, stringToBytes, zeroAddress } from "viem";
import { beforeAll, describe, expect, it } from "vitest";

import { Phase, Roles, Scale, nucleusHash, topicId } from "../../sdk/index.ts";
import { createTestChain } from "./fixture.ts";
import type { TestChain } from "./fixture.ts";

let chain: TestChain;

beforeAll(async () => {
  chain = await createTestChain();
});

describe("cells writes: success paths and decoded results", () => {
  it("createCell: top-level (creator becomes steward) and child, with name, nucleus and decoded ids", async () => {
    const { concord } = await chain.deploy();
    const [founder] = chain.accounts;
    const doc = "# Purpose\nKeep the treasury healthy.";

    const top = await concord.cells.createCell({
      name: "Treasury guild",
      nucleusURI: "ipfs://guild",
      nucleus: doc,
    });
    expect(top.cellId).toBe(1n);
    expect(top.parentId).toBe(0n);
    expect(top.receipt.status).toBe("success");
    expect(top.hash).toBe(top.receipt.transactionHash);
    expect(top.events.map((e) => e.eventName)).toEqual(["CellCreated", "RolesChanged"]);

    const child = await concord.cells.createCell({ parentId: top.cellId, name: "Grants" });
    expect(child.cellId).toBe(2n);
    expect(child.parentId).toBe(1n);
    // A child starts empty: no RolesChanged.
    expect(child.events.map((e) => e.eventName)).toEqual(["CellCreated"]);

    const cell = await concord.cells.getCell({ cellId: top.cellId });
    expect(cell).toMatchObject({
      id: 1n,
      parentId: 0n,
      depth: 1,
      name: "Treasury guild",
      creator: founder,
      nucleusURI: "ipfs://guild",
      nucleusHash: keccak256(stringToBytes(doc)),
      phase: Phase.CONVERSATION,
      phaseName: "conversation",
      scale: Scale.COLLABORATION,
      scaleName: "collaboration",
      memberCount: 1,
      stewardCount: 1,
      recognised: false,
      delegate: null,
    });
    const block = await chain.publicClient.getBlock({ blockNumber: top.receipt.blockNumber });
    expect(cell.createdAt).toBe(block.timestamp);
    const grants = await concord.cells.getCell({ cellId: child.cellId });
    expect(grants).toMatchObject({
      parentId: 1n,
      depth: 2,
      name: "Grants",
      nucleusURI: "",
      nucleusHash: null,
      memberCount: 0,
    });
    expect(await concord.cells.rolesOf({ cellId: 1n, account: founder! })).toBe(Roles.MEMBER | Roles.STEWARD);
    expect(await concord.cells.cellCount()).toBe(2n);
  });

  it("addMember / setRoles / removeMember return the role change", async () => {
    const { concord } = await chain.deploy();
    const [, alice] = chain.accounts;
    const { cellId } = await concord.cells.createCell({ name: "Core" });

    const added = await concord.cells.addMember({ cellId, account: alice! });
    expect(added).toMatchObject({
      account: alice,
      previousRoles: 0,
      roles: Roles.MEMBER,
      roleNames: ["member"],
    });
    expect(await concord.cells.isMember({ cellId, account: alice! })).toBe(true);

    const promoted = await concord.cells.setRoles({
      cellId,
      account: alice!,
      roles: ["member", "steward", "delegate"],
    });
    expect(promoted).toMatchObject({
      previousRoles: 1,
      roles: 7,
      roleNames: ["member", "steward", "delegate"],
    });
    expect(await concord.cells.delegateOf({ cellId })).toBe(alice);
    expect(await concord.cells.isSteward({ cellId, account: alice! })).toBe(true);

    const removed = await concord.cells.removeMember({ cellId, account: alice! });
    expect(removed).toMatchObject({ previousRoles: 7, roles: 0, roleNames: [] });
    expect(await concord.cells.isMember({ cellId, account: alice! })).toBe(false);
    expect(await concord.cells.delegateOf({ cellId })).toBeNull();
    expect(await concord.cells.memberCount({ cellId })).toBe(1);
  });

  it("a steward of an ancestor administers a child cell", async () => {
    const { concord } = await chain.deploy();
    const [founder, alice] = chain.accounts;
    const { cellId: parent } = await concord.cells.createCell({ name: "Core" });
    const { cellId: child } = await concord.cells.createCell({ parentId: parent, name: "Child" });
    expect(await concord.cells.isSteward({ cellId: child, account: founder! })).toBe(true);
    expect(await concord.cells.isMember({ cellId: child, account: founder! })).toBe(false);
    await concord.cells.addMember({ cellId: child, account: alice!, roles: Roles.MEMBER | Roles.STEWARD });
    expect((await concord.cells.getCell({ cellId: child })).stewardCount).toBe(1);
    // The last steward of a child cell may step down (only top-level cells keep one).
    await concord.cells.setRoles({ cellId: child, account: alice!, roles: Roles.MEMBER });
    expect((await concord.cells.getCell({ cellId: child })).stewardCount).toBe(0);
  });

  it("join requests: requestToJoin, cancelJoinRequest, approveJoin, rejectJoin", async () => {
    const { concord, as } = await chain.deploy();
    const [, alice, bob, carol] = chain.accounts;
    const { cellId } = await concord.cells.createCell({ name: "Open cell" });

    const requested = await as(1).cells.requestToJoin({ cellId });
    expect(requested.events[0]).toMatchObject({
      eventName: "JoinRequested",
      args: { cellId, account: alice },
    });
    const at = await concord.cells.joinRequestedAt({ cellId, account: alice! });
    expect(at).toBe(await chain.now());

    const approved = await concord.cells.approveJoin({ cellId, account: alice! });
    expect(approved).toMatchObject({ account: alice, previousRoles: 0, roles: Roles.MEMBER });
    expect(approved.events.map((e) => e.eventName)).toEqual(["JoinRequestClosed", "RolesChanged"]);
    expect(await concord.cells.joinRequestedAt({ cellId, account: alice! })).toBeNull();

    await as(2).cells.requestToJoin({ cellId });
    const rejected = await concord.cells.rejectJoin({ cellId, account: bob! });
    expect(rejected.events[0]).toMatchObject({
      eventName: "JoinRequestClosed",
      args: { account: bob, approved: false },
    });
    expect(await concord.cells.isMember({ cellId, account: bob! })).toBe(false);
    expect(await concord.cells.joinRequestedAt({ cellId, account: bob! })).toBeNull();

    await as(3).cells.requestToJoin({ cellId });
    const cancelled = await as(3).cells.cancelJoinRequest({ cellId });
    expect(cancelled.events[0]).toMatchObject({
      eventName: "JoinRequestClosed",
      args: { by: carol, approved: false },
    });
    expect(await concord.cells.joinRequestedAt({ cellId, account: carol! })).toBeNull();
  });

  it("addMember closes a pending join request as approved", async () => {
    const { concord, as } = await chain.deploy();
    const [, alice] = chain.accounts;
    const { cellId } = await concord.cells.createCell({ name: "Core" });
    await as(1).cells.requestToJoin({ cellId });
    const added = await concord.cells.addMember({ cellId, account: alice!, roles: ["member", "steward"] });
    expect(added.events.map((e) => e.eventName)).toEqual(["JoinRequestClosed", "RolesChanged"]);
    expect(await concord.cells.joinRequestedAt({ cellId, account: alice! })).toBeNull();
    expect(await concord.cells.getJoinRequests({ cellId })).toEqual({ items: [], next: null });
  });

  it("leave returns the roles the member had", async () => {
    const { concord, as } = await chain.deploy();
    const [, alice] = chain.accounts;
    const { cellId } = await concord.cells.createCell({ name: "Core" });
    await concord.cells.addMember({ cellId, account: alice!, roles: Roles.MEMBER | Roles.STEWARD });
    const left = await as(1).cells.leaveCell({ cellId });
    expect(left.previousRoles).toBe(3);
    expect(await concord.cells.rolesOf({ cellId, account: alice! })).toBe(0);
    // A former member may ask to join again.
    await as(1).cells.requestToJoin({ cellId });
    expect(await concord.cells.joinRequestedAt({ cellId, account: alice! })).not.toBeNull();
  });

  it("setPhase accepts a value or a name and returns the transition", async () => {
    const { concord } = await chain.deploy();
    const { cellId } = await concord.cells.createCell({ name: "Core" });
    const first = await concord.cells.setPhase({ cellId, phase: "commitment" });
    expect(first).toMatchObject({ previousPhase: 0, phase: 2 });
    const second = await concord.cells.setPhase({ cellId, phase: Phase.COORDINATION });
    expect(second).toMatchObject({ previousPhase: 2, phase: 3 });
    expect(await concord.cells.phaseOf({ cellId })).toBe(3);
    expect((await concord.cells.getCell({ cellId })).phaseName).toBe("coordination");
  });

  it("updateNucleus stores the hash and getCell shows the latest URI", async () => {
    const { concord } = await chain.deploy();
    const { cellId } = await concord.cells.createCell({
      name: "Core",
      nucleusURI: "ipfs://v1",
      nucleus: "v1",
    });
    const updated = await concord.cells.updateNucleus({ cellId, nucleusURI: "ipfs://v2", nucleus: "v2" });
    expect(updated.nucleusHash).toBe(nucleusHash("v2"));
    expect(await concord.cells.nucleusHashOf({ cellId })).toBe(nucleusHash("v2"));
    const cell = await concord.cells.getCell({ cellId });
    expect(cell.nucleusURI).toBe("ipfs://v2");
    expect(cell.nucleusHash).toBe(nucleusHash("v2"));
    // An explicit hash, and bytes documents.
    const bytes = new Uint8Array([1, 2, 3]);
    const explicit = await concord.cells.updateNucleus({
      cellId,
      nucleusURI: "ipfs://v3",
      nucleusHash: nucleusHash(bytes),
    });
    expect(explicit.nucleusHash).toBe(keccak256(bytes));
    // Neither: the hash is cleared.
    const cleared = await concord.cells.updateNucleus({ cellId, nucleusURI: "" });
    expect(cleared.nucleusHash).toBeNull();
    expect(await concord.cells.nucleusHashOf({ cellId })).toBeNull();
  });

  it("declareState and signalIntent", async () => {
    const { concord } = await chain.deploy();
    const [founder] = chain.accounts;
    const { cellId } = await concord.cells.createCell({ name: "Core" });
    expect(await concord.cells.stateOf({ cellId, account: founder! })).toBeNull();
    await concord.cells.declareState({ cellId, state: "reviewing grants" });
    expect(await concord.cells.stateOf({ cellId, account: founder! })).toEqual({
      state: "reviewing grants",
      declaredAt: await chain.now(),
    });
    const at = (await chain.now()) + 3600n;
    const signalled = await concord.cells.signalIntent({ cellId, intent: "deploy v2", at });
    expect(signalled.at).toBe(at);
    expect(signalled.events[0]).toMatchObject({
      eventName: "IntentSignalled",
      args: { intent: "deploy v2", at },
    });
    // A Date is accepted.
    const date = new Date(Number(at + 60n) * 1000);
    expect((await concord.cells.signalIntent({ cellId, intent: "announce", at: date })).at).toBe(at + 60n);
  });

  it("setDecisionOwner sets, overrides and clears (null) an owner per topic", async () => {
    const { concord } = await chain.deploy();
    const [, alice, bob] = chain.accounts;
    const { cellId } = await concord.cells.createCell({ name: "Core" });
    const set = await concord.cells.setDecisionOwner({ cellId, topic: "treasury", owner: alice! });
    expect(set).toMatchObject({ topic: topicId("treasury"), owner: alice });
    expect(await concord.cells.decisionOwner({ cellId, topic: "treasury" })).toEqual({
      owner: alice,
      definedAt: cellId,
    });
    // The bytes32 id is accepted as the topic too.
    await concord.cells.setDecisionOwner({ cellId, topic: topicId("treasury"), owner: bob! });
    expect(await concord.cells.localDecisionOwner({ cellId, topic: "treasury" })).toBe(bob);
    const cleared = await concord.cells.setDecisionOwner({ cellId, topic: "treasury", owner: null });
    expect(cleared.owner).toBeNull();
    expect(await concord.cells.decisionOwner({ cellId, topic: "treasury" })).toEqual({
      owner: null,
      definedAt: null,
    });
    expect(await concord.cells.localDecisionOwner({ cellId, topic: "other" })).toBeNull();
  });

  it("setRecognised: recognition, history, count and no-op detection", async () => {
    const { concord } = await chain.deploy();
    const { cellId } = await concord.cells.createCell({ name: "Core" });
    const before = await chain.now();
    const on = await concord.cells.setRecognised({ cellId, recognised: true });
    expect(on).toMatchObject({ recognised: true, changed: true });
    expect(await concord.cells.isRecognised({ cellId })).toBe(true);
    expect(await concord.cells.recognisedCount()).toBe(1);
    const again = await concord.cells.setRecognised({ cellId, recognised: true });
    expect(again.changed).toBe(false);
    expect(again.events).toEqual([]);
    const recognisedAt = await chain.now();
    await chain.networkHelpers.mine();
    expect(await concord.cells.isRecognisedAt({ cellId, timepoint: before })).toBe(false);
    expect(await concord.cells.isRecognisedAt({ cellId, timepoint: recognisedAt })).toBe(true);
    expect(await concord.cells.recognisedCountAt({ timepoint: recognisedAt })).toBe(1);
    const off = await concord.cells.setRecognised({ cellId, recognised: false });
    expect(off.changed).toBe(true);
    expect(await concord.cells.recognisedCount()).toBe(0);
    expect((await concord.cells.getCell({ cellId })).recognised).toBe(false);
  });

  it("delegate history through delegateAt", async () => {
    const { concord } = await chain.deploy();
    const [, alice] = chain.accounts;
    const { cellId } = await concord.cells.createCell({ name: "Core" });
    const before = await chain.now();
    await concord.cells.addMember({ cellId, account: alice!, roles: Roles.MEMBER | Roles.DELEGATE });
    const after = await chain.now();
    await chain.networkHelpers.mine();
    expect(await concord.cells.delegateAt({ cellId, timepoint: before })).toBeNull();
    expect(await concord.cells.delegateAt({ cellId, timepoint: after })).toBe(alice);
    expect((await concord.cells.getCell({ cellId })).delegate).toBe(alice);
    expect(await concord.cells.cellRegistryClock()).toBe(Number(await chain.now()));
  });

  it("transferGovernance hands power over", async () => {
    const { concord, as } = await chain.deploy();
    const [founder, alice] = chain.accounts;
    const { cellId } = await concord.cells.createCell({ name: "Core" });
    const moved = await concord.cells.transferGovernance({ newGovernance: alice! });
    expect(moved).toMatchObject({ previousGovernance: founder, newGovernance: alice });
    expect(await concord.cells.cellRegistryGovernance()).toBe(alice);
    const recognised = await as(1).cells.setRecognised({ cellId, recognised: true });
    expect(recognised.changed).toBe(true);
  });

  it("depth, parent and existence reads", async () => {
    const { concord } = await chain.deploy();
    const { cellId: a } = await concord.cells.createCell({ name: "A" });
    const { cellId: b } = await concord.cells.createCell({ name: "B", parentId: a });
    expect(await concord.cells.parentOf({ cellId: b })).toBe(a);
    expect(await concord.cells.parentOf({ cellId: a })).toBe(0n);
    expect(await concord.cells.depthOf({ cellId: b })).toBe(2);
    expect(await concord.cells.cellExists({ cellId: b })).toBe(true);
    expect(await concord.cells.cellExists({ cellId: 99n })).toBe(false);
    expect(await concord.cells.scaleOf({ cellId: a })).toBe(Scale.COLLABORATION);
    expect(await concord.cells.isSteward({ cellId: 99n, account: zeroAddress })).toBe(false);
    const info = await concord.cells.getCellInfo({ cellId: b });
    expect(info).toMatchObject({ parentId: a, depth: 2, memberCount: 0 });
  });
});
