/**
 * The dashboard's query-options factories and hooks (the wagmi pattern, as `queries.ts`): `getDashboardQueryOptions` /
 * `useDashboard` and `getDashboardDirectoryQueryOptions` / `useDashboardDirectory`. A module of their own, so that an
 * app whose first screen is the dashboard does not carry every module's factories (`queries.ts`) with it.
 */
import { getDashboard, getDashboardDirectory } from "../dashboard/actions.ts";
import { createQueryHook, createQueryKey, createQueryOptions } from "./internal.ts";

/** The query key of `getDashboard`. */
export const getDashboardQueryKey = /* @__PURE__ */ createQueryKey<typeof getDashboard>("getDashboard");
/** TanStack Query options that read `getDashboard`. */
export const getDashboardQueryOptions = /* @__PURE__ */ createQueryOptions("getDashboard", getDashboard);
/** Reads `getDashboard` with TanStack Query. */
export const useDashboard = /* @__PURE__ */ createQueryHook<typeof getDashboard>(getDashboardQueryOptions);

/** The query key of `getDashboardDirectory`. */
export const getDashboardDirectoryQueryKey =
  /* @__PURE__ */ createQueryKey<typeof getDashboardDirectory>("getDashboardDirectory");
/** TanStack Query options that read `getDashboardDirectory`. */
export const getDashboardDirectoryQueryOptions = /* @__PURE__ */ createQueryOptions(
  "getDashboardDirectory",
  getDashboardDirectory,
);
/** Reads `getDashboardDirectory` with TanStack Query. */
export const useDashboardDirectory = /* @__PURE__ */ createQueryHook<typeof getDashboardDirectory>(
  getDashboardDirectoryQueryOptions,
);
