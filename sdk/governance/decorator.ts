/**
 * Binds every governance action (the list in `actions.ts`) to a Concord client, as viem's `publicActions` does for
 * viem actions.
 */
import type { ConcordClientBase } from "../client.ts";
import { bindActions } from "../internal/bind.ts";
import type { BoundActions } from "../internal/bind.ts";
import * as governanceActionTable from "./actions.ts";

/** The governance actions by name (their types give each action's `XParameters` and `XReturnType`). */
export type GovernanceActionTable = typeof governanceActionTable;

/** The governance actions bound to a client: `concord.governance.getProposal({ proposalId })`. */
export type GovernanceActions = BoundActions<GovernanceActionTable>;

/**
 * Binds every governance action to `client`.
 *
 * @example
 * import { createConcordBaseClient, governanceActions } from "@concord-dao/sdk";
 *
 * const governance = governanceActions(createConcordBaseClient({ publicClient, walletClient }));
 * const proposals = await governance.listProposals({ stage: "vetoWindow" });
 */
export function governanceActions(client: ConcordClientBase): GovernanceActions {
  return bindActions(client, governanceActionTable);
}
