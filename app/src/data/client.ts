/**
 * The app's SDK client: the base client with the cells actions bound. The agreements, leases and governance
 * actions are not bound: the pages that use them import those actions from the SDK's public entry and call them
 * with this client (`acknowledgeAgreement(concord, { agreementId })`), so each module's actions load with its
 * pages, not with the dashboard (a bound module carries every one of its actions into the first load).
 */
import { cellsActions, createConcordBaseClient } from "../../../sdk/index.ts";
import type { CellsActions, ConcordClientBase, CreateConcordClientParameters } from "../../../sdk/index.ts";

/** The SDK client of the app (like `ConcordClient`, with `.cells` only). */
export type AppClient = ConcordClientBase & {
  readonly cells: CellsActions;
};

/**
 * Creates the app's SDK client.
 *
 * @example
 * const reader = createAppClient({ publicClient, deployment });
 */
export function createAppClient(parameters: CreateConcordClientParameters): AppClient {
  const base = createConcordBaseClient(parameters);
  return { ...base, cells: cellsActions(base) };
}
