import { describe, expect, it } from "vitest";
import { zeroAddress } from "viem";
import type { Address, Hash } from "viem";

import type { ConcordClientBase } from "../../../sdk/index.ts";
import {
  getCellPageQueryOptions,
  getDashboardDirectoryQueryOptions,
  getDashboardQueryOptions,
  getProposalBallotsInfiniteQueryOptions,
  getProposalBallotsQueryOptions,
  listProposalsInfiniteQueryOptions,
} from "../../../sdk/react/index.ts";
import { governanceKeys } from "./governance.ts";
import { leasesKeys } from "./leases.ts";
import type { Domain } from "./keys.ts";
import {
  DOMAINS,
  MAX_FOLLOW_BLOCKS,
  MAX_TIMER_MS,
  contractDomains,
  createBlockFollower,
  createDeadlineScheduler,
  domainsOfLogs,
  domainsOfQueryKey,
  domainsOfWrite,
  isTouched,
  leaseDeadlines,
  proposalDeadlines,
  upcoming,
} from "./refresh.ts";
import type { LogLike } from "./refresh.ts";

const at = (n: number) => `0x${n.toString(16).padStart(40, "0")}` as Address;
const contract = (n: number) => ({ address: at(n), startBlock: 0n });
const contracts = {
  cellRegistry: contract(1),
  agreementRegistry: contract(2),
  resourceLeases: contract(3),
  operationalHouse: contract(4),
  communityHouse: contract(5),
  concordTimelock: contract(6),
  governanceClassifier: contract(7),
  votesToken: contract(8),
} as unknown as ConcordClientBase["contracts"];
const domains = contractDomains(contracts);
const log = (n: number, transactionHash: Hash | null = null): LogLike => ({
  // Nodes answer lower-case addresses; the deployment record is checksummed: both must match.
  address: at(n).toUpperCase().replace("0X", "0x"),
  transactionHash,
});
const sorted = (set: ReadonlySet<Domain>) => [...set].sort();

