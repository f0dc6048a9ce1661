/**
 * Concord's indexer API: page-shaped JSON under `/concord/…` (the dashboard in one request; lists with
 * cursor pagination and at most {@link MAX_LIMIT} items per page). Integers are decimal strings (uint256
 * does not fit a JSON number); addresses are lower-case hex. Ponder itself serves `/ready` (200 once the
 * backfill is done), `/status` (the last indexed block) and `/health`.
 */
import { Hono } from "hono";
import type { Context } from "hono";
import { db } from "ponder:api";
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
} from "ponder:schema";
import { alias, and, asc, count, desc, eq, exists, gt, inArray, lt, notExists, or, sql } from "ponder";

/** The most items one page returns. */
export const MAX_LIMIT = 500;
const DEFAULT_LIMIT = 100;
/** The most ids one `ids=` filter takes. */
const MAX_IDS = 500;
/** Dashboard: how many of each list it carries. */
const DASHBOARD = {
  cells: 50,
  resources: 50,
  proposals: 20,
  activity: 20,
  // The members' app's dashboard sections (each shows at most 8 states and 8 intents).
  agreements: 20,
  joinRequests: 50,
  states: 20,
  intents: 20,
} as const;

const app = new Hono();

class BadRequest extends Error {}

/** JSON with bigints as decimal strings. */
function json(c: Context, body: unknown): Response {
  return c.body(
    JSON.stringify(body, (_, value: unknown) => (typeof value === "bigint" ? value.toString() : value)),
    200,
    { "content-type": "application/json; charset=utf-8" },
  );
}

function limitOf(c: Context): number {
  const raw = c.req.query("limit");
  if (raw === undefined) return DEFAULT_LIMIT;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new BadRequest(`limit must be a positive integer, got ${raw}`);
  return Math.min(value, MAX_LIMIT);
}

function uint(name: string, raw: string | undefined): bigint | undefined {
  if (raw === undefined || raw === "") return undefined;
  if (!/^\d{1,78}$/.test(raw)) throw new BadRequest(`${name} must be a decimal integer, got ${raw}`);
  return BigInt(raw);
}

function address(name: string, raw: string | undefined): `0x${string}` | undefined {
  if (raw === undefined || raw === "") return undefined;
  if (!/^0x[0-9a-fA-F]{40}$/.test(raw)) throw new BadRequest(`${name} must be an address, got ${raw}`);
  return raw.toLowerCase() as `0x${string}`;
}

function ids(name: string, raw: string | undefined): bigint[] | undefined {
  if (raw === undefined) return undefined;
  const values = raw === "" ? [] : raw.split(",");
  if (values.length > MAX_IDS) throw new BadRequest(`${name} takes at most ${MAX_IDS} ids`);
  return values.map((value) => uint(name, value)!);
}

/** A `block:logIndex` cursor. */
function position(raw: string | undefined): { block: bigint; logIndex: number } | undefined {
  if (raw === undefined || raw === "") return undefined;
  const match = /^(\d{1,20}):(\d{1,9})$/.exec(raw);
  if (!match) throw new BadRequest(`cursor must be block:logIndex, got ${raw}`);
  return { block: BigInt(match[1]!), logIndex: Number(match[2]) };
}

/** One page: the items and the cursor of the next page (null on the last). */
function page<row>(rows: row[], limit: number, cursorOf: (row: row) => string) {
  const items = rows.slice(0, limit);
  return { items, next: rows.length > limit ? cursorOf(items[items.length - 1]!) : null };
}

app.onError((error, c) => {
  if (error instanceof BadRequest) return c.json({ error: error.message }, 400);
  console.error(error);
  return c.json({ error: "internal error" }, 500);
});

// ── cells ──

async function cellsPage(
  filter: { parentId?: bigint | undefined; ids?: bigint[] | undefined },
  after: bigint | undefined,
  limit: number,
) {
  if (filter.ids?.length === 0) return { items: [], next: null };
  const rows = await db
    .select()
    .from(cell)
    .where(
      and(
        filter.parentId === undefined ? undefined : eq(cell.parentId, filter.parentId),
        filter.ids === undefined ? undefined : inArray(cell.id, filter.ids),
        after === undefined ? undefined : gt(cell.id, after),
      ),
    )
    .orderBy(asc(cell.id))
    .limit(limit + 1);
  return page(rows, limit, (row) => row.id.toString());
}

