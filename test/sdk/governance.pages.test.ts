/**
 * The governance lists a page at a time (issues 12 and 13): `listProposals` newest first by first creation and
 * `getProposalBallots` oldest first, walked to the end with small limits; their filters (kind, stage with its
 * bounded examination, voter); refusals of bad limits, cursors and filters; the scans stopping at the read's
 * block; and `classifyProposal` / `kindOf` reading at a block.
 */
import { QueryClient } from "@tanstack/react-query";
import { createPublicClient, custom } from "viem";
import type { Address } from "viem";
import { beforeAll, describe, expect, it } from "vitest";

import { InvalidInputError, createConcordClient } from "../../sdk/index.ts";
import type { ConcordClient, Page } from "../../sdk/index.ts";
import { MAX_PROPOSALS_EXAMINED, STAGE_FILTER_BATCH, filteredPage } from "../../sdk/governance/aggregates.ts";
import {
  MAX_TIME_PROBES,
  MAX_VOTING_DELAY_SECONDS,
  firstBlockAtOrAfter,
} from "../../sdk/governance/records.ts";
import {
  getProposalBallotsInfiniteQueryOptions,
  listProposalsInfiniteQueryOptions,
} from "../../sdk/react/index.ts";
import { rejection } from "./fixture.ts";
import {
  DAO_TEST_SETTINGS,
  createCellCall,
  createGovernanceChain,
  recogniseCall,
} from "./governance.fixture.ts";
import type { GovernanceChain, GovernanceDeployment } from "./governance.fixture.ts";

const { votingDelay, votingPeriod, lateQuorumExtension } = DAO_TEST_SETTINGS;

let chain: GovernanceChain;
let dao: GovernanceDeployment;
/** The proposals, oldest first: a constitutional one (carried after P2 and P3 were created), two, then one more. */
let ids: { p1: bigint; p2: bigint; p3: bigint; p4: bigint };
/** The block after the first ballot on P2. */
let afterFirstBallot: bigint;
/** The block before any proposal. */
let beforeProposals: bigint;

beforeAll(async () => {
  chain = await createGovernanceChain();
  // Multicall3 from the start: the reads at past blocks below batch through it.
  await chain.countingPublicClient({ multicall3: true });
  dao = await chain.deploy();
  beforeProposals = await chain.publicClient.getBlockNumber();
  const { cellId } = await dao.as(7).cells.createCell({ name: "Education" });
  const p1 = await dao.as(4).governance.proposeGovernance({
    calls: [recogniseCall(dao.addresses.cellRegistry, cellId)],
    description: "Recognise Education",
  });
  const p2 = await dao.as(1).governance.proposeGovernance({
    calls: [createCellCall(dao.addresses.cellRegistry, "Grants")],
    description: "Create Grants",
  });
  const p3 = await dao.as(1).governance.proposeGovernance({
    calls: [createCellCall(dao.addresses.cellRegistry, "Travel")],
    description: "Create Travel",
  });
  await chain.advance(votingDelay + 1);
  await dao.as(1).governance.castGovernanceVote({ proposalId: p2.proposalId, support: "for", reason: "yes" });
  afterFirstBallot = await chain.publicClient.getBlockNumber();
  await dao.as(2).governance.castGovernanceVote({ proposalId: p2.proposalId, support: "for" });
  await dao.as(3).governance.castGovernanceVote({ proposalId: p2.proposalId, support: "against" });
  for (const i of [1, 2, 4])
    await dao.as(i).governance.castGovernanceVote({ proposalId: p1.proposalId, support: "for" });
  await chain.advance(votingPeriod + lateQuorumExtension);
  // Carried after P2 and P3 were created: P1 stays ordered by its first (community) creation.
  await dao.as(6).governance.carryProposal({ proposalId: p1.proposalId });
  const p4 = await dao.as(2).governance.proposeGovernance({
    calls: [createCellCall(dao.addresses.cellRegistry, "Later")],
    description: "Create Later",
  });
  ids = { p1: p1.proposalId, p2: p2.proposalId, p3: p3.proposalId, p4: p4.proposalId };
}, 300_000);

