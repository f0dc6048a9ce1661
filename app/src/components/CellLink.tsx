import type { Cell } from "../../../sdk/index.ts";
import { truncateName } from "../lib/format.ts";
import { cellHref } from "../lib/route.ts";
import { Name } from "./Name.tsx";

/** A link to a cell's page: "Infra" with its id; a long name is cut, whole on hover. */
export function CellLink({ cell }: { cell: Pick<Cell, "id" | "name"> }) {
  return (
    <a href={cellHref(cell.id)} className="cell-link">
      <Name text={cell.name} /> <span className="cell-id">#{String(cell.id)}</span>
    </a>
  );
}

/** A cell as a choice in a `<select>`, indented by its depth in the tree: "  Infra (#3)", then `note`. */
export function CellOption({
  cell,
  note,
}: {
  cell: Pick<Cell, "id" | "name"> & { depth: number };
  note?: string | undefined;
}) {
  return (
    <option value={String(cell.id)}>
      {"  ".repeat(cell.depth - 1)}
      {truncateName(cell.name)} (#{String(cell.id)}){note}
    </option>
  );
}
