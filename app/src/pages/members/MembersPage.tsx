/**
 * The member directory (`#/members`, lazy chunk): the community house's roster a page at a time (Previous /
 * Next over the SDK's cursors), each with its votes, operational seats, delegate and delegators; search by
 * name (the accounts the app knows by name) or by address; delegate by picking a member (an address still
 * works); the viewer's own vote and who delegated to the viewer. It reads only what it shows: one roster page
 * (`getMemberRoster`), the viewer's entry, the searched or typed accounts' entries, and the shown accounts'
 * votes and seats (`getMemberPowers`), each through the SDK React entry's factories (data/members.ts).
 */
import { useState } from "react";
import type { Address } from "viem";

import { governanceActions } from "../../../../sdk/index.ts";
import type { MemberPower, RosterEntry } from "../../../../sdk/index.ts";
import { Account } from "../../components/Account.tsx";
import { ActionButton } from "../../components/ActionButton.tsx";
import { WriteStatus } from "../../components/WriteStatus.tsx";
import { useConcord, useViewer, useWrite } from "../../concord.tsx";
import { useMemberPowers, useRosterEntries, useRosterPage } from "../../data/members.ts";
import { useEnsName } from "../../data/names.ts";
import { explainError } from "../../lib/errors.ts";
import { parseAddress, plural } from "../../lib/format.ts";
import { canWrite } from "../../lib/permissions.ts";
import { hrefOf } from "../../lib/route.ts";
import { devAccounts } from "../../wallet/devWallet.ts";
import { delegatePermission, delegatorsInWords, searchAccounts, viewerFirst } from "./directory.ts";

const none: readonly Address[] = [];

export function MembersPage() {
  const { app } = useConcord();
  const viewer = useViewer();
  const write = useWrite();
  const [query, setQuery] = useState("");
  // The cursors of the pages visited: the last one is shown (null: the first page).
  const [trail, setTrail] = useState<(string | null)[]>([null]);
  const [to, setTo] = useState("");
  const known = app.isLocal ? devAccounts.map((dev) => dev.address) : none;
  const searched = searchAccounts(query, known, viewer.nameOf, viewer.account);
  const page = useRosterPage(trail[trail.length - 1] ?? null, searched === null);
  const search = useRosterEntries(searched ?? none);
  // The viewer's and a typed account's entries: from the entries read already, else one read of their own.
  // (Only the list shown: the other one is not refreshed while it is not shown.)
  const read = (searched === null ? page.data?.items : search.data?.items) ?? [];
  const readEntry = (account: Address | null) =>
    account === null ? undefined : read.find((entry) => entry.account === account);
  const settled = searched === null ? page.data !== undefined : search.data !== undefined || !searched.length;
  const ownRead = (account: Address | null) =>
    account !== null && settled && !readEntry(account) ? [account] : none;
  const mineQuery = useRosterEntries(ownRead(viewer.account));
  const typed = parseAddress(to);
  const typedQuery = useRosterEntries(ownRead(typed));
  const mine = readEntry(viewer.account) ?? mineQuery.data?.items[0];
  const mineKnown = readEntry(viewer.account) !== undefined || mineQuery.data !== undefined;
  const error = page.error ?? search.error ?? mineQuery.error;
  const memberCount = ((searched === null ? page.data : search.data) ?? mineQuery.data)?.memberCount;
  // Searching: the searched accounts' entries; browsing: the page, the viewer first on the first page.
  const listed: RosterEntry[] | undefined =
    searched !== null
      ? searched.length === 0
        ? []
        : search.data &&
          viewerFirst(
            search.data.items,
            search.data.items.find((entry) => entry.account === viewer.account),
            viewer.account,
          )
      : page.data && viewerFirst(page.data.items, trail.length === 1 ? mine : undefined, viewer.account);
  const powers = useMemberPowers(listed?.map((entry) => entry.account) ?? none);
  const powerOf = (account: Address): MemberPower | undefined =>
    powers.data?.find((power) => power.account === account);
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
  const typedEntry = readEntry(typed) ?? (typed ? typedQuery.data?.items[0] : undefined);
  const typedPermission =
    typed === null
      ? { ok: false as const, reason: "Pick a member below, or enter an address (0x and 40 hex digits)." }
      : !typedEntry && !typedQuery.data
        ? { ok: false as const, reason: "Reading whether this account is a member…" }
        : delegatePermission(
            base,
            mine,
            typedEntry ?? {
              account: typed,
              member: false,
              delegate: null,
              delegators: [],
              delegatorCount: 0,
            },
            nameFor(typed),
          );
  const loaded = memberCount !== undefined;

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
      {error && (
        <p className="error" role="alert">
          Cannot read the members: {explainError(error).message}
        </p>
      )}
      {loaded && !viewer.account && (
        <p className="muted" data-testid="connect-to-delegate">
          Connect as a member to give your vote to someone.
        </p>
      )}
      {viewer.account && mineKnown && (
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
            {mine && mine.delegatorCount > 0
              ? `${plural(mine.delegatorCount, "member")} gave you their vote: ${delegatorsInWords(mine, nameFor)}.`
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
          onChange={(event) => setQuery(event.target.value)}
          placeholder="name or address"
          data-testid="member-search"
        />
      </label>
      {!listed ? (
        !error && <p className="muted">Loading…</p>
      ) : (
        <>
          <p className="muted" data-testid="member-count">
            {loaded ? plural(memberCount, "member") : "Members"}
            {searched !== null && ` · ${listed.length} found`}
          </p>
          {listed.length === 0 ? (
            <p className="muted">
              {searched !== null
                ? `No member matches “${query.trim()}” (search a name, or a whole address).`
                : "No member yet."}
            </p>
          ) : (
            <ul className="plain rows members" data-testid="member-list">
              {listed.map((entry) => (
                <MemberRow
                  key={entry.account}
                  entry={entry}
                  name={nameFor(entry.account)}
                  nameFor={nameFor}
                  isYou={entry.account === mine?.account}
                  power={powerOf(entry.account)}
                  permission={delegatePermission(base, mine, entry, nameFor(entry.account))}
                  busy={write.busy}
                  onDelegate={() => delegate(entry.account)}
                  yourDelegate={mine?.delegate === entry.account}
                />
              ))}
            </ul>
          )}
          {searched === null && (trail.length > 1 || page.data?.next) && (
            <nav className="pager" aria-label="Member pages">
              <button
                type="button"
                className="secondary"
                disabled={trail.length === 1}
                onClick={() => setTrail(trail.slice(0, -1))}
              >
                Previous
              </button>
              <span className="muted">Page {trail.length}</span>
              <button
                type="button"
                className="secondary"
                disabled={!page.data?.next || page.isPlaceholderData}
                onClick={() => page.data?.next && setTrail([...trail, page.data.next])}
              >
                Next
              </button>
            </nav>
          )}
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
        {entry.delegatorCount === 0 ? "No delegator" : `Delegators: ${delegatorsInWords(entry, nameFor)}`}
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
