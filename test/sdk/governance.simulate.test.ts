/**
 * Simulation before voting (`sdk/governance/simulate.ts`) on a local chain: a proposal's calls run as the timelock
 * would execute them, with the node alone (one `eth_call` with a state override, or `eth_simulateV1`): per call,
 * success or the decoded refusal, and the treasury's balance changes. Attacks and edges: a reverting call, more
 * ETH than the treasury holds, a call to the timelock itself, a call that succeeds only after an earlier one, a
 * huge return data, bounds; and a proposal executed after its simulation does what the simulation said.
 */
import { custom, encodeFunctionData, erc20Abi, getAddress, parseEther, toHex } from "viem";
import type { Address, Hex } from "viem";
import { getBalance, getCode } from "viem/actions";
import { beforeAll, describe, expect, it } from "vitest";

import {
  ConcordError,
  ContractRefusalError,
  InvalidInputError,
  PROPOSAL_SIMULATOR_ORIGINAL_CODE,
  concordTimelockAbi,
  createConcordClient,
  getTreasury,
  simulateProposal,
} from "../../sdk/index.ts";
import {
  DAO_TEST_SETTINGS,
  createCellCall,
  createGovernanceChain,
  recogniseCall,
} from "./governance.fixture.ts";
import type { GovernanceChain, GovernanceDeployment } from "./governance.fixture.ts";

let chain: GovernanceChain;
let dao: GovernanceDeployment;
let token: Address;
let timelock: Address;
let carol: Address;

beforeAll(async () => {
  chain = await createGovernanceChain();
  dao = await chain.deploy();
  timelock = dao.addresses.concordTimelock;
  carol = chain.accounts[2]!;
  const [funder] = await chain.viem.getWalletClients();
  const deployed = await chain.viem.deployContract("PlainVotesToken", [
    "Grant token",
    "GRT",
    funder!.account.address,
  ]);
  token = getAddress(deployed.address);
  await deployed.write.mint([timelock, parseEther("100")]);
  await funder!.sendTransaction({ to: timelock, value: parseEther("5") });
});

const pay = (to: Address, ether: string) => ({ target: to, value: parseEther(ether) });
const transfer = (to: Address, amount: string) => ({
  target: token,
  data: encodeFunctionData({ abi: erc20Abi, functionName: "transfer", args: [to, parseEther(amount)] }),
});
const updateDelay = (seconds: bigint) => ({
  target: timelock,
  data: encodeFunctionData({ abi: concordTimelockAbi, functionName: "updateDelay", args: [seconds] }),
});

