/**
 * Every leases action, once: each takes the Concord client first. This list is both the module's flat exports
 * (`export * from "./actions.ts"` in `index.ts`: `acquireLease(client, …)`, tree-shakable) and what
 * `concord.leases.*` binds (`decorator.ts` binds this module's namespace). Adding an action is one line here, and
 * its `XParameters`/`XReturnType`/`XErrorType` in `actionTypes.ts`.
 */
// reads
export {
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
// aggregates, event-rebuilt lists and checks
export { getResource, getResources } from "./aggregates.ts";
export { leasesOf, listResources } from "./events.ts";
export { verifyFencingToken } from "./fencing.ts";
// writes, and their prepared forms (for a Safe, a relayer, a batch)
export {
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
// waiting
export { acquireWhenFree } from "./wait.ts";
// watching
export { watchLeaseEvents, watchLeaseExpiry } from "./watch.ts";
