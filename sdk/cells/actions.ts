/**
 * Every cells action, once: each takes the Concord client first. This list is both the module's flat exports
 * (`export * from "./actions.ts"` in `index.ts`: `getCell(client, { cellId })`, tree-shakable) and what
 * `concord.cells.*` binds (`decorator.ts` binds this module's namespace). Adding an action is one line here, and
 * its `XParameters`/`XReturnType`/`XErrorType` in `actionTypes.ts`.
 */
// reads
export {
  cellCount,
  cellExists,
  clock as cellRegistryClock,
  decisionOwner,
  delegateAt,
  delegateOf,
  depthOf,
  getCellInfo,
  governance as cellRegistryGovernance,
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
// aggregates and event-rebuilt views
export { decisionPath, getCell, getCells } from "./aggregates.ts";
export { getDirectory } from "./directory.ts";
export { getActivity, getJoinRequests, getMembers, listCells } from "./events.ts";
// writes, and their prepared forms (for a Safe, a relayer, a batch)
export {
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
// watching
export { watchCellEvents } from "./watch.ts";
