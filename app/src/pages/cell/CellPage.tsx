/**
 * A cell's page: facts, the viewer's standing and membership actions, nucleus, members and roles,
 * join requests, states and intents, decision owners, its agreements and resources, sub-cells.
 */
import { Account } from "../../components/Account.tsx";
import { CellLink } from "../../components/CellLink.tsx";
import { Name } from "../../components/Name.tsx";
import { useDirectory, useViewer } from "../../concord.tsx";
import { useCellPage } from "../../data/cells.ts";
import type { CellPage as CellPageData } from "../../../../sdk/index.ts";
import { cellStanding } from "../../data/standing.ts";
import { explainError } from "../../lib/errors.ts";
import { plural, rolesLabel } from "../../lib/format.ts";
import { ancestors } from "../../lib/tree.ts";
import { ActivityPanel } from "./ActivityPanel.tsx";
import { DecisionPanel } from "./DecisionPanel.tsx";
import { MembershipPanel } from "./MembershipPanel.tsx";
import { MembersPanel } from "./MembersPanel.tsx";
import { NucleusPanel } from "./NucleusPanel.tsx";
import { PhasePanel } from "./PhasePanel.tsx";
import { CellAgreementsPanel, CellResourcesPanel } from "./RelationsPanels.tsx";
import { SubCellsPanel } from "./SubCellsPanel.tsx";
import { Time } from "../../components/Time.tsx";

const detailsOf = (page: CellPageData) => page.details;

export function CellPage({ cellId }: { cellId: bigint }) {
  const viewer = useViewer();
  const directory = useDirectory();
  // Who created it, when, and its nucleus: the cell page's own read (the directory carries none of them).
  const { data: details } = useCellPage(cellId, detailsOf);
  if (directory.error) {
    return (
      <p className="error" role="alert">
        Cannot read cell {String(cellId)}: {explainError(directory.error).message}
      </p>
    );
  }
  if (!directory.data) return <p className="muted">Loading cell {String(cellId)}…</p>;
  const cell = directory.data.byId.get(cellId);
  if (!cell) {
    return (
      <section>
        <h1>Cell {String(cellId)}</h1>
        <p>
          Cell {String(cellId)} does not exist. <a href="#/cells">See every cell</a>.
        </p>
      </section>
    );
  }
  const standing = cellStanding(directory.data, cell);
  const path = ancestors(directory.data.byId, cell.id);
  const via = standing.stewardVia !== null ? directory.data.byId.get(standing.stewardVia) : undefined;

  return (
    <article className="cell-page" data-testid="cell-page" data-cell-id={String(cell.id)}>
      <nav aria-label="Breadcrumb" className="breadcrumbs">
        <a href="#/cells">Cells</a>
        {path.map((ancestor) => (
          <span key={String(ancestor.id)}>
            {" › "}
            <CellLink cell={ancestor} />
          </span>
        ))}
      </nav>
      <div className="page-head">
        <h1>
          <Name text={cell.name} /> <span className="cell-id">#{String(cell.id)}</span>
        </h1>
        <span className="tags">
          <span className={`tag phase-${cell.phaseName}`}>{cell.phaseName}</span>
          {cell.recognised && <span className="tag recognised">recognised</span>}
        </span>
      </div>

      <dl className="facts card">
        <div>
          <dt>Inside</dt>
          <dd>{path.length ? <CellLink cell={path.at(-1)!} /> : "top level"}</dd>
        </div>
        <div>
          <dt>Depth</dt>
          <dd>{cell.depth}</dd>
        </div>
        <div>
          <dt>Phase</dt>
          <dd data-testid="phase">{cell.phaseName}</dd>
        </div>
        <div>
          <dt>Scale</dt>
          <dd>{cell.scaleName}</dd>
        </div>
        <div>
          <dt>Members</dt>
          <dd data-testid="member-count">
            {plural(cell.memberCount, "member")}, {plural(cell.stewardCount, "steward")}
          </dd>
        </div>
        <div>
          <dt>Delegate</dt>
          <dd>{cell.delegate ? <Account address={cell.delegate} /> : <span className="muted">none</span>}</dd>
        </div>
        <div className="wide">
          <dt>Created</dt>
          <dd>
            {details ? (
              <>
                <Time at={details.createdAt} /> by <Account address={details.creator} />
              </>
            ) : (
              <span className="muted">…</span>
            )}
          </dd>
        </div>
      </dl>

      <section className="card" aria-labelledby="standing-title" data-testid="standing">
        <h2 id="standing-title">You and this cell</h2>
        <p>
          {!viewer.account
            ? "Connect to take part."
            : standing.roles !== 0
              ? `You are a ${rolesLabel(standing.roles)} of ${cell.name}.`
              : "You are not a member of this cell."}
          {via && via.id !== cell.id && (
            <>
              {" "}
              You administer it as a steward of <CellLink cell={via} />.
            </>
          )}
        </p>
        <MembershipPanel cell={cell} standing={standing} />
      </section>

      {details ? (
        <NucleusPanel cell={{ ...cell, ...details }} standing={standing} />
      ) : (
        <p className="muted">Loading the nucleus…</p>
      )}
      <MembersPanel cell={cell} standing={standing} />
      <PhasePanel cell={cell} standing={standing} />
      <ActivityPanel cell={cell} standing={standing} />
      <DecisionPanel cell={cell} standing={standing} ancestorIds={path.map((a) => a.id).reverse()} />
      <CellAgreementsPanel cell={cell} />
      <CellResourcesPanel cell={cell} standing={standing} />
      <SubCellsPanel cell={cell} standing={standing} />
    </article>
  );
}
