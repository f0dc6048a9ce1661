/**
 * The governance part of the demo seed: every step goes through the SDK's governance module, as members
 * would take it, with the dev chain's clock moved forward (Hardhat's `evm_increaseTime`) instead of waiting
 * for voting periods and delays.
 *
 * 1. `recogniseCells` (before any other activity, since it moves the clock): the founding members pass the
 *    constitutional proposal that recognises the first cells — the genesis rule lets the operational house,
 *    which has no seat yet, carry it on the community's approval. Then, with Bob and Dave holding the
 *    recognised cells' seats, the treasury proposals are voted: one executed, one executable, one vetoed, one
 *    defeated, one waiting to be queued; and a constitutional proposal passes the community house.
 * 2. `openProposals` (at the end, without moving the clock): one operational proposal enters its veto window,
 *    the constitutional one is carried to the operational house, and two new proposals open their votes.
 */
import { encodeFunctionData, parseEther } from "viem";
import type { Address, PublicClient, TestClient } from "viem";
import { sendTransaction, waitForTransactionReceipt } from "viem/actions";

import {
  SEAT_DELAY_SECONDS,
  cellRegistryAbi,
  communityHouseAbi,
  concordMembershipAbi,
  stageWords,
} from "../sdk/index.ts";
import type { ConcordClient, Proposal } from "../sdk/index.ts";

type Members = { alice: ConcordClient; bob: ConcordClient; carol: ConcordClient; dave: ConcordClient };

/** The treasury payment proposal to `to`, as an operational call (a value transfer from the timelock). */
function payment(to: Address, ether: string) {
  return { target: to, value: parseEther(ether) };
}

/** State carried from the first phase to the second. */
export type GovernanceSeed = {
  toQueue: bigint;
  toCarry: bigint;
};

async function advance(testClient: TestClient, seconds: bigint): Promise<void> {
  await testClient.increaseTime({ seconds: Number(seconds) });
  await testClient.mine({ blocks: 1 });
}

/**
 * Phase 1: recognises `cells` through a constitutional proposal (genesis rule), waits the seat delay (7 days)
 * so that their delegates' seats count, funds the treasury, and runs the treasury proposals through their
 * votes. Moves the chain's clock forward by about a week and an hour.
 */
export async function recogniseCells(parameters: {
  members: Members;
  testClient: TestClient;
  publicClient: PublicClient;
  cells: readonly bigint[];
  addresses: { carol: Address; bob: Address; dave: Address; erin: Address; vendor: Address };
}): Promise<GovernanceSeed> {
  const { members, testClient, publicClient, cells, addresses } = parameters;
  const { alice, bob, carol, dave } = members;
  const settings = await alice.governance.getGovernanceSettings();
  const registry = alice.addresses.cellRegistry;
  const step = (seconds: bigint) => advance(testClient, seconds + 1n);

  // 1. Recognition: a constitutional proposal through both houses.
  const recognition = await alice.governance.proposeGovernance({
    calls: cells.map((cellId) => ({
      target: registry,
      data: encodeFunctionData({ abi: cellRegistryAbi, functionName: "setRecognised", args: [cellId, true] }),
    })),
    description: "Recognise Infra and Community\n\nTheir delegates take the operational house's first seats.",
  });
  await step(settings.community.votingDelay);
  for (const member of [alice, bob, carol, dave]) {
    await member.governance.castGovernanceVote({ proposalId: recognition.proposalId, support: "for" });
  }
  await step(settings.community.votingPeriod);
  await alice.governance.carryProposal({ proposalId: recognition.proposalId });
  await step(settings.operational.votingDelay + settings.operational.votingPeriod);
  await alice.governance.queueProposal({ proposalId: recognition.proposalId });
  await step(settings.constitutionalDelay);
  await alice.governance.executeProposal({ proposalId: recognition.proposalId });
  // A seat counts as a vote SEAT_DELAY (7 days) after it was taken, so that no seat change can reach a
  // proposal already open (issue 10, S1): the delegates vote from then on.
  await step(SEAT_DELAY_SECONDS);

  // 2. The treasury: Alice funds the timelock, which pays through operational proposals.
  const timelock = alice.addresses.concordTimelock!;
  const hash = await sendTransaction(alice.walletClient!, {
    account: alice.walletClient!.account!,
    chain: alice.walletClient!.chain,
    to: timelock,
    value: parseEther("5"),
  });
  await waitForTransactionReceipt(publicClient, { hash });
  await step(1n); // seats are read just before the proposal's time

  const propose = async (calls: { target: Address; value: bigint }[], description: string) =>
    (await bob.governance.proposeGovernance({ calls, description, expectKind: "operational" })).proposalId;
  const paid = await propose([payment(addresses.carol, "1")], "Pay Carol 1 ETH for the RPC node migration");
  const ready = await propose(
    [payment(addresses.bob, "0.5")],
    "Pay Bob 0.5 ETH for the deploy pipeline review",
  );
  const windowed = await propose(
    [payment(addresses.dave, "0.3")],
    "Pay Dave 0.3 ETH for hosting the community calls",
  );
  const vetoed = await propose([payment(addresses.vendor, "2")], "Pay an unknown vendor 2 ETH up front");
  const defeated = await propose(
    [payment(addresses.bob, "1.5")],
    "Buy Infra a second staging cluster for 1.5 ETH",
  );
  const tuning = await dave.governance.proposeGovernance({
    calls: [
      {
        target: alice.addresses.communityHouse!,
        data: encodeFunctionData({
          abi: communityHouseAbi,
          functionName: "setVetoThreshold",
          args: [2_500n],
        }),
      },
    ],
    description: "Raise the veto threshold to 25%\n\nOne member alone should not stop the treasury.",
  });

  const max = (a: bigint, b: bigint) => (a > b ? a : b);
  await step(max(settings.operational.votingDelay, settings.community.votingDelay));
  for (const proposalId of [paid, ready, windowed, vetoed]) {
    await bob.governance.castGovernanceVote({ proposalId, support: "for" });
    await dave.governance.castGovernanceVote({
      proposalId,
      support: "for",
      reason: "Agreed at the weekly call",
    });
  }
  await bob.governance.castGovernanceVote({ proposalId: defeated, support: "for" });
  await dave.governance.castGovernanceVote({
    proposalId: defeated,
    support: "against",
    reason: "Not this quarter",
  });
  for (const member of [alice, bob, carol]) {
    await member.governance.castGovernanceVote({ proposalId: tuning.proposalId, support: "for" });
  }
  await step(
    max(settings.operational.votingPeriod, settings.community.votingPeriod) +
      settings.community.lateQuorumExtension,
  );

  for (const proposalId of [paid, ready, vetoed]) await alice.governance.queueProposal({ proposalId });
  await carol.governance.vetoProposal({ proposalId: vetoed, reason: "Nobody knows this vendor" });
  await step(settings.operationalDelay);
  await alice.governance.executeProposal({ proposalId: paid });
  return { toQueue: windowed, toCarry: tuning.proposalId };
}

