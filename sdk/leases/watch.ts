/**
 * Watching ResourceLeases: its events as they are mined, and lease expiry, which happens by time alone and emits
 * nothing.
 */
import { watchBlocks } from "viem/actions";
import { zeroAddress } from "viem";
import type { Address } from "viem";

import type { ConcordClientBase } from "../client.ts";
import { decodeConcordError } from "../errors.ts";
import type { ConcordErrorType } from "../errors.ts";
import { resourceLeasesAbi } from "../generated/abis.ts";
import { contractOf } from "../internal/contracts.ts";
import { readBatchAtBlock } from "../internal/read.ts";
import type { BigIntish } from "../internal/validate.ts";
import { watchConcordEvents } from "../internal/watch.ts";
import type { Unwatch, WatchOptions, WatchedEvent } from "../internal/watch.ts";
import { toResourceId } from "./constants.ts";
import { leaseOf } from "./reads.ts";

/** An event of ResourceLeases, decoded. */
export type LeaseEvent = WatchedEvent<typeof resourceLeasesAbi>;

/** Parameters of {@link watchLeaseEvents}. */
export type WatchLeaseEventsParameters = WatchOptions & {
  /** Called with each batch of new events, in log order. */
  onEvents: (events: LeaseEvent[]) => void;
  /** Only the events of this resource. */
  resourceId?: BigIntish | undefined;
  /** Only this event. */
  eventName?: LeaseEvent["eventName"] | undefined;
};

/** What {@link watchLeaseEvents} returns: a function that stops the watch. */
export type WatchLeaseEventsReturnType = Unwatch;

/** What {@link watchLeaseEvents} throws (no ResourceLeases, an invalid id); later failures go to `onError`. */
export type WatchLeaseEventsErrorType = ConcordErrorType;

/**
 * Calls `onEvents` with the events of ResourceLeases as they are mined (granted, renewed, released, revoked,
 * queue joined, bookings...), optionally for one resource or one event. Expiry emits nothing: see
 * {@link watchLeaseExpiry}. Built on viem's `watchContractEvent`.
 *
 * @example
 * const unwatch = concord.leases.watchLeaseEvents({
 *   resourceId: 1n,
 *   eventName: "LeaseGranted",
 *   onEvents: (events) => console.log(events[0]?.args.holder, "holds resource 1"),
 * });
 */
export function watchLeaseEvents(
  client: ConcordClientBase,
  parameters: WatchLeaseEventsParameters,
): WatchLeaseEventsReturnType {
  const { resourceId, ...options } = parameters;
  return watchConcordEvents(client, {
    ...options,
    contract: "ResourceLeases",
    address: contractOf(client, "resourceLeases").address,
    abi: resourceLeasesAbi,
    filter: resourceId === undefined ? undefined : ["resourceId", toResourceId(resourceId)],
  });
}

/** A lease that ran out: who held it, its token and when it ended. */
export type ExpiredLease = {
  resourceId: bigint;
  holder: Address;
  fencingToken: bigint;
  expiresAt: bigint;
};

/** Parameters of {@link watchLeaseExpiry}. */
export type WatchLeaseExpiryParameters = WatchOptions & {
  /** The resource whose leases to watch. */
  resourceId: BigIntish;
  /** Called once per lease that expires (not for a lease released or revoked before its end). */
  onExpired: (lease: ExpiredLease) => void;
};

/** What {@link watchLeaseExpiry} returns: a function that stops the watch. */
export type WatchLeaseExpiryReturnType = Unwatch;

/** What {@link watchLeaseExpiry} throws (no ResourceLeases, an invalid id); later failures go to `onError`. */
export type WatchLeaseExpiryErrorType = ConcordErrorType;

/**
 * Calls `onExpired` when the live lease of `resourceId` runs out. Expiry happens by time alone and emits no
 * event, so this arms a timer on the chain's clock (the latest block's timestamp) for the lease's `expiresAt`,
 * checks each new block's timestamp, and confirms with `leaseOf` before calling back (the lease and the time of
 * the block it was read in come in one request through Multicall3). The timer is re-armed when
 * the resource's events say the lease changed: a new lease (`LeaseGranted`) or a renewal (`LeaseRenewed`) arms it
 * for the end the event carries; a release or a revocation disarms it.
 *
 * @example
 * const unwatch = concord.leases.watchLeaseExpiry({
 *   resourceId: 1n,
 *   onExpired: ({ holder, fencingToken }) => console.log(`${holder}'s lease ${fencingToken} ran out`),
 * });
 */
