/**
 * The types of every leases action, as viem's actions export them: `XParameters` (what the action takes after the
 * client), `XReturnType` (what it resolves to) and `XErrorType` (what it throws). Derived from the actions
 * themselves, so they cannot drift; a hand-written `XParameters` beside the action is used where one exists.
 */
import type { ConcordErrorType } from "../errors.ts";
import type { ActionParameters, ActionReturnType } from "../internal/bind.ts";
import type { LeaseActionTable } from "./decorator.ts";

/** Parameters of `leaseOf`. */
export type LeaseOfParameters = ActionParameters<LeaseActionTable["leaseOf"]>;
/** What `leaseOf` resolves to. */
export type LeaseOfReturnType = ActionReturnType<LeaseActionTable["leaseOf"]>;
/** What `leaseOf` throws. */
export type LeaseOfErrorType = ConcordErrorType;

/** Parameters of `isCurrentToken`. */
export type IsCurrentTokenParameters = ActionParameters<LeaseActionTable["isCurrentToken"]>;
/** What `isCurrentToken` resolves to. */
export type IsCurrentTokenReturnType = ActionReturnType<LeaseActionTable["isCurrentToken"]>;
/** What `isCurrentToken` throws. */
export type IsCurrentTokenErrorType = ConcordErrorType;

/** Parameters of `getResourceInfo`. */
export type GetResourceInfoParameters = ActionParameters<LeaseActionTable["getResourceInfo"]>;
/** What `getResourceInfo` resolves to. */
export type GetResourceInfoReturnType = ActionReturnType<LeaseActionTable["getResourceInfo"]>;
/** What `getResourceInfo` throws. */
export type GetResourceInfoErrorType = ConcordErrorType;

/** Parameters of `resourceCount`. */
export type ResourceCountParameters = ActionParameters<LeaseActionTable["resourceCount"]>;
/** What `resourceCount` resolves to. */
export type ResourceCountReturnType = ActionReturnType<LeaseActionTable["resourceCount"]>;
/** What `resourceCount` throws. */
export type ResourceCountErrorType = ConcordErrorType;

/** Parameters of `claimantOf`. */
export type ClaimantOfParameters = ActionParameters<LeaseActionTable["claimantOf"]>;
/** What `claimantOf` resolves to. */
export type ClaimantOfReturnType = ActionReturnType<LeaseActionTable["claimantOf"]>;
/** What `claimantOf` throws. */
export type ClaimantOfErrorType = ConcordErrorType;

/** Parameters of `queueOf`. */
export type QueueOfParameters = ActionParameters<LeaseActionTable["queueOf"]>;
/** What `queueOf` resolves to. */
export type QueueOfReturnType = ActionReturnType<LeaseActionTable["queueOf"]>;
/** What `queueOf` throws. */
export type QueueOfErrorType = ConcordErrorType;

/** Parameters of `placeOf`. */
export type PlaceOfParameters = ActionParameters<LeaseActionTable["placeOf"]>;
/** What `placeOf` resolves to. */
export type PlaceOfReturnType = ActionReturnType<LeaseActionTable["placeOf"]>;
/** What `placeOf` throws. */
export type PlaceOfErrorType = ConcordErrorType;

/** Parameters of `getReservation`. */
export type GetReservationParameters = ActionParameters<LeaseActionTable["getReservation"]>;
/** What `getReservation` resolves to. */
export type GetReservationReturnType = ActionReturnType<LeaseActionTable["getReservation"]>;
/** What `getReservation` throws. */
export type GetReservationErrorType = ConcordErrorType;

/** Parameters of `reservationsOf`. */
export type ReservationsOfParameters = ActionParameters<LeaseActionTable["reservationsOf"]>;
/** What `reservationsOf` resolves to. */
export type ReservationsOfReturnType = ActionReturnType<LeaseActionTable["reservationsOf"]>;
/** What `reservationsOf` throws. */
export type ReservationsOfErrorType = ConcordErrorType;

