/**
 * Proposals as the houses' events describe them: one `eth_getLogs` over both houses for `ProposalCreated`
 * (OpenZeppelin's event carries the calls and the description; none of its fields is indexed, so a proposal
 * is found by scanning the houses' creations and matching its id).
 */
import { getAddress, isAddressEqual } from "viem";
import type { Address, Hash } from "viem";

import type { ConcordClientBase } from "../client.ts";
import { communityHouseAbi } from "../generated/abis.ts";
import { scanEvents } from "../internal/logs.ts";
import { toUint256 } from "../internal/validate.ts";
import type { BigIntish } from "../internal/validate.ts";
import { hashDescription, voteSupportNames } from "./constants.ts";
import { getGovernanceContracts } from "./reads.ts";
import type { HouseName, ProposalCall, VoteSupport } from "./types.ts";
import { indexerFor } from "../indexer/switch.ts";

/** A proposal's creation in one house. */
export type ProposalCreation = {
  proposalId: bigint;
  house: HouseName;
  proposer: Address;
  calls: ProposalCall[];
  description: string;
  descriptionHash: Hash;
  /** The snapshot (voting opens after it). */
  voteStart: bigint;
  /** The deadline at creation (the community house may extend it after a late quorum). */
  voteEnd: bigint;
  blockNumber: bigint;
};

/**
 * Every proposal creation in both houses, oldest first, in one `eth_getLogs` (split by `maxBlockRange`).
 * A constitutional proposal appears twice (community house first, then the operational house) once it
 * has been carried.
 *
 * @example
 * const creations = await scanProposalCreations(concord);
 */
export async function scanProposalCreations(client: ConcordClientBase): Promise<ProposalCreation[]> {
  const viaIndexer = await indexerFor(client);
  if (viaIndexer) return (await import("../indexer/governance.ts")).indexerProposalCreations(viaIndexer);
  const gov = await getGovernanceContracts(client);
  const logs = await scanEvents(client, {
    address: [gov.operationalHouse, gov.communityHouse],
    // Both houses emit OpenZeppelin's ProposalCreated with the same signature.
    abi: communityHouseAbi,
    eventNames: ["ProposalCreated"],
    fromBlock: gov.startBlock,
  });
  return logs.map((log) => {
    const { proposalId, proposer, targets, values, calldatas, voteStart, voteEnd, description } = log.args;
    return {
      proposalId,
      house: isAddressEqual(log.address, gov.operationalHouse) ? "operational" : "community",
      proposer: getAddress(proposer),
      calls: targets.map((target, i) => ({
        target: getAddress(target),
        value: values[i] ?? 0n,
        data: calldatas[i] ?? "0x",
      })),
      description,
      descriptionHash: hashDescription(description),
      voteStart,
      voteEnd,
      blockNumber: log.blockNumber,
    };
  });
}

/** A proposal's creations grouped by id (first creation first). */
export type ProposalRecord = {
  proposalId: bigint;
  community: ProposalCreation | null;
  operational: ProposalCreation | null;
};

/**
 * @internal Groups creations by proposal id, in order of first creation.
 *
 * @example
 * const records = groupCreations(await scanProposalCreations(client));
 */
export function groupCreations(creations: readonly ProposalCreation[]): ProposalRecord[] {
  const byId = new Map<bigint, ProposalRecord>();
  for (const creation of creations) {
    let record = byId.get(creation.proposalId);
    if (!record) {
      record = { proposalId: creation.proposalId, community: null, operational: null };
      byId.set(creation.proposalId, record);
    }
    record[creation.house] = creation;
  }
  return [...byId.values()];
}

/** A vote, override or veto cast on a proposal, as the houses' events record it. */
export type Ballot = {
  house: HouseName;
  type: "vote" | "override" | "veto";
  voter: Address;
  /** The support, or null for a veto. */
  support: VoteSupport | null;
  /** The weight counted now (a delegate's vote loses what its delegators overrode). */
  weight: bigint;
  /** The weight when cast. */
  castWeight: bigint;
  reason: string;
  blockNumber: bigint;
  transactionHash: Hash;
};

/**
 * Who voted, overrode or vetoed on a proposal, in both houses, oldest first: one `eth_getLogs` over both
 * houses (OpenZeppelin's vote events index only the voter, so the proposal is matched after decoding).
 * A delegate's vote shows the weight that still counts after its delegators' overrides (`VoteReduced`).
 *
 * @example
 * const ballots = await concord.governance.getProposalBallots({ proposalId });
 * ballots.filter((b) => b.type === "vote").map((b) => [b.voter, b.support, b.weight]);
 */
export async function getProposalBallots(
  client: ConcordClientBase,
  parameters: { proposalId: BigIntish },
): Promise<Ballot[]> {
  const proposalId = toUint256("proposalId", parameters.proposalId);
  const viaIndexer = await indexerFor(client);
  if (viaIndexer)
    return (await import("../indexer/governance.ts")).indexerProposalBallots(viaIndexer, proposalId);
  const gov = await getGovernanceContracts(client);
  const logs = await scanEvents(client, {
    address: [gov.operationalHouse, gov.communityHouse],
    abi: communityHouseAbi,
    eventNames: ["VoteCast", "VoteCastWithParams", "OverrideVoteCast", "VetoCast", "VoteReduced"],
    fromBlock: gov.startBlock,
  });
  const ballots: Ballot[] = [];
  for (const log of logs) {
    if (log.args.proposalId !== proposalId) continue;
    const house: HouseName = isAddressEqual(log.address, gov.operationalHouse) ? "operational" : "community";
    const where = { house, blockNumber: log.blockNumber, transactionHash: log.transactionHash };
    switch (log.eventName) {
      case "VoteCast":
      case "VoteCastWithParams":
      case "OverrideVoteCast": {
        const { voter, support, weight, reason } = log.args;
        ballots.push({
          ...where,
          type: log.eventName === "OverrideVoteCast" ? "override" : "vote",
          voter: getAddress(voter),
          support: voteSupportNames[support] ?? null,
          weight,
          castWeight: weight,
          reason,
        });
        break;
      }
      case "VetoCast": {
        const { voter, weight, reason } = log.args;
        ballots.push({
          ...where,
          type: "veto",
          voter: getAddress(voter),
          support: null,
          weight,
          castWeight: weight,
          reason,
        });
        break;
      }
      case "VoteReduced": {
        const vote = ballots.find(
          (ballot) =>
            ballot.type === "vote" &&
            ballot.house === house &&
            isAddressEqual(ballot.voter, log.args.delegate),
        );
        if (vote) vote.weight -= log.args.weight;
        break;
      }
    }
  }
  return ballots;
}
