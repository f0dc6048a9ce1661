/**
 * Governance writes: one proposal flow over both houses. Each validates its inputs (InvalidInputError),
 * then goes through the shared pipeline (`sdk/internal/write.ts`): simulate → send → wait → decode, and
 * returns `{ hash, receipt, events }` plus what the transaction decided.
 */
import { encodeFunctionData, getAddress } from "viem";
import type { Address, Hex } from "viem";
import { signTypedData } from "viem/actions";

import type { ConcordClientBase } from "../client.ts";
import { InvalidInputError, WalletRequiredError, decodeConcordError } from "../errors.ts";
import { communityHouseAbi, concordMembershipAbi, operationalHouseAbi } from "../generated/abis.ts";
import { readBatch } from "../internal/read.ts";
import { toAddress, toUint256 } from "../internal/validate.ts";
import type { BigIntish } from "../internal/validate.ts";
import { definePrepare, defineWrite, executeWrite } from "../internal/write.ts";
import { governanceErrorCatalogue } from "./errors.ts";
import type { WriteOptions, WriteResult } from "../internal/write.ts";
import { findProposalRecord } from "./records.ts";
import { classifyProposal } from "./classify.ts";
import type { ClassifyParameters } from "./classify.ts";
import {
  ballotTypes,
  extendedBallotTypes,
  overrideBallotTypes,
  toSupport,
  vetoTypes,
  voteSupportNames,
} from "./constants.ts";
import type { ProposalCreation } from "./events.ts";
import { getGovernanceContracts } from "./reads.ts";
import type {
  HouseDomain,
  HouseName,
  ProposalKind,
  ProposalPreview,
  SignedVeto,
  SignedVote,
  VetoTypedData,
  VoteRecord,
  VoteSupport,
  VoteTypedData,
} from "./types.ts";

/**
 * Both houses' ABIs in one: they share OpenZeppelin's IGovernor, and each adds its own functions, events and
 * errors; one ABI lets every write decode whatever either house emits or refuses with.
 */
const houseAbi = [...operationalHouseAbi, ...communityHouseAbi] as const;
type HouseAbi = typeof houseAbi;

/** The result of a governance write: hash, receipt and the house's (or token's) decoded events. */
export type GovernanceWriteResult = WriteResult<HouseAbi>;

async function house(client: ConcordClientBase, name: HouseName) {
  const gov = await getGovernanceContracts(client);
  return name === "operational"
    ? { contract: "OperationalHouse", address: gov.operationalHouse, abi: houseAbi }
    : { contract: "CommunityHouse", address: gov.communityHouse, abi: houseAbi };
}

/** The voter a signature is for: the one given, else the client's account (a typed error when neither). */
function voterOf(client: ConcordClientBase, voter: Address | undefined, action: string): Address {
  const voterInput = voter ?? client.walletClient?.account?.address;
  if (!voterInput) throw new WalletRequiredError(action, "no voter was given and the client has no account");
  return toAddress("voter", voterInput);
}

/** A house's EIP-712 domain and the voter's current nonce there, read in one batch. */
async function signingDomain(client: ConcordClientBase, houseName: HouseName, voter: Address) {
  const { address, abi } = await house(client, houseName);
  const [domainFields, nonce] = await readBatch(
    client,
    [
      { address, abi, functionName: "eip712Domain" },
      { address, abi, functionName: "nonces", args: [voter] },
    ] as const,
    { contract: houseName === "operational" ? "OperationalHouse" : "CommunityHouse" },
  );
  const domain: HouseDomain = {
    name: domainFields[1],
    version: domainFields[2],
    chainId: Number(domainFields[3]),
    verifyingContract: getAddress(domainFields[4]),
  };
  return { domain, nonce };
}

/**
 * The client's wallet as a signer of typed data (a typed error naming `action` when it has no account);
 * a wallet's refusal comes back as a Concord error.
 */
function walletSigner(client: ConcordClientBase, action: string) {
  const walletClient = client.walletClient;
  const account = walletClient?.account;
  if (!walletClient || !account) throw new WalletRequiredError(action);
  return {
    address: account.address,
    sign: async (typedData: VoteTypedData | VetoTypedData): Promise<Hex> => {
      try {
        return await signTypedData(walletClient, {
          ...(typedData as unknown as Parameters<typeof signTypedData>[1]),
          account,
        });
      } catch (error) {
        throw decodeConcordError(error);
      }
    },
  };
}

