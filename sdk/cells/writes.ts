/**
 * One action per write of `ICellRegistry`. Each validates its inputs (InvalidInputError), then goes
 * through the shared pipeline (`sdk/internal/write.ts`): simulate → send → wait → decode. Each returns
 * `{ hash, receipt, events }` plus what the transaction decided (the new cell id, the new roles...).
 */
import { encodeFunctionData, zeroAddress, zeroHash } from "viem";
import type { Address, Hex } from "viem";

import type { ConcordClientBase } from "../client.ts";
import { ConcordError, InvalidInputError } from "../errors.ts";
import { cellRegistryAbi } from "../generated/abis.ts";
import { toAddress, toBytes32, toCellId, toTimestamp, toUint256 } from "../internal/validate.ts";
import type { BigIntish, Timestamp } from "../internal/validate.ts";
import { definePrepare, defineWrite, executeWrite } from "../internal/write.ts";
import type { WriteOptions, WriteResult } from "../internal/write.ts";
import { cellLimits, nucleusHash as hashNucleus, toPhase, toTopicId } from "./constants.ts";
import type { PhaseName, PhaseValue, Topic } from "./constants.ts";
import { Roles, rolesToNames, toRoles } from "./roles.ts";
import type { RoleName, RolesInput } from "./roles.ts";

type RegistryAbi = typeof cellRegistryAbi;

/** The result of a CellRegistry write: hash, receipt and the registry events it emitted. */
export type CellWriteResult = WriteResult<RegistryAbi>;

/** A role change decided by a write. */
export type RolesChange = {
  account: Address;
  previousRoles: number;
  roles: number;
  roleNames: RoleName[];
};

function registry(client: ConcordClientBase) {
  return { contract: "CellRegistry", address: client.addresses.cellRegistry, abi: cellRegistryAbi } as const;
}

function roleChanges(events: CellWriteResult["events"]): RolesChange[] {
  const changes: RolesChange[] = [];
  for (const event of events) {
    if (event.eventName !== "RolesChanged") continue;
    changes.push({
      account: event.args.account,
      previousRoles: event.args.previousRoles,
      roles: event.args.newRoles,
      roleNames: rolesToNames(event.args.newRoles),
    });
  }
  return changes;
}

function lastRoleChange(result: CellWriteResult, account: Address): RolesChange {
  const change = roleChanges(result.events)
    .filter((c) => c.account === account)
    .at(-1);
  // The registry emits RolesChanged on every role change: its absence would be a contract bug.
  if (!change)
    throw new ConcordError(`Transaction ${result.hash} emitted no RolesChanged event for ${account}.`);
  return change;
}

/** Resolves the nucleus hash of a write: explicit `nucleusHash`, the hash of `nucleus`, or none. */
function resolveNucleusHash(nucleusHash: Hex | undefined, nucleus: string | Uint8Array | undefined): Hex {
  if (nucleusHash !== undefined && nucleus !== undefined) {
    throw new InvalidInputError("nucleus", nucleus, "give either `nucleus` or `nucleusHash`, not both");
  }
  if (nucleusHash !== undefined) return toBytes32("nucleusHash", nucleusHash);
  if (nucleus !== undefined) return hashNucleus(nucleus);
  return zeroHash;
}

// ─────────────────────────────────────────────────────────────── cells

/** Parameters of {@link createCell}. */
export type CreateCellParameters = WriteOptions & {
  /** The parent cell (0n or omitted: a top-level cell, whose creator becomes member and steward). */
  parentId?: BigIntish | undefined;
  /** The cell's name (stored in the CellCreated event only). Must not be empty. */
  name: string;
  /** Where the nucleus document lives (IPFS, https...). */
  nucleusURI?: string | undefined;
  /** The keccak256 of the nucleus document, if already computed. */
  nucleusHash?: Hex | undefined;
  /** The nucleus document itself: its hash is computed with `nucleusHash()`. */
  nucleus?: string | Uint8Array | undefined;
};

