/**
 * One action per write of `IAgreementRegistry`. Each validates its inputs (InvalidInputError), then goes
 * through the shared pipeline (`sdk/internal/write.ts`): simulate → send → wait → decode. Each returns
 * `{ hash, receipt, events }` plus what the transaction decided (the new id, who acknowledged, which
 * agreements became active...).
 */
import { getAddress, isHex } from "viem";
import type { Address, Hex } from "viem";
import { getBlock, simulateContract } from "viem/actions";

import type { ConcordClientBase } from "../client.ts";
import { ConcordError, InvalidInputError, decodeConcordError } from "../errors.ts";
import { agreementRegistryAbi } from "../generated/abis.ts";
import { toAddress, toCellId, toTimestamp, toUint256 } from "../internal/validate.ts";
import type { BigIntish, Timestamp } from "../internal/validate.ts";
import { definePrepare, defineWrite, executeWrite } from "../internal/write.ts";
import { agreementErrorCatalogue } from "./errors.ts";
import type { WriteOptions, WriteResult } from "../internal/write.ts";
import { agreementLimits, resolveTermsHash } from "./constants.ts";
import { agreementRegistryOf } from "./reads.ts";

type RegistryAbi = typeof agreementRegistryAbi;

/** The result of an AgreementRegistry write: hash, receipt and the registry events it emitted. */
export type AgreementWriteResult = WriteResult<RegistryAbi>;

/** An acknowledgement recorded by a write. */
export type AcknowledgementRecord = {
  agreementId: bigint;
  /** The account party, or the steward who acknowledged for `cellId`. */
  by: Address;
  /** The cell party acknowledged for, or null for an account party. */
  cellId: bigint | null;
  bySignature: boolean;
};

/** What an acknowledging write decided. */
export type AcknowledgeResult = AgreementWriteResult & {
  /** Every acknowledgement recorded, in order. */
  acknowledgements: AcknowledgementRecord[];
  /** The agreements that became active (every party had acknowledged). */
  activated: bigint[];
  /** Originals replaced by an amendment that became active. */
  superseded: { agreementId: bigint; amendmentId: bigint }[];
};

/** An entry of a signature batch that the registry skipped (the batch applied the others). */
export type SkippedAcknowledgement = {
  /** The entry's position in `signatures`. */
  index: number;
  agreementId: bigint;
  signer: Address;
  /** The cell party the steward signed for, or null for an account party. */
  cellId: bigint | null;
  /**
   * Why, decoded from the event's `reason`: the refusal the entry alone would have met, with its human
   * message (e.g. `AgreementAlreadyAcknowledged` when someone submitted the same signature first,
   * `AgreementInvalidSigner` when the signer revoked it, `AgreementWrongStatus` when it was withdrawn).
   */
  error: ConcordError;
};

/** What {@link submitAgreementSignatures} decided: the applied acknowledgements and the skipped entries. */
export type SubmitSignaturesResult = AcknowledgeResult & {
  /** The entries that were not applied, in batch order (empty when every entry was applied). */
  skipped: SkippedAcknowledgement[];
};

function registry(client: ConcordClientBase) {
  const { address } = agreementRegistryOf(client);
  return { contract: "AgreementRegistry", address, abi: agreementRegistryAbi } as const;
}

function acknowledgeOutcome(result: AgreementWriteResult): AcknowledgeResult {
  const acknowledgements: AcknowledgementRecord[] = [];
  const activated: bigint[] = [];
  const superseded: AcknowledgeResult["superseded"] = [];
  for (const event of result.events) {
    if (event.eventName === "AgreementAcknowledged") {
      const { agreementId, by, cellId, bySignature } = event.args;
      acknowledgements.push({ agreementId, by, cellId: cellId === 0n ? null : cellId, bySignature });
    } else if (event.eventName === "AgreementActivated") {
      activated.push(event.args.agreementId);
    } else if (event.eventName === "AgreementSuperseded") {
      superseded.push({ agreementId: event.args.agreementId, amendmentId: event.args.amendmentId });
    }
  }
  return { ...result, acknowledgements, activated, superseded };
}

/** The expiry as the contract takes it (0: none), refusing a time that is not after the latest block. */
async function resolveExpiry(
  client: ConcordClientBase,
  expiresAt: Timestamp | null | undefined,
): Promise<bigint> {
  if (expiresAt === undefined || expiresAt === null) return 0n;
  const value = toTimestamp("expiresAt", expiresAt);
  if (value === 0n) return 0n;
  let now: bigint;
  try {
    now = (await getBlock(client.publicClient)).timestamp;
  } catch (error) {
    throw decodeConcordError(error);
  }
  if (value <= now) {
    throw new InvalidInputError(
      "expiresAt",
      expiresAt,
      `the expiry (${value}) is not after the chain's current time (${now})`,
    );
  }
  return value;
}

// Declared here, not in errors.ts: the error catalogue (errors.ts) is imported by sdk/errors.ts, which
// defines InvalidInputError, so a class there could not extend it.

/** A sentence as the reason of an InvalidInputError ("Invalid title: an agreement needs a title."). */
const asReason = (sentence: string): string =>
  sentence.charAt(0).toLowerCase() + sentence.slice(1).replace(/\.$/, "");