function votesOf(result: GovernanceWriteResult, houseName: HouseName): VoteRecord[] {
  const votes: VoteRecord[] = [];
  for (const event of result.events) {
    const override = event.eventName === "OverrideVoteCast";
    if (!override && event.eventName !== "VoteCast" && event.eventName !== "VoteCastWithParams") continue;
    const { voter, proposalId, support, weight, reason } = event.args;
    votes.push({
      house: houseName,
      proposalId,
      voter: getAddress(voter),
      support: voteSupportNames[support]!,
      weight,
      reason,
      override,
    });
  }
  return votes;
}

function reasonArg(reason: unknown): string {
  if (reason === undefined) return "";
  if (typeof reason !== "string") throw new InvalidInputError("reason", reason, "expected a string");
  return reason;
}

/** The house a proposal votes in now: the operational house once it was proposed there, else the community. */
async function votingHouseOf(
  client: ConcordClientBase,
  proposalId: bigint,
  given?: HouseName,
): Promise<HouseName> {
  if (given !== undefined) {
    if (given !== "operational" && given !== "community") {
      throw new InvalidInputError("house", given, 'expected "operational" or "community"');
    }
    return given;
  }
  const record = await findProposalRecord(client, proposalId);
  return record.operational ? "operational" : "community";
}

// ─────────────────────────────────────────────────────────────── proposing

/** Parameters of {@link proposeGovernance}. */
export type ProposeGovernanceParameters = WriteOptions &
  ClassifyParameters & {
    description: string;
    /**
     * Refuse before sending unless the proposal has this kind (e.g. `"operational"` when the author expects
     * no constitutional call: a hidden one is reported instead of sent to the community house).
     */
    expectKind?: ProposalKind | undefined;
    /**
     * Append OpenZeppelin's `#proposer=<address>` suffix to the description (default `true`): the houses then
     * refuse the same proposal from anyone else, so nobody can front-run it, become its proposer and cancel it
     * while pending, which would kill its id for good (proposal-id squatting). A description that already ends
     * with a suffix is left as it is.
     */
    proposerSuffix?: boolean | undefined;
  };

/** What {@link proposeGovernance} decided. */
export type ProposeGovernanceResult = GovernanceWriteResult & {
  proposalId: bigint;
  kind: ProposalKind;
  house: HouseName;
  preview: ProposalPreview;
};

/**
 * Proposes calls, hiding the two houses: the kind is computed as the contracts will judge it
 * ({@link classifyProposal}); an operational proposal goes to the operational house, a constitutional one
 * to the community house (which approves it first; then {@link carryProposal} takes it to the operational
 * house under the same id).
 *
 * @throws {InvalidInputError} for malformed calls, or when `expectKind` differs from the computed kind.
 * @example
 * const { proposalId, kind } = await concord.governance.proposeGovernance({
 *   calls: [{ target: leases, data: encodeFunctionData({ abi: resourceLeasesAbi, functionName: "revoke", args: [2n] }) }],
 *   description: "Revoke the stale lease on the staging cluster",
 * });
 */
export const proposeGovernance = /* @__PURE__ */ defineWrite(async function proposeGovernance(
  client: ConcordClientBase,
  parameters: ProposeGovernanceParameters,
): Promise<ProposeGovernanceResult> {
  if (typeof parameters.description !== "string") {
    throw new InvalidInputError("description", parameters.description, "expected a string");
  }
  const description = withProposerSuffix(
    parameters.description,
    parameters.proposerSuffix === false ? undefined : client.walletClient?.account?.address,
  );
  const preview = await classifyProposal(client, { ...parameters, description });
  if (parameters.expectKind !== undefined && parameters.expectKind !== preview.kind) {
    throw new InvalidInputError(
      "calls",
      parameters.calls,
      `expected a ${parameters.expectKind} proposal: ${preview.explanation}`,
    );
  }
  const target = await house(client, preview.house);
  const calls = preview.calls.map((_, i) => parameters.calls[i]!);
  const result = await executeWrite(
    client,
    {
      ...target,
      functionName: "propose",
      args: [
        calls.map((call) => getAddress(call.target)),
        calls.map((call) => BigInt(call.value ?? 0)),
        calls.map((call) => (call.data ?? "0x").toLowerCase() as Hex),
        description,
      ],
    },
    parameters,
  );
  return { ...result, proposalId: preview.proposalId, kind: preview.kind, house: preview.house, preview };
}, governanceErrorCatalogue);

