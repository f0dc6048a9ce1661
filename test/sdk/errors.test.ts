import { BaseError, encodeAbiParameters, encodeErrorResult, toFunctionSelector, zeroAddress } from "viem";
import type { Address, Hash } from "viem";
import { simulateContract } from "viem/actions";
import { afterEach, beforeAll, describe, expect, it } from "vitest";

import {
  ConcordError,
  ContractRefusalError,
  InvalidInputError,
  TransactionRevertedError,
  cellRegistryAbi,
  concordErrorMessages,
  decodeConcordError,
  shortAddress,
} from "../../sdk/index.ts";
import { createTestChain, rejection } from "./fixture.ts";
import type { TestChain } from "./fixture.ts";

let chain: TestChain;
let alice: Address;

beforeAll(async () => {
  chain = await createTestChain();
  alice = chain.accounts[1]!;
});

afterEach(async () => {
  await chain.provider.request({ method: "evm_setAutomine", params: [true] });
});

/** A sample value for an ABI parameter type. */
function sample(type: string): unknown {
  if (type === "address") return "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
  if (type === "bool") return true;
  if (type === "string") return "text";
  if (type.startsWith("bytes")) return `0x${"ab".repeat(32)}`;
  if (/^uint(8|16|24|32|40|48)$/.test(type)) return 4;
  if (type.startsWith("uint") || type.startsWith("int")) return 4n;
  return undefined;
}