/**
 * A title the SDK refuses to send (`agreementTitleProblem` says why); `shortMessage` is that sentence.
 *
 * @example
 * import { AgreementTitleError } from "@concord-dao/sdk";
 *
 * await concord.agreements.proposeAgreement({ ...terms, title: "" }).catch((e) => e instanceof AgreementTitleError);
 */
export class AgreementTitleError extends InvalidInputError {
  override name = "AgreementTitleError";
  /** The sentence that says what is wrong. */
  readonly problem: string;

  constructor(title: unknown, problem: string) {
    super("title", title, asReason(problem));
    this.problem = problem;
  }
}

/**
 * A document link the SDK refuses to send (`documentURIProblem` says why); `shortMessage` is that
 * sentence, with the field.
 *
 * @example
 * import { DocumentURIError } from "@concord-dao/sdk";
 *
 * await concord.agreements.proposeAgreement({ ...terms, termsURI: "http://x" }).catch((e) => e instanceof DocumentURIError);
 */
export class DocumentURIError extends InvalidInputError {
  override name = "DocumentURIError";
  /** The sentence that says what is wrong. */
  readonly problem: string;

  constructor(parameter: string, uri: unknown, problem: string) {
    super(parameter, uri, asReason(problem));
    this.problem = problem;
  }
}

/**
 * The title and the terms URI as sent, or an AgreementTitleError / DocumentURIError: one line of plain
 * text of 1..96 bytes, and a link every party can open (https:// or ipfs://). The checks load with the
 * first proposal, so that pages that never propose do not carry them.
 */
async function termsTextArgs(title: unknown, termsURI: unknown): Promise<{ name: string; uri: string }> {
  const text = await import("./text.ts");
  const titleProblem = text.agreementTitleProblem(title as string);
  if (titleProblem) throw new AgreementTitleError(title, titleProblem);
  const uriProblem = text.documentURIProblem(termsURI as string);
  if (uriProblem) throw new DocumentURIError("termsURI", termsURI, uriProblem);
  return { name: title as string, uri: termsURI as string };
}

/** Terms of a proposal or an amendment: a title, the document itself or its hash, its link and an expiry. */
export type TermsParameters = {
  /**
   * A short name for the agreement, shown in every list (1..96 UTF-8 bytes, one line of plain text: no
   * control or bidirectional-override character). Kept in the proposal event only.
   */
  title: string;
  /** The terms document (text as UTF-8, or bytes): its keccak256 is what parties acknowledge. */
  terms?: string | Uint8Array | undefined;
  /** The keccak256 of the terms document, if already computed (give this or `terms`). */
  termsHash?: Hex | undefined;
  /**
   * Where every party can read the document: `https://host/…` or `ipfs://<CID>/…` (opened through a
   * gateway), at most 256 bytes. Required; kept in the proposal event only.
   */
  termsURI: string;
  /** When the agreement expires: Unix seconds or a Date, after the chain's current time; omit or null for none. */
  expiresAt?: Timestamp | null | undefined;
};

// ─────────────────────────────────────────────────────────────── proposing

/** Parameters of {@link proposeAgreement}. */
export type ProposeParameters = WriteOptions &
  TermsParameters & {
    /** Account parties (EOAs or contract wallets such as a Safe). */
    accounts?: readonly Address[] | undefined;
    /** Cell parties: any steward of the cell (or of an ancestor) acts for it. */
    cells?: readonly BigIntish[] | undefined;
  };

/**
 * Proposes an agreement between accounts and cells (2 to 16 parties in all, no duplicates). Anyone may
 * propose; proposing does not acknowledge, not even for a proposer that is a party.
 *
 * @returns the new `agreementId` (from the AgreementProposed event) and the `termsHash`.
 * @throws {InvalidInputError} for fewer than 2 or more than 16 parties, a duplicate, the zero address,
 * cell 0, empty terms or an expiry that is not in the future.
 * @throws {AgreementTitleError} for a missing or too long title, or one with control characters.
 * @throws {DocumentURIError} for a missing document link, or one that is not https:// or ipfs://.
 * @throws {ContractRefusalError} `AgreementNonexistentCell`, `AgreementExpiryInPast`...
 * @example
 * const { agreementId, termsHash } = await concord.agreements.proposeAgreement({
 *   accounts: [alice],
 *   cells: [infraCell],
 *   title: "RPC service for alice",
 *   terms: "# RPC service\nThe infra cell runs two archive nodes for alice.",
 *   termsURI: "ipfs://bafy…",
 *   expiresAt: new Date("2027-01-01T00:00:00Z"),
 * });
 */
