/**
 * The types of the cell page read, as viem's actions export them: `GetCellPageParameters` (in `types.ts`),
 * `GetCellPageReturnType` and `GetCellPageErrorType` (a `ConcordError`: `InvalidInputError` for bad input,
 * `ContractRefusalError` `CellNonexistent` for an unknown cell, `IndexerUnavailableError` when the indexer cannot
 * answer).
 */
import type { ConcordErrorType } from "../errors.ts";
import type { ActionReturnType } from "../internal/bind.ts";
import type * as actions from "./actions.ts";

export type GetCellPageReturnType = ActionReturnType<typeof actions.getCellPage>;
export type GetCellPageErrorType = ConcordErrorType;
