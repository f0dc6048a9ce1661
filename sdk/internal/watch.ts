/**
 * The one event watcher of the SDK: viem's `watchContractEvent` on a Concord contract, with the logs narrowed to
 * one id and every failure turned into a ConcordError.
 */
import { watchContractEvent } from "viem/actions";
import type { Abi, Address, ContractEventName, Log, WatchContractEventParameters } from "viem";

import type { ConcordClientBase } from "../client.ts";
import { decodeConcordError } from "../errors.ts";
import type { ConcordError } from "../errors.ts";

/** Options every watch action accepts. */
export type WatchOptions = {
  /** Called when polling or the subscription fails (the watch goes on). */
  onError?: ((error: ConcordError) => void) | undefined;
  /** Milliseconds between polls when the transport cannot push (default: the public client's). */
  pollingInterval?: number | undefined;
  /** Poll even when the transport could subscribe (default: viem's choice). */
  poll?: boolean | undefined;
  /** Also deliver the events of blocks already mined from this block on. */
  fromBlock?: bigint | undefined;
};

/** What every watch action returns: a function that stops the watch. */
export type Unwatch = () => void;

/** A decoded event of `abi`, as viem delivers it. */
export type WatchedEvent<abi extends Abi> = Log<bigint, number, false, undefined, true, abi> & {
  eventName: ContractEventName<abi>;
  args: Record<string, unknown>;
};

/**
 * @internal Watches the events of one Concord contract; with `filter`, only the events whose `args[key]` equals it.
 *
 * @example
 * const unwatch = watchConcordEvents(client, { contract: "CellRegistry", address, abi, onEvents, filter: ["cellId", 4n] });
 */
export function watchConcordEvents<const abi extends Abi>(
  client: ConcordClientBase,
  parameters: WatchOptions & {
    contract: string;
    address: Address;
    abi: abi;
    eventName?: ContractEventName<abi> | undefined;
    filter?: readonly [key: string, value: bigint] | undefined;
    onEvents: (events: WatchedEvent<abi>[]) => void;
  },
): Unwatch {
  const { contract, address, abi, eventName, filter, onEvents, onError } = parameters;
  return watchContractEvent(client.publicClient, {
    address,
    abi,
    eventName,
    strict: true,
    poll: parameters.poll,
    pollingInterval: parameters.pollingInterval,
    fromBlock: parameters.fromBlock,
    onLogs: (logs: unknown[]) => {
      const events = (logs as WatchedEvent<abi>[]).filter(
        (log) => filter === undefined || (log.args as Record<string, unknown>)[filter[0]] === filter[1],
      );
      if (events.length > 0) onEvents(events);
    },
    onError: (error: Error) => onError?.(decodeConcordError(error, { contract })),
  } as unknown as WatchContractEventParameters);
}
