/**
 * When the app's queries refresh: when one of Concord's contracts emits something (the domains its logs
 * touch, {@link domainsOfLogs}), and at the deadlines of what is on screen (proposal stages, lease and
 * agreement expiries change by time alone and emit nothing: {@link createDeadlineScheduler}). No query
 * refreshes because a block went by.
 *
 * - {@link createBlockFollower}: on each new block, reads the logs of Concord's contracts since the last block
 *   seen (one bounded request through the SDK's scanner on that small range) and reports the domains touched;
 * - {@link createDeadlineScheduler}: one timer for the earliest deadline shown, which refreshes its domains.
 *
 * The app loads this module on first use (`concord.tsx`), off the first load: the dashboard shows before it
 * is needed.
 */
import type { QueryClient, QueryKey } from "@tanstack/react-query";
import type { Address, Hash } from "viem";

import type { ConcordClientBase } from "../../../sdk/index.ts";
import type { Domain } from "./keys.ts";

/** Every domain (what a query of unknown dependencies, or a gap in the logs read, refreshes). */
export const DOMAINS: readonly Domain[] = ["cells", "agreements", "leases", "governance", "treasury"];

/**
 * The domains each key segment reads. A segment missing here (a new query whose author forgot) is refreshed
 * with every domain: too often, never too rarely.
 */
export const SEGMENT_DOMAINS: Readonly<Record<string, readonly Domain[]>> = {
  cells: ["cells"],
  agreements: ["agreements"],
  leases: ["leases"],
  governance: ["governance"],
  treasury: ["treasury"],
  // The member directory: the votes token's holders and delegations, and seats (roles in recognised cells).
  members: ["governance", "cells"],
  // Ballots, and the rights to propose (votes and seats).
  votes: ["governance", "cells"],
};

/**
 * The SDK React entry's reads the app uses, by domain (`["concord", action, {…}]` keys). Other actions are
 * refreshed with every domain.
 */
export const SDK_ACTION_DOMAINS: Readonly<Record<string, readonly Domain[]>> = {
  // The directory: every cell and the standing of the accounts read.
  getDashboardDirectory: ["cells"],
  // The dashboard: join requests, states, intents, agreements, resources and proposals with their live values,
  // and the treasury's ETH.
  getDashboard: ["cells", "agreements", "leases", "governance", "treasury"],
  // The cell page: the cell's details, members, join requests, activity and decision owners.
  getCellPage: ["cells"],
  getMembers: ["cells"],
  getJoinRequests: ["cells"],
  getActivity: ["cells"],
  decisionPath: ["cells"],
  getCell: ["cells"],
  getCells: ["cells"],
  getAgreement: ["agreements"],
  agreementTimeline: ["agreements"],
  // A list filtered by stewarded cells changes with the cells' roles too.
  listAgreements: ["agreements", "cells"],
  getResource: ["leases"],
  getResources: ["leases"],
  listResources: ["leases"],
  leasesOf: ["leases"],
  limitsOf: ["leases"],
  getProposal: ["governance"],
  listProposals: ["governance"],
  getProposalBallots: ["governance"],
  getGovernanceSettings: ["governance", "cells"],
  getVotingPower: ["governance", "cells"],
  classifyProposal: ["governance", "cells"],
  // The member directory (the votes token's holders and delegations; seats are roles in recognised cells).
  getMemberRoster: ["governance"],
  getMemberPowers: ["governance", "cells"],
  getTreasury: ["treasury"],
};

/**
 * The domains a query key depends on on `chainId`: `[]` for a key that is not Concord's or is another
 * chain's, `DOMAINS` when unknown.
 *
 * @example
 * domainsOfQueryKey(leasesKeys.all(31337), 31337); // ["leases"]
 * domainsOfQueryKey(["concord", "getMembers", { chainId: 31337, cellId: 1n }], 31337); // ["cells"]
 */
export function domainsOfQueryKey(queryKey: QueryKey, chainId: number): readonly Domain[] {
  // Every Concord key starts with "concord" (keys.ts' `concordKey`, and the SDK React entry's).
  if (queryKey[0] !== "concord") return [];
  if (typeof queryKey[1] === "number") {
    if (queryKey[1] !== chainId) return [];
    const segment = queryKey[2];
    return (typeof segment === "string" ? SEGMENT_DOMAINS[segment] : undefined) ?? DOMAINS;
  }
  if (typeof queryKey[1] === "string") {
    const parameters = queryKey[2] as { chainId?: unknown } | undefined;
    if (parameters && typeof parameters === "object" && parameters.chainId !== chainId) return [];
    return SDK_ACTION_DOMAINS[queryKey[1]] ?? DOMAINS;
  }
  return DOMAINS;
}

