/**
 * Pieces the governance pages share: the kind and stage tags, a proposal's calls in words (with the
 * cell's name from the directory).
 */
import { isAddressEqual } from "viem";

import { describeCall } from "../../../../sdk/governance/index.ts";
import type { ProposalCall, ProposalCallInput, ProposalKind, ProposalStage } from "../../../../sdk/index.ts";
import { useConcord, useDirectory } from "../../concord.tsx";
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

/** A call in words; a cell it names gets its name and a link ("recognise cell 3 'Infra'"). */
export function CallWords({ call }: { call: ProposalCall | ProposalCallInput }) {
  const { reader } = useConcord();
  const { data: directory } = useDirectory();
  const words = describeCall(reader, call);
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
