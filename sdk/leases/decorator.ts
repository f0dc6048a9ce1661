/**
 * Binds every leases action to a Concord client, as viem's `publicActions` does for viem actions.
 */
import type { ConcordClientBase } from "../client.ts";
import { getResource } from "./aggregates.ts";
import { leasesOf, listResources } from "./events.ts";
import { verifyFencingToken } from "./fencing.ts";
import {
  claimantOf,
  getReservation,
  getResourceInfo,
  isCurrentToken,
  leaseOf,
  limitsOf,
  listReservations,
  placeOf,
  queueOf,
  reservationsOf,
  resourceCount,
  standingOf,
} from "./reads.ts";
import { acquireWhenFree } from "./wait.ts";
import {
  acquire,
  cancelReservation,
  enqueue,
  leaveQueue,
  prune,
  registerResource,
  release,
  renew,
  reserve,
  revoke,
  setLimits,
  setPolicy,
} from "./writes.ts";

const leaseActionTable = {
  // reads
  leaseOf,
  isCurrentToken,
  getResourceInfo,
  resourceCount,
  claimantOf,
  queueOf,
  placeOf,
  getReservation,
  reservationsOf,
  listReservations,
  limitsOf,
  standingOf,
  // aggregates, event-rebuilt lists and checks
  getResource,
  listResources,
  leasesOf,
  verifyFencingToken,
  // writes
  registerResource,
  setPolicy,
  setLimits,
  acquire,
  renew,
  release,
  revoke,
  enqueue,
  leaveQueue,
  reserve,
  cancelReservation,
  prune,
  // waiting
  acquireWhenFree,
};

type LeaseActionTable = typeof leaseActionTable;

/** The leases actions bound to a client: `concord.leases.acquire({ resourceId, duration })`. */
export type LeasesActions = {
  [name in keyof LeaseActionTable]: LeaseActionTable[name] extends (
    client: ConcordClientBase,
    ...args: infer params
  ) => infer result
    ? (...args: params) => result
    : never;
};

/**
 * Binds every leases action to `client`.
 *
 * @example
 * import { createConcordBaseClient, leasesActions } from "@concord-dao/sdk";
 *
 * const leases = leasesActions(createConcordBaseClient({ publicClient, walletClient }));
 * const { fencingToken } = await leases.acquire({ resourceId: 1n, duration: 600 });
 */
export function leasesActions(client: ConcordClientBase): LeasesActions {
  const bound: Record<string, unknown> = {};
  for (const [name, action] of Object.entries(leaseActionTable)) {
    bound[name] = (...args: unknown[]) =>
      (action as (client: ConcordClientBase, ...rest: unknown[]) => unknown)(client, ...args);
  }
  return bound as LeasesActions;
}
