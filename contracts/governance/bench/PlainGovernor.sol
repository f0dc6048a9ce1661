// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Governor} from "@openzeppelin/contracts/governance/Governor.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {GovernorCountingSimple} from "@openzeppelin/contracts/governance/extensions/GovernorCountingSimple.sol";
import {GovernorSettings} from "@openzeppelin/contracts/governance/extensions/GovernorSettings.sol";
import {GovernorTimelockControl} from "@openzeppelin/contracts/governance/extensions/GovernorTimelockControl.sol";
import {GovernorVotes} from "@openzeppelin/contracts/governance/extensions/GovernorVotes.sol";
// solhint-disable-next-line max-line-length
import {GovernorVotesQuorumFraction} from "@openzeppelin/contracts/governance/extensions/GovernorVotesQuorumFraction.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {Multicall} from "@openzeppelin/contracts/utils/Multicall.sol";

/// @title PlainGovernor
/// @notice The plain single-house OpenZeppelin 5 DAO that Concord's two-house governance is measured against
/// (bench/governance.ts): Governor + GovernorSettings + GovernorCountingSimple + GovernorVotes +
/// GovernorVotesQuorumFraction + GovernorTimelockControl, executing through OpenZeppelin's TimelockController,
/// exactly as OpenZeppelin's Contracts Wizard composes it, compiled with Concord's compiler settings.
/// Its clock is its token's (PlainVotesToken: timestamps). Not part of Concord's deployment.
contract PlainGovernor is
    Governor,
    GovernorSettings,
    GovernorCountingSimple,
    GovernorVotes,
    GovernorVotesQuorumFraction,
    GovernorTimelockControl
{
    /// @param token The ERC-5805 votes token (past-timepoint snapshots).
    /// @param timelock The TimelockController that executes (this governor is its proposer and canceller).
    /// @param initialVotingDelay Seconds between proposal and the voting snapshot / start of voting.
    /// @param initialVotingPeriod Seconds of voting.
    /// @param initialProposalThreshold Votes the proposer needs one second before proposing.
    /// @param quorumNumeratorValue Quorum in percent of the token's past total supply.
    constructor(
        IVotes token,
        TimelockController timelock,
        uint48 initialVotingDelay,
        uint32 initialVotingPeriod,
        uint256 initialProposalThreshold,
        uint256 quorumNumeratorValue
    )
        Governor("PlainGovernor")
        GovernorSettings(initialVotingDelay, initialVotingPeriod, initialProposalThreshold)
        GovernorVotes(token)
        GovernorVotesQuorumFraction(quorumNumeratorValue)
        GovernorTimelockControl(timelock)
    {}

    /// @inheritdoc Governor
    function state(uint256 proposalId) public view override(Governor, GovernorTimelockControl) returns (ProposalState) {
        return super.state(proposalId);
    }

    /// @inheritdoc Governor
    function proposalNeedsQueuing(
        uint256 proposalId
    ) public view override(Governor, GovernorTimelockControl) returns (bool) {
        return super.proposalNeedsQueuing(proposalId);
    }

    /// @inheritdoc Governor
    function proposalThreshold() public view override(Governor, GovernorSettings) returns (uint256) {
        return super.proposalThreshold();
    }

    function _queueOperations(
        uint256 proposalId,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl) returns (uint48) {
        return super._queueOperations(proposalId, targets, values, calldatas, descriptionHash);
    }

    function _executeOperations(
        uint256 proposalId,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl) {
        super._executeOperations(proposalId, targets, values, calldatas, descriptionHash);
    }

    function _cancel(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl) returns (uint256) {
        return super._cancel(targets, values, calldatas, descriptionHash);
    }

    function _executor() internal view override(Governor, GovernorTimelockControl) returns (address) {
        return super._executor();
    }
}

/// @title PlainGovernorMulticall
/// @notice PlainGovernor plus OpenZeppelin's `Multicall`, for the benchmark's batch row only: the plain Governor
/// has no way to relay several signed votes in one transaction, so this variant wraps ten `castVoteBySig` calls
/// in one `multicall` (each call delegatecalls the governor itself). Not part of Concord's deployment.
contract PlainGovernorMulticall is PlainGovernor, Multicall {
    /// @param token The ERC-5805 votes token.
    /// @param timelock The TimelockController that executes.
    /// @param initialVotingDelay Seconds before voting starts.
    /// @param initialVotingPeriod Seconds of voting.
    /// @param initialProposalThreshold Votes the proposer needs.
    /// @param quorumNumeratorValue Quorum in percent of the past total supply.
    constructor(
        IVotes token,
        TimelockController timelock,
        uint48 initialVotingDelay,
        uint32 initialVotingPeriod,
        uint256 initialProposalThreshold,
        uint256 quorumNumeratorValue
    )
        PlainGovernor(
            token,
            timelock,
            initialVotingDelay,
            initialVotingPeriod,
            initialProposalThreshold,
            quorumNumeratorValue
        )
    {}
}
