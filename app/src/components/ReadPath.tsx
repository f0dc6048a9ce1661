/**
 * Which path the app's list reads take: the Concord indexer (and how far it trails the chain), or direct
 * reads from the RPC (no indexer configured, or it is behind or unreachable: the SDK's reads: "auto"). The
 * lag check is loaded only when an indexer is configured.
 */
import { useConcord, useReadPath } from "../concord.tsx";

export function ReadPath() {
  const { app } = useConcord();
  const { data } = useReadPath();
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
