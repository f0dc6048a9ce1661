import { encodeErrorResult, toFunctionSelector, zeroAddress, zeroHash } from "viem";
import type { Address, Hex } from "viem";
import { beforeAll, describe, expect, it } from "vitest";

import {
  AgreementTitleError,
  ConcordError,
  ContractRefusalError,
  DocumentURIError,
  InvalidInputError,
  agreementErrorMessages,
  agreementLimits,
  agreementRegistryAbi,
  concordErrorMessages,
  agreementTitleProblem,
  decodeConcordError,
  documentURIProblem,
  shortAddress,
  visibleText,
} from "../../sdk/index.ts";
import type { ConcordClient } from "../../sdk/index.ts";
import { executeWrite } from "../../sdk/internal/write.ts";
import { TERMS, TERMS_HASH, TERMS_V2_HASH, TITLE, URI, createAgreementsChain } from "./agreements.fixture.ts";
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
  return (
    await client.agreements.proposeAgreement({
      title: TITLE,
      accounts: [alice, bob],
      terms: TERMS,
      termsURI: URI,
    })
  ).agreementId;
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
      as(1).agreements.amendAgreement({
        title: TITLE,
        termsURI: URI,
        agreementId: 9n,
        termsHash: TERMS_V2_HASH,
      }),
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
      as(1).agreements.amendAgreement({
        title: TITLE,
        termsURI: URI,
        agreementId: id,
        termsHash: TERMS_V2_HASH,
      }),
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
    const id = (
      await as(3).agreements.proposeAgreement({
        title: TITLE,
        termsURI: URI,
        accounts: [alice],
        cells: [infra],
        terms: TERMS,
      })
    ).agreementId;
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
      as(3).agreements.amendAgreementForCell({
        title: TITLE,
        termsURI: URI,
        agreementId: id,
        cellId: outsider,
        terms: "x",
      }),
      "AgreementCellNotParty",
    );
    expect(await snapshot(deployed, [id], [alice, bob, carol, founder])).toEqual(active);
  });

  it("AgreementTermsMismatch, AgreementAlreadyAcknowledged, AgreementCellAlreadyAcknowledged", async () => {
    const deployed = await chain.deploy();
    const { as, concord } = deployed;
    const { cellId: infra } = await concord.cells.createCell({ name: "Infra" });
    const id = (
      await as(3).agreements.proposeAgreement({
        title: TITLE,
        termsURI: URI,
        accounts: [alice, bob],
        cells: [infra],
        terms: TERMS,
      })
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
        args: [accounts, cells, TITLE, termsHash, URI, expiresAt],
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
        concord.agreements.proposeAgreement({
          title: TITLE,
          accounts: [alice, bob],
          terms: TERMS,
          termsURI: longURI,
        }),
      ),
    ).toBeInstanceOf(InvalidInputError);
    const tooLong = await refusal(
      executeWrite(concord, {
        ...raw(concord),
        functionName: "propose",
        args: [[alice, bob], [], TITLE, TERMS_HASH, longURI, 0n],
      }),
      "AgreementURITooLong",
      { length: 257n, max: 256n },
    );
    expect(tooLong.shortMessage).toBe(
      "The terms URI is 257 bytes long; at most 256 bytes are allowed: link to the document instead of inlining it.",
    );
    // A nonexistent cell passes the SDK's checks (it cannot know) and is refused by the contract.
    const missing = await refusal(
      concord.agreements.proposeAgreement({
        title: TITLE,
        termsURI: URI,
        accounts: [alice],
        cells: [42n],
        terms: TERMS,
      }),
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

describe("titles and document links (issue 14, finding 4)", () => {
  it("the SDK refuses a missing or unreadable title or link before sending, with a typed error and a sentence", async () => {
    const deployed = await chain.deploy();
    const { concord } = deployed;
    const before = await snapshot(deployed, [], [founder]);
    const base = { accounts: [alice, bob], terms: TERMS, title: TITLE, termsURI: URI };
    const titleError = async (title: unknown, reason: RegExp) => {
      const error = await rejection(concord.agreements.proposeAgreement({ ...base, title: title as string }));
      expect(error).toBeInstanceOf(AgreementTitleError);
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as AgreementTitleError).parameter).toBe("title");
      expect((error as AgreementTitleError).problem).toMatch(reason);
      return error as AgreementTitleError;
    };
    await titleError(undefined, /^The title must be text\.$/);
    await titleError("", /^An agreement needs a title\.$/);
    await titleError("   ", /^An agreement needs a title\.$/);
    await titleError("a".repeat(97), /^The title is 97 bytes long; at most 96 bytes are allowed/);
    await titleError("é".repeat(49), /^The title is 98 bytes long/); // 2 bytes per character
    const rtl = await titleError("Pay bob \u202Etxt.exe", /U\+202E\) at position 9/);
    expect(rtl.shortMessage).toBe(
      "Invalid title: the title contains an invisible control character (U+202E) at position 9: use plain text.",
    );
    await titleError("two\nlines", /U\+000A/);
    await titleError("nul\u0000byte", /U\+0000/);
    await titleError("x\ud800", /unpaired UTF-16 surrogate/);

    const linkError = async (termsURI: unknown, reason: RegExp) => {
      const error = await rejection(
        concord.agreements.proposeAgreement({ ...base, termsURI: termsURI as string }),
      );
      expect(error).toBeInstanceOf(DocumentURIError);
      expect((error as DocumentURIError).parameter).toBe("termsURI");
      expect((error as DocumentURIError).problem).toMatch(reason);
    };
    await linkError(undefined, /^The agreement needs a link to its document \(https:\/\/ or ipfs:\/\/\)/);
    await linkError("", /needs a link to its document/);
    await linkError("http://example.org/terms.md", /must start with https:\/\/ or ipfs:\/\/.*"http:" links/);
    await linkError("javascript:alert(document.cookie)", /"javascript:" links are not accepted/);
    await linkError("data:text/html,<script>alert(1)</script>", /"data:" links/);
    await linkError("ar://abc", /"ar:" links/);
    await linkError("bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy5", /must start with https:\/\//);
    await linkError("ipfs://v2", /no IPFS content id/);
    await linkError("https://user@evil.example/terms.md", /name its host plainly/);
    await linkError("https://example.org/a b.md", /contains a space/);
    await linkError("https://example.org/\u202Edm.exe", /U\+202E/);
    await linkError(`https://example.org/${"a".repeat(240)}`, /^The document link is 260 bytes long/);

    // Amendments are checked the same way (before any read of the agreement).
    const amendTitle = await rejection(
      concord.agreements.amendAgreement({ agreementId: 1n, title: "", terms: TERMS, termsURI: URI }),
    );
    expect(amendTitle).toBeInstanceOf(AgreementTitleError);
    const amendLink = await rejection(
      concord.agreements.amendAgreementForCell({
        agreementId: 1n,
        cellId: 1n,
        title: TITLE,
        terms: TERMS,
        termsURI: "ftp://example.org/x",
      }),
    );
    expect(amendLink).toBeInstanceOf(DocumentURIError);
    // Nothing was sent.
    expect(await snapshot(deployed, [], [founder])).toEqual(before);

    // What the SDK accepts: https with a host, ipfs:// with a CID and a path.
    const https = await concord.agreements.proposeAgreement({
      ...base,
      termsURI: "https://example.org:8443/agreements/rpc.md?v=2#terms",
    });
    const ipfs = await concord.agreements.proposeAgreement({
      ...base,
      title: "Nœuds d’archive — 2 régions",
      termsURI: "ipfs://ipfs/QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG/terms.md",
    });
    const read = await concord.agreements.getAgreements({
      agreementIds: [https.agreementId, ipfs.agreementId],
    });
    expect(read.map((a) => [a.title, a.termsURI])).toEqual([
      [TITLE, "https://example.org:8443/agreements/rpc.md?v=2#terms"],
      ["Nœuds d’archive — 2 régions", "ipfs://ipfs/QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG/terms.md"],
    ]);
  });

  it("the contract refuses an empty or oversized title and an empty link, decoded in words; nothing changes", async () => {
    const deployed = await chain.deploy();
    const { concord } = deployed;
    const before = await snapshot(deployed, [], [founder]);
    const propose = (title: string, termsURI: string) =>
      executeWrite(concord, {
        ...raw(concord),
        functionName: "propose",
        args: [[alice, bob], [], title, TERMS_HASH, termsURI, 0n],
      });
    expect(
      await chain.publicClient.readContract({
        address: deployed.addresses.agreementRegistry,
        abi: agreementRegistryAbi,
        functionName: "MAX_TITLE_LENGTH",
      }),
    ).toBe(BigInt(agreementLimits.MAX_TITLE_LENGTH));
    const empty = await refusal(propose("", URI), "AgreementTitleEmpty");
    expect(empty.shortMessage).toBe("The agreement needs a title.");
    // Attack: a 10 kB title, to make every indexer and dashboard carry it.
    const huge = await refusal(propose("x".repeat(10_240), URI), "AgreementTitleTooLong", {
      length: 10_240n,
      max: 96n,
    });
    expect(huge.shortMessage).toBe(
      "The title is 10240 bytes long; at most 96 bytes are allowed: put the details in the document.",
    );
    const noLink = await refusal(propose(TITLE, ""), "AgreementURIEmpty");
    expect(noLink.shortMessage).toBe(
      "The terms need a link to the document (https:// or ipfs://), so that every party can read what it acknowledges.",
    );
    expect(await snapshot(deployed, [], [founder])).toEqual(before);
  });

  it("attack: a title with an RTL override and a javascript: link sent around the SDK are read back as bytes and shown visibly", async () => {
    const deployed = await chain.deploy();
    const { concord, readOnly } = deployed;
    const title = "Pay bob 1 ETH \u202E0001 HTE\u202C\u0007";
    const link = "javascript:alert(document.domain)";
    await executeWrite(concord, {
      ...raw(concord),
      functionName: "propose",
      args: [[alice, bob], [], title, TERMS_HASH, link, 0n],
    });
    const agreement = await readOnly.agreements.getAgreement({ agreementId: 1n });
    // The SDK returns what the chain holds, unchanged: rendering it is the reader's job...
    expect(agreement.title).toBe(title);
    expect(agreement.termsURI).toBe(link);
    const [summary] = (await readOnly.agreements.listAgreements()).items;
    expect(summary!.title).toBe(title);
    const [proposed] = await readOnly.agreements.agreementTimeline({ agreementId: 1n });
    expect(proposed).toMatchObject({ kind: "proposed", title });
    // ...and gives the reader the way to show it as it is: every hidden character visible.
    expect(visibleText(agreement.title)).toBe("Pay bob 1 ETH \ufffd0001 HTE\ufffd\ufffd");
    expect(agreementTitleProblem(agreement.title)).toMatch(/U\+202E/);
    expect(documentURIProblem(agreement.termsURI)).toMatch(/"javascript:" links are not accepted/);
  });
});
