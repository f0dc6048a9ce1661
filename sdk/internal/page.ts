/**
 * Pages of the lists that grow with the DAO (cells, members, agreements, resources, proposals, ballots): every
 * list read returns at most `limit` items and the cursor of the next page, on both read paths.
 *
 * A cursor is a keyset position, the same string on both paths, so a client on `reads: "auto"` that switches
 * path between two pages goes on where it was: the decimal id of the last item for lists ordered by id
 * (cells, agreements, resources), `block:logIndex` of the last item's event for lists ordered by events
 * (proposals, ballots, members, join requests). These are the indexer API's cursors (`indexer/src/api`).
 */
import { InvalidInputError } from "../errors.ts";

/** How many items a list read returns when `limit` is not given. */
export const DEFAULT_PAGE_LIMIT = 50;
/** The most items one list read returns (the indexer API's own cap). */
export const MAX_PAGE_LIMIT = 500;

/** Which page of a list to read. */
export type PageParameters = {
  /** At most this many items (1..{@link MAX_PAGE_LIMIT}, default {@link DEFAULT_PAGE_LIMIT}). */
  limit?: number | undefined;
  /** The `next` of the previous page; omit (or null) for the first page. */
  cursor?: string | null | undefined;
};

/** One page of a list: its items and the cursor of the next page (null on the last page). */
export type Page<item> = { items: item[]; next: string | null };

const ID_CURSOR = /^\d{1,78}$/;
const EVENT_CURSOR = /^(\d{1,20}):(\d{1,9})$/;

/**
 * The checked `limit` of a list read.
 *
 * @throws {InvalidInputError} when it is not an integer from 1 to {@link MAX_PAGE_LIMIT}.
 * @example
 * toPageLimit(undefined); // 50
 * toPageLimit(0); // throws InvalidInputError
 */
export function toPageLimit(limit: unknown): number {
  if (limit === undefined) return DEFAULT_PAGE_LIMIT;
  if (typeof limit !== "number" || !Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_LIMIT)
    throw new InvalidInputError("limit", limit, `expected an integer from 1 to ${MAX_PAGE_LIMIT}`);
  return limit;
}

/**
 * The id an id cursor names (null for the first page).
 *
 * @throws {InvalidInputError} when the cursor is not a decimal id.
 * @example
 * idCursor("12"); // 12n
 */
export function idCursor(cursor: unknown): bigint | null {
  if (cursor === undefined || cursor === null || cursor === "") return null;
  if (typeof cursor !== "string" || !ID_CURSOR.test(cursor))
    throw new InvalidInputError("cursor", cursor, "expected the next of a previous page (a decimal id)");
  return BigInt(cursor);
}

/** An event's position in the chain. */
export type EventPosition = { blockNumber: bigint; logIndex: number };

/**
 * The event position an event cursor names (null for the first page).
 *
 * @throws {InvalidInputError} when the cursor is not `block:logIndex`.
 * @example
 * eventCursor("120:3"); // { blockNumber: 120n, logIndex: 3 }
 */
export function eventCursor(cursor: unknown): EventPosition | null {
  if (cursor === undefined || cursor === null || cursor === "") return null;
  const match = typeof cursor === "string" ? EVENT_CURSOR.exec(cursor) : null;
  if (!match)
    throw new InvalidInputError("cursor", cursor, "expected the next of a previous page (block:logIndex)");
  return { blockNumber: BigInt(match[1]!), logIndex: Number(match[2]) };
}

/** The cursor of an event position. */
export function eventCursorOf(position: EventPosition): string {
  return `${position.blockNumber}:${position.logIndex}`;
}

/** Orders event positions (negative when `a` comes first). */
export function compareEvents(a: EventPosition, b: EventPosition): number {
  if (a.blockNumber !== b.blockNumber) return a.blockNumber < b.blockNumber ? -1 : 1;
  return a.logIndex - b.logIndex;
}

/**
 * One page of an ordered list held in memory (the direct path, after its scan): the items after the cursor's
 * key, at most `limit` of them, and the next cursor.
 *
 * @example
 * const page = pageOf(sortedById, { limit: 20, cursor }, (cell) => cell.id.toString(), (cell, key) => cell.id > BigInt(key));
 */
export function pageOf<item>(
  ordered: readonly item[],
  parameters: PageParameters,
  cursorOf: (item: item) => string,
  isAfter: (item: item, cursor: string) => boolean,
): Page<item> {
  const limit = toPageLimit(parameters.limit);
  const cursor = parameters.cursor ?? null;
  const start = cursor === null || cursor === "" ? 0 : ordered.findIndex((item) => isAfter(item, cursor));
  const rest = start < 0 ? [] : ordered.slice(start);
  const items = rest.slice(0, limit);
  return { items, next: rest.length > limit ? cursorOf(items[items.length - 1]!) : null };
}
