/**
 * The read path switch without a chain: option checks, "auto" falling back when the indexer does not answer
 * or serves another chain, and "indexer" refusing with a typed error instead of silently falling back.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

import { createPublicClient, custom } from "viem";
import { hardhat } from "viem/chains";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  IndexerUnavailableError,
  InvalidInputError,
  createConcordClient,
  getReadPath,
  requireIndexedBlock,
} from "../../sdk/index.ts";
import { DEFAULT_MAX_LAG_BLOCKS } from "../../sdk/indexer/switch.ts";

/** A chain at block 100 (only eth_blockNumber and eth_chainId are asked). */
const publicClient = createPublicClient({
  chain: hardhat,
  transport: custom({
    async request({ method }: { method: string }) {
      if (method === "eth_blockNumber") return "0x64";
      if (method === "eth_chainId") return "0x7a69";
      throw new Error(`unexpected ${method}`);
    },
  }),
});

/**
 * A fake indexer whose /status says chain `status.id` at block `status.block`; each /status request then
 * moves the block on by `status.step` (an indexer catching up), and is counted.
 */
const status = { id: 31337, block: 100, step: 0, asked: 0 };
let url = "";
const server = createServer((request, response) => {
  if (request.url === "/status") {
    status.asked++;
    response.setHeader("content-type", "application/json");
    response.end(
      JSON.stringify({ concord: { id: status.id, block: { number: status.block, timestamp: 0 } } }),
    );
    status.block += status.step;
  } else if (request.url?.startsWith("/concord/cells")) {
    response.statusCode = 500;
    response.end("broken");
  } else {
    response.statusCode = 404;
    response.end();
  }
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const client = (options: {
  reads?: "rpc" | "indexer" | "auto";
  indexerUrl?: string;
  maxLagBlocks?: number;
  freshnessMs?: number;
  recheckMs?: number;
  publicClient?: typeof publicClient;
}) =>
  createConcordClient({
    publicClient: options.publicClient ?? publicClient,
    chainId: 31337,
    indexer: options.indexerUrl
      ? {
          url: options.indexerUrl,
          maxLagBlocks: options.maxLagBlocks,
          recheckMs: options.recheckMs ?? 0,
          freshnessMs: options.freshnessMs,
        }
      : undefined,
    reads: options.reads,
  });

/** Another public client of the same chain (its own viem `uid`): its writes are its own. */
const otherPublicClient = () =>
  createPublicClient({ chain: hardhat, transport: custom({ request: publicClient.request }) });

describe("reads switch", () => {
  it("defaults to rpc without an indexer and to auto with one; refuses indexer reads without a URL", () => {
    expect(client({}).reads).toBe("rpc");
    expect(client({ indexerUrl: "http://127.0.0.1:1" }).reads).toBe("auto");
    expect(() => client({ reads: "indexer" })).toThrow(InvalidInputError);
    expect(() => client({ indexerUrl: "not a url" })).toThrow(/not a URL/);
  });

  it('"auto" uses the indexer within the lag, and direct reads past it, on another chain, or when it is down', async () => {
    status.id = 31337;
    status.block = 100 - Number(DEFAULT_MAX_LAG_BLOCKS);
    expect(await getReadPath(client({ indexerUrl: url }))).toEqual({
      path: "indexer",
      lagBlocks: DEFAULT_MAX_LAG_BLOCKS,
    });
    status.block = 100 - Number(DEFAULT_MAX_LAG_BLOCKS) - 1;
    expect((await getReadPath(client({ indexerUrl: url }))).path).toBe("rpc");
    expect((await getReadPath(client({ indexerUrl: url, maxLagBlocks: 10 }))).path).toBe("indexer");
    status.block = 100;
    status.id = 1;
    expect((await getReadPath(client({ indexerUrl: url }))).path).toBe("rpc");
    expect(await getReadPath(client({ indexerUrl: "http://127.0.0.1:1" }))).toEqual({
      path: "rpc",
      lagBlocks: null,
    });
  });

  it('"auto" looks once for the reads that start together (a page\'s queries), and again after recheckMs', async () => {
    status.id = 31337;
    status.block = 100;
    status.step = 0;
    const together = client({ indexerUrl: url });
    status.asked = 0;
    const paths = await Promise.all([getReadPath(together), getReadPath(together), getReadPath(together)]);
    expect(paths.map((path) => path.path)).toEqual(["indexer", "indexer", "indexer"]);
    expect(status.asked).toBe(1);
    // recheckMs is 0 here: the next read looks again.
    await getReadPath(together);
    expect(status.asked).toBe(2);
  });

  it('"indexer" throws IndexerUnavailableError when the indexer fails, naming the URL', async () => {
    const strict = client({ indexerUrl: url, reads: "indexer" });
    await expect(strict.cells.listCells()).rejects.toThrow(IndexerUnavailableError);
    await expect(strict.cells.listCells()).rejects.toThrow(url);
  });

  it("reads your own writes: after a write, a read through the indexer waits until it has indexed that block", async () => {
    status.id = 31337;
    status.block = 100;
    status.step = 1;
    status.asked = 0;
    const reader = otherPublicClient();
    const auto = client({ indexerUrl: url, publicClient: reader, freshnessMs: 60_000 });
    requireIndexedBlock(auto, 103n);
    // 100 (the lag check), 101, 102, 103: the read goes to the indexer once it has the write's block.
    expect((await getReadPath(auto)).path).toBe("indexer");
    expect(status.block).toBeGreaterThanOrEqual(103);
    expect(status.asked).toBe(4);
    // Known to be indexed now: the next read asks nothing more about it (beyond "auto"'s lag check).
    status.asked = 0;
    expect(
      (await getReadPath(client({ indexerUrl: url, publicClient: reader, recheckMs: 60_000 }))).path,
    ).toBe("indexer");
    expect(status.asked).toBe(1);
  });

  it('a stalled indexer: "auto" reads the chain after freshnessMs, "indexer" reads what it has; other clients do not wait', async () => {
    status.id = 31337;
    status.block = 100;
    status.step = 0;
    const reader = otherPublicClient();
    const auto = client({ indexerUrl: url, publicClient: reader, freshnessMs: 200 });
    requireIndexedBlock(auto, 150n);
    expect((await getReadPath(auto)).path).toBe("rpc");
    const strict = client({ indexerUrl: url, publicClient: reader, freshnessMs: 200, reads: "indexer" });
    expect((await getReadPath(strict)).path).toBe("indexer");
    // Once the strict client saw the indexer reach the block, its next reads ask nothing more about it.
    status.block = 150;
    expect((await getReadPath(strict)).path).toBe("indexer");
    status.asked = 0;
    expect((await getReadPath(strict)).path).toBe("indexer");
    expect(status.asked).toBe(0);
    // A client on another public client never wrote: no wait, the indexer within its lag.
    status.asked = 0;
    expect((await getReadPath(client({ indexerUrl: url, publicClient: otherPublicClient() }))).path).toBe(
      "indexer",
    );
    expect(status.asked).toBe(1);
  });

  it("refuses a freshnessMs that would hang or make no sense, naming it", () => {
    for (const freshnessMs of [-1, 1.5, 60_001])
      expect(() => client({ indexerUrl: url, freshnessMs })).toThrow(/indexer\.freshnessMs/);
  });
});
