/**
 * One action per read of `ICellRegistry`. Each takes the Concord client and a parameter object and
 * throws a decoded {@link ContractRefusalError} when the registry refuses (for example
 * `CellNonexistent`).
 */
import { zeroAddress, zeroHash } from "viem";
import type { Address, Hex } from "viem";

import type { ConcordClientBase } from "../client.ts";
import { cellRegistryAbi } from "../generated/abis.ts";
import { readAt } from "../internal/block.ts";
import type { BlockParameters } from "../internal/block.ts";
import { contractOf } from "../internal/contracts.ts";
import type { ContractReader } from "../internal/contracts.ts";
import { readFunction } from "../internal/read.ts";
import { toAddress, toUint256 } from "../internal/validate.ts";
import type { BigIntish, Timestamp } from "../internal/validate.ts";
import { toTimestamp } from "../internal/validate.ts";
import { toTopicId } from "./constants.ts";
import type { PhaseValue, ScaleValue, Topic } from "./constants.ts";
import type { CellInfo, DecisionOwner, MemberState } from "./types.ts";

/**
 * @internal Reads one function of the registry with decoded errors (in the cells' words: the decoder's core
 * catalogue, in every bundle), at the block of `block` (default: latest).
 *
 * @example
 * const roles = await readRegistry(client, "rolesOf", [1n, account], { blockNumber: 12n });
 */
export const readRegistry: ContractReader<typeof cellRegistryAbi> = async (
  client,
  functionName,
  args,
  block,
) =>
  readFunction(client, {
    at: readAt(block), // first, so that bad block parameters are named before a missing deployment
    contract: "CellRegistry",
    address: contractOf(client, "cellRegistry").address,
    abi: cellRegistryAbi,
    functionName,
    args,
  });

export type { BlockParameters };

/** Parameters naming a cell (and, optionally, the block to read at). */
export type CellParameters = { cellId: BigIntish } & BlockParameters;
/** Parameters naming a cell and an account (and, optionally, the block to read at). */
export type CellAccountParameters = { cellId: BigIntish; account: Address } & BlockParameters;
/** Parameters naming a cell and a decision topic (name or bytes32 id), and optionally the block. */
export type CellTopicParameters = { cellId: BigIntish; topic: Topic } & BlockParameters;

const cellArg = (value: BigIntish) => toUint256("cellId", value);
const accountArg = (value: Address) => toAddress("account", value, { allowZero: true });
const orNull = (address: Address): Address | null => (address === zeroAddress ? null : address);

/**
 * The role bitmask of `account` in `cellId` (0 when not a member).
 *
 * @example
 * import { Roles, rolesOf } from "@concord-dao/sdk";
 *
 * const roles = await rolesOf(concord, { cellId: 1n, account });
 * (roles & Roles.STEWARD) !== 0; // steward?
 */
export async function rolesOf(
  client: ConcordClientBase,
  { cellId, account, ...block }: CellAccountParameters,
): Promise<number> {
  return readRegistry(client, "rolesOf", [cellArg(cellId), accountArg(account)], block);
}

/**
 * The number of members of a cell.
 *
 * @example
 * await concord.cells.memberCount({ cellId: 1n }); // 3
 */
export async function memberCount(
  client: ConcordClientBase,
  { cellId, ...block }: CellParameters,
): Promise<number> {
  return Number(await readRegistry(client, "memberCount", [cellArg(cellId)], block));
}

/**
 * The parent of a cell (0n for a top-level cell).
 *
 * @example
 * await concord.cells.parentOf({ cellId: 2n }); // 1n
 */
export async function parentOf(
  client: ConcordClientBase,
  { cellId, ...block }: CellParameters,
): Promise<bigint> {
  return readRegistry(client, "parentOf", [cellArg(cellId)], block);
}

/**
 * The developmental phase of a cell (see `Phase`, `phaseNames`).
 *
 * @example
 * import { phaseNames } from "@concord-dao/sdk";
 *
 * phaseNames[await concord.cells.phaseOf({ cellId: 1n })]; // "conversation"
 */
export async function phaseOf(
  client: ConcordClientBase,
  { cellId, ...block }: CellParameters,
): Promise<PhaseValue> {
  return (await readRegistry(client, "phaseOf", [cellArg(cellId)], block)) as PhaseValue;
}

/**
 * The scale of a cell, derived from its member count (see `Scale`, `scaleNames`).
 *
 * @example
 * import { Scale } from "@concord-dao/sdk";
 *
 * (await concord.cells.scaleOf({ cellId: 1n })) === Scale.COLLABORATION;
 */