/** Whether a query with `queryKey` must be refreshed when `touched` domains changed on `chainId`. */
export function isTouched(queryKey: QueryKey, chainId: number, touched: ReadonlySet<Domain>): boolean {
  return domainsOfQueryKey(queryKey, chainId).some((domain) => touched.has(domain));
}

/** The domains whose data a contract's events change, by the client's contract key. */
export const CONTRACT_DOMAINS: Readonly<Record<string, readonly Domain[]>> = {
  cellRegistry: ["cells"],
  agreementRegistry: ["agreements"],
  resourceLeases: ["leases"],
  // A proposal's stage moves (queued, executed, cancelled): so do the treasury's pending outflows.
  operationalHouse: ["governance", "treasury"],
  communityHouse: ["governance", "treasury"],
  // Scheduled and executed calls, payments out.
  concordTimelock: ["treasury", "governance"],
  governanceClassifier: ["governance"],
  // Holders and delegations: voting power, the member directory.
  votesToken: ["governance"],
};

/**
 * The domains of each of the client's contracts, by lower-case address.
 *
 * @example
 * const domains = contractDomains(concord.contracts); // Map { "0x5fbd…" => ["cells"], … }
 */
export function contractDomains(contracts: ConcordClientBase["contracts"]): Map<string, readonly Domain[]> {
  const map = new Map<string, readonly Domain[]>();
  for (const [name, contract] of Object.entries(contracts) as [string, { address: Address } | undefined][]) {
    if (!contract) continue;
    const address = contract.address.toLowerCase();
    const domains = CONTRACT_DOMAINS[name] ?? DOMAINS;
    map.set(address, [...new Set([...(map.get(address) ?? []), ...domains])]);
  }
  return map;
}

/** The part of a log the mapping reads (an `eth_getLogs` result or a receipt's log). */
export type LogLike = { address: string; transactionHash?: Hash | string | null };

/**
 * The domains touched by `logs`, from their emitters. Logs of `ignore`d transactions (the viewer's own
 * writes, already refreshed when they confirmed) and of contracts not in `domains` are skipped.
 *
 * @example
 * domainsOfLogs([{ address: registry }], contractDomains(concord.contracts)); // Set { "cells" }
 */
export function domainsOfLogs(
  logs: readonly LogLike[],
  domains: ReadonlyMap<string, readonly Domain[]>,
  ignore: ReadonlySet<string> = new Set(),
): Set<Domain> {
  const touched = new Set<Domain>();
  for (const log of logs) {
    if (log.transactionHash && ignore.has(log.transactionHash.toLowerCase())) continue;
    for (const domain of domains.get(log.address.toLowerCase()) ?? []) touched.add(domain);
  }
  return touched;
}

/** The most blocks the follower reads logs over after a gap (a sleeping tab): past it, everything refreshes. */
export const MAX_FOLLOW_BLOCKS = 1_000n;
/** How many of the viewer's own transactions the follower remembers, to skip their logs. */
const OWN_WRITES_KEPT = 64;

/** Follows the chain head: see {@link createBlockFollower}. */
export type BlockFollower = {
  /** A new head was seen (any number; repeats and older ones are handled). */
  onBlock(blockNumber: bigint): void;
  /** The viewer's own write confirmed (its domains were refreshed already): skip its logs. */
  ownWrite(hash: Hash): void;
  /** Resolves when every scan started so far has finished (tests). */
  idle(): Promise<void>;
};

/**
 * Turns new heads into refreshes of the domains touched. On each head above the last one seen, the logs of
 * Concord's contracts over the blocks since are read (`scan`: one bounded request on that range, one at a
 * time; heads that arrive meanwhile extend the next range) and `refresh` gets the domains they touch. A gap
 * above {@link MAX_FOLLOW_BLOCKS}, or a head below the last one seen (a reorg or a restarted local chain),
 * refreshes every domain without reading logs. A failed read is retried with the next head.
 *
 * @example
 * const follower = createBlockFollower({ from: 100n, scan, domains: contractDomains(concord.contracts), refresh });
 * follower.onBlock(101n); // reads the logs of block 101, then refresh(Set { "cells" })
 */
