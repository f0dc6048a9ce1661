/**
 * The governance screens' plain logic: the forms of the SDK's catalogue of Concord actions (values as
 * people type them → the SDK's `GovernanceAction`, which `buildProposalCall` encodes), the raw call for
 * experts, a proposal's stage timeline, and the SDK's action availabilities as the app's permissions.
 * Part of the governance chunk (lazy).
 */
import { getAddress, isAddress, isHex, parseEther } from "viem";
import type { Address, Hex } from "viem";

import { governanceActionCatalogue } from "../../../sdk/index.ts";
import type {
  ActionAvailability,
  GovernanceAction,
  HouseName,
  ProposalCallInput,
  ProposalKind,
  ProposalStage,
  SignedVeto,
  SignedVote,
} from "../../../sdk/index.ts";
import type { Permission } from "./permissions.ts";
import { formatLocalDateTime } from "./format.ts";

/** A field of a catalogue action's form. */
export type FieldKind =
  | "cell"
  | "recognised"
  | "account"
  | "optionalAccount"
  | "resource"
  | "eth"
  | "percent"
  | "bps"
  | "count"
  | "minutes"
  | "house";
export type CatalogueField = { name: string; label: string; kind: FieldKind };

/** An action of the SDK's catalogue (`governanceActionCatalogue`) with its form. */
export type CatalogueAction = {
  id: GovernanceAction["action"];
  label: string;
  fields: CatalogueField[];
  /** Only offered when the deployment has leases. */
  needsLeases?: boolean;
};

const HOUSE: CatalogueField = { name: "house", label: "House", kind: "house" };

const FIELDS: Record<GovernanceAction["action"], CatalogueField[]> = {
  recogniseCell: [
    { name: "cell", label: "Cell", kind: "cell" },
    { name: "recognised", label: "Recognise or stop", kind: "recognised" },
  ],
  admitMember: [{ name: "account", label: "Account", kind: "account" }],
  removeMember: [{ name: "account", label: "Account", kind: "account" }],
  pay: [
    { name: "to", label: "To", kind: "account" },
    { name: "amount", label: "Amount (ETH)", kind: "eth" },
  ],
  revokeLease: [{ name: "resource", label: "Resource id", kind: "resource" }],
  setVetoThreshold: [{ name: "percent", label: "Threshold (% of members)", kind: "bps" }],
  setQuorumFloor: [HOUSE, { name: "floor", label: "Quorum floor (seats or votes)", kind: "count" }],
  setQuorumPercent: [HOUSE, { name: "percent", label: "Quorum (%)", kind: "percent" }],
  setVotingDelay: [HOUSE, { name: "minutes", label: "Voting delay (minutes)", kind: "minutes" }],
  setVotingPeriod: [HOUSE, { name: "minutes", label: "Voting period (minutes)", kind: "minutes" }],
  setConstitutionalDelay: [{ name: "minutes", label: "Constitutional delay (minutes)", kind: "minutes" }],
  setGuardian: [HOUSE, { name: "guardian", label: "Guardian (empty: none)", kind: "optionalAccount" }],
};

/** The Concord actions a proposal can carry (the SDK's catalogue), besides a raw call. */
export const catalogue: readonly CatalogueAction[] = governanceActionCatalogue.map((entry) => ({
  id: entry.action,
  label: entry.label,
  fields: FIELDS[entry.action],
  ...(entry.action === "revokeLease" ? { needsLeases: true } : {}),
}));

/** A catalogue action ready for the SDK's `buildProposalCall`, or the first problem in words. */
export type BuiltAction = { ok: true; action: GovernanceAction } | { ok: false; error: string };

/** A call, or why the form cannot make one yet. */
export type BuiltCall = { ok: true; call: ProposalCallInput } | { ok: false; error: string };

const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });

function positiveInteger(text: string | undefined): bigint | null {
  const value = (text ?? "").trim();
  return /^[1-9]\d{0,30}$/.test(value) ? BigInt(value) : null;
}

/**
 * The SDK catalogue action a form's values describe (amounts in ETH, thresholds in %, durations in
 * minutes, as people type them), or the first problem in words. The SDK's `buildProposalCall` encodes it.
 *
 * @example
 * toGovernanceAction("recogniseCell", { cell: "7", recognised: "yes" });
 * // { ok: true, action: { action: "recogniseCell", cellId: 7n, recognised: true } }
 */
