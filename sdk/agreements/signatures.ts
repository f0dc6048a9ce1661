/**
 * EIP-712 acknowledgements: the typed data a party's wallet signs, its digest (what an ERC-1271 wallet
 * such as a Safe is asked to approve), and signing with a viem wallet client. Submitting is in
 * `writes.ts` (`concord.agreements.acknowledgeAgreementBySig`, `.acknowledgeForCellBySig`, `.submitSignatures`).
 */
import { hashTypedData } from "viem";
import type { Account, Address, Hex } from "viem";
import { signTypedData } from "viem/actions";

import type { ConcordClientBase, ConcordWalletClient } from "../client.ts";
import { InvalidInputError, WalletRequiredError, decodeConcordError } from "../errors.ts";
import { agreementRegistryAbi } from "../generated/abis.ts";
import { readBatch } from "../internal/read.ts";
import { toAddress, toCellId, toTimestamp, toUint256 } from "../internal/validate.ts";
import type { BigIntish, Timestamp } from "../internal/validate.ts";
import {
  acknowledgeForCellTypes,
  acknowledgeTypes,
  agreementsEip712,
  resolveTermsHash,
} from "./constants.ts";
import { agreementRegistryOf, toDomain } from "./reads.ts";
import type {
  AccountAcknowledgeTypedData,
  AcknowledgeTypedData,
  AgreementInfo,
  AgreementsDomain,
  CellAcknowledgeTypedData,
  SignedAcknowledgement,
} from "./types.ts";

/** Parameters of {@link buildAcknowledgeTypedData}: everything, no chain access. */
export type BuildAcknowledgeTypedDataParameters = {
  /** The chain id of the deployment. */
  chainId: number;
  /** The AgreementRegistry's address. */
  verifyingContract: Address;
  agreementId: BigIntish;
  /** For a steward acknowledging for cell party `cellId` (>= 1); omit for an account party. */
  cellId?: BigIntish | undefined;
  termsHash: Hex;
  signer: Address;
  /** The signer's current nonce for this agreement in the registry (`nonces(signer, agreementId)`). */
  nonce: BigIntish;
  /** Until when the signature can be submitted: Unix seconds or a Date. */
  deadline: Timestamp;
};

/**
 * The EIP-712 typed data of an acknowledgement, built offline from known values (domain name
 * "Concord Agreements", version "1"). Prefer {@link getAcknowledgeTypedData}, which reads the domain and
 * the nonce from the chain.
 *
 * @throws {InvalidInputError} for malformed values.
 * @example
 * import { buildAcknowledgeTypedData } from "@concord-dao/sdk";
 *
 * const typedData = buildAcknowledgeTypedData({
 *   chainId: 31337,
 *   verifyingContract: registry,
 *   agreementId: 1n,
 *   termsHash,
 *   signer: alice,
 *   nonce: 0n,
 *   deadline: new Date(Date.now() + 3_600_000),
 * });
 * const signature = await walletClient.signTypedData({ account: alice, ...typedData });
 */
export function buildAcknowledgeTypedData(
  parameters: BuildAcknowledgeTypedDataParameters & { cellId?: undefined },
): AccountAcknowledgeTypedData;
export function buildAcknowledgeTypedData(
  parameters: BuildAcknowledgeTypedDataParameters & { cellId: BigIntish },
): CellAcknowledgeTypedData;
export function buildAcknowledgeTypedData(
  parameters: BuildAcknowledgeTypedDataParameters,
): AcknowledgeTypedData;
export function buildAcknowledgeTypedData(
  parameters: BuildAcknowledgeTypedDataParameters,
): AcknowledgeTypedData {
  const domain: AgreementsDomain = {
    name: agreementsEip712.name,
    version: agreementsEip712.version,
    chainId: parameters.chainId,
    verifyingContract: toAddress("verifyingContract", parameters.verifyingContract),
  };
  return typedDataFor(domain, parameters);
}

