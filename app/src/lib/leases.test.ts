import type { Address } from "viem";
import { describe, expect, it } from "vitest";

import { ContractRefusalError } from "../../../sdk/index.ts";
import type { QueueEntry, Reservation } from "../../../sdk/index.ts";
import {
  acquireCap,
  blockerOf,
  canCancelBooking,
  canLease,
  chainNow,
  checkBooking,
  formatCountdown,
  formatDuration,
  groupByDay,
  leaseView,
  parseDuration,
  timeOfDay,
  turnText,
  waitingAt,
} from "./leases.ts";
import type { LeaseStanding, LeaseView } from "./leases.ts";
import type { Viewer } from "./permissions.ts";

const bob: Address = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const carol: Address = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
const dave: Address = "0x90F79bf6EB2c4f870365E785982E1f101E93b906";
const names: Record<string, string> = { [bob]: "Bob", [carol]: "Carol", [dave]: "Dave" };
const label = (address: Address) => names[address] ?? address;
const time = (seconds: bigint) => `t${seconds}`;

const booking = (id: bigint, booker: Address, start: bigint, end: bigint): Reservation => ({
  id,
  booker,
  start,
  end,
});
const waiter = (account: Address, position: number, windowStart: bigint, windowEnd: bigint): QueueEntry => ({
  account,
  place: BigInt(position),
  position,
  windowStart,
  windowEnd,
});

describe("the chain's clock and countdowns", () => {
  it("follows the wall clock, or the chain when it runs ahead", () => {
    // An idle chain: its last block is 100 s old, the wall clock is the better estimate.
    expect(chainNow(1_000n, 1_100_000, 1_105_000)).toBe(1_105n);
    // A chain moved forward by a day: the read's time plus the time since the read.
    expect(chainNow(90_000n, 1_000_000, 1_004_500)).toBe(90_004n);
  });

  it("counts down and says when it ended", () => {
    // The same words as the dashboard's countdowns.
    expect(formatCountdown(3_849n, 0n)).toBe("1 h 04 min");
    expect(formatCountdown(2_645n, 0n)).toBe("44 min 05 s");
    expect(formatCountdown(9n, 0n)).toBe("9 s");
    expect(formatCountdown(90_061n, 0n)).toBe("1 d 1 h");
    expect(formatCountdown(10n, 10n)).toBe("ended");
    expect(formatCountdown(10n, 11n)).toBe("ended");
  });

  it("writes durations with their two largest units", () => {
    expect(formatDuration(5_400n)).toBe("1 h 30 min");
    expect(formatDuration(2_700)).toBe("45 min");
    expect(formatDuration(3_600n)).toBe("1 h");
    expect(formatDuration(3_601n)).toBe("1 h");
    expect(formatDuration(183_600n)).toBe("2 d 3 h");
    expect(formatDuration(30n)).toBe("30 s");
    expect(formatDuration(0n)).toBe("0 s");
  });

  it("parses typed durations", () => {
    expect(parseDuration("1.5", "h")).toEqual({ ok: true, seconds: 5_400n });
    expect(parseDuration(" 45 ", "min")).toEqual({ ok: true, seconds: 2_700n });
    expect(parseDuration("0", "min")).toEqual({ ok: false, reason: "Give a duration of at least 1 second." });
    expect(parseDuration("ten", "min").ok).toBe(false);
    expect(parseDuration("-1", "min").ok).toBe(false);
    expect(parseDuration("100000", "d")).toEqual({ ok: false, reason: "That duration is too long." });
  });
});

describe("what a resource is doing", () => {
  const lease = { holder: bob, expiresAt: 1_000n };
  const queue = [waiter(carol, 0, 1_000n, 1_600n), waiter(dave, 1, 1_600n, 2_200n)];

  it("ends a lease and claim windows by time alone", () => {
    const snapshot = { lease, claimant: null, queue, reservations: [] };
    expect(leaseView(snapshot, 999n)).toEqual({ kind: "held", lease });
    expect(leaseView(snapshot, 1_000n)).toEqual({
      kind: "claimable",
      claimant: { account: carol, windowStart: 1_000n, windowEnd: 1_600n },
    });
    expect(leaseView(snapshot, 1_700n)).toMatchObject({ kind: "claimable", claimant: { account: dave } });
    expect(leaseView(snapshot, 2_200n)).toEqual({ kind: "free" });
    expect(waitingAt(queue, 1_700n)).toEqual([{ ...queue[1], position: 0 }]);
  });

  it("shows an active booking when nobody holds or claims", () => {
    const reservations = [booking(1n, dave, 500n, 900n), booking(2n, carol, 2_000n, 3_000n)];
    const snapshot = { lease: null, claimant: null, queue: [], reservations };
    expect(leaseView(snapshot, 600n)).toEqual({ kind: "booked", booking: reservations[0] });
    expect(leaseView(snapshot, 1_000n)).toEqual({ kind: "free" });
  });

  it("says when a waiter's turn comes", () => {
    expect(turnText({ windowStart: 160n, windowEnd: 760n }, 100n)).toEqual({ now: false, text: "in 1 min" });
    expect(turnText({ windowStart: 160n, windowEnd: 760n }, 200n)).toEqual({
      now: true,
      text: "now, for 9 min 20 s",
    });
    expect(turnText({ windowStart: 160n, windowEnd: 760n }, 760n).text).toBe("passed");
  });
});