export function toGovernanceAction(actionId: string, values: Record<string, string>): BuiltAction {
  const text = (name: string) => (values[name] ?? "").trim();
  const account = (name: string): Address | null => (isAddress(text(name)) ? getAddress(text(name)) : null);
  const house = (): HouseName | null =>
    text("house") === "operational" || text("house") === "community" ? (text("house") as HouseName) : null;
  const minutes = (): bigint | null => {
    const value = positiveInteger(values.minutes);
    return value === null || value > 525_600n ? null : value * 60n;
  };
  const needHouse = "Choose a house.";
  const needAccount = "Enter the account's address (0x followed by 40 hex digits).";
  const needMinutes = "Enter a number of minutes from 1 to 525600.";
  switch (actionId) {
    case "recogniseCell": {
      const cellId = positiveInteger(values.cell);
      if (cellId === null) return fail("Choose a cell.");
      return {
        ok: true,
        action: { action: "recogniseCell", cellId, recognised: text("recognised") !== "no" },
      };
    }
    case "admitMember":
    case "removeMember": {
      const who = account("account");
      if (!who) return fail(needAccount);
      return { ok: true, action: { action: actionId, account: who } };
    }
    case "pay": {
      const to = account("to");
      if (!to) return fail("Enter the recipient's address (0x followed by 40 hex digits).");
      const amount = text("amount");
      if (!/^\d+(\.\d{1,18})?$/.test(amount) || parseEther(amount) === 0n)
        return fail("Enter an amount of ETH greater than 0 (for example 0.5).");
      return { ok: true, action: { action: "pay", to, value: parseEther(amount) } };
    }
    case "revokeLease": {
      const resourceId = positiveInteger(values.resource);
      if (resourceId === null) return fail("Enter the resource's id (a whole number from 1).");
      return { ok: true, action: { action: "revokeLease", resourceId } };
    }
    case "setVetoThreshold": {
      const percent = text("percent");
      if (!/^\d{1,3}(\.\d{1,2})?$/.test(percent) || Number(percent) <= 0 || Number(percent) > 100)
        return fail("Enter a percentage between 0.01 and 100.");
      return {
        ok: true,
        action: { action: "setVetoThreshold", bps: BigInt(Math.round(Number(percent) * 100)) },
      };
    }
    case "setQuorumFloor": {
      const which = house();
      if (!which) return fail(needHouse);
      const floor = positiveInteger(values.floor);
      if (floor === null) return fail("Enter the quorum floor (a whole number from 1).");
      return { ok: true, action: { action: "setQuorumFloor", house: which, floor } };
    }
    case "setQuorumPercent": {
      const which = house();
      if (!which) return fail(needHouse);
      const percent = positiveInteger(values.percent);
      if (percent === null || percent > 100n) return fail("Enter a whole percentage from 1 to 100.");
      return { ok: true, action: { action: "setQuorumPercent", house: which, percent } };
    }
    case "setVotingDelay":
    case "setVotingPeriod": {
      const which = house();
      if (!which) return fail(needHouse);
      const seconds = minutes();
      if (seconds === null) return fail(needMinutes);
      return { ok: true, action: { action: actionId, house: which, seconds } };
    }
    case "setConstitutionalDelay": {
      const seconds = minutes();
      if (seconds === null) return fail(needMinutes);
      return { ok: true, action: { action: "setConstitutionalDelay", seconds } };
    }
    case "setGuardian": {
      const which = house();
      if (!which) return fail(needHouse);
      if (text("guardian") === "")
        return { ok: true, action: { action: "setGuardian", house: which, guardian: null } };
      const guardian = account("guardian");
      if (!guardian) return fail("Enter the guardian's address, or leave it empty to remove the guardian.");
      return { ok: true, action: { action: "setGuardian", house: which, guardian } };
    }
    default:
      return fail(`Unknown action "${actionId}".`);
  }
}

/**
 * A raw call from an expert's fields: target address, value in ETH (may be empty) and calldata (hex).
 *
 * @example
 * buildRawCall({ target: "0x…", value: "", data: "0x12345678" });
 */
