/**
 * Binds every agreements action to a Concord client, as viem's `publicActions` does for viem actions.
 */
import type { ConcordClientBase } from "../client.ts";
import { bindActions } from "../internal/bind.ts";
import type { BoundActions } from "../internal/bind.ts";
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
import { watchAgreementEvents } from "./watch.ts";

const agreementActionTable = {
  // reads
  agreementStatusOf,
  getAgreementInfo,
  agreementPartiesOf,
  isAgreementParty,
  isAgreementCellParty,
  hasAcknowledged,
  hasAcknowledgedCell,
  agreementCount,
  agreementNonces,
  agreementsDomainSeparator,
  agreementsEip712Domain,
  agreementsCellRegistry,
  // aggregates and event-rebuilt views
  getAgreement,
  getAgreements,
  listAgreements,
  agreementTimeline,
  // signatures
  getAcknowledgeTypedData,
  signAcknowledgement,
  // writes
  proposeAgreement,
  acknowledgeAgreement,
  acknowledgeAgreementForCell,
  acknowledgeAgreements,
  acknowledgeAgreementBySig,
  acknowledgeAgreementForCellBySig,
  submitAgreementSignatures,
  invalidateAgreementNonce,
  declineAgreement,
  declineAgreementForCell,
  withdrawAgreement,
  terminateAgreement,
  terminateAgreementForCell,
  amendAgreement,
  amendAgreementForCell,
  // prepared writes (for a Safe, a relayer, a batch)
  prepareProposeAgreement,
  prepareAmendAgreement,
  prepareAmendAgreementForCell,
  prepareAcknowledgeAgreement,
  prepareAcknowledgeAgreementForCell,
  prepareAcknowledgeAgreements,
  prepareAcknowledgeAgreementBySig,
  prepareAcknowledgeAgreementForCellBySig,
  prepareSubmitAgreementSignatures,
  prepareInvalidateAgreementNonce,
  prepareDeclineAgreement,
  prepareDeclineAgreementForCell,
  prepareWithdrawAgreement,
  prepareTerminateAgreement,
  prepareTerminateAgreementForCell,
  // watching
  watchAgreementEvents,
};

/** The agreements actions by name (their types give each action's `XParameters` and `XReturnType`). */
export type AgreementActionTable = typeof agreementActionTable;

/** {@link getAcknowledgeTypedData} bound to a client, with its overloads (account or cell typed data). */
export type BoundGetAcknowledgeTypedData = {
  (
    parameters: GetAcknowledgeTypedDataParameters & { cellId?: undefined },
  ): Promise<AccountAcknowledgeTypedData>;
  (parameters: GetAcknowledgeTypedDataParameters & { cellId: BigIntish }): Promise<CellAcknowledgeTypedData>;
  (parameters: GetAcknowledgeTypedDataParameters): Promise<AcknowledgeTypedData>;
};

/** The agreements actions bound to a client: `concord.agreements.getAgreement({ agreementId })`. */
export type AgreementsActions = Omit<BoundActions<AgreementActionTable>, "getAcknowledgeTypedData"> & {
  getAcknowledgeTypedData: BoundGetAcknowledgeTypedData;
};

/**
 * Binds every agreements action to `client`.
 *
 * @example
 * import { agreementsActions, createConcordBaseClient } from "@concord-dao/sdk";
 *
 * const agreements = agreementsActions(createConcordBaseClient({ publicClient, walletClient }));
 * await agreements.proposeAgreement({ accounts: [alice, bob], title: "…", terms: "...", termsURI: "ipfs://…" });
 */
export function agreementsActions(client: ConcordClientBase): AgreementsActions {
  return bindActions(client, agreementActionTable) as AgreementsActions;
}
