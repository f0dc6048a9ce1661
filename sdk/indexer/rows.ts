/**
 * @internal The indexer API's JSON rows (integers as decimal strings, hex lower-case), as the SDK reads them.
 */
import { getAddress } from "viem";
import type { Address, Hash, Hex } from "viem";

/** A decimal string from the indexer as a bigint. */
export const big = (value: string): bigint => BigInt(value);
/** A nullable decimal string as a bigint or null. */
export const bigOrNull = (value: string | null): bigint | null => (value === null ? null : BigInt(value));
/** A lower-case address as viem returns addresses (checksummed). */
export const addr = (value: string): Address => getAddress(value);
/** Hex as given (lower-case, as viem decodes bytes). */
export const hex = (value: string): Hex => value as Hex;
export const hash = (value: string): Hash => value as Hash;

export type CellRow = {
  id: string;
  parentId: string;
  name: string;
  creator: string;
  nucleusURI: string;
  nucleusHash: string | null;
  createdBlock: string;
  createdAt: string;
  phase: number;
  recognised: boolean;
  memberCount: number;
  /** Members holding the steward role (from the memberships, as the registry counts them). */
  stewardCount: number;
  /** The member holding the delegate role, or null. */
  delegate: string | null;
};

export type MembershipRow = {
  cellId: string;
  account: string;
  roles: number;
  sinceBlock: string;
  sinceLogIndex: number;
  since: string;
};

export type JoinRequestRow = {
  cellId: string;
  account: string;
  requestedBlock: string;
  requestedAt: string;
};

export type ActivityRow = {
  cellId: string;
  member: string;
  kind: "state" | "intent";
  state: string | null;
  intent: string | null;
  at: string | null;
  timestamp: string;
  blockNumber: string;
  logIndex: number;
  transactionHash: string;
};

export type AgreementRow = {
  id: string;
  proposer: string;
  accounts: string[];
  cells: string[];
  title: string;
  termsHash: string;
  termsURI: string;
  expiresAt: string | null;
  amends: string | null;
  cellId: string | null;
  blockNumber: string;
  transactionHash: string;
};

export type ResourceRow = {
  id: string;
  name: string;
  ownerCellId: string;
  registeredBy: string;
  registeredBlock: string;
};

/** A row of `/concord/lease-grants`: a resource the holder was granted at least once, with its registration. */
export type LeaseGrantRow = {
  resourceId: string;
  name: string | null;
  ownerCellId: string | null;
  registeredBy: string | null;
  registeredBlock: string | null;
};

export type CreationRow = {
  proposalId: string;
  house: "operational" | "community";
  proposer: string;
  targets: string[];
  values: string[];
  calldatas: string[];
  description: string;
  voteStart: string;
  voteEnd: string;
  blockNumber: string;
  logIndex: number;
};

export type BallotRow = {
  proposalId: string;
  house: "operational" | "community";
  type: "vote" | "override" | "veto";
  voter: string;
  support: number | null;
  weight: string;
  castWeight: string;
  reason: string;
  blockNumber: string;
  logIndex: number;
  transactionHash: string;
};
