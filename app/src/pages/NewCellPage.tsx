/**
 * Create a cell: top-level (anyone; the creator becomes its steward) or a sub-cell of a cell the member
 * stewards (directly or from above).
 */
import { useState } from "react";

import { ActionButton } from "../components/ActionButton.tsx";
import { CellLink, CellOption } from "../components/CellLink.tsx";
import { emptyNucleus, NucleusInput } from "../components/NucleusInput.tsx";
import { WriteStatus } from "../components/WriteStatus.tsx";
import { useDirectory, useViewer, useWrite } from "../concord.tsx";
import { cellStanding } from "../data/standing.ts";
import { can, canWrite } from "../lib/permissions.ts";
import { cellHref } from "../lib/route.ts";

export function NewCellPage({ parentId }: { parentId: bigint | null }) {
  const viewer = useViewer();
  const { data: directory } = useDirectory();
  const write = useWrite();
  const [name, setName] = useState("");
  const [parent, setParent] = useState<string>(parentId === null ? "0" : String(parentId));
  const [nucleus, setNucleus] = useState(emptyNucleus);

  const parentCell = parent === "0" ? undefined : directory?.byId.get(BigInt(parent));
  const permission =
    parent === "0" || !directory
      ? canWrite(viewer)
      : parentCell
        ? can("createSubCell", viewer, cellStanding(directory, parentCell))
        : { ok: false as const, reason: `Cell ${parent} does not exist.` };
  const parents = directory?.cells ?? [];

  const submit = () =>
    void write.run(
      parentCell ? `Create a sub-cell of ${parentCell.name}` : "Create the cell",
      ({ concord, options }) =>
        concord.cells.createCell({
          parentId: BigInt(parent),
          name,
          nucleusURI: nucleus.uri.trim(),
          nucleusHash: nucleus.hash ?? undefined,
          ...options,
        }),
      {
        summary: (result) => `Cell ${result.cellId} created.`,
        onConfirmed: (result) => {
          window.location.hash = cellHref(result.cellId);
        },
      },
    );

  return (
    <section>
      <nav aria-label="Breadcrumb" className="breadcrumbs">
        <a href="#/cells">Cells</a>
        {parentCell && (
          <>
            {" › "}
            <CellLink cell={parentCell} />
          </>
        )}
      </nav>
      <h1>{parentCell ? `Create a sub-cell of ${parentCell.name}` : "Create a cell"}</h1>
      <form
        className="form card"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <label htmlFor="cell-name">Name</label>
        <input
          id="cell-name"
          name="name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          placeholder="e.g. Research guild"
          autoComplete="off"
        />
        <label htmlFor="cell-parent">Inside</label>
        <select id="cell-parent" value={parent} onChange={(event) => setParent(event.target.value)}>
          <option value="0">Nothing — a top-level cell (you become its steward)</option>
          {parents.map((cell) => (
            <CellOption key={String(cell.id)} cell={cell} />
          ))}
        </select>
        {parentCell && (
          <p className="muted">
            A sub-cell starts with no members: the stewards of {parentCell.name} and above administer it and
            invite its first members.
          </p>
        )}
        <NucleusInput value={nucleus} onChange={setNucleus} />
        <ActionButton type="submit" permission={permission} busy={write.busy} name="create-cell">
          Create
        </ActionButton>
        <WriteStatus progress={write.progress} onDismiss={write.reset} />
      </form>
    </section>
  );
}
