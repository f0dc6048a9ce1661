/**
 * The app's batched reads, on the SDK's client and the generated ABI. Each loader is one or two RPC
 * requests whatever the number of cells, agreements or resources, so the dashboard renders in five:
 * - `loadDirectory`: every cell (the SDK's `listCells`, 500 a page: one `eth_getLogs` a page) with its on-chain
 *   state and the viewer's standing (batched `eth_call`s: `readBatch`, Multicall3 where the chain has it);
 * Every log scan goes through the SDK's scanner (`scanEvents`): chunks within `maxBlockRange` and the providers'
 * 10,000-log cap, progress, abort. On a small chain each is one request:
 * - `loadDaoEvents`: ONE `eth_getLogs` over the cell registry, the agreement registry and the leases
 *   (an array of addresses, an OR of topic0s): join requests, states, intents, agreement proposals and
 *   resource registrations;
 * - `loadDaoState`: batched `eth_call`s (`readBatchSettled`) for the state of every agreement and resource
 *   those events name;
 * (A cell's decision owners: `loadDecisionOwners` in decisionOwners.ts, with the cell page.)
 */
import { getAddress, multicall3Abi } from "viem";
import type { Abi, AbiEvent, Address, Hash, Hex } from "viem";

import {
  agreementRegistryAbi,
  agreementStatusName,
  cellFromInfo,
  cellRegistryAbi,
  communityHouseAbi,
  concordMembershipAbi,
  decodeConcordError,
  listCells,
  operationalHouseAbi,
  readBatch,
  readBatchSettled,
  resourceLeasesAbi,
  scanEvents,
  splitDirectory,
  toQueue,
  toResourceInfo,
} from "../../../sdk/index.ts";
import type {
  AgreementInfo,
  AgreementStatusName,
  AgreementStatusValue,
  Cell,
  CellInfo,
  CellSummary,
  ConcordClientBase,
  Page,
  QueueEntry,
  ResourceInfo,
  ScanProgress,
} from "../../../sdk/index.ts";

/** The viewer's standing in one cell. */
export type Standing = { roles: number; joinRequestedAt: bigint | null };

