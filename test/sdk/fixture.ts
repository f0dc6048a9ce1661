/**
 * Test fixture for the SDK: one in-process Hardhat chain (EDR) per test file, a fresh CellRegistry per
 * test, and Concord clients for each dev account.
 */
import { network } from "hardhat";
import { createPublicClient, custom, getAddress } from "viem";
import type { Address, Hash } from "viem";
import { getTransactionCount } from "viem/actions";

import { installMulticall3 } from "../../scripts/multicall3.ts";
import { createConcordClient, MULTICALL3_ADDRESS } from "../../sdk/index.ts";
import type { ConcordClient, CreateConcordClientParameters } from "../../sdk/index.ts";

/** Opens a new in-process chain. Call once per test file (in `beforeAll`), then `deploy()` per test. */
export async function createTestChain() {
  const connection = await network.create();
  const { viem, networkHelpers, provider } = connection;
  const publicClient = await viem.getPublicClient();
  const walletClients = await viem.getWalletClients();
  const accounts = walletClients.map((client) => getAddress(client.account.address));

  /** A Concord client per account (sending from it) and a read-only one, on a deployment's addresses. */
  function clientsFor(addresses: CreateConcordClientParameters["addresses"], startBlock: bigint) {
    const clients = walletClients.map((walletClient) =>
      createConcordClient({ publicClient, walletClient, addresses, startBlock }),
    );
    return {
      clients,
      /** Concord client sending from account `i`. */
      as: (i: number): ConcordClient => clients[i]!,
      concord: clients[0]!,
      readOnly: createConcordClient({ publicClient, addresses, startBlock }),
    };
  }

  /** Deploys a fresh registry (governance: account 0) and returns a Concord client per account. */
  async function deploy(options: { governance?: Address } = {}) {
    const startBlock = (await publicClient.getBlockNumber()) + 1n;
    const registry = await viem.deployContract("CellRegistry", [options.governance ?? accounts[0]!]);
    const address = getAddress(registry.address);
    const { as, concord, readOnly } = clientsFor({ cellRegistry: address }, startBlock);
    return { address, startBlock, registry, as, concord, readOnly };
  }

  /**
   * A public client over the same chain that records every JSON-RPC method it sends. With `multicall3`, the chain
   * gets Multicall3 at its canonical address and the client knows it, as `npm start`'s chain and the app do.
   */
  async function countingPublicClient(options: { multicall3?: boolean } = {}) {
    const methods: string[] = [];
    const chainWithMulticall3 = options.multicall3
      ? await (async () => {
          await installMulticall3((args) => provider.request(args as Parameters<typeof provider.request>[0]));
          return { ...publicClient.chain, contracts: { multicall3: { address: MULTICALL3_ADDRESS } } };
        })()
      : undefined;
    const client = await viem.getPublicClient({
      ...(chainWithMulticall3 ? { chain: chainWithMulticall3 } : {}),
      transport: custom({
        request: (args: { method: string; params?: unknown }) => {
          methods.push(args.method);
          return provider.request(args as Parameters<typeof provider.request>[0]);
        },
      }),
    });
    return { client, methods };
  }

  /** The latest block's timestamp. */
  async function now(): Promise<bigint> {
    return BigInt(await networkHelpers.time.latest());
  }

  /** Nonce of an account (to prove that nothing was sent). */
  async function nonceOf(account: Address): Promise<number> {
    return getTransactionCount(publicClient, { address: account });
  }

  /** Waits until `count` transactions are pending in the mempool (automine off). */
  async function waitForPending(hashes: Hash[], count: number): Promise<void> {
    for (let i = 0; i < 400 && hashes.length < count; i++) await new Promise((r) => setTimeout(r, 5));
    if (hashes.length < count)
      throw new Error(`only ${hashes.length} of ${count} transactions were submitted`);
  }

  return {
    connection,
    provider,
    networkHelpers,
    viem,
    publicClient,
    walletClients,
    accounts,
    clientsFor,
    deploy,
    countingPublicClient,
    now,
    nonceOf,
    waitForPending,
  };
}

export type TestChain = Awaited<ReturnType<typeof createTestChain>>;
export type Deployed = Awaited<ReturnType<TestChain["deploy"]>>;

/**
 * Runs `promise`, which must reject, and returns the rejection.
 *
 * @example
 * const error = await rejection(concord.cells.leaveCell({ cellId: 9n }));
 */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the promise to reject");
}

/**
 * Every page of a paged read, in order, following `next` from the first page (at most `maxPages`: a read that
 * never ends its pages fails the test instead of hanging it).
 *
 * @example
 * const pages = await walkPages((cursor) => concord.leases.listResources({ limit: 3, cursor }));
 */
export async function walkPages<page extends { next: string | null }>(
  read: (cursor: string | null) => Promise<page>,
  maxPages = 100,
): Promise<page[]> {
  const pages: page[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < maxPages; i++) {
    const page = await read(cursor);
    pages.push(page);
    if (page.next === null) return pages;
    cursor = page.next;
  }
  throw new Error(`more than ${maxPages} pages`);
}

/**
 * A read-only Concord client on a deployment whose transport records what it sends: `methods`, every JSON-RPC
 * method (the counts the pages tests assert), and `requests`, each request with its parameters. With
 * `multicall3`, the chain has Multicall3 at its canonical address and the client knows it, as `npm start`'s chain
 * and the app do; `indexer` and `reads` pass to `createConcordClient`. `reset()` empties both records.
 *
 * @example
 * const { concord, methods, reset } = await countingConcordClient(chain, deployment, { multicall3: true });
 * await concord.leases.getResources({ limit: 20 });
 * expect([...methods].sort()).toEqual(["eth_call", "eth_getLogs"]);
 */
export async function countingConcordClient(
  chain: Pick<TestChain, "countingPublicClient">,
  deployment: { addresses: CreateConcordClientParameters["addresses"]; startBlock: bigint },
  options: { multicall3?: boolean } & Pick<CreateConcordClientParameters, "indexer" | "reads"> = {},
) {
  const { multicall3, ...parameters } = options;
  const { client, methods } = await chain.countingPublicClient({ multicall3 });
  const requests: { method: string; params?: unknown }[] = [];
  // Every request of every action passes this transport (viem's actions may bypass a wrapped `request`).
  const publicClient = createPublicClient({
    chain: client.chain,
    transport: custom({
      request: (args: { method: string; params?: unknown }) => {
        requests.push(args);
        return client.request(args as never);
      },
    }),
  });
  const concord = createConcordClient({
    publicClient,
    addresses: deployment.addresses,
    startBlock: deployment.startBlock,
    ...parameters,
  });
  const reset = () => {
    methods.length = 0;
    requests.length = 0;
  };
  reset();
  return { concord, methods, requests, reset };
}
