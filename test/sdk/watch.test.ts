/**
 * Watch actions: each module's events as they are mined (built on viem's watchContractEvent), narrowed to one id,
 * and lease expiry, which emits nothing: a timer on the chain's clock, re-armed by a renewal.
 */
import { getAddress } from "viem";
import type { Address } from "viem";
import { afterEach, beforeAll, describe, expect, it } from "vitest";

import { watchLeaseExpiry } from "../../sdk/index.ts";
import type { AgreementEvent, CellEvent, ExpiredLease, LeaseEvent, Unwatch } from "../../sdk/index.ts";
import { createLeasesChain } from "./leases.fixture.ts";
import type { LeasesChain } from "./leases.fixture.ts";

const POLL = 50;

let chain: LeasesChain;
beforeAll(async () => {
  chain = await createLeasesChain();
});

const unwatches: Unwatch[] = [];
afterEach(() => {
  for (const unwatch of unwatches.splice(0)) unwatch();
});

/** Waits until `ready()` holds, polling at most 400 times (20 s); fails with `what` otherwise. */
async function until(ready: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (ready()) return;
    await new Promise((resolve) => setTimeout(resolve, POLL));
  }
  throw new Error(`never saw ${what}`);
}

describe("watch actions", () => {
  it("watchCellEvents delivers the events of one cell only", async () => {
    const { steward, stewardB } = await chain.fixture();
    const [, , , , , , , , newcomer, other] = chain.accounts as Address[];
    const seen: CellEvent[] = [];
    unwatches.push(
      steward.cells.watchCellEvents({
        cellId: 2n,
        pollingInterval: POLL,
        onEvents: (events) => seen.push(...events),
      }),
    );
    await steward.cells.addMember({ cellId: 1n, account: other! });
    await stewardB.cells.addMember({ cellId: 2n, account: newcomer! });
    await until(() => seen.some((event) => event.args.account === newcomer), "cell 2's new member");
    expect(seen.every((event) => event.args.cellId === 2n)).toBe(true);
    expect(seen.some((event) => event.args.account === other)).toBe(false);
  });

  it("watchLeaseEvents delivers one event of one resource", async () => {
    const { alice, resourceId } = await chain.fixture();
    const granted: LeaseEvent[] = [];
    unwatches.push(
      alice.leases.watchLeaseEvents({
        resourceId,
        eventName: "LeaseGranted",
        pollingInterval: POLL,
        onEvents: (events) => granted.push(...events),
      }),
    );
    const { fencingToken } = await alice.leases.acquireLease({ resourceId, duration: 600n });
    await until(() => granted.length > 0, "LeaseGranted");
    expect(granted.map((event) => event.eventName)).toEqual(["LeaseGranted"]);
    expect(granted[0]!.args.holder).toBe(chain.names.alice);
    expect(granted[0]!.args.fencingToken).toBe(fencingToken);
  });

  it("watchAgreementEvents delivers the events of one agreement", async () => {
    const startBlock = (await chain.publicClient.getBlockNumber()) + 1n;
    const cells = await chain.viem.deployContract("CellRegistry", [chain.accounts[0]!]);
    const registry = await chain.viem.deployContract("AgreementRegistry", [cells.address]);
    const { as } = chain.clientsFor(
      { cellRegistry: getAddress(cells.address), agreementRegistry: getAddress(registry.address) },
      startBlock,
    );
    const [, alice, bob] = chain.accounts as Address[];
    const { agreementId: first } = await as(1).agreements.proposeAgreement({
      accounts: [alice!, bob!],
      title: "One",
      terms: "one",
      termsURI: "https://example.org/one.md",
    });
    const seen: AgreementEvent[] = [];
    unwatches.push(
      as(1).agreements.watchAgreementEvents({
        agreementId: first,
        pollingInterval: POLL,
        onEvents: (events) => seen.push(...events),
      }),
    );
    await as(1).agreements.proposeAgreement({
      accounts: [alice!, bob!],
      title: "Two",
      terms: "two",
      termsURI: "https://example.org/two.md",
    });
    await as(1).agreements.acknowledgeAgreement({ agreementId: first, terms: "one" });
    await as(2).agreements.acknowledgeAgreement({ agreementId: first, terms: "one" });
    await until(() => seen.some((event) => event.eventName === "AgreementActivated"), "AgreementActivated");
    expect(seen.every((event) => event.args.agreementId === first)).toBe(true);
  });
});

describe("watchLeaseExpiry", () => {
  it("calls back when the lease runs out on the chain's clock, after re-arming on a renewal", async () => {
    const { alice, resourceId } = await chain.fixture();
    const granted = await alice.leases.acquireLease({ resourceId, duration: 600n });
    const expired: ExpiredLease[] = [];
    unwatches.push(
      watchLeaseExpiry(alice, {
        resourceId,
        pollingInterval: POLL,
        onExpired: (lease) => expired.push(lease),
      }),
    );
    const renewed = await alice.leases.renewLease({ resourceId, duration: 1_800n });
    expect(renewed.expiresAt).toBeGreaterThan(granted.expiresAt);

    // The chain's clock passes the renewed end: no event is emitted, the watch sees it from the clock.
    await chain.mineAt(renewed.expiresAt + 1n);
    await until(() => expired.length > 0, "the lease's expiry");
    expect(expired[0]).toEqual({
      resourceId,
      holder: chain.names.alice,
      fencingToken: granted.fencingToken,
      expiresAt: renewed.expiresAt,
    });
    expect((await alice.leases.leaseOf({ resourceId })).holder).toBeNull();
  });

  it("does not report a lease released before its end, and reports the next lease's expiry", async () => {
    const { alice, bob, resourceId } = await chain.fixture();
    await alice.leases.acquireLease({ resourceId, duration: 600n });
    const expired: ExpiredLease[] = [];
    unwatches.push(
      bob.leases.watchLeaseExpiry({
        resourceId,
        pollingInterval: POLL,
        onExpired: (lease) => expired.push(lease),
      }),
    );
    await alice.leases.releaseLease({ resourceId });
    const next = await bob.leases.acquireLease({ resourceId, duration: 60n });
    await chain.mineAt(next.expiresAt + 1n);
    await until(() => expired.length > 0, "bob's lease expiry");
    expect(expired.map((lease) => lease.holder)).toEqual([chain.names.bob]);
    expect(expired[0]!.fencingToken).toBe(next.fencingToken);
  });
});
