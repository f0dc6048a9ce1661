/**
 * The leases module: exclusive, time-bound leases on shared resources (ResourceLeases), with a FIFO
 * waitlist with claim windows, reservations and fencing tokens.
 */
export { getResource } from "./aggregates.ts";
export { Access, accessName, accessNames, leaseLimits, toAccess } from "./constants.ts";
export type { AccessName, AccessValue } from "./constants.ts";
export { leasesActions } from "./decorator.ts";
export type { LeasesActions } from "./decorator.ts";
export { leaseErrorMessages, leaseErrorCatalogue } from "./errors.ts";
export { leasesOf, listResources } from "./events.ts";
export type { ResourceRegistration } from "./events.ts";
export { createFencingTokenGuard, verifyFencingToken } from "./fencing.ts";
export type { FencingTokenGuard, FencingTokenStore } from "./fencing.ts";
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
export type { LeaseLimitsOf, LeaseStanding, ResourceParameters } from "./reads.ts";
export type {
  Claimant,
  FencingTokenCheck,
  HeldLease,
  Lease,
  LeaseState,
  QueueEntry,
  QueuePlace,
  Reservation,
  Resource,
  ResourceInfo,
  ResourceStatus,
  ResourceSummary,
} from "./types.ts";
export { LeaseWaitAbortedError, LeaseWaitTimeoutError, acquireWhenFree } from "./wait.ts";
export type { AcquireWhenFreeParameters, AcquireWhenFreeStatus, LeaseWaitState } from "./wait.ts";
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
export type {
  AcquireLeaseParameters,
  AcquireLeaseReturnType,
  CancelReservationParameters,
  EnqueueForLeaseParameters,
  LeaseWriteResult,
  PruneReservationsParameters,
  RegisterResourceParameters,
  RenewLeaseParameters,
  ReserveResourceParameters,
  ResourceWriteParameters,
  SetResourceLimitsParameters,
  SetResourcePolicyParameters,
} from "./writes.ts";
export { watchLeaseEvents, watchLeaseExpiry } from "./watch.ts";
export type {
  ExpiredLease,
  LeaseEvent,
  WatchLeaseEventsErrorType,
  WatchLeaseEventsParameters,
  WatchLeaseEventsReturnType,
  WatchLeaseExpiryErrorType,
  WatchLeaseExpiryParameters,
  WatchLeaseExpiryReturnType,
} from "./watch.ts";
