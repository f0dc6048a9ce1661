// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";

import {PlainOverridableGovernor} from "./PlainOverridableGovernor.sol";

/// @title PlainOverridableGovernorDefaultRuns
/// @notice PlainOverridableGovernor as is, compiled with Concord's default settings (optimizer runs 10,000, as the
/// plain Governor) instead of the community house's override (runs 200): this file has no override in
/// hardhat.config.ts, so its compilation job builds the imported peer with the default settings. The governance
/// gas benchmark (bench/governance.ts) measures both builds to tell what the features cost from what the
/// settings cost. Not part of Concord's deployment.
contract PlainOverridableGovernorDefaultRuns is PlainOverridableGovernor {
    /// @param token The ERC-5805 votes token with VotesExtended (past delegates and balances).
    /// @param timelock The TimelockController that executes.
    /// @param initialVotingDelay Seconds before voting starts.
    /// @param initialVotingPeriod Seconds of voting.
    /// @param initialProposalThreshold Votes the proposer needs.
    /// @param quorumNumeratorValue Quorum in percent of the past total supply.
    /// @param initialVoteExtension Seconds of voting guaranteed after the quorum is first reached.
    constructor(
        IVotes token,
        TimelockController timelock,
        uint48 initialVotingDelay,
        uint32 initialVotingPeriod,
        uint256 initialProposalThreshold,
        uint256 quorumNumeratorValue,
        uint48 initialVoteExtension
    )
        PlainOverridableGovernor(
            token,
            timelock,
            initialVotingDelay,
            initialVotingPeriod,
            initialProposalThreshold,
            quorumNumeratorValue,
            initialVoteExtension
        )
    {}
}
