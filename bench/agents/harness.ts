/**
 * Load and fault harness of the agent kit: N agents (one process, one account each, viem's nonce manager)
 * against a local Hardhat node, with automine or interval mining, contending for fewer resources than agents,
 * with random work durations, crashes (an agent halted without releasing), restarts and late claimers. A
 * guarded service records every unit of work (resource, agent, fencing token, start and end in chain time);
 * the run is then checked from the chain's events and from that log (see `checks.ts`).
 */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { createPublicClient, createWalletClient, getAddress, http, keccak256, parseEther, toHex } from "viem";
import type { Abi, Address, Hex, PublicClient } from "viem";
import { hardhat } from "viem/chains";

import { installMulticall3 } from "../../scripts/multicall3.ts";
import {
  AgentClosedError,
  LeaseInterruptedError,
  LeaseWaitAbortedError,
  LeaseWaitTimeoutError,
  MULTICALL3_ADDRESS,
  agentAccount,
  createAcknowledgementRelayer,
  createAgent,
  createChainClock,
  createConcordClient,
  createFencingTokenGuard,
  resourceLeasesAbi,
  signAcknowledgement,
} from "../../sdk/index.ts";
import type { Agent, AgentEvent, ConcordClient } from "../../sdk/index.ts";
import {
  checkChainExclusive,
  checkCrashes,
  checkNoUnexpected,
  checkWaitBound,
  checkWorkLog,
  leasesFromEvents,
  percentile,
} from "./checks.ts";
import type { Check, CrashRecord, WaitRecord, WorkEntry } from "./checks.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const HOST = "127.0.0.1";

/** What a run does. Times of the chain are in seconds, of the wall in ms. */
export type HarnessOptions = {
  agents: number;
  /** Resources contended for (fewer than agents). */
  resources: number;
  mining: "auto" | "interval";
  /** Block interval under interval mining, in ms (default 2 000). */
  intervalMs?: number;
  /** How long agents start new work, in ms of wall time. */
  durationMs: number;
  /** Longest lease (D) and claim window (W), in chain seconds. */
  maxDuration: bigint;
  claimWindow: bigint;
  /** Random work duration, in ms of wall time. */
  workMs: [number, number];
  /** Chance that an agent crashes during a unit of work (then restarts after `restartMs`). */
  crashRate: number;
  restartMs: [number, number];
  /** This agent's first unit of work crashes whatever `crashRate` says (a crash every run has). */
  forceCrashAgent?: number;
  /** Share of agents that start late (after a quarter of the run). */
  lateShare: number;
  /** Seed of the agents' keys and of the random choices. */
  seed: number;
  /** Port of the node (default: a free one is chosen by the caller). */
  port: number;
  /** Log progress to stderr. */
  verbose?: boolean;
};

export type HarnessResult = {
  options: Omit<HarnessOptions, "port" | "verbose">;
  wallSeconds: number;
  blocks: number;
  chainSeconds: number;
  agentTxs: number;
  totalGas: bigint;
  /** Units of work the guarded service accepted (completed, stopped or crashed). */
  workUnits: number;
  completedUnits: number;
  interruptedUnits: number;
  crashes: number;
  restarts: number;
  acquisitions: number;
  waitMs: { median: number | null; p95: number | null };
  waitChainSeconds: { median: number | null; p95: number | null };
  contentionRefusals: number;
  otherRefusals: Record<string, number>;
  renewals: number;
  renewalsRefusedContended: number;
  retries: Record<string, number>;
  timeouts: number;
  relayed: { applied: number; skipped: number; batches: number };
  checks: Check[];
};

