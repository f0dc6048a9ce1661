/**
 * One action per write of `IResourceLeases`. Each validates its inputs (InvalidInputError), then goes
 * through the shared pipeline (`sdk/internal/write.ts`): simulate → send → wait → decode. Each returns
 * `{ hash, receipt, events }` plus what the transaction decided (the resource id, the fencing token, the
 * real expiry, the booking id...).
 *
 * Three things the contract asks of its callers are done here, so that callers never see them:
 * - under policy 1 the `...As` variants name the cell the caller acts for (`cellId`, or the first cell
 *   the caller is a member of);
 * - a booking is sent with the hint of its predecessor (`afterId`), computed from the bookings;
 * - when too many ended bookings lie ahead of the booking cursor, `acquire` and `renew` move the cursor
 *   in the same transaction (`multicall([pruneTo, acquire])`).
 * Each is decided by the simulation, before anything is signed: a refusal of the simulation costs nothing.
 */
import { encodeFunctionData, maxUint256 } from "viem";
import { readContract } from "viem/actions";
import type { Account, Address, Hex } from "viem";

import type { ConcordClientBase } from "../client.ts";
import { ConcordError, ContractRefusalError, InvalidInputError, WalletRequiredError } from "../errors.ts";
import { cellRegistryAbi, resourceLeasesAbi } from "../generated/abis.ts";
import { toCellId, toTimestamp, toUint256 } from "../internal/validate.ts";
import type { BigIntish, Timestamp } from "../internal/validate.ts";
import { definePrepare, defineWrite, executeWrite, preparedSender } from "../internal/write.ts";
import { leaseErrorCatalogue } from "./errors.ts";
import type { WriteOptions, WriteResult } from "../internal/write.ts";
import {
  Access,
  leaseLimits,
  toAccess,
  toDuration,
  toReservationId,
  toResourceId,
  toSpan,
} from "./constants.ts";
import type { AccessName, AccessValue } from "./constants.ts";
import { memberCellsOf } from "./events.ts";
import { scanTopics } from "./logs.ts";
import {
  getResourceInfo,
  leasesDeployment,
  leasesTarget,
  limitsOf,
  placeOf,
  reservationsOf,
} from "./reads.ts";
import type { QueuePlace } from "./types.ts";

type LeasesAbi = typeof resourceLeasesAbi;

/** The result of a ResourceLeases write: hash, receipt and the events it emitted. */
export type LeaseWriteResult = WriteResult<LeasesAbi>;

/** Default claim window of `registerResource`, in seconds. */
const DEFAULT_CLAIM_WINDOW = 300n;

/**
 * @internal The address a write is sent from (the `account` option, or the wallet client's account).
 *
 * @example
 * const me = senderOf(client, options, "acquire");
 */
export function senderOf(
  client: ConcordClientBase,
  options: { account?: Account | Address | undefined },
  action: string,
): Address {
  const account = preparedSender(options) ?? options.account ?? client.walletClient?.account;
  if (!account) {
    throw new WalletRequiredError(
      action,
      client.walletClient ? "the wallet client has no account" : "the Concord client has no wallet client",
    );
  }
  return typeof account === "string" ? account : account.address;
}

/** @internal The event `name` of a write, or a ConcordError (its absence would be a contract bug). */
function eventOf<const name extends LeaseWriteResult["events"][number]["eventName"]>(
  result: LeaseWriteResult,
  name: name,
): Extract<LeaseWriteResult["events"][number], { eventName: name }> {
  const event = result.events.find((e) => e.eventName === name);
  if (!event) throw new ConcordError(`Transaction ${result.hash} emitted no ${name} event.`);
  return event as Extract<LeaseWriteResult["events"][number], { eventName: name }>;
}

/** @internal Whether `error` is a simulated refusal named `errorName` (nothing was sent). */
function refused(error: unknown, errorName: string): error is ContractRefusalError {
  return error instanceof ContractRefusalError && error.errorName === errorName;
}

/**
 * @internal The cell the caller acts for under policy 1 when it names none: among the cells it is a member
 * of (from the registry's RolesChanged events), the resource's owner cell, else the first one the DAO
 * vouches for (recognised by governance, or inside the owner cell), else the lowest-numbered one (the
 * contract then says why it does not qualify), or undefined.
 */
