/**
 * Result types of the agreements module. Ids and timestamps are bigints (uint256 ids, Unix seconds);
 * small counters are numbers; "none" is `null` (never the zero address, 0 or a zero hash).
 */
import type { Address, Hash, Hex } from "viem";

import type { acknowledgeForCellTypes, acknowledgeTypes } from "./constants.ts";
import type { AgreementStatusName, AgreementStatusValue } from "./constants.ts";

/** The on-chain `AgreementInfo` struct, as `getAgreementInfo` returns it (zeros mean "none"). */
export type AgreementInfo = {
  status: number;
  termsHash: Hex;
  proposer: Address;
  expiresAt: bigint;
  partyCount: number;
  acknowledgedCount: number;
  /** Bit i: party i acknowledged, in `partiesOf` order (accounts, then cells). */
  acknowledgedMask: number;
  activatedAt: bigint;
  terminatedBy: Address;
  terminatedAt: bigint;
  amends: bigint;
  supersededBy: bigint;
  partySet: bigint;
};

/** An acknowledgement as recorded by an `AgreementAcknowledged` event. */
export type Acknowledgement = {
  /** The account party itself, or the steward who acknowledged for a cell party. */
  by: Address;
  /** The cell party acknowledged for, or null for an account party. */
  cellId: bigint | null;
  /** True when someone else submitted `by`'s EIP-712 signature. */
  bySignature: boolean;
  /** Block time, Unix seconds. */
  timestamp: bigint;
  blockNumber: bigint;
  transactionHash: Hash;
};

type PartyBase = {
  /** The party's position (its bit in `acknowledgedMask`): accounts first, then cells. */
  index: number;
  acknowledged: boolean;
  /** Who acknowledged, when and how; null while the party has not. */
  acknowledgement: Acknowledgement | null;
};

/** An account party. */
export type AccountParty = PartyBase & { kind: "account"; account: Address };

/** A cell party: any steward of the cell (or of an ancestor) acts for it. */
export type CellParty = PartyBase & { kind: "cell"; cellId: bigint };

/** A party of an agreement. */
export type AgreementParty = AccountParty | CellParty;

/** How an agreement that is no longer proposed or active ended (from its events). */
export type AgreementEnding = {
  kind: "declined" | "withdrawn" | "terminated" | "superseded";
  /** Who ended it (null when superseded: the last acknowledgement of the amendment did). */
  by: Address | null;
  /** The cell party it was declined or terminated for, or null. */
  cellId: bigint | null;
  /** The amendment that superseded it, or null. */
  amendmentId: bigint | null;
  /** Block time, Unix seconds. */
  timestamp: bigint;
  blockNumber: bigint;
  transactionHash: Hash;
};

/** Everything about an agreement: on-chain state, terms URI and acknowledgements from events. */
export type Agreement = {
  id: bigint;
  /** The effective status (Expired is derived from the clock). */
  status: AgreementStatusValue;
  statusName: AgreementStatusName;
  /**
   * The title, as proposed (events only). Untrusted bytes as text: the registry checks only its length, so
   * show it as text (never as HTML), isolated from the text around it.
   */
  title: string;
  termsHash: Hex;
  /** The terms document's URI (events only; "" for an agreement proposed before URIs were required). */
  termsURI: string;
  proposer: Address;
  /** When it expires, Unix seconds, or null (no expiry). */
  expiresAt: bigint | null;
  /** When it was proposed, Unix seconds. */
  proposedAt: bigint;
  proposedBlock: bigint;
  /** When every party had acknowledged, Unix seconds, or null. */
  activatedAt: bigint | null;
  partyCount: number;
  acknowledgedCount: number;
  /** Accounts first, then cells, as proposed. */
  parties: AgreementParty[];
  accounts: Address[];
  cells: bigint[];
  /** The agreement this one amends, or null. */
  amends: bigint | null;
  /** The amendment that superseded this one, or null. */
  supersededBy: bigint | null;
  /** Every amendment proposed for this agreement, oldest first (pending, active or lapsed). */
  amendments: bigint[];
  /** The party account or cell steward that terminated it, or null. */
  terminatedBy: Address | null;
  /** When it was terminated, Unix seconds, or null. */
  terminatedAt: bigint | null;
  /** How it ended, or null while proposed or active (and when it expired: no event marks that). */
  ending: AgreementEnding | null;
};

/**
 * An agreement as `listAgreements` pages it: its proposal (from events or the indexer) with its live state at the
 * read's block (status with expiry derived, acknowledgements, supersession).
 */
