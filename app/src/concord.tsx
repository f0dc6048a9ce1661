/**
 * The app's link to Concord: the SDK client for reads, the queries every screen shares, what refreshes them
 * (the block watcher, for the domains Concord's new logs touch; the deadlines of what is on screen; the
 * viewer's own writes), and the write hook with its progress.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import {
  createContext,
  use,
  useCallback,
  useEffect,
  useMemo,
  useReducer,
  useRef,
  useSyncExternalStore,
} from "react";
import type { ReactNode } from "react";
import { createWalletClient, custom } from "viem";
import type { Address, Hash } from "viem";
import { useConfig, useConnection, useWatchBlocks } from "wagmi";
import { getConnectorClient, getPublicClient } from "wagmi/actions";

import { requireIndexedBlock, scanLogs } from "../../sdk/index.ts";
import type {
  ClientScanProgress,
  Dashboard,
  DashboardEvents,
  DashboardState,
  WriteOptions,
} from "../../sdk/index.ts";
import { getDashboardDirectoryQueryOptions, getDashboardQueryOptions } from "../../sdk/react/index.ts";
import { chainTimeNow, noteChainTime } from "./components/Countdown.tsx";
import type { AppConfig } from "./config.ts";
import { createAppClient } from "./data/client.ts";
import type { AppClient } from "./data/client.ts";
import { concordKey } from "./data/keys.ts";
import type { Domain } from "./data/keys.ts";
import type * as RefreshModule from "./data/refresh.ts";
import type { Refresher } from "./data/refresh.ts";

/** The refresh module, loaded, with the refresher of this client. */
type LoadedRefresher = typeof RefreshModule & { refresher: Refresher };
import { explainError } from "./lib/errors.ts";
import { accountLabel } from "./lib/format.ts";
import type { Viewer } from "./lib/permissions.ts";
import { idleProgress, isBusy, progressReducer } from "./lib/progress.ts";
import type { WriteProgress } from "./lib/progress.ts";
import { devAccounts } from "./wallet/devWallet.ts";

type ConcordContextValue = {
  app: AppConfig;
  /** The chain's block number when the app started (before any read), if the RPC answered. */
  initialBlock: bigint | undefined;
  /** The read-only SDK client (wagmi's public client for the deployment's chain). */
  reader: AppClient;
  /**
   * What refreshes the queries (see data/refresh.ts): the block follower, the deadline scheduler, the
   * refresh after a write. Loaded on first use, off the first load.
   */
  refresher: () => Promise<LoadedRefresher>;
};

const ConcordContext = createContext<ConcordContextValue | null>(null);

/** The log scans running now (the SDK client's `onScanProgress`), by scan, and who watches them. */
const scans = new Map<number, ClientScanProgress>();
const scanWatchers = new Set<() => void>();
let scanTotals: { scanned: bigint; total: bigint } | null = null;

function noteScan(progress: ClientScanProgress): void {
  if (progress.done) scans.delete(progress.scan);
  else scans.set(progress.scan, progress);
  let scanned = 0n;
  let total = 0n;
  for (const scan of scans.values()) {
    scanned += scan.scannedBlocks;
    total += scan.totalBlocks;
  }
  scanTotals = scans.size === 0 ? null : { scanned, total };
  scanWatchers.forEach((watcher) => watcher());
}

/**
 * The blocks read and to read of every log scan running now (those of more than one request: a long history
 * behind the provider's block limit), or null when none runs; the shell shows it as one progress line.
 */
export function useScanProgress(): { scanned: bigint; total: bigint } | null {
  return useSyncExternalStore(
    (onChange) => {
      scanWatchers.add(onChange);
      return () => scanWatchers.delete(onChange);
    },
    () => scanTotals,
  );
}

/** Provides the SDK client; renders under `WagmiProvider` and `QueryClientProvider`. */
export function ConcordProvider({
  app,
  initialBlock,
  children,
}: {
  app: AppConfig;
  initialBlock?: bigint | undefined;
  children: ReactNode;
}) {
  const config = useConfig();
  const queryClient = useQueryClient();
  const value = useMemo(() => {
    const publicClient = getPublicClient(config, { chainId: app.chain.id })!;
    const reader = createAppClient({
      publicClient,
      deployment: app.deployment,
      indexer: app.indexerUrl ? { url: app.indexerUrl } : undefined,
      onScanProgress: noteScan,
    });
    let loading: Promise<LoadedRefresher> | undefined;
    const refresher = () =>
      (loading ??= import("./data/refresh.ts").then((module) => ({
        ...module,
        refresher: module.createRefresher({
          reader,
          queryClient,
          from: initialBlock,
          chainNow: () => chainTimeNow(),
          // One request on the few blocks since the last head (the scanner splits it only if the node refuses).
          scanLogs: (address, fromBlock, toBlock) =>
            scanLogs(reader, { address, topics: [] }, { fromBlock, toBlock }),
          // A refresh caused by logs of block N reads an indexer that has indexed N (bounded wait).
          requireIndexedBlock: (blockNumber) => requireIndexedBlock(reader, blockNumber),
        }),
      })));
    return { app, initialBlock, reader, refresher };
  }, [app, config, initialBlock, queryClient]);
  return <ConcordContext value={value}>{children}</ConcordContext>;
}

