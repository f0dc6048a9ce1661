/**
 * Votes through the SDK: liquid democracy (delegate, then override the delegate's vote, directly and by
 * signature), votes by EIP-712 signature from an EOA and from a Safe (ERC-1271, 2 of 3 owners) relayed by
 * anyone, several signed votes relayed in one transaction (the house's multicall), and the batched reads
 * behind `getProposal`/`listProposals`.
 */
import { hashTypedData } from "viem";
import { beforeAll, describe, expect, it } from "vitest";

import {
  ContractRefusalError,
  InvalidInputError,
  WalletRequiredError,
  createConcordClient,
} from "../../sdk/index.ts";
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
import { createSafe, deploySafeInfrastructure, signAsSafe } from "./safe.ts";

let chain: GovernanceChain;
beforeAll(async () => {
  chain = await createGovernanceChain();
});

const { votingDelay } = DAO_TEST_SETTINGS;

describe("liquid democracy", () => {
  it("a delegator overrides its delegate's vote, directly and by signature", async () => {
    const dao = await chain.deploy();
    const [, , , dave, erin, frank] = chain.accounts;
    // Erin and Frank delegate their votes to Dave before the proposal.
    await dao.as(4).governance.delegateVotes({ delegatee: dave! });
    await dao.as(5).governance.delegateVotes({ delegatee: dave! });
    expect(await dao.readOnly.governance.getVotingPower({ account: dave! })).toMatchObject({
      communityVotes: 3n,
      delegate: dave,
    });
    expect((await dao.readOnly.governance.getVotingPower({ account: erin! })).delegate).toBe(dave);

    const { proposalId } = await dao.as(3).governance.proposeGovernance({
      calls: [recogniseCall(dao.addresses.cellRegistry, 2n, false)],
      description: "Stop recognising Research",
    });
    await chain.advance(votingDelay + 1);
    const before = await dao.as(4).governance.getProposal({ proposalId });
    expect(before.actions.vote.allowed).toBe(false); // Erin delegated: her own votes are 0
    expect(before.actions.override).toEqual({ allowed: true, house: "community", reason: null });
    const daveView = await dao.as(3).governance.getProposal({ proposalId });
    expect(daveView.actions.override.reason).toMatch(
      /had not delegated its vote at the snapshot: vote directly/,
    );

    const { votes: daveVotes } = await dao
      .as(3)
      .governance.castGovernanceVote({ proposalId, support: "for" });
    expect(daveVotes[0]!.weight).toBe(3n);

    const { votes } = await dao
      .as(4)
      .governance.castOverrideVote({ proposalId, support: "against", reason: "Not in my name" });
    expect(votes).toEqual([
      {
        house: "community",
        proposalId,
        voter: erin,
        support: "against",
        weight: 1n,
        reason: "Not in my name",
        override: true,
      },
    ]);
    let proposal = await dao.readOnly.governance.getProposal({ proposalId });
    expect([proposal.community!.forVotes, proposal.community!.againstVotes]).toEqual([2n, 1n]);

    const twice = await rejection(dao.as(4).governance.castOverrideVote({ proposalId, support: "against" }));
    expect(twice).toBeInstanceOf(ContractRefusalError);
    expect((twice as ContractRefusalError).errorName).toBe("GovernorAlreadyOverriddenVote");
    expect((twice as ContractRefusalError).shortMessage).toBe(
      `${erin!.slice(0, 6)}…${erin!.slice(-4)} has already overridden its delegate's vote on this proposal.`,
    );
    expect((await dao.as(4).governance.getProposal({ proposalId })).actions.override.reason).toMatch(
      /already overridden/,
    );

    // Frank overrides by signature; an outsider relays it.
    const signed = await dao.as(5).governance.signVote({ proposalId, support: "abstain", override: true });
    expect(signed).toMatchObject({ house: "community", override: true, voter: frank });
    const relayed = await dao.as(7).governance.castVoteBySig({ vote: signed });
    expect(relayed.votes[0]).toMatchObject({ voter: frank, support: "abstain", weight: 1n, override: true });
    proposal = await dao.readOnly.governance.getProposal({ proposalId });
    expect([
      proposal.community!.forVotes,
      proposal.community!.againstVotes,
      proposal.community!.abstainVotes,
    ]).toEqual([1n, 1n, 1n]);

    // The ballots: Dave's vote now counts only his own weight; each override is listed.
    const { items: ballots, next } = await dao.readOnly.governance.getProposalBallots({ proposalId });
    expect(next).toBeNull();
    expect(ballots.map((b) => [b.type, b.voter, b.support, b.castWeight, b.weight])).toEqual([
      ["vote", dave, "for", 3n, 1n],
      ["override", erin, "against", 1n, 1n],
      ["override", frank, "abstain", 1n, 1n],
    ]);

    const repeated = await rejection(dao.as(3).governance.castGovernanceVote({ proposalId, support: "for" }));
    expect((repeated as ContractRefusalError).errorName).toBe("GovernorAlreadyCastVote");
    expect((repeated as ContractRefusalError).shortMessage).toBe(
      `${dave!.slice(0, 6)}…${dave!.slice(-4)} has already voted on this proposal in this house.`,
    );
  });
});

