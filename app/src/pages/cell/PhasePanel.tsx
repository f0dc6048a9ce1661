/**
 * The developmental phase and, for stewards, setting it.
 */
import { useState } from "react";

import { phaseNames } from "../../../../sdk/index.ts";
import type { DashboardCell as Cell, PhaseName } from "../../../../sdk/index.ts";
import { ActionButton, Gated } from "../../components/ActionButton.tsx";
import { WriteStatus } from "../../components/WriteStatus.tsx";
import { useViewer, useWrite } from "../../concord.tsx";
import { can } from "../../lib/permissions.ts";
import type { CellStanding } from "../../lib/permissions.ts";

const PHASE_HELP: Record<PhaseName, string> = {
  conversation: "exploring whether to work together",
  collaboration: "working together informally",
  commitment: "members have committed to shared work",
  coordination: "coordinating with other cells",
};

export function PhasePanel({ cell, standing }: { cell: Cell; standing: CellStanding }) {
  const viewer = useViewer();
  const write = useWrite();
  const [phase, setPhase] = useState<PhaseName>(cell.phaseName);
  const permission = can("setPhase", viewer, standing);
  return (
    <section className="card" aria-labelledby="phase-title">
      <h2 id="phase-title">Phase</h2>
      <p>
        {cell.name} is in <strong>{cell.phaseName}</strong>: {PHASE_HELP[cell.phaseName]}. Its scale,{" "}
        <strong>{cell.scaleName}</strong>, follows from its size.
      </p>
      <Gated permission={permission} label="Set the phase">
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            void write.run(`Set the phase to ${phase}`, ({ concord, options }) =>
              concord.cells.setPhase({ cellId: cell.id, phase, ...options }),
            );
          }}
        >
          <label htmlFor="phase-select">New phase</label>
          <select
            id="phase-select"
            value={phase}
            onChange={(event) => setPhase(event.target.value as PhaseName)}
          >
            {phaseNames.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
          <ActionButton type="submit" permission={permission} busy={write.busy} name="set-phase">
            Set phase
          </ActionButton>
        </form>
        {/* The help beside the choice, not inside the options (they made the menu 536 px wide on a phone). */}
        <p className="muted" data-testid="phase-help">
          {phase}: {PHASE_HELP[phase]}.
        </p>
      </Gated>
      <WriteStatus progress={write.progress} onDismiss={write.reset} />
    </section>
  );
}
