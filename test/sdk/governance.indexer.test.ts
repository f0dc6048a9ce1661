/**
 * The governance pages through the indexer (issue 12), on the demo network (every stage of a proposal: executed,
 * executable, vetoed, defeated, in its veto window, carried, voting): the proposals page and a proposal's page
 * in TWO requests each — one indexer request, one `eth_call` that carries the block — with the same values as
 * direct reads; a write finds its proposal in one indexer request and refuses an unknown id; and the gas of the
 * live reads batched by `GOVERNANCE_CALLS_PER_BATCH`, measured call by call with `eth_estimateGas`.
 */
import {
  createPublicClient,
  createWalletClient,
  custom,
  decodeFunctionData,
  http,
  multicall3Abi,
} from "viem";
import type { Address, EIP1193RequestFn, Hex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { hardhat } from "viem/chains";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { indexedBlock } from "../../indexer/start.ts";
import {
  GOVERNANCE_CALLS_PER_BATCH,
  InvalidInputError,
  MULTICALL3_ADDRESS,
  createConcordClient,
  readBatchLimits,
} from "../../sdk/index.ts";
import type { ConcordClient, Proposal } from "../../sdk/index.ts";
import { DEV_ACCOUNTS, seedDemo } from "../../scripts/seed.ts";
import { rpc } from "../utils/localNode.ts";
import { startChainIndexer, startLocalChain } from "../indexer/chain.ts";
import type { LocalChain } from "../indexer/chain.ts";
import { rejection } from "./fixture.ts";

const alice = DEV_ACCOUNTS[0]!;
const carol = DEV_ACCOUNTS[2]!;

let chain: LocalChain;
let indexer: Awaited<ReturnType<typeof startChainIndexer>>;

async function caughtUp(): Promise<void> {
  const head = Number(BigInt(await rpc<string>(chain.rpcUrl, "eth_blockNumber")));
  for (let i = 0; i < 1200 && (await indexedBlock(indexer.url)) < head; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(await indexedBlock(indexer.url)).toBeGreaterThanOrEqual(head);
}

beforeAll(async () => {
  chain = await startLocalChain();
  await seedDemo(chain.rpcUrl, chain.deployment);
  const logs: string[] = [];
  indexer = await startChainIndexer(chain, { onLog: (line) => logs.push(line) });
  await indexer.ready(300_000).catch((error: unknown) => {
    throw new Error(`the indexer did not get ready: ${String(error)}\n${logs.slice(-30).join("\n")}`);
  });
  await caughtUp();
}, 600_000);

afterAll(async () => {
  await indexer?.cleanup();
  await chain?.stop();
});

/**
 * Two clients on the demo chain, as the app's (Multicall3 at its canonical address): through the indexer and
 * direct; every JSON-RPC request and every indexer request recorded. `sender`: the dev account that writes.
 */
function clients(sender?: number) {
  const rpcRequests: { method: string; params: unknown }[] = [];
  const fetched: URL[] = [];
  const transport = http(chain.rpcUrl);
  const publicClient = createPublicClient({
    chain: { ...hardhat, contracts: { multicall3: { address: MULTICALL3_ADDRESS } } },
    transport: custom({
      request: (async (args) => {
        rpcRequests.push({ method: args.method, params: args.params });
        return transport({ chain: hardhat }).request(args);
      }) as EIP1193RequestFn,
    }),
  });
  const walletClient =
    sender === undefined
      ? undefined
      : createWalletClient({
          chain: hardhat,
          transport,
          account: privateKeyToAccount(DEV_ACCOUNTS[sender]!.privateKey),
        });
  const countingFetch: typeof fetch = (input, init) => {
    fetched.push(new URL(String(input)));
    return fetch(input, init);
  };
  const indexed = createConcordClient({
    publicClient,
    walletClient,
    deployment: chain.deployment,
    indexer: { url: indexer.url, fetch: countingFetch },
    reads: "indexer",
  });
  const direct = createConcordClient({ publicClient, walletClient, deployment: chain.deployment });
  const methods = () => rpcRequests.map((r) => r.method).filter((m) => m !== "eth_chainId");
  const reset = () => {
    rpcRequests.length = 0;
    fetched.length = 0;
  };
  return { indexed, direct, rpcRequests, fetched, methods, reset };
}

/** A proposal without the time it was read at (two reads a moment apart differ only there). */
function withoutNow(proposal: Proposal): Omit<Proposal, "now"> {
  const { now: _now, ...rest } = proposal;
  return rest;
}

/** Resolves the governance contracts once (not a page's request). */
async function warm(concord: ConcordClient): Promise<void> {
  await concord.governance.getGovernanceContracts();
}

describe("the proposals page through the indexer", () => {
  it("is 2 requests (the page, ONE eth_call with the block), with a viewer, and equals direct reads", async () => {
    const { indexed, direct, fetched, methods, reset } = clients();
    await warm(indexed);
    reset();
    const page = await indexed.governance.listProposals({ limit: 20, account: alice.address });
    expect(fetched.map((url) => url.pathname)).toEqual(["/concord/proposals"]);
    expect(methods()).toEqual(["eth_call"]);
    expect(page.items.length).toBeGreaterThan(5);
    const stages = new Set(page.items.map((p) => p.stage));
    for (const stage of ["executed", "vetoed", "operationalVote", "communityVote"] as const)
      expect(stages.has(stage), stage).toBe(true);

    reset();
    const viaRpc = await direct.governance.listProposals({ limit: 20, account: alice.address });
    expect(methods()).toEqual(["eth_getLogs", "eth_call"]);
    expect(page.items.map(withoutNow)).toEqual(viaRpc.items.map(withoutNow));
    expect(page.next).toBe(viaRpc.next);
  });
});

describe("a proposal's page through the indexer", () => {
  it("is 2 requests (the proposal with its first ballots, ONE eth_call) and equals direct reads", async () => {
    const { indexed, direct, fetched, methods, reset } = clients();
    await warm(indexed);
    const proposals = (await indexed.governance.listProposals({ limit: 500 })).items;
    // The proposal with the most ballots, and every other one too.
    for (const { id } of proposals) {
      reset();
      const read = await indexed.governance.getProposalWithBallots({
        proposalId: id,
        account: carol.address,
        ballots: { limit: 2 },
      });
      expect(fetched.map((url) => url.pathname)).toEqual([`/concord/proposals/${id}`]);
      expect(fetched[0]!.searchParams.get("limit")).toBe("2");
      expect(methods()).toEqual(["eth_call"]);
      const viaRpc = await direct.governance.getProposalWithBallots({
        proposalId: id,
        account: carol.address,
        ballots: { limit: 2 },
      });
      expect(withoutNow(read.proposal), `proposal ${id}`).toEqual(withoutNow(viaRpc.proposal));
      expect(read.ballots, `ballots of ${id}`).toEqual(viaRpc.ballots);
      // "Next" goes on from the page's cursor, on either path.
      if (read.ballots.next) {
        const more = await indexed.governance.getProposalBallots({
          proposalId: id,
          cursor: read.ballots.next,
        });
        expect(more).toEqual(
          await direct.governance.getProposalBallots({ proposalId: id, cursor: read.ballots.next }),
        );
      }
    }
    expect(proposals.some((p) => p.stage === "vetoed")).toBe(true);
  });

  it("an id the indexer does not know: the chain decides (one eth_call, no scan) and the error names it", async () => {
    const { indexed, fetched, methods, reset } = clients();
    await warm(indexed);
    reset();
    const unknown = await rejection(indexed.governance.getProposalWithBallots({ proposalId: 77n }));
    expect(unknown).toBeInstanceOf(InvalidInputError);
    expect((unknown as InvalidInputError).shortMessage).toBe(
      "Invalid proposalId: no house has a proposal with id 77.",
    );
    expect(fetched.map((url) => url.pathname)).toEqual(["/concord/proposals/77"]);
    expect(methods()).toEqual(["eth_call"]);
    const answer = await fetch(`${indexer.url}/concord/proposals/77?limit=3`);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ creations: [], ballots: { items: [], next: null } });
    const bad = await fetch(`${indexer.url}/concord/proposals/0x4d?limit=3`);
    expect(bad.status).toBe(400);
  });
});

