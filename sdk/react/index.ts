/**
 * `@concord-dao/sdk/react`: TanStack Query factories and React hooks for Concord, for wagmi apps. Only React users
 * import it (react, @tanstack/react-query and wagmi are optional peer dependencies of the SDK).
 *
 * - one key factory, one options factory and one hook per read: `getCellQueryKey`, `getCellQueryOptions`, `useCell`
 * - one mutation-options factory per write: `createCellMutationOptions(concord)`
 * - `ConcordProvider` / `useConcordClient` carry the client; `useWagmiConcordClient` builds it from wagmi
 *
 * Query keys start with `"concord"`: after a write, `queryClient.invalidateQueries({ queryKey: ["concord"] })`.
 *
 * @example
 * import { ConcordProvider, useCell, useWagmiConcordClient } from "@concord-dao/sdk/react";
 *
 * function CellName({ cellId }: { cellId: bigint }) {
 *   const { data: cell } = useCell({ cellId });
 *   return <span>{cell?.name ?? "…"}</span>;
 * }
 */
export * from "./queries.ts";
export * from "./dashboard.ts";
export * from "./cellPage.ts";
export { ConcordProvider, concordQueryKeyHash, useConcordClient } from "./internal.ts";
export type {
  ConcordInfiniteQueryOptions,
  ConcordInfiniteQueryOverrides,
  ConcordMutationOptions,
  ConcordProviderProps,
  ConcordQueryKey,
  ConcordQueryOptions,
  ConcordQueryOverrides,
  QueryHookParameters,
  PageItem,
  PagesHookParameters,
  PagesParameters,
  QueryParameters,
} from "./internal.ts";
export { useWagmiConcordClient } from "./wagmi.ts";
export type { UseWagmiConcordClientParameters } from "./wagmi.ts";
