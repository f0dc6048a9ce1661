/**
 * The app's batched reads, on the SDK's client and the generated ABI. Each loader is one or two RPC
 * requests whatever the number of cells, so the dashboard renders in a handful of requests:
 * - `loadDirectory`: every cell (one `eth_getLogs` through the SDK's `listCells`) with its on-chain
 *   state and the viewer's standing (one `eth_call`: a deployless multicall);
 * - `loadDaoEvents` (join requests, states, intents), `loadDecisionOwners`: one `eth_getLogs` each.
 */
import { zeroAddress } from "viem";
import type { Address, Hex } from "viem";
import { getLogs, multicall } from "viem/actions";

import { cellFromInfo, cellRegistryAbi, decodeConcordError, listCells } from "../../../sdk/index.ts";
import type { Cell, CellInfo, ConcordClientBase } from "../../../sdk/index.ts";

/** The viewer's standing in one cell. */
export type Standing = { roles: number; joinRequestedAt: bigint | null };

/** Every cell, and the viewer's standing in each. */
export type Directory = {
  cells: Cell[];
  byId: Map<bigint, Cell>;
  /** The viewer's roles and join requests by cell, or null when no account is connected. */
  standing: Map<bigint, Standing> | null;
};

const NO_STANDING: Standing = { roles: 0, joinRequestedAt: null };

/** The viewer's standing in a cell (none when unknown). */
export function standingIn(directory: Directory | undefined, cellId: bigint): Standing {
  return directory?.standing?.get(cellId) ?? NO_STANDING;
}

function eventAbi<name extends string>(name: name) {
  const item = cellRegistryAbi.find((entry) => entry.type === "event" && entry.name === name);
  if (!item || item.type !== "event") throw new Error(`CellRegistry has no event ${name}`);
  return item as Extract<(typeof cellRegistryAbi)[number], { type: "event"; name: name }>;
}

/**
 * Every cell with its state, and the standing of `account` in each: 2 RPC requests.
 *
 * @example
 * const { cells, standing } = await loadDirectory(concord, alice);
 */
export async function loadDirectory(concord: ConcordClientBase, account: Address | null): Promise<Directory> {
  const summaries = await listCells(concord);
  const address = concord.addresses.cellRegistry;
  const cellCalls = summaries.map(
    (cell) => ({ address, abi: cellRegistryAbi, functionName: "getCell", args: [cell.id] }) as const,
  );
  const standingCalls = account
    ? summaries.flatMap(
        (cell) =>
          [
            { address, abi: cellRegistryAbi, functionName: "rolesOf", args: [cell.id, account] },
            { address, abi: cellRegistryAbi, functionName: "joinRequestedAt", args: [cell.id, account] },
          ] as const,
      )
    : [];
  let results: readonly unknown[] = [];
  if (summaries.length > 0) {
    try {
      results = await multicall(concord.publicClient, {
        contracts: [...cellCalls, ...standingCalls],
        allowFailure: false,
        batchSize: 0,
        deployless: true,
      });
    } catch (error) {
      throw decodeConcordError(error, { contract: "CellRegistry", functionName: "getCell" });
    }
  }
  const cells = summaries.map((summary, i): Cell =>
    cellFromInfo(summary.id, results[i] as CellInfo, summary),
  );
  let standing: Map<bigint, Standing> | null = null;
  if (account) {
    standing = new Map();
    summaries.forEach((summary, i) => {
      const roles = results[summaries.length + 2 * i] as number;
      const requestedAt = results[summaries.length + 2 * i + 1] as bigint;
      standing!.set(summary.id, { roles, joinRequestedAt: requestedAt === 0n ? null : requestedAt });
    });
  }
  return { cells, byId: new Map(cells.map((cell) => [cell.id, cell])), standing };
}

/** A pending request to join, DAO-wide. */
export type PendingJoin = { cellId: bigint; account: Address; blockNumber: bigint };

/** The latest state a member declared in a cell. */
export type StateEntry = { cellId: bigint; member: Address; state: string; blockNumber: bigint };

/** An intent a member signalled. */
export type IntentEntry = {
  cellId: bigint;
  member: Address;
  intent: string;
  at: bigint;
  blockNumber: bigint;
};

/** What the DAO's members are asking and doing, from one scan of the registry's events. */
export type DaoEvents = {
  /** Every pending join request (asked, not yet approved, rejected or withdrawn). */
  pendingJoins: PendingJoin[];
  /** The latest state per member and cell, newest first. */
  states: StateEntry[];
  /** Every intent, by the date it is announced for. */
  intents: IntentEntry[];
};

/**
 * Pending join requests, current states and intents of the whole DAO: 1 request (one `eth_getLogs`
 * for the four events).
 *
 * @example
 * const { pendingJoins, states, intents } = await loadDaoEvents(concord);
 */
export async function loadDaoEvents(concord: ConcordClientBase): Promise<DaoEvents> {
  const logs = await getLogs(concord.publicClient, {
    address: concord.addresses.cellRegistry,
    events: [
      eventAbi("JoinRequested"),
      eventAbi("JoinRequestClosed"),
      eventAbi("StateDeclared"),
      eventAbi("IntentSignalled"),
    ],
    fromBlock: concord.contracts.cellRegistry.startBlock,
    strict: true,
  }).catch((error: unknown) => {
    throw decodeConcordError(error);
  });
  const pending = new Map<string, PendingJoin>();
  const latest = new Map<string, StateEntry>();
  const intents: IntentEntry[] = [];
  for (const log of logs) {
    const blockNumber = log.blockNumber ?? 0n;
    switch (log.eventName) {
      case "JoinRequested":
      case "JoinRequestClosed": {
        const { cellId, account } = log.args;
        const key = `${cellId}:${account}`;
        if (log.eventName === "JoinRequested") pending.set(key, { cellId, account, blockNumber });
        else pending.delete(key);
        break;
      }
      case "StateDeclared": {
        const { cellId, member, state } = log.args;
        latest.delete(`${cellId}:${member}`);
        latest.set(`${cellId}:${member}`, { cellId, member, state, blockNumber });
        break;
      }
      case "IntentSignalled": {
        const { cellId, member, intent, at } = log.args;
        intents.push({ cellId, member, intent, at, blockNumber });
        break;
      }
    }
  }
  return {
    pendingJoins: [...pending.values()],
    states: [...latest.values()].reverse(),
    intents: intents.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)),
  };
}

/** A decision owner set on a cell itself. */
export type DecisionOwnerEntry = { cellId: bigint; topic: Hex; owner: Address };

/**
 * The decision owners set on each of `cellIds` (not inherited), from DecisionOwnerSet events: 1 request.
 *
 * @example
 * const owners = await loadDecisionOwners(concord, [2n, 1n]); // a cell and its ancestors
 */
export async function loadDecisionOwners(
  concord: ConcordClientBase,
  cellIds: readonly bigint[],
): Promise<DecisionOwnerEntry[]> {
  if (cellIds.length === 0) return [];
  const logs = await getLogs(concord.publicClient, {
    address: concord.addresses.cellRegistry,
    event: eventAbi("DecisionOwnerSet"),
    args: { cellId: [...cellIds] },
    fromBlock: concord.contracts.cellRegistry.startBlock,
    strict: true,
  }).catch((error: unknown) => {
    throw decodeConcordError(error);
  });
  const current = new Map<string, DecisionOwnerEntry>();
  for (const log of logs) {
    const { cellId, topic, owner } = log.args;
    const key = `${cellId}:${topic}`;
    if (owner === zeroAddress) current.delete(key);
    else current.set(key, { cellId, topic, owner });
  }
  return [...current.values()];
}
