/**
 * The types of every cells action, as viem's actions export them: `XParameters` (what the action takes
 * after the client), `XReturnType` (what it resolves to) and `XErrorType` (what it throws: a `ConcordError`).
 * Derived from the actions of `actions.ts` by `ParametersOf` and `ReturnTypeOf`, so they cannot drift; where a
 * hand-written `XParameters` (or `XReturnType`) sits beside the action, this file leaves that name to it.
 */
import type { ConcordErrorType } from "../errors.ts";
import type { ActionParameters, ActionReturnType } from "../internal/bind.ts";
import type * as actions from "./actions.ts";

/** What the action `name` of `actions.ts` takes after the client (a write: with its sending options). */
type ParametersOf<name extends keyof typeof actions> = ActionParameters<(typeof actions)[name]>;
/** What the action `name` of `actions.ts` resolves to (a write: the full result it waits for by default). */
type ReturnTypeOf<name extends keyof typeof actions> = ActionReturnType<(typeof actions)[name]>;

export type RolesOfParameters = ParametersOf<"rolesOf">;
export type RolesOfReturnType = ReturnTypeOf<"rolesOf">;
export type RolesOfErrorType = ConcordErrorType;

export type MemberCountParameters = ParametersOf<"memberCount">;
export type MemberCountReturnType = ReturnTypeOf<"memberCount">;
export type MemberCountErrorType = ConcordErrorType;

export type ParentOfParameters = ParametersOf<"parentOf">;
export type ParentOfReturnType = ReturnTypeOf<"parentOf">;
export type ParentOfErrorType = ConcordErrorType;

export type PhaseOfParameters = ParametersOf<"phaseOf">;
export type PhaseOfReturnType = ReturnTypeOf<"phaseOf">;
export type PhaseOfErrorType = ConcordErrorType;

export type ScaleOfParameters = ParametersOf<"scaleOf">;
export type ScaleOfReturnType = ReturnTypeOf<"scaleOf">;
export type ScaleOfErrorType = ConcordErrorType;

export type DepthOfParameters = ParametersOf<"depthOf">;
export type DepthOfReturnType = ReturnTypeOf<"depthOf">;
export type DepthOfErrorType = ConcordErrorType;

export type NucleusHashOfParameters = ParametersOf<"nucleusHashOf">;
export type NucleusHashOfReturnType = ReturnTypeOf<"nucleusHashOf">;
export type NucleusHashOfErrorType = ConcordErrorType;

export type GetCellInfoParameters = ParametersOf<"getCellInfo">;
export type GetCellInfoReturnType = ReturnTypeOf<"getCellInfo">;
export type GetCellInfoErrorType = ConcordErrorType;

export type CellCountParameters = ParametersOf<"cellCount">;
export type CellCountReturnType = ReturnTypeOf<"cellCount">;
export type CellCountErrorType = ConcordErrorType;

export type CellExistsParameters = ParametersOf<"cellExists">;
export type CellExistsReturnType = ReturnTypeOf<"cellExists">;
export type CellExistsErrorType = ConcordErrorType;

export type IsMemberParameters = ParametersOf<"isMember">;
export type IsMemberReturnType = ReturnTypeOf<"isMember">;
export type IsMemberErrorType = ConcordErrorType;

export type IsStewardParameters = ParametersOf<"isSteward">;
export type IsStewardReturnType = ReturnTypeOf<"isSteward">;
export type IsStewardErrorType = ConcordErrorType;

export type JoinRequestedAtParameters = ParametersOf<"joinRequestedAt">;
export type JoinRequestedAtReturnType = ReturnTypeOf<"joinRequestedAt">;
export type JoinRequestedAtErrorType = ConcordErrorType;

export type StateOfParameters = ParametersOf<"stateOf">;
export type StateOfReturnType = ReturnTypeOf<"stateOf">;
export type StateOfErrorType = ConcordErrorType;

export type DecisionOwnerParameters = ParametersOf<"decisionOwner">;
export type DecisionOwnerReturnType = ReturnTypeOf<"decisionOwner">;
export type DecisionOwnerErrorType = ConcordErrorType;

export type LocalDecisionOwnerParameters = ParametersOf<"localDecisionOwner">;
export type LocalDecisionOwnerReturnType = ReturnTypeOf<"localDecisionOwner">;
export type LocalDecisionOwnerErrorType = ConcordErrorType;

export type CellRegistryGovernanceParameters = ParametersOf<"cellRegistryGovernance">;
export type CellRegistryGovernanceReturnType = ReturnTypeOf<"cellRegistryGovernance">;
export type CellRegistryGovernanceErrorType = ConcordErrorType;

export type IsRecognisedParameters = ParametersOf<"isRecognised">;
export type IsRecognisedReturnType = ReturnTypeOf<"isRecognised">;
export type IsRecognisedErrorType = ConcordErrorType;

export type IsRecognisedAtParameters = ParametersOf<"isRecognisedAt">;
export type IsRecognisedAtReturnType = ReturnTypeOf<"isRecognisedAt">;
export type IsRecognisedAtErrorType = ConcordErrorType;