/** A proposal without the time it was read at (two reads a second apart differ only there). */
function withoutNow<value extends { now: bigint }>(item: value): Omit<value, "now"> {
  const { now: _now, ...rest } = item;
  return rest;
}

/** Every page of a paged read, in order (at most 100). */
async function walk<item>(read: (cursor: string | null) => Promise<Page<item>>): Promise<Page<item>[]> {
  const pages: Page<item>[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 100; i++) {
    const page = await read(cursor);
    pages.push(page);
    if (page.next === null) return pages;
    cursor = page.next;
  }
  throw new Error("more than 100 pages");
}

/**
 * A client whose transport records every request with its parameters (Multicall3 on the chain), on `dao` or
 * another deployment, sending writes from `sender` when given.
 */
async function recordingClient(
  on: GovernanceDeployment = dao,
  sender?: number,
): Promise<{ concord: ConcordClient; requests: { method: string; params: unknown }[] }> {
  const { client: multicallClient } = await chain.countingPublicClient({ multicall3: true });
  const requests: { method: string; params: unknown }[] = [];
  const publicClient = createPublicClient({
    chain: multicallClient.chain,
    transport: custom({
      request: (args: { method: string; params?: unknown }) => {
        requests.push({ method: args.method, params: args.params });
        return multicallClient.request(args as never);
      },
    }),
  });
  const concord = createConcordClient({
    publicClient,
    addresses: on.addresses,
    startBlock: on.startBlock,
    walletClient: sender === undefined ? undefined : on.as(sender).walletClient,
  });
  await concord.governance.getGovernanceContracts();
  requests.length = 0;
  return { concord, requests };
}

