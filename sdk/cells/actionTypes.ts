/**
 * The types of every cells action, as viem's actions export them: `XParameters` (what the action takes after the
 * client), `XReturnType` (what it resolves to) and `XErrorType` (what it throws). Derived from the actions
 * themselves, so they cannot drift; a hand-written `XParameters` beside the action is used where one exists.
 */
import type { ConcordErrorType } from "../errors.ts";
import type { ActionParameters, ActionReturnType } from "../internal/bind.ts";
import type { CellActionTable } from "./decorator.ts";

/** Parameters of `rolesOf`. */
export type RolesOfParameters = ActionParameters<CellActionTable["rolesOf"]>;
/** What `rolesOf` resolves to. */
export type RolesOfReturnType = ActionReturnType<CellActionTable["rolesOf"]>;
/** What `rolesOf` throws. */
export type RolesOfErrorType = ConcordErrorType;

/** Parameters of `memberCount`. */
export type MemberCountParameters = ActionParameters<CellActionTable["memberCount"]>;
/** What `memberCount` resolves to. */
export type MemberCountReturnType = ActionReturnType<CellActionTable["memberCount"]>;
/** What `memberCount` throws. */
export type MemberCountErrorType = ConcordErrorType;

/** Parameters of `parentOf`. */
export type ParentOfParameters = ActionParameters<CellActionTable["parentOf"]>;
/** What `parentOf` resolves to. */
export type ParentOfReturnType = ActionReturnType<CellActionTable["parentOf"]>;
/** What `parentOf` throws. */
export type ParentOfErrorType = ConcordErrorType;

/** Parameters of `phaseOf`. */
export type PhaseOfParameters = ActionParameters<CellActionTable["phaseOf"]>;
/** What `phaseOf` resolves to. */
export type PhaseOfReturnType = ActionReturnType<CellActionTable["phaseOf"]>;
/** What `phaseOf` throws. */
export type PhaseOfErrorType = ConcordErrorType;

/** Parameters of `scaleOf`. */
export type ScaleOfParameters = ActionParameters<CellActionTable["scaleOf"]>;
/** What `scaleOf` resolves to. */
export type ScaleOfReturnType = ActionReturnType<CellActionTable["scaleOf"]>;
/** What `scaleOf` throws. */
export type ScaleOfErrorType = ConcordErrorType;

/** Parameters of `depthOf`. */
export type DepthOfParameters = ActionParameters<CellActionTable["depthOf"]>;
/** What `depthOf` resolves to. */
export type DepthOfReturnType = ActionReturnType<CellActionTable["depthOf"]>;
/** What `depthOf` throws. */
export type DepthOfErrorType = ConcordErrorType;

/** Parameters of `nucleusHashOf`. */
export type NucleusHashOfParameters = ActionParameters<CellActionTable["nucleusHashOf"]>;
/** What `nucleusHashOf` resolves to. */
export type NucleusHashOfReturnType = ActionReturnType<CellActionTable["nucleusHashOf"]>;
/** What `nucleusHashOf` throws. */
export type NucleusHashOfErrorType = ConcordErrorType;

/** Parameters of `getCellInfo`. */
export type GetCellInfoParameters = ActionParameters<CellActionTable["getCellInfo"]>;
/** What `getCellInfo` resolves to. */
export type GetCellInfoReturnType = ActionReturnType<CellActionTable["getCellInfo"]>;
/** What `getCellInfo` throws. */
export type GetCellInfoErrorType = ConcordErrorType;

/** Parameters of `cellCount`. */
export type CellCountParameters = ActionParameters<CellActionTable["cellCount"]>;
/** What `cellCount` resolves to. */
export type CellCountReturnType = ActionReturnType<CellActionTable["cellCount"]>;
/** What `cellCount` throws. */
export type CellCountErrorType = ConcordErrorType;

/** Parameters of `cellExists`. */
export type CellExistsParameters = ActionParameters<CellActionTable["cellExists"]>;
/** What `cellExists` resolves to. */
export type CellExistsReturnType = ActionReturnType<CellActionTable["cellExists"]>;
/** What `cellExists` throws. */
export type CellExistsErrorType = ConcordErrorType;

