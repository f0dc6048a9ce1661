/**
 * The chain's clock and the countdowns of the whole app (proposals, leases, claim windows).
 */

/**
 * The chain's time now (Unix seconds), from a read's block time: the wall clock, unless the chain runs
 * ahead of it (a test chain moved with `evm_increaseTime`), in which case the read's time plus the time
 * elapsed since the read. An idle chain's last block is old, so its time alone would lag behind.
 *
 * @example
 * chainNow(1_000n, 0, 5_000); // 1005n (the chain is ahead of the wall clock)
 */
export function chainNow(readAt: bigint, fetchedAtMs: number, nowMs: number): bigint {
  const wall = BigInt(Math.floor(nowMs / 1000));
  const fromRead = readAt + BigInt(Math.max(0, Math.floor((nowMs - fetchedAtMs) / 1000)));
  return fromRead > wall ? fromRead : wall;
}

/**
 * A duration in seconds as a countdown: "1 h 05 min", "42 min 07 s", "9 s", "3 d 4 h".
 *
 * @example
 * formatCountdown(2527n); // "42 min 07 s"
 */
export function formatCountdown(seconds: bigint | number): string {
  const total = Math.max(0, Math.floor(Number(seconds)));
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3_600);
  const minutes = Math.floor((total % 3_600) / 60);
  const secs = total % 60;
  const two = (n: number) => String(n).padStart(2, "0");
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${two(minutes)} min`;
  if (minutes > 0) return `${minutes} min ${two(secs)} s`;
  return `${secs} s`;
}

/** Where an account stands in a resource's queue, as the dashboard says it. */
export type Turn =
  { kind: "claim"; until: bigint } | { kind: "waiting"; position: number; from: bigint; until: bigint };

/**
 * The account's turn from its queue entry: claim now (its window is open), or wait (position, window).
 *
 * @example
 * turnOf({ position: 0, windowStart: 100n, windowEnd: 700n }, 200n); // { kind: "claim", until: 700n }
 */
export function turnOf(
  entry: { position: number; windowStart: bigint; windowEnd: bigint },
  now: bigint,
): Turn {
  return entry.windowStart <= now && now < entry.windowEnd
    ? { kind: "claim", until: entry.windowEnd }
    : { kind: "waiting", position: entry.position, from: entry.windowStart, until: entry.windowEnd };
}
