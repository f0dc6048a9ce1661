/**
 * The decision-owner map: who makes the final call on each topic here (set on this cell, or inherited
 * from the cells above), a "who makes the final call on …?" search showing the escalation path, and
 * (stewards) naming an owner.
 */
import { useState } from "react";
import type { Address } from "viem";

import type { DashboardCell as Cell } from "../../../../sdk/index.ts";
import { Account } from "../../components/Account.tsx";
import { ActionButton, Gated } from "../../components/ActionButton.tsx";
import { CellLink } from "../../components/CellLink.tsx";
import { WriteStatus } from "../../components/WriteStatus.tsx";
import { useDirectory, useViewer, useWrite } from "../../concord.tsx";
import { useCellPage, useDecisionPath } from "../../data/cells.ts";
import { useKnownTopics } from "../../data/knownTopics.ts";
import { explainError } from "../../lib/errors.ts";
import { shortHash } from "../../lib/format.ts";
import { can } from "../../lib/permissions.ts";
import type { CellStanding } from "../../lib/permissions.ts";
import { normaliseTopic, topicNamer } from "../../lib/topics.ts";

function CellName({ id }: { id: bigint }) {
  const { data: directory } = useDirectory();
  const cell = directory?.byId.get(id);
  return cell ? <CellLink cell={cell} /> : <>cell {String(id)}</>;
}

function WhoDecides({ cell, remember }: { cell: Cell; remember: (name: string) => void }) {
  const [text, setText] = useState("");
  const [topic, setTopic] = useState<string | null>(null);
  const result = useDecisionPath(cell.id, topic);
  return (
    <div className="who-decides" data-testid="who-decides">
      <form
        className="inline-form"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          const clean = normaliseTopic(text);
          setTopic(clean || null);
          if (clean) remember(clean);
        }}
      >
        <label htmlFor="decision-search">Who makes the final call on…</label>
        <input
          id="decision-search"
          list="known-topics"
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder="a topic, e.g. treasury"
        />
        <button type="submit">Ask</button>
      </form>
      {result.error && <p className="error">{explainError(result.error).message}</p>}
      {result.data && topic && (
        <div className="answer" aria-live="polite">
          <p>
            {result.data.owner ? (
              <>
                <Account address={result.data.owner} /> makes the final call on <strong>{topic}</strong> in{" "}
                {cell.name}
                {result.data.definedAt !== cell.id && result.data.definedAt !== null && (
                  <>
                    , as decided in <CellName id={result.data.definedAt} />
                  </>
                )}
                .
              </>
            ) : (
              <>
                Nobody is named for <strong>{topic}</strong> in {cell.name} or in any cell above it.
              </>
            )}
          </p>
          <ol className="path">
            {result.data.path.map((step) => (
              <li key={String(step.cellId)}>
                <CellName id={step.cellId} />:{" "}
                {step.localOwner ? (
                  <Account address={step.localOwner} />
                ) : (
                  <span className="muted">no owner set, ask above</span>
                )}
              </li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}

function SetOwner({
  cell,
  standing,
  remember,
}: {
  cell: Cell;
  standing: CellStanding;
  remember: (name: string) => void;
}) {
  const viewer = useViewer();
  const write = useWrite();
  const [topic, setTopic] = useState("");
  const [owner, setOwner] = useState("");
  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        const name = normaliseTopic(topic);
        const who = owner.trim();
        void write.run(
          who ? `Name the owner of "${name}"` : `Clear the owner of "${name}"`,
          ({ concord, options }) => {
            if (name) remember(name);
            return concord.cells.setDecisionOwner({
              cellId: cell.id,
              topic: name,
              owner: who ? (who as Address) : null,
              ...options,
            });
          },
        );
      }}
    >
      <h3>Name who decides</h3>
      <label htmlFor="owner-topic">Topic</label>
      <input
        id="owner-topic"
        list="known-topics"
        value={topic}
        onChange={(event) => setTopic(event.target.value)}
      />
      <label htmlFor="owner-account">Owner (an address; empty to clear, so the cell above decides)</label>
      <input
        id="owner-account"
        value={owner}
        onChange={(event) => setOwner(event.target.value)}
        placeholder="0x…"
        spellCheck={false}
        autoComplete="off"
      />
      <ActionButton
        type="submit"
        permission={can("setDecisionOwner", viewer, standing)}
        busy={write.busy}
        name="set-owner"
      >
        Save
      </ActionButton>
      <WriteStatus progress={write.progress} onDismiss={write.reset} />
    </form>
  );
}

export function DecisionPanel({
  cell,
  standing,
  ancestorIds,
}: {
  cell: Cell;
  standing: CellStanding;
  /** From the parent up to the top-level cell. */
  ancestorIds: bigint[];
}) {
  const viewer = useViewer();
  const [names, remember] = useKnownTopics();
  const chain = [cell.id, ...ancestorIds];
  const owners = useCellPage(cell.id, (page) => page.owners);
  const nameOf = topicNamer(names);
  // The nearest definition of each topic wins (the registry's escalation rule).
  const effective = new Map<string, { topic: `0x${string}`; owner: Address; cellId: bigint }>();
  for (const id of chain) {
    for (const entry of owners.data ?? []) {
      if (entry.cellId === id && !effective.has(entry.topic)) effective.set(entry.topic, entry);
    }
  }
  const rows = [...effective.values()];
  return (
    <section className="card" aria-labelledby="decisions-title" data-testid="decisions">
      <h2 id="decisions-title">Who decides</h2>
      <datalist id="known-topics">
        {names.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      {owners.error && <p className="error">{explainError(owners.error).message}</p>}
      {owners.data && rows.length === 0 && (
        <p className="muted">No decision owner is named in this cell or in the cells above it.</p>
      )}
      {rows.length > 0 && (
        <table className="decision-map">
          <thead>
            <tr>
              <th scope="col">Topic</th>
              <th scope="col">Final call</th>
              <th scope="col">Named in</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.topic}>
                <td>{nameOf(row.topic) ?? <code title={row.topic}>{shortHash(row.topic)}</code>}</td>
                <td>
                  <Account address={row.owner} />
                </td>
                <td>{row.cellId === cell.id ? "this cell" : <CellName id={row.cellId} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <WhoDecides cell={cell} remember={remember} />
      <Gated permission={can("setDecisionOwner", viewer, standing)} label="Name who decides">
        <SetOwner cell={cell} standing={standing} remember={remember} />
      </Gated>
    </section>
  );
}
