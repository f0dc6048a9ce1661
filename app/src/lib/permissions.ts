/**
 * Who may do what in a cell, with the reason when not — the same rules as the CellRegistry, checked in
 * the browser so that a disabled action can say why ("Only stewards of cell 4 … can do this."). The
 * contract stays the judge: every write is simulated before a signature is asked for.
 */
import type { Address } from "viem";

import { Roles, cellLimits } from "../../../sdk/index.ts";

/** Who is looking. */
export type Viewer = {
  /** The connected account, or null. */
  account: Address | null;
  /** Whether the wallet is on the deployment's chain. */
  onRightChain: boolean;
  /** The deployment's network name, for the "switch network" reason. */
  chainName: string;
};

/** What the viewer's standing in a cell is. */
export type CellStanding = {
  cellId: bigint;
  /** 0n for a top-level cell. */
  parentId: bigint;
  depth: number;
  stewardCount: number;
  /** The viewer's own roles in the cell (0 when not a member). */
  roles: number;
  /** The nearest cell (the cell itself or an ancestor) where the viewer is a steward, or null. */
  stewardVia: bigint | null;
  /** Whether the viewer has a pending request to join. */
  joinRequested: boolean;
};

/** The cell actions of the app. */
export type CellAction =
  | "createSubCell"
  | "requestToJoin"
  | "cancelJoinRequest"
  | "decideJoin"
  | "invite"
  | "changeRoles"
  | "removeMember"
  | "leave"
  | "setPhase"
  | "updateNucleus"
  | "declareState"
  | "signalIntent"
  | "setDecisionOwner"
  /** Register a resource owned by the cell (the ResourceLeases contract asks for a steward of it or above). */
  | "registerResource";

/** Allowed, or not with a reason. */
export type Permission = { ok: true } | { ok: false; reason: string };

const ok: Permission = { ok: true };
const no = (reason: string): Permission => ({ ok: false, reason });

/**
 * Whether the viewer can write at all: connected, on the right network.
 *
 * @example
 * canWrite({ account: null, onRightChain: true, chainName: "Local chain" });
 * // { ok: false, reason: "Connect a wallet to do this." }
 */
export function canWrite(viewer: Viewer): Permission {
  if (!viewer.account) return no("Connect a wallet to do this.");
  if (!viewer.onRightChain) return no(`Switch your wallet to ${viewer.chainName} to do this.`);
  return ok;
}

const stewardsOnly = (cellId: bigint) =>
  no(`Only stewards of cell ${cellId} (or of a cell above it) can do this.`);

/**
 * Whether the viewer may take `action` in a cell.
 *
 * @example
 * can("setPhase", viewer, { cellId: 4n, stewardVia: null, ... });
 * // { ok: false, reason: "Only stewards of cell 4 (or of a cell above it) can do this." }
 */
export function can(action: CellAction, viewer: Viewer, standing: CellStanding): Permission {
  const base = canWrite(viewer);
  if (!base.ok) return base;
  const { cellId } = standing;
  const isMember = (standing.roles & Roles.MEMBER) !== 0;
  const isSteward = standing.stewardVia !== null;
  switch (action) {
    case "requestToJoin":
      if (isMember) return no(`You are already a member of cell ${cellId}.`);
      if (standing.joinRequested) return no(`Your request to join cell ${cellId} is waiting for a steward.`);
      return ok;
    case "cancelJoinRequest":
      return standing.joinRequested ? ok : no(`You have no pending request to join cell ${cellId}.`);
    case "leave":
      if (!isMember) return no(`You are not a member of cell ${cellId}.`);
      if (isLastTopLevelSteward(standing, standing.roles)) {
        return no(
          `You are the last steward of top-level cell ${cellId}: make another member a steward before leaving.`,
        );
      }
      return ok;
    case "declareState":
    case "signalIntent":
      return isMember ? ok : no(`Only members of cell ${cellId} can do this.`);
    case "createSubCell":
      if (!isSteward) return stewardsOnly(cellId);
      if (standing.depth >= cellLimits.MAX_DEPTH) {
        return no(
          `Cell ${cellId} is ${standing.depth} levels deep, the most allowed (${cellLimits.MAX_DEPTH}): it cannot have sub-cells.`,
        );
      }
      return ok;
    case "decideJoin":
    case "invite":
    case "changeRoles":
    case "removeMember":
    case "setPhase":
    case "updateNucleus":
    case "setDecisionOwner":
    case "registerResource":
      return isSteward ? ok : stewardsOnly(cellId);
  }
}

function isLastTopLevelSteward(standing: CellStanding, roles: number): boolean {
  return standing.parentId === 0n && (roles & Roles.STEWARD) !== 0 && standing.stewardCount <= 1;
}

/**
 * Whether the viewer may give `member` the roles `next` (on top of `can("changeRoles")`): the
 * registry keeps one delegate per cell and a steward in every top-level cell.
 *
 * @example
 * canSetRoles(viewer, standing, { account: bob, roles: 1 }, 5, carol);
 * // { ok: false, reason: "Cell 2 already has a delegate (…): remove that role first." }
 */
export function canSetRoles(
  viewer: Viewer,
  standing: CellStanding,
  member: { account: Address; roles: number },
  next: number,
  delegate: { account: Address; label: string } | null = null,
): Permission {
  const base = can("changeRoles", viewer, standing);
  if (!base.ok) return base;
  if ((next & Roles.MEMBER) === 0) return no("A member keeps the member role: use Remove to take it away.");
  if (next === member.roles) return no("These are already the member's roles.");
  const givesDelegate = (next & Roles.DELEGATE) !== 0 && (member.roles & Roles.DELEGATE) === 0;
  if (givesDelegate && delegate && delegate.account.toLowerCase() !== member.account.toLowerCase()) {
    return no(`Cell ${standing.cellId} already has a delegate (${delegate.label}): remove that role first.`);
  }
  const dropsSteward = (member.roles & Roles.STEWARD) !== 0 && (next & Roles.STEWARD) === 0;
  if (dropsSteward && standing.parentId === 0n && standing.stewardCount <= 1) {
    return no(
      `This is the last steward of top-level cell ${standing.cellId}: appoint another steward first.`,
    );
  }
  return ok;
}

/**
 * Whether the viewer may remove `member` (on top of `can("removeMember")`).
 *
 * @example
 * canRemove(viewer, standing, { account: alice, roles: 3 });
 */
export function canRemove(
  viewer: Viewer,
  standing: CellStanding,
  member: { account: Address; roles: number },
): Permission {
  const base = can("removeMember", viewer, standing);
  if (!base.ok) return base;
  if (isLastTopLevelSteward(standing, member.roles)) {
    return no(
      `This is the last steward of top-level cell ${standing.cellId}: appoint another steward first.`,
    );
  }
  return ok;
}
