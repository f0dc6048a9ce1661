/**
 * The nucleus: its link and hash, checking a document against the hash, and (stewards) publishing a
 * new one with the hash computed in the browser.
 */
import { useState } from "react";

import { nucleusHash, visibleText } from "../../../../sdk/index.ts";
import type { Cell } from "../../../../sdk/index.ts";
import { ActionButton } from "../../components/ActionButton.tsx";
import { emptyNucleus, NucleusInput } from "../../components/NucleusInput.tsx";
import { WriteStatus } from "../../components/WriteStatus.tsx";
import { useViewer, useWrite } from "../../concord.tsx";
import { documentWarning, safeHref } from "../../lib/format.ts";
import { can } from "../../lib/permissions.ts";
import type { CellStanding } from "../../lib/permissions.ts";

function CheckDocument({ expected }: { expected: string }) {
  const [text, setText] = useState("");
  const actual = text ? nucleusHash(text) : null;
  return (
    <details className="check-document">
      <summary>Check a copy of the document against this hash</summary>
      <label htmlFor="check-text">Paste the document</label>
      <textarea id="check-text" rows={3} value={text} onChange={(event) => setText(event.target.value)} />
      {actual && (
        <p aria-live="polite" className={actual === expected ? "ok" : "error"}>
          {actual === expected
            ? "It matches: this is the published nucleus."
            : "It does not match: this text is not the published nucleus."}
        </p>
      )}
    </details>
  );
}

export function NucleusPanel({ cell, standing }: { cell: Cell; standing: CellStanding }) {
  const viewer = useViewer();
  const write = useWrite();
  const [open, setOpen] = useState(false);
  const [nucleus, setNucleus] = useState(emptyNucleus);
  const href = cell.nucleusURI ? safeHref(cell.nucleusURI) : null;
  const permission = can("updateNucleus", viewer, standing);
  return (
    <section className="card" aria-labelledby="nucleus-title" data-testid="nucleus">
      <h2 id="nucleus-title">Purpose (nucleus)</h2>
      <p className="muted">The cell's founding document: what it is for and how it works.</p>
      {cell.nucleusHash && documentWarning(cell.nucleusURI) && (
        <p className="warning" role="note" data-testid="nucleus-warning">
          {documentWarning(cell.nucleusURI)}
        </p>
      )}
      <dl className="facts compact">
        <div>
          <dt>Document</dt>
          <dd className="break">
            {cell.nucleusURI ? (
              href ? (
                <a href={href} target="_blank" rel="noreferrer noopener">
                  {visibleText(cell.nucleusURI)}
                </a>
              ) : (
                <code>{visibleText(cell.nucleusURI)}</code>
              )
            ) : (
              <span className="muted">no link published</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Hash</dt>
          <dd className="break">
            {cell.nucleusHash ? <code>{cell.nucleusHash}</code> : <span className="muted">none</span>}
          </dd>
        </div>
      </dl>
      {cell.nucleusHash && <CheckDocument expected={cell.nucleusHash} />}
      {open ? (
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            void write.run(
              "Publish the nucleus",
              ({ concord, options }) =>
                concord.cells.updateNucleus({
                  cellId: cell.id,
                  nucleusURI: nucleus.uri.trim(),
                  nucleusHash: nucleus.hash ?? undefined,
                  ...options,
                }),
              {
                onConfirmed: () => {
                  setOpen(false);
                  setNucleus(emptyNucleus);
                },
              },
            );
          }}
        >
          <NucleusInput value={nucleus} onChange={setNucleus} />
          <div className="button-row">
            <ActionButton type="submit" permission={permission} busy={write.busy} name="publish-nucleus">
              Publish
            </ActionButton>
            <button type="button" className="secondary" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <ActionButton
          permission={permission}
          variant="secondary"
          name="open-nucleus"
          onClick={() => setOpen(true)}
        >
          Publish a new nucleus
        </ActionButton>
      )}
      <WriteStatus progress={write.progress} onDismiss={write.reset} />
    </section>
  );
}
