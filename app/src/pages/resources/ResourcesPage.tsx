/**
 * Every resource with what it is doing now (free, held by whom until when, whose claim window, booked
 * now), its queue and upcoming bookings; filtered by owner cell and by "mine" (held, waited for or
 * booked by the viewer).
 */
import { useState } from "react";

import { CellLink } from "../../components/CellLink.tsx";
import { useDirectory, useViewer } from "../../concord.tsx";
import { useResourceList } from "../../data/leases.ts";
import type { ResourceListItem } from "../../data/leases.ts";
import { explainError } from "../../lib/errors.ts";
import { plural } from "../../lib/format.ts";
import { accessLabel, formatDuration, leaseView, turnText, waitingAt } from "../../lib/leases.ts";
import { hrefOf, resourceHref } from "../../lib/route.ts";
import { useChainClock } from "../../components/Countdown.tsx";
import { LeaseStateLine, StateTag } from "./shared.tsx";

const same = (a: string | null | undefined, b: string | null | undefined) =>
  !!a && !!b && a.toLowerCase() === b.toLowerCase();

/** Whether the resource is the viewer's: held, waited for or booked by them. */
function isMine(resource: ResourceListItem, account: string | null, now: bigint): boolean {
  if (!account) return false;
  const view = leaseView(resource, now);
  return (
    (view.kind === "held" && same(view.lease.holder, account)) ||
    waitingAt(resource.queue, now).some((entry) => same(entry.account, account)) ||
    resource.reservations.some((booking) => same(booking.booker, account) && booking.end > now)
  );
}

export function ResourcesPage() {
  const viewer = useViewer();
  const list = useResourceList();
  const { data: directory } = useDirectory();
  const now = useChainClock(list.data?.readAt, list.data?.fetchedAtMs);
  const [owner, setOwner] = useState("all");
  const [mine, setMine] = useState(false);

  const resources = list.data?.resources ?? [];
  const owners = [...new Set(resources.map((r) => r.ownerCellId))].sort((a, b) => (a < b ? -1 : 1));
  const shown = resources.filter(
    (r) => (owner === "all" || String(r.ownerCellId) === owner) && (!mine || isMine(r, viewer.account, now)),
  );

  return (
    <section data-testid="resources-page">
      <div className="page-head">
        <h1>Resources</h1>
        <a
          className="button"
          href={hrefOf({ name: "newResource", cellId: owner === "all" ? null : BigInt(owner) })}
        >
          Register a resource
        </a>
      </div>
      <p className="intro muted">
        Shared resources leased one holder at a time, with a fair queue and bookings. A lease ends by release,
        by a steward's revoke, or by time alone.
      </p>
      <form className="filters card" aria-label="Filter the resources" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="owner-filter">Owner cell</label>
        <select id="owner-filter" value={owner} onChange={(event) => setOwner(event.target.value)}>
          <option value="all">Every cell</option>
          {owners.map((id) => (
            <option key={String(id)} value={String(id)}>
              {directory?.byId.get(id)?.name ?? `Cell ${id}`} (#{String(id)})
            </option>
          ))}
        </select>
        <label className="check">
          <input
            type="checkbox"
            checked={mine}
            onChange={(event) => setMine(event.target.checked)}
            disabled={!viewer.account}
            aria-describedby={viewer.account ? undefined : "mine-why"}
          />
          Only mine (held, waited for or booked by me)
        </label>
        {!viewer.account && (
          <span className="why" id="mine-why">
            Connect to see your own.
          </span>
        )}
      </form>
      {list.error && (
        <p className="error" role="alert">
          Cannot read the resources: {explainError(list.error).message}
        </p>
      )}
      {!list.data && !list.error && <p className="muted">Loading the resources…</p>}
      {list.data && shown.length === 0 && (
        <p className="muted" data-testid="no-resources">
          {resources.length === 0 ? "No resource is registered yet." : "No resource matches these filters."}
        </p>
      )}
      <ul className="plain resource-list" data-testid="resource-list">
        {shown.map((resource) => {
          const view = leaseView(resource, now);
          const queue = waitingAt(resource.queue, now);
          const cell = directory?.byId.get(resource.ownerCellId);
          const myPlace = queue.find((entry) => same(entry.account, viewer.account));
          const bookings = resource.reservations.filter((b) => b.end > now);
          return (
            <li
              key={String(resource.id)}
              className="card resource-item"
              data-testid="resource-item"
              data-resource-id={String(resource.id)}
            >
              <div className="resource-head">
                <h2>
                  <a href={resourceHref(resource.id)}>{resource.name}</a>{" "}
                  <span className="cell-id">#{String(resource.id)}</span>
                </h2>
                <StateTag view={view} />
              </div>
              <p className="resource-state">
                <LeaseStateLine view={view} now={now} you={viewer.account} />
              </p>
              <p className="muted resource-meta">
                {cell ? <CellLink cell={cell} /> : `Cell ${resource.ownerCellId}`} · for{" "}
                {accessLabel(resource.access, resource.ownerCellId)} · up to{" "}
                {formatDuration(resource.maxDuration)} ·{" "}
                {queue.length ? plural(queue.length, "waiter") : "nobody waiting"} ·{" "}
                {bookings.length ? plural(bookings.length, "upcoming booking") : "no booking"}
                {myPlace && <> · your turn {turnText(myPlace, now).text}</>}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
