/**
 * Event scans of the leases module: filters on any indexed topic (the holder of LeaseGranted, the owner
 * cell of ResourceRegistered, the account of the registry's RolesChanged), through the shared scan.
 */
import type { Abi, Address, ContractEventName, ParseEventLogsReturnType } from "viem";

import type { ConcordClientBase } from "../client.ts";
import { scanEvents } from "../internal/logs.ts";
import type { TopicValue } from "../internal/logs.ts";

export type { TopicValue };

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
export function scanTopics<const abi extends Abi, const eventName extends ContractEventName<abi>>(
  client: ConcordClientBase,
  parameters: {
    address: Address;
    abi: abi;
    eventNames: readonly eventName[];
    topics: readonly (TopicValue | readonly TopicValue[] | null | undefined)[];
    fromBlock: bigint;
    /** The last block to scan (default: the head). */
    toBlock?: bigint | undefined;
  },
): Promise<ParseEventLogsReturnType<abi, eventName[], true>> {
  return scanEvents(client, parameters);
}
