/**
 * The plain logic of the leases screens, unit-tested: the chain's clock in the browser, countdowns and
 * durations in words, what a resource is doing at a given second (leases and claim windows end by time
 * alone, without a transaction), the acquire-duration cap, the booking calendar's days, and who may do
 * what on a resource with the reason when not. The contract stays the judge: every write is simulated
 * before a signature is asked for.
 */
import type { Address } from "viem";

import { ContractRefusalError, leaseLimits } from "../../../sdk/index.ts";
import type { AccessValue, Claimant, QueueEntry, Reservation } from "../../../sdk/index.ts";
import { formatCountdown as formatTimeLeft } from "./countdown.ts";
import { canWrite } from "./permissions.ts";
import type { Permission, Viewer } from "./permissions.ts";

const ok: Permission = { ok: true };
const no = (reason: string): Permission => ({ ok: false, reason });

const same = (a: Address | null | undefined, b: Address | null | undefined) =>
  !!a && !!b && a.toLowerCase() === b.toLowerCase();

// The chain's clock lives with the countdowns (the first load needs it, not the rest of this module).
export { chainNow } from "./countdown.ts";

/**
 * A duration in words, rounded down to its two largest units: "2 d 3 h", "1 h 5 min", "45 min", "30 s".
 *
 * @example
 * formatDuration(5_400n); // "1 h 30 min"
 */
export function formatDuration(seconds: bigint | number): string {
  let left = BigInt(seconds);
  if (left <= 0n) return "0 s";
  const units: [bigint, string][] = [
    [86_400n, "d"],
    [3_600n, "h"],
    [60n, "min"],
    [1n, "s"],
  ];
  const parts: string[] = [];
  for (const [size, unit] of units) {
    if (parts.length === 2) break;
    const amount = left / size;
    if (amount > 0n) {
      parts.push(`${amount} ${unit}`);
      left -= amount * size;
    } else if (parts.length === 1) break;
  }
  return parts.join(" ");
}

/**
 * A live countdown to `until`, in the words the dashboard uses too: "1 h 04 min", "44 min 05 s",
 * "9 s", or "ended" once reached.
 *
 * @example
 * formatCountdown(3_849n, 0n); // "1 h 04 min"
 */
export function formatCountdown(until: bigint, now: bigint): string {
  return until <= now ? "ended" : formatTimeLeft(until - now);
}

/** A live lease, as far as the screens need it. */
export type LiveLease = { holder: Address; expiresAt: bigint };

/** What a resource is doing at one second. */
export type LeaseView =
  | { kind: "held"; lease: LiveLease }
  | { kind: "claimable"; claimant: Claimant }
  | { kind: "booked"; booking: Reservation }
  | { kind: "free" };

/** What `leaseView` needs: the last read of a resource. */
export type LeaseSnapshot = {
  lease: LiveLease | null;
  claimant: Claimant | null;
  queue: readonly QueueEntry[];
  reservations: readonly Reservation[];
};

/**
 * What the resource is doing at `now`, from the last read: a lease ends at its expiry and a claim
 * window at its end without any transaction, so the screen does not wait for a new block to say so.
 * Order as the contract: a live lease, else the waiter whose window it is, else an active booking.
 *
 * @example
 * leaseView({ lease: { holder, expiresAt: 100n, fencingToken: 3n }, claimant: null, queue, reservations: [] }, 150n);
 * // { kind: "claimable", claimant: { account: carol, windowStart: 100n, windowEnd: 700n } } (Carol waits)
 */
