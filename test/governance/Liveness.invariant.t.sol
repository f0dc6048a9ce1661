// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";

import {Vm} from "../utils/Test.sol";
import {CellRegistry} from "../../contracts/cells/CellRegistry.sol";
import {ICellRegistry, ROLE_MEMBER, ROLE_DELEGATE} from "../../contracts/cells/ICellRegistry.sol";
import {ConcordMembership} from "../../contracts/governance/ConcordMembership.sol";
import {GovernanceClassifier} from "../../contracts/governance/GovernanceClassifier.sol";
import {IConcordHouse} from "../../contracts/governance/IConcordGovernance.sol";
import {OperationalHouse} from "../../contracts/governance/OperationalHouse.sol";
import {GovernanceFixture, ICommunityHouseUnderTest} from "./GovernanceFixture.sol";

/// @notice S3: random sequences of recognition, un-recognition, delegate changes, leaves, membership changes,
/// delegations, parameter changes and time; `checkLiveness` runs a constitutional proposal that a unanimous
/// community and every held seat vote for, and records a failure when it is not executed in bounded time.
contract LivenessHandler {
    Vm internal constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    CellRegistry public immutable registry;
    ConcordMembership public immutable token;
    OperationalHouse public immutable op;
    ICommunityHouseUnderTest public immutable community;
    address public immutable timelock;
    address public immutable steward;
    uint256[] internal _cells;
    address[] internal _accounts;

    uint256 public checks;
    uint256 public failures;
    string public firstFailure;

    constructor(
        CellRegistry registry_,
        ConcordMembership token_,
        OperationalHouse op_,
        ICommunityHouseUnderTest community_,
        address timelock_,
        address steward_,
        uint256[] memory cells_,
        address[] memory accounts_
    ) {
        registry = registry_;
        token = token_;
        op = op_;
        community = community_;
        timelock = timelock_;
        steward = steward_;
        _cells = cells_;
        _accounts = accounts_;
    }

    // ─────────────────────────────────────────────────────────────── state changes

    function recognise(uint256 cellSeed, bool recognised) external {
        vm.prank(timelock);
        try registry.setRecognised(_cells[cellSeed % _cells.length], recognised) {} catch {}
    }

    function appoint(uint256 cellSeed, uint256 accountSeed) external {
        uint256 cell = _cells[cellSeed % _cells.length];
        address account = _accounts[accountSeed % _accounts.length];
        address current = registry.delegateOf(cell);
        vm.startPrank(steward);
        if (current != address(0)) try registry.setRoles(cell, current, ROLE_MEMBER) {} catch {}
        uint8 roles = registry.rolesOf(cell, account);
        if (roles == 0) {
            try registry.addMember(cell, account, ROLE_MEMBER | ROLE_DELEGATE) {} catch {}
        } else {
            try registry.setRoles(cell, account, roles | ROLE_DELEGATE) {} catch {}
        }
        vm.stopPrank();
    }

    function leave(uint256 cellSeed) external {
        uint256 cell = _cells[cellSeed % _cells.length];
        address current = registry.delegateOf(cell);
        if (current == address(0)) return;
        vm.prank(current);
        registry.leave(cell);
    }

    function admit(uint256 accountSeed) external {
        vm.prank(timelock);
        try token.mint(_accounts[accountSeed % _accounts.length]) {} catch {}
    }

    function expel(uint256 accountSeed) external {
        if (token.getPastTotalSupply(block.timestamp - 1) <= 1 || _members() <= 1) return; // keep a community
        vm.prank(timelock);
        try token.burn(_accounts[accountSeed % _accounts.length]) {} catch {}
    }

    function delegateVote(uint256 fromSeed, uint256 toSeed) external {
        vm.prank(_accounts[fromSeed % _accounts.length]);
        token.delegate(_accounts[toSeed % _accounts.length]);
    }

    function setParameter(uint8 which, uint256 value) external {
        vm.startPrank(timelock);
        which %= 5;
        if (which == 0) try community.setQuorumFloor(value % 1_000) {} catch {}
        else if (which == 1) try community.updateQuorumNumerator(value % 101) {} catch {}
        else if (which == 2) try community.setVotingDelay(uint48(value % 30 days)) {} catch {}
        else if (which == 3) try community.setVotingPeriod(uint32(value % 60 days)) {} catch {}
        else try community.setLateQuorumVoteExtension(uint48(value % 30 days)) {} catch {}
        vm.stopPrank();
    }

    function wait(uint256 seconds_) external {
        vm.warp(block.timestamp + (seconds_ % 20 days));
    }

    // ─────────────────────────────────────────────────────────────── the liveness check

    /// @dev A constitutional no-op (the operational floor set to its value) through both houses, voted For by
    /// every member and every held seat; recorded as a failure unless executed within the bounded time.
    function checkLiveness() external {
        ++checks;
        vm.warp(block.timestamp + 1);
        address[] memory targets = new address[](1);
        targets[0] = address(op);
        uint256[] memory values = new uint256[](1);
        bytes[] memory calldatas = new bytes[](1);
        calldatas[0] = abi.encodeCall(IConcordHouse.setQuorumFloor, (op.quorumFloor()));
        string memory description = string(abi.encodePacked("liveness ", checks));
        uint256 started = block.timestamp;

        address proposer = _aMember();
        vm.prank(proposer);
        uint256 id = community.propose(targets, values, calldatas, description);
        vm.warp(community.proposalSnapshot(id) + 1);
        for (uint256 i = 0; i < _accounts.length; ++i) {
            if (token.getPastVotes(_accounts[i], community.proposalSnapshot(id)) == 0) continue;
            vm.prank(_accounts[i]);
            community.castVote(id, 1);
        }
        vm.warp(community.proposalDeadline(id) + 1);
        if (community.state(id) != IGovernor.ProposalState.Succeeded) return _fail("community did not pass");

        op.propose(targets, values, calldatas, description);
        vm.warp(op.proposalSnapshot(id) + 1);
        for (uint256 i = 0; i < _accounts.length; ++i) {
            if (op.getVotes(_accounts[i], op.proposalSnapshot(id)) == 0) continue;
            vm.prank(_accounts[i]);
            op.castVote(id, 1);
        }
        vm.warp(op.proposalDeadline(id) + 1);
        if (op.state(id) != IGovernor.ProposalState.Succeeded) return _fail("operational house did not pass");
        op.queue(targets, values, calldatas, keccak256(bytes(description)));
        vm.warp(op.proposalEta(id));
        op.execute(targets, values, calldatas, keccak256(bytes(description)));
        // Bounded: community delay + period + extension, operational delay + period, constitutional delay.
        if (block.timestamp - started > 6 days + 30 days + 14 days + 6 days + 30 days + 30 days + 10) {
            return _fail("too slow");
        }
    }

    function _aMember() internal view returns (address) {
        for (uint256 i = 0; i < _accounts.length; ++i) if (token.balanceOf(_accounts[i]) != 0) return _accounts[i];
        return address(0);
    }

    function _members() internal view returns (uint256 n) {
        for (uint256 i = 0; i < _accounts.length; ++i) if (token.balanceOf(_accounts[i]) != 0) ++n;
    }

    function _fail(string memory why) internal {
        if (failures++ == 0) firstFailure = why;
    }
}

