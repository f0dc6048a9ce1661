/**
 * A nucleus document: its URI, and its keccak256 computed in the browser from pasted text or a file
 * (the SDK's `nucleusHash`), so the hash published on-chain is the document's.
 */
import { useId, useState } from "react";
import type { Hex } from "viem";

import { nucleusHash } from "../../../sdk/index.ts";

export type NucleusValue = { uri: string; hash: Hex | null; source: string | null };

export const emptyNucleus: NucleusValue = { uri: "", hash: null, source: null };

export function NucleusInput({
  value,
  onChange,
}: {
  value: NucleusValue;
  onChange: (next: NucleusValue) => void;
}) {
  const id = useId();
  const [text, setText] = useState("");
  const [fileError, setFileError] = useState<string | null>(null);
  return (
    <fieldset className="nucleus-input">
      <legend>Nucleus (purpose, practices, progress)</legend>
      <label htmlFor={`${id}-uri`}>Where the document lives (URI)</label>
      <input
        id={`${id}-uri`}
        name="nucleusURI"
        type="text"
        inputMode="url"
        placeholder="ipfs://… or https://…"
        value={value.uri}
        onChange={(event) => onChange({ ...value, uri: event.target.value })}
      />
      <label htmlFor={`${id}-text`}>Paste the document to compute its hash…</label>
      <textarea
        id={`${id}-text`}
        name="nucleusText"
        rows={4}
        value={text}
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          setFileError(null);
          onChange({ ...value, hash: next ? nucleusHash(next) : null, source: next ? "pasted text" : null });
        }}
      />
      <label htmlFor={`${id}-file`}>…or choose the file</label>
      <input
        id={`${id}-file`}
        type="file"
        onChange={async (event) => {
          const file = event.target.files?.[0];
          if (!file) return;
          try {
            const bytes = new Uint8Array(await file.arrayBuffer());
            setText("");
            setFileError(null);
            onChange({ ...value, hash: nucleusHash(bytes), source: `${file.name} (${bytes.length} bytes)` });
          } catch {
            setFileError("The file could not be read.");
          }
        }}
      />
      {fileError && <p className="error">{fileError}</p>}
      <p className="hash-preview" aria-live="polite">
        {value.hash ? (
          <>
            Hash of {value.source}: <code className="break">{value.hash}</code>
          </>
        ) : (
          <span className="muted">No document given: no hash will be published.</span>
        )}
      </p>
    </fieldset>
  );
}
