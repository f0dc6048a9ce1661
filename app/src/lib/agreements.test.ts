import { getAddress } from "viem";
import type { Address, Hex } from "viem";
import { describe, expect, it } from "vitest";

import type { SignedAcknowledgement } from "../../../sdk/index.ts";
import {
  actingParties,
  canOnAgreement,
  decodeSigned,
  encodeSigned,
  filterAgreements,
  mergeSigned,
  partiesOf,
  submittable,
  waitingParties,
} from "./agreements.ts";
import type { AgreementLike } from "./agreements.ts";
import type { Viewer } from "./permissions.ts";

const bob = getAddress("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
const carol = getAddress("0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc");
const dave = getAddress("0x90f79bf6eb2c4f870365e785982e1f101e93b906");
const hash: Hex = `0x${"ab".repeat(32)}`;

const viewerOf = (account: Address | null): Viewer => ({
  account,
  onRightChain: true,
  chainName: "Local chain",
});
const stewardOf =
  (...cells: bigint[]) =>
  (cellId: bigint) =>
    cells.includes(cellId);

// Carol and cell 2, proposed by Bob; cell 2 acknowledged (bit 1).
const pending: AgreementLike = {
  id: 2n,
  statusName: "proposed",
  proposer: bob,
  accounts: [carol],
  cells: [2n],
  acknowledgedMask: 0b10,
};
const active: AgreementLike = {
  id: 1n,
  statusName: "active",
  proposer: bob,
  accounts: [],
  cells: [2n, 3n],
  acknowledgedMask: 0b11,
};

describe("agreement parties", () => {
  it("orders parties as the registry does and finds who the viewer acts for", () => {
    expect(partiesOf(pending)).toEqual([
      { kind: "account", account: carol },
      { kind: "cell", cellId: 2n },
    ]);
    expect(actingParties(pending, carol, stewardOf())).toEqual([{ kind: "account", account: carol }]);
    expect(actingParties(active, bob, stewardOf(2n))).toEqual([{ kind: "cell", cellId: 2n }]);
    expect(actingParties(active, null, stewardOf(2n))).toEqual([]);
  });

  it("lists only the parties still to acknowledge, while proposed", () => {
    expect(waitingParties(pending, carol, stewardOf())).toEqual([{ kind: "account", account: carol }]);
    // Bob stewards cell 2, which already acknowledged.
    expect(waitingParties(pending, bob, stewardOf(2n))).toEqual([]);
    expect(waitingParties(active, dave, stewardOf(3n))).toEqual([]);
  });

  it("filters by status, cell and mine, newest first", () => {
    const rows = [active, pending];
    expect(
      filterAgreements(rows, { status: "all", mine: false, cellId: null }, null, stewardOf()).map(
        (r) => r.id,
      ),
    ).toEqual([2n, 1n]);
    expect(
      filterAgreements(rows, { status: "active", mine: false, cellId: null }, null, stewardOf()).map(
        (r) => r.id,
      ),
    ).toEqual([1n]);
    expect(
      filterAgreements(rows, { status: "all", mine: false, cellId: 3n }, null, stewardOf()).map((r) => r.id),
    ).toEqual([1n]);
    expect(
      filterAgreements(rows, { status: "all", mine: true, cellId: null }, carol, stewardOf()).map(
        (r) => r.id,
      ),
    ).toEqual([2n]);
    expect(
      filterAgreements(rows, { status: "all", mine: true, cellId: null }, dave, stewardOf(3n)).map(
        (r) => r.id,
      ),
    ).toEqual([1n]);
  });
});

describe("agreement permissions", () => {
  it("says why an action is not the viewer's", () => {
    expect(canOnAgreement("acknowledge", viewerOf(null), pending, null)).toEqual({
      ok: false,
      reason: "Connect a wallet to do this.",
    });
    expect(canOnAgreement("acknowledge", viewerOf(dave), pending, null)).toEqual({
      ok: false,
      reason: "Only a party of agreement 2 (or a steward of a cell party) can do this.",
    });
    expect(canOnAgreement("acknowledge", viewerOf(bob), pending, { kind: "cell", cellId: 2n })).toEqual({
      ok: false,
      reason: "Cell 2 already acknowledged agreement 2.",
    });
    expect(canOnAgreement("sign", viewerOf(carol), pending, { kind: "account", account: carol })).toEqual({
      ok: true,
    });
    expect(canOnAgreement("decline", viewerOf(bob), pending, { kind: "cell", cellId: 2n })).toEqual({
      ok: true,
    });
    expect(
      canOnAgreement("terminate", viewerOf(carol), pending, { kind: "account", account: carol }),
    ).toEqual({
      ok: false,
      reason: "Agreement 2 is proposed: only an active one can be terminated.",
    });
    expect(canOnAgreement("acknowledge", viewerOf(bob), active, { kind: "cell", cellId: 2n })).toEqual({
      ok: false,
      reason: "Agreement 1 is active: it is no longer waiting for acknowledgements.",
    });
    expect(canOnAgreement("amend", viewerOf(bob), active, { kind: "cell", cellId: 2n })).toEqual({
      ok: true,
    });
  });

  it("lets only the proposer withdraw, and only while proposed", () => {
    expect(canOnAgreement("withdraw", viewerOf(bob), pending, null)).toEqual({ ok: true });
    expect(canOnAgreement("withdraw", viewerOf(carol), pending, { kind: "account", account: carol })).toEqual(
      {
        ok: false,
        reason: "Only the proposer of agreement 2 can withdraw it.",
      },
    );
    expect(canOnAgreement("withdraw", viewerOf(bob), active, null).ok).toBe(false);
  });
});

describe("signed acknowledgements as text", () => {
  const signed: SignedAcknowledgement = {
    agreementId: 2n,
    cellId: 0n,
    signer: carol,
    termsHash: hash,
    deadline: 2_000_000_000n,
    nonce: 0n,
    signature: `0x${"11".repeat(65)}`,
  };

  it("round-trips one, several as an array, and several as lines", () => {
    const text = encodeSigned(signed);
    expect(decodeSigned(text)).toEqual([signed]);
    const forCell = { ...signed, cellId: 3n, signer: dave };
    expect(decodeSigned(`[${text},${encodeSigned(forCell)}]`)).toEqual([signed, forCell]);
    expect(decodeSigned(`${text}\n${encodeSigned(forCell)}\n`)).toEqual([signed, forCell]);
  });

  it("says what is wrong with a bad paste", () => {
    expect(() => decodeSigned("  ")).toThrow("Paste a signed acknowledgement first.");
    expect(() => decodeSigned("hello")).toThrow(/not a signed acknowledgement/);
    expect(() =>
      decodeSigned(JSON.stringify({ ...JSON.parse(encodeSigned(signed)), signer: "0x12" })),
    ).toThrow("signer is not an address.");
    expect(() =>
      decodeSigned(JSON.stringify({ ...JSON.parse(encodeSigned(signed)), termsHash: "0xabcd" })),
    ).toThrow("termsHash is not 32 bytes long.");
    expect(() => decodeSigned(`[${encodeSigned(signed)}, {"agreementId": "x"}]`)).toThrow(/^Signature 2: /);
  });

  it("keeps one signature per agreement and party, and submits only the usable ones", () => {
    const newer = { ...signed, deadline: 2_100_000_000n };
    const forCell = { ...signed, cellId: 2n, signer: bob };
    const kept = mergeSigned([signed, forCell], [newer]);
    expect(kept).toEqual([newer, forCell]);
    // Cell 2 already acknowledged; Carol's is usable, not after its deadline nor on other terms.
    expect(submittable(kept, pending, hash, 1_000n)).toEqual([newer]);
    expect(submittable(kept, pending, hash, 2_200_000_000n)).toEqual([]);
    expect(submittable(kept, pending, `0x${"cd".repeat(32)}`, 1_000n)).toEqual([]);
  });
});