export function leaseView(snapshot: LeaseSnapshot, now: bigint): LeaseView {
  if (snapshot.lease && now < snapshot.lease.expiresAt) return { kind: "held", lease: snapshot.lease };
  const waiter = snapshot.queue.find((entry) => entry.windowStart <= now && now < entry.windowEnd);
  if (waiter) {
    return {
      kind: "claimable",
      claimant: { account: waiter.account, windowStart: waiter.windowStart, windowEnd: waiter.windowEnd },
    };
  }
  const claimant = snapshot.claimant;
  if (claimant && claimant.windowStart <= now && now < claimant.windowEnd)
    return { kind: "claimable", claimant };
  const booking = snapshot.reservations.find((b) => b.start <= now && now < b.end);
  if (booking) return { kind: "booked", booking };
  return { kind: "free" };
}

/** The waiters whose turn has not passed at `now`, first first, positions renumbered. */
export function waitingAt(queue: readonly QueueEntry[], now: bigint): QueueEntry[] {
  return queue.filter((entry) => now < entry.windowEnd).map((entry, position) => ({ ...entry, position }));
}

/**
 * When a waiter's turn comes, in words: "your turn in 44 min (claim it before 18:59 UTC)" style pieces.
 *
 * @example
 * turnText({ windowStart: 160n, windowEnd: 760n }, 100n); // { now: false, text: "in 1 min" }
 */
export function turnText(
  entry: { windowStart: bigint; windowEnd: bigint },
  now: bigint,
): {
  now: boolean;
  text: string;
} {
  if (now >= entry.windowEnd) return { now: false, text: "passed" };
  if (now >= entry.windowStart)
    return { now: true, text: `now, for ${formatDuration(entry.windowEnd - now)}` };
  return { now: false, text: `in ${formatDuration(entry.windowStart - now)}` };
}

/** How long a new lease may last now, and what limits it. */
export type AcquireCap = {
  /** The longest lease that would be granted now (seconds). */
  seconds: bigint;
  /** `max`: the resource's maximum; `booking`: the next booking starts before that. */
  limitedBy: "max" | "booking";
  /** The booking that cuts the lease short, when `limitedBy` is `booking`. */
  booking: Reservation | null;
};

/**
 * The longest lease granted now: the resource's maximum, cut short by the next booking that has not
 * started (the contract ends every lease before the next booking, whoever made it).
 *
 * @example
 * acquireCap(3_600n, [{ id: 1n, booker, start: 1_900n, end: 2_000n }], 1_000n);
 * // { seconds: 900n, limitedBy: "booking", booking: { id: 1n, … } }
 */
export function acquireCap(
  maxDuration: bigint,
  reservations: readonly Reservation[],
  now: bigint,
): AcquireCap {
  const next = reservations
    .filter((booking) => booking.start > now)
    .reduce<Reservation | null>((best, b) => (best === null || b.start < best.start ? b : best), null);
  if (next && next.start - now < maxDuration) {
    return { seconds: next.start - now, limitedBy: "booking", booking: next };
  }
  return { seconds: maxDuration, limitedBy: "max", booking: null };
}

/** Duration units of the forms. */
export const durationUnits = [
  { id: "min", label: "minutes", seconds: 60n },
  { id: "h", label: "hours", seconds: 3_600n },
  { id: "d", label: "days", seconds: 86_400n },
] as const;

/** A unit id of {@link durationUnits}. */
export type DurationUnit = (typeof durationUnits)[number]["id"];

/**
 * A duration typed in a form ("90" minutes) in seconds, or a reason why it is not one.
 *
 * @example
 * parseDuration("1.5", "h"); // { ok: true, seconds: 5400n }
 * parseDuration("0", "min"); // { ok: false, reason: "Give a duration of at least 1 second." }
 */
export function parseDuration(
  text: string,
  unit: DurationUnit,
): { ok: true; seconds: bigint } | { ok: false; reason: string } {
  const value = text.trim();
  if (!/^\d+(\.\d+)?$/.test(value)) return { ok: false, reason: "Give the duration as a number." };
  const size = durationUnits.find((u) => u.id === unit)!.seconds;
  const seconds = BigInt(Math.floor(Number(value) * Number(size)));
  if (seconds < 1n) return { ok: false, reason: "Give a duration of at least 1 second." };
  if (seconds > BigInt(leaseLimits.MAX_SPAN)) return { ok: false, reason: "That duration is too long." };
  return { ok: true, seconds };
}

