/**
 * The queue: each waiter with its claim window (first in, first served; a turn passes by time alone),
 * "your turn in …", join and leave.
 */
import { Account } from "../../components/Account.tsx";
import { ActionButton } from "../../components/ActionButton.tsx";
import { Time } from "../../components/Time.tsx";
import { WriteStatus } from "../../components/WriteStatus.tsx";
import { useViewer, useWrite } from "../../concord.tsx";
import { plural } from "../../lib/format.ts";
import { canLease, formatDuration, turnText } from "../../lib/leases.ts";
import type { PanelProps } from "./ResourcePage.tsx";
import { useTimeFormat } from "./shared.tsx";
import { enqueueForLease, leaveLeaseQueue } from "../../../../sdk/index.ts";

export function QueuePanel({ resource, now, view, standing }: PanelProps) {
  const viewer = useViewer();
  const { time } = useTimeFormat(now);
  const write = useWrite();
  const queue = standing.queue;
  const mine = queue.find((entry) => entry.account.toLowerCase() === viewer.account?.toLowerCase());
  const myTurn = mine ? turnText(mine, now) : null;
  const estimated = view.kind === "held";

  return (
    <section className="card" aria-labelledby="queue-title" data-testid="queue">
      <h2 id="queue-title">Queue</h2>
      <p className="muted">
        When the lease ends, each waiter in turn has {formatDuration(resource.claimWindow)} to claim the
        resource; a turn not taken passes to the next.
        {estimated && queue.length > 0 && " Turns start earlier if the lease ends early."}
      </p>
      {mine && myTurn && (
        <p className={myTurn.now ? "ok your-turn" : "your-turn"} data-testid="your-turn">
          {myTurn.now
            ? `Your turn now: acquire it before ${time(mine.windowEnd)} (${formatDuration(mine.windowEnd - now)} left).`
            : `Your turn in ${formatDuration(mine.windowStart - now)}, at ${time(mine.windowStart)}; you then have until ${time(mine.windowEnd)}.`}
        </p>
      )}
      {queue.length === 0 ? (
        <p data-testid="queue-empty">Nobody is waiting.</p>
      ) : (
        <ol className="rows queue-list" data-testid="queue-list">
          {queue.map((entry) => {
            const turn = turnText(entry, now);
            return (
              <li key={String(entry.place)} data-testid="waiter">
                <Account address={entry.account} />{" "}
                <span className="muted">
                  {turn.now ? "claim window now" : `turn ${turn.text}`}:{" "}
                  <Time at={entry.windowStart} text={time(entry.windowStart)} /> –{" "}
                  <Time at={entry.windowEnd} text={time(entry.windowEnd)} />
                </span>
              </li>
            );
          })}
        </ol>
      )}
      {queue.length > 1 && <p className="muted">{plural(queue.length, "waiter")}.</p>}
      <div className="button-row">
        {mine ? (
          <ActionButton
            permission={canLease("leaveQueue", viewer, standing)}
            busy={write.busy}
            variant="secondary"
            name="leave-queue"
            onClick={() =>
              void write.run("Leave the queue", ({ concord, options }) =>
                leaveLeaseQueue(concord, { resourceId: resource.id, ...options }),
              )
            }
          >
            Leave the queue
          </ActionButton>
        ) : (
          <ActionButton
            permission={canLease("enqueue", viewer, standing)}
            busy={write.busy}
            name="enqueue"
            onClick={() =>
              void write.run(
                "Join the queue",
                ({ concord, options }) => enqueueForLease(concord, { resourceId: resource.id, ...options }),
                {
                  summary: (result) =>
                    `You are in the queue, position ${result.position + 1}: your turn from ${time(result.windowStart)}.`,
                },
              )
            }
          >
            Join the queue
          </ActionButton>
        )}
      </div>
      <WriteStatus progress={write.progress} onDismiss={write.reset} />
    </section>
  );
}