describe("an indexer that answers about another proposal", () => {
  it("is not believed: its creations are dropped and the chain decides", async () => {
    const { direct } = clients();
    const proposals = (await direct.governance.listProposals({ limit: 2 })).items;
    const [asked, other] = [proposals[0]!.id, proposals[1]!.id];
    // The indexer answers for `asked` with the creations (and ballots) of `other`.
    const lying: typeof fetch = async (input, init) => {
      const url = new URL(String(input));
      if (url.pathname === `/concord/proposals/${asked}`) url.pathname = `/concord/proposals/${other}`;
      return fetch(url, init);
    };
    const indexed = createConcordClient({
      publicClient: direct.publicClient,
      deployment: chain.deployment,
      indexer: { url: indexer.url, fetch: lying },
      reads: "indexer",
    });
    const read = await indexed.governance.getProposalWithBallots({ proposalId: asked });
    const truth = await direct.governance.getProposalWithBallots({ proposalId: asked });
    expect(read.proposal.id).toBe(asked);
    expect(withoutNow(read.proposal)).toEqual(withoutNow(truth.proposal));
    expect(read.ballots).toEqual(truth.ballots);
  });
});

describe("governance writes through the indexer", () => {
  it("find their proposal in one indexer request (no eth_getLogs) and refuse an unknown id naming it", async () => {
    const { indexed, fetched, rpcRequests, reset } = clients(0);
    await warm(indexed);
    const ready = (await indexed.governance.listProposals({ stage: "executable" })).items[0];
    expect(ready, "the demo has an executable proposal").toBeDefined();
    reset();
    const executed = await indexed.governance.executeProposal({ proposalId: ready!.id });
    expect(executed.proposalId).toBe(ready!.id);
    expect(fetched.map((url) => `${url.pathname}?id=${url.searchParams.get("id")}`)).toEqual([
      `/concord/proposals?id=${ready!.id}`,
    ]);
    expect(rpcRequests.filter((r) => r.method === "eth_getLogs")).toEqual([]);
    await caughtUp();
    expect((await indexed.governance.getProposal({ proposalId: ready!.id })).stage).toBe("executed");

    reset();
    for (const write of [
      () => indexed.governance.cancelProposal({ proposalId: 77n }),
      () => indexed.governance.queueProposal({ proposalId: 77n }),
      () => indexed.governance.carryProposal({ proposalId: 77n }),
    ]) {
      const error = await rejection(write());
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).shortMessage).toMatch(/no house has a proposal with id 77\.$/);
    }
    expect(rpcRequests.filter((r) => r.method === "eth_getLogs")).toEqual([]);
    expect(rpcRequests.filter((r) => r.method === "eth_sendRawTransaction")).toEqual([]);
  });
});

