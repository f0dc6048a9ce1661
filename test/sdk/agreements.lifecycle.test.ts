import { getAddress, keccak256, stringToBytes, zeroHash } from "viem";
import type { Address } from "viem";
import { beforeAll, describe, expect, it } from "vitest";

import {
  AgreementStatus,
  ContractRefusalError,
  InvalidInputError,
  NoDeploymentError,
  Roles,
  agreementLimits,
  createConcordClient,
  getAgreement,
  hashTerms,
} from "../../sdk/index.ts";
import type { ConcordClient } from "../../sdk/index.ts";
import {
  TERMS,
  TERMS_HASH,
  TERMS_V2,
  TERMS_V2_HASH,
  TITLE,
  URI,
  createAgreementsChain,
} from "./agreements.fixture.ts";
import type { AgreementsChain } from "./agreements.fixture.ts";
import { rejection } from "./fixture.ts";

let chain: AgreementsChain;
let founder: Address;
let alice: Address;
let bob: Address;
let carol: Address;
let dave: Address;

beforeAll(async () => {
  chain = await createAgreementsChain();
  [founder, alice, bob, carol, dave] = chain.accounts as [Address, Address, Address, Address, Address];
});

async function blockTime(blockNumber: bigint): Promise<bigint> {
  return (await chain.publicClient.getBlock({ blockNumber })).timestamp;
}

async function refused(promise: Promise<unknown>, errorName: string): Promise<ContractRefusalError> {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(ContractRefusalError);
  expect((error as ContractRefusalError).errorName).toBe(errorName);
  return error as ContractRefusalError;
}

/** founder creates a top-level cell (founder: steward). */
async function topCell(concord: ConcordClient, name = "Infra"): Promise<bigint> {
  return (await concord.cells.createCell({ name })).cellId;
}