async function defaultCell(
  client: ConcordClientBase,
  account: Address,
  resourceId: bigint,
): Promise<bigint | undefined> {
  const cells = await memberCellsOf(client, account);
  if (cells.length <= 1) return cells[0];
  const { ownerCellId } = await getResourceInfo(client, { resourceId });
  if (cells.includes(ownerCellId)) return ownerCellId;
  const registry = { address: client.addresses.cellRegistry, abi: cellRegistryAbi } as const;
  for (const cell of cells) {
    if (
      await readContract(client.publicClient, { ...registry, functionName: "isRecognised", args: [cell] })
    ) {
      return cell;
    }
    // Inside the owner cell: walk up at most the registry's depth limit (8).
    let up = cell;
    for (let depth = 0; depth < 8 && up !== 0n; depth++) {
      up = await readContract(client.publicClient, { ...registry, functionName: "parentOf", args: [up] });
      if (up === ownerCellId) return cell;
    }
  }
  return cells[0];
}

/**
 * @internal The call that moves the booking cursor of `resourceId` past every ended booking: `pruneTo`
 * the first booking that has not ended (O(1)), or `prune` through the rest when none is left.
 */
async function pruneCall(
  client: ConcordClientBase,
  resourceId: bigint,
): Promise<{ data: Hex; to: bigint | null }> {
  const { reservations } = await reservationsOf(client, { resourceId, max: 1 });
  const first = reservations[0];
  return first
    ? {
        data: encodeFunctionData({
          abi: resourceLeasesAbi,
          functionName: "pruneTo",
          args: [resourceId, first.id],
        }),
        to: first.id,
      }
    : {
        data: encodeFunctionData({
          abi: resourceLeasesAbi,
          functionName: "prune",
          args: [resourceId, maxUint256],
        }),
        to: null,
      };
}

// ─────────────────────────────────────────────────────────────── resources

/** Parameters of {@link registerResource}. */
export type RegisterResourceParameters = WriteOptions & {
  /** The cell that owns the resource: the sender must steward it (or an ancestor). */
  ownerCellId: BigIntish;
  /** The resource's name (stored in the ResourceRegistered event only). Must not be empty. */
  name: string;
  /** Longest lease and longest booking, in seconds (1..2^32-1). */
  maxDuration: BigIntish;
  /** Who may lease it: 0 members of the owner cell (default), 1 members of any cell, 2 anyone. */
  access?: AccessValue | AccessName | number | undefined;
  /** Seconds each waiter has to claim the resource when its turn comes (1..2^32-1; default 300). */
  claimWindow?: BigIntish | undefined;
};

/**
 * A steward of `ownerCellId` registers a shared resource.
 *
 * @returns the new `resourceId`, decoded from the ResourceRegistered event.
 * @throws {InvalidInputError} for an empty name, a policy outside 0..2, a span outside 1..2^32-1.
 * @throws {ContractRefusalError} `ResourceNotSteward`.
 * @example
 * import { Access } from "@concord-dao/sdk";
 *
 * const { resourceId } = await concord.leases.registerResource({
 *   ownerCellId: 2n,
 *   name: "staging environment",
 *   maxDuration: 3600,
 *   access: Access.ANY_MEMBERS,
 *   claimWindow: 300,
 * });
 */
export const registerResource = /* @__PURE__ */ defineWrite(async function registerResource(
  client: ConcordClientBase,
  parameters: RegisterResourceParameters,
): Promise<LeaseWriteResult & { resourceId: bigint; ownerCellId: bigint }> {
  const {
    ownerCellId,
    name,
    maxDuration,
    access = Access.OWNER_MEMBERS,
    claimWindow,
    ...options
  } = parameters;
  const owner = toCellId(ownerCellId, "ownerCellId");
  if (typeof name !== "string" || name.trim().length === 0) {
    throw new InvalidInputError("name", name, "a resource needs a non-empty name");
  }
  const policy = toAccess(access);
  const max = toSpan("maxDuration", maxDuration);
  const window = toSpan("claimWindow", claimWindow ?? DEFAULT_CLAIM_WINDOW);
  const result = await executeWrite(
    client,
    { ...leasesTarget(client), functionName: "registerResource", args: [owner, name, max, policy, window] },
    options,
  );
  const registered = eventOf(result, "ResourceRegistered");
  return { ...result, resourceId: registered.args.resourceId, ownerCellId: registered.args.ownerCellId };
}, leaseErrorCatalogue);

/**
 * {@link registerResource} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareRegisterResource(concord, { ...parameters, sender: safeAddress });
 */
export const prepareRegisterResource = /* @__PURE__ */ definePrepare(registerResource);

/** Parameters of {@link setResourcePolicy}. Omitted fields keep their current value. */
export type SetResourcePolicyParameters = WriteOptions & {
  resourceId: BigIntish;
  access?: AccessValue | AccessName | number | undefined;
  maxDuration?: BigIntish | undefined;
  claimWindow?: BigIntish | undefined;
};

