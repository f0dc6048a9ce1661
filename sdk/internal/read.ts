/**
 * Shared read plumbing: decoded errors around reads, and batched reads through Multicall3, bounded by call count
 * and by gas.
 */
import {
  ContractFunctionExecutionError,
  ContractFunctionRevertedError,
  decodeFunctionResult,
  encodeFunctionData,
  multicall3Abi,
} from "viem";
import type {
  Abi,
  Address,
  ContractFunctionArgs,
  ContractFunctionName,
  ContractFunctionParameters,
  ContractFunctionReturnType,
  Hex,
  MulticallReturnType,
  ReadContractParameters,
} from "viem";
import { call, getBlock, multicall, readContract } from "viem/actions";

import type { ConcordClientBase } from "../client.ts";
import { decodeConcordError, InvalidInputError } from "../errors.ts";
import type { ConcordErrorType } from "../errors.ts";
import type { ReadAt } from "./block.ts";
import type { ErrorCatalogue } from "./registry.ts";

/**
 * Where a read's failure is decoded and which block it reads: the contract and function named in the message,
 * the block (`readAt(parameters)`), and the module's error catalogue — referencing it keeps the module's
 * messages in any bundle that uses the read, so a reads-only page decodes a refusal in words.
 */
export type ReadContext = {
  contract?: string | undefined;
  functionName?: string | undefined;
  /** The block to read at (default: the latest). */
  at?: ReadAt | undefined;
  /** The module's error catalogue (registered with the decoder by being referenced). */
  errors?: ErrorCatalogue | undefined;
  /**
   * The most calls one Multicall3 `eth_call` carries (default {@link readBatchLimits}`.callsPerBatch`). A read
   * whose calls each cost under 30,000 gas may raise it up to `maxCallsPerBatch`, so that a page's live values
   * stay one request; the gas cap of each `eth_call` holds either way (a batch that runs out is split).
   */
  callsPerBatch?: number | undefined;
};

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
  context: ReadContext,
): Promise<result> {
  // Referencing the catalogue is what registers it (its module's `registerErrorCatalogue` call).
  void context.errors;
  try {
    return await read();
  } catch (error) {
    throw decodeConcordError(error, { contract: context.contract, functionName: context.functionName });
  }
}

/**
 * The one typed reader of the SDK: one view function of a Concord contract, at the block of `at`, with its
 * refusal decoded in the words of `errors` (the module's catalogue). Each module wraps it with its contract
 * (`readRegistry`, `readAgreements`, `readLeases`).
 *
 * @example
 * const count = await readFunction(client, {
 *   contract: "CellRegistry",
 *   address: contractOf(client, "cellRegistry").address,
 *   abi: cellRegistryAbi,
 *   functionName: "cellCount",
 *   args: [],
 *   at: readAt({ blockNumber: 12n }),
 * });
 */
export async function readFunction<
  const abi extends Abi,
  const functionName extends ContractFunctionName<abi, "view" | "pure">,
  const args extends ContractFunctionArgs<abi, "view" | "pure", functionName>,
>(
  client: ConcordClientBase,
  parameters: {
    contract: string;
    address: Address;
    abi: abi;
    functionName: functionName;
    args: args;
  } & Omit<ReadContext, "contract" | "functionName">,
): Promise<ContractFunctionReturnType<abi, "view" | "pure", functionName, args>> {
  const { contract, address, abi, functionName, args, at, errors } = parameters;
  return withDecodedErrors(
    () =>
      readContract(client.publicClient, {
        address,
        abi,
        functionName,
        args,
        ...at,
      } as unknown as ReadContractParameters<abi, functionName, args>) as Promise<
        ContractFunctionReturnType<abi, "view" | "pure", functionName, args>
      >,
    { contract, functionName, errors },
  );
}

/** The canonical Multicall3 address (the same on every chain that has it; `npm start` puts it on the local chain). */
export const MULTICALL3_ADDRESS = "0xcA11bde05977b3631167028862bE2a173976CA11" as const;