describe("listProposals, a page at a time", () => {
  it("walks every proposal newest first by first creation, a carried constitutional proposal once", async () => {
    const whole = await dao.readOnly.governance.listProposals({ limit: 500 });
    expect(whole.next).toBeNull();
    expect(whole.items.map((p) => p.id)).toEqual([ids.p4, ids.p3, ids.p2, ids.p1]);
    expect(whole.items.map((p) => [p.title, p.kind, p.stage])).toEqual([
      ["Create Later", "operational", "operationalVote"],
      ["Create Travel", "operational", "defeated"],
      ["Create Grants", "operational", "awaitingQueue"],
      ["Recognise Education", "constitutional", "operationalVote"],
    ]);
    // Carried: one item with both houses' tallies.
    expect(whole.items[3]!.community!.forVotes).toBe(3n);
    expect(whole.items[3]!.operational).not.toBeNull();

    for (const limit of [1, 2, 3]) {
      const pages = await walk((cursor) => dao.readOnly.governance.listProposals({ limit, cursor }));
      expect(pages.flatMap((page) => page.items)).toEqual(whole.items);
      expect(pages.every((page) => page.items.length <= limit)).toBe(true);
      expect(pages.length).toBe(Math.ceil(4 / limit));
      // The cursor is the last item's first creation, block:logIndex (the indexer API's cursor).
      for (const page of pages.slice(0, -1)) {
        const last = page.items.at(-1)!;
        const first = last.community ?? last.operational!;
        expect(page.next).toMatch(new RegExp(`^${first.createdBlock}:\\d+$`));
      }
    }
    expect((await dao.readOnly.governance.listProposals()).items).toEqual(whole.items);
  });

  it("filters by kind before reading any state, and by stage over the proposals examined", async () => {
    const constitutional = await dao.readOnly.governance.listProposals({ kind: "constitutional" });
    expect(constitutional).toEqual({ items: [expect.objectContaining({ id: ids.p1 })], next: null });
    const operational = await walk((cursor) =>
      dao.readOnly.governance.listProposals({ kind: "operational", limit: 1, cursor }),
    );
    expect(operational.flatMap((page) => page.items.map((p) => p.id))).toEqual([ids.p4, ids.p3, ids.p2]);

    const voting = await walk((cursor) =>
      dao.readOnly.governance.listProposals({ stage: "operationalVote", limit: 1, cursor }),
    );
    expect(voting.flatMap((page) => page.items.map((p) => p.id))).toEqual([ids.p4, ids.p1]);
    expect(voting.every((page) => page.items.length === 1)).toBe(true);
    const none = await dao.readOnly.governance.listProposals({ stage: ["executed", "vetoed"] });
    expect(none).toEqual({ items: [], next: null });
    const both = await dao.readOnly.governance.listProposals({
      stage: ["defeated", "awaitingQueue"],
      kind: "operational",
    });
    expect(both.items.map((p) => p.id)).toEqual([ids.p3, ids.p2]);
  });

  it("refuses a bad limit, cursor, stage or kind, naming the value; a cursor past either end is harmless", async () => {
    const read = dao.readOnly.governance;
    for (const limit of [0, 501, 1.5, -1, "10" as unknown as number]) {
      const error = await rejection(read.listProposals({ limit }));
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).shortMessage).toMatch(/^Invalid limit:/);
    }
    for (const cursor of ["abc", "12", "1:2:3", "-1:0", "0x10:1", `${"9".repeat(21)}:0`]) {
      const error = await rejection(read.listProposals({ cursor }));
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).shortMessage).toMatch(/^Invalid cursor:/);
    }
    const stage = await rejection(read.listProposals({ stage: "voting" as "executed" }));
    expect((stage as InvalidInputError).shortMessage).toMatch(
      /^Invalid stage: expected one of communityVote/,
    );
    expect(await rejection(read.listProposals({ stage: [] }))).toBeInstanceOf(InvalidInputError);
    const kind = await rejection(read.listProposals({ kind: "both" as "operational" }));
    expect((kind as InvalidInputError).shortMessage).toBe(
      "Invalid kind: expected constitutional or operational.",
    );
    // Before the first proposal: nothing; beyond the head: from the newest.
    expect(await read.listProposals({ cursor: "0:0" })).toEqual({ items: [], next: null });
    const future = await read.listProposals({ cursor: "99999999999:0", limit: 1 });
    expect(future.items.map((p) => p.id)).toEqual([ids.p4]);
  });

  it("reads one page in 2 requests, the block in the batch; a pinned read's scan stops at its block", async () => {
    const { concord, requests } = await recordingClient();
    const page = await concord.governance.listProposals({ limit: 2 });
    expect(page.items.map((p) => p.id)).toEqual([ids.p4, ids.p3]);
    const methods = () => requests.map((r) => r.method).filter((m) => m !== "eth_chainId");
    // The creations, then ONE eth_call: the states with Multicall3's block number and time (no block read).
    expect(methods()).toEqual(["eth_getLogs", "eth_call"]);
    // With a viewer's position: still one eth_call for the whole page.
    requests.length = 0;
    const viewed = await concord.governance.listProposals({ account: chain.accounts[1] as Address });
    expect(methods()).toEqual(["eth_getLogs", "eth_call"]);
    expect(viewed.items.map((p) => p.id)).toEqual([ids.p4, ids.p3, ids.p2, ids.p1]);
    expect(viewed.items[2]!.accountView).toMatchObject({ hasVotedOperational: true, operationalSeats: 1n });
    // The same page as a client without Multicall3 (deployless batches, the block read first), `now` aside.
    const deployless = await dao.readOnly.governance.listProposals({ account: chain.accounts[1] as Address });
    expect(viewed.items.map(withoutNow)).toEqual(deployless.items.map(withoutNow));

    requests.length = 0;
    const then = await concord.governance.listProposals({ blockNumber: afterFirstBallot });
    expect(then.items.map((p) => p.id)).toEqual([ids.p3, ids.p2, ids.p1]);
    const pinnedLogs = requests.filter((r) => r.method === "eth_getLogs");
    expect(pinnedLogs.map((r) => BigInt((r.params as [{ toBlock: string }])[0].toBlock))).toEqual([
      afterFirstBallot,
    ]);
    expect(await concord.governance.listProposals({ blockNumber: beforeProposals })).toEqual({
      items: [],
      next: null,
    });
    expect(await concord.governance.scanProposalCreations({ blockNumber: beforeProposals })).toEqual([]);
    expect((await concord.governance.scanProposalCreations()).map((c) => c.proposalId)).toEqual([
      ids.p1,
      ids.p2,
      ids.p3,
      ids.p1,
      ids.p4,
    ]);
  });
});

