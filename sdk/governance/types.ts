/**
 * Public types of the governance module: proposals as one flow over two houses, their kinds and stages,
 * both houses' tallies, the veto, and what an account can do next. Ids, amounts and timestamps are bigints
 * (Unix seconds: every Concord clock is in timestamp mode); "none" is `null`.
 */
import type { Address, Hash, Hex } from "viem";
import type { ProxyImplementation } from "./classify.ts";

/**
 * The kind of a proposal: `operational` (the operational house decides, under the community's veto) or
 * `constitutional` (both houses approve, then the longer timelock delay).
 */
export type ProposalKind = "operational" | "constitutional";

/** A house of governance: the operational house (one seat per recognised cell) or the community house. */
export type HouseName = "operational" | "community";

/** OpenZeppelin's `IGovernor.ProposalState`, as a word. */
export type ProposalStateName =
  "pending" | "active" | "canceled" | "defeated" | "succeeded" | "queued" | "expired" | "executed";

/**
 * Where a proposal stands in the one flow that hides the two houses.
 *
 * - operational: `operationalVote` → `awaitingQueue` → `vetoWindow` → `executable` → `executed`
 *   (or `vetoed`, `defeated`, `canceled`);
 * - constitutional: `communityVote` → `awaitingOperational` → `operationalVote` → `awaitingQueue` →
 *   `timelock` → `executable` → `executed` (or `defeated`, `canceled`).
 *
 * A `communityVote`/`operationalVote` stage includes the voting delay before voting opens: see the house's
 * `state` (`pending`) and `voteStart`.
 */
export type ProposalStage =
  | "communityVote"
  | "awaitingOperational"
  | "operationalVote"
  | "awaitingQueue"
  | "vetoWindow"
  | "timelock"
  | "executable"
  | "executed"
  | "vetoed"
  | "defeated"
  | "canceled"
  | "expired";

/** A vote's support (Governor Bravo's `VoteType`: 0 against, 1 for, 2 abstain). */
export type VoteSupport = "against" | "for" | "abstain";

/** One call of a proposal: what the timelock will call, with how much ether, and the calldata. */
export type ProposalCall = {
  target: Address;
  /** Wei sent with the call (default 0 when proposing). */
  value: bigint;
  /** The calldata ("0x" for a plain transfer). */
  data: Hex;
};

/** A call as given to `propose`/`classify`: `value` and `data` may be omitted (0 and "0x"). */
export type ProposalCallInput = {
  target: Address;
  value?: bigint | number | undefined;
  data?: Hex | undefined;
};

/** Why the classifier holds a call constitutional. */
export type ConstitutionalReason =
  /** the call targets the classifier itself */
  | "classifier"
  /** the call targets the timelock, which holds every power */
  | "timelock"
  /** the call targets a house of governance (a holder of the timelock's canceller role) */
  | "house"
  /** every call to this target is on the constitutional list (e.g. the membership token) */
  | "listedTarget"
  /** this function of the target is on the constitutional list (e.g. CellRegistry.setRecognised) */
  | "listedSelector"
  /** a `multicall` on a target with listed functions (it could hide one of them) */
  | "multicall"
  /** a value transfer or fallback call (under 4 bytes of calldata) on a target with listed functions */
  | "shortCalldata";

/** How one call of a proposal is classified. */
export type CallClassification = {
  index: number;
  target: Address;
  /** The 4-byte selector, or null when the calldata is shorter than 4 bytes. */
  selector: Hex | null;
  constitutional: boolean;
  /** Why the call is constitutional, or null when it is operational. */
  reason: ConstitutionalReason | null;
  /** The reason in words, or null when the call is operational. */
  explanation: string | null;
  /** The call decoded into words ({@link describeCall}), with "proxy to 0x…" for a proxy or beacon target. */
  description: string;
  /**
   * The implementation the target reports through `implementation()` (beacons, proxies that expose it): the
   * houses pin its code too (S9), or null.
   */
  proxyOf: Address | null;
  /** The proxy behind the target and whether the houses pin its implementation ({@link getProxyImplementation}). */
  proxy: ProxyImplementation | null;
};

