/**
 * The types of every agreements action, as viem's actions export them: `XParameters` (what the action takes after the
 * client), `XReturnType` (what it resolves to) and `XErrorType` (what it throws). Derived from the actions
 * themselves, so they cannot drift; a hand-written `XParameters` beside the action is used where one exists.
 */
import type { ConcordErrorType } from "../errors.ts";
import type { ActionParameters, ActionReturnType } from "../internal/bind.ts";
import type { AgreementActionTable } from "./decorator.ts";

/** Parameters of `agreementStatusOf`. */
export type AgreementStatusOfParameters = ActionParameters<AgreementActionTable["agreementStatusOf"]>;
/** What `agreementStatusOf` resolves to. */
export type AgreementStatusOfReturnType = ActionReturnType<AgreementActionTable["agreementStatusOf"]>;
/** What `agreementStatusOf` throws. */
export type AgreementStatusOfErrorType = ConcordErrorType;

/** Parameters of `getAgreementInfo`. */
export type GetAgreementInfoParameters = ActionParameters<AgreementActionTable["getAgreementInfo"]>;
/** What `getAgreementInfo` resolves to. */
export type GetAgreementInfoReturnType = ActionReturnType<AgreementActionTable["getAgreementInfo"]>;
/** What `getAgreementInfo` throws. */
export type GetAgreementInfoErrorType = ConcordErrorType;

/** Parameters of `agreementPartiesOf`. */
export type AgreementPartiesOfParameters = ActionParameters<AgreementActionTable["agreementPartiesOf"]>;
/** What `agreementPartiesOf` resolves to. */
export type AgreementPartiesOfReturnType = ActionReturnType<AgreementActionTable["agreementPartiesOf"]>;
/** What `agreementPartiesOf` throws. */
export type AgreementPartiesOfErrorType = ConcordErrorType;

/** Parameters of `isAgreementParty`. */
export type IsAgreementPartyParameters = ActionParameters<AgreementActionTable["isAgreementParty"]>;
/** What `isAgreementParty` resolves to. */
export type IsAgreementPartyReturnType = ActionReturnType<AgreementActionTable["isAgreementParty"]>;
/** What `isAgreementParty` throws. */
export type IsAgreementPartyErrorType = ConcordErrorType;

/** Parameters of `isAgreementCellParty`. */
export type IsAgreementCellPartyParameters = ActionParameters<AgreementActionTable["isAgreementCellParty"]>;
/** What `isAgreementCellParty` resolves to. */
export type IsAgreementCellPartyReturnType = ActionReturnType<AgreementActionTable["isAgreementCellParty"]>;
/** What `isAgreementCellParty` throws. */
export type IsAgreementCellPartyErrorType = ConcordErrorType;

/** Parameters of `hasAcknowledged`. */
export type HasAcknowledgedParameters = ActionParameters<AgreementActionTable["hasAcknowledged"]>;
/** What `hasAcknowledged` resolves to. */
export type HasAcknowledgedReturnType = ActionReturnType<AgreementActionTable["hasAcknowledged"]>;
/** What `hasAcknowledged` throws. */
export type HasAcknowledgedErrorType = ConcordErrorType;

/** Parameters of `hasAcknowledgedCell`. */
export type HasAcknowledgedCellParameters = ActionParameters<AgreementActionTable["hasAcknowledgedCell"]>;
/** What `hasAcknowledgedCell` resolves to. */
export type HasAcknowledgedCellReturnType = ActionReturnType<AgreementActionTable["hasAcknowledgedCell"]>;
/** What `hasAcknowledgedCell` throws. */
export type HasAcknowledgedCellErrorType = ConcordErrorType;

/** Parameters of `agreementCount`. */
export type AgreementCountParameters = ActionParameters<AgreementActionTable["agreementCount"]>;
/** What `agreementCount` resolves to. */
export type AgreementCountReturnType = ActionReturnType<AgreementActionTable["agreementCount"]>;
/** What `agreementCount` throws. */
export type AgreementCountErrorType = ConcordErrorType;

