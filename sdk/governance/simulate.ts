/**
 * Simulation before voting: what a proposal's calls would do if the timelock executed them now, with the node
 * alone (no third-party simulation service). One `eth_simulateV1` where the node offers it, else one `eth_call`,
 * each with a state override: the timelock's code is replaced by the never-deployed `ProposalSimulator`
 * (`contracts/utils/ProposalSimulator.sol`; the timelock keeps its storage and balance), and its own code is put at
 * {@link PROPOSAL_SIMULATOR_ORIGINAL_CODE} so that calls to the timelock itself still run its real code.
 */
import {
  RawContractError,
  encodeFunctionData,
  decodeFunctionResult,
  formatEther,
  getAddress,
  keccak256,
  toHex,
} from "viem";
import type { Address, Hex } from "viem";
import { call, getBlockNumber, getCode, simulateBlocks } from "viem/actions";

import { agreementErrorCatalogue } from "../agreements/errors.ts";
import type { ConcordClientBase, ConcordPublicClient } from "../client.ts";
import { ConcordError, ContractRefusalError, InvalidInputError, decodeConcordError } from "../errors.ts";
import { proposalSimulatorAbi, proposalSimulatorRuntimeCode } from "../generated/simulator.ts";
import { defineErrorMessages } from "../internal/messages.ts";
import type { ErrorMessages } from "../internal/messages.ts";
import { leaseErrorCatalogue } from "../leases/errors.ts";
import { governanceErrorCatalogue } from "./errors.ts";
import { getGovernanceContracts } from "./reads.ts";
import { MAX_TREASURY_TOKENS, getTreasury } from "./treasury.ts";
import type { ProposalCallInput } from "./types.ts";

/**
 * Where the simulation puts the timelock's original code: the last 20 bytes of
 * `keccak256("concord.ProposalSimulator.originalCode")`, the simulator's `ORIGINAL_CODE`.
 */
export const PROPOSAL_SIMULATOR_ORIGINAL_CODE: Address = /* @__PURE__ */ getAddress(
  `0x${keccak256(toHex("concord.ProposalSimulator.originalCode")).slice(26)}`,
);
/** At most this many calls are simulated (the simulator's `MAX_CALLS`, the houses' `MAX_PROPOSAL_CALLS`). */
export const MAX_SIMULATED_CALLS = 64;
/** The most bytes of a call's return data a simulation may keep (the simulator's `MAX_RETURN_BYTES`). */
export const MAX_SIMULATED_RETURN_BYTES = 4096;
/** How many bytes of each call's return data are kept unless `maxReturnBytes` says otherwise. */
export const DEFAULT_SIMULATED_RETURN_BYTES = 1024;

/** Sentences for the simulator's own errors (its refusals mean a bound was passed; one is reported per call). */
const simulatorErrorMessages = /* @__PURE__ */ defineErrorMessages(proposalSimulatorAbi, {
  ProposalSimulatorTooManyCalls: ({ count, max }) =>
    `A simulation takes at most ${max} calls; ${count} were given.`,
  ProposalSimulatorTooManyTokens: ({ count, max }) =>
    `A simulation reads at most ${max} tokens; ${count} were given.`,
  ProposalSimulatorReturnBytesTooLarge: ({ requested, max }) =>
    `A simulation keeps at most ${max} bytes of each call's return data; ${requested} were asked.`,
  ProposalSimulatorUnauthorizedCaller: ({ caller }) =>
    `Only the timelock itself may run a simulation (${caller} tried).`,
  ProposalSimulatorInsufficientBalance: ({ balance, needed }) =>
    `The treasury would hold ${formatEther(balance as bigint)} ETH at this call, which sends ${formatEther(
      needed as bigint,
    )} ETH.`,
});

/** Every module's error catalogue, so that a refusal of any Concord contract reads as a sentence. */
const catalogues = [governanceErrorCatalogue, agreementErrorCatalogue, leaseErrorCatalogue];

