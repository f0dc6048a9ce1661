/**
 * Members and roles; stewards change roles, remove members, invite, and decide join requests.
 */
import { useState } from "react";
import type { Address } from "viem";

import { Roles } from "../../../../sdk/index.ts";
import type { DashboardCell as Cell, JoinRequest, Member, Page } from "../../../../sdk/index.ts";
import { Account } from "../../components/Account.tsx";
import { ActionButton, Gated } from "../../components/ActionButton.tsx";
import { JoinDecision } from "../../components/JoinDecision.tsx";
import { WriteStatus } from "../../components/WriteStatus.tsx";
import { useViewer, useWrite } from "../../concord.tsx";
import { useCellPage, useJoinRequestPages, useMemberPages } from "../../data/cells.ts";
import type { Write } from "../../concord.tsx";
import { explainError } from "../../lib/errors.ts";
import { parseAddress, rolesLabel } from "../../lib/format.ts";
import { can, canRemove, canSetRoles } from "../../lib/permissions.ts";
import type { CellStanding } from "../../lib/permissions.ts";
import { Time } from "../../components/Time.tsx";

function RoleBoxes({
  roles,
  onChange,
  idPrefix,
}: {
  roles: number;
  onChange: (roles: number) => void;
  idPrefix: string;
}) {
  const toggle = (bit: number) => onChange(roles & bit ? roles & ~bit : roles | bit);
  return (
    <span className="role-boxes">
      <label>
        <input type="checkbox" checked disabled /> member
      </label>
      <label htmlFor={`${idPrefix}-steward`}>
        <input
          id={`${idPrefix}-steward`}
          type="checkbox"
          checked={(roles & Roles.STEWARD) !== 0}
          onChange={() => toggle(Roles.STEWARD)}
        />{" "}
        steward
      </label>
      <label htmlFor={`${idPrefix}-delegate`}>
        <input
          id={`${idPrefix}-delegate`}
          type="checkbox"
          checked={(roles & Roles.DELEGATE) !== 0}
          onChange={() => toggle(Roles.DELEGATE)}
        />{" "}
        delegate
      </label>
    </span>
  );
}

function MemberRow({
  cell,
  standing,
  member,
  write,
}: {
  cell: Cell;
  standing: CellStanding;
  member: Member;
  write: Write;
}) {
  const viewer = useViewer();
  const [editing, setEditing] = useState(false);
  const [roles, setRoles] = useState(member.roles);
  const delegate = cell.delegate ? { account: cell.delegate, label: viewer.label(cell.delegate) } : null;
  const who = viewer.nameOf(member.account) ?? viewer.label(member.account);
  const mayEdit = can("changeRoles", viewer, standing).ok;
  return (
    <li data-member={member.account}>
      <div className="member-line">
        <Account address={member.account} />
        <span className="roles" data-testid="member-roles">
          {rolesLabel(member.roles)}
        </span>
        <span className="muted since">
          since <Time at={member.since} />
        </span>
        {mayEdit && (
          <button
            type="button"
            className="link-button"
            aria-expanded={editing}
            onClick={() => {
              setRoles(member.roles);
              setEditing(!editing);
            }}
          >
            {editing ? "Close" : "Change roles"}
          </button>
        )}
      </div>
      {editing && (
        <div className="member-edit">
          <RoleBoxes roles={roles} onChange={setRoles} idPrefix={`roles-${member.account}`} />
          <div className="button-row">
            <ActionButton
              permission={canSetRoles(viewer, standing, member, roles, delegate)}
              busy={write.busy}
              name="save-roles"
              onClick={() =>
                void write.run(
                  `Make ${who} ${rolesLabel(roles)}`,
                  ({ concord, options }) =>
                    concord.cells.setRoles({ cellId: cell.id, account: member.account, roles, ...options }),
                  { onConfirmed: () => setEditing(false) },
                )
              }
            >
              Save roles
            </ActionButton>
            <ActionButton
              permission={canRemove(viewer, standing, member)}
              busy={write.busy}
              variant="danger"
              name="remove-member"
              onClick={() =>
                void write.run(`Remove ${who}`, ({ concord, options }) =>
                  concord.cells.removeMember({ cellId: cell.id, account: member.account, ...options }),
                )
              }
            >
              Remove from {cell.name}
            </ActionButton>
          </div>
        </div>
      )}
    </li>
  );
}

