/**
 * Binds every cells action to a Concord client, as viem's `publicActions` does for viem actions.
 */
import type { ConcordClientBase } from "../client.ts";
import { decisionPath, getCell, getCells } from "./aggregates.ts";
import { getDirectory } from "./directory.ts";
import { getActivity, getJoinRequests, getMembers, listCells } from "./events.ts";
import {
  cellCount,
  cellExists,
  clock,
  decisionOwner,
  delegateAt,
  delegateOf,
  depthOf,
  getCellInfo,
  governance,
  isMember,
  isRecognised,
  isRecognisedAt,
  isSteward,
  joinRequestedAt,
  localDecisionOwner,
  memberCount,
  nucleusHashOf,
  parentOf,
  phaseOf,
  recognisedCount,
  recognisedCountAt,
  rolesOf,
  scaleOf,
  stateOf,
} from "./reads.ts";
import {
  addMember,
  addMembers,
  approveJoin,
  cancelJoinRequest,
  createCell,
  declareState,
  leave,
  rejectJoin,
  removeMember,
  requestToJoin,
  setDecisionOwner,
  setPhase,
  setRecognised,
  setRoles,
  signalIntent,
  transferGovernance,
  updateNucleus,
} from "./writes.ts";

const cellActionTable = {
  // reads
  rolesOf,
  memberCount,
  parentOf,
  phaseOf,
  scaleOf,
  depthOf,
  nucleusHashOf,
  getCellInfo,
  cellCount,
  cellExists,
  isMember,
  isSteward,
  joinRequestedAt,
  stateOf,
  decisionOwner,
  localDecisionOwner,
  governance,
  isRecognised,
  isRecognisedAt,
  recognisedCount,
  recognisedCountAt,
  delegateOf,
  delegateAt,
  clock,
  // aggregates and event-rebuilt views
  getCell,
  getCells,
  decisionPath,
  listCells,
  getDirectory,
  getMembers,
  getJoinRequests,
  getActivity,
  // writes
  createCell,
  addMember,
  addMembers,
  setRoles,
  removeMember,
  requestToJoin,
  cancelJoinRequest,
  approveJoin,
  rejectJoin,
  leave,
  setPhase,
  updateNucleus,
  declareState,
  signalIntent,
  setDecisionOwner,
  setRecognised,
  transferGovernance,
};

type CellActionTable = typeof cellActionTable;

/** The cells actions bound to a client: `concord.cells.getCell({ cellId })`. */
export type CellsActions = {
  [name in keyof CellActionTable]: CellActionTable[name] extends (
    client: ConcordClientBase,
    ...args: infer params
  ) => infer result
    ? (...args: params) => result
    : never;
};

/**
 * Binds every cells action to `client`.
 *
 * @example
 * import { cellsActions, createConcordBaseClient } from "@concord-dao/sdk";
 *
 * const cells = cellsActions(createConcordBaseClient({ publicClient, walletClient }));
 * await cells.createCell({ name: "Research" });
 */
export function cellsActions(client: ConcordClientBase): CellsActions {
  const bound: Record<string, unknown> = {};
  for (const [name, action] of Object.entries(cellActionTable)) {
    bound[name] = (...args: unknown[]) =>
      (action as (client: ConcordClientBase, ...rest: unknown[]) => unknown)(client, ...args);
  }
  return bound as CellsActions;
}
