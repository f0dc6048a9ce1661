/**
 * Gas of a governance decision, side by side in one run: the plain single-house OpenZeppelin DAO
 * (contracts/governance/bench/PlainGovernor.sol: Governor + GovernorSettings + GovernorCountingSimple +
 * GovernorVotes + GovernorVotesQuorumFraction + GovernorTimelockControl, OpenZeppelin's TimelockController,
 * an ERC20Votes token on a timestamp clock), compiled with Concord's settings, and Concord's two houses
 * (OperationalHouse, CommunityHouse, ConcordMembership, GovernanceClassifier, ConcordTimelock, seats from the
 * CellRegistry) wired as the governance fixture and the deployment wire them.
 * Run through `npm run bench` (bench/run.ts), which writes bench/reports/.
 *
 * The community house is also set beside its like-for-like peer (contracts/governance/bench/PlainOverridableGovernor.sol:
 * the plain Governor with OpenZeppelin's GovernorCountingOverridable on a VotesExtended token and
 * GovernorPreventLateQuorum, compiled with the community house's optimizer override, runs 200), whose votes are
 * measured on the same rows around the same quorum (3 votes): what those two features cost in OpenZeppelin's code.
 *
 * Every DAO is measured on the same decision (one call: the treasury pays a contributor 1,000 tokens with an
 * ERC-20 `transfer`, the same description) and reported with the same rows (`DecisionFigures`,
 * `decisionRows`). The step helpers (`governorSteps`) speak only OpenZeppelin's IGovernor, ERC-5267 and
 * ERC-6372, so both Concord houses are driven by the same code as the plain Governor. Concord's operational
 * flow (propose in the operational house, 5 seat-holders vote, queue, the veto window passes, execute) gets
 * the targets against the plain DAO (castVote no more than the plain Governor's; the whole operational
 * decision no more than 1.2 times the plain one); the constitutional flow (community vote, then operational
 * vote, queue with the constitutional delay, execute) is reported beside it.
 *
 * Figures are `gasUsed` (21,000 base + calldata + execution); every measured call is its own transaction.
 */
import {
  encodeFunctionData,
  getAddress,
  keccak256,
  parseEther,
  stringToHex,
  zeroAddress,
  zeroHash,
} from "viem";
import type { Address, Hex } from "viem";
import type { ContractReturnType } from "@nomicfoundation/hardhat-viem/types";

import ConcordModule from "../ignition/modules/Concord.ts";
import type { BenchContext, BenchRow } from "./lib.ts";

type Account = BenchContext["accounts"][number];
type Wallet = Awaited<ReturnType<BenchContext["viem"]["getWalletClients"]>>[number];
/** Any governor that speaks OpenZeppelin's IGovernor (+ ERC-5267 and ERC-6372), read through that ABI. */
export type GovernorContract = ContractReturnType<"PlainGovernor">;
type VotesToken = ContractReturnType<"PlainVotesToken">;

const DAY = 86_400n;
/** The plain DAO's parameters (timestamps: seconds). They set the clock, not the gas. */
export const PLAIN_SETTINGS = {
  votingDelay: DAY,
  votingPeriod: 7n * DAY,
  proposalThreshold: parseEther("1"),
  quorumPercent: 4n,
  timelockDelay: 2n * DAY,
} as const;
/**
 * The community house's peer: the plain DAO's parameters with the community house's late-quorum extension and a
 * quorum of 15 % of the 17 holders' 1,700 tokens (255: reached by the third vote of 100, as the community house's
 * quorum of 3 votes; the bench checks that both count the same votes).
 */
export const PEER_SETTINGS = {
  ...PLAIN_SETTINGS,
  quorumPercent: 15n,
  lateQuorumExtension: 2n * DAY,
} as const;
/** Each voter's voting power (tokens, self-delegated). */
export const VOTING_POWER = parseEther("100");
/** The decision every DAO takes: the treasury pays a contributor this many tokens. */
export const PAYMENT = parseEther("1000");
export const DESCRIPTION =
  "# Pay the infra cell 1,000 TRS for Q3 node hosting\n\nTwo archive nodes, July to September.";
/** Voters in the whole decision, and signed votes in the batch row. */
export const DECISION_VOTERS = 5;
export const BATCH = 10;
const FOR = 1;

export interface Proposal {
  targets: Address[];
  values: bigint[];
  calldatas: Hex[];
  description: string;
}

/** The rows every DAO in this bench reports, so that they read side by side. */
export interface DecisionFigures {
  propose: bigint;
  /** castVote by the first voter of a proposal (its tally slot goes from zero to non-zero). */
  castVoteFirst: bigint;
  /** castVote by a later voter. */
  castVoteLater: bigint;
  /** castVoteBySig relayed for an EOA signer's first nonce, as a later voter. */
  castVoteBySig: bigint;
  /** Ten signed votes relayed, each signer's first nonce, as later voters: total, and how they were sent. */
  signedBatch: { total: bigint; how: string }[];
  queue: bigint;
  execute: bigint;
  /** The whole decision: propose + the DECISION_VOTERS voters' castVote + queue + execute. */
  decision: bigint;
  /** What the decision's steps were, in words. */
  decisionSteps: string;
}

