/**
 * Issue 10 through the SDK: findings 1 (seat capture), 2 (freeze) and 6 (proposal-id squatting) now fail to
 * do harm, and every refusal reads as a sentence.
 */
import { beforeAll, describe, expect, it } from "vitest";

import { ContractRefusalError, withProposerSuffix } from "../../sdk/index.ts";
import { rejection } from "./fixture.ts";
import {
  DAO_TEST_SETTINGS,
  ROLES,
  SEAT_DELAY,
  createCellCall,
  createGovernanceChain,
  recogniseCall,
} from "./governance.fixture.ts";
import type { GovernanceChain } from "./governance.fixture.ts";

let chain: GovernanceChain;
beforeAll(async () => {
  chain = await createGovernanceChain();
});

const { votingDelay, votingPeriod, constitutionalDelay, lateQuorumExtension } = DAO_TEST_SETTINGS;

function refusal(error: unknown): ContractRefusalError {
  expect(error).toBeInstanceOf(ContractRefusalError);
  return error as ContractRefusalError;
}

describe("finding 1: seat capture", () => {
  it("one seat per account, and a new seat counts only after the seat delay", async () => {
    const dao = await chain.deploy();
    const steward = dao.as(0); // the cells' own steward
    const bob = chain.accounts[1]!; // holds Infra's seat
    // Research's steward frees its seat (Carol steps down) and tries to give it to Bob.
    await steward.cells.setRoles({ cellId: 2n, account: chain.accounts[2]!, roles: ROLES.MEMBER });
    const error = refusal(
      await rejection(
        steward.cells.addMember({ cellId: 2n, account: bob, roles: ROLES.MEMBER | ROLES.DELEGATE }),
      ),
    );
    expect(error.errorName).toBe("CellAccountHoldsSeat");
    expect(error.shortMessage).toMatch(/already holds an operational seat: one seat per account/);

    await steward.cells.addMember({
      cellId: 2n,
      account: chain.accounts[7]!,
      roles: ROLES.MEMBER | ROLES.DELEGATE,
    });
    const power = await dao.readOnly.governance.getVotingPower({ account: chain.accounts[7]! });
    expect(power).toMatchObject({ seats: 1n, seatVotes: 0n });
    expect(power.seatCountsFrom).not.toBeNull();
    // A chain past the whole-scan bound (20,000 blocks a second apart: under the seat delay): the seat's
    // event is found in the window since the seat delay began, not by a scan from the deployment.
    await dao.readOnly.publicClient.request({ method: "hardhat_mine", params: ["0x4e20", "0x1"] } as never);
    const later = await dao.readOnly.governance.getVotingPower({ account: chain.accounts[7]! });
    expect(later).toMatchObject({ seats: 1n, seatVotes: 0n, seatCountsFrom: power.seatCountsFrom });
    await chain.advance(SEAT_DELAY + 1);
    expect((await dao.readOnly.governance.getVotingPower({ account: chain.accounts[7]! })).seatVotes).toBe(
      1n,
    );
  });
});

describe("finding 2: freeze (and finding 1's permanent veto)", () => {
  it("a community remedy withdraws cells against every seat; the one seat left still decides", async () => {
    const dao = await chain.deploy();
    const registry = dao.addresses.cellRegistry;
    const erin = dao.as(4);
    const { proposalId } = await erin.governance.proposeGovernance({
      calls: [recogniseCall(registry, 2n, false), recogniseCall(registry, 3n, false)],
      description: "Withdraw Research and Community",
    });
    await chain.advance(votingDelay + 1);
    for (const i of [1, 2, 3, 4])
      await dao.as(i).governance.castGovernanceVote({ proposalId, support: "for" });
    await chain.advance(votingPeriod + lateQuorumExtension);
    const approved = await dao.readOnly.governance.getProposal({ proposalId });
    expect(approved.deadline).toMatchObject({ kind: "carry" });
    expect(approved.deadline!.sentence).toMatch(/^must be carried to the operational house by /);
    await erin.governance.carryProposal({ proposalId });
    await chain.advance(votingDelay + 1);
    for (const i of [1, 2, 3])
      await dao.as(i).governance.castGovernanceVote({ proposalId, support: "against" });
    await chain.advance(votingPeriod);
    expect((await dao.readOnly.governance.getProposal({ proposalId })).deadline).toMatchObject({
      kind: "queue",
    });
    await erin.governance.queueProposal({ proposalId }); // a remedy: two thirds of the community, seats not needed
    const queued = await dao.readOnly.governance.getProposal({ proposalId });
    expect(queued.deadline!.sentence).toMatch(/^expires on .* unless executed$/);
    await chain.advance(constitutionalDelay);
    await erin.governance.executeProposal({ proposalId });

    // One held seat is left, under the floor of 2: the quorum is capped at the seats that exist.
    await chain.advance(SEAT_DELAY + 1);
    const bob = dao.as(1);
    const next = await bob.governance.proposeGovernance({
      calls: [createCellCall(registry, "Lab")],
      description: "Create Lab",
    });
    await chain.advance(votingDelay + 1);
    await bob.governance.castGovernanceVote({ proposalId: next.proposalId, support: "for" });
    await chain.advance(votingPeriod);
    expect((await dao.readOnly.governance.getProposal({ proposalId: next.proposalId })).stage).toBe(
      "awaitingQueue",
    );
  });
});

describe("finding 6: proposal-id squatting", () => {
  it("the SDK proposes with the proposer suffix; a squatter copying it is refused", async () => {
    const dao = await chain.deploy();
    const bob = chain.accounts[1]!;
    const calls = [createCellCall(dao.addresses.cellRegistry, "Grants")];
    const description = withProposerSuffix("Create Grants", bob);
    expect(description).toBe(`Create Grants#proposer=${bob}`);
    // Carol front-runs with Bob's calls and description: refused.
    const error = refusal(
      await rejection(dao.as(2).governance.proposeGovernance({ calls, description, proposerSuffix: false })),
    );
    expect(error.errorName).toBe("GovernorRestrictedProposer");
    const { proposalId } = await dao
      .as(1)
      .governance.proposeGovernance({ calls, description: "Create Grants" });
    expect((await dao.readOnly.governance.getProposal({ proposalId })).stage).toBe("operationalVote");
  });
});
