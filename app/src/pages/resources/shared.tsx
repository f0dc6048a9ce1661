/**
 * What the resources pages share: the chain's clock ticking in the browser, time formatting in the
 * browser's time zone, the viewer's standing towards a resource, and the line that says what a resource
 * is doing.
 */
import { useCallback, useMemo } from "react";
import type { Address } from "viem";

import { Roles } from "../../../../sdk/index.ts";
import type { AccessValue, QueueEntry } from "../../../../sdk/index.ts";
import { Account } from "../../components/Account.tsx";
import { Countdown } from "../../components/Countdown.tsx";
import { Time } from "../../components/Time.tsx";
import { useDirectory, useViewer } from "../../concord.tsx";
import { cellStanding, standingIn } from "../../data/standing.ts";
import { timeOfDay, zoneName } from "../../lib/leases.ts";
import type { LeaseStanding, LeaseView } from "../../lib/leases.ts";

/** The browser's time zone ("Europe/Paris"). */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

/** Formats times for sentences, in the browser's time zone: "18:15 UTC", "8 Dec 18:15 UTC". */
export function useTimeFormat(now: bigint) {
  const timeZone = useMemo(browserTimeZone, []);
  const zone = useMemo(() => zoneName(timeZone), [timeZone]);
  // The day is shown when it is not today's: re-render per minute is enough for that.
  const today = now - (now % 60n);
  const time = useCallback(
    (seconds: bigint) => `${timeOfDay(seconds, timeZone, today)} ${zone}`,
    [timeZone, zone, today],
  );
  return { timeZone, zone, time };
}

/** The viewer's standing towards a resource, for `canLease`. */
export function useLeaseStanding(
  resource: { id: bigint; ownerCellId: bigint; access: AccessValue },
  view: LeaseView,
  queue: readonly QueueEntry[],
  now: bigint,
): LeaseStanding {
  const viewer = useViewer();
  const { data: directory } = useDirectory();
  const { time } = useTimeFormat(now);
  const owner = directory?.byId.get(resource.ownerCellId);
  const steward = !!owner && cellStanding(directory, owner).stewardVia !== null;
  const ownerMember = (standingIn(directory, resource.ownerCellId).roles & Roles.MEMBER) !== 0;
  const anyMember = [...(directory?.standing?.values() ?? [])].some((s) => (s.roles & Roles.MEMBER) !== 0);
  return {
    resourceId: resource.id,
    ownerCellId: resource.ownerCellId,
    access: resource.access,
    steward,
    ownerMember,
    anyMember,
    known: !viewer.account || !!directory?.standing,
    view,
    queue,
    now,
    label: viewer.label,
    time,
  };
}

/** What a resource is doing, in words: free, held by whom until when, whose turn, booked by whom. */
export function LeaseStateLine({
  view,
  now,
  you,
}: {
  view: LeaseView;
  now: bigint;
  /** The connected account. */
  you: Address | null;
}) {
  const { time } = useTimeFormat(now);
  switch (view.kind) {
    case "free":
      return <span className="lease-state is-free">Free</span>;
    case "held":
      return (
        <span className="lease-state is-held">
          Held by <Account address={view.lease.holder} /> until{" "}
          <Time at={view.lease.expiresAt} text={time(view.lease.expiresAt)} /> (
          <Countdown to={view.lease.expiresAt} now={now} />)
        </span>
      );
    case "claimable":
      return you && you.toLowerCase() === view.claimant.account.toLowerCase() ? (
        <span className="lease-state is-claimable">
          Your turn: you may claim it until{" "}
          <Time at={view.claimant.windowEnd} text={time(view.claimant.windowEnd)} /> (
          <Countdown to={view.claimant.windowEnd} now={now} />)
        </span>
      ) : (
        <span className="lease-state is-claimable">
          Turn of <Account address={view.claimant.account} />, who may claim it until{" "}
          <Time at={view.claimant.windowEnd} text={time(view.claimant.windowEnd)} /> (
          <Countdown to={view.claimant.windowEnd} now={now} />)
        </span>
      );
    case "booked":
      return (
        <span className="lease-state is-booked">
          Booked now by <Account address={view.booking.booker} /> until{" "}
          <Time at={view.booking.end} text={time(view.booking.end)} />
        </span>
      );
  }
}

/** The status tag of a resource. */
export function StateTag({ view }: { view: LeaseView }) {
  const text = { free: "free", held: "held", claimable: "claim window", booked: "booked now" }[view.kind];
  return <span className={`tag lease-${view.kind}`}>{text}</span>;
}
