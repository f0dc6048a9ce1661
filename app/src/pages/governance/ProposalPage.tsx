/**
 * A proposal's page: its kind and stage, the stage timeline, its calls in words, both houses' tallies and
 * quorums, the veto tally against its threshold, deadlines and eta with countdowns on the chain's clock,
 * and the viewer's actions (vote with a reason, override one's delegate, veto, carry, queue, execute,
 * cancel), each disabled with the reason when it cannot be taken now.
 */
import { etaApplies, finalProposalStages, governanceActions } from "../../../../sdk/index.ts";
import { useState } from "react";
import { formatEther } from "viem";

import type { Ballot, HouseTally, Page, Proposal, VoteSupport } from "../../../../sdk/index.ts";
import { Account } from "../../components/Account.tsx";
import { ActionButton } from "../../components/ActionButton.tsx";
import { WriteStatus } from "../../components/WriteStatus.tsx";
import { useViewer, useWrite } from "../../concord.tsx";
import { useProposal, useProxyImplementation } from "../../data/governance.ts";
import { BALLOTS_PER_PAGE, useBallotPages, useOwnBallots } from "../../data/votes.ts";
import { explainError } from "../../lib/errors.ts";
import { formatLocalDateTime, plural } from "../../lib/format.ts";
import {
  nextStepSentence,
  ownBallotSentences,
  percentOf,
  timeline,
  toPermission,
  vetoConsequence,
} from "../../lib/governance.ts";
import { formatDuration } from "../../lib/leases.ts";
import { canWrite } from "../../lib/permissions.ts";
import type { Permission } from "../../lib/permissions.ts";
import { DelegationPanel } from "./DelegationPanel.tsx";
import { RelayCard, SignInstead } from "./Relay.tsx";
import { Simulation } from "./Simulation.tsx";
import { TreasuryCheck } from "./TreasuryCheck.tsx";
import { Countdown, useChainClock } from "../../components/Countdown.tsx";
import { Time } from "../../components/Time.tsx";
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
  return (
    <Loaded
      proposal={query.data.proposal}
      ballots={query.data.ballots}
      fetchedAtMs={query.data.fetchedAtMs}
    />
  );
}

