import type { Address } from "viem";

import { useViewer } from "../concord.tsx";
import { shortAddress } from "../lib/format.ts";

/**
 * An account: its dev name when known ("Alice"), or the name given (an ENS name, on the screens that look
 * them up), the short address, the full one on hover.
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
  const name = viewer.nameOf(address) ?? given;
  const isYou = you && viewer.account?.toLowerCase() === address.toLowerCase();
  return (
    <span className="account" title={address}>
      {name && <strong>{name} </strong>}
      <code>{shortAddress(address)}</code>
      {isYou && <span className="badge you">you</span>}
    </span>
  );
}
