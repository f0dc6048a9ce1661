/**
 * Result types of the cells module. Ids and timestamps are bigints (uint256 ids, Unix seconds);
 * small counters are numbers; "none" is `null` (never the zero address or a zero hash).
 */
import type { Address, Hash, Hex } from "viem";

import type { PhaseName, PhaseValue, ScaleName, ScaleValue } from "./constants.ts";
import type { RoleName } from "./roles.ts";

/** The on-chain `CellInfo` struct, as `getCellInfo` returns it. */
export type CellInfo = {
  parentId: bigint;
  depth: number;
  phase: number;
  scale: number;
  createdAt: bigint;
  memberCount: number;
  stewardCount: number;
  recognised: boolean;
  delegate: Address;
  nucleusHash: Hex;
};

/** Everything about a cell: on-chain state plus its name and nucleus URI from events. */
export type Cell = {
  id: bigint;
  /** 0n for a top-level cell. */
  parentId: bigint;
  /** 1 for a top-level cell. */
  depth: number;
  name: string;
  creator: Address;
  /** The latest published nucleus URI ("" when none was given). */
  nucleusURI: string;
  /** The on-chain nucleus hash, or null when none. */
  nucleusHash: Hex | null;
  phase: PhaseValue;
  phaseName: PhaseName;
  scale: ScaleValue;
  scaleName: ScaleName;
  /** Creation time, Unix seconds. */
  createdAt: bigint;
  memberCount: number;
  stewardCount: number;
  recognised: boolean;
  /** The account holding DELEGATE, or null. */
  delegate: Address | null;
};

/** A cell as rebuilt from events by `listCells`. */
export type CellSummary = {
  id: bigint;
  parentId: bigint;
  name: string;
  creator: Address;
  nucleusURI: string;
  nucleusHash: Hex | null;
  /** The block of the CellCreated event. */
  createdBlock: bigint;
};

/** A current member of a cell, rebuilt from RolesChanged events. */
export type Member = {
  account: Address;
  roles: number;
  roleNames: RoleName[];
  /** When the account (last) became a member, Unix seconds. */
  since: bigint;
  /** The block in which the account (last) became a member. */
  sinceBlock: bigint;
};

/** A pending join request. */
export type JoinRequest = {
  account: Address;
  /** When the request was made, Unix seconds. */
  requestedAt: bigint;
  requestedBlock: bigint;
};

/** Fields every activity entry has. */
type ActivityBase = {
  cellId: bigint;
  member: Address;
  /** Block time of the declaration, Unix seconds. */
  timestamp: bigint;
  blockNumber: bigint;
  logIndex: number;
  transactionHash: Hash;
};

/** A state declaration ("working on X"). */
export type StateActivity = ActivityBase & { kind: "state"; state: string };

/** An intent signal ("will deploy at T"). */
export type IntentActivity = ActivityBase & {
  kind: "intent";
  intent: string;
  /** When the member intends to act, Unix seconds. */
  at: bigint;
};

/** A state declaration or an intent, as `getActivity` returns them (newest first). */
export type Activity = StateActivity | IntentActivity;

/** Who makes the final call on a topic, and where that answer is defined. */
export type DecisionOwner = {
  /** The owner, or null when no cell on the path defines one. */
  owner: Address | null;
  /** The cell whose setting applies, or null. */
  definedAt: bigint | null;
};

/** One cell visited while resolving a decision owner. */
export type DecisionPathStep = {
  cellId: bigint;
  /** The owner set on this cell itself (no escalation), or null. */
  localOwner: Address | null;
};

/** The escalation path of a decision topic, from the asked cell upwards. */
export type DecisionPath = DecisionOwner & {
  /** The topic id (bytes32). */
  topic: Hex;
  /** Cells walked, starting at the asked cell and ending where the owner is defined (or at the root). */
  path: DecisionPathStep[];
};

/** The latest state a member declared. */
export type MemberState = {
  state: string;
  /** Unix seconds. */
  declaredAt: bigint;
};
