import { getAddress } from "viem";
import type { Address } from "viem";
import { QueryClient } from "@tanstack/react-query";
import { beforeAll, describe, expect, it } from "vitest";

import {
  Roles,
  Scale,
  createConcordClient,
  getCell,
  nucleusHash,
  splitDirectory,
  topicId,
} from "../../sdk/index.ts";
import {
  getJoinRequestsInfiniteQueryOptions,
  getMembersInfiniteQueryOptions,
  getMembersQueryOptions,
} from "../../sdk/react/index.ts";
import { createTestChain } from "./fixture.ts";
import type { TestChain } from "./fixture.ts";

let chain: TestChain;
let founder: Address;
let alice: Address;
let bob: Address;
let carol: Address;
let dave: Address;

beforeAll(async () => {
  chain = await createTestChain();
  [founder, alice, bob, carol, dave] = chain.accounts as [Address, Address, Address, Address, Address];
});

describe("views rebuilt from events", () => {
  it("listCells: every cell with parent, name, creator and latest nucleus; children by parent", async () => {
    const { concord, as } = await chain.deploy();
    const { cellId: guild } = await concord.cells.createCell({
      name: "Guild",
      nucleusURI: "ipfs://g1",
      nucleus: "g1",
    });
    const { cellId: grants } = await concord.cells.createCell({ parentId: guild, name: "Grants" });
    const { cellId: research } = await as(1).cells.createCell({ name: "Research" });
    const { cellId: ops } = await concord.cells.createCell({ parentId: guild, name: "Ops" });
    await concord.cells.updateNucleus({ cellId: guild, nucleusURI: "ipfs://g2", nucleus: "g2" });

    const { items: all, next } = await concord.cells.listCells();
    expect(next).toBeNull();
    expect(all.map((c) => [c.id, c.parentId, c.name, c.creator])).toEqual([
      [guild, 0n, "Guild", founder],
      [grants, guild, "Grants", founder],
      [research, 0n, "Research", alice],
      [ops, guild, "Ops", founder],
    ]);
    expect(all[0]).toMatchObject({ nucleusURI: "ipfs://g2", nucleusHash: nucleusHash("g2") });
    expect(all[1]).toMatchObject({ nucleusURI: "", nucleusHash: null });
    expect(all[2]!.createdBlock).toBeGreaterThan(all[1]!.createdBlock);

    expect((await concord.cells.listCells({ parentId: guild })).items.map((c) => c.name)).toEqual([
      "Grants",
      "Ops",
    ]);
    expect((await concord.cells.listCells({ parentId: 0n })).items.map((c) => c.name)).toEqual([
      "Guild",
      "Research",
    ]);
    // Pages: the id cursor walks every cell once, children alike; bad limits and cursors are refused by name.
    const first = await concord.cells.listCells({ limit: 3 });
    expect(first).toEqual({ items: all.slice(0, 3), next: String(all[2]!.id) });
    expect(await concord.cells.listCells({ limit: 3, cursor: first.next })).toEqual({
      items: all.slice(3),
      next: null,
    });
    const children = await concord.cells.listCells({ parentId: guild, limit: 1 });
    expect(children).toEqual({ items: [all[1]], next: String(grants) });
    expect(
      (await concord.cells.listCells({ parentId: guild, limit: 1, cursor: children.next })).items,
    ).toEqual([all[3]]);
    for (const [parameters, parameter] of [
      [{ limit: 0 }, "limit"],
      [{ limit: 501 }, "limit"],
      [{ cursor: "1:2" }, "cursor"],
      [{ cursor: "-1" }, "cursor"],
    ] as const) {
      await expect(concord.cells.listCells(parameters)).rejects.toMatchObject({
        name: "InvalidInputError",
        parameter,
      });
    }
  });

  it("getDirectory: the DAO's tree (under the roots governance recognises) apart from other top-level cells", async () => {
    const { concord, as } = await chain.deploy();
    const { cellId: dao } = await concord.cells.createCell({ name: "DAO" });
    const { cellId: infra } = await concord.cells.createCell({ parentId: dao, name: "Infra" });
    const { cellId: nodes } = await concord.cells.createCell({ parentId: infra, name: "Nodes" });
    // An outsider founds top-level cells beside the DAO, one with a child.
    const { cellId: spam } = await as(1).cells.createCell({ name: "x".repeat(64) });
    const { cellId: spamChild } = await as(1).cells.createCell({ parentId: spam, name: "Also not the DAO" });
    const { cellId: lab } = await as(2).cells.createCell({ name: "Lab" });

    // Nothing recognised yet: no DAO tree unless the deployment names its root.
    let directory = await concord.cells.getDirectory();
    expect(directory.roots).toEqual([]);
    expect(directory.dao).toEqual([]);
    expect(directory.others.map((c) => c.id)).toEqual([dao, infra, nodes, spam, spamChild, lab]);
    directory = await concord.cells.getDirectory({ roots: [dao] });
    expect(directory.dao.map((c) => c.id)).toEqual([dao, infra, nodes]);

    // Governance (the founder here) recognises Infra: its top-level ancestor is the DAO's root.
    await concord.cells.setRecognised({ cellId: infra, recognised: true });
    directory = await concord.cells.getDirectory();
    expect(directory.recognised).toEqual([infra]);
    expect(directory.roots).toEqual([dao]);
    expect(directory.dao.map((c) => c.id)).toEqual([dao, infra, nodes]);
    expect(directory.others.map((c) => c.id)).toEqual([spam, spamChild, lab]);

    // Recognising Lab makes it a second root; withdrawing recognition takes it out again.
    await concord.cells.setRecognised({ cellId: lab, recognised: true });
    expect((await concord.cells.getDirectory()).roots).toEqual([dao, lab]);
    await concord.cells.setRecognised({ cellId: lab, recognised: false });
    expect((await concord.cells.getDirectory()).others.map((c) => c.id)).toEqual([spam, spamChild, lab]);
  });

  it("splitDirectory is pure: unknown parents count as top-level, named roots join the recognised ones", () => {
    const cells = [
      { id: 1n, parentId: 0n },
      { id: 2n, parentId: 1n },
      { id: 3n, parentId: 0n },
      { id: 4n, parentId: 9n }, // parent not in the list
    ];
    expect(splitDirectory(cells, { recognised: [2n] })).toEqual({
      roots: [1n],
      dao: [cells[0], cells[1]],
      others: [cells[2], cells[3]],
    });
    expect(splitDirectory(cells, { recognised: [2n], roots: [4n, 42n] }).roots).toEqual([1n, 4n]);
    expect(splitDirectory(cells).dao).toEqual([]);
  });

  it("getMembers follows joins, role changes, removals and departures", async () => {
    const { concord, as } = await chain.deploy();
    const { cellId } = await concord.cells.createCell({ name: "Core" });
    await concord.cells.addMember({ cellId, account: alice });
    await concord.cells.addMember({ cellId, account: bob, roles: Roles.MEMBER | Roles.STEWARD });
    await as(3).cells.requestToJoin({ cellId });
    await concord.cells.approveJoin({ cellId, account: carol });
    await concord.cells.setRoles({ cellId, account: alice, roles: ["member", "delegate"] });
    await as(2).cells.leaveCell({ cellId });
    await concord.cells.addMember({ cellId, account: dave });
    await concord.cells.removeMember({ cellId, account: dave });
    // bob comes back: his membership date is the new one.
    await concord.cells.addMember({ cellId, account: bob });
    const bobRejoined = await chain.publicClient.getBlock();

    const { items: members, next } = await concord.cells.getMembers({ cellId });
    expect(next).toBeNull();
    expect(members.map((m) => [m.account, m.roles, m.roleNames])).toEqual([
      [founder, 3, ["member", "steward"]],
      [alice, 5, ["member", "delegate"]],
      [carol, 1, ["member"]],
      [bob, 1, ["member"]],
    ]);
    const bobEntry = members.find((m) => m.account === bob)!;
    expect(bobEntry.sinceBlock).toBe(bobRejoined.number);
    expect(bobEntry.since).toBe(bobRejoined.timestamp);
    // alice's role change kept her membership date.
    const aliceEntry = members.find((m) => m.account === alice)!;
    expect(aliceEntry.sinceBlock).toBeLessThan(bobEntry.sinceBlock);
    // Consistent with on-chain state.
    expect(await concord.cells.memberCount({ cellId })).toBe(members.length);
    for (const member of members) {
      expect(await concord.cells.rolesOf({ cellId, account: member.account })).toBe(member.roles);
    }
    expect(await concord.cells.getMembers({ cellId: 99n })).toEqual({ items: [], next: null });
  });

  it("getJoinRequests lists only pending requests", async () => {
    const { concord, as } = await chain.deploy();
    const { cellId } = await concord.cells.createCell({ name: "Core" });
    await as(1).cells.requestToJoin({ cellId }); // alice: approved below
    await as(2).cells.requestToJoin({ cellId }); // bob: rejected, then asks again
    await as(3).cells.requestToJoin({ cellId }); // carol: cancels
    await as(4).cells.requestToJoin({ cellId }); // dave: stays pending
    await concord.cells.approveJoin({ cellId, account: alice });
    await concord.cells.rejectJoin({ cellId, account: bob });
    await as(3).cells.cancelJoinRequest({ cellId });
    await as(2).cells.requestToJoin({ cellId });

    const { items: requests } = await concord.cells.getJoinRequests({ cellId });
    expect(requests.map((r) => r.account)).toEqual([dave, bob]);
    for (const request of requests) {
      expect(request.requestedAt).toBe(
        await concord.cells.joinRequestedAt({ cellId, account: request.account }),
      );
    }
  });

  it("getMembers and getJoinRequests page: every walk gives the whole list once, in order", async () => {
    const { concord, as } = await chain.deploy();
    const { cellId } = await concord.cells.createCell({ name: "Core" });
    // Three members in one transaction: one block, three log indexes (the cursor needs both).
    await concord.cells.addMembers({
      cellId,
      members: [
        { account: alice, roles: Roles.MEMBER },
        { account: bob, roles: Roles.MEMBER },
        { account: carol, roles: Roles.MEMBER },
      ],
    });
    await concord.cells.removeMember({ cellId, account: alice });
    await concord.cells.addMember({ cellId, account: alice }); // rejoins: last
    for (const i of [4, 5, 6]) await as(i).cells.requestToJoin({ cellId });
    await concord.cells.rejectJoin({ cellId, account: chain.accounts[5]! });

    const whole = (await concord.cells.getMembers({ cellId, limit: 500 })).items.map((m) => m.account);
    expect(whole).toEqual([founder, bob, carol, alice]);
    for (const limit of [1, 2, 3, 4]) {
      const walked: Address[] = [];
      let cursor: string | null = null;
      for (let i = 0; i < 10; i++) {
        const page = await concord.cells.getMembers({ cellId, limit, cursor });
        expect(page.items.length).toBeLessThanOrEqual(limit);
        walked.push(...page.items.map((m) => m.account));
        if (page.next === null) break;
        expect(page.next).toMatch(/^\d+:\d+$/);
        cursor = page.next;
      }
      expect(walked).toEqual(whole);
    }
    const requests = await concord.cells.getJoinRequests({ cellId, limit: 1 });
    expect(requests.items.map((r) => r.account)).toEqual([chain.accounts[4]]);
    const rest = await concord.cells.getJoinRequests({ cellId, limit: 1, cursor: requests.next });
    expect(rest).toEqual({ items: [expect.objectContaining({ account: chain.accounts[6] })], next: null });
    // The React entry: the pages, first then each next, under their own key.
    const queryClient = new QueryClient();
    const infinite = getMembersInfiniteQueryOptions(concord, { cellId, limit: 3 });
    expect(infinite.queryKey).not.toEqual(getMembersQueryOptions(concord, { cellId, limit: 3 }).queryKey);
    const data = await queryClient.fetchInfiniteQuery({ ...infinite, pages: 2 });
    expect(data.pages.flatMap((page) => page.items.map((m) => m.account))).toEqual(whole);
    expect(data.pageParams).toEqual([null, data.pages[0]!.next]);
    const requestPages = await queryClient.fetchInfiniteQuery({
      ...getJoinRequestsInfiniteQueryOptions(concord, { cellId, limit: 1 }),
      pages: 2,
    });
    expect(requestPages.pages.map((page) => page.items.map((r) => r.account))).toEqual([
      [chain.accounts[4]],
      [chain.accounts[6]],
    ]);
    // A cursor past the end is an empty last page, not an error.
    expect(await concord.cells.getMembers({ cellId, cursor: "99999999:0" })).toEqual({
      items: [],
      next: null,
    });

    // Bad limits and cursors are refused in words (InvalidInputError naming the value), before any read.
    for (const limit of [0, 501, 1.5, -1]) {
      await expect(concord.cells.getMembers({ cellId, limit })).rejects.toMatchObject({
        name: "InvalidInputError",
        parameter: "limit",
        value: limit,
        message: expect.stringMatching(/expected an integer from 1 to 500/),
      });
    }
    for (const cursor of ["12", "1:2:3", "x:1", "1; drop table", "-1:0"]) {
      for (const read of [concord.cells.getJoinRequests, concord.cells.getMembers]) {
        await expect(read({ cellId, cursor })).rejects.toMatchObject({
          name: "InvalidInputError",
          parameter: "cursor",
          value: cursor,
          message: expect.stringMatching(/block:logIndex/),
        });
      }
    }
  });

  it("getActivity: states and intents, newest first, filterable by member and limited", async () => {
    const { concord, as } = await chain.deploy();
    const { cellId } = await concord.cells.createCell({ name: "Core" });
    const { cellId: other } = await concord.cells.createCell({ name: "Other" });
    await concord.cells.addMember({ cellId, account: alice });
    await concord.cells.declareState({ cellId, state: "planning" });
    const at = (await chain.now()) + 1000n;
    await as(1).cells.signalIntent({ cellId, intent: "ship", at });
    await as(1).cells.declareState({ cellId, state: "shipping" });
    await concord.cells.declareState({ cellId: other, state: "elsewhere" });

    const feed = await concord.cells.getActivity({ cellId });
    expect(
      feed.map((e) => (e.kind === "state" ? `${e.member}:${e.state}` : `${e.member}:${e.intent}@${e.at}`)),
    ).toEqual([`${alice}:shipping`, `${alice}:ship@${at}`, `${founder}:planning`]);
    const block = await chain.publicClient.getBlock({ blockNumber: feed[0]!.blockNumber });
    expect(feed[0]!.timestamp).toBe(block.timestamp);
    expect(feed[0]!.transactionHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect((await concord.cells.getActivity({ cellId, member: founder })).map((e) => e.kind)).toEqual([
      "state",
    ]);
    expect(await concord.cells.getActivity({ cellId, limit: 1 })).toHaveLength(1);
    // The latest declared state agrees with stateOf.
    expect((await concord.cells.stateOf({ cellId, account: alice }))?.state).toBe("shipping");
  });

  it("a client whose RPC limits log ranges (maxBlockRange) rebuilds the same views", async () => {
    const { concord, address, startBlock } = await chain.deploy();
    const { cellId } = await concord.cells.createCell({ name: "Core" });
    await concord.cells.addMember({ cellId, account: alice });
    await concord.cells.createCell({ parentId: cellId, name: "Child" });
    const chunked = createConcordClient({
      publicClient: chain.publicClient,
      addresses: { cellRegistry: address },
      startBlock,
      maxBlockRange: 1n,
    });
    expect(await chunked.cells.listCells()).toEqual(await concord.cells.listCells());
    expect(await chunked.cells.getMembers({ cellId })).toEqual(await concord.cells.getMembers({ cellId }));
  });
});

describe("getCells batching", () => {
  it("reads 40 cells in ONE eth_call through Multicall3 (two deployless) plus one eth_getLogs", async () => {
    const { concord, address, startBlock } = await chain.deploy();
    const ids: bigint[] = [];
    for (let i = 0; i < 40; i++) ids.push((await concord.cells.createCell({ name: `Cell ${i}` })).cellId);

    // Without Multicall3 on the chain: the deployless form, in batches of 20 calls (readBatchLimits).
    const deployless = await chain.countingPublicClient();
    await createConcordClient({
      publicClient: deployless.client,
      addresses: { cellRegistry: address },
      startBlock,
    }).cells.getCells({ cellIds: ids });
    expect(deployless.methods.filter((m) => m === "eth_call")).toHaveLength(2);

    const { client, methods } = await chain.countingPublicClient({ multicall3: true });
    const counted = createConcordClient({
      publicClient: client,
      addresses: { cellRegistry: address },
      startBlock,
    });
    methods.length = 0;
    const cells = await counted.cells.getCells({ cellIds: ids });
    expect(methods.filter((m) => m === "eth_call")).toHaveLength(1);
    expect(methods.filter((m) => m === "eth_getLogs")).toHaveLength(1);
    expect(cells.map((c) => c.name)).toEqual(ids.map((_, i) => `Cell ${i}`));
    // Same result as one getCell each.
    expect(cells[7]).toEqual(await getCell(concord, { cellId: ids[7]! }));
    expect(await counted.cells.getCells({ cellIds: [] })).toEqual([]);
  });

  it("a missing cell in the batch is a decoded refusal", async () => {
    const { concord } = await chain.deploy();
    await concord.cells.createCell({ name: "One" });
    await expect(concord.cells.getCells({ cellIds: [1n, 42n] })).rejects.toMatchObject({
      name: "ContractRefusalError",
      errorName: "CellNonexistent",
      namedArgs: { cellId: 42n },
    });
  });
});

describe("decision owners", () => {
  it("decisionPath shows the escalation and agrees with decisionOwner", async () => {
    const { concord } = await chain.deploy();
    const { cellId: root } = await concord.cells.createCell({ name: "Root" });
    const { cellId: mid } = await concord.cells.createCell({ parentId: root, name: "Mid" });
    const { cellId: leaf } = await concord.cells.createCell({ parentId: mid, name: "Leaf" });

    // Nobody: the whole path is walked.
    const none = await concord.cells.decisionPath({ cellId: leaf, topic: "treasury" });
    expect(none).toEqual({
      topic: topicId("treasury"),
      owner: null,
      definedAt: null,
      path: [
        { cellId: leaf, localOwner: null },
        { cellId: mid, localOwner: null },
        { cellId: root, localOwner: null },
      ],
    });

    await concord.cells.setDecisionOwner({ cellId: root, topic: "treasury", owner: alice });
    const fromRoot = await concord.cells.decisionPath({ cellId: leaf, topic: "treasury" });
    expect(fromRoot.owner).toBe(alice);
    expect(fromRoot.definedAt).toBe(root);
    expect(fromRoot.path.map((s) => s.cellId)).toEqual([leaf, mid, root]);
    expect(await concord.cells.decisionOwner({ cellId: leaf, topic: "treasury" })).toEqual({
      owner: alice,
      definedAt: root,
    });

    // A closer owner wins; other topics are independent.
    await concord.cells.setDecisionOwner({ cellId: mid, topic: "treasury", owner: bob });
    const fromMid = await concord.cells.decisionPath({ cellId: leaf, topic: "treasury" });
    expect(fromMid).toMatchObject({ owner: bob, definedAt: mid });
    expect(fromMid.path).toEqual([
      { cellId: leaf, localOwner: null },
      { cellId: mid, localOwner: bob },
    ]);
    expect(await concord.cells.decisionOwner({ cellId: root, topic: "treasury" })).toEqual({
      owner: alice,
      definedAt: root,
    });
    expect((await concord.cells.decisionPath({ cellId: leaf, topic: "hiring" })).owner).toBeNull();

    // Clearing the middle one falls back to the root.
    await concord.cells.setDecisionOwner({ cellId: mid, topic: "treasury", owner: null });
    expect(await concord.cells.decisionOwner({ cellId: leaf, topic: "treasury" })).toEqual({
      owner: alice,
      definedAt: root,
    });
  });
});

describe("scale", () => {
  it("changes with the member count: 9 members added in one addMembers batch, then back under the limit", async () => {
    const { concord } = await chain.deploy();
    const { cellId } = await concord.cells.createCell({ name: "Growing" });
    expect(await concord.cells.scaleOf({ cellId })).toBe(Scale.COLLABORATION);

    // 9 members in ONE transaction (one steward among them): 10 members, coordination scale.
    const newcomers = chain.accounts.slice(1, 10);
    const { members, receipt } = await concord.cells.addMembers({
      cellId,
      members: newcomers.map((account, i) =>
        i === 0 ? { account, roles: ["member", "steward"] as const } : account,
      ),
    });
    expect(members.map((m) => m.account)).toEqual(newcomers);
    expect(members[0]).toMatchObject({ previousRoles: 0, roles: 3 });
    expect(members.slice(1).every((m) => m.roles === Roles.MEMBER)).toBe(true);
    expect(receipt.logs).toHaveLength(9);
    const block = await chain.publicClient.getBlock({ blockNumber: receipt.blockNumber });
    expect(block.transactions).toHaveLength(1);

    const cell = await concord.cells.getCell({ cellId });
    expect(cell).toMatchObject({
      memberCount: 10,
      stewardCount: 2,
      scale: Scale.COORDINATION,
      scaleName: "coordination",
    });
    expect(await concord.cells.scaleOf({ cellId })).toBe(Scale.COORDINATION);
    expect((await concord.cells.getMembers({ cellId })).items.map((m) => getAddress(m.account))).toEqual(
      chain.accounts.slice(0, 10),
    );

    // Back to 8 members: collaboration again (the limit is inclusive).
    await concord.cells.removeMember({ cellId, account: newcomers[8]! });
    expect(await concord.cells.scaleOf({ cellId })).toBe(Scale.COORDINATION);
    await concord.cells.removeMember({ cellId, account: newcomers[7]! });
    expect(await concord.cells.scaleOf({ cellId })).toBe(Scale.COLLABORATION);
  });
});
