/**
 * Test fixture for the governance SDK: the shared chain of `fixture.ts`, plus a whole Concord DAO per test —
 * registries, membership token, timelock, classifier and both houses, wired and handed over exactly as
 * `ignition/modules/dao.ts` does — with three recognised cells whose delegates hold the operational seats,
 * five founding members, and Concord clients (for each dev account) bound to it.
 *
 * Accounts: 0 deployer (steward of every cell, no vote), 1 Bob, 2 Carol, 3 Dave (members, and delegates of
 * the cells Infra, Research and Community: one seat each), 4 Erin and 5 Frank (members), 6+ outsiders.
 * The deployer recognises the three cells before handing the registry to the timelock (a bootstrap the
 * Ignition module replaces with the genesis rule); afterwards nobody but the timelock holds a power.
 */
import { encodeFunctionData, getAddress, keccak256, toHex, zeroAddress } from "viem";
import type { Address, Hex } from "viem";

import { cellRegistryAbi } from "../../sdk/index.ts";
import { CONSTITUTIONAL_REGISTRY_SELECTORS } from "../../ignition/modules/dao.ts";
import { createTestChain } from "./fixture.ts";

/** CellRegistry.SEAT_DELAY: seconds before a seat change counts as votes. */
export const SEAT_DELAY = 7 * 24 * 60 * 60;

/** Short periods (seconds) so that tests move the clock instead of waiting. */
export const DAO_TEST_SETTINGS = {
  votingDelay: 60,
  votingPeriod: 600,
  operationalQuorumPercent: 50n, // of 3 recognised cells → 1, floor 2
  operationalQuorumFloor: 2n,
  communityQuorumPercent: 10n, // of 5 members → 0, floor 2
  communityQuorumFloor: 2n,
  lateQuorumExtension: 120,
  vetoThresholdBps: 4_000n, // 40 % of 5 members → 2 vetoes
  operationalDelay: 300n, // the veto window
  constitutionalDelay: 900n,
};

export const ROLES = { MEMBER: 1, STEWARD: 2, DELEGATE: 4 } as const;
const TIMELOCK_ROLES = {
  admin: `0x${"00".repeat(32)}` as Hex,
  proposer: keccak256(toHex("PROPOSER_ROLE")),
  executor: keccak256(toHex("EXECUTOR_ROLE")),
  canceller: keccak256(toHex("CANCELLER_ROLE")),
};

