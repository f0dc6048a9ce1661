/**
 * Collecting signed acknowledgements (pasted, or signed in this browser) and submitting them together
 * in one transaction (`submitSignatures`); anyone may submit them, the signatures speak for the parties.
 */
import { useId, useState } from "react";

import type { Agreement, SignedAcknowledgement } from "../../../../sdk/index.ts";
import { Account } from "../../components/Account.tsx";
import { ActionButton } from "../../components/ActionButton.tsx";
import { Party } from "../../components/Party.tsx";
import { WriteStatus } from "../../components/WriteStatus.tsx";
import { useViewer, useWrite } from "../../concord.tsx";
import { agreementLike, decodeSigned, signedParty, submittable } from "../../lib/agreements.ts";
import { canWrite } from "../../lib/permissions.ts";
import type { Permission } from "../../lib/permissions.ts";
import { Time } from "../../components/Time.tsx";
import { submitAgreementSignatures } from "../../../../sdk/index.ts";

export type KeptSignatures = {
  kept: SignedAcknowledgement[];
  add(more: SignedAcknowledgement[]): void;
  remove(signed: SignedAcknowledgement): void;
};

export function SignaturesPanel({
  agreement,
  signatures,
}: {
  agreement: Agreement;
  signatures: KeptSignatures;
}) {
  const viewer = useViewer();
  const write = useWrite();
  const id = useId();
  const [text, setText] = useState("");
  const [pasteError, setPasteError] = useState<string | null>(null);
  const like = agreementLike(agreement);
  const now = BigInt(Math.floor(Date.now() / 1000));
  const mine = signatures.kept.filter((signed) => signed.agreementId === agreement.id);
  const ready = submittable(mine, like, agreement.termsHash, now);

  const add = () => {
    try {
      const decoded = decodeSigned(text);
      const other = decoded.find((signed) => signed.agreementId !== agreement.id);
      if (other)
        throw new Error(`This signature is for agreement ${other.agreementId}, not ${agreement.id}.`);
      signatures.add(decoded);
      setText("");
      setPasteError(null);
    } catch (error) {
      setPasteError((error as Error).message);
    }
  };

  const submit = () =>
    void write.run(
      `Submit ${ready.length} signature${ready.length === 1 ? "" : "s"} for agreement ${agreement.id}`,
      ({ concord, options }) => submitAgreementSignatures(concord, { signatures: ready, ...options }),
      {
        // Entries refused on-chain (front-run, revoked, expired) are skipped, not fatal: say which and why.
        summary: (r) =>
          [
            r.activated.includes(agreement.id)
              ? `Agreement ${agreement.id} is now active.`
              : `${r.acknowledgements.length} acknowledged.`,
            ...r.skipped.map((entry) => `Signature ${entry.index + 1} skipped: ${entry.error.shortMessage}`),
          ].join(" "),
        onConfirmed: () => ready.forEach((signed) => signatures.remove(signed)),
      },
    );

  let permission: Permission = canWrite(viewer);
  if (permission.ok && ready.length === 0) {
    permission = { ok: false, reason: "Add a signature from a party that has not acknowledged yet." };
  }

  if (agreement.statusName !== "proposed") {
    // Nothing to collect any more: the panel stays only to report the submission that ended it.
    if (write.progress.stage === "idle") return null;
    return (
      <section className="card" aria-labelledby={`${id}-title`} data-testid="signatures">
        <h2 id={`${id}-title`}>Collected signatures</h2>
        <p className="muted">
          Agreement {String(agreement.id)} is {agreement.statusName}: it takes no more acknowledgements.
        </p>
        <WriteStatus progress={write.progress} onDismiss={write.reset} />
      </section>
    );
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="signatures">
      <h2 id={`${id}-title`}>Collected signatures</h2>
      {mine.length === 0 ? (
        <p className="muted">No signature collected in this browser for this agreement.</p>
      ) : (
        <ul className="plain rows">
          {mine.map((signed) => {
            const usable = ready.includes(signed);
            return (
              <li key={`${signed.signer}:${signed.cellId}`}>
                <Party party={signedParty(signed)} />
                {signed.cellId !== 0n && (
                  <>
                    {" "}
                    signed by <Account address={signed.signer} />
                  </>
                )}{" "}
                <span className="muted">
                  valid until <Time at={signed.deadline} />
                </span>{" "}
                {usable ? (
                  <span className="tag">ready</span>
                ) : (
                  <span className="tag">not usable (acknowledged, expired or other terms)</span>
                )}{" "}
                <button type="button" className="link-button" onClick={() => signatures.remove(signed)}>
                  Remove
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <label htmlFor={`${id}-paste`}>Paste a signature a party sent you</label>
      <textarea
        id={`${id}-paste`}
        rows={3}
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder='{"agreementId":"…","cellId":"…","signer":"0x…","signature":"0x…",…}'
      />
      {pasteError && (
        <p className="error" role="alert">
          {pasteError}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="secondary" onClick={add}>
          Add the signature
        </button>
        <ActionButton permission={permission} busy={write.busy} onClick={submit} name="submit-signatures">
          Submit {ready.length} signature{ready.length === 1 ? "" : "s"} in one transaction
        </ActionButton>
      </div>
      <WriteStatus progress={write.progress} onDismiss={write.reset} />
    </section>
  );
}
