/**
 * Batched reads (`readBatch`, `readBatchSettled`): bounded by call count — 100 calls per `eth_call` through a
 * deployed Multicall3, 20 through the deployless form — results in call order, failures decoded.
 */
import { beforeAll, describe, expect, it } from "vitest";

import {
  cellRegistryAbi,
  ConcordError,
  createConcordClient,
  readBatch,
  readBatchLimits,
  readBatchSettled,
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
});
