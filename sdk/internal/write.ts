/**
 * The one write pipeline of the SDK, shared by every module:
 * simulate (refusals are decoded before a signature is asked for) → send the simulated request →
 * wait for the receipt → decode a revert → return `{ hash, receipt, events }`.
 */
import { encodeFunctionData, parseEventLogs } from "viem";
import type {
  Abi,
  Account,
  Address,
  ContractFunctionArgs,
  ContractFunctionName,
  Hash,
  Hex,
  ParseEventLogsReturnType,
  SimulateContractParameters,
  TransactionReceipt,
  WriteContractParameters,
} from "viem";
import { call, simulateContract, waitForTransactionReceipt, writeContract } from "viem/actions";

import type { ConcordClientBase } from "../client.ts";
import {
  ContractRefusalError,
  InvalidInputError,
  TransactionRevertedError,
  WalletRequiredError,
  decodeConcordError,
} from "../errors.ts";
import type { ErrorCatalogue } from "../errors.ts";
import { requireIndexedBlock } from "../indexer/written.ts";

/** Options every write accepts. */
export type WriteOptions = {
  /**
   * Send from this account instead of the wallet client's. For a `prepare…` action, the account the prepared
   * transaction will be sent from (a Safe's address, a relayer's...): the simulation runs as that account.
   */
  account?: Account | Address | undefined;
  /** Gas limit (default: estimated). */
  gas?: bigint | undefined;
  /**
   * Nonce of the transaction (default: the account's next). Not `nonce`: signed Concord messages (votes,
   * acknowledgements) have a `nonce` of their own, and the two must not meet in one parameters object.
   */
  transactionNonce?: number | undefined;
  /** EIP-1559 fee cap per gas, in wei (default: viem's estimate). */
  maxFeePerGas?: bigint | undefined;
  /** EIP-1559 priority fee per gas, in wei (default: viem's estimate). */
  maxPriorityFeePerGas?: bigint | undefined;
  /**
   * Wait for the receipt (default true). With `false` the action returns `{ hash }` as soon as the
   * transaction is submitted: what it decided (ids, events) is then read from the receipt by the caller.
   */
  wait?: boolean | undefined;
  /** Milliseconds to wait for the receipt before giving up with a ConcordError (default: viem's, 180,000). */
  timeout?: number | undefined;
  /** Blocks to wait for after inclusion (default 1). */
  confirmations?: number | undefined;
  /**
   * Simulate before sending (default true). Only turn it off with an explicit `gas`, e.g. to send
   * several dependent transactions before any is mined; a refusal then surfaces once mined.
   */
  simulate?: boolean | undefined;
  /** Called with the hash as soon as the transaction is submitted, before the receipt. */
  onSubmitted?: ((hash: Hash) => void) | undefined;
};

/** What every write returns: the transaction hash, its receipt and the events the contract emitted. */
export type WriteResult<abi extends Abi = Abi> = {
  hash: Hash;
  receipt: TransactionReceipt;
  /** The decoded events emitted by the called contract in this transaction, in log order. */
  events: ParseEventLogsReturnType<abi, undefined, true>;
};

/** What a write returns with `wait: false`: the hash of the submitted transaction. */
export type SubmittedTransaction = { hash: Hash };

/**
 * A transaction prepared for another sender (a Safe, a relayer, a batch): what a `prepare…` action returns. It was
 * simulated as `account`, so a refusal surfaces before anything is signed.
 */
export type PreparedTransaction = {
  /** The contract called. */
  to: Address;
  /** The calldata. */
  data: Hex;
  /** Wei sent with the call (0n for every Concord write). */
  value: bigint;
};

/** @internal Thrown by {@link executeWrite} to stop an action once its transaction is submitted (`wait: false`). */
class Submitted {
  readonly hash: Hash;
  constructor(hash: Hash) {
    this.hash = hash;
  }
}

/** @internal Thrown by {@link executeWrite} to stop an action once its transaction is prepared. */
class Prepared {
  readonly transaction: PreparedTransaction;
  constructor(transaction: PreparedTransaction) {
    this.transaction = transaction;
  }
}

/** @internal The option that turns {@link executeWrite} into a preparation. */
const PREPARE = Symbol("concord.prepare");

type Mutability = "nonpayable" | "payable";

/** The contract call a write sends. */
export type WriteCall<
  abi extends Abi,
  functionName extends ContractFunctionName<abi, Mutability>,
  args extends ContractFunctionArgs<abi, Mutability, functionName>,
