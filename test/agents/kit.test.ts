/**
 * The agent kit on the in-process chain (the leases fixture: cell 1 with alice, bob, carol, dave; resource 1,
 * policy 0, maximum 1 hour, claim window 5 minutes): acquire-or-queue with a deadline, the fencing token handed
 * to the work, keep-alive renewal and its honest stop, release on exit, halt, close, signals, a shared account,
 * the relayer.
 */
import { EventEmitter } from "node:events";

import { createWalletClient, custom, getAddress } from "viem";
import { generatePrivateKey } from "viem/accounts";
import { getTransactionCount } from "viem/actions";
import { beforeAll, describe, expect, it } from "vitest";

import {
  ContractRefusalError,
  LeaseInterruptedError,
  LeaseWaitTimeoutError,
  agentAccount,
  createAcknowledgementRelayer,
  createAgent,
  createChainClock,
  createConcordClient,
  installSignalHandlers,
} from "../../sdk/index.ts";
import type { AgentEvent } from "../../sdk/index.ts";
import { rejection } from "../sdk/fixture.ts";
import { createLeasesChain } from "../sdk/leases.fixture.ts";
import type { LeasesChain } from "../sdk/leases.fixture.ts";

let chain: LeasesChain;

beforeAll(async () => {
  chain = await createLeasesChain();
});

