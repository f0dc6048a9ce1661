/**
 * Compiled artifacts of the peer contracts the agreements tests and bench deploy as they ship: Safe 1.4.1
 * (`@safe-global/safe-contracts`) and the Ethereum Attestation Service 1.9.0
 * (`@ethereum-attestation-service/eas-contracts`, whose sources pin solc 0.8.29: never compiled here).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

import { getAddress } from "viem";
import type { Abi, Account, Address, Chain, Hex, PublicClient, Transport, WalletClient } from "viem";

const require = createRequire(import.meta.url);

/** The peer packages and where their Hardhat artifacts live inside them. */
export const peerPackages = {
  safe: { name: "@safe-global/safe-contracts", version: "1.4.1", artifacts: "build/artifacts/contracts" },
  eas: {
    name: "@ethereum-attestation-service/eas-contracts",
    version: "1.9.0",
    artifacts: "artifacts/contracts",
  },
} as const;

type Peer = keyof typeof peerPackages;

/** The folder of an installed peer package (both are exact devDependencies). */
export function peerPackageDir(peer: Peer): string {
  return path.dirname(require.resolve(`${peerPackages[peer].name}/package.json`));
}

/** A Hardhat artifact: what deploying and calling a contract needs. */
export type PeerArtifact = { contractName: string; abi: Abi; bytecode: Hex };

/**
 * Loads a peer contract's compiled artifact, e.g. `peerArtifact("safe", "Safe.sol/Safe")`.
 *
 * @example
 * const { abi, bytecode } = peerArtifact("eas", "EAS.sol/EAS");
 */
export function peerArtifact(peer: Peer, artifact: string): PeerArtifact {
  const file = path.join(peerPackageDir(peer), peerPackages[peer].artifacts, `${artifact}.json`);
  const json = JSON.parse(readFileSync(file, "utf8")) as PeerArtifact;
  if (!json.bytecode || json.bytecode === "0x") throw new Error(`${file} has no bytecode`);
  return json;
}

/** Deploys a contract from an artifact (as shipped, never recompiled) and returns its address. */
export async function deployArtifact(
  publicClient: PublicClient,
  deployer: WalletClient<Transport, Chain, Account>,
  artifact: PeerArtifact,
  args: readonly unknown[] = [],
): Promise<Address> {
  const hash = await deployer.deployContract({
    abi: artifact.abi,
    bytecode: artifact.bytecode,
    args: args as unknown[],
    account: deployer.account,
    chain: deployer.chain,
  });
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success" || !receipt.contractAddress) {
    throw new Error(`deploying ${artifact.contractName} failed`);
  }
  return getAddress(receipt.contractAddress);
}