const fmt = (n: bigint | number) => Number(n).toLocaleString("en-US");

/**
 * Driving one IGovernor through a proposal's life: each write returns its gas; time moves to the exact
 * timepoints the governor itself reports (snapshot, deadline, ETA), so it works for any periods.
 */
export function governorSteps(ctx: BenchContext, governor: GovernorContract, wallets: readonly Wallet[]) {
  const { gasOf, networkHelpers } = ctx;
  const args = (p: Proposal) =>
    [p.targets, p.values, p.calldatas, keccak256(stringToHex(p.description))] as const;
  const moveTo = async (timepoint: bigint) => {
    if (BigInt(await networkHelpers.time.latest()) < timepoint)
      await networkHelpers.time.increaseTo(timepoint);
  };
  const walletOf = (account: Account): Wallet => {
    const wallet = wallets.find((w) => w.account.address === account.address);
    if (!wallet) throw new Error(`no wallet for ${account.address}`);
    return wallet;
  };
  return {
    governor,
    async propose(proposal: Proposal, proposer: Account) {
      const id = await governor.read.hashProposal(args(proposal));
      const gas = await gasOf(
        governor.write.propose(
          [proposal.targets, proposal.values, proposal.calldatas, proposal.description],
          {
            account: proposer,
          },
        ),
      );
      return { id, gas };
    },
    /** Moves time past the proposal's snapshot: voting is open. */
    async openVoting(proposalId: bigint) {
      await moveTo((await governor.read.proposalSnapshot([proposalId])) + 1n);
    },
    castVote: (proposalId: bigint, voter: Account) =>
      gasOf(governor.write.castVote([proposalId, FOR], { account: voter })),
    /** The voter's EIP-712 Ballot signature (domain read from the governor's ERC-5267 eip712Domain). */
    async signVote(proposalId: bigint, voter: Account): Promise<Hex> {
      const [, name, version, chainId, verifyingContract] = await governor.read.eip712Domain();
      const nonce = await governor.read.nonces([voter.address]);
      return walletOf(voter).signTypedData({
        account: voter,
        domain: { name, version, chainId, verifyingContract },
        types: {
          Ballot: [
            { name: "proposalId", type: "uint256" },
            { name: "support", type: "uint8" },
            { name: "voter", type: "address" },
            { name: "nonce", type: "uint256" },
          ],
        },
        primaryType: "Ballot",
        message: { proposalId, support: FOR, voter: voter.address, nonce },
      });
    },
    castVoteBySig: (proposalId: bigint, voter: Account, signature: Hex, relayer: Account) =>
      gasOf(governor.write.castVoteBySig([proposalId, FOR, voter.address, signature], { account: relayer })),
    /** The calldata of a castVoteBySig, for relaying several in one transaction. */
    castVoteBySigData: (proposalId: bigint, voter: Account, signature: Hex) =>
      encodeFunctionData({
        abi: governor.abi,
        functionName: "castVoteBySig",
        args: [proposalId, FOR, voter.address, signature],
      }),
    /** Moves time past the proposal's deadline: voting is closed. */
    async closeVoting(proposalId: bigint) {
      await moveTo((await governor.read.proposalDeadline([proposalId])) + 1n);
    },
    queue: (proposal: Proposal, account: Account) => gasOf(governor.write.queue(args(proposal), { account })),
    /** Moves time to the proposal's ETA (the end of the timelock delay). */
    async waitForEta(proposalId: bigint) {
      await moveTo(await governor.read.proposalEta([proposalId]));
    },
    execute: (proposal: Proposal, account: Account) =>
      gasOf(governor.write.execute(args(proposal), { account })),
    /** The proposal's state (IGovernor.ProposalState: 4 Succeeded, 5 Queued, 7 Executed). */
    state: (proposalId: bigint) => governor.read.state([proposalId]),
  };
}