/**
 * Creates a cell. A top-level cell (no `parentId`) is permissionless and its creator becomes member and
 * steward; a child requires the sender to steward the parent or one of its ancestors.
 *
 * @returns the new `cellId`, decoded from the CellCreated event.
 * @throws {InvalidInputError} for an empty name or a malformed hash.
 * @throws {ContractRefusalError} `CellNotSteward`, `CellNonexistent`, `CellDepthLimit`.
 * @example
 * const { cellId } = await concord.cells.createCell({
 *   name: "Treasury guild",
 *   nucleusURI: "ipfs://bafy…",
 *   nucleus: "# Purpose\nKeep the treasury healthy.",
 * });
 * const { cellId: child } = await concord.cells.createCell({ parentId: cellId, name: "Grants" });
 */
export const createCell = /* @__PURE__ */ defineWrite(async function createCell(
  client: ConcordClientBase,
  parameters: CreateCellParameters,
): Promise<CellWriteResult & { cellId: bigint; parentId: bigint }> {
  const { name, nucleusURI = "", ...options } = parameters;
  const parentId = toUint256("parentId", parameters.parentId ?? 0n);
  if (typeof name !== "string" || name.trim().length === 0) {
    throw new InvalidInputError("name", name, "a cell needs a non-empty name");
  }
  checkLength("name", name, cellLimits.MAX_NAME_LENGTH);
  checkLength("nucleusURI", nucleusURI, cellLimits.MAX_URI_LENGTH);
  const hash = resolveNucleusHash(parameters.nucleusHash, parameters.nucleus);
  const result = await executeWrite(
    client,
    { ...registry(client), functionName: "createCell", args: [parentId, name, nucleusURI, hash] },
    options,
  );
  const created = result.events.find((event) => event.eventName === "CellCreated");
  if (!created || created.eventName !== "CellCreated") {
    throw new ConcordError(`Transaction ${result.hash} emitted no CellCreated event.`);
  }
  return { ...result, cellId: created.args.cellId, parentId: created.args.parentId };
});

/**
 * {@link createCell} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareCreateCell(concord, { ...parameters, sender: safeAddress });
 */
export const prepareCreateCell = /* @__PURE__ */ definePrepare(createCell);

// ─────────────────────────────────────────────────────────────── membership

/** Parameters of {@link addMember}. */
export type AddMemberParameters = WriteOptions & {
  cellId: BigIntish;
  account: Address;
  /** Roles to grant (default MEMBER). Must include MEMBER. */
  roles?: RolesInput | undefined;
};

/**
 * A steward (of the cell or an ancestor) adds `account` with `roles` (default MEMBER). A pending join
 * request of the account is closed as approved.
 *
 * @throws {InvalidInputError} for reserved role bits, roles without MEMBER, the zero address.
 * @throws {ContractRefusalError} `CellNotSteward`, `CellNonexistent`, `CellAlreadyMember`, `CellDelegateTaken`.
 * @example
 * import { Roles } from "@concord-dao/sdk";
 *
 * const { roles } = await concord.cells.addMember({ cellId, account: alice, roles: Roles.MEMBER | Roles.STEWARD });
 */
export const addMember = /* @__PURE__ */ defineWrite(async function addMember(
  client: ConcordClientBase,
  parameters: AddMemberParameters,
): Promise<CellWriteResult & RolesChange> {
  const { cellId, account, roles = Roles.MEMBER, ...options } = parameters;
  const id = toCellId(cellId);
  const who = toAddress("account", account);
  const bits = toRoles(roles);
  const result = await executeWrite(
    client,
    { ...registry(client), functionName: "addMember", args: [id, who, bits] },
    options,
  );
  return { ...result, ...lastRoleChange(result, who) };
});

/**
 * {@link addMember} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareAddMember(concord, { ...parameters, sender: safeAddress });
 */
export const prepareAddMember = /* @__PURE__ */ definePrepare(addMember);

/** Parameters of {@link addMembers}. */
export type AddMembersParameters = WriteOptions & {
  cellId: BigIntish;
  /** Accounts to add: an address (MEMBER) or `{ account, roles }`. */
  members: readonly (Address | { account: Address; roles?: RolesInput | undefined })[];
};

