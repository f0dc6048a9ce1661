/**
 * Concord deployed on a local node with Hardhat Ignition's engine, in memory (no record is written): the
 * deployment the browser tests, the indexer's tests and the scale bench start from.
 *
 * The local entry of `sdk/generated/deployments.ts` is deterministic (first deployment by account #0 on a
 * fresh chain), so on a fresh chain every address must be the recorded one (the app reads it from there).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";

import { DeploymentResultType, deploy } from "@nomicfoundation/ignition-core";
import type { Artifact, ArtifactResolver } from "@nomicfoundation/ignition-core";
import { getAddress } from "viem";

import ConcordModule from "../../ignition/modules/Concord.ts";
import { getDeployment } from "../../sdk/index.ts";
import type { Deployment } from "../../sdk/index.ts";
import { CONTRACTS } from "../../scripts/gen-abis.ts";
import { root, rpc } from "./localNode.ts";

/**
 * Where the returned deployment's scans start: `"record"` keeps the start blocks of
 * `sdk/generated/deployments.ts`; `"afterHead"` starts every contract at the first block after the head
 * the node had before deploying (a reader then never scans the blocks before Concord existed).
 */
export type StartBlocks = "record" | "afterHead";

/**
 * Deploys `ignition/modules/Concord.ts` with the parameters `npm start` uses (`ignition/parameters/local.json`)
 * and checks that every contract is at the address `sdk/generated/deployments.ts` records.
 *
 * @example
 * const deployment = await deployConcordLocally(rpcUrl, "record");
 */
export async function deployConcordLocally(rpcUrl: string, startBlocks: StartBlocks): Promise<Deployment> {
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
  const afterHead = Number(BigInt(await rpc<string>(rpcUrl, "eth_blockNumber"))) + 1;
  const result = await deploy({
    artifactResolver,
    provider,
    ignitionModule: ConcordModule,
    deploymentParameters: JSON.parse(
      await readFile(path.join(root, "ignition/parameters/local.json"), "utf8"),
    ),
    accounts,
  });
  if (result.type !== DeploymentResultType.SUCCESSFUL_DEPLOYMENT) {
    throw new Error(`Ignition deployment failed: ${JSON.stringify(result, null, 2)}`);
  }
  const recorded = getDeployment(31337);
  const contracts: Record<string, { address: `0x${string}`; startBlock: number | bigint }> = {};
  for (const [futureId, deployed] of Object.entries(result.contracts)) {
    const name = futureId.slice(futureId.indexOf("#") + 1);
    const record = recorded.contracts[name];
    if (!record || getAddress(record.address) !== getAddress(deployed.address)) {
      throw new Error(
        `${name} was deployed at ${deployed.address} but sdk/generated/deployments.ts says ` +
          `${record?.address}: run npm start once to regenerate it.`,
      );
    }
    contracts[name] = {
      address: getAddress(deployed.address),
      startBlock: startBlocks === "record" ? record.startBlock : afterHead,
    };
  }
  return startBlocks === "record" ? recorded : { chainId: 31337, name: "localhost", contracts };
}
