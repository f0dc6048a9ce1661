/**
 * The indexer's tables: what the SDK rebuilds from event logs, kept in the shape the app's pages read.
 * Ponder stores `hex` columns lower-cased; the SDK's reader checksums addresses on the way out. Rows that
 * one event creates are keyed by `block:logIndex` (unique on a chain); rows that events update are keyed
 * by what identifies them on-chain (cell id and account, agreement id, resource id, house and proposal id).
 */
import { index, onchainTable, primaryKey } from "ponder";

// ── cells (CellRegistry) ──

/** A cell: CellCreated, with the latest NucleusUpdated; phase and recognition from their events. */
export const cell = onchainTable(
  "cell",
  (t) => ({
    id: t.bigint().primaryKey(),
    parentId: t.bigint().notNull(),
    name: t.text().notNull(),
    creator: t.hex().notNull(),
    nucleusURI: t.text().notNull(),
    /** null when the nucleus hash is zero. */
    nucleusHash: t.hex(),
    createdBlock: t.bigint().notNull(),
    createdAt: t.bigint().notNull(),
    phase: t.integer().notNull(),
    recognised: t.boolean().notNull(),
    memberCount: t.integer().notNull(),
  }),
  (table) => ({ parentIndex: index().on(table.parentId) }),
);

/** A current member of a cell (deleted when its roles become 0). */
export const membership = onchainTable(
  "membership",
  (t) => ({
    cellId: t.bigint().notNull(),
    account: t.hex().notNull(),
    roles: t.integer().notNull(),
    sinceBlock: t.bigint().notNull(),
    sinceLogIndex: t.integer().notNull(),
    since: t.bigint().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.cellId, table.account] }),
    accountIndex: index().on(table.account),
  }),
);

/** A pending join request (deleted when closed). `order*` keep the position of the first request. */
export const joinRequest = onchainTable(
  "join_request",
  (t) => ({
    cellId: t.bigint().notNull(),
    account: t.hex().notNull(),
    requestedBlock: t.bigint().notNull(),
    requestedAt: t.bigint().notNull(),
    orderBlock: t.bigint().notNull(),
    orderLogIndex: t.integer().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.cellId, table.account] }) }),
);

/** A state declaration or an intent signal. */
export const activity = onchainTable(
  "activity",
  (t) => ({
    id: t.text().primaryKey(),
    cellId: t.bigint().notNull(),
    member: t.hex().notNull(),
    kind: t.text().notNull(),
    state: t.text(),
    intent: t.text(),
    at: t.bigint(),
    timestamp: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
    logIndex: t.integer().notNull(),
    transactionHash: t.hex().notNull(),
  }),
  (table) => ({ cellIndex: index().on(table.cellId, table.blockNumber, table.logIndex) }),
);

/** The decision owner a cell set on a topic (deleted when set back to zero). */
export const decisionOwner = onchainTable(
  "decision_owner",
  (t) => ({
    cellId: t.bigint().notNull(),
    topic: t.hex().notNull(),
    owner: t.hex().notNull(),
    by: t.hex().notNull(),
    blockNumber: t.bigint().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.cellId, table.topic] }) }),
);

// ── agreements (AgreementRegistry) ──

/** An agreement or an amendment as proposed (amendments carry their root's parties). */
export const agreement = onchainTable("agreement", (t) => ({
  id: t.bigint().primaryKey(),
  proposer: t.hex().notNull(),
  accounts: t.hex().array().notNull(),
  cells: t.bigint().array().notNull(),
  /** As proposed: untrusted text, at most 96 bytes (the registry's MAX_TITLE_LENGTH). */
  title: t.text().notNull(),
  termsHash: t.hex().notNull(),
  termsURI: t.text().notNull(),
  expiresAt: t.bigint(),
  amends: t.bigint(),
  cellId: t.bigint(),
  blockNumber: t.bigint().notNull(),
  transactionHash: t.hex().notNull(),
  /** The latest lifecycle event ("proposed", "acknowledged", "activated", ...). */
  lastEvent: t.text().notNull(),
  acknowledgements: t.integer().notNull(),
}));

/** One lifecycle event of an agreement (its timeline: proposal, acknowledgements, activation, end). */
export const agreementEvent = onchainTable(
  "agreement_event",
  (t) => ({
    id: t.text().primaryKey(),
    agreementId: t.bigint().notNull(),
    kind: t.text().notNull(),
    by: t.hex(),
    cellId: t.bigint(),
    bySignature: t.boolean(),
    amendmentId: t.bigint(),
    timestamp: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
    logIndex: t.integer().notNull(),
    transactionHash: t.hex().notNull(),
  }),
  (table) => ({ agreementIndex: index().on(table.agreementId) }),
);