describe("agreements: the full lifecycle through the SDK", () => {
  it("propose → every party acknowledges → active → terminate, with getAgreement and timeline at each step", async () => {
    const { as, concord, readOnly } = await chain.deploy();
    const infra = await topCell(concord);

    // carol proposes without being a party: accounts first, then cells.
    const proposed = await as(3).agreements.proposeAgreement({
      title: TITLE,
      accounts: [alice, bob],
      cells: [infra],
      terms: TERMS,
      termsURI: URI,
    });
    expect(proposed.agreementId).toBe(1n);
    expect(proposed.termsHash).toBe(TERMS_HASH);
    expect(proposed.termsHash).toBe(hashTerms(TERMS));
    expect(proposed.events.map((e) => e.eventName)).toEqual(["AgreementProposed"]);
    const id = proposed.agreementId;

    let agreement = await readOnly.agreements.getAgreement({ agreementId: id });
    expect(agreement).toMatchObject({
      id,
      status: AgreementStatus.PROPOSED,
      statusName: "proposed",
      title: TITLE,
      termsHash: TERMS_HASH,
      termsURI: URI,
      proposer: carol,
      expiresAt: null,
      proposedBlock: proposed.receipt.blockNumber,
      activatedAt: null,
      partyCount: 3,
      acknowledgedCount: 0,
      accounts: [alice, bob],
      cells: [infra],
      amends: null,
      supersededBy: null,
      amendments: [],
      terminatedBy: null,
      terminatedAt: null,
      ending: null,
    });
    expect(agreement.proposedAt).toBe(await blockTime(proposed.receipt.blockNumber));
    expect(agreement.parties.map((p) => [p.kind, p.index, p.acknowledged])).toEqual([
      ["account", 0, false],
      ["account", 1, false],
      ["cell", 2, false],
    ]);

    // Every party acknowledges explicitly, naming the hash.
    const first = await as(1).agreements.acknowledgeAgreement({
      agreementId: id,
      termsHash: proposed.termsHash,
    });
    expect(first.acknowledgements).toEqual([
      { agreementId: id, by: alice, cellId: null, bySignature: false },
    ]);
    expect(first.activated).toEqual([]);
    const forCell = await concord.agreements.acknowledgeAgreementForCell({
      agreementId: id,
      cellId: infra,
      terms: TERMS,
    });
    expect(forCell.acknowledgements).toEqual([
      { agreementId: id, by: founder, cellId: infra, bySignature: false },
    ]);
    expect(await readOnly.agreements.agreementStatusOf({ agreementId: id })).toBe(AgreementStatus.PROPOSED);
    const last = await as(2).agreements.acknowledgeAgreement({ agreementId: id, termsHash: TERMS_HASH });
    expect(last.activated).toEqual([id]);
    expect(last.events.map((e) => e.eventName)).toEqual(["AgreementAcknowledged", "AgreementActivated"]);

    agreement = await readOnly.agreements.getAgreement({ agreementId: id });
    const activatedAt = await blockTime(last.receipt.blockNumber);
    expect(agreement).toMatchObject({
      status: AgreementStatus.ACTIVE,
      statusName: "active",
      acknowledgedCount: 3,
    });
    expect(agreement.activatedAt).toBe(activatedAt);
    expect(agreement.parties).toEqual([
      {
        kind: "account",
        account: alice,
        index: 0,
        acknowledged: true,
        acknowledgement: {
          by: alice,
          cellId: null,
          bySignature: false,
          timestamp: await blockTime(first.receipt.blockNumber),
          blockNumber: first.receipt.blockNumber,
          transactionHash: first.hash,
        },
      },
      {
        kind: "account",
        account: bob,
        index: 1,
        acknowledged: true,
        acknowledgement: {
          by: bob,
          cellId: null,
          bySignature: false,
          timestamp: activatedAt,
          blockNumber: last.receipt.blockNumber,
          transactionHash: last.hash,
        },
      },
      {
        kind: "cell",
        cellId: infra,
        index: 2,
        acknowledged: true,
        acknowledgement: {
          by: founder,
          cellId: infra,
          bySignature: false,
          timestamp: await blockTime(forCell.receipt.blockNumber),
          blockNumber: forCell.receipt.blockNumber,
          transactionHash: forCell.hash,
        },
      },
    ]);

    // The plain reads agree.
    expect(await readOnly.agreements.hasAcknowledged({ agreementId: id, account: alice })).toBe(true);
    expect(await readOnly.agreements.hasAcknowledged({ agreementId: id, account: carol })).toBe(false);
    expect(await readOnly.agreements.hasAcknowledgedCell({ agreementId: id, cellId: infra })).toBe(true);
    expect(await readOnly.agreements.isAgreementParty({ agreementId: id, account: bob })).toBe(true);
    expect(await readOnly.agreements.isAgreementParty({ agreementId: id, account: carol })).toBe(false);
    expect(await readOnly.agreements.isAgreementCellParty({ agreementId: id, cellId: infra })).toBe(true);
    expect(await readOnly.agreements.agreementPartiesOf({ agreementId: id })).toEqual({
      accounts: [alice, bob],
      cells: [infra],
    });
    expect(await readOnly.agreements.agreementCount()).toBe(1n);
    expect(await readOnly.agreements.agreementsCellRegistry()).toBe(readOnly.addresses.cellRegistry);
    expect((await readOnly.agreements.getAgreementInfo({ agreementId: id })).acknowledgedMask).toBe(0b111);

    // Any party ends it; the record keeps who and when.
    const ended = await as(2).agreements.terminateAgreement({ agreementId: id });
    expect(ended.events.map((e) => e.eventName)).toEqual(["AgreementTerminated"]);
    agreement = await readOnly.agreements.getAgreement({ agreementId: id });
    const terminatedAt = await blockTime(ended.receipt.blockNumber);
    expect(agreement).toMatchObject({
      status: AgreementStatus.TERMINATED,
      statusName: "terminated",
      terminatedBy: bob,
      terminatedAt,
      ending: {
        kind: "terminated",
        by: bob,
        cellId: null,
        amendmentId: null,
        timestamp: terminatedAt,
        blockNumber: ended.receipt.blockNumber,
        transactionHash: ended.hash,
      },
    });

    const steps = await readOnly.agreements.agreementTimeline({ agreementId: id });
    expect(steps.map((s) => s.kind)).toEqual([
      "proposed",
      "acknowledged",
      "acknowledged",
      "acknowledged",
      "activated",
      "terminated",
    ]);
    expect(steps[0]).toMatchObject({
      kind: "proposed",
      by: carol,
      title: TITLE,
      termsHash: TERMS_HASH,
      termsURI: URI,
      amends: null,
    });
    expect(
      steps.filter((s) => s.kind === "acknowledged").map((s) => ("by" in s ? [s.by, s.cellId] : [])),
    ).toEqual([
      [alice, null],
      [founder, infra],
      [bob, null],
    ]);
    expect(steps[4]!.timestamp).toBe(activatedAt);
    expect(steps[5]).toMatchObject({ kind: "terminated", by: bob, timestamp: terminatedAt });
  });

  it("a party declines (→ rejected, even after acknowledging), a steward declines for a cell, the proposer withdraws", async () => {
    const { as, concord, readOnly } = await chain.deploy();
    const infra = await topCell(concord);

    const { agreementId: declined } = await as(3).agreements.proposeAgreement({
      title: TITLE,
      termsURI: URI,
      accounts: [alice, bob],
      termsHash: TERMS_HASH,
    });
    await as(1).agreements.acknowledgeAgreement({ agreementId: declined, termsHash: TERMS_HASH });
    const decline = await as(1).agreements.declineAgreement({ agreementId: declined });
    expect(decline.events.map((e) => e.eventName)).toEqual(["AgreementDeclined"]);
    const rejected = await readOnly.agreements.getAgreement({ agreementId: declined });
    expect(rejected).toMatchObject({
      statusName: "rejected",
      ending: { kind: "declined", by: alice, cellId: null, transactionHash: decline.hash },
    });

    const { agreementId: forCell } = await as(1).agreements.proposeAgreement({
      title: TITLE,
      termsURI: URI,
      accounts: [alice],
      cells: [infra],
      terms: TERMS,
    });
    await concord.agreements.declineAgreementForCell({ agreementId: forCell, cellId: infra });
    expect(await readOnly.agreements.getAgreement({ agreementId: forCell })).toMatchObject({
      statusName: "rejected",
      ending: { kind: "declined", by: founder, cellId: infra },
    });

    const { agreementId: withdrawn } = await as(3).agreements.proposeAgreement({
      title: TITLE,
      termsURI: URI,
      accounts: [alice, bob],
      terms: TERMS,
    });
    await as(3).agreements.withdrawAgreement({ agreementId: withdrawn });
    expect(await readOnly.agreements.getAgreement({ agreementId: withdrawn })).toMatchObject({
      statusName: "withdrawn",
      ending: { kind: "withdrawn", by: carol },
    });
    expect(
      (await readOnly.agreements.agreementTimeline({ agreementId: withdrawn })).map((s) => s.kind),
    ).toEqual(["proposed", "withdrawn"]);
    // Final states stay final.
    await refused(
      as(1).agreements.acknowledgeAgreement({ agreementId: withdrawn, termsHash: TERMS_HASH }),
      "AgreementWrongStatus",
    );
    await refused(as(2).agreements.declineAgreement({ agreementId: declined }), "AgreementWrongStatus");
  });

  it("expiry by time: proposed and active agreements read as expired with no transaction, and refuse every action", async () => {
    const { as, readOnly } = await chain.deploy();
    const now = await chain.now();
    const { agreementId: pending, events } = await as(1).agreements.proposeAgreement({
      title: TITLE,
      termsURI: URI,
      accounts: [alice, bob],
      terms: TERMS,
      expiresAt: now + 3_600n,
    });
    expect(events[0]?.eventName === "AgreementProposed" && events[0].args.expiresAt).toBe(now + 3_600n);
    const { agreementId: active } = await as(1).agreements.proposeAgreement({
      title: TITLE,
      termsURI: URI,
      accounts: [alice, bob],
      terms: TERMS,
      expiresAt: new Date(Number(now + 7_200n) * 1000),
    });
    await as(1).agreements.acknowledgeAgreements({
      agreements: [
        { agreementId: active, termsHash: TERMS_HASH },
        { agreementId: pending, termsHash: TERMS_HASH },
      ],
    });
    await as(2).agreements.acknowledgeAgreement({ agreementId: active, termsHash: TERMS_HASH });
    expect(await readOnly.agreements.agreementStatusOf({ agreementId: active })).toBe(AgreementStatus.ACTIVE);
    expect((await readOnly.agreements.getAgreement({ agreementId: pending })).expiresAt).toBe(now + 3_600n);

    await chain.networkHelpers.time.increase(3_600);
    expect(await readOnly.agreements.agreementStatusOf({ agreementId: pending })).toBe(
      AgreementStatus.EXPIRED,
    );
    expect(await readOnly.agreements.agreementStatusOf({ agreementId: active })).toBe(AgreementStatus.ACTIVE);
    const error = await refused(
      as(2).agreements.acknowledgeAgreement({ agreementId: pending, termsHash: TERMS_HASH }),
      "AgreementWrongStatus",
    );
    expect(error.namedArgs).toEqual({
      agreementId: pending,
      status: AgreementStatus.EXPIRED,
      required: AgreementStatus.PROPOSED,
    });
    expect(error.shortMessage).toBe(`Agreement ${pending} is expired; this action needs it to be proposed.`);

    await chain.networkHelpers.time.increase(3_600);
    const expired = await readOnly.agreements.getAgreement({ agreementId: active });
    expect(expired).toMatchObject({ status: AgreementStatus.EXPIRED, statusName: "expired", ending: null });
    expect(expired.activatedAt).not.toBeNull();
    await refused(as(1).agreements.terminateAgreement({ agreementId: active }), "AgreementWrongStatus");
    await refused(
      as(1).agreements.amendAgreement({ title: TITLE, termsURI: URI, agreementId: active, terms: TERMS_V2 }),
      "AgreementWrongStatus",
    );
    await refused(as(1).agreements.declineAgreement({ agreementId: pending }), "AgreementWrongStatus");
    await refused(as(1).agreements.withdrawAgreement({ agreementId: pending }), "AgreementWrongStatus");

    const steps = await readOnly.agreements.agreementTimeline({ agreementId: active });
    expect(steps.map((s) => s.kind)).toEqual([
      "proposed",
      "acknowledged",
      "acknowledged",
      "activated",
      "expired",
    ]);
    expect(steps.at(-1)).toEqual({
      agreementId: active,
      kind: "expired",
      reason: "time",
      timestamp: now + 7_200n,
      blockNumber: null,
      logIndex: null,
      transactionHash: null,
    });
    expect((await readOnly.agreements.listAgreements({ status: "expired" })).items).toHaveLength(2);
  });

  it("amendments: the original stays active until every party acknowledges; then it is superseded and rivals lapse", async () => {
    const { as, concord, readOnly } = await chain.deploy();
    const infra = await topCell(concord);
    const { agreementId: original } = await as(1).agreements.proposeAgreement({
      title: TITLE,
      accounts: [alice, bob],
      cells: [infra],
      terms: TERMS,
      termsURI: URI,
    });
    await as(1).agreements.acknowledgeAgreement({ agreementId: original, terms: TERMS });
    await as(2).agreements.acknowledgeAgreement({ agreementId: original, terms: TERMS });
    await concord.agreements.acknowledgeAgreementForCell({
      agreementId: original,
      cellId: infra,
      terms: TERMS,
    });

    // A party and a cell steward each propose new terms.
    const amended = await as(2).agreements.amendAgreement({
      title: "Three archive nodes for the grants cell",
      agreementId: original,
      terms: TERMS_V2,
      termsURI: `${URI}/v2.md`,
    });
    expect(amended.amendmentId).toBe(original + 1n);
    expect(amended.termsHash).toBe(TERMS_V2_HASH);
    const rivalTerms = `${TERMS}\nRival: one archive node.`;
    const rival = await concord.agreements.amendAgreementForCell({
      title: TITLE,
      termsURI: URI,
      agreementId: original,
      cellId: infra,
      terms: rivalTerms,
    });
    expect(rival.events[0]?.eventName === "AgreementAmendmentProposed" && rival.events[0].args.cellId).toBe(
      infra,
    );

    let amendment = await readOnly.agreements.getAgreement({ agreementId: amended.amendmentId });
    expect(amendment).toMatchObject({
      statusName: "proposed",
      title: "Three archive nodes for the grants cell",
      termsHash: TERMS_V2_HASH,
      termsURI: `${URI}/v2.md`,
      proposer: bob,
      amends: original,
      accounts: [alice, bob],
      cells: [infra],
      acknowledgedCount: 0,
    });
    expect(await readOnly.agreements.getAgreement({ agreementId: original })).toMatchObject({
      statusName: "active",
      amendments: [amended.amendmentId, rival.amendmentId],
    });

    // Acknowledging the amendment names ITS hash; the original's does not fit.
    await refused(
      as(1).agreements.acknowledgeAgreement({ agreementId: amended.amendmentId, termsHash: TERMS_HASH }),
      "AgreementTermsMismatch",
    );
    await as(1).agreements.acknowledgeAgreement({ agreementId: amended.amendmentId, terms: TERMS_V2 });
    await as(2).agreements.acknowledgeAgreement({ agreementId: amended.amendmentId, terms: TERMS_V2 });
    expect(await readOnly.agreements.agreementStatusOf({ agreementId: original })).toBe(
      AgreementStatus.ACTIVE,
    );
    const lastAck = await concord.agreements.acknowledgeAgreementForCell({
      agreementId: amended.amendmentId,
      cellId: infra,
      termsHash: TERMS_V2_HASH,
    });
    expect(lastAck.activated).toEqual([amended.amendmentId]);
    expect(lastAck.superseded).toEqual([{ agreementId: original, amendmentId: amended.amendmentId }]);

    const superseded = await readOnly.agreements.getAgreement({ agreementId: original });
    expect(superseded).toMatchObject({
      status: AgreementStatus.SUPERSEDED,
      statusName: "superseded",
      supersededBy: amended.amendmentId,
      ending: {
        kind: "superseded",
        by: null,
        amendmentId: amended.amendmentId,
        transactionHash: lastAck.hash,
      },
    });
    amendment = await readOnly.agreements.getAgreement({ agreementId: amended.amendmentId });
    expect(amendment.statusName).toBe("active");
    // The rival lapsed when the original stopped being active: it reads as expired.
    expect(await readOnly.agreements.agreementStatusOf({ agreementId: rival.amendmentId })).toBe(
      AgreementStatus.EXPIRED,
    );
    const rivalSteps = await readOnly.agreements.agreementTimeline({ agreementId: rival.amendmentId });
    expect(rivalSteps.map((s) => s.kind)).toEqual(["proposed", "expired"]);
    expect(rivalSteps[0]).toMatchObject({
      kind: "proposed",
      by: founder,
      title: TITLE,
      amends: original,
      cellId: infra,
    });
    expect(rivalSteps[1]).toMatchObject({
      kind: "expired",
      reason: "original",
      timestamp: await blockTime(lastAck.receipt.blockNumber),
    });

    // The active amendment can itself be amended, with the same parties.
    const next = await as(1).agreements.amendAgreement({
      title: TITLE,
      termsURI: URI,
      agreementId: amended.amendmentId,
      terms: `${TERMS_V2}\nv3`,
    });
    expect((await readOnly.agreements.getAgreement({ agreementId: next.amendmentId })).accounts).toEqual([
      alice,
      bob,
    ]);
    // Only active agreements can be amended, and only by a party.
    await refused(
      as(1).agreements.amendAgreement({ title: TITLE, termsURI: URI, agreementId: original, terms: "v9" }),
      "AgreementWrongStatus",
    );
    await refused(
      as(3).agreements.amendAgreement({
        title: TITLE,
        termsURI: URI,
        agreementId: amended.amendmentId,
        terms: "v9",
      }),
      "AgreementNotParty",
    );
  });

  it("cell parties: a steward of an ancestor cell acknowledges for a child cell; a plain member cannot", async () => {
    const { as, concord, readOnly } = await chain.deploy();
    const top = await topCell(concord, "Guild");
    const { cellId: child } = await concord.cells.createCell({ parentId: top, name: "Working group" });
    const { cellId: grandchild } = await concord.cells.createCell({ parentId: child, name: "Task force" });
    await concord.cells.addMember({ cellId: grandchild, account: dave }); // member, not steward
    await concord.cells.addMember({ cellId: child, account: carol, roles: Roles.MEMBER | Roles.STEWARD });

    const { agreementId } = await as(1).agreements.proposeAgreement({
      title: TITLE,
      termsURI: URI,
      accounts: [alice],
      cells: [grandchild, child],
      terms: TERMS,
    });
    const error = await refused(
      as(4).agreements.acknowledgeAgreementForCell({
        agreementId,
        cellId: grandchild,
        termsHash: TERMS_HASH,
      }),
      "AgreementNotSteward",
    );
    expect(error.namedArgs).toEqual({ cellId: grandchild, account: dave });
    expect(error.shortMessage).toContain("is not a steward of cell");

    // founder stewards the top cell, two levels above; carol stewards the child directly.
    const byAncestor = await concord.agreements.acknowledgeAgreementForCell({
      agreementId,
      cellId: grandchild,
      termsHash: TERMS_HASH,
    });
    expect(byAncestor.acknowledgements).toEqual([
      { agreementId, by: founder, cellId: grandchild, bySignature: false },
    ]);
    await as(3).agreements.acknowledgeAgreementForCell({ agreementId, cellId: child, termsHash: TERMS_HASH });
    await refused(
      as(3).agreements.acknowledgeAgreementForCell({ agreementId, cellId: child, termsHash: TERMS_HASH }),
      "AgreementCellAlreadyAcknowledged",
    );
    const { activated } = await as(1).agreements.acknowledgeAgreement({ agreementId, termsHash: TERMS_HASH });
    expect(activated).toEqual([agreementId]);

    const agreement = await readOnly.agreements.getAgreement({ agreementId });
    expect(agreement.parties.map((p) => [p.kind, p.acknowledgement?.by, p.acknowledgement?.cellId])).toEqual([
      ["account", alice, null],
      ["cell", founder, grandchild],
      ["cell", carol, child],
    ]);
    // A steward of the child terminates for it; the record names the steward.
    await as(3).agreements.terminateAgreementForCell({ agreementId, cellId: child });
    expect(await readOnly.agreements.getAgreement({ agreementId })).toMatchObject({
      statusName: "terminated",
      terminatedBy: carol,
      ending: { kind: "terminated", by: carol, cellId: child },
    });
  });

  it("acknowledgeMany acknowledges several agreements in one transaction, all or nothing", async () => {
    const { as, readOnly } = await chain.deploy();
    const ids: bigint[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push(
        (
          await as(3).agreements.proposeAgreement({
            title: TITLE,
            termsURI: URI,
            accounts: [alice, bob],
            terms: `${TERMS} #${i}`,
          })
        ).agreementId,
      );
    }
    const hashOf = (i: number) => keccak256(stringToBytes(`${TERMS} #${i}`));
    await as(2).agreements.acknowledgeAgreement({ agreementId: ids[0]!, termsHash: hashOf(0) });

    // One wrong hash: nothing is acknowledged.
    const before = await readOnly.agreements.getAgreements({ agreementIds: ids });
    await refused(
      as(1).agreements.acknowledgeAgreements({
        agreements: [
          { agreementId: ids[0]!, termsHash: hashOf(0) },
          { agreementId: ids[1]!, termsHash: hashOf(2) },
        ],
      }),
      "AgreementTermsMismatch",
    );
    expect(await readOnly.agreements.getAgreements({ agreementIds: ids })).toEqual(before);

    const many = await as(1).agreements.acknowledgeAgreements({
      agreements: ids.map((agreementId, i) => ({ agreementId, termsHash: hashOf(i) })),
    });
    expect(many.acknowledgements.map((a) => [a.agreementId, a.by])).toEqual(ids.map((id) => [id, alice]));
    expect(many.activated).toEqual([ids[0]]);
    expect(await chain.publicClient.getTransactionCount({ address: alice })).toBeGreaterThan(0);
    const after = await readOnly.agreements.getAgreements({ agreementIds: [ids[2]!, ids[0]!] });
    expect(after.map((a) => [a.id, a.statusName, a.acknowledgedCount])).toEqual([
      [ids[2], "proposed", 1],
      [ids[0], "active", 2],
    ]);
  });
});

