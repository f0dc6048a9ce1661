/**
 * Constants of Concord governance: OpenZeppelin's proposal states and vote types as words, the EIP-712
 * types of votes by signature, and helpers that compute a proposal's id offline (the same in both houses).
 */
import { encodeAbiParameters, keccak256, stringToBytes } from "viem";
import type { Address, Hash, Hex } from "viem";

import { InvalidInputError } from "../errors.ts";
import type { ProposalCall, ProposalStateName, VoteSupport } from "./types.ts";

/** `IGovernor.ProposalState` by number. */
export const proposalStateNames: readonly ProposalStateName[] = [
  "pending",
  "active",
  "canceled",
  "defeated",
  "succeeded",
  "queued",
  "expired",
  "executed",
] as const;

/**
 * OpenZeppelin's `ProposalState` values.
 *
 * @example
 * import { ProposalState } from "@concord-dao/sdk";
 *
 * ProposalState.Succeeded; // 4
 */
export const ProposalState = {
  Pending: 0,
  Active: 1,
  Canceled: 2,
  Defeated: 3,
  Succeeded: 4,
  Queued: 5,
  Expired: 6,
  Executed: 7,
} as const;

/**
 * The word for a `ProposalState` number.
 *
 * @example
 * proposalStateName(5); // "queued"
 */
export function proposalStateName(state: number | bigint): ProposalStateName {
  const name = proposalStateNames[Number(state)];
  if (!name) throw new InvalidInputError("state", state, "not a proposal state (0..7)");
  return name;
}

/** Vote support words by number (Governor Bravo's `VoteType`). */
export const voteSupportNames: readonly VoteSupport[] = ["against", "for", "abstain"] as const;

/**
 * The number the contracts take for a support word (or number 0..2).
 *
 * @example
 * toSupport("for"); // 1
 */
export function toSupport(support: VoteSupport | number): number {
  if (typeof support === "number") {
    if (!Number.isInteger(support) || support < 0 || support > 2) {
      throw new InvalidInputError("support", support, 'expected "for", "against", "abstain" or 0..2');
    }
    return support;
  }
  const index = voteSupportNames.indexOf(support);
  if (index < 0) throw new InvalidInputError("support", support, 'expected "for", "against" or "abstain"');
  return index;
}

/** EIP-712 `Ballot` (OpenZeppelin Governor's `castVoteBySig`). */
export const ballotTypes = {
  Ballot: [
    { name: "proposalId", type: "uint256" },
    { name: "support", type: "uint8" },
    { name: "voter", type: "address" },
    { name: "nonce", type: "uint256" },
  ],
} as const;

/** EIP-712 `ExtendedBallot` (`castVoteWithReasonAndParamsBySig`): a vote by signature with a reason. */
export const extendedBallotTypes = {
  ExtendedBallot: [
    { name: "proposalId", type: "uint256" },
    { name: "support", type: "uint8" },
    { name: "voter", type: "address" },
    { name: "nonce", type: "uint256" },
    { name: "reason", type: "string" },
    { name: "params", type: "bytes" },
  ],
} as const;

/** EIP-712 `OverrideBallot` (GovernorCountingOverridable's `castOverrideVoteBySig`). */
export const overrideBallotTypes = {
  OverrideBallot: [
    { name: "proposalId", type: "uint256" },
    { name: "support", type: "uint8" },
    { name: "voter", type: "address" },
    { name: "nonce", type: "uint256" },
    { name: "reason", type: "string" },
  ],
} as const;

/** EIP-712 `Veto` (the community house's `castVetoBySig`; the nonces are the house's vote nonces). */
export const vetoTypes = {
  Veto: [
    { name: "proposalId", type: "uint256" },
    { name: "voter", type: "address" },
    { name: "nonce", type: "uint256" },
    { name: "reason", type: "string" },
  ],
} as const;

/** The houses' EIP-712 names (OpenZeppelin Governor: domain version "1"). */
export const houseEip712Names = {
  operational: "Concord Operational House",
  community: "Concord Community House",
} as const;

/** `multicall(bytes[])`, which the classifier treats as constitutional on targets with listed selectors. */
export const MULTICALL_SELECTOR: Hex = "0xac9650d8";

/**
 * keccak256 of a description, as the houses hash it.
 *
 * @example
 * hashDescription("Recognise the Research cell");
 */
export function hashDescription(description: string): Hash {
  return keccak256(stringToBytes(description));
}

/**
 * A proposal's id, computed offline exactly as OpenZeppelin's `hashProposal` (the same id in both houses).
 *
 * @example
 * import { computeProposalId } from "@concord-dao/sdk";
 *
 * const id = computeProposalId({ calls: [{ target, value: 0n, data }], description: "Recognise Research" });
 */
export function computeProposalId(parameters: {
  calls: readonly ProposalCall[];
  description: string;
}): bigint {
  const { calls, description } = parameters;
  return BigInt(
    keccak256(
      encodeAbiParameters(
        [{ type: "address[]" }, { type: "uint256[]" }, { type: "bytes[]" }, { type: "bytes32" }],
        [
          calls.map((call) => call.target as Address),
          calls.map((call) => call.value),
          calls.map((call) => call.data),
          hashDescription(description),
        ],
      ),
    ),
  );
}

/** At most this many calls per proposal in the SDK (a proposal is executed in one transaction). */
export const MAX_PROPOSAL_CALLS = 64;

/** Lapse windows of the operational house (issue 10, S5), with the stage rules that use them. */
export { CARRY_WINDOW_SECONDS, GRACE_PERIOD_SECONDS, QUEUE_WINDOW_SECONDS } from "./stage.ts";
