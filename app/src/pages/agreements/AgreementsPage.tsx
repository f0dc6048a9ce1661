/**
 * The agreements, newest first, one page at a time ("Show more" reads the next), filtered by status, by "mine"
 * (a party, or a steward of a cell party) and by cell. Each page reads only its agreements: one `listAgreements`
 * page (data/agreementList.ts), through the indexer when the app has one.
 */
import { useState } from "react";

import { agreementStatusNames } from "../../../../sdk/index.ts";
import type { AgreementStatusName } from "../../../../sdk/index.ts";
import { PartyList } from "../../components/Party.tsx";
import { useDirectory, useViewer } from "../../concord.tsx";
import { useAgreementListPages } from "../../data/agreements.ts";
import { useStewards } from "../../data/queries.ts";
import { actingParties, agreementTitle, partiesOf, waitingParties } from "../../lib/agreements.ts";
import type { AgreementFilter } from "../../lib/agreements.ts";
import { explainError } from "../../lib/errors.ts";
import { plural, truncateName } from "../../lib/format.ts";
import { agreementHref, hrefOf } from "../../lib/route.ts";
import { Time } from "../../components/Time.tsx";

const statuses = agreementStatusNames.filter((name) => name !== "none");

export function AgreementsPage({ cellId }: { cellId: bigint | null }) {
  const viewer = useViewer();
  const { data: directory } = useDirectory();
  const stewards = useStewards();
  const [filter, setFilter] = useState<AgreementFilter>({ status: "all", mine: false, cellId });
  const pages = useAgreementListPages(filter, viewer.account);
  const shown = pages.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section data-testid="agreements-page">
      <div className="page-head">
        <h1>Agreements</h1>
        <a className="button" href={hrefOf({ name: "newAgreement", cells: cellId === null ? [] : [cellId] })}>
          Propose an agreement
        </a>
      </div>
      <p className="intro muted">
        Agreements between members and cells. Proposing commits nobody: an agreement is active once every
        party acknowledged its terms, by transaction or by signature, and any party can end it.
      </p>
      <form
        className="filters card"
        aria-label="Filter agreements"
        onSubmit={(event) => event.preventDefault()}
      >
        <label htmlFor="filter-status">Status</label>
        <select
          id="filter-status"
          value={filter.status}
          onChange={(event) =>
            setFilter({ ...filter, status: event.target.value as AgreementStatusName | "all" })
          }
        >
          <option value="all">Every status</option>
          {statuses.map((status) => (
            <option key={status} value={status}>
              {status}
            </option>
          ))}
        </select>
        <label htmlFor="filter-cell">Cell</label>
        <select
          id="filter-cell"
          value={filter.cellId === null ? "" : String(filter.cellId)}
          onChange={(event) =>
            setFilter({ ...filter, cellId: event.target.value ? BigInt(event.target.value) : null })
          }
        >
          <option value="">Every cell</option>
          {directory?.cells.map((cell) => (
            <option key={String(cell.id)} value={String(cell.id)}>
              {truncateName(cell.name)} (#{String(cell.id)})
            </option>
          ))}
        </select>
        <label className="check">
          <input
            type="checkbox"
            checked={filter.mine}
            disabled={!viewer.account}
            onChange={(event) => setFilter({ ...filter, mine: event.target.checked })}
            aria-describedby={viewer.account ? undefined : "agreements-mine-why"}
          />
          Only mine (a party, or a steward of a cell party)
        </label>
        {!viewer.account && (
          <span className="why" id="agreements-mine-why">
            Connect to see your own.
          </span>
        )}
      </form>
      {pages.isPending ? (
        <p className="muted">Loading…</p>
      ) : pages.isError ? (
        <p className="error" role="alert">
          The agreements could not be read: {explainError(pages.error).message}
        </p>
      ) : (
        <>
          <p className="muted" data-testid="agreement-count">
            {plural(shown.length, "agreement")} shown{pages.hasNextPage ? ", newest first; more below" : ""}
          </p>
          <ul className="plain agreement-list" data-testid="agreement-list">
            {shown.map((row) => {
              const waiting = waitingParties(row, viewer.account, stewards).length > 0;
              const mine = actingParties(row, viewer.account, stewards).length > 0;
              return (
                <li key={String(row.id)} className="card agreement-row" data-agreement={String(row.id)}>
                  <div className="row-head">
                    <h2>
                      <a href={agreementHref(row.id)} className="agreement-link">
                        Agreement #{String(row.id)}: <bdi>{agreementTitle(row)}</bdi>
                      </a>
                    </h2>
                    <span className={`tag status-${row.statusName}`}>{row.statusName}</span>
                    {waiting && <span className="badge you">waits for you</span>}
                    {!waiting && mine && <span className="badge">yours</span>}
                  </div>
                  <p>
                    Between <PartyList parties={partiesOf(row)} />
                  </p>
                  <p className="muted">
                    {row.acknowledgedCount} of {row.partyCount} acknowledged
                    {row.expiresAt !== null && (
                      <>
                        {" "}
                        · expires <Time at={row.expiresAt} />
                      </>
                    )}
                    {row.amends !== null && ` · amends #${row.amends}`}
                    {row.supersededBy !== null && ` · superseded by #${row.supersededBy}`}
                  </p>
                </li>
              );
            })}
          </ul>
          {shown.length === 0 && !pages.hasNextPage && (
            <p className="muted">No agreement matches these filters.</p>
          )}
          {pages.hasNextPage && (
            <p>
              <button
                type="button"
                data-testid="agreements-more"
                disabled={pages.isFetchingNextPage}
                onClick={() => void pages.fetchNextPage()}
              >
                {pages.isFetchingNextPage ? "Loading…" : "Show more"}
              </button>
              {shown.length === 0 && (
                <span className="muted"> None matches among the newest read so far.</span>
              )}
            </p>
          )}
        </>
      )}
    </section>
  );
}
