/**
 * The resources list's batched read, on Hardhat's in-process chain: 4 requests whatever the number of
 * resources, with each one's lease, queue, claimant and upcoming bookings.
 */
import { beforeAll, describe, expect, it } from "vitest";

import { createConcordClient } from "../../../sdk/index.ts";
import { createLeasesChain } from "../../../test/sdk/leases.fixture.ts";
import type { LeasesChain, LeasesFixture } from "../../../test/sdk/leases.fixture.ts";
import { leaseView } from "../lib/leases.ts";
import { loadResourceList } from "./leases.ts";

let chain: LeasesChain;
let f: LeasesFixture;

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
});

describe("the resources list", () => {
  it("reads every resource with its lease, queue and bookings in 4 requests", async () => {
    const { client, methods } = await chain.countingPublicClient();
    const concord = createConcordClient({
      publicClient: client,
      addresses: f.addresses,
      startBlock: f.startBlock,
    });
    const list = await loadResourceList(concord);
    expect([...methods].sort()).toEqual(["eth_call", "eth_call", "eth_getBlockByNumber", "eth_getLogs"]);
    expect(list.readAt).toBe(await chain.now());

    const [printer, room, spare] = list.resources;
    expect(list.resources.map((r) => [r.id, r.name])).toEqual([
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
  });

  it("reads a DAO without resources in 2 requests", async () => {
    const { client, methods } = await chain.countingPublicClient();
    const concord = createConcordClient({
      publicClient: client,
      addresses: { ...f.addresses },
      // A start block after every registration: no resource found.
      startBlock: (await client.getBlockNumber()) + 1n,
    });
    methods.length = 0;
    const list = await loadResourceList(concord);
    expect(list.resources).toEqual([]);
    expect([...methods].sort()).toEqual(["eth_getBlockByNumber", "eth_getLogs"]);
  });
});
