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

/** The canonical Multicall3 address (the same on every chain that has it; `npm start` puts it on the local chain). */
export const MULTICALL3_ADDRESS = "0xcA11bde05977b3631167028862bE2a173976CA11" as const;

/**
 * Bounds of one batched read. A Concord read costs at most about 100,000 gas (a cell with its capped strings, a
 * queue page), so 100 calls stay under 10M gas — below EDR's 16,777,216 and geth's 50M caps on one `eth_call`.
 * Without a deployed Multicall3 the deployless form sends Multicall3's code with every request and nodes cap it
 * (EDR: 24,576 result bytes, 49,152 request bytes), so it is kept for small batches: 20 calls.
 */
export const readBatchLimits = { callsPerBatch: 100, deploylessCallsPerBatch: 20, concurrency: 4 } as const;

/**
 * Reads many contract functions through Multicall3, in as few `eth_call`s as the bounds allow: the chain's
 * deployed Multicall3 when `publicClient.chain.contracts.multicall3` is known, in batches of
 * {@link readBatchLimits}`.callsPerBatch`; otherwise the deployless form (the code travels with the call, so it
 * works on chains without Multicall3) in batches of `deploylessCallsPerBatch`. At most `concurrency` batches are
 * in flight. Results come back in call order; a failing read throws its decoded error.
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
  return withDecodedErrors(
    () => batched(client, contracts, false) as Promise<MulticallReturnType<contracts, false>>,
    context,
  );
}

/**
 * {@link readBatch} where each call may fail on its own (a governance read before its snapshot, say): every
 * call's outcome, `{ status: "success", result }` or `{ status: "failure", error }`, in call order. Only a
 * failure of a whole batch (the node refusing it) throws, decoded.
 */
export async function readBatchSettled<const contracts extends readonly ContractFunctionParameters[]>(
  client: ConcordClientBase,
  contracts: contracts,
  context: { contract?: string; functionName?: string } = {},
): Promise<MulticallReturnType<contracts, true>> {
  return withDecodedErrors(
    () => batched(client, contracts, true) as Promise<MulticallReturnType<contracts, true>>,
    context,
  );
}

/** The bounded batches of {@link readBatch}: split by call count, at most `concurrency` in flight. */
async function batched(
  client: ConcordClientBase,
  contracts: readonly ContractFunctionParameters[],
  allowFailure: boolean,
): Promise<unknown[]> {
  if (contracts.length === 0) return [];
  const deployed = client.publicClient.chain?.contracts?.multicall3;
  const size = deployed ? readBatchLimits.callsPerBatch : readBatchLimits.deploylessCallsPerBatch;
  const batches: ContractFunctionParameters[][] = [];
  for (let i = 0; i < contracts.length; i += size) batches.push(contracts.slice(i, i + size));
  const results: unknown[][] = new Array(batches.length);
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const index = next++;
      results[index] = (await multicall(client.publicClient, {
        contracts: batches[index]!,
        allowFailure,
        // The batch is already bounded by call count; viem must not split it again by calldata size.
        batchSize: 0,
        deployless: !deployed,
      })) as unknown[];
    }
  };
  await Promise.all(Array.from({ length: Math.min(readBatchLimits.concurrency, batches.length) }, worker));
  return results.flat();
}
