// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {GovernorSettings} from "@openzeppelin/contracts/governance/extensions/GovernorSettings.sol";

import {ICellRegistry, ROLE_MEMBER, ROLE_STEWARD, ROLE_DELEGATE} from "../../contracts/cells/ICellRegistry.sol";
import {
    ICommunityHouse,
    IConcordHouse,
    IConcordTimelock,
    IOperationalHouse
} from "../../contracts/governance/IConcordGovernance.sol";
import {ConcordTimelock} from "../../contracts/governance/ConcordTimelock.sol";
import {GovernanceFixture, Box, EvilBox} from "./GovernanceFixture.sol";

/// @notice A beacon, or a proxy that exposes its implementation: `implementation()` and a swap.
contract UpgradeableTarget {
    address public implementation;

    constructor(address implementation_) {
        implementation = implementation_;
    }

    function upgradeTo(address newImplementation) external {
        implementation = newImplementation;
    }

    fallback() external payable {
        address impl = implementation;
        assembly {
            calldatacopy(0, 0, calldatasize())
            let ok := delegatecall(gas(), impl, 0, calldatasize(), 0, 0)
            returndatacopy(0, 0, returndatasize())
            if iszero(ok) {
                revert(0, returndatasize())
            }
            return(0, returndatasize())
        }
    }

    receive() external payable {}
}

/// @notice A wallet deployed after a payment to its address was proposed (a counterfactual Safe).
contract Wallet {
    receive() external payable {}
}

