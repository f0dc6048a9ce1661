/**
 * The dashboard's treasury card reads the timelock's ETH balance inside the SDK `getDashboard`'s one batch of live values
 * (Multicall3's `getEthBalance`): no request of its own. Without a deployed Multicall3 (the deployless form)
 * there is no address to ask, and the card links to the Treasury page instead.
 */
import { parseEther } from "viem";
import { beforeAll, describe, expect, it } from "vitest";

import { createConcordClient, getDashboard } from "../../../sdk/index.ts";
import { createCellCall, createGovernanceChain } from "../../../test/sdk/governance.fixture.ts";
import type { GovernanceChain } from "../../../test/sdk/governance.fixture.ts";
import { pendingEthOutflow } from "../pages/dashboard/treasurySection.tsx";
import { proposalRows } from "./proposals.ts";

let chain: GovernanceChain;
beforeAll(async () => {
  chain = await createGovernanceChain();
});

describe("the dashboard's treasury read", () => {
  it("reads the timelock's ETH in the state multicall, and the open proposals' ETH outflow", async () => {
    const dao = await chain.deploy();
    const [funder] = await chain.viem.getWalletClients();
    const timelock = dao.addresses.concordTimelock;
    await funder!.sendTransaction({ to: timelock, value: parseEther("5") });
    const carol = chain.accounts[2]!;
    await dao.as(1).governance.proposeGovernance({
      calls: [{ target: carol, value: parseEther("1000") }],
      description: "Pay Carol a lot",
    });
    await dao.as(1).governance.proposeGovernance({
      calls: [createCellCall(dao.addresses.cellRegistry, "Ops")],
      description: "Create Ops",
    });

    const { client, methods } = await chain.countingPublicClient({ multicall3: true });
    const concord = createConcordClient({
      publicClient: client,
      addresses: dao.addresses,
      startBlock: dao.startBlock,
    });
    const { events, state } = await getDashboard(concord, { directory: false });
    expect(methods).toEqual(["eth_getLogs", "eth_call"]);
    expect(state.treasury).toEqual({ address: timelock, eth: parseEther("5") });
    const rows = proposalRows(events, state, state.chainTime!, false);
    expect(pendingEthOutflow(rows)).toEqual({ eth: parseEther("1000"), proposals: 1 });
    // A final stage pays nothing.
    expect(pendingEthOutflow(rows.map((row) => ({ ...row, stage: "defeated" as const })))).toEqual({
      eth: 0n,
      proposals: 0,
    });

    // No deployed Multicall3: no balance read, and still one call.
    const { client: plain, methods: plainMethods } = await chain.countingPublicClient();
    const deployless = createConcordClient({
      publicClient: plain,
      addresses: dao.addresses,
      startBlock: dao.startBlock,
    });
    const { state: without } = await getDashboard(deployless, { directory: false });
    expect(without.treasury).toBeNull();
    expect(without.proposals.size).toBe(2);
    expect(plainMethods).toEqual(["eth_getLogs", "eth_call"]);
  });
});
