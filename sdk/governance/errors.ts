/**
 * Human messages for the refusals of Concord governance (`contracts/governance/IConcordGovernance.sol`) and
 * of the OpenZeppelin code it is built on (Governor, TimelockController, ERC-721 votes, AccessControl).
 * `defineErrorMessages` makes `tsc` fail when an error of an ABI has no message here.
 */
import {
  communityHouseAbi,
  concordMembershipAbi,
  concordTimelockAbi,
  governanceClassifierAbi,
  operationalHouseAbi,
} from "../generated/abis.ts";
import type { ErrorMessages } from "../internal/messages.ts";
import { registerErrorCatalogue } from "../internal/registry.ts";
import { defineErrorMessages, formatTimestamp, shortAddress } from "../internal/messages.ts";

const STATES = ["pending", "active", "canceled", "defeated", "succeeded", "queued", "expired", "executed"];

function stateWord(state: number | bigint): string {
  return STATES[Number(state)] ?? `in state ${state}`;
}

/** The states named by OpenZeppelin's bitmap of expected states (bit i = state i). */
function expectedStates(bitmap: string): string {
  const value = BigInt(bitmap);
  const names = STATES.filter((_, i) => (value >> BigInt(i)) & 1n);
  if (names.length === 0) return "another state";
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} or ${names[names.length - 1]}`;
}

function shortId(id: bigint): string {
  const text = id.toString();
  return text.length > 12 ? `${text.slice(0, 6)}…${text.slice(-4)}` : text;
}

function shortHash(hash: string): string {
  return hash.length > 14 ? `${hash.slice(0, 10)}…${hash.slice(-4)}` : hash;
}

const ROLES: Record<string, string> = {
  "0xb09aa5aeb3702cfd50b6b62bc4532604938f21248a27a1d5ca736082b6819cc1": "proposer",
  "0xd8aa0f3194971a2a116679f7c2090f6939c8d4e01a2a8d7e41d55e5351469e63": "executor",
  "0xfd643c72710c63c0180259aba6b2d05451e3591a24e58b62239378085726f783": "canceller",
  "0x0000000000000000000000000000000000000000000000000000000000000000": "admin",
};

/** OpenZeppelin Governor's errors, shared by both houses. */
const governorMessages = {
  GovernorAlreadyCastVote: ({ voter }: { voter: `0x${string}` }) =>
    `${shortAddress(voter)} has already voted on this proposal in this house.`,
  GovernorAlreadyQueuedProposal: ({ proposalId }: { proposalId: bigint }) =>
    `Proposal ${shortId(proposalId)} is already queued.`,
  GovernorDisabledDeposit: () => "The house does not accept ether: send value with `execute` only.",
  GovernorInsufficientProposerVotes: ({
    proposer,
    votes,
    threshold,
  }: {
    proposer: `0x${string}`;
    votes: bigint;
    threshold: bigint;
  }) =>
    `${shortAddress(proposer)} has ${votes} vote${votes === 1n ? "" : "s"}; proposing needs ${threshold}.`,
  GovernorInvalidProposalLength: ({
    targets,
    calldatas,
    values,
  }: {
    targets: bigint;
    calldatas: bigint;
    values: bigint;
  }) =>
    `A proposal needs at least one call, with as many targets, values and calldatas (${targets} targets, ${values} values, ${calldatas} calldatas were given).`,
  GovernorInvalidQuorumFraction: ({
    quorumNumerator,
    quorumDenominator,
  }: {
    quorumNumerator: bigint;
    quorumDenominator: bigint;
  }) => `The quorum ${quorumNumerator}/${quorumDenominator} is more than 100%.`,
  GovernorInvalidSignature: ({ voter }: { voter: `0x${string}` }) =>
    `The signature is not ${shortAddress(voter)}'s vote with its current nonce (wrong signer, proposal, support, reason, house or chain, or already used).`,
  GovernorInvalidVoteParams: () => "This house takes no vote parameters.",
  GovernorInvalidVoteType: () => "The vote must be for (1), against (0) or abstain (2).",
  GovernorInvalidVotingPeriod: ({ votingPeriod }: { votingPeriod: bigint }) =>
    `A voting period of ${votingPeriod} seconds is not allowed (it must be at least 1 second).`,
  GovernorNonexistentProposal: ({ proposalId }: { proposalId: bigint }) =>
    `Proposal ${shortId(proposalId)} does not exist in this house.`,
  GovernorOnlyExecutor: ({ account }: { account: `0x${string}` }) =>
    `Only governance (the timelock, through an executed proposal) can do this, not ${shortAddress(account)}.`,
  GovernorProposalQueueingFailed: ({ proposalId }: { proposalId: bigint }) =>
    `Proposal ${shortId(proposalId)} could not be queued in the timelock.`,
  GovernorProposalQueueingNotRequired: ({ proposalId }: { proposalId: bigint }) =>
    `Proposal ${shortId(proposalId)} is not queued in this house.`,
  GovernorRestrictedProposer: ({ proposer }: { proposer: `0x${string}` }) =>
    `The description reserves this proposal to another proposer than ${shortAddress(proposer)} (#proposer= suffix).`,
  GovernorUnableToCancel: ({ proposalId, account }: { proposalId: bigint; account: `0x${string}` }) =>
    `${shortAddress(account)} cannot cancel proposal ${shortId(proposalId)}: only the guardian can, or its proposer before voting opens.`,
  GovernorUnexpectedProposalState: ({
    proposalId,
    current,
    expectedStates: expected,
  }: {
    proposalId: bigint;
    current: number;
    expectedStates: `0x${string}`;
  }) =>
    `Proposal ${shortId(proposalId)} is ${stateWord(current)}; this needs it to be ${expectedStates(expected)}.`,
  ERC6372InconsistentClock: () => "The votes token's clock does not match the house's clock.",
  InvalidAccountNonce: ({ account, currentNonce }: { account: `0x${string}`; currentNonce: bigint }) =>
    `The nonce of ${shortAddress(account)} is ${currentNonce}: the signature covers another one.`,
  InvalidShortString: () => "A string of the EIP-712 domain is too long to be stored inline.",
  StringTooLong: ({ str }: { str: string }) =>
    `The string "${str.length > 40 ? `${str.slice(0, 37)}...` : str}" is too long.`,
};