describe("log → domain mapping", () => {
  it("maps each contract's logs to the domains its events change", () => {
    expect(sorted(domainsOfLogs([log(1)], domains))).toEqual(["cells"]);
    expect(sorted(domainsOfLogs([log(2)], domains))).toEqual(["agreements"]);
    expect(sorted(domainsOfLogs([log(3)], domains))).toEqual(["leases"]);
    expect(sorted(domainsOfLogs([log(4)], domains))).toEqual(["governance", "treasury"]);
    expect(sorted(domainsOfLogs([log(5)], domains))).toEqual(["governance", "treasury"]);
    expect(sorted(domainsOfLogs([log(6)], domains))).toEqual(["governance", "treasury"]);
    expect(sorted(domainsOfLogs([log(8)], domains))).toEqual(["governance"]);
    expect(sorted(domainsOfLogs([log(1), log(3), log(1)], domains))).toEqual(["cells", "leases"]);
  });

  it("ignores other contracts' logs and the viewer's own transactions", () => {
    expect(domainsOfLogs([log(99)], domains).size).toBe(0);
    expect(domainsOfLogs([], domains).size).toBe(0);
    const own = `0x${"ab".repeat(32)}` as Hash;
    const ignore = new Set([own.toLowerCase()]);
    expect(domainsOfLogs([log(1, own), log(2, `0x${"cd".repeat(32)}`)], domains, ignore)).toEqual(
      new Set(["agreements"]),
    );
  });

  it("a write refreshes what its receipt touched, or everything when it cannot tell", () => {
    const hash = `0x${"01".repeat(32)}` as Hash;
    expect(domainsOfWrite({ hash, receipt: { to: at(3), logs: [log(3)] } }, domains)).toEqual(
      new Set(["leases"]),
    );
    // A call that emitted nothing: the called contract's domain.
    expect(domainsOfWrite({ hash, receipt: { to: at(2), logs: [] } }, domains)).toEqual(
      new Set(["agreements"]),
    );
    // A relayed governance vote through the houses, with a cells log from the timelock's execution.
    expect(sorted(domainsOfWrite({ hash, receipt: { to: at(4), logs: [log(1)] } }, domains))).toEqual([
      "cells",
      "governance",
      "treasury",
    ]);
    expect(domainsOfWrite({ hash }, domains)).toEqual(new Set(DOMAINS));
    expect(domainsOfWrite({ hash, receipt: { to: at(99), logs: [] } }, domains)).toEqual(new Set(DOMAINS));
  });

  it("query keys say which domains they read, for the app's keys and the SDK React entry's", () => {
    const reader = { chainId: 31337, addresses: { cellRegistry: zeroAddress } } as never;
    const directoryKey = getDashboardDirectoryQueryOptions(reader, { account: null }).queryKey;
    const dashboardKey = getDashboardQueryOptions(reader, { account: null, directory: false }).queryKey;
    expect(domainsOfQueryKey(directoryKey, 31337)).toEqual(["cells"]);
    expect(domainsOfQueryKey(leasesKeys.all(31337), 31337)).toEqual(["leases"]);
    expect(domainsOfQueryKey(dashboardKey, 31337)).toEqual(DOMAINS);
    // The cell page's one read refreshes with the cells domain (not with every domain).
    const cellPageKey = getCellPageQueryOptions(reader, { cellId: 2n, membersLimit: 50 }).queryKey;
    expect(domainsOfQueryKey(cellPageKey, 31337)).toEqual(["cells"]);
    expect(domainsOfQueryKey(["concord", "getMembers", { chainId: 31337, cellId: 1n }], 31337)).toEqual([
      "cells",
    ]);
    // Unknown: every domain. Another chain's or not Concord's: none.
    // The paged lists' keys (one page, or all pages with `pages: true`).
    expect(domainsOfQueryKey(["concord", "listAgreements", { chainId: 31337, pages: true }], 31337)).toEqual([
      "agreements",
      "cells",
    ]);
    expect(domainsOfQueryKey(["concord", "listResources", { chainId: 31337 }], 31337)).toEqual(["leases"]);
    expect(domainsOfQueryKey(["concord", 31337, "somethingNew"], 31337)).toEqual(DOMAINS);
    expect(domainsOfQueryKey(["concord", "someNewRead", { chainId: 31337 }], 31337)).toEqual(DOMAINS);
    expect(domainsOfQueryKey(["concord", "getDashboardDirectory", { chainId: 1 }], 31337)).toEqual([]);
    expect(domainsOfQueryKey(["concord", "getMembers", { chainId: 1 }], 31337)).toEqual([]);
    expect(domainsOfQueryKey(["names", 31337, "ens", "0x"], 31337)).toEqual([]);
    // A new state in a cell refreshes the directory and the dashboard, not the proposals; a lease the dashboard
    // only.
    const touched = new Set<Domain>(["cells"]);
    expect(isTouched(directoryKey, 31337, touched)).toBe(true);
    expect(isTouched(dashboardKey, 31337, touched)).toBe(true);
    expect(isTouched(directoryKey, 31337, new Set<Domain>(["leases"]))).toBe(false);
    expect(isTouched(dashboardKey, 31337, new Set<Domain>(["leases"]))).toBe(true);
    expect(isTouched(dashboardKey, 31337, new Set<Domain>(["treasury"]))).toBe(true);
    expect(isTouched(governanceKeys.proposal(31337, 1n, null), 31337, touched)).toBe(false);
    // The proposals and ballots pages (the SDK React entry's keys) follow governance, not cells.
    const client = { chainId: 31337, addresses: { cellRegistry: zeroAddress } } as never;
    const pages = [
      listProposalsInfiniteQueryOptions(client, { limit: 20 }).queryKey,
      getProposalBallotsInfiniteQueryOptions(client, { proposalId: 1n, limit: 10 }).queryKey,
      getProposalBallotsQueryOptions(client, { proposalId: 1n, voter: zeroAddress }).queryKey,
    ];
    for (const key of pages) {
      expect(isTouched(key, 31337, touched)).toBe(false);
      expect(isTouched(key, 31337, new Set<Domain>(["governance"]))).toBe(true);
    }
  });
});

