/**
 * The agreements module: multi-party agreements between accounts and cells (AgreementRegistry),
 * acknowledged directly, by EIP-712 signature (EOAs and ERC-1271 wallets) or in batches.
 *
 * On the client, actions have short names (`concord.agreements.proposeAgreement`, `.acknowledge`, `.terminate`);
 * exported on their own (tree-shakable) they carry the module's name so that they cannot clash with other
 * modules' (`proposeAgreement(client, …)`, `acknowledgeAgreement`, `terminateAgreement`, `agreementStatusOf`).
 */
export { getAgreement, getAgreements } from "./aggregates.ts";
export {
  AgreementStatus,
  acknowledgeForCellTypes,
  acknowledgeTypes,
  agreementLimits,
  agreementStatusName,
  agreementStatusNames,
  agreementsEip712,
  hashTerms,
  toAgreementStatus,
} from "./constants.ts";
export type { AgreementStatusName, AgreementStatusValue } from "./constants.ts";
export { agreementsActions } from "./decorator.ts";
export type { AgreementsActions, BoundGetAcknowledgeTypedData } from "./decorator.ts";
export { agreementErrorMessages, agreementErrorCatalogue } from "./errors.ts";
export { agreementTimeline, listAgreements } from "./events.ts";
export type { ListAgreementsParameters } from "./events.ts";
export {
  agreementCount,
  agreementsCellRegistry,
  agreementsDomainSeparator,
  agreementsEip712Domain,
  getAgreementInfo,
  hasAcknowledged,
  hasAcknowledgedCell,
  isAgreementCellParty,
  isAgreementParty,
  agreementNonces,
  agreementPartiesOf,
  agreementStatusOf,
} from "./reads.ts";
export type { AgreementAccountParameters, AgreementCellParameters, AgreementParameters } from "./reads.ts";
export {
  acknowledgementDigest,
  buildAcknowledgeTypedData,
  getAcknowledgeTypedData,
  signAcknowledgement,
  toSignedAcknowledgement,
} from "./signatures.ts";
export type {
  BuildAcknowledgeTypedDataParameters,
  GetAcknowledgeTypedDataParameters,
  SignAcknowledgementParameters,
} from "./signatures.ts";
export type {
  AccountAcknowledgeTypedData,
  AccountParty,
  AcknowledgeForCellMessage,
  AcknowledgeMessage,
  AcknowledgeTypedData,
  Acknowledgement,
  Agreement,
  AgreementEnding,
  AgreementInfo,
  AgreementParty,
  AgreementSummary,
  AgreementsDomain,
  CellAcknowledgeTypedData,
  CellParty,
  SignedAcknowledgement,
  TimelineEntry,
} from "./types.ts";
export {
  acknowledgeAgreement,
  acknowledgeAgreementBySig,
  acknowledgeAgreementForCell,
  acknowledgeAgreementForCellBySig,
  acknowledgeAgreements,
  amendAgreement,
  amendAgreementForCell,
  declineAgreement,
  declineAgreementForCell,
  invalidateAgreementNonce,
  prepareAcknowledgeAgreement,
  prepareAcknowledgeAgreementBySig,
  prepareAcknowledgeAgreementForCell,
  prepareAcknowledgeAgreementForCellBySig,
  prepareAcknowledgeAgreements,
  prepareAmendAgreement,
  prepareAmendAgreementForCell,
  prepareDeclineAgreement,
  prepareDeclineAgreementForCell,
  prepareInvalidateAgreementNonce,
  prepareProposeAgreement,
  prepareSubmitAgreementSignatures,
  prepareTerminateAgreement,
  prepareTerminateAgreementForCell,
  prepareWithdrawAgreement,
  proposeAgreement,
  submitAgreementSignatures,
  terminateAgreement,
  terminateAgreementForCell,
  withdrawAgreement,
} from "./writes.ts";
export type {
  AcknowledgeBySigParameters,
  AcknowledgeForCellBySigParameters,
  AcknowledgeForCellParameters,
  AcknowledgeManyParameters,
  AcknowledgeParameters,
  AcknowledgeResult,
  AcknowledgementRecord,
  AgreementActionParameters,
  AgreementCellActionParameters,
  AgreementWriteResult,
  AmendForCellParameters,
  AmendParameters,
  InvalidateNonceParameters,
  ProposeParameters,
  SignedAcknowledgementInput,
  SkippedAcknowledgement,
  SubmitSignaturesParameters,
  SubmitSignaturesResult,
  TermsParameters,
} from "./writes.ts";
export { watchAgreementEvents } from "./watch.ts";
export type {
  AgreementEvent,
  WatchAgreementEventsErrorType,
  WatchAgreementEventsParameters,
  WatchAgreementEventsReturnType,
} from "./watch.ts";