/** Parameters of `isMember`. */
export type IsMemberParameters = ActionParameters<CellActionTable["isMember"]>;
/** What `isMember` resolves to. */
export type IsMemberReturnType = ActionReturnType<CellActionTable["isMember"]>;
/** What `isMember` throws. */
export type IsMemberErrorType = ConcordErrorType;

/** Parameters of `isSteward`. */
export type IsStewardParameters = ActionParameters<CellActionTable["isSteward"]>;
/** What `isSteward` resolves to. */
export type IsStewardReturnType = ActionReturnType<CellActionTable["isSteward"]>;
/** What `isSteward` throws. */
export type IsStewardErrorType = ConcordErrorType;

/** Parameters of `joinRequestedAt`. */
export type JoinRequestedAtParameters = ActionParameters<CellActionTable["joinRequestedAt"]>;
/** What `joinRequestedAt` resolves to. */
export type JoinRequestedAtReturnType = ActionReturnType<CellActionTable["joinRequestedAt"]>;
/** What `joinRequestedAt` throws. */
export type JoinRequestedAtErrorType = ConcordErrorType;

/** Parameters of `stateOf`. */
export type StateOfParameters = ActionParameters<CellActionTable["stateOf"]>;
/** What `stateOf` resolves to. */
export type StateOfReturnType = ActionReturnType<CellActionTable["stateOf"]>;
/** What `stateOf` throws. */
export type StateOfErrorType = ConcordErrorType;

/** Parameters of `decisionOwner`. */
export type DecisionOwnerParameters = ActionParameters<CellActionTable["decisionOwner"]>;
/** What `decisionOwner` resolves to. */
export type DecisionOwnerReturnType = ActionReturnType<CellActionTable["decisionOwner"]>;
/** What `decisionOwner` throws. */
export type DecisionOwnerErrorType = ConcordErrorType;

/** Parameters of `localDecisionOwner`. */
export type LocalDecisionOwnerParameters = ActionParameters<CellActionTable["localDecisionOwner"]>;
/** What `localDecisionOwner` resolves to. */
export type LocalDecisionOwnerReturnType = ActionReturnType<CellActionTable["localDecisionOwner"]>;
/** What `localDecisionOwner` throws. */
export type LocalDecisionOwnerErrorType = ConcordErrorType;

/** Parameters of `cellRegistryGovernance`. */
export type CellRegistryGovernanceParameters = ActionParameters<CellActionTable["cellRegistryGovernance"]>;
/** What `cellRegistryGovernance` resolves to. */
export type CellRegistryGovernanceReturnType = ActionReturnType<CellActionTable["cellRegistryGovernance"]>;
/** What `cellRegistryGovernance` throws. */
export type CellRegistryGovernanceErrorType = ConcordErrorType;

/** Parameters of `isRecognised`. */
export type IsRecognisedParameters = ActionParameters<CellActionTable["isRecognised"]>;
/** What `isRecognised` resolves to. */
export type IsRecognisedReturnType = ActionReturnType<CellActionTable["isRecognised"]>;
/** What `isRecognised` throws. */
export type IsRecognisedErrorType = ConcordErrorType;

/** Parameters of `isRecognisedAt`. */
export type IsRecognisedAtParameters = ActionParameters<CellActionTable["isRecognisedAt"]>;
/** What `isRecognisedAt` resolves to. */
export type IsRecognisedAtReturnType = ActionReturnType<CellActionTable["isRecognisedAt"]>;
/** What `isRecognisedAt` throws. */
export type IsRecognisedAtErrorType = ConcordErrorType;

/** Parameters of `recognisedCount`. */
export type RecognisedCountParameters = ActionParameters<CellActionTable["recognisedCount"]>;
/** What `recognisedCount` resolves to. */
export type RecognisedCountReturnType = ActionReturnType<CellActionTable["recognisedCount"]>;
/** What `recognisedCount` throws. */
export type RecognisedCountErrorType = ConcordErrorType;

