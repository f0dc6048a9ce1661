/**
 * `getProposal`, `getProposalWithBallots` and `listProposals`: a proposal as one flow over both houses. The
 * creations (the calls, descriptions, snapshots and vote ends: through the indexer one request for a page or a
 * proposal; direct, one `eth_getLogs` over both houses, bounded for one proposal by `records.ts`), then ONE
 * batched read (Multicall3, with the block's number and time in the same `eth_call`) of what changes by time or
 * votes: the states, tallies, quorums, the eta, the veto tally and the account's position of the proposals shown.
 */
import { getAddress, isAddressEqual, zeroAddress } from "viem";
import type { Address, ContractFunctionParameters } from "viem";

import type { ConcordClientBase } from "../client.ts";
import { InvalidInputError, decodeConcordError } from "../errors.ts";
import { communityHouseAbi, concordMembershipAbi, operationalHouseAbi } from "../generated/abis.ts";
import { pinBlock, pinned, readAt } from "../internal/block.ts";
import type { BlockParameters, ReadAt } from "../internal/block.ts";
import { formatTimestamp, shortAddress } from "../internal/messages.ts";
import { compareEvents, eventCursor, eventCursorOf, toPageLimit } from "../internal/page.ts";
import type { EventPosition, Page, PageParameters } from "../internal/page.ts";
import { readBatchAtBlock } from "../internal/read.ts";
import type { BatchBlock } from "../internal/read.ts";
import { toAddress, toUint256 } from "../internal/validate.ts";
import type { BigIntish } from "../internal/validate.ts";
import { indexerFor } from "../indexer/switch.ts";
import { proposalStateName } from "./constants.ts";
import { governanceErrorCatalogue } from "./errors.ts";
import { groupCreations, scanBallots, scanCreations } from "./events.ts";
import type { Ballot, ProposalCreation, ProposalRecord } from "./events.ts";
import { proposalRecordAt, scanProposalRecord } from "./records.ts";
import { getGovernanceContracts } from "./reads.ts";
import { proposalDeadline } from "./deadline.ts";
import { finalProposalStages, proposalStage } from "./stage.ts";
import type {
  ActionAvailability,
  GovernanceContracts,
  HouseName,
  HouseTally,
  Proposal,
  ProposalAccountView,
  ProposalActions,
  ProposalKind,
  ProposalStage,
  ProposalStateName,
  ProposalSummary,
  VetoTally,
} from "./types.ts";

/**
 * How many calls one batch of governance live reads carries: 320, so that a page of 20 proposals with the
 * viewer's position (at most 15 calls each: 300, plus the 2 guardians and Multicall3's 2 block reads) is ONE
 * `eth_call`. Every call batched here is a view of a few storage reads. Measured on the demo network, call by
 * call with `eth_estimateGas` less the transaction's 21,000 and its calldata (test/sdk/governance.indexer.test.ts,
 * "the gas of the governance live reads"): the dearest is `state` of an operational proposal queued in the
 * timelock, 37,409 gas (it asks the timelock and the community house, cold); the checkpoint reads at a snapshot
 * (`getVotes`, `quorum`, `getPastVotes`) 16,000 to 20,300, growing by about 2,100 (one cold read) each time the
 * checkpoints double; the rest under 7,000. So even a batch of nothing but the dearest call, 320 × 37,409 =
 * 12.0M gas, fits the 15M cap of one `eth_call` (`readBatchLimits.gasPerCall`), and a batch that still ran out
 * would be halved.
 */
export const GOVERNANCE_CALLS_PER_BATCH = 320;

/**
 * A keyed batch of reads, sent through `readBatchAtBlock` (Multicall3: one `eth_call` that also returns the
 * block's number and time when the calls fit one batch). A read marked optional may fail (e.g.
 * `getPastDelegate` on a DAO's own ERC20Votes token, which lacks OpenZeppelin's VotesExtended): it is then
 * left out. A read marked `after` a timepoint (a proposal's snapshot) is kept only when the batch's block is
 * past it, and may fail before (ERC-5805's future lookup). Any other failing read throws its decoded error.
 */
