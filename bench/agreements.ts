/**
 * Gas of the agreement registry's operations, side by side, in the same run, with the Ethereum
 * Attestation Service (EAS 1.9.0, deployed from the compiled artifacts its package ships) recording the
 * same facts: one attestation per acknowledgement, schema `uint256 agreementId,bytes32 termsHash,address party`.
 * Run through `npm run bench` (bench/run.ts), which writes bench/reports/.
 *
 * Every measured call is its own transaction (cold storage, EIP-2929) on an agreement prepared by earlier
 * transactions; figures are `gasUsed` (21,000 base + calldata + execution).
 */
import {
  encodeAbiParameters,
  getAddress,
  hexToSignature,
  keccak256,
  parseEventLogs,
  stringToHex,
  zeroAddress,
  zeroHash,
} from "viem";
import type { Abi, Account, Address, Chain, Hash, Hex, PublicClient, Transport, WalletClient } from "viem";

import { acknowledgementDigest, buildAcknowledgeTypedData } from "../sdk/index.ts";
import { deployArtifact, peerArtifact } from "../test/sdk/peers.ts";
import { createSafe, deploySafeInfrastructure, signAsSafe } from "../test/sdk/safe.ts";
import type { BenchContext, BenchRow } from "./lib.ts";

type Wallet = WalletClient<Transport, Chain, Account>;

const TERMS = keccak256(stringToHex("# Service agreement: the infra cell runs two archive nodes"));
const URI_60 = "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy5"; // 60 bytes
const TITLE_32 = "Archive nodes for the grants DAO"; // 32 bytes, a typical list line
const SCHEMA = "uint256 agreementId,bytes32 termsHash,address party";
const GROUP = "agreements";
const PEER_GROUP = "agreements: EAS, same run";
const SIGNERS = 10;

const fmt = (n: bigint | number) => Number(n).toLocaleString("en-US");

