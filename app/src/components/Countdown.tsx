/**
 * The app's clock and its live countdowns ("42 min 07 s left"). The clock is the chain's: every read that
 * knows the chain's time reports it (`useChainClock`), and every countdown follows the latest report — the
 * wall clock, unless the chain runs ahead of it (a test chain moved with `evm_increaseTime`; see `chainNow`).
 */
import { useEffect, useState } from "react";

import { chainNow, formatCountdown } from "../lib/countdown.ts";
import { formatDateTime, formatLocalDateTime } from "../lib/format.ts";

/** The latest read of the chain's time: its block time and when it arrived (wall clock, ms). */
let latestRead: { readAt: bigint; fetchedAtMs: number } | null = null;

/** Records a read of the chain's time; the newest read wins. */
export function noteChainTime(readAt: bigint, fetchedAtMs: number): void {
  if (!latestRead || fetchedAtMs >= latestRead.fetchedAtMs) latestRead = { readAt, fetchedAtMs };
}

/** The chain's time now (Unix seconds), from the latest read reported by any page. */
export function chainTimeNow(nowMs: number = Date.now()): bigint {
  return latestRead
    ? chainNow(latestRead.readAt, latestRead.fetchedAtMs, nowMs)
    : BigInt(Math.floor(nowMs / 1000));
}

/** The chain's time now, ticking every second. */
export function useNow(): bigint {
  const [nowMs, setNowMs] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNowMs(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return chainTimeNow(nowMs);
}

/**
 * The chain's time now, ticking every second, after reporting a read's block time (`readAt`, arrived at
 * `fetchedAtMs`) so that every countdown in the app follows it.
 */
export function useChainClock(readAt: bigint | null | undefined, fetchedAtMs: number | undefined): bigint {
  if (readAt !== null && readAt !== undefined && fetchedAtMs !== undefined)
    noteChainTime(readAt, fetchedAtMs);
  return useNow();
}

/**
 * The app's one countdown: "42 min 07 s left" until `to` on the chain's clock, `ended` once reached; the
 * moment itself on hover (viewer's time zone, then UTC). A page that keeps its own clock reading passes
 * `now`; otherwise the shared chain clock ({@link useNow}) ticks it.
 */
export function Countdown({
  to,
  ended = "ended",
  now,
}: {
  to: bigint;
  ended?: string;
  now?: bigint | undefined;
}) {
  const shared = useNow();
  const current = now ?? shared;
  return (
    <time
      className="countdown"
      data-testid="countdown"
      dateTime={new Date(Number(to) * 1000).toISOString()}
      title={`${formatLocalDateTime(to)} (${formatDateTime(to)})`}
    >
      {to > current ? `${formatCountdown(to - current)} left` : ended}
    </time>
  );
}