/**
 * {@link proposeGovernance} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareProposeGovernance(concord, { ...parameters, sender: safeAddress });
 */
export const prepareProposeGovernance = /* @__PURE__ */ definePrepare(proposeGovernance);

/** OpenZeppelin's proposer suffix at the end of a description. */
const PROPOSER_SUFFIX = /#proposer=0x[0-9a-fA-F]{40}$/;

/**
 * `description` with the `#proposer=<proposer>` suffix (S7: only `proposer` can then propose it), unless it
 * already ends with one or no proposer is given.
 *
 * @example
 * withProposerSuffix("Pay Carol", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
 * // "Pay Carol#proposer=0x70997970C51812dc3A010C7d01b50e0d17dc79C8"
 */
export function withProposerSuffix(description: string, proposer: Address | undefined): string {
  if (proposer === undefined || PROPOSER_SUFFIX.test(description)) return description;
  return `${description}#proposer=${getAddress(proposer)}`;
}

/** Parameters naming a proposal. */
export type ProposalParameters = WriteOptions & { proposalId: BigIntish };

/**
 * Carries a constitutional proposal the community house approved (Succeeded) to the operational house,
 * under the same id, with the same calls and description (read from the community house's event). Anyone
 * can carry it; the operational house's proposal threshold does not apply.
 *
 * @example
 * await concord.governance.carryProposal({ proposalId });
 */
export const carryProposal = /* @__PURE__ */ defineWrite(async function carryProposal(
  client: ConcordClientBase,
  parameters: ProposalParameters,
): Promise<GovernanceWriteResult & { proposalId: bigint }> {
  const proposalId = toUint256("proposalId", parameters.proposalId);
  const record = await findProposalRecord(client, proposalId);
  if (!record.community) {
    throw new InvalidInputError(
      "proposalId",
      parameters.proposalId,
      "only constitutional proposals are carried",
    );
  }
  if (record.operational) {
    throw new InvalidInputError(
      "proposalId",
      parameters.proposalId,
      "already carried to the operational house",
    );
  }
  const { calls, description } = record.community;
  const result = await executeWrite(
    client,
    {
      ...(await house(client, "operational")),
      functionName: "propose",
      args: [calls.map((c) => c.target), calls.map((c) => c.value), calls.map((c) => c.data), description],
    },
    parameters,
  );
  return { ...result, proposalId };
}, governanceErrorCatalogue);

/**
 * {@link carryProposal} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareCarryProposal(concord, { ...parameters, sender: safeAddress });
 */
export const prepareCarryProposal = /* @__PURE__ */ definePrepare(carryProposal);

// ─────────────────────────────────────────────────────────────── voting

/** Parameters of {@link castGovernanceVote}. */
export type CastVoteParameters = WriteOptions & {
  proposalId: BigIntish;
  support: VoteSupport | number;
  /** Kept in the VoteCast event. */
  reason?: string | undefined;
  /** Default: the house whose vote the proposal is in (the operational house once proposed there). */
  house?: HouseName | undefined;
};

/** What a vote recorded. */
export type VoteResult = GovernanceWriteResult & { votes: VoteRecord[] };

/**
 * Votes on a proposal in the house whose vote is open, with the account's power at the proposal's snapshot.
 *
 * @example
 * await concord.governance.castGovernanceVote({ proposalId, support: "for", reason: "Infra needs it" });
 */
