/**
 * The app's pages as the scale benchmark reads them: each page is a function of a Concord SDK client, reading
 * what the app's page reads, through the same plain (React-free) functions: the dashboard and the directory
 * through the SDK's `getDashboardDirectory` and `getDashboard` (which pick the read path as the app's client
 * does: `concord.tsx` runs them as its queries), the lists through their first page (`agreementList.ts`, `leases.ts`, the SDK's
 * paged reads). A client created with `reads: "indexer"` runs them through the indexer (see `run.ts`).
 */
import type { Address } from "viem";

import { loadAgreementListPage } from "../../app/src/data/agreementList.ts";
import { loadResourcesPage } from "../../app/src/data/leases.ts";
import { getCellPage, getDashboard, getDashboardDirectory } from "../../sdk/index.ts";
import type { ConcordClient } from "../../sdk/index.ts";
import { DEV_ACCOUNTS } from "../../scripts/seed.ts";

/** The viewer of the pages: Alice, steward of the DAO's top-level cell. */
const VIEWER: Address = DEV_ACCOUNTS[0]!.address;

export type Page = { name: string; read: (concord: ConcordClient) => Promise<unknown> };

/** The pages of issue 12's table, in its order. `proposalId` names the proposal whose ballots are read. */
export function pages(proposalId: () => bigint): Page[] {
  return [
    {
      // The app's dashboard: the directory query (every page's) and the dashboard query without the directory
      // (concord.tsx's useDirectory and useDaoEvents/useDaoState). Indexer: 2 requests to it and ONE eth_call.
      name: "dashboard",
      read: (concord) =>
        Promise.all([
          getDashboardDirectory(concord, { account: VIEWER }),
          getDashboard(concord, { account: VIEWER, directory: false }),
        ]),
    },
    {
      // The app's directory (CellsPage, and the shell's "Playing as"): its query alone. Indexer: 1 request.
      name: "directory",
      read: (concord) => getDashboardDirectory(concord, { account: VIEWER }),
    },
    {
      // The app's cell page (app/src/data/cells.ts, `useCellPage`): the SDK's getCellPage with the app's page size.
      // Indexer: ONE request carries the cell's details, the first pages of members and join requests, the activity
      // and the decision owners of the cell and its ancestors. Direct: the SDK's reads at one pinned block.
      name: "a cell",
      read: (concord) => getCellPage(concord, { cellId: 2n, membersLimit: 50 }),
    },
    {
      // The app's agreements page: its first page, newest first (app/src/data/agreementList.ts).
      name: "agreements",
      read: (concord) =>
        loadAgreementListPage(concord, { status: "all", mine: false, cellId: null }, null, null),
    },
    {
      // The app's resources page: its first page (app/src/data/leases.ts, what the page's query reads).
      name: "resources",
      read: (concord) => loadResourcesPage(concord, { ownerCellId: null, cursor: null }),
    },
    // The app's proposals page: its first page of PROPOSALS_PER_PAGE = 20 (app/src/data/governance.ts,
    // `useProposalPages`; those hook modules load React and the app's shell, so the figures are copied here).
    { name: "proposals", read: (concord) => concord.governance.listProposals({ limit: 20 }) },
    {
      // The app's proposal page: the proposal with its first BALLOTS_PER_PAGE = 10 ballots in one read
      // (`useProposal`); "Next" reads the following ballots from `ballots.next` (getProposalBallots).
      name: "a proposal with its ballots",
      read: (concord) =>
        concord.governance.getProposalWithBallots({
          proposalId: proposalId(),
          ballots: { limit: 10 },
        }),
    },
  ];
}
