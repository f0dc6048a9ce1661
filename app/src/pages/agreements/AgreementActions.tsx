/**
 * What the viewer can do to an agreement, acting as an account party or as a steward of a cell party:
 * acknowledge by transaction, sign an acknowledgement (EIP-712) for someone else to submit, decline,
 * withdraw (the proposer), terminate and amend (an active agreement). Disabled actions say why.
 */
import { useEffect, useId, useState } from "react";

import type { Agreement, SignedAcknowledgement } from "../../../../sdk/index.ts";
import { ActionButton } from "../../components/ActionButton.tsx";
import { chainTimeNow } from "../../components/Countdown.tsx";
import { DocumentInput, emptyDocument } from "../../components/DocumentInput.tsx";
import { Party } from "../../components/Party.tsx";
import { WriteStatus } from "../../components/WriteStatus.tsx";
import { useViewer, useWrite } from "../../concord.tsx";
import { useStewards } from "../../data/queries.ts";
import {
  actingParties,
  agreementLike,
  canOnAgreement,
  encodeSigned,
  partyKey,
} from "../../lib/agreements.ts";
import type { PartyRef } from "../../lib/agreements.ts";
import { localInputToSeconds } from "../../lib/format.ts";
import { canWrite } from "../../lib/permissions.ts";
import type { Permission } from "../../lib/permissions.ts";
import { agreementHref } from "../../lib/route.ts";
import { useSignAcknowledgement } from "./signatures.ts";
import { LinkProblem, TitleField, termsProblem } from "./TermsText.tsx";
import {
  acknowledgeAgreement,
  acknowledgeAgreementForCell,
  amendAgreement,
  amendAgreementForCell,
  declineAgreement,
  declineAgreementForCell,
  terminateAgreement,
  terminateAgreementForCell,
  withdrawAgreement,
} from "../../../../sdk/index.ts";

const DEADLINES = [
  { label: "1 hour", seconds: 3_600 },
  { label: "1 day", seconds: 86_400 },
  { label: "7 days", seconds: 7 * 86_400 },
  { label: "30 days", seconds: 30 * 86_400 },
];

function partyLabel(party: PartyRef | null) {
  if (!party) return "";
  return party.kind === "account" ? "yourself" : `cell ${party.cellId}`;
}

