/**
 * The types of every leases action, as viem's actions export them: `XParameters` (what the action takes after
 * the client), `XReturnType` (what it resolves to) and `XErrorType` (what it throws: a `ConcordError`).
 * Derived from the actions of `actions.ts` by `ActionParameters` and `ActionReturnType`, so they cannot
 * drift; where a hand-written `XParameters` (or `XReturnType`) sits beside the action, this file leaves that
 * name to it.
 */
import type { ConcordErrorType } from "../errors.ts";
import type { ActionParameters, ActionReturnType } from "../internal/bind.ts";
import type * as actions from "./actions.ts";

export type LeaseOfParameters = ActionParameters<typeof actions.leaseOf>;
export type LeaseOfReturnType = ActionReturnType<typeof actions.leaseOf>;
export type LeaseOfErrorType = ConcordErrorType;

export type IsCurrentTokenParameters = ActionParameters<typeof actions.isCurrentToken>;
export type IsCurrentTokenReturnType = ActionReturnType<typeof actions.isCurrentToken>;
export type IsCurrentTokenErrorType = ConcordErrorType;

export type GetResourceInfoParameters = ActionParameters<typeof actions.getResourceInfo>;
export type GetResourceInfoReturnType = ActionReturnType<typeof actions.getResourceInfo>;
export type GetResourceInfoErrorType = ConcordErrorType;

export type ResourceCountParameters = ActionParameters<typeof actions.resourceCount>;
export type ResourceCountReturnType = ActionReturnType<typeof actions.resourceCount>;
export type ResourceCountErrorType = ConcordErrorType;

export type ClaimantOfParameters = ActionParameters<typeof actions.claimantOf>;
export type ClaimantOfReturnType = ActionReturnType<typeof actions.claimantOf>;
export type ClaimantOfErrorType = ConcordErrorType;

export type QueueOfParameters = ActionParameters<typeof actions.queueOf>;
export type QueueOfReturnType = ActionReturnType<typeof actions.queueOf>;
export type QueueOfErrorType = ConcordErrorType;

export type PlaceOfParameters = ActionParameters<typeof actions.placeOf>;
export type PlaceOfReturnType = ActionReturnType<typeof actions.placeOf>;
export type PlaceOfErrorType = ConcordErrorType;

export type GetReservationParameters = ActionParameters<typeof actions.getReservation>;
export type GetReservationReturnType = ActionReturnType<typeof actions.getReservation>;
export type GetReservationErrorType = ConcordErrorType;

export type ReservationsOfParameters = ActionParameters<typeof actions.reservationsOf>;
export type ReservationsOfReturnType = ActionReturnType<typeof actions.reservationsOf>;
export type ReservationsOfErrorType = ConcordErrorType;

export type ListReservationsParameters = ActionParameters<typeof actions.listReservations>;
export type ListReservationsReturnType = ActionReturnType<typeof actions.listReservations>;
export type ListReservationsErrorType = ConcordErrorType;

export type LimitsOfParameters = ActionParameters<typeof actions.limitsOf>;
export type LimitsOfReturnType = ActionReturnType<typeof actions.limitsOf>;
export type LimitsOfErrorType = ConcordErrorType;

export type StandingOfParameters = ActionParameters<typeof actions.standingOf>;
export type StandingOfReturnType = ActionReturnType<typeof actions.standingOf>;
export type StandingOfErrorType = ConcordErrorType;

export type GetResourceParameters = ActionParameters<typeof actions.getResource>;
export type GetResourceReturnType = ActionReturnType<typeof actions.getResource>;
export type GetResourceErrorType = ConcordErrorType;
export type GetResourcesParameters = ActionParameters<typeof actions.getResources>;
export type GetResourcesReturnType = ActionReturnType<typeof actions.getResources>;
export type GetResourcesErrorType = ConcordErrorType;

export type ListResourcesParameters = ActionParameters<typeof actions.listResources>;
export type ListResourcesReturnType = ActionReturnType<typeof actions.listResources>;
export type ListResourcesErrorType = ConcordErrorType;

export type LeasesOfParameters = ActionParameters<typeof actions.leasesOf>;
export type LeasesOfReturnType = ActionReturnType<typeof actions.leasesOf>;
export type LeasesOfErrorType = ConcordErrorType;

export type VerifyFencingTokenParameters = ActionParameters<typeof actions.verifyFencingToken>;
export type VerifyFencingTokenReturnType = ActionReturnType<typeof actions.verifyFencingToken>;
export type VerifyFencingTokenErrorType = ConcordErrorType;

export type RegisterResourceReturnType = ActionReturnType<typeof actions.registerResource>;
export type RegisterResourceErrorType = ConcordErrorType;

export type SetResourcePolicyReturnType = ActionReturnType<typeof actions.setResourcePolicy>;
export type SetResourcePolicyErrorType = ConcordErrorType;

export type SetResourceLimitsReturnType = ActionReturnType<typeof actions.setResourceLimits>;
export type SetResourceLimitsErrorType = ConcordErrorType;

export type AcquireLeaseErrorType = ConcordErrorType;

export type RenewLeaseReturnType = ActionReturnType<typeof actions.renewLease>;
export type RenewLeaseErrorType = ConcordErrorType;

