/**
 * A short run of the agents' harness (bench/agents): 4 agents contending for 2 resources on a `hardhat node`
 * with automine, one forced crash, restarts and a late claimer. It asserts the invariants of the run, never a
 * duration or a count that depends on timing.
 */
import { describe, expect, it } from "vitest";

import { runHarness } from "../../bench/agents/harness.ts";
import { freePort } from "../utils/localNode.ts";

describe("the agents' harness", () => {
  it("holds its invariants with crashes, restarts and late claimers", { timeout: 240_000 }, async () => {
    const result = await runHarness({
      agents: 4,
      resources: 2,
      mining: "auto",
      durationMs: 25_000,
      maxDuration: 60n,
      claimWindow: 10n,
      workMs: [200, 2_000],
      crashRate: 0,
      forceCrashAgent: 0,
      restartMs: [200, 1_000],
      lateShare: 0.25,
      seed: 15,
      port: await freePort(),
    });
    for (const check of result.checks) expect(check, check.detail).toMatchObject({ ok: true });
    expect(result.checks.map((c) => c.name)).toEqual([
      "no two agents held a resource at once (chain events)",
      "no two agents held a resource at once (work log, fenced)",
      "fencing tokens seen by the guarded work only increase per resource",
      "a crashed agent's lease frees by expiry alone",
      "every waiter is served within (p+1)·(2D+W)",
      "no agent died on an unexpected error",
    ]);
    expect(result.crashes).toBe(1);
    expect(result.relayed.applied + result.relayed.skipped).toBe(4);
  });
});