/**
 * A steward of the owner cell changes the policy of a resource; omitted fields keep their current value
 * (read first). A new claim window applies to the waiters at once (while no lease is live, the claimant's
 * turn starts again with it, so nobody loses a turn). Live leases and bookings keep their times.
 *
 * @throws {InvalidInputError} for a policy outside 0..2 or a span outside 1..2^32-1.
 * @throws {ContractRefusalError} `ResourceNotSteward`, `ResourceNonexistent`, `ResourceInvalidClaimWindow`.
 * @example
 * await concord.leases.setResourcePolicy({ resourceId, access: "anyone" });
 */
export const setResourcePolicy = /* @__PURE__ */ defineWrite(async function setResourcePolicy(
  client: ConcordClientBase,
  parameters: SetResourcePolicyParameters,
): Promise<LeaseWriteResult & { access: AccessValue; maxDuration: bigint; claimWindow: bigint }> {
  const { resourceId, access, maxDuration, claimWindow, ...options } = parameters;
  const id = toResourceId(resourceId);
  let policy = access === undefined ? undefined : toAccess(access);
  let max = maxDuration === undefined ? undefined : toSpan("maxDuration", maxDuration);
  let window = claimWindow === undefined ? undefined : toSpan("claimWindow", claimWindow);
  if (policy === undefined || max === undefined || window === undefined) {
    const current = await getResourceInfo(client, { resourceId: id });
    policy ??= current.access;
    max ??= current.maxDuration;
    window ??= current.claimWindow;
  }
  const result = await executeWrite(
    client,
    { ...leasesTarget(client), functionName: "setPolicy", args: [id, policy, max, window] },
    options,
  );
  return { ...result, access: policy, maxDuration: max, claimWindow: window };
}, leaseErrorCatalogue);

/**
 * {@link setResourcePolicy} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareSetResourcePolicy(concord, { ...parameters, sender: safeAddress });
 */
export const prepareSetResourcePolicy = /* @__PURE__ */ definePrepare(setResourcePolicy);

// ─────────────────────────────────────────────────────────────── leases

/** Parameters of {@link acquireLease}. */
export type AcquireLeaseParameters = WriteOptions & {
  resourceId: BigIntish;
  /** Seconds (1..the resource's maximum). The lease may end earlier: before the next booking. */
  duration: BigIntish;
  /**
   * The cell the caller acts for, checked under policy 1 (members of any cell): given, `acquireAs` is
   * called (under policies 0 and 2 the contract ignores the cell). Default: `acquire`, and when the
   * contract answers `ResourceCellRequired` (policy 1), `acquireAs` with the first cell (lowest id) the
   * caller is a member of, found from the registry's RolesChanged events.
   */
  cellId?: BigIntish | undefined;
};

/** What {@link acquireLease} decided. */
export type AcquireLeaseReturnType = LeaseWriteResult & {
  resourceId: bigint;
  holder: Address;
  /** Strictly greater than every token issued before on this resource. */
  fencingToken: bigint;
  /** The real expiry: `now + duration`, or earlier when another booking starts before. */
  expiresAt: bigint;
  /** The cell named to the contract (`acquireAs`), or null (`acquire`). */
  cellId: bigint | null;
  /** True when ended bookings were pruned in the same transaction. */
  pruned: boolean;
};

/**
 * Takes an exclusive lease on a resource and returns its fencing token. Refused while another account
 * holds it (`ResourceBusy`, with the holder and the expiry), during another account's booking
 * (`ReservationActive`) and during a waiter's claim window (`QueueClaimWindow`); the waiter whose turn
 * it is claims with this call.
 *
 * Under policy 1 the SDK calls `acquireAs` with `cellId`, or with the first cell the caller is a member
 * of when the contract asks for a cell. When too many ended bookings lie ahead, it sends
 * `multicall([pruneTo, acquire])`.
 *
 * @throws {InvalidInputError} for a zero duration or malformed ids.
 * @throws {ContractRefusalError} `ResourceBusy`, `QueueClaimWindow`, `ReservationActive`,
 * `ResourceAccessDenied`, `ResourceCellRequired`, `LeaseInvalidDuration`, `ResourceNonexistent`.
 * @example
 * const { fencingToken, expiresAt } = await concord.leases.acquireLease({ resourceId: 1n, duration: 600 });
 * await deploy({ fencingToken }); // the service behind the resource checks the token
 * await concord.leases.releaseLease({ resourceId: 1n });
 */