/** The app configuration and the read-only SDK client. */
export function useConcord(): ConcordContextValue {
  const value = use(ConcordContext);
  if (!value) throw new Error("useConcord must be used under <ConcordProvider>");
  return value;
}

export { concordKey };

/**
 * Whether block polling is paused: `window.__concordPollingPaused = true` before the app starts (the request
 * budget of the dashboard is measured so, see app/scripts/measure.ts: no poll lands in the count).
 */
const pollingPaused = (globalThis as { __concordPollingPaused?: unknown }).__concordPollingPaused === true;

/**
 * Follows the chain (polling the latest block: one request per poll, as `eth_blockNumber` would be, with its
 * time): the chain's clock follows the block's time, so that deadlines a jump passed refresh; on each new block, the logs of Concord's contracts since the
 * last block seen are read and only the domains they touch refresh (see `data/refresh.ts`). The baseline is
 * the block read at start, before any query ran, so a change made between the first reads and the first poll
 * is not missed.
 */
export function useChainWatcher(): void {
  const { app, refresher } = useConcord();
  useWatchBlocks({
    chainId: app.chain.id,
    enabled: !pollingPaused,
    // In order: every head waits for the same load of the refresher.
    onBlock: (block) =>
      void refresher().then(({ refresher }) => {
        // The chain's clock moves with its blocks (a test chain's can jump): deadlines passed refresh now.
        noteChainTime(block.timestamp, Date.now());
        refresher.deadlines.recheck();
        if (block.number !== null) refresher.follower.onBlock(block.number);
      }),
  });
}

/**
 * What {@link useRefreshAt} asks of the data shown: the chain time it was read at, and its deadlines by the
 * domain each one changes.
 */
export type DeadlinesOf<data> = (
  data: data,
  helpers: Pick<typeof RefreshModule, "leaseDeadlines" | "proposalDeadlines">,
) => { readAt: bigint; deadlines: Partial<Record<Domain, readonly (bigint | null | undefined)[]>> };

/**
 * Refreshes a domain when the chain's clock reaches the earliest of its deadlines in `data` after the time it
 * was read at: what changes by time alone (a vote closing, a lease expiring) emits no log. `deadlinesOf` runs
 * once per new `data`, with the helpers of data/refresh.ts (loaded on first use).
 *
 * @example
 * useRefreshAt(query.data?.proposal, (proposal, { proposalDeadlines }) => ({
 *   readAt: proposal.now,
 *   deadlines: { governance: proposalDeadlines(proposal) },
 * }));
 */
export function useRefreshAt<data>(data: data | undefined, deadlinesOf: DeadlinesOf<data>): void {
  const { refresher } = useConcord();
  const pick = useRef(deadlinesOf);
  pick.current = deadlinesOf;
  useEffect(() => {
    if (data === undefined) return;
    let removals: (() => void)[] = [];
    let gone = false;
    void refresher().then((loaded) => {
      if (gone) return;
      const { readAt, deadlines } = pick.current(data, loaded);
      for (const [domain, values] of Object.entries(deadlines) as [Domain, bigint[]][]) {
        for (const at of loaded.upcoming(values, readAt))
          removals.push(loaded.refresher.deadlines.add([domain], at));
      }
    });
    return () => {
      gone = true;
      removals.forEach((remove) => remove());
      removals = [];
    };
  }, [refresher, data]);
}

/** Who is looking: account, network, names of known accounts. */
export function useViewer(): Viewer & {
  connectorId: string | null;
  walletChainId: number | null;
  nameOf: (address: Address) => string | null;
  label: (address: Address) => string;
} {
  const { app } = useConcord();
  const connection = useConnection();
  const account = connection.isConnected ? (connection.address ?? null) : null;
  const walletChainId = connection.isConnected ? (connection.chainId ?? null) : null;
  const nameOf = useCallback(
    (address: Address) =>
      app.isLocal
        ? (devAccounts.find((dev) => dev.address.toLowerCase() === address.toLowerCase())?.name ?? null)
        : null,
    [app.isLocal],
  );
  return {
    account,
    onRightChain: walletChainId === null || walletChainId === app.chain.id,
    chainName: app.chainName,
    connectorId: connection.connector?.id ?? null,
    walletChainId,
    nameOf,
    label: useCallback((address: Address) => accountLabel(address, nameOf), [nameOf]),
  };
}

const queryDefaults = { staleTime: Infinity, refetchOnWindowFocus: false, retry: 1 } as const;

/** The local chain's dev accounts, whose standing the "Playing as" menu names (none elsewhere). */
const devAddresses = devAccounts.map((dev) => dev.address);

/**
 * The read path of the app's reads (the SDK's `getReadPath`, re-checked every 5 s), when an indexer is
 * configured; the footer shows it.
 */
