/**
 * Binds every governance action to a Concord client, as viem's `publicActions` does for viem actions.
 */
import type { ConcordClientBase } from "../client.ts";
import { bindActions } from "../internal/bind.ts";
import type { BoundActions } from "../internal/bind.ts";
import { getProposal, houseState, listProposals } from "./aggregates.ts";
import { classifyProposal, kindOf } from "./classify.ts";
import { buildProposalCall } from "./calls.ts";
import { describeCall } from "./describe.ts";
import { getProposalBallots, scanProposalCreations } from "./events.ts";
import { getGovernanceContracts, getGovernanceSettings, getVotingPower } from "./reads.ts";
import { simulateProposal } from "./simulate.ts";
import {
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
} from "./writes.ts";
import { watchGovernanceEvents } from "./watch.ts";

const governanceActionTable = {
  // reads
  getGovernanceContracts,
  getGovernanceSettings,
  getVotingPower,
  classifyProposal,
  kindOf,
  describeCall,
  buildProposalCall,
  // aggregates and event-rebuilt views
  getProposal,
  listProposals,
  houseState,
  scanProposalCreations,
  getProposalBallots,
  simulateProposal,
  // signatures
  getVoteTypedData,
  signVote,
  getVetoTypedData,
  signVeto,
  // writes
  proposeGovernance,
  carryProposal,
  castGovernanceVote,
  castOverrideVote,
  castVoteBySig,
  submitVotes,
  delegateVotes,
  vetoProposal,
  castVetoBySig,
  submitVetoes,
  queueProposal,
  executeProposal,
  cancelProposal,
  // prepared writes (for a Safe, a relayer, a batch)
  prepareProposeGovernance,
  prepareCarryProposal,
  prepareCastGovernanceVote,
  prepareCastOverrideVote,
  prepareCastVoteBySig,
  prepareSubmitVotes,
  prepareDelegateVotes,
  prepareVetoProposal,
  prepareCastVetoBySig,
  prepareSubmitVetoes,
  prepareQueueProposal,
  prepareExecuteProposal,
  prepareCancelProposal,
  // watching
  watchGovernanceEvents,
};

/** The governance actions by name (their types give each action's `XParameters` and `XReturnType`). */
export type GovernanceActionTable = typeof governanceActionTable;

/** The governance actions bound to a client: `concord.governance.getProposal({ proposalId })`. */
export type GovernanceActions = BoundActions<GovernanceActionTable>;

/**
 * Binds every governance action to `client`.
 *
 * @example
 * import { createConcordBaseClient, governanceActions } from "@concord-dao/sdk";
 *
 * const governance = governanceActions(createConcordBaseClient({ publicClient, walletClient }));
 * const proposals = await governance.listProposals({ stage: "vetoWindow" });
 */
export function governanceActions(client: ConcordClientBase): GovernanceActions {
  return bindActions(client, governanceActionTable) as GovernanceActions;
}
