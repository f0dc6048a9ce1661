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
import { hashDescription } from "./constants.ts";
import { getGovernanceContracts } from "./reads.ts";
import type { HouseName, ProposalCall } from "./types.ts";

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
