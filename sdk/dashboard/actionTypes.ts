/**
 * The types of the dashboard reads, as viem's actions export them: `XParameters` (in `types.ts`), `XReturnType`
 * and `XErrorType` (a `ConcordError`: `InvalidInputError` for bad accounts, `IndexerUnavailableError` when the
 * indexer cannot answer, a decoded contract error when a read fails).
 */
import type { ConcordErrorType } from "../errors.ts";
import type { ActionReturnType } from "../internal/bind.ts";
import type * as actions from "./actions.ts";

export type GetDashboardReturnType = ActionReturnType<typeof actions.getDashboard>;
export type GetDashboardErrorType = ConcordErrorType;

export type GetDashboardDirectoryReturnType = ActionReturnType<typeof actions.getDashboardDirectory>;
export type GetDashboardDirectoryErrorType = ConcordErrorType;