describe("votes by signature", () => {
  it("an EOA signs, anyone relays; several signed votes go in one transaction; a replayed signature is refused", async () => {
    const dao = await chain.deploy();
    const { proposalId } = await dao.as(4).governance.proposeGovernance({
      calls: [recogniseCall(dao.addresses.cellRegistry, 3n, false)],
      description: "Stop recognising Community",
    });
    await chain.advance(votingDelay + 1);
    const relayer = dao.as(7);

    const bob = await dao.as(1).governance.signVote({ proposalId, support: "for" });
    expect(bob).toMatchObject({ house: "community", support: "for", reason: "", override: false });
    const one = await relayer.governance.castVoteBySig({ vote: bob });
    expect(one.votes[0]).toMatchObject({ voter: chain.accounts[1], weight: 1n });
    const replay = await rejection(relayer.governance.castVoteBySig({ vote: bob }));
    expect((replay as ContractRefusalError).errorName).toBe("GovernorInvalidSignature");
    expect((replay as ContractRefusalError).shortMessage).toMatch(
      /^The signature is not 0x7099…79C8's vote with its current nonce \(wrong signer, proposal, support, reason, house or chain, or already used\)\.$/,
    );

    const batch = await Promise.all(
      [2, 3, 5].map((i) =>
        dao.as(i).governance.signVote({
          proposalId,
          support: i === 5 ? "against" : "for",
          reason: i === 2 ? "Merge into Infra" : undefined,
        }),
      ),
    );
    const sentBefore = await chain.nonceOf(chain.accounts[7]!);
    const { votes, receipt } = await relayer.governance.submitVotes({ votes: batch });
    expect(await chain.nonceOf(chain.accounts[7]!)).toBe(sentBefore + 1);
    expect(receipt.status).toBe("success");
    expect(votes.map((v) => [v.voter, v.support, v.reason])).toEqual([
      [chain.accounts[2], "for", "Merge into Infra"],
      [chain.accounts[3], "for", ""],
      [chain.accounts[5], "against", ""],
    ]);
    const proposal = await dao.readOnly.governance.getProposal({ proposalId });
    expect([proposal.community!.forVotes, proposal.community!.againstVotes]).toEqual([3n, 1n]);

    // Refused before sending: votes of two houses in one batch, an empty batch, signing without a wallet.
    const other = { ...batch[0]!, house: "operational" as const };
    const mixed = await rejection(relayer.governance.submitVotes({ votes: [batch[0]!, other] }));
    expect((mixed as InvalidInputError).shortMessage).toBe(
      "Invalid votes: all votes of a batch must be cast in the same house.",
    );
    expect(await rejection(relayer.governance.submitVotes({ votes: [] }))).toBeInstanceOf(InvalidInputError);
    const noWallet = await rejection(dao.readOnly.governance.signVote({ proposalId, support: "for" }));
    expect(noWallet).toBeInstanceOf(WalletRequiredError);
  });

  it("a Safe holding a seat votes through ERC-1271 (2 of 3 owners); one owner's signature is refused", async () => {
    const dao = await chain.deploy();
    const [deployer] = chain.walletClients;
    const infra = await deploySafeInfrastructure(chain.publicClient, deployer!);
    const owners = [7, 8, 9].map((i) => chain.walletClients[i]!);
    const safe = await createSafe(infra, { owners: owners.map((o) => o.account.address), threshold: 2 });
    // The Research cell's stewards make the Safe their delegate (Carol steps down).
    const steward = dao.as(0);
    await steward.cells.setRoles({ cellId: 2n, account: chain.accounts[2]!, roles: ROLES.MEMBER });
    await steward.cells.addMember({ cellId: 2n, account: safe, roles: ROLES.MEMBER | ROLES.DELEGATE });
    await chain.advance(SEAT_DELAY + 1); // a seat counts as a vote SEAT_DELAY after it was taken

    const { proposalId } = await dao.as(1).governance.proposeGovernance({
      calls: [createCellCall(dao.addresses.cellRegistry, "Safe-run cell")],
      description: "Create a cell for the Safe",
    });
    await chain.advance(votingDelay + 1);
    const safeView = await dao.readOnly.governance.getProposal({ proposalId, account: safe });
    expect(safeView.accountView!.operationalSeats).toBe(1n);
    expect(safeView.actions.vote.allowed).toBe(true);

    const { typedData, vote } = await dao.readOnly.governance.getVoteTypedData({
      proposalId,
      support: "for",
      voter: safe,
    });
    expect(typedData.primaryType).toBe("Ballot");
    expect(typedData.domain).toMatchObject({
      name: "Concord Operational House",
      version: "1",
      chainId: 31337,
    });
    const digest = hashTypedData(typedData as Parameters<typeof hashTypedData>[0]);

    const lone = await signAsSafe({ safe, chainId: 31337, hash: digest, owners: [owners[0]!] });
    const refused = await rejection(
      dao.as(6).governance.castVoteBySig({ vote: { ...vote, signature: lone } }),
    );
    expect((refused as ContractRefusalError).errorName).toBe("GovernorInvalidSignature");

    const signature = await signAsSafe({
      safe,
      chainId: 31337,
      hash: digest,
      owners: [owners[0]!, owners[2]!],
    });
    const { votes } = await dao.as(6).governance.castVoteBySig({ vote: { ...vote, signature } });
    expect(votes[0]).toMatchObject({ house: "operational", voter: safe, support: "for", weight: 1n });
    const after = await dao.readOnly.governance.getProposal({ proposalId, account: safe });
    expect(after.accountView!.hasVotedOperational).toBe(true);
    expect(after.operational!.forVotes).toBe(1n);
  });
});

