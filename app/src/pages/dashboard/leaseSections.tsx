/**
 * The dashboard's lease sections: the resources the member holds (live countdown) and the queues they
 * wait in (position and claim window), and for the DAO who holds which resource until when. Both read
 * the batched DAO queries (events + one multicall): no request of their own.
 */
import { Account } from "../../components/Account.tsx";
import { Countdown, useNow } from "../../components/Countdown.tsx";
import { useDaoEvents, useViewer } from "../../concord.tsx";
import { useResourceRows } from "../../data/queries.ts";
import type { ResourceRow } from "../../data/queries.ts";
import { turnOf } from "../../lib/countdown.ts";
import { Time } from "../../components/Time.tsx";
import { formatLocalTime, plural } from "../../lib/format.ts";

function Loading() {
  return <p className="muted">Loading…</p>;
}

const same = (a: string | null, b: string | null) =>
  a !== null && b !== null && a.toLowerCase() === b.toLowerCase();

function ResourceName({ row }: { row: ResourceRow }) {
  return (
    <a href={`#/resources/${row.id}`} className="resource-link">
      {row.name} <span className="cell-id">#{String(row.id)}</span>
    </a>
  );
}

/** What the member holds now, and where they wait. */
export function MyLeases() {
  const viewer = useViewer();
  const rows = useResourceRows();
  const now = useNow();
  if (!rows) return <Loading />;
  const held = rows.filter((row) => same(row.holder, viewer.account));
  const queued = rows.flatMap((row) => {
    const entry = row.queue.find((waiter) => same(waiter.account, viewer.account));
    return entry ? [{ row, entry }] : [];
  });
  return (
    <div data-testid="my-leases">
      {held.length === 0 && queued.length === 0 && (
        <p className="muted">You hold no resource and wait in no queue.</p>
      )}
      {held.length > 0 && (
        <ul className="plain rows">
          {held.map((row) => (
            <li key={String(row.id)}>
              You hold <ResourceName row={row} />: <Countdown to={row.expiresAt} />{" "}
              <span className="muted">
                (until <Time at={row.expiresAt} />)
              </span>
            </li>
          ))}
        </ul>
      )}
      {queued.length > 0 && (
        <ul className="plain rows">
          {queued.map(({ row, entry }) => {
            const claimNow = same(row.claimant, viewer.account);
            const turn = claimNow
              ? { kind: "claim" as const, until: row.claimWindowEnd }
              : turnOf(entry, now);
            return (
              <li key={String(row.id)}>
                {turn.kind === "claim" ? (
                  <>
                    Your turn for <ResourceName row={row} />: claim it now,{" "}
                    <Countdown to={turn.until} ended="window closed" />.
                  </>
                ) : (
                  <>
                    You wait for <ResourceName row={row} />:{" "}
                    {turn.position === 0 ? "next in line" : `${turn.position} ahead of you`}; your claim
                    window opens <Time at={turn.from} now={now} />{" "}
                    <span className="muted">
                      (<Time at={turn.from} /> – <Time at={turn.until} text={formatLocalTime(turn.until)} />)
                    </span>
                    .
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

/**
 * Who holds which resource until when: for the whole DAO (with links to every resource and to register
 * one, like the agreements section), or for the resources one cell owns (a cell's page).
 */
export function WhoHoldsWhat({
  ownerCellId = null,
  empty = "No shared resource registered yet.",
}: {
  ownerCellId?: bigint | null;
  /** What to say when there is no resource to show. */
  empty?: string;
}) {
  const all = useResourceRows();
  const total = useDaoEvents().data?.totals?.resources;
  if (!all) return <Loading />;
  const rows = ownerCellId === null ? all : all.filter((row) => row.ownerCellId === ownerCellId);
  const list =
    rows.length === 0 ? (
      <p className="muted">{empty}</p>
    ) : (
      <ul className="plain rows" data-testid={ownerCellId === null ? "who-holds-what" : "cell-resources"}>
        {rows.map((row) => (
          <li key={String(row.id)}>
            <ResourceName row={row} />:{" "}
            {row.holder ? (
              <>
                held by <Account address={row.holder} />, <Countdown to={row.expiresAt} />
              </>
            ) : row.claimant ? (
              <>
                free, <Account address={row.claimant} /> may claim it until <Time at={row.claimWindowEnd} />
              </>
            ) : (
              "free"
            )}
            {row.queueLength > 0 && <span className="muted"> · {row.queueLength} waiting</span>}
          </li>
        ))}
      </ul>
    );
  if (ownerCellId !== null) return list;
  const held = rows.filter((row) => row.holder !== null).length;
  return (
    <>
      {rows.length > 0 && (
        <p className="muted">
          {(total ?? 0) > rows.length &&
            `Of ${total} resources, ${rows.length} shown (yours, then the newest): `}
          {plural(rows.length, "resource")}, {held} held now. <a href="#/resources">All resources</a> ·{" "}
          <a href="#/resources/new">Register one</a>
        </p>
      )}
      {list}
    </>
  );
}
