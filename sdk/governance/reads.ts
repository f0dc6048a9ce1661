/**
 * Reads of governance: where the contracts are, the settings both houses run with, and an account's voting
 * power. Every read goes through one batched `eth_call` where it can (deployless multicall).
 */
import { getAddress, zeroAddress } from "viem";
import { getBlock } from "viem/actions";
import type { Address } from "viem";

import type { ConcordClientBase } from "../client.ts";
import {
  cellRegistryAbi,
  communityHouseAbi,
  concordMembershipAbi,
  concordTimelockAbi,
  operationalHouseAbi,
} from "../generated/abis.ts";
import { pinBlock, readAt } from "../internal/block.ts";
import { WHOLE_SCAN_BLOCKS, firstBlockAtOrAfter, stampOf } from "./records.ts";
import type { BlockParameters } from "../internal/block.ts";
import { contractOf } from "../internal/contracts.ts";
import { scanEvents } from "../internal/logs.ts";
import { readBatch } from "../internal/read.ts";
import { toAddress } from "../internal/validate.ts";
import { governanceErrorCatalogue } from "./errors.ts";
import type { GovernanceContracts, GovernanceSettings } from "./types.ts";

const resolved = new WeakMap<ConcordClientBase, Promise<GovernanceContracts>>();

/**
 * The governance contracts of the client's deployment. The operational house must be known (deployment
 * record or `addresses.operationalHouse`); the others come from the deployment, or are read from the houses
 * (one batched read, cached per client).
 *
 * @throws {NoDeploymentError} when the deployment has no OperationalHouse.
 * @example
 * const { operationalHouse, communityHouse, timelock, classifier, votesToken } =
 *   await getGovernanceContracts(concord);
 */
export function getGovernanceContracts(client: ConcordClientBase): Promise<GovernanceContracts> {
  let pending = resolved.get(client);
  if (!pending) {
    pending = resolveGovernance(client);
    resolved.set(client, pending);
    pending.catch(() => resolved.delete(client));
  }
  return pending;
}

async function resolveGovernance(client: ConcordClientBase): Promise<GovernanceContracts> {
  const operational = contractOf(client, "operationalHouse");
  const known = client.contracts;
  const startBlock = [known.communityHouse?.startBlock, operational.startBlock].reduce<bigint>(
    (min, block) => (block !== undefined && block < min ? block : min),
    operational.startBlock,
  );
  if (known.communityHouse && known.concordTimelock && known.governanceClassifier && known.votesToken) {
    return {
      operationalHouse: operational.address,
      communityHouse: known.communityHouse.address,
      timelock: known.concordTimelock.address,
      classifier: known.governanceClassifier.address,
      votesToken: known.votesToken.address,
      startBlock,
    };
  }
  const address = operational.address;
  const [community, timelock, classifier] = await readBatch(
    client,
    [
      { address, abi: operationalHouseAbi, functionName: "communityHouse" },
      { address, abi: operationalHouseAbi, functionName: "timelock" },
      { address, abi: operationalHouseAbi, functionName: "classifier" },
    ] as const,
    { contract: "OperationalHouse", errors: governanceErrorCatalogue },
  );
  const communityHouse = known.communityHouse?.address ?? getAddress(community);
  const votesToken =
    known.votesToken?.address ??
    getAddress(
      (
        await readBatch(
          client,
          [{ address: communityHouse, abi: communityHouseAbi, functionName: "token" }] as const,
          { contract: "CommunityHouse", errors: governanceErrorCatalogue },
        )
      )[0],
    );
  return {
    operationalHouse: address,
    communityHouse,
    timelock: known.concordTimelock?.address ?? getAddress(timelock),
    classifier: known.governanceClassifier?.address ?? getAddress(classifier),
    votesToken,
    startBlock,
  };
}

/**
 * The parameters governance runs with: both houses' periods, thresholds and quorums, the veto threshold, the
 * timelock delays and the guardian. One batched read.
 *
 * @example
 * const settings = await concord.governance.getGovernanceSettings();
 * settings.operationalDelay; // the veto window, in seconds
 */
export async function getGovernanceSettings(
  client: ConcordClientBase,
  block: BlockParameters = {},
): Promise<GovernanceSettings> {
  const at = readAt(block);
  const gov = await getGovernanceContracts(client);
  const op = { address: gov.operationalHouse, abi: operationalHouseAbi } as const;
  const co = { address: gov.communityHouse, abi: communityHouseAbi } as const;
  const [
    opDelay,
    opPeriod,
    opThreshold,
    opQuorum,
    opFloor,
    opGuardian,
    constitutionalDelay,
    coDelay,
    coPeriod,
    coThreshold,
    coQuorum,
    coFloor,
    coGuardian,
    veto,
    extension,
    minDelay,
  ] = await readBatch(
    client,
    [
      { ...op, functionName: "votingDelay" },
      { ...op, functionName: "votingPeriod" },
      { ...op, functionName: "proposalThreshold" },
      { ...op, functionName: "quorumNumerator" },
      { ...op, functionName: "quorumFloor" },
      { ...op, functionName: "proposalGuardian" },
      { ...op, functionName: "constitutionalDelay" },
      { ...co, functionName: "votingDelay" },
      { ...co, functionName: "votingPeriod" },
      { ...co, functionName: "proposalThreshold" },
      { ...co, functionName: "quorumNumerator" },
      { ...co, functionName: "quorumFloor" },
      { ...co, functionName: "proposalGuardian" },
      { ...co, functionName: "vetoThresholdNumerator" },
      { ...co, functionName: "lateQuorumVoteExtension" },
      { address: gov.timelock, abi: concordTimelockAbi, functionName: "getMinDelay" },
    ] as const,
    { contract: "OperationalHouse", at, errors: governanceErrorCatalogue },
  );
  const orNull = (account: Address) => (account === zeroAddress ? null : getAddress(account));
  return {
    operational: {
      address: gov.operationalHouse,
      votingDelay: opDelay,
      votingPeriod: opPeriod,
      proposalThreshold: opThreshold,
      quorumPercent: opQuorum,
      quorumFloor: opFloor,
      guardian: orNull(opGuardian),
    },
    community: {
      address: gov.communityHouse,
      votingDelay: coDelay,
      votingPeriod: coPeriod,
      proposalThreshold: coThreshold,
      quorumPercent: coQuorum,
      quorumFloor: coFloor,
      guardian: orNull(coGuardian),
      vetoThresholdBps: veto,
      lateQuorumExtension: BigInt(extension),
    },
    operationalDelay: minDelay,
    constitutionalDelay,
    guardian: orNull(opGuardian) ?? orNull(coGuardian),
  };
}

