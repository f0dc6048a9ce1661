/**
 * The app's pages as the scale benchmark reads them: each page is a function of a Concord SDK client, reading
 * what the page reads (the app's loaders in `app/src/data/loaders.ts`, the SDK's actions elsewhere). The same pages run through direct reads today; a client created with `reads: "indexer"` runs
 * them through the indexer (see `run.ts`, INDEXER HOOK).
 */
import type { Address } from "viem";

import { loadDaoEvents, loadDaoState, loadDirectory } from "../../app/src/data/loaders.ts";
import { loadDecisionOwners } from "../../app/src/data/decisionOwners.ts";
import { loadResourcesPage } from "../../app/src/data/leases.ts";
import type { ConcordClient } from "../../sdk/index.ts";
import { DEV_ACCOUNTS } from "../../scripts/seed.ts";

/** The viewer of the pages: Alice, steward of the DAO's top-level cell. */
const VIEWER: Address = DEV_ACCOUNTS[0]!.address;

export type Page = { name: string; read: (concord: ConcordClient) => Promise<unknown> };

/** The pages of issue 12's table, in its order. `proposalId` names the proposal whose ballots are read. */
export function pages(proposalId: () => bigint): Page[] {
  return [
    {
      name: "dashboard",
      read: async (concord) => {
        const [, events] = await Promise.all([loadDirectory(concord, VIEWER), loadDaoEvents(concord)]);
        return loadDaoState(concord, events, VIEWER);
      },
    },
    { name: "directory", read: (concord) => loadDirectory(concord, VIEWER) },
    {
      name: "a cell",
      read: (concord) =>
        Promise.all([
          concord.cells.getCell({ cellId: 2n }),
          concord.cells.getMembers({ cellId: 2n }),
          concord.cells.getJoinRequests({ cellId: 2n }),
          concord.cells.getActivity({ cellId: 2n, limit: 30 }),
          loadDecisionOwners(concord, [2n, 1n]),
        ]),
    },
    {
      name: "agreements",
      read: async (concord) => loadDaoState(concord, { ...(await loadDaoEvents(concord)), proposals: [] }),
    },
    {
      // The app's resources page: its first page (app/src/data/leases.ts, what the page's query reads).
      name: "resources",
      read: (concord) => loadResourcesPage(concord, { ownerCellId: null, cursor: null }),
    },
    // The app's proposals page and a proposal's ballots read one page each (PROPOSALS_PER_PAGE, BALLOTS_PER_PAGE).
    { name: "proposals", read: (concord) => concord.governance.listProposals({ limit: 20 }) },
    {
      name: "a proposal with its ballots",
      read: (concord) =>
        Promise.all([
          concord.governance.getProposal({ proposalId: proposalId() }),
          concord.governance.getProposalBallots({ proposalId: proposalId(), limit: 10 }),
        ]),
    },
  ];
}
