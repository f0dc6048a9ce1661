/**
 * Binds every leases action (the list in `actions.ts`) to a Concord client, as viem's `publicActions` does for viem
 * actions.
 */
import type { ConcordClientBase } from "../client.ts";
import { bindActions } from "../internal/bind.ts";
import type { BoundActions } from "../internal/bind.ts";
import * as leaseActionTable from "./actions.ts";

/** The leases actions by name (their types give each action's `XParameters` and `XReturnType`). */
export type LeaseActionTable = typeof leaseActionTable;

/** The leases actions bound to a client: `concord.leases.acquireLease({ resourceId, duration })`. */
export type LeasesActions = BoundActions<LeaseActionTable>;

/**
 * Binds every leases action to `client`.
 *
 * @example
 * import { createConcordBaseClient, leasesActions } from "@concord-dao/sdk";
 *
 * const leases = leasesActions(createConcordBaseClient({ publicClient, walletClient }));
 * const { fencingToken } = await leases.acquireLease({ resourceId: 1n, duration: 600 });
 */
export function leasesActions(client: ConcordClientBase): LeasesActions {
  return bindActions(client, leaseActionTable);
}