/**
 * Adds many members in ONE transaction through the registry's `multicall`. All or nothing: if any
 * addition is refused, none happens and the refusal is thrown.
 *
 * @throws {InvalidInputError} for an empty list, a duplicate account or invalid roles.
 * @throws {ContractRefusalError} as {@link addMember}.
 * @example
 * const { members } = await concord.cells.addMembers({
 *   cellId,
 *   members: [alice, { account: bob, roles: ["member", "steward"] }],
 * });
 */
export const addMembers = /* @__PURE__ */ defineWrite(async function addMembers(
  client: ConcordClientBase,
  parameters: AddMembersParameters,
): Promise<CellWriteResult & { members: RolesChange[] }> {
  const { cellId, members, ...options } = parameters;
  const id = toCellId(cellId);
  if (!Array.isArray(members) || members.length === 0) {
    throw new InvalidInputError("members", members, "expected at least one member");
  }
  const seen = new Set<Address>();
  const calls = members.map((entry, i) => {
    const spec = typeof entry === "string" ? { account: entry, roles: undefined } : entry;
    const who = toAddress(`members[${i}].account`, spec.account);
    if (seen.has(who)) throw new InvalidInputError(`members[${i}].account`, who, "listed twice");
    seen.add(who);
    const bits = toRoles(spec.roles ?? Roles.MEMBER, `members[${i}].roles`);
    return encodeFunctionData({ abi: cellRegistryAbi, functionName: "addMember", args: [id, who, bits] });
  });
  const result = await executeWrite(
    client,
    { ...registry(client), functionName: "multicall", args: [calls] },
    options,
  );
  return { ...result, members: roleChanges(result.events) };
});

/**
 * {@link addMembers} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareAddMembers(concord, { ...parameters, sender: safeAddress });
 */
export const prepareAddMembers = /* @__PURE__ */ definePrepare(addMembers);

/** Parameters of {@link setRoles}. */
export type SetRolesParameters = WriteOptions & { cellId: BigIntish; account: Address; roles: RolesInput };

/**
 * A steward changes the roles of an existing member (non-zero, with MEMBER).
 *
 * @throws {InvalidInputError} for invalid roles or the zero address.
 * @throws {ContractRefusalError} `CellNotSteward`, `CellNotMember`, `CellLastSteward`, `CellDelegateTaken`.
 * @example
 * const { previousRoles, roles } = await concord.cells.setRoles({ cellId, account: alice, roles: ["member", "delegate"] });
 */
export const setRoles = /* @__PURE__ */ defineWrite(async function setRoles(
  client: ConcordClientBase,
  parameters: SetRolesParameters,
): Promise<CellWriteResult & RolesChange> {
  const { cellId, account, roles, ...options } = parameters;
  const id = toCellId(cellId);
  const who = toAddress("account", account);
  const bits = toRoles(roles);
  const result = await executeWrite(
    client,
    { ...registry(client), functionName: "setRoles", args: [id, who, bits] },
    options,
  );
  return { ...result, ...lastRoleChange(result, who) };
});

/**
 * {@link setRoles} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareSetRoles(concord, { ...parameters, sender: safeAddress });
 */
export const prepareSetRoles = /* @__PURE__ */ definePrepare(setRoles);

/** Parameters of {@link removeMember}. */
export type RemoveMemberParameters = WriteOptions & { cellId: BigIntish; account: Address };

/**
 * A steward removes a member.
 *
 * @throws {ContractRefusalError} `CellNotSteward`, `CellNotMember`, `CellLastSteward`.
 * @example
 * const { previousRoles } = await concord.cells.removeMember({ cellId, account: alice });
 */
export const removeMember = /* @__PURE__ */ defineWrite(async function removeMember(
  client: ConcordClientBase,
  parameters: RemoveMemberParameters,
): Promise<CellWriteResult & RolesChange> {
  const { cellId, account, ...options } = parameters;
  const id = toCellId(cellId);
  const who = toAddress("account", account);
  const result = await executeWrite(
    client,
    { ...registry(client), functionName: "removeMember", args: [id, who] },
    options,
  );
  return { ...result, ...lastRoleChange(result, who) };
});

