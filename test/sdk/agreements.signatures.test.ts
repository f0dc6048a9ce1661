import { encodeAbiParameters, hashTypedData, keccak256, parseAbi, stringToBytes } from "viem";
import type { Address, Hash, Hex } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { afterEach, beforeAll, describe, expect, it } from "vitest";

import {
  ContractRefusalError,
  InvalidInputError,
  TransactionRevertedError,
  acknowledgeForCellTypes,
  acknowledgeTypes,
  acknowledgementDigest,
  buildAcknowledgeTypedData,
  shortAddress,
  toSignedAcknowledgement,
} from "../../sdk/index.ts";
import type { AcknowledgeTypedData, SignedAcknowledgement } from "../../sdk/index.ts";
import { TERMS, TERMS_HASH, TERMS_V2_HASH, TITLE, URI, createAgreementsChain } from "./agreements.fixture.ts";
import type { AgreementsChain, AgreementsDeployment } from "./agreements.fixture.ts";
import { rejection } from "./fixture.ts";
import { createSafe, deploySafeInfrastructure, safeArtifacts, safeMessageHash, signAsSafe } from "./safe.ts";
import type { SafeInfrastructure } from "./safe.ts";

let chain: AgreementsChain;
let founder: Address;
let alice: Address;
let bob: Address;
let erin: Address;
let owners: [Address, Address, Address];
let safeInfra: SafeInfrastructure;

type Wallet = AgreementsChain["walletClients"][number];
const wallet = (i: number): Wallet => chain.walletClients[i]!;
const ALICE = 1;
const BOB = 2;
const RELAYER = 3;
const ERIN = 8;
const OWNERS = [5, 6, 7] as const;

beforeAll(async () => {
  chain = await createAgreementsChain();
  const a = chain.accounts;
  [founder, alice, bob, erin] = [a[0]!, a[ALICE]!, a[BOB]!, a[ERIN]!];
  owners = [a[OWNERS[0]]!, a[OWNERS[1]]!, a[OWNERS[2]]!];
  safeInfra = await deploySafeInfrastructure(chain.publicClient, wallet(0));
});

afterEach(async () => {
  await chain.provider.request({ method: "evm_setAutomine", params: [true] });
});

async function refused(promise: Promise<unknown>, errorName: string): Promise<ContractRefusalError> {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(ContractRefusalError);
  expect((error as ContractRefusalError).errorName).toBe(errorName);
  expect((error as ContractRefusalError).shortMessage).not.toMatch(/0x[0-9a-fA-F]{41,}/);
  return error as ContractRefusalError;
}

/** A wallet signs typed data built by the SDK (as any wallet would, with eth_signTypedData_v4). */
async function sign(signer: Wallet, typedData: AcknowledgeTypedData): Promise<SignedAcknowledgement> {
  const signature =
    typedData.primaryType === "Acknowledge"
      ? await signer.signTypedData({ account: signer.account, ...typedData })
      : await signer.signTypedData({ account: signer.account, ...typedData });
  return toSignedAcknowledgement(typedData, signature);
}

async function inAnHour(): Promise<bigint> {
  return (await chain.now()) + 3_600n;
}

/** What a refused signature must leave untouched. */
async function state(deployed: AgreementsDeployment, id: bigint, signers: Address[]) {
  const { readOnly } = deployed;
  return {
    agreement: await readOnly.agreements.getAgreement({ agreementId: id }),
    nonces: await Promise.all(
      signers.map((signer) => readOnly.agreements.agreementNonces({ signer, agreementId: id })),
    ),
  };
}

