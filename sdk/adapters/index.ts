/**
 * Adapters from other stacks to the viem clients Concord takes.
 */
export { fromEip1193 } from "./eip1193.ts";
export type { Eip1193ProviderLike, FromEip1193Options } from "./eip1193.ts";
export { ethersSignerToAccount, fromEthers } from "./ethers.ts";
export type { EthersProviderLike, EthersSignerLike, FromEthersParameters } from "./ethers.ts";
export { chainFromId } from "./shared.ts";
export type { AdapterClients, AdapterOptions } from "./shared.ts";
