/**
 * Fixture of the leases SDK tests: one in-process chain per test file; per test, a snapshot (Hardhat's
 * `loadFixture`) of a CellRegistry and a ResourceLeases with:
 * - cell 1 "ops": steward (account 0) and members alice, bob, carol, dave (accounts 1-4);
 * - cell 2 "other": stewardB (account 5) and member eve (account 6);
 * - cell 3 "child" of cell 1, without members; mallory (account 7) is in no cell;
 * - resource 1 "printer", owned by cell 1, policy 0, maximum 1 hour, claim window 5 minutes, limits relaxed
 *   (6 bookings per account, 366 days ahead, no cool-down).
 */
import { getAddress, toFunctionSelector } from "viem";
import type { Address } from "viem";
import { getTransactionCount } from "viem/actions";
import { expect } from "vitest";

import { ConcordError, ContractRefusalError, resourceLeasesAbi } from "../../sdk/index.ts";
import type { ConcordClient } from "../../sdk/index.ts";
import { createTestChain, rejection } from "./fixture.ts";

export const MAX = 3600n;
export const WINDOW = 300n;

/** Opens a chain for a test file (call in `beforeAll`); `fixture()` then gives each test a fresh state. */
export async function createLeasesChain() {
  const chain = await createTestChain();
  const { viem, networkHelpers, publicClient, accounts } = chain;
  const [steward, alice, bob, carol, dave, stewardB, eve, mallory] = accounts as [
    Address,
    Address,
    Address,
    Address,
    Address,
    Address,
    Address,
    Address,
  ];

  async function deployLeases() {
    const startBlock = (await publicClient.getBlockNumber()) + 1n;
    const registry = await viem.deployContract("CellRegistry", [steward]);
    const leases = await viem.deployContract("ResourceLeases", [registry.address]);
    const addresses = {
      cellRegistry: getAddress(registry.address),
      resourceLeases: getAddress(leases.address),
    };
    const { clients, as, readOnly } = chain.clientsFor(addresses, startBlock);
    await as(0).cells.createCell({ name: "ops" });
    await as(0).cells.addMembers({ cellId: 1n, members: [alice, bob, carol, dave] });
    await as(5).cells.createCell({ name: "other" });
    await as(5).cells.addMember({ cellId: 2n, account: eve });
    await as(0).cells.createCell({ parentId: 1n, name: "child" });
    const { resourceId } = await as(0).leases.registerResource({
      ownerCellId: 1n,
      name: "printer",
      maxDuration: MAX,
      access: 0,
      claimWindow: WINDOW,
    });
    // The limits most tests assume (6 bookings per account, a year ahead, no cool-down); the fairness
    // tests set the defaults back.
    await as(0).leases.setResourceLimits({
      resourceId,
      maxBookings: 6,
      maxLeadTime: 366n * 86_400n,
      cooldown: 0,
    });
    return { registry, leases, addresses, startBlock, clients, readOnly, resourceId };
  }

  /** A fresh state (a snapshot restored after the first call). */
  async function fixture() {
    const deployed = await networkHelpers.loadFixture(deployLeases);
    const as = (i: number): ConcordClient => deployed.clients[i]!;
    return {
      ...deployed,
      as,
      steward: as(0),
      alice: as(1),
      bob: as(2),
      carol: as(3),
      dave: as(4),
      stewardB: as(5),
      eve: as(6),
      mallory: as(7),
    };
  }

  /** Mines a block at `timestamp`: reads and simulations then see that time. */
  async function mineAt(timestamp: bigint): Promise<void> {
    await networkHelpers.time.increaseTo(timestamp);
  }

  /** The next transaction is mined at `timestamp` (simulations still see the latest block's time). */
  async function nextAt(timestamp: bigint): Promise<void> {
    await networkHelpers.time.setNextBlockTimestamp(timestamp);
  }

  return {
    ...chain,
    fixture,
    mineAt,
    nextAt,
    names: { steward, alice, bob, carol, dave, stewardB, eve, mallory },
  };
}

export type LeasesChain = Awaited<ReturnType<typeof createLeasesChain>>;
export type LeasesFixture = Awaited<ReturnType<LeasesChain["fixture"]>>;

/**
 * Asserts that `promise` rejects with a decoded ResourceLeases refusal named `errorName` (and these
 * named arguments), with a human message free of raw revert data; returns it.
 */
export async function refusal(
  promise: Promise<unknown>,
  errorName: string,
  namedArgs?: Record<string, unknown>,
): Promise<ContractRefusalError> {
  const error = await rejection(promise);
  if (!(error instanceof ContractRefusalError)) throw error;
  expect(error).toBeInstanceOf(ConcordError);
  expect(error.errorName).toBe(errorName);
  if (namedArgs) expect(error.namedArgs).toEqual(namedArgs);
  const item = resourceLeasesAbi.find((entry) => entry.type === "error" && entry.name === errorName);
  expect(item, `${errorName} is an error of ResourceLeases`).toBeDefined();
  if (item?.type === "error") {
    const selector = toFunctionSelector(`${item.name}(${item.inputs.map((input) => input.type).join(",")})`);
    expect(error.message.toLowerCase()).not.toContain(selector.slice(2));
  }
  expect(error.shortMessage).not.toMatch(/0x[0-9a-fA-F]{41,}/);
  expect(error.shortMessage).not.toContain("The contract refused the call (");
  return error;
}

/** Everything a refused leases write could have touched on `resourceId`, to compare before/after. */
export async function leaseSnapshot(
  concord: ConcordClient,
  resourceId: bigint,
  accounts: readonly Address[],
) {
  const { readAt: _readAt, ...resource } = await concord.leases.getResource({
    resourceId,
    reservationLimit: 100,
  });
  return {
    resource,
    count: await concord.leases.resourceCount(),
    places: await Promise.all(accounts.map((account) => concord.leases.placeOf({ resourceId, account }))),
    nonces: await Promise.all(
      accounts.map((address) => getTransactionCount(concord.publicClient, { address })),
    ),
  };
}

/** The UTC format of the messages. */
export function utc(seconds: bigint): string {
  return new Date(Number(seconds) * 1000).toISOString().replace("T", " ").replace(".000Z", " UTC");
}