describe("simulateProposal", () => {
  it("runs payments as the timelock and reports the treasury's changes, changing nothing on the chain", async () => {
    const tokens = (await getTreasury(dao.readOnly)).tokens;
    const result = await dao.readOnly.governance.simulateProposal({
      calls: [pay(carol, "1"), transfer(carol, "10")],
      tokens,
    });
    expect(result.success).toBe(true);
    expect(result.failedCall).toBeNull();
    expect(result.timelock).toBe(timelock);
    expect(result.summary).toBe("All 2 calls succeed.");
    expect(result.calls.map((call) => [call.status, call.message])).toEqual([
      ["success", "Succeeds."],
      ["success", "Succeeds."],
    ]);
    expect(result.calls[1]!.gasUsed).toBeGreaterThan(20_000n);
    // transfer returns `true`, one word.
    expect(result.calls[1]!.returnData).toBe(toHex(1n, { size: 32 }));
    expect(result.balances).toEqual([
      {
        asset: "ETH",
        symbol: "ETH",
        decimals: 18,
        before: parseEther("5"),
        after: parseEther("4"),
        change: -parseEther("1"),
      },
      {
        asset: token,
        symbol: "GRT",
        decimals: 18,
        before: parseEther("100"),
        after: parseEther("90"),
        change: -parseEther("10"),
      },
    ]);
    // A simulation is a call: the chain is untouched, the timelock keeps its code, the scratch address has none.
    expect(await getBalance(chain.publicClient, { address: timelock })).toBe(parseEther("5"));
    expect(await getCode(chain.publicClient, { address: PROPOSAL_SIMULATOR_ORIGINAL_CODE })).toBeUndefined();
    const code = await getCode(chain.publicClient, { address: timelock });
    expect(code!.length).toBeGreaterThan(1000);
  });

  it("finds the treasury's tokens itself when none are given", async () => {
    const result = await simulateProposal(dao.readOnly, { calls: [transfer(carol, "1")] });
    expect(result.balances.map((entry) => [entry.asset, entry.change])).toEqual([
      ["ETH", 0n],
      [token, -parseEther("1")],
    ]);
  });

  it("decodes a refusal into a sentence, reports later calls as not run, and changes no balance", async () => {
    const result = await simulateProposal(dao.readOnly, {
      calls: [pay(carol, "1"), recogniseCall(dao.addresses.cellRegistry, 99n), transfer(carol, "10")],
      tokens: [token],
    });
    expect(result.success).toBe(false);
    expect(result.failedCall).toBe(1);
    expect(result.calls.map((call) => call.status)).toEqual(["success", "failed", "notRun"]);
    const refusal = result.calls[1]!.refusal!;
    expect(refusal).toBeInstanceOf(ContractRefusalError);
    expect(refusal.errorName).toBe("CellNonexistent");
    expect(result.calls[1]!.message).toBe("Cell 99 does not exist.");
    expect(result.calls[2]!.message).toBe(
      "Not run: call 2 fails, and the timelock's execution reverts as a whole.",
    );
    expect(result.calls[2]!.gasUsed).toBeNull();
    expect(result.summary).toBe(
      "Call 2 of 3 fails: Cell 99 does not exist. The timelock's execution would revert as a whole: nothing would change.",
    );
    // Atomic: the payment of call 1 does not happen either.
    expect(result.balances.map((entry) => entry.change)).toEqual([0n, 0n]);
    expect(result.balances[0]!.after).toBe(parseEther("5"));
  });

  it("reports a payment above the treasury's balance with both amounts", async () => {
    const result = await simulateProposal(dao.readOnly, { calls: [pay(carol, "1000")], tokens: [] });
    expect(result.calls[0]!.status).toBe("failed");
    expect(result.calls[0]!.message).toBe(
      "The treasury would hold 5 ETH at this call, which sends 1000 ETH.",
    );
    expect(result.calls[0]!.refusal!.namedArgs).toEqual({
      balance: parseEther("5"),
      needed: parseEther("1000"),
    });
    expect(result.summary).toBe(
      "The call fails: The treasury would hold 5 ETH at this call, which sends 1000 ETH. The timelock's execution would revert as a whole: nothing would change.",
    );
  });

  it("counts what earlier calls spent: the second payment finds the treasury short", async () => {
    const result = await simulateProposal(dao.readOnly, {
      calls: [pay(carol, "4"), pay(carol, "2")],
      tokens: [],
    });
    expect(result.calls.map((call) => call.status)).toEqual(["success", "failed"]);
    expect(result.calls[1]!.message).toBe("The treasury would hold 1 ETH at this call, which sends 2 ETH.");
  });

  it("runs a call to the timelock itself with the timelock's real code, as the timelock", async () => {
    // updateDelay is allowed only to the timelock itself: it succeeds, and a later self-call sees its effect
    // through the timelock's own refusal.
    const ok = await simulateProposal(dao.readOnly, { calls: [updateDelay(2n * 86_400n)], tokens: [] });
    expect(ok.calls[0]!.status).toBe("success");
    const refused = await simulateProposal(dao.readOnly, {
      calls: [updateDelay(2n * 86_400n), updateDelay(31n * 86_400n)],
      tokens: [],
    });
    expect(refused.calls.map((call) => call.status)).toEqual(["success", "failed"]);
    expect(refused.calls[1]!.refusal!.errorName).toBe("TimelockDelayOutOfBounds");
    expect(refused.calls[1]!.message).toBe(
      "A timelock delay of 2678400 seconds is above the maximum of 2592000 seconds: longer would freeze governance.",
    );
    // The real timelock still has its delay.
    const delay = await chain.publicClient.readContract({
      address: timelock,
      abi: concordTimelockAbi,
      functionName: "getMinDelay",
    });
    expect(delay).toBe(DAO_TEST_SETTINGS.operationalDelay);
  });

  it("a call that succeeds only after an earlier one: alone it fails, after it it succeeds", async () => {
    const registry = dao.addresses.cellRegistry;
    const count = await chain.publicClient.readContract({
      address: registry,
      abi: [
        {
          type: "function",
          name: "cellCount",
          inputs: [],
          outputs: [{ type: "uint256" }],
          stateMutability: "view",
        },
      ],
      functionName: "cellCount",
    });
    const next = count + 1n;
    const alone = await simulateProposal(dao.readOnly, {
      calls: [recogniseCall(registry, next)],
      tokens: [],
    });
    expect(alone.calls[0]!.message).toBe(`Cell ${next} does not exist.`);
    const after = await simulateProposal(dao.readOnly, {
      calls: [createCellCall(registry, "Grants"), recogniseCall(registry, next)],
      tokens: [],
    });
    expect(after.success).toBe(true);
  });

  it("keeps only the first bytes of a huge return data, and reports its size", async () => {
    // The identity precompile (0x…04) returns its input: 200,000 bytes.
    const identity = "0x0000000000000000000000000000000000000004" as const;
    const data = `0x${"ab".repeat(200_000)}` as Hex;
    const result = await simulateProposal(dao.readOnly, {
      calls: [{ target: identity, data }],
      tokens: [],
      maxReturnBytes: 64,
    });
    expect(result.calls[0]!.status).toBe("success");
    expect(result.calls[0]!.returnDataSize).toBe(200_000);
    expect(result.calls[0]!.returnData).toBe(`0x${"ab".repeat(64)}`);
  });

  it("refuses bad input with the values", async () => {
    const tooMany = Array.from({ length: 65 }, () => pay(carol, "0"));
    await expect(simulateProposal(dao.readOnly, { calls: tooMany, tokens: [] })).rejects.toThrow(
      "Invalid calls: a simulation takes at most 64 calls, 65 were given.",
    );
    await expect(
      simulateProposal(dao.readOnly, { calls: [pay(carol, "0")], tokens: [], maxReturnBytes: 5000 }),
    ).rejects.toThrow(InvalidInputError);
    await expect(
      simulateProposal(dao.readOnly, { calls: [{ target: "0x1234" as Address }], tokens: [] }),
    ).rejects.toThrow("Invalid calls[0].target: not an address.");
    await expect(
      simulateProposal(dao.readOnly, { calls: [{ target: carol, data: "0xabc" as Hex }], tokens: [] }),
    ).rejects.toThrow("Invalid calls[0].data: not hex bytes.");
    await expect(
      simulateProposal(dao.readOnly, { calls: [], tokens: Array.from({ length: 51 }, () => token) }),
    ).rejects.toThrow("Invalid tokens: a simulation reads at most 50 tokens, 51 were given.");
  });

  it("uses eth_simulateV1 where the node has it, and falls back to eth_call where it does not", async () => {
    // Hardhat's node: which method answers, and the method chosen is said in the result.
    const methods: string[] = [];
    const recording = createConcordClient({
      publicClient: await chain.viem.getPublicClient({
        transport: custom({
          request: async (args: { method: string; params?: unknown }) => {
            methods.push(args.method);
            return chain.provider.request(args as Parameters<typeof chain.provider.request>[0]);
          },
        }),
      }),
      addresses: dao.addresses,
      startBlock: dao.startBlock,
    });
    const first = await simulateProposal(recording, { calls: [pay(carol, "1")], tokens: [] });
    const second = await simulateProposal(recording, { calls: [pay(carol, "1")], tokens: [] });
    expect(first.balances[0]!.change).toBe(-parseEther("1"));
    expect(second.method).toBe(first.method);
    if (first.method === "eth_call") {
      // The node lacks eth_simulateV1: asked once, then remembered.
      expect(methods.filter((method) => method === "eth_simulateV1")).toHaveLength(1);
      expect(methods.filter((method) => method === "eth_call")).toHaveLength(2);
    } else {
      expect(methods.filter((method) => method === "eth_simulateV1")).toHaveLength(2);
    }
    // Asked for explicitly, a method the node lacks is an error, not a silent fallback.
    if (first.method === "eth_call")
      await expect(
        simulateProposal(recording, { calls: [pay(carol, "1")], tokens: [], method: "eth_simulateV1" }),
      ).rejects.toBeInstanceOf(ConcordError);
    const forced = await simulateProposal(recording, {
      calls: [pay(carol, "1")],
      tokens: [],
      method: "eth_call",
    });
    expect(forced.method).toBe("eth_call");
  });

  it("sends eth_simulateV1 a well-formed request, and reads its answer, where the node offers it", async () => {
    // A node that offers eth_simulateV1: this adapter answers it by running the one call it carries as an
    // eth_call with the same state overrides on the Hardhat node (which checks the request's shape).
    const requests: { method: string; params?: unknown }[] = [];
    const adapter = createConcordClient({
      publicClient: await chain.viem.getPublicClient({
        transport: custom({
          request: async (args: { method: string; params?: unknown }) => {
            requests.push(args);
            if (args.method !== "eth_simulateV1")
              return chain.provider.request(args as Parameters<typeof chain.provider.request>[0]);
            const [{ blockStateCalls, validation }, block] = args.params as [
              {
                blockStateCalls: { calls: { from: Hex; to: Hex; data: Hex }[]; stateOverrides: unknown }[];
                validation: boolean;
              },
              Hex,
            ];
            expect(validation).toBe(false);
            expect(blockStateCalls).toHaveLength(1);
            const [{ calls, stateOverrides }] = blockStateCalls as [(typeof blockStateCalls)[number]];
            expect(calls).toHaveLength(1);
            const { from, to, data } = calls[0]!;
            const returnData = await chain.provider.request({
              method: "eth_call",
              params: [{ from, to, data }, block, stateOverrides],
            } as Parameters<typeof chain.provider.request>[0]);
            const header = { number: block, timestamp: "0x1", gasLimit: "0x1c9c380", gasUsed: "0x0" };
            return [
              {
                ...header,
                transactions: [],
                calls: [{ returnData, logs: [], gasUsed: "0x5208", status: "0x1" }],
              },
            ];
          },
        }),
      }),
      addresses: dao.addresses,
      startBlock: dao.startBlock,
    });
    const result = await simulateProposal(adapter, { calls: [pay(carol, "1"), pay(carol, "9")], tokens: [] });
    expect(result.method).toBe("eth_simulateV1");
    expect(result.calls.map((call) => call.status)).toEqual(["success", "failed"]);
    expect(result.calls[1]!.message).toBe("The treasury would hold 4 ETH at this call, which sends 9 ETH.");
    const sent = requests.find((request) => request.method === "eth_simulateV1")!;
    const [{ blockStateCalls }] = sent.params as [{ blockStateCalls: { calls: { from: Hex; to: Hex }[] }[] }];
    expect(getAddress(blockStateCalls[0]!.calls[0]!.from)).toBe(timelock);
    expect(getAddress(blockStateCalls[0]!.calls[0]!.to!)).toBe(timelock);
    expect(requests.map((request) => request.method)).not.toContain("eth_call");
  });
});

