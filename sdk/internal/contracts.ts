/**
 * The one contract lookup of the SDK: the client's contract for a module, or a NoDeploymentError that names it.
 */
import { concordContracts } from "../client.ts";
import type { ConcordClientBase, ConcordContract, ConcordContractKey } from "../client.ts";
import { NoDeploymentError } from "../errors.ts";

/**
 * The address and scan start of the contract `key` on the client's deployment.
 *
 * @throws {NoDeploymentError} when the deployment has no such contract.
 * @example
 * const { address } = contractOf(client, "resourceLeases");
 */
export function contractOf(client: ConcordClientBase, key: ConcordContractKey): ConcordContract {
  const contract = client.contracts[key];
  if (!contract) throw new NoDeploymentError({ chainId: client.chainId, contract: concordContracts[key] });
  return contract;
}
