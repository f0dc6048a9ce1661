/**
 * Ponder configuration: one chain (the deployment's), every Concord contract of the deployment record with
 * its generated ABI and start block. Database: PGlite in `indexer/.ponder/pglite` by default, PostgreSQL
 * when `DATABASE_URL` is set (the launcher passes a schema per deployment).
 */
import { createConfig } from "ponder";

import {
  agreementRegistryAbi,
  cellRegistryAbi,
  communityHouseAbi,
  concordMembershipAbi,
  operationalHouseAbi,
  resourceLeasesAbi,
} from "../sdk/generated/abis.ts";
import { indexedDeployment } from "./deployment.ts";

const deployment = indexedDeployment();
const rpc = process.env.CONCORD_RPC_URL;
if (!rpc) throw new Error("CONCORD_RPC_URL is not set: start the indexer with `npm run indexer:start`.");
const chain = "concord" as const;
const local = deployment.chainId === 31337;

function contract<abi>(abi: abi, name: keyof typeof deployment.contracts) {
  const record = deployment.contracts[name];
  // A module the deployment lacks is indexed at the zero address, which never emits.
  return {
    chain,
    abi,
    address: record?.address ?? ("0x0000000000000000000000000000000000000000" as const),
    startBlock: record?.startBlock ?? deployment.contracts.CellRegistry!.startBlock,
  };
}

export default createConfig({
  database: process.env.DATABASE_URL
    ? { kind: "postgres", connectionString: process.env.DATABASE_URL }
    : { kind: "pglite", directory: process.env.CONCORD_INDEXER_PGLITE_DIR ?? ".ponder/pglite" },
  chains: {
    [chain]: {
      id: deployment.chainId,
      rpc,
      // A local chain mines on demand: poll often so a new event shows within a second; never cache its RPC.
      pollingInterval: Number(process.env.CONCORD_INDEXER_POLLING_MS ?? (local ? 250 : 1000)),
      disableCache: local,
      // A provider's eth_getLogs block limit (e.g. 10000); Ponder also shrinks ranges a provider refuses. Unset,
      // Ponder's own ranges, on the local chain too: a backfill of millions of hardhat_mine blocks is bound by
      // Ponder's steps and the blocks holding events, not by this range (bench/reports/indexer.md).
      ...(process.env.CONCORD_INDEXER_GETLOGS_RANGE
        ? { ethGetLogsBlockRange: Number(process.env.CONCORD_INDEXER_GETLOGS_RANGE) }
        : {}),
    },
  },
  contracts: {
    CellRegistry: contract(cellRegistryAbi, "CellRegistry"),
    AgreementRegistry: contract(agreementRegistryAbi, "AgreementRegistry"),
    ResourceLeases: contract(resourceLeasesAbi, "ResourceLeases"),
    OperationalHouse: contract(operationalHouseAbi, "OperationalHouse"),
    CommunityHouse: contract(communityHouseAbi, "CommunityHouse"),
    ConcordMembership: contract(concordMembershipAbi, "ConcordMembership"),
  },
});
