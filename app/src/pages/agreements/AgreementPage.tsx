/**
 * An agreement's page: parties and who acknowledged (when, how), status, terms, expiry, amendments
 * linked both ways, the timeline, and every action the viewer may take (acknowledge by transaction or by
 * signature, collect and submit signatures, decline, withdraw, terminate, amend).
 */
import { visibleText } from "../../../../sdk/index.ts";
import type { TimelineEntry } from "../../../../sdk/index.ts";
import type { Address } from "viem";
import { Account } from "../../components/Account.tsx";
import { Party } from "../../components/Party.tsx";
import { TxHash } from "../../components/TxHash.tsx";
import { useDirectory } from "../../concord.tsx";
import { useAgreement } from "../../data/agreements.ts";
import { agreementTitle } from "../../lib/agreements.ts";
import { explainError } from "../../lib/errors.ts";
import { documentWarning, safeHref } from "../../lib/format.ts";
import { agreementHref } from "../../lib/route.ts";
import { AgreementActions } from "./AgreementActions.tsx";
import { SignaturesPanel } from "./SignaturesPanel.tsx";
import { useKeptSignatures } from "./signatures.ts";
import { Time } from "../../components/Time.tsx";

function CellName({ cellId }: { cellId: bigint }) {
  return <Party party={{ kind: "cell", cellId }} />;
}

/** "Declined by 0x… for Cell", the cell only where the account acted for one. */
function ActedBy({ verb, by, cellId }: { verb: string; by: Address; cellId: bigint | null }) {
  return (
    <>
      {verb} by <Account address={by} />
      {cellId !== null && (
        <>
          {" "}
          for <CellName cellId={cellId} />
        </>
      )}
    </>
  );
}

function TimelineItem({ entry }: { entry: TimelineEntry }) {
  const when = <Time at={entry.timestamp} />;
  let what;
  switch (entry.kind) {
    case "proposed":
      what = (
        <>
          Proposed by <Account address={entry.by} />
          {entry.amends !== null && (
            <>
              {" "}
              as an amendment of <a href={agreementHref(entry.amends)}>agreement #{String(entry.amends)}</a>
            </>
          )}
        </>
      );
      break;
    case "acknowledged":
      what = (
        <>
          <ActedBy verb="Acknowledged" by={entry.by} cellId={entry.cellId} />{" "}
          <span className="tag">{entry.bySignature ? "by signature" : "by transaction"}</span>
        </>
      );
      break;
    case "activated":
      what = <>Every party acknowledged: active</>;
      break;
    case "declined":
      what = <ActedBy verb="Declined" by={entry.by} cellId={entry.cellId} />;
      break;
    case "withdrawn":
      what = (
        <>
          Withdrawn by <Account address={entry.by} />
        </>
      );
      break;
    case "terminated":
      what = <ActedBy verb="Terminated" by={entry.by} cellId={entry.cellId} />;
      break;
    case "superseded":
      what = (
        <>
          Superseded by <a href={agreementHref(entry.amendmentId)}>agreement #{String(entry.amendmentId)}</a>
        </>
      );
      break;
    case "expired":
      what = (
        <>{entry.reason === "time" ? "Expired" : "Lapsed: the agreement it amends is no longer active"}</>
      );
      break;
  }
  return (
    <li data-kind={entry.kind}>
      {when} — {what}
      {entry.transactionHash && (
        <span className="muted">
          {" "}
          · <TxHash hash={entry.transactionHash} />
        </span>
      )}
    </li>
  );
}

