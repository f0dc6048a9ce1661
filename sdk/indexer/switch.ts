/**
 * The read path switch, the part every list read loads: whether a client reads lists through the Concord
 * indexer. Without an indexer (or with `reads: "rpc"`) it answers at once; otherwise the rest of the reader
 * (`source.ts`: the lag check, the HTTP client) is loaded on first use, so apps without an indexer do not
 * ship it.
 *
 * - `reads: "rpc"` (the default without `indexer`): direct reads only.
 * - `reads: "indexer"`: the indexer only; a failing indexer is an `IndexerUnavailableError`.
 * - `reads: "auto"` (the default with `indexer`): the indexer while its last indexed block is within
 *   `maxLagBlocks` (default {@link DEFAULT_MAX_LAG_BLOCKS}) of the chain head and it serves the client's
 *   chain; direct reads otherwise. The decision is re-checked at most every `recheckMs` (default 5 s).
 *
 * Writes always go to the chain. Values that change with time alone (statuses, proposal states, live
 * leases) are read from the chain on both paths, in one bounded batch of the items shown.
 */
import type { ConcordClientBase } from "../client.ts";
import { ConcordError, InvalidInputError } from "../errors.ts";
import { requiredIndexedBlock } from "./written.ts";

/** How far (in blocks) the indexer may trail the chain head before "auto" falls back to direct reads. */
export const DEFAULT_MAX_LAG_BLOCKS = 5n;
/** How long "auto" trusts its last look at the indexer's lag, in milliseconds. */
export const DEFAULT_RECHECK_MS = 5_000;
/**
 * How long a read waits for the indexer to index the block of the client's last write (read your own writes)
 * before "auto" reads the chain instead, in milliseconds.
 */
export const DEFAULT_FRESHNESS_MS = 3_000;
/** The longest a read may be told to wait for the indexer (a read must not hang on a stalled indexer). */
export const MAX_FRESHNESS_MS = 60_000;

/** Where the event-derived part of list reads comes from. */
export type ReadsMode = "rpc" | "indexer" | "auto";

/** The indexer a client reads from. */
export type IndexerConfig = {
  /** The indexer API's base URL, e.g. `http://127.0.0.1:42069`. */
  readonly url: string;
  /** "auto" uses the indexer while it trails the chain head by at most this many blocks. */
  readonly maxLagBlocks: bigint;
  /** How long "auto" trusts its last look at the lag (ms). */
  readonly recheckMs: number;
  /**
   * How long a read after the client's own write waits for the indexer to index that write's block (ms); then
   * "auto" reads the chain, "indexer" reads the indexer as it is.
   */
  readonly freshnessMs: number;
  /** The fetch to use (default: the global fetch). */
  readonly fetch?: typeof fetch | undefined;
};

/** Parameters of the `indexer` option of `createConcordClient`. */
export type IndexerParameters = {
  url: string;
  maxLagBlocks?: bigint | number | undefined;
  recheckMs?: number | undefined;
  freshnessMs?: number | undefined;
  fetch?: typeof fetch | undefined;
};

/** @internal Normalises the `indexer` option. */
export function toIndexerConfig(parameters: IndexerParameters): IndexerConfig {
  let url: URL;
  try {
    url = new URL(parameters.url);
  } catch (cause) {
    throw new ConcordError(`The indexer URL ${parameters.url} is not a URL.`, { cause });
  }
  const freshnessMs = parameters.freshnessMs ?? DEFAULT_FRESHNESS_MS;
  if (!Number.isInteger(freshnessMs) || freshnessMs < 0 || freshnessMs > MAX_FRESHNESS_MS)
    throw new InvalidInputError(
      "indexer.freshnessMs",
      freshnessMs,
      `expected whole milliseconds from 0 to ${MAX_FRESHNESS_MS}`,
    );
  return {
    url: url.toString().replace(/\/+$/, ""),
    maxLagBlocks: BigInt(parameters.maxLagBlocks ?? DEFAULT_MAX_LAG_BLOCKS),
    recheckMs: parameters.recheckMs ?? DEFAULT_RECHECK_MS,
    freshnessMs,
    fetch: parameters.fetch,
  };
}

/**
 * @internal The indexer a list read should use now, or null for direct reads. List reads call it first:
 * `const viaIndexer = await indexerFor(client); if (viaIndexer) return …`.
 *
 * @example
 * const viaIndexer = await indexerFor(client);
 */
export async function indexerFor(client: ConcordClientBase): Promise<IndexerConfig | null> {
  if (!client.indexer || (client.reads ?? "rpc") === "rpc") return null;
  // "indexer" with no write of this client to wait for: nothing to check.
  if (client.reads === "indexer" && requiredIndexedBlock(client) === undefined) return client.indexer;
  const { getReadPath } = await import("./source.ts");
  return (await getReadPath(client)).path === "indexer" ? client.indexer : null;
}
