/**
 * What the indexer chunk (`indexer.ts`) takes from the first load's code, in one place: the app's shell
 * (`concord.tsx`) passes it to the chunk, and Node callers (the indexer tests, the scale bench) pass the same.
 */
import { getAddress } from "viem";

import {
  ConcordError,
  cellFromInfo,
  readBatchLimits,
  readBatchSettled,
  scaleForMemberCount,
} from "../../../sdk/index.ts";
import type { IndexerTools } from "./indexer.ts";
import { directoryOf, planDaoState } from "./loaders.ts";

export const indexerTools: IndexerTools = {
  getAddress,
  readBatchSettled,
  planDaoState,
  directoryOf,
  cellFromInfo,
  scaleForMemberCount,
  ConcordError,
  callsPerBatch: readBatchLimits.callsPerBatch,
};
