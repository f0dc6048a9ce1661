/**
 * One action per read of `IResourceLeases`. Each takes the Concord client and a parameter object and
 * throws a decoded {@link ContractRefusalError} when the contract refuses (for example
 * `ResourceNonexistent`).
 */
import { zeroAddress } from "viem";
import type { Address } from "viem";

import type { ConcordClientBase, ConcordContract } from "../client.ts";
import { InvalidInputError } from "../errors.ts";
import { resourceLeasesAbi } from "../generated/abis.ts";
import { pinBlock, pinned, readAt } from "../internal/block.ts";
import type { BlockParameters, ReadAt } from "../internal/block.ts";
import { contractOf } from "../internal/contracts.ts";
import type { ContractReader } from "../internal/contracts.ts";
import { readFunction } from "../internal/read.ts";
import { toAddress, toUint256 } from "../internal/validate.ts";
import type { BigIntish } from "../internal/validate.ts";
import { toReservationId, toResourceId } from "./constants.ts";
import type { AccessValue } from "./constants.ts";
import { leaseErrorCatalogue } from "./errors.ts";
import type { Claimant, LeaseState, QueueEntry, QueuePlace, Reservation, ResourceInfo } from "./types.ts";

/**
 * @internal The ResourceLeases contract of the client, or NoDeploymentError: `contractOf(client,
 * "resourceLeases")` under the name the agents module imports.
 *
 * @example
 * const { address, startBlock } = leasesDeployment(client);
 */
export function leasesDeployment(client: ConcordClientBase): ConcordContract {
  return contractOf(client, "resourceLeases");
}

/**
 * @internal What every ResourceLeases write and batch read needs.
 *
 * @example
 * await executeWrite(client, { ...leasesTarget(client), functionName: "release", args: [1n] });
 */
export function leasesTarget(client: ConcordClientBase) {
  return {
    contract: "ResourceLeases",
    address: contractOf(client, "resourceLeases").address,
    abi: resourceLeasesAbi,
  } as const;
}

/**
 * @internal Reads one function of ResourceLeases with decoded errors (in the leases' words, wherever the read
 * is bundled), at the block of `block` (default: latest).
 *
 * @example
 * const [holder] = await readLeases(client, "leaseOf", [1n], { blockNumber: 12n });
 */
export const readLeases: ContractReader<typeof resourceLeasesAbi> = async (
  client,
  functionName,
  args,
  block,
) =>
  readFunction(client, {
    at: readAt(block), // first, so that bad block parameters are named before a missing deployment
    contract: "ResourceLeases",
    address: contractOf(client, "resourceLeases").address,
    abi: resourceLeasesAbi,
    functionName,
    args,
    errors: leaseErrorCatalogue,
  });

const orNull = (address: Address): Address | null => (address === zeroAddress ? null : address);

/**
 * A resource's state from `ResourceLeases.getResource`'s raw struct (no holder or claimant as null): for callers
 * that batch their own reads (`readBatch`) and decode them as the SDK's reads do.
 *
 * @example
 * const info = toResourceInfo(await readContract(client, { address, abi: resourceLeasesAbi, functionName: "getResource", args: [id] }));
 */
export function toResourceInfo(raw: {
  ownerCellId: bigint;
  access: number;
  maxDuration: bigint;
  claimWindow: bigint;
  holder: Address;
  expiresAt: bigint;
  fencingToken: bigint;
  queueLength: bigint;
  claimant: Address;
  claimWindowEnd: bigint;
  reservationCount: bigint;
}): ResourceInfo {
  return {
    ownerCellId: raw.ownerCellId,
    access: raw.access as AccessValue,
    maxDuration: raw.maxDuration,
    claimWindow: raw.claimWindow,
    holder: orNull(raw.holder),
    expiresAt: raw.expiresAt,
    fencingToken: raw.fencingToken,
    queueLength: Number(raw.queueLength),
    claimant: orNull(raw.claimant),
    claimWindowEnd: raw.claimWindowEnd,
    reservationCount: raw.reservationCount,
  };
}

