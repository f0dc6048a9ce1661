/**
 * The dashboard through the Concord indexer (a lazy chunk, loaded when the read path is the indexer): one
 * request to its page-shaped `/concord/dashboard` (every cell with what the registry derives from events: phase,
 * recognition, member and steward counts, delegate; the viewer's and the dev accounts' standing; the newest
 * agreements, resources and proposals and the viewer's own; pending join requests, declared states and
 * intents), then ONE Multicall3 call of the live values that change by time alone, for the items the dashboard
 * shows (agreement statuses, leases and queues, proposal states): 2 requests at any size up to 500 cells,
 * where the direct path scans every log since deployment and reads every cell.
 *
 * The API's JSON: integers as decimal strings, addresses lower-case (indexer/src/api/index.ts).
 */
import type { getAddress as GetAddress } from "viem";
import type { Address, Hash, Hex } from "viem";

import type {
  ActivityRow as IndexerActivityRow,
  AgreementRow as IndexerAgreementRow,
  Cell,
  cellFromInfo,
  CellRow as IndexerCellRow,
  ConcordClientBase,
  ConcordError,
  CreationRow as IndexerCreationRow,
  JoinRequestRow as IndexerJoinRequestRow,
  MembershipRow as IndexerMembershipRow,
  ResourceRow as IndexerResourceRow,
  readBatchSettled,
  scaleForMemberCount,
} from "../../../sdk/index.ts";
import type {
  DaoEvents,
  DaoState,
  Directory,
  directoryOf,
  planDaoState,
  ProposalEvents,
  SettledOutcome,
  Standing,
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
  planDaoState: typeof planDaoState;
  directoryOf: typeof directoryOf;
  cellFromInfo: typeof cellFromInfo;
  scaleForMemberCount: typeof scaleForMemberCount;
  ConcordError: typeof ConcordError;
  /** The most calls one Multicall3 `eth_call` carries (the SDK's `readBatchLimits.callsPerBatch`). */
  callsPerBatch: number;
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
type CellRow = Omit<IndexerCellRow, "createdAt"> & { createdAt: string };
type AgreementRow = Omit<IndexerAgreementRow, "cellId">;
type ResourceRow = Pick<IndexerResourceRow, "id" | "name" | "ownerCellId">;
type CreationRow = Omit<IndexerCreationRow, "voteEnd" | "logIndex">;
type JoinRequestRow = Pick<IndexerJoinRequestRow, "cellId" | "account" | "requestedBlock">;
type ActivityRow = Pick<IndexerActivityRow, "cellId" | "member" | "state" | "intent" | "at" | "blockNumber">;
type MembershipRow = Pick<IndexerMembershipRow, "cellId" | "account" | "roles">;

/** The indexer's `/concord/dashboard` answer (`?account=&others=`). */
export type IndexerDashboardPage = {
  /** Every cell, in id order (one page of up to 500). */
  cells: Page<CellRow>;
  /** Newest first. */
  agreements: AgreementRow[];
  /** Newest first. */
  resources: ResourceRow[];
  /** Newest first. */
  proposals: Page<CreationRow>;
  joinRequests: JoinRequestRow[];
  /** Newest first. */
  states: ActivityRow[];
  /** Latest date first. */
  intents: ActivityRow[];
  /** The standing of the viewer and the others asked for: memberships and pending join requests. */
  standing: {
    memberships: MembershipRow[];
    joinRequests: Pick<IndexerJoinRequestRow, "cellId" | "account" | "requestedAt">[];
  };
  /** The viewer's agreements (as a party, or a steward of a cell party) and resources once granted to them. */
  mine: { agreements: AgreementRow[]; resources: ResourceRow[] };
  totals: { agreements: number; resources: number };
};

/** How many more cell pages (of 500) the dashboard follows past the first. */
export const MAX_EXTRA_PAGES = 20;

async function getJson<result>(
  tools: IndexerTools,
  url: string,
  path: string,
  query: Record<string, string>,
  fetchFn: typeof fetch,
): Promise<result> {
  const target = new URL(url.replace(/\/+$/, "") + path);
  for (const [key, value] of Object.entries(query)) if (value !== "") target.searchParams.set(key, value);
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
const NO_HASH = `0x${"0".repeat(64)}` as Hex;
const NO_ACCOUNT = `0x${"0".repeat(40)}` as Address;
/** The registry's MAX_DEPTH: a parent walk longer than this is a broken answer. */
const MAX_DEPTH = 8;

/**
 * The cells as `getCell` returns them, from the indexer's rows: everything but the depth is event-derived and
 * in the row; the depth is the length of the parent chain.
 *
 * @throws {ConcordError} when a cell's parent is missing or the chain is longer than the registry allows.
 */
export function cellsFromRows(tools: IndexerTools, rows: readonly CellRow[]): Cell[] {
  const byId = new Map(rows.map((row) => [big(row.id), row]));
  const depthOf = (id: bigint): number => {
    let depth = 1;
    for (let parent = big(byId.get(id)!.parentId); parent !== 0n; depth++) {
      const row = byId.get(parent);
      if (!row || depth >= MAX_DEPTH)
        throw new tools.ConcordError(`The indexer's cell ${id} has no complete chain of parents.`);
      parent = big(row.parentId);
    }
    return depth;
  };
  return rows.map((row) => {
    const id = big(row.id);
    return tools.cellFromInfo(
      id,
      {
        parentId: big(row.parentId),
        depth: depthOf(id),
        phase: row.phase,
        scale: tools.scaleForMemberCount(row.memberCount),
        createdAt: big(row.createdAt),
        memberCount: row.memberCount,
        stewardCount: row.stewardCount,
        recognised: row.recognised,
        delegate: row.delegate === null ? NO_ACCOUNT : tools.getAddress(row.delegate),
        nucleusHash: (row.nucleusHash ?? NO_HASH) as Hex,
      },
      {
        parentId: big(row.parentId),
        name: row.name,
        creator: tools.getAddress(row.creator),
        nucleusURI: row.nucleusURI,
        nucleusHash: row.nucleusHash as Hex | null,
        createdBlock: big(row.createdBlock),
      },
    );
  });
}

/**
 * The standing of each of `accounts` in each cell, from the indexer's memberships and pending join requests
 * (no membership and no request: roles 0, not requested).
 */
export function standingFromRows(
  getAddress: typeof GetAddress,
  cells: readonly Cell[],
  accounts: readonly Address[],
  standing: IndexerDashboardPage["standing"],
): Map<Address, Map<bigint, Standing>> {
  const standingOf = new Map<Address, Map<bigint, Standing>>();
  for (const account of accounts) {
    standingOf.set(
      getAddress(account),
      new Map(cells.map((cell) => [cell.id, { roles: 0, joinRequestedAt: null }])),
    );
  }
  const entry = (cellId: string, account: string) => standingOf.get(getAddress(account))?.get(big(cellId));
  for (const row of standing.memberships) {
    const found = entry(row.cellId, row.account);
    if (found) found.roles = row.roles;
  }
  for (const row of standing.joinRequests) {
    const found = entry(row.cellId, row.account);
    if (found) found.joinRequestedAt = big(row.requestedAt);
  }
  return standingOf;
}

const agreementOf = (getAddress: typeof GetAddress, row: AgreementRow): DaoEvents["agreements"][number] => ({
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
});

/** Rows of two lists (the viewer's first), each id once, newest first. */
function mineFirst<row extends { id: string }>(mine: readonly row[], newest: readonly row[]): row[] {
  const seen = new Set<string>();
  return [...mine, ...newest].filter((row) => !seen.has(row.id) && seen.add(row.id));
}

/**
 * The dashboard page's rows as the direct loaders shape them (the DAO's events), with the viewer's agreements
 * and resources first, newest first; proposals oldest first, as the direct scan orders them.
 *
 * @example
 * const events = fromIndexerRows(getAddress, page);
 */
export function fromIndexerRows(
  getAddress: typeof GetAddress,
  page: Pick<
    IndexerDashboardPage,
    "agreements" | "resources" | "proposals" | "joinRequests" | "states" | "intents" | "mine"
  >,
): DaoEvents {
  const proposals = new Map<bigint, ProposalEvents>();
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
    agreements: mineFirst(page.mine.agreements, page.agreements).map((row) => agreementOf(getAddress, row)),
    resources: mineFirst(page.mine.resources, page.resources).map((row) => ({
      id: big(row.id),
      name: row.name,
      ownerCellId: big(row.ownerCellId),
    })),
    proposals: [...proposals.values()],
  };
}

/** Of one Multicall3 call's budget, the items of each list the dashboard shows (and reads the state of). */
export const SHOWN = { agreements: 16, resources: 16 } as const;

/**
 * What the dashboard shows of `events` (given the viewer's first, then newest first; proposals oldest first):
 * at most {@link SHOWN} agreements and resources, and the newest proposals whose reads still fit, so that the
 * live values are ONE Multicall3 call of at most `callsPerBatch` calls. Each list comes back in id order (the
 * proposals in creation order), as the direct loaders give them.
 *
 * @example
 * const shown = shownOnDashboard(tools, concord, events, alice);
 * tools.planDaoState(concord, shown, alice).calls.length <= tools.callsPerBatch; // true
 */
export function shownOnDashboard(
  tools: Pick<IndexerTools, "planDaoState" | "callsPerBatch">,
  concord: ConcordClientBase,
  events: DaoEvents,
  account: Address | null,
): DaoEvents {
  const byId = (a: { id: bigint }, b: { id: bigint }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const shown = {
    agreements: events.agreements.slice(0, SHOWN.agreements),
    resources: events.resources.slice(0, SHOWN.resources),
    proposals: [] as ProposalEvents[],
  };
  const cost = () => tools.planDaoState(concord, shown, account).calls.length;
  // Newest first, each while the whole batch still fits one call (the proposals' reads depend on the house).
  for (const record of [...events.proposals].reverse()) {
    shown.proposals.unshift(record);
    if (cost() > tools.callsPerBatch) {
      shown.proposals.shift();
      break;
    }
  }
  // The fixed shares fit by construction; if the chain lacks governance they cost less.
  return {
    ...events,
    agreements: shown.agreements.sort(byId),
    resources: shown.resources.sort(byId),
    proposals: shown.proposals,
  };
}

/** What the dashboard shows, read through the indexer. */
export type IndexedDashboard = { directory: Directory; events: DaoEvents; state: DaoState };

/**
 * The indexer's `/concord/dashboard` page as the app uses it: the directory (every cell, the standing of
 * `account` and `others`) and what the dashboard shows ({@link shownOnDashboard}): 1 request while the cells fit
 * one page of 500 (each 500 more: one more request). Every page needs the directory: this is all it costs.
 *
 * @example
 * const { directory, events } = await loadIndexedPage(tools, reader, "http://127.0.0.1:42069", alice);
 */
export async function loadIndexedPage(
  tools: IndexerTools,
  concord: ConcordClientBase,
  indexerUrl: string,
  account: Address | null,
  others: readonly Address[] = [],
  fetchFn: typeof fetch = (input, init) => fetch(input, init),
): Promise<Omit<IndexedDashboard, "state">> {
  const viewer = account === null ? null : tools.getAddress(account);
  const accounts = [...new Set([viewer, ...others].flatMap((a) => (a ? [tools.getAddress(a)] : [])))];
  const page = await getJson<IndexerDashboardPage>(
    tools,
    indexerUrl,
    "/concord/dashboard",
    { account: viewer ?? "", others: accounts.filter((a) => a !== viewer).join(",") },
    fetchFn,
  );
  if (!page.standing || !page.mine || !Array.isArray(page.agreements)) {
    throw unavailable(tools, indexerUrl, "its /concord/dashboard is older than this app");
  }
  const cells = cellsFromRows(tools, await rest(tools, indexerUrl, "/concord/cells", page.cells, fetchFn));
  return {
    directory: tools.directoryOf(
      cells,
      standingFromRows(tools.getAddress, cells, accounts, page.standing),
      viewer,
    ),
    events: {
      ...shownOnDashboard(tools, concord, fromIndexerRows(tools.getAddress, page), viewer),
      totals: { agreements: Number(page.totals.agreements), resources: Number(page.totals.resources) },
    },
  };
}

/**
 * The live values of what the dashboard shows (`events`, from {@link loadIndexedPage}): ONE Multicall3 call.
 *
 * @example
 * const state = await readIndexedState(tools, reader, events, alice);
 */
export async function readIndexedState(
  tools: IndexerTools,
  concord: ConcordClientBase,
  events: DaoEvents,
  account: Address | null,
): Promise<DaoState> {
  const plan = tools.planDaoState(concord, events, account === null ? null : tools.getAddress(account));
  const outcomes =
    plan.calls.length === 0
      ? []
      : ((await tools.readBatchSettled(concord, plan.calls as never[], {
          contract: "AgreementRegistry",
          functionName: "getAgreement",
        })) as readonly SettledOutcome[]);
  return plan.read(outcomes);
}

/**
 * The dashboard through the indexer at `indexerUrl`: {@link loadIndexedPage} then {@link readIndexedState}, 2
 * requests (the app runs them as two queries, so that a page needing only the directory makes one).
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
  const page = await loadIndexedPage(tools, concord, indexerUrl, account, others, fetchFn);
  return { ...page, state: await readIndexedState(tools, concord, page.events, account) };
}
