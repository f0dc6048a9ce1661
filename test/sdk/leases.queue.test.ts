import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { beforeAll, describe, expect, it } from "vitest";

import {
  Access,
  ConcordError,
  LeaseWaitAbortedError,
  LeaseWaitTimeoutError,
  createConcordClient,
  leaseLimits,
  shortAddress,
} from "../../sdk/index.ts";
import type { AcquireWhenFreeStatus } from "../../sdk/index.ts";
import { rejection } from "./fixture.ts";
import { WINDOW, createLeasesChain, leaseSnapshot, refusal, utc } from "./leases.fixture.ts";
import type { LeasesChain } from "./leases.fixture.ts";

let chain: LeasesChain;

beforeAll(async () => {
  chain = await createLeasesChain();
});

/** Polls `condition` every 10 ms for up to 20 s. */
async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("the queue", () => {
  it("is FIFO: each waiter in turn has the claim window to itself; others are refused with the claimant", async () => {
    const f = await chain.fixture();
    const { names } = chain;
    const t = (await chain.now()) + 10n;
    await chain.nextAt(t);
    await f.alice.leases.acquireLease({ resourceId: 1n, duration: 600 });
    const e = t + 600n;
    const bob = await f.bob.leases.enqueueForLease({ resourceId: 1n });
    expect(bob).toMatchObject({
      place: 0n,
      position: 0,
      windowStart: e,
      windowEnd: e + WINDOW,
      cellId: null,
    });
    expect(bob.events.map((event) => event.eventName)).toEqual(["QueueJoined"]);
    expect((await f.carol.leases.enqueueForLease({ resourceId: 1n })).position).toBe(1);
    expect((await f.dave.leases.enqueueForLease({ resourceId: 1n })).position).toBe(2);

    const held = await f.readOnly.leases.getResource({ resourceId: 1n });
    expect(held.status).toBe("held");
    expect(held.claimant).toBeNull();
    expect(held.queue).toEqual([
      { account: names.bob, place: 0n, position: 0, windowStart: e, windowEnd: e + WINDOW },
      { account: names.carol, place: 1n, position: 1, windowStart: e + WINDOW, windowEnd: e + 2n * WINDOW },
      {
        account: names.dave,
        place: 2n,
        position: 2,
        windowStart: e + 2n * WINDOW,
        windowEnd: e + 3n * WINDOW,
      },
    ]);
    expect(await f.readOnly.leases.queueOf({ resourceId: 1n })).toEqual(held.queue);
    expect(await f.readOnly.leases.placeOf({ resourceId: 1n, account: names.carol })).toEqual({
      position: 1,
      windowStart: e + WINDOW,
      windowEnd: e + 2n * WINDOW,
    });
    expect(await f.readOnly.leases.placeOf({ resourceId: 1n, account: names.alice })).toBeNull();

    // The lease ends by time: bob's turn, nobody else's.
    await chain.mineAt(e);
    const claimable = await f.readOnly.leases.getResource({ resourceId: 1n });
    expect(claimable.status).toBe("claimable");
    expect(claimable.claimant).toEqual({ account: names.bob, windowStart: e, windowEnd: e + WINDOW });
    expect(await f.readOnly.leases.claimantOf({ resourceId: 1n })).toEqual(claimable.claimant);
    const before = await leaseSnapshot(f.readOnly, 1n, [names.alice, names.bob, names.carol, names.steward]);
    const turn = await refusal(
      f.carol.leases.acquireLease({ resourceId: 1n, duration: 60 }),
      "QueueClaimWindow",
      {
        resourceId: 1n,
        claimant: names.bob,
        windowEnd: e + WINDOW,
      },
    );
    expect(turn.shortMessage).toBe(
      `It is ${shortAddress(names.bob)}'s turn on resource 1: only it may claim the resource until ${utc(e + WINDOW)}.`,
    );
    await refusal(f.alice.leases.acquireLease({ resourceId: 1n, duration: 60 }), "QueueClaimWindow"); // the former holder
    await refusal(f.steward.leases.acquireLease({ resourceId: 1n, duration: 60 }), "QueueClaimWindow"); // stewards too
    expect(await leaseSnapshot(f.readOnly, 1n, [names.alice, names.bob, names.carol, names.steward])).toEqual(
      before,
    );

    // bob claims; carol's window counts from bob's lease end.
    await chain.nextAt(e + WINDOW - 1n);
    const claimed = await f.bob.leases.acquireLease({ resourceId: 1n, duration: 600 });
    expect(claimed.fencingToken).toBe(2n);
    expect(claimed.events.map((event) => event.eventName)).toEqual(["QueueAdvanced", "LeaseGranted"]);
    const e2 = e + WINDOW - 1n + 600n;
    expect(await f.readOnly.leases.placeOf({ resourceId: 1n, account: names.carol })).toEqual({
      position: 0,
      windowStart: e2,
      windowEnd: e2 + WINDOW,
    });
    expect(await f.readOnly.leases.placeOf({ resourceId: 1n, account: names.bob })).toBeNull();
    // bob releases early: carol's window opens at once.
    await chain.nextAt(e + 400n);
    await f.bob.leases.releaseLease({ resourceId: 1n });
    expect(await f.readOnly.leases.claimantOf({ resourceId: 1n })).toEqual({
      account: names.carol,
      windowStart: e + 400n,
      windowEnd: e + 400n + WINDOW,
    });
    await f.carol.leases.acquireLease({ resourceId: 1n, duration: 60 });
    await chain.mineAt(e + 461n);
    expect((await f.readOnly.leases.claimantOf({ resourceId: 1n }))?.account).toBe(names.dave);
    await f.dave.leases.acquireLease({ resourceId: 1n, duration: 60 });
    expect(await f.readOnly.leases.queueOf({ resourceId: 1n })).toEqual([]);
    await chain.mineAt(e + 522n);
    expect((await f.alice.leases.acquireLease({ resourceId: 1n, duration: 60 })).fencingToken).toBe(5n); // free for anyone
  });

  it("sleepers are skipped by time alone, with no transaction", async () => {
    const f = await chain.fixture();
    const { names } = chain;
    const t = (await chain.now()) + 10n;
    await chain.nextAt(t);
    await f.alice.leases.acquireLease({ resourceId: 1n, duration: 600 });
    const e = t + 600n;
    for (const waiter of [f.bob, f.carol, f.dave]) await waiter.leases.enqueueForLease({ resourceId: 1n });
    // bob sleeps through [e, e + W): carol's turn comes.
    await chain.mineAt(e + WINDOW);
    expect(await f.readOnly.leases.claimantOf({ resourceId: 1n })).toEqual({
      account: names.carol,
      windowStart: e + WINDOW,
      windowEnd: e + 2n * WINDOW,
    });
    await refusal(f.bob.leases.acquireLease({ resourceId: 1n, duration: 60 }), "QueueClaimWindow", {
      resourceId: 1n,
      claimant: names.carol,
      windowEnd: e + 2n * WINDOW,
    });
    expect(await f.readOnly.leases.placeOf({ resourceId: 1n, account: names.bob })).toBeNull();
    expect((await f.readOnly.leases.getResource({ resourceId: 1n })).queue.map((q) => q.account)).toEqual([
      names.carol,
      names.dave,
    ]);
    // carol sleeps too; dave claims.
    await chain.mineAt(e + 2n * WINDOW + 10n);
    expect((await f.readOnly.leases.claimantOf({ resourceId: 1n }))?.account).toBe(names.dave);
    await f.dave.leases.acquireLease({ resourceId: 1n, duration: 60 });
    expect(await f.readOnly.leases.queueOf({ resourceId: 1n })).toEqual([]);
    // A sleeper may join again, at the back.
    await f.bob.leases.enqueueForLease({ resourceId: 1n });
    expect((await f.readOnly.leases.queueOf({ resourceId: 1n })).map((q) => q.account)).toEqual([names.bob]);
  });

  it("leaving the queue gives the next waiter its time", async () => {
    const f = await chain.fixture();
    const { names } = chain;
    const t = (await chain.now()) + 10n;
    await chain.nextAt(t);
    await f.alice.leases.acquireLease({ resourceId: 1n, duration: 600 });
    const e = t + 600n;
    for (const waiter of [f.bob, f.carol, f.dave]) await waiter.leases.enqueueForLease({ resourceId: 1n });
    const left = await f.carol.leases.leaveLeaseQueue({ resourceId: 1n });
    expect(left.place).toBe(1n);
    expect(left.events.map((event) => event.eventName)).toEqual(["QueueLeft"]);
    expect(await f.readOnly.leases.placeOf({ resourceId: 1n, account: names.dave })).toEqual({
      position: 1,
      windowStart: e + WINDOW,
      windowEnd: e + 3n * WINDOW,
    });
    const before = await leaseSnapshot(f.readOnly, 1n, [names.carol]);
    const notQueued = await refusal(f.carol.leases.leaveLeaseQueue({ resourceId: 1n }), "QueueNotQueued", {
      resourceId: 1n,
      account: names.carol,
    });
    expect(notQueued.shortMessage).toBe(
      `${shortAddress(names.carol)} has no place in the queue of resource 1.`,
    );
    expect(await leaseSnapshot(f.readOnly, 1n, [names.carol])).toEqual(before);
    // The first waiter leaves during its own turn: the next claims at once.
    await chain.mineAt(e + 10n);
    await f.bob.leases.leaveLeaseQueue({ resourceId: 1n });
    expect(await f.readOnly.leases.claimantOf({ resourceId: 1n })).toEqual({
      account: names.dave,
      windowStart: e,
      windowEnd: e + 3n * WINDOW,
    });
    await f.dave.leases.acquireLease({ resourceId: 1n, duration: 60 });
  });

  it("refuses to queue for a free resource, twice, for its holder, and beyond its capacity", async () => {
    const f = await chain.fixture();
    const { names } = chain;
    const free = await refusal(f.bob.leases.enqueueForLease({ resourceId: 1n }), "QueueResourceFree", {
      resourceId: 1n,
    });
    expect(free.shortMessage).toBe(
      "Resource 1 is not held and nobody is claiming it: acquire it instead of waiting.",
    );
    const t = (await chain.now()) + 10n;
    await chain.nextAt(t);
    await f.alice.leases.acquireLease({ resourceId: 1n, duration: 600 });
    const holder = await refusal(f.alice.leases.enqueueForLease({ resourceId: 1n }), "QueueAlreadyHolder", {
      resourceId: 1n,
      account: names.alice,
      expiresAt: t + 600n,
    });
    expect(holder.shortMessage).toBe(
      `${shortAddress(names.alice)} holds resource 1 until ${utc(t + 600n)}; it cannot also wait for it.`,
    );
    await f.bob.leases.enqueueForLease({ resourceId: 1n });
    await f.carol.leases.enqueueForLease({ resourceId: 1n });
    const twice = await refusal(f.carol.leases.enqueueForLease({ resourceId: 1n }), "QueueAlreadyQueued", {
      resourceId: 1n,
      account: names.carol,
      position: 1n,
    });
    expect(twice.shortMessage).toBe(
      `${shortAddress(names.carol)} already waits for resource 1, with 1 waiter ahead of it.`,
    );

    // A resource open to anyone, filled with 32 fresh accounts.
    const { resourceId } = await f.steward.leases.registerResource({
      ownerCellId: 1n,
      name: "popular",
      maxDuration: 600,
      access: Access.ANYONE,
    });
    await f.alice.leases.acquireLease({ resourceId, duration: 600 });
    const waiters = Array.from({ length: leaseLimits.QUEUE_CAPACITY }, () =>
      privateKeyToAccount(generatePrivateKey()),
    );
    for (const account of waiters) {
      await chain.networkHelpers.setBalance(account.address, 10n ** 18n);
      await f.bob.leases.enqueueForLease({ resourceId, account });
    }
    expect((await f.readOnly.leases.getResourceInfo({ resourceId })).queueLength).toBe(32);
    const before = await leaseSnapshot(f.readOnly, resourceId, [names.bob]);
    const full = await refusal(f.bob.leases.enqueueForLease({ resourceId }), "QueueFull", {
      resourceId,
      capacity: 32n,
    });
    expect(full.shortMessage).toBe(
      `The queue of resource ${resourceId} is full (32 places): try again when a turn has passed.`,
    );
    expect(await leaseSnapshot(f.readOnly, resourceId, [names.bob])).toEqual(before);
    // The last waiter leaves: a place frees up at once.
    await f.bob.leases.leaveLeaseQueue({ resourceId, account: waiters[31]! });
    expect((await f.bob.leases.enqueueForLease({ resourceId })).position).toBe(31);
  });
});

