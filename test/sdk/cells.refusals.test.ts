import { toFunctionSelector, zeroAddress } from "viem";
import type { Address } from "viem";
import { beforeAll, describe, expect, it } from "vitest";

import {
  ConcordError,
  ContractRefusalError,
  InvalidInputError,
  Roles,
  WalletRequiredError,
  cellLimits,
  cellRegistryAbi,
  shortAddress,
} from "../../sdk/index.ts";
import type { ConcordClient } from "../../sdk/index.ts";
import { executeWrite } from "../../sdk/internal/write.ts";
import { createTestChain, rejection } from "./fixture.ts";
import type { TestChain } from "./fixture.ts";

let chain: TestChain;
let founder: Address;
let alice: Address;
let bob: Address;

beforeAll(async () => {
  chain = await createTestChain();
  [founder, alice, bob] = chain.accounts as [Address, Address, Address];
});

/** Asserts that `promise` rejects with a decoded refusal and returns it. */
async function refusal(
  promise: Promise<unknown>,
  errorName: string,
  namedArgs?: Record<string, unknown>,
): Promise<ContractRefusalError> {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(ContractRefusalError);
  const refused = error as ContractRefusalError;
  expect(refused.errorName).toBe(errorName);
  expect(refused).toBeInstanceOf(ConcordError);
  if (namedArgs) expect(refused.namedArgs).toEqual(namedArgs);
  // Never raw revert data in what a user sees: no selector, nothing longer than an address.
  const item = cellRegistryAbi.find((entry) => entry.type === "error" && entry.name === errorName);
  if (item?.type === "error") {
    const selector = toFunctionSelector(`${item.name}(${item.inputs.map((input) => input.type).join(",")})`);
    expect(refused.message.toLowerCase()).not.toContain(selector.slice(2));
  }
  expect(refused.message).not.toMatch(/0x[0-9a-fA-F]{41,}/);
  return refused;
}

/** Everything a refused write could have touched, to compare before/after. */
async function snapshot(concord: ConcordClient, cellId: bigint, accounts: Address[]) {
  return {
    cell: await concord.cells.getCell({ cellId }),
    roles: await Promise.all(accounts.map((account) => concord.cells.rolesOf({ cellId, account }))),
    requests: await Promise.all(
      accounts.map((account) => concord.cells.joinRequestedAt({ cellId, account })),
    ),
    count: await concord.cells.cellCount(),
    governance: await concord.cells.cellRegistryGovernance(),
    nonces: await Promise.all(accounts.map((account) => chain.nonceOf(account))),
  };
}

