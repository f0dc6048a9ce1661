/**
 * The leases lists in pages (issue 12): `listResources` and `getResources` (a page of resources with their live
 * state) by id with the indexer API's cursor, `leasesOf` over the resources an account was ever granted. Each page
 * reads only its own resources (counted on the transport), on the direct path and through an indexer (a fake
 * `fetch` answering what the indexer API answers); bad limits and cursors are refused before any request. The
 * requests of each read, counted on the transport as the app sends them (Multicall3 on the chain): the state of a
 * page or a resource and the time that decides what is active come in ONE `eth_call`.
 */
import { getAddress } from "viem";
import type { Address } from "viem";
import { beforeAll, describe, expect, it } from "vitest";

import { InvalidInputError, MAX_LIST_RESERVATIONS } from "../../sdk/index.ts";
import type { ConcordClient, Resource } from "../../sdk/index.ts";
import { createLeasesChain } from "./leases.fixture.ts";
import type { LeasesChain, LeasesFixture } from "./leases.fixture.ts";
import { countingConcordClient, rejection, walkPages } from "./fixture.ts";

let chain: LeasesChain;
let f: LeasesFixture;

beforeAll(async () => {
  chain = await createLeasesChain();
  f = await chain.fixture();
  // Resources 1 (printer, cell 1, from the fixture) to 7: cells 1, 2, 1, 3, 1, 2, 1.
  const owners = [2n, 1n, 3n, 1n, 2n, 1n];
  for (const [i, ownerCellId] of owners.entries()) {
    const steward = ownerCellId === 2n ? f.stewardB : f.steward;
    await steward.leases.registerResource({ ownerCellId, name: `r${i + 2}`, maxDuration: 3600, access: 2 });
  }
  // Printer held by Alice with Bob waiting; r3 booked by Carol; Alice also leased r5 (then released it).
  await f.alice.leases.acquireLease({ resourceId: 1n, duration: 600 });
  await f.bob.leases.enqueueForLease({ resourceId: 1n });
  await f.carol.leases.reserveResource({
    resourceId: 3n,
    start: (await chain.now()) + 3_600n,
    duration: 600,
  });
  await f.alice.leases.acquireLease({ resourceId: 5n, duration: 600 });
  await f.alice.leases.releaseLease({ resourceId: 5n });
  await f.alice.leases.acquireLease({ resourceId: 7n, duration: 600 });
});

/** A read-only client on a counting transport (every JSON-RPC method sent is recorded), Multicall3 or not. */
const counted = (options: { multicall3?: boolean } = {}) => countingConcordClient(chain, f, options);

