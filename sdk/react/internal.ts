/**
 * The machinery of the React entry, written once: the query-key, query-options, hook and mutation-options makers
 * every generated factory in `queries.ts` is one line of, and the context that carries the Concord client.
 */
import { createContext, createElement, useContext } from "react";
import type { ReactNode } from "react";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type {
  InfiniteData,
  QueryKey,
  UseInfiniteQueryOptions,
  UseInfiniteQueryResult,
  UseQueryOptions,
  UseQueryResult,
} from "@tanstack/react-query";

import type { ConcordClient, ConcordClientBase } from "../client.ts";
import { ConcordError } from "../errors.ts";
import type { ActionParameters, ActionReturnType, ConcordAction } from "../internal/bind.ts";
import type { Page } from "../internal/page.ts";

const ConcordContext = createContext<ConcordClientBase | undefined>(undefined);

/** Props of {@link ConcordProvider}. */
export type ConcordProviderProps = { client: ConcordClientBase | ConcordClient; children?: ReactNode };

/**
 * Gives the hooks below it a Concord client (for a wagmi app, build it with `useWagmiConcordClient`).
 *
 * @example
 * <ConcordProvider client={concord}><CellPage cellId={1n} /></ConcordProvider>
 */
export function ConcordProvider({ client, children }: ConcordProviderProps) {
  return createElement(ConcordContext.Provider, { value: client }, children);
}

/**
 * The Concord client of the nearest {@link ConcordProvider}.
 *
 * @throws {ConcordError} outside a ConcordProvider.
 * @example
 * const concord = useConcordClient();
 */
export function useConcordClient(): ConcordClientBase {
  const client = useContext(ConcordContext);
  if (!client) {
    throw new ConcordError("No Concord client: wrap the component in <ConcordProvider client={…}>.", {
      details: "Or pass `concord` to the hook.",
    });
  }
  return client;
}

/** A query key of the React entry: `["concord", action, { chainId, cellRegistry, ...parameters }]`. */
export type ConcordQueryKey = readonly ["concord", string, Record<string, unknown>];

/**
 * Hashes a Concord query key (bigints included, object keys sorted), for TanStack Query's `queryKeyHashFn`.
 *
 * @example
 * concordQueryKeyHash(["concord", "getCell", { cellId: 1n }]); // '["concord","getCell",{"cellId":"1n"}]'
 */
