/**
 * `createAgent`: a service that coordinates through Concord without a person clicking. An agent acquires a
 * resource or queues for it with a deadline, keeps its lease alive while its work runs (and stops the work
 * honestly when a renewal is refused because someone waits), hands the fencing token to the work, declares
 * its state and intents in a cell as the work moves, and releases on exit. Every write goes through
 * {@link retrying}: what the contract did not decide is retried (bounded), a refusal never is.
 *
 * Many agents can share one process (and one {@link ChainClock}), and one funded account: give them the same
 * local account created with viem's `nonceManager` (see {@link agentAccount}), or a JSON-RPC account whose
 * node assigns nonces.
 */
import { isAddressEqual } from "viem";
import type { Account, Address, Hash, LocalAccount } from "viem";
import { nonceManager } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import type { Hex } from "viem";

import type { ConcordClientBase } from "../client.ts";
import { ContractRefusalError, InvalidInputError, TransactionRevertedError } from "../errors.ts";
import { declareState, signalIntent } from "../cells/writes.ts";
import { resourceLeasesAbi } from "../generated/abis.ts";
import { readBatch } from "../internal/read.ts";
import { toCellId } from "../internal/validate.ts";
import type { BigIntish } from "../internal/validate.ts";
import type { WriteResult } from "../internal/write.ts";
import { toDuration, toResourceId } from "../leases/constants.ts";
import { leasesDeployment, toResourceInfo, toReservations } from "../leases/reads.ts";
import { LeaseWaitAbortedError, LeaseWaitTimeoutError } from "../leases/wait.ts";
import {
  acquireLease as sendAcquireLease,
  enqueueForLease,
  leaveLeaseQueue,
  releaseLease as sendReleaseLease,
  renewLease,
} from "../leases/writes.ts";
import { createChainClock } from "./clock.ts";
import type { ChainClock } from "./clock.ts";
import { AgentClosedError, LeaseInterruptedError } from "./errors.ts";
import { retrying } from "./retry.ts";
import type { FailureKind, RetryPolicy } from "./retry.ts";

/**
 * Refusals that mean "not yet": someone got there first; the agent reads the state again. "Reverted" is a mined
 * revert whose reason the block's end state no longer reproduces (another transaction of the block raced it).
 */
const NOT_YET = new Set([
  "ResourceBusy",
  "QueueClaimWindow",
  "ReservationActive",
  "QueueResourceFree",
  "Reverted",
]);

/** The name of the refusal behind a failed write ("Reverted" for an undecodable mined revert), or "". */
function refusalName(error: unknown): string {
  const refusal = refusalOf(error);
  if (refusal) return String(refusal.errorName);
  return error instanceof TransactionRevertedError ? "Reverted" : "";
}
/** Refusals of `enqueue` after which the agent waits and tries again (the queue is full, or it must cool down). */
const WAIT_AND_RETRY = new Set(["QueueFull", "QueueCoolingDown"]);

/** The decoded refusal behind a simulated or mined refusal, if any. */
export function refusalOf(error: unknown): ContractRefusalError | undefined {
  if (error instanceof ContractRefusalError) return error;
  if (error instanceof TransactionRevertedError) return error.refusal;
  return undefined;
}

/** What an agent reports as it goes (for logs and metrics). */
export type AgentEvent =
  | { type: "tx"; agent: string; action: string; hash: Hash; gasUsed: bigint; blockNumber: bigint }
  | { type: "refused"; agent: string; action: string; errorName: string; contention: boolean }
  | { type: "retried"; agent: string; action: string; kind: FailureKind }
  | { type: "queued"; agent: string; resourceId: bigint; position: number; windowStart: bigint }
  /** The agent's place in the queue is gone without a grant: its claim window passed unclaimed (or it was removed). */
  | { type: "turnPassed"; agent: string; resourceId: bigint }
  | {
      type: "acquired";
      agent: string;
      resourceId: bigint;
      fencingToken: bigint;
      expiresAt: bigint;
      waitedMs: number;
      queued: boolean;
      recovered: boolean;
    }
  | { type: "renewed"; agent: string; resourceId: bigint; expiresAt: bigint }
  | { type: "renewRefused"; agent: string; resourceId: bigint; queueLength: bigint }
  | { type: "interrupted"; agent: string; resourceId: bigint; fencingToken: bigint; reason: string }
  | { type: "released"; agent: string; resourceId: bigint; fencingToken: bigint; alreadyEnded: boolean }
  | { type: "announceFailed"; agent: string; what: "state" | "intent"; error: unknown };