/**
 * Bounds of one batched read. A Concord read costs at most about 100,000 gas (a cell with its capped strings, a
 * queue page), so 100 calls fit in 10M gas; each `eth_call` also carries an explicit gas cap, `gasPerCall`
 * (15M: below EDR's 16,777,216 and geth's 50M caps on one `eth_call`), and a batch whose calls run out of it is
 * split in halves and read again. Without a deployed Multicall3 the deployless form sends Multicall3's code with
 * every request and nodes cap it (EDR: 24,576 result bytes, 49,152 request bytes), so it is kept for small
 * batches: 20 calls.
 */
export const readBatchLimits = {
  callsPerBatch: 100,
  /** The most a read of cheap calls (each under 30,000 gas: 500 × 30,000 = the 15M cap) may ask for. */
  maxCallsPerBatch: 500,
  deploylessCallsPerBatch: 20,
  concurrency: 4,
  gasPerCall: 15_000_000n,
} as const;

/**
 * What {@link readBatch} takes after the client: its calls, then where they are read and how they are batched
 * (`readBatch(client, ...parameters)`).
 */
export type ReadBatchParameters<
  contracts extends readonly ContractFunctionParameters[] = readonly ContractFunctionParameters[],
> = [contracts: contracts, context?: ReadContext];
/** What {@link readBatch} resolves to: each call's result, in call order. */
export type ReadBatchReturnType<
  contracts extends readonly ContractFunctionParameters[] = readonly ContractFunctionParameters[],
> = MulticallReturnType<contracts, false>;
/**
 * What {@link readBatch} throws: a `ConcordError` — the first failing call's refusal decoded
 * (`ContractRefusalError`), an `InvalidInputError` for a `callsPerBatch` out of bounds, or the node's failure
 * with viem's error as its `cause`.
 */
export type ReadBatchErrorType = ConcordErrorType;

/**
 * Reads many contract functions through Multicall3, in as few `eth_call`s as the bounds allow: the chain's
 * deployed Multicall3 when `publicClient.chain.contracts.multicall3` is known, in batches of
 * {@link readBatchLimits}`.callsPerBatch`, each `eth_call` capped at `gasPerCall` gas (a batch that runs out of
 * it is split in halves and read again); otherwise the deployless form (the code travels with the call, so it
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
  context: ReadContext = {},
): Promise<MulticallReturnType<contracts, false>> {
  return withDecodedErrors(
    () =>
      batched(client, contracts, false, context.at, batchSize(client, context)) as Promise<
        MulticallReturnType<contracts, false>
      >,
    context,
  );
}

/** What {@link readBatchSettled} takes after the client: its calls, then where and how they are read. */
export type ReadBatchSettledParameters<
  contracts extends readonly ContractFunctionParameters[] = readonly ContractFunctionParameters[],
> = [contracts: contracts, context?: ReadContext];
/** What {@link readBatchSettled} resolves to: each call's outcome (`success` with its result, or `failure`). */
export type ReadBatchSettledReturnType<
  contracts extends readonly ContractFunctionParameters[] = readonly ContractFunctionParameters[],
> = MulticallReturnType<contracts, true>;
/**
 * What {@link readBatchSettled} throws: a `ConcordError` when a whole batch fails (the node refusing it), or an
 * `InvalidInputError` for a `callsPerBatch` out of bounds; a failing call is an outcome, not a throw.
 */
export type ReadBatchSettledErrorType = ConcordErrorType;

/**
 * {@link readBatch} where each call may fail on its own (a governance read before its snapshot, say): every
 * call's outcome, `{ status: "success", result }` or `{ status: "failure", error }`, in call order. Only a
 * failure of a whole batch (the node refusing it) throws, decoded.
 */
export async function readBatchSettled<const contracts extends readonly ContractFunctionParameters[]>(
  client: ConcordClientBase,
  contracts: contracts,
  context: ReadContext = {},
): Promise<MulticallReturnType<contracts, true>> {
  return withDecodedErrors(
    () =>
      batched(client, contracts, true, context.at, batchSize(client, context)) as Promise<
        MulticallReturnType<contracts, true>
      >,
    context,
  );
}

