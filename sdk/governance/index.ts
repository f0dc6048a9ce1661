/**
 * The governance module: two houses behind one proposal flow (OperationalHouse, CommunityHouse, the
 * timelock and the classifier). Propose (the kind is computed as the contracts will judge it), vote in each
 * house (with a reason, by signature, batched), delegate and override, veto, carry, queue, execute, cancel;
 * `getProposal` returns the kind, the stage, both houses' tallies, the deadlines and what the account can do.
 *
 * Every action is listed once, in `actions.ts`: exported on its own (tree-shakable, `proposeGovernance(client, …)`)
 * and bound under the same name on the client (`concord.governance.proposeGovernance({ … })`).
 */
export * from "./actions.ts";
export { DEFAULT_PROPOSAL_BALLOTS, GOVERNANCE_CALLS_PER_BATCH, stageWords } from "./aggregates.ts";
export type {
  GetProposalParameters,
  GetProposalWithBallotsParameters,
  ListProposalsParameters,
  ProposalWithBallots,
} from "./aggregates.ts";
export { governanceActionCatalogue } from "./calls.ts";
export type { GovernanceAction } from "./calls.ts";
export { getProxyImplementation, toProposalCalls } from "./classify.ts";
export type {
  ClassifyParameters,
  GetProxyImplementationErrorType,
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
export {
  MAX_ROSTER_ACCOUNTS,
  MAX_ROSTER_DELEGATORS,
  MEMBER_PAGE_LIMIT,
  getMemberPowers,
  getMemberRoster,
} from "./delegates.ts";
export type {
  GetMemberPowersErrorType,
  GetMemberPowersParameters,
  GetMemberPowersReturnType,
  GetMemberRosterErrorType,
  GetMemberRosterParameters,
  GetMemberRosterReturnType,
  MemberPower,
  RosterEntry,
} from "./delegates.ts";
export { proposalDeadline } from "./deadline.ts";
export { etaApplies, finalProposalStages, proposalStage } from "./stage.ts";
export type { ProposalStageInput, StageHouseInput } from "./stage.ts";
export {
  MAX_TREASURY_PAYMENTS,
  MAX_TREASURY_TOKEN_CANDIDATES,
  MAX_TREASURY_TOKENS,
  callOutflows,
  getTreasury,
  treasuryShortfalls,
} from "./treasury.ts";
export type {
  GetTreasuryErrorType,
  GetTreasuryOptions,
  GetTreasuryParameters,
  GetTreasuryReturnType,
  PendingOutflow,
  Treasury,
  TreasuryPayment,
  TreasuryShortfall,
  TreasuryToken,
} from "./treasury.ts";
export {
  DEFAULT_SIMULATED_RETURN_BYTES,
  MAX_SIMULATED_CALLS,
  MAX_SIMULATED_RETURN_BYTES,
  PROPOSAL_SIMULATOR_ORIGINAL_CODE,
} from "./simulate.ts";
export type {
  ProposalSimulation,
  SimulateProposalParameters,
  SimulatedBalance,
  SimulatedCall,
  SimulatedTokenInput,
  SimulationMethod,
} from "./simulate.ts";
export { governanceActions } from "./decorator.ts";
export type { GovernanceActions } from "./decorator.ts";
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
export { groupCreations } from "./events.ts";
export type { Ballot, ProposalCreation, ProposalRecord } from "./events.ts";
export { SEAT_DELAY_SECONDS } from "./reads.ts";
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
export { withProposerSuffix } from "./writes.ts";
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
export type {
  GovernanceEvent,
  WatchGovernanceEventsErrorType,
  WatchGovernanceEventsParameters,
  WatchGovernanceEventsReturnType,
} from "./watch.ts";
export type * from "./actionTypes.ts";