describe("acquireWhenFree", () => {
  it("acquires at once when the resource is free", async () => {
    const f = await chain.fixture();
    const statuses: AcquireWhenFreeStatus[] = [];
    const result = await f.bob.leases.acquireWhenFree({
      resourceId: 1n,
      duration: 60,
      timeoutMs: 10_000,
      pollIntervalMs: 10,
      onStatus: (status) => statuses.push(status),
    });
    expect(result).toMatchObject({ holder: chain.names.bob, fencingToken: 1n, queued: false });
    expect(statuses.map((s) => s.state)).toEqual(["acquiring"]);
  });

  it("joins the queue, waits for its turn after a release, claims and returns the token", async () => {
    const f = await chain.fixture();
    const { names } = chain;
    await f.alice.leases.acquireLease({ resourceId: 1n, duration: 3600 });
    const statuses: AcquireWhenFreeStatus[] = [];
    const waiting = f.bob.leases.acquireWhenFree({
      resourceId: 1n,
      duration: 120,
      timeoutMs: 30_000,
      pollIntervalMs: 10,
      onStatus: (status) => statuses.push(status),
    });
    await until(
      async () => (await f.readOnly.leases.placeOf({ resourceId: 1n, account: names.bob })) !== null,
      "bob queued",
    );
    // carol queues behind bob: she must not get it first.
    await f.carol.leases.enqueueForLease({ resourceId: 1n });
    await f.alice.leases.releaseLease({ resourceId: 1n });
    const result = await waiting;
    expect(result).toMatchObject({ holder: names.bob, fencingToken: 2n, queued: true });
    expect(result.waitedMs).toBeGreaterThan(0);
    expect((await f.readOnly.leases.leaseOf({ resourceId: 1n })).holder).toBe(names.bob);
    expect(statuses[0]).toMatchObject({ state: "queued", position: 0, holder: names.alice });
    expect(statuses.at(-1)?.state).toBe("acquiring");
    expect((await f.readOnly.leases.queueOf({ resourceId: 1n })).map((q) => q.account)).toEqual([
      names.carol,
    ]);
  });

  it("through Multicall3, polls with one eth_call that carries its block (no block read of its own)", async () => {
    const f = await chain.fixture();
    const { names } = chain;
    await f.alice.leases.acquireLease({ resourceId: 1n, duration: 3600 });
    const { client, methods } = await chain.countingPublicClient({ multicall3: true });
    const bob = createConcordClient({
      publicClient: client,
      walletClient: chain.walletClients[2]!,
      addresses: f.addresses,
      startBlock: f.startBlock,
    });
    const statuses: AcquireWhenFreeStatus[] = [];
    const waiting = bob.leases.acquireWhenFree({
      resourceId: 1n,
      duration: 120,
      timeoutMs: 30_000,
      pollIntervalMs: 10,
      onStatus: (status) => statuses.push(status),
    });
    await until(async () => statuses.some((status) => status.state === "queued"), "bob queued");
    // Waiting in the queue, no new block: every request is the one batch.
    methods.length = 0;
    await until(async () => methods.length >= 3, "three polls");
    expect(new Set(methods)).toEqual(new Set(["eth_call"]));
    await f.alice.leases.releaseLease({ resourceId: 1n });
    expect(await waiting).toMatchObject({ holder: names.bob, fencingToken: 2n, queued: true });
  });

  it("waits through a sleeper's claim window ahead of it (time alone moves the turn)", async () => {
    const f = await chain.fixture();
    const { names } = chain;
    const t = (await chain.now()) + 10n;
    await chain.nextAt(t);
    await f.alice.leases.acquireLease({ resourceId: 1n, duration: 600 });
    await f.carol.leases.enqueueForLease({ resourceId: 1n }); // carol will sleep
    const waiting = f.bob.leases.acquireWhenFree({
      resourceId: 1n,
      duration: 60,
      timeoutMs: 30_000,
      pollIntervalMs: 10,
    });
    await until(
      async () => (await f.readOnly.leases.placeOf({ resourceId: 1n, account: names.bob })) !== null,
      "bob queued",
    );
    await chain.mineAt(t + 600n); // the lease ends: carol's turn, bob waits
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await f.readOnly.leases.leaseOf({ resourceId: 1n })).holder).toBeNull();
    await chain.mineAt(t + 600n + WINDOW); // carol slept: bob's turn
    const result = await waiting;
    expect(result).toMatchObject({ holder: names.bob, queued: true, fencingToken: 2n });
  });

  it("times out with a typed error and leaves the queue on the way out", async () => {
    const f = await chain.fixture();
    const { names } = chain;
    const { expiresAt } = await f.alice.leases.acquireLease({ resourceId: 1n, duration: 3600 });
    const started = Date.now();
    const error = await rejection(
      f.bob.leases.acquireWhenFree({ resourceId: 1n, duration: 60, timeoutMs: 1000, pollIntervalMs: 20 }),
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(error).toBeInstanceOf(LeaseWaitTimeoutError);
    expect(error).toBeInstanceOf(ConcordError);
    const timeout = error as LeaseWaitTimeoutError;
    expect(timeout).toMatchObject({
      resourceId: 1n,
      timeoutMs: 1000,
      leftQueue: true,
      holder: names.alice,
      expiresAt,
    });
    expect(timeout.shortMessage).toBe("Resource 1 could not be acquired within 1000 ms.");
    expect(timeout.message).toContain(
      `Last seen held by ${shortAddress(names.alice)} until ${utc(expiresAt)}.`,
    );
    expect(await f.readOnly.leases.placeOf({ resourceId: 1n, account: names.bob })).toBeNull();
    expect(await f.readOnly.leases.queueOf({ resourceId: 1n })).toEqual([]);
  });

  it("is cancelled through an AbortSignal, leaving the queue; an aborted signal sends nothing", async () => {
    const f = await chain.fixture();
    const { names } = chain;
    await f.alice.leases.acquireLease({ resourceId: 1n, duration: 3600 });
    const controller = new AbortController();
    const waiting = rejection(
      f.bob.leases.acquireWhenFree({
        resourceId: 1n,
        duration: 60,
        signal: controller.signal,
        pollIntervalMs: 20,
      }),
    );
    await until(
      async () => (await f.readOnly.leases.placeOf({ resourceId: 1n, account: names.bob })) !== null,
      "bob queued",
    );
    controller.abort(new Error("shutting down"));
    const error = await waiting;
    expect(error).toBeInstanceOf(LeaseWaitAbortedError);
    expect(error).toMatchObject({ resourceId: 1n, leftQueue: true, holder: names.alice });
    expect((error as LeaseWaitAbortedError).shortMessage).toBe("Waiting for resource 1 was cancelled.");
    expect(((error as LeaseWaitAbortedError).cause as Error).message).toBe("shutting down");
    expect(await f.readOnly.leases.placeOf({ resourceId: 1n, account: names.bob })).toBeNull();

    const nonce = await chain.nonceOf(names.carol);
    const aborted = await rejection(
      f.carol.leases.acquireWhenFree({ resourceId: 1n, duration: 60, signal: AbortSignal.abort() }),
    );
    expect(aborted).toMatchObject({ leftQueue: false });
    expect(aborted).toBeInstanceOf(LeaseWaitAbortedError);
    expect(await chain.nonceOf(names.carol)).toBe(nonce);
  });

  it("throws the refusals that waiting does not cure", async () => {
    const f = await chain.fixture();
    const { names } = chain;
    await refusal(
      f.mallory.leases.acquireWhenFree({ resourceId: 1n, duration: 60, timeoutMs: 5000 }),
      "ResourceAccessDenied",
    );
    await f.alice.leases.acquireLease({ resourceId: 1n, duration: 600 });
    await refusal(
      f.eve.leases.acquireWhenFree({ resourceId: 1n, duration: 60, timeoutMs: 5000, pollIntervalMs: 10 }),
      "ResourceAccessDenied",
    );
    // The holder itself.
    await refusal(
      f.alice.leases.acquireWhenFree({ resourceId: 1n, duration: 60, timeoutMs: 5000, pollIntervalMs: 10 }),
      "QueueAlreadyHolder",
    );
    expect(await f.readOnly.leases.queueOf({ resourceId: 1n })).toEqual([]);
    expect(await chain.nonceOf(names.eve)).toBe(0);
  });
});
