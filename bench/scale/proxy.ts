/**
 * A JSON-RPC proxy for the scale benchmark: forwards to a node, counts requests and bytes (request and response
 * bodies), and optionally enforces a public provider's `eth_getLogs` limits — at most 10,000 blocks per request
 * (QuickNode's words: "block range too large") and at most 10,000 logs per answer (Alchemy's and Infura's: "query
 * returned more than 10000 results"), both refused with code -32005 as those providers do.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export type ProxyLimits = { maxBlocks: number; maxLogs: number };
export const PUBLIC_PROVIDER_LIMITS: ProxyLimits = { maxBlocks: 10_000, maxLogs: 10_000 };

export type CountingProxy = {
  url: string;
  /** Limits on or off (switchable between measures). */
  limits: ProxyLimits | null;
  counts: { requests: number; bytes: number; methods: Record<string, number>; refused: number };
  reset(): void;
  close(): Promise<void>;
};

type RpcRequest = { jsonrpc: "2.0"; id: unknown; method: string; params?: unknown[] };

/**
 * Starts the proxy on a free loopback port.
 *
 * @example
 * const proxy = await startProxy(chain.rpcUrl);
 * proxy.limits = PUBLIC_PROVIDER_LIMITS;
 */
export async function startProxy(upstream: string): Promise<CountingProxy> {
  const forward = async (body: string): Promise<string> => {
    const response = await fetch(upstream, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    return response.text();
  };
  const blockNumber = async (tag: string): Promise<number> => {
    if (tag.startsWith("0x")) return Number(tag);
    const answer = JSON.parse(
      await forward(JSON.stringify({ jsonrpc: "2.0", id: 0, method: "eth_blockNumber", params: [] })),
    ) as { result: string };
    return Number(answer.result);
  };
  const proxy: CountingProxy = {
    url: "",
    limits: null,
    counts: { requests: 0, bytes: 0, methods: {}, refused: 0 },
    reset() {
      proxy.counts = { requests: 0, bytes: 0, methods: {}, refused: 0 };
    },
    close: async () => {},
  };
  const refuse = (request: RpcRequest, message: string) => {
    proxy.counts.refused += 1;
    return JSON.stringify({ jsonrpc: "2.0", id: request.id, error: { code: -32005, message } });
  };
  const handle = async (request: RpcRequest): Promise<string> => {
    proxy.counts.methods[request.method] = (proxy.counts.methods[request.method] ?? 0) + 1;
    const limits = proxy.limits;
    if (request.method === "eth_getLogs" && limits) {
      const filter = (request.params?.[0] ?? {}) as {
        fromBlock?: string;
        toBlock?: string;
        blockHash?: string;
      };
      if (!filter.blockHash) {
        const from = await blockNumber(filter.fromBlock ?? "latest");
        const to = await blockNumber(filter.toBlock ?? "latest");
        if (to - from + 1 > limits.maxBlocks) {
          return refuse(request, `block range too large: at most ${limits.maxBlocks} blocks per eth_getLogs`);
        }
      }
      const answer = await forward(JSON.stringify(request));
      const parsed = JSON.parse(answer) as { result?: unknown[] };
      if (Array.isArray(parsed.result) && parsed.result.length > limits.maxLogs) {
        return refuse(request, `query returned more than ${limits.maxLogs} results`);
      }
      return answer;
    }
    return forward(JSON.stringify(request));
  };
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      void (async () => {
        proxy.counts.requests += 1;
        proxy.counts.bytes += Buffer.byteLength(body);
        let out: string;
        try {
          const parsed = JSON.parse(body) as RpcRequest | RpcRequest[];
          out = Array.isArray(parsed)
            ? `[${(await Promise.all(parsed.map(handle))).join(",")}]`
            : await handle(parsed);
        } catch (error) {
          out = JSON.stringify({ jsonrpc: "2.0", id: null, error: { code: -32603, message: String(error) } });
        }
        proxy.counts.bytes += Buffer.byteLength(out);
        res.writeHead(200, { "content-type": "application/json" });
        res.end(out);
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return proxy;
}
