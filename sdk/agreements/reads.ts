/**
 * One action per read of `IAgreementRegistry`. Each takes the Concord client and a parameter object and
 * throws a decoded {@link ContractRefusalError} when the registry refuses (for example `AgreementUnknown`).
 */
import type { Address, Hex } from "viem";

import type { ConcordClientBase, ConcordContract } from "../client.ts";
import { agreementRegistryAbi } from "../generated/abis.ts";
import { readAt } from "../internal/block.ts";
import type { BlockParameters } from "../internal/block.ts";
import { contractOf } from "../internal/contracts.ts";
import type { ContractReader } from "../internal/contracts.ts";
import { readFunction } from "../internal/read.ts";
import { toAddress, toCellId, toUint256 } from "../internal/validate.ts";
import type { BigIntish } from "../internal/validate.ts";
import type { AgreementStatusValue } from "./constants.ts";
import { agreementErrorCatalogue } from "./errors.ts";
import type { AgreementInfo, AgreementsDomain } from "./types.ts";

/**
 * @internal The client's AgreementRegistry, or a `NoDeploymentError` when it has none: `contractOf(client,
 * "agreementRegistry")` under the name the writes and event scans import.
 *
 * @example
 * const { address, startBlock } = agreementRegistryOf(client);
 */
export function agreementRegistryOf(client: ConcordClientBase): ConcordContract {
  return contractOf(client, "agreementRegistry");
}

/**
 * @internal Reads one function of the agreement registry with decoded errors (in the agreements' words,
 * wherever the read is bundled), at the block of `block` (default: latest).
 *
 * @example
 * const count = await readAgreements(client, "agreementCount", [], { blockNumber: 12n });
 */
export const readAgreements: ContractReader<typeof agreementRegistryAbi> = async (
  client,
  functionName,
  args,
  block,
) =>
  readFunction(client, {
    at: readAt(block), // first, so that bad block parameters are named before a missing deployment
    contract: "AgreementRegistry",
    address: contractOf(client, "agreementRegistry").address,
    abi: agreementRegistryAbi,
    functionName,
    args,
    errors: agreementErrorCatalogue,
  });

/** Parameters naming an agreement. */
export type AgreementParameters = { agreementId: BigIntish } & BlockParameters;
/** Parameters naming an agreement and an account. */
export type AgreementAccountParameters = { agreementId: BigIntish; account: Address } & BlockParameters;
/** Parameters naming an agreement and a cell. */
export type AgreementCellParameters = { agreementId: BigIntish; cellId: BigIntish } & BlockParameters;

const idArg = (value: BigIntish) => toUint256("agreementId", value);
const accountArg = (value: Address) => toAddress("account", value, { allowZero: true });

/**
 * The effective status of an agreement (0 none … 7 superseded; see `AgreementStatus`). Expiry is
 * derived from the chain's clock: no transaction is needed for an agreement to read as expired.
 *
 * @example
 * import { AgreementStatus } from "@concord-dao/sdk";
 *
 * (await concord.agreements.agreementStatusOf({ agreementId: 1n })) === AgreementStatus.ACTIVE;
 */
export async function agreementStatusOf(
  client: ConcordClientBase,
  { agreementId, ...block }: AgreementParameters,
): Promise<AgreementStatusValue> {
  return (await readAgreements(client, "statusOf", [idArg(agreementId)], block)) as AgreementStatusValue;
}

/**
 * The stored record of an agreement (`AgreementInfo`), with its effective status.
 *
 * @throws {ContractRefusalError} `AgreementUnknown`.
 * @example
 * const info = await concord.agreements.getAgreementInfo({ agreementId: 1n });
 * info.acknowledgedCount === info.partyCount; // everyone acknowledged
 */
export async function getAgreementInfo(
  client: ConcordClientBase,
  { agreementId, ...block }: AgreementParameters,
): Promise<AgreementInfo> {
  return readAgreements(client, "getAgreement", [idArg(agreementId)], block);
}

/**
 * The parties of an agreement: accounts and cells, in the order they were proposed.
 *
 * @throws {ContractRefusalError} `AgreementUnknown`.
 * @example
 * const { accounts, cells } = await concord.agreements.agreementPartiesOf({ agreementId: 1n });
 */
export async function agreementPartiesOf(
  client: ConcordClientBase,
  { agreementId, ...block }: AgreementParameters,
): Promise<{ accounts: Address[]; cells: bigint[] }> {
  const [accounts, cells] = await readAgreements(client, "partiesOf", [idArg(agreementId)], block);
  return { accounts: [...accounts], cells: [...cells] };
}

/**
 * Whether `account` is an account party of an agreement.
 *
 * @example
 * await concord.agreements.isAgreementParty({ agreementId: 1n, account: alice }); // true
 */