export function AgreementActions({
  agreement,
  onSigned,
}: {
  agreement: Agreement;
  onSigned: (signed: SignedAcknowledgement) => void;
}) {
  const viewer = useViewer();
  const stewards = useStewards();
  const write = useWrite();
  const signing = useSignAcknowledgement();
  const id = useId();
  const like = agreementLike(agreement);
  const acting = actingParties(like, viewer.account, stewards);
  const [chosen, setChosen] = useState<string | null>(null);
  const party = acting.find((p) => partyKey(p) === chosen) ?? acting[0] ?? null;
  const [deadline, setDeadline] = useState(DEADLINES[2]!.seconds);
  const [lastSigned, setLastSigned] = useState<SignedAcknowledgement | null>(null);
  // Another account now acts: the last signature shown was not theirs.
  useEffect(() => setLastSigned(null), [viewer.account]);
  const [amending, setAmending] = useState(false);
  const [title, setTitle] = useState(agreement.title);
  // Another agreement on the same page: its amendment starts from its own title.
  useEffect(() => setTitle(agreement.title), [agreement.id, agreement.title]);
  const [terms, setTerms] = useState(emptyDocument);
  const [expiry, setExpiry] = useState("");

  const agreementId = agreement.id;
  const cellId = party?.kind === "cell" ? party.cellId : null;
  const forWhom = cellId === null ? "" : ` for cell ${cellId}`;

  const acknowledge = () =>
    void write.run(
      `Acknowledge agreement ${agreementId}${forWhom}`,
      ({ concord, options }) =>
        cellId === null
          ? acknowledgeAgreement(concord, {
              agreementId,
              termsHash: agreement.termsHash,
              ...options,
            })
          : acknowledgeAgreementForCell(concord, {
              agreementId,
              cellId,
              termsHash: agreement.termsHash,
              ...options,
            }),
      { summary: (r) => (r.activated.length > 0 ? `Agreement ${agreementId} is now active.` : null) },
    );
  const decline = () =>
    void write.run(`Decline agreement ${agreementId}${forWhom}`, ({ concord, options }) =>
      cellId === null
        ? declineAgreement(concord, { agreementId, ...options })
        : declineAgreementForCell(concord, { agreementId, cellId, ...options }),
    );
  const withdraw = () =>
    void write.run(`Withdraw agreement ${agreementId}`, ({ concord, options }) =>
      withdrawAgreement(concord, { agreementId, ...options }),
    );
  const terminate = () =>
    void write.run(`Terminate agreement ${agreementId}${forWhom}`, ({ concord, options }) =>
      cellId === null
        ? terminateAgreement(concord, { agreementId, ...options })
        : terminateAgreementForCell(concord, { agreementId, cellId, ...options }),
    );
  const amend = () =>
    void write.run(
      `Amend agreement ${agreementId}${forWhom}`,
      ({ concord, options }) => {
        const base = {
          agreementId,
          title,
          termsHash: terms.hash ?? undefined,
          termsURI: terms.uri.trim(),
          expiresAt: localInputToSeconds(expiry),
          ...options,
        };
        return cellId === null
          ? amendAgreement(concord, base)
          : amendAgreementForCell(concord, { ...base, cellId });
      },
      {
        summary: (r) => `Amendment ${r.amendmentId} proposed: every party acknowledges it to make it active.`,
        onConfirmed: (r) => {
          window.location.hash = agreementHref(r.amendmentId);
        },
      },
    );
  const sign = async () => {
    const signed = await signing.sign({
      agreementId,
      cellId,
      // On the chain's clock, which the dev chain moves ahead of the wall clock (the demo seed waits the
      // 7-day seat delay): a wall-clock deadline would already have passed there.
      deadline: chainTimeNow() + BigInt(deadline),
    });
    if (signed) {
      setLastSigned(signed);
      onSigned(signed);
    }
  };

  const busy = write.busy || signing.busy;
  const proposed = agreement.statusName === "proposed";
  const active = agreement.statusName === "active";
  const may = (action: Parameters<typeof canOnAgreement>[0]) => canOnAgreement(action, viewer, like, party);
  // One reason shared by every action (not connected, wrong network, or acting for no party) is said
  // once above the buttons, which point to it, instead of under each of them.
  const canAct = canWrite(viewer);
  const shared: Permission | null = !canAct.ok
    ? canAct
    : party === null && (proposed || active)
      ? may("acknowledge")
      : null;
  const sharedId = `${id}-shared-reason`;
  const reasonOf = (permission: Permission) =>
    shared && !shared.ok && !permission.ok && permission.reason === shared.reason ? sharedId : undefined;
  /** An action's button props: whether the viewer may take it, and the shared reason it points to. */
  const gate = (action: Parameters<typeof canOnAgreement>[0]) => {
    const permission = may(action);
    return { permission, reasonId: reasonOf(permission) };
  };
  /** The amendment's submit: the amend rule, then what the terms form still needs. */
  const amendGate = (() => {
    const allowed = gate("amend");
    if (!allowed.permission.ok) return allowed;
    const problem = termsProblem({ title, uri: terms.uri, hash: terms.hash });
    return problem
      ? { permission: { ok: false, reason: problem } as Permission, reasonId: undefined }
      : allowed;
  })();

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="agreement-actions">
      <h2 id={`${id}-title`}>Act on this agreement</h2>
      {shared && !shared.ok && (proposed || active) && (
        <p className="why" id={sharedId} data-testid="shared-reason">
          {shared.reason}
        </p>
      )}
      {acting.length > 1 && (
        <p className="inline-form">
          <label htmlFor={`${id}-party`}>Act for</label>
          <select
            id={`${id}-party`}
            value={party ? partyKey(party) : ""}
            onChange={(event) => setChosen(event.target.value)}
          >
            {acting.map((p) => (
              <option key={partyKey(p)} value={partyKey(p)}>
                {p.kind === "account" ? "yourself (account party)" : `cell ${p.cellId} (as its steward)`}
              </option>
            ))}
          </select>
        </p>
      )}
      {acting.length === 1 && party && (
        <p>
          You act for{" "}
          {party.kind === "account" ? (
            "yourself, an account party"
          ) : (
            <>
              <Party party={party} />, as its steward
            </>
          )}
          .
        </p>
      )}
      {proposed && (
        <>
          <div className="button-row">
            <ActionButton {...gate("acknowledge")} busy={busy} onClick={acknowledge} name="acknowledge">
              Acknowledge{party?.kind === "cell" ? ` for ${partyLabel(party)}` : ""}
            </ActionButton>
            <ActionButton
              {...gate("decline")}
              busy={busy}
              onClick={decline}
              variant="secondary"
              name="decline"
            >
              Decline
            </ActionButton>
            <ActionButton
              {...gate("withdraw")}
              busy={busy}
              onClick={withdraw}
              variant="secondary"
              name="withdraw"
            >
              Withdraw
            </ActionButton>
          </div>
          <h3>Acknowledge by signature</h3>
          <p className="muted">
            Sign with your wallet (no transaction, no fee); give the signature to whoever collects them, who
            submits every party's signature in one transaction.
          </p>
          <div className="inline-form">
            <label htmlFor={`${id}-deadline`}>Valid for</label>
            <select
              id={`${id}-deadline`}
              value={deadline}
              onChange={(event) => setDeadline(Number(event.target.value))}
            >
              {DEADLINES.map((d) => (
                <option key={d.seconds} value={d.seconds}>
                  {d.label}
                </option>
              ))}
            </select>
            <ActionButton {...gate("sign")} busy={busy} onClick={() => void sign()} name="sign">
              Sign{party?.kind === "cell" ? ` for ${partyLabel(party)}` : ""}
            </ActionButton>
          </div>
          <WriteStatus progress={signing.progress} onDismiss={signing.reset} />
          {lastSigned && (
            <div className="signed">
              <label htmlFor={`${id}-signed`}>
                Your signature (kept in this browser; copy it to the collector)
              </label>
              <textarea
                id={`${id}-signed`}
                readOnly
                rows={4}
                value={encodeSigned(lastSigned)}
                data-testid="my-signature"
              />
              <button
                type="button"
                className="secondary"
                onClick={() =>
                  void navigator.clipboard?.writeText(encodeSigned(lastSigned)).catch(() => undefined)
                }
              >
                Copy
              </button>
            </div>
          )}
        </>
      )}
      {active && (
        <>
          <div className="button-row">
            <ActionButton
              {...gate("terminate")}
              busy={busy}
              onClick={terminate}
              variant="danger"
              name="terminate"
            >
              Terminate
            </ActionButton>
          </div>
          <h3>Amend</h3>
          {!amending ? (
            <ActionButton
              {...gate("amend")}
              onClick={() => setAmending(true)}
              variant="secondary"
              name="amend"
            >
              Propose new terms
            </ActionButton>
          ) : (
            <form
              className="form"
              onSubmit={(event) => {
                event.preventDefault();
                amend();
              }}
            >
              <p className="muted">
                The amendment is a new agreement with the same parties; when every party acknowledges it, it
                replaces this one (which stays active until then).
              </p>
              <TitleField value={title} onChange={setTitle} />
              <DocumentInput
                value={terms}
                onChange={setTerms}
                legend="New terms"
                name="terms"
                noHash="Give the new terms to compute their hash."
              />
              <LinkProblem uri={terms.uri} />
              <label htmlFor={`${id}-expiry`}>Expires (optional)</label>
              <input
                id={`${id}-expiry`}
                type="datetime-local"
                value={expiry}
                onChange={(event) => setExpiry(event.target.value)}
              />
              <div className="button-row">
                <ActionButton type="submit" {...amendGate} busy={busy} name="propose-amendment">
                  Propose the amendment
                </ActionButton>
                <button type="button" className="secondary" onClick={() => setAmending(false)}>
                  Cancel
                </button>
              </div>
            </form>
          )}
        </>
      )}
      {!proposed && !active && (
        <p className="muted" data-testid="no-action">
          Agreement {String(agreementId)} is {agreement.statusName}: nothing more can be done to it.
        </p>
      )}
      <WriteStatus progress={write.progress} onDismiss={write.reset} />
    </section>
  );
}
