/**
 * The SDK on the DAO exactly as the Ignition module deploys it (`ignition/modules/Concord.ts`), found through
 * a deployment record by contract name: a brand-new DAO with founding members and no recognised cell passes
 * its first constitutional proposal (the genesis rule: the seat-less operational house carries the
 * community's approval), and its cells' delegates then hold the seats.
 */
import { encodeFunctionData, getAddress, zeroAddress } from "viem";
import { beforeAll, describe, expect, it } from "vitest";

import ConcordModule from "../../ignition/modules/Concord.ts";
import { cellRegistryAbi, createConcordClient } from "../../sdk/index.ts";
import type { Deployment } from "../../sdk/index.ts";
import { createTestChain } from "./fixture.ts";
import type { TestChain } from "./fixture.ts";

let chain: TestChain;
beforeAll(async () => {
  chain = await createTestChain();
});

describe("a DAO deployed by the Ignition module", () => {
  it("recognises its first cells by a constitutional proposal (genesis rule); their delegates then hold seats", async () => {
    const { accounts, publicClient, walletClients, networkHelpers } = chain;
    const startBlock = (await publicClient.getBlockNumber()) + 1n;
    const founders = accounts.slice(1, 4);
    const result = await chain.connection.ignition.deploy(ConcordModule, {
      parameters: {
        Concord: {
          initialMembers: founders,
          guardian: zeroAddress,
          operationalVotingDelay: 60,
          operationalVotingPeriod: 600,
          communityVotingDelay: 60,
          communityVotingPeriod: 600,
          lateQuorumExtension: 120,
          communityQuorumFloor: 2,
          operationalQuorumFloor: 1,
          operationalDelay: 300,
          constitutionalDelay: 900,
        },
      },
    });
    const record = (contract: { address: string }) => ({ address: getAddress(contract.address), startBlock });
    const deployment: Deployment = {
      chainId: 31337,
      name: "ignition-test",
      contracts: {
        CellRegistry: record(result.cellRegistry),
        AgreementRegistry: record(result.agreementRegistry),
        ResourceLeases: record(result.resourceLeases),
        ConcordTimelock: record(result.concordTimelock),
        GovernanceClassifier: record(result.governanceClassifier),
        OperationalHouse: record(result.operationalHouse),
        CommunityHouse: record(result.communityHouse),
        ConcordMembership: record(result.concordMembership!),
      },
    };
    const as = (i: number) =>
      createConcordClient({ publicClient, walletClient: walletClients[i]!, deployment });
    const [bob, carol, dave] = [1, 2, 3].map(as) as [
      ReturnType<typeof as>,
      ReturnType<typeof as>,
      ReturnType<typeof as>,
    ];

    expect(await bob.governance.getGovernanceContracts()).toMatchObject({
      operationalHouse: deployment.contracts.OperationalHouse!.address,
      votesToken: deployment.contracts.ConcordMembership!.address,
      timelock: deployment.contracts.ConcordTimelock!.address,
    });
    const settings = await bob.governance.getGovernanceSettings();
    expect(settings).toMatchObject({ operationalDelay: 300n, constitutionalDelay: 900n, guardian: null });

    // Two cells, with Bob and Carol as their delegates: no seat counts until governance recognises them.
    const { cellId: infra } = await bob.cells.createCell({ name: "Infra" });
    const { cellId: research } = await carol.cells.createCell({ name: "Research" });
    await bob.cells.setRoles({ cellId: infra, account: accounts[1]!, roles: 1 | 2 | 4 });
    await carol.cells.setRoles({ cellId: research, account: accounts[2]!, roles: 1 | 2 | 4 });
    const calls = [infra, research].map((cellId) => ({
      target: deployment.contracts.CellRegistry!.address,
      data: encodeFunctionData({ abi: cellRegistryAbi, functionName: "setRecognised", args: [cellId, true] }),
    }));
    const { proposalId, house } = await dave.governance.proposeGovernance({
      calls,
      description: "Recognise our first cells",
    });
    expect(house).toBe("community");
    await networkHelpers.time.increase(61);
    for (const member of [bob, carol, dave])
      await member.governance.castGovernanceVote({ proposalId, support: "for" });
    await networkHelpers.time.increase(601);
    await dave.governance.carryProposal({ proposalId });
    let proposal = await dave.governance.getProposal({ proposalId });
    expect(proposal.stage).toBe("operationalVote");
    // Nobody holds a seat at the snapshot: the genesis rule lets the community's approval carry it.
    await networkHelpers.time.increase(661);
    proposal = await dave.governance.getProposal({ proposalId });
    expect(proposal.operational).toMatchObject({ state: "succeeded", forVotes: 0n });
    expect(proposal.stage).toBe("awaitingQueue");
    await dave.governance.queueProposal({ proposalId });
    await networkHelpers.time.increase(901);
    await dave.governance.executeProposal({ proposalId });
    expect((await dave.governance.getProposal({ proposalId })).stage).toBe("executed");
    expect(await bob.governance.getVotingPower({ account: accounts[1]! })).toMatchObject({
      seats: 1n,
      communityVotes: 1n,
      member: true,
    });
  });
});