describe("every CellRegistry refusal is a ContractRefusalError with name, args and a human message", () => {
  it("CellNonexistent (writes and reads)", async () => {
    const { concord } = await chain.deploy();
    const error = await refusal(concord.cells.leaveCell({ cellId: 99n }), "CellNonexistent", { cellId: 99n });
    expect(error.shortMessage).toBe("Cell 99 does not exist.");
    expect(error.args).toEqual([99n]);
    expect(error.contract).toBe("CellRegistry");
    expect(error.functionName).toBe("leave");
    await refusal(concord.cells.memberCount({ cellId: 7n }), "CellNonexistent", { cellId: 7n });
    await refusal(concord.cells.getCell({ cellId: 7n }), "CellNonexistent");
    await refusal(concord.cells.decisionPath({ cellId: 7n, topic: "x" }), "CellNonexistent");
    await refusal(concord.cells.createCell({ parentId: 5n, name: "orphan" }), "CellNonexistent", {
      cellId: 5n,
    });
    await refusal(concord.cells.requestToJoin({ cellId: 3n }), "CellNonexistent");
  });

  it("CellNotSteward, and the refused write changes nothing", async () => {
    const { concord, as } = await chain.deploy();
    const { cellId } = await concord.cells.createCell({ name: "Core" });
    const before = await snapshot(concord, cellId, [founder, alice, bob]);
    const error = await refusal(as(1).cells.addMember({ cellId, account: bob }), "CellNotSteward", {
      cellId,
      account: alice,
    });
    expect(error.shortMessage).toBe(
      `${shortAddress(alice)} is not a steward of cell ${cellId} (nor of any cell above it).`,
    );
    expect(error.message).toContain(`CellNotSteward(cellId: ${cellId}, account: ${alice})`);
    expect(await snapshot(concord, cellId, [founder, alice, bob])).toEqual(before);

    await refusal(as(1).cells.setPhase({ cellId, phase: 1 }), "CellNotSteward");
    await refusal(as(1).cells.updateNucleus({ cellId, nucleusURI: "x" }), "CellNotSteward");
    await refusal(as(1).cells.setDecisionOwner({ cellId, topic: "t", owner: alice }), "CellNotSteward");
    await refusal(as(1).cells.createCell({ parentId: cellId, name: "Sub" }), "CellNotSteward", {
      cellId,
      account: alice,
    });
    // A member who is not a steward is refused too.
    await concord.cells.addMember({ cellId, account: alice });
    await refusal(as(1).cells.removeMember({ cellId, account: founder }), "CellNotSteward");
    await as(2).cells.requestToJoin({ cellId });
    await refusal(as(1).cells.approveJoin({ cellId, account: bob }), "CellNotSteward");
    await refusal(as(1).cells.rejectJoin({ cellId, account: bob }), "CellNotSteward");
    await refusal(as(1).cells.setRoles({ cellId, account: alice, roles: 3 }), "CellNotSteward");
  });

  it("CellNotMember", async () => {
    const { concord, as } = await chain.deploy();
    const { cellId } = await concord.cells.createCell({ name: "Core" });
    const before = await snapshot(concord, cellId, [founder, alice]);
    const error = await refusal(concord.cells.removeMember({ cellId, account: alice }), "CellNotMember", {
      cellId,
      account: alice,
    });
    expect(error.shortMessage).toBe(`${shortAddress(alice)} is not a member of cell ${cellId}.`);
    await refusal(concord.cells.setRoles({ cellId, account: alice, roles: 1 }), "CellNotMember");
    await refusal(as(1).cells.leaveCell({ cellId }), "CellNotMember");
    await refusal(as(1).cells.declareState({ cellId, state: "hi" }), "CellNotMember");
    await refusal(
      as(1).cells.signalIntent({ cellId, intent: "x", at: (await chain.now()) + 100n }),
      "CellNotMember",
    );
    expect(await snapshot(concord, cellId, [founder, alice])).toEqual(before);
  });

  it("CellAlreadyMember", async () => {
    const { concord } = await chain.deploy();
    const { cellId } = await concord.cells.createCell({ name: "Core" });
    await concord.cells.addMember({ cellId, account: alice });
    const error = await refusal(concord.cells.addMember({ cellId, account: alice }), "CellAlreadyMember", {
      cellId,
      account: alice,
    });
    expect(error.shortMessage).toBe(`${shortAddress(alice)} is already a member of cell ${cellId}.`);
    await refusal(concord.cells.requestToJoin({ cellId }), "CellAlreadyMember", { cellId, account: founder });
    // In a batch the whole batch is refused: bob is not added either.
    await refusal(concord.cells.addMembers({ cellId, members: [bob, alice] }), "CellAlreadyMember");
    expect(await concord.cells.isMember({ cellId, account: bob })).toBe(false);
  });

  it("CellDepthLimit", async () => {
    const { concord } = await chain.deploy();
    let { cellId } = await concord.cells.createCell({ name: "depth 1" });
    for (let depth = 2; depth <= 8; depth++) {
      ({ cellId } = await concord.cells.createCell({ parentId: cellId, name: `depth ${depth}` }));
    }
    expect(await concord.cells.depthOf({ cellId })).toBe(8);
    const count = await concord.cells.cellCount();
    const error = await refusal(
      concord.cells.createCell({ parentId: cellId, name: "too deep" }),
      "CellDepthLimit",
      {
        parentId: cellId,
        maxDepth: 8n,
      },
    );
    expect(error.shortMessage).toBe(
      `Cell ${cellId} is at the maximum nesting depth (8) and cannot have child cells.`,
    );
    expect(await concord.cells.cellCount()).toBe(count);
  });

  it("CellLastSteward", async () => {
    const { concord } = await chain.deploy();
    const { cellId } = await concord.cells.createCell({ name: "Core" });
    const before = await snapshot(concord, cellId, [founder]);
    const error = await refusal(concord.cells.leaveCell({ cellId }), "CellLastSteward", {
      cellId,
      account: founder,
    });
    expect(error.shortMessage).toContain(
      `${shortAddress(founder)} is the last steward of top-level cell ${cellId}`,
    );
    await refusal(
      concord.cells.setRoles({ cellId, account: founder, roles: Roles.MEMBER }),
      "CellLastSteward",
    );
    await refusal(concord.cells.removeMember({ cellId, account: founder }), "CellLastSteward");
    expect(await snapshot(concord, cellId, [founder])).toEqual(before);
    // With a second steward, the founder can step down.
    await concord.cells.addMember({ cellId, account: alice, roles: Roles.MEMBER | Roles.STEWARD });
    await concord.cells.setRoles({ cellId, account: founder, roles: Roles.MEMBER });
    expect((await concord.cells.getCell({ cellId })).stewardCount).toBe(1);
  });

  it("CellNoJoinRequest", async () => {
    const { concord, as } = await chain.deploy();
    const { cellId } = await concord.cells.createCell({ name: "Core" });
    const error = await refusal(concord.cells.approveJoin({ cellId, account: alice }), "CellNoJoinRequest", {
      cellId,
      account: alice,
    });
    expect(error.shortMessage).toBe(`${shortAddress(alice)} has no pending request to join cell ${cellId}.`);
    await refusal(concord.cells.rejectJoin({ cellId, account: alice }), "CellNoJoinRequest");
    await refusal(as(1).cells.cancelJoinRequest({ cellId }), "CellNoJoinRequest", { cellId, account: alice });
    expect(await concord.cells.isMember({ cellId, account: alice })).toBe(false);
  });

  it("CellJoinRequestPending", async () => {
    const { concord, as } = await chain.deploy();
    const { cellId } = await concord.cells.createCell({ name: "Core" });
    await as(1).cells.requestToJoin({ cellId });
    const requestedAt = await concord.cells.joinRequestedAt({ cellId, account: alice });
    await chain.networkHelpers.time.increase(60);
    const error = await refusal(as(1).cells.requestToJoin({ cellId }), "CellJoinRequestPending", {
      cellId,
      account: alice,
    });
    expect(error.shortMessage).toContain("has already asked to join cell");
    // The original request time is kept.
    expect(await concord.cells.joinRequestedAt({ cellId, account: alice })).toBe(requestedAt);
  });

  it("CellDelegateTaken", async () => {
    const { concord } = await chain.deploy();
    const { cellId } = await concord.cells.createCell({ name: "Core" });
    await concord.cells.addMember({ cellId, account: alice, roles: Roles.MEMBER | Roles.DELEGATE });
    const error = await refusal(
      concord.cells.addMember({ cellId, account: bob, roles: Roles.MEMBER | Roles.DELEGATE }),
      "CellDelegateTaken",
      { cellId, delegate: alice },
    );
    expect(error.shortMessage).toBe(
      `Cell ${cellId} already has a delegate (${shortAddress(alice)}): remove that role first.`,
    );
    await concord.cells.addMember({ cellId, account: bob });
    await refusal(concord.cells.setRoles({ cellId, account: bob, roles: 5 }), "CellDelegateTaken");
    expect(await concord.cells.rolesOf({ cellId, account: bob })).toBe(1);
    expect(await concord.cells.delegateOf({ cellId })).toBe(alice);
  });

  it("CellIntentInPast", async () => {
    const { concord } = await chain.deploy();
    const { cellId } = await concord.cells.createCell({ name: "Core" });
    const past = (await chain.now()) - 10n;
    const error = await refusal(
      concord.cells.signalIntent({ cellId, intent: "late", at: past }),
      "CellIntentInPast",
    );
    expect(error.namedArgs.at).toBe(past);
    expect(error.namedArgs.nowTime as bigint).toBeGreaterThan(past);
    expect(error.shortMessage).toMatch(
      /^The intent is dated \d{4}-\d\d-\d\dT[\d:]+Z, before the chain's current time/,
    );
    expect(await concord.cells.getActivity({ cellId })).toEqual([]);
  });

  it("CellUnauthorizedGovernance", async () => {
    const { concord, as } = await chain.deploy();
    const { cellId } = await concord.cells.createCell({ name: "Core" });
    const error = await refusal(
      as(1).cells.setRecognised({ cellId, recognised: true }),
      "CellUnauthorizedGovernance",
      {
        account: alice,
      },
    );
    expect(error.shortMessage).toBe(`${shortAddress(alice)} is not the registry's governance.`);
    await refusal(as(1).cells.transferGovernance({ newGovernance: alice }), "CellUnauthorizedGovernance");
    expect(await concord.cells.cellRegistryGovernance()).toBe(founder);
    expect(await concord.cells.isRecognised({ cellId })).toBe(false);
  });

  it("CellFutureLookup (reads of history need a past timepoint)", async () => {
    const { concord } = await chain.deploy();
    const { cellId } = await concord.cells.createCell({ name: "Core" });
    const now = await chain.now();
    const error = await refusal(
      concord.cells.isRecognisedAt({ cellId, timepoint: now + 100n }),
      "CellFutureLookup",
    );
    expect(error.namedArgs.timepoint).toBe(now + 100n);
    expect(error.shortMessage).toContain(`Timepoint ${now + 100n} is not in the past`);
    await refusal(concord.cells.recognisedCountAt({ timepoint: now + 100n }), "CellFutureLookup");
    await refusal(concord.cells.delegateAt({ cellId, timepoint: now + 100n }), "CellFutureLookup");
  });

  // The SDK validates these inputs before sending; sending them anyway through the shared write pipeline
  // shows that the contract's own refusals are decoded too.
  it("CellInvalidRoles, CellInvalidPhase, CellEmptyName, CellZeroAddress (bypassing client-side validation)", async () => {
    const { concord, address } = await chain.deploy();
    const { cellId } = await concord.cells.createCell({ name: "Core" });
    const call = { contract: "CellRegistry", address, abi: cellRegistryAbi } as const;

    const roles = await refusal(
      executeWrite(concord, { ...call, functionName: "addMember", args: [cellId, alice, 8] }),
      "CellInvalidRoles",
      { roles: 8 },
    );
    expect(roles.shortMessage).toBe(
      "Invalid roles 8: a role set must include MEMBER (1) and may add only STEWARD (2) and DELEGATE (4).",
    );
    await refusal(
      executeWrite(concord, { ...call, functionName: "setRoles", args: [cellId, founder, 2] }),
      "CellInvalidRoles",
      {
        roles: 2,
      },
    );
    const phase = await refusal(
      executeWrite(concord, { ...call, functionName: "setPhase", args: [cellId, 4] }),
      "CellInvalidPhase",
      { phase: 4 },
    );
    expect(phase.shortMessage).toContain("Invalid phase 4");
    const name = await refusal(
      executeWrite(concord, {
        ...call,
        functionName: "createCell",
        args: [0n, "", "", `0x${"00".repeat(32)}`],
      }),
      "CellEmptyName",
      {},
    );
    expect(name.shortMessage).toBe("A cell needs a non-empty name.");
    const zero = await refusal(
      executeWrite(concord, { ...call, functionName: "addMember", args: [cellId, zeroAddress, 1] }),
      "CellZeroAddress",
    );
    expect(zero.shortMessage).toBe("The zero address was given where an account is needed.");
    await refusal(
      executeWrite(concord, { ...call, functionName: "transferGovernance", args: [zeroAddress] }),
      "CellZeroAddress",
    );
    expect(await concord.cells.memberCount({ cellId })).toBe(1);
    expect(await concord.cells.phaseOf({ cellId })).toBe(0);
  });
});