export const proposeAgreement = /* @__PURE__ */ defineWrite(async function proposeAgreement(
  client: ConcordClientBase,
  parameters: ProposeParameters,
): Promise<AgreementWriteResult & { agreementId: bigint; termsHash: Hex }> {
  const { accounts = [], cells = [], title, terms, termsHash, termsURI, expiresAt, ...options } = parameters;
  if (!Array.isArray(accounts))
    throw new InvalidInputError("accounts", accounts, "expected an array of addresses");
  if (!Array.isArray(cells)) throw new InvalidInputError("cells", cells, "expected an array of cell ids");
  const accountList: Address[] = [];
  accounts.forEach((value, i) => {
    const account = toAddress(`accounts[${i}]`, value);
    if (accountList.includes(account)) throw new InvalidInputError(`accounts[${i}]`, value, "listed twice");
    accountList.push(account);
  });
  const cellList: bigint[] = [];
  cells.forEach((value, i) => {
    const cellId = toCellId(value, `cells[${i}]`);
    if (cellList.includes(cellId)) throw new InvalidInputError(`cells[${i}]`, value, "listed twice");
    cellList.push(cellId);
  });
  const count = accountList.length + cellList.length;
  if (count < agreementLimits.MIN_PARTIES) {
    throw new InvalidInputError(
      "parties",
      count,
      `an agreement needs at least ${agreementLimits.MIN_PARTIES} parties (accounts and cells), ${count} given`,
    );
  }
  if (count > agreementLimits.MAX_PARTIES) {
    throw new InvalidInputError(
      "parties",
      count,
      `an agreement has at most ${agreementLimits.MAX_PARTIES} parties (accounts and cells), ${count} given`,
    );
  }
  const { name, uri } = await termsTextArgs(title, termsURI);
  const hash = resolveTermsHash({ terms, termsHash });
  const expiry = await resolveExpiry(client, expiresAt);
  const result = await executeWrite(
    client,
    {
      ...registry(client),
      functionName: "propose",
      args: [accountList, cellList, name, hash, uri, expiry],
    },
    options,
  );
  const event = result.events.find((e) => e.eventName === "AgreementProposed");
  if (!event || event.eventName !== "AgreementProposed") {
    throw new ConcordError(`Transaction ${result.hash} emitted no AgreementProposed event.`);
  }
  return { ...result, agreementId: event.args.agreementId, termsHash: hash };
}, agreementErrorCatalogue);

/**
 * {@link proposeAgreement} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareProposeAgreement(concord, { ...parameters, sender: safeAddress });
 */
export const prepareProposeAgreement = /* @__PURE__ */ definePrepare(proposeAgreement);

/** Parameters of {@link amendAgreement}. */
export type AmendParameters = WriteOptions & TermsParameters & { agreementId: BigIntish };

/** Parameters of {@link amendAgreementForCell}. */
export type AmendForCellParameters = AmendParameters & { cellId: BigIntish };

async function amendWith(
  client: ConcordClientBase,
  parameters: AmendParameters & { cellId?: BigIntish | undefined },
): Promise<AgreementWriteResult & { amendmentId: bigint; termsHash: Hex }> {
  const { agreementId, cellId, title, terms, termsHash, termsURI, expiresAt, ...options } = parameters;
  const id = toUint256("agreementId", agreementId);
  const { name, uri } = await termsTextArgs(title, termsURI);
  const hash = resolveTermsHash({ terms, termsHash });
  const expiry = await resolveExpiry(client, expiresAt);
  const result =
    cellId === undefined
      ? await executeWrite(
          client,
          { ...registry(client), functionName: "amend", args: [id, name, hash, uri, expiry] },
          options,
        )
      : await executeWrite(
          client,
          {
            ...registry(client),
            functionName: "amendForCell",
            args: [id, toCellId(cellId), name, hash, uri, expiry],
          },
          options,
        );
  const event = result.events.find((e) => e.eventName === "AgreementAmendmentProposed");
  if (!event || event.eventName !== "AgreementAmendmentProposed") {
    throw new ConcordError(`Transaction ${result.hash} emitted no AgreementAmendmentProposed event.`);
  }
  return { ...result, amendmentId: event.args.agreementId, termsHash: hash };
}

/**
 * An account party proposes new terms for an active agreement: a new agreement (the amendment) with
 * the same parties. Every party then acknowledges the amendment; the last acknowledgement activates it
 * and supersedes the original, which stays active until then.
 *
 * @returns the `amendmentId` and its `termsHash`.
 * @throws {InvalidInputError} for empty terms or an expiry that is not in the future.
 * @throws {AgreementTitleError} / {DocumentURIError} as {@link proposeAgreement}.
 * @throws {ContractRefusalError} `AgreementWrongStatus` (not active), `AgreementNotParty`.
 * @example
 * const { amendmentId } = await concord.agreements.amendAgreement({
 *   agreementId,
 *   title: "RPC service, two regions",
 *   terms: revisedText,
 *   termsURI: "ipfs://bafybeibsnu3xxcfvcbz5mvmsqgrufw7qxpn2wzbdkfrvqcqqpz5c7byy3e",
 * });
 */
export const amendAgreement = /* @__PURE__ */ defineWrite(async function amendAgreement(
  client: ConcordClientBase,
  parameters: AmendParameters,
): Promise<AgreementWriteResult & { amendmentId: bigint; termsHash: Hex }> {
  return amendWith(client, { ...parameters, cellId: undefined });
}, agreementErrorCatalogue);

/**
 * {@link amendAgreement} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareAmendAgreement(concord, { ...parameters, sender: safeAddress });
 */
export const prepareAmendAgreement = /* @__PURE__ */ definePrepare(amendAgreement);

