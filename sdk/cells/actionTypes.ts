/**
 * The types of every cells action, as viem's actions export them: `XParameters` (what the action takes after
 * the client), `XReturnType` (what it resolves to) and `XErrorType` (what it throws: a `ConcordError`).
 * Derived from the actions of `actions.ts` by `ActionParameters` and `ActionReturnType`, so they cannot
 * drift; where a hand-written `XParameters` (or `XReturnType`) sits beside the action, this file leaves that
 * name to it.
 */
import type { ConcordErrorType } from "../errors.ts";
import type { ActionParameters, ActionReturnType } from "../internal/bind.ts";
import type * as actions from "./actions.ts";

export type RolesOfParameters = ActionParameters<typeof actions.rolesOf>;
export type RolesOfReturnType = ActionReturnType<typeof actions.rolesOf>;
export type RolesOfErrorType = ConcordErrorType;

export type MemberCountParameters = ActionParameters<typeof actions.memberCount>;
export type MemberCountReturnType = ActionReturnType<typeof actions.memberCount>;
export type MemberCountErrorType = ConcordErrorType;

export type ParentOfParameters = ActionParameters<typeof actions.parentOf>;
export type ParentOfReturnType = ActionReturnType<typeof actions.parentOf>;
export type ParentOfErrorType = ConcordErrorType;

export type PhaseOfParameters = ActionParameters<typeof actions.phaseOf>;
export type PhaseOfReturnType = ActionReturnType<typeof actions.phaseOf>;
export type PhaseOfErrorType = ConcordErrorType;

export type ScaleOfParameters = ActionParameters<typeof actions.scaleOf>;
export type ScaleOfReturnType = ActionReturnType<typeof actions.scaleOf>;
export type ScaleOfErrorType = ConcordErrorType;

export type DepthOfParameters = ActionParameters<typeof actions.depthOf>;
export type DepthOfReturnType = ActionReturnType<typeof actions.depthOf>;
export type DepthOfErrorType = ConcordErrorType;

export type NucleusHashOfParameters = ActionParameters<typeof actions.nucleusHashOf>;
export type NucleusHashOfReturnType = ActionReturnType<typeof actions.nucleusHashOf>;
export type NucleusHashOfErrorType = ConcordErrorType;

export type GetCellInfoParameters = ActionParameters<typeof actions.getCellInfo>;
export type GetCellInfoReturnType = ActionReturnType<typeof actions.getCellInfo>;
export type GetCellInfoErrorType = ConcordErrorType;

export type CellCountParameters = ActionParameters<typeof actions.cellCount>;
export type CellCountReturnType = ActionReturnType<typeof actions.cellCount>;
export type CellCountErrorType = ConcordErrorType;

export type CellExistsParameters = ActionParameters<typeof actions.cellExists>;
export type CellExistsReturnType = ActionReturnType<typeof actions.cellExists>;
export type CellExistsErrorType = ConcordErrorType;

export type IsMemberParameters = ActionParameters<typeof actions.isMember>;
export type IsMemberReturnType = ActionReturnType<typeof actions.isMember>;
export type IsMemberErrorType = ConcordErrorType;

export type IsStewardParameters = ActionParameters<typeof actions.isSteward>;
export type IsStewardReturnType = ActionReturnType<typeof actions.isSteward>;
export type IsStewardErrorType = ConcordErrorType;

export type JoinRequestedAtParameters = ActionParameters<typeof actions.joinRequestedAt>;
export type JoinRequestedAtReturnType = ActionReturnType<typeof actions.joinRequestedAt>;
export type JoinRequestedAtErrorType = ConcordErrorType;

export type StateOfParameters = ActionParameters<typeof actions.stateOf>;
export type StateOfReturnType = ActionReturnType<typeof actions.stateOf>;
export type StateOfErrorType = ConcordErrorType;

export type DecisionOwnerParameters = ActionParameters<typeof actions.decisionOwner>;
export type DecisionOwnerReturnType = ActionReturnType<typeof actions.decisionOwner>;
export type DecisionOwnerErrorType = ConcordErrorType;

