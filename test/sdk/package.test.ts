/**
 * The SDK as a package (issue 13): packed, installed into a throwaway project beside viem, compiled by `tsc`
 * under `bundler`, `node16` and `nodenext` resolution with strict settings, run on Node 20 and Node 22 against
 * a local chain, and bundled with Vite. Sizes are reported by `npm run sdk:measure`, not asserted here.
 */
import { execFile } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { lstat, readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

import { createPublicClient, createWalletClient, http, type Address, type Hex } from "viem";
import { hardhat } from "viem/chains";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { cellRegistryAbi } from "../../sdk/generated/abis.ts";
import { freePort, HOST, root, rpc, startNode } from "../utils/localNode.ts";
import {
  NODE_20,
  CATALOGUE_PHRASES,
  ONE_READ_MODULES,
  bundleOneRead,
  cleanUp,
  compile,
  createConsumer,
  createLinkedConsumer,
  packSdk,
  runProgram,
  type Consumer,
  type PackedSdk,
} from "./package/consume.ts";

let packed: PackedSdk | undefined;
let consumer: Consumer;
let node: ChildProcess | undefined;
let rpcUrl = "";
let registry: Address;

/** A CellRegistry on a fresh local node, with one cell: what the consumer's program reads. */
async function deployRegistryWithCell(): Promise<Address> {
  const port = await freePort();
  rpcUrl = `http://${HOST}:${port}`;
  node = await startNode(port);
  const [account] = await rpc<Address[]>(rpcUrl, "eth_accounts");
  const wallet = createWalletClient({ chain: hardhat, transport: http(rpcUrl), account: account! });
  const publicClient = createPublicClient({ chain: hardhat, transport: http(rpcUrl) });
  const artifact = JSON.parse(
    await readFile(path.join(root, "artifacts/contracts/cells/CellRegistry.sol/CellRegistry.json"), "utf8"),
  ) as { bytecode: Hex };
  const deployHash = await wallet.deployContract({
    abi: cellRegistryAbi,
    bytecode: artifact.bytecode,
    args: [account!],
  });
  const { contractAddress } = await publicClient.waitForTransactionReceipt({ hash: deployHash });
  const createHash = await wallet.writeContract({
    address: contractAddress!,
    abi: cellRegistryAbi,
    functionName: "createCell",
    args: [0n, "Packaged cell", "", `0x${"00".repeat(32)}`],
  });
  await publicClient.waitForTransactionReceipt({ hash: createHash });
  return contractAddress!;
}

beforeAll(async () => {
  [packed, registry] = await Promise.all([packSdk(), deployRegistryWithCell()]);
  consumer = await createConsumer(packed);
}, 300_000);

afterAll(async () => {
  node?.kill("SIGTERM");
  await cleanUp(packed);
});

describe("@concord-dao/sdk as a package", () => {
  it("ships compiled ESM and types only, with its licence, readme and changelog", () => {
    const files = packed!.files;
    expect(packed!.name).toBe("@concord-dao/sdk");
    expect(files).toContain("dist/index.js");
    expect(files).toContain("dist/index.d.ts");
    for (const file of ["package.json", "README.md", "LICENSE", "CHANGELOG.md"])
      expect(files).toContain(file);
    const source = files.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"));
    expect(source, "no TypeScript source (TS5097 / type stripping in node_modules)").toEqual([]);
    expect(files.filter((f) => !f.startsWith("dist/") && !f.includes("/")).sort()).toEqual(
      ["CHANGELOG.md", "LICENSE", "README.md", "package.json"].sort(),
    );
  });

  it("declares viem as its one required peer, no runtime dependency, and an exports map with types first", async () => {
    const manifest = JSON.parse(await readFile(path.join(root, "sdk/package.json"), "utf8"));
    expect(manifest.dependencies ?? {}).toEqual({});
    const optional = Object.keys(manifest.peerDependenciesMeta ?? {}).filter(
      (name) => manifest.peerDependenciesMeta[name].optional === true,
    );
    // React, TanStack Query and wagmi serve only the `./react` entry: optional peers, never installed for others.
    expect(Object.keys(manifest.peerDependencies).filter((name) => !optional.includes(name))).toEqual([
      "viem",
    ]);
    expect(optional.sort()).toEqual(["@tanstack/react-query", "react", "wagmi"]);
    expect(manifest.sideEffects).toBe(false);
    expect(Object.keys(manifest.exports["."])).toEqual(["types", "import"]);
    expect(Object.keys(manifest.exports["./react"])).toEqual(["types", "import"]);
  });

  it("installs with one viem: the consumer's", async () => {
    const nested = path.join(consumer.dir, "node_modules/@concord-dao/sdk/node_modules/viem");
    await expect(readFile(path.join(nested, "package.json"))).rejects.toThrow();
  });

  it("compiles under moduleResolution bundler, node16 and nodenext, strict, with library checks", async () => {
    await compile(consumer, "tsconfig.bundler.json");
    await compile(consumer, "tsconfig.node16.json");
    await compile(consumer, "tsconfig.nodenext.json");
  }, 360_000);

  it("runs the compiled program on Node 20 and on Node 22 against a local chain", async () => {
    // The two runtimes are the ones named: a Node 22 at NODE20's place would pass for Node 20 unseen.
    const version = async (node: string) =>
      (await promisify(execFile)(node, ["-p", "process.versions.node"])).stdout.trim();
    expect(await version(NODE_20), `${NODE_20} (set NODE20 to a Node 20)`).toMatch(/^20\./);
    expect(await version(process.execPath), process.execPath).toMatch(/^22\./);
    const expected = { name: "Packaged cell", same: true, refusal: expect.stringMatching(/cell 999/i) };
    expect(await runProgram(consumer, NODE_20, rpcUrl, registry)).toEqual(expected);
    expect(await runProgram(consumer, process.execPath, rpcUrl, registry)).toEqual(expected);
  }, 120_000);

  it("bundles a one-read page with Vite", async () => {
    const bundle = await bundleOneRead(consumer);
    expect(bundle.text, "the read and its ABI are in the bundle").toContain("getCell");
    expect(bundle.text, "no React or wagmi").not.toMatch(/react-dom|wagmi/);
    // A cells read carries the cells' error messages, not the other modules' catalogues.
    expect(bundle.text, "the cells catalogue").toContain("CellNonexistent");
    for (const other of [
      "OperationalConstitutionalCall",
      "GovernorAlreadyCastVote",
      "AgreementNotParty",
      "QueueFull",
    ]) {
      expect(bundle.text, `no ${other} (another module's catalogue)`).not.toContain(other);
    }
  }, 120_000);

  it("bundles a one-read page of each module with its own error messages and no other module's", async () => {
    for (const module of ONE_READ_MODULES) {
      const { text } = await bundleOneRead(consumer, module);
      for (const other of ONE_READ_MODULES) {
        // The cells' messages are the decoder's core: every page has them.
        const expected = other === module || other === "cells";
        expect(text.includes(CATALOGUE_PHRASES[other]), `${module} page, ${other} messages`).toBe(expected);
      }
    }
  }, 240_000);

  it("installs from the repository's sdk/ folder (file: with --install-links) with one viem, compiles and runs", async () => {
    const linked = await createLinkedConsumer(packed!);
    const manifest = JSON.parse(await readFile(path.join(linked.dir, "package.json"), "utf8"));
    expect(manifest.dependencies["@concord-dao/sdk"]).toMatch(/^file:/);
    const installed = path.join(linked.dir, "node_modules/@concord-dao/sdk");
    // A copy, not a symlink into the repository (whose node_modules would give the SDK a second viem).
    expect((await lstat(installed)).isSymbolicLink()).toBe(false);
    await expect(readFile(path.join(installed, "node_modules/viem/package.json"))).rejects.toThrow();
    await compile(linked, "tsconfig.nodenext.json");
    expect(await runProgram(linked, process.execPath, rpcUrl, registry)).toMatchObject({
      name: "Packaged cell",
    });
  }, 360_000);
});
