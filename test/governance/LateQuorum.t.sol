// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {GovernorPreventLateQuorum} from "@openzeppelin/contracts/governance/extensions/GovernorPreventLateQuorum.sol";

import {IConcordHouse} from "../../contracts/governance/IConcordGovernance.sol";
import {GovernanceFixture} from "./GovernanceFixture.sol";

/// @notice The community house's late-quorum extension, which computes the quorum only for votes cast in the final
/// window (the last LATE_QUORUM seconds of voting): the deadline moves exactly when the quorum is first reached in
/// that window, as with OpenZeppelin's GovernorPreventLateQuorum. Quorum: 2 votes (floor) of 6 members.
contract LateQuorumTest is GovernanceFixture {
    uint256 internal id;
    uint256 internal deadline;

    function _open() internal {
        Proposal memory p = _single(address(community), abi.encodeCall(IConcordHouse.setQuorumFloor, (1)), "floor");
        id = _propose(community, p, members[5]);
        deadline = community.proposalDeadline(id);
        _toVoting(community, id);
    }

    function _vote(uint256 member, uint8 support) internal {
        vm.prank(members[member]);
        community.castVote(id, support);
    }

    function _toWindow() internal {
        vm.warp(deadline - 1 hours);
    }

    function test_lateQuorum_reachedBeforeWindow_deadlineKeptDespiteVotesInWindow() public {
        _open();
        _vote(0, 1);
        _vote(1, 2); // quorum (for + abstain) reached before the final window
        _toWindow();
        _vote(2, 1);
        _vote(3, 0);
        assertEq(community.proposalDeadline(id), deadline, "not extended");
    }

    /// @dev Invariant against OpenZeppelin's rule (reference model): the deadline moves exactly when the quorum
    /// (for + abstain >= 2) is first reached at a time t with t + LATE_QUORUM past the original deadline, to that
    /// t + LATE_QUORUM; otherwise it stays. Six members vote in turn with fuzzed supports and fuzzed gaps.
    function test_fuzz_lateQuorum_matchesOpenZeppelinRule(uint256 seed) public {
        _open();
        uint256 expected = deadline;
        uint256 count;
        bool reached;
        for (uint256 i = 0; i < MEMBERS; ++i) {
            uint256 next = block.timestamp + (uint256(keccak256(abi.encode(seed, i))) % 36 hours);
            if (next > community.proposalDeadline(id)) break;
            vm.warp(next);
            uint8 support = uint8(uint256(keccak256(abi.encode(seed, i, "support"))) % 3);
            _vote(i, support);
            if (support != 0) ++count;
            if (!reached && count >= 2) {
                reached = true;
                if (block.timestamp + LATE_QUORUM > deadline) expected = block.timestamp + LATE_QUORUM;
            }
            assertEq(community.proposalDeadline(id), expected, "deadline as OpenZeppelin's rule gives");
        }
    }

    function test_lateQuorum_againstVotesNeverReachQuorum() public {
        _open();
        _toWindow();
        _vote(0, 0);
        _vote(1, 0);
        assertEq(community.proposalDeadline(id), deadline, "against votes do not count for the quorum");
    }

    function test_lateQuorum_reachedInWindow_extendsOnce() public {
        _open();
        _vote(0, 1);
        _toWindow();
        uint256 extended = block.timestamp + LATE_QUORUM;
        vm.expectEmit(address(community));
        emit GovernorPreventLateQuorum.ProposalExtended(id, uint64(extended));
        _vote(1, 1);
        assertEq(community.proposalDeadline(id), extended, "extended");
        vm.warp(extended - 1 hours); // again in a final window, of the extended deadline
        _vote(2, 1);
        assertEq(community.proposalDeadline(id), extended, "extended once");
        vm.warp(extended + 1);
        assertEq(uint256(community.state(id)), 4, "Succeeded after the extended deadline");
    }

    function test_lateQuorum_overrideReachingQuorumInWindow_extends() public {
        vm.prank(members[1]);
        token.delegate(members[0]); // members[0] votes with 2
        vm.warp(block.timestamp + 1);
        _open();
        _vote(0, 0); // 2 against
        _vote(2, 1); // 1 for
        _toWindow();
        vm.prank(members[1]);
        community.castOverrideVote(id, 1, "for, not against"); // for: 2, against: 1
        assertEq(community.proposalDeadline(id), block.timestamp + LATE_QUORUM, "extended by the override");
    }

    function test_lateQuorum_overrideInWindowAfterQuorum_keepsDeadline() public {
        vm.prank(members[1]);
        token.delegate(members[0]);
        vm.warp(block.timestamp + 1);
        _open();
        _vote(0, 1); // 2 for: quorum reached before the window
        _toWindow();
        vm.prank(members[1]);
        community.castOverrideVote(id, 2, "abstain"); // for 1, abstain 1: still the quorum, reached before
        assertEq(community.proposalDeadline(id), deadline, "not extended");
    }
}
