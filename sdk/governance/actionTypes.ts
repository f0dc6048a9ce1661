/**
 * The types of every governance action, as viem's actions export them: `XParameters` (what the action takes
 * after the client), `XReturnType` (what it resolves to) and `XErrorType` (what it throws: a `ConcordError`).
 * Derived from the actions of `actions.ts` by `ActionParameters` and `ActionReturnType`, so they cannot
 * drift; where a hand-written `XParameters` (or `XReturnType`) sits beside the action, this file leaves that
 * name to it.
 */
import type { ConcordErrorType } from "../errors.ts";
import type { ActionParameters, ActionReturnType } from "../internal/bind.ts";
import type * as actions from "./actions.ts";

export type GetGovernanceContractsParameters = ActionParameters<typeof actions.getGovernanceContracts>;
export type GetGovernanceContractsReturnType = ActionReturnType<typeof actions.getGovernanceContracts>;
export type GetGovernanceContractsErrorType = ConcordErrorType;

export type GetGovernanceSettingsParameters = ActionParameters<typeof actions.getGovernanceSettings>;
export type GetGovernanceSettingsReturnType = ActionReturnType<typeof actions.getGovernanceSettings>;
export type GetGovernanceSettingsErrorType = ConcordErrorType;

export type GetVotingPowerParameters = ActionParameters<typeof actions.getVotingPower>;
export type GetVotingPowerReturnType = ActionReturnType<typeof actions.getVotingPower>;
export type GetVotingPowerErrorType = ConcordErrorType;

export type ClassifyProposalParameters = ActionParameters<typeof actions.classifyProposal>;
export type ClassifyProposalReturnType = ActionReturnType<typeof actions.classifyProposal>;
export type ClassifyProposalErrorType = ConcordErrorType;

export type KindOfParameters = ActionParameters<typeof actions.kindOf>;
export type KindOfReturnType = ActionReturnType<typeof actions.kindOf>;
export type KindOfErrorType = ConcordErrorType;

export type DescribeCallParameters = ActionParameters<typeof actions.describeCall>;
export type DescribeCallReturnType = ActionReturnType<typeof actions.describeCall>;
export type DescribeCallErrorType = ConcordErrorType;

export type BuildProposalCallParameters = ActionParameters<typeof actions.buildProposalCall>;
export type BuildProposalCallReturnType = ActionReturnType<typeof actions.buildProposalCall>;
export type BuildProposalCallErrorType = ConcordErrorType;

export type GetProposalReturnType = ActionReturnType<typeof actions.getProposal>;
export type GetProposalErrorType = ConcordErrorType;

export type GetProposalWithBallotsReturnType = ActionReturnType<typeof actions.getProposalWithBallots>;
export type GetProposalWithBallotsErrorType = ConcordErrorType;

export type ListProposalsReturnType = ActionReturnType<typeof actions.listProposals>;
export type ListProposalsErrorType = ConcordErrorType;

export type HouseStateParameters = ActionParameters<typeof actions.houseState>;
export type HouseStateReturnType = ActionReturnType<typeof actions.houseState>;
export type HouseStateErrorType = ConcordErrorType;

export type ScanProposalCreationsParameters = ActionParameters<typeof actions.scanProposalCreations>;
export type ScanProposalCreationsReturnType = ActionReturnType<typeof actions.scanProposalCreations>;
export type ScanProposalCreationsErrorType = ConcordErrorType;

export type GetProposalBallotsParameters = ActionParameters<typeof actions.getProposalBallots>;
export type GetProposalBallotsReturnType = ActionReturnType<typeof actions.getProposalBallots>;
export type GetProposalBallotsErrorType = ConcordErrorType;

export type GetVoteTypedDataReturnType = ActionReturnType<typeof actions.getVoteTypedData>;
export type GetVoteTypedDataErrorType = ConcordErrorType;

