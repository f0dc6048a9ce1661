/**
 * The indexer against direct reads: on a local chain seeded with the demo network and then changed by a
 * random (seeded, reproducible) sequence of operations on every module, every list read returns the same
 * result through the indexer (`reads: "indexer"`) and through `eth_getLogs` (`reads: "rpc"`) — on PGlite
 * and on a real PostgreSQL server. Also: the indexer follows new events live, resumes after a restart
 * without indexing from scratch, and drops the events of blocks a reorg removed.
 */
import { createPublicClient, createWalletClient, http } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import type { Address } from "viem";
import { hardhat } from "viem/chains";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { indexedBlock } from "../../indexer/start.ts";
import {
  ContractRefusalError,
  Roles,
  createConcordClient,
  getMemberRoster,
  getReadPath,
} from "../../sdk/index.ts";
import type { ConcordClient, Page, PageParameters } from "../../sdk/index.ts";
import { DEV_ACCOUNTS, seedDemo } from "../../scripts/seed.ts";
import { rpc } from "../utils/localNode.ts";
import { startChainIndexer, startLocalChain } from "./chain.ts";
import type { LocalChain } from "./chain.ts";
import { startTestPostgres } from "./postgres.ts";
import type { TestPostgres } from "./postgres.ts";

const SEED = Number(process.env.CONCORD_DIFF_SEED ?? 12);
const OPERATIONS = 40;
const ACCOUNTS = 10;

/** A small deterministic PRNG (mulberry32): the same seed gives the same operations. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (n: number) => Math.floor(next() * n),
    pick: <item>(items: readonly item[]) => items[Math.floor(next() * items.length)]!,
  };
}

let chain: LocalChain;
const address = (i: number): Address =>
  i < DEV_ACCOUNTS.length
    ? DEV_ACCOUNTS[i]!.address
    : (chain.as(i).walletClient!.account!.address as Address);

/**
 * Applies `count` random operations (cells, agreements, leases, governance). A refused operation (the
 * contract says no, e.g. removing the last steward) is counted, not an error. Returns how many succeeded.
 */
