/**
 * Governance through the SDK, both flows from start to execution: an operational proposal (operational
 * vote → veto window → executed) and a constitutional one (community vote → carried → operational vote →
 * timelock → executed), with `getProposal` checked at every stage.
 */
import { encodeFunctionData } from "viem";
import { beforeAll, describe, expect, it } from "vitest";

import { ContractRefusalError, InvalidInputError, concordMembershipAbi } from "../../sdk/index.ts";
import { rejection } from "./fixture.ts";
import {
  DAO_TEST_SETTINGS,
  createCellCall,
  createGovernanceChain,
  recogniseCall,
} from "./governance.fixture.ts";
import type { GovernanceChain } from "./governance.fixture.ts";

let chain: GovernanceChain;
beforeAll(async () => {
  chain = await createGovernanceChain();
});

const { votingDelay, votingPeriod, operationalDelay, constitutionalDelay } = DAO_TEST_SETTINGS;

describe("operational flow", () => {
  it("operational vote → veto window → executable → executed, with getProposal at each stage", async () => {
    const dao = await chain.deploy();
    const bob = dao.as(1);
    const call = createCellCall(dao.addresses.cellRegistry, "Grants");

    const preview = await bob.governance.classifyProposal({
      calls: [call],
      description: "Create a Grants cell",
    });
    expect(preview.kind).toBe("operational");
    expect(preview.house).toBe("operational");
    expect(preview.calls[0]!.description).toBe('create a top-level cell "Grants"');

    const { proposalId, kind, house } = await bob.governance.proposeGovernance({
      calls: [call],
      description: "Create a Grants cell",
    });
    // S7: the SDK proposes with the `#proposer=<address>` suffix, so the id is that of the suffixed description.
    const suffixed = await bob.governance.classifyProposal({
      calls: [call],
      description: `Create a Grants cell#proposer=${chain.accounts[1]!}`,
    });
    expect([kind, house, proposalId]).toEqual(["operational", "operational", suffixed.proposalId]);
    expect(proposalId).not.toBe(preview.proposalId);

    let proposal = await bob.governance.getProposal({ proposalId });
    expect(proposal.kind).toBe("operational");
    expect(proposal.stage).toBe("operationalVote");
    expect(proposal.operational!.state).toBe("pending");
    expect(proposal.community).toBeNull();
    expect(proposal.title).toBe("Create a Grants cell");
    expect(proposal.calls).toEqual([{ target: call.target, value: 0n, data: call.data }]);
    expect(proposal.actions.vote.allowed).toBe(false);
    expect(proposal.actions.vote.reason).toMatch(/^Voting opens after /);
    expect(proposal.actions.cancel.allowed).toBe(true); // the proposer, before voting opens
    expect(await bob.governance.houseState({ proposalId, house: "operational" })).toBe("pending");
    expect(await bob.governance.houseState({ proposalId, house: "community" })).toBeNull();

    await chain.advance(votingDelay + 1);
    proposal = await bob.governance.getProposal({ proposalId });
    expect(proposal.operational!.state).toBe("active");
    expect(proposal.actions.vote).toEqual({ allowed: true, house: "operational", reason: null });
    expect(proposal.accountView!.operationalSeats).toBe(1n);
    expect(proposal.operational!.quorum).toBe(2n);
    // Erin is a member without a seat: she cannot vote in the operational house.
    const erinView = await bob.governance.getProposal({ proposalId, account: chain.accounts[4]! });
    expect(erinView.actions.vote.allowed).toBe(false);
    expect(erinView.actions.vote.reason).toMatch(/held no seat at the snapshot/);

    const { votes } = await bob.governance.castGovernanceVote({
      proposalId,
      support: "for",
      reason: "Grants need a home",
    });
    expect(votes).toEqual([
      {
        house: "operational",
        proposalId,
        voter: chain.accounts[1],
        support: "for",
        weight: 1n,
        reason: "Grants need a home",
        override: false,
      },
    ]);
    await dao.as(2).governance.castGovernanceVote({ proposalId, support: "for" });
    await dao.as(3).governance.castGovernanceVote({ proposalId, support: "against" });
    proposal = await bob.governance.getProposal({ proposalId });
    expect([proposal.operational!.forVotes, proposal.operational!.againstVotes]).toEqual([2n, 1n]);
    expect(proposal.operational!.quorumReached).toBe(true);
    expect(proposal.actions.vote.reason).toMatch(/already voted/);

    await chain.advance(votingPeriod);
    proposal = await bob.governance.getProposal({ proposalId });
    expect(proposal.stage).toBe("awaitingQueue");
    expect(proposal.actions.queue.allowed).toBe(true);

    const { eta } = await dao.as(6).governance.queueProposal({ proposalId });
    proposal = await bob.governance.getProposal({ proposalId });
    expect(proposal.stage).toBe("vetoWindow");
    expect(proposal.eta).toBe(eta);
    expect(eta - proposal.now).toBe(operationalDelay);
    expect(proposal.veto).toMatchObject({ votes: 0n, threshold: 2n, vetoed: false, windowEndsAt: eta });
    expect(proposal.actions.execute.allowed).toBe(false);
    expect(proposal.actions.execute.reason).toMatch(/executable from/);
    const erinVeto = await bob.governance.getProposal({ proposalId, account: chain.accounts[4]! });
    expect(erinVeto.actions.veto).toEqual({ allowed: true, house: "community", reason: null });

    await chain.advance(operationalDelay);
    proposal = await bob.governance.getProposal({ proposalId });
    expect(proposal.stage).toBe("executable");
    const cellsBefore = await dao.readOnly.cells.cellCount();
    await dao.as(6).governance.executeProposal({ proposalId });
    proposal = await bob.governance.getProposal({ proposalId });
    expect(proposal.stage).toBe("executed");
    expect(await dao.readOnly.cells.cellCount()).toBe(cellsBefore + 1n);

    const listed = await dao.readOnly.governance.listProposals({ stage: "executed" });
    expect(listed.items.map((p) => p.id)).toEqual([proposalId]);
    expect(await dao.readOnly.governance.listProposals({ kind: "constitutional" })).toEqual({
      items: [],
      next: null,
    });
  });
});

