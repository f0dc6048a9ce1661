/**
 * A React component on `@concord-dao/sdk/react`: a cell's card from `useCell`, inside a `ConcordProvider` (in a wagmi
 * app, give it `useWagmiConcordClient()`), with TanStack Query's cache.
 */
import { ConcordProvider, useCell } from "../react/index.ts";
import type { ConcordClientBase } from "../index.ts";

/**
 * A cell's name, phase and member count.
 *
 * @example
 * <ConcordProvider client={concord}><CellCard cellId={1n} /></ConcordProvider>
 */
export function CellCard({ cellId }: { cellId: bigint }) {
  const { data: cell, error, isPending } = useCell({ cellId });
  if (isPending) return <p>Loading cell {String(cellId)}…</p>;
  if (error) return <p role="alert">{error.shortMessage}</p>;
  return (
    <article>
      <h2>{cell.name}</h2>
      <p>
        {cell.memberCount} {cell.memberCount === 1 ? "member" : "members"}, phase {cell.phase}
      </p>
    </article>
  );
}

/**
 * The card with its provider, as an app's page would mount it.
 *
 * @example
 * renderToString(<QueryClientProvider client={queryClient}><CellPage concord={concord} cellId={1n} /></QueryClientProvider>);
 */
export function CellPage({ concord, cellId }: { concord: ConcordClientBase; cellId: bigint }) {
  return (
    <ConcordProvider client={concord}>
      <CellCard cellId={cellId} />
    </ConcordProvider>
  );
}