export type LocalDecisionOwnerParameters = ActionParameters<typeof actions.localDecisionOwner>;
export type LocalDecisionOwnerReturnType = ActionReturnType<typeof actions.localDecisionOwner>;
export type LocalDecisionOwnerErrorType = ConcordErrorType;

export type CellRegistryGovernanceParameters = ActionParameters<typeof actions.cellRegistryGovernance>;
export type CellRegistryGovernanceReturnType = ActionReturnType<typeof actions.cellRegistryGovernance>;
export type CellRegistryGovernanceErrorType = ConcordErrorType;

export type IsRecognisedParameters = ActionParameters<typeof actions.isRecognised>;
export type IsRecognisedReturnType = ActionReturnType<typeof actions.isRecognised>;
export type IsRecognisedErrorType = ConcordErrorType;

export type IsRecognisedAtParameters = ActionParameters<typeof actions.isRecognisedAt>;
export type IsRecognisedAtReturnType = ActionReturnType<typeof actions.isRecognisedAt>;
export type IsRecognisedAtErrorType = ConcordErrorType;

export type RecognisedCountParameters = ActionParameters<typeof actions.recognisedCount>;
export type RecognisedCountReturnType = ActionReturnType<typeof actions.recognisedCount>;
export type RecognisedCountErrorType = ConcordErrorType;

export type RecognisedCountAtParameters = ActionParameters<typeof actions.recognisedCountAt>;
export type RecognisedCountAtReturnType = ActionReturnType<typeof actions.recognisedCountAt>;
export type RecognisedCountAtErrorType = ConcordErrorType;

export type DelegateOfParameters = ActionParameters<typeof actions.delegateOf>;
export type DelegateOfReturnType = ActionReturnType<typeof actions.delegateOf>;
export type DelegateOfErrorType = ConcordErrorType;

export type DelegateAtParameters = ActionParameters<typeof actions.delegateAt>;
export type DelegateAtReturnType = ActionReturnType<typeof actions.delegateAt>;
export type DelegateAtErrorType = ConcordErrorType;

export type CellRegistryClockParameters = ActionParameters<typeof actions.cellRegistryClock>;
export type CellRegistryClockReturnType = ActionReturnType<typeof actions.cellRegistryClock>;
export type CellRegistryClockErrorType = ConcordErrorType;

export type GetCellParameters = ActionParameters<typeof actions.getCell>;
export type GetCellReturnType = ActionReturnType<typeof actions.getCell>;
export type GetCellErrorType = ConcordErrorType;

export type GetCellsParameters = ActionParameters<typeof actions.getCells>;
export type GetCellsReturnType = ActionReturnType<typeof actions.getCells>;
export type GetCellsErrorType = ConcordErrorType;

export type DecisionPathParameters = ActionParameters<typeof actions.decisionPath>;
export type DecisionPathReturnType = ActionReturnType<typeof actions.decisionPath>;
export type DecisionPathErrorType = ConcordErrorType;

export type ListCellsParameters = ActionParameters<typeof actions.listCells>;
export type ListCellsReturnType = ActionReturnType<typeof actions.listCells>;
export type ListCellsErrorType = ConcordErrorType;

export type GetDirectoryReturnType = ActionReturnType<typeof actions.getDirectory>;
export type GetDirectoryErrorType = ConcordErrorType;

export type GetMembersParameters = ActionParameters<typeof actions.getMembers>;
export type GetMembersReturnType = ActionReturnType<typeof actions.getMembers>;
export type GetMembersErrorType = ConcordErrorType;

export type GetJoinRequestsParameters = ActionParameters<typeof actions.getJoinRequests>;
export type GetJoinRequestsReturnType = ActionReturnType<typeof actions.getJoinRequests>;
export type GetJoinRequestsErrorType = ConcordErrorType;

