/**
 * The launcher refuses bad configuration before Ponder starts, with a sentence saying what to do: no RPC,
 * no deployment record for the chain, a stale record (no code at the CellRegistry), no database, an unreadable
 * or malformed record file, a setting that is not a number, a schema that is not a name, a port already taken.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import { createServer as createTcpServer } from "node:net";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { IndexerConfigError, checkIndexerConfig, checkPortFree, startIndexer } from "../../indexer/start.ts";
import { getDeployment } from "../../sdk/index.ts";

/** A JSON-RPC endpoint answering eth_chainId with `chain.id` and eth_getCode with `chain.code`. */
const chain = { id: 1, code: "0x" };
let rpcUrl = "";
let dir = "";
const server = createServer((request, response) => {
  let body = "";
  request.on("data", (chunk) => (body += chunk));
  request.on("end", () => {
    const { id, method } = JSON.parse(body) as { id: number; method: string };
    const result =
      method === "eth_chainId" ? `0x${chain.id.toString(16)}` : method === "eth_getCode" ? chain.code : null;
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify({ jsonrpc: "2.0", id, result }));
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  rpcUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = await mkdtemp(path.join(tmpdir(), "concord-launcher-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** A record file with `content` (a record, or raw text), in the test's folder. */
async function recordFile(name: string, content: unknown): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}

const registry = getDeployment(31337).contracts.CellRegistry!;
const record = (chainId: number, cellRegistry: unknown = { address: registry.address, startBlock: 0 }) => ({
  chainId,
  name: "file",
  contracts: { CellRegistry: cellRegistry },
});

describe("indexer launcher", () => {
  it("refuses an RPC that does not answer", async () => {
    const refusal = checkIndexerConfig({ rpcUrl: "http://127.0.0.1:1" });
    await expect(refusal).rejects.toThrow(IndexerConfigError);
    await expect(refusal).rejects.toThrow(/does not answer eth_chainId/);
  });

  it("refuses a chain without a deployment record", async () => {
    chain.id = 1;
    await expect(checkIndexerConfig({ rpcUrl })).rejects.toThrow(
      /no deployment record for chain 1 \(known: 31337\)/,
    );
  });

  it("refuses a stale record (no code at the CellRegistry)", async () => {
    chain.id = 31337;
    chain.code = "0x";
    await expect(checkIndexerConfig({ rpcUrl })).rejects.toThrow(/No contract at the recorded CellRegistry/);
  });

  it("refuses a database it cannot reach, and names one schema per deployment", async () => {
    chain.id = 31337;
    chain.code = "0x6080";
    await expect(
      checkIndexerConfig({ rpcUrl, databaseUrl: "postgresql://postgres@127.0.0.1:1/postgres" }),
    ).rejects.toThrow(/database at DATABASE_URL cannot be reached/);
    const config = await checkIndexerConfig({ rpcUrl, databaseUrl: "" });
    const registry = getDeployment(31337).contracts.CellRegistry!.address;
    expect(config.schema).toBe(`concord_31337_${registry.slice(2, 10).toLowerCase()}`);
    expect(config.databaseUrl).toBeFalsy();
  });

  it("refuses a record file it cannot read, that is not JSON, or that is not a record, naming the file", async () => {
    chain.id = 31337;
    chain.code = "0x6080";
    const missing = path.join(dir, "missing.json");
    await expect(checkIndexerConfig({ rpcUrl, deploymentFile: missing })).rejects.toThrow(
      new RegExp(`${missing.replaceAll("/", "\\/")} \\(CONCORD_DEPLOYMENT_FILE\\) cannot be read`),
    );
    const notJson = await recordFile("broken.json", "{ chainId: 31337");
    await expect(checkIndexerConfig({ rpcUrl, deploymentFile: notJson })).rejects.toThrow(
      /broken\.json .* is not JSON/,
    );
    const cases: [string, unknown, RegExp][] = [
      ["array.json", [1, 2], /no contracts|chainId undefined/],
      ["chain.json", { ...record(31337), chainId: "31337" }, /chainId "31337" is not a positive integer/],
      [
        "address.json",
        record(31337, { address: "0x1234", startBlock: 0 }),
        /CellRegistry\.address "0x1234" is not an address/,
      ],
      [
        "block.json",
        record(31337, { address: registry.address, startBlock: -5 }),
        /CellRegistry\.startBlock -5 is not a block number/,
      ],
    ];
    for (const [name, content, message] of cases) {
      const refusal = checkIndexerConfig({ rpcUrl, deploymentFile: await recordFile(name, content) });
      await expect(refusal, name).rejects.toThrow(IndexerConfigError);
      await expect(
        checkIndexerConfig({ rpcUrl, deploymentFile: path.join(dir, name) }),
        name,
      ).rejects.toThrow(message);
    }
  });

  it("refuses a record file of another chain, and takes a good one", async () => {
    chain.id = 31337;
    chain.code = "0x6080";
    const other = await recordFile("other.json", record(8453));
    await expect(checkIndexerConfig({ rpcUrl, deploymentFile: other })).rejects.toThrow(
      /other\.json is a deployment on chain 8453, but the RPC serves chain 31337/,
    );
    const good = await recordFile(
      "good.json",
      record(31337, { address: registry.address, startBlock: "12" }),
    );
    const config = await checkIndexerConfig({ rpcUrl, deploymentFile: good });
    expect(config.deployment.contracts.CellRegistry).toEqual({ address: registry.address, startBlock: 12 });
  });

  it("refuses a port, polling interval or log range that is not a number in range, and a schema that is not a name", async () => {
    chain.id = 31337;
    chain.code = "0x6080";
    // Each refusal comes before any request: the RPC below does not exist.
    const offline = "http://127.0.0.1:1";
    await expect(checkIndexerConfig({ rpcUrl: offline, port: 70_000 })).rejects.toThrow(
      "CONCORD_INDEXER_PORT must be a whole number from 1 to 65535, not 70000.",
    );
    await expect(checkIndexerConfig({ rpcUrl: offline, port: 0 })).rejects.toThrow(/not 0\./);
    await expect(checkIndexerConfig({ rpcUrl: offline, pollingMs: 1.5 })).rejects.toThrow(
      "CONCORD_INDEXER_POLLING_MS must be a whole number from 10 to 600000, not 1.5.",
    );
    const saved = { ...process.env };
    try {
      process.env.CONCORD_INDEXER_PORT = "42o69";
      await expect(checkIndexerConfig({ rpcUrl: offline })).rejects.toThrow(
        /CONCORD_INDEXER_PORT .* not "42o69"/,
      );
      delete process.env.CONCORD_INDEXER_PORT;
      process.env.CONCORD_INDEXER_GETLOGS_RANGE = "10k";
      await expect(checkIndexerConfig({ rpcUrl: offline })).rejects.toThrow(
        /CONCORD_INDEXER_GETLOGS_RANGE must be a whole number from 1 to 100000000, not "10k"/,
      );
    } finally {
      for (const name of ["CONCORD_INDEXER_PORT", "CONCORD_INDEXER_GETLOGS_RANGE"]) {
        if (saved[name] === undefined) delete process.env[name];
        else process.env[name] = saved[name];
      }
    }
    for (const schema of ["public; drop table x", "Concord", "1concord", "a".repeat(64)]) {
      await expect(checkIndexerConfig({ rpcUrl: offline, schema }), schema).rejects.toThrow(
        /CONCORD_INDEXER_SCHEMA .* is not a schema name/,
      );
    }
    // The same settings, well-formed, pass through.
    const config = await checkIndexerConfig({ rpcUrl, port: 42_070, pollingMs: 500, schema: "concord_dev" });
    expect(config).toMatchObject({ port: 42_070, pollingMs: 500, schema: "concord_dev" });
  });

  it("refuses a port another server listens on, before Ponder starts (Ponder would move to the next port)", async () => {
    chain.id = 31337;
    chain.code = "0x6080";
    const squatter = createTcpServer();
    await new Promise<void>((resolve) => squatter.listen(0, "127.0.0.1", resolve));
    const { port } = squatter.address() as AddressInfo;
    try {
      const message = `Port ${port} on 127.0.0.1 is already in use (another indexer?): stop it, or set CONCORD_INDEXER_PORT to a free port.`;
      await expect(checkPortFree("127.0.0.1", port)).rejects.toThrow(message);
      // startIndexer refuses it too, and spawns nothing.
      await expect(startIndexer({ rpcUrl, host: "127.0.0.1", port })).rejects.toThrow(message);
    } finally {
      await new Promise<void>((resolve) => squatter.close(() => resolve()));
    }
    await expect(checkPortFree("127.0.0.1", port)).resolves.toBeUndefined();
  });
});
