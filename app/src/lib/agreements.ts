/**
 * Agreements in the browser: who the viewer can act for, what waits for them, the list filters, the
 * reasons a disabled action gives ("Only a party of agreement 3 … can do this."), and signed
 * acknowledgements as text that can be copied, pasted and kept. The contract stays the judge: every
 * write is simulated before a signature is asked for.
 */
import { getAddress, isAddress, isAddressEqual } from "viem";
import type { Address, Hex } from "viem";

import { visibleText } from "../../../sdk/index.ts";
import type { Agreement, AgreementStatusName, SignedAcknowledgement } from "../../../sdk/index.ts";
import { canWrite } from "./permissions.ts";
import type { Permission, Viewer } from "./permissions.ts";

/** A party of an agreement: an account, or a cell (any steward of it or of a cell above acts for it). */
export type PartyRef = { kind: "account"; account: Address } | { kind: "cell"; cellId: bigint };

/** What the screens need of an agreement. */
export type AgreementLike = {
  id: bigint;
  statusName: AgreementStatusName;
  proposer: Address;
  accounts: readonly Address[];
  cells: readonly bigint[];
  /** Bit i: party i acknowledged (accounts first, then cells). */
  acknowledgedMask: number;
};

/**
 * The fields the rules need, from the SDK's `Agreement` (as `getAgreement` returns it).
 *
 * @example
 * canOnAgreement("acknowledge", viewer, agreementLike(await getAgreement(concord, { agreementId })), party);
 */
export function agreementLike(agreement: Agreement): AgreementLike {
  return {
    id: agreement.id,
    statusName: agreement.statusName,
    proposer: agreement.proposer,
    accounts: agreement.accounts,
    cells: agreement.cells,
    acknowledgedMask: agreement.parties.reduce(
      (mask, party) => (party.acknowledged ? mask | (1 << party.index) : mask),
      0,
    ),
  };
}

/**
 * An agreement's title as the screens show it: its bytes as the chain has them, with every invisible
 * control or direction-override character made visible (�), so that a title cannot read differently from
 * what it says. Render it as text, inside `<bdi>` so a right-to-left title does not reorder the line.
 *
 * @example
 * agreementTitle({ title: "Pay \u202Etxt.exe" }); // "Pay �txt.exe"
 */
export const agreementTitle = (agreement: { title: string }): string => visibleText(agreement.title);

/** Whether the viewer stewards a cell (directly or from a cell above). */
export type Stewards = (cellId: bigint) => boolean;

/**
 * The parties in the registry's order (accounts, then cells): a party's index is its acknowledgement bit.
 *
 * @example
 * partiesOf({ accounts: [carol], cells: [2n] }); // [{ kind: "account", account: carol }, { kind: "cell", cellId: 2n }]
 */
export function partiesOf(agreement: Pick<AgreementLike, "accounts" | "cells">): PartyRef[] {
  return [
    ...agreement.accounts.map((account): PartyRef => ({ kind: "account", account })),
    ...agreement.cells.map((cellId): PartyRef => ({ kind: "cell", cellId })),
  ];
}

/** Whether party number `index` acknowledged. */
export const acknowledgedAt = (mask: number, index: number): boolean => (mask & (1 << index)) !== 0;

/** A stable key for a party (`account:0x…` or `cell:2`). */
export const partyKey = (party: PartyRef): string =>
  party.kind === "account" ? `account:${party.account.toLowerCase()}` : `cell:${party.cellId}`;

/**
 * The parties the viewer can act for: itself as an account party, and every cell party it stewards.
 *
 * @example
 * actingParties(agreement, bob, (cellId) => cellId === 2n); // [{ kind: "cell", cellId: 2n }]
 */
export function actingParties(
  agreement: Pick<AgreementLike, "accounts" | "cells">,
  account: Address | null,
  stewards: Stewards,
): PartyRef[] {
  if (!account) return [];
  return partiesOf(agreement).filter((party) =>
    party.kind === "account" ? isAddressEqual(party.account, account) : stewards(party.cellId),
  );
}

/**
 * The parties the viewer can still acknowledge for (the agreement is proposed, the party has not).
 *
 * @example
 * waitingParties(agreement, carol, () => false); // [{ kind: "account", account: carol }]
 */
