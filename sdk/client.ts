/**
 * `createConcordClient`: binds viem clients to a Concord deployment and exposes the modules
 * (`.cells`, `.agreements`, `.leases`, `.governance`). Every action is also exported on its own
 * (tree-shakable) and takes a {@link ConcordClientBase} as first argument, like viem's actions.
 */
import { getAddress, isAddress } from "viem";
import type { Account, Address, Chain, Client, Transport } from "viem";

import { agreementsActions } from "./agreements/decorator.ts";
import type { AgreementsActions } from "./agreements/decorator.ts";
import { cellsActions } from "./cells/decorator.ts";
import type { CellsActions } from "./cells/decorator.ts";
import { InvalidInputError, NoDeploymentError } from "./errors.ts";
import { deployments } from "./generated/deployments.ts";
import { governanceActions } from "./governance/decorator.ts";
import type { GovernanceActions } from "./governance/decorator.ts";
import { toIndexerConfig } from "./indexer/switch.ts";
import type { IndexerConfig, IndexerParameters, ReadsMode } from "./indexer/switch.ts";
import type { ClientScanProgress } from "./internal/logs.ts";
import { leasesActions } from "./leases/decorator.ts";
import type { LeasesActions } from "./leases/decorator.ts";

/**
 * The one list of the contracts a Concord client knows: the client's key → the contract's name in a deployment
 * record. `addresses`, `contracts` and the explicit `addresses` parameter are keyed by it.
 */
export const concordContracts = {
  cellRegistry: "CellRegistry",
  agreementRegistry: "AgreementRegistry",
  resourceLeases: "ResourceLeases",
  /** Governance: the operational house (seats of recognised cells). */
  operationalHouse: "OperationalHouse",
  /** Governance: the community house (members' votes token). */
  communityHouse: "CommunityHouse",
  /** Governance: the timelock that holds every power. */
  concordTimelock: "ConcordTimelock",
  /** Governance: the classifier that tells constitutional calls from operational ones. */
  governanceClassifier: "GovernanceClassifier",
  /**
   * Governance: the community's ERC-5805 votes token (ConcordMembership, or a DAO's own token; when the
   * deployment does not name it, the governance module reads it from the community house).
   */
  votesToken: "ConcordMembership",
} as const;

/** A contract the client knows, by its key in {@link concordContracts}. */
export type ConcordContractKey = keyof typeof concordContracts;

/** A viem client that can read (a `PublicClient`, or any client with a transport). */
export type ConcordPublicClient = Client<Transport, Chain | undefined>;

/** A viem client that can sign and send (a `WalletClient`, ideally with an account). */
export type ConcordWalletClient = Client<Transport, Chain | undefined, Account | undefined>;

/** One deployed contract: where it lives and the block from which event scans start. */
export type DeployedContract = {
  readonly address: Address;
  readonly startBlock: number | bigint;
};

/** A deployment record, as in `sdk/generated/deployments.ts`. */
export type Deployment = {
  readonly chainId: number;
  readonly name: string;
  readonly contracts: {
    readonly CellRegistry?: DeployedContract | undefined;
    readonly AgreementRegistry?: DeployedContract | undefined;
    readonly [contract: string]: DeployedContract | undefined;
  };
};

/** The resolved address and scan start of a contract the client uses. */
export type ConcordContract = {
  readonly address: Address;
  readonly startBlock: bigint;
};

/** What every Concord action needs: viem clients and where the contracts are. */
export type ConcordClientBase = {
  /** The client used for reads, simulations, receipts and event scans. */
  readonly publicClient: ConcordPublicClient;
  /** The client used to sign and send, if any. */
  readonly walletClient: ConcordWalletClient | undefined;
  /** The chain id the deployment belongs to. */
  readonly chainId: number;
  /** Contract addresses by module (undefined when the deployment has none). */
  readonly addresses: { readonly cellRegistry: Address } & {
    readonly [key in Exclude<ConcordContractKey, "cellRegistry">]?: Address | undefined;
  };
  /** Contract addresses and event-scan start blocks by module (see {@link concordContracts}). */
  readonly contracts: { readonly cellRegistry: ConcordContract } & {
    readonly [key in Exclude<ConcordContractKey, "cellRegistry">]?: ConcordContract | undefined;
  };
  /** When set, event scans query at most this many blocks per `eth_getLogs` request. */
  readonly maxBlockRange: bigint | undefined;
  /** The Concord indexer list reads may use (see `reads`). */
  readonly indexer?: IndexerConfig | undefined;
  /** Where list reads take their event data: "rpc" (default), "indexer", or "auto". */
  readonly reads?: ReadsMode | undefined;
  /** Told the progress of every chunked event scan of this client (see {@link CreateConcordClientParameters}). */
  readonly onScanProgress?: ((progress: ClientScanProgress) => void) | undefined;
};

