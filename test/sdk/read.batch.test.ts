/**
 * Batched reads (`readBatch`, `readBatchSettled`): bounded by call count — 100 calls per `eth_call` through a
 * deployed Multicall3, 20 through the deployless form — and by gas (an explicit cap on each `eth_call`, a batch
 * that runs out split in halves), results in call order, failures decoded.
 */
import { createPublicClient, custom, decodeFunctionData, multicall3Abi } from "viem";
import type { Hex } from "viem";
import { beforeAll, describe, expect, it } from "vitest";

import {
  cellRegistryAbi,
  ConcordError,
  createConcordClient,
  InvalidInputError,
  readBatch,
  readBatchAtBlock,
  readBatchLimits,
  readBatchSettled,
  MULTICALL3_ADDRESS,
} from "../../sdk/index.ts";
import { createTestChain, type Deployed, type TestChain } from "./fixture.ts";

const CELLS = 45;
let chain: TestChain;
let d: Deployed;
/** Each cell's parent: cell i is created under cell i - 1 for i ≤ 8 (the depth limit), else at the top. */
const parentOf = (id: bigint) => (id > 1n && id <= 8n ? id - 1n : 0n);

beforeAll(async () => {
  chain = await createTestChain();
  d = await chain.deploy();
  for (let i = 1n; i <= CELLS; i++)
    await d.as(0).cells.createCell({ parentId: parentOf(i), name: `cell ${i}` });
});

async function counted(multicall3: boolean) {
  const { client, methods } = await chain.countingPublicClient({ multicall3 });
  const concord = createConcordClient({ publicClient: client, addresses: { cellRegistry: d.address } });
  return { concord, calls: () => methods.filter((m) => m === "eth_call").length };
}

/** `getCell` of cells 1…n, cycling through the existing cells. */
const getCells = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    address: d.address,
    abi: cellRegistryAbi,
    functionName: "getCell" as const,
    args: [BigInt((i % CELLS) + 1)] as const,
  }));

describe("readBatch", () => {
  it("reads through a deployed Multicall3 in batches of 100 calls, in call order", async () => {
    const { concord, calls } = await counted(true);
    const results = await readBatch(concord, getCells(250));
    expect(calls()).toBe(Math.ceil(250 / readBatchLimits.callsPerBatch));
    expect(results.map((cell) => cell.parentId)).toEqual(getCells(250).map((c) => parentOf(c.args[0])));
  });

  it("falls back to small deployless batches where the chain has no Multicall3", async () => {
    const { concord, calls } = await counted(false);
    const results = await readBatch(concord, getCells(CELLS));
    expect(calls()).toBe(Math.ceil(CELLS / readBatchLimits.deploylessCallsPerBatch));
    expect(results.map((cell) => cell.depth)).toEqual(
      getCells(CELLS).map((c) => (c.args[0] <= 8n ? Number(c.args[0]) : 1)),
    );
  });

  it("throws a decoded Concord error when one read fails, and reads nothing for no call", async () => {
    const { concord, calls } = await counted(true);
    expect(await readBatch(concord, [])).toEqual([]);
    expect(calls()).toBe(0);
    const missing = { ...getCells(1)[0]!, args: [999n] as const };
    await expect(readBatch(concord, [...getCells(3), missing])).rejects.toBeInstanceOf(ConcordError);
  });

  it("settles each call on its own with readBatchSettled", async () => {
    const { concord } = await counted(true);
    const missing = { ...getCells(1)[0]!, args: [999n] as const };
    const outcomes = await readBatchSettled(concord, [...getCells(2), missing]);
    expect(outcomes.map((o) => o.status)).toEqual(["success", "success", "failure"]);
  });

  it("caps each eth_call's gas, and splits a batch the node refuses for gas until every read is in", async () => {
    const { client } = await chain.countingPublicClient({ multicall3: true });
    const sent: { gas: bigint; calls: number }[] = [];
    // A node whose gas runs out above 40 calls in one aggregate3, as a node with a low cap would.
    const limited = createPublicClient({
      chain: client.chain,
      transport: custom({
        request: async (args: { method: string; params?: unknown }) => {
          if (args.method === "eth_call") {
            const [tx] = args.params as [{ to?: string; data: Hex; gas?: Hex }];
            if (tx.to?.toLowerCase() === MULTICALL3_ADDRESS.toLowerCase()) {
              const { args: decoded } = decodeFunctionData({ abi: multicall3Abi, data: tx.data });
              const calls = (decoded![0] as readonly unknown[]).length;
              sent.push({ gas: BigInt(tx.gas ?? "0x0"), calls });
              if (calls > 40) throw Object.assign(new Error("out of gas"), { code: -32000 });
            }
          }
          return client.request(args as never);
        },
      }),
    });
    const concord = createConcordClient({ publicClient: limited, addresses: { cellRegistry: d.address } });
    const results = await readBatch(concord, getCells(100));
    expect(results.map((cell) => cell.parentId)).toEqual(getCells(100).map((c) => parentOf(c.args[0])));
    expect(sent.every((s) => s.gas === readBatchLimits.gasPerCall)).toBe(true);
    // 100 refused, 50 + 50 refused, then four batches of 25.
    expect(sent.map((s) => s.calls)).toEqual([100, 50, 25, 25, 50, 25, 25]);
  });
});

