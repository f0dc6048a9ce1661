/**
 * Writing a proposal: a title and details, calls from a catalogue of Concord actions (or a raw call for
 * experts), and, before anything is sent, whether it will be operational or constitutional and why (the
 * SDK's `classifyProposal`, computed as the contracts will judge it).
 */
import { buildProposalCall, governanceActions } from "../../../../sdk/index.ts";
import { useState } from "react";
import type { ReactNode } from "react";
import { formatEther } from "viem";

import type { ProposalCallInput } from "../../../../sdk/index.ts";
import { ActionButton } from "../../components/ActionButton.tsx";
import { WriteStatus } from "../../components/WriteStatus.tsx";
import { useConcord, useDirectory, useViewer, useWrite } from "../../concord.tsx";
import { useProposalPreview } from "../../data/governance.ts";
import { useProposingRights } from "../../data/votes.ts";
import { explainError } from "../../lib/errors.ts";
import { formatLocalDateTime } from "../../lib/format.ts";
import { buildRawCall, catalogue, proposingRights, toGovernanceAction } from "../../lib/governance.ts";
import type { CatalogueField } from "../../lib/governance.ts";
import { canWrite } from "../../lib/permissions.ts";
import type { Permission } from "../../lib/permissions.ts";
import { proposalHref } from "../../lib/route.ts";
import { CallWords, KindTag } from "./shared.tsx";
import { Simulation } from "./Simulation.tsx";
import { TreasuryCheck } from "./TreasuryCheck.tsx";

const RAW = "raw";

