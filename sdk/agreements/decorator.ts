/**
 * Binds every agreements action (the list in `actions.ts`) to a Concord client, as viem's `publicActions` does for
 * viem actions.
 */
import type { ConcordClientBase } from "../client.ts";
import { bindActions } from "../internal/bind.ts";
import type { BoundActions } from "../internal/bind.ts";
import type { BigIntish } from "../internal/validate.ts";
import * as agreementActionTable from "./actions.ts";
import type { GetAcknowledgeTypedDataParameters } from "./signatures.ts";
import type { AccountAcknowledgeTypedData, AcknowledgeTypedData, CellAcknowledgeTypedData } from "./types.ts";

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
