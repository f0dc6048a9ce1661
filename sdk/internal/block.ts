/**
 * The block a read reads at, as viem's reads take it: `blockNumber` or `blockTag`, never both (default: the
 * latest block). Contract reads forward it to `eth_call`; reads rebuilt from event logs scan up to that block
 * and read state at it; reads the indexer would serve go to the chain instead (the indexer serves the head).
 */
import type { BlockTag } from "viem";
import { getBlock } from "viem/actions";

import type { ConcordClientBase } from "../client.ts";
import { InvalidInputError } from "../errors.ts";
import { withDecodedErrors } from "./read.ts";

/**
 * Which block a read reads the state of: `blockNumber` or `blockTag` (viem's convention), not both. Without
 * either, the latest block.
 */
export type BlockParameters =
  | {
      /** Read the state as of this block. */
      blockNumber?: bigint | undefined;
      blockTag?: undefined;
    }
  | {
      blockNumber?: undefined;
      /** Read the state as of this tag ("latest", "safe", "finalized"...). */
      blockTag?: BlockTag | undefined;
    };

/** A checked {@link BlockParameters}: what to spread into viem's `readContract`, `call` or `multicall`. */
export type ReadAt = { blockNumber: bigint } | { blockTag: BlockTag } | Record<string, never>;

const TAGS: readonly BlockTag[] = ["latest", "earliest", "pending", "safe", "finalized"];

/**
 * The block of a read's parameters, checked: a non-negative `blockNumber`, a known `blockTag`, or neither.
 *
 * @throws {InvalidInputError} when both are given, or either is malformed.
 * @example
 * readAt({ blockNumber: 12n }); // { blockNumber: 12n }
 * readAt({ blockNumber: 12n, blockTag: "safe" } as never); // throws InvalidInputError
 */
export function readAt(parameters: BlockParameters | object | undefined): ReadAt {
  const { blockNumber, blockTag } = (parameters ?? {}) as { blockNumber?: unknown; blockTag?: unknown };
  if (blockNumber !== undefined && blockTag !== undefined) {
    throw new InvalidInputError(
      "blockNumber",
      { blockNumber, blockTag },
      `give blockNumber (${String(blockNumber)}) or blockTag (${JSON.stringify(blockTag)}), not both`,
    );
  }
  if (blockNumber !== undefined) {
    if (typeof blockNumber !== "bigint" || blockNumber < 0n) {
      throw new InvalidInputError("blockNumber", blockNumber, "expected a non-negative bigint");
    }
    return { blockNumber };
  }
  if (blockTag !== undefined) {
    if (!TAGS.includes(blockTag as BlockTag)) {
      throw new InvalidInputError("blockTag", blockTag, `expected one of ${TAGS.join(", ")}`);
    }
    return { blockTag: blockTag as BlockTag };
  }
  return {};
}

/** A read's block made concrete for a log scan: the block number to scan to (undefined: the head). */
export type PinnedBlock = { at: ReadAt; toBlock: bigint | undefined };

/**
 * For reads rebuilt from event logs: the block number of a read's block, so that the scan stops at it and the
 * state is read at the same block. A tag costs one `eth_getBlockByNumber`; no block costs nothing (the scan
 * goes to the head and the state is read at the latest block, as before).
 *
 * @example
 * const { at, toBlock } = await pinBlock(client, readAt(parameters));
 * await scanEvents(client, { …, toBlock });
 */
export async function pinBlock(client: ConcordClientBase, at: ReadAt): Promise<PinnedBlock> {
  if ("blockNumber" in at) return { at, toBlock: at.blockNumber };
  if (!("blockTag" in at)) return { at, toBlock: undefined };
  const block = await withDecodedErrors(() => getBlock(client.publicClient, { blockTag: at.blockTag }), {
    functionName: "getBlock",
  });
  // A pending block has no number yet: read at the tag and scan to the head.
  if (block.number === null) return { at, toBlock: undefined };
  return { at: { blockNumber: block.number }, toBlock: block.number };
}

/**
 * Whether a read was asked for a block (then it goes to the chain, not the indexer, which serves the head).
 *
 * @example
 * const viaIndexer = pinned(at) ? null : await indexerFor(client);
 */
export function pinned(at: ReadAt): boolean {
  return "blockNumber" in at || "blockTag" in at;
}
