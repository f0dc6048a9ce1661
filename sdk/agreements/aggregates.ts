/**
 * Reads that combine on-chain state with events: `getAgreement` and `getAgreements` (one multicall for
 * every agreement's state and parties, one event scan for their terms URIs and acknowledgements).
 */
import { zeroAddress } from "viem";
import type { Address } from "viem";

import type { ConcordClientBase } from "../client.ts";
import { ConcordError, InvalidInputError } from "../errors.ts";
import { agreementRegistryAbi } from "../generated/abis.ts";
import { blockTimestamps, scanEvents } from "../internal/logs.ts";
import { pinBlock, readAt } from "../internal/block.ts";
import type { BlockParameters } from "../internal/block.ts";
import { contractOf } from "../internal/contracts.ts";
import { MAX_PAGE_LIMIT } from "../internal/page.ts";
import { readBatch } from "../internal/read.ts";
import { toUint256 } from "../internal/validate.ts";
import type { BigIntish } from "../internal/validate.ts";
import { agreementStatusName } from "./constants.ts";
import type { AgreementStatusValue } from "./constants.ts";
import { scanAgreementHistory } from "./events.ts";
import { agreementErrorCatalogue } from "./errors.ts";
import type { Acknowledgement, Agreement, AgreementEnding, AgreementInfo, AgreementParty } from "./types.ts";

type HistoryLog = Awaited<ReturnType<typeof scanAgreementHistory>>[number];

/** The logs that need a timestamp (every one but the activation's, which the state dates), to fetch them at once. */
function timedLogs(logs: readonly HistoryLog[]) {
  return logs.filter((log) => log.eventName !== "AgreementActivated");
}

function toAgreement(
  id: bigint,
  info: AgreementInfo,
  parties: { accounts: readonly Address[]; cells: readonly bigint[] },
  logs: readonly HistoryLog[],
  amendments: bigint[],
  times: Map<bigint, bigint>,
): Agreement {
  const time = (blockNumber: bigint) => times.get(blockNumber) ?? 0n;
  const proposal = logs.find(
    (log) => log.eventName === "AgreementProposed" || log.eventName === "AgreementAmendmentProposed",
  );
  if (
    !proposal ||
    (proposal.eventName !== "AgreementProposed" && proposal.eventName !== "AgreementAmendmentProposed")
  ) {
    throw new ConcordError(`The proposal event of agreement ${id} was not found.`, {
      details:
        "Event scans start at the deployment's startBlock: check the client's deployment or startBlock.",
    });
  }

  const byAccount = new Map<Address, Acknowledgement>();
  const byCell = new Map<bigint, Acknowledgement>();
  let ending: AgreementEnding | null = null;
  for (const log of logs) {
    const at = {
      timestamp: time(log.blockNumber),
      blockNumber: log.blockNumber,
      transactionHash: log.transactionHash,
    };
    switch (log.eventName) {
      case "AgreementAcknowledged": {
        const { by, cellId, bySignature } = log.args;
        const entry: Acknowledgement = { by, cellId: cellId || null, bySignature, ...at };
        if (cellId === 0n) byAccount.set(by, entry);
        else byCell.set(cellId, entry);
        break;
      }
      case "AgreementDeclined":
      case "AgreementTerminated": {
        const { by, cellId } = log.args;
        const kind = log.eventName === "AgreementDeclined" ? "declined" : "terminated";
        ending = { kind, by, cellId: cellId || null, amendmentId: null, ...at };
        break;
      }
      case "AgreementWithdrawn":
        ending = { kind: "withdrawn", by: log.args.by, cellId: null, amendmentId: null, ...at };
        break;
      case "AgreementSuperseded":
        ending = { kind: "superseded", by: null, cellId: null, amendmentId: log.args.amendmentId, ...at };
        break;
      default:
        break;
    }
  }

  const mask = info.acknowledgedMask;
  const partyList: AgreementParty[] = [
    ...parties.accounts.map((account, index): AgreementParty => {
      const acknowledged = (mask & (1 << index)) !== 0;
      return {
        kind: "account",
        account,
        index,
        acknowledged,
        acknowledgement: acknowledged ? (byAccount.get(account) ?? null) : null,
      };
    }),
    ...parties.cells.map((cellId, j): AgreementParty => {
      const index = parties.accounts.length + j;
      const acknowledged = (mask & (1 << index)) !== 0;
      return {
        kind: "cell",
        cellId,
        index,
        acknowledged,
        acknowledgement: acknowledged ? (byCell.get(cellId) ?? null) : null,
      };
    }),
  ];

  const status = info.status as AgreementStatusValue;
  return {
    id,
    status,
    statusName: agreementStatusName(status),
    title: proposal.args.title,
    termsHash: info.termsHash,
    termsURI: proposal.args.termsURI,
    proposer: info.proposer,
    expiresAt: info.expiresAt || null,
    proposedAt: time(proposal.blockNumber),
    proposedBlock: proposal.blockNumber,
    activatedAt: info.activatedAt || null,
    partyCount: info.partyCount,
    acknowledgedCount: info.acknowledgedCount,
    parties: partyList,
    accounts: [...parties.accounts],
    cells: [...parties.cells],
    amends: info.amends || null,
    supersededBy: info.supersededBy || null,
    amendments,
    terminatedBy: info.terminatedBy === zeroAddress ? null : info.terminatedBy,
    terminatedAt: info.terminatedAt || null,
    ending,
  };
}

