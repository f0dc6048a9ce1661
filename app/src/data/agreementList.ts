/**
 * The agreements page's data, one page at a time, as plain functions of an SDK client (no React: the scale bench
 * calls them in Node). The page's filters become `listAgreements` parameters (newest first, a party filter and a
 * cell filter on the server side); what the SDK's filters cannot say (the page's "mine AND cell") narrows each page's
 * items after the read, as the SDK's own status filter does.
 */
import type { Address } from "viem";

import { listAgreements } from "../../../sdk/index.ts";
import type { AgreementStatusName, AgreementSummary, ConcordClientBase, Page } from "../../../sdk/index.ts";
import type { AgreementFilter } from "../lib/agreements.ts";

/** How many agreements one page of the list reads and shows. */
export const AGREEMENTS_PAGE_SIZE = 20;

/** The `listAgreements` parameters of the list, but its cursor. */
export type AgreementListParameters = {
  order: "desc";
  limit: number;
  status?: AgreementStatusName;
  cell?: bigint;
  account?: Address;
  includeStewardedCells?: boolean;
};

/**
 * The `listAgreements` parameters of the list for a filter and viewer, without the cursor: newest first; "mine"
 * (a party, or a steward of a cell party) is the viewer's account with its stewarded cells.
 *
 * @example
 * agreementListParameters({ status: "proposed", mine: true, cellId: null }, carol);
 * // { order: "desc", limit: 20, status: "proposed", account: carol, includeStewardedCells: true }
 */
export function agreementListParameters(
  filter: AgreementFilter,
  account: Address | null,
): AgreementListParameters {
  const mine = filter.mine && account !== null;
  return {
    order: "desc",
    limit: AGREEMENTS_PAGE_SIZE,
    ...(filter.status === "all" ? {} : { status: filter.status }),
    // With "mine", the cell narrows the viewer's agreements (below); alone, it is the server's filter.
    ...(filter.cellId !== null && !mine ? { cell: filter.cellId } : {}),
    ...(mine ? { account: account!, includeStewardedCells: true } : {}),
  };
}

/**
 * The items of a page that pass the filter's parts the SDK applies as "either" (a party filter OR a cell): with
 * "mine" and a cell, the viewer's agreements that have that cell as a party.
 *
 * @example
 * narrowAgreementPage(page, { status: "all", mine: true, cellId: 2n });
 */
export function narrowAgreementPage(
  page: Page<AgreementSummary>,
  filter: AgreementFilter,
): Page<AgreementSummary> {
  if (filter.cellId === null || !filter.mine) return page;
  const cellId = filter.cellId;
  return { items: page.items.filter((item) => item.cells.includes(cellId)), next: page.next };
}

/**
 * One page of the agreements page: the page after `cursor` (null: the first), each agreement with its live
 * state. Two reads through the indexer (the list endpoint, one batch of the page's state); direct, one log scan
 * and one or two batches.
 *
 * @example
 * const first = await loadAgreementListPage(concord, { status: "all", mine: false, cellId: null }, null, null);
 * const second = first.next ? await loadAgreementListPage(concord, filter, null, first.next) : null;
 */
export async function loadAgreementListPage(
  concord: ConcordClientBase,
  filter: AgreementFilter,
  account: Address | null,
  cursor: string | null,
): Promise<Page<AgreementSummary>> {
  const page = await listAgreements(concord, { ...agreementListParameters(filter, account), cursor });
  return narrowAgreementPage(page, filter);
}