/** A day of the booking calendar. */
export type CalendarDay = {
  /** `YYYY-MM-DD` in the time zone. */
  key: string;
  /** "Monday 7 December 2026". */
  label: string;
  bookings: Reservation[];
};

function dayKey(seconds: bigint, timeZone: string): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date(Number(seconds) * 1000));
}

/**
 * The bookings by day of their start in `timeZone`, days and bookings in time order.
 *
 * @example
 * groupByDay(bookings, "Europe/Paris"); // [{ key: "2026-12-07", label: "Monday 7 December 2026", bookings: […] }, …]
 */
export function groupByDay(bookings: readonly Reservation[], timeZone: string): CalendarDay[] {
  const sorted = [...bookings].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const label = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  });
  const days: CalendarDay[] = [];
  for (const booking of sorted) {
    const key = dayKey(booking.start, timeZone);
    const last = days.at(-1);
    if (last?.key === key) last.bookings.push(booking);
    else {
      days.push({
        key,
        label: label.format(new Date(Number(booking.start) * 1000)).replace(",", ""),
        bookings: [booking],
      });
    }
  }
  return days;
}

/**
 * A time of day in `timeZone` ("14:05"), with the day when it is not `dayOf`'s ("8 Dec 14:05").
 *
 * @example
 * timeOfDay(1_700_000_000n, "UTC"); // "22:13"
 */
export function timeOfDay(seconds: bigint, timeZone: string, dayOf?: bigint): string {
  const date = new Date(Number(seconds) * 1000);
  const time = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit" }).format(
    date,
  );
  if (dayOf === undefined || dayKey(dayOf, timeZone) === dayKey(seconds, timeZone)) return time;
  const day = new Intl.DateTimeFormat("en-GB", { timeZone, day: "numeric", month: "short" }).format(date);
  return `${day} ${time}`;
}

/** The access policies in words. */
export function accessLabel(access: AccessValue, ownerCellId: bigint): string {
  switch (access) {
    case 0:
      return `members of cell ${ownerCellId}`;
    case 1:
      return "members of cells the DAO vouches for";
    case 2:
      return "anyone";
  }
}

/** The viewer's position towards a resource, for {@link canLease}. */
export type LeaseStanding = {
  resourceId: bigint;
  ownerCellId: bigint;
  access: AccessValue;
  /** Whether the viewer stewards the owner cell (or a cell above it). */
  steward: boolean;
  /** Whether the viewer is a member of the owner cell. */
  ownerMember: boolean;
  /** Whether the viewer is a member of some cell. */
  anyMember: boolean;
  /** False while the viewer's memberships are being read (then nothing is concluded from them). */
  known: boolean;
  /** What the resource does now. */
  view: LeaseView;
  /** The waiters whose turn has not passed. */
  queue: readonly QueueEntry[];
  now: bigint;
  /** Names an account for a sentence ("Bob (0x7099…79C8)"). */
  label: (address: Address) => string;
  /** Formats a time for a sentence. */
  time: (seconds: bigint) => string;
};

/** The lease actions of the app. */
export type LeaseAction =
  "acquire" | "enqueue" | "leaveQueue" | "renew" | "release" | "revoke" | "setPolicy" | "reserve";

/**
 * Whether the policy lets the viewer use the resource (acquire, wait, book).
 *
 * @example
 * accessPermission({ access: 0, ownerCellId: 2n, ownerMember: false, … });
 * // { ok: false, reason: "Only members of cell 2 can use resource 1." }
 */
