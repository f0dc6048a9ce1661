/**
 * The member directory (`#/members`, lazy chunk): every member of the community house with its votes,
 * operational seats, delegate and delegators; search by name or address; delegate by picking a member (an
 * address still works); the viewer's own vote and who delegated to the viewer.
 */
import { useState } from "react";
import type { Address } from "viem";

import { governanceActions } from "../../../../sdk/index.ts";
import type { RosterEntry } from "../../../../sdk/index.ts";
import { Account } from "../../components/Account.tsx";
import { ActionButton } from "../../components/ActionButton.tsx";
import { WriteStatus } from "../../components/WriteStatus.tsx";
import { useViewer, useWrite } from "../../concord.tsx";
import { useMemberPowers, useMemberRoster } from "../../data/members.ts";
import { useEnsName } from "../../data/names.ts";
import { explainError } from "../../lib/errors.ts";
import { parseAddress, plural } from "../../lib/format.ts";
import { canWrite } from "../../lib/permissions.ts";
import { hrefOf } from "../../lib/route.ts";
import { delegatePermission, pageOf, searchRoster } from "./directory.ts";
import { Pager } from "../../components/Pager.tsx";

export function MembersPage() {
  const viewer = useViewer();
  const roster = useMemberRoster();
  const write = useWrite();
  const [query, setQuery] = useState("");
  const [page, setPage] = useState(0);
  const [to, setTo] = useState("");
  const entries = roster.data?.entries ?? [];
  const found = searchRoster(entries, query, viewer.nameOf, viewer.account);
  const shown = pageOf(found, page);
  const powers = useMemberPowers(shown.items.map((entry) => entry.account));
  const mine = viewer.account
    ? entries.find((entry) => entry.account.toLowerCase() === viewer.account!.toLowerCase())
    : undefined;
  const base = canWrite(viewer);
  const nameFor = (account: Address) =>
    viewer.account && account.toLowerCase() === viewer.account.toLowerCase()
      ? "You"
      : (viewer.nameOf(account) ?? viewer.label(account));
  const delegate = (delegatee: Address) =>
    void write.run(
      delegatee.toLowerCase() === viewer.account?.toLowerCase()
        ? "Vote yourself"
        : `Give your vote to ${nameFor(delegatee)}`,
      ({ concord, options }) => governanceActions(concord).delegateVotes({ delegatee, ...options }),
      { onConfirmed: () => setTo("") },
    );
  const typed = parseAddress(to);
  const typedEntry = typed ? entries.find((entry) => entry.account === typed) : undefined;
  const typedPermission =
    typed === null
      ? { ok: false as const, reason: "Pick a member below, or enter an address (0x and 40 hex digits)." }
      : delegatePermission(
          base,
          mine,
          typedEntry ?? { account: typed, member: false, delegate: null, delegators: [] },
          nameFor(typed),
        );

  return (
    <section>
      <div className="page-head">
        <h1>Members</h1>
      </div>
      <p className="intro muted">
        Every member has one vote in the community house, and can give it to another member (delegate) to vote
        for them; a member can still vote on a given <a href={hrefOf({ name: "proposals" })}>proposal</a>{" "}
        themselves, which overrides their delegate there. A <strong>seat</strong> is a vote in the operational
        house: the delegate of each recognised cell holds one, counted a week after taking it.
      </p>
      {roster.error && (
        <p className="error" role="alert">
          Cannot read the members: {explainError(roster.error).message}
        </p>
      )}
      {roster.data && !viewer.account && (
        <p className="muted" data-testid="connect-to-delegate">
          Connect as a member to give your vote to someone.
        </p>
      )}
      {viewer.account && roster.data && (
        <section className="card" data-testid="your-vote" aria-labelledby="your-vote-title">
          <h2 id="your-vote-title">Your vote</h2>
          <p data-testid="your-delegation">
            {!mine?.member
              ? "You hold no membership, so you have no community vote to give."
              : mine.delegate === null
                ? "You have not delegated: your vote counts once you pick yourself or another member."
                : mine.delegate === mine.account
                  ? "You vote yourself."
                  : `You gave your vote to ${nameFor(mine.delegate)}.`}
          </p>
          <p data-testid="your-delegators">
            {mine && mine.delegators.length > 0
              ? `${plural(mine.delegators.length, "member")} gave you their vote: ${mine.delegators.map(nameFor).join(", ")}.`
              : "Nobody has given you their vote."}
          </p>
          <form
            className="inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              if (typedPermission.ok && typed) delegate(typed);
            }}
          >
            <label>
              Give my vote to an address{" "}
              <input
                value={to}
                onChange={(event) => setTo(event.target.value)}
                placeholder="0x…"
                spellCheck={false}
                autoComplete="off"
                data-testid="delegate-address"
              />
            </label>
            <ActionButton
              permission={typedPermission}
              busy={write.busy}
              type="submit"
              name="delegate-address"
            >
              Delegate
            </ActionButton>
          </form>
          <WriteStatus progress={write.progress} onDismiss={write.reset} />
        </section>
      )}
      <label className="search">
        Search members{" "}
        <input
          type="search"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setPage(0);
          }}
          placeholder="name or address"
          data-testid="member-search"
        />
      </label>
      {!roster.data ? (
        !roster.error && <p className="muted">Loading…</p>
      ) : (
        <>
          <p className="muted" data-testid="member-count">
            {roster.data.memberCount === entries.length
              ? plural(roster.data.memberCount, "member")
              : `${plural(roster.data.memberCount, "member")}, and ${plural(entries.length - roster.data.memberCount, "former member")} still holding delegated votes`}
            {query.trim() !== "" && ` · ${found.length} found`}
          </p>
          {found.length === 0 ? (
            <p className="muted">No member matches “{query.trim()}”.</p>
          ) : (
            <ul className="plain rows members" data-testid="member-list">
              {shown.items.map((entry) => (
                <MemberRow
                  key={entry.account}
                  entry={entry}
                  name={nameFor(entry.account)}
                  nameFor={nameFor}
                  isYou={entry.account === mine?.account}
                  power={powers.data?.get(entry.account)}
                  permission={delegatePermission(base, mine, entry, nameFor(entry.account))}
                  busy={write.busy}
                  onDelegate={() => delegate(entry.account)}
                  yourDelegate={mine?.delegate === entry.account}
                />
              ))}
            </ul>
          )}
          <Pager
            label="Member pages"
            page={shown.page}
            pages={shown.pages}
            onPage={setPage}
            className="pager"
          />
        </>
      )}
    </section>
  );
}

