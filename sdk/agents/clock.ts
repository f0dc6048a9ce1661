/**
 * One view of the chain's head for every agent of a process: a single poll loop reads the latest block
 * and wakes the agents waiting for a newer one, so that N agents cost one `eth_getBlockByNumber` per poll,
 * not N. Chain time is the latest block's timestamp (leases end by it), plus an estimate between blocks.
 */
import { getBlock } from "viem/actions";

import type { ConcordClientBase } from "../client.ts";
import { InvalidInputError } from "../errors.ts";
import { classifyFailure, sleep } from "./retry.ts";

/** The latest block the clock has seen. */
export type ChainHead = {
  number: bigint;
  /** The block's timestamp, in seconds. */
  timestamp: bigint;
  /** `Date.now()` when the clock saw it. */
  seenAt: number;
};

/** A shared view of the chain's head (see {@link createChainClock}). */
export type ChainClock = {
  /** The latest block seen (reads one if none was seen yet). */
  head(): Promise<ChainHead>;
  /**
   * Resolves with the first block newer than `after` (a block number), or the latest block after `maxWaitMs`
   * (bounded). Rejects with the signal's reason when it aborts.
   */
  next(parameters?: {
    after?: bigint | undefined;
    maxWaitMs?: number;
    signal?: AbortSignal | undefined;
  }): Promise<ChainHead>;
  /**
   * The chain's time now, estimated: the latest block's timestamp plus the wall time since it was seen, at
   * most `slackSeconds` more (default 0: the latest block's timestamp alone).
   */
  now(slackSeconds?: number): Promise<bigint>;
  /** Stops polling (waiters still get the latest block when their wait ends). */
  stop(): void;
};

/** Parameters of {@link createChainClock}. */
export type CreateChainClockParameters = {
  /** How often the head is read while someone waits, in ms (10..60 000, default 250). */
  pollIntervalMs?: number | undefined;
};

/** What {@link createChainClock} returns: the clock. */
export type CreateChainClockReturnType = ChainClock;
/** What {@link createChainClock} throws: an `InvalidInputError` for a `pollIntervalMs` out of 10..60 000. */
export type CreateChainClockErrorType = InvalidInputError;

/**
 * Creates the clock that agents of one process share. It polls only while an agent waits for a block.
 *
 * @example
 * import { createChainClock } from "@concord-dao/sdk";
 *
 * const clock = createChainClock(concord, { pollIntervalMs: 250 });
 * const head = await clock.next({ after: (await clock.head()).number, maxWaitMs: 5_000 });
 * clock.stop();
 */
export function createChainClock(
  client: ConcordClientBase,
  parameters: CreateChainClockParameters = {},
): ChainClock {
  const pollIntervalMs = parameters.pollIntervalMs ?? 250;
  if (!Number.isInteger(pollIntervalMs) || pollIntervalMs < 10 || pollIntervalMs > 60_000) {
    throw new InvalidInputError("pollIntervalMs", pollIntervalMs, "expected an integer in 10..60000");
  }
  let latest: ChainHead | undefined;
  let reading: Promise<ChainHead> | undefined;
  let loop: Promise<void> | undefined;
  let stopped = false;
  const waiters = new Set<{ after: bigint; wake: (head: ChainHead) => void }>();

  const read = (): Promise<ChainHead> => {
    reading ??= (async () => {
      try {
        const block = await getBlock(client.publicClient, { blockTag: "latest" });
        const head = { number: block.number, timestamp: block.timestamp, seenAt: Date.now() };
        if (!latest || head.number > latest.number) latest = head;
        return latest;
      } finally {
        reading = undefined;
      }
    })();
    return reading;
  };

  const poll = async () => {
    while (!stopped && waiters.size > 0) {
      try {
        const head = await read();
        for (const waiter of [...waiters]) if (head.number > waiter.after) waiter.wake(head);
      } catch (error) {
        // A failed poll is retried at the next tick; anything but a transient failure is a bug of the node.
        if (classifyFailure(error) === "fatal" && waiters.size === 0) break;
      }
      if (waiters.size > 0) await sleep(pollIntervalMs);
    }
    loop = undefined;
  };

  return {
    async head() {
      return latest ?? read();
    },
    async next({ after, maxWaitMs = 30_000, signal } = {}) {
      const start = after ?? (await this.head()).number;
      if (latest && latest.number > start) return latest;
      return new Promise<ChainHead>((resolve, reject) => {
        const waiter = {
          after: start,
          wake: (head: ChainHead) => {
            cleanup();
            resolve(head);
          },
        };
        const onAbort = () => {
          cleanup();
          reject(signal!.reason);
        };
        const timer = setTimeout(() => {
          cleanup();
          if (latest) resolve(latest);
          else read().then(resolve, reject);
        }, maxWaitMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(waiter);
          signal?.removeEventListener("abort", onAbort);
        };
        if (signal?.aborted) return onAbort();
        signal?.addEventListener("abort", onAbort, { once: true });
        waiters.add(waiter);
        if (!stopped) loop ??= poll();
      });
    },
    async now(slackSeconds = 0) {
      const head = latest ?? (await read());
      const elapsed = Math.floor((Date.now() - head.seenAt) / 1000);
      return head.timestamp + BigInt(Math.max(0, Math.min(elapsed, slackSeconds)));
    },
    stop() {
      stopped = true;
    },
  };
}
