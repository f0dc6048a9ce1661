/**
 * Watching the AgreementRegistry: its events as they are mined.
 */
import type { ConcordClientBase } from "../client.ts";
import type { ConcordErrorType } from "../errors.ts";
import { agreementRegistryAbi } from "../generated/abis.ts";
import { contractOf } from "../internal/contracts.ts";
import { toUint256 } from "../internal/validate.ts";
import type { BigIntish } from "../internal/validate.ts";
import { watchConcordEvents } from "../internal/watch.ts";
import type { Unwatch, WatchOptions, WatchedEvent } from "../internal/watch.ts";

/** An event of the AgreementRegistry, decoded. */
export type AgreementEvent = WatchedEvent<typeof agreementRegistryAbi>;

/** Parameters of {@link watchAgreementEvents}. */
export type WatchAgreementEventsParameters = WatchOptions & {
  /** Called with each batch of new events, in log order. */
  onEvents: (events: AgreementEvent[]) => void;
  /** Only the events of this agreement. */
  agreementId?: BigIntish | undefined;
  /** Only this event. */
  eventName?: AgreementEvent["eventName"] | undefined;
};

/** What {@link watchAgreementEvents} returns: a function that stops the watch. */
export type WatchAgreementEventsReturnType = Unwatch;

/** What {@link watchAgreementEvents} throws (no AgreementRegistry, an invalid id); later failures go to `onError`. */
export type WatchAgreementEventsErrorType = ConcordErrorType;

/**
 * Calls `onEvents` with the AgreementRegistry's events as they are mined (proposed, acknowledged, activated,
 * declined, terminated...), optionally for one agreement or one event. Expiry happens by time alone and emits
 * nothing: read `agreementStatusOf` for it. Built on viem's `watchContractEvent`.
 *
 * @example
 * const unwatch = concord.agreements.watchAgreementEvents({
 *   agreementId: 1n,
 *   eventName: "AgreementActivated",
 *   onEvents: () => console.log("agreement 1 is active"),
 * });
 */
export function watchAgreementEvents(
  client: ConcordClientBase,
  parameters: WatchAgreementEventsParameters,
): WatchAgreementEventsReturnType {
  const { agreementId, ...options } = parameters;
  return watchConcordEvents(client, {
    ...options,
    contract: "AgreementRegistry",
    address: contractOf(client, "agreementRegistry").address,
    abi: agreementRegistryAbi,
    filter: agreementId === undefined ? undefined : ["agreementId", toUint256("agreementId", agreementId)],
  });
}
