/**
 * The types of every governance action, as viem's actions export them: `XParameters` (what the action takes after the
 * client), `XReturnType` (what it resolves to) and `XErrorType` (what it throws). Derived from the actions
 * themselves, so they cannot drift; a hand-written `XParameters` beside the action is used where one exists.
 */
import type { ConcordErrorType } from "../errors.ts";
import type { ActionParameters, ActionReturnType } from "../internal/bind.ts";
import type { GovernanceActionTable } from "./decorator.ts";

/** Parameters of `getGovernanceContracts`. */
export type GetGovernanceContractsParameters = ActionParameters<
  GovernanceActionTable["getGovernanceContracts"]
>;
/** What `getGovernanceContracts` resolves to. */
export type GetGovernanceContractsReturnType = ActionReturnType<
  GovernanceActionTable["getGovernanceContracts"]
>;
/** What `getGovernanceContracts` throws. */
export type GetGovernanceContractsErrorType = ConcordErrorType;

/** Parameters of `getGovernanceSettings`. */
export type GetGovernanceSettingsParameters = ActionParameters<
  GovernanceActionTable["getGovernanceSettings"]
>;
/** What `getGovernanceSettings` resolves to. */
export type GetGovernanceSettingsReturnType = ActionReturnType<
  GovernanceActionTable["getGovernanceSettings"]
>;
/** What `getGovernanceSettings` throws. */
export type GetGovernanceSettingsErrorType = ConcordErrorType;

/** Parameters of `getVotingPower`. */
export type GetVotingPowerParameters = ActionParameters<GovernanceActionTable["getVotingPower"]>;
/** What `getVotingPower` resolves to. */
export type GetVotingPowerReturnType = ActionReturnType<GovernanceActionTable["getVotingPower"]>;
/** What `getVotingPower` throws. */
export type GetVotingPowerErrorType = ConcordErrorType;

/** Parameters of `classifyProposal`. */
export type ClassifyProposalParameters = ActionParameters<GovernanceActionTable["classifyProposal"]>;
/** What `classifyProposal` resolves to. */
export type ClassifyProposalReturnType = ActionReturnType<GovernanceActionTable["classifyProposal"]>;
/** What `classifyProposal` throws. */
export type ClassifyProposalErrorType = ConcordErrorType;

/** Parameters of `kindOf`. */
export type KindOfParameters = ActionParameters<GovernanceActionTable["kindOf"]>;
/** What `kindOf` resolves to. */
export type KindOfReturnType = ActionReturnType<GovernanceActionTable["kindOf"]>;
/** What `kindOf` throws. */
export type KindOfErrorType = ConcordErrorType;

/** Parameters of `describeCall`. */
export type DescribeCallParameters = ActionParameters<GovernanceActionTable["describeCall"]>;
/** What `describeCall` resolves to. */
export type DescribeCallReturnType = ActionReturnType<GovernanceActionTable["describeCall"]>;
/** What `describeCall` throws. */
export type DescribeCallErrorType = ConcordErrorType;

/** Parameters of `buildProposalCall`. */
export type BuildProposalCallParameters = ActionParameters<GovernanceActionTable["buildProposalCall"]>;
/** What `buildProposalCall` resolves to. */
export type BuildProposalCallReturnType = ActionReturnType<GovernanceActionTable["buildProposalCall"]>;
/** What `buildProposalCall` throws. */
export type BuildProposalCallErrorType = ConcordErrorType;

/** What `getProposal` resolves to. */
export type GetProposalReturnType = ActionReturnType<GovernanceActionTable["getProposal"]>;
/** What `getProposal` throws. */
export type GetProposalErrorType = ConcordErrorType;

/** What `listProposals` resolves to. */
export type ListProposalsReturnType = ActionReturnType<GovernanceActionTable["listProposals"]>;
/** What `listProposals` throws. */
export type ListProposalsErrorType = ConcordErrorType;

/** Parameters of `houseState`. */
export type HouseStateParameters = ActionParameters<GovernanceActionTable["houseState"]>;
/** What `houseState` resolves to. */
export type HouseStateReturnType = ActionReturnType<GovernanceActionTable["houseState"]>;
/** What `houseState` throws. */
export type HouseStateErrorType = ConcordErrorType;

/** Parameters of `scanProposalCreations`. */
export type ScanProposalCreationsParameters = ActionParameters<
  GovernanceActionTable["scanProposalCreations"]
>;
/** What `scanProposalCreations` resolves to. */
export type ScanProposalCreationsReturnType = ActionReturnType<
  GovernanceActionTable["scanProposalCreations"]
