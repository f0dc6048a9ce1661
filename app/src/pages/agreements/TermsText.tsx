/**
 * The text fields of a terms form (propose, amend): the title, and what is wrong with the document link
 * as it is typed, in the SDK's sentences (the SDK refuses to send either otherwise).
 */
import { useId } from "react";
import type { Hex } from "viem";

import { agreementLimits, agreementTitleProblem, documentURIProblem } from "../../../../sdk/index.ts";

/**
 * What a terms form (propose, amend) still needs, in the SDK's own sentences, or null when it can be sent:
 * a title, a document link a browser opens (https://, or ipfs:// through the gateway) and the document.
 *
 * @example
 * termsProblem({ title: "RPC nodes", uri: "http://x", hash: null });
 * // "The document link must start with https:// or ipfs:// …"
 */
export function termsProblem(form: { title: string; uri: string; hash: Hex | null }): string | null {
  return (
    agreementTitleProblem(form.title) ??
    documentURIProblem(form.uri.trim()) ??
    (form.hash === null ? "Give the terms document: its hash is what the parties acknowledge." : null)
  );
}

/** The agreement's title: one line, required, said wrong as it is typed. */
export function TitleField({ value, onChange }: { value: string; onChange: (next: string) => void }) {
  const id = useId();
  const problem = value ? agreementTitleProblem(value) : null;
  return (
    <>
      <label htmlFor={id}>Title</label>
      <input
        id={id}
        name="title"
        type="text"
        required
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={problem !== null}
        aria-describedby={`${id}-note`}
      />
      <p id={`${id}-note`} className={problem ? "error" : "muted"}>
        {problem ??
          `One line that names the agreement in every list (at most ${agreementLimits.MAX_TITLE_LENGTH} bytes).`}
      </p>
    </>
  );
}

/** Why the typed document link would not open for every party, or nothing while it is empty or fine. */
export function LinkProblem({ uri }: { uri: string }) {
  const problem = uri.trim() ? documentURIProblem(uri.trim()) : null;
  return problem ? (
    <p className="error" data-testid="link-problem">
      {problem}
    </p>
  ) : null;
}
