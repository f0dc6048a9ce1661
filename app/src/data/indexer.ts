/**
 * The dashboard through the Concord indexer (a lazy chunk, loaded when the read path is the indexer): one
 * request to its page-shaped `/concord/dashboard` (cells, agreements, resources, the newest proposals, pending
 * join requests, declared states and intents), then ONE batched read of the live values (each cell's state
 * and the viewer's standing, agreement statuses, leases and queues, proposal states): 2 requests at the
 * demo's size, where the direct path scans every log since deployment. Cells, agreements and resources past
 * the dashboard's first page follow the list endpoints' cursors (bounded).
 *
 * The API's JSON: integers as decimal strings, addresses lower-case (indexer/src/api/index.ts).
 */
import type { getAddress as GetAddress } from "viem";
import type { Address, Hash, Hex } from "viem";

import type {
  ActivityRow as IndexerActivityRow,
  AgreementRow as IndexerAgreementRow,
  CellRow as IndexerCellRow,
  CellSummary,
  ConcordClientBase,
  ConcordError,
  CreationRow as IndexerCreationRow,
  JoinRequestRow as IndexerJoinRequestRow,
  ResourceRow as IndexerResourceRow,
  readBatchSettled,
} from "../../../sdk/index.ts";
import type {
  DaoEvents,
  DaoState,
  Directory,
  planDaoState,
  planDirectory,
  ProposalEvents,
  SettledOutcome,
  StateEntry,
} from "./loaders.ts";

/**
 * What this chunk uses of the first load's code, passed in by the caller (concord.tsx): imported here, the
 * bundler would split those modules out of the first load into shared chunks, which costs more than this
 * whole module.
 */
export type IndexerTools = {
  getAddress: typeof GetAddress;
  readBatchSettled: typeof readBatchSettled;
  planDirectory: typeof planDirectory;
  planDaoState: typeof planDaoState;
  ConcordError: typeof ConcordError;
};

/** The indexer cannot serve the dashboard (unreachable, an error status, an older API). */
function unavailable(tools: IndexerTools, url: string, reason: string, cause?: unknown): Error {
  return new tools.ConcordError(`The Concord indexer at ${url} cannot serve the dashboard: ${reason}.`, {
    cause,
    details:
      "Check that the indexer runs (npm run indexer:start) and follows this chain, or clear indexerUrl.",
  });
}

type Page<row> = { items: row[]; next: string | null };

// The rows' shapes are the SDK's (`sdk/indexer/rows.ts`): the app names only the fields the dashboard reads.
type CellRow = Pick<
  IndexerCellRow,
  "id" | "parentId" | "name" | "creator" | "nucleusURI" | "nucleusHash" | "createdBlock"
>;
type AgreementRow = Omit<IndexerAgreementRow, "cellId">;
type ResourceRow = Pick<IndexerResourceRow, "id" | "name" | "ownerCellId">;
type CreationRow = Omit<IndexerCreationRow, "voteEnd" | "logIndex">;
type JoinRequestRow = Pick<IndexerJoinRequestRow, "cellId" | "account" | "requestedBlock">;
type ActivityRow = Pick<IndexerActivityRow, "cellId" | "member" | "state" | "intent" | "at" | "blockNumber">;

/** The indexer's `/concord/dashboard` answer. */
export type IndexerDashboardPage = {
  cells: Page<CellRow>;
  agreements: Page<AgreementRow>;
  resources: Page<ResourceRow>;
  /** Newest first. */
  proposals: Page<CreationRow>;
  joinRequests: JoinRequestRow[];
  /** Newest first. */
  states: ActivityRow[];
  /** Latest date first. */
  intents: ActivityRow[];
};

/** How many more list pages (of 500) the dashboard follows past the first, per list. */
export const MAX_EXTRA_PAGES = 20;

async function getJson<result>(
  tools: IndexerTools,
  url: string,
  path: string,
  query: Record<string, string>,
  fetchFn: typeof fetch,
): Promise<result> {
  const target = new URL(url.replace(/\/+$/, "") + path);
  for (const [key, value] of Object.entries(query)) target.searchParams.set(key, value);
  let response: Response;
  try {
    response = await fetchFn(target, { signal: AbortSignal.timeout(30_000) });
  } catch (cause) {
    throw unavailable(tools, url, "it does not answer", cause);
  }
  if (!response.ok) throw unavailable(tools, url, `${path} answered ${response.status}`);
  return (await response.json()) as result;
}

/** The rest of a list whose first page the dashboard carried, following its cursor (bounded). */
async function rest<row>(
  tools: IndexerTools,
  url: string,
  path: string,
  first: Page<row>,
  fetchFn: typeof fetch,
): Promise<row[]> {
  const rows = [...first.items];
  let next = first.next;
  for (let page = 0; next !== null; page++) {
    if (page >= MAX_EXTRA_PAGES)
      throw unavailable(tools, url, `${path} has more than ${MAX_EXTRA_PAGES} pages of 500`);
    const more: Page<row> = await getJson(tools, url, path, { cursor: next, limit: "500" }, fetchFn);
    rows.push(...more.items);
    next = more.next;
  }
  return rows;
}

const big = (value: string) => BigInt(value);
const bigOrNull = (value: string | null) => (value === null ? null : BigInt(value));

/**
 * The dashboard page's rows as the direct loaders shape them: the cells' summaries and the DAO's events.
 *
 * @example
 * const { summaries, events } = fromIndexerRows(getAddress, page, cells, agreements, resources);
 */
