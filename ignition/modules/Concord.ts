import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

import { buildConcordDao } from "./dao.ts";

/**
 * Deploys the whole Concord DAO — registries, agreements, leases, the membership token (non-transferable,
 * one member one vote; founding members from the `initialMembers` parameter), the timelock, the classifier and
 * both houses — and hands every power to the timelock. Parameters and defaults: `DAO_DEFAULTS` in ./dao.ts.
 * A DAO that already has an ERC-5805 votes token deploys ./ConcordWithVotesToken.ts instead.
 */
export default buildModule("Concord", (m) => buildConcordDao(m, { existingVotesToken: false }));
