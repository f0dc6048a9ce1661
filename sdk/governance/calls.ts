/**
 * A catalogue of Concord governance actions, encoded as proposal calls: what a proposal form offers before
 * the raw call for experts. `buildProposalCall` only encodes; `classify` tells the kind the contracts will
 * give the proposal.
 */
import { encodeFunctionData, zeroAddress } from "viem";
import type { Address, ContractFunctionArgs, ContractFunctionName } from "viem";

import type { ConcordClientBase } from "../client.ts";
import { InvalidInputError, NoDeploymentError } from "../errors.ts";
import {
  cellRegistryAbi,
  communityHouseAbi,
  concordMembershipAbi,
  operationalHouseAbi,
  resourceLeasesAbi,
} from "../generated/abis.ts";
import { toAddress, toCellId, toUint256 } from "../internal/validate.ts";
import type { BigIntish } from "../internal/validate.ts";
import { getGovernanceContracts } from "./reads.ts";
import type { HouseName, ProposalCall } from "./types.ts";

/** One action of the catalogue, with its parameters. */
export type GovernanceAction =
  | { action: "recogniseCell"; cellId: BigIntish; recognised?: boolean | undefined }
  | { action: "admitMember"; account: Address }
  | { action: "removeMember"; account: Address }
  | { action: "pay"; to: Address; value: BigIntish }
  | { action: "revokeLease"; resourceId: BigIntish }
  | { action: "setVetoThreshold"; bps: BigIntish }
  | { action: "setQuorumFloor"; house: HouseName; floor: BigIntish }
  | { action: "setQuorumPercent"; house: HouseName; percent: BigIntish }
  | { action: "setVotingDelay"; house: HouseName; seconds: BigIntish }
  | { action: "setVotingPeriod"; house: HouseName; seconds: BigIntish }
  | { action: "setConstitutionalDelay"; seconds: BigIntish }
  | { action: "setGuardian"; house: HouseName; guardian: Address | null };

/** The catalogue's actions with a label for a picker. */
export const governanceActionCatalogue: readonly { action: GovernanceAction["action"]; label: string }[] = [
  { action: "recogniseCell", label: "Recognise a cell (or stop recognising it)" },
  { action: "admitMember", label: "Admit a member (mint a membership)" },
  { action: "removeMember", label: "Remove a member (burn a membership)" },
  { action: "pay", label: "Pay from the treasury" },
  { action: "revokeLease", label: "Revoke a lease" },
  { action: "setVetoThreshold", label: "Set the veto threshold" },
  { action: "setQuorumFloor", label: "Set a house's quorum floor" },
  { action: "setQuorumPercent", label: "Set a house's quorum percentage" },
  { action: "setVotingDelay", label: "Set a house's voting delay" },
  { action: "setVotingPeriod", label: "Set a house's voting period" },
  { action: "setConstitutionalDelay", label: "Set the constitutional delay" },
  { action: "setGuardian", label: "Set or remove a house's guardian" },
];

/**
 * Encodes a catalogue action as a proposal call against the client's deployment.
 *
 * @throws {InvalidInputError} for bad parameters or an unknown action.
 * @example
 * const call = await concord.governance.buildProposalCall({ action: "recogniseCell", cellId: 7n });
 * await concord.governance.proposeGovernance({ calls: [call], description: "Recognise Research" });
 */
export async function buildProposalCall(
  client: ConcordClientBase,
  action: GovernanceAction,
): Promise<ProposalCall> {
  const gov = await getGovernanceContracts(client);
  const house = (name: HouseName) => {
    if (name !== "operational" && name !== "community") {
      throw new InvalidInputError("house", name, 'expected "operational" or "community"');
    }
    return name === "operational" ? gov.operationalHouse : gov.communityHouse;
  };
  const call = (target: Address, data: `0x${string}`, value = 0n): ProposalCall => ({ target, value, data });
  /** A call to a house's settings (both houses have the operational house's settings functions). */
  const houseCall = <name extends ContractFunctionName<typeof operationalHouseAbi, "nonpayable">>(
    target: Address,
    functionName: name,
    args: ContractFunctionArgs<typeof operationalHouseAbi, "nonpayable", name>,
  ) => call(target, encodeFunctionData({ abi: operationalHouseAbi, functionName, args } as never));
  switch (action.action) {
    case "recogniseCell":
      return call(
        client.addresses.cellRegistry,
        encodeFunctionData({
          abi: cellRegistryAbi,
          functionName: "setRecognised",
          args: [toCellId(action.cellId), action.recognised ?? true],
        }),
      );
    case "admitMember":
    case "removeMember":
      return call(
        gov.votesToken,
        encodeFunctionData({
          abi: concordMembershipAbi,
          functionName: action.action === "admitMember" ? "mint" : "burn",
          args: [toAddress("account", action.account)],
        }),
      );
    case "pay":
      return call(toAddress("to", action.to), "0x", toUint256("value", action.value));
    case "revokeLease": {
      const leases = client.addresses.resourceLeases;
      if (!leases) throw new NoDeploymentError({ chainId: client.chainId, contract: "ResourceLeases" });
      return call(
        leases,
        encodeFunctionData({
          abi: resourceLeasesAbi,
          functionName: "revoke",
          args: [toUint256("resourceId", action.resourceId)],
        }),
      );
    }
    case "setVetoThreshold":
      return call(
        gov.communityHouse,
        encodeFunctionData({
          abi: communityHouseAbi,
          functionName: "setVetoThreshold",
          args: [toUint256("bps", action.bps, 10_000n)],
        }),
      );
    case "setQuorumFloor":
      return houseCall(house(action.house), "setQuorumFloor", [toUint256("floor", action.floor)]);
    case "setQuorumPercent":
      return houseCall(house(action.house), "updateQuorumNumerator", [
        toUint256("percent", action.percent, 100n),
      ]);
    case "setVotingDelay":
      return houseCall(house(action.house), "setVotingDelay", [
        Number(toUint256("seconds", action.seconds, 2n ** 48n - 1n)),
      ]);
    case "setVotingPeriod":
      return houseCall(house(action.house), "setVotingPeriod", [
        Number(toUint256("seconds", action.seconds, 2n ** 32n - 1n)),
      ]);
    case "setConstitutionalDelay":
      return houseCall(gov.operationalHouse, "setConstitutionalDelay", [
        toUint256("seconds", action.seconds),
      ]);
    case "setGuardian":
      return houseCall(house(action.house), "setProposalGuardian", [
        action.guardian === null ? zeroAddress : toAddress("guardian", action.guardian),
      ]);
    default:
      throw new InvalidInputError("action", (action as { action: unknown }).action, "not a catalogue action");
  }
}