/**
 * As {@link amendAgreement}, by a steward of cell party `cellId` (or of one of its ancestors).
 *
 * @throws {ContractRefusalError} `AgreementWrongStatus`, `AgreementCellNotParty`, `AgreementNotSteward`.
 * @example
 * const { amendmentId } = await concord.agreements.amendAgreementForCell({
 *   agreementId,
 *   cellId,
 *   title: "RPC service, two regions",
 *   terms: revisedText,
 *   termsURI: "https://infra.example/agreements/rpc-v2.md",
 * });
 */
export const amendAgreementForCell = /* @__PURE__ */ defineWrite(async function amendAgreementForCell(
  client: ConcordClientBase,
  parameters: AmendForCellParameters,
): Promise<AgreementWriteResult & { amendmentId: bigint; termsHash: Hex }> {
  return amendWith(client, { ...parameters, cellId: toCellId(parameters.cellId) });
}, agreementErrorCatalogue);

/**
 * {@link amendAgreementForCell} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareAmendAgreementForCell(concord, { ...parameters, sender: safeAddress });
 */
export const prepareAmendAgreementForCell = /* @__PURE__ */ definePrepare(amendAgreementForCell);

// ─────────────────────────────────────────────────────────────── acknowledging

/**
 * What is acknowledged: the agreement and its terms, named by hash (or by the document, hashed), so that
 * nobody acknowledges terms that are not the ones they read.
 */
export type AcknowledgeParameters = WriteOptions & {
  agreementId: BigIntish;
  /** The terms hash the sender read (give this or `terms`). */
  termsHash?: Hex | undefined;
  /** The terms document the sender read, hashed with `hashTerms`. */
  terms?: string | Uint8Array | undefined;
};

/** Parameters of {@link acknowledgeAgreementForCell}. */
export type AcknowledgeForCellParameters = AcknowledgeParameters & { cellId: BigIntish };

/**
 * The sender, an account party, acknowledges the agreement's terms. The last acknowledgement activates it.
 *
 * @throws {InvalidInputError} without `termsHash` or `terms`.
 * @throws {ContractRefusalError} `AgreementNotParty`, `AgreementTermsMismatch`, `AgreementAlreadyAcknowledged`,
 * `AgreementWrongStatus`, `AgreementUnknown`.
 * @example
 * const agreement = await concord.agreements.getAgreement({ agreementId });
 * const { activated } = await concord.agreements.acknowledgeAgreement({ agreementId, termsHash: agreement.termsHash });
 */
export const acknowledgeAgreement = /* @__PURE__ */ defineWrite(async function acknowledgeAgreement(
  client: ConcordClientBase,
  parameters: AcknowledgeParameters,
): Promise<AcknowledgeResult> {
  const { agreementId, termsHash, terms, ...options } = parameters;
  const id = toUint256("agreementId", agreementId);
  const hash = resolveTermsHash({ terms, termsHash });
  return acknowledgeOutcome(
    await executeWrite(
      client,
      { ...registry(client), functionName: "acknowledge", args: [id, hash] },
      options,
    ),
  );
}, agreementErrorCatalogue);

/**
 * {@link acknowledgeAgreement} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareAcknowledgeAgreement(concord, { ...parameters, sender: safeAddress });
 */
export const prepareAcknowledgeAgreement = /* @__PURE__ */ definePrepare(acknowledgeAgreement);

/**
 * The sender, a steward of cell party `cellId` (or of one of its ancestors), acknowledges for the cell.
 *
 * @throws {ContractRefusalError} `AgreementCellNotParty`, `AgreementNotSteward`, `AgreementTermsMismatch`,
 * `AgreementCellAlreadyAcknowledged`, `AgreementWrongStatus`.
 * @example
 * await concord.agreements.acknowledgeAgreementForCell({ agreementId, cellId: infraCell, termsHash });
 */
export const acknowledgeAgreementForCell = /* @__PURE__ */ defineWrite(
  async function acknowledgeAgreementForCell(
    client: ConcordClientBase,
    parameters: AcknowledgeForCellParameters,
  ): Promise<AcknowledgeResult> {
    const { agreementId, cellId, termsHash, terms, ...options } = parameters;
    const id = toUint256("agreementId", agreementId);
    const cell = toCellId(cellId);
    const hash = resolveTermsHash({ terms, termsHash });
    return acknowledgeOutcome(
      await executeWrite(
        client,
        { ...registry(client), functionName: "acknowledgeForCell", args: [id, cell, hash] },
        options,
      ),
    );
  },
  agreementErrorCatalogue,
);

/**
 * {@link acknowledgeAgreementForCell} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareAcknowledgeAgreementForCell(concord, { ...parameters, sender: safeAddress });
 */
export const prepareAcknowledgeAgreementForCell = /* @__PURE__ */ definePrepare(acknowledgeAgreementForCell);

/** Parameters of {@link acknowledgeAgreements}. */
export type AcknowledgeManyParameters = WriteOptions & {
  /** Up to 32 agreements, each with the terms hash the sender read. */
  agreements: readonly { agreementId: BigIntish; termsHash: Hex }[];
};

/**
 * The sender acknowledges several agreements as an account party, in ONE transaction, atomically.
 *
 * @throws {InvalidInputError} for an empty list, more than 32 entries or an agreement listed twice.
 * @throws {ContractRefusalError} as {@link acknowledgeAgreement}, for the first entry that is refused.
 * @example
 * await concord.agreements.acknowledgeAgreements({
 *   agreements: [
 *     { agreementId: 1n, termsHash: first.termsHash },
 *     { agreementId: 2n, termsHash: second.termsHash },
 *   ],
 * });
 */