function InviteForm({ cell, standing }: { cell: Cell; standing: CellStanding }) {
  const viewer = useViewer();
  const write = useWrite();
  const [account, setAccount] = useState("");
  const [roles, setRoles] = useState<number>(Roles.MEMBER);
  return (
    <form
      className="form invite"
      data-testid="invite-form"
      onSubmit={(event) => {
        event.preventDefault();
        const typed = parseAddress(account);
        void write.run(
          `Invite ${typed ? viewer.label(typed) : account.trim() || "an empty address"}`,
          ({ concord, options }) =>
            concord.cells.addMember({
              cellId: cell.id,
              account: account.trim() as Address,
              roles,
              ...options,
            }),
          { onConfirmed: () => setAccount("") },
        );
      }}
    >
      <h3>Invite a member</h3>
      <label htmlFor="invite-account">Account address</label>
      <input
        id="invite-account"
        name="account"
        value={account}
        onChange={(event) => setAccount(event.target.value)}
        placeholder="0x…"
        autoComplete="off"
        spellCheck={false}
      />
      <RoleBoxes roles={roles} onChange={setRoles} idPrefix="invite" />
      <ActionButton
        type="submit"
        permission={can("invite", viewer, standing)}
        busy={write.busy}
        name="invite"
      >
        Invite
      </ActionButton>
      <WriteStatus progress={write.progress} onDismiss={write.reset} />
    </form>
  );
}

/** "Show more" under a list read a page at a time. */
function ShowMore({
  pages,
  testId,
}: {
  pages: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => Promise<unknown> };
  testId: string;
}) {
  if (!pages.hasNextPage) return null;
  return (
    <p>
      <button
        type="button"
        data-testid={testId}
        disabled={pages.isFetchingNextPage}
        onClick={() => void pages.fetchNextPage()}
      >
        {pages.isFetchingNextPage ? "Loading…" : "Show more"}
      </button>
    </p>
  );
}

/** The members, from the cell page's first page, then a page more at each "Show more". */
function MemberList({
  cell,
  standing,
  first,
  write,
}: {
  cell: Cell;
  standing: CellStanding;
  first: Page<Member>;
  write: Write;
}) {
  const pages = useMemberPages(cell.id, first);
  const members = pages.data.pages.flatMap((page) => page.items);
  if (members.length === 0)
    return <p className="muted">No member yet: the stewards above invite the first ones.</p>;
  return (
    <>
      <ul className="plain rows members" data-testid="members">
        {members.map((member) => (
          <MemberRow key={member.account} cell={cell} standing={standing} member={member} write={write} />
        ))}
      </ul>
      {pages.error && <p className="error">Cannot read more members: {explainError(pages.error).message}</p>}
      <ShowMore pages={pages} testId="members-more" />
    </>
  );
}

/** The pending join requests, from the cell page's first page, then a page more at each "Show more". */
function JoinRequestList({
  cell,
  first,
  decide,
  write,
}: {
  cell: Cell;
  first: Page<JoinRequest>;
  decide: ReturnType<typeof can>;
  write: Write;
}) {
  const pages = useJoinRequestPages(cell.id, first);
  const requests = pages.data.pages.flatMap((page) => page.items);
  if (requests.length === 0) return <p className="muted">No pending request.</p>;
  return (
    <>
      <ul className="plain rows">
        {requests.map((request) => (
          <li key={request.account} data-applicant={request.account}>
            <p>
              <Account address={request.account} /> asked on <Time at={request.requestedAt} />.
            </p>
            <JoinDecision cellId={cell.id} account={request.account} permission={decide} write={write} />
          </li>
        ))}
      </ul>
      {pages.error && <p className="error">Cannot read more requests: {explainError(pages.error).message}</p>}
      <ShowMore pages={pages} testId="join-requests-more" />
    </>
  );
}

export function MembersPanel({ cell, standing }: { cell: Cell; standing: CellStanding }) {
  const viewer = useViewer();
  const page = useCellPage(cell.id, (data) => data);
  const decide = can("decideJoin", viewer, standing);
  const memberWrite = useWrite();
  const requestWrite = useWrite();
  return (
    <section className="card" aria-labelledby="members-title">
      <h2 id="members-title">Members and roles</h2>
      {page.error && <p className="error">Cannot read the members: {explainError(page.error).message}</p>}
      {page.data ? (
        <MemberList cell={cell} standing={standing} first={page.data.members} write={memberWrite} />
      ) : (
        !page.error && <p className="muted">Loading…</p>
      )}
      <WriteStatus progress={memberWrite.progress} onDismiss={memberWrite.reset} />

      <div data-testid="join-requests">
        <h3>Requests to join</h3>
        {page.data && (
          <JoinRequestList cell={cell} first={page.data.joinRequests} decide={decide} write={requestWrite} />
        )}
        <WriteStatus progress={requestWrite.progress} onDismiss={requestWrite.reset} />
      </div>
      <Gated permission={can("invite", viewer, standing)} label="Invite a member">
        <InviteForm cell={cell} standing={standing} />
      </Gated>
    </section>
  );
}
