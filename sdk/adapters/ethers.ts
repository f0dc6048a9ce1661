/**
 * Adapter for ethers v6 integrators: an ethers JSON-RPC provider (`JsonRpcProvider`,
 * `BrowserProvider`...) and optionally a signer (`Wallet`, `JsonRpcSigner`, any `AbstractSigner`).
 *
 * Types are structural: the SDK does not import ethers at runtime.
 */
import { hexToBytes, hexToNumber } from "viem";
import type { Account, Address, EIP1193RequestFn, Hex, TransactionSerializable } from "viem";
import { toAccount } from "viem/accounts";

import { InvalidInputError } from "../errors.ts";
import { toAddress } from "../internal/validate.ts";
import { buildClients, chainFromId } from "./shared.ts";
import type { AdapterClients, AdapterOptions } from "./shared.ts";

/** The part of an ethers provider the adapter uses: `send(method, params)` (any `JsonRpcApiProvider`). */
export type EthersProviderLike = {
  send(method: string, params: unknown[] | Record<string, unknown>): Promise<unknown>;
};

/** The part of an ethers `Signer` the adapter uses. */
export type EthersSignerLike = {
  getAddress(): Promise<string>;
  signMessage(message: string | Uint8Array): Promise<string>;
  signTransaction(transaction: Record<string, unknown>): Promise<string>;
  signTypedData(
    domain: Record<string, unknown>,
    types: Record<string, readonly { name: string; type: string }[]>,
    value: Record<string, unknown>,
  ): Promise<string>;
  /** Present on ethers' `JsonRpcSigner`: the node or wallet behind the provider signs. */
  sendUncheckedTransaction?: unknown;
};

/** Parameters of {@link fromEthers}. */
export type FromEthersParameters = AdapterOptions & {
  /** An ethers v6 provider with `send` (`JsonRpcProvider`, `BrowserProvider`, `WebSocketProvider`...). */
  provider: EthersProviderLike;
  /**
   * The signer, if writes are needed. A `JsonRpcSigner` keeps signing in the node or browser wallet
   * (`eth_sendTransaction` is forwarded); any other signer (a `Wallet`...) signs through a viem custom
   * account that delegates `signTransaction`, `signMessage` and `signTypedData` to it.
   */
  signer?: EthersSignerLike | undefined;
};

/**
 * viem clients over an ethers v6 provider and signer, for `createConcordClient`.
 *
 * @example
 * import { BrowserProvider, Wallet } from "ethers";
 * import { createConcordClient, fromEthers } from "@concord-dao/sdk";
 *
 * const provider = new BrowserProvider(window.ethereum);
 * const { publicClient, walletClient } = await fromEthers({ provider, signer: await provider.getSigner() });
 * // or a key held by ethers:
 * // await fromEthers({ provider, signer: new Wallet(privateKey, provider) });
 * const concord = createConcordClient({ publicClient, walletClient });
 */
export async function fromEthers(parameters: FromEthersParameters): Promise<AdapterClients> {
  const { provider, signer } = parameters;
  if (typeof provider?.send !== "function") {
    throw new InvalidInputError(
      "provider",
      provider,
      "expected an ethers JSON-RPC provider with send(method, params) (JsonRpcProvider, BrowserProvider...)",
    );
  }
  const request = (async ({ method, params }: { method: string; params?: unknown }) => {
    try {
      return await provider.send(method, (params ?? []) as unknown[]);
    } catch (error) {
      throw toEip1193Error(error);
    }
  }) as EIP1193RequestFn;

  const chain =
    parameters.chain ??
    chainFromId(hexToNumber((await request({ method: "eth_chainId" })) as unknown as Hex));

  let account: Account | undefined;
  if (signer) {
    const address = toAddress("signer", await signer.getAddress());
    account =
      typeof signer.sendUncheckedTransaction === "function"
        ? { address, type: "json-rpc" }
        : ethersSignerToAccount(address, signer);
  }
  return buildClients(request, chain, account, parameters, "ethers");
}

