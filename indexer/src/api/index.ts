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
  rosterAccount,
} from "ponder:schema";
import {
  alias,
  and,
  asc,
  count,
  desc,
  eq,
  exists,
  gt,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  ne,
  notExists,
  or,
  sql,
} from "ponder";

/** The most items one page returns. */
export const MAX_LIMIT = 500;
const DEFAULT_LIMIT = 100;
/** The most ids one `ids=` filter takes. */
const MAX_IDS = 500;
/** Dashboard: how many of each list it carries. */
const DASHBOARD = {
  // Every cell up to one page of 500: the directory's tree needs them all (203 at size L).
  cells: MAX_LIMIT,
  // What the SDK's getDashboard shows of each (DASHBOARD_SHOWN: 8 agreements and 8 resources, the viewer's
  // first, and the newest proposals whose live reads fit one call): no row it would drop.
  resources: 8,
  proposals: 12,
  activity: 20,
  // The members' app's dashboard sections (each shows at most 8 states and 8 intents).
  agreements: 8,
  joinRequests: 50,
  states: 20,
  intents: 20,
  // The viewer's own agreements and leases (newest first), and the accounts whose standing it carries.
  mine: 8,
  accounts: 16,
} as const;

/** The deepest nesting of cells (CellRegistry's MAX_DEPTH): a steward's reach walks at most this many levels. */
const MAX_CELL_DEPTH = 8;

/** Role bits of a membership (the SDK's `Roles`). */
const STEWARD = 2;
const DELEGATE = 4;

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

/**
 * Cell rows with what the registry's `getCell` derives from memberships (event-derived, never time-dependent):
 * the number of stewards and the delegate (null when none). One grouped query for the page's cells.
 */
async function withRoles<row extends { id: bigint }>(rows: row[]) {
  if (rows.length === 0) return [];
  const counts = await db
    .select({
      cellId: membership.cellId,
      stewardCount: sql<number>`count(*) filter (where (${membership.roles} & ${STEWARD}) <> 0)`,
      delegate: sql<
        string | null
      >`max(${membership.account}) filter (where (${membership.roles} & ${DELEGATE}) <> 0)`,
    })
    .from(membership)
    .where(
      inArray(
        membership.cellId,
        rows.map((row) => row.id),
      ),
    )
    .groupBy(membership.cellId);
  const byCell = new Map(counts.map((entry) => [entry.cellId.toString(), entry]));
  return rows.map((row) => {
    const entry = byCell.get(row.id.toString());
    return { ...row, stewardCount: Number(entry?.stewardCount ?? 0), delegate: entry?.delegate ?? null };
  });
}

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
  return page(await withRoles(rows), limit, (row) => row.id.toString());
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

/**
 * The cell page: how many entries of its activity and, at most, of the decision owners of its chain (with 50
 * members, requests and sub-cells a page, the answer stays under 100 KB at any size).
 */
const CELL_PAGE = { activity: 30, owners: 100 } as const;

async function joinRequestsPage(cellId: bigint, cursor: string | undefined, limit: number) {
  const after = position(cursor);
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
  return page(rows, limit, (row) => `${row.orderBlock}:${row.orderLogIndex}`);
}

/** A cell and its ancestors, from the cell up (at most {@link MAX_CELL_DEPTH} cells). */
async function chainOf(found: { id: bigint; parentId: bigint }): Promise<bigint[]> {
  const chain = [found.id];
  let parentId = found.parentId;
  while (parentId !== 0n && chain.length < MAX_CELL_DEPTH && !chain.includes(parentId)) {
    chain.push(parentId);
    const [parent] = await db.select({ parentId: cell.parentId }).from(cell).where(eq(cell.id, parentId));
    if (!parent) break;
    parentId = parent.parentId;
  }
  return chain;
}

/**
 * The cell page in one request: the cell, the first page (`limit`) of its sub-cells, members and pending join
 * requests, its newest activity, and the decision owners set on it and on each of its ancestors (`chain`, from
 * the cell up; at most {@link CELL_PAGE}.owners of them, by cell then topic).
 */
