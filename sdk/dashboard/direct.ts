/**
 * The dashboard's direct path (no indexer): every cell page after page (`listCells`, 500 a page) and their state
 * and standing in bounded batches (`readBatch`); the DAO's events in ONE scan (`scanEvents`: chunks within the
 * provider's limits, progress, abort) over the registries' addresses with their events OR-ed on topic 0.
 */
import type { AbiEvent, Address, Hash, Hex } from "viem";

import { listCells } from "../cells/events.ts";
import type { CellSummary } from "../cells/types.ts";
import type { ConcordClientBase } from "../client.ts";
import { ConcordError } from "../errors.ts";
import {
  agreementRegistryAbi,
  cellRegistryAbi,
  operationalHouseAbi,
  resourceLeasesAbi,
} from "../generated/abis.ts";
import { scanEvents } from "../internal/logs.ts";
import type { ScanProgress } from "../internal/logs.ts";
import type { Page } from "../internal/page.ts";
import { readBatch } from "../internal/read.ts";
import { planDirectory } from "./plan.ts";
import { MAX_DASHBOARD_CELLS } from "./types.ts";
import type {
  DashboardDirectory,
  DashboardEvents,
  IntentEntry,
  PendingJoin,
  ProposalEvents,
  ProposedAgreement,
  RegisteredResource,
  StateEntry,
} from "./types.ts";

function abiEvent(abi: readonly { type: string; name?: string }[], name: string): AbiEvent {
  const item = abi.find((entry) => entry.type === "event" && entry.name === name);
  if (!item) throw new ConcordError(`The ABI has no event ${name}`);
  return item as AbiEvent;
}

/**
 * Every cell, page after page of `listCells` (500 a page).
 *
 * @throws {ConcordError} past {@link MAX_DASHBOARD_CELLS} cells.
 * @example
 * const cells = await everyCellOf(concord);
 */
export async function everyCellOf(concord: ConcordClientBase): Promise<CellSummary[]> {
  const cells: CellSummary[] = [];
  let cursor: string | null = null;
  while (cells.length < MAX_DASHBOARD_CELLS) {
    const page: Page<CellSummary> = await listCells(concord, { limit: 500, cursor });
    cells.push(...page.items);
    if (page.next === null) return cells;
    cursor = page.next;
  }
  throw new ConcordError(
    `The DAO has more than ${MAX_DASHBOARD_CELLS} cells: the directory reads at most that many.`,
  );
}

/**
 * Every cell with its state, and the standing of `account` and `others` in each: one `eth_getLogs` per 500
 * cells, then bounded batches (Multicall3 where the chain has it).
 *
 * @example
 * const directory = await readDirectoryDirect(concord, alice, [bob]);
 */
export async function readDirectoryDirect(
  concord: ConcordClientBase,
  account: Address | null,
  others: readonly Address[] = [],
): Promise<DashboardDirectory> {
  const plan = planDirectory(concord, await everyCellOf(concord), account, others);
  let results: readonly unknown[] = [];
  if (plan.calls.length > 0) {
    // Bounded batches (by call count) through Multicall3, or small deployless batches where the chain has none.
    results = await readBatch(concord, plan.calls, { contract: "CellRegistry", functionName: "getCell" });
  }
  return plan.read(results);
}

const CELL_EVENTS = ["JoinRequested", "JoinRequestClosed", "StateDeclared", "IntentSignalled"] as const;
const AGREEMENT_EVENTS = ["AgreementProposed", "AgreementAmendmentProposed"] as const;
const LEASE_EVENTS = ["ResourceRegistered"] as const;

/**
 * Pending join requests, current states and intents of the whole DAO, every agreement proposal, resource
 * registration and proposal creation: ONE `eth_getLogs` on a small chain (the registries' addresses, their events
 * OR-ed on topic 0), split by the scanner within the provider's limits.
 *
 * @example
 * const { pendingJoins, agreements } = await scanDashboardEvents(concord);
 */
export async function scanDashboardEvents(
  concord: ConcordClientBase,
  options: {
    onProgress?: ((progress: ScanProgress) => void) | undefined;
    signal?: AbortSignal | undefined;
  } = {},
): Promise<DashboardEvents> {
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
  const { operationalHouse, communityHouse } = concord.contracts;
  const houses = [operationalHouse, communityHouse].filter((house) => house !== undefined);
  if (houses.length > 0) {
    addresses.push(...houses.map((house) => house.address));
    // The same event in both houses (OpenZeppelin's Governor).
    events.push(abiEvent(operationalHouseAbi, "ProposalCreated"));
    for (const house of houses) if (house.startBlock < fromBlock) fromBlock = house.startBlock;
  }
  // Through the SDK's scanner: chunks within the provider's limits, progress, abort.
  const logs = await scanEvents(concord, {
    address: addresses,
    abi: events,
    eventNames: events.map((event) => event.name),
    fromBlock,
    onProgress: options.onProgress,
    signal: options.signal,
  });
  const from = (log: { address: Address }, contract: { address: Address } | undefined) =>
    contract !== undefined && log.address.toLowerCase() === contract.address.toLowerCase();
  const pending = new Map<string, PendingJoin>();
  const latest = new Map<string, StateEntry>();
  const intents: IntentEntry[] = [];
  const agreements = new Map<bigint, ProposedAgreement>();
  const resources: RegisteredResource[] = [];
  const proposals = new Map<bigint, ProposalEvents>();
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
        title: args.title as string,
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
    } else if (
      log.eventName === "ProposalCreated" &&
      (from(log, operationalHouse) || from(log, communityHouse))
    ) {
      const id = args.proposalId as bigint;
      const targets = args.targets as readonly Address[];
      const values = args.values as readonly bigint[];
      const calldatas = args.calldatas as readonly Hex[];
      const record = proposals.get(id) ?? { id, community: null, operational: null };
      record[from(log, operationalHouse) ? "operational" : "community"] = {
        proposer: args.proposer as Address,
        description: args.description as string,
        calls: targets.map((target, i) => ({ target, value: values[i] ?? 0n, data: calldatas[i] ?? "0x" })),
        voteStart: args.voteStart as bigint,
        blockNumber,
      };
      proposals.set(id, record);
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
    proposals: [...proposals.values()],
  };
}