/** Parameters of {@link createAgent}. */
export type CreateAgentParameters = {
  /** Sends from this account (default: the wallet client's). Agents may share one. */
  account?: Account | Address | undefined;
  /** A name for logs and errors (default: the account's address). */
  name?: string | undefined;
  /**
   * The cell the agent declares its state and intents in (it must be a member), and acts for under policy 1.
   * Without it the agent announces nothing.
   */
  cellId?: BigIntish | undefined;
  /** The clock to share with the other agents of the process (default: one of its own). */
  clock?: ChainClock | undefined;
  /** Bounded retries of what is safe to retry. */
  retry?: RetryPolicy | undefined;
  /** How long `close()` waits for running work to stop and leases to be released (default 30 000 ms). */
  closeTimeoutMs?: number | undefined;
  /** Receives every {@link AgentEvent}. Must not throw. */
  onEvent?: ((event: AgentEvent) => void) | undefined;
};

/** Parameters of {@link Agent.acquire}. */
export type AgentAcquireParameters = {
  resourceId: BigIntish;
  /** Seconds of lease asked (1..the resource's maximum). */
  duration: BigIntish;
  /** Give up after this many ms, leaving the queue (1..86 400 000, default 900 000). */
  deadlineMs?: number | undefined;
  signal?: AbortSignal | undefined;
  /** Longest pause between two reads of the resource while waiting, in ms (default 2 000). */
  maxPollMs?: number | undefined;
};

/** A lease an agent holds. */
export type AgentLease = {
  resourceId: bigint;
  fencingToken: bigint;
  expiresAt: bigint;
  /** ms spent between the call and the grant. */
  waitedMs: number;
  /** Whether the agent went through the queue. */
  queued: boolean;
  /** True when the grant was found on the chain after an ambiguous failure (the agent already held it). */
  recovered: boolean;
};

/** What the guarded work receives. */
export type LeaseWork = {
  resourceId: bigint;
  /** The token to hand to the service behind the resource. */
  fencingToken: bigint;
  /** Fires when the kit stops the work; its reason is a {@link LeaseInterruptedError}. */
  signal: AbortSignal;
  /** The lease's expiry as currently known (renewals move it). */
  expiresAt(): bigint;
  /** Declares the agent's state in its cell (best effort; failures go to `onEvent`). */
  declare(state: string): Promise<void>;
};

/** Parameters of {@link Agent.withLease}. */
export type WithLeaseParameters = AgentAcquireParameters & {
  /** Renew when at most this many seconds of the lease are left (default: a third of `duration`). */
  renewMarginSeconds?: BigIntish | undefined;
  /** Stop the work when at most this many seconds are left and no renewal is possible (default 2). */
  stopMarginSeconds?: BigIntish | undefined;
  /** States declared in the agent's cell as the work moves (needs `cellId`); `false` declares none. */
  announce?: { queued?: string; working?: string; done?: string } | false | undefined;
};

/** An agent (see {@link createAgent}). */
export type Agent = {
  readonly name: string;
  readonly address: Address;
  /** Acquire-or-queue with a deadline; returns the lease and its fencing token. */
  acquire(parameters: AgentAcquireParameters): Promise<AgentLease>;
  /** Renews a held lease; refusals (`LeaseRenewContended`, `LeaseNotHolder`) are thrown typed. */
  renew(parameters: { resourceId: BigIntish; duration: BigIntish }): Promise<bigint>;
  /** Releases a lease; `false` when it had already ended (expired or revoked). */
  release(parameters: { resourceId: BigIntish }): Promise<boolean>;
  /**
   * Acquires (or queues) with a deadline, runs `work` with the fencing token while keeping the lease alive,
   * and releases it when the work ends, whatever the outcome.
   */
  withLease<result>(
    parameters: WithLeaseParameters,
    work: (lease: LeaseWork) => Promise<result>,
  ): Promise<result>;
  /** Declares the agent's state in its cell (retried when safe). */
  declareState(state: string): Promise<void>;
  /** Signals an intended action at chain time `at` in its cell (retried when safe). */
  signalIntent(intent: string, at: bigint): Promise<void>;
  /** The leases the agent holds now (resource id → lease). */
  held(): ReadonlyMap<bigint, AgentLease>;
  /** Stops the work of every lease, releases them (bounded) and takes no new work. */
  close(): Promise<void>;
  /**
   * Stops everything at once without releasing or leaving a queue: what a killed process leaves behind
   * (its leases end by expiry alone). For fault tests.
   */
  halt(): void;
};

