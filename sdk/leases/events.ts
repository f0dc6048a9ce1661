/**
 * What ResourceLeases keeps only in events, rebuilt by scanning from the deployment's `startBlock` and
 * completed with one batched read of the current state: resources per owner cell, leases per holder.
 */
import { isAddressEqual } from "viem";
import type { Address } from "viem";

import type { ConcordClientBase } from "../client.ts";
import { cellRegistryAbi, resourceLeasesAbi } from "../generated/abis.ts";
import { pinBlock, pinned, readAt } from "../internal/block.ts";
import type { BlockParameters, ReadAt } from "../internal/block.ts";
import { contractOf } from "../internal/contracts.ts";
import { idCursor, pageOf, toPageLimit } from "../internal/page.ts";
import type { Page, PageParameters } from "../internal/page.ts";
import { readBatch } from "../internal/read.ts";
import { toAddress, toCellId } from "../internal/validate.ts";
import type { BigIntish } from "../internal/validate.ts";
import { accessName } from "./constants.ts";
import { leaseErrorCatalogue } from "./errors.ts";
import { scanTopics } from "./logs.ts";
import { toResourceInfo } from "./reads.ts";
import type { HeldLease, ResourceSummary } from "./types.ts";
import { indexerFor } from "../indexer/switch.ts";

/** What the ResourceRegistered event says about a resource. */
export type ResourceRegistration = {
  name: string;
  ownerCellId: bigint;
  registeredBy: Address;
  registeredBlock: bigint;
};

/**
 * @internal The registrations of resources (by id, or by owner cell), from ResourceRegistered logs.
 *
 * @example
 * const registrations = await fetchRegistrations(client, { resourceIds: [1n] });
 * registrations.get(1n)?.name; // "staging"
 */
export async function fetchRegistrations(
  client: ConcordClientBase,
  filter: { resourceIds?: readonly bigint[] | undefined; ownerCellId?: bigint | undefined } = {},
  at: ReadAt = {},
): Promise<Map<bigint, ResourceRegistration>> {
  const deployment = contractOf(client, "resourceLeases");
  const { toBlock } = await pinBlock(client, at);
  // The indexer serves the head: a read at a block goes to the chain.
  const viaIndexer = pinned(at) ? null : await indexerFor(client);
  if (viaIndexer) return (await import("../indexer/leases.ts")).indexerRegistrations(viaIndexer, filter);
  const logs = await scanTopics(client, {
    address: deployment.address,
    abi: resourceLeasesAbi,
    eventNames: ["ResourceRegistered"],
    topics: [filter.resourceIds, filter.ownerCellId],
    fromBlock: deployment.startBlock,
    toBlock,
  });
  return new Map(logs.map(registrationOf));
}

/** A ResourceRegistered log as the registration it says, keyed by resource id. */
function registrationOf(log: {
  args: { resourceId: bigint; name: string; ownerCellId: bigint; by: Address };
  blockNumber: bigint;
}): [bigint, ResourceRegistration] {
  const { resourceId, name, ownerCellId, by } = log.args;
  return [resourceId, { name, ownerCellId, registeredBy: by, registeredBlock: log.blockNumber }];
}

/** Which resources a list read covers: all, or those of one owner cell; one page of them, at a block. */
export type ResourcesFilterParameters = { ownerCellId?: BigIntish | undefined } & PageParameters &
  BlockParameters;

/** One page of registrations, in id order. */
type RegistrationsPage = { items: [bigint, ResourceRegistration][]; next: string | null };

/**
 * @internal One page of resource registrations in id order (cursor: the last id), through the indexer (one
 * request to `/concord/resources`) or the ResourceRegistered logs up to `toBlock`. Without an owner filter the
 * ids are dense (1..resourceCount, never removed), so the scan asks only for the page's ids (and the one after,
 * to know whether a next page exists); with one, it scans that owner's registrations (an indexed topic).
 *
 * @example
 * const { items, next } = await registrationsPage(client, { limit: 20, after: null }, {}, undefined);
 */
