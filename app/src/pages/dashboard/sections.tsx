/**
 * The dashboard's sections. A section is a title and a component that reads its own queries; adding one
 * (agreements waiting for your acknowledgement, leases you hold, proposals you can act on…) is adding
 * an entry here.
 */
import type { ComponentType } from "react";

import { Account } from "../../components/Account.tsx";
import { CellLink } from "../../components/CellLink.tsx";
import { CellTree } from "../../components/CellTree.tsx";
import { JoinDecision } from "../../components/JoinDecision.tsx";
import { useNow } from "../../components/Countdown.tsx";
import { Time } from "../../components/Time.tsx";
import { useDaoEvents, useDirectory, useViewer, useWrite } from "../../concord.tsx";
import { WriteStatus } from "../../components/WriteStatus.tsx";
import { cellStanding, standingIn } from "../../data/standing.ts";
import { plural, rolesLabel } from "../../lib/format.ts";
import { can } from "../../lib/permissions.ts";
import { ActiveAgreements, AgreementsWaiting } from "./agreementSections.tsx";
import { MyLeases, WhoHoldsWhat } from "./leaseSections.tsx";
import { ProposalsByStage, ProposalsToAct } from "./proposalSections.tsx";
import { TreasurySection } from "./treasurySection.tsx";

export type DashboardSection = { id: string; title: string; Component: ComponentType };

function Loading() {
  return <p className="muted">Loading…</p>;
}

/** The member's cells and roles, the cells they administer from above, their own pending requests. */
function MyCells() {
  const { data: directory } = useDirectory();
  if (!directory?.standing) return <Loading />;
  const mine = directory.cells.filter((cell) => standingIn(directory, cell.id).roles !== 0);
  const administered = directory.cells.filter((cell) => {
    const standing = cellStanding(directory, cell);
    return standing.roles === 0 && standing.stewardVia !== null;
  });
  const requested = directory.cells.filter((cell) => standingIn(directory, cell.id).joinRequestedAt !== null);
  return (
    <>
      {mine.length === 0 ? (
        <p className="muted">
          You are not a member of any cell yet: open a cell and ask to join, or create one.
        </p>
      ) : (
        <ul className="plain rows" data-testid="my-cells">
          {mine.map((cell) => (
            <li key={String(cell.id)}>
              <CellLink cell={cell} />{" "}
              <span className="muted">— {rolesLabel(standingIn(directory, cell.id).roles)}</span>{" "}
              <span className="tag">{cell.phaseName}</span>
            </li>
          ))}
        </ul>
      )}
      {administered.length > 0 && (
        <p>
          As a steward above them, you also administer{" "}
          {administered.map((cell, i) => (
            <span key={String(cell.id)}>
              {i > 0 && ", "}
              <CellLink cell={cell} />
            </span>
          ))}
          .
        </p>
      )}
      {requested.length > 0 && (
        <p>
          You asked to join{" "}
          {requested.map((cell, i) => (
            <span key={String(cell.id)}>
              {i > 0 && ", "}
              <CellLink cell={cell} />
            </span>
          ))}
          : waiting for a steward.
        </p>
      )}
    </>
  );
}

/** Join requests to cells the member stewards (directly or from above). */
function WaitingForYou() {
  const viewer = useViewer();
  const { data: directory } = useDirectory();
  const pending = useDaoEvents().data?.pendingJoins;
  const write = useWrite();
  if (!directory || !pending) return <Loading />;
  const mine = pending.filter((request) => {
    const cell = directory.byId.get(request.cellId);
    return cell !== undefined && cellStanding(directory, cell).stewardVia !== null;
  });
  return (
    <div data-testid="waiting-for-you">
      {mine.length === 0 && <p className="muted">Nothing waits for you.</p>}
      <ul className="plain rows">
        {mine.map((request) => {
          const cell = directory.byId.get(request.cellId)!;
          return (
            <li key={`${request.cellId}:${request.account}`}>
              <p>
                <Account address={request.account} /> asked to join <CellLink cell={cell} />.
              </p>
              <JoinDecision
                cellId={cell.id}
                account={request.account}
                permission={can("decideJoin", viewer, cellStanding(directory, cell))}
                write={write}
              />
            </li>
          );
        })}
      </ul>
      <WriteStatus progress={write.progress} onDismiss={write.reset} />
    </div>
  );
}

