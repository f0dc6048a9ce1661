/**
 * Concord on a new chain: deploy the contracts (here the CellRegistry, the AgreementRegistry and ResourceLeases,
 * from their compiled artifacts), then point `createConcordClient` at them with explicit addresses — the SDK has no
 * deployment record for that chain, and needs none.
 */
import { getAddress } from "viem";
import type { Abi, Address, Hex } from "viem";
import { deployContract, getBlockNumber, waitForTransactionReceipt } from "viem/actions";

import { createConcordClient } from "../index.ts";
import type { ConcordClient, ConcordPublicClient, ConcordWalletClient } from "../index.ts";

/** A compiled contract: what Hardhat writes to `artifacts/contracts/<module>/<Name>.sol/<Name>.json`. */
export type Artifact = { abi: Abi; bytecode: Hex };

/** Parameters of {@link deployOnNewChain}. */
export type DeployOnNewChainParameters = {
  publicClient: ConcordPublicClient;
  /** The deployer; it becomes the CellRegistry's governance. */
  walletClient: ConcordWalletClient & { account: { address: Address } };
  artifacts: { CellRegistry: Artifact; AgreementRegistry: Artifact; ResourceLeases: Artifact };
};

/**
 * Deploys the core contracts and returns a Concord client on them.
 *
 * @example
 * import CellRegistry from "./artifacts/contracts/cells/CellRegistry.sol/CellRegistry.json" with { type: "json" };
 *
 * const { concord, addresses } = await deployOnNewChain({ publicClient, walletClient, artifacts: { CellRegistry, … } });
 * await concord.cells.createCell({ name: "Founders" });
 */
export async function deployOnNewChain({
  publicClient,
  walletClient,
  artifacts,
}: DeployOnNewChainParameters): Promise<{ concord: ConcordClient; addresses: Record<string, Address> }> {
  const deploy = async (artifact: Artifact, args: readonly unknown[]): Promise<Address> => {
    const hash = await deployContract(walletClient, {
      abi: artifact.abi,
      bytecode: artifact.bytecode,
      args,
      account: walletClient.account.address,
      chain: walletClient.chain ?? null,
    });
    const { contractAddress, status } = await waitForTransactionReceipt(publicClient, { hash });
    if (status !== "success" || !contractAddress) throw new Error(`deploying failed in ${hash}`);
    return getAddress(contractAddress);
  };

  // 1. Deploy: event scans start at the first block of the deployment.
  const startBlock = (await getBlockNumber(publicClient)) + 1n;
  const cellRegistry = await deploy(artifacts.CellRegistry, [walletClient.account.address]);
  const agreementRegistry = await deploy(artifacts.AgreementRegistry, [cellRegistry]);
  const resourceLeases = await deploy(artifacts.ResourceLeases, [cellRegistry]);

  // 2. A client on explicit addresses: no deployment record needed.
  const addresses = { cellRegistry, agreementRegistry, resourceLeases };
  const concord = createConcordClient({ publicClient, walletClient, addresses, startBlock });
  return { concord, addresses };
}
