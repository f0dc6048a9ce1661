/**
 * The dashboard's agreement sections: what waits for the connected member's acknowledgement (as an
 * account party or as a steward of a cell party), and the DAO's active agreements. Both read the
 * batched DAO queries (events + one multicall): no request of their own.
 */
import { ActionButton } from "../../components/ActionButton.tsx";
import { PartyList } from "../../components/Party.tsx";
import { Party } from "../../components/Party.tsx";
import { WriteStatus } from "../../components/WriteStatus.tsx";
import { useDaoEvents, useViewer, useWrite } from "../../concord.tsx";
import { useAgreementRows, useStewards } from "../../data/queries.ts";
import type { AgreementRow } from "../../data/queries.ts";
import { agreementTitle, canOnAgreement, partiesOf, partyKey, waitingParties } from "../../lib/agreements.ts";
import type { PartyRef } from "../../lib/agreements.ts";
import { Time } from "../../components/Time.tsx";
import { plural } from "../../lib/format.ts";
import { agreementHref } from "../../lib/route.ts";
import { acknowledgeAgreement, acknowledgeAgreementForCell } from "../../../../sdk/index.ts";

function Loading() {
  return <p className="muted">Loading…</p>;
}

/** An agreement's link: "Agreement #4: On-call rota (amends #1)". */
export function AgreementTitle({ row }: { row: AgreementRow }) {
  return (
    <a href={agreementHref(row.id)} className="agreement-link">
      Agreement #{String(row.id)}: <bdi>{agreementTitle(row)}</bdi>
      {row.amends !== null && ` (amends #${row.amends})`}
    </a>
  );
}

/** Agreements waiting for the member: acknowledge here, or open the agreement to sign or decline. */
export function AgreementsWaiting() {
  const viewer = useViewer();
  const rows = useAgreementRows();
  const stewards = useStewards();
  const write = useWrite();
  if (!rows) return <Loading />;
  const waiting = rows
    .map((row) => ({ row, parties: waitingParties(row, viewer.account, stewards) }))
    .filter(({ parties }) => parties.length > 0);
  const acknowledge = (row: AgreementRow, party: PartyRef) =>
    void write.run(
      party.kind === "account"
        ? `Acknowledge agreement ${row.id}`
        : `Acknowledge agreement ${row.id} for cell ${party.cellId}`,
      ({ concord, options }) =>
        party.kind === "account"
          ? acknowledgeAgreement(concord, {
              agreementId: row.id,
              termsHash: row.termsHash,
              ...options,
            })
          : acknowledgeAgreementForCell(concord, {
              agreementId: row.id,
              cellId: party.cellId,
              termsHash: row.termsHash,
              ...options,
            }),
      {
        summary: (result) =>
          result.activated.length > 0
            ? `Agreement ${row.id} is now active.`
            : `Acknowledged agreement ${row.id}.`,
      },
    );
  return (
    <div data-testid="agreements-waiting">
      {waiting.length === 0 && <p className="muted">No agreement waits for your acknowledgement.</p>}
      <ul className="plain rows">
        {waiting.map(({ row, parties }) => (
          <li key={String(row.id)}>
            <p>
              <AgreementTitle row={row} /> between <PartyList parties={partiesOf(row)} />{" "}
              <span className="muted">
                — {row.acknowledgedCount} of {row.partyCount} acknowledged
              </span>
            </p>
            <div className="actions">
              {parties.map((party) => (
                <ActionButton
                  key={partyKey(party)}
                  permission={canOnAgreement("acknowledge", viewer, row, party)}
                  busy={write.busy}
                  onClick={() => acknowledge(row, party)}
                  name="acknowledge"
                >
                  {party.kind === "account" ? (
                    "Acknowledge"
                  ) : (
                    <>
                      Acknowledge for <Party party={party} />
                    </>
                  )}
                </ActionButton>
              ))}
              <a href={agreementHref(row.id)}>Read the terms, sign or decline</a>
            </div>
          </li>
        ))}
      </ul>
      <WriteStatus progress={write.progress} onDismiss={write.reset} />
    </div>
  );
}

/** The DAO's active agreements, and how many wait for acknowledgements. */
export function ActiveAgreements() {
  const rows = useAgreementRows();
  const total = useDaoEvents().data?.totals?.agreements;
  if (!rows) return <Loading />;
  const active = rows.filter((row) => row.statusName === "active");
  const proposed = rows.filter((row) => row.statusName === "proposed").length;
  return (
    <div data-testid="active-agreements">
      <p className="muted">
        {(total ?? 0) > rows.length &&
          `Of ${total} agreements, ${rows.length} shown (yours, then the newest): `}
        {plural(active.length, "active agreement")}, {plural(proposed, "proposal")} waiting for
        acknowledgements. <a href="#/agreements">All agreements</a> ·{" "}
        <a href="#/agreements/new">Propose one</a>
      </p>
      <ul className="plain rows">
        {active.map((row) => (
          <li key={String(row.id)}>
            <AgreementTitle row={row} /> between <PartyList parties={partiesOf(row)} />
            <span className="muted">
              {" "}
              —{" "}
              {row.expiresAt === null ? (
                "no expiry"
              ) : (
                <>
                  until <Time at={row.expiresAt} />
                </>
              )}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