/** Messages of the errors both houses declare ({@link IConcordHouse}). */
const houseMessages = {
  HouseSettingOutOfBounds: ({ value, maxValue }: { value: bigint; maxValue: bigint }) =>
    `${value} is above the allowed maximum of ${maxValue}: a longer delay or period could freeze governance, so the houses refuse it.`,
  HouseGuardianCannotCancel: ({ proposalId, guardian }: { proposalId: bigint; guardian: `0x${string}` }) =>
    `The guardian ${shortAddress(guardian)} cannot cancel proposal ${shortId(proposalId)}: it changes or removes a guardian, and a guardian cannot shield itself.`,
};

/**
 * One sentence per custom error of the operational house.
 *
 * @example
 * operationalHouseErrorMessages.OperationalZeroAddress!({}); // "The zero address was given where a contract is needed."
 */
export const operationalHouseErrorMessages = defineErrorMessages(operationalHouseAbi, {
  ...governorMessages,
  ...houseMessages,
  OperationalCarryWindowClosed: ({ proposalId, carryBy }) =>
    `The community's approval of proposal ${shortId(proposalId)} lapsed: it had to be carried to the operational house by ${formatTimestamp(carryBy)}. Propose it again in the community house.`,
  OperationalCodeChanged: ({ proposalId, recorded, current }) =>
    `The code of a target of proposal ${shortId(proposalId)} changed since it was proposed (code digest ${shortHash(recorded)} then, ${shortHash(current)} now): it cannot be executed.`,
  OperationalConstitutionalCall: ({ proposalId, index, target, selector }) =>
    `Call ${index + 1n} of proposal ${shortId(proposalId)} (function ${selector} on ${shortAddress(target)}) is constitutional: propose it in the community house first; the operational house takes it once the community approved it.`,
  OperationalDelayTooShort: ({ delay, minDelay }) =>
    `A constitutional delay of ${delay} seconds is shorter than the timelock's minimum delay (the veto window, ${minDelay} seconds).`,
  OperationalUnauthorizedBinding: ({ caller }) =>
    `${shortAddress(caller)} cannot bind the community house: only the deployer, once, and then governance can.`,
  OperationalZeroAddress: () => "The zero address was given where a contract is needed.",
});

