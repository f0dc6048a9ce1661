import { encodeErrorResult, UserRejectedRequestError } from "viem";
import { describe, expect, it } from "vitest";

import {
  cellRegistryAbi,
  ConcordError,
  decodeConcordError,
  InvalidInputError,
  TransactionRevertedError,
  WalletRequiredError,
} from "../../../sdk/index.ts";
import type { ContractRefusalError } from "../../../sdk/index.ts";
import { explainError, parameterWords, withDates, withoutRawHex } from "./errors.ts";
import { formatLocalDateTime } from "./format.ts";

const bob = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

function refusal(errorName: "CellNotSteward" | "CellAlreadyMember", args: readonly [bigint, `0x${string}`]) {
  const data = encodeErrorResult({ abi: cellRegistryAbi, errorName, args });
  // What a node's JSON-RPC error looks like once viem wrapped it.
  return decodeConcordError({
    name: "RpcRequestError",
    code: 3,
    message: "execution reverted",
    data,
  }) as ContractRefusalError;
}

describe("explainError", () => {
  it("uses the SDK's human message for a contract refusal", () => {
    const error = refusal("CellNotSteward", [4n, bob]);
    expect(explainError(error)).toEqual({
      kind: "refused",
      message: "0x7099…79C8 is not a steward of cell 4 (nor of any cell above it).",
    });
  });

  it("explains a mined revert with its refusal", () => {
    const error = new TransactionRevertedError({
      hash: `0x${"ab".repeat(32)}`,
      refusal: refusal("CellAlreadyMember", [2n, bob]),
    });
    expect(explainError(error)).toEqual({
      kind: "reverted",
      message: "The transaction was included but reverted: 0x7099…79C8 is already a member of cell 2.",
    });
  });

  it("explains bad input, a missing wallet and a rejection", () => {
    expect(explainError(new InvalidInputError("account", "0x12", "not an address"))).toEqual({
      kind: "invalid",
      message: "The address is not valid: not an address.",
    });
    expect(explainError(new InvalidInputError("accounts[0]", "x", "not an address")).message).toBe(
      "The address is not valid: not an address.",
    );
    expect(explainError(new InvalidInputError("proposalId", -1, "must be at least 0")).message).toBe(
      "The proposal is not valid: must be at least 0.",
    );
    expect(explainError(new WalletRequiredError("leave")).kind).toBe("wallet");
    const rejected = new ConcordError("User rejected the request.", {
      cause: new UserRejectedRequestError(new Error("denied")),
    });
    expect(explainError(rejected)).toEqual({
      kind: "rejected",
      message: "You declined the request in your wallet: nothing was sent.",
    });
    expect(explainError({ name: "ConnectorChainMismatchError" }).kind).toBe("wallet");
  });

  it("never shows raw revert data", () => {
    const unknown = decodeConcordError({
      code: 3,
      message: "execution reverted",
      data: "0xdeadbeef00000000",
    });
    expect(explainError(unknown).message).toBe(
      "The contract refused the call with an error that no Concord ABI declares.",
    );
    expect(explainError(new Error(`failed with 0x08c379a0${"00".repeat(40)}`)).message).toBe(
      "failed with (data)",
    );
    expect(withoutRawHex(`tx 0x${"ab".repeat(32)} by ${bob}, chain 0x7a69`)).toBe(
      `tx 0x${"ab".repeat(32)} by ${bob}, chain 0x7a69`,
    );
    expect(withoutRawHex("selector 0x12345678")).toBe("selector (data)");
  });
});

describe("plain words", () => {
  it("names parameters as a member would", () => {
    expect(parameterWords("accounts[3]")).toBe("address");
    expect(parameterWords("calls[1].target")).toBe("target");
    expect(parameterWords("maxDuration")).toBe("max duration");
  });

  it("shows Unix times as dates in the viewer's time zone", () => {
    const sentence = "the expiry (1577872800) is not after the chain's current time (1796593487)";
    expect(withDates(sentence)).toBe(
      `the expiry (${formatLocalDateTime(1577872800n)}) is not after the chain's current time (${formatLocalDateTime(1796593487n)})`,
    );
    expect(withDates(sentence)).not.toMatch(/\d{10}/);
    // Small numbers and amounts are left alone.
    expect(withDates("cell 2 holds 1000000000000000000 wei")).toBe("cell 2 holds 1000000000000000000 wei");
    expect(explainError(new ConcordError(sentence)).message).not.toMatch(/1577872800/);
    // The SDK's UTC forms too: one clock, the viewer's.
    expect(withDates("held by 0x7099…79C8 until 2023-11-14 22:13:20 UTC: come back then")).toBe(
      `held by 0x7099…79C8 until ${formatLocalDateTime(1_700_000_000n)}: come back then`,
    );
    expect(withDates("must be carried by 2023-11-14T22:13:20Z.")).toBe(
      `must be carried by ${formatLocalDateTime(1_700_000_000n)}.`,
    );
    expect(withDates("from 2023-11-14 22:13 UTC to 2023-11-14 23:13 UTC")).toBe(
      `from ${formatLocalDateTime(1_700_000_000n)} to ${formatLocalDateTime(1_700_003_600n)}`,
    );
  });
});

describe("names in messages", () => {
  const alice = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266" as const;
  const erin = "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65" as const;
  const hints = {
    cellName: (id: bigint) => (id === 2n ? "Infra" : null),
    accountName: (address: string) => (address === erin ? "Erin" : address === alice ? "Alice" : null),
    accounts: [alice, erin],
    you: alice,
  };

  it("names cells and accounts the app knows, and the viewer as you", async () => {
    const { withNames } = await import("./errors.ts");
    expect(withNames("mint a membership to 0x15d3…6A65", hints)).toBe(
      "mint a membership to Erin (0x15d3…6A65)",
    );
    expect(withNames(`${erin} is already a member of cell 2.`, hints)).toBe(
      "Erin (0x15d3…6A65) is already a member of “Infra”.",
    );
    expect(withNames("0xf39F…2266 has already voted", hints)).toBe("You (0xf39F…2266) have already voted");
    expect(withNames("cell 7 is unknown", hints)).toBe("cell 7 is unknown");
    expect(withNames("Cell 2 already has a delegate (Erin (0x15d3…6A65)).", hints)).toBe(
      "“Infra” already has a delegate (Erin (0x15d3…6A65)).",
    );
    expect(withNames("cell 2", null)).toBe("cell 2");
  });
});
