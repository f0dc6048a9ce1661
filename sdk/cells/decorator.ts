/**
 * Binds every cells action (the list in `actions.ts`) to a Concord client, as viem's `publicActions` does for viem
 * actions.
 */
import type { ConcordClientBase } from "../client.ts";
import { bindActions } from "../internal/bind.ts";
import type { BoundActions } from "../internal/bind.ts";
import * as cellActionTable from "./actions.ts";

/** The cells actions by name (their types give each action's `XParameters` and `XReturnType`). */
export type CellActionTable = typeof cellActionTable;

/** The cells actions bound to a client: `concord.cells.getCell({ cellId })`. */
export type CellsActions = BoundActions<CellActionTable>;

/**
 * Binds every cells action to `client`.
 *
 * @example
 * import { cellsActions, createConcordBaseClient } from "@concord-dao/sdk";
 *
 * const cells = cellsActions(createConcordBaseClient({ publicClient, walletClient }));
 * await cells.createCell({ name: "Research" });
 */
export function cellsActions(client: ConcordClientBase): CellsActions {
  return bindActions(client, cellActionTable);
}
