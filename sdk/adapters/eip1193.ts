/**
 * Adapter for any EIP-1193 provider (`window.ethereum`, WalletConnect, Hardhat's provider...).
 */
import { hexToNumber } from "viem";
import type { Account, Address, EIP1193RequestFn, Hex } from "viem";

import { toAddress } from "../internal/validate.ts";
import { buildClients, chainFromId } from "./shared.ts";
import type { AdapterClients, AdapterOptions } from "./shared.ts";

/** The part of an EIP-1193 provider the adapter uses. */
export type Eip1193ProviderLike = {
  request(args: { method: string; params?: unknown }): Promise<unknown>;
};

/** Options of {@link fromEip1193}. */
export type FromEip1193Options = AdapterOptions & {
  /**
   * The account to send from: an address (signed by the provider, `eth_sendTransaction`), a viem
   * `Account` (signed locally), or null for read-only. Default: the provider's first `eth_accounts`
   * entry, if any (this does not prompt a browser wallet: call `eth_requestAccounts` first).
   */
  account?: Address | Account | null | undefined;
};

/**
 * viem clients over an EIP-1193 provider, for `createConcordClient`.
 *
 * @example
 * import { createConcordClient, fromEip1193 } from "@concord-dao/sdk";
 *
 * await window.ethereum.request({ method: "eth_requestAccounts" });
 * const { publicClient, walletClient } = await fromEip1193(window.ethereum);
 * const concord = createConcordClient({ publicClient, walletClient });
 */
export async function fromEip1193(
  provider: Eip1193ProviderLike,
  options: FromEip1193Options = {},
): Promise<AdapterClients> {
  const request = ((args: { method: string; params?: unknown }) =>
    provider.request(args)) as EIP1193RequestFn;
  const chain =
    options.chain ?? chainFromId(hexToNumber((await provider.request({ method: "eth_chainId" })) as Hex));
  let account: Address | Account | undefined;
  if (options.account === undefined) {
    const accounts = (await provider.request({ method: "eth_accounts" })) as string[] | undefined;
    account = accounts?.[0] === undefined ? undefined : toAddress("account", accounts[0]);
  } else if (options.account !== null) {
    account = typeof options.account === "string" ? toAddress("account", options.account) : options.account;
  }
  const viemAccount: Account | undefined =
    typeof account === "string" ? { address: account, type: "json-rpc" } : account;
  return buildClients(request, chain, viemAccount, options, "eip1193");
}
