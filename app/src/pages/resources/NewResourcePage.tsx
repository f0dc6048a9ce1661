/**
 * Register a resource: a steward of the owner cell (or of a cell above it) names it and sets its policy
 * (longest lease, who may use it, each waiter's claim window).
 */
import { useState } from "react";

import { Access } from "../../../../sdk/index.ts";
import type { AccessValue } from "../../../../sdk/index.ts";
import { ActionButton } from "../../components/ActionButton.tsx";
import { CellOption } from "../../components/CellLink.tsx";
import { WriteStatus } from "../../components/WriteStatus.tsx";
import { useDirectory, useViewer, useWrite } from "../../concord.tsx";
import { cellStanding } from "../../data/standing.ts";
import { canWrite } from "../../lib/permissions.ts";
import type { Permission } from "../../lib/permissions.ts";
import { resourceHref } from "../../lib/route.ts";
import { DurationInput, durationValue } from "./DurationInput.tsx";
import type { DurationValue } from "./DurationInput.tsx";
import { registerResource } from "../../../../sdk/index.ts";

export function NewResourcePage({ cellId }: { cellId: bigint | null }) {
  const viewer = useViewer();
  const { data: directory } = useDirectory();
  const write = useWrite();
  const cells = directory?.cells ?? [];
  const stewarded = cells.filter((cell) => cellStanding(directory, cell).stewardVia !== null);
  const [owner, setOwner] = useState<string>(cellId === null ? "" : String(cellId));
  const [name, setName] = useState("");
  const [maxDuration, setMaxDuration] = useState<DurationValue>({ amount: "1", unit: "h" });
  const [claimWindow, setClaimWindow] = useState<DurationValue>({ amount: "10", unit: "min" });
  const [access, setAccess] = useState<AccessValue>(Access.OWNER_MEMBERS);

  // Without a choice, the first cell the viewer stewards.
  const ownerId = owner || (stewarded[0] ? String(stewarded[0].id) : "");
  const ownerCell = ownerId ? directory?.byId.get(BigInt(ownerId)) : undefined;
  const max = durationValue(maxDuration);
  const claim = durationValue(claimWindow);
  let permission: Permission = canWrite(viewer);
  if (permission.ok) {
    if (!ownerCell) {
      permission = {
        ok: false,
        reason: cells.length ? "Choose the cell that owns the resource." : "Loading the cells…",
      };
    } else if (cellStanding(directory, ownerCell).stewardVia === null) {
      permission = {
        ok: false,
        reason: `Only stewards of cell ${ownerCell.id} (or of a cell above it) can register resources for it.`,
      };
    } else if (!name.trim()) permission = { ok: false, reason: "Give the resource a name." };
    else if (!max.ok) permission = { ok: false, reason: `Maximum duration: ${max.reason}` };
    else if (!claim.ok) permission = { ok: false, reason: `Claim window: ${claim.reason}` };
  }

  const submit = () => {
    if (!permission.ok || !ownerCell || !max.ok || !claim.ok) return;
    void write.run(
      `Register ${name.trim()}`,
      ({ concord, options }) =>
        registerResource(concord, {
          ownerCellId: ownerCell.id,
          name: name.trim(),
          maxDuration: max.seconds,
          access,
          claimWindow: claim.seconds,
          ...options,
        }),
      {
        summary: (result) => `Resource ${result.resourceId} registered.`,
        onConfirmed: (result) => {
          window.location.hash = resourceHref(result.resourceId);
        },
      },
    );
  };

  return (
    <section>
      <nav aria-label="Breadcrumb" className="breadcrumbs">
        <a href="#/resources">Resources</a>
      </nav>
      <h1>Register a resource</h1>
      <form
        className="form card"
        data-testid="new-resource"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <label htmlFor="resource-owner">Owner cell</label>
        <select id="resource-owner" value={ownerId} onChange={(event) => setOwner(event.target.value)}>
          {!ownerId && <option value="">Choose a cell</option>}
          {cells.map((cell) => (
            <CellOption
              key={String(cell.id)}
              cell={cell}
              note={cellStanding(directory, cell).stewardVia === null ? " — not yours to steward" : ""}
            />
          ))}
        </select>
        <label htmlFor="resource-name">Name</label>
        <input
          id="resource-name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          placeholder="e.g. staging cluster"
          autoComplete="off"
        />
        <DurationInput
          id="resource-max"
          label="Longest lease (and booking)"
          value={maxDuration}
          onChange={setMaxDuration}
        />
        <label htmlFor="resource-access">Who may use it</label>
        <select
          id="resource-access"
          value={access}
          onChange={(event) => setAccess(Number(event.target.value) as AccessValue)}
        >
          <option value={Access.OWNER_MEMBERS}>
            Members of {ownerCell ? `${ownerCell.name} (#${ownerCell.id})` : "the owner cell"}
          </option>
          <option value={Access.ANY_MEMBERS}>
            Members of recognised cells or cells inside the owner cell
          </option>
          <option value={Access.ANYONE}>Anyone</option>
        </select>
        <DurationInput
          id="resource-window"
          label="Claim window (how long each waiter has to claim it when its turn comes)"
          value={claimWindow}
          onChange={setClaimWindow}
        />
        <ActionButton type="submit" permission={permission} busy={write.busy} name="register-resource">
          Register
        </ActionButton>
        <WriteStatus progress={write.progress} onDismiss={write.reset} />
      </form>
    </section>
  );
}