app.get("/concord/cells", async (c) =>
  json(
    c,
    await cellsPage(
      { parentId: uint("parentId", c.req.query("parentId")), ids: ids("ids", c.req.query("ids")) },
      uint("cursor", c.req.query("cursor")),
      limitOf(c),
    ),
  ),
);

async function membersPage(cellId: bigint, cursor: string | undefined, limit: number) {
  const after = position(cursor);
  const rows = await db
    .select()
    .from(membership)
    .where(
      and(
        eq(membership.cellId, cellId),
        after === undefined
          ? undefined
          : or(
              gt(membership.sinceBlock, after.block),
              and(eq(membership.sinceBlock, after.block), gt(membership.sinceLogIndex, after.logIndex)),
            ),
      ),
    )
    .orderBy(asc(membership.sinceBlock), asc(membership.sinceLogIndex))
    .limit(limit + 1);
  return page(rows, limit, (row) => `${row.sinceBlock}:${row.sinceLogIndex}`);
}

async function activityPage(
  cellId: bigint,
  member: `0x${string}` | undefined,
  cursor: string | undefined,
  limit: number,
) {
  const before = position(cursor);
  const rows = await db
    .select()
    .from(activity)
    .where(
      and(
        eq(activity.cellId, cellId),
        member === undefined ? undefined : eq(activity.member, member),
        before === undefined
          ? undefined
          : or(
              lt(activity.blockNumber, before.block),
              and(eq(activity.blockNumber, before.block), lt(activity.logIndex, before.logIndex)),
            ),
      ),
    )
    .orderBy(desc(activity.blockNumber), desc(activity.logIndex))
    .limit(limit + 1);
  return page(rows, limit, (row) => `${row.blockNumber}:${row.logIndex}`);
}

app.get("/concord/cells/:cellId", async (c) => {
  const cellId = uint("cellId", c.req.param("cellId"))!;
  const [found] = await db.select().from(cell).where(eq(cell.id, cellId));
  if (!found) return c.json({ error: `no cell ${cellId}` }, 404);
  const [children, members, requests, recent, owners] = await Promise.all([
    cellsPage({ parentId: cellId }, undefined, DEFAULT_LIMIT),
    membersPage(cellId, undefined, DEFAULT_LIMIT),
    db
      .select()
      .from(joinRequest)
      .where(eq(joinRequest.cellId, cellId))
      .orderBy(asc(joinRequest.orderBlock), asc(joinRequest.orderLogIndex))
      .limit(DEFAULT_LIMIT),
    activityPage(cellId, undefined, undefined, DASHBOARD.activity),
    db.select().from(decisionOwner).where(eq(decisionOwner.cellId, cellId)).limit(DEFAULT_LIMIT),
  ]);
  return json(c, { cell: found, children, members, joinRequests: requests, activity: recent, owners });
});

app.get("/concord/cells/:cellId/members", async (c) =>
  json(c, await membersPage(uint("cellId", c.req.param("cellId"))!, c.req.query("cursor"), limitOf(c))),
);

app.get("/concord/cells/:cellId/join-requests", async (c) => {
  const cellId = uint("cellId", c.req.param("cellId"))!;
  const after = position(c.req.query("cursor"));
  const limit = limitOf(c);
  const rows = await db
    .select()
    .from(joinRequest)
    .where(
      and(
        eq(joinRequest.cellId, cellId),
        after === undefined
          ? undefined
          : or(
              gt(joinRequest.orderBlock, after.block),
              and(eq(joinRequest.orderBlock, after.block), gt(joinRequest.orderLogIndex, after.logIndex)),
            ),
      ),
    )
    .orderBy(asc(joinRequest.orderBlock), asc(joinRequest.orderLogIndex))
    .limit(limit + 1);
  return json(
    c,
    page(rows, limit, (row) => `${row.orderBlock}:${row.orderLogIndex}`),
  );
});

app.get("/concord/cells/:cellId/activity", async (c) =>
  json(
    c,
    await activityPage(
      uint("cellId", c.req.param("cellId"))!,
      address("member", c.req.query("member")),
      c.req.query("cursor"),
      limitOf(c),
    ),
  ),
);

app.get("/concord/memberships", async (c) => {
  const account = address("account", c.req.query("account"));
  if (!account) throw new BadRequest("account is required");
  const rows = await db
    .select()
    .from(membership)
    .where(eq(membership.account, account))
    .orderBy(asc(membership.cellId))
    .limit(MAX_LIMIT);
  return json(c, { items: rows });
});

// ── agreements ──

