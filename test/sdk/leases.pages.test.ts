/**
 * The leases lists in pages (issue 12): `listResources` and `getResources` (a page of resources with their live
 * state) by id with the indexer API's cursor, `leasesOf` over the resources an account was ever granted. Each page
 * reads only its own resources (counted on the transport), on the direct path and through an indexer (a fake
 * `fetch` answering what the indexer API answers); bad limits and cursors are refused before any request.
 */
import { getAddress } from "viem";
import type { Address } from "viem";
import { beforeAll, describe, expect, it } from "vitest";

import { InvalidInputError, MAX_LIST_RESERVATIONS, createConcordClient } from "../../sdk/index.ts";
import type { ConcordClient, Page, PageParameters, Resource } from "../../sdk/index.ts";
import { createLeasesChain } from "./leases.fixture.ts";
import type { LeasesChain, LeasesFixture } from "./leases.fixture.ts";
import { rejection } from "./fixture.ts";

let chain: LeasesChain;
let f: LeasesFixture;

/** Every page of a paged read, in order (at most 100 pages). */
async function walk<item>(
  read: (page: PageParameters) => Promise<Page<item>>,
  limit: number,
): Promise<Page<item>[]> {
  const pages: Page<item>[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 100; i++) {
    const page = await read({ limit, cursor });
    pages.push(page);
    if (page.next === null) return pages;
    cursor = page.next;
  }
  throw new Error("more than 100 pages");
}

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

/** A client on a counting transport (every JSON-RPC method sent is recorded). */
async function counted(): Promise<{ concord: ConcordClient; methods: string[] }> {
  const { client, methods } = await chain.countingPublicClient();
  const concord = createConcordClient({
    publicClient: client,
    addresses: f.addresses,
    startBlock: f.startBlock,
  });
  methods.length = 0;
  return { concord, methods };
}

describe("listResources in pages", () => {
  it("walks every resource once, in id order, with decimal-id cursors", async () => {
    const pages = await walk((page) => f.readOnly.leases.listResources(page), 3);
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
    const pages = await walk((page) => f.readOnly.leases.listResources({ ownerCellId: 1n, ...page }), 2);
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

  it("reads a page in one eth_getLogs, one eth_getBlockByNumber and one eth_call", async () => {
    const { concord, methods } = await counted();
    const page = await concord.leases.getResources({ ownerCellId: 1n, limit: 2, reservationLimit: 1 });
    expect(page.items.map((resource) => resource.id)).toEqual([1n, 3n]);
    expect(page.next).toBe("3");
    expect([...methods].sort()).toEqual(["eth_call", "eth_getBlockByNumber", "eth_getLogs"]);
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
    const pages = await walk(
      (page) => f.readOnly.leases.leasesOf({ account: chain.names.alice, ...page }),
      1,
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
    const { client, methods } = await chain.countingPublicClient();
    const viaIndexer = createConcordClient({
      publicClient: client,
      addresses: f.addresses,
      startBlock: f.startBlock,
      indexer: { url: "http://indexer.test", fetch: indexer.fetch as typeof fetch },
      reads: "indexer",
    });
    methods.length = 0;
    const listed = await viaIndexer.leases.listResources({ ownerCellId: 1n, limit: 2, cursor: "1" });
    expect(listed).toEqual(await f.readOnly.leases.listResources({ ownerCellId: 1n, limit: 2, cursor: "1" }));
    expect(indexer.requests.map((url) => `${url.pathname}${url.search}`)).toEqual([
      "/concord/resources?ownerCellId=1&cursor=1&limit=2",
    ]);
    expect(methods).toEqual(["eth_call"]);

    indexer.requests.length = 0;
    methods.length = 0;
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
    expect(indexer.requests).toHaveLength(3);
    expect([...methods].sort()).toEqual([
      "eth_call",
      "eth_call",
      "eth_call",
      "eth_getBlockByNumber",
      "eth_getBlockByNumber",
      "eth_getBlockByNumber",
    ]);

    indexer.requests.length = 0;
    methods.length = 0;
    const held = await walk((page) => viaIndexer.leases.leasesOf({ account: chain.names.alice, ...page }), 1);
    const heldDirect = await walk(
      (page) => f.readOnly.leases.leasesOf({ account: chain.names.alice, ...page }),
      1,
    );
    expect(held).toEqual(heldDirect);
    // One indexer request and one batch per page: the grants come with their registrations.
    expect(indexer.requests.map((url) => url.pathname)).toEqual(Array(3).fill("/concord/lease-grants"));
    expect(methods).toEqual(["eth_call", "eth_call", "eth_call"]);
  });
});
