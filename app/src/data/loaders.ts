/**
 * The app's batched reads, on the SDK's client and the generated ABI. Each loader is one or two RPC
 * requests whatever the number of cells, agreements or resources, so the dashboard renders in five:
 * - `loadDirectory`: every cell (one `eth_getLogs` through the SDK's `listCells`) with its on-chain
 *   state and the viewer's standing (one `eth_call`: a deployless multicall);
 * - `loadDaoEvents`: ONE `eth_getLogs` over the cell registry, the agreement registry and the leases
 *   (an array of addresses, an OR of topic0s): join requests, states, intents, agreement proposals and
 *   resource registrations;
 * - `loadDaoState`: ONE `eth_call` (deployless multicall) for the state of every agreement and resource
 *   those events name;
 * - `loadDecisionOwners`: one `eth_getLogs`.
 */
import { getAddress, zeroAddress } from "viem";
import type { AbiEvent, Address, Hash, Hex } from "viem";
import { getLogs, multicall } from "viem/actions";

import {
  agreementRegistryAbi,
  agreementStatusName,
  cellFromInfo,
  cellRegistryAbi,
  decodeConcordError,
  listCells,
  resourceLeasesAbi,
} from "../../../sdk/index.ts";
import type {
  AgreementInfo,
  AgreementStatusName,
  AgreementStatusValue,
  Cell,
  CellInfo,
  ConcordClientBase,
  QueueEntry,
  ResourceInfo,
} from "../../../sdk/index.ts";
// The SDK's own normalisers of the leases structs (internal to the SDK, shared rather than copied).
import { toQueue, toResourceInfo } from "../../../sdk/leases/reads.ts";

/** The viewer's standing in one cell. */
export type Standing = { roles: number; joinRequestedAt: bigint | null };

