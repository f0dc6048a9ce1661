/**
 * The treasury: what the DAO's timelock holds (ETH and ERC-20 tokens), the open proposals that would pay out
 * of it, by stage (with a warning when they add up to more than it holds), and its payments in and out.
 */
import { useState } from "react";
import type { Address } from "viem";

import type { Treasury } from "../../../../sdk/index.ts";
import { Account } from "../../components/Account.tsx";
import { Time } from "../../components/Time.tsx";
import { useTreasury } from "../../data/treasury.ts";
import { explainError } from "../../lib/errors.ts";
import { plural } from "../../lib/format.ts";
import { paginate } from "../../lib/governance.ts";
import { groupByStage } from "../../lib/proposals.ts";
import { proposalHref } from "../../lib/route.ts";
import { formatAsset } from "./format.ts";
import { Pager } from "../../components/Pager.tsx";

const PAYMENTS_PER_PAGE = 10;

export function TreasuryPage() {
  const query = useTreasury();
  return (
    <section data-testid="treasury-page">
      <nav aria-label="Breadcrumb" className="breadcrumbs">
        <a href="#/proposals">Governance</a>
      </nav>
      <h1>Treasury</h1>
      {query.error ? (
        <p className="error" role="alert">
          {explainError(query.error).message}
        </p>
      ) : !query.data ? (
        <p className="muted">Reading the treasury…</p>
      ) : (
        <Loaded treasury={query.data} />
      )}
    </section>
  );
}

function Loaded({ treasury }: { treasury: Treasury }) {
  const [page, setPage] = useState(0);
  const payments = paginate(treasury.payments, page, PAYMENTS_PER_PAGE);
  const asset = (address: "ETH" | Address, amount: bigint) => formatAsset(treasury, address, amount);
  const pendingEth = treasury.pending.reduce((sum, entry) => sum + entry.eth, 0n);
  return (
    <>
      <p className="muted">
        The timelock <Account address={treasury.address} /> holds the DAO&apos;s funds and executes the
        proposals that pass; nothing leaves it otherwise.
      </p>
      <section className="card" aria-labelledby="balances-title" data-testid="treasury-balances">
        <h2 id="balances-title">Balances</h2>
        <ul className="plain">
          <li data-asset="ETH">
            <strong>{asset("ETH", treasury.eth)}</strong>
          </li>
          {treasury.tokens.map((token) => (
            <li key={token.address} data-asset={token.address}>
              <strong>{asset(token.address, token.balance)}</strong>{" "}
              <span className="muted">
                token <Account address={token.address} />
              </span>
            </li>
          ))}
        </ul>
        {treasury.tokensTruncated && <p className="muted">Only the first tokens it received are shown.</p>}
      </section>

      <section className="card" aria-labelledby="pending-title" data-testid="treasury-pending">
        <h2 id="pending-title">Pending outflows</h2>
        {treasury.pending.length === 0 ? (
          <p className="muted">No open proposal would pay anything.</p>
        ) : (
          <>
            {pendingEth > treasury.eth && (
              <p className="banner warning" role="note">
                Open proposals would pay {asset("ETH", pendingEth)} in all: more than the{" "}
                {asset("ETH", treasury.eth)} it holds. Those executed last would fail.
              </p>
            )}
            {groupByStage(treasury.pending).map((group) => (
              <div key={group.stage} data-stage={group.stage}>
                <h3>
                  {group.label} <span className="muted">({plural(group.items.length, "proposal")})</span>
                </h3>
                <ul className="plain">
                  {group.items.map((entry) => (
                    <li key={String(entry.proposalId)} data-proposal-id={String(entry.proposalId)}>
                      <a href={proposalHref(entry.proposalId)}>{entry.title || "(untitled)"}</a>:{" "}
                      {[
                        ...(entry.eth > 0n ? [asset("ETH", entry.eth)] : []),
                        ...entry.tokens.map((token) => asset(token.token, token.amount)),
                      ].join(" and ")}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </>
        )}
      </section>

      <section className="card" aria-labelledby="payments-title" data-testid="treasury-payments">
        <h2 id="payments-title">Payments</h2>
        {treasury.payments.length === 0 ? (
          <p className="muted">No payment yet.</p>
        ) : (
          <ol className="plain">
            {payments.items.map((payment, i) => (
              <li key={`${payment.transactionHash}-${i}`} data-direction={payment.direction}>
                <span className={`tag ${payment.direction === "in" ? "ok" : "warn"}`}>
                  {payment.direction === "in" ? "received" : "paid"}
                </span>{" "}
                <strong>{asset(payment.asset, payment.amount)}</strong>{" "}
                {payment.direction === "in" ? "from" : "to"} <Account address={payment.counterparty} />{" "}
                <span className="muted">
                  <Time at={payment.timestamp} />
                </span>
              </li>
            ))}
          </ol>
        )}
        <Pager label="Payment pages" page={payments.page} pages={payments.pages} onPage={setPage} />
        <p className="muted">
          ETH sent to the timelock by a plain transfer leaves no log: the balance counts it, this list does
          not.
        </p>
      </section>
    </>
  );
}
