/**
 * The dashboard's types: the directory (every cell with the standing of the accounts asked for), what the DAO's
 * members are asking and doing (its events), and the live values of what the dashboard shows (its state).
 */
import type { Address, Hex } from "viem";

import type { AgreementStatusName, AgreementStatusValue } from "../agreements/constants.ts";
import type { Proposal } from "../agreements/events.ts";
import type { Cell } from "../cells/types.ts";
import type { QueueEntry, ResourceInfo } from "../leases/types.ts";
import type { ScanProgress } from "../internal/logs.ts";

/**
 * A cell as the directory shows it: its place in the tree, name, phase, scale, counts, recognition and delegate.
 * Its creator, creation time and nucleus are the cell page's (`getCell`), not the directory's.
 */
export type DashboardCell = Omit<Cell, "creator" | "nucleusURI" | "nucleusHash" | "createdAt">;

/** An account's standing in one cell: its roles (0: none) and its pending join request. */
export type DashboardStanding = { roles: number; joinRequestedAt: bigint | null };

/** Every cell, and the standing of the accounts read in each. */
export type DashboardDirectory = {
  /** Every cell, in id order (at most {@link MAX_DASHBOARD_CELLS}). */
  cells: DashboardCell[];
  byId: Map<bigint, DashboardCell>;
  /**
   * The DAO's own tree (the top-level ancestors of the cells governance recognises, and every cell below
   * them: `splitDirectory`), and every other cell, listed apart and never counted in the DAO's numbers.
   */
  dao: DashboardCell[];
  others: DashboardCell[];
  /** The DAO's root cells. */
  roots: bigint[];
  /** The viewer's (`account`'s) roles and join requests by cell, or null without an account. */
  standing: Map<bigint, DashboardStanding> | null;
  /** The standing by cell of every account read (`account` and `others`), keyed by checksummed address. */
  standingOf: Map<Address, Map<bigint, DashboardStanding>>;
};

/** A pending request to join, DAO-wide. */
export type PendingJoin = { cellId: bigint; account: Address; blockNumber: bigint };

/** The latest state a member declared in a cell. */
export type StateEntry = { cellId: bigint; member: Address; state: string; blockNumber: bigint };

/** An intent a member signalled. */
export type IntentEntry = {
  cellId: bigint;
  member: Address;
  intent: string;
  at: bigint;
  blockNumber: bigint;
};

/**
 * An agreement as its proposal event describes it (an amendment has the parties of its original): the
 * agreements module's event record. The title is untrusted text; the terms hash never changes (amendments are
 * new ids); `expiresAt` is Unix seconds or null; `amends` the agreement it amends, or null.
 */
export type ProposedAgreement = Omit<Proposal, "cellId">;

/** A resource as its registration event describes it. */
export type RegisteredResource = { id: bigint; name: string; ownerCellId: bigint };

/** A proposal as its houses' `ProposalCreated` events describe it (a constitutional one has both). */
export type ProposalEvents = {
  id: bigint;
  /** The creation in the community house (constitutional proposals), or null. */
  community: ProposalCreationEvent | null;
  /** The creation in the operational house (operational, or carried constitutional), or null. */
  operational: ProposalCreationEvent | null;
};

/** A proposal's creation in one house. */
export type ProposalCreationEvent = {
  proposer: Address;
  description: string;
  calls: { target: Address; value: bigint; data: Hex }[];
  /** The snapshot (voting opens after it). */
  voteStart: bigint;
  blockNumber: bigint;
};

/** What the DAO's members are asking and doing. */
export type DashboardEvents = {
  /** Pending join requests (direct: every one; indexer: the oldest 50). */
  pendingJoins: PendingJoin[];
  /** The latest state per member and cell, newest first (indexer: of the newest 20 declarations). */
  states: StateEntry[];
  /** Intents by the date they are announced for (indexer: the 20 latest dates). */
  intents: IntentEntry[];
  /** Agreements and amendments, in id order (direct: every one; indexer: the shown ones). */
  agreements: ProposedAgreement[];
  /** Registered resources, in id order (direct: every one; indexer: the shown ones). */
  resources: RegisteredResource[];
  /** Proposals of both houses, in order of first creation (indexer: the newest that fit the live batch). */
  proposals: ProposalEvents[];
  /**
   * How many agreements and resources the DAO has, when the lists above hold only some of them (the indexer
   * path shows the viewer's and the newest); absent when they hold every one.
   */
  totals?: { agreements: number; resources: number } | undefined;
};