describe("listResources in pages", () => {
  it("walks every resource once, in id order, with decimal-id cursors", async () => {
    const pages = await walkPages((cursor) => f.readOnly.leases.listResources({ limit: 3, cursor }));
    expect(pages.map((page) => page.items.map((resource) => resource.id))).toEqual([
      [1n, 2n, 3n],
      [4n, 5n, 6n],
      [7n],
    ]);
    expect(pages.map((page) => page.next)).toEqual(["3", "6", null]);
    // A page that ends exactly at the last resource has no next.
    expect((await f.readOnly.leases.listResources({ limit: 7 })).next).toBeNull();
    expect((await f.readOnly.leases.listResources({ limit: 6 })).next).toBe("6");
    // After the end: an empty last page.
    expect(await f.readOnly.leases.listResources({ cursor: "7" })).toEqual({ items: [], next: null });
    expect(await f.readOnly.leases.listResources({ cursor: "900" })).toEqual({ items: [], next: null });
  });

  it("pages one owner cell's resources with the same cursors", async () => {
    const pages = await walkPages((cursor) =>
      f.readOnly.leases.listResources({ ownerCellId: 1n, limit: 2, cursor }),
    );
    expect(pages.map((page) => page.items.map((resource) => resource.id))).toEqual([
      [1n, 3n],
      [5n, 7n],
    ]);
    expect(pages.map((page) => page.next)).toEqual(["3", null]);
    expect((await f.readOnly.leases.listResources({ ownerCellId: 2n })).items.map((r) => r.name)).toEqual([
      "r2",
      "r6",
    ]);
    expect(await f.readOnly.leases.listResources({ ownerCellId: 99n })).toEqual({ items: [], next: null });
  });

  it("reads one page in one eth_getLogs and one eth_call, naming only the page's resources", async () => {
    const { concord, methods } = await counted();
    const page = await concord.leases.listResources({ limit: 2, cursor: "2" });
    expect(page.items.map((resource) => [resource.id, resource.holder])).toEqual([
      [3n, null],
      [4n, null],
    ]);
    expect([...methods].sort()).toEqual(["eth_call", "eth_getLogs"]);
  });

  it("refuses bad limits, cursors and owners before any request, naming the value", async () => {
    const { concord, methods } = await counted();
    const bad: [Parameters<ConcordClient["leases"]["listResources"]>[0], string, unknown][] = [
      [{ limit: 0 }, "limit", 0],
      [{ limit: 501 }, "limit", 501],
      [{ limit: 2.5 }, "limit", 2.5],
      [{ cursor: "12:3" }, "cursor", "12:3"],
      [{ cursor: "-1" }, "cursor", "-1"],
      [{ cursor: "0x10" }, "cursor", "0x10"],
      [{ cursor: "1e3" }, "cursor", "1e3"],
      [{ cursor: "9".repeat(79) }, "cursor", "9".repeat(79)],
      [{ ownerCellId: 0n }, "ownerCellId", 0n],
    ];
    for (const [parameters, parameter, value] of bad) {
      for (const read of [concord.leases.listResources, concord.leases.getResources]) {
        const error = await rejection(read(parameters));
        expect(error, String(value)).toBeInstanceOf(InvalidInputError);
        expect(error).toMatchObject({ parameter, value });
      }
    }
    const error = await rejection(concord.leases.leasesOf({ account: chain.names.alice, limit: 1_000 }));
    expect(error).toMatchObject({ parameter: "limit", value: 1_000 });
    expect(methods).toEqual([]);
  });

  it("at a block, lists only what was registered by then, with its state then", async () => {
    const block = await chain.publicClient.getBlockNumber();
    await f.steward.leases.registerResource({ ownerCellId: 1n, name: "late", maxDuration: 60 });
    const then = await f.readOnly.leases.listResources({ blockNumber: block, limit: 500 });
    expect(then.items.map((resource) => resource.id)).toEqual([1n, 2n, 3n, 4n, 5n, 6n, 7n]);
    expect((await f.readOnly.leases.listResources({ blockNumber: block, cursor: "6" })).next).toBeNull();
    const now = await f.readOnly.leases.listResources({ cursor: "6" });
    expect(now.items.map((resource) => resource.name)).toEqual(["r7", "late"]);
    const pageThen = await f.readOnly.leases.getResources({ blockNumber: block, cursor: "6" });
    expect(pageThen.items.map((resource) => resource.id)).toEqual([7n]);
  });
});

describe("getResources: a page of resources with their live state", () => {
  it("gives each resource as getResource does, in one block", async () => {
    const page = await f.readOnly.leases.getResources({ limit: 500, reservationLimit: 50 });
    const one: Resource[] = [];
    for (const resource of page.items)
      one.push(await f.readOnly.leases.getResource({ resourceId: resource.id, reservationLimit: 50 }));
    expect(page.items).toEqual(one);
    const [printer, , r3] = page.items;
    expect(printer).toMatchObject({ status: "held", lease: { holder: chain.names.alice } });
    expect(printer!.queue.map((waiter) => waiter.account)).toEqual([chain.names.bob]);
    expect(r3!.reservations.map((booking) => booking.booker)).toEqual([chain.names.carol]);
    expect(new Set(page.items.map((resource) => resource.readAt)).size).toBe(1);
  });

  it("without Multicall3 on the chain, reads the block first and pins the page's batch to it (3 requests)", async () => {
    const { concord, methods } = await counted({ multicall3: false });
    const page = await concord.leases.getResources({ ownerCellId: 1n, limit: 2, reservationLimit: 1 });
    expect(page.items.map((resource) => resource.id)).toEqual([1n, 3n]);
    expect(page.next).toBe("3");
    expect(methods).toEqual(["eth_getLogs", "eth_getBlockByNumber", "eth_call"]);
    const block = await chain.publicClient.getBlock();
    expect(page.items.every((resource) => resource.readAt === block.timestamp)).toBe(true);
    // A page beyond the end costs no state read.
    methods.length = 0;
    expect(await concord.leases.getResources({ cursor: "999" })).toEqual({ items: [], next: null });
    expect(methods).toEqual(["eth_getLogs"]);
  });

  it("bounds the bookings read per resource", async () => {
    const page = await f.readOnly.leases.getResources({ cursor: "2", limit: 1, reservationLimit: 0 });
    expect(page.items[0]).toMatchObject({ id: 3n, reservations: [], moreReservations: true });
    for (const reservationLimit of [-1, 1.5, MAX_LIST_RESERVATIONS + 1]) {
      const error = await rejection(f.readOnly.leases.getResources({ reservationLimit }));
      expect(error).toBeInstanceOf(InvalidInputError);
      expect(String((error as Error).message)).toMatch(/reservationLimit/);
    }
  });
});

