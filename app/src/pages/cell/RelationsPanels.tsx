/**
 * A cell's agreements and resources, from the DAO queries the dashboard shares (one `eth_getLogs` and
 * one multicall for every agreement and resource): no request per agreement or resource. Links lead to
 * the agreements list filtered on the cell, proposing an agreement with it, and (for its stewards)
 * registering a resource it owns.
 */
import type { DashboardCell as Cell } from "../../../../sdk/index.ts";
import { ActionButton } from "../../components/ActionButton.tsx";
import { PartyList } from "../../components/Party.tsx";
import { useViewer } from "../../concord.tsx";
import { useAgreementRows } from "../../data/queries.ts";
import { partiesOf } from "../../lib/agreements.ts";
import { plural } from "../../lib/format.ts";
import { can } from "../../lib/permissions.ts";
import type { CellStanding } from "../../lib/permissions.ts";
import { hrefOf } from "../../lib/route.ts";
import { AgreementTitle } from "../dashboard/agreementSections.tsx";
import { WhoHoldsWhat } from "../dashboard/leaseSections.tsx";

/** The agreements the cell is a party to: the current ones listed, the ended ones counted. */
export function CellAgreementsPanel({ cell }: { cell: Cell }) {
  const rows = useAgreementRows();
  const mine = rows?.filter((row) => row.cells.includes(cell.id)) ?? [];
  const current = mine.filter((row) => row.statusName === "active" || row.statusName === "proposed");
  const ended = mine.length - current.length;
  return (
    <section className="card" aria-labelledby="cell-agreements-title" data-testid="cell-agreements">
      <h2 id="cell-agreements-title">Agreements</h2>
      {!rows ? (
        <p className="muted">Loading…</p>
      ) : mine.length === 0 ? (
        <p className="muted">{cell.name} is party to no agreement yet.</p>
      ) : (
        <>
          {current.length === 0 && <p className="muted">No active or proposed agreement.</p>}
          <ul className="plain rows">
            {current.map((row) => (
              <li key={String(row.id)}>
                <AgreementTitle row={row} />{" "}
                <span className={`tag status-${row.statusName}`}>{row.statusName}</span> between{" "}
                <PartyList parties={partiesOf(row)} />
              </li>
            ))}
          </ul>
          {ended > 0 && (
            <p className="muted">{plural(ended, "earlier agreement")} (ended, declined or replaced).</p>
          )}
        </>
      )}
      <p className="card-links">
        {mine.length > 0 && (
          <a href={hrefOf({ name: "agreements", cellId: cell.id })}>All agreements of {cell.name}</a>
        )}
        <a className="button secondary" href={hrefOf({ name: "newAgreement", cells: [cell.id] })}>
          Propose an agreement with this cell
        </a>
      </p>
    </section>
  );
}

/** The resources the cell owns, with who holds each; registering one is for its stewards. */
export function CellResourcesPanel({ cell, standing }: { cell: Cell; standing: CellStanding }) {
  const viewer = useViewer();
  return (
    <section className="card" aria-labelledby="cell-resources-title">
      <h2 id="cell-resources-title">Resources</h2>
      <WhoHoldsWhat ownerCellId={cell.id} empty={`${cell.name} owns no resource yet.`} />
      <p className="card-links">
        <ActionButton
          permission={can("registerResource", viewer, standing)}
          name="register-resource"
          variant="secondary"
          onClick={() => {
            window.location.hash = hrefOf({ name: "newResource", cellId: cell.id });
          }}
        >
          Register a resource
        </ActionButton>
      </p>
    </section>
  );
}
