/**
 * Classification before sending: the kind of a proposal computed exactly as the operational house will judge
 * it (the classifier's own `classify` view), with, for every call, whether and why it is constitutional.
 */
import { getAddress, isAddressEqual, isHex, keccak256, size, slice, toHex } from "viem";
import type { Address, Hex } from "viem";
import { call, getCode, getStorageAt } from "viem/actions";

import type { ConcordClientBase } from "../client.ts";
import { InvalidInputError } from "../errors.ts";
import type { ConcordErrorType } from "../errors.ts";
import { concordTimelockAbi, governanceClassifierAbi } from "../generated/abis.ts";
import { readAt } from "../internal/block.ts";
import type { BlockParameters, ReadAt } from "../internal/block.ts";
import { readBatch, withDecodedErrors } from "../internal/read.ts";
import { toAddress, toUint256 } from "../internal/validate.ts";
import { MAX_PROPOSAL_CALLS, MULTICALL_SELECTOR, computeProposalId, hashDescription } from "./constants.ts";
import { describeCall } from "./describe.ts";
import { getGovernanceContracts } from "./reads.ts";
import type {
  CallClassification,
  ConstitutionalReason,
  ProposalCall,
  ProposalCallInput,
  ProposalKind,
  ProposalPreview,
} from "./types.ts";

const CANCELLER_ROLE = keccak256(toHex("CANCELLER_ROLE"));

/**
 * @internal Validates and normalises a proposal's calls (value 0 and data "0x" by default).
 *
 * @example
 * const calls = toProposalCalls([{ target, data }]);
 */
export function toProposalCalls(calls: readonly ProposalCallInput[]): ProposalCall[] {
  if (!Array.isArray(calls) || calls.length === 0) {
    throw new InvalidInputError("calls", calls, "a proposal needs at least one call");
  }
  if (calls.length > MAX_PROPOSAL_CALLS) {
    throw new InvalidInputError("calls", calls.length, `a proposal has at most ${MAX_PROPOSAL_CALLS} calls`);
  }
  return calls.map((call, i) => {
    const data = call.data ?? "0x";
    if (typeof data !== "string" || !isHex(data, { strict: true }) || data.length % 2 !== 0) {
      throw new InvalidInputError(`calls[${i}].data`, data, "expected hex calldata (0x…)");
    }
    return {
      target: toAddress(`calls[${i}].target`, call.target),
      value: toUint256(`calls[${i}].value`, call.value ?? 0n),
      data: data.toLowerCase() as Hex,
    };
  });
}

const EXPLANATIONS: Record<ConstitutionalReason, string> = {
  classifier: "it changes the classifier, which decides what is constitutional",
  timelock: "it calls the timelock, which holds every governance power",
  house: "it calls a house of governance",
  listedTarget: "every call to this contract is on the constitutional list",
  listedSelector: "this function is on the constitutional list",
  multicall: "a multicall on a contract with constitutional functions could hide one of them",
  shortCalldata: "a call without a function on a contract with constitutional functions is constitutional",
};

/** Parameters of {@link classifyProposal}. */
export type ClassifyParameters = {
  calls: readonly ProposalCallInput[];
  /** The description (it fixes the proposal id; default ""). */
  description?: string | undefined;
} & BlockParameters;

/**
 * The kind a proposal will have, computed exactly as the contracts judge it (the classifier's `classify`
 * view, in one batched read with the per-call details), the house `propose` will send it to, its id, and for
 * every call whether it is constitutional and why, as of a block (default: the latest: the classifier's list
 * and the proxies' implementations at that block). Nothing is sent.
 *
 * @example
 * const preview = await concord.governance.classifyProposal({ calls: [{ target: registry, data }] });
 * if (preview.kind === "constitutional") console.log(preview.explanation);
 * // "Call 1 (recognise cell 7) is constitutional: this function is on the constitutional list. …"
 */