export const acquireLease = /* @__PURE__ */ defineWrite(async function acquireLease(
  client: ConcordClientBase,
  parameters: AcquireLeaseParameters,
): Promise<AcquireLeaseReturnType> {
  const { resourceId, duration, cellId, ...options } = parameters;
  const id = toResourceId(resourceId);
  const seconds = toDuration(duration);
  let cell = cellId === undefined ? undefined : toCellId(cellId);
  let prune: { data: Hex; to: bigint | null } | undefined;
  for (let attempt = 0; ; attempt++) {
    try {
      let result: LeaseWriteResult;
      if (prune) {
        const call =
          cell === undefined
            ? encodeFunctionData({ abi: resourceLeasesAbi, functionName: "acquire", args: [id, seconds] })
            : encodeFunctionData({
                abi: resourceLeasesAbi,
                functionName: "acquireAs",
                args: [id, seconds, cell],
              });
        result = await executeWrite(
          client,
          { ...leasesTarget(client), functionName: "multicall", args: [[prune.data, call]] },
          options,
        );
      } else if (cell === undefined) {
        result = await executeWrite(
          client,
          { ...leasesTarget(client), functionName: "acquire", args: [id, seconds] },
          options,
        );
      } else {
        result = await executeWrite(
          client,
          { ...leasesTarget(client), functionName: "acquireAs", args: [id, seconds, cell] },
          options,
        );
      }
      const granted = eventOf(result, "LeaseGranted");
      return {
        ...result,
        resourceId: id,
        holder: granted.args.holder,
        fencingToken: granted.args.fencingToken,
        expiresAt: granted.args.expiresAt,
        cellId: cell ?? null,
        pruned: prune !== undefined,
      };
    } catch (error) {
      if (attempt >= 2) throw error;
      if (refused(error, "ResourceCellRequired") && cell === undefined) {
        cell = await defaultCell(client, senderOf(client, options, "acquire"), id);
        if (cell === undefined) throw error;
      } else if (refused(error, "ReservationPruneRequired") && !prune) {
        prune = await pruneCall(client, id);
      } else throw error;
    }
  }
}, leaseErrorCatalogue);

/**
 * {@link acquireLease} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareAcquireLease(concord, { ...parameters, sender: safeAddress });
 */
export const prepareAcquireLease = /* @__PURE__ */ definePrepare(acquireLease);

/** Parameters of {@link renewLease}. */
export type RenewLeaseParameters = WriteOptions & {
  resourceId: BigIntish;
  /** The lease then ends `duration` seconds from now (capped before the next booking). */
  duration: BigIntish;
};

/**
 * The holder extends its live lease to `now + duration` (capped like `acquire`); refused while anyone
 * waits (`LeaseRenewContended`), so nobody holds a contended resource forever. The fencing token stays.
 *
 * @throws {ContractRefusalError} `LeaseNotHolder`, `LeaseRenewContended`, `LeaseInvalidDuration`.
 * @example
 * const { expiresAt } = await concord.leases.renewLease({ resourceId: 1n, duration: 600 }); // keep-alive
 */
export const renewLease = /* @__PURE__ */ defineWrite(async function renewLease(
  client: ConcordClientBase,
  parameters: RenewLeaseParameters,
): Promise<LeaseWriteResult & { fencingToken: bigint; expiresAt: bigint; pruned: boolean }> {
  const { resourceId, duration, ...options } = parameters;
  const id = toResourceId(resourceId);
  const seconds = toDuration(duration);
  let prune: { data: Hex; to: bigint | null } | undefined;
  for (;;) {
    try {
      const result = prune
        ? await executeWrite(
            client,
            {
              ...leasesTarget(client),
              functionName: "multicall",
              args: [
                [
                  prune.data,
                  encodeFunctionData({ abi: resourceLeasesAbi, functionName: "renew", args: [id, seconds] }),
                ],
              ],
            },
            options,
          )
        : await executeWrite(
            client,
            { ...leasesTarget(client), functionName: "renew", args: [id, seconds] },
            options,
          );
      const renewed = eventOf(result, "LeaseRenewed");
      return {
        ...result,
        fencingToken: renewed.args.fencingToken,
        expiresAt: renewed.args.expiresAt,
        pruned: prune !== undefined,
      };
    } catch (error) {
      if (!refused(error, "ReservationPruneRequired") || prune) throw error;
      prune = await pruneCall(client, id);
    }
  }
}, leaseErrorCatalogue);