describe("acknowledging by EIP-712 signature: EOAs", () => {
  it("typed data from the chain (ERC-5267 domain, nonce, terms hash) that a wallet signs and anyone submits", async () => {
    const deployed = await chain.deploy();
    const { as, addresses, readOnly } = deployed;
    const { agreementId } = await as(ALICE).agreements.proposeAgreement({
      title: TITLE,
      termsURI: URI,
      accounts: [alice, bob],
      terms: TERMS,
    });
    const deadline = await inAnHour();

    const domain = await readOnly.agreements.agreementsEip712Domain();
    expect(domain).toEqual({
      name: "Concord Agreements",
      version: "1",
      chainId: 31337,
      verifyingContract: addresses.agreementRegistry,
    });
    const typedData = await readOnly.agreements.getAcknowledgeTypedData({
      agreementId,
      signer: alice,
      deadline,
    });
    expect(typedData).toEqual({
      domain,
      types: acknowledgeTypes,
      primaryType: "Acknowledge",
      message: { agreementId, termsHash: TERMS_HASH, signer: alice, nonce: 0n, deadline },
    });
    // The same typed data can be built offline from known values.
    expect(
      buildAcknowledgeTypedData({
        chainId: 31337,
        verifyingContract: addresses.agreementRegistry,
        agreementId,
        termsHash: TERMS_HASH,
        signer: alice,
        nonce: 0n,
        deadline,
      }),
    ).toEqual(typedData);
    // The digest is the standard EIP-712 one, over the registry's own domain separator.
    const separator = await readOnly.agreements.agreementsDomainSeparator();
    const structHash = keccak256(
      encodeAbiParameters(
        [
          { type: "bytes32" },
          { type: "uint256" },
          { type: "bytes32" },
          { type: "address" },
          { type: "uint256" },
          { type: "uint256" },
        ],
        [
          keccak256(
            stringToBytes(
              "Acknowledge(uint256 agreementId,bytes32 termsHash,address signer,uint256 nonce,uint256 deadline)",
            ),
          ),
          agreementId,
          TERMS_HASH,
          alice,
          0n,
          deadline,
        ],
      ),
    );
    expect(acknowledgementDigest(typedData)).toBe(
      keccak256(`0x1901${separator.slice(2)}${structHash.slice(2)}` as Hex),
    );

    // Alice's wallet signs; a relayer that is no party submits.
    const signed = await sign(wallet(ALICE), typedData);
    expect(signed).toMatchObject({
      agreementId,
      cellId: 0n,
      signer: alice,
      termsHash: TERMS_HASH,
      deadline,
      nonce: 0n,
    });
    const relayerTxs = await chain.nonceOf(chain.accounts[RELAYER]!);
    const result = await as(RELAYER).agreements.acknowledgeAgreementBySig(signed);
    expect(result.acknowledgements).toEqual([{ agreementId, by: alice, cellId: null, bySignature: true }]);
    expect(await chain.nonceOf(chain.accounts[RELAYER]!)).toBe(relayerTxs + 1);
    expect(await chain.nonceOf(alice)).toBe(1); // only the proposal: alice sent nothing for the acknowledgement
    // Using a signature writes no nonce: the party's acknowledgement, recorded for good, makes it count once.
    expect(await readOnly.agreements.agreementNonces({ signer: alice, agreementId })).toBe(0n);

    // Bob signs through the convenience action, with a wallet that is not the client's.
    const bobSigned = await readOnly.agreements.signAcknowledgement({
      agreementId,
      deadline: new Date(Number(deadline) * 1000),
      walletClient: wallet(BOB),
    });
    expect(bobSigned.signer).toBe(bob);
    const { activated } = await as(RELAYER).agreements.acknowledgeAgreementBySig(bobSigned);
    expect(activated).toEqual([agreementId]);

    const agreement = await readOnly.agreements.getAgreement({ agreementId });
    expect(agreement.statusName).toBe("active");
    expect(agreement.parties.map((p) => p.acknowledgement?.bySignature)).toEqual([true, true]);
    const steps = await readOnly.agreements.agreementTimeline({ agreementId });
    expect(steps.filter((s) => s.kind === "acknowledged")).toMatchObject([
      { by: alice, bySignature: true },
      { by: bob, bySignature: true },
    ]);
  });

  it("a key held outside the node (a local viem account) signs as well: any EIP-712 wallet works", async () => {
    const { as, readOnly } = await chain.deploy();
    const local = privateKeyToAccount(generatePrivateKey());
    const { agreementId } = await as(ALICE).agreements.proposeAgreement({
      title: TITLE,
      termsURI: URI,
      accounts: [local.address, alice],
      terms: TERMS,
    });
    const typedData = await readOnly.agreements.getAcknowledgeTypedData({
      agreementId,
      signer: local.address,
      deadline: await inAnHour(),
    });
    const signature = await local.signTypedData(typedData);
    const { acknowledgements } = await as(RELAYER).agreements.acknowledgeAgreementBySig({
      ...typedData.message,
      signature,
    });
    expect(acknowledgements).toEqual([{ agreementId, by: local.address, cellId: null, bySignature: true }]);
    expect(await readOnly.agreements.hasAcknowledged({ agreementId, account: local.address })).toBe(true);
  });

  it("a steward (of an ancestor cell) acknowledges for a cell party by signature (AcknowledgeForCell)", async () => {
    const { as, concord, readOnly } = await chain.deploy();
    const { cellId: top } = await concord.cells.createCell({ name: "Guild" });
    const { cellId: child } = await concord.cells.createCell({ parentId: top, name: "Working group" });
    const { agreementId } = await as(ALICE).agreements.proposeAgreement({
      title: TITLE,
      termsURI: URI,
      accounts: [alice],
      cells: [child],
      terms: TERMS,
    });
    const typedData = await readOnly.agreements.getAcknowledgeTypedData({
      agreementId,
      signer: founder,
      cellId: child,
      deadline: await inAnHour(),
    });
    expect(typedData.primaryType).toBe("AcknowledgeForCell");
    expect(typedData.types).toEqual(acknowledgeForCellTypes);
    expect(typedData.message).toMatchObject({ agreementId, cellId: child, signer: founder, nonce: 0n });
    const signed = await sign(wallet(0), typedData);
    expect(signed.cellId).toBe(child);

    // The account path refuses a cell acknowledgement before sending.
    const error = await rejection(as(RELAYER).agreements.acknowledgeAgreementBySig(signed));
    expect(error).toBeInstanceOf(InvalidInputError);
    const result = await as(RELAYER).agreements.acknowledgeAgreementForCellBySig({
      ...signed,
      cellId: child,
    });
    expect(result.acknowledgements).toEqual([{ agreementId, by: founder, cellId: child, bySignature: true }]);
    expect(await readOnly.agreements.hasAcknowledgedCell({ agreementId, cellId: child })).toBe(true);
  });
});

