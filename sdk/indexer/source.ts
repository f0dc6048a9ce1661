/**
 * The rest of the indexer reader, loaded on first use by `switch.ts`: the "auto" lag check, the read path a
 * client is on, and the HTTP client of the indexer API with its typed error.
 */
import { getBlockNumber } from "viem/actions";

import type { ConcordClientBase } from "../client.ts";
import { ConcordError } from "../errors.ts";
import type { IndexerConfig } from "./switch.ts";
import { requiredIndexedBlock } from "./written.ts";

/** The most pages one SDK read follows through the indexer (each at most 500 items). */
export const MAX_PAGES = 2_000;

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

/** What `getReadPath` takes after the client: nothing (the client carries its indexer and `reads` mode). */
export type GetReadPathParameters = [];
/** The path reads take now, and the indexer's lag behind the chain head in blocks when it answered. */
export type GetReadPathReturnType = { path: "rpc" | "indexer"; lagBlocks: bigint | null };
/** `getReadPath` does not throw: an indexer that fails or trails reads as the "rpc" path. */
export type GetReadPathErrorType = never;

/** What "auto" last saw, per indexer configuration: usable or not, the lag, and the block indexed then. */
const lastLook = new WeakMap<
  IndexerConfig,
  { at: number; usable: boolean; lag: bigint | null; indexed: bigint | null }
>();

/** How often a read that waits for the indexer to reach a block asks its `/status`. */
const FRESHNESS_POLL_MS = 100;

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
export async function getReadPath(client: ConcordClientBase): Promise<GetReadPathReturnType> {
  const indexer = client.indexer;
  const mode = client.reads ?? "rpc";
  if (mode === "rpc" || !indexer) return { path: "rpc", lagBlocks: null };
  let decision: { path: "rpc" | "indexer"; lagBlocks: bigint | null };
  const seen = lastLook.get(indexer);
  if (mode === "indexer") decision = { path: "indexer", lagBlocks: null };
  else if (seen && Date.now() - seen.at < indexer.recheckMs)
    decision = { path: seen.usable ? "indexer" : "rpc", lagBlocks: seen.lag };
  else {
    // Reads that start together (a page's queries) share one look: one /status and one eth_blockNumber.
    let look = looking.get(indexer);
    if (!look) {
      look = lookAt(client, indexer).finally(() => looking.delete(indexer));
      looking.set(indexer, look);
    }
    decision = await look;
  }
  if (decision.path === "rpc") return decision;
  // Read your own writes: wait (bounded) until the indexer has indexed the block of the client's last write.
  const required = requiredIndexedBlock(client);
  if (required === undefined) return decision;
  const known = lastLook.get(indexer)?.indexed;
  if (known != null && known >= required) return decision;
  if (await indexedBy(indexer, required)) return decision;
  // Still behind: "auto" reads the chain; "indexer" reads what the indexer has.
  return mode === "auto" ? { path: "rpc", lagBlocks: decision.lagBlocks } : decision;
}

/** The looks at an indexer's lag under way, per indexer configuration. */
const looking = new WeakMap<IndexerConfig, Promise<{ path: "rpc" | "indexer"; lagBlocks: bigint | null }>>();

/** "auto"'s look at the indexer: its chain and lag against the chain head, remembered in `lastLook`. */
async function lookAt(
  client: ConcordClientBase,
  indexer: IndexerConfig,
): Promise<{ path: "rpc" | "indexer"; lagBlocks: bigint | null }> {
  let usable: boolean;
  let lag: bigint | null = null;
  let indexed: bigint | null = null;
  try {
    const [status, head] = await Promise.all([indexerStatus(indexer), getBlockNumber(client.publicClient)]);
    indexed = status.blockNumber;
    lag = head > status.blockNumber ? head - status.blockNumber : 0n;
    usable = status.chainId === client.chainId && lag <= indexer.maxLagBlocks;
  } catch {
    usable = false;
  }
  lastLook.set(indexer, { at: Date.now(), usable, lag, indexed });
  return { path: usable ? "indexer" : "rpc", lagBlocks: lag };
}

/**
 * Whether the indexer reaches `block` within its `freshnessMs`, asking its `/status` every
 * {@link FRESHNESS_POLL_MS} ms (remembered, so that the next read does not ask again).
 */
async function indexedBy(indexer: IndexerConfig, block: bigint): Promise<boolean> {
  const deadline = Date.now() + indexer.freshnessMs;
  for (;;) {
    let indexed: bigint | null = null;
    try {
      indexed = (await indexerStatus(indexer)).blockNumber;
    } catch {
      // An indexer that does not answer now is judged by the next read's lag check.
    }
    if (indexed !== null) {
      const look = lastLook.get(indexer);
      if (!look) {
        // A strict ("indexer") client never looks at the lag: remember the block for its next reads only (at 0:
        // no "auto" decision is taken from it).
        lastLook.set(indexer, { at: 0, usable: false, lag: null, indexed });
      } else if (look.indexed === null || indexed > look.indexed) look.indexed = indexed;
      if (indexed >= block) return true;
    }
    if (Date.now() + FRESHNESS_POLL_MS > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, FRESHNESS_POLL_MS));
  }
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

/**
 * @internal One page of a list endpoint in the SDK's shape: ONE request, each row mapped by `map`, the
 * endpoint's cursor kept as the page's `next` (the API's cursors are the direct path's).
 *
 * @example
 * const page = await indexerPage(indexer, "/concord/cells", { limit: 50, cursor: null }, cellSummaryOf);
 */
export async function indexerPage<row, item>(
  indexer: IndexerConfig,
  path: string,
  query: Record<string, string | number | bigint | undefined | null>,
  map: (row: row) => item,
): Promise<IndexerPage<item>> {
  const page = await indexerGet<IndexerPage<row>>(indexer, path, query);
  return { items: page.items.map(map), next: page.next };
}

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
