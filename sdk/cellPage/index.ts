/**
 * The cell page module: a page about one cell as ONE SDK read, on either read path. Exported flat
 * (`getCellPage(concord, { cellId })`), not bound on the client: a page read that a client of the cells module
 * should not carry (nor an app's first load).
 */
export { getCellPage } from "./actions.ts";
export type { GetCellPageErrorType, GetCellPageReturnType } from "./actionTypes.ts";
export { CELL_PAGE_ACTIVITY, CELL_PAGE_MEMBERS, CELL_PAGE_OWNERS } from "./types.ts";
export type { CellPage, CellPageDetails, DecisionOwnerEntry, GetCellPageParameters } from "./types.ts";
