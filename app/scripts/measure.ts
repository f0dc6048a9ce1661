/**
 * Measures the web app: first-load JavaScript of the production build (raw and gzip), and — against a
 * running app and chain (`npm start`) — the RPC requests and the time to render the demo dashboard in
 * Chromium. The browser tests call the same functions on their own stack.
 *
 *   npm start                      # in another terminal
 *   npm run app:measure            # prints a Markdown report
 *   npm run app:measure -- --out bench/reports/app.md --runs 5
 *
 * Besides the dashboard, the other pages members open first (treasury, member directory) are measured on a
 * cold load each: requests until they show, time, and the lazy JavaScript they add. `--screenshots DIR`
 * also saves the dashboard, the treasury, the member directory and a proposal page at 1366 × 900 and
 * 390 × 844 (full page), to look at before a release.
 *
 * Options: --dist app/dist, --url http://127.0.0.1:5173/, --rpc http://127.0.0.1:8545,
 * --indexer http://127.0.0.1:42069 (its requests are counted too; `none`: no indexer), --runs 5,
 * --out FILE (also writes FILE.json next to it), --no-browser (size only), --screenshots DIR.
 */
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

import { chromium } from "playwright-core";
import type { Browser } from "playwright-core";

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The flags TOOLCHAIN.md gives for Debian's Chromium on these machines. */
export const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Launches Debian's Chromium (a fresh temporary profile per launch). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: chromiumArgs,
  });
}

/** Sizes of the files a first visit loads. */
export type BundleSize = {
  files: { file: string; bytes: number; gzip: number }[];
  jsBytes: number;
  jsGzip: number;
  cssGzip: number;
};

/**
 * The JavaScript and CSS that `index.html` loads up front (scripts, modulepreloads, stylesheets):
 * lazily imported chunks are not counted. Gzip at level 9.
 *
 * @example
 * const { jsGzip } = await firstLoadSize("app/dist"); // bytes
 */