describe("constitutional flow", () => {
  it("community vote → carried → operational vote → timelock → executed: a new cell recognised, a member admitted", async () => {
    const dao = await chain.deploy();
    const erin = dao.as(4);
    const newcomer = chain.accounts[7]!;
    // Create an unrecognised cell first (anyone can create a top-level cell).
    const { cellId } = await dao.as(7).cells.createCell({ name: "Education" });
    const calls = [
      recogniseCall(dao.addresses.cellRegistry, cellId),
      {
        target: dao.addresses.votesToken,
        data: encodeFunctionData({ abi: concordMembershipAbi, functionName: "mint", args: [newcomer] }),
      },
    ];
    const preview = await erin.governance.classifyProposal({ calls, description: "Recognise Education" });
    expect(preview.kind).toBe("constitutional");
    expect(preview.house).toBe("community");
    expect(preview.firstConstitutionalIndex).toBe(0);
    expect(preview.calls.map((c) => [c.reason, c.description])).toEqual([
      ["listedSelector", `recognise cell ${cellId}`],
      ["listedTarget", `mint a membership to ${newcomer.slice(0, 6)}…${newcomer.slice(-4)}`],
    ]);
    expect(preview.explanation).toMatch(
      /^Call 1 \(recognise cell \d+\) is constitutional: this function is on the constitutional list/,
    );

    const { proposalId, house } = await erin.governance.proposeGovernance({
      calls,
      description: "Recognise Education",
    });
    expect(house).toBe("community");
    let proposal = await erin.governance.getProposal({ proposalId });
    expect([proposal.kind, proposal.stage]).toEqual(["constitutional", "communityVote"]);
    expect(proposal.operational).toBeNull();

    await chain.advance(votingDelay + 1);
    for (const i of [1, 2, 4]) await dao.as(i).governance.castGovernanceVote({ proposalId, support: "for" });
    await dao.as(5).governance.castGovernanceVote({ proposalId, support: "abstain" });
    proposal = await erin.governance.getProposal({ proposalId });
    expect(proposal.community).toMatchObject({
      forVotes: 3n,
      abstainVotes: 1n,
      quorum: 2n,
      quorumReached: true,
    });

    await chain.advance(votingPeriod + DAO_TEST_SETTINGS.lateQuorumExtension);
    proposal = await erin.governance.getProposal({ proposalId });
    expect(proposal.stage).toBe("awaitingOperational");
    expect(proposal.actions.carry.allowed).toBe(true);
    expect(proposal.actions.queue.allowed).toBe(false);

    // Anyone carries it (no seat needed), under the same id.
    const carried = await dao.as(6).governance.carryProposal({ proposalId });
    expect(carried.proposalId).toBe(proposalId);
    proposal = await erin.governance.getProposal({ proposalId });
    expect(proposal.stage).toBe("operationalVote");
    expect(proposal.community!.state).toBe("succeeded");

    await chain.advance(votingDelay + 1);
    for (const i of [1, 2]) await dao.as(i).governance.castGovernanceVote({ proposalId, support: "for" });
    await chain.advance(votingPeriod);
    const { eta } = await erin.governance.queueProposal({ proposalId });
    proposal = await erin.governance.getProposal({ proposalId });
    expect(proposal.stage).toBe("timelock");
    expect(eta - proposal.now).toBe(constitutionalDelay);
    expect(proposal.actions.veto.allowed).toBe(false);

    await chain.advance(constitutionalDelay);
    await erin.governance.executeProposal({ proposalId });
    proposal = await erin.governance.getProposal({ proposalId });
    expect(proposal.stage).toBe("executed");
    expect(await dao.readOnly.cells.getCell({ cellId })).toMatchObject({ recognised: true });
    expect((await dao.readOnly.governance.getVotingPower({ account: newcomer })).member).toBe(true);
  });
});

