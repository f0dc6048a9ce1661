/**
 * The app's clock and its live countdowns ("42 min 07 s left"). The clock is the chain's: every read that
 * knows the chain's time reports it (`useChainClock`), and every countdown follows the latest report — the
 * wall clock, unless the chain runs ahead of it (a test chain moved with `evm_increaseTime`; see `chainNow`).
 */
import { useEffect, useState } from "react";

import { formatCountdown } from "../lib/countdown.ts";
import { formatDateTime } from "../lib/format.ts";
import { chainNow } from "../lib/leases.ts";

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

export function Countdown({ to, ended = "ended" }: { to: bigint; ended?: string }) {
  const now = useNow();
  return (
    <time
      className="countdown"
      dateTime={new Date(Number(to) * 1000).toISOString()}
      title={formatDateTime(to)}
    >
      {to > now ? `${formatCountdown(to - now)} left` : ended}
    </time>
  );
}
