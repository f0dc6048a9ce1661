/**
 * The SDK as an integrator gets it (issue 13): `npm pack` of `sdk/`, the tarball installed into a throwaway
 * project beside viem (a peer dependency: one copy, the consumer's), compiled with `tsc` under `bundler`,
 * `node16` and `nodenext` module resolution with strict settings, the compiled program run on Node 20 and on
 * Node 22 against a local chain, and a one-read page bundled with Vite. Used by `test/sdk/package.test.ts` and by
 * `npm run sdk:measure` (which writes `bench/reports/sdk-package.md`).
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";

import { root } from "../../utils/localNode.ts";

const run = promisify(execFile);

/** The Node 20 of the machine (Debian's `/usr/bin/node` on this project's machines), unless NODE20 says where. */
export const NODE_20 = process.env.NODE20 ?? "/usr/bin/node";

export type PackedSdk = {
  dir: string;
  tarball: string;
  name: string;
  version: string;
  /** Bytes of the .tgz. */
  size: number;
  unpackedSize: number;
  files: string[];
};

/** Builds and packs `sdk/` into a fresh temporary folder (the package's `prepack` builds `dist/`). */
export async function packSdk(): Promise<PackedSdk> {
  const dir = await mkdtemp(path.join(tmpdir(), "concord-sdk-"));
  const { stdout } = await run("npm", ["pack", "./sdk", "--json", "--pack-destination", dir], {
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
  });
  const [info] = JSON.parse(stdout.slice(stdout.indexOf("["))) as {
    name: string;
    version: string;
    filename: string;
    size: number;
    unpackedSize: number;
    files: { path: string }[];
  }[];
  return {
    dir,
    tarball: path.join(dir, path.basename(info!.filename)),
    name: info!.name,
    version: info!.version,
    size: info!.size,
    unpackedSize: info!.unpackedSize,
    files: info!.files.map((f) => f.path),
  };
}

/** A consumer's program: reads a cell through the package, with nothing but viem beside it. */
const PROGRAM = `import { createPublicClient, http, type Address } from "viem";
import { hardhat } from "viem/chains";
import { createConcordClient, getCell, ConcordError, type Cell } from "@concord-dao/sdk";

declare const process: { argv: string[]; exitCode?: number };

const [rpcUrl, registry] = process.argv.slice(2) as [string, Address];
const publicClient = createPublicClient({ chain: hardhat, transport: http(rpcUrl) });
const concord = createConcordClient({ publicClient, addresses: { cellRegistry: registry } });
const cell: Cell = await concord.cells.getCell({ cellId: 1n });
const same = await getCell(concord, { cellId: 1n });
let refusal = "";
try {
  await concord.cells.getCell({ cellId: 999n });
} catch (error) {
  if (error instanceof ConcordError) refusal = error.shortMessage;
}
console.log(JSON.stringify({ name: cell.name, same: same.name === cell.name, refusal }));
`;

/** The modules a one-read page is measured for. */
export const ONE_READ_MODULES = ["cells", "agreements", "leases", "governance"] as const;
export type OneReadModule = (typeof ONE_READ_MODULES)[number];

/**
 * One phrase of each module's error catalogue (a message's words, not an error's name: a module's ABI names its
 * errors too). A one-read page of a module must carry its own phrase and no other module's. The cells'
 * catalogue is the decoder's core, so every page carries it.
 */
export const CATALOGUE_PHRASES: Record<OneReadModule, string> = {
  cells: "(nor of any cell above it)",
  agreements: "is not a party to agreement",
  leases: "try again when a turn has passed",
  governance: "propose it in the community house first",
};

/** The read each one-read page makes, through the tree-shakable action. */
const ONE_READ_CALLS: Record<OneReadModule, { imports: string; read: string }> = {
  cells: { imports: "getCell", read: "(await getCell(client, { cellId: 1n })).name" },
  agreements: {
    imports: "agreementStatusOf",
    read: "String(await agreementStatusOf(client, { agreementId: 1n }))",
  },
  leases: { imports: "leaseOf", read: "String((await leaseOf(client, { resourceId: 1n })).holder)" },
  governance: {
    imports: "getGovernanceSettings",
    read: "String((await getGovernanceSettings(client)).operationalDelay)",
  },
};

/** A one-read page for the bundle measure: one read of `module`, its refusal shown in words. */
function oneReadPage(module: OneReadModule): string {
  const { imports, read } = ONE_READ_CALLS[module];
  return `import { createPublicClient, http, type Address } from "viem";
import { createConcordBaseClient, ${imports} } from "@concord-dao/sdk";

const at = (n: number) => \`0x\${n.toString(16).padStart(40, "0")}\` as Address;
const client = createConcordBaseClient({
  publicClient: createPublicClient({ transport: http("http://127.0.0.1:8545") }),
  addresses: { cellRegistry: at(1), agreementRegistry: at(2), resourceLeases: at(3), operationalHouse: at(4) },
});
try {
  document.body.textContent = ${read};
} catch (error) {
  document.body.textContent = (error as Error).message;
}
`;
}

const STRICT = {
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  target: "ES2022",
  lib: ["ES2022", "DOM"],
  types: [],
  skipLibCheck: false,
};

export type Consumer = { dir: string };