export function watchLeaseExpiry(
  client: ConcordClientBase,
  parameters: WatchLeaseExpiryParameters,
): WatchLeaseExpiryReturnType {
  const { onExpired, onError, pollingInterval = 1_000 } = parameters;
  const resourceId = toResourceId(parameters.resourceId);
  const { address } = contractOf(client, "resourceLeases");

  let stopped = false;
  let armed: ExpiredLease | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let reported = 0n; // the fencing token of the last lease reported, so that each lease is reported once

  const fail = (error: unknown) => {
    if (!stopped) onError?.(decodeConcordError(error, { contract: "ResourceLeases" }));
  };
  const clear = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  /** Checks the armed lease against the chain's clock; calls back, or waits for the rest of its time. */
  const check = async () => {
    const lease = armed;
    if (stopped || !lease) return;
    // The lease and the clock it is judged by, from the same block in one request (through Multicall3).
    const {
      block: { timestamp },
      results: [[holder, expiresAt, fencingToken]],
    } = await readBatchAtBlock(
      client,
      [{ address, abi: resourceLeasesAbi, functionName: "leaseOf", args: [resourceId] }] as const,
      { contract: "ResourceLeases", functionName: "leaseOf" },
    );
    if (stopped || armed !== lease) return;
    if (timestamp < lease.expiresAt) {
      // Not yet on the chain's clock: wait for the rest, but never poll faster than pollingInterval.
      clear();
      const rest = Number(lease.expiresAt - timestamp) * 1_000;
      timer = setTimeout(() => void check().catch(fail), Math.max(rest, pollingInterval));
      return;
    }
    const now = { holder: holder === zeroAddress ? null : holder, expiresAt, fencingToken };
    if (now.fencingToken === lease.fencingToken && now.holder === null && lease.fencingToken > reported) {
      armed = undefined;
      clear();
      reported = lease.fencingToken;
      onExpired(lease);
    } else if (
      now.holder !== null &&
      now.fencingToken === lease.fencingToken &&
      now.expiresAt === lease.expiresAt
    ) {
      // The chain's clock is at the end but the lease still reads live: look again after a poll.
      clear();
      timer = setTimeout(() => void check().catch(fail), pollingInterval);
    } else if (now.holder !== null) {
      await arm(); // renewed or replaced in the meantime
    }
  };

  /** Reads the live lease and arms the timer for its end. */
  const arm = async () => {
    clear();
    const lease = await leaseOf(client, { resourceId });
    if (stopped) return;
    armed =
      lease.holder === null
        ? undefined
        : { resourceId, holder: lease.holder, fencingToken: lease.fencingToken, expiresAt: lease.expiresAt };
    await check();
  };

  const unwatchEvents = watchLeaseEvents(client, {
    resourceId,
    poll: parameters.poll,
    pollingInterval: parameters.pollingInterval,
    onError,
    onEvents: (events) => {
      // The last lease event of the batch decides: a grant or a renewal arms the timer for its end (from the
      // event itself, so a lease that already ran out by the time the event is seen is still reported).
      const last = events.findLast((event) =>
        ["LeaseGranted", "LeaseRenewed", "LeaseReleased", "LeaseRevoked"].includes(event.eventName),
      );
      if (!last) return;
      clear();
      if (last.eventName === "LeaseGranted" || last.eventName === "LeaseRenewed") {
        const args = last.args as { holder: Address; fencingToken: bigint; expiresAt: bigint };
        armed = {
          resourceId,
          holder: args.holder,
          fencingToken: args.fencingToken,
          expiresAt: args.expiresAt,
        };
        void check().catch(fail);
      } else {
        armed = undefined;
      }
    },
  });
  const unwatchBlocks = watchBlocks(client.publicClient, {
    ...(parameters.poll === undefined ? {} : { poll: parameters.poll as true }),
    pollingInterval: parameters.pollingInterval,
    onBlock: (block) => {
      if (armed && block.timestamp >= armed.expiresAt) void check().catch(fail);
    },
    onError: fail,
  });
  void arm().catch(fail);

  return () => {
    stopped = true;
    clear();
    unwatchEvents();
    unwatchBlocks();
  };
}
