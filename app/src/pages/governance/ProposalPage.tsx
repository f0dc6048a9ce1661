/**
 * A proposal's page: its kind and stage, the stage timeline, its calls in words, both houses' tallies and
 * quorums, the veto tally against its threshold, deadlines and eta with countdowns on the chain's clock,
 * and the viewer's actions (vote with a reason, override one's delegate, veto, carry, queue, execute,
 * cancel), each disabled with the reason when it cannot be taken now.
 */
import { governanceActions } from "../../../../sdk/governance/index.ts";
import { useState } from "react";
import { formatEther } from "viem";

import type { HouseTally, Proposal, VoteSupport } from "../../../../sdk/index.ts";
import { Account } from "../../components/Account.tsx";
import { ActionButton } from "../../components/ActionButton.tsx";
import { WriteStatus } from "../../components/WriteStatus.tsx";
import { useViewer, useWrite } from "../../concord.tsx";
import { useProposal, useProxyImplementation } from "../../data/governance.ts";
import { explainError } from "../../lib/errors.ts";
import { formatDateTime, plural } from "../../lib/format.ts";
import { percentOf, timeline, toPermission } from "../../lib/governance.ts";
import { formatCountdown, formatDuration } from "../../lib/leases.ts";
import { canWrite } from "../../lib/permissions.ts";
import type { Permission } from "../../lib/permissions.ts";
import { DelegationPanel } from "./DelegationPanel.tsx";
import { useChainClock } from "../../components/Countdown.tsx";
import { CallWords, KindTag, StageTag } from "./shared.tsx";

export function ProposalPage({ proposalId }: { proposalId: bigint }) {
  const query = useProposal(proposalId);
  if (query.error) {
    return (
      <section>
        <nav aria-label="Breadcrumb" className="breadcrumbs">
          <a href="#/proposals">Governance</a>
        </nav>
        <h1>Proposal</h1>
        <p className="error" role="alert">
          {explainError(query.error).message} <a href="#/proposals">See every proposal</a>.
        </p>
      </section>
    );
  }
  if (!query.data) return <p className="muted">Loading the proposal…</p>;
  return <Loaded proposal={query.data.proposal} fetchedAtMs={query.data.fetchedAtMs} />;
}

/** Time left until `to` on the chain's clock, with the exact time on hover. */
function Left({ to, now, ended }: { to: bigint; now: bigint; ended: string }) {
  return (
    <time
      className="countdown"
      dateTime={new Date(Number(to) * 1000).toISOString()}
      title={formatDateTime(to)}
    >
      {to > now ? `${formatCountdown(to, now)} left` : ended}
    </time>
  );
}