/** The same rows for every DAO; with a baseline, the targets against it. */
export function decisionRows(
  group: string,
  f: DecisionFigures,
  compare?: { baseline: DecisionFigures; name: string },
): BenchRow[] {
  const b = compare?.baseline;
  const peer = (g: bigint) => (compare ? `${compare.name}: ${fmt(g)}` : undefined);
  const rows: BenchRow[] = [
    {
      group,
      operation: "propose (1 call: treasury ERC-20 transfer)",
      gas: f.propose,
      peer: b && peer(b.propose),
    },
    {
      group,
      operation: "castVote: first voter on the proposal",
      gas: f.castVoteFirst,
      target: b && Number(b.castVoteFirst),
      peer: b && peer(b.castVoteFirst),
    },
    {
      group,
      operation: "castVote: later voter",
      gas: f.castVoteLater,
      target: b && Number(b.castVoteLater),
      peer: b && peer(b.castVoteLater),
    },
    {
      group,
      operation: "castVoteBySig (EOA signer's first nonce, relayed, later voter)",
      gas: f.castVoteBySig,
      peer: b && peer(b.castVoteBySig),
    },
  ];
  for (const batch of f.signedBatch) {
    rows.push(
      { group, operation: `${BATCH} signed votes, ${batch.how}: total`, gas: batch.total },
      {
        group,
        operation: `${BATCH} signed votes, ${batch.how}: per vote`,
        gas: batch.total / BigInt(BATCH),
        peer: `a single castVoteBySig measured alike: ${fmt(f.castVoteBySig)}`,
      },
    );
  }
  rows.push(
    { group, operation: "queue (into the TimelockController)", gas: f.queue, peer: b && peer(b.queue) },
    {
      group,
      operation: "execute (through the timelock: the ERC-20 transfer)",
      gas: f.execute,
      peer: b && peer(b.execute),
    },
    {
      group,
      operation: `whole decision, ${DECISION_VOTERS} voters: ${f.decisionSteps}`,
      gas: f.decision,
      target: b && Math.floor(Number(b.decision) * 1.2),
      peer: b && `1.2 × ${compare.name}'s ${fmt(b.decision)}`,
    },
  );
  return rows;
}

/** Every DAO's cast, the same accounts in both benches (19 of them). */
function benchAccounts(accounts: readonly Account[]) {
  if (accounts.length < 19) throw new Error(`the governance bench needs 19 accounts, got ${accounts.length}`);
  return {
    deployer: accounts[0]!,
    voters: accounts.slice(1, 1 + DECISION_VOTERS),
    sigVoter: accounts[6]!,
    signers: accounts.slice(7, 7 + BATCH),
    relayer: accounts[17]!,
    contributor: accounts[18]!,
  };
}

/**
 * A treasury token funding `timelock`, and the two proposals every DAO takes: the measured decision (pay the
 * contributor) and the same payment for signed votes.
 */
async function treasuryPayments(
  ctx: BenchContext,
  deployer: Account,
  timelock: Address,
  contributor: Account,
) {
  const treasury = await ctx.viem.deployContract("PlainVotesToken", ["Treasury", "TRS", deployer.address]);
  await treasury.write.mint([timelock, 1_000_000n * PAYMENT]);
  const pay = (description: string): Proposal => ({
    targets: [treasury.address],
    values: [0n],
    calldatas: [
      encodeFunctionData({
        abi: treasury.abi,
        functionName: "transfer",
        args: [contributor.address, PAYMENT],
      }),
    ],
    description,
  });
  return { treasury, decision: pay(DESCRIPTION), signed: pay(`${DESCRIPTION}\n\n(Voted by signatures.)`) };
}

/** Deploys an OpenZeppelin TimelockController and a plain governor on `token`, wired as the Wizard does. */
async function deployPlainDao(
  ctx: BenchContext,
  contract: "PlainGovernor" | "PlainGovernorMulticall",
  token: VotesToken,
) {
  const { viem, accounts } = ctx;
  const deployer = accounts[0]!;
  // Executor role open to anyone (address zero); the deployer's admin role is renounced below.
  const timelock = await viem.deployContract("TimelockController", [
    PLAIN_SETTINGS.timelockDelay,
    [],
    [zeroAddress],
    deployer.address,
  ]);
  const governor = await viem.deployContract(contract, [
    token.address,
    timelock.address,
    Number(PLAIN_SETTINGS.votingDelay),
    Number(PLAIN_SETTINGS.votingPeriod),
    PLAIN_SETTINGS.proposalThreshold,
    PLAIN_SETTINGS.quorumPercent,
  ]);
  await timelock.write.grantRole([await timelock.read.PROPOSER_ROLE(), governor.address]);
  await timelock.write.grantRole([await timelock.read.CANCELLER_ROLE(), governor.address]);
  await timelock.write.renounceRole([await timelock.read.DEFAULT_ADMIN_ROLE(), deployer.address]);
  // Driven through the IGovernor ABI (PlainGovernor's), like any other governor in this bench.
  return { timelock, governor: await viem.getContractAt("PlainGovernor", governor.address) };
}

