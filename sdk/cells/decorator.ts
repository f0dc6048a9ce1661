/**
 * Binds every cells action to a Concord client, as viem's `publicActions` does for viem actions.
 */
import type { ConcordClientBase } from "../client.ts";
import { bindActions } from "../internal/bind.ts";
import type { BoundActions } from "../internal/bind.ts";
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
  leaveCell,
  prepareAddMember,
  prepareAddMembers,
  prepareApproveJoin,
  prepareCancelJoinRequest,
  prepareCreateCell,
  prepareDeclareState,
  prepareLeaveCell,
  prepareRejectJoin,
  prepareRemoveMember,
  prepareRequestToJoin,
  prepareSetDecisionOwner,
  prepareSetPhase,
  prepareSetRecognised,
  prepareSetRoles,
  prepareSignalIntent,
  prepareTransferGovernance,
  prepareUpdateNucleus,
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
import { watchCellEvents } from "./watch.ts";

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
  cellRegistryGovernance: governance,
  isRecognised,
  isRecognisedAt,
  recognisedCount,
  recognisedCountAt,
  delegateOf,
  delegateAt,
  cellRegistryClock: clock,
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
  leaveCell,
  setPhase,
  updateNucleus,
  declareState,
  signalIntent,
  setDecisionOwner,
  setRecognised,
  transferGovernance,
  // prepared writes (for a Safe, a relayer, a batch)
  prepareCreateCell,
  prepareAddMember,
  prepareAddMembers,
  prepareSetRoles,
  prepareRemoveMember,
  prepareRequestToJoin,
  prepareCancelJoinRequest,
  prepareApproveJoin,
  prepareRejectJoin,
  prepareLeaveCell,
  prepareSetPhase,
  prepareUpdateNucleus,
  prepareDeclareState,
  prepareSignalIntent,
  prepareSetDecisionOwner,
  prepareSetRecognised,
  prepareTransferGovernance,
  // watching
  watchCellEvents,
};

/** The cells actions by name (their types give each action's `XParameters` and `XReturnType`). */
export type CellActionTable = typeof cellActionTable;

/** The cells actions bound to a client: `concord.cells.getCell({ cellId })`. */
export type CellsActions = BoundActions<CellActionTable>;

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
  return bindActions(client, cellActionTable) as CellsActions;
}