export function accessPermission(
  standing: Pick<
    LeaseStanding,
    "access" | "ownerCellId" | "ownerMember" | "anyMember" | "resourceId" | "known"
  >,
): Permission {
  if (standing.access !== 2 && !standing.known) return no("Reading your memberships…");
  if (standing.access === 0 && !standing.ownerMember) {
    return no(`Only members of cell ${standing.ownerCellId} can use resource ${standing.resourceId}.`);
  }
  if (standing.access === 1 && !standing.anyMember) {
    return no(
      `Only members of a cell the DAO vouches for (recognised by governance, or inside cell ${standing.ownerCellId}) can use resource ${standing.resourceId}: join one first.`,
    );
  }
  return ok;
}

/**
 * Whether the viewer may take `action` on a resource now, with the reason when not.
 *
 * @example
 * canLease("renew", viewer, { view: { kind: "held", lease: { holder: me, … } }, queue: [carol], … });
 * // { ok: false, reason: "Carol (0x3C44…93BC) waits for it: a lease cannot be renewed while someone waits. Release it, or let it expire." }
 */
export function canLease(action: LeaseAction, viewer: Viewer, standing: LeaseStanding): Permission {
  const base = canWrite(viewer);
  if (!base.ok) return base;
  const me = viewer.account;
  const { view, queue, resourceId, ownerCellId, label, time } = standing;
  if (!standing.known && (action === "revoke" || action === "setPolicy")) return no("Reading your roles…");
  const stewardsOnly = no(`Only stewards of cell ${ownerCellId} (or of a cell above it) can do this.`);
  const mine = queue.find((entry) => same(entry.account, me));
  const holds = view.kind === "held" && same(view.lease.holder, me);
  switch (action) {
    case "acquire": {
      if (holds) return no(`You hold resource ${resourceId} already: renew it instead.`);
      if (view.kind === "held") {
        return no(
          `${label(view.lease.holder)} holds it until ${time(view.lease.expiresAt)}: join the queue to be next.`,
        );
      }
      if (view.kind === "claimable" && !same(view.claimant.account, me)) {
        return no(`It is ${label(view.claimant.account)}'s turn until ${time(view.claimant.windowEnd)}.`);
      }
      if (view.kind === "booked" && !same(view.booking.booker, me)) {
        return no(`${label(view.booking.booker)} has booked it until ${time(view.booking.end)}.`);
      }
      return accessPermission(standing);
    }
    case "enqueue": {
      if (holds) return no(`You hold resource ${resourceId}: you cannot also wait for it.`);
      if (mine) return no(`You are already in the queue, position ${mine.position + 1}.`);
      if (view.kind === "free" || view.kind === "booked") {
        return no(
          `Nobody holds resource ${resourceId} and nobody is claiming it: acquire it instead of waiting.`,
        );
      }
      if (queue.length >= leaseLimits.QUEUE_CAPACITY) {
        return no(
          `The queue is full (${leaseLimits.QUEUE_CAPACITY} places): try again when a turn has passed.`,
        );
      }
      return accessPermission(standing);
    }
    case "leaveQueue":
      return mine ? ok : no(`You have no place in the queue of resource ${resourceId}.`);
    case "renew": {
      if (!holds) {
        return no(
          view.kind === "held"
            ? `Only the holder (${label(view.lease.holder)}) can renew the lease.`
            : `You hold no lease on resource ${resourceId}.`,
        );
      }
      const first = queue[0];
      if (first) {
        const others = queue.length - 1;
        return no(
          `${label(first.account)}${others > 0 ? ` and ${others} more` : ""} ${others > 0 ? "wait" : "waits"} for it: a lease cannot be renewed while someone waits. Release it, or let it expire.`,
        );
      }
      return ok;
    }
    case "release":
      if (holds) return ok;
      return no(
        view.kind === "held"
          ? `Only the holder (${label(view.lease.holder)}) can release the lease.`
          : `You hold no lease on resource ${resourceId}.`,
      );
    case "revoke":
      if (!standing.steward) {
        return no(`Only stewards of cell ${ownerCellId} (or of a cell above it) can revoke a lease.`);
      }
      return view.kind === "held" ? ok : no(`Resource ${resourceId} has no live lease to revoke.`);
    case "setPolicy":
      return standing.steward ? ok : stewardsOnly;
    case "reserve":
      return accessPermission(standing);
  }
}

