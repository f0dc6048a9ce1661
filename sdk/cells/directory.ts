/**
 * The DAO's own tree first: which cells belong to the DAO and which are other top-level cells that anyone
 * created beside it (creating a top-level cell is permissionless).
 *
 * The rule: the DAO's roots are the top-level ancestors of the cells governance recognises (a recognised
 * cell, or a top-level cell with a recognised cell anywhere below it), plus any roots the caller names
 * (a deployment that has not recognised a cell yet names its root cell). The DAO's tree is its roots and
 * every cell below them; every other cell is listed apart and never counted in the DAO's numbers. Nobody
 * outside the DAO can move a cell into its tree: a child needs a steward of its parent, and recognition
 * needs governance.
 */
import type { ConcordClientBase } from "../client.ts";
import { cellRegistryAbi } from "../generated/abis.ts";
import { pinBlock, readAt } from "../internal/block.ts";
import type { BlockParameters } from "../internal/block.ts";
import { contractOf } from "../internal/contracts.ts";
import { scanEvents } from "../internal/logs.ts";
import { toCellId } from "../internal/validate.ts";
import type { BigIntish } from "../internal/validate.ts";
import { everyCell } from "./events.ts";
import type { CellSummary } from "./types.ts";

/** The part of a cell the split needs. */
export type DirectoryCell = { id: bigint; parentId: bigint };

/** Cells split into the DAO's tree and the others, each in the order given. */
export type DirectorySplit<cell extends DirectoryCell> = {
  /** The DAO's root cells (top-level), in id order. */
  roots: bigint[];
  /** The roots and every cell below them. */
  dao: cell[];
  /** Every other cell: top-level cells that are not DAO roots, and the cells below them. */
  others: cell[];
};

/**
 * Splits `cells` into the DAO's tree and the others (pure: no chain access). `recognised`: the ids of the
 * cells governance recognises; `roots`: top-level cells named as the DAO's roots whatever the recognition.
 * A cell whose parent is not in `cells` counts as top-level.
 *
 * @example
 * import { splitDirectory } from "@concord-dao/sdk";
 *
 * const { dao, others } = splitDirectory(cells, { recognised: [2n, 3n] });
 * // dao: cell 1 (the top-level ancestor of 2 and 3) and everything below it; others: the rest
 */
export function splitDirectory<cell extends DirectoryCell>(
  cells: readonly cell[],
  { recognised = [], roots: named = [] }: { recognised?: Iterable<bigint>; roots?: Iterable<bigint> } = {},
): DirectorySplit<cell> {
  const byId = new Map(cells.map((cell) => [cell.id, cell]));
  // The top-level ancestor of each cell. Walks are bounded by the registry's MAX_DEPTH (8); a missing
  // parent ends the walk, and `seen` guards against malformed input.
  const rootOf = (id: bigint): bigint => {
    let current = id;
    const seen = new Set<bigint>();
    for (;;) {
      const parent = byId.get(current)?.parentId ?? 0n;
      if (parent === 0n || !byId.has(parent) || seen.has(parent)) return current;
      seen.add(current);
      current = parent;
    }
  };
  const roots = new Set<bigint>();
  for (const id of recognised) if (byId.has(id)) roots.add(rootOf(id));
  for (const id of named) if (byId.has(id)) roots.add(rootOf(id));
  const dao: cell[] = [];
  const others: cell[] = [];
  for (const cell of cells) (roots.has(rootOf(cell.id)) ? dao : others).push(cell);
  return { roots: [...roots].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), dao, others };
}

/** Parameters of {@link getDirectory}. */
export type GetDirectoryParameters = {
  /** Root cells the deployment names as the DAO's, in addition to those recognition implies. */
  roots?: readonly BigIntish[] | undefined;
} & BlockParameters;

/** What {@link getDirectory} returns: every cell from events, split into the DAO's tree and the others. */
export type CellDirectory = DirectorySplit<CellSummary> & {
  /** The cells governance recognises now, in id order. */
  recognised: bigint[];
};

/**
 * Every cell, split into the DAO's tree (the top-level ancestors of recognised cells, plus `roots`, and
 * everything below them) and the other top-level cells with their sub-cells, which are listed apart and
 * must not be counted as the DAO's. Two `eth_getLogs`: CellCreated/NucleusUpdated and RecognitionChanged.
 *
 * @example
 * const { dao, others, roots } = await concord.cells.getDirectory();
 * console.log(`${dao.length} cells in the DAO; ${others.length} other cells`);
 */
export async function getDirectory(
  client: ConcordClientBase,
  { roots = [], ...block }: GetDirectoryParameters = {},
): Promise<CellDirectory> {
  const named = roots.map((id, i) => toCellId(id, `roots[${i}]`));
  const { at, toBlock } = await pinBlock(client, readAt(block));
  const registry = contractOf(client, "cellRegistry");
  const [cells, logs] = await Promise.all([
    everyCell(client, at),
    scanEvents(client, {
      address: registry.address,
      abi: cellRegistryAbi,
      eventNames: ["RecognitionChanged"],
      fromBlock: registry.startBlock,
      toBlock,
    }),
  ]);
  const current = new Map<bigint, boolean>();
  for (const log of logs) current.set(log.args.cellId, log.args.recognised);
  const recognised = [...current].flatMap(([id, on]) => (on ? [id] : [])).sort((a, b) => (a < b ? -1 : 1));
  return { ...splitDirectory(cells, { recognised, roots: named }), recognised };
}
