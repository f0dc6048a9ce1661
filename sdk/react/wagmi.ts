/**
 * The Concord client of a wagmi app: built from wagmi's public and wallet clients for the connected chain.
 */
import { useMemo } from "react";
import { usePublicClient, useWalletClient } from "wagmi";

import { createConcordClient } from "../client.ts";
import type { ConcordClient, CreateConcordClientParameters } from "../client.ts";

/** Parameters of {@link useWagmiConcordClient}: those of `createConcordClient` but the viem clients. */
export type UseWagmiConcordClientParameters = Omit<
  CreateConcordClientParameters,
  "publicClient" | "walletClient"
>;

/**
 * A Concord client on wagmi's clients (reads through the public client, writes through the connected wallet),
 * rebuilt when the chain or the wallet changes; undefined until wagmi has a public client. Keep `addresses` and
 * `deployment` stable (module constants or `useMemo`).
 *
 * @example
 * function Providers({ children }: { children: React.ReactNode }) {
 *   const concord = useWagmiConcordClient();
 *   return concord ? <ConcordProvider client={concord}>{children}</ConcordProvider> : null;
 * }
 */
export function useWagmiConcordClient(
  parameters: UseWagmiConcordClientParameters = {},
): ConcordClient | undefined {
  const publicClient = usePublicClient();
  const { data: walletClient } = useWalletClient();
  const { deployment, addresses, startBlock, chainId, maxBlockRange } = parameters;
  return useMemo(
    () =>
      publicClient
        ? createConcordClient({
            publicClient,
            walletClient,
            deployment,
            addresses,
            startBlock,
            chainId,
            maxBlockRange,
          })
        : undefined,
    [publicClient, walletClient, deployment, addresses, startBlock, chainId, maxBlockRange],
  );
}