describe("filteredPage: a filtered page examines a bounded number of items", () => {
  /** A list of `size` numbered items, newest (highest) first, served `count` at a time. */
  function numbers(size: number) {
    const served: number[] = [];
    const source = async (cursor: string | null, count: number) => {
      served.push(count);
      const start = cursor === null ? size - 1 : Number(cursor) - 1;
      const items: number[] = [];
      for (let n = start; n >= 0 && items.length < count; n--) items.push(n);
      return { items, next: items.length > 0 && items.at(-1)! > 0 ? String(items.at(-1)) : null };
    };
    return { source, served };
  }
  const judgeBy = (keep: (n: number) => boolean) => async (records: number[]) =>
    records.map((n) => ({ item: n, keep: keep(n) }));

  it("stops after MAX_PROPOSALS_EXAMINED, returns what matched and goes on from the last examined", async () => {
    const { source, served } = numbers(1_200);
    const judged: number[] = [];
    const keep = (n: number) => n % 300 === 0;
    const judge = async (records: number[]) => {
      judged.push(...records);
      return judgeBy(keep)(records);
    };
    const options = { limit: 5, filtered: true, source, cursorOf: String, judge };
    const first = await filteredPage({ ...options, cursor: null });
    // 1199 .. 700 examined: 900 matched; the page is short but not the last.
    expect(first).toEqual({ items: [900], next: "700" });
    expect(judged.length).toBe(MAX_PROPOSALS_EXAMINED);
    expect(Math.max(...served)).toBe(STAGE_FILTER_BATCH);
    judged.length = 0;
    const second = await filteredPage({ ...options, cursor: first.next });
    expect(second).toEqual({ items: [600, 300], next: "200" });
    expect(judged.length).toBe(MAX_PROPOSALS_EXAMINED);
    const third = await filteredPage({ ...options, cursor: second.next });
    expect(third).toEqual({ items: [0], next: null });
    expect(Math.max(...served)).toBeLessThanOrEqual(MAX_PROPOSALS_EXAMINED);
  });

  it("ends a full page at its last item, and reads exactly `limit` unfiltered", async () => {
    const { source, served } = numbers(10);
    const full = await filteredPage({
      limit: 2,
      filtered: true,
      cursor: null,
      source,
      cursorOf: String,
      judge: judgeBy((n) => n % 2 === 0),
    });
    expect(full).toEqual({ items: [8, 6], next: "6" });
    served.length = 0;
    const plain = await filteredPage({
      limit: 3,
      filtered: false,
      cursor: null,
      source,
      cursorOf: String,
      judge: judgeBy(() => true),
    });
    expect(plain).toEqual({ items: [9, 8, 7], next: "7" });
    expect(served).toEqual([3]);
    // The last item of the list fills the page: no next.
    const last = await filteredPage({
      limit: 3,
      filtered: false,
      cursor: "3",
      source,
      cursorOf: String,
      judge: judgeBy(() => true),
    });
    expect(last).toEqual({ items: [2, 1, 0], next: null });
  });
});