/// @notice S3 (liveness) as an invariant, and S4 (classification) as a fuzz of every registry selector called by
/// the timelock.
contract LivenessInvariantTest is GovernanceFixture {
    LivenessHandler internal handler;

    function setUp() public override {
        super.setUp();
        uint256[] memory cells = new uint256[](SEATS);
        address[] memory accounts = new address[](SEATS + MEMBERS);
        for (uint256 i = 0; i < SEATS; ++i) {
            cells[i] = cellIds[i];
            accounts[i] = delegates[i];
        }
        for (uint256 i = 0; i < MEMBERS; ++i) accounts[SEATS + i] = members[i];
        handler = new LivenessHandler(registry, token, op, community, address(timelock), STEWARD, cells, accounts);
        targetContract(address(handler));
    }

    function invariant_constitutionalProposalAlwaysPasses() public view {
        if (handler.failures() != 0) fail(handler.firstFailure());
    }

    function test_liveness_fromTheFixture() public {
        handler.checkLiveness();
        assertEq(handler.failures(), 0, handler.firstFailure());
    }

    function test_liveness_afterEverySeatIsVacated() public {
        for (uint256 i = 0; i < SEATS; ++i) handler.leave(i);
        handler.setParameter(0, 999);
        handler.wait(8 days);
        handler.checkLiveness();
        assertEq(handler.failures(), 0, handler.firstFailure());
    }

    /// @dev S4: whatever registry function the timelock calls, if it changed a seat, the recognition or the
    /// held seats, the classifier judged it constitutional.
    function testFuzz_everyRegistryCallThatMovesSeatsIsConstitutional(
        uint8 which,
        uint256 cellSeed,
        uint256 accountSeed,
        uint8 roles,
        bool flag
    ) public {
        // The timelock stewards a cell above a recognised cell with a delegate (finding 3's topology).
        vm.prank(STEWARD);
        uint256 top = registry.createCell(0, "dao", "", bytes32(0));
        vm.prank(STEWARD);
        registry.addMember(top, address(timelock), ROLE_MEMBER | 2); // ROLE_STEWARD
        vm.prank(address(timelock));
        uint256 child = registry.createCell(top, "child", "", bytes32(0));
        uint256 cell = cellSeed % 2 == 0 ? child : cellIds[cellSeed % SEATS];
        address account = accountSeed % 3 == 0 ? address(timelock) : delegates[accountSeed % SEATS];
        if (accountSeed % 3 == 1) account = address(uint160(accountSeed));
        roles = (roles | ROLE_MEMBER) & 0x0f;

        bytes[] memory calls = new bytes[](14);
        calls[0] = abi.encodeCall(ICellRegistry.addMember, (cell, account, roles));
        calls[1] = abi.encodeCall(ICellRegistry.setRoles, (cell, account, roles));
        calls[2] = abi.encodeCall(ICellRegistry.removeMember, (cell, account));
        calls[3] = abi.encodeCall(ICellRegistry.approveJoin, (cell, account));
        calls[4] = abi.encodeCall(ICellRegistry.leave, (cell));
        calls[5] = abi.encodeCall(ICellRegistry.setRecognised, (cell, flag));
        calls[6] = abi.encodeCall(ICellRegistry.transferGovernance, (account));
        calls[7] = abi.encodeCall(ICellRegistry.createCell, (cell, "x", "", bytes32(0)));
        calls[8] = abi.encodeCall(ICellRegistry.requestToJoin, (cell));
        calls[9] = abi.encodeCall(ICellRegistry.cancelJoinRequest, (cell));
        calls[10] = abi.encodeCall(ICellRegistry.rejectJoin, (cell, account));
        calls[11] = abi.encodeCall(ICellRegistry.setPhase, (cell, roles % 4));
        calls[12] = abi.encodeCall(ICellRegistry.setDecisionOwner, (cell, bytes32(cellSeed), account));
        calls[13] = abi.encodeCall(ICellRegistry.declareState, (cell, "busy"));
        bytes memory data = calls[which % calls.length];

        bytes32 before = _seatState(cell, account);
        vm.prank(address(timelock));
        (bool ok, ) = address(registry).call(data);
        if (ok && _seatState(cell, account) != before) {
            assertTrue(classifier.isConstitutionalCall(address(registry), data), "moved seats operationally");
        }
    }

    function _seatState(uint256 cell, address account) internal view returns (bytes32) {
        return
            keccak256(
                abi.encode(
                    registry.delegateOf(cell),
                    registry.isRecognised(cell),
                    registry.heldSeats(),
                    registry.seatsOf(account),
                    registry.seatsOf(address(timelock)),
                    registry.recognisedCount(),
                    registry.governance(),
                    registry.rolesOf(cell, account),
                    registry.rolesOf(cell, address(timelock))
                )
            );
    }
}