/** Parameters of `recognisedCountAt`. */
export type RecognisedCountAtParameters = ActionParameters<CellActionTable["recognisedCountAt"]>;
/** What `recognisedCountAt` resolves to. */
export type RecognisedCountAtReturnType = ActionReturnType<CellActionTable["recognisedCountAt"]>;
/** What `recognisedCountAt` throws. */
export type RecognisedCountAtErrorType = ConcordErrorType;

/** Parameters of `delegateOf`. */
export type DelegateOfParameters = ActionParameters<CellActionTable["delegateOf"]>;
/** What `delegateOf` resolves to. */
export type DelegateOfReturnType = ActionReturnType<CellActionTable["delegateOf"]>;
/** What `delegateOf` throws. */
export type DelegateOfErrorType = ConcordErrorType;

/** Parameters of `delegateAt`. */
export type DelegateAtParameters = ActionParameters<CellActionTable["delegateAt"]>;
/** What `delegateAt` resolves to. */
export type DelegateAtReturnType = ActionReturnType<CellActionTable["delegateAt"]>;
/** What `delegateAt` throws. */
export type DelegateAtErrorType = ConcordErrorType;

/** Parameters of `cellRegistryClock`. */
export type CellRegistryClockParameters = ActionParameters<CellActionTable["cellRegistryClock"]>;
/** What `cellRegistryClock` resolves to. */
export type CellRegistryClockReturnType = ActionReturnType<CellActionTable["cellRegistryClock"]>;
/** What `cellRegistryClock` throws. */
export type CellRegistryClockErrorType = ConcordErrorType;

/** Parameters of `getCell`. */
export type GetCellParameters = ActionParameters<CellActionTable["getCell"]>;
/** What `getCell` resolves to. */
export type GetCellReturnType = ActionReturnType<CellActionTable["getCell"]>;
/** What `getCell` throws. */
export type GetCellErrorType = ConcordErrorType;

/** Parameters of `getCells`. */
export type GetCellsParameters = ActionParameters<CellActionTable["getCells"]>;
/** What `getCells` resolves to. */
export type GetCellsReturnType = ActionReturnType<CellActionTable["getCells"]>;
/** What `getCells` throws. */
export type GetCellsErrorType = ConcordErrorType;

/** Parameters of `decisionPath`. */
export type DecisionPathParameters = ActionParameters<CellActionTable["decisionPath"]>;
/** What `decisionPath` resolves to. */
export type DecisionPathReturnType = ActionReturnType<CellActionTable["decisionPath"]>;
/** What `decisionPath` throws. */
export type DecisionPathErrorType = ConcordErrorType;

/** Parameters of `listCells`. */
export type ListCellsParameters = ActionParameters<CellActionTable["listCells"]>;
/** What `listCells` resolves to. */
export type ListCellsReturnType = ActionReturnType<CellActionTable["listCells"]>;
/** What `listCells` throws. */
export type ListCellsErrorType = ConcordErrorType;

/** What `getDirectory` resolves to. */
export type GetDirectoryReturnType = ActionReturnType<CellActionTable["getDirectory"]>;
/** What `getDirectory` throws. */
export type GetDirectoryErrorType = ConcordErrorType;

/** Parameters of `getMembers`. */
export type GetMembersParameters = ActionParameters<CellActionTable["getMembers"]>;
/** What `getMembers` resolves to. */
export type GetMembersReturnType = ActionReturnType<CellActionTable["getMembers"]>;
/** What `getMembers` throws. */
export type GetMembersErrorType = ConcordErrorType;

/** Parameters of `getJoinRequests`. */
export type GetJoinRequestsParameters = ActionParameters<CellActionTable["getJoinRequests"]>;
/** What `getJoinRequests` resolves to. */
export type GetJoinRequestsReturnType = ActionReturnType<CellActionTable["getJoinRequests"]>;
/** What `getJoinRequests` throws. */
export type GetJoinRequestsErrorType = ConcordErrorType;

/** Parameters of `getActivity`. */
export type GetActivityParameters = ActionParameters<CellActionTable["getActivity"]>;
/** What `getActivity` resolves to. */
export type GetActivityReturnType = ActionReturnType<CellActionTable["getActivity"]>;
/** What `getActivity` throws. */
export type GetActivityErrorType = ConcordErrorType;