/** The block a batch read at: its number and its time (Unix seconds), as the contracts saw them. */
export type BatchBlock = { number: bigint; timestamp: bigint };

/**
 * What {@link readBatchAtBlock} takes after the client: its calls, then where and how they are read and whether
 * a call may fail on its own (`allowFailure`, as {@link readBatchSettled}).
 */
export type ReadBatchAtBlockParameters<
  contracts extends readonly ContractFunctionParameters[] = readonly ContractFunctionParameters[],
  allowFailure extends boolean = false,
> = [contracts: contracts, context?: ReadContext & { allowFailure?: allowFailure | undefined }];
/** What {@link readBatchAtBlock} resolves to: the block the calls read, and their results in call order. */
export type ReadBatchAtBlockReturnType<
  contracts extends readonly ContractFunctionParameters[] = readonly ContractFunctionParameters[],
  allowFailure extends boolean = false,
> = { block: BatchBlock; results: MulticallReturnType<contracts, allowFailure> };
/**
 * What {@link readBatchAtBlock} throws: a `ConcordError`, as {@link readBatch} (or, with `allowFailure`,
 * {@link readBatchSettled}) throws one, and when the block cannot be read.
 */
export type ReadBatchAtBlockErrorType = ConcordErrorType;

/** Multicall3's own views of the block its `eth_call` runs in (viem's `multicall3Abi` has neither). */
const multicall3BlockAbi = [
  {
    type: "function",
    name: "getBlockNumber",
    stateMutability: "view",
    inputs: [],
    outputs: [{ name: "blockNumber", type: "uint256" }],
  },
  {
    type: "function",
    name: "getCurrentBlockTimestamp",
    stateMutability: "view",
    inputs: [],
    outputs: [{ name: "timestamp", type: "uint256" }],
  },
] as const;

/**
 * {@link readBatch} (or, with `allowFailure`, {@link readBatchSettled}) together with the block the calls read:
 * its number and time, for reads whose values depend on the clock (a lease's expiry, a claim window, a
 * proposal's deadline). Where the chain has a deployed Multicall3 and the calls fit one batch, the block rides
 * in that batch as Multicall3's `getBlockNumber` and `getCurrentBlockTimestamp`: ONE request in all. Otherwise
 * (several batches, or the deployless form) the block is read first (`eth_getBlockByNumber`) and every batch is
 * pinned to it, so that all of them read the same state.
 *
 * The number is the block the calls executed in: a node that runs calls on `latest` in a pending block (Hardhat's
 * EDR) reports the block after the head, with the time it would have, which is the time the contracts' views
 * judged by. Read state again at a pinned block with {@link readBatch} and `at: { blockNumber }` only when it came
 * from a pinned read.
 *
 * @example
 * const { block, results } = await readBatchAtBlock(client, calls, { contract: "ResourceLeases" });
 * const active = leaseEnd > block.timestamp;
 */
export async function readBatchAtBlock<
  const contracts extends readonly ContractFunctionParameters[],
  allowFailure extends boolean = false,
