import { BrowserProvider, HDNodeWallet } from "ethers";
import { getAddress, recoverTypedDataAddress, verifyMessage } from "viem";
import type { Address } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  ContractRefusalError,
  InvalidInputError,
  createConcordClient,
  fromEip1193,
  fromEthers,
} from "../../sdk/index.ts";
import type { FromEthersParameters } from "../../sdk/index.ts";
import { createTestChain, rejection } from "./fixture.ts";
import type { Deployed, TestChain } from "./fixture.ts";

const MNEMONIC = "test test test test test test test test test test test junk";

let chain: TestChain;
let deployed: Deployed;
let browserProvider: BrowserProvider;

beforeAll(async () => {
  chain = await createTestChain();
  deployed = await chain.deploy();
  browserProvider = new BrowserProvider(chain.provider);
});

afterAll(() => {
  browserProvider.destroy();
});

function concordFrom(clients: Awaited<ReturnType<typeof fromEip1193>>) {
  return createConcordClient({
    ...clients,
    addresses: { cellRegistry: deployed.address },
    startBlock: deployed.startBlock,
  });
}

describe("fromEip1193", () => {
  it("uses the provider's first account (eth_sendTransaction) and decodes refusals", async () => {
    const clients = await fromEip1193(chain.provider, { pollingInterval: 50 });
    expect(clients.publicClient.chain.id).toBe(31337);
    expect(clients.walletClient?.account.address).toBe(chain.accounts[0]);
    const concord = concordFrom(clients);
    const { cellId } = await concord.cells.createCell({ name: "Via EIP-1193" });
    expect((await concord.cells.getCell({ cellId })).creator).toBe(chain.accounts[0]);

    const asAlice = concordFrom(
      await fromEip1193(chain.provider, { account: chain.accounts[1]!, pollingInterval: 50 }),
    );
    const error = await rejection(asAlice.cells.setPhase({ cellId, phase: 1 }));
    expect(error).toBeInstanceOf(ContractRefusalError);
    expect((error as ContractRefusalError).errorName).toBe("CellNotSteward");
  });

  it("signs locally with a viem account and can be read-only", async () => {
    const local = mnemonicToAccount(MNEMONIC, { addressIndex: 2 });
    expect(local.address).toBe(chain.accounts[2]);
    const concord = concordFrom(await fromEip1193(chain.provider, { account: local, pollingInterval: 50 }));
    expect(concord.walletClient?.account?.type).toBe("local");
    const { cellId, receipt } = await concord.cells.createCell({ name: "Signed locally" });
    expect(getAddress(receipt.from)).toBe(local.address);
    expect((await concord.cells.getCell({ cellId })).creator).toBe(local.address);

    const readOnly = await fromEip1193(chain.provider, { account: null });
    expect(readOnly.walletClient).toBeUndefined();
    expect(await concordFrom(readOnly).cells.cellExists({ cellId })).toBe(true);
  });
});

describe("fromEthers", () => {
  it("wraps an ethers BrowserProvider and forwards eth_sendTransaction for a JsonRpcSigner", async () => {
    const signer = await browserProvider.getSigner(0);
    const clients = await fromEthers({ provider: browserProvider, signer, pollingInterval: 50 });
    expect(clients.walletClient?.account.type).toBe("json-rpc");
    const concord = concordFrom(clients);
    const { cellId } = await concord.cells.createCell({ name: "Via ethers" });
    await concord.cells.addMember({ cellId, account: chain.accounts[3]! });
    expect(await concord.cells.memberCount({ cellId })).toBe(2);

    // Refusals come back through ethers' error wrapping and are still decoded.
    const asAlice = concordFrom(
      await fromEthers({
        provider: browserProvider,
        signer: await browserProvider.getSigner(1),
        pollingInterval: 50,
      }),
    );
    const error = await rejection(asAlice.cells.addMember({ cellId, account: chain.accounts[4]! }));
    expect(error).toBeInstanceOf(ContractRefusalError);
    expect((error as ContractRefusalError).errorName).toBe("CellNotSteward");
    expect((error as ContractRefusalError).namedArgs).toEqual({ cellId, account: chain.accounts[1] });
    // Reads refused through ethers too.
    await expect(asAlice.cells.memberCount({ cellId: 99n })).rejects.toMatchObject({
      errorName: "CellNonexistent",
    });
  });

  it("delegates signing to an ethers Wallet through a viem custom account", async () => {
    const wallet = HDNodeWallet.fromPhrase(MNEMONIC, undefined, "m/44'/60'/0'/0/5");
    const address = getAddress(wallet.address) as Address;
    expect(address).toBe(chain.accounts[5]);
    const clients = await fromEthers({ provider: browserProvider, signer: wallet, pollingInterval: 50 });
    expect(clients.walletClient?.account.type).toBe("local");
    const concord = concordFrom(clients);
    const { cellId, receipt } = await concord.cells.createCell({ name: "Signed by ethers" });
    expect(getAddress(receipt.from)).toBe(address);
    await concord.cells.declareState({ cellId, state: "signing with ethers" });
    expect((await concord.cells.stateOf({ cellId, account: address }))?.state).toBe("signing with ethers");

    // Message and typed-data signatures are ethers' and verify with viem.
    const walletClient = clients.walletClient!;
    const signature = await walletClient.signMessage({ message: "hello concord" });
    expect(await verifyMessage({ address, message: "hello concord", signature })).toBe(true);
    const raw = await walletClient.signMessage({ message: { raw: "0x68656c6c6f" } });
    expect(await verifyMessage({ address, message: { raw: "0x68656c6c6f" }, signature: raw })).toBe(true);
    const typedData = {
      domain: { name: "Concord", version: "1", chainId: 31337, verifyingContract: deployed.address },
      types: {
        Vote: [
          { name: "cellId", type: "uint256" },
          { name: "support", type: "bool" },
        ],
      },
      primaryType: "Vote",
      message: { cellId, support: true },
    } as const;
    const typedSignature = await walletClient.signTypedData(typedData);
    expect(await recoverTypedDataAddress({ ...typedData, signature: typedSignature })).toBe(address);
  });

  it("refuses a provider without send", async () => {
    const error = await rejection(fromEthers({ provider: {} as FromEthersParameters["provider"] }));
    expect(error).toBeInstanceOf(InvalidInputError);
  });
});
