/**
 * Writes for every kind of signer: `prepare…` actions give `{ to, data, value }` simulated as the sender (here a
 * real Safe 1.4.1 that executes a batch of them through MultiSendCallOnly), `wait: false` returns the hash
 * without waiting, nonce and fee overrides reach the transaction, and a receipt `timeout` gives up waiting (not the
 * transaction) with a ConcordError that names the hash.
 */
import {
  concat,
  encodeFunctionData,
  encodePacked,
  pad,
  parseGwei,
  size,
  WaitForTransactionReceiptTimeoutError,
  zeroAddress,
} from "viem";
import type { Address, Hash, Hex } from "viem";
import { getTransaction, waitForTransactionReceipt } from "viem/actions";
import { afterEach, beforeAll, describe, expect, it } from "vitest";

import {
  ConcordError,
  ContractRefusalError,
  InvalidInputError,
  Phase,
  Roles,
  createConcordBaseClient,
  prepareAddMember,
  prepareCreateCell,
  prepareSetPhase,
  TransactionRevertedError,
} from "../../sdk/index.ts";
import type { PreparedTransaction } from "../../sdk/index.ts";
import { createTestChain, rejection } from "./fixture.ts";
import type { TestChain } from "./fixture.ts";
import { deployArtifact, peerArtifact } from "./peers.ts";
import { createSafe, deploySafeInfrastructure, safeArtifacts } from "./safe.ts";

let chain: TestChain;
beforeAll(async () => {
  chain = await createTestChain();
});

afterEach(async () => {
  // A test that turned automine off leaves the chain as it found it, pass or fail.
  await chain.provider.request({ method: "evm_setAutomine", params: [true] });
});

/** Encodes prepared transactions for MultiSendCallOnly: operation 0, to, value, data length, data. */
function multiSend(transactions: readonly PreparedTransaction[]): Hex {
  return concat(
    transactions.map(({ to, value, data }) =>
      encodePacked(
        ["uint8", "address", "uint256", "uint256", "bytes"],
        [0, to, value, BigInt(size(data)), data],
      ),
    ),
  );
}

describe("prepare actions", () => {
  it("a Safe executes a batch of prepared Concord writes in one transaction", async () => {
    const { publicClient, walletClients, accounts } = chain;
    const [owner, alice] = accounts as [Address, Address];
    const { as, address, readOnly } = await chain.deploy();
    const infra = await deploySafeInfrastructure(publicClient, walletClients[0]!);
    const safe = await createSafe(infra, { owners: [owner], threshold: 1 });
    const multiSendCallOnly = await deployArtifact(
      publicClient,
      walletClients[0]!,
      peerArtifact("safe", "libraries/MultiSendCallOnly.sol/MultiSendCallOnly"),
    );
    const { cellId } = await as(0).cells.createCell({ name: "treasury" });
    await as(0).cells.addMember({ cellId, account: safe, roles: Roles.MEMBER | Roles.STEWARD });
    await as(0).cells.setRoles({ cellId, account: owner, roles: Roles.MEMBER });

    // A client without a wallet prepares the Safe's calls; each is simulated as the Safe.
    const reader = createConcordBaseClient({ publicClient, addresses: { cellRegistry: address } });
    const batch = [
      await prepareAddMember(reader, { cellId, account: alice, sender: safe }),
      await prepareSetPhase(reader, { cellId, phase: "commitment", sender: safe }),
      await prepareCreateCell(reader, { parentId: cellId, name: "grants", sender: safe }),
    ];
    for (const transaction of batch) {
      expect(transaction).toEqual({ to: address, data: expect.stringMatching(/^0x[0-9a-f]{8}/), value: 0n });
    }
    const [addMemberCall] = batch;
    expect(addMemberCall!.data.slice(0, 10)).toBe(
      encodeFunctionData({
        abi: [
          {
            type: "function",
            name: "addMember",
            inputs: [{ type: "uint256" }, { type: "address" }, { type: "uint8" }],
            outputs: [],
            stateMutability: "nonpayable",
          },
        ],
        functionName: "addMember",
        args: [cellId, alice, 1],
      }).slice(0, 10),
    );

    // The owner executes the batch (a pre-validated signature: the sender is the owner).
    const signature = concat([pad(owner), pad("0x00"), "0x01"]);
    const hash = await walletClients[0]!.writeContract({
      address: safe,
      abi: safeArtifacts.singleton.abi,
      functionName: "execTransaction",
      args: [
        multiSendCallOnly,
        0n,
        encodeFunctionData({
          abi: [
            {
              type: "function",
              name: "multiSend",
              inputs: [{ type: "bytes", name: "transactions" }],
              outputs: [],
              stateMutability: "payable",
            },
          ],
          functionName: "multiSend",
          args: [multiSend(batch)],
        }),
        1, // delegatecall into MultiSendCallOnly
        0n,
        0n,
        0n,
        zeroAddress,
        zeroAddress,
        signature,
      ],
    });
    const receipt = await waitForTransactionReceipt(publicClient, { hash });
    expect(receipt.status).toBe("success");

    expect(await readOnly.cells.isMember({ cellId, account: alice })).toBe(true);
    expect((await readOnly.cells.getCell({ cellId })).phase).toBe(Phase.COMMITMENT);
    const grants = await readOnly.cells.getCell({ cellId: cellId + 1n });
    expect(grants.parentId).toBe(cellId);
  });

  it("refuses before anything is signed when the sender may not make the call", async () => {
    const { accounts, publicClient } = chain;
    const outsider = accounts[3]!;
    const { as, address } = await chain.deploy();
    const { cellId } = await as(0).cells.createCell({ name: "ops" });
    const reader = createConcordBaseClient({ publicClient, addresses: { cellRegistry: address } });

    const refusal = await rejection(
      prepareSetPhase(reader, { cellId, phase: "commitment", sender: outsider }),
    );
    expect(refusal).toBeInstanceOf(ContractRefusalError);
    expect((refusal as ContractRefusalError).errorName).toBe("CellNotSteward");

    const noSender = await rejection(prepareSetPhase(reader, { cellId, phase: "commitment" }));
    expect(noSender).toBeInstanceOf(InvalidInputError);
    expect((noSender as InvalidInputError).parameter).toBe("account");

    // With a wallet client, its account is the default sender, and the decorator has the same action.
    const prepared = await as(0).cells.prepareSetPhase({ cellId, phase: "commitment" });
    expect(prepared.to).toBe(address);
  });
});