/**
 * One sentence per custom error of the community house.
 *
 * @example
 * communityHouseErrorMessages.CommunityZeroAddress!({});
 */
export const communityHouseErrorMessages = defineErrorMessages(communityHouseAbi, {
  ...governorMessages,
  ...houseMessages,
  GovernorAlreadyOverriddenVote: ({ account }) =>
    `${shortAddress(account)} has already overridden its delegate's vote on this proposal.`,
  GovernorPreventLateQuorumVoteExtensionTooLarge: ({ newVoteExtension, maxVoteExtension }) =>
    `A late-quorum extension of ${newVoteExtension} seconds is longer than the maximum ${maxVoteExtension}.`,
  CommunityAlreadyVetoed: ({ proposalId, account }) =>
    `${shortAddress(account)} has already vetoed proposal ${shortId(proposalId)}.`,
  CommunityExecuteInOperationalHouse: ({ proposalId }) =>
    `Proposal ${shortId(proposalId)} is executed by the operational house, not the community house: carry it there, then queue and execute it.`,
  CommunityInvalidVetoThreshold: ({ numerator, denominator }) =>
    `A veto threshold of ${numerator}/${denominator} is not allowed: it must be above 0 and at most 100%.`,
  CommunityNoVetoPower: ({ proposalId, account }) =>
    `${shortAddress(account)} had no members' votes at the snapshot of proposal ${shortId(proposalId)}, so it cannot veto it.`,
  CommunityNotInVetoWindow: ({ proposalId, state, eta }) =>
    state === 255
      ? `Proposal ${shortId(proposalId)} is not an operational proposal: there is nothing to veto.`
      : eta > 0n
        ? `Proposal ${shortId(proposalId)} is not in its veto window (it is ${stateWord(state)}; the window closed at ${formatTimestamp(eta)}, or it is constitutional).`
        : `Proposal ${shortId(proposalId)} is not in its veto window: it is ${stateWord(state)} and not queued yet.`,
  CommunityZeroAddress: () => "The zero address was given where a contract is needed.",
  CommunityTokenClockNotTimestamp: ({ mode }) =>
    `The votes token's clock is ${mode ? `"${mode}"` : "not declared"}, not timestamps: the houses count in seconds, so the token cannot be used.`,
});

/**
 * One sentence per custom error of the membership token.
 *
 * @example
 * membershipErrorMessages.MembershipNotMember!({ account }); // "0x…  holds no membership."
 */
export const membershipErrorMessages = defineErrorMessages(concordMembershipAbi, {
  MembershipAlreadyMember: ({ account }) => `${shortAddress(account)} is already a member.`,
  MembershipNonTransferable: ({ from, to }) =>
    `A membership cannot be transferred (from ${shortAddress(from)} to ${shortAddress(to)}): governance mints and burns them.`,
  MembershipNotMember: ({ account }) => `${shortAddress(account)} holds no membership.`,
  ECDSAInvalidSignature: () => "The signature is invalid.",
  ECDSAInvalidSignatureLength: ({ length }) => `A signature of ${length} bytes is invalid (65 expected).`,
  ECDSAInvalidSignatureS: () => "The signature is malleable (its s value is too high).",
  ERC5805FutureLookup: ({ timepoint, clock }) =>
    `Votes at ${formatTimestamp(timepoint)} are not known yet (the clock reads ${formatTimestamp(clock)}).`,
  ERC721IncorrectOwner: ({ sender, owner }) =>
    `${shortAddress(sender)} does not own this membership (${shortAddress(owner)} does).`,
  ERC721InsufficientApproval: ({ operator }) =>
    `${shortAddress(operator)} is not approved for this membership.`,
  ERC721InvalidApprover: ({ approver }) => `${shortAddress(approver)} cannot approve.`,
  ERC721InvalidOperator: ({ operator }) => `${shortAddress(operator)} cannot be an operator.`,
  ERC721InvalidOwner: ({ owner }) => `${shortAddress(owner)} cannot own a membership.`,
  ERC721InvalidReceiver: ({ receiver }) => `${shortAddress(receiver)} cannot receive a membership.`,
  ERC721InvalidSender: ({ sender }) => `${shortAddress(sender)} cannot send a membership.`,
  ERC721NonexistentToken: ({ tokenId }) => `Membership ${tokenId} does not exist.`,
  InvalidAccountNonce: ({ account, currentNonce }) =>
    `The nonce of ${shortAddress(account)} is ${currentNonce}: the signature covers another one.`,
  InvalidShortString: () => "A string of the EIP-712 domain is too long to be stored inline.",
  OwnableInvalidOwner: ({ owner }) => `${shortAddress(owner)} cannot own the membership token.`,
  OwnableUnauthorizedAccount: ({ account }) =>
    `Only governance (the timelock) can mint and burn memberships, not ${shortAddress(account)}.`,
  StringTooLong: ({ str }) => `The string "${str.length > 40 ? `${str.slice(0, 37)}...` : str}" is too long.`,
  VotesExpiredSignature: ({ expiry }) => `The delegation signature expired at ${formatTimestamp(expiry)}.`,
});

