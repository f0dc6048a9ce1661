/**
 * A resource's page: its policy, the current lease (holder, live countdown, fencing token) and the
 * viewer's lease actions, the queue with each waiter's claim window, the booking calendar, the booking limits
 * and the cool-down, and the stewards' policy and revoke.
 */
import type { Resource } from "../../../../sdk/index.ts";
import { Account } from "../../components/Account.tsx";
import { CellLink } from "../../components/CellLink.tsx";
import { useDirectory, useViewer } from "../../concord.tsx";
import { useResource, useResourceLimits } from "./queries.ts";
import { explainError } from "../../lib/errors.ts";
import { plural } from "../../lib/format.ts";
import { accessLabel, formatDuration, leaseView, waitingAt } from "../../lib/leases.ts";
import type { LeaseStanding, LeaseView } from "../../lib/leases.ts";
import { BookingsPanel } from "./BookingsPanel.tsx";
import { LeasePanel } from "./LeasePanel.tsx";
import { QueuePanel } from "./QueuePanel.tsx";
import { useChainClock } from "../../components/Countdown.tsx";
import { LeaseStateLine, StateTag, useLeaseStanding } from "./shared.tsx";
import { StewardPanel } from "./StewardPanel.tsx";

/** What every panel of the page gets. */
export type PanelProps = {
  resource: Resource;
  now: bigint;
  view: LeaseView;
  standing: LeaseStanding;
};

export function ResourcePage({ resourceId }: { resourceId: bigint }) {
  const query = useResource(resourceId);
  if (query.error) {
    const explained = explainError(query.error);
    return (
      <section>
        <nav aria-label="Breadcrumb" className="breadcrumbs">
          <a href="#/resources">Resources</a>
        </nav>
        <h1>Resource {String(resourceId)}</h1>
        <p className="error" role="alert">
          {explained.message} <a href="#/resources">See every resource</a>.
        </p>
      </section>
    );
  }
  if (!query.data) return <p className="muted">Loading resource {String(resourceId)}…</p>;
  return <Loaded resource={query.data} fetchedAtMs={query.dataUpdatedAt} />;
}

function Loaded({ resource, fetchedAtMs }: { resource: Resource; fetchedAtMs: number }) {
  const viewer = useViewer();
  const { data: directory } = useDirectory();
  const now = useChainClock(resource.readAt, fetchedAtMs);
  const view = leaseView(resource, now);
  const queue = waitingAt(resource.queue, now);
  const standing = useLeaseStanding(resource, view, queue, now);
  const cell = directory?.byId.get(resource.ownerCellId);
  const limits = useResourceLimits(resource.id);
  const props: PanelProps = { resource, now, view, standing };

  return (
    <article
      className="resource-page"
      data-testid="resource-page"
      data-resource-id={String(resource.id)}
      data-state={view.kind}
    >
      <nav aria-label="Breadcrumb" className="breadcrumbs">
        <a href="#/resources">Resources</a>
      </nav>
      <div className="page-head">
        <h1>
          {resource.name} <span className="cell-id">#{String(resource.id)}</span>
        </h1>
        <StateTag view={view} />
      </div>
      <p className="resource-state" data-testid="resource-state">
        <LeaseStateLine view={view} now={now} you={viewer.account} />
      </p>

      <dl className="facts card" data-testid="policy">
        <div>
          <dt>Owner cell</dt>
          <dd>{cell ? <CellLink cell={cell} /> : `Cell ${resource.ownerCellId}`}</dd>
        </div>
        <div>
          <dt>Who may use it</dt>
          <dd>{accessLabel(resource.access, resource.ownerCellId)}</dd>
        </div>
        <div>
          <dt>Longest lease</dt>
          <dd>{formatDuration(resource.maxDuration)}</dd>
        </div>
        <div>
          <dt>Claim window</dt>
          <dd>{formatDuration(resource.claimWindow)} per waiter</dd>
        </div>
        <div>
          <dt>Cool-down</dt>
          <dd data-testid="cooldown">
            {limits.data
              ? limits.data.cooldown === 0n
                ? "none"
                : `${formatDuration(limits.data.cooldown)} after a revoke, and between an account's places in the queue`
              : "…"}
          </dd>
        </div>
        <div>
          <dt>Bookings</dt>
          <dd data-testid="booking-limits">
            {limits.data
              ? limits.data.maxBookings === 0
                ? "no new bookings"
                : `${plural(limits.data.maxBookings, "live booking")} per account, up to ${formatDuration(limits.data.maxLeadTime)} ahead`
              : "…"}
          </dd>
        </div>
        <div>
          <dt>Latest fencing token</dt>
          <dd data-testid="latest-token">
            {resource.latestFencingToken === 0n ? "none yet" : String(resource.latestFencingToken)}
          </dd>
        </div>
        <div>
          <dt>Registered by</dt>
          <dd>
            <Account address={resource.registeredBy} />
          </dd>
        </div>
      </dl>

      <LeasePanel {...props} />
      <QueuePanel {...props} />
      <BookingsPanel {...props} />
      <StewardPanel {...props} />
    </article>
  );
}