/** Parameters of `listReservations`. */
export type ListReservationsParameters = ActionParameters<LeaseActionTable["listReservations"]>;
/** What `listReservations` resolves to. */
export type ListReservationsReturnType = ActionReturnType<LeaseActionTable["listReservations"]>;
/** What `listReservations` throws. */
export type ListReservationsErrorType = ConcordErrorType;

/** Parameters of `limitsOf`. */
export type LimitsOfParameters = ActionParameters<LeaseActionTable["limitsOf"]>;
/** What `limitsOf` resolves to. */
export type LimitsOfReturnType = ActionReturnType<LeaseActionTable["limitsOf"]>;
/** What `limitsOf` throws. */
export type LimitsOfErrorType = ConcordErrorType;

/** Parameters of `standingOf`. */
export type StandingOfParameters = ActionParameters<LeaseActionTable["standingOf"]>;
/** What `standingOf` resolves to. */
export type StandingOfReturnType = ActionReturnType<LeaseActionTable["standingOf"]>;
/** What `standingOf` throws. */
export type StandingOfErrorType = ConcordErrorType;

/** Parameters of `getResource`. */
export type GetResourceParameters = ActionParameters<LeaseActionTable["getResource"]>;
/** What `getResource` resolves to. */
export type GetResourceReturnType = ActionReturnType<LeaseActionTable["getResource"]>;
/** What `getResource` throws. */
export type GetResourceErrorType = ConcordErrorType;

/** What `getResources` resolves to. */
export type GetResourcesReturnType = ActionReturnType<LeaseActionTable["getResources"]>;
/** What `getResources` throws. */
export type GetResourcesErrorType = ConcordErrorType;

/** Parameters of `listResources`. */
export type ListResourcesParameters = ActionParameters<LeaseActionTable["listResources"]>;
/** What `listResources` resolves to. */
export type ListResourcesReturnType = ActionReturnType<LeaseActionTable["listResources"]>;
/** What `listResources` throws. */
export type ListResourcesErrorType = ConcordErrorType;

/** Parameters of `leasesOf`. */
export type LeasesOfParameters = ActionParameters<LeaseActionTable["leasesOf"]>;
/** What `leasesOf` resolves to. */
export type LeasesOfReturnType = ActionReturnType<LeaseActionTable["leasesOf"]>;
/** What `leasesOf` throws. */
export type LeasesOfErrorType = ConcordErrorType;

/** Parameters of `verifyFencingToken`. */
export type VerifyFencingTokenParameters = ActionParameters<LeaseActionTable["verifyFencingToken"]>;
/** What `verifyFencingToken` resolves to. */
export type VerifyFencingTokenReturnType = ActionReturnType<LeaseActionTable["verifyFencingToken"]>;
/** What `verifyFencingToken` throws. */
export type VerifyFencingTokenErrorType = ConcordErrorType;

/** What `registerResource` resolves to. */
export type RegisterResourceReturnType = ActionReturnType<LeaseActionTable["registerResource"]>;
/** What `registerResource` throws. */
export type RegisterResourceErrorType = ConcordErrorType;

/** What `setResourcePolicy` resolves to. */
export type SetResourcePolicyReturnType = ActionReturnType<LeaseActionTable["setResourcePolicy"]>;
/** What `setResourcePolicy` throws. */
export type SetResourcePolicyErrorType = ConcordErrorType;

/** What `setResourceLimits` resolves to. */
export type SetResourceLimitsReturnType = ActionReturnType<LeaseActionTable["setResourceLimits"]>;
/** What `setResourceLimits` throws. */
export type SetResourceLimitsErrorType = ConcordErrorType;

/** What `acquireLease` throws. */
export type AcquireLeaseErrorType = ConcordErrorType;

/** What `renewLease` resolves to. */
export type RenewLeaseReturnType = ActionReturnType<LeaseActionTable["renewLease"]>;
/** What `renewLease` throws. */
export type RenewLeaseErrorType = ConcordErrorType;

/** Parameters of `releaseLease`. */
export type ReleaseLeaseParameters = ActionParameters<LeaseActionTable["releaseLease"]>;
/** What `releaseLease` resolves to. */
export type ReleaseLeaseReturnType = ActionReturnType<LeaseActionTable["releaseLease"]>;
/** What `releaseLease` throws. */
export type ReleaseLeaseErrorType = ConcordErrorType;

