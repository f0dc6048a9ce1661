/**
 * Event scans: the one log scanner of the SDK (chunks bounded by `maxBlockRange` and by the providers'
 * 10,000-log cap, split on refusal, bounded concurrency, progress, abort), decoded with the module's ABI, plus
 * block timestamps for the logs that need them.
 */
import { formatLog, numberToHex, pad, parseEventLogs, toEventSelector } from "viem";
import type { Abi, Address, ContractEventName, Hex, Log, ParseEventLogsReturnType, RpcLog } from "viem";
import { getBlock, getBlockNumber } from "viem/actions";

import type { ConcordClientBase } from "../client.ts";
import { ConcordError, decodeConcordError } from "../errors.ts";
import type { ConcordErrorType } from "../errors.ts";

/** A topic filter value: a uint256 or an address (padded to 32 bytes). */
export type TopicValue = bigint | Address;

/** Where a scan stands, as {@link ScanEventsParameters}`.onProgress` receives it. */
export type ScanProgress = {
  /** The scan's range (inclusive). */
  fromBlock: bigint;
  toBlock: bigint;
  /** Blocks whose logs are in hand, out of `totalBlocks`. */
  scannedBlocks: bigint;
  totalBlocks: bigint;
  /** `eth_getLogs` requests sent so far (refused ones included) and logs received. */
  requests: number;
  logs: number;
};

/**
 * A scan's progress as the client-level listener receives it (`createConcordClient({ onScanProgress })`): every
 * chunked scan of the client, each with its own `scan` number, and `done` once it ended (read whole, failed or
 * aborted), so that a shell can show one line while any scan runs.
 */
export type ClientScanProgress = ScanProgress & { scan: number; done: boolean };

/** Numbers the chunked scans of this page (the client-level listener tells them apart). */
let scanCount = 0;

/**
 * Bounds of every scan. `maxLogsPerRequest`: a chunk that returns this many logs may have been cut by the
 * provider (Alchemy and Infura answer at most 10,000), so it is split in halves and read again.
 * `concurrency`: chunks in flight at once. `maxRequests`: the most `eth_getLogs` one scan may send (splits
 * included) before it stops with a {@link ScanLimitError}: 8M blocks behind a 10,000-block limit take 800.
 */
export const scanLimits = { maxLogsPerRequest: 10_000, concurrency: 4, maxRequests: 5_000 } as const;

/** A scan stopped because it would exceed {@link scanLimits}`.maxRequests`, or a single block is refused. */
export class ScanLimitError extends ConcordError {
  override name = "ScanLimitError";
  /** The range being read when the scan stopped, and the requests sent. */
  readonly scan: { fromBlock: bigint; toBlock: bigint; requests: number };
  constructor(message: string, scan: ScanLimitError["scan"], cause?: unknown) {
    super(message, cause === undefined ? {} : { cause: cause as Error });
    this.scan = scan;
  }
}

/** Parameters of {@link scanEvents}. */
export type ScanEventsParameters<abi extends Abi, eventName extends ContractEventName<abi>> = {
  /**
   * The emitting contract, or several contracts sharing the events (one request for all); `null` for any
   * contract (an ERC-20 `Transfer` to an account, from whatever token sent it).
   */
  address: Address | readonly Address[] | null;
  abi: abi;
  /** The events to fetch (OR-ed on topic 0). */
  eventNames: readonly eventName[];
  /**
   * Filter on the first indexed argument (topic 1) of every listed event, which must be a uint256 for
   * all of them: one value, or any of several. `undefined` means no filter.
   */
  topic1?: bigint | readonly bigint[] | undefined;
  /**
   * Filters on the indexed arguments by position (topics 1..3), each one value, any of several, or
   * `undefined`/`null` for any. Takes precedence over `topic1`.
   */
  topics?: readonly (TopicValue | readonly TopicValue[] | null | undefined)[] | undefined;
  fromBlock: bigint;
  toBlock?: bigint | undefined;
  /** Called after every chunk (and once at the start of a chunked scan). */
  onProgress?: ((progress: ScanProgress) => void) | undefined;
  /** Stops the scan (no further request is sent; the signal's reason is thrown). */
  signal?: AbortSignal | undefined;
};

/** The raw `eth_getLogs` filter of a scan, before its block range. */
export type LogFilter = { address: Address | Address[] | null; topics: (Hex[] | null)[] };

/** What {@link scanEvents} resolves to: the decoded logs of the listed events, oldest first. */
export type ScanEventsReturnType<
  abi extends Abi = Abi,
  eventName extends ContractEventName<abi> = ContractEventName<abi>,
> = ParseEventLogsReturnType<abi, eventName[], true>;
/** What {@link scanEvents} throws: what {@link scanLogs} throws, and a `ConcordError` for an event the ABI lacks. */
export type ScanEventsErrorType = ScanLogsErrorType;