export const castGovernanceVote = /* @__PURE__ */ defineWrite(async function castGovernanceVote(
  client: ConcordClientBase,
  parameters: CastVoteParameters,
): Promise<VoteResult> {
  const proposalId = toUint256("proposalId", parameters.proposalId);
  const support = toSupport(parameters.support);
  const reason = reasonArg(parameters.reason);
  const houseName = await votingHouseOf(client, proposalId, parameters.house);
  const target = await house(client, houseName);
  const result = reason
    ? await executeWrite(
        client,
        { ...target, functionName: "castVoteWithReason", args: [proposalId, support, reason] },
        parameters,
      )
    : await executeWrite(
        client,
        { ...target, functionName: "castVote", args: [proposalId, support] },
        parameters,
      );
  return { ...result, votes: votesOf(result, houseName) };
}, governanceErrorCatalogue);

/**
 * {@link castGovernanceVote} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareCastGovernanceVote(concord, { ...parameters, sender: safeAddress });
 */
export const prepareCastGovernanceVote = /* @__PURE__ */ definePrepare(castGovernanceVote);

/**
 * Overrides one's delegate's vote on a proposal in the community house (liquid democracy: the delegator's
 * own weight at the snapshot is taken from the delegate's vote and counted for `support`).
 *
 * @example
 * await concord.governance.castOverrideVote({ proposalId, support: "against", reason: "Not in my name" });
 */
export const castOverrideVote = /* @__PURE__ */ defineWrite(async function castOverrideVote(
  client: ConcordClientBase,
  parameters: Omit<CastVoteParameters, "house">,
): Promise<VoteResult> {
  const proposalId = toUint256("proposalId", parameters.proposalId);
  const support = toSupport(parameters.support);
  const reason = reasonArg(parameters.reason);
  const result = await executeWrite(
    client,
    {
      ...(await house(client, "community")),
      functionName: "castOverrideVote",
      args: [proposalId, support, reason],
    },
    parameters,
  );
  return { ...result, votes: votesOf(result, "community") };
}, governanceErrorCatalogue);

/**
 * {@link castOverrideVote} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareCastOverrideVote(concord, { ...parameters, sender: safeAddress });
 */
export const prepareCastOverrideVote = /* @__PURE__ */ definePrepare(castOverrideVote);

/** Parameters of {@link getVoteTypedData}. */
export type GetVoteTypedDataParameters = {
  proposalId: BigIntish;
  support: VoteSupport | number;
  /** The voter: an EOA or a contract wallet such as a Safe (default: the wallet client's account). */
  voter?: Address | undefined;
  /** A reason signed with the vote (an ExtendedBallot, or an OverrideBallot's reason). */
  reason?: string | undefined;
  /** Default: the house whose vote the proposal is in. */
  house?: HouseName | undefined;
  /** An override of the voter's delegate's vote (community house). */
  override?: boolean | undefined;
};

/** Typed data of a vote and what the signed vote will carry. */
export type VoteToSign = {
  typedData: VoteTypedData;
  /** The vote without its signature: add `signature` to relay it. */
  vote: Omit<SignedVote, "signature">;
};

/**
 * The EIP-712 typed data of a vote by signature (`Ballot`, `ExtendedBallot` with a reason, or
 * `OverrideBallot`), with the house's domain and the voter's current nonce read in one batched call. Any
 * wallet can sign it; a contract wallet (a Safe) approves its hash through ERC-1271.
 *
 * @example
 * const { typedData, vote } = await concord.governance.getVoteTypedData({ proposalId, support: "for", voter });
 * const signature = await wallet.signTypedData({ account: voter, ...typedData });
 * await concord.governance.castVoteBySig({ vote: { ...vote, signature } });
 */
export async function getVoteTypedData(
  client: ConcordClientBase,
  parameters: GetVoteTypedDataParameters,
): Promise<VoteToSign> {
  const proposalId = toUint256("proposalId", parameters.proposalId);
  const support = toSupport(parameters.support);
  const reason = reasonArg(parameters.reason);
  const voter = voterOf(client, parameters.voter, "sign a vote");
  const override = parameters.override === true;
  const houseName = override ? "community" : await votingHouseOf(client, proposalId, parameters.house);
  const { domain, nonce } = await signingDomain(client, houseName, voter);
  let typedData: VoteTypedData;
  if (override) {
    typedData = {
      domain,
      types: overrideBallotTypes,
      primaryType: "OverrideBallot",
      message: { proposalId, support, voter, nonce, reason },
    };
  } else if (reason) {
    typedData = {
      domain,
      types: extendedBallotTypes,
      primaryType: "ExtendedBallot",
      message: { proposalId, support, voter, nonce, reason, params: "0x" },
    };
  } else {
    typedData = {
      domain,
      types: ballotTypes,
      primaryType: "Ballot",
      message: { proposalId, support, voter, nonce },
    };
  }
  return {
    typedData,
    vote: { house: houseName, proposalId, support: voteSupportNames[support]!, voter, reason, override },
  };
}