export async function firstLoadSize(distDir: string): Promise<BundleSize> {
  const html = await readFile(path.join(distDir, "index.html"), "utf8");
  const refs = new Set<string>();
  for (const match of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) refs.add(match[1]!);
  for (const match of html.matchAll(/<link[^>]*rel="(?:modulepreload|stylesheet)"[^>]*href="([^"]+)"/g)) {
    refs.add(match[1]!);
  }
  const files: BundleSize["files"] = [];
  for (const ref of refs) {
    const file = path.join(distDir, ref.replace(/^\.?\//, ""));
    const content = await readFile(file);
    files.push({
      file: path.relative(distDir, file),
      bytes: content.length,
      gzip: gzipSync(content, { level: 9 }).length,
    });
  }
  const js = files.filter((f) => f.file.endsWith(".js"));
  const css = files.filter((f) => f.file.endsWith(".css"));
  const sum = (list: typeof files, key: "bytes" | "gzip") => list.reduce((total, f) => total + f[key], 0);
  return { files, jsBytes: sum(js, "bytes"), jsGzip: sum(js, "gzip"), cssGzip: sum(css, "gzip") };
}

/** One cold load of the dashboard. */
export type DashboardRun = {
  /** JSON-RPC calls sent to the chain until the dashboard showed everything. */
  rpcRequests: number;
  /**
   * The requests the dashboard itself needs. The block poll is paused during the measure
   * (`window.__concordPollingPaused`), so the count does not depend on how long the render takes; should a
   * poll still land, it counts once.
   */
  loadRequests: number;
  rpcMethods: string[];
  /** HTTP requests to the RPC endpoint (equal to rpcRequests: the app does not use JSON-RPC batches). */
  rpcHttpRequests: number;
  /** Requests to the indexer (`indexerUrl`) until the dashboard showed everything, by path (none without one). */
  indexerPaths: string[];
  /** From navigation start to the dashboard showing every section (performance mark), ms. */
  renderMs: number;
};

/**
 * Loads the dashboard `runs` times, each in a fresh browser context (cold cache, no wallet, block polling
 * paused), and counts the RPC requests until it shows everything (`data-ready`), and the time it took.
 *
 * @example
 * const runs = await measureDashboard(browser, { url: "http://127.0.0.1:5173/", rpcUrl: "http://127.0.0.1:8545" });
 */
export async function measureDashboard(
  browser: Browser,
  options: { url: string; rpcUrl: string; indexerUrl?: string | undefined; runs?: number },
): Promise<DashboardRun[]> {
  const rpcOrigin = new URL(options.rpcUrl).origin;
  const indexerOrigin = options.indexerUrl ? new URL(options.indexerUrl).origin : null;
  const runs: DashboardRun[] = [];
  for (let i = 0; i < (options.runs ?? 3); i++) {
    const context = await browser.newContext();
    // The block poll's requests depend on how long the render takes, not on what the dashboard needs.
    await context.addInitScript(() => {
      (window as unknown as { __concordPollingPaused: boolean }).__concordPollingPaused = true;
    });
    const page = await context.newPage();
    const methods: string[] = [];
    const indexerPaths: string[] = [];
    let http = 0;
    let counting = true;
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (counting && url.origin === indexerOrigin) indexerPaths.push(url.pathname);
      if (!counting || request.method() !== "POST" || url.origin !== rpcOrigin) return;
      http++;
      const body = JSON.parse(request.postData() ?? "null") as
        { method: string } | { method: string }[] | null;
      for (const call of Array.isArray(body) ? body : body ? [body] : []) methods.push(call.method);
    });
    await page.goto(options.url);
    await page.waitForSelector('[data-testid="dashboard"][data-ready="true"]', { timeout: 30_000 });
    counting = false;
    const renderMs = await page.evaluate(
      () => performance.getEntriesByName("concord:dashboard-ready")[0]?.startTime ?? Number.NaN,
    );
    const polls = methods.filter((m) => m === "eth_blockNumber").length;
    runs.push({
      rpcRequests: methods.length,
      loadRequests: methods.length - Math.max(0, polls - 1),
      rpcMethods: methods,
      rpcHttpRequests: http,
      indexerPaths,
      renderMs: Math.round(renderMs),
    });
    await context.close();
  }
  return runs;
}

/** A page measured after the dashboard: where it is and what shows once it has loaded. */
export type PageTarget = { name: string; hash: string; ready: string };

/** The pages `app:measure` reports besides the dashboard. */
export const measuredPages: readonly PageTarget[] = [
  { name: "treasury", hash: "#/treasury", ready: '[data-testid="treasury-balances"]' },
  { name: "members", hash: "#/members", ready: '[data-testid="member-row"]' },
];

/** One cold load of a page. */
export type PageRun = {
  name: string;
  /** RPC requests until the page showed, the block poll counted once (as for the dashboard). */
  loadRequests: number;
  rpcMethods: string[];
  /** Requests to the indexer until the page showed, by path (none without one). */
  indexerPaths: string[];
  /** From navigation start to the page's content showing, ms (wall clock around the wait). */
  renderMs: number;
  /** JavaScript fetched beyond the first load (the page's lazy chunks), bytes as transferred. */
  lazyJsBytes: number;
};

/**
 * Loads each of `pages` once in a fresh context (cold cache, no wallet) and counts the RPC requests and the
 * lazy JavaScript until its content shows.
 *
 * @example
 * const runs = await measurePages(browser, { url, rpcUrl, firstLoad: size.files.map((f) => f.file) });
 */
