/**
 * Test fixture for the agreements SDK: the shared chain of `fixture.ts`, plus a fresh CellRegistry and
 * AgreementRegistry per test and Concord clients (for each dev account) bound to both.
 */
import { getAddress, keccak256, stringToBytes } from "viem";
import type { Address, Hex } from "viem";

import { createConcordClient } from "../../sdk/index.ts";
import type { ConcordClient } from "../../sdk/index.ts";
import { createTestChain } from "./fixture.ts";

/** A terms document and its hash. */
export const TERMS = "# Service agreement\nThe infra cell runs two archive nodes for the grants cell.";
export const TERMS_HASH: Hex = keccak256(stringToBytes(TERMS));
export const TERMS_V2 = `${TERMS}\nRevised: three archive nodes.`;
export const TERMS_V2_HASH: Hex = keccak256(stringToBytes(TERMS_V2));
export const URI = "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy5";
/** A title, as every proposal and amendment needs one. */
export const TITLE = "Archive nodes for the grants cell";

/**
 * `concord` proposes an agreement between `accounts` and `cells` with the fixture's title, URI and terms
 * (optionally expiring at `expiresAt`); its id.
 *
 * @example
 * const id = await proposeBetween(as(3), [alice, bob]);
 */
export async function proposeBetween(
  concord: ConcordClient,
  accounts: readonly Address[],
  cells: readonly bigint[] = [],
  { expiresAt }: { expiresAt?: bigint | undefined } = {},
): Promise<bigint> {
  const { agreementId } = await concord.agreements.proposeAgreement({
    title: TITLE,
    termsURI: URI,
    accounts,
    cells,
    terms: TERMS,
    expiresAt,
  });
  return agreementId;
}

/** Opens a new in-process chain (once per test file), then `deploy()` per test. */
export async function createAgreementsChain() {
  const chain = await createTestChain();
  const { viem, publicClient, walletClients, accounts } = chain;

  /** Deploys a CellRegistry (governance: account 0) and an AgreementRegistry over it. */
  async function deploy() {
    const startBlock = (await publicClient.getBlockNumber()) + 1n;
    const cells = await viem.deployContract("CellRegistry", [accounts[0]!]);
    const agreements = await viem.deployContract("AgreementRegistry", [cells.address]);
    const addresses = {
      cellRegistry: getAddress(cells.address),
      agreementRegistry: getAddress(agreements.address),
    };
    const { as, concord, readOnly } = chain.clientsFor(addresses, startBlock);
    return {
      addresses,
      startBlock,
      cells,
      agreements,
      as,
      concord,
      readOnly,
    };
  }

  /** Deploys another AgreementRegistry over the same cell registry (another deployment, same chain). */
  async function deployAnotherRegistry(cellRegistry: Address) {
    const startBlock = (await publicClient.getBlockNumber()) + 1n;
    const agreements = await viem.deployContract("AgreementRegistry", [cellRegistry]);
    const addresses = { cellRegistry, agreementRegistry: getAddress(agreements.address) };
    return {
      addresses,
      as: (i: number): ConcordClient =>
        createConcordClient({ publicClient, walletClient: walletClients[i]!, addresses, startBlock }),
    };
  }

  const [founder, alice, bob, carol, dave] = accounts as [Address, Address, Address, Address, Address];
  /** The dev accounts by role: founder (account 0, governance of the registry), then four members-to-be. */
  const names = { founder, alice, bob, carol, dave };

  return { ...chain, deploy, deployAnotherRegistry, names };
}

export type AgreementsChain = Awaited<ReturnType<typeof createAgreementsChain>>;
export type AgreementsDeployment = Awaited<ReturnType<AgreementsChain["deploy"]>>;