// ── resources and leases (ResourceLeases) ──

/** A registered resource with its latest policy. */
export const resource = onchainTable(
  "resource",
  (t) => ({
    id: t.bigint().primaryKey(),
    name: t.text().notNull(),
    ownerCellId: t.bigint().notNull(),
    registeredBy: t.hex().notNull(),
    registeredBlock: t.bigint().notNull(),
    access: t.integer().notNull(),
    maxDuration: t.bigint().notNull(),
    claimWindow: t.bigint().notNull(),
  }),
  (table) => ({ ownerIndex: index().on(table.ownerCellId) }),
);

/** An account was granted a resource at least once (what `leasesOf` starts from). */
export const leaseGrant = onchainTable(
  "lease_grant",
  (t) => ({
    resourceId: t.bigint().notNull(),
    holder: t.hex().notNull(),
    lastGrantBlock: t.bigint().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.resourceId, table.holder] }),
    holderIndex: index().on(table.holder),
  }),
);

/** One lease, queue or reservation event of a resource (its history). */
export const leaseEvent = onchainTable(
  "lease_event",
  (t) => ({
    id: t.text().primaryKey(),
    resourceId: t.bigint().notNull(),
    kind: t.text().notNull(),
    account: t.hex(),
    fencingToken: t.bigint(),
    expiresAt: t.bigint(),
    place: t.bigint(),
    reservationId: t.bigint(),
    start: t.bigint(),
    end: t.bigint(),
    timestamp: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
    logIndex: t.integer().notNull(),
  }),
  (table) => ({ resourceIndex: index().on(table.resourceId, table.blockNumber, table.logIndex) }),
);

// ── governance (OperationalHouse, CommunityHouse, votes token) ──

/** A proposal's creation in one house (a constitutional proposal has one row per house). */
export const proposalCreation = onchainTable(
  "proposal_creation",
  (t) => ({
    proposalId: t.bigint().notNull(),
    house: t.text().notNull(),
    proposer: t.hex().notNull(),
    targets: t.hex().array().notNull(),
    values: t.bigint().array().notNull(),
    calldatas: t.hex().array().notNull(),
    description: t.text().notNull(),
    voteStart: t.bigint().notNull(),
    voteEnd: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
    logIndex: t.integer().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.proposalId, table.house] }),
    orderIndex: index().on(table.blockNumber, table.logIndex),
  }),
);

/**
 * A vote, override or veto. A vote's id is `vote:<house>:<proposalId>:<voter>` (one per voter and house,
 * so VoteReduced finds it); the others are keyed by `block:logIndex`.
 */
export const ballot = onchainTable(
  "ballot",
  (t) => ({
    id: t.text().primaryKey(),
    proposalId: t.bigint().notNull(),
    house: t.text().notNull(),
    type: t.text().notNull(),
    voter: t.hex().notNull(),
    /** 0 against, 1 for, 2 abstain; null for a veto. */
    support: t.integer(),
    weight: t.bigint().notNull(),
    castWeight: t.bigint().notNull(),
    reason: t.text().notNull(),
    blockNumber: t.bigint().notNull(),
    logIndex: t.integer().notNull(),
    transactionHash: t.hex().notNull(),
  }),
  (table) => ({ proposalIndex: index().on(table.proposalId, table.blockNumber, table.logIndex) }),
);

/** Whom an account delegates its community votes to (DelegateChanged of the votes token). */
export const delegation = onchainTable("delegation", (t) => ({
  delegator: t.hex().primaryKey(),
  delegate: t.hex().notNull(),
  blockNumber: t.bigint().notNull(),
}));

/**
 * The community house's roster, one row per account the votes token's events name (`Transfer` mints and burns,
 * `DelegateChanged`), folded as the SDK's `getMemberRoster` folds them: on the roster when a member or when
 * members delegate to it (`delegatorCount` > 0), ordered by `key*` (its latest mint, else the first delegation
 * it received); its delegators ordered by their `delegated*` (their latest `DelegateChanged`).
 */
export const rosterAccount = onchainTable(
  "roster_account",
  (t) => ({
    account: t.hex().primaryKey(),
    member: t.boolean().notNull(),
    keyBlock: t.bigint(),
    keyLogIndex: t.integer(),
    delegate: t.hex(),
    delegatedBlock: t.bigint(),
    delegatedLogIndex: t.integer(),
    /** Members delegating to it now, itself excluded. */
    delegatorCount: t.integer().notNull(),
  }),
  (table) => ({
    keyIndex: index().on(table.keyBlock, table.keyLogIndex),
    delegateIndex: index().on(table.delegate, table.delegatedBlock, table.delegatedLogIndex),
  }),
);