>;
/** What `scanProposalCreations` throws. */
export type ScanProposalCreationsErrorType = ConcordErrorType;

/** Parameters of `getProposalBallots`. */
export type GetProposalBallotsParameters = ActionParameters<GovernanceActionTable["getProposalBallots"]>;
/** What `getProposalBallots` resolves to. */
export type GetProposalBallotsReturnType = ActionReturnType<GovernanceActionTable["getProposalBallots"]>;
/** What `getProposalBallots` throws. */
export type GetProposalBallotsErrorType = ConcordErrorType;

/** What `getVoteTypedData` resolves to. */
export type GetVoteTypedDataReturnType = ActionReturnType<GovernanceActionTable["getVoteTypedData"]>;
/** What `getVoteTypedData` throws. */
export type GetVoteTypedDataErrorType = ConcordErrorType;

/** Parameters of `signVote`. */
export type SignVoteParameters = ActionParameters<GovernanceActionTable["signVote"]>;
/** What `signVote` resolves to. */
export type SignVoteReturnType = ActionReturnType<GovernanceActionTable["signVote"]>;
/** What `signVote` throws. */
export type SignVoteErrorType = ConcordErrorType;

/** Parameters of `getVetoTypedData`. */
export type GetVetoTypedDataParameters = ActionParameters<GovernanceActionTable["getVetoTypedData"]>;
/** What `getVetoTypedData` resolves to. */
export type GetVetoTypedDataReturnType = ActionReturnType<GovernanceActionTable["getVetoTypedData"]>;
/** What `getVetoTypedData` throws. */
export type GetVetoTypedDataErrorType = ConcordErrorType;

/** Parameters of `signVeto`. */
export type SignVetoParameters = ActionParameters<GovernanceActionTable["signVeto"]>;
/** What `signVeto` resolves to. */
export type SignVetoReturnType = ActionReturnType<GovernanceActionTable["signVeto"]>;
/** What `signVeto` throws. */
export type SignVetoErrorType = ConcordErrorType;

/** What `proposeGovernance` resolves to. */
export type ProposeGovernanceReturnType = ActionReturnType<GovernanceActionTable["proposeGovernance"]>;
/** What `proposeGovernance` throws. */
export type ProposeGovernanceErrorType = ConcordErrorType;

/** Parameters of `carryProposal`. */
export type CarryProposalParameters = ActionParameters<GovernanceActionTable["carryProposal"]>;
/** What `carryProposal` resolves to. */
export type CarryProposalReturnType = ActionReturnType<GovernanceActionTable["carryProposal"]>;
/** What `carryProposal` throws. */
export type CarryProposalErrorType = ConcordErrorType;

/** Parameters of `castGovernanceVote`. */
export type CastGovernanceVoteParameters = ActionParameters<GovernanceActionTable["castGovernanceVote"]>;
/** What `castGovernanceVote` resolves to. */
export type CastGovernanceVoteReturnType = ActionReturnType<GovernanceActionTable["castGovernanceVote"]>;
/** What `castGovernanceVote` throws. */
export type CastGovernanceVoteErrorType = ConcordErrorType;

/** Parameters of `castOverrideVote`. */
export type CastOverrideVoteParameters = ActionParameters<GovernanceActionTable["castOverrideVote"]>;
/** What `castOverrideVote` resolves to. */
export type CastOverrideVoteReturnType = ActionReturnType<GovernanceActionTable["castOverrideVote"]>;
/** What `castOverrideVote` throws. */
export type CastOverrideVoteErrorType = ConcordErrorType;

/** Parameters of `castVoteBySig`. */
export type CastVoteBySigParameters = ActionParameters<GovernanceActionTable["castVoteBySig"]>;
/** What `castVoteBySig` resolves to. */
export type CastVoteBySigReturnType = ActionReturnType<GovernanceActionTable["castVoteBySig"]>;
/** What `castVoteBySig` throws. */
export type CastVoteBySigErrorType = ConcordErrorType;

/** Parameters of `submitVotes`. */
export type SubmitVotesParameters = ActionParameters<GovernanceActionTable["submitVotes"]>;
/** What `submitVotes` resolves to. */
export type SubmitVotesReturnType = ActionReturnType<GovernanceActionTable["submitVotes"]>;
/** What `submitVotes` throws. */
export type SubmitVotesErrorType = ConcordErrorType;

/** Parameters of `delegateVotes`. */
export type DelegateVotesParameters = ActionParameters<GovernanceActionTable["delegateVotes"]>;
/** What `delegateVotes` resolves to. */
export type DelegateVotesReturnType = ActionReturnType<GovernanceActionTable["delegateVotes"]>;
/** What `delegateVotes` throws. */
export type DelegateVotesErrorType = ConcordErrorType;

