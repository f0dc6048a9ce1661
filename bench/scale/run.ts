/**
 * `npm run bench:scale`: grows the demo DAO to sizes S, M and L on a local Hardhat node (through the SDK,
 * `grow.ts`) and, at each size, reads every page of the app (`pages.ts`) through a counting JSON-RPC proxy
 * (`proxy.ts`), without and with a public provider's limits (10,000 blocks / 10,000 logs per `eth_getLogs`):
 * requests, bytes and time per page, or the failure. Prints a Markdown table and writes it to
 * `.tmp/bench-scale-<sizes>.json`. `SCALE_SIZES=S,M` limits the sizes. L growth takes minutes: run with `nice -n 10`.
 *
 * `SCALE_PATHS=rpc,indexer` also reads every page through the indexer: after each growth a fresh indexer
 * (PGlite, `indexer/start.ts`) backfills the chain, and each page reads through a client with
 * `reads: "indexer"`; its requests and bytes are the JSON-RPC ones at the proxy plus the indexer's HTTP ones
 * (response bodies). Off by default: the backfill at each size (tens of minutes at L on a loaded 2-core
 * machine) more than doubles the run; `bench/scale/indexer.ts` measures the indexer's page-shaped API per
 * size (`bench/reports/indexer.md`).
 *
 * `SCALE_SERVE=1 SCALE_SIZES=L` grows one size, lets a fresh indexer backfill it, writes `.tmp/scale-serve-L.json`
 * and keeps both running; `SCALE_ATTACH=.tmp/scale-serve-L.json SCALE_PATHS=rpc,indexer npm run bench:scale` then
 * measures the pages on them, as often as the app's reads change, without growing (20 min) or backfilling
 * (25 min) again.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { createPublicClient, http } from "viem";
import { hardhat } from "viem/chains";

import { startIndexer } from "../../indexer/start.ts";
import type { RunningIndexer } from "../../indexer/start.ts";
import { MULTICALL3_ADDRESS, createConcordClient } from "../../sdk/index.ts";
import type { ConcordClient, Deployment } from "../../sdk/index.ts";
import { HOST, freePort, root } from "../../test/utils/localNode.ts";
import { startScaleChain } from "./chain.ts";
import { growDao } from "./grow.ts";
import type { ScaleSize } from "./grow.ts";
import { pages } from "./pages.ts";
import { PUBLIC_PROVIDER_LIMITS, startProxy } from "./proxy.ts";

const PAGE_TIMEOUT_MS = 600_000;

/** How long an indexer may take to backfill a grown chain. */
const BACKFILL_TIMEOUT_MS = 2 * 3_600_000;

type ReadPath = "rpc" | "indexer";

/** Counts the indexer's HTTP requests and response bytes of the indexer-path clients. */
const indexerCounts = { requests: 0, bytes: 0, paths: {} as Record<string, number> };
const countingFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  const body = await response.arrayBuffer();
  indexerCounts.requests += 1;
  indexerCounts.bytes += body.byteLength;
  const where = new URL(typeof input === "string" || input instanceof URL ? input : input.url).pathname;
  indexerCounts.paths[where] = (indexerCounts.paths[where] ?? 0) + 1;
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
};

/**
 * The client each page reads through (INDEXER HOOK): direct reads, or `reads: "indexer"` on the running
 * indexer with a counting fetch.
 */
function clientFor(
  rpcUrl: string,
  deployment: Deployment,
  path: ReadPath,
  indexerUrl: string | null,
): ConcordClient {
  const publicClient = createPublicClient({
    chain: { ...hardhat, contracts: { multicall3: { address: MULTICALL3_ADDRESS } } },
    transport: http(rpcUrl, { timeout: 120_000 }),
  });
  if (path === "rpc") return createConcordClient({ publicClient, deployment });
  if (!indexerUrl) throw new Error("The indexer path needs a running indexer.");
  return createConcordClient({
    publicClient,
    deployment,
    indexer: { url: indexerUrl, fetch: countingFetch },
    reads: "indexer",
  });
}

