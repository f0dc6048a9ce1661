import { cellLimits } from "../../../sdk/index.ts";
import { CellTree } from "../components/CellTree.tsx";
import { useDirectory } from "../concord.tsx";
import { explainError } from "../lib/errors.ts";

/** The whole tree of cells. */
export function CellsPage() {
  const directory = useDirectory();
  return (
    <section>
      <div className="page-head">
        <h1>Cells</h1>
        <a className="button" href="#/cells/new">
          Create a cell
        </a>
      </div>
      <p className="intro muted">
        The DAO's working groups, nested up to {cellLimits.MAX_DEPTH} levels deep. Anyone can found a
        top-level cell; stewards of a cell (or of a cell above it) run it and create its sub-cells.
      </p>
      {directory.error && (
        <p className="error" role="alert">
          Cannot read the cells: {explainError(directory.error).message}
        </p>
      )}
      {directory.data ? <CellTree directory={directory.data} /> : <p className="muted">Loading…</p>}
    </section>
  );
}
