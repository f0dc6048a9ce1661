/**
 * The SDK's dashboard reads on the direct path, on Hardhat's in-process chain: one `eth_getLogs` and one `eth_call`
 * for every cell and the viewer's standing, whatever the number of cells; one scan and one batch for the rest.
 * (The indexer path, and both paths compared: test/indexer/app-dashboard.test.ts.)
 */
import { beforeAll, describe, expect, expectTypeOf, it } from "vitest";

import { getAddress } from "viem";

import {
  InvalidInputError,
  MAX_DASHBOARD_ACCOUNTS,
  Roles,
  createConcordClient,
  getDashboard,
  getDashboardDirectory,
} from "../../sdk/index.ts";
import { readDashboardState } from "../../sdk/dashboard/actions.ts";
import type { Address } from "viem";
import type {
  ConcordError,
  Dashboard,
  DashboardDirectory,
  GetDashboardDirectoryErrorType,
  GetDashboardDirectoryReturnType,
  GetDashboardErrorType,
  GetDashboardReturnType,
} from "../../sdk/index.ts";
import { createTestChain } from "./fixture.ts";
import type { Deployed, TestChain } from "./fixture.ts";

let chain: TestChain;
let d: Deployed;

beforeAll(async () => {
  chain = await createTestChain();
  d = await chain.deploy();
  const [alice, bob, carol] = chain.accounts as [`0x${string}`, `0x${string}`, `0x${string}`];
  const { cellId: dao } = await d.as(0).cells.createCell({ name: "DAO", nucleus: "purpose" });
  const { cellId: infra } = await d.as(0).cells.createCell({ parentId: dao, name: "Infra" });
  await d.as(0).cells.createCell({ parentId: infra, name: "Nodes" });
  await d.as(0).cells.addMember({ cellId: infra, account: bob, roles: Roles.MEMBER | Roles.STEWARD });
  await d.as(2).cells.requestToJoin({ cellId: infra });
  await d.as(1).cells.requestToJoin({ cellId: dao });
  await d.as(0).cells.rejectJoin({ cellId: dao, account: bob });
  await d.as(1).cells.declareState({ cellId: infra, state: "first" });
  await d.as(1).cells.declareState({ cellId: infra, state: "second" });
  await d.as(1).cells.signalIntent({ cellId: infra, intent: "deploy", at: (await chain.now()) + 3600n });
  await d.as(0).cells.setDecisionOwner({ cellId: dao, topic: "treasury", owner: alice });
  await d.as(0).cells.setDecisionOwner({ cellId: infra, topic: "deployments", owner: carol });
  await d.as(0).cells.setDecisionOwner({ cellId: infra, topic: "deployments", owner: null });
  await d.as(0).cells.setDecisionOwner({ cellId: infra, topic: "budget", owner: bob });
});

async function counted() {
  // The chain has Multicall3, as the local chain of `npm start` and every public chain do.
  const { client, methods } = await chain.countingPublicClient({ multicall3: true });
  const concord = createConcordClient({
    publicClient: client,
    addresses: { cellRegistry: d.address },
    startBlock: d.startBlock,
  });
  return { concord, methods };
}

