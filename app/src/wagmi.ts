/**
 * The wagmi configuration: the deployment's chain over its RPC, injected wallets (EIP-1193, and every
 * wallet announced through EIP-6963), and on the local chain the dev accounts.
 */
import { createConfig, http, injected } from "wagmi";

import type { AppConfig } from "./config.ts";
import { devWallet } from "./wallet/devWallet.ts";

/**
 * Builds the wagmi config for the resolved app configuration.
 *
 * @example
 * const wagmiConfig = createWagmiConfig(resolveAppConfig(settingsFromEnv(import.meta.env)));
 */
export function createWagmiConfig(app: AppConfig) {
  const transport = http(app.rpcUrl, { retryCount: 1 });
  return createConfig({
    chains: [app.chain],
    connectors: app.isLocal ? [devWallet({ rpcUrl: app.rpcUrl }), injected()] : [injected()],
    transports: { [app.chain.id]: transport },
    pollingInterval: app.pollingInterval,
    multiInjectedProviderDiscovery: true,
  });
}

/** The app's wagmi config type. */
export type ConcordWagmiConfig = ReturnType<typeof createWagmiConfig>;

declare module "wagmi" {
  interface Register {
    config: ConcordWagmiConfig;
  }
}