export const acknowledgeAgreements = /* @__PURE__ */ defineWrite(async function acknowledgeAgreements(
  client: ConcordClientBase,
  parameters: AcknowledgeManyParameters,
): Promise<AcknowledgeResult> {
  const { agreements, ...options } = parameters;
  if (!Array.isArray(agreements) || agreements.length === 0) {
    throw new InvalidInputError("agreements", agreements, "expected at least one agreement");
  }
  if (agreements.length > agreementLimits.MAX_BATCH) {
    throw new InvalidInputError(
      "agreements",
      agreements.length,
      `at most ${agreementLimits.MAX_BATCH} agreements per transaction`,
    );
  }
  const ids: bigint[] = [];
  const hashes: Hex[] = [];
  agreements.forEach((entry, i) => {
    const id = toUint256(`agreements[${i}].agreementId`, entry.agreementId);
    if (ids.includes(id)) throw new InvalidInputError(`agreements[${i}].agreementId`, id, "listed twice");
    ids.push(id);
    hashes.push(resolveTermsHash({ termsHash: entry.termsHash }, `agreements[${i}].termsHash`));
  });
  return acknowledgeOutcome(
    await executeWrite(
      client,
      { ...registry(client), functionName: "acknowledgeMany", args: [ids, hashes] },
      options,
    ),
  );
}, agreementErrorCatalogue);

/**
 * {@link acknowledgeAgreements} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareAcknowledgeAgreements(concord, { ...parameters, sender: safeAddress });
 */
export const prepareAcknowledgeAgreements = /* @__PURE__ */ definePrepare(acknowledgeAgreements);

// ─────────────────────────────────────────────────────────────── signatures

/**
 * A signed acknowledgement to submit, as `signAcknowledgement` returns it (or built from
 * `getAcknowledgeTypedData(...).message` and a signature).
 */
export type SignedAcknowledgementInput = {
  agreementId: BigIntish;
  /** 0 or omitted: `signer` is an account party; otherwise a steward of this cell party. */
  cellId?: BigIntish | undefined;
  signer: Address;
  termsHash: Hex;
  deadline: BigIntish | Date;
  /** Informative only: the contract checks the signer's current nonce. */
  nonce?: BigIntish | undefined;
  signature: Hex;
};

type SignedEntry = {
  agreementId: bigint;
  cellId: bigint;
  signer: Address;
  termsHash: Hex;
  deadline: bigint;
  signature: Hex;
};

function toSignedEntry(input: SignedAcknowledgementInput, prefix = ""): SignedEntry {
  if (typeof input !== "object" || input === null) {
    throw new InvalidInputError(prefix || "signature", input, "expected a signed acknowledgement");
  }
  const signature = input.signature;
  if (typeof signature !== "string" || !isHex(signature, { strict: true }) || signature.length <= 2) {
    throw new InvalidInputError(`${prefix}signature`, signature, "expected non-empty hex bytes");
  }
  return {
    agreementId: toUint256(`${prefix}agreementId`, input.agreementId),
    cellId: input.cellId === undefined ? 0n : toUint256(`${prefix}cellId`, input.cellId),
    signer: toAddress(`${prefix}signer`, input.signer),
    termsHash: resolveTermsHash({ termsHash: input.termsHash }, `${prefix}termsHash`),
    deadline: toTimestamp(`${prefix}deadline`, input.deadline, 2n ** 256n - 1n),
    signature,
  };
}

/** Parameters of {@link acknowledgeAgreementBySig}. */
export type AcknowledgeBySigParameters = WriteOptions & SignedAcknowledgementInput;

/**
 * Submits an account party's EIP-712 `Acknowledge` signature (an EOA's, or an ERC-1271 wallet's such as
 * a Safe's). Anyone may submit it; it counts once (the party's acknowledgement is recorded for good).
 *
 * @throws {InvalidInputError} for a cell acknowledgement (use {@link acknowledgeAgreementForCellBySig}) or malformed values.
 * @throws {ContractRefusalError} `AgreementInvalidSigner` (wrong signer, terms, agreement, chain,
 * deployment or nonce), `AgreementSignatureExpired`, `AgreementNotParty`, `AgreementTermsMismatch`,
 * `AgreementAlreadyAcknowledged`, `AgreementWrongStatus`.
 * @example
 * const signed = await concord.agreements.signAcknowledgement({ agreementId, deadline, walletClient: aliceWallet });
 * const { acknowledgements } = await relayer.agreements.acknowledgeAgreementBySig(signed);
 */
export const acknowledgeAgreementBySig = /* @__PURE__ */ defineWrite(async function acknowledgeAgreementBySig(
  client: ConcordClientBase,
  parameters: AcknowledgeBySigParameters,
): Promise<AcknowledgeResult> {
  const { agreementId, cellId, signer, termsHash, deadline, nonce, signature, ...options } = parameters;
  const entry = toSignedEntry({ agreementId, cellId, signer, termsHash, deadline, nonce, signature });
  if (entry.cellId !== 0n) {
    throw new InvalidInputError(
      "cellId",
      cellId,
      "a cell acknowledgement is submitted with acknowledgeForCellBySig",
    );
  }
  return acknowledgeOutcome(
    await executeWrite(
      client,
      {
        ...registry(client),
        functionName: "acknowledgeBySig",
        args: [entry.agreementId, entry.signer, entry.termsHash, entry.deadline, entry.signature],
      },
      options,
    ),
  );
}, agreementErrorCatalogue);