/**
 * Sets the chain's clock to the wall clock when it is behind (the local chain starts 8 days in the past so
 * that `recogniseCells` can move it forward a week and an hour): from then on the demo's times are the
 * viewer's. Returns how far the chain was behind, in seconds (negative when it was ahead: nothing changes).
 */
export async function catchUpWithWallClock(
  testClient: TestClient,
  publicClient: PublicClient,
): Promise<bigint> {
  const { timestamp } = await publicClient.getBlock();
  const now = BigInt(Math.floor(Date.now() / 1000));
  if (timestamp < now) {
    await testClient.setNextBlockTimestamp({ timestamp: now });
    await testClient.mine({ blocks: 1 });
  }
  return now - timestamp;
}

/** Phase 2 (no clock change): the veto window opens, a constitutional proposal is carried, two votes open. */
export async function openProposals(parameters: {
  members: Members;
  seed: GovernanceSeed;
  erin: Address;
}): Promise<string[]> {
  const { members, seed, erin } = parameters;
  const { alice, bob, dave } = members;
  await alice.governance.queueProposal({ proposalId: seed.toQueue });
  await alice.governance.carryProposal({ proposalId: seed.toCarry });
  await bob.governance.proposeGovernance({
    calls: [payment(erin, "0.2")],
    description: "Pay Erin 0.2 ETH for the onboarding guide",
    expectKind: "operational",
  });
  await dave.governance.proposeGovernance({
    calls: [
      {
        target: alice.addresses.votesToken!,
        data: encodeFunctionData({ abi: concordMembershipAbi, functionName: "mint", args: [erin] }),
      },
    ],
    description: "Admit Erin as a member\n\nShe asked to join Community and wrote the onboarding guide.",
  });
  const { items: proposals } = await alice.governance.listProposals({ limit: 500 });
  return proposals.reverse().map((proposal) => summaryLine(alice, proposal));
}

function summaryLine(client: ConcordClient, proposal: Proposal): string {
  const id = proposal.id.toString();
  const calls = proposal.calls.map((call) => client.governance.describeCall(call)).join("; ");
  return `proposal ${id.slice(0, 6)}…${id.slice(-4)} "${proposal.title}" (${proposal.kind}: ${calls}): ${stageWords(proposal.stage)}`;
}