export function createBlockFollower(options: {
  /** The last block whose state the first reads saw (undefined: the first head seen is the baseline). */
  from: bigint | undefined;
  scan: (fromBlock: bigint, toBlock: bigint) => Promise<readonly LogLike[]>;
  domains: ReadonlyMap<string, readonly Domain[]>;
  /** The domains touched by the logs of blocks up to `toBlock` (undefined: a refresh of every domain). */
  refresh: (domains: ReadonlySet<Domain>, toBlock?: bigint) => void;
}): BlockFollower {
  let seen = options.from;
  /** The first block not read yet (the next range starts here), and the highest head seen. */
  let next = seen === undefined ? undefined : seen + 1n;
  let head = seen;
  let running: Promise<void> | null = null;
  const own: string[] = [];

  const run = async (): Promise<void> => {
    while (next !== undefined && head !== undefined && next <= head) {
      const fromBlock = next;
      const toBlock = head;
      if (toBlock - fromBlock + 1n > MAX_FOLLOW_BLOCKS) {
        next = toBlock + 1n;
        options.refresh(new Set(DOMAINS));
        continue;
      }
      let logs: readonly LogLike[];
      try {
        logs = await options.scan(fromBlock, toBlock);
      } catch {
        return; // the range stays pending: read again with the next head
      }
      next = toBlock + 1n;
      const touched = domainsOfLogs(logs, options.domains, new Set(own));
      if (touched.size > 0) options.refresh(touched, toBlock);
    }
  };

  return {
    onBlock(blockNumber) {
      if (seen === undefined || next === undefined) {
        seen = head = blockNumber;
        next = blockNumber + 1n;
        return;
      }
      if (blockNumber < seen) {
        // The chain went back (a reorg deeper than a block, a restarted local chain): nothing read holds.
        seen = head = blockNumber;
        next = blockNumber + 1n;
        options.refresh(new Set(DOMAINS));
        return;
      }
      if (blockNumber === seen) return;
      seen = blockNumber;
      if (head === undefined || blockNumber > head) head = blockNumber;
      if (running) return; // the running loop reads up to the new head next
      running = run().finally(() => {
        running = null;
      });
    },
    ownWrite(hash) {
      own.push(hash.toLowerCase());
      if (own.length > OWN_WRITES_KEPT) own.shift();
    },
    async idle() {
      while (running) await running;
    },
  };
}

/** Runs the refreshes due at known deadlines: see {@link createDeadlineScheduler}. */
export type DeadlineScheduler = {
  /**
   * Refresh `domains` when the chain's clock reaches `at` (Unix seconds). Returns the removal (a query
   * whose data moved on, or a page that closed, no longer needs it).
   */
  add(domains: readonly Domain[], at: bigint): () => void;
  /** The chain's clock moved (a new block's time): re-arms the timer from it (a deadline passed fires now). */
  recheck(): void;
  /** Stops the timer. */
  dispose(): void;
};

/** The longest a timer is set for (a later deadline re-arms when it fires): under setTimeout's 2^31 ms. */
export const MAX_TIMER_MS = 3_600_000;
/** Deadlines this scheduler already fired, kept to fire each at most once. */
const FIRED_KEPT = 1_000;

/**
 * One timer for the earliest deadline registered: when the chain's clock (`chainNow`) reaches it, `onDue`
 * gets the domains of every deadline due, once per deadline (a refresh that still sees the old state, on a
 * chain whose clock has not moved, does not loop). `marginMs` after the deadline, so that the chain has
 * passed it when the refresh reads.
 *
 * @example
 * const scheduler = createDeadlineScheduler({ chainNow, onDue: (domains) => invalidate(domains) });
 * const remove = scheduler.add(["governance"], proposal.operational.voteEnd);
 */
