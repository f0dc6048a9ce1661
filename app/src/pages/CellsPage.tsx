import { cellLimits } from "../../../sdk/index.ts";
import { CellTree } from "../components/CellTree.tsx";
import { useDirectory } from "../concord.tsx";
import { explainError } from "../lib/errors.ts";
import { plural } from "../lib/format.ts";

/** The DAO's tree of cells, then the other top-level cells, listed apart. */
export function CellsPage() {
  const directory = useDirectory();
  const data = directory.data;
  return (
    <section>
      <div className="page-head">
        <h1>Cells</h1>
        <a className="button" href="#/cells/new">
          Create a cell
        </a>
      </div>
      <p className="intro muted">
        The DAO's working groups, nested up to {cellLimits.MAX_DEPTH} levels deep: every cell under a root
        whose tree governance recognises. Stewards of a cell (or of a cell above it) run it and create its
        sub-cells.
      </p>
      {directory.error && (
        <p className="error" role="alert">
          Cannot read the cells: {explainError(directory.error).message}
        </p>
      )}
      {data ? (
        <>
          <CellTree
            directory={data}
            empty="Governance has not recognised a cell yet: the DAO's tree is empty."
          />
          {data.others.length > 0 && (
            <section className="card" aria-labelledby="other-cells-title" data-testid="other-cells">
              <h2 id="other-cells-title">Other top-level cells</h2>
              <p className="muted">
                Anyone can found a top-level cell. These {plural(data.others.length, "cell")} are outside the
                DAO's tree and not counted in its numbers, until governance recognises one of them.
              </p>
              <CellTree directory={data} cells={data.others} testId="other-cell-tree" />
            </section>
          )}
        </>
      ) : (
        <p className="muted">Loading…</p>
      )}
    </section>
  );
}