/** The plain OpenZeppelin DAO, measured. */
export async function benchPlainDao(ctx: BenchContext): Promise<DecisionFigures> {
  const { viem, accounts } = ctx;
  const wallets = await viem.getWalletClients();
  // The deployer proposes.
  const { deployer, voters, sigVoter, signers, relayer, contributor } = benchAccounts(accounts);

  const token = await viem.deployContract("PlainVotesToken", ["Plain DAO votes", "VOTE", deployer.address]);
  for (const holder of [deployer, ...voters, sigVoter, ...signers]) {
    await token.write.mint([holder.address, VOTING_POWER]);
    await token.write.delegate([holder.address], { account: holder });
  }
  const { timelock, governor } = await deployPlainDao(ctx, "PlainGovernor", token);
  const batchDao = await deployPlainDao(ctx, "PlainGovernorMulticall", token);
  const { treasury, decision, signed } = await treasuryPayments(ctx, deployer, timelock.address, contributor);

  const plain = governorSteps(ctx, governor, wallets);
  const multi = governorSteps(ctx, batchDao.governor, wallets);
  const mcGovernor = await viem.getContractAt("PlainGovernorMulticall", batchDao.governor.address);

  // ── Propose: the measured decision, a second proposal for signed votes, and one in the Multicall variant.
  await ctx.networkHelpers.time.increase(1); // the proposer's votes are counted one second before proposing
  const proposed = await plain.propose(decision, deployer);
  const bySigProposal = await plain.propose(signed, deployer);
  const batchProposal = await multi.propose(signed, deployer);
  for (const id of [proposed.id, bySigProposal.id, batchProposal.id]) await plain.openVoting(id);

  // ── The decision's votes: the first voter, then the later ones.
  const votes: bigint[] = [];
  for (const voter of voters) votes.push(await plain.castVote(proposed.id, voter));

  // ── Signed votes, relayed, all by later voters (a first castVote opens each tally).
  await plain.castVote(bySigProposal.id, voters[0]!);
  const castVoteBySig = await plain.castVoteBySig(
    bySigProposal.id,
    sigVoter,
    await plain.signVote(bySigProposal.id, sigVoter),
    relayer,
  );
  let separate = 0n;
  for (const signer of signers)
    separate += await plain.castVoteBySig(
      bySigProposal.id,
      signer,
      await plain.signVote(bySigProposal.id, signer),
      relayer,
    );
  await multi.castVote(batchProposal.id, voters[0]!);
  const calls: Hex[] = [];
  for (const signer of signers)
    calls.push(
      multi.castVoteBySigData(batchProposal.id, signer, await multi.signVote(batchProposal.id, signer)),
    );
  const multicall = await ctx.gasOf(mcGovernor.write.multicall([calls], { account: relayer }));
  const [, forVotes] = await mcGovernor.read.proposalVotes([batchProposal.id]);
  if (forVotes !== VOTING_POWER * BigInt(BATCH + 1))
    throw new Error(
      `the multicall counted ${forVotes} for-votes, expected ${VOTING_POWER * BigInt(BATCH + 1)}`,
    );

  // ── Queue, wait for the timelock, execute; the payment must have arrived.
  await plain.closeVoting(proposed.id);
  const queue = await plain.queue(decision, deployer);
  await plain.waitForEta(proposed.id);
  const execute = await plain.execute(decision, relayer);
  const paid = await treasury.read.balanceOf([contributor.address]);
  if (paid !== PAYMENT || (await plain.state(proposed.id)) !== 7)
    throw new Error(`the plain DAO's decision did not execute (contributor holds ${paid})`);
  if (getAddress(await governor.read.timelock()) !== getAddress(timelock.address))
    throw new Error("the plain governor is not wired to its timelock");

  return {
    propose: proposed.gas,
    castVoteFirst: votes[0]!,
    castVoteLater: votes[1]!,
    castVoteBySig,
    signedBatch: [
      {
        total: separate,
        how: `${BATCH} separate castVoteBySig transactions (the plain Governor has no batch)`,
      },
      {
        total: multicall,
        how: "one OpenZeppelin Multicall of castVoteBySig (PlainGovernorMulticall variant)",
      },
    ],
    queue,
    execute,
    decision: proposed.gas + votes.reduce((a, g) => a + g, 0n) + queue + execute,
    decisionSteps: `propose + ${DECISION_VOTERS} castVote + queue + execute`,
  };
}

/** The community house's peer's votes on one proposal, in the order cast. */
export interface PeerVoteFigures {
  propose: bigint;
  /** castVote of each of the DECISION_VOTERS voters, first voter first. */
  votes: bigint[];
  /** Votes (of VOTING_POWER each) the quorum needs. */
  quorumVotes: number;
  queue: bigint;
  execute: bigint;
}

/**
 * The community house's like-for-like peer (PlainOverridableGovernor on PlainVotesExtendedToken, an OpenZeppelin
 * TimelockController), measured: the same payment decision as the plain DAO, its DECISION_VOTERS votes one row each.
 * `contract` picks the build: the community house's settings (runs 200) or Concord's default (runs 10,000).
 */
