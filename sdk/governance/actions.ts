/**
 * Every governance action, once: each takes the Concord client first. This list is both the module's flat exports
 * (`export * from "./actions.ts"` in `index.ts`: `proposeGovernance(client, …)`, tree-shakable) and what
 * `concord.governance.*` binds (`decorator.ts` binds this module's namespace). Adding an action is one line here,
 * and its `XParameters`/`XReturnType`/`XErrorType` in `actionTypes.ts`.
 *
 * The names carry the module's name where another module has the same verb (`proposeGovernance`,
 * `castGovernanceVote`, `vetoProposal`), so that they cannot clash.
 */
// reads
export { getGovernanceContracts, getGovernanceSettings, getVotingPower } from "./reads.ts";
export { classifyProposal, kindOf } from "./classify.ts";
export { describeCall } from "./describe.ts";
export { buildProposalCall } from "./calls.ts";
// aggregates and event-rebuilt views
export { getProposal, getProposalWithBallots, houseState, listProposals } from "./aggregates.ts";
export { getProposalBallots, scanProposalCreations } from "./events.ts";
export { simulateProposal } from "./simulate.ts";
// signatures, writes, and the writes' prepared forms (for a Safe, a relayer, a batch)
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
} from "./writes.ts";
// watching
export { watchGovernanceEvents } from "./watch.ts";