export function createDeadlineScheduler(options: {
  chainNow: () => bigint;
  onDue: (domains: ReadonlySet<Domain>) => void;
  marginMs?: number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}): DeadlineScheduler {
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  const marginMs = options.marginMs ?? 1_000;
  /** Registrations by deadline: domain → how many registrations ask for it. */
  const due = new Map<bigint, Map<Domain, number>>();
  const fired = new Set<bigint>();
  let timer: unknown = null;
  let armedFor: bigint | null = null;

  const arm = () => {
    let earliest: bigint | null = null;
    for (const at of due.keys()) if (earliest === null || at < earliest) earliest = at;
    if (earliest === armedFor) return;
    if (timer !== null) clearTimer(timer);
    timer = null;
    armedFor = earliest;
    if (earliest === null) return;
    const seconds = earliest - options.chainNow();
    const ms = seconds <= 0n ? marginMs : Math.min(Number(seconds) * 1000 + marginMs, MAX_TIMER_MS);
    timer = setTimer(fire, ms);
  };

  const fire = () => {
    timer = null;
    armedFor = null;
    const now = options.chainNow();
    const domains = new Set<Domain>();
    for (const [at, byDomain] of [...due]) {
      if (at > now) continue;
      due.delete(at);
      fired.add(at);
      for (const domain of byDomain.keys()) domains.add(domain);
    }
    while (fired.size > FIRED_KEPT) fired.delete(fired.values().next().value!);
    arm();
    if (domains.size > 0) options.onDue(domains);
  };

  return {
    add(domains, at) {
      if (fired.has(at) || domains.length === 0) return () => undefined;
      const byDomain = due.get(at) ?? new Map<Domain, number>();
      for (const domain of domains) byDomain.set(domain, (byDomain.get(domain) ?? 0) + 1);
      due.set(at, byDomain);
      arm();
      let removed = false;
      return () => {
        if (removed) return;
        removed = true;
        const current = due.get(at);
        if (!current) return;
        for (const domain of domains) {
          const count = (current.get(domain) ?? 0) - 1;
          if (count > 0) current.set(domain, count);
          else current.delete(domain);
        }
        if (current.size === 0) due.delete(at);
        arm();
      };
    },
    recheck() {
      armedFor = null;
      arm();
    },
    dispose() {
      if (timer !== null) clearTimer(timer);
      timer = null;
      armedFor = null;
      due.clear();
    },
  };
}

/**
 * The domains a confirmed write changed: those of the logs in its receipt and of the contract it called. A
 * result without a receipt (a write not waited for), or a receipt that names no Concord contract, refreshes
 * every domain.
 *
 * @example
 * domainsOfWrite(await concord.cells.declareState({ cellId, state }), contractDomains(concord.contracts)); // Set { "cells" }
 */
export function domainsOfWrite(
  result: { hash: Hash; receipt?: { to?: string | null; logs: readonly LogLike[] } | undefined },
  domains: ReadonlyMap<string, readonly Domain[]>,
): Set<Domain> {
  const receipt = result.receipt;
  if (!receipt) return new Set(DOMAINS);
  const touched = domainsOfLogs(receipt.logs, domains);
  for (const domain of (receipt.to && domains.get(receipt.to.toLowerCase())) || []) touched.add(domain);
  return touched.size > 0 ? touched : new Set(DOMAINS);
}

/** The refresh machinery of one SDK client: see {@link createRefresher}. */
export type Refresher = {
  follower: BlockFollower;
  deadlines: DeadlineScheduler;
  /** Refreshes the queries of `domains` on the client's chain. */
  refresh(domains: ReadonlySet<Domain>): Promise<void>;
  /** Refreshes what a confirmed write changed, at once (the follower then skips its logs). */
  afterWrite(result: Parameters<typeof domainsOfWrite>[0]): Promise<void>;
};

/**
 * The follower, the scheduler and the invalidation of one client's queries in `queryClient`.
 *
 * @example
 * const refresher = createRefresher({
 *   reader, queryClient, from: initialBlock, chainNow: chainTimeNow,
 *   scanLogs: (address, fromBlock, toBlock) => scanLogs(reader, { address, topics: [] }, { fromBlock, toBlock }),
 * });
 * refresher.follower.onBlock(blockNumber);
 */