/** Parameters of `vetoProposal`. */
export type VetoProposalParameters = ActionParameters<GovernanceActionTable["vetoProposal"]>;
/** What `vetoProposal` resolves to. */
export type VetoProposalReturnType = ActionReturnType<GovernanceActionTable["vetoProposal"]>;
/** What `vetoProposal` throws. */
export type VetoProposalErrorType = ConcordErrorType;

/** Parameters of `castVetoBySig`. */
export type CastVetoBySigParameters = ActionParameters<GovernanceActionTable["castVetoBySig"]>;
/** What `castVetoBySig` resolves to. */
export type CastVetoBySigReturnType = ActionReturnType<GovernanceActionTable["castVetoBySig"]>;
/** What `castVetoBySig` throws. */
export type CastVetoBySigErrorType = ConcordErrorType;

/** Parameters of `submitVetoes`. */
export type SubmitVetoesParameters = ActionParameters<GovernanceActionTable["submitVetoes"]>;
/** What `submitVetoes` resolves to. */
export type SubmitVetoesReturnType = ActionReturnType<GovernanceActionTable["submitVetoes"]>;
/** What `submitVetoes` throws. */
export type SubmitVetoesErrorType = ConcordErrorType;

/** Parameters of `queueProposal`. */
export type QueueProposalParameters = ActionParameters<GovernanceActionTable["queueProposal"]>;
/** What `queueProposal` resolves to. */
export type QueueProposalReturnType = ActionReturnType<GovernanceActionTable["queueProposal"]>;
/** What `queueProposal` throws. */
export type QueueProposalErrorType = ConcordErrorType;

/** Parameters of `executeProposal`. */
export type ExecuteProposalParameters = ActionParameters<GovernanceActionTable["executeProposal"]>;
/** What `executeProposal` resolves to. */
export type ExecuteProposalReturnType = ActionReturnType<GovernanceActionTable["executeProposal"]>;
/** What `executeProposal` throws. */
export type ExecuteProposalErrorType = ConcordErrorType;

/** Parameters of `cancelProposal`. */
export type CancelProposalParameters = ActionParameters<GovernanceActionTable["cancelProposal"]>;
/** What `cancelProposal` resolves to. */
export type CancelProposalReturnType = ActionReturnType<GovernanceActionTable["cancelProposal"]>;
/** What `cancelProposal` throws. */
export type CancelProposalErrorType = ConcordErrorType;

/** Parameters of `prepareProposeGovernance`. */
export type PrepareProposeGovernanceParameters = ActionParameters<
  GovernanceActionTable["prepareProposeGovernance"]
>;
/** What `prepareProposeGovernance` resolves to. */
export type PrepareProposeGovernanceReturnType = ActionReturnType<
  GovernanceActionTable["prepareProposeGovernance"]
>;
/** What `prepareProposeGovernance` throws. */
export type PrepareProposeGovernanceErrorType = ConcordErrorType;

/** Parameters of `prepareCarryProposal`. */
export type PrepareCarryProposalParameters = ActionParameters<GovernanceActionTable["prepareCarryProposal"]>;
/** What `prepareCarryProposal` resolves to. */
export type PrepareCarryProposalReturnType = ActionReturnType<GovernanceActionTable["prepareCarryProposal"]>;
/** What `prepareCarryProposal` throws. */
export type PrepareCarryProposalErrorType = ConcordErrorType;

/** Parameters of `prepareCastGovernanceVote`. */
export type PrepareCastGovernanceVoteParameters = ActionParameters<
  GovernanceActionTable["prepareCastGovernanceVote"]
>;
/** What `prepareCastGovernanceVote` resolves to. */
export type PrepareCastGovernanceVoteReturnType = ActionReturnType<
  GovernanceActionTable["prepareCastGovernanceVote"]
>;
/** What `prepareCastGovernanceVote` throws. */
export type PrepareCastGovernanceVoteErrorType = ConcordErrorType;

/** Parameters of `prepareCastOverrideVote`. */
export type PrepareCastOverrideVoteParameters = ActionParameters<
  GovernanceActionTable["prepareCastOverrideVote"]
>;
/** What `prepareCastOverrideVote` resolves to. */
export type PrepareCastOverrideVoteReturnType = ActionReturnType<
  GovernanceActionTable["prepareCastOverrideVote"]
>;
/** What `prepareCastOverrideVote` throws. */
export type PrepareCastOverrideVoteErrorType = ConcordErrorType;

