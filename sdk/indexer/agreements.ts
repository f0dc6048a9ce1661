/**
 * The agreements module's event-derived reads through the indexer: one page of agreements and amendments with
 * their parties, as `listAgreements` rebuilds them from logs (their live state stays one batched read of the
 * chain).
 */
import type { Address } from "viem";

import type { ListAgreementsOrder, Proposal } from "../agreements/events.ts";
import type { Page } from "../internal/page.ts";
import { addr, big, bigOrNull, hash, hex } from "./rows.ts";
import type { AgreementRow } from "./rows.ts";
import { indexerPage } from "./source.ts";
import type { IndexerConfig } from "./switch.ts";

/** The filters and page of one `/concord/agreements` request (checked by the caller). */
export type IndexerAgreementsQuery = {
  account?: Address | undefined;
  cell?: bigint | undefined;
  /** Agreements with a cell party this account stewards (directly or through an ancestor). */
  stewardedBy?: Address | undefined;
  excludeAmendments: boolean;
  order: ListAgreementsOrder;
  cursor: bigint | null;
  limit: number;
};

/**
 * One page of agreement proposals and amendment proposals matching the filters (party `account` OR `cell` OR a
 * cell `stewardedBy` stewards), in id order: ONE request.
 *
 * @example
 * const page = await indexerAgreementsPage(indexer, { account, excludeAmendments: false, order: "asc", cursor: null, limit: 50 });
 */
export async function indexerAgreementsPage(
  indexer: IndexerConfig,
  query: IndexerAgreementsQuery,
): Promise<Page<Proposal>> {
  return indexerPage(
    indexer,
    "/concord/agreements",
    {
      account: query.account,
      cell: query.cell,
      stewardedBy: query.stewardedBy,
      excludeAmendments: query.excludeAmendments ? "true" : undefined,
      order: query.order === "desc" ? "desc" : undefined,
      cursor: query.cursor,
      limit: query.limit,
    },
    toProposal,
  );
}

function toProposal(row: AgreementRow): Proposal {
  return {
    id: big(row.id),
    proposer: addr(row.proposer),
    accounts: row.accounts.map(addr),
    cells: row.cells.map(big),
    title: row.title,
    termsHash: hex(row.termsHash),
    termsURI: row.termsURI,
    expiresAt: bigOrNull(row.expiresAt),
    amends: bigOrNull(row.amends),
    cellId: bigOrNull(row.cellId),
    blockNumber: big(row.blockNumber),
    transactionHash: hash(row.transactionHash),
  };
}
