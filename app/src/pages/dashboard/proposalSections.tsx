/**
 * The dashboard's governance sections: the proposals the connected member can act on now (vote, veto,
 * carry, queue, execute), and every proposal by stage. Both read the batched DAO queries (the houses'
 * events, states and the viewer's votes in the SDK's `getDashboard`): no request of their own.
 * Acting happens on the proposal's page (the governance chunk, loaded on first visit).
 */
import { useProposalRows } from "../../data/proposals.ts";
import type { ProposalRow } from "../../data/proposals.ts";
import { Time } from "../../components/Time.tsx";
import { plural } from "../../lib/format.ts";
import { groupByStage } from "../../lib/proposals.ts";
import type { NextAction } from "../../lib/proposals.ts";
import { proposalHref } from "../../lib/route.ts";

const ACTION_WORDS: Record<NextAction, string> = {
  vote: "Vote",
  veto: "Veto",
  carry: "Carry to the operational house",
  queue: "Queue",
  execute: "Execute",
};

function Until({ row }: { row: ProposalRow }) {
  if (row.until === null) return null;
  const what =
    row.stage === "vetoWindow" ? "veto window ends" : row.stage === "timelock" ? "executable" : "closes";
  return (
    <span className="muted">
      {" "}
      · {what} <Time at={row.until} />
    </span>
  );
}

function KindTag({ row }: { row: ProposalRow }) {
  return <span className={`tag kind-${row.kind}`}>{row.kind}</span>;
}

/** Proposals the member can act on now, with the action. */
export function ProposalsToAct() {
  const rows = useProposalRows();
  if (!rows) return <p className="muted">Loading…</p>;
  const open = rows.filter((row) => row.actions.length > 0);
  if (open.length === 0) return <p className="muted">No proposal waits for you now.</p>;
  return (
    <ul className="plain proposal-rows" data-testid="proposals-to-act">
      {open.map((row) => (
        <li key={String(row.id)} data-proposal-id={String(row.id)}>
          <a href={proposalHref(row.id)} className="proposal-link">
            {row.title}
          </a>{" "}
          <KindTag row={row} />
          <Until row={row} />
          <span className="proposal-next">
            {row.actions.map((action) => (
              <a key={action} href={proposalHref(row.id)} className="button" data-action={action}>
                {ACTION_WORDS[action]}
              </a>
            ))}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Every proposal, grouped by stage (open stages first). */
export function ProposalsByStage() {
  const rows = useProposalRows();
  if (!rows) return <p className="muted">Loading…</p>;
  if (rows.length === 0)
    return (
      <p className="muted">
        No proposal yet. <a href="#/proposals/new">Make one</a>.
      </p>
    );
  return (
    <div className="proposal-stages" data-testid="proposals-by-stage">
      {groupByStage(rows).map((group) => (
        <div key={group.stage} className="stage-group" data-stage={group.stage}>
          <h3>
            {group.label} <span className="muted">({plural(group.items.length, "proposal")})</span>
          </h3>
          <ul className="plain">
            {group.items.map((row) => (
              <li key={String(row.id)}>
                <a href={proposalHref(row.id)}>{row.title}</a> <KindTag row={row} />
                <Until row={row} />
              </li>
            ))}
          </ul>
        </div>
      ))}
      <p>
        <a href="#/proposals">Every proposal</a> · <a href="#/proposals/new">New proposal</a>
      </p>
    </div>
  );
}