export async function registrationsPage(
  client: ConcordClientBase,
  { ownerCellId, limit, after }: { ownerCellId?: bigint | undefined; limit: number; after: bigint | null },
  at: ReadAt,
  toBlock: bigint | undefined,
): Promise<RegistrationsPage> {
  const deployment = contractOf(client, "resourceLeases");
  const viaIndexer = pinned(at) ? null : await indexerFor(client);
  if (viaIndexer) {
    const { indexerResourcesPage } = await import("../indexer/leases.ts");
    return indexerResourcesPage(viaIndexer, { ownerCellId, limit, cursor: after });
  }
  const first = (after ?? 0n) + 1n;
  const logs = await scanTopics(client, {
    address: deployment.address,
    abi: resourceLeasesAbi,
    eventNames: ["ResourceRegistered"],
    topics: [
      ownerCellId === undefined ? Array.from({ length: limit + 1 }, (_, i) => first + BigInt(i)) : undefined,
      ownerCellId,
    ],
    fromBlock: deployment.startBlock,
    toBlock,
  });
  const ordered = logs.map(registrationOf).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return pageOf(
    ordered,
    { limit, cursor: after === null ? null : after.toString() },
    ([id]) => id.toString(),
    ([id], cursor) => id > BigInt(cursor),
  );
}

/**
 * @internal The checked page and filter of a resources list read, and its block pinned for the scan. Checked
 * before any request, so that bad input is named first.
 */
export function resourcesQuery({ ownerCellId, limit, cursor, ...block }: ResourcesFilterParameters) {
  return {
    ownerCellId: ownerCellId === undefined ? undefined : toCellId(ownerCellId, "ownerCellId"),
    limit: toPageLimit(limit),
    after: idCursor(cursor),
    at: readAt(block),
  };
}

/**
 * One page of the resources (all, or those owned by `ownerCellId`) in id order: name and registrar from the
 * ResourceRegistered events (or the indexer), current policy and lease from ONE batched read of the page's
 * resources only. `next` is the cursor of the following page (the last id, as the indexer API's), null on the
 * last page. For the queue, claimant and bookings of each resource as well, use `getResources`.
 *
 * @throws {InvalidInputError} for a `limit` outside 1..500, a `cursor` that is not a previous page's `next`, or
 * a bad `ownerCellId`.
 * @example
 * const { items, next } = await concord.leases.listResources({ limit: 20 });
 * const more = next ? await concord.leases.listResources({ limit: 20, cursor: next }) : null;
 * const ours = await concord.leases.listResources({ ownerCellId: 2n });
 * ours.items.filter((resource) => resource.holder === null).map((resource) => resource.name); // free ones
 */
export async function listResources(
  client: ConcordClientBase,
  parameters: ResourcesFilterParameters = {},
): Promise<Page<ResourceSummary>> {
  const query = resourcesQuery(parameters);
  // The registrations scanned up to the block, their state read at it.
  const { at, toBlock } = await pinBlock(client, query.at);
  const page = await registrationsPage(client, query, at, toBlock);
  if (page.items.length === 0) return { items: [], next: page.next };
  const { address } = contractOf(client, "resourceLeases");
  const infos = await readBatch(
    client,
    page.items.map(
      ([id]) => ({ address, abi: resourceLeasesAbi, functionName: "getResource", args: [id] }) as const,
    ),
    { contract: "ResourceLeases", functionName: "getResource", at, errors: leaseErrorCatalogue },
  );
  const items = page.items.map(([id, registration], i): ResourceSummary => {
    const info = toResourceInfo(infos[i] as Parameters<typeof toResourceInfo>[0]);
    return {
      id,
      name: registration.name,
      ownerCellId: info.ownerCellId,
      access: info.access,
      accessName: accessName(info.access),
      maxDuration: info.maxDuration,
      claimWindow: info.claimWindow,
      registeredBy: registration.registeredBy,
      registeredBlock: registration.registeredBlock,
      holder: info.holder,
      expiresAt: info.holder ? info.expiresAt : null,
      queueLength: info.queueLength,
      reservationCount: info.reservationCount,
    };
  });
  return { items, next: page.next };
}

/**
 * The leases `account` holds now, one page at a time. The pages walk the resources it was ever granted
 * (LeaseGranted events, or the indexer's `/concord/lease-grants`), by id, `limit` of them per page; the page's
 * items are those whose lease it still holds, read in ONE batch at the block. So a page may hold fewer than
 * `limit` leases (even none) and still have a `next`: follow `next` until it is null to see them all.
 *
 * @throws {InvalidInputError} for a bad `account`, `limit` or `cursor`.
 * @example
 * const { items, next } = await concord.leases.leasesOf({ account: service });
 * items.map((lease) => `${lease.name} until ${lease.expiresAt} (token ${lease.fencingToken})`);
 */
