/**
 * Governance's defences through the SDK: the veto (reaching the threshold and falling short), a
 * constitutional call hidden in an operational proposal (previewed, refused), voting power from past
 * snapshots only (a flash-loan-style attempt), a target whose code changes before execution, the guardian
 * cancelling, and governance changing its own parameters through a constitutional proposal. Every refusal
 * is checked for its typed error and human message.
 */
import { encodeFunctionData } from "viem";
import type { Address } from "viem";
import { simulateContract } from "viem/actions";
import { beforeAll, describe, expect, it } from "vitest";

import {
  ContractRefusalError,
  InvalidInputError,
  TransactionRevertedError,
  cellRegistryAbi,
  communityHouseAbi,
  decodeConcordError,
  operationalHouseAbi,
} from "../../sdk/index.ts";
import type { ProposalCallInput } from "../../sdk/index.ts";
import { rejection } from "./fixture.ts";
import {
  DAO_TEST_SETTINGS,
  ROLES,
  createCellCall,
  createGovernanceChain,
  recogniseCall,
} from "./governance.fixture.ts";
import type { GovernanceChain, GovernanceDeployment } from "./governance.fixture.ts";

let chain: GovernanceChain;
beforeAll(async () => {
  chain = await createGovernanceChain();
});

const { votingDelay, votingPeriod, operationalDelay, constitutionalDelay, lateQuorumExtension } =
  DAO_TEST_SETTINGS;

function refusal(error: unknown): ContractRefusalError {
  const found =
    error instanceof ContractRefusalError
      ? error
      : error instanceof TransactionRevertedError
        ? error.refusal
        : undefined;
  if (!found) throw new Error(`expected a contract refusal, got ${String(error)}`);
  return found;
}

/** Proposes in the operational house and passes it with two seats; returns the id, queued (veto window). */
async function queuedOperational(dao: GovernanceDeployment, calls: ProposalCallInput[], description: string) {
  const { proposalId } = await dao.as(1).governance.proposeGovernance({ calls, description });
  await chain.advance(votingDelay + 1);
  await dao.as(1).governance.castGovernanceVote({ proposalId, support: "for" });
  await dao.as(2).governance.castGovernanceVote({ proposalId, support: "for" });
  await chain.advance(votingPeriod);
  await dao.as(1).governance.queueProposal({ proposalId });
  return proposalId;
}

/** Passes a constitutional proposal through both houses up to execution. */
async function passConstitutional(
  dao: GovernanceDeployment,
  calls: ProposalCallInput[],
  description: string,
) {
  const proposer = dao.as(4);
  const { proposalId, kind } = await proposer.governance.proposeGovernance({ calls, description });
  expect(kind).toBe("constitutional");
  await chain.advance(votingDelay + 1);
  for (const i of [1, 2, 3]) await dao.as(i).governance.castGovernanceVote({ proposalId, support: "for" });
  await chain.advance(votingPeriod + lateQuorumExtension);
  await proposer.governance.carryProposal({ proposalId });
  await chain.advance(votingDelay + 1);
  for (const i of [1, 2]) await dao.as(i).governance.castGovernanceVote({ proposalId, support: "for" });
  await chain.advance(votingPeriod);
  await proposer.governance.queueProposal({ proposalId });
  await chain.advance(constitutionalDelay);
  await proposer.governance.executeProposal({ proposalId });
  return proposalId;
}