/**
 * The queue of a resource from `ResourceLeases.queueOf`'s raw answer (positions are the indexes): for callers
 * that batch their own reads (`readBatch`) and decode them as the SDK's reads do.
 *
 * @example
 * const queue = toQueue(await readContract(client, { address, abi: resourceLeasesAbi, functionName: "queueOf", args: [id] }));
 */
export function toQueue(
  raw: readonly { account: Address; place: bigint; windowStart: bigint; windowEnd: bigint }[],
): QueueEntry[] {
  return raw.map((entry, position) => ({
    account: entry.account,
    place: entry.place,
    position,
    windowStart: entry.windowStart,
    windowEnd: entry.windowEnd,
  }));
}

/** @internal Normalises on-chain bookings. */
export function toReservations(
  raw: readonly { id: bigint; booker: Address; start: bigint; end: bigint }[],
): Reservation[] {
  return raw.map(({ id, booker, start, end }) => ({ id, booker, start, end }));
}

/** @internal Normalises a `claimantOf` answer. */
export function toClaimant(raw: readonly [Address, bigint, bigint]): Claimant | null {
  const [account, windowStart, windowEnd] = raw;
  return account === zeroAddress ? null : { account, windowStart, windowEnd };
}

/** Parameters naming a resource. */
export type ResourceParameters = { resourceId: BigIntish } & BlockParameters;

/**
 * The live lease of a resource. When it is free (or the lease expired), `holder` is null, `expiresAt`
 * is when the last lease ended and `fencingToken` the last token issued (0n: never leased).
 *
 * @example
 * const { holder, expiresAt, fencingToken } = await concord.leases.leaseOf({ resourceId: 1n });
 */
export async function leaseOf(
  client: ConcordClientBase,
  { resourceId, ...block }: ResourceParameters,
): Promise<LeaseState> {
  const [holder, expiresAt, fencingToken] = await readLeases(
    client,
    "leaseOf",
    [toResourceId(resourceId)],
    block,
  );
  return { holder: orNull(holder), expiresAt, fencingToken };
}

/**
 * Whether `token` is the fencing token of the live lease (the contract's `isCurrentToken`). See
 * `verifyFencingToken` for the full answer.
 *
 * @example
 * await concord.leases.isCurrentToken({ resourceId: 1n, token: 7n }); // true while lease 7 is live
 */
export async function isCurrentToken(
  client: ConcordClientBase,
  { resourceId, token, ...block }: { resourceId: BigIntish; token: BigIntish } & BlockParameters,
): Promise<boolean> {
  return readLeases(client, "isCurrentToken", [toResourceId(resourceId), toUint256("token", token)], block);
}

/**
 * The raw on-chain `ResourceInfo` of a resource (no name, queue or bookings: use `getResource` for
 * everything).
 *
 * @throws {ContractRefusalError} `ResourceNonexistent`.
 * @example
 * const info = await concord.leases.getResourceInfo({ resourceId: 1n });
 * info.holder; // null when free
 */
export async function getResourceInfo(
  client: ConcordClientBase,
  { resourceId, ...block }: ResourceParameters,
): Promise<ResourceInfo> {
  return toResourceInfo(await readLeases(client, "getResource", [toResourceId(resourceId)], block));
}

/**
 * How many resources were registered; ids run from 1 to this value.
 *
 * @example
 * await concord.leases.resourceCount(); // 3n
 */
export async function resourceCount(client: ConcordClientBase, block: BlockParameters = {}): Promise<bigint> {
  return readLeases(client, "resourceCount", [], block);
}

/**
 * The waiter that may claim the resource now and its window, or null (always null while a lease is
 * live).
 *
 * @example
 * const claimant = await concord.leases.claimantOf({ resourceId: 1n });
 * claimant?.windowEnd; // until when it may claim
 */