function Loaded({
  proposal,
  ballots,
  fetchedAtMs,
}: {
  proposal: Proposal;
  ballots: Page<Ballot>;
  fetchedAtMs: number;
}) {
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

      {!finalProposalStages.includes(proposal.stage) && <TreasuryCheck calls={proposal.calls} />}
      {!finalProposalStages.includes(proposal.stage) && <Simulation calls={proposal.calls} />}

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

      {proposal.eta !== null && (etaApplies(proposal.stage) || proposal.stage === "executed") && (
        <p data-testid="proposal-eta">
          {proposal.stage === "executed" ? (
            <>
              Executable from <Time at={proposal.eta} />; executed.
            </>
          ) : (
            <>
              Executable from <Time at={proposal.eta} />:{" "}
              <Countdown to={proposal.eta} now={now} ended="executable now" />
            </>
          )}
        </p>
      )}
      {(proposal.stage === "vetoed" || proposal.stage === "canceled") && (
        <p data-testid="proposal-final" className="banner warning" role="note">
          {proposal.stage === "vetoed"
            ? "Vetoed by the community: it will never execute."
            : "Canceled: it will never execute."}
        </p>
      )}

      {proposal.deadline && (
        <p data-testid="proposal-deadline" data-deadline={proposal.deadline.kind}>
          {proposal.stage === "expired" ? "Expired: it " : "It "}
          {proposal.deadline.sentence}
          {proposal.stage !== "expired" && (
            <>
              {" "}
              (<Countdown to={proposal.deadline.at} now={now} ended="lapsed" />)
            </>
          )}
          . Mandates lapse so that a late proposal cannot escape the veto of the current members.
        </p>
      )}

      <ProposalActions proposal={proposal} now={now} />
      <BallotsCard proposalId={proposal.id} first={ballots} />
      {(proposal.stage === "communityVote" ||
        proposal.stage === "operationalVote" ||
        proposal.stage === "vetoWindow") && <RelayCard proposalId={proposal.id} />}
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
            voting opens in {formatDuration(tally.voteStart - now + 1n)} (<Time at={tally.voteStart} />)
          </>
        ) : tally.voteEnd > now ? (
          <>
            voting closes <Time at={tally.voteEnd} />:{" "}
            <Countdown to={tally.voteEnd} now={now} ended="closed" />
          </>
        ) : (
          <>
            voting closed <Time at={tally.voteEnd} />
          </>
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
              Veto window: <Countdown to={veto.windowEndsAt} now={now} ended="closed" /> (closes{" "}
              <Time at={veto.windowEndsAt} />
              ).
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

type Step = "carry" | "queue" | "execute" | "cancel";

/** The action a stage is about: shown disabled with its reason when the viewer has nothing to do now. */
function mainAction(stage: Proposal["stage"]): "vote" | "veto" | Step | null {
  switch (stage) {
    case "communityVote":
    case "operationalVote":
      return "vote";
    case "vetoWindow":
      return "veto";
    case "awaitingOperational":
      return "carry";
    case "awaitingQueue":
      return "queue";
    case "executable":
      return "execute";
    default:
      return null;
  }
}

/** Each step's button, and one line saying what it does (the domain words stay; their meaning is given). */
const STEP_LABELS: Record<Step, { verb: string; text: string; hint: string }> = {
  carry: {
    verb: "Carry",
    text: "Carry to the operational house",
    hint: "Carry: the community approved it; this hands it to the operational house for its vote.",
  },
  queue: {
    verb: "Queue",
    text: "Queue",
    hint: "Queue: starts the wait (veto window or timelock) after which it can be executed.",
  },
  execute: {
    verb: "Execute",
    text: "Execute",
    hint: "Execute: the treasury (the timelock) makes the proposal's calls now.",
  },
  cancel: { verb: "Cancel", text: "Cancel", hint: "Cancel: withdraws the proposal; it will never run." },
};

/**
 * The Act card: what the viewer can do now (only the actions open to them), their own ballots in words,
 * and one line on what comes next. With nothing to do, the stage's own action is shown disabled with the
 * reason. A veto asks for confirmation first: one member's veto can cancel a payment.
 */
function ProposalActions({ proposal, now }: { proposal: Proposal; now: bigint }) {
  const viewer = useViewer();
  const write = useWrite();
  const ballots = useOwnBallots(proposal.id, viewer.account).data?.items ?? [];
  const [support, setSupport] = useState<VoteSupport | null>(null);
  const [reason, setReason] = useState("");
  const [confirmingVeto, setConfirmingVeto] = useState(false);
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
  const chosen: Permission = support
    ? { ok: true }
    : { ok: false, reason: "Choose For, Against or Abstain." };
  const both = (first: Permission, second: Permission): Permission => (first.ok ? second : first);
  const afterVote = () => {
    setReason("");
    setSupport(null);
  };
  const vote = () => {
    if (!support) return;
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
        onConfirmed: afterVote,
      },
    );
  };
  const override = () => {
    if (!support) return;
    void write.run(
      `Override your delegate's vote: ${support}`,
      ({ concord, options }) =>
        governanceActions(concord).castOverrideVote({
          proposalId: id,
          support,
          reason: reason.trim(),
          ...options,
        }),
      { onConfirmed: afterVote },
    );
  };
  const veto = () => {
    setConfirmingVeto(false);
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
        onConfirmed: () => setReason(""),
      },
    );
  };
  const stepActions = {
    carry: "carryProposal",
    queue: "queueProposal",
    execute: "executeProposal",
    cancel: "cancelProposal",
  } as const;
  const step = (action: Step) => () =>
    void write.run(`${STEP_LABELS[action].verb} “${short}”`, ({ concord, options }) =>
      governanceActions(concord)[stepActions[action]]({ proposalId: id, ...options }),
    );
  const stepButton = (action: Step) => (
    <ActionButton
      key={action}
      permission={permission(actions[action])}
      busy={write.busy}
      onClick={step(action)}
      name={action}
      variant={action === "cancel" ? "danger" : undefined}
    >
      {STEP_LABELS[action].text}
    </ActionButton>
  );

  const canVote = permission(actions.vote).ok;
  const canOverride = proposal.kind === "constitutional" && permission(actions.override).ok;
  const canVeto = proposal.kind === "operational" && permission(actions.veto).ok;
  const steps = (["carry", "queue", "execute", "cancel"] as const).filter(
    (action) => permission(actions[action]).ok,
  );
  const own = ownBallotSentences(ballots, viewer.account);
  const main = mainAction(proposal.stage);
  const nothing = !canVote && !canOverride && !canVeto && steps.length === 0;
  // Having voted (or vetoed) is said in words above; the stage's action is not repeated, disabled, below it.
  const showMain = nothing && main !== null && !(own.length > 0 && (main === "vote" || main === "veto"));
  const view = proposal.accountView;
  const vetoPower = view?.vetoPower ?? 0n;

  const reasonField = (
    <label className="block">
      Reason (optional, kept on-chain with your {canVeto ? "veto" : "vote"} and shown under Ballots)
      <textarea
        rows={2}
        value={reason}
        maxLength={1000}
        onChange={(event) => setReason(event.target.value)}
        data-testid="vote-reason"
      />
    </label>
  );

  return (
    <section className="card proposal-actions" aria-labelledby="act-title" data-testid="proposal-actions">
      <h2 id="act-title">Act</h2>
      {own.length > 0 && (
        <p data-testid="your-vote">
          <strong>{own.join(" ")}</strong>
        </p>
      )}
      {(canVote || canOverride) && (
        <fieldset className="vote-form">
          <legend>
            Your vote{votingHouse && ` in the ${votingHouse} house`}
            {view &&
              (votingHouse === "operational"
                ? view.operationalSeats !== null && ` (${plural(view.operationalSeats, "seat")})`
                : view.communityVotes !== null && ` (${plural(view.communityVotes, "vote")})`)}
          </legend>
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
          {reasonField}
          <div className="button-row">
            {canVote && (
              <ActionButton
                permission={both(permission(actions.vote), chosen)}
                busy={write.busy}
                onClick={vote}
                name="vote"
              >
                Vote
              </ActionButton>
            )}
            {canOverride && (
              <ActionButton
                permission={both(permission(actions.override), chosen)}
                busy={write.busy}
                onClick={override}
                name="override"
                variant="secondary"
              >
                Override my delegate
              </ActionButton>
            )}
          </div>
          {canVote && (
            <SignInstead
              ballot={support ? { type: "vote", proposalId: id, support, reason, override: false } : null}
              permission={permission(actions.vote)}
            />
          )}
        </fieldset>
      )}
      {canVeto && proposal.veto && (
        <fieldset className="vote-form" data-testid="veto-form">
          <legend>Your veto ({plural(vetoPower, "vote")})</legend>
          {reasonField}
          {confirmingVeto ? (
            <div
              className="banner warning"
              role="alertdialog"
              aria-labelledby="veto-confirm"
              data-testid="veto-confirm"
            >
              <p id="veto-confirm">{vetoConsequence(proposal.veto, vetoPower)}</p>
              <div className="button-row">
                <button type="button" className="danger" onClick={veto} data-action="confirm-veto">
                  Yes, veto it
                </button>
                <button
                  type="button"
                  className="secondary"
                  onClick={() => setConfirmingVeto(false)}
                  data-action="keep"
                >
                  No, keep it
                </button>
              </div>
            </div>
          ) : (
            <div className="button-row">
              <ActionButton
                permission={permission(actions.veto)}
                busy={write.busy}
                onClick={() => setConfirmingVeto(true)}
                name="veto"
                variant="danger"
              >
                Veto…
              </ActionButton>
            </div>
          )}
          {!confirmingVeto && (
            <SignInstead
              ballot={{ type: "veto", proposalId: id, reason }}
              permission={permission(actions.veto)}
            />
          )}
        </fieldset>
      )}
      {steps.length > 0 && (
        <>
          <div className="button-row">{steps.map(stepButton)}</div>
          {steps.map((action) => (
            <p key={action} className="hint muted" data-testid={`step-hint-${action}`}>
              {STEP_LABELS[action].hint}
            </p>
          ))}
        </>
      )}
      {showMain &&
        main !== null &&
        (main === "vote" || main === "veto" ? (
          <div className="button-row">
            <ActionButton permission={permission(actions[main])} busy={write.busy} name={main}>
              {main === "vote" ? "Vote" : "Veto…"}
            </ActionButton>
          </div>
        ) : (
          <div className="button-row">{stepButton(main)}</div>
        ))}
      <p className="muted" data-testid="next-step">
        {nextStepSentence(proposal, now, formatLocalDateTime, formatDuration)}
      </p>
      <WriteStatus progress={write.progress} onDismiss={write.reset} />
    </section>
  );
}

