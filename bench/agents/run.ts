/**
 * `npm run bench:agents`: runs the agents' harness for N = 10, 50, 200 with automine and interval mining
 * (a block every 2 s), each on a fresh `hardhat node`, and writes bench/reports/agents.md and agents.json.
 *
 * Options: `--agents 10,50` `--mining auto,interval` `--seconds 120` `--out bench/reports/agents`.
 */
import { writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import { runHarness } from "./harness.ts";
import type { HarnessOptions, HarnessResult } from "./harness.ts";
import { renderReport } from "./report.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The configuration of one run: automine uses long chain-time leases (its clock races with the transactions). */
export function configFor(
  agents: number,
  mining: "auto" | "interval",
  seconds: number,
): Omit<HarnessOptions, "port"> {
  const resources = Math.max(2, Math.round(agents / 5));
  const auto = mining === "auto";
  return {
    agents,
    resources,
    mining,
    intervalMs: 2_000,
    durationMs: seconds * 1_000,
    maxDuration: auto ? 120n : 20n,
    claimWindow: auto ? 20n : 6n,
    workMs: auto ? [300, 5_000] : [1_000, 14_000],
    crashRate: 0.05,
    restartMs: auto ? [500, 3_000] : [2_000, 10_000],
    lateShare: 0.2,
    seed: agents * 7 + (auto ? 1 : 2),
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      agents: { type: "string", default: "10,50,200" },
      mining: { type: "string", default: "auto,interval" },
      seconds: { type: "string", default: "120" },
      out: { type: "string", default: "bench/reports/agents" },
    },
  });
  const counts = values.agents.split(",").map(Number);
  const minings = values.mining.split(",") as ("auto" | "interval")[];
  const seconds = Number(values.seconds);
  const results: HarnessResult[] = [];
  for (const mining of minings) {
    for (const agents of counts) {
      const config = configFor(agents, mining, seconds);
      process.stderr.write(`run: ${agents} agents, ${mining} mining, ${seconds} s\n`);
      const result = await runHarness({ ...config, port: await freePort(), verbose: true });
      results.push(result);
      for (const check of result.checks) {
        process.stderr.write(`  ${check.ok ? "ok  " : "FAIL"} ${check.name}: ${check.detail}\n`);
      }
      // Written after each run, so that a long series leaves its finished runs behind.
      const out = path.resolve(root, values.out);
      const json = JSON.stringify(results, (_, v) => (typeof v === "bigint" ? v.toString() : v), 2);
      await writeFile(`${out}.json`, `${json}\n`);
      await writeFile(`${out}.md`, renderReport(results, `npm run bench:agents -- --seconds ${seconds}`));
      process.stderr.write(`wrote ${out}.md and ${out}.json\n`);
    }
  }
  if (results.some((r) => r.checks.some((c) => !c.ok))) process.exitCode = 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
