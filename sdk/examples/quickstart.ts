/**
 * Quickstart: create a top-level cell, add a member, make that member the decision owner of the
 * "treasury" topic, then resolve the owner from a child cell (the answer escalates to the parent).
 *
 * Run against a local node with Concord deployed (`npm start`), then `npx node sdk/examples/quickstart.ts`
 * (CONCORD_RPC_URL overrides http://127.0.0.1:8545). `npx node` is the repository's Node 22 (the `node`
 * devDependency), which runs TypeScript source; a Node 20 cannot (integrators use the built package instead).
 */
import { pathToFileURL } from "node:url";

import { createPublicClient, createWalletClient, http } from "viem";
import type { Address } from "viem";
import { hardhat } from "viem/chains";

import { Roles, createConcordClient } from "../index.ts";
import type { ConcordPublicClient, ConcordWalletClient, CreateConcordClientParameters } from "../index.ts";

/** What the quickstart needs: viem clients and the account to add. */
export type QuickstartParameters = {
  publicClient: ConcordPublicClient;
  walletClient: ConcordWalletClient;
  /** The account that joins the cell and owns treasury decisions. */
  member: Address;
  /** Where the registry is (default: the deployment of the public client's chain). */
  addresses?: CreateConcordClientParameters["addresses"];
  startBlock?: CreateConcordClientParameters["startBlock"];
};

/**
 * The quickstart, as a function the README quotes and a test runs.
 *
 * @example
 * import { createPublicClient, createWalletClient, http } from "viem";
 * import { privateKeyToAccount } from "viem/accounts";
 * import { hardhat } from "viem/chains";
 * import { quickstart } from "./sdk/examples/quickstart.ts";
 *
 * const publicClient = createPublicClient({ chain: hardhat, transport: http() });
 * const walletClient = createWalletClient({ chain: hardhat, transport: http(), account: privateKeyToAccount(key) });
 * const result = await quickstart({ publicClient, walletClient, member: "0x7099…79C8" });
 * // { guild: 1n, grants: 2n, owner: "0x7099…79C8", definedAt: 1n }
 */
export async function quickstart({
  publicClient,
  walletClient,
  member,
  addresses,
  startBlock,
}: QuickstartParameters) {
  const concord = createConcordClient({ publicClient, walletClient, addresses, startBlock });

  // 1. A top-level cell: its creator becomes member and steward.
  const { cellId: guild } = await concord.cells.createCell({
    name: "Treasury guild",
    nucleusURI: "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi",
    nucleus: "# Purpose\nKeep the DAO treasury healthy.",
  });

  // 2. Add a member.
  await concord.cells.addMember({ cellId: guild, account: member, roles: Roles.MEMBER });

  // 3. That member makes the final call on treasury matters in the guild.
  await concord.cells.setDecisionOwner({ cellId: guild, topic: "treasury", owner: member });

  // 4. A child cell defines no owner for "treasury": the question escalates to the guild.
  const { cellId: grants } = await concord.cells.createCell({ parentId: guild, name: "Grants" });
  const { owner, definedAt, path } = await concord.cells.decisionPath({ cellId: grants, topic: "treasury" });

  return { guild, grants, owner, definedAt, path: path.map((step) => step.cellId) };
}

// `npx node sdk/examples/quickstart.ts`: the node's first unlocked account creates, the second joins.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const url = process.env.CONCORD_RPC_URL ?? "http://127.0.0.1:8545";
  const transport = http(url, { retryCount: 0 });
  const publicClient = createPublicClient({ chain: hardhat, transport });
  const accounts = await createWalletClient({ chain: hardhat, transport })
    .getAddresses()
    .catch((error: unknown) => {
      console.error(
        `No chain answers at ${url} (${(error as { shortMessage?: string }).shortMessage ?? String(error)}): ` +
          "start it with `npm start`, or set CONCORD_RPC_URL.",
      );
      process.exit(1);
    });
  const [creator, member] = accounts;
  if (!creator || !member) throw new Error(`The node at ${url} must expose two unlocked accounts.`);
  const walletClient = createWalletClient({ chain: hardhat, transport, account: creator });
  console.log(await quickstart({ publicClient, walletClient, member }));
}