export type ReleaseLeaseParameters = ActionParameters<typeof actions.releaseLease>;
export type ReleaseLeaseReturnType = ActionReturnType<typeof actions.releaseLease>;
export type ReleaseLeaseErrorType = ConcordErrorType;

export type RevokeLeaseParameters = ActionParameters<typeof actions.revokeLease>;
export type RevokeLeaseReturnType = ActionReturnType<typeof actions.revokeLease>;
export type RevokeLeaseErrorType = ConcordErrorType;

export type EnqueueForLeaseReturnType = ActionReturnType<typeof actions.enqueueForLease>;
export type EnqueueForLeaseErrorType = ConcordErrorType;

export type LeaveLeaseQueueParameters = ActionParameters<typeof actions.leaveLeaseQueue>;
export type LeaveLeaseQueueReturnType = ActionReturnType<typeof actions.leaveLeaseQueue>;
export type LeaveLeaseQueueErrorType = ConcordErrorType;

export type ReserveResourceReturnType = ActionReturnType<typeof actions.reserveResource>;
export type ReserveResourceErrorType = ConcordErrorType;

export type CancelReservationReturnType = ActionReturnType<typeof actions.cancelReservation>;
export type CancelReservationErrorType = ConcordErrorType;

export type PruneReservationsReturnType = ActionReturnType<typeof actions.pruneReservations>;
export type PruneReservationsErrorType = ConcordErrorType;

export type AcquireWhenFreeReturnType = ActionReturnType<typeof actions.acquireWhenFree>;
export type AcquireWhenFreeErrorType = ConcordErrorType;

export type PrepareRegisterResourceParameters = ActionParameters<typeof actions.prepareRegisterResource>;
export type PrepareRegisterResourceReturnType = ActionReturnType<typeof actions.prepareRegisterResource>;
export type PrepareRegisterResourceErrorType = ConcordErrorType;

export type PrepareSetResourcePolicyParameters = ActionParameters<typeof actions.prepareSetResourcePolicy>;
export type PrepareSetResourcePolicyReturnType = ActionReturnType<typeof actions.prepareSetResourcePolicy>;
export type PrepareSetResourcePolicyErrorType = ConcordErrorType;

export type PrepareAcquireLeaseParameters = ActionParameters<typeof actions.prepareAcquireLease>;
export type PrepareAcquireLeaseReturnType = ActionReturnType<typeof actions.prepareAcquireLease>;
export type PrepareAcquireLeaseErrorType = ConcordErrorType;

export type PrepareRenewLeaseParameters = ActionParameters<typeof actions.prepareRenewLease>;
export type PrepareRenewLeaseReturnType = ActionReturnType<typeof actions.prepareRenewLease>;
export type PrepareRenewLeaseErrorType = ConcordErrorType;

export type PrepareReleaseLeaseParameters = ActionParameters<typeof actions.prepareReleaseLease>;
export type PrepareReleaseLeaseReturnType = ActionReturnType<typeof actions.prepareReleaseLease>;
export type PrepareReleaseLeaseErrorType = ConcordErrorType;

export type PrepareRevokeLeaseParameters = ActionParameters<typeof actions.prepareRevokeLease>;
export type PrepareRevokeLeaseReturnType = ActionReturnType<typeof actions.prepareRevokeLease>;
export type PrepareRevokeLeaseErrorType = ConcordErrorType;

export type PrepareEnqueueForLeaseParameters = ActionParameters<typeof actions.prepareEnqueueForLease>;
export type PrepareEnqueueForLeaseReturnType = ActionReturnType<typeof actions.prepareEnqueueForLease>;
export type PrepareEnqueueForLeaseErrorType = ConcordErrorType;

export type PrepareLeaveLeaseQueueParameters = ActionParameters<typeof actions.prepareLeaveLeaseQueue>;
export type PrepareLeaveLeaseQueueReturnType = ActionReturnType<typeof actions.prepareLeaveLeaseQueue>;
export type PrepareLeaveLeaseQueueErrorType = ConcordErrorType;

export type PrepareReserveResourceParameters = ActionParameters<typeof actions.prepareReserveResource>;
export type PrepareReserveResourceReturnType = ActionReturnType<typeof actions.prepareReserveResource>;
export type PrepareReserveResourceErrorType = ConcordErrorType;

export type PrepareCancelReservationParameters = ActionParameters<typeof actions.prepareCancelReservation>;
export type PrepareCancelReservationReturnType = ActionReturnType<typeof actions.prepareCancelReservation>;
export type PrepareCancelReservationErrorType = ConcordErrorType;

export type PreparePruneReservationsParameters = ActionParameters<typeof actions.preparePruneReservations>;
export type PreparePruneReservationsReturnType = ActionReturnType<typeof actions.preparePruneReservations>;
export type PreparePruneReservationsErrorType = ConcordErrorType;

export type PrepareSetResourceLimitsParameters = ActionParameters<typeof actions.prepareSetResourceLimits>;
export type PrepareSetResourceLimitsReturnType = ActionReturnType<typeof actions.prepareSetResourceLimits>;
export type PrepareSetResourceLimitsErrorType = ConcordErrorType;
