/**
 * States and intents of the cell, newest first; members declare a state or signal an intent.
 */
import { useState } from "react";

import type { DashboardCell as Cell } from "../../../../sdk/index.ts";
import { Account } from "../../components/Account.tsx";
import { ActionButton, Gated } from "../../components/ActionButton.tsx";
import { TxHash } from "../../components/TxHash.tsx";
import { WriteStatus } from "../../components/WriteStatus.tsx";
import { useViewer, useWrite } from "../../concord.tsx";
import { useCellPage } from "../../data/cells.ts";
import { explainError } from "../../lib/errors.ts";
import { localInputToSeconds } from "../../lib/format.ts";
import { can } from "../../lib/permissions.ts";
import type { CellStanding } from "../../lib/permissions.ts";
import { Time } from "../../components/Time.tsx";

function DeclareState({ cell, standing }: { cell: Cell; standing: CellStanding }) {
  const viewer = useViewer();
  const write = useWrite();
  const [state, setState] = useState("");
  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        void write.run(
          "Declare your state",
          ({ concord, options }) =>
            concord.cells.declareState({ cellId: cell.id, state: state.trim(), ...options }),
          { onConfirmed: () => setState("") },
        );
      }}
    >
      <label htmlFor="state-text">Your current state</label>
      <input
        id="state-text"
        value={state}
        onChange={(event) => setState(event.target.value)}
        placeholder="e.g. reviewing the grant applications"
      />
      <ActionButton
        type="submit"
        permission={can("declareState", viewer, standing)}
        busy={write.busy}
        name="declare-state"
      >
        Declare
      </ActionButton>
      <WriteStatus progress={write.progress} onDismiss={write.reset} />
    </form>
  );
}

function SignalIntent({ cell, standing }: { cell: Cell; standing: CellStanding }) {
  const viewer = useViewer();
  const write = useWrite();
  const [intent, setIntent] = useState("");
  const [when, setWhen] = useState("");
  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        const at = localInputToSeconds(when);
        void write.run(
          "Signal your intent",
          ({ concord, options }) => {
            if (at === null) throw new Error("Choose when you intend to act.");
            return concord.cells.signalIntent({ cellId: cell.id, intent: intent.trim(), at, ...options });
          },
          {
            onConfirmed: () => {
              setIntent("");
              setWhen("");
            },
          },
        );
      }}
    >
      <label htmlFor="intent-text">What you intend to do</label>
      <input
        id="intent-text"
        value={intent}
        onChange={(event) => setIntent(event.target.value)}
        placeholder="e.g. deploy the indexer v2"
      />
      <label htmlFor="intent-at">When</label>
      <input
        id="intent-at"
        type="datetime-local"
        value={when}
        onChange={(event) => setWhen(event.target.value)}
      />
      <ActionButton
        type="submit"
        permission={can("signalIntent", viewer, standing)}
        busy={write.busy}
        name="signal-intent"
      >
        Signal
      </ActionButton>
      <WriteStatus progress={write.progress} onDismiss={write.reset} />
    </form>
  );
}

export function ActivityPanel({ cell, standing }: { cell: Cell; standing: CellStanding }) {
  const viewer = useViewer();
  const activity = useCellPage(cell.id, (page) => page.activity);
  return (
    <section className="card" aria-labelledby="activity-title">
      <h2 id="activity-title">States and intents</h2>
      {activity.error && (
        <p className="error">Cannot read the activity: {explainError(activity.error).message}</p>
      )}
      {activity.data && activity.data.length === 0 && (
        <p className="muted">Nobody has declared a state or an intent in {cell.name} yet.</p>
      )}
      {activity.data && activity.data.length > 0 && (
        <ul className="plain rows" data-testid="activity">
          {activity.data.map((entry) => (
            <li key={`${entry.transactionHash}:${entry.logIndex}`}>
              <Account address={entry.member} />{" "}
              {entry.kind === "state" ? (
                <>
                  is <q>{entry.state}</q>
                </>
              ) : (
                <>
                  intends to <q>{entry.intent}</q> on{" "}
                  <strong>
                    <Time at={entry.at} />
                  </strong>
                </>
              )}{" "}
              <span className="muted">
                — <Time at={entry.timestamp} />, <TxHash hash={entry.transactionHash} />
              </span>
            </li>
          ))}
        </ul>
      )}
      <Gated permission={can("declareState", viewer, standing)} label="Declare a state or signal an intent">
        <div className="two-columns">
          <DeclareState cell={cell} standing={standing} />
          <SignalIntent cell={cell} standing={standing} />
        </div>
      </Gated>
    </section>
  );
}
