/**
 * The cells module: nested working groups of the CellRegistry.
 */
export { cellFromInfo, decisionPath, getCell, getCells } from "./aggregates.ts";
export {
  Phase,
  Scale,
  cellLimits,
  nucleusHash,
  phaseName,
  phaseNames,
  scaleForMemberCount,
  scaleName,
  scaleNames,
  toPhase,
  toTopicId,
  topicId,
} from "./constants.ts";
export type { PhaseName, PhaseValue, ScaleName, ScaleValue, Topic } from "./constants.ts";
export { cellsActions } from "./decorator.ts";
export type { CellsActions } from "./decorator.ts";
export { getDirectory, splitDirectory } from "./directory.ts";
export type { CellDirectory, DirectoryCell, DirectorySplit, GetDirectoryParameters } from "./directory.ts";
export { cellErrorMessages } from "./errors.ts";
export { getActivity, getJoinRequests, getMembers, listCells } from "./events.ts";
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
export type { CellAccountParameters, CellParameters, CellTopicParameters } from "./reads.ts";
export { ROLES_ALL, Roles, hasRole, namesToRoles, rolesToNames, toRoles } from "./roles.ts";
export type { RoleName, RolesInput } from "./roles.ts";
export type {
  Activity,
  Cell,
  CellInfo,
  CellSummary,
  DecisionOwner,
  DecisionPath,
  DecisionPathStep,
  IntentActivity,
  JoinRequest,
  Member,
  MemberState,
  StateActivity,
} from "./types.ts";
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
export type {
  AddMemberParameters,
  AddMembersParameters,
  CellWriteResult,
  CreateCellParameters,
  DeclareStateParameters,
  JoinDecisionParameters,
  OwnCellParameters,
  RemoveMemberParameters,
  RolesChange,
  SetDecisionOwnerParameters,
  SetPhaseParameters,
  SetRecognisedParameters,
  SetRolesParameters,
  SignalIntentParameters,
  TransferGovernanceParameters,
  UpdateNucleusParameters,
} from "./writes.ts";
export { watchCellEvents } from "./watch.ts";
export type {
  CellEvent,
  WatchCellEventsErrorType,
  WatchCellEventsParameters,
  WatchCellEventsReturnType,
} from "./watch.ts";
