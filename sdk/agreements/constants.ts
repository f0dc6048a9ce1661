/**
 * Statuses, limits, terms hashing and the EIP-712 types of the AgreementRegistry.
 */
import { isHex, keccak256, size, stringToBytes } from "viem";
import type { Hex } from "viem";

import { InvalidInputError } from "../errors.ts";

/**
 * The statuses of an agreement, as `statusOf` returns them. `EXPIRED` is never stored: the contract
 * derives it from the clock (and from the original of a pending amendment).
 *
 * @example
 * import { AgreementStatus } from "@concord-dao/sdk";
 *
 * (await concord.agreements.agreementStatusOf({ agreementId })) === AgreementStatus.ACTIVE;
 */
export const AgreementStatus = {
  NONE: 0,
  PROPOSED: 1,
  ACTIVE: 2,
  REJECTED: 3,
  WITHDRAWN: 4,
  TERMINATED: 5,
  EXPIRED: 6,
  SUPERSEDED: 7,
} as const;

/** A status value, 0..7. */
export type AgreementStatusValue = (typeof AgreementStatus)[keyof typeof AgreementStatus];

/**
 * Status names by value.
 *
 * @example
 * import { agreementStatusNames } from "@concord-dao/sdk";
 *
 * agreementStatusNames[2]; // "active"
 */
export const agreementStatusNames = [
  "none",
  "proposed",
  "active",
  "rejected",
  "withdrawn",
  "terminated",
  "expired",
  "superseded",
] as const;

/** A status name. */
export type AgreementStatusName = (typeof agreementStatusNames)[number];

/**
 * The registry's limits (constants of `AgreementRegistry.sol`).
 *
 * @example
 * import { agreementLimits } from "@concord-dao/sdk";
 *
 * agreementLimits.MAX_PARTIES; // 16
 */
export const agreementLimits = {
  /** The fewest parties (accounts and cells together). */
  MIN_PARTIES: 2,
  /** The most parties: the acknowledgement bitmap is 16 bits. */
  MAX_PARTIES: 16,
  /** The most entries of `acknowledgeMany` and `submitSignatures` (`acknowledgeBySigBatch`). */
  MAX_BATCH: 32,
  /** The longest terms URI, in UTF-8 bytes (a URI is required: at least 1 byte). */
  MAX_URI_LENGTH: 256,
  /** The longest title, in UTF-8 bytes (a title is required: at least 1 byte). */
  MAX_TITLE_LENGTH: 96,
} as const;

/**
 * The EIP-712 domain name and version of the AgreementRegistry (the chain id and the deployment's
 * address complete it; `getAcknowledgeTypedData` reads all four from `eip712Domain()`).
 *
 * @example
 * import { agreementsEip712 } from "@concord-dao/sdk";
 *
 * agreementsEip712.name; // "Concord Agreements"
 */
export const agreementsEip712 = { name: "Concord Agreements", version: "1" } as const;

/**
 * The EIP-712 struct an account party signs (`ACKNOWLEDGE_TYPEHASH`):
 * `Acknowledge(uint256 agreementId,bytes32 termsHash,address signer,uint256 nonce,uint256 deadline)`.
 *
 * @example
 * import { acknowledgeTypes } from "@concord-dao/sdk";
 *
 * await walletClient.signTypedData({ domain, types: acknowledgeTypes, primaryType: "Acknowledge", message });
 */
