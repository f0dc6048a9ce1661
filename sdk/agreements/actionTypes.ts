/**
 * The types of every agreements action, as viem's actions export them: `XParameters` (what the action takes
 * after the client), `XReturnType` (what it resolves to) and `XErrorType` (what it throws: a `ConcordError`).
 * Derived from the actions of `actions.ts` by `ActionParameters` and `ActionReturnType`, so they cannot
 * drift; where a hand-written `XParameters` (or `XReturnType`) sits beside the action, this file leaves that
 * name to it.
 */
import type { ConcordErrorType } from "../errors.ts";
import type { ActionParameters, ActionReturnType } from "../internal/bind.ts";
import type * as actions from "./actions.ts";

export type AgreementStatusOfParameters = ActionParameters<typeof actions.agreementStatusOf>;
export type AgreementStatusOfReturnType = ActionReturnType<typeof actions.agreementStatusOf>;
export type AgreementStatusOfErrorType = ConcordErrorType;

export type GetAgreementInfoParameters = ActionParameters<typeof actions.getAgreementInfo>;
export type GetAgreementInfoReturnType = ActionReturnType<typeof actions.getAgreementInfo>;
export type GetAgreementInfoErrorType = ConcordErrorType;

export type AgreementPartiesOfParameters = ActionParameters<typeof actions.agreementPartiesOf>;
export type AgreementPartiesOfReturnType = ActionReturnType<typeof actions.agreementPartiesOf>;
export type AgreementPartiesOfErrorType = ConcordErrorType;

export type IsAgreementPartyParameters = ActionParameters<typeof actions.isAgreementParty>;
export type IsAgreementPartyReturnType = ActionReturnType<typeof actions.isAgreementParty>;
export type IsAgreementPartyErrorType = ConcordErrorType;

export type IsAgreementCellPartyParameters = ActionParameters<typeof actions.isAgreementCellParty>;
export type IsAgreementCellPartyReturnType = ActionReturnType<typeof actions.isAgreementCellParty>;
export type IsAgreementCellPartyErrorType = ConcordErrorType;

export type HasAcknowledgedParameters = ActionParameters<typeof actions.hasAcknowledged>;
export type HasAcknowledgedReturnType = ActionReturnType<typeof actions.hasAcknowledged>;
export type HasAcknowledgedErrorType = ConcordErrorType;

export type HasAcknowledgedCellParameters = ActionParameters<typeof actions.hasAcknowledgedCell>;
export type HasAcknowledgedCellReturnType = ActionReturnType<typeof actions.hasAcknowledgedCell>;
export type HasAcknowledgedCellErrorType = ConcordErrorType;

export type AgreementCountParameters = ActionParameters<typeof actions.agreementCount>;
export type AgreementCountReturnType = ActionReturnType<typeof actions.agreementCount>;
export type AgreementCountErrorType = ConcordErrorType;

export type AgreementNoncesParameters = ActionParameters<typeof actions.agreementNonces>;
export type AgreementNoncesReturnType = ActionReturnType<typeof actions.agreementNonces>;
export type AgreementNoncesErrorType = ConcordErrorType;

export type AgreementsDomainSeparatorParameters = ActionParameters<typeof actions.agreementsDomainSeparator>;
export type AgreementsDomainSeparatorReturnType = ActionReturnType<typeof actions.agreementsDomainSeparator>;
export type AgreementsDomainSeparatorErrorType = ConcordErrorType;

export type AgreementsEip712DomainParameters = ActionParameters<typeof actions.agreementsEip712Domain>;
export type AgreementsEip712DomainReturnType = ActionReturnType<typeof actions.agreementsEip712Domain>;
export type AgreementsEip712DomainErrorType = ConcordErrorType;

export type AgreementsCellRegistryParameters = ActionParameters<typeof actions.agreementsCellRegistry>;
export type AgreementsCellRegistryReturnType = ActionReturnType<typeof actions.agreementsCellRegistry>;
export type AgreementsCellRegistryErrorType = ConcordErrorType;

export type GetAgreementParameters = ActionParameters<typeof actions.getAgreement>;
export type GetAgreementReturnType = ActionReturnType<typeof actions.getAgreement>;
export type GetAgreementErrorType = ConcordErrorType;

export type GetAgreementsParameters = ActionParameters<typeof actions.getAgreements>;
export type GetAgreementsReturnType = ActionReturnType<typeof actions.getAgreements>;
export type GetAgreementsErrorType = ConcordErrorType;

export type ListAgreementsReturnType = ActionReturnType<typeof actions.listAgreements>;
export type ListAgreementsErrorType = ConcordErrorType;

export type AgreementTimelineParameters = ActionParameters<typeof actions.agreementTimeline>;
export type AgreementTimelineReturnType = ActionReturnType<typeof actions.agreementTimeline>;
export type AgreementTimelineErrorType = ConcordErrorType;