/**
 * Fetches and decodes the logs of `eventNames` emitted by `address`, oldest first. Every event scan of the
 * SDK (and of the app) goes through here: see {@link scanLogs} for the chunking and its bounds.
 *
 * @example
 * const logs = await scanEvents(client, {
 *   address: client.addresses.cellRegistry,
 *   abi: cellRegistryAbi,
 *   eventNames: ["RolesChanged"],
 *   topic1: 4n,
 *   fromBlock: client.contracts.cellRegistry.startBlock,
 * });
 */
export async function scanEvents<const abi extends Abi, const eventName extends ContractEventName<abi>>(
  client: ConcordClientBase,
  parameters: ScanEventsParameters<abi, eventName>,
): Promise<ParseEventLogsReturnType<abi, eventName[], true>> {
  const { address, abi, eventNames, fromBlock } = parameters;
  const selectors = eventNames.map((name) => {
    const item = abi.find((entry) => entry.type === "event" && entry.name === name);
    if (!item) throw new ConcordError(`The ABI has no event ${String(name)}.`);
    return toEventSelector(item as Parameters<typeof toEventSelector>[0]);
  });
  const encode = (value: TopicValue): Hex =>
    typeof value === "bigint" ? pad(numberToHex(value)) : pad(value.toLowerCase() as Hex);
  const topics: (Hex[] | null)[] = [selectors];
  for (const filter of parameters.topics ?? [parameters.topic1]) {
    if (filter === undefined || filter === null) topics.push(null);
    else if (Array.isArray(filter)) {
      // Filtering on an empty set of values matches nothing.
      if (filter.length === 0) return [] as ParseEventLogsReturnType<abi, eventName[], true>;
      topics.push((filter as readonly TopicValue[]).map(encode));
    } else topics.push([encode(filter as TopicValue)]);
  }
  while (topics.length > 1 && topics[topics.length - 1] === null) topics.pop();
  if (Array.isArray(address) && address.length === 0)
    return [] as ParseEventLogsReturnType<abi, eventName[], true>;

  const raw = await scanLogs(
    client,
    { address: address === null || typeof address === "string" ? address : [...address], topics },
    { fromBlock, toBlock: parameters.toBlock, onProgress: parameters.onProgress, signal: parameters.signal },
  );
  try {
    const logs = raw.map((log) => formatLog(log)) as Log[];
    logs.sort(compareLogs);
    return parseEventLogs({
      abi,
      logs,
      eventName: [...eventNames],
      strict: true,
    }) as ParseEventLogsReturnType<abi, eventName[], true>;
  } catch (error) {
    throw decodeConcordError(error);
  }
}

/** The block span a provider accepted last, by public client: later scans start from it (no refusals twice). */
const learnedRange = new WeakMap<object, bigint>();

/**
 * Whether an `eth_getLogs` failure is a provider refusing the size of the request (too many blocks, too many
 * logs, too large a response), which splitting the range cures; `"range"` when the words say it is the block
 * span.
 */
export function logsRefusal(error: unknown): "range" | "size" | null {
  const texts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current; depth++) {
    const e = current as {
      message?: unknown;
      details?: unknown;
      shortMessage?: unknown;
      code?: unknown;
      cause?: unknown;
    };
    for (const text of [e.message, e.details, e.shortMessage]) if (typeof text === "string") texts.push(text);
    current = e.cause;
  }
  const text = texts.join(" | ").toLowerCase();
  if (
    /block range|range (is )?too (large|wide|big)|range limit|exceeds? (the )?(max(imum)? )?(block )?range|blocks? (limit|range) exceeded|max(imum)? block range|limited to an? [\d,]+ (block )?range/.test(
      text,
    )
  )
    return "range";
  if (
    /too many (results|logs|blocks)|query returned more than|more than \d+ (results|logs)|response size|response too large|limit exceeded|result(s)? (size )?(exceeds?|too large)|log(s)? limit|query timeout/.test(
      text,
    )
  )
    return "size";
  return null;
}

/** Where and how {@link scanLogs} reads: the range (inclusive; `toBlock` default "latest"), progress and abort. */
export type ScanLogsOptions = {
  fromBlock: bigint;
  toBlock?: bigint | undefined;
  /** Called after every chunk (and once at the start of a chunked scan). */
  onProgress?: ((progress: ScanProgress) => void) | undefined;
  /** Stops the scan (no further request is sent; the signal's reason is thrown). */
  signal?: AbortSignal | undefined;
};
/** What {@link scanLogs} takes after the client: the filter, then the range and its options. */
export type ScanLogsParameters = [filter: LogFilter, options: ScanLogsOptions];
/** What {@link scanLogs} resolves to: the raw logs, in block order. */
export type ScanLogsReturnType = RpcLog[];
/**
 * What {@link scanLogs} throws: a {@link ScanLimitError} when the scan would need more than
 * {@link scanLimits}`.maxRequests` requests or a single block is refused, otherwise a `ConcordError` with the
 * node's failure as its `cause`. When `signal` aborts, the scan rejects with the signal's reason instead (a
 * `DOMException` named `AbortError` unless the caller gave `abort()` a reason).
 */