/**
 * {@link acknowledgeAgreementBySig} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareAcknowledgeAgreementBySig(concord, { ...parameters, sender: safeAddress });
 */
export const prepareAcknowledgeAgreementBySig = /* @__PURE__ */ definePrepare(acknowledgeAgreementBySig);

/** Parameters of {@link acknowledgeAgreementForCellBySig}. */
export type AcknowledgeForCellBySigParameters = WriteOptions &
  SignedAcknowledgementInput & { cellId: BigIntish };

/**
 * Submits the EIP-712 `AcknowledgeForCell` signature of a steward of cell party `cellId`.
 *
 * @throws {ContractRefusalError} `AgreementInvalidSigner`, `AgreementSignatureExpired`, `AgreementCellNotParty`,
 * `AgreementNotSteward`, `AgreementTermsMismatch`, `AgreementCellAlreadyAcknowledged`, `AgreementWrongStatus`.
 * @example
 * const signed = await concord.agreements.signAcknowledgement({ agreementId, cellId, deadline, walletClient: stewardWallet });
 * await relayer.agreements.acknowledgeAgreementForCellBySig({ ...signed, cellId });
 */
export const acknowledgeAgreementForCellBySig = /* @__PURE__ */ defineWrite(
  async function acknowledgeAgreementForCellBySig(
    client: ConcordClientBase,
    parameters: AcknowledgeForCellBySigParameters,
  ): Promise<AcknowledgeResult> {
    const { agreementId, cellId, signer, termsHash, deadline, nonce, signature, ...options } = parameters;
    const entry = toSignedEntry({
      agreementId,
      cellId: toCellId(cellId),
      signer,
      termsHash,
      deadline,
      nonce,
      signature,
    });
    return acknowledgeOutcome(
      await executeWrite(
        client,
        {
          ...registry(client),
          functionName: "acknowledgeForCellBySig",
          args: [
            entry.agreementId,
            entry.cellId,
            entry.signer,
            entry.termsHash,
            entry.deadline,
            entry.signature,
          ],
        },
        options,
      ),
    );
  },
  agreementErrorCatalogue,
);

/**
 * {@link acknowledgeAgreementForCellBySig} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareAcknowledgeAgreementForCellBySig(concord, { ...parameters, sender: safeAddress });
 */
export const prepareAcknowledgeAgreementForCellBySig = /* @__PURE__ */ definePrepare(
  acknowledgeAgreementForCellBySig,
);

/** Parameters of {@link submitAgreementSignatures}. */
export type SubmitSignaturesParameters = WriteOptions & {
  /** Up to 32 signed acknowledgements (accounts and cell stewards, one or several agreements). */
  signatures: readonly SignedAcknowledgementInput[];
};

/**
 * Submits collected signatures in ONE `acknowledgeBySigBatch` transaction: each entry is checked as
 * {@link acknowledgeAgreementBySig} (or {@link acknowledgeAgreementForCellBySig} when it names a cell) would check it.
 * Every valid entry is applied; a refused entry (front-run, revoked, expired, withdrawn agreement...) is
 * skipped and reported in `skipped` with its decoded error, and the rest of the batch still counts.
 * Entries may come in any order: a signer's signatures for different agreements are independent. When
 * the simulation shows that no entry would count, nothing is sent: the call is refused with the first
 * entry's own error, as {@link acknowledgeAgreementBySig} would refuse it.
 *
 * @throws {InvalidInputError} for an empty list, more than 32 entries, or the same party twice on one agreement.
 * @throws {ContractRefusalError} the first entry's refusal when no entry would count (nothing sent), or
 * `AgreementBatchLength`.
 * @example
 * const signatures = await Promise.all(
 *   wallets.map((walletClient) => concord.agreements.signAcknowledgement({ agreementId, deadline, walletClient })),
 * );
 * const { activated, skipped } = await concord.agreements.submitAgreementSignatures({ signatures });
 * for (const entry of skipped) console.log(entry.index, entry.error.shortMessage);
 */