/**
 * {@link renewLease} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareRenewLease(concord, { ...parameters, sender: safeAddress });
 */
export const prepareRenewLease = /* @__PURE__ */ definePrepare(renewLease);

/** Parameters naming a resource, for the sender's own actions. */
export type ResourceWriteParameters = WriteOptions & { resourceId: BigIntish };

/**
 * The holder ends its lease now. The next waiter's claim window starts at once.
 *
 * @throws {ContractRefusalError} `LeaseNotHolder` (with the real holder, or none).
 * @example
 * await concord.leases.releaseLease({ resourceId: 1n });
 */
export const releaseLease = /* @__PURE__ */ defineWrite(async function releaseLease(
  client: ConcordClientBase,
  parameters: ResourceWriteParameters,
): Promise<LeaseWriteResult & { fencingToken: bigint }> {
  const { resourceId, ...options } = parameters;
  const result = await executeWrite(
    client,
    { ...leasesTarget(client), functionName: "release", args: [toResourceId(resourceId)] },
    options,
  );
  return { ...result, fencingToken: eventOf(result, "LeaseReleased").args.fencingToken };
}, leaseErrorCatalogue);

/**
 * {@link releaseLease} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareReleaseLease(concord, { ...parameters, sender: safeAddress });
 */
export const prepareReleaseLease = /* @__PURE__ */ definePrepare(releaseLease);

/**
 * Emergency stop: a steward of the owner cell (or of an ancestor) ends the live lease now. Recorded as
 * a LeaseRevoked event naming the steward.
 *
 * @throws {ContractRefusalError} `ResourceNotSteward`, `LeaseNotActive`, `ResourceNonexistent`.
 * @example
 * const { holder, fencingToken } = await concord.leases.revokeLease({ resourceId: 1n });
 */
export const revokeLease = /* @__PURE__ */ defineWrite(async function revokeLease(
  client: ConcordClientBase,
  parameters: ResourceWriteParameters,
): Promise<LeaseWriteResult & { holder: Address; fencingToken: bigint }> {
  const { resourceId, ...options } = parameters;
  const result = await executeWrite(
    client,
    { ...leasesTarget(client), functionName: "revoke", args: [toResourceId(resourceId)] },
    options,
  );
  const revoked = eventOf(result, "LeaseRevoked");
  return { ...result, holder: revoked.args.holder, fencingToken: revoked.args.fencingToken };
}, leaseErrorCatalogue);

/**
 * {@link revokeLease} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareRevokeLease(concord, { ...parameters, sender: safeAddress });
 */
export const prepareRevokeLease = /* @__PURE__ */ definePrepare(revokeLease);

// ─────────────────────────────────────────────────────────────── queue

/** Parameters of {@link enqueueForLease}. */
export type EnqueueForLeaseParameters = WriteOptions & {
  resourceId: BigIntish;
  /** The cell the caller acts for under policy 1 (default: the first cell it is a member of). */
  cellId?: BigIntish | undefined;
};

/**
 * Joins the queue of a resource that is held or being claimed. When the lease ends, each waiter in turn
 * has the claim window to itself and claims with `acquire`; a sleeper's turn passes by time alone.
 *
 * @returns the place number and the caller's position and (estimated) claim window.
 * @throws {ContractRefusalError} `QueueResourceFree`, `QueueAlreadyQueued`, `QueueAlreadyHolder`,
 * `QueueFull`, `ResourceAccessDenied`.
 * @example
 * const { position, windowStart, windowEnd } = await concord.leases.enqueueForLease({ resourceId: 1n });
 */
export const enqueueForLease = /* @__PURE__ */ defineWrite(async function enqueueForLease(
  client: ConcordClientBase,
  parameters: EnqueueForLeaseParameters,
): Promise<LeaseWriteResult & { place: bigint; cellId: bigint | null } & QueuePlace> {
  const { resourceId, cellId, ...options } = parameters;
  const id = toResourceId(resourceId);
  let cell = cellId === undefined ? undefined : toCellId(cellId);
  for (;;) {
    try {
      const result =
        cell === undefined
          ? await executeWrite(
              client,
              { ...leasesTarget(client), functionName: "enqueue", args: [id] },
              options,
            )
          : await executeWrite(
              client,
              { ...leasesTarget(client), functionName: "enqueueAs", args: [id, cell] },
              options,
            );
      const joined = eventOf(result, "QueueJoined");
      const place = await placeOf(client, { resourceId: id, account: joined.args.account });
      return {
        ...result,
        place: joined.args.place,
        cellId: cell ?? null,
        position: place?.position ?? 0,
        windowStart: place?.windowStart ?? 0n,
        windowEnd: place?.windowEnd ?? 0n,
      };
    } catch (error) {
      if (!refused(error, "ResourceCellRequired") || cell !== undefined) throw error;
      cell = await defaultCell(client, senderOf(client, options, "enqueue"), id);
      if (cell === undefined) throw error;
    }
  }
}, leaseErrorCatalogue);

