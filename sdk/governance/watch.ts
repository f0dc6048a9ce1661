/**
 * Watching governance: the events of both houses as they are mined.
 */
import type { ConcordClientBase } from "../client.ts";
import type { ConcordErrorType } from "../errors.ts";
import { communityHouseAbi, operationalHouseAbi } from "../generated/abis.ts";
import { contractOf } from "../internal/contracts.ts";
import { toUint256 } from "../internal/validate.ts";
import type { BigIntish } from "../internal/validate.ts";
import { watchConcordEvents } from "../internal/watch.ts";
import type { Unwatch, WatchOptions, WatchedEvent } from "../internal/watch.ts";

/** An event of either house, decoded, with the house that emitted it. */
export type GovernanceEvent =
  | (WatchedEvent<typeof operationalHouseAbi> & { house: "operational" })
  | (WatchedEvent<typeof communityHouseAbi> & { house: "community" });

/** Parameters of {@link watchGovernanceEvents}. */
export type WatchGovernanceEventsParameters = WatchOptions & {
  /** Called with each batch of new events of one house, in log order. */
  onEvents: (events: GovernanceEvent[]) => void;
  /** Only the events of this proposal. */
  proposalId?: BigIntish | undefined;
};

/** What {@link watchGovernanceEvents} returns: a function that stops both watches. */
export type WatchGovernanceEventsReturnType = Unwatch;

/** What {@link watchGovernanceEvents} throws (no houses in the deployment, an invalid id). */
export type WatchGovernanceEventsErrorType = ConcordErrorType;

/**
 * Calls `onEvents` with the events of the operational and the community house as they are mined (proposals
 * created, votes and vetoes cast, queued, executed, canceled...), optionally for one proposal. Built on viem's
 * `watchContractEvent`, one watch per house.
 *
 * @example
 * const unwatch = concord.governance.watchGovernanceEvents({
 *   proposalId,
 *   onEvents: (events) => events.forEach((e) => console.log(e.house, e.eventName)),
 * });
 */
export function watchGovernanceEvents(
  client: ConcordClientBase,
  parameters: WatchGovernanceEventsParameters,
): WatchGovernanceEventsReturnType {
  const { proposalId, onEvents, ...options } = parameters;
  const filter =
    proposalId === undefined ? undefined : (["proposalId", toUint256("proposalId", proposalId)] as const);
  const operational = contractOf(client, "operationalHouse");
  const community = contractOf(client, "communityHouse");
  const unwatchOperational = watchConcordEvents(client, {
    ...options,
    contract: "OperationalHouse",
    address: operational.address,
    abi: operationalHouseAbi,
    filter,
    onEvents: (events) => onEvents(events.map((event) => ({ ...event, house: "operational" as const }))),
  });
  const unwatchCommunity = watchConcordEvents(client, {
    ...options,
    contract: "CommunityHouse",
    address: community.address,
    abi: communityHouseAbi,
    filter,
    onEvents: (events) => onEvents(events.map((event) => ({ ...event, house: "community" as const }))),
  });
  return () => {
    unwatchOperational();
    unwatchCommunity();
  };
}