/**
 * {@link removeMember} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareRemoveMember(concord, { ...parameters, sender: safeAddress });
 */
export const prepareRemoveMember = /* @__PURE__ */ definePrepare(removeMember);

/** Parameters naming a cell, for the sender's own actions. */
export type OwnCellParameters = WriteOptions & { cellId: BigIntish };

/**
 * The sender asks to join a cell; a steward then approves or rejects.
 *
 * @throws {ContractRefusalError} `CellNonexistent`, `CellAlreadyMember`, `CellJoinRequestPending`.
 * @example
 * await concord.cells.requestToJoin({ cellId });
 */
export const requestToJoin = /* @__PURE__ */ defineWrite(async function requestToJoin(
  client: ConcordClientBase,
  parameters: OwnCellParameters,
): Promise<CellWriteResult> {
  const { cellId, ...options } = parameters;
  return executeWrite(
    client,
    { ...registry(client), functionName: "requestToJoin", args: [toCellId(cellId)] },
    options,
  );
});

/**
 * {@link requestToJoin} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareRequestToJoin(concord, { ...parameters, sender: safeAddress });
 */
export const prepareRequestToJoin = /* @__PURE__ */ definePrepare(requestToJoin);

/**
 * The sender withdraws its own pending join request.
 *
 * @throws {ContractRefusalError} `CellNonexistent`, `CellNoJoinRequest`.
 * @example
 * await concord.cells.cancelJoinRequest({ cellId });
 */
export const cancelJoinRequest = /* @__PURE__ */ defineWrite(async function cancelJoinRequest(
  client: ConcordClientBase,
  parameters: OwnCellParameters,
): Promise<CellWriteResult> {
  const { cellId, ...options } = parameters;
  return executeWrite(
    client,
    { ...registry(client), functionName: "cancelJoinRequest", args: [toCellId(cellId)] },
    options,
  );
});

/**
 * {@link cancelJoinRequest} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareCancelJoinRequest(concord, { ...parameters, sender: safeAddress });
 */
export const prepareCancelJoinRequest = /* @__PURE__ */ definePrepare(cancelJoinRequest);

/** Parameters naming a cell and the account whose request is decided. */
export type JoinDecisionParameters = WriteOptions & { cellId: BigIntish; account: Address };

/**
 * A steward accepts the pending request of `account`, who becomes a MEMBER.
 *
 * @throws {ContractRefusalError} `CellNotSteward`, `CellNoJoinRequest`.
 * @example
 * const { roles } = await concord.cells.approveJoin({ cellId, account: applicant }); // roles === 1
 */
export const approveJoin = /* @__PURE__ */ defineWrite(async function approveJoin(
  client: ConcordClientBase,
  parameters: JoinDecisionParameters,
): Promise<CellWriteResult & RolesChange> {
  const { cellId, account, ...options } = parameters;
  const who = toAddress("account", account);
  const result = await executeWrite(
    client,
    { ...registry(client), functionName: "approveJoin", args: [toCellId(cellId), who] },
    options,
  );
  return { ...result, ...lastRoleChange(result, who) };
});

/**
 * {@link approveJoin} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareApproveJoin(concord, { ...parameters, sender: safeAddress });
 */
export const prepareApproveJoin = /* @__PURE__ */ definePrepare(approveJoin);

/**
 * A steward turns down the pending request of `account`.
 *
 * @throws {ContractRefusalError} `CellNotSteward`, `CellNoJoinRequest`.
 * @example
 * await concord.cells.rejectJoin({ cellId, account: applicant });
 */
export const rejectJoin = /* @__PURE__ */ defineWrite(async function rejectJoin(
  client: ConcordClientBase,
  parameters: JoinDecisionParameters,
): Promise<CellWriteResult> {
  const { cellId, account, ...options } = parameters;
  const who = toAddress("account", account);
  return executeWrite(
    client,
    { ...registry(client), functionName: "rejectJoin", args: [toCellId(cellId), who] },
    options,
  );
});

