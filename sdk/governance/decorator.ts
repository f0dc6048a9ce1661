/**
 * Binds every governance action to a Concord client, as viem's `publicActions` does for viem actions.
 */
import type { ConcordClientBase } from "../client.ts";
import { getProposal, houseState, listProposals } from "./aggregates.ts";
import { classifyProposal, kindOf } from "./classify.ts";
import { buildProposalCall } from "./calls.ts";
import { describeCall } from "./describe.ts";
import { getProposalBallots, scanProposalCreations } from "./events.ts";
import { getGovernanceContracts, getGovernanceSettings, getVotingPower } from "./reads.ts";
import {
  carryProposal,
  cancelProposal,
  castGovernanceVote,
  castOverrideVote,
  castVetoBySig,
  castVoteBySig,
  delegateVotes,
  executeProposal,
  getVetoTypedData,
  getVoteTypedData,
  proposeGovernance,
  queueProposal,
  signVeto,
  signVote,
  submitVetoes,
  submitVotes,
  vetoProposal,
} from "./writes.ts";

const governanceActionTable = {
  // reads
  getContracts: getGovernanceContracts,
  getSettings: getGovernanceSettings,
  getVotingPower,
  classify: classifyProposal,
  previewProposal: classifyProposal,
  kindOf,
  describeCall,
  buildCall: buildProposalCall,
  // aggregates and event-rebuilt views
  getProposal,
  listProposals,
  houseState,
  scanProposalCreations,
  getBallots: getProposalBallots,
  // signatures
  getVoteTypedData,
  signVote,
  getVetoTypedData,
  signVeto,
  // writes
  propose: proposeGovernance,
  carry: carryProposal,
  castVote: castGovernanceVote,
  castOverrideVote,
  castVoteBySig,
  submitVotes,
  delegate: delegateVotes,
  veto: vetoProposal,
  castVetoBySig,
  submitVetoes,
  queue: queueProposal,
  execute: executeProposal,
  cancel: cancelProposal,
};

type GovernanceActionTable = typeof governanceActionTable;

/** The governance actions bound to a client: `concord.governance.getProposal({ proposalId })`. */
export type GovernanceActions = {
  [name in keyof GovernanceActionTable]: GovernanceActionTable[name] extends (
    client: ConcordClientBase,
    ...args: infer params
  ) => infer result
    ? (...args: params) => result
    : never;
};

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
  const bound: Record<string, unknown> = {};
  for (const [name, action] of Object.entries(governanceActionTable)) {
    bound[name] = (...args: unknown[]) =>
      (action as (client: ConcordClientBase, ...rest: unknown[]) => unknown)(client, ...args);
  }
  return bound as GovernanceActions;
}
