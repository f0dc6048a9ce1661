/**
 * The viewer's standing in a cell, from the directory (roles, stewardship through ancestors, join
 * request): what `permissions.ts` needs.
 */
import type { Cell } from "../../../sdk/index.ts";
import type { CellStanding } from "../lib/permissions.ts";
import { stewardVia } from "../lib/tree.ts";
import { standingIn } from "./loaders.ts";
import type { Directory } from "./loaders.ts";

/**
 * The standing of the directory's viewer in `cell`.
 *
 * @example
 * const standing = cellStanding(directory, cell);
 * can("setPhase", viewer, standing);
 */
export function cellStanding(directory: Directory | undefined, cell: Cell): CellStanding {
  const own = standingIn(directory, cell.id);
  return {
    cellId: cell.id,
    parentId: cell.parentId,
    depth: cell.depth,
    stewardCount: cell.stewardCount,
    roles: own.roles,
    stewardVia: directory
      ? stewardVia(directory.byId, cell.id, (id) => standingIn(directory, id).roles)
      : null,
    joinRequested: own.joinRequestedAt !== null,
  };
}
