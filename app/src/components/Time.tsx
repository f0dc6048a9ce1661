/**
 * A moment as the viewer reads it (issue 14: one clock): the date and time in their time zone, or — given
 * `now` — how far it is ("in 3 h", "5 min ago"), or a page's own local form (`text`); the UTC form on hover, and a machine-readable `<time>`.
 * Every time the app shows goes through this component or {@link Countdown}.
 */
import { formatDateTime, formatLocalDateTime, formatRelative } from "../lib/format.ts";

export function Time({
  at,
  now,
  text,
}: {
  at: bigint | number;
  /** Given, the text says how far `at` is from it ("in 3 h"). */
  now?: bigint | undefined;
  /** The text to show instead (a page's own local form, "14:05 CET"); the hover and `dateTime` stay. */
  text?: string | undefined;
}) {
  const ms = Number(at) * 1000;
  const valid = Number.isFinite(ms) && Math.abs(ms) <= 8.64e15;
  return (
    <time
      dateTime={valid ? new Date(ms).toISOString() : undefined}
      title={now === undefined ? formatDateTime(at) : `${formatLocalDateTime(at)} (${formatDateTime(at)})`}
    >
      {text ?? (now === undefined ? formatLocalDateTime(at) : formatRelative(at, now))}
    </time>
  );
}
