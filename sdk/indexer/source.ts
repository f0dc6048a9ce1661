/**
 * The read path switch: `createConcordClient({ indexer: { url }, reads })` decides, per read, whether the
 * event-derived part of a list read comes from the Concord indexer (`indexer/`) or from `eth_getLogs`.
 *
 * - `reads: "rpc"` (the default without `indexer`): direct reads only.
 * - `reads: "indexer"`: the indexer only; a failing indexer is an {@link IndexerUnavailableError}.
 * - `reads: "auto"` (the default with `indexer`): the indexer while its last indexed block is within
 *   `maxLagBlocks` (default {@link DEFAULT_MAX_LAG_BLOCKS}) of the chain head and it serves the client's
 *   chain; direct reads otherwise. The decision is re-checked at most every `recheckMs` (default 5 s).
 *
 * Writes always go to the chain. Values that change with time alone (statuses, proposal states, live
 * leases) are read from the chain on both paths, in one bounded batch of the items shown.
 */
import { getBlockNumber } from "viem/actions";

import type { ConcordClientBase } from "../client.ts";
import { ConcordError } from "../errors.ts";

/** How far (in blocks) the indexer may trail the chain head before "auto" falls back to direct reads. */
export const DEFAULT_MAX_LAG_BLOCKS = 5n;
/** How long "auto" trusts its last look at the indexer's lag, in milliseconds. */
export const DEFAULT_RECHECK_MS = 5_000;
/** The most pages one SDK read follows through the indexer (each at most 500 items). */
export const MAX_PAGES = 2_000;

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
  /** The fetch to use (default: the global fetch). */
  readonly fetch?: typeof fetch | undefined;
};

/** Parameters of the `indexer` option of `createConcordClient`. */
export type IndexerParameters = {
  url: string;
  maxLagBlocks?: bigint | number | undefined;
  recheckMs?: number | undefined;
  fetch?: typeof fetch | undefined;
};

/**
 * The indexer could not answer (unreachable, an error status, another chain). In `reads: "auto"` the
 * SDK falls back to direct reads instead of throwing it.
 *
 * @example
 * try { await concord.cells.listCells(); } catch (e) { if (e instanceof IndexerUnavailableError) retry(); }
 */
export class IndexerUnavailableError extends ConcordError {
  override name = "IndexerUnavailableError";
  readonly url: string;
  constructor(url: string, reason: string, cause?: unknown) {
    super(`The Concord indexer at ${url} cannot serve this read: ${reason}.`, {
      cause,
      details:
        'Check that the indexer runs (npm run indexer:start) and follows this chain, or create the client with reads: "auto" or "rpc".',
    });
    this.url = url;
  }
}

/** @internal Normalises the `indexer` option. */
export function toIndexerConfig(parameters: IndexerParameters): IndexerConfig {
  let url: URL;
  try {
    url = new URL(parameters.url);
  } catch (cause) {
    throw new ConcordError(`The indexer URL ${parameters.url} is not a URL.`, { cause });
  }
  return {
    url: url.toString().replace(/\/+$/, ""),
    maxLagBlocks: BigInt(parameters.maxLagBlocks ?? DEFAULT_MAX_LAG_BLOCKS),
    recheckMs: parameters.recheckMs ?? DEFAULT_RECHECK_MS,
    fetch: parameters.fetch,
  };
}

/** What "auto" last saw, per indexer configuration. */
const lastLook = new WeakMap<IndexerConfig, { at: number; usable: boolean; lag: bigint | null }>();

/** The indexer's last indexed block and chain, from Ponder's `/status`. */
export async function indexerStatus(
  indexer: IndexerConfig,
): Promise<{ chainId: number; blockNumber: bigint; timestamp: bigint }> {
  const status = await indexerGet<
    Record<string, { id: number; block: { number: number; timestamp: number } }>
  >(indexer, "/status");
  const chain = Object.values(status)[0];
  if (!chain) throw new IndexerUnavailableError(indexer.url, "it has not indexed any block yet");
  return {
    chainId: chain.id,
    blockNumber: BigInt(chain.block.number),
    timestamp: BigInt(chain.block.timestamp),
  };
}

/**
 * The read path a client uses now: "indexer" or "rpc" (for "auto", after looking at the indexer's lag),
 * with the lag in blocks when the indexer answered.
 *
 * @example
 * const { path, lagBlocks } = await getReadPath(concord); // { path: "indexer", lagBlocks: 0n }
 */
export async function getReadPath(
  client: ConcordClientBase,
): Promise<{ path: "rpc" | "indexer"; lagBlocks: bigint | null }> {
  const indexer = client.indexer;
  const mode = client.reads ?? "rpc";
  if (mode === "rpc" || !indexer) return { path: "rpc", lagBlocks: null };
  if (mode === "indexer") return { path: "indexer", lagBlocks: null };
  const seen = lastLook.get(indexer);
  if (seen && Date.now() - seen.at < indexer.recheckMs) {
    return { path: seen.usable ? "indexer" : "rpc", lagBlocks: seen.lag };
  }
  let usable: boolean;
  let lag: bigint | null = null;
  try {
    const [status, head] = await Promise.all([indexerStatus(indexer), getBlockNumber(client.publicClient)]);
    lag = head > status.blockNumber ? head - status.blockNumber : 0n;
    usable = status.chainId === client.chainId && lag <= indexer.maxLagBlocks;
  } catch {
    usable = false;
  }
  lastLook.set(indexer, { at: Date.now(), usable, lag });
  return { path: usable ? "indexer" : "rpc", lagBlocks: lag };
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
  return (await getReadPath(client)).path === "indexer" ? client.indexer : null;
}

/** @internal GET one JSON document from the indexer. */
export async function indexerGet<result>(
  indexer: IndexerConfig,
  path: string,
  query: Record<string, string | number | bigint | undefined | null> = {},
): Promise<result> {
  const url = new URL(indexer.url + path);
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) url.searchParams.set(key, String(value));
  }
  let response: Response;
  try {
    response = await (indexer.fetch ?? fetch)(url, { signal: AbortSignal.timeout(30_000) });
  } catch (cause) {
    throw new IndexerUnavailableError(indexer.url, "it does not answer", cause);
  }
  if (!response.ok) {
    const text = await response.text().catch(() => "");
    throw new IndexerUnavailableError(
      indexer.url,
      `${path} answered ${response.status} ${text.slice(0, 200)}`,
    );
  }
  return (await response.json()) as result;
}

/** One page of a list endpoint. */
export type IndexerPage<item> = { items: item[]; next: string | null };

/** @internal Every item of a paginated endpoint, following cursors (at most {@link MAX_PAGES} pages). */
export async function indexerAll<item>(
  indexer: IndexerConfig,
  path: string,
  query: Record<string, string | number | bigint | undefined | null> = {},
  limit?: number,
): Promise<item[]> {
  const items: item[] = [];
  let cursor: string | null = null;
  for (let pageNumber = 0; pageNumber < MAX_PAGES; pageNumber++) {
    const want = limit === undefined ? 500 : Math.min(500, limit - items.length);
    if (want <= 0) return items;
    const page: IndexerPage<item> = await indexerGet(indexer, path, { ...query, cursor, limit: want });
    items.push(...page.items);
    if (page.next === null) return items;
    cursor = page.next;
  }
  throw new IndexerUnavailableError(indexer.url, `${path} has more than ${MAX_PAGES} pages`);
}
