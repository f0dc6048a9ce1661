/**
 * The treasury: what the DAO's timelock holds (ETH and the ERC-20 tokens it received), what it received and
 * paid, and what open proposals would pay, by stage. Tokens are discovered from `Transfer` logs to the
 * timelock (the bounded scanner `scanEvents`, chunked by the client's `maxBlockRange`).
 *
 * Anyone can deploy a contract that emits `Transfer(…, timelock, …)`: the log list is not trusted. Tokens
 * named by governance (the tokens proposals transfer) or by the caller come first and are always kept; the
 * others are kept only with a nonzero `balanceOf(timelock)`, oldest first (junk emitted later cannot push out
 * a token received before it). Balances are read for at most {@link MAX_TREASURY_TOKEN_CANDIDATES} tokens,
 * at most {@link MAX_TREASURY_TOKENS} are kept, and payments are listed only in kept or named tokens.
 */
import { decodeFunctionData, erc20Abi, getAddress, isAddressEqual } from "viem";
import type { Address, Hash, Hex } from "viem";
import { getBalance } from "viem/actions";

import type { ConcordClientBase } from "../client.ts";
import type { ConcordErrorType } from "../errors.ts";
import { concordTimelockAbi } from "../generated/abis.ts";
import { pinBlock, readAt } from "../internal/block.ts";
import type { BlockParameters } from "../internal/block.ts";
import { blockTimestamps, scanEvents } from "../internal/logs.ts";
import { readBatchSettled } from "../internal/read.ts";
import { readEveryProposal } from "./aggregates.ts";
import { getGovernanceContracts } from "./reads.ts";
import { finalProposalStages } from "./stage.ts";
import type { ProposalCallInput, ProposalStage } from "./types.ts";

/** At most this many tokens are returned: named ones first, then held ones, oldest transfer first. */
export const MAX_TREASURY_TOKENS = 50;
/** At most this many tokens get their balance read (named ones first, then the others, oldest first). */
export const MAX_TREASURY_TOKEN_CANDIDATES = 300;
/** At most this many payments are returned, newest first. */
export const MAX_TREASURY_PAYMENTS = 200;

/** A token the timelock holds or held. */
export type TreasuryToken = {
  address: Address;
  /** Null when the token does not answer `symbol()`. */
  symbol: string | null;
  /** Null when the token does not answer `decimals()`. */
  decimals: number | null;
  balance: bigint;
};

/** A payment into or out of the treasury. */
export type TreasuryPayment = {
  direction: "in" | "out";
  /** "ETH", or the token's address. */
  asset: "ETH" | Address;
  amount: bigint;
  /** Who paid the treasury, or whom it paid. */
  counterparty: Address;
  blockNumber: bigint;
  /** The block's time (unix seconds). */
  timestamp: bigint;
  transactionHash: Hash;
};

/** What an open proposal would pay out of the treasury. */
export type PendingOutflow = {
  proposalId: bigint;
  title: string;
  stage: ProposalStage;
  eth: bigint;
  tokens: { token: Address; amount: bigint }[];
};

/** The treasury of a deployment. */
export type Treasury = {
  /** The timelock, which holds the funds and executes proposals. */
  address: Address;
  eth: bigint;
  tokens: TreasuryToken[];
  /** Payments, newest first (ETH received by a plain transfer leaves no log: the balance counts it). */
  payments: TreasuryPayment[];
  /** Open proposals that would pay something, oldest first. */
  pending: PendingOutflow[];
  /**
   * Whether tokens may be missing: more held tokens than {@link MAX_TREASURY_TOKENS}, or more tokens seen in
   * the logs than {@link MAX_TREASURY_TOKEN_CANDIDATES} (whose balances were not all read).
   */
  tokensTruncated: boolean;
};

/** Options of {@link getTreasury}: the tokens to keep, and the block to read at (default: the latest). */
export type GetTreasuryOptions = {
  /** Tokens the caller knows the DAO holds or uses (a deployment's list): always read and kept, first. */
  tokens?: readonly Address[] | undefined;
} & BlockParameters;
/** Parameters of {@link getTreasury}. */
export type GetTreasuryParameters = GetTreasuryOptions;
/** What {@link getTreasury} resolves to. */
export type GetTreasuryReturnType = Treasury;
/** What {@link getTreasury} throws. */
export type GetTreasuryErrorType = ConcordErrorType;

