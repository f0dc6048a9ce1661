/**
 * Reads at a block (viem's `blockNumber` / `blockTag`): each module's reads return the state of an older block
 * after the chain moved on — contract reads, batched reads and reads rebuilt from event logs — and a read given
 * both a number and a tag is refused with a typed error that names both.
 */
import { describe, expect, it } from "vitest";

import { InvalidInputError, createConcordClient } from "../../sdk/index.ts";
import type {
  AgreementStatusOfParameters,
  CellCountParameters,
  GetCellParameters,
  GetVotingPowerParameters,
  LeaseOfParameters,
  ListProposalsParameters,
} from "../../sdk/index.ts";
import { createAgreementsChain, TERMS } from "./agreements.fixture.ts";
import { rejection } from "./fixture.ts";
import { createTestChain } from "./fixture.ts";
import { createGovernanceChain, createCellCall } from "./governance.fixture.ts";
import { createLeasesChain } from "./leases.fixture.ts";

describe("types", () => {
  it("each read's XParameters take blockNumber or blockTag, and not both (checked by tsc)", () => {
    const reads: unknown[] = [
      { cellId: 1n, blockNumber: 1n } satisfies GetCellParameters,
      { blockTag: "safe" } satisfies NonNullable<CellCountParameters>,
      { agreementId: 1n, blockTag: "finalized" } satisfies AgreementStatusOfParameters,
      { resourceId: 1n, blockNumber: 2n } satisfies LeaseOfParameters,
      {
        account: "0x0000000000000000000000000000000000000001",
        blockNumber: 3n,
      } satisfies GetVotingPowerParameters,
      { stage: "executable", blockTag: "latest" } satisfies ListProposalsParameters,
    ];
    // @ts-expect-error -- a read takes a block number or a tag, never both
    const both: GetCellParameters = { cellId: 1n, blockNumber: 1n, blockTag: "safe" };
    // @ts-expect-error -- a block number is a bigint
    const number: LeaseOfParameters = { resourceId: 1n, blockNumber: 1 };
    expect([...reads, both, number]).toHaveLength(8);
  });
});