/** Every cell, and the viewer's standing in each. */
export type Directory = {
  cells: Cell[];
  byId: Map<bigint, Cell>;
  /**
   * The DAO's own tree (the top-level ancestors of the cells governance recognises, and every cell below
   * them: the SDK's `splitDirectory`), and every other cell, which the app lists apart and never counts
   * in the DAO's numbers. Anyone can found a top-level cell; only governance can make one part of the DAO.
   */
  dao: Cell[];
  others: Cell[];
  /** The DAO's root cells. */
  roots: bigint[];
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
/** The most cells the directory reads (page after page, 500 a page). */
export const MAX_DIRECTORY_CELLS = 50_000;

/**
 * Every cell, page after page of the SDK's `listCells` (500 a page).
 *
 * @throws {Error} past {@link MAX_DIRECTORY_CELLS} cells.
 * @example
 * const cells = await everyCellOf(concord);
 */
export async function everyCellOf(concord: ConcordClientBase): Promise<CellSummary[]> {
  const cells: CellSummary[] = [];
  let cursor: string | null = null;
  while (cells.length < MAX_DIRECTORY_CELLS) {
    const page: Page<CellSummary> = await listCells(concord, { limit: 500, cursor });
    cells.push(...page.items);
    if (page.next === null) return cells;
    cursor = page.next;
  }
  throw new Error(
    `The DAO has more than ${MAX_DIRECTORY_CELLS} cells: the directory reads at most that many.`,
  );
}

export async function loadDirectory(
  concord: ConcordClientBase,
  account: Address | null,
  others: readonly Address[] = [],
): Promise<Directory> {
  const plan = planDirectory(concord, await everyCellOf(concord), account, others);
  let results: readonly unknown[] = [];
  if (plan.calls.length > 0) {
    // Bounded batches (by call count) through Multicall3, or small deployless batches where the chain has none.
    results = await readBatch(concord, plan.calls, { contract: "CellRegistry", functionName: "getCell" });
  }
  return plan.read(results);
}

/**
 * The batched reads of a directory of `summaries` (each cell's state, and the standing of `account` and
 * `others` in each), and how to read their results back: the direct path lists the cells from logs, the
 * indexer path from its dashboard page; both read the live values in one batch.
 *
 * @example
 * const plan = planDirectory(concord, await everyCellOf(concord), alice);
 * const directory = plan.read(await readBatch(concord, plan.calls));
 */
export function planDirectory(
  concord: ConcordClientBase,
  summaries: readonly CellSummary[],
  account: Address | null,
  others: readonly Address[] = [],
) {
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
  return {
    calls: [...cellCalls, ...standingCalls],
    read(results: readonly unknown[]): Directory {
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
      return directoryOf(cells, standingOf, account);
    },
  };
}

/**
 * The directory of `cells` (in id order) with the standing of each account read (`standingOf`, keyed by
 * checksummed address): the DAO's tree and the other cells, and the standing of `account`.
 *
 * @example
 * const directory = directoryOf(cells, new Map([[alice, aliceByCell]]), alice);
 */
export function directoryOf(
  cells: Cell[],
  standingOf: Map<Address, Map<bigint, Standing>>,
  account: Address | null,
): Directory {
  const split = splitDirectory(cells, {
    recognised: cells.filter((cell) => cell.recognised).map((cell) => cell.id),
  });
  return {
    cells,
    byId: new Map(cells.map((cell) => [cell.id, cell])),
    dao: split.dao,
    others: split.others,
    roots: split.roots,
    standing: account ? (standingOf.get(getAddress(account)) ?? null) : null,
    standingOf,
  };
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
  /** The title proposed: untrusted text (render with `plainText`). */
  title: string;
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

/** A proposal as its houses' `ProposalCreated` events describe it (a constitutional one has both). */
export type ProposalEvents = {
  id: bigint;
  /** The creation in the community house (constitutional proposals), or null. */
  community: ProposalCreationEvent | null;
  /** The creation in the operational house (operational, or carried constitutional), or null. */
  operational: ProposalCreationEvent | null;
};

/** A proposal's creation in one house. */
export type ProposalCreationEvent = {
  proposer: Address;
  description: string;
  calls: { target: Address; value: bigint; data: Hex }[];
  /** The snapshot (voting opens after it). */
  voteStart: bigint;
  blockNumber: bigint;
};

/** Options of the loaders that scan logs: the scan's progress (shown while a page loads) and its abort. */
export type ScanOptions = {
  onProgress?: ((progress: ScanProgress) => void) | undefined;
  signal?: AbortSignal | undefined;
};

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
  /** Every proposal of both houses, in order of first creation (none without governance). */
  proposals: ProposalEvents[];
  /**
   * How many agreements and resources the DAO has, when the lists above hold only some of them (the
   * dashboard through the indexer shows the viewer's and the newest); absent when they hold every one.
   */
  totals?: { agreements: number; resources: number } | undefined;
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
export async function loadDaoEvents(
  concord: ConcordClientBase,
  options: ScanOptions = {},
): Promise<DaoEvents> {
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

/** A proposal's state in one house. */
export type HouseProposalState = {
  /** OpenZeppelin's `ProposalState` (0 pending … 7 executed). */
  state: number;
  forVotes: bigint;
  againstVotes: bigint;
  abstainVotes: bigint;
  voteEnd: bigint;
  /** When it becomes executable once queued, or null. */
  eta: bigint | null;
  /** The viewer's votes (or seats) at the snapshot, or null (no viewer, or before the snapshot). */
  weight: bigint | null;
  hasVoted: boolean;
};

/** The state of a proposal in both houses, its veto, and the viewer's position. */
export type ProposalState = {
  community: HouseProposalState | null;
  operational: HouseProposalState | null;
  /** The community's veto of an operational proposal (read once its snapshot passed), or null. */
  veto: {
    votes: bigint;
    threshold: bigint;
    vetoed: boolean;
    hasVetoed: boolean;
    power: bigint | null;
  } | null;
};

/** The state of every agreement, resource and proposal the events name. */
export type DaoState = {
  agreements: Map<bigint, AgreementState>;
  resources: Map<bigint, ResourceState>;
  proposals: Map<bigint, ProposalState>;
  /** The chain's time of the read (Unix seconds; the operational house's ERC-6372 clock), or null. */
  chainTime: bigint | null;
  /** The timelock's ETH balance, read in the same multicall (see {@link planTreasuryRead}), or null. */
  treasury: { address: Address; eth: bigint } | null;
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
  events: Pick<DaoEvents, "agreements" | "resources"> & Partial<Pick<DaoEvents, "proposals">>,
  account: Address | null = null,
): Promise<DaoState> {
  const plan = planDaoState(concord, events, account);
  if (plan.calls.length === 0) return plan.read([]);
  return plan.read(
    await readBatchSettled(concord, plan.calls as never[], {
      contract: "AgreementRegistry",
      functionName: "getAgreement",
    }),
  );
}

/** The outcome of one call of a settled batch (`readBatchSettled`). */
export type SettledOutcome = { status: "success" | "failure"; result?: unknown; error?: Error };

/**
 * The batched reads of the live state of what `events` names (agreements, resources, proposals and the
 * viewer's position), and how to read their settled outcomes back (a governance read before its snapshot
 * reverts and reads as "not yet"; any other failure throws).
 *
 * @example
 * const plan = planDaoState(concord, events, alice);
 * const state = plan.read(await readBatchSettled(concord, plan.calls));
 */
export function planDaoState(
  concord: ConcordClientBase,
  events: Pick<DaoEvents, "agreements" | "resources"> & Partial<Pick<DaoEvents, "proposals">>,
  account: Address | null = null,
) {
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
  const governance = planProposalReads(concord, events.proposals ?? [], account);
  const treasury = planTreasuryRead(concord);
  return {
    calls: [...calls, ...governance.calls, ...treasury.calls] as readonly unknown[],
    read(outcomes: readonly SettledOutcome[]): DaoState {
      const failed = outcomes.slice(0, calls.length).find((outcome) => outcome.status === "failure");
      if (failed) throw decodeConcordError(failed.error, { contract: "AgreementRegistry" });
      const results = outcomes.slice(0, calls.length).map((outcome) => outcome.result);
      const governanceResults = outcomes
        .slice(calls.length)
        .map((outcome): Outcome =>
          outcome.status === "success" ? { ok: true, value: outcome.result } : { ok: false },
        );
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
      const { proposals, chainTime } = governance.read(governanceResults.slice(0, governance.calls.length));
      return {
        agreements,
        resources,
        proposals,
        chainTime,
        treasury: treasury.read(governanceResults.slice(governance.calls.length)),
      };
    },
  };
}

/**
 * The dashboard's treasury card reads the timelock's ETH balance in the same multicall (Multicall3's
 * `getEthBalance`, so no request of its own). Only where the chain has a deployed Multicall3: the deployless
 * form has no address to ask.
 */
function planTreasuryRead(concord: ConcordClientBase): {
  calls: { address: Address; abi: typeof multicall3Abi; functionName: "getEthBalance"; args: [Address] }[];
  read(outcomes: readonly Outcome[]): DaoState["treasury"];
} {
  const multicall = concord.publicClient.chain?.contracts?.multicall3?.address;
  const timelock = concord.contracts.concordTimelock?.address;
  if (!multicall || !timelock) return { calls: [], read: () => null };
  return {
    calls: [{ address: multicall, abi: multicall3Abi, functionName: "getEthBalance", args: [timelock] }],
    read: ([outcome]) => (outcome?.ok ? { address: timelock, eth: outcome.value as bigint } : null),
  };
}

type Outcome = { ok: true; value: unknown } | { ok: false };

/**
 * The governance reads of the dashboard's multicall, and how to read their results back. The generated ABIs
 * (the first load already holds them: error decoding needs every contract's errors).
 */
function planProposalReads(
  concord: ConcordClientBase,
  records: readonly ProposalEvents[],
  account: Address | null,
): {
  calls: { address: Address; abi: Abi; functionName: string; args?: readonly unknown[] }[];
  read(outcomes: readonly Outcome[]): { proposals: Map<bigint, ProposalState>; chainTime: bigint | null };
} {
  const operational = concord.contracts.operationalHouse?.address;
  const community = concord.contracts.communityHouse?.address;
  const calls: ReturnType<typeof planProposalReads>["calls"] = [];
  const keys: string[] = [];
  const add = (
    key: string,
    address: Address,
    abi: Abi,
    functionName: string,
    args: readonly unknown[] = [],
  ) => {
    keys.push(key);
    calls.push({ address, abi, functionName, args });
  };
  if (!operational || records.length === 0)
    return { calls, read: () => ({ proposals: new Map(), chainTime: null }) };
  add("clock", operational, operationalHouseAbi, "clock");
  for (const record of records) {
    for (const [house, address, abi] of [
      ["operational", operational, operationalHouseAbi],
      ["community", community, communityHouseAbi],
    ] as const) {
      const creation = record[house];
      if (!creation || !address) continue;
      const k = `${record.id}:${house}`;
      add(`${k}:state`, address, abi, "state", [record.id]);
      add(`${k}:votes`, address, abi, "proposalVotes", [record.id]);
      add(`${k}:deadline`, address, abi, "proposalDeadline", [record.id]);
      add(`${k}:eta`, address, abi, "proposalEta", [record.id]);
      if (account) {
        add(`${k}:weight`, address, abi, "getVotes", [account, creation.voteStart]);
        add(`${k}:hasVoted`, address, abi, "hasVoted", [record.id, account]);
      }
    }
    if (!record.community && record.operational && community) {
      const k = `${record.id}:veto`;
      add(`${k}:votes`, community, communityHouseAbi, "vetoVotes", [record.id]);
      add(`${k}:threshold`, community, communityHouseAbi, "vetoThreshold", [record.id]);
      add(`${k}:vetoed`, community, communityHouseAbi, "isVetoed", [record.id]);
      if (account) {
        add(`${k}:hasVetoed`, community, communityHouseAbi, "hasVetoed", [record.id, account]);
        // The members' votes at the operational snapshot (what a veto weighs).
        const token = concord.contracts.votesToken?.address;
        if (token)
          add(`${k}:power`, token, concordMembershipAbi, "getPastVotes", [
            account,
            record.operational.voteStart,
          ]);
      }
    }
  }
  return {
    calls,
    read(outcomes) {
      const values = new Map<string, unknown>();
      keys.forEach((key, i) => {
        const outcome = outcomes[i];
        if (outcome?.ok) values.set(key, outcome.value);
      });
      const proposals = new Map<bigint, ProposalState>();
      for (const record of records) {
        const house = (name: "operational" | "community"): HouseProposalState | null => {
          const k = `${record.id}:${name}`;
          if (!record[name] || !values.has(`${k}:state`)) return null;
          const [againstVotes, forVotes, abstainVotes] = values.get(`${k}:votes`) as readonly [
            bigint,
            bigint,
            bigint,
          ];
          const eta = values.get(`${k}:eta`) as bigint;
          return {
            state: Number(values.get(`${k}:state`)),
            forVotes,
            againstVotes,
            abstainVotes,
            voteEnd: values.get(`${k}:deadline`) as bigint,
            eta: eta === 0n ? null : eta,
            weight: (values.get(`${k}:weight`) as bigint | undefined) ?? null,
            hasVoted: (values.get(`${k}:hasVoted`) as boolean | undefined) ?? false,
          };
        };
        const k = `${record.id}:veto`;
        proposals.set(record.id, {
          operational: house("operational"),
          community: house("community"),
          veto: values.has(`${k}:threshold`)
            ? {
                votes: values.get(`${k}:votes`) as bigint,
                threshold: values.get(`${k}:threshold`) as bigint,
                vetoed: values.get(`${k}:vetoed`) as boolean,
                hasVetoed: (values.get(`${k}:hasVetoed`) as boolean | undefined) ?? false,
                power: (values.get(`${k}:power`) as bigint | undefined) ?? null,
              }
            : null,
        });
      }
      const clock = values.get("clock");
      return { proposals, chainTime: clock === undefined ? null : BigInt(clock as number | bigint) };
    },
  };
}
