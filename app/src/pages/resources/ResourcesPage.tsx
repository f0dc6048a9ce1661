/**
 * The resources, one page at a time ("Show more" reads the next page), each with what it is doing now (free,
 * held by whom until when, whose claim window, booked now), its queue and next bookings; filtered by owner cell
 * (the page is read for that cell) and by "mine" (held, waited for or booked by the viewer, among those shown).
 */
import { useState } from "react";

import type { Resource } from "../../../../sdk/index.ts";
import { CellLink } from "../../components/CellLink.tsx";
import { useDirectory, useViewer } from "../../concord.tsx";
import { explainError } from "../../lib/errors.ts";
import { plural } from "../../lib/format.ts";
import { accessLabel, formatDuration, leaseView, turnText, waitingAt } from "../../lib/leases.ts";
import { hrefOf, resourceHref } from "../../lib/route.ts";
import { useChainClock } from "../../components/Countdown.tsx";
import { useResourcePages } from "./queries.ts";
import { LeaseStateLine, StateTag } from "./shared.tsx";

const same = (a: string | null | undefined, b: string | null | undefined) =>
  !!a && !!b && a.toLowerCase() === b.toLowerCase();

/** Whether the resource is the viewer's: held, waited for or booked by them. */
function isMine(resource: Resource, account: string | null, now: bigint): boolean {
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
  const { data: directory } = useDirectory();
  const [owner, setOwner] = useState("all");
  const [mine, setMine] = useState(false);
  const list = useResourcePages(owner === "all" ? null : BigInt(owner));
  const pages = list.data?.pages ?? [];
  const resources = pages.flatMap((page) => page.items);
  // The chain's clock from the latest page read (fetched last, when the pages are read again in turn).
  const latest = [...pages].reverse().find((page) => page.items.length > 0)?.items[0];
  const now = useChainClock(latest?.readAt, list.data ? list.dataUpdatedAt : undefined);

  const cells = [...(directory?.byId.values() ?? [])].sort((a, b) => (a.id < b.id ? -1 : 1));
  const shown = resources.filter((r) => !mine || isMine(r, viewer.account, now));

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
          {cells.map((cell) => (
            <option key={String(cell.id)} value={String(cell.id)}>
              {cell.name} (#{String(cell.id)})
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
          Only mine (held, waited for or booked by me, among those shown)
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
          {resources.length > 0
            ? "No resource shown matches these filters."
            : owner === "all"
              ? "No resource is registered yet."
              : "This cell has no resource."}
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
                {bookings.length
                  ? `${plural(bookings.length, "upcoming booking")}${resource.moreReservations ? " and more" : ""}`
                  : "no booking"}
                {myPlace && <> · your turn {turnText(myPlace, now).text}</>}
              </p>
            </li>
          );
        })}
      </ul>
      {list.hasNextPage && (
        <p className="more">
          <button
            type="button"
            onClick={() => void list.fetchNextPage()}
            disabled={list.isFetchingNextPage}
            data-testid="more-resources"
          >
            {list.isFetchingNextPage ? "Loading more resources…" : "Show more resources"}
          </button>
        </p>
      )}
      {list.isFetchNextPageError && (
        <p className="error" role="alert">
          Cannot read more resources: {explainError(list.error).message}
        </p>
      )}
    </section>
  );
}
