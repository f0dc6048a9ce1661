/**
 * Reads that combine on-chain state with events: `getCell`, `getCells` (one multicall), and
 * `decisionPath` (the escalation walk of a decision topic).
 */
import { zeroAddress, zeroHash } from "viem";
import type { Address, Hex } from "viem";

import type { ConcordClientBase } from "../client.ts";
import { ConcordError } from "../errors.ts";
import { cellRegistryAbi } from "../generated/abis.ts";
import { pinBlock, pinned, readAt } from "../internal/block.ts";
import type { BlockParameters, ReadAt } from "../internal/block.ts";
import { contractOf } from "../internal/contracts.ts";
import { scanEvents } from "../internal/logs.ts";
import { readBatch } from "../internal/read.ts";
import { toCellId, toUint256 } from "../internal/validate.ts";
import type { BigIntish } from "../internal/validate.ts";
import { cellLimits, phaseName, scaleName, toTopicId } from "./constants.ts";
import type { PhaseValue, ScaleValue, Topic } from "./constants.ts";
import { getCellInfo } from "./reads.ts";
import type { Cell, CellInfo, CellSummary, DecisionPath, DecisionPathStep } from "./types.ts";
import { indexerFor } from "../indexer/switch.ts";

/** Name, creator and latest nucleus of cells, from CellCreated and NucleusUpdated logs. */
export type CellMetadata = Omit<CellSummary, "id">;

/**
 * @internal Folds CellCreated/NucleusUpdated logs (oldest first) into metadata by cell id.
 *
 * @example
 * const metadata = await fetchCellMetadata(client, [1n, 2n]);
 * metadata.get(1n)?.name; // "Treasury guild"
 */
export async function fetchCellMetadata(
  client: ConcordClientBase,
  cellIds?: readonly bigint[],
  at: ReadAt = {},
): Promise<Map<bigint, CellMetadata>> {
  const { toBlock } = await pinBlock(client, at);
  // The indexer serves the head: a read at a block goes to the chain.
  const viaIndexer = pinned(at) ? null : await indexerFor(client);
  if (viaIndexer) return (await import("../indexer/cells.ts")).indexerCellMetadata(viaIndexer, cellIds);
  const registry = contractOf(client, "cellRegistry");
  const logs = await scanEvents(client, {
    address: registry.address,
    abi: cellRegistryAbi,
    eventNames: ["CellCreated", "NucleusUpdated"],
    topic1: cellIds,
    fromBlock: registry.startBlock,
    toBlock,
  });
  const metadata = new Map<bigint, CellMetadata>();
  for (const log of logs) {
    if (log.eventName === "CellCreated") {
      const { cellId, parentId, creator, name, nucleusURI, nucleusHash } = log.args;
      metadata.set(cellId, {
        parentId,
        name,
        creator,
        nucleusURI,
        nucleusHash: nucleusHash === zeroHash ? null : nucleusHash,
        createdBlock: log.blockNumber,
      });
    } else {
      const entry = metadata.get(log.args.cellId);
      if (!entry) continue;
      entry.nucleusURI = log.args.nucleusURI;
      entry.nucleusHash = log.args.nucleusHash === zeroHash ? null : log.args.nucleusHash;
    }
  }
  return metadata;
}

/**
 * Everything about a cell from its on-chain `getCell` struct and its event metadata (a `CellSummary`
 * from `listCells` is one): what `getCell` returns, for callers that batch their own reads.
 *
 * @example
 * const cell = cellFromInfo(summary.id, info, summary);
 */
export function cellFromInfo(id: bigint, info: CellInfo, metadata: CellMetadata | undefined): Cell {
  if (!metadata) {
    throw new ConcordError(`The CellCreated event of cell ${id} was not found.`, {
      details:
        "Event scans start at the deployment's startBlock: check the client's deployment or startBlock.",
    });
  }
  return {
    id,
    parentId: info.parentId,
    depth: info.depth,
    name: metadata.name,
    creator: metadata.creator,
    nucleusURI: metadata.nucleusURI,
    nucleusHash: info.nucleusHash === zeroHash ? null : info.nucleusHash,
    phase: info.phase as PhaseValue,
    phaseName: phaseName(info.phase),
    scale: info.scale as ScaleValue,
    scaleName: scaleName(info.scale),
    createdAt: info.createdAt,
    memberCount: info.memberCount,
    stewardCount: info.stewardCount,
    recognised: info.recognised,
    delegate: info.delegate === zeroAddress ? null : info.delegate,
  };
}

