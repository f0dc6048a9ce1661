/**
 * Whether the treasury can pay a proposal's calls: a warning, before it is sent and on its page, when they pay
 * more ETH or tokens than the timelock holds now (execution would fail unless the treasury is funded first).
 */
import { treasuryShortfalls } from "../../../../sdk/index.ts";
import type { ProposalCallInput } from "../../../../sdk/index.ts";
import { useTreasury } from "../../data/treasury.ts";
import { formatAsset } from "../treasury/format.ts";

export function TreasuryCheck({ calls }: { calls: readonly ProposalCallInput[] }) {
  const treasury = useTreasury().data;
  if (!treasury || calls.length === 0) return null;
  const shortfalls = treasuryShortfalls(treasury, calls);
  if (shortfalls.length === 0) return null;
  return (
    <p className="banner warning" role="note" data-testid="treasury-shortfall">
      The treasury cannot pay this now:{" "}
      {shortfalls
        .map(
          (entry) =>
            `it would pay ${formatAsset(treasury, entry.asset, entry.needed)} and holds ${formatAsset(treasury, entry.asset, entry.held)}`,
        )
        .join("; ")}
      . Executing it would fail unless the treasury receives the difference first.{" "}
      <a href="#/treasury">See the treasury</a>
    </p>
  );
}
