/**
 * Human messages for the refusals of the AgreementRegistry (`contracts/agreements/IAgreementRegistry.sol`).
 * `defineErrorMessages` makes `tsc` fail when an error of the ABI has no message here.
 */
import { agreementRegistryAbi } from "../generated/abis.ts";
import type { ErrorMessages } from "../internal/messages.ts";
import { registerErrorCatalogue } from "../internal/registry.ts";
import { defineErrorMessages, formatTimestamp, shortAddress } from "../internal/messages.ts";

const STATUS_NAMES = [
  "none",
  "proposed",
  "active",
  "rejected",
  "withdrawn",
  "terminated",
  "expired",
  "superseded",
] as const;

function statusWord(status: number | bigint): string {
  return STATUS_NAMES[Number(status)] ?? `status ${status}`;
}

function shortHash(hash: string): string {
  return hash.length > 14 ? `${hash.slice(0, 10)}…${hash.slice(-4)}` : hash;
}

/**
 * One sentence per custom error of the AgreementRegistry, used by `decodeConcordError`.
 *
 * @example
 * import { agreementErrorMessages } from "@concord-dao/sdk";
 *
 * agreementErrorMessages.AgreementUnknown!({ agreementId: 7n }); // "Agreement 7 does not exist."
 */
export const agreementErrorMessages = defineErrorMessages(agreementRegistryAbi, {
  AgreementUnknown: ({ agreementId }) => `Agreement ${agreementId} does not exist.`,
  AgreementWrongStatus: ({ agreementId, status, required }) =>
    `Agreement ${agreementId} is ${statusWord(status)}; this action needs it to be ${statusWord(required)}.`,
  AgreementNotParty: ({ agreementId, account }) =>
    `${shortAddress(account)} is not a party to agreement ${agreementId}.`,
  AgreementCellNotParty: ({ agreementId, cellId }) =>
    `Cell ${cellId} is not a party to agreement ${agreementId}.`,
  AgreementNotSteward: ({ cellId, account }) =>
    `${shortAddress(account)} is not a steward of cell ${cellId} (nor of any cell above it), so it cannot act for the cell.`,
  AgreementNotProposer: ({ agreementId, proposer, account }) =>
    `Only the proposer of agreement ${agreementId} (${shortAddress(proposer)}) can withdraw it, not ${shortAddress(account)}.`,
  AgreementTermsMismatch: ({ agreementId, expected, given }) =>
    `The terms of agreement ${agreementId} hash to ${shortHash(expected)}, not ${shortHash(given)}: read the current terms before acknowledging.`,
  AgreementAlreadyAcknowledged: ({ agreementId, account }) =>
    `${shortAddress(account)} has already acknowledged agreement ${agreementId}.`,
  AgreementCellAlreadyAcknowledged: ({ agreementId, cellId }) =>
    `Cell ${cellId} has already acknowledged agreement ${agreementId}.`,
  AgreementSignatureExpired: ({ deadline, nowTime }) =>
    `The signature expired at ${formatTimestamp(deadline)} (the chain's time is ${formatTimestamp(nowTime)}): ask for a new one.`,
  AgreementInvalidSigner: ({ agreementId, signer }) =>
    `The signature is not ${shortAddress(signer)}'s acknowledgement of agreement ${agreementId} with its current nonce for that agreement (wrong signer, terms, agreement, chain or deployment, or revoked with invalidateNonce).`,
  AgreementTooFewParties: ({ count, min }) =>
    `An agreement needs at least ${min} parties; ${count} ${count === 1n ? "was" : "were"} given.`,
  AgreementTooManyParties: ({ count, max }) =>
    `An agreement has at most ${max} parties; ${count} were given.`,
  AgreementDuplicateAccount: ({ account }) => `${shortAddress(account)} is listed twice among the parties.`,
  AgreementDuplicateCell: ({ cellId }) => `Cell ${cellId} is listed twice among the parties.`,
  AgreementNonexistentCell: ({ cellId }) => `Cell ${cellId} does not exist, so it cannot be a party.`,
  AgreementZeroAddress: () => "The zero address was given where an account is needed.",
  AgreementEmptyTerms: () => "The terms need a non-zero content hash.",
  AgreementExpiryInPast: ({ expiresAt, nowTime }) =>
    `The expiry ${formatTimestamp(expiresAt)} is not after the chain's current time (${formatTimestamp(nowTime)}).`,
  AgreementBatchLength: ({ length, max }) => `A batch needs between 1 and ${max} entries; it has ${length}.`,
  AgreementLengthMismatch: ({ ids, termsHashes }) =>
    `${ids} agreement ids were given with ${termsHashes} terms hashes: give one hash per agreement.`,
  AgreementURITooLong: ({ length, max }) =>
    `The terms URI is ${length} bytes long; at most ${max} bytes are allowed: link to the document instead of inlining it.`,
  AgreementURIEmpty: () =>
    "The terms need a link to the document (https:// or ipfs://), so that every party can read what it acknowledges.",
  AgreementTitleEmpty: () => "The agreement needs a title.",
  AgreementTitleTooLong: ({ length, max }) =>
    `The title is ${length} bytes long; at most ${max} bytes are allowed: put the details in the document.`,
  InvalidShortString: () => "A string of the EIP-712 domain is too long to be stored inline.",
  StringTooLong: ({ str }) => `The string "${str.length > 40 ? `${str.slice(0, 37)}...` : str}" is too long.`,
});

/**
 * The agreements module's error catalogue, registered with the decoder when this module's writes or decorator are
 * imported (a page that only reads cells does not carry it).
 *
 * @example
 * import { agreementErrorCatalogue } from "@concord-dao/sdk";
 *
 * agreementErrorCatalogue.messages.AgreementNotParty !== undefined; // true
 */
export const agreementErrorCatalogue = registerErrorCatalogue({
  contracts: ["AgreementRegistry"],
  abis: [agreementRegistryAbi],
  messages: agreementErrorMessages as ErrorMessages,
});
