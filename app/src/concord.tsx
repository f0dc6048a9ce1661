/**
 * The app's link to Concord: the SDK client for reads, the queries every screen shares, what refreshes them
 * (the block watcher, for the domains Concord's new logs touch; the deadlines of what is on screen; the
 * viewer's own writes), and the write hook with its progress.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, use, useCallback, useEffect, useMemo, useReducer, useRef } from "react";
import type { ReactNode } from "react";
import { createWalletClient, custom } from "viem";
import type { Address, Hash } from "viem";
import { useConfig, useConnection, useWatchBlockNumber } from "wagmi";
import { getConnectorClient, getPublicClient } from "wagmi/actions";

import { scanLogs } from "../../sdk/index.ts";
import type { WriteOptions } from "../../sdk/index.ts";
import { chainTimeNow } from "./components/Countdown.tsx";
import type { AppConfig } from "./config.ts";
import { createAppClient } from "./data/client.ts";
import type { AppClient } from "./data/client.ts";
import { cellsKeys, concordKey, daoKeys } from "./data/keys.ts";
import type { Domain } from "./data/keys.ts";
import { loadDaoEvents, loadDirectory } from "./data/loaders.ts";
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
        }),
      })));
    return { app, initialBlock, reader, refresher };
  }, [app, config, initialBlock, queryClient]);
  useEffect(
    () => () => {
      // Only a refresher that was loaded has a timer to stop.
      void value.refresher().then(({ refresher }) => refresher.deadlines.dispose());
    },
    [value],
  );
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
function pollingPaused(): boolean {
  return (globalThis as { __concordPollingPaused?: unknown }).__concordPollingPaused === true;
}

/**
 * Follows the chain (polling `eth_blockNumber`): on each new block, the logs of Concord's contracts since the
 * last block seen are read and only the domains they touch refresh (see `data/refresh.ts`). The baseline is
 * the block read at start, before any query ran, so a change made between the first reads and the first poll
 * is not missed.
 */
export function useChainWatcher(): void {
  const { app, refresher } = useConcord();
  useWatchBlockNumber({
    chainId: app.chain.id,
    enabled: !pollingPaused(),
    // In order: every head waits for the same load of the follower.
    onBlockNumber: (blockNumber) =>
      void refresher().then(({ refresher }) => refresher.follower.onBlock(blockNumber)),
  });
}

/** What {@link useRefreshAt} asks of the data shown: the chain time it was read at, and its deadlines. */
export type DeadlinesOf<data> = (
  data: data,
  helpers: Pick<typeof RefreshModule, "leaseDeadlines" | "proposalDeadlines">,
) => { readAt: bigint; deadlines: readonly (bigint | null | undefined)[] };

/**
 * Refreshes `domains` when the chain's clock reaches the earliest deadline of `data` after the time it was
 * read at: what changes by time alone (a vote closing, a lease expiring) emits no log. `deadlinesOf` runs
 * once per new `data`, with the helpers of data/refresh.ts (loaded on first use).
 *
 * @example
 * useRefreshAt(["governance"], query.data?.proposal, (proposal, { proposalDeadlines }) => ({
 *   readAt: proposal.now,
 *   deadlines: proposalDeadlines(proposal),
 * }));
 */
export function useRefreshAt<data>(
  domains: readonly Domain[],
  data: data | undefined,
  deadlinesOf: DeadlinesOf<data>,
): void {
  const { refresher } = useConcord();
  const pick = useRef(deadlinesOf);
  pick.current = deadlinesOf;
  const domainsKey = domains.join(",");
  useEffect(() => {
    if (data === undefined) return;
    let removals: (() => void)[] | null = null;
    let gone = false;
    void refresher().then((loaded) => {
      if (gone) return;
      const { readAt, deadlines } = pick.current(data, loaded);
      const list = domainsKey.split(",") as Domain[];
      removals = loaded.upcoming(deadlines, readAt).map((at) => loaded.refresher.deadlines.add(list, at));
    });
    return () => {
      gone = true;
      removals?.forEach((remove) => remove());
    };
  }, [refresher, data, domainsKey]);
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
 * Every cell, and the connected account's standing in each; on the local chain, the dev accounts'
 * standing too (same multicall, no extra request), so that "Playing as" says what each one is now.
 */
export function useDirectory() {
  const { reader, app } = useConcord();
  const { account } = useViewer();
  return useQuery({
    queryKey: cellsKeys.directory(app.chain.id, account),
    queryFn: () => loadDirectory(reader, account, app.isLocal ? devAddresses : []),
    // While another account's standing loads, keep the cells but not the previous account's roles.
    placeholderData: (previous) => previous && { ...previous, standing: null },
    ...queryDefaults,
  });
}

/** The DAO's pending join requests, current states and intents (one scan). */
export function useDaoEvents() {
  const { reader, app } = useConcord();
  return useQuery({
    queryKey: daoKeys.events(app.chain.id),
    queryFn: () => loadDaoEvents(reader),
    ...queryDefaults,
  });
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