/**
 * Signs a vote with the client's wallet (EIP-712, no transaction): the result can be relayed by anyone with
 * {@link castVoteBySig} or, with others, {@link submitVotes}. Signatures are bound to the voter's nonce: sign
 * one vote per house at a time and relay it before signing the next.
 *
 * @example
 * const signed = await concord.governance.signVote({ proposalId, support: "for" });
 */
export async function signVote(
  client: ConcordClientBase,
  parameters: GetVoteTypedDataParameters,
): Promise<SignedVote> {
  const signer = walletSigner(client, "sign a vote");
  const { typedData, vote } = await getVoteTypedData(client, {
    ...parameters,
    voter: parameters.voter ?? signer.address,
  });
  return { ...vote, signature: await signer.sign(typedData) };
}

function bySigCall(vote: SignedVote) {
  const support = toSupport(vote.support);
  const proposalId = toUint256("vote.proposalId", vote.proposalId);
  const voter = toAddress("vote.voter", vote.voter);
  const reason = reasonArg(vote.reason);
  if (vote.override) {
    if (vote.house !== "community") {
      throw new InvalidInputError("vote.house", vote.house, "overrides are cast in the community house");
    }
    return {
      functionName: "castOverrideVoteBySig",
      args: [proposalId, support, voter, reason, vote.signature],
    } as const;
  }
  if (reason) {
    return {
      functionName: "castVoteWithReasonAndParamsBySig",
      args: [proposalId, support, voter, reason, "0x", vote.signature],
    } as const;
  }
  return { functionName: "castVoteBySig", args: [proposalId, support, voter, vote.signature] } as const;
}

/**
 * Relays one signed vote (anyone can send it; the voter's power at the snapshot counts).
 *
 * @example
 * await relayer.governance.castVoteBySig({ vote: signed });
 */
export const castVoteBySig = /* @__PURE__ */ defineWrite(async function castVoteBySig(
  client: ConcordClientBase,
  parameters: WriteOptions & { vote: SignedVote },
): Promise<VoteResult> {
  const { vote } = parameters;
  const call = bySigCall(vote);
  const target = await house(client, vote.house);
  const result = await executeWrite(
    client,
    { ...target, functionName: call.functionName, args: call.args } as unknown as Parameters<
      typeof executeWrite<HouseAbi, "castVoteBySig", readonly [bigint, number, Address, Hex]>
    >[1],
    parameters,
  );
  return { ...result, votes: votesOf(result, vote.house) };
}, governanceErrorCatalogue);

/**
 * {@link castVoteBySig} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareCastVoteBySig(concord, { ...parameters, sender: safeAddress });
 */
export const prepareCastVoteBySig = /* @__PURE__ */ definePrepare(castVoteBySig);

/**
 * Relays several signed votes in ONE transaction through the house's `multicall` (all in the same house).
 * The batch is atomic: one refused vote refuses the batch, and the simulation names it.
 *
 * @example
 * await relayer.governance.submitVotes({ votes: [aliceVote, bobVote, safeVote] });
 */
export const submitVotes = /* @__PURE__ */ defineWrite(async function submitVotes(
  client: ConcordClientBase,
  parameters: WriteOptions & { votes: readonly SignedVote[] },
): Promise<VoteResult> {
  const { votes } = parameters;
  if (!Array.isArray(votes) || votes.length === 0) {
    throw new InvalidInputError("votes", votes, "give at least one signed vote");
  }
  const houseName = votes[0]!.house;
  if (votes.some((vote) => vote.house !== houseName)) {
    throw new InvalidInputError("votes", votes.length, "all votes of a batch must be cast in the same house");
  }
  const target = await house(client, houseName);
  const data = votes.map((vote) => {
    const call = bySigCall(vote);
    return encodeFunctionData({
      abi: communityHouseAbi,
      functionName: call.functionName,
      args: call.args,
    } as never);
  });
  const result = await executeWrite(
    client,
    { ...target, functionName: "multicall", args: [data] },
    parameters,
  );
  return { ...result, votes: votesOf(result, houseName) };
}, governanceErrorCatalogue);

