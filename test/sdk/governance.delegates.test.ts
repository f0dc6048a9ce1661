/**
 * The member directory of the SDK: the roster (members and who delegates to whom) from the votes token's
 * events, a page at a time and as of a block, and one page of votes and seats in one batched read.
 */
import { QueryClient } from "@tanstack/react-query";
import { getAddress, parseEther } from "viem";
import type { Address } from "viem";
import { beforeAll, describe, expect, it } from "vitest";

import {
  MAX_ROSTER_ACCOUNTS,
  MAX_ROSTER_DELEGATORS,
  MEMBER_PAGE_LIMIT,
  getMemberPowers,
  getMemberRoster,
} from "../../sdk/governance/index.ts";
import type { RosterEntry } from "../../sdk/governance/index.ts";
import { InvalidInputError, createConcordClient } from "../../sdk/index.ts";
import {
  getMemberPowersQueryOptions,
  getMemberRosterInfiniteQueryOptions,
  getMemberRosterQueryOptions,
  getTreasuryQueryKey,
} from "../../sdk/react/index.ts";
import type { ConcordClient } from "../../sdk/index.ts";
import { rejection } from "./fixture.ts";
import { createGovernanceChain } from "./governance.fixture.ts";
import type { GovernanceChain, GovernanceDeployment } from "./governance.fixture.ts";

let chain: GovernanceChain;
beforeAll(async () => {
  chain = await createGovernanceChain();
});

/** Every entry of the roster, page after page of `limit` (bounded: at most 100 pages). */
async function walk(
  client: ConcordClient,
  limit: number,
  extra: { blockNumber?: bigint } = {},
): Promise<{ entries: RosterEntry[]; pages: number }> {
  const entries: RosterEntry[] = [];
  let cursor: string | null = null;
  for (let pages = 1; pages <= 100; pages++) {
    const page = await getMemberRoster(client, { limit, cursor, ...extra });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    entries.push(...page.items);
    if (page.next === null) return { entries, pages };
    cursor = page.next;
  }
  throw new Error("more than 100 pages");
}

/** Sends as `account` (impersonated, funded): how the timelock admits members and new members delegate. */
async function impersonate(account: Address): Promise<void> {
  await chain.networkHelpers.impersonateAccount(account);
  await chain.networkHelpers.setBalance(account, parseEther("1"));
}

/** Admits `accounts` as members (as the timelock, which owns the votes token). */
async function admit(dao: GovernanceDeployment, accounts: readonly Address[]): Promise<void> {
  const timelock = dao.addresses.concordTimelock;
  await impersonate(timelock);
  for (const account of accounts) await dao.contracts.membership.write.mint([account], { account: timelock });
}

const randomAccount = (i: number): Address => getAddress(`0x${(0xc0c0 + i).toString(16).padStart(40, "0")}`);

