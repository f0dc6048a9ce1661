import { describe, expect, it } from "vitest";

import { Roles } from "../../../sdk/index.ts";
import { ancestors, buildTree, descendants, stewardVia } from "./tree.ts";

// 1 ─┬─ 2 ── 4
//    └─ 3
// 5 (top level)   9 (parent 8 unknown)
const cells = [
  { id: 4n, parentId: 2n },
  { id: 1n, parentId: 0n },
  { id: 3n, parentId: 1n },
  { id: 2n, parentId: 1n },
  { id: 5n, parentId: 0n },
  { id: 9n, parentId: 8n },
];
const byId = new Map(cells.map((cell) => [cell.id, cell]));

describe("cell tree", () => {
  it("nests cells under their parents, in id order", () => {
    const roots = buildTree(cells);
    expect(roots.map((node) => node.cell.id)).toEqual([1n, 5n, 9n]);
    expect(roots[0]!.children.map((node) => node.cell.id)).toEqual([2n, 3n]);
    expect(roots[0]!.children[0]!.children.map((node) => node.cell.id)).toEqual([4n]);
  });

  it("lists ancestors from the top down", () => {
    expect(ancestors(byId, 4n).map((cell) => cell.id)).toEqual([1n, 2n]);
    expect(ancestors(byId, 1n)).toEqual([]);
    expect(ancestors(byId, 9n)).toEqual([]);
  });

  it("lists descendants", () => {
    expect(descendants(cells, 1n).map((cell) => cell.id)).toEqual([2n, 4n, 3n]);
    expect(descendants(cells, 4n)).toEqual([]);
  });

  it("finds where stewardship comes from", () => {
    const roles = new Map([
      [1n, Roles.MEMBER | Roles.STEWARD],
      [2n, Roles.MEMBER],
    ]);
    const rolesIn = (id: bigint) => roles.get(id) ?? 0;
    expect(stewardVia(byId, 4n, rolesIn)).toBe(1n);
    expect(stewardVia(byId, 1n, rolesIn)).toBe(1n);
    expect(stewardVia(byId, 5n, rolesIn)).toBeNull();
    expect(stewardVia(byId, 4n, (id) => (id === 2n ? Roles.MEMBER | Roles.STEWARD : 0))).toBe(2n);
  });
});
