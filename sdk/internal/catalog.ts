/**
 * The one list of Concord ABIs and refusal messages that error decoding works from.
 *
 * Adding a module (agreements, leases, governance): generate its ABI, write its message table in
 * `sdk/<module>/errors.ts` with `defineErrorMessages`, then add one entry to each object below.
 */
import type { Abi } from "viem";

type AbiError = Extract<Abi[number], { type: "error" }>;

import { agreementErrorMessages } from "../agreements/errors.ts";
import { cellErrorMessages } from "../cells/errors.ts";
import {
  agreementRegistryAbi,
  cellRegistryAbi,
  communityHouseAbi,
  concordMembershipAbi,
  concordTimelockAbi,
  governanceClassifierAbi,
  operationalHouseAbi,
  resourceLeasesAbi,
} from "../generated/abis.ts";
import { governanceErrorMessages } from "../governance/errors.ts";
import { leaseErrorMessages } from "../leases/errors.ts";
import { commonErrorMessages } from "./messages.ts";
import type { AbiErrorName, ErrorMessages } from "./messages.ts";

/**
 * Every Concord contract ABI, by contract name.
 *
 * @example
 * import { concordAbis } from "@concord-dao/sdk";
 *
 * await publicClient.readContract({ address, abi: concordAbis.CellRegistry, functionName: "cellCount" });
 */
export const concordAbis = {
  CellRegistry: cellRegistryAbi,
  AgreementRegistry: agreementRegistryAbi,
  ResourceLeases: resourceLeasesAbi,
  OperationalHouse: operationalHouseAbi,
  CommunityHouse: communityHouseAbi,
  ConcordTimelock: concordTimelockAbi,
  GovernanceClassifier: governanceClassifierAbi,
  ConcordMembership: concordMembershipAbi,
} as const;

/** The name of a Concord contract. */
export type ConcordContractName = keyof typeof concordAbis;

/** The name of any custom error a Concord contract can revert with. */
export type ConcordErrorName = {
  [contract in ConcordContractName]: AbiErrorName<(typeof concordAbis)[contract]>;
}[ConcordContractName];

/**
 * Human messages for every custom error of every Concord contract (module tables win over common ones).
 *
 * @example
 * import { concordErrorMessages } from "@concord-dao/sdk";
 *
 * concordErrorMessages.CellNonexistent?.({ cellId: 7n }); // "Cell 7 does not exist."
 */
export const concordErrorMessages: ErrorMessages = {
  ...(commonErrorMessages as unknown as ErrorMessages),
  ...cellErrorMessages,
  ...agreementErrorMessages,
  ...leaseErrorMessages,
  ...governanceErrorMessages,
};

/**
 * The custom errors of all Concord ABIs, deduplicated by signature, to decode raw revert data.
 *
 * @example
 * decodeErrorResult({ abi: concordErrorAbi, data });
 */
export const concordErrorAbi: readonly AbiError[] = (() => {
  const seen = new Set<string>();
  const errors: AbiError[] = [];
  for (const abi of Object.values(concordAbis)) {
    for (const item of abi) {
      if (item.type !== "error") continue;
      const key = `${item.name}(${item.inputs.map((input) => input.type).join(",")})`;
      if (seen.has(key)) continue;
      seen.add(key);
      errors.push(item as AbiError);
    }
  }
  return errors;
})();