export function waitingParties(
  agreement: AgreementLike,
  account: Address | null,
  stewards: Stewards,
): PartyRef[] {
  if (agreement.statusName !== "proposed") return [];
  const all = partiesOf(agreement);
  return actingParties(agreement, account, stewards).filter(
    (party) =>
      !acknowledgedAt(
        agreement.acknowledgedMask,
        all.findIndex((p) => partyKey(p) === partyKey(party)),
      ),
  );
}

/** The filters of the agreements list. */
export type AgreementFilter = {
  /** One status, or every status. */
  status: AgreementStatusName | "all";
  /** Only those the viewer is a party of, or acts for as a steward. */
  mine: boolean;
  /** Only those where this cell is a party. */
  cellId: bigint | null;
};

export const allAgreements: AgreementFilter = { status: "all", mine: false, cellId: null };

/**
 * The agreements that pass `filter`, newest first.
 *
 * @example
 * filterAgreements(rows, { status: "active", mine: true, cellId: null }, bob, stewards);
 */
export function filterAgreements<row extends AgreementLike>(
  rows: readonly row[],
  filter: AgreementFilter,
  account: Address | null,
  stewards: Stewards,
): row[] {
  return rows
    .filter((row) => filter.status === "all" || row.statusName === filter.status)
    .filter((row) => filter.cellId === null || row.cells.includes(filter.cellId))
    .filter((row) => !filter.mine || actingParties(row, account, stewards).length > 0)
    .sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

/** What a member can do to an agreement. */
export type AgreementAction = "acknowledge" | "sign" | "decline" | "withdraw" | "terminate" | "amend";

const ok: Permission = { ok: true };
const no = (reason: string): Permission => ({ ok: false, reason });

/**
 * Whether the viewer may take `action` on an agreement, acting for `party` (null: the viewer acts for
 * no party), with the reason when not. The same rules as the AgreementRegistry.
 *
 * @example
 * canOnAgreement("terminate", viewer, agreement, null);
 * // { ok: false, reason: "Only a party of agreement 3 (or a steward of a cell party) can do this." }
 */
export function canOnAgreement(
  action: AgreementAction,
  viewer: Viewer,
  agreement: AgreementLike,
  party: PartyRef | null,
): Permission {
  const base = canWrite(viewer);
  if (!base.ok) return base;
  const { id, statusName } = agreement;
  if (action === "withdraw") {
    if (statusName !== "proposed")
      return no(`Agreement ${id} is ${statusName}: only a proposed one can be withdrawn.`);
    return viewer.account && isAddressEqual(viewer.account, agreement.proposer)
      ? ok
      : no(`Only the proposer of agreement ${id} can withdraw it.`);
  }
  if (party === null)
    return no(`Only a party of agreement ${id} (or a steward of a cell party) can do this.`);
  switch (action) {
    case "acknowledge":
    case "sign":
    case "decline": {
      if (statusName !== "proposed") {
        return no(`Agreement ${id} is ${statusName}: it is no longer waiting for acknowledgements.`);
      }
      const index = partiesOf(agreement).findIndex((p) => partyKey(p) === partyKey(party));
      if (action !== "decline" && acknowledgedAt(agreement.acknowledgedMask, index)) {
        return no(
          party.kind === "account"
            ? `You already acknowledged agreement ${id}.`
            : `Cell ${party.cellId} already acknowledged agreement ${id}.`,
        );
      }
      return ok;
    }
    case "terminate":
    case "amend":
      return statusName === "active"
        ? ok
        : no(
            `Agreement ${id} is ${statusName}: only an active one can be ${action === "amend" ? "amended" : "terminated"}.`,
          );
  }
}

// ─────────────────────────────────────────────────────────────── signatures as text

/**
 * A signed acknowledgement as JSON text (numbers as decimal strings), to copy to whoever submits it.
 *
 * @example
 * encodeSigned(signed); // '{"agreementId":"3","cellId":"2","signer":"0x…",…}'
 */
export function encodeSigned(signed: SignedAcknowledgement): string {
  return JSON.stringify({
    agreementId: String(signed.agreementId),
    cellId: String(signed.cellId),
    signer: signed.signer,
    termsHash: signed.termsHash,
    deadline: String(signed.deadline),
    ...(signed.nonce === undefined ? {} : { nonce: String(signed.nonce) }),
    signature: signed.signature,
  });
}

const uint = (value: unknown, field: string): bigint => {
  const text = typeof value === "number" ? String(value) : value;
  if (typeof text !== "string" || !/^\d{1,78}$/.test(text))
    throw new Error(`${field} is not a whole number.`);
  return BigInt(text);
};

const hexOf = (value: unknown, field: string, bytes?: number): Hex => {
  if (typeof value !== "string" || !/^0x([0-9a-fA-F]{2})+$/.test(value))
    throw new Error(`${field} is not hex bytes.`);
  if (bytes !== undefined && value.length !== 2 + 2 * bytes)
    throw new Error(`${field} is not ${bytes} bytes long.`);
  return value as Hex;
};

/**
 * Reads signed acknowledgements pasted as text: one JSON object, an array of them, or one per line.
 * Throws an Error whose message says what is wrong, in words.
 *
 * @example
 * decodeSigned('{"agreementId":"3","cellId":"0","signer":"0x…","termsHash":"0x…","deadline":"1893456000","signature":"0x…"}');
 */
export function decodeSigned(text: string): SignedAcknowledgement[] {
  const trimmed = text.trim();
  if (!trimmed) throw new Error("Paste a signed acknowledgement first.");
  let values: unknown[];
  try {
    const parsed: unknown = JSON.parse(trimmed);
    values = Array.isArray(parsed) ? parsed : [parsed];
  } catch {
    try {
      values = trimmed
        .split(/\n+/)
        .filter((line) => line.trim())
        .map((line) => JSON.parse(line) as unknown);
    } catch {
      throw new Error("This is not a signed acknowledgement (expected the JSON text the signer copied).");
    }
  }
  return values.map((value, i) => {
    const where = values.length > 1 ? `Signature ${i + 1}: ` : "";
    try {
      if (typeof value !== "object" || value === null) throw new Error("not an object.");
      const record = value as Record<string, unknown>;
      const signer = record.signer;
      if (typeof signer !== "string" || !isAddress(signer, { strict: false }))
        throw new Error("signer is not an address.");
      const agreementId = uint(record.agreementId, "agreementId");
      if (agreementId === 0n) throw new Error("agreementId is not an agreement id.");
      const signed: SignedAcknowledgement = {
        agreementId,
        cellId: record.cellId === undefined ? 0n : uint(record.cellId, "cellId"),
        signer: getAddress(signer),
        termsHash: hexOf(record.termsHash, "termsHash", 32),
        deadline: uint(record.deadline, "deadline"),
        signature: hexOf(record.signature, "signature"),
      };
      if (record.nonce !== undefined) signed.nonce = uint(record.nonce, "nonce");
      return signed;
    } catch (error) {
      throw new Error(`${where}${(error as Error).message}`, { cause: error });
    }
  });
}

/** The party a signature acknowledges for. */
export const signedParty = (signed: SignedAcknowledgement): PartyRef =>
  signed.cellId === 0n
    ? { kind: "account", account: signed.signer }
    : { kind: "cell", cellId: signed.cellId };

/**
 * Adds signatures to a collection, one per agreement and party (a newer one replaces an older one).
 *
 * @example
 * mergeSigned(kept, decodeSigned(pasted));
 */
export function mergeSigned(
  kept: readonly SignedAcknowledgement[],
  more: readonly SignedAcknowledgement[],
): SignedAcknowledgement[] {
  const byKey = new Map<string, SignedAcknowledgement>();
  for (const signed of [...kept, ...more])
    byKey.set(`${signed.agreementId}:${partyKey(signedParty(signed))}`, signed);
  return [...byKey.values()];
}

/**
 * The collected signatures worth submitting for an agreement: its own, on its current terms, for a
 * party that has not acknowledged yet, before their deadline.
 *
 * @example
 * submittable(kept, agreement, agreementTermsHash, nowSeconds);
 */
export function submittable(
  kept: readonly SignedAcknowledgement[],
  agreement: AgreementLike,
  termsHash: Hex,
  now: bigint,
): SignedAcknowledgement[] {
  const all = partiesOf(agreement);
  return kept.filter((signed) => {
    if (signed.agreementId !== agreement.id || signed.termsHash.toLowerCase() !== termsHash.toLowerCase())
      return false;
    if (signed.deadline < now) return false;
    const index = all.findIndex((p) => partyKey(p) === partyKey(signedParty(signed)));
    return index >= 0 && !acknowledgedAt(agreement.acknowledgedMask, index);
  });
}
