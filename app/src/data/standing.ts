/**
 * The viewer's standing in a cell, from the directory (roles, stewardship through ancestors, join
 * request): what `permissions.ts` needs.
 */
import type { DashboardCell, DashboardDirectory, DashboardStanding } from "../../../sdk/index.ts";
import type { CellStanding } from "../lib/permissions.ts";
import { stewardVia } from "../lib/tree.ts";

const NO_STANDING: DashboardStanding = { roles: 0, joinRequestedAt: null };

/** The viewer's standing in a cell (none when unknown). */
export function standingIn(directory: DashboardDirectory | undefined, cellId: bigint): DashboardStanding {
  return directory?.standing?.get(cellId) ?? NO_STANDING;
}

/**
 * The standing of the directory's viewer in `cell`.
 *
 * @example
 * const standing = cellStanding(directory, cell);
 * can("setPhase", viewer, standing);
 */
export function cellStanding(directory: DashboardDirectory | undefined, cell: DashboardCell): CellStanding {
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
