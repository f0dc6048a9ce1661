/**
 * The indexer's launcher: checks the configuration, then runs `ponder start` on the deployment's chain.
 *
 * - `CONCORD_RPC_URL` (default http://127.0.0.1:8545): the chain's JSON-RPC endpoint; refused when it does
 *   not answer `eth_chainId`.
 * - The deployment record of that chain comes from `sdk/generated/deployments.ts` (or the JSON file named by
 *   `CONCORD_DEPLOYMENT_FILE`); refused when there is none, or when the CellRegistry has no code there.
 * - `DATABASE_URL` (optional): PostgreSQL; refused when it cannot be reached. Each deployment gets its own
 *   schema, `concord_<chainId>_<first 8 hex of the CellRegistry address>` (or `CONCORD_INDEXER_SCHEMA`).
 *   Without it, PGlite in `indexer/.ponder/pglite` (nothing to install).
 * - `CONCORD_INDEXER_PORT` (default 42069), on 127.0.0.1 unless `CONCORD_INDEXER_HOST` says otherwise; refused
 *   when the port is taken (Ponder would move to the next free port, and the URL handed to the app would be
 *   another server's).
 * - `CONCORD_INDEXER_GETLOGS_RANGE`, `CONCORD_INDEXER_POLLING_MS` (optional): positive integers, checked here.
 *
 * Restarting with the same database and schema resumes where the indexer stopped (Ponder's crash recovery).
 *
 * Usage: `npm run indexer:start`.
 */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { deployments } from "../sdk/generated/deployments.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const ponderCli = path.resolve(here, "../node_modules/ponder/dist/esm/bin/ponder.js");

/** The contracts the indexer follows. */
const INDEXED = [
  "CellRegistry",
  "AgreementRegistry",
  "ResourceLeases",
  "OperationalHouse",
  "CommunityHouse",
  "ConcordMembership",
] as const;

type PgClientConstructor = new (config: { connectionString: string; connectionTimeoutMillis: number }) => {
  connect(): Promise<void>;
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
};

/** A configuration the indexer refuses, with what to do about it. */
export class IndexerConfigError extends Error {
  override name = "IndexerConfigError";
}

export type IndexerDeployment = {
  chainId: number;
  name: string;
  contracts: Record<string, { address: string; startBlock: number | bigint } | undefined>;
};

export type StartIndexerOptions = {
  rpcUrl?: string | undefined;
  /** PostgreSQL connection string; PGlite when absent. */
  databaseUrl?: string | undefined;
  /** The PostgreSQL schema (default: one per deployment). */
  schema?: string | undefined;
  /** PGlite's directory (default indexer/.ponder/pglite). */
  pgliteDirectory?: string | undefined;
  /** A deployment record (default: the chain's in sdk/generated/deployments.ts). */
  deployment?: IndexerDeployment | undefined;
  /** A deployment record as a JSON file (default: `CONCORD_DEPLOYMENT_FILE`); `deployment` wins. */
  deploymentFile?: string | undefined;
  port?: number | undefined;
  host?: string | undefined;
  /** Milliseconds between polls of the chain head (default 250 on a local chain, 1000 elsewhere). */
  pollingMs?: number | undefined;
  /** Receives Ponder's log lines (default: dropped). */
  onLog?: ((line: string) => void) | undefined;
};

export type RunningIndexer = {
  /** The API's base URL, e.g. http://127.0.0.1:42069. */
  url: string;
  schema: string;
  process: ChildProcess;
  /** Resolves once the backfill is done (`/ready` answers 200) and the indexer has reached the chain head. */
  ready: (timeoutMs?: number) => Promise<void>;
  /** Stops Ponder (SIGTERM) and waits for it to exit. */
  stop: () => Promise<void>;
};

async function rpc(url: string, method: string, params: unknown[] = []): Promise<unknown> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
    signal: AbortSignal.timeout(5_000),
  });
  const body = (await response.json()) as { result?: unknown; error?: { message: string } };
  if (body.error) throw new Error(body.error.message);
  return body.result;
}

