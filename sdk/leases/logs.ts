/**
 * Event scans the leases module needs beyond `sdk/internal/logs.ts`: filters on any indexed topic (the
 * holder of LeaseGranted, the owner cell of ResourceRegistered, the account of the registry's
 * RolesChanged), split into `maxBlockRange` chunks like the shared scan.
 */
import { formatLog, numberToHex, pad, parseEventLogs, toEventSelector } from "viem";
import type { Abi, Address, ContractEventName, Hex, Log, ParseEventLogsReturnType, RpcLog } from "viem";
import { getBlockNumber } from "viem/actions";

import type { ConcordClientBase } from "../client.ts";
import { ConcordError, decodeConcordError } from "../errors.ts";
import { compareLogs } from "../internal/logs.ts";

/** A topic filter: a uint256 or an address (padded to 32 bytes), any of several, or no filter. */
export type TopicValue = bigint | Address;

/**
 * @internal Fetches and decodes the logs of `eventNames` emitted by `address` whose indexed arguments
 * match `topics` (position 1..3; `undefined` or `null`: any), oldest first.
 *
 * @example
 * const logs = await scanTopics(client, {
 *   address,
 *   abi: resourceLeasesAbi,
 *   eventNames: ["LeaseGranted"],
 *   topics: [undefined, holder],
 *   fromBlock: 0n,
 * });
 */
export async function scanTopics<const abi extends Abi, const eventName extends ContractEventName<abi>>(
  client: ConcordClientBase,
  parameters: {
    address: Address;
    abi: abi;
    eventNames: readonly eventName[];
    topics: readonly (TopicValue | readonly TopicValue[] | null | undefined)[];
    fromBlock: bigint;
  },
): Promise<ParseEventLogsReturnType<abi, eventName[], true>> {
  const { address, abi, eventNames, fromBlock } = parameters;
  const selectors = eventNames.map((name) => {
    const item = abi.find((entry) => entry.type === "event" && entry.name === name);
    if (!item) throw new ConcordError(`The ABI has no event ${String(name)}.`);
    return toEventSelector(item as Parameters<typeof toEventSelector>[0]);
  });
  const encode = (value: TopicValue): Hex =>
    typeof value === "bigint" ? pad(numberToHex(value)) : (pad(value.toLowerCase() as Hex) as Hex);
  const topics: (Hex[] | null)[] = [selectors];
  for (const filter of parameters.topics) {
    if (filter === undefined || filter === null) topics.push(null);
    else if (Array.isArray(filter)) {
      if (filter.length === 0) return [] as ParseEventLogsReturnType<abi, eventName[], true>;
      topics.push((filter as readonly TopicValue[]).map(encode));
    } else topics.push([encode(filter as TopicValue)]);
  }
  while (topics.length > 1 && topics[topics.length - 1] === null) topics.pop();

  try {
    const toBlock = client.maxBlockRange ? await getBlockNumber(client.publicClient) : undefined;
    const ranges: { from: bigint; to: bigint | undefined }[] = [];
    if (client.maxBlockRange && toBlock !== undefined) {
      for (let from = fromBlock; from <= toBlock; from += client.maxBlockRange) {
        const end = from + client.maxBlockRange - 1n;
        ranges.push({ from, to: end < toBlock ? end : toBlock });
      }
    } else {
      ranges.push({ from: fromBlock, to: undefined });
    }
    const raw: RpcLog[] = [];
    for (const range of ranges) {
      const result = (await client.publicClient.request({
        method: "eth_getLogs",
        params: [
          {
            address,
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