async function randomOperations(
  random: ReturnType<typeof prng>,
  count: number,
): Promise<{ done: number; refused: number }> {
  let done = 0;
  let refused = 0;
  const alice = chain.as(0);
  for (let n = 0; n < count; n++) {
    const cells = (await alice.cells.listCells({ limit: 500 })).items.map((cell) => cell.id);
    const cellId = random.pick(cells);
    const who = random.int(ACCOUNTS);
    const actor = chain.as(who);
    const block = await alice.publicClient.request({
      method: "eth_getBlockByNumber",
      params: ["latest", false],
    });
    const now = BigInt((block as { timestamp: string }).timestamp);
    const operations: (() => Promise<unknown>)[] = [
      () => alice.cells.createCell({ parentId: cellId, name: `cell ${n}`, nucleusURI: `ipfs://cell-${n}` }),
      () =>
        alice.cells.addMember({
          cellId,
          account: address(who),
          roles: random.pick([Roles.MEMBER, Roles.MEMBER | Roles.STEWARD]),
        }),
      () => alice.cells.removeMember({ cellId, account: address(who) }),
      () => alice.cells.setRoles({ cellId, account: address(who), roles: Roles.MEMBER | Roles.STEWARD }),
      () => actor.cells.requestToJoin({ cellId }),
      () => alice.cells.approveJoin({ cellId, account: address(who) }),
      () => alice.cells.rejectJoin({ cellId, account: address(who) }),
      () => actor.cells.cancelJoinRequest({ cellId }),
      () => actor.cells.leaveCell({ cellId }),
      () => actor.cells.declareState({ cellId, state: `state ${n}` }),
      () => actor.cells.signalIntent({ cellId, intent: `intent ${n}`, at: now + 3600n }),
      () => alice.cells.updateNucleus({ cellId, nucleusURI: `ipfs://nucleus-${n}`, nucleus: `nucleus ${n}` }),
      () =>
        alice.agreements.proposeAgreement({
          accounts: [address(0), address(who === 0 ? 1 : who)],
          cells: random.int(2) ? [cellId] : [],
          title: `Agreement ${n} — “differential”`,
          terms: `terms ${n}`,
          termsURI: `ipfs://bafkreiterms${n}`,
        }),
      async () => {
        const open = await alice.agreements.listAgreements({
          account: address(who),
          status: "proposed",
          limit: 500,
        });
        const target = open.items[0];
        if (!target) return;
        await actor.agreements.acknowledgeAgreement({
          agreementId: target.id,
          terms: `terms ${target.termsURI.slice("ipfs://bafkreiterms".length)}`,
        });
      },
      async () => {
        const open = await alice.agreements.listAgreements({
          account: address(0),
          status: "proposed",
          limit: 500,
        });
        if (open.items[0]) await alice.agreements.withdrawAgreement({ agreementId: open.items[0].id });
      },
      () =>
        alice.leases.registerResource({
          ownerCellId: cellId,
          name: `resource ${n}`,
          maxDuration: 7200n,
          access: random.pick(["owner-members", "anyone"] as const),
        }),
      async () => {
        const resources = (await alice.leases.listResources({ limit: 500 })).items;
        if (resources.length)
          await actor.leases.acquireLease({ resourceId: random.pick(resources).id, duration: 600n });
      },
      async () => {
        const held = (await actor.leases.leasesOf({ account: address(who), limit: 500 })).items;
        if (held[0]) await actor.leases.releaseLease({ resourceId: held[0].resourceId });
      },
      async () => {
        const resources = (await alice.leases.listResources({ limit: 500 })).items;
        if (resources.length) await actor.leases.enqueueForLease({ resourceId: random.pick(resources).id });
      },
      () => actor.governance.delegateVotes({ delegatee: address(random.int(4)) }),
      async () => {
        const { items: open } = await alice.governance.listProposals({
          stage: ["communityVote", "operationalVote"],
        });
        if (open[0])
          await actor.governance.castGovernanceVote({
            proposalId: open[0].id,
            support: random.pick(["for", "against", "abstain"] as const),
            reason: `reason ${n}`,
          });
      },
    ];
    try {
      await random.pick(operations)();
      done++;
    } catch (error) {
      if (!(error instanceof ContractRefusalError) && !(error as Error).name?.includes("InvalidInput"))
        throw error;
      refused++;
    }
    if (random.int(4) === 0) await chain.advance(random.int(3600) + 1);
  }
  return { done, refused };
}

/**
 * Every page of a paged read, walked with a small limit so that the cursors are exercised: the pages in order
 * (comparing them across the two paths compares the items and the cursors).
 */
async function pages<item>(
  read: (page: PageParameters) => Promise<Page<item>>,
  limit = 2,
): Promise<Page<item>[]> {
  const walked: Page<item>[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 1_000; i++) {
    const page = await read({ limit, cursor });
    walked.push(page);
    if (page.next === null) return walked;
    cursor = page.next;
  }
  throw new Error("more than 1,000 pages");
}

