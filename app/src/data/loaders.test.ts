/**
 * The dashboard's batched reads, on Hardhat's in-process chain: one `eth_getLogs` and one `eth_call`
 * for every cell and the viewer's standing, whatever the number of cells.
 */
import { beforeAll, describe, expect, it } from "vitest";

import { createConcordClient, Roles, topicId } from "../../../sdk/index.ts";
import { createTestChain } from "../../../test/sdk/fixture.ts";
import type { Deployed, TestChain } from "../../../test/sdk/fixture.ts";
import { loadDaoEvents, loadDecisionOwners, loadDirectory } from "./loaders.ts";

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
  const { client, methods } = await chain.countingPublicClient();
  const concord = createConcordClient({
    publicClient: client,
    addresses: { cellRegistry: d.address },
    startBlock: d.startBlock,
  });
  return { concord, methods };
}

describe("app loaders", () => {
  it("reads every cell and the viewer's standing in 2 requests", async () => {
    const { concord, methods } = await counted();
    const bob = chain.accounts[1]!;
    const directory = await loadDirectory(concord, bob);
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

    const carol = await loadDirectory(concord, chain.accounts[2]!);
    expect(carol.standing?.get(2n)?.joinRequestedAt).toBeGreaterThan(0n);
    const anonymous = await loadDirectory(concord, null);
    expect(anonymous.standing).toBeNull();
  });

  it("reads join requests, states and intents in 1 request, and decision owners in 1", async () => {
    const { concord, methods } = await counted();
    const events = await loadDaoEvents(concord);
    expect(events.pendingJoins.map((p) => [p.cellId, p.account])).toEqual([[2n, chain.accounts[2]]]);
    expect(events.states.map((s) => s.state)).toEqual(["second"]);
    expect(events.intents.map((i) => i.intent)).toEqual(["deploy"]);

    const owners = await loadDecisionOwners(concord, [2n, 1n]);
    expect(owners.map((o) => [o.cellId, o.topic, o.owner])).toEqual([
      [1n, topicId("treasury"), chain.accounts[0]],
      [2n, topicId("budget"), chain.accounts[1]],
    ]);
    expect(methods).toEqual(["eth_getLogs", "eth_getLogs"]);
    expect(await loadDecisionOwners(concord, [])).toEqual([]);
  });
});
