import { createPublicClient, custom, getAddress } from "viem";
import type { Chain } from "viem";
import { beforeAll, describe, expect, it } from "vitest";

import {
  InvalidInputError,
  NoDeploymentError,
  WalletRequiredError,
  createConcordBaseClient,
  createConcordClient,
  deployments,
  getCell,
  getDeployment,
  rolesOf,
} from "../../sdk/index.ts";
import { createTestChain, rejection } from "./fixture.ts";
import type { TestChain } from "./fixture.ts";

let chain: TestChain;

beforeAll(async () => {
  chain = await createTestChain();
});

describe("createConcordClient and deployments", () => {
  it("defaults to the generated deployment of the public client's chain", async () => {
    // The first contract deployed by dev account 0 on a fresh chain lands at the recorded address.
    const { address } = await chain.deploy();
    expect(address).toBe(getAddress(deployments[31337].contracts.CellRegistry.address));

    const concord = createConcordClient({
      publicClient: chain.publicClient,
      walletClient: chain.walletClients[0],
    });
    expect(concord.chainId).toBe(31337);
    expect(concord.addresses.cellRegistry).toBe(address);
    expect(concord.contracts.cellRegistry.startBlock).toBe(
      BigInt(deployments[31337].contracts.CellRegistry.startBlock),
    );
    expect(concord.publicClient).toBe(chain.publicClient);
    expect(concord.walletClient).toBe(chain.walletClients[0]);

    const { cellId } = await concord.cells.createCell({ name: "On the default deployment" });
    expect((await concord.cells.getCell({ cellId })).name).toBe("On the default deployment");
  });

  it("getDeployment returns a record or throws NoDeploymentError", () => {
    expect(getDeployment(31337).contracts.CellRegistry?.address).toBe(
      deployments[31337].contracts.CellRegistry.address,
    );
    const error = (() => {
      try {
        getDeployment(1);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(NoDeploymentError);
    expect((error as NoDeploymentError).chainId).toBe(1);
    expect((error as NoDeploymentError).shortMessage).toBe("Concord is not deployed on chain 1.");
    expect((error as NoDeploymentError).details).toContain("Known chains: 31337");
  });

  it("throws NoDeploymentError for an unknown chain or a client without chain, unless addresses are given", () => {
    const mainnetLike = createPublicClient({
      chain: { ...chain.publicClient.chain, id: 1 } as Chain,
      transport: custom(chain.provider),
    });
    expect(() => createConcordClient({ publicClient: mainnetLike })).toThrow(NoDeploymentError);
    const chainless = createPublicClient({ transport: custom(chain.provider) });
    expect(() => createConcordClient({ publicClient: chainless })).toThrow(
      "The public client has no chain: cannot pick a Concord deployment.",
    );
    // chainId for a chainless client; explicit addresses anywhere.
    expect(createConcordClient({ publicClient: chainless, chainId: 31337 }).chainId).toBe(31337);
    const explicit = createConcordClient({
      publicClient: mainnetLike,
      addresses: { cellRegistry: "0x0000000000000000000000000000000000000001" },
      startBlock: 5,
    });
    expect(explicit.contracts.cellRegistry).toEqual({
      address: "0x0000000000000000000000000000000000000001",
      startBlock: 5n,
    });
    // A deployment record missing the contract.
    expect(() =>
      createConcordClient({
        publicClient: chain.publicClient,
        deployment: { chainId: 31337, name: "empty", contracts: {} },
      }),
    ).toThrow("The Concord deployment for chain 31337 has no CellRegistry.");
  });

  it("refuses a wallet client on another chain and malformed options", () => {
    const otherChainWallet = {
      ...chain.walletClients[0]!,
      chain: { ...chain.publicClient.chain, id: 5 } as Chain,
    };
    expect(() =>
      createConcordClient({ publicClient: chain.publicClient, walletClient: otherChainWallet }),
    ).toThrow(InvalidInputError);
    expect(() =>
      createConcordClient({
        publicClient: chain.publicClient,
        addresses: { cellRegistry: "0xnope" as `0x${string}` },
      }),
    ).toThrow(InvalidInputError);
    expect(() => createConcordClient({ publicClient: chain.publicClient, maxBlockRange: 0 })).toThrow(
      InvalidInputError,
    );
  });

  it("actions are tree-shakable functions taking a base client", async () => {
    const { address, startBlock, concord } = await chain.deploy();
    const { cellId } = await concord.cells.createCell({ name: "Bare" });
    const base = createConcordBaseClient({
      publicClient: chain.publicClient,
      addresses: { cellRegistry: address },
      startBlock,
    });
    expect("cells" in base).toBe(false);
    expect((await getCell(base, { cellId })).name).toBe("Bare");
    expect(await rolesOf(base, { cellId, account: chain.accounts[0]! })).toBe(3);
  });

  it("a wallet client without an account cannot write", async () => {
    const { address } = await chain.deploy();
    const { account: _account, ...accountless } = chain.walletClients[0]!;
    const concord = createConcordClient({
      publicClient: chain.publicClient,
      walletClient: { ...accountless, account: undefined } as unknown as (typeof chain.walletClients)[0],
      addresses: { cellRegistry: address },
    });
    const error = await rejection(concord.cells.createCell({ name: "x" }));
    expect(error).toBeInstanceOf(WalletRequiredError);
    expect((error as WalletRequiredError).shortMessage).toBe(
      "Cannot createCell: the wallet client has no account.",
    );
    // ...unless the action names one.
    const { cellId } = await concord.cells.createCell({ name: "x", account: chain.accounts[1]! });
    expect((await concord.cells.getCell({ cellId })).creator).toBe(chain.accounts[1]);
  });
});
