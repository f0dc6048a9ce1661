/**
 * Read your own writes through the indexer. The indexer indexes a block some hundreds of milliseconds after it
 * is mined; a member who just created a cell and reads the directory through it at once would not see the
 * cell. So every write the SDK waits for notes the block it was mined in, per chain and public client (viem's
 * `uid`, which `client.extend` keeps: wagmi's public clients of one chain share it), and a read through the
 * indexer on that client first waits until the indexer has indexed that block (`getReadPath`, at most the
 * indexer's `freshnessMs`). A write the SDK did not wait for (`wait: false`, a Safe transaction, another tool)
 * is noted with {@link requireIndexedBlock}.
 *
 * Kept apart from the indexer reader so that writes carry only this module.
 */
import type { ConcordClientBase } from "../client.ts";

/** How many clients' blocks are remembered (oldest forgotten first): a bound on the map. */
const MAX_CLIENTS = 1_000;

const written = new Map<string, bigint>();

function keyOf(client: Pick<ConcordClientBase, "chainId" | "publicClient">): string {
  const uid = (client.publicClient as { uid?: unknown }).uid;
  return `${client.chainId}:${typeof uid === "string" ? uid : ""}`;
}

/**
 * Makes reads through the indexer on `client` (and on any client sharing its public client) wait until the
 * indexer has indexed `blockNumber`, at most the indexer's `freshnessMs` (then "auto" reads the chain). The
 * SDK calls it for every write it waits for; call it for a write made another way (a Safe transaction, a
 * relayer) once it is mined.
 *
 * @example
 * const receipt = await publicClient.waitForTransactionReceipt({ hash: safeExecutionHash });
 * requireIndexedBlock(concord, receipt.blockNumber);
 * await concord.cells.listCells(); // waits for the indexer to reach that block
 */
export function requireIndexedBlock(
  client: Pick<ConcordClientBase, "chainId" | "publicClient">,
  blockNumber: bigint,
): void {
  const key = keyOf(client);
  const known = written.get(key);
  if (known !== undefined && known >= blockNumber) return;
  written.delete(key);
  written.set(key, blockNumber);
  if (written.size > MAX_CLIENTS) written.delete(written.keys().next().value!);
}

/** @internal The highest block a read on `client` must see through the indexer, or undefined. */
export function requiredIndexedBlock(
  client: Pick<ConcordClientBase, "chainId" | "publicClient">,
): bigint | undefined {
  return written.get(keyOf(client));
}
