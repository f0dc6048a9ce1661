/**
 * A local chain with Concord deployed and seeded, and the indexer following it: what the indexer's tests
 * and `bench/scale/indexer.ts` start. The chain is Hardhat's EDR node on a free loopback port; the
 * deployment is the Ignition module run in memory (the addresses of `sdk/generated/deployments.ts`, fresh
 * start blocks); the indexer runs through its launcher, on PGlite in a temporary directory or on the
 * PostgreSQL server at `databaseUrl`.
 */
import type { ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { createPublicClient, createTestClient, createWalletClient, http } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { hardhat } from "viem/chains";

import { startIndexer } from "../../indexer/start.ts";
import type { RunningIndexer, StartIndexerOptions } from "../../indexer/start.ts";
import { createConcordClient } from "../../sdk/index.ts";
import type { ConcordClient, Deployment } from "../../sdk/index.ts";
import { installMulticall3 } from "../../scripts/multicall3.ts";
import { DEV_ACCOUNTS } from "../../scripts/seed.ts";
import { HOST, freePort, startNode } from "../utils/localNode.ts";
import { deployConcordLocally } from "../utils/deploy.ts";

/** A running chain with Concord deployed. */
export type LocalChain = {
  rpcUrl: string;
  deployment: Deployment;
  node: ChildProcess;
  /** A Concord client acting as dev account `i` (0 = Alice), direct reads. */
  as: (i: number) => ConcordClient;
  /** Mines one block after moving the clock `seconds` forward. */
  advance: (seconds: number) => Promise<void>;
  stop: () => Promise<void>;
};

/** Starts a node, installs Multicall3 and deploys Concord. */
export async function startLocalChain(): Promise<LocalChain> {
  const port = await freePort();
  const rpcUrl = `http://${HOST}:${port}`;
  const node = await startNode(port);
  try {
    await installMulticall3(rpcUrl);
    const deployment = await deployConcordLocally(rpcUrl, "afterHead");
    const transport = http(rpcUrl);
    const publicClient = createPublicClient({ chain: hardhat, transport });
    const testClient = createTestClient({ chain: hardhat, mode: "hardhat", transport });
    return {
      rpcUrl,
      deployment,
      node,
      as: (i) =>
        createConcordClient({
          publicClient,
          deployment,
          walletClient: createWalletClient({
            chain: hardhat,
            transport,
            account: privateKeyToAccount(DEV_ACCOUNTS[i]?.privateKey ?? devKey(i)),
          }),
        }),
      async advance(seconds) {
        await testClient.increaseTime({ seconds });
        await testClient.mine({ blocks: 1 });
      },
      async stop() {
        node.kill("SIGTERM");
      },
    };
  } catch (error) {
    node.kill("SIGTERM");
    throw error;
  }
}

/** Hardhat's dev accounts #5..#9 (mnemonic "test test … junk"): public keys, local use only. */
const MORE_KEYS = [
  "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba",
  "0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e",
  "0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356",
  "0xdbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97",
  "0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6",
] as const;

function devKey(i: number): `0x${string}` {
  const key = MORE_KEYS[i - DEV_ACCOUNTS.length];
  if (!key) throw new Error(`No dev account #${i}`);
  return key;
}

/** Starts the indexer on `chain` (PGlite in a fresh temporary directory unless `databaseUrl` is given). */
export async function startChainIndexer(
  chain: LocalChain,
  options: Partial<StartIndexerOptions> = {},
): Promise<RunningIndexer & { cleanup: () => Promise<void> }> {
  const pgliteDirectory =
    options.pgliteDirectory ??
    (options.databaseUrl ? undefined : await mkdtemp(path.join(tmpdir(), "concord-pglite-")));
  const indexer = await startIndexer({
    rpcUrl: chain.rpcUrl,
    deployment: chain.deployment,
    port: await freePort(),
    host: HOST,
    pgliteDirectory,
    ...options,
  });
  return {
    ...indexer,
    async cleanup() {
      await indexer.stop();
      if (pgliteDirectory && !options.pgliteDirectory)
        await rm(pgliteDirectory, { recursive: true, force: true });
    },
  };
}