export type ScanLogsErrorType = ScanLimitError | ConcordErrorType;

/**
 * The raw logs matching `filter` over `[fromBlock, toBlock]`, read in chunks that every provider accepts:
 * - at most `client.maxBlockRange` blocks per request (when set);
 * - a chunk the provider refuses as too large (block range, too many results, response size), or that comes
 *   back with {@link scanLimits}`.maxLogsPerRequest` logs, is split in halves and read again; a refused span is
 *   remembered for the client, so that the next chunks and the next scans start below it;
 * - at most {@link scanLimits}`.concurrency` chunks in flight, and at most `maxRequests` requests in all;
 * - `onProgress` after every chunk, `signal` checked before every request.
 * Without `maxBlockRange` and `toBlock`, a scan is one request up to "latest" (as small DAOs need); it is
 * chunked only if the provider refuses it.
 *
 * @example
 * const logs = await scanLogs(client, { address, topics: [[selector]] }, { fromBlock: 0n });
 */
export async function scanLogs(
  client: ConcordClientBase,
  filter: LogFilter,
  options: ScanLogsOptions,
): Promise<ScanLogsReturnType> {
  const { fromBlock, onProgress, signal } = options;
  const limits = scanLimits;
  let requests = 0;
  const request = async (from: bigint, to: bigint | undefined): Promise<RpcLog[]> => {
    signal?.throwIfAborted();
    requests += 1;
    if (requests > limits.maxRequests) {
      throw new ScanLimitError(
        `The scan of blocks ${fromBlock} to ${options.toBlock ?? "latest"} needs more than ${limits.maxRequests} eth_getLogs requests; narrow it (a later fromBlock, a filter) or use an indexer.`,
        { fromBlock, toBlock: to ?? from, requests },
      );
    }
    const params = [
      {
        ...(filter.address === null ? {} : { address: filter.address }),
        topics: filter.topics,
        fromBlock: numberToHex(from),
        toBlock: to === undefined ? "latest" : numberToHex(to),
      },
    ] as const;
    // viem's transports retry a refusal (-32005) three times with back-off; a refusal is answered by
    // splitting here, so the transport does not retry, and only other failures are retried (twice).
    for (let attempt = 0; ; attempt++) {
      try {
        return (await client.publicClient.request(
          { method: "eth_getLogs", params: params as never },
          { retryCount: 0 },
        )) as RpcLog[];
      } catch (error) {
        if (signal?.aborted || logsRefusal(error) !== null || attempt >= 2) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 * (attempt + 1)));
        signal?.throwIfAborted();
      }
    }
  };

  const limit = client.maxBlockRange ?? learnedRange.get(client.publicClient);
  let toBlock = options.toBlock;
  // Whether the whole range was refused (or cut) already: the chunked scan then starts from its halves.
  let wholeRefused: "range" | "size" | null = null;
  if (toBlock === undefined && limit === undefined) {
    // One request while the provider accepts it.
    try {
      const logs = await request(fromBlock, undefined);
      if (logs.length < limits.maxLogsPerRequest) return logs;
      wholeRefused = "size";
    } catch (error) {
      wholeRefused = signal?.aborted ? null : logsRefusal(error);
      if (wholeRefused === null) throw signal?.aborted ? error : decodeConcordError(error);
    }
  }
  try {
    if (toBlock === undefined) toBlock = await getBlockNumber(client.publicClient, { cacheTime: 0 });
  } catch (error) {
    throw decodeConcordError(error);
  }
  if (toBlock < fromBlock) return [];
  const end = toBlock;
  const totalBlocks = end - fromBlock + 1n;
  let span = limit ?? totalBlocks;
  if (wholeRefused === "range" && totalBlocks > 1n) span = totalBlocks / 2n;
  // Pending ranges, first in first out; a chunk is cut to the current span when it is taken.
  const queue: { from: bigint; to: bigint }[] = [{ from: fromBlock, to: end }];
  if (wholeRefused === "size" && totalBlocks > 1n) {
    const middle = fromBlock + (end - fromBlock) / 2n;
    queue.splice(0, 1, { from: fromBlock, to: middle }, { from: middle + 1n, to: end });
  }
  const results: { from: bigint; logs: RpcLog[] }[] = [];
  let scannedBlocks = 0n;
  let logCount = 0;
  const scan = ++scanCount;
  // The client-level listener hears of scans that take more than one request (not a few new blocks).
  let announce = span < totalBlocks || wholeRefused !== null;
  let announced = false;
  const report = (done = false) => {
    const progress = { fromBlock, toBlock: end, scannedBlocks, totalBlocks, requests, logs: logCount };
    if (!done) onProgress?.(progress);
    if (!announce || (done && !announced)) return;
    announced = true;
    client.onScanProgress?.({ ...progress, scan, done });
  };
  report();
  try {
    return await chunked();
  } finally {
    report(true);
  }

  async function chunked(): Promise<RpcLog[]> {
    const take = (): { from: bigint; to: bigint } | undefined => {
      const range = queue.shift();
      if (!range) return undefined;
      if (range.to - range.from + 1n > span) {
        queue.unshift({ from: range.from + span, to: range.to });
        return { from: range.from, to: range.from + span - 1n };
      }
      return range;
    };
    const split = (range: { from: bigint; to: bigint }) => {
      announce = true;
      const middle = range.from + (range.to - range.from) / 2n;
      queue.unshift({ from: range.from, to: middle }, { from: middle + 1n, to: range.to });
    };
    let failure: unknown;
    let active = 0;
    const worker = async (): Promise<void> => {
      for (;;) {
        if (failure !== undefined) return;
        const range = take();
        if (!range) {
          // Another worker may still split a range and hand work back: wait for it.
          if (active === 0) return;
          await new Promise((resolve) => setTimeout(resolve, 5));
          continue;
        }
        active += 1;
        try {
          const logs = await request(range.from, range.to);
          if (logs.length >= limits.maxLogsPerRequest && range.to > range.from) {
            split(range);
          } else {
            results.push({ from: range.from, logs });
            scannedBlocks += range.to - range.from + 1n;
            logCount += logs.length;
            report();
          }
        } catch (error) {
          const refusal = signal?.aborted || error instanceof ScanLimitError ? null : logsRefusal(error);
          if (refusal === null || range.to === range.from) {
            failure ??=
              refusal === null
                ? error
                : new ScanLimitError(
                    `The provider refuses the logs of block ${range.from} alone (${errorText(error)}).`,
                    { fromBlock: range.from, toBlock: range.to, requests },
                    error,
                  );
          } else {
            if (refusal === "range") {
              const size = range.to - range.from + 1n;
              const smaller = size / 2n > 0n ? size / 2n : 1n;
              if (smaller < span) span = smaller;
              learnedRange.set(client.publicClient, span);
            }
            split(range);
          }
        } finally {
          active -= 1;
        }
      }
    };
    await Promise.all(Array.from({ length: limits.concurrency }, worker));
    if (failure !== undefined) {
      if (failure instanceof ConcordError || signal?.aborted) throw failure;
      throw decodeConcordError(failure);
    }
    results.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
    return results.flatMap((result) => result.logs);
  }
}