const MAX_DEADLINE_MS = 86_400_000;

/**
 * A local account for agents, with viem's nonce manager: agents of one process can share it, and their
 * concurrent sends get consecutive nonces.
 *
 * @example
 * import { agentAccount } from "@concord-dao/sdk";
 *
 * const account = agentAccount(process.env.AGENT_KEY as `0x${string}`);
 */
export function agentAccount(privateKey: Hex): LocalAccount {
  return privateKeyToAccount(privateKey, { nonceManager });
}

/** What {@link createAgent} returns: the agent. */
export type CreateAgentReturnType = Agent;
/**
 * What {@link createAgent} throws: an `InvalidInputError` when there is no account to send from or `cellId` is
 * not a cell id. (The agent's own methods throw their typed errors: see {@link Agent}.)
 */
export type CreateAgentErrorType = InvalidInputError;

/**
 * Creates an agent bound to a Concord client (and optionally its own account, cell and a shared clock).
 *
 * @example
 * import { createAgent, createChainClock, createFencingTokenGuard } from "@concord-dao/sdk";
 *
 * const clock = createChainClock(concord);
 * const agent = createAgent(concord, { name: "builder-1", cellId: 3n, clock });
 * await agent.withLease({ resourceId: 1n, duration: 120, deadlineMs: 10 * 60_000 }, async ({ fencingToken, signal }) => {
 *   await deploy({ fencingToken, signal }); // the deploy service checks the token (createFencingTokenGuard)
 * });
 * await agent.close();
 */