export async function classifyProposal(
  client: ConcordClientBase,
  parameters: ClassifyParameters,
): Promise<ProposalPreview> {
  const calls = toProposalCalls(parameters.calls);
  const at = readAt(parameters);
  const description = parameters.description ?? "";
  if (typeof description !== "string")
    throw new InvalidInputError("description", description, "expected a string");
  const gov = await getGovernanceContracts(client);
  const classifier = { address: gov.classifier, abi: governanceClassifierAbi } as const;
  const reads = [
    {
      ...classifier,
      functionName: "classify",
      args: [calls.map((call) => call.target), calls.map((call) => call.data)],
    },
    ...calls.flatMap((call) => [
      { ...classifier, functionName: "isConstitutionalCall", args: [call.target, call.data] },
      { ...classifier, functionName: "listedSelectorCount", args: [call.target] },
      {
        ...classifier,
        functionName: "isConstitutionalSelector",
        args: [call.target, size(call.data) >= 4 ? slice(call.data, 0, 4) : "0x00000000"],
      },
      { ...classifier, functionName: "isConstitutionalTarget", args: [call.target] },
      {
        address: gov.timelock,
        abi: concordTimelockAbi,
        functionName: "hasRole",
        args: [CANCELLER_ROLE, call.target],
      },
    ]),
  ];
  const results = (await readBatch(client, reads as never, {
    contract: "GovernanceClassifier",
    at,
  })) as unknown[];
  const [constitutional, firstIndex] = results[0] as readonly [boolean, bigint];
  const proxies = await Promise.all(
    calls.map((call) => getProxyImplementation(client, { address: call.target, ...at })),
  );
  const classified: CallClassification[] = calls.map((call, i) => {
    const [isConstitutional, selectorCount, listedSelector, listedTarget, canceller] = results.slice(
      1 + i * 5,
      6 + i * 5,
    ) as [boolean, bigint, boolean, boolean, boolean];
    const selector = size(call.data) >= 4 ? (slice(call.data, 0, 4) as Hex) : null;
    let reason: ConstitutionalReason | null = null;
    if (isConstitutional) {
      if (isAddressEqual(call.target, gov.classifier)) reason = "classifier";
      else if (isAddressEqual(call.target, gov.timelock)) reason = "timelock";
      else if (canceller) reason = "house";
      else if (listedTarget) reason = "listedTarget";
      else if (selectorCount > 0n && selector === null) reason = "shortCalldata";
      else if (selector === MULTICALL_SELECTOR) reason = "multicall";
      else if (listedSelector) reason = "listedSelector";
      else reason = "listedTarget";
    }
    return {
      index: i,
      target: getAddress(call.target),
      selector,
      constitutional: isConstitutional,
      reason,
      explanation: reason ? EXPLANATIONS[reason] : null,
      description: proxies[i]
        ? `${describeCall(client, call)} (${proxyWords(proxies[i])})`
        : describeCall(client, call),
      proxyOf: proxies[i]?.implementation ?? null,
      proxy: proxies[i] ?? null,
    };
  });
  const kind: ProposalKind = constitutional ? "constitutional" : "operational";
  const index = constitutional ? Number(firstIndex) : null;
  const first = index === null ? undefined : classified[index];
  const explanation = first
    ? `Call ${first.index + 1} (${first.description}) is constitutional: ${first.explanation}. The proposal needs the community house's approval first, then the operational house's, then the constitutional delay.`
    : "Every call is operational: the operational house decides, and the community house can veto during the veto window.";
  return {
    kind,
    house: kind === "operational" ? "operational" : "community",
    proposalId: computeProposalId({ calls, description }),
    descriptionHash: hashDescription(description),
    firstConstitutionalIndex: index,
    calls: classified,
    explanation,
  };
}

/** What {@link getProxyImplementation} finds behind a call target. */
export type ProxyImplementation = {
  /** The implementation the target delegates to. */
  implementation: Address;
  /**
   * Whether the houses pin the implementation's code (S9): yes when the target answers `implementation()` (an
   * UpgradeableBeacon, or a proxy that exposes it); no when only the EIP-1967 storage slots show it (a transparent,
   * UUPS or beacon proxy): no contract can read another's storage, so an upgrade before execution would change
   * what runs, and only the proxy's own code is pinned.
   */
  pinned: boolean;
  /** Where the implementation was found. */
  via: "implementation()" | "eip1967" | "eip1967-beacon";
};

/** Parameters of {@link getProxyImplementation}. */
export type GetProxyImplementationParameters = { address: Address } & BlockParameters;
/** Return type of {@link getProxyImplementation}: null when the target is not a proxy. */
export type GetProxyImplementationReturnType = ProxyImplementation | null;
/** What `getProxyImplementation` throws: a bad address, or the node's failure decoded. */
export type GetProxyImplementationErrorType = ConcordErrorType;