export type GetAcknowledgeTypedDataReturnType = ActionReturnType<typeof actions.getAcknowledgeTypedData>;
export type GetAcknowledgeTypedDataErrorType = ConcordErrorType;

export type SignAcknowledgementReturnType = ActionReturnType<typeof actions.signAcknowledgement>;
export type SignAcknowledgementErrorType = ConcordErrorType;

export type ProposeAgreementParameters = ActionParameters<typeof actions.proposeAgreement>;
export type ProposeAgreementReturnType = ActionReturnType<typeof actions.proposeAgreement>;
export type ProposeAgreementErrorType = ConcordErrorType;

export type AcknowledgeAgreementParameters = ActionParameters<typeof actions.acknowledgeAgreement>;
export type AcknowledgeAgreementReturnType = ActionReturnType<typeof actions.acknowledgeAgreement>;
export type AcknowledgeAgreementErrorType = ConcordErrorType;

export type AcknowledgeAgreementForCellParameters = ActionParameters<
  typeof actions.acknowledgeAgreementForCell
>;
export type AcknowledgeAgreementForCellReturnType = ActionReturnType<
  typeof actions.acknowledgeAgreementForCell
>;
export type AcknowledgeAgreementForCellErrorType = ConcordErrorType;

export type AcknowledgeAgreementsParameters = ActionParameters<typeof actions.acknowledgeAgreements>;
export type AcknowledgeAgreementsReturnType = ActionReturnType<typeof actions.acknowledgeAgreements>;
export type AcknowledgeAgreementsErrorType = ConcordErrorType;

export type AcknowledgeAgreementBySigParameters = ActionParameters<typeof actions.acknowledgeAgreementBySig>;
export type AcknowledgeAgreementBySigReturnType = ActionReturnType<typeof actions.acknowledgeAgreementBySig>;
export type AcknowledgeAgreementBySigErrorType = ConcordErrorType;

export type AcknowledgeAgreementForCellBySigParameters = ActionParameters<
  typeof actions.acknowledgeAgreementForCellBySig
>;
export type AcknowledgeAgreementForCellBySigReturnType = ActionReturnType<
  typeof actions.acknowledgeAgreementForCellBySig
>;
export type AcknowledgeAgreementForCellBySigErrorType = ConcordErrorType;

export type SubmitAgreementSignaturesParameters = ActionParameters<typeof actions.submitAgreementSignatures>;
export type SubmitAgreementSignaturesReturnType = ActionReturnType<typeof actions.submitAgreementSignatures>;
export type SubmitAgreementSignaturesErrorType = ConcordErrorType;

export type InvalidateAgreementNonceParameters = ActionParameters<typeof actions.invalidateAgreementNonce>;
export type InvalidateAgreementNonceReturnType = ActionReturnType<typeof actions.invalidateAgreementNonce>;
export type InvalidateAgreementNonceErrorType = ConcordErrorType;

export type DeclineAgreementParameters = ActionParameters<typeof actions.declineAgreement>;
export type DeclineAgreementReturnType = ActionReturnType<typeof actions.declineAgreement>;
export type DeclineAgreementErrorType = ConcordErrorType;

export type DeclineAgreementForCellParameters = ActionParameters<typeof actions.declineAgreementForCell>;
export type DeclineAgreementForCellReturnType = ActionReturnType<typeof actions.declineAgreementForCell>;
export type DeclineAgreementForCellErrorType = ConcordErrorType;

export type WithdrawAgreementParameters = ActionParameters<typeof actions.withdrawAgreement>;
export type WithdrawAgreementReturnType = ActionReturnType<typeof actions.withdrawAgreement>;
export type WithdrawAgreementErrorType = ConcordErrorType;

export type TerminateAgreementParameters = ActionParameters<typeof actions.terminateAgreement>;
export type TerminateAgreementReturnType = ActionReturnType<typeof actions.terminateAgreement>;
export type TerminateAgreementErrorType = ConcordErrorType;

export type TerminateAgreementForCellParameters = ActionParameters<typeof actions.terminateAgreementForCell>;
export type TerminateAgreementForCellReturnType = ActionReturnType<typeof actions.terminateAgreementForCell>;
export type TerminateAgreementForCellErrorType = ConcordErrorType;

export type AmendAgreementParameters = ActionParameters<typeof actions.amendAgreement>;
export type AmendAgreementReturnType = ActionReturnType<typeof actions.amendAgreement>;
export type AmendAgreementErrorType = ConcordErrorType;

export type AmendAgreementForCellParameters = ActionParameters<typeof actions.amendAgreementForCell>;
export type AmendAgreementForCellReturnType = ActionReturnType<typeof actions.amendAgreementForCell>;
export type AmendAgreementForCellErrorType = ConcordErrorType;

export type PrepareProposeAgreementParameters = ActionParameters<typeof actions.prepareProposeAgreement>;
export type PrepareProposeAgreementReturnType = ActionReturnType<typeof actions.prepareProposeAgreement>;
export type PrepareProposeAgreementErrorType = ConcordErrorType;

