/**
 * A wagmi connector for the local chain's funded dev accounts (Hardhat's public test keys, Alice…Erin
 * from `scripts/seed.ts`), so that a newcomer can try every action without a wallet extension and
 * switch accounts to play several members.
 *
 * Keys stay in the page and sign locally (transactions, `personal_sign`, `eth_signTypedData_v4`), like a
 * browser wallet would; the node only sees raw signed transactions. Offered on chain 31337 only.
 */
import {
  createWalletClient,
  getAddress,
  hexToBigInt,
  http,
  numberToHex,
  type Address,
  type Hex,
  type TypedDataDefinition,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { createConnector } from "wagmi";

import { DEV_ACCOUNTS } from "../../../scripts/seed.ts";

/**
 * A dev account as offered by the app. What it is in the DAO (its roles) is read from the chain, not
 * kept here: the seed's descriptions go stale as soon as roles change.
 */
export type DevAccount = { name: string; address: Address; privateKey: Hex };

/** The demo's dev accounts (Alice #0 … Erin #4). */
export const devAccounts: readonly DevAccount[] = DEV_ACCOUNTS.slice(0, 5).map((account) => ({
  name: account.name,
  address: getAddress(account.address),
  privateKey: account.privateKey,
}));

/** The connector's id (wagmi remembers it to reconnect on reload). */
export const DEV_WALLET_ID = "concordDevAccounts";

const STORAGE_KEY = "concord.devAccount";

/** Thrown when the dev accounts are asked for while disconnected (named like wagmi's own error). */
class ConnectorNotConnectedError extends Error {
  override name = "ConnectorNotConnectedError";
  constructor() {
    super("The dev accounts are not connected.");
  }
}

/** The extra method of the dev connector: play as another account. */
export type DevWalletProperties = {
  /** Makes `address` the connected account (like switching accounts in a wallet). */
  selectAccount(address: Address): void;
};

type RpcTransaction = {
  from?: Address;
  to?: Address | null;
  data?: Hex;
  input?: Hex;
  value?: Hex;
  gas?: Hex;
  nonce?: Hex;
  maxFeePerGas?: Hex;
  maxPriorityFeePerGas?: Hex;
  gasPrice?: Hex;
};

function readStored(): DevAccount | null {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    return devAccounts.find((account) => account.address === stored) ?? null;
  } catch {
    return null;
  }
}

function store(account: DevAccount | null): void {
  try {
    if (account) globalThis.localStorage?.setItem(STORAGE_KEY, account.address);
    else globalThis.localStorage?.removeItem(STORAGE_KEY);
  } catch {
    // Private browsing without storage: the choice is simply not remembered.
  }
}

/**
 * The dev-accounts connector.
 *
 * @example
 * createConfig({ chains: [chain], connectors: [devWallet({ rpcUrl }), injected()], transports });
 */
export function devWallet(parameters: { rpcUrl: string }) {
  return createConnector<
    { request(args: { method: string; params?: unknown }): Promise<unknown> },
    DevWalletProperties
  >((config) => {
    const chain = config.chains[0];
    let current: DevAccount | null = readStored();
    let connected = false;

    const clientFor = (account: DevAccount) =>
      createWalletClient({
        account: privateKeyToAccount(account.privateKey),
        chain,
        transport: http(parameters.rpcUrl, { retryCount: 0 }),
      });

    const requireAccount = (): DevAccount => {
      if (!connected || !current) throw new ConnectorNotConnectedError();
      return current;
    };

    // An EIP-1193 face for code that asks for the provider; wagmi's own actions use `getClient`.
    const provider = {
      async request({ method, params }: { method: string; params?: unknown }): Promise<unknown> {
        const args = (params ?? []) as unknown[];
        switch (method) {
          case "eth_accounts":
          case "eth_requestAccounts":
            return connected && current ? [current.address] : [];
          case "eth_chainId":
            return numberToHex(chain.id);
          case "personal_sign": {
            const account = privateKeyToAccount(requireAccount().privateKey);
            return account.signMessage({ message: { raw: args[0] as Hex } });
          }
          case "eth_signTypedData_v4": {
            const account = privateKeyToAccount(requireAccount().privateKey);
            const typedData = JSON.parse(String(args[1])) as TypedDataDefinition;
            return account.signTypedData(typedData);
          }
          case "eth_sendTransaction": {
            const tx = args[0] as RpcTransaction;
            const client = clientFor(requireAccount());
            const big = (value: Hex | undefined) => (value === undefined ? undefined : hexToBigInt(value));
            return client.sendTransaction({
              to: tx.to ?? undefined,
              data: tx.data ?? tx.input,
              value: big(tx.value),
              gas: big(tx.gas),
              chain,
            });
          }
          default: {
            const client = clientFor(current ?? devAccounts[0]!);
            return client.request({ method, params } as never);
          }
        }
      },
    };

    return {
      id: DEV_WALLET_ID,
      name: "Dev accounts",
      type: "concordDev",
      async connect(options) {
        current ??= readStored() ?? devAccounts[0]!;
        connected = true;
        store(current);
        const accounts = [current.address];
        return {
          accounts: (options?.withCapabilities
            ? accounts.map((address) => ({ address, capabilities: {} }))
            : accounts) as never,
          chainId: chain.id,
        };
      },
      async disconnect() {
        connected = false;
        store(null);
      },
      async getAccounts() {
        return [requireAccount().address];
      },
      async getChainId() {
        return chain.id;
      },
      async getProvider() {
        return provider;
      },
      async getClient() {
        return clientFor(requireAccount());
      },
      async isAuthorized() {
        return readStored() !== null;
      },
      onAccountsChanged(accounts) {
        if (accounts.length === 0) this.onDisconnect();
        else config.emitter.emit("change", { accounts: accounts.map((a) => getAddress(a)) });
      },
      onChainChanged() {
        // The dev accounts live on the local chain only.
      },
      onDisconnect() {
        connected = false;
        config.emitter.emit("disconnect");
      },
      selectAccount(address: Address) {
        const next = devAccounts.find((account) => account.address === getAddress(address));
        if (!next) return;
        current = next;
        store(next);
        if (connected) config.emitter.emit("change", { accounts: [next.address] });
      },
    };
  });
}
