/**
 * `acquireWhenFree`: for services that coordinate through Concord without a person clicking. It joins
 * the queue of a busy resource, waits for the caller's claim window (polling the chain's head and
 * reading the resource again when a block arrives), claims the resource and returns the fencing token.
 */
import { isAddressEqual } from "viem";
import type { Address } from "viem";

import type { ConcordClientBase } from "../client.ts";
import {
  ConcordError,
  ContractRefusalError,
  InvalidInputError,
  TransactionRevertedError,
} from "../errors.ts";
import { resourceLeasesAbi } from "../generated/abis.ts";
import { shortAddress } from "../internal/messages.ts";
import { readBatchAtBlock } from "../internal/read.ts";
import { toCellId } from "../internal/validate.ts";
import type { BigIntish } from "../internal/validate.ts";
import type { WriteOptions } from "../internal/write.ts";
import { toDuration, toResourceId } from "./constants.ts";
import { formatUtc } from "./errors.ts";
import { leasesDeployment, toResourceInfo, toReservations } from "./reads.ts";
import { acquireLease, enqueueForLease, leaveLeaseQueue, senderOf } from "./writes.ts";
import type { AcquireLeaseReturnType } from "./writes.ts";

/** What `acquireWhenFree` knew of the resource when it gave up. */
export type LeaseWaitState = {
  resourceId: bigint;
  /** Whether the caller had a place in the queue that was given up on the way out. */
  leftQueue: boolean;
  /** The holder when last read (null: free or unknown). */
  holder: Address | null;
  /** Its lease's expiry when last read (null: free or unknown). */
  expiresAt: bigint | null;
};

/**
 * `acquireWhenFree` did not get the resource within `timeoutMs`. The caller's place in the queue, if it
 * had one, was given up (`leftQueue`).
 *
 * @example
 * import { LeaseWaitTimeoutError } from "@concord-dao/sdk";
 *
 * try {
 *   await concord.leases.acquireWhenFree({ resourceId, duration: 600, timeoutMs: 60_000 });
 * } catch (error) {
 *   if (error instanceof LeaseWaitTimeoutError) console.log(error.holder, error.expiresAt);
 * }
 */
export class LeaseWaitTimeoutError extends ConcordError {
  override name = "LeaseWaitTimeoutError";
  readonly resourceId: bigint;
  readonly timeoutMs: number;
  readonly leftQueue: boolean;
  readonly holder: Address | null;
  readonly expiresAt: bigint | null;

  constructor(parameters: LeaseWaitState & { timeoutMs: number; cause?: unknown }) {
    const { resourceId, timeoutMs, holder, expiresAt, leftQueue } = parameters;
    super(`Resource ${resourceId} could not be acquired within ${timeoutMs} ms.`, {
      cause: parameters.cause,
      metaMessages: [
        holder && expiresAt !== null
          ? `Last seen held by ${shortAddress(holder)} until ${formatUtc(expiresAt)}.`
          : "Last seen without a live lease (a waiter's claim window or a booking was in the way).",
        leftQueue ? "The place in its queue was given up." : "No place in its queue was held.",
      ],
    });
    this.resourceId = resourceId;
    this.timeoutMs = timeoutMs;
    this.leftQueue = leftQueue;
    this.holder = holder;
    this.expiresAt = expiresAt;
  }
}

/**
 * `acquireWhenFree` was cancelled through its `AbortSignal`. The caller's place in the queue, if it had
 * one, was given up (`leftQueue`); the signal's reason is the `cause`.
 *
 * @example
 * import { LeaseWaitAbortedError } from "@concord-dao/sdk";
 *
 * const controller = new AbortController();
 * const waiting = concord.leases.acquireWhenFree({ resourceId, duration: 600, signal: controller.signal });
 * controller.abort();
 * await waiting.catch((e) => e instanceof LeaseWaitAbortedError); // true
 */
export class LeaseWaitAbortedError extends ConcordError {
  override name = "LeaseWaitAbortedError";
  readonly resourceId: bigint;
  readonly leftQueue: boolean;
  readonly holder: Address | null;
  readonly expiresAt: bigint | null;

  constructor(parameters: LeaseWaitState & { reason?: unknown }) {
    const { resourceId, leftQueue } = parameters;
    super(`Waiting for resource ${resourceId} was cancelled.`, {
      cause: parameters.reason,
      metaMessages: [leftQueue ? "The place in its queue was given up." : "No place in its queue was held."],
    });
    this.resourceId = resourceId;
    this.leftQueue = leftQueue;
    this.holder = parameters.holder;
    this.expiresAt = parameters.expiresAt;
  }
}

