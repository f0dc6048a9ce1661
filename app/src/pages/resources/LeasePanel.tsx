/**
 * The current lease and the viewer's lease actions: acquire for a chosen duration (capped by the
 * resource's maximum and by the next booking, said before sending), renew (refused while someone waits,
 * and the panel says so), release. A refused acquire names who holds the resource and until when.
 */
import { useState } from "react";

import { Account } from "../../components/Account.tsx";
import { ActionButton } from "../../components/ActionButton.tsx";
import { WriteStatus } from "../../components/WriteStatus.tsx";
import { useViewer, useWrite } from "../../concord.tsx";
import { acquireCap, blockerOf, canLease, formatDuration } from "../../lib/leases.ts";
import type { Blocker } from "../../lib/leases.ts";
import type { Permission } from "../../lib/permissions.ts";
import { DurationInput, durationValue } from "./DurationInput.tsx";
import type { DurationValue } from "./DurationInput.tsx";
import type { PanelProps } from "./ResourcePage.tsx";
import { Countdown } from "../../components/Countdown.tsx";
import { Time } from "../../components/Time.tsx";
import { useTimeFormat } from "./shared.tsx";
import { acquireLease, releaseLease, renewLease } from "../../../../sdk/index.ts";

/** A default duration: 30 minutes, or the maximum when shorter. */
function defaultDuration(maxDuration: bigint): DurationValue {
  if (maxDuration >= 1_800n) return { amount: "30", unit: "min" };
  return { amount: String(Math.max(1, Math.floor(Number(maxDuration) / 60))), unit: "min" };
}

export function LeasePanel({ resource, now, view, standing }: PanelProps) {
  const viewer = useViewer();
  const { time } = useTimeFormat(now);
  const write = useWrite();
  const [duration, setDuration] = useState<DurationValue>(() => defaultDuration(resource.maxDuration));
  const [blocker, setBlocker] = useState<Blocker | null>(null);
  const holds = view.kind === "held" && viewer.account?.toLowerCase() === view.lease.holder.toLowerCase();
  const cap = acquireCap(resource.maxDuration, resource.reservations, now);
  const asked = durationValue(duration);

  const withDuration = (permission: Permission): Permission => {
    if (!permission.ok) return permission;
    if (!asked.ok) return { ok: false, reason: asked.reason };
    if (asked.seconds > resource.maxDuration) {
      return { ok: false, reason: `A lease lasts at most ${formatDuration(resource.maxDuration)} here.` };
    }
    return permission;
  };
  const acquire = withDuration(canLease("acquire", viewer, standing));
  const renew = withDuration(canLease("renew", viewer, standing));
  const release = canLease("release", viewer, standing);
  const cutShort =
    asked.ok && cap.limitedBy === "booking" && asked.seconds > cap.seconds ? cap.booking : null;

  const lease = view.kind === "held" ? view.lease : null;
  const token = resource.lease && lease ? resource.lease.fencingToken : null;

  return (
    <section className="card" aria-labelledby="lease-title" data-testid="lease-panel">
      <h2 id="lease-title">Lease</h2>
      {lease ? (
        <dl className="facts">
          <div>
            <dt>Holder</dt>
            <dd data-testid="holder">
              <Account address={lease.holder} />
            </dd>
          </div>
          <div>
            <dt>Expires</dt>
            <dd>
              <Time at={lease.expiresAt} text={time(lease.expiresAt)} /> (
              <Countdown to={lease.expiresAt} now={now} />)
            </dd>
          </div>
          <div>
            <dt>Fencing token</dt>
            <dd>
              <span data-testid="fencing-token">{token === null ? "—" : String(token)}</span>
              <span className="hint muted">
                Grows with every lease: a system guarded by this resource refuses work carrying an older
                number.
              </span>
            </dd>
          </div>
        </dl>
      ) : (
        <p data-testid="no-lease">
          No lease is live
          {resource.freeSince ? ` (the last one ended at ${time(resource.freeSince)})` : ""}.
        </p>
      )}

      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!asked.ok) return;
          if (holds) {
            void write.run(
              `Renew ${resource.name}`,
              ({ concord, options }) =>
                renewLease(concord, { resourceId: resource.id, duration: asked.seconds, ...options }),
              { summary: (result) => `Lease renewed until ${time(result.expiresAt)}.` },
            );
            return;
          }
          setBlocker(null);
          void write.run(
            `Acquire ${resource.name}`,
            async ({ concord, options }) => {
              try {
                return await acquireLease(concord, {
                  resourceId: resource.id,
                  duration: asked.seconds,
                  ...options,
                });
              } catch (error) {
                setBlocker(blockerOf(error));
                throw error;
              }
            },
            {
              summary: (result) =>
                `Lease granted until ${time(result.expiresAt)}, fencing token ${result.fencingToken}.`,
            },
          );
        }}
      >
        <DurationInput
          id="lease-duration"
          label={holds ? "Renew for (from now)" : "Lease it for"}
          value={duration}
          onChange={setDuration}
          hint={
            cap.limitedBy === "booking" && cap.booking
              ? `At most ${formatDuration(resource.maxDuration)}; a lease taken now ends by ${time(cap.booking.start)}, when booking ${cap.booking.id} starts (${formatDuration(cap.seconds)} from now).`
              : `At most ${formatDuration(resource.maxDuration)}.`
          }
        />
        {cutShort && (
          <p className="note" data-testid="cut-short">
            The lease will end at {time(cutShort.start)}, when the booking of{" "}
            <Account address={cutShort.booker} /> starts: {formatDuration(cap.seconds)} instead of{" "}
            {formatDuration(asked.ok ? asked.seconds : 0n)}.
          </p>
        )}
        <div className="button-row">
          {holds ? (
            <>
              <ActionButton
                permission={release}
                busy={write.busy}
                variant="secondary"
                name="release"
                onClick={() =>
                  void write.run(`Release ${resource.name}`, ({ concord, options }) =>
                    releaseLease(concord, { resourceId: resource.id, ...options }),
                  )
                }
              >
                Release
              </ActionButton>
              <ActionButton type="submit" permission={renew} busy={write.busy} name="renew">
                Renew
              </ActionButton>
            </>
          ) : (
            <ActionButton type="submit" permission={acquire} busy={write.busy} name="acquire">
              Acquire
            </ActionButton>
          )}
        </div>
        <WriteStatus
          progress={write.progress}
          onDismiss={() => {
            setBlocker(null);
            write.reset();
          }}
        />
        {blocker && write.progress.stage === "failed" && (
          <p className="blocker" data-testid="blocker">
            <Account address={blocker.account} />{" "}
            {blocker.kind === "holds"
              ? "holds it"
              : blocker.kind === "turn"
                ? "has its turn to claim it"
                : "has booked it"}{" "}
            until {time(blocker.until)} ({formatDuration(blocker.until > now ? blocker.until - now : 0n)} from
            now)
            {blocker.kind === "holds" ? ": join the queue below to be next." : "."}
          </p>
        )}
      </form>
    </section>
  );
}