export function fromIndexerRows(
  getAddress: typeof GetAddress,
  page: Pick<IndexerDashboardPage, "proposals" | "joinRequests" | "states" | "intents">,
  cells: readonly CellRow[],
  agreements: readonly AgreementRow[],
  resources: readonly ResourceRow[],
): { summaries: CellSummary[]; events: DaoEvents } {
  const summaries = cells.map((row): CellSummary => ({
    id: big(row.id),
    parentId: big(row.parentId),
    name: row.name,
    creator: getAddress(row.creator),
    nucleusURI: row.nucleusURI,
    nucleusHash: row.nucleusHash as Hex | null,
    createdBlock: big(row.createdBlock),
  }));
  const proposals = new Map<bigint, ProposalEvents>();
  // Oldest first, as the direct scan orders them.
  for (const row of [...page.proposals.items].reverse()) {
    const id = big(row.proposalId);
    const record = proposals.get(id) ?? { id, community: null, operational: null };
    record[row.house] = {
      proposer: getAddress(row.proposer),
      description: row.description,
      calls: row.targets.map((target, i) => ({
        target: getAddress(target),
        value: big(row.values[i] ?? "0"),
        data: (row.calldatas[i] ?? "0x") as Hex,
      })),
      voteStart: big(row.voteStart),
      blockNumber: big(row.blockNumber),
    };
    proposals.set(id, record);
  }
  const states = new Map<string, StateEntry>();
  for (const row of page.states) {
    const key = `${row.cellId}:${row.member.toLowerCase()}`;
    if (states.has(key)) continue; // newest first: the first seen is the current state
    states.set(key, {
      cellId: big(row.cellId),
      member: getAddress(row.member),
      state: row.state ?? "",
      blockNumber: big(row.blockNumber),
    });
  }
  return {
    summaries,
    events: {
      pendingJoins: page.joinRequests.map((row) => ({
        cellId: big(row.cellId),
        account: getAddress(row.account),
        blockNumber: big(row.requestedBlock),
      })),
      states: [...states.values()],
      intents: page.intents
        .map((row) => ({
          cellId: big(row.cellId),
          member: getAddress(row.member),
          intent: row.intent ?? "",
          at: bigOrNull(row.at) ?? 0n,
          blockNumber: big(row.blockNumber),
        }))
        .reverse(),
      agreements: agreements.map((row) => ({
        id: big(row.id),
        title: row.title,
        proposer: getAddress(row.proposer),
        accounts: row.accounts.map((account) => getAddress(account)),
        cells: row.cells.map(big),
        termsHash: row.termsHash as Hex,
        termsURI: row.termsURI,
        expiresAt: bigOrNull(row.expiresAt),
        amends: bigOrNull(row.amends),
        blockNumber: big(row.blockNumber),
        transactionHash: row.transactionHash as Hash,
      })),
      resources: resources.map((row) => ({
        id: big(row.id),
        name: row.name,
        ownerCellId: big(row.ownerCellId),
      })),
      proposals: [...proposals.values()],
    },
  };
}

/** What the dashboard shows, read through the indexer. */
export type IndexedDashboard = { directory: Directory; events: DaoEvents; state: DaoState };

/**
 * The dashboard through the indexer at `indexerUrl`: its `/concord/dashboard` page, then one batched read of
 * the live values (the standing of `account` and `others` included): 2 requests while every list fits the
 * page (50 cells, 20 agreements, 50 resources; the 20 newest proposals; 50 pending join requests, 20 states,
 * 20 intents); each list past its first page costs one more request per 500 items.
 *
 * @example
 * const { directory, events, state } = await loadDashboardFromIndexer(tools, reader, "http://127.0.0.1:42069", alice);
 */
export async function loadDashboardFromIndexer(
  tools: IndexerTools,
  concord: ConcordClientBase,
  indexerUrl: string,
  account: Address | null,
  others: readonly Address[] = [],
  fetchFn: typeof fetch = (input, init) => fetch(input, init),
): Promise<IndexedDashboard> {
  const page = await getJson<IndexerDashboardPage>(tools, indexerUrl, "/concord/dashboard", {}, fetchFn);
  if (!page.agreements || !page.joinRequests || !page.states || !page.intents) {
    throw unavailable(tools, indexerUrl, "its /concord/dashboard is older than this app");
  }
  const [cells, agreements, resources] = await Promise.all([
    rest(tools, indexerUrl, "/concord/cells", page.cells, fetchFn),
    rest(tools, indexerUrl, "/concord/agreements", page.agreements, fetchFn),
    rest(tools, indexerUrl, "/concord/resources", page.resources, fetchFn),
  ]);
  const { summaries, events } = fromIndexerRows(tools.getAddress, page, cells, agreements, resources);
  const directoryPlan = tools.planDirectory(concord, summaries, account, others);
  const statePlan = tools.planDaoState(concord, events, account);
  const calls = [...directoryPlan.calls, ...statePlan.calls];
  const outcomes =
    calls.length === 0
      ? []
      : ((await tools.readBatchSettled(concord, calls as never[], {
          contract: "CellRegistry",
          functionName: "getCell",
        })) as readonly SettledOutcome[]);
  const directoryOutcomes = outcomes.slice(0, directoryPlan.calls.length);
  const failed = directoryOutcomes.find((outcome) => outcome.status === "failure");
  if (failed) throw failed.error ?? new Error("a cell read failed");
  return {
    directory: directoryPlan.read(directoryOutcomes.map((outcome) => outcome.result)),
    events,
    state: statePlan.read(outcomes.slice(directoryPlan.calls.length)),
  };
}