/** Parameters of `revokeLease`. */
export type RevokeLeaseParameters = ActionParameters<LeaseActionTable["revokeLease"]>;
/** What `revokeLease` resolves to. */
export type RevokeLeaseReturnType = ActionReturnType<LeaseActionTable["revokeLease"]>;
/** What `revokeLease` throws. */
export type RevokeLeaseErrorType = ConcordErrorType;

/** What `enqueueForLease` resolves to. */
export type EnqueueForLeaseReturnType = ActionReturnType<LeaseActionTable["enqueueForLease"]>;
/** What `enqueueForLease` throws. */
export type EnqueueForLeaseErrorType = ConcordErrorType;

/** Parameters of `leaveLeaseQueue`. */
export type LeaveLeaseQueueParameters = ActionParameters<LeaseActionTable["leaveLeaseQueue"]>;
/** What `leaveLeaseQueue` resolves to. */
export type LeaveLeaseQueueReturnType = ActionReturnType<LeaseActionTable["leaveLeaseQueue"]>;
/** What `leaveLeaseQueue` throws. */
export type LeaveLeaseQueueErrorType = ConcordErrorType;

/** What `reserveResource` resolves to. */
export type ReserveResourceReturnType = ActionReturnType<LeaseActionTable["reserveResource"]>;
/** What `reserveResource` throws. */
export type ReserveResourceErrorType = ConcordErrorType;

/** What `cancelReservation` resolves to. */
export type CancelReservationReturnType = ActionReturnType<LeaseActionTable["cancelReservation"]>;
/** What `cancelReservation` throws. */
export type CancelReservationErrorType = ConcordErrorType;

/** What `pruneReservations` resolves to. */
export type PruneReservationsReturnType = ActionReturnType<LeaseActionTable["pruneReservations"]>;
/** What `pruneReservations` throws. */
export type PruneReservationsErrorType = ConcordErrorType;

/** What `acquireWhenFree` resolves to. */
export type AcquireWhenFreeReturnType = ActionReturnType<LeaseActionTable["acquireWhenFree"]>;
/** What `acquireWhenFree` throws. */
export type AcquireWhenFreeErrorType = ConcordErrorType;

/** Parameters of `prepareRegisterResource`. */
export type PrepareRegisterResourceParameters = ActionParameters<LeaseActionTable["prepareRegisterResource"]>;
/** What `prepareRegisterResource` resolves to. */
export type PrepareRegisterResourceReturnType = ActionReturnType<LeaseActionTable["prepareRegisterResource"]>;
/** What `prepareRegisterResource` throws. */
export type PrepareRegisterResourceErrorType = ConcordErrorType;

/** Parameters of `prepareSetResourcePolicy`. */
export type PrepareSetResourcePolicyParameters = ActionParameters<
  LeaseActionTable["prepareSetResourcePolicy"]
>;
/** What `prepareSetResourcePolicy` resolves to. */
export type PrepareSetResourcePolicyReturnType = ActionReturnType<
  LeaseActionTable["prepareSetResourcePolicy"]
>;
/** What `prepareSetResourcePolicy` throws. */
export type PrepareSetResourcePolicyErrorType = ConcordErrorType;

/** Parameters of `prepareAcquireLease`. */
export type PrepareAcquireLeaseParameters = ActionParameters<LeaseActionTable["prepareAcquireLease"]>;
/** What `prepareAcquireLease` resolves to. */
export type PrepareAcquireLeaseReturnType = ActionReturnType<LeaseActionTable["prepareAcquireLease"]>;
/** What `prepareAcquireLease` throws. */
export type PrepareAcquireLeaseErrorType = ConcordErrorType;

/** Parameters of `prepareRenewLease`. */
export type PrepareRenewLeaseParameters = ActionParameters<LeaseActionTable["prepareRenewLease"]>;
/** What `prepareRenewLease` resolves to. */
export type PrepareRenewLeaseReturnType = ActionReturnType<LeaseActionTable["prepareRenewLease"]>;
/** What `prepareRenewLease` throws. */
export type PrepareRenewLeaseErrorType = ConcordErrorType;