function Field({
  field,
  value,
  onChange,
}: {
  field: CatalogueField;
  value: string;
  onChange: (value: string) => void;
}) {
  const { data: directory } = useDirectory();
  const id = `field-${field.name}`;
  const select = (selected: string, options: ReactNode) => (
    <label htmlFor={id}>
      {field.label}
      <select
        id={id}
        value={selected}
        onChange={(event) => onChange(event.target.value)}
        data-field={field.name}
      >
        {options}
      </select>
    </label>
  );
  if (field.kind === "cell")
    return select(
      value,
      <>
        <option value="">Choose a cell…</option>
        {directory?.cells.map((cell) => (
          <option key={String(cell.id)} value={String(cell.id)}>
            {cell.name} (#{String(cell.id)})
          </option>
        ))}
      </>,
    );
  if (field.kind === "recognised")
    return select(
      value || "yes",
      <>
        <option value="yes">Recognise it</option>
        <option value="no">Stop recognising it</option>
      </>,
    );
  if (field.kind === "house")
    return select(
      value,
      <>
        <option value="">Choose a house…</option>
        <option value="operational">Operational house</option>
        <option value="community">Community house</option>
      </>,
    );
  return (
    <label htmlFor={id}>
      {field.label}
      <input
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        inputMode={field.kind === "account" || field.kind === "optionalAccount" ? "text" : "decimal"}
        placeholder={field.kind === "account" || field.kind === "optionalAccount" ? "0x…" : undefined}
        spellCheck={false}
        autoComplete="off"
        data-field={field.name}
      />
    </label>
  );
}

export function NewProposalPage() {
  const { reader } = useConcord();
  const viewer = useViewer();
  const write = useWrite();
  const [title, setTitle] = useState("");
  const [details, setDetails] = useState("");
  const [calls, setCalls] = useState<ProposalCallInput[]>([]);
  const [actionId, setActionId] = useState<string>(catalogue[0]!.id);
  const [values, setValues] = useState<Record<string, string>>({});
  const [raw, setRaw] = useState({ target: "", value: "", data: "" });
  const [addError, setAddError] = useState<string | null>(null);

  const offered = catalogue.filter((action) => !action.needsLeases || reader.addresses.resourceLeases);
  const action = offered.find((entry) => entry.id === actionId);
  const description = details.trim() ? `${title.trim()}\n\n${details.trim()}` : title.trim();
  const preview = useProposalPreview(calls, description);
  const rightsQuery = useProposingRights(viewer.account);
  const rights = rightsQuery.data
    ? proposingRights(
        {
          operational: rightsQuery.data.settings.operational.proposalThreshold,
          community: rightsQuery.data.settings.community.proposalThreshold,
        },
        rightsQuery.data.power,
        formatLocalDateTime,
      )
    : null;
  const right = preview.data ? rights?.find((entry) => entry.kind === preview.data.kind) : undefined;

  const add = async () => {
    let call: ProposalCallInput;
    if (actionId === RAW) {
      const built = buildRawCall(raw);
      if (!built.ok) return setAddError(built.error);
      call = built.call;
    } else {
      const built = toGovernanceAction(actionId, values);
      if (!built.ok) return setAddError(built.error);
      try {
        // The SDK encodes it against the deployment (and refuses what it cannot encode, in words).
        call = await buildProposalCall(reader, built.action);
      } catch (error) {
        return setAddError(explainError(error).message);
      }
    }
    setAddError(null);
    setCalls((list) => [...list, call]);
    setValues({});
    setRaw({ target: "", value: "", data: "" });
  };

  const base = canWrite(viewer);
  const permission: Permission = !base.ok
    ? base
    : rights && rights.every((entry) => !entry.ok)
      ? { ok: false, reason: rights.map((entry) => entry.sentence).join(" ") }
      : title.trim() === ""
        ? { ok: false, reason: "Give the proposal a title." }
        : calls.length === 0
          ? { ok: false, reason: "Add at least one call." }
          : !preview.data || preview.isPlaceholderData
            ? { ok: false, reason: "Checking whether it is operational or constitutional…" }
            : right && !right.ok
              ? { ok: false, reason: right.sentence }
              : { ok: true };
  const submit = () => {
    if (!permission.ok || !preview.data) return;
    const expectKind = preview.data.kind;
    void write.run(
      `Propose “${title.trim()}” (${expectKind})`,
      ({ concord, options }) =>
        governanceActions(concord).proposeGovernance({ calls, description, expectKind, ...options }),
      {
        summary: (result) =>
          `Proposed in the ${result.house} house as ${result.kind === "operational" ? "an operational" : "a constitutional"} proposal.`,
        onConfirmed: (result) => {
          window.location.hash = proposalHref(result.proposalId);
        },
      },
    );
  };

  return (
    <section data-testid="new-proposal">
      <nav aria-label="Breadcrumb" className="breadcrumbs">
        <a href="#/proposals">Governance</a>
      </nav>
      <h1>New proposal</h1>
      <section className="card" aria-labelledby="rights-title" data-testid="proposing-rights">
        <h2 id="rights-title">Who may propose</h2>
        {rightsQuery.error ? (
          <p className="error" role="alert">
            {explainError(rightsQuery.error).message}
          </p>
        ) : !rights ? (
          <p className="muted">Reading your votes and seats…</p>
        ) : (
          <ul className="plain">
            {rights.map((entry) => (
              <li key={entry.kind} data-kind={entry.kind} data-ok={String(entry.ok)}>
                <span className={`tag ${entry.ok ? "ok" : "warn"}`}>
                  {entry.ok ? "you can" : "you cannot"}
                </span>{" "}
                <span className={`tag kind-${entry.kind}`}>{entry.kind}</span> {entry.sentence}
              </li>
            ))}
          </ul>
        )}
      </section>
      <form
        className="form card"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <label htmlFor="proposal-title">Title</label>
        <input
          id="proposal-title"
          value={title}
          maxLength={200}
          onChange={(event) => setTitle(event.target.value)}
          data-testid="proposal-title"
        />
        <label htmlFor="proposal-details">Details (optional)</label>
        <textarea
          id="proposal-details"
          rows={3}
          value={details}
          onChange={(event) => setDetails(event.target.value)}
        />

        <fieldset className="call-builder">
          <legend>Add a call</legend>
          <label htmlFor="proposal-action">Action</label>
          <select
            id="proposal-action"
            value={actionId}
            onChange={(event) => {
              setActionId(event.target.value);
              setValues({});
              setAddError(null);
            }}
            data-testid="proposal-action"
          >
            {offered.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.label}
              </option>
            ))}
            <option value={RAW}>Raw call (experts): target, value, calldata</option>
          </select>
          <div className="fields">
            {actionId === RAW ? (
              <>
                <label htmlFor="raw-target">
                  Target
                  <input
                    id="raw-target"
                    value={raw.target}
                    onChange={(event) => setRaw({ ...raw, target: event.target.value })}
                    placeholder="0x…"
                    spellCheck={false}
                    data-field="target"
                  />
                </label>
                <label htmlFor="raw-value">
                  Value (ETH)
                  <input
                    id="raw-value"
                    value={raw.value}
                    onChange={(event) => setRaw({ ...raw, value: event.target.value })}
                    placeholder="0"
                    inputMode="decimal"
                    data-field="value"
                  />
                </label>
                <label htmlFor="raw-data">
                  Calldata (the encoded function call: its selector and arguments, as a wallet or block
                  explorer shows it)
                  <input
                    id="raw-data"
                    value={raw.data}
                    onChange={(event) => setRaw({ ...raw, data: event.target.value })}
                    placeholder="0x…"
                    spellCheck={false}
                    data-field="data"
                  />
                </label>
              </>
            ) : (
              action?.fields.map((field) => (
                <Field
                  key={field.name}
                  field={field}
                  value={values[field.name] ?? ""}
                  onChange={(value) => setValues({ ...values, [field.name]: value })}
                />
              ))
            )}
          </div>
          <button type="button" className="secondary" onClick={() => void add()} data-action="add-call">
            Add this call
          </button>
          {addError && (
            <p className="error" role="alert" data-testid="add-call-error">
              {addError}
            </p>
          )}
        </fieldset>

        <section aria-labelledby="preview-title" className="proposal-preview" data-testid="proposal-preview">
          <h2 id="preview-title">Calls and kind</h2>
          {calls.length === 0 ? (
            <p className="muted">No call yet.</p>
          ) : (
            <ol className="calls">
              {calls.map((call, i) => {
                const classified = preview.data?.calls[i];
                return (
                  <li key={i}>
                    <CallWords call={call} />
                    {call.value !== undefined && BigInt(call.value) > 0n && call.data !== "0x" && (
                      <span className="muted"> (with {formatEther(BigInt(call.value))} ETH)</span>
                    )}
                    {classified?.constitutional && (
                      <span className="tag kind-constitutional" title={classified.explanation ?? undefined}>
                        constitutional
                      </span>
                    )}{" "}
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => setCalls((list) => list.filter((_, j) => j !== i))}
                      aria-label={`Remove call ${i + 1}`}
                    >
                      Remove
                    </button>
                  </li>
                );
              })}
            </ol>
          )}
          {preview.error ? (
            <p className="error" role="alert">
              {explainError(preview.error).message}
            </p>
          ) : (
            preview.data &&
            calls.length > 0 && (
              <p data-testid="proposal-kind-preview" data-kind={preview.data.kind}>
                It will be <KindTag kind={preview.data.kind} />, proposed in the {preview.data.house} house.{" "}
                {preview.data.explanation}
              </p>
            )
          )}
        </section>

        <TreasuryCheck calls={calls} />
        <Simulation calls={calls} />
        <p className="muted" data-testid="proposer-suffix">
          Your address is appended to the description (#proposer=…), so that nobody can propose the same text
          first, become its proposer and cancel it.
        </p>
        <ActionButton permission={permission} busy={write.busy} type="submit" name="propose">
          Propose
        </ActionButton>
        <WriteStatus progress={write.progress} onDismiss={write.reset} />
      </form>
    </section>
  );
}