describe("text caps (issue 11, finding 5): the SDK refuses first, the contract names the length and the cap", () => {
  it("CellNameTooLong, CellURITooLong, CellStateTooLong, CellIntentTooLong", async () => {
    const { concord, address } = await chain.deploy();
    const { cellId } = await concord.cells.createCell({ name: "n".repeat(64), nucleusURI: "u".repeat(256) });
    await concord.cells.declareState({ cellId, state: "s".repeat(280) });
    const call = { contract: "CellRegistry", address, abi: cellRegistryAbi } as const;
    const zero = `0x${"00".repeat(32)}` as const;
    const later = (await chain.publicClient.getBlock()).timestamp + 3_600n;
    const cases = [
      {
        sdk: () => concord.cells.createCell({ name: "n".repeat(65) }),
        raw: () =>
          executeWrite(concord, {
            ...call,
            functionName: "createCell",
            args: [0n, "n".repeat(65), "", zero],
          }),
        parameter: "name",
        errorName: "CellNameTooLong",
        args: { length: 65n, max: 64n },
        message:
          "The cell name is 65 bytes long; at most 64 bytes are allowed (UTF-8: an accented letter takes 2, an emoji 4).",
      },
      {
        sdk: () => concord.cells.updateNucleus({ cellId, nucleusURI: "u".repeat(257), nucleus: "x" }),
        raw: () =>
          executeWrite(concord, {
            ...call,
            functionName: "updateNucleus",
            args: [cellId, "u".repeat(257), zero],
          }),
        parameter: "nucleusURI",
        errorName: "CellURITooLong",
        args: { length: 257n, max: 256n },
        message:
          "The nucleus URI is 257 bytes long; at most 256 bytes are allowed: link to the document instead of inlining it.",
      },
      {
        sdk: () => concord.cells.declareState({ cellId, state: "s".repeat(281) }),
        raw: () =>
          executeWrite(concord, { ...call, functionName: "declareState", args: [cellId, "s".repeat(281)] }),
        parameter: "state",
        errorName: "CellStateTooLong",
        args: { length: 281n, max: 280n },
        message: "The state is 281 bytes long; at most 280 bytes are allowed.",
      },
      {
        sdk: () => concord.cells.signalIntent({ cellId, intent: "i".repeat(281), at: later }),
        raw: () =>
          executeWrite(concord, {
            ...call,
            functionName: "signalIntent",
            args: [cellId, "i".repeat(281), later],
          }),
        parameter: "intent",
        errorName: "CellIntentTooLong",
        args: { length: 281n, max: 280n },
        message: "The intent is 281 bytes long; at most 280 bytes are allowed.",
      },
    ];
    for (const c of cases) {
      const early = await rejection(c.sdk());
      expect(early, c.parameter).toBeInstanceOf(InvalidInputError);
      expect((early as InvalidInputError).parameter).toBe(c.parameter);
      const refused = await refusal(c.raw(), c.errorName, c.args);
      expect(refused.shortMessage).toBe(c.message);
    }
    // The SDK's limits are the contract's.
    const read = (functionName: "MAX_NAME_LENGTH" | "MAX_URI_LENGTH" | "MAX_NOTE_LENGTH") =>
      chain.publicClient.readContract({ address, abi: cellRegistryAbi, functionName });
    expect([
      await read("MAX_NAME_LENGTH"),
      await read("MAX_URI_LENGTH"),
      await read("MAX_NOTE_LENGTH"),
    ]).toEqual([
      BigInt(cellLimits.MAX_NAME_LENGTH),
      BigInt(cellLimits.MAX_URI_LENGTH),
      BigInt(cellLimits.MAX_NOTE_LENGTH),
    ]);
    // Bytes, not characters: 33 two-byte letters are 66 bytes.
    expect(await rejection(concord.cells.createCell({ name: "é".repeat(33) }))).toBeInstanceOf(
      InvalidInputError,
    );
    expect(await concord.cells.cellCount()).toBe(1n);
  });
});