>(
  client: ConcordClientBase,
  contracts: contracts,
  context: ReadContext & { allowFailure?: allowFailure | undefined } = {},
): Promise<{ block: BatchBlock; results: MulticallReturnType<contracts, allowFailure> }> {
  const allowFailure = context.allowFailure ?? false;
  const size = batchSize(client, context);
  const deployed = client.publicClient.chain?.contracts?.multicall3?.address;
  return withDecodedErrors(async () => {
    if (deployed && contracts.length + 2 <= size) {
      const blockCalls = (["getBlockNumber", "getCurrentBlockTimestamp"] as const).map(
        (functionName) => ({ address: deployed, abi: multicall3BlockAbi, functionName }) as const,
      );
      // One batch, never split: one that runs out of gas is read below, the block first and the halves pinned to it.
      let outcomes: Outcome[] | null = null;
      try {
        outcomes = await aggregate3(client, deployed, [...blockCalls, ...contracts], context.at, false);
      } catch (error) {
        if (!(error instanceof SplitNeeded)) throw error;
      }
      if (outcomes) {
        const [numberOutcome, timestampOutcome] = outcomes;
        if (numberOutcome?.status !== "success" || timestampOutcome?.status !== "success") {
          throw (
            (numberOutcome?.status === "failure" ? numberOutcome.error : undefined) ??
            (timestampOutcome as { error?: Error } | undefined)?.error ??
            new Error("Multicall3 did not answer getBlockNumber and getCurrentBlockTimestamp")
          );
        }
        const results = outcomes.slice(2).map((outcome) => {
          if (allowFailure)
            return outcome.status === "success"
              ? { status: "success", result: outcome.result }
              : { status: "failure", error: outcome.error, result: undefined };
          if (outcome.status === "failure") throw outcome.error;
          return outcome.result;
        });
        return {
          block: { number: numberOutcome.result as bigint, timestamp: timestampOutcome.result as bigint },
          results: results as MulticallReturnType<contracts, allowFailure>,
        };
      }
    }
    const header = await getBlock(client.publicClient, context.at ?? {});
    // A pending block has no number yet: read at the tag; its time is the header's.
    const at: ReadAt | undefined = header.number === null ? context.at : { blockNumber: header.number };
    const results = await batched(client, contracts, allowFailure, at, size);
    return {
      block: { number: header.number ?? 0n, timestamp: header.timestamp },
      results: results as MulticallReturnType<contracts, allowFailure>,
    };
  }, context);
}

/** The batch size of a read: the deployless form's small one, or the caller's (bounded), or the default. */
function batchSize(client: ConcordClientBase, context: ReadContext): number {
  if (!client.publicClient.chain?.contracts?.multicall3?.address)
    return readBatchLimits.deploylessCallsPerBatch;
  const asked = context.callsPerBatch;
  if (asked === undefined) return readBatchLimits.callsPerBatch;
  if (!Number.isInteger(asked) || asked < 1 || asked > readBatchLimits.maxCallsPerBatch)
    throw new InvalidInputError(
      "callsPerBatch",
      asked,
      `expected an integer from 1 to ${readBatchLimits.maxCallsPerBatch}`,
    );
  return asked;
}

type Aggregate3Call = { target: Address; allowFailure: boolean; callData: Hex };
type Outcome = { status: "success"; result: unknown } | { status: "failure"; error: Error };

/** Whether a whole `eth_call` failed for want of gas (the cap, or the node's own). */
function outOfGas(error: unknown): boolean {
  const texts: string[] = [];
  for (
    let e = error as { message?: unknown; cause?: unknown } | undefined, depth = 0;
    e && depth < 8;
    depth++
  ) {
    texts.push(String(e.message ?? e));
    e = e.cause as typeof e;
  }
  const text = texts.join(" | ").toLowerCase();
  return /out of gas|gas (limit|cap)|exceeds? (the )?(block )?gas|intrinsic gas|gas required exceeds/.test(
    text,
  );
}

/**
 * One batch through the deployed Multicall3's `aggregate3`, capped at `gasPerCall`: every call's outcome. A call
 * that fails without revert data inside a batch of several may have run out of the batch's gas: those are read
 * again in smaller batches, and only a call that fails alone is a failure.
 */
