/**
 * Event handlers: every event the SDK rebuilds from logs folds into the tables of `ponder.schema.ts`
 * exactly as the SDK's direct reads fold them (sdk/cells/events.ts, sdk/agreements/events.ts,
 * sdk/leases/events.ts, sdk/governance/events.ts), so both read paths return the same values.
 */
import { ponder } from "ponder:registry";
import {
  activity,
  agreement,
  agreementEvent,
  ballot,
  cell,
  decisionOwner,
  delegation,
  joinRequest,
  leaseEvent,
  leaseGrant,
  membership,
  proposalCreation,
  resource,
  rosterAccount,
} from "ponder:schema";

const ZERO_HASH = `0x${"0".repeat(64)}` as const;
const ZERO_ADDRESS = `0x${"0".repeat(40)}` as const;
const MEMBER = 1;

/** The key of a row one event creates: unique on the chain. */
function eventKey(event: { block: { number: bigint }; log: { logIndex: number } }): string {
  return `${event.block.number}:${event.log.logIndex}`;
}

// ── cells ──

ponder.on("CellRegistry:CellCreated", async ({ event, context }) => {
  const { cellId, parentId, creator, name, nucleusURI, nucleusHash } = event.args;
  await context.db.insert(cell).values({
    id: cellId,
    parentId,
    name,
    creator,
    nucleusURI,
    nucleusHash: nucleusHash === ZERO_HASH ? null : nucleusHash,
    createdBlock: event.block.number,
    createdAt: event.block.timestamp,
    phase: 0,
    recognised: false,
    memberCount: 0,
  });
});

ponder.on("CellRegistry:NucleusUpdated", async ({ event, context }) => {
  const existing = await context.db.find(cell, { id: event.args.cellId });
  if (!existing) return;
  await context.db.update(cell, { id: event.args.cellId }).set({
    nucleusURI: event.args.nucleusURI,
    nucleusHash: event.args.nucleusHash === ZERO_HASH ? null : event.args.nucleusHash,
  });
});

ponder.on("CellRegistry:PhaseChanged", async ({ event, context }) => {
  if (!(await context.db.find(cell, { id: event.args.cellId }))) return;
  await context.db.update(cell, { id: event.args.cellId }).set({ phase: event.args.newPhase });
});

ponder.on("CellRegistry:RecognitionChanged", async ({ event, context }) => {
  if (!(await context.db.find(cell, { id: event.args.cellId }))) return;
  await context.db.update(cell, { id: event.args.cellId }).set({ recognised: event.args.recognised });
});

ponder.on("CellRegistry:RolesChanged", async ({ event, context }) => {
  const { cellId, account, previousRoles, newRoles } = event.args;
  const key = { cellId, account };
  const existing = await context.db.find(membership, key);
  const wasMember = (previousRoles & MEMBER) !== 0;
  const isMember = (newRoles & MEMBER) !== 0;
  if (wasMember !== isMember && (await context.db.find(cell, { id: cellId }))) {
    await context.db
      .update(cell, { id: cellId })
      .set((row) => ({ memberCount: row.memberCount + (isMember ? 1 : -1) }));
  }
  if (newRoles === 0) {
    if (existing) await context.db.delete(membership, key);
  } else if (previousRoles === 0 || !existing) {
    // A (re)join starts a new membership: its date and position are this event's.
    await context.db
      .insert(membership)
      .values({
        ...key,
        roles: newRoles,
        sinceBlock: event.block.number,
        sinceLogIndex: event.log.logIndex,
        since: event.block.timestamp,
      })
      .onConflictDoUpdate({
        roles: newRoles,
        sinceBlock: event.block.number,
        sinceLogIndex: event.log.logIndex,
        since: event.block.timestamp,
      });
  } else {
    await context.db.update(membership, key).set({ roles: newRoles });
  }
});

ponder.on("CellRegistry:JoinRequested", async ({ event, context }) => {
  const { cellId, account } = event.args;
  await context.db
    .insert(joinRequest)
    .values({
      cellId,
      account,
      requestedBlock: event.block.number,
      requestedAt: event.block.timestamp,
      orderBlock: event.block.number,
      orderLogIndex: event.log.logIndex,
    })
    // A repeated request keeps its place in the list (as a Map keeps a key's first position).
    .onConflictDoUpdate({ requestedBlock: event.block.number, requestedAt: event.block.timestamp });
});

