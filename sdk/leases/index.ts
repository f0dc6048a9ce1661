/**
 * The leases module: exclusive, time-bound leases on shared resources (ResourceLeases), with a FIFO
 * waitlist with claim windows, reservations and fencing tokens.
 */
export { getResource } from "./aggregates.ts";
export { Access, accessName, accessNames, leaseLimits, toAccess } from "./constants.ts";
export type { AccessName, AccessValue } from "./constants.ts";
export { leasesActions } from "./decorator.ts";
export type { LeasesActions } from "./decorator.ts";
export { leaseErrorMessages } from "./errors.ts";
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
export type {
  AcquireParameters,
  AcquireResult,
  CancelReservationParameters,
  EnqueueParameters,
  LeaseWriteResult,
  PruneParameters,
  RegisterResourceParameters,
  RenewParameters,
  ReserveParameters,
  ResourceWriteParameters,
  SetLimitsParameters,
  SetPolicyParameters,
} from "./writes.ts";