/** What `acquireWhenFree` is doing, reported through `onStatus`. */
export type AcquireWhenFreeStatus = {
  /** `waiting`: busy and not queued (a booking is active, or the queue is full); `queued`: in the queue; `acquiring`: sending `acquire`. */
  state: "waiting" | "queued" | "acquiring";
  resourceId: bigint;
  /** The holder of the live lease, or null. */
  holder: Address | null;
  /** The end of the live lease, or null. */
  expiresAt: bigint | null;
  /** Waiters ahead of the caller when queued, else null. */
  position: number | null;
  /** The caller's claim window when queued (an estimate while a lease is live), else null. */
  windowStart: bigint | null;
  windowEnd: bigint | null;
};

/** Parameters of {@link acquireWhenFree}. */
export type AcquireWhenFreeParameters = WriteOptions & {
  resourceId: BigIntish;
  /** Seconds of the lease once granted (1..the resource's maximum). */
  duration: BigIntish;
  /** The cell the caller acts for under policy 1 (default: the first cell it is a member of). */
  cellId?: BigIntish | undefined;
  /** Give up after this many milliseconds (default: wait until `signal` aborts). */
  timeoutMs?: number | undefined;
  /** Cancels the wait. */
  signal?: AbortSignal | undefined;
  /** How often the chain's head is polled, in ms (default 1000). The state is read again on each new block. */
  pollIntervalMs?: number | undefined;
  /** Called whenever the state of the wait changes. */
  onStatus?: ((status: AcquireWhenFreeStatus) => void) | undefined;
};

/** Refusals that mean "not yet": someone got there first; the loop reads the state again. */
const NOT_YET = new Set(["ResourceBusy", "QueueClaimWindow", "ReservationActive", "QueueResourceFree"]);

function notYet(error: unknown): boolean {
  if (error instanceof ContractRefusalError) return NOT_YET.has(String(error.errorName));
  if (error instanceof TransactionRevertedError) return error.refusal ? notYet(error.refusal) : false;
  return false;
}

/** Resolves after `ms`, or rejects at once when `signal` aborts. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * Acquires a resource as soon as the caller may, waiting its turn through the queue:
 * 1. free (no live lease, no other waiter's claim window, no other account's active booking): acquire;
 * 2. held, or another waiter is claiming: join the queue (once; again if the caller's turn passed);
 * 3. wait — the resource is read every `pollIntervalMs` (one request that carries its block, through
 *    Multicall3) and looked at again on each new block — until the caller's claim window opens (or the
 *    resource is free), then acquire.
 *
 * Time moves with blocks: a lease that ends by time is seen ended once a block at or after its expiry
 * exists (on a chain that mines only on demand, such as Hardhat's automine, that is the next transaction).
 *
 * On timeout it throws {@link LeaseWaitTimeoutError}, on abort {@link LeaseWaitAbortedError}; in both
 * cases it first gives up the caller's place in the queue (one `leaveQueue` transaction). A transaction
 * already sent when the time runs out is waited for; if it was the `acquire`, its lease is returned.
 *
 * @returns what `acquire` returns (the fencing token, the real expiry), plus how long it waited and
 * whether it went through the queue.
 * @throws {LeaseWaitTimeoutError} after `timeoutMs`.
 * @throws {LeaseWaitAbortedError} when `signal` aborts.
 * @throws {ContractRefusalError} for refusals that waiting does not cure (`ResourceAccessDenied`,
 * `LeaseInvalidDuration`, `ResourceNonexistent`...).
 * @example
 * const { fencingToken, expiresAt } = await concord.leases.acquireWhenFree({
 *   resourceId: 1n,
 *   duration: 600,
 *   timeoutMs: 15 * 60_000,
 *   signal: AbortSignal.timeout(20 * 60_000),
 *   onStatus: (s) => console.log(s.state, s.position, s.windowStart),
 * });
 * try {
 *   await runMigration({ fencingToken });
 * } finally {
 *   await concord.leases.releaseLease({ resourceId: 1n });
 * }
 */