export async function leasesOf(
  client: ConcordClientBase,
  { account, limit, cursor, ...block }: { account: Address } & PageParameters & BlockParameters,
): Promise<Page<HeldLease>> {
  const holder = toAddress("account", account);
  const pageLimit = toPageLimit(limit);
  const after = idCursor(cursor);
  const deployment = contractOf(client, "resourceLeases");
  const { at, toBlock } = await pinBlock(client, readAt(block));
  const granted = await grantedResources(
    client,
    deployment,
    holder,
    { limit: pageLimit, after },
    at,
    toBlock,
  );
  if (granted.items.length === 0) return { items: [], next: granted.next };
  const leases = await readBatch(
    client,
    granted.items.map(
      ({ resourceId }) =>
        ({
          address: deployment.address,
          abi: resourceLeasesAbi,
          functionName: "leaseOf",
          args: [resourceId],
        }) as const,
    ),
    { contract: "ResourceLeases", functionName: "leaseOf", at, errors: leaseErrorCatalogue },
  );
  const held: { resourceId: bigint; expiresAt: bigint; fencingToken: bigint }[] = [];
  granted.items.forEach(({ resourceId }, i) => {
    const [current, expiresAt, fencingToken] = leases[i] as readonly [Address, bigint, bigint];
    if (isAddressEqual(current, holder)) held.push({ resourceId, expiresAt, fencingToken });
  });
  if (held.length === 0) return { items: [], next: granted.next };
  const known = new Map(granted.items.map((grant) => [grant.resourceId, grant.registration]));
  const missing = held.filter((lease) => !known.get(lease.resourceId)).map((lease) => lease.resourceId);
  const registrations: Map<bigint, ResourceRegistration> =
    missing.length === 0 ? new Map() : await fetchRegistrations(client, { resourceIds: missing }, at);
  const items = held.map((lease): HeldLease => {
    const registration = known.get(lease.resourceId) ?? registrations.get(lease.resourceId);
    return { ...lease, name: registration?.name ?? "", ownerCellId: registration?.ownerCellId ?? 0n };
  });
  return { items, next: granted.next };
}

/** One page of the resources an account was ever granted (with their registrations when the source has them). */
type GrantsPage = {
  items: { resourceId: bigint; registration: ResourceRegistration | null }[];
  next: string | null;
};

/**
 * @internal One page of the ids of the resources `holder` was ever granted (LeaseGranted), lowest first: the
 * indexer's `/concord/lease-grants` (one request, with each resource's registration) or the logs up to `toBlock`.
 */
async function grantedResources(
  client: ConcordClientBase,
  deployment: { address: Address; startBlock: bigint },
  holder: Address,
  { limit, after }: { limit: number; after: bigint | null },
  at: ReadAt,
  toBlock: bigint | undefined,
): Promise<GrantsPage> {
  const viaIndexer = pinned(at) ? null : await indexerFor(client);
  if (viaIndexer) {
    const { indexerGrantsPage } = await import("../indexer/leases.ts");
    return indexerGrantsPage(viaIndexer, holder, { limit, cursor: after });
  }
  const grants = await scanTopics(client, {
    address: deployment.address,
    abi: resourceLeasesAbi,
    eventNames: ["LeaseGranted"],
    topics: [undefined, holder],
    fromBlock: deployment.startBlock,
    toBlock,
  });
  const ids = [...new Set(grants.map((log) => log.args.resourceId))].sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  const page = pageOf(
    ids,
    { limit, cursor: after === null ? null : after.toString() },
    (id) => id.toString(),
    (id, cursor) => id > BigInt(cursor),
  );
  return { items: page.items.map((resourceId) => ({ resourceId, registration: null })), next: page.next };
}

/**
 * @internal The cells `account` is a member of now, lowest id first, rebuilt from the registry's
 * RolesChanged events for that account.
 *
 * @example
 * await memberCellsOf(client, alice); // [2n, 5n]
 */
export async function memberCellsOf(client: ConcordClientBase, account: Address): Promise<bigint[]> {
  const logs = await scanTopics(client, {
    address: contractOf(client, "cellRegistry").address,
    abi: cellRegistryAbi,
    eventNames: ["RolesChanged"],
    topics: [undefined, account],
    fromBlock: contractOf(client, "cellRegistry").startBlock,
  });
  const roles = new Map<bigint, number>();
  for (const log of logs) roles.set(log.args.cellId, log.args.newRoles);
  return [...roles.entries()]
    .filter(([, bits]) => (bits & 1) !== 0)
    .map(([cellId]) => cellId)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
