/**
 * A party of an agreement: an account (its name and short address) or a cell (a link with its name).
 */
import { useDirectory } from "../concord.tsx";
import type { PartyRef } from "../lib/agreements.ts";
import { Account } from "./Account.tsx";
import { CellLink } from "./CellLink.tsx";

export function Party({ party }: { party: PartyRef }) {
  const { data: directory } = useDirectory();
  if (party.kind === "account") return <Account address={party.account} />;
  const cell = directory?.byId.get(party.cellId);
  return cell ? <CellLink cell={cell} /> : <span>cell {String(party.cellId)}</span>;
}

/** "Infra #2 and Community #3", "Carol and Infra #2". */
export function PartyList({ parties }: { parties: PartyRef[] }) {
  return (
    <span className="party-list">
      {parties.map((party, i) => (
        <span key={party.kind === "account" ? party.account : String(party.cellId)}>
          {i > 0 && (i === parties.length - 1 ? " and " : ", ")}
          <Party party={party} />
        </span>
      ))}
    </span>
  );
}