export async function claimantOf(
  client: ConcordClientBase,
  { resourceId, ...block }: ResourceParameters,
): Promise<Claimant | null> {
  return toClaimant(await readLeases(client, "claimantOf", [toResourceId(resourceId)], block));
}

/**
 * The waiters whose turn has not passed, first first, with their claim windows.
 *
 * @example
 * const queue = await concord.leases.queueOf({ resourceId: 1n });
 * queue.map((entry) => [entry.account, entry.windowStart, entry.windowEnd]);
 */
export async function queueOf(
  client: ConcordClientBase,
  { resourceId, ...block }: ResourceParameters,
): Promise<QueueEntry[]> {
  return toQueue(await readLeases(client, "queueOf", [toResourceId(resourceId)], block));
}

/**
 * The place of `account` in the queue of a resource (waiters ahead, claim window), or null when it
 * does not wait (never joined, left, claimed, or its turn passed).
 *
 * @example
 * const place = await concord.leases.placeOf({ resourceId: 1n, account });
 * place?.position; // 0: next
 */
export async function placeOf(
  client: ConcordClientBase,
  { resourceId, account, ...block }: { resourceId: BigIntish; account: Address } & BlockParameters,
): Promise<QueuePlace | null> {
  const [queued, position, windowStart, windowEnd] = await readLeases(
    client,
    "placeOf",
    [toResourceId(resourceId), toAddress("account", account, { allowZero: true })],
    block,
  );
  return queued ? { position: Number(position), windowStart, windowEnd } : null;
}

/**
 * One booking.
 *
 * @throws {ContractRefusalError} `ReservationNonexistent` when cancelled or never made.
 * @example
 * const { booker, start, end } = await concord.leases.getReservation({ resourceId: 1n, reservationId: 2n });
 */
export async function getReservation(
  client: ConcordClientBase,
  {
    resourceId,
    reservationId,
    ...block
  }: { resourceId: BigIntish; reservationId: BigIntish } & BlockParameters,
): Promise<Reservation> {
  const raw = await readLeases(
    client,
    "getReservation",
    [toResourceId(resourceId), toReservationId(reservationId)],
    block,
  );
  return toReservations([raw])[0]!;
}

/**
 * One page of bookings in time order, starting at `fromId` (default: the first booking that has not
 * ended). `nextId` is where the next page starts (null: no more).
 *
 * @throws {InvalidInputError} for `max` outside 1..1000.
 * @throws {ContractRefusalError} `ReservationNonexistent` for an unknown `fromId`.
 * @example
 * const { reservations, nextId } = await concord.leases.reservationsOf({ resourceId: 1n, max: 20 });
 * if (nextId) await concord.leases.reservationsOf({ resourceId: 1n, fromId: nextId, max: 20 });
 */
export async function reservationsOf(
  client: ConcordClientBase,
  {
    resourceId,
    fromId = 0n,
    max = 100,
    ...block
  }: { resourceId: BigIntish; fromId?: BigIntish | undefined; max?: number | undefined } & BlockParameters,
): Promise<{ reservations: Reservation[]; nextId: bigint | null }> {
  if (!Number.isInteger(max) || max < 1 || max > 1000) {
    throw new InvalidInputError("max", max, "expected an integer from 1 to 1000");
  }
  const [page, nextId] = await readLeases(
    client,
    "reservationsOf",
    [toResourceId(resourceId), toUint256("fromId", fromId), BigInt(max)],
    block,
  );
  return { reservations: toReservations(page), nextId: nextId === 0n ? null : nextId };
}

/**
 * Every booking that has not ended, in time order (all pages of `reservationsOf`), up to `limit`, every page
 * read at the same block: one request for a list that fits one page of `pageSize`; a longer list at the latest
 * block costs one `eth_getBlockByNumber` and its pages again, pinned to that block.
 *
 * @example
 * const upcoming = await concord.leases.listReservations({ resourceId: 1n });
 */