ponder.on("CellRegistry:JoinRequestClosed", async ({ event, context }) => {
  const key = { cellId: event.args.cellId, account: event.args.account };
  if (await context.db.find(joinRequest, key)) await context.db.delete(joinRequest, key);
});

ponder.on("CellRegistry:StateDeclared", async ({ event, context }) => {
  await context.db.insert(activity).values({
    id: eventKey(event),
    cellId: event.args.cellId,
    member: event.args.member,
    kind: "state",
    state: event.args.state,
    timestamp: event.block.timestamp,
    blockNumber: event.block.number,
    logIndex: event.log.logIndex,
    transactionHash: event.transaction.hash,
  });
});

ponder.on("CellRegistry:IntentSignalled", async ({ event, context }) => {
  await context.db.insert(activity).values({
    id: eventKey(event),
    cellId: event.args.cellId,
    member: event.args.member,
    kind: "intent",
    intent: event.args.intent,
    at: event.args.at,
    timestamp: event.block.timestamp,
    blockNumber: event.block.number,
    logIndex: event.log.logIndex,
    transactionHash: event.transaction.hash,
  });
});

ponder.on("CellRegistry:DecisionOwnerSet", async ({ event, context }) => {
  const { cellId, topic, owner, by } = event.args;
  const key = { cellId, topic };
  if (owner === ZERO_ADDRESS || /^0x0+$/.test(owner)) {
    if (await context.db.find(decisionOwner, key)) await context.db.delete(decisionOwner, key);
    return;
  }
  await context.db
    .insert(decisionOwner)
    .values({ ...key, owner, by, blockNumber: event.block.number })
    .onConflictDoUpdate({ owner, by, blockNumber: event.block.number });
});

// ── agreements ──

async function agreementHappened(
  context: Parameters<Parameters<typeof ponder.on<"AgreementRegistry:AgreementActivated">>[1]>[0]["context"],
  event: {
    block: { number: bigint; timestamp: bigint };
    log: { logIndex: number };
    transaction: { hash: `0x${string}` };
  },
  agreementId: bigint,
  kind: string,
  fields: { by?: `0x${string}`; cellId?: bigint; bySignature?: boolean; amendmentId?: bigint } = {},
): Promise<void> {
  await context.db.insert(agreementEvent).values({
    id: eventKey(event),
    agreementId,
    kind,
    by: fields.by ?? null,
    cellId: fields.cellId === undefined || fields.cellId === 0n ? null : fields.cellId,
    bySignature: fields.bySignature ?? null,
    amendmentId: fields.amendmentId ?? null,
    timestamp: event.block.timestamp,
    blockNumber: event.block.number,
    logIndex: event.log.logIndex,
    transactionHash: event.transaction.hash,
  });
  if (kind !== "proposed" && (await context.db.find(agreement, { id: agreementId }))) {
    await context.db.update(agreement, { id: agreementId }).set((row) => ({
      lastEvent: kind,
      acknowledgements: row.acknowledgements + (kind === "acknowledged" ? 1 : 0),
    }));
  }
}

ponder.on("AgreementRegistry:AgreementProposed", async ({ event, context }) => {
  const { agreementId, proposer, accounts, cells, title, termsHash, termsURI, expiresAt } = event.args;
  await context.db.insert(agreement).values({
    id: agreementId,
    proposer,
    accounts: [...accounts],
    cells: [...cells],
    title,
    termsHash,
    termsURI,
    expiresAt: expiresAt === 0n ? null : expiresAt,
    amends: null,
    cellId: null,
    blockNumber: event.block.number,
    transactionHash: event.transaction.hash,
    lastEvent: "proposed",
    acknowledgements: 0,
  });
  await agreementHappened(context, event, agreementId, "proposed", { by: proposer });
});

