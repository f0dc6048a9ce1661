/**
 * Shared read plumbing: decoded errors around reads, and batched reads through one multicall.
 */
import { multicall } from "viem/actions";
import type { ContractFunctionParameters, MulticallReturnType } from "viem";

import type { ConcordClientBase } from "../client.ts";
import { decodeConcordError } from "../errors.ts";

/**
 * Runs `read` and rethrows any failure as a decoded Concord error.
 *
 * @example
 * const roles = await withDecodedErrors(() => readContract(client.publicClient, params), {
 *   contract: "CellRegistry",
 *   functionName: "rolesOf",
 * });
 */
export async function withDecodedErrors<result>(
  read: () => Promise<result>,
  context: { contract?: string; functionName?: string },
): Promise<result> {
  try {
    return await read();
  } catch (error) {
    throw decodeConcordError(error, context);
  }
}

/**
 * Reads many contract functions in ONE `eth_call` through Multicall3: the chain's deployed Multicall3
 * when `publicClient.chain.contracts.multicall3` is known, otherwise deployless (the Multicall3 code
 * is sent with the call, so it works on chains without it, like a local Hardhat node). A failing read
 * throws its decoded error.
 *
 * @example
 * const [count, governance] = await readBatch(client, [
 *   { address, abi: cellRegistryAbi, functionName: "cellCount" },
 *   { address, abi: cellRegistryAbi, functionName: "governance" },
 * ], { contract: "CellRegistry" });
 */
export async function readBatch<const contracts extends readonly ContractFunctionParameters[]>(
  client: ConcordClientBase,
  contracts: contracts,
  context: { contract?: string; functionName?: string } = {},
): Promise<MulticallReturnType<contracts, false>> {
  if (contracts.length === 0) return [] as unknown as MulticallReturnType<contracts, false>;
  const deployed = client.publicClient.chain?.contracts?.multicall3;
  return withDecodedErrors(
    () =>
      multicall(client.publicClient, {
        contracts: contracts as unknown as readonly ContractFunctionParameters[],
        allowFailure: false,
        // One request, however many calls: the batch is a read, calldata size is not the constraint.
        batchSize: 0,
        deployless: !deployed,
      }) as Promise<MulticallReturnType<contracts, false>>,
    context,
  );
}