/**
 * The ballots on the proposal: choice, weight, reason, override, veto; oldest first, one page of
 * {@link BALLOTS_PER_PAGE} at a time (Previous / Next): the first page came with the proposal, each next one is
 * read when first shown.
 */
function BallotsCard({ proposalId, first }: { proposalId: bigint; first: Page<Ballot> }) {
  const query = useBallotPages(proposalId, first);
  const [page, setPage] = useState(0);
  const pages = query.data?.pages ?? [];
  const shown = pages[Math.min(page, Math.max(pages.length - 1, 0))]?.items ?? [];
  const last = Math.min(page, Math.max(pages.length - 1, 0));
  const next = () => {
    if (last + 1 < pages.length) setPage(last + 1);
    else void query.fetchNextPage().then((result) => !result.isError && setPage(last + 1));
  };
  return (
    <section className="card" aria-labelledby="ballots-title" data-testid="ballots">
      <h2 id="ballots-title">Ballots</h2>
      {query.error ? (
        <p className="error" role="alert">
          {explainError(query.error).message}
        </p>
      ) : !query.data ? (
        <p className="muted">Loading the ballots…</p>
      ) : shown.length === 0 ? (
        <p className="muted">No vote or veto yet.</p>
      ) : (
        <>
          <ol className="plain ballots" start={last * BALLOTS_PER_PAGE + 1}>
            {shown.map((ballot) => (
              <li
                key={`${ballot.transactionHash}-${ballot.voter}-${ballot.type}`}
                data-voter={ballot.voter}
                data-type={ballot.type}
              >
                <Account address={ballot.voter} />{" "}
                <span
                  className={`tag ${ballot.type === "veto" ? "warn" : ballot.support === "for" ? "ok" : ""}`}
                >
                  {ballot.type === "veto"
                    ? "Veto"
                    : `${ballot.type === "override" ? "Override: " : ""}${SUPPORT_LABEL[ballot.support ?? "abstain"]}`}
                </span>{" "}
                <span>
                  {plural(ballot.castWeight, ballot.house === "operational" ? "seat" : "vote")}
                  {ballot.weight !== ballot.castWeight &&
                    ` (${ballot.weight} still count: their delegators overrode the rest)`}
                </span>{" "}
                <span className="muted">
                  {ballot.type === "veto"
                    ? "· community veto"
                    : ballot.type === "override"
                      ? "· overrode their delegate's vote"
                      : `· ${ballot.house} house${ballot.house === "community" && ballot.castWeight > 1n ? ", as a delegate" : ""}`}
                </span>
                {ballot.reason && (
                  <>
                    {" "}
                    <q className="ballot-reason">{ballot.reason}</q>
                  </>
                )}
              </li>
            ))}
          </ol>
          {(last > 0 || query.hasNextPage) && (
            <nav className="button-row" aria-label="Ballot pages">
              <button
                type="button"
                className="secondary"
                disabled={last === 0}
                onClick={() => setPage(last - 1)}
              >
                Previous
              </button>
              <span className="muted">Page {last + 1}</span>
              <button
                type="button"
                className="secondary"
                disabled={!(last + 1 < pages.length || query.hasNextPage) || query.isFetchingNextPage}
                onClick={next}
              >
                {query.isFetchingNextPage ? "Loading…" : "Next"}
              </button>
            </nav>
          )}
        </>
      )}
    </section>
  );
}

const SUPPORT_LABEL = { for: "For", against: "Against", abstain: "Abstain" } as const;

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