ponder.on("AgreementRegistry:AgreementAmendmentProposed", async ({ event, context }) => {
  const { agreementId, amends, proposer, cellId, title, termsHash, termsURI, expiresAt } = event.args;
  // Ids grow with every proposal: the original is already indexed; an amendment shares its parties.
  const original = await context.db.find(agreement, { id: amends });
  await context.db.insert(agreement).values({
    id: agreementId,
    proposer,
    accounts: original ? [...original.accounts] : [],
    cells: original ? [...original.cells] : [],
    title,
    termsHash,
    termsURI,
    expiresAt: expiresAt === 0n ? null : expiresAt,
    amends,
    cellId: cellId === 0n ? null : cellId,
    blockNumber: event.block.number,
    transactionHash: event.transaction.hash,
    lastEvent: "proposed",
    acknowledgements: 0,
  });
  await agreementHappened(context, event, agreementId, "proposed", { by: proposer, cellId });
});

ponder.on("AgreementRegistry:AgreementAcknowledged", async ({ event, context }) => {
  const { agreementId, by, cellId, bySignature } = event.args;
  await agreementHappened(context, event, agreementId, "acknowledged", { by, cellId, bySignature });
});

ponder.on("AgreementRegistry:AgreementActivated", async ({ event, context }) => {
  await agreementHappened(context, event, event.args.agreementId, "activated");
});

ponder.on("AgreementRegistry:AgreementDeclined", async ({ event, context }) => {
  const { agreementId, by, cellId } = event.args;
  await agreementHappened(context, event, agreementId, "declined", { by, cellId });
});

ponder.on("AgreementRegistry:AgreementWithdrawn", async ({ event, context }) => {
  await agreementHappened(context, event, event.args.agreementId, "withdrawn", { by: event.args.by });
});

ponder.on("AgreementRegistry:AgreementTerminated", async ({ event, context }) => {
  const { agreementId, by, cellId } = event.args;
  await agreementHappened(context, event, agreementId, "terminated", { by, cellId });
});

ponder.on("AgreementRegistry:AgreementSuperseded", async ({ event, context }) => {
  const { agreementId, amendmentId } = event.args;
  await agreementHappened(context, event, agreementId, "superseded", { amendmentId });
});

// ── resources and leases ──

ponder.on("ResourceLeases:ResourceRegistered", async ({ event, context }) => {
  const { resourceId, ownerCellId, by, name, maxDuration, access, claimWindow } = event.args;
  await context.db.insert(resource).values({
    id: resourceId,
    name,
    ownerCellId,
    registeredBy: by,
    registeredBlock: event.block.number,
    access,
    maxDuration,
    claimWindow,
  });
});

ponder.on("ResourceLeases:ResourcePolicySet", async ({ event, context }) => {
  const { resourceId, access, maxDuration, claimWindow } = event.args;
  if (!(await context.db.find(resource, { id: resourceId }))) return;
  await context.db.update(resource, { id: resourceId }).set({ access, maxDuration, claimWindow });
});

type LeaseEventFields = {
  account?: `0x${string}`;
  fencingToken?: bigint;
  expiresAt?: bigint;
  place?: bigint;
  reservationId?: bigint;
  start?: bigint;
  end?: bigint;
};

async function leaseHappened(
  context: Parameters<Parameters<typeof ponder.on<"ResourceLeases:LeaseGranted">>[1]>[0]["context"],
  event: { block: { number: bigint; timestamp: bigint }; log: { logIndex: number } },
  resourceId: bigint,
  kind: string,
  fields: LeaseEventFields,
): Promise<void> {
  await context.db.insert(leaseEvent).values({
    id: eventKey(event),
    resourceId,
    kind,
    account: fields.account ?? null,
    fencingToken: fields.fencingToken ?? null,
    expiresAt: fields.expiresAt ?? null,
    place: fields.place ?? null,
    reservationId: fields.reservationId ?? null,
    start: fields.start ?? null,
    end: fields.end ?? null,
    timestamp: event.block.timestamp,
    blockNumber: event.block.number,
    logIndex: event.log.logIndex,
  });
}

ponder.on("ResourceLeases:LeaseGranted", async ({ event, context }) => {
  const { resourceId, holder, fencingToken, expiresAt } = event.args;
  await context.db
    .insert(leaseGrant)
    .values({ resourceId, holder, lastGrantBlock: event.block.number })
    .onConflictDoUpdate({ lastGrantBlock: event.block.number });
  await leaseHappened(context, event, resourceId, "granted", { account: holder, fencingToken, expiresAt });
});

