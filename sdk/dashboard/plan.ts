/**
 * The dashboard's batched reads, and how to read their results back, shared by both read paths: the directory's
 * (each cell's state and the standing of the accounts asked for) and the live values of what the dashboard shows
 * (agreement statuses, leases and queues, proposal states, the viewer's position, the treasury's ETH).
 */
import { getAddress, multicall3Abi } from "viem";
import type { Abi, Address } from "viem";

import { agreementStatusName } from "../agreements/constants.ts";
import type { AgreementStatusValue } from "../agreements/constants.ts";
import type { AgreementInfo } from "../agreements/types.ts";
import { cellFromInfo } from "../cells/aggregates.ts";
import { splitDirectory } from "../cells/directory.ts";
import type { Cell, CellInfo, CellSummary } from "../cells/types.ts";
import type { ConcordClientBase } from "../client.ts";
import { decodeConcordError } from "../errors.ts";
import {
  agreementRegistryAbi,
  cellRegistryAbi,
  communityHouseAbi,
  concordMembershipAbi,
  operationalHouseAbi,
  resourceLeasesAbi,
} from "../generated/abis.ts";
import { toQueue, toResourceInfo } from "../leases/reads.ts";
import type {
  AgreementState,
  DashboardCell,
  DashboardDirectory,
  DashboardEvents,
  DashboardStanding,
  DashboardState,
  DashboardHouseProposalState,
  ProposalEvents,
  DashboardProposalState,
  ResourceState,
} from "./types.ts";

/** The accounts of a read, each once, checksummed: the viewer first. */
export function accountsOf(account: Address | null | undefined, others: readonly Address[] = []): Address[] {
  return [...new Set([account, ...others].flatMap((a) => (a ? [getAddress(a)] : [])))];
}

/** A cell as the directory shows it (both paths give the same fields). */
export function dashboardCellOf(cell: Cell): DashboardCell {
  const { creator: _creator, nucleusURI: _uri, nucleusHash: _hash, createdAt: _at, ...shown } = cell;
  return shown;
}

/**
 * The batched reads of a directory of `summaries` (each cell's state, and the standing of `account` and
 * `others` in each), and how to read their results back.
 *
 * @example
 * const plan = planDirectory(concord, cells, alice);
 * const directory = plan.read(await readBatch(concord, plan.calls));
 */
export function planDirectory(
  concord: ConcordClientBase,
  summaries: readonly CellSummary[],
  account: Address | null,
  others: readonly Address[] = [],
) {
  const address = concord.addresses.cellRegistry;
  const accounts = accountsOf(account, others);
  const cellCalls = summaries.map(
    (cell) => ({ address, abi: cellRegistryAbi, functionName: "getCell", args: [cell.id] }) as const,
  );
  const standingCalls = accounts.flatMap((who) =>
    summaries.flatMap(
      (cell) =>
        [
          { address, abi: cellRegistryAbi, functionName: "rolesOf", args: [cell.id, who] },
          { address, abi: cellRegistryAbi, functionName: "joinRequestedAt", args: [cell.id, who] },
        ] as const,
    ),
  );
  return {
    calls: [...cellCalls, ...standingCalls],
    read(results: readonly unknown[]): DashboardDirectory {
      const cells = summaries.map((summary, i) =>
        dashboardCellOf(cellFromInfo(summary.id, results[i] as CellInfo, summary)),
      );
      const standingOf = new Map<Address, Map<bigint, DashboardStanding>>();
      accounts.forEach((who, a) => {
        const byCell = new Map<bigint, DashboardStanding>();
        const offset = summaries.length * (1 + 2 * a);
        summaries.forEach((summary, i) => {
          const roles = results[offset + 2 * i] as number;
          const requestedAt = results[offset + 2 * i + 1] as bigint;
          byCell.set(summary.id, { roles, joinRequestedAt: requestedAt === 0n ? null : requestedAt });
        });
        standingOf.set(who, byCell);
      });
      return directoryOf(cells, standingOf, account);
    },
  };
}

/**
 * The directory of `cells` (in id order) with the standing of each account read (`standingOf`, keyed by
 * checksummed address): the DAO's tree and the other cells, and the standing of `account`.
 *
 * @example
 * const directory = directoryOf(cells, new Map([[alice, aliceByCell]]), alice);
 */
export function directoryOf(
  cells: DashboardCell[],
  standingOf: Map<Address, Map<bigint, DashboardStanding>>,
  account: Address | null,
): DashboardDirectory {
  const split = splitDirectory(cells, {
    recognised: cells.filter((cell) => cell.recognised).map((cell) => cell.id),
  });
  return {
    cells,
    byId: new Map(cells.map((cell) => [cell.id, cell])),
    dao: split.dao,
    others: split.others,
    roots: split.roots,
    standing: account ? (standingOf.get(getAddress(account)) ?? null) : null,
    standingOf,
  };
}

