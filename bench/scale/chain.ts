/**
 * The local chain the scale benchmark grows: Hardhat's EDR node on a free loopback port, Multicall3 at its
 * canonical address, Concord deployed with the Ignition module (Ignition's engine, in memory, with the
 * parameters of `npm start`) and the demo seed (`scripts/seed.ts`) — size S.
 */
import type { ChildProcess } from "node:child_process";

import type { Deployment } from "../../sdk/index.ts";
import { installMulticall3 } from "../../scripts/multicall3.ts";
import { seedDemo } from "../../scripts/seed.ts";
import { HOST, freePort, startNode } from "../../test/utils/localNode.ts";
import { deployConcordLocally } from "../../test/utils/deploy.ts";

/** A seeded local chain (size S). */
export type ScaleChain = {
  rpcUrl: string;
  deployment: Deployment;
  node: ChildProcess;
  stop(): Promise<void>;
};

/**
 * Starts a node, installs Multicall3, deploys Concord and seeds the demo.
 *
 * @example
 * const chain = await startScaleChain();
 * await growDao({ rpcUrl: chain.rpcUrl, deployment: chain.deployment, size: "M" });
 * await chain.stop();
 */
export async function startScaleChain(): Promise<ScaleChain> {
  const port = await freePort();
  const rpcUrl = `http://${HOST}:${port}`;
  const node = await startNode(port);
  try {
    await installMulticall3(rpcUrl);
    const deployment = await deployConcordLocally(rpcUrl, "record");
    await seedDemo(rpcUrl, deployment);
    const stop = () =>
      new Promise<void>((resolve) => {
        if (node.exitCode !== null) return resolve();
        node.once("exit", () => resolve());
        node.kill("SIGTERM");
      });
    return { rpcUrl, deployment, node, stop };
  } catch (error) {
    node.kill("SIGTERM");
    throw error;
  }
}