describe("simulation and execution agree", () => {
  it("a proposal executed after its simulation changes the treasury as simulated", async () => {
    const { votingDelay, votingPeriod, operationalDelay } = DAO_TEST_SETTINGS;
    const calls = [pay(carol, "1"), transfer(carol, "10")];
    const bob = dao.as(1);
    const { proposalId } = await bob.governance.proposeGovernance({
      calls,
      description: "Pay Carol, simulated",
    });
    await chain.advance(votingDelay + 1);
    for (const i of [1, 2, 3]) await dao.as(i).governance.castGovernanceVote({ proposalId, support: "for" });
    await chain.advance(votingPeriod + 1);
    await bob.governance.queueProposal({ proposalId });
    await chain.advance(Number(operationalDelay) + 1);

    const proposal = await dao.readOnly.governance.getProposal({ proposalId });
    const simulated = await simulateProposal(dao.readOnly, { calls: proposal.calls, tokens: [token] });
    expect(simulated.success).toBe(true);
    const ethBefore = await getBalance(chain.publicClient, { address: timelock });
    const tokenBalance = () =>
      chain.publicClient.readContract({
        address: token,
        abi: erc20Abi,
        functionName: "balanceOf",
        args: [timelock],
      });
    const tokenBefore = await tokenBalance();
    expect([simulated.balances[0]!.before, simulated.balances[1]!.before]).toEqual([ethBefore, tokenBefore]);

    await bob.governance.executeProposal({ proposalId });
    const ethAfter = await getBalance(chain.publicClient, { address: timelock });
    const tokenAfter = await tokenBalance();
    expect(simulated.balances[0]!.change).toBe(ethAfter - ethBefore);
    expect(simulated.balances[1]!.change).toBe(tokenAfter - tokenBefore);
    expect(simulated.balances.map((entry) => entry.after)).toEqual([ethAfter, tokenAfter]);
  });
});