/**
 * {@link submitVotes} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareSubmitVotes(concord, { ...parameters, sender: safeAddress });
 */
export const prepareSubmitVotes = /* @__PURE__ */ definePrepare(submitVotes);

// ─────────────────────────────────────────────────────────────── delegation and veto

/**
 * Delegates the account's community vote (membership token) to `delegatee` (itself to vote directly).
 *
 * @example
 * await concord.governance.delegateVotes({ delegatee: dave });
 */
export const delegateVotes = /* @__PURE__ */ defineWrite(async function delegateVotes(
  client: ConcordClientBase,
  parameters: WriteOptions & { delegatee: Address },
): Promise<WriteResult<typeof concordMembershipAbi>> {
  const delegatee = toAddress("delegatee", parameters.delegatee);
  const gov = await getGovernanceContracts(client);
  return executeWrite(
    client,
    {
      contract: "ConcordMembership",
      address: gov.votesToken,
      abi: concordMembershipAbi,
      functionName: "delegate",
      args: [delegatee],
    },
    parameters,
  );
}, governanceErrorCatalogue);

/**
 * {@link delegateVotes} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareDelegateVotes(concord, { ...parameters, sender: safeAddress });
 */
export const prepareDelegateVotes = /* @__PURE__ */ definePrepare(delegateVotes);

/** What a veto decided. */
export type VetoResult = GovernanceWriteResult & {
  weight: bigint;
  totalVeto: bigint;
  /** True when this veto reached the threshold and cancelled the proposal. */
  vetoed: boolean;
};

/**
 * Vetoes an operational proposal during its veto window, with the account's members' votes at the
 * proposal's snapshot; when the veto votes reach the threshold, the proposal is cancelled in the timelock.
 *
 * @example
 * const { vetoed, totalVeto } = await concord.governance.vetoProposal({ proposalId, reason: "Too risky" });
 */
export const vetoProposal = /* @__PURE__ */ defineWrite(async function vetoProposal(
  client: ConcordClientBase,
  parameters: ProposalParameters & { reason?: string | undefined },
): Promise<VetoResult> {
  const proposalId = toUint256("proposalId", parameters.proposalId);
  const reason = reasonArg(parameters.reason);
  const result = await executeWrite(
    client,
    { ...(await house(client, "community")), functionName: "castVeto", args: [proposalId, reason] },
    parameters,
  );
  let weight = 0n;
  let totalVeto = 0n;
  let vetoed = false;
  for (const event of result.events) {
    if (event.eventName === "VetoCast") ({ weight, totalVeto } = event.args);
    if (event.eventName === "ProposalVetoed") vetoed = true;
  }
  return { ...result, weight, totalVeto, vetoed };
}, governanceErrorCatalogue);

/**
 * {@link vetoProposal} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareVetoProposal(concord, { ...parameters, sender: safeAddress });
 */
export const prepareVetoProposal = /* @__PURE__ */ definePrepare(vetoProposal);

function vetoOutcome(result: GovernanceWriteResult) {
  const vetoes: { voter: Address; weight: bigint; totalVeto: bigint }[] = [];
  let vetoed = false;
  for (const event of result.events) {
    if (event.eventName === "VetoCast") {
      const { voter, weight, totalVeto } = event.args;
      vetoes.push({ voter: getAddress(voter), weight, totalVeto });
    }
    if (event.eventName === "ProposalVetoed") vetoed = true;
  }
  const last = vetoes[vetoes.length - 1];
  return { vetoes, vetoed, weight: last?.weight ?? 0n, totalVeto: last?.totalVeto ?? 0n };
}

/**
 * The EIP-712 typed data of a veto by signature (`Veto` in the community house's domain, with the voter's
 * current nonce — the house's vote nonces), read in one batched call. Any wallet signs it; a Safe approves
 * its hash through ERC-1271.
 *
 * @example
 * const { typedData, veto } = await concord.governance.getVetoTypedData({ proposalId, voter: safe });
 */
