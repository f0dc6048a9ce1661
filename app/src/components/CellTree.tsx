/**
 * The cell tree as nested lists: name, phase, members, recognition, and the viewer's roles.
 */
import type { DashboardCell as Cell } from "../../../sdk/index.ts";
import { standingIn } from "../data/standing.ts";
import type { DashboardDirectory as Directory } from "../../../sdk/index.ts";
import { plural, rolesLabel } from "../lib/format.ts";
import { buildTree } from "../lib/tree.ts";
import type { TreeNode } from "../lib/tree.ts";
import { CellLink } from "./CellLink.tsx";

function Node({ node, directory }: { node: TreeNode<Cell>; directory: Directory }) {
  const { cell } = node;
  const roles = standingIn(directory, cell.id).roles;
  return (
    <li>
      <div className="tree-row" data-cell-id={String(cell.id)}>
        <CellLink cell={cell} />
        <span className="tags">
          <span className={`tag phase-${cell.phaseName}`}>{cell.phaseName}</span>
          <span className="tag">{plural(cell.memberCount, "member")}</span>
          {cell.recognised && <span className="tag recognised">recognised</span>}
          {roles !== 0 && <span className="tag mine">you: {rolesLabel(roles)}</span>}
        </span>
      </div>
      {node.children.length > 0 && (
        <ul>
          {node.children.map((child) => (
            <Node key={String(child.cell.id)} node={child} directory={directory} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** The tree of `cells` (default: the DAO's own tree), with the viewer's roles from `directory`. */
export function CellTree({
  directory,
  cells = directory.dao,
  testId = "cell-tree",
  empty = "No cell yet. Create the first one.",
}: {
  directory: Directory;
  cells?: readonly Cell[];
  testId?: string;
  empty?: string;
}) {
  const roots = buildTree(cells);
  if (roots.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="tree" data-testid={testId}>
      {roots.map((node) => (
        <Node key={String(node.cell.id)} node={node} directory={directory} />
      ))}
    </ul>
  );
}