/** Opens a new in-process chain (once per test file), then `deploy()` per test. */
export async function createGovernanceChain() {
  const chain = await createTestChain();
  const { viem, publicClient, accounts, networkHelpers } = chain;

  /** Deploys the whole DAO; `guardian` may cancel any proposal not yet executed. */
  async function deploy(options: { guardian?: Address } = {}) {
    const startBlock = (await publicClient.getBlockNumber()) + 1n;
    const deployer = accounts[0]!;
    const members = accounts.slice(1, 6);
    const delegates = accounts.slice(1, 4);
    const s = DAO_TEST_SETTINGS;

    const registry = await viem.deployContract("CellRegistry", [deployer]);
    const agreements = await viem.deployContract("AgreementRegistry", [registry.address]);
    const leases = await viem.deployContract("ResourceLeases", [registry.address]);
    const timelock = await viem.deployContract("ConcordTimelock", [s.operationalDelay, [], [], deployer]);
    const membership = await viem.deployContract("ConcordMembership", [
      "Concord Membership",
      "CONCORD",
      timelock.address,
      members,
    ]);
    const selectors = CONSTITUTIONAL_REGISTRY_SELECTORS;
    const classifier = await viem.deployContract("GovernanceClassifier", [
      timelock.address,
      [membership.address],
      selectors.map(() => registry.address),
      selectors,
    ]);
    const guardian = options.guardian ?? zeroAddress;
    const operational = await viem.deployContract("OperationalHouse", [
      registry.address,
      timelock.address,
      classifier.address,
      {
        votingDelay: s.votingDelay,
        votingPeriod: s.votingPeriod,
        proposalThreshold: 1n,
        quorumNumerator: s.operationalQuorumPercent,
        quorumFloor: s.operationalQuorumFloor,
        guardian,
      },
      s.constitutionalDelay,
    ]);
    const community = await viem.deployContract("CommunityHouse", [
      membership.address,
      timelock.address,
      operational.address,
      {
        votingDelay: s.votingDelay,
        votingPeriod: s.votingPeriod,
        proposalThreshold: 1n,
        quorumNumerator: s.communityQuorumPercent,
        quorumFloor: s.communityQuorumFloor,
        guardian,
      },
      s.lateQuorumExtension,
      s.vetoThresholdBps,
    ]);
    await operational.write.setCommunityHouse([community.address]);
    await timelock.write.grantRole([TIMELOCK_ROLES.proposer, operational.address]);
    await timelock.write.grantRole([TIMELOCK_ROLES.executor, operational.address]);
    await timelock.write.grantRole([TIMELOCK_ROLES.canceller, operational.address]);
    await timelock.write.grantRole([TIMELOCK_ROLES.canceller, community.address]);

    // Three recognised cells, each with a delegate (its operational seat).
    const cellNames = ["Infra", "Research", "Community"];
    const cells: bigint[] = [];
    for (const [i, name] of cellNames.entries()) {
      await registry.write.createCell([0n, name, "", `0x${"00".repeat(32)}`]);
      const cellId = BigInt(i + 1);
      await registry.write.addMember([cellId, delegates[i]!, ROLES.MEMBER | ROLES.DELEGATE]);
      await registry.write.setRecognised([cellId, true]);
      cells.push(cellId);
    }
    await registry.write.transferGovernance([timelock.address]);
    await timelock.write.renounceRole([TIMELOCK_ROLES.admin, deployer]);
    // Seats and memberships are checkpointed, and seats count as votes SEAT_DELAY (7 days) after they were
    // booked: let the clock move past them.
    await networkHelpers.time.increase(SEAT_DELAY + 1);

    const addresses = {
      cellRegistry: getAddress(registry.address),
      agreementRegistry: getAddress(agreements.address),
      resourceLeases: getAddress(leases.address),
      concordTimelock: getAddress(timelock.address),
      votesToken: getAddress(membership.address),
      governanceClassifier: getAddress(classifier.address),
      operationalHouse: getAddress(operational.address),
      communityHouse: getAddress(community.address),
    };
    const { as, readOnly } = chain.clientsFor(addresses, startBlock);
    return {
      addresses,
      startBlock,
      contracts: { registry, agreements, leases, timelock, membership, classifier, operational, community },
      cells,
      members,
      delegates,
      as,
      readOnly,
    };
  }

  /** Moves the chain's clock forward by `seconds` and mines a block. */
  async function advance(seconds: bigint | number): Promise<void> {
    await networkHelpers.time.increase(Number(seconds));
  }

  return { ...chain, deploy, advance };
}

export type GovernanceChain = Awaited<ReturnType<typeof createGovernanceChain>>;
export type GovernanceDeployment = Awaited<ReturnType<GovernanceChain["deploy"]>>;

/** An operational call: the timelock creates a top-level cell (no governance power involved). */
export function createCellCall(registry: Address, name: string) {
  return {
    target: registry,
    data: encodeFunctionData({
      abi: cellRegistryAbi,
      functionName: "createCell",
      args: [0n, name, "", `0x${"00".repeat(32)}`],
    }),
  };
}

/** A constitutional call: recognise (or stop recognising) a cell. */
export function recogniseCall(registry: Address, cellId: bigint, recognised = true) {
  return {
    target: registry,
    data: encodeFunctionData({
      abi: cellRegistryAbi,
      functionName: "setRecognised",
      args: [cellId, recognised],
    }),
  };
}
