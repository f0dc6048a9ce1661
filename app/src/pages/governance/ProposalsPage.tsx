/**
 * Every proposal of both houses, by stage (open stages first), with its kind and what closes when.
 */
import { useProposalList } from "../../data/governance.ts";
import { explainError } from "../../lib/errors.ts";
import { Time } from "../../components/Time.tsx";
import { plural } from "../../lib/format.ts";
import { groupByStage } from "../../lib/proposals.ts";
import { proposalHref } from "../../lib/route.ts";
import { DelegationPanel } from "./DelegationPanel.tsx";
import { KindTag } from "./shared.tsx";

export function ProposalsPage() {
  const query = useProposalList();
  return (
    <section className="proposals-page" data-testid="proposals-page">
      <div className="page-head">
        <h1>Governance</h1>
        <a className="button" href="#/proposals/new">
          New proposal
        </a>
        <a className="button secondary" href="#/treasury" data-testid="treasury-link">
          Treasury
        </a>
      </div>
      <p className="muted">
        Operational proposals are decided by the operational house (one seat per recognised cell), then wait
        in a veto window where the community can stop them. Constitutional proposals — anything touching
        governance itself — need both houses, then a longer delay. A cell&apos;s seat is held by its delegate,
        whom only the cell&apos;s own stewards (or governance) appoint; a new delegate votes 7 days after the
        change, so no seat change can reach a proposal already open, and nobody holds more than one seat. Two
        thirds of the members can always recognise or withdraw cells and replace the guardian without the
        operational house.
      </p>
      <DelegationPanel />
      {query.error ? (
        <p className="error" role="alert">
          {explainError(query.error).message}
        </p>
      ) : !query.data ? (
        <p className="muted">Loading proposals…</p>
      ) : query.data.proposals.length === 0 ? (
        <p className="muted">No proposal yet.</p>
      ) : (
        groupByStage(query.data.proposals).map((group) => (
          <section key={group.stage} className="card stage-group" data-stage={group.stage}>
            <h2>
              {group.label} <span className="muted">({plural(group.items.length, "proposal")})</span>
            </h2>
            <ul className="plain proposal-list">
              {group.items.map((proposal) => {
                const voting =
                  proposal.stage === "communityVote"
                    ? proposal.community
                    : proposal.stage === "operationalVote"
                      ? proposal.operational
                      : null;
                return (
                  <li key={String(proposal.id)} data-proposal-id={String(proposal.id)}>
                    <a href={proposalHref(proposal.id)} className="proposal-link">
                      {proposal.title || "(untitled)"}
                    </a>{" "}
                    <KindTag kind={proposal.kind} />
                    <span className="muted">
                      {voting && (
                        <>
                          {" "}
                          · vote closes <Time at={voting.voteEnd} />
                        </>
                      )}
                      {(proposal.stage === "vetoWindow" || proposal.stage === "timelock") &&
                        proposal.eta !== null && (
                          <>
                            {" "}
                            · executable from <Time at={proposal.eta} />
                          </>
                        )}
                    </span>
                  </li>
                );
              })}
            </ul>
          </section>
        ))
      )}
    </section>
  );
}