describe("member roster", () => {
  it("lists the founding members, each voting directly, with no delegator, one page at a time", async () => {
    const dao = await chain.deploy();
    const roster = await getMemberRoster(dao.readOnly);
    expect(roster.memberCount).toBe(5);
    expect(roster.next).toBeNull();
    expect(roster.items.map((entry) => entry.account)).toEqual(dao.members.map((m) => getAddress(m)));
    for (const entry of roster.items) {
      expect(entry).toEqual({
        account: entry.account,
        member: true,
        delegate: entry.account,
        delegators: [],
        delegatorCount: 0,
      });
    }
    // Pages of 2: the same entries, in the same order, in 3 pages; every page says the member count.
    const walked = await walk(dao.readOnly, 2);
    expect(walked.entries).toEqual(roster.items);
    expect(walked.pages).toBe(3);
    const first = await getMemberRoster(dao.readOnly, { limit: 2 });
    expect(first.memberCount).toBe(5);
    expect(first.next).toMatch(/^\d+:\d+$/);
    // A page of exactly the rest ends the list.
    const rest = await getMemberRoster(dao.readOnly, { limit: 3, cursor: first.next });
    expect(rest.items.map((entry) => entry.account)).toEqual(roster.items.slice(2).map((e) => e.account));
    expect(rest.next).toBeNull();
  });

  it("follows delegations and re-delegations; a non-member's delegation carries no vote", async () => {
    const dao = await chain.deploy();
    const [, bob, , dave, erin, frank, outsider] = chain.accounts.map((a) => getAddress(a));
    await dao.as(4).governance.delegateVotes({ delegatee: dave! });
    await dao.as(5).governance.delegateVotes({ delegatee: dave! });
    let roster = await getMemberRoster(dao.readOnly);
    const find = (account: string) => roster.items.find((entry) => entry.account === account);
    expect(find(dave!)).toMatchObject({ delegators: [erin, frank], delegatorCount: 2 });
    expect(find(erin!)?.delegate).toBe(dave);

    await dao.as(4).governance.delegateVotes({ delegatee: bob! });
    // An outsider holds no membership: its delegation is not counted, and it is not on the roster.
    await dao
      .as(6)
      .governance.delegateVotes({ delegatee: bob! })
      .catch(() => undefined);
    roster = await getMemberRoster(dao.readOnly);
    expect(find(dave!)).toMatchObject({ delegators: [frank], delegatorCount: 1 });
    expect(find(bob!)).toMatchObject({ delegators: [erin], delegatorCount: 1 });
    expect(find(outsider!)).toBeUndefined();
    expect(roster.memberCount).toBe(5);

    // Filtered by account: only those on the roster, in roster order, whatever the order asked.
    const some = await getMemberRoster(dao.readOnly, { accounts: [frank!, outsider!, bob!] });
    expect(some.items.map((entry) => entry.account)).toEqual([bob, frank]);
    expect(some.memberCount).toBe(5);
    expect((await getMemberRoster(dao.readOnly, { accounts: [] })).items).toEqual([]);

    const powers = await getMemberPowers(dao.readOnly, { accounts: [bob!, dave!, erin!] });
    expect(powers).toEqual([
      { account: bob, communityVotes: 2n, seats: 1n, seatVotes: 1n },
      { account: dave, communityVotes: 2n, seats: 1n, seatVotes: 1n },
      { account: erin, communityVotes: 0n, seats: 0n, seatVotes: 0n },
    ]);
  });

  it("reads at an older block: the roster and the powers as they were then", async () => {
    const dao = await chain.deploy();
    const [, , , dave, erin] = chain.accounts.map((a) => getAddress(a));
    const before = await chain.publicClient.getBlockNumber();
    await dao.as(4).governance.delegateVotes({ delegatee: dave! });
    const newcomer = randomAccount(1);
    await admit(dao, [newcomer]);

    const now = await getMemberRoster(dao.readOnly);
    expect(now.memberCount).toBe(6);
    expect(now.items.find((entry) => entry.account === dave)?.delegators).toEqual([erin]);
    expect(now.items.at(-1)?.account).toBe(newcomer);

    const then = await getMemberRoster(dao.readOnly, { blockNumber: before });
    expect(then.memberCount).toBe(5);
    expect(then.items.map((entry) => entry.account)).toEqual(dao.members.map((m) => getAddress(m)));
    expect(then.items.find((entry) => entry.account === dave)).toMatchObject({
      delegators: [],
      delegatorCount: 0,
    });
    expect(then.items.find((entry) => entry.account === erin)?.delegate).toBe(erin);
    // Pages of an older block walk the older roster.
    expect((await walk(dao.readOnly, 2, { blockNumber: before })).entries).toEqual(then.items);
    // A tag is pinned to its block: "latest" reads what no block reads.
    expect(await getMemberRoster(dao.readOnly, { blockTag: "latest" })).toEqual(now);

    const powersThen = await getMemberPowers(dao.readOnly, { accounts: [dave!, erin!], blockNumber: before });
    expect(powersThen.map((power) => power.communityVotes)).toEqual([1n, 1n]);
    const powersNow = await getMemberPowers(dao.readOnly, { accounts: [dave!, erin!] });
    expect(powersNow.map((power) => power.communityVotes)).toEqual([2n, 0n]);
  });

  it("names the first delegators of a popular delegate and counts them all; an expelled member's vote is gone", async () => {
    const dao = await chain.deploy();
    const dave = getAddress(chain.accounts[3]!);
    const newcomers = Array.from({ length: MAX_ROSTER_DELEGATORS + 2 }, (_, i) => randomAccount(100 + i));
    await admit(dao, newcomers);
    for (const account of newcomers) {
      await impersonate(account);
      await dao.contracts.membership.write.delegate([dave], { account });
    }
    let [entry] = (await getMemberRoster(dao.readOnly, { accounts: [dave] })).items;
    expect(entry?.delegatorCount).toBe(newcomers.length);
    expect(entry?.delegators).toEqual(newcomers.slice(0, MAX_ROSTER_DELEGATORS));

    // The first one is expelled: it no longer counts; the others move up.
    const timelock = dao.addresses.concordTimelock;
    await impersonate(timelock);
    await dao.contracts.membership.write.burn([newcomers[0]!], { account: timelock });
    const roster = await getMemberRoster(dao.readOnly, { accounts: [dave, newcomers[0]!] });
    [entry] = roster.items;
    expect(roster.items).toHaveLength(1); // the expelled account has no delegator: off the roster
    expect(entry?.delegatorCount).toBe(newcomers.length - 1);
    expect(entry?.delegators).toEqual(newcomers.slice(1, MAX_ROSTER_DELEGATORS + 1));
    expect(roster.memberCount).toBe(5 + newcomers.length - 1);
  });

  it("keeps a non-member on the roster while members delegate to it", async () => {
    const dao = await chain.deploy();
    const erin = getAddress(chain.accounts[4]!);
    const outsider = getAddress(chain.accounts[7]!);
    await dao.as(4).governance.delegateVotes({ delegatee: outsider });
    const roster = await getMemberRoster(dao.readOnly);
    expect(roster.memberCount).toBe(5);
    expect(roster.items.at(-1)).toEqual({
      account: outsider,
      member: false,
      delegate: null,
      delegators: [erin],
      delegatorCount: 1,
    });
    await dao.as(4).governance.delegateVotes({ delegatee: erin });
    expect((await getMemberRoster(dao.readOnly)).items.some((entry) => entry.account === outsider)).toBe(
      false,
    );
  });

  it("refuses a bad limit, a forged cursor, too many accounts and a bad block before any request", async () => {
    const dao = await chain.deploy();
    const { client, methods } = await chain.countingPublicClient();
    const counted = createConcordClient({
      publicClient: client,
      addresses: dao.addresses,
      startBlock: dao.startBlock,
    });
    const refusals: [string, unknown][] = [
      ["limit", { limit: 0 }],
      ["limit", { limit: 501 }],
      ["limit", { limit: 1.5 }],
      ["cursor", { cursor: "12" }],
      ["cursor", { cursor: "1:2:3" }],
      ["cursor", { cursor: "1:2&accounts=0x" }],
      ["accounts", { accounts: Array.from({ length: MAX_ROSTER_ACCOUNTS + 1 }, (_, i) => randomAccount(i)) }],
      ["accounts[0]", { accounts: ["0x1234"] }],
      ["accounts", { accounts: "0x0000000000000000000000000000000000000001" }],
      ["blockNumber", { blockNumber: -1n }],
      ["blockNumber", { blockNumber: 1n, blockTag: "latest" }],
    ];
    for (const [parameter, parameters] of refusals) {
      const error = await rejection(getMemberRoster(counted, parameters as never));
      expect(
        error,
        JSON.stringify(parameters, (_, v: unknown) => (typeof v === "bigint" ? `${v}` : v)),
      ).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).parameter).toBe(parameter);
    }
    expect(methods).toEqual([]);
    // A well-formed cursor past the end is an empty last page, not an error.
    const past = await getMemberRoster(dao.readOnly, { cursor: "99999999999:0" });
    expect(past).toMatchObject({ items: [], next: null, memberCount: 5 });
  });
});

