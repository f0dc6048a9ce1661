/**
 * The member directory of the community house: who holds a membership, who delegates to whom (liquid
 * democracy), a page at a time, and, for the accounts of one page, their votes and operational seats.
 *
 * Direct path: one scan of the votes token's `Transfer` (mints, burns) and `DelegateChanged` events up to the
 * block read (`scanEvents`, chunked by `maxBlockRange`), folded in memory, then one page of it. Indexer path:
 * one request to `/concord/roster` (the indexer folds the same events the same way, `indexer/src/index.ts`).
 * The powers are one batched read of the page's accounts only.
 */
import { getAddress, zeroAddress } from "viem";
import type { Address } from "viem";

import type { ConcordClientBase } from "../client.ts";
import { InvalidInputError } from "../errors.ts";
import type { ConcordErrorType } from "../errors.ts";
import { cellRegistryAbi, concordMembershipAbi } from "../generated/abis.ts";
import { indexerFor } from "../indexer/switch.ts";
import { pinBlock, pinned, readAt } from "../internal/block.ts";
import type { BlockParameters } from "../internal/block.ts";
import { scanEvents } from "../internal/logs.ts";
import {
  MAX_PAGE_LIMIT,
  compareEvents,
  eventCursor,
  eventCursorOf,
  pageOf,
  toPageLimit,
} from "../internal/page.ts";
import type { EventPosition, Page, PageParameters } from "../internal/page.ts";
import { readBatch } from "../internal/read.ts";
import { toAddress } from "../internal/validate.ts";
import { getGovernanceContracts } from "./reads.ts";

/**
 * The most accounts {@link getMemberPowers} reads in one call: one roster page's (three reads each, in
 * Multicall3 batches bounded by call count and gas).
 */
export const MEMBER_PAGE_LIMIT = MAX_PAGE_LIMIT;
/** The most accounts one roster read filters on (`accounts`: they travel in the indexer request's URL). */
export const MAX_ROSTER_ACCOUNTS = 100;
/** The most delegators a {@link RosterEntry} names (the first ones; `delegatorCount` counts them all). */
export const MAX_ROSTER_DELEGATORS = 10;

/** One account of the roster: a member now, or an account that members delegate to now. */
export type RosterEntry = {
  account: Address;
  /** Whether it holds a membership now. */
  member: boolean;
  /** Who it delegates its community vote to (itself when it votes directly), or null when it never delegated. */
  delegate: Address | null;
  /**
   * The first {@link MAX_ROSTER_DELEGATORS} members whose delegate it is now, itself excluded, in the order they
   * delegated (a re-delegation moves a delegator to the end).
   */
  delegators: Address[];
  /** How many members delegate to it now, itself excluded. */
  delegatorCount: number;
};

/** Parameters of {@link getMemberRoster}. */
export type GetMemberRosterParameters = PageParameters &
  BlockParameters & {
    /** Only these accounts' entries (at most {@link MAX_ROSTER_ACCOUNTS}); an account not on the roster has none. */
    accounts?: readonly Address[] | undefined;
  };

/** One page of the roster of {@link getMemberRoster}, with the number of members. */
export type GetMemberRosterReturnType = Page<RosterEntry> & {
  /** The number of members at the block read (of the whole roster, whatever the page or filter). */
  memberCount: number;
};

/** What {@link getMemberRoster} throws. */
export type GetMemberRosterErrorType = ConcordErrorType;

/** The checked parameters of a roster read (limit, cursor, accounts), before any request. */
function rosterQuery(parameters: GetMemberRosterParameters) {
  const limit = toPageLimit(parameters.limit);
  const after = eventCursor(parameters.cursor);
  let accounts: Address[] | null = null;
  if (parameters.accounts !== undefined) {
    if (!Array.isArray(parameters.accounts))
      throw new InvalidInputError("accounts", parameters.accounts, "expected an array of addresses");
    if (parameters.accounts.length > MAX_ROSTER_ACCOUNTS)
      throw new InvalidInputError(
        "accounts",
        parameters.accounts.length,
        `at most ${MAX_ROSTER_ACCOUNTS} accounts per read, ${parameters.accounts.length} given`,
      );
    accounts = parameters.accounts.map((account, i) =>
      toAddress(`accounts[${i}]`, account, { allowZero: true }),
    );
  }
  return { limit, after, accounts };
}