/**
 * {@link enqueueForLease} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareEnqueueForLease(concord, { ...parameters, sender: safeAddress });
 */
export const prepareEnqueueForLease = /* @__PURE__ */ definePrepare(enqueueForLease);

/**
 * Gives up the caller's place in the queue. The waiter behind inherits its time: its window starts
 * earlier and ends as before.
 *
 * @throws {ContractRefusalError} `QueueNotQueued`.
 * @example
 * await concord.leases.leaveLeaseQueue({ resourceId: 1n });
 */
export const leaveLeaseQueue = /* @__PURE__ */ defineWrite(async function leaveLeaseQueue(
  client: ConcordClientBase,
  parameters: ResourceWriteParameters,
): Promise<LeaseWriteResult & { place: bigint }> {
  const { resourceId, ...options } = parameters;
  const result = await executeWrite(
    client,
    { ...leasesTarget(client), functionName: "leaveQueue", args: [toResourceId(resourceId)] },
    options,
  );
  return { ...result, place: eventOf(result, "QueueLeft").args.place };
}, leaseErrorCatalogue);

/**
 * {@link leaveLeaseQueue} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareLeaveLeaseQueue(concord, { ...parameters, sender: safeAddress });
 */
export const prepareLeaveLeaseQueue = /* @__PURE__ */ definePrepare(leaveLeaseQueue);

// ─────────────────────────────────────────────────────────────── reservations

/** Parameters of {@link reserveResource}: `[start, end)`, or `start` and `duration`. */
export type ReserveResourceParameters = WriteOptions & {
  resourceId: BigIntish;
  /** When the booking starts: Unix seconds or a Date, not before the chain's time. */
  start: Timestamp;
  /** When it ends (exclusive). Give `end` or `duration`. */
  end?: Timestamp | undefined;
  /** Its length in seconds (at most the resource's maximum). Give `end` or `duration`. */
  duration?: BigIntish | undefined;
  /** The cell the caller acts for under policy 1 (default: the first cell it is a member of). */
  cellId?: BigIntish | undefined;
};

/**
 * @internal The booking that precedes `[start, end)` in the time order of the resource's bookings
 * (0n: none), as the hinted `reserve` wants it. The bookings that have not ended are read in pages;
 * when the new booking comes before all of them, its predecessor is the last ended booking, found from
 * the ReservationMade/ReservationCancelled events (the cursor may still point at an ended booking, so 0
 * would not always do).
 */
export async function reservationHint(
  client: ConcordClientBase,
  resourceId: bigint,
  start: bigint,
): Promise<bigint> {
  let fromId: bigint | null = 0n;
  let predecessor: bigint | null = null;
  pages: while (fromId !== null) {
    const page: Awaited<ReturnType<typeof reservationsOf>> = await reservationsOf(client, {
      resourceId,
      fromId,
      max: 200,
    });
    for (const booking of page.reservations) {
      // Ordered by start and by end: the first booking that ends after `start` is the successor (or
      // overlaps, which the contract then reports with the conflicting booking).
      if (booking.end > start) break pages;
      predecessor = booking.id;
    }
    fromId = page.nextId;
  }
  if (predecessor !== null) return predecessor;
  const deployment = leasesDeployment(client);
  const logs = await scanTopics(client, {
    address: deployment.address,
    abi: resourceLeasesAbi,
    eventNames: ["ReservationMade", "ReservationCancelled"],
    topics: [resourceId],
    fromBlock: deployment.startBlock,
  });
  const live = new Map<bigint, { start: bigint; end: bigint }>();
  for (const log of logs) {
    if (log.eventName === "ReservationMade") {
      live.set(log.args.reservationId, { start: log.args.start, end: log.args.end });
    } else live.delete(log.args.reservationId);
  }
  let best: { id: bigint; start: bigint } | null = null;
  for (const [id, booking] of live) {
    if (booking.end <= start && (best === null || booking.start > best.start))
      best = { id, start: booking.start };
  }
  return best?.id ?? 0n;
}

