/**
 * Watching the CellRegistry: its events as they are mined.
 */
import type { ConcordClientBase } from "../client.ts";
import type { ConcordErrorType } from "../errors.ts";
import { cellRegistryAbi } from "../generated/abis.ts";
import { toCellId } from "../internal/validate.ts";
import type { BigIntish } from "../internal/validate.ts";
import { watchConcordEvents } from "../internal/watch.ts";
import type { Unwatch, WatchOptions, WatchedEvent } from "../internal/watch.ts";

/** An event of the CellRegistry, decoded. */
export type CellEvent = WatchedEvent<typeof cellRegistryAbi>;

/** Parameters of {@link watchCellEvents}. */
export type WatchCellEventsParameters = WatchOptions & {
  /** Called with each batch of new events, in log order. */
  onEvents: (events: CellEvent[]) => void;
  /** Only the events of this cell. */
  cellId?: BigIntish | undefined;
  /** Only this event. */
  eventName?: CellEvent["eventName"] | undefined;
};

/** What {@link watchCellEvents} returns: a function that stops the watch. */
export type WatchCellEventsReturnType = Unwatch;

/** What {@link watchCellEvents} throws (an invalid `cellId`); later failures go to `onError`. */
export type WatchCellEventsErrorType = ConcordErrorType;

/**
 * Calls `onEvents` with the CellRegistry's events as they are mined (members added, roles changed, phases...),
 * optionally for one cell or one event. Built on viem's `watchContractEvent`.
 *
 * @example
 * const unwatch = concord.cells.watchCellEvents({
 *   cellId: 4n,
 *   onEvents: (events) => events.forEach((event) => console.log(event.eventName, event.args)),
 * });
 * // later
 * unwatch();
 */
export function watchCellEvents(
  client: ConcordClientBase,
  parameters: WatchCellEventsParameters,
): WatchCellEventsReturnType {
  const { cellId, ...options } = parameters;
  return watchConcordEvents(client, {
    ...options,
    contract: "CellRegistry",
    address: client.contracts.cellRegistry.address,
    abi: cellRegistryAbi,
    filter: cellId === undefined ? undefined : ["cellId", toCellId(cellId, "cellId")],
  });
}