class ReadPlan {
  readonly calls: ContractFunctionParameters[] = [];
  readonly keys: string[] = [];
  readonly optional = new Set<string>();
  readonly after = new Map<string, bigint>();
  add(
    key: string,
    call: ContractFunctionParameters,
    options: { optional?: boolean; after?: bigint } = {},
  ): void {
    this.keys.push(key);
    this.calls.push(call);
    if (options.optional) this.optional.add(key);
    if (options.after !== undefined) this.after.set(key, options.after);
  }
  async run(
    client: ConcordClientBase,
    at: ReadAt,
  ): Promise<{ block: BatchBlock; values: Map<string, unknown> }> {
    const { block, results } = await readBatchAtBlock(client, this.calls, {
      contract: "OperationalHouse",
      at,
      allowFailure: true,
      callsPerBatch: GOVERNANCE_CALLS_PER_BATCH,
      errors: governanceErrorCatalogue,
    });
    const values = new Map<string, unknown>();
    results.forEach((result, i) => {
      const key = this.keys[i]!;
      const after = this.after.get(key);
      // Not defined yet at this block: left out, whatever the call answered.
      if (after !== undefined && after >= block.timestamp) return;
      if (result.status === "success") values.set(key, result.result);
      else if (!this.optional.has(key)) {
        throw decodeConcordError(result.error, { functionName: this.calls[i]!.functionName });
      }
    });
    return { block, values };
  }
}

const opAbi = operationalHouseAbi;
const coAbi = communityHouseAbi;
const tokenAbi = concordMembershipAbi;

/** Everything read about the proposals, as of one block. */
type Snapshot = {
  gov: GovernanceContracts;
  now: bigint;
  values: Map<string, unknown>;
  guardians: { operational: Address | null; community: Address | null };
};

/** The reads of one proposal (and an account's position, when `account` is given). */
function planProposal(
  plan: ReadPlan,
  gov: GovernanceContracts,
  record: ProposalRecord,
  account: Address | null,
): void {
  const id = record.proposalId;
  const houses: [HouseName, ProposalCreation | null, Address, typeof opAbi | typeof coAbi][] = [
    ["operational", record.operational, gov.operationalHouse, opAbi],
    ["community", record.community, gov.communityHouse, coAbi],
  ];
  for (const [house, creation, address, abi] of houses) {
    if (!creation) continue;
    const k = `${id}:${house}`;
    plan.add(`${k}:state`, { address, abi, functionName: "state", args: [id] });
    // The snapshot and the vote end are the creation's (voteStart, voteEnd); only the community house moves
    // its deadline (a late quorum extends it), and only the operational house queues in the timelock (eta).
    if (house === "community")
      plan.add(`${k}:deadline`, { address, abi, functionName: "proposalDeadline", args: [id] });
    else plan.add(`${k}:eta`, { address, abi, functionName: "proposalEta", args: [id] });
    plan.add(`${k}:votes`, { address, abi, functionName: "proposalVotes", args: [id] });
    // Past-timepoint reads are only defined once the snapshot has passed (ERC-5805): kept only then.
    const timed = { after: creation.voteStart };
    plan.add(`${k}:quorum`, { address, abi, functionName: "quorum", args: [creation.voteStart] }, timed);
    if (account) {
      plan.add(
        `${k}:weight`,
        { address, abi, functionName: "getVotes", args: [account, creation.voteStart] },
        timed,
      );
      plan.add(`${k}:hasVoted`, { address, abi, functionName: "hasVoted", args: [id, account] }, timed);
      if (house === "community") {
        plan.add(
          `${k}:hasOverridden`,
          { address, abi: coAbi, functionName: "hasVotedOverride", args: [id, account] },
          timed,
        );
        // VotesExtended reads: a DAO's own ERC20Votes token may lack them (no overrides then).
        const token = { address: gov.votesToken, abi: tokenAbi } as const;
        const past = [account, creation.voteStart] as const;
        plan.add(
          `${k}:pastDelegate`,
          { ...token, functionName: "getPastDelegate", args: past },
          { ...timed, optional: true },
        );
        plan.add(
          `${k}:pastBalance`,
          { ...token, functionName: "getPastBalanceOf", args: past },
          { ...timed, optional: true },
        );
      }
    }
  }
  // The veto of an operational proposal, read in the community house once the operational snapshot passed.
  if (!record.community && record.operational) {
    const community = { address: gov.communityHouse, abi: coAbi } as const;
    const timed = { after: record.operational.voteStart };
    plan.add(`${id}:veto:votes`, { ...community, functionName: "vetoVotes", args: [id] }, timed);
    plan.add(`${id}:veto:threshold`, { ...community, functionName: "vetoThreshold", args: [id] }, timed);
    plan.add(`${id}:veto:vetoed`, { ...community, functionName: "isVetoed", args: [id] }, timed);
    if (account) {
      plan.add(
        `${id}:veto:hasVetoed`,
        { ...community, functionName: "hasVetoed", args: [id, account] },
        timed,
      );
      plan.add(
        `${id}:veto:power`,
        {
          address: gov.votesToken,
          abi: tokenAbi,
          functionName: "getPastVotes",
          args: [account, record.operational.voteStart],
        },
        timed,
      );
    }
  }
}