export async function benchPeerDao(
  ctx: BenchContext,
  contract: "PlainOverridableGovernor" | "PlainOverridableGovernorDefaultRuns" = "PlainOverridableGovernor",
): Promise<PeerVoteFigures> {
  const { viem, accounts } = ctx;
  const wallets = await viem.getWalletClients();
  const deployer = accounts[0]!;
  const voters = accounts.slice(1, 1 + DECISION_VOTERS);
  const others = accounts.slice(1 + DECISION_VOTERS, 17); // the plain DAO's other 11 holders
  const relayer = accounts[17]!;
  const contributor = accounts[18]!;

  const token = await viem.deployContract("PlainVotesExtendedToken", [
    "Peer DAO votes",
    "PVOTE",
    deployer.address,
  ]);
  for (const holder of [deployer, ...voters, ...others]) {
    await token.write.mint([holder.address, VOTING_POWER]);
    await token.write.delegate([holder.address], { account: holder });
  }
  const timelock = await viem.deployContract("TimelockController", [
    PEER_SETTINGS.timelockDelay,
    [],
    [zeroAddress],
    deployer.address,
  ]);
  const deployed = await viem.deployContract(contract, [
    token.address,
    timelock.address,
    Number(PEER_SETTINGS.votingDelay),
    Number(PEER_SETTINGS.votingPeriod),
    PEER_SETTINGS.proposalThreshold,
    PEER_SETTINGS.quorumPercent,
    Number(PEER_SETTINGS.lateQuorumExtension),
  ]);
  await timelock.write.grantRole([await timelock.read.PROPOSER_ROLE(), deployed.address]);
  await timelock.write.grantRole([await timelock.read.CANCELLER_ROLE(), deployed.address]);
  await timelock.write.renounceRole([await timelock.read.DEFAULT_ADMIN_ROLE(), deployer.address]);
  const governor = await viem.getContractAt("PlainGovernor", deployed.address);
  const treasury = await viem.deployContract("PlainVotesToken", ["Treasury", "TRS", deployer.address]);
  await treasury.write.mint([timelock.address, 1_000_000n * PAYMENT]);
  const decision: Proposal = {
    targets: [treasury.address],
    values: [0n],
    calldatas: [
      encodeFunctionData({
        abi: treasury.abi,
        functionName: "transfer",
        args: [contributor.address, PAYMENT],
      }),
    ],
    description: DESCRIPTION,
  };

  const peer = governorSteps(ctx, governor, wallets);
  await ctx.networkHelpers.time.increase(1);
  const proposed = await peer.propose(decision, deployer);
  await peer.openVoting(proposed.id);
  const deadline = await governor.read.proposalDeadline([proposed.id]);
  const quorum = await governor.read.quorum([await governor.read.proposalSnapshot([proposed.id])]);
  const votes: bigint[] = [];
  for (const voter of voters) votes.push(await peer.castVote(proposed.id, voter));
  const [, forVotes] = await deployed.read.proposalVotes([proposed.id]);
  if (forVotes !== VOTING_POWER * BigInt(DECISION_VOTERS))
    throw new Error(
      `the peer counted ${forVotes} for-votes, expected ${VOTING_POWER * BigInt(DECISION_VOTERS)}`,
    );
  // The quorum was reached early in the voting period: OpenZeppelin records the extension, the deadline stays.
  if ((await governor.read.proposalDeadline([proposed.id])) !== deadline)
    throw new Error("the peer's deadline moved although the quorum was reached early");

  await peer.closeVoting(proposed.id);
  const queue = await peer.queue(decision, deployer);
  await peer.waitForEta(proposed.id);
  const execute = await peer.execute(decision, relayer);
  if (
    (await treasury.read.balanceOf([contributor.address])) !== PAYMENT ||
    (await peer.state(proposed.id)) !== 7
  )
    throw new Error("the peer's decision did not execute");

  return {
    propose: proposed.gas,
    votes,
    quorumVotes: Number((quorum + VOTING_POWER - 1n) / VOTING_POWER),
    queue,
    execute,
  };
}

export const PLAIN_GROUP = "governance: plain OpenZeppelin DAO (Governor + TimelockController)";
export const PEER_GROUP =
  "governance: OpenZeppelin peer of the community house (plain Governor + GovernorCountingOverridable + GovernorPreventLateQuorum)";
const PEER_NAME = "OZ peer (overridable counting + late quorum; runs 200, as the community house)";
export const OPERATIONAL_GROUP =
  "governance: Concord operational flow (operational house, veto window, timelock)";
export const CONSTITUTIONAL_GROUP =
  "governance: Concord constitutional flow (community house, then operational house)";
const PLAIN_NAME = "plain OZ DAO";
/** Names of the plain DAO and the peer with the compiler settings each was built with (hardhat.config.ts). */
const PLAIN_SETTINGS_NAME = "plain OZ DAO (runs 10,000)";

const ROLE_MEMBER = 1;
const ROLE_DELEGATE = 4;
/**
 * Concord's parameters in this bench: the Ignition module's defaults (ignition/modules/dao.ts `DAO_DEFAULTS`),
 * except the operational quorum: 25 % instead of 50 %, so that the decision's 5 seat votes pass among the
 * bench's 16 seats (the 10 signed votes need 10 more seat-holders). Periods do not change gas.
 */
export const CONCORD_PARAMETERS = { operationalQuorumPercent: 25 } as const;

/**
 * Concord's whole DAO deployed by its Ignition module (ignition/modules/Concord.ts: every power ends with the
 * timelock), founding members `members`; then one cell per seat-holder, who is its delegate, recognised the
 * only way left after deployment: a constitutional proposal approved by the community house and carried
 * through the operational house under the genesis rule (no seats yet), queued and executed by the timelock.
 */
