/**
 * What the registry keeps only in events, rebuilt by scanning from the deployment's `startBlock` up to the block
 * a read reads at: terms URIs, who acknowledged when (and whether by signature), the list of agreements per
 * account or per cell (paged), and the timeline of an agreement.
 */
import { isAddressEqual } from "viem";
import type { Address, Hash, Hex } from "viem";

import type { ConcordClientBase } from "../client.ts";
import { InvalidInputError } from "../errors.ts";
import { agreementRegistryAbi, cellRegistryAbi } from "../generated/abis.ts";
import { pinBlock, pinned, readAt } from "../internal/block.ts";
import type { BlockParameters, ReadAt } from "../internal/block.ts";
import { blockTimestamps, compareLogs, scanEvents } from "../internal/logs.ts";
import { idCursor, pageOf, toPageLimit } from "../internal/page.ts";
import type { Page, PageParameters } from "../internal/page.ts";
import { readBatch, readBatchAtBlock } from "../internal/read.ts";
import { toAddress, toCellId, toUint256 } from "../internal/validate.ts";
import type { BigIntish } from "../internal/validate.ts";
import { AgreementStatus, agreementStatusName, toAgreementStatus } from "./constants.ts";
import type { AgreementStatusName, AgreementStatusValue } from "./constants.ts";
import { agreementErrorCatalogue } from "./errors.ts";
import { agreementRegistryOf } from "./reads.ts";
import type { AgreementInfo, AgreementSummary, TimelineEntry } from "./types.ts";
import { indexerFor } from "../indexer/switch.ts";

/**
 * The lifecycle events: each names an agreement id in topic 1. (`AcknowledgementSkipped` also does, but
 * changes nothing; `NonceInvalidated` names the signer first.)
 */
export const AGREEMENT_EVENTS = [
  "AgreementProposed",
  "AgreementAmendmentProposed",
  "AgreementAcknowledged",
  "AgreementActivated",
  "AgreementDeclined",
  "AgreementWithdrawn",
  "AgreementTerminated",
  "AgreementSuperseded",
] as const;

/**
 * @internal The decoded logs of {@link AGREEMENT_EVENTS}, oldest first, up to `toBlock` (default: the head);
 * with `ids`, only those agreements'.
 *
 * @example
 * const logs = await scanAgreementHistory(client, [1n], 1200n);
 */
export async function scanAgreementHistory(
  client: ConcordClientBase,
  ids?: readonly bigint[],
  toBlock?: bigint | undefined,
) {
  const { address, startBlock } = agreementRegistryOf(client);
  return scanEvents(client, {
    address,
    abi: agreementRegistryAbi,
    eventNames: AGREEMENT_EVENTS,
    topic1: ids,
    fromBlock: startBlock,
    toBlock,
  });
}

/** @internal An agreement as its proposal event describes it (amendments inherit their root's parties). */
export type Proposal = {
  id: bigint;
  proposer: Address;
  accounts: Address[];
  cells: bigint[];
  title: string;
  termsHash: Hex;
  termsURI: string;
  expiresAt: bigint | null;
  amends: bigint | null;
  /** For an amendment: the cell it was proposed for, or null. */
  cellId: bigint | null;
  blockNumber: bigint;
  transactionHash: Hash;
};

/**
 * @internal Every proposal and amendment proposal up to `toBlock` (default: the head), by id, in id order, from
 * the chain's logs (one scan). Amendments get the parties of the agreement they amend (the registry shares one
 * party set along an amendment chain).
 *
 * @example
 * const proposals = await fetchProposals(client, 1200n);
 * proposals.get(1n)?.accounts;
 */
export async function fetchProposals(
  client: ConcordClientBase,
  toBlock?: bigint | undefined,
): Promise<Map<bigint, Proposal>> {
  const { address, startBlock } = agreementRegistryOf(client);
  const logs = await scanEvents(client, {
    address,
    abi: agreementRegistryAbi,
    eventNames: ["AgreementProposed", "AgreementAmendmentProposed"],
    fromBlock: startBlock,
    toBlock,
  });
  const proposals = new Map<bigint, Proposal>();
  for (const log of logs) {
    const base = {
      id: log.args.agreementId,
      proposer: log.args.proposer,
      title: log.args.title,
      termsHash: log.args.termsHash,
      termsURI: log.args.termsURI,
      expiresAt: log.args.expiresAt || null,
      blockNumber: log.blockNumber,
      transactionHash: log.transactionHash,
    };
    if (log.eventName === "AgreementProposed") {
      proposals.set(base.id, {
        ...base,
        accounts: [...log.args.accounts],
        cells: [...log.args.cells],
        amends: null,
        cellId: null,
      });
    } else {
      // Ids grow with every proposal: the original is always already in the map.
      const original = proposals.get(log.args.amends);
      proposals.set(base.id, {
        ...base,
        accounts: original ? [...original.accounts] : [],
        cells: original ? [...original.cells] : [],
        amends: log.args.amends,
        cellId: log.args.cellId || null,
      });
    }
  }
  return proposals;
}

