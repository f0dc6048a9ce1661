/**
 * The cell page's decision owners on Hardhat's in-process chain: one scan for the cell and its ancestors.
 */
import { beforeAll, describe, expect, it } from "vitest";

import { createConcordClient, topicId } from "../../../sdk/index.ts";
import { createTestChain } from "../../../test/sdk/fixture.ts";
import type { Deployed, TestChain } from "../../../test/sdk/fixture.ts";

import { loadDecisionOwners } from "./decisionOwners.ts";

let chain: TestChain;
let d: Deployed;

beforeAll(async () => {
  chain = await createTestChain();
  d = await chain.deploy();
  const [alice, bob, carol] = chain.accounts as [`0x${string}`, `0x${string}`, `0x${string}`];
  const { cellId: dao } = await d.as(0).cells.createCell({ name: "DAO", nucleus: "purpose" });
  const { cellId: infra } = await d.as(0).cells.createCell({ parentId: dao, name: "Infra" });
  await d.as(0).cells.setDecisionOwner({ cellId: dao, topic: "treasury", owner: alice });
  await d.as(0).cells.setDecisionOwner({ cellId: infra, topic: "deployments", owner: carol });
  await d.as(0).cells.setDecisionOwner({ cellId: infra, topic: "deployments", owner: null });
  await d.as(0).cells.setDecisionOwner({ cellId: infra, topic: "budget", owner: bob });
});

describe("loadDecisionOwners", () => {
  it("reads the owners set on a cell and its ancestors in 1 request (none set back to zero)", async () => {
    const { client, methods } = await chain.countingPublicClient({ multicall3: true });
    const concord = createConcordClient({
      publicClient: client,
      addresses: { cellRegistry: d.address },
      startBlock: d.startBlock,
    });
    const owners = await loadDecisionOwners(concord, [2n, 1n]);
    expect(owners.map((o) => [o.cellId, o.topic, o.owner])).toEqual([
      [1n, topicId("treasury"), chain.accounts[0]],
      [2n, topicId("budget"), chain.accounts[1]],
    ]);
    expect(methods).toEqual(["eth_getLogs"]);
    expect(await loadDecisionOwners(concord, [])).toEqual([]);
  });
});
