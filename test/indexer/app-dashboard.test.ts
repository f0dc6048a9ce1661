/**
 * The SDK's dashboard (`getDashboard`, `getDashboardDirectory`: what the members' app shows) through the indexer,
 * against a real indexer on PGlite following a local chain with the demo seeded: it shows what the direct path
 * shows (cells and the viewer's standing, join requests, states, intents, agreements, resources, proposals and
 * their live state), in one request to the indexer and ONE Multicall3 call of the live values of the items it
 * shows, at any size. And the SDK's cell page (`getCellPage`) through the indexer, as the direct path shows it.
 */
import { createPublicClient, custom, http } from "viem";
import type { EIP1193RequestFn } from "viem";
import { hardhat } from "viem/chains";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { indexedBlock } from "../../indexer/start.ts";
import { shownOnDashboard } from "../../sdk/dashboard/indexer.ts";
import { planDashboardState } from "../../sdk/dashboard/plan.ts";
import {
  CELL_PAGE_MEMBERS,
  ContractRefusalError,
  DASHBOARD_SHOWN as SHOWN,
  IndexerUnavailableError,
  MULTICALL3_ADDRESS,
  createConcordClient,
  getCellPage,
  getDashboard,
  getDashboardDirectory,
  readBatchLimits,
} from "../../sdk/index.ts";
import type { CellPage, DashboardEvents } from "../../sdk/index.ts";
import { DEV_ACCOUNTS, seedDemo } from "../../scripts/seed.ts";
import { rpc } from "../utils/localNode.ts";
import { startChainIndexer, startLocalChain } from "./chain.ts";
import type { LocalChain } from "./chain.ts";

const dave = DEV_ACCOUNTS[3]!.address;
const others = DEV_ACCOUNTS.slice(0, 3).map((account) => account.address);

let chain: LocalChain;
let indexer: Awaited<ReturnType<typeof startChainIndexer>>;