/** Every list read of the SDK, with the filters the app uses. */
async function everyListRead(client: ConcordClient): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = {};
  const cells = (await client.cells.listCells({ limit: 500 })).items;
  results.listCells = await pages((page) => client.cells.listCells(page));
  results["listCells(parent 0)"] = await pages((page) => client.cells.listCells({ parentId: 0n, ...page }));
  results.getCells = await client.cells.getCells({ cellIds: cells.map((cell) => cell.id) });
  for (const cell of cells) {
    results[`listCells(parent ${cell.id})`] = await pages((page) =>
      client.cells.listCells({ parentId: cell.id, ...page }),
    );
    results[`getMembers(${cell.id})`] = await pages((page) =>
      client.cells.getMembers({ cellId: cell.id, ...page }),
    );
    results[`getJoinRequests(${cell.id})`] = await pages((page) =>
      client.cells.getJoinRequests({ cellId: cell.id, ...page }),
    );
    results[`getActivity(${cell.id})`] = await client.cells.getActivity({ cellId: cell.id });
    results[`getActivity(${cell.id}, limit 2)`] = await client.cells.getActivity({
      cellId: cell.id,
      limit: 2,
    });
    results[`getActivity(${cell.id}, Bob)`] = await client.cells.getActivity({
      cellId: cell.id,
      member: address(1),
    });
    results[`listAgreements(cell ${cell.id})`] = await pages((page) =>
      client.agreements.listAgreements({ cell: cell.id, ...page }),
    );
    results[`listResources(owner ${cell.id})`] = await pages((page) =>
      client.leases.listResources({ ownerCellId: cell.id, ...page }),
    );
  }
  results.listAgreements = await pages((page) => client.agreements.listAgreements(page));
  results["listAgreements(newest first)"] = await pages((page) =>
    client.agreements.listAgreements({ order: "desc", ...page }),
  );
  results["listAgreements(no amendments)"] = await pages((page) =>
    client.agreements.listAgreements({ excludeAmendments: true, ...page }),
  );
  results["listAgreements(proposed, limit 3)"] = await pages(
    (page) => client.agreements.listAgreements({ status: "proposed", ...page }),
    3,
  );
  results.listResources = await pages((page) => client.leases.listResources(page));
  // The resources page of the app: each page with its live state (`readAt` is the block's time on both paths).
  results.getResources = await pages(
    (page) => client.leases.getResources({ ...page, reservationLimit: 3 }),
    3,
  );
  // A resource's page: its registration through the indexer (one request) or the logs, its state in one batch.
  for (const resource of (await client.leases.listResources({ limit: 500 })).items)
    results[`getResource(${resource.id})`] = await client.leases.getResource({
      resourceId: resource.id,
      reservationLimit: 3,
    });
  for (let i = 0; i < ACCOUNTS; i++) {
    results[`listAgreements(account ${i}, stewarded)`] = await pages((page) =>
      client.agreements.listAgreements({ account: address(i), includeStewardedCells: true, ...page }),
    );
    results[`listAgreements(account ${i}, cell 2, newest first)`] = await pages((page) =>
      client.agreements.listAgreements({ account: address(i), cell: 2n, order: "desc", ...page }),
    );
    results[`leasesOf(${i})`] = await pages((page) =>
      client.leases.leasesOf({ account: address(i), ...page }),
    );
  }
  // The community roster, walked two entries a page (the cursors too), and filtered by account.
  results["getMemberRoster(pages)"] = await pages((page) => getMemberRoster(client, page));
  results["getMemberRoster(accounts)"] = await getMemberRoster(client, {
    accounts: Array.from({ length: ACCOUNTS }, (_, i) => address(i)),
  });
  const proposalPages = await pages((page) =>
    client.governance.listProposals({ account: address(0), ...page }),
  );
  results.listProposals = proposalPages;
  for (const kind of ["constitutional", "operational"] as const)
    results[`listProposals(${kind})`] = await pages((page) =>
      client.governance.listProposals({ kind, ...page }),
    );
  results["listProposals(open stages)"] = await pages((page) =>
    client.governance.listProposals({ stage: ["communityVote", "operationalVote", "vetoWindow"], ...page }),
  );
  for (const proposal of proposalPages.flatMap((page) => page.items)) {
    // One proposal: through the indexer, one request for its creations (`/concord/proposals?group=proposal&id=`).
    results[`getProposal(${proposal.id})`] = await client.governance.getProposal({
      proposalId: proposal.id,
      account: address(0),
    });
    // A proposal's page: through the indexer, one request for it and its first ballots (`/concord/proposals/:id`).
    results[`getProposalWithBallots(${proposal.id})`] = await client.governance.getProposalWithBallots({
      proposalId: proposal.id,
      account: address(1),
      ballots: { limit: 2 },
    });
    results[`getBallots(${proposal.id})`] = await pages((page) =>
      client.governance.getProposalBallots({ proposalId: proposal.id, ...page }),
    );
    results[`getBallots(${proposal.id}, voter 1)`] = await client.governance.getProposalBallots({
      proposalId: proposal.id,
      voter: address(1),
    });
  }
  return results;
}

