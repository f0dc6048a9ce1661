/**
 * Event scans: one `eth_getLogs` per scan (or per `maxBlockRange` chunk) with topic filters, decoded
 * with the module's ABI, plus block timestamps for the logs that need them.
 */
import { formatLog, numberToHex, pad, parseEventLogs, toEventSelector } from "viem";
import type { Abi, Address, ContractEventName, Hex, Log, ParseEventLogsReturnType, RpcLog } from "viem";
import { getBlock, getBlockNumber } from "viem/actions";

import type { ConcordClientBase } from "../client.ts";
import { ConcordError, decodeConcordError } from "../errors.ts";

/** A topic filter value: a uint256 or an address (padded to 32 bytes). */
export type TopicValue = bigint | Address;

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
};

/**
 * Fetches and decodes the logs of `eventNames` emitted by `address`, oldest first.
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

  try {
    const toBlock =
      parameters.toBlock ?? (client.maxBlockRange ? await getBlockNumber(client.publicClient) : undefined);
    const ranges: { from: bigint; to: bigint | undefined }[] = [];
    if (client.maxBlockRange && toBlock !== undefined) {
      for (let from = fromBlock; from <= toBlock; from += client.maxBlockRange) {
        const end = from + client.maxBlockRange - 1n;
        ranges.push({ from, to: end < toBlock ? end : toBlock });
      }
    } else {
      ranges.push({ from: fromBlock, to: toBlock });
    }
    const raw: RpcLog[] = [];
    for (const range of ranges) {
      const result = (await client.publicClient.request({
        method: "eth_getLogs",
        params: [
          {
            ...(address === null ? {} : { address: typeof address === "string" ? address : [...address] }),
            topics,
            fromBlock: numberToHex(range.from),
            toBlock: range.to === undefined ? "latest" : numberToHex(range.to),
          },
        ],
      })) as RpcLog[];
      raw.push(...result);
    }
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