/**
 * Books `[start, end)` on a resource: during that window only the caller may acquire it, and no other
 * lease runs into it. The SDK computes the booking's place (the `afterId` hint) from the bookings, so
 * the contract verifies it in O(1) however many bookings exist; under policy 1 it calls `reserveAs`.
 *
 * @throws {InvalidInputError} without `end` or `duration`, with both, or when `end <= start`.
 * @throws {ContractRefusalError} `ReservationConflict` (with the conflicting booking),
 * `ReservationLeaseConflict`, `ReservationInPast`, `ReservationInvalidWindow`, `ResourceAccessDenied`.
 * @example
 * const start = BigInt(Math.floor(Date.now() / 1000)) + 3600n;
 * const { reservationId } = await concord.leases.reserveResource({ resourceId: 1n, start, duration: 1800 });
 */
export const reserveResource = /* @__PURE__ */ defineWrite(async function reserveResource(
  client: ConcordClientBase,
  parameters: ReserveResourceParameters,
): Promise<LeaseWriteResult & { reservationId: bigint; start: bigint; end: bigint; afterId: bigint }> {
  const { resourceId, start, end, duration, cellId, ...options } = parameters;
  const id = toResourceId(resourceId);
  const from = toTimestamp("start", start);
  if ((end === undefined) === (duration === undefined)) {
    throw new InvalidInputError("end", end, "give either `end` or `duration`");
  }
  const to = end !== undefined ? toTimestamp("end", end) : from + toDuration(duration!, "duration");
  if (to <= from) throw new InvalidInputError("end", end, "a booking ends after it starts");
  if (to >= 2n ** 64n)
    throw new InvalidInputError("duration", duration, "the booking would end after 2^64 - 1");
  let cell = cellId === undefined ? undefined : toCellId(cellId);
  let staleHints = 0;
  for (;;) {
    const afterId = await reservationHint(client, id, from);
    try {
      const result =
        cell === undefined
          ? await executeWrite(
              client,
              { ...leasesTarget(client), functionName: "reserve", args: [id, from, to, afterId] },
              options,
            )
          : await executeWrite(
              client,
              { ...leasesTarget(client), functionName: "reserveAs", args: [id, from, to, afterId, cell] },
              options,
            );
      const made = eventOf(result, "ReservationMade");
      return { ...result, reservationId: made.args.reservationId, start: from, end: to, afterId };
    } catch (error) {
      if (refused(error, "ResourceCellRequired") && cell === undefined) {
        cell = await defaultCell(client, senderOf(client, options, "reserve"), id);
        if (cell === undefined) throw error;
      } else if (refused(error, "ReservationInvalidHint") && staleHints++ < 2) {
        // The bookings changed between the read and the simulation: read them again.
      } else throw error;
    }
  }
}, leaseErrorCatalogue);

/**
 * {@link reserveResource} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareReserveResource(concord, { ...parameters, sender: safeAddress });
 */
export const prepareReserveResource = /* @__PURE__ */ definePrepare(reserveResource);

/** Parameters of {@link cancelReservation}. */
export type CancelReservationParameters = WriteOptions & { resourceId: BigIntish; reservationId: BigIntish };

/**
 * The booker, or a steward of the owner cell, cancels a booking that has not ended.
 *
 * @throws {ContractRefusalError} `ReservationNonexistent`, `ReservationNotBooker`, `ReservationEnded`.
 * @example
 * await concord.leases.cancelReservation({ resourceId: 1n, reservationId: 4n });
 */
export const cancelReservation = /* @__PURE__ */ defineWrite(async function cancelReservation(
  client: ConcordClientBase,
  parameters: CancelReservationParameters,
): Promise<LeaseWriteResult & { reservationId: bigint }> {
  const { resourceId, reservationId, ...options } = parameters;
  const bookingId = toReservationId(reservationId);
  const result = await executeWrite(
    client,
    {
      ...leasesTarget(client),
      functionName: "cancelReservation",
      args: [toResourceId(resourceId), bookingId],
    },
    options,
  );
  return { ...result, reservationId: bookingId };
}, leaseErrorCatalogue);

/**
 * {@link cancelReservation} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareCancelReservation(concord, { ...parameters, sender: safeAddress });
 */
export const prepareCancelReservation = /* @__PURE__ */ definePrepare(cancelReservation);

/** Parameters of {@link pruneReservations}. */
export type PruneReservationsParameters = WriteOptions & {
  resourceId: BigIntish;
  /** Move the cursor past at most this many ended bookings. Default: straight to the first booking that has not ended. */
  maxSteps?: BigIntish | undefined;
};

