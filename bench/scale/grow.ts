/**
 * Grows the demo DAO (size S, as `scripts/seed.ts` leaves it) to the sizes of issue 12, through the SDK, as
 * members would: cells with members, agreements between cells (some acknowledged), resources with lease
 * cycles, a constitutional proposal that admits more members, then proposals with their votes. The chain is
 * aged between operations with moderate `hardhat_mine` steps, and ends with {@link ORDINARY_TAIL} ordinary
 * blocks (`evm_mine`): blocks of a multi-block `hardhat_mine` report a zero parent hash, which a reorg-aware
 * indexer following the chain live rejects, so the blocks it follows live must be ordinary ones.
 *
 * Deterministic: the actors are keys derived from fixed labels, the operations run one after the other in a
 * fixed order, and the same size on a fresh seeded chain gives the same ids and the same event counts.
 *
 * Targets (totals with the demo's 3 cells, 2 agreements, 3 resources and 9 proposals):
 *
 * | size | cells | role changes | agreements | resources | lease events | proposals | votes | blocks |
 * |---|---|---|---|---|---|---|---|---|
 * | M | 53 | ~560 | 102 | 53 | ~560 | 34 | ~500 | ~4M |
 * | L | 203 | ~2,200 | 502 | 203 | ~2,200 | 109 | ~2,100 | ~8M |
 */
import {
  createPublicClient,
  createTestClient,
  createWalletClient,
  encodeFunctionData,
  http,
  keccak256,
  parseEther,
  stringToHex,
} from "viem";
import type { Address, Hex, PublicClient, TestClient, Transport } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { hardhat } from "viem/chains";

import { communityHouseAbi, concordMembershipAbi, createConcordClient } from "../../sdk/index.ts";
import type { ConcordClient, Deployment } from "../../sdk/index.ts";
import { DEV_ACCOUNTS } from "../../scripts/seed.ts";

/** The sizes of issue 12 (S is the demo itself). */
export type ScaleSize = "S" | "M" | "L";

/** What each size adds to the demo. */
export type GrowthPlan = {
  /** New cells (nested under the demo's top-level cell, created by its steward). */
  cells: number;
  /** Members added to each new cell (one RolesChanged each). */
  membersPerCell: number;
  /** New agreements between two new cells; every `acknowledgeEvery`-th is acknowledged by both cells. */
  agreements: number;
  acknowledgeEvery: number;
  /** New resources (one per new cell, open to anyone) and acquire + release cycles on each. */
  resources: number;
  leaseCyclesPerResource: number;
  /** New proposals (the admission proposal included) and the members that vote on each. */
  proposals: number;
  votersPerProposal: number;
  /** The chain's height to reach (blocks). */
  blocks: bigint;
};

/** The plans, chosen so that the totals are the issue's. */
export const growthPlans: Record<ScaleSize, GrowthPlan> = {
  S: {
    cells: 0,
    membersPerCell: 0,
    agreements: 0,
    acknowledgeEvery: 1,
    resources: 0,
    leaseCyclesPerResource: 0,
    proposals: 0,
    votersPerProposal: 0,
    blocks: 0n,
  },
  M: {
    cells: 50,
    membersPerCell: 10,
    agreements: 100,
    acknowledgeEvery: 4,
    resources: 50,
    leaseCyclesPerResource: 5,
    proposals: 25,
    votersPerProposal: 19,
    blocks: 4_000_000n,
  },
  L: {
    cells: 200,
    membersPerCell: 10,
    agreements: 500,
    acknowledgeEvery: 4,
    resources: 200,
    leaseCyclesPerResource: 5,
    proposals: 100,
    votersPerProposal: 21,
    blocks: 8_000_000n,
  },
};

