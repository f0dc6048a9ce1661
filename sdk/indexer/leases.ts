/**
 * The leases module's event-derived reads through the indexer: resource registrations and the resources an
 * account was ever granted (current policies and leases stay one batched read of the chain).
 */
import type { Address } from "viem";

import type { ResourceRegistration } from "../leases/events.ts";
import { addr, big } from "./rows.ts";
import type { ResourceRow } from "./rows.ts";
import { indexerAll } from "./source.ts";
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
    registrations.set(big(row.id), {
      name: row.name,
      ownerCellId: big(row.ownerCellId),
      registeredBy: addr(row.registeredBy),
      registeredBlock: big(row.registeredBlock),
    });
  }
  return registrations;
}

/**
 * The ids of the resources `holder` was ever granted, lowest first (what `leasesOf` then reads live).
 *
 * @example
 * const ids = await indexerGrantedResources(indexer, service);
 */
export async function indexerGrantedResources(indexer: IndexerConfig, holder: Address): Promise<bigint[]> {
  const rows = await indexerAll<{ resourceId: string }>(indexer, "/concord/lease-grants", { holder });
  return rows.map((row) => big(row.resourceId));
}