> = {
  /** The Concord contract's name, used in decoded errors. */
  contract: string;
  address: Address;
  abi: abi;
  functionName: functionName;
  args: args;
  value?: bigint | undefined;
};

/**
 * Simulates, sends and confirms a contract write, turning every failure into a Concord error.
 *
 * @throws {WalletRequiredError} without a wallet client or account.
 * @throws {ContractRefusalError} when the simulation (or the send) is refused by the contract.
 * @throws {TransactionRevertedError} when the mined transaction reverted.
 * @example
 * const { hash, receipt, events } = await executeWrite(client, {
 *   contract: "CellRegistry",
 *   address: client.addresses.cellRegistry,
 *   abi: cellRegistryAbi,
 *   functionName: "leave",
 *   args: [4n],
 * });
 */
export async function executeWrite<
  const abi extends Abi,
  functionName extends ContractFunctionName<abi, Mutability>,
  const args extends ContractFunctionArgs<abi, Mutability, functionName>,
>(
  client: ConcordClientBase,
  writeCall: WriteCall<abi, functionName, args>,
  options: WriteOptions = {},
): Promise<WriteResult<abi>> {
  const { contract, address, abi, functionName, args, value } = writeCall;
  const context = { contract, functionName: String(functionName) };
  const preparing = (options as { [PREPARE]?: { from: Account | Address | undefined } })[PREPARE];
  if (preparing) {
    await prepareWrite(
      client,
      writeCall as unknown as WriteCall<Abi, string, readonly unknown[]>,
      preparing.from ?? options.account,
    );
  }
  const walletClient = client.walletClient;
  if (!walletClient) throw new WalletRequiredError(String(functionName));
  const account = options.account ?? walletClient.account;
  if (!account) throw new WalletRequiredError(String(functionName), "the wallet client has no account");

  // 1. Simulate: a refusal is decoded here, before any signature is requested.
  const overrides = {
    gas: options.gas,
    nonce: options.transactionNonce,
    maxFeePerGas: options.maxFeePerGas,
    maxPriorityFeePerGas: options.maxPriorityFeePerGas,
  };
  let request: unknown = { address, abi, functionName, args, value, ...overrides };
  if (options.simulate === false) {
    if (options.gas === undefined)
      throw new InvalidInputError("gas", undefined, "`simulate: false` needs `gas`");
  } else {
    try {
      ({ request } = await simulateContract(client.publicClient, {
        address,
        abi,
        functionName,
        args,
        account,
        value,
        ...overrides,
      } as unknown as SimulateContractParameters));
    } catch (error) {
      throw decodeConcordError(error, context);
    }
  }

  // 2. Send the simulated request.
  let hash: Hash;
  try {
    hash = await writeContract(walletClient, {
      ...(request as WriteContractParameters),
      account,
      chain: walletClient.chain ?? null,
    } as WriteContractParameters);
  } catch (error) {
    throw decodeConcordError(error, context);
  }
  options.onSubmitted?.(hash);
  if (options.wait === false) throw new Submitted(hash);

  // 3. Wait for the receipt.
  let receipt: TransactionReceipt;
  try {
    receipt = await waitForTransactionReceipt(client.publicClient, {
      hash,
      confirmations: options.confirmations ?? 1,
      timeout: options.timeout,
    });
  } catch (error) {
    throw decodeConcordError(error, context);
  }

  // Reads through the indexer on this client wait for it to index this block (read your own writes).
  requireIndexedBlock(client, receipt.blockNumber);

  // 4. A mined revert: replay the call on the block's state to recover the reason.
  if (receipt.status === "reverted") {
    let refusal: ContractRefusalError | undefined;
    try {
      await call(client.publicClient, {
        account: typeof account === "string" ? account : account.address,
        to: address,
        data: encodeFunctionData({ abi, functionName, args } as Parameters<typeof encodeFunctionData>[0]),
        value,
        blockNumber: receipt.blockNumber,
      });
    } catch (error) {
      const decoded = decodeConcordError(error, context);
      if (decoded instanceof ContractRefusalError) refusal = decoded;
    }
    throw new TransactionRevertedError({ hash, refusal, functionName: String(functionName) });
  }

  const own = receipt.logs.filter((log) => log.address.toLowerCase() === address.toLowerCase());
  const events = parseEventLogs({ abi, logs: own, strict: true }) as ParseEventLogsReturnType<
    abi,
    undefined,
    true
  >;
  return { hash, receipt, events };
}

