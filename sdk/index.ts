/**
 * Concord SDK: typed access to Concord's contracts on top of viem.
 *
 * - `createConcordClient({ publicClient, walletClient })` → `concord.cells.*`, `concord.agreements.*`,
 *   `concord.leases.*`, `concord.governance.*`
 * - every action is also exported on its own (tree-shakable): `getCell(concord, { cellId })`
 * - every error is a `ConcordError`; contract refusals are `ContractRefusalError`s with human messages
 * - `fromEthers` / `fromEip1193` adapt ethers v6 and raw EIP-1193 providers
 *
 * @example
 * import { createConcordClient, Roles } from "@concord-dao/sdk";
 *
 * const concord = createConcordClient({ publicClient, walletClient });
 * const { cellId } = await concord.cells.createCell({ name: "Treasury guild" });
 * await concord.cells.addMember({ cellId, account: alice, roles: Roles.MEMBER | Roles.STEWARD });
 */
export * from "./adapters/index.ts";
export * from "./agents/index.ts";
export * from "./agreements/index.ts";
export * from "./cellPage/index.ts";
export * from "./cells/index.ts";
export * from "./dashboard/index.ts";
export * from "./governance/index.ts";
export * from "./indexer/index.ts";
export * from "./leases/index.ts";
export { concordContracts, createConcordBaseClient, createConcordClient, getDeployment } from "./client.ts";
export {
  MULTICALL3_ADDRESS,
  readBatch,
  readBatchAtBlock,
  readBatchLimits,
  readBatchSettled,
} from "./internal/read.ts";
export type {
  BatchBlock,
  ReadBatchAtBlockErrorType,
  ReadBatchAtBlockParameters,
  ReadBatchAtBlockReturnType,
  ReadBatchErrorType,
  ReadBatchParameters,
  ReadBatchReturnType,
  ReadBatchSettledErrorType,
  ReadBatchSettledParameters,
  ReadBatchSettledReturnType,
} from "./internal/read.ts";
export { ScanLimitError, scanEvents, scanLimits, scanLogs } from "./internal/logs.ts";
export type {
  ClientScanProgress,
  LogFilter,
  ScanEventsErrorType,
  ScanEventsParameters,
  ScanEventsReturnType,
  ScanLogsErrorType,
  ScanLogsOptions,
  ScanLogsParameters,
  ScanLogsReturnType,
  ScanProgress,
} from "./internal/logs.ts";
export type {
  ConcordClient,
  ConcordClientBase,
  ConcordContract,
  ConcordContractKey,
  ConcordPublicClient,
  ConcordWalletClient,
  CreateConcordClientParameters,
  DeployedContract,
  Deployment,
} from "./client.ts";
export {
  ConcordError,
  ContractRefusalError,
  InvalidInputError,
  NoDeploymentError,
  TransactionRevertedError,
  WalletRequiredError,
  concordErrorMessages,
  decodeConcordError,
  defineErrorMessages,
  registerErrorCatalogue,
  shortAddress,
} from "./errors.ts";
export { commonErrorMessages } from "./internal/messages.ts";
export { MAX_PROPOSALS_EXAMINED, STAGE_FILTER_BATCH } from "./governance/aggregates.ts";
export type {
  ConcordContractName,
  ConcordErrorName,
  ConcordErrorParameters,
  ConcordErrorType,
  ContractRefusalErrorParameters,
  DecodeConcordErrorContext,
  ErrorCatalogue,
  ErrorMessageTable,
  ErrorMessages,
} from "./errors.ts";
export {
  agreementRegistryAbi,
  cellRegistryAbi,
  communityHouseAbi,
  concordMembershipAbi,
  concordTimelockAbi,
  governanceClassifierAbi,
  operationalHouseAbi,
  resourceLeasesAbi,
} from "./generated/abis.ts";
export { deployments } from "./generated/deployments.ts";
export { concordAbis } from "./internal/catalog.ts";
export type { BigIntish, Timestamp } from "./internal/validate.ts";
export type { Unwatch, WatchOptions, WatchedEvent } from "./internal/watch.ts";
export { bindActions } from "./internal/bind.ts";
export type {
  ActionParameters,
  ActionReturnType,
  BoundActions,
  BoundWriteAction,
  ConcordAction,
} from "./internal/bind.ts";
export { contractOf } from "./internal/contracts.ts";
export type {
  PrepareParameters,
  PreparedTransaction,
  SubmittedTransaction,
  WriteAction,
  WriteOptions,
  WriteResult,
} from "./internal/write.ts";
export { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT } from "./internal/page.ts";
export type { Page, PageParameters } from "./internal/page.ts";
