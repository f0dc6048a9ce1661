/**
 * Agreements by signature: the parties sign off-chain and one relayer submits every signature in one transaction.
 * An EOA signs the EIP-712 acknowledgement; a Safe "signs" through ERC-1271 — its owners sign the Safe message that
 * wraps the acknowledgement's digest (CompatibilityFallbackHandler 1.4.1), and the concatenated owner signatures
 * are the Safe's signature.
 */
import { concat, encodeAbiParameters } from "viem";
import type { Account, Address, Chain, Hex, Transport, WalletClient } from "viem";
import { signTypedData } from "viem/actions";

import {
  acknowledgementDigest,
  getAcknowledgeTypedData,
  signAcknowledgement,
  submitAgreementSignatures,
  toSignedAcknowledgement,
} from "../index.ts";
import type { ConcordClientBase, SubmitSignaturesResult } from "../index.ts";

type Signer = WalletClient<Transport, Chain | undefined, Account>;

/** Parameters of {@link acknowledgeBySignatures}. */
export type AcknowledgeBySignaturesParameters = {
  /** The relayer's client: it pays for the one transaction. */
  relayer: ConcordClientBase;
  agreementId: bigint;
  /** A party that is an EOA. */
  eoa: Signer;
  /** A party that is a Safe, and enough of its owners to meet its threshold. */
  safe: { address: Address; owners: readonly Signer[] };
  /** Until when the signatures are valid (unix seconds). */
  deadline: bigint;
};

/**
 * The Safe's ERC-1271 signature of `digest`: each owner's EIP-712 signature of `SafeMessage(bytes message)` with
 * `message = abi.encode(digest)` in the Safe's domain, concatenated by ascending owner address.
 *
 * @example
 * const signature = await signAsSafeOwners({ safe, chainId: 1, digest, owners: [ownerA, ownerB] });
 */
export async function signAsSafeOwners(parameters: {
  safe: Address;
  chainId: number;
  digest: Hex;
  owners: readonly Signer[];
}): Promise<Hex> {
  const { safe, chainId, digest, owners } = parameters;
  const signed = await Promise.all(
    owners.map(async (owner) => ({
      owner: BigInt(owner.account.address),
      signature: await signTypedData(owner, {
        account: owner.account,
        domain: { chainId, verifyingContract: safe },
        types: { SafeMessage: [{ name: "message", type: "bytes" }] },
        primaryType: "SafeMessage",
        message: { message: encodeAbiParameters([{ type: "bytes32" }], [digest]) },
      }),
    })),
  );
  signed.sort((a, b) => (a.owner < b.owner ? -1 : a.owner > b.owner ? 1 : 0));
  return concat(signed.map((entry) => entry.signature));
}

/**
 * An EOA and a Safe acknowledge `agreementId` by signature; the relayer submits both in one transaction.
 *
 * @example
 * const { acknowledgements } = await acknowledgeBySignatures({ relayer, agreementId: 1n, eoa, safe, deadline });
 */
export async function acknowledgeBySignatures({
  relayer,
  agreementId,
  eoa,
  safe,
  deadline,
}: AcknowledgeBySignaturesParameters): Promise<SubmitSignaturesResult> {
  // 1. The EOA signs the acknowledgement's typed data with its wallet.
  const eoaSigned = await signAcknowledgement(relayer, { agreementId, deadline, walletClient: eoa });

  // 2. The Safe: its owners sign the Safe message of the acknowledgement's digest (ERC-1271).
  const typedData = await getAcknowledgeTypedData(relayer, { agreementId, signer: safe.address, deadline });
  const safeSignature = await signAsSafeOwners({
    safe: safe.address,
    chainId: relayer.chainId,
    digest: acknowledgementDigest(typedData),
    owners: safe.owners,
  });
  const safeSigned = toSignedAcknowledgement(typedData, safeSignature);

  // 3. One transaction for both (a refused entry would be skipped and reported, the rest applied).
  return submitAgreementSignatures(relayer, { signatures: [eoaSigned, safeSigned] });
}