export async function acquireWhenFree(
  client: ConcordClientBase,
  parameters: AcquireWhenFreeParameters,
): Promise<AcquireLeaseReturnType & { waitedMs: number; queued: boolean }> {
  const {
    resourceId,
    duration,
    cellId,
    timeoutMs,
    signal,
    pollIntervalMs = 1000,
    onStatus,
    ...options
  } = parameters;
  const id = toResourceId(resourceId);
  const seconds = toDuration(duration);
  let cell = cellId === undefined ? undefined : toCellId(cellId);
  if (timeoutMs !== undefined && (!Number.isFinite(timeoutMs) || timeoutMs < 0)) {
    throw new InvalidInputError("timeoutMs", timeoutMs, "expected a non-negative number of milliseconds");
  }
  if (!Number.isFinite(pollIntervalMs) || pollIntervalMs < 1) {
    throw new InvalidInputError("pollIntervalMs", pollIntervalMs, "expected at least 1 millisecond");
  }
  const me = senderOf(client, options, "acquireWhenFree");
  const address = leasesDeployment(client).address;
  const started = Date.now();
  const deadline = timeoutMs === undefined ? Number.POSITIVE_INFINITY : started + timeoutMs;

  let joined = false; // the caller joined the queue during this call
  let lastHolder: Address | null = null;
  let lastExpiry: bigint | null = null;
  let lastBlock: bigint | undefined;
  let lastStatus = "";
  const report = (status: AcquireWhenFreeStatus) => {
    const key = JSON.stringify(status, (_, value) => (typeof value === "bigint" ? value.toString() : value));
    if (key === lastStatus) return;
    lastStatus = key;
    onStatus?.(status);
  };

  /** Gives up the caller's place, if it still has one, and says whether it did. */
  const leave = async (): Promise<boolean> => {
    if (!joined) return false;
    try {
      await leaveLeaseQueue(client, { ...options, wait: true, resourceId: id });
      return true;
    } catch {
      return false; // its turn passed or it was served meanwhile: nothing to give up
    }
  };
  const stop = async (reason: "timeout" | "abort", cause?: unknown): Promise<never> => {
    const leftQueue = await leave();
    const state = { resourceId: id, leftQueue, holder: lastHolder, expiresAt: lastExpiry };
    if (reason === "abort") throw new LeaseWaitAbortedError({ ...state, reason: cause });
    throw new LeaseWaitTimeoutError({ ...state, timeoutMs: timeoutMs ?? 0, cause });
  };
  const checkStop = async () => {
    if (signal?.aborted) await stop("abort", signal.reason);
    if (Date.now() >= deadline) await stop("timeout");
  };
  const pause = async () => {
    const left = deadline - Date.now();
    if (left <= 0) return;
    try {
      await sleep(Math.min(pollIntervalMs, left), signal);
    } catch (reason) {
      await stop("abort", reason);
    }
  };

  for (;;) {
    await checkStop();
    // The resource, the caller's place and the next booking, with the block they were read in (its number says
    // whether anything changed; its time decides whether the booking is active): one request through Multicall3.
    const { block, results } = await readBatchAtBlock(
      client,
      [
        { address, abi: resourceLeasesAbi, functionName: "getResource", args: [id] },
        { address, abi: resourceLeasesAbi, functionName: "placeOf", args: [id, me] },
        { address, abi: resourceLeasesAbi, functionName: "reservationsOf", args: [id, 0n, 1n] },
      ] as const,
      { contract: "ResourceLeases", functionName: "getResource" },
    );
    if (block.number === lastBlock) {
      await pause();
      continue;
    }
    lastBlock = block.number;
    const now = block.timestamp;
    const [info, [queued, position, windowStart, windowEnd], [page]] = results;
    const state = toResourceInfo(info);
    lastHolder = state.holder;
    lastExpiry = state.holder ? state.expiresAt : null;
    const booking = toReservations(page)[0];
    const active = booking && booking.start <= now && now < booking.end ? booking : undefined;
    const myBooking = active !== undefined && isAddressEqual(active.booker, me);
    const otherClaims = state.claimant !== null && !isAddressEqual(state.claimant, me);
    const base = { resourceId: id, holder: state.holder, expiresAt: lastExpiry };

    if (!state.holder && (myBooking || (!otherClaims && active === undefined))) {
      report({ ...base, state: "acquiring", position: null, windowStart: null, windowEnd: null });
      try {
        const result = await acquireLease(client, {
          ...options,
          wait: true,
          resourceId: id,
          duration: seconds,
          cellId: cell,
        });
        return { ...result, waitedMs: Date.now() - started, queued: joined };
      } catch (error) {
        if (!notYet(error)) {
          await leave();
          throw error;
        }
        await pause();
        continue;
      }
    }

    if (state.holder || otherClaims) {
      if (queued) {
        report({ ...base, state: "queued", position: Number(position), windowStart, windowEnd });
      } else {
        try {
          const place = await enqueueForLease(client, {
            ...options,
            wait: true,
            resourceId: id,
            cellId: cell,
          });
          joined = true;
          cell ??= place.cellId ?? undefined;
          report({
            ...base,
            state: "queued",
            position: place.position,
            windowStart: place.windowStart,
            windowEnd: place.windowEnd,
          });
          continue; // read again at the new block
        } catch (error) {
          const name = error instanceof ContractRefusalError ? String(error.errorName) : "";
          if (name === "QueueResourceFree") continue; // it became free meanwhile
          if (name === "QueueAlreadyQueued") joined = true;
          else if (name !== "QueueFull" && !notYet(error)) {
            await leave();
            throw error;
          }
          report({ ...base, state: "waiting", position: null, windowStart: null, windowEnd: null });
        }
      }
    } else {
      // Another account's booking is active: nobody may queue; wait for its end.
      report({ ...base, state: "waiting", position: null, windowStart: null, windowEnd: null });
    }
    await pause();
  }
}