export async function measurePages(
  browser: Browser,
  options: {
    url: string;
    rpcUrl: string;
    indexerUrl?: string | undefined;
    firstLoad: readonly string[];
    pages?: readonly PageTarget[];
  },
): Promise<PageRun[]> {
  const rpcOrigin = new URL(options.rpcUrl).origin;
  const indexerOrigin = options.indexerUrl ? new URL(options.indexerUrl).origin : null;
  const runs: PageRun[] = [];
  for (const target of options.pages ?? measuredPages) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const methods: string[] = [];
    const indexerPaths: string[] = [];
    const lazy: Promise<number>[] = [];
    let counting = true;
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (counting && url.origin === indexerOrigin) indexerPaths.push(url.pathname);
      if (!counting || request.method() !== "POST" || url.origin !== rpcOrigin) return;
      const body = JSON.parse(request.postData() ?? "null") as
        { method: string } | { method: string }[] | null;
      for (const call of Array.isArray(body) ? body : body ? [body] : []) methods.push(call.method);
    });
    page.on("response", (response) => {
      const url = new URL(response.url());
      if (!counting || !url.pathname.endsWith(".js")) return;
      if (options.firstLoad.some((file) => url.pathname.endsWith(`/${file}`))) return;
      lazy.push(
        response.body().then(
          (body) => body.length,
          () => 0,
        ),
      );
    });
    const started = Date.now();
    await page.goto(new URL(target.hash, options.url).toString());
    await page.waitForSelector(target.ready, { timeout: 60_000 });
    const renderMs = Date.now() - started;
    counting = false;
    const polls = methods.filter((m) => m === "eth_blockNumber").length;
    runs.push({
      name: target.name,
      loadRequests: methods.length - Math.max(0, polls - 1),
      rpcMethods: methods,
      indexerPaths,
      renderMs,
      lazyJsBytes: (await Promise.all(lazy)).reduce((a, b) => a + b, 0),
    });
    await context.close();
  }
  return runs;
}