describe("leasesOf in pages", () => {
  it("walks the resources an account was ever granted; items are the leases it holds now", async () => {
    const pages = await walkPages((cursor) =>
      f.readOnly.leases.leasesOf({ account: chain.names.alice, limit: 1, cursor }),
    );
    // Granted: 1 (held), 5 (released), 7 (held).
    expect(pages.map((page) => page.items.map((lease) => lease.resourceId))).toEqual([[1n], [], [7n]]);
    expect(pages.map((page) => page.next)).toEqual(["1", "5", null]);
    const all = await f.readOnly.leases.leasesOf({ account: chain.names.alice });
    expect(all.items.map((lease) => [lease.name, lease.ownerCellId])).toEqual([
      ["printer", 1n],
      ["r7", 1n],
    ]);
    expect(all.next).toBeNull();
    expect(await f.readOnly.leases.leasesOf({ account: chain.names.dave })).toEqual({
      items: [],
      next: null,
    });
    expect(
      await rejection(f.readOnly.leases.leasesOf({ account: chain.names.alice, cursor: "x" })),
    ).toBeInstanceOf(InvalidInputError);
  });
});

describe("requests per read, with Multicall3 on the chain (as `npm start` and the app have it)", () => {
  // Before issue 12's fold, getResources and getResource read the block on its own: 3 requests each.
  it("getResources and getResource: the registrations, and ONE eth_call that carries the state and its block's time", async () => {
    const { concord, methods, reset } = await counted({ multicall3: true });
    const page = await concord.leases.getResources({ limit: 20, reservationLimit: 10 });
    expect(page.items.length).toBeGreaterThanOrEqual(7);
    expect(methods).toEqual(["eth_getLogs", "eth_call"]);
    // The same answers as the three-request path, but the clock: the block the batch ran in (EDR runs a call on
    // "latest" in a pending block, whose time may be later than the head's).
    const strip = (resources: Resource[]) => resources.map(({ readAt: _, ...resource }) => resource);
    const old = await f.readOnly.leases.getResources({ limit: 20, reservationLimit: 10 });
    expect(strip(page.items)).toEqual(strip(old.items));
    expect(page.items[0]!.readAt).toBeGreaterThanOrEqual(old.items[0]!.readAt);
    expect(new Set(page.items.map((resource) => resource.readAt)).size).toBe(1);

    reset();
    const printer = await concord.leases.getResource({ resourceId: 1n });
    expect(printer).toMatchObject({ status: "held", lease: { holder: chain.names.alice } });
    expect([...methods].sort()).toEqual(["eth_call", "eth_getLogs"]);
  });

  it("at a block: the block's own number and time ride in the batch (2 requests; a tag costs one more)", async () => {
    const { concord, methods, reset } = await counted({ multicall3: true });
    // A block after Multicall3 was put on the chain.
    await chain.networkHelpers.mine(1);
    const block = await chain.publicClient.getBlock();
    reset();
    const page = await concord.leases.getResources({ blockNumber: block.number, limit: 3 });
    expect(methods).toEqual(["eth_getLogs", "eth_call"]);
    expect(page.items.every((resource) => resource.readAt === block.timestamp)).toBe(true);
    const one = await concord.leases.getResource({ resourceId: 3n, blockNumber: block.number });
    expect(one.readAt).toBe(block.timestamp);

    reset();
    await concord.leases.getResources({ blockTag: "latest", limit: 3 });
    expect(methods).toEqual(["eth_getBlockByNumber", "eth_getLogs", "eth_call"]);
  });

  it("decides the active booking by the time of the block the state was read in", async () => {
    const { concord } = await counted({ multicall3: true });
    const [booking] = (await concord.leases.getResource({ resourceId: 3n })).reservations;
    const snapshot = await chain.networkHelpers.takeSnapshot();
    try {
      await chain.networkHelpers.mine(1); // a block after Multicall3 was put on the chain
      const before = await chain.publicClient.getBlock();
      await chain.mineAt(booking!.start);
      const during = await chain.publicClient.getBlock();
      // Read at the block before the booking starts, and at the block it starts in: each judged by its own time.
      const then = await concord.leases.getResource({ resourceId: 3n, blockNumber: before.number });
      expect(then).toMatchObject({ status: "free", activeReservation: null, readAt: before.timestamp });
      const now = await concord.leases.getResource({ resourceId: 3n, blockNumber: during.number });
      expect(now).toMatchObject({ status: "booked", readAt: booking!.start });
      expect(now.activeReservation?.booker).toBe(chain.names.carol);
      const [listed] = (await concord.leases.getResources({ cursor: "2", limit: 1 })).items;
      expect(listed).toMatchObject({ id: 3n, status: "booked" });
      expect(listed!.readAt).toBeGreaterThanOrEqual(booking!.start);
    } finally {
      await snapshot.restore();
    }
  });

  it("listResources: one scan and one batch; leasesOf: the grants, their leases, the held ones' names (no block read)", async () => {
    const { concord, methods, reset } = await counted({ multicall3: true });
    await concord.leases.listResources({ limit: 3 });
    expect(methods).toEqual(["eth_getLogs", "eth_call"]);
    reset();
    const held = await concord.leases.leasesOf({ account: chain.names.alice });
    expect(held.items.map((lease) => lease.resourceId)).toEqual([1n, 7n]);
    // Through the indexer the grants come with their registrations: 2 (see below).
    expect(methods).toEqual(["eth_getLogs", "eth_call", "eth_getLogs"]);
  });
});