export async function isAgreementParty(
  client: ConcordClientBase,
  { agreementId, account, ...block }: AgreementAccountParameters,
): Promise<boolean> {
  return readAgreements(client, "isParty", [idArg(agreementId), accountArg(account)], block);
}

/**
 * Whether `cellId` is a cell party of an agreement.
 *
 * @example
 * await concord.agreements.isAgreementCellParty({ agreementId: 1n, cellId: 2n }); // true
 */
export async function isAgreementCellParty(
  client: ConcordClientBase,
  { agreementId, cellId, ...block }: AgreementCellParameters,
): Promise<boolean> {
  return readAgreements(client, "isCellParty", [idArg(agreementId), toCellId(cellId)], block);
}

/**
 * Whether account party `account` acknowledged the agreement's terms.
 *
 * @example
 * await concord.agreements.hasAcknowledged({ agreementId: 1n, account: alice }); // false
 */
export async function hasAcknowledged(
  client: ConcordClientBase,
  { agreementId, account, ...block }: AgreementAccountParameters,
): Promise<boolean> {
  return readAgreements(client, "hasAcknowledged", [idArg(agreementId), accountArg(account)], block);
}

/**
 * Whether cell party `cellId` acknowledged the agreement's terms (through one of its stewards).
 *
 * @example
 * await concord.agreements.hasAcknowledgedCell({ agreementId: 1n, cellId: 2n }); // true
 */
export async function hasAcknowledgedCell(
  client: ConcordClientBase,
  { agreementId, cellId, ...block }: AgreementCellParameters,
): Promise<boolean> {
  return readAgreements(client, "hasAcknowledgedCell", [idArg(agreementId), toCellId(cellId)], block);
}

/**
 * How many agreements (amendments included) were ever proposed; ids run from 1 to this count.
 *
 * @example
 * await concord.agreements.agreementCount(); // 3n
 */
export async function agreementCount(
  client: ConcordClientBase,
  block: BlockParameters = {},
): Promise<bigint> {
  return readAgreements(client, "agreementCount", [], block);
}

/**
 * The nonce a signature by `signer` for `agreementId` must cover: 0 until the signer burns it with
 * `invalidateNonce({ agreementId })`. Nonces are per agreement: using or revoking a signature for one
 * agreement leaves the signer's signatures for every other agreement valid.
 *
 * @example
 * await concord.agreements.agreementNonces({ signer: alice, agreementId: 1n }); // 0n
 */
export async function agreementNonces(
  client: ConcordClientBase,
  { signer, agreementId, ...block }: { signer: Address; agreementId: BigIntish } & BlockParameters,
): Promise<bigint> {
  return readAgreements(
    client,
    "nonces",
    [toAddress("signer", signer, { allowZero: true }), toUint256("agreementId", agreementId)],
    block,
  );
}

/**
 * The EIP-712 domain separator of the registry on the current chain.
 *
 * @example
 * const separator = await concord.agreements.agreementsDomainSeparator();
 */
export async function agreementsDomainSeparator(
  client: ConcordClientBase,
  block: BlockParameters = {},
): Promise<Hex> {
  return readAgreements(client, "domainSeparator", [], block);
}

/**
 * The registry's EIP-712 domain, from ERC-5267 `eip712Domain()`: the fields it declares (name,
 * version, chain id and verifying contract for Concord).
 *
 * @example
 * const domain = await concord.agreements.agreementsEip712Domain();
 * domain.name; // "Concord Agreements"
 */
export async function agreementsEip712Domain(
  client: ConcordClientBase,
  block: BlockParameters = {},
): Promise<AgreementsDomain> {
  return toDomain(await readAgreements(client, "eip712Domain", [], block));
}

/**
 * @internal Turns the tuple of `eip712Domain()` into a viem domain, keeping the fields its bitmap declares.
 *
 * @example
 * toDomain(await readAgreements(client, "eip712Domain", []));
 */
export function toDomain(
  raw: readonly [Hex, string, string, bigint, Address, Hex, readonly bigint[]],
): AgreementsDomain {
  const [fields, name, version, chainId, verifyingContract, salt] = raw;
  const bits = Number.parseInt(fields.slice(2) || "0", 16);
  const domain: AgreementsDomain = {};
  if (bits & 0x01) domain.name = name;
  if (bits & 0x02) domain.version = version;
  if (bits & 0x04) domain.chainId = Number(chainId);
  if (bits & 0x08) domain.verifyingContract = verifyingContract;
  if (bits & 0x10) domain.salt = salt;
  return domain;
}

/**
 * The cell registry whose stewards act for cell parties.
 *
 * @example
 * await concord.agreements.agreementsCellRegistry(); // concord.addresses.cellRegistry
 */
export async function agreementsCellRegistry(
  client: ConcordClientBase,
  block: BlockParameters = {},
): Promise<Address> {
  return readAgreements(client, "cellRegistry", [], block);
}
