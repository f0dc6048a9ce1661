/**
 * Every custom error the governance contracts can revert with (their own and OpenZeppelin's) has a human
 * message in the SDK, decoded from raw revert data as well as from viem's errors.
 */
import { encodeErrorResult } from "viem";
import { describe, expect, it } from "vitest";

import {
  ContractRefusalError,
  communityHouseAbi,
  concordErrorMessages,
  concordMembershipAbi,
  concordTimelockAbi,
  decodeConcordError,
  governanceClassifierAbi,
  operationalHouseAbi,
} from "../../sdk/index.ts";

/** A sample value for an ABI parameter type. */
function sample(type: string): unknown {
  if (type === "address") return "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
  if (type === "bool") return true;
  if (type === "string") return "text";
  const bytes = /^bytes(\d+)$/.exec(type);
  if (bytes) return `0x${"ab".repeat(Number(bytes[1]))}`;
  if (/^uint(8|16|24|32|40|48)$/.test(type)) return 4;
  if (type.startsWith("uint") || type.startsWith("int")) return 4n;
  return undefined;
}

const abis = {
  OperationalHouse: operationalHouseAbi,
  CommunityHouse: communityHouseAbi,
  ConcordMembership: concordMembershipAbi,
  ConcordTimelock: concordTimelockAbi,
  GovernanceClassifier: governanceClassifierAbi,
};

describe("governance refusal messages", () => {
  for (const [contract, abi] of Object.entries(abis)) {
    it(`every custom error of ${contract} has a human message, also when decoded from raw revert data`, () => {
      const errors = abi.filter((item) => item.type === "error");
      expect(errors.length).toBeGreaterThanOrEqual(3);
      for (const error of errors) {
        const format = concordErrorMessages[error.name];
        expect(format, error.name).toBeTypeOf("function");
        const values = error.inputs.map((input) => sample(input.type));
        const args = Object.fromEntries(error.inputs.map((input, i) => [input.name, values[i]]));
        const text = format!(args);
        expect(text.length, error.name).toBeGreaterThan(10);
        expect(text, error.name).not.toMatch(/undefined|NaN|\[object/);
        expect(text, error.name).not.toMatch(/0x[0-9a-fA-F]{41,}/);
        expect(text, error.name).toMatch(/\.$/);

        const data = encodeErrorResult({ abi: [error], errorName: error.name, args: values } as never);
        const decoded = decodeConcordError({ data });
        expect(decoded, error.name).toBeInstanceOf(ContractRefusalError);
        expect((decoded as ContractRefusalError).errorName).toBe(error.name);
        expect(decoded.shortMessage).toBe(text);
      }
    });
  }

  it("names proposal states in words, from OpenZeppelin's state bitmap", () => {
    const format = concordErrorMessages.GovernorUnexpectedProposalState!;
    // Succeeded (4) expected, Active (1) found.
    const bitmap = `0x${(1n << 4n).toString(16).padStart(64, "0")}`;
    expect(format({ proposalId: 12345n, current: 1, expectedStates: bitmap })).toBe(
      "Proposal 12345 is active; this needs it to be succeeded.",
    );
    const several = `0x${((1n << 4n) | (1n << 5n) | (1n << 0n)).toString(16).padStart(64, "0")}`;
    expect(format({ proposalId: 10n ** 40n, current: 7, expectedStates: several })).toBe(
      "Proposal 100000…0000 is executed; this needs it to be pending, succeeded or queued.",
    );
  });
});