async function agreementsPage(
  filter: { account?: `0x${string}` | undefined; cell?: bigint | undefined },
  after: bigint | undefined,
  limit: number,
) {
  const party =
    filter.account === undefined && filter.cell === undefined
      ? undefined
      : or(
          filter.account === undefined
            ? undefined
            : sql`${agreement.accounts} @> ARRAY[${filter.account}]::text[]`,
          filter.cell === undefined
            ? undefined
            : sql`${agreement.cells} @> ARRAY[${filter.cell.toString()}]::numeric(78,0)[]`,
        );
  const rows = await db
    .select()
    .from(agreement)
    .where(and(party, after === undefined ? undefined : gt(agreement.id, after)))
    .orderBy(asc(agreement.id))
    .limit(limit + 1);
  return page(rows, limit, (row) => row.id.toString());
}

app.get("/concord/agreements", async (c) =>
  json(
    c,
    await agreementsPage(
      { account: address("account", c.req.query("account")), cell: uint("cell", c.req.query("cell")) },
      uint("cursor", c.req.query("cursor")),
      limitOf(c),
    ),
  ),
);

app.get("/concord/agreements/:agreementId", async (c) => {
  const agreementId = uint("agreementId", c.req.param("agreementId"))!;
  const [found] = await db.select().from(agreement).where(eq(agreement.id, agreementId));
  if (!found) return c.json({ error: `no agreement ${agreementId}` }, 404);
  const timeline = await db
    .select()
    .from(agreementEvent)
    .where(eq(agreementEvent.agreementId, agreementId))
    .orderBy(asc(agreementEvent.blockNumber), asc(agreementEvent.logIndex))
    .limit(MAX_LIMIT);
  return json(c, { agreement: found, timeline });
});

// ── resources and leases ──

async function resourcesPage(
  filter: { ownerCellId?: bigint | undefined; ids?: bigint[] | undefined },
  after: bigint | undefined,
  limit: number,
) {
  if (filter.ids?.length === 0) return { items: [], next: null };
  const rows = await db
    .select()
    .from(resource)
    .where(
      and(
        filter.ownerCellId === undefined ? undefined : eq(resource.ownerCellId, filter.ownerCellId),
        filter.ids === undefined ? undefined : inArray(resource.id, filter.ids),
        after === undefined ? undefined : gt(resource.id, after),
      ),
    )
    .orderBy(asc(resource.id))
    .limit(limit + 1);
  return page(rows, limit, (row) => row.id.toString());
}

app.get("/concord/resources", async (c) =>
  json(
    c,
    await resourcesPage(
      { ownerCellId: uint("ownerCellId", c.req.query("ownerCellId")), ids: ids("ids", c.req.query("ids")) },
      uint("cursor", c.req.query("cursor")),
      limitOf(c),
    ),
  ),
);

app.get("/concord/resources/:resourceId/events", async (c) => {
  const resourceId = uint("resourceId", c.req.param("resourceId"))!;
  const before = position(c.req.query("cursor"));
  const limit = limitOf(c);
  const rows = await db
    .select()
    .from(leaseEvent)
    .where(
      and(
        eq(leaseEvent.resourceId, resourceId),
        before === undefined
          ? undefined
          : or(
              lt(leaseEvent.blockNumber, before.block),
              and(eq(leaseEvent.blockNumber, before.block), lt(leaseEvent.logIndex, before.logIndex)),
            ),
      ),
    )
    .orderBy(desc(leaseEvent.blockNumber), desc(leaseEvent.logIndex))
    .limit(limit + 1);
  return json(
    c,
    page(rows, limit, (row) => `${row.blockNumber}:${row.logIndex}`),
  );
});

app.get("/concord/lease-grants", async (c) => {
  const holder = address("holder", c.req.query("holder"));
  if (!holder) throw new BadRequest("holder is required");
  const after = uint("cursor", c.req.query("cursor"));
  const limit = limitOf(c);
  const rows = await db
    .select({ resourceId: leaseGrant.resourceId })
    .from(leaseGrant)
    .where(
      and(eq(leaseGrant.holder, holder), after === undefined ? undefined : gt(leaseGrant.resourceId, after)),
    )
    .orderBy(asc(leaseGrant.resourceId))
    .limit(limit + 1);
  return json(
    c,
    page(rows, limit, (row) => row.resourceId.toString()),
  );
});

// ── governance ──

