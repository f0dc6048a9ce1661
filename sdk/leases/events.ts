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
  const registrations = new Map<bigint, ResourceRegistration>();
  for (const log of logs) {
    registrations.set(log.args.resourceId, {
      name: log.args.name,
      ownerCellId: log.args.ownerCellId,
      registeredBy: log.args.by,
      registeredBlock: log.blockNumber,
    });
  }
  return registrations;
}

/**
 * Every resource (or those owned by `ownerCellId`), in registration order: name and registrar from
 * the ResourceRegistered events, current policy and lease from one batched read.
 *
 * @example
 * const all = await concord.leases.listResources();
 * const ours = await concord.leases.listResources({ ownerCellId: 2n });
 * ours.filter((resource) => resource.holder === null).map((resource) => resource.name); // free ones
 */
export async function listResources(
  client: ConcordClientBase,
  { ownerCellId, ...block }: { ownerCellId?: BigIntish | undefined } & BlockParameters = {},
): Promise<ResourceSummary[]> {
  const owner = ownerCellId === undefined ? undefined : toCellId(ownerCellId, "ownerCellId");
  // The registrations scanned up to the block, their state read at it.
  const { at } = await pinBlock(client, readAt(block));
  const registrations = await fetchRegistrations(client, { ownerCellId: owner }, at);
  const ids = [...registrations.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const { address } = contractOf(client, "resourceLeases");
  const infos = await readBatch(
    client,
    ids.map((id) => ({ address, abi: resourceLeasesAbi, functionName: "getResource", args: [id] }) as const),
    { contract: "ResourceLeases", functionName: "getResource", at, errors: leaseErrorCatalogue },
  );
  return ids.map((id, i) => {
    const registration = registrations.get(id)!;
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
}

/**
 * The resources `account` holds now (live leases), by resource id: the resources it was ever granted
 * are found from LeaseGranted events, then their current leases are read in one batch.
 *
 * @example
 * const held = await concord.leases.leasesOf({ account: service });
 * held.map((lease) => `${lease.name} until ${lease.expiresAt} (token ${lease.fencingToken})`);
 */
export async function leasesOf(
  client: ConcordClientBase,
  { account, ...block }: { account: Address } & BlockParameters,
): Promise<HeldLease[]> {
  const holder = toAddress("account", account);
  const deployment = contractOf(client, "resourceLeases");
  const { at } = await pinBlock(client, readAt(block));
  const ids = await grantedResources(client, deployment, holder, at);
  if (ids.length === 0) return [];
  const leases = await readBatch(
    client,
    ids.map(
      (id) =>
        ({
          address: deployment.address,
          abi: resourceLeasesAbi,
          functionName: "leaseOf",
          args: [id],
        }) as const,
    ),
    { contract: "ResourceLeases", functionName: "leaseOf", at, errors: leaseErrorCatalogue },
  );
  const held: { resourceId: bigint; expiresAt: bigint; fencingToken: bigint }[] = [];
  ids.forEach((resourceId, i) => {
    const [current, expiresAt, fencingToken] = leases[i] as readonly [Address, bigint, bigint];
    if (isAddressEqual(current, holder)) held.push({ resourceId, expiresAt, fencingToken });
  });
  if (held.length === 0) return [];
  const registrations = await fetchRegistrations(client, { resourceIds: held.map((h) => h.resourceId) }, at);
  return held.map((lease) => {
    const registration = registrations.get(lease.resourceId);
    return {
      ...lease,
      name: registration?.name ?? "",
      ownerCellId: registration?.ownerCellId ?? 0n,
    };
  });
}

/** @internal The ids of the resources `holder` was ever granted (LeaseGranted), lowest first. */
async function grantedResources(
  client: ConcordClientBase,
  deployment: { address: Address; startBlock: bigint },
  holder: Address,
  at: ReadAt,
): Promise<bigint[]> {
  const viaIndexer = pinned(at) ? null : await indexerFor(client);
  if (viaIndexer) return (await import("../indexer/leases.ts")).indexerGrantedResources(viaIndexer, holder);
  const grants = await scanTopics(client, {
    address: deployment.address,
    abi: resourceLeasesAbi,
    eventNames: ["LeaseGranted"],
    topics: [undefined, holder],
    fromBlock: deployment.startBlock,
    toBlock: "blockNumber" in at ? at.blockNumber : undefined,
  });
  return [...new Set(grants.map((log) => log.args.resourceId))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
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