export type RecognisedCountParameters = ParametersOf<"recognisedCount">;
export type RecognisedCountReturnType = ReturnTypeOf<"recognisedCount">;
export type RecognisedCountErrorType = ConcordErrorType;

export type RecognisedCountAtParameters = ParametersOf<"recognisedCountAt">;
export type RecognisedCountAtReturnType = ReturnTypeOf<"recognisedCountAt">;
export type RecognisedCountAtErrorType = ConcordErrorType;

export type DelegateOfParameters = ParametersOf<"delegateOf">;
export type DelegateOfReturnType = ReturnTypeOf<"delegateOf">;
export type DelegateOfErrorType = ConcordErrorType;

export type DelegateAtParameters = ParametersOf<"delegateAt">;
export type DelegateAtReturnType = ReturnTypeOf<"delegateAt">;
export type DelegateAtErrorType = ConcordErrorType;

export type CellRegistryClockParameters = ParametersOf<"cellRegistryClock">;
export type CellRegistryClockReturnType = ReturnTypeOf<"cellRegistryClock">;
export type CellRegistryClockErrorType = ConcordErrorType;

export type GetCellParameters = ParametersOf<"getCell">;
export type GetCellReturnType = ReturnTypeOf<"getCell">;
export type GetCellErrorType = ConcordErrorType;

export type GetCellsParameters = ParametersOf<"getCells">;
export type GetCellsReturnType = ReturnTypeOf<"getCells">;
export type GetCellsErrorType = ConcordErrorType;

export type DecisionPathParameters = ParametersOf<"decisionPath">;
export type DecisionPathReturnType = ReturnTypeOf<"decisionPath">;
export type DecisionPathErrorType = ConcordErrorType;

export type ListCellsParameters = ParametersOf<"listCells">;
export type ListCellsReturnType = ReturnTypeOf<"listCells">;
export type ListCellsErrorType = ConcordErrorType;

export type GetDirectoryReturnType = ReturnTypeOf<"getDirectory">;
export type GetDirectoryErrorType = ConcordErrorType;

export type GetMembersParameters = ParametersOf<"getMembers">;
export type GetMembersReturnType = ReturnTypeOf<"getMembers">;
export type GetMembersErrorType = ConcordErrorType;

export type GetJoinRequestsParameters = ParametersOf<"getJoinRequests">;
export type GetJoinRequestsReturnType = ReturnTypeOf<"getJoinRequests">;
export type GetJoinRequestsErrorType = ConcordErrorType;

export type GetActivityParameters = ParametersOf<"getActivity">;
export type GetActivityReturnType = ReturnTypeOf<"getActivity">;
export type GetActivityErrorType = ConcordErrorType;

export type CreateCellReturnType = ReturnTypeOf<"createCell">;
export type CreateCellErrorType = ConcordErrorType;

export type AddMemberReturnType = ReturnTypeOf<"addMember">;
export type AddMemberErrorType = ConcordErrorType;

export type AddMembersReturnType = ReturnTypeOf<"addMembers">;
export type AddMembersErrorType = ConcordErrorType;

export type SetRolesReturnType = ReturnTypeOf<"setRoles">;
export type SetRolesErrorType = ConcordErrorType;

export type RemoveMemberReturnType = ReturnTypeOf<"removeMember">;
export type RemoveMemberErrorType = ConcordErrorType;

export type RequestToJoinParameters = ParametersOf<"requestToJoin">;
export type RequestToJoinReturnType = ReturnTypeOf<"requestToJoin">;
export type RequestToJoinErrorType = ConcordErrorType;

export type CancelJoinRequestParameters = ParametersOf<"cancelJoinRequest">;
export type CancelJoinRequestReturnType = ReturnTypeOf<"cancelJoinRequest">;
export type CancelJoinRequestErrorType = ConcordErrorType;

export type ApproveJoinParameters = ParametersOf<"approveJoin">;
export type ApproveJoinReturnType = ReturnTypeOf<"approveJoin">;
export type ApproveJoinErrorType = ConcordErrorType;

export type RejectJoinParameters = ParametersOf<"rejectJoin">;
export type RejectJoinReturnType = ReturnTypeOf<"rejectJoin">;
export type RejectJoinErrorType = ConcordErrorType;

export type LeaveCellParameters = ParametersOf<"leaveCell">;
export type LeaveCellReturnType = ReturnTypeOf<"leaveCell">;
export type LeaveCellErrorType = ConcordErrorType;

export type SetPhaseReturnType = ReturnTypeOf<"setPhase">;
export type SetPhaseErrorType = ConcordErrorType;

export type UpdateNucleusReturnType = ReturnTypeOf<"updateNucleus">;
export type UpdateNucleusErrorType = ConcordErrorType;

export type DeclareStateReturnType = ReturnTypeOf<"declareState">;
export type DeclareStateErrorType = ConcordErrorType;

export type SignalIntentReturnType = ReturnTypeOf<"signalIntent">;
export type SignalIntentErrorType = ConcordErrorType;