describe("the acquire-duration cap", () => {
  it("is the maximum, cut short by the next booking that has not started", () => {
    expect(acquireCap(3_600n, [], 1_000n)).toEqual({ seconds: 3_600n, limitedBy: "max", booking: null });
    const next = booking(2n, dave, 1_900n, 2_000n);
    expect(
      acquireCap(3_600n, [booking(1n, carol, 500n, 1_200n), booking(3n, dave, 3_000n, 3_100n), next], 1_000n),
    ).toEqual({
      seconds: 900n,
      limitedBy: "booking",
      booking: next,
    });
    // A booking further than the maximum does not limit.
    expect(acquireCap(600n, [next], 1_000n).limitedBy).toBe("max");
  });
});

describe("the booking calendar", () => {
  const utc = (day: number, hour: number, minute = 0) => BigInt(Date.UTC(2026, 11, day, hour, minute) / 1000);
  const late = booking(1n, dave, utc(7, 23, 30), utc(8, 0, 30));
  const morning = booking(2n, carol, utc(8, 8), utc(8, 9));
  const early = booking(3n, bob, utc(7, 10), utc(7, 11));

  it("groups bookings by day in the time zone, in time order", () => {
    const days = groupByDay([morning, late, early], "UTC");
    expect(days.map((day) => [day.key, day.label, day.bookings.map((b) => b.id)])).toEqual([
      ["2026-12-07", "Monday 7 December 2026", [3n, 1n]],
      ["2026-12-08", "Tuesday 8 December 2026", [2n]],
    ]);
    // In Tokyo (UTC+9) 23:30 UTC is already the next morning.
    const tokyo = groupByDay([morning, late, early], "Asia/Tokyo");
    expect(tokyo.map((day) => [day.key, day.bookings.map((b) => b.id)])).toEqual([
      ["2026-12-07", [3n]],
      ["2026-12-08", [1n, 2n]],
    ]);
  });

  it("writes times of day, with the day when it changes", () => {
    expect(timeOfDay(late.start, "UTC")).toBe("23:30");
    expect(timeOfDay(late.end, "UTC", late.start)).toBe("8 Dec 00:30");
    expect(timeOfDay(early.end, "UTC", early.start)).toBe("11:00");
  });

  it("checks a booking window before sending", () => {
    expect(checkBooking(2_000n, 3_000n, 1_000n, 3_600n)).toEqual({ ok: true, start: 2_000n, end: 3_000n });
    expect(checkBooking(null, 3_000n, 1_000n, 3_600n)).toEqual({
      ok: false,
      reason: "Give the booking's start and end.",
    });
    expect(checkBooking(500n, 3_000n, 1_000n, 3_600n)).toEqual({
      ok: false,
      reason: "The booking cannot start in the past.",
    });
    expect(checkBooking(2_000n, 2_000n, 1_000n, 3_600n)).toEqual({
      ok: false,
      reason: "The booking must end after it starts.",
    });
    expect(checkBooking(2_000n, 9_000n, 1_000n, 3_600n)).toEqual({
      ok: false,
      reason: "A booking lasts at most 1 h here.",
    });
  });
});