function typedDataFor(
  domain: AgreementsDomain,
  parameters: Omit<BuildAcknowledgeTypedDataParameters, "chainId" | "verifyingContract">,
): AcknowledgeTypedData {
  const agreementId = toUint256("agreementId", parameters.agreementId);
  // A given cellId names a cell party (ids start at 1); none means an account party.
  const cellId = parameters.cellId === undefined ? 0n : toCellId(parameters.cellId);
  const termsHash = resolveTermsHash({ termsHash: parameters.termsHash });
  const signer = toAddress("signer", parameters.signer);
  const nonce = toUint256("nonce", parameters.nonce);
  const deadline = toTimestamp("deadline", parameters.deadline, 2n ** 256n - 1n);
  if (cellId === 0n) {
    return {
      domain,
      types: acknowledgeTypes,
      primaryType: "Acknowledge",
      message: { agreementId, termsHash, signer, nonce, deadline },
    };
  }
  return {
    domain,
    types: acknowledgeForCellTypes,
    primaryType: "AcknowledgeForCell",
    message: { agreementId, cellId, termsHash, signer, nonce, deadline },
  };
}

/** Parameters of {@link getAcknowledgeTypedData}. */
export type GetAcknowledgeTypedDataParameters = {
  agreementId: BigIntish;
  /** The account party (an EOA or a contract wallet), or the steward of the cell party `cellId`. */
  signer: Address;
  /** The terms hash to acknowledge (default: the agreement's current one, read from the chain). */
  termsHash?: Hex | undefined;
  /** For a steward acknowledging for cell party `cellId` (>= 1); omit for an account party. */
  cellId?: BigIntish | undefined;
  /** Until when the signature can be submitted: Unix seconds or a Date. */
  deadline: Timestamp;
  /** The nonce to cover (default: the signer's current nonce for this agreement, read from the chain). */
  nonce?: BigIntish | undefined;
};

/**
 * The EIP-712 typed data for `signer` to acknowledge an agreement, as any wallet signs it
 * (`signTypedData`): the domain from the registry's ERC-5267 `eip712Domain()`, the nonce from
 * `nonces(signer, agreementId)` and, unless given, the agreement's terms hash, all in one multicall.
 *
 * The struct is `Acknowledge(uint256 agreementId,bytes32 termsHash,address signer,uint256 nonce,uint256 deadline)`,
 * or `AcknowledgeForCell(uint256 agreementId,uint256 cellId,bytes32 termsHash,address signer,uint256 nonce,uint256 deadline)`
 * with `cellId`. Nonces are per agreement, so a signer's signatures for different agreements are
 * independent: sign as many as you like, submit them in any order, and revoking one
 * (`invalidateNonce({ agreementId })`) or the withdrawal of one agreement leaves the others valid.
 *
 * @throws {ContractRefusalError} `AgreementUnknown` when `termsHash` is omitted and the agreement does not exist.
 * @example
 * const typedData = await concord.agreements.getAcknowledgeTypedData({
 *   agreementId: 1n,
 *   signer: alice,
 *   deadline: new Date(Date.now() + 24 * 3_600_000),
 * });
 * const signature = await aliceWallet.signTypedData({ account: alice, ...typedData });
 * await concord.agreements.acknowledgeAgreementBySig({ ...typedData.message, signature });
 */
export async function getAcknowledgeTypedData(
  client: ConcordClientBase,
  parameters: GetAcknowledgeTypedDataParameters & { cellId?: undefined },
): Promise<AccountAcknowledgeTypedData>;
export async function getAcknowledgeTypedData(
  client: ConcordClientBase,
  parameters: GetAcknowledgeTypedDataParameters & { cellId: BigIntish },
): Promise<CellAcknowledgeTypedData>;
export async function getAcknowledgeTypedData(
  client: ConcordClientBase,
  parameters: GetAcknowledgeTypedDataParameters,
): Promise<AcknowledgeTypedData>;
export async function getAcknowledgeTypedData(
  client: ConcordClientBase,
  parameters: GetAcknowledgeTypedDataParameters,
): Promise<AcknowledgeTypedData> {
  const agreementId = toUint256("agreementId", parameters.agreementId);
  const signer = toAddress("signer", parameters.signer);
  if (parameters.cellId !== undefined) toCellId(parameters.cellId);
  const { address } = agreementRegistryOf(client);
  const calls = [
    { address, abi: agreementRegistryAbi, functionName: "eip712Domain", args: [] },
    { address, abi: agreementRegistryAbi, functionName: "nonces", args: [signer, agreementId] },
    ...(parameters.termsHash === undefined
      ? [{ address, abi: agreementRegistryAbi, functionName: "getAgreement", args: [agreementId] } as const]
      : []),
  ] as const;
  const results = (await readBatch(client, calls, {
    contract: "AgreementRegistry",
    functionName: "eip712Domain",
  })) as unknown as readonly unknown[];
  const domain = toDomain(results[0] as Parameters<typeof toDomain>[0]);
  const nonce = parameters.nonce ?? (results[1] as bigint);
  const termsHash = parameters.termsHash ?? (results[2] as AgreementInfo).termsHash;
  return typedDataFor(domain, { ...parameters, agreementId, signer, termsHash, nonce });
}