/**
 * {@link rejectJoin} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareRejectJoin(concord, { ...parameters, sender: safeAddress });
 */
export const prepareRejectJoin = /* @__PURE__ */ definePrepare(rejectJoin);

/**
 * The sender leaves a cell.
 *
 * @throws {ContractRefusalError} `CellNonexistent`, `CellNotMember`, `CellLastSteward`.
 * @example
 * const { previousRoles } = await concord.cells.leaveCell({ cellId });
 */
export const leaveCell = /* @__PURE__ */ defineWrite(async function leaveCell(
  client: ConcordClientBase,
  parameters: OwnCellParameters,
): Promise<CellWriteResult & { previousRoles: number }> {
  const { cellId, ...options } = parameters;
  const result = await executeWrite(
    client,
    { ...registry(client), functionName: "leave", args: [toCellId(cellId)] },
    options,
  );
  const change = roleChanges(result.events).at(-1);
  return { ...result, previousRoles: change?.previousRoles ?? 0 };
});

/**
 * {@link leaveCell} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareLeaveCell(concord, { ...parameters, sender: safeAddress });
 */
export const prepareLeaveCell = /* @__PURE__ */ definePrepare(leaveCell);

// ─────────────────────────────────────────────────────────────── cell life

/** Parameters of {@link setPhase}. */
export type SetPhaseParameters = WriteOptions & { cellId: BigIntish; phase: PhaseValue | PhaseName | number };

/**
 * A steward sets the developmental phase (0..3 or its name).
 *
 * @throws {InvalidInputError} for a phase outside 0..3 or an unknown name.
 * @throws {ContractRefusalError} `CellNotSteward`, `CellNonexistent`.
 * @example
 * const { previousPhase, phase } = await concord.cells.setPhase({ cellId, phase: "commitment" });
 */
export const setPhase = /* @__PURE__ */ defineWrite(async function setPhase(
  client: ConcordClientBase,
  parameters: SetPhaseParameters,
): Promise<CellWriteResult & { previousPhase: PhaseValue; phase: PhaseValue }> {
  const { cellId, phase, ...options } = parameters;
  const value = toPhase(phase);
  const result = await executeWrite(
    client,
    { ...registry(client), functionName: "setPhase", args: [toCellId(cellId), value] },
    options,
  );
  const changed = result.events.find((event) => event.eventName === "PhaseChanged");
  const previousPhase = (
    changed?.eventName === "PhaseChanged" ? changed.args.previousPhase : value
  ) as PhaseValue;
  return { ...result, previousPhase, phase: value };
});

/**
 * {@link setPhase} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareSetPhase(concord, { ...parameters, sender: safeAddress });
 */
export const prepareSetPhase = /* @__PURE__ */ definePrepare(setPhase);

/** Parameters of {@link updateNucleus}. */
export type UpdateNucleusParameters = WriteOptions & {
  cellId: BigIntish;
  nucleusURI: string;
  /** The document's keccak256 (give this or `nucleus`; neither clears the hash). */
  nucleusHash?: Hex | undefined;
  /** The document itself, hashed with `nucleusHash()`. */
  nucleus?: string | Uint8Array | undefined;
};

/**
 * A steward publishes a new nucleus document (URI in the event, hash in storage).
 *
 * @throws {InvalidInputError} for a malformed hash, or both `nucleus` and `nucleusHash`.
 * @throws {ContractRefusalError} `CellNotSteward`, `CellNonexistent`.
 * @example
 * await concord.cells.updateNucleus({ cellId, nucleusURI: "ipfs://bafy…", nucleus: documentText });
 */
export const updateNucleus = /* @__PURE__ */ defineWrite(async function updateNucleus(
  client: ConcordClientBase,
  parameters: UpdateNucleusParameters,
): Promise<CellWriteResult & { nucleusHash: Hex | null }> {
  const { cellId, nucleusURI, nucleusHash, nucleus, ...options } = parameters;
  if (typeof nucleusURI !== "string")
    throw new InvalidInputError("nucleusURI", nucleusURI, "expected a string");
  checkLength("nucleusURI", nucleusURI, cellLimits.MAX_URI_LENGTH);
  const hash = resolveNucleusHash(nucleusHash, nucleus);
  const result = await executeWrite(
    client,
    { ...registry(client), functionName: "updateNucleus", args: [toCellId(cellId), nucleusURI, hash] },
    options,
  );
  return { ...result, nucleusHash: hash === zeroHash ? null : hash };
});

