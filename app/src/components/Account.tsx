import type { Address } from "viem";

import { useViewer } from "../concord.tsx";
import { useEnsName } from "../data/names.ts";
import { shortAddress } from "../lib/format.ts";

/**
 * An account: its dev name when known ("Alice"), or the name given, or its ENS name where the chain has ENS
 * (looked up once per address and cached, only for the accounts a page shows), the short address, the full
 * one on hover.
 */
export function Account({
  address,
  you = true,
  name: given = null,
}: {
  address: Address;
  you?: boolean;
  name?: string | null;
}) {
  const viewer = useViewer();
  const known = viewer.nameOf(address) ?? given;
  const ens = useEnsName(address, known === null);
  const name = known ?? ens;
  const isYou = you && viewer.account?.toLowerCase() === address.toLowerCase();
  return (
    <span className="account" title={address}>
      {name && <strong>{name} </strong>}
      <code>{shortAddress(address)}</code>
      {isYou && <span className="badge you">you</span>}
    </span>
  );
}