describe("acknowledging by signature: a real Safe (2 of 3) through ERC-1271", () => {
  it("the Safe's owners sign its Safe message of the acknowledgement digest; a relayer submits it", async () => {
    const deployed = await chain.deploy();
    const { as, readOnly } = deployed;
    const safe = await createSafe(safeInfra, { owners, threshold: 2, saltNonce: 1n });
    const safeAbi = safeArtifacts.singleton.abi;
    expect(
      await chain.publicClient.readContract({ address: safe, abi: safeAbi, functionName: "getThreshold" }),
    ).toBe(2n);
    expect(
      await chain.publicClient.readContract({ address: safe, abi: safeAbi, functionName: "getOwners" }),
    ).toEqual(owners);

    const { agreementId } = await as(ALICE).agreements.proposeAgreement({
      title: TITLE,
      termsURI: URI,
      accounts: [safe, alice],
      terms: TERMS,
    });
    const typedData = await readOnly.agreements.getAcknowledgeTypedData({
      agreementId,
      signer: safe,
      deadline: await inAnHour(),
    });
    const digest = acknowledgementDigest(typedData);

    // Our Safe message hash is exactly the handler's.
    const handlerAbi = safeArtifacts.handler.abi;
    expect(
      await chain.publicClient.readContract({
        address: safeInfra.handler,
        abi: handlerAbi,
        functionName: "getMessageHashForSafe",
        args: [safe, encodeAbiParameters([{ type: "bytes32" }], [digest])],
      }),
    ).toBe(safeMessageHash({ safe, chainId: 31337, hash: digest }));

    const ownerWallets = OWNERS.map((i) => wallet(i));
    const signature = await signAsSafe({
      safe,
      chainId: 31337,
      hash: digest,
      owners: [ownerWallets[2]!, ownerWallets[0]!],
    });
    expect((signature.length - 2) / 2).toBe(130); // two 65-byte owner signatures
    // The Safe itself says yes, through its fallback handler (ERC-1271 magic value).
    expect(
      await chain.publicClient.readContract({
        address: safe,
        abi: parseAbi(["function isValidSignature(bytes32 hash, bytes signature) view returns (bytes4)"]),
        functionName: "isValidSignature",
        args: [digest, signature],
      }),
    ).toBe("0x1626ba7e");

    // Below the threshold, out of owner order, or by non-owners: refused, and nothing changes.
    const before = await state(deployed, agreementId, [safe]);
    const oneOwner = await signAsSafe({ safe, chainId: 31337, hash: digest, owners: [ownerWallets[1]!] });
    const invalid = await refused(
      as(RELAYER).agreements.acknowledgeAgreementBySig({ ...typedData.message, signature: oneOwner }),
      "AgreementInvalidSigner",
    );
    expect(invalid.namedArgs).toEqual({ agreementId, signer: safe });
    expect(invalid.shortMessage).toContain(`not ${shortAddress(safe)}'s acknowledgement`);
    const unsorted = await signAsSafe({
      safe,
      chainId: 31337,
      hash: digest,
      owners: [...ownerWallets]
        .sort((x, y) => (BigInt(x.account.address) > BigInt(y.account.address) ? -1 : 1))
        .slice(0, 2),
      sort: false,
    });
    await refused(
      as(RELAYER).agreements.acknowledgeAgreementBySig({ ...typedData.message, signature: unsorted }),
      "AgreementInvalidSigner",
    );
    const strangers = await signAsSafe({
      safe,
      chainId: 31337,
      hash: digest,
      owners: [wallet(ALICE), wallet(BOB)],
    });
    await refused(
      as(RELAYER).agreements.acknowledgeAgreementBySig({ ...typedData.message, signature: strangers }),
      "AgreementInvalidSigner",
    );
    // An owner's plain EOA signature of the acknowledgement is not the Safe's.
    const ownerOnly = await ownerWallets[0]!.signTypedData({
      account: ownerWallets[0]!.account,
      ...typedData,
    });
    await refused(
      as(RELAYER).agreements.acknowledgeAgreementBySig({ ...typedData.message, signature: ownerOnly }),
      "AgreementInvalidSigner",
    );
    expect(await state(deployed, agreementId, [safe])).toEqual(before);

    const result = await as(RELAYER).agreements.acknowledgeAgreementBySig({
      ...typedData.message,
      signature,
    });
    expect(result.acknowledgements).toEqual([{ agreementId, by: safe, cellId: null, bySignature: true }]);
    // Replayed: already acknowledged.
    await refused(
      as(RELAYER).agreements.acknowledgeAgreementBySig({ ...typedData.message, signature }),
      "AgreementAlreadyAcknowledged",
    );

    await as(ALICE).agreements.acknowledgeAgreement({ agreementId, termsHash: TERMS_HASH });
    const agreement = await readOnly.agreements.getAgreement({ agreementId });
    expect(agreement.statusName).toBe("active");
    expect(agreement.parties[0]).toMatchObject({
      kind: "account",
      account: safe,
      acknowledgement: { by: safe, bySignature: true },
    });
  });
});

