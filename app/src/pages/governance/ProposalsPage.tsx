/**
 * The proposals of both houses, newest first, a page at a time ("Show more"), grouped by stage (open stages
 * first), with their kind and what closes when.
 */
import { useProposalPages } from "../../data/governance.ts";
import { explainError } from "../../lib/errors.ts";
import { Time } from "../../components/Time.tsx";
import { plural } from "../../lib/format.ts";
import { groupByStage } from "../../lib/proposals.ts";
import { proposalHref } from "../../lib/route.ts";
import { DelegationPanel } from "./DelegationPanel.tsx";
import { KindTag } from "./shared.tsx";

export function ProposalsPage() {
  const query = useProposalPages();
  const proposals = query.data?.pages.flatMap((page) => page.items);
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
      ) : !proposals ? (
        <p className="muted">Loading proposals…</p>
      ) : proposals.length === 0 ? (
        <p className="muted">No proposal yet.</p>
      ) : (
        groupByStage(proposals).map((group) => (
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
      {query.hasNextPage && (
        <div className="button-row">
          <button
            type="button"
            className="secondary"
            disabled={query.isFetchingNextPage}
            onClick={() => void query.fetchNextPage()}
            data-testid="more-proposals"
          >
            {query.isFetchingNextPage ? "Loading older proposals…" : "Show older proposals"}
          </button>
        </div>
      )}
      {proposals && query.hasNextPage && (
        <p className="muted">
          Showing the {plural(proposals.length, "newest proposal")}; older ones are read when you ask.
        </p>
      )}
    </section>
  );
}