/** The Concord client: the base plus one object of bound actions per module. */
export type ConcordClient = ConcordClientBase & {
  /** Cells: nested working groups (CellRegistry). */
  readonly cells: CellsActions;
  /** Agreements between accounts and cells (AgreementRegistry). */
  readonly agreements: AgreementsActions;
  /** Leases: exclusive, time-bound leases on shared resources (ResourceLeases). */
  readonly leases: LeasesActions;
  /** Governance: two houses, one proposal flow (OperationalHouse, CommunityHouse, timelock, classifier). */
  readonly governance: GovernanceActions;
};

/** Parameters of {@link createConcordClient}. */
export type CreateConcordClientParameters = {
  /** A viem public client. Its `chain.id` selects the deployment unless `deployment`/`addresses` is given. */
  publicClient: ConcordPublicClient;
  /** A viem wallet client, needed for writes. */
  walletClient?: ConcordWalletClient | undefined;
  /** A deployment record (default: `deployments[publicClient.chain.id]`). */
  deployment?: Deployment | undefined;
  /**
   * Explicit addresses; they override the deployment's. With an explicit `cellRegistry`, the other
   * contracts come from `deployment` when it is given, else only from these addresses.
   */
  addresses?: { readonly [key in ConcordContractKey]?: Address | undefined } | undefined;
  /** Block from which event scans start for explicit `addresses` (default 0, or the deployment's). */
  startBlock?: bigint | number | undefined;
  /** Chain id to use when the public client has no `chain`. */
  chainId?: number | undefined;
  /** Split event scans into `eth_getLogs` requests of at most this many blocks (for RPCs with a limit). */
  maxBlockRange?: bigint | number | undefined;
  /** A Concord indexer (`indexer/`) for list reads: `{ url }`, optionally `maxLagBlocks` for "auto". */
  indexer?: IndexerParameters | undefined;
  /**
   * Where list reads take their event data: "rpc" (eth_getLogs), "indexer", or "auto" (the indexer while it
   * is within `indexer.maxLagBlocks` of the chain head, else direct reads). Default: "auto" with an
   * `indexer`, else "rpc". Writes always go to the chain.
   */
  reads?: ReadsMode | undefined;
  /**
   * Told the progress of every event scan of this client that takes more than one request (a long history
   * behind `maxBlockRange`), after each chunk, and once more with `done: true` when it ends (read whole,
   * failed or aborted): e.g. an app's "Reading the chain's history: 41%" line. Each scan has its own `scan`.
   */
  onScanProgress?: ((progress: ClientScanProgress) => void) | undefined;
};

/**
 * The deployment record of Concord on `chainId`, from `sdk/generated/deployments.ts`.
 *
 * @throws {NoDeploymentError} when Concord has no record for that chain.
 * @example
 * import { getDeployment } from "@concord-dao/sdk";
 *
 * const local = getDeployment(31337);
 * local.contracts.CellRegistry?.address; // "0x5FbDB2315678afecb367f032d93F642f64180aa3"
 */
export function getDeployment(chainId: number): Deployment {
  const record = (deployments as unknown as Record<number, Deployment | undefined>)[chainId];
  if (!record) throw new NoDeploymentError({ chainId, known: Object.keys(deployments).map(Number) });
  return record;
}

/**
 * The Concord client without modules: what tree-shaken actions take as first argument.
 *
 * @example
 * import { createConcordBaseClient, getCell } from "@concord-dao/sdk";
 *
 * const base = createConcordBaseClient({ publicClient });
 * const cell = await getCell(base, { cellId: 1n });
 */