/** Every cell, and the viewer's standing in each. */
export type Directory = {
  cells: Cell[];
  byId: Map<bigint, Cell>;
  /** The viewer's roles and join requests by cell, or null when no account is connected. */
  standing: Map<bigint, Standing> | null;
  /**
   * The standing by cell of every account read (the viewer and the `others` asked for, e.g. the local
   * chain's dev accounts), keyed by checksummed address.
   */
  standingOf: Map<Address, Map<bigint, Standing>>;
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

function abiEvent(abi: readonly { type: string; name?: string }[], name: string): AbiEvent {
  const item = abi.find((entry) => entry.type === "event" && entry.name === name);
  if (!item) throw new Error(`The ABI has no event ${name}`);
  return item as AbiEvent;
}

/**
 * Every cell with its state, and the standing of `account` in each: 2 RPC requests. The standing of
 * `others` (a few known accounts, such as the local chain's dev accounts the "Playing as" menu names)
 * is read in the same multicall: still 2 requests.
 *
 * @example
 * const { cells, standing } = await loadDirectory(concord, alice);
 * const { standingOf } = await loadDirectory(concord, alice, [bob, carol]);
 */
export async function loadDirectory(
  concord: ConcordClientBase,
  account: Address | null,
  others: readonly Address[] = [],
): Promise<Directory> {
  const summaries = await listCells(concord);
  const address = concord.addresses.cellRegistry;
  const accounts = [...new Set([account, ...others].flatMap((a) => (a ? [getAddress(a)] : [])))];
  const cellCalls = summaries.map(
    (cell) => ({ address, abi: cellRegistryAbi, functionName: "getCell", args: [cell.id] }) as const,
  );
  const standingCalls = accounts.flatMap((who) =>
    summaries.flatMap(
      (cell) =>
        [
          { address, abi: cellRegistryAbi, functionName: "rolesOf", args: [cell.id, who] },
          { address, abi: cellRegistryAbi, functionName: "joinRequestedAt", args: [cell.id, who] },
        ] as const,
    ),
  );
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
  const standingOf = new Map<Address, Map<bigint, Standing>>();
  accounts.forEach((who, a) => {
    const byCell = new Map<bigint, Standing>();
    const offset = summaries.length * (1 + 2 * a);
    summaries.forEach((summary, i) => {
      const roles = results[offset + 2 * i] as number;
      const requestedAt = results[offset + 2 * i + 1] as bigint;
      byCell.set(summary.id, { roles, joinRequestedAt: requestedAt === 0n ? null : requestedAt });
    });
    standingOf.set(who, byCell);
  });
  const standing = account ? (standingOf.get(getAddress(account)) ?? null) : null;
  return { cells, byId: new Map(cells.map((cell) => [cell.id, cell])), standing, standingOf };
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

/** An agreement as its proposal event describes it (an amendment has the parties of its original). */
export type ProposedAgreement = {
  id: bigint;
  proposer: Address;
  accounts: Address[];
  cells: bigint[];
  /** The terms hash proposed (the current one: an agreement's terms never change, amendments are new ids). */
  termsHash: Hex;
  termsURI: string;
  /** Unix seconds, or null (no expiry). */
  expiresAt: bigint | null;
  /** The agreement this one amends, or null. */
  amends: bigint | null;
  blockNumber: bigint;
  transactionHash: Hash;
};

/** A resource as its registration event describes it. */
export type RegisteredResource = { id: bigint; name: string; ownerCellId: bigint };

/** What the DAO's members are asking and doing, from one scan of every registry's events. */
export type DaoEvents = {
  /** Every pending join request (asked, not yet approved, rejected or withdrawn). */
  pendingJoins: PendingJoin[];
  /** The latest state per member and cell, newest first. */
  states: StateEntry[];
  /** Every intent, by the date it is announced for. */
  intents: IntentEntry[];
  /** Every agreement and amendment ever proposed, in id order (none without an AgreementRegistry). */
  agreements: ProposedAgreement[];
  /** Every registered resource, in id order (none without ResourceLeases). */
  resources: RegisteredResource[];
};

const CELL_EVENTS = ["JoinRequested", "JoinRequestClosed", "StateDeclared", "IntentSignalled"] as const;
const AGREEMENT_EVENTS = ["AgreementProposed", "AgreementAmendmentProposed"] as const;
const LEASE_EVENTS = ["ResourceRegistered"] as const;

/**
 * Pending join requests, current states and intents of the whole DAO, every agreement proposal and
 * every resource registration: 1 request (one `eth_getLogs` over the three contracts' addresses, with
 * the seven events OR-ed on topic 0).
 *
 * @example
 * const { pendingJoins, states, intents, agreements, resources } = await loadDaoEvents(concord);
 */
export async function loadDaoEvents(concord: ConcordClientBase): Promise<DaoEvents> {
  const { cellRegistry, agreementRegistry, resourceLeases } = concord.contracts;
  const addresses: Address[] = [cellRegistry.address];
  const events: AbiEvent[] = CELL_EVENTS.map((name) => abiEvent(cellRegistryAbi, name));
  let fromBlock = cellRegistry.startBlock;
  if (agreementRegistry) {
    addresses.push(agreementRegistry.address);
    events.push(...AGREEMENT_EVENTS.map((name) => abiEvent(agreementRegistryAbi, name)));
    if (agreementRegistry.startBlock < fromBlock) fromBlock = agreementRegistry.startBlock;
  }
  if (resourceLeases) {
    addresses.push(resourceLeases.address);
    events.push(...LEASE_EVENTS.map((name) => abiEvent(resourceLeasesAbi, name)));
    if (resourceLeases.startBlock < fromBlock) fromBlock = resourceLeases.startBlock;
  }
  const logs = await getLogs(concord.publicClient, {
    address: addresses.length === 1 ? addresses[0]! : addresses,
    events,
    fromBlock,
    strict: true,
  }).catch((error: unknown) => {
    throw decodeConcordError(error);
  });
  const from = (log: { address: Address }, contract: { address: Address } | undefined) =>
    contract !== undefined && log.address.toLowerCase() === contract.address.toLowerCase();
  const pending = new Map<string, PendingJoin>();
  const latest = new Map<string, StateEntry>();
  const intents: IntentEntry[] = [];
  const agreements = new Map<bigint, ProposedAgreement>();
  const resources: RegisteredResource[] = [];
  for (const entry of logs) {
    const log = entry as unknown as {
      eventName: string;
      args: Record<string, unknown>;
      address: Address;
      blockNumber: bigint | null;
      transactionHash: Hash | null;
    };
    const blockNumber = log.blockNumber ?? 0n;
    const args = log.args;
    if (from(log, cellRegistry)) {
      switch (log.eventName) {
        case "JoinRequested":
        case "JoinRequestClosed": {
          const cellId = args.cellId as bigint;
          const account = args.account as Address;
          const key = `${cellId}:${account}`;
          if (log.eventName === "JoinRequested") pending.set(key, { cellId, account, blockNumber });
          else pending.delete(key);
          break;
        }
        case "StateDeclared": {
          const cellId = args.cellId as bigint;
          const member = args.member as Address;
          latest.delete(`${cellId}:${member}`);
          latest.set(`${cellId}:${member}`, { cellId, member, state: args.state as string, blockNumber });
          break;
        }
        case "IntentSignalled":
          intents.push({
            cellId: args.cellId as bigint,
            member: args.member as Address,
            intent: args.intent as string,
            at: args.at as bigint,
            blockNumber,
          });
          break;
      }
    } else if (from(log, agreementRegistry)) {
      const id = args.agreementId as bigint;
      const expiresAt = args.expiresAt as bigint;
      const base = {
        id,
        proposer: args.proposer as Address,
        termsHash: args.termsHash as Hex,
        termsURI: args.termsURI as string,
        expiresAt: expiresAt === 0n ? null : expiresAt,
        blockNumber,
        transactionHash: log.transactionHash ?? ("0x" as Hash),
      };
      if (log.eventName === "AgreementProposed") {
        agreements.set(id, {
          ...base,
          accounts: [...(args.accounts as readonly Address[])],
          cells: [...(args.cells as readonly bigint[])],
          amends: null,
        });
      } else if (log.eventName === "AgreementAmendmentProposed") {
        // Ids grow with every proposal: the original is already in the map.
        const original = agreements.get(args.amends as bigint);
        agreements.set(id, {
          ...base,
          accounts: original ? [...original.accounts] : [],
          cells: original ? [...original.cells] : [],
          amends: args.amends as bigint,
        });
      }
    } else if (from(log, resourceLeases) && log.eventName === "ResourceRegistered") {
      resources.push({
        id: args.resourceId as bigint,
        name: args.name as string,
        ownerCellId: args.ownerCellId as bigint,
      });
    }
  }
  const byId = (a: { id: bigint }, b: { id: bigint }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return {
    pendingJoins: [...pending.values()],
    states: [...latest.values()].reverse(),
    intents: intents.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)),
    agreements: [...agreements.values()].sort(byId),
    resources: resources.sort(byId),
  };
}

/** The on-chain state of an agreement, as the dashboard and the lists need it. */
export type AgreementState = {
  /** The effective status (expiry derived by the contract from the chain's clock). */
  status: AgreementStatusValue;
  statusName: AgreementStatusName;
  /** Bit i: party i acknowledged (accounts first, then cells). */
  acknowledgedMask: number;
  acknowledgedCount: number;
  partyCount: number;
  /** When it became active (Unix seconds), or null. */
  activatedAt: bigint | null;
  /** The amendment that superseded it, or null. */
  supersededBy: bigint | null;
};

/** The live state of a resource: lease, claimant, and its queue with each waiter's claim window. */
export type ResourceState = ResourceInfo & { queue: QueueEntry[] };

/** The state of every agreement and resource the events name. */
export type DaoState = {
  agreements: Map<bigint, AgreementState>;
  resources: Map<bigint, ResourceState>;
};

/**
 * The state of every agreement (`getAgreement`) and every resource (`getResource` and `queueOf`) that
 * `events` names: 1 request (one deployless multicall), none when there is nothing to read.
 *
 * @example
 * const events = await loadDaoEvents(concord);
 * const { agreements, resources } = await loadDaoState(concord, events);
 */
export async function loadDaoState(
  concord: ConcordClientBase,
  events: Pick<DaoEvents, "agreements" | "resources">,
): Promise<DaoState> {
  const agreementAddress = concord.contracts.agreementRegistry?.address;
  const leasesAddress = concord.contracts.resourceLeases?.address;
  const agreementIds = agreementAddress ? events.agreements.map((agreement) => agreement.id) : [];
  const resourceIds = leasesAddress ? events.resources.map((resource) => resource.id) : [];
  const calls = [
    ...agreementIds.map(
      (id) =>
        ({
          address: agreementAddress!,
          abi: agreementRegistryAbi,
          functionName: "getAgreement",
          args: [id],
        }) as const,
    ),
    ...resourceIds.flatMap(
      (id) =>
        [
          { address: leasesAddress!, abi: resourceLeasesAbi, functionName: "getResource", args: [id] },
          { address: leasesAddress!, abi: resourceLeasesAbi, functionName: "queueOf", args: [id] },
        ] as const,
    ),
  ];
  let results: readonly unknown[] = [];
  if (calls.length > 0) {
    try {
      results = await multicall(concord.publicClient, {
        contracts: calls,
        allowFailure: false,
        batchSize: 0,
        deployless: true,
      });
    } catch (error) {
      throw decodeConcordError(error, { contract: "AgreementRegistry", functionName: "getAgreement" });
    }
  }
  const agreements = new Map<bigint, AgreementState>();
  agreementIds.forEach((id, i) => {
    const info = results[i] as AgreementInfo;
    const status = info.status as AgreementStatusValue;
    agreements.set(id, {
      status,
      statusName: agreementStatusName(status),
      acknowledgedMask: info.acknowledgedMask,
      acknowledgedCount: info.acknowledgedCount,
      partyCount: info.partyCount,
      activatedAt: info.activatedAt === 0n ? null : info.activatedAt,
      supersededBy: info.supersededBy === 0n ? null : info.supersededBy,
    });
  });
  const resources = new Map<bigint, ResourceState>();
  resourceIds.forEach((id, j) => {
    const at = agreementIds.length + 2 * j;
    const info = toResourceInfo(results[at] as Parameters<typeof toResourceInfo>[0]);
    const queue = toQueue(results[at + 1] as Parameters<typeof toQueue>[0]);
    resources.set(id, { ...info, queue });
  });
  return { agreements, resources };
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
