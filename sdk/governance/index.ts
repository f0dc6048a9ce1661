/**
 * The governance module: two houses behind one proposal flow (OperationalHouse, CommunityHouse, the
 * timelock and the classifier). Propose (the kind is computed as the contracts will judge it), vote in each
 * house (with a reason, by signature, batched), delegate and override, veto, carry, queue, execute, cancel;
 * `getProposal` returns the kind, the stage, both houses' tallies, the deadlines and what the account can do.
 *
 * On the client, actions have short names (`concord.governance.proposeGovernance`, `.castVote`, `.veto`); exported on
 * their own (tree-shakable) they carry the module's name where another module has the same verb
 * (`proposeGovernance(client, …)`, `castGovernanceVote`, `vetoProposal`).
 */
export { findProposalRecord, getProposal, houseState, listProposals, stageWords } from "./aggregates.ts";
export type { GetProposalParameters, ListProposalsParameters } from "./aggregates.ts";
export { buildProposalCall, governanceActionCatalogue } from "./calls.ts";
export type { GovernanceAction } from "./calls.ts";
export { classifyProposal, getProxyImplementation, kindOf, toProposalCalls } from "./classify.ts";
export type {
  ClassifyParameters,
  GetProxyImplementationParameters,
  GetProxyImplementationReturnType,
  ProxyImplementation,
} from "./classify.ts";
export {
  CARRY_WINDOW_SECONDS,
  GRACE_PERIOD_SECONDS,
  MAX_PROPOSAL_CALLS,
  QUEUE_WINDOW_SECONDS,
  ProposalState,
  ballotTypes,
  computeProposalId,
  extendedBallotTypes,
  hashDescription,
  houseEip712Names,
  overrideBallotTypes,
  proposalStateName,
  proposalStateNames,
  toSupport,
  vetoTypes,
  voteSupportNames,
} from "./constants.ts";
export { governanceActions } from "./decorator.ts";
export type { GovernanceActions } from "./decorator.ts";
export { describeCall } from "./describe.ts";
export type { DescribeCallOptions } from "./describe.ts";
export {
  classifierErrorMessages,
  communityHouseErrorMessages,
  governanceErrorMessages,
  membershipErrorMessages,
  operationalHouseErrorMessages,
  timelockErrorMessages,
  governanceErrorCatalogue,
} from "./errors.ts";
export { getProposalBallots, groupCreations, scanProposalCreations } from "./events.ts";
export type { Ballot, ProposalCreation, ProposalRecord } from "./events.ts";
export {
  SEAT_DELAY_SECONDS,
  getGovernanceContracts,
  getGovernanceSettings,
  getVotingPower,
} from "./reads.ts";
export type { VotingPower } from "./reads.ts";
export type {
  ActionAvailability,
  CallClassification,
  ConstitutionalReason,
  GovernanceContracts,
  GovernanceSettings,
  HouseDomain,
  HouseName,
  HouseSettingsView,
  HouseTally,
  Proposal,
  ProposalAccountView,
  ProposalActions,
  ProposalCall,
  ProposalCallInput,
  ProposalKind,
  ProposalPreview,
  ProposalDeadline,
  ProposalStage,
  ProposalStateName,
  ProposalSummary,
  SignedVeto,
  SignedVote,
  VetoTally,
  VetoTypedData,
  VoteRecord,
  VoteSupport,
  VoteTypedData,
} from "./types.ts";
export {
  cancelProposal,
  carryProposal,
  castGovernanceVote,
  castOverrideVote,
  castVetoBySig,
  castVoteBySig,
  delegateVotes,
  executeProposal,
  getVetoTypedData,
  getVoteTypedData,
  prepareCancelProposal,
  prepareCarryProposal,
  prepareCastGovernanceVote,
  prepareCastOverrideVote,
  prepareCastVetoBySig,
  prepareCastVoteBySig,
  prepareDelegateVotes,
  prepareExecuteProposal,
  prepareProposeGovernance,
  prepareQueueProposal,
  prepareSubmitVetoes,
  prepareSubmitVotes,
  prepareVetoProposal,
  proposeGovernance,
  queueProposal,
  signVeto,
  signVote,
  submitVetoes,
  submitVotes,
  vetoProposal,
  withProposerSuffix,
} from "./writes.ts";
export type {
  CastVoteParameters,
  GetVoteTypedDataParameters,
  GovernanceWriteResult,
  ProposalParameters,
  ProposeGovernanceParameters,
  ProposeGovernanceResult,
  VetoResult,
  VoteResult,
  VoteToSign,
} from "./writes.ts";
export { watchGovernanceEvents } from "./watch.ts";
export type {
  GovernanceEvent,
  WatchGovernanceEventsErrorType,
  WatchGovernanceEventsParameters,
  WatchGovernanceEventsReturnType,
} from "./watch.ts";