/** Parameters of `prepareReleaseLease`. */
export type PrepareReleaseLeaseParameters = ActionParameters<LeaseActionTable["prepareReleaseLease"]>;
/** What `prepareReleaseLease` resolves to. */
export type PrepareReleaseLeaseReturnType = ActionReturnType<LeaseActionTable["prepareReleaseLease"]>;
/** What `prepareReleaseLease` throws. */
export type PrepareReleaseLeaseErrorType = ConcordErrorType;

/** Parameters of `prepareRevokeLease`. */
export type PrepareRevokeLeaseParameters = ActionParameters<LeaseActionTable["prepareRevokeLease"]>;
/** What `prepareRevokeLease` resolves to. */
export type PrepareRevokeLeaseReturnType = ActionReturnType<LeaseActionTable["prepareRevokeLease"]>;
/** What `prepareRevokeLease` throws. */
export type PrepareRevokeLeaseErrorType = ConcordErrorType;

/** Parameters of `prepareEnqueueForLease`. */
export type PrepareEnqueueForLeaseParameters = ActionParameters<LeaseActionTable["prepareEnqueueForLease"]>;
/** What `prepareEnqueueForLease` resolves to. */
export type PrepareEnqueueForLeaseReturnType = ActionReturnType<LeaseActionTable["prepareEnqueueForLease"]>;
/** What `prepareEnqueueForLease` throws. */
export type PrepareEnqueueForLeaseErrorType = ConcordErrorType;

/** Parameters of `prepareLeaveLeaseQueue`. */
export type PrepareLeaveLeaseQueueParameters = ActionParameters<LeaseActionTable["prepareLeaveLeaseQueue"]>;
/** What `prepareLeaveLeaseQueue` resolves to. */
export type PrepareLeaveLeaseQueueReturnType = ActionReturnType<LeaseActionTable["prepareLeaveLeaseQueue"]>;
/** What `prepareLeaveLeaseQueue` throws. */
export type PrepareLeaveLeaseQueueErrorType = ConcordErrorType;

/** Parameters of `prepareReserveResource`. */
export type PrepareReserveResourceParameters = ActionParameters<LeaseActionTable["prepareReserveResource"]>;
/** What `prepareReserveResource` resolves to. */
export type PrepareReserveResourceReturnType = ActionReturnType<LeaseActionTable["prepareReserveResource"]>;
/** What `prepareReserveResource` throws. */
export type PrepareReserveResourceErrorType = ConcordErrorType;

/** Parameters of `prepareCancelReservation`. */
export type PrepareCancelReservationParameters = ActionParameters<
  LeaseActionTable["prepareCancelReservation"]
>;
/** What `prepareCancelReservation` resolves to. */
export type PrepareCancelReservationReturnType = ActionReturnType<
  LeaseActionTable["prepareCancelReservation"]
>;
/** What `prepareCancelReservation` throws. */
export type PrepareCancelReservationErrorType = ConcordErrorType;

/** Parameters of `preparePruneReservations`. */
export type PreparePruneReservationsParameters = ActionParameters<
  LeaseActionTable["preparePruneReservations"]
>;
/** What `preparePruneReservations` resolves to. */
export type PreparePruneReservationsReturnType = ActionReturnType<
  LeaseActionTable["preparePruneReservations"]
>;
/** What `preparePruneReservations` throws. */
export type PreparePruneReservationsErrorType = ConcordErrorType;

/** Parameters of `prepareSetResourceLimits`. */
export type PrepareSetResourceLimitsParameters = ActionParameters<
  LeaseActionTable["prepareSetResourceLimits"]
>;
/** What `prepareSetResourceLimits` resolves to. */
export type PrepareSetResourceLimitsReturnType = ActionReturnType<
  LeaseActionTable["prepareSetResourceLimits"]
>;
/** What `prepareSetResourceLimits` throws. */
export type PrepareSetResourceLimitsErrorType = ConcordErrorType;