export type GetActivityParameters = ActionParameters<typeof actions.getActivity>;
export type GetActivityReturnType = ActionReturnType<typeof actions.getActivity>;
export type GetActivityErrorType = ConcordErrorType;

export type CreateCellReturnType = ActionReturnType<typeof actions.createCell>;
export type CreateCellErrorType = ConcordErrorType;

export type AddMemberReturnType = ActionReturnType<typeof actions.addMember>;
export type AddMemberErrorType = ConcordErrorType;

export type AddMembersReturnType = ActionReturnType<typeof actions.addMembers>;
export type AddMembersErrorType = ConcordErrorType;

export type SetRolesReturnType = ActionReturnType<typeof actions.setRoles>;
export type SetRolesErrorType = ConcordErrorType;

export type RemoveMemberReturnType = ActionReturnType<typeof actions.removeMember>;
export type RemoveMemberErrorType = ConcordErrorType;

export type RequestToJoinParameters = ActionParameters<typeof actions.requestToJoin>;
export type RequestToJoinReturnType = ActionReturnType<typeof actions.requestToJoin>;
export type RequestToJoinErrorType = ConcordErrorType;

export type CancelJoinRequestParameters = ActionParameters<typeof actions.cancelJoinRequest>;
export type CancelJoinRequestReturnType = ActionReturnType<typeof actions.cancelJoinRequest>;
export type CancelJoinRequestErrorType = ConcordErrorType;

export type ApproveJoinParameters = ActionParameters<typeof actions.approveJoin>;
export type ApproveJoinReturnType = ActionReturnType<typeof actions.approveJoin>;
export type ApproveJoinErrorType = ConcordErrorType;

export type RejectJoinParameters = ActionParameters<typeof actions.rejectJoin>;
export type RejectJoinReturnType = ActionReturnType<typeof actions.rejectJoin>;
export type RejectJoinErrorType = ConcordErrorType;

export type LeaveCellParameters = ActionParameters<typeof actions.leaveCell>;
export type LeaveCellReturnType = ActionReturnType<typeof actions.leaveCell>;
export type LeaveCellErrorType = ConcordErrorType;

export type SetPhaseReturnType = ActionReturnType<typeof actions.setPhase>;
export type SetPhaseErrorType = ConcordErrorType;

export type UpdateNucleusReturnType = ActionReturnType<typeof actions.updateNucleus>;
export type UpdateNucleusErrorType = ConcordErrorType;

export type DeclareStateReturnType = ActionReturnType<typeof actions.declareState>;
export type DeclareStateErrorType = ConcordErrorType;

export type SignalIntentReturnType = ActionReturnType<typeof actions.signalIntent>;
export type SignalIntentErrorType = ConcordErrorType;

export type SetDecisionOwnerReturnType = ActionReturnType<typeof actions.setDecisionOwner>;
export type SetDecisionOwnerErrorType = ConcordErrorType;

export type SetRecognisedReturnType = ActionReturnType<typeof actions.setRecognised>;
export type SetRecognisedErrorType = ConcordErrorType;

export type TransferGovernanceReturnType = ActionReturnType<typeof actions.transferGovernance>;
export type TransferGovernanceErrorType = ConcordErrorType;

export type PrepareCreateCellParameters = ActionParameters<typeof actions.prepareCreateCell>;
export type PrepareCreateCellReturnType = ActionReturnType<typeof actions.prepareCreateCell>;
export type PrepareCreateCellErrorType = ConcordErrorType;

export type PrepareAddMemberParameters = ActionParameters<typeof actions.prepareAddMember>;
export type PrepareAddMemberReturnType = ActionReturnType<typeof actions.prepareAddMember>;
export type PrepareAddMemberErrorType = ConcordErrorType;

export type PrepareAddMembersParameters = ActionParameters<typeof actions.prepareAddMembers>;
export type PrepareAddMembersReturnType = ActionReturnType<typeof actions.prepareAddMembers>;
export type PrepareAddMembersErrorType = ConcordErrorType;

