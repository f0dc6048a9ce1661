/**
 * The stewards' tools: change the policy (who may use it, longest lease, claim window — the last not
 * while someone waits) and revoke the live lease (an emergency stop, recorded as such).
 */
import { useState } from "react";

import type { AccessValue } from "../../../../sdk/index.ts";
import { Access } from "../../../../sdk/index.ts";
import { ActionButton, Gated } from "../../components/ActionButton.tsx";
import { WriteStatus } from "../../components/WriteStatus.tsx";
import { useViewer, useWrite } from "../../concord.tsx";
import { canLease, formatDuration } from "../../lib/leases.ts";
import type { Permission } from "../../lib/permissions.ts";
import { DurationInput, durationValue } from "./DurationInput.tsx";
import type { DurationValue } from "./DurationInput.tsx";
import type { PanelProps } from "./ResourcePage.tsx";

/** A span in seconds as the form's value, in the largest unit it divides. */
function asValue(seconds: bigint): DurationValue {
  if (seconds % 86_400n === 0n) return { amount: String(seconds / 86_400n), unit: "d" };
  if (seconds % 3_600n === 0n) return { amount: String(seconds / 3_600n), unit: "h" };
  return { amount: String(Number(seconds) / 60), unit: "min" };
}

export function StewardPanel({ resource, standing }: PanelProps) {
  const viewer = useViewer();
  const policyWrite = useWrite();
  const revokeWrite = useWrite();
  const [access, setAccess] = useState<AccessValue>(resource.access);
  const [maxDuration, setMaxDuration] = useState(() => asValue(resource.maxDuration));
  const [claimWindow, setClaimWindow] = useState(() => asValue(resource.claimWindow));
  const max = durationValue(maxDuration);
  const claim = durationValue(claimWindow);
  const waiting = standing.queue.length;

  let policy: Permission = canLease("setPolicy", viewer, standing);
  if (policy.ok) {
    if (!max.ok) policy = { ok: false, reason: `Longest lease: ${max.reason}` };
    else if (!claim.ok) policy = { ok: false, reason: `Claim window: ${claim.reason}` };
    else if (claim.seconds !== resource.claimWindow && waiting > 0) {
      policy = {
        ok: false,
        reason: `The claim window cannot change while ${waiting === 1 ? "someone waits" : `${waiting} accounts wait`}; keep ${formatDuration(resource.claimWindow)}.`,
      };
    } else if (
      access === resource.access &&
      max.seconds === resource.maxDuration &&
      claim.seconds === resource.claimWindow
    ) {
      policy = { ok: false, reason: "Change something first: this is the current policy." };
    }
  }

  return (
    <section className="card" aria-labelledby="steward-title" data-testid="steward-tools">
      <h2 id="steward-title">Stewards</h2>
      <p className="muted">
        Stewards of cell {String(resource.ownerCellId)} (or of a cell above it) set the policy and can end the
        live lease at once.
      </p>
      <div className="button-row">
        <ActionButton
          permission={canLease("revoke", viewer, standing)}
          busy={revokeWrite.busy}
          variant="danger"
          name="revoke"
          onClick={() =>
            void revokeWrite.run(
              `Revoke the lease on ${resource.name}`,
              ({ concord, options }) => concord.leases.revoke({ resourceId: resource.id, ...options }),
              { summary: (result) => `Lease ${result.fencingToken} revoked.` },
            )
          }
        >
          Revoke the lease (emergency stop)
        </ActionButton>
      </div>
      <WriteStatus progress={revokeWrite.progress} onDismiss={revokeWrite.reset} />

      <Gated permission={canLease("setPolicy", viewer, standing)} label="Change the policy">
        <form
          className="form"
          data-testid="policy-form"
          aria-label="Change the policy"
          onSubmit={(event) => {
            event.preventDefault();
            if (!max.ok || !claim.ok) return;
            void policyWrite.run(
              `Change the policy of ${resource.name}`,
              ({ concord, options }) =>
                concord.leases.setPolicy({
                  resourceId: resource.id,
                  access,
                  maxDuration: max.seconds,
                  claimWindow: claim.seconds,
                  ...options,
                }),
              { summary: () => "Policy changed." },
            );
          }}
        >
          <h3>Policy</h3>
          <label htmlFor="policy-access">Who may use it</label>
          <select
            id="policy-access"
            value={access}
            onChange={(event) => setAccess(Number(event.target.value) as AccessValue)}
          >
            <option value={Access.OWNER_MEMBERS}>Members of cell {String(resource.ownerCellId)}</option>
            <option value={Access.ANY_MEMBERS}>Members of any cell</option>
            <option value={Access.ANYONE}>Anyone</option>
          </select>
          <DurationInput
            id="policy-max"
            label="Longest lease (and booking)"
            value={maxDuration}
            onChange={setMaxDuration}
          />
          <DurationInput
            id="policy-window"
            label="Claim window"
            value={claimWindow}
            onChange={setClaimWindow}
            hint={waiting > 0 ? "It cannot change while someone waits." : undefined}
          />
          <p className="muted">Live leases and bookings keep their times.</p>
          <ActionButton type="submit" permission={policy} busy={policyWrite.busy} name="set-policy">
            Save the policy
          </ActionButton>
          <WriteStatus progress={policyWrite.progress} onDismiss={policyWrite.reset} />
        </form>
      </Gated>
    </section>
  );
}
