import { encodeErrorResult, toFunctionSelector, zeroAddress, zeroHash } from "viem";
import type { Address, Hex } from "viem";
import { beforeAll, describe, expect, it } from "vitest";

import {
  ConcordError,
  ContractRefusalError,
  InvalidInputError,
  agreementErrorMessages,
  agreementLimits,
  agreementRegistryAbi,
  concordErrorMessages,
  decodeConcordError,
  shortAddress,
} from "../../sdk/index.ts";
import type { ConcordClient } from "../../sdk/index.ts";
import { executeWrite } from "../../sdk/internal/write.ts";
import { TERMS, TERMS_HASH, TERMS_V2_HASH, URI, createAgreementsChain } from "./agreements.fixture.ts";
import type { AgreementsChain, AgreementsDeployment } from "./agreements.fixture.ts";
import { rejection } from "./fixture.ts";

let chain: AgreementsChain;
let founder: Address;
let alice: Address;
let bob: Address;
let carol: Address;

beforeAll(async () => {
  chain = await createAgreementsChain();
  [founder, alice, bob, carol] = chain.accounts as [Address, Address, Address, Address];
});

/** Asserts that `promise` rejects with a decoded AgreementRegistry refusal and returns it. */
async function refusal(
  promise: Promise<unknown>,
  errorName: string,
  namedArgs?: Record<string, unknown>,
): Promise<ContractRefusalError> {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(ContractRefusalError);
  const refused = error as ContractRefusalError;
  expect(refused.errorName).toBe(errorName);
  expect(refused).toBeInstanceOf(ConcordError);
  if (namedArgs) expect(refused.namedArgs).toEqual(namedArgs);
  // A human sentence, never raw revert data: no selector, nothing longer than an address.
  const item = agreementRegistryAbi.find((entry) => entry.type === "error" && entry.name === errorName);
  expect(item).toBeDefined();
  if (item?.type === "error") {
    const selector = toFunctionSelector(`${item.name}(${item.inputs.map((input) => input.type).join(",")})`);
    expect(refused.shortMessage.toLowerCase()).not.toContain(selector.slice(2));
  }
  expect(refused.shortMessage).not.toMatch(/0x[0-9a-fA-F]{41,}/);
  expect(refused.shortMessage).not.toMatch(/\(Agreement[A-Za-z]+\)/); // not the generic fallback
  return refused;
}

/** Everything a refused write could have touched, to compare before/after. */
async function snapshot(deployed: AgreementsDeployment, ids: bigint[], accounts: Address[]) {
  const { readOnly } = deployed;
  return {
    agreements: await readOnly.agreements.getAgreements({ agreementIds: ids }),
    count: await readOnly.agreements.agreementCount(),
    nonces: await Promise.all(
      ids.flatMap((agreementId) =>
        accounts.map((signer) => readOnly.agreements.agreementNonces({ signer, agreementId })),
      ),
    ),
    transactions: await Promise.all(accounts.map((account) => chain.nonceOf(account))),
  };
}

/** A raw registry write that skips the SDK's own checks, to reach the contract's. */
function raw(client: ConcordClient) {
  return {
    contract: "AgreementRegistry",
    address: client.addresses.agreementRegistry!,
    abi: agreementRegistryAbi,
  } as const;
}

async function pair(client: ConcordClient): Promise<bigint> {
  return (await client.agreements.proposeAgreement({ accounts: [alice, bob], terms: TERMS, termsURI: URI }))
    .agreementId;
}