/** The last block the indexer at `url` has indexed (Ponder's `/status`), or -1. */
export async function indexedBlock(url: string): Promise<number> {
  const response = await fetch(`${url}/status`, { signal: AbortSignal.timeout(2_000) });
  if (!response.ok) return -1;
  const status = (await response.json()) as Record<string, { block?: { number?: number } } | undefined>;
  return Object.values(status)[0]?.block?.number ?? -1;
}

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/** A record read from a file: the shape `sdk/generated/deployments.ts` has, checked, or what is wrong with it. */
function checkRecord(record: unknown, source: string): IndexerDeployment {
  const bad = (what: string) =>
    new IndexerConfigError(
      `${source} is not a Concord deployment record: ${what}. ` +
        "Use one entry of sdk/generated/deployments.ts: { chainId, name, contracts: { CellRegistry: { address, startBlock }, … } }.",
    );
  if (typeof record !== "object" || record === null) throw bad("not a JSON object");
  const { chainId, contracts } = record as { chainId?: unknown; contracts?: unknown };
  if (typeof chainId !== "number" || !Number.isSafeInteger(chainId) || chainId <= 0)
    throw bad(`chainId ${JSON.stringify(chainId)} is not a positive integer`);
  if (typeof contracts !== "object" || contracts === null) throw bad("it has no contracts");
  for (const name of INDEXED) {
    const entry = (contracts as Record<string, unknown>)[name];
    if (entry === undefined) continue;
    const { address, startBlock } = (entry ?? {}) as { address?: unknown; startBlock?: unknown };
    if (typeof address !== "string" || !ADDRESS.test(address))
      throw bad(`${name}.address ${JSON.stringify(address)} is not an address`);
    const block =
      typeof startBlock === "string" && /^\d+$/.test(startBlock) ? Number(startBlock) : startBlock;
    if (typeof block !== "number" || !Number.isSafeInteger(block) || block < 0)
      throw bad(`${name}.startBlock ${JSON.stringify(startBlock)} is not a block number`);
  }
  return record as IndexerDeployment;
}

/** The deployment record of `chainId`: from a JSON file (`CONCORD_DEPLOYMENT_FILE`), else the generated ones. */
async function deploymentOf(chainId: number, file: string | undefined): Promise<IndexerDeployment> {
  if (file) {
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch (error) {
      throw new IndexerConfigError(
        `The deployment record ${file} (CONCORD_DEPLOYMENT_FILE) cannot be read (${(error as Error).message}).`,
      );
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new IndexerConfigError(
        `The deployment record ${file} (CONCORD_DEPLOYMENT_FILE) is not JSON (${(error as Error).message}).`,
      );
    }
    const record = checkRecord(parsed, file);
    if (record.chainId !== chainId) {
      throw new IndexerConfigError(
        `${file} is a deployment on chain ${record.chainId}, but the RPC serves chain ${chainId}.`,
      );
    }
    return record;
  }
  const record = (deployments as unknown as Record<number, IndexerDeployment | undefined>)[chainId];
  if (!record) {
    throw new IndexerConfigError(
      `Concord has no deployment record for chain ${chainId} (known: ${Object.keys(deployments).join(", ")}). ` +
        "Deploy it with Ignition and run `npm run deployments`, or name a record with CONCORD_DEPLOYMENT_FILE.",
    );
  }
  return record;
}

/** `value` as a whole number in [min, max], or a refusal naming the setting and the value. */
function integerSetting(name: string, value: string | number | undefined, min: number, max: number) {
  if (value === undefined || value === "") return undefined;
  const number = typeof value === "number" ? value : /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max) {
    throw new IndexerConfigError(
      `${name} must be a whole number from ${min} to ${max}, not ${JSON.stringify(value)}.`,
    );
  }
  return number;
}

/** A PostgreSQL schema name Ponder can use unquoted: a letter or `_`, then letters, digits, `_`; 63 at most. */
const SCHEMA = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Refuses a port another server listens on: Ponder would quietly take the next free port, and the URL the
 * launcher hands to the app (and polls for readiness) would be that other server's — another indexer's,
 * perhaps of another chain.
 *
 * @throws {IndexerConfigError} the port is taken, or cannot be listened on at `host`.
 */