export async function getVetoTypedData(
  client: ConcordClientBase,
  parameters: { proposalId: BigIntish; voter?: Address | undefined; reason?: string | undefined },
): Promise<{ typedData: VetoTypedData; veto: Omit<SignedVeto, "signature"> }> {
  const proposalId = toUint256("proposalId", parameters.proposalId);
  const reason = reasonArg(parameters.reason);
  const voter = voterOf(client, parameters.voter, "sign a veto");
  const { domain, nonce } = await signingDomain(client, "community", voter);
  return {
    typedData: {
      domain,
      types: vetoTypes,
      primaryType: "Veto",
      message: { proposalId, voter, nonce, reason },
    },
    veto: { proposalId, voter, reason },
  };
}

/**
 * Signs a veto with the client's wallet (EIP-712, no transaction), for anyone to relay with
 * {@link castVetoBySig} or {@link submitVetoes}.
 *
 * @example
 * const signed = await concord.governance.signVeto({ proposalId, reason: "Too risky" });
 */
export async function signVeto(
  client: ConcordClientBase,
  parameters: { proposalId: BigIntish; reason?: string | undefined },
): Promise<SignedVeto> {
  const signer = walletSigner(client, "sign a veto");
  const { typedData, veto } = await getVetoTypedData(client, { ...parameters, voter: signer.address });
  return { ...veto, signature: await signer.sign(typedData) };
}

function vetoBySigArgs(veto: SignedVeto) {
  return [
    toUint256("veto.proposalId", veto.proposalId),
    toAddress("veto.voter", veto.voter),
    reasonArg(veto.reason),
    veto.signature,
  ] as const;
}

/**
 * Relays one signed veto (anyone can send it; the voter's members' votes at the proposal's snapshot count).
 *
 * @example
 * const { vetoed } = await relayer.governance.castVetoBySig({ veto: signed });
 */
export const castVetoBySig = /* @__PURE__ */ defineWrite(async function castVetoBySig(
  client: ConcordClientBase,
  parameters: WriteOptions & { veto: SignedVeto },
): Promise<VetoResult & { vetoes: { voter: Address; weight: bigint; totalVeto: bigint }[] }> {
  const result = await executeWrite(
    client,
    {
      ...(await house(client, "community")),
      functionName: "castVetoBySig",
      args: vetoBySigArgs(parameters.veto),
    },
    parameters,
  );
  return { ...result, ...vetoOutcome(result) };
}, governanceErrorCatalogue);

/**
 * {@link castVetoBySig} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareCastVetoBySig(concord, { ...parameters, sender: safeAddress });
 */
export const prepareCastVetoBySig = /* @__PURE__ */ definePrepare(castVetoBySig);

/**
 * Relays several signed vetoes in ONE transaction through the community house's `multicall` (atomic).
 *
 * @example
 * const { vetoed, totalVeto } = await relayer.governance.submitVetoes({ vetoes: [erinVeto, frankVeto] });
 */
export const submitVetoes = /* @__PURE__ */ defineWrite(async function submitVetoes(
  client: ConcordClientBase,
  parameters: WriteOptions & { vetoes: readonly SignedVeto[] },
): Promise<VetoResult & { vetoes: { voter: Address; weight: bigint; totalVeto: bigint }[] }> {
  const { vetoes } = parameters;
  if (!Array.isArray(vetoes) || vetoes.length === 0) {
    throw new InvalidInputError("vetoes", vetoes, "give at least one signed veto");
  }
  const data = vetoes.map((veto) =>
    encodeFunctionData({ abi: communityHouseAbi, functionName: "castVetoBySig", args: vetoBySigArgs(veto) }),
  );
  const result = await executeWrite(
    client,
    { ...(await house(client, "community")), functionName: "multicall", args: [data] },
    parameters,
  );
  return { ...result, ...vetoOutcome(result) };
}, governanceErrorCatalogue);

/**
 * {@link submitVetoes} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareSubmitVetoes(concord, { ...parameters, sender: safeAddress });
 */
export const prepareSubmitVetoes = /* @__PURE__ */ definePrepare(submitVetoes);

// ─────────────────────────────────────────────────────────────── queue, execute, cancel

