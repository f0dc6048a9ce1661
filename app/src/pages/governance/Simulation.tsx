/**
 * Simulation before voting: what a proposal's calls would do if the timelock executed them now, on the current
 * state, asked of the node alone (the SDK's `simulateProposal`: one `eth_simulateV1`, or one `eth_call` with a
 * state override; no third-party service). Per call, success or the refusal in words; the treasury's balance
 * changes. The query sits under the app's `concordKey` in no domain of its own, so it runs again when any Concord event arrives.
 */
import { useQuery } from "@tanstack/react-query";
import { formatUnits } from "viem";

import { simulateProposal } from "../../../../sdk/index.ts";
import type { ProposalCallInput, SimulatedBalance } from "../../../../sdk/index.ts";
import { concordKey, useConcord } from "../../concord.tsx";
import { useTreasury } from "../../data/treasury.ts";
import { explainError } from "../../lib/errors.ts";

/** A stable key for a list of calls (values are bigints). */
function callsKey(calls: readonly ProposalCallInput[]): string {
  return calls.map((call) => `${call.target}:${String(call.value ?? 0)}:${call.data ?? "0x"}`).join("|");
}

/** "−0.5 ETH", "+10 GRT": a balance change with its unit. */
function formatChange(entry: SimulatedBalance): string {
  const change = entry.change ?? 0n;
  const unit = entry.symbol ?? `${entry.asset.slice(0, 6)}…${entry.asset.slice(-4)}`;
  const amount =
    entry.decimals != null ? formatUnits(change < 0n ? -change : change, entry.decimals) : String(change);
  return `${change < 0n ? "−" : "+"}${amount} ${entry.decimals != null ? unit : `${unit} units`}`;
}

/** The simulation card of a proposal's page and of the new-proposal form's preview. */
export function Simulation({ calls }: { calls: readonly ProposalCallInput[] }) {
  const { app, reader } = useConcord();
  // The treasury's tokens, so that their balance changes are shown too; without them (still loading or
  // failed), ETH alone.
  const treasury = useTreasury();
  const tokens = treasury.data?.tokens ?? [];
  const query = useQuery({
    queryKey: [
      ...concordKey,
      app.chain.id,
      "simulation",
      callsKey(calls),
      tokens.map((token) => token.address).join(","),
    ],
    queryFn: () => simulateProposal(reader, { calls, tokens }),
    enabled: calls.length > 0 && !treasury.isPending,
    placeholderData: (previous) => previous,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    retry: 1,
  });
  if (calls.length === 0) return null;
  const result = query.data;
  const status = !result ? "pending" : result.success ? "success" : "failed";
  const changed = result?.balances.filter((entry) => entry.change !== null && entry.change !== 0n) ?? [];
  return (
    <section
      className="card"
      aria-labelledby="simulation-title"
      data-testid="simulation"
      data-status={status}
      aria-busy={query.isFetching}
    >
      <h2 id="simulation-title">If it were executed now</h2>
      {query.error ? (
        <p className="error" role="alert">
          The simulation failed: {explainError(query.error).message}
        </p>
      ) : !result ? (
        <p className="muted">Simulating the calls as the treasury would execute them…</p>
      ) : (
        <>
          <p className={result.success ? "ok" : "error"} data-testid="simulation-summary">
            {result.summary}
          </p>
          <ol className="calls" data-testid="simulation-calls">
            {result.calls.map((call) => (
              <li key={call.index} data-status={call.status}>
                <span
                  className={call.status === "success" ? "ok" : call.status === "failed" ? "error" : "muted"}
                >
                  {call.message}
                </span>
              </li>
            ))}
          </ol>
          <p data-testid="simulation-balances">
            Treasury:{" "}
            {!result.success
              ? "no balance changes (the whole execution would revert)."
              : changed.length === 0
                ? "no balance changes."
                : changed.map((entry, i) => (
                    <span key={entry.asset} data-asset={entry.asset}>
                      {i > 0 && ", "}
                      {formatChange(entry)}
                    </span>
                  ))}
          </p>
          <p className="muted">
            Simulated on block {result.blockNumber.toString()} by this app's node ({result.method}), with no
            third-party service. Votes, delays and later blocks can change the outcome.
          </p>
        </>
      )}
    </section>
  );
}