export async function checkPortFree(host: string, port: number): Promise<void> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        new IndexerConfigError(
          error.code === "EADDRINUSE"
            ? `Port ${port} on ${host} is already in use (another indexer?): stop it, or set CONCORD_INDEXER_PORT to a free port.`
            : `The indexer cannot listen on ${host}:${port} (${error.message}): check CONCORD_INDEXER_HOST and CONCORD_INDEXER_PORT.`,
        ),
      ),
    );
    server.listen(port, host, () => server.close(() => resolve()));
  });
}

/**
 * Checks everything the indexer needs before Ponder starts, and returns the resolved configuration.
 *
 * @throws {IndexerConfigError} unreachable RPC, no (or an unreadable) deployment record for the chain, no
 * contract code at the recorded CellRegistry, unreachable database, a port, range, polling interval or schema
 * that is not one.
 */
export async function checkIndexerConfig(options: StartIndexerOptions = {}) {
  const rpcUrl = options.rpcUrl ?? process.env.CONCORD_RPC_URL ?? "http://127.0.0.1:8545";
  // Settings first: they cost no request.
  const port = integerSetting(
    "CONCORD_INDEXER_PORT",
    options.port ?? process.env.CONCORD_INDEXER_PORT,
    1,
    65_535,
  );
  const pollingMs = integerSetting(
    "CONCORD_INDEXER_POLLING_MS",
    options.pollingMs ?? process.env.CONCORD_INDEXER_POLLING_MS,
    10,
    600_000,
  );
  const getLogsRange = integerSetting(
    "CONCORD_INDEXER_GETLOGS_RANGE",
    process.env.CONCORD_INDEXER_GETLOGS_RANGE,
    1,
    100_000_000,
  );
  const namedSchema = options.schema ?? process.env.CONCORD_INDEXER_SCHEMA;
  if (namedSchema !== undefined && !SCHEMA.test(namedSchema)) {
    throw new IndexerConfigError(
      `CONCORD_INDEXER_SCHEMA ${JSON.stringify(namedSchema)} is not a schema name: use lower-case letters, digits and _ (63 at most, not starting with a digit).`,
    );
  }
  let chainId: number;
  try {
    chainId = Number(BigInt((await rpc(rpcUrl, "eth_chainId")) as string));
  } catch (error) {
    throw new IndexerConfigError(
      `The RPC ${rpcUrl} does not answer eth_chainId (${(error as Error).message}). ` +
        "Start the chain (npm start) or set CONCORD_RPC_URL to a reachable JSON-RPC endpoint.",
    );
  }
  const deployment =
    options.deployment ??
    (await deploymentOf(chainId, options.deploymentFile ?? process.env.CONCORD_DEPLOYMENT_FILE));
  if (deployment.chainId !== chainId) {
    throw new IndexerConfigError(
      `The deployment record is for chain ${deployment.chainId}, but ${rpcUrl} serves chain ${chainId}.`,
    );
  }
  const cellRegistry = deployment.contracts.CellRegistry;
  if (!cellRegistry)
    throw new IndexerConfigError(`The deployment record of chain ${chainId} has no CellRegistry.`);
  let code: string;
  try {
    code = (await rpc(rpcUrl, "eth_getCode", [cellRegistry.address, "latest"])) as string;
  } catch (error) {
    throw new IndexerConfigError(
      `The RPC ${rpcUrl} does not answer eth_getCode for the CellRegistry ${cellRegistry.address} (${(error as Error).message}).`,
    );
  }
  if (code === "0x" || code === undefined || code === null) {
    throw new IndexerConfigError(
      `No contract at the recorded CellRegistry ${cellRegistry.address} on chain ${chainId}: the record is stale ` +
        "(a local chain restarts empty). Redeploy, then regenerate sdk/generated/deployments.ts.",
    );
  }

  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
  if (databaseUrl) {
    // node-postgres comes with Ponder (no type declarations of its own: the little used here is typed inline).
    const pgModule: string = "pg";
    const { default: pg } = (await import(pgModule)) as { default: { Client: PgClientConstructor } };
    const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 });
    try {
      await client.connect();
      await client.query("select 1");
    } catch (error) {
      throw new IndexerConfigError(
        `The database at DATABASE_URL cannot be reached (${(error as Error).message}). ` +
          "Start PostgreSQL, fix DATABASE_URL, or unset it to use the embedded PGlite database.",
      );
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  const schema = namedSchema ?? `concord_${chainId}_${cellRegistry.address.slice(2, 10).toLowerCase()}`;
  const contracts = Object.fromEntries(
    INDEXED.flatMap((name) => {
      const record = deployment.contracts[name];
      return record ? [[name, { address: record.address, startBlock: Number(record.startBlock) }]] : [];
    }),
  );
  return {
    rpcUrl,
    chainId,
    databaseUrl,
    schema,
    port,
    pollingMs,
    getLogsRange,
    deployment: { chainId, name: deployment.name, contracts },
  };
}