async function deployConcordDao(
  ctx: BenchContext,
  seatHolders: readonly Account[],
  members: readonly Account[],
) {
  const { viem, accounts } = ctx;
  const wallets = await viem.getWalletClients();
  const deployer = accounts[0]!;
  const deployed = await ctx.ignition.deploy(ConcordModule, {
    parameters: { Concord: { ...CONCORD_PARAMETERS, initialMembers: members.map((m) => m.address) } },
  });
  const registry = await viem.getContractAt("CellRegistry", deployed.cellRegistry.address);
  const dao = {
    registry,
    timelock: await viem.getContractAt("ConcordTimelock", deployed.concordTimelock.address),
    operational: await viem.getContractAt("OperationalHouse", deployed.operationalHouse.address),
    community: await viem.getContractAt("CommunityHouse", deployed.communityHouse.address),
    // Both houses driven through the IGovernor ABI, like the plain governor.
    operationalHouse: await viem.getContractAt("PlainGovernor", deployed.operationalHouse.address),
    communityHouse: await viem.getContractAt("PlainGovernor", deployed.communityHouse.address),
  };

  const cellIds: bigint[] = [];
  for (const [i, holder] of seatHolders.entries()) {
    await registry.write.createCell([0n, `cell ${i + 1}`, "", zeroHash]);
    const cellId = await registry.read.cellCount();
    await registry.write.addMember([cellId, holder.address, ROLE_MEMBER | ROLE_DELEGATE]);
    cellIds.push(cellId);
  }
  const founding: Proposal = {
    targets: cellIds.map(() => registry.address),
    values: cellIds.map(() => 0n),
    calldatas: cellIds.map((cellId) =>
      encodeFunctionData({ abi: registry.abi, functionName: "setRecognised", args: [cellId, true] }),
    ),
    description: `# Recognise the ${cellIds.length} founding cells`,
  };
  const community = governorSteps(ctx, dao.communityHouse, wallets);
  const operational = governorSteps(ctx, dao.operationalHouse, wallets);
  await ctx.networkHelpers.time.increase(1);
  const { id } = await community.propose(founding, deployer);
  await community.openVoting(id);
  for (const member of members.slice(0, DECISION_VOTERS)) await community.castVote(id, member);
  await community.closeVoting(id);
  await operational.propose(founding, deployer);
  await operational.closeVoting(id);
  await operational.queue(founding, deployer);
  await operational.waitForEta(id);
  await operational.execute(founding, deployer);
  for (const cellId of cellIds)
    if (!(await registry.read.isRecognised([cellId])))
      throw new Error(`founding cell ${cellId} not recognised`);
  return dao;
}

