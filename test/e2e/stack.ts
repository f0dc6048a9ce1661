/**
 * The stack `npm start` brings up, on free ports so that it does not clash with a running `npm start`:
 * Hardhat's EDR node, Concord deployed with the Ignition module (Ignition's engine, in memory: no record
 * is written), the demo seed (`scripts/seed.ts`), and the web app built and served by `app/server.ts`.
 *
 * The local entry of `sdk/generated/deployments.ts` is deterministic (first deployment by account #0 on
 * a fresh chain): the stack checks that the deployed registry is where that file says, since the app
 * reads its addresses from there.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";

import { DeploymentResultType, deploy } from "@nomicfoundation/ignition-core";
import type { Artifact, ArtifactResolver } from "@nomicfoundation/ignition-core";
import { getAddress } from "viem";

import { buildApp, serveApp, type AppServer } from "../../app/server.ts";
import ConcordModule from "../../ignition/modules/Concord.ts";
import { getDeployment } from "../../sdk/index.ts";
import type { Deployment } from "../../sdk/index.ts";
import { CONTRACTS } from "../../scripts/gen-abis.ts";
import { installMulticall3 } from "../../scripts/multicall3.ts";
import { seedDemo } from "../../scripts/seed.ts";
import { HOST, freePort, root, rpc, startNode } from "../utils/localNode.ts";

export { freePort, rpc };

/** Deploys the Ignition module `ignition/modules/Concord.ts` with Ignition's engine, in memory. */
async function deployConcord(rpcUrl: string): Promise<Deployment> {
  const artifactResolver: ArtifactResolver = {
    async loadArtifact(contractName) {
      const relative = (CONTRACTS as Record<string, string>)[contractName];
      const text = relative
        ? await readFile(path.join(root, "artifacts", relative), "utf8").catch(() => undefined)
        : undefined;
      if (!text) throw new Error(`No artifact for ${contractName}: run "npm run build" first.`);
      return JSON.parse(text) as Artifact;
    },
    async getBuildInfo() {
      return undefined;
    },
  };
  const provider = {
    request: ({ method, params }: { method: string; params?: unknown[] | object }) =>
      rpc(rpcUrl, method, (params as unknown[] | undefined) ?? []),
  };
  const accounts = await rpc<string[]>(rpcUrl, "eth_accounts");
  const result = await deploy({
    artifactResolver,
    provider,
    ignitionModule: ConcordModule,
    // The same parameters as `npm start` (founding members, short periods and delays).
    deploymentParameters: JSON.parse(
      await readFile(path.join(root, "ignition/parameters/local.json"), "utf8"),
    ),
    accounts,
  });
  if (result.type !== DeploymentResultType.SUCCESSFUL_DEPLOYMENT) {
    throw new Error(`Ignition deployment failed: ${JSON.stringify(result, null, 2)}`);
  }
  // The chain is fresh and the deployer the same as `npm start`'s, so every address must be the one
  // recorded in sdk/generated/deployments.ts (the app reads it from there); the record's start blocks apply.
  const recorded = getDeployment(31337);
  for (const [futureId, deployed] of Object.entries(result.contracts)) {
    const name = futureId.slice(futureId.indexOf("#") + 1);
    const record = recorded.contracts[name];
    if (!record || getAddress(record.address) !== getAddress(deployed.address)) {
      throw new Error(
        `${name} was deployed at ${deployed.address} but sdk/generated/deployments.ts says ` +
          `${record?.address}: run npm start once to regenerate it.`,
      );
    }
  }
  return recorded;
}

/** The running stack. */
export type Stack = {
  rpcUrl: string;
  app: AppServer;
  distDir: string;
  deployment: Deployment;
  /** The seed's summary lines, as `npm start` prints them. */
  demo: string[];
  timings: Record<string, number>;
  stop(): Promise<void>;
};

/**
 * Brings the stack up: node, deployment, seed, app build and server.
 *
 * @example
 * const stack = await startStack();
 * await page.goto(stack.app.url);
 * await stack.stop();
 */
export async function startStack(): Promise<Stack> {
  const timings: Record<string, number> = {};
  const t0 = performance.now();
  const mark = (name: string) => (timings[name] = Math.round(performance.now() - t0));
  const distDir = path.join(root, ".tmp/e2e-app");
  // The app build does not depend on the chain: run it while the chain comes up.
  const built = buildApp({ outDir: distDir }).then(
    () => (mark("app built"), null),
    (error: unknown) => error,
  );
  const rpcPort = await freePort();
  const rpcUrl = `http://${HOST}:${rpcPort}`;
  const node = await startNode(rpcPort);
  await installMulticall3(rpcUrl);
  mark("chain up");
  let app: AppServer | undefined;
  try {
    const deployment = await deployConcord(rpcUrl);
    mark("deployed");
    const { summary } = await seedDemo(rpcUrl, deployment);
    mark("seeded");
    const buildError = await built;
    if (buildError) throw buildError;
    app = await serveApp({ dir: distDir, host: HOST, port: 0, settings: { chainId: 31337, rpcUrl } });
    mark("serving");
    const server = app;
    return {
      rpcUrl,
      app: server,
      distDir,
      deployment,
      demo: summary,
      timings,
      async stop() {
        await server.close();
        node.kill("SIGTERM");
      },
    };
  } catch (error) {
    await app?.close();
    node.kill("SIGTERM");
    await built;
    throw error;
  }
}
