/**
 * `describeCall` names what a call touches: Concord's contracts by their role (the timelock as the
 * treasury), accounts by the caller's names ("you", "Carol (0x3C44…93BC)"), ERC-20 transfers in the token's
 * units; unknown accounts and tokens fall back to short addresses.
 */
import { createPublicClient, encodeFunctionData, erc20Abi, getAddress, http, parseEther } from "viem";
import { hardhat } from "viem/chains";
import { describe, expect, it } from "vitest";

import { cellRegistryAbi, concordMembershipAbi, createConcordClient, describeCall } from "../../sdk/index.ts";

const registry = getAddress("0x5FbDB2315678afecb367f032d93F642f64180aa3");
const timelock = getAddress("0xa513E6E4b8f2a923D98304ec87F64353C4D5C853");
const membership = getAddress("0x0165878A594ca255338adfa4d48449f69242Eb8F");
const carol = getAddress("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC");
const erin = getAddress("0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65");
const token = getAddress("0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0");
const short = (address: string) => `${address.slice(0, 6)}…${address.slice(-4)}`;

// No request is made: describeCall reads only the client's addresses.
const concord = createConcordClient({
  publicClient: createPublicClient({ chain: hardhat, transport: http("http://127.0.0.1:9") }),
  addresses: { cellRegistry: registry, concordTimelock: timelock, votesToken: membership },
});
const names = new Map<string, string>([
  [carol, `Carol (${short(carol)})`],
  [erin, "you"],
]);
const accountName = (address: string) => names.get(address);

describe("describeCall names what a call touches", () => {
  it("names accounts, the treasury and Concord's contracts", () => {
    const pay = { target: carol, value: parseEther("1"), data: "0x" as const };
    expect(describeCall(concord, pay)).toBe(`send 1 ETH to ${short(carol)}`);
    expect(describeCall(concord, pay, { accountName })).toBe(`send 1 ETH to Carol (${short(carol)})`);
    const mint = {
      target: membership,
      data: encodeFunctionData({ abi: concordMembershipAbi, functionName: "mint", args: [erin] }),
    };
    expect(describeCall(concord, mint, { accountName })).toBe("mint a membership to you");
    const add = {
      target: registry,
      data: encodeFunctionData({ abi: cellRegistryAbi, functionName: "addMember", args: [2n, carol, 1] }),
    };
    expect(describeCall(concord, add, { accountName, cellName: () => "Infra" })).toBe(
      `add Carol (${short(carol)}) to cell 2 "Infra" (roles 1)`,
    );
    // The timelock, as an account, is the treasury; a Concord contract is never renamed by the caller.
    const fund = { target: timelock, value: parseEther("2") };
    expect(describeCall(concord, fund, { accountName: () => "Mallory" })).toBe(
      "send 2 ETH to the treasury (the timelock)",
    );
    const handOver = {
      target: registry,
      data: encodeFunctionData({
        abi: cellRegistryAbi,
        functionName: "transferGovernance",
        args: [timelock],
      }),
    };
    expect(describeCall(concord, handOver, { accountName: () => "Mallory" })).toBe(
      "hand the cell registry's governance to the treasury (the timelock)",
    );
  });

  it("reads an ERC-20 transfer in the token's units, or raw units when unknown", () => {
    const data = encodeFunctionData({
      abi: erc20Abi,
      functionName: "transfer",
      args: [carol, parseEther("10")],
    });
    const call = { target: token, data };
    expect(describeCall(concord, call, { accountName, token: () => ({ symbol: "GRT", decimals: 18 }) })).toBe(
      `transfer 10 GRT to Carol (${short(carol)})`,
    );
    expect(describeCall(concord, call)).toBe(
      `transfer ${parseEther("10")} units of the token ${short(token)} to ${short(carol)}`,
    );
    // A malformed transfer (too short to decode) reads as an unknown call, not as a payment.
    expect(describeCall(concord, { target: token, data: "0xa9059cbb1234" })).toBe(
      `call 0xa9059cbb on ${short(token)}`,
    );
    // An empty name from the caller does not erase the address.
    expect(describeCall(concord, { target: carol, value: 1n }, { accountName: () => "" })).toBe(
      `send 0.000000000000000001 ETH to ${short(carol)}`,
    );
  });
});
