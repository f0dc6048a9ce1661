/**
 * A moment as the viewer reads it: the date and time in their time zone, the UTC form on hover, and a
 * machine-readable `<time>` (issue 14: one clock, every time in the viewer's time zone).
 */
import { formatDateTime, formatLocalDateTime } from "../lib/format.ts";

export function Time({ at }: { at: bigint | number }) {
  const ms = Number(at) * 1000;
  return (
    <time dateTime={Number.isFinite(ms) ? new Date(ms).toISOString() : undefined} title={formatDateTime(at)}>
      {formatLocalDateTime(at)}
    </time>
  );
}