describe("member powers", () => {
  it("reads at most one roster page of accounts at a time", async () => {
    const dao = await chain.deploy();
    const accounts = Array.from({ length: MEMBER_PAGE_LIMIT + 1 }, () => dao.members[0]!);
    const error = await rejection(getMemberPowers(dao.readOnly, { accounts }));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message).toMatch(`at most ${MEMBER_PAGE_LIMIT} accounts`);
    expect(await getMemberPowers(dao.readOnly, { accounts: [] })).toEqual([]);
    const bad = await rejection(getMemberPowers(dao.readOnly, { accounts: ["0xnope" as Address] }));
    expect((bad as InvalidInputError).parameter).toBe("accounts[0]");
  });

  it("reads 35 accounts' powers in two eth_calls with Multicall3 (105 calls, batches of at most 100)", async () => {
    const dao = await chain.deploy();
    const { client, methods } = await chain.countingPublicClient({ multicall3: true });
    const counted = createConcordClient({
      publicClient: client,
      addresses: dao.addresses,
      startBlock: dao.startBlock,
    });
    const accounts = Array.from({ length: 30 }, (_, i) => randomAccount(i));
    const powers = await getMemberPowers(counted, { accounts: [...dao.members, ...accounts] });
    expect(powers).toHaveLength(35);
    expect(powers.slice(0, 5).map((power) => power.communityVotes)).toEqual([1n, 1n, 1n, 1n, 1n]);
    expect(powers.slice(5).every((power) => power.communityVotes === 0n)).toBe(true);
    expect(methods.filter((method) => method === "eth_call")).toHaveLength(2);
  });
});

describe("React entry", () => {
  it("walks the roster's pages with the infinite-query options, and reads one page and its powers", async () => {
    const dao = await chain.deploy();
    const queryClient = new QueryClient();
    const pages = getMemberRosterInfiniteQueryOptions(dao.readOnly, { limit: 2 });
    expect(pages.queryKey).toEqual([
      "concord",
      "getMemberRoster",
      expect.objectContaining({ limit: 2, pages: true }),
    ]);
    const data = await queryClient.fetchInfiniteQuery({ ...pages, pages: 3 });
    expect(data.pageParams).toEqual([null, data.pages[0]!.next, data.pages[1]!.next]);
    expect(data.pages.at(-1)!.next).toBeNull();
    expect(data.pages.flatMap((page) => page.items)).toEqual((await getMemberRoster(dao.readOnly)).items);

    const one = getMemberRosterQueryOptions(dao.readOnly, { limit: 2, cursor: data.pages[0]!.next });
    const second = await queryClient.fetchQuery(one);
    expect(second).toEqual(data.pages[1]);
    const powers = await queryClient.fetchQuery(
      getMemberPowersQueryOptions(dao.readOnly, { accounts: second.items.map((entry) => entry.account) }),
    );
    expect(powers.map((power) => power.account)).toEqual(second.items.map((entry) => entry.account));
    expect(getTreasuryQueryKey(dao.readOnly)).toEqual([
      "concord",
      "getTreasury",
      { chainId: dao.readOnly.chainId, cellRegistry: dao.addresses.cellRegistry },
    ]);
  });
});
