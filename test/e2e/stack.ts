/**
 * The stack `npm start` brings up, on free ports so that it does not clash with a running `npm start`:
 * Hardhat's EDR node, Concord deployed with the Ignition module (Ignition's engine, in memory: no record
 * is written), the demo seed (`scripts/seed.ts`), and the web app built and served by `app/server.ts`.
 *
 * The local entry of `sdk/generated/deployments.ts` is deterministic (first deployment by account #0 on
 * a fresh chain): the stack checks that the deployed registry is where that file says, since the app
 * reads its addresses from there.
 */
import path from "node:path";

import { buildApp, serveApp, type AppServer } from "../../app/server.ts";
import type { Deployment } from "../../sdk/index.ts";
import { installMulticall3 } from "../../scripts/multicall3.ts";
import { seedDemo } from "../../scripts/seed.ts";
import { HOST, freePort, root, rpc, startNode } from "../utils/localNode.ts";
import { deployConcordLocally } from "../utils/deploy.ts";

export { freePort, rpc };

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
    const deployment = await deployConcordLocally(rpcUrl, "record");
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