function MemberRow({
  entry,
  name,
  nameFor,
  isYou,
  power,
  permission,
  busy,
  onDelegate,
  yourDelegate,
}: {
  entry: RosterEntry;
  name: string;
  nameFor: (account: Address) => string;
  isYou: boolean;
  power: { communityVotes: bigint; seats: bigint } | undefined;
  permission: ReturnType<typeof delegatePermission>;
  busy: boolean;
  onDelegate: () => void;
  yourDelegate: boolean;
}) {
  const ens = useEnsName(entry.account);
  return (
    <li data-testid="member-row" data-account={entry.account}>
      <p>
        <Account address={entry.account} name={ens} />
        {!entry.member && <span className="badge">not a member</span>}
      </p>
      <p className="muted" data-testid="member-power">
        {power ? plural(power.communityVotes, "vote") : "… votes"} ·{" "}
        {power ? plural(power.seats, "seat") : "… seats"} ·{" "}
        {entry.delegate === null
          ? "has not delegated"
          : entry.delegate === entry.account
            ? "votes directly"
            : `gave their vote to ${nameFor(entry.delegate).replace(/^You$/, "you")}`}
      </p>
      <p className="muted" data-testid="member-delegators">
        {entry.delegators.length === 0
          ? "No delegator"
          : `Delegators: ${entry.delegators.map(nameFor).join(", ")}`}
      </p>
      {/* Only what the viewer can do: no row of disabled buttons (the reason is said once, above). */}
      {permission.ok ? (
        <ActionButton
          permission={permission}
          busy={busy}
          variant="secondary"
          name={isYou ? "vote-myself" : "delegate-to"}
          onClick={onDelegate}
        >
          {isYou ? "Vote myself" : `Give my vote to ${name}`}
        </ActionButton>
      ) : (
        yourDelegate && (
          <p>
            <span className="badge" data-testid="your-delegate-badge">
              {isYou ? "you vote yourself" : "your delegate"}
            </span>
          </p>
        )
      )}
    </li>
  );
}