export function createRefresher(options: {
  reader: ConcordClientBase;
  queryClient: QueryClient;
  /**
   * Reads the logs of `addresses` over a block range: the SDK's `scanLogs` (passed in, so that this lazy
   * chunk shares the scanner of the first load instead of splitting it out).
   */
  scanLogs: (addresses: Address[], fromBlock: bigint, toBlock: bigint) => Promise<readonly LogLike[]>;
  /**
   * Makes the client's indexer reads wait until the indexer has indexed a block (the SDK's
   * `requireIndexedBlock`, passed in like `scanLogs`): the follower reads the chain's logs, and the refresh
   * they cause must not read an indexer that has not reached their block yet.
   */
  requireIndexedBlock?: ((blockNumber: bigint) => void) | undefined;
  from: bigint | undefined;
  chainNow: () => bigint;
}): Refresher {
  const { reader, queryClient } = options;
  const chainId = reader.chainId;
  const refresh = (domains: ReadonlySet<Domain>) =>
    queryClient.invalidateQueries({ predicate: (query) => isTouched(query.queryKey, chainId, domains) });
  const domains = contractDomains(reader.contracts);
  const addresses = Object.values(reader.contracts).flatMap((contract) =>
    contract ? [contract.address] : [],
  );
  const follower = createBlockFollower({
    from: options.from,
    domains,
    // One request on the few blocks since the last head (the scanner splits it only if the node refuses).
    scan: (fromBlock, toBlock) => options.scanLogs(addresses, fromBlock, toBlock),
    refresh: (touched, toBlock) => {
      if (toBlock !== undefined) options.requireIndexedBlock?.(toBlock);
      void refresh(touched);
    },
  });
  const deadlines = createDeadlineScheduler({
    chainNow: options.chainNow,
    onDue: (touched) => void refresh(touched),
  });
  return {
    follower,
    deadlines,
    refresh,
    afterWrite(result) {
      follower.ownWrite(result.hash);
      return refresh(domainsOfWrite(result, domains));
    },
  };
}

/**
 * The deadlines worth a refresh among `values`: those after the chain time the data was read at
 * (`readAt`), deduplicated, earliest first, at most `limit` (the earliest is the one the timer waits for;
 * the next ones are re-registered after each refresh).
 *
 * @example
 * upcoming([100n, null, 50n, 100n, 300n], 60n); // [100n, 300n]
 */
export function upcoming(
  values: readonly (bigint | null | undefined)[],
  readAt: bigint,
  limit = 16,
): bigint[] {
  const future = new Set<bigint>();
  for (const value of values) if (value !== null && value !== undefined && value > readAt) future.add(value);
  return [...future].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).slice(0, limit);
}

/** The times a resource's state changes by itself: its lease ends, a claim window opens or closes, a booking starts or ends. */
export function leaseDeadlines(resource: {
  expiresAt?: bigint | null | undefined;
  lease?: { expiresAt: bigint } | null | undefined;
  claimWindowEnd?: bigint | null | undefined;
  claimant?: { windowStart: bigint; windowEnd: bigint } | Address | null | undefined;
  queue?: readonly { windowStart: bigint; windowEnd: bigint }[] | undefined;
  reservations?: readonly { start: bigint; end: bigint }[] | undefined;
}): (bigint | null | undefined)[] {
  const claimant = typeof resource.claimant === "object" ? resource.claimant : null;
  return [
    resource.expiresAt,
    resource.lease?.expiresAt,
    resource.claimWindowEnd,
    claimant?.windowStart,
    claimant?.windowEnd,
    ...(resource.queue ?? []).flatMap((entry) => [entry.windowStart, entry.windowEnd]),
    ...(resource.reservations ?? []).flatMap((booking) => [booking.start, booking.end]),
  ];
}

/**
 * The times a proposal's stage changes by itself: its votes open and close, its veto window ends, its timelock
 * delay ends, its lapse deadline passes.
 */
export function proposalDeadlines(proposal: {
  community?: { voteStart?: bigint; voteEnd: bigint } | null | undefined;
  operational?: { voteStart?: bigint; voteEnd: bigint; eta?: bigint | null } | null | undefined;
  veto?: { votes: bigint; windowEndsAt?: bigint | null } | null | undefined;
  eta?: bigint | null | undefined;
  deadline?: { at: bigint } | null | undefined;
  voteStarts?: readonly bigint[] | undefined;
}): (bigint | null | undefined)[] {
  return [
    proposal.community?.voteStart,
    proposal.community?.voteEnd,
    proposal.operational?.voteStart,
    proposal.operational?.voteEnd,
    proposal.operational?.eta,
    proposal.veto?.windowEndsAt,
    proposal.eta,
    proposal.deadline?.at,
    ...(proposal.voteStarts ?? []),
  ];
}