/** Waits until the indexer has indexed the chain's head. */
async function caughtUp(url: string): Promise<void> {
  const head = Number(BigInt(await rpc<string>(chain.rpcUrl, "eth_blockNumber")));
  for (let i = 0; i < 600; i++) {
    if ((await indexedBlock(url)) >= head) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the indexer at ${url} did not reach block ${head} within 60 s`);
}

function clients(indexerUrl: string) {
  const publicClient = createPublicClient({ chain: hardhat, transport: http(chain.rpcUrl) });
  return {
    direct: createConcordClient({ publicClient, deployment: chain.deployment }),
    indexed: createConcordClient({
      publicClient,
      deployment: chain.deployment,
      indexer: { url: indexerUrl },
      reads: "indexer",
    }),
  };
}

/** Compares every list read through both paths at the current head, read by read. */
async function expectSameReads(indexerUrl: string): Promise<number> {
  await caughtUp(indexerUrl);
  const { direct, indexed } = clients(indexerUrl);
  const [viaRpc, viaIndexer] = [await everyListRead(direct), await everyListRead(indexed)];
  expect(Object.keys(viaIndexer)).toEqual(Object.keys(viaRpc));
  for (const key of Object.keys(viaRpc)) expect(viaIndexer[key], key).toEqual(viaRpc[key]);
  return Object.keys(viaRpc).length;
}

beforeAll(async () => {
  chain = await startLocalChain();
  await seedDemo(chain.rpcUrl, chain.deployment);
  const outcome = await randomOperations(prng(SEED), OPERATIONS);
  // A sequence where (almost) everything is refused would compare little.
  expect(outcome.done).toBeGreaterThan(OPERATIONS / 2);
}, 600_000);

afterAll(async () => {
  await chain?.stop();
});

describe("indexer on PGlite", () => {
  it("returns what direct reads return, follows new events live, resumes after a restart", async () => {
    const logs: string[] = [];
    const pgliteDirectory = (await import("node:fs/promises")).mkdtemp(
      (await import("node:path")).join((await import("node:os")).tmpdir(), "concord-pglite-"),
    );
    const dir = await pgliteDirectory;
    let indexer = await startChainIndexer(chain, { pgliteDirectory: dir, onLog: (line) => logs.push(line) });
    try {
      await indexer.ready();
      const compared = await expectSameReads(indexer.url);
      expect(compared).toBeGreaterThan(50);
      // The agreements list refuses a parameter it cannot read, naming the value (the SDK checks them first).
      for (const [query, words] of [
        ["order=sideways", "order must be asc or desc, got sideways"],
        ["excludeAmendments=yes", "excludeAmendments must be true or false, got yes"],
        ["stewardedBy=0x12", "stewardedBy must be an address, got 0x12"],
        ["cursor=1:2", "cursor must be a decimal integer, got 1:2"],
      ] as const) {
        const response = await fetch(`${indexer.url}/concord/agreements?${query}`);
        expect(response.status, query).toBe(400);
        expect(((await response.json()) as { error: string }).error).toBe(words);
      }

      // Live: new events on every module show through the indexer.
      await randomOperations(prng(SEED + 1), 12);
      await expectSameReads(indexer.url);

      // "auto" takes the indexer while it is caught up.
      const auto = createConcordClient({
        publicClient: createPublicClient({ chain: hardhat, transport: http(chain.rpcUrl) }),
        deployment: chain.deployment,
        indexer: { url: indexer.url },
      });
      expect((await getReadPath(auto)).path).toBe("indexer");

      // Read your own writes: a cell created through a client is in that client's indexer reads at once (the
      // read waits for the indexer to index the write's block; without the wait it was missing 5 times of 5).
      const publicClient = createPublicClient({ chain: hardhat, transport: http(chain.rpcUrl) });
      const writer = createConcordClient({
        publicClient,
        deployment: chain.deployment,
        walletClient: createWalletClient({
          chain: hardhat,
          transport: http(chain.rpcUrl),
          account: privateKeyToAccount(DEV_ACCOUNTS[0]!.privateKey),
        }),
        // A loaded machine may index slowly: a strict client waits up to a minute rather than read stale.
        indexer: { url: indexer.url, freshnessMs: 60_000 },
        reads: "indexer",
      });
      const { cellId } = await writer.cells.createCell({ parentId: 0n, name: "Fresh" });
      const fresh = await writer.cells.listCells({ cursor: String(cellId - 1n), limit: 1 });
      expect(fresh.items.map((cell) => [cell.id, cell.name])).toEqual([[cellId, "Fresh"]]);

      // Restart on the same database: Ponder recovers from its checkpoint instead of indexing from scratch.
      await indexer.stop();
      await randomOperations(prng(SEED + 2), 6);
      logs.length = 0;
      indexer = await startChainIndexer(chain, { pgliteDirectory: dir, onLog: (line) => logs.push(line) });
      await indexer.ready();
      expect(logs.some((line) => line.includes("Detected crash recovery"))).toBe(true);
      await expectSameReads(indexer.url);

      // A stopped indexer: "auto" falls back to direct reads.
      await indexer.stop();
      const fallback = createConcordClient({
        publicClient: createPublicClient({ chain: hardhat, transport: http(chain.rpcUrl) }),
        deployment: chain.deployment,
        indexer: { url: indexer.url },
      });
      expect((await getReadPath(fallback)).path).toBe("rpc");
      expect(await fallback.cells.listCells()).toEqual(await clients(indexer.url).direct.cells.listCells());
    } finally {
      await indexer.cleanup();
      await (await import("node:fs/promises")).rm(dir, { recursive: true, force: true });
    }
  }, 900_000);
});

describe("indexer on PostgreSQL", () => {
  let postgres: TestPostgres | undefined;
  afterAll(async () => {
    await postgres?.stop();
  });

  it("returns what direct reads return, and drops the events of blocks a reorg removed", async () => {
    postgres = await startTestPostgres();
    const indexer = await startChainIndexer(chain, { databaseUrl: postgres.url });
    try {
      await indexer.ready();
      await expectSameReads(indexer.url);

      // A reorg: a state is declared in a block that a revert then replaces with longer, different blocks.
      const snapshot = await rpc<string>(chain.rpcUrl, "evm_snapshot");
      await chain.as(0).cells.declareState({ cellId: 1n, state: "this block will be reorged away" });
      await caughtUp(indexer.url);
      const { indexed } = clients(indexer.url);
      expect((await indexed.cells.getActivity({ cellId: 1n, limit: 1 }))[0]).toMatchObject({
        state: "this block will be reorged away",
      });
      await rpc(chain.rpcUrl, "evm_revert", [snapshot]);
      await chain.advance(1);
      await chain.advance(1);
      await chain.as(0).cells.declareState({ cellId: 1n, state: "the canonical chain" });
      await caughtUp(indexer.url);
      const feed = await indexed.cells.getActivity({ cellId: 1n });
      expect(feed[0]).toMatchObject({ state: "the canonical chain" });
      expect(feed.some((entry) => entry.kind === "state" && entry.state.includes("reorged away"))).toBe(
        false,
      );
      await expectSameReads(indexer.url);
    } finally {
      await indexer.cleanup();
    }
  }, 900_000);
});