export const submitAgreementSignatures = /* @__PURE__ */ defineWrite(async function submitAgreementSignatures(
  client: ConcordClientBase,
  parameters: SubmitSignaturesParameters,
): Promise<SubmitSignaturesResult> {
  const { signatures, ...options } = parameters;
  if (!Array.isArray(signatures) || signatures.length === 0) {
    throw new InvalidInputError("signatures", signatures, "expected at least one signed acknowledgement");
  }
  if (signatures.length > agreementLimits.MAX_BATCH) {
    throw new InvalidInputError(
      "signatures",
      signatures.length,
      `at most ${agreementLimits.MAX_BATCH} signatures per transaction`,
    );
  }
  const seen = new Set<string>();
  const entries = signatures.map((input, i) => {
    const entry = toSignedEntry(input, `signatures[${i}].`);
    const party = entry.cellId === 0n ? getAddress(entry.signer) : `cell ${entry.cellId}`;
    const key = `${entry.agreementId}:${party}`;
    if (seen.has(key)) {
      throw new InvalidInputError(
        `signatures[${i}]`,
        input,
        `${entry.cellId === 0n ? entry.signer : party} appears twice for agreement ${entry.agreementId}`,
      );
    }
    seen.add(key);
    return entry;
  });
  await refuseUselessBatch(client, entries, options);
  const outcome = acknowledgeOutcome(
    await executeWrite(
      client,
      { ...registry(client), functionName: "acknowledgeBySigBatch", args: [entries] },
      options,
    ),
  );
  const skipped: SkippedAcknowledgement[] = [];
  for (const event of outcome.events) {
    if (event.eventName !== "AcknowledgementSkipped") continue;
    const { agreementId, signer, cellId, index, reason } = event.args;
    skipped.push({
      index: Number(index),
      agreementId,
      signer,
      cellId: cellId === 0n ? null : cellId,
      error: decodeConcordError(
        { data: reason },
        { contract: "AgreementRegistry", functionName: "acknowledgeBySigBatch" },
      ),
    });
  }
  return { ...outcome, skipped };
}, agreementErrorCatalogue);

/**
 * {@link submitAgreementSignatures} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareSubmitAgreementSignatures(concord, { ...parameters, sender: safeAddress });
 */
export const prepareSubmitAgreementSignatures = /* @__PURE__ */ definePrepare(submitAgreementSignatures);

/**
 * Simulates the batch; when every entry would be skipped, throws the first entry's own refusal (from a
 * simulation of the single call), so that nobody pays for a transaction that changes nothing.
 */
async function refuseUselessBatch(
  client: ConcordClientBase,
  entries: readonly SignedEntry[],
  options: WriteOptions,
): Promise<void> {
  const account = options.account ?? client.walletClient?.account;
  if (options.simulate === false || !account) return; // executeWrite reports a missing account
  const context = { contract: "AgreementRegistry", functionName: "acknowledgeBySigBatch" };
  const { address } = agreementRegistryOf(client);
  let skipped: bigint;
  try {
    ({ result: skipped } = await simulateContract(client.publicClient, {
      address,
      abi: agreementRegistryAbi,
      functionName: "acknowledgeBySigBatch",
      args: [entries],
      account,
    }));
  } catch (error) {
    throw decodeConcordError(error, context);
  }
  if (skipped !== (1n << BigInt(entries.length)) - 1n) return;
  const first = entries[0]!;
  try {
    if (first.cellId === 0n) {
      await simulateContract(client.publicClient, {
        address,
        abi: agreementRegistryAbi,
        functionName: "acknowledgeBySig",
        args: [first.agreementId, first.signer, first.termsHash, first.deadline, first.signature],
        account,
      });
    } else {
      await simulateContract(client.publicClient, {
        address,
        abi: agreementRegistryAbi,
        functionName: "acknowledgeForCellBySig",
        args: [
          first.agreementId,
          first.cellId,
          first.signer,
          first.termsHash,
          first.deadline,
          first.signature,
        ],
        account,
      });
    }
  } catch (error) {
    throw decodeConcordError(error, context);
  }
  throw new ConcordError("No entry of the batch would be applied: nothing was sent.");
}

/** Parameters of {@link invalidateAgreementNonce}. */
export type InvalidateNonceParameters = WriteOptions & {
  /** The agreement whose outstanding signatures by the sender are revoked. */
  agreementId: BigIntish;
};

/**
 * The sender burns its current nonce for `agreementId`: any signature it gave for that agreement (and not
 * yet submitted) can no longer be used. Its signatures for other agreements stay valid.
 *
 * @returns the burned `nonce` (a new signature for the agreement covers `nonce + 1`).
 * @example
 * const { nonce } = await concord.agreements.invalidateAgreementNonce({ agreementId: 1n });
 */
export const invalidateAgreementNonce = /* @__PURE__ */ defineWrite(async function invalidateAgreementNonce(
  client: ConcordClientBase,
  parameters: InvalidateNonceParameters,
): Promise<AgreementWriteResult & { nonce: bigint }> {
  const { agreementId, ...options } = parameters;
  const id = toUint256("agreementId", agreementId);
  const result = await executeWrite(
    client,
    { ...registry(client), functionName: "invalidateNonce", args: [id] },
    options,
  );
  const event = result.events.find((e) => e.eventName === "NonceInvalidated");
  if (!event || event.eventName !== "NonceInvalidated") {
    throw new ConcordError(`Transaction ${result.hash} emitted no NonceInvalidated event.`);
  }
  return { ...result, nonce: event.args.nonce };
}, agreementErrorCatalogue);

/**
 * {@link invalidateAgreementNonce} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareInvalidateAgreementNonce(concord, { ...parameters, sender: safeAddress });
 */
export const prepareInvalidateAgreementNonce = /* @__PURE__ */ definePrepare(invalidateAgreementNonce);

// ─────────────────────────────────────────────────────────────── ending

/** Parameters naming an agreement, for the sender's own action. */
export type AgreementActionParameters = WriteOptions & { agreementId: BigIntish };

