/**
 * The SDK's examples (sdk/examples), each run against a local chain: read a cell, agreements by signature (an EOA
 * and a Safe), an agent that coordinates through a lease (and stops cleanly), a new chain, a Safe transaction built
 * from a prepare action, a React component.
 */
import { readFile } from "node:fs/promises";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { getAddress } from "viem";
import type { Address } from "viem";
import { beforeAll, describe, expect, it } from "vitest";

import { CellPage } from "../../sdk/examples/CellCard.tsx";
import { acknowledgeBySignatures } from "../../sdk/examples/agreements-by-signature.ts";
import { runLeaseAgent } from "../../sdk/examples/lease-agent.ts";
import { deployOnNewChain } from "../../sdk/examples/new-chain.ts";
import type { Artifact } from "../../sdk/examples/new-chain.ts";
import { readCell } from "../../sdk/examples/read-cell.ts";
import { setPhaseThroughSafe } from "../../sdk/examples/safe-transaction.ts";
import {
  AgreementStatus,
  LeaseWaitAbortedError,
  Phase,
  Roles,
  createConcordBaseClient,
} from "../../sdk/index.ts";
import { getCellQueryOptions } from "../../sdk/react/index.ts";
import { createLeasesChain } from "./leases.fixture.ts";
import type { LeasesChain } from "./leases.fixture.ts";
import { createSafe, deploySafeInfrastructure } from "./safe.ts";

let chain: LeasesChain;
beforeAll(async () => {
  chain = await createLeasesChain();
});

async function artifact(module: string, name: string): Promise<Artifact> {
  const url = new URL(`../../artifacts/contracts/${module}/${name}.sol/${name}.json`, import.meta.url);
  return JSON.parse(await readFile(url, "utf8")) as Artifact;
}