function callArgs(creation: ProposalCreation) {
  return [
    creation.calls.map((c) => c.target),
    creation.calls.map((c) => c.value),
    creation.calls.map((c) => c.data),
    creation.descriptionHash,
  ] as const;
}

async function operationalCreation(client: ConcordClientBase, parameters: ProposalParameters) {
  const proposalId = toUint256("proposalId", parameters.proposalId);
  const record = await findProposalRecord(client, proposalId);
  if (!record.operational) {
    throw new InvalidInputError(
      "proposalId",
      parameters.proposalId,
      "the proposal is not in the operational house yet (a constitutional proposal is carried there after the community approves it)",
    );
  }
  return { proposalId, creation: record.operational };
}

/**
 * Queues a proposal that passed the operational house in the timelock: the veto window (operational) or
 * the constitutional delay starts.
 *
 * @example
 * const { eta } = await concord.governance.queueProposal({ proposalId });
 */
export const queueProposal = /* @__PURE__ */ defineWrite(async function queueProposal(
  client: ConcordClientBase,
  parameters: ProposalParameters,
): Promise<GovernanceWriteResult & { proposalId: bigint; eta: bigint }> {
  const { proposalId, creation } = await operationalCreation(client, parameters);
  const result = await executeWrite(
    client,
    { ...(await house(client, "operational")), functionName: "queue", args: callArgs(creation) },
    parameters,
  );
  let eta = 0n;
  for (const event of result.events) if (event.eventName === "ProposalQueued") eta = event.args.etaSeconds;
  return { ...result, proposalId, eta };
}, governanceErrorCatalogue);

/**
 * {@link queueProposal} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareQueueProposal(concord, { ...parameters, sender: safeAddress });
 */
export const prepareQueueProposal = /* @__PURE__ */ definePrepare(queueProposal);

/**
 * Executes a queued proposal after its delay, through the timelock (refused if a target's code changed
 * since the proposal).
 *
 * @example
 * await concord.governance.executeProposal({ proposalId });
 */
export const executeProposal = /* @__PURE__ */ defineWrite(async function executeProposal(
  client: ConcordClientBase,
  parameters: ProposalParameters & { value?: bigint | undefined },
): Promise<GovernanceWriteResult & { proposalId: bigint }> {
  const { proposalId, creation } = await operationalCreation(client, parameters);
  const result = await executeWrite(
    client,
    {
      ...(await house(client, "operational")),
      functionName: "execute",
      args: callArgs(creation),
      value: parameters.value ?? 0n,
    },
    parameters,
  );
  return { ...result, proposalId };
}, governanceErrorCatalogue);

/**
 * {@link executeProposal} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareExecuteProposal(concord, { ...parameters, sender: safeAddress });
 */
export const prepareExecuteProposal = /* @__PURE__ */ definePrepare(executeProposal);

/**
 * Cancels a proposal in the house that holds it now: the guardian cancels any proposal not yet executed
 * (a queued one is cancelled in the timelock too); a proposer cancels its own proposal before voting opens.
 *
 * @example
 * await guardian.governance.cancelProposal({ proposalId });
 */
export const cancelProposal = /* @__PURE__ */ defineWrite(async function cancelProposal(
  client: ConcordClientBase,
  parameters: ProposalParameters,
): Promise<GovernanceWriteResult & { proposalId: bigint; house: HouseName }> {
  const proposalId = toUint256("proposalId", parameters.proposalId);
  const record = await findProposalRecord(client, proposalId);
  const houseName: HouseName = record.operational ? "operational" : "community";
  const creation = (record.operational ?? record.community)!;
  const result = await executeWrite(
    client,
    { ...(await house(client, houseName)), functionName: "cancel", args: callArgs(creation) },
    parameters,
  );
  return { ...result, proposalId, house: houseName };
}, governanceErrorCatalogue);

/**
 * {@link cancelProposal} prepared for another sender (a Safe, a relayer, a batch): the same checks and simulation
 * as `sender`, returning `{ to, data, value }` instead of sending.
 *
 * @example
 * const { to, data, value } = await prepareCancelProposal(concord, { ...parameters, sender: safeAddress });
 */
export const prepareCancelProposal = /* @__PURE__ */ definePrepare(cancelProposal);
