import type { network } from "hardhat";
import type { Hash, WalletClient } from "viem";

type Connection = Awaited<ReturnType<typeof network.create>>;

export interface BenchRow {
  group: string;
  operation: string;
  gas: bigint;
  /** Concord's target for this operation, when an issue sets one. */
  target?: number;
  /** The peer figure it is compared with, in words. */
  peer?: string;
}

export interface BenchContext {
  viem: Connection["viem"];
  networkHelpers: Connection["networkHelpers"];
  /** Hardhat Ignition on the same chain (deploys the project's modules, e.g. the whole DAO). */
  ignition: Connection["ignition"];
  accounts: (WalletClient & { account: NonNullable<WalletClient["account"]> })["account"][];
  /** Waits for a transaction and returns the gas it used (throws when it reverted). */
  gasOf: (tx: Promise<Hash>) => Promise<bigint>;
}

export async function createBenchContext(conn: Connection): Promise<BenchContext> {
  const publicClient = await conn.viem.getPublicClient();
  const wallets = await conn.viem.getWalletClients();
  return {
    viem: conn.viem,
    networkHelpers: conn.networkHelpers,
    ignition: conn.ignition,
    accounts: wallets.map((w) => w.account),
    gasOf: async (tx) => {
      const receipt = await publicClient.waitForTransactionReceipt({ hash: await tx });
      if (receipt.status !== "success")
        throw new Error(`benchmark transaction ${receipt.transactionHash} reverted`);
      return receipt.gasUsed;
    },
  };
}
