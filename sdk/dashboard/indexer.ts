/**
 * The dashboard through the Concord indexer (loaded on first use, like every indexer read): ONE request to its
 * page-shaped `/concord/dashboard` (every cell with what the registry derives from events; the standing of the
 * accounts asked for; the newest agreements, resources and proposals and the viewer's own; pending join
 * requests, declared states and intents), then ONE Multicall3 call of the live values of the items shown.
 *
 * The API's JSON: integers as decimal strings, addresses lower-case (indexer/src/api/index.ts).
 */
import { getAddress } from "viem";
import type { Address, Hash, Hex } from "viem";

import { phaseName, scaleForMemberCount, scaleName } from "../cells/constants.ts";
import type { PhaseValue } from "../cells/constants.ts";
import type { ConcordClientBase } from "../client.ts";
import type { AgreementRow, CreationRow, ResourceRow } from "../indexer/rows.ts";
import { IndexerUnavailableError, indexerGet } from "../indexer/source.ts";
import type { IndexerConfig } from "../indexer/switch.ts";
import { readBatchLimits } from "../internal/read.ts";
import { directoryOf, planDashboardState } from "./plan.ts";
import { DASHBOARD_SHOWN } from "./types.ts";
import type {
  DashboardCell,
  DashboardDirectory,
  DashboardEvents,
  DashboardStanding,
  ProposalEvents,
  StateEntry,
} from "./types.ts";

/** A cell row of the dashboard answer: what the directory shows, `delegate` absent when none. */
export type DashboardCellRow = {
  id: string;
  parentId: string;
  name: string;
  phase: number;
  recognised: boolean;
  memberCount: number;
  stewardCount: number;
  delegate?: string | undefined;
};

type Page<row> = { items: row[]; next: string | null };

/** The indexer's `/concord/dashboard` answer (`?account=&others=&parts=`). */
export type IndexerDashboardAnswer = {
  /** Every cell, in id order (one page of up to 500; the rest through `/concord/dashboard/cells`). */
  cells?: Page<DashboardCellRow>;
  /** The standing of the viewer and the others asked for: memberships and pending join requests. */
  standing?: {
    memberships: { cellId: string; account: string; roles: number }[];
    joinRequests: { cellId: string; account: string; requestedAt: string }[];
  };
  /** Newest first. */
  agreements?: Omit<AgreementRow, "cellId">[];
  /** Newest first. */
  resources?: Pick<ResourceRow, "id" | "name" | "ownerCellId">[];
  /** Newest first. */
  proposals?: Page<Omit<CreationRow, "voteEnd" | "logIndex">>;
  joinRequests?: { cellId: string; account: string; requestedBlock: string }[];
  /** Newest first. */
  states?: { cellId: string; member: string; state: string | null; blockNumber: string }[];
  /** Latest date first. */
  intents?: {
    cellId: string;
    member: string;
    intent: string | null;
    at: string | null;
    blockNumber: string;
  }[];
  /** The viewer's agreements (as a party, or a steward of a cell party) and resources once granted to them. */
  mine?: {
    agreements: Omit<AgreementRow, "cellId">[];
    resources: Pick<ResourceRow, "id" | "name" | "ownerCellId">[];
  };
  totals?: { agreements: number | string; resources: number | string };
};

/** How many more cell pages (of 500) the directory follows past the first: 50,000 cells in all. */
export const MAX_EXTRA_CELL_PAGES = 99;
/** The registry's MAX_DEPTH: a parent walk longer than this is a broken answer. */
const MAX_DEPTH = 8;

const big = (value: string) => BigInt(value);
const bigOrNull = (value: string | null | undefined) =>
  value === null || value === undefined ? null : BigInt(value);

function broken(indexer: IndexerConfig, reason: string): IndexerUnavailableError {
  return new IndexerUnavailableError(indexer.url, `its /concord/dashboard answer ${reason}`);
}

