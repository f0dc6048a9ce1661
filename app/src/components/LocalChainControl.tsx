/**
 * The local demo chain's clock, and a control to move it forward: only on the local chain (`npm start`),
 * where votes last minutes and the seed's proposals would otherwise leave their stages while you read.
 * It sends Hardhat's `evm_increaseTime` and `evm_mine` to the local node; no wallet signs anything.
 * A lazy chunk: never loaded on another chain.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { getBlock } from "viem/actions";

import { concordKey, useConcord } from "../concord.tsx";
import { explainError } from "../lib/errors.ts";
import { hrefOf } from "../lib/route.ts";
import { noteChainTime, useNow } from "./Countdown.tsx";
import { Time } from "./Time.tsx";

const STEPS = [
  { seconds: 10 * 60, label: "+10 min" },
  { seconds: 60 * 60, label: "+1 h" },
  { seconds: 24 * 60 * 60, label: "+1 day" },
] as const;

export function LocalChainControl() {
  const { reader } = useConcord();
  const queryClient = useQueryClient();
  const now = useNow();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const advance = async (seconds: number) => {
    setBusy(true);
    setError(null);
    try {
      const client = reader.publicClient;
      await client.request({ method: "evm_increaseTime" as never, params: [seconds] as never });
      await client.request({ method: "evm_mine" as never, params: [] as never });
      const block = await getBlock(client);
      noteChainTime(block.timestamp, Date.now());
      await queryClient.invalidateQueries({ queryKey: concordKey });
    } catch (failure) {
      setError(explainError(failure).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="local-clock" data-testid="local-clock">
      <span>
        Chain time <Time at={now} />
      </span>
      <span role="group" aria-label="Advance the local chain">
        Advance the local chain (demo only: moves the <a href={hrefOf({ name: "proposals" })}>proposals</a>{" "}
        through their stages):{" "}
        {STEPS.map((step) => (
          <button
            key={step.seconds}
            type="button"
            className="secondary small"
            disabled={busy}
            onClick={() => void advance(step.seconds)}
            data-action={`advance-${step.seconds}`}
          >
            {step.label}
          </button>
        ))}
      </span>
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