/** Concord's two houses, measured on the same decision as the plain DAO; the targets against it. */
export async function benchConcordDao(
  ctx: BenchContext,
  plain: DecisionFigures,
  peer: PeerVoteFigures,
): Promise<BenchRow[]> {
  const { viem, accounts, gasOf } = ctx;
  const wallets = await viem.getWalletClients();
  // The deployer is a member without a seat.
  const { deployer, voters, sigVoter, signers, relayer, contributor } = benchAccounts(accounts);
  const seatHolders = [...voters, sigVoter, ...signers];
  const members = [deployer, ...seatHolders];

  const dao = await deployConcordDao(ctx, seatHolders, members);
  const { treasury, decision, signed } = await treasuryPayments(
    ctx,
    deployer,
    dao.timelock.address,
    contributor,
  );
  const operational = governorSteps(ctx, dao.operationalHouse, wallets);
  const community = governorSteps(ctx, dao.communityHouse, wallets);

  // ── Operational flow: the decision, and a second proposal for signed votes (later vetoed).
  // Seats count as votes SEAT_DELAY (7 days) after they were taken (issue 10, S1).
  await ctx.networkHelpers.time.increase(7 * 24 * 60 * 60 + 1);
  const proposed = await operational.propose(decision, voters[0]!);
  const bySigProposal = await operational.propose(signed, voters[0]!);
  for (const id of [proposed.id, bySigProposal.id]) await operational.openVoting(id);
  const votes: bigint[] = [];
  for (const voter of voters) votes.push(await operational.castVote(proposed.id, voter));

  await operational.castVote(bySigProposal.id, voters[0]!);
  const castVoteBySig = await operational.castVoteBySig(
    bySigProposal.id,
    sigVoter,
    await operational.signVote(bySigProposal.id, sigVoter),
    relayer,
  );
  const calls: Hex[] = [];
  for (const signer of signers)
    calls.push(
      operational.castVoteBySigData(
        bySigProposal.id,
        signer,
        await operational.signVote(bySigProposal.id, signer),
      ),
    );
  const multicall = await gasOf(dao.operational.write.multicall([calls], { account: relayer }));
  const [, forVotes] = await dao.operational.read.proposalVotes([bySigProposal.id]);
  if (forVotes !== BigInt(BATCH + 2))
    throw new Error(`the operational multicall counted ${forVotes} seat votes for, expected ${BATCH + 2}`);

  await operational.closeVoting(proposed.id);
  const queue = await operational.queue(decision, voters[0]!);
  await operational.queue(signed, voters[0]!);

  // The community vetoes the second proposal inside its veto window: members veto one by one until the
  // threshold (a fraction of the members at the proposal's snapshot) cancels its timelock operation.
  const threshold = await dao.community.read.vetoThreshold([bySigProposal.id]);
  const vetoes: bigint[] = [];
  for (const member of members.slice(0, Number(threshold)))
    vetoes.push(await gasOf(dao.community.write.castVeto([bySigProposal.id, ""], { account: member })));
  if (
    !(await dao.community.read.isVetoed([bySigProposal.id])) ||
    (await operational.state(bySigProposal.id)) !== 2
  )
    throw new Error("the community's veto did not cancel the operational proposal");

  await operational.waitForEta(proposed.id); // the veto window passes without a veto
  const execute = await operational.execute(decision, relayer);
  if (
    (await treasury.read.balanceOf([contributor.address])) !== PAYMENT ||
    (await operational.state(proposed.id)) !== 7
  )
    throw new Error("Concord's operational decision did not execute");

  const operationalFigures: DecisionFigures = {
    propose: proposed.gas,
    castVoteFirst: votes[0]!,
    castVoteLater: votes[1]!,
    castVoteBySig,
    signedBatch: [{ total: multicall, how: "one multicall of castVoteBySig (the house's own Multicall)" }],
    queue,
    execute,
    decision: proposed.gas + votes.reduce((a, g) => a + g, 0n) + queue + execute,
    decisionSteps: `propose + ${DECISION_VOTERS} seat castVote + queue + veto window passes (no transaction) + execute`,
  };
  const rows = decisionRows(OPERATIONAL_GROUP, operationalFigures, { baseline: plain, name: PLAIN_NAME });
  rows.push(
    {
      group: OPERATIONAL_GROUP,
      operation: "castVeto by a member, below the threshold",
      gas: vetoes[0]!,
      peer: "no plain equivalent (one house)",
    },
    {
      group: OPERATIONAL_GROUP,
      operation: `castVeto reaching the threshold (${threshold} of ${members.length} members): cancels the timelock operation`,
      gas: vetoes[vetoes.length - 1]!,
    },
  );

  // ── Constitutional flow: recognise a new cell (a constitutional call), community house then operational house.
  await dao.registry.write.createCell([0n, "Infra", "", zeroHash]);
  const infra = await dao.registry.read.cellCount();
  const recognise: Proposal = {
    targets: [dao.registry.address],
    values: [0n],
    calldatas: [
      encodeFunctionData({ abi: dao.registry.abi, functionName: "setRecognised", args: [infra, true] }),
    ],
    description: "# Recognise cell 'Infra'\n\nIt runs the archive nodes; its delegate takes a seat.",
  };
  await ctx.networkHelpers.time.increase(1);
  const communityProposed = await community.propose(recognise, deployer);
  await community.openVoting(communityProposed.id);
  const communityVotes: bigint[] = [];
  for (const voter of voters) communityVotes.push(await community.castVote(communityProposed.id, voter));
  await community.closeVoting(communityProposed.id);
  const carried = await operational.propose(recognise, relayer); // anyone carries it once the community approved
  await operational.openVoting(carried.id);
  const seatVotes: bigint[] = [];
  for (const voter of voters) seatVotes.push(await operational.castVote(carried.id, voter));
  await operational.closeVoting(carried.id);
  const constitutionalQueue = await operational.queue(recognise, relayer);
  await operational.waitForEta(carried.id);
  const constitutionalExecute = await operational.execute(recognise, relayer);
  if (!(await dao.registry.read.isRecognised([infra])))
    throw new Error("Concord's constitutional decision did not execute");

  const sum = (gs: bigint[]) => gs.reduce((a, g) => a + g, 0n);
  const constitutional =
    communityProposed.gas +
    sum(communityVotes) +
    carried.gas +
    sum(seatVotes) +
    constitutionalQueue +
    constitutionalExecute;
  const g = CONSTITUTIONAL_GROUP;
  // Later community votes before the quorum, on the vote that reaches it and after it, one row each: the
  // late-quorum rule may make them cost differently (all are cast early in the voting period here).
  const quorum = Number(
    await dao.communityHouse.read.quorum([
      await dao.communityHouse.read.proposalSnapshot([communityProposed.id]),
    ]),
  );
  if (peer.quorumVotes !== quorum)
    throw new Error(
      `the peer's quorum is ${peer.quorumVotes} votes, the community house's ${quorum}: not alike`,
    );
  // The community house is built with optimizer runs 200 (hardhat.config.ts override), as its peer.
  const peers = (plainGas: bigint, peerGas: bigint) =>
    `${PLAIN_SETTINGS_NAME}: ${fmt(plainGas)}; ${PEER_NAME}: ${fmt(peerGas)}`;
  const later = (index: number, when: string): BenchRow[] =>
    index >= 1 && index < communityVotes.length
      ? [
          {
            group: g,
            operation: `community castVote: vote ${index + 1} (quorum ${quorum} votes), ${when}`,
            gas: communityVotes[index]!,
            target: Number(plain.castVoteLater),
            peer: peers(plain.castVoteLater, peer.votes[index]!),
          },
        ]
      : [];
  const communityLaterRows = [
    ...(quorum > 2 ? later(1, "before the quorum is reached") : []),
    ...later(quorum - 1, "reaching the quorum"),
    ...later(quorum, "after the quorum was reached"),
  ];
  rows.push(
    {
      group: g,
      operation: "propose in the community house (1 call: CellRegistry.setRecognised)",
      gas: communityProposed.gas,
    },
    {
      group: g,
      operation: "community castVote: first voter on the proposal",
      gas: communityVotes[0]!,
      target: Number(plain.castVoteFirst),
      peer: peers(plain.castVoteFirst, peer.votes[0]!),
    },
    ...communityLaterRows,
    {
      group: g,
      operation: "propose in the operational house (carrying the approved proposal, by anyone)",
      gas: carried.gas,
    },
    { group: g, operation: "operational castVote: first seat", gas: seatVotes[0]! },
    { group: g, operation: "operational castVote: later seat", gas: seatVotes[1]! },
    { group: g, operation: "queue (constitutional delay)", gas: constitutionalQueue },
    { group: g, operation: "execute (through the timelock: setRecognised)", gas: constitutionalExecute },
    {
      group: g,
      operation: `whole constitutional decision: 2 propose + ${DECISION_VOTERS} community votes + ${DECISION_VOTERS} seat votes + queue + execute`,
      gas: constitutional,
      peer: `${PLAIN_NAME}'s single-house decision with ${DECISION_VOTERS} voters: ${fmt(plain.decision)}`,
    },
  );
  return rows;
}

