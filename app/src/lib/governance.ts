/**
 * The governance screens' plain logic: the catalogue of Concord actions a proposal can carry (each turned
 * into a call the timelock will make), the raw call for experts, a proposal's stage timeline, and the SDK's
 * action availabilities as the app's permissions. Part of the governance chunk (lazy).
 */
import { encodeFunctionData, isAddress, isHex, getAddress, parseEther } from "viem";
import type { Address, Hex } from "viem";

import {
  cellRegistryAbi,
  communityHouseAbi,
  concordMembershipAbi,
  operationalHouseAbi,
  resourceLeasesAbi,
} from "../../../sdk/index.ts";
import type {
  ActionAvailability,
  ProposalCallInput,
  ProposalKind,
  ProposalStage,
} from "../../../sdk/index.ts";
import type { Permission } from "./permissions.ts";

/** The addresses the catalogue targets (the deployment's). */
export type CatalogueAddresses = {
  cellRegistry: Address;
  resourceLeases?: Address | undefined;
  votesToken?: Address | undefined;
  operationalHouse?: Address | undefined;
  communityHouse?: Address | undefined;
};

/** A field of a catalogue action's form. */
export type FieldKind = "cell" | "account" | "resource" | "eth" | "percent" | "minutes" | "house";
export type CatalogueField = { name: string; label: string; kind: FieldKind };

/** An action of the catalogue. */
export type CatalogueAction = {
  id: string;
  label: string;
  fields: CatalogueField[];
  /** Which contract it needs (absent from the deployment → not offered). */
  needs: keyof CatalogueAddresses;
};

/** The Concord actions a proposal can carry, besides a raw call. */
export const catalogue: readonly CatalogueAction[] = [
  {
    id: "recognise",
    label: "Recognise a cell (it gets a seat in the operational house)",
    fields: [{ name: "cell", label: "Cell", kind: "cell" }],
    needs: "cellRegistry",
  },
  {
    id: "unrecognise",
    label: "Stop recognising a cell",
    fields: [{ name: "cell", label: "Cell", kind: "cell" }],
    needs: "cellRegistry",
  },
  {
    id: "mint",
    label: "Mint a membership (one member, one vote)",
    fields: [{ name: "account", label: "Account", kind: "account" }],
    needs: "votesToken",
  },
  {
    id: "burn",
    label: "Burn a membership",
    fields: [{ name: "account", label: "Account", kind: "account" }],
    needs: "votesToken",
  },
  {
    id: "pay",
    label: "Send ETH from the treasury",
    fields: [
      { name: "to", label: "To", kind: "account" },
      { name: "amount", label: "Amount (ETH)", kind: "eth" },
    ],
    needs: "cellRegistry",
  },
  {
    id: "revoke",
    label: "Revoke the lease on a resource",
    fields: [{ name: "resource", label: "Resource id", kind: "resource" }],
    needs: "resourceLeases",
  },
  {
    id: "vetoThreshold",
    label: "Change the veto threshold",
    fields: [{ name: "percent", label: "Threshold (% of members)", kind: "percent" }],
    needs: "communityHouse",
  },
  {
    id: "votingPeriod",
    label: "Change a house's voting period",
    fields: [
      { name: "house", label: "House", kind: "house" },
      { name: "minutes", label: "Voting period (minutes)", kind: "minutes" },
    ],
    needs: "operationalHouse",
  },
];

/** A call, or why the form cannot make one yet. */
export type BuiltCall = { ok: true; call: ProposalCallInput } | { ok: false; error: string };

const fail = (error: string): BuiltCall => ({ ok: false, error });

function positiveInteger(text: string | undefined): bigint | null {
  const value = (text ?? "").trim();
  return /^[1-9]\d{0,30}$/.test(value) ? BigInt(value) : null;
}

/**
 * The call a catalogue action makes with the form's values, or the first problem in words.
 *
 * @example
 * buildCatalogueCall("recognise", { cell: "7" }, addresses);
 * // { ok: true, call: { target: registry, data: "0x…" } }
 */
export function buildCatalogueCall(
  actionId: string,
  values: Record<string, string>,
  addresses: CatalogueAddresses,
): BuiltCall {
  const action = catalogue.find((entry) => entry.id === actionId);
  if (!action) return fail(`Unknown action "${actionId}".`);
  const target = addresses[action.needs];
  if (!target) return fail(`This deployment has no ${action.needs}.`);
  const account = (name: string): Address | null => {
    const text = (values[name] ?? "").trim();
    return isAddress(text) ? getAddress(text) : null;
  };
  switch (action.id) {
    case "recognise":
    case "unrecognise": {
      const cell = positiveInteger(values.cell);
      if (cell === null) return fail("Choose a cell.");
      return {
        ok: true,
        call: {
          target,
          data: encodeFunctionData({
            abi: cellRegistryAbi,
            functionName: "setRecognised",
            args: [cell, action.id === "recognise"],
          }),
        },
      };
    }
    case "mint":
    case "burn": {
      const who = account("account");
      if (!who) return fail("Enter the account's address (0x followed by 40 hex digits).");
      return {
        ok: true,
        call: {
          target,
          data: encodeFunctionData({ abi: concordMembershipAbi, functionName: action.id, args: [who] }),
        },
      };
    }
    case "pay": {
      const to = account("to");
      if (!to) return fail("Enter the recipient's address (0x followed by 40 hex digits).");
      const amount = (values.amount ?? "").trim();
      if (!/^\d+(\.\d{1,18})?$/.test(amount) || parseEther(amount) === 0n)
        return fail("Enter an amount of ETH greater than 0 (for example 0.5).");
      return { ok: true, call: { target: to, value: parseEther(amount), data: "0x" } };
    }
    case "revoke": {
      const resource = positiveInteger(values.resource);
      if (resource === null) return fail("Enter the resource's id (a whole number from 1).");
      return {
        ok: true,
        call: {
          target,
          data: encodeFunctionData({ abi: resourceLeasesAbi, functionName: "revoke", args: [resource] }),
        },
      };
    }
    case "vetoThreshold": {
      const text = (values.percent ?? "").trim();
      if (!/^\d{1,3}(\.\d{1,2})?$/.test(text) || Number(text) <= 0 || Number(text) > 100)
        return fail("Enter a percentage between 0.01 and 100.");
      const bps = BigInt(Math.round(Number(text) * 100));
      return {
        ok: true,
        call: {
          target,
          data: encodeFunctionData({ abi: communityHouseAbi, functionName: "setVetoThreshold", args: [bps] }),
        },
      };
    }
    case "votingPeriod": {
      const house = values.house === "community" ? addresses.communityHouse : addresses.operationalHouse;
      if (!house) return fail("Choose a house.");
      const minutes = positiveInteger(values.minutes);
      if (minutes === null || minutes > 525_600n) return fail("Enter a number of minutes from 1 to 525600.");
      return {
        ok: true,
        call: {
          target: house,
          data: encodeFunctionData({
            abi: operationalHouseAbi,
            functionName: "setVotingPeriod",
            args: [Number(minutes * 60n)],
          }),
        },
      };
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