/**
 * The live state of `records` in ONE batched read at `at` (the block's number and time ride in it, so no block
 * is read first). The reads at a proposal's snapshot are only defined once it passed (ERC-5805): they are sent
 * with the others and kept only when the batch's block is past the snapshot (see `ReadPlan`).
 */
async function readSnapshot(
  client: ConcordClientBase,
  records: readonly ProposalRecord[],
  account: Address | null,
  at: ReadAt,
): Promise<Snapshot> {
  const gov = await getGovernanceContracts(client);
  const plan = new ReadPlan();
  plan.add("guardian:operational", {
    address: gov.operationalHouse,
    abi: opAbi,
    functionName: "proposalGuardian",
  });
  plan.add("guardian:community", {
    address: gov.communityHouse,
    abi: coAbi,
    functionName: "proposalGuardian",
  });
  for (const record of records) planProposal(plan, gov, record, account);
  const { block, values } = await plan.run(client, at);
  const guardian = (key: string) => {
    const value = values.get(key) as Address;
    return value === zeroAddress ? null : getAddress(value);
  };
  return {
    gov,
    now: block.timestamp,
    values,
    guardians: { operational: guardian("guardian:operational"), community: guardian("guardian:community") },
  };
}

function tallyOf(
  snapshot: Snapshot,
  record: ProposalRecord,
  house: HouseName,
): { tally: HouseTally; eta: bigint } | null {
  const creation = record[house];
  if (!creation) return null;
  const k = `${record.proposalId}:${house}`;
  const get = <value>(name: string) => snapshot.values.get(`${k}:${name}`) as value;
  const [againstVotes, forVotes, abstainVotes] = get<readonly [bigint, bigint, bigint]>("votes");
  const quorum = get<bigint | undefined>("quorum") ?? 0n;
  const state = proposalStateName(get<number>("state"));
  return {
    tally: {
      house,
      address: house === "operational" ? snapshot.gov.operationalHouse : snapshot.gov.communityHouse,
      state,
      forVotes,
      againstVotes,
      abstainVotes,
      quorum,
      quorumReached: creation.voteStart < snapshot.now && forVotes + abstainVotes >= quorum,
      voteStart: creation.voteStart,
      // The community house may extend its vote (late quorum): read; the operational one's is the creation's.
      voteEnd: house === "community" ? get<bigint>("deadline") : creation.voteEnd,
      proposer: creation.proposer,
      createdBlock: creation.blockNumber,
    },
    eta: house === "operational" ? get<bigint>("eta") : 0n,
  };
}

const STAGE_WORDS: Record<ProposalStage, string> = {
  communityVote: "in the community house's vote",
  awaitingOperational: "approved by the community and waiting to be carried to the operational house",
  operationalVote: "in the operational house's vote",
  awaitingQueue: "passed and waiting to be queued in the timelock",
  vetoWindow: "in its veto window",
  timelock: "waiting in the timelock",
  executable: "ready to execute",
  executed: "executed",
  vetoed: "vetoed by the community",
  defeated: "defeated",
  canceled: "canceled",
  expired: "expired",
};

/**
 * The stage of a proposal in words, for sentences ("in its veto window").
 *
 * @example
 * stageWords("vetoWindow"); // "in its veto window"
 */
export function stageWords(stage: ProposalStage): string {
  return STAGE_WORDS[stage];
}

const FINAL_STAGES = finalProposalStages;

function allowed(house: HouseName | null): ActionAvailability {
  return { allowed: true, house, reason: null };
}
function refused(house: HouseName | null, reason: string): ActionAvailability {
  return { allowed: false, house, reason };
}

