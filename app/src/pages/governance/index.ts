/** The governance pages (one lazy chunk): the proposals by stage, a new proposal, a proposal's page, the treasury. */
export { NewProposalPage } from "./NewProposalPage.tsx";
export { ProposalPage } from "./ProposalPage.tsx";
export { ProposalsPage } from "./ProposalsPage.tsx";
export { TreasuryPage } from "../treasury/index.ts";
