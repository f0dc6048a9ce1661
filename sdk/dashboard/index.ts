/**
 * The dashboard module: the members' app's dashboard and directory as SDK reads, on either read path. Exported
 * flat (`getDashboard(concord, { account })`), not bound on the client: a page read across every module, which a
 * client of one module should not carry.
 */
export { getDashboard, getDashboardDirectory } from "./actions.ts";
export type {
  GetDashboardDirectoryErrorType,
  GetDashboardDirectoryReturnType,
  GetDashboardErrorType,
  GetDashboardReturnType,
} from "./actionTypes.ts";
export { dashboardCellOf, directoryOf } from "./plan.ts";
export { DASHBOARD_SHOWN, MAX_DASHBOARD_ACCOUNTS, MAX_DASHBOARD_CELLS } from "./types.ts";
export type {
  AgreementState,
  Dashboard,
  DashboardCell,
  DashboardDirectory,
  DashboardEvents,
  DashboardStanding,
  DashboardState,
  GetDashboardDirectoryParameters,
  GetDashboardParameters,
  DashboardHouseProposalState,
  IntentEntry,
  PendingJoin,
  ProposalCreationEvent,
  ProposalEvents,
  DashboardProposalState,
  ProposedAgreement,
  RegisteredResource,
  ResourceState,
  StateEntry,
} from "./types.ts";
