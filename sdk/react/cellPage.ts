/**
 * The cell page's query-options factory and hook (the wagmi pattern, as `queries.ts`): `getCellPageQueryOptions` /
 * `useCellPage`. A module of its own, as `dashboard.ts`, so that an app's first load does not carry it.
 */
import { getCellPage } from "../cellPage/actions.ts";
import { createQueryHook, createQueryKey, createQueryOptions } from "./internal.ts";

/** The query key of `getCellPage`. */
export const getCellPageQueryKey = /* @__PURE__ */ createQueryKey<typeof getCellPage>("getCellPage");
/** TanStack Query options that read `getCellPage`. */
export const getCellPageQueryOptions = /* @__PURE__ */ createQueryOptions("getCellPage", getCellPage);
/** Reads `getCellPage` with TanStack Query. */
export const useCellPage = /* @__PURE__ */ createQueryHook<typeof getCellPage>(getCellPageQueryOptions);