/** What `classifyProposal` tells before anything is sent. */
export type ProposalPreview = {
  kind: ProposalKind;
  /** The house `propose` sends to: operational proposals to the operational house, others to the community. */
  house: HouseName;
  /** The id the proposal will have (the same in both houses). */
  proposalId: bigint;
  descriptionHash: Hash;
  /** Index of the first constitutional call (the contract's view), or null when every call is operational. */
  firstConstitutionalIndex: number | null;
  calls: CallClassification[];
  /** One sentence: why the proposal has this kind. */
  explanation: string;
};

/** One house's view of a proposal. */
export type HouseTally = {
  house: HouseName;
  address: Address;
  state: ProposalStateName;
  forVotes: bigint;
  againstVotes: bigint;
  abstainVotes: bigint;
  /** Votes needed (for + abstain): max(fraction of the supply or seats at the snapshot, absolute floor). */
  quorum: bigint;
  quorumReached: boolean;
  /** The snapshot (Unix seconds): voting power is read as it stood then; voting opens after it. */
  voteStart: bigint;
  /** When voting closes (Unix seconds; the community house may extend it after a late quorum). */
  voteEnd: bigint;
  /** Who proposed it in this house. */
  proposer: Address;
  /** The block of the ProposalCreated event in this house. */
  createdBlock: bigint;
};

/** The community's veto of an operational proposal. */
export type VetoTally = {
  /** Veto votes cast so far. */
  votes: bigint;
  /** Veto votes that cancel the proposal (a fraction of the members' supply at the proposal's snapshot). */
  threshold: bigint;
  vetoed: boolean;
  /** When the veto window closes (the proposal's eta), or null before it is queued. */
  windowEndsAt: bigint | null;
};

/** Whether the account can take an action now, and why not. */
export type ActionAvailability =
  | { allowed: true; house: HouseName | null; reason: null }
  | { allowed: false; house: HouseName | null; reason: string };

/** What the connected account (or anyone, for queue/execute/carry) can do next on a proposal. */
export type ProposalActions = {
  /** Vote in the house whose vote is open (`house`). */
  vote: ActionAvailability;
  /** Override the vote of one's delegate (community house, while its vote is open). */
  override: ActionAvailability;
  /** Veto an operational proposal in its veto window (community house). */
  veto: ActionAvailability;
  /** Carry a constitutional proposal the community approved to the operational house. */
  carry: ActionAvailability;
  /** Queue a passed proposal in the timelock. */
  queue: ActionAvailability;
  /** Execute after the delay. */
  execute: ActionAvailability;
  /** Cancel: the guardian (any proposal not executed), or the proposer before voting opens. */
  cancel: ActionAvailability;
};

/** The account's position on a proposal. */
export type ProposalAccountView = {
  account: Address;
  /** Votes in the community house at its snapshot (delegated power included), or null before the snapshot. */
  communityVotes: bigint | null;
  /** Seats in the operational house at its snapshot, or null before the snapshot or when not proposed there. */
  operationalSeats: bigint | null;
  hasVotedCommunity: boolean;
  hasVotedOperational: boolean;
  hasOverridden: boolean;
  hasVetoed: boolean;
  /** The account's own members' votes at the operational snapshot (what a veto weighs), or null. */
  vetoPower: bigint | null;
};

/** A proposal, as one flow over both houses. */
export type Proposal = {
  id: bigint;
  kind: ProposalKind;
  stage: ProposalStage;
  /** The description (its first line is the title by convention). */
  description: string;
  /** The first line of the description. */
  title: string;
  descriptionHash: Hash;
  calls: ProposalCall[];
  /** Who first proposed it (in the community house for a constitutional proposal). */
  proposer: Address;
  /** The community house's view (constitutional proposals), or null. */
  community: HouseTally | null;
  /** The operational house's view, or null when not (yet) proposed there. */
  operational: HouseTally | null;
  /** The community's veto (operational proposals), or null. */
  veto: VetoTally | null;
  /** When the proposal becomes executable (after queueing), or null. */
  eta: bigint | null;
  /**
   * The next deadline the proposal must meet, or null when none applies (issue 10, S5): a community approval
   * "must be carried by" the end of its carry window, a passed proposal "must be queued by" the end of its
   * queue window, a queued one "expires on" the end of its grace period.
   */
  deadline: ProposalDeadline | null;
  /** The chain's time when read (Unix seconds). */
  now: bigint;
  /** The account's position, when an account was given or the client has one. */
  accountView: ProposalAccountView | null;
  /** What can be done next (for the account, when known). */
  actions: ProposalActions;
};