describe("the catalogue of governance actions", () => {
  it("encodes each action as a call that classifies and reads as expected", async () => {
    const dao = await chain.deploy();
    const g = dao.readOnly.governance;
    const erin = chain.accounts[4]!;
    const short = `${erin.slice(0, 6)}…${erin.slice(-4)}`;
    const cases = [
      [{ action: "recogniseCell", cellId: 2n }, "constitutional", 'recognise cell 2 "Research"'],
      [
        { action: "recogniseCell", cellId: 2n, recognised: false },
        "constitutional",
        'stop recognising cell 2 "Research"',
      ],
      [{ action: "admitMember", account: erin }, "constitutional", `mint a membership to ${short}`],
      [{ action: "removeMember", account: erin }, "constitutional", `burn the membership of ${short}`],
      [{ action: "pay", to: erin, value: 10n ** 18n }, "operational", `send 1 ETH to ${short}`],
      [{ action: "revokeLease", resourceId: 3n }, "operational", "revoke the lease on resource 3"],
      [{ action: "setVetoThreshold", bps: 2_500n }, "constitutional", "set the veto threshold to 25%"],
      [
        { action: "setQuorumFloor", house: "community", floor: 4n },
        "constitutional",
        "set the community house's quorum floor to 4 votes",
      ],
      [
        { action: "setQuorumPercent", house: "operational", percent: 60n },
        "constitutional",
        "set the operational house's quorum to 60%",
      ],
      [
        { action: "setVotingDelay", house: "operational", seconds: 3_600n },
        "constitutional",
        "set the operational house's voting delay to 1 hour",
      ],
      [
        { action: "setVotingPeriod", house: "community", seconds: 86_400n * 7n },
        "constitutional",
        "set the community house's voting period to 7 days",
      ],
      [
        { action: "setConstitutionalDelay", seconds: 86_400n },
        "constitutional",
        "set the constitutional delay to 1 day",
      ],
      [
        { action: "setGuardian", house: "community", guardian: null },
        "constitutional",
        "remove the community house's guardian",
      ],
    ] as const;
    const names = new Map([[2n, "Research"]]);
    for (const [action, kind, words] of cases) {
      const call = await g.buildProposalCall(action);
      expect(g.describeCall(call, { cellName: (id) => names.get(id) }), action.action).toBe(words);
      expect(await g.kindOf({ calls: [call] }), action.action).toBe(kind);
    }
    const raw = { target: chain.accounts[9]!, data: "0x12345678abcd" as const };
    expect(g.describeCall(raw)).toBe(
      `call 0x12345678 on ${chain.accounts[9]!.slice(0, 6)}…${chain.accounts[9]!.slice(-4)}`,
    );
    await expect(
      g.buildProposalCall({ action: "setQuorumFloor", house: "senate" as "community", floor: 1n }),
    ).rejects.toThrow('Invalid house: expected "operational" or "community".');
  });
});

describe("refusals before and around votes", () => {
  it("voting before the vote opens is refused in words; the proposer cancels its pending proposal", async () => {
    const dao = await chain.deploy();
    const bob = dao.as(1);
    const { proposalId } = await bob.governance.proposeGovernance({
      calls: [createCellCall(dao.addresses.cellRegistry, "Early")],
      description: "Create Early",
    });
    const early = await rejection(bob.governance.castGovernanceVote({ proposalId, support: "for" }));
    expect(early).toBeInstanceOf(ContractRefusalError);
    expect((early as ContractRefusalError).errorName).toBe("GovernorUnexpectedProposalState");
    expect((early as ContractRefusalError).shortMessage).toMatch(
      /^Proposal \d+…\d{4} is pending; this needs it to be active\.$/,
    );
    const notProposer = await rejection(dao.as(2).governance.cancelProposal({ proposalId }));
    expect((notProposer as ContractRefusalError).errorName).toBe("GovernorUnableToCancel");

    const { house } = await bob.governance.cancelProposal({ proposalId });
    expect(house).toBe("operational");
    const proposal = await bob.governance.getProposal({ proposalId });
    expect(proposal.stage).toBe("canceled");
    expect(proposal.actions.cancel.allowed).toBe(false);
    expect((await dao.readOnly.governance.listProposals({ stage: "canceled" })).items).toHaveLength(1);

    const badSupport = await rejection(
      bob.governance.castGovernanceVote({ proposalId, support: "maybe" as "for" }),
    );
    expect(badSupport).toBeInstanceOf(InvalidInputError);
    const unknown = await rejection(bob.governance.getProposal({ proposalId: 42n }));
    expect((unknown as InvalidInputError).shortMessage).toBe(
      "Invalid proposalId: no house has a proposal with id 42.",
    );
    const noCalls = await rejection(bob.governance.proposeGovernance({ calls: [], description: "Nothing" }));
    expect((noCalls as InvalidInputError).shortMessage).toBe(
      "Invalid calls: a proposal needs at least one call.",
    );
  });
});