describe("sending options", () => {
  it("wait: false returns the hash without a receipt; nonce and fee overrides reach the transaction", async () => {
    const { publicClient, accounts } = chain;
    const { as } = await chain.deploy();
    const nonce = await chain.nonceOf(accounts[0]!);
    const maxFeePerGas = parseGwei("40");
    const maxPriorityFeePerGas = parseGwei("3");
    const sent = await as(0).cells.createCell({
      name: "fast",
      wait: false,
      transactionNonce: nonce,
      maxFeePerGas,
      maxPriorityFeePerGas,
    });
    expect(Object.keys(sent)).toEqual(["hash"]);
    const transaction = await getTransaction(publicClient, { hash: sent.hash });
    expect(transaction.nonce).toBe(nonce);
    expect(transaction.maxFeePerGas).toBe(maxFeePerGas);
    expect(transaction.maxPriorityFeePerGas).toBe(maxPriorityFeePerGas);
    const receipt = await waitForTransactionReceipt(publicClient, { hash: sent.hash });
    expect(receipt.status).toBe("success");

    // Without wait: false, the same action waits and decodes what the transaction decided.
    const waited = await as(0).cells.createCell({ name: "slow", timeout: 60_000 });
    expect(waited.receipt.status).toBe("success");
    expect(waited.cellId).toBe(2n);
  });

  it("a receipt timeout rejects with a ConcordError naming the hash; the transaction is still sent and mines later", async () => {
    const { publicClient, accounts } = chain;
    const { as, readOnly } = await chain.deploy();
    await as(0).cells.createCell({ name: "first" });
    const nonce = await chain.nonceOf(accounts[0]!);
    await chain.provider.request({ method: "evm_setAutomine", params: [false] });

    // Nothing mines while automine is off: the wait for the receipt gives up after `timeout`.
    const submitted: Hash[] = [];
    const error = await rejection(
      as(0).cells.createCell({ name: "held", timeout: 200, onSubmitted: (hash) => submitted.push(hash) }),
    );
    expect(submitted).toHaveLength(1);
    const hash = submitted[0]!;
    expect(error).toBeInstanceOf(ConcordError);
    // Not a refusal nor a revert: nothing was decided about the transaction.
    expect(error).not.toBeInstanceOf(ContractRefusalError);
    expect(error).not.toBeInstanceOf(TransactionRevertedError);
    const timeout = error as ConcordError;
    expect(timeout.shortMessage).toBe(
      `Timed out while waiting for transaction with hash "${hash}" to be confirmed.`,
    );
    expect(timeout.walk()).toBeInstanceOf(WaitForTransactionReceiptTimeoutError);
    // The transaction was sent and waits in the mempool, unmined.
    const pending = await getTransaction(publicClient, { hash });
    expect(pending.blockNumber).toBeNull();
    expect(pending.nonce).toBe(nonce);

    // Automine back on and one block: the same transaction is mined, and did what it was sent to do.
    await chain.provider.request({ method: "evm_setAutomine", params: [true] });
    await chain.networkHelpers.mine();
    const receipt = await waitForTransactionReceipt(publicClient, { hash });
    expect(receipt.status).toBe("success");
    expect(await readOnly.cells.cellCount()).toBe(2n);
    expect((await readOnly.cells.getCell({ cellId: 2n })).name).toBe("held");
    // And the next write (next nonce) goes through as before.
    const next = await as(0).cells.createCell({ name: "after", timeout: 60_000 });
    expect(next.receipt.status).toBe("success");
    expect(next.cellId).toBe(3n);
    expect(await chain.nonceOf(accounts[0]!)).toBe(nonce + 2);
  });
});
