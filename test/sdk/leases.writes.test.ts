import { encodeErrorResult, getAddress, toFunctionSelector, zeroAddress } from "viem";
import { beforeAll, describe, expect, it } from "vitest";

import {
  Access,
  ContractRefusalError,
  InvalidInputError,
  NoDeploymentError,
  WalletRequiredError,
  acquireLease,
  createConcordBaseClient,
  createConcordClient,
  createFencingTokenGuard,
  decodeConcordError,
  deployments,
  getResource,
  leaseErrorMessages,
  resourceLeasesAbi,
  shortAddress,
} from "../../sdk/index.ts";
import { concordErrorMessages } from "../../sdk/internal/catalog.ts";
import { executeWrite } from "../../sdk/internal/write.ts";
import { rejection } from "./fixture.ts";
import { MAX, WINDOW, createLeasesChain, leaseSnapshot, refusal, utc } from "./leases.fixture.ts";
import type { LeasesChain } from "./leases.fixture.ts";

let chain: LeasesChain;

beforeAll(async () => {
  chain = await createLeasesChain();
});

describe("registering resources", () => {
  it("a steward registers a resource; getResource and listResources read it back", async () => {
    const f = await chain.fixture();
    const { names } = chain;
    const registered = await f.steward.leases.registerResource({
      ownerCellId: 1n,
      name: "staging environment",
      maxDuration: 7200,
      access: "anyone",
      claimWindow: 60,
    });
    expect(registered.resourceId).toBe(2n);
    expect(registered.ownerCellId).toBe(1n);
    expect(registered.events.map((e) => e.eventName)).toEqual(["ResourceRegistered"]);
    expect(await f.readOnly.leases.resourceCount()).toBe(2n);

    const resource = await f.readOnly.leases.getResource({ resourceId: 2n });
    expect(resource).toMatchObject({
      id: 2n,
      name: "staging environment",
      ownerCellId: 1n,
      access: Access.ANYONE,
      accessName: "anyone",
      maxDuration: 7200n,
      claimWindow: 60n,
      registeredBy: names.steward,
      registeredBlock: registered.receipt.blockNumber,
      status: "free",
      lease: null,
      latestFencingToken: 0n,
      freeSince: 0n,
      claimant: null,
      queue: [],
      activeReservation: null,
      reservations: [],
      moreReservations: false,
      reservationCount: 0n,
    });
    expect(resource.readAt).toBe(await chain.now());

    // A steward of a parent cell registers for the child; another cell's steward for its own cell.
    await f.steward.leases.registerResource({ ownerCellId: 3n, name: "child room", maxDuration: 60 });
    await f.stewardB.leases.registerResource({ ownerCellId: 2n, name: "other printer", maxDuration: 60 });
    const { items: ops, next } = await f.readOnly.leases.listResources({ ownerCellId: 1n });
    expect(next).toBeNull();
    expect(ops.map((r) => [r.id, r.name, r.accessName])).toEqual([
      [1n, "printer", "owner-members"],
      [2n, "staging environment", "anyone"],
    ]);
    expect(ops[0]).toMatchObject({ maxDuration: MAX, claimWindow: WINDOW, holder: null, expiresAt: null });
    expect((await f.readOnly.leases.listResources({ ownerCellId: 3n })).items.map((r) => r.name)).toEqual([
      "child room",
    ]);
    expect((await f.readOnly.leases.listResources()).items.map((r) => r.id)).toEqual([1n, 2n, 3n, 4n]);
    // Defaults: policy 0 and a 5-minute claim window.
    expect(await f.readOnly.leases.getResourceInfo({ resourceId: 3n })).toMatchObject({
      access: 0,
      claimWindow: 300n,
      maxDuration: 60n,
    });
  });

  it("registration refusals: not a steward, invalid policy, empty name", async () => {
    const f = await chain.fixture();
    const { names } = chain;
    const before = await leaseSnapshot(f.readOnly, 1n, [names.alice, names.stewardB]);
    const notSteward = await refusal(
      f.alice.leases.registerResource({ ownerCellId: 1n, name: "x", maxDuration: 60 }),
      "ResourceNotSteward",
      { resourceId: 0n, ownerCellId: 1n, account: names.alice },
    );
    expect(notSteward.shortMessage).toBe(
      `${shortAddress(names.alice)} is not a steward of cell 1 (nor of any cell above it), so it cannot register resources for it.`,
    );
    expect(notSteward.contract).toBe("ResourceLeases");
    expect(notSteward.functionName).toBe("registerResource");
    await refusal(
      f.stewardB.leases.registerResource({ ownerCellId: 1n, name: "x", maxDuration: 60 }),
      "ResourceNotSteward",
    );
    await refusal(
      f.steward.leases.registerResource({ ownerCellId: 99n, name: "x", maxDuration: 60 }),
      "ResourceNotSteward",
      { resourceId: 0n, ownerCellId: 99n, account: names.steward },
    );

    // The SDK refuses malformed policies before sending; the contract refuses them too.
    for (const bad of [
      { access: 3 },
      { access: "nobody" as "anyone" },
      { maxDuration: 0 },
      { maxDuration: 2n ** 32n },
      { claimWindow: 0 },
    ]) {
      const error = await rejection(
        f.steward.leases.registerResource({ ownerCellId: 1n, name: "x", maxDuration: 60, ...bad }),
      );
      expect(
        error,
        JSON.stringify(bad, (_, v) => (typeof v === "bigint" ? `${v}` : v)),
      ).toBeInstanceOf(InvalidInputError);
    }
    expect(
      await rejection(f.steward.leases.registerResource({ ownerCellId: 1n, name: "  ", maxDuration: 60 })),
    ).toBeInstanceOf(InvalidInputError);
    const direct = (args: readonly [bigint, string, bigint, number, bigint]) =>
      executeWrite(f.steward, {
        contract: "ResourceLeases",
        address: f.addresses.resourceLeases,
        abi: resourceLeasesAbi,
        functionName: "registerResource",
        args,
      });
    expect((await refusal(direct([1n, "", 60n, 0, 60n]), "ResourceEmptyName")).shortMessage).toBe(
      "A resource needs a non-empty name.",
    );
    expect((await refusal(direct([1n, "x", 60n, 3, 60n]), "ResourceInvalidAccess")).shortMessage).toBe(
      "Invalid access policy 3: expected 0 (members of the owner cell), 1 (members of a recognised cell or of a cell inside the owner cell) or 2 (anyone).",
    );
    expect(
      (
        await refusal(direct([1n, "x", 0n, 0, 60n]), "ResourceInvalidMaxDuration", {
          maxDuration: 0n,
          limit: 2n ** 32n - 1n,
        })
      ).shortMessage,
    ).toBe("Invalid maximum duration 0: expected 1 to 4294967295 seconds.");
    expect(
      (await refusal(direct([1n, "x", 60n, 0, 2n ** 32n]), "ResourceInvalidClaimWindow")).shortMessage,
    ).toBe("Invalid claim window 4294967296: expected 1 to 4294967295 seconds.");
    expect(await leaseSnapshot(f.readOnly, 1n, [names.alice, names.stewardB])).toEqual(before);
  });

  it("every ResourceLeases error has a human message in the catalog; raw revert data decodes to it", () => {
    const sample = (type: string): unknown =>
      type === "address"
        ? "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"
        : /^uint(8|16|24|32|40|48)$/.test(type)
          ? 1
          : 1_700_000_000n;
    const errors = resourceLeasesAbi.filter((item) => item.type === "error");
    expect(errors.length).toBeGreaterThan(30);
    for (const error of errors) {
      const format = concordErrorMessages[error.name];
      expect(format, error.name).toBeTypeOf("function");
      const text = format!(Object.fromEntries(error.inputs.map((input) => [input.name, sample(input.type)])));
      expect(text, error.name).not.toMatch(/undefined|NaN|\[object|0x[0-9a-fA-F]{41,}/);
      expect(text, error.name).toMatch(/\.$/);
    }
    for (const name of Object.keys(leaseErrorMessages)) expect(errors.map((e) => e.name)).toContain(name);
    const data = encodeErrorResult({
      abi: resourceLeasesAbi,
      errorName: "ResourceBusy",
      args: [3n, "0x70997970C51812dc3A010C7d01b50e0d17dc79C8", 1_700_000_000n],
    });
    const decoded = decodeConcordError(Object.assign(new Error("execution reverted"), { code: 3, data }));
    expect(decoded).toBeInstanceOf(ContractRefusalError);
    expect(decoded.shortMessage).toBe(
      "Resource 3 is held by 0x7099…79C8 until 2023-11-14 22:13:20 UTC: come back then, or join its queue.",
    );
  });
});

describe("leases", () => {
  it("acquire grants an exclusive lease with a fencing token; another acquire is refused with holder and expiry", async () => {
    const f = await chain.fixture();
    const { names } = chain;
    const t = (await chain.now()) + 10n;
    await chain.nextAt(t);
    const granted = await f.alice.leases.acquireLease({ resourceId: 1n, duration: 600 });
    expect(granted).toMatchObject({
      resourceId: 1n,
      holder: names.alice,
      fencingToken: 1n,
      expiresAt: t + 600n,
      cellId: null,
      pruned: false,
    });
    expect(granted.events.map((e) => e.eventName)).toEqual(["LeaseGranted"]);
    expect(await f.readOnly.leases.leaseOf({ resourceId: 1n })).toEqual({
      holder: names.alice,
      expiresAt: t + 600n,
      fencingToken: 1n,
    });
    const resource = await f.readOnly.leases.getResource({ resourceId: 1n });
    expect(resource.status).toBe("held");
    expect(resource.lease).toEqual({ holder: names.alice, expiresAt: t + 600n, fencingToken: 1n });
    expect(resource.freeSince).toBeNull();

    const before = await leaseSnapshot(f.readOnly, 1n, [names.alice, names.bob]);
    const busy = await refusal(f.bob.leases.acquireLease({ resourceId: 1n, duration: 60 }), "ResourceBusy", {
      resourceId: 1n,
      holder: names.alice,
      expiresAt: t + 600n,
    });
    expect(busy.shortMessage).toBe(
      `Resource 1 is held by ${shortAddress(names.alice)} until ${utc(t + 600n)}: come back then, or join its queue.`,
    );
    expect(busy.functionName).toBe("acquire");
    // The holder itself cannot take a second lease.
    await refusal(f.alice.leases.acquireLease({ resourceId: 1n, duration: 60 }), "ResourceBusy");
    expect(await leaseSnapshot(f.readOnly, 1n, [names.alice, names.bob])).toEqual(before);
  });

  it("a lease ends by time alone: reads report the resource free and anyone may acquire", async () => {
    const f = await chain.fixture();
    const { names } = chain;
    const t = (await chain.now()) + 10n;
    await chain.nextAt(t);
    await f.alice.leases.acquireLease({ resourceId: 1n, duration: 100 });
    await chain.mineAt(t + 99n);
    expect((await f.readOnly.leases.leaseOf({ resourceId: 1n })).holder).toBe(names.alice);
    await chain.mineAt(t + 100n);
    expect(await f.readOnly.leases.leaseOf({ resourceId: 1n })).toEqual({
      holder: null,
      expiresAt: t + 100n,
      fencingToken: 1n,
    });
    const resource = await f.readOnly.leases.getResource({ resourceId: 1n });
    expect(resource).toMatchObject({
      status: "free",
      lease: null,
      freeSince: t + 100n,
      latestFencingToken: 1n,
    });
    expect(await f.readOnly.leases.isCurrentToken({ resourceId: 1n, token: 1n })).toBe(false);
    const next = await f.bob.leases.acquireLease({ resourceId: 1n, duration: 60 });
    expect(next.fencingToken).toBe(2n);
  });

  it("acquire refuses durations outside 1..maxDuration and unknown resources", async () => {
    const f = await chain.fixture();
    const { names } = chain;
    const before = await leaseSnapshot(f.readOnly, 1n, [names.alice]);
    const tooLong = await refusal(
      f.alice.leases.acquireLease({ resourceId: 1n, duration: MAX + 1n }),
      "LeaseInvalidDuration",
      { resourceId: 1n, duration: MAX + 1n, maxDuration: MAX },
    );
    expect(tooLong.shortMessage).toBe("A lease on resource 1 lasts 1 to 3600 seconds; 3601 were asked for.");
    expect(await rejection(f.alice.leases.acquireLease({ resourceId: 1n, duration: 0 }))).toBeInstanceOf(
      InvalidInputError,
    );
    expect(await rejection(f.alice.leases.acquireLease({ resourceId: 0n, duration: 10 }))).toBeInstanceOf(
      InvalidInputError,
    );
    const missing = await refusal(
      f.alice.leases.acquireLease({ resourceId: 99n, duration: 10 }),
      "ResourceNonexistent",
      {
        resourceId: 99n,
      },
    );
    expect(missing.shortMessage).toBe("Resource 99 does not exist.");
    await refusal(f.readOnly.leases.getResource({ resourceId: 99n }), "ResourceNonexistent");
    await refusal(f.readOnly.leases.getResourceInfo({ resourceId: 99n }), "ResourceNonexistent");
    await refusal(f.steward.leases.revokeLease({ resourceId: 99n }), "ResourceNonexistent");
    await refusal(f.alice.leases.enqueueForLease({ resourceId: 99n }), "ResourceNonexistent");
    await refusal(
      f.alice.leases.reserveResource({ resourceId: 99n, start: (await chain.now()) + 10n, duration: 5 }),
      "ResourceNonexistent",
    );
    await refusal(f.alice.leases.pruneReservations({ resourceId: 99n, maxSteps: 1 }), "ResourceNonexistent");
    expect(await leaseSnapshot(f.readOnly, 1n, [names.alice])).toEqual(before);
  });

  it("renew extends the lease from now and keeps the token; refused while someone waits", async () => {
    const f = await chain.fixture();
    const { names } = chain;
    const t = (await chain.now()) + 10n;
    await chain.nextAt(t);
    const { fencingToken } = await f.alice.leases.acquireLease({ resourceId: 1n, duration: 600 });
    await chain.nextAt(t + 100n);
    const renewed = await f.alice.leases.renewLease({ resourceId: 1n, duration: 900 });
    expect(renewed).toMatchObject({ fencingToken, expiresAt: t + 1000n, pruned: false });
    expect(renewed.events.map((e) => e.eventName)).toEqual(["LeaseRenewed"]);
    expect((await f.readOnly.leases.leaseOf({ resourceId: 1n })).expiresAt).toBe(t + 1000n);

    const notHolder = await refusal(
      f.bob.leases.renewLease({ resourceId: 1n, duration: 60 }),
      "LeaseNotHolder",
      {
        resourceId: 1n,
        account: names.bob,
        holder: names.alice,
      },
    );
    expect(notHolder.shortMessage).toBe(
      `${shortAddress(names.bob)} does not hold resource 1: ${shortAddress(names.alice)} does.`,
    );
    await refusal(f.alice.leases.renewLease({ resourceId: 1n, duration: MAX + 1n }), "LeaseInvalidDuration");
    expect(await rejection(f.alice.leases.renewLease({ resourceId: 1n, duration: 0 }))).toBeInstanceOf(
      InvalidInputError,
    );

    // Somebody waits: the holder cannot keep the resource.
    await f.bob.leases.enqueueForLease({ resourceId: 1n });
    const before = await leaseSnapshot(f.readOnly, 1n, [names.alice, names.bob]);
    const contended = await refusal(
      f.alice.leases.renewLease({ resourceId: 1n, duration: 600 }),
      "LeaseRenewContended",
      { resourceId: 1n, queueLength: 1n },
    );
    expect(contended.shortMessage).toBe(
      "The lease on resource 1 cannot be renewed while 1 account waits for it: release it or let it expire.",
    );
    expect(await leaseSnapshot(f.readOnly, 1n, [names.alice, names.bob])).toEqual(before);
    // After expiry the former holder no longer holds it.
    await chain.mineAt(t + 1000n);
    await refusal(f.alice.leases.renewLease({ resourceId: 1n, duration: 60 }), "LeaseNotHolder", {
      resourceId: 1n,
      account: names.alice,
      holder: zeroAddress,
    });
  });

  it("release ends the lease now; only the holder may release", async () => {
    const f = await chain.fixture();
    const { names } = chain;
    const t = (await chain.now()) + 10n;
    await chain.nextAt(t);
    await f.alice.leases.acquireLease({ resourceId: 1n, duration: 600 });
    const before = await leaseSnapshot(f.readOnly, 1n, [names.alice, names.bob]);
    await refusal(f.bob.leases.releaseLease({ resourceId: 1n }), "LeaseNotHolder", {
      resourceId: 1n,
      account: names.bob,
      holder: names.alice,
    });
    expect(await leaseSnapshot(f.readOnly, 1n, [names.alice, names.bob])).toEqual(before);
    await chain.nextAt(t + 50n);
    const released = await f.alice.leases.releaseLease({ resourceId: 1n });
    expect(released.fencingToken).toBe(1n);
    expect(released.events.map((e) => e.eventName)).toEqual(["LeaseReleased"]);
    expect(await f.readOnly.leases.leaseOf({ resourceId: 1n })).toEqual({
      holder: null,
      expiresAt: t + 50n,
      fencingToken: 1n,
    });
    const again = await refusal(f.alice.leases.releaseLease({ resourceId: 1n }), "LeaseNotHolder", {
      resourceId: 1n,
      account: names.alice,
      holder: zeroAddress,
    });
    expect(again.shortMessage).toBe(
      `${shortAddress(names.alice)} does not hold resource 1: no lease on it is live.`,
    );
    expect((await f.bob.leases.acquireLease({ resourceId: 1n, duration: 60 })).fencingToken).toBe(2n);
  });

  it("revoke: an emergency stop by a steward of the owner cell (or an ancestor), refused to others", async () => {
    const f = await chain.fixture();
    const { names } = chain;
    await f.alice.leases.acquireLease({ resourceId: 1n, duration: 600 });
    const before = await leaseSnapshot(f.readOnly, 1n, [names.alice, names.bob, names.stewardB]);
    const refused = await refusal(f.bob.leases.revokeLease({ resourceId: 1n }), "ResourceNotSteward", {
      resourceId: 1n,
      ownerCellId: 1n,
      account: names.bob,
    });
    expect(refused.shortMessage).toBe(
      `${shortAddress(names.bob)} is not a steward of cell 1, which owns resource 1.`,
    );
    await refusal(f.alice.leases.revokeLease({ resourceId: 1n }), "ResourceNotSteward"); // the holder neither
    await refusal(f.stewardB.leases.revokeLease({ resourceId: 1n }), "ResourceNotSteward");
    expect(await leaseSnapshot(f.readOnly, 1n, [names.alice, names.bob, names.stewardB])).toEqual(before);

    const revoked = await f.steward.leases.revokeLease({ resourceId: 1n });
    expect(revoked).toMatchObject({ holder: names.alice, fencingToken: 1n });
    const event = revoked.events[0];
    expect(event?.eventName === "LeaseRevoked" && event.args.by).toBe(names.steward);
    expect((await f.readOnly.leases.leaseOf({ resourceId: 1n })).holder).toBeNull();
    const inactive = await refusal(f.steward.leases.revokeLease({ resourceId: 1n }), "LeaseNotActive", {
      resourceId: 1n,
    });
    expect(inactive.shortMessage).toBe("Resource 1 has no live lease.");

    // A resource of the child cell 3: the steward of cell 1 (its parent) may revoke.
    const { resourceId } = await f.steward.leases.registerResource({
      ownerCellId: 3n,
      name: "child room",
      maxDuration: 600,
      access: Access.ANYONE,
    });
    await f.mallory.leases.acquireLease({ resourceId, duration: 600 });
    await refusal(f.stewardB.leases.revokeLease({ resourceId }), "ResourceNotSteward", {
      resourceId,
      ownerCellId: 3n,
      account: names.stewardB,
    });
    expect((await f.steward.leases.revokeLease({ resourceId })).holder).toBe(names.mallory);
  });
});

describe("access policies", () => {
  it("policy 0: members of the owner cell only", async () => {
    const f = await chain.fixture();
    const { names } = chain;
    const before = await leaseSnapshot(f.readOnly, 1n, [names.eve, names.mallory]);
    const denied = await refusal(
      f.eve.leases.acquireLease({ resourceId: 1n, duration: 60 }),
      "ResourceAccessDenied",
      {
        resourceId: 1n,
        account: names.eve,
        access: 0,
        cellId: 1n,
      },
    );
    expect(denied.shortMessage).toBe(
      `${shortAddress(names.eve)} is not a member of cell 1, which owns resource 1: only its members may use it.`,
    );
    // A cell named by the caller does not matter under policy 0.
    await refusal(
      f.eve.leases.acquireLease({ resourceId: 1n, duration: 60, cellId: 2n }),
      "ResourceAccessDenied",
      {
        resourceId: 1n,
        account: names.eve,
        access: 0,
        cellId: 1n,
      },
    );
    await refusal(f.mallory.leases.acquireLease({ resourceId: 1n, duration: 60 }), "ResourceAccessDenied");
    expect(await leaseSnapshot(f.readOnly, 1n, [names.eve, names.mallory])).toEqual(before);
    // A steward of the cell is a member too.
    await f.steward.leases.acquireLease({ resourceId: 1n, duration: 60 });
    // Members refused in the queue and in bookings as well.
    await refusal(f.eve.leases.enqueueForLease({ resourceId: 1n }), "ResourceAccessDenied");
    await refusal(
      f.eve.leases.reserveResource({ resourceId: 1n, start: (await chain.now()) + 1000n, duration: 60 }),
      "ResourceAccessDenied",
    );
  });

  it("policy 1: the SDK names the caller's first cell (acquireAs, enqueueAs, reserveAs), or the given one", async () => {
    const f = await chain.fixture();
    const { names } = chain;
    const { resourceId } = await f.steward.leases.registerResource({
      ownerCellId: 1n,
      name: "shared GPU",
      maxDuration: MAX,
      access: Access.ANY_MEMBERS,
    });
    // eve is a member of cell 2 only, found from the registry's events: a top-level cell beside the owner
    // cell's tree, which the DAO vouches for only once governance recognises it.
    const unvouched = await refusal(
      f.eve.leases.acquireLease({ resourceId, duration: 600 }),
      "ResourceCellNotVouched",
      {
        resourceId,
        cellId: 2n,
        ownerCellId: 1n,
      },
    );
    expect(unvouched.shortMessage).toBe(
      `Cell 2 is neither recognised by governance nor inside cell 1, which owns resource ${resourceId}: act for a cell the DAO vouches for.`,
    );
    await f.registry.write.setRecognised([2n, true]);
    const eve = await f.eve.leases.acquireLease({ resourceId, duration: 600 });
    expect(eve).toMatchObject({ holder: names.eve, cellId: 2n, fencingToken: 1n });
    const tx = await chain.publicClient.getTransaction({ hash: eve.hash });
    expect(tx.input.slice(0, 10)).toBe(toFunctionSelector("acquireAs(uint256,uint64,uint256)"));
    // dave leaves cell 1 and joins cell 3: his first cell is now 3.
    await f.steward.cells.addMember({ cellId: 3n, account: names.dave });
    await f.dave.cells.leaveCell({ cellId: 1n });
    const queued = await f.dave.leases.enqueueForLease({ resourceId });
    expect(queued).toMatchObject({ cellId: 3n, place: 0n, position: 0 });
    // An explicit cell is used as given.
    const booking = await f.alice.leases.reserveResource({
      resourceId,
      start: (await chain.now()) + 5000n,
      duration: 60,
      cellId: 1n,
    });
    expect(booking.reservationId).toBe(1n);
    const booked = await f.carol.leases.reserveResource({
      resourceId,
      start: (await chain.now()) + 6000n,
      duration: 60,
    });
    expect(booked.reservationId).toBe(2n);

    // mallory is in no cell: the contract's request for a cell is passed on.
    await chain.mineAt(eve.expiresAt + WINDOW);
    const before = await leaseSnapshot(f.readOnly, resourceId, [names.mallory]);
    const required = await refusal(
      f.mallory.leases.acquireLease({ resourceId, duration: 60 }),
      "ResourceCellRequired",
      {
        resourceId,
      },
    );
    expect(required.shortMessage).toBe(
      `Resource ${resourceId} is open to members of cells the DAO vouches for: name the cell you act for.`,
    );
    const denied = await refusal(
      f.mallory.leases.acquireLease({ resourceId, duration: 60, cellId: 1n }),
      "ResourceAccessDenied",
      { resourceId, account: names.mallory, access: 1, cellId: 1n },
    );
    expect(denied.shortMessage).toBe(
      `${shortAddress(names.mallory)} is not a member of cell 1, the cell it acts for on resource ${resourceId}.`,
    );
    expect(await leaseSnapshot(f.readOnly, resourceId, [names.mallory])).toEqual(before);
    // With an explicit cell of its own, eve acquires again.
    expect((await f.eve.leases.acquireLease({ resourceId, duration: 60, cellId: 2n })).fencingToken).toBe(2n);
  });

  it("policy 2: anyone; setPolicy by stewards only, partial updates keep the rest", async () => {
    const f = await chain.fixture();
    const { names } = chain;
    await refusal(f.mallory.leases.acquireLease({ resourceId: 1n, duration: 60 }), "ResourceAccessDenied");
    const before = await leaseSnapshot(f.readOnly, 1n, [names.alice]);
    await refusal(f.alice.leases.setResourcePolicy({ resourceId: 1n, access: 2 }), "ResourceNotSteward", {
      resourceId: 1n,
      ownerCellId: 1n,
      account: names.alice,
    });
    expect(await leaseSnapshot(f.readOnly, 1n, [names.alice])).toEqual(before);
    const set = await f.steward.leases.setResourcePolicy({ resourceId: 1n, access: "anyone" });
    expect(set).toMatchObject({ access: 2, maxDuration: MAX, claimWindow: WINDOW });
    expect(set.events.map((e) => e.eventName)).toEqual(["ResourcePolicySet"]);
    expect((await f.mallory.leases.acquireLease({ resourceId: 1n, duration: 60 })).holder).toBe(
      names.mallory,
    );
    const partial = await f.steward.leases.setResourcePolicy({ resourceId: 1n, maxDuration: 120 });
    expect(partial).toMatchObject({ access: 2, maxDuration: 120n, claimWindow: WINDOW });
    expect(await f.readOnly.leases.getResourceInfo({ resourceId: 1n })).toMatchObject({
      access: 2,
      maxDuration: 120n,
      claimWindow: WINDOW,
    });
    expect(await rejection(f.steward.leases.setResourcePolicy({ resourceId: 1n, access: 5 }))).toBeInstanceOf(
      InvalidInputError,
    );
    // A new claim window applies while someone waits: the waiter keeps its turn, with the new window.
    await f.alice.leases.enqueueForLease({ resourceId: 1n });
    const shorter = await f.steward.leases.setResourcePolicy({ resourceId: 1n, claimWindow: 10 });
    expect(shorter).toMatchObject({ claimWindow: 10n });
    expect(await f.readOnly.leases.placeOf({ resourceId: 1n, account: names.alice })).not.toBeNull();
    await f.steward.leases.setResourcePolicy({ resourceId: 1n, claimWindow: WINDOW, maxDuration: 60 }); // unchanged window: fine
  });
});

describe("fencing tokens", () => {
  it("strictly increase from grant to grant; renew keeps the token", async () => {
    const f = await chain.fixture();
    const tokens: bigint[] = [];
    tokens.push((await f.alice.leases.acquireLease({ resourceId: 1n, duration: 60 })).fencingToken);
    await f.alice.leases.releaseLease({ resourceId: 1n });
    tokens.push((await f.bob.leases.acquireLease({ resourceId: 1n, duration: 60 })).fencingToken);
    await chain.networkHelpers.time.increase(61);
    tokens.push((await f.carol.leases.acquireLease({ resourceId: 1n, duration: 60 })).fencingToken);
    await f.steward.leases.revokeLease({ resourceId: 1n });
    const dave = await f.dave.leases.acquireLease({ resourceId: 1n, duration: 60 });
    tokens.push(dave.fencingToken);
    expect((await f.dave.leases.renewLease({ resourceId: 1n, duration: 600 })).fencingToken).toBe(
      dave.fencingToken,
    );
    tokens.push((await f.steward.leases.revokeLease({ resourceId: 1n })).fencingToken);
    tokens.push((await f.alice.leases.acquireLease({ resourceId: 1n, duration: 60 })).fencingToken);
    expect(tokens).toEqual([1n, 2n, 3n, 4n, 4n, 5n]);
    expect((await f.readOnly.leases.getResource({ resourceId: 1n })).latestFencingToken).toBe(5n);
  });

  it("verifyFencingToken checks a token on-chain; the guard rejects tokens older than the latest seen", async () => {
    const f = await chain.fixture();
    const { names } = chain;
    const first = await f.alice.leases.acquireLease({ resourceId: 1n, duration: 600 });
    expect(await f.readOnly.leases.verifyFencingToken({ resourceId: 1n, token: first.fencingToken })).toEqual(
      {
        valid: true,
        reason: "current",
        latestToken: 1n,
        holder: names.alice,
        expiresAt: first.expiresAt,
      },
    );
    expect(await f.readOnly.leases.isCurrentToken({ resourceId: 1n, token: 1n })).toBe(true);
    await f.alice.leases.releaseLease({ resourceId: 1n });
    expect(await f.readOnly.leases.verifyFencingToken({ resourceId: 1n, token: 1n })).toMatchObject({
      valid: false,
      reason: "expired",
      latestToken: 1n,
      holder: null,
    });
    const second = await f.bob.leases.acquireLease({ resourceId: 1n, duration: 600 });
    expect(await f.readOnly.leases.verifyFencingToken({ resourceId: 1n, token: 1n })).toMatchObject({
      valid: false,
      reason: "stale",
      latestToken: 2n,
      holder: names.bob,
    });
    expect(await f.readOnly.leases.verifyFencingToken({ resourceId: 1n, token: 3n })).toMatchObject({
      valid: false,
      reason: "unknown",
    });
    expect(await f.readOnly.leases.verifyFencingToken({ resourceId: 1n, token: 0n })).toMatchObject({
      valid: false,
      reason: "unknown",
    });

    // The service's own check: no chain access, the order of tokens decides.
    const guard = createFencingTokenGuard();
    expect(guard.latest(1n)).toBeNull();
    expect(guard.check({ resourceId: 1n, token: first.fencingToken })).toEqual({
      valid: true,
      reason: "current",
      latestToken: 1n,
    });
    expect(guard.check({ resourceId: 1n, token: second.fencingToken }).valid).toBe(true);
    // alice wakes up late with her old token: refused, the latest stays.
    expect(guard.check({ resourceId: 1n, token: first.fencingToken })).toEqual({
      valid: false,
      reason: "stale",
      latestToken: 2n,
    });
    expect(guard.check({ resourceId: 1n, token: 2n }).valid).toBe(true); // the current holder, again
    expect(guard.check({ resourceId: 1n, token: 0n }).reason).toBe("unknown");
    expect(guard.check({ resourceId: 2n, token: 1n }).valid).toBe(true); // per resource
    expect(guard.latest(1n)).toBe(2n);
    // A durable store and a namespace.
    const store = new Map<string, bigint>([["prod:1", 7n]]);
    const prod = createFencingTokenGuard({ store, namespace: "prod" });
    expect(prod.check({ resourceId: 1n, token: 6n }).valid).toBe(false);
    expect(prod.check({ resourceId: 1n, token: 8n }).valid).toBe(true);
    expect(store.get("prod:1")).toBe(8n);
    expect(() => guard.check({ resourceId: 1n, token: -1n })).toThrow(InvalidInputError);
  });
});

describe("lists per holder and client wiring", () => {
  it("leasesOf lists the resources an account holds now", async () => {
    const f = await chain.fixture();
    const { names } = chain;
    const { resourceId: r2 } = await f.steward.leases.registerResource({
      ownerCellId: 1n,
      name: "scanner",
      maxDuration: 600,
    });
    const { resourceId: r3 } = await f.steward.leases.registerResource({
      ownerCellId: 1n,
      name: "van",
      maxDuration: 600,
    });
    expect(await f.readOnly.leases.leasesOf({ account: names.alice })).toEqual({ items: [], next: null });
    const a1 = await f.alice.leases.acquireLease({ resourceId: 1n, duration: 600 });
    await f.alice.leases.acquireLease({ resourceId: r2, duration: 60 });
    await f.bob.leases.acquireLease({ resourceId: r3, duration: 600 });
    await chain.networkHelpers.time.increase(61); // alice's lease on r2 expires
    expect((await f.readOnly.leases.leasesOf({ account: names.alice })).items).toEqual([
      { resourceId: 1n, name: "printer", ownerCellId: 1n, expiresAt: a1.expiresAt, fencingToken: 1n },
    ]);
    expect((await f.readOnly.leases.leasesOf({ account: names.bob })).items.map((l) => l.name)).toEqual([
      "van",
    ]);
    const listed = (await f.readOnly.leases.listResources({ ownerCellId: 1n })).items;
    expect(listed.map((r) => r.holder)).toEqual([names.alice, null, names.bob]);
    // Tree-shakable actions on a base client.
    const base = createConcordBaseClient({
      publicClient: chain.publicClient,
      addresses: f.addresses,
      startBlock: f.startBlock,
    });
    expect((await getResource(base, { resourceId: r3 })).lease?.holder).toBe(names.bob);
  });

  it("the client finds ResourceLeases in the deployment, or takes it from addresses", async () => {
    const f = await chain.fixture();
    const byDefault = createConcordClient({ publicClient: chain.publicClient });
    expect(byDefault.addresses.resourceLeases).toBe(
      getAddress(deployments[31337].contracts.ResourceLeases.address),
    );
    expect(byDefault.contracts.resourceLeases?.startBlock).toBe(
      BigInt(deployments[31337].contracts.ResourceLeases.startBlock),
    );
    // An explicit registry without a leases address: the leases actions say what is missing.
    const registryOnly = createConcordClient({
      publicClient: chain.publicClient,
      addresses: { cellRegistry: f.addresses.cellRegistry },
    });
    expect(registryOnly.addresses.resourceLeases).toBeUndefined();
    const missing = await rejection(registryOnly.leases.leaseOf({ resourceId: 1n }));
    expect(missing).toBeInstanceOf(NoDeploymentError);
    expect((missing as NoDeploymentError).shortMessage).toBe(
      "The Concord deployment for chain 31337 has no ResourceLeases.",
    );
    expect(() =>
      createConcordClient({
        publicClient: chain.publicClient,
        addresses: { cellRegistry: f.addresses.cellRegistry, resourceLeases: "0xnope" as `0x${string}` },
      }),
    ).toThrow(InvalidInputError);
    // A read-only client cannot write.
    const error = await rejection(acquireLease(f.readOnly, { resourceId: 1n, duration: 60 }));
    expect(error).toBeInstanceOf(WalletRequiredError);
    expect((error as WalletRequiredError).shortMessage).toBe(
      "Cannot acquire: the Concord client has no wallet client.",
    );
  });
});
