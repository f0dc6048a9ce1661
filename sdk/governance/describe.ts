/**
 * `describeCall`: a proposal's call in words, decoded against Concord's ABIs ("recognise cell 7",
 * "mint a membership to 0x…", "set the veto threshold to 20%"). Calls Concord does not know fall back to
 * "call <function or selector> on <address>".
 */
import {
  decodeFunctionData,
  formatEther,
  getAddress,
  isAddressEqual,
  keccak256,
  size,
  slice,
  toHex,
} from "viem";
import type { Abi, Address, Hex } from "viem";

import type { ConcordClientBase } from "../client.ts";
import { concordAbis } from "../internal/catalog.ts";
import type { ConcordContractName } from "../internal/catalog.ts";
import { shortAddress } from "../internal/messages.ts";
import type { ProposalCall, ProposalCallInput } from "./types.ts";

/** Concord's contracts a call can target, by the client's addresses. */
type Known = { name: string; label: string; abi: Abi };

/** Each contract a call can target: where the client keeps its address, its name and how to say it. */
const KNOWN: readonly [keyof ConcordClientBase["addresses"], ConcordContractName, string][] = [
  ["cellRegistry", "CellRegistry", "the cell registry"],
  ["agreementRegistry", "AgreementRegistry", "the agreement registry"],
  ["resourceLeases", "ResourceLeases", "resource leases"],
  ["operationalHouse", "OperationalHouse", "the operational house"],
  ["communityHouse", "CommunityHouse", "the community house"],
  ["concordTimelock", "ConcordTimelock", "the timelock"],
  ["governanceClassifier", "GovernanceClassifier", "the classifier"],
  ["votesToken", "ConcordMembership", "the membership token"],
];

function knownContracts(client: ConcordClientBase): [Address, Known][] {
  const entries = KNOWN.map(([key, name, label]): [Address | undefined, Known] => [
    client.addresses[key],
    { name, label, abi: concordAbis[name] },
  ]);
  return entries.filter((entry): entry is [Address, Known] => entry[0] !== undefined);
}

const ROLE_NAMES: Record<string, string> = {
  [keccak256(toHex("PROPOSER_ROLE"))]: "proposer",
  [keccak256(toHex("EXECUTOR_ROLE"))]: "executor",
  [keccak256(toHex("CANCELLER_ROLE"))]: "canceller",
  [`0x${"00".repeat(32)}`]: "admin",
};

function duration(seconds: bigint): string {
  const s = Number(seconds);
  if (s % 86_400 === 0 && s >= 86_400) return `${s / 86_400} day${s === 86_400 ? "" : "s"}`;
  if (s % 3_600 === 0 && s >= 3_600) return `${s / 3_600} hour${s === 3_600 ? "" : "s"}`;
  if (s % 60 === 0 && s >= 60) return `${s / 60} minute${s === 60 ? "" : "s"}`;
  return `${s} second${s === 1 ? "" : "s"}`;
}

function percentOfBps(bps: bigint): string {
  const value = Number(bps) / 100;
  return `${Number.isInteger(value) ? value : value.toFixed(2)}%`;
}

/** Options of {@link describeCall}. */
export type DescribeCallOptions = {
  /** A cell's name for its id, to say "recognise cell 7 \"Infra\"" (e.g. from `listCells`). */
  cellName?: ((cellId: bigint) => string | undefined) | undefined;
};

type Phrase = (
  args: readonly unknown[],
  target: Known,
  client: ConcordClientBase,
  options: DescribeCallOptions,
) => string;

function cell(id: unknown, options: DescribeCallOptions): string {
  const name = options.cellName?.(id as bigint);
  return name ? `cell ${id} "${name}"` : `cell ${id}`;
}

