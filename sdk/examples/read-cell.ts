/**
 * Read a cell: a client without a wallet, one tree-shakable action. This is the page `npm run sdk:measure`
 * bundles (a cells read carries no other module's error catalogue).
 */
import { createConcordBaseClient, getCell } from "../index.ts";
import type { Cell, ConcordPublicClient, CreateConcordClientParameters } from "../index.ts";

/** Parameters of {@link readCell}. */
export type ReadCellParameters = {
  publicClient: ConcordPublicClient;
  cellId: bigint;
  /** Where the registry is (default: the deployment of the public client's chain). */
  addresses?: CreateConcordClientParameters["addresses"];
};

/**
 * Reads one cell: its name, phase, members count, parent...
 *
 * @example
 * import { createPublicClient, http } from "viem";
 * import { hardhat } from "viem/chains";
 *
 * const publicClient = createPublicClient({ chain: hardhat, transport: http() });
 * const cell = await readCell({ publicClient, cellId: 1n });
 * console.log(cell.name, cell.memberCount);
 */
export async function readCell({ publicClient, cellId, addresses }: ReadCellParameters): Promise<Cell> {
  const client = createConcordBaseClient({ publicClient, addresses });
  return getCell(client, { cellId });
}
