/**
 * Governance example: learn a proposal's kind before sending, propose it (the SDK picks the house), read it
 * back as one flow, and sign a vote that anyone can relay once voting opens.
 *
 * Run against `npm start`'s local chain (Alice, Bob, Carol and Dave are members; Bob and Dave hold seats),
 * then `node sdk/examples/governance.ts` (CONCORD_RPC_URL overrides http://127.0.0.1:8545).
 */
import { pathToFileURL } from "node:url";

import { createPublicClient, createWalletClient, http, parseEther } from "viem";
import type { Address } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { hardhat } from "viem/chains";

import { createConcordClient } from "../index.ts";
import type { ConcordPublicClient, ConcordWalletClient, CreateConcordClientParameters } from "../index.ts";

/** What the example needs: viem clients of a member, and who to pay from the treasury. */
export type GovernanceExampleParameters = {
  publicClient: ConcordPublicClient;
  /** A member of the community house (and, for the operational payment, a seat holder). */
  walletClient: ConcordWalletClient;
  payee: Address;
  /** Where the contracts are (default: the deployment of the public client's chain). */
  addresses?: CreateConcordClientParameters["addresses"];
  startBlock?: CreateConcordClientParameters["startBlock"];
};

/**
 * The governance example, as a function the README quotes and a test runs.
 *
 * @example
 * const result = await governanceExample({ publicClient, walletClient, payee: "0x15d3…6A65" });
 * // { kind: "operational", membershipKind: "constitutional", stage: "operationalVote", ... }
 */
export async function governanceExample({
  publicClient,
  walletClient,
  payee,
  addresses,
  startBlock,
}: GovernanceExampleParameters) {
  const concord = createConcordClient({ publicClient, walletClient, addresses, startBlock });

  // 1. Before sending: a payment from the treasury is operational; admitting a member is constitutional.
  const pay = await concord.governance.buildProposalCall({
    action: "pay",
    to: payee,
    value: parseEther("0.1"),
  });
  const admit = await concord.governance.buildProposalCall({ action: "admitMember", account: payee });
  const preview = await concord.governance.classifyProposal({ calls: [pay, admit] });
  // preview.explanation: "Call 2 (mint a membership to 0x…) is constitutional: every call to this contract …"

  // 2. Propose the payment alone: operational, so the SDK sends it to the operational house.
  const { proposalId, kind, house } = await concord.governance.proposeGovernance({
    calls: [pay],
    description: "Pay for the onboarding guide\n\nThe guide is live on the forum.",
  });

  // 3. One flow over both houses: kind, stage, tallies, deadlines and what this account can do next.
  const proposal = await concord.governance.getProposal({ proposalId });
  // proposal.actions.vote: { allowed: false, reason: "Voting opens after …" } until the voting delay passes

  // 4. A vote by signature (EIP-712; a Safe approves its hash via ERC-1271): anyone relays it once voting opens.
  const { typedData } = await concord.governance.getVoteTypedData({ proposalId, support: "for" });

  return {
    membershipKind: preview.kind,
    firstConstitutionalIndex: preview.firstConstitutionalIndex,
    kind,
    house,
    stage: proposal.stage,
    title: proposal.title,
    calls: proposal.calls.map((call) => concord.governance.describeCall(call)),
    voteReason: proposal.actions.vote.reason,
    ballot: typedData.primaryType,
  };
}

// `node sdk/examples/governance.ts`: Bob (a member holding Infra's seat in the demo) proposes to pay Erin.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const transport = http(process.env.CONCORD_RPC_URL ?? "http://127.0.0.1:8545");
  const publicClient = createPublicClient({ chain: hardhat, transport });
  const bob = privateKeyToAccount("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
  const walletClient = createWalletClient({ chain: hardhat, transport, account: bob });
  console.log(
    await governanceExample({
      publicClient,
      walletClient,
      payee: "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65",
    }),
  );
}