/** Words for the functions a proposal typically calls, by contract and function name. */
const PHRASES: Record<string, Phrase> = {
  "CellRegistry.setRecognised": ([cellId, recognised], _known, _client, options) =>
    recognised ? `recognise ${cell(cellId, options)}` : `stop recognising ${cell(cellId, options)}`,
  "CellRegistry.createCell": ([parentId, name], _known, _client, options) =>
    parentId === 0n
      ? `create a top-level cell "${name}"`
      : `create a cell "${name}" under ${cell(parentId, options)}`,
  "CellRegistry.addMember": ([cellId, account, roles], _known, _client, options) =>
    `add ${shortAddress(account as string)} to ${cell(cellId, options)} (roles ${roles})`,
  "CellRegistry.removeMember": ([cellId, account], _known, _client, options) =>
    `remove ${shortAddress(account as string)} from ${cell(cellId, options)}`,
  "CellRegistry.setPhase": ([cellId, phase], _known, _client, options) =>
    `set the phase of ${cell(cellId, options)} to ${["conversation", "collaboration", "commitment", "coordination"][Number(phase)] ?? phase}`,
  "ResourceLeases.revoke": ([resourceId]) => `revoke the lease on resource ${resourceId}`,
  "CellRegistry.transferGovernance": ([to]) =>
    `hand the cell registry's governance to ${shortAddress(to as string)}`,
  "ConcordMembership.mint": ([account]) => `mint a membership to ${shortAddress(account as string)}`,
  "ConcordMembership.burn": ([account]) => `burn the membership of ${shortAddress(account as string)}`,
  "ConcordMembership.transferOwnership": ([to]) =>
    `hand the membership token's ownership to ${shortAddress(to as string)}`,
  "CommunityHouse.setVetoThreshold": ([bps]) => `set the veto threshold to ${percentOfBps(bps as bigint)}`,
  "CommunityHouse.setLateQuorumVoteExtension": ([seconds]) =>
    `set the community house's late-quorum extension to ${duration(BigInt(seconds as number | bigint))}`,
  "OperationalHouse.setConstitutionalDelay": ([seconds]) =>
    `set the constitutional delay to ${duration(seconds as bigint)}`,
  "OperationalHouse.setCommunityHouse": ([house]) =>
    `bind the operational house to the community house ${shortAddress(house as string)}`,
  "House.setQuorumFloor": ([floor], target) =>
    `set ${target.label}'s quorum floor to ${floor} ${target.name === "OperationalHouse" ? "seats" : "votes"}`,
  "House.updateQuorumNumerator": ([numerator], target) => `set ${target.label}'s quorum to ${numerator}%`,
  "House.setVotingDelay": ([seconds], target) =>
    `set ${target.label}'s voting delay to ${duration(BigInt(seconds as number | bigint))}`,
  "House.setVotingPeriod": ([seconds], target) =>
    `set ${target.label}'s voting period to ${duration(BigInt(seconds as number | bigint))}`,
  "House.setProposalThreshold": ([threshold], target) =>
    `set ${target.label}'s proposal threshold to ${threshold}`,
  "House.setProposalGuardian": ([guardian], target) =>
    /^0x0{40}$/i.test(guardian as string)
      ? `remove ${target.label}'s guardian`
      : `make ${shortAddress(guardian as string)} the guardian of ${target.label}`,
  "ConcordTimelock.updateDelay": ([seconds]) =>
    `set the timelock's minimum delay (the veto window) to ${duration(seconds as bigint)}`,
  "ConcordTimelock.grantRole": ([role, account]) =>
    `grant the timelock's ${ROLE_NAMES[role as string] ?? "role " + String(role).slice(0, 10)} role to ${shortAddress(account as string)}`,
  "ConcordTimelock.revokeRole": ([role, account]) =>
    `revoke the timelock's ${ROLE_NAMES[role as string] ?? "role " + String(role).slice(0, 10)} role from ${shortAddress(account as string)}`,
  "GovernanceClassifier.setConstitutionalTarget": ([target, listed], _known, client) =>
    `${listed ? "make" : "stop making"} every call to ${nameOf(client, target as Address)} constitutional`,
  "GovernanceClassifier.setConstitutionalSelector": ([target, selector, listed], _known, client) =>
    `${listed ? "make" : "stop making"} ${selectorName(client, target as Address, selector as Hex)} on ${nameOf(client, target as Address)} constitutional`,
};

function nameOf(client: ConcordClientBase, address: Address): string {
  const known = knownContracts(client).find(([entry]) => isAddressEqual(entry, address));
  return known ? known[1].label : shortAddress(address);
}

function selectorName(client: ConcordClientBase, target: Address, selector: Hex): string {
  const known = knownContracts(client).find(([entry]) => isAddressEqual(entry, target));
  if (!known) return selector;
  for (const item of known[1].abi) {
    if (item.type !== "function") continue;
    const signature = `${item.name}(${item.inputs.map((input) => input.type).join(",")})`;
    if (keccak256(toHex(signature)).slice(0, 10) === selector.toLowerCase()) return item.name;
  }
  return selector;
}

function formatArg(value: unknown): string {
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "string")
    return /^0x[0-9a-fA-F]{40}$/.test(value) ? shortAddress(value) : JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(formatArg).join(", ")}]`;
  return String(value);
}

/**
 * A proposal's call in words. Calls to Concord's contracts are decoded against their ABIs ("recognise cell
 * 7", "mint a membership to 0x70…79C8", "set the veto threshold to 20%"); other decoded calls read as
 * "call setPhase(2, 1) on the cell registry"; unknown targets or functions as "call 0x12345678 on 0x…";
 * a value is added as "… and send 1.5 ETH".
 *
 * @example
 * import { describeCall } from "@concord-dao/sdk";
 *
 * describeCall(concord, { target: registry, value: 0n, data }); // "recognise cell 7"
 * describeCall(concord, call, { cellName: (id) => names.get(id) }); // "recognise cell 7 \"Research\""
 */
export function describeCall(
  client: ConcordClientBase,
  call: ProposalCall | ProposalCallInput,
  options: DescribeCallOptions = {},
): string {
  const target = getAddress(call.target);
  const data = (call.data ?? "0x") as Hex;
  const value = BigInt(call.value ?? 0);
  const send = value > 0n ? `send ${formatEther(value)} ETH` : "";
  const known = knownContracts(client).find(([address]) => isAddressEqual(address, target))?.[1];
  if (size(data) < 4) {
    const where = known ? known.label : shortAddress(target);
    return send ? `${send} to ${where}` : `call ${where} with no function`;
  }
  let words: string | undefined;
  if (known) {
    try {
      const decoded = decodeFunctionData({ abi: known.abi, data });
      const args = (decoded.args ?? []) as readonly unknown[];
      const isHouse = known.name === "OperationalHouse" || known.name === "CommunityHouse";
      const phrase =
        PHRASES[`${known.name}.${decoded.functionName}`] ??
        (isHouse ? PHRASES[`House.${decoded.functionName}`] : undefined);
      words = phrase
        ? phrase(args, known, client, options)
        : `call ${decoded.functionName}(${args.map(formatArg).join(", ")}) on ${known.label}`;
    } catch {
      words = undefined;
    }
  }
  words ??= `call ${slice(data, 0, 4)} on ${known ? known.label : shortAddress(target)}`;
  return send ? `${words} and send ${formatEther(value)} ETH` : words;
}