export function buildRawCall(fields: { target: string; value: string; data: string }): BuiltCall {
  const target = fields.target.trim();
  if (!isAddress(target)) return fail("Enter the target's address (0x followed by 40 hex digits).");
  const valueText = fields.value.trim() || "0";
  if (!/^\d+(\.\d{1,18})?$/.test(valueText)) return fail("Enter the value in ETH (for example 0 or 0.25).");
  const data = (fields.data.trim() || "0x") as Hex;
  if (!isHex(data, { strict: true }) || data.length % 2 !== 0)
    return fail("Enter the calldata as hex bytes (0x…, an even number of digits).");
  return { ok: true, call: { target: getAddress(target), value: parseEther(valueText), data } };
}

/** One step of a proposal's timeline. */
export type TimelineStep = {
  stage: ProposalStage;
  label: string;
  state: "done" | "current" | "next" | "failed";
};

const PATHS: Record<ProposalKind, { stage: ProposalStage; label: string }[]> = {
  operational: [
    { stage: "operationalVote", label: "Operational vote" },
    { stage: "awaitingQueue", label: "Queue" },
    { stage: "vetoWindow", label: "Veto window" },
    { stage: "executable", label: "Executable" },
    { stage: "executed", label: "Executed" },
  ],
  constitutional: [
    { stage: "communityVote", label: "Community vote" },
    { stage: "awaitingOperational", label: "Carry" },
    { stage: "operationalVote", label: "Operational vote" },
    { stage: "awaitingQueue", label: "Queue" },
    { stage: "timelock", label: "Timelock" },
    { stage: "executable", label: "Executable" },
    { stage: "executed", label: "Executed" },
  ],
};

const FAILED_WORDS: Partial<Record<ProposalStage, string>> = {
  vetoed: "Vetoed",
  defeated: "Defeated",
  canceled: "Canceled",
  expired: "Expired",
};

/**
 * The stages a proposal of this kind goes through, marked done / current / next. A proposal that ended
 * early (vetoed, defeated, canceled, expired) has the ending step after the last one it reached, given
 * as `reached` (the stage it was in before ending; the SDK does not keep it, so it is estimated from
 * which houses voted).
 *
 * @example
 * timeline("operational", "vetoWindow").map((step) => step.state);
 * // ["done", "done", "current", "next", "next"]
 */
export function timeline(kind: ProposalKind, stage: ProposalStage, reached?: ProposalStage): TimelineStep[] {
  const path = PATHS[kind];
  const failed = FAILED_WORDS[stage];
  if (failed) {
    const at = Math.max(
      0,
      path.findIndex((step) => step.stage === reached),
    );
    return [
      ...path.slice(0, at).map((step) => ({ ...step, state: "done" as const })),
      { stage, label: failed, state: "failed" as const },
    ];
  }
  const index = path.findIndex((step) => step.stage === stage);
  return path.map((step, i) => ({
    ...step,
    state: i < index ? "done" : i === index ? (stage === "executed" ? "done" : "current") : "next",
  }));
}

/**
 * The SDK's availability of an action as the app's permission (the SDK's reason when refused).
 *
 * @example
 * toPermission({ allowed: false, house: "community", reason: "Voting opens after 18:02." });
 * // { ok: false, reason: "Voting opens after 18:02." }
 */
export function toPermission(availability: ActionAvailability): Permission {
  return availability.allowed ? { ok: true } : { ok: false, reason: availability.reason };
}

/**
 * A share as a percentage with one decimal ("62.5%"), "0%" when the total is 0.
 *
 * @example
 * percentOf(5n, 8n); // "62.5%"
 */
export function percentOf(part: bigint, total: bigint): string {
  if (total === 0n) return "0%";
  const tenths = (part * 1000n) / total;
  return `${tenths / 10n}${tenths % 10n === 0n ? "" : `.${tenths % 10n}`}%`;
}

// ─────────────────────────────────────────────────────────────── proposing rights

/** What lets an account propose, per kind of proposal. */
export type ProposingRight = {
  kind: ProposalKind;
  house: HouseName;
  ok: boolean;
  /** One sentence: what the account can propose, or what would let it. */
  sentence: string;
};