/** A token whose treasury balance the simulation reports (symbol and decimals only label it). */
export type SimulatedTokenInput =
  Address | { address: Address; symbol?: string | null | undefined; decimals?: number | null | undefined };

/** Parameters of {@link simulateProposal}. */
export type SimulateProposalParameters = {
  /** The calls, in order: a proposal's `calls`, or a draft's (at most {@link MAX_SIMULATED_CALLS}). */
  calls: readonly ProposalCallInput[];
  /**
   * The ERC-20 tokens whose treasury balances to report, at most `MAX_TREASURY_TOKENS` (default: the tokens
   * `getTreasury` finds, which costs its requests; pass `treasury.tokens` when you have them).
   */
  tokens?: readonly SimulatedTokenInput[] | undefined;
  /** The block whose state to simulate on (default: the latest). */
  blockNumber?: bigint | undefined;
  /** How many bytes of each call's return data to keep (default 1024, at most {@link MAX_SIMULATED_RETURN_BYTES}). */
  maxReturnBytes?: number | undefined;
  /**
   * `"auto"` (default): `eth_simulateV1`, then `eth_call` when the node does not offer it (remembered per
   * client). `"eth_call"` or `"eth_simulateV1"` force one.
   */
  method?: "auto" | SimulationMethod | undefined;
};

/** The node method a simulation ran with. */
export type SimulationMethod = "eth_simulateV1" | "eth_call";

/** What one call would do. */
export type SimulatedCall = {
  index: number;
  target: Address;
  value: bigint;
  data: Hex;
  /** `notRun`: an earlier call failed, and the timelock's execution is atomic (the whole proposal reverts). */
  status: "success" | "failed" | "notRun";
  /** Gas the call used (null when not run). */
  gasUsed: bigint | null;
  /** The first `maxReturnBytes` bytes of its return (or revert) data. */
  returnData: Hex;
  /** The full size of its return data, in bytes. */
  returnDataSize: number;
  /** The decoded refusal of a failed call (any Concord contract's error, `Error(string)`, `Panic`), else null. */
  refusal: ContractRefusalError | null;
  /** One sentence: "Succeeds.", the refusal, or why it was not run. */
  message: string;
};

/** A treasury balance before and after the calls. */
export type SimulatedBalance = {
  /** "ETH", or the token's address. */
  asset: "ETH" | Address;
  symbol: string | null;
  decimals: number | null;
  /** Null when the token did not answer `balanceOf`. */
  before: bigint | null;
  /** After the execution: equal to `before` when a call fails (the execution reverts as a whole). */
  after: bigint | null;
  /** `after - before` (0 when a call fails; null when unreadable). */
  change: bigint | null;
};

/** A proposal's simulation: what {@link simulateProposal} resolves to. */
export type ProposalSimulation = {
  /** Which node method ran. */
  method: SimulationMethod;
  /** The block whose state the calls ran on. */
  blockNumber: bigint;
  /** The timelock (the treasury), as whom the calls ran. */
  timelock: Address;
  /** Whether every call succeeds (so the execution would succeed, on this state). */
  success: boolean;
  /** The index of the first failing call, or null. */
  failedCall: number | null;
  calls: SimulatedCall[];
  /** ETH first, then each token. */
  balances: SimulatedBalance[];
  /** One sentence for the whole proposal. */
  summary: string;
};

/** Clients whose node answered that it has no `eth_simulateV1`. */
const withoutSimulateV1 = /* @__PURE__ */ new WeakSet<object>();

