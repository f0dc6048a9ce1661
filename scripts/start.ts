/**
 * `npm start`: Concord's main job on this machine.
 * 1. builds the contracts and regenerates the ABIs;
 * 2. starts Hardhat's EDR node on 127.0.0.1:8545 (a fresh, empty chain);
 * 3. deploys Concord with the Ignition module (the old local record is dropped: the chain restarted);
 * 4. regenerates sdk/generated/deployments.ts (the one source of truth for addresses);
 * 5. seeds the demo network through the SDK, while building the members' web app (app/);
 * 6. starts the Concord indexer (indexer/, Ponder on its embedded PGlite database, fresh for the fresh chain)
 *    on 127.0.0.1:42069 (CONCORD_INDEXER_PORT) and waits until it has indexed the chain's head;
 * 7. serves the web app on 127.0.0.1:5173 (CONCORD_APP_PORT) for this chain and this indexer;
 * 8. prints the addresses, the app's URL and the funded dev accounts, and runs until Ctrl-C.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { buildApp, serveApp, type AppServer } from "../app/server.ts";
import { startIndexer, type RunningIndexer } from "../indexer/start.ts";
import { generateDeployments, readIgnitionDeployment } from "./gen-deployments.ts";
import { installMulticall3 } from "./multicall3.ts";
import { DEV_ACCOUNTS, seedDemo } from "./seed.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const HOST = "127.0.0.1";
const PORT = Number(process.env.CONCORD_RPC_PORT ?? 8545);
const RPC_URL = `http://${HOST}:${PORT}`;
const hardhat = path.join(root, "node_modules/.bin/hardhat");

const children: ChildProcess[] = [];

// ── the members' web app (app/): built after the deployment record is written, served for this chain ──
const APP_PORT = Number(process.env.CONCORD_APP_PORT ?? 5173);
let appServer: AppServer | undefined;
// Children run on this Node (22) even when started outside npm, whose PATH puts node_modules/.bin first.
const childEnv = {
  ...process.env,
  PATH: `${path.join(root, "node_modules/.bin")}${path.delimiter}${process.env.PATH ?? ""}`,
};

function run(command: string, args: string[], options: { quiet?: boolean } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [command, ...args], {
      cwd: root,
      env: childEnv,
      stdio: ["ignore", options.quiet ? "pipe" : "inherit", options.quiet ? "pipe" : "inherit"],
    });
    let output = "";
    child.stdout?.on("data", (d) => (output += d));
    child.stderr?.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${path.basename(command)} ${args.join(" ")} exited ${code}\n${output}`)),
    );
  });
}

async function rpcAnswers(): Promise<boolean> {
  try {
    const res = await fetch(RPC_URL, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
    });
    return res.ok;
  } catch {
    return false;
  }
}

async function startChain(): Promise<ChildProcess> {
  if (await rpcAnswers()) {
    throw new Error(
      `Something already answers on ${RPC_URL}. Stop it (or set CONCORD_RPC_PORT) and start again.`,
    );
  }
  const node = spawn(process.execPath, [hardhat, "node", "--hostname", HOST, "--port", String(PORT)], {
    cwd: root,
    env: childEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(node);
  let log = "";
  node.stdout.on("data", (d) => (log += d));
  node.stderr.on("data", (d) => (log += d));
  for (let i = 0; i < 120; i++) {
    if (node.exitCode !== null) throw new Error(`hardhat node exited ${node.exitCode}:\n${log}`);
    if (await rpcAnswers()) return node;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`hardhat node did not answer on ${RPC_URL} within 30 s:\n${log}`);
}

let indexer: RunningIndexer | undefined;

function stopAll(): void {
  void indexer?.stop();
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  void appServer?.close();
}

/** Seconds as "42 s" or "2 min 05 s". */
function elapsed(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 60
    ? `${seconds} s`
    : `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, "0")} s`;
}

const PHASES = 6;
let phaseNumber = 0;

/**
 * Runs one start-up phase: prints "[n/5] label", then the elapsed time every 15 s while it runs (a first build
 * compiles every contract with solc-js and takes minutes on two cores), then how long it took.
 */