describe("the gas of the governance live reads", () => {
  it("a full batch of the dearest call fits one eth_call's gas cap (GOVERNANCE_CALLS_PER_BATCH)", async () => {
    const { indexed, rpcRequests, reset } = clients();
    await warm(indexed);
    reset();
    // The dearest page: every proposal with a viewer who voted, overrode and vetoed (Carol).
    await indexed.governance.listProposals({ limit: 500, account: carol.address });
    const batch = rpcRequests.find((r) => r.method === "eth_call")!.params as [{ data: Hex }, string];
    const { args } = decodeFunctionData({ abi: multicall3Abi, data: batch[0].data });
    const calls = args[0] as readonly { target: Address; callData: Hex }[];
    expect(calls.length).toBeGreaterThan(40);
    // A read at a snapshot not yet passed (a pending proposal's quorum, say) reverts at once (ERC-5805's or the
    // cell registry's future lookup; the SDK drops its value): eth_estimateGas refuses it; left out here.
    const measured = await Promise.all(
      calls.map(async (call) => {
        try {
          const estimate = await rpc<string>(chain.rpcUrl, "eth_estimateGas", [
            { to: call.target, data: call.callData },
          ]);
          // What the call itself costs: the estimate less the transaction's 21,000 and its calldata.
          const bytes = call.callData.slice(2).match(/../g)!;
          const calldata = bytes.reduce((sum, byte) => sum + (byte === "00" ? 4 : 16), 0);
          return [
            { selector: call.callData.slice(0, 10), gas: Number(BigInt(estimate)) - 21_000 - calldata },
          ];
        } catch (error) {
          expect(String(error)).toMatch(/(ERC5805|Cell)FutureLookup/);
          return [];
        }
      }),
    );
    const gas = measured.flat();
    expect(gas.length).toBeGreaterThan(calls.length / 2);
    const dearest = Math.max(...gas.map((entry) => entry.gas));
    // The figures, for the comment beside GOVERNANCE_CALLS_PER_BATCH.
    const bySelector = new Map<string, number>();
    for (const entry of gas)
      bySelector.set(entry.selector, Math.max(bySelector.get(entry.selector) ?? 0, entry.gas));
    console.info(
      `governance live reads: ${calls.length} calls, dearest ${dearest} gas`,
      Object.fromEntries(bySelector),
    );
    // A full batch of nothing but the dearest call fits the gas cap of one eth_call.
    expect(dearest * GOVERNANCE_CALLS_PER_BATCH).toBeLessThanOrEqual(Number(readBatchLimits.gasPerCall));
    // And the page's whole batch, as sent (one eth_call, the block's reads included), costs far less.
    const whole = await rpc<string>(chain.rpcUrl, "eth_estimateGas", [batch[0]]);
    console.info(`the whole batch: ${BigInt(whole)} gas`);
    expect(BigInt(whole)).toBeLessThan(readBatchLimits.gasPerCall / 3n);
    // A page of 20 proposals with a viewer (at most 15 calls each, the 2 guardians, the block's 2) is one batch.
    expect(20 * 15 + 4).toBeLessThanOrEqual(GOVERNANCE_CALLS_PER_BATCH);
  });
});