describe("refusal messages", () => {
  it("every custom error of the registry ABI (ICellRegistry and inherited) has a human message", () => {
    const errors = cellRegistryAbi.filter((item) => item.type === "error");
    expect(errors.length).toBeGreaterThanOrEqual(16);
    for (const error of errors) {
      const format = concordErrorMessages[error.name];
      expect(format, error.name).toBeTypeOf("function");
      const args = Object.fromEntries(error.inputs.map((input) => [input.name, sample(input.type)]));
      const text = format!(args);
      expect(text.length, error.name).toBeGreaterThan(10);
      expect(text, error.name).not.toMatch(/undefined|NaN|\[object/);
      expect(text, error.name).not.toMatch(/0x[0-9a-fA-F]{41,}/);
      expect(text, error.name).toMatch(/\.$/);
    }
  });
});

describe("decodeConcordError", () => {
  it("decodes raw revert data against every Concord ABI, with the human message", () => {
    const data = encodeErrorResult({ abi: cellRegistryAbi, errorName: "CellNotSteward", args: [4n, alice] });
    const decoded = decodeConcordError(Object.assign(new Error("execution reverted"), { code: 3, data }), {
      functionName: "setPhase",
    });
    expect(decoded).toBeInstanceOf(ContractRefusalError);
    const refusal = decoded as ContractRefusalError;
    expect(refusal.errorName).toBe("CellNotSteward");
    expect(refusal.args).toEqual([4n, alice]);
    expect(refusal.namedArgs).toEqual({ cellId: 4n, account: alice });
    expect(refusal.shortMessage).toBe("0x7099…79C8 is not a steward of cell 4 (nor of any cell above it).");
    expect(refusal.functionName).toBe("setPhase");
    expect(refusal.message).not.toContain(data.slice(2, 10));
  });

  it("decodes viem's ContractFunctionExecutionError from a direct viem call", async () => {
    const { address } = await chain.deploy();
    const error = await rejection(
      simulateContract(chain.publicClient, {
        address,
        abi: cellRegistryAbi,
        functionName: "leave",
        args: [9n],
        account: alice,
      }),
    );
    expect(error).toBeInstanceOf(BaseError);
    const decoded = decodeConcordError(error) as ContractRefusalError;
    expect(decoded.errorName).toBe("CellNonexistent");
    expect(decoded.shortMessage).toBe("Cell 9 does not exist.");
    expect(decoded.cause).toBe(error);
    // A ConcordError is a viem BaseError, and walk() reaches the original viem error chain.
    expect(decoded).toBeInstanceOf(BaseError);
    expect(decoded.walk((e) => e !== decoded && e instanceof BaseError)).toBe(error);
  });

  it("decodes a raw eth_call failure from the provider (no viem in between)", async () => {
    const { address } = await chain.deploy();
    const data = `${toFunctionSelector("leave(uint256)")}${encodeAbiParameters([{ type: "uint256" }], [5n]).slice(2)}`;
    const error = await rejection(
      chain.provider.request({ method: "eth_call", params: [{ from: alice, to: address, data }, "latest"] }),
    );
    const decoded = decodeConcordError(error) as ContractRefusalError;
    expect(decoded.errorName).toBe("CellNonexistent");
    expect(decoded.namedArgs).toEqual({ cellId: 5n });
  });

  it("handles unknown selectors, Error(string), Panic and bare reverts without showing hex", () => {
    const unknown = decodeConcordError({
      code: 3,
      data: "0xdeadbeef0000000000000000000000000000000000000000000000000000000000000001",
    });
    expect(unknown).toMatchObject({
      name: "ContractRefusalError",
      errorName: "UnknownError",
      selector: "0xdeadbeef",
    });
    expect(unknown.message).not.toContain("deadbeef");

    const reason = encodeErrorResult({
      abi: [{ type: "error", name: "Error", inputs: [{ name: "message", type: "string" }] }],
      errorName: "Error",
      args: ["not allowed"],
    });
    expect(decodeConcordError({ data: reason })).toMatchObject({
      errorName: "Error",
      shortMessage: "The contract refused the call: not allowed",
    });

    const panic = encodeErrorResult({
      abi: [{ type: "error", name: "Panic", inputs: [{ name: "code", type: "uint256" }] }],
      errorName: "Panic",
      args: [0x11n],
    });
    expect(decodeConcordError({ data: panic }).shortMessage).toBe(
      "The contract failed: an arithmetic operation overflowed.",
    );

    const bare = decodeConcordError(Object.assign(new Error("execution reverted"), { code: 3, data: "0x" }));
    expect(bare).toMatchObject({
      errorName: "Reverted",
      shortMessage: "The contract refused the call without giving a reason.",
    });
  });

  it("wraps other errors in a ConcordError and passes Concord errors through", () => {
    const cause = new Error("socket hang up");
    const wrapped = decodeConcordError(cause);
    expect(wrapped).toBeInstanceOf(ConcordError);
    expect(wrapped).not.toBeInstanceOf(ContractRefusalError);
    expect(wrapped.shortMessage).toBe("socket hang up");
    expect(wrapped.cause).toBe(cause);
    expect(wrapped.walk()).toBe(cause);
    expect(decodeConcordError(wrapped)).toBe(wrapped);
    expect(decodeConcordError("weird").shortMessage).toBe("weird");
  });

  it("formats messages with short checksummed addresses", () => {
    expect(shortAddress("0x70997970c51812dc3a010c7d01b50e0d17dc79c8")).toBe("0x7099…79C8");
    expect(concordErrorMessages.CellZeroAddress!({})).toBe(
      "The zero address was given where an account is needed.",
    );
    expect(concordErrorMessages.CellNotMember!({ cellId: 3n, account: zeroAddress })).toBe(
      "0x0000…0000 is not a member of cell 3.",
    );
  });
});

describe("a transaction that reverts after a successful simulation", () => {
  it("throws TransactionRevertedError with the decoded refusal (two join requests in one block)", async () => {
    const { concord, as } = await chain.deploy();
    const { cellId } = await concord.cells.createCell({ name: "Core" });
    await chain.provider.request({ method: "evm_setAutomine", params: [false] });

    const hashes: Hash[] = [];
    const onSubmitted = (hash: Hash) => hashes.push(hash);
    // The first request is simulated and sent; the second is sent unsimulated while the first is still
    // pending, so it passes submission and reverts once both are mined in the same block.
    const first = as(1).cells.requestToJoin({ cellId, onSubmitted });
    await chain.waitForPending(hashes, 1);
    const second = as(1).cells.requestToJoin({ cellId, onSubmitted, simulate: false, gas: 200_000n });
    await chain.waitForPending(hashes, 2);
    await chain.networkHelpers.mine();

    const results = await Promise.allSettled([first, second]);
    expect(results[0]!.status).toBe("fulfilled");
    expect(results[1]!.status).toBe("rejected");
    const error = (results[1] as PromiseRejectedResult).reason as TransactionRevertedError;
    expect(error).toBeInstanceOf(TransactionRevertedError);
    expect(error.hash).toBe(hashes[1]);
    expect(error.refusal?.errorName).toBe("CellJoinRequestPending");
    expect(error.shortMessage).toBe(
      `requestToJoin transaction ${error.hash} reverted: ${shortAddress(alice)} has already asked to join cell ${cellId}; the request is pending.`,
    );
    expect(await concord.cells.joinRequestedAt({ cellId, account: alice })).not.toBeNull();
  });

  it("refuses to send unsimulated without an explicit gas limit", async () => {
    const { as } = await chain.deploy();
    await expect(as(1).cells.requestToJoin({ cellId: 1n, simulate: false })).rejects.toBeInstanceOf(
      InvalidInputError,
    );
  });
});