/**
 * Everything about one agreement: status (expiry derived), terms hash and URI, expiry, proposer, every
 * party with who acknowledged it, when and whether by signature, the amendment links and how it ended.
 *
 * @throws {ContractRefusalError} `AgreementUnknown`.
 * @example
 * const agreement = await concord.agreements.getAgreement({ agreementId: 1n });
 * agreement.statusName; // "proposed"
 * agreement.parties.filter((party) => !party.acknowledged); // who is still missing
 */
export async function getAgreement(
  client: ConcordClientBase,
  { agreementId, ...block }: { agreementId: BigIntish } & BlockParameters,
): Promise<Agreement> {
  const id = toUint256("agreementId", agreementId);
  const [agreement] = await getAgreements(client, { agreementIds: [id], ...block });
  return agreement!;
}

/**
 * Many agreements at once, in the order of `agreementIds`: their state and parties in ONE `eth_call`
 * (Multicall3, deployless when the chain has none) and their events in two `eth_getLogs` filtered on their ids
 * (their own history; the amendments naming them), up to the read's block: never the DAO's other events.
 *
 * @throws {ContractRefusalError} `AgreementUnknown` when any of them does not exist.
 * @throws {InvalidInputError} for more than 500 ids, or an id that is not a uint256.
 * @example
 * const [first, second] = await concord.agreements.getAgreements({ agreementIds: [1n, 2n] });
 */
export async function getAgreements(
  client: ConcordClientBase,
  { agreementIds, ...block }: { agreementIds: readonly BigIntish[] } & BlockParameters,
): Promise<Agreement[]> {
  if (!Array.isArray(agreementIds) || agreementIds.length > MAX_PAGE_LIMIT) {
    throw new InvalidInputError(
      "agreementIds",
      Array.isArray(agreementIds) ? `${agreementIds.length} ids` : agreementIds,
      `expected a list of at most ${MAX_PAGE_LIMIT} agreement ids (a page of listAgreements)`,
    );
  }
  const ids = agreementIds.map((value) => toUint256("agreementIds", value));
  const checked = readAt(block);
  if (ids.length === 0) return [];
  const { address, startBlock } = contractOf(client, "agreementRegistry");
  const distinct = [...new Set(ids)];
  // The events of these agreements up to the block (the scans stop there), the state at it.
  const { at, toBlock } = await pinBlock(client, checked);
  const [results, logs, amendmentLogs] = await Promise.all([
    readBatch(
      client,
      distinct.flatMap(
        (id) =>
          [
            { address, abi: agreementRegistryAbi, functionName: "getAgreement", args: [id] },
            { address, abi: agreementRegistryAbi, functionName: "partiesOf", args: [id] },
          ] as const,
      ),
      { contract: "AgreementRegistry", functionName: "getAgreement", at, errors: agreementErrorCatalogue },
    ),
    scanAgreementHistory(client, distinct, toBlock),
    // The amendments of these agreements: they name their original in topic 2.
    scanEvents(client, {
      address,
      abi: agreementRegistryAbi,
      eventNames: ["AgreementAmendmentProposed"],
      topics: [null, distinct],
      fromBlock: startBlock,
      toBlock,
    }),
  ]);
  const times = await blockTimestamps(client, timedLogs(logs));
  const built = new Map<bigint, Agreement>();
  distinct.forEach((id, i) => {
    const info = results[2 * i] as AgreementInfo;
    const [accounts, cells] = results[2 * i + 1] as readonly [readonly Address[], readonly bigint[]];
    const own = logs.filter((log) => log.args.agreementId === id);
    const amendments = amendmentLogs
      .filter((log) => log.args.amends === id)
      .map((log) => log.args.agreementId);
    built.set(id, toAgreement(id, info, { accounts, cells }, own, amendments, times));
  });
  return ids.map((id) => built.get(id)!);
}