/**
 * Moves the booking cursor of a resource past ended bookings (anyone may; `acquire` and `renew` do it
 * by themselves when needed). Without `maxSteps`: `pruneTo` the first booking that has not ended, in
 * O(1), or through the remaining ended bookings when none is left.
 *
 * @returns `to`: the booking the cursor was moved to with `pruneTo`, or null.
 * @throws {ContractRefusalError} `ResourceNonexistent`.
 * @example
 * await concord.leases.pruneReservations({ resourceId: 1n });
 */
export const pruneReservations = /* @__PURE__ */ defineWrite(async function pruneReservations(
  client: ConcordClientBase,
  parameters: PruneReservationsParameters,
): Promise<LeaseWriteResult & { to: bigint | null }> {
  const { resourceId, maxSteps, ...options } = parameters;
  const id = toResourceId(resourceId);
  if (maxSteps !== undefined) {
    const result = await executeWrite(
      client,
      { ...leasesTarget(client), functionName: "prune", args: [id, toUint256("maxSteps", maxSteps)] },
      options,
    );
    return { ...result, to: null };
  }
  const { reservations } = await reservationsOf(client, { resourceId: id, max: 1 });
  const first = reservations[0];
  const result = first
    ? await executeWrite(
        client,
        { ...leasesTarget(client), functionName: "pruneTo", args: [id, first.id] },
        options,
      )
    : await executeWrite(
        client,
        { ...leasesTarget(client), functionName: "prune", args: [id, maxUint256] },
        options,
      );
  return { ...result, to: first?.id ?? null };
}, leaseErrorCatalogue);

/**
 * {@link pruneReservations} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await preparePruneReservations(concord, { ...parameters, sender: safeAddress });
 */
export const preparePruneReservations = /* @__PURE__ */ definePrepare(pruneReservations);

/** Parameters of {@link setResourceLimits}. Omitted fields keep their current value. */
export type SetResourceLimitsParameters = WriteOptions & {
  resourceId: BigIntish;
  /** Live bookings one account may hold, 0..6 (0: no new bookings). */
  maxBookings?: number | bigint | undefined;
  /** How far ahead a booking may start, 0..366 days in seconds. */
  maxLeadTime?: BigIntish | undefined;
  /** After a revoke, and between an account's places in the queue: 0..7 days in seconds. */
  cooldown?: BigIntish | undefined;
};

/**
 * A steward of the owner cell sets the booking limits and the cool-down of a resource; omitted fields
 * keep their current value (read first). Defaults at registration: 2 bookings, 30 days, 1 hour.
 *
 * @throws {InvalidInputError} for a value outside its bounds (see {@link leaseLimits}).
 * @throws {ContractRefusalError} `ResourceNotSteward`, `ResourceNonexistent`.
 * @example
 * await concord.leases.setResourceLimits({ resourceId, maxBookings: 1, cooldown: 2 * 3600 });
 */
export const setResourceLimits = /* @__PURE__ */ defineWrite(async function setResourceLimits(
  client: ConcordClientBase,
  parameters: SetResourceLimitsParameters,
): Promise<LeaseWriteResult & { maxBookings: number; maxLeadTime: bigint; cooldown: bigint }> {
  const { resourceId, maxBookings, maxLeadTime, cooldown, ...options } = parameters;
  const id = toResourceId(resourceId);
  let bookings =
    maxBookings === undefined
      ? undefined
      : Number(toUint256("maxBookings", maxBookings, BigInt(leaseLimits.MAX_BOOKINGS_LIMIT)));
  let lead =
    maxLeadTime === undefined
      ? undefined
      : toUint256("maxLeadTime", maxLeadTime, BigInt(leaseLimits.MAX_LEAD_TIME));
  let cool =
    cooldown === undefined ? undefined : toUint256("cooldown", cooldown, BigInt(leaseLimits.MAX_COOLDOWN));
  if (bookings === undefined || lead === undefined || cool === undefined) {
    const current = await limitsOf(client, { resourceId: id });
    bookings ??= current.maxBookings;
    lead ??= current.maxLeadTime;
    cool ??= current.cooldown;
  }
  const result = await executeWrite(
    client,
    { ...leasesTarget(client), functionName: "setLimits", args: [id, bookings, lead, cool] },
    options,
  );
  return { ...result, maxBookings: bookings, maxLeadTime: lead, cooldown: cool };
}, leaseErrorCatalogue);

/**
 * {@link setResourceLimits} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareSetResourceLimits(concord, { ...parameters, sender: safeAddress });
 */
export const prepareSetResourceLimits = /* @__PURE__ */ definePrepare(setResourceLimits);