async function creationsPage(cursor: string | undefined, limit: number, newestFirst = false) {
  const at = position(cursor);
  const rows = await db
    .select()
    .from(proposalCreation)
    .where(
      at === undefined
        ? undefined
        : newestFirst
          ? or(
              lt(proposalCreation.blockNumber, at.block),
              and(eq(proposalCreation.blockNumber, at.block), lt(proposalCreation.logIndex, at.logIndex)),
            )
          : or(
              gt(proposalCreation.blockNumber, at.block),
              and(eq(proposalCreation.blockNumber, at.block), gt(proposalCreation.logIndex, at.logIndex)),
            ),
    )
    .orderBy(
      ...(newestFirst
        ? [desc(proposalCreation.blockNumber), desc(proposalCreation.logIndex)]
        : [asc(proposalCreation.blockNumber), asc(proposalCreation.logIndex)]),
    )
    .limit(limit + 1);
  return page(rows, limit, (row) => `${row.blockNumber}:${row.logIndex}`);
}

/**
 * Proposals, newest first by their first creation (a constitutional proposal's community creation comes before
 * its operational one: one item, never split across pages), each with all its creations; `kind` keeps
 * constitutional proposals (a creation in the community house) or operational ones (none). The cursor is the
 * last proposal's first creation, `block:logIndex`, as the SDK's direct reads page them.
 */
async function proposalsPage(
  kind: "constitutional" | "operational" | undefined,
  proposalId: bigint | undefined,
  cursor: string | undefined,
  limit: number,
) {
  const before = position(cursor);
  const earlier = alias(proposalCreation, "earlier");
  const community = alias(proposalCreation, "community");
  const firsts = await db
    .select()
    .from(proposalCreation)
    .where(
      and(
        proposalId === undefined ? undefined : eq(proposalCreation.proposalId, proposalId),
        // The proposal's first creation: no creation of the same id comes before it.
        notExists(
          db
            .select({ one: sql`1` })
            .from(earlier)
            .where(
              and(
                eq(earlier.proposalId, proposalCreation.proposalId),
                or(
                  lt(earlier.blockNumber, proposalCreation.blockNumber),
                  and(
                    eq(earlier.blockNumber, proposalCreation.blockNumber),
                    lt(earlier.logIndex, proposalCreation.logIndex),
                  ),
                ),
              ),
            ),
        ),
        kind === undefined
          ? undefined
          : (kind === "constitutional" ? exists : notExists)(
              db
                .select({ one: sql`1` })
                .from(community)
                .where(
                  and(
                    eq(community.proposalId, proposalCreation.proposalId),
                    eq(community.house, "community"),
                  ),
                ),
            ),
        before === undefined
          ? undefined
          : or(
              lt(proposalCreation.blockNumber, before.block),
              and(
                eq(proposalCreation.blockNumber, before.block),
                lt(proposalCreation.logIndex, before.logIndex),
              ),
            ),
      ),
    )
    .orderBy(desc(proposalCreation.blockNumber), desc(proposalCreation.logIndex))
    .limit(limit + 1);
  const shown = page(firsts, limit, (row) => `${row.blockNumber}:${row.logIndex}`);
  const ids = shown.items.map((row) => row.proposalId);
  const creations =
    ids.length === 0
      ? []
      : await db
          .select()
          .from(proposalCreation)
          .where(inArray(proposalCreation.proposalId, ids))
          .orderBy(asc(proposalCreation.blockNumber), asc(proposalCreation.logIndex));
  return {
    items: shown.items.map((first) => ({
      proposalId: first.proposalId,
      creations: creations.filter((creation) => creation.proposalId === first.proposalId),
    })),
    next: shown.next,
  };
}

/** A proposal's ballots, oldest first (`voter`: only that account's). */
async function ballotsPage(
  proposalId: bigint,
  voter: `0x${string}` | undefined,
  cursor: string | undefined,
  limit: number,
) {
  const after = position(cursor);
  const rows = await db
    .select()
    .from(ballot)
    .where(
      and(
        eq(ballot.proposalId, proposalId),
        voter === undefined ? undefined : eq(ballot.voter, voter),
        after === undefined
          ? undefined
          : or(
              gt(ballot.blockNumber, after.block),
              and(eq(ballot.blockNumber, after.block), gt(ballot.logIndex, after.logIndex)),
            ),
      ),
    )
    .orderBy(asc(ballot.blockNumber), asc(ballot.logIndex))
    .limit(limit + 1);
  return page(rows, limit, (row) => `${row.blockNumber}:${row.logIndex}`);
}