describe("replay attempts of every kind are refused, and leave no trace", () => {
  it("same signature twice, on another agreement, with another terms hash, after the deadline", async () => {
    const deployed = await chain.deploy();
    const { as, readOnly } = deployed;
    const first = (
      await as(ALICE).agreements.proposeAgreement({
        title: TITLE,
        termsURI: URI,
        accounts: [alice, bob],
        terms: TERMS,
      })
    ).agreementId;
    const second = (
      await as(ALICE).agreements.proposeAgreement({
        title: TITLE,
        termsURI: URI,
        accounts: [alice, bob],
        terms: TERMS,
      })
    ).agreementId;
    const deadline = await inAnHour();
    const signed = await sign(
      wallet(ALICE),
      await readOnly.agreements.getAcknowledgeTypedData({ agreementId: first, signer: alice, deadline }),
    );

    // On another agreement (same parties, same terms, same nonce): the id is signed.
    const before = await state(deployed, second, [alice]);
    await refused(
      as(RELAYER).agreements.acknowledgeAgreementBySig({ ...signed, agreementId: second }),
      "AgreementInvalidSigner",
    );
    expect(await state(deployed, second, [alice])).toEqual(before);

    // Used once; the same signature again is refused, and cannot serve on the other agreement either.
    await as(RELAYER).agreements.acknowledgeAgreementBySig(signed);
    await refused(as(RELAYER).agreements.acknowledgeAgreementBySig(signed), "AgreementAlreadyAcknowledged");
    await refused(
      as(RELAYER).agreements.acknowledgeAgreementBySig({ ...signed, agreementId: second }),
      "AgreementInvalidSigner",
    );

    // Another terms hash: bob signed a draft; the agreement's terms differ.
    const draft = await sign(
      wallet(BOB),
      await readOnly.agreements.getAcknowledgeTypedData({
        agreementId: first,
        signer: bob,
        deadline,
        termsHash: TERMS_V2_HASH,
      }),
    );
    const mismatch = await refused(
      as(RELAYER).agreements.acknowledgeAgreementBySig(draft),
      "AgreementTermsMismatch",
    );
    expect(mismatch.namedArgs).toMatchObject({ expected: TERMS_HASH, given: TERMS_V2_HASH });
    await refused(
      as(RELAYER).agreements.acknowledgeAgreementBySig({ ...draft, termsHash: TERMS_HASH }),
      "AgreementInvalidSigner",
    );

    // After the deadline.
    const late = await sign(
      wallet(BOB),
      await readOnly.agreements.getAcknowledgeTypedData({
        agreementId: first,
        signer: bob,
        deadline: (await chain.now()) + 30n,
      }),
    );
    await chain.networkHelpers.time.increase(60);
    await refused(as(RELAYER).agreements.acknowledgeAgreementBySig(late), "AgreementSignatureExpired");
    expect(await readOnly.agreements.hasAcknowledged({ agreementId: first, account: bob })).toBe(false);
    expect(await readOnly.agreements.agreementNonces({ signer: bob, agreementId: first })).toBe(0n);
  });

  it("another chain id in the domain, another deployment of the registry", async () => {
    const deployed = await chain.deploy();
    const { as, addresses, readOnly } = deployed;
    const other = await chain.deployAnotherRegistry(addresses.cellRegistry);
    // The same agreement (same id, parties and terms) on both deployments.
    const id = (
      await as(ALICE).agreements.proposeAgreement({
        title: TITLE,
        termsURI: URI,
        accounts: [alice, bob],
        terms: TERMS,
      })
    ).agreementId;
    const otherId = (
      await other
        .as(ALICE)
        .agreements.proposeAgreement({ title: TITLE, termsURI: URI, accounts: [alice, bob], terms: TERMS })
    ).agreementId;
    expect(otherId).toBe(id);
    const deadline = await inAnHour();

    const foreignChain = await sign(
      wallet(ALICE),
      buildAcknowledgeTypedData({
        chainId: 1,
        verifyingContract: addresses.agreementRegistry,
        agreementId: id,
        termsHash: TERMS_HASH,
        signer: alice,
        nonce: 0n,
        deadline,
      }),
    );
    const before = await state(deployed, id, [alice]);
    await refused(as(RELAYER).agreements.acknowledgeAgreementBySig(foreignChain), "AgreementInvalidSigner");
    expect(await state(deployed, id, [alice])).toEqual(before);

    const forOther = await sign(
      wallet(ALICE),
      await other.as(ALICE).agreements.getAcknowledgeTypedData({ agreementId: id, signer: alice, deadline }),
    );
    expect(forOther.nonce).toBe(0n);
    await refused(as(RELAYER).agreements.acknowledgeAgreementBySig(forOther), "AgreementInvalidSigner");
    expect(await state(deployed, id, [alice])).toEqual(before);
    // It is valid where it was meant to go, and only there.
    await other.as(RELAYER).agreements.acknowledgeAgreementBySig(forOther);
    expect(await other.as(RELAYER).agreements.hasAcknowledged({ agreementId: id, account: alice })).toBe(
      true,
    );
    expect(await readOnly.agreements.hasAcknowledged({ agreementId: id, account: alice })).toBe(false);
  });

  it("a non-party signer, a signature presented for another signer, and wrong struct or cell", async () => {
    const deployed = await chain.deploy();
    const { as, concord, readOnly } = deployed;
    const { cellId: infra } = await concord.cells.createCell({ name: "Infra" });
    const { cellId: lab } = await concord.cells.createCell({ name: "Lab" });
    const id = (
      await as(ALICE).agreements.proposeAgreement({
        title: TITLE,
        termsURI: URI,
        accounts: [alice, bob],
        cells: [infra, lab],
        terms: TERMS,
      })
    ).agreementId;
    const deadline = await inAnHour();

    const outsider = await sign(
      wallet(ERIN),
      await readOnly.agreements.getAcknowledgeTypedData({ agreementId: id, signer: erin, deadline }),
    );
    const notParty = await refused(
      as(RELAYER).agreements.acknowledgeAgreementBySig(outsider),
      "AgreementNotParty",
    );
    expect(notParty.namedArgs).toEqual({ agreementId: id, account: erin });

    // Alice's signature submitted as bob's.
    const alices = await sign(
      wallet(ALICE),
      await readOnly.agreements.getAcknowledgeTypedData({ agreementId: id, signer: alice, deadline }),
    );
    await refused(
      as(RELAYER).agreements.acknowledgeAgreementBySig({ ...alices, signer: bob }),
      "AgreementInvalidSigner",
    );

    // The steward's signature for infra does not acknowledge lab, nor an account party.
    const forInfra = await sign(
      wallet(0),
      await readOnly.agreements.getAcknowledgeTypedData({
        agreementId: id,
        signer: founder,
        cellId: infra,
        deadline,
      }),
    );
    await refused(
      as(RELAYER).agreements.acknowledgeAgreementForCellBySig({ ...forInfra, cellId: lab }),
      "AgreementInvalidSigner",
    );
    // An account-struct signature by the steward is not a cell acknowledgement.
    const accountStruct = await sign(
      wallet(0),
      buildAcknowledgeTypedData({
        chainId: 31337,
        verifyingContract: deployed.addresses.agreementRegistry,
        agreementId: id,
        termsHash: TERMS_HASH,
        signer: founder,
        nonce: 0n,
        deadline,
      }),
    );
    await refused(
      as(RELAYER).agreements.acknowledgeAgreementForCellBySig({ ...accountStruct, cellId: infra }),
      "AgreementInvalidSigner",
    );
    // Malformed signatures are refused by the contract too (not by a revert without reason).
    await refused(
      as(RELAYER).agreements.acknowledgeAgreementBySig({ ...alices, signature: "0x1234" }),
      "AgreementInvalidSigner",
    );
    expect((await readOnly.agreements.getAgreement({ agreementId: id })).acknowledgedCount).toBe(0);
    expect(await readOnly.agreements.agreementNonces({ signer: founder, agreementId: id })).toBe(0n);

    await as(RELAYER).agreements.acknowledgeAgreementForCellBySig({ ...forInfra, cellId: infra });
    expect(await readOnly.agreements.hasAcknowledgedCell({ agreementId: id, cellId: infra })).toBe(true);
    expect(await readOnly.agreements.hasAcknowledgedCell({ agreementId: id, cellId: lab })).toBe(false);
  });

  it("after invalidateNonce: that agreement's signature is dead, the signer's others stay valid", async () => {
    const deployed = await chain.deploy();
    const { as, readOnly } = deployed;
    const first = (
      await as(ALICE).agreements.proposeAgreement({
        title: TITLE,
        termsURI: URI,
        accounts: [alice, bob],
        terms: TERMS,
      })
    ).agreementId;
    const second = (
      await as(ALICE).agreements.proposeAgreement({
        title: TITLE,
        termsURI: URI,
        accounts: [alice, bob],
        terms: TERMS,
      })
    ).agreementId;
    const deadline = await inAnHour();
    const signed = await sign(
      wallet(ALICE),
      await readOnly.agreements.getAcknowledgeTypedData({ agreementId: first, signer: alice, deadline }),
    );
    const forSecond = await sign(
      wallet(ALICE),
      await readOnly.agreements.getAcknowledgeTypedData({ agreementId: second, signer: alice, deadline }),
    );

    const burned = await as(ALICE).agreements.invalidateAgreementNonce({ agreementId: first });
    expect(burned.nonce).toBe(0n);
    expect(burned.events.map((e) => e.eventName)).toEqual(["NonceInvalidated"]);
    const before = await state(deployed, first, [alice]);
    await refused(as(RELAYER).agreements.acknowledgeAgreementBySig(signed), "AgreementInvalidSigner");
    expect(await state(deployed, first, [alice])).toEqual(before);

    // Her signature for `second`, made before the burn, is untouched (issue 11, finding 4).
    expect(await readOnly.agreements.agreementNonces({ signer: alice, agreementId: second })).toBe(0n);
    await as(RELAYER).agreements.acknowledgeAgreementBySig(forSecond);
    // A fresh signature for `first` covers nonce 1.
    const forFirst = await sign(
      wallet(ALICE),
      await readOnly.agreements.getAcknowledgeTypedData({ agreementId: first, signer: alice, deadline }),
    );
    expect(forFirst.nonce).toBe(1n);
    await as(RELAYER).agreements.acknowledgeAgreementBySig(forFirst);
    expect(await readOnly.agreements.hasAcknowledged({ agreementId: first, account: alice })).toBe(true);
    expect(await readOnly.agreements.hasAcknowledged({ agreementId: second, account: alice })).toBe(true);
  });

  it("a withdrawn agreement strands none of the signer's other signatures", async () => {
    const { as, readOnly } = await chain.deploy();
    const ids: bigint[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push(
        (
          await as(ALICE).agreements.proposeAgreement({
            title: TITLE,
            termsURI: URI,
            accounts: [bob, erin],
            terms: TERMS,
          })
        ).agreementId,
      );
    }
    const deadline = await inAnHour();
    const signatures = [];
    for (const agreementId of ids) {
      signatures.push(
        await readOnly.agreements.signAcknowledgement({ agreementId, deadline, walletClient: wallet(BOB) }),
      );
    }
    await as(ALICE).agreements.withdrawAgreement({ agreementId: ids[0]! });
    // Submitted in reverse order, after the withdrawal of the first.
    await as(RELAYER).agreements.acknowledgeAgreementBySig(signatures[2]!);
    await as(RELAYER).agreements.acknowledgeAgreementBySig(signatures[1]!);
    await refused(as(RELAYER).agreements.acknowledgeAgreementBySig(signatures[0]!), "AgreementWrongStatus");
    for (const agreementId of ids.slice(1)) {
      expect(await readOnly.agreements.hasAcknowledged({ agreementId, account: bob })).toBe(true);
    }
  });

  it("two relayers race the same signature into one block: the second transaction reverts, decoded", async () => {
    const { as, readOnly } = await chain.deploy();
    const id = (
      await as(ALICE).agreements.proposeAgreement({
        title: TITLE,
        termsURI: URI,
        accounts: [alice, bob],
        terms: TERMS,
      })
    ).agreementId;
    const signed = await sign(
      wallet(ALICE),
      await readOnly.agreements.getAcknowledgeTypedData({
        agreementId: id,
        signer: alice,
        deadline: await inAnHour(),
      }),
    );
    await chain.provider.request({ method: "evm_setAutomine", params: [false] });
    const hashes: Hash[] = [];
    const onSubmitted = (hash: Hash) => hashes.push(hash);
    const first = as(RELAYER).agreements.acknowledgeAgreementBySig({ ...signed, onSubmitted });
    await chain.waitForPending(hashes, 1);
    const second = as(4).agreements.acknowledgeAgreementBySig({
      ...signed,
      onSubmitted,
      simulate: false,
      gas: 300_000n,
    });
    await chain.waitForPending(hashes, 2);
    await chain.networkHelpers.mine();
    const [won, lost] = await Promise.allSettled([first, second]);
    expect(won.status).toBe("fulfilled");
    expect(lost.status).toBe("rejected");
    const error = (lost as PromiseRejectedResult).reason as TransactionRevertedError;
    expect(error).toBeInstanceOf(TransactionRevertedError);
    expect(error.refusal?.errorName).toBe("AgreementAlreadyAcknowledged");
    expect(error.shortMessage).toBe(
      `acknowledgeBySig transaction ${hashes[1]} reverted: ${shortAddress(alice)} has already acknowledged agreement ${id}.`,
    );
  });
});