beforeAll(async () => {
  chain = await startLocalChain();
  await seedDemo(chain.rpcUrl, chain.deployment);
  const logs: string[] = [];
  indexer = await startChainIndexer(chain, { onLog: (line) => logs.push(line) });
  await indexer.ready(300_000).catch((error: unknown) => {
    throw new Error(`the indexer did not get ready: ${String(error)}\n${logs.slice(-30).join("\n")}`);
  });
  const head = Number(BigInt(await rpc<string>(chain.rpcUrl, "eth_blockNumber")));
  for (let i = 0; i < 1200 && (await indexedBlock(indexer.url)) < head; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(await indexedBlock(indexer.url)).toBeGreaterThanOrEqual(head);
}, 600_000);

afterAll(async () => {
  await indexer?.cleanup();
  await chain?.stop();
});

describe("the dashboard through the indexer", () => {
  it("shows what direct reads show: the page, then ONE Multicall3 call of the shown items' live values", async () => {
    const rpcMethods: string[] = [];
    const transport = http(chain.rpcUrl);
    // As the app's local chain: Multicall3 at its canonical address (startLocalChain installs it).
    const chain31337 = { ...hardhat, contracts: { multicall3: { address: MULTICALL3_ADDRESS } } };
    const publicClient = createPublicClient({
      chain: chain31337,
      transport: custom({
        request: (async (args) => {
          rpcMethods.push(args.method);
          return transport({ chain: hardhat }).request(args);
        }) as EIP1193RequestFn,
      }),
    });
    // Direct reads: no indexer configured.
    const concord = createConcordClient({ publicClient, deployment: chain.deployment });
    const fetched: URL[] = [];
    const countingFetch: typeof fetch = (input, init) => {
      fetched.push(new URL(String(input)));
      return fetch(input, init);
    };
    const viaIndexer = createConcordClient({
      publicClient,
      deployment: chain.deployment,
      indexer: { url: indexer.url, fetch: countingFetch },
      reads: "indexer",
    });

    const indexed = await getDashboard(viaIndexer, { account: dave, others });
    expect(indexed.path).toBe("indexer");
    // 2 requests: the page (with the viewer's and the others' standing) and one eth_call. No getCell, no
    // rolesOf: cells and standing are event-derived and come from the page.
    expect(fetched.map((url) => url.pathname)).toEqual(["/concord/dashboard"]);
    expect(fetched[0]!.searchParams.get("account")).toBe(dave);
    expect(fetched[0]!.searchParams.get("parts")).toBe("directory,activity");
    expect(rpcMethods).toEqual(["eth_call"]);
    const plan = planDashboardState(concord, indexed.events, dave);
    expect(plan.calls.length).toBeGreaterThan(0);
    expect(plan.calls.length).toBeLessThanOrEqual(readBatchLimits.callsPerBatch);
    expect(plan.calls.some((call) => (call as { functionName: string }).functionName === "getCell")).toBe(
      false,
    );

    rpcMethods.length = 0;
    const { directory, events, state, path } = await getDashboard(concord, { account: dave, others });
    expect(path).toBe("rpc");
    expect(rpcMethods).toContain("eth_getLogs");
    expect(indexed.directory!.cells).toEqual(directory!.cells);
    expect(indexed.directory!.standing).toEqual(directory!.standing);
    expect(indexed.directory!.standingOf).toEqual(directory!.standingOf);
    expect(indexed.directory!.dao.map((cell) => cell.id)).toEqual(directory!.dao.map((cell) => cell.id));
    expect(indexed.directory!.roots).toEqual(directory!.roots);
    // What the dashboard shows is what the direct scan found, and its live values are the direct ones.
    const pick = <item extends { id: bigint }>(all: item[], shown: item[]) =>
      all.filter((item) => shown.some((entry) => entry.id === item.id));
    expect(indexed.events.agreements).toEqual(pick(events.agreements, indexed.events.agreements));
    expect(indexed.events.resources).toEqual(pick(events.resources, indexed.events.resources));
    expect(indexed.events.proposals).toEqual(pick(events.proposals, indexed.events.proposals));
    for (const [id, value] of indexed.state.agreements) expect(value).toEqual(state.agreements.get(id));
    for (const [id, value] of indexed.state.resources) expect(value).toEqual(state.resources.get(id));
    for (const [id, value] of indexed.state.proposals) expect(value).toEqual(state.proposals.get(id));
    expect(indexed.state.treasury).toEqual(state.treasury);
    // The sections say how many there are in all when they show only some.
    expect(indexed.events.totals).toEqual({
      agreements: events.agreements.length,
      resources: events.resources.length,
    });
    // The demo fits the dashboard whole: every agreement and resource, and the newest proposals.
    expect(indexed.events.agreements.length).toBe(Math.min(events.agreements.length, SHOWN.agreements));
    expect(indexed.events.resources.length).toBe(Math.min(events.resources.length, SHOWN.resources));
    expect(indexed.events.proposals.length).toBeGreaterThan(0);
    expect(indexed.events.proposals.at(-1)).toEqual(events.proposals.at(-1));
    const byKey = <entry extends { cellId: bigint; account?: string; member?: string }>(list: entry[]) =>
      [...list].sort((a, b) =>
        `${a.cellId}:${a.account ?? a.member}`.localeCompare(`${b.cellId}:${b.account ?? b.member}`),
      );
    expect(byKey(indexed.events.pendingJoins)).toEqual(byKey(events.pendingJoins));
    expect(byKey(indexed.events.states)).toEqual(byKey(events.states));
    expect(
      indexed.events.intents.map((intent) => [intent.cellId, intent.member, intent.intent, intent.at]),
    ).toEqual(events.intents.map((intent) => [intent.cellId, intent.member, intent.intent, intent.at]));
    // The demo has something in each, so the comparisons above compare something.
    expect(events.pendingJoins.length).toBeGreaterThan(0);
    expect(events.agreements.length).toBeGreaterThan(0);
    expect([...indexed.directory!.standing!.values()].some((standing) => standing.roles > 0)).toBe(true);

    // The directory alone (every page's): ONE request, its part only, no chain read; the same as directly.
    fetched.length = 0;
    rpcMethods.length = 0;
    const alone = await getDashboardDirectory(viaIndexer, { account: dave, others });
    expect(fetched.map((url) => url.searchParams.get("parts"))).toEqual(["directory"]);
    expect(rpcMethods).toEqual([]);
    expect(alone).toEqual(indexed.directory);
    // The dashboard without the directory (the app reads it apart): the activity part, and one eth_call.
    fetched.length = 0;
    const rest = await getDashboard(viaIndexer, { account: dave, directory: false });
    expect(fetched.map((url) => url.searchParams.get("parts"))).toEqual(["activity"]);
    expect(rest.directory).toBeNull();
    expect(rest.events).toEqual(indexed.events);
  });

  it("answers lean parts: the directory's cells carry what it shows, nothing null, no activity", async () => {
    const directoryPart = (await (
      await fetch(`${indexer.url}/concord/dashboard?parts=directory&account=${dave}`)
    ).json()) as Record<string, unknown> & {
      cells: { items: Record<string, unknown>[]; next: string | null };
    };
    expect(Object.keys(directoryPart).sort()).toEqual(["cells", "standing"]);
    const shown = [
      "id",
      "parentId",
      "name",
      "phase",
      "recognised",
      "memberCount",
      "stewardCount",
      "delegate",
    ];
    expect(directoryPart.cells.items.length).toBeGreaterThan(0);
    for (const row of directoryPart.cells.items) {
      for (const [key, value] of Object.entries(row)) {
        expect(shown).toContain(key);
        expect(value).not.toBeNull();
      }
    }
    const activityPart = (await (
      await fetch(`${indexer.url}/concord/dashboard?parts=activity&account=${dave}`)
    ).json()) as Record<string, unknown>;
    expect(activityPart.cells).toBeUndefined();
    expect(activityPart.standing).toBeUndefined();
    expect(Object.keys((activityPart.resources as object[])[0]!).sort()).toEqual([
      "id",
      "name",
      "ownerCellId",
    ]);
    // The next page of cells: from a cursor, nothing else; bad parts and cursors refused in words.
    const after = (await (await fetch(`${indexer.url}/concord/dashboard?parts=cells&cursor=1`)).json()) as {
      cells: { items: { id: string }[] };
    };
    expect(after.cells.items.map((row) => row.id)).toEqual(
      directoryPart.cells.items.map((row) => row.id as string).filter((id) => BigInt(id) > 1n),
    );
    for (const [path, message] of [
      ["/concord/dashboard?parts=everything", /parts takes directory, activity, cells, got everything/],
      ["/concord/dashboard?parts=cells&cursor=1;drop", /cursor must be a decimal integer, got 1;drop/],
    ] as const) {
      const refused = await fetch(`${indexer.url}${path}`);
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { error: string }).error).toMatch(message);
    }
  });

  it("reads the live values of the shown items only, in one call, however large the DAO (size L's lists)", () => {
    const concord = createConcordClient({
      publicClient: createPublicClient({ chain: hardhat, transport: http(chain.rpcUrl) }),
      deployment: chain.deployment,
    });
    const creation = (id: bigint) => ({
      proposer: dave,
      description: `# Proposal ${id}`,
      calls: [],
      voteStart: id,
      blockNumber: id,
    });
    // Size L: 500 agreements and 200 resources (the viewer's first, then newest first), 109 proposals
    // (oldest first; every third constitutional, in both houses: the costliest reads).
    const large: DashboardEvents = {
      pendingJoins: [],
      states: [],
      intents: [],
      agreements: Array.from({ length: 500 }, (_, i) => ({
        id: BigInt(500 - i),
        proposer: dave,
        accounts: [dave],
        cells: [],
        title: "",
        termsHash: "0x",
        termsURI: "",
        expiresAt: null,
        amends: null,
        blockNumber: 1n,
        transactionHash: "0x",
      })),
      resources: Array.from({ length: 200 }, (_, i) => ({ id: BigInt(200 - i), name: "", ownerCellId: 1n })),
      proposals: Array.from({ length: 109 }, (_, i) => ({
        id: BigInt(i + 1),
        community: i % 3 === 0 ? creation(BigInt(i + 1)) : null,
        operational: creation(BigInt(i + 1)),
      })),
    };
    for (const account of [dave, null]) {
      const shown = shownOnDashboard(concord, large, account);
      const calls = planDashboardState(concord, shown, account).calls;
      expect(calls.length).toBeLessThanOrEqual(SHOWN.calls);
      expect(shown.agreements.map((agreement) => agreement.id)).toEqual(
        Array.from({ length: SHOWN.agreements }, (_, i) => BigInt(500 - SHOWN.agreements + 1 + i)),
      );
      expect(shown.resources.length).toBe(SHOWN.resources);
      // The newest proposals, contiguous, in creation order, as many as fit.
      const ids = shown.proposals.map((record) => record.id);
      expect(ids.length).toBeGreaterThanOrEqual(2);
      expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => BigInt(109 - ids.length + 1 + i)));
      // One more proposal would not fit the call.
      const more = { ...shown, proposals: large.proposals.slice(-ids.length - 1) };
      expect(planDashboardState(concord, more, account).calls.length).toBeGreaterThan(SHOWN.calls);
    }
  });

  it("serves the cell page in ONE request and no chain read, as the direct reads show it", async () => {
    const rpcMethods: string[] = [];
    const transport = http(chain.rpcUrl);
    const publicClient = createPublicClient({
      chain: hardhat,
      transport: custom({
        request: (async (args) => {
          rpcMethods.push(args.method);
          return transport({ chain: hardhat }).request(args);
        }) as EIP1193RequestFn,
      }),
    });
    // No indexer configured: the SDK's reads scan the chain.
    const direct = createConcordClient({ publicClient, deployment: chain.deployment });
    const fetched: URL[] = [];
    const countingFetch: typeof fetch = (input, init) => {
      fetched.push(new URL(String(input)));
      return fetch(input, init);
    };
    const viaIndexer = createConcordClient({
      publicClient,
      deployment: chain.deployment,
      indexer: { url: indexer.url, fetch: countingFetch },
      reads: "indexer",
    });
    const count = (methods: string[]) =>
      Object.fromEntries([...new Set(methods)].sort().map((m) => [m, methods.filter((n) => n === m).length]));
    // The demo: Concord DAO (1) and below it Infra (2: members, states, owners on it and on 1) and Community
    // (3: a pending join request). Every cell is at depth 1 or 2: no parentOf call.
    const pages = new Map<bigint, CellPage>();
    for (const cellId of [1n, 2n, 3n]) {
      fetched.length = 0;
      rpcMethods.length = 0;
      const indexed = await getCellPage(viaIndexer, { cellId, membersLimit: CELL_PAGE_MEMBERS });
      expect(fetched.map((url) => url.pathname)).toEqual([`/concord/cells/${cellId}`]);
      expect(fetched[0]!.searchParams.get("limit")).toBe(String(CELL_PAGE_MEMBERS));
      expect(rpcMethods).toEqual([]);

      rpcMethods.length = 0;
      const scanned = await getCellPage(direct, { cellId, membersLimit: CELL_PAGE_MEMBERS });
      // One block number pins the reads; getCell's one eth_call; one eth_getLogs each for the cell's metadata,
      // members, join requests, activity and decision owners (the demo's chain fits one range each); one block
      // per distinct block of the members shown (their `since`: this node's logs carry no timestamp).
      const memberBlocks = new Set(scanned.members.items.map((member) => member.sinceBlock)).size;
      expect(memberBlocks).toBeGreaterThan(0);
      expect(count(rpcMethods)).toEqual({
        eth_blockNumber: 1,
        eth_call: 1,
        eth_getBlockByNumber: memberBlocks,
        eth_getLogs: 5,
      });
      expect(fetched.length).toBe(1);
      expect(indexed).toEqual(scanned);
      pages.set(cellId, indexed);
    }
    // Something to compare: the ancestors' owners come with the cell's, and each list has entries.
    const infra = pages.get(2n)!;
    expect(new Set(infra.owners.map((owner) => owner.cellId))).toEqual(new Set([1n, 2n]));
    expect(infra.members.items.length).toBeGreaterThan(0);
    expect(infra.activity.length).toBeGreaterThan(0);
    expect(pages.get(3n)!.joinRequests.items.length).toBe(1);
    expect(pages.get(1n)!.owners.every((owner) => owner.cellId === 1n)).toBe(true);
    // A smaller page on both paths: the same first member and cursor, the same newest activity.
    const small = { cellId: 2n, membersLimit: 1, activityLimit: 2 };
    const [indexedSmall, scannedSmall] = [
      await getCellPage(viaIndexer, small),
      await getCellPage(direct, small),
    ];
    expect(indexedSmall).toEqual(scannedSmall);
    expect(indexedSmall.members.items.length).toBe(1);
    expect(indexedSmall.activity).toEqual(infra.activity.slice(0, 2));
    // An unknown cell: the chain's refusal, in words, on both paths.
    for (const client of [viaIndexer, direct]) {
      const refusal = await getCellPage(client, { cellId: 999n }).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(ContractRefusalError);
      expect((refusal as ContractRefusalError).errorName).toBe("CellNonexistent");
    }
  });

  it("pages the cell page's members with the members endpoint's cursor, and refuses bad input in words", async () => {
    const first = await fetch(`${indexer.url}/concord/cells/1?limit=1`);
    const page = (await first.json()) as {
      chain: string[];
      members: { items: { account: string }[]; next: string | null };
    };
    expect(page.chain).toEqual(["1"]);
    expect(page.members.items.length).toBe(1);
    expect(page.members.next).toMatch(/^\d+:\d+$/);
    const rest = (await (
      await fetch(`${indexer.url}/concord/cells/1/members?cursor=${page.members.next}&limit=500`)
    ).json()) as { items: { account: string }[]; next: string | null };
    const all = (await (await fetch(`${indexer.url}/concord/cells/1/members?limit=500`)).json()) as {
      items: { account: string }[];
    };
    expect([...page.members.items, ...rest.items].map((m) => m.account)).toEqual(
      all.items.map((m) => m.account),
    );
    expect(rest.next).toBeNull();
    // The page the app reads is bounded (issue 12: at most 100 KB); the demo's is far under.
    const body = await (await fetch(`${indexer.url}/concord/cells/1?limit=${CELL_PAGE_MEMBERS}`)).text();
    expect(body.length).toBeGreaterThan(0);
    expect(body.length).toBeLessThan(100_000);
    // The page's chain walks up to the top-level cell.
    expect(
      ((await (await fetch(`${indexer.url}/concord/cells/2`)).json()) as { chain: string[] }).chain,
    ).toEqual(["2", "1"]);
    for (const [path, message] of [
      ["/concord/cells/2?limit=0", /limit must be a positive integer, got 0/],
      ["/concord/cells/2/join-requests?cursor=1;drop", /cursor must be block:logIndex, got 1;drop/],
      ["/concord/cells/2/members?cursor=abc", /cursor must be block:logIndex, got abc/],
    ] as const) {
      const refused = await fetch(`${indexer.url}${path}`);
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { error: string }).error).toMatch(message);
    }
    expect((await fetch(`${indexer.url}/concord/cells/999`)).status).toBe(404);
    // The SDK says in words when the indexer cannot serve the page.
    const through = (fetchFn: typeof fetch) =>
      createConcordClient({
        publicClient: createPublicClient({ chain: hardhat, transport: http(chain.rpcUrl) }),
        deployment: chain.deployment,
        indexer: { url: indexer.url, fetch: fetchFn },
        reads: "indexer",
      });
    const refused: typeof fetch = async () => new Response("nope", { status: 503 });
    await expect(getCellPage(through(refused), { cellId: 2n })).rejects.toThrow(IndexerUnavailableError);
    await expect(getCellPage(through(refused), { cellId: 2n })).rejects.toThrow(
      /cannot serve this read: \/concord\/cells\/2 answered 503/,
    );
    const older: typeof fetch = async () => Response.json({ cell: {}, members: { items: [], next: null } });
    await expect(getCellPage(through(older), { cellId: 2n })).rejects.toThrow(/older than this SDK/);
    // A cell the chain has but the indexer does not (yet): the indexer's lag, not a refusal.
    const behind: typeof fetch = async () => Response.json({ error: "no cell 2" }, { status: 404 });
    await expect(getCellPage(through(behind), { cellId: 2n })).rejects.toThrow(
      /cannot serve this read: it has not indexed cell 2 yet/,
    );
  });

  it("refuses more accounts than it carries, and malformed ones, in words", async () => {
    const many = Array.from({ length: 17 }, (_, i) => `0x${(i + 1).toString(16).padStart(40, "0")}`).join(
      ",",
    );
    const tooMany = await fetch(`${indexer.url}/concord/dashboard?others=${many}`);
    expect(tooMany.status).toBe(400);
    expect(((await tooMany.json()) as { error: string }).error).toMatch(
      /others takes at most 16 addresses, got 17/,
    );
    const malformed = await fetch(`${indexer.url}/concord/dashboard?account=0x12`);
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: string }).error).toMatch(
      /account must be an address, got 0x12/,
    );
    // An injection attempt in the viewer's address is refused before any query.
    const injected = await fetch(
      `${indexer.url}/concord/dashboard?account=${encodeURIComponent("0x' OR 1=1 --")}`,
    );
    expect(injected.status).toBe(400);
  });

  it("says in words when the indexer cannot answer, answers an older shape or a broken one", async () => {
    const client = (fetchFn: typeof fetch) =>
      createConcordClient({
        publicClient: createPublicClient({ chain: hardhat, transport: http(chain.rpcUrl) }),
        deployment: chain.deployment,
        indexer: { url: indexer.url, fetch: fetchFn },
        reads: "indexer",
      });
    const refused: typeof fetch = async () => new Response("nope", { status: 503 });
    await expect(getDashboard(client(refused))).rejects.toThrow(
      /cannot serve this read: \/concord\/dashboard answered 503/,
    );
    await expect(getDashboardDirectory(client(refused))).rejects.toBeInstanceOf(IndexerUnavailableError);
    // An older indexer whose dashboard lacks the parts asked for (no standing, lists as pages).
    const older: typeof fetch = async () =>
      Response.json({ cells: { items: [], next: null }, agreements: { items: [], next: null } });
    await expect(getDashboardDirectory(client(older))).rejects.toThrow(/an older indexer API/);
    await expect(getDashboard(client(older), { directory: false })).rejects.toThrow(/an older indexer API/);
    // A broken answer: a cell whose parent is missing.
    const orphan: typeof fetch = async () =>
      Response.json({
        cells: {
          items: [
            {
              id: "2",
              parentId: "9",
              name: "x",
              phase: 0,
              recognised: false,
              memberCount: 0,
              stewardCount: 0,
            },
          ],
          next: null,
        },
        standing: { memberships: [], joinRequests: [] },
      });
    await expect(getDashboardDirectory(client(orphan))).rejects.toThrow(
      /no complete chain of parents for cell 2/,
    );
    // An answer that never ends: the directory follows at most 100 pages of 500 cells.
    let pages = 0;
    const endless: typeof fetch = async () => {
      pages++;
      return Response.json({
        cells: { items: [], next: "1" },
        standing: { memberships: [], joinRequests: [] },
      });
    };
    await expect(getDashboardDirectory(client(endless))).rejects.toThrow(/more than 100 pages of 500 cells/);
    expect(pages).toBe(100);
  });
});
