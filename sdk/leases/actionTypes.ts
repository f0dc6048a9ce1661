/**
 * The types of every leases action, as viem's actions export them: `XParameters` (what the action takes
 * after the client), `XReturnType` (what it resolves to) and `XErrorType` (what it throws: a `ConcordError`).
 * Derived from the actions of `actions.ts` by `ParametersOf` and `ReturnTypeOf`, so they cannot drift; where a
 * hand-written `XParameters` (or `XReturnType`) sits beside the action, this file leaves that name to it.
 */
import type { ConcordErrorType } from "../errors.ts";
import type { ActionParameters, ActionReturnType } from "../internal/bind.ts";
import type * as actions from "./actions.ts";

/** What the action `name` of `actions.ts` takes after the client (a write: with its sending options). */
type ParametersOf<name extends keyof typeof actions> = ActionParameters<(typeof actions)[name]>;
/** What the action `name` of `actions.ts` resolves to (a write: the full result it waits for by default). */
type ReturnTypeOf<name extends keyof typeof actions> = ActionReturnType<(typeof actions)[name]>;

export type LeaseOfParameters = ParametersOf<"leaseOf">;
export type LeaseOfReturnType = ReturnTypeOf<"leaseOf">;
export type LeaseOfErrorType = ConcordErrorType;

export type IsCurrentTokenParameters = ParametersOf<"isCurrentToken">;
export type IsCurrentTokenReturnType = ReturnTypeOf<"isCurrentToken">;
export type IsCurrentTokenErrorType = ConcordErrorType;

export type GetResourceInfoParameters = ParametersOf<"getResourceInfo">;
export type GetResourceInfoReturnType = ReturnTypeOf<"getResourceInfo">;
export type GetResourceInfoErrorType = ConcordErrorType;

export type ResourceCountParameters = ParametersOf<"resourceCount">;
export type ResourceCountReturnType = ReturnTypeOf<"resourceCount">;
export type ResourceCountErrorType = ConcordErrorType;

export type ClaimantOfParameters = ParametersOf<"claimantOf">;
export type ClaimantOfReturnType = ReturnTypeOf<"claimantOf">;
export type ClaimantOfErrorType = ConcordErrorType;

export type QueueOfParameters = ParametersOf<"queueOf">;
export type QueueOfReturnType = ReturnTypeOf<"queueOf">;
export type QueueOfErrorType = ConcordErrorType;

export type PlaceOfParameters = ParametersOf<"placeOf">;
export type PlaceOfReturnType = ReturnTypeOf<"placeOf">;
export type PlaceOfErrorType = ConcordErrorType;

export type GetReservationParameters = ParametersOf<"getReservation">;
export type GetReservationReturnType = ReturnTypeOf<"getReservation">;
export type GetReservationErrorType = ConcordErrorType;

export type ReservationsOfParameters = ParametersOf<"reservationsOf">;
export type ReservationsOfReturnType = ReturnTypeOf<"reservationsOf">;
export type ReservationsOfErrorType = ConcordErrorType;

export type ListReservationsParameters = ParametersOf<"listReservations">;
export type ListReservationsReturnType = ReturnTypeOf<"listReservations">;
export type ListReservationsErrorType = ConcordErrorType;

export type LimitsOfParameters = ParametersOf<"limitsOf">;
export type LimitsOfReturnType = ReturnTypeOf<"limitsOf">;
export type LimitsOfErrorType = ConcordErrorType;

export type StandingOfParameters = ParametersOf<"standingOf">;
export type StandingOfReturnType = ReturnTypeOf<"standingOf">;
export type StandingOfErrorType = ConcordErrorType;

export type GetResourceParameters = ParametersOf<"getResource">;
export type GetResourceReturnType = ReturnTypeOf<"getResource">;
export type GetResourceErrorType = ConcordErrorType;

export type ListResourcesParameters = ParametersOf<"listResources">;
export type ListResourcesReturnType = ReturnTypeOf<"listResources">;
export type ListResourcesErrorType = ConcordErrorType;

export type LeasesOfParameters = ParametersOf<"leasesOf">;
export type LeasesOfReturnType = ReturnTypeOf<"leasesOf">;
export type LeasesOfErrorType = ConcordErrorType;

export type VerifyFencingTokenParameters = ParametersOf<"verifyFencingToken">;
export type VerifyFencingTokenReturnType = ReturnTypeOf<"verifyFencingToken">;
export type VerifyFencingTokenErrorType = ConcordErrorType;

export type RegisterResourceReturnType = ReturnTypeOf<"registerResource">;
export type RegisterResourceErrorType = ConcordErrorType;

export type SetResourcePolicyReturnType = ReturnTypeOf<"setResourcePolicy">;
export type SetResourcePolicyErrorType = ConcordErrorType;

export type SetResourceLimitsReturnType = ReturnTypeOf<"setResourceLimits">;
export type SetResourceLimitsErrorType = ConcordErrorType;

export type AcquireLeaseErrorType = ConcordErrorType;

