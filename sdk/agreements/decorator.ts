/**
 * Binds every agreements action to a Concord client, as viem's `publicActions` does for viem actions.
 */
import type { ConcordClientBase } from "../client.ts";
import type { BigIntish } from "../internal/validate.ts";
import { getAgreement, getAgreements } from "./aggregates.ts";
import { agreementTimeline, listAgreements } from "./events.ts";
import {
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
import { getAcknowledgeTypedData, signAcknowledgement } from "./signatures.ts";
import type { GetAcknowledgeTypedDataParameters } from "./signatures.ts";
import type { AccountAcknowledgeTypedData, AcknowledgeTypedData, CellAcknowledgeTypedData } from "./types.ts";
import {
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
  proposeAgreement,
  submitAgreementSignatures,
  terminateAgreement,
  terminateAgreementForCell,
  withdrawAgreement,
} from "./writes.ts";

const agreementActionTable = {
  // reads
  statusOf: agreementStatusOf,
  getAgreementInfo,
  partiesOf: agreementPartiesOf,
  isParty: isAgreementParty,
  isCellParty: isAgreementCellParty,
  hasAcknowledged,
  hasAcknowledgedCell,
  agreementCount,
  nonces: agreementNonces,
  domainSeparator: agreementsDomainSeparator,
  eip712Domain: agreementsEip712Domain,
  cellRegistry: agreementsCellRegistry,
  // aggregates and event-rebuilt views
  getAgreement,
  getAgreements,
  listAgreements,
  timeline: agreementTimeline,
  // signatures
  getAcknowledgeTypedData,
  signAcknowledgement,
  // writes
  propose: proposeAgreement,
  acknowledge: acknowledgeAgreement,
  acknowledgeForCell: acknowledgeAgreementForCell,
  acknowledgeMany: acknowledgeAgreements,
  acknowledgeBySig: acknowledgeAgreementBySig,
  acknowledgeForCellBySig: acknowledgeAgreementForCellBySig,
  submitSignatures: submitAgreementSignatures,
  invalidateNonce: invalidateAgreementNonce,
  decline: declineAgreement,
  declineForCell: declineAgreementForCell,
  withdraw: withdrawAgreement,
  terminate: terminateAgreement,
  terminateForCell: terminateAgreementForCell,
  amend: amendAgreement,
  amendForCell: amendAgreementForCell,
};

type AgreementActionTable = typeof agreementActionTable;

/** {@link getAcknowledgeTypedData} bound to a client, with its overloads (account or cell typed data). */
export type BoundGetAcknowledgeTypedData = {
  (
    parameters: GetAcknowledgeTypedDataParameters & { cellId?: undefined },
  ): Promise<AccountAcknowledgeTypedData>;
  (parameters: GetAcknowledgeTypedDataParameters & { cellId: BigIntish }): Promise<CellAcknowledgeTypedData>;
  (parameters: GetAcknowledgeTypedDataParameters): Promise<AcknowledgeTypedData>;
};

/** The agreements actions bound to a client: `concord.agreements.getAgreement({ agreementId })`. */
export type AgreementsActions = {
  [
    name in Exclude<keyof AgreementActionTable, "getAcknowledgeTypedData">
  ]: AgreementActionTable[name] extends (client: ConcordClientBase, ...args: infer params) => infer result
    ? (...args: params) => result
    : never;
} & { getAcknowledgeTypedData: BoundGetAcknowledgeTypedData };

/**
 * Binds every agreements action to `client`.
 *
 * @example
 * import { agreementsActions, createConcordBaseClient } from "@concord-dao/sdk";
 *
 * const agreements = agreementsActions(createConcordBaseClient({ publicClient, walletClient }));
 * await agreements.propose({ accounts: [alice, bob], terms: "..." });
 */
export function agreementsActions(client: ConcordClientBase): AgreementsActions {
  const bound: Record<string, unknown> = {};
  for (const [name, action] of Object.entries(agreementActionTable)) {
    bound[name] = (...args: unknown[]) =>
      (action as (client: ConcordClientBase, ...rest: unknown[]) => unknown)(client, ...args);
  }
  return bound as AgreementsActions;
}