/** The ETH and ERC-20 amounts a list of calls would pay (`transfer(to, amount)` calls to a token). */
export function callOutflows(calls: readonly ProposalCallInput[]): {
  eth: bigint;
  tokens: { token: Address; amount: bigint }[];
} {
  let eth = 0n;
  const tokens = new Map<string, { token: Address; amount: bigint }>();
  for (const call of calls) {
    eth += BigInt(call.value ?? 0);
    const data = (call.data ?? "0x") as Hex;
    if (!data.startsWith("0xa9059cbb")) continue;
    try {
      const decoded = decodeFunctionData({ abi: erc20Abi, data });
      if (decoded.functionName !== "transfer") continue;
      const token = getAddress(call.target);
      const entry = tokens.get(token) ?? { token, amount: 0n };
      entry.amount += decoded.args[1];
      tokens.set(token, entry);
    } catch {
      // Not a well-formed transfer: it pays nothing the treasury can count.
    }
  }
  return { eth, tokens: [...tokens.values()] };
}

/** What the treasury lacks to pay for a list of calls. */
export type TreasuryShortfall = {
  asset: "ETH" | Address;
  symbol: string | null;
  needed: bigint;
  held: bigint;
};

/**
 * What the treasury lacks to pay `calls` (empty when it holds enough): ETH and each token transferred.
 *
 * @example
 * treasuryShortfalls(treasury, [{ target: carol, value: parseEther("1000") }]);
 * // [{ asset: "ETH", symbol: "ETH", needed: 1000n * 10n ** 18n, held: 5n * 10n ** 18n }]
 */
export function treasuryShortfalls(
  treasury: Pick<Treasury, "eth" | "tokens">,
  calls: readonly ProposalCallInput[],
): TreasuryShortfall[] {
  const { eth, tokens } = callOutflows(calls);
  const shortfalls: TreasuryShortfall[] = [];
  if (eth > treasury.eth) shortfalls.push({ asset: "ETH", symbol: "ETH", needed: eth, held: treasury.eth });
  for (const { token, amount } of tokens) {
    const held = treasury.tokens.find((entry) => isAddressEqual(entry.address, token));
    if (amount > (held?.balance ?? 0n))
      shortfalls.push({
        asset: token,
        symbol: held?.symbol ?? null,
        needed: amount,
        held: held?.balance ?? 0n,
      });
  }
  return shortfalls;
}

/**
 * The treasury: the timelock's ETH and ERC-20 balances, its payments in and out, and the open proposals'
 * outflows by stage. Requests: the balance, three `eth_getLogs` (ERC-20 `Transfer` to and from the timelock,
 * the timelock's `CallExecuted`), two batched reads for the tokens (balances of the candidates, then the
 * kept tokens' symbols and decimals), the block times of the payments, and every proposal (`listProposals`' reads, 3). At a block
 * (`blockNumber` or `blockTag`), the scans stop at that block and every balance, state and stage is read at it
 * (a tag costs one more request, to pin its number).
 *
 * @throws {InvalidInputError} when both `blockNumber` and `blockTag` are given, or either is malformed.
 * @example
 * const { eth, tokens, payments, pending } = await getTreasury(concord);
 * const withOurs = await getTreasury(concord, { tokens: [usdc] }); // always listed, first
 * const lastMonth = await getTreasury(concord, { blockNumber: 19_000_000n }); // as it was then
 */