/**
 * A viem local account whose signatures come from an ethers signer (for example a `Wallet`).
 *
 * @example
 * import { Wallet } from "ethers";
 * import { ethersSignerToAccount } from "@concord-dao/sdk";
 *
 * const wallet = new Wallet(privateKey);
 * const account = ethersSignerToAccount(wallet.address, wallet);
 */
export function ethersSignerToAccount(address: Address, signer: EthersSignerLike): Account {
  return toAccount({
    address,
    async signMessage({ message }) {
      const payload =
        typeof message === "string"
          ? message
          : typeof message.raw === "string"
            ? hexToBytes(message.raw)
            : message.raw;
      return (await signer.signMessage(payload)) as Hex;
    },
    async signTransaction(transaction) {
      return (await signer.signTransaction(
        toEthersTransaction(transaction as TransactionSerializable),
      )) as Hex;
    },
    async signTypedData(typedData) {
      const { domain, types, message } = typedData as {
        domain?: Record<string, unknown>;
        types: Record<string, readonly { name: string; type: string }[]>;
        message: Record<string, unknown>;
      };
      // ethers derives the domain type itself and refuses an explicit EIP712Domain entry.
      const { EIP712Domain: _domainType, ...rest } = types;
      return (await signer.signTypedData(domain ?? {}, rest, message)) as Hex;
    },
  });
}

const TYPE_NUMBERS: Record<string, number> = { legacy: 0, eip2930: 1, eip1559: 2 };

/** Converts a viem transaction to the ethers `TransactionLike` shape. */
function toEthersTransaction(transaction: TransactionSerializable): Record<string, unknown> {
  const tx = transaction as TransactionSerializable & { accessList?: unknown; gasPrice?: bigint };
  const type =
    tx.type ??
    (tx.maxFeePerGas !== undefined || tx.maxPriorityFeePerGas !== undefined
      ? "eip1559"
      : tx.accessList !== undefined
        ? "eip2930"
        : "legacy");
  const typeNumber = TYPE_NUMBERS[type];
  if (typeNumber === undefined) {
    throw new InvalidInputError(
      "transaction.type",
      type,
      "the ethers adapter signs legacy, EIP-2930 and EIP-1559 transactions only",
    );
  }
  const out: Record<string, unknown> = {
    type: typeNumber,
    chainId: tx.chainId,
    nonce: tx.nonce,
    to: tx.to ?? null,
    data: tx.data,
    value: tx.value,
    gasLimit: tx.gas,
  };
  if (typeNumber === 2) {
    out.maxFeePerGas = tx.maxFeePerGas;
    out.maxPriorityFeePerGas = tx.maxPriorityFeePerGas;
  } else {
    out.gasPrice = tx.gasPrice;
  }
  if (typeNumber !== 0 && tx.accessList !== undefined) out.accessList = tx.accessList;
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
  return out;
}

/**
 * ethers wraps JSON-RPC errors (`CALL_EXCEPTION`, `UNKNOWN_ERROR`...); viem expects EIP-1193 errors
 * with a numeric `code` and revert `data`. Unwraps the original when ethers kept it.
 */
function toEip1193Error(error: unknown): unknown {
  if (typeof error !== "object" || error === null) return error;
  const e = error as {
    code?: unknown;
    data?: unknown;
    message?: string;
    shortMessage?: string;
    error?: { code?: unknown; message?: string; data?: unknown };
    info?: { error?: { code?: unknown; message?: string; data?: unknown } };
  };
  const raw = e.info?.error ?? e.error;
  if (raw && typeof raw === "object" && typeof raw.code === "number") {
    const data = typeof raw.data === "string" || typeof raw.data === "object" ? raw.data : e.data;
    return Object.assign(new Error(raw.message ?? e.shortMessage ?? "RPC error"), { code: raw.code, data });
  }
  if (e.code === "CALL_EXCEPTION") {
    return Object.assign(new Error(e.shortMessage ?? "execution reverted"), { code: 3, data: e.data });
  }
  if (e.code === "ACTION_REJECTED") {
    return Object.assign(new Error(e.shortMessage ?? "User rejected the request."), { code: 4001 });
  }
  return error;
}