/** What `createCell` resolves to. */
export type CreateCellReturnType = ActionReturnType<CellActionTable["createCell"]>;
/** What `createCell` throws. */
export type CreateCellErrorType = ConcordErrorType;

/** What `addMember` resolves to. */
export type AddMemberReturnType = ActionReturnType<CellActionTable["addMember"]>;
/** What `addMember` throws. */
export type AddMemberErrorType = ConcordErrorType;

/** What `addMembers` resolves to. */
export type AddMembersReturnType = ActionReturnType<CellActionTable["addMembers"]>;
/** What `addMembers` throws. */
export type AddMembersErrorType = ConcordErrorType;

/** What `setRoles` resolves to. */
export type SetRolesReturnType = ActionReturnType<CellActionTable["setRoles"]>;
/** What `setRoles` throws. */
export type SetRolesErrorType = ConcordErrorType;

/** What `removeMember` resolves to. */
export type RemoveMemberReturnType = ActionReturnType<CellActionTable["removeMember"]>;
/** What `removeMember` throws. */
export type RemoveMemberErrorType = ConcordErrorType;

/** Parameters of `requestToJoin`. */
export type RequestToJoinParameters = ActionParameters<CellActionTable["requestToJoin"]>;
/** What `requestToJoin` resolves to. */
export type RequestToJoinReturnType = ActionReturnType<CellActionTable["requestToJoin"]>;
/** What `requestToJoin` throws. */
export type RequestToJoinErrorType = ConcordErrorType;

/** Parameters of `cancelJoinRequest`. */
export type CancelJoinRequestParameters = ActionParameters<CellActionTable["cancelJoinRequest"]>;
/** What `cancelJoinRequest` resolves to. */
export type CancelJoinRequestReturnType = ActionReturnType<CellActionTable["cancelJoinRequest"]>;
/** What `cancelJoinRequest` throws. */
export type CancelJoinRequestErrorType = ConcordErrorType;

/** Parameters of `approveJoin`. */
export type ApproveJoinParameters = ActionParameters<CellActionTable["approveJoin"]>;
/** What `approveJoin` resolves to. */
export type ApproveJoinReturnType = ActionReturnType<CellActionTable["approveJoin"]>;
/** What `approveJoin` throws. */
export type ApproveJoinErrorType = ConcordErrorType;

/** Parameters of `rejectJoin`. */
export type RejectJoinParameters = ActionParameters<CellActionTable["rejectJoin"]>;
/** What `rejectJoin` resolves to. */
export type RejectJoinReturnType = ActionReturnType<CellActionTable["rejectJoin"]>;
/** What `rejectJoin` throws. */
export type RejectJoinErrorType = ConcordErrorType;

/** Parameters of `leaveCell`. */
export type LeaveCellParameters = ActionParameters<CellActionTable["leaveCell"]>;
/** What `leaveCell` resolves to. */
export type LeaveCellReturnType = ActionReturnType<CellActionTable["leaveCell"]>;
/** What `leaveCell` throws. */
export type LeaveCellErrorType = ConcordErrorType;

/** What `setPhase` resolves to. */
export type SetPhaseReturnType = ActionReturnType<CellActionTable["setPhase"]>;
/** What `setPhase` throws. */
export type SetPhaseErrorType = ConcordErrorType;

/** What `updateNucleus` resolves to. */
export type UpdateNucleusReturnType = ActionReturnType<CellActionTable["updateNucleus"]>;
/** What `updateNucleus` throws. */
export type UpdateNucleusErrorType = ConcordErrorType;

/** What `declareState` resolves to. */
export type DeclareStateReturnType = ActionReturnType<CellActionTable["declareState"]>;
/** What `declareState` throws. */
export type DeclareStateErrorType = ConcordErrorType;

/** What `signalIntent` resolves to. */
export type SignalIntentReturnType = ActionReturnType<CellActionTable["signalIntent"]>;
/** What `signalIntent` throws. */
export type SignalIntentErrorType = ConcordErrorType;

/** What `setDecisionOwner` resolves to. */
export type SetDecisionOwnerReturnType = ActionReturnType<CellActionTable["setDecisionOwner"]>;
/** What `setDecisionOwner` throws. */
export type SetDecisionOwnerErrorType = ConcordErrorType;

