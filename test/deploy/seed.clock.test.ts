/**
 * One clock for the demo: the seed sets the local chain's time to the wall clock after the governance steps
 * that moved it forward (the chain starts in the past for the seat delay), and never moves it back.
 */
import { network } from "hardhat";
import { describe, expect, it } from "vitest";

import { catchUpWithWallClock } from "../../scripts/seed-governance.ts";

describe("catchUpWithWallClock", () => {
  it("brings a chain that is behind to the wall clock, and leaves one that is ahead", async () => {
    // The network `hardhat node` runs (npm start, the browser tests): it starts 8 days in the past.
    const { viem, networkHelpers } = await network.create({ network: "node" });
    const publicClient = await viem.getPublicClient();
    const testClient = await viem.getTestClient();
    const wall = () => BigInt(Math.floor(Date.now() / 1000));

    // The seed's governance steps move it a week and about an hour forward: still behind the wall clock.
    await networkHelpers.time.increase(7 * 24 * 3600 + 3600);
    const before = wall();
    const behind = await catchUpWithWallClock(testClient, publicClient);
    expect(behind).toBeGreaterThan(0n);
    const caught = (await publicClient.getBlock()).timestamp;
    expect(caught).toBeGreaterThanOrEqual(before);
    expect(caught).toBeLessThanOrEqual(wall() + 1n);

    // A chain ahead of the wall clock is not moved back.
    await networkHelpers.time.increase(3600);
    const ahead = (await publicClient.getBlock()).timestamp;
    expect(await catchUpWithWallClock(testClient, publicClient)).toBeLessThan(0n);
    expect((await publicClient.getBlock()).timestamp).toBe(ahead);
  });
});
