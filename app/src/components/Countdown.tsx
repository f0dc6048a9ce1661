/**
 * A live countdown to a Unix time ("42 min 07 s left"), ticking every second; the exact time on hover.
 */
import { useEffect, useState } from "react";

import { formatCountdown } from "../lib/countdown.ts";
import { formatDateTime } from "../lib/format.ts";

/** The current Unix time in seconds, updated every second. */
export function useNow(): bigint {
  const [now, setNow] = useState(() => BigInt(Math.floor(Date.now() / 1000)));
  useEffect(() => {
    const timer = window.setInterval(() => setNow(BigInt(Math.floor(Date.now() / 1000))), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
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