export function createAgent(client: ConcordClientBase, parameters: CreateAgentParameters = {}): Agent {
  const account = parameters.account ?? client.walletClient?.account;
  if (!account)
    throw new InvalidInputError(
      "account",
      undefined,
      "an agent needs an account (or a wallet client with one)",
    );
  const address = typeof account === "string" ? account : account.address;
  const name = parameters.name ?? address;
  const cellId = parameters.cellId === undefined ? undefined : toCellId(parameters.cellId);
  const clock = parameters.clock ?? createChainClock(client);
  const policy = parameters.retry;
  const closeTimeoutMs = parameters.closeTimeoutMs ?? 30_000;
  const emit = (event: AgentEvent) => parameters.onEvent?.(event);
  const leasesAddress = () => leasesDeployment(client).address;

  const held = new Map<bigint, AgentLease>();
  const running = new Map<
    bigint,
    { stop: (reason: LeaseInterruptedError) => void; done: Promise<unknown> }
  >();
  const life = new AbortController();
  let halted = false;

  const checkOpen = () => {
    if (life.signal.aborted) throw new AgentClosedError(name, halted);
  };

  /** One write, retried when safe; gas and refusals reported. */
  const write = async <result extends WriteResult>(
    action: string,
    send: (options: { account: Account | Address; onSubmitted: (hash: Hash) => void }) => Promise<result>,
    contention: (errorName: string) => boolean = () => false,
  ): Promise<result> => {
    try {
      const result = await retrying(
        {
          client,
          account,
          action,
          policy,
          signal: life.signal,
          onRetry: (kind) => emit({ type: "retried", agent: name, action, kind }),
        },
        ({ onSubmitted }) => send({ account, onSubmitted }),
      );
      emit({
        type: "tx",
        agent: name,
        action,
        hash: result.hash,
        gasUsed: result.receipt.gasUsed,
        blockNumber: result.receipt.blockNumber,
      });
      return result;
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal) {
        const errorName = String(refusal.errorName);
        emit({ type: "refused", agent: name, action, errorName, contention: contention(errorName) });
      } else if (error instanceof TransactionRevertedError) {
        // Mined and reverted, but the block's end state no longer reproduces why: a race inside the block.
        emit({
          type: "refused",
          agent: name,
          action,
          errorName: "Reverted",
          contention: contention("Reverted"),
        });
      }
      throw error;
    }
  };

  const readState = async (id: bigint) => {
    const leases = leasesAddress();
    return retrying({ client, action: "read", policy, signal: life.signal }, () =>
      readBatch(
        client,
        [
          { address: leases, abi: resourceLeasesAbi, functionName: "getResource", args: [id] },
          { address: leases, abi: resourceLeasesAbi, functionName: "placeOf", args: [id, address] },
          { address: leases, abi: resourceLeasesAbi, functionName: "reservationsOf", args: [id, 0n, 1n] },
        ] as const,
        { contract: "ResourceLeases", functionName: "getResource" },
      ),
    );
  };

  const announce = async (what: "state" | "intent", text: string, at?: bigint) => {
    if (cellId === undefined || halted) return;
    try {
      if (what === "state") {
        await write("declareState", (options) => declareState(client, { ...options, cellId, state: text }));
      } else {
        await write("signalIntent", (options) =>
          signalIntent(client, { ...options, cellId, intent: text, at: at ?? 0n }),
        );
      }
    } catch (error) {
      emit({ type: "announceFailed", agent: name, what, error });
    }
  };

  async function acquireLease(
    p: AgentAcquireParameters,
    onQueued?: (windowStart: bigint) => Promise<void>,
  ): Promise<AgentLease> {
    checkOpen();
    const id = toResourceId(p.resourceId);
    const seconds = toDuration(p.duration);
    const deadlineMs = p.deadlineMs ?? 900_000;
    if (!Number.isInteger(deadlineMs) || deadlineMs < 1 || deadlineMs > MAX_DEADLINE_MS) {
      throw new InvalidInputError("deadlineMs", deadlineMs, `expected an integer in 1..${MAX_DEADLINE_MS}`);
    }
    const maxPollMs = p.maxPollMs ?? 2_000;
    if (!Number.isInteger(maxPollMs) || maxPollMs < 10 || maxPollMs > 60_000) {
      throw new InvalidInputError("maxPollMs", maxPollMs, "expected an integer in 10..60000");
    }
    const started = Date.now();
    const deadline = started + deadlineMs;
    const signal = p.signal ? AbortSignal.any([p.signal, life.signal]) : life.signal;
    let joined = false;
    let lastHolder: Address | null = null;
    let lastExpiry: bigint | null = null;
    let lastBlock: bigint | undefined;

    const leave = async (): Promise<boolean> => {
      if (!joined || halted) return false;
      try {
        await write("leaveQueue", (options) => leaveLeaseQueue(client, { ...options, resourceId: id }));
        return true;
      } catch {
        return false; // its turn passed or it was served meanwhile: nothing to give up
      }
    };
    const stop = async (reason: "timeout" | "abort", cause?: unknown): Promise<never> => {
      const leftQueue = await leave();
      const state = { resourceId: id, leftQueue, holder: lastHolder, expiresAt: lastExpiry };
      if (reason === "abort") throw new LeaseWaitAbortedError({ ...state, reason: cause });
      throw new LeaseWaitTimeoutError({ ...state, timeoutMs: deadlineMs, cause });
    };
    const granted = (fencingToken: bigint, expiresAt: bigint, recovered: boolean): AgentLease => {
      const lease = {
        resourceId: id,
        fencingToken,
        expiresAt,
        waitedMs: Date.now() - started,
        queued: joined,
        recovered,
      };
      held.set(id, lease);
      emit({ type: "acquired", agent: name, ...lease });
      return lease;
    };

    // Bounded by the deadline: each round waits for a new block (at most `maxPollMs`).
    for (;;) {
      if (signal.aborted) await stop("abort", signal.reason);
      const left = deadline - Date.now();
      if (left <= 0) await stop("timeout");
      try {
        // The first round reads at once; the next ones wait for a new block (at most `maxPollMs`).
        const head =
          lastBlock === undefined
            ? await clock.head()
            : await clock.next({ after: lastBlock, maxWaitMs: Math.min(maxPollMs, left), signal });
        lastBlock = head.number;
      } catch (reason) {
        if (signal.aborted) await stop("abort", reason);
        throw reason;
      }
      const [raw, [queued], [page]] = await readState(id);
      const info = toResourceInfo(raw);
      if (joined && !queued && !(info.holder && isAddressEqual(info.holder, address))) {
        joined = false; // its window passed before it claimed: it queues again below if it must
        emit({ type: "turnPassed", agent: name, resourceId: id });
      }
      const head = await clock.head();
      lastHolder = info.holder;
      lastExpiry = info.holder ? info.expiresAt : null;
      if (info.holder && isAddressEqual(info.holder, address)) {
        // Ours already (an acquire whose answer was lost, or a second call): recover it.
        return granted(info.fencingToken, info.expiresAt, true);
      }
      const booking = toReservations(page)[0];
      const active =
        booking && booking.start <= head.timestamp && head.timestamp < booking.end ? booking : undefined;
      const myBooking = active !== undefined && isAddressEqual(active.booker, address);
      const otherClaims = info.claimant !== null && !isAddressEqual(info.claimant, address);

      if (!info.holder && (myBooking || (!otherClaims && active === undefined))) {
        try {
          const result = await write(
            "acquire",
            (options) => sendAcquireLease(client, { ...options, resourceId: id, duration: seconds, cellId }),
            (errorName) => NOT_YET.has(errorName),
          );
          return granted(result.fencingToken, result.expiresAt, false);
        } catch (error) {
          if (NOT_YET.has(refusalName(error))) continue;
          await leave();
          throw error;
        }
      }
      if ((info.holder || otherClaims) && !queued) {
        try {
          const place = await write(
            "enqueue",
            (options) => enqueueForLease(client, { ...options, resourceId: id, cellId }),
            (errorName) => NOT_YET.has(errorName) || WAIT_AND_RETRY.has(errorName),
          );
          joined = true;
          emit({
            type: "queued",
            agent: name,
            resourceId: id,
            position: place.position,
            windowStart: place.windowStart,
          });
          await onQueued?.(place.windowStart);
        } catch (error) {
          const errorName = refusalName(error);
          if (errorName === "QueueAlreadyQueued") joined = true;
          else if (!NOT_YET.has(errorName) && !WAIT_AND_RETRY.has(errorName)) {
            await leave();
            throw error;
          }
        }
      } else if (queued) {
        joined = true;
      }
    }
  }

  const releaseLease = async (id: bigint): Promise<boolean> => {
    const lease = held.get(id);
    held.delete(id);
    try {
      await write("release", (options) => sendReleaseLease(client, { ...options, resourceId: id }));
      emit({
        type: "released",
        agent: name,
        resourceId: id,
        fencingToken: lease?.fencingToken ?? 0n,
        alreadyEnded: false,
      });
      return true;
    } catch (error) {
      if (refusalOf(error)?.errorName === "LeaseNotHolder") {
        emit({
          type: "released",
          agent: name,
          resourceId: id,
          fencingToken: lease?.fencingToken ?? 0n,
          alreadyEnded: true,
        });
        return false;
      }
      throw error;
    }
  };

  const agent: Agent = {
    name,
    address,
    acquire: (p) => acquireLease(p),
    async renew({ resourceId, duration }) {
      checkOpen();
      const id = toResourceId(resourceId);
      const result = await write(
        "renew",
        (options) => renewLease(client, { ...options, resourceId: id, duration }),
        (errorName) => errorName === "LeaseRenewContended",
      );
      const lease = held.get(id);
      if (lease) held.set(id, { ...lease, expiresAt: result.expiresAt });
      return result.expiresAt;
    },
    release: ({ resourceId }) => releaseLease(toResourceId(resourceId)),

    async withLease(p, work) {
      const announced = p.announce === false ? undefined : (p.announce ?? {});
      const id = toResourceId(p.resourceId);
      const seconds = toDuration(p.duration);
      const renewMargin =
        p.renewMarginSeconds === undefined
          ? (seconds + 2n) / 3n
          : toDuration(p.renewMarginSeconds, "renewMarginSeconds");
      const stopMargin = p.stopMarginSeconds === undefined ? 2n : BigInt(p.stopMarginSeconds);
      const lease = await acquireLease(p, async (windowStart) => {
        if (announced?.queued) await announce("intent", announced.queued, windowStart);
      });
      const controller = new AbortController();
      let announcing: Promise<void> | undefined;
      let expiresAt = lease.expiresAt;
      let interruption: LeaseInterruptedError | undefined;
      const interrupt = (reason: LeaseInterruptedError["reason"], cause?: unknown) => {
        if (interruption) return;
        interruption = new LeaseInterruptedError({
          resourceId: id,
          fencingToken: lease.fencingToken,
          reason,
          expiresAt,
          cause,
        });
        emit({ type: "interrupted", agent: name, resourceId: id, fencingToken: lease.fencingToken, reason });
        controller.abort(interruption);
      };
      let finished!: () => void;
      const done = new Promise<void>((resolve) => (finished = resolve));
      running.set(id, { stop: (reason) => interrupt(reason.reason, reason), done });
      const onCallerAbort = () => interrupt("closed", p.signal?.reason);
      p.signal?.addEventListener("abort", onCallerAbort, { once: true });

      // Keep-alive: bounded by the lease (it ends or is renewed before each round ends).
      const keepAlive = (async () => {
        let canRenew = true;
        let block: bigint | undefined;
        while (!controller.signal.aborted) {
          try {
            block = (await clock.next({ after: block, maxWaitMs: 1_000, signal: controller.signal })).number;
          } catch {
            return; // the work was stopped
          }
          const left = expiresAt - (await clock.now(1));
          if (canRenew && left <= renewMargin) {
            try {
              expiresAt = await agent.renew({ resourceId: id, duration: seconds });
              emit({ type: "renewed", agent: name, resourceId: id, expiresAt });
              continue;
            } catch (error) {
              const refusal = refusalOf(error);
              if (refusal?.errorName === "LeaseRenewContended") {
                emit({
                  type: "renewRefused",
                  agent: name,
                  resourceId: id,
                  queueLength: BigInt(refusal.namedArgs.queueLength as bigint),
                });
                return interrupt("contended", refusal);
              }
              if (refusal) return interrupt("lost", refusal); // LeaseNotHolder: expired or revoked
              if (life.signal.aborted) return interrupt("closed", error);
              canRenew = false; // retries exhausted: stop before the lease ends
            }
          }
          if (expiresAt - (await clock.now(1)) <= stopMargin) return interrupt("expiring");
        }
      })();

      try {
        // The declaration goes out beside the work (the nonce manager orders it), not before it.
        announcing = announced?.working ? announce("state", announced.working) : undefined;
        const result = await work({
          resourceId: id,
          fencingToken: lease.fencingToken,
          signal: controller.signal,
          expiresAt: () => expiresAt,
          declare: (state) => announce("state", state),
        });
        if (interruption) throw interruption;
        return result;
      } catch (error) {
        throw interruption ?? error;
      } finally {
        p.signal?.removeEventListener("abort", onCallerAbort);
        running.delete(id);
        if (!controller.signal.aborted) controller.abort(new AgentClosedError(name, false));
        await keepAlive;
        await announcing;
        try {
          if (!halted) {
            await releaseLease(id);
            if (announced?.done) await announce("state", announced.done);
          }
        } finally {
          finished();
        }
      }
    },

    declareState: async (state) => {
      checkOpen();
      if (cellId === undefined)
        throw new InvalidInputError("cellId", undefined, "the agent was created without a cell");
      await write("declareState", (options) => declareState(client, { ...options, cellId, state }));
    },
    signalIntent: async (intent, at) => {
      checkOpen();
      if (cellId === undefined)
        throw new InvalidInputError("cellId", undefined, "the agent was created without a cell");
      await write("signalIntent", (options) => signalIntent(client, { ...options, cellId, intent, at }));
    },
    held: () => held,

    async close() {
      if (life.signal.aborted) return;
      const stopping = [...running].map(([id, { stop, done }]) => {
        const lease = held.get(id);
        stop(
          new LeaseInterruptedError({
            resourceId: id,
            fencingToken: lease?.fencingToken ?? 0n,
            reason: "closed",
            expiresAt: lease?.expiresAt ?? 0n,
          }),
        );
        return done;
      });
      // Leases taken with `acquire` (not `withLease`) are released here; `withLease` releases its own.
      const plain = [...held.keys()].filter((id) => !running.has(id));
      life.abort(new AgentClosedError(name, false));
      const releasing = plain.map((id) =>
        retrying({ client, account, action: "release", policy }, ({ onSubmitted }) =>
          sendReleaseLease(client, { account, resourceId: id, onSubmitted }),
        ).finally(() => held.delete(id)),
      );
      // Bounded: work that ignores its signal is not waited for longer than `closeTimeoutMs`.
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        Promise.allSettled([...stopping, ...releasing]),
        new Promise((resolve) => (timer = setTimeout(resolve, closeTimeoutMs))),
      ]);
      clearTimeout(timer);
    },
    halt() {
      halted = true;
      for (const [id, { stop }] of running) {
        const lease = held.get(id);
        stop(
          new LeaseInterruptedError({
            resourceId: id,
            fencingToken: lease?.fencingToken ?? 0n,
            reason: "closed",
            expiresAt: lease?.expiresAt ?? 0n,
          }),
        );
      }
      life.abort(new AgentClosedError(name, true));
      held.clear();
    },
  };
  return agent;
}
