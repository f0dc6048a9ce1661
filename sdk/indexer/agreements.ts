/**
 * The agreements module's event-derived reads through the indexer: every proposal and amendment with its
 * parties, as `fetchProposals` rebuilds them from logs (statuses stay one batched read of the chain).
 */
import type { Proposal } from "../agreements/events.ts";
import { addr, big, bigOrNull, hash, hex } from "./rows.ts";
import type { AgreementRow } from "./rows.ts";
import { indexerAll } from "./source.ts";
import type { IndexerConfig } from "./switch.ts";

/**
 * Every agreement proposal and amendment proposal by id, in id order.
 *
 * @example
 * const proposals = await indexerAgreementProposals(indexer);
 */
export async function indexerAgreementProposals(indexer: IndexerConfig): Promise<Map<bigint, Proposal>> {
  const rows = await indexerAll<AgreementRow>(indexer, "/concord/agreements");
  const proposals = new Map<bigint, Proposal>();
  for (const row of rows) {
    const id = big(row.id);
    proposals.set(id, {
      id,
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
    });
  }
  return proposals;
}