/**
 * Checks the configuration, then starts Ponder in a child process.
 *
 * @throws {IndexerConfigError} see {@link checkIndexerConfig}.
 * @example
 * const indexer = await startIndexer({ rpcUrl: "http://127.0.0.1:8545" });
 * await indexer.ready();
 * await fetch(`${indexer.url}/concord/dashboard`);
 */
export async function startIndexer(options: StartIndexerOptions = {}): Promise<RunningIndexer> {
  const config = await checkIndexerConfig(options);
  const host = options.host ?? process.env.CONCORD_INDEXER_HOST ?? "127.0.0.1";
  const port = config.port ?? 42069;
  await checkPortFree(host, port);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CONCORD_DEPLOYMENT: JSON.stringify(config.deployment),
    CONCORD_RPC_URL: config.rpcUrl,
  };
  if (config.databaseUrl) env.DATABASE_URL = config.databaseUrl;
  else delete env.DATABASE_URL;
  if (options.pgliteDirectory) env.CONCORD_INDEXER_PGLITE_DIR = options.pgliteDirectory;
  if (config.pollingMs !== undefined) env.CONCORD_INDEXER_POLLING_MS = String(config.pollingMs);

  const child = spawn(
    process.execPath,
    [
      ponderCli,
      "start",
      "--schema",
      config.schema,
      "--port",
      String(port),
      "--hostname",
      host,
      "--log-format",
      "json",
      "--log-level",
      process.env.CONCORD_INDEXER_LOG_LEVEL ?? "info",
    ],
    { cwd: here, env, stdio: ["ignore", "pipe", "pipe"] },
  );
  let tail = "";
  // Taken between the check and Ponder's start: Ponder says so and moves on to the next port.
  let portTaken = false;
  const onData = (data: Buffer) => {
    const text = data.toString();
    tail = (tail + text).slice(-8_000);
    if (/"msg":"Port in use"/.test(tail)) portTaken = true;
    if (options.onLog) for (const line of text.split("\n")) if (line) options.onLog(line);
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = `http://${host}:${port}`;

  return {
    url,
    schema: config.schema,
    process: child,
    async ready(timeoutMs = 300_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (portTaken) {
          child.kill("SIGTERM");
          throw new IndexerConfigError(
            `Port ${port} on ${host} was taken as the indexer started: Ponder moved to another port. Set CONCORD_INDEXER_PORT to a free port.`,
          );
        }
        if (child.exitCode !== null) {
          throw new Error(`The indexer exited with code ${child.exitCode} before it was ready:\n${tail}`);
        }
        try {
          // Ready: the backfill is done (/ready) and the live sync has reached the head the chain had then
          // (Ponder backfills up to the chain's finalized block, then follows the newer blocks live).
          const response = await fetch(`${url}/ready`, { signal: AbortSignal.timeout(2_000) });
          if (response.status === 200) {
            const head = Number(BigInt((await rpc(config.rpcUrl, "eth_blockNumber")) as string));
            if ((await indexedBlock(url)) >= head) return;
          }
        } catch {
          // not listening yet
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      throw new Error(`The indexer was not ready within ${timeoutMs / 1000} s:\n${tail}`);
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

// Run directly: start, report readiness, stay in the foreground until Ctrl-C.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const indexer = await startIndexer({ onLog: (line) => console.log(line) });
    const stop = () => void indexer.stop().then(() => process.exit(0));
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
    await indexer.ready();
    console.log(`Concord indexer ready at ${indexer.url} (schema ${indexer.schema})`);
    indexer.process.once("exit", (code) => process.exit(code ?? 1));
  } catch (error) {
    console.error(error instanceof IndexerConfigError ? `Indexer not started: ${error.message}` : error);
    process.exit(1);
  }
}
