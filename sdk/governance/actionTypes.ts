/**
 * The types of every governance action, as viem's actions export them: `XParameters` (what the action takes
 * after the client), `XReturnType` (what it resolves to) and `XErrorType` (what it throws: a `ConcordError`).
 * Derived from the actions of `actions.ts` by `ParametersOf` and `ReturnTypeOf`, so they cannot drift; where a
 * hand-written `XParameters` (or `XReturnType`) sits beside the action, this file leaves that name to it.
 */
import type { ConcordErrorType } from "../errors.ts";
import type { ActionParameters, ActionReturnType } from "../internal/bind.ts";
import type * as actions from "./actions.ts";

/** What the action `name` of `actions.ts` takes after the client (a write: with its sending options). */
type ParametersOf<name extends keyof typeof actions> = ActionParameters<(typeof actions)[name]>;
/** What the action `name` of `actions.ts` resolves to (a write: the full result it waits for by default). */
type ReturnTypeOf<name extends keyof typeof actions> = ActionReturnType<(typeof actions)[name]>;

export type GetGovernanceContractsParameters = ParametersOf<"getGovernanceContracts">;
export type GetGovernanceContractsReturnType = ReturnTypeOf<"getGovernanceContracts">;
export type GetGovernanceContractsErrorType = ConcordErrorType;

export type GetGovernanceSettingsParameters = ParametersOf<"getGovernanceSettings">;
export type GetGovernanceSettingsReturnType = ReturnTypeOf<"getGovernanceSettings">;
export type GetGovernanceSettingsErrorType = ConcordErrorType;

export type GetVotingPowerParameters = ParametersOf<"getVotingPower">;
export type GetVotingPowerReturnType = ReturnTypeOf<"getVotingPower">;
export type GetVotingPowerErrorType = ConcordErrorType;

export type ClassifyProposalParameters = ParametersOf<"classifyProposal">;
export type ClassifyProposalReturnType = ReturnTypeOf<"classifyProposal">;
export type ClassifyProposalErrorType = ConcordErrorType;

export type KindOfParameters = ParametersOf<"kindOf">;
export type KindOfReturnType = ReturnTypeOf<"kindOf">;
export type KindOfErrorType = ConcordErrorType;

export type DescribeCallParameters = ParametersOf<"describeCall">;
export type DescribeCallReturnType = ReturnTypeOf<"describeCall">;
export type DescribeCallErrorType = ConcordErrorType;

export type BuildProposalCallParameters = ParametersOf<"buildProposalCall">;
export type BuildProposalCallReturnType = ReturnTypeOf<"buildProposalCall">;
export type BuildProposalCallErrorType = ConcordErrorType;

export type GetProposalReturnType = ReturnTypeOf<"getProposal">;
export type GetProposalErrorType = ConcordErrorType;

export type ListProposalsReturnType = ReturnTypeOf<"listProposals">;
export type ListProposalsErrorType = ConcordErrorType;

export type HouseStateParameters = ParametersOf<"houseState">;
export type HouseStateReturnType = ReturnTypeOf<"houseState">;
export type HouseStateErrorType = ConcordErrorType;

export type ScanProposalCreationsParameters = ParametersOf<"scanProposalCreations">;
export type ScanProposalCreationsReturnType = ReturnTypeOf<"scanProposalCreations">;
export type ScanProposalCreationsErrorType = ConcordErrorType;

export type GetProposalBallotsParameters = ParametersOf<"getProposalBallots">;
export type GetProposalBallotsReturnType = ReturnTypeOf<"getProposalBallots">;
export type GetProposalBallotsErrorType = ConcordErrorType;

export type GetVoteTypedDataReturnType = ReturnTypeOf<"getVoteTypedData">;
export type GetVoteTypedDataErrorType = ConcordErrorType;

export type SignVoteParameters = ParametersOf<"signVote">;
export type SignVoteReturnType = ReturnTypeOf<"signVote">;
export type SignVoteErrorType = ConcordErrorType;

export type GetVetoTypedDataParameters = ParametersOf<"getVetoTypedData">;
export type GetVetoTypedDataReturnType = ReturnTypeOf<"getVetoTypedData">;
export type GetVetoTypedDataErrorType = ConcordErrorType;

export type SignVetoParameters = ParametersOf<"signVeto">;
export type SignVetoReturnType = ReturnTypeOf<"signVeto">;
export type SignVetoErrorType = ConcordErrorType;

export type ProposeGovernanceReturnType = ReturnTypeOf<"proposeGovernance">;
export type ProposeGovernanceErrorType = ConcordErrorType;

export type CarryProposalParameters = ParametersOf<"carryProposal">;
export type CarryProposalReturnType = ReturnTypeOf<"carryProposal">;
export type CarryProposalErrorType = ConcordErrorType;

export type CastGovernanceVoteParameters = ParametersOf<"castGovernanceVote">;
export type CastGovernanceVoteReturnType = ReturnTypeOf<"castGovernanceVote">;
export type CastGovernanceVoteErrorType = ConcordErrorType;

export type CastOverrideVoteParameters = ParametersOf<"castOverrideVote">;
export type CastOverrideVoteReturnType = ReturnTypeOf<"castOverrideVote">;
export type CastOverrideVoteErrorType = ConcordErrorType;

export type CastVoteBySigParameters = ParametersOf<"castVoteBySig">;
export type CastVoteBySigReturnType = ReturnTypeOf<"castVoteBySig">;
export type CastVoteBySigErrorType = ConcordErrorType;

