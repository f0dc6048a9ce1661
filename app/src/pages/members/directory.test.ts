import type { Address } from "viem";
import { describe, expect, it } from "vitest";

import type { RosterEntry } from "../../../../sdk/index.ts";
import { delegatePermission, pageOf, searchRoster } from "./directory.ts";

const alice = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266" as Address;
const bob = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8" as Address;
const carol = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC" as Address;
const names: Record<string, string> = { [alice]: "Alice", [bob]: "Bob", [carol]: "Carol" };
const nameOf = (address: Address) => names[address] ?? null;
const entry = (account: Address, delegate: Address | null, member = true): RosterEntry => ({
  account,
  member,
  delegate,
  delegators: [],
});
const roster = [entry(alice, alice), entry(bob, alice), entry(carol, null)];

describe("searchRoster", () => {
  it("finds by a part of the name or the address, and puts the viewer first", () => {
    expect(searchRoster(roster, "CAR", nameOf, null).map((e) => e.account)).toEqual([carol]);
    expect(searchRoster(roster, "7099", nameOf, null).map((e) => e.account)).toEqual([bob]);
    expect(searchRoster(roster, "0x3c44", nameOf, null).map((e) => e.account)).toEqual([carol]);
    expect(searchRoster(roster, "", nameOf, bob).map((e) => e.account)).toEqual([bob, alice, carol]);
    expect(searchRoster(roster, "you", nameOf, carol).map((e) => e.account)).toEqual([carol]);
    expect(searchRoster(roster, "zed", nameOf, null)).toEqual([]);
  });
});

describe("pageOf", () => {
  it("cuts pages and keeps the page in range", () => {
    expect(pageOf([1, 2, 3, 4, 5], 0, 2)).toEqual({ items: [1, 2], page: 0, pages: 3 });
    expect(pageOf([1, 2, 3, 4, 5], 9, 2)).toEqual({ items: [5], page: 2, pages: 3 });
    expect(pageOf([], 0, 2)).toEqual({ items: [], page: 0, pages: 1 });
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