/**
 * One sentence per custom error of the timelock (OpenZeppelin's TimelockController).
 *
 * @example
 * timelockErrorMessages.TimelockUnauthorizedCaller!({ caller });
 */
export const timelockErrorMessages = defineErrorMessages(concordTimelockAbi, {
  TimelockDelayOutOfBounds: ({ delay, maxDelay }) =>
    `A timelock delay of ${delay} seconds is above the maximum of ${maxDelay} seconds: longer would freeze governance.`,
  AccessControlBadConfirmation: () => "An account can only renounce its own role.",
  AccessControlUnauthorizedAccount: ({ account, neededRole }) =>
    `${shortAddress(account)} lacks the timelock's ${ROLES[neededRole] ?? `role ${shortHash(neededRole)}`} role: only the houses act on the timelock.`,
  TimelockInsufficientDelay: ({ delay, minDelay }) =>
    `A delay of ${delay} seconds is shorter than the timelock's minimum (${minDelay} seconds).`,
  TimelockInvalidOperationLength: ({ targets, payloads, values }) =>
    `The operation has ${targets} targets, ${values} values and ${payloads} calldatas: they must match.`,
  TimelockUnauthorizedCaller: ({ caller }) =>
    `Only the timelock itself can change its delay, not ${shortAddress(caller)}.`,
  TimelockUnexecutedPredecessor: ({ predecessorId }) =>
    `The operation must wait for ${shortHash(predecessorId)} to be executed first.`,
  TimelockUnexpectedOperationState: ({ operationId }) =>
    `The timelock operation ${shortHash(operationId)} is not in a state that allows this (not scheduled, not ready yet, or already done or cancelled).`,
});

/**
 * One sentence per custom error of the classifier.
 *
 * @example
 * classifierErrorMessages.ClassifierZeroAddress!({});
 */
export const classifierErrorMessages = defineErrorMessages(governanceClassifierAbi, {
  ClassifierLengthMismatch: ({ targets, selectors }) =>
    `${targets} targets were given with ${selectors} selectors: give one target per selector.`,
  ClassifierUnauthorized: ({ caller }) =>
    `Only governance (the timelock) can change what is constitutional, not ${shortAddress(caller)}.`,
  ClassifierZeroAddress: () => "The zero address cannot be listed.",
});

/**
 * Every governance message, merged (house-specific messages of the same name agree).
 *
 * @example
 * governanceErrorMessages.CommunityNoVetoPower!({ proposalId: 1n, account });
 */
export const governanceErrorMessages = {
  ...timelockErrorMessages,
  ...classifierErrorMessages,
  ...membershipErrorMessages,
  ...operationalHouseErrorMessages,
  ...communityHouseErrorMessages,
};

/**
 * The governance module's error catalogue, registered with the decoder when this module's writes or decorator are
 * imported (a page that only reads cells does not carry it).
 *
 * @example
 * import { governanceErrorCatalogue } from "@concord-dao/sdk";
 *
 * governanceErrorCatalogue.messages.OperationalConstitutionalCall !== undefined; // true
 */
export const governanceErrorCatalogue = registerErrorCatalogue({
  contracts: [
    "OperationalHouse",
    "CommunityHouse",
    "ConcordTimelock",
    "GovernanceClassifier",
    "ConcordMembership",
  ],
  abis: [
    operationalHouseAbi,
    communityHouseAbi,
    concordTimelockAbi,
    governanceClassifierAbi,
    concordMembershipAbi,
  ],
  messages: governanceErrorMessages as ErrorMessages,
});
