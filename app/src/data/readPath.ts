/**
 * The SDK's read-path check (`getReadPath`: is the indexer within its lag of the chain head?), in a chunk of
 * its own: only an app with an `indexerUrl` loads it.
 */
export { getReadPath } from "../../../sdk/index.ts";