/** The outcome of one call of a settled batch (`readBatchSettled`). */
export type SettledOutcome = { status: "success" | "failure"; result?: unknown; error?: Error };

/**
 * The batched reads of the live state of what `events` names (agreements, resources, proposals and the
 * viewer's position), and how to read their settled outcomes back (a governance read before its snapshot
 * reverts and reads as "not yet"; any other failure throws).
 *
 * @example
 * const plan = planDashboardState(concord, events, alice);
 * const state = plan.read(await readBatchSettled(concord, plan.calls));
 */
export function planDashboardState(
  concord: ConcordClientBase,
  events: Pick<DashboardEvents, "agreements" | "resources"> & Partial<Pick<DashboardEvents, "proposals">>,
  account: Address | null = null,
) {
  const agreementAddress = concord.contracts.agreementRegistry?.address;
  const leasesAddress = concord.contracts.resourceLeases?.address;
  const agreementIds = agreementAddress ? events.agreements.map((agreement) => agreement.id) : [];
  const resourceIds = leasesAddress ? events.resources.map((resource) => resource.id) : [];
  const calls = [
    ...agreementIds.map(
      (id) =>
        ({
          address: agreementAddress!,
          abi: agreementRegistryAbi,
          functionName: "getAgreement",
          args: [id],
        }) as const,
    ),
    ...resourceIds.flatMap(
      (id) =>
        [
          { address: leasesAddress!, abi: resourceLeasesAbi, functionName: "getResource", args: [id] },
          { address: leasesAddress!, abi: resourceLeasesAbi, functionName: "queueOf", args: [id] },
        ] as const,
    ),
  ];
  const governance = planProposalReads(concord, events.proposals ?? [], account);
  const treasury = planTreasuryRead(concord);
  return {
    calls: [...calls, ...governance.calls, ...treasury.calls] as readonly unknown[],
    read(outcomes: readonly SettledOutcome[]): DashboardState {
      const failed = outcomes.slice(0, calls.length).find((outcome) => outcome.status === "failure");
      if (failed) throw decodeConcordError(failed.error, { contract: "AgreementRegistry" });
      const results = outcomes.slice(0, calls.length).map((outcome) => outcome.result);
      const governanceResults = outcomes
        .slice(calls.length)
        .map((outcome): Outcome =>
          outcome.status === "success" ? { ok: true, value: outcome.result } : { ok: false },
        );
      const agreements = new Map<bigint, AgreementState>();
      agreementIds.forEach((id, i) => {
        const info = results[i] as AgreementInfo;
        const status = info.status as AgreementStatusValue;
        agreements.set(id, {
          status,
          statusName: agreementStatusName(status),
          acknowledgedMask: info.acknowledgedMask,
          acknowledgedCount: info.acknowledgedCount,
          partyCount: info.partyCount,
          activatedAt: info.activatedAt === 0n ? null : info.activatedAt,
          supersededBy: info.supersededBy === 0n ? null : info.supersededBy,
        });
      });
      const resources = new Map<bigint, ResourceState>();
      resourceIds.forEach((id, j) => {
        const at = agreementIds.length + 2 * j;
        const info = toResourceInfo(results[at] as Parameters<typeof toResourceInfo>[0]);
        const queue = toQueue(results[at + 1] as Parameters<typeof toQueue>[0]);
        resources.set(id, { ...info, queue });
      });
      const { proposals, chainTime } = governance.read(governanceResults.slice(0, governance.calls.length));
      return {
        agreements,
        resources,
        proposals,
        chainTime,
        treasury: treasury.read(governanceResults.slice(governance.calls.length)),
      };
    },
  };
}

/**
 * The dashboard's treasury card reads the timelock's ETH balance in the same multicall (Multicall3's
 * `getEthBalance`, so no request of its own). Only where the chain has a deployed Multicall3: the deployless
 * form has no address to ask.
 */
function planTreasuryRead(concord: ConcordClientBase): {
  calls: { address: Address; abi: typeof multicall3Abi; functionName: "getEthBalance"; args: [Address] }[];
  read(outcomes: readonly Outcome[]): DashboardState["treasury"];
} {
  const multicall = concord.publicClient.chain?.contracts?.multicall3?.address;
  const timelock = concord.contracts.concordTimelock?.address;
  if (!multicall || !timelock) return { calls: [], read: () => null };
  return {
    calls: [{ address: multicall, abi: multicall3Abi, functionName: "getEthBalance", args: [timelock] }],
    read: ([outcome]) => (outcome?.ok ? { address: timelock, eth: outcome.value as bigint } : null),
  };
}