describe("client-side validation: InvalidInputError before anything is sent", () => {
  it("refuses bad inputs without simulating or sending", async () => {
    const { concord } = await chain.deploy();
    const { cellId } = await concord.cells.createCell({ name: "Core" });
    const nonce = await chain.nonceOf(founder);

    const cases: [Promise<unknown>, string][] = [
      [concord.cells.addMember({ cellId, account: alice, roles: 8 }), "roles"],
      [concord.cells.addMember({ cellId, account: alice, roles: 9 }), "roles"],
      [concord.cells.addMember({ cellId, account: alice, roles: Roles.STEWARD }), "roles"],
      [concord.cells.addMember({ cellId, account: alice, roles: 0 }), "roles"],
      [concord.cells.addMember({ cellId, account: alice, roles: 1.5 }), "roles"],
      [concord.cells.addMember({ cellId, account: alice, roles: ["steward"] }), "roles"],
      [concord.cells.addMember({ cellId, account: alice, roles: ["admin" as "member"] }), "roles"],
      [concord.cells.setRoles({ cellId, account: alice, roles: 16 }), "roles"],
      [concord.cells.addMember({ cellId, account: zeroAddress }), "account"],
      [concord.cells.addMember({ cellId, account: "0x1234" as Address }), "account"],
      [concord.cells.addMember({ cellId: 0n, account: alice }), "cellId"],
      [concord.cells.addMember({ cellId: -1n, account: alice }), "cellId"],
      [concord.cells.addMember({ cellId: 1.5, account: alice }), "cellId"],
      [concord.cells.setPhase({ cellId, phase: 4 }), "phase"],
      [concord.cells.setPhase({ cellId, phase: -1 }), "phase"],
      [concord.cells.setPhase({ cellId, phase: "finished" as "commitment" }), "phase"],
      [concord.cells.createCell({ name: "" }), "name"],
      [concord.cells.createCell({ name: "   " }), "name"],
      [concord.cells.createCell({ name: "x", nucleusHash: "0x1234" }), "nucleusHash"],
      [concord.cells.createCell({ name: "x", nucleus: "a", nucleusHash: `0x${"11".repeat(32)}` }), "nucleus"],
      [concord.cells.setDecisionOwner({ cellId, topic: "", owner: alice }), "topic"],
      [concord.cells.signalIntent({ cellId, intent: "x", at: -5 }), "at"],
      [concord.cells.signalIntent({ cellId, intent: "x", at: 2n ** 64n }), "at"],
      [concord.cells.transferGovernance({ newGovernance: zeroAddress }), "newGovernance"],
      [concord.cells.addMembers({ cellId, members: [] }), "members"],
      [
        concord.cells.addMembers({ cellId, members: [alice, { account: alice, roles: 1 }] }),
        "members[1].account",
      ],
      [concord.cells.addMembers({ cellId, members: [{ account: alice, roles: 2 }] }), "members[0].roles"],
    ];
    for (const [promise, parameter] of cases) {
      const error = await rejection(promise);
      expect(error, parameter).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).parameter).toBe(parameter);
      expect((error as InvalidInputError).shortMessage).toMatch(/^Invalid /);
    }
    const reserved = (await rejection(
      concord.cells.addMember({ cellId, account: alice, roles: 8 }),
    )) as InvalidInputError;
    expect(reserved.shortMessage).toBe("Invalid roles: uses reserved bits (8); only 1, 2 and 4 exist.");
    expect(await chain.nonceOf(founder)).toBe(nonce);
  });

  it("WalletRequiredError for writes on a read-only client", async () => {
    const { concord, readOnly } = await chain.deploy();
    const { cellId } = await concord.cells.createCell({ name: "Core" });
    const error = await rejection(readOnly.cells.leaveCell({ cellId }));
    expect(error).toBeInstanceOf(WalletRequiredError);
    expect((error as WalletRequiredError).shortMessage).toBe(
      "Cannot leave: the Concord client has no wallet client.",
    );
    // Reads work without a wallet.
    expect(await readOnly.cells.memberCount({ cellId })).toBe(1);
  });
});