function kindOf(raw: string | undefined): "constitutional" | "operational" | undefined {
  if (raw === undefined || raw === "") return undefined;
  if (raw !== "constitutional" && raw !== "operational")
    throw new BadRequest(`kind must be constitutional or operational, got ${raw}`);
  return raw;
}

/**
 * Proposal creations, oldest first (`order=newest`: newest first). With `group=proposal`: proposals, newest
 * first, each with its creations (`kind=constitutional|operational` to keep one kind, `id=` one proposal).
 */
app.get("/concord/proposals", async (c) => {
  const group = c.req.query("group");
  if (group === "proposal")
    return json(
      c,
      await proposalsPage(
        kindOf(c.req.query("kind")),
        uint("id", c.req.query("id")),
        c.req.query("cursor"),
        limitOf(c),
      ),
    );
  if (group !== undefined && group !== "") throw new BadRequest(`group must be proposal, got ${group}`);
  return json(c, await creationsPage(c.req.query("cursor"), limitOf(c), c.req.query("order") === "newest"));
});

/** A proposal's creations in both houses and the first page of its ballots. */
app.get("/concord/proposals/:proposalId", async (c) => {
  const proposalId = uint("proposalId", c.req.param("proposalId"))!;
  const creations = await db
    .select()
    .from(proposalCreation)
    .where(eq(proposalCreation.proposalId, proposalId))
    .orderBy(asc(proposalCreation.blockNumber), asc(proposalCreation.logIndex));
  if (creations.length === 0) return c.json({ error: `no proposal ${proposalId}` }, 404);
  return json(c, { creations, ballots: await ballotsPage(proposalId, undefined, undefined, limitOf(c)) });
});

app.get("/concord/proposals/:proposalId/ballots", async (c) =>
  json(
    c,
    await ballotsPage(
      uint("proposalId", c.req.param("proposalId"))!,
      address("voter", c.req.query("voter")),
      c.req.query("cursor"),
      limitOf(c),
    ),
  ),
);

app.get("/concord/delegations", async (c) => {
  const delegate = address("delegate", c.req.query("delegate"));
  const after = address("cursor", c.req.query("cursor"));
  const limit = limitOf(c);
  const rows = await db
    .select()
    .from(delegation)
    .where(
      and(
        delegate === undefined ? undefined : eq(delegation.delegate, delegate),
        after === undefined ? undefined : gt(delegation.delegator, after),
      ),
    )
    .orderBy(asc(delegation.delegator))
    .limit(limit + 1);
  return json(
    c,
    page(rows, limit, (row) => row.delegator),
  );
});

// ── the dashboard: one request (the members' app reads it whole, then the live values in one multicall) ──

app.get("/concord/dashboard", async (c) => {
  const [cells, resources, proposals, agreements, joinRequests, states, intents, totals] = await Promise.all([
    cellsPage({}, undefined, DASHBOARD.cells),
    resourcesPage({}, undefined, DASHBOARD.resources),
    creationsPage(undefined, DASHBOARD.proposals, true),
    agreementsPage({}, undefined, DASHBOARD.agreements),
    // Pending join requests DAO-wide, oldest first; the newest declared states; intents latest date first.
    db
      .select()
      .from(joinRequest)
      .orderBy(asc(joinRequest.orderBlock), asc(joinRequest.orderLogIndex))
      .limit(DASHBOARD.joinRequests),
    db
      .select()
      .from(activity)
      .where(eq(activity.kind, "state"))
      .orderBy(desc(activity.blockNumber), desc(activity.logIndex))
      .limit(DASHBOARD.states),
    db
      .select()
      .from(activity)
      .where(eq(activity.kind, "intent"))
      .orderBy(desc(activity.at), desc(activity.blockNumber))
      .limit(DASHBOARD.intents),
    Promise.all([
      db.select({ n: count() }).from(cell),
      db.select({ n: count() }).from(agreement),
      db.select({ n: count() }).from(resource),
      db.select({ n: count() }).from(proposalCreation),
    ]),
  ]);
  const [cellCount, agreementCount, resourceCount, creationCount] = totals.map((rows) => rows[0]?.n ?? 0);
  return json(c, {
    totals: {
      cells: cellCount,
      agreements: agreementCount,
      resources: resourceCount,
      creations: creationCount,
    },
    cells,
    resources,
    proposals,
    agreements,
    joinRequests,
    states,
    intents,
  });
});

export default app;