export function useReadPath() {
  const { app, reader } = useConcord();
  return useQuery({
    queryKey: ["read-path", app.indexerUrl],
    queryFn: async () => (await import("./data/readPath.ts")).getReadPath(reader),
    enabled: app.indexerUrl !== null,
    refetchInterval: 5_000,
  });
}

/**
 * Every cell, and the connected account's standing in each; on the local chain, the dev accounts' standing too
 * (same read, no extra request), so that "Playing as" says what each one is now: the SDK's
 * `getDashboardDirectory`, through the indexer or directly as the client's read path decides.
 */
export function useDirectory() {
  const { reader, app } = useConcord();
  const { account } = useViewer();
  return useQuery({
    ...getDashboardDirectoryQueryOptions(reader, {
      account,
      others: app.isLocal ? devAddresses : [],
    }),
    // While another account's standing loads, keep the cells but not the previous account's roles.
    placeholderData: (previous) => previous && { ...previous, standing: null },
    ...queryDefaults,
  });
}

const eventsOf = (dashboard: Dashboard): DashboardEvents => dashboard.events;
const stateOf = (dashboard: Dashboard): DashboardState => dashboard.state;

/**
 * The dashboard without its directory (`useDirectory` reads it, for every page): the SDK's `getDashboard`
 * (`directory: false`), one query whose parts `useDaoEvents` and `useDaoState` select.
 */
function useDashboardPart<part>(select: (dashboard: Dashboard) => part) {
  const { reader } = useConcord();
  const { account } = useViewer();
  return useQuery({
    ...getDashboardQueryOptions(reader, { account, directory: false }),
    select,
    // While another account's position loads, keep showing the previous one.
    placeholderData: (previous) => previous,
    ...queryDefaults,
  });
}

/** The DAO's pending join requests, current states and intents, agreements, resources and proposals. */
export function useDaoEvents() {
  return useDashboardPart(eventsOf);
}

/** The live values of what {@link useDaoEvents} names (data/queries.ts adds the deadlines it refreshes at). */
export function useDashboardState() {
  return useDashboardPart(stateOf);
}

/** What a write action receives: the SDK client with the wallet, and the options to pass on. */
export type WriteContext = { concord: AppClient; options: Pick<WriteOptions, "onSubmitted"> };

/** A running write: its progress and how to start it. */
export type Write = {
  progress: WriteProgress;
  busy: boolean;
  /**
   * Runs a write: `action` names it for the progress line; `send` calls the SDK with the given options.
   * Resolves to the SDK's result, or undefined when it failed (the failure is in `progress`).
   */
  run<result extends { hash: Hash }>(
    action: string,
    send: (context: WriteContext) => Promise<result>,
    after?: { summary?: (result: result) => string | null; onConfirmed?: (result: result) => void },
  ): Promise<result | undefined>;
  reset(): void;
};

/**
 * A write with its progress: checking (the SDK simulates) → waiting for your signature (the first
 * request reaches the wallet) → pending (the SDK reports the hash) → confirmed; refusals explained.
 */
export function useWrite(): Write {
  const config = useConfig();
  const { app, refresher } = useConcord();
  const [progress, dispatch] = useReducer(progressReducer, idleProgress);
  const running = useRef(false);
  // A finished write's outcome belongs to the account that made it.
  const account = useConnection().address;
  useEffect(() => dispatch({ type: "clear" }), [account]);

  const run = useCallback<Write["run"]>(
    async (action, send, after) => {
      if (running.current) return undefined;
      running.current = true;
      dispatch({ type: "start", action });
      try {
        const connectorClient = await getConnectorClient(config, { chainId: app.chain.id });
        let asked = false;
        const walletClient = createWalletClient({
          account: connectorClient.account,
          chain: app.chain,
          pollingInterval: app.pollingInterval,
          transport: custom(
            {
              request: (args) => {
                if (!asked) {
                  asked = true;
                  dispatch({ type: "walletRequested" });
                }
                return connectorClient.request(args as never);
              },
            },
            { retryCount: 0 },
          ),
        });
        const publicClient = getPublicClient(config, { chainId: app.chain.id })!;
        const concord = createAppClient({ publicClient, walletClient, deployment: app.deployment });
        const result = await send({
          concord,
          options: { onSubmitted: (hash) => dispatch({ type: "submitted", hash }) },
        });
        dispatch({ type: "confirmed", hash: result.hash, summary: after?.summary?.(result) ?? null });
        // Its domains refresh now (the block watcher then skips its logs).
        await (await refresher()).refresher.afterWrite(result as Parameters<Refresher["afterWrite"]>[0]);
        after?.onConfirmed?.(result);
        return result;
      } catch (error) {
        dispatch({ type: "failed", error: explainError(error) });
        return undefined;
      } finally {
        running.current = false;
      }
    },
    [app, config, refresher],
  );

  const reset = useCallback(() => dispatch({ type: "reset" }), []);
  return { progress, busy: isBusy(progress), run, reset };
}