/** @internal Simulates `writeCall` as `account` and stops the action with its `{ to, data, value }`. */
async function prepareWrite(
  client: ConcordClientBase,
  writeCall: WriteCall<Abi, string, readonly unknown[]>,
  account: Account | Address | undefined,
): Promise<never> {
  const { contract, address, abi, functionName, args, value } = writeCall;
  const from = account ?? client.walletClient?.account;
  if (from === undefined) {
    throw new InvalidInputError(
      "account",
      undefined,
      "a prepared transaction is simulated as its sender: pass `sender` (the Safe's or relayer's address)",
    );
  }
  const data = encodeFunctionData({ abi, functionName, args } as Parameters<typeof encodeFunctionData>[0]);
  try {
    await simulateContract(client.publicClient, {
      address,
      abi,
      functionName,
      args,
      account: from,
      value,
    } as unknown as SimulateContractParameters);
  } catch (error) {
    throw decodeConcordError(error, { contract, functionName });
  }
  throw new Prepared({ to: address, data, value: value ?? 0n });
}

/**
 * A write action that also accepts `wait: false`, typed by its two forms: the submitted `{ hash }` without
 * waiting, and the full result (hash, receipt, events and what the transaction decided) by default.
 */
export type WriteAction<parameters extends WriteOptions, result> = {
  (client: ConcordClientBase, parameters: parameters & { wait: false }): Promise<SubmittedTransaction>;
  (client: ConcordClientBase, parameters: parameters & { wait?: true | undefined }): Promise<result>;
};

/**
 * @internal Wraps a write so that `wait: false` returns `{ hash }` as soon as its transaction is submitted.
 *
 * @example
 * export const leaveCell = defineWrite(async function leaveCell(client, parameters: OwnCellParameters) { … });
 */
export function defineWrite<parameters extends WriteOptions, result>(
  action: (client: ConcordClientBase, parameters: parameters) => Promise<result>,
  /** The module's error catalogue: referencing it registers it with the decoder wherever the write is used. */
  errors?: ErrorCatalogue | undefined,
): WriteAction<parameters, result> {
  void errors;
  const write = async (client: ConcordClientBase, parameters: parameters) => {
    try {
      return await action(client, parameters);
    } catch (error) {
      if (error instanceof Submitted) return { hash: error.hash };
      throw error;
    }
  };
  Object.defineProperty(write, "name", { value: action.name });
  return write as WriteAction<parameters, result>;
}

/** The parameters of a `prepare…` action: the write's, without the sending options, and who will send it. */
export type PrepareParameters<parameters> = Omit<
  parameters,
  | "wait"
  | "timeout"
  | "confirmations"
  | "simulate"
  | "onSubmitted"
  | "nonce"
  | "gas"
  | "maxFeePerGas"
  | "maxPriorityFeePerGas"
> & {
  /**
   * The account that will send the prepared transaction (a Safe, a relayer...): checks and the simulation run as
   * this account. Default: the wallet client's account.
   */
  sender?: Account | Address | undefined;
};

/**
 * @internal The sender a `prepare…` action runs as, when the action is being prepared (else undefined).
 *
 * @example
 * const sender = preparedSender(options) ?? options.account ?? client.walletClient?.account;
 */
export function preparedSender(options: object): Account | Address | undefined {
  return (options as { [PREPARE]?: { from: Account | Address | undefined } })[PREPARE]?.from;
}

/**
 * @internal The `prepare…` form of a write: runs the write's checks and reads, simulates its transaction as
 * `account`, and returns `{ to, data, value }` instead of sending it (for a Safe, a relayer or a batch); `sender` names
 * the account that will send it. An action that would send several transactions prepares the first one.
 *
 * @example
 * export const prepareLeaveCell = definePrepare(leaveCell);
 */
export function definePrepare<parameters extends WriteOptions>(
  action: (client: ConcordClientBase, parameters: parameters) => Promise<unknown>,
): (client: ConcordClientBase, parameters: PrepareParameters<parameters>) => Promise<PreparedTransaction> {
  return async (client, parameters) => {
    try {
      const { sender, ...rest } = parameters;
      const from = sender ?? client.walletClient?.account;
      await action(client, { ...rest, [PREPARE]: { from } } as unknown as parameters);
    } catch (error) {
      if (error instanceof Prepared) return error.transaction;
      throw error;
    }
    throw new InvalidInputError(
      "parameters",
      parameters,
      "this action sends no transaction for these parameters",
    );
  };
}
