import type { Hash } from "viem";

import { useConcord } from "../concord.tsx";
import { shortHash } from "../lib/format.ts";

/** A transaction hash, linked to the block explorer when one is configured. */
export function TxHash({ hash }: { hash: Hash }) {
  const { app } = useConcord();
  const text = <code title={hash}>{shortHash(hash)}</code>;
  return app.explorerUrl ? (
    <a href={`${app.explorerUrl}/tx/${hash}`} target="_blank" rel="noreferrer">
      {text}
    </a>
  ) : (
    <span data-hash={hash}>{text}</span>
  );
}
