/**
 * The member directory of the community house: who holds a membership, who delegates to whom (liquid
 * democracy), and, for one page of members at a time, their votes and operational seats. The roster comes
 * from one scan of the votes token's `Transfer` (mints, burns) and `DelegateChanged` events (`scanEvents`,
 * chunked by `maxBlockRange`); the powers from one batched read per page (at most {@link MEMBER_PAGE_LIMIT}
 * members, three reads each).
 */
import { getAddress, zeroAddress } from "viem";
import type { Address } from "viem";

import type { ConcordClientBase } from "../client.ts";
import { InvalidInputError } from "../errors.ts";
import { cellRegistryAbi, concordMembershipAbi } from "../generated/abis.ts";
import { scanEvents } from "../internal/logs.ts";
import { readBatch } from "../internal/read.ts";
import { toAddress } from "../internal/validate.ts";
import { getGovernanceContracts } from "./reads.ts";

/** The most members {@link getMemberPowers} reads in one call (three reads each, one batched `eth_call`). */
export const MEMBER_PAGE_LIMIT = 30;

/** One account of the roster: a member now, or an account that still has members delegating to it. */
export type RosterEntry = {
  account: Address;
  /** Whether it holds a membership now. */
  member: boolean;
  /** Who it delegates its community vote to (itself when it votes directly), or null when it never delegated. */
  delegate: Address | null;
  /** The members whose delegate it is now, itself excluded, in the order they delegated. */
  delegators: Address[];
};

/** The roster of {@link getMemberRoster}. */
export type MemberRoster = {
  /** Members first (in the order they were admitted), then non-members that members delegate to. */
  entries: RosterEntry[];
  /** The number of members now. */
  memberCount: number;
  /** The last block the scan covered, or null when the node answered "latest" with no log. */
  toBlock: bigint | null;
};

/**
 * Every member of the community house and its delegation, from one scan of the votes token's events (mints,
 * burns and delegate changes since the governance deployment). Reads no state: use
 * {@link getMemberPowers} for the votes and seats of the members a screen shows.
 *
 * @example
 * const { entries } = await getMemberRoster(concord);
 * const alice = entries.find((entry) => entry.account === aliceAddress);
 * alice?.delegators; // the members who delegated their vote to Alice
 */
export async function getMemberRoster(
  client: ConcordClientBase,
  parameters: { toBlock?: bigint } = {},
): Promise<MemberRoster> {
  const gov = await getGovernanceContracts(client);
  const logs = await scanEvents(client, {
    address: gov.votesToken,
    abi: concordMembershipAbi,
    eventNames: ["Transfer", "DelegateChanged"],
    // The founding members are minted when the token is deployed, before the houses.
    fromBlock: [
      client.contracts.votesToken?.startBlock,
      client.contracts.cellRegistry.startBlock,
    ].reduce<bigint>((min, block) => (block !== undefined && block < min ? block : min), gov.startBlock),
    toBlock: parameters.toBlock,
  });
  const members = new Map<Address, boolean>();
  const delegates = new Map<Address, Address>();
  // Insertion order of delegators per delegate; a re-delegation moves the delegator to the end.
  const delegators = new Map<Address, Set<Address>>();
  let toBlock: bigint | null = parameters.toBlock ?? null;
  for (const log of logs) {
    if (log.blockNumber !== null && (toBlock === null || log.blockNumber > toBlock))
      toBlock = log.blockNumber;
    if (log.eventName === "Transfer") {
      const { from, to } = log.args as { from: Address; to: Address };
      if (from === zeroAddress && to !== zeroAddress) members.set(getAddress(to), true);
      if (to === zeroAddress && from !== zeroAddress) members.set(getAddress(from), false);
    } else {
      const { delegator, fromDelegate, toDelegate } = log.args as {
        delegator: Address;
        fromDelegate: Address;
        toDelegate: Address;
      };
      const account = getAddress(delegator);
      if (fromDelegate !== zeroAddress) delegators.get(getAddress(fromDelegate))?.delete(account);
      if (toDelegate === zeroAddress) {
        delegates.delete(account);
        continue;
      }
      const to = getAddress(toDelegate);
      delegates.set(account, to);
      let set = delegators.get(to);
      if (!set) delegators.set(to, (set = new Set()));
      set.add(account);
    }
  }
  const entry = (account: Address): RosterEntry => ({
    account,
    member: members.get(account) === true,
    delegate: delegates.get(account) ?? null,
    // Only members' delegations carry a vote (an expelled member's vote is gone).
    delegators: [...(delegators.get(account) ?? [])].filter(
      (delegator) => delegator !== account && members.get(delegator) === true,
    ),
  });
  const current = [...members].filter(([, member]) => member).map(([account]) => entry(account));
  const others = [...delegators.keys()]
    .filter((account) => members.get(account) !== true)
    .map(entry)
    .filter((other) => other.delegators.length > 0);
  return { entries: [...current, ...others], memberCount: current.length, toBlock };
}

/** An account's votes and seats now, from {@link getMemberPowers}. */
export type MemberPower = {
  account: Address;
  /** Votes in the community house now (its own when it votes directly, plus those delegated to it). */
  communityVotes: bigint;
  /** Operational seats now (1 when it is the delegate of a recognised cell). */
  seats: bigint;
  /** Operational votes now (seats count a week after they were taken). */
  seatVotes: bigint;
};

/**
 * The votes and seats now of up to {@link MEMBER_PAGE_LIMIT} accounts, in one batched read.
 *
 * @throws {InvalidInputError} when more than {@link MEMBER_PAGE_LIMIT} accounts are asked for.
 * @example
 * const page = roster.entries.slice(0, 20).map((entry) => entry.account);
 * const powers = await getMemberPowers(concord, { accounts: page });
 */
export async function getMemberPowers(
  client: ConcordClientBase,
  parameters: { accounts: readonly Address[] },
): Promise<MemberPower[]> {
  if (parameters.accounts.length > MEMBER_PAGE_LIMIT) {
    throw new InvalidInputError(
      "accounts",
      parameters.accounts.length,
      `at most ${MEMBER_PAGE_LIMIT} accounts per read, ${parameters.accounts.length} given (read them page by page)`,
    );
  }
  const accounts = parameters.accounts.map((account, i) => toAddress(`accounts[${i}]`, account));
  if (accounts.length === 0) return [];
  const gov = await getGovernanceContracts(client);
  const registry = { address: client.addresses.cellRegistry, abi: cellRegistryAbi } as const;
  const results = await readBatch(
    client,
    accounts.flatMap((account) => [
      {
        address: gov.votesToken,
        abi: concordMembershipAbi,
        functionName: "getVotes",
        args: [account],
      } as const,
      { ...registry, functionName: "seatsOf", args: [account] } as const,
      { ...registry, functionName: "getVotes", args: [account] } as const,
    ]),
    { contract: "ConcordMembership" },
  );
  return accounts.map((account, i) => ({
    account,
    communityVotes: results[i * 3] as bigint,
    seats: results[i * 3 + 1] as bigint,
    seatVotes: results[i * 3 + 2] as bigint,
  }));
}