/**
 * The EIP-712 digest of an acknowledgement: what an EOA signs, and the `hash` the registry passes to an
 * ERC-1271 wallet's `isValidSignature(hash, signature)` (for a Safe: owners sign the Safe message of it).
 *
 * @example
 * import { acknowledgementDigest } from "@concord-dao/sdk";
 *
 * const digest = acknowledgementDigest(await concord.agreements.getAcknowledgeTypedData({ agreementId, signer: safe, deadline }));
 */
export function acknowledgementDigest(typedData: AcknowledgeTypedData): Hex {
  return hashTypedData(typedData as Parameters<typeof hashTypedData>[0]);
}

/** Parameters of {@link signAcknowledgement}. */
export type SignAcknowledgementParameters = Omit<GetAcknowledgeTypedDataParameters, "signer"> & {
  /** The wallet that signs (default: the Concord client's wallet client). */
  walletClient?: ConcordWalletClient | undefined;
  /** The signing account (default: the wallet client's account). */
  account?: Account | Address | undefined;
};

/**
 * Builds the typed data with {@link getAcknowledgeTypedData} and has a wallet sign it: the returned
 * {@link SignedAcknowledgement} can be handed to anyone (a relayer, a steward collecting signatures) to
 * submit with `acknowledgeBySig`, `acknowledgeForCellBySig` or `submitSignatures`.
 *
 * @throws {WalletRequiredError} without a wallet client or account.
 * @example
 * const signed = await concord.agreements.signAcknowledgement({
 *   agreementId: 1n,
 *   deadline: new Date(Date.now() + 3_600_000),
 *   walletClient: aliceWallet,
 * });
 * await relayer.agreements.acknowledgeAgreementBySig(signed);
 */
export async function signAcknowledgement(
  client: ConcordClientBase,
  parameters: SignAcknowledgementParameters,
): Promise<SignedAcknowledgement> {
  const { walletClient: explicitWallet, account: explicitAccount, ...rest } = parameters;
  const walletClient = explicitWallet ?? client.walletClient;
  if (!walletClient) throw new WalletRequiredError("signAcknowledgement");
  const account = explicitAccount ?? walletClient.account;
  if (!account) throw new WalletRequiredError("signAcknowledgement", "the wallet client has no account");
  const signer = typeof account === "string" ? account : account.address;
  const typedData: AcknowledgeTypedData = await getAcknowledgeTypedData(client, { ...rest, signer });
  let signature: Hex;
  try {
    signature = await signTypedData(walletClient, {
      account,
      ...(typedData as Omit<Parameters<typeof signTypedData>[1], "account">),
    } as Parameters<typeof signTypedData>[1]);
  } catch (error) {
    throw decodeConcordError(error, { functionName: "signTypedData" });
  }
  return toSignedAcknowledgement(typedData, signature);
}

/**
 * Pairs typed data with the signature over it, as the submitting actions take it.
 *
 * @example
 * import { toSignedAcknowledgement } from "@concord-dao/sdk";
 *
 * const signed = toSignedAcknowledgement(typedData, await wallet.signTypedData({ account, ...typedData }));
 */
export function toSignedAcknowledgement(
  typedData: AcknowledgeTypedData,
  signature: Hex,
): SignedAcknowledgement {
  if (typeof signature !== "string" || !/^0x([0-9a-fA-F]{2})*$/.test(signature)) {
    throw new InvalidInputError("signature", signature, "expected hex bytes");
  }
  const { message } = typedData;
  return {
    agreementId: message.agreementId,
    cellId: typedData.primaryType === "AcknowledgeForCell" ? typedData.message.cellId : 0n,
    signer: message.signer,
    termsHash: message.termsHash,
    deadline: message.deadline,
    nonce: message.nonce,
    signature,
  };
}