export async function scaleOf(
  client: ConcordClientBase,
  { cellId, ...block }: CellParameters,
): Promise<ScaleValue> {
  return (await readRegistry(client, "scaleOf", [cellArg(cellId)], block)) as ScaleValue;
}

/**
 * The depth of a cell (1 for a top-level cell, at most `cellLimits.MAX_DEPTH`).
 *
 * @example
 * await concord.cells.depthOf({ cellId: 2n }); // 2
 */
export async function depthOf(
  client: ConcordClientBase,
  { cellId, ...block }: CellParameters,
): Promise<number> {
  return readRegistry(client, "depthOf", [cellArg(cellId)], block);
}

/**
 * The nucleus hash stored for a cell, or null when none.
 *
 * @example
 * import { nucleusHash } from "@concord-dao/sdk";
 *
 * (await concord.cells.nucleusHashOf({ cellId: 1n })) === nucleusHash(documentText);
 */
export async function nucleusHashOf(
  client: ConcordClientBase,
  { cellId, ...block }: CellParameters,
): Promise<Hex | null> {
  const hash = await readRegistry(client, "nucleusHashOf", [cellArg(cellId)], block);
  return hash === zeroHash ? null : hash;
}

/**
 * The raw on-chain `CellInfo` struct (no name or URI: use `getCell` for everything).
 *
 * @example
 * const info = await concord.cells.getCellInfo({ cellId: 1n });
 * info.stewardCount; // 1
 */
export async function getCellInfo(
  client: ConcordClientBase,
  { cellId, ...block }: CellParameters,
): Promise<CellInfo> {
  return readRegistry(client, "getCell", [cellArg(cellId)], block);
}

/**
 * How many cells were ever created; ids run from 1 to this value.
 *
 * @example
 * await concord.cells.cellCount(); // 5n
 */
export async function cellCount(client: ConcordClientBase, block: BlockParameters = {}): Promise<bigint> {
  return readRegistry(client, "cellCount", [], block);
}

/**
 * Whether a cell with this id exists.
 *
 * @example
 * await concord.cells.cellExists({ cellId: 99n }); // false
 */
export async function cellExists(
  client: ConcordClientBase,
  { cellId, ...block }: CellParameters,
): Promise<boolean> {
  return readRegistry(client, "exists", [cellArg(cellId)], block);
}

/**
 * Whether `account` is a member of `cellId` itself (ancestors do not count).
 *
 * @example
 * await concord.cells.isMember({ cellId: 1n, account }); // true
 */
export async function isMember(
  client: ConcordClientBase,
  { cellId, account, ...block }: CellAccountParameters,
): Promise<boolean> {
  return readRegistry(client, "isMember", [cellArg(cellId), accountArg(account)], block);
}

/**
 * Whether `account` stewards `cellId` or any of its ancestors (false for a nonexistent cell).
 *
 * @example
 * await concord.cells.isSteward({ cellId: 2n, account: founder }); // true when founder stewards cell 1
 */
export async function isSteward(
  client: ConcordClientBase,
  { cellId, account, ...block }: CellAccountParameters,
): Promise<boolean> {
  return readRegistry(client, "isSteward", [cellArg(cellId), accountArg(account)], block);
}

/**
 * When `account` asked to join `cellId` (Unix seconds), or null when no request is pending.
 *
 * @example
 * await concord.cells.joinRequestedAt({ cellId: 1n, account }); // 1700000000n
 */
export async function joinRequestedAt(
  client: ConcordClientBase,
  { cellId, account, ...block }: CellAccountParameters,
): Promise<bigint | null> {
  const at = await readRegistry(client, "joinRequestedAt", [cellArg(cellId), accountArg(account)], block);
  return at === 0n ? null : at;
}

/**
 * The latest state `account` declared in `cellId` since joining, or null.
 *
 * @example
 * await concord.cells.stateOf({ cellId: 1n, account }); // { state: "reviewing grants", declaredAt: 1700000000n }
 */
export async function stateOf(
  client: ConcordClientBase,
  { cellId, account, ...block }: CellAccountParameters,
): Promise<MemberState | null> {
  const [state, declaredAt] = await readRegistry(
    client,
    "stateOf",
    [cellArg(cellId), accountArg(account)],
    block,
  );
  return declaredAt === 0n ? null : { state, declaredAt };
}

/**
 * Who makes the final call on `topic` for `cellId`, escalating to the nearest ancestor that defines
 * one. See `decisionPath` for the cells walked.
 *
 * @example
 * const { owner, definedAt } = await concord.cells.decisionOwner({ cellId: 2n, topic: "treasury" });
 */