ponder.on("ResourceLeases:LeaseRenewed", async ({ event, context }) => {
  const { resourceId, holder, fencingToken, expiresAt } = event.args;
  await leaseHappened(context, event, resourceId, "renewed", { account: holder, fencingToken, expiresAt });
});

ponder.on("ResourceLeases:LeaseReleased", async ({ event, context }) => {
  const { resourceId, holder, fencingToken } = event.args;
  await leaseHappened(context, event, resourceId, "released", { account: holder, fencingToken });
});

ponder.on("ResourceLeases:LeaseRevoked", async ({ event, context }) => {
  const { resourceId, holder, fencingToken } = event.args;
  await leaseHappened(context, event, resourceId, "revoked", { account: holder, fencingToken });
});

ponder.on("ResourceLeases:QueueJoined", async ({ event, context }) => {
  const { resourceId, account, place } = event.args;
  await leaseHappened(context, event, resourceId, "queueJoined", { account, place });
});

ponder.on("ResourceLeases:QueueLeft", async ({ event, context }) => {
  const { resourceId, account, place } = event.args;
  await leaseHappened(context, event, resourceId, "queueLeft", { account, place });
});

ponder.on("ResourceLeases:ReservationMade", async ({ event, context }) => {
  const { resourceId, reservationId, booker, start, end } = event.args;
  await leaseHappened(context, event, resourceId, "reserved", { account: booker, reservationId, start, end });
});

ponder.on("ResourceLeases:ReservationCancelled", async ({ event, context }) => {
  const { resourceId, reservationId, by } = event.args;
  await leaseHappened(context, event, resourceId, "reservationCancelled", { account: by, reservationId });
});

// ── governance: both houses emit OpenZeppelin's events with the same signatures ──

type HouseName = "operational" | "community";

for (const [contract, house] of [
  ["OperationalHouse", "operational"],
  ["CommunityHouse", "community"],
] as const) {
  ponder.on(`${contract}:ProposalCreated`, async ({ event, context }) => {
    const { proposalId, proposer, targets, values, calldatas, voteStart, voteEnd, description } = event.args;
    await context.db.insert(proposalCreation).values({
      proposalId,
      house,
      proposer,
      targets: [...targets],
      values: targets.map((_, i) => values[i] ?? 0n),
      calldatas: targets.map((_, i) => calldatas[i] ?? "0x"),
      description,
      voteStart,
      voteEnd,
      blockNumber: event.block.number,
      logIndex: event.log.logIndex,
    });
  });

  for (const name of ["VoteCast", "VoteCastWithParams"] as const) {
    ponder.on(`${contract}:${name}`, async ({ event, context }) => {
      const { voter, proposalId, support, weight, reason } = event.args;
      await context.db.insert(ballot).values({
        id: `vote:${house}:${proposalId}:${voter.toLowerCase()}`,
        proposalId,
        house,
        type: "vote",
        voter,
        support,
        weight,
        castWeight: weight,
        reason,
        blockNumber: event.block.number,
        logIndex: event.log.logIndex,
        transactionHash: event.transaction.hash,
      });
    });
  }
}

async function ballotCast(
  context: Parameters<Parameters<typeof ponder.on<"CommunityHouse:VetoCast">>[1]>[0]["context"],
  event: { block: { number: bigint }; log: { logIndex: number }; transaction: { hash: `0x${string}` } },
  house: HouseName,
  type: "override" | "veto",
  fields: {
    voter: `0x${string}`;
    proposalId: bigint;
    support: number | null;
    weight: bigint;
    reason: string;
  },
): Promise<void> {
  await context.db.insert(ballot).values({
    id: `${type}:${eventKey(event)}`,
    house,
    type,
    ...fields,
    castWeight: fields.weight,
    blockNumber: event.block.number,
    logIndex: event.log.logIndex,
    transactionHash: event.transaction.hash,
  });
}

ponder.on("CommunityHouse:OverrideVoteCast", async ({ event, context }) => {
  const { voter, proposalId, support, weight, reason } = event.args;
  await ballotCast(context, event, "community", "override", { voter, proposalId, support, weight, reason });
});

