/**
 * The SDK's cell page (`getCellPage`) on the direct path, on Hardhat's in-process chain: the SDK's reads at one
 * pinned block and ONE scan of the decision owners of the cell and its ancestors, with counted requests. (The
 * indexer path, and both paths compared: test/indexer/app-dashboard.test.ts.)
 */
import { beforeAll, describe, expect, expectTypeOf, it } from "vitest";

import {
  CELL_PAGE_ACTIVITY,
  CELL_PAGE_OWNERS,
  ContractRefusalError,
  InvalidInputError,
  Roles,
  createConcordClient,
  getCellPage,
  topicId,
} from "../../sdk/index.ts";
import type { CellPage, ConcordError, GetCellPageErrorType, GetCellPageReturnType } from "../../sdk/index.ts";
import { scanDecisionOwners } from "../../sdk/cellPage/actions.ts";
import { createTestChain } from "./fixture.ts";
import type { Deployed, TestChain } from "./fixture.ts";

let chain: TestChain;
let d: Deployed;
/** The block before the owner of "deployments" on Infra was unset. */
let beforeUnset: bigint;

beforeAll(async () => {
  chain = await createTestChain();
  d = await chain.deploy();
  const [alice, bob, carol] = chain.accounts as [`0x${string}`, `0x${string}`, `0x${string}`];
  const { cellId: dao } = await d.as(0).cells.createCell({ name: "DAO", nucleus: "purpose" });
  const { cellId: infra } = await d.as(0).cells.createCell({ parentId: dao, name: "Infra" });
  await d.as(0).cells.createCell({ parentId: infra, name: "Nodes" });
  await d.as(0).cells.createCell({ name: "Elsewhere" });
  await d.as(0).cells.addMember({ cellId: infra, account: bob, roles: Roles.MEMBER | Roles.STEWARD });
  await d.as(0).cells.addMember({ cellId: infra, account: chain.accounts[3]!, roles: Roles.MEMBER });
  await d.as(2).cells.requestToJoin({ cellId: infra });
  await d.as(1).cells.declareState({ cellId: infra, state: "first" });
  await d.as(1).cells.declareState({ cellId: infra, state: "second" });
  await d.as(1).cells.signalIntent({ cellId: infra, intent: "deploy", at: (await chain.now()) + 3600n });
  await d.as(0).cells.setDecisionOwner({ cellId: dao, topic: "treasury", owner: alice });
  await d.as(0).cells.setDecisionOwner({ cellId: infra, topic: "deployments", owner: carol });
  beforeUnset = await chain.publicClient.getBlockNumber();
  await d.as(0).cells.setDecisionOwner({ cellId: infra, topic: "deployments", owner: null });
  await d.as(0).cells.setDecisionOwner({ cellId: infra, topic: "budget", owner: bob });
  // Another tree's owner: never on Infra's page.
  await d.as(0).cells.setDecisionOwner({ cellId: 4n, topic: "treasury", owner: carol });
});

async function counted() {
  const { client, methods } = await chain.countingPublicClient({ multicall3: true });
  const concord = createConcordClient({
    publicClient: client,
    addresses: { cellRegistry: d.address },
    startBlock: d.startBlock,
  });
  const count = () =>
    Object.fromEntries([...new Set(methods)].sort().map((m) => [m, methods.filter((n) => n === m).length]));
  return { concord, methods, count };
}

