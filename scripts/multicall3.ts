/**
 * Multicall3 on the local chain: Hardhat's EDR node does not have it, so `npm start` (and the test stack) put
 * its runtime code at the canonical address, like every public chain has it. The creation code is the one viem
 * ships (`multicall3Bytecode`, not exported by its entry points, so read from its module file); its runtime code
 * is what that creation code returns from an `eth_call`: no transaction, no block.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

import { MULTICALL3_ADDRESS } from "../sdk/index.ts";

const require = createRequire(import.meta.url);

/** Multicall3's creation code, as viem ships it. */
async function multicall3CreationCode(): Promise<string> {
  const viemRoot = path.dirname(require.resolve("viem/package.json"));
  const source = await readFile(path.join(viemRoot, "_esm/constants/contracts.js"), "utf8");
  const code = /multicall3Bytecode = ['"](0x[0-9a-fA-F]+)['"]/.exec(source)?.[1];
  if (!code)
    throw new Error(`viem ${viemRoot} no longer ships multicall3Bytecode in _esm/constants/contracts.js`);
  return code;
}

/** An EIP-1193 `request`, or the URL of a JSON-RPC node. */
type Node = string | ((args: { method: string; params: unknown[] }) => Promise<unknown>);

async function call(node: Node, method: string, params: unknown[]): Promise<unknown> {
  if (typeof node !== "string") return node({ method, params });
  const response = await fetch(node, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const body = (await response.json()) as { result?: unknown; error?: { message: string } };
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}

/**
 * Installs Multicall3 at {@link MULTICALL3_ADDRESS} on a Hardhat node — its URL, or an EIP-1193 `request` (the
 * in-process chain of the tests) — idempotently.
 */
export async function installMulticall3(node: Node): Promise<void> {
  const runtime = await call(node, "eth_call", [{ data: await multicall3CreationCode() }, "latest"]);
  await call(node, "hardhat_setCode", [MULTICALL3_ADDRESS, runtime]);
}
