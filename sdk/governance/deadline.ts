/**
 * The lapse deadline a proposal must meet next, in words (issue 10, S5): the rule is stage.ts' `deadlineOf`; the
 * sentence lives here, with the governance module, so the app's first load (which takes stage.ts for the
 * dashboard's stages) does not carry it.
 */
import { formatTimestamp } from "../internal/messages.ts";
import { deadlineOf } from "./stage.ts";
import type { ProposalStageInput } from "./stage.ts";
import type { ProposalDeadline } from "./types.ts";

/**
 * The lapse deadline a proposal must meet next (S5), or null: carry (community approval not yet carried),
 * queue (passed the operational vote), execute (queued). Null when the vote end it depends on is not given.
 *
 * @example
 * proposalDeadline({ community: null, operational: { state: "queued", voteEnd: 10n }, eta: 100n });
 * // { kind: "execute", at: 1_209_700n, sentence: "expires on … unless executed" }
 */
export function proposalDeadline(
  input: Pick<ProposalStageInput, "community" | "operational" | "eta">,
): ProposalDeadline | null {
  const deadline = deadlineOf(input);
  if (!deadline) return null;
  const when = formatTimestamp(deadline.at);
  const sentence =
    deadline.kind === "carry"
      ? `must be carried to the operational house by ${when}`
      : deadline.kind === "queue"
        ? `must be queued by ${when}`
        : `expires on ${when} unless executed`;
  return { ...deadline, sentence };
}