/** Parameters of `agreementNonces`. */
export type AgreementNoncesParameters = ActionParameters<AgreementActionTable["agreementNonces"]>;
/** What `agreementNonces` resolves to. */
export type AgreementNoncesReturnType = ActionReturnType<AgreementActionTable["agreementNonces"]>;
/** What `agreementNonces` throws. */
export type AgreementNoncesErrorType = ConcordErrorType;

/** Parameters of `agreementsDomainSeparator`. */
export type AgreementsDomainSeparatorParameters = ActionParameters<
  AgreementActionTable["agreementsDomainSeparator"]
>;
/** What `agreementsDomainSeparator` resolves to. */
export type AgreementsDomainSeparatorReturnType = ActionReturnType<
  AgreementActionTable["agreementsDomainSeparator"]
>;
/** What `agreementsDomainSeparator` throws. */
export type AgreementsDomainSeparatorErrorType = ConcordErrorType;

/** Parameters of `agreementsEip712Domain`. */
export type AgreementsEip712DomainParameters = ActionParameters<
  AgreementActionTable["agreementsEip712Domain"]
>;
/** What `agreementsEip712Domain` resolves to. */
export type AgreementsEip712DomainReturnType = ActionReturnType<
  AgreementActionTable["agreementsEip712Domain"]
>;
/** What `agreementsEip712Domain` throws. */
export type AgreementsEip712DomainErrorType = ConcordErrorType;

/** Parameters of `agreementsCellRegistry`. */
export type AgreementsCellRegistryParameters = ActionParameters<
  AgreementActionTable["agreementsCellRegistry"]
>;
/** What `agreementsCellRegistry` resolves to. */
export type AgreementsCellRegistryReturnType = ActionReturnType<
  AgreementActionTable["agreementsCellRegistry"]
>;
/** What `agreementsCellRegistry` throws. */
export type AgreementsCellRegistryErrorType = ConcordErrorType;

/** Parameters of `getAgreement`. */
export type GetAgreementParameters = ActionParameters<AgreementActionTable["getAgreement"]>;
/** What `getAgreement` resolves to. */
export type GetAgreementReturnType = ActionReturnType<AgreementActionTable["getAgreement"]>;
/** What `getAgreement` throws. */
export type GetAgreementErrorType = ConcordErrorType;

/** Parameters of `getAgreements`. */
export type GetAgreementsParameters = ActionParameters<AgreementActionTable["getAgreements"]>;
/** What `getAgreements` resolves to. */
export type GetAgreementsReturnType = ActionReturnType<AgreementActionTable["getAgreements"]>;
/** What `getAgreements` throws. */
export type GetAgreementsErrorType = ConcordErrorType;

/** What `listAgreements` resolves to. */
export type ListAgreementsReturnType = ActionReturnType<AgreementActionTable["listAgreements"]>;
/** What `listAgreements` throws. */
export type ListAgreementsErrorType = ConcordErrorType;

/** Parameters of `agreementTimeline`. */
export type AgreementTimelineParameters = ActionParameters<AgreementActionTable["agreementTimeline"]>;
/** What `agreementTimeline` resolves to. */
export type AgreementTimelineReturnType = ActionReturnType<AgreementActionTable["agreementTimeline"]>;
/** What `agreementTimeline` throws. */
export type AgreementTimelineErrorType = ConcordErrorType;

/** What `getAcknowledgeTypedData` resolves to. */
export type GetAcknowledgeTypedDataReturnType = ActionReturnType<
  AgreementActionTable["getAcknowledgeTypedData"]
>;
/** What `getAcknowledgeTypedData` throws. */
export type GetAcknowledgeTypedDataErrorType = ConcordErrorType;

/** What `signAcknowledgement` resolves to. */
export type SignAcknowledgementReturnType = ActionReturnType<AgreementActionTable["signAcknowledgement"]>;
/** What `signAcknowledgement` throws. */
export type SignAcknowledgementErrorType = ConcordErrorType;

