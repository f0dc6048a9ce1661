/**
 * The one contract lookup of the SDK: the client's contract for a module, or a NoDeploymentError that names it;
 * and the one signature of the typed reader of each contract, {@link ContractReader}.
 */
import type { Abi, ContractFunctionArgs, ContractFunctionName, ContractFunctionReturnType } from "viem";

import { concordContracts } from "../client.ts";
import type { ConcordClientBase, ConcordContract, ConcordContractKey } from "../client.ts";
import { NoDeploymentError } from "../errors.ts";
import type { BlockParameters } from "./block.ts";

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

/**
 * The one signature of the modules' typed readers (`readRegistry`, `readAgreements`, `readLeases`): one view function
 * of the client's contract whose ABI is `abi`, at the block of `block` (default: latest), with a refusal decoded in
 * the module's words. Each reader is a one-call body over `readFunction` (no shared factory: a one-read bundle would
 * carry the factory too); bad block parameters are checked before the deployment is looked up, so they are named
 * first.
 *
 * @example
 * export const readLeases: ContractReader<typeof resourceLeasesAbi> = async (client, functionName, args, block) =>
 *   readFunction(client, { at: readAt(block), contract: "ResourceLeases", ... });
 */
export type ContractReader<abi extends Abi> = <
  const functionName extends ContractFunctionName<abi, "view" | "pure">,
  const args extends ContractFunctionArgs<abi, "view" | "pure", functionName>,
>(
  client: ConcordClientBase,
  functionName: functionName,
  args: args,
  block?: BlockParameters | undefined,
) => Promise<ContractFunctionReturnType<abi, "view" | "pure", functionName, args>>;
