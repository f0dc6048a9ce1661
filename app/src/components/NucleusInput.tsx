/**
 * A nucleus document: its URI, and its keccak256 computed in the browser from pasted text or a file
 * (the SDK's `nucleusHash`), so the hash published on-chain is the document's.
 */
import { DocumentInput, emptyDocument } from "./DocumentInput.tsx";
import type { DocumentValue } from "./DocumentInput.tsx";

export type NucleusValue = DocumentValue;

export const emptyNucleus: NucleusValue = emptyDocument;

export function NucleusInput({
  value,
  onChange,
}: {
  value: NucleusValue;
  onChange: (next: NucleusValue) => void;
}) {
  return (
    <DocumentInput
      value={value}
      onChange={onChange}
      legend="Nucleus (purpose, practices, progress)"
      name="nucleus"
    />
  );
}
