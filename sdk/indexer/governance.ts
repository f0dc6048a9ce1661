/**
 * The governance module's event-derived reads through the indexer: proposal creations in both houses, the
 * proposals a page at a time, one proposal with its first ballots, and the ballots of one proposal (tallies and states stay one batched read of the
 * chain).
 */
import type { Address } from "viem";

import { hashDescription, voteSupportNames } from "../governance/constants.ts";
import type { Ballot, ProposalCreation, ProposalRecord } from "../governance/events.ts";
import type { ProposalKind } from "../governance/types.ts";
import type { Page } from "../internal/page.ts";
import { addr, big, hash, hex } from "./rows.ts";
import type { BallotRow, CreationRow } from "./rows.ts";
import { indexerAll, indexerGet, indexerPage } from "./source.ts";
import type { IndexerPage } from "./source.ts";
import type { IndexerConfig } from "./switch.ts";

/** A proposal of `/concord/proposals?group=proposal`: its id and its creations (first creation first). */
type ProposalRecordRow = { proposalId: string; creations: CreationRow[] };

function creationOf(row: CreationRow): ProposalCreation {
  return {
    proposalId: big(row.proposalId),
    house: row.house,
    proposer: addr(row.proposer),
    calls: row.targets.map((target, i) => ({
      target: addr(target),
      value: big(row.values[i] ?? "0"),
      data: hex(row.calldatas[i] ?? "0x"),
    })),
    description: row.description,
    descriptionHash: hashDescription(row.description),
    voteStart: big(row.voteStart),
    voteEnd: big(row.voteEnd),
    blockNumber: big(row.blockNumber),
    logIndex: row.logIndex,
  };
}

/**
 * Every proposal creation in both houses, oldest first, as `scanProposalCreations` returns them.
 *
 * @example
 * const creations = await indexerProposalCreations(indexer);
 */
export async function indexerProposalCreations(indexer: IndexerConfig): Promise<ProposalCreation[]> {
  const rows = await indexerAll<CreationRow>(indexer, "/concord/proposals");
  return rows.map(creationOf);
}

/**
 * One page of proposals, newest first by their first creation, each with its creations in both houses: one
 * request (`/concord/proposals?group=proposal&order=newest`). The cursor is the last proposal's first creation
 * (`block:logIndex`), as on the direct path.
 *
 * @example
 * const page = await indexerProposalRecords(indexer, { limit: 20, cursor: null });
 */
export async function indexerProposalRecords(
  indexer: IndexerConfig,
  query: {
    kind?: ProposalKind | undefined;
    /** Only this proposal (one request for `getProposal`). */
    proposalId?: bigint | undefined;
    limit: number;
    cursor: string | null;
  },
): Promise<Page<ProposalRecord>> {
  return indexerPage(
    indexer,
    "/concord/proposals",
    {
      group: "proposal",
      order: "newest",
      kind: query.kind,
      id: query.proposalId,
      limit: query.limit,
      cursor: query.cursor,
    },
    (row: ProposalRecordRow) => {
      const record: ProposalRecord = { proposalId: big(row.proposalId), community: null, operational: null };
      for (const creation of row.creations) record[creation.house] = creationOf(creation);
      return record;
    },
  );
}

function ballotOf(row: BallotRow): Ballot {
  return {
    house: row.house,
    type: row.type,
    voter: addr(row.voter),
    support: row.support === null ? null : (voteSupportNames[row.support] ?? null),
    weight: big(row.weight),
    castWeight: big(row.castWeight),
    reason: row.reason,
    blockNumber: big(row.blockNumber),
    logIndex: row.logIndex,
    transactionHash: hash(row.transactionHash),
  };
}

/**
 * One proposal's creations in both houses and the first page of its ballots, in ONE request
 * (`/concord/proposals/:id?limit=`), or null when the indexer has no creation of it (creations of another id in
 * the answer are dropped).
 *
 * @example
 * const found = await indexerProposal(indexer, { proposalId, limit: 10 });
 */
export async function indexerProposal(
  indexer: IndexerConfig,
  query: { proposalId: bigint; limit: number },
): Promise<{ record: ProposalRecord; ballots: Page<Ballot> } | null> {
  const answer = await indexerGet<{ creations: CreationRow[]; ballots: IndexerPage<BallotRow> }>(
    indexer,
    `/concord/proposals/${query.proposalId}`,
    { limit: query.limit },
  );
  // Only this proposal's creations: an answer about another id is no answer (the chain then decides).
  const creations = answer.creations.map(creationOf).filter((c) => c.proposalId === query.proposalId);
  if (creations.length === 0) return null;
  const record: ProposalRecord = { proposalId: query.proposalId, community: null, operational: null };
  for (const creation of creations) record[creation.house] = creation;
  return { record, ballots: { items: answer.ballots.items.map(ballotOf), next: answer.ballots.next } };
}

/**
 * One page of the votes, overrides and vetoes on one proposal, oldest first, as `getProposalBallots` returns
 * them: one request.
 *
 * @example
 * const page = await indexerProposalBallots(indexer, { proposalId, limit: 50, cursor: null });
 */
export async function indexerProposalBallots(
  indexer: IndexerConfig,
  query: { proposalId: bigint; voter?: Address | undefined; limit: number; cursor: string | null },
): Promise<Page<Ballot>> {
  return indexerPage(
    indexer,
    `/concord/proposals/${query.proposalId}/ballots`,
    { voter: query.voter, limit: query.limit, cursor: query.cursor },
    ballotOf,
  );
}
