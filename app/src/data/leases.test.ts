/**
 * The resources list's reads, on Hardhat's in-process chain: one page of {@link RESOURCES_PAGE_SIZE} resources at
 * a time, each with its lease, queue, claimant and next bookings, in 2 requests whatever the number of resources
 * (one scan of the page's registrations, one batched read of the page's state that carries its block's time: it
 * was 3 with a separate `eth_getBlockByNumber`); the pages the app's
 * query walks ("Show more") are the ones `loadResourcesPage` reads.
 */
import { QueryClient } from "@tanstack/react-query";
import { beforeAll, describe, expect, it } from "vitest";

import { createConcordClient } from "../../../sdk/index.ts";
import { getResourcesInfiniteQueryOptions } from "../../../sdk/react/index.ts";
import { createLeasesChain } from "../../../test/sdk/leases.fixture.ts";
import type { LeasesChain, LeasesFixture } from "../../../test/sdk/leases.fixture.ts";
import { leaseView } from "../lib/leases.ts";
import { LIST_BOOKINGS, RESOURCES_PAGE_SIZE, loadResourcesPage, resourcesPageParameters } from "./leases.ts";

let chain: LeasesChain;
let f: LeasesFixture;
/** Resources 1..TOTAL: one page and a bit. */
const TOTAL = RESOURCES_PAGE_SIZE + 2;

beforeAll(async () => {
  chain = await createLeasesChain();
  f = await chain.fixture();
  // Resource 1 "printer": held by Alice, Bob and Carol wait. Resource 2 "room": two bookings. 3: free.
  await f.alice.leases.acquireLease({ resourceId: 1n, duration: 600 });
  await f.bob.leases.enqueueForLease({ resourceId: 1n });
  await f.carol.leases.enqueueForLease({ resourceId: 1n });
  await f.steward.leases.registerResource({ ownerCellId: 1n, name: "room", maxDuration: 3600, access: 2 });
  const now = await chain.now();
  await f.dave.leases.reserveResource({ resourceId: 2n, start: now + 7_200n, duration: 1_800 });
  await f.eve.leases.reserveResource({ resourceId: 2n, start: now + 3_600n, duration: 600 });
  await f.steward.leases.registerResource({ ownerCellId: 1n, name: "spare", maxDuration: 60, access: 0 });
  // The rest: cell 2's (so that the owner filter has something to leave out).
  for (let id = 4; id <= TOTAL; id++)
    await f.stewardB.leases.registerResource({ ownerCellId: 2n, name: `desk ${id}`, maxDuration: 60 });
}, 120_000);

describe("the resources list", () => {
  it("reads a page of resources with their lease, queue and bookings in 2 requests", async () => {
    // Through Multicall3, as `npm start` deploys it (without it, the deployless form takes 20 calls per eth_call).
    const { client, methods } = await chain.countingPublicClient({ multicall3: true });
    const concord = createConcordClient({
      publicClient: client,
      addresses: f.addresses,
      startBlock: f.startBlock,
    });
    methods.length = 0;
    const page = await loadResourcesPage(concord, { ownerCellId: null, cursor: null });
    expect([...methods].sort()).toEqual(["eth_call", "eth_getLogs"]);
    expect(page.items).toHaveLength(RESOURCES_PAGE_SIZE);
    expect(page.next).toBe(String(RESOURCES_PAGE_SIZE));
    // The time of the block the batch ran in: the head's, or (EDR runs calls in a pending block) a later one.
    expect(page.items[0]!.readAt).toBeGreaterThanOrEqual(await chain.now());

    const [printer, room, spare] = page.items;
    expect(page.items.slice(0, 3).map((r) => [r.id, r.name])).toEqual([
      [1n, "printer"],
      [2n, "room"],
      [3n, "spare"],
    ]);
    expect(printer!.lease?.holder).toBe(chain.names.alice);
    expect(printer!.queue.map((w) => [w.account, w.position])).toEqual([
      [chain.names.bob, 0],
      [chain.names.carol, 1],
    ]);
    // Bob's window starts when Alice's lease ends, Carol's when his window ends.
    expect(printer!.queue[0]!.windowStart).toBe(printer!.lease!.expiresAt);
    expect(printer!.queue[1]!.windowStart).toBe(printer!.queue[0]!.windowEnd);
    expect(room!.reservations.map((b) => b.booker)).toEqual([chain.names.eve, chain.names.dave]);
    expect(room!.lease).toBeNull();
    expect(spare).toMatchObject({ lease: null, queue: [], reservations: [], claimant: null });

    // Past Alice's expiry, with no transaction: Bob's turn.
    expect(leaseView(printer!, printer!.lease!.expiresAt + 1n)).toMatchObject({
      kind: "claimable",
      claimant: { account: chain.names.bob },
    });

    // The next page: the rest, in the same 2 requests.
    methods.length = 0;
    const last = await loadResourcesPage(concord, { ownerCellId: null, cursor: page.next });
    expect(last.items.map((r) => r.id)).toEqual([21n, 22n]);
    expect(last.next).toBeNull();
    expect([...methods].sort()).toEqual(["eth_call", "eth_getLogs"]);
  });

  it("reads one owner cell's resources", async () => {
    const page = await loadResourcesPage(f.readOnly, { ownerCellId: 1n, cursor: null });
    expect(page.items.map((r) => r.name)).toEqual(["printer", "room", "spare"]);
    expect(page.next).toBeNull();
    expect(resourcesPageParameters(1n)).toEqual({
      limit: RESOURCES_PAGE_SIZE,
      reservationLimit: LIST_BOOKINGS,
      ownerCellId: 1n,
    });
  });

  it("the app's pages query reads the same pages as loadResourcesPage", async () => {
    const queryClient = new QueryClient();
    const data = await queryClient.fetchInfiniteQuery({
      ...getResourcesInfiniteQueryOptions(f.readOnly, resourcesPageParameters(null)),
      pages: 2,
    });
    const first = await loadResourcesPage(f.readOnly, { ownerCellId: null, cursor: null });
    const second = await loadResourcesPage(f.readOnly, { ownerCellId: null, cursor: first.next });
    expect(data.pages).toEqual([first, second]);
    expect(data.pages.flatMap((page) => page.items).map((r) => r.id)).toEqual(
      Array.from({ length: TOTAL }, (_, i) => BigInt(i + 1)),
    );
  });

  it("reads a DAO without resources in 1 request", async () => {
    const { client, methods } = await chain.countingPublicClient();
    const concord = createConcordClient({
      publicClient: client,
      addresses: { ...f.addresses },
      // A start block after every registration: no resource found.
      startBlock: (await client.getBlockNumber()) + 1n,
    });
    methods.length = 0;
    expect(await loadResourcesPage(concord, { ownerCellId: null, cursor: null })).toEqual({
      items: [],
      next: null,
    });
    expect(methods).toEqual(["eth_getLogs"]);
  });
});
