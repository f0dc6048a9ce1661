/**
 * One build from test to deployment (issue 16): what `hardhat ignition deploy` ships is the bytecode that the
 * tests and the gas bench run. The test reads every artifact that the module deploys (built by `npm run build`,
 * the default build profile), then deploys the DAO exactly as a user would — `hardhat ignition deploy` on the
 * command line, which builds with Hardhat's `production` profile — to a local node, and compares each deployed
 * contract's runtime code with the artifact, immutables and the metadata hash aside. If the two profiles ever
 * compile differently, the deploy's build rewrites the artifacts and the deployed code no longer matches the
 * code read before it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";

import { getAddress, type Hex } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { CONTRACTS } from "../../scripts/gen-abis.ts";
import { freePort, hardhatCli, HOST, root, rpc, startNode } from "../utils/localNode.ts";

type Offsets = Record<string, { start: number; length: number }[]>;
type Artifact = {
  deployedBytecode: Hex;
  immutableReferences?: Offsets;
  deployedLinkReferences?: Record<string, Offsets>;
};

const DEPLOYMENT_ID = "test-one-build";
const deploymentDir = path.join(root, "ignition/deployments", DEPLOYMENT_ID);

/**
 * Runtime code without what legitimately differs between an artifact and a deployment: immutables (written by
 * the constructor) and library addresses (written at linking) are zeroed, and solc's CBOR metadata (its length is
 * the code's last two bytes) is dropped.
 */
function comparableCode(code: Hex, artifact: Artifact): string {
  const bytes = Buffer.from(code.slice(2), "hex");
  const holes = [
    ...Object.values(artifact.immutableReferences ?? {}).flat(),
    ...Object.values(artifact.deployedLinkReferences ?? {}).flatMap((file) => Object.values(file).flat()),
  ];
  for (const { start, length } of holes) bytes.fill(0, start, start + length);
  const metadataLength = bytes.readUInt16BE(bytes.length - 2) + 2;
  return bytes.subarray(0, bytes.length - metadataLength).toString("hex");
}

function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, [hardhatCli, ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout!.on("data", (d) => (output += d));
    child.stderr!.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`hardhat ${args.join(" ")} exited ${code}:\n${output}`)),
    );
  });
}

describe("one build: ignition deploy ships the tested bytecode", () => {
  const artifacts = new Map<string, Artifact>();
  let node: ChildProcess | undefined;
  let rpcUrl = "";
  let deployed: Record<string, string> = {};

  beforeAll(async () => {
    // The artifacts as the tests and the bench use them, read before the deploy's build could touch them.
    for (const [name, relative] of Object.entries(CONTRACTS)) {
      artifacts.set(name, JSON.parse(await readFile(path.join(root, "artifacts", relative), "utf8")));
    }
    const port = await freePort();
    rpcUrl = `http://${HOST}:${port}`;
    node = await startNode(port);
    await rm(deploymentDir, { recursive: true, force: true });
    await runCli(
      [
        "ignition",
        "deploy",
        "ignition/modules/Concord.ts",
        "--network",
        "localhost",
        "--parameters",
        "ignition/parameters/local.json",
        "--deployment-id",
        DEPLOYMENT_ID,
      ],
      { CONCORD_RPC_PORT: String(port) },
    );
    deployed = JSON.parse(await readFile(path.join(deploymentDir, "deployed_addresses.json"), "utf8"));
  }, 300_000);

  afterAll(async () => {
    node?.kill("SIGTERM");
    await rm(deploymentDir, { recursive: true, force: true });
  });

  it("deploys exactly the contracts whose artifacts the SDK and the tests use", () => {
    const names = Object.keys(deployed).map((futureId) => futureId.slice(futureId.indexOf("#") + 1));
    expect(names.sort()).toEqual([...artifacts.keys()].sort());
  });

  it("ships, for every contract, the runtime code of the artifact the tests and the bench run", async () => {
    const differences: string[] = [];
    for (const [futureId, address] of Object.entries(deployed)) {
      const name = futureId.slice(futureId.indexOf("#") + 1);
      const artifact = artifacts.get(name)!;
      const code = await rpc<Hex>(rpcUrl, "eth_getCode", [getAddress(address), "latest"]);
      if (comparableCode(code, artifact) !== comparableCode(artifact.deployedBytecode, artifact)) {
        const size = (hex: Hex) => (hex.length - 2) / 2;
        differences.push(`${name}: ${size(code)} bytes deployed, ${size(artifact.deployedBytecode)} tested`);
      }
    }
    expect(differences).toEqual([]);
  });
});