export type SignVoteParameters = ActionParameters<typeof actions.signVote>;
export type SignVoteReturnType = ActionReturnType<typeof actions.signVote>;
export type SignVoteErrorType = ConcordErrorType;

export type GetVetoTypedDataParameters = ActionParameters<typeof actions.getVetoTypedData>;
export type GetVetoTypedDataReturnType = ActionReturnType<typeof actions.getVetoTypedData>;
export type GetVetoTypedDataErrorType = ConcordErrorType;

export type SignVetoParameters = ActionParameters<typeof actions.signVeto>;
export type SignVetoReturnType = ActionReturnType<typeof actions.signVeto>;
export type SignVetoErrorType = ConcordErrorType;

export type ProposeGovernanceReturnType = ActionReturnType<typeof actions.proposeGovernance>;
export type ProposeGovernanceErrorType = ConcordErrorType;

export type CarryProposalParameters = ActionParameters<typeof actions.carryProposal>;
export type CarryProposalReturnType = ActionReturnType<typeof actions.carryProposal>;
export type CarryProposalErrorType = ConcordErrorType;

export type CastGovernanceVoteParameters = ActionParameters<typeof actions.castGovernanceVote>;
export type CastGovernanceVoteReturnType = ActionReturnType<typeof actions.castGovernanceVote>;
export type CastGovernanceVoteErrorType = ConcordErrorType;

export type CastOverrideVoteParameters = ActionParameters<typeof actions.castOverrideVote>;
export type CastOverrideVoteReturnType = ActionReturnType<typeof actions.castOverrideVote>;
export type CastOverrideVoteErrorType = ConcordErrorType;

export type CastVoteBySigParameters = ActionParameters<typeof actions.castVoteBySig>;
export type CastVoteBySigReturnType = ActionReturnType<typeof actions.castVoteBySig>;
export type CastVoteBySigErrorType = ConcordErrorType;

export type SubmitVotesParameters = ActionParameters<typeof actions.submitVotes>;
export type SubmitVotesReturnType = ActionReturnType<typeof actions.submitVotes>;
export type SubmitVotesErrorType = ConcordErrorType;

export type DelegateVotesParameters = ActionParameters<typeof actions.delegateVotes>;
export type DelegateVotesReturnType = ActionReturnType<typeof actions.delegateVotes>;
export type DelegateVotesErrorType = ConcordErrorType;

export type VetoProposalParameters = ActionParameters<typeof actions.vetoProposal>;
export type VetoProposalReturnType = ActionReturnType<typeof actions.vetoProposal>;
export type VetoProposalErrorType = ConcordErrorType;

export type CastVetoBySigParameters = ActionParameters<typeof actions.castVetoBySig>;
export type CastVetoBySigReturnType = ActionReturnType<typeof actions.castVetoBySig>;
export type CastVetoBySigErrorType = ConcordErrorType;

export type SubmitVetoesParameters = ActionParameters<typeof actions.submitVetoes>;
export type SubmitVetoesReturnType = ActionReturnType<typeof actions.submitVetoes>;
export type SubmitVetoesErrorType = ConcordErrorType;

export type QueueProposalParameters = ActionParameters<typeof actions.queueProposal>;
export type QueueProposalReturnType = ActionReturnType<typeof actions.queueProposal>;
export type QueueProposalErrorType = ConcordErrorType;

export type ExecuteProposalParameters = ActionParameters<typeof actions.executeProposal>;
export type ExecuteProposalReturnType = ActionReturnType<typeof actions.executeProposal>;
export type ExecuteProposalErrorType = ConcordErrorType;

export type CancelProposalParameters = ActionParameters<typeof actions.cancelProposal>;
export type CancelProposalReturnType = ActionReturnType<typeof actions.cancelProposal>;
export type CancelProposalErrorType = ConcordErrorType;

