/**
 * `describeCall`: a proposal's call in words, decoded against Concord's ABIs ("recognise cell 7",
 * "mint a membership to 0x…", "set the veto threshold to 20%"). Calls Concord does not know fall back to
 * "call <function or selector> on <address>".
 */
import {
  decodeFunctionData,
  erc20Abi,
  formatEther,
  formatUnits,
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
  /**
   * How to say an account that is not one of Concord's contracts ("you", "Carol (0x3C44…93BC)", an ENS
   * name), or undefined for its short address.
   */
  accountName?: ((account: Address) => string | null | undefined) | undefined;
  /** A token's symbol and decimals, to say "transfer 10 GRT" rather than raw units (e.g. from `getTreasury`). */
  token?:
    ((token: Address) => { symbol: string | null; decimals: number | null } | null | undefined) | undefined;
};

type Phrase = (
  args: readonly unknown[],
  target: Known,
  client: ConcordClientBase,
  options: DescribeCallOptions,
) => string;

/**
 * An account in words: one of Concord's contracts by its role (the timelock is the treasury, which holds the
 * funds), else the caller's name for it, else its short address.
 */
function who(client: ConcordClientBase, account: unknown, options: DescribeCallOptions): string {
  const address = getAddress(account as string);
  const known = knownContracts(client).find(([entry]) => isAddressEqual(entry, address))?.[1];
  if (known) return known.name === "ConcordTimelock" ? "the treasury (the timelock)" : known.label;
  return options.accountName?.(address) || shortAddress(address);
}

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
  "CellRegistry.addMember": ([cellId, account, roles], _known, client, options) =>
    `add ${who(client, account, options)} to ${cell(cellId, options)} (roles ${roles})`,
  "CellRegistry.removeMember": ([cellId, account], _known, client, options) =>
    `remove ${who(client, account, options)} from ${cell(cellId, options)}`,
  "CellRegistry.setPhase": ([cellId, phase], _known, _client, options) =>
    `set the phase of ${cell(cellId, options)} to ${["conversation", "collaboration", "commitment", "coordination"][Number(phase)] ?? phase}`,
  "ResourceLeases.revoke": ([resourceId]) => `revoke the lease on resource ${resourceId}`,
  "CellRegistry.transferGovernance": ([to], _known, client, options) =>
    `hand the cell registry's governance to ${who(client, to, options)}`,
  "ConcordMembership.mint": ([account], _known, client, options) =>
    `mint a membership to ${who(client, account, options)}`,
  "ConcordMembership.burn": ([account], _known, client, options) =>
    `burn the membership of ${who(client, account, options)}`,
  "ConcordMembership.transferOwnership": ([to], _known, client, options) =>
    `hand the membership token's ownership to ${who(client, to, options)}`,
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
  "House.setProposalGuardian": ([guardian], target, client, options) =>
    /^0x0{40}$/i.test(guardian as string)
      ? `remove ${target.label}'s guardian`
      : `make ${who(client, guardian, options)} the guardian of ${target.label}`,
  "ConcordTimelock.updateDelay": ([seconds]) =>
    `set the timelock's minimum delay (the veto window) to ${duration(seconds as bigint)}`,
  "ConcordTimelock.grantRole": ([role, account], _known, client, options) =>
    `grant the timelock's ${ROLE_NAMES[role as string] ?? "role " + String(role).slice(0, 10)} role to ${who(client, account, options)}`,
  "ConcordTimelock.revokeRole": ([role, account], _known, client, options) =>
    `revoke the timelock's ${ROLE_NAMES[role as string] ?? "role " + String(role).slice(0, 10)} role from ${who(client, account, options)}`,
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

/** An ERC-20 `transfer(to, amount)` to a token that is not Concord's: "transfer 10 GRT to Carol". */
function tokenTransfer(
  client: ConcordClientBase,
  token: Address,
  data: Hex,
  options: DescribeCallOptions,
): string | undefined {
  if (!data.toLowerCase().startsWith("0xa9059cbb")) return undefined;
  try {
    const decoded = decodeFunctionData({ abi: erc20Abi, data });
    if (decoded.functionName !== "transfer") return undefined;
    const [to, amount] = decoded.args;
    const info = options.token?.(token);
    const what =
      info?.decimals != null
        ? `${formatUnits(amount, info.decimals)} ${info.symbol ?? `of the token ${shortAddress(token)}`}`
        : `${amount} units of the token ${info?.symbol ? `${info.symbol} (${shortAddress(token)})` : shortAddress(token)}`;
    return `transfer ${what} to ${who(client, to, options)}`;
  } catch {
    return undefined;
  }
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
 * "call setPhase(2, 1) on the cell registry"; an ERC-20 `transfer` as "transfer 10 GRT to Carol"; unknown
 * targets or functions as "call 0x12345678 on 0x…"; a value is added as "… and send 1.5 ETH". Accounts are
 * named: Concord's contracts by their role (the timelock as the treasury), others by `options.accountName`
 * ("you", "Carol (0x3C44…93BC)"), else by their short address.
 *
 * @example
 * import { describeCall } from "@concord-dao/sdk";
 *
 * describeCall(concord, { target: registry, value: 0n, data }); // "recognise cell 7"
 * describeCall(concord, call, { cellName: (id) => names.get(id) }); // "recognise cell 7 \"Research\""
 * describeCall(concord, { target: carol, value: parseEther("1") }, { accountName: (a) => names.get(a) });
 * // "send 1 ETH to Carol (0x3C44…93BC)"
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
    const where = who(client, target, options);
    return send ? `${send} to ${where}` : `call ${where} with no function`;
  }
  let words: string | undefined = known ? undefined : tokenTransfer(client, target, data, options);
  if (known && words === undefined) {
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
  words ??= `call ${slice(data, 0, 4)} on ${who(client, target, options)}`;
  return send ? `${words} and send ${formatEther(value)} ETH` : words;
}
