/**
 * The members' app's dashboard through the indexer (app/src/data/indexer.ts) against a real indexer on PGlite
 * following a local chain with the demo seeded: it shows what the direct loaders show (cells and the viewer's
 * standing, join requests, states, intents, agreements, resources, proposals and their live state), in one
 * request to the indexer and one batched read of the chain.
 */
import { createPublicClient, custom, getAddress, http } from "viem";
import type { EIP1193RequestFn } from "viem";
import { hardhat } from "viem/chains";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  planDaoState,
  planDirectory,
  loadDaoEvents,
  loadDaoState,
  loadDirectory,
} from "../../app/src/data/loaders.ts";
import { loadDashboardFromIndexer } from "../../app/src/data/indexer.ts";
import type { IndexerTools } from "../../app/src/data/indexer.ts";
import { indexedBlock } from "../../indexer/start.ts";
import {
  ConcordError,
  MULTICALL3_ADDRESS,
  createConcordClient,
  readBatchLimits,
  readBatchSettled,
} from "../../sdk/index.ts";
import { DEV_ACCOUNTS, seedDemo } from "../../scripts/seed.ts";
import { rpc } from "../utils/localNode.ts";
import { startChainIndexer, startLocalChain } from "./chain.ts";
import type { LocalChain } from "./chain.ts";

const tools: IndexerTools = { getAddress, readBatchSettled, planDirectory, planDaoState, ConcordError };
const dave = DEV_ACCOUNTS[3]!.address;

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

describe("the app's dashboard through the indexer", () => {
  it("shows what direct reads show, in one indexer request and one batched read of the chain", async () => {
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
    const concord = createConcordClient({ publicClient, deployment: chain.deployment });
    const fetched: string[] = [];
    const countingFetch: typeof fetch = (input, init) => {
      fetched.push(String(input));
      return fetch(input, init);
    };

    const indexed = await loadDashboardFromIndexer(tools, concord, indexer.url, dave, [], countingFetch);
    expect(fetched.map((url) => new URL(url).pathname)).toEqual(["/concord/dashboard"]);
    // The live values: Multicall3 batches of at most readBatchLimits.callsPerBatch calls each, nothing else
    // (no log scan). As Dave (connected), the demo's batch is some 500 calls: a few eth_calls.
    const calls =
      planDirectory(
        concord,
        indexed.directory.cells.map((cell) => ({ ...cell, createdBlock: 0n })),
        dave,
      ).calls.length + planDaoState(concord, indexed.events, dave).calls.length;
    expect(rpcMethods).toEqual(
      Array.from({ length: Math.ceil(calls / readBatchLimits.callsPerBatch) }, () => "eth_call"),
    );

    const events = await loadDaoEvents(concord);
    const directory = await loadDirectory(concord, dave);
    const state = await loadDaoState(concord, events, dave);

    expect(indexed.directory.cells).toEqual(directory.cells);
    expect(indexed.directory.standing).toEqual(directory.standing);
    expect(indexed.directory.dao.map((cell) => cell.id)).toEqual(directory.dao.map((cell) => cell.id));
    expect(indexed.events.agreements).toEqual(events.agreements);
    expect(indexed.events.resources).toEqual(events.resources);
    expect(indexed.events.proposals).toEqual(events.proposals);
    const byKey = <entry extends { cellId: bigint; account?: string; member?: string }>(list: entry[]) =>
      [...list].sort((a, b) =>
        `${a.cellId}:${a.account ?? a.member}`.localeCompare(`${b.cellId}:${b.account ?? b.member}`),
      );
    expect(byKey(indexed.events.pendingJoins)).toEqual(byKey(events.pendingJoins));
    expect(byKey(indexed.events.states)).toEqual(byKey(events.states));
    expect(
      indexed.events.intents.map((intent) => [intent.cellId, intent.member, intent.intent, intent.at]),
    ).toEqual(events.intents.map((intent) => [intent.cellId, intent.member, intent.intent, intent.at]));
    expect(indexed.state.agreements).toEqual(state.agreements);
    expect(indexed.state.resources).toEqual(state.resources);
    expect(indexed.state.proposals).toEqual(state.proposals);
    // The demo has something in each, so the comparisons above compare something.
    expect(events.pendingJoins.length).toBeGreaterThan(0);
    expect(events.agreements.length).toBeGreaterThan(0);
    expect(events.proposals.length).toBeGreaterThan(0);
  });

  it("says in words when the indexer cannot answer", async () => {
    const concord = createConcordClient({
      publicClient: createPublicClient({ chain: hardhat, transport: http(chain.rpcUrl) }),
      deployment: chain.deployment,
    });
    const refused: typeof fetch = async () => new Response("nope", { status: 503 });
    await expect(loadDashboardFromIndexer(tools, concord, indexer.url, null, [], refused)).rejects.toThrow(
      /cannot serve the dashboard: \/concord\/dashboard answered 503/,
    );
    // An older indexer whose dashboard lacks the lists the app needs.
    const older: typeof fetch = async () =>
      Response.json({ cells: { items: [], next: null }, resources: { items: [], next: null } });
    await expect(loadDashboardFromIndexer(tools, concord, indexer.url, null, [], older)).rejects.toThrow(
      /older than this app/,
    );
  });
});