describe("getCellPage (direct path)", () => {
  it("exports its types as every action does", () => {
    expectTypeOf<GetCellPageReturnType>().toEqualTypeOf<CellPage>();
    expectTypeOf<GetCellPageErrorType>().toEqualTypeOf<ConcordError>();
  });

  it("reads a cell's page at one block: details, members, join requests, activity, its and its parent's owners", async () => {
    const { concord, count } = await counted();
    const [alice, bob, carol] = chain.accounts as [`0x${string}`, `0x${string}`, `0x${string}`];
    const page = await getCellPage(concord, { cellId: 2n });
    // One block number; getCell's eth_call; one eth_getLogs each for the cell's metadata, members, join
    // requests, activity and decision owners; one block per members' block (`since`: this node's logs carry no
    // timestamp; bob and dave joined in 2 blocks). Infra is at depth 2: its parent is the cell's, no parentOf.
    expect(count()).toEqual({ eth_blockNumber: 1, eth_call: 1, eth_getBlockByNumber: 2, eth_getLogs: 5 });
    expect(page.cellId).toBe(2n);
    expect(page.details).toMatchObject({ creator: alice, nucleusURI: "", nucleusHash: null });
    expect(page.details.createdAt).toBeGreaterThan(0n);
    expect(page.members.items.map((m) => [m.account, m.roleNames])).toContainEqual([
      bob,
      ["member", "steward"],
    ]);
    expect(page.members.next).toBeNull();
    expect(page.joinRequests.items.map((r) => r.account)).toEqual([carol]);
    expect(page.activity.map((a) => (a.kind === "state" ? a.state : a.intent))).toEqual([
      "deploy",
      "second",
      "first",
    ]);
    // Set back to zero: gone. Another tree's: absent. By cell, then topic.
    expect(page.owners.map((o) => [o.cellId, o.topic, o.owner])).toEqual([
      [1n, topicId("treasury"), alice],
      [2n, topicId("budget"), bob],
    ]);
  });

  it("walks above the parent with one parentOf per ancestor, and reads the owners of the whole chain", async () => {
    const { concord, count } = await counted();
    const page = await getCellPage(concord, { cellId: 3n, activityLimit: 0 });
    // Nodes is at depth 3: one parentOf (Infra's parent); no activity scan with activityLimit 0.
    expect(count()).toEqual({ eth_blockNumber: 1, eth_call: 2, eth_getLogs: 4 });
    expect(page.activity).toEqual([]);
    expect(page.owners.map((o) => o.cellId)).toEqual([1n, 2n]);
    expect(page.members.items).toEqual([]);
    const top = await getCellPage(concord, { cellId: 1n });
    expect(top.owners.map((o) => [o.cellId, o.topic])).toEqual([[1n, topicId("treasury")]]);
  });

  it("pages members, bounds activity, and reads owners as of the pinned block", async () => {
    const { concord } = await counted();
    const small = await getCellPage(concord, { cellId: 2n, membersLimit: 1, activityLimit: 1 });
    expect(small.members.items.length).toBe(1);
    expect(small.members.next).toMatch(/^\d+:\d+$/);
    expect(small.activity.map((a) => a.kind)).toEqual(["intent"]);
    // The scan stops at `toBlock`: before the unset, carol owned "deployments" on Infra.
    const then = await scanDecisionOwners(concord, [2n], { toBlock: beforeUnset });
    expect(then.map((o) => [o.topic, o.owner])).toEqual([[topicId("deployments"), chain.accounts[2]]]);
    expect(await scanDecisionOwners(concord, [])).toEqual([]);
  });

  it("refuses bad input in words, and an unknown cell with the chain's refusal", async () => {
    const { concord, methods } = await counted();
    for (const [parameters, name, pattern] of [
      [{ cellId: 2n, membersLimit: 0 }, "membersLimit", /expected an integer from 1 to 500, got 0/],
      [{ cellId: 2n, membersLimit: 501 }, "membersLimit", /from 1 to 500, got 501/],
      [{ cellId: 2n, membersLimit: "50" }, "membersLimit", /from 1 to 500, got 50/],
      [{ cellId: 2n, activityLimit: CELL_PAGE_ACTIVITY + 1 }, "activityLimit", /from 0 to 30, got 31/],
      [{ cellId: 2n, activityLimit: -1 }, "activityLimit", /from 0 to 30, got -1/],
      [{ cellId: 2n, activityLimit: 1.5 }, "activityLimit", /from 0 to 30, got 1.5/],
      [{ cellId: -1n }, "cellId", /./],
      [{ cellId: 2n ** 256n }, "cellId", /./],
    ] as const) {
      const error = await getCellPage(concord, parameters as never).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).message).toMatch(pattern);
      expect((error as InvalidInputError).message).toContain(name);
    }
    // Bad input costs no request.
    expect(methods).toEqual([]);
    const refusal = await getCellPage(concord, { cellId: 99n }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ContractRefusalError);
    expect((refusal as ContractRefusalError).errorName).toBe("CellNonexistent");
  });

  it(`carries at most ${CELL_PAGE_OWNERS} decision owners, however many a steward sets`, async () => {
    const { cellId } = await d.as(0).cells.createCell({ name: "Noisy" });
    for (let i = 0; i <= CELL_PAGE_OWNERS; i++) {
      await d.as(0).cells.setDecisionOwner({ cellId, topic: `topic ${i}`, owner: chain.accounts[1]! });
    }
    const { concord } = await counted();
    const page = await getCellPage(concord, { cellId, activityLimit: 0 });
    expect(page.owners.length).toBe(CELL_PAGE_OWNERS);
    const topics = page.owners.map((o) => o.topic);
    expect(topics).toEqual([...topics].sort());
  }, 120_000);
});