export type SubmitVotesParameters = ParametersOf<"submitVotes">;
export type SubmitVotesReturnType = ReturnTypeOf<"submitVotes">;
export type SubmitVotesErrorType = ConcordErrorType;

export type DelegateVotesParameters = ParametersOf<"delegateVotes">;
export type DelegateVotesReturnType = ReturnTypeOf<"delegateVotes">;
export type DelegateVotesErrorType = ConcordErrorType;

export type VetoProposalParameters = ParametersOf<"vetoProposal">;
export type VetoProposalReturnType = ReturnTypeOf<"vetoProposal">;
export type VetoProposalErrorType = ConcordErrorType;

export type CastVetoBySigParameters = ParametersOf<"castVetoBySig">;
export type CastVetoBySigReturnType = ReturnTypeOf<"castVetoBySig">;
export type CastVetoBySigErrorType = ConcordErrorType;

export type SubmitVetoesParameters = ParametersOf<"submitVetoes">;
export type SubmitVetoesReturnType = ReturnTypeOf<"submitVetoes">;
export type SubmitVetoesErrorType = ConcordErrorType;

export type QueueProposalParameters = ParametersOf<"queueProposal">;
export type QueueProposalReturnType = ReturnTypeOf<"queueProposal">;
export type QueueProposalErrorType = ConcordErrorType;

export type ExecuteProposalParameters = ParametersOf<"executeProposal">;
export type ExecuteProposalReturnType = ReturnTypeOf<"executeProposal">;
export type ExecuteProposalErrorType = ConcordErrorType;

export type CancelProposalParameters = ParametersOf<"cancelProposal">;
export type CancelProposalReturnType = ReturnTypeOf<"cancelProposal">;
export type CancelProposalErrorType = ConcordErrorType;

export type PrepareProposeGovernanceParameters = ParametersOf<"prepareProposeGovernance">;
export type PrepareProposeGovernanceReturnType = ReturnTypeOf<"prepareProposeGovernance">;
export type PrepareProposeGovernanceErrorType = ConcordErrorType;

export type PrepareCarryProposalParameters = ParametersOf<"prepareCarryProposal">;
export type PrepareCarryProposalReturnType = ReturnTypeOf<"prepareCarryProposal">;
export type PrepareCarryProposalErrorType = ConcordErrorType;

export type PrepareCastGovernanceVoteParameters = ParametersOf<"prepareCastGovernanceVote">;
export type PrepareCastGovernanceVoteReturnType = ReturnTypeOf<"prepareCastGovernanceVote">;
export type PrepareCastGovernanceVoteErrorType = ConcordErrorType;

export type PrepareCastOverrideVoteParameters = ParametersOf<"prepareCastOverrideVote">;
export type PrepareCastOverrideVoteReturnType = ReturnTypeOf<"prepareCastOverrideVote">;
export type PrepareCastOverrideVoteErrorType = ConcordErrorType;

export type PrepareCastVoteBySigParameters = ParametersOf<"prepareCastVoteBySig">;
export type PrepareCastVoteBySigReturnType = ReturnTypeOf<"prepareCastVoteBySig">;
export type PrepareCastVoteBySigErrorType = ConcordErrorType;

export type PrepareSubmitVotesParameters = ParametersOf<"prepareSubmitVotes">;
export type PrepareSubmitVotesReturnType = ReturnTypeOf<"prepareSubmitVotes">;
export type PrepareSubmitVotesErrorType = ConcordErrorType;

export type PrepareDelegateVotesParameters = ParametersOf<"prepareDelegateVotes">;
export type PrepareDelegateVotesReturnType = ReturnTypeOf<"prepareDelegateVotes">;
export type PrepareDelegateVotesErrorType = ConcordErrorType;

export type PrepareVetoProposalParameters = ParametersOf<"prepareVetoProposal">;
export type PrepareVetoProposalReturnType = ReturnTypeOf<"prepareVetoProposal">;
export type PrepareVetoProposalErrorType = ConcordErrorType;

export type PrepareCastVetoBySigParameters = ParametersOf<"prepareCastVetoBySig">;
export type PrepareCastVetoBySigReturnType = ReturnTypeOf<"prepareCastVetoBySig">;
export type PrepareCastVetoBySigErrorType = ConcordErrorType;

export type PrepareSubmitVetoesParameters = ParametersOf<"prepareSubmitVetoes">;
export type PrepareSubmitVetoesReturnType = ReturnTypeOf<"prepareSubmitVetoes">;
export type PrepareSubmitVetoesErrorType = ConcordErrorType;

export type PrepareQueueProposalParameters = ParametersOf<"prepareQueueProposal">;
export type PrepareQueueProposalReturnType = ReturnTypeOf<"prepareQueueProposal">;
export type PrepareQueueProposalErrorType = ConcordErrorType;

export type PrepareExecuteProposalParameters = ParametersOf<"prepareExecuteProposal">;
export type PrepareExecuteProposalReturnType = ReturnTypeOf<"prepareExecuteProposal">;
export type PrepareExecuteProposalErrorType = ConcordErrorType;

export type PrepareCancelProposalParameters = ParametersOf<"prepareCancelProposal">;
export type PrepareCancelProposalReturnType = ReturnTypeOf<"prepareCancelProposal">;
export type PrepareCancelProposalErrorType = ConcordErrorType;

export type SimulateProposalReturnType = ReturnTypeOf<"simulateProposal">;
export type SimulateProposalErrorType = ConcordErrorType;