/** @internal What the roster knows of an account after folding the events (both paths fold the same way). */
type Folded = {
  member: boolean;
  /** Its place on the roster: its latest mint, else the first delegation it received (null: neither). */
  key: EventPosition | null;
  delegate: Address | null;
  /** Its latest `DelegateChanged` (orders the delegators of its delegate). */
  delegatedAt: EventPosition | null;
};

/**
 * One page of the roster of the community house: every account that holds a membership or that members
 * delegate to, each with its delegate and delegators, ordered by its place (its latest admission; for a
 * non-member, the first delegation it received), `limit` at a time. The cursor is the indexer's
 * (`block:logIndex` of that place), so a client on `reads: "auto"` may switch path between two pages. Reads
 * no votes: use {@link getMemberPowers} for the accounts of the page shown.
 *
 * Requests: through the indexer, one; directly, the scan of the votes token's events up to the block read
 * (plus one `eth_getBlockByNumber` for a `blockTag`).
 *
 * @throws {InvalidInputError} for a `limit` outside 1..500, a cursor that is not a page's `next`, more than
 * {@link MAX_ROSTER_ACCOUNTS} `accounts`, a malformed address, or both `blockNumber` and `blockTag`.
 * @example
 * const first = await getMemberRoster(concord, { limit: 20 });
 * const second = first.next ? await getMemberRoster(concord, { limit: 20, cursor: first.next }) : null;
 * const [mine] = (await getMemberRoster(concord, { accounts: [me] })).items; // undefined: not on the roster
 * const then = await getMemberRoster(concord, { blockNumber: 1_000n }); // the roster as of block 1,000
 */
export async function getMemberRoster(
  client: ConcordClientBase,
  parameters: GetMemberRosterParameters = {},
): Promise<GetMemberRosterReturnType> {
  const query = rosterQuery(parameters);
  const at = readAt(parameters);
  const viaIndexer = pinned(at) ? null : await indexerFor(client);
  if (viaIndexer)
    return (await import("../indexer/members.ts")).indexerMemberRoster(viaIndexer, {
      limit: query.limit,
      cursor: query.after ? eventCursorOf(query.after) : null,
      accounts: query.accounts,
    });

  const { toBlock } = await pinBlock(client, at);
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
    toBlock,
  });
  const accounts = new Map<Address, Folded>();
  const folded = (account: Address): Folded => {
    let state = accounts.get(account);
    if (!state)
      accounts.set(account, (state = { member: false, key: null, delegate: null, delegatedAt: null }));
    return state;
  };
  for (const log of logs) {
    const position = { blockNumber: log.blockNumber, logIndex: log.logIndex };
    if (log.eventName === "Transfer") {
      const { from, to } = log.args as { from: Address; to: Address };
      if (from === zeroAddress && to !== zeroAddress) {
        const state = folded(getAddress(to));
        state.member = true;
        state.key = position;
      }
      if (to === zeroAddress && from !== zeroAddress) folded(getAddress(from)).member = false;
    } else {
      const { delegator, toDelegate } = log.args as { delegator: Address; toDelegate: Address };
      const state = folded(getAddress(delegator));
      state.delegate = toDelegate === zeroAddress ? null : getAddress(toDelegate);
      state.delegatedAt = position;
      if (state.delegate !== null) {
        const target = folded(state.delegate);
        if (target.key === null) target.key = position;
      }
    }
  }
  // Only members' delegations carry a vote (an expelled member's vote is gone), and not to themselves.
  const delegators = new Map<Address, { account: Address; at: EventPosition }[]>();
  let memberCount = 0;
  for (const [account, state] of accounts) {
    if (!state.member) continue;
    memberCount++;
    if (state.delegate === null || state.delegate === account || state.delegatedAt === null) continue;
    let list = delegators.get(state.delegate);
    if (!list) delegators.set(state.delegate, (list = []));
    list.push({ account, at: state.delegatedAt });
  }
  const wanted = query.accounts ? new Set(query.accounts) : null;
  const roster = [...accounts]
    .filter(([account, state]) => state.key !== null && (state.member || delegators.has(account)))
    .filter(([account]) => wanted === null || wanted.has(account))
    .sort(([, a], [, b]) => compareEvents(a.key!, b.key!));
  const page = pageOf(
    roster,
    { limit: query.limit, cursor: parameters.cursor },
    ([, state]) => eventCursorOf(state.key!),
    ([, state], cursor) => compareEvents(state.key!, eventCursor(cursor)!) > 0,
  );
  return {
    items: page.items.map(([account, state]) => {
      const list = (delegators.get(account) ?? []).sort((a, b) => compareEvents(a.at, b.at));
      return {
        account,
        member: state.member,
        delegate: state.delegate,
        delegators: list.slice(0, MAX_ROSTER_DELEGATORS).map((entry) => entry.account),
        delegatorCount: list.length,
      };
    }),
    next: page.next,
    memberCount,
  };
}