/** The DAO's own cell tree; other top-level cells are only counted, apart, and listed on the Cells page. */
function CellTreeSection() {
  const { data: directory } = useDirectory();
  if (!directory) return <Loading />;
  return (
    <>
      <p className="muted" data-testid="dao-numbers">
        {plural(directory.dao.length, "cell")} in the DAO,{" "}
        {plural(directory.dao.filter((c) => c.recognised).length, "recognised cell")}.{" "}
        <a href="#/cells/new">Create a cell</a>
      </p>
      <CellTree directory={directory} empty="Governance has not recognised a cell yet." />
      {directory.others.length > 0 && (
        <p className="muted" data-testid="other-cells-count">
          {plural(directory.others.length, "other cell")} outside the DAO's tree:{" "}
          <a href="#/cells">listed apart on the Cells page</a>.
        </p>
      )}
    </>
  );
}

/** What members say they are doing, and what they intend to do next. */
function ActivitySection() {
  const now = useNow();
  const { data: feed } = useDaoEvents();
  const { data: directory } = useDirectory();
  if (!feed || !directory) return <Loading />;
  const upcoming = feed.intents.filter((intent) => intent.at >= now).slice(0, 8);
  const states = feed.states.slice(0, 8);
  const cellOf = (id: bigint) => directory.byId.get(id);
  if (states.length === 0 && upcoming.length === 0)
    return <p className="muted">No state or intent declared yet.</p>;
  return (
    <div className="two-columns">
      <div>
        <h3>Current states</h3>
        <ul className="plain rows">
          {states.map((entry) => {
            const cell = cellOf(entry.cellId);
            return (
              <li key={`${entry.cellId}:${entry.member}`}>
                <Account address={entry.member} /> in{" "}
                {cell ? <CellLink cell={cell} /> : `cell ${entry.cellId}`}: <q>{entry.state}</q>
              </li>
            );
          })}
        </ul>
      </div>
      <div>
        <h3>Coming up</h3>
        {upcoming.length === 0 ? (
          <p className="muted">No intent announced.</p>
        ) : (
          <ul className="plain rows">
            {upcoming.map((entry) => {
              const cell = cellOf(entry.cellId);
              return (
                <li key={`${entry.blockNumber}:${entry.member}:${entry.intent}`}>
                  <Account address={entry.member} /> in{" "}
                  {cell ? <CellLink cell={cell} /> : `cell ${entry.cellId}`}: <q>{entry.intent}</q>{" "}
                  <Time at={entry.at} now={now} />
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </div>
  );
}

/** Sections about the connected member. */
export const memberSections: DashboardSection[] = [
  { id: "my-cells", title: "Your cells and roles", Component: MyCells },
  { id: "waiting-for-you", title: "Waiting for you", Component: WaitingForYou },
  {
    id: "agreements-waiting",
    title: "Agreements waiting for your acknowledgement",
    Component: AgreementsWaiting,
  },
  { id: "my-leases", title: "Your resources and queues", Component: MyLeases },
  { id: "proposals-to-act", title: "Proposals you can act on now", Component: ProposalsToAct },
];

/** Sections about the whole DAO. */
export const daoSections: DashboardSection[] = [
  { id: "cell-tree", title: "Cells", Component: CellTreeSection },
  { id: "treasury", title: "Treasury", Component: TreasurySection },
  { id: "activity", title: "What members are doing", Component: ActivitySection },
  { id: "agreements", title: "Active agreements", Component: ActiveAgreements },
  { id: "leases", title: "Who holds what", Component: WhoHoldsWhat },
  { id: "proposals", title: "Proposals by stage", Component: ProposalsByStage },
];
