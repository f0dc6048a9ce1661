/**
 * The deployment the indexer follows, handed over by the launcher (`indexer/start.ts`) in the environment:
 * `CONCORD_DEPLOYMENT` is one record of `sdk/generated/deployments.ts` as JSON (addresses and start
 * blocks), `CONCORD_RPC_URL` the chain's JSON-RPC endpoint. The launcher checks both before Ponder starts.
 */
export type IndexedContract = { address: `0x${string}`; startBlock: number };

export type IndexedDeployment = {
  chainId: number;
  name: string;
  contracts: Partial<
    Record<
      | "CellRegistry"
      | "AgreementRegistry"
      | "ResourceLeases"
      | "OperationalHouse"
      | "CommunityHouse"
      | "ConcordMembership",
      IndexedContract
    >
  >;
};

/** The deployment record from `CONCORD_DEPLOYMENT`, or a clear error naming the launcher. */
export function indexedDeployment(): IndexedDeployment {
  const raw = process.env.CONCORD_DEPLOYMENT;
  if (!raw) {
    throw new Error(
      "CONCORD_DEPLOYMENT is not set: start the indexer with `npm run indexer:start` (indexer/start.ts), which reads the deployment record of the chain.",
    );
  }
  const record = JSON.parse(raw) as IndexedDeployment;
  if (!record.contracts.CellRegistry) throw new Error("CONCORD_DEPLOYMENT has no CellRegistry.");
  return record;
}