/**
 * Who may propose what, by house and kind: operational proposals go to the operational house, where the
 * proposer needs `operational.threshold` seat votes (a seat counts a week after it was taken);
 * constitutional ones go to the community house first, where the proposer needs `community.threshold`
 * votes (its own membership or delegated to it). `power` is null when no account is connected.
 *
 * @example
 * proposingRights({ operational: 1n, community: 1n }, { communityVotes: 1n, seats: 0n, seatVotes: 0n, seatCountsFrom: null });
 * // operational: not ok ("…only the delegates of recognised cells…"), constitutional: ok
 */
export function proposingRights(
  thresholds: { operational: bigint; community: bigint },
  power: {
    communityVotes: bigint;
    seats: bigint;
    seatVotes: bigint;
    seatCountsFrom: bigint | null;
  } | null,
  formatTime: (seconds: bigint) => string = formatLocalDateTime,
): ProposingRight[] {
  const votes = (n: bigint, one: string) => `${n} ${n === 1n ? one : `${one}s`}`;
  if (!power)
    return [
      {
        kind: "operational",
        house: "operational",
        ok: false,
        sentence: `Operational proposals (payments, leases, cells' work) are proposed in the operational house by a cell's delegate with ${votes(thresholds.operational, "seat vote")}. Connect to see yours.`,
      },
      {
        kind: "constitutional",
        house: "community",
        ok: false,
        sentence: `Constitutional proposals (members, governance rules) are proposed in the community house by a member with ${votes(thresholds.community, "vote")}. Connect to see yours.`,
      },
    ];
  const operationalOk = power.seatVotes >= thresholds.operational;
  const communityOk = power.communityVotes >= thresholds.community;
  const operational = operationalOk
    ? `You can propose operational calls (payments, leases, cells' work): you have ${votes(power.seatVotes, "seat vote")}, ${thresholds.operational} needed.`
    : power.seats > 0n && power.seatCountsFrom !== null
      ? `You cannot propose operational calls yet: your seat counts as a vote from ${formatTime(power.seatCountsFrom)} (a seat counts a week after it is taken); ${votes(thresholds.operational, "seat vote")} needed.`
      : `You cannot propose operational calls (payments, leases, cells' work): only the delegate of a recognised cell holds a seat, and ${votes(thresholds.operational, "seat vote")} ${thresholds.operational === 1n ? "is" : "are"} needed. Ask a cell's delegate to propose it, or become one.`;
  const constitutional = communityOk
    ? `You can propose constitutional calls (members, governance rules) to the community house: you have ${votes(power.communityVotes, "vote")}, ${thresholds.community} needed.`
    : `You cannot propose constitutional calls (members, governance rules): the community house needs ${votes(thresholds.community, "vote")} and you have ${power.communityVotes}. A membership gives one vote; if you delegated yours, delegate it back to yourself (Delegation) to propose.`;
  return [
    { kind: "operational", house: "operational", ok: operationalOk, sentence: operational },
    { kind: "constitutional", house: "community", ok: communityOk, sentence: constitutional },
  ];
}

// ─────────────────────────────────────────────────────────────── votes

const SUPPORT_WORDS = { for: "For", against: "Against", abstain: "Abstain" } as const;

/** A ballot as the proposal page needs it (the SDK's `Ballot`). */
export type BallotView = {
  house: HouseName;
  type: "vote" | "override" | "veto";
  voter: Address;
  support: "for" | "against" | "abstain" | null;
  weight: bigint;
  castWeight: bigint;
};

/**
 * The viewer's own ballots on a proposal, in words ("You voted For with 1 seat in the operational house."),
 * oldest first; empty when the viewer cast none.
 *
 * @example
 * ownBallotSentences(ballots, alice); // ["You voted For with 1 vote in the community house."]
 */
export function ownBallotSentences(ballots: readonly BallotView[], account: Address | null): string[] {
  if (!account) return [];
  const mine = ballots.filter((ballot) => ballot.voter.toLowerCase() === account.toLowerCase());
  return mine.map((ballot) => {
    const unit = ballot.house === "operational" ? "seat" : "vote";
    const weight = `${ballot.castWeight} ${ballot.castWeight === 1n ? unit : `${unit}s`}`;
    if (ballot.type === "veto") return `You vetoed it with ${weight}.`;
    const support = SUPPORT_WORDS[ballot.support ?? "abstain"];
    if (ballot.type === "override") return `You overrode your delegate: ${support} with ${weight}.`;
    const reduced =
      ballot.weight !== ballot.castWeight
        ? ` (${ballot.weight} still count${ballot.weight === 1n ? "s" : ""}: delegators overrode the rest)`
        : "";
    return `You voted ${support} with ${weight} in the ${ballot.house} house${reduced}.`;
  });
}