function Loaded({ proposal, fetchedAtMs }: { proposal: Proposal; fetchedAtMs: number }) {
  const now = useChainClock(proposal.now, fetchedAtMs);
  // The `#proposer=0x…` suffix that protects the id from squatting is not part of the text.
  const body = proposal.description
    .replace(/#proposer=0x[0-9a-fA-F]{40}$/, "")
    .split("\n")
    .slice(1)
    .join("\n")
    .trim();
  const reached =
    proposal.operational && proposal.operational.forVotes + proposal.operational.againstVotes > 0n
      ? proposal.operational.state === "defeated"
        ? "operationalVote"
        : "vetoWindow"
      : proposal.kind === "constitutional"
        ? "communityVote"
        : "operationalVote";
  const steps = timeline(proposal.kind, proposal.stage, reached);
  return (
    <article
      className="proposal-page"
      data-testid="proposal-page"
      data-proposal-id={String(proposal.id)}
      data-stage={proposal.stage}
    >
      <nav aria-label="Breadcrumb" className="breadcrumbs">
        <a href="#/proposals">Governance</a>
      </nav>
      <div className="page-head">
        <h1>{proposal.title || "(untitled)"}</h1>
        <KindTag kind={proposal.kind} />
        <StageTag stage={proposal.stage} />
      </div>
      <p className="muted">
        Proposed by <Account address={proposal.proposer} /> · id{" "}
        <code title={String(proposal.id)}>
          {String(proposal.id).slice(0, 8)}…{String(proposal.id).slice(-4)}
        </code>
      </p>
      <p className="kind-explained">
        {proposal.kind === "operational"
          ? "Operational: the operational house decides; once passed, it waits in the timelock for the veto window, during which the community can veto it."
          : "Constitutional: it touches governance itself, so the community house approves it first, then the operational house, then it waits the constitutional delay. A remedy — only recognising or withdrawing cells, or replacing or removing a guardian — approved by two thirds of all members passes the operational house without its seats."}
      </p>
      <p className="muted" data-testid="proposal-squatting">
        Its description ends with its proposer&apos;s address (#proposer=…): nobody else can propose the same
        text, so nobody can take its id and cancel it.
      </p>

      <ol className="timeline" aria-label="Stages" data-testid="proposal-timeline">
        {steps.map((step) => (
          <li
            key={step.stage}
            className={`step-${step.state}`}
            aria-current={step.state === "current" ? "step" : undefined}
          >
            {step.label}
          </li>
        ))}
      </ol>

      {body && <p className="proposal-body">{body}</p>}

      <section className="card" aria-labelledby="calls-title">
        <h2 id="calls-title">What it does</h2>
        <ol className="calls" data-testid="proposal-calls">
          {proposal.calls.map((call, i) => (
            <li key={i}>
              <CallWords call={call} />
              {call.value > 0n && call.data !== "0x" && (
                <span className="muted"> (with {formatEther(call.value)} ETH)</span>
              )}
              <ProxyNote target={call.target} />
            </li>
          ))}
        </ol>
      </section>

      <div className="tallies">
        {proposal.community && <Tally tally={proposal.community} now={now} />}
        {proposal.operational ? (
          <Tally tally={proposal.operational} now={now} />
        ) : (
          proposal.kind === "constitutional" && (
            <section className="card tally" data-house="operational">
              <h2>Operational house</h2>
              <p className="muted">Votes after the community approves it and it is carried here.</p>
            </section>
          )
        )}
        {proposal.kind === "operational" && <VetoCard proposal={proposal} now={now} />}
      </div>

      {proposal.eta !== null && (
        <p data-testid="proposal-eta">
          {proposal.stage === "executed" ? (
            `Executable from ${formatDateTime(proposal.eta)}; executed.`
          ) : (
            <>
              Executable from {formatDateTime(proposal.eta)}:{" "}
              <Left to={proposal.eta} now={now} ended="executable now" />
            </>
          )}
        </p>
      )}

      {proposal.deadline && (
        <p data-testid="proposal-deadline" data-deadline={proposal.deadline.kind}>
          {proposal.stage === "expired" ? "Expired: it " : "It "}
          {proposal.deadline.sentence}
          {proposal.stage !== "expired" && (
            <>
              {" "}
              (<Left to={proposal.deadline.at} now={now} ended="lapsed" />)
            </>
          )}
          . Mandates lapse so that a late proposal cannot escape the veto of the current members.
        </p>
      )}

      <ProposalActions proposal={proposal} now={now} />
      <DelegationPanel />
    </article>
  );
}

function Tally({ tally, now }: { tally: HouseTally; now: bigint }) {
  const total = tally.forVotes + tally.againstVotes + tally.abstainVotes;
  const unit = tally.house === "operational" ? ["seat", "seats"] : ["vote", "votes"];
  const count = (n: bigint) => plural(n, unit[0]!, unit[1]);
  const row = (label: string, value: bigint, className: string) => (
    <div className={`bar-row ${className}`}>
      <dt>{label}</dt>
      <dd>
        <span className="bar" aria-hidden="true">
          <span style={{ width: percentOf(value, total === 0n ? 1n : total) }} />
        </span>{" "}
        {count(value)}
      </dd>
    </div>
  );
  return (
    <section className="card tally" data-house={tally.house} data-testid={`tally-${tally.house}`}>
      <h2>{tally.house === "operational" ? "Operational house" : "Community house"}</h2>
      <p className="muted">
        State: <strong>{tally.state}</strong> ·{" "}
        {tally.voteStart >= now ? (
          <>
            voting opens in {formatDuration(tally.voteStart - now + 1n)} ({formatDateTime(tally.voteStart)})
          </>
        ) : tally.voteEnd > now ? (
          <>
            voting closes {formatDateTime(tally.voteEnd)}:{" "}
            <Left to={tally.voteEnd} now={now} ended="closed" />
          </>
        ) : (
          <>voting closed {formatDateTime(tally.voteEnd)}</>
        )}
      </p>
      <dl className="bars">
        {row("For", tally.forVotes, "for")}
        {row("Against", tally.againstVotes, "against")}
        {row("Abstain", tally.abstainVotes, "abstain")}
      </dl>
      <p data-testid={`quorum-${tally.house}`}>
        Quorum:{" "}
        {tally.voteStart >= now ? (
          "set at the snapshot"
        ) : (
          <>
            {count(tally.quorum)} needed, {count(tally.forVotes + tally.abstainVotes)} for or abstaining{" "}
            <span className={`tag ${tally.quorumReached ? "ok" : "warn"}`}>
              {tally.quorumReached ? "reached" : "not reached"}
            </span>
          </>
        )}
      </p>
    </section>
  );
}

function VetoCard({ proposal, now }: { proposal: Proposal; now: bigint }) {
  const veto = proposal.veto;
  return (
    <section className="card tally" data-house="veto" data-testid="veto-tally">
      <h2>Community veto</h2>
      {!veto ? (
        <p className="muted">
          The veto is counted once the operational vote opens; it is cast in the veto window.
        </p>
      ) : (
        <>
          <p>
            {plural(veto.votes, "veto vote")} of {plural(veto.threshold, "vote")} needed{" "}
            <span className="bar" aria-hidden="true">
              <span
                style={{
                  width: percentOf(
                    veto.votes > veto.threshold ? veto.threshold : veto.votes,
                    veto.threshold === 0n ? 1n : veto.threshold,
                  ),
                }}
              />
            </span>
            {veto.vetoed && <span className="tag warn"> vetoed</span>}
          </p>
          {veto.windowEndsAt !== null && proposal.stage === "vetoWindow" && (
            <p>
              Veto window: <Left to={veto.windowEndsAt} now={now} ended="closed" /> (closes{" "}
              {formatDateTime(veto.windowEndsAt)}).
            </p>
          )}
        </>
      )}
    </section>
  );
}

const SUPPORTS: { value: VoteSupport; label: string }[] = [
  { value: "for", label: "For" },
  { value: "against", label: "Against" },
  { value: "abstain", label: "Abstain" },
];

function ProposalActions({ proposal, now }: { proposal: Proposal; now: bigint }) {
  const viewer = useViewer();
  const write = useWrite();
  const [support, setSupport] = useState<VoteSupport>("for");
  const [reason, setReason] = useState("");
  const base = canWrite(viewer);
  const { actions } = proposal;
  const permission = (availability: (typeof actions)["vote"]): Permission => {
    if (!base.ok) return base;
    const sdk = toPermission(availability);
    if (sdk.ok) return sdk;
    // "Voting opens after 18:02:10": say in how long, on the chain's clock.
    const house = availability.house ? proposal[availability.house] : null;
    if (house && house.state === "pending" && /^Voting opens/.test(sdk.reason) && house.voteStart >= now)
      return { ok: false, reason: `Voting opens in ${formatDuration(house.voteStart - now + 1n)}.` };
    return sdk;
  };
  const id = proposal.id;
  const short = proposal.title || "the proposal";
  const votingHouse = actions.vote.house;
  const vote = () =>
    void write.run(
      `Vote “${support}” on “${short}”`,
      ({ concord, options }) =>
        governanceActions(concord).castGovernanceVote({
          proposalId: id,
          support,
          reason: reason.trim() || undefined,
          ...options,
        }),
      {
        summary: (result) =>
          `Voted ${support} with ${plural(result.votes[0]?.weight ?? 0n, result.votes[0]?.house === "operational" ? "seat" : "vote")}.`,
        onConfirmed: () => setReason(""),
      },
    );
  const override = () =>
    void write.run(
      `Override your delegate's vote: ${support}`,
      ({ concord, options }) =>
        governanceActions(concord).castOverrideVote({
          proposalId: id,
          support,
          reason: reason.trim(),
          ...options,
        }),
      { onConfirmed: () => setReason("") },
    );
  const veto = () =>
    void write.run(
      `Veto “${short}”`,
      ({ concord, options }) =>
        governanceActions(concord).vetoProposal({
          proposalId: id,
          reason: reason.trim() || undefined,
          ...options,
        }),
      {
        summary: (result) =>
          result.vetoed
            ? "Vetoed: the threshold is reached and the proposal is canceled."
            : `Veto recorded: ${plural(result.totalVeto, "veto vote")} so far.`,
      },
    );
  const stepActions = {
    carry: "carryProposal",
    queue: "queueProposal",
    execute: "executeProposal",
    cancel: "cancelProposal",
  } as const;
  const simple = (action: "carry" | "queue" | "execute" | "cancel", label: string) => () =>
    void write.run(`${label} “${short}”`, ({ concord, options }) =>
      governanceActions(concord)[stepActions[action]]({ proposalId: id, ...options }),
    );
  /** The button of a step anyone allowed may take on the proposal as it stands (carry, queue, execute, cancel). */
  const stepButton = (
    action: "carry" | "queue" | "execute" | "cancel",
    label: string,
    text: string,
    variant?: "danger",
  ) => (
    <ActionButton
      permission={permission(actions[action])}
      busy={write.busy}
      onClick={simple(action, label)}
      name={action}
      variant={variant}
    >
      {text}
    </ActionButton>
  );
  const view = proposal.accountView;
  return (
    <section className="card proposal-actions" aria-labelledby="act-title" data-testid="proposal-actions">
      <h2 id="act-title">Act</h2>
      {view && (
        <p className="muted" data-testid="your-position">
          {view.communityVotes !== null && `Your community votes at the snapshot: ${view.communityVotes}. `}
          {view.operationalSeats !== null && `Your seats at the snapshot: ${view.operationalSeats}. `}
          {view.hasVotedOperational && "You voted in the operational house. "}
          {view.hasVotedCommunity && "You voted in the community house. "}
          {view.hasOverridden && "You overrode your delegate. "}
          {view.hasVetoed && "You vetoed it. "}
        </p>
      )}
      <fieldset className="vote-form">
        <legend>Your vote{votingHouse && ` in the ${votingHouse} house`}</legend>
        <div className="supports" role="radiogroup" aria-label="Support">
          {SUPPORTS.map((option) => (
            <label key={option.value}>
              <input
                type="radio"
                name="support"
                value={option.value}
                checked={support === option.value}
                onChange={() => setSupport(option.value)}
              />{" "}
              {option.label}
            </label>
          ))}
        </div>
        <label className="block">
          Reason (optional, kept on-chain with your vote or veto)
          <textarea
            rows={2}
            value={reason}
            maxLength={1000}
            onChange={(event) => setReason(event.target.value)}
            data-testid="vote-reason"
          />
        </label>
        <div className="button-row">
          <ActionButton permission={permission(actions.vote)} busy={write.busy} onClick={vote} name="vote">
            Vote
          </ActionButton>
          {proposal.kind === "constitutional" && (
            <ActionButton
              permission={permission(actions.override)}
              busy={write.busy}
              onClick={override}
              name="override"
              variant="secondary"
            >
              Override my delegate
            </ActionButton>
          )}
          {proposal.kind === "operational" && (
            <ActionButton
              permission={permission(actions.veto)}
              busy={write.busy}
              onClick={veto}
              name="veto"
              variant="danger"
            >
              Veto
            </ActionButton>
          )}
        </div>
      </fieldset>
      <div className="button-row">
        {proposal.kind === "constitutional" && stepButton("carry", "Carry", "Carry to the operational house")}
        {stepButton("queue", "Queue", "Queue")}
        {stepButton("execute", "Execute", "Execute")}
        {stepButton("cancel", "Cancel", "Cancel", "danger")}
      </div>
      <WriteStatus progress={write.progress} onDismiss={write.reset} />
    </section>
  );
}

/** Under a call whose target is a proxy: where it points, and whether the houses pin that code. */
function ProxyNote({ target }: { target: `0x${string}` }) {
  const proxy = useProxyImplementation(target).data;
  if (!proxy) return null;
  return proxy.pinned ? (
    <p className="muted" data-testid="proxy-note">
      The target is a proxy to <Account address={proxy.implementation} />: its code is pinned too, so a change
      before execution makes the proposal fail instead of running other code.
    </p>
  ) : (
    <p className="banner warning" role="note" data-testid="proxy-note">
      The target is a proxy to <Account address={proxy.implementation} /> that the houses cannot pin: if it is
      upgraded before execution, the proposal runs the new code.
    </p>
  );
}
