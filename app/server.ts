/**
 * Builds the members' web app and serves the static build on 127.0.0.1, with a `config.json` that
 * tells the app which chain and RPC to use. Used by `npm start` (scripts/start.ts) and the browser
 * tests; run on its own with `npm run app:serve` (serves app/dist).
 */
import { spawn } from "node:child_process";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

import type { AppSettings } from "./src/config.ts";

const appDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(appDir, "..");

/** Where `vite build` writes by default. */
export const defaultDistDir = path.join(appDir, "dist");

/**
 * Runs `vite build` for the app into `outDir` (default app/dist). Resolves when done; rejects with
 * Vite's output when the build fails.
 *
 * @example
 * await buildApp({ outDir: ".tmp/e2e-app" });
 */
export function buildApp(options: { outDir?: string; env?: NodeJS.ProcessEnv } = {}): Promise<string> {
  const outDir = path.resolve(options.outDir ?? defaultDistDir);
  const vite = path.join(root, "node_modules/.bin/vite");
  return new Promise((resolve, reject) => {
    const child = spawn(
      vite,
      [
        "build",
        "--config",
        path.join(appDir, "vite.config.ts"),
        "--outDir",
        outDir,
        "--emptyOutDir",
        "--logLevel",
        "error",
      ],
      // NODE_ENV=production whatever the caller's (vitest sets "test", which would bundle React's development build).
      {
        cwd: root,
        stdio: ["ignore", "pipe", "pipe"],
        env: { ...process.env, NODE_ENV: "production", ...options.env },
      },
    );
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve(outDir) : reject(new Error(`vite build exited ${code}:\n${output}`)),
    );
  });
}

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
};

/** A running app server. */
export type AppServer = { url: string; port: number; close(): Promise<void> };

/**
 * Serves a static build of the app. `settings` (chain id, RPC URL…) is served as `/config.json`, which
 * the app reads at start, so one build serves any chain; without it, a `config.json` in the build (if
 * any) is served as a file.
 *
 * @example
 * const app = await serveApp({ port: 5173, settings: { chainId: 31337, rpcUrl: "http://127.0.0.1:8545" } });
 * console.log(app.url); // http://127.0.0.1:5173/
 */
export async function serveApp(
  options: { dir?: string; host?: string; port?: number; settings?: AppSettings } = {},
): Promise<AppServer> {
  const dir = path.resolve(options.dir ?? defaultDistDir);
  const host = options.host ?? "127.0.0.1";
  try {
    await stat(path.join(dir, "index.html"));
  } catch {
    throw new Error(`No app build in ${dir}: run "npm run app:build" first.`);
  }
  const config = options.settings ? JSON.stringify(options.settings, null, 2) : null;

  const server = createServer(async (request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    if (pathname === "/config.json" && config !== null) {
      response.writeHead(200, { "content-type": MIME[".json"]!, "cache-control": "no-store" });
      response.end(request.method === "HEAD" ? undefined : config);
      return;
    }
    const file = path.join(dir, pathname.endsWith("/") ? `${pathname}index.html` : pathname);
    if (!file.startsWith(dir + path.sep)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error("not a file");
      const immutable = pathname.startsWith("/assets/");
      response.writeHead(200, {
        "content-type": MIME[path.extname(file)] ?? "application/octet-stream",
        "content-length": info.size,
        "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
        "x-content-type-options": "nosniff",
      });
      if (request.method === "HEAD") response.end();
      else createReadStream(file).pipe(response);
    } catch {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found");
    }
  });

  const wanted = options.port ?? 5173;
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new Error(
              `Port ${wanted} on ${host} is already in use: stop what uses it or set CONCORD_APP_PORT.`,
            )
          : error,
      ),
    );
    server.listen(wanted, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}/`,
    port,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// `node app/server.ts`: serve app/dist (after `npm run app:build`) for the chain named by the environment.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const settings: AppSettings = {
    chainId: process.env.CONCORD_CHAIN_ID ? Number(process.env.CONCORD_CHAIN_ID) : undefined,
    rpcUrl: process.env.CONCORD_RPC_URL,
  };
  const hasSettings = settings.chainId !== undefined || settings.rpcUrl !== undefined;
  const app = await serveApp({
    port: Number(process.env.CONCORD_APP_PORT ?? 5173),
    settings: hasSettings ? settings : undefined,
  });
  console.log(`Concord's web app: ${app.url}  (Ctrl-C stops)`);
}