export function createConcordBaseClient(parameters: CreateConcordClientParameters): ConcordClientBase {
  const { publicClient, walletClient } = parameters;
  const chainId = parameters.deployment?.chainId ?? publicClient.chain?.id ?? parameters.chainId;
  const walletChainId = walletClient?.chain?.id;
  if (chainId !== undefined && walletChainId !== undefined && walletChainId !== chainId) {
    throw new InvalidInputError(
      "walletClient",
      walletChainId,
      `the wallet client is on chain ${walletChainId} but the Concord client is on chain ${chainId}`,
    );
  }

  // Every contract is resolved the same way; the CellRegistry is the one a client cannot do without.
  const contracts: Record<string, ConcordContract | undefined> = {};
  const addresses: Record<string, Address | undefined> = {};
  for (const [key, contract] of Object.entries(concordContracts) as [ConcordContractKey, string][]) {
    contracts[key] = resolveContract(parameters, chainId, contract, key);
    addresses[key] = contracts[key]?.address;
  }
  if (!contracts.cellRegistry) {
    throw new NoDeploymentError(chainId === undefined ? {} : { chainId, contract: "CellRegistry" });
  }

  const maxBlockRange = parameters.maxBlockRange === undefined ? undefined : BigInt(parameters.maxBlockRange);
  if (maxBlockRange !== undefined && maxBlockRange < 1n) {
    throw new InvalidInputError("maxBlockRange", parameters.maxBlockRange, "must be at least 1");
  }

  const indexer = parameters.indexer ? toIndexerConfig(parameters.indexer) : undefined;
  const reads = parameters.reads ?? (indexer ? "auto" : "rpc");
  if (reads !== "rpc" && !indexer) {
    throw new InvalidInputError("reads", reads, "reading from an indexer needs the indexer option ({ url })");
  }

  return {
    publicClient,
    walletClient,
    chainId: chainId ?? 0,
    addresses: addresses as ConcordClientBase["addresses"],
    contracts: contracts as ConcordClientBase["contracts"],
    maxBlockRange,
    indexer,
    reads,
    onScanProgress: parameters.onScanProgress,
  };
}

/**
 * Resolves one contract of the client: the explicit address `addresses[key]`; else the record of `deployment`, or
 * of the chain's generated deployment when the CellRegistry also comes from it; else undefined (the CellRegistry is
 * required; without another module's contract, that module's actions throw NoDeploymentError).
 */
function resolveContract(
  parameters: CreateConcordClientParameters,
  chainId: number | undefined,
  contract: string,
  key: ConcordContractKey,
): ConcordContract | undefined {
  const explicit = parameters.addresses?.[key];
  if (explicit !== undefined) {
    if (!isAddress(explicit, { strict: false })) {
      throw new InvalidInputError(`addresses.${key}`, explicit, "not an address");
    }
    const fallbackStart = parameters.deployment?.contracts[contract]?.startBlock;
    return { address: getAddress(explicit), startBlock: BigInt(parameters.startBlock ?? fallbackStart ?? 0) };
  }
  const deployment =
    parameters.deployment ??
    (parameters.addresses?.cellRegistry === undefined && chainId !== undefined
      ? getDeployment(chainId)
      : undefined);
  const record = deployment?.contracts[contract];
  return record ? { address: getAddress(record.address), startBlock: BigInt(record.startBlock) } : undefined;
}

/**
 * Creates the Concord client: viem clients bound to a deployment, with every module's actions.
 *
 * The deployment defaults to `deployments[publicClient.chain.id]` (`sdk/generated/deployments.ts`);
 * pass `deployment` or `addresses` to use another one.
 *
 * @throws {NoDeploymentError} when no deployment is known for the chain and none is given.
 * @example
 * import { createPublicClient, createWalletClient, http } from "viem";
 * import { privateKeyToAccount } from "viem/accounts";
 * import { hardhat } from "viem/chains";
 * import { createConcordClient } from "@concord-dao/sdk";
 *
 * const publicClient = createPublicClient({ chain: hardhat, transport: http() });
 * const walletClient = createWalletClient({ chain: hardhat, transport: http(), account: privateKeyToAccount(key) });
 * const concord = createConcordClient({ publicClient, walletClient });
 *
 * const { cellId } = await concord.cells.createCell({ name: "Treasury guild" });
 * const cell = await concord.cells.getCell({ cellId });
 */
export function createConcordClient(parameters: CreateConcordClientParameters): ConcordClient {
  const base = createConcordBaseClient(parameters);
  return {
    ...base,
    cells: cellsActions(base),
    agreements: agreementsActions(base),
    leases: leasesActions(base),
    governance: governanceActions(base),
  };
}
