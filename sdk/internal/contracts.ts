/**
 * The one contract lookup of the SDK: the client's contract for a module, or a NoDeploymentError that names it;
 * and the one typed reader per contract built on it, {@link contractReader}.
 */
import type { Abi, ContractFunctionArgs, ContractFunctionName, ContractFunctionReturnType } from "viem";

import { concordContracts } from "../client.ts";
import type { ConcordClientBase, ConcordContract, ConcordContractKey } from "../client.ts";
import { NoDeploymentError } from "../errors.ts";
import { readAt } from "./block.ts";
import type { BlockParameters } from "./block.ts";
import { readFunction } from "./read.ts";
import type { ErrorCatalogue } from "./registry.ts";

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

/** What {@link contractReader} makes: reads one view function of a contract whose ABI is `abi`. */
export type ContractReader<abi extends Abi> = <
  const functionName extends ContractFunctionName<abi, "view" | "pure">,
  const args extends ContractFunctionArgs<abi, "view" | "pure", functionName>,
>(
  client: ConcordClientBase,
  functionName: functionName,
  args: args,
  block?: BlockParameters | undefined,
) => Promise<ContractFunctionReturnType<abi, "view" | "pure", functionName, args>>;

/**
 * A typed reader of one view function of the client's contract `key` (whose ABI is `abi`), at the block of `block`
 * (default: latest), with a refusal decoded in the words of `errors` — the module's catalogue, which the reader
 * references so that any bundle that reads the contract carries its messages (the cells' messages are the
 * decoder's core and need none). Bad block parameters are refused before the deployment is looked up, so that
 * they are named first. Each module makes its reader once, at the top of its `reads.ts` (`readRegistry`,
 * `readAgreements`, `readLeases`), with a `@__PURE__` annotation so that a bundle without its reads drops it.
 *
 * @example
 * const readLeases = contractReader("resourceLeases", resourceLeasesAbi, leaseErrorCatalogue);
 *
 * const [holder] = await readLeases(client, "leaseOf", [1n], { blockNumber: 12n });
 */
export function contractReader<const abi extends Abi>(
  key: ConcordContractKey,
  abi: abi,
  errors?: ErrorCatalogue | undefined,
): ContractReader<abi> {
  return async (client, functionName, args, block) => {
    const at = readAt(block);
    return readFunction(client, {
      contract: concordContracts[key],
      address: contractOf(client, key).address,
      abi,
      functionName,
      args,
      at,
      errors,
    });
  };
}