/** The on-chain state of an agreement, as the dashboard and the lists need it. */
export type AgreementState = {
  /** The effective status (expiry derived by the contract from the chain's clock). */
  status: AgreementStatusValue;
  statusName: AgreementStatusName;
  /** Bit i: party i acknowledged (accounts first, then cells). */
  acknowledgedMask: number;
  acknowledgedCount: number;
  partyCount: number;
  /** When it became active (Unix seconds), or null. */
  activatedAt: bigint | null;
  /** The amendment that superseded it, or null. */
  supersededBy: bigint | null;
};

/** The live state of a resource: lease, claimant, and its queue with each waiter's claim window. */
export type ResourceState = ResourceInfo & { queue: QueueEntry[] };

/** A proposal's state in one house. */
export type DashboardHouseProposalState = {
  /** OpenZeppelin's `ProposalState` (0 pending … 7 executed). */
  state: number;
  forVotes: bigint;
  againstVotes: bigint;
  abstainVotes: bigint;
  voteEnd: bigint;
  /** When it becomes executable once queued, or null. */
  eta: bigint | null;
  /** The viewer's votes (or seats) at the snapshot, or null (no viewer, or before the snapshot). */
  weight: bigint | null;
  hasVoted: boolean;
};

/** The state of a proposal in both houses, its veto, and the viewer's position. */
export type DashboardProposalState = {
  community: DashboardHouseProposalState | null;
  operational: DashboardHouseProposalState | null;
  /** The community's veto of an operational proposal (read once its snapshot passed), or null. */
  veto: {
    votes: bigint;
    threshold: bigint;
    vetoed: boolean;
    hasVetoed: boolean;
    power: bigint | null;
  } | null;
};

/** The live values of every agreement, resource and proposal the events name: one batched read. */
export type DashboardState = {
  agreements: Map<bigint, AgreementState>;
  resources: Map<bigint, ResourceState>;
  proposals: Map<bigint, DashboardProposalState>;
  /** The chain's time of the read (Unix seconds; the operational house's ERC-6372 clock), or null. */
  chainTime: bigint | null;
  /** The timelock's ETH balance (Multicall3's `getEthBalance`, in the same batch), or null. */
  treasury: { address: Address; eth: bigint } | null;
};

/** The dashboard: the directory, what the members ask and do, and the live values of what it shows. */
export type Dashboard = {
  /** Null when read with `directory: false` (a caller that reads it apart, with `getDashboardDirectory`). */
  directory: DashboardDirectory | null;
  events: DashboardEvents;
  state: DashboardState;
  /** Which read path served the event-derived part. */
  path: "rpc" | "indexer";
};

/** Parameters of `getDashboardDirectory`. */
export type GetDashboardDirectoryParameters = {
  /** The viewer, whose standing is `standing` (null or absent: none). */
  account?: Address | null | undefined;
  /** More accounts whose standing to read (at most {@link MAX_DASHBOARD_ACCOUNTS} with the viewer). */
  others?: readonly Address[] | undefined;
};

/** Parameters of `getDashboard`. */
export type GetDashboardParameters = GetDashboardDirectoryParameters & {
  /** Read the directory too (default true); false when the caller reads it apart (`getDashboardDirectory`). */
  directory?: boolean | undefined;
  /** The scan's progress on the direct path (a long history behind the provider's block limit). */
  onProgress?: ((progress: ScanProgress) => void) | undefined;
  /** Aborts the direct path's scan. */
  signal?: AbortSignal | undefined;
};

/** The most cells the directory reads (page after page, 500 a page). */
export const MAX_DASHBOARD_CELLS = 50_000;
/** The most accounts (the viewer and `others`) whose standing one read carries (the indexer's bound). */
export const MAX_DASHBOARD_ACCOUNTS = 17;
/**
 * What the indexer path shows and reads live, in ONE Multicall3 call of at most `calls` calls: the viewer's then
 * the newest `agreements` and `resources` (each agreement 1 call, each resource 2), and the newest proposals
 * whose reads fit the rest (4 to 12 calls each). Measured on the demo, a call costs about 800 B of JSON-RPC
 * (request and response, most of it Multicall3's per-call framing): 64 calls keep the batch near 64 KB at size L.
 */
export const DASHBOARD_SHOWN = { agreements: 8, resources: 8, calls: 64 } as const;
