/**
 * The one log scanner (`scanLogs`, under `scanEvents`) against a fake provider that enforces the limits of
 * public RPCs: a block span per `eth_getLogs` (QuickNode: 10,000 blocks) or a count of logs per answer
 * (Alchemy, Infura: 10,000), refused with their words. The scan must honour `maxBlockRange`, split what is
 * refused or cut, keep at most `concurrency` requests in flight, report progress, stop on abort, and stop
 * with a typed error past its request bound.
 */
import { createPublicClient, custom, numberToHex, pad } from "viem";
import type { RpcLog } from "viem";
import { describe, expect, it } from "vitest";

import type { ConcordClientBase } from "../../sdk/index.ts";
import { logsRefusal, scanLimits, scanLogs, ScanLimitError } from "../../sdk/internal/logs.ts";
import type { ClientScanProgress, ScanProgress } from "../../sdk/internal/logs.ts";

const ADDRESS = "0x5FbDB2315678afecb367f032d93F642f64180aa3" as const;
const TOPIC = pad("0x01");

type Limits = { maxBlocks?: number; maxLogs?: number };

/** A provider with `logsAt(block)` logs in each block up to `head`, enforcing `limits` like public RPCs. */
function fakeProvider(head: number, logsAt: (block: number) => number, limits: Limits = {}) {
  const requests: { from: number; to: number }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const request = async ({ method, params }: { method: string; params?: unknown }) => {
    if (method === "eth_blockNumber") return numberToHex(head);
    if (method === "eth_chainId") return "0x7a69";
    if (method !== "eth_getLogs") throw new Error(`unexpected ${method}`);
    const filter = (params as [{ fromBlock: string; toBlock: string }])[0];
    const from = Number(filter.fromBlock);
    const to = filter.toBlock === "latest" ? head : Number(filter.toBlock);
    requests.push({ from, to });
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (limits.maxBlocks !== undefined && to - from + 1 > limits.maxBlocks) {
        throw Object.assign(new Error(`block range too large: maximum is ${limits.maxBlocks} blocks`), {
          code: -32005,
        });
      }
      const logs: RpcLog[] = [];
      for (let block = from; block <= to; block++) {
        for (let i = 0; i < logsAt(block); i++) {
          if (limits.maxLogs !== undefined && logs.length >= limits.maxLogs) {
            throw Object.assign(new Error(`query returned more than ${limits.maxLogs} results`), {
              code: -32005,
            });
          }
          logs.push({
            address: ADDRESS,
            topics: [TOPIC],
            data: "0x",
            blockNumber: numberToHex(block),
            blockHash: pad(numberToHex(block)),
            transactionHash: pad(numberToHex(block * 1000 + i)),
            transactionIndex: "0x0",
            logIndex: numberToHex(i),
            removed: false,
          } as RpcLog);
        }
      }
      return logs;
    } finally {
      inFlight -= 1;
    }
  };
  const publicClient = createPublicClient({ transport: custom({ request }) });
  const client = (maxBlockRange?: bigint) =>
    ({ publicClient, maxBlockRange, walletClient: undefined }) as unknown as ConcordClientBase;
  return { client, requests, maxInFlight: () => maxInFlight };
}

const blocksOf = (logs: RpcLog[]) => logs.map((log) => Number(log.blockNumber));
const sorted = (values: number[]) => values.every((v, i) => i === 0 || values[i - 1]! <= v);