export type PrepareProposeGovernanceParameters = ActionParameters<typeof actions.prepareProposeGovernance>;
export type PrepareProposeGovernanceReturnType = ActionReturnType<typeof actions.prepareProposeGovernance>;
export type PrepareProposeGovernanceErrorType = ConcordErrorType;

export type PrepareCarryProposalParameters = ActionParameters<typeof actions.prepareCarryProposal>;
export type PrepareCarryProposalReturnType = ActionReturnType<typeof actions.prepareCarryProposal>;
export type PrepareCarryProposalErrorType = ConcordErrorType;

export type PrepareCastGovernanceVoteParameters = ActionParameters<typeof actions.prepareCastGovernanceVote>;
export type PrepareCastGovernanceVoteReturnType = ActionReturnType<typeof actions.prepareCastGovernanceVote>;
export type PrepareCastGovernanceVoteErrorType = ConcordErrorType;

export type PrepareCastOverrideVoteParameters = ActionParameters<typeof actions.prepareCastOverrideVote>;
export type PrepareCastOverrideVoteReturnType = ActionReturnType<typeof actions.prepareCastOverrideVote>;
export type PrepareCastOverrideVoteErrorType = ConcordErrorType;

export type PrepareCastVoteBySigParameters = ActionParameters<typeof actions.prepareCastVoteBySig>;
export type PrepareCastVoteBySigReturnType = ActionReturnType<typeof actions.prepareCastVoteBySig>;
export type PrepareCastVoteBySigErrorType = ConcordErrorType;

export type PrepareSubmitVotesParameters = ActionParameters<typeof actions.prepareSubmitVotes>;
export type PrepareSubmitVotesReturnType = ActionReturnType<typeof actions.prepareSubmitVotes>;
export type PrepareSubmitVotesErrorType = ConcordErrorType;

export type PrepareDelegateVotesParameters = ActionParameters<typeof actions.prepareDelegateVotes>;
export type PrepareDelegateVotesReturnType = ActionReturnType<typeof actions.prepareDelegateVotes>;
export type PrepareDelegateVotesErrorType = ConcordErrorType;

export type PrepareVetoProposalParameters = ActionParameters<typeof actions.prepareVetoProposal>;
export type PrepareVetoProposalReturnType = ActionReturnType<typeof actions.prepareVetoProposal>;
export type PrepareVetoProposalErrorType = ConcordErrorType;

export type PrepareCastVetoBySigParameters = ActionParameters<typeof actions.prepareCastVetoBySig>;
export type PrepareCastVetoBySigReturnType = ActionReturnType<typeof actions.prepareCastVetoBySig>;
export type PrepareCastVetoBySigErrorType = ConcordErrorType;

export type PrepareSubmitVetoesParameters = ActionParameters<typeof actions.prepareSubmitVetoes>;
export type PrepareSubmitVetoesReturnType = ActionReturnType<typeof actions.prepareSubmitVetoes>;
export type PrepareSubmitVetoesErrorType = ConcordErrorType;

export type PrepareQueueProposalParameters = ActionParameters<typeof actions.prepareQueueProposal>;
export type PrepareQueueProposalReturnType = ActionReturnType<typeof actions.prepareQueueProposal>;
export type PrepareQueueProposalErrorType = ConcordErrorType;

export type PrepareExecuteProposalParameters = ActionParameters<typeof actions.prepareExecuteProposal>;
export type PrepareExecuteProposalReturnType = ActionReturnType<typeof actions.prepareExecuteProposal>;
export type PrepareExecuteProposalErrorType = ConcordErrorType;

export type PrepareCancelProposalParameters = ActionParameters<typeof actions.prepareCancelProposal>;
export type PrepareCancelProposalReturnType = ActionReturnType<typeof actions.prepareCancelProposal>;
export type PrepareCancelProposalErrorType = ConcordErrorType;

export type SimulateProposalReturnType = ActionReturnType<typeof actions.simulateProposal>;
export type SimulateProposalErrorType = ConcordErrorType;
