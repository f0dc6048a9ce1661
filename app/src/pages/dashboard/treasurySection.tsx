/**
 * The dashboard's treasury card: the timelock's ETH balance and what open proposals would pay out of it, with
 * a link to the Treasury page. No request of its own: the balance comes in the SDK `getDashboard`'s batch
 * (Multicall3's `getEthBalance`), the outflows from the proposals' calls in its scan. Token
 * balances need a log scan: they are on the Treasury page.
 */
import { formatEther } from "viem";

import { Account } from "../../components/Account.tsx";
import { useProposalRows } from "../../data/proposals.ts";
import type { ProposalRow } from "../../data/proposals.ts";
import { useDaoState } from "../../data/queries.ts";
import { plural } from "../../lib/format.ts";
import { finalStages } from "../../lib/proposals.ts";

/** The ETH that the open proposals' calls would send, and how many proposals would pay anything. */
export function pendingEthOutflow(rows: readonly Pick<ProposalRow, "stage" | "events">[]): {
  eth: bigint;
  proposals: number;
} {
  let eth = 0n;
  let proposals = 0;
  for (const row of rows) {
    if (finalStages.includes(row.stage)) continue;
    const calls = (row.events.operational ?? row.events.community)?.calls ?? [];
    const value = calls.reduce((sum, call) => sum + call.value, 0n);
    if (value > 0n) {
      eth += value;
      proposals += 1;
    }
  }
  return { eth, proposals };
}

export function TreasurySection() {
  const { data: state } = useDaoState();
  const rows = useProposalRows();
  if (!state || !rows) return <p className="muted">Loading…</p>;
  const treasury = state.treasury;
  if (!treasury)
    return (
      <p className="muted">
        <a href="#/treasury">Open the treasury</a> to read its balances.
      </p>
    );
  const pending = pendingEthOutflow(rows);
  return (
    <div data-testid="treasury-card">
      <p className="treasury-balance">
        <strong data-testid="treasury-eth">{formatEther(treasury.eth)} ETH</strong>{" "}
        <span className="muted">
          held by the timelock <Account address={treasury.address} />
        </span>
      </p>
      <p className={pending.eth > treasury.eth ? "warning" : "muted"} data-testid="treasury-card-pending">
        {pending.proposals === 0
          ? "No open proposal would pay ETH out of it."
          : `${plural(pending.proposals, "open proposal")} would pay ${formatEther(pending.eth)} ETH` +
            (pending.eth > treasury.eth ? ": more than it holds." : ".")}
      </p>
      <p>
        <a href="#/treasury">Treasury: tokens, payments and outflows by stage</a>
      </p>
    </div>
  );
}
