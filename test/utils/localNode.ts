/**
 * A local Hardhat (EDR) JSON-RPC node for tests that need a real server: on a free loopback port, started with
 * Hardhat's CLI on this very Node (22), whatever `node` is first on PATH.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const HOST = "127.0.0.1";
export const hardhatCli = path.join(root, "node_modules/hardhat/dist/src/cli.js");

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, HOST, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A JSON-RPC call over HTTP. */
export async function rpc<result = unknown>(
  url: string,
  method: string,
  params: unknown[] = [],
): Promise<result> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const body = (await response.json()) as { result?: result; error?: { message: string; data?: unknown } };
  if (body.error) throw Object.assign(new Error(body.error.message), { data: body.error.data });
  return body.result as result;
}

/** Starts `hardhat node` on `127.0.0.1:port` and resolves once it answers (60 s at most). */
export async function startNode(port: number): Promise<ChildProcess> {
  const url = `http://${HOST}:${port}`;
  const node = spawn(process.execPath, [hardhatCli, "node", "--hostname", HOST, "--port", String(port)], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  node.stdout!.on("data", (d) => (log += d));
  node.stderr!.on("data", (d) => (log += d));
  for (let i = 0; i < 240; i++) {
    if (node.exitCode !== null) throw new Error(`hardhat node exited ${node.exitCode}:\n${log}`);
    try {
      await rpc(url, "eth_chainId");
      return node;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  node.kill("SIGTERM");
  throw new Error(`hardhat node did not answer on ${url} within 60 s:\n${log}`);
}
