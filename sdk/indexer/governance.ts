/**
 * The governance module's event-derived reads through the indexer: proposal creations in both houses and
 * the ballots of one proposal (tallies and states stay one batched read of the chain).
 */
import { hashDescription, voteSupportNames } from "../governance/constants.ts";
import type { Ballot, ProposalCreation } from "../governance/events.ts";
import { addr, big, hash, hex } from "./rows.ts";
import type { BallotRow, CreationRow } from "./rows.ts";
import { indexerAll } from "./source.ts";
import type { IndexerConfig } from "./switch.ts";

/**
 * Every proposal creation in both houses, oldest first, as `scanProposalCreations` returns them.
 *
 * @example
 * const creations = await indexerProposalCreations(indexer);
 */
export async function indexerProposalCreations(indexer: IndexerConfig): Promise<ProposalCreation[]> {
  const rows = await indexerAll<CreationRow>(indexer, "/concord/proposals");
  return rows.map((row) => ({
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
  }));
}

/**
 * The votes, overrides and vetoes on one proposal, oldest first, as `getProposalBallots` returns them.
 *
 * @example
 * const ballots = await indexerProposalBallots(indexer, proposalId);
 */
export async function indexerProposalBallots(indexer: IndexerConfig, proposalId: bigint): Promise<Ballot[]> {
  const rows = await indexerAll<BallotRow>(indexer, `/concord/proposals/${proposalId}/ballots`);
  return rows.map((row) => ({
    house: row.house,
    type: row.type,
    voter: addr(row.voter),
    support: row.support === null ? null : (voteSupportNames[row.support] ?? null),
    weight: big(row.weight),
    castWeight: big(row.castWeight),
    reason: row.reason,
    blockNumber: big(row.blockNumber),
    transactionHash: hash(row.transactionHash),
  }));
}