/** An account's votes and seats at the block read, from {@link getMemberPowers}. */
export type MemberPower = {
  account: Address;
  /** Votes in the community house (its own when it votes directly, plus those delegated to it). */
  communityVotes: bigint;
  /** Operational seats (1 when it is the delegate of a recognised cell). */
  seats: bigint;
  /** Operational votes (seats count a week after they were taken). */
  seatVotes: bigint;
};

/** Parameters of {@link getMemberPowers}. */
export type GetMemberPowersParameters = {
  /** At most {@link MEMBER_PAGE_LIMIT} accounts (a roster page's). */
  accounts: readonly Address[];
} & BlockParameters;

/** What {@link getMemberPowers} resolves to. */
export type GetMemberPowersReturnType = MemberPower[];
/** What {@link getMemberPowers} throws. */
export type GetMemberPowersErrorType = ConcordErrorType;

/**
 * The votes and seats of up to {@link MEMBER_PAGE_LIMIT} accounts (a roster page's), at a block (default: the
 * latest), in one batched read of three functions per account (Multicall3 batches bounded by call count and
 * gas). Goes to the chain on both read paths: the seats' votes change by time alone.
 *
 * @throws {InvalidInputError} when more than {@link MEMBER_PAGE_LIMIT} accounts are asked for, or one is not
 * an address.
 * @example
 * const page = await getMemberRoster(concord, { limit: 20 });
 * const powers = await getMemberPowers(concord, { accounts: page.items.map((entry) => entry.account) });
 */
export async function getMemberPowers(
  client: ConcordClientBase,
  parameters: GetMemberPowersParameters,
): Promise<GetMemberPowersReturnType> {
  if (!Array.isArray(parameters?.accounts))
    throw new InvalidInputError("accounts", parameters?.accounts, "expected an array of addresses");
  if (parameters.accounts.length > MEMBER_PAGE_LIMIT) {
    throw new InvalidInputError(
      "accounts",
      parameters.accounts.length,
      `at most ${MEMBER_PAGE_LIMIT} accounts per read, ${parameters.accounts.length} given (read them page by page)`,
    );
  }
  const accounts = parameters.accounts.map((account, i) => toAddress(`accounts[${i}]`, account));
  const at = readAt(parameters);
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
    { contract: "ConcordMembership", at },
  );
  return accounts.map((account, i) => ({
    account,
    communityVotes: results[i * 3] as bigint,
    seats: results[i * 3 + 1] as bigint,
    seatVotes: results[i * 3 + 2] as bigint,
  }));
}