export type PrepareAmendAgreementParameters = ActionParameters<typeof actions.prepareAmendAgreement>;
export type PrepareAmendAgreementReturnType = ActionReturnType<typeof actions.prepareAmendAgreement>;
export type PrepareAmendAgreementErrorType = ConcordErrorType;

export type PrepareAmendAgreementForCellParameters = ActionParameters<
  typeof actions.prepareAmendAgreementForCell
>;
export type PrepareAmendAgreementForCellReturnType = ActionReturnType<
  typeof actions.prepareAmendAgreementForCell
>;
export type PrepareAmendAgreementForCellErrorType = ConcordErrorType;

export type PrepareAcknowledgeAgreementParameters = ActionParameters<
  typeof actions.prepareAcknowledgeAgreement
>;
export type PrepareAcknowledgeAgreementReturnType = ActionReturnType<
  typeof actions.prepareAcknowledgeAgreement
>;
export type PrepareAcknowledgeAgreementErrorType = ConcordErrorType;

export type PrepareAcknowledgeAgreementForCellParameters = ActionParameters<
  typeof actions.prepareAcknowledgeAgreementForCell
>;
export type PrepareAcknowledgeAgreementForCellReturnType = ActionReturnType<
  typeof actions.prepareAcknowledgeAgreementForCell
>;
export type PrepareAcknowledgeAgreementForCellErrorType = ConcordErrorType;

export type PrepareAcknowledgeAgreementsParameters = ActionParameters<
  typeof actions.prepareAcknowledgeAgreements
>;
export type PrepareAcknowledgeAgreementsReturnType = ActionReturnType<
  typeof actions.prepareAcknowledgeAgreements
>;
export type PrepareAcknowledgeAgreementsErrorType = ConcordErrorType;

export type PrepareAcknowledgeAgreementBySigParameters = ActionParameters<
  typeof actions.prepareAcknowledgeAgreementBySig
>;
export type PrepareAcknowledgeAgreementBySigReturnType = ActionReturnType<
  typeof actions.prepareAcknowledgeAgreementBySig
>;
export type PrepareAcknowledgeAgreementBySigErrorType = ConcordErrorType;

export type PrepareAcknowledgeAgreementForCellBySigParameters = ActionParameters<
  typeof actions.prepareAcknowledgeAgreementForCellBySig
>;
export type PrepareAcknowledgeAgreementForCellBySigReturnType = ActionReturnType<
  typeof actions.prepareAcknowledgeAgreementForCellBySig
>;
export type PrepareAcknowledgeAgreementForCellBySigErrorType = ConcordErrorType;

export type PrepareSubmitAgreementSignaturesParameters = ActionParameters<
  typeof actions.prepareSubmitAgreementSignatures
>;
export type PrepareSubmitAgreementSignaturesReturnType = ActionReturnType<
  typeof actions.prepareSubmitAgreementSignatures
>;
export type PrepareSubmitAgreementSignaturesErrorType = ConcordErrorType;

export type PrepareInvalidateAgreementNonceParameters = ActionParameters<
  typeof actions.prepareInvalidateAgreementNonce
>;
export type PrepareInvalidateAgreementNonceReturnType = ActionReturnType<
  typeof actions.prepareInvalidateAgreementNonce
>;
export type PrepareInvalidateAgreementNonceErrorType = ConcordErrorType;

export type PrepareDeclineAgreementParameters = ActionParameters<typeof actions.prepareDeclineAgreement>;
export type PrepareDeclineAgreementReturnType = ActionReturnType<typeof actions.prepareDeclineAgreement>;
export type PrepareDeclineAgreementErrorType = ConcordErrorType;

export type PrepareDeclineAgreementForCellParameters = ActionParameters<
  typeof actions.prepareDeclineAgreementForCell
>;
export type PrepareDeclineAgreementForCellReturnType = ActionReturnType<
  typeof actions.prepareDeclineAgreementForCell
>;
export type PrepareDeclineAgreementForCellErrorType = ConcordErrorType;

export type PrepareWithdrawAgreementParameters = ActionParameters<typeof actions.prepareWithdrawAgreement>;
export type PrepareWithdrawAgreementReturnType = ActionReturnType<typeof actions.prepareWithdrawAgreement>;
export type PrepareWithdrawAgreementErrorType = ConcordErrorType;

export type PrepareTerminateAgreementParameters = ActionParameters<typeof actions.prepareTerminateAgreement>;
export type PrepareTerminateAgreementReturnType = ActionReturnType<typeof actions.prepareTerminateAgreement>;
export type PrepareTerminateAgreementErrorType = ConcordErrorType;

export type PrepareTerminateAgreementForCellParameters = ActionParameters<
  typeof actions.prepareTerminateAgreementForCell
>;
export type PrepareTerminateAgreementForCellReturnType = ActionReturnType<
  typeof actions.prepareTerminateAgreementForCell
>;
export type PrepareTerminateAgreementForCellErrorType = ConcordErrorType;