export { paginate } from "./format.ts";

// ─────────────────────────────────────────────────────────────── the veto

/**
 * What a veto by the viewer would do, in one sentence for the confirmation step: whether it alone reaches
 * the threshold (the proposal is canceled at once, its calls never run) or adds to the tally.
 *
 * @example
 * vetoConsequence({ votes: 0n, threshold: 1n }, 1n); // "Your veto (1 vote) reaches the threshold of 1 vote: …"
 */
export function vetoConsequence(veto: { votes: bigint; threshold: bigint }, power: bigint): string {
  const votes = (n: bigint) => `${n} ${n === 1n ? "vote" : "votes"}`;
  if (veto.votes + power >= veto.threshold)
    return `Your veto (${votes(power)}) reaches the threshold of ${votes(veto.threshold)}: the proposal is canceled at once and its calls never run. This cannot be undone.`;
  return `Your veto (${votes(power)}) adds to ${votes(veto.votes)} already cast; ${votes(veto.threshold)} cancel the proposal. A veto cannot be withdrawn.`;
}

// ─────────────────────────────────────────────────────────────── what comes next

/** What {@link nextStepSentence} reads of a proposal. */
export type NextStepInput = {
  kind: ProposalKind;
  stage: ProposalStage;
  community: { state: string; voteStart: bigint; voteEnd: bigint } | null;
  operational: { state: string; voteStart: bigint; voteEnd: bigint } | null;
  eta: bigint | null;
  deadline: { at: bigint; sentence: string } | null;
};

/**
 * One line on what comes next for a proposal, on the chain's clock `now` (times through `formatTime`, a
 * time left through `formatLeft`).
 *
 * @example
 * nextStepSentence(vetoed, now, fmt, left); // "Nothing more happens: the community vetoed it; it will never execute."
 */
export function nextStepSentence(
  proposal: NextStepInput,
  now: bigint,
  formatTime: (seconds: bigint) => string,
  formatLeft: (seconds: bigint) => string,
): string {
  const at = (seconds: bigint) =>
    seconds > now ? `${formatTime(seconds)} (in ${formatLeft(seconds - now)})` : formatTime(seconds);
  const voting = proposal.stage === "communityVote" ? proposal.community : proposal.operational;
  switch (proposal.stage) {
    case "communityVote":
    case "operationalVote": {
      if (!voting) return "The vote has not opened yet.";
      const then =
        proposal.stage === "communityVote"
          ? "if it passes, anyone carries it to the operational house"
          : proposal.kind === "operational"
            ? "if it passes, anyone queues it and the community's veto window opens"
            : "if it passes, anyone queues it in the timelock";
      return voting.voteStart >= now
        ? `Voting opens ${at(voting.voteStart + 1n)}; it closes ${formatTime(voting.voteEnd)}, then ${then}.`
        : `Voting closes ${at(voting.voteEnd)}; ${then}.`;
    }
    case "awaitingOperational":
      return `Next: anyone carries it to the operational house, which votes on it${proposal.deadline ? `; it ${proposal.deadline.sentence}` : ""}.`;
    case "awaitingQueue":
      return `Next: anyone queues it in the timelock${proposal.kind === "operational" ? ", which opens the community's veto window" : ""}${proposal.deadline ? `; it ${proposal.deadline.sentence}` : ""}.`;
    case "vetoWindow":
      return proposal.eta !== null
        ? `Unless the community vetoes it, anyone can execute it from ${at(proposal.eta)}.`
        : "Unless the community vetoes it, anyone can execute it after the veto window.";
    case "timelock":
      return proposal.eta !== null
        ? `Anyone can execute it from ${at(proposal.eta)}.`
        : "Anyone can execute it after the constitutional delay.";
    case "executable":
      return `Anyone can execute it now${proposal.deadline ? `; it ${proposal.deadline.sentence}` : ""}.`;
    case "executed":
      return "Nothing more happens: it was executed.";
    case "vetoed":
      return "Nothing more happens: the community vetoed it; it will never execute.";
    case "defeated":
      return "Nothing more happens: it was defeated.";
    case "canceled":
      return "Nothing more happens: it was canceled; it will never execute.";
    case "expired":
      return "Nothing more happens: it expired before its next step; it will never execute.";
  }
}