/**
 * Everything about a cell in one call: the on-chain `CellInfo` plus its name, creator and latest
 * nucleus URI from events, with phase and scale names.
 *
 * @throws {ContractRefusalError} `CellNonexistent` when the cell does not exist.
 * @example
 * const cell = await concord.cells.getCell({ cellId: 1n });
 * cell.name; // "Treasury guild"
 * cell.phaseName; // "conversation"
 */
export async function getCell(
  client: ConcordClientBase,
  { cellId, ...block }: { cellId: BigIntish } & BlockParameters,
): Promise<Cell> {
  const id = toUint256("cellId", cellId);
  // One block for both halves: the events scanned up to it, the state read at it.
  const { at } = await pinBlock(client, readAt(block));
  const [info, metadata] = await Promise.all([
    getCellInfo(client, { cellId: id, ...at }),
    fetchCellMetadata(client, [id], at),
  ]);
  return cellFromInfo(id, info, metadata.get(id));
}

/**
 * Many cells at once: their `CellInfo` structs in ONE `eth_call` (Multicall3, deployless when the chain
 * has none) and their names from one `eth_getLogs`. Results are in the order of `cellIds`.
 *
 * @throws {ContractRefusalError} `CellNonexistent` when any of the cells does not exist.
 * @example
 * const cells = await concord.cells.getCells({ cellIds: [1n, 2n, 3n] });
 * cells.map((cell) => cell.name);
 */
export async function getCells(
  client: ConcordClientBase,
  { cellIds, ...block }: { cellIds: readonly BigIntish[] } & BlockParameters,
): Promise<Cell[]> {
  const ids = cellIds.map((value) => toUint256("cellIds", value));
  const checked = readAt(block);
  if (ids.length === 0) return [];
  const { address } = contractOf(client, "cellRegistry");
  const { at } = await pinBlock(client, checked);
  const [infos, metadata] = await Promise.all([
    readBatch(
      client,
      ids.map((id) => ({ address, abi: cellRegistryAbi, functionName: "getCell", args: [id] }) as const),
      { contract: "CellRegistry", functionName: "getCell", at },
    ),
    fetchCellMetadata(client, [...new Set(ids)], at),
  ]);
  return ids.map((id, i) => cellFromInfo(id, infos[i] as CellInfo, metadata.get(id)));
}

/**
 * The escalation path of a decision topic: starting at `cellId`, each cell is asked for its own owner
 * of `topic`, then its parent, until one defines it or the root is passed. Agrees with the contract's
 * `decisionOwner` and shows where the answer came from.
 *
 * @throws {ContractRefusalError} `CellNonexistent` when the cell does not exist.
 * @example
 * const { owner, definedAt, path } = await concord.cells.decisionPath({ cellId: child, topic: "treasury" });
 * path.map((step) => step.cellId); // [child, parent] when the parent defines it
 */
export async function decisionPath(
  client: ConcordClientBase,
  { cellId, topic, ...block }: { cellId: BigIntish; topic: Topic } & BlockParameters,
): Promise<DecisionPath> {
  const topicHash: Hex = toTopicId(topic);
  const { address } = contractOf(client, "cellRegistry");
  // Every step of the walk reads the same block.
  const { at } = await pinBlock(client, readAt(block));
  const path: DecisionPathStep[] = [];
  let id = toCellId(cellId);
  // A cell is at most MAX_DEPTH deep, so the walk visits at most MAX_DEPTH cells.
  for (let step = 0; step < cellLimits.MAX_DEPTH; step++) {
    const [parent, local] = await readBatch(
      client,
      [
        { address, abi: cellRegistryAbi, functionName: "parentOf", args: [id] },
        { address, abi: cellRegistryAbi, functionName: "localDecisionOwner", args: [id, topicHash] },
      ] as const,
      { contract: "CellRegistry", functionName: "decisionPath", at },
    );
    const localOwner: Address | null = local === zeroAddress ? null : local;
    path.push({ cellId: id, localOwner });
    if (localOwner) return { topic: topicHash, owner: localOwner, definedAt: id, path };
    if (parent === 0n) break;
    id = parent;
  }
  return { topic: topicHash, owner: null, definedAt: null, path };
}