/** A deterministic pseudo-random generator (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function rpc<result>(url: string, method: string, params: unknown[] = []): Promise<result> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const body = (await response.json()) as { result?: result; error?: { message: string } };
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result as result;
}

/** Starts `hardhat node` on loopback (its log discarded) and resolves once it answers (180 s at most: the machine may be loaded). */
export async function startNode(port: number): Promise<ChildProcess> {
  const cli = path.join(root, "node_modules/hardhat/dist/src/cli.js");
  const node = spawn(process.execPath, [cli, "node", "--hostname", HOST, "--port", String(port)], {
    cwd: root,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let log = "";
  node.stderr!.on("data", (d) => (log = (log + d).slice(-4000)));
  const url = `http://${HOST}:${port}`;
  for (let i = 0; i < 720; i++) {
    if (node.exitCode !== null) throw new Error(`hardhat node exited ${node.exitCode}:\n${log}`);
    try {
      await rpc(url, "eth_chainId");
      return node;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  node.kill("SIGTERM");
  throw new Error(`hardhat node did not answer on ${url} within 180 s:\n${log}`);
}

async function artifact(contract: string, folder: string): Promise<{ abi: Abi; bytecode: Hex }> {
  const file = path.join(root, "artifacts/contracts", folder, `${contract}.sol`, `${contract}.json`);
  const json = JSON.parse(await readFile(file, "utf8")) as { abi: Abi; bytecode: Hex };
  return { abi: json.abi, bytecode: json.bytecode };
}

/** An error and its causes, on one line. */
function describe(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let i = 0; i < 6 && current; i++) {
    const e = current as { name?: string; shortMessage?: string; message?: string; details?: string };
    parts.push(
      `${e.name ?? "Error"}: ${e.shortMessage ?? e.message?.split("\n")[0] ?? String(e)}${e.details ? ` (${e.details})` : ""}`,
    );
    current = (current as { cause?: unknown }).cause;
  }
  return parts.join(" <- ");
}

/** Sleeps `ms`, or stops early (without throwing) when `signal` aborts. */
function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}

/**
 * Runs the harness against a fresh node on `options.port` and returns its measures and checks. The node is
 * stopped at the end.
 */
export async function runHarness(options: HarnessOptions): Promise<HarnessResult> {
  const log = (line: string) =>
    options.verbose && process.stderr.write(`[agents ${options.agents}/${options.mining}] ${line}\n`);
  const url = `http://${HOST}:${options.port}`;
  const node = await startNode(options.port);
  try {
    return await run(options, url, log);
  } finally {
    node.kill("SIGTERM");
  }
}

async function run(
  options: HarnessOptions,
  url: string,
  log: (line: string) => void,
): Promise<HarnessResult> {
  const rand = random(options.seed);
  const between = ([min, max]: [number, number]) => Math.round(min + rand() * (max - min));
  const pollingInterval = options.mining === "auto" ? 100 : 250;
  const chain = { ...hardhat, contracts: { multicall3: { address: MULTICALL3_ADDRESS } } } as const;
  const transport = http(url, { retryCount: 2, timeout: 60_000 });
  const publicClient = createPublicClient({ chain, transport, pollingInterval }) as PublicClient;

  // ── setup (automine): contracts, Multicall3, the agents' cell, resources, agreements, funded keys
  const [deployer] = await rpc<Address[]>(url, "eth_accounts");
  const deployerWallet = createWalletClient({ chain, transport, account: getAddress(deployer!) });
  await installMulticall3(url);
  const deploy = async (contract: string, folder: string, args: unknown[]) => {
    const { abi, bytecode } = await artifact(contract, folder);
    const hash = await deployerWallet.deployContract({ abi, bytecode, args });
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    return getAddress(receipt.contractAddress!);
  };
  const startBlock = await publicClient.getBlockNumber();
  const cellRegistry = await deploy("CellRegistry", "cells", [getAddress(deployer!)]);
  const resourceLeases = await deploy("ResourceLeases", "leases", [cellRegistry]);
  const agreementRegistry = await deploy("AgreementRegistry", "agreements", [cellRegistry]);
  const addresses = { cellRegistry, resourceLeases, agreementRegistry };
  const admin = createConcordClient({ publicClient, walletClient: deployerWallet, addresses, startBlock });

  const keys: Hex[] = Array.from({ length: options.agents }, (_, i) =>
    keccak256(toHex(`concord agents harness ${options.seed} ${i}`)),
  );
  const addressesOf = keys.map((key) => agentAccount(key).address);
  for (const address of addressesOf)
    await rpc(url, "hardhat_setBalance", [address, toHex(parseEther("100"))]);
  const { cellId } = await admin.cells.createCell({ name: "agents" });
  for (let i = 0; i < addressesOf.length; i += 50) {
    await admin.cells.addMembers({ cellId, members: addressesOf.slice(i, i + 50) });
  }
  const resourceIds: bigint[] = [];
  for (let r = 0; r < options.resources; r++) {
    const { resourceId } = await admin.leases.registerResource({
      ownerCellId: cellId,
      name: `resource ${r + 1}`,
      maxDuration: options.maxDuration,
      access: 0,
      claimWindow: options.claimWindow,
    });
    // No cool-down: agents come back at once (the sybil defences are not what this run measures).
    await admin.leases.setResourceLimits({ resourceId, maxBookings: 2, maxLeadTime: 86_400n, cooldown: 0 });
    resourceIds.push(resourceId);
  }
  // Agreements of at most 16 parties: each agent acknowledges its own by signature, through the relayer.
  const agreementOf: bigint[] = [];
  for (let i = 0; i < addressesOf.length; i += 16) {
    const parties = addressesOf.slice(i, i + 16);
    const accounts = parties.length >= 2 ? parties : [...parties, getAddress(deployer!)];
    const { agreementId } = await admin.agreements.proposeAgreement({
      accounts,
      title: `Agents ${i} to ${i + parties.length - 1}: release on exit`,
      terms: `agents ${i}..${i + parties.length - 1}: release on exit, fence every write`,
      termsURI: "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy5/agents.md",
    });
    for (let j = 0; j < parties.length; j++) agreementOf[i + j] = agreementId;
  }
  const relayer = createAcknowledgementRelayer(admin, { maxBatch: 32, maxDelayMs: 500 });

  if (options.mining === "interval") {
    await rpc(url, "evm_setAutomine", [false]);
    await rpc(url, "evm_setIntervalMining", [options.intervalMs ?? 2_000]);
  }
  const firstBlock = await publicClient.getBlockNumber();
  log(`setup done at block ${firstBlock}: ${options.resources} resources, ${options.agents} agents`);

  // ── the guarded service: accepts a token only if it is not older than the latest it saw for the resource
  // and is the live lease's token on the chain; records each unit of work in chain time
  const guard = createFencingTokenGuard();
  const work: WorkEntry[] = [];
  let seq = 0;
  let refusedByService = 0;
  const chainTime = async () => (await publicClient.getBlock({ blockTag: "latest" })).timestamp;
  /** The latest block's time, and whether `token` is the live lease's token in that very block. */
  const liveAt = async (resourceId: bigint, token: bigint) => {
    const block = await publicClient.getBlock({ blockTag: "latest" });
    const current = await publicClient.readContract({
      address: resourceLeases,
      abi: resourceLeasesAbi,
      functionName: "isCurrentToken",
      args: [resourceId, token],
      blockNumber: block.number,
    });
    return { current, time: block.timestamp };
  };
  const service = {
    async begin(resourceId: bigint, agent: string, token: bigint): Promise<WorkEntry | null> {
      const { current, time } = await liveAt(resourceId, token);
      if (!current || !guard.check({ resourceId, token }).valid) {
        refusedByService++;
        return null;
      }
      const entry: WorkEntry = { resourceId, agent, fencingToken: token, start: time, end: null, seq: seq++ };
      work.push(entry);
      return entry;
    },
    /** The work's commit: refused (fenced) when its lease ended before it, or a newer token was seen. */
    async end(entry: WorkEntry): Promise<void> {
      const { current, time } = await liveAt(entry.resourceId, entry.fencingToken);
      entry.end = time;
      const latest = guard.latest(entry.resourceId) ?? 0n;
      if (!current || latest > entry.fencingToken) entry.fenced = true;
    },
  };

  // ── metrics from the kit's events
  const clock = createChainClock(admin, { pollIntervalMs: pollingInterval });
  const stats = {
    txs: 0,
    acquisitions: 0,
    waitMs: [] as number[],
    contention: 0,
    otherRefusals: {} as Record<string, number>,
    renewals: 0,
    renewRefused: 0,
    retries: {} as Record<string, number>,
    completed: 0,
    interrupted: 0,
    timeouts: 0,
    crashes: 0,
    restarts: 0,
    relayed: { applied: 0, skipped: 0, batches: new Set<string>() },
  };
  const waits: (WaitRecord & { token?: bigint })[] = [];
  const openWait = new Map<string, WaitRecord & { token?: bigint }>();
  const crashes: CrashRecord[] = [];
  const recovered = new Set<string>();
  const unexpected: { agent: string; error: string }[] = [];
  const onEvent = (event: AgentEvent) => {
    switch (event.type) {
      case "tx":
        stats.txs++;
        break;
      case "refused":
        if (event.contention) stats.contention++;
        else stats.otherRefusals[event.errorName] = (stats.otherRefusals[event.errorName] ?? 0) + 1;
        break;
      case "retried":
        stats.retries[event.kind] = (stats.retries[event.kind] ?? 0) + 1;
        break;
      case "queued": {
        const key = `${event.agent}:${event.resourceId}`;
        const previous = openWait.get(key);
        if (previous) previous.outcome = "missed";
        const record: WaitRecord = {
          agent: event.agent,
          resourceId: event.resourceId,
          position: event.position,
          readAt: 0n,
          servedAt: null,
          outcome: "open",
          endAt: 0n,
        };
        waits.push(record);
        openWait.set(key, record);
        void clock.head().then((head) => (record.readAt = head.timestamp));
        break;
      }
      case "acquired": {
        stats.acquisitions++;
        stats.waitMs.push(event.waitedMs);
        if (event.recovered) recovered.add(`${event.resourceId}:${event.fencingToken}`);
        const key = `${event.agent}:${event.resourceId}`;
        const record = openWait.get(key);
        if (record) {
          record.outcome = "served";
          (record as { token?: bigint }).token = event.fencingToken;
          openWait.delete(key);
        }
        break;
      }
      case "turnPassed": {
        const key = `${event.agent}:${event.resourceId}`;
        const record = openWait.get(key);
        if (record) record.outcome = "missed";
        openWait.delete(key);
        break;
      }
      case "renewed":
        stats.renewals++;
        break;
      case "renewRefused":
        stats.renewRefused++;
        break;
      default:
        break;
    }
  };
  const closeWaits = (agent: string, outcome: WaitRecord["outcome"]) => {
    for (const [key, record] of openWait) {
      if (record.agent !== agent) continue;
      record.outcome = outcome;
      openWait.delete(key);
    }
  };

  // ── the agents
  const stopAll = new AbortController();
  const endAt = Date.now() + options.durationMs;
  const ticker =
    options.mining === "auto"
      ? (async () => {
          // Under automine time moves only with blocks: one empty block a second keeps leases expiring.
          while (!stopAll.signal.aborted) {
            await pause(1_000, stopAll.signal);
            await rpc(url, "evm_mine").catch(() => undefined);
          }
        })()
      : Promise.resolve();

  const clientOf = (index: number): ConcordClient =>
    createConcordClient({
      publicClient,
      walletClient: createWalletClient({ chain, transport, account: agentAccount(keys[index]!) }),
      addresses,
      startBlock,
    });

  // Waiters give up after the bound for a full queue of the agents of one resource (in wall time; the chain's
  // clock runs at least as fast as the wall's).
  const perResource = Math.ceil(options.agents / options.resources);
  const deadlineMs = Math.min(
    3_600_000,
    (perResource + 1) * Number(2n * options.maxDuration + options.claimWindow) * 1_000,
  );
  const life = async (index: number) => {
    const name = getAddress(addressesOf[index]!);
    if (rand() < options.lateShare) await pause(options.durationMs / 4, stopAll.signal);
    let client = clientOf(index);
    let agent: Agent = createAgent(client, { name, cellId, clock, onEvent });
    // Acknowledge the agents' agreement by signature, relayed in a batch.
    try {
      const signed = await signAcknowledgement(client, {
        agreementId: agreementOf[index]!,
        deadline: BigInt(Math.floor(Date.now() / 1000) + 30 * 86_400),
      });
      const outcome = await relayer.relay(signed);
      stats.relayed.batches.add(outcome.hash);
      if (outcome.applied) stats.relayed.applied++;
      else stats.relayed.skipped++;
    } catch (error) {
      unexpected.push({ agent: name, error: `acknowledgement: ${describe(error)}` });
    }
    while (Date.now() < endAt && !stopAll.signal.aborted) {
      const resourceId = resourceIds[Math.floor(rand() * resourceIds.length)]!;
      const workMs = between(options.workMs);
      const crash = rand() < options.crashRate || (index === options.forceCrashAgent && stats.crashes === 0);
      let crashed = false;
      try {
        await agent.withLease(
          {
            resourceId,
            duration: options.maxDuration,
            deadlineMs,
            signal: stopAll.signal,
            maxPollMs: 2_000,
            stopMarginSeconds: options.mining === "auto" ? options.maxDuration / 4n : 4n,
            announce: { working: `working on resource ${resourceId}`, done: "idle" },
          },
          async ({ fencingToken, signal }) => {
            const entry = await service.begin(resourceId, name, fencingToken);
            if (!entry) return;
            try {
              if (crash) {
                await pause(workMs / 2, signal);
                // Killed mid-work: the work stops, the lease is not released.
                stats.crashes++;
                crashed = true;
                crashes.push({ agent: name, resourceId, fencingToken });
                agent.halt();
                return;
              }
              await pause(workMs, signal);
            } finally {
              await service.end(entry);
            }
          },
        );
        if (!crashed) stats.completed++;
      } catch (error) {
        if (crashed) {
          // halted mid-work: what a killed process leaves behind
        } else if (error instanceof LeaseInterruptedError) {
          stats.interrupted++;
        } else if (error instanceof LeaseWaitTimeoutError) {
          stats.timeouts++;
          closeWaits(name, "left");
        } else if (error instanceof LeaseWaitAbortedError) {
          // the run is over: a waiter still in its queue is checked against the bound at the run's end
        } else if (error instanceof AgentClosedError || stopAll.signal.aborted) {
          // halted (crash) or the run is over
        } else {
          unexpected.push({ agent: name, error: describe(error) });
          return;
        }
      }
      if (crashed) {
        closeWaits(name, "crashed");
        await pause(between(options.restartMs), stopAll.signal);
        if (stopAll.signal.aborted) break;
        // Restart: a new process would have a new nonce manager and no memory of its leases.
        client = clientOf(index);
        agent = createAgent(client, { name, cellId, clock, onEvent });
        stats.restarts++;
      }
      await pause(between([50, 500]), stopAll.signal);
    }
    await agent.close();
  };

  const started = Date.now();
  const onRejection = (reason: unknown) =>
    unexpected.push({
      agent: "process",
      error: `unhandled rejection: ${String((reason as Error)?.message ?? reason)}`,
    });
  process.on("unhandledRejection", onRejection);
  const progress = setInterval(
    () => log(`${Math.round((Date.now() - started) / 1000)} s: ${stats.completed} units, ${stats.txs} txs`),
    15_000,
  );
  const lives = Array.from({ length: options.agents }, (_, i) => life(i));
  await pause(options.durationMs);
  // Agents finish the unit of work in hand (bounded by the longest work); those still waiting are stopped.
  await Promise.race([Promise.allSettled(lives), pause(options.workMs[1] + 5_000)]);
  stopAll.abort();
  await Promise.allSettled(lives);
  await relayer.flush();
  await ticker;
  clearInterval(progress);
  process.off("unhandledRejection", onRejection);
  const wallSeconds = (Date.now() - started) / 1000;
  clock.stop();

  // ── the record of the chain
  if (options.mining === "interval") await pause((options.intervalMs ?? 2_000) + 500);
  const lastBlock = await publicClient.getBlockNumber();
  const logs = await publicClient.getContractEvents({
    address: resourceLeases,
    abi: resourceLeasesAbi,
    fromBlock: firstBlock,
    toBlock: lastBlock,
  });
  const blockTimes = new Map<bigint, bigint>();
  let totalGas = 0n;
  let minedTxs = 0;
  const numbers: bigint[] = [];
  for (let n = firstBlock + 1n; n <= lastBlock; n++) numbers.push(n);
  for (let i = 0; i < numbers.length; i += 100) {
    const batch = await Promise.all(
      numbers.slice(i, i + 100).map((blockNumber) => publicClient.getBlock({ blockNumber })),
    );
    for (const block of batch) {
      blockTimes.set(block.number, block.timestamp);
      totalGas += block.gasUsed;
      minedTxs += block.transactions.length;
    }
  }
  const timeOf = async (blockNumber: bigint) =>
    blockTimes.get(blockNumber) ?? (await publicClient.getBlock({ blockNumber })).timestamp;
  const events = [];
  for (const entry of logs) {
    const args = entry.args as {
      resourceId: bigint;
      holder?: Address;
      fencingToken?: bigint;
      expiresAt?: bigint;
    };
    if (!["LeaseGranted", "LeaseRenewed", "LeaseReleased", "LeaseRevoked"].includes(entry.eventName))
      continue;
    events.push({
      eventName: entry.eventName,
      resourceId: args.resourceId,
      holder: args.holder!,
      fencingToken: args.fencingToken!,
      expiresAt: args.expiresAt,
      timestamp: await timeOf(entry.blockNumber),
      order: entry.blockNumber * 1_000_000n + BigInt(entry.logIndex),
    });
  }
  const leases = leasesFromEvents(events);
  const grantTime = new Map(leases.map((l) => [`${l.resourceId}:${l.fencingToken}`, l.grantedAt]));
  const finalTime = blockTimes.get(lastBlock) ?? (await chainTime());
  for (const record of waits) {
    if (record.outcome === "served") {
      record.servedAt = grantTime.get(`${record.resourceId}:${record.token}`) ?? null;
    }
    record.endAt = finalTime;
  }
  const firstTime = await timeOf(firstBlock);
  const waitChain = waits
    .filter((w) => w.outcome === "served" && w.servedAt !== null)
    .map((w) => Number(w.servedAt! - w.readAt));

  const checks = [
    checkChainExclusive(leases),
    ...checkWorkLog(work, leases),
    checkCrashes(crashes, leases, recovered),
    checkWaitBound(
      waits.filter((w) => w.outcome !== "served" || w.servedAt !== null),
      options.maxDuration,
      options.claimWindow,
    ),
    checkNoUnexpected(unexpected),
  ];
  const { port: _port, verbose: _verbose, ...kept } = options;
  return {
    options: kept,
    wallSeconds,
    blocks: Number(lastBlock - firstBlock),
    chainSeconds: Number(finalTime - firstTime),
    agentTxs: minedTxs,
    totalGas,
    workUnits: work.length,
    completedUnits: stats.completed,
    interruptedUnits: stats.interrupted,
    crashes: stats.crashes,
    restarts: stats.restarts,
    acquisitions: stats.acquisitions,
    waitMs: { median: percentile(stats.waitMs, 50), p95: percentile(stats.waitMs, 95) },
    waitChainSeconds: { median: percentile(waitChain, 50), p95: percentile(waitChain, 95) },
    contentionRefusals: stats.contention,
    otherRefusals: { ...stats.otherRefusals, ...(refusedByService ? { refusedByService } : {}) },
    renewals: stats.renewals,
    renewalsRefusedContended: stats.renewRefused,
    retries: stats.retries,
    timeouts: stats.timeouts,
    relayed: {
      applied: stats.relayed.applied,
      skipped: stats.relayed.skipped,
      batches: stats.relayed.batches.size,
    },
    checks,
  };
}
