/**
 * The cell's direct sub-cells, and creating one.
 */
import type { DashboardCell as Cell } from "../../../../sdk/index.ts";
import { ActionButton } from "../../components/ActionButton.tsx";
import { CellLink } from "../../components/CellLink.tsx";
import { useDirectory, useViewer } from "../../concord.tsx";
import { plural } from "../../lib/format.ts";
import { can } from "../../lib/permissions.ts";
import type { CellStanding } from "../../lib/permissions.ts";
import { hrefOf } from "../../lib/route.ts";

export function SubCellsPanel({ cell, standing }: { cell: Cell; standing: CellStanding }) {
  const viewer = useViewer();
  const { data: directory } = useDirectory();
  const children = directory?.cells.filter((candidate) => candidate.parentId === cell.id) ?? [];
  return (
    <section className="card" aria-labelledby="subcells-title">
      <h2 id="subcells-title">Sub-cells</h2>
      {children.length === 0 ? (
        <p className="muted">{cell.name} has no sub-cell yet.</p>
      ) : (
        <ul className="plain rows">
          {children.map((child) => (
            <li key={String(child.id)}>
              <CellLink cell={child} />{" "}
              <span className="muted">
                — {child.phaseName}, {plural(child.memberCount, "member")}
              </span>
            </li>
          ))}
        </ul>
      )}
      <ActionButton
        permission={can("createSubCell", viewer, standing)}
        name="new-subcell"
        variant="secondary"
        onClick={() => {
          window.location.hash = hrefOf({ name: "newCell", parentId: cell.id });
        }}
      >
        Create a sub-cell
      </ActionButton>
    </section>
  );
}
