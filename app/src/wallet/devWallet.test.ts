/**
 * The dev-accounts connector through wagmi: connect, switch accounts, sign typed data and messages
 * locally (no RPC needed for signatures).
 */
import { recoverMessageAddress, recoverTypedDataAddress } from "viem";
import { describe, expect, it } from "vitest";
import { createConfig, http } from "wagmi";
import { connect, disconnect, getConnection, signMessage, signTypedData } from "wagmi/actions";

import { resolveAppConfig } from "../config.ts";
import { DEV_WALLET_ID, devAccounts, devWallet } from "./devWallet.ts";
import type { DevWalletProperties } from "./devWallet.ts";

const app = resolveAppConfig({ rpcUrl: "http://127.0.0.1:1" });
const typedData = {
  domain: { name: "Concord", version: "1", chainId: 31337 },
  types: { Ack: [{ name: "agreement", type: "uint256" }] },
  primaryType: "Ack",
  message: { agreement: 7n },
} as const;

describe("dev accounts connector", () => {
  it("offers Alice…Erin from the seed script", () => {
    expect(devAccounts.map((account) => account.name)).toEqual(["Alice", "Bob", "Carol", "Dave", "Erin"]);
    expect(devAccounts[0]!.address).toBe("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
  });

  it("connects, switches accounts and signs like a wallet", async () => {
    const config = createConfig({
      chains: [app.chain],
      connectors: [devWallet({ rpcUrl: app.rpcUrl })],
      transports: { [app.chain.id]: http(app.rpcUrl) },
    });
    const connector = config.connectors.find((c) => c.id === DEV_WALLET_ID)!;
    await connect(config, { connector });
    expect(getConnection(config).address).toBe(devAccounts[0]!.address);
    expect(getConnection(config).chainId).toBe(31337);

    const signature = await signTypedData(config, typedData);
    expect(await recoverTypedDataAddress({ ...typedData, signature })).toBe(devAccounts[0]!.address);

    (connector as unknown as DevWalletProperties).selectAccount(devAccounts[1]!.address);
    expect(getConnection(config).address).toBe(devAccounts[1]!.address);
    const message = await signMessage(config, { message: "hello Concord" });
    expect(await recoverMessageAddress({ message: "hello Concord", signature: message })).toBe(
      devAccounts[1]!.address,
    );

    const provider = (await connector.getProvider()) as {
      request(args: { method: string; params?: unknown }): Promise<unknown>;
    };
    expect(await provider.request({ method: "eth_accounts" })).toEqual([devAccounts[1]!.address]);
    expect(await provider.request({ method: "eth_chainId" })).toBe("0x7a69");

    await disconnect(config);
    expect(getConnection(config).status).toBe("disconnected");
    expect(await provider.request({ method: "eth_accounts" })).toEqual([]);
  });
});
