/**
 * The launcher refuses bad configuration before Ponder starts, with a sentence saying what to do: no RPC,
 * no deployment record for the chain, a stale record (no code at the CellRegistry), no database.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { IndexerConfigError, checkIndexerConfig } from "../../indexer/start.ts";
import { getDeployment } from "../../sdk/index.ts";

/** A JSON-RPC endpoint answering eth_chainId with `chain.id` and eth_getCode with `chain.code`. */
const chain = { id: 1, code: "0x" };
let rpcUrl = "";
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
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

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
});
