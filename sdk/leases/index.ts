/**
 * The leases module: exclusive, time-bound leases on shared resources (ResourceLeases), with a FIFO
 * waitlist with claim windows, reservations and fencing tokens.
 *
 * Every action is listed once, in `actions.ts`: exported on its own (tree-shakable) and bound under the same name on
 * the client (`concord.leases.…`).
 */
export * from "./actions.ts";
export { Access, accessName, accessNames, leaseLimits, toAccess } from "./constants.ts";
export type { AccessName, AccessValue } from "./constants.ts";
export { leasesActions } from "./decorator.ts";
export type { LeasesActions } from "./decorator.ts";
export { leaseErrorMessages, leaseErrorCatalogue } from "./errors.ts";
export type { ResourceRegistration, ResourcesFilterParameters } from "./events.ts";
// The raw structs' normalisers, for callers that batch their own reads.
export { toQueue, toResourceInfo } from "./reads.ts";
export { MAX_LIST_RESERVATIONS } from "./aggregates.ts";
export { createFencingTokenGuard } from "./fencing.ts";
export type { FencingTokenGuard, FencingTokenStore } from "./fencing.ts";
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
export { LeaseWaitAbortedError, LeaseWaitTimeoutError } from "./wait.ts";
export type { AcquireWhenFreeParameters, AcquireWhenFreeStatus, LeaseWaitState } from "./wait.ts";
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
export type * from "./actionTypes.ts";