describe("createBlockFollower", () => {
  function follower(from: bigint | undefined, logsOf: (from: bigint, to: bigint) => readonly LogLike[]) {
    const scans: [bigint, bigint][] = [];
    const refreshes: Domain[][] = [];
    /** The block each refresh's logs reach (so that indexer reads wait for it), undefined for "everything". */
    const upTo: (bigint | undefined)[] = [];
    let fail = false;
    const instance = createBlockFollower({
      from,
      domains,
      scan: async (fromBlock, toBlock) => {
        scans.push([fromBlock, toBlock]);
        if (fail) throw new Error("the node is down");
        return logsOf(fromBlock, toBlock);
      },
      refresh: (touched, toBlock) => {
        refreshes.push(sorted(touched));
        upTo.push(toBlock);
      },
    });
    return { instance, scans, refreshes, upTo, failNext: (value: boolean) => (fail = value) };
  }

  it("reads the logs since the last block seen and refreshes only the domains they touch", async () => {
    const f = follower(10n, (fromBlock) => (fromBlock === 11n ? [log(1)] : []));
    f.instance.onBlock(11n);
    await f.instance.idle();
    f.instance.onBlock(11n); // the same head again: nothing to read
    f.instance.onBlock(13n); // two blocks with nothing of Concord's: no refresh
    await f.instance.idle();
    expect(f.scans).toEqual([
      [11n, 11n],
      [12n, 13n],
    ]);
    expect(f.refreshes).toEqual([["cells"]]);
    // The refresh names the block its logs reach: the app's indexer reads wait until the indexer has it.
    expect(f.upTo).toEqual([11n]);
  });

  it("runs one scan at a time; heads that arrive meanwhile are read next, in one range", async () => {
    const f = follower(10n, () => [log(3)]);
    f.instance.onBlock(11n);
    f.instance.onBlock(12n);
    f.instance.onBlock(14n);
    await f.instance.idle();
    expect(f.scans).toEqual([
      [11n, 11n],
      [12n, 14n],
    ]);
    expect(f.refreshes).toEqual([["leases"], ["leases"]]);
  });

  it("skips the logs of the viewer's own writes (refreshed when they confirmed)", async () => {
    const own = `0x${"ee".repeat(32)}` as Hash;
    const f = follower(10n, () => [log(2, own)]);
    f.instance.ownWrite(own);
    f.instance.onBlock(11n);
    await f.instance.idle();
    expect(f.refreshes).toEqual([]);
  });

  it("without a baseline, the first head is the baseline", async () => {
    const f = follower(undefined, () => [log(1)]);
    f.instance.onBlock(50n);
    await f.instance.idle();
    expect(f.scans).toEqual([]);
    f.instance.onBlock(51n);
    await f.instance.idle();
    expect(f.scans).toEqual([[51n, 51n]]);
  });

  it("a long gap or a chain that went back refreshes everything without reading logs", async () => {
    const f = follower(10n, () => []);
    f.instance.onBlock(10n + MAX_FOLLOW_BLOCKS + 1n);
    await f.instance.idle();
    expect(f.scans).toEqual([]);
    expect(f.refreshes).toEqual([sorted(new Set(DOMAINS))]);
    f.instance.onBlock(5n);
    await f.instance.idle();
    expect(f.refreshes).toHaveLength(2);
    f.instance.onBlock(6n);
    await f.instance.idle();
    expect(f.scans).toEqual([[6n, 6n]]);
  });

  it("a failed read is retried with the next head, over the whole range not read", async () => {
    const f = follower(10n, () => [log(1)]);
    f.failNext(true);
    f.instance.onBlock(11n);
    await f.instance.idle();
    expect(f.refreshes).toEqual([]);
    f.failNext(false);
    f.instance.onBlock(12n);
    await f.instance.idle();
    expect(f.scans).toEqual([
      [11n, 11n],
      [11n, 12n],
    ]);
    expect(f.refreshes).toEqual([["cells"]]);
  });
});

