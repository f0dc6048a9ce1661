/**
 * The leases module's event-derived reads through the indexer: resource registrations and the resources an
 * account was ever granted (current policies and leases stay one batched read of the chain).
 */
import type { Address } from "viem";

import type { ResourceRegistration } from "../leases/events.ts";
import { addr, big } from "./rows.ts";
import type { LeaseGrantRow, ResourceRow } from "./rows.ts";
import { indexerAll, indexerPage } from "./source.ts";
import type { IndexerConfig } from "./switch.ts";

const IDS_PER_REQUEST = 500;

/**
 * Registrations by resource id (all, by ids, or by owner cell), as `fetchRegistrations` rebuilds them.
 *
 * @example
 * const registrations = await indexerRegistrations(indexer, { ownerCellId: 2n });
 */
export async function indexerRegistrations(
  indexer: IndexerConfig,
  filter: { resourceIds?: readonly bigint[] | undefined; ownerCellId?: bigint | undefined } = {},
): Promise<Map<bigint, ResourceRegistration>> {
  const rows: ResourceRow[] = [];
  if (filter.resourceIds === undefined) {
    rows.push(
      ...(await indexerAll<ResourceRow>(indexer, "/concord/resources", { ownerCellId: filter.ownerCellId })),
    );
  } else {
    const unique = [...new Set(filter.resourceIds)];
    for (let i = 0; i < unique.length; i += IDS_PER_REQUEST) {
      const ids = unique.slice(i, i + IDS_PER_REQUEST).join(",");
      rows.push(
        ...(await indexerAll<ResourceRow>(indexer, "/concord/resources", {
          ids,
          ownerCellId: filter.ownerCellId,
        })),
      );
    }
  }
  const registrations = new Map<bigint, ResourceRegistration>();
  for (const row of rows) {
    registrations.set(big(row.id), registrationOf(row));
  }
  return registrations;
}

/** A registration as the indexer's resource row gives it. */
function registrationOf(row: Pick<ResourceRow, "name" | "ownerCellId" | "registeredBy" | "registeredBlock">) {
  return {
    name: row.name,
    ownerCellId: big(row.ownerCellId),
    registeredBy: addr(row.registeredBy),
    registeredBlock: big(row.registeredBlock),
  };
}

/**
 * One page of registrations in id order (all, or one owner cell's): ONE request to `/concord/resources`, whose
 * cursor (the last id) is the direct path's.
 *
 * @example
 * const { items, next } = await indexerResourcesPage(indexer, { limit: 20, cursor: null });
 */
export async function indexerResourcesPage(
  indexer: IndexerConfig,
  { ownerCellId, limit, cursor }: { ownerCellId?: bigint | undefined; limit: number; cursor: bigint | null },
): Promise<{ items: [bigint, ResourceRegistration][]; next: string | null }> {
  return indexerPage(
    indexer,
    "/concord/resources",
    { ownerCellId, cursor, limit },
    (row: ResourceRow): [bigint, ResourceRegistration] => [big(row.id), registrationOf(row)],
  );
}

/**
 * One page of the resources `holder` was ever granted, lowest id first, with their registrations: ONE request to
 * `/concord/lease-grants` (what `leasesOf` then reads live).
 *
 * @example
 * const { items, next } = await indexerGrantsPage(indexer, service, { limit: 50, cursor: null });
 */
export async function indexerGrantsPage(
  indexer: IndexerConfig,
  holder: Address,
  { limit, cursor }: { limit: number; cursor: bigint | null },
): Promise<{
  items: { resourceId: bigint; registration: ResourceRegistration | null }[];
  next: string | null;
}> {
  return indexerPage(
    indexer,
    "/concord/lease-grants",
    { holder, cursor, limit },
    ({ resourceId, name, ownerCellId, registeredBy, registeredBlock }: LeaseGrantRow) => ({
      resourceId: big(resourceId),
      registration:
        name === null || ownerCellId === null || registeredBy === null || registeredBlock === null
          ? null
          : registrationOf({ name, ownerCellId, registeredBy, registeredBlock }),
    }),
  );
}