/**
 * The directory's cells from the indexer's rows: everything but the depth is in the row; the depth is the length
 * of the parent chain.
 *
 * @throws {IndexerUnavailableError} when a cell's parent is missing or the chain is longer than the registry allows.
 */
export function cellsFromRows(indexer: IndexerConfig, rows: readonly DashboardCellRow[]): DashboardCell[] {
  const byId = new Map(rows.map((row) => [big(row.id), row]));
  const depthOf = (id: bigint): number => {
    let depth = 1;
    for (let parent = big(byId.get(id)!.parentId); parent !== 0n; depth++) {
      const row = byId.get(parent);
      if (!row || depth >= MAX_DEPTH)
        throw broken(indexer, `has no complete chain of parents for cell ${id}`);
      parent = big(row.parentId);
    }
    return depth;
  };
  return rows.map((row) => {
    const scale = scaleForMemberCount(row.memberCount);
    return {
      id: big(row.id),
      parentId: big(row.parentId),
      depth: depthOf(big(row.id)),
      name: row.name,
      phase: row.phase as PhaseValue,
      phaseName: phaseName(row.phase),
      scale,
      scaleName: scaleName(scale),
      memberCount: row.memberCount,
      stewardCount: row.stewardCount,
      recognised: row.recognised,
      delegate: row.delegate ? getAddress(row.delegate) : null,
    };
  });
}

/**
 * The standing of each of `accounts` in each cell, from the indexer's memberships and pending join requests
 * (no membership and no request: roles 0, not requested).
 */
