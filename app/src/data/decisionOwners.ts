/**
 * A cell's decision owners, from DecisionOwnerSet events (one scan): a plain module, so the cell page's lazy
 * chunk and the scale bench share it without the first load carrying it.
 */
import { zeroAddress } from "viem";
import type { Address, Hex } from "viem";

import { cellRegistryAbi, scanEvents } from "../../../sdk/index.ts";
import type { ConcordClientBase, ScanProgress } from "../../../sdk/index.ts";

/** Options of the reads that scan logs: the scan's progress (shown while a page loads) and its abort. */
export type ScanOptions = {
  onProgress?: ((progress: ScanProgress) => void) | undefined;
  signal?: AbortSignal | undefined;
};

/** A decision owner set on a cell itself. */
export type DecisionOwnerEntry = { cellId: bigint; topic: Hex; owner: Address };

/**
 * The decision owners set on each of `cellIds` (not inherited), from DecisionOwnerSet events: 1 request.
 *
 * @example
 * const owners = await loadDecisionOwners(concord, [2n, 1n]); // a cell and its ancestors
 */
export async function loadDecisionOwners(
  concord: ConcordClientBase,
  cellIds: readonly bigint[],
  options: ScanOptions = {},
): Promise<DecisionOwnerEntry[]> {
  if (cellIds.length === 0) return [];
  const logs = await scanEvents(concord, {
    address: concord.addresses.cellRegistry,
    abi: cellRegistryAbi,
    eventNames: ["DecisionOwnerSet"],
    topic1: cellIds,
    fromBlock: concord.contracts.cellRegistry.startBlock,
    onProgress: options.onProgress,
    signal: options.signal,
  });
  const current = new Map<string, DecisionOwnerEntry>();
  for (const log of logs) {
    const { cellId, topic, owner } = log.args;
    const key = `${cellId}:${topic}`;
    if (owner === zeroAddress) current.delete(key);
    else current.set(key, { cellId, topic, owner });
  }
  return [...current.values()];
}
