// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";

import {IConcordTimelock} from "./IConcordGovernance.sol";

/// @title ConcordTimelock
/// @notice OpenZeppelin's TimelockController, unchanged, under Concord's name (so that it has an artifact to
/// deploy and an ABI in the SDK). It holds every governance power of a Concord DAO. Its minimum delay is the
/// operational delay, which is the community house's veto window; constitutional proposals are scheduled with the
/// operational house's longer constitutional delay. Proposer and executor: the operational house only;
/// cancellers: both houses (guardian cancel, veto). After deployment its admin is itself. One change to
/// OpenZeppelin's: the minimum delay is bounded by {MAX_DELAY} (an enormous delay would freeze governance).
contract ConcordTimelock is TimelockController, IConcordTimelock {
    /// @notice The longest minimum delay governance may set (30 days).
    uint256 public constant MAX_DELAY = 30 days;

    /// @param minDelay the operational delay (veto window), in seconds.
    /// @param proposers accounts granted PROPOSER_ROLE and CANCELLER_ROLE.
    /// @param executors accounts granted EXECUTOR_ROLE (never the zero address in Concord).
    /// @param admin optional bootstrap admin that grants the houses' roles and then renounces (zero for none).
    constructor(
        uint256 minDelay,
        address[] memory proposers,
        address[] memory executors,
        address admin
    ) TimelockController(minDelay, proposers, executors, admin) {
        if (minDelay > MAX_DELAY) revert TimelockDelayOutOfBounds(minDelay, MAX_DELAY);
    }

    /// @notice As OpenZeppelin's (only the timelock itself), refusing a delay above {MAX_DELAY}.
    function updateDelay(uint256 newDelay) public override {
        if (newDelay > MAX_DELAY) revert TimelockDelayOutOfBounds(newDelay, MAX_DELAY);
        super.updateDelay(newDelay);
    }
}