describe("cells: reads at a block", () => {
  it("contract reads, batched reads and event-rebuilt reads return the older block's state", async () => {
    const chain = await createTestChain();
    const { concord, readOnly } = await chain.deploy();
    const alice = chain.accounts[1]!;
    await concord.cells.createCell({ name: "Ops" });
    const before = await chain.publicClient.getBlockNumber();
    await concord.cells.addMember({ cellId: 1n, account: alice });
    await concord.cells.createCell({ name: "Research" });
    await concord.cells.updateNucleus({ cellId: 1n, nucleusURI: "ipfs://later" });

    // Now: two members, two cells, the new nucleus.
    expect(await readOnly.cells.memberCount({ cellId: 1n })).toBe(2);
    expect(await readOnly.cells.memberCount({ cellId: 1n, blockTag: "latest" })).toBe(2);
    expect(await readOnly.cells.cellCount()).toBe(2n);
    // At `before`: the founder alone, one cell, no nucleus URI.
    expect(await readOnly.cells.memberCount({ cellId: 1n, blockNumber: before })).toBe(1);
    expect(await readOnly.cells.isMember({ cellId: 1n, account: alice, blockNumber: before })).toBe(false);
    expect(await readOnly.cells.cellCount({ blockNumber: before })).toBe(1n);
    const then = await readOnly.cells.getCell({ cellId: 1n, blockNumber: before });
    expect(then).toMatchObject({ name: "Ops", memberCount: 1, nucleusURI: "" });
    expect((await readOnly.cells.getCell({ cellId: 1n })).nucleusURI).toBe("ipfs://later");
    const [batched] = await readOnly.cells.getCells({ cellIds: [1n], blockNumber: before });
    expect(batched!.memberCount).toBe(1);
    expect(
      (await readOnly.cells.getMembers({ cellId: 1n, blockNumber: before })).items.map((m) => m.account),
    ).toEqual([chain.accounts[0]]);
    expect((await readOnly.cells.listCells({ blockNumber: before })).items.map((cell) => cell.id)).toEqual([
      1n,
    ]);
    expect((await readOnly.cells.listCells()).items.map((cell) => cell.id)).toEqual([1n, 2n]);
    expect((await readOnly.cells.getDirectory({ blockNumber: before })).others.map((c) => c.id)).toEqual([
      1n,
    ]);
    // The cell did not exist before it was created: refused in words, as at the head.
    const missing = await rejection(readOnly.cells.getCellInfo({ cellId: 2n, blockNumber: before }));
    expect((missing as Error).message).toMatch(/Cell 2 does not exist/);
  });

  it("refuses a read given both blockNumber and blockTag, naming both, before anything is sent", async () => {
    const chain = await createTestChain();
    const { readOnly } = await chain.deploy();
    for (const read of [
      () => readOnly.cells.memberCount({ cellId: 1n, blockNumber: 3n, blockTag: "safe" } as never),
      () => readOnly.cells.cellCount({ blockNumber: 3n, blockTag: "safe" } as never),
      () => readOnly.cells.getCell({ cellId: 1n, blockNumber: 3n, blockTag: "safe" } as never),
      () => readOnly.cells.getCells({ cellIds: [], blockNumber: 3n, blockTag: "safe" } as never),
      () => readOnly.cells.getMembers({ cellId: 1n, blockNumber: 3n, blockTag: "safe" } as never),
      () => readOnly.leases.leaseOf({ resourceId: 1n, blockNumber: 3n, blockTag: "safe" } as never),
      () => readOnly.agreements.agreementCount({ blockNumber: 3n, blockTag: "safe" } as never),
      () =>
        readOnly.governance.getVotingPower({
          account: chain.accounts[1]!,
          blockNumber: 3n,
          blockTag: "safe",
        } as never),
    ]) {
      const error = await rejection(read());
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).shortMessage).toBe(
        'Invalid blockNumber: give blockNumber (3) or blockTag ("safe"), not both.',
      );
      expect((error as InvalidInputError).value).toEqual({ blockNumber: 3n, blockTag: "safe" });
    }
    const negative = await rejection(readOnly.cells.cellCount({ blockNumber: -1n }));
    expect((negative as InvalidInputError).shortMessage).toBe(
      "Invalid blockNumber: expected a non-negative bigint.",
    );
    const tag = await rejection(readOnly.cells.cellCount({ blockTag: "newest" as never }));
    expect((tag as InvalidInputError).parameter).toBe("blockTag");
  });

  it("goes to the chain, not the indexer (which serves the head), when a block is given", async () => {
    const chain = await createTestChain();
    const { address, startBlock, concord } = await chain.deploy();
    await concord.cells.createCell({ name: "Ops" });
    const block = await chain.publicClient.getBlockNumber();
    const asked: string[] = [];
    const viaIndexer = createConcordClient({
      publicClient: chain.publicClient,
      addresses: { cellRegistry: address },
      startBlock,
      reads: "indexer",
      indexer: {
        url: "http://127.0.0.1:18801",
        fetch: async (url) => {
          asked.push(String(url));
          throw new Error("the indexer must not be asked");
        },
      },
    });
    expect((await viaIndexer.cells.getMembers({ cellId: 1n, blockNumber: block })).items.length).toBe(1);
    expect((await viaIndexer.cells.getCell({ cellId: 1n, blockTag: "latest" })).name).toBe("Ops");
    expect(asked).toEqual([]);
    // Without a block the same read asks the indexer (and fails here, since none runs).
    await rejection(viaIndexer.cells.getMembers({ cellId: 1n }));
    expect(asked.length).toBeGreaterThan(0);
  });
});

describe("agreements: reads at a block", () => {
  it("returns the status, acknowledgements and the rebuilt agreement of the older block", async () => {
    const chain = await createAgreementsChain();
    const { as, readOnly } = await chain.deploy();
    const [, alice, bob] = chain.accounts as [string, `0x${string}`, `0x${string}`];
    const { agreementId, termsHash } = await as(3).agreements.proposeAgreement({
      accounts: [alice, bob],
      terms: TERMS,
      title: "Reads at a block",
      termsURI: "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy5",
    });
    const before = await chain.publicClient.getBlockNumber();
    await as(1).agreements.acknowledgeAgreement({ agreementId, termsHash });
    await as(2).agreements.acknowledgeAgreement({ agreementId, termsHash });

    expect(await readOnly.agreements.agreementStatusOf({ agreementId })).toBe(2); // active
    expect(await readOnly.agreements.agreementStatusOf({ agreementId, blockNumber: before })).toBe(1); // proposed
    expect(await readOnly.agreements.hasAcknowledged({ agreementId, account: alice })).toBe(true);
    expect(
      await readOnly.agreements.hasAcknowledged({ agreementId, account: alice, blockNumber: before }),
    ).toBe(false);
    const then = await readOnly.agreements.getAgreement({ agreementId, blockNumber: before });
    expect(then.statusName).toBe("proposed");
    expect(then.parties.map((party) => party.acknowledged)).toEqual([false, false]);
    const now = await readOnly.agreements.getAgreement({ agreementId });
    expect(now.statusName).toBe("active");
    expect(now.parties.map((party) => party.acknowledged)).toEqual([true, true]);
    expect(await readOnly.agreements.agreementCount({ blockNumber: before - 1n })).toBe(0n);
  });
});