async function aggregate3(
  client: ConcordClientBase,
  multicall: Address,
  contracts: readonly ContractFunctionParameters[],
  at: ReadAt | undefined,
  split = true,
): Promise<Outcome[]> {
  const calls: Aggregate3Call[] = contracts.map((c) => ({
    target: c.address,
    allowFailure: true,
    callData: encodeFunctionData({ abi: c.abi, functionName: c.functionName, args: c.args } as never),
  }));
  let returned: readonly { success: boolean; returnData: Hex }[];
  try {
    const { data } = await call(client.publicClient, {
      to: multicall,
      data: encodeFunctionData({ abi: multicall3Abi, functionName: "aggregate3", args: [calls] }),
      gas: readBatchLimits.gasPerCall,
      ...at,
    });
    returned = decodeFunctionResult({ abi: multicall3Abi, functionName: "aggregate3", data: data ?? "0x" });
  } catch (error) {
    if (contracts.length > 1 && outOfGas(error)) {
      if (!split) throw new SplitNeeded();
      return halves(client, multicall, contracts, at);
    }
    throw error;
  }
  const outcomes: (Outcome | undefined)[] = returned.map((entry, i) => {
    const c = contracts[i]!;
    if (entry.success) {
      try {
        return {
          status: "success",
          result: decodeFunctionResult({
            abi: c.abi,
            functionName: c.functionName,
            args: c.args,
            data: entry.returnData,
          } as never),
        };
      } catch (error) {
        // An answer that does not decode (an address with no code answers an empty success): this call's
        // failure, as the deployless form reports it, not the whole batch's.
        return { status: "failure", error: error as Error };
      }
    }
    // No revert data in a batch of several: perhaps out of gas. Read again below.
    if (entry.returnData === "0x" && contracts.length > 1) return undefined;
    return {
      status: "failure",
      error: new ContractFunctionExecutionError(
        new ContractFunctionRevertedError({
          abi: c.abi,
          data: entry.returnData,
          functionName: c.functionName,
        }),
        { abi: c.abi, args: c.args, contractAddress: c.address, functionName: c.functionName },
      ),
    };
  });
  const again = outcomes.flatMap((outcome, i) => (outcome === undefined ? [i] : []));
  if (again.length > 0) {
    if (!split) throw new SplitNeeded();
    const retried = await halves(
      client,
      multicall,
      again.map((i) => contracts[i]!),
      at,
    );
    again.forEach((i, k) => (outcomes[i] = retried[k]));
  }
  return outcomes as Outcome[];
}

/**
 * A batch that must be read as one (its block rides in it) ran out of gas: read it the other way (the block
 * first, every smaller batch pinned to it), so that all of its calls still read one block.
 */
class SplitNeeded extends Error {}

async function halves(
  client: ConcordClientBase,
  multicall: Address,
  contracts: readonly ContractFunctionParameters[],
  at: ReadAt | undefined,
): Promise<Outcome[]> {
  if (contracts.length === 1) return aggregate3(client, multicall, contracts, at);
  const middle = Math.ceil(contracts.length / 2);
  return [
    ...(await aggregate3(client, multicall, contracts.slice(0, middle), at)),
    ...(await aggregate3(client, multicall, contracts.slice(middle), at)),
  ];
}

/**
 * The bounded batches of {@link readBatch}: split by call count, each `eth_call` capped in gas (split again
 * when it runs out), at most `concurrency` in flight.
 */
async function batched(
  client: ConcordClientBase,
  contracts: readonly ContractFunctionParameters[],
  allowFailure: boolean,
  at: ReadAt | undefined,
  size: number,
): Promise<unknown[]> {
  if (contracts.length === 0) return [];
  const deployed = client.publicClient.chain?.contracts?.multicall3?.address;
  const batches: ContractFunctionParameters[][] = [];
  for (let i = 0; i < contracts.length; i += size) batches.push(contracts.slice(i, i + size));
  const results: unknown[][] = new Array(batches.length);
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const index = next++;
      if (deployed) {
        const outcomes = await aggregate3(client, deployed, batches[index]!, at);
        if (!allowFailure) {
          const failed = outcomes.find((outcome) => outcome.status === "failure");
          if (failed) throw failed.error;
          results[index] = outcomes.map((outcome) => (outcome as { result: unknown }).result);
        } else {
          results[index] = outcomes.map((outcome) =>
            outcome.status === "success"
              ? { status: "success", result: outcome.result }
              : { status: "failure", error: outcome.error, result: undefined },
          );
        }
        continue;
      }
      // The small fallback: the deployless form (Multicall3's code travels with the call).
      results[index] = (await multicall(client.publicClient, {
        contracts: batches[index]!,
        allowFailure,
        // The batch is already bounded by call count; viem must not split it again by calldata size.
        batchSize: 0,
        deployless: true,
        ...at,
      })) as unknown[];
    }
  };
  await Promise.all(Array.from({ length: Math.min(readBatchLimits.concurrency, batches.length) }, worker));
  return results.flat();
}