app.get("/concord/cells/:cellId", async (c) => {
  const cellId = uint("cellId", c.req.param("cellId"))!;
  const limit = limitOf(c);
  const [found] = await db.select().from(cell).where(eq(cell.id, cellId));
  if (!found) return c.json({ error: `no cell ${cellId}` }, 404);
  const chain = await chainOf(found);
  const [children, members, requests, recent, owners] = await Promise.all([
    cellsPage({ parentId: cellId }, undefined, limit),
    membersPage(cellId, undefined, limit),
    joinRequestsPage(cellId, undefined, limit),
    activityPage(cellId, undefined, undefined, CELL_PAGE.activity),
    db
      .select()
      .from(decisionOwner)
      .where(inArray(decisionOwner.cellId, chain))
      .orderBy(asc(decisionOwner.cellId), asc(decisionOwner.topic))
      .limit(CELL_PAGE.owners),
  ]);
  return json(c, {
    cell: found,
    chain,
    children,
    members,
    joinRequests: requests,
    activity: recent,
    owners,
  });
});

app.get("/concord/cells/:cellId/members", async (c) =>
  json(c, await membersPage(uint("cellId", c.req.param("cellId"))!, c.req.query("cursor"), limitOf(c))),
);

app.get("/concord/cells/:cellId/join-requests", async (c) =>
  json(c, await joinRequestsPage(uint("cellId", c.req.param("cellId"))!, c.req.query("cursor"), limitOf(c))),
);

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

/**
 * The cells `account` stewards: those where it holds STEWARD (roles bit 2), and every cell below them (a steward of
 * a cell administers its descendants, as CellRegistry's `isSteward` says), at most {@link MAX_CELL_DEPTH} levels.
 */
async function stewardedCells(account: `0x${string}`): Promise<bigint[]> {
  const direct = await db
    .select({ cellId: membership.cellId })
    .from(membership)
    .where(and(eq(membership.account, account), sql`(${membership.roles} & 2) <> 0`));
  const found = new Set(direct.map((row) => row.cellId));
  let frontier = [...found];
  for (let level = 1; level < MAX_CELL_DEPTH && frontier.length > 0; level++) {
    const children = await db.select({ id: cell.id }).from(cell).where(inArray(cell.parentId, frontier));
    frontier = children.map((row) => row.id).filter((id) => !found.has(id));
    for (const id of frontier) found.add(id);
  }
  return [...found];
}

async function agreementsPage(
  filter: {
    account?: `0x${string}` | undefined;
    cell?: bigint | undefined;
    /** Also the agreements with a cell party this account stewards. */
    stewardedBy?: `0x${string}` | undefined;
    excludeAmendments?: boolean | undefined;
  },
  after: bigint | undefined,
  limit: number,
  order: "asc" | "desc" = "asc",
) {
  const stewarded = filter.stewardedBy === undefined ? [] : await stewardedCells(filter.stewardedBy);
  const party =
    filter.account === undefined && filter.cell === undefined && filter.stewardedBy === undefined
      ? undefined
      : or(
          filter.account === undefined
            ? undefined
            : sql`${agreement.accounts} @> ARRAY[${filter.account}]::text[]`,
          filter.cell === undefined
            ? undefined
            : sql`${agreement.cells} @> ARRAY[${filter.cell.toString()}]::numeric(78,0)[]`,
          stewarded.length === 0
            ? undefined
            : sql`${agreement.cells} && ARRAY[${sql.join(
                stewarded.map((id) => sql`${id.toString()}`),
                sql`, `,
              )}]::numeric(78,0)[]`,
        );
  const rows = await db
    .select()
    .from(agreement)
    .where(
      and(
        // A filter that matches no party (a steward of nothing, and no other filter) matches nothing.
        party ?? (filter.stewardedBy === undefined ? undefined : sql`false`),
        filter.excludeAmendments ? isNull(agreement.amends) : undefined,
        after === undefined ? undefined : order === "asc" ? gt(agreement.id, after) : lt(agreement.id, after),
      ),
    )
    .orderBy(order === "asc" ? asc(agreement.id) : desc(agreement.id))
    .limit(limit + 1);
  return page(rows, limit, (row) => row.id.toString());
}

function flag(name: string, raw: string | undefined): boolean {
  if (raw === undefined || raw === "" || raw === "false") return false;
  if (raw === "true") return true;
  throw new BadRequest(`${name} must be true or false, got ${raw}`);
}

function orderOf(raw: string | undefined): "asc" | "desc" {
  if (raw === undefined || raw === "" || raw === "asc") return "asc";
  if (raw === "desc") return "desc";
  throw new BadRequest(`order must be asc or desc, got ${raw}`);
}

/**
 * `GET /concord/agreements?account=&cell=&stewardedBy=&excludeAmendments=true&order=desc&cursor=&limit=`: a page of
 * agreements by id (a party filter matches any of account, cell, a cell stewardedBy stewards); `cursor` is the last
 * id of the previous page.
 */
