/**
 * Propose an agreement: account and cell parties (2 to 16), a title, the terms document (its hash
 * computed in the browser from pasted text or a file, and a link that opens: https:// or ipfs://) and an
 * optional expiry. Anyone may propose;
 * proposing acknowledges for nobody, the proposer included.
 */
import { useState } from "react";
import type { Address } from "viem";

import { agreementLimits } from "../../../../sdk/index.ts";
import { ActionButton } from "../../components/ActionButton.tsx";
import { DocumentInput, emptyDocument } from "../../components/DocumentInput.tsx";
import { Name } from "../../components/Name.tsx";
import { WriteStatus } from "../../components/WriteStatus.tsx";
import { useDirectory, useViewer, useWrite } from "../../concord.tsx";
import { localInputToSeconds } from "../../lib/format.ts";
import { canWrite } from "../../lib/permissions.ts";
import type { Permission } from "../../lib/permissions.ts";
import { agreementHref } from "../../lib/route.ts";
import { LinkProblem, TitleField, termsProblem } from "./TermsText.tsx";
import { proposeAgreement } from "../../../../sdk/index.ts";

export function NewAgreementPage({ cells: initialCells }: { cells: bigint[] }) {
  const viewer = useViewer();
  const { data: directory } = useDirectory();
  const write = useWrite();
  const [accountsText, setAccountsText] = useState("");
  const [cells, setCells] = useState<bigint[]>(initialCells);
  const [title, setTitle] = useState("");
  const [terms, setTerms] = useState(emptyDocument);
  const [expiry, setExpiry] = useState("");

  const accounts = accountsText
    .split(/[\s,]+/)
    .map((line) => line.trim())
    .filter(Boolean) as Address[];
  const count = accounts.length + cells.length;
  let permission: Permission = canWrite(viewer);
  if (permission.ok && count < agreementLimits.MIN_PARTIES) {
    permission = {
      ok: false,
      reason: `Name at least ${agreementLimits.MIN_PARTIES} parties (accounts and cells).`,
    };
  } else if (permission.ok) {
    const problem = termsProblem({ title, uri: terms.uri, hash: terms.hash });
    if (problem) permission = { ok: false, reason: problem };
  }

  const toggle = (id: bigint, on: boolean) =>
    setCells((current) => (on ? [...current.filter((c) => c !== id), id] : current.filter((c) => c !== id)));

  const submit = () =>
    void write.run(
      "Propose the agreement",
      ({ concord, options }) =>
        proposeAgreement(concord, {
          accounts,
          cells,
          title,
          termsHash: terms.hash ?? undefined,
          termsURI: terms.uri.trim(),
          expiresAt: localInputToSeconds(expiry),
          ...options,
        }),
      {
        summary: (result) => `Agreement ${result.agreementId} proposed.`,
        onConfirmed: (result) => {
          window.location.hash = agreementHref(result.agreementId);
        },
      },
    );

  return (
    <section data-testid="new-agreement">
      <nav aria-label="Breadcrumb" className="breadcrumbs">
        <a href="#/agreements">Agreements</a>
      </nav>
      <h1>Propose an agreement</h1>
      <form
        className="form card"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <fieldset>
          <legend>Cell parties</legend>
          <p className="muted">Any steward of a cell (or of a cell above it) acknowledges for it.</p>
          <div className="cell-choices">
            {directory?.cells.map((cell) => (
              <label key={String(cell.id)} className="check">
                <input
                  type="checkbox"
                  name="cells"
                  value={String(cell.id)}
                  checked={cells.includes(cell.id)}
                  onChange={(event) => toggle(cell.id, event.target.checked)}
                />{" "}
                <Name text={cell.name} /> <span className="cell-id">#{String(cell.id)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <label htmlFor="agreement-accounts">Account parties (addresses, one per line)</label>
        <textarea
          id="agreement-accounts"
          name="accounts"
          rows={2}
          value={accountsText}
          onChange={(event) => setAccountsText(event.target.value)}
          placeholder="0x…"
          spellCheck={false}
        />
        <p className="muted">
          {count} {count === 1 ? "party" : "parties"} ({agreementLimits.MIN_PARTIES} to{" "}
          {agreementLimits.MAX_PARTIES}). Proposing acknowledges for nobody: every party acknowledges
          explicitly, you included.
        </p>
        <TitleField value={title} onChange={setTitle} />
        <DocumentInput
          value={terms}
          onChange={setTerms}
          legend="Terms"
          name="terms"
          noHash="Give the terms document to compute the hash the parties acknowledge."
        />
        <LinkProblem uri={terms.uri} />
        <label htmlFor="agreement-expiry">Expires (optional, your time zone)</label>
        <input
          id="agreement-expiry"
          type="datetime-local"
          value={expiry}
          onChange={(event) => setExpiry(event.target.value)}
        />
        <ActionButton type="submit" permission={permission} busy={write.busy} name="propose">
          Propose
        </ActionButton>
        <WriteStatus progress={write.progress} onDismiss={write.reset} />
      </form>
    </section>
  );
}