describe("scanLogs", () => {
  it("honours maxBlockRange, reports progress up to the whole range, keeps at most 4 requests in flight", async () => {
    // 95,000 blocks, a log every 97th block.
    const provider = fakeProvider(95_000, (b) => (b % 97 === 0 ? 1 : 0));
    const progress: ScanProgress[] = [];
    const logs = await scanLogs(
      provider.client(10_000n),
      { address: ADDRESS, topics: [[TOPIC]] },
      { fromBlock: 1_000n, onProgress: (p) => progress.push(p) },
    );
    expect(provider.requests.every((r) => r.to - r.from + 1 <= 10_000)).toBe(true);
    expect(provider.requests.length).toBe(Math.ceil(94_001 / 10_000));
    expect(provider.maxInFlight()).toBeLessThanOrEqual(scanLimits.concurrency);
    expect(provider.maxInFlight()).toBeGreaterThan(1);
    expect(logs.length).toBe(Math.floor(95_000 / 97) - Math.floor(999 / 97));
    expect(sorted(blocksOf(logs))).toBe(true);
    const last = progress.at(-1)!;
    expect(last.scannedBlocks).toBe(last.totalBlocks);
    expect(last.totalBlocks).toBe(94_001n);
    expect(last.logs).toBe(logs.length);
  });

  it("tells the client-level listener of every chunked scan, each apart, and when it ends (read whole or failed)", async () => {
    const provider = fakeProvider(50_000, (b) => (b % 1_000 === 0 ? 1 : 0));
    const heard: ClientScanProgress[] = [];
    const client = { ...provider.client(10_000n), onScanProgress: (p: ClientScanProgress) => heard.push(p) };
    const own: ScanProgress[] = [];
    const filter = { address: ADDRESS, topics: [[TOPIC]] };
    await Promise.all([
      scanLogs(client, filter, { fromBlock: 0n, onProgress: (p) => own.push(p) }),
      scanLogs(client, filter, { fromBlock: 30_001n }),
    ]);
    const scans = [...new Set(heard.map((p) => p.scan))];
    expect(scans.length).toBe(2);
    for (const scan of scans) {
      const reports = heard.filter((p) => p.scan === scan);
      // From nothing read to the whole range, one report per chunk, then one `done`.
      expect(reports[0]!.scannedBlocks).toBe(0n);
      expect(reports.filter((p) => p.done)).toEqual([reports.at(-1)]);
      expect(reports.at(-1)!.scannedBlocks).toBe(reports.at(-1)!.totalBlocks);
      expect(
        reports.slice(0, -1).every((p, i, all) => i === 0 || p.scannedBlocks >= all[i - 1]!.scannedBlocks),
      ).toBe(true);
    }
    expect(heard.filter((p) => p.totalBlocks === 50_001n).length).toBe(own.length + 1);

    // A failing scan still ends its line; a scan of one request (a few new blocks) is not announced.
    const small = {
      ...fakeProvider(5, () => 0).client(),
      onScanProgress: (p: ClientScanProgress) => heard.push(p),
    };
    heard.length = 0;
    await scanLogs(small, filter, { fromBlock: 0n, toBlock: 5n });
    expect(heard).toEqual([]);
    const broken = fakeProvider(100_000, () => 0);
    const brokenClient = {
      ...broken.client(1n),
      onScanProgress: (p: ClientScanProgress) => heard.push(p),
    };
    await expect(scanLogs(brokenClient, filter, { fromBlock: 0n })).rejects.toBeInstanceOf(ScanLimitError);
    expect(heard.at(-1)!.done).toBe(true);
    expect(heard.at(-1)!.scannedBlocks).toBeLessThan(heard.at(-1)!.totalBlocks);
  });

  it("behind a 10,000-block limit it does not know about, splits the refused range and remembers the span", async () => {
    const provider = fakeProvider(200_000, (b) => (b % 1_000 === 0 ? 2 : 0), { maxBlocks: 10_000 });
    const logs = await scanLogs(
      provider.client(),
      { address: ADDRESS, topics: [[TOPIC]] },
      { fromBlock: 0n },
    );
    expect(logs.length).toBe(2 * 201);
    expect(sorted(blocksOf(logs))).toBe(true);
    // Refusals stay few: the span learnt from one refusal applies to the chunks not yet sent.
    const refused = provider.requests.filter((r) => r.to - r.from + 1 > 10_000).length;
    expect(refused).toBeLessThan(20);
    // A second scan on the same client starts below the limit: no refusal at all.
    const before = provider.requests.length;
    await scanLogs(provider.client(), { address: ADDRESS, topics: [[TOPIC]] }, { fromBlock: 0n });
    expect(provider.requests.slice(before).every((r) => r.to - r.from + 1 <= 10_000)).toBe(true);
  });

  it("behind a 10,000-log cap, splits a range that holds more logs and returns every log once", async () => {
    // 30,000 logs packed in blocks 500..799 (100 per block).
    const provider = fakeProvider(1_000, (b) => (b >= 500 && b < 800 ? 100 : 0), { maxLogs: 10_000 });
    const logs = await scanLogs(
      provider.client(),
      { address: ADDRESS, topics: [[TOPIC]] },
      { fromBlock: 0n },
    );
    expect(logs.length).toBe(30_000);
    expect(new Set(logs.map((l) => l.transactionHash)).size).toBe(30_000);
    expect(sorted(blocksOf(logs))).toBe(true);
  });

  it("splits a chunk that comes back with exactly 10,000 logs (a provider that cuts silently)", async () => {
    // A provider that truncates to 10,000 instead of refusing.
    const provider = fakeProvider(100, (b) => (b < 50 ? 400 : 0));
    const logs = await scanLogs(
      provider.client(),
      { address: ADDRESS, topics: [[TOPIC]] },
      { fromBlock: 0n },
    );
    expect(logs.length).toBe(20_000);
    expect(provider.requests.length).toBeGreaterThan(1);
  });

  it("stops when the signal aborts: no request after it, the reason thrown", async () => {
    const provider = fakeProvider(1_000_000, () => 0);
    const controller = new AbortController();
    const scan = scanLogs(
      provider.client(1_000n),
      { address: ADDRESS, topics: [[TOPIC]] },
      {
        fromBlock: 0n,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.scannedBlocks >= 10_000n) controller.abort(new Error("page left"));
        },
      },
    );
    await expect(scan).rejects.toThrow("page left");
    const sent = provider.requests.length;
    expect(sent).toBeLessThan(1_000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(provider.requests.length).toBe(sent);
  });

  it("stops with a ScanLimitError past its request bound, and when one block alone is refused", async () => {
    const provider = fakeProvider(scanLimits.maxRequests + 10, () => 0);
    await expect(
      scanLogs(provider.client(1n), { address: ADDRESS, topics: [[TOPIC]] }, { fromBlock: 0n }),
    ).rejects.toBeInstanceOf(ScanLimitError);
    expect(provider.requests.length).toBeLessThanOrEqual(scanLimits.maxRequests);

    const dense = fakeProvider(10, (b) => (b === 5 ? 20 : 0), { maxLogs: 10 });
    const error = await scanLogs(
      dense.client(),
      { address: ADDRESS, topics: [[TOPIC]] },
      { fromBlock: 0n },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScanLimitError);
    expect((error as ScanLimitError).scan.fromBlock).toBe(5n);
  });

  it("does not split on errors that are not size refusals: retried twice, then thrown", async () => {
    let sent = 0;
    const publicClient = createPublicClient({
      transport: custom({
        request: async () => {
          sent += 1;
          throw new Error("the node is syncing");
        },
      }),
    });
    const client = { publicClient, maxBlockRange: 100n } as unknown as ConcordClientBase;
    const error = await scanLogs(
      client,
      { address: ADDRESS, topics: [] },
      { fromBlock: 0n, toBlock: 10n },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(ScanLimitError);
    expect(sent).toBe(3);
  });
});

describe("logsRefusal", () => {
  it("reads the providers' words", () => {
    expect(logsRefusal(new Error("eth_getLogs is limited to a 10,000 range"))).toBe("range");
    expect(logsRefusal(new Error("block range too large"))).toBe("range");
    expect(logsRefusal(new Error("exceed maximum block range: 10000"))).toBe("range");
    expect(logsRefusal(new Error("query returned more than 10000 results"))).toBe("size");
    expect(logsRefusal(new Error("Log response size exceeded."))).toBe("size");
    expect(logsRefusal({ message: "x", cause: new Error("too many results") })).toBe("size");
    expect(logsRefusal(new Error("execution reverted"))).toBe(null);
  });
});