/** An account's voting power now (or at the block read). */
export type VotingPower = {
  account: Address;
  /** Whether the account holds a membership (its own token; false with a DAO's own ERC20Votes token). */
  member: boolean;
  /** Votes in the community house now (its own if self-delegated, plus what others delegated to it). */
  communityVotes: bigint;
  /** Who the account delegates its community vote to, or null when it has not delegated. */
  delegate: Address | null;
  /**
   * Operational seats the account holds now: 1 when it is the delegate of a recognised cell, else 0 (one seat
   * per account). A seat counts as a vote {@link SEAT_DELAY_SECONDS} after it was taken: see `seatVotes`.
   */
  seats: bigint;
  /** Operational votes now: the seats held SEAT_DELAY ago (a new seat votes on proposals opened after that). */
  seatVotes: bigint;
  /** When the seat held now starts counting as a vote (unix seconds), or null when it already counts or none. */
  seatCountsFrom: bigint | null;
};

/**
 * An account's voting power now in both houses (a vote counts the power at each proposal's snapshot).
 *
 * @example
 * const { communityVotes, seats, delegate } = await concord.governance.getVotingPower({ account: alice });
 */
export async function getVotingPower(
  client: ConcordClientBase,
  parameters: { account: Address } & BlockParameters,
): Promise<VotingPower> {
  const account = toAddress("account", parameters.account);
  // The votes read at the block, the seat's history scanned up to it.
  const { at, toBlock } = await pinBlock(client, readAt(parameters));
  const gov = await getGovernanceContracts(client);
  const registry = contractOf(client, "cellRegistry").address;
  const token = { address: gov.votesToken, abi: concordMembershipAbi } as const;
  const [votes, delegate, balance, seats, seatVotes, now] = await readBatch(
    client,
    [
      { ...token, functionName: "getVotes", args: [account] },
      { ...token, functionName: "delegates", args: [account] },
      { ...token, functionName: "balanceOf", args: [account] },
      { address: registry, abi: cellRegistryAbi, functionName: "seatsOf", args: [account] },
      { address: registry, abi: cellRegistryAbi, functionName: "getVotes", args: [account] },
      { address: registry, abi: cellRegistryAbi, functionName: "clock" },
    ] as const,
    { contract: "ConcordMembership", at, errors: governanceErrorCatalogue },
  );
  return {
    account,
    member: balance > 0n,
    communityVotes: votes,
    delegate: delegate === zeroAddress ? null : getAddress(delegate),
    seats,
    seatVotes,
    seatCountsFrom: seats > seatVotes ? await seatCountsFrom(client, account, BigInt(now), toBlock) : null,
  };
}

/** Seconds between a seat change and the moment it counts as votes (CellRegistry.SEAT_DELAY, 7 days). */
export const SEAT_DELAY_SECONDS = 7n * 24n * 60n * 60n;

/**
 * When the seat `account` holds now was taken, plus the seat delay (from its latest SeatsChanged event). A seat
 * that does not count yet was taken within the last seat delay, so on a long chain the scan starts at the first
 * block of that window (found by its time, `firstBlockAtOrAfter`) instead of the registry's deployment.
 */
async function seatCountsFrom(
  client: ConcordClientBase,
  account: Address,
  now: bigint,
  toBlock: bigint | undefined,
): Promise<bigint | null> {
  const registry = contractOf(client, "cellRegistry");
  const end = await stampOf(client, toBlock === undefined ? {} : { blockNumber: toBlock });
  let fromBlock = registry.startBlock;
  if (end.number - fromBlock > WHOLE_SCAN_BLOCKS) {
    const start = await stampOf(client, { blockNumber: fromBlock });
    fromBlock = await firstBlockAtOrAfter(client, now - SEAT_DELAY_SECONDS, start, end);
  }
  const logs = await scanEvents(client, {
    address: registry.address,
    abi: cellRegistryAbi,
    eventNames: ["SeatsChanged"],
    topics: [account],
    fromBlock,
    toBlock: end.number,
  });
  const last = logs.at(-1);
  if (!last?.blockNumber) return null;
  const block = await getBlock(client.publicClient, { blockNumber: last.blockNumber });
  const from = block.timestamp + SEAT_DELAY_SECONDS;
  return from > now ? from : null;
}