async function phase<result>(label: string, work: () => Promise<result>): Promise<result> {
  phaseNumber += 1;
  const started = Date.now();
  console.log(`[${phaseNumber}/${PHASES}] ${label}…`);
  const ticker = setInterval(() => console.log(`      … ${elapsed(Date.now() - started)}`), 15_000);
  try {
    const value = await work();
    console.log(`      done in ${elapsed(Date.now() - started)}`);
    return value;
  } finally {
    clearInterval(ticker);
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  await phase(
    "Building the contracts (solc-js; the first build takes about 2 minutes on two cores)",
    async () => {
      await run(hardhat, ["build", "--quiet"]);
      await run(path.join(root, "scripts/gen-abis.ts"), [], { quiet: true });
    },
  );

  const node = await phase(`Starting the local chain on ${RPC_URL}`, async () => {
    const started = await startChain();
    // Multicall3 at its canonical address, as on public chains: the SDK and the app batch reads through it.
    await installMulticall3(RPC_URL);
    return started;
  });

  const contracts = await phase("Deploying Concord with Hardhat Ignition", async () => {
    await rm(path.join(root, "ignition/deployments/chain-31337"), { recursive: true, force: true });
    // The local demo's parameters: four founding members (Alice to Dave) and short periods and delays.
    await run(
      hardhat,
      [
        "ignition",
        "deploy",
        "ignition/modules/Concord.ts",
        "--network",
        "localhost",
        "--parameters",
        "ignition/parameters/local.json",
      ],
      { quiet: true },
    );
    await generateDeployments();
    return readIgnitionDeployment(path.join(root, "ignition/deployments/chain-31337"));
  });
  const local = { chainId: 31337, name: "localhost", contracts };

  const demo = await phase("Seeding the demo network and building the web app", async () => {
    const appBuilt = buildApp().then(
      () => null,
      (error: unknown) => error,
    );
    const seeded = await seedDemo(RPC_URL, local);
    const appError = await appBuilt;
    if (appError) throw appError;
    return seeded;
  });
  indexer = await phase("Starting the indexer (Ponder, embedded PGlite database)", async () => {
    // The chain is new: so is the index (the old PGlite data described the previous chain).
    await rm(path.join(root, "indexer/.ponder"), { recursive: true, force: true });
    const started = await startIndexer({ rpcUrl: RPC_URL, host: HOST, deployment: local });
    await started.ready();
    return started;
  });
  const served = await phase("Serving the web app", () =>
    serveApp({
      host: HOST,
      port: APP_PORT,
      settings: { chainId: 31337, rpcUrl: RPC_URL, indexerUrl: indexer!.url },
    }),
  );
  appServer = served;

  console.log(`\nConcord is running (started in ${elapsed(Date.now() - started)}).\n`);
  console.log(`  ${"Web app".padEnd(18)} ${served.url}`);
  console.log(`  ${"Chain".padEnd(18)} ${RPC_URL}  (chain id 31337)`);
  console.log(`  ${"Indexer".padEnd(18)} ${indexer.url}  (page-shaped JSON under /concord)`);
  for (const [name, c] of Object.entries(contracts)) {
    console.log(`  ${name.padEnd(18)} ${c.address}`);
  }
  console.log("\nDemo network:");
  for (const line of demo.summary) console.log(`  ${line}`);
  console.log("\nFunded dev accounts (10,000 ETH each; public keys — never use them on a real network):");
  for (const [i, account] of DEV_ACCOUNTS.slice(0, 5).entries()) {
    console.log(
      `  #${i} ${account.name.padEnd(6)} ${account.address}  ${account.role.padEnd(24)} key ${account.privateKey}`,
    );
  }
  console.log("\nPress Ctrl-C to stop.");

  let stopping = false;
  await new Promise<void>((resolve) => {
    node.on("exit", (code) => {
      if (stopping) return resolve();
      console.error(`The local chain stopped unexpectedly (exit ${code}).`);
      process.exitCode = 1;
      void appServer?.close();
      resolve();
    });
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.on(signal, () => {
        stopping = true;
        console.log("\nStopping Concord…");
        stopAll();
        resolve();
      });
    }
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  stopAll();
  process.exit(1);
});