/** What `setRecognised` resolves to. */
export type SetRecognisedReturnType = ActionReturnType<CellActionTable["setRecognised"]>;
/** What `setRecognised` throws. */
export type SetRecognisedErrorType = ConcordErrorType;

/** What `transferGovernance` resolves to. */
export type TransferGovernanceReturnType = ActionReturnType<CellActionTable["transferGovernance"]>;
/** What `transferGovernance` throws. */
export type TransferGovernanceErrorType = ConcordErrorType;

/** Parameters of `prepareCreateCell`. */
export type PrepareCreateCellParameters = ActionParameters<CellActionTable["prepareCreateCell"]>;
/** What `prepareCreateCell` resolves to. */
export type PrepareCreateCellReturnType = ActionReturnType<CellActionTable["prepareCreateCell"]>;
/** What `prepareCreateCell` throws. */
export type PrepareCreateCellErrorType = ConcordErrorType;

/** Parameters of `prepareAddMember`. */
export type PrepareAddMemberParameters = ActionParameters<CellActionTable["prepareAddMember"]>;
/** What `prepareAddMember` resolves to. */
export type PrepareAddMemberReturnType = ActionReturnType<CellActionTable["prepareAddMember"]>;
/** What `prepareAddMember` throws. */
export type PrepareAddMemberErrorType = ConcordErrorType;

/** Parameters of `prepareAddMembers`. */
export type PrepareAddMembersParameters = ActionParameters<CellActionTable["prepareAddMembers"]>;
/** What `prepareAddMembers` resolves to. */
export type PrepareAddMembersReturnType = ActionReturnType<CellActionTable["prepareAddMembers"]>;
/** What `prepareAddMembers` throws. */
export type PrepareAddMembersErrorType = ConcordErrorType;

/** Parameters of `prepareSetRoles`. */
export type PrepareSetRolesParameters = ActionParameters<CellActionTable["prepareSetRoles"]>;
/** What `prepareSetRoles` resolves to. */
export type PrepareSetRolesReturnType = ActionReturnType<CellActionTable["prepareSetRoles"]>;
/** What `prepareSetRoles` throws. */
export type PrepareSetRolesErrorType = ConcordErrorType;

/** Parameters of `prepareRemoveMember`. */
export type PrepareRemoveMemberParameters = ActionParameters<CellActionTable["prepareRemoveMember"]>;
/** What `prepareRemoveMember` resolves to. */
export type PrepareRemoveMemberReturnType = ActionReturnType<CellActionTable["prepareRemoveMember"]>;
/** What `prepareRemoveMember` throws. */
export type PrepareRemoveMemberErrorType = ConcordErrorType;

/** Parameters of `prepareRequestToJoin`. */
export type PrepareRequestToJoinParameters = ActionParameters<CellActionTable["prepareRequestToJoin"]>;
/** What `prepareRequestToJoin` resolves to. */
export type PrepareRequestToJoinReturnType = ActionReturnType<CellActionTable["prepareRequestToJoin"]>;
/** What `prepareRequestToJoin` throws. */
export type PrepareRequestToJoinErrorType = ConcordErrorType;

/** Parameters of `prepareCancelJoinRequest`. */
export type PrepareCancelJoinRequestParameters = ActionParameters<
  CellActionTable["prepareCancelJoinRequest"]
>;
/** What `prepareCancelJoinRequest` resolves to. */
export type PrepareCancelJoinRequestReturnType = ActionReturnType<
  CellActionTable["prepareCancelJoinRequest"]
>;
/** What `prepareCancelJoinRequest` throws. */
export type PrepareCancelJoinRequestErrorType = ConcordErrorType;

/** Parameters of `prepareApproveJoin`. */
export type PrepareApproveJoinParameters = ActionParameters<CellActionTable["prepareApproveJoin"]>;
/** What `prepareApproveJoin` resolves to. */
export type PrepareApproveJoinReturnType = ActionReturnType<CellActionTable["prepareApproveJoin"]>;
/** What `prepareApproveJoin` throws. */
export type PrepareApproveJoinErrorType = ConcordErrorType;