/**
 * The implementation behind a call target, and whether the houses pin it: `implementation()` first (pinned),
 * then the EIP-1967 implementation slot and beacon slot, read with `eth_getStorageAt` (not pinned: shown so that
 * members see the risk before they vote). As of a block (default: the latest).
 *
 * @example
 * const proxy = await getProxyImplementation(client, { address: target });
 * // { implementation: "0x…", pinned: false, via: "eip1967" }
 */
export async function getProxyImplementation(
  client: ConcordClientBase,
  parameters: GetProxyImplementationParameters,
): Promise<GetProxyImplementationReturnType> {
  const address = toAddress("address", parameters.address);
  const at = readAt(parameters);
  // The node's failures (getStorageAt, getCode) come out decoded, as every read's.
  return withDecodedErrors(
    async (): Promise<GetProxyImplementationReturnType> => {
      const exposed = await implementationCall(client, address, at);
      if (exposed) return { implementation: exposed, pinned: true, via: "implementation()" };
      const slot = await addressInSlot(client, address, EIP1967_IMPLEMENTATION_SLOT, at);
      if (slot) return { implementation: slot, pinned: false, via: "eip1967" };
      const beacon = await addressInSlot(client, address, EIP1967_BEACON_SLOT, at);
      const behindBeacon = beacon ? await implementationCall(client, beacon, at) : null;
      return behindBeacon ? { implementation: behindBeacon, pinned: false, via: "eip1967-beacon" } : null;
    },
    { functionName: "getProxyImplementation" },
  );
}

/** The address `target` answers to `implementation()` when it has code, or null. */
async function implementationCall(
  client: ConcordClientBase,
  target: Address,
  at: ReadAt,
): Promise<Address | null> {
  try {
    const { data } = await call(client.publicClient, { to: target, data: IMPLEMENTATION_SELECTOR, ...at });
    if (!data || size(data) !== 32 || BigInt(data) >> 160n !== 0n || BigInt(data) === 0n) return null;
    return withCode(client, getAddress(slice(data, 12, 32)), at);
  } catch {
    return null;
  }
}

/** The address stored in `slot` of `target` when it has code, or null. */
async function addressInSlot(
  client: ConcordClientBase,
  target: Address,
  slot: Hex,
  at: ReadAt,
): Promise<Address | null> {
  const word = await getStorageAt(client.publicClient, { address: target, slot, ...at });
  if (!word || BigInt(word) === 0n || BigInt(word) >> 160n !== 0n) return null;
  return withCode(client, getAddress(slice(word, 12, 32)), at);
}

async function withCode(client: ConcordClientBase, address: Address, at: ReadAt): Promise<Address | null> {
  const code = await getCode(client.publicClient, { address, ...at });
  return code && code !== "0x" ? address : null;
}

/** `implementation()`. */
const IMPLEMENTATION_SELECTOR = "0x5c60da1b";
/** EIP-1967: bytes32(uint256(keccak256("eip1967.proxy.implementation")) - 1). */
const EIP1967_IMPLEMENTATION_SLOT = "0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc";
/** EIP-1967: bytes32(uint256(keccak256("eip1967.proxy.beacon")) - 1). */
const EIP1967_BEACON_SLOT = "0xa3f0ad74e5423aebfd80d3ef4346578335a9a72aeaee59ff6cb3582b35133d50";

/** How a call's description names a proxy target. */
function proxyWords(proxy: ProxyImplementation): string {
  return proxy.pinned
    ? `proxy to ${proxy.implementation}: its implementation's code is pinned too`
    : `proxy to ${proxy.implementation}: the houses cannot pin this implementation, so an upgrade before execution would change what runs`;
}

/**
 * The kind a proposal with these calls will have (`classifyProposal` without the details), as of a block
 * (default: the latest).
 *
 * @example
 * await concord.governance.kindOf({ calls }); // "operational"
 */
export async function kindOf(
  client: ConcordClientBase,
  parameters: ClassifyParameters,
): Promise<ProposalKind> {
  return (await classifyProposal(client, parameters)).kind;
}