describe("sdk/examples", () => {
  it("read-cell.ts reads a cell with a wallet-less client", async () => {
    const { addresses } = await chain.fixture();
    const cell = await readCell({ publicClient: chain.publicClient, cellId: 1n, addresses });
    expect(cell.name).toBe("ops");
    expect(cell.memberCount).toBe(5);
  });

  it("lease-agent.ts waits its turn, renews between steps and releases on exit", async () => {
    const { alice, bob, resourceId } = await chain.fixture();
    await alice.leases.acquireLease({ resourceId, duration: 600n });
    const tokens: bigint[] = [];
    const expiries: bigint[] = [];
    const step = async (token: bigint) => {
      tokens.push(token);
      expiries.push((await bob.leases.leaseOf({ resourceId })).expiresAt);
    };
    const agent = runLeaseAgent({
      concord: bob,
      resourceId,
      leaseSeconds: 300n,
      steps: [step, step],
      pollIntervalMs: 20,
    });
    // The agent queues behind alice; her release hands it the resource.
    while ((await bob.leases.queueOf({ resourceId })).length === 0)
      await new Promise((r) => setTimeout(r, 20));
    await alice.leases.releaseLease({ resourceId });
    const token = await agent;

    expect(tokens).toEqual([token, token]);
    expect(expiries[1]).toBeGreaterThan(expiries[0]!); // renewed before the second step
    expect((await bob.leases.leaseOf({ resourceId })).holder).toBeNull(); // released on exit
  });

  it("lease-agent.ts releases the lease when a step fails", async () => {
    const { carol, resourceId } = await chain.fixture();
    const failing = runLeaseAgent({
      concord: carol,
      resourceId,
      leaseSeconds: 300n,
      steps: [() => Promise.reject(new Error("disk full"))],
    });
    await expect(failing).rejects.toThrow("disk full");
    expect((await carol.leases.leaseOf({ resourceId })).holder).toBeNull();
  });

  it("lease-agent.ts stopped while it waits leaves the queue; stopped mid-work it skips the rest and releases", async () => {
    const { alice, carol, resourceId } = await chain.fixture();
    await alice.leases.acquireLease({ resourceId, duration: 600n });
    // 1. Told to stop while queued behind alice: it gives its place up (the queue does not wait on it) and holds
    // nothing.
    const waiting = new AbortController();
    const queued = runLeaseAgent({
      concord: carol,
      resourceId,
      leaseSeconds: 300n,
      steps: [() => Promise.reject(new Error("must not run"))],
      signal: waiting.signal,
      pollIntervalMs: 20,
    });
    const carolAddress = carol.walletClient!.account!.address;
    for (let polls = 0; (await carol.leases.queueOf({ resourceId })).length === 0; polls++) {
      expect(polls, "the agent joined the queue").toBeLessThan(500);
      await new Promise((r) => setTimeout(r, 20));
    }
    waiting.abort(new Error("shutting down"));
    const stopped = await queued.then(
      () => null,
      (error: unknown) => error,
    );
    expect(stopped).toBeInstanceOf(LeaseWaitAbortedError);
    expect(stopped).toMatchObject({ resourceId, leftQueue: true });
    expect((await carol.leases.queueOf({ resourceId })).map((entry) => entry.account)).not.toContain(
      carolAddress,
    );
    expect((await carol.leases.leaseOf({ resourceId })).holder).toBe(
      getAddress(alice.walletClient!.account!.address),
    );

    // 2. Told to stop during its first step: the second step never runs and the lease is released.
    await alice.leases.releaseLease({ resourceId });
    const working = new AbortController();
    const ran: string[] = [];
    const agent = runLeaseAgent({
      concord: carol,
      resourceId,
      leaseSeconds: 300n,
      steps: [
        async () => {
          ran.push("first");
          working.abort(new Error("shutting down"));
        },
        async () => {
          ran.push("second");
        },
      ],
      signal: working.signal,
    });
    await expect(agent).rejects.toThrow("shutting down");
    expect(ran).toEqual(["first"]);
    expect((await carol.leases.leaseOf({ resourceId })).holder).toBeNull();
  });

  it("new-chain.ts deploys the contracts and builds a client on explicit addresses", async () => {
    const { concord, addresses } = await deployOnNewChain({
      publicClient: chain.publicClient,
      walletClient: chain.walletClients[0]!,
      artifacts: {
        CellRegistry: await artifact("cells", "CellRegistry"),
        AgreementRegistry: await artifact("agreements", "AgreementRegistry"),
        ResourceLeases: await artifact("leases", "ResourceLeases"),
      },
    });
    expect(concord.addresses).toMatchObject(addresses);
    const { cellId } = await concord.cells.createCell({ name: "Founders" });
    const { resourceId } = await concord.leases.registerResource({
      ownerCellId: cellId,
      name: "ci",
      maxDuration: 600n,
    });
    expect((await concord.cells.listCells()).items).toHaveLength(1);
    expect((await concord.leases.getResourceInfo({ resourceId })).ownerCellId).toBe(cellId);
    expect(await concord.agreements.agreementCount()).toBe(0n);
  });

  it("safe-transaction.ts sets a phase through a Safe, prepared as the Safe", async () => {
    const { steward, addresses } = await chain.fixture();
    const owner = chain.walletClients[9]!;
    const infra = await deploySafeInfrastructure(chain.publicClient, chain.walletClients[0]!);
    const safe: Address = await createSafe(infra, { owners: [owner.account.address], threshold: 1 });
    await steward.cells.addMember({ cellId: 3n, account: safe, roles: Roles.MEMBER | Roles.STEWARD });
    const concord = createConcordBaseClient({ publicClient: chain.publicClient, addresses });

    await setPhaseThroughSafe({ concord, safe, owner, cellId: 3n, phase: "commitment" });
    expect(await steward.cells.phaseOf({ cellId: 3n })).toBe(Phase.COMMITMENT);
  });

  it("agreements-by-signature.ts: an EOA and a 2-of-2 Safe acknowledge by signature, one relayed transaction", async () => {
    const startBlock = (await chain.publicClient.getBlockNumber()) + 1n;
    const cells = await chain.viem.deployContract("CellRegistry", [chain.accounts[0]!]);
    const registry = await chain.viem.deployContract("AgreementRegistry", [cells.address]);
    const { as } = chain.clientsFor(
      { cellRegistry: cells.address, agreementRegistry: registry.address },
      startBlock,
    );
    const infra = await deploySafeInfrastructure(chain.publicClient, chain.walletClients[0]!);
    const owners = [chain.walletClients[8]!, chain.walletClients[9]!];
    const safe = await createSafe(infra, {
      owners: owners.map((owner) => owner.account.address),
      threshold: 2,
      saltNonce: 7n,
    });
    const eoa = chain.walletClients[2]!;
    const { agreementId } = await as(1).agreements.proposeAgreement({
      accounts: [eoa.account.address, safe],
      title: "Shared on-call rota",
      terms: "Shared on-call rota",
      termsURI: "https://example.org/rota.md",
    });

    const result = await acknowledgeBySignatures({
      relayer: as(0),
      agreementId,
      eoa,
      safe: { address: safe, owners },
      deadline: (await chain.now()) + 3_600n,
    });
    expect(result.skipped).toEqual([]);
    expect(result.acknowledgements.map((entry) => entry.by)).toEqual([getAddress(eoa.account.address), safe]);
    expect(await as(0).agreements.agreementStatusOf({ agreementId })).toBe(AgreementStatus.ACTIVE);
  });

  it("CellCard.tsx renders a cell read from the chain", async () => {
    const { steward } = await chain.fixture();
    const queryClient = new QueryClient();
    await queryClient.prefetchQuery(getCellQueryOptions(steward, { cellId: 1n }));
    const html = renderToString(
      createElement(
        QueryClientProvider,
        { client: queryClient },
        createElement(CellPage, { concord: steward, cellId: 1n }),
      ),
    );
    expect(html).toBe(
      "<article><h2>ops</h2><p>5<!-- --> <!-- -->members<!-- -->, phase <!-- -->0</p></article>",
    );
  });

  it("CellCard.tsx shows a refused read in the SDK's words, and a pending one as loading", async () => {
    const { steward } = await chain.fixture();
    // retryOnMount: false, or the render would show the refetch of the failed read (pending) instead of its error.
    const queryClient = new QueryClient({
      defaultOptions: { queries: { retry: false, retryOnMount: false } },
    });
    await queryClient.prefetchQuery(getCellQueryOptions(steward, { cellId: 999n }));
    const render = (cellId: bigint) =>
      renderToString(
        createElement(
          QueryClientProvider,
          { client: queryClient },
          createElement(CellPage, { concord: steward, cellId }),
        ),
      );
    const refused = render(999n);
    expect(refused).toMatch(/^<p role="alert">.*999.*<\/p>$/);
    expect(refused).not.toMatch(/0x[0-9a-f]{8}|execution reverted/i);
    // Nothing fetched for cell 2: a server render shows the loading line.
    expect(render(2n)).toBe("<p>Loading cell <!-- -->2<!-- -->…</p>");
  });
});