ponder.on("CommunityHouse:VetoCast", async ({ event, context }) => {
  const { voter, proposalId, weight, reason } = event.args;
  await ballotCast(context, event, "community", "veto", { voter, proposalId, support: null, weight, reason });
});

ponder.on("CommunityHouse:VoteReduced", async ({ event, context }) => {
  const { delegate, proposalId, weight } = event.args;
  // A delegate's vote loses the weight its delegators overrode (the SDK's getProposalBallots does the same).
  const id = `vote:community:${proposalId}:${delegate.toLowerCase()}`;
  if (!(await context.db.find(ballot, { id }))) return;
  await context.db.update(ballot, { id }).set((row) => ({ weight: row.weight - weight }));
});

ponder.on("ConcordMembership:DelegateChanged", async ({ event, context }) => {
  const { delegator, toDelegate } = event.args;
  await context.db
    .insert(delegation)
    .values({ delegator, delegate: toDelegate, blockNumber: event.block.number })
    .onConflictDoUpdate({ delegate: toDelegate, blockNumber: event.block.number });
  await rosterDelegated(context, event, delegator, toDelegate);
});

// ── the community roster (the votes token's mints, burns and delegations; sdk/governance/delegates.ts) ──

type RosterContext = Parameters<Parameters<typeof ponder.on<"ConcordMembership:Transfer">>[1]>[0]["context"];
type RosterRow = typeof rosterAccount.$inferSelect;

/** The roster row of `account` (lower-case), created empty when the events never named it. */
async function rosterRowOf(context: RosterContext, account: string): Promise<RosterRow> {
  const found = await context.db.find(rosterAccount, { account: account as `0x${string}` });
  if (found) return found;
  const empty = {
    account: account as `0x${string}`,
    member: false,
    keyBlock: null,
    keyLogIndex: null,
    delegate: null,
    delegatedBlock: null,
    delegatedLogIndex: null,
    delegatorCount: 0,
  };
  await context.db.insert(rosterAccount).values(empty);
  return empty;
}

/** A member's delegation starts (+1) or stops (−1) counting for its delegate (never for itself). */
async function countDelegator(context: RosterContext, row: RosterRow, delta: 1 | -1): Promise<void> {
  if (!row.member || row.delegate === null || row.delegate.toLowerCase() === row.account.toLowerCase())
    return;
  await context.db
    .update(rosterAccount, { account: row.delegate })
    .set((target) => ({ delegatorCount: target.delegatorCount + delta }));
}

async function rosterDelegated(
  context: RosterContext,
  event: { block: { number: bigint }; log: { logIndex: number } },
  delegator: string,
  toDelegate: string,
): Promise<void> {
  const row = await rosterRowOf(context, delegator.toLowerCase());
  await countDelegator(context, row, -1);
  const delegate = toDelegate === ZERO_ADDRESS ? null : (toDelegate.toLowerCase() as `0x${string}`);
  const position = { block: event.block.number, logIndex: event.log.logIndex };
  await context.db.update(rosterAccount, { account: row.account }).set({
    delegate,
    delegatedBlock: position.block,
    delegatedLogIndex: position.logIndex,
  });
  if (delegate !== null) {
    const target = await rosterRowOf(context, delegate);
    if (target.keyBlock === null)
      await context.db
        .update(rosterAccount, { account: delegate })
        .set({ keyBlock: position.block, keyLogIndex: position.logIndex });
  }
  await countDelegator(context, { ...row, delegate }, 1);
}

ponder.on("ConcordMembership:Transfer", async ({ event, context }) => {
  const { from, to } = event.args;
  if (from === ZERO_ADDRESS && to !== ZERO_ADDRESS) {
    const row = await rosterRowOf(context, to.toLowerCase());
    await context.db
      .update(rosterAccount, { account: row.account })
      .set({ member: true, keyBlock: event.block.number, keyLogIndex: event.log.logIndex });
    if (!row.member) await countDelegator(context, { ...row, member: true }, 1);
  }
  if (to === ZERO_ADDRESS && from !== ZERO_ADDRESS) {
    const row = await rosterRowOf(context, from.toLowerCase());
    if (!row.member) return;
    await context.db.update(rosterAccount, { account: row.account }).set({ member: false });
    await countDelegator(context, row, -1);
  }
});