export async function benchAgreements(ctx: BenchContext): Promise<BenchRow[]> {
  const { viem, gasOf } = ctx;
  const publicClient = (await viem.getPublicClient()) as unknown as PublicClient;
  const wallets = (await viem.getWalletClients()) as unknown as Wallet[];
  const [deployer, alice, bob, relayer] = wallets as [Wallet, Wallet, Wallet, Wallet];
  const chainId = await publicClient.getChainId();
  const deadline = BigInt(await ctx.networkHelpers.time.latest()) + 86_400n;

  const cells = await viem.deployContract("CellRegistry", [deployer.account.address]);
  const registry = await viem.deployContract("AgreementRegistry", [cells.address]);
  const address = getAddress(registry.address);
  await cells.write.createCell([0n, "Infra", URI_60, TERMS]); // cell 1, deployer is its steward

  let nextId = 1n;
  const propose = async (accounts: Address[], cellIds: bigint[] = []) => {
    const gas = await gasOf(registry.write.propose([accounts, cellIds, TITLE_32, TERMS, URI_60, 0n]));
    return { id: nextId++, gas };
  };
  const signFor = async (signer: Wallet, agreementId: bigint, nonce: bigint): Promise<Hex> =>
    signer.signTypedData({
      account: signer.account,
      ...buildAcknowledgeTypedData({
        chainId,
        verifyingContract: address,
        agreementId,
        termsHash: TERMS,
        signer: signer.account.address,
        nonce,
        deadline,
      }),
    });
  const pair = () => [alice.account.address, bob.account.address];

  // ─────────────────────────────────────────────── proposing
  await propose(pair()); // the first proposal also pays for the first write of the counter
  const proposeTwo = await propose(pair());
  const ten = Array.from({ length: 10 }, (_, i) =>
    getAddress(`0x${(0xf000 + i).toString(16).padStart(40, "0")}`),
  );
  const proposeTen = await propose(ten);
  const proposeMixed = await propose([alice.account.address], [1n]);

  // ─────────────────────────────────────────────── acknowledging directly
  const ackFirst = await gasOf(
    registry.write.acknowledge([proposeTwo.id, TERMS], { account: alice.account }),
  );
  const ackFinal = await gasOf(registry.write.acknowledge([proposeTwo.id, TERMS], { account: bob.account }));
  const ackCell = await gasOf(
    registry.write.acknowledgeForCell([proposeMixed.id, 1n, TERMS], { account: deployer.account }),
  );

  // ─────────────────────────────────────────────── acknowledging by signature
  // An EOA's first signature, then its signature for a second agreement. Nonces are per (signer, agreement)
  // and a signed acknowledgement only reads its nonce (0 unless the signer revoked one): both cover nonce 0.
  const forSig = await propose([relayer.account.address, bob.account.address]);
  const bySigFirst = await gasOf(
    registry.write.acknowledgeBySig(
      [forSig.id, relayer.account.address, TERMS, deadline, await signFor(relayer, forSig.id, 0n)],
      { account: alice.account },
    ),
  );
  const forSig2 = await propose([relayer.account.address, bob.account.address]);
  const bySigLater = await gasOf(
    registry.write.acknowledgeBySig(
      [forSig2.id, relayer.account.address, TERMS, deadline, await signFor(relayer, forSig2.id, 0n)],
      { account: alice.account },
    ),
  );

  // A Safe 2-of-3 (CompatibilityFallbackHandler, ERC-1271), first signature.
  const safeInfra = await deploySafeInfrastructure(publicClient, deployer);
  const owners = wallets.slice(16, 19);
  const safe = await createSafe(safeInfra, { owners: owners.map((o) => o.account.address), threshold: 2 });
  const forSafe = await propose([safe, bob.account.address]);
  const safeTyped = buildAcknowledgeTypedData({
    chainId,
    verifyingContract: address,
    agreementId: forSafe.id,
    termsHash: TERMS,
    signer: safe,
    nonce: 0n,
    deadline,
  });
  const safeSignature = await signAsSafe({
    safe,
    chainId,
    hash: acknowledgementDigest(safeTyped),
    owners: [owners[0]!, owners[2]!],
  });
  const bySigSafe = await gasOf(
    registry.write.acknowledgeBySig([forSafe.id, safe, TERMS, deadline, safeSignature], {
      account: alice.account,
    }),
  );

  // ─────────────────────────────────────────────── batches of 10 signatures (first nonce of each signer)
  const signers = wallets.slice(5, 5 + SIGNERS);
  // a) ten pairs (signer i, bob): ten agreements, one signature each; the single for comparison on an 11th.
  const single = await propose([wallets[15]!.account.address, bob.account.address]);
  const singleGas = await gasOf(
    registry.write.acknowledgeBySig(
      [single.id, wallets[15]!.account.address, TERMS, deadline, await signFor(wallets[15]!, single.id, 0n)],
      { account: alice.account },
    ),
  );
  const pairs: bigint[] = [];
  for (const signer of signers) pairs.push((await propose([signer.account.address, bob.account.address])).id);
  const pairEntries = await Promise.all(
    signers.map(async (signer, i) => ({
      agreementId: pairs[i]!,
      cellId: 0n,
      signer: signer.account.address,
      termsHash: TERMS,
      deadline,
      signature: await signFor(signer, pairs[i]!, 0n),
    })),
  );
  const batchPairs = await gasOf(
    registry.write.acknowledgeBySigBatch([pairEntries], { account: alice.account }),
  );
  // b) one agreement with 12 parties: the ten signers acknowledge at once (each signer's second agreement).
  const crowd = await propose([
    ...signers.map((s) => s.account.address),
    alice.account.address,
    bob.account.address,
  ]);
  const crowdEntries = await Promise.all(
    signers.map(async (signer) => ({
      agreementId: crowd.id,
      cellId: 0n,
      signer: signer.account.address,
      termsHash: TERMS,
      deadline,
      signature: await signFor(signer, crowd.id, 0n),
    })),
  );
  const batchCrowd = await gasOf(
    registry.write.acknowledgeBySigBatch([crowdEntries], { account: alice.account }),
  );

  // ─────────────────────────────────────────────── EAS: the same facts as attestations
  const eas = await benchEas(ctx, publicClient, deployer, [alice, bob, relayer], signers, chainId, deadline);
  const quarter = eas.attest / 4n;

  const rows: BenchRow[] = [
    {
      group: GROUP,
      operation: "propose (2 account parties, 32-byte title, 60-byte URI)",
      gas: proposeTwo.gas,
      peer: `no EAS equivalent (a schema is registered once: ${fmt(eas.register)})`,
    },
    { group: GROUP, operation: "propose (10 account parties)", gas: proposeTen.gas },
    { group: GROUP, operation: "propose (1 account + 1 cell)", gas: proposeMixed.gas },
    {
      group: GROUP,
      operation: "acknowledge (account party, not the last)",
      gas: ackFirst,
      target: Math.min(55_000, Number(quarter)),
      peer: `EAS attest of the same facts ${fmt(eas.attest)}; target = min(55,000, a quarter of it = ${fmt(quarter)})`,
    },
    {
      group: GROUP,
      operation: "acknowledge (the last party: activates the agreement)",
      gas: ackFinal,
      target: Math.min(55_000, Number(quarter)),
      peer: `EAS attest ${fmt(eas.attest)}`,
    },
    { group: GROUP, operation: "acknowledgeForCell (steward of the cell, not the last)", gas: ackCell },
    {
      group: GROUP,
      operation: "acknowledgeBySig (EOA, the signer's first signature)",
      gas: bySigFirst,
      target: 75_000,
      peer: `EAS attestByDelegation (EOA, first nonce) ${fmt(eas.attestByDelegation)}`,
    },
    {
      group: GROUP,
      operation: "acknowledgeBySig (EOA, the signer's second agreement)",
      gas: bySigLater,
      target: 75_000,
      peer: `EAS attestByDelegation (later nonce) ${fmt(eas.attestByDelegationLater)}`,
    },
    {
      group: GROUP,
      operation: "acknowledgeBySig (Safe 2-of-3 via ERC-1271, first nonce)",
      gas: bySigSafe,
      peer: "EAS attestByDelegation cannot carry it: its Signature is one (v, r, s), a 2-of-3 Safe signs with two",
    },
    {
      group: GROUP,
      operation: "acknowledgeBySigBatch, 10 signatures on 10 agreements: total",
      gas: batchPairs,
    },
    {
      group: GROUP,
      operation: "acknowledgeBySigBatch, 10 signatures on 10 agreements: per signature",
      gas: batchPairs / BigInt(SIGNERS),
      target: Number(singleGas) - 1,
      peer: `below a single acknowledgeBySig measured alike (${fmt(singleGas)}); EAS multiAttestByDelegation, 10 attesters: ${fmt(eas.multiAttestByDelegation / BigInt(SIGNERS))} per attestation`,
    },
    {
      group: GROUP,
      operation: "acknowledgeBySigBatch, 10 signatures on one 12-party agreement: per signature",
      gas: batchCrowd / BigInt(SIGNERS),
      target: Number(bySigLater) - 1,
      peer: `below a single acknowledgeBySig on a signer's second agreement (${fmt(bySigLater)})`,
    },
    {
      group: PEER_GROUP,
      operation: `SchemaRegistry.register("${SCHEMA}")`,
      gas: eas.register,
    },
    {
      group: PEER_GROUP,
      operation: "EAS attest (the party attests agreementId, termsHash, party)",
      gas: eas.attest,
      peer: `Concord acknowledge ${fmt(ackFirst)} (${ratio(ackFirst, eas.attest)} of it)`,
    },
    {
      group: PEER_GROUP,
      operation: "EAS attestByDelegation (EOA attester, first nonce)",
      gas: eas.attestByDelegation,
      peer: `Concord acknowledgeBySig ${fmt(bySigFirst)} (${ratio(bySigFirst, eas.attestByDelegation)} of it)`,
    },
    {
      group: PEER_GROUP,
      operation: "EAS attestByDelegation (EOA attester, later nonce)",
      gas: eas.attestByDelegationLater,
    },
    {
      group: PEER_GROUP,
      operation: "EAS multiAttestByDelegation, 10 attesters' signatures: per attestation",
      gas: eas.multiAttestByDelegation / BigInt(SIGNERS),
      peer: `Concord batch of 10: ${fmt(batchPairs / BigInt(SIGNERS))} per signature`,
    },
  ];
  return rows;
}

