/**
 * What the cell page reads beyond the directory (a plain module of the cell page's lazy chunk, callable from Node
 * without React: the scale bench measures it): the first page of the cell's members and of its pending join
 * requests, its newest activity, and the decision owners set on the cell and on its ancestors.
 *
 * - Through the indexer ({@link loadCellPageFromIndexer}): ONE request, `/concord/cells/:id`. Everything on it is
 *   event-derived (nothing changes by time alone), so no chain read.
 * - Direct ({@link loadCellPage}): the SDK's reads (which scan the cell's logs) and one scan of decision owners.
 */
import { getAddress } from "viem";
import type { Address, Hash, Hex } from "viem";

import {
  ConcordError,
  getActivity,
  getCell,
  getJoinRequests,
  getMembers,
  rolesToNames,
} from "../../../sdk/index.ts";
import type {
  Activity,
  ActivityRow,
  Cell,
  CellRow,
  ConcordClientBase,
  JoinRequest,
  JoinRequestRow,
  Member,
  MembershipRow,
  Page,
} from "../../../sdk/index.ts";
import { loadDecisionOwners } from "./decisionOwners.ts";
import type { DecisionOwnerEntry, ScanOptions } from "./decisionOwners.ts";

/** How many entries of a cell's activity the cell page shows (the indexer's cell page carries as many). */
export const ACTIVITY_LIMIT = 30;
/** How many members (and pending join requests) one page of the cell page shows. */
export const MEMBERS_PAGE = 50;

/** What the cell page shows of a cell that the directory does not carry: who created it, when, its nucleus. */
export type CellDetails = Pick<Cell, "creator" | "createdAt" | "nucleusURI" | "nucleusHash">;

/** What the cell page shows of a cell, besides the directory's facts. */
export type CellPageData = {
  /** Its creator, creation time and nucleus. */
  details: CellDetails;
  /** The first page of the members, by membership date. */
  members: Page<Member>;
  /** The first page of the pending join requests, oldest first. */
  joinRequests: Page<JoinRequest>;
  /** The newest {@link ACTIVITY_LIMIT} states and intents, newest first. */
  activity: Activity[];
  /** The decision owners set on the cell and on each of its ancestors (not inherited). */
  owners: DecisionOwnerEntry[];
};

/** The indexer's `/concord/cells/:id` answer (integers as decimal strings, addresses lower-case). */
export type IndexerCellPage = {
  cell: CellRow;
  chain: string[];
  members: Page<MembershipRow>;
  joinRequests: Page<JoinRequestRow>;
  activity: Page<ActivityRow>;
  owners: { cellId: string; topic: string; owner: string }[];
};

/**
 * The cell page through the indexer at `indexerUrl`: 1 request, no chain read.
 *
 * @throws {ConcordError} when the indexer does not answer, answers an error, or is older than this app.
 * @example
 * const page = await loadCellPageFromIndexer("http://127.0.0.1:42069", 2n);
 * page.members.items.length; // at most MEMBERS_PAGE
 */
export async function loadCellPageFromIndexer(
  indexerUrl: string,
  cellId: bigint,
  fetchFn: typeof fetch = (input, init) => fetch(input, init),
): Promise<CellPageData> {
  const url = new URL(`/concord/cells/${cellId}`, indexerUrl);
  url.searchParams.set("limit", String(MEMBERS_PAGE));
  const fail = (reason: string, cause?: unknown) =>
    new ConcordError(`The Concord indexer at ${indexerUrl} cannot serve cell ${cellId}: ${reason}.`, {
      cause,
      details:
        "Check that the indexer runs (npm run indexer:start) and follows this chain, or clear indexerUrl.",
    });
  let response: Response;
  try {
    response = await fetchFn(url, { headers: { accept: "application/json" } });
  } catch (error) {
    throw fail("it does not answer", error);
  }
  if (!response.ok) throw fail(`${url.pathname} answered ${response.status}`);
  const page = (await response.json()) as Partial<IndexerCellPage>;
  if (
    !page.members ||
    !page.joinRequests ||
    !page.activity ||
    !Array.isArray(page.owners) ||
    !page.chain ||
    !page.cell
  ) {
    throw fail(`its ${url.pathname} is older than this app`);
  }
  return {
    details: {
      creator: getAddress(page.cell.creator),
      createdAt: BigInt(page.cell.createdAt),
      nucleusURI: page.cell.nucleusURI,
      nucleusHash: page.cell.nucleusHash as Hex | null,
    },
    members: {
      items: page.members.items.map((row) => ({
        account: getAddress(row.account),
        roles: row.roles,
        roleNames: rolesToNames(row.roles),
        since: BigInt(row.since),
        sinceBlock: BigInt(row.sinceBlock),
      })),
      next: page.members.next,
    },
    joinRequests: {
      items: page.joinRequests.items.map((row) => ({
        account: getAddress(row.account),
        requestedAt: BigInt(row.requestedAt),
        requestedBlock: BigInt(row.requestedBlock),
      })),
      next: page.joinRequests.next,
    },
    activity: page.activity.items.map((row): Activity => {
      const base = {
        cellId: BigInt(row.cellId),
        member: getAddress(row.member),
        timestamp: BigInt(row.timestamp),
        blockNumber: BigInt(row.blockNumber),
        logIndex: row.logIndex,
        transactionHash: row.transactionHash as Hash,
      };
      return row.kind === "state"
        ? { kind: "state", ...base, state: row.state ?? "" }
        : { kind: "intent", ...base, intent: row.intent ?? "", at: row.at === null ? 0n : BigInt(row.at) };
    }),
    owners: page.owners.map((row) => ({
      cellId: BigInt(row.cellId),
      topic: row.topic as Hex,
      owner: getAddress(row.owner) as Address,
    })),
  };
}

/**
 * The cell page through the SDK's reads: the cell's creator and nucleus (`getCell`), the first page of `getMembers` and `getJoinRequests`, and
 * `getActivity` (each scans the cell's logs on the direct path) and {@link loadDecisionOwners} for `chain` (the cell, then its ancestors; one scan, with progress).
 *
 * @example
 * const page = await loadCellPage(concord, 2n, [2n, 1n]);
 */
export async function loadCellPage(
  concord: ConcordClientBase,
  cellId: bigint,
  chain: readonly bigint[],
  options: ScanOptions = {},
): Promise<CellPageData> {
  const [cell, members, joinRequests, activity, owners] = await Promise.all([
    getCell(concord, { cellId }),
    getMembers(concord, { cellId, limit: MEMBERS_PAGE }),
    getJoinRequests(concord, { cellId, limit: MEMBERS_PAGE }),
    getActivity(concord, { cellId, limit: ACTIVITY_LIMIT }),
    loadDecisionOwners(concord, chain, options),
  ]);
  const { creator, createdAt, nucleusURI, nucleusHash } = cell;
  return {
    details: { creator, createdAt, nucleusURI, nucleusHash },
    members,
    joinRequests,
    activity,
    owners,
  };
}
