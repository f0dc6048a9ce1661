/**
 * A document published by its hash: its URI, and its keccak256 computed in the browser from pasted
 * text or a file, so the hash that goes on-chain is the document's. Used for cell nuclei
 * (`NucleusInput`) and agreement terms.
 */
import { useId, useState } from "react";
import type { Hex } from "viem";
import { keccak256, stringToBytes } from "viem";

export type DocumentValue = { uri: string; hash: Hex | null; source: string | null };

export const emptyDocument: DocumentValue = { uri: "", hash: null, source: null };

/** keccak256 of the text (UTF-8) or bytes: the hash of the SDK's `nucleusHash` and `hashTerms`. */
const documentHash = (document: string | Uint8Array): Hex =>
  keccak256(typeof document === "string" ? stringToBytes(document) : document);

export function DocumentInput({
  value,
  onChange,
  legend,
  name,
  noHash = "No document given: no hash will be published.",
}: {
  value: DocumentValue;
  onChange: (next: DocumentValue) => void;
  /** What the document is ("Nucleus (purpose, practices, progress)", "Terms"). */
  legend: string;
  /** Form field name prefix ("nucleus", "terms"). */
  name: string;
  /** What the preview says when no document is given. */
  noHash?: string;
}) {
  const id = useId();
  const [text, setText] = useState("");
  const [fileError, setFileError] = useState<string | null>(null);
  return (
    <fieldset className="nucleus-input document-input">
      <legend>{legend}</legend>
      <label htmlFor={`${id}-uri`}>Where the document lives (URI)</label>
      <input
        id={`${id}-uri`}
        name={`${name}URI`}
        type="text"
        inputMode="url"
        placeholder="ipfs://… or https://…"
        value={value.uri}
        onChange={(event) => onChange({ ...value, uri: event.target.value })}
      />
      <label htmlFor={`${id}-text`}>Paste the document to compute its hash…</label>
      <textarea
        id={`${id}-text`}
        name={`${name}Text`}
        rows={4}
        value={text}
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          setFileError(null);
          onChange({ ...value, hash: next ? documentHash(next) : null, source: next ? "pasted text" : null });
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
            setFileError(bytes.length === 0 ? "The file is empty." : null);
            onChange({
              ...value,
              hash: bytes.length === 0 ? null : documentHash(bytes),
              source: `${file.name} (${bytes.length} bytes)`,
            });
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
          <span className="muted">{noHash}</span>
        )}
      </p>
    </fieldset>
  );
}