export function standingFromRows(
  cells: readonly DashboardCell[],
  accounts: readonly Address[],
  standing: NonNullable<IndexerDashboardAnswer["standing"]>,
): Map<Address, Map<bigint, DashboardStanding>> {
  const standingOf = new Map<Address, Map<bigint, DashboardStanding>>();
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

const agreementOf = (row: Omit<AgreementRow, "cellId">): DashboardEvents["agreements"][number] => ({
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

/** Rows of two lists (the viewer's first), each id once. */
function mineFirst<row extends { id: string }>(mine: readonly row[], newest: readonly row[]): row[] {
  const seen = new Set<string>();
  return [...mine, ...newest].filter((row) => !seen.has(row.id) && seen.add(row.id));
}

/**
 * The answer's activity rows as the direct path shapes them, with the viewer's agreements and resources first
 * (then newest first); proposals oldest first, as the direct scan orders them.
 */
export function eventsFromRows(answer: Required<IndexerDashboardAnswer>): DashboardEvents {
  const proposals = new Map<bigint, ProposalEvents>();
  for (const row of [...answer.proposals.items].reverse()) {
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
  for (const row of answer.states) {
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
    pendingJoins: answer.joinRequests.map((row) => ({
      cellId: big(row.cellId),
      account: getAddress(row.account),
      blockNumber: big(row.requestedBlock),
    })),
    states: [...states.values()],
    intents: answer.intents
      .map((row) => ({
        cellId: big(row.cellId),
        member: getAddress(row.member),
        intent: row.intent ?? "",
        at: bigOrNull(row.at) ?? 0n,
        blockNumber: big(row.blockNumber),
      }))
      .reverse(),
    agreements: mineFirst(answer.mine.agreements, answer.agreements).map(agreementOf),
    resources: mineFirst(answer.mine.resources, answer.resources).map((row) => ({
      id: big(row.id),
      name: row.name,
      ownerCellId: big(row.ownerCellId),
    })),
    proposals: [...proposals.values()],
    totals: { agreements: Number(answer.totals.agreements), resources: Number(answer.totals.resources) },
  };
}

/**
 * What the dashboard shows of `events` (given the viewer's first, then newest first; proposals oldest first):
 * at most {@link DASHBOARD_SHOWN} agreements and resources, and the newest proposals whose reads still fit, so
 * that the live values are ONE Multicall3 call of at most `DASHBOARD_SHOWN.calls` (and `callsPerBatch`) calls. Each
 * list comes back in id
 * order (the proposals in creation order), as the direct path gives them.
 *
 * @example
 * const shown = shownOnDashboard(concord, events, alice);
 */
export function shownOnDashboard(
  concord: ConcordClientBase,
  events: DashboardEvents,
  account: Address | null,
  callsPerBatch: number = readBatchLimits.callsPerBatch,
): DashboardEvents {
  const byId = (a: { id: bigint }, b: { id: bigint }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const shown = {
    agreements: events.agreements.slice(0, DASHBOARD_SHOWN.agreements),
    resources: events.resources.slice(0, DASHBOARD_SHOWN.resources),
    proposals: [] as ProposalEvents[],
  };
  const budget = Math.min(DASHBOARD_SHOWN.calls, callsPerBatch);
  const cost = () => planDashboardState(concord, shown, account).calls.length;
  // Newest first, each while the whole batch still fits one call (the proposals' reads depend on the house).
  for (const record of [...events.proposals].reverse()) {
    shown.proposals.unshift(record);
    if (cost() > budget) {
      shown.proposals.shift();
      break;
    }
  }
  return {
    ...events,
    agreements: shown.agreements.sort(byId),
    resources: shown.resources.sort(byId),
    proposals: shown.proposals,
  };
}

/**
 * The dashboard's event-derived part through the indexer: the directory (when `directory`) and what the dashboard
 * shows (when `activity`): ONE request while the cells fit one page of 500 (each 500 more: one more request).
 *
 * @throws {IndexerUnavailableError} when the indexer does not answer, answers an error, or answers an older shape.
 * @example
 * const { directory, events } = await indexerDashboard(indexer, concord, { account: alice, others: [], directory: true, activity: true });
 */
export async function indexerDashboard(
  indexer: IndexerConfig,
  concord: ConcordClientBase,
  {
    account,
    accounts,
    directory,
    activity,
  }: { account: Address | null; accounts: readonly Address[]; directory: boolean; activity: boolean },
): Promise<{ directory: DashboardDirectory | null; events: DashboardEvents | null }> {
  const parts = [directory && "directory", activity && "activity"].filter(Boolean).join(",");
  const answer = await indexerGet<IndexerDashboardAnswer>(indexer, "/concord/dashboard", {
    account: account ?? undefined,
    others: accounts.filter((a) => a !== account).join(",") || undefined,
    parts,
  });
  let cells: DashboardCell[] | null = null;
  if (directory) {
    if (!answer.cells || !answer.standing) throw broken(indexer, "has no cells (an older indexer API)");
    const rows = [...answer.cells.items];
    let next = answer.cells.next;
    for (let extra = 0; next !== null; extra++) {
      if (extra >= MAX_EXTRA_CELL_PAGES)
        throw broken(indexer, `has more than ${MAX_EXTRA_CELL_PAGES + 1} pages of 500 cells`);
      const more = await indexerGet<IndexerDashboardAnswer>(indexer, "/concord/dashboard", {
        parts: "cells",
        cursor: next,
      });
      if (!more.cells) throw broken(indexer, "has no cells page (an older indexer API)");
      rows.push(...more.cells.items);
      next = more.cells.next;
    }
    cells = cellsFromRows(indexer, rows);
  }
  let events: DashboardEvents | null = null;
  if (activity) {
    const { agreements, resources, proposals, joinRequests, states, intents, mine, totals } = answer;
    if (!agreements || !resources || !proposals || !joinRequests || !states || !intents || !mine || !totals)
      throw broken(indexer, "has no activity (an older indexer API)");
    events = shownOnDashboard(
      concord,
      eventsFromRows({
        ...answer,
        agreements,
        resources,
        proposals,
        joinRequests,
        states,
        intents,
        mine,
        totals,
      } as Required<IndexerDashboardAnswer>),
      account,
    );
  }
  return {
    directory:
      cells && answer.standing
        ? directoryOf(cells, standingFromRows(cells, accounts, answer.standing), account)
        : null,
    events,
  };
}