export const acknowledgeTypes = {
  Acknowledge: [
    { name: "agreementId", type: "uint256" },
    { name: "termsHash", type: "bytes32" },
    { name: "signer", type: "address" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
} as const;

/**
 * The EIP-712 struct a steward of a cell party signs (`ACKNOWLEDGE_FOR_CELL_TYPEHASH`):
 * `AcknowledgeForCell(uint256 agreementId,uint256 cellId,bytes32 termsHash,address signer,uint256 nonce,uint256 deadline)`.
 *
 * @example
 * import { acknowledgeForCellTypes } from "@concord-dao/sdk";
 *
 * acknowledgeForCellTypes.AcknowledgeForCell.length; // 6
 */
export const acknowledgeForCellTypes = {
  AcknowledgeForCell: [
    { name: "agreementId", type: "uint256" },
    { name: "cellId", type: "uint256" },
    { name: "termsHash", type: "bytes32" },
    { name: "signer", type: "address" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
} as const;

/**
 * The name of a status value.
 *
 * @throws {InvalidInputError} outside 0..7.
 * @example
 * import { agreementStatusName } from "@concord-dao/sdk";
 *
 * agreementStatusName(6); // "expired"
 */
export function agreementStatusName(status: number): AgreementStatusName {
  const name = agreementStatusNames[status];
  if (name === undefined) throw new InvalidInputError("status", status, "expected 0..7");
  return name;
}

/**
 * Validates a status given as a value (0..7) or a name and returns the value.
 *
 * @throws {InvalidInputError} when out of range or unknown.
 * @example
 * import { toAgreementStatus } from "@concord-dao/sdk";
 *
 * toAgreementStatus("active"); // 2
 */
export function toAgreementStatus(status: number | AgreementStatusName): AgreementStatusValue {
  if (typeof status === "string") {
    const index = agreementStatusNames.indexOf(status);
    if (index < 0) {
      throw new InvalidInputError("status", status, `expected one of ${agreementStatusNames.join(", ")}`);
    }
    return index as AgreementStatusValue;
  }
  if (!Number.isInteger(status) || status < 0 || status >= agreementStatusNames.length) {
    throw new InvalidInputError("status", status, "expected 0 (none) to 7 (superseded)");
  }
  return status as AgreementStatusValue;
}

/**
 * The content hash of a terms document (text as UTF-8, or raw bytes): keccak256, as parties
 * acknowledge it on-chain.
 *
 * @throws {InvalidInputError} for an empty document.
 * @example
 * import { hashTerms } from "@concord-dao/sdk";
 *
 * const terms = "# Service agreement\nThe infra cell runs the RPC nodes of the grants cell.";
 * const { agreementId } = await concord.agreements.proposeAgreement({
 *   accounts: [alice, bob],
 *   title: "RPC nodes for the grants cell",
 *   termsHash: hashTerms(terms),
 *   termsURI: "https://infra.example/agreements/rpc.md",
 * });
 */
export function hashTerms(document: string | Uint8Array): Hex {
  const bytes = typeof document === "string" ? stringToBytes(document) : document;
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) {
    throw new InvalidInputError("terms", document, "the terms document is empty");
  }
  return keccak256(bytes);
}

/**
 * @internal Resolves the terms hash of a call: an explicit `termsHash` (32 bytes, not zero) or the hash
 * of the `terms` document; exactly one of them.
 *
 * @example
 * resolveTermsHash({ terms: "..." }); // keccak256 of the text
 */
export function resolveTermsHash(
  {
    terms,
    termsHash,
  }: {
    terms?: string | Uint8Array | undefined;
    termsHash?: Hex | undefined;
  },
  parameter = "termsHash",
): Hex {
  if (terms !== undefined && termsHash !== undefined) {
    throw new InvalidInputError("terms", terms, "give either `terms` or `termsHash`, not both");
  }
  if (terms !== undefined) return hashTerms(terms);
  if (termsHash === undefined) {
    throw new InvalidInputError(parameter, termsHash, "give the terms document (`terms`) or its `termsHash`");
  }
  if (typeof termsHash !== "string" || !isHex(termsHash, { strict: true }) || size(termsHash) !== 32) {
    throw new InvalidInputError(parameter, termsHash, "expected 32 bytes of hex (0x + 64 hex digits)");
  }
  if (/^0x0{64}$/.test(termsHash)) {
    throw new InvalidInputError(parameter, termsHash, "the terms hash is zero (empty terms)");
  }
  return termsHash.toLowerCase() as Hex;
}
