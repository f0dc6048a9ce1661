/**
 * The demo network that `npm start` seeds through the SDK, so that a newcomer sees a living DAO:
 * a top-level cell with two nested cells, members with roles, decision owners, states and intents,
 * agreements, leases, and governance (recognition by a constitutional proposal, one proposal in each stage).
 */
import { createPublicClient, createTestClient, createWalletClient, http, type Address, type Hex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { hardhat } from "viem/chains";

import { Roles, createConcordClient, type Deployment } from "../sdk/index.ts";
import { catchUpWithWallClock, openProposals, recogniseCells } from "./seed-governance.ts";

/** The "unknown vendor" of the vetoed demo proposal (Hardhat's dev account #9). */
const VENDOR: Address = "0xa0Ee7A142d267C1f36714E4a8F75612F20a79720";

/** Hardhat's default dev accounts (mnemonic "test test … junk"): public keys, local use only. */
export const DEV_ACCOUNTS = [
  {
    name: "Alice",
    role: "steward of Concord DAO",
    privateKey: "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
  },
  {
    name: "Bob",
    role: "steward of Infra",
    privateKey: "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
  },
  {
    name: "Carol",
    role: "member of Infra",
    privateKey: "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
  },
  {
    name: "Dave",
    role: "steward of Community",
    privateKey: "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
  },
  {
    name: "Erin",
    role: "asked to join Community",
    privateKey: "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a",
  },
].map((a) => ({
  ...a,
  privateKey: a.privateKey as Hex,
  address: privateKeyToAccount(a.privateKey as Hex).address,
}));

/** Seeds the demo network on the chain at `rpcUrl` where `deployment` was just deployed. */
export async function seedDemo(rpcUrl: string, deployment: Deployment): Promise<{ summary: string[] }> {
  const transport = http(rpcUrl);
  const publicClient = createPublicClient({ chain: hardhat, transport });
  const as = (i: number) =>
    createConcordClient({
      publicClient,
      deployment,
      walletClient: createWalletClient({
        chain: hardhat,
        transport,
        account: privateKeyToAccount(DEV_ACCOUNTS[i]!.privateKey),
      }),
    });
  const [alice, bob, carol, dave, erin] = [0, 1, 2, 3, 4].map(as) as [
    ReturnType<typeof as>,
    ReturnType<typeof as>,
    ReturnType<typeof as>,
    ReturnType<typeof as>,
    ReturnType<typeof as>,
  ];
  const addr = (i: number): Address => DEV_ACCOUNTS[i]!.address;

  // Alice founds the DAO's top-level cell; governance (the timelock) recognises Infra and Community below.
  const { cellId: dao } = await alice.cells.createCell({
    name: "Concord DAO",
    nucleusURI: "ipfs://bafybeihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku",
    nucleus: "Purpose: coordinate autonomous cells. Practices: consent, open ledgers. Progress: launched.",
  });
  const { cellId: infra } = await alice.cells.createCell({
    parentId: dao,
    name: "Infra",
    nucleusURI: "ipfs://bafybeie5gq4jxvzmsym6hjlwxej4rwdoxt7wadqvmmwbqi7r27fclha2va",
    nucleus: "Purpose: keep the DAO's nodes, RPCs and deploy pipeline running.",
  });
  const { cellId: community } = await alice.cells.createCell({
    parentId: dao,
    name: "Community",
    nucleusURI: "ipfs://bafybeibml5uieyxa5tufngvg7fgwbkwvlsuntwbxgtskoqynbt7wlchmfm",
    nucleus: "Purpose: welcome members, run calls and keep the forum healthy.",
  });

  await alice.cells.addMembers({
    cellId: dao,
    members: [
      { account: addr(1), roles: Roles.MEMBER },
      { account: addr(2), roles: Roles.MEMBER },
      { account: addr(3), roles: Roles.MEMBER },
    ],
  });
  await alice.cells.addMembers({
    cellId: infra,
    members: [
      { account: addr(1), roles: Roles.MEMBER | Roles.STEWARD | Roles.DELEGATE },
      { account: addr(2), roles: Roles.MEMBER },
    ],
  });
  await alice.cells.addMember({ cellId: community, account: addr(3), roles: Roles.MEMBER | Roles.STEWARD });
  await dave.cells.setRoles({
    cellId: community,
    account: addr(3),
    roles: Roles.MEMBER | Roles.STEWARD | Roles.DELEGATE,
  });
  await erin.cells.requestToJoin({ cellId: community });

  await alice.cells.setPhase({ cellId: dao, phase: "coordination" });
  await bob.cells.setPhase({ cellId: infra, phase: "commitment" });
  await dave.cells.setPhase({ cellId: community, phase: "collaboration" });

  await alice.cells.setDecisionOwner({ cellId: dao, topic: "treasury", owner: addr(0) });
  await bob.cells.setDecisionOwner({ cellId: infra, topic: "deployments", owner: addr(1) });

  await carol.cells.declareState({ cellId: infra, state: "migrating the RPC nodes to the new cluster" });
  await bob.cells.declareState({ cellId: infra, state: "reviewing the deploy pipeline" });

  // Governance: the founding members recognise Infra and Community through a constitutional proposal (the
  // genesis rule), then the treasury proposals run through their votes. This moves the dev chain's clock
  // forward, so it comes before the time-bound demo (agreements, leases).
  const testClient = createTestClient({ chain: hardhat, mode: "hardhat", transport });
  const members = { alice, bob, carol, dave };
  const governanceSeed = await recogniseCells({
    members,
    testClient,
    publicClient,
    cells: [infra, community],
    addresses: { bob: addr(1), carol: addr(2), dave: addr(3), erin: addr(4), vendor: VENDOR },
  });
  // One clock: the chain's time is the wall clock from here on (it started in the past for the seat delay).
  const behind = await catchUpWithWallClock(testClient, publicClient);
  const block = await publicClient.getBlock();

  await bob.cells.signalIntent({
    cellId: infra,
    intent: "deploy the indexer v2 to production",
    at: block.timestamp + 24n * 3600n,
  });

  // Agreements: an active one between Infra and Community (each acknowledged by its steward), and a
  // pending one between Carol and the Infra cell that waits for Carol.
  const supportTerms =
    "Infra runs Community's forum and event tooling; Community triages user reports first.";
  const { agreementId: support } = await bob.agreements.proposeAgreement({
    cells: [infra, community],
    title: "Forum and event tooling for Community",
    terms: supportTerms,
    termsURI: "ipfs://bafybeia3ux4ekbvlmzbm7tyr3bcclm57uy6r5zbgtk6ahbnzbl6zqbprdu",
  });
  await bob.agreements.acknowledgeAgreementForCell({
    agreementId: support,
    cellId: infra,
    terms: supportTerms,
  });
  await dave.agreements.acknowledgeAgreementForCell({
    agreementId: support,
    cellId: community,
    terms: supportTerms,
  });
  const onCallTerms = "Carol is on call for the RPC nodes one week in four; Infra covers her hosting costs.";
  const { agreementId: onCall } = await bob.agreements.proposeAgreement({
    accounts: [addr(2)],
    cells: [infra],
    title: "Carol on call for the RPC nodes",
    terms: onCallTerms,
    termsURI: "ipfs://bafybeibsnu3xxcfvcbz5mvmsqgrufw7qxpn2wzbdkfrvqcqqpz5c7byy3e",
    expiresAt: block.timestamp + 90n * 24n * 3600n,
  });
  await bob.agreements.acknowledgeAgreementForCell({
    agreementId: onCall,
    cellId: infra,
    terms: onCallTerms,
  });

  // Resources: the staging cluster is leased by Carol; the deploy key is held by Bob with Carol waiting;
  // the community call room (open to anyone) has two bookings.
  const { resourceId: staging } = await bob.leases.registerResource({
    ownerCellId: infra,
    name: "staging cluster",
    maxDuration: 4n * 3600n,
    access: "owner-members",
    claimWindow: 15n * 60n,
  });
  const { resourceId: deployKey } = await bob.leases.registerResource({
    ownerCellId: infra,
    name: "production deploy key",
    maxDuration: 3600n,
    access: "owner-members",
    claimWindow: 10n * 60n,
  });
  const { resourceId: room } = await dave.leases.registerResource({
    ownerCellId: community,
    name: "community call room",
    maxDuration: 2n * 3600n,
    access: "anyone",
    claimWindow: 5n * 60n,
  });
  await carol.leases.acquireLease({ resourceId: staging, duration: 2n * 3600n });
  await bob.leases.acquireLease({ resourceId: deployKey, duration: 45n * 60n });
  await carol.leases.enqueueForLease({ resourceId: deployKey });
  const day = 24n * 3600n;
  await dave.leases.reserveResource({ resourceId: room, start: block.timestamp + day, duration: 3600n });
  await erin.leases.reserveResource({
    resourceId: room,
    start: block.timestamp + 2n * day,
    duration: 2n * 3600n,
  });

  // The proposals whose stage should be fresh when the demo opens (no clock change from here on).
  const proposals = await openProposals({ members, seed: governanceSeed, erin: addr(4) });

  return {
    summary: [
      `cell ${dao} "Concord DAO" (top level): Alice steward; Bob, Carol, Dave members; Alice owns "treasury"`,
      `cell ${infra} "Infra" (in ${dao}, recognised): Bob steward + delegate, Carol member; Bob owns "deployments"`,
      `cell ${community} "Community" (in ${dao}, recognised): Dave steward + delegate; Erin asked to join`,
      `agreement ${support} Infra ⇄ Community: active (both stewards acknowledged)`,
      `agreement ${onCall} Carol ⇄ Infra: proposed, waiting for Carol's acknowledgement`,
      `resource ${staging} "staging cluster" (Infra): leased by Carol for 2 h`,
      `resource ${deployKey} "production deploy key" (Infra): held by Bob for 45 min, Carol waiting in the queue`,
      `resource ${room} "community call room" (Community, open to anyone): booked by Dave tomorrow, by Erin in 2 days`,
      `governance: Alice, Bob, Carol and Dave are founding members (one vote each); Bob (Infra) and Dave (Community) hold the operational house's seats; the treasury (the timelock) holds 5 ETH; on this chain votes last 10 min, the veto window 5 min`,
      ...proposals,
      behind >= 0n
        ? `clock: the chain's time was set to the wall clock after the governance seed (it was ${behind} s behind)`
        : `clock: the chain runs ${-behind} s ahead of the wall clock (the governance seed moved it past now)`,
    ],
  };
}