// ─────────────────────────────────────────────────────────────── votes and vetoes by signature

/** A signed vote or veto, as members pass them to whoever relays them. */
export type SignedBallot = { type: "vote"; vote: SignedVote } | { type: "veto"; veto: SignedVeto };

/**
 * The text form of a signed vote or veto (JSON, numbers as strings) that a member copies to a relayer.
 *
 * @example
 * encodeSignedBallot({ type: "veto", veto }); // '{"type":"veto","proposalId":"42",…}'
 */
export function encodeSignedBallot(ballot: SignedBallot): string {
  const body = ballot.type === "vote" ? ballot.vote : ballot.veto;
  return JSON.stringify({ type: ballot.type, ...body, proposalId: String(body.proposalId) });
}

const SUPPORTS_SIGNED = ["for", "against", "abstain"] as const;

/**
 * Reads signed votes and vetoes pasted by a relayer: one JSON object per line, or a JSON array. Refuses, in
 * words, what is not a signed ballot of `proposalId`, and a batch that mixes houses or votes with vetoes (one
 * transaction goes to one house, through its `multicall`).
 *
 * @example
 * decodeSignedBallots(text, 42n); // { ok: true, type: "vote", house: "operational", ballots: [...] }
 */
export function decodeSignedBallots(
  text: string,
  proposalId: bigint,
):
  | { ok: true; type: "vote"; votes: SignedVote[] }
  | { ok: true; type: "veto"; vetoes: SignedVeto[] }
  | { ok: false; error: string } {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, error: "Paste one or more signed votes or vetoes." };
  let items: unknown[];
  try {
    items = trimmed.startsWith("[")
      ? (JSON.parse(trimmed) as unknown[])
      : trimmed
          .split("\n")
          .filter((line) => line.trim() !== "")
          .map((line) => JSON.parse(line) as unknown);
  } catch {
    return { ok: false, error: "This is not a signed vote: paste the text exactly as it was copied." };
  }
  if (items.length > MAX_RELAYED)
    return { ok: false, error: `At most ${MAX_RELAYED} signed ballots go in one transaction.` };
  const votes: SignedVote[] = [];
  const vetoes: SignedVeto[] = [];
  for (const [i, item] of items.entries()) {
    const entry = item as Record<string, unknown>;
    const where = items.length > 1 ? `Signed ballot ${i + 1}: ` : "";
    if (typeof entry !== "object" || entry === null || (entry.type !== "vote" && entry.type !== "veto"))
      return { ok: false, error: `${where}not a signed vote or veto.` };
    if (typeof entry.voter !== "string" || !isAddress(entry.voter))
      return { ok: false, error: `${where}the voter's address is missing.` };
    if (!isHex(entry.signature) || entry.signature.length < 4)
      return { ok: false, error: `${where}the signature is missing.` };
    if (String(entry.proposalId) !== String(proposalId))
      return { ok: false, error: `${where}it was signed for another proposal.` };
    const reason = typeof entry.reason === "string" ? entry.reason : "";
    const voter = getAddress(entry.voter);
    if (entry.type === "veto") vetoes.push({ proposalId, voter, reason, signature: entry.signature });
    else {
      const support = SUPPORTS_SIGNED.find((value) => value === entry.support);
      if (!support) return { ok: false, error: `${where}the choice (for, against, abstain) is missing.` };
      if (entry.house !== "operational" && entry.house !== "community")
        return { ok: false, error: `${where}the house is missing.` };
      votes.push({
        house: entry.house,
        proposalId,
        support,
        voter,
        reason,
        override: entry.override === true,
        signature: entry.signature,
      });
    }
  }
  if (votes.length > 0 && vetoes.length > 0)
    return {
      ok: false,
      error: "Relay the votes and the vetoes in two transactions: paste one kind at a time.",
    };
  if (new Set(votes.map((vote) => vote.house)).size > 1)
    return { ok: false, error: "These votes are for both houses: relay each house's votes on their own." };
  return vetoes.length > 0 ? { ok: true, type: "veto", vetoes } : { ok: true, type: "vote", votes };
}

/** At most this many signed ballots are relayed in one transaction. */
export const MAX_RELAYED = 50;
