/**
 * The booking calendar: upcoming bookings by day in the browser's time zone, a form to book
 * `[start, end)`, and cancel (the booker, or a steward of the owner cell).
 */
import { useState } from "react";

import type { Reservation } from "../../../../sdk/index.ts";
import { Account } from "../../components/Account.tsx";
import { ActionButton } from "../../components/ActionButton.tsx";
import { WriteStatus } from "../../components/WriteStatus.tsx";
import { useViewer, useWrite } from "../../concord.tsx";
import { Time } from "../../components/Time.tsx";
import { localInputToSeconds } from "../../lib/format.ts";
import {
  canCancelBooking,
  canLease,
  checkBooking,
  formatDuration,
  groupByDay,
  secondsToLocalInput,
  timeOfDay,
} from "../../lib/leases.ts";
import type { Permission } from "../../lib/permissions.ts";
import type { PanelProps } from "./ResourcePage.tsx";
import { useTimeFormat } from "./shared.tsx";
import { cancelReservation, reserveResource } from "../../../../sdk/index.ts";

export function BookingsPanel({ resource, now, standing }: PanelProps) {
  const viewer = useViewer();
  const { timeZone, zone } = useTimeFormat(now);
  const write = useWrite();
  const cancel = useWrite();
  // A first guess: the next full hour, for an hour (or the maximum when shorter).
  const [start, setStart] = useState(() => secondsToLocalInput(now - (now % 3_600n) + 3_600n));
  const [end, setEnd] = useState(() => {
    const from = now - (now % 3_600n) + 3_600n;
    return secondsToLocalInput(from + (resource.maxDuration < 3_600n ? resource.maxDuration : 3_600n));
  });
  const upcoming = resource.reservations.filter((booking) => booking.end > now);
  const days = groupByDay(upcoming, timeZone);
  const window = checkBooking(
    localInputToSeconds(start),
    localInputToSeconds(end),
    now,
    resource.maxDuration,
  );
  let permission: Permission = canLease("reserve", viewer, standing);
  if (permission.ok && !window.ok) permission = { ok: false, reason: window.reason };

  return (
    <section className="card" aria-labelledby="bookings-title" data-testid="bookings">
      <h2 id="bookings-title">Bookings</h2>
      <p className="muted">
        During a booking only its booker may acquire the resource, and no other lease runs into it. Times are
        in your time zone ({timeZone === zone ? zone : `${timeZone}, ${zone}`}).
      </p>
      {days.length === 0 ? (
        <p data-testid="no-bookings">No upcoming booking.</p>
      ) : (
        <ul className="calendar" data-testid="calendar">
          {days.map((day) => (
            <li key={day.key} className="calendar-day">
              <h3>{day.label}</h3>
              <ul className="rows">
                {day.bookings.map((booking) => (
                  <Booking
                    key={String(booking.id)}
                    booking={booking}
                    timeZone={timeZone}
                    now={now}
                    permission={canCancelBooking(viewer, booking, standing)}
                    busy={cancel.busy}
                    onCancel={() =>
                      void cancel.run(`Cancel booking ${booking.id}`, ({ concord, options }) =>
                        cancelReservation(concord, {
                          resourceId: resource.id,
                          reservationId: booking.id,
                          ...options,
                        }),
                      )
                    }
                  />
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      <div data-testid="cancel-status">
        <WriteStatus progress={cancel.progress} onDismiss={cancel.reset} />
      </div>
      {resource.moreReservations && <p className="muted">Later bookings are not shown.</p>}

      <form
        className="form booking-form"
        data-testid="reserve-form"
        aria-label="Book a window"
        onSubmit={(event) => {
          event.preventDefault();
          if (!window.ok) return;
          void write.run(
            `Book ${resource.name}`,
            ({ concord, options }) =>
              reserveResource(concord, {
                resourceId: resource.id,
                start: window.start,
                end: window.end,
                ...options,
              }),
            { summary: (result) => `Booking ${result.reservationId} made.` },
          );
        }}
      >
        <h3>Book a window</h3>
        <div className="booking-times">
          <span>
            <label htmlFor="booking-start">Starts</label>
            <input
              id="booking-start"
              type="datetime-local"
              value={start}
              onChange={(event) => setStart(event.target.value)}
            />
          </span>
          <span>
            <label htmlFor="booking-end">Ends (not included)</label>
            <input
              id="booking-end"
              type="datetime-local"
              value={end}
              onChange={(event) => setEnd(event.target.value)}
            />
          </span>
        </div>
        {window.ok && (
          <p className="muted">
            {formatDuration(window.end - window.start)}, at most {formatDuration(resource.maxDuration)}.
          </p>
        )}
        <ActionButton type="submit" permission={permission} busy={write.busy} name="reserve">
          Book
        </ActionButton>
        <WriteStatus progress={write.progress} onDismiss={write.reset} />
      </form>
    </section>
  );
}

function Booking({
  booking,
  timeZone,
  now,
  permission,
  busy,
  onCancel,
}: {
  booking: Reservation;
  timeZone: string;
  now: bigint;
  permission: Permission;
  busy: boolean;
  onCancel: () => void;
}) {
  const active = booking.start <= now && now < booking.end;
  return (
    <li className="booking" data-testid="booking" data-booking-id={String(booking.id)}>
      <span className="booking-time">
        <Time at={booking.start} text={timeOfDay(booking.start, timeZone)} /> –{" "}
        <Time at={booking.end} text={timeOfDay(booking.end, timeZone, booking.start)} />
      </span>{" "}
      <Account address={booking.booker} /> <span className="muted">booking {String(booking.id)}</span>
      {active && <span className="badge">now</span>}
      <ActionButton
        permission={permission}
        busy={busy}
        variant="secondary"
        name="cancel-booking"
        onClick={onCancel}
      >
        Cancel
      </ActionButton>
    </li>
  );
}
