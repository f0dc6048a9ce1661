/**
 * An agent that coordinates through a lease: it waits its turn (`acquireWhenFree`), renews while it works, and
 * releases on exit — also when its work fails or it is told to stop — so the next agent in the queue gets the
 * resource at once instead of at the lease's expiry.
 */
import { acquireWhenFree, releaseLease, renewLease } from "../index.ts";
import type { ConcordClientBase } from "../index.ts";

/** Parameters of {@link runLeaseAgent}. */
export type LeaseAgentParameters = {
  /** A Concord client with the agent's wallet. */
  concord: ConcordClientBase;
  resourceId: bigint;
  /** Seconds of each lease and each renewal. */
  leaseSeconds: bigint;
  /** The work, in steps; the lease is renewed before each step after the first. */
  steps: readonly ((fencingToken: bigint) => Promise<void>)[];
  /** Stops the agent (the lease is still released). */
  signal?: AbortSignal | undefined;
  /** How often the wait polls the chain, in ms. */
  pollIntervalMs?: number | undefined;
};

/**
 * Runs `steps` under a lease of `resourceId` and returns the fencing token it worked under. Each step gets the
 * token to pass to the guarded system (see `verifyFencingToken`).
 *
 * @example
 * const token = await runLeaseAgent({
 *   concord,
 *   resourceId: 1n,
 *   leaseSeconds: 300n,
 *   steps: [async (token) => deploy(token), async (token) => migrate(token)],
 * });
 */
export async function runLeaseAgent({
  concord,
  resourceId,
  leaseSeconds,
  steps,
  signal,
  pollIntervalMs,
}: LeaseAgentParameters): Promise<bigint> {
  // 1. Wait for the resource (joining its queue when it is busy) and take the lease.
  const { fencingToken } = await acquireWhenFree(concord, {
    resourceId,
    duration: leaseSeconds,
    signal,
    pollIntervalMs,
  });
  try {
    for (const [index, step] of steps.entries()) {
      signal?.throwIfAborted();
      // 2. Renew before each further step, so the lease never runs out mid-step.
      if (index > 0) await renewLease(concord, { resourceId, duration: leaseSeconds });
      await step(fencingToken);
    }
    return fencingToken;
  } finally {
    // 3. Release on exit, whatever happened.
    await releaseLease(concord, { resourceId });
  }
}