/** Parameters of {@link growDao}: a node URL, or viem clients of a chain with Hardhat's test methods. */
export type GrowDaoParameters = {
  size: ScaleSize;
  deployment: Deployment;
  /** Overrides of the size's plan (a smaller run for a test). */
  plan?: Partial<GrowthPlan> | undefined;
  /** Called after each phase with a line to print. */
  onPhase?: ((line: string) => void) | undefined;
} & ({ rpcUrl: string } | { transport: Transport });

/** What {@link growDao} did: counts of the operations it sent and the chain's final height. */
export type GrowthReport = {
  size: ScaleSize;
  cells: bigint[];
  roleChanges: number;
  agreements: bigint[];
  resources: bigint[];
  leaseEvents: number;
  proposals: bigint[];
  votes: number;
  blockNumber: bigint;
};

/**
 * Ordinary blocks (one `evm_mine` each) that end the aged chain. Blocks of a multi-block `hardhat_mine` report
 * a zero parent hash, which Ponder's live sync rejects; it follows the chain from its finalized block, 30
 * blocks below the head on a local chain, so the last 64 blocks are ordinary.
 */
export const ORDINARY_TAIL = 64n;
/** Bounds the aging loop (8M blocks in 100,000-block steps is 80 calls). */
const MAX_AGING_CALLS = 1_000;

/** The pool of extra actors: deterministic keys from fixed labels, funded with `hardhat_setBalance`. */
export const SCALE_ACTORS = 20;
function actorKey(index: number): Hex {
  return keccak256(stringToHex(`concord-scale-actor-${index}`));
}

/**
 * Grows the seeded demo DAO to `size`. Idempotence is not attempted: run it once on a freshly seeded chain
 * (M then L on the same chain is fine: each call adds its own plan's operations and ages to its height).
 *
 * @example
 * const chain = await startScaleChain();
 * const report = await growDao({ rpcUrl: chain.rpcUrl, deployment: chain.deployment, size: "L" });
 */
