import type { Address } from "viem";
import { describe, expect, it } from "vitest";

import { MAX_ROSTER_ACCOUNTS } from "../../../../sdk/index.ts";
import type { RosterEntry } from "../../../../sdk/index.ts";
import { delegatePermission, delegatorsInWords, searchAccounts, viewerFirst } from "./directory.ts";

const alice = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266" as Address;
const bob = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8" as Address;
const carol = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC" as Address;
const stranger = "0x00000000000000000000000000000000000000AA" as Address;
const names: Record<string, string> = { [alice]: "Alice", [bob]: "Bob", [carol]: "Carol" };
const nameOf = (address: Address) => names[address] ?? null;
const known = [alice, bob, carol];
const entry = (account: Address, delegate: Address | null, member = true): RosterEntry => ({
  account,
  member,
  delegate,
  delegators: [],
  delegatorCount: 0,
});
const roster = [entry(alice, alice), entry(bob, alice), entry(carol, null)];

describe("searchAccounts", () => {
  it("names the known accounts by a part of the name or the address, the viewer first", () => {
    expect(searchAccounts("CAR", known, nameOf, null)).toEqual([carol]);
    expect(searchAccounts("7099", known, nameOf, null)).toEqual([bob]);
    expect(searchAccounts("0x3c44", known, nameOf, null)).toEqual([carol]);
    expect(searchAccounts("o", known, nameOf, carol)).toEqual([carol, bob]);
    expect(searchAccounts("you", known, nameOf, carol)).toEqual([carol]);
    expect(searchAccounts("zed", known, nameOf, null)).toEqual([]);
  });

  it("takes any whole address, browses on an empty search, and names at most MAX_ROSTER_ACCOUNTS", () => {
    expect(searchAccounts(` ${stranger.toLowerCase()} `, known, nameOf, null)).toEqual([stranger]);
    expect(searchAccounts("  ", known, nameOf, null)).toBeNull();
    expect(searchAccounts("you", known, nameOf, stranger)).toEqual([stranger]);
    const many = Array.from(
      { length: MAX_ROSTER_ACCOUNTS + 5 },
      (_, i) => `0x${(i + 1).toString(16).padStart(40, "0")}` as Address,
    );
    expect(searchAccounts("0x", many, nameOf, null)).toHaveLength(MAX_ROSTER_ACCOUNTS);
  });
});

describe("viewerFirst", () => {
  it("puts the viewer's entry first and does not repeat it", () => {
    expect(viewerFirst(roster, roster[1], bob).map((e) => e.account)).toEqual([bob, alice, carol]);
    expect(viewerFirst(roster, undefined, bob).map((e) => e.account)).toEqual([alice, carol]);
    expect(viewerFirst(roster, undefined, null)).toEqual(roster);
  });
});

describe("delegatorsInWords", () => {
  it("names the delegators the roster gives and counts the rest", () => {
    const words = (account: Address) => nameOf(account) ?? "?";
    expect(delegatorsInWords({ delegators: [bob], delegatorCount: 1 }, words)).toBe("Bob");
    expect(delegatorsInWords({ delegators: [bob, carol], delegatorCount: 14 }, words)).toBe(
      "Bob, Carol and 12 more",
    );
  });
});

describe("delegatePermission", () => {
  const ok = { ok: true } as const;
  it("lets a member give its vote to another member", () => {
    expect(delegatePermission(ok, roster[1], roster[2]!, "Carol")).toEqual(ok);
  });
  it("says why not", () => {
    const wallet = { ok: false, reason: "Connect a wallet." } as const;
    expect(delegatePermission(wallet, roster[1], roster[2]!, "Carol")).toBe(wallet);
    expect(delegatePermission(ok, undefined, roster[2]!, "Carol")).toEqual({
      ok: false,
      reason: "Only members have a vote to delegate.",
    });
    expect(delegatePermission(ok, roster[1], roster[0]!, "Alice")).toEqual({
      ok: false,
      reason: "Alice is your delegate.",
    });
    expect(delegatePermission(ok, roster[0], roster[0]!, "You")).toEqual({
      ok: false,
      reason: "You vote yourself.",
    });
    expect(delegatePermission(ok, roster[0], entry(carol, null, false), "Carol").ok).toBe(false);
  });
});