export type AgreementSummary = {
  id: bigint;
  status: AgreementStatusValue;
  statusName: AgreementStatusName;
  proposer: Address;
  accounts: Address[];
  cells: bigint[];
  /** The title, as proposed: untrusted text (see {@link Agreement.title}). */
  title: string;
  termsHash: Hex;
  termsURI: string;
  expiresAt: bigint | null;
  /** The agreement this one amends, or null. */
  amends: bigint | null;
  /** How many parties it has, and how many acknowledged (live, like the status). */
  partyCount: number;
  acknowledgedCount: number;
  /** Bit i: party i acknowledged, in `accounts` then `cells` order. */
  acknowledgedMask: number;
  /** When it became active (Unix seconds), or null. */
  activatedAt: bigint | null;
  /** The amendment that superseded it, or null. */
  supersededBy: bigint | null;
  proposedBlock: bigint;
  transactionHash: Hash;
  /**
   * How the listed `account` / `cell` takes part: as an account party, as a cell party, or as a steward
   * of a cell party. Empty when the list is not filtered.
   */
  involvement: ("account" | "cell" | "steward")[];
};

/** Fields every timeline entry has. */
type TimelineBase = {
  agreementId: bigint;
  /** Unix seconds: the block time, or the expiry time for a derived `expired` entry. */
  timestamp: bigint;
  /** Null for derived entries (no transaction makes an agreement expire). */
  blockNumber: bigint | null;
  logIndex: number | null;
  transactionHash: Hash | null;
};

/** One step in the life of an agreement, as `timeline` returns them (oldest first). */
export type TimelineEntry = TimelineBase &
  (
    | {
        kind: "proposed";
        by: Address;
        title: string;
        termsHash: Hex;
        termsURI: string;
        expiresAt: bigint | null;
        /** For an amendment: the agreement it amends, and the cell it was proposed for (or null). */
        amends: bigint | null;
        cellId: bigint | null;
      }
    | { kind: "acknowledged"; by: Address; cellId: bigint | null; bySignature: boolean }
    | { kind: "activated" }
    | { kind: "declined"; by: Address; cellId: bigint | null }
    | { kind: "withdrawn"; by: Address }
    | { kind: "terminated"; by: Address; cellId: bigint | null }
    | { kind: "superseded"; amendmentId: bigint }
    | {
        kind: "expired";
        /** `time`: its expiry passed; `original`: the agreement it amends stopped being active. */
        reason: "time" | "original";
      }
  );

/** The message of an `Acknowledge` signature (account party). */
export type AcknowledgeMessage = {
  agreementId: bigint;
  termsHash: Hex;
  signer: Address;
  nonce: bigint;
  deadline: bigint;
};

/** The message of an `AcknowledgeForCell` signature (steward of a cell party). */
export type AcknowledgeForCellMessage = AcknowledgeMessage & { cellId: bigint };

/** The EIP-712 domain of an AgreementRegistry, as read from `eip712Domain()`. */
export type AgreementsDomain = {
  name?: string;
  version?: string;
  chainId?: number;
  verifyingContract?: Address;
  salt?: Hex;
};

/** EIP-712 typed data of an account party's acknowledgement (`Acknowledge`). */
export type AccountAcknowledgeTypedData = {
  domain: AgreementsDomain;
  types: typeof acknowledgeTypes;
  primaryType: "Acknowledge";
  message: AcknowledgeMessage;
};

/** EIP-712 typed data of a cell steward's acknowledgement (`AcknowledgeForCell`). */
export type CellAcknowledgeTypedData = {
  domain: AgreementsDomain;
  types: typeof acknowledgeForCellTypes;
  primaryType: "AcknowledgeForCell";
  message: AcknowledgeForCellMessage;
};

/**
 * EIP-712 typed data of an acknowledgement, ready for any wallet's `signTypedData` (viem, wagmi,
 * ethers' `signTypedData(domain, types, message)`, or `eth_signTypedData_v4` with the domain type added).
 * Narrow on `primaryType` (or use the variant the action returned) to pass it to viem's typed `signTypedData`.
 */
export type AcknowledgeTypedData = AccountAcknowledgeTypedData | CellAcknowledgeTypedData;

/**
 * A signed acknowledgement, ready to submit (`acknowledgeBySig`, `acknowledgeForCellBySig`,
 * `submitSignatures`). `cellId` 0n: `signer` is an account party; otherwise a steward of that cell party.
 */
export type SignedAcknowledgement = {
  agreementId: bigint;
  cellId: bigint;
  signer: Address;
  termsHash: Hex;
  deadline: bigint;
  /** The nonce the signature covers (informative: the contract uses the signer's current nonce for the agreement). */
  nonce?: bigint | undefined;
  /** 65-byte ECDSA signature of an EOA, or whatever the signer's ERC-1271 wallet accepts. */
  signature: Hex;
};