export type SetDecisionOwnerReturnType = ReturnTypeOf<"setDecisionOwner">;
export type SetDecisionOwnerErrorType = ConcordErrorType;

export type SetRecognisedReturnType = ReturnTypeOf<"setRecognised">;
export type SetRecognisedErrorType = ConcordErrorType;

export type TransferGovernanceReturnType = ReturnTypeOf<"transferGovernance">;
export type TransferGovernanceErrorType = ConcordErrorType;

export type PrepareCreateCellParameters = ParametersOf<"prepareCreateCell">;
export type PrepareCreateCellReturnType = ReturnTypeOf<"prepareCreateCell">;
export type PrepareCreateCellErrorType = ConcordErrorType;

export type PrepareAddMemberParameters = ParametersOf<"prepareAddMember">;
export type PrepareAddMemberReturnType = ReturnTypeOf<"prepareAddMember">;
export type PrepareAddMemberErrorType = ConcordErrorType;

export type PrepareAddMembersParameters = ParametersOf<"prepareAddMembers">;
export type PrepareAddMembersReturnType = ReturnTypeOf<"prepareAddMembers">;
export type PrepareAddMembersErrorType = ConcordErrorType;

export type PrepareSetRolesParameters = ParametersOf<"prepareSetRoles">;
export type PrepareSetRolesReturnType = ReturnTypeOf<"prepareSetRoles">;
export type PrepareSetRolesErrorType = ConcordErrorType;

export type PrepareRemoveMemberParameters = ParametersOf<"prepareRemoveMember">;
export type PrepareRemoveMemberReturnType = ReturnTypeOf<"prepareRemoveMember">;
export type PrepareRemoveMemberErrorType = ConcordErrorType;

export type PrepareRequestToJoinParameters = ParametersOf<"prepareRequestToJoin">;
export type PrepareRequestToJoinReturnType = ReturnTypeOf<"prepareRequestToJoin">;
export type PrepareRequestToJoinErrorType = ConcordErrorType;

export type PrepareCancelJoinRequestParameters = ParametersOf<"prepareCancelJoinRequest">;
export type PrepareCancelJoinRequestReturnType = ReturnTypeOf<"prepareCancelJoinRequest">;
export type PrepareCancelJoinRequestErrorType = ConcordErrorType;

export type PrepareApproveJoinParameters = ParametersOf<"prepareApproveJoin">;
export type PrepareApproveJoinReturnType = ReturnTypeOf<"prepareApproveJoin">;
export type PrepareApproveJoinErrorType = ConcordErrorType;

export type PrepareRejectJoinParameters = ParametersOf<"prepareRejectJoin">;
export type PrepareRejectJoinReturnType = ReturnTypeOf<"prepareRejectJoin">;
export type PrepareRejectJoinErrorType = ConcordErrorType;

export type PrepareLeaveCellParameters = ParametersOf<"prepareLeaveCell">;
export type PrepareLeaveCellReturnType = ReturnTypeOf<"prepareLeaveCell">;
export type PrepareLeaveCellErrorType = ConcordErrorType;

export type PrepareSetPhaseParameters = ParametersOf<"prepareSetPhase">;
export type PrepareSetPhaseReturnType = ReturnTypeOf<"prepareSetPhase">;
export type PrepareSetPhaseErrorType = ConcordErrorType;

export type PrepareUpdateNucleusParameters = ParametersOf<"prepareUpdateNucleus">;
export type PrepareUpdateNucleusReturnType = ReturnTypeOf<"prepareUpdateNucleus">;
export type PrepareUpdateNucleusErrorType = ConcordErrorType;

export type PrepareDeclareStateParameters = ParametersOf<"prepareDeclareState">;
export type PrepareDeclareStateReturnType = ReturnTypeOf<"prepareDeclareState">;
export type PrepareDeclareStateErrorType = ConcordErrorType;

export type PrepareSignalIntentParameters = ParametersOf<"prepareSignalIntent">;
export type PrepareSignalIntentReturnType = ReturnTypeOf<"prepareSignalIntent">;
export type PrepareSignalIntentErrorType = ConcordErrorType;

export type PrepareSetDecisionOwnerParameters = ParametersOf<"prepareSetDecisionOwner">;
export type PrepareSetDecisionOwnerReturnType = ReturnTypeOf<"prepareSetDecisionOwner">;
export type PrepareSetDecisionOwnerErrorType = ConcordErrorType;

export type PrepareSetRecognisedParameters = ParametersOf<"prepareSetRecognised">;
export type PrepareSetRecognisedReturnType = ReturnTypeOf<"prepareSetRecognised">;
export type PrepareSetRecognisedErrorType = ConcordErrorType;

export type PrepareTransferGovernanceParameters = ParametersOf<"prepareTransferGovernance">;
export type PrepareTransferGovernanceReturnType = ReturnTypeOf<"prepareTransferGovernance">;
export type PrepareTransferGovernanceErrorType = ConcordErrorType;
