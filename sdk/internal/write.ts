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

/** Options every write accepts. */
export type WriteOptions = {
  /** Send from this account instead of the wallet client's. */
  account?: Account | Address | undefined;
  /** Gas limit (default: estimated). */
  gas?: bigint | undefined;
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
  const walletClient = client.walletClient;
  if (!walletClient) throw new WalletRequiredError(String(functionName));
  const account = options.account ?? walletClient.account;
  if (!account) throw new WalletRequiredError(String(functionName), "the wallet client has no account");

  // 1. Simulate: a refusal is decoded here, before any signature is requested.
  let request: unknown = { address, abi, functionName, args, value, gas: options.gas };
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
        gas: options.gas,
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

  // 3. Wait for the receipt.
  let receipt: TransactionReceipt;
  try {
    receipt = await waitForTransactionReceipt(client.publicClient, {
      hash,
      confirmations: options.confirmations ?? 1,
    });
  } catch (error) {
    throw decodeConcordError(error, context);
  }

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