/** Parameters naming an agreement and the cell party the sender acts for. */
export type AgreementCellActionParameters = AgreementActionParameters & { cellId: BigIntish };

/**
 * An account party turns down a proposed agreement: it becomes rejected.
 *
 * @throws {ContractRefusalError} `AgreementNotParty`, `AgreementWrongStatus`, `AgreementUnknown`.
 * @example
 * await concord.agreements.declineAgreement({ agreementId });
 */
export const declineAgreement = /* @__PURE__ */ defineWrite(async function declineAgreement(
  client: ConcordClientBase,
  parameters: AgreementActionParameters,
): Promise<AgreementWriteResult> {
  const { agreementId, ...options } = parameters;
  return executeWrite(
    client,
    { ...registry(client), functionName: "decline", args: [toUint256("agreementId", agreementId)] },
    options,
  );
}, agreementErrorCatalogue);

/**
 * {@link declineAgreement} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareDeclineAgreement(concord, { ...parameters, sender: safeAddress });
 */
export const prepareDeclineAgreement = /* @__PURE__ */ definePrepare(declineAgreement);

/**
 * A steward of cell party `cellId` turns down a proposed agreement for the cell.
 *
 * @throws {ContractRefusalError} `AgreementCellNotParty`, `AgreementNotSteward`, `AgreementWrongStatus`.
 * @example
 * await concord.agreements.declineAgreementForCell({ agreementId, cellId });
 */
export const declineAgreementForCell = /* @__PURE__ */ defineWrite(async function declineAgreementForCell(
  client: ConcordClientBase,
  parameters: AgreementCellActionParameters,
): Promise<AgreementWriteResult> {
  const { agreementId, cellId, ...options } = parameters;
  return executeWrite(
    client,
    {
      ...registry(client),
      functionName: "declineForCell",
      args: [toUint256("agreementId", agreementId), toCellId(cellId)],
    },
    options,
  );
}, agreementErrorCatalogue);

/**
 * {@link declineAgreementForCell} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareDeclineAgreementForCell(concord, { ...parameters, sender: safeAddress });
 */
export const prepareDeclineAgreementForCell = /* @__PURE__ */ definePrepare(declineAgreementForCell);

/**
 * The proposer withdraws an agreement that is not active yet.
 *
 * @throws {ContractRefusalError} `AgreementNotProposer`, `AgreementWrongStatus`, `AgreementUnknown`.
 * @example
 * await concord.agreements.withdrawAgreement({ agreementId });
 */
export const withdrawAgreement = /* @__PURE__ */ defineWrite(async function withdrawAgreement(
  client: ConcordClientBase,
  parameters: AgreementActionParameters,
): Promise<AgreementWriteResult> {
  const { agreementId, ...options } = parameters;
  return executeWrite(
    client,
    { ...registry(client), functionName: "withdraw", args: [toUint256("agreementId", agreementId)] },
    options,
  );
}, agreementErrorCatalogue);

/**
 * {@link withdrawAgreement} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareWithdrawAgreement(concord, { ...parameters, sender: safeAddress });
 */
export const prepareWithdrawAgreement = /* @__PURE__ */ definePrepare(withdrawAgreement);

/**
 * An account party ends an active agreement; the record keeps who and when. Its pending amendments lapse.
 *
 * @throws {ContractRefusalError} `AgreementNotParty`, `AgreementWrongStatus`, `AgreementUnknown`.
 * @example
 * await concord.agreements.terminateAgreement({ agreementId });
 */
export const terminateAgreement = /* @__PURE__ */ defineWrite(async function terminateAgreement(
  client: ConcordClientBase,
  parameters: AgreementActionParameters,
): Promise<AgreementWriteResult> {
  const { agreementId, ...options } = parameters;
  return executeWrite(
    client,
    { ...registry(client), functionName: "terminate", args: [toUint256("agreementId", agreementId)] },
    options,
  );
}, agreementErrorCatalogue);

/**
 * {@link terminateAgreement} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareTerminateAgreement(concord, { ...parameters, sender: safeAddress });
 */
export const prepareTerminateAgreement = /* @__PURE__ */ definePrepare(terminateAgreement);

/**
 * A steward of cell party `cellId` ends an active agreement for the cell.
 *
 * @throws {ContractRefusalError} `AgreementCellNotParty`, `AgreementNotSteward`, `AgreementWrongStatus`.
 * @example
 * await concord.agreements.terminateAgreementForCell({ agreementId, cellId });
 */
export const terminateAgreementForCell = /* @__PURE__ */ defineWrite(async function terminateAgreementForCell(
  client: ConcordClientBase,
  parameters: AgreementCellActionParameters,
): Promise<AgreementWriteResult> {
  const { agreementId, cellId, ...options } = parameters;
  return executeWrite(
    client,
    {
      ...registry(client),
      functionName: "terminateForCell",
      args: [toUint256("agreementId", agreementId), toCellId(cellId)],
    },
    options,
  );
}, agreementErrorCatalogue);

/**
 * {@link terminateAgreementForCell} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareTerminateAgreementForCell(concord, { ...parameters, sender: safeAddress });
 */
export const prepareTerminateAgreementForCell = /* @__PURE__ */ definePrepare(terminateAgreementForCell);
