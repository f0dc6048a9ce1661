/**
 * Pieces shared by the adapters: a minimal chain for an id, and client construction.
 */
import { RpcRequestError, createPublicClient, createWalletClient, custom, defineChain, isHex } from "viem";
import type { Account, Chain, EIP1193RequestFn, PublicClient, Transport, WalletClient } from "viem";

/** What an adapter returns: viem clients ready for `createConcordClient`. */
export type AdapterClients = {
  publicClient: PublicClient<Transport, Chain>;
  /** Present when an account is available. */
  walletClient: WalletClient<Transport, Chain, Account> | undefined;
};

/** Options shared by the adapters. */
export type AdapterOptions = {
  /** The chain (default: a minimal chain built from `eth_chainId`). */
  chain?: Chain | undefined;
  /** Polling interval of the clients in ms (viem's default is 4000). */
  pollingInterval?: number | undefined;
};

/**
 * A minimal viem chain for an id, when the integrator does not pass one.
 *
 * @example
 * chainFromId(31337).id; // 31337
 */
export function chainFromId(id: number): Chain {
  return defineChain({
    id,
    name: `Chain ${id}`,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [] } },
  });
}

/**
 * @internal Builds the clients over one EIP-1193 `request` function.
 *
 * @example
 * const { publicClient, walletClient } = buildClients(request, chainFromId(31337), account, {}, "eip1193");
 */
export function buildClients(
  request: EIP1193RequestFn,
  chain: Chain,
  account: Account | undefined,
  options: AdapterOptions,
  key: string,
): AdapterClients {
  const transport = custom({ request: revertAware(request) }, { key, name: `Concord ${key}` });
  const common = options.pollingInterval === undefined ? {} : { pollingInterval: options.pollingInterval };
  const publicClient = createPublicClient({ chain, transport, ...common });
  const walletClient = account ? createWalletClient({ chain, transport, account, ...common }) : undefined;
  return { publicClient, walletClient };
}

/**
 * viem retries EIP-1193 errors it cannot classify (and -32603), which turns every contract refusal into
 * three delayed retries. A refusal is deterministic: rethrow it as an `RpcRequestError` with code 3
 * ("execution reverted") and its revert data, which viem does not retry and decodes as a revert.
 */
function revertAware(request: EIP1193RequestFn): EIP1193RequestFn {
  return (async (args: { method: string; params?: unknown }) => {
    try {
      return await (request as (args: unknown) => Promise<unknown>)(args);
    } catch (error) {
      const { code, message, data } = (error ?? {}) as { code?: unknown; message?: unknown; data?: unknown };
      const revertData =
        typeof data === "string"
          ? data
          : typeof data === "object" && data
            ? (data as { data?: unknown }).data
            : undefined;
      const hasRevertData = typeof revertData === "string" && isHex(revertData) && revertData.length >= 10;
      if (code === 3 || (code === -32603 && hasRevertData)) {
        throw new RpcRequestError({
          body: { method: args.method, params: args.params },
          error: {
            code: 3,
            message: typeof message === "string" ? message : "execution reverted",
            data: revertData,
          },
          url: "eip1193",
        });
      }
      throw error;
    }
  }) as EIP1193RequestFn;
}