/**
 * Simulates `calls` as the timelock would execute them on the current state, with the node alone: per call,
 * success or the decoded refusal (a sentence) and the gas used, and the treasury's balances (ETH and `tokens`)
 * before and after. The calls run in order, each seeing the effects of the ones before; the first failure ends
 * the simulation, as it would revert the whole execution. What is not simulated: the proposal's votes, delay
 * and `eta` (the state is the block's, not the execution time's), and the `msg.value` of a call from the
 * timelock to itself (ETH it sends itself changes no balance). What it cannot hide: during the simulation the
 * timelock's code is the simulator's, so a target written to tell a simulation from an execution (by the timelock's
 * `EXTCODEHASH`, say) can behave differently in each; a simulation shows what the calls do on honest code.
 *
 * Requests: the block number (unless given), the timelock's code, then one `eth_simulateV1` (or one `eth_call`;
 * both when the node turns out not to offer the first), plus `getTreasury`'s when `tokens` is omitted.
 *
 * @example
 * const proposal = await concord.governance.getProposal({ proposalId });
 * const { calls, balances, summary } = await concord.governance.simulateProposal({
 *   calls: proposal.calls,
 *   tokens: (await getTreasury(concord)).tokens,
 * });
 * console.log(summary); // "All 2 calls succeed."
 * console.log(calls[0].message, balances[0].change); // "Succeeds." -1000000000000000000n
 */
export async function simulateProposal(
  client: ConcordClientBase,
  parameters: SimulateProposalParameters,
): Promise<ProposalSimulation> {
  const calls = normaliseCalls(parameters.calls);
  const maxReturnBytes = parameters.maxReturnBytes ?? DEFAULT_SIMULATED_RETURN_BYTES;
  if (
    !Number.isSafeInteger(maxReturnBytes) ||
    maxReturnBytes < 0 ||
    maxReturnBytes > MAX_SIMULATED_RETURN_BYTES
  )
    throw new InvalidInputError(
      "maxReturnBytes",
      parameters.maxReturnBytes,
      `must be a whole number of bytes from 0 to ${MAX_SIMULATED_RETURN_BYTES}`,
    );
  const method = parameters.method ?? "auto";
  if (!["auto", "eth_call", "eth_simulateV1"].includes(method))
    throw new InvalidInputError("method", method, `must be "auto", "eth_call" or "eth_simulateV1"`);

  const publicClient = client.publicClient;
  const [{ timelock }, blockNumber, tokenInputs] = await Promise.all([
    getGovernanceContracts(client),
    parameters.blockNumber ?? getBlockNumber(publicClient, { cacheTime: 0 }),
    parameters.tokens ?? getTreasury(client).then((treasury) => treasury.tokens),
  ]);
  const tokens = normaliseTokens(tokenInputs);
  const code = await getCode(publicClient, { address: timelock, blockNumber });
  if (!code || code === "0x")
    throw new ConcordError(
      `The timelock ${timelock} has no code at block ${blockNumber}: nothing to simulate.`,
    );

  const data = encodeFunctionData({
    abi: proposalSimulatorAbi,
    functionName: "simulateProposal",
    args: [
      calls.map(({ target, value, data }) => ({ target, value, data })),
      tokens.map((token) => token.address),
      BigInt(maxReturnBytes),
    ],
  });
  const stateOverride = [
    { address: timelock, code: proposalSimulatorRuntimeCode },
    { address: PROPOSAL_SIMULATOR_ORIGINAL_CODE, code },
  ];
  const { output, ran } = await runSimulation(publicClient, method, {
    timelock,
    data,
    stateOverride,
    blockNumber,
  });
  const [results, before, after] = decodeFunctionResult({
    abi: proposalSimulatorAbi,
    functionName: "simulateProposal",
    data: output,
  });

  const failedCall = results.findIndex((result) => result.ran && !result.success);
  const success = failedCall === -1;
  const simulated: SimulatedCall[] = calls.map((input, index) => {
    const result = results[index]!;
    const returnData = result.returnData;
    const returnDataSize = Number(result.returnDataSize);
    const common = { index, ...input, returnData, returnDataSize };
    if (!result.ran)
      return {
        ...common,
        status: "notRun",
        gasUsed: null,
        refusal: null,
        message:
          failedCall === -1
            ? "Not run."
            : `Not run: call ${failedCall + 1} fails, and the timelock's execution reverts as a whole.`,
      };
    if (result.success)
      return { ...common, status: "success", gasUsed: result.gasUsed, refusal: null, message: "Succeeds." };
    const refusal = decodeRefusal(returnData, returnDataSize);
    return { ...common, status: "failed", gasUsed: result.gasUsed, refusal, message: refusal.shortMessage };
  });

  const balance = (
    asset: SimulatedBalance["asset"],
    symbol: string | null,
    decimals: number | null,
    readable: boolean,
    was: bigint,
    now: bigint,
  ): SimulatedBalance => {
    if (!readable) return { asset, symbol, decimals, before: null, after: null, change: null };
    const settled = success ? now : was;
    return { asset, symbol, decimals, before: was, after: settled, change: settled - was };
  };
  const balances: SimulatedBalance[] = [
    balance("ETH", "ETH", 18, true, before.eth, after.eth),
    ...tokens.map((token, i) =>
      balance(
        token.address,
        token.symbol,
        token.decimals,
        before.readable[i]! && after.readable[i]!,
        before.tokens[i]!,
        after.tokens[i]!,
      ),
    ),
  ];

  const count = calls.length;
  const summary =
    count === 0
      ? "No calls to simulate."
      : success
        ? count === 1
          ? "The call succeeds."
          : `All ${count} calls succeed.`
        : `${count === 1 ? "The call fails" : `Call ${failedCall + 1} of ${count} fails`}: ${
            simulated[failedCall]!.message
          } The timelock's execution would revert as a whole: nothing would change.`;
  return {
    method: ran,
    blockNumber,
    timelock,
    success,
    failedCall: success ? null : failedCall,
    calls: simulated,
    balances,
    summary,
  };
}