describe("readBatchAtBlock", () => {
  it("carries the block in the one batch through a deployed Multicall3: one request, no block read", async () => {
    const { client, methods } = await chain.countingPublicClient({ multicall3: true });
    const concord = createConcordClient({ publicClient: client, addresses: { cellRegistry: d.address } });
    const head = await client.getBlock();
    methods.length = 0;
    const { block, results } = await readBatchAtBlock(concord, getCells(98));
    expect(methods).toEqual(["eth_call"]);
    expect(results.map((cell) => cell.parentId)).toEqual(getCells(98).map((c) => parentOf(c.args[0])));
    // The block the calls ran in: the head, or (EDR runs calls on latest in a pending block) the one after it.
    expect(block.number - head.number).toBeGreaterThanOrEqual(0n);
    expect(block.number - head.number).toBeLessThanOrEqual(1n);
    expect(block.timestamp).toBeGreaterThanOrEqual(head.timestamp);
  });

  it("at a block number, reads that block's number and time in the same request", async () => {
    const { client, methods } = await chain.countingPublicClient({ multicall3: true });
    const concord = createConcordClient({ publicClient: client, addresses: { cellRegistry: d.address } });
    // Blocks after Multicall3 was installed: read the second-last of them.
    await client.request({ method: "hardhat_mine", params: ["0x3"] } as never);
    const head = await client.getBlock();
    const earlier = await client.getBlock({ blockNumber: head.number - 1n });
    methods.length = 0;
    const { block } = await readBatchAtBlock(concord, getCells(2), { at: { blockNumber: earlier.number } });
    expect(methods).toEqual(["eth_call"]);
    expect(block).toEqual({ number: earlier.number, timestamp: earlier.timestamp });
  });

  it("reads the block first and pins every batch to it when the calls need several batches", async () => {
    const { client, methods } = await chain.countingPublicClient({ multicall3: true });
    const concord = createConcordClient({ publicClient: client, addresses: { cellRegistry: d.address } });
    methods.length = 0;
    const { block, results } = await readBatchAtBlock(concord, getCells(150));
    const head = await client.getBlock({ blockNumber: block.number });
    expect(methods.slice(0, 3)).toEqual(["eth_getBlockByNumber", "eth_call", "eth_call"]);
    expect(block.timestamp).toBe(head.timestamp);
    expect(results).toHaveLength(150);
  });

  it("raises the batch to callsPerBatch for cheap calls, and refuses a size out of bounds", async () => {
    const { client, methods } = await chain.countingPublicClient({ multicall3: true });
    const concord = createConcordClient({ publicClient: client, addresses: { cellRegistry: d.address } });
    const cheap = Array.from({ length: 200 }, () => ({
      address: d.address,
      abi: cellRegistryAbi,
      functionName: "cellCount" as const,
    }));
    methods.length = 0;
    const { results } = await readBatchAtBlock(concord, cheap, { callsPerBatch: 250 });
    expect(methods).toEqual(["eth_call"]);
    expect(results.every((count) => count === BigInt(CELLS))).toBe(true);
    for (const callsPerBatch of [0, 1.5, readBatchLimits.maxCallsPerBatch + 1]) {
      const error = await readBatch(concord, cheap, { callsPerBatch }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).parameter).toBe("callsPerBatch");
    }
  });

  it("settles each call with allowFailure, the block still read", async () => {
    const { concord } = await counted(true);
    const missing = { ...getCells(1)[0]!, args: [999n] as const };
    const { block, results } = await readBatchAtBlock(concord, [...getCells(1), missing], {
      allowFailure: true,
    });
    expect(results.map((o) => o.status)).toEqual(["success", "failure"]);
    expect(block.number).toBeGreaterThan(0n);
  });

  it("without Multicall3 reads the block, then the deployless batches at it", async () => {
    const { client, methods } = await chain.countingPublicClient({ multicall3: false });
    const concord = createConcordClient({ publicClient: client, addresses: { cellRegistry: d.address } });
    methods.length = 0;
    const { results } = await readBatchAtBlock(concord, getCells(5));
    expect(methods).toEqual(["eth_getBlockByNumber", "eth_call"]);
    expect(results).toHaveLength(5);
  });

  it("a one-batch read that runs out of gas is read again block first, every half pinned to that block", async () => {
    const { client } = await chain.countingPublicClient({ multicall3: true });
    const sent: { method: string; calls?: number; block?: unknown }[] = [];
    // A node whose gas runs out above 40 calls in one aggregate3.
    const limited = createPublicClient({
      chain: client.chain,
      transport: custom({
        request: async (args: { method: string; params?: unknown }) => {
          if (args.method === "eth_call") {
            const [tx, block] = args.params as [{ to?: string; data: Hex }, unknown];
            const { args: decoded } = decodeFunctionData({ abi: multicall3Abi, data: tx.data });
            const calls = (decoded![0] as readonly unknown[]).length;
            sent.push({ method: args.method, calls, block });
            if (calls > 40) throw Object.assign(new Error("out of gas"), { code: -32000 });
          } else sent.push({ method: args.method });
          return client.request(args as never);
        },
      }),
    });
    const concord = createConcordClient({ publicClient: limited, addresses: { cellRegistry: d.address } });
    const { block, results } = await readBatchAtBlock(concord, getCells(60));
    expect(results.map((cell) => cell.parentId)).toEqual(getCells(60).map((c) => parentOf(c.args[0])));
    // 62 calls (the block's two and the 60) refused; then the block, and 60 refused, 30 + 30, all at that block.
    expect(sent.map((s) => s.calls ?? s.method)).toEqual([62, "eth_getBlockByNumber", 60, 30, 30]);
    const pinned = `0x${block.number.toString(16)}`;
    expect(sent.slice(2).map((s) => s.block)).toEqual([pinned, pinned, pinned]);
  });
});
