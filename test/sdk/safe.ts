/**
 * A real Safe for the agreements tests and bench: the Safe 1.4.1 singleton, its proxy factory and the
 * CompatibilityFallbackHandler deployed from the artifacts `@safe-global/safe-contracts` ships, a Safe
 * proxy set up with that handler, and Safe signatures for ERC-1271.
 *
 * How a Safe approves a hash through ERC-1271 (CompatibilityFallbackHandler 1.4.1): the registry calls
 * `safe.isValidSignature(bytes32 hash, bytes signature)`; the Safe forwards it to the handler, which calls
 * back `isValidSignature(abi.encode(hash), signature)`, which checks `signature` as the owners'
 * signatures over `getMessageHashForSafe(safe, abi.encode(hash))` =
 * keccak256(0x1901 ‖ safe.domainSeparator() ‖ keccak256(abi.encode(SAFE_MSG_TYPEHASH, keccak256(abi.encode(hash))))),
 * i.e. the EIP-712 hash of `SafeMessage(bytes message)` with message `abi.encode(hash)` in the Safe's
 * domain `EIP712Domain(uint256 chainId,address verifyingContract)`. Each owner signs that typed data
 * (65 bytes r ‖ s ‖ v, v = 27/28), and the signatures are concatenated sorted by owner address ascending
 * (`checkNSignatures` requires strictly increasing owners).
 */
import {
  concat,
  encodeAbiParameters,
  encodeFunctionData,
  getAddress,
  hashTypedData,
  parseEventLogs,
  zeroAddress,
} from "viem";
import type { Account, Address, Chain, Hex, PublicClient, Transport, WalletClient } from "viem";

import { deployArtifact, peerArtifact } from "./peers.ts";
import type { PeerArtifact } from "./peers.ts";

type Wallet = WalletClient<Transport, Chain, Account>;

/** The artifacts of the Safe contracts used here. */
export const safeArtifacts = {
  get singleton(): PeerArtifact {
    return peerArtifact("safe", "Safe.sol/Safe");
  },
  get factory(): PeerArtifact {
    return peerArtifact("safe", "proxies/SafeProxyFactory.sol/SafeProxyFactory");
  },
  get handler(): PeerArtifact {
    return peerArtifact("safe", "handler/CompatibilityFallbackHandler.sol/CompatibilityFallbackHandler");
  },
};

/** The Safe infrastructure: singleton, proxy factory and compatibility fallback handler. */
export type SafeInfrastructure = {
  singleton: Address;
  factory: Address;
  handler: Address;
  publicClient: PublicClient;
  deployer: Wallet;
};

/**
 * Deploys the Safe 1.4.1 singleton, SafeProxyFactory and CompatibilityFallbackHandler from the artifacts.
 *
 * @example
 * const infra = await deploySafeInfrastructure(publicClient, walletClients[0]);
 */
export async function deploySafeInfrastructure(
  publicClient: PublicClient,
  deployer: Wallet,
): Promise<SafeInfrastructure> {
  const singleton = await deployArtifact(publicClient, deployer, safeArtifacts.singleton);
  const factory = await deployArtifact(publicClient, deployer, safeArtifacts.factory);
  const handler = await deployArtifact(publicClient, deployer, safeArtifacts.handler);
  return { singleton, factory, handler, publicClient, deployer };
}

/**
 * Creates a Safe proxy with `owners`, `threshold` and the compatibility fallback handler (needed for
 * ERC-1271), through `createProxyWithNonce`, and returns its address.
 *
 * @example
 * const safe = await createSafe(infra, { owners: [a, b, c], threshold: 2 });
 */
export async function createSafe(
  infra: SafeInfrastructure,
  {
    owners,
    threshold,
    saltNonce = 0n,
  }: { owners: readonly Address[]; threshold: number; saltNonce?: bigint },
): Promise<Address> {
  const { singleton, factory, handler, publicClient, deployer } = infra;
  const initializer = encodeFunctionData({
    abi: safeArtifacts.singleton.abi,
    functionName: "setup",
    args: [owners, BigInt(threshold), zeroAddress, "0x", handler, zeroAddress, 0n, zeroAddress],
  });
  const factoryAbi = safeArtifacts.factory.abi;
  const hash = await deployer.writeContract({
    address: factory,
    abi: factoryAbi,
    functionName: "createProxyWithNonce",
    args: [singleton, initializer, saltNonce],
    account: deployer.account,
    chain: deployer.chain,
  });
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  const [created] = parseEventLogs({
    abi: factoryAbi,
    logs: receipt.logs,
    eventName: "ProxyCreation",
  }) as unknown as {
    args: { proxy: Address };
  }[];
  if (receipt.status !== "success" || !created) throw new Error("creating the Safe proxy failed");
  return getAddress(created.args.proxy);
}

/** The Safe's EIP-712 message typed data whose hash owners sign to approve `hash` via ERC-1271. */
export function safeMessageTypedData({ safe, chainId, hash }: { safe: Address; chainId: number; hash: Hex }) {
  return {
    domain: { chainId, verifyingContract: safe },
    types: { SafeMessage: [{ name: "message", type: "bytes" }] },
    primaryType: "SafeMessage",
    message: { message: encodeAbiParameters([{ type: "bytes32" }], [hash]) },
  } as const;
}

/**
 * The Safe message hash of `hash` (what CompatibilityFallbackHandler's `getMessageHashForSafe(safe,
 * abi.encode(hash))` returns), computed offline.
 */
export function safeMessageHash(parameters: { safe: Address; chainId: number; hash: Hex }): Hex {
  return hashTypedData(safeMessageTypedData(parameters));
}

/**
 * The Safe's ERC-1271 signature of `hash`: each owner's EIP-712 signature of the Safe message,
 * concatenated in ascending owner order. Pass at least `threshold` owners.
 *
 * @example
 * const signature = await signAsSafe({ safe, chainId: 31337, hash: digest, owners: [ownerA, ownerC] });
 */
export async function signAsSafe({
  safe,
  chainId,
  hash,
  owners,
  sort = true,
}: {
  safe: Address;
  chainId: number;
  hash: Hex;
  owners: readonly Wallet[];
  /** Sort by owner address (as the Safe requires); false keeps the given order (to test a refusal). */
  sort?: boolean;
}): Promise<Hex> {
  const typedData = safeMessageTypedData({ safe, chainId, hash });
  const signed = await Promise.all(
    owners.map(async (owner) => ({
      owner: BigInt(owner.account.address),
      signature: await owner.signTypedData({ account: owner.account, ...typedData }),
    })),
  );
  if (sort) signed.sort((a, b) => (a.owner < b.owner ? -1 : a.owner > b.owner ? 1 : 0));
  return concat(signed.map((entry) => entry.signature));
}
