/**
 * Approve or reject one pending join request. The write belongs to the list (`write`): once decided,
 * the request leaves the list, and the list's status line keeps showing how it went.
 */
import type { Address } from "viem";

import { useViewer } from "../concord.tsx";
import type { Write } from "../concord.tsx";
import type { Permission } from "../lib/permissions.ts";
import { ActionButton } from "./ActionButton.tsx";

export function JoinDecision({
  cellId,
  account,
  permission,
  write,
}: {
  cellId: bigint;
  account: Address;
  permission: Permission;
  write: Write;
}) {
  const viewer = useViewer();
  const who = viewer.nameOf(account) ?? viewer.label(account);
  return (
    <div className="button-row join-decision">
      <ActionButton
        permission={permission}
        busy={write.busy}
        name="approve-join"
        onClick={() =>
          void write.run(`Approve ${who}'s request`, ({ concord, options }) =>
            concord.cells.approveJoin({ cellId, account, ...options }),
          )
        }
      >
        Approve
      </ActionButton>
      {permission.ok && (
        <ActionButton
          permission={permission}
          busy={write.busy}
          variant="secondary"
          name="reject-join"
          onClick={() =>
            void write.run(`Reject ${who}'s request`, ({ concord, options }) =>
              concord.cells.rejectJoin({ cellId, account, ...options }),
            )
          }
        >
          Reject
        </ActionButton>
      )}
    </div>
  );
}
