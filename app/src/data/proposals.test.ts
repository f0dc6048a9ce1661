/**
 * The dashboard's proposals on Hardhat's in-process chain: the houses' events fold into the SDK `getDashboard`'s
 * one `eth_getLogs` and their states into its one `eth_call`, and the stages and next actions
 * computed from them agree with the SDK's `getProposal` at every step of both flows.
 */
import { beforeAll, describe, expect, it } from "vitest";

import { getProposal, listProposals } from "../../../sdk/index.ts";
import {
  createCellCall,
  createGovernanceChain,
  recogniseCall,
} from "../../../test/sdk/governance.fixture.ts";
import type { GovernanceChain, GovernanceDeployment } from "../../../test/sdk/governance.fixture.ts";
import { createConcordClient, getDashboard } from "../../../sdk/index.ts";
import { proposalRows } from "./proposals.ts";

let chain: GovernanceChain;
let dao: GovernanceDeployment;

beforeAll(async () => {
  chain = await createGovernanceChain();
  dao = await chain.deploy();
});

async function dashboard(account: `0x${string}` | null) {
  // The chain has Multicall3, as the local chain of `npm start` and every public chain do.
  const { client, methods } = await chain.countingPublicClient({ multicall3: true });
  const concord = createConcordClient({
    publicClient: client,
    addresses: dao.addresses,
    startBlock: dao.startBlock,
  });
  const { events, state } = await getDashboard(concord, { account, directory: false });
  const now = (await chain.publicClient.getBlock()).timestamp;
  return { methods, events, state, rows: proposalRows(events, state, now, account !== null), now };
}

/** The SDK's view of every proposal for `account`, by id. */
async function sdkView(account: `0x${string}`) {
  const { items: proposals, next } = await listProposals(dao.readOnly, { account, limit: 500 });
  expect(next).toBeNull();
  return new Map(proposals.map((proposal) => [proposal.id, proposal]));
}

async function expectSameAsSdk(account: `0x${string}`) {
  const { rows, methods } = await dashboard(account);
  expect(methods).toEqual(["eth_getLogs", "eth_call"]);
  const sdk = await sdkView(account);
  expect(rows.map((row) => row.id)).toEqual([...sdk.keys()]);
  for (const row of rows) {
    const proposal = sdk.get(row.id)!;
    expect([row.id, row.stage, row.kind, row.title]).toEqual([
      proposal.id,
      proposal.stage,
      proposal.kind,
      proposal.title,
    ]);
    const a = proposal.actions;
    const expected = [
      ...(a.vote.allowed ? ["vote"] : []),
      ...(a.veto.allowed ? ["veto"] : []),
      ...(a.carry.allowed ? ["carry"] : []),
      ...(a.queue.allowed ? ["queue"] : []),
      ...(a.execute.allowed ? ["execute"] : []),
    ];
    expect(row.actions, `${proposal.title} (${proposal.stage})`).toEqual(expected);
  }
  return rows;
}

describe("the dashboard's proposals", () => {
  it("follows an operational and a constitutional proposal through every stage in 2 requests", async () => {
    const bob = dao.as(1); // Infra's delegate (a seat) and a member
    const [, bobAddress, carolAddress, daveAddress, erinAddress] = chain.accounts as `0x${string}`[];
    const { proposalId: operational } = await bob.governance.proposeGovernance({
      calls: [createCellCall(dao.addresses.cellRegistry, "Ops")],
      description: "# Create Ops\n\nA cell for the on-call rota",
    });
    const { proposalId: constitutional } = await bob.governance.proposeGovernance({
      calls: [recogniseCall(dao.addresses.cellRegistry, 3n, false)],
      description: "Stop recognising Community",
    });

    // Before the snapshots: past-timepoint reads would revert; the call still succeeds.
    let rows = await expectSameAsSdk(bobAddress!);
    expect(rows.map((row) => [row.title, row.kind, row.stage])).toEqual([
      ["Stop recognising Community", "constitutional", "communityVote"],
      ["Create Ops", "operational", "operationalVote"],
    ]);
    expect(rows.every((row) => row.actions.length === 0)).toBe(true);

    await chain.advance(61);
    rows = await expectSameAsSdk(bobAddress!);
    expect(rows.map((row) => row.actions)).toEqual([["vote"], ["vote"]]);
    // Erin has a membership but no seat: she votes in the community house only.
    rows = await expectSameAsSdk(erinAddress!);
    expect(rows.map((row) => row.actions)).toEqual([["vote"], []]);

    for (const i of [1, 2, 3])
      await dao.as(i).governance.castGovernanceVote({ proposalId: operational, support: "for" });
    for (const i of [1, 2, 3, 4])
      await dao.as(i).governance.castGovernanceVote({ proposalId: constitutional, support: "for" });
    rows = await expectSameAsSdk(bobAddress!);
    expect(rows.map((row) => row.actions)).toEqual([[], []]);

    await chain.advance(601 + 120);
    rows = await expectSameAsSdk(carolAddress!);
    expect(rows.map((row) => [row.stage, row.actions])).toEqual([
      ["awaitingOperational", ["carry"]],
      ["awaitingQueue", ["queue"]],
    ]);

    await bob.governance.queueProposal({ proposalId: operational });
    await bob.governance.carryProposal({ proposalId: constitutional });
    rows = await expectSameAsSdk(erinAddress!);
    expect(rows.map((row) => [row.stage, row.actions])).toEqual([
      ["operationalVote", []],
      ["vetoWindow", ["veto"]],
    ]);
    const { state } = await dashboard(erinAddress!);
    expect(state.proposals.get(operational)?.veto).toMatchObject({ votes: 0n, vetoed: false, power: 1n });

    await dao.as(4).governance.vetoProposal({ proposalId: operational });
    rows = await expectSameAsSdk(erinAddress!);
    expect(rows[1]!.actions).toEqual([]);
    rows = await expectSameAsSdk(daveAddress!);
    expect(rows[1]!.actions).toEqual(["veto"]);

    await chain.advance(301);
    rows = await expectSameAsSdk(daveAddress!);
    expect(rows.map((row) => row.stage)).toEqual(["operationalVote", "executable"]);
    await bob.governance.executeProposal({ proposalId: operational });
    rows = await expectSameAsSdk(daveAddress!);
    expect(rows[1]!.stage).toBe("executed");
    expect((await getProposal(dao.readOnly, { proposalId: operational })).stage).toBe("executed");

    // Without an account: no position is read, nothing to act on.
    const anonymous = await dashboard(null);
    expect(anonymous.methods).toEqual(["eth_getLogs", "eth_call"]);
    expect(anonymous.rows.map((row) => row.actions)).toEqual([[], []]);
  });
});