describe("leases: reads at a block", () => {
  it("returns the lease, queue and resource of the older block", async () => {
    const chain = await createLeasesChain();
    const f = await chain.fixture();
    const before = await chain.publicClient.getBlockNumber();
    await f.alice.leases.acquireLease({ resourceId: f.resourceId, duration: 600 });
    await f.bob.leases.enqueueForLease({ resourceId: f.resourceId });
    const resourceId = f.resourceId;

    expect((await f.readOnly.leases.leaseOf({ resourceId })).holder).toBe(chain.names.alice);
    expect((await f.readOnly.leases.leaseOf({ resourceId, blockNumber: before })).holder).toBeNull();
    expect(await f.readOnly.leases.queueOf({ resourceId, blockNumber: before })).toEqual([]);
    expect((await f.readOnly.leases.queueOf({ resourceId })).length).toBe(1);
    const then = await f.readOnly.leases.getResource({ resourceId, blockNumber: before });
    expect(then).toMatchObject({ name: "printer", status: "free", lease: null, queue: [] });
    expect((await f.readOnly.leases.getResource({ resourceId })).status).toBe("held");
    const [listed] = (await f.readOnly.leases.listResources({ blockNumber: before })).items;
    expect(listed).toMatchObject({ id: resourceId, holder: null });
    const [pageThen] = (await f.readOnly.leases.getResources({ blockNumber: before })).items;
    expect(pageThen).toMatchObject({ id: resourceId, status: "free", lease: null, queue: [] });
    expect((await f.readOnly.leases.getResources({})).items[0]).toMatchObject({ status: "held" });
    expect(
      (await f.readOnly.leases.leasesOf({ account: chain.names.alice, blockNumber: before })).items,
    ).toEqual([]);
    expect((await f.readOnly.leases.leasesOf({ account: chain.names.alice })).items.length).toBe(1);
    expect(await f.readOnly.leases.resourceCount({ blockNumber: f.startBlock + 1n })).toBe(0n);
  });
});

describe("governance: reads at a block", () => {
  it("returns the voting power and the proposals of the older block", async () => {
    const chain = await createGovernanceChain();
    const dao = await chain.deploy();
    const [member, other] = [chain.accounts[4]!, chain.accounts[5]!];
    const before = await chain.publicClient.getBlockNumber();
    await dao.as(5).governance.delegateVotes({ delegatee: member });
    const { proposalId, house } = await dao.as(1).governance.proposeGovernance({
      calls: [createCellCall(dao.addresses.cellRegistry, "Later")],
      description: "Create a cell",
    });

    const now = await dao.readOnly.governance.getVotingPower({ account: other });
    const then = await dao.readOnly.governance.getVotingPower({ account: other, blockNumber: before });
    expect(now.delegate).toBe(member);
    expect(then.delegate).not.toBe(member);
    const memberNow = await dao.readOnly.governance.getVotingPower({ account: member });
    const memberThen = await dao.readOnly.governance.getVotingPower({ account: member, blockNumber: before });
    expect(memberNow.communityVotes).toBe(memberThen.communityVotes + 1n);

    expect((await dao.readOnly.governance.listProposals()).items.map((p) => p.id)).toEqual([proposalId]);
    expect(await dao.readOnly.governance.listProposals({ blockNumber: before })).toEqual({
      items: [],
      next: null,
    });
    const missing = await rejection(dao.readOnly.governance.getProposal({ proposalId, blockNumber: before }));
    expect(missing).toBeInstanceOf(InvalidInputError);
    expect(await dao.readOnly.governance.houseState({ proposalId, house })).toBe("pending");
    expect(await dao.readOnly.governance.houseState({ proposalId, house, blockNumber: before })).toBeNull();
    const settings = await dao.readOnly.governance.getGovernanceSettings({ blockNumber: before });
    expect(settings).toEqual(await dao.readOnly.governance.getGovernanceSettings());
  });
});