/// @notice Issue 10: each of the eight findings, reproduced, now fails to do harm (contracts).
/// Topology of finding 1 (the demo's): ALICE stewards the root cell; INFRA and COMM below it are recognised,
/// each with its own steward and delegate.
contract FindingsTest is GovernanceFixture {
    address internal constant ALICE = address(0xA11CE);
    address internal constant INFRA_STEWARD = address(0x1F5A);
    address internal constant INFRA_DELEGATE = address(0x1F5D);
    address internal constant NEWCOMER = address(0x4E3C);

    uint256 internal root;
    uint256 internal infra;

    function setUp() public override {
        super.setUp();
        vm.startPrank(ALICE);
        root = registry.createCell(0, "Concord DAO", "", bytes32(0));
        infra = registry.createCell(root, "Infra", "", bytes32(0));
        registry.addMember(infra, INFRA_STEWARD, ROLE_MEMBER | ROLE_STEWARD);
        registry.addMember(infra, INFRA_DELEGATE, ROLE_MEMBER | ROLE_DELEGATE);
        vm.stopPrank();
        vm.prank(address(timelock)); // a governance decision (executed recognition)
        registry.setRecognised(infra, true);
        vm.warp(block.timestamp + registry.SEAT_DELAY() + 1);
    }

    // ─────────────────────────────────────────────────────────────── 1. seat capture (S1, S2)

    function test_finding1_ancestorStewardCannotTakeASeat() public {
        vm.startPrank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(ICellRegistry.CellSeatChangeNotOwnSteward.selector, infra, ALICE));
        registry.setRoles(infra, INFRA_DELEGATE, ROLE_MEMBER);
        vm.expectRevert(abi.encodeWithSelector(ICellRegistry.CellSeatChangeNotOwnSteward.selector, infra, ALICE));
        registry.addMember(infra, ALICE, ROLE_MEMBER | ROLE_STEWARD);
        vm.expectRevert(abi.encodeWithSelector(ICellRegistry.CellSeatChangeNotOwnSteward.selector, infra, ALICE));
        registry.removeMember(infra, INFRA_DELEGATE);
        // Ordinary membership stays with the ancestors.
        registry.addMember(infra, NEWCOMER, ROLE_MEMBER);
        vm.stopPrank();
        assertEq(registry.delegateOf(infra), INFRA_DELEGATE, "seat unchanged");
    }

    function test_finding1_oneSeatPerAccount() public {
        vm.startPrank(INFRA_STEWARD);
        registry.setRoles(infra, INFRA_DELEGATE, ROLE_MEMBER);
        vm.expectRevert(abi.encodeWithSelector(ICellRegistry.CellAccountHoldsSeat.selector, delegates[0], infra));
        registry.addMember(infra, delegates[0], ROLE_MEMBER | ROLE_DELEGATE);
        vm.stopPrank();
        for (uint256 i = 0; i < SEATS; ++i) assertLe(registry.seatsOf(delegates[i]), 1, "at most one seat");
    }

    function test_finding1_seatChangeWaitsAndCannotHijackAnOpenProposal() public {
        Proposal memory p = _store(11);
        uint256 id = _propose(op, p, delegates[0]);
        // The cell's own steward replaces its delegate just after the proposal opened.
        vm.startPrank(INFRA_STEWARD);
        registry.setRoles(infra, INFRA_DELEGATE, ROLE_MEMBER);
        registry.addMember(infra, NEWCOMER, ROLE_MEMBER | ROLE_DELEGATE);
        vm.stopPrank();
        assertEq(registry.seatsOf(NEWCOMER), 1, "seat booked");
        assertEq(registry.getVotes(NEWCOMER), 0, "no vote before the seat delay");
        _toVoting(op, id);
        uint256 snapshot = op.proposalSnapshot(id);
        assertEq(op.getVotes(NEWCOMER, snapshot), 0, "the open proposal is out of its reach");
        assertEq(op.getVotes(INFRA_DELEGATE, snapshot), 1, "the holder at opening votes");
        vm.warp(block.timestamp + registry.SEAT_DELAY());
        assertEq(registry.getVotes(NEWCOMER), 1, "counts after the delay");
    }

    function test_finding1_communityRemedyWithoutTheOperationalHouse() public {
        Proposal memory p = _single(
            address(registry),
            abi.encodeCall(ICellRegistry.setRecognised, (infra, false)),
            "un-recognise Infra"
        );
        uint256 id = _propose(community, p, members[0]);
        _toVoting(community, id);
        _memberVotes(id, 4, 1); // 4 of 6: two thirds
        _toEnd(community, id);
        _propose(op, p, OUTSIDER);
        assertTrue(op.isRemedy(id), "remedy");
        _toVoting(op, id);
        _seatVotes(id, SEATS, 0); // every seat against
        vm.prank(INFRA_DELEGATE);
        op.castVote(id, 0);
        _toEnd(op, id);
        assertEq(uint8(op.state(id)), uint8(IGovernor.ProposalState.Succeeded), "passes without the seats");
        _queue(op, p);
        vm.warp(block.timestamp + CONST_DELAY);
        _execute(op, p);
        assertFalse(registry.isRecognised(infra), "un-recognised");
    }

    function test_finding1_noRemedyBelowTwoThirds() public {
        Proposal memory p = _single(
            address(registry),
            abi.encodeCall(ICellRegistry.setRecognised, (infra, false)),
            "un-recognise Infra"
        );
        uint256 id = _propose(community, p, members[0]);
        _toVoting(community, id);
        _memberVotes(id, 3, 1); // half
        _toEnd(community, id);
        _propose(op, p, OUTSIDER);
        assertFalse(op.isRemedy(id), "an ordinary constitutional proposal");
        _toVoting(op, id);
        _seatVotes(id, 3, 0);
        _toEnd(op, id);
        assertEq(uint8(op.state(id)), uint8(IGovernor.ProposalState.Defeated), "the seats decide");
    }

    // ─────────────────────────────────────────────────────────────── 2. freeze (S3)

    function test_finding2_unheldSeatsNeverWeighOnTheQuorum() public {
        // Four fixture cells un-recognised, a new recognised cell without a delegate: one held seat plus INFRA.
        vm.startPrank(address(timelock));
        for (uint256 i = 1; i < SEATS; ++i) registry.setRecognised(cellIds[i], false);
        vm.stopPrank();
        vm.prank(INFRA_DELEGATE);
        registry.leave(infra);
        vm.prank(STEWARD);
        uint256 empty = registry.createCell(0, "empty", "", bytes32(0));
        vm.prank(address(timelock));
        registry.setRecognised(empty, true);
        vm.warp(block.timestamp + registry.SEAT_DELAY() + 1);
        assertEq(registry.recognisedCount(), 3, "three recognised cells");
        assertEq(registry.heldSeats(), 1, "one held seat");

        Proposal memory p = _store(21);
        uint256 id = _propose(op, p, delegates[0]);
        _toVoting(op, id);
        assertEq(op.quorum(op.proposalSnapshot(id)), 1, "quorum = held seats, under the floor of 2");
        _seatVotes(id, 1, 1);
        _toEnd(op, id);
        assertEq(uint8(op.state(id)), uint8(IGovernor.ProposalState.Succeeded), "not frozen");
    }

    function test_finding2_settersRefuseFreezingValues() public {
        vm.startPrank(address(timelock));
        vm.expectRevert(abi.encodeWithSelector(IConcordHouse.HouseSettingOutOfBounds.selector, 365 days, 6 days));
        community.setVotingDelay(365 days);
        vm.expectRevert(abi.encodeWithSelector(IConcordHouse.HouseSettingOutOfBounds.selector, 365 days, 30 days));
        community.setVotingPeriod(365 days);
        vm.expectRevert(abi.encodeWithSelector(IConcordHouse.HouseSettingOutOfBounds.selector, 365 days, 14 days));
        community.setLateQuorumVoteExtension(365 days);
        // A floor above the supply is accepted but capped: the quorum never exceeds the votes that exist.
        community.setQuorumFloor(1_000);
        vm.stopPrank();
        assertEq(community.quorum(block.timestamp - 1), MEMBERS, "community quorum capped at its supply");

        ConcordTimelock bounded = new ConcordTimelock(1 days, new address[](0), new address[](0), address(this));
        vm.prank(address(bounded));
        vm.expectRevert(abi.encodeWithSelector(IConcordTimelock.TimelockDelayOutOfBounds.selector, 365 days, 30 days));
        bounded.updateDelay(365 days);
        vm.expectRevert(abi.encodeWithSelector(IConcordTimelock.TimelockDelayOutOfBounds.selector, 31 days, 30 days));
        new ConcordTimelock(31 days, new address[](0), new address[](0), address(this));
    }

    function test_finding2_operationalSettersBoundedThroughGovernance() public {
        Proposal memory p = _single(
            address(op),
            abi.encodeCall(IOperationalHouse.setConstitutionalDelay, (365 days)),
            "freeze by delay"
        );
        _queuedConstitutional(p);
        vm.warp(block.timestamp + CONST_DELAY);
        vm.expectRevert(); // the timelock bubbles HouseSettingOutOfBounds(365 days, 30 days)
        _execute(op, p);
        assertEq(op.constitutionalDelay(), CONST_DELAY, "unchanged");
    }

    // ─────────────────────────────────────────────────────────────── 3. classifier gap (S4)

    function test_finding3_membershipCallsFromTheTimelockAreConstitutional() public {
        bytes[5] memory calls = [
            abi.encodeCall(ICellRegistry.addMember, (infra, NEWCOMER, ROLE_MEMBER | ROLE_DELEGATE)),
            abi.encodeCall(ICellRegistry.setRoles, (infra, INFRA_DELEGATE, ROLE_MEMBER)),
            abi.encodeCall(ICellRegistry.removeMember, (infra, INFRA_DELEGATE)),
            abi.encodeCall(ICellRegistry.approveJoin, (infra, NEWCOMER)),
            abi.encodeCall(ICellRegistry.leave, (infra))
        ];
        for (uint256 i = 0; i < calls.length; ++i) {
            Proposal memory p = _single(address(registry), calls[i], "rewrite seats");
            vm.prank(delegates[0]);
            vm.expectRevert();
            op.propose(p.targets, p.values, p.calldatas, p.description);
            assertTrue(classifier.isConstitutionalCall(address(registry), calls[i]), "constitutional");
        }
    }

    // ─────────────────────────────────────────────────────────────── 4. mandates that never lapse (S5)

    function test_finding4_communityApprovalLapses() public {
        Proposal memory p = _single(address(community), abi.encodeCall(IConcordHouse.setQuorumFloor, (1)), "late");
        uint256 id = _propose(community, p, members[0]);
        _toVoting(community, id);
        _memberVotes(id, 4, 1);
        _toEnd(community, id);
        uint256 carryBy = community.proposalDeadline(id) + op.CARRY_WINDOW();
        vm.warp(carryBy + 1);
        vm.prank(OUTSIDER);
        vm.expectRevert(abi.encodeWithSelector(IOperationalHouse.OperationalCarryWindowClosed.selector, id, carryBy));
        op.propose(p.targets, p.values, p.calldatas, p.description);
    }

    function test_finding4_operationalProposalMustBeQueuedAndExecutedInTime() public {
        Proposal memory p = _store(41);
        uint256 id = _propose(op, p, delegates[0]);
        _toVoting(op, id);
        _seatVotes(id, 3, 1);
        vm.warp(op.proposalDeadline(id) + op.QUEUE_WINDOW() + 1);
        assertEq(uint8(op.state(id)), uint8(IGovernor.ProposalState.Expired), "not queued in time");
        vm.expectRevert();
        _queue(op, p);

        Proposal memory q = _store(42);
        uint256 qid = _queuedOperational(q);
        vm.warp(op.proposalEta(qid) + op.GRACE_PERIOD() + 1);
        assertEq(uint8(op.state(qid)), uint8(IGovernor.ProposalState.Expired), "not executed in time");
        vm.expectRevert();
        _execute(op, q);
        assertEq(box.value(), 0, "nothing executed");
    }

    // ─────────────────────────────────────────────────────────────── 5. guardian (S6)

    function test_finding5_guardianCannotCancelItsRemoval() public {
        Proposal memory p = _single(
            address(op),
            abi.encodeWithSignature("setProposalGuardian(address)", address(0)),
            "remove the guardian"
        );
        uint256 id = _propose(community, p, members[0]);
        vm.prank(GUARDIAN);
        vm.expectRevert(abi.encodeWithSelector(IConcordHouse.HouseGuardianCannotCancel.selector, id, GUARDIAN));
        community.cancel(p.targets, p.values, p.calldatas, keccak256(bytes(p.description)));
        _toVoting(community, id);
        _memberVotes(id, 4, 1);
        _toEnd(community, id);
        _propose(op, p, OUTSIDER);
        _toVoting(op, id);
        _toEnd(op, id);
        _queue(op, p);
        vm.warp(op.proposalEta(id) - 1);
        vm.prank(GUARDIAN);
        vm.expectRevert(abi.encodeWithSelector(IConcordHouse.HouseGuardianCannotCancel.selector, id, GUARDIAN));
        op.cancel(p.targets, p.values, p.calldatas, keccak256(bytes(p.description)));
        vm.warp(op.proposalEta(id));
        _execute(op, p);
        assertEq(op.proposalGuardian(), address(0), "guardian removed");
    }

    // ─────────────────────────────────────────────────────────────── 6. proposal-id squatting (S7)

    function test_finding6_proposerSuffixStopsSquatting() public {
        Proposal memory p = _store(61);
        p.description = string.concat("store 61#proposer=", _hex(delegates[0]));
        vm.prank(delegates[1]);
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorRestrictedProposer.selector, delegates[1]));
        op.propose(p.targets, p.values, p.calldatas, p.description);
        _propose(op, p, delegates[0]);
    }

    // ─────────────────────────────────────────────────────────────── 7. expelled delegates (S8)

    function test_finding7_expelledMemberCastsNoVoteAndDelegatorsKeepTheirs() public {
        vm.prank(members[1]);
        token.delegate(members[0]);
        vm.prank(members[2]);
        token.delegate(members[0]);
        vm.warp(block.timestamp + 1);
        assertEq(token.getVotes(members[0]), 3, "three votes before");
        vm.prank(address(timelock));
        token.burn(members[0]);
        Proposal memory p = _single(address(community), abi.encodeCall(IConcordHouse.setQuorumFloor, (1)), "x");
        uint256 id = _propose(community, p, members[3]);
        _toVoting(community, id);
        vm.prank(members[0]);
        assertEq(community.castVote(id, 1), 0, "expelled: no vote");
        vm.prank(members[1]);
        assertEq(community.castVote(id, 1), 1, "delegator votes its own");
        vm.prank(members[2]);
        assertEq(community.castVote(id, 0), 1, "delegator votes its own");
        (uint256 against, uint256 forVotes, ) = community.proposalVotes(id);
        assertEq(forVotes, 1, "for");
        assertEq(against, 1, "against");
    }

    // ─────────────────────────────────────────────────────────────── 8. code pinning (S9)

    function test_finding8_implementationSwapIsRefused() public {
        Box impl = new Box();
        UpgradeableTarget proxy = new UpgradeableTarget(address(impl));
        Proposal memory p = _single(address(proxy), abi.encodeCall(Box.store, (81)), "via proxy");
        uint256 id = _queuedOperational(p);
        proxy.upgradeTo(address(new EvilBox()));
        vm.warp(op.proposalEta(id));
        vm.expectRevert(); // OperationalCodeChanged: the implementation is pinned too
        _execute(op, p);
    }

    function test_finding8_paymentToCounterfactualWalletStillExecutes() public {
        address wallet = address(0xC0FFEE);
        Proposal memory p = _single(wallet, "", "pay the wallet");
        p.values[0] = 1 ether;
        vm.deal(address(timelock), 1 ether);
        uint256 id = _queuedOperational(p);
        vm.etch(wallet, address(new Wallet()).code); // the Safe is deployed meanwhile
        vm.warp(op.proposalEta(id));
        _execute(op, p);
        assertEq(wallet.balance, 1 ether, "paid");
    }

    function test_finding8_callToCounterfactualAddressStaysPinned() public {
        address wallet = address(0xC0FFEF);
        Proposal memory p = _single(wallet, abi.encodeCall(Box.store, (1)), "call the wallet");
        uint256 id = _queuedOperational(p);
        vm.etch(wallet, address(new Box()).code);
        vm.warp(op.proposalEta(id));
        vm.expectRevert();
        _execute(op, p);
    }

    function _hex(address account) internal pure returns (string memory) {
        bytes memory digits = "0123456789abcdef";
        bytes memory out = new bytes(42);
        out[0] = "0";
        out[1] = "x";
        uint160 value = uint160(account);
        for (uint256 i = 41; i > 1; --i) {
            out[i] = digits[value & 0xf];
            value >>= 4;
        }
        return string(out);
    }
}