export async function decisionOwner(
  client: ConcordClientBase,
  { cellId, topic, ...block }: CellTopicParameters,
): Promise<DecisionOwner> {
  const [owner, definedAt] = await readRegistry(
    client,
    "decisionOwner",
    [cellArg(cellId), toTopicId(topic)],
    block,
  );
  return owner === zeroAddress ? { owner: null, definedAt: null } : { owner, definedAt };
}

/**
 * The owner of `topic` set on `cellId` itself (no escalation), or null.
 *
 * @example
 * await concord.cells.localDecisionOwner({ cellId: 2n, topic: "treasury" }); // null
 */
export async function localDecisionOwner(
  client: ConcordClientBase,
  { cellId, topic, ...block }: CellTopicParameters,
): Promise<Address | null> {
  return orNull(await readRegistry(client, "localDecisionOwner", [cellArg(cellId), toTopicId(topic)], block));
}

/**
 * The registry's governance (may recognise cells and hand its power over).
 *
 * @example
 * await concord.cells.cellRegistryGovernance(); // "0xf39F…"
 */
export async function governance(client: ConcordClientBase, block: BlockParameters = {}): Promise<Address> {
  return readRegistry(client, "governance", [], block);
}

/**
 * Whether governance currently recognises the cell.
 *
 * @example
 * await concord.cells.isRecognised({ cellId: 1n }); // false
 */
export async function isRecognised(
  client: ConcordClientBase,
  { cellId, ...block }: CellParameters,
): Promise<boolean> {
  return readRegistry(client, "isRecognised", [cellArg(cellId)], block);
}

/**
 * Whether the cell was recognised at a past `timepoint` (Unix seconds or Date; must be before the
 * chain's clock, else `CellFutureLookup`).
 *
 * @example
 * await concord.cells.isRecognisedAt({ cellId: 1n, timepoint: proposalSnapshot });
 */
export async function isRecognisedAt(
  client: ConcordClientBase,
  { cellId, timepoint, ...block }: { cellId: BigIntish; timepoint: Timestamp } & BlockParameters,
): Promise<boolean> {
  return readRegistry(
    client,
    "isRecognisedAt",
    [cellArg(cellId), toTimestamp("timepoint", timepoint, 2n ** 256n - 1n)],
    block,
  );
}

/**
 * How many cells are recognised now.
 *
 * @example
 * await concord.cells.recognisedCount(); // 2
 */
export async function recognisedCount(
  client: ConcordClientBase,
  block: BlockParameters = {},
): Promise<number> {
  return Number(await readRegistry(client, "recognisedCount", [], block));
}

/**
 * How many cells were recognised at a past `timepoint`.
 *
 * @example
 * await concord.cells.recognisedCountAt({ timepoint: proposalSnapshot }); // 2
 */
export async function recognisedCountAt(
  client: ConcordClientBase,
  { timepoint, ...block }: { timepoint: Timestamp } & BlockParameters,
): Promise<number> {
  return Number(
    await readRegistry(
      client,
      "recognisedCountAt",
      [toTimestamp("timepoint", timepoint, 2n ** 256n - 1n)],
      block,
    ),
  );
}

/**
 * The account holding DELEGATE in the cell, or null.
 *
 * @example
 * await concord.cells.delegateOf({ cellId: 1n }); // null
 */
export async function delegateOf(
  client: ConcordClientBase,
  { cellId, ...block }: CellParameters,
): Promise<Address | null> {
  return orNull(await readRegistry(client, "delegateOf", [cellArg(cellId)], block));
}

/**
 * The cell's delegate at a past `timepoint`, or null.
 *
 * @example
 * await concord.cells.delegateAt({ cellId: 1n, timepoint: proposalSnapshot });
 */
export async function delegateAt(
  client: ConcordClientBase,
  { cellId, timepoint, ...block }: { cellId: BigIntish; timepoint: Timestamp } & BlockParameters,
): Promise<Address | null> {
  return orNull(
    await readRegistry(
      client,
      "delegateAt",
      [cellArg(cellId), toTimestamp("timepoint", timepoint, 2n ** 256n - 1n)],
      block,
    ),
  );
}

/**
 * The registry's ERC-6372 clock: the current block timestamp as the contract sees it.
 *
 * @example
 * const now = await concord.cells.cellRegistryClock(); // 1700000000
 */
export async function clock(client: ConcordClientBase, block: BlockParameters = {}): Promise<number> {
  return readRegistry(client, "clock", [], block);
}
