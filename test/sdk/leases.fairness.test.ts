import { beforeAll, describe, expect, it } from "vitest";

import { InvalidInputError, leaseLimits, shortAddress } from "../../sdk/index.ts";
import { rejection } from "./fixture.ts";
import { MAX, createLeasesChain, refusal, utc } from "./leases.fixture.ts";
import type { LeasesChain } from "./leases.fixture.ts";

let chain: LeasesChain;

beforeAll(async () => {
  chain = await createLeasesChain();
});

describe("fairness under abuse (issue 11)", () => {
  it("stewards set booking limits and the cool-down; reads give them back; bad values are refused", async () => {
    const f = await chain.fixture();
    const { resourceId } = await f.steward.leases.registerResource({
      ownerCellId: 1n,
      name: "room",
      maxDuration: MAX,
    });
    expect(await f.readOnly.leases.limitsOf({ resourceId })).toEqual({
      maxBookings: leaseLimits.DEFAULT_MAX_BOOKINGS,
      maxLeadTime: BigInt(leaseLimits.DEFAULT_LEAD_TIME),
      cooldown: BigInt(leaseLimits.DEFAULT_COOLDOWN),
    });
    const set = await f.steward.leases.setResourceLimits({ resourceId, maxBookings: 1, cooldown: 7200 });
    expect(set).toMatchObject({ maxBookings: 1, maxLeadTime: 2_592_000n, cooldown: 7200n });
    expect(set.events.map((e) => e.eventName)).toEqual(["ResourceLimitsSet"]);
    expect(
      await rejection(f.steward.leases.setResourceLimits({ resourceId, maxBookings: 7 })),
    ).toBeInstanceOf(InvalidInputError);
    expect(
      await rejection(f.steward.leases.setResourceLimits({ resourceId, cooldown: 8 * 86_400 })),
    ).toBeInstanceOf(InvalidInputError);
    await refusal(f.alice.leases.setResourceLimits({ resourceId, maxBookings: 2 }), "ResourceNotSteward");
  });

  it("a second live booking over the limit, too far ahead, or too close is refused with a sentence", async () => {
    const f = await chain.fixture();
    const { names } = chain;
    await f.steward.leases.setResourceLimits({ resourceId: 1n, maxBookings: 1, maxLeadTime: 86_400 });
    const t = await chain.now();
    await f.bob.leases.reserveResource({ resourceId: 1n, start: t + 1000n, duration: 600 });
    const limit = await refusal(
      f.bob.leases.reserveResource({ resourceId: 1n, start: t + 5000n, duration: 60 }),
      "ReservationLimit",
      {
        resourceId: 1n,
        account: names.bob,
        live: 1n,
        limit: 1n,
      },
    );
    expect(limit.shortMessage).toBe(
      `${shortAddress(names.bob)} already holds 1 booking of resource 1 that has not ended; the limit is 1.`,
    );
    const far = await refusal(
      f.carol.leases.reserveResource({ resourceId: 1n, start: t + 2n * 86_400n, duration: 60 }),
      "ReservationTooFarAhead",
    );
    expect(far.shortMessage).toContain("may start at the latest at");
    expect((await f.readOnly.leases.standingOf({ resourceId: 1n, account: names.bob })).liveBookings).toBe(1);
  });

  it("after a revoke the holder cools down: its acquire is refused with the time, others may use its booking", async () => {
    const f = await chain.fixture();
    const { names } = chain;
    await f.steward.leases.setResourceLimits({ resourceId: 1n, cooldown: 3600 });
    await f.bob.leases.acquireLease({ resourceId: 1n, duration: 600 });
    const revoked = await f.steward.leases.revokeLease({ resourceId: 1n });
    const block = await chain.publicClient.getBlock({ blockHash: revoked.receipt.blockHash });
    const until = block.timestamp + 3600n;
    const standing = await f.readOnly.leases.standingOf({ resourceId: 1n, account: names.bob });
    expect(standing.revokedUntil).toBe(until);
    const cooling = await refusal(
      f.bob.leases.acquireLease({ resourceId: 1n, duration: 60 }),
      "LeaseCoolingDown",
      {
        resourceId: 1n,
        account: names.bob,
        until,
      },
    );
    expect(cooling.shortMessage).toBe(
      `A steward revoked the lease of ${shortAddress(names.bob)} on resource 1: it cannot take the resource again (directly, from the queue or through a booking) until ${utc(until)}.`,
    );
    expect((await f.alice.leases.acquireLease({ resourceId: 1n, duration: 60 })).holder).toBe(names.alice);
  });

  it("policy 1: the SDK picks the caller's vouched cell; a cell made a moment ago is refused", async () => {
    const f = await chain.fixture();
    const { names } = chain;
    const { resourceId } = await f.steward.leases.registerResource({
      ownerCellId: 1n,
      name: "gpu",
      maxDuration: MAX,
      access: 1,
    });
    const { cellId } = await f.mallory.cells.createCell({ name: "mine" });
    const denied = await refusal(
      f.mallory.leases.acquireLease({ resourceId, duration: 60 }),
      "ResourceCellNotVouched",
      {
        resourceId,
        cellId,
        ownerCellId: 1n,
      },
    );
    expect(denied.shortMessage).toContain("act for a cell the DAO vouches for");
    // dave is in cells 1 and 3 (inside 1): the owner cell is picked.
    await f.steward.cells.addMember({ cellId: 3n, account: names.dave });
    expect((await f.dave.leases.acquireLease({ resourceId, duration: 60 })).cellId).toBe(1n);
  });
});
