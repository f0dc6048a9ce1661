// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";

import {Vm} from "../utils/Test.sol";
import {CellRegistry} from "../../contracts/cells/CellRegistry.sol";
import {ConcordMembership} from "../../contracts/governance/ConcordMembership.sol";
import {OperationalHouse} from "../../contracts/governance/OperationalHouse.sol";
import {GovernanceFixture, Box, ICommunityHouseUnderTest} from "./GovernanceFixture.sol";

/// @notice Drives operational proposals through random sequences of propose / vote / veto / queue / execute /
/// time jumps by the fixture's delegates and members, and records every execution that happened without the
/// required approval, delay or in spite of a veto (`violations`, with the first described in `firstViolation`).
contract GovernanceHandler {
    Vm internal constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    uint256 public constant MAX_PROPOSALS = 8;
    uint256 public constant QUORUM = 2; // max(50 % of 5 seats, floor 2)

    OperationalHouse public immutable op;
    ICommunityHouseUnderTest public immutable community;
    Box public immutable box;
    uint256 public immutable opDelay;
    address[] internal _delegates;
    address[] internal _members;

    struct Ghost {
        uint256 forVotes;
        uint256 againstVotes;
        uint256 abstainVotes;
        uint256 queuedAt;
        bool vetoed;
        bool executed;
    }

    uint256[] public ids;
    mapping(uint256 id => Ghost) public ghosts;
    mapping(uint256 id => uint256 value) public storedValue;

    uint256 public executions;
    uint256 public vetoes;
    uint256 public violations;
    string public firstViolation;

    constructor(
        OperationalHouse op_,
        ICommunityHouseUnderTest community_,
        Box box_,
        uint256 opDelay_,
        address[] memory delegates_,
        address[] memory members_
    ) {
        op = op_;
        community = community_;
        box = box_;
        opDelay = opDelay_;
        _delegates = delegates_;
        _members = members_;
    }

    function propose(uint256 proposerSeed, uint256 value) external {
        if (ids.length >= MAX_PROPOSALS) return;
        (address[] memory t, uint256[] memory v, bytes[] memory c, string memory d) = _calls(ids.length, value);
        vm.prank(_delegates[proposerSeed % _delegates.length]);
        try op.propose(t, v, c, d) returns (uint256 id) {
            ids.push(id);
            storedValue[id] = value;
        } catch {}
    }

    function vote(uint256 proposalSeed, uint256 voterSeed, uint8 support) external {
        if (ids.length == 0) return;
        uint256 id = ids[proposalSeed % ids.length];
        support = support % 4 == 3 ? 1 : support % 3; // biased towards For so that proposals pass
        address voter = _delegates[voterSeed % _delegates.length];
        for (uint256 k = 0; k < _delegates.length && op.hasVoted(id, voter); ++k) {
            voter = _delegates[(voterSeed + k) % _delegates.length];
        }
        vm.prank(voter);
        try op.castVote(id, support) returns (uint256 weight) {
            Ghost storage g = ghosts[id];
            if (support == 0) g.againstVotes += weight;
            else if (support == 1) g.forVotes += weight;
            else g.abstainVotes += weight;
        } catch {}
    }

    function veto(uint256 proposalSeed, uint256 memberSeed) external {
        if (ids.length == 0) return;
        uint256 id = ids[proposalSeed % ids.length];
        vm.prank(_members[memberSeed % _members.length]);
        try community.castVeto(id, "") {
            if (community.isVetoed(id) && !ghosts[id].vetoed) {
                ghosts[id].vetoed = true;
                ++vetoes;
            }
        } catch {}
    }

    function queue(uint256 proposalSeed) external {
        if (ids.length == 0) return;
        uint256 index = proposalSeed % ids.length;
        uint256 id = ids[index];
        (address[] memory t, uint256[] memory v, bytes[] memory c, string memory d) = _calls(index, storedValue[id]);
        try op.queue(t, v, c, keccak256(bytes(d))) {
            Ghost storage g = ghosts[id];
            if (!_approved(g)) _violation("queued without approval");
            g.queuedAt = block.timestamp;
        } catch {}
    }

    function execute(uint256 proposalSeed) external {
        if (ids.length == 0) return;
        uint256 index = proposalSeed % ids.length;
        uint256 id = ids[index];
        (address[] memory t, uint256[] memory v, bytes[] memory c, string memory d) = _calls(index, storedValue[id]);
        try op.execute(t, v, c, keccak256(bytes(d))) {
            Ghost storage g = ghosts[id];
            if (!_approved(g)) _violation("executed without approval");
            if (g.queuedAt == 0) _violation("executed without queueing");
            else if (block.timestamp < g.queuedAt + opDelay) _violation("executed inside the veto window");
            if (g.vetoed) _violation("executed after a veto");
            if (g.executed) _violation("executed twice");
            if (box.value() != storedValue[id]) _violation("the calls did not run");
            g.executed = true;
            ++executions;
        } catch {}
    }

    /// @notice Moves time to the next stage boundary of a proposal (voting start, voting end, end of its veto
    /// window), so that random sequences reach queueing and execution.
    function advance(uint256 proposalSeed) external {
        if (ids.length == 0) return;
        uint256 id = ids[proposalSeed % ids.length];
        IGovernor.ProposalState state = op.state(id);
        if (state == IGovernor.ProposalState.Pending) vm.warp(op.proposalSnapshot(id) + 1);
        else if (state == IGovernor.ProposalState.Active) vm.warp(op.proposalDeadline(id) + 1);
        else if (state == IGovernor.ProposalState.Succeeded) this.queue(proposalSeed);
        else if (state == IGovernor.ProposalState.Queued && op.proposalEta(id) > block.timestamp) {
            vm.warp(op.proposalEta(id));
        } else if (state == IGovernor.ProposalState.Queued) this.execute(proposalSeed);
    }

    function warp(uint256 secondsSeed) external {
        vm.warp(block.timestamp + 1 + (secondsSeed % 3 days));
    }

    function idsLength() external view returns (uint256) {
        return ids.length;
    }

    function _approved(Ghost storage g) internal view returns (bool) {
        return g.forVotes > g.againstVotes && g.forVotes + g.abstainVotes >= QUORUM;
    }

    function _calls(
        uint256 index,
        uint256 value
    ) internal view returns (address[] memory t, uint256[] memory v, bytes[] memory c, string memory d) {
        t = new address[](1);
        t[0] = address(box);
        v = new uint256[](1);
        c = new bytes[](1);
        c[0] = abi.encodeCall(Box.store, (value));
        d = string(abi.encodePacked("proposal ", bytes1(uint8(48 + index))));
    }

    function _violation(string memory what) internal {
        if (violations == 0) firstViolation = what;
        ++violations;
    }
}