describe("getProposalBallots, a page at a time", () => {
  it("walks the ballots oldest first with their block:logIndex cursors, and filters by voter", async () => {
    const whole = await dao.readOnly.governance.getProposalBallots({ proposalId: ids.p2 });
    expect(whole.next).toBeNull();
    expect(whole.items.map((b) => [b.voter, b.support, b.reason])).toEqual([
      [chain.accounts[1], "for", "yes"],
      [chain.accounts[2], "for", ""],
      [chain.accounts[3], "against", ""],
    ]);
    const pages = await walk((cursor) =>
      dao.readOnly.governance.getProposalBallots({ proposalId: ids.p2, limit: 1, cursor }),
    );
    expect(pages.map((page) => page.items.length)).toEqual([1, 1, 1]);
    expect(pages.flatMap((page) => page.items)).toEqual(whole.items);
    expect(pages[0]!.next).toBe(`${whole.items[0]!.blockNumber}:${whole.items[0]!.logIndex}`);

    const own = await dao.readOnly.governance.getProposalBallots({
      proposalId: ids.p2,
      voter: chain.accounts[2]! as Address,
    });
    expect(own).toEqual({ items: [whole.items[1]], next: null });
    const other = await dao.readOnly.governance.getProposalBallots({
      proposalId: ids.p1,
      voter: chain.accounts[3]! as Address,
    });
    expect(other).toEqual({ items: [], next: null });
    const community = await dao.readOnly.governance.getProposalBallots({ proposalId: ids.p1 });
    expect(community.items.map((b) => [b.house, b.voter])).toEqual(
      [1, 2, 4].map((i) => ["community", chain.accounts[i]]),
    );
  });

  it("reads at a block: the scan stops there and starts at the cursor's block", async () => {
    const { concord, requests } = await recordingClient();
    const then = await concord.governance.getProposalBallots({
      proposalId: ids.p2,
      blockNumber: afterFirstBallot,
    });
    expect(then.items.map((b) => b.voter)).toEqual([chain.accounts[1]]);
    const logs = requests.filter((r) => r.method === "eth_getLogs");
    expect(logs.map((r) => BigInt((r.params as [{ toBlock: string }])[0].toBlock))).toEqual([
      afterFirstBallot,
    ]);

    const first = await concord.governance.getProposalBallots({ proposalId: ids.p2, limit: 1 });
    requests.length = 0;
    const second = await concord.governance.getProposalBallots({
      proposalId: ids.p2,
      limit: 1,
      cursor: first.next,
    });
    expect(second.items[0]!.voter).toBe(chain.accounts[2]);
    const scan = requests.find((r) => r.method === "eth_getLogs")!.params as [{ fromBlock: string }];
    expect(BigInt(scan[0].fromBlock)).toBe(first.items[0]!.blockNumber);
  });

  it("refuses a bad proposal id, voter, limit or cursor, naming the value", async () => {
    const read = dao.readOnly.governance;
    const cases: [Parameters<typeof read.getProposalBallots>[0], RegExp][] = [
      [{ proposalId: -1n }, /^Invalid proposalId:/],
      [{ proposalId: ids.p2, voter: "0x1234" as Address }, /^Invalid voter:/],
      [{ proposalId: ids.p2, limit: 0 }, /^Invalid limit:/],
      [{ proposalId: ids.p2, cursor: "7" }, /^Invalid cursor:/],
      [{ proposalId: ids.p2, blockNumber: 1n, blockTag: "latest" } as never, /^Invalid blockNumber:/],
    ];
    for (const [parameters, message] of cases) {
      const error = await rejection(read.getProposalBallots(parameters));
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).shortMessage).toMatch(message);
    }
    // An unknown proposal has no ballots (not an error: the houses' events name no such id).
    expect(await read.getProposalBallots({ proposalId: 42n })).toEqual({ items: [], next: null });
  });
});