function ratio(a: bigint, b: bigint): string {
  return `${((Number(a) / Number(b)) * 100).toFixed(1)}%`;
}

/** Deploys SchemaRegistry + EAS from the shipped artifacts and measures the same facts as attestations. */
async function benchEas(
  ctx: BenchContext,
  publicClient: PublicClient,
  deployer: Wallet,
  [alice, bob, relayer]: [Wallet, Wallet, Wallet],
  attesters: readonly Wallet[],
  chainId: number,
  deadline: bigint,
) {
  const { gasOf } = ctx;
  const schemaRegistry = peerArtifact("eas", "SchemaRegistry.sol/SchemaRegistry");
  const easArtifact = peerArtifact("eas", "EAS.sol/EAS");
  const registryAddress = await deployArtifact(publicClient, deployer, schemaRegistry);
  const easAddress = await deployArtifact(publicClient, deployer, easArtifact, [registryAddress]);
  const easAbi = easArtifact.abi;

  const write = (
    wallet: Wallet,
    target: Address,
    abi: Abi,
    functionName: string,
    args: readonly unknown[],
  ): Promise<Hash> =>
    wallet.writeContract({
      address: target,
      abi,
      functionName,
      args,
      account: wallet.account,
      chain: wallet.chain,
    });

  const registerHash = write(deployer, registryAddress, schemaRegistry.abi, "register", [
    SCHEMA,
    zeroAddress,
    true,
  ]);
  const register = await gasOf(registerHash);
  const receipt = await publicClient.getTransactionReceipt({ hash: await registerHash });
  const [registered] = parseEventLogs({
    abi: schemaRegistry.abi,
    logs: receipt.logs,
    eventName: "Registered",
  }) as unknown as {
    args: { uid: Hex };
  }[];
  if (!registered) throw new Error("SchemaRegistry.register emitted no Registered event");
  const schema = registered.args.uid;

  const requestData = (agreementId: bigint, party: Address) => ({
    recipient: zeroAddress,
    expirationTime: 0n,
    revocable: true,
    refUID: zeroHash,
    data: encodeAbiParameters(
      [{ type: "uint256" }, { type: "bytes32" }, { type: "address" }],
      [agreementId, TERMS, party],
    ),
    value: 0n,
  });

  // A warm-up attestation (as for propose), then the measured one.
  await gasOf(
    write(bob, easAddress, easAbi, "attest", [{ schema, data: requestData(1n, bob.account.address) }]),
  );
  const attest = await gasOf(
    write(alice, easAddress, easAbi, "attest", [{ schema, data: requestData(2n, alice.account.address) }]),
  );

  const signedRequest = async (attester: Wallet, agreementId: bigint, nonce: bigint) => {
    const data = requestData(agreementId, attester.account.address);
    const signature = await attester.signTypedData({
      account: attester.account,
      domain: { name: "EAS", version: "1.4.0", chainId, verifyingContract: easAddress },
      types: {
        Attest: [
          { name: "attester", type: "address" },
          { name: "schema", type: "bytes32" },
          { name: "recipient", type: "address" },
          { name: "expirationTime", type: "uint64" },
          { name: "revocable", type: "bool" },
          { name: "refUID", type: "bytes32" },
          { name: "data", type: "bytes" },
          { name: "value", type: "uint256" },
          { name: "nonce", type: "uint256" },
          { name: "deadline", type: "uint64" },
        ],
      },
      primaryType: "Attest",
      message: { attester: attester.account.address, schema, ...data, nonce, deadline },
    });
    const { r, s, v } = hexToSignature(signature);
    return { data, signature: { v: Number(v), r, s }, attester: attester.account.address };
  };
  const delegated = async (agreementId: bigint, nonce: bigint) => {
    const { data, signature, attester } = await signedRequest(relayer, agreementId, nonce);
    return gasOf(
      write(alice, easAddress, easAbi, "attestByDelegation", [
        { schema, data, signature, attester, deadline },
      ]),
    );
  };
  const attestByDelegation = await delegated(3n, 0n);
  const attestByDelegationLater = await delegated(4n, 1n);
  // Ten attesters' signatures in one transaction (each attester's first nonce).
  const requests = await Promise.all(
    attesters.map(async (attester, i) => {
      const { data, signature } = await signedRequest(attester, 100n + BigInt(i), 0n);
      return { schema, data: [data], signatures: [signature], attester: attester.account.address, deadline };
    }),
  );
  const multiAttestByDelegation = await gasOf(
    write(alice, easAddress, easAbi, "multiAttestByDelegation", [requests]),
  );
  return { register, attest, attestByDelegation, attestByDelegationLater, multiAttestByDelegation };
}
