/**
 * `npm run bench:scale`: grows the demo DAO to sizes S, M and L on a local Hardhat node (through the SDK,
 * `grow.ts`) and, at each size, reads every page of the app (`pages.ts`) through a counting JSON-RPC proxy
 * (`proxy.ts`), without and with a public provider's limits (10,000 blocks / 10,000 logs per `eth_getLogs`):
 * requests, bytes and time per page, or the failure. Prints a Markdown table and writes it to
 * `.tmp/bench-scale-<sizes>.json`. `SCALE_SIZES=S,M` limits the sizes. L growth takes minutes: run with `nice -n 10`.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

import { createPublicClient, http } from "viem";
import { hardhat } from "viem/chains";

import { MULTICALL3_ADDRESS, createConcordClient } from "../../sdk/index.ts";
import type { ConcordClient, Deployment } from "../../sdk/index.ts";
import { root } from "../../test/utils/localNode.ts";
import { startScaleChain } from "./chain.ts";
import { growDao } from "./grow.ts";
import type { ScaleSize } from "./grow.ts";
import { pages } from "./pages.ts";
import { PUBLIC_PROVIDER_LIMITS, startProxy } from "./proxy.ts";

const PAGE_TIMEOUT_MS = 600_000;

/**
 * The client each page reads through. INDEXER HOOK: to measure the indexer path, return a client created with
 * `reads: "indexer"` (and its `indexer: { url }`) here, and add "indexer" to `paths` below.
 */
function clientFor(rpcUrl: string, deployment: Deployment, path: "rpc"): ConcordClient {
  void path;
  const publicClient = createPublicClient({
    chain: { ...hardhat, contracts: { multicall3: { address: MULTICALL3_ADDRESS } } },
    transport: http(rpcUrl, { timeout: 120_000 }),
  });
  return createConcordClient({ publicClient, deployment });
}

export type Measure = {
  size: ScaleSize;
  path: "rpc";
  limits: boolean;
  page: string;
  requests: number;
  bytes: number;
  ms: number;
  /** eth_getLogs requests the limited provider refused (and the scanner split). */
  refused: number;
  error: string | null;
};

async function main(): Promise<void> {
  const sizes = (process.env.SCALE_SIZES ?? "S,M,L").split(",") as ScaleSize[];
  const started = Date.now();
  const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0)} s] ${line}`);
  const chain = await startScaleChain();
  const proxy = await startProxy(chain.rpcUrl);
  const measures: Measure[] = [];
  const heights: Record<string, string> = {};
  try {
    let lastProposal = 0n;
    for (const size of sizes) {
      const t0 = Date.now();
      const report = await growDao({
        rpcUrl: chain.rpcUrl,
        deployment: chain.deployment,
        size,
        onPhase: log,
      });
      log(`grew to ${size} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
      heights[size] = report.blockNumber.toString();
      if (report.proposals.length > 0) lastProposal = report.proposals.at(-1)!;
      for (const limits of [false, true]) {
        proxy.limits = limits ? PUBLIC_PROVIDER_LIMITS : null;
        for (const page of pages(() => lastProposal)) {
          // A fresh client per page: nothing cached from the previous page (nor a learnt span).
          const concord = clientFor(proxy.url, chain.deployment, "rpc");
          if (lastProposal === 0n) lastProposal = (await concord.governance.listProposals()).at(0)!.id;
          proxy.reset();
          const t = performance.now();
          let error: string | null = null;
          try {
            await Promise.race([
              page.read(concord),
              new Promise((_, reject) =>
                setTimeout(
                  () => reject(new Error(`no answer in ${PAGE_TIMEOUT_MS / 1000} s`)),
                  PAGE_TIMEOUT_MS,
                ),
              ),
            ]);
          } catch (e) {
            error = String((e as { shortMessage?: string }).shortMessage ?? (e as Error).message).split(
              "\n",
            )[0]!;
          }
          const measure: Measure = {
            size,
            path: "rpc",
            limits,
            page: page.name,
            requests: proxy.counts.requests,
            bytes: proxy.counts.bytes,
            ms: Math.round(performance.now() - t),
            refused: proxy.counts.refused,
            error,
          };
          measures.push(measure);
          log(
            `${size} ${limits ? "limited" : "unlimited"} ${page.name}: ${measure.requests} requests, ` +
              `${(measure.bytes / 1024).toFixed(0)} KB, ${measure.ms} ms${error ? ` — FAILS: ${error}` : ""}`,
          );
        }
      }
    }
  } finally {
    await proxy.close();
    await chain.stop();
  }
  const table = [
    "| size | page | no limits: requests | KB | time | 10,000-block/log limits: requests (refused) | KB | time |",
    "|---|---|---|---|---|---|---|---|",
  ];
  for (const size of sizes) {
    for (const name of [...new Set(measures.map((m) => m.page))]) {
      const cell = (limits: boolean) => {
        const m = measures.find((x) => x.size === size && x.page === name && x.limits === limits)!;
        if (m.error) return `fails (${m.error}) | | `;
        const refused = limits ? ` (${m.refused})` : "";
        return `${m.requests}${refused} | ${(m.bytes / 1024).toFixed(0)} | ${(m.ms / 1000).toFixed(2)} s`;
      };
      table.push(`| ${size} | ${name} | ${cell(false)} | ${cell(true)} |`);
    }
  }
  console.log(`\nHeights: ${JSON.stringify(heights)}\n`);
  console.log(table.join("\n"));
  await mkdir(path.join(root, ".tmp"), { recursive: true });
  await writeFile(
    path.join(root, `.tmp/bench-scale-${sizes.join("")}.json`),
    JSON.stringify({ heights, measures }, null, 2),
  );
}

main().then(
  // Keep-alive sockets of the clients would hold the process open.
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