describe("getProposalWithBallots: a proposal's page in one read", () => {
  it("returns what getProposal and the first getProposalBallots page return; the next pages go on from `next`", async () => {
    const read = dao.readOnly.governance;
    const { proposal, ballots } = await read.getProposalWithBallots({
      proposalId: ids.p2,
      account: chain.accounts[1] as Address,
      ballots: { limit: 2 },
    });
    const alone = await read.getProposal({ proposalId: ids.p2, account: chain.accounts[1] as Address });
    expect(withoutNow(proposal)).toEqual(withoutNow(alone));
    expect(ballots).toEqual(await read.getProposalBallots({ proposalId: ids.p2, limit: 2 }));
    expect(ballots.items.map((b) => b.voter)).toEqual([chain.accounts[1], chain.accounts[2]]);
    const rest = await read.getProposalBallots({ proposalId: ids.p2, limit: 2, cursor: ballots.next });
    expect(rest).toEqual({ items: [expect.objectContaining({ voter: chain.accounts[3] })], next: null });
    // Default: DEFAULT_PROPOSAL_BALLOTS ballots; a constitutional proposal's ballots of both houses.
    const p1 = await read.getProposalWithBallots({ proposalId: ids.p1 });
    expect(p1.ballots.items.length).toBe(3);
    expect(p1.proposal.kind).toBe("constitutional");
  });

  it("direct: the snapshots, the creations, then the ballots from the creation and the live state", async () => {
    const { concord, requests } = await recordingClient();
    await concord.governance.getProposalWithBallots({ proposalId: ids.p2, ballots: { limit: 10 } });
    const methods = requests.map((r) => r.method).filter((m) => m !== "eth_chainId");
    // A chain shorter than WHOLE_SCAN_BLOCKS: no block search; the ballots scan and the state read side by side.
    expect(methods.slice(0, 2)).toEqual(["eth_call", "eth_getLogs"]);
    expect(methods.slice(2).sort()).toEqual(["eth_call", "eth_getLogs"]);
    const creation = (await dao.readOnly.governance.getProposal({ proposalId: ids.p2 })).operational!;
    const ballotScan = requests.filter((r) => r.method === "eth_getLogs")[1]!.params as [
      { fromBlock: string },
    ];
    expect(BigInt(ballotScan[0].fromBlock)).toBe(creation.createdBlock);
  });

  it("refuses an unknown id after one batched read (no scan), a bad ballots limit, and reads at a block", async () => {
    const { concord, requests } = await recordingClient();
    const unknown = await rejection(concord.governance.getProposalWithBallots({ proposalId: 4242n }));
    expect(unknown).toBeInstanceOf(InvalidInputError);
    expect((unknown as InvalidInputError).shortMessage).toBe(
      "Invalid proposalId: no house has a proposal with id 4242.",
    );
    expect(requests.map((r) => r.method).filter((m) => m !== "eth_chainId")).toEqual(["eth_call"]);
    for (const limit of [0, 501, 2.5]) {
      const error = await rejection(
        concord.governance.getProposalWithBallots({ proposalId: ids.p2, ballots: { limit } }),
      );
      expect((error as InvalidInputError).shortMessage).toMatch(/^Invalid limit:/);
    }
    const then = await concord.governance.getProposalWithBallots({
      proposalId: ids.p2,
      blockNumber: afterFirstBallot,
    });
    expect(then.ballots.items.map((b) => b.voter)).toEqual([chain.accounts[1]]);
    expect(then.proposal.now).toBe(
      (await chain.publicClient.getBlock({ blockNumber: afterFirstBallot })).timestamp,
    );
    expect(then.proposal.operational!.forVotes).toBe(1n);
    const early = await rejection(
      concord.governance.getProposalWithBallots({ proposalId: ids.p4, blockNumber: afterFirstBallot }),
    );
    expect((early as InvalidInputError).shortMessage).toBe(
      `Invalid proposalId: no house has a proposal with id ${ids.p4} at block ${afterFirstBallot}.`,
    );
  });
});

describe("classifyProposal and kindOf at a block", () => {
  it("send every read with the block asked for", async () => {
    const { concord, requests } = await recordingClient();
    const calls = [createCellCall(dao.addresses.cellRegistry, "Pinned")];
    const preview = await concord.governance.classifyProposal({ calls, blockNumber: afterFirstBallot });
    expect(preview.kind).toBe("operational");
    const reads = requests.filter((r) => ["eth_call", "eth_getStorageAt", "eth_getCode"].includes(r.method));
    expect(reads.length).toBeGreaterThan(1);
    for (const read of reads)
      expect((read.params as unknown[]).at(-1), read.method).toBe(`0x${afterFirstBallot.toString(16)}`);
    expect(await concord.governance.kindOf({ calls, blockTag: "latest" })).toBe("operational");
    const both = await rejection(
      concord.governance.kindOf({ calls, blockNumber: 1n, blockTag: "safe" } as never),
    );
    expect(both).toBeInstanceOf(InvalidInputError);
  });
});

