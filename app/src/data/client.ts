/**
 * The app's SDK client: the base client with the cells, agreements and leases actions bound, but not the
 * governance ones, so the governance module of the SDK stays in the governance pages' lazy chunk (about
 * 14 kB gzip off the first load). Those pages bind it themselves: `governanceActions(concord)`.
 */
import {
  agreementsActions,
  cellsActions,
  createConcordBaseClient,
  leasesActions,
} from "../../../sdk/index.ts";
import type {
  AgreementsActions,
  CellsActions,
  ConcordClientBase,
  CreateConcordClientParameters,
  LeasesActions,
} from "../../../sdk/index.ts";

/** The SDK client of the app (like `ConcordClient`, without `.governance`). */
export type AppClient = ConcordClientBase & {
  readonly cells: CellsActions;
  readonly agreements: AgreementsActions;
  readonly leases: LeasesActions;
};

/**
 * Creates the app's SDK client.
 *
 * @example
 * const reader = createAppClient({ publicClient, deployment });
 */
export function createAppClient(parameters: CreateConcordClientParameters): AppClient {
  const base = createConcordBaseClient(parameters);
  return {
    ...base,
    cells: cellsActions(base),
    agreements: agreementsActions(base),
    leases: leasesActions(base),
  };
}
