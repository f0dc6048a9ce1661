/**
 * The viewer's community vote: their votes now, who they delegate to, and delegating (to an address, or
 * to themselves to vote directly). A delegator can still override their delegate on a given proposal.
 */
import { governanceActions } from "../../../../sdk/index.ts";
import { useState } from "react";
import { isAddressEqual } from "viem";

import { Account } from "../../components/Account.tsx";
import { ActionButton } from "../../components/ActionButton.tsx";
import { WriteStatus } from "../../components/WriteStatus.tsx";
import { useViewer, useWrite } from "../../concord.tsx";
import { useVotingPower } from "../../data/governance.ts";
import { Time } from "../../components/Time.tsx";
import { parseAddress, plural } from "../../lib/format.ts";
import { canWrite } from "../../lib/permissions.ts";

export function DelegationPanel() {
  const viewer = useViewer();
  const power = useVotingPower(viewer.account);
  const write = useWrite();
  const [to, setTo] = useState("");
  if (!viewer.account) return null;
  const data = power.data;
  const target = parseAddress(to);
  const base = canWrite(viewer);
  const permission = !base.ok
    ? base
    : data && !data.member
      ? { ok: false as const, reason: "Only members (membership holders) have a vote to delegate." }
      : target === null
        ? { ok: false as const, reason: "Enter the delegate's address (0x followed by 40 hex digits)." }
        : data?.delegate && isAddressEqual(data.delegate, target)
          ? { ok: false as const, reason: "That account is already your delegate." }
          : { ok: true as const };
  const delegate = (delegatee: `0x${string}`) =>
    void write.run(
      `Delegate your vote to ${viewer.label(delegatee)}`,
      ({ concord, options }) => governanceActions(concord).delegateVotes({ delegatee, ...options }),
      { onConfirmed: () => setTo("") },
    );
  return (
    <section className="card delegation" data-testid="delegation" aria-labelledby="delegation-title">
      <h2 id="delegation-title">Your community vote</h2>
      {!data ? (
        <p className="muted">Loading…</p>
      ) : (
        <p data-testid="your-delegate">
          {data.member ? "You are a member" : "You hold no membership"} ·{" "}
          {plural(data.communityVotes, "vote")} now · {plural(data.seats, "seat")} in the operational house
          {data.seatCountsFrom !== null && (
            <>
              {" "}
              (it votes from <Time at={data.seatCountsFrom} />)
            </>
          )}{" "}
          ·{" "}
          {data.delegate === null ? (
            "you have not delegated (your vote counts once you delegate, to yourself or someone else)"
          ) : isAddressEqual(data.delegate, viewer.account) ? (
            "you vote yourself"
          ) : (
            <>
              your delegate: <Account address={data.delegate} />
            </>
          )}
        </p>
      )}
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (permission.ok && target) delegate(target);
        }}
      >
        <label>
          Delegate to{" "}
          <input
            value={to}
            onChange={(event) => setTo(event.target.value)}
            placeholder="0x…"
            spellCheck={false}
            autoComplete="off"
            data-testid="delegate-input"
          />
        </label>
        <ActionButton permission={permission} busy={write.busy} type="submit" name="delegate">
          Delegate
        </ActionButton>
        {data && (data.delegate === null || !isAddressEqual(data.delegate, viewer.account)) && (
          <ActionButton
            permission={
              !base.ok ? base : data.member ? { ok: true } : { ok: false, reason: "You hold no membership." }
            }
            busy={write.busy}
            variant="secondary"
            name="delegate-self"
            onClick={() => delegate(viewer.account!)}
          >
            Vote myself
          </ActionButton>
        )}
      </form>
      <WriteStatus progress={write.progress} onDismiss={write.reset} />
    </section>
  );
}