export function concordQueryKeyHash(queryKey: QueryKey): string {
  return JSON.stringify(queryKey, (_, value: unknown) => {
    if (typeof value === "bigint") return `${value}n`;
    if (value && typeof value === "object" && !Array.isArray(value)) {
      return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return value;
  });
}

/** The parameters of a read without the client: an empty object for reads that take none. */
export type QueryParameters<action> =
  ActionParameters<action> extends undefined ? Record<string, never> | undefined : ActionParameters<action>;

/** Query options a caller may add to a generated factory's or hook's (everything but the key and the function). */
export type ConcordQueryOverrides<data> = Omit<
  UseQueryOptions<data, ConcordError, data, ConcordQueryKey>,
  "queryKey" | "queryFn" | "queryKeyHashFn"
>;

/** What a generated `…QueryOptions` factory returns: TanStack Query options with a Concord key. */
export type ConcordQueryOptions<data> = UseQueryOptions<data, ConcordError, data, ConcordQueryKey> & {
  queryKey: ConcordQueryKey;
};

/** @internal Makes the query-key factory of the read `name`. */
export function createQueryKey<action extends ConcordAction>(name: string) {
  return (client: ConcordClientBase, parameters?: QueryParameters<action>): ConcordQueryKey => [
    "concord",
    name,
    { chainId: client.chainId, cellRegistry: client.addresses.cellRegistry, ...(parameters ?? {}) },
  ];
}

/** @internal Makes the query-options factory of the read `name`. */
export function createQueryOptions<action extends ConcordAction>(name: string, action: action) {
  const queryKey = createQueryKey<action>(name);
  return (
    client: ConcordClientBase,
    parameters?: QueryParameters<action>,
    overrides?: ConcordQueryOverrides<ActionReturnType<action>>,
  ): ConcordQueryOptions<ActionReturnType<action>> => ({
    ...overrides,
    queryKey: queryKey(client, parameters),
    queryFn: () => action(client, parameters) as Promise<ActionReturnType<action>>,
    queryKeyHashFn: concordQueryKeyHash,
  });
}

/** Parameters of a generated hook: the read's, plus an explicit client and query overrides. */
export type QueryHookParameters<action> = (ActionParameters<action> extends undefined
  ? unknown
  : ActionParameters<action>) & {
  /** The Concord client (default: the nearest ConcordProvider's). */
  concord?: ConcordClientBase | undefined;
  /** TanStack Query options (enabled, staleTime, select is not supported...). */
  query?: ConcordQueryOverrides<ActionReturnType<action>> | undefined;
};

/** @internal Makes the hook of a read from its query-options factory: a thin composition with `useQuery`. */
export function createQueryHook<action extends ConcordAction>(
  options: (
    client: ConcordClientBase,
    parameters?: QueryParameters<action>,
    overrides?: ConcordQueryOverrides<ActionReturnType<action>>,
  ) => ConcordQueryOptions<ActionReturnType<action>>,
) {
  return (
    parameters?: QueryHookParameters<action>,
  ): UseQueryResult<ActionReturnType<action>, ConcordError> => {
    const context = useContext(ConcordContext);
    const { concord, query, ...rest } = (parameters ?? {}) as QueryHookParameters<action>;
    const client = concord ?? context;
    const noClient = !client;
    return useQuery(
      client
        ? options(client, rest as QueryParameters<action>, query)
        : {
            queryKey: ["concord", "noClient", {}] as ConcordQueryKey,
            queryFn: () =>
              Promise.reject(new ConcordError("No Concord client: wrap the component in <ConcordProvider>.")),
            enabled: !noClient,
          },
    ) as UseQueryResult<ActionReturnType<action>, ConcordError>;
  };
}

/** What a generated `…MutationOptions` factory returns: TanStack Query mutation options. */
export type ConcordMutationOptions<parameters, data> = {
  mutationKey: readonly ["concord", string];
  mutationFn: (parameters: parameters) => Promise<data>;
};

/** @internal Makes the mutation-options factory of the write `name`. */
export function createMutationOptions<action extends ConcordAction>(name: string, action: action) {
  return (
    client: ConcordClientBase,
  ): ConcordMutationOptions<ActionParameters<action>, ActionReturnType<action>> => ({
    mutationKey: ["concord", name],
    mutationFn: (parameters) => action(client, parameters) as Promise<ActionReturnType<action>>,
  });
}

/** The parameters of a paged read without its cursor (the infinite query supplies it, page after page). */
export type PagesParameters<action> = Omit<NonNullable<QueryParameters<action>>, "cursor">;

/** The item type of a paged read. */
export type PageItem<action> = ActionReturnType<action> extends Page<infer item> ? item : never;

/** What a generated `…InfiniteQueryOptions` factory returns: TanStack infinite-query options over a list's pages. */
export type ConcordInfiniteQueryOptions<item> = UseInfiniteQueryOptions<
  Page<item>,
  ConcordError,
  InfiniteData<Page<item>, string | null>,
  ConcordQueryKey,
  string | null
> & { queryKey: ConcordQueryKey };

/** Infinite-query options a caller may add (everything but the key, the function and the paging). */
export type ConcordInfiniteQueryOverrides<item> = Omit<
  ConcordInfiniteQueryOptions<item>,
  "queryKey" | "queryFn" | "queryKeyHashFn" | "initialPageParam" | "getNextPageParam"
>;

/**
 * @internal Makes the infinite-query options factory of the paged read `name` (a read that takes
 * `{ limit, cursor }` and returns `{ items, next }`): the first page, then each `next` in turn
 * (`fetchNextPage`, "Show more"). Its key is the read's key with `pages: true`, apart from the one-page query's.
 */
export function createInfiniteQueryOptions<action extends ConcordAction>(name: string, action: action) {
  const queryKey = createQueryKey<action>(name);
  return (
    client: ConcordClientBase,
    parameters?: PagesParameters<action>,
    overrides?: ConcordInfiniteQueryOverrides<PageItem<action>>,
  ): ConcordInfiniteQueryOptions<PageItem<action>> => ({
    ...overrides,
    queryKey: queryKey(client, { ...(parameters ?? {}), pages: true } as unknown as QueryParameters<action>),
    queryFn: ({ pageParam }) =>
      action(client, { ...(parameters ?? {}), cursor: pageParam } as ActionParameters<action>) as Promise<
        Page<PageItem<action>>
      >,
    initialPageParam: null,
    getNextPageParam: (last) => last.next,
    queryKeyHashFn: concordQueryKeyHash,
  });
}

/** Parameters of a generated pages hook: the read's without its cursor, plus an explicit client and overrides. */
export type PagesHookParameters<action> = PagesParameters<action> & {
  /** The Concord client (default: the nearest ConcordProvider's). */
  concord?: ConcordClientBase | undefined;
  /** TanStack Query options (enabled, staleTime, maxPages...). */
  query?: ConcordInfiniteQueryOverrides<PageItem<action>> | undefined;
};

/** @internal Makes the pages hook of a paged read from its infinite-query options factory (`useInfiniteQuery`). */
export function createInfiniteQueryHook<action extends ConcordAction>(
  options: (
    client: ConcordClientBase,
    parameters?: PagesParameters<action>,
    overrides?: ConcordInfiniteQueryOverrides<PageItem<action>>,
  ) => ConcordInfiniteQueryOptions<PageItem<action>>,
) {
  return (
    parameters?: PagesHookParameters<action>,
  ): UseInfiniteQueryResult<InfiniteData<Page<PageItem<action>>, string | null>, ConcordError> => {
    const context = useContext(ConcordContext);
    const { concord, query, ...rest } = (parameters ?? {}) as PagesHookParameters<action>;
    const client = concord ?? context;
    if (!client) throw new ConcordError("No Concord client: wrap the component in <ConcordProvider>.");
    return useInfiniteQuery(options(client, rest as unknown as PagesParameters<action>, query));
  };
}