describe("every AgreementRegistry refusal is a ContractRefusalError with name, args and a human message; state unchanged", () => {
  it("AgreementUnknown (writes and reads)", async () => {
    const deployed = await chain.deploy();
    const { as } = deployed;
    const before = await snapshot(deployed, [], [alice]);
    const error = await refusal(
      as(1).agreements.acknowledgeAgreement({ agreementId: 9n, termsHash: TERMS_HASH }),
      "AgreementUnknown",
      {
        agreementId: 9n,
      },
    );
    expect(error.shortMessage).toBe("Agreement 9 does not exist.");
    expect(error.contract).toBe("AgreementRegistry");
    expect(error.functionName).toBe("acknowledge");
    expect(error.message).toContain("AgreementUnknown(agreementId: 9)");
    await refusal(as(1).agreements.declineAgreement({ agreementId: 9n }), "AgreementUnknown");
    await refusal(as(1).agreements.withdrawAgreement({ agreementId: 9n }), "AgreementUnknown");
    await refusal(as(1).agreements.terminateAgreement({ agreementId: 9n }), "AgreementUnknown");
    await refusal(
      as(1).agreements.amendAgreement({ agreementId: 9n, termsHash: TERMS_V2_HASH }),
      "AgreementUnknown",
    );
    await refusal(as(1).agreements.getAgreementInfo({ agreementId: 9n }), "AgreementUnknown");
    await refusal(as(1).agreements.agreementPartiesOf({ agreementId: 9n }), "AgreementUnknown");
    await refusal(
      as(1).agreements.getAcknowledgeTypedData({ agreementId: 9n, signer: alice, deadline: 1n }),
      "AgreementUnknown",
    );
    expect(await snapshot(deployed, [], [alice])).toEqual(before);
  });

  it("AgreementWrongStatus names the status and the one required", async () => {
    const deployed = await chain.deploy();
    const { as } = deployed;
    const id = await pair(as(3));
    let before = await snapshot(deployed, [id], [alice, bob, carol]);
    const error = await refusal(
      as(1).agreements.terminateAgreement({ agreementId: id }),
      "AgreementWrongStatus",
      {
        agreementId: id,
        status: 1,
        required: 2,
      },
    );
    expect(error.shortMessage).toBe(`Agreement ${id} is proposed; this action needs it to be active.`);
    await refusal(
      as(1).agreements.amendAgreement({ agreementId: id, termsHash: TERMS_V2_HASH }),
      "AgreementWrongStatus",
    );
    expect(await snapshot(deployed, [id], [alice, bob, carol])).toEqual(before);

    await as(1).agreements.acknowledgeAgreement({ agreementId: id, termsHash: TERMS_HASH });
    await as(2).agreements.acknowledgeAgreement({ agreementId: id, termsHash: TERMS_HASH });
    before = await snapshot(deployed, [id], [alice, bob, carol]);
    const active = await refusal(
      as(1).agreements.declineAgreement({ agreementId: id }),
      "AgreementWrongStatus",
    );
    expect(active.shortMessage).toBe(`Agreement ${id} is active; this action needs it to be proposed.`);
    await refusal(as(3).agreements.withdrawAgreement({ agreementId: id }), "AgreementWrongStatus");
    expect(await snapshot(deployed, [id], [alice, bob, carol])).toEqual(before);
  });

  it("AgreementNotParty, AgreementCellNotParty, AgreementNotSteward, AgreementNotProposer", async () => {
    const deployed = await chain.deploy();
    const { as, concord } = deployed;
    const { cellId: infra } = await concord.cells.createCell({ name: "Infra" });
    const { cellId: outsider } = await as(3).cells.createCell({ name: "Outsider" });
    const id = (await as(3).agreements.proposeAgreement({ accounts: [alice], cells: [infra], terms: TERMS }))
      .agreementId;
    const before = await snapshot(deployed, [id], [alice, bob, carol, founder]);

    const notParty = await refusal(
      as(2).agreements.acknowledgeAgreement({ agreementId: id, termsHash: TERMS_HASH }),
      "AgreementNotParty",
      { agreementId: id, account: bob },
    );
    expect(notParty.shortMessage).toBe(`${shortAddress(bob)} is not a party to agreement ${id}.`);
    await refusal(as(2).agreements.declineAgreement({ agreementId: id }), "AgreementNotParty");

    const cellNotParty = await refusal(
      as(3).agreements.acknowledgeAgreementForCell({
        agreementId: id,
        cellId: outsider,
        termsHash: TERMS_HASH,
      }),
      "AgreementCellNotParty",
      { agreementId: id, cellId: outsider },
    );
    expect(cellNotParty.shortMessage).toBe(`Cell ${outsider} is not a party to agreement ${id}.`);

    const notSteward = await refusal(
      as(3).agreements.acknowledgeAgreementForCell({ agreementId: id, cellId: infra, termsHash: TERMS_HASH }),
      "AgreementNotSteward",
      { cellId: infra, account: carol },
    );
    expect(notSteward.shortMessage).toBe(
      `${shortAddress(carol)} is not a steward of cell ${infra} (nor of any cell above it), so it cannot act for the cell.`,
    );
    await refusal(
      as(3).agreements.declineAgreementForCell({ agreementId: id, cellId: infra }),
      "AgreementNotSteward",
    );

    const notProposer = await refusal(
      as(1).agreements.withdrawAgreement({ agreementId: id }),
      "AgreementNotProposer",
      {
        agreementId: id,
        proposer: carol,
        account: alice,
      },
    );
    expect(notProposer.shortMessage).toBe(
      `Only the proposer of agreement ${id} (${shortAddress(carol)}) can withdraw it, not ${shortAddress(alice)}.`,
    );
    expect(await snapshot(deployed, [id], [alice, bob, carol, founder])).toEqual(before);

    // The same checks guard an active agreement's termination and amendment.
    await as(1).agreements.acknowledgeAgreement({ agreementId: id, termsHash: TERMS_HASH });
    await concord.agreements.acknowledgeAgreementForCell({
      agreementId: id,
      cellId: infra,
      termsHash: TERMS_HASH,
    });
    const active = await snapshot(deployed, [id], [alice, bob, carol, founder]);
    await refusal(as(2).agreements.terminateAgreement({ agreementId: id }), "AgreementNotParty");
    await refusal(
      as(3).agreements.terminateAgreementForCell({ agreementId: id, cellId: infra }),
      "AgreementNotSteward",
    );
    await refusal(
      as(3).agreements.amendAgreementForCell({ agreementId: id, cellId: outsider, terms: "x" }),
      "AgreementCellNotParty",
    );
    expect(await snapshot(deployed, [id], [alice, bob, carol, founder])).toEqual(active);
  });

  it("AgreementTermsMismatch, AgreementAlreadyAcknowledged, AgreementCellAlreadyAcknowledged", async () => {
    const deployed = await chain.deploy();
    const { as, concord } = deployed;
    const { cellId: infra } = await concord.cells.createCell({ name: "Infra" });
    const id = (
      await as(3).agreements.proposeAgreement({ accounts: [alice, bob], cells: [infra], terms: TERMS })
    ).agreementId;
    let before = await snapshot(deployed, [id], [alice]);
    const mismatch = await refusal(
      as(1).agreements.acknowledgeAgreement({ agreementId: id, termsHash: TERMS_V2_HASH }),
      "AgreementTermsMismatch",
      { agreementId: id, expected: TERMS_HASH, given: TERMS_V2_HASH },
    );
    expect(mismatch.shortMessage).toBe(
      `The terms of agreement ${id} hash to ${TERMS_HASH.slice(0, 10)}…${TERMS_HASH.slice(-4)}, not ${TERMS_V2_HASH.slice(0, 10)}…${TERMS_V2_HASH.slice(-4)}: read the current terms before acknowledging.`,
    );
    await refusal(
      concord.agreements.acknowledgeAgreementForCell({
        agreementId: id,
        cellId: infra,
        terms: `${TERMS} (edited)`,
      }),
      "AgreementTermsMismatch",
    );
    expect(await snapshot(deployed, [id], [alice])).toEqual(before);

    await as(1).agreements.acknowledgeAgreement({ agreementId: id, termsHash: TERMS_HASH });
    await concord.agreements.acknowledgeAgreementForCell({
      agreementId: id,
      cellId: infra,
      termsHash: TERMS_HASH,
    });
    before = await snapshot(deployed, [id], [alice, founder]);
    const again = await refusal(
      as(1).agreements.acknowledgeAgreement({ agreementId: id, termsHash: TERMS_HASH }),
      "AgreementAlreadyAcknowledged",
      { agreementId: id, account: alice },
    );
    expect(again.shortMessage).toBe(`${shortAddress(alice)} has already acknowledged agreement ${id}.`);
    const cellAgain = await refusal(
      concord.agreements.acknowledgeAgreementForCell({
        agreementId: id,
        cellId: infra,
        termsHash: TERMS_HASH,
      }),
      "AgreementCellAlreadyAcknowledged",
      { agreementId: id, cellId: infra },
    );
    expect(cellAgain.shortMessage).toBe(`Cell ${infra} has already acknowledged agreement ${id}.`);
    expect(await snapshot(deployed, [id], [alice, founder])).toEqual(before);
  });

  it("AgreementSignatureExpired and AgreementInvalidSigner", async () => {
    const deployed = await chain.deploy();
    const { as } = deployed;
    const id = await pair(as(3));
    const deadline = (await chain.now()) + 60n;
    const typedData = await as(1).agreements.getAcknowledgeTypedData({
      agreementId: id,
      signer: alice,
      deadline,
    });
    const signature = await chain.walletClients[1]!.signTypedData({ account: alice, ...typedData });
    const bobsSignature = await chain.walletClients[2]!.signTypedData({ account: bob, ...typedData });
    const before = await snapshot(deployed, [id], [alice, bob, carol]);

    const invalid = await refusal(
      as(3).agreements.acknowledgeAgreementBySig({ ...typedData.message, signature: bobsSignature }),
      "AgreementInvalidSigner",
      { agreementId: id, signer: alice },
    );
    expect(invalid.shortMessage).toBe(
      `The signature is not ${shortAddress(alice)}'s acknowledgement of agreement ${id} with its current nonce for that agreement (wrong signer, terms, agreement, chain or deployment, or revoked with invalidateNonce).`,
    );
    expect(await snapshot(deployed, [id], [alice, bob, carol])).toEqual(before);

    await chain.networkHelpers.time.increase(120);
    const expired = await refusal(
      as(3).agreements.acknowledgeAgreementBySig({ ...typedData.message, signature }),
      "AgreementSignatureExpired",
    );
    expect(expired.namedArgs.deadline).toBe(deadline);
    expect(expired.shortMessage).toMatch(
      /^The signature expired at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(the chain's time is \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\): ask for a new one\.$/,
    );
    expect(await snapshot(deployed, [id], [alice, bob, carol])).toEqual(before);
  });

  it("proposal refusals the SDK would catch first: too few/many parties, duplicates, zero address, empty terms, past expiry", async () => {
    const deployed = await chain.deploy();
    const { concord } = deployed;
    const { cellId } = await concord.cells.createCell({ name: "Infra" });
    const before = await snapshot(deployed, [], [founder]);
    const propose = (accounts: Address[], cells: bigint[], termsHash: Hex = TERMS_HASH, expiresAt = 0n) =>
      executeWrite(concord, {
        ...raw(concord),
        functionName: "propose",
        args: [accounts, cells, termsHash, URI, expiresAt],
      });

    const few = await refusal(propose([alice], []), "AgreementTooFewParties", { count: 1n, min: 2n });
    expect(few.shortMessage).toBe("An agreement needs at least 2 parties; 1 was given.");
    const seventeen = Array.from(
      { length: 17 },
      (_, i) => `0x${(0x1000 + i).toString(16).padStart(40, "0")}` as Address,
    );
    const many = await refusal(propose(seventeen, []), "AgreementTooManyParties", { count: 17n, max: 16n });
    expect(many.shortMessage).toBe("An agreement has at most 16 parties; 17 were given.");
    const dupAccount = await refusal(propose([alice, alice], []), "AgreementDuplicateAccount", {
      account: alice,
    });
    expect(dupAccount.shortMessage).toBe(`${shortAddress(alice)} is listed twice among the parties.`);
    const dupCell = await refusal(propose([], [cellId, cellId]), "AgreementDuplicateCell", { cellId });
    expect(dupCell.shortMessage).toBe(`Cell ${cellId} is listed twice among the parties.`);
    const zero = await refusal(propose([alice, zeroAddress], []), "AgreementZeroAddress");
    expect(zero.shortMessage).toBe("The zero address was given where an account is needed.");
    const empty = await refusal(propose([alice, bob], [], zeroHash), "AgreementEmptyTerms");
    expect(empty.shortMessage).toBe("The terms need a non-zero content hash.");
    const now = await chain.now();
    const past = await refusal(propose([alice, bob], [], TERMS_HASH, now - 1n), "AgreementExpiryInPast");
    expect(past.namedArgs.expiresAt).toBe(now - 1n);
    expect(past.shortMessage).toMatch(
      /^The expiry \d{4}-.+Z is not after the chain's current time \(\d{4}-.+Z\)\.$/,
    );
    // A terms URI over the cap (issue 11, finding 5): the SDK refuses it first, the contract too.
    expect(
      await chain.publicClient.readContract({
        address: deployed.addresses.agreementRegistry,
        abi: agreementRegistryAbi,
        functionName: "MAX_URI_LENGTH",
      }),
    ).toBe(BigInt(agreementLimits.MAX_URI_LENGTH));
    const longURI = `ipfs://${"a".repeat(250)}`;
    expect(
      await rejection(
        concord.agreements.proposeAgreement({ accounts: [alice, bob], terms: TERMS, termsURI: longURI }),
      ),
    ).toBeInstanceOf(InvalidInputError);
    const tooLong = await refusal(
      executeWrite(concord, {
        ...raw(concord),
        functionName: "propose",
        args: [[alice, bob], [], TERMS_HASH, longURI, 0n],
      }),
      "AgreementURITooLong",
      { length: 257n, max: 256n },
    );
    expect(tooLong.shortMessage).toBe(
      "The terms URI is 257 bytes long; at most 256 bytes are allowed: link to the document instead of inlining it.",
    );
    // A nonexistent cell passes the SDK's checks (it cannot know) and is refused by the contract.
    const missing = await refusal(
      concord.agreements.proposeAgreement({ accounts: [alice], cells: [42n], terms: TERMS }),
      "AgreementNonexistentCell",
      { cellId: 42n },
    );
    expect(missing.shortMessage).toBe("Cell 42 does not exist, so it cannot be a party.");
    expect(await snapshot(deployed, [], [founder])).toEqual(before);
  });

  it("AgreementBatchLength and AgreementLengthMismatch", async () => {
    const deployed = await chain.deploy();
    const { as } = deployed;
    const id = await pair(as(3));
    const before = await snapshot(deployed, [id], [alice]);
    const alices = as(1);
    const emptyMany = await refusal(
      executeWrite(alices, { ...raw(alices), functionName: "acknowledgeMany", args: [[], []] }),
      "AgreementBatchLength",
      { length: 0n, max: 32n },
    );
    expect(emptyMany.shortMessage).toBe("A batch needs between 1 and 32 entries; it has 0.");
    await refusal(
      executeWrite(alices, { ...raw(alices), functionName: "acknowledgeBySigBatch", args: [[]] }),
      "AgreementBatchLength",
    );
    const mismatch = await refusal(
      executeWrite(alices, {
        ...raw(alices),
        functionName: "acknowledgeMany",
        args: [[id], [TERMS_HASH, TERMS_HASH]],
      }),
      "AgreementLengthMismatch",
      { ids: 1n, termsHashes: 2n },
    );
    expect(mismatch.shortMessage).toBe(
      "1 agreement ids were given with 2 terms hashes: give one hash per agreement.",
    );
    expect(await snapshot(deployed, [id], [alice])).toEqual(before);
  });

  it("every error of the ABI has a message in the catalog, and raw revert data decodes to it", () => {
    const errors = agreementRegistryAbi.filter((item) => item.type === "error");
    for (const item of errors) expect(concordErrorMessages[item.name], item.name).toBeTypeOf("function");
    expect(agreementErrorMessages.AgreementURITooLong!({ length: 300n, max: 256n })).toBe(
      "The terms URI is 300 bytes long; at most 256 bytes are allowed: link to the document instead of inlining it.",
    );
    expect(agreementErrorMessages.InvalidShortString!({})).toContain("too long");
    expect(agreementErrorMessages.StringTooLong!({ str: "x".repeat(50) })).toContain("...");

    const data = encodeErrorResult({
      abi: agreementRegistryAbi,
      errorName: "AgreementWrongStatus",
      args: [3n, 7, 2],
    });
    const decoded = decodeConcordError({ data });
    expect(decoded).toBeInstanceOf(ContractRefusalError);
    expect(decoded.shortMessage).toBe("Agreement 3 is superseded; this action needs it to be active.");
  });
});