/**
 * {@link updateNucleus} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareUpdateNucleus(concord, { ...parameters, sender: safeAddress });
 */
export const prepareUpdateNucleus = /* @__PURE__ */ definePrepare(updateNucleus);

/** Parameters of {@link declareState}. */
export type DeclareStateParameters = WriteOptions & { cellId: BigIntish; state: string };

/**
 * A member declares its current state in a cell ("working on X", "idle").
 *
 * @throws {ContractRefusalError} `CellNonexistent`, `CellNotMember`.
 * @example
 * await concord.cells.declareState({ cellId, state: "reviewing grant applications" });
 */
export const declareState = /* @__PURE__ */ defineWrite(async function declareState(
  client: ConcordClientBase,
  parameters: DeclareStateParameters,
): Promise<CellWriteResult> {
  const { cellId, state, ...options } = parameters;
  if (typeof state !== "string") throw new InvalidInputError("state", state, "expected a string");
  checkLength("state", state, cellLimits.MAX_NOTE_LENGTH);
  return executeWrite(
    client,
    { ...registry(client), functionName: "declareState", args: [toCellId(cellId), state] },
    options,
  );
});

/**
 * {@link declareState} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareDeclareState(concord, { ...parameters, sender: safeAddress });
 */
export const prepareDeclareState = /* @__PURE__ */ definePrepare(declareState);

/** Parameters of {@link signalIntent}. */
export type SignalIntentParameters = WriteOptions & {
  cellId: BigIntish;
  intent: string;
  /** When the member intends to act: Unix seconds or a Date, not before the chain's current time. */
  at: Timestamp;
};

/**
 * A member signals an intended action at a time not in the past ("will deploy at T").
 *
 * @throws {InvalidInputError} for a time that is not a uint64.
 * @throws {ContractRefusalError} `CellNonexistent`, `CellNotMember`, `CellIntentInPast`.
 * @example
 * await concord.cells.signalIntent({ cellId, intent: "deploy v2", at: new Date(Date.now() + 86_400_000) });
 */
export const signalIntent = /* @__PURE__ */ defineWrite(async function signalIntent(
  client: ConcordClientBase,
  parameters: SignalIntentParameters,
): Promise<CellWriteResult & { at: bigint }> {
  const { cellId, intent, at, ...options } = parameters;
  if (typeof intent !== "string") throw new InvalidInputError("intent", intent, "expected a string");
  checkLength("intent", intent, cellLimits.MAX_NOTE_LENGTH);
  const when = toTimestamp("at", at);
  const result = await executeWrite(
    client,
    { ...registry(client), functionName: "signalIntent", args: [toCellId(cellId), intent, when] },
    options,
  );
  return { ...result, at: when };
});

/**
 * {@link signalIntent} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareSignalIntent(concord, { ...parameters, sender: safeAddress });
 */
export const prepareSignalIntent = /* @__PURE__ */ definePrepare(signalIntent);

/** Parameters of {@link setDecisionOwner}. */
export type SetDecisionOwnerParameters = WriteOptions & {
  cellId: BigIntish;
  /** The topic's name ("treasury") or bytes32 id. */
  topic: Topic;
  /** Who makes the final call; null (or the zero address) clears it, so the parent's setting applies. */
  owner: Address | null;
};

/**
 * A steward names who makes the final call on `topic` in a cell (null clears it).
 *
 * @throws {ContractRefusalError} `CellNotSteward`, `CellNonexistent`.
 * @example
 * await concord.cells.setDecisionOwner({ cellId, topic: "treasury", owner: treasurer });
 */