/** Parameters of `proposeAgreement`. */
export type ProposeAgreementParameters = ActionParameters<AgreementActionTable["proposeAgreement"]>;
/** What `proposeAgreement` resolves to. */
export type ProposeAgreementReturnType = ActionReturnType<AgreementActionTable["proposeAgreement"]>;
/** What `proposeAgreement` throws. */
export type ProposeAgreementErrorType = ConcordErrorType;

/** Parameters of `acknowledgeAgreement`. */
export type AcknowledgeAgreementParameters = ActionParameters<AgreementActionTable["acknowledgeAgreement"]>;
/** What `acknowledgeAgreement` resolves to. */
export type AcknowledgeAgreementReturnType = ActionReturnType<AgreementActionTable["acknowledgeAgreement"]>;
/** What `acknowledgeAgreement` throws. */
export type AcknowledgeAgreementErrorType = ConcordErrorType;

/** Parameters of `acknowledgeAgreementForCell`. */
export type AcknowledgeAgreementForCellParameters = ActionParameters<
  AgreementActionTable["acknowledgeAgreementForCell"]
>;
/** What `acknowledgeAgreementForCell` resolves to. */
export type AcknowledgeAgreementForCellReturnType = ActionReturnType<
  AgreementActionTable["acknowledgeAgreementForCell"]
>;
/** What `acknowledgeAgreementForCell` throws. */
export type AcknowledgeAgreementForCellErrorType = ConcordErrorType;

/** Parameters of `acknowledgeAgreements`. */
export type AcknowledgeAgreementsParameters = ActionParameters<AgreementActionTable["acknowledgeAgreements"]>;
/** What `acknowledgeAgreements` resolves to. */
export type AcknowledgeAgreementsReturnType = ActionReturnType<AgreementActionTable["acknowledgeAgreements"]>;
/** What `acknowledgeAgreements` throws. */
export type AcknowledgeAgreementsErrorType = ConcordErrorType;

/** Parameters of `acknowledgeAgreementBySig`. */
export type AcknowledgeAgreementBySigParameters = ActionParameters<
  AgreementActionTable["acknowledgeAgreementBySig"]
>;
/** What `acknowledgeAgreementBySig` resolves to. */
export type AcknowledgeAgreementBySigReturnType = ActionReturnType<
  AgreementActionTable["acknowledgeAgreementBySig"]
>;
/** What `acknowledgeAgreementBySig` throws. */
export type AcknowledgeAgreementBySigErrorType = ConcordErrorType;

/** Parameters of `acknowledgeAgreementForCellBySig`. */
export type AcknowledgeAgreementForCellBySigParameters = ActionParameters<
  AgreementActionTable["acknowledgeAgreementForCellBySig"]
>;
/** What `acknowledgeAgreementForCellBySig` resolves to. */
export type AcknowledgeAgreementForCellBySigReturnType = ActionReturnType<
  AgreementActionTable["acknowledgeAgreementForCellBySig"]
>;
/** What `acknowledgeAgreementForCellBySig` throws. */
export type AcknowledgeAgreementForCellBySigErrorType = ConcordErrorType;

/** Parameters of `submitAgreementSignatures`. */
export type SubmitAgreementSignaturesParameters = ActionParameters<
  AgreementActionTable["submitAgreementSignatures"]
>;
/** What `submitAgreementSignatures` resolves to. */
export type SubmitAgreementSignaturesReturnType = ActionReturnType<
  AgreementActionTable["submitAgreementSignatures"]
>;
/** What `submitAgreementSignatures` throws. */
export type SubmitAgreementSignaturesErrorType = ConcordErrorType;

/** Parameters of `invalidateAgreementNonce`. */
export type InvalidateAgreementNonceParameters = ActionParameters<
  AgreementActionTable["invalidateAgreementNonce"]