describe("agreements: client-side validation and lists", () => {
  it("refuses bad input with InvalidInputError before anything is sent", async () => {
    const { as, concord } = await chain.deploy();
    const infra = await topCell(concord);
    const sender = as(1);
    const txCount = await chain.nonceOf(alice);
    const invalid = async (promise: Promise<unknown>, parameter: string, reason: RegExp) => {
      const error = await rejection(promise);
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).parameter).toBe(parameter);
      expect((error as InvalidInputError).shortMessage).toMatch(reason);
    };
    await invalid(
      sender.agreements.proposeAgreement({ title: TITLE, termsURI: URI, accounts: [alice], terms: TERMS }),
      "parties",
      /at least 2 parties/,
    );
    await invalid(
      sender.agreements.proposeAgreement({ title: TITLE, termsURI: URI, terms: TERMS }),
      "parties",
      /at least 2 parties/,
    );
    const seventeen = Array.from({ length: 17 }, (_, i) =>
      getAddress(`0x${(0x1000 + i).toString(16).padStart(40, "0")}`),
    );
    await invalid(
      sender.agreements.proposeAgreement({ title: TITLE, termsURI: URI, accounts: seventeen, terms: TERMS }),
      "parties",
      /at most 16 parties/,
    );
    await invalid(
      sender.agreements.proposeAgreement({
        title: TITLE,
        termsURI: URI,
        accounts: seventeen.slice(0, 15),
        cells: [infra, 2n],
        terms: TERMS,
      }),
      "parties",
      /at most 16/,
    );
    await invalid(
      sender.agreements.proposeAgreement({
        title: TITLE,
        termsURI: URI,
        accounts: [alice, alice.toLowerCase() as Address],
        terms: TERMS,
      }),
      "accounts[1]",
      /listed twice/,
    );
    await invalid(
      sender.agreements.proposeAgreement({
        title: TITLE,
        termsURI: URI,
        accounts: [alice],
        cells: [infra, infra],
        terms: TERMS,
      }),
      "cells[1]",
      /listed twice/,
    );
    await invalid(
      sender.agreements.proposeAgreement({
        title: TITLE,
        termsURI: URI,
        accounts: [alice],
        cells: [0n],
        terms: TERMS,
      }),
      "cells[0]",
      /start at 1/,
    );
    await invalid(
      sender.agreements.proposeAgreement({
        title: TITLE,
        termsURI: URI,
        accounts: [alice, "0x0000000000000000000000000000000000000000"],
        terms: TERMS,
      }),
      "accounts[1]",
      /zero address/,
    );
    await invalid(
      sender.agreements.proposeAgreement({ title: TITLE, termsURI: URI, accounts: [alice, bob], terms: "" }),
      "terms",
      /empty/,
    );
    await invalid(
      sender.agreements.proposeAgreement({
        title: TITLE,
        termsURI: URI,
        accounts: [alice, bob],
        termsHash: zeroHash,
      }),
      "termsHash",
      /zero/,
    );
    await invalid(
      sender.agreements.proposeAgreement({ title: TITLE, termsURI: URI, accounts: [alice, bob] }),
      "termsHash",
      /terms document/,
    );
    await invalid(
      sender.agreements.proposeAgreement({
        title: TITLE,
        termsURI: URI,
        accounts: [alice, bob],
        termsHash: "0x1234",
      }),
      "termsHash",
      /32 bytes/,
    );
    await invalid(
      sender.agreements.proposeAgreement({
        title: TITLE,
        termsURI: URI,
        accounts: [alice, bob],
        terms: TERMS,
        termsHash: TERMS_HASH,
      }),
      "terms",
      /not both/,
    );
    const now = await chain.now();
    await invalid(
      sender.agreements.proposeAgreement({
        title: TITLE,
        termsURI: URI,
        accounts: [alice, bob],
        terms: TERMS,
        expiresAt: now,
      }),
      "expiresAt",
      /not after/,
    );
    await invalid(
      sender.agreements.proposeAgreement({
        title: TITLE,
        termsURI: URI,
        accounts: [alice, bob],
        terms: TERMS,
        expiresAt: new Date(1_000),
      }),
      "expiresAt",
      /not after/,
    );
    await invalid(sender.agreements.acknowledgeAgreement({ agreementId: 1n }), "termsHash", /terms document/);
    await invalid(sender.agreements.acknowledgeAgreements({ agreements: [] }), "agreements", /at least one/);
    await invalid(
      sender.agreements.acknowledgeAgreements({
        agreements: [
          { agreementId: 1n, termsHash: TERMS_HASH },
          { agreementId: 1n, termsHash: TERMS_HASH },
        ],
      }),
      "agreements[1].agreementId",
      /listed twice/,
    );
    await invalid(
      sender.agreements.acknowledgeAgreements({
        agreements: Array.from({ length: agreementLimits.MAX_BATCH + 1 }, (_, i) => ({
          agreementId: BigInt(i + 1),
          termsHash: TERMS_HASH,
        })),
      }),
      "agreements",
      /at most 32/,
    );
    await invalid(
      sender.agreements.amendAgreement({ title: TITLE, termsURI: URI, agreementId: 1n, terms: "" }),
      "terms",
      /empty/,
    );
    await invalid(
      sender.agreements.declineAgreementForCell({ agreementId: 1n, cellId: 0n }),
      "cellId",
      /start at 1/,
    );
    await invalid(sender.agreements.getAgreement({ agreementId: -1n }), "agreementId", /negative/);
    // Nothing was sent.
    expect(await chain.nonceOf(alice)).toBe(txCount);
    expect(await concord.agreements.agreementCount()).toBe(0n);
  });

  it("listAgreements per account, per cell (with stewarded cells) and by status; getAgreements keeps the order", async () => {
    const { as, concord, readOnly } = await chain.deploy();
    const guild = await topCell(concord, "Guild");
    const { cellId: child } = await concord.cells.createCell({ parentId: guild, name: "Child" });
    const { cellId: other } = await as(2).cells.createCell({ name: "Bob's cell" });

    const a = (
      await as(3).agreements.proposeAgreement({
        title: TITLE,
        termsURI: URI,
        accounts: [alice, bob],
        terms: TERMS,
      })
    ).agreementId;
    const b = (
      await as(3).agreements.proposeAgreement({
        title: TITLE,
        termsURI: URI,
        accounts: [alice],
        cells: [child],
        terms: TERMS,
      })
    ).agreementId;
    const c = (
      await as(3).agreements.proposeAgreement({
        title: TITLE,
        termsURI: URI,
        accounts: [bob],
        cells: [other, guild],
        terms: TERMS,
      })
    ).agreementId;
    await as(3).agreements.withdrawAgreement({ agreementId: a });

    const ids = (page: { items: { id: bigint }[] }) => page.items.map((x) => x.id);
    expect(ids(await readOnly.agreements.listAgreements())).toEqual([a, b, c]);
    expect(ids(await readOnly.agreements.listAgreements({ account: alice }))).toEqual([a, b]);
    expect(ids(await readOnly.agreements.listAgreements({ account: alice, status: "proposed" }))).toEqual([
      b,
    ]);
    expect(ids(await readOnly.agreements.listAgreements({ cell: child }))).toEqual([b]);
    expect(ids(await readOnly.agreements.listAgreements({ cell: guild }))).toEqual([c]);
    expect(ids(await readOnly.agreements.listAgreements({ account: carol }))).toEqual([]);
    // founder stewards guild and, through it, child.
    const stewarded = await readOnly.agreements.listAgreements({
      account: founder,
      includeStewardedCells: true,
    });
    expect(stewarded.items.map((x) => [x.id, x.involvement])).toEqual([
      [b, ["steward"]],
      [c, ["steward"]],
    ]);
    const forBob = await readOnly.agreements.listAgreements({ account: bob, includeStewardedCells: true });
    expect(forBob.items.map((x) => [x.id, x.statusName, x.involvement])).toEqual([
      [a, "withdrawn", ["account"]],
      [c, "proposed", ["account", "steward"]],
    ]);
    expect(forBob.items[1]).toMatchObject({
      proposer: carol,
      accounts: [bob],
      cells: [other, guild],
      termsHash: TERMS_HASH,
      amends: null,
    });
    expect(
      ids(await readOnly.agreements.listAgreements({ status: ["withdrawn", AgreementStatus.PROPOSED] })),
    ).toEqual([a, b, c]);

    const batch = await readOnly.agreements.getAgreements({ agreementIds: [c, a, c] });
    expect(batch.map((x) => x.id)).toEqual([c, a, c]);
    expect(batch[1]!.statusName).toBe("withdrawn");
    await refused(readOnly.agreements.getAgreements({ agreementIds: [a, 99n] }), "AgreementUnknown");
    await refused(readOnly.agreements.getAgreement({ agreementId: 99n }), "AgreementUnknown");
    await refused(readOnly.agreements.agreementTimeline({ agreementId: 99n }), "AgreementUnknown");
    expect(await readOnly.agreements.agreementStatusOf({ agreementId: 99n })).toBe(AgreementStatus.NONE);
  });

  it("getAgreements reads state in one eth_call; tree-shaken actions and clients without an AgreementRegistry", async () => {
    const { as, addresses, startBlock } = await chain.deploy();
    const ids: bigint[] = [];
    for (let i = 0; i < 4; i++)
      ids.push(
        (
          await as(1).agreements.proposeAgreement({
            title: TITLE,
            termsURI: URI,
            accounts: [alice, bob],
            terms: TERMS,
          })
        ).agreementId,
      );
    const { client, methods } = await chain.countingPublicClient();
    const counted = createConcordClient({ publicClient: client, addresses, startBlock });
    const list = await counted.agreements.getAgreements({ agreementIds: ids });
    expect(list).toHaveLength(4);
    expect(methods.filter((m) => m === "eth_call")).toHaveLength(1);
    expect(methods.filter((m) => m === "eth_getLogs")).toHaveLength(2);
    expect((await getAgreement(counted, { agreementId: ids[0]! })).accounts).toEqual([alice, bob]);

    // Without an AgreementRegistry address, agreements actions say so.
    const cellsOnly = createConcordClient({
      publicClient: chain.publicClient,
      addresses: { cellRegistry: addresses.cellRegistry },
    });
    expect(cellsOnly.addresses.agreementRegistry).toBeUndefined();
    const error = await rejection(cellsOnly.agreements.agreementStatusOf({ agreementId: 1n }));
    expect(error).toBeInstanceOf(NoDeploymentError);
    expect((error as NoDeploymentError).shortMessage).toBe(
      "The Concord deployment for chain 31337 has no AgreementRegistry.",
    );
    // The default deployment of the local chain includes it.
    const local = createConcordClient({ publicClient: chain.publicClient });
    expect(local.addresses.agreementRegistry).toBe("0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512");
    expect(() =>
      createConcordClient({
        publicClient: chain.publicClient,
        addresses: { cellRegistry: addresses.cellRegistry, agreementRegistry: "0xnope" as Address },
      }),
    ).toThrow(InvalidInputError);
  });
});