describe("batched reads", () => {
  it("listProposals reads a page in 2 requests: one eth_getLogs, one eth_call (Multicall3, the block in it)", async () => {
    const dao = await chain.deploy();
    for (const name of ["A", "B", "C"]) {
      await dao.as(1).governance.proposeGovernance({
        calls: [createCellCall(dao.addresses.cellRegistry, name)],
        description: `Create ${name}`,
      });
    }
    await dao.as(4).governance.proposeGovernance({
      calls: [recogniseCall(dao.addresses.cellRegistry, 1n, false)],
      description: "Stop recognising Infra",
    });
    await chain.advance(votingDelay + 1);
    const { client, methods } = await chain.countingPublicClient({ multicall3: true });
    const counting = createConcordClient({
      publicClient: client,
      addresses: dao.addresses,
      startBlock: dao.startBlock,
    });
    await counting.governance.getGovernanceContracts();
    methods.length = 0;
    const { items: proposals, next } = await counting.governance.listProposals({
      account: chain.accounts[1]!,
    });
    expect(next).toBeNull();
    expect(proposals.map((p) => [p.title, p.kind, p.stage])).toEqual([
      ["Stop recognising Infra", "constitutional", "communityVote"],
      ["Create C", "operational", "operationalVote"],
      ["Create B", "operational", "operationalVote"],
      ["Create A", "operational", "operationalVote"],
    ]);
    expect(proposals.every((p) => p.actions.vote.allowed)).toBe(true);
    // The creations, then every state in ONE eth_call that also returns the block's number and time.
    expect(methods.filter((m) => m !== "eth_chainId")).toEqual(["eth_getLogs", "eth_call"]);
    expect(await counting.governance.listProposals({ stage: "vetoWindow" })).toEqual({
      items: [],
      next: null,
    });
  });
});