export async function listReservations(
  client: ConcordClientBase,
  {
    resourceId,
    limit = Number.MAX_SAFE_INTEGER,
    pageSize = 200,
    ...block
  }: { resourceId: BigIntish; limit?: number | undefined; pageSize?: number | undefined } & BlockParameters,
): Promise<Reservation[]> {
  if (!Number.isInteger(limit) || limit < 0) {
    throw new InvalidInputError("limit", limit, "expected a non-negative integer");
  }
  const id = toResourceId(resourceId);
  /** The bookings from the first, every page at `at`; null once more than `maxPages` pages would be needed. */
  const readPages = async (at: ReadAt, maxPages: number): Promise<Reservation[] | null> => {
    const all: Reservation[] = [];
    let fromId: bigint | null = 0n;
    for (let pages = 0; fromId !== null && all.length < limit; pages++) {
      if (pages === maxPages) return null;
      const max = Math.min(pageSize, limit - all.length);
      const page: { reservations: Reservation[]; nextId: bigint | null } = await reservationsOf(client, {
        resourceId: id,
        fromId,
        max,
        ...at,
      });
      all.push(...page.reservations);
      fromId = page.nextId;
    }
    return all;
  };
  // Every page reads the same block, so that a booking made between two pages is neither lost nor doubled. At
  // the latest block, a list of one page needs no number (one request); a longer one is read again from its
  // start with every page pinned to the head's number (a page count cannot be known before the first page).
  const { at } = await pinBlock(client, readAt(block));
  if (pinned(at)) return (await readPages(at, Number.POSITIVE_INFINITY))!;
  const onePage = await readPages(at, 1);
  if (onePage) return onePage;
  const head = await pinBlock(client, { blockTag: "latest" });
  return (await readPages(head.at, Number.POSITIVE_INFINITY))!;
}

/** The booking limits and the cool-down of a resource. */
export type LeaseLimitsOf = {
  /** Live bookings one account may hold (0: no new bookings). */
  maxBookings: number;
  /** How far ahead of now a booking may start, in seconds. */
  maxLeadTime: bigint;
  /** Seconds a revoked holder waits, and between an account's places in the queue. */
  cooldown: bigint;
};

/**
 * The booking limits and the cool-down a steward set for a resource.
 *
 * @example
 * const { maxBookings, maxLeadTime, cooldown } = await concord.leases.limitsOf({ resourceId: 1n });
 */
export async function limitsOf(
  client: ConcordClientBase,
  { resourceId, ...block }: ResourceParameters,
): Promise<LeaseLimitsOf> {
  const [maxBookings, maxLeadTime, cooldown] = await readLeases(
    client,
    "limitsOf",
    [toResourceId(resourceId)],
    block,
  );
  return { maxBookings: Number(maxBookings), maxLeadTime, cooldown };
}

/** Where an account stands with a resource's fairness rules. */
export type LeaseStanding = {
  /** When it may take a place in the queue again (null: now). */
  queueReadyAt: bigint | null;
  /** Until when it is barred after a steward revoked its lease (null: it is not). */
  revokedUntil: bigint | null;
  /** How many of its bookings have not ended. */
  liveBookings: number;
};

/**
 * Whether an account may join the queue now, whether it cools down after a revoke, and how many live
 * bookings it holds: what a screen needs to explain a refusal before it happens.
 *
 * @example
 * const standing = await concord.leases.standingOf({ resourceId: 1n, account });
 * if (standing.revokedUntil) console.log("barred until", standing.revokedUntil);
 */
export async function standingOf(
  client: ConcordClientBase,
  { resourceId, account, ...block }: { resourceId: BigIntish; account: Address } & BlockParameters,
): Promise<LeaseStanding> {
  const [queueReadyAt, revokedUntil, liveBookings] = await readLeases(
    client,
    "standingOf",
    [toResourceId(resourceId), toAddress("account", account, { allowZero: true })],
    block,
  );
  return {
    queueReadyAt: queueReadyAt === 0n ? null : queueReadyAt,
    revokedUntil: revokedUntil === 0n ? null : revokedUntil,
    liveBookings: Number(liveBookings),
  };
}