/** Parameters of `prepareRejectJoin`. */
export type PrepareRejectJoinParameters = ActionParameters<CellActionTable["prepareRejectJoin"]>;
/** What `prepareRejectJoin` resolves to. */
export type PrepareRejectJoinReturnType = ActionReturnType<CellActionTable["prepareRejectJoin"]>;
/** What `prepareRejectJoin` throws. */
export type PrepareRejectJoinErrorType = ConcordErrorType;

/** Parameters of `prepareLeaveCell`. */
export type PrepareLeaveCellParameters = ActionParameters<CellActionTable["prepareLeaveCell"]>;
/** What `prepareLeaveCell` resolves to. */
export type PrepareLeaveCellReturnType = ActionReturnType<CellActionTable["prepareLeaveCell"]>;
/** What `prepareLeaveCell` throws. */
export type PrepareLeaveCellErrorType = ConcordErrorType;

/** Parameters of `prepareSetPhase`. */
export type PrepareSetPhaseParameters = ActionParameters<CellActionTable["prepareSetPhase"]>;
/** What `prepareSetPhase` resolves to. */
export type PrepareSetPhaseReturnType = ActionReturnType<CellActionTable["prepareSetPhase"]>;
/** What `prepareSetPhase` throws. */
export type PrepareSetPhaseErrorType = ConcordErrorType;

/** Parameters of `prepareUpdateNucleus`. */
export type PrepareUpdateNucleusParameters = ActionParameters<CellActionTable["prepareUpdateNucleus"]>;
/** What `prepareUpdateNucleus` resolves to. */
export type PrepareUpdateNucleusReturnType = ActionReturnType<CellActionTable["prepareUpdateNucleus"]>;
/** What `prepareUpdateNucleus` throws. */
export type PrepareUpdateNucleusErrorType = ConcordErrorType;

/** Parameters of `prepareDeclareState`. */
export type PrepareDeclareStateParameters = ActionParameters<CellActionTable["prepareDeclareState"]>;
/** What `prepareDeclareState` resolves to. */
export type PrepareDeclareStateReturnType = ActionReturnType<CellActionTable["prepareDeclareState"]>;
/** What `prepareDeclareState` throws. */
export type PrepareDeclareStateErrorType = ConcordErrorType;

/** Parameters of `prepareSignalIntent`. */
export type PrepareSignalIntentParameters = ActionParameters<CellActionTable["prepareSignalIntent"]>;
/** What `prepareSignalIntent` resolves to. */
export type PrepareSignalIntentReturnType = ActionReturnType<CellActionTable["prepareSignalIntent"]>;
/** What `prepareSignalIntent` throws. */
export type PrepareSignalIntentErrorType = ConcordErrorType;

/** Parameters of `prepareSetDecisionOwner`. */
export type PrepareSetDecisionOwnerParameters = ActionParameters<CellActionTable["prepareSetDecisionOwner"]>;
/** What `prepareSetDecisionOwner` resolves to. */
export type PrepareSetDecisionOwnerReturnType = ActionReturnType<CellActionTable["prepareSetDecisionOwner"]>;
/** What `prepareSetDecisionOwner` throws. */
export type PrepareSetDecisionOwnerErrorType = ConcordErrorType;

/** Parameters of `prepareSetRecognised`. */
export type PrepareSetRecognisedParameters = ActionParameters<CellActionTable["prepareSetRecognised"]>;
/** What `prepareSetRecognised` resolves to. */
export type PrepareSetRecognisedReturnType = ActionReturnType<CellActionTable["prepareSetRecognised"]>;
/** What `prepareSetRecognised` throws. */
export type PrepareSetRecognisedErrorType = ConcordErrorType;

/** Parameters of `prepareTransferGovernance`. */
export type PrepareTransferGovernanceParameters = ActionParameters<
  CellActionTable["prepareTransferGovernance"]
>;
/** What `prepareTransferGovernance` resolves to. */
export type PrepareTransferGovernanceReturnType = ActionReturnType<
  CellActionTable["prepareTransferGovernance"]
>;
/** What `prepareTransferGovernance` throws. */
export type PrepareTransferGovernanceErrorType = ConcordErrorType;