app.get("/concord/agreements", async (c) =>
  json(
    c,
    await agreementsPage(
      {
        account: address("account", c.req.query("account")),
        cell: uint("cell", c.req.query("cell")),
        stewardedBy: address("stewardedBy", c.req.query("stewardedBy")),
        excludeAmendments: flag("excludeAmendments", c.req.query("excludeAmendments")),
      },
      uint("cursor", c.req.query("cursor")),
      limitOf(c),
      orderOf(c.req.query("order")),
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
  // Each grant with its resource's registration, so that `leasesOf` names a page's leases without a second request.
  const rows = await db
    .select({
      resourceId: leaseGrant.resourceId,
      name: resource.name,
      ownerCellId: resource.ownerCellId,
      registeredBy: resource.registeredBy,
      registeredBlock: resource.registeredBlock,
    })
    .from(leaseGrant)
    .leftJoin(resource, eq(resource.id, leaseGrant.resourceId))
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

/**
 * A proposal's creations in both houses and the first page of its ballots (`limit`): what a proposal's page
 * shows, in one request. An id with no creation answers no creations and no ballots (200, as `?id=` answers an
 * empty page): the SDK then asks the chain, which the indexer may trail by a few blocks.
 */
app.get("/concord/proposals/:proposalId", async (c) => {
  const proposalId = uint("proposalId", c.req.param("proposalId"))!;
  const limit = limitOf(c);
  const creations = await db
    .select()
    .from(proposalCreation)
    .where(eq(proposalCreation.proposalId, proposalId))
    .orderBy(asc(proposalCreation.blockNumber), asc(proposalCreation.logIndex));
  if (creations.length === 0) return json(c, { creations, ballots: { items: [], next: null } });
  return json(c, { creations, ballots: await ballotsPage(proposalId, undefined, undefined, limit) });
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

// ── the community roster (sdk/governance/delegates.ts's getMemberRoster) ──

/** The most accounts one `accounts=` filter of the roster takes (the SDK's MAX_ROSTER_ACCOUNTS). */
const MAX_ROSTER_ACCOUNTS = 100;
/** The most delegators named per roster entry (the SDK's MAX_ROSTER_DELEGATORS); all are counted. */
const MAX_ROSTER_DELEGATORS = 10;

app.get("/concord/roster", async (c) => {
  const after = position(c.req.query("cursor"));
  const limit = limitOf(c);
  const rawAccounts = c.req.query("accounts");
  const accounts =
    rawAccounts === undefined
      ? undefined
      : rawAccounts === ""
        ? []
        : rawAccounts.split(",").map((value) => address("accounts", value)!);
  if (accounts && accounts.length > MAX_ROSTER_ACCOUNTS)
    throw new BadRequest(`accounts takes at most ${MAX_ROSTER_ACCOUNTS} addresses`);
  const [rows, members] = await Promise.all([
    accounts?.length === 0
      ? []
      : db
          .select()
          .from(rosterAccount)
          .where(
            and(
              isNotNull(rosterAccount.keyBlock),
              or(eq(rosterAccount.member, true), gt(rosterAccount.delegatorCount, 0)),
              accounts === undefined ? undefined : inArray(rosterAccount.account, accounts),
              after === undefined
                ? undefined
                : or(
                    gt(rosterAccount.keyBlock, after.block),
                    and(
                      eq(rosterAccount.keyBlock, after.block),
                      gt(rosterAccount.keyLogIndex, after.logIndex),
                    ),
                  ),
            ),
          )
          .orderBy(asc(rosterAccount.keyBlock), asc(rosterAccount.keyLogIndex))
          .limit(limit + 1),
    db.select({ n: count() }).from(rosterAccount).where(eq(rosterAccount.member, true)),
  ]);
  const shown = page(rows, limit, (row) => `${row.keyBlock}:${row.keyLogIndex}`);
  // The first delegators of the page's accounts only: members, not themselves, oldest delegation first.
  const delegated = shown.items.filter((row) => row.delegatorCount > 0).map((row) => row.account);
  const ranked = db
    .select({
      account: rosterAccount.account,
      delegate: rosterAccount.delegate,
      rank: sql<number>`row_number() over (partition by ${rosterAccount.delegate} order by ${rosterAccount.delegatedBlock}, ${rosterAccount.delegatedLogIndex})`.as(
        "rank",
      ),
    })
    .from(rosterAccount)
    .where(
      and(
        inArray(rosterAccount.delegate, delegated),
        eq(rosterAccount.member, true),
        ne(rosterAccount.account, rosterAccount.delegate),
      ),
    )
    .as("ranked");
  const delegators =
    delegated.length === 0
      ? []
      : await db
          .select()
          .from(ranked)
          .where(lte(ranked.rank, MAX_ROSTER_DELEGATORS))
          .orderBy(asc(ranked.delegate), asc(ranked.rank));
  const byDelegate = new Map<string, string[]>();
  for (const row of delegators) {
    const list = byDelegate.get(row.delegate!) ?? [];
    list.push(row.account);
    byDelegate.set(row.delegate!, list);
  }
  return json(c, {
    items: shown.items.map((row) => ({
      account: row.account,
      member: row.member,
      delegate: row.delegate,
      delegators: byDelegate.get(row.account) ?? [],
      delegatorCount: row.delegatorCount,
    })),
    next: shown.next,
    memberCount: members[0]?.n ?? 0,
  });
});

// ── the dashboard: one request (the members' app reads it whole, then the live values of what it shows) ──

/** A comma-separated list of at most `max` addresses. */
function addresses(name: string, raw: string | undefined, max: number): `0x${string}`[] {
  if (raw === undefined || raw === "") return [];
  const values = raw.split(",");
  if (values.length > max)
    throw new BadRequest(`${name} takes at most ${max} addresses, got ${values.length}`);
  return [...new Set(values.map((value) => address(name, value)!))];
}

/** The parts of the dashboard answer a request asks for (`?parts=directory,activity`, the default both). */
const DASHBOARD_PARTS = ["directory", "activity", "cells"] as const;
type DashboardPart = (typeof DASHBOARD_PARTS)[number];

function partsOf(raw: string | undefined): Set<DashboardPart> {
  if (raw === undefined || raw === "") return new Set(["directory", "activity"]);
  const parts = raw.split(",");
  for (const part of parts) {
    if (!(DASHBOARD_PARTS as readonly string[]).includes(part))
      throw new BadRequest(`parts takes ${DASHBOARD_PARTS.join(", ")}, got ${part}`);
  }
  return new Set(parts as DashboardPart[]);
}

/**
 * A page of cells as the directory shows them: id, parent, name, phase, recognition, member and steward counts,
 * delegate (absent when none). Creator, creation and nucleus are the cell page's (`/concord/cells/:id`).
 */
async function dashboardCells(after: bigint | undefined) {
  const rows = await db
    .select({
      id: cell.id,
      parentId: cell.parentId,
      name: cell.name,
      phase: cell.phase,
      recognised: cell.recognised,
      memberCount: cell.memberCount,
    })
    .from(cell)
    .where(after === undefined ? undefined : gt(cell.id, after))
    .orderBy(asc(cell.id))
    .limit(DASHBOARD.cells + 1);
  const shown = page(await withRoles(rows), DASHBOARD.cells, (row) => row.id.toString());
  return {
    items: shown.items.map(({ delegate, ...row }) => (delegate === null ? row : { ...row, delegate })),
    next: shown.next,
  };
}

/** An agreement row as the dashboard shows it (the lifecycle columns are the agreement page's). */
const dashboardAgreement = {
  id: agreement.id,
  proposer: agreement.proposer,
  accounts: agreement.accounts,
  cells: agreement.cells,
  title: agreement.title,
  termsHash: agreement.termsHash,
  termsURI: agreement.termsURI,
  expiresAt: agreement.expiresAt,
  amends: agreement.amends,
  blockNumber: agreement.blockNumber,
  transactionHash: agreement.transactionHash,
};
const dashboardResource = { id: resource.id, name: resource.name, ownerCellId: resource.ownerCellId };
const dashboardActivity = {
  cellId: activity.cellId,
  member: activity.member,
  state: activity.state,
  intent: activity.intent,
  at: activity.at,
  blockNumber: activity.blockNumber,
};

/**
 * `?parts=` which parts (default `directory,activity`; `cells` with `?cursor=`: the next page of the directory's
 * cells, nothing else). `?account=` (the viewer) and `?others=` (a few more accounts, e.g. the local chain's dev
 * accounts): the directory part carries every cell (lean rows, one page of 500) and their standing in every cell
 * (memberships and pending join requests); the activity part the newest agreements, resources and proposals,
 * pending join requests, declared states and intents, totals, and the viewer's own agreements (as an account
 * party, or a cell party the viewer stewards) and the resources once granted to the viewer.
 */
app.get("/concord/dashboard", async (c) => {
  const parts = partsOf(c.req.query("parts"));
  if (parts.has("cells")) {
    return json(c, { cells: await dashboardCells(uint("cursor", c.req.query("cursor"))) });
  }
  const viewer = address("account", c.req.query("account"));
  const accounts = [
    ...new Set([
      ...(viewer ? [viewer] : []),
      ...addresses("others", c.req.query("others"), DASHBOARD.accounts),
    ]),
  ];
  const stewarded = viewer
    ? sql`(select array_agg(${membership.cellId}) from ${membership} where ${membership.account} = ${viewer} and (${membership.roles} & ${STEWARD}) <> 0)`
    : undefined;
  const directory = async () => {
    const [cells, standing] = await Promise.all([
      dashboardCells(undefined),
      accounts.length === 0
        ? { memberships: [], joinRequests: [] }
        : Promise.all([
            db
              .select({ cellId: membership.cellId, account: membership.account, roles: membership.roles })
              .from(membership)
              .where(inArray(membership.account, accounts))
              .orderBy(asc(membership.account), asc(membership.cellId))
              // Every account's memberships in every cell the page carries (bounded: 17 accounts, 500 cells).
              .limit(accounts.length * DASHBOARD.cells),
            db
              .select({
                cellId: joinRequest.cellId,
                account: joinRequest.account,
                requestedAt: joinRequest.requestedAt,
              })
              .from(joinRequest)
              .where(inArray(joinRequest.account, accounts))
              .orderBy(asc(joinRequest.account), asc(joinRequest.cellId))
              .limit(accounts.length * DASHBOARD.cells),
          ]).then(([memberships, requests]) => ({ memberships, joinRequests: requests })),
    ]);
    return { cells, standing };
  };
  const activityPart = async () => {
    const [resources, proposals, agreements, joinRequests, states, intents, totals, mine] = await Promise.all(
      [
        // The newest resources and agreements: what the dashboard's DAO sections show.
        db.select(dashboardResource).from(resource).orderBy(desc(resource.id)).limit(DASHBOARD.resources),
        creationsPage(undefined, DASHBOARD.proposals, true),
        db.select(dashboardAgreement).from(agreement).orderBy(desc(agreement.id)).limit(DASHBOARD.agreements),
        // Pending join requests DAO-wide, oldest first; the newest declared states; intents latest date first.
        db
          .select({
            cellId: joinRequest.cellId,
            account: joinRequest.account,
            requestedBlock: joinRequest.requestedBlock,
          })
          .from(joinRequest)
          .orderBy(asc(joinRequest.orderBlock), asc(joinRequest.orderLogIndex))
          .limit(DASHBOARD.joinRequests),
        db
          .select(dashboardActivity)
          .from(activity)
          .where(eq(activity.kind, "state"))
          .orderBy(desc(activity.blockNumber), desc(activity.logIndex))
          .limit(DASHBOARD.states),
        db
          .select(dashboardActivity)
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
        viewer === undefined
          ? { agreements: [], resources: [] }
          : Promise.all([
              db
                .select(dashboardAgreement)
                .from(agreement)
                .where(
                  or(
                    sql`${agreement.accounts} @> ARRAY[${viewer}]::text[]`,
                    sql`${agreement.cells} && ${stewarded}::numeric(78,0)[]`,
                  ),
                )
                .orderBy(desc(agreement.id))
                .limit(DASHBOARD.mine),
              db
                .select({ resource: dashboardResource })
                .from(leaseGrant)
                .innerJoin(resource, eq(resource.id, leaseGrant.resourceId))
                .where(eq(leaseGrant.holder, viewer))
                .orderBy(desc(leaseGrant.lastGrantBlock), desc(leaseGrant.resourceId))
                .limit(DASHBOARD.mine),
            ]).then(([agreements, granted]) => ({
              agreements,
              resources: granted.map((row) => row.resource),
            })),
      ],
    );
    const [cellCount, agreementCount, resourceCount, creationCount] = totals.map((rows) => rows[0]?.n ?? 0);
    return {
      totals: {
        cells: cellCount,
        agreements: agreementCount,
        resources: resourceCount,
        creations: creationCount,
      },
      resources,
      // Without the creations' own block positions: the proposals' order is the answer's.
      proposals: {
        items: proposals.items.map(({ logIndex: _logIndex, voteEnd: _voteEnd, ...row }) => row),
        next: proposals.next,
      },
      agreements,
      joinRequests,
      states: states.map(({ intent: _intent, at: _at, ...row }) => row),
      intents: intents.map(({ state: _state, ...row }) => row),
      mine,
    };
  };
  const [directoryAnswer, activityAnswer] = await Promise.all([
    parts.has("directory") ? directory() : undefined,
    parts.has("activity") ? activityPart() : undefined,
  ]);
  return json(c, { ...directoryAnswer, ...activityAnswer });
});

export default app;
