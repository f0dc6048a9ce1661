/**
 * Every agreements action, once: each takes the Concord client first. This list is both the module's flat exports
 * (`export * from "./actions.ts"` in `index.ts`: `proposeAgreement(client, …)`, tree-shakable) and what
 * `concord.agreements.*` binds (`decorator.ts` binds this module's namespace). Adding an action is one line here,
 * and its `XParameters`/`XReturnType`/`XErrorType` in `actionTypes.ts`.
 *
 * The names carry the module's name where another module has the same verb (`proposeAgreement`,
 * `acknowledgeAgreement`, `terminateAgreement`, `agreementStatusOf`), so that they cannot clash.
 */
// reads
export {
  agreementCount,
  agreementNonces,
  agreementPartiesOf,
  agreementStatusOf,
  agreementsCellRegistry,
  agreementsDomainSeparator,
  agreementsEip712Domain,
  getAgreementInfo,
  hasAcknowledged,
  hasAcknowledgedCell,
  isAgreementCellParty,
  isAgreementParty,
} from "./reads.ts";
// aggregates and event-rebuilt views
export { getAgreement, getAgreements } from "./aggregates.ts";
export { agreementTimeline, listAgreements } from "./events.ts";
// signatures
export { getAcknowledgeTypedData, signAcknowledgement } from "./signatures.ts";
// writes, and their prepared forms (for a Safe, a relayer, a batch)
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
// watching
export { watchAgreementEvents } from "./watch.ts";