/** Starts a fresh indexer (PGlite in a temporary directory) on the chain and waits for its backfill. */
async function startBenchIndexer(
  rpcUrl: string,
  deployment: Deployment,
): Promise<{ indexer: RunningIndexer; directory: string; stop: () => Promise<void> }> {
  const directory = await mkdtemp(path.join(tmpdir(), "concord-scale-pglite-"));
  const indexer = await startIndexer({
    rpcUrl,
    deployment,
    port: await freePort(),
    host: HOST,
    pgliteDirectory: directory,
  });
  const stop = async () => {
    await indexer.stop();
    await rm(directory, { recursive: true, force: true });
  };
  try {
    await indexer.ready(BACKFILL_TIMEOUT_MS);
  } catch (error) {
    await stop();
    throw error;
  }
  return { indexer, directory, stop };
}

export type Measure = {
  size: ScaleSize;
  path: ReadPath;
  limits: boolean;
  page: string;
  requests: number;
  bytes: number;
  ms: number;
  /** eth_getLogs requests the limited provider refused (and the scanner split). */
  refused: number;
  /** JSON-RPC requests by method (a batch counts each call), and the indexer's by path. */
  methods: Record<string, number>;
  error: string | null;
};

/** What `SCALE_SERVE=1` writes and `SCALE_ATTACH` reads: a grown chain and its indexer, still running. */
type Served = {
  size: ScaleSize;
  rpcUrl: string;
  indexerUrl: string | null;
  /** The indexer's PGlite directory (an indexer started on a copy of it resumes instead of backfilling). */
  pgliteDirectory: string | null;
  deployment: Deployment;
  height: string;
  lastProposal: string;
};

const servedFile = (size: ScaleSize) => path.join(root, `.tmp/scale-serve-${size}.json`);

/** Reads every page of one grown size through each path, without and with the provider limits. */
async function measureSize(options: {
  size: ScaleSize;
  paths: ReadPath[];
  proxy: Awaited<ReturnType<typeof startProxy>>;
  deployment: Deployment;
  indexerUrl: string | null;
  lastProposal: bigint;
  measures: Measure[];
  log: (line: string) => void;
}): Promise<void> {
  const { size, paths, proxy, deployment, indexerUrl, measures, log } = options;
  let lastProposal = options.lastProposal;
  for (const readPath of paths)
    for (const limits of [false, true]) {
      proxy.limits = limits ? PUBLIC_PROVIDER_LIMITS : null;
      for (const page of pages(() => lastProposal)) {
        // A fresh client per page: nothing cached from the previous page (nor a learnt span).
        const concord = clientFor(proxy.url, deployment, readPath, indexerUrl);
        if (lastProposal === 0n)
          lastProposal = (await concord.governance.listProposals({ limit: 1 })).items[0]!.id;
        proxy.reset();
        indexerCounts.requests = 0;
        indexerCounts.bytes = 0;
        indexerCounts.paths = {};
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
          path: readPath,
          limits,
          page: page.name,
          requests: proxy.counts.requests + indexerCounts.requests,
          bytes: proxy.counts.bytes + indexerCounts.bytes,
          ms: Math.round(performance.now() - t),
          refused: proxy.counts.refused,
          methods: { ...proxy.counts.methods, ...indexerCounts.paths },
          error,
        };
        measures.push(measure);
        log(
          `${size} ${readPath} ${limits ? "limited" : "unlimited"} ${page.name}: ${measure.requests} requests` +
            (readPath === "indexer" ? ` (${indexerCounts.requests} to the indexer)` : "") +
            `, ${(measure.bytes / 1024).toFixed(0)} KB, ${measure.ms} ms${error ? ` — FAILS: ${error}` : ""}` +
            ` ${JSON.stringify(measure.methods)}`,
        );
      }
    }
}

