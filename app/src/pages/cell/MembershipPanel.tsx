/**
 * The viewer's own membership: ask to join, withdraw the request, or leave.
 */
import type { DashboardCell as Cell } from "../../../../sdk/index.ts";
import { ActionButton } from "../../components/ActionButton.tsx";
import { WriteStatus } from "../../components/WriteStatus.tsx";
import { useViewer, useWrite } from "../../concord.tsx";
import { truncateName } from "../../lib/format.ts";
import { can } from "../../lib/permissions.ts";
import type { CellStanding } from "../../lib/permissions.ts";

export function MembershipPanel({ cell, standing }: { cell: Cell; standing: CellStanding }) {
  const viewer = useViewer();
  const write = useWrite();
  const cellId = cell.id;
  const isMember = standing.roles !== 0;
  return (
    <div>
      <div className="button-row">
        {isMember ? (
          <ActionButton
            permission={can("leave", viewer, standing)}
            busy={write.busy}
            variant="danger"
            name="leave"
            onClick={() =>
              void write.run(`Leave ${truncateName(cell.name)}`, ({ concord, options }) =>
                concord.cells.leaveCell({ cellId, ...options }),
              )
            }
          >
            Leave {truncateName(cell.name)}
          </ActionButton>
        ) : standing.joinRequested ? (
          <>
            <p>Your request to join is waiting for a steward.</p>
            <ActionButton
              permission={can("cancelJoinRequest", viewer, standing)}
              busy={write.busy}
              variant="secondary"
              name="cancel-join"
              onClick={() =>
                void write.run("Withdraw your request", ({ concord, options }) =>
                  concord.cells.cancelJoinRequest({ cellId, ...options }),
                )
              }
            >
              Withdraw my request
            </ActionButton>
          </>
        ) : (
          <ActionButton
            permission={can("requestToJoin", viewer, standing)}
            busy={write.busy}
            name="request-join"
            onClick={() =>
              void write.run(`Ask to join ${truncateName(cell.name)}`, ({ concord, options }) =>
                concord.cells.requestToJoin({ cellId, ...options }),
              )
            }
          >
            Ask to join {truncateName(cell.name)}
          </ActionButton>
        )}
      </div>
      <WriteStatus progress={write.progress} onDismiss={write.reset} />
    </div>
  );
}
