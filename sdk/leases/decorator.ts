/**
 * Binds every leases action to a Concord client, as viem's `publicActions` does for viem actions.
 */
import type { ConcordClientBase } from "../client.ts";
import { bindActions } from "../internal/bind.ts";
import type { BoundActions } from "../internal/bind.ts";
import { getResource, getResources } from "./aggregates.ts";
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
  acquireLease,
  cancelReservation,
  enqueueForLease,
  leaveLeaseQueue,
  prepareAcquireLease,
  prepareCancelReservation,
  prepareEnqueueForLease,
  prepareLeaveLeaseQueue,
  preparePruneReservations,
  prepareRegisterResource,
  prepareReleaseLease,
  prepareRenewLease,
  prepareReserveResource,
  prepareRevokeLease,
  prepareSetResourceLimits,
  prepareSetResourcePolicy,
  pruneReservations,
  registerResource,
  releaseLease,
  renewLease,
  reserveResource,
  revokeLease,
  setResourceLimits,
  setResourcePolicy,
} from "./writes.ts";
import { watchLeaseEvents, watchLeaseExpiry } from "./watch.ts";

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
  getResources,
  listResources,
  leasesOf,
  verifyFencingToken,
  // writes
  registerResource,
  setResourcePolicy,
  setResourceLimits,
  acquireLease,
  renewLease,
  releaseLease,
  revokeLease,
  enqueueForLease,
  leaveLeaseQueue,
  reserveResource,
  cancelReservation,
  pruneReservations,
  // waiting
  acquireWhenFree,
  // prepared writes (for a Safe, a relayer, a batch)
  prepareRegisterResource,
  prepareSetResourcePolicy,
  prepareAcquireLease,
  prepareRenewLease,
  prepareReleaseLease,
  prepareRevokeLease,
  prepareEnqueueForLease,
  prepareLeaveLeaseQueue,
  prepareReserveResource,
  prepareCancelReservation,
  preparePruneReservations,
  prepareSetResourceLimits,
  // watching
  watchLeaseEvents,
  watchLeaseExpiry,
};

/** The leases actions by name (their types give each action's `XParameters` and `XReturnType`). */
export type LeaseActionTable = typeof leaseActionTable;

/** The leases actions bound to a client: `concord.leases.acquireLease({ resourceId, duration })`. */
export type LeasesActions = BoundActions<LeaseActionTable>;

/**
 * Binds every leases action to `client`.
 *
 * @example
 * import { createConcordBaseClient, leasesActions } from "@concord-dao/sdk";
 *
 * const leases = leasesActions(createConcordBaseClient({ publicClient, walletClient }));
 * const { fencingToken } = await leases.acquireLease({ resourceId: 1n, duration: 600 });
 */
export function leasesActions(client: ConcordClientBase): LeasesActions {
  return bindActions(client, leaseActionTable) as LeasesActions;
}
