/**
 * The governance screens' plain logic: the forms of the SDK's catalogue of Concord actions (values as
 * people type them → the SDK's `GovernanceAction`, which `buildProposalCall` encodes), the raw call for
 * experts, a proposal's stage timeline, and the SDK's action availabilities as the app's permissions.
 * Part of the governance chunk (lazy).
 */
import { getAddress, isAddress, isHex, parseEther } from "viem";
import type { Address, Hex } from "viem";

import { governanceActionCatalogue } from "../../../sdk/governance/index.ts";
import type {
  ActionAvailability,
  GovernanceAction,
  HouseName,
  ProposalCallInput,
  ProposalKind,
  ProposalStage,
} from "../../../sdk/governance/index.ts";
import type { Permission } from "./permissions.ts";

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