export type PrepareSetRolesParameters = ActionParameters<typeof actions.prepareSetRoles>;
export type PrepareSetRolesReturnType = ActionReturnType<typeof actions.prepareSetRoles>;
export type PrepareSetRolesErrorType = ConcordErrorType;

export type PrepareRemoveMemberParameters = ActionParameters<typeof actions.prepareRemoveMember>;
export type PrepareRemoveMemberReturnType = ActionReturnType<typeof actions.prepareRemoveMember>;
export type PrepareRemoveMemberErrorType = ConcordErrorType;

export type PrepareRequestToJoinParameters = ActionParameters<typeof actions.prepareRequestToJoin>;
export type PrepareRequestToJoinReturnType = ActionReturnType<typeof actions.prepareRequestToJoin>;
export type PrepareRequestToJoinErrorType = ConcordErrorType;

export type PrepareCancelJoinRequestParameters = ActionParameters<typeof actions.prepareCancelJoinRequest>;
export type PrepareCancelJoinRequestReturnType = ActionReturnType<typeof actions.prepareCancelJoinRequest>;
export type PrepareCancelJoinRequestErrorType = ConcordErrorType;

export type PrepareApproveJoinParameters = ActionParameters<typeof actions.prepareApproveJoin>;
export type PrepareApproveJoinReturnType = ActionReturnType<typeof actions.prepareApproveJoin>;
export type PrepareApproveJoinErrorType = ConcordErrorType;

export type PrepareRejectJoinParameters = ActionParameters<typeof actions.prepareRejectJoin>;
export type PrepareRejectJoinReturnType = ActionReturnType<typeof actions.prepareRejectJoin>;
export type PrepareRejectJoinErrorType = ConcordErrorType;

export type PrepareLeaveCellParameters = ActionParameters<typeof actions.prepareLeaveCell>;
export type PrepareLeaveCellReturnType = ActionReturnType<typeof actions.prepareLeaveCell>;
export type PrepareLeaveCellErrorType = ConcordErrorType;

export type PrepareSetPhaseParameters = ActionParameters<typeof actions.prepareSetPhase>;
export type PrepareSetPhaseReturnType = ActionReturnType<typeof actions.prepareSetPhase>;
export type PrepareSetPhaseErrorType = ConcordErrorType;

export type PrepareUpdateNucleusParameters = ActionParameters<typeof actions.prepareUpdateNucleus>;
export type PrepareUpdateNucleusReturnType = ActionReturnType<typeof actions.prepareUpdateNucleus>;
export type PrepareUpdateNucleusErrorType = ConcordErrorType;

export type PrepareDeclareStateParameters = ActionParameters<typeof actions.prepareDeclareState>;
export type PrepareDeclareStateReturnType = ActionReturnType<typeof actions.prepareDeclareState>;
export type PrepareDeclareStateErrorType = ConcordErrorType;

export type PrepareSignalIntentParameters = ActionParameters<typeof actions.prepareSignalIntent>;
export type PrepareSignalIntentReturnType = ActionReturnType<typeof actions.prepareSignalIntent>;
export type PrepareSignalIntentErrorType = ConcordErrorType;

export type PrepareSetDecisionOwnerParameters = ActionParameters<typeof actions.prepareSetDecisionOwner>;
export type PrepareSetDecisionOwnerReturnType = ActionReturnType<typeof actions.prepareSetDecisionOwner>;
export type PrepareSetDecisionOwnerErrorType = ConcordErrorType;

export type PrepareSetRecognisedParameters = ActionParameters<typeof actions.prepareSetRecognised>;
export type PrepareSetRecognisedReturnType = ActionReturnType<typeof actions.prepareSetRecognised>;
export type PrepareSetRecognisedErrorType = ConcordErrorType;

export type PrepareTransferGovernanceParameters = ActionParameters<typeof actions.prepareTransferGovernance>;
export type PrepareTransferGovernanceReturnType = ActionReturnType<typeof actions.prepareTransferGovernance>;
export type PrepareTransferGovernanceErrorType = ConcordErrorType;