function buildProposal(snapshot: Snapshot, record: ProposalRecord, account: Address | null): Proposal {
  const id = record.proposalId;
  const first = (record.community ?? record.operational)!;
  const kind: ProposalKind = record.community ? "constitutional" : "operational";
  const community = tallyOf(snapshot, record, "community");
  const operational = tallyOf(snapshot, record, "operational");
  const rawEta = operational?.eta ?? 0n;
  const eta = rawEta === 0n ? null : rawEta;
  const values = snapshot.values;
  const vetoRead = values.has(`${id}:veto:votes`);
  const veto: VetoTally | null =
    kind === "operational" && vetoRead
      ? {
          votes: values.get(`${id}:veto:votes`) as bigint,
          threshold: values.get(`${id}:veto:threshold`) as bigint,
          vetoed: values.get(`${id}:veto:vetoed`) as boolean,
          windowEndsAt: eta,
        }
      : null;
  const stageInput = {
    kind,
    community: community?.tally ?? null,
    operational: operational?.tally ?? null,
    eta,
    vetoed: veto?.vetoed ?? false,
    now: snapshot.now,
  };
  const stage = proposalStage(stageInput);

  let accountView: ProposalAccountView | null = null;
  if (account) {
    const get = <value>(key: string) => values.get(`${id}:${key}`) as value | undefined;
    accountView = {
      account,
      communityVotes: get<bigint>("community:weight") ?? null,
      operationalSeats: get<bigint>("operational:weight") ?? null,
      hasVotedCommunity: get<boolean>("community:hasVoted") ?? false,
      hasVotedOperational: get<boolean>("operational:hasVoted") ?? false,
      hasOverridden: get<boolean>("community:hasOverridden") ?? false,
      hasVetoed: get<boolean>("veto:hasVetoed") ?? false,
      vetoPower: get<bigint>("veto:power") ?? null,
    };
  }
  const summary: ProposalSummary = {
    id,
    kind,
    stage,
    description: first.description,
    // The `#proposer=0x…` suffix (S7) is not part of the title.
    title: first.description
      .replace(/#proposer=0x[0-9a-fA-F]{40}$/, "")
      .split("\n")[0]!
      .replace(/^#+\s*/, ""),
    descriptionHash: first.descriptionHash,
    calls: first.calls,
    proposer: first.proposer,
    community: community?.tally ?? null,
    operational: operational?.tally ?? null,
    veto,
    eta,
    deadline: proposalDeadline(stageInput),
    now: snapshot.now,
  };
  return { ...summary, accountView, actions: actionsOf(snapshot, record, summary, account, accountView) };
}

function actionsOf(
  snapshot: Snapshot,
  record: ProposalRecord,
  proposal: ProposalSummary,
  account: Address | null,
  view: ProposalAccountView | null,
): ProposalActions {
  const { stage, now } = proposal;
  const final = FINAL_STAGES.includes(stage);
  const where = `The proposal is ${stageWords(stage)}`;
  const connect = "Connect an account first.";

  // vote
  let vote: ActionAvailability;
  const votingHouse: HouseName | null =
    stage === "communityVote" ? "community" : stage === "operationalVote" ? "operational" : null;
  const votingTally = votingHouse ? proposal[votingHouse] : null;
  if (!votingHouse || !votingTally) vote = refused(null, `${where}: no vote is open.`);
  else if (votingTally.state === "pending")
    vote = refused(votingHouse, `Voting opens after ${formatTimestamp(votingTally.voteStart)}.`);
  else if (!account || !view) vote = refused(votingHouse, connect);
  else if (votingHouse === "operational" ? view.hasVotedOperational : view.hasVotedCommunity)
    vote = refused(votingHouse, `${shortAddress(account)} has already voted in the ${votingHouse} house.`);
  else if ((votingHouse === "operational" ? view.operationalSeats : view.communityVotes) === 0n)
    vote = refused(
      votingHouse,
      votingHouse === "operational"
        ? `${shortAddress(account)} held no seat at the snapshot (${formatTimestamp(votingTally.voteStart)}): only the delegates of recognised cells vote in the operational house.`
        : `${shortAddress(account)} had no votes at the snapshot (${formatTimestamp(votingTally.voteStart)}): members vote, or their delegate does.`,
    );
  else vote = allowed(votingHouse);

  // override (community house, while its vote is open)
  let override: ActionAvailability;
  const communityTally = proposal.community;
  if (stage !== "communityVote" || !communityTally)
    override = refused("community", `${where}: overrides happen during the community house's vote.`);
  else if (communityTally.state === "pending")
    override = refused("community", `Voting opens after ${formatTimestamp(communityTally.voteStart)}.`);
  else if (!account || !view) override = refused("community", connect);
  else {
    const delegate = snapshot.values.get(`${record.proposalId}:community:pastDelegate`) as
      Address | undefined;
    const balance = snapshot.values.get(`${record.proposalId}:community:pastBalance`) as bigint | undefined;
    if (!snapshot.values.has(`${record.proposalId}:community:pastDelegate`))
      override = refused(
        "community",
        "The community's votes token keeps no delegation history: overrides are not possible.",
      );
    else if (view.hasOverridden)
      override = refused("community", `${shortAddress(account)} has already overridden its delegate's vote.`);
    else if (!balance)
      override = refused("community", `${shortAddress(account)} held no membership at the snapshot.`);
    else if (!delegate || delegate === zeroAddress || isAddressEqual(delegate, account))
      override = refused(
        "community",
        `${shortAddress(account)} had not delegated its vote at the snapshot: vote directly.`,
      );
    else override = allowed("community");
  }

  // veto
  let veto: ActionAvailability;
  if (proposal.kind === "constitutional")
    veto = refused("community", "Constitutional proposals are not vetoed: the community approved them.");
  else if (stage !== "vetoWindow") veto = refused("community", `${where}, not in its veto window.`);
  else if (!account || !view) veto = refused("community", connect);
  else if (view.hasVetoed) veto = refused("community", `${shortAddress(account)} has already vetoed it.`);
  else if (!view.vetoPower)
    veto = refused(
      "community",
      `${shortAddress(account)} had no members' votes at the proposal's snapshot (${formatTimestamp(proposal.operational!.voteStart)}).`,
    );
  else veto = allowed("community");

  const carry =
    stage === "awaitingOperational"
      ? allowed("operational")
      : refused(
          "operational",
          proposal.kind === "operational" ? "Only constitutional proposals are carried." : `${where}.`,
        );
  const queue = stage === "awaitingQueue" ? allowed("operational") : refused("operational", `${where}.`);
  const execute =
    stage === "executable"
      ? allowed("operational")
      : (stage === "vetoWindow" || stage === "timelock") && proposal.eta !== null
        ? refused("operational", `${where}: executable from ${formatTimestamp(proposal.eta)}.`)
        : refused("operational", `${where}.`);

  // cancel: the guardian of the house that holds the proposal now, or its proposer while voting has not opened.
  const house: HouseName = record.operational ? "operational" : "community";
  const guardian = snapshot.guardians[house];
  const tally = proposal[house]!;
  let cancel: ActionAvailability;
  if (final) cancel = refused(house, `${where}.`);
  else if (!account) cancel = refused(house, connect);
  else if (guardian && isAddressEqual(guardian, account)) cancel = allowed(house);
  else if (
    tally.state === "pending" &&
    isAddressEqual(tally.proposer, account) &&
    !(house === "operational" && proposal.kind === "constitutional")
  )
    cancel = allowed(house);
  else
    cancel = refused(
      house,
      `Only ${guardian ? `the guardian (${shortAddress(guardian)})` : "a guardian (none is set)"} can cancel it now${
        tally.state === "pending" ? "" : "; its proposer could only before voting opened"
      }.`,
    );
  void now;
  return { vote, override, veto, carry, queue, execute, cancel };
}

/** Parameters of {@link getProposal}. */
export type GetProposalParameters = {
  proposalId: BigIntish;
  /** Whose position and next actions to read (default: the wallet client's account, if any). */
  account?: Address | undefined;
} & BlockParameters;

function accountOf(client: ConcordClientBase, account: Address | undefined): Address | null {
  if (account !== undefined) return toAddress("account", account);
  const own = client.walletClient?.account?.address;
  return own ? getAddress(own) : null;
}

/**
 * A proposal as one flow over both houses: its kind and stage, both houses' tallies and quorums, the veto
 * tally, deadlines and eta, its calls and description, and what the account can do next (each action with
 * the reason when it cannot), as of a block (default: the latest). Through the indexer two requests: the
 * proposal's creations, then one batched `eth_call` that also carries the block. Direct: one batched read of
 * both houses' snapshots, one `eth_getLogs` over the range the snapshots bound (see `records.ts`; a few block
 * reads first on a chain longer than 10,000 blocks), and the batched `eth_call`.
 *
 * @throws {InvalidInputError} when no house has a proposal with this id.
 * @example
 * const proposal = await concord.governance.getProposal({ proposalId });
 * proposal.stage; // "vetoWindow"
 * proposal.actions.veto; // { allowed: true, house: "community", reason: null }
 */
export async function getProposal(
  client: ConcordClientBase,
  parameters: GetProposalParameters,
): Promise<Proposal> {
  const proposalId = toUint256("proposalId", parameters.proposalId);
  const account = accountOf(client, parameters.account);
  // The creations up to the block, every state at it (default: the latest block).
  const { at } = await pinBlock(client, readAt(parameters));
  const record = await proposalRecordAt(client, proposalId, at);
  if (!record) throw unknownProposal(proposalId, at);
  const snapshot = await readSnapshot(client, [record], account, at);
  return buildProposal(snapshot, record, account);
}

function unknownProposal(proposalId: bigint, at: ReadAt): InvalidInputError {
  return new InvalidInputError(
    "proposalId",
    proposalId,
    `no house has a proposal with id ${proposalId}${"blockNumber" in at ? ` at block ${at.blockNumber}` : ""}`,
  );
}

/** The most ballots {@link getProposalWithBallots} returns with the proposal by default. */
export const DEFAULT_PROPOSAL_BALLOTS = 10;

/** Parameters of {@link getProposalWithBallots}. */
export type GetProposalWithBallotsParameters = GetProposalParameters & {
  /** The first page of ballots to read with it: `limit` 1..500 (default {@link DEFAULT_PROPOSAL_BALLOTS}). */
  ballots?: { limit?: number | undefined } | undefined;
};

/** What {@link getProposalWithBallots} returns: the proposal and the first page of its ballots. */
export type ProposalWithBallots = {
  proposal: Proposal;
  /** Oldest first; go on from `next` with `getProposalBallots({ proposalId, cursor: next })`. */
  ballots: Page<Ballot>;
};

/**
 * A proposal (as {@link getProposal} reads it) with the first page of its ballots (as `getProposalBallots`
 * reads them), for a proposal's page: through the indexer TWO requests, whatever the DAO's size — one for the
 * proposal's creations and its first ballots (`/concord/proposals/:id?limit=`), one batched `eth_call` for its
 * live state with the block. Direct: the bounded creations lookup of `getProposal`, then the ballots scan from
 * the proposal's creation (no ballot comes before it) and the batched read, side by side. The rest of the
 * ballots: `getProposalBallots({ proposalId, limit, cursor: ballots.next })`.
 *
 * @throws {InvalidInputError} when no house has a proposal with this id, or on a bad `ballots.limit`.
 * @example
 * const { proposal, ballots } = await concord.governance.getProposalWithBallots({
 *   proposalId,
 *   ballots: { limit: 10 },
 * });
 * const more = ballots.next
 *   ? await concord.governance.getProposalBallots({ proposalId, limit: 10, cursor: ballots.next })
 *   : null;
 */
export async function getProposalWithBallots(
  client: ConcordClientBase,
  parameters: GetProposalWithBallotsParameters,
): Promise<ProposalWithBallots> {
  const proposalId = toUint256("proposalId", parameters.proposalId);
  const account = accountOf(client, parameters.account);
  const limit = toPageLimit(parameters.ballots?.limit ?? DEFAULT_PROPOSAL_BALLOTS);
  const { at, toBlock } = await pinBlock(client, readAt(parameters));
  const viaIndexer = pinned(at) ? null : await indexerFor(client);
  if (viaIndexer) {
    const found = await (
      await import("../indexer/governance.ts")
    ).indexerProposal(viaIndexer, {
      proposalId,
      limit,
    });
    // Unknown to the indexer (it may trail the head by a few blocks): the chain decides, below.
    if (found) {
      const snapshot = await readSnapshot(client, [found.record], account, at);
      return { proposal: buildProposal(snapshot, found.record, account), ballots: found.ballots };
    }
  }
  const record = await scanProposalRecord(client, proposalId, at);
  if (!record) throw unknownProposal(proposalId, at);
  const [snapshot, ballots] = await Promise.all([
    readSnapshot(client, [record], account, at),
    scanBallots(client, {
      proposalId,
      limit,
      after: null,
      toBlock,
      fromBlock: firstCreation(record).blockNumber,
    }),
  ]);
  return { proposal: buildProposal(snapshot, record, account), ballots };
}

/** Parameters of {@link listProposals}. */
export type ListProposalsParameters = {
  /** Only proposals in these stages (a stage depends on the chain's state: see {@link MAX_PROPOSALS_EXAMINED}). */
  stage?: ProposalStage | readonly ProposalStage[] | undefined;
  /** Only constitutional or only operational proposals. */
  kind?: ProposalKind | undefined;
  /** Whose position and actions to read (default: the wallet client's account, if any). */
  account?: Address | undefined;
} & PageParameters &
  BlockParameters;

/**
 * The most proposals one page of `listProposals` with a `stage` filter examines: their stage is read from the
 * chain, in batches of at least {@link STAGE_FILTER_BATCH}, until the page is full, the list ends or this many
 * were read. The page may then be shorter than `limit`, even empty, with a `next` to go on from.
 */
export const MAX_PROPOSALS_EXAMINED = 500;
/** How many proposals a `stage`-filtered page reads the state of at once (or `limit`, when larger). */
export const STAGE_FILTER_BATCH = 50;

const PROPOSAL_STAGES = Object.keys(STAGE_WORDS) as ProposalStage[];

function toStages(stage: ListProposalsParameters["stage"]): readonly ProposalStage[] | null {
  if (stage === undefined) return null;
  const stages = typeof stage === "string" ? [stage] : stage;
  if (!Array.isArray(stages) || stages.length === 0)
    throw new InvalidInputError(
      "stage",
      stage,
      `expected a stage or a list of stages: ${PROPOSAL_STAGES.join(", ")}`,
    );
  for (const entry of stages)
    if (!PROPOSAL_STAGES.includes(entry))
      throw new InvalidInputError("stage", entry, `expected one of ${PROPOSAL_STAGES.join(", ")}`);
  return stages;
}

function toKind(kind: unknown): ProposalKind | undefined {
  if (kind === undefined) return undefined;
  if (kind !== "constitutional" && kind !== "operational")
    throw new InvalidInputError("kind", kind, "expected constitutional or operational");
  return kind;
}

/** A proposal's first creation (the community house's, for a carried constitutional proposal). */
function firstCreation(record: ProposalRecord): ProposalCreation {
  const { community, operational } = record;
  if (community && operational) return compareEvents(community, operational) <= 0 ? community : operational;
  return (community ?? operational)!;
}

/** Where the candidates of a page come from: `count` proposals after `cursor`, newest first. */
type RecordSource = (cursor: string | null, count: number) => Promise<Page<ProposalRecord>>;

/** The direct path's source: the creations up to the block (one scan), grouped and ordered newest first. */
async function scannedRecords(
  client: ConcordClientBase,
  toBlock: bigint | undefined,
  kind: ProposalKind | undefined,
): Promise<RecordSource> {
  const records = groupCreations(await scanCreations(client, toBlock))
    .filter((record) => kind === undefined || (record.community ? "constitutional" : "operational") === kind)
    .map((record) => ({ record, first: firstCreation(record) as EventPosition }))
    .sort((a, b) => compareEvents(b.first, a.first));
  return async (cursor, count) => {
    const before = eventCursor(cursor);
    const start = before ? records.findIndex((entry) => compareEvents(entry.first, before) < 0) : 0;
    const rest = start < 0 ? [] : records.slice(start);
    const items = rest.slice(0, count);
    return {
      items: items.map((entry) => entry.record),
      next: rest.length > count ? eventCursorOf(items[items.length - 1]!.first) : null,
    };
  };
}

/**
 * The proposals of both houses, newest first (by their first creation), a page at a time, as of a block
 * (default: the latest), filtered by kind and stage. `limit` 1..500 (default 50); `cursor` is the previous
 * page's `next`, the `block:logIndex` of the last proposal's first creation (the indexer API's cursor, so a
 * client on `reads: "auto"` may switch path between pages). A constitutional proposal is one item.
 *
 * Requests: the creations (direct: one `eth_getLogs` over both houses up to the block; through the indexer,
 * when no block is given: one request for the page), then ONE batched read of the page's proposals only (up
 * to {@link GOVERNANCE_CALLS_PER_BATCH} calls, so 20 proposals with the account's position are one `eth_call`)
 * that carries the block's number and time too: two requests for a page on either path.
 * A `stage` filter needs each proposal's state: the page reads them in batches until it holds `limit`
 * matches, the list ends, or {@link MAX_PROPOSALS_EXAMINED} proposals were examined; `next` then goes on after
 * the last examined, so a filtered page may hold fewer than `limit` (even none) while `next` is not null.
 *
 * @throws {InvalidInputError} on a bad `stage`, `kind`, `account`, `limit` or `cursor`.
 * @example
 * const { items, next } = await concord.governance.listProposals({ limit: 20 });
 * const open = await concord.governance.listProposals({ stage: ["communityVote", "operationalVote"] });
 * if (next) await concord.governance.listProposals({ limit: 20, cursor: next }); // the next 20
 */
export async function listProposals(
  client: ConcordClientBase,
  parameters: ListProposalsParameters = {},
): Promise<Page<Proposal>> {
  const account = accountOf(client, parameters.account);
  const limit = toPageLimit(parameters.limit);
  const start = eventCursor(parameters.cursor);
  const stages = toStages(parameters.stage);
  const kind = toKind(parameters.kind);
  const { at, toBlock } = await pinBlock(client, readAt(parameters));
  const viaIndexer = pinned(at) ? null : await indexerFor(client);
  const source: RecordSource = viaIndexer
    ? async (cursor, count) =>
        (await import("../indexer/governance.ts")).indexerProposalRecords(viaIndexer, {
          kind,
          limit: count,
          cursor,
        })
    : await scannedRecords(client, toBlock, kind);

  return filteredPage({
    limit,
    filtered: stages !== null,
    cursor: start ? eventCursorOf(start) : null,
    source,
    cursorOf: (record) => eventCursorOf(firstCreation(record)),
    judge: async (records) => {
      const snapshot = await readSnapshot(client, records, account, at);
      return records.map((record) => {
        const proposal = buildProposal(snapshot, record, account);
        return { item: proposal, keep: !stages || stages.includes(proposal.stage) };
      });
    },
  });
}

/**
 * @internal One page of a list whose filter needs a read per item (a proposal's stage): candidates come from
 * `source` in batches (`limit` unfiltered; at least {@link STAGE_FILTER_BATCH} filtered), each batch judged
 * at once, until the page holds `limit` kept items, the list ends, or {@link MAX_PROPOSALS_EXAMINED}
 * candidates were judged. `next` goes on after the last candidate judged (null when none is left).
 *
 * @example
 * const page = await filteredPage({ limit: 20, filtered: true, cursor: null, source, cursorOf, judge });
 */
export async function filteredPage<record, item>(options: {
  limit: number;
  filtered: boolean;
  cursor: string | null;
  source: (cursor: string | null, count: number) => Promise<Page<record>>;
  cursorOf: (record: record) => string;
  judge: (records: record[]) => Promise<{ item: item; keep: boolean }[]>;
}): Promise<Page<item>> {
  const { limit, filtered, source, cursorOf, judge } = options;
  const items: item[] = [];
  let cursor = options.cursor;
  let examined = 0;
  // Bounded: each batch judges at least one candidate, and at most MAX_PROPOSALS_EXAMINED are judged.
  while (examined < MAX_PROPOSALS_EXAMINED) {
    const count = filtered
      ? Math.min(Math.max(limit, STAGE_FILTER_BATCH), MAX_PROPOSALS_EXAMINED - examined)
      : Math.min(limit, MAX_PROPOSALS_EXAMINED - examined);
    const batch = await source(cursor, count);
    // A source that answers more than asked (an old indexer API): only `count` are judged.
    const records = batch.items.slice(0, count);
    if (records.length === 0) return { items, next: null };
    const judged = await judge(records);
    for (const [i, record] of records.entries()) {
      examined++;
      if (judged[i]!.keep) items.push(judged[i]!.item);
      if (items.length === limit || examined >= MAX_PROPOSALS_EXAMINED) {
        const more = i < records.length - 1 || batch.next !== null;
        return { items, next: more ? cursorOf(record) : null };
      }
    }
    if (batch.next === null) return { items, next: null };
    cursor = cursorOf(records[records.length - 1]!);
  }
  return { items, next: cursor };
}

/**
 * @internal Every proposal, newest first, as of the latest block: the treasury's pending outflows read them
 * all (one creations scan or the indexer's creations, one batched read of every state). Lists shown to people
 * use the paged {@link listProposals}.
 *
 * @example
 * const proposals = await readEveryProposal(client);
 */
export async function readEveryProposal(
  client: ConcordClientBase,
  parameters: BlockParameters = {},
): Promise<Proposal[]> {
  const account = accountOf(client, undefined);
  const { at, toBlock } = await pinBlock(client, readAt(parameters));
  const viaIndexer = pinned(at) ? null : await indexerFor(client);
  const records = groupCreations(
    viaIndexer
      ? await (await import("../indexer/governance.ts")).indexerProposalCreations(viaIndexer)
      : await scanCreations(client, toBlock),
  );
  const snapshot = await readSnapshot(client, records, account, at);
  return records.map((record) => buildProposal(snapshot, record, account)).reverse();
}

/**
 * The state of a proposal in one house, as a word (`null` when that house has no such proposal).
 *
 * @example
 * await concord.governance.houseState({ proposalId, house: "community" }); // "succeeded"
 */
export async function houseState(
  client: ConcordClientBase,
  parameters: { proposalId: BigIntish; house: HouseName } & BlockParameters,
): Promise<ProposalStateName | null> {
  const proposalId = toUint256("proposalId", parameters.proposalId);
  const at = readAt(parameters);
  const gov = await getGovernanceContracts(client);
  const address = parameters.house === "operational" ? gov.operationalHouse : gov.communityHouse;
  // One batch: the snapshot tells whether the proposal exists (state() reverts when it does not).
  const plan = new ReadPlan();
  plan.add("snapshot", { address, abi: opAbi, functionName: "proposalSnapshot", args: [proposalId] });
  plan.add("state", { address, abi: opAbi, functionName: "state", args: [proposalId] }, { optional: true });
  const { values } = await plan.run(client, at);
  const value = values.get("state");
  if ((values.get("snapshot") as bigint) === 0n || typeof value !== "number") return null;
  return proposalStateName(value);
}
