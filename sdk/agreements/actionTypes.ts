/**
 * The types of every agreements action, as viem's actions export them: `XParameters` (what the action takes
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

export type AgreementStatusOfParameters = ParametersOf<"agreementStatusOf">;
export type AgreementStatusOfReturnType = ReturnTypeOf<"agreementStatusOf">;
export type AgreementStatusOfErrorType = ConcordErrorType;

export type GetAgreementInfoParameters = ParametersOf<"getAgreementInfo">;
export type GetAgreementInfoReturnType = ReturnTypeOf<"getAgreementInfo">;
export type GetAgreementInfoErrorType = ConcordErrorType;

export type AgreementPartiesOfParameters = ParametersOf<"agreementPartiesOf">;
export type AgreementPartiesOfReturnType = ReturnTypeOf<"agreementPartiesOf">;
export type AgreementPartiesOfErrorType = ConcordErrorType;

export type IsAgreementPartyParameters = ParametersOf<"isAgreementParty">;
export type IsAgreementPartyReturnType = ReturnTypeOf<"isAgreementParty">;
export type IsAgreementPartyErrorType = ConcordErrorType;

export type IsAgreementCellPartyParameters = ParametersOf<"isAgreementCellParty">;
export type IsAgreementCellPartyReturnType = ReturnTypeOf<"isAgreementCellParty">;
export type IsAgreementCellPartyErrorType = ConcordErrorType;

export type HasAcknowledgedParameters = ParametersOf<"hasAcknowledged">;
export type HasAcknowledgedReturnType = ReturnTypeOf<"hasAcknowledged">;
export type HasAcknowledgedErrorType = ConcordErrorType;

export type HasAcknowledgedCellParameters = ParametersOf<"hasAcknowledgedCell">;
export type HasAcknowledgedCellReturnType = ReturnTypeOf<"hasAcknowledgedCell">;
export type HasAcknowledgedCellErrorType = ConcordErrorType;

export type AgreementCountParameters = ParametersOf<"agreementCount">;
export type AgreementCountReturnType = ReturnTypeOf<"agreementCount">;
export type AgreementCountErrorType = ConcordErrorType;

export type AgreementNoncesParameters = ParametersOf<"agreementNonces">;
export type AgreementNoncesReturnType = ReturnTypeOf<"agreementNonces">;
export type AgreementNoncesErrorType = ConcordErrorType;

export type AgreementsDomainSeparatorParameters = ParametersOf<"agreementsDomainSeparator">;
export type AgreementsDomainSeparatorReturnType = ReturnTypeOf<"agreementsDomainSeparator">;
export type AgreementsDomainSeparatorErrorType = ConcordErrorType;

export type AgreementsEip712DomainParameters = ParametersOf<"agreementsEip712Domain">;
export type AgreementsEip712DomainReturnType = ReturnTypeOf<"agreementsEip712Domain">;
export type AgreementsEip712DomainErrorType = ConcordErrorType;

export type AgreementsCellRegistryParameters = ParametersOf<"agreementsCellRegistry">;
export type AgreementsCellRegistryReturnType = ReturnTypeOf<"agreementsCellRegistry">;
export type AgreementsCellRegistryErrorType = ConcordErrorType;

export type GetAgreementParameters = ParametersOf<"getAgreement">;
export type GetAgreementReturnType = ReturnTypeOf<"getAgreement">;
export type GetAgreementErrorType = ConcordErrorType;

export type GetAgreementsParameters = ParametersOf<"getAgreements">;
export type GetAgreementsReturnType = ReturnTypeOf<"getAgreements">;
export type GetAgreementsErrorType = ConcordErrorType;

export type ListAgreementsReturnType = ReturnTypeOf<"listAgreements">;
export type ListAgreementsErrorType = ConcordErrorType;

export type AgreementTimelineParameters = ParametersOf<"agreementTimeline">;
export type AgreementTimelineReturnType = ReturnTypeOf<"agreementTimeline">;
export type AgreementTimelineErrorType = ConcordErrorType;

export type GetAcknowledgeTypedDataReturnType = ReturnTypeOf<"getAcknowledgeTypedData">;
export type GetAcknowledgeTypedDataErrorType = ConcordErrorType;

export type SignAcknowledgementReturnType = ReturnTypeOf<"signAcknowledgement">;
export type SignAcknowledgementErrorType = ConcordErrorType;

export type ProposeAgreementParameters = ParametersOf<"proposeAgreement">;
export type ProposeAgreementReturnType = ReturnTypeOf<"proposeAgreement">;
export type ProposeAgreementErrorType = ConcordErrorType;

export type AcknowledgeAgreementParameters = ParametersOf<"acknowledgeAgreement">;
export type AcknowledgeAgreementReturnType = ReturnTypeOf<"acknowledgeAgreement">;
export type AcknowledgeAgreementErrorType = ConcordErrorType;

export type AcknowledgeAgreementForCellParameters = ParametersOf<"acknowledgeAgreementForCell">;
export type AcknowledgeAgreementForCellReturnType = ReturnTypeOf<"acknowledgeAgreementForCell">;
export type AcknowledgeAgreementForCellErrorType = ConcordErrorType;

export type AcknowledgeAgreementsParameters = ParametersOf<"acknowledgeAgreements">;
export type AcknowledgeAgreementsReturnType = ReturnTypeOf<"acknowledgeAgreements">;
export type AcknowledgeAgreementsErrorType = ConcordErrorType;

export type AcknowledgeAgreementBySigParameters = ParametersOf<"acknowledgeAgreementBySig">;
export type AcknowledgeAgreementBySigReturnType = ReturnTypeOf<"acknowledgeAgreementBySig">;
export type AcknowledgeAgreementBySigErrorType = ConcordErrorType;

export type AcknowledgeAgreementForCellBySigParameters = ParametersOf<"acknowledgeAgreementForCellBySig">;
export type AcknowledgeAgreementForCellBySigReturnType = ReturnTypeOf<"acknowledgeAgreementForCellBySig">;
export type AcknowledgeAgreementForCellBySigErrorType = ConcordErrorType;

export type SubmitAgreementSignaturesParameters = ParametersOf<"submitAgreementSignatures">;
export type SubmitAgreementSignaturesReturnType = ReturnTypeOf<"submitAgreementSignatures">;
export type SubmitAgreementSignaturesErrorType = ConcordErrorType;

export type InvalidateAgreementNonceParameters = ParametersOf<"invalidateAgreementNonce">;
export type InvalidateAgreementNonceReturnType = ReturnTypeOf<"invalidateAgreementNonce">;
export type InvalidateAgreementNonceErrorType = ConcordErrorType;

export type DeclineAgreementParameters = ParametersOf<"declineAgreement">;
export type DeclineAgreementReturnType = ReturnTypeOf<"declineAgreement">;
export type DeclineAgreementErrorType = ConcordErrorType;

export type DeclineAgreementForCellParameters = ParametersOf<"declineAgreementForCell">;
export type DeclineAgreementForCellReturnType = ReturnTypeOf<"declineAgreementForCell">;
export type DeclineAgreementForCellErrorType = ConcordErrorType;

export type WithdrawAgreementParameters = ParametersOf<"withdrawAgreement">;
export type WithdrawAgreementReturnType = ReturnTypeOf<"withdrawAgreement">;
export type WithdrawAgreementErrorType = ConcordErrorType;

export type TerminateAgreementParameters = ParametersOf<"terminateAgreement">;
export type TerminateAgreementReturnType = ReturnTypeOf<"terminateAgreement">;
export type TerminateAgreementErrorType = ConcordErrorType;

export type TerminateAgreementForCellParameters = ParametersOf<"terminateAgreementForCell">;
export type TerminateAgreementForCellReturnType = ReturnTypeOf<"terminateAgreementForCell">;
export type TerminateAgreementForCellErrorType = ConcordErrorType;

export type AmendAgreementParameters = ParametersOf<"amendAgreement">;
export type AmendAgreementReturnType = ReturnTypeOf<"amendAgreement">;
export type AmendAgreementErrorType = ConcordErrorType;

export type AmendAgreementForCellParameters = ParametersOf<"amendAgreementForCell">;
export type AmendAgreementForCellReturnType = ReturnTypeOf<"amendAgreementForCell">;
export type AmendAgreementForCellErrorType = ConcordErrorType;

export type PrepareProposeAgreementParameters = ParametersOf<"prepareProposeAgreement">;
export type PrepareProposeAgreementReturnType = ReturnTypeOf<"prepareProposeAgreement">;
export type PrepareProposeAgreementErrorType = ConcordErrorType;

export type PrepareAmendAgreementParameters = ParametersOf<"prepareAmendAgreement">;
export type PrepareAmendAgreementReturnType = ReturnTypeOf<"prepareAmendAgreement">;
export type PrepareAmendAgreementErrorType = ConcordErrorType;

export type PrepareAmendAgreementForCellParameters = ParametersOf<"prepareAmendAgreementForCell">;
export type PrepareAmendAgreementForCellReturnType = ReturnTypeOf<"prepareAmendAgreementForCell">;
export type PrepareAmendAgreementForCellErrorType = ConcordErrorType;

export type PrepareAcknowledgeAgreementParameters = ParametersOf<"prepareAcknowledgeAgreement">;
export type PrepareAcknowledgeAgreementReturnType = ReturnTypeOf<"prepareAcknowledgeAgreement">;
export type PrepareAcknowledgeAgreementErrorType = ConcordErrorType;

export type PrepareAcknowledgeAgreementForCellParameters = ParametersOf<"prepareAcknowledgeAgreementForCell">;
export type PrepareAcknowledgeAgreementForCellReturnType = ReturnTypeOf<"prepareAcknowledgeAgreementForCell">;
export type PrepareAcknowledgeAgreementForCellErrorType = ConcordErrorType;

export type PrepareAcknowledgeAgreementsParameters = ParametersOf<"prepareAcknowledgeAgreements">;
export type PrepareAcknowledgeAgreementsReturnType = ReturnTypeOf<"prepareAcknowledgeAgreements">;
export type PrepareAcknowledgeAgreementsErrorType = ConcordErrorType;

export type PrepareAcknowledgeAgreementBySigParameters = ParametersOf<"prepareAcknowledgeAgreementBySig">;
export type PrepareAcknowledgeAgreementBySigReturnType = ReturnTypeOf<"prepareAcknowledgeAgreementBySig">;
export type PrepareAcknowledgeAgreementBySigErrorType = ConcordErrorType;

export type PrepareAcknowledgeAgreementForCellBySigParameters =
  ParametersOf<"prepareAcknowledgeAgreementForCellBySig">;
export type PrepareAcknowledgeAgreementForCellBySigReturnType =
  ReturnTypeOf<"prepareAcknowledgeAgreementForCellBySig">;
export type PrepareAcknowledgeAgreementForCellBySigErrorType = ConcordErrorType;

export type PrepareSubmitAgreementSignaturesParameters = ParametersOf<"prepareSubmitAgreementSignatures">;
export type PrepareSubmitAgreementSignaturesReturnType = ReturnTypeOf<"prepareSubmitAgreementSignatures">;
export type PrepareSubmitAgreementSignaturesErrorType = ConcordErrorType;

export type PrepareInvalidateAgreementNonceParameters = ParametersOf<"prepareInvalidateAgreementNonce">;
export type PrepareInvalidateAgreementNonceReturnType = ReturnTypeOf<"prepareInvalidateAgreementNonce">;
export type PrepareInvalidateAgreementNonceErrorType = ConcordErrorType;

export type PrepareDeclineAgreementParameters = ParametersOf<"prepareDeclineAgreement">;
export type PrepareDeclineAgreementReturnType = ReturnTypeOf<"prepareDeclineAgreement">;
export type PrepareDeclineAgreementErrorType = ConcordErrorType;

export type PrepareDeclineAgreementForCellParameters = ParametersOf<"prepareDeclineAgreementForCell">;
export type PrepareDeclineAgreementForCellReturnType = ReturnTypeOf<"prepareDeclineAgreementForCell">;
export type PrepareDeclineAgreementForCellErrorType = ConcordErrorType;

export type PrepareWithdrawAgreementParameters = ParametersOf<"prepareWithdrawAgreement">;
export type PrepareWithdrawAgreementReturnType = ReturnTypeOf<"prepareWithdrawAgreement">;
export type PrepareWithdrawAgreementErrorType = ConcordErrorType;

export type PrepareTerminateAgreementParameters = ParametersOf<"prepareTerminateAgreement">;
export type PrepareTerminateAgreementReturnType = ReturnTypeOf<"prepareTerminateAgreement">;
export type PrepareTerminateAgreementErrorType = ConcordErrorType;

export type PrepareTerminateAgreementForCellParameters = ParametersOf<"prepareTerminateAgreementForCell">;
export type PrepareTerminateAgreementForCellReturnType = ReturnTypeOf<"prepareTerminateAgreementForCell">;
export type PrepareTerminateAgreementForCellErrorType = ConcordErrorType;
