/**
 * The stewards' tools: change the policy (who may use it, longest lease, claim window — a new window
 * applies at once, also while accounts wait), set the booking limits and the cool-down, and revoke the
 * live lease (an emergency stop, recorded as such; the revoked account then cools down).
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
import { revokeLease, setResourceLimits, setResourcePolicy } from "../../../../sdk/index.ts";

/** A span in seconds as the form's value, in the largest unit it divides. */
function asValue(seconds: bigint): DurationValue {
  if (seconds % 86_400n === 0n) return { amount: String(seconds / 86_400n), unit: "d" };
  if (seconds % 3_600n === 0n) return { amount: String(seconds / 3_600n), unit: "h" };
  return { amount: String(Number(seconds) / 60), unit: "min" };
}

export function StewardPanel({ resource, standing }: PanelProps) {
  const viewer = useViewer();
  const policyWrite = useWrite();
  const limitsWrite = useWrite();
  const [maxBookings, setMaxBookings] = useState("");
  const [leadTime, setLeadTime] = useState<DurationValue>({ amount: "", unit: "d" });
  const [cooldown, setCooldown] = useState<DurationValue>({ amount: "", unit: "h" });
  const lead = leadTime.amount === "" ? undefined : durationValue(leadTime);
  const cool = cooldown.amount === "" ? undefined : durationValue(cooldown);
  const bookings = maxBookings === "" ? undefined : Number(maxBookings);
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
    else if (
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
              ({ concord, options }) => revokeLease(concord, { resourceId: resource.id, ...options }),
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
                setResourcePolicy(concord, {
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
            <option value={Access.ANY_MEMBERS}>
              Members of recognised cells or cells inside cell {String(resource.ownerCellId)}
            </option>
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
            hint={
              waiting > 0
                ? `Applies at once: the waiter whose turn it is gets a whole new window (now ${formatDuration(resource.claimWindow)}).`
                : undefined
            }
          />
          <p className="muted">Live leases and bookings keep their times.</p>
          <ActionButton type="submit" permission={policy} busy={policyWrite.busy} name="set-policy">
            Save the policy
          </ActionButton>
          <WriteStatus progress={policyWrite.progress} onDismiss={policyWrite.reset} />
        </form>
      </Gated>

      <Gated
        permission={canLease("setPolicy", viewer, standing)}
        label="Set the booking limits and the cool-down"
      >
        <form
          className="form"
          data-testid="limits-form"
          aria-label="Set the booking limits and the cool-down"
          onSubmit={(event) => {
            event.preventDefault();
            void limitsWrite.run(
              `Set the limits of ${resource.name}`,
              ({ concord, options }) =>
                setResourceLimits(concord, {
                  resourceId: resource.id,
                  maxBookings: bookings,
                  maxLeadTime: lead?.ok ? lead.seconds : undefined,
                  cooldown: cool?.ok ? cool.seconds : undefined,
                  ...options,
                }),
              {
                summary: (result) =>
                  `Limits set: ${result.maxBookings} live bookings per account, up to ${formatDuration(result.maxLeadTime)} ahead; cool-down ${formatDuration(result.cooldown)}.`,
              },
            );
          }}
        >
          <h3>Bookings and cool-down</h3>
          <p className="muted">
            Leave a field empty to keep its value. New resources allow 2 live bookings per account, 30 days
            ahead, and a cool-down of 1 hour: after a revoke the revoked account cannot take the resource back
            for that long, and an account takes at most one place in the queue per turn and cool-down.
          </p>
          <label htmlFor="limits-bookings">Live bookings per account (0–6)</label>
          <input
            id="limits-bookings"
            type="number"
            min={0}
            max={6}
            value={maxBookings}
            onChange={(event) => setMaxBookings(event.target.value)}
          />
          <DurationInput
            id="limits-lead"
            label="How far ahead a booking may start (up to 366 days)"
            value={leadTime}
            onChange={setLeadTime}
          />
          <DurationInput
            id="limits-cooldown"
            label="Cool-down (up to 7 days)"
            value={cooldown}
            onChange={setCooldown}
          />
          <ActionButton
            type="submit"
            permission={
              bookings !== undefined && !(bookings >= 0 && bookings <= 6)
                ? { ok: false, reason: "Live bookings per account: 0 to 6." }
                : lead && !lead.ok
                  ? { ok: false, reason: `Lead time: ${lead.reason}` }
                  : cool && !cool.ok
                    ? { ok: false, reason: `Cool-down: ${cool.reason}` }
                    : bookings === undefined && !lead && !cool
                      ? { ok: false, reason: "Fill in at least one field." }
                      : canLease("setPolicy", viewer, standing)
            }
            busy={limitsWrite.busy}
            name="set-limits"
          >
            Save the limits
          </ActionButton>
          <WriteStatus progress={limitsWrite.progress} onDismiss={limitsWrite.reset} />
        </form>
      </Gated>
    </section>
  );
}