export function AgreementPage({ agreementId }: { agreementId: bigint }) {
  const { data, error, isPending } = useAgreement(agreementId);
  const { data: directory } = useDirectory();
  const signatures = useKeptSignatures();
  if (isPending) return <p className="muted">Loading agreement {String(agreementId)}…</p>;
  if (!data) {
    return (
      <section>
        <h1>Agreement #{String(agreementId)}</h1>
        <p className="error" role="alert">
          {error ? explainError(error).message : "This agreement could not be read."}
        </p>
        <p>
          <a href="#/agreements">All agreements</a>
        </p>
      </section>
    );
  }
  const { agreement, timeline } = data;
  const link = safeHref(agreement.termsURI);
  // Said before anyone acknowledges: a party must be able to read what it commits to.
  const unreadable =
    agreement.acknowledgedCount < agreement.partyCount ? documentWarning(agreement.termsURI) : null;
  const cellName = (id: bigint) => directory?.byId.get(id)?.name ?? `cell ${id}`;
  const title = agreementTitle(agreement);
  return (
    <section data-testid="agreement-page" className="agreement-page">
      <nav aria-label="Breadcrumb" className="breadcrumbs">
        <a href="#/agreements">Agreements</a>
      </nav>
      <div className="page-head">
        <h1>
          <bdi data-testid="agreement-title">{title}</bdi>{" "}
          <span className="muted">#{String(agreement.id)}</span>
        </h1>
        <span className="tags">
          <span className={`tag status-${agreement.statusName}`} data-testid="agreement-status">
            {agreement.statusName}
          </span>
        </span>
      </div>
      {(agreement.amends !== null || agreement.supersededBy !== null || agreement.amendments.length > 0) && (
        <p className="links" data-testid="amendment-links">
          {agreement.amends !== null && (
            <>
              Amends <a href={agreementHref(agreement.amends)}>agreement #{String(agreement.amends)}</a>.{" "}
            </>
          )}
          {agreement.supersededBy !== null && (
            <>
              Superseded by{" "}
              <a href={agreementHref(agreement.supersededBy)}>agreement #{String(agreement.supersededBy)}</a>
              .{" "}
            </>
          )}
          {agreement.amendments.length > 0 && (
            <>
              Amendments proposed:{" "}
              {agreement.amendments.map((id, i) => (
                <span key={String(id)}>
                  {i > 0 && ", "}
                  <a href={agreementHref(id)}>#{String(id)}</a>
                </span>
              ))}
              .
            </>
          )}
        </p>
      )}
      {unreadable && (
        <p className="warning" role="note" data-testid="document-warning">
          {unreadable}
        </p>
      )}
      {title !== agreement.title && (
        <p className="warning" role="note" data-testid="title-warning">
          The title contains invisible control or text-direction characters, shown as �: it may not say what
          it seems to. Read the document before you commit to it.
        </p>
      )}
      <div className="two-columns">
        <div className="card">
          <h2>Parties</h2>
          <p className="muted">
            {agreement.acknowledgedCount} of {agreement.partyCount} acknowledged. A cell party is acknowledged
            by any steward of the cell or of a cell above it.
          </p>
          <ul className="plain rows" data-testid="parties">
            {agreement.parties.map((party) => (
              <li
                key={party.kind === "account" ? party.account : String(party.cellId)}
                data-acknowledged={party.acknowledged}
              >
                <Party
                  party={
                    party.kind === "account"
                      ? { kind: "account", account: party.account }
                      : { kind: "cell", cellId: party.cellId }
                  }
                />{" "}
                {party.acknowledged ? (
                  <span className="ok">
                    ✓ acknowledged
                    {party.acknowledgement && (
                      <>
                        {party.kind === "cell" && (
                          <>
                            {" "}
                            by <Account address={party.acknowledgement.by} />
                          </>
                        )}{" "}
                        {party.acknowledgement.bySignature ? "by signature" : "by transaction"},{" "}
                        <Time at={party.acknowledgement.timestamp} />
                      </>
                    )}
                  </span>
                ) : (
                  <span className="muted">not acknowledged</span>
                )}
              </li>
            ))}
          </ul>
        </div>
        <div className="card">
          <h2>Terms</h2>
          <dl className="facts compact">
            <dt>Document</dt>
            <dd className="break">
              {agreement.termsURI ? (
                link ? (
                  <a href={link} target="_blank" rel="noreferrer">
                    {visibleText(agreement.termsURI)}
                  </a>
                ) : (
                  <code>{visibleText(agreement.termsURI)}</code>
                )
              ) : (
                <span className="muted">no link given</span>
              )}
            </dd>
            <dt>Hash</dt>
            <dd>
              <code className="break" data-testid="terms-hash">
                {agreement.termsHash}
              </code>
            </dd>
            <dt>Expiry</dt>
            <dd>{agreement.expiresAt === null ? "none" : <Time at={agreement.expiresAt} />}</dd>
            <dt>Proposed by</dt>
            <dd>
              <Account address={agreement.proposer} />, <Time at={agreement.proposedAt} />
            </dd>
            {agreement.activatedAt !== null && (
              <>
                <dt>Active since</dt>
                <dd>
                  <Time at={agreement.activatedAt} />
                </dd>
              </>
            )}
            {agreement.terminatedBy !== null && agreement.terminatedAt !== null && (
              <>
                <dt>Terminated</dt>
                <dd>
                  by <Account address={agreement.terminatedBy} />
                  {agreement.ending?.cellId != null && ` for ${cellName(agreement.ending.cellId)}`},{" "}
                  <Time at={agreement.terminatedAt} />
                </dd>
              </>
            )}
          </dl>
        </div>
      </div>
      <AgreementActions agreement={agreement} onSigned={(signed) => signatures.add([signed])} />
      <SignaturesPanel agreement={agreement} signatures={signatures} />
      <section className="card" aria-labelledby="timeline-title">
        <h2 id="timeline-title">Timeline</h2>
        <ol className="timeline" data-testid="timeline">
          {timeline.map((entry, i) => (
            <TimelineItem
              key={`${entry.kind}:${entry.logIndex ?? i}:${entry.blockNumber ?? "derived"}`}
              entry={entry}
            />
          ))}
        </ol>
      </section>
    </section>
  );
}