export const setDecisionOwner = /* @__PURE__ */ defineWrite(async function setDecisionOwner(
  client: ConcordClientBase,
  parameters: SetDecisionOwnerParameters,
): Promise<CellWriteResult & { topic: Hex; owner: Address | null }> {
  const { cellId, topic, owner, ...options } = parameters;
  const topicHash = toTopicId(topic);
  const who = owner === null ? zeroAddress : toAddress("owner", owner, { allowZero: true });
  const result = await executeWrite(
    client,
    { ...registry(client), functionName: "setDecisionOwner", args: [toCellId(cellId), topicHash, who] },
    options,
  );
  return { ...result, topic: topicHash, owner: who === zeroAddress ? null : who };
});

/**
 * {@link setDecisionOwner} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareSetDecisionOwner(concord, { ...parameters, sender: safeAddress });
 */
export const prepareSetDecisionOwner = /* @__PURE__ */ definePrepare(setDecisionOwner);

// ─────────────────────────────────────────────────────────────── governance

/** Parameters of {@link setRecognised}. */
export type SetRecognisedParameters = WriteOptions & { cellId: BigIntish; recognised: boolean };

/**
 * Governance recognises a cell (a seat in the operational house) or withdraws recognition. Setting
 * the current value is a no-op on-chain: `changed` tells whether anything changed.
 *
 * @throws {ContractRefusalError} `CellUnauthorizedGovernance`, `CellNonexistent`.
 * @example
 * const { changed } = await concord.cells.setRecognised({ cellId, recognised: true });
 */
export const setRecognised = /* @__PURE__ */ defineWrite(async function setRecognised(
  client: ConcordClientBase,
  parameters: SetRecognisedParameters,
): Promise<CellWriteResult & { recognised: boolean; changed: boolean }> {
  const { cellId, recognised, ...options } = parameters;
  if (typeof recognised !== "boolean")
    throw new InvalidInputError("recognised", recognised, "expected a boolean");
  const result = await executeWrite(
    client,
    { ...registry(client), functionName: "setRecognised", args: [toCellId(cellId), recognised] },
    options,
  );
  const changed = result.events.some((event) => event.eventName === "RecognitionChanged");
  return { ...result, recognised, changed };
});

/**
 * {@link setRecognised} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareSetRecognised(concord, { ...parameters, sender: safeAddress });
 */
export const prepareSetRecognised = /* @__PURE__ */ definePrepare(setRecognised);

/** Parameters of {@link transferGovernance}. */
export type TransferGovernanceParameters = WriteOptions & { newGovernance: Address };

/**
 * Governance hands its power to `newGovernance` (for example the timelock).
 *
 * @throws {InvalidInputError} for the zero address.
 * @throws {ContractRefusalError} `CellUnauthorizedGovernance`.
 * @example
 * await concord.cells.transferGovernance({ newGovernance: timelock });
 */
export const transferGovernance = /* @__PURE__ */ defineWrite(async function transferGovernance(
  client: ConcordClientBase,
  parameters: TransferGovernanceParameters,
): Promise<CellWriteResult & { previousGovernance: Address; newGovernance: Address }> {
  const { newGovernance, ...options } = parameters;
  const next = toAddress("newGovernance", newGovernance);
  const result = await executeWrite(
    client,
    { ...registry(client), functionName: "transferGovernance", args: [next] },
    options,
  );
  const event = result.events.find((e) => e.eventName === "GovernanceTransferred");
  const previousGovernance =
    event?.eventName === "GovernanceTransferred" ? event.args.previousGovernance : next;
  return { ...result, previousGovernance, newGovernance: next };
});

/**
 * {@link transferGovernance} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareTransferGovernance(concord, { ...parameters, sender: safeAddress });
 */
export const prepareTransferGovernance = /* @__PURE__ */ definePrepare(transferGovernance);

/** Refuses a string longer than the registry's cap (counted in UTF-8 bytes, as the contract counts). */
function checkLength(parameter: string, value: string, max: number): void {
  const bytes = new TextEncoder().encode(value).length;
  if (bytes > max)
    throw new InvalidInputError(parameter, value, `${bytes} bytes long; at most ${max} bytes are allowed`);
}
