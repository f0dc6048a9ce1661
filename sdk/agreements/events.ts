/**
 * What the registry keeps only in events, rebuilt by scanning from the deployment's `startBlock`:
 * terms URIs, who acknowledged when (and whether by signature), the list of agreements per account or
 * per cell, and the timeline of an agreement.
 */
import { isAddressEqual } from "viem";
import type { Address, Hash, Hex } from "viem";
import { getBlock } from "viem/actions";

import type { ConcordClientBase } from "../client.ts";
import { decodeConcordError } from "../errors.ts";
import { agreementRegistryAbi, cellRegistryAbi } from "../generated/abis.ts";
import { blockTimestamps, compareLogs, scanEvents } from "../internal/logs.ts";
import { readBatch } from "../internal/read.ts";
import { toAddress, toCellId, toUint256 } from "../internal/validate.ts";
import type { BigIntish } from "../internal/validate.ts";
import { AgreementStatus, agreementStatusName, toAgreementStatus } from "./constants.ts";
import type { AgreementStatusName, AgreementStatusValue } from "./constants.ts";
import { agreementRegistryOf } from "./reads.ts";
import type { AgreementSummary, TimelineEntry } from "./types.ts";
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
 * @internal The decoded logs of {@link AGREEMENT_EVENTS}, oldest first; with `ids`, only those agreements'.
 *
 * @example
 * const logs = await scanAgreementHistory(client, [1n]);
 */
