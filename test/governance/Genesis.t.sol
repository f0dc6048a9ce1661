// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";

import {ICellRegistry} from "../../contracts/cells/ICellRegistry.sol";
import {GovernanceFixture} from "./GovernanceFixture.sol";

/// @notice A DAO at genesis: no cell recognised yet, so the operational house has no seats. The community's
/// constitutional proposals pass the operational house without seat votes (genesis rule); operational
/// proposals cannot pass at all.
contract GenesisTest is GovernanceFixture {
    function _recogniseAtSetup() internal pure override returns (bool) {
        return false;
    }

    function test_genesis_communityRecognisesTheFirstCells() public {
        assertEq(registry.recognisedCount(), 0, "no seats");
        address[] memory targets = new address[](2);
        uint256[] memory values = new uint256[](2);
        bytes[] memory calldatas = new bytes[](2);
        targets[0] = address(registry);
        targets[1] = address(registry);
        calldatas[0] = abi.encodeCall(ICellRegistry.setRecognised, (cellIds[0], true));
        calldatas[1] = abi.encodeCall(ICellRegistry.setRecognised, (cellIds[1], true));
        Proposal memory p = Proposal(targets, values, calldatas, "recognise the first cells");

        uint256 id = _propose(community, p, members[0]);
        _toVoting(community, id);
        _memberVotes(id, 4, 1);
        _toEnd(community, id);
        _propose(op, p, OUTSIDER);
        _toVoting(op, id);
        vm.prank(delegates[0]);
        assertEq(op.castVote(id, 0), 0, "no seat to vote with");
        _toEnd(op, id);
        assertEq(uint8(op.state(id)), uint8(IGovernor.ProposalState.Succeeded), "genesis rule");
        _queue(op, p);
        vm.warp(block.timestamp + CONST_DELAY);
        _execute(op, p);
        assertEq(registry.recognisedCount(), 2, "two cells recognised");
        assertEq(registry.seatsOf(delegates[0]), 1, "their delegates hold seats");
    }

    function test_genesis_operationalProposalsCannotPass() public {
        Proposal memory p = _store(1);
        uint256 id = _propose(op, p, delegates[0]);
        _toEnd(op, id);
        assertEq(uint8(op.state(id)), uint8(IGovernor.ProposalState.Defeated), "no seats, no operational decision");
    }

    function test_genesis_communityStillDecides() public {
        Proposal memory p = _single(
            address(registry),
            abi.encodeCall(ICellRegistry.setRecognised, (cellIds[0], true)),
            "x"
        );
        uint256 id = _propose(community, p, members[0]);
        _toEnd(community, id);
        assertEq(uint8(community.state(id)), uint8(IGovernor.ProposalState.Defeated), "no community vote: defeated");
        vm.expectRevert();
        _propose(op, p, OUTSIDER);
    }
}