describe("createDeadlineScheduler", () => {
  /** A scheduler on a hand-moved chain clock and hand-run timers. */
  function scheduler(start: bigint) {
    let now = start;
    const timers = new Map<number, { run: () => void; ms: number }>();
    let nextId = 0;
    const due: Domain[][] = [];
    const instance = createDeadlineScheduler({
      chainNow: () => now,
      onDue: (domains) => due.push(sorted(domains)),
      marginMs: 500,
      setTimer: (run, ms) => {
        timers.set(++nextId, { run, ms });
        return nextId;
      },
      clearTimer: (id) => timers.delete(id as number),
    });
    return {
      instance,
      due,
      timers,
      setNow(to: bigint) {
        now = to;
      },
      /** Moves the clock to `to` and runs the armed timer. */
      runAt(to: bigint) {
        now = to;
        const entries = [...timers];
        expect(entries).toHaveLength(1);
        timers.delete(entries[0]![0]);
        entries[0]![1].run();
      },
    };
  }

  it("arms one timer for the earliest deadline, with the margin, and refreshes its domains then", () => {
    const s = scheduler(1_000n);
    s.instance.add(["leases"], 1_060n);
    s.instance.add(["governance"], 1_010n);
    s.instance.add(["agreements"], 1_010n);
    expect([...s.timers.values()].map((t) => t.ms)).toEqual([10_500]);
    s.runAt(1_010n);
    expect(s.due).toEqual([["agreements", "governance"]]);
    // Re-armed for the next deadline, from the clock now.
    expect([...s.timers.values()].map((t) => t.ms)).toEqual([50_500]);
    s.runAt(1_060n);
    expect(s.due).toEqual([["agreements", "governance"], ["leases"]]);
    expect(s.timers.size).toBe(0);
  });

  it("fires a deadline once: a refresh that still shows it does not loop", () => {
    const s = scheduler(1_000n);
    s.instance.add(["governance"], 1_005n);
    s.runAt(1_005n);
    // The refreshed query still reports the same deadline (the chain's clock had not moved): not re-armed.
    s.instance.add(["governance"], 1_005n);
    expect(s.timers.size).toBe(0);
    expect(s.due).toHaveLength(1);
  });

  it("a deadline already passed is refreshed after the margin; a removed one never", () => {
    const s = scheduler(1_000n);
    const remove = s.instance.add(["leases"], 1_100n);
    remove();
    remove(); // twice: harmless
    expect(s.timers.size).toBe(0);
    s.instance.add(["cells"], 990n);
    expect([...s.timers.values()].map((t) => t.ms)).toEqual([500]);
    s.runAt(1_000n);
    expect(s.due).toEqual([["cells"]]);
  });

  it("keeps a deadline while another screen still needs it (reference counts)", () => {
    const s = scheduler(1_000n);
    const a = s.instance.add(["leases"], 1_020n);
    s.instance.add(["leases"], 1_020n);
    a();
    expect(s.timers.size).toBe(1);
    s.runAt(1_020n);
    expect(s.due).toEqual([["leases"]]);
  });

  it("a clock that jumps (a new block's time) re-arms the timer: a deadline it passed fires after the margin", () => {
    const s = scheduler(1_000n);
    s.instance.add(["leases"], 2_000n);
    expect([...s.timers.values()].map((t) => t.ms)).toEqual([1_000_500]);
    s.setNow(6_000n);
    s.instance.recheck();
    expect([...s.timers.values()].map((t) => t.ms)).toEqual([500]);
    s.runAt(6_000n);
    expect(s.due).toEqual([["leases"]]);
    s.instance.recheck(); // nothing left: no timer
    expect(s.timers.size).toBe(0);
  });

  it("waits at most MAX_TIMER_MS at a time for a far deadline, then re-arms without firing", () => {
    const s = scheduler(0n);
    s.instance.add(["agreements"], 365n * 86_400n);
    expect([...s.timers.values()].map((t) => t.ms)).toEqual([MAX_TIMER_MS]);
    s.runAt(3_600n);
    expect(s.due).toEqual([]);
    expect(s.timers.size).toBe(1);
  });
});

describe("deadlines of what is shown", () => {
  it("upcoming keeps the future ones, once each, earliest first, bounded", () => {
    expect(upcoming([100n, null, 50n, 100n, undefined, 300n, 60n], 60n)).toEqual([100n, 300n]);
    expect(
      upcoming(
        Array.from({ length: 100 }, (_, i) => BigInt(i + 1)),
        0n,
        3,
      ),
    ).toEqual([1n, 2n, 3n]);
  });

  it("a resource changes when its lease ends, claim windows open or close, bookings start or end", () => {
    expect(
      upcoming(
        leaseDeadlines({
          lease: { expiresAt: 500n },
          claimant: { windowStart: 400n, windowEnd: 450n },
          queue: [{ windowStart: 600n, windowEnd: 650n }],
          reservations: [{ start: 700n, end: 800n }],
        }),
        0n,
      ),
    ).toEqual([400n, 450n, 500n, 600n, 650n, 700n, 800n]);
    // The dashboard's ResourceInfo shape: claimant is an address.
    expect(upcoming(leaseDeadlines({ expiresAt: 20n, claimant: at(1), claimWindowEnd: 30n }), 0n)).toEqual([
      20n,
      30n,
    ]);
  });

  it("a proposal changes stage when its votes open and close, its veto window or delay ends, it lapses", () => {
    expect(
      upcoming(
        proposalDeadlines({
          community: { voteStart: 10n, voteEnd: 20n },
          operational: { voteStart: 30n, voteEnd: 40n },
          veto: { votes: 0n, windowEndsAt: 50n },
          eta: 60n,
          deadline: { at: 70n },
        }),
        15n,
      ),
    ).toEqual([20n, 30n, 40n, 50n, 60n, 70n]);
  });
});