/** Waits until `condition` holds, polling every 20 ms (at most 30 s). */
async function until(condition: () => Promise<boolean> | boolean, what: string): Promise<void> {
  for (let i = 0; i < 1500; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Resolves when `signal` aborts. */
const aborted = (signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    signal.addEventListener("abort", () => resolve(), { once: true });
  });

describe("withLease", () => {
  it("acquires a free resource, hands the chain's fencing token to the work and releases after it", async () => {
    const f = await chain.fixture();
    const events: AgentEvent[] = [];
    const agent = createAgent(f.alice, { name: "alice", onEvent: (e) => events.push(e) });
    const result = await agent.withLease(
      { resourceId: 1n, duration: 600 },
      async ({ fencingToken, expiresAt }) => {
        const lease = await f.readOnly.leases.leaseOf({ resourceId: 1n });
        expect(lease.holder).toBe(chain.names.alice);
        expect(lease.fencingToken).toBe(fencingToken);
        expect(expiresAt()).toBe(lease.expiresAt);
        return "done";
      },
    );
    expect(result).toBe("done");
    expect((await f.readOnly.leases.leaseOf({ resourceId: 1n })).holder).toBeNull();
    expect(events.map((e) => e.type).filter((t) => t !== "tx")).toEqual(["acquired", "released"]);
    expect(events.filter((e) => e.type === "tx").map((e) => (e as { action: string }).action)).toEqual([
      "acquire",
      "release",
    ]);
    expect(agent.held().size).toBe(0);
  });

  it("queues behind the holder and is served when the holder releases", async () => {
    const f = await chain.fixture();
    const clock = createChainClock(f.readOnly, { pollIntervalMs: 20 });
    await f.alice.leases.acquireLease({ resourceId: 1n, duration: 600 });
    const events: AgentEvent[] = [];
    const bob = createAgent(f.bob, { name: "bob", clock, onEvent: (e) => events.push(e) });
    const served = bob.withLease(
      { resourceId: 1n, duration: 60, deadlineMs: 60_000, maxPollMs: 50 },
      async (l) => l,
    );
    await until(
      async () => (await f.readOnly.leases.placeOf({ resourceId: 1n, account: chain.names.bob })) !== null,
      "bob queued",
    );
    await f.alice.leases.releaseLease({ resourceId: 1n });
    const lease = await served;
    expect(lease.fencingToken).toBe(2n);
    const acquired = events.find((e) => e.type === "acquired");
    expect(acquired).toMatchObject({ queued: true, recovered: false, fencingToken: 2n });
    expect(events.find((e) => e.type === "queued")).toMatchObject({ position: 0 });
    clock.stop();
  });

  it("gives up at its deadline, leaving the queue", async () => {
    const f = await chain.fixture();
    await f.alice.leases.acquireLease({ resourceId: 1n, duration: 600 });
    const bob = createAgent(f.bob, { name: "bob" });
    const error = await rejection(
      bob.withLease({ resourceId: 1n, duration: 60, deadlineMs: 1_500, maxPollMs: 100 }, async () => "never"),
    );
    expect(error).toBeInstanceOf(LeaseWaitTimeoutError);
    expect(error).toMatchObject({ leftQueue: true, holder: chain.names.alice });
    expect(await f.readOnly.leases.placeOf({ resourceId: 1n, account: chain.names.bob })).toBeNull();
  });

  it("renews while nobody waits", async () => {
    const f = await chain.fixture();
    const events: AgentEvent[] = [];
    const agent = createAgent(f.alice, { name: "alice", onEvent: (e) => events.push(e) });
    await agent.withLease(
      { resourceId: 1n, duration: 600, renewMarginSeconds: 600 },
      async ({ expiresAt }) => {
        const first = expiresAt();
        await until(() => events.some((e) => e.type === "renewed"), "a renewal");
        await chain.mineAt((await chain.now()) + 5n);
        await until(() => expiresAt() > first, "a later expiry");
      },
    );
    expect(events.filter((e) => e.type === "renewRefused")).toEqual([]);
  });

  it("stops the work when a renewal is refused because someone waits, and hands the resource over", async () => {
    const f = await chain.fixture();
    const events: AgentEvent[] = [];
    const agent = createAgent(f.alice, { name: "alice", onEvent: (e) => events.push(e) });
    const error = await rejection(
      agent.withLease({ resourceId: 1n, duration: 600, renewMarginSeconds: 600 }, async ({ signal }) => {
        await f.bob.leases.enqueueForLease({ resourceId: 1n });
        await aborted(signal);
        expect(signal.reason).toBeInstanceOf(LeaseInterruptedError);
      }),
    );
    expect(error).toBeInstanceOf(LeaseInterruptedError);
    expect(error).toMatchObject({ reason: "contended", fencingToken: 1n });
    expect((error as LeaseInterruptedError).cause).toBeInstanceOf(ContractRefusalError);
    expect((error as LeaseInterruptedError).shortMessage).toBe(
      "Work on resource 1 (fencing token 1) was stopped: a renewal was refused because someone waits; the resource is handed over.",
    );
    expect(events.find((e) => e.type === "renewRefused")).toMatchObject({ queueLength: 1n });
    const resource = await f.readOnly.leases.getResourceInfo({ resourceId: 1n });
    expect(resource.holder).toBeNull();
    expect(resource.claimant).toBe(chain.names.bob);
  });

  it("surfaces a refusal as its typed error and sends nothing", async () => {
    const f = await chain.fixture();
    const agent = createAgent(f.mallory, { name: "mallory" });
    const before = await chain.nonceOf(chain.names.mallory);
    const error = await rejection(agent.withLease({ resourceId: 1n, duration: 60 }, async () => "never"));
    expect(error).toBeInstanceOf(ContractRefusalError);
    expect((error as ContractRefusalError).errorName).toBe("ResourceAccessDenied");
    expect(await chain.nonceOf(chain.names.mallory)).toBe(before);
  });
});

describe("exit", () => {
  it("halt() stops the work without releasing: the lease ends by expiry alone", async () => {
    const f = await chain.fixture();
    const agent = createAgent(f.alice, { name: "alice" });
    const error = await rejection(
      agent.withLease({ resourceId: 1n, duration: 600 }, async ({ signal }) => {
        agent.halt();
        expect(signal.aborted).toBe(true);
      }),
    );
    expect(error).toBeInstanceOf(LeaseInterruptedError);
    expect((await f.readOnly.leases.leaseOf({ resourceId: 1n })).holder).toBe(chain.names.alice);
    await expect(agent.acquire({ resourceId: 1n, duration: 60 })).rejects.toThrow("was halted");
  });

  it("close() releases the leases taken with acquire; a signal handler closes the agents and exits", async () => {
    const f = await chain.fixture();
    const agent = createAgent(f.alice, { name: "alice" });
    await agent.acquire({ resourceId: 1n, duration: 600 });
    const target = Object.assign(new EventEmitter(), { exit: (code?: number) => exits.push(code ?? 0) });
    const exits: number[] = [];
    const closed: string[] = [];
    installSignalHandlers([agent], { target, onClosed: (signal) => closed.push(signal) });
    target.emit("SIGTERM");
    await until(() => exits.length > 0, "the exit");
    expect(exits).toEqual([143]);
    expect(closed).toEqual(["SIGTERM"]);
    expect((await f.readOnly.leases.leaseOf({ resourceId: 1n })).holder).toBeNull();
    expect(target.listenerCount("SIGINT")).toBe(0);
  });
});

describe("a shared account", () => {
  it("lets several agents send at once: the nonce manager gives consecutive nonces", async () => {
    const f = await chain.fixture();
    const account = agentAccount(generatePrivateKey());
    await chain.networkHelpers.setBalance(account.address, 10n ** 20n);
    await f.steward.cells.addMember({ cellId: 1n, account: account.address });
    const walletClient = createWalletClient({
      chain: chain.publicClient.chain,
      transport: custom(chain.provider),
      account,
    });
    const shared = createConcordClient({
      publicClient: chain.publicClient,
      walletClient,
      addresses: f.addresses,
      startBlock: f.startBlock,
    });
    const agents = [1, 2, 3].map((i) => createAgent(shared, { name: `worker-${i}`, cellId: 1n }));
    expect(new Set(agents.map((a) => a.address))).toEqual(new Set([getAddress(account.address)]));
    await Promise.all(
      agents.flatMap((agent) => [
        agent.declareState(`${agent.name} ready`),
        agent.declareState(`${agent.name} busy`),
      ]),
    );
    expect(await getTransactionCount(chain.publicClient, { address: account.address })).toBe(6);
  });
});

describe("the relayer", () => {
  it("submits signed acknowledgements in one batch and reports each outcome; a refused batch is not retried", async () => {
    const f = await chain.fixture();
    const registry = await chain.viem.deployContract("AgreementRegistry", [f.addresses.cellRegistry]);
    const { as } = chain.clientsFor(
      { ...f.addresses, agreementRegistry: getAddress(registry.address) },
      f.startBlock,
    );
    const { agreementId } = await as(0).agreements.proposeAgreement({
      accounts: [chain.names.alice, chain.names.bob],
      title: "Agents release on exit",
      terms: "agents release on exit",
      termsURI: "https://example.org/agents.md",
    });
    const deadline = (await chain.now()) + 3_600n;
    const alice = await as(1).agreements.signAcknowledgement({ agreementId, deadline });
    const bob = await as(2).agreements.signAcknowledgement({ agreementId, deadline });
    const relayer = createAcknowledgementRelayer(as(0), { maxDelayMs: 50 });
    const [a, b] = await Promise.all([relayer.relay(alice), relayer.relay(bob)]);
    expect(a).toMatchObject({ applied: true, error: null, batchSize: 2 });
    expect(b.hash).toBe(a.hash);
    expect((await as(0).agreements.getAgreement({ agreementId })).statusName).toBe("active");
    const before = await chain.nonceOf(chain.names.steward);
    await expect(relayer.relay(alice)).rejects.toBeInstanceOf(ContractRefusalError);
    expect(await chain.nonceOf(chain.names.steward)).toBe(before);
  });
});
