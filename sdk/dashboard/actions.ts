/**
 * The dashboard module's reads: the members' app's dashboard and directory, on either read path (the client's
 * `reads: "rpc" | "indexer" | "auto"`), with the same result.
 *
 * - `getDashboardDirectory`: every cell and the standing of the accounts asked for. Indexer: ONE request (each
 *   500 cells more: one more). Direct: one `eth_getLogs` per 500 cells, then bounded batches of `getCell`,
 *   `rolesOf` and `joinRequestedAt` (Multicall3 where the chain has it).
 * - `getDashboard`: the directory (unless `directory: false`), what the members ask and do, and the live values
 *   of what it shows. Indexer: ONE request, then ONE Multicall3 call of the shown items' live values (the
 *   viewer's and the newest 8 agreements and 8 resources, the newest proposals that fit: at most 64 calls). Direct: the
 *   directory's reads, ONE log scan of every registry (split within the provider's limits), then bounded batches
 *   of the live values of every agreement, resource and proposal.
 */
import { getAddress } from "viem";
import type { Address } from "viem";

import type { ConcordClientBase } from "../client.ts";
import { InvalidInputError } from "../errors.ts";
import { indexerFor } from "../indexer/switch.ts";
import { readBatchSettled } from "../internal/read.ts";
import { readDirectoryDirect, scanDashboardEvents } from "./direct.ts";
import { accountsOf, planDashboardState } from "./plan.ts";
import type { SettledOutcome } from "./plan.ts";
import { MAX_DASHBOARD_ACCOUNTS } from "./types.ts";
import type {
  Dashboard,
  DashboardDirectory,
  DashboardEvents,
  DashboardState,
  GetDashboardDirectoryParameters,
  GetDashboardParameters,
} from "./types.ts";

/** The viewer (checksummed, or null) and every account read, the viewer first; at most MAX_DASHBOARD_ACCOUNTS. */
function accountsOfParameters(parameters: GetDashboardDirectoryParameters): {
  viewer: Address | null;
  accounts: Address[];
} {
  const check = (name: string, value: unknown): Address => {
    if (typeof value !== "string" || !/^0x[0-9a-fA-F]{40}$/.test(value))
      throw new InvalidInputError(name, value, `expected an address, got ${String(value)}`);
    return getAddress(value);
  };
  const viewer =
    parameters.account === null || parameters.account === undefined
      ? null
      : check("account", parameters.account);
  const others = (parameters.others ?? []).map((other, i) => check(`others[${i}]`, other));
  const accounts = accountsOf(viewer, others);
  if (accounts.length > MAX_DASHBOARD_ACCOUNTS) {
    throw new InvalidInputError(
      "others",
      parameters.others,
      `at most ${MAX_DASHBOARD_ACCOUNTS} accounts with the viewer, got ${accounts.length}`,
    );
  }
  return { viewer, accounts };
}

/**
 * Every cell and the standing of `account` (and `others`) in each: the DAO's tree, the other cells, roots.
 *
 * Bounds: at most 50,000 cells (`MAX_DASHBOARD_CELLS`, else a `ConcordError`); at most 17 accounts with the
 * viewer (`MAX_DASHBOARD_ACCOUNTS`, else an `InvalidInputError`). Indexer: 1 request per 500 cells. Direct:
 * 1 `eth_getLogs` per 500 cells and batches of at most `callsPerBatch` calls.
 *
 * @example
 * import { getDashboardDirectory } from "@concord-dao/sdk";
 *
 * const { dao, others, standing } = await getDashboardDirectory(concord, { account: alice });
 * standing?.get(1n); // { roles: 3, joinRequestedAt: null }
 */
export async function getDashboardDirectory(
  client: ConcordClientBase,
  parameters: GetDashboardDirectoryParameters = {},
): Promise<DashboardDirectory> {
  const { viewer, accounts } = accountsOfParameters(parameters);
  const viaIndexer = await indexerFor(client);
  if (viaIndexer) {
    const { indexerDashboard } = await import("./indexer.ts");
    const page = await indexerDashboard(viaIndexer, client, {
      account: viewer,
      accounts,
      directory: true,
      activity: false,
    });
    return page.directory!;
  }
  return readDirectoryDirect(client, viewer, accounts);
}

/**
 * The live values of what `events` names (agreement statuses, leases and queues, proposal states and the
 * viewer's position, the chain's clock, the treasury's ETH): one settled batch (split past `callsPerBatch`
 * calls); a governance read before its snapshot reads as "not yet", any other failure throws decoded.
 *
 * @example
 * const state = await readDashboardState(concord, events, alice);
 */
export async function readDashboardState(
  client: ConcordClientBase,
  events: Pick<DashboardEvents, "agreements" | "resources" | "proposals">,
  account: Address | null,
): Promise<DashboardState> {
  const plan = planDashboardState(client, events, account);
  if (plan.calls.length === 0) return plan.read([]);
  const outcomes = (await readBatchSettled(client, plan.calls as never[], {
    contract: "AgreementRegistry",
    functionName: "getAgreement",
  })) as readonly SettledOutcome[];
  return plan.read(outcomes);
}

/**
 * The members' dashboard in one read: the directory ({@link getDashboardDirectory}; null with
 * `directory: false`), pending joins, declared states and intents, agreements and resources with their live
 * status, proposals with their live state and the viewer's position, totals, the treasury's ETH and the chain's
 * time.
 *
 * Bounds. Indexer path: 2 requests (one page, one Multicall3 call); the lists are the oldest 50 pending joins,
 * the newest 20 states and 20 intents, the viewer's then the newest agreements and resources (8 of each shown),
 * and the newest proposals whose live reads fit one batch; `events.totals` counts every agreement and resource.
 * Direct path: every event since deployment (one scan, split within the provider's limits, `onProgress`,
 * `signal`) and the live values of every item, in batches of at most `callsPerBatch` calls.
 *
 * @example
 * import { getDashboard } from "@concord-dao/sdk";
 *
 * const { directory, events, state } = await getDashboard(concord, { account: alice });
 * for (const agreement of events.agreements) console.log(agreement.title, state.agreements.get(agreement.id)?.statusName);
 */
export async function getDashboard(
  client: ConcordClientBase,
  parameters: GetDashboardParameters = {},
): Promise<Dashboard> {
  const { viewer, accounts } = accountsOfParameters(parameters);
  const withDirectory = parameters.directory ?? true;
  const viaIndexer = await indexerFor(client);
  if (viaIndexer) {
    const { indexerDashboard } = await import("./indexer.ts");
    const page = await indexerDashboard(viaIndexer, client, {
      account: viewer,
      accounts,
      directory: withDirectory,
      activity: true,
    });
    const events = page.events!;
    return {
      directory: page.directory,
      events,
      state: await readDashboardState(client, events, viewer),
      path: "indexer",
    };
  }
  const [directory, events] = await Promise.all([
    withDirectory ? readDirectoryDirect(client, viewer, accounts) : null,
    scanDashboardEvents(client, { onProgress: parameters.onProgress, signal: parameters.signal }),
  ]);
  return { directory, events, state: await readDashboardState(client, events, viewer), path: "rpc" };
}