describe("who may do what on a resource", () => {
  const me: Viewer = { account: carol, onRightChain: true, chainName: "Local chain" };
  const standing = (view: LeaseView, overrides: Partial<LeaseStanding> = {}): LeaseStanding => ({
    resourceId: 2n,
    ownerCellId: 2n,
    access: 0,
    steward: false,
    ownerMember: true,
    anyMember: true,
    known: true,
    view,
    queue: [],
    now: 100n,
    label,
    time,
    ...overrides,
  });
  const heldByBob: LeaseView = { kind: "held", lease: { holder: bob, expiresAt: 1_000n } };
  const heldByMe: LeaseView = { kind: "held", lease: { holder: carol, expiresAt: 1_000n } };

  it("refuses to acquire a busy resource, naming the holder and the expiry", () => {
    expect(canLease("acquire", me, standing(heldByBob))).toEqual({
      ok: false,
      reason: "Bob holds it until t1000: join the queue to be next.",
    });
    expect(canLease("enqueue", me, standing(heldByBob))).toEqual({ ok: true });
    expect(canLease("acquire", me, standing({ kind: "free" }))).toEqual({ ok: true });
    expect(canLease("acquire", me, standing({ kind: "free" }, { ownerMember: false }))).toEqual({
      ok: false,
      reason: "Only members of cell 2 can use resource 2.",
    });
    expect(canLease("acquire", me, standing({ kind: "free" }, { known: false, ownerMember: false }))).toEqual(
      {
        ok: false,
        reason: "Reading your memberships…",
      },
    );
    expect(canLease("acquire", { ...me, account: null }, standing({ kind: "free" }))).toEqual({
      ok: false,
      reason: "Connect a wallet to do this.",
    });
  });

  it("lets only the waiter whose turn it is, or the booker, acquire", () => {
    const claim: LeaseView = {
      kind: "claimable",
      claimant: { account: dave, windowStart: 0n, windowEnd: 700n },
    };
    expect(canLease("acquire", me, standing(claim))).toEqual({
      ok: false,
      reason: "It is Dave's turn until t700.",
    });
    expect(canLease("acquire", { ...me, account: dave }, standing(claim))).toEqual({ ok: true });
    const booked: LeaseView = { kind: "booked", booking: booking(4n, dave, 0n, 500n) };
    expect(canLease("acquire", me, standing(booked))).toEqual({
      ok: false,
      reason: "Dave has booked it until t500.",
    });
    expect(canLease("enqueue", me, standing(booked)).ok).toBe(false);
  });

  it("refuses to renew while someone waits, and says why", () => {
    expect(canLease("renew", me, standing(heldByMe))).toEqual({ ok: true });
    expect(canLease("renew", me, standing(heldByMe, { queue: [waiter(dave, 0, 1_000n, 1_600n)] }))).toEqual({
      ok: false,
      reason:
        "Dave waits for it: a lease cannot be renewed while someone waits. Release it, or let it expire.",
    });
    expect(canLease("renew", me, standing(heldByBob))).toEqual({
      ok: false,
      reason: "Only the holder (Bob) can renew the lease.",
    });
    expect(canLease("release", me, standing(heldByMe))).toEqual({ ok: true });
    expect(canLease("acquire", me, standing(heldByMe)).ok).toBe(false);
    expect(canLease("enqueue", me, standing(heldByMe)).ok).toBe(false);
  });

  it("keeps one place per account in the queue", () => {
    const queue = [waiter(bob, 0, 1_000n, 1_600n), waiter(carol, 1, 1_600n, 2_200n)];
    expect(canLease("enqueue", me, standing(heldByBob, { queue }))).toEqual({
      ok: false,
      reason: "You are already in the queue, position 2.",
    });
    expect(canLease("leaveQueue", me, standing(heldByBob, { queue }))).toEqual({ ok: true });
    expect(canLease("leaveQueue", me, standing(heldByBob)).ok).toBe(false);
  });

  it("leaves revoke and the policy to stewards", () => {
    expect(canLease("revoke", me, standing(heldByBob))).toEqual({
      ok: false,
      reason: "Only stewards of cell 2 (or of a cell above it) can revoke a lease.",
    });
    expect(canLease("revoke", me, standing(heldByBob, { steward: true }))).toEqual({ ok: true });
    expect(canLease("revoke", me, standing({ kind: "free" }, { steward: true })).ok).toBe(false);
    expect(canLease("setPolicy", me, standing(heldByBob)).ok).toBe(false);
  });

  it("lets the booker or a steward cancel a booking", () => {
    const theirs = booking(1n, dave, 200n, 300n);
    expect(canCancelBooking(me, theirs, { steward: false, ownerCellId: 3n, label, known: true })).toEqual({
      ok: false,
      reason: "Only Dave who made it, or stewards of cell 3, can cancel it.",
    });
    expect(canCancelBooking(me, theirs, { steward: true, ownerCellId: 3n, label, known: true })).toEqual({
      ok: true,
    });
    expect(
      canCancelBooking({ ...me, account: dave }, theirs, {
        steward: false,
        ownerCellId: 3n,
        label,
        known: true,
      }),
    ).toEqual({
      ok: true,
    });
  });

  it("reads who is in the way from the SDK's refusal", () => {
    const refusal = new ContractRefusalError({
      message:
        "Resource 2 is held by 0x7099…79C8 until 2026-12-06 18:00:00 UTC: come back then, or join its queue.",
      errorName: "ResourceBusy",
      args: [2n, bob, 1_000n],
      namedArgs: { resourceId: 2n, holder: bob, expiresAt: 1_000n },
    } as ConstructorParameters<typeof ContractRefusalError>[0]);
    expect(blockerOf(refusal)).toEqual({ kind: "holds", account: bob, until: 1_000n });
    expect(blockerOf(new Error("network"))).toBeNull();
  });
});