>;
/** What `invalidateAgreementNonce` resolves to. */
export type InvalidateAgreementNonceReturnType = ActionReturnType<
  AgreementActionTable["invalidateAgreementNonce"]
>;
/** What `invalidateAgreementNonce` throws. */
export type InvalidateAgreementNonceErrorType = ConcordErrorType;

/** Parameters of `declineAgreement`. */
export type DeclineAgreementParameters = ActionParameters<AgreementActionTable["declineAgreement"]>;
/** What `declineAgreement` resolves to. */
export type DeclineAgreementReturnType = ActionReturnType<AgreementActionTable["declineAgreement"]>;
/** What `declineAgreement` throws. */
export type DeclineAgreementErrorType = ConcordErrorType;

/** Parameters of `declineAgreementForCell`. */
export type DeclineAgreementForCellParameters = ActionParameters<
  AgreementActionTable["declineAgreementForCell"]
>;
/** What `declineAgreementForCell` resolves to. */
export type DeclineAgreementForCellReturnType = ActionReturnType<
  AgreementActionTable["declineAgreementForCell"]
>;
/** What `declineAgreementForCell` throws. */
export type DeclineAgreementForCellErrorType = ConcordErrorType;

/** Parameters of `withdrawAgreement`. */
export type WithdrawAgreementParameters = ActionParameters<AgreementActionTable["withdrawAgreement"]>;
/** What `withdrawAgreement` resolves to. */
export type WithdrawAgreementReturnType = ActionReturnType<AgreementActionTable["withdrawAgreement"]>;
/** What `withdrawAgreement` throws. */
export type WithdrawAgreementErrorType = ConcordErrorType;

/** Parameters of `terminateAgreement`. */
export type TerminateAgreementParameters = ActionParameters<AgreementActionTable["terminateAgreement"]>;
/** What `terminateAgreement` resolves to. */
export type TerminateAgreementReturnType = ActionReturnType<AgreementActionTable["terminateAgreement"]>;
/** What `terminateAgreement` throws. */
export type TerminateAgreementErrorType = ConcordErrorType;

/** Parameters of `terminateAgreementForCell`. */
export type TerminateAgreementForCellParameters = ActionParameters<
  AgreementActionTable["terminateAgreementForCell"]
>;
/** What `terminateAgreementForCell` resolves to. */
export type TerminateAgreementForCellReturnType = ActionReturnType<
  AgreementActionTable["terminateAgreementForCell"]
>;
/** What `terminateAgreementForCell` throws. */
export type TerminateAgreementForCellErrorType = ConcordErrorType;

/** Parameters of `amendAgreement`. */
export type AmendAgreementParameters = ActionParameters<AgreementActionTable["amendAgreement"]>;
/** What `amendAgreement` resolves to. */
export type AmendAgreementReturnType = ActionReturnType<AgreementActionTable["amendAgreement"]>;
/** What `amendAgreement` throws. */
export type AmendAgreementErrorType = ConcordErrorType;

/** Parameters of `amendAgreementForCell`. */
export type AmendAgreementForCellParameters = ActionParameters<AgreementActionTable["amendAgreementForCell"]>;
/** What `amendAgreementForCell` resolves to. */
export type AmendAgreementForCellReturnType = ActionReturnType<AgreementActionTable["amendAgreementForCell"]>;
/** What `amendAgreementForCell` throws. */
export type AmendAgreementForCellErrorType = ConcordErrorType;

/** Parameters of `prepareProposeAgreement`. */
export type PrepareProposeAgreementParameters = ActionParameters<
  AgreementActionTable["prepareProposeAgreement"]
>;
/** What `prepareProposeAgreement` resolves to. */
export type PrepareProposeAgreementReturnType = ActionReturnType<
  AgreementActionTable["prepareProposeAgreement"]
>;
/** What `prepareProposeAgreement` throws. */
export type PrepareProposeAgreementErrorType = ConcordErrorType;

