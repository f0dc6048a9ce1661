/**
 * Pieces the governance pages share: the kind and stage tags, a proposal's calls in words (with the
 * cell's name from the directory).
 */
import { useQueryClient } from "@tanstack/react-query";
import { isAddressEqual } from "viem";

import { describeCall } from "../../../../sdk/index.ts";
import type { ProposalCall, ProposalCallInput, ProposalKind, ProposalStage } from "../../../../sdk/index.ts";
import type { Treasury } from "../../../../sdk/index.ts";
import { useConcord, useDirectory, useViewer } from "../../concord.tsx";
import { getTreasuryQueryKey } from "../../../../sdk/react/index.ts";
import { stageLabel } from "../../lib/proposals.ts";
import { cellHref } from "../../lib/route.ts";

export function KindTag({ kind }: { kind: ProposalKind }) {
  return (
    <span className={`tag kind-${kind}`} data-testid="proposal-kind">
      {kind}
    </span>
  );
}

export function StageTag({ stage }: { stage: ProposalStage }) {
  return (
    <span className={`tag stage-${stage}`} data-testid="proposal-stage" data-stage={stage}>
      {stageLabel(stage)}
    </span>
  );
}

/**
 * A call in words; a cell it names gets its name and a link ("recognise cell 3 'Infra'"), an account its
 * name ("you", "Carol (0x3C44…93BC)"), the timelock is the treasury, and a token transfer reads in the
 * token's units when the treasury was read (no request of its own).
 */
export function CallWords({ call }: { call: ProposalCall | ProposalCallInput }) {
  const { reader } = useConcord();
  const { data: directory } = useDirectory();
  const viewer = useViewer();
  // The treasury page's query (data/treasury.ts), when it was read: no request of its own.
  const treasury = useQueryClient().getQueryData<Treasury>(getTreasuryQueryKey(reader));
  const words = describeCall(reader, call, {
    accountName: (address) =>
      viewer.account && isAddressEqual(address, viewer.account)
        ? "you"
        : viewer.nameOf(address)
          ? viewer.label(address)
          : null,
    token: (token) => treasury?.tokens.find((entry) => isAddressEqual(entry.address, token)),
  });
  const cellMatch = /\bcell (\d+)\b/.exec(words);
  const cell =
    cellMatch && isAddressEqual(call.target, reader.addresses.cellRegistry)
      ? directory?.byId.get(BigInt(cellMatch[1]!))
      : undefined;
  if (!cellMatch || !cell) return <span className="call-words">{words}</span>;
  const at = cellMatch.index + cellMatch[0].length;
  return (
    <span className="call-words">
      {words.slice(0, cellMatch.index)}
      <a href={cellHref(cell.id)}>{cellMatch[0]}</a> “{cell.name}”{words.slice(at)}
    </span>
  );
}