/** The order of a list by id: oldest first (`"asc"`, the default) or newest first (`"desc"`). */
export type ListAgreementsOrder = "asc" | "desc";

/** Parameters of {@link listAgreements}: filters, a page, and the block to read at. */
export type ListAgreementsParameters = {
  /** Only agreements where this account is an account party (or, with `includeStewardedCells`, acts for a cell party). */
  account?: Address | undefined;
  /** Only agreements where this cell is a party. */
  cell?: BigIntish | undefined;
  /** With `account`: also the agreements of cells the account stewards (directly or through an ancestor). */
  includeStewardedCells?: boolean | undefined;
  /**
   * Only agreements in this status (or any of these), by value or name. A status changes by time alone (expiry),
   * so it filters each page's items after their live read: a page may then hold fewer than `limit` items, even
   * none, while `next` is not null.
   */
  status?:
    | AgreementStatusValue
    | AgreementStatusName
    | readonly (AgreementStatusValue | AgreementStatusName)[]
    | undefined;
  /** Leave out amendments (agreements that amend another). Default false. */
  excludeAmendments?: boolean | undefined;
  /** `"asc"` (default): by id, oldest first; `"desc"`: newest first. The cursor follows the order. */
  order?: ListAgreementsOrder | undefined;
} & PageParameters &
  BlockParameters;

/**
 * One page of agreements, in id order (`order`), with the live state of each (status with expiry derived,
 * acknowledgements, supersession: ONE batched read of the page's items). Filter by party `account` and/or `cell`
 * (both: agreements matching either), by `status`; with `includeStewardedCells`, an account also sees the
 * agreements of the cells it stewards. `cursor` is the `next` of the previous page: the decimal id of its last
 * agreement, the same on both read paths, so a client on `reads: "auto"` goes on where it was.
 *
 * - Direct reads: one scan of the proposal events up to the read's block, the stewardship of the party cells
 *   (with `includeStewardedCells`, one batch), then one batch of the page's agreements, at that block.
 * - Through the indexer (no `blockNumber`/`blockTag`: the indexer serves the head): ONE request to
 *   `/concord/agreements` with the filters, `limit` and `cursor`, then one batch of the page's agreements (and of
 *   whether the account stewards their cells).
 *
 * @throws {InvalidInputError} for a bad `limit` (1..500), `cursor` (not a previous page's `next`), `order`,
 * filter or block.
 * @example
 * const first = await concord.agreements.listAgreements({ account: alice, includeStewardedCells: true, limit: 20 });
 * const second = first.next ? await concord.agreements.listAgreements({ account: alice, includeStewardedCells: true, limit: 20, cursor: first.next }) : null;
 * const newest = await concord.agreements.listAgreements({ order: "desc", limit: 10 });
 */