type Normalised = { target: Address; value: bigint; data: Hex };

function normaliseCalls(calls: readonly ProposalCallInput[] | undefined): Normalised[] {
  if (!Array.isArray(calls)) throw new InvalidInputError("calls", calls, "must be a list of calls");
  if (calls.length > MAX_SIMULATED_CALLS)
    throw new InvalidInputError(
      "calls",
      calls.length,
      `a simulation takes at most ${MAX_SIMULATED_CALLS} calls, ${calls.length} were given`,
    );
  return calls.map((input, i) => {
    let target: Address;
    try {
      target = getAddress(input.target);
    } catch {
      throw new InvalidInputError(`calls[${i}].target`, input.target, "not an address");
    }
    const raw = input.value ?? 0n;
    let value: bigint;
    try {
      value = BigInt(raw);
    } catch {
      throw new InvalidInputError(`calls[${i}].value`, raw, "not a whole number of wei");
    }
    if (value < 0n || value >= 2n ** 256n)
      throw new InvalidInputError(`calls[${i}].value`, raw, "must be from 0 to 2^256 - 1 wei");
    const data = input.data ?? "0x";
    if (typeof data !== "string" || !/^0x([0-9a-fA-F]{2})*$/.test(data))
      throw new InvalidInputError(`calls[${i}].data`, data, "not hex bytes");
    return { target, value, data: data as Hex };
  });
}

type NormalisedToken = { address: Address; symbol: string | null; decimals: number | null };

function normaliseTokens(tokens: readonly SimulatedTokenInput[]): NormalisedToken[] {
  if (!Array.isArray(tokens))
    throw new InvalidInputError("tokens", tokens, "must be a list of token addresses");
  if (tokens.length > MAX_TREASURY_TOKENS)
    throw new InvalidInputError(
      "tokens",
      tokens.length,
      `a simulation reads at most ${MAX_TREASURY_TOKENS} tokens, ${tokens.length} were given`,
    );
  return tokens.map((token, i) => {
    const entry = typeof token === "string" ? { address: token } : token;
    try {
      return {
        address: getAddress(entry.address),
        symbol: entry.symbol ?? null,
        decimals: entry.decimals ?? null,
      };
    } catch {
      throw new InvalidInputError(`tokens[${i}]`, token, "not an address");
    }
  });
}

type Request = {
  timelock: Address;
  data: Hex;
  stateOverride: { address: Address; code: Hex }[];
  blockNumber: bigint;
};