/** The two sizes the app is checked at: a laptop and a phone. */
export const screenshotSizes = [
  { name: "desktop", width: 1366, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;

/**
 * Full-page screenshots of the dashboard, the treasury, the member directory and the newest proposal, at
 * both {@link screenshotSizes}, into `dir` (`<page>-<size>.png`). Returns the files written.
 *
 * @example
 * await takeScreenshots(browser, { url: "http://127.0.0.1:5173/", dir: "test-results/screenshots" });
 */
export async function takeScreenshots(
  browser: Browser,
  options: { url: string; dir: string },
): Promise<string[]> {
  await mkdir(options.dir, { recursive: true });
  const files: string[] = [];
  for (const size of screenshotSizes) {
    const context = await browser.newContext({ viewport: { width: size.width, height: size.height } });
    const page = await context.newPage();
    await page.goto(options.url);
    await page.waitForSelector('[data-testid="dashboard"][data-ready="true"]', { timeout: 60_000 });
    const proposal = await page
      .locator('[data-section="proposals"] a[href^="#/proposals/"]:not([href="#/proposals/new"])')
      .first()
      .getAttribute("href")
      .catch(() => null);
    const shots: [string, string | null, string][] = [
      ["dashboard", null, '[data-testid="dashboard"][data-ready="true"]'],
      ["treasury", "#/treasury", '[data-testid="treasury-balances"]'],
      ["members", "#/members", '[data-testid="member-row"]'],
      ...(proposal
        ? [["proposal", proposal, '[data-testid="proposal-page"]'] as [string, string, string]]
        : []),
    ];
    for (const [name, hash, ready] of shots) {
      if (hash) await page.goto(new URL(hash, options.url).toString());
      await page.waitForSelector(ready, { timeout: 60_000 });
      // Let lazy sections (ballots, simulation) settle before the picture.
      await page.waitForLoadState("networkidle").catch(() => undefined);
      const file = path.join(options.dir, `${name}-${size.name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      files.push(file);
    }
    await context.close();
  }
  return files;
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** The report, in Markdown. */
export function formatReport(
  size: BundleSize,
  runs: DashboardRun[] | null,
  pages: PageRun[] | null = null,
): string {
  const lines = [
    "# Web app measures",
    "",
    "First-load assets of the production build (`vite build`), gzip level 9:",
    "",
    "| file | raw | gzip |",
    "| --- | ---: | ---: |",
    ...size.files.map((f) => `| ${f.file} | ${kB(f.bytes)} | ${kB(f.gzip)} |`),
    "",
    `**First-load JavaScript: ${kB(size.jsGzip)} gzip** (${kB(size.jsBytes)} raw; target ≤ 250 kB). CSS: ${kB(size.cssGzip)} gzip.`,
  ];
  if (runs?.length) {
    const requests = runs.map((r) => r.loadRequests);
    lines.push(
      "",
      `Demo dashboard on the local chain, ${runs.length} cold loads in Chromium (fresh context each):`,
      "",
      `- RPC requests until everything shows, block polling paused: ${[...new Set(requests)].join(" / ")} ` +
        `(${runs[0]!.rpcMethods.join(", ")}); target ≤ 5`,
      `- indexer requests until everything shows: ${[...new Set(runs.map((r) => r.indexerPaths.length))].join(" / ")}` +
        (runs[0]!.indexerPaths.length ? ` (${runs[0]!.indexerPaths.join(", ")})` : " (no indexer)"),
      `- time from navigation to the full dashboard: median ${median(runs.map((r) => r.renderMs))} ms, ` +
        `max ${Math.max(...runs.map((r) => r.renderMs))} ms (runs: ${runs.map((r) => r.renderMs).join(", ")}); target < 1 s`,
    );
  }
  if (pages?.length) {
    lines.push(
      "",
      "Other pages, one cold load each (fresh context, no wallet):",
      "",
      "| page | RPC requests until it shows | indexer requests | time | lazy JS (raw) |",
      "| --- | ---: | ---: | ---: | ---: |",
      ...pages.map(
        (p) =>
          `| ${p.name} | ${p.loadRequests} (${[...new Set(p.rpcMethods)].join(", ")}) | ${p.indexerPaths.length}${p.indexerPaths.length ? ` (${[...new Set(p.indexerPaths)].join(", ")})` : ""} | ${p.renderMs} ms | ${kB(p.lazyJsBytes)} |`,
      ),
    );
  }
  return `${lines.join("\n")}\n`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string, fallback?: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const distDir = path.resolve(option("dist", path.join(appDir, "dist"))!);
  await stat(path.join(distDir, "index.html")).catch(() => {
    throw new Error(`No build in ${distDir}: run "npm run app:build" or "npm start" first.`);
  });
  const size = await firstLoadSize(distDir);
  let runs: DashboardRun[] | null = null;
  let pages: PageRun[] | null = null;
  if (!args.includes("--no-browser")) {
    const browser = await launchChromium();
    const url = option("url", "http://127.0.0.1:5173/")!;
    const rpcUrl = option("rpc", "http://127.0.0.1:8545")!;
    // The indexer `npm start` runs (`--indexer none` when the app reads the chain only).
    const indexer = option("indexer", "http://127.0.0.1:42069")!;
    const indexerUrl = indexer === "none" ? undefined : indexer;
    try {
      runs = await measureDashboard(browser, { url, rpcUrl, indexerUrl, runs: Number(option("runs", "5")) });
      pages = await measurePages(browser, {
        url,
        rpcUrl,
        indexerUrl,
        firstLoad: size.files.map((f) => f.file),
      });
      const shots = option("screenshots");
      if (shots) {
        const files = await takeScreenshots(browser, { url, dir: path.resolve(shots) });
        process.stderr.write(`Screenshots: ${files.join(", ")}\n`);
      }
    } finally {
      await browser.close();
    }
  }
  const report = formatReport(size, runs, pages);
  const out = option("out");
  if (out) {
    await writeFile(out, report);
    await writeFile(
      out.replace(/\.md$/, "") + ".json",
      `${JSON.stringify({ size, runs, pages }, null, 2)}\n`,
    );
  }
  process.stdout.write(report);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
