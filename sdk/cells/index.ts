/**
 * The cells module: nested working groups of the CellRegistry.
 *
 * Every action is listed once, in `actions.ts`: exported on its own (tree-shakable) and bound under the same name on
 * the client (`concord.cells.…`).
 */
export * from "./actions.ts";
export { cellFromInfo } from "./aggregates.ts";
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
export { splitDirectory } from "./directory.ts";
export type { CellDirectory, DirectoryCell, DirectorySplit, GetDirectoryParameters } from "./directory.ts";
export { cellErrorMessages } from "./errors.ts";
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
export type {
  CellEvent,
  WatchCellEventsErrorType,
  WatchCellEventsParameters,
  WatchCellEventsReturnType,
} from "./watch.ts";
export type * from "./actionTypes.ts";