/// @notice Invariants of the operational flow under random sequences: no execution without the seats' approval,
/// the veto window, or in spite of a veto; tallies never exceed the seats at the snapshot; veto votes never exceed
/// the members at the snapshot; a vetoed proposal reads Canceled.
contract GovernanceInvariantTest is GovernanceFixture {
    GovernanceHandler internal handler;

    function setUp() public override {
        super.setUp();
        address[] memory d = new address[](SEATS);
        address[] memory m = new address[](MEMBERS);
        for (uint256 i = 0; i < SEATS; ++i) d[i] = delegates[i];
        for (uint256 i = 0; i < MEMBERS; ++i) m[i] = members[i];
        handler = new GovernanceHandler(op, community, box, OP_DELAY, d, m);
        targetContract(address(handler));
        bytes4[] memory actions = new bytes4[](7);
        actions[0] = GovernanceHandler.propose.selector;
        actions[1] = GovernanceHandler.vote.selector;
        actions[2] = GovernanceHandler.veto.selector;
        actions[3] = GovernanceHandler.queue.selector;
        actions[4] = GovernanceHandler.execute.selector;
        actions[5] = GovernanceHandler.advance.selector;
        actions[6] = GovernanceHandler.warp.selector;
        targetSelector(FuzzSelector({addr: address(handler), selectors: actions}));
    }

    function invariant_noExecutionWithoutApprovalDelayOrVeto() public view {
        assertEq(handler.violations(), 0, string.concat("violation: ", handler.firstViolation()));
    }

    function invariant_tallyAndVetoesWithinSnapshotSupply() public view {
        uint256 n = handler.idsLength();
        for (uint256 i = 0; i < n; ++i) {
            uint256 id = handler.ids(i);
            uint256 snapshot = op.proposalSnapshot(id);
            (uint256 against, uint256 forVotes, uint256 abstain) = op.proposalVotes(id);
            if (snapshot < block.timestamp) {
                assertLe(against + forVotes + abstain, registry.getPastTotalSupply(snapshot), "seat votes");
                assertLe(community.vetoVotes(id), token.getPastTotalSupply(snapshot), "veto votes");
            } else {
                assertEq(against + forVotes + abstain, 0, "votes before the snapshot");
            }
            if (community.isVetoed(id)) {
                assertEq(uint8(op.state(id)), uint8(IGovernor.ProposalState.Canceled), "vetoed reads Canceled");
            }
        }
    }
}

/// @notice The handler itself reaches execution and veto (so the invariants above are not vacuous).
contract GovernanceHandlerTest is GovernanceFixture {
    function test_handler_reachesExecutionAndVeto() public {
        address[] memory d = new address[](SEATS);
        address[] memory m = new address[](MEMBERS);
        for (uint256 i = 0; i < SEATS; ++i) d[i] = delegates[i];
        for (uint256 i = 0; i < MEMBERS; ++i) m[i] = members[i];
        GovernanceHandler handler = new GovernanceHandler(op, community, box, OP_DELAY, d, m);
        handler.propose(0, 5);
        handler.propose(1, 6);
        handler.advance(0);
        for (uint256 i = 0; i < 3; ++i) {
            handler.vote(0, i, 1);
            handler.vote(1, i, 1);
        }
        handler.advance(0);
        handler.queue(0);
        handler.queue(1);
        handler.veto(1, 0);
        handler.veto(1, 1);
        handler.advance(0);
        handler.execute(0);
        handler.execute(1);
        assertEq(handler.executions(), 1, "one execution");
        assertEq(handler.vetoes(), 1, "one veto");
        assertEq(handler.violations(), 0, "no violation");
    }
}
