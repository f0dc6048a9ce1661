/**
 * Which path the app's list reads take: the Concord indexer (and how far it trails the chain), or direct
 * reads from the RPC (no indexer configured, or it is behind or unreachable: the SDK's reads: "auto").
 */
import { useQuery } from "@tanstack/react-query";

import { getReadPath } from "../../../sdk/index.ts";
import { useConcord } from "../concord.tsx";

export function ReadPath() {
  const { app, reader } = useConcord();
  const { data } = useQuery({
    queryKey: ["read-path", app.indexerUrl],
    queryFn: () => getReadPath(reader),
    refetchInterval: 5_000,
  });
  if (!data) return null;
  const text =
    data.path === "indexer"
      ? `reads: indexer${data.lagBlocks ? ` (${data.lagBlocks} blocks behind)` : ""}`
      : app.indexerUrl
        ? "reads: RPC (the indexer is behind or unreachable)"
        : "reads: RPC";
  return (
    <span data-testid="read-path" title={app.indexerUrl ?? app.rpcUrl}>
      {text}
    </span>
  );
}