/**
 * Whether the viewer may cancel a booking: its booker, or a steward of the owner cell.
 *
 * @example
 * canCancelBooking(viewer, booking, { steward: false, ownerCellId: 3n, label });
 * // { ok: false, reason: "Only Dave (0x90F7…b906) who made it, or stewards of cell 3, can cancel it." }
 */
export function canCancelBooking(
  viewer: Viewer,
  booking: Reservation,
  standing: Pick<LeaseStanding, "steward" | "ownerCellId" | "label" | "known">,
): Permission {
  const base = canWrite(viewer);
  if (!base.ok) return base;
  if (same(booking.booker, viewer.account) || standing.steward) return ok;
  if (!standing.known) return no("Reading your roles…");
  return no(
    `Only ${standing.label(booking.booker)} who made it, or stewards of cell ${standing.ownerCellId}, can cancel it.`,
  );
}

/**
 * The short name of a time zone for the screen ("UTC", "CET", "GMT+9"), or its IANA name.
 *
 * @example
 * zoneName("UTC"); // "UTC"
 */
export function zoneName(timeZone: string, at: Date = new Date()): string {
  const part = new Intl.DateTimeFormat("en-GB", { timeZone, timeZoneName: "short" })
    .formatToParts(at)
    .find((p) => p.type === "timeZoneName");
  return part?.value ?? timeZone;
}

/** Who stands in the way of a refused acquire, and until when. */
export type Blocker = { kind: "holds" | "turn" | "booked"; account: Address; until: bigint };

/**
 * Reads who stands in the way from the SDK's refusal of an acquire (`ResourceBusy`, `QueueClaimWindow`,
 * `ReservationActive`), so the screen can name them; null for any other failure.
 *
 * @example
 * blockerOf(refusal); // { kind: "holds", account: bob, until: 1_765_000_000n }
 */
export function blockerOf(error: unknown): Blocker | null {
  if (!(error instanceof ContractRefusalError)) return null;
  const args = error.namedArgs as Record<string, unknown>;
  switch (error.errorName) {
    case "ResourceBusy":
      return { kind: "holds", account: args.holder as Address, until: args.expiresAt as bigint };
    case "QueueClaimWindow":
      return { kind: "turn", account: args.claimant as Address, until: args.windowEnd as bigint };
    case "ReservationActive":
      return { kind: "booked", account: args.booker as Address, until: args.end as bigint };
    default:
      return null;
  }
}

/**
 * Unix seconds as a `datetime-local` input value in the browser's time zone ("2026-12-07T14:00").
 *
 * @example
 * secondsToLocalInput(1_893_456_000n); // "2030-01-01T00:00" in UTC
 */
export function secondsToLocalInput(seconds: bigint): string {
  const date = new Date(Number(seconds) * 1000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * Checks a booking window typed in the form (`[start, end)`, Unix seconds) before anything is sent:
 * it starts in the future, ends after it starts and lasts at most the resource's maximum.
 *
 * @example
 * checkBooking(2_000n, 1_000n, 500n, 3_600n); // { ok: false, reason: "The booking must end after it starts." }
 */
export function checkBooking(
  start: bigint | null,
  end: bigint | null,
  now: bigint,
  maxDuration: bigint,
): { ok: true; start: bigint; end: bigint } | { ok: false; reason: string } {
  if (start === null || end === null) return { ok: false, reason: "Give the booking's start and end." };
  if (start < now) return { ok: false, reason: "The booking cannot start in the past." };
  if (end <= start) return { ok: false, reason: "The booking must end after it starts." };
  if (end - start > maxDuration) {
    return { ok: false, reason: `A booking lasts at most ${formatDuration(maxDuration)} here.` };
  }
  return { ok: true, start, end };
}