describe("getDashboardDirectory and getDashboard (direct path)", () => {
  it("export their types as every action does", () => {
    expectTypeOf<GetDashboardReturnType>().toEqualTypeOf<Dashboard>();
    expectTypeOf<GetDashboardDirectoryReturnType>().toEqualTypeOf<DashboardDirectory>();
    expectTypeOf<GetDashboardErrorType>().toEqualTypeOf<ConcordError>();
    expectTypeOf<GetDashboardDirectoryErrorType>().toEqualTypeOf<ConcordError>();
  });

  it("reads every cell and the viewer's standing in 2 requests", async () => {
    const { concord, methods } = await counted();
    const bob = chain.accounts[1]!;
    const directory = await getDashboardDirectory(concord, { account: bob });
    expect(methods).toEqual(["eth_getLogs", "eth_call"]);
    expect(directory.cells.map((cell) => [cell.id, cell.name, cell.parentId, cell.depth])).toEqual([
      [1n, "DAO", 0n, 1],
      [2n, "Infra", 1n, 2],
      [3n, "Nodes", 2n, 3],
    ]);
    expect(directory.byId.get(2n)).toMatchObject({
      memberCount: 1,
      stewardCount: 1,
      phaseName: "conversation",
    });
    expect(directory.standing?.get(2n)).toEqual({
      roles: Roles.MEMBER | Roles.STEWARD,
      joinRequestedAt: null,
    });
    expect(directory.standing?.get(1n)).toEqual({ roles: 0, joinRequestedAt: null });
    // Nothing recognised in this chain: no DAO tree, every cell listed apart.
    expect(directory.roots).toEqual([]);
    expect(directory.dao).toEqual([]);
    expect(directory.others.map((cell) => cell.id)).toEqual([1n, 2n, 3n]);

    const carol = await getDashboardDirectory(concord, { account: chain.accounts[2]! });
    expect(carol.standing?.get(2n)?.joinRequestedAt).toBeGreaterThan(0n);
    const anonymous = await getDashboardDirectory(concord, { account: null });
    expect(anonymous.standing).toBeNull();
  });

  it("reads other accounts' standing in the same 2 requests, and follows role changes", async () => {
    const { concord, methods } = await counted();
    const [alice, bob, carol] = chain.accounts as [`0x${string}`, `0x${string}`, `0x${string}`];
    const directory = await getDashboardDirectory(concord, {
      account: bob,
      others: [alice, bob.toLowerCase() as `0x${string}`, carol],
    });
    expect(methods).toEqual(["eth_getLogs", "eth_call"]);
    // One entry per account (the viewer read once), by checksummed address.
    expect([...directory.standingOf.keys()]).toEqual([bob, alice, carol].map((a) => getAddress(a)));
    expect(directory.standing).toBe(directory.standingOf.get(getAddress(bob)));
    expect(directory.standingOf.get(getAddress(alice))?.get(1n)?.roles).toBe(Roles.MEMBER | Roles.STEWARD);
    expect(directory.standingOf.get(getAddress(carol))?.get(2n)).toMatchObject({ roles: 0 });
    expect(directory.standingOf.get(getAddress(carol))?.get(2n)?.joinRequestedAt).toBeGreaterThan(0n);
    const anonymous = await getDashboardDirectory(concord, { account: null, others: [carol] });
    expect(anonymous.standing).toBeNull();
    expect([...anonymous.standingOf.keys()]).toEqual([getAddress(carol)]);

    // Roles change on chain (Dave joins Nodes): the next read says so.
    const dave = chain.accounts[3]!;
    const before = await getDashboardDirectory(concord, { others: [dave] });
    expect(before.standingOf.get(getAddress(dave))?.get(3n)).toEqual({ roles: 0, joinRequestedAt: null });
    await d.as(0).cells.addMember({ cellId: 3n, account: dave, roles: Roles.MEMBER });
    const after = await getDashboardDirectory(concord, { others: [dave] });
    expect(after.standingOf.get(getAddress(dave))?.get(3n)).toEqual({
      roles: Roles.MEMBER,
      joinRequestedAt: null,
    });
  });

  it("reads join requests, states and intents in 1 request, and nothing more without other modules", async () => {
    const { concord, methods } = await counted();
    const { directory, events, state, path } = await getDashboard(concord, { directory: false });
    expect(path).toBe("rpc");
    expect(directory).toBeNull();
    expect(events.pendingJoins.map((p) => [p.cellId, p.account])).toEqual([[2n, chain.accounts[2]]]);
    expect(events.states.map((s) => s.state)).toEqual(["second"]);
    expect(events.intents.map((i) => i.intent)).toEqual(["deploy"]);
    // No agreements, leases, governance or timelock: nothing live to read.
    expect(state).toEqual({
      agreements: new Map(),
      resources: new Map(),
      proposals: new Map(),
      chainTime: null,
      treasury: null,
    });
    expect(methods).toEqual(["eth_getLogs"]);
  });

  it("reads the directory with the rest: 2 requests more, the same directory as getDashboardDirectory", async () => {
    const { concord, methods } = await counted();
    const bob = chain.accounts[1]!;
    const dashboard = await getDashboard(concord, { account: bob });
    expect([...methods].sort()).toEqual(["eth_call", "eth_getLogs", "eth_getLogs"]);
    expect(dashboard.directory).toEqual(await getDashboardDirectory(concord, { account: bob }));
    // The directory's cells are lean: creator, creation and nucleus are the cell page's.
    expect(Object.keys(dashboard.directory!.cells[0]!).sort()).toEqual(
      [
        "delegate",
        "depth",
        "id",
        "memberCount",
        "name",
        "parentId",
        "phase",
        "phaseName",
        "recognised",
        "scale",
        "scaleName",
        "stewardCount",
      ].sort(),
    );
  });

  it("refuses bad accounts and too many accounts, with the values, before any request", async () => {
    const { concord, methods } = await counted();
    const notAnAddress = "0x1234" as Address;
    await expect(getDashboardDirectory(concord, { account: notAnAddress })).rejects.toThrow(
      new InvalidInputError("account", notAnAddress, "expected an address, got 0x1234"),
    );
    await expect(getDashboard(concord, { others: [chain.accounts[0]!, notAnAddress] })).rejects.toThrow(
      /Invalid others\[1\]: expected an address, got 0x1234/,
    );
    // One more account than the bound (distinct addresses): refused; duplicates count once.
    const many = Array.from(
      { length: MAX_DASHBOARD_ACCOUNTS + 1 },
      (_, i) => getAddress(`0x${(i + 1).toString(16).padStart(40, "0")}`) as Address,
    );
    const refusal = await getDashboardDirectory(concord, { others: many }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(InvalidInputError);
    expect((refusal as InvalidInputError).message).toContain(
      `at most ${MAX_DASHBOARD_ACCOUNTS} accounts with the viewer, got ${MAX_DASHBOARD_ACCOUNTS + 1}`,
    );
    const repeated = [...many.slice(0, MAX_DASHBOARD_ACCOUNTS), ...many.slice(0, 3)];
    expect(methods).toEqual([]);
    const fine = await getDashboardDirectory(concord, { others: repeated });
    expect(fine.standingOf.size).toBe(MAX_DASHBOARD_ACCOUNTS);
  });

  it("folds agreements and leases into the same scan, and their state into one multicall", async () => {
    // A second deployment with every module: cells, agreements over them, leases over them.
    const [alice, bob, carol] = chain.accounts as [`0x${string}`, `0x${string}`, `0x${string}`];
    const startBlock = (await chain.publicClient.getBlockNumber()) + 1n;
    const cells = await chain.viem.deployContract("CellRegistry", [alice]);
    const agreements = await chain.viem.deployContract("AgreementRegistry", [cells.address]);
    const leases = await chain.viem.deployContract("ResourceLeases", [cells.address]);
    const addresses = {
      cellRegistry: getAddress(cells.address),
      agreementRegistry: getAddress(agreements.address),
      resourceLeases: getAddress(leases.address),
    };
    const as = (i: number) =>
      createConcordClient({
        publicClient: chain.publicClient,
        walletClient: chain.walletClients[i]!,
        addresses,
        startBlock,
      });
    const { cellId: ops } = await as(0).cells.createCell({ name: "ops" });
    const { cellId: web } = await as(0).cells.createCell({ name: "web" });
    await as(0).cells.addMembers({ cellId: ops, members: [bob, carol] });
    const { agreementId: first } = await as(0).agreements.proposeAgreement({
      cells: [ops, web],
      title: "One",
      terms: "one",
      termsURI: "https://example.org/one.md",
    });
    await as(0).agreements.acknowledgeAgreementForCell({ agreementId: first, cellId: ops, terms: "one" });
    await as(0).agreements.acknowledgeAgreementForCell({ agreementId: first, cellId: web, terms: "one" });
    const { agreementId: second } = await as(1).agreements.proposeAgreement({
      accounts: [bob],
      cells: [ops],
      title: "Two",
      terms: "two",
      termsURI: "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy5",
    });
    await as(1).agreements.acknowledgeAgreement({ agreementId: second, terms: "two" });
    const { amendmentId } = await as(0).agreements.amendAgreementForCell({
      agreementId: first,
      cellId: ops,
      title: "One, v2",
      terms: "one, v2",
      termsURI: "https://example.org/one-v2.md",
    });
    const { resourceId } = await as(0).leases.registerResource({
      ownerCellId: ops,
      name: "printer",
      maxDuration: 3600n,
      access: "owner-members",
      claimWindow: 300n,
    });
    await as(1).leases.acquireLease({ resourceId, duration: 600n });
    await as(2).leases.enqueueForLease({ resourceId });

    // The chain has Multicall3, as the local chain of `npm start` and every public chain do.
    const { client, methods } = await chain.countingPublicClient({ multicall3: true });
    const concord = createConcordClient({ publicClient: client, addresses, startBlock });
    const { events, state } = await getDashboard(concord, { directory: false });
    expect(methods).toEqual(["eth_getLogs", "eth_call"]);

    expect(events.agreements.map((a) => [a.id, a.accounts, a.cells, a.amends])).toEqual([
      [first, [], [ops, web], null],
      [second, [bob], [ops], null],
      [amendmentId, [], [ops, web], first],
    ]);
    expect(events.agreements.map((a) => a.title)).toEqual(["One", "Two", "One, v2"]);
    expect(events.agreements[1]!.termsURI).toBe(
      "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy5",
    );
    expect(events.resources).toEqual([{ id: resourceId, name: "printer", ownerCellId: ops }]);
    expect(state.agreements.get(first)).toMatchObject({ statusName: "active", acknowledgedMask: 0b11 });
    expect(state.agreements.get(second)).toMatchObject({
      statusName: "proposed",
      acknowledgedCount: 1,
      partyCount: 2,
      acknowledgedMask: 0b01,
    });
    expect(state.agreements.get(amendmentId)?.statusName).toBe("proposed");
    const printer = state.resources.get(resourceId)!;
    expect(printer.holder).toBe(bob);
    expect(printer.expiresAt).toBeGreaterThan(0n);
    expect(printer.queue.map((w) => [w.account, w.position])).toEqual([[carol, 0]]);

    // A deployment without agreements and leases: the same scan, nothing more to read.
    const { concord: cellsOnly, methods: fewer } = await counted();
    const only = (await getDashboard(cellsOnly, { directory: false })).events;
    expect(only.agreements).toEqual([]);
    expect(await readDashboardState(cellsOnly, only, null)).toEqual({
      agreements: new Map(),
      resources: new Map(),
      proposals: new Map(),
      chainTime: null,
      treasury: null,
    });
    expect(fewer).toEqual(["eth_getLogs"]);
  });
});