function errorText(error: unknown): string {
  const e = error as { shortMessage?: unknown; message?: unknown };
  return String(e.shortMessage ?? e.message ?? error).split("\n")[0]!;
}

/**
 * Orders logs oldest first (block, then log index).
 *
 * @example
 * logs.sort(compareLogs);
 */
export function compareLogs(
  a: { blockNumber: bigint | null; logIndex: number | null },
  b: { blockNumber: bigint | null; logIndex: number | null },
): number {
  const blockA = a.blockNumber ?? 0n;
  const blockB = b.blockNumber ?? 0n;
  if (blockA !== blockB) return blockA < blockB ? -1 : 1;
  return (a.logIndex ?? 0) - (b.logIndex ?? 0);
}

/**
 * The timestamp of the block of each log: the log's own `blockTimestamp` when the node returns it,
 * otherwise one `eth_getBlockByNumber` per distinct block.
 *
 * @example
 * const times = await blockTimestamps(client, logs); // Map<blockNumber, timestamp>
 */
export async function blockTimestamps(
  client: ConcordClientBase,
  logs: readonly { blockNumber: bigint | null; blockTimestamp?: bigint | null | undefined }[],
): Promise<Map<bigint, bigint>> {
  const times = new Map<bigint, bigint>();
  const missing = new Set<bigint>();
  for (const log of logs) {
    if (log.blockNumber === null) continue;
    if (typeof log.blockTimestamp === "bigint") times.set(log.blockNumber, log.blockTimestamp);
    else missing.add(log.blockNumber);
  }
  for (const number of times.keys()) missing.delete(number);
  try {
    await Promise.all(
      [...missing].map(async (blockNumber) => {
        const block = await getBlock(client.publicClient, { blockNumber });
        times.set(blockNumber, block.timestamp);
      }),
    );
  } catch (error) {
    throw decodeConcordError(error);
  }
  return times;
}