export async function listAgreements(
  client: ConcordClientBase,
  parameters: ListAgreementsParameters = {},
): Promise<Page<AgreementSummary>> {
  const { status, order = "asc" } = parameters;
  const account =
    parameters.account === undefined
      ? undefined
      : toAddress("account", parameters.account, { allowZero: true });
  const cell = parameters.cell === undefined ? undefined : toCellId(parameters.cell, "cell");
  const statuses =
    status === undefined
      ? undefined
      : new Set(
          (Array.isArray(status) ? status : [status]).map((s) =>
            toAgreementStatus(s as AgreementStatusValue | AgreementStatusName),
          ),
        );
  const limit = toPageLimit(parameters.limit);
  const after = idCursor(parameters.cursor);
  if (order !== "asc" && order !== "desc")
    throw new InvalidInputError("order", order, 'expected "asc" or "desc"');
  const block = readAt(parameters);
  const steward = parameters.includeStewardedCells ? account : undefined;
  const filtered = account !== undefined || cell !== undefined;
  const { address } = agreementRegistryOf(client);
  // Whether `steward` stewards each of `cells` (directly or through an ancestor).
  const stewardCalls = (cells: bigint[]) =>
    cells.map(
      (cellId) =>
        ({
          address: client.addresses.cellRegistry,
          abi: cellRegistryAbi,
          functionName: "isSteward",
          args: [cellId, steward!],
        }) as const,
    );
  const involvementOf = (proposal: Proposal, stewarded: Set<bigint>) => {
    const involvement: AgreementSummary["involvement"] = [];
    if (account !== undefined && proposal.accounts.some((a) => isAddressEqual(a, account)))
      involvement.push("account");
    if (cell !== undefined && proposal.cells.includes(cell)) involvement.push("cell");
    if (proposal.cells.some((c) => stewarded.has(c))) involvement.push("steward");
    return involvement;
  };

  const viaIndexer = pinned(block) ? null : await indexerFor(client);
  let candidates: Page<Proposal>;
  let at: ReadAt = block;
  // The party cells `steward` stewards, once known (the direct path reads them all to filter).
  let stewarded: Set<bigint> | undefined;
  if (viaIndexer) {
    const { indexerAgreementsPage } = await import("../indexer/agreements.ts");
    candidates = await indexerAgreementsPage(viaIndexer, {
      account,
      cell,
      stewardedBy: steward,
      excludeAmendments: parameters.excludeAmendments === true,
      order,
      cursor: after,
      limit,
    });
  } else {
    const pin = await pinBlock(client, block);
    at = pin.at;
    // In id order: ids grow with every proposal, and the scan is oldest first.
    let list = [...(await fetchProposals(client, pin.toBlock)).values()];
    if (parameters.excludeAmendments) list = list.filter((p) => p.amends === null);
    const cells = steward === undefined ? [] : [...new Set(list.flatMap((p) => p.cells))];
    // Every cell that is a party to something, in one bounded batch.
    const flags =
      cells.length === 0
        ? []
        : await readBatch(client, stewardCalls(cells), { contract: "CellRegistry", at });
    stewarded = new Set(cells.filter((_, i) => flags[i] === true));
    if (filtered) list = list.filter((p) => involvementOf(p, stewarded!).length > 0);
    candidates = pageOf(
      order === "desc" ? list.reverse() : list,
      { limit, cursor: after === null ? null : `${after}` },
      (p) => `${p.id}`,
      (p, key) => (order === "asc" ? p.id > BigInt(key) : p.id < BigInt(key)),
    );
  }

  // The live state of the page's agreements (and, through the indexer, the stewardship of their cells): one batch.
  const ids = candidates.items.map((p) => p.id);
  const pageCells =
    steward !== undefined && stewarded === undefined
      ? [...new Set(candidates.items.flatMap((p) => p.cells))]
      : [];
  const calls = [
    ...ids.map(
      (id) => ({ address, abi: agreementRegistryAbi, functionName: "getAgreement", args: [id] }) as const,
    ),
    ...stewardCalls(pageCells),
  ];
  const results = (
    calls.length === 0
      ? []
      : await readBatch(client, calls, {
          contract: "AgreementRegistry",
          functionName: "getAgreement",
          at,
          errors: agreementErrorCatalogue,
        })
  ) as unknown[];
  stewarded ??= new Set(pageCells.filter((_, i) => results[ids.length + i] === true));

  const items: AgreementSummary[] = [];
  candidates.items.forEach((proposal, i) => {
    const info = results[i] as AgreementInfo;
    const status = info.status as AgreementStatusValue;
    if (statuses && !statuses.has(status)) return;
    items.push({
      id: proposal.id,
      status,
      statusName: agreementStatusName(status),
      proposer: proposal.proposer,
      accounts: proposal.accounts,
      cells: proposal.cells,
      title: proposal.title,
      termsHash: proposal.termsHash,
      termsURI: proposal.termsURI,
      expiresAt: proposal.expiresAt,
      amends: proposal.amends,
      partyCount: info.partyCount,
      acknowledgedCount: info.acknowledgedCount,
      acknowledgedMask: info.acknowledgedMask,
      activatedAt: info.activatedAt || null,
      supersededBy: info.supersededBy || null,
      proposedBlock: proposal.blockNumber,
      transactionHash: proposal.transactionHash,
      involvement: filtered ? involvementOf(proposal, stewarded!) : [],
    });
  });
  return { items, next: candidates.next };
}

/**
 * The life of an agreement, oldest first: its proposal, every acknowledgement (who, for which cell,
 * directly or by signature, when), activation, and how it ended. Expiry, which no transaction marks,
 * appears as a derived `expired` entry (no block) dated at the expiry time, or, for an amendment that
 * lapsed because its original stopped being active, at the time the original stopped. With `blockNumber` or
 * `blockTag`, the life up to that block (events scanned up to it, state and clock read at it).
 *
 * @throws {ContractRefusalError} `AgreementUnknown` (also when the agreement did not exist yet at the block).
 * @example
 * for (const entry of await concord.agreements.agreementTimeline({ agreementId: 1n })) {
 *   if (entry.kind === "acknowledged") console.log(entry.by, entry.bySignature, entry.timestamp);
 * }
 */
