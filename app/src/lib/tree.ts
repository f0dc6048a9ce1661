/**
 * The cell tree: nesting, ancestors, and where an account's stewardship comes from (a steward of a
 * cell administers every cell below it).
 */
import { Roles } from "../../../sdk/index.ts";

/** The part of a cell the tree needs. */
export type TreeCell = { id: bigint; parentId: bigint };

/** A cell with its children, in id order. */
export type TreeNode<cell extends TreeCell> = { cell: cell; children: TreeNode<cell>[] };

/**
 * Nests cells under their parents. Cells whose parent is unknown are shown as roots.
 *
 * @example
 * buildTree([{ id: 1n, parentId: 0n }, { id: 2n, parentId: 1n }]); // [{ cell: 1, children: [{ cell: 2 }] }]
 */
export function buildTree<cell extends TreeCell>(cells: readonly cell[]): TreeNode<cell>[] {
  const nodes = new Map<bigint, TreeNode<cell>>();
  const sorted = [...cells].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const cell of sorted) nodes.set(cell.id, { cell, children: [] });
  const roots: TreeNode<cell>[] = [];
  for (const cell of sorted) {
    const node = nodes.get(cell.id)!;
    const parent = cell.parentId === 0n ? undefined : nodes.get(cell.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/**
 * The ancestors of a cell, from the top-level cell down to its parent.
 *
 * @example
 * ancestors(byId, 5n).map((c) => c.id); // [1n, 2n]
 */
export function ancestors<cell extends TreeCell>(byId: ReadonlyMap<bigint, cell>, id: bigint): cell[] {
  const chain: cell[] = [];
  let current = byId.get(id);
  // The registry nests at most 8 levels; the bound also protects against malformed data.
  for (let i = 0; current && current.parentId !== 0n && i < 64; i++) {
    const parent = byId.get(current.parentId);
    if (!parent) break;
    chain.unshift(parent);
    current = parent;
  }
  return chain;
}

/**
 * The nearest cell, starting at `id` and walking up, where the account holds STEWARD — the reason it
 * may administer `id` — or null.
 *
 * @example
 * stewardVia(byId, 3n, (id) => (id === 1n ? Roles.MEMBER | Roles.STEWARD : 0)); // 1n
 */
export function stewardVia<cell extends TreeCell>(
  byId: ReadonlyMap<bigint, cell>,
  id: bigint,
  rolesIn: (cellId: bigint) => number,
): bigint | null {
  let current = byId.get(id);
  for (let i = 0; current && i < 64; i++) {
    if ((rolesIn(current.id) & Roles.STEWARD) !== 0) return current.id;
    if (current.parentId === 0n) return null;
    current = byId.get(current.parentId);
  }
  return null;
}

/**
 * The cells below `id` (children, grandchildren…), in tree order.
 *
 * @example
 * descendants(tree, 1n).map((c) => c.id); // [2n, 4n, 3n]
 */
export function descendants<cell extends TreeCell>(cells: readonly cell[], id: bigint): cell[] {
  const out: cell[] = [];
  const walk = (nodes: TreeNode<cell>[]) => {
    for (const node of nodes) {
      out.push(node.cell);
      walk(node.children);
    }
  };
  const find = (nodes: TreeNode<cell>[]): TreeNode<cell> | undefined => {
    for (const node of nodes) {
      if (node.cell.id === id) return node;
      const inner = find(node.children);
      if (inner) return inner;
    }
    return undefined;
  };
  const start = find(buildTree(cells));
  if (start) walk(start.children);
  return out;
}