type Outcome = { ok: true; value: unknown } | { ok: false };

/**
 * The governance reads of the dashboard's multicall, and how to read their results back. The generated ABIs
 * (the first load already holds them: error decoding needs every contract's errors).
 */
function planProposalReads(
  concord: ConcordClientBase,
  records: readonly ProposalEvents[],
  account: Address | null,
): {
  calls: { address: Address; abi: Abi; functionName: string; args?: readonly unknown[] }[];
  read(outcomes: readonly Outcome[]): {
    proposals: Map<bigint, DashboardProposalState>;
    chainTime: bigint | null;
  };
} {
  const operational = concord.contracts.operationalHouse?.address;
  const community = concord.contracts.communityHouse?.address;
  const calls: ReturnType<typeof planProposalReads>["calls"] = [];
  const keys: string[] = [];
  const add = (
    key: string,
    address: Address,
    abi: Abi,
    functionName: string,
    args: readonly unknown[] = [],
  ) => {
    keys.push(key);
    calls.push({ address, abi, functionName, args });
  };
  if (!operational || records.length === 0)
    return { calls, read: () => ({ proposals: new Map(), chainTime: null }) };
  add("clock", operational, operationalHouseAbi, "clock");
  for (const record of records) {
    for (const [house, address, abi] of [
      ["operational", operational, operationalHouseAbi],
      ["community", community, communityHouseAbi],
    ] as const) {
      const creation = record[house];
      if (!creation || !address) continue;
      const k = `${record.id}:${house}`;
      add(`${k}:state`, address, abi, "state", [record.id]);
      add(`${k}:votes`, address, abi, "proposalVotes", [record.id]);
      add(`${k}:deadline`, address, abi, "proposalDeadline", [record.id]);
      add(`${k}:eta`, address, abi, "proposalEta", [record.id]);
      if (account) {
        add(`${k}:weight`, address, abi, "getVotes", [account, creation.voteStart]);
        add(`${k}:hasVoted`, address, abi, "hasVoted", [record.id, account]);
      }
    }
    if (!record.community && record.operational && community) {
      const k = `${record.id}:veto`;
      add(`${k}:votes`, community, communityHouseAbi, "vetoVotes", [record.id]);
      add(`${k}:threshold`, community, communityHouseAbi, "vetoThreshold", [record.id]);
      add(`${k}:vetoed`, community, communityHouseAbi, "isVetoed", [record.id]);
      if (account) {
        add(`${k}:hasVetoed`, community, communityHouseAbi, "hasVetoed", [record.id, account]);
        // The members' votes at the operational snapshot (what a veto weighs).
        const token = concord.contracts.votesToken?.address;
        if (token)
          add(`${k}:power`, token, concordMembershipAbi, "getPastVotes", [
            account,
            record.operational.voteStart,
          ]);
      }
    }
  }
  return {
    calls,
    read(outcomes) {
      const values = new Map<string, unknown>();
      keys.forEach((key, i) => {
        const outcome = outcomes[i];
        if (outcome?.ok) values.set(key, outcome.value);
      });
      const proposals = new Map<bigint, DashboardProposalState>();
      for (const record of records) {
        const house = (name: "operational" | "community"): DashboardHouseProposalState | null => {
          const k = `${record.id}:${name}`;
          if (!record[name] || !values.has(`${k}:state`)) return null;
          const [againstVotes, forVotes, abstainVotes] = values.get(`${k}:votes`) as readonly [
            bigint,
            bigint,
            bigint,
          ];
          const eta = values.get(`${k}:eta`) as bigint;
          return {
            state: Number(values.get(`${k}:state`)),
            forVotes,
            againstVotes,
            abstainVotes,
            voteEnd: values.get(`${k}:deadline`) as bigint,
            eta: eta === 0n ? null : eta,
            weight: (values.get(`${k}:weight`) as bigint | undefined) ?? null,
            hasVoted: (values.get(`${k}:hasVoted`) as boolean | undefined) ?? false,
          };
        };
        const k = `${record.id}:veto`;
        proposals.set(record.id, {
          operational: house("operational"),
          community: house("community"),
          veto: values.has(`${k}:threshold`)
            ? {
                votes: values.get(`${k}:votes`) as bigint,
                threshold: values.get(`${k}:threshold`) as bigint,
                vetoed: values.get(`${k}:vetoed`) as boolean,
                hasVetoed: (values.get(`${k}:hasVetoed`) as boolean | undefined) ?? false,
                power: (values.get(`${k}:power`) as bigint | undefined) ?? null,
              }
            : null,
        });
      }
      const clock = values.get("clock");
      return { proposals, chainTime: clock === undefined ? null : BigInt(clock as number | bigint) };
    },
  };
}