export async function agreementTimeline(
  client: ConcordClientBase,
  { agreementId, ...block }: { agreementId: BigIntish } & BlockParameters,
): Promise<TimelineEntry[]> {
  const id = toUint256("agreementId", agreementId);
  const checked = readAt(block);
  const { address } = agreementRegistryOf(client);
  // The events up to the block; the state and the clock at it, from the same block in one request (Multicall3).
  const { at, toBlock } = await pinBlock(client, checked);
  const {
    block: latest,
    results: [info],
  } = await readBatchAtBlock(
    client,
    [{ address, abi: agreementRegistryAbi, functionName: "getAgreement", args: [id] }] as const,
    { contract: "AgreementRegistry", functionName: "getAgreement", at },
  );
  const original = info.amends || null;
  const logs = await scanAgreementHistory(client, original === null ? [id] : [id, original], toBlock);
  const own = logs.filter((log) => log.args.agreementId === id).sort(compareLogs);
  const times = await blockTimestamps(client, own);

  const entries: TimelineEntry[] = own.map((log): TimelineEntry => {
    const base = {
      agreementId: id,
      timestamp: times.get(log.blockNumber) ?? 0n,
      blockNumber: log.blockNumber,
      logIndex: log.logIndex,
      transactionHash: log.transactionHash,
    };
    switch (log.eventName) {
      case "AgreementProposed":
        return {
          ...base,
          kind: "proposed",
          by: log.args.proposer,
          title: log.args.title,
          termsHash: log.args.termsHash,
          termsURI: log.args.termsURI,
          expiresAt: log.args.expiresAt || null,
          amends: null,
          cellId: null,
        };
      case "AgreementAmendmentProposed":
        return {
          ...base,
          kind: "proposed",
          by: log.args.proposer,
          title: log.args.title,
          termsHash: log.args.termsHash,
          termsURI: log.args.termsURI,
          expiresAt: log.args.expiresAt || null,
          amends: log.args.amends,
          cellId: log.args.cellId || null,
        };
      case "AgreementAcknowledged":
        return {
          ...base,
          kind: "acknowledged",
          by: log.args.by,
          cellId: log.args.cellId || null,
          bySignature: log.args.bySignature,
        };
      case "AgreementActivated":
        return { ...base, kind: "activated" };
      case "AgreementDeclined":
        return {
          ...base,
          kind: "declined",
          by: log.args.by,
          cellId: log.args.cellId || null,
        };
      case "AgreementWithdrawn":
        return { ...base, kind: "withdrawn", by: log.args.by };
      case "AgreementTerminated":
        return {
          ...base,
          kind: "terminated",
          by: log.args.by,
          cellId: log.args.cellId || null,
        };
      case "AgreementSuperseded":
        return { ...base, kind: "superseded", amendmentId: log.args.amendmentId };
    }
  });

  if (info.status === AgreementStatus.EXPIRED) {
    const derived = { agreementId: id, blockNumber: null, logIndex: null, transactionHash: null } as const;
    const now = latest.timestamp;
    const byTime = info.expiresAt !== 0n && info.expiresAt <= now ? info.expiresAt : null;
    let byOriginal: bigint | null = null;
    if (original !== null) {
      const ended = logs
        .filter(
          (log) =>
            log.args.agreementId === original &&
            (log.eventName === "AgreementTerminated" || log.eventName === "AgreementSuperseded"),
        )
        .at(0);
      if (ended) {
        byOriginal = (await blockTimestamps(client, [ended])).get(ended.blockNumber) ?? null;
      } else {
        const [originalInfo] = await readBatch(
          client,
          [{ address, abi: agreementRegistryAbi, functionName: "getAgreement", args: [original] }] as const,
          { contract: "AgreementRegistry", functionName: "getAgreement", at },
        );
        if (originalInfo.expiresAt !== 0n && originalInfo.expiresAt <= now)
          byOriginal = originalInfo.expiresAt;
      }
    }
    if (byTime !== null && (byOriginal === null || byTime <= byOriginal)) {
      entries.push({ ...derived, timestamp: byTime, kind: "expired", reason: "time" });
    } else if (byOriginal !== null) {
      entries.push({ ...derived, timestamp: byOriginal, kind: "expired", reason: "original" });
    }
  }
  return entries;
}
