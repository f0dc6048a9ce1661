/**
 * Which path the app's list reads take: the Concord indexer (and how far it trails the chain), or direct
 * reads from the RPC (no indexer configured, or it is behind or unreachable: the SDK's reads: "auto"). The
 * lag check is loaded only when an indexer is configured.
 */
import { useQuery } from "@tanstack/react-query";

import { useConcord } from "../concord.tsx";

export function ReadPath() {
  const { app, reader } = useConcord();
  const { data } = useQuery({
    queryKey: ["read-path", app.indexerUrl],
    queryFn: async () => (await import("../../../sdk/indexer/source.ts")).getReadPath(reader),
    enabled: app.indexerUrl !== null,
    refetchInterval: 5_000,
  });
  const text = !app.indexerUrl
    ? "reads: RPC"
    : !data
      ? "reads: …"
      : data.path === "indexer"
        ? `reads: indexer${data.lagBlocks ? ` (${data.lagBlocks} blocks behind)` : ""}`
        : "reads: RPC (the indexer is behind or unreachable)";
  return (
    <span data-testid="read-path" title={app.indexerUrl ?? app.rpcUrl}>
      {text}
    </span>
  );
}