export async function growDao(parameters: GrowDaoParameters): Promise<GrowthReport> {
  const plan = { ...growthPlans[parameters.size], ...parameters.plan };
  const transport =
    "rpcUrl" in parameters ? http(parameters.rpcUrl, { timeout: 120_000 }) : parameters.transport;
  const publicClient = createPublicClient({ chain: hardhat, transport }) as PublicClient;
  const testClient = createTestClient({ chain: hardhat, mode: "hardhat", transport }) as TestClient;
  const log = parameters.onPhase ?? (() => {});
  const as = (privateKey: Hex): ConcordClient =>
    createConcordClient({
      publicClient,
      deployment: parameters.deployment,
      walletClient: createWalletClient({
        chain: hardhat,
        transport,
        account: privateKeyToAccount(privateKey),
      }),
    });
  const [alice, bob, carol, dave] = DEV_ACCOUNTS.slice(0, 4).map((a) => as(a.privateKey)) as [
    ConcordClient,
    ConcordClient,
    ConcordClient,
    ConcordClient,
  ];
  const actors = Array.from({ length: SCALE_ACTORS }, (_, i) => as(actorKey(i)));
  const actorAddress = (i: number): Address => actors[i % SCALE_ACTORS]!.walletClient!.account!.address;
  for (let i = 0; i < SCALE_ACTORS; i++) {
    await testClient.setBalance({ address: actorAddress(i), value: parseEther("1000") });
  }

  const report: GrowthReport = {
    size: parameters.size,
    cells: [],
    roleChanges: 0,
    agreements: [],
    resources: [],
    leaseEvents: 0,
    proposals: [],
    votes: 0,
    blockNumber: 0n,
  };
  if (plan.cells === 0 && plan.proposals === 0) {
    report.blockNumber = await publicClient.getBlockNumber({ cacheTime: 0 });
    return report;
  }

  // Aging: the blocks still to mine are spread evenly over the remaining steps, in moderate hardhat_mine calls.
  // The aging stops ORDINARY_TAIL blocks short of the target height; the tail is mined last.
  const agedHeight = plan.blocks > ORDINARY_TAIL ? plan.blocks - ORDINARY_TAIL : 0n;
  const steps = plan.cells + plan.agreements + plan.resources + 10;
  let stepsLeft = steps;
  const age = async () => {
    stepsLeft -= 1;
    const height = await publicClient.getBlockNumber({ cacheTime: 0 });
    const missing = agedHeight - height;
    if (missing <= 0n) return;
    const blocks = stepsLeft <= 0 ? missing : missing / BigInt(stepsLeft + 1);
    if (blocks > 0n) await testClient.mine({ blocks: Number(blocks) });
  };

  // 1. Cells: nested under the demo's top-level cell (1), each with `membersPerCell` members from the pool.
  const topCell = 1n;
  for (let i = 0; i < plan.cells; i++) {
    const { cellId } = await alice.cells.createCell({
      parentId: topCell,
      name: `Working group ${i + 1}`,
      nucleusURI: `ipfs://scale/cell/${i + 1}`,
      nucleus: `Purpose: working group ${i + 1} of the scale benchmark.`,
    });
    report.cells.push(cellId);
    if (plan.membersPerCell > 0) {
      await alice.cells.addMembers({
        cellId,
        members: Array.from({ length: plan.membersPerCell }, (_, k) => actorAddress(i + k)),
      });
      report.roleChanges += plan.membersPerCell;
    }
    await age();
  }
  log(`${report.cells.length} cells, ${report.roleChanges} members added`);

  // 2. Agreements between two new cells, proposed by the top cell's steward (who acts for every sub-cell).
  for (let i = 0; i < plan.agreements; i++) {
    const a = report.cells[i % report.cells.length]!;
    const b = report.cells[(i + 1 + Math.floor(i / report.cells.length)) % report.cells.length]!;
    const terms = `Agreement ${i + 1}: working group ${a} and working group ${b} share their on-call rota.`;
    const { agreementId } = await alice.agreements.proposeAgreement({
      cells: a === b ? [a, topCell] : [a, b],
      title: `On-call rota of working groups ${a} and ${b}`,
      terms,
      termsURI: `ipfs://bafkreiscaleagreement${i + 1}`,
    });
    report.agreements.push(agreementId);
    if (i % plan.acknowledgeEvery === 0) {
      await alice.agreements.acknowledgeAgreementForCell({ agreementId, cellId: a, terms });
      await alice.agreements.acknowledgeAgreementForCell({
        agreementId,
        cellId: a === b ? topCell : b,
        terms,
      });
    }
    await age();
  }
  log(`${report.agreements.length} agreements`);

  // 3. Resources, open to anyone, each leased and released by actors of the pool.
  for (let i = 0; i < plan.resources; i++) {
    const { resourceId } = await alice.leases.registerResource({
      ownerCellId: report.cells[i % report.cells.length]!,
      name: `Shared resource ${i + 1}`,
      maxDuration: 3600n,
      access: "anyone",
      claimWindow: 60n,
    });
    report.resources.push(resourceId);
    report.leaseEvents += 1;
    for (let c = 0; c < plan.leaseCyclesPerResource; c++) {
      const holder = actors[(i + c) % SCALE_ACTORS]!;
      await holder.leases.acquireLease({ resourceId, duration: 600n });
      await holder.leases.releaseLease({ resourceId });
      report.leaseEvents += 2;
    }
    await age();
  }
  log(`${report.resources.length} resources, ${report.leaseEvents} lease events`);

  // 4. Governance. First a constitutional proposal admits the pool as members of the community (the votes
  //    token mints through the timelock), then the proposals, each voted by `votersPerProposal` members.
  const settings = await alice.governance.getGovernanceSettings();
  const step = async (seconds: bigint) => {
    await testClient.increaseTime({ seconds: Number(seconds + 1n) });
    await testClient.mine({ blocks: 1 });
  };
  const founders = [alice, bob, carol, dave];
  const seatHolders = [bob, dave];
  if (plan.proposals > 0) {
    const admission = await alice.governance.proposeGovernance({
      calls: Array.from({ length: SCALE_ACTORS }, (_, i) => ({
        target: alice.addresses.votesToken!,
        data: encodeFunctionData({
          abi: concordMembershipAbi,
          functionName: "mint",
          args: [actorAddress(i)],
        }),
      })),
      description: `Admit the ${SCALE_ACTORS} working-group coordinators as members`,
    });
    report.proposals.push(admission.proposalId);
    await step(settings.community.votingDelay);
    for (const member of founders) {
      await member.governance.castGovernanceVote({ proposalId: admission.proposalId, support: "for" });
      report.votes += 1;
    }
    await step(settings.community.votingPeriod + settings.community.lateQuorumExtension);
    await alice.governance.carryProposal({ proposalId: admission.proposalId });
    await step(settings.operational.votingDelay);
    for (const member of seatHolders) {
      await member.governance.castGovernanceVote({ proposalId: admission.proposalId, support: "for" });
      report.votes += 1;
    }
    await step(settings.operational.votingPeriod + settings.community.lateQuorumExtension);
    await alice.governance.queueProposal({ proposalId: admission.proposalId });
    await step(settings.constitutionalDelay);
    await alice.governance.executeProposal({ proposalId: admission.proposalId });
    await step(1n);
    log(`admitted ${SCALE_ACTORS} members`);
  }

  // Then constitutional proposals (community votes) in rounds of ten: propose, wait the voting delay, vote.
  const voters = [...founders, ...actors].slice(0, Math.max(0, plan.votersPerProposal));
  const remaining = Math.max(0, plan.proposals - 1);
  for (let round = 0; round * 10 < remaining; round++) {
    const ids: bigint[] = [];
    for (let k = 0; k < 10 && round * 10 + k < remaining; k++) {
      const n = round * 10 + k + 1;
      const { proposalId } = await dave.governance.proposeGovernance({
        calls: [
          {
            target: alice.addresses.communityHouse!,
            data: encodeFunctionData({
              abi: communityHouseAbi,
              functionName: "setVetoThreshold",
              args: [BigInt(2_000 + n)],
            }),
          },
        ],
        description: `Scale proposal ${n}: set the veto threshold to ${2_000 + n} basis points`,
      });
      ids.push(proposalId);
    }
    await step(settings.community.votingDelay);
    for (const proposalId of ids) {
      for (const [v, voter] of voters.entries()) {
        await voter.governance.castGovernanceVote({
          proposalId,
          support: v % 5 === 4 ? "against" : "for",
          ...(v % 3 === 0 ? { reason: `Vote ${v} on proposal ${proposalId % 10_000n}` } : {}),
        });
        report.votes += 1;
      }
    }
    report.proposals.push(...ids);
    await age();
  }
  log(`${report.proposals.length} proposals, ${report.votes} votes`);

  // Age to the target height less an ordinary tail (moderate hardhat_mine steps), then mine the tail one
  // `evm_mine` at a time: real blocks with their parent's hash, more than Ponder's 30-block finality depth, so
  // an indexer's live sync starts from (and checks the parent hashes of) ordinary blocks only.
  for (let call = 0; call < MAX_AGING_CALLS; call++) {
    const height = await publicClient.getBlockNumber({ cacheTime: 0 });
    if (height >= agedHeight) break;
    const missing = agedHeight - height;
    await testClient.mine({ blocks: Number(missing < 100_000n ? missing : 100_000n) });
  }
  for (let i = 0n; i < ORDINARY_TAIL; i++)
    await testClient.request({ method: "evm_mine", params: undefined });
  report.blockNumber = await publicClient.getBlockNumber({ cacheTime: 0 });
  log(`height ${report.blockNumber}`);
  return report;
}
