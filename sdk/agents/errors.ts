/**
 * Errors of the agent kit. Contract refusals keep their own type (`ContractRefusalError`); these name what
 * the kit decided on top of them.
 */
import { ConcordError } from "../errors.ts";
import { formatUtc } from "../leases/errors.ts";

/** Why the kit stopped the guarded work before it finished. */
export type LeaseInterruptionReason =
  /** A renewal was refused because someone waits (`LeaseRenewContended`): the agent hands the resource over. */
  | "contended"
  /** The lease is no longer the agent's (it expired unnoticed, or a steward revoked it: `LeaseNotHolder`). */
  | "lost"
  /** The lease is about to end and could not be renewed (renewals kept failing): stop before it does. */
  | "expiring"
  /** The agent was closed (`close()`, a process signal) or its caller's signal aborted. */
  | "closed";

/**
 * The kit stopped the work guarded by a lease: the work's `AbortSignal` fired with this error as its reason,
 * and `withLease` rejects with it once the work has returned. `cause` is the refusal that decided it, if any.
 *
 * @example
 * import { LeaseInterruptedError } from "@concord-dao/sdk";
 *
 * try {
 *   await agent.withLease({ resourceId: 1n, duration: 60 }, async ({ signal }) => migrate({ signal }));
 * } catch (error) {
 *   if (error instanceof LeaseInterruptedError && error.reason === "contended") console.log("handed over");
 * }
 */
export class LeaseInterruptedError extends ConcordError {
  override name = "LeaseInterruptedError";
  readonly resourceId: bigint;
  readonly fencingToken: bigint;
  readonly reason: LeaseInterruptionReason;
  /** The lease's expiry as last known. */
  readonly expiresAt: bigint;

  constructor(parameters: {
    resourceId: bigint;
    fencingToken: bigint;
    reason: LeaseInterruptionReason;
    expiresAt: bigint;
    cause?: unknown;
  }) {
    const { resourceId, fencingToken, reason, expiresAt } = parameters;
    const why = {
      contended: "a renewal was refused because someone waits; the resource is handed over",
      lost: "the lease is no longer held",
      expiring: "the lease is about to end and could not be renewed",
      closed: "the agent was closed",
    }[reason];
    super(`Work on resource ${resourceId} (fencing token ${fencingToken}) was stopped: ${why}.`, {
      cause: parameters.cause,
      metaMessages: [`The lease ends (or ended) at ${formatUtc(expiresAt)}.`],
    });
    this.resourceId = resourceId;
    this.fencingToken = fencingToken;
    this.reason = reason;
    this.expiresAt = expiresAt;
  }
}

/**
 * The agent was halted or closed: it takes no new work.
 *
 * @example
 * import { AgentClosedError } from "@concord-dao/sdk";
 *
 * await agent.close();
 * await agent.acquire({ resourceId: 1n, duration: 60 }).catch((e) => e instanceof AgentClosedError); // true
 */
export class AgentClosedError extends ConcordError {
  override name = "AgentClosedError";
  readonly agent: string;

  constructor(agent: string, halted: boolean) {
    super(`Agent ${agent} was ${halted ? "halted" : "closed"}: it takes no new work.`);
    this.agent = agent;
  }
}