async function main(): Promise<void> {
  let sizes = (process.env.SCALE_SIZES ?? "S,M,L").split(",") as ScaleSize[];
  const paths = (process.env.SCALE_PATHS ?? "rpc").split(",") as ReadPath[];
  for (const p of paths) {
    if (p !== "rpc" && p !== "indexer") throw new Error(`SCALE_PATHS takes rpc and indexer, got ${p}`);
  }
  const serve = process.env.SCALE_SERVE === "1";
  const attach = process.env.SCALE_ATTACH;
  if (serve && sizes.length !== 1) throw new Error("SCALE_SERVE=1 serves one size: set SCALE_SIZES to it");
  const started = Date.now();
  const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0)} s] ${line}`);
  const measures: Measure[] = [];
  const heights: Record<string, string> = {};

  if (attach) {
    // Measure the pages on a chain (and indexer) another process grew and keeps running (SCALE_SERVE=1).
    const { readFile } = await import("node:fs/promises");
    const served = JSON.parse(await readFile(attach, "utf8")) as Served;
    // JSON carries the start blocks as strings.
    served.deployment = {
      ...served.deployment,
      contracts: Object.fromEntries(
        Object.entries(served.deployment.contracts).map(([name, contract]) => [
          name,
          contract && { address: contract.address, startBlock: BigInt(contract.startBlock) },
        ]),
      ),
    };
    if (paths.includes("indexer") && !served.indexerUrl) throw new Error(`${attach} has no indexer`);
    sizes = [served.size];
    heights[served.size] = served.height;
    const proxy = await startProxy(served.rpcUrl);
    try {
      await measureSize({
        size: served.size,
        paths,
        proxy,
        deployment: served.deployment,
        indexerUrl: served.indexerUrl,
        lastProposal: BigInt(served.lastProposal),
        measures,
        log,
      });
    } finally {
      await proxy.close();
    }
  } else {
    const chain = await startScaleChain();
    const proxy = await startProxy(chain.rpcUrl);
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
        // The indexer follows the chain live, and the next growth's hardhat_mine blocks (zero parent hash)
        // would stop it: a fresh indexer per size, stopped before the next growth.
        let running: Awaited<ReturnType<typeof startBenchIndexer>> | null = null;
        if (paths.includes("indexer") || serve) {
          const t1 = Date.now();
          running = await startBenchIndexer(chain.rpcUrl, chain.deployment);
          log(`indexer backfilled ${size} in ${((Date.now() - t1) / 1000).toFixed(0)} s`);
        }
        try {
          if (serve) {
            // Keep the grown chain and its indexer for SCALE_ATTACH runs until this process is stopped.
            const served: Served = {
              size,
              rpcUrl: chain.rpcUrl,
              indexerUrl: running!.indexer.url,
              pgliteDirectory: running!.directory,
              deployment: chain.deployment,
              height: report.blockNumber.toString(),
              lastProposal: lastProposal.toString(),
            };
            await mkdir(path.join(root, ".tmp"), { recursive: true });
            await writeFile(
              servedFile(size),
              JSON.stringify(served, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v), 2),
            );
            log(`serving ${size}: SCALE_ATTACH=${servedFile(size)} npm run bench:scale (Ctrl-C to stop)`);
            await new Promise<void>((resolve) => {
              process.once("SIGINT", () => resolve());
              process.once("SIGTERM", () => resolve());
            });
            return;
          }
          await measureSize({
            size,
            paths,
            proxy,
            deployment: chain.deployment,
            indexerUrl: running?.indexer.url ?? null,
            lastProposal,
            measures,
            log,
          });
        } finally {
          await running?.stop();
        }
      }
    } finally {
      await proxy.close();
      await chain.stop();
    }
  }
  const table = [
    "| size | path | page | no limits: requests | KB | time | 10,000-block/log limits: requests (refused) | KB | time |",
    "|---|---|---|---|---|---|---|---|---|",
  ];
  for (const size of sizes) {
    for (const readPath of paths)
      for (const name of [...new Set(measures.map((m) => m.page))]) {
        const cell = (limits: boolean) => {
          const m = measures.find(
            (x) => x.size === size && x.path === readPath && x.page === name && x.limits === limits,
          )!;
          if (m.error) return `fails (${m.error}) | | `;
          const refused = limits ? ` (${m.refused})` : "";
          return `${m.requests}${refused} | ${(m.bytes / 1024).toFixed(0)} | ${(m.ms / 1000).toFixed(2)} s`;
        };
        table.push(`| ${size} | ${readPath} | ${name} | ${cell(false)} | ${cell(true)} |`);
      }
  }
  console.log(`\nHeights: ${JSON.stringify(heights)}\n`);
  console.log(table.join("\n"));
  await mkdir(path.join(root, ".tmp"), { recursive: true });
  await writeFile(
    path.join(root, `.tmp/bench-scale-${sizes.join("")}${paths.includes("indexer") ? "-indexer" : ""}.json`),
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