export async function getTreasury(
  client: ConcordClientBase,
  options: GetTreasuryOptions = {},
): Promise<Treasury> {
  const { at, toBlock } = await pinBlock(client, readAt(options));
  const gov = await getGovernanceContracts(client);
  const timelock = gov.timelock;
  const fromBlock = gov.startBlock;
  const [eth, incoming, outgoing, executed, proposals] = await Promise.all([
    getBalance(client.publicClient, { address: timelock, ...at }),
    scanEvents(client, {
      address: null,
      abi: erc20Abi,
      eventNames: ["Transfer"],
      topics: [null, timelock],
      fromBlock,
      toBlock,
    }),
    scanEvents(client, {
      address: null,
      abi: erc20Abi,
      eventNames: ["Transfer"],
      topics: [timelock],
      fromBlock,
      toBlock,
    }),
    scanEvents(client, {
      address: timelock,
      abi: concordTimelockAbi,
      eventNames: ["CallExecuted"],
      fromBlock,
      toBlock,
    }),
    readEveryProposal(client, at),
  ]);

  // Named tokens: the caller's, then those proposals transfer (only proposers can name them).
  const named = new Set<Address>();
  const addNamed = (token: Address) => named.add(getAddress(token));
  for (const token of (options.tokens ?? []).slice(0, MAX_TREASURY_TOKEN_CANDIDATES)) addNamed(token);
  for (const proposal of proposals)
    for (const { token } of callOutflows(proposal.calls).tokens) addNamed(token);
  const seen = new Set<Address>(); // oldest transfer first
  for (const log of incoming) {
    const token = getAddress(log.address);
    if (!named.has(token)) seen.add(token);
  }
  const candidates = [...named, ...seen].slice(0, MAX_TREASURY_TOKEN_CANDIDATES);
  const balances = await readBatchSettled(
    client,
    candidates.map(
      (address) => ({ address, abi: erc20Abi, functionName: "balanceOf", args: [timelock] }) as const,
    ),
    { contract: "ERC20", at },
  );
  const held = candidates.flatMap((address, i) => {
    const outcome = balances[i];
    const balance = outcome?.status === "success" ? (outcome.result as bigint) : 0n;
    return named.has(address) || balance > 0n ? [{ address, balance }] : [];
  });
  const tokensTruncated =
    held.length > MAX_TREASURY_TOKENS || named.size + seen.size > MAX_TREASURY_TOKEN_CANDIDATES;
  const keptTokens = held.slice(0, MAX_TREASURY_TOKENS);
  const reads = await readBatchSettled(
    client,
    keptTokens.flatMap(({ address }) => [
      { address, abi: erc20Abi, functionName: "symbol" } as const,
      { address, abi: erc20Abi, functionName: "decimals" } as const,
    ]),
    { contract: "ERC20", at },
  );
  const tokens: TreasuryToken[] = keptTokens.map(({ address, balance }, i) => {
    const [symbol, decimals] = [reads[i * 2], reads[i * 2 + 1]];
    return {
      address,
      balance,
      symbol: symbol?.status === "success" ? (symbol.result as string) : null,
      decimals: decimals?.status === "success" ? Number(decimals.result) : null,
    };
  });
  // Payments in tokens nobody named and the treasury does not hold are left out (junk logs).
  const listed = new Set<Address>([...named, ...keptTokens.map((token) => token.address)]);

  type Raw = Omit<TreasuryPayment, "timestamp">;
  const raw: Raw[] = [];
  const where = (log: { blockNumber: bigint; transactionHash: Hash }) => ({
    blockNumber: log.blockNumber,
    transactionHash: log.transactionHash,
  });
  for (const log of incoming)
    if (listed.has(getAddress(log.address)))
      raw.push({
        direction: "in",
        asset: getAddress(log.address),
        amount: log.args.value,
        counterparty: getAddress(log.args.from),
        ...where(log),
      });
  for (const log of outgoing)
    if (listed.has(getAddress(log.address)))
      raw.push({
        direction: "out",
        asset: getAddress(log.address),
        amount: log.args.value,
        counterparty: getAddress(log.args.to),
        ...where(log),
      });
  for (const log of executed)
    if (log.args.value > 0n)
      raw.push({
        direction: "out",
        asset: "ETH",
        amount: log.args.value,
        counterparty: getAddress(log.args.target),
        ...where(log),
      });
  raw.sort((a, b) => (a.blockNumber === b.blockNumber ? 0 : a.blockNumber > b.blockNumber ? -1 : 1));
  const kept = raw.slice(0, MAX_TREASURY_PAYMENTS);
  const times = await blockTimestamps(client, kept);
  const payments = kept.map((payment) => ({ ...payment, timestamp: times.get(payment.blockNumber) ?? 0n }));

  const pending: PendingOutflow[] = [];
  for (const proposal of [...proposals].reverse()) {
    if (finalProposalStages.includes(proposal.stage)) continue;
    const outflow = callOutflows(proposal.calls);
    if (outflow.eth === 0n && outflow.tokens.length === 0) continue;
    pending.push({ proposalId: proposal.id, title: proposal.title, stage: proposal.stage, ...outflow });
  }
  return { address: timelock, eth, tokens, payments, pending, tokensTruncated };
}