/**
 * A fake indexer: answers `/concord/resources` and `/concord/lease-grants` as the indexer API does (rows with
 * decimal strings, lower-case addresses, `limit + 1` to know the next), from the chain's own answers, and records
 * every request.
 */
function fakeIndexer(
  resources: {
    id: bigint;
    name: string;
    ownerCellId: bigint;
    registeredBy: Address;
    registeredBlock: bigint;
  }[],
  grants: Map<Address, bigint[]>,
) {
  const requests: URL[] = [];
  const fetch = async (input: string | URL | Request): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input);
    requests.push(url);
    const limit = Number(url.searchParams.get("limit") ?? 100);
    const after = BigInt(url.searchParams.get("cursor") ?? 0);
    const rowOf = (resource: (typeof resources)[number]) => ({
      id: String(resource.id),
      name: resource.name,
      ownerCellId: String(resource.ownerCellId),
      registeredBy: resource.registeredBy.toLowerCase(),
      registeredBlock: String(resource.registeredBlock),
    });
    let rows: { id: string }[];
    if (url.pathname === "/concord/resources") {
      const owner = url.searchParams.get("ownerCellId");
      rows = resources
        .filter(
          (resource) => resource.id > after && (owner === null || String(resource.ownerCellId) === owner),
        )
        .map(rowOf);
    } else if (url.pathname === "/concord/lease-grants") {
      const holder = getAddress(url.searchParams.get("holder")!);
      rows = (grants.get(holder) ?? [])
        .filter((id) => id > after)
        .map((id) => {
          const { id: resourceId, ...row } = rowOf(resources.find((resource) => resource.id === id)!);
          return { id: resourceId, resourceId, ...row };
        });
    } else return new Response(JSON.stringify({ error: "not found" }), { status: 404 });
    const items = rows.slice(0, limit);
    const next = rows.length > limit ? items[items.length - 1]!.id : null;
    return new Response(JSON.stringify({ items, next }), { headers: { "content-type": "application/json" } });
  };
  return { fetch, requests };
}