describe("veto", () => {
  it("succeeds when veto votes reach the threshold: the proposal reads vetoed and cannot execute", async () => {
    const dao = await chain.deploy();
    const proposalId = await queuedOperational(
      dao,
      [createCellCall(dao.addresses.cellRegistry, "Marketing")],
      "Create Marketing",
    );
    const erin = dao.as(4);
    const first = await erin.governance.vetoProposal({ proposalId, reason: "No budget" });
    expect([first.weight, first.totalVeto, first.vetoed]).toEqual([1n, 1n, false]);

    const again = refusal(await rejection(erin.governance.vetoProposal({ proposalId })));
    expect(again.errorName).toBe("CommunityAlreadyVetoed");
    expect(again.shortMessage).toMatch(/^0x15d3…6A65 has already vetoed proposal \d+…\d{4}\.$/);

    const outsider = refusal(await rejection(dao.as(7).governance.vetoProposal({ proposalId })));
    expect(outsider.errorName).toBe("CommunityNoVetoPower");
    expect(outsider.shortMessage).toMatch(/had no members' votes at the snapshot of proposal/);

    const second = await dao.as(5).governance.vetoProposal({ proposalId });
    expect([second.totalVeto, second.vetoed]).toEqual([2n, true]);
    const proposal = await erin.governance.getProposal({ proposalId });
    expect(proposal.stage).toBe("vetoed");
    expect(proposal.veto).toMatchObject({ votes: 2n, threshold: 2n, vetoed: true });
    expect(proposal.actions.execute.allowed).toBe(false);

    await chain.advance(operationalDelay);
    const execute = refusal(await rejection(erin.governance.executeProposal({ proposalId })));
    expect(execute.errorName).toBe("GovernorUnexpectedProposalState");
    expect(execute.shortMessage).toMatch(/^Proposal \d+…\d{4} is canceled; this needs it to be queued\.$/);
  });

  it("signed vetoes relayed in one transaction reach the threshold; a replayed signature is refused", async () => {
    const dao = await chain.deploy();
    const proposalId = await queuedOperational(
      dao,
      [createCellCall(dao.addresses.cellRegistry, "Sales")],
      "Create Sales",
    );
    const erin = await dao.as(4).governance.signVeto({ proposalId, reason: "No budget" });
    const frank = await dao.as(5).governance.signVeto({ proposalId });
    const { vetoes, vetoed, totalVeto } = await dao.as(7).governance.submitVetoes({ vetoes: [erin, frank] });
    expect(vetoes.map((v) => [v.voter, v.weight])).toEqual([
      [chain.accounts[4], 1n],
      [chain.accounts[5], 1n],
    ]);
    expect([vetoed, totalVeto]).toEqual([true, 2n]);
    expect((await dao.readOnly.governance.getProposal({ proposalId })).stage).toBe("vetoed");
    const { items: ballots } = await dao.readOnly.governance.getProposalBallots({ proposalId });
    expect(ballots.filter((b) => b.type === "veto").map((b) => [b.voter, b.reason])).toEqual([
      [chain.accounts[4], "No budget"],
      [chain.accounts[5], ""],
    ]);
    const replay = refusal(await rejection(dao.as(7).governance.castVetoBySig({ veto: erin })));
    expect(replay.errorName).toBe("GovernorInvalidSignature");
  });

  it("falls short below the threshold: the proposal executes after the window; a late veto is refused", async () => {
    const dao = await chain.deploy();
    const proposalId = await queuedOperational(
      dao,
      [createCellCall(dao.addresses.cellRegistry, "Outreach")],
      "Create Outreach",
    );
    const { vetoed } = await dao.as(4).governance.vetoProposal({ proposalId });
    expect(vetoed).toBe(false);
    await chain.advance(operationalDelay);
    let proposal = await dao.readOnly.governance.getProposal({ proposalId });
    expect(proposal.stage).toBe("executable");
    expect(proposal.veto).toMatchObject({ votes: 1n, threshold: 2n, vetoed: false });

    const late = refusal(await rejection(dao.as(5).governance.vetoProposal({ proposalId })));
    expect(late.errorName).toBe("CommunityNotInVetoWindow");
    expect(late.shortMessage).toMatch(/is not in its veto window \(it is queued; the window closed at /);

    await dao.as(6).governance.executeProposal({ proposalId });
    proposal = await dao.readOnly.governance.getProposal({ proposalId });
    expect(proposal.stage).toBe("executed");
  });
});

describe("classification cannot be dodged", () => {
  it("a constitutional call hidden in an operational proposal is previewed as such and refused", async () => {
    const dao = await chain.deploy();
    const registry = dao.addresses.cellRegistry;
    const hidden = [
      createCellCall(registry, "Innocent"),
      // setRecognised inside the registry's multicall: the classifier treats the whole multicall as constitutional.
      {
        target: registry,
        data: encodeFunctionData({
          abi: cellRegistryAbi,
          functionName: "multicall",
          args: [[recogniseCall(registry, 1n, false).data]],
        }),
      },
    ];
    const preview = await dao.as(1).governance.classifyProposal({ calls: hidden, description: "Tidy up" });
    expect(preview.kind).toBe("constitutional");
    expect(preview.firstConstitutionalIndex).toBe(1);
    expect(preview.calls.map((c) => c.reason)).toEqual([null, "multicall"]);
    expect(preview.explanation).toMatch(
      /^Call 2 \(call multicall\(.*\) on the cell registry\) is constitutional: a multicall/,
    );

    // The SDK refuses before sending when the author expected an operational proposal.
    const nonce = await chain.nonceOf(chain.accounts[1]!);
    const expected = await rejection(
      dao
        .as(1)
        .governance.proposeGovernance({ calls: hidden, description: "Tidy up", expectKind: "operational" }),
    );
    expect(expected).toBeInstanceOf(InvalidInputError);
    expect((expected as InvalidInputError).shortMessage).toMatch(/expected a operational proposal: Call 2/);
    expect(await chain.nonceOf(chain.accounts[1]!)).toBe(nonce);

    // Sent straight to the operational house (as another tool might), the contract refuses it.
    const direct = await rejection(
      simulateContract(chain.publicClient, {
        address: dao.addresses.operationalHouse,
        abi: operationalHouseAbi,
        functionName: "propose",
        args: [hidden.map((c) => c.target), [0n, 0n], hidden.map((c) => c.data), "Tidy up"],
        account: chain.accounts[1]!,
      }),
    );
    const decoded = refusal(decodeConcordError(direct));
    expect(decoded.errorName).toBe("OperationalConstitutionalCall");
    expect(decoded.shortMessage).toMatch(
      /^Call 2 of proposal \d+…\d{4} \(function 0xac9650d8 on 0x[0-9a-fA-F]{4}…[0-9a-fA-F]{4}\) is constitutional: propose it in the community house first/,
    );
  });
});

describe("voting power comes from past snapshots", () => {
  it("power acquired after the snapshot does not count (flash-loan-style attempt)", async () => {
    const dao = await chain.deploy();
    const { proposalId } = await dao.as(1).governance.proposeGovernance({
      calls: [createCellCall(dao.addresses.cellRegistry, "Lab")],
      description: "Create Lab",
    });
    await chain.advance(votingDelay + 1);
    // After the snapshot: the steward gives Erin a seat (Infra's delegate moves from Bob to Erin)...
    const steward = dao.as(0);
    await steward.cells.setRoles({ cellId: 1n, account: chain.accounts[1]!, roles: ROLES.MEMBER });
    await steward.cells.addMember({
      cellId: 1n,
      account: chain.accounts[4]!,
      roles: ROLES.MEMBER | ROLES.DELEGATE,
    });
    const erin = dao.as(4);
    expect((await erin.governance.getVotingPower({ account: chain.accounts[4]! })).seats).toBe(1n);
    const view = await erin.governance.getProposal({ proposalId });
    expect(view.accountView!.operationalSeats).toBe(0n);
    expect(view.actions.vote.allowed).toBe(false);
    // ...her vote weighs nothing, and Bob still votes with the seat he held at the snapshot.
    const { votes } = await erin.governance.castGovernanceVote({ proposalId, support: "against" });
    expect(votes[0]!.weight).toBe(0n);
    const bob = await dao.as(1).governance.castGovernanceVote({ proposalId, support: "for" });
    expect(bob.votes[0]!.weight).toBe(1n);
    const proposal = await erin.governance.getProposal({ proposalId });
    expect([proposal.operational!.forVotes, proposal.operational!.againstVotes]).toEqual([1n, 0n]);
  });

  it("community votes delegated after the snapshot do not count", async () => {
    const dao = await chain.deploy();
    const { proposalId } = await dao.as(4).governance.proposeGovernance({
      calls: [recogniseCall(dao.addresses.cellRegistry, 1n, false)],
      description: "Stop recognising Infra",
    });
    await chain.advance(votingDelay + 1);
    // Frank lends his vote to Erin after the snapshot.
    await dao.as(5).governance.delegateVotes({ delegatee: chain.accounts[4]! });
    expect(
      (await dao.readOnly.governance.getVotingPower({ account: chain.accounts[4]! })).communityVotes,
    ).toBe(2n);
    const { votes } = await dao.as(4).governance.castGovernanceVote({ proposalId, support: "for" });
    expect(votes[0]!.weight).toBe(1n);
  });
});

describe("execution", () => {
  it("is refused when a target's code changed since the proposal", async () => {
    const dao = await chain.deploy();
    const target: Address = "0x00000000000000000000000000000000000c0de1"; // no code when proposed
    const proposalId = await queuedOperational(dao, [{ target, data: "0x12345678" }], "Ping an account");
    await chain.networkHelpers.setCode(target, "0x00");
    await chain.advance(operationalDelay);
    const error = refusal(await rejection(dao.as(1).governance.executeProposal({ proposalId })));
    expect(error.errorName).toBe("OperationalCodeChanged");
    expect(error.shortMessage).toMatch(
      /^The code of a target of proposal \d+…\d{4} changed since it was proposed \(code digest 0x[0-9a-f]{8}…[0-9a-f]{4} then, 0x[0-9a-f]{8}…[0-9a-f]{4} now\): it cannot be executed\.$/,
    );
    expect((await dao.readOnly.governance.getProposal({ proposalId })).stage).toBe("executable");
  });

  it("of a constitutional proposal is refused when a target's code changed after the community's vote", async () => {
    const dao = await chain.deploy();
    const target: Address = "0x00000000000000000000000000000000000c0de2"; // no code when the community votes
    const calls = [
      recogniseCall(dao.addresses.cellRegistry, 1n, false),
      { target, data: "0x12345678" as const },
    ];
    const { proposalId } = await dao
      .as(4)
      .governance.proposeGovernance({ calls, description: "Retire Infra, ping" });
    await chain.advance(votingDelay + 1);
    for (const i of [1, 2, 3]) await dao.as(i).governance.castGovernanceVote({ proposalId, support: "for" });
    await chain.advance(votingPeriod + lateQuorumExtension);
    // The code changes before the proposal reaches the operational house: the community voted on the old code.
    await chain.networkHelpers.setCode(target, "0x00");
    await dao.as(4).governance.carryProposal({ proposalId });
    await chain.advance(votingDelay + 1);
    for (const i of [1, 2]) await dao.as(i).governance.castGovernanceVote({ proposalId, support: "for" });
    await chain.advance(votingPeriod);
    await dao.as(4).governance.queueProposal({ proposalId });
    await chain.advance(constitutionalDelay);
    const error = refusal(await rejection(dao.as(4).governance.executeProposal({ proposalId })));
    expect(error.errorName).toBe("OperationalCodeChanged");
    expect((await dao.readOnly.cells.getCell({ cellId: 1n })).recognised).toBe(true);
  });

  it("the guardian cancels a queued proposal; nobody else can", async () => {
    const guardian = chain.accounts[8]!;
    const dao = await chain.deploy({ guardian });
    const proposalId = await queuedOperational(
      dao,
      [createCellCall(dao.addresses.cellRegistry, "Shadow")],
      "Create Shadow",
    );
    const bobView = await dao.as(1).governance.getProposal({ proposalId });
    expect(bobView.actions.cancel.allowed).toBe(false);
    expect(bobView.actions.cancel.reason).toBe(
      `Only the guardian (${guardian.slice(0, 6)}…${guardian.slice(-4)}) can cancel it now; its proposer could only before voting opened.`,
    );
    const refused = refusal(await rejection(dao.as(1).governance.cancelProposal({ proposalId })));
    expect(refused.errorName).toBe("GovernorUnableToCancel");
    expect(refused.shortMessage).toMatch(
      /cannot cancel proposal \d+…\d{4}: only the guardian can, or its proposer before voting opens\.$/,
    );

    const guardianView = await dao.as(8).governance.getProposal({ proposalId });
    expect(guardianView.actions.cancel).toEqual({ allowed: true, house: "operational", reason: null });
    const { house } = await dao.as(8).governance.cancelProposal({ proposalId });
    expect(house).toBe("operational");
    const proposal = await dao.readOnly.governance.getProposal({ proposalId });
    expect(proposal.stage).toBe("canceled");
    const settings = await dao.readOnly.governance.getGovernanceSettings();
    expect(settings.guardian).toBe(guardian);
  });
});

describe("governance changes its own parameters", () => {
  it("through a constitutional proposal: veto threshold, quorum floor, constitutional delay", async () => {
    const dao = await chain.deploy();
    const calls = [
      {
        target: dao.addresses.communityHouse,
        data: encodeFunctionData({
          abi: communityHouseAbi,
          functionName: "setVetoThreshold",
          args: [2_500n],
        }),
      },
      {
        target: dao.addresses.operationalHouse,
        data: encodeFunctionData({ abi: operationalHouseAbi, functionName: "setQuorumFloor", args: [3n] }),
      },
      {
        target: dao.addresses.operationalHouse,
        data: encodeFunctionData({
          abi: operationalHouseAbi,
          functionName: "setConstitutionalDelay",
          args: [1_800n],
        }),
      },
    ];
    const preview = await dao.as(4).governance.classifyProposal({ calls, description: "Tune governance" });
    expect(preview.calls.map((c) => [c.reason, c.description])).toEqual([
      ["house", "set the veto threshold to 25%"],
      ["house", "set the operational house's quorum floor to 3 seats"],
      ["house", "set the constitutional delay to 30 minutes"],
    ]);
    // The operational house refuses these settings from anyone but governance.
    const direct = refusal(
      decodeConcordError(
        await rejection(
          simulateContract(chain.publicClient, {
            address: dao.addresses.operationalHouse,
            abi: operationalHouseAbi,
            functionName: "setQuorumFloor",
            args: [3n],
            account: chain.accounts[1]!,
          }),
        ),
      ),
    );
    expect(direct.errorName).toBe("GovernorOnlyExecutor");
    expect(direct.shortMessage).toMatch(
      /^Only governance \(the timelock, through an executed proposal\) can do this/,
    );

    await passConstitutional(dao, calls, "Tune governance");
    const settings = await dao.readOnly.governance.getGovernanceSettings();
    expect(settings.community.vetoThresholdBps).toBe(2_500n);
    expect(settings.operational.quorumFloor).toBe(3n);
    expect(settings.constitutionalDelay).toBe(1_800n);
    expect(settings.guardian).toBeNull();
  });
});