/**
 * The peer's own rows: the community house's vote rows (same quorum of votes) and its whole decision, built with
 * the community house's settings (runs 200); beside each, the same code built with Concord's default (runs 10,000)
 * and the plain Governor's figure, so that features and settings read apart.
 */
export function peerRows(
  peer: PeerVoteFigures,
  defaultRuns: PeerVoteFigures,
  plain: DecisionFigures,
): BenchRow[] {
  const g = PEER_GROUP;
  const q = peer.quorumVotes;
  const total = (f: PeerVoteFigures) => f.propose + f.votes.reduce((a, v) => a + v, 0n) + f.queue + f.execute;
  const beside = (runs10k: bigint, plainGas?: bigint) =>
    `same code, runs 10,000: ${fmt(runs10k)}` +
    (plainGas === undefined ? "" : `; ${PLAIN_SETTINGS_NAME}: ${fmt(plainGas)}`);
  const vote = (index: number, when: string): BenchRow[] =>
    index >= 1 && index < peer.votes.length
      ? [
          {
            group: g,
            operation: `castVote: vote ${index + 1} (quorum ${q} votes), ${when}`,
            gas: peer.votes[index]!,
            peer: beside(defaultRuns.votes[index]!, plain.castVoteLater),
          },
        ]
      : [];
  return [
    {
      group: g,
      operation: "propose (1 call: treasury ERC-20 transfer), optimizer runs 200 as the community house",
      gas: peer.propose,
      peer: beside(defaultRuns.propose, plain.propose),
    },
    {
      group: g,
      operation: "castVote: first voter on the proposal",
      gas: peer.votes[0]!,
      peer: beside(defaultRuns.votes[0]!, plain.castVoteFirst),
    },
    ...(q > 2 ? vote(1, "before the quorum is reached") : []),
    ...vote(q - 1, "reaching the quorum (OpenZeppelin records the late-quorum deadline)"),
    ...vote(q, "after the quorum was reached"),
    {
      group: g,
      operation: "queue (into the TimelockController)",
      gas: peer.queue,
      peer: beside(defaultRuns.queue, plain.queue),
    },
    {
      group: g,
      operation: "execute (through the timelock: the ERC-20 transfer)",
      gas: peer.execute,
      peer: beside(defaultRuns.execute, plain.execute),
    },
    {
      group: g,
      operation: `whole decision, ${DECISION_VOTERS} voters: propose + ${DECISION_VOTERS} castVote + queue + execute`,
      gas: total(peer),
      peer: beside(total(defaultRuns), plain.decision),
    },
  ];
}

export async function benchGovernance(ctx: BenchContext): Promise<BenchRow[]> {
  const plain = await benchPlainDao(ctx);
  const peer = await benchPeerDao(ctx, "PlainOverridableGovernor");
  const peerDefaultRuns = await benchPeerDao(ctx, "PlainOverridableGovernorDefaultRuns");
  return [
    ...decisionRows(PLAIN_GROUP, plain),
    ...peerRows(peer, peerDefaultRuns, plain),
    ...(await benchConcordDao(ctx, plain, peer)),
  ];
}
