/**
 * The SDK's indexer reader: the read path switch (`reads: "rpc" | "indexer" | "auto"`) and the list reads'
 * event-derived parts served by the Concord indexer (`indexer/`).
 */
export {
  DEFAULT_FRESHNESS_MS,
  DEFAULT_MAX_LAG_BLOCKS,
  DEFAULT_RECHECK_MS,
  MAX_FRESHNESS_MS,
} from "./switch.ts";
export { requireIndexedBlock } from "./written.ts";
export type { IndexerConfig, IndexerParameters, ReadsMode } from "./switch.ts";
export { IndexerUnavailableError, getReadPath, indexerStatus } from "./source.ts";
export type { GetReadPathErrorType, GetReadPathParameters, GetReadPathReturnType } from "./source.ts";
export type {
  ActivityRow,
  AgreementRow,
  BallotRow,
  CellRow,
  CreationRow,
  JoinRequestRow,
  LeaseGrantRow,
  MembershipRow,
  ResourceRow,
} from "./rows.ts";