/** One simulation request: `eth_simulateV1`, or `eth_call` when the node lacks it (or when asked). */
async function runSimulation(
  publicClient: ConcordPublicClient,
  method: "auto" | SimulationMethod,
  request: Request,
): Promise<{ output: Hex; ran: SimulationMethod }> {
  const { timelock, data, stateOverride, blockNumber } = request;
  if (method === "eth_simulateV1" || (method === "auto" && !withoutSimulateV1.has(publicClient))) {
    try {
      const [block] = await simulateBlocks(publicClient, {
        blockNumber,
        validation: false,
        blocks: [{ calls: [{ account: timelock, to: timelock, data }], stateOverrides: stateOverride }],
      });
      const result = block?.calls[0];
      if (!result) throw new ConcordError("The node answered eth_simulateV1 with no call result.");
      if (result.status !== "success") throw simulatorFailure(result.error);
      return { output: result.data, ran: "eth_simulateV1" };
    } catch (error) {
      if (method === "eth_simulateV1" || !isMethodMissing(error)) throw simulatorFailure(error);
      withoutSimulateV1.add(publicClient);
    }
  }
  try {
    const { data: output } = await call(publicClient, {
      account: timelock,
      to: timelock,
      data,
      stateOverride,
      blockNumber,
    });
    if (!output) throw new ConcordError("The node answered the simulation's eth_call with no data.");
    return { output, ran: "eth_call" };
  } catch (error) {
    throw simulatorFailure(error);
  }
}

/** The simulator itself failed (a bound, or the node): decoded, with the simulator's sentences. */
function simulatorFailure(error: unknown): ConcordError {
  if (error instanceof ConcordError) return error;
  return decodeConcordError(error, {
    contract: "ProposalSimulator",
    functionName: "simulateProposal",
    abi: proposalSimulatorAbi,
    messages: simulatorErrorMessages,
  });
}

/** Whether a node error says that it has no such method (JSON-RPC -32601, -32004, or the words). */
function isMethodMissing(error: unknown): boolean {
  let current: unknown = error;
  for (let i = 0; i < 16 && current && typeof current === "object"; i++) {
    const { code, message, details } = current as { code?: unknown; message?: unknown; details?: unknown };
    if (code === -32601 || code === -32004) return true;
    const text = `${typeof message === "string" ? message : ""} ${typeof details === "string" ? details : ""}`;
    if (
      /method .*(not found|not supported|does not exist|is not available|unsupported)|unknown method|not implemented/i.test(
        text,
      )
    )
      return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** A failed call's revert data as a refusal: every module's errors, the simulator's, `Error(string)`, `Panic`. */
function decodeRefusal(returnData: Hex, returnDataSize: number): ContractRefusalError {
  if (returnDataSize < 4)
    return new ContractRefusalError({
      errorName: "Reverted",
      args: [],
      namedArgs: {},
      message:
        "The call fails without giving a reason (a check with no message, too little gas, or a function the target does not have).",
    });
  let messages: ErrorMessages = { ...simulatorErrorMessages };
  for (const catalogue of catalogues) messages = { ...catalogue.messages, ...messages };
  const abi = [...proposalSimulatorAbi, ...catalogues.flatMap((catalogue) => catalogue.abis.flat())];
  const decoded = decodeConcordError(new RawContractError({ data: returnData }), { abi, messages });
  if (decoded instanceof ContractRefusalError) {
    if (decoded.errorName === "UnknownError" && returnData.length / 2 - 1 < returnDataSize)
      return new ContractRefusalError({
        errorName: "UnknownError",
        args: [],
        namedArgs: {},
        selector: decoded.selector,
        message: `The call fails with ${returnDataSize} bytes of revert data that no Concord ABI declares (the first ${
          returnData.length / 2 - 1
        } were kept).`,
      });
    return decoded;
  }
  return new ContractRefusalError({
    errorName: "UnknownError",
    args: [],
    namedArgs: {},
    selector: returnData.slice(0, 10) as Hex,
    message: decoded.shortMessage,
  });
}
