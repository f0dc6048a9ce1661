/**
 * Boots the app: reads the run-time `config.json` (optional), resolves the chain and the deployment,
 * and renders under wagmi, TanStack Query and the Concord provider.
 */
import "./styles.css";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { WagmiProvider } from "wagmi";
import { getBlockNumber } from "wagmi/actions";

import { App } from "./App.tsx";
import { ConcordProvider } from "./concord.tsx";
import { resolveAppConfig, settingsFromEnv, settingsFromJson } from "./config.ts";
import type { AppConfig, AppSettings } from "./config.ts";
import { createWagmiConfig } from "./wagmi.ts";

/** What public/preload.js started while the bundle loaded (absent if the page does not include it). */
type Preload = {
  config: Promise<string | null>;
  block: Promise<{ rpcUrl: string; blockNumber: `0x${string}` } | null>;
};
const preload = (window as unknown as { __concordPreload?: Preload }).__concordPreload;

/** The optional `config.json` next to index.html; absent or not JSON means "use the build's settings". */
async function fetchRuntimeSettings(): Promise<AppSettings> {
  const text = preload
    ? await preload.config
    : await fetch("./config.json", { cache: "no-store" })
        .then((response) => (response.ok ? response.text() : null))
        .catch(() => null);
  if (text === null) return {};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {}; // e.g. a dev server answering index.html for every path
  }
  return settingsFromJson(json);
}

function ConfigProblem({ message }: { message: string }) {
  return (
    <main className="config-problem">
      <h1>Concord cannot start</h1>
      <p role="alert">{message}</p>
      <p className="muted">See app/README.md: chain and RPC settings.</p>
    </main>
  );
}

async function boot(): Promise<void> {
  const root = createRoot(document.getElementById("root")!);
  let app: AppConfig;
  try {
    app = resolveAppConfig(settingsFromEnv(import.meta.env), await fetchRuntimeSettings());
  } catch (error) {
    root.render(<ConfigProblem message={error instanceof Error ? error.message : String(error)} />);
    return;
  }
  const wagmiConfig = createWagmiConfig(app);
  const queryClient = new QueryClient();
  // The block the first reads start from: any later block refreshes them (see useChainWatcher).
  const preloaded = await preload?.block;
  const initialBlock =
    preloaded && preloaded.rpcUrl === app.rpcUrl
      ? BigInt(preloaded.blockNumber)
      : await Promise.race([
          getBlockNumber(wagmiConfig, { chainId: app.chain.id }),
          new Promise<undefined>((resolve) => setTimeout(resolve, 3000)),
        ]).catch(() => undefined);
  root.render(
    <StrictMode>
      <WagmiProvider config={wagmiConfig}>
        <QueryClientProvider client={queryClient}>
          <ConcordProvider app={app} initialBlock={initialBlock}>
            <App />
          </ConcordProvider>
        </QueryClientProvider>
      </WagmiProvider>
    </StrictMode>,
  );
}

void boot();