describe("through the indexer", () => {
  it("reads each page in ONE indexer request and one batch of its items, with the direct path's pages", async () => {
    const direct = (await f.readOnly.leases.listResources({ limit: 500 })).items;
    const indexer = fakeIndexer(direct, new Map([[chain.names.alice, [1n, 5n, 7n]]]));
    const {
      concord: viaIndexer,
      methods,
      reset,
    } = await countingConcordClient(chain, f, {
      multicall3: true,
      indexer: { url: "http://indexer.test", fetch: indexer.fetch as typeof fetch },
      reads: "indexer",
    });
    const listed = await viaIndexer.leases.listResources({ ownerCellId: 1n, limit: 2, cursor: "1" });
    expect(listed).toEqual(await f.readOnly.leases.listResources({ ownerCellId: 1n, limit: 2, cursor: "1" }));
    expect(indexer.requests.map((url) => `${url.pathname}${url.search}`)).toEqual([
      "/concord/resources?ownerCellId=1&cursor=1&limit=2",
    ]);
    expect(methods).toEqual(["eth_call"]);

    indexer.requests.length = 0;
    reset();
    for (const parameters of [{ limit: 3 }, { limit: 3, cursor: "3" }, { ownerCellId: 2n, limit: 1 }]) {
      const [viaPage, directPage] = [
        await viaIndexer.leases.getResources(parameters),
        await f.readOnly.leases.getResources(parameters),
      ];
      expect({ ...viaPage, items: viaPage.items.map(({ readAt: _, ...item }) => item) }).toEqual({
        ...directPage,
        items: directPage.items.map(({ readAt: _, ...item }) => item),
      });
    }
    // One indexer request and ONE eth_call per page: the batch carries its block's time (it was one
    // eth_getBlockByNumber more per page before).
    expect(indexer.requests).toHaveLength(3);
    expect(methods).toEqual(["eth_call", "eth_call", "eth_call"]);

    indexer.requests.length = 0;
    reset();
    const held = await walkPages((cursor) =>
      viaIndexer.leases.leasesOf({ account: chain.names.alice, limit: 1, cursor }),
    );
    const heldDirect = await walkPages((cursor) =>
      f.readOnly.leases.leasesOf({ account: chain.names.alice, limit: 1, cursor }),
    );
    expect(held).toEqual(heldDirect);
    // One indexer request and one batch per page: the grants come with their registrations.
    expect(indexer.requests.map((url) => url.pathname)).toEqual(Array(3).fill("/concord/lease-grants"));
    expect(methods).toEqual(["eth_call", "eth_call", "eth_call"]);
  });
  it("getResource of a resource the indexer has not seen yet: its registration from the chain, up to the head", async () => {
    const direct = (await f.readOnly.leases.listResources({ limit: 500 })).items;
    // An indexer behind the chain: it does not know resource 3 yet.
    const indexer = fakeIndexer(
      direct.filter((resource) => resource.id !== 3n),
      new Map(),
    );
    const { concord, methods } = await countingConcordClient(chain, f, {
      multicall3: true,
      indexer: { url: "http://indexer.test", fetch: indexer.fetch as typeof fetch },
      reads: "indexer",
    });
    const { readAt: _, ...resource } = await concord.leases.getResource({ resourceId: 3n });
    const { readAt: __, ...expected } = await f.readOnly.leases.getResource({ resourceId: 3n });
    expect(resource).toEqual(expected);
    expect(indexer.requests.map((url) => url.pathname)).toEqual(["/concord/resources"]);
    // The indexer's answer and the batch, then (the registration missing) the head and one scan of the chain.
    expect([...methods].sort()).toEqual(["eth_call", "eth_getBlockByNumber", "eth_getLogs"]);
    // A resource the chain does not have either is the contract's refusal, not a missing event.
    const error = await rejection(concord.leases.getResource({ resourceId: 999n }));
    expect(error).toMatchObject({ errorName: "ResourceNonexistent" });
  });
});