export async function scanAgreementHistory(client: ConcordClientBase, ids?: readonly bigint[]) {
  const { address, startBlock } = agreementRegistryOf(client);
  return scanEvents(client, {
    address,
    abi: agreementRegistryAbi,
    eventNames: AGREEMENT_EVENTS,
    topic1: ids,
    fromBlock: startBlock,
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
 * @internal Every proposal and amendment proposal, by id, in id order. Amendments get the parties of
 * the agreement they amend (the registry shares one party set along an amendment chain).
 *
 * @example
 * const proposals = await fetchProposals(client);
 * proposals.get(1n)?.accounts;
 */
export async function fetchProposals(client: ConcordClientBase): Promise<Map<bigint, Proposal>> {
  const viaIndexer = await indexerFor(client);
  if (viaIndexer) return (await import("../indexer/agreements.ts")).indexerAgreementProposals(viaIndexer);
  const { address, startBlock } = agreementRegistryOf(client);
  const logs = await scanEvents(client, {
    address,
    abi: agreementRegistryAbi,
    eventNames: ["AgreementProposed", "AgreementAmendmentProposed"],
    fromBlock: startBlock,
  });
  const proposals = new Map<bigint, Proposal>();
  for (const log of logs) {
    const base = {
      id: log.args.agreementId,
      proposer: log.args.proposer,
      title: log.args.title,
      termsHash: log.args.termsHash,
      termsURI: log.args.termsURI,
      expiresAt: log.args.expiresAt === 0n ? null : log.args.expiresAt,
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
        cellId: log.args.cellId === 0n ? null : log.args.cellId,
      });
    }
  }
  return proposals;
}

/** Parameters of {@link listAgreements}. */
export type ListAgreementsParameters = {
  /** Only agreements where this account is an account party (or, with `includeStewardedCells`, acts for a cell party). */
  account?: Address | undefined;
  /** Only agreements where this cell is a party. */
  cell?: BigIntish | undefined;
  /** With `account`: also the agreements of cells the account stewards (directly or through an ancestor). */
  includeStewardedCells?: boolean | undefined;
  /** Only agreements in this status (or any of these), by value or name. */
  status?:
    | AgreementStatusValue
    | AgreementStatusName
    | readonly (AgreementStatusValue | AgreementStatusName)[]
    | undefined;
  /** Leave out amendments (agreements that amend another). Default false. */
  excludeAmendments?: boolean | undefined;
};

/**
 * Agreements rebuilt from events (parties, terms, proposer) with their current status (one multicall),
 * in id order. Filter by party `account` and/or `cell` (both: agreements matching either), by `status`;
 * with `includeStewardedCells`, an account also sees the agreements of the cells it stewards.
 *
 * @example
 * const mine = await concord.agreements.listAgreements({ account: alice, includeStewardedCells: true });
 * const pendingForCell = await concord.agreements.listAgreements({ cell: 2n, status: "proposed" });
 */
export async function listAgreements(
  client: ConcordClientBase,
  parameters: ListAgreementsParameters = {},
): Promise<AgreementSummary[]> {
  const account =
    parameters.account === undefined
      ? undefined
      : toAddress("account", parameters.account, { allowZero: true });
  const cell = parameters.cell === undefined ? undefined : toCellId(parameters.cell, "cell");
  const statuses =
    parameters.status === undefined
      ? undefined
      : new Set(
          (Array.isArray(parameters.status) ? parameters.status : [parameters.status]).map((s) =>
            toAgreementStatus(s as AgreementStatusValue | AgreementStatusName),
          ),
        );
  const filtered = account !== undefined || cell !== undefined;

  const proposals = await fetchProposals(client);
  let candidates = [...proposals.values()];
  if (parameters.excludeAmendments) candidates = candidates.filter((p) => p.amends === null);

  // Cells the account stewards, among the cells that are parties to something (one multicall).
  const stewarded = new Set<bigint>();
  if (account !== undefined && parameters.includeStewardedCells) {
    const cells = [...new Set(candidates.flatMap((p) => p.cells))];
    const flags = await readBatch(
      client,
      cells.map(
        (cellId) =>
          ({
            address: client.addresses.cellRegistry,
            abi: cellRegistryAbi,
            functionName: "isSteward",
            args: [cellId, account],
          }) as const,
      ),
      { contract: "CellRegistry", functionName: "isSteward" },
    );
    cells.forEach((cellId, i) => {
      if (flags[i]) stewarded.add(cellId);
    });
  }

  const involved = new Map<bigint, AgreementSummary["involvement"]>();
  for (const proposal of candidates) {
    const involvement: AgreementSummary["involvement"] = [];
    if (account !== undefined && proposal.accounts.some((a) => isAddressEqual(a, account))) {
      involvement.push("account");
    }
    if (cell !== undefined && proposal.cells.includes(cell)) involvement.push("cell");
    if (proposal.cells.some((c) => stewarded.has(c))) involvement.push("steward");
    if (!filtered || involvement.length > 0) involved.set(proposal.id, involvement);
  }

  const ids = [...involved.keys()];
  const { address } = agreementRegistryOf(client);
  const values = await readBatch(
    client,
    ids.map((id) => ({ address, abi: agreementRegistryAbi, functionName: "statusOf", args: [id] }) as const),
    { contract: "AgreementRegistry", functionName: "statusOf" },
  );
  const summaries: AgreementSummary[] = [];
  ids.forEach((id, i) => {
    const status = values[i] as AgreementStatusValue;
    if (statuses && !statuses.has(status)) return;
    const proposal = proposals.get(id)!;
    summaries.push({
      id,
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
      proposedBlock: proposal.blockNumber,
      transactionHash: proposal.transactionHash,
      involvement: involved.get(id)!,
    });
  });
  return summaries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The life of an agreement, oldest first: its proposal, every acknowledgement (who, for which cell,
 * directly or by signature, when), activation, and how it ended. Expiry, which no transaction marks,
 * appears as a derived `expired` entry (no block) dated at the expiry time, or, for an amendment that
 * lapsed because its original stopped being active, at the time the original stopped.
 *
 * @throws {ContractRefusalError} `AgreementUnknown`.
 * @example
 * for (const entry of await concord.agreements.agreementTimeline({ agreementId: 1n })) {
 *   if (entry.kind === "acknowledged") console.log(entry.by, entry.bySignature, entry.timestamp);
 * }
 */
export async function agreementTimeline(
  client: ConcordClientBase,
  { agreementId }: { agreementId: BigIntish },
): Promise<TimelineEntry[]> {
  const id = toUint256("agreementId", agreementId);
  const { address } = agreementRegistryOf(client);
  const [[info], latest] = await Promise.all([
    readBatch(
      client,
      [{ address, abi: agreementRegistryAbi, functionName: "getAgreement", args: [id] }] as const,
      {
        contract: "AgreementRegistry",
        functionName: "getAgreement",
      },
    ),
    getBlock(client.publicClient).catch((error: unknown) => {
      throw decodeConcordError(error);
    }),
  ]);
  const original = info.amends === 0n ? null : info.amends;
  const logs = await scanAgreementHistory(client, original === null ? [id] : [id, original]);
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
          expiresAt: log.args.expiresAt === 0n ? null : log.args.expiresAt,
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
          expiresAt: log.args.expiresAt === 0n ? null : log.args.expiresAt,
          amends: log.args.amends,
          cellId: log.args.cellId === 0n ? null : log.args.cellId,
        };
      case "AgreementAcknowledged":
        return {
          ...base,
          kind: "acknowledged",
          by: log.args.by,
          cellId: log.args.cellId === 0n ? null : log.args.cellId,
          bySignature: log.args.bySignature,
        };
      case "AgreementActivated":
        return { ...base, kind: "activated" };
      case "AgreementDeclined":
        return {
          ...base,
          kind: "declined",
          by: log.args.by,
          cellId: log.args.cellId === 0n ? null : log.args.cellId,
        };
      case "AgreementWithdrawn":
        return { ...base, kind: "withdrawn", by: log.args.by };
      case "AgreementTerminated":
        return {
          ...base,
          kind: "terminated",
          by: log.args.by,
          cellId: log.args.cellId === 0n ? null : log.args.cellId,
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
          { contract: "AgreementRegistry", functionName: "getAgreement" },
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
