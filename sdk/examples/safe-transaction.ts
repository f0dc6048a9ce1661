/**
 * A Safe transaction built from a prepare action: the Safe is the sender, so the call is checked and simulated as
 * the Safe, and the `{ to, data, value }` it returns goes into the Safe's transaction (here executed at once by a
 * 1-of-n owner with a pre-validated signature; with more owners, collect their signatures over `getTransactionHash`
 * or propose it to the Safe Transaction Service).
 */
import { concat, pad } from "viem";
import type { Abi, Address, Hash } from "viem";
import { waitForTransactionReceipt, writeContract } from "viem/actions";

import { prepareSetPhase } from "../index.ts";
import type { ConcordClientBase, ConcordWalletClient, PhaseName } from "../index.ts";

/** The part of the Safe 1.4.1 ABI this example calls. */
export const safeExecTransactionAbi = [
  {
    type: "function",
    name: "execTransaction",
    stateMutability: "payable",
    inputs: [
      { name: "to", type: "address" },
      { name: "value", type: "uint256" },
      { name: "data", type: "bytes" },
      { name: "operation", type: "uint8" },
      { name: "safeTxGas", type: "uint256" },
      { name: "baseGas", type: "uint256" },
      { name: "gasPrice", type: "uint256" },
      { name: "gasToken", type: "address" },
      { name: "refundReceiver", type: "address" },
      { name: "signatures", type: "bytes" },
    ],
    outputs: [{ name: "success", type: "bool" }],
  },
] as const satisfies Abi;

/** Parameters of {@link setPhaseThroughSafe}. */
export type SetPhaseThroughSafeParameters = {
  /** A Concord client (no wallet needed to prepare). */
  concord: ConcordClientBase;
  /** The Safe, a steward of the cell. */
  safe: Address;
  /** A wallet of one of the Safe's owners (threshold 1). */
  owner: ConcordWalletClient & { account: { address: Address } };
  cellId: bigint;
  phase: PhaseName;
};

/**
 * The Safe sets a cell's phase: prepare as the Safe, then execute the Safe transaction.
 *
 * @example
 * const hash = await setPhaseThroughSafe({ concord, safe, owner, cellId: 1n, phase: "commitment" });
 */
export async function setPhaseThroughSafe({
  concord,
  safe,
  owner,
  cellId,
  phase,
}: SetPhaseThroughSafeParameters): Promise<Hash> {
  // 1. Prepare: the registry's checks and a simulation as the Safe (a refusal surfaces here, before signing).
  const { to, data, value } = await prepareSetPhase(concord, { cellId, phase, sender: safe });

  // 2. The Safe transaction: a CALL (operation 0) of the prepared call, no refund; the owner's pre-validated
  //    signature (r = owner, s = 0, v = 1) stands because the owner sends it.
  const signature = concat([pad(owner.account.address), pad("0x00"), "0x01"]);
  const hash = await writeContract(owner, {
    address: safe,
    abi: safeExecTransactionAbi,
    functionName: "execTransaction",
    args: [
      to,
      value,
      data,
      0,
      0n,
      0n,
      0n,
      "0x0000000000000000000000000000000000000000",
      "0x0000000000000000000000000000000000000000",
      signature,
    ],
    account: owner.account.address,
    chain: owner.chain ?? null,
  });
  const receipt = await waitForTransactionReceipt(concord.publicClient, { hash });
  if (receipt.status !== "success") throw new Error(`Safe transaction ${hash} reverted`);
  return hash;
}
