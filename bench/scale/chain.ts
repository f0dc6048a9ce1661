/**
 * The local chain the scale benchmark grows: Hardhat's EDR node on a free loopback port, Multicall3 at its
 * canonical address, Concord deployed with the Ignition module (Ignition's engine, in memory, with the
 * parameters of `npm start`) and the demo seed (`scripts/seed.ts`) — size S.
 */
import type { ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";

import { DeploymentResultType, deploy } from "@nomicfoundation/ignition-core";
import type { Artifact, ArtifactResolver } from "@nomicfoundation/ignition-core";
import { getAddress } from "viem";

import ConcordModule from "../../ignition/modules/Concord.ts";
import { getDeployment } from "../../sdk/index.ts";
import type { Deployment } from "../../sdk/index.ts";
import { CONTRACTS } from "../../scripts/gen-abis.ts";
import { installMulticall3 } from "../../scripts/multicall3.ts";
import { seedDemo } from "../../scripts/seed.ts";
import { HOST, freePort, root, rpc, startNode } from "../../test/utils/localNode.ts";

/** Deploys `ignition/modules/Concord.ts` and checks that the addresses are those of `sdk/generated/deployments.ts`. */
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
  const result = await deploy({
    artifactResolver,
    provider,
    ignitionModule: ConcordModule,
    deploymentParameters: JSON.parse(
      await readFile(path.join(root, "ignition/parameters/local.json"), "utf8"),
    ),
    accounts: await rpc<string[]>(rpcUrl, "eth_accounts"),
  });
  if (result.type !== DeploymentResultType.SUCCESSFUL_DEPLOYMENT) {
    throw new Error(`Ignition deployment failed: ${JSON.stringify(result, null, 2)}`);
  }
  const recorded = getDeployment(31337);
  for (const [futureId, deployed] of Object.entries(result.contracts)) {
    const name = futureId.slice(futureId.indexOf("#") + 1);
    if (getAddress(recorded.contracts[name]?.address ?? deployed.address) !== getAddress(deployed.address)) {
      throw new Error(
        `${name} was deployed at ${deployed.address}, not where sdk/generated/deployments.ts says.`,
      );
    }
  }
  return recorded;
}

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
    const deployment = await deployConcord(rpcUrl);
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