describe("the React entry's pages", () => {
  it("walks the proposals and the ballots page after page through a QueryClient", async () => {
    const queryClient = new QueryClient();
    const proposals = await queryClient.fetchInfiniteQuery({
      ...listProposalsInfiniteQueryOptions(dao.readOnly, { limit: 3 }),
      pages: 3,
    });
    expect(proposals.pages.map((page) => page.items.map((p) => p.id))).toEqual([
      [ids.p4, ids.p3, ids.p2],
      [ids.p1],
    ]);
    expect(proposals.pageParams).toEqual([null, proposals.pages[0]!.next]);
    const ballots = await queryClient.fetchInfiniteQuery({
      ...getProposalBallotsInfiniteQueryOptions(dao.readOnly, { proposalId: ids.p2, limit: 2 }),
      pages: 5,
    });
    expect(ballots.pages.map((page) => page.items.length)).toEqual([2, 1]);
    const key = listProposalsInfiniteQueryOptions(dao.readOnly, { limit: 3 }).queryKey;
    expect(key.slice(0, 2)).toEqual(["concord", "listProposals"]);
  });
});

describe("one proposal found without reading every creation (a chain past WHOLE_SCAN_BLOCKS)", () => {
  /** A DAO whose proposals are 12,000 blocks of 2 minutes apart (16.7 days): more than MAX_VOTING_DELAY. */
  let long: GovernanceDeployment;
  let far: { id: bigint; block: bigint };
  let later: bigint;
  const GUARDIAN = 6;
  const SPACING = { blocks: 12_000, interval: 120 };

  beforeAll(async () => {
    long = await chain.deploy({ guardian: chain.accounts[GUARDIAN] as Address });
    await chain.networkHelpers.mine(SPACING.blocks, { interval: SPACING.interval });
    const first = await long.as(1).governance.proposeGovernance({
      calls: [createCellCall(long.addresses.cellRegistry, "Far")],
      description: "Far from the deployment",
    });
    far = { id: first.proposalId, block: await chain.publicClient.getBlockNumber() };
    await chain.networkHelpers.mine(SPACING.blocks, { interval: SPACING.interval });
    later = (
      await long.as(2).governance.proposeGovernance({
        calls: [createCellCall(long.addresses.cellRegistry, "Later still")],
        description: "Later still",
      })
    ).proposalId;
  }, 300_000);

  const scansOf = (requests: { method: string; params: unknown }[]) =>
    requests
      .filter((r) => r.method === "eth_getLogs")
      .map((r) => (r.params as [{ fromBlock: string; toBlock: string }])[0]);

  it("a write scans only the blocks between snapshot - 6 days and the snapshot, and refuses an unknown id without a scan", async () => {
    const { concord, requests } = await recordingClient(long, GUARDIAN);
    const { house } = await concord.governance.cancelProposal({ proposalId: far.id });
    expect(house).toBe("operational");
    const scans = scansOf(requests);
    expect(scans).toHaveLength(1);
    const [from, to] = [BigInt(scans[0]!.fromBlock), BigInt(scans[0]!.toBlock)];
    // The scan ends at the last block at or before the snapshot (60 s after the creation; the blocks after it
    // are 2 minutes apart); it starts 6 days (4,320 blocks) before, not at the deployment 12,000 blocks earlier.
    const snapshot = (await long.readOnly.governance.getProposal({ proposalId: far.id })).operational!
      .voteStart;
    const time = async (blockNumber: bigint) =>
      (await chain.publicClient.getBlock({ blockNumber })).timestamp;
    expect(to).toBeGreaterThanOrEqual(far.block);
    expect(await time(to)).toBeLessThanOrEqual(snapshot);
    expect(await time(to + 1n)).toBeGreaterThan(snapshot);
    expect(await time(from)).toBeGreaterThanOrEqual(snapshot - MAX_VOTING_DELAY_SECONDS);
    expect(await time(from - 1n)).toBeLessThan(snapshot - MAX_VOTING_DELAY_SECONDS);
    expect(to - from).toBeLessThanOrEqual(MAX_VOTING_DELAY_SECONDS / BigInt(SPACING.interval) + 1n);
    expect(from).toBeGreaterThan(long.startBlock + 7_000n);
    // The blocks found by their time: the deployment's, the head, and a bounded number of probes.
    const probes = requests.filter((r) => r.method === "eth_getBlockByNumber").length;
    expect(probes).toBeGreaterThanOrEqual(2);
    expect(probes).toBeLessThanOrEqual(2 + 2 * MAX_TIME_PROBES);
    expect((await long.readOnly.governance.getProposal({ proposalId: far.id })).stage).toBe("canceled");

    requests.length = 0;
    const sender = chain.accounts[GUARDIAN] as Address;
    const nonce = await chain.nonceOf(sender);
    const unknown = await rejection(concord.governance.cancelProposal({ proposalId: 999n }));
    expect(unknown).toBeInstanceOf(InvalidInputError);
    expect((unknown as InvalidInputError).shortMessage).toBe(
      "Invalid proposalId: no house has a proposal with id 999.",
    );
    expect(scansOf(requests)).toEqual([]);
    expect(await chain.nonceOf(sender)).toBe(nonce);
    for (const write of [
      () => concord.governance.queueProposal({ proposalId: 999n }),
      () => concord.governance.executeProposal({ proposalId: 999n }),
      () => concord.governance.carryProposal({ proposalId: 999n }),
    ]) {
      const error = await rejection(write());
      expect((error as InvalidInputError).shortMessage).toMatch(/no house has a proposal with id 999\.$/);
    }
    expect(scansOf(requests)).toEqual([]);
  });

  it("getProposal and getProposalWithBallots read the same proposal as the whole-history list", async () => {
    const { concord, requests } = await recordingClient(long);
    const { proposal, ballots } = await concord.governance.getProposalWithBallots({ proposalId: later });
    const scans = scansOf(requests);
    // The creations from 6 days before the snapshot (after the first proposal's 16.7 days), to the head; the
    // ballots from the creation.
    expect(scans).toHaveLength(2);
    expect(BigInt(scans[0]!.fromBlock)).toBeGreaterThan(far.block + 7_000n);
    expect(BigInt(scans[1]!.fromBlock)).toBe(proposal.operational!.createdBlock);
    expect(ballots).toEqual({ items: [], next: null });
    const listed = (await long.readOnly.governance.listProposals()).items;
    expect(listed.map((p) => p.id)).toEqual([later, far.id]);
    expect(withoutNow(proposal)).toEqual(withoutNow(listed[0]!));
    const alone = await concord.governance.getProposal({ proposalId: far.id });
    expect(withoutNow(alone)).toEqual(withoutNow(listed[1]!));
  });

  it("finds the first block at or after a time as a linear walk does, on irregular block times", async () => {
    // The first DAO's blocks: minutes, days and seconds apart (its votes and clock moves).
    const numbers = Array.from({ length: 40 }, (_, i) => dao.startBlock + BigInt(i));
    const stamps = await Promise.all(
      numbers.map(async (number) => ({
        number,
        timestamp: (await chain.publicClient.getBlock({ blockNumber: number })).timestamp,
      })),
    );
    const [lo, hi] = [stamps[0]!, stamps.at(-1)!];
    const times = stamps.flatMap((s) => [s.timestamp - 1n, s.timestamp, s.timestamp + 1n]);
    for (const time of [lo.timestamp - 100n, ...times, hi.timestamp + 100n]) {
      const expected = stamps.find((s) => s.timestamp >= time)?.number ?? hi.number;
      expect(await firstBlockAtOrAfter(dao.readOnly, time, lo, hi), `time ${time}`).toBe(expected);
    }
  });
});