/** Parameters of `prepareCastVoteBySig`. */
export type PrepareCastVoteBySigParameters = ActionParameters<GovernanceActionTable["prepareCastVoteBySig"]>;
/** What `prepareCastVoteBySig` resolves to. */
export type PrepareCastVoteBySigReturnType = ActionReturnType<GovernanceActionTable["prepareCastVoteBySig"]>;
/** What `prepareCastVoteBySig` throws. */
export type PrepareCastVoteBySigErrorType = ConcordErrorType;

/** Parameters of `prepareSubmitVotes`. */
export type PrepareSubmitVotesParameters = ActionParameters<GovernanceActionTable["prepareSubmitVotes"]>;
/** What `prepareSubmitVotes` resolves to. */
export type PrepareSubmitVotesReturnType = ActionReturnType<GovernanceActionTable["prepareSubmitVotes"]>;
/** What `prepareSubmitVotes` throws. */
export type PrepareSubmitVotesErrorType = ConcordErrorType;

/** Parameters of `prepareDelegateVotes`. */
export type PrepareDelegateVotesParameters = ActionParameters<GovernanceActionTable["prepareDelegateVotes"]>;
/** What `prepareDelegateVotes` resolves to. */
export type PrepareDelegateVotesReturnType = ActionReturnType<GovernanceActionTable["prepareDelegateVotes"]>;
/** What `prepareDelegateVotes` throws. */
export type PrepareDelegateVotesErrorType = ConcordErrorType;

/** Parameters of `prepareVetoProposal`. */
export type PrepareVetoProposalParameters = ActionParameters<GovernanceActionTable["prepareVetoProposal"]>;
/** What `prepareVetoProposal` resolves to. */
export type PrepareVetoProposalReturnType = ActionReturnType<GovernanceActionTable["prepareVetoProposal"]>;
/** What `prepareVetoProposal` throws. */
export type PrepareVetoProposalErrorType = ConcordErrorType;

/** Parameters of `prepareCastVetoBySig`. */
export type PrepareCastVetoBySigParameters = ActionParameters<GovernanceActionTable["prepareCastVetoBySig"]>;
/** What `prepareCastVetoBySig` resolves to. */
export type PrepareCastVetoBySigReturnType = ActionReturnType<GovernanceActionTable["prepareCastVetoBySig"]>;
/** What `prepareCastVetoBySig` throws. */
export type PrepareCastVetoBySigErrorType = ConcordErrorType;

/** Parameters of `prepareSubmitVetoes`. */
export type PrepareSubmitVetoesParameters = ActionParameters<GovernanceActionTable["prepareSubmitVetoes"]>;
/** What `prepareSubmitVetoes` resolves to. */
export type PrepareSubmitVetoesReturnType = ActionReturnType<GovernanceActionTable["prepareSubmitVetoes"]>;
/** What `prepareSubmitVetoes` throws. */
export type PrepareSubmitVetoesErrorType = ConcordErrorType;

/** Parameters of `prepareQueueProposal`. */
export type PrepareQueueProposalParameters = ActionParameters<GovernanceActionTable["prepareQueueProposal"]>;
/** What `prepareQueueProposal` resolves to. */
export type PrepareQueueProposalReturnType = ActionReturnType<GovernanceActionTable["prepareQueueProposal"]>;
/** What `prepareQueueProposal` throws. */
export type PrepareQueueProposalErrorType = ConcordErrorType;

/** Parameters of `prepareExecuteProposal`. */
export type PrepareExecuteProposalParameters = ActionParameters<
  GovernanceActionTable["prepareExecuteProposal"]
>;
/** What `prepareExecuteProposal` resolves to. */
export type PrepareExecuteProposalReturnType = ActionReturnType<
  GovernanceActionTable["prepareExecuteProposal"]
>;
/** What `prepareExecuteProposal` throws. */
export type PrepareExecuteProposalErrorType = ConcordErrorType;

/** Parameters of `prepareCancelProposal`. */
export type PrepareCancelProposalParameters = ActionParameters<
  GovernanceActionTable["prepareCancelProposal"]
>;
/** What `prepareCancelProposal` resolves to. */
export type PrepareCancelProposalReturnType = ActionReturnType<
  GovernanceActionTable["prepareCancelProposal"]
>;
/** What `prepareCancelProposal` throws. */
export type PrepareCancelProposalErrorType = ConcordErrorType;

/** What `simulateProposal` resolves to. */
export type SimulateProposalReturnType = ActionReturnType<GovernanceActionTable["simulateProposal"]>;
/** What `simulateProposal` throws. */
export type SimulateProposalErrorType = ConcordErrorType;
