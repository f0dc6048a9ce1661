/**
 * The treasury through the SDK (`sdk/governance/treasury.ts`) on a local chain: the timelock's ETH and the
 * ERC-20 tokens it received (found from `Transfer` logs), its payments in and out, the outflows of open
 * proposals by stage, and what a proposal would lack.
 */
import { encodeFunctionData, erc20Abi, getAddress, parseEther, zeroAddress } from "viem";
import { beforeAll, describe, expect, it } from "vitest";

import { getTreasury, treasuryShortfalls } from "../../sdk/governance/index.ts";
import { InvalidInputError, createConcordClient } from "../../sdk/index.ts";
import { rejection } from "./fixture.ts";
import { DAO_TEST_SETTINGS, createGovernanceChain } from "./governance.fixture.ts";
import type { GovernanceChain } from "./governance.fixture.ts";

let chain: GovernanceChain;
beforeAll(async () => {
  chain = await createGovernanceChain();
});

const { votingDelay, votingPeriod, operationalDelay } = DAO_TEST_SETTINGS;

describe("treasury", () => {
  it("reads balances, tokens, payments and pending outflows, and flags a proposal it cannot pay", async () => {
    const dao = await chain.deploy();
    const deployedAt = await chain.publicClient.getBlockNumber();
    const [funder] = await chain.viem.getWalletClients();
    const timelock = dao.addresses.concordTimelock;
    const carol = chain.accounts[2]!;
    const deployed = await chain.viem.deployContract("PlainVotesToken", [
      "Grant token",
      "GRT",
      funder!.account.address,
    ]);
    const token = { address: getAddress(deployed.address) };
    await deployed.write.mint([timelock, parseEther("100")]);
    await funder!.sendTransaction({ to: timelock, value: parseEther("5") });

    let treasury = await getTreasury(dao.readOnly);
    expect(treasury.address).toBe(timelock);
    expect(treasury.eth).toBe(parseEther("5"));
    expect(treasury.tokens).toEqual([
      { address: token.address, symbol: "GRT", decimals: 18, balance: parseEther("100") },
    ]);
    expect(treasury.payments).toMatchObject([
      { direction: "in", asset: token.address, amount: parseEther("100"), counterparty: zeroAddress },
    ]);
    expect(treasury.pending).toEqual([]);

    const transfer = (amount: string) => ({
      target: token.address,
      data: encodeFunctionData({
        abi: erc20Abi,
        functionName: "transfer",
        args: [carol, parseEther(amount)],
      }),
    });
    // A payment it can make, taken to execution.
    const bob = dao.as(1);
    const small = [{ target: carol, value: parseEther("1") }, transfer("10")];
    const { proposalId: paid } = await bob.governance.proposeGovernance({
      calls: small,
      description: "Pay Carol a little",
    });
    // A payment larger than the treasury: flagged, and pending while it is open.
    const large = [{ target: carol, value: parseEther("1000") }, transfer("500")];
    expect(treasuryShortfalls(treasury, large)).toEqual([
      { asset: "ETH", symbol: "ETH", needed: parseEther("1000"), held: parseEther("5") },
      { asset: token.address, symbol: "GRT", needed: parseEther("500"), held: parseEther("100") },
    ]);
    expect(treasuryShortfalls(treasury, small)).toEqual([]);
    const { proposalId: tooLarge } = await bob.governance.proposeGovernance({
      calls: large,
      description: "Pay Carol a lot",
    });

    await chain.advance(votingDelay + 1);
    for (const i of [1, 2, 3])
      await dao.as(i).governance.castGovernanceVote({ proposalId: paid, support: "for" });
    await chain.advance(votingPeriod + 1);
    await bob.governance.queueProposal({ proposalId: paid });
    treasury = await getTreasury(dao.readOnly);
    const queued = { block: await chain.publicClient.getBlockNumber(), treasury };
    expect(treasury.pending).toEqual([
      {
        proposalId: paid,
        title: "Pay Carol a little",
        stage: "vetoWindow",
        eth: parseEther("1"),
        tokens: [{ token: token.address, amount: parseEther("10") }],
      },
    ]);
    await chain.advance(Number(operationalDelay) + 1);
    await bob.governance.executeProposal({ proposalId: paid });

    treasury = await getTreasury(dao.readOnly);
    expect(treasury.eth).toBe(parseEther("4"));
    expect(treasury.tokens[0]!.balance).toBe(parseEther("90"));
    expect(treasury.pending.map((entry) => entry.proposalId)).not.toContain(tooLarge); // defeated: nobody voted
    const out = treasury.payments.filter((payment) => payment.direction === "out");
    expect(out).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ asset: "ETH", amount: parseEther("1"), counterparty: carol }),
        expect.objectContaining({ asset: token.address, amount: parseEther("10"), counterparty: carol }),
      ]),
    );
    expect(out.every((payment) => payment.timestamp > 0n)).toBe(true);

    // At the block it was queued: the treasury as it was then (balances, payments, the pending payment).
    expect(await getTreasury(dao.readOnly, { blockNumber: queued.block })).toEqual(queued.treasury);
    expect(await getTreasury(dao.readOnly, { blockTag: "latest" })).toEqual(treasury);
    // Before the DAO received anything: nothing held, nothing paid.
    const empty = await getTreasury(dao.readOnly, { blockNumber: deployedAt });
    expect(empty).toMatchObject({ eth: 0n, tokens: [], payments: [], pending: [] });
  });

  it("refuses a block given twice or malformed before any request", async () => {
    const dao = await chain.deploy();
    const { client, methods } = await chain.countingPublicClient();
    const counted = createConcordClient({
      publicClient: client,
      addresses: dao.addresses,
      startBlock: dao.startBlock,
    });
    for (const parameters of [
      { blockNumber: 1n, blockTag: "latest" },
      { blockNumber: -1n },
      { blockTag: "soon" },
    ]) {
      const error = await rejection(getTreasury(counted, parameters as never));
      expect(error).toBeInstanceOf(InvalidInputError);
    }
    expect(methods).toEqual([]);
  });
});
