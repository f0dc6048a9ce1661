/**
 * The agent kit: services that coordinate through Concord without a person clicking — acquire-or-queue
 * with a deadline, keep-alive renewal with an honest stop, fencing tokens, release on exit and on signals,
 * state and intents in a cell, acknowledgements relayed in batches, bounded retries of what is safe to retry.
 */
export { agentAccount, createAgent, refusalOf } from "./agent.ts";
export type {
  Agent,
  AgentAcquireParameters,
  AgentEvent,
  AgentLease,
  CreateAgentErrorType,
  CreateAgentParameters,
  CreateAgentReturnType,
  LeaseWork,
  WithLeaseParameters,
} from "./agent.ts";
export { createChainClock } from "./clock.ts";
export type {
  ChainClock,
  ChainHead,
  CreateChainClockErrorType,
  CreateChainClockParameters,
  CreateChainClockReturnType,
} from "./clock.ts";
export { AgentClosedError, LeaseInterruptedError } from "./errors.ts";
export type { LeaseInterruptionReason } from "./errors.ts";
export { createAcknowledgementRelayer } from "./relayer.ts";
export type {
  AcknowledgementRelayer,
  CreateAcknowledgementRelayerErrorType,
  CreateAcknowledgementRelayerParameters,
  CreateAcknowledgementRelayerReturnType,
  RelayOutcome,
} from "./relayer.ts";
export { AgentRetryExhaustedError, classifyFailure, retrying } from "./retry.ts";
export type { FailureKind, RetryContext, RetryPolicy, RetryingParameters } from "./retry.ts";
export { installSignalHandlers } from "./signals.ts";
export type { InstallSignalHandlersParameters, SignalTarget } from "./signals.ts";