/** Parameters of `prepareAmendAgreement`. */
export type PrepareAmendAgreementParameters = ActionParameters<AgreementActionTable["prepareAmendAgreement"]>;
/** What `prepareAmendAgreement` resolves to. */
export type PrepareAmendAgreementReturnType = ActionReturnType<AgreementActionTable["prepareAmendAgreement"]>;
/** What `prepareAmendAgreement` throws. */
export type PrepareAmendAgreementErrorType = ConcordErrorType;

/** Parameters of `prepareAmendAgreementForCell`. */
export type PrepareAmendAgreementForCellParameters = ActionParameters<
  AgreementActionTable["prepareAmendAgreementForCell"]
>;
/** What `prepareAmendAgreementForCell` resolves to. */
export type PrepareAmendAgreementForCellReturnType = ActionReturnType<
  AgreementActionTable["prepareAmendAgreementForCell"]
>;
/** What `prepareAmendAgreementForCell` throws. */
export type PrepareAmendAgreementForCellErrorType = ConcordErrorType;

/** Parameters of `prepareAcknowledgeAgreement`. */
export type PrepareAcknowledgeAgreementParameters = ActionParameters<
  AgreementActionTable["prepareAcknowledgeAgreement"]
>;
/** What `prepareAcknowledgeAgreement` resolves to. */
export type PrepareAcknowledgeAgreementReturnType = ActionReturnType<
  AgreementActionTable["prepareAcknowledgeAgreement"]
>;
/** What `prepareAcknowledgeAgreement` throws. */
export type PrepareAcknowledgeAgreementErrorType = ConcordErrorType;

/** Parameters of `prepareAcknowledgeAgreementForCell`. */
export type PrepareAcknowledgeAgreementForCellParameters = ActionParameters<
  AgreementActionTable["prepareAcknowledgeAgreementForCell"]
>;
/** What `prepareAcknowledgeAgreementForCell` resolves to. */
export type PrepareAcknowledgeAgreementForCellReturnType = ActionReturnType<
  AgreementActionTable["prepareAcknowledgeAgreementForCell"]
>;
/** What `prepareAcknowledgeAgreementForCell` throws. */
export type PrepareAcknowledgeAgreementForCellErrorType = ConcordErrorType;

/** Parameters of `prepareAcknowledgeAgreements`. */
export type PrepareAcknowledgeAgreementsParameters = ActionParameters<
  AgreementActionTable["prepareAcknowledgeAgreements"]
>;
/** What `prepareAcknowledgeAgreements` resolves to. */
export type PrepareAcknowledgeAgreementsReturnType = ActionReturnType<
  AgreementActionTable["prepareAcknowledgeAgreements"]
>;
/** What `prepareAcknowledgeAgreements` throws. */
export type PrepareAcknowledgeAgreementsErrorType = ConcordErrorType;

/** Parameters of `prepareAcknowledgeAgreementBySig`. */
export type PrepareAcknowledgeAgreementBySigParameters = ActionParameters<
  AgreementActionTable["prepareAcknowledgeAgreementBySig"]
>;
/** What `prepareAcknowledgeAgreementBySig` resolves to. */
export type PrepareAcknowledgeAgreementBySigReturnType = ActionReturnType<
  AgreementActionTable["prepareAcknowledgeAgreementBySig"]
>;
/** What `prepareAcknowledgeAgreementBySig` throws. */
export type PrepareAcknowledgeAgreementBySigErrorType = ConcordErrorType;

/** Parameters of `prepareAcknowledgeAgreementForCellBySig`. */
export type PrepareAcknowledgeAgreementForCellBySigParameters = ActionParameters<
  AgreementActionTable["prepareAcknowledgeAgreementForCellBySig"]
>;
/** What `prepareAcknowledgeAgreementForCellBySig` resolves to. */
export type PrepareAcknowledgeAgreementForCellBySigReturnType = ActionReturnType<
  AgreementActionTable["prepareAcknowledgeAgreementForCellBySig"]
>;
/** What `prepareAcknowledgeAgreementForCellBySig` throws. */
export type PrepareAcknowledgeAgreementForCellBySigErrorType = ConcordErrorType;