/** A deadline of a proposal's lapse windows, with its sentence ("must be carried by 12 May 2026 14:00 UTC"). */
export type ProposalDeadline = {
  kind: "carry" | "queue" | "execute";
  at: bigint;
  sentence: string;
};

/** A proposal in a list: the same as {@link Proposal} without the account's view. */
export type ProposalSummary = Omit<Proposal, "accountView" | "actions">;

/** EIP-712 domain of a house (name "Concord Operational House" / "Concord Community House", version "1"). */
export type HouseDomain = {
  name: string;
  version: string;
  chainId: number;
  verifyingContract: Address;
};

/** The typed data of a vote by signature, ready for any wallet's `signTypedData` (EOA or ERC-1271 wallet). */
export type VoteTypedData =
  | {
      domain: HouseDomain;
      types: { Ballot: readonly { name: string; type: string }[] };
      primaryType: "Ballot";
      message: { proposalId: bigint; support: number; voter: Address; nonce: bigint };
    }
  | {
      domain: HouseDomain;
      types: { ExtendedBallot: readonly { name: string; type: string }[] };
      primaryType: "ExtendedBallot";
      message: {
        proposalId: bigint;
        support: number;
        voter: Address;
        nonce: bigint;
        reason: string;
        params: Hex;
      };
    }
  | {
      domain: HouseDomain;
      types: { OverrideBallot: readonly { name: string; type: string }[] };
      primaryType: "OverrideBallot";
      message: { proposalId: bigint; support: number; voter: Address; nonce: bigint; reason: string };
    };

/** A signed vote that anyone can relay (`castVoteBySig`, `submitVotes`). */
export type SignedVote = {
  house: HouseName;
  proposalId: bigint;
  support: VoteSupport;
  voter: Address;
  /** The reason signed with the vote ("" for none: a plain Ballot). */
  reason: string;
  /** True for an override of one's delegate's vote (community house). */
  override: boolean;
  /** The voter's signature: 65 bytes for an EOA, anything its ERC-1271 `isValidSignature` accepts for a wallet. */
  signature: Hex;
};

/** The typed data of a veto by signature (community house). */
export type VetoTypedData = {
  domain: HouseDomain;
  types: { Veto: readonly { name: string; type: string }[] };
  primaryType: "Veto";
  message: { proposalId: bigint; voter: Address; nonce: bigint; reason: string };
};

/** A signed veto that anyone can relay (`castVetoBySig`, `submitVetoes`). */
export type SignedVeto = {
  proposalId: bigint;
  voter: Address;
  reason: string;
  signature: Hex;
};

/** A vote recorded by a write. */
export type VoteRecord = {
  house: HouseName;
  proposalId: bigint;
  voter: Address;
  support: VoteSupport;
  weight: bigint;
  reason: string;
  override: boolean;
};

/** The governance contracts of a deployment. */
export type GovernanceContracts = {
  operationalHouse: Address;
  communityHouse: Address;
  timelock: Address;
  classifier: Address;
  votesToken: Address;
  /** Block from which the houses' events are scanned. */
  startBlock: bigint;
};

/** The parameters governance runs with (each can only change through a constitutional proposal). */
export type GovernanceSettings = {
  operational: HouseSettingsView;
  community: HouseSettingsView & {
    /** Veto threshold in basis points of the members' supply at the operational proposal's snapshot. */
    vetoThresholdBps: bigint;
    /** Seconds of voting guaranteed after a late quorum. */
    lateQuorumExtension: bigint;
  };
  /** The timelock's minimum delay: the veto window of operational proposals (seconds). */
  operationalDelay: bigint;
  /** The timelock delay of constitutional proposals (seconds). */
  constitutionalDelay: bigint;
  /** The guardian that can cancel any proposal not yet executed (per house), or null. */
  guardian: Address | null;
};

/** One house's settings. */
export type HouseSettingsView = {
  address: Address;
  votingDelay: bigint;
  votingPeriod: bigint;
  proposalThreshold: bigint;
  /** Quorum as a percentage of the supply (community) or of the recognised cells (operational). */
  quorumPercent: bigint;
  /** Absolute quorum floor (votes or seats). */
  quorumFloor: bigint;
  guardian: Address | null;
};
