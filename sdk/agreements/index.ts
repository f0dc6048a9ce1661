/**
 * The agreements module: multi-party agreements between accounts and cells (AgreementRegistry),
 * acknowledged directly, by EIP-712 signature (EOAs and ERC-1271 wallets) or in batches.
 *
 * Every action is listed once, in `actions.ts`: exported on its own (tree-shakable, `proposeAgreement(client, …)`)
 * and bound under the same name on the client (`concord.agreements.proposeAgreement({ … })`).
 */
export * from "./actions.ts";
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
export { agreementTitleProblem, documentURIProblem } from "./text.ts";
export { visibleText } from "./visible.ts";
export type { ListAgreementsOrder, ListAgreementsParameters } from "./events.ts";
export type { AgreementAccountParameters, AgreementCellParameters, AgreementParameters } from "./reads.ts";
export { acknowledgementDigest, buildAcknowledgeTypedData, toSignedAcknowledgement } from "./signatures.ts";
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
export { AgreementTitleError, DocumentURIError } from "./writes.ts";
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
export type {
  AgreementEvent,
  WatchAgreementEventsErrorType,
  WatchAgreementEventsParameters,
  WatchAgreementEventsReturnType,
} from "./watch.ts";
export type * from "./actionTypes.ts";