/** Parameters of `prepareSubmitAgreementSignatures`. */
export type PrepareSubmitAgreementSignaturesParameters = ActionParameters<
  AgreementActionTable["prepareSubmitAgreementSignatures"]
>;
/** What `prepareSubmitAgreementSignatures` resolves to. */
export type PrepareSubmitAgreementSignaturesReturnType = ActionReturnType<
  AgreementActionTable["prepareSubmitAgreementSignatures"]
>;
/** What `prepareSubmitAgreementSignatures` throws. */
export type PrepareSubmitAgreementSignaturesErrorType = ConcordErrorType;

/** Parameters of `prepareInvalidateAgreementNonce`. */
export type PrepareInvalidateAgreementNonceParameters = ActionParameters<
  AgreementActionTable["prepareInvalidateAgreementNonce"]
>;
/** What `prepareInvalidateAgreementNonce` resolves to. */
export type PrepareInvalidateAgreementNonceReturnType = ActionReturnType<
  AgreementActionTable["prepareInvalidateAgreementNonce"]
>;
/** What `prepareInvalidateAgreementNonce` throws. */
export type PrepareInvalidateAgreementNonceErrorType = ConcordErrorType;

/** Parameters of `prepareDeclineAgreement`. */
export type PrepareDeclineAgreementParameters = ActionParameters<
  AgreementActionTable["prepareDeclineAgreement"]
>;
/** What `prepareDeclineAgreement` resolves to. */
export type PrepareDeclineAgreementReturnType = ActionReturnType<
  AgreementActionTable["prepareDeclineAgreement"]
>;
/** What `prepareDeclineAgreement` throws. */
export type PrepareDeclineAgreementErrorType = ConcordErrorType;

/** Parameters of `prepareDeclineAgreementForCell`. */
export type PrepareDeclineAgreementForCellParameters = ActionParameters<
  AgreementActionTable["prepareDeclineAgreementForCell"]
>;
/** What `prepareDeclineAgreementForCell` resolves to. */
export type PrepareDeclineAgreementForCellReturnType = ActionReturnType<
  AgreementActionTable["prepareDeclineAgreementForCell"]
>;
/** What `prepareDeclineAgreementForCell` throws. */
export type PrepareDeclineAgreementForCellErrorType = ConcordErrorType;

/** Parameters of `prepareWithdrawAgreement`. */
export type PrepareWithdrawAgreementParameters = ActionParameters<
  AgreementActionTable["prepareWithdrawAgreement"]
>;
/** What `prepareWithdrawAgreement` resolves to. */
export type PrepareWithdrawAgreementReturnType = ActionReturnType<
  AgreementActionTable["prepareWithdrawAgreement"]
>;
/** What `prepareWithdrawAgreement` throws. */
export type PrepareWithdrawAgreementErrorType = ConcordErrorType;

/** Parameters of `prepareTerminateAgreement`. */
export type PrepareTerminateAgreementParameters = ActionParameters<
  AgreementActionTable["prepareTerminateAgreement"]
>;
/** What `prepareTerminateAgreement` resolves to. */
export type PrepareTerminateAgreementReturnType = ActionReturnType<
  AgreementActionTable["prepareTerminateAgreement"]
>;
/** What `prepareTerminateAgreement` throws. */
export type PrepareTerminateAgreementErrorType = ConcordErrorType;

/** Parameters of `prepareTerminateAgreementForCell`. */
export type PrepareTerminateAgreementForCellParameters = ActionParameters<
  AgreementActionTable["prepareTerminateAgreementForCell"]
>;
/** What `prepareTerminateAgreementForCell` resolves to. */
export type PrepareTerminateAgreementForCellReturnType = ActionReturnType<
  AgreementActionTable["prepareTerminateAgreementForCell"]
>;
/** What `prepareTerminateAgreementForCell` throws. */
export type PrepareTerminateAgreementForCellErrorType = ConcordErrorType;