describe("submitting collected signatures in one transaction (acknowledgeBySigBatch)", () => {
  it("several parties' signatures (EOAs, a Safe, a cell steward) activate an agreement in one transaction", async () => {
    const deployed = await chain.deploy();
    const { as, concord, readOnly } = deployed;
    const { cellId: infra } = await concord.cells.createCell({ name: "Infra" });
    const safe = await createSafe(safeInfra, { owners, threshold: 2, saltNonce: 2n });
    const { agreementId } = await as(ALICE).agreements.proposeAgreement({
      title: TITLE,
      termsURI: URI,
      accounts: [alice, bob, safe],
      cells: [infra],
      terms: TERMS,
    });
    const { agreementId: other } = await as(ALICE).agreements.proposeAgreement({
      title: TITLE,
      termsURI: URI,
      accounts: [alice, erin],
      terms: TERMS,
    });
    const deadline = await inAnHour();

    const aliceFirst = await sign(
      wallet(ALICE),
      await readOnly.agreements.getAcknowledgeTypedData({ agreementId, signer: alice, deadline }),
    );
    // A second signature by alice, for the other agreement: its own nonce, independent of the first.
    const aliceSecond = await sign(
      wallet(ALICE),
      await readOnly.agreements.getAcknowledgeTypedData({ agreementId: other, signer: alice, deadline }),
    );
    expect(aliceSecond.nonce).toBe(0n);
    const bobs = await readOnly.agreements.signAcknowledgement({
      agreementId,
      deadline,
      walletClient: wallet(BOB),
    });
    const stewards = await readOnly.agreements.signAcknowledgement({
      agreementId,
      cellId: infra,
      deadline,
      walletClient: wallet(0),
    });
    const safeData = await readOnly.agreements.getAcknowledgeTypedData({
      agreementId,
      signer: safe,
      deadline,
    });
    const safeSigned = toSignedAcknowledgement(
      safeData,
      await signAsSafe({
        safe,
        chainId: 31337,
        hash: acknowledgementDigest(safeData),
        owners: [wallet(OWNERS[1]), wallet(OWNERS[2])],
      }),
    );

    // A bad entry (bob's signature over draft terms) is skipped and reported; the others count.
    const badBob = { ...bobs, termsHash: TERMS_V2_HASH };
    const partial = await as(RELAYER).agreements.submitAgreementSignatures({
      signatures: [aliceSecond, badBob],
    });
    expect(partial.acknowledgements).toEqual([
      { agreementId: other, by: alice, cellId: null, bySignature: true },
    ]);
    expect(partial.skipped).toHaveLength(1);
    expect(partial.skipped[0]).toMatchObject({ index: 1, agreementId, signer: bob, cellId: null });
    const skippedError = partial.skipped[0]!.error as ContractRefusalError;
    expect(skippedError).toBeInstanceOf(ContractRefusalError);
    expect(skippedError.errorName).toBe("AgreementTermsMismatch");
    expect(skippedError.namedArgs).toMatchObject({ expected: TERMS_HASH, given: TERMS_V2_HASH });

    // Someone front-runs alice's entry; the relayer's batch (in any order) still applies the rest.
    await as(4).agreements.acknowledgeAgreementBySig(aliceFirst);
    const relayer = chain.accounts[RELAYER]!;
    const txs = await chain.nonceOf(relayer);
    const result = await as(RELAYER).agreements.submitAgreementSignatures({
      signatures: [stewards, aliceFirst, bobs, safeSigned],
    });
    expect(await chain.nonceOf(relayer)).toBe(txs + 1);
    expect(result.acknowledgements).toEqual([
      { agreementId, by: founder, cellId: infra, bySignature: true },
      { agreementId, by: bob, cellId: null, bySignature: true },
      { agreementId, by: safe, cellId: null, bySignature: true },
    ]);
    expect(result.skipped.map((entry) => [entry.index, entry.signer, entry.error.shortMessage])).toEqual([
      [1, alice, `${shortAddress(alice)} has already acknowledged agreement ${agreementId}.`],
    ]);
    expect(result.activated).toEqual([agreementId]);
    const agreement = await readOnly.agreements.getAgreement({ agreementId });
    expect(agreement.statusName).toBe("active");
    expect(agreement.parties.filter((p) => p.acknowledgement?.transactionHash === result.hash)).toHaveLength(
      3,
    );

    // The batch cannot be replayed: no entry would count, so the SDK sends nothing and says why.
    const txsBefore = await chain.nonceOf(relayer);
    await refused(
      as(RELAYER).agreements.submitAgreementSignatures({ signatures: [bobs] }),
      "AgreementWrongStatus",
    );
    expect(await chain.nonceOf(relayer)).toBe(txsBefore);
    // Sent anyway (no simulation): the contract skips the entry and reports it; nothing changes.
    const replayed = await as(RELAYER).agreements.submitAgreementSignatures({
      signatures: [bobs],
      simulate: false,
      gas: 200_000n,
    });
    expect(replayed.acknowledgements).toEqual([]);
    expect(replayed.skipped.map((entry) => entry.error)).toMatchObject([
      { errorName: "AgreementWrongStatus" },
    ]);
  });

  it("client-side checks of a batch: empty, over 32, the same party twice, malformed entries", async () => {
    const { as, readOnly } = await chain.deploy();
    const { agreementId } = await as(ALICE).agreements.proposeAgreement({
      title: TITLE,
      termsURI: URI,
      accounts: [alice, bob],
      terms: TERMS,
    });
    const signed = await readOnly.agreements.signAcknowledgement({
      agreementId,
      deadline: await inAnHour(),
      walletClient: wallet(ALICE),
    });
    const invalid = async (promise: Promise<unknown>, parameter: string) => {
      const error = await rejection(promise);
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).parameter).toBe(parameter);
    };
    await invalid(as(RELAYER).agreements.submitAgreementSignatures({ signatures: [] }), "signatures");
    await invalid(
      as(RELAYER).agreements.submitAgreementSignatures({ signatures: Array(33).fill(signed) }),
      "signatures",
    );
    await invalid(
      as(RELAYER).agreements.submitAgreementSignatures({ signatures: [signed, { ...signed }] }),
      "signatures[1]",
    );
    await invalid(
      as(RELAYER).agreements.submitAgreementSignatures({ signatures: [{ ...signed, signature: "0x" }] }),
      "signatures[0].signature",
    );
    await invalid(
      as(RELAYER).agreements.submitAgreementSignatures({
        signatures: [{ ...signed, termsHash: "0x12" as Hex }],
      }),
      "signatures[0].termsHash",
    );
    await invalid(
      as(RELAYER).agreements.acknowledgeAgreementBySig({ ...signed, signature: "nope" as Hex }),
      "signature",
    );
    expect(await readOnly.agreements.agreementNonces({ signer: alice, agreementId })).toBe(0n);
    // The typed data hash the SDK computes is viem's, so wallets and the SDK agree.
    const typedData = await readOnly.agreements.getAcknowledgeTypedData({
      agreementId,
      signer: alice,
      deadline: 1n,
    });
    expect(acknowledgementDigest(typedData)).toBe(hashTypedData(typedData));
  });
});