export type RenewLeaseReturnType = ReturnTypeOf<"renewLease">;
export type RenewLeaseErrorType = ConcordErrorType;

export type ReleaseLeaseParameters = ParametersOf<"releaseLease">;
export type ReleaseLeaseReturnType = ReturnTypeOf<"releaseLease">;
export type ReleaseLeaseErrorType = ConcordErrorType;

export type RevokeLeaseParameters = ParametersOf<"revokeLease">;
export type RevokeLeaseReturnType = ReturnTypeOf<"revokeLease">;
export type RevokeLeaseErrorType = ConcordErrorType;

export type EnqueueForLeaseReturnType = ReturnTypeOf<"enqueueForLease">;
export type EnqueueForLeaseErrorType = ConcordErrorType;

export type LeaveLeaseQueueParameters = ParametersOf<"leaveLeaseQueue">;
export type LeaveLeaseQueueReturnType = ReturnTypeOf<"leaveLeaseQueue">;
export type LeaveLeaseQueueErrorType = ConcordErrorType;

export type ReserveResourceReturnType = ReturnTypeOf<"reserveResource">;
export type ReserveResourceErrorType = ConcordErrorType;

export type CancelReservationReturnType = ReturnTypeOf<"cancelReservation">;
export type CancelReservationErrorType = ConcordErrorType;

export type PruneReservationsReturnType = ReturnTypeOf<"pruneReservations">;
export type PruneReservationsErrorType = ConcordErrorType;

export type AcquireWhenFreeReturnType = ReturnTypeOf<"acquireWhenFree">;
export type AcquireWhenFreeErrorType = ConcordErrorType;

export type PrepareRegisterResourceParameters = ParametersOf<"prepareRegisterResource">;
export type PrepareRegisterResourceReturnType = ReturnTypeOf<"prepareRegisterResource">;
export type PrepareRegisterResourceErrorType = ConcordErrorType;

export type PrepareSetResourcePolicyParameters = ParametersOf<"prepareSetResourcePolicy">;
export type PrepareSetResourcePolicyReturnType = ReturnTypeOf<"prepareSetResourcePolicy">;
export type PrepareSetResourcePolicyErrorType = ConcordErrorType;

export type PrepareAcquireLeaseParameters = ParametersOf<"prepareAcquireLease">;
export type PrepareAcquireLeaseReturnType = ReturnTypeOf<"prepareAcquireLease">;
export type PrepareAcquireLeaseErrorType = ConcordErrorType;

export type PrepareRenewLeaseParameters = ParametersOf<"prepareRenewLease">;
export type PrepareRenewLeaseReturnType = ReturnTypeOf<"prepareRenewLease">;
export type PrepareRenewLeaseErrorType = ConcordErrorType;

export type PrepareReleaseLeaseParameters = ParametersOf<"prepareReleaseLease">;
export type PrepareReleaseLeaseReturnType = ReturnTypeOf<"prepareReleaseLease">;
export type PrepareReleaseLeaseErrorType = ConcordErrorType;

export type PrepareRevokeLeaseParameters = ParametersOf<"prepareRevokeLease">;
export type PrepareRevokeLeaseReturnType = ReturnTypeOf<"prepareRevokeLease">;
export type PrepareRevokeLeaseErrorType = ConcordErrorType;

export type PrepareEnqueueForLeaseParameters = ParametersOf<"prepareEnqueueForLease">;
export type PrepareEnqueueForLeaseReturnType = ReturnTypeOf<"prepareEnqueueForLease">;
export type PrepareEnqueueForLeaseErrorType = ConcordErrorType;

export type PrepareLeaveLeaseQueueParameters = ParametersOf<"prepareLeaveLeaseQueue">;
export type PrepareLeaveLeaseQueueReturnType = ReturnTypeOf<"prepareLeaveLeaseQueue">;
export type PrepareLeaveLeaseQueueErrorType = ConcordErrorType;

export type PrepareReserveResourceParameters = ParametersOf<"prepareReserveResource">;
export type PrepareReserveResourceReturnType = ReturnTypeOf<"prepareReserveResource">;
export type PrepareReserveResourceErrorType = ConcordErrorType;

export type PrepareCancelReservationParameters = ParametersOf<"prepareCancelReservation">;
export type PrepareCancelReservationReturnType = ReturnTypeOf<"prepareCancelReservation">;
export type PrepareCancelReservationErrorType = ConcordErrorType;

export type PreparePruneReservationsParameters = ParametersOf<"preparePruneReservations">;
export type PreparePruneReservationsReturnType = ReturnTypeOf<"preparePruneReservations">;
export type PreparePruneReservationsErrorType = ConcordErrorType;

export type PrepareSetResourceLimitsParameters = ParametersOf<"prepareSetResourceLimits">;
export type PrepareSetResourceLimitsReturnType = ReturnTypeOf<"prepareSetResourceLimits">;
export type PrepareSetResourceLimitsErrorType = ConcordErrorType;
