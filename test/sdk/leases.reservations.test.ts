import { createPublicClient, custom, encodeFunctionData, toFunctionSelector } from "viem";
import { beforeAll, describe, expect, it } from "vitest";

import {
  Access,
  InvalidInputError,
  createConcordClient,
  resourceLeasesAbi,
  shortAddress,
} from "../../sdk/index.ts";
import { executeWrite } from "../../sdk/internal/write.ts";
import { countingConcordClient, rejection } from "./fixture.ts";
import { MAX, WINDOW, createLeasesChain, leaseSnapshot, refusal, utc } from "./leases.fixture.ts";
import type { LeasesChain, LeasesFixture } from "./leases.fixture.ts";

let chain: LeasesChain;

beforeAll(async () => {
  chain = await createLeasesChain();
});

/** Sends a raw ResourceLeases write through the SDK's pipeline, bypassing the SDK's helpers. */
function direct(
  f: LeasesFixture,
  i: number,
  functionName: "reserve" | "acquire" | "pruneTo",
  args: readonly bigint[],
) {
  return executeWrite(f.as(i), {
    contract: "ResourceLeases",
    address: f.addresses.resourceLeases,
    abi: resourceLeasesAbi,
    functionName,
    args: args as never,
  });
}

describe("reservations", () => {
  it("listReservations reads every page at one block: one request for one page, the head's number for more", async () => {
    const f = await chain.fixture();
    const t = await chain.now();
    for (const [i, start] of [
      [2, 1_000n],
      [3, 3_000n],
      [4, 5_000n],
    ] as const)
      await f.as(i).leases.reserveResource({ resourceId: 1n, start: t + start, duration: 600 });
    const { concord, methods, reset } = await countingConcordClient(chain, f);
    expect((await concord.leases.listReservations({ resourceId: 1n })).map((r) => r.id)).toEqual([
      1n,
      2n,
      3n,
    ]);
    expect(methods).toEqual(["eth_call"]);

    // A page at a time: the first page says there is more; the head's number, then every page at it.
    reset();
    const paged = await concord.leases.listReservations({ resourceId: 1n, pageSize: 1 });
    expect(paged.map((r) => r.id)).toEqual([1n, 2n, 3n]);
    expect(methods).toEqual(["eth_call", "eth_getBlockByNumber", "eth_call", "eth_call", "eth_call"]);

    // A booking cancelled between two pages (the next page would start at it): the pages still read the block
    // they were pinned to, so the list is the one of that block, not a refusal of an unknown fromId.
    reset();
    let calls = 0;
    const { client } = await chain.countingPublicClient();
    const racing = createPublicClient({
      chain: client.chain,
      transport: custom({
        request: async (args: { method: string }) => {
          if (args.method === "eth_call" && ++calls === 3)
            await f.bob.leases.cancelReservation({ resourceId: 1n, reservationId: 1n });
          return client.request(args as never);
        },
      }),
    });
    const raced = await createConcordClient({
      publicClient: racing,
      addresses: f.addresses,
      startBlock: f.startBlock,
    }).leases.listReservations({ resourceId: 1n, pageSize: 1 });
    expect(raced.map((r) => r.id)).toEqual([1n, 2n, 3n]);
    expect((await concord.leases.listReservations({ resourceId: 1n })).map((r) => r.id)).toEqual([2n, 3n]);
  });

  it("reserve books a window; reads list the bookings in time order", async () => {
    const f = await chain.fixture();
    const { names } = chain;
    const t = await chain.now();
    const made = await f.bob.leases.reserveResource({ resourceId: 1n, start: t + 1000n, end: t + 2000n });
    expect(made).toMatchObject({ reservationId: 1n, start: t + 1000n, end: t + 2000n, afterId: 0n });
    expect(made.events.map((e) => e.eventName)).toEqual(["ReservationMade"]);
    // `duration` instead of `end`, and a Date for `start`.
    const second = await f.carol.leases.reserveResource({
      resourceId: 1n,
      start: new Date(Number(t + 3000n) * 1000),
      duration: 600,
    });
    expect(second).toMatchObject({ reservationId: 2n, start: t + 3000n, end: t + 3600n, afterId: 1n });
    // Before the first one: its predecessor is none.
    expect(
      (await f.alice.leases.reserveResource({ resourceId: 1n, start: t + 100n, duration: 50 })).afterId,
    ).toBe(0n);
    expect(await f.readOnly.leases.getReservation({ resourceId: 1n, reservationId: 1n })).toEqual({
      id: 1n,
      booker: names.bob,
      start: t + 1000n,
      end: t + 2000n,
    });
    const resource = await f.readOnly.leases.getResource({ resourceId: 1n });
    expect(resource.reservations.map((r) => r.id)).toEqual([3n, 1n, 2n]);
    expect(resource).toMatchObject({ reservationCount: 3n, activeReservation: null, status: "free" });
    expect(
      (await f.readOnly.leases.getResource({ resourceId: 1n, reservationLimit: 2 })).moreReservations,
    ).toBe(true);
    const page = await f.readOnly.leases.reservationsOf({ resourceId: 1n, max: 2 });
    expect(page.reservations.map((r) => r.id)).toEqual([3n, 1n]);
    expect(page.nextId).toBe(2n);
    expect(
      (await f.readOnly.leases.listReservations({ resourceId: 1n, pageSize: 1 })).map((r) => r.id),
    ).toEqual([3n, 1n, 2n]);
    // Client-side checks.
    for (const bad of [
      { start: t + 10n },
      { start: t + 10n, end: t + 20n, duration: 10 },
      { start: t + 10n, end: t + 10n },
      { start: t + 10n, duration: 0 },
    ]) {
      expect(await rejection(f.bob.leases.reserveResource({ resourceId: 1n, ...bad }))).toBeInstanceOf(
        InvalidInputError,
      );
    }
    expect(await rejection(f.readOnly.leases.reservationsOf({ resourceId: 1n, max: 0 }))).toBeInstanceOf(
      InvalidInputError,
    );
    const missing = await refusal(
      f.readOnly.leases.getReservation({ resourceId: 1n, reservationId: 9n }),
      "ReservationNonexistent",
      { resourceId: 1n, reservationId: 9n },
    );
    expect(missing.shortMessage).toBe("Booking 9 of resource 1 does not exist (never made, or cancelled).");
  });

  it("overlapping bookings are refused with the conflicting one; adjacent windows are fine", async () => {
    const f = await chain.fixture();
    const { names } = chain;
    const t = await chain.now();
    await f.bob.leases.reserveResource({ resourceId: 1n, start: t + 1000n, end: t + 2000n });
    const before = await leaseSnapshot(f.readOnly, 1n, [names.bob, names.carol]);
    for (const [start, end] of [
      [t + 500n, t + 1001n], // ends inside
      [t + 1999n, t + 2500n], // starts inside
      [t + 1200n, t + 1300n], // inside
      [t + 900n, t + 2100n], // around
    ] as const) {
      const conflict = await refusal(
        f.carol.leases.reserveResource({ resourceId: 1n, start, end }),
        "ReservationConflict",
        {
          resourceId: 1n,
          reservationId: 1n,
          conflictStart: t + 1000n,
          conflictEnd: t + 2000n,
        },
      );
      expect(conflict.shortMessage).toBe(
        `The window overlaps booking 1 of resource 1, from ${utc(t + 1000n)} to ${utc(t + 2000n)}.`,
      );
    }
    await refusal(
      f.bob.leases.reserveResource({ resourceId: 1n, start: t + 1500n, duration: 10 }),
      "ReservationConflict",
    );
    expect(await leaseSnapshot(f.readOnly, 1n, [names.bob, names.carol])).toEqual(before);
    // Bookings stay one claim window apart, so that the queue's first waiter gets its turn between them.
    const tooClose = await refusal(
      f.carol.leases.reserveResource({ resourceId: 1n, start: t + 2000n, end: t + 2500n }),
      "ReservationTooClose",
      { resourceId: 1n, reservationId: 1n, otherStart: t + 1000n, otherEnd: t + 2000n, gap: WINDOW },
    );
    expect(tooClose.shortMessage).toBe(
      `Bookings of resource 1 stay 300 seconds (one claim window) apart, so that the queue gets a turn between them; booking 1 runs from ${utc(t + 1000n)} to ${utc(t + 2000n)}.`,
    );
    await refusal(
      f.carol.leases.reserveResource({ resourceId: 1n, start: t + 500n, end: t + 1000n }),
      "ReservationTooClose",
    );
    expect(
      (await f.carol.leases.reserveResource({ resourceId: 1n, start: t + 2300n, end: t + 2500n }))
        .reservationId,
    ).toBe(2n);
    expect(
      (await f.carol.leases.reserveResource({ resourceId: 1n, start: t + 500n, end: t + 700n }))
        .reservationId,
    ).toBe(3n);
  });

  it("refuses windows in the past, too long, or over another account's live lease", async () => {
    const f = await chain.fixture();
    const { names } = chain;
    const t = (await chain.now()) + 100n;
    await chain.mineAt(t);
    const untouched = await leaseSnapshot(f.readOnly, 1n, [names.bob]);
    const past = await refusal(
      f.bob.leases.reserveResource({ resourceId: 1n, start: t - 1n, end: t + 100n }),
      "ReservationInPast",
      {
        resourceId: 1n,
        start: t - 1n,
        nowTime: t,
      },
    );
    expect(past.shortMessage).toBe(
      `A booking of resource 1 cannot start in the past: it starts at ${utc(t - 1n)} and the chain's time is ${utc(t)}.`,
    );
    const long = await refusal(
      f.bob.leases.reserveResource({ resourceId: 1n, start: t + 10n, duration: MAX + 1n }),
      "ReservationInvalidWindow",
      { resourceId: 1n, start: t + 10n, end: t + 11n + MAX, maxDuration: MAX },
    );
    expect(long.shortMessage).toBe(
      `Invalid booking window on resource 1 (${utc(t + 10n)} to ${utc(t + 11n + MAX)}): a booking ends after it starts, lasts at most 3600 seconds and ends before the year 36812.`,
    );
    expect(await leaseSnapshot(f.readOnly, 1n, [names.bob])).toEqual(untouched);
    await chain.nextAt(t + 10n);
    await f.alice.leases.acquireLease({ resourceId: 1n, duration: 600 });
    const before = await leaseSnapshot(f.readOnly, 1n, [names.bob]);
    const overLease = await refusal(
      f.bob.leases.reserveResource({ resourceId: 1n, start: t + 609n, end: t + 700n }),
      "ReservationLeaseConflict",
      { resourceId: 1n, holder: names.alice, expiresAt: t + 610n },
    );
    expect(overLease.shortMessage).toBe(
      `The window overlaps the lease of ${shortAddress(names.alice)} on resource 1, which runs until ${utc(t + 610n)}.`,
    );
    expect(await leaseSnapshot(f.readOnly, 1n, [names.bob])).toEqual(before);
    await f.bob.leases.reserveResource({ resourceId: 1n, start: t + 610n, end: t + 700n }); // right after
    await f.alice.leases.reserveResource({ resourceId: 1n, start: t + 100n, end: t + 200n }); // the holder, within its lease
  });

  it("during a booking only the booker may acquire; its lease ends by the booking's end", async () => {
    const f = await chain.fixture();
    const { names } = chain;
    const t = await chain.now();
    await f.bob.leases.reserveResource({ resourceId: 1n, start: t + 1000n, end: t + 2000n });
    await chain.mineAt(t + 1000n);
    const resource = await f.readOnly.leases.getResource({ resourceId: 1n });
    expect(resource.status).toBe("booked");
    expect(resource.activeReservation).toEqual({
      id: 1n,
      booker: names.bob,
      start: t + 1000n,
      end: t + 2000n,
    });
    const before = await leaseSnapshot(f.readOnly, 1n, [names.alice]);
    const active = await refusal(
      f.alice.leases.acquireLease({ resourceId: 1n, duration: 60 }),
      "ReservationActive",
      {
        resourceId: 1n,
        reservationId: 1n,
        booker: names.bob,
        end: t + 2000n,
      },
    );
    expect(active.shortMessage).toBe(
      `Resource 1 is booked by ${shortAddress(names.bob)} until ${utc(t + 2000n)} (booking 1): only the booker may acquire it until then.`,
    );
    expect(await leaseSnapshot(f.readOnly, 1n, [names.alice])).toEqual(before);
    // The booking holds the resource as a lease would: one may wait for its end.
    await f.alice.leases.enqueueForLease({ resourceId: 1n });
    await chain.nextAt(t + 1500n);
    const lease = await f.bob.leases.acquireLease({ resourceId: 1n, duration: MAX });
    expect(lease.expiresAt).toBe(t + 2000n); // a lease under a booking ends by the booking's end
    await f.bob.leases.releaseLease({ resourceId: 1n });
    await chain.mineAt(t + 2000n);
    await f.alice.leases.acquireLease({ resourceId: 1n, duration: 60 }); // over
  });

  it("no lease runs into another account's booking: acquire and renew are capped at its start", async () => {
    const f = await chain.fixture();
    const t = await chain.now();
    await f.bob.leases.reserveResource({ resourceId: 1n, start: t + 1000n, end: t + 2000n });
    await f.carol.leases.reserveResource({ resourceId: 1n, start: t + 2500n, end: t + 3000n });
    const capped = await f.alice.leases.acquireLease({ resourceId: 1n, duration: MAX });
    expect(capped.expiresAt).toBe(t + 1000n);
    expect((await f.readOnly.leases.leaseOf({ resourceId: 1n })).expiresAt).toBe(t + 1000n);
    await chain.mineAt(t + 900n);
    expect((await f.alice.leases.renewLease({ resourceId: 1n, duration: MAX })).expiresAt).toBe(t + 1000n);
    await chain.mineAt(t + 1000n);
    expect((await f.bob.leases.acquireLease({ resourceId: 1n, duration: MAX })).expiresAt).toBe(t + 2000n); // his own end
  });

  it("the booker or a steward cancels a booking that has not ended", async () => {
    const f = await chain.fixture();
    const { names } = chain;
    const t = await chain.now();
    for (const start of [1000n, 3000n, 5000n]) {
      await f.bob.leases.reserveResource({ resourceId: 1n, start: t + start, duration: 1000 });
    }
    const before = await leaseSnapshot(f.readOnly, 1n, [names.alice]);
    const notBooker = await refusal(
      f.alice.leases.cancelReservation({ resourceId: 1n, reservationId: 1n }),
      "ReservationNotBooker",
      { resourceId: 1n, reservationId: 1n, account: names.alice },
    );
    expect(notBooker.shortMessage).toBe(
      `${shortAddress(names.alice)} neither made booking 1 of resource 1 nor stewards the resource's cell.`,
    );
    expect(await leaseSnapshot(f.readOnly, 1n, [names.alice])).toEqual(before);
    const cancelled = await f.bob.leases.cancelReservation({ resourceId: 1n, reservationId: 2n });
    expect(cancelled.reservationId).toBe(2n);
    expect(cancelled.events.map((e) => e.eventName)).toEqual(["ReservationCancelled"]);
    await f.steward.leases.cancelReservation({ resourceId: 1n, reservationId: 1n });
    await refusal(
      f.bob.leases.cancelReservation({ resourceId: 1n, reservationId: 1n }),
      "ReservationNonexistent",
    );
    expect((await f.readOnly.leases.listReservations({ resourceId: 1n })).map((r) => r.id)).toEqual([3n]);
    // The cancelled windows are free again.
    await f.carol.leases.reserveResource({ resourceId: 1n, start: t + 3000n, duration: 1000 });
    await chain.mineAt(t + 6000n);
    const ended = await refusal(
      f.bob.leases.cancelReservation({ resourceId: 1n, reservationId: 3n }),
      "ReservationEnded",
      { resourceId: 1n, reservationId: 3n, end: t + 6000n },
    );
    expect(ended.shortMessage).toBe(`Booking 3 of resource 1 ended at ${utc(t + 6000n)}.`);
  });

  it("many bookings: the SDK computes the hint, so the contract never asks for one", async () => {
    const f = await chain.fixture();
    const t = await chain.now();
    const count = 24;
    const bookers = [f.alice, f.bob, f.dave, f.steward]; // six live bookings each at most
    for (let i = 0; i < count; i++) {
      const made = await bookers[i % 4]!.leases.reserveResource({
        resourceId: 1n,
        start: t + 1000n * BigInt(i + 1),
        duration: 100,
      });
      expect(made.afterId).toBe(BigInt(i)); // appended after the previous one
    }
    // A gap deep in the list: the plain variant gives up after 16 bookings...
    const start = t + 1000n * 20n + 500n;
    const before = await leaseSnapshot(f.readOnly, 1n, [chain.names.carol]);
    const hint = await refusal(
      direct(f, 3, "reserve", [1n, start, start + 100n]),
      "ReservationHintRequired",
      {
        resourceId: 1n,
        searchedUpTo: 16n,
      },
    );
    expect(hint.shortMessage).toBe(
      "Resource 1 has too many bookings to search for the new one's place (stopped after booking 16): pass the booking that precedes it.",
    );
    expect(await leaseSnapshot(f.readOnly, 1n, [chain.names.carol])).toEqual(before);
    // ...the SDK passes the predecessor (booking 20), verified in O(1).
    const made = await f.carol.leases.reserveResource({ resourceId: 1n, start, duration: 100 });
    expect(made).toMatchObject({ reservationId: BigInt(count + 1), afterId: 20n });
    const tx = await chain.publicClient.getTransaction({ hash: made.hash });
    expect(tx.input.slice(0, 10)).toBe(toFunctionSelector("reserve(uint256,uint64,uint64,uint256)"));
    const listed = await f.readOnly.leases.listReservations({ resourceId: 1n });
    expect(listed.length).toBe(count + 1);
    expect(listed[20]!.id).toBe(25n);
    // A wrong hint is refused as such.
    const wrong = await refusal(
      direct(f, 3, "reserve", [1n, start + 200n, start + 300n, 5n]),
      "ReservationInvalidHint",
      {
        resourceId: 1n,
        afterId: 5n,
      },
    );
    expect(wrong.shortMessage).toBe(
      "The new booking does not go right after booking 5 of resource 1: the bookings changed meanwhile, try again.",
    );
  });

  it("ended bookings ahead of the cursor: reserve finds the ended predecessor, acquire prunes in the same transaction", async () => {
    const f = await chain.fixture();
    const t = await chain.now();
    for (let i = 0n; i < 6n; i++)
      await [f.bob, f.dave][Number(i % 2n)]!.leases.reserveResource({
        resourceId: 1n,
        start: t + 100n + 400n * i,
        duration: 5,
      });
    await f.bob.leases.reserveResource({ resourceId: 1n, start: t + 4000n, duration: 100 }); // 7
    await chain.mineAt(t + 2500n); // bookings 1-6 ended; the cursor still points at booking 1
    // Before booking 7: the predecessor is the last ended booking (6); "0" would be refused.
    await refusal(direct(f, 3, "reserve", [1n, t + 3000n, t + 3100n, 0n]), "ReservationInvalidHint", {
      resourceId: 1n,
      afterId: 0n,
    });
    const made = await f.carol.leases.reserveResource({ resourceId: 1n, start: t + 3000n, duration: 100 });
    expect(made).toMatchObject({ reservationId: 8n, afterId: 6n });
    await f.carol.leases.cancelReservation({ resourceId: 1n, reservationId: 8n });

    // More than 4 ended bookings ahead of the cursor: the contract asks for a prune...
    const before = await leaseSnapshot(f.readOnly, 1n, [chain.names.alice]);
    const prune = await refusal(direct(f, 1, "acquire", [1n, MAX]), "ReservationPruneRequired", {
      resourceId: 1n,
      cursor: 5n,
    });
    expect(prune.shortMessage).toBe(
      "Too many ended bookings of resource 1 lie ahead of its booking cursor (booking 5): prune them first.",
    );
    expect(await leaseSnapshot(f.readOnly, 1n, [chain.names.alice])).toEqual(before);
    // ...and the SDK sends multicall([pruneTo(7), acquire]).
    const lease = await f.alice.leases.acquireLease({ resourceId: 1n, duration: MAX });
    expect(lease).toMatchObject({ pruned: true, expiresAt: t + 4000n, fencingToken: 1n });
    const tx = await chain.publicClient.getTransaction({ hash: lease.hash });
    expect(tx.input.slice(0, 10)).toBe(toFunctionSelector("multicall(bytes[])"));
    expect(tx.input).toContain(
      encodeFunctionData({ abi: resourceLeasesAbi, functionName: "pruneTo", args: [1n, 7n] }).slice(2),
    );
  });

  it("renew prunes too, and with no booking left the cursor is pruned to the end", async () => {
    const f = await chain.fixture();
    const t = (await chain.now()) + 10n;
    await chain.nextAt(t);
    await f.alice.leases.acquireLease({ resourceId: 1n, duration: 3000 });
    // The holder books small windows inside its own lease (a claim window apart); they end during it.
    for (let i = 0n; i < 6n; i++)
      await f.alice.leases.reserveResource({ resourceId: 1n, start: t + 100n + 400n * i, duration: 5 });
    await chain.mineAt(t + 2300n);
    await chain.nextAt(t + 2301n);
    const renewed = await f.alice.leases.renewLease({ resourceId: 1n, duration: 600 });
    expect(renewed.pruned).toBe(true);
    expect(renewed.expiresAt).toBe(t + 2901n);
    const tx = await chain.publicClient.getTransaction({ hash: renewed.hash });
    expect(tx.input).toContain(
      encodeFunctionData({
        abi: resourceLeasesAbi,
        functionName: "prune",
        args: [1n, 2n ** 256n - 1n],
      }).slice(2),
    );
    // Nothing left to prune: a plain renew again.
    expect((await f.alice.leases.renewLease({ resourceId: 1n, duration: 600 })).pruned).toBe(false);
  });

  it("prune and pruneTo through the SDK", async () => {
    const f = await chain.fixture();
    const t = await chain.now();
    for (let i = 0n; i < 6n; i++)
      await [f.bob, f.dave][Number(i % 2n)]!.leases.reserveResource({
        resourceId: 1n,
        start: t + 100n + 400n * i,
        duration: 5,
      });
    await f.bob.leases.reserveResource({ resourceId: 1n, start: t + 4000n, duration: 100 }); // 7
    await f.bob.leases.reserveResource({ resourceId: 1n, start: t + 6000n, duration: 100 }); // 8
    await chain.mineAt(t + 3000n);
    const stepped = await f.mallory.leases.pruneReservations({ resourceId: 1n, maxSteps: 2 });
    expect(stepped.to).toBeNull();
    await refusal(direct(f, 3, "pruneTo", [1n, 8n]), "ReservationInvalidHint", {
      resourceId: 1n,
      afterId: 8n,
    });
    await refusal(direct(f, 3, "pruneTo", [1n, 2n]), "ReservationEnded");
    expect((await f.mallory.leases.pruneReservations({ resourceId: 1n })).to).toBe(7n);
    // Now acquire needs no prune.
    expect((await f.alice.leases.acquireLease({ resourceId: 1n, duration: MAX })).pruned).toBe(false);
  });

  it("reserve under policy 1 names the caller's cell (reserveAs)", async () => {
    const f = await chain.fixture();
    const { resourceId } = await f.steward.leases.registerResource({
      ownerCellId: 1n,
      name: "room",
      maxDuration: MAX,
      access: Access.ANY_MEMBERS,
    });
    await f.registry.write.setRecognised([2n, true]); // the DAO vouches for eve's cell
    const t = await chain.now();
    const made = await f.eve.leases.reserveResource({ resourceId, start: t + 1000n, duration: 60 });
    const tx = await chain.publicClient.getTransaction({ hash: made.hash });
    expect(tx.input.slice(0, 10)).toBe(
      toFunctionSelector("reserveAs(uint256,uint64,uint64,uint256,uint256)"),
    );
    await refusal(
      f.mallory.leases.reserveResource({ resourceId, start: t + 3000n, duration: 60 }),
      "ResourceCellRequired",
    );
  });
});