/** A throwaway project with the tarball and viem (the repository's version) installed from the registry. */
export async function createConsumer(packed: PackedSdk): Promise<Consumer> {
  const dir = path.join(packed.dir, "consumer");
  await mkdir(path.join(dir, "src"), { recursive: true });
  const viemVersion = JSON.parse(
    await readFile(path.join(root, "node_modules/viem/package.json"), "utf8"),
  ).version;
  await writeFile(
    path.join(dir, "package.json"),
    JSON.stringify(
      {
        name: "concord-sdk-consumer",
        private: true,
        type: "module",
        dependencies: { [packed.name]: `file:${packed.tarball}`, viem: viemVersion },
      },
      null,
      2,
    ),
  );
  await writeFile(path.join(dir, "src/main.ts"), PROGRAM);
  for (const module of ONE_READ_MODULES) {
    await writeFile(path.join(dir, `src/one-read-${module}.ts`), oneReadPage(module));
  }
  for (const [name, options] of [
    ["tsconfig.bundler.json", { module: "ESNext", moduleResolution: "bundler", noEmit: true }],
    ["tsconfig.node16.json", { module: "Node16", moduleResolution: "Node16", noEmit: true }],
    ["tsconfig.nodenext.json", { module: "NodeNext", moduleResolution: "NodeNext", outDir: "out" }],
  ] as const) {
    await writeFile(
      path.join(dir, name),
      JSON.stringify({ compilerOptions: { ...STRICT, ...options }, include: ["src/main.ts"] }, null, 2),
    );
  }
  await run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline"], {
    cwd: dir,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { dir };
}

/**
 * A throwaway project that installs the SDK from the repository's `sdk/` folder, as a `file:` dependency with
 * `--install-links` (npm copies the package, as from a tarball). A plain `file:` dependency is a symlink instead:
 * the SDK's `viem` then resolves from the repository's `node_modules`, a second copy, and the consumer's client
 * is refused (TS2322, even at the same viem version).
 */
export async function createLinkedConsumer(packed: PackedSdk): Promise<Consumer> {
  const dir = path.join(packed.dir, "linked");
  await mkdir(path.join(dir, "src"), { recursive: true });
  const viemVersion = JSON.parse(
    await readFile(path.join(root, "node_modules/viem/package.json"), "utf8"),
  ).version;
  await writeFile(
    path.join(dir, "package.json"),
    JSON.stringify(
      {
        name: "concord-sdk-linked-consumer",
        private: true,
        type: "module",
        dependencies: { viem: viemVersion },
      },
      null,
      2,
    ),
  );
  await writeFile(path.join(dir, "src/main.ts"), PROGRAM);
  await writeFile(
    path.join(dir, "tsconfig.nodenext.json"),
    JSON.stringify(
      {
        compilerOptions: { ...STRICT, module: "NodeNext", moduleResolution: "NodeNext", outDir: "out" },
        include: ["src/main.ts"],
      },
      null,
      2,
    ),
  );
  await run(
    "npm",
    ["install", "--no-audit", "--no-fund", "--prefer-offline", "--install-links", path.join(root, "sdk")],
    { cwd: dir, maxBuffer: 64 * 1024 * 1024 },
  );
  return { dir };
}

/** `tsc -p <config>` in the consumer with the repository's TypeScript; resolves with tsc's output. */
export async function compile(consumer: Consumer, config: string): Promise<string> {
  try {
    const { stdout } = await run(
      process.execPath,
      [path.join(root, "node_modules/typescript/bin/tsc"), "-p", config],
      {
        cwd: consumer.dir,
      },
    );
    return stdout;
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    throw new Error(`tsc -p ${config} failed in the consumer:\n${stdout}${stderr}`, { cause: error });
  }
}

/** Runs the compiled program (`out/main.js`) with `node`; returns what it printed, parsed. */
export async function runProgram(
  consumer: Consumer,
  node: string,
  rpcUrl: string,
  registry: string,
): Promise<{ name: string; same: boolean; refusal: string }> {
  const { stdout } = await run(node, [path.join(consumer.dir, "out/main.js"), rpcUrl, registry], {
    cwd: consumer.dir,
  });
  return JSON.parse(stdout.trim());
}

export type Bundle = { bytes: number; gzip: number; text: string };

/** Bundles the one-read page of `module` with Vite (the repository's Vite, the consumer's node_modules). */
export async function bundleOneRead(consumer: Consumer, module: OneReadModule = "cells"): Promise<Bundle> {
  const { build } = await import("vite");
  const outDir = path.join(consumer.dir, `dist-${module}`);
  await build({
    root: consumer.dir,
    configFile: false,
    logLevel: "silent",
    build: {
      outDir,
      emptyOutDir: true,
      target: "es2022",
      rollupOptions: { input: path.join(consumer.dir, `src/one-read-${module}.ts`) },
    },
  });
  const files = (await readdir(outDir, { recursive: true })).filter((f) => f.endsWith(".js"));
  const text = (await Promise.all(files.map((f) => readFile(path.join(outDir, f), "utf8")))).join("\n");
  return { bytes: Buffer.byteLength(text), gzip: gzipSync(text, { level: 9 }).length, text };
}

export async function cleanUp(packed: PackedSdk | undefined): Promise<void> {
  if (packed) await rm(packed.dir, { recursive: true, force: true });
}
