import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

import { buildConcordDao } from "./dao.ts";

/**
 * Deploys the whole Concord DAO on an existing ERC-5805 votes token (parameter `votesToken`, e.g. an
 * ERC20Votes in timestamp mode) instead of Concord's membership token, and hands every power to the timelock.
 * Delegators can override their delegate's vote only if the token also implements OpenZeppelin's VotesExtended.
 */
export default buildModule("ConcordWithVotesToken", (m) => buildConcordDao(m, { existingVotesToken: true }));
