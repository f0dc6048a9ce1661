import type { Cell } from "../../../sdk/index.ts";
import { cellHref } from "../lib/route.ts";

/** A link to a cell's page: "Infra" with its id. */
export function CellLink({ cell }: { cell: Pick<Cell, "id" | "name"> }) {
  return (
    <a href={cellHref(cell.id)} className="cell-link">
      {cell.name} <span className="cell-id">#{String(cell.id)}</span>
    </a>
  );
}
