/**
 * The member directory of the SDK: the roster (members and who delegates to whom) from the votes token's
 * events, and one page of votes and seats in one batched read.
 */
import { getAddress } from "viem";
import { beforeAll, describe, expect, it } from "vitest";

import { MEMBER_PAGE_LIMIT, getMemberPowers, getMemberRoster } from "../../sdk/governance/index.ts";
import { InvalidInputError } from "../../sdk/index.ts";
import { createGovernanceChain } from "./governance.fixture.ts";
import type { GovernanceChain } from "./governance.fixture.ts";

let chain: GovernanceChain;
beforeAll(async () => {
  chain = await createGovernanceChain();
});

describe("member directory", () => {
  it("lists the founding members, each voting directly, with no delegator", async () => {
    const dao = await chain.deploy();
    const roster = await getMemberRoster(dao.readOnly);
    expect(roster.memberCount).toBe(5);
    expect(roster.entries.map((entry) => entry.account)).toEqual(dao.members.map((m) => getAddress(m)));
    for (const entry of roster.entries) {
      expect(entry).toMatchObject({ member: true, delegate: entry.account, delegators: [] });
    }
  });

  it("follows delegations and re-delegations; a non-member's delegation carries no vote", async () => {
    const dao = await chain.deploy();
    const [, bob, , dave, erin, frank, outsider] = chain.accounts.map((a) => getAddress(a));
    await dao.as(4).governance.delegateVotes({ delegatee: dave! });
    await dao.as(5).governance.delegateVotes({ delegatee: dave! });
    let roster = await getMemberRoster(dao.readOnly);
    const find = (account: string) => roster.entries.find((entry) => entry.account === account);
    expect(find(dave!)?.delegators).toEqual([erin, frank]);
    expect(find(erin!)?.delegate).toBe(dave);

    await dao.as(4).governance.delegateVotes({ delegatee: bob! });
    await dao
      .as(6)
      .governance.delegateVotes({ delegatee: bob! })
      .catch(() => undefined);
    roster = await getMemberRoster(dao.readOnly);
    expect(find(dave!)?.delegators).toEqual([frank]);
    expect(find(bob!)?.delegators).toEqual([erin]);
    expect(find(outsider!)).toBeUndefined();
    expect(roster.memberCount).toBe(5);

    const powers = await getMemberPowers(dao.readOnly, { accounts: [bob!, dave!, erin!] });
    expect(powers).toEqual([
      { account: bob, communityVotes: 2n, seats: 1n, seatVotes: 1n },
      { account: dave, communityVotes: 2n, seats: 1n, seatVotes: 1n },
      { account: erin, communityVotes: 0n, seats: 0n, seatVotes: 0n },
    ]);
  });

  it("reads at most one page of powers at a time", async () => {
    const dao = await chain.deploy();
    const accounts = Array.from({ length: MEMBER_PAGE_LIMIT + 1 }, () => dao.members[0]!);
    const error = await getMemberPowers(dao.readOnly, { accounts }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message).toMatch(`at most ${MEMBER_PAGE_LIMIT} accounts`);
    expect(await getMemberPowers(dao.readOnly, { accounts: [] })).toEqual([]);
  });
});
