// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";

import {Test} from "../utils/Test.sol";
import {CellRegistry} from "../../contracts/cells/CellRegistry.sol";
import {ICellRegistry, ROLE_MEMBER, ROLE_DELEGATE} from "../../contracts/cells/ICellRegistry.sol";
import {ConcordMembership} from "../../contracts/governance/ConcordMembership.sol";
import {GovernanceClassifier} from "../../contracts/governance/GovernanceClassifier.sol";
import {OperationalHouse, HouseSettings} from "../../contracts/governance/OperationalHouse.sol";
import {ICommunityHouse} from "../../contracts/governance/IConcordGovernance.sol";

/// @notice The community house as its tests call it. Tests deploy its artifact (`COMMUNITY_HOUSE`, built for size as
/// `ignition deploy` ships it) through `vm.getCode` and never import its source, which would compile a second,
/// undeployable copy into the tests at their optimizer settings.
interface ICommunityHouseUnderTest is ICommunityHouse, IGovernor {
    function castOverrideVote(uint256 proposalId, uint8 support, string calldata reason) external returns (uint256);

    function proposalGuardian() external view returns (address);

    function nonces(address owner) external view returns (uint256);

    function setVotingDelay(uint48 newVotingDelay) external;

    function setVotingPeriod(uint32 newVotingPeriod) external;

    function setLateQuorumVoteExtension(uint48 newVoteExtension) external;

    function updateQuorumNumerator(uint256 newQuorumNumerator) external;

    function proposalVotes(
        uint256 proposalId
    ) external view returns (uint256 againstVotes, uint256 forVotes, uint256 abstainVotes);
}

string constant COMMUNITY_HOUSE = "contracts/governance/CommunityHouse.sol:CommunityHouse";

/// @notice A plain contract the DAO operates on (an operational target).
contract Box {
    uint256 public value;

    function store(uint256 newValue) external {
        value = newValue;
    }
}

/// @notice Same interface as {Box}, other code (to replace a target's code between proposal and execution).
contract EvilBox {
    uint256 public value;

    function store(uint256) external {
        value = 666;
    }
}

/// @notice A whole Concord DAO as the Ignition module deploys it: registry with five recognised cells (each with a
/// delegate holding its seat), a membership token with six members, a timelock holding every power, the classifier
/// and both houses. Members and delegates have private keys (for signed votes).
abstract contract GovernanceFixture is Test {
    uint256 internal constant T0 = 1_700_000_000;
    uint48 internal constant VOTING_DELAY = 1 days;
    uint32 internal constant VOTING_PERIOD = 5 days;
    uint256 internal constant OP_DELAY = 2 days; // the veto window
    uint256 internal constant CONST_DELAY = 7 days;
    uint48 internal constant LATE_QUORUM = 1 days;
    uint256 internal constant VETO_BPS = 3_000; // 30 % of the members
    uint256 internal constant OP_QUORUM_PCT = 50;
    uint256 internal constant COMMUNITY_QUORUM_PCT = 20;
    uint256 internal constant QUORUM_FLOOR = 2;
    uint256 internal constant SEATS = 5;
    uint256 internal constant MEMBERS = 6;

    address internal constant GUARDIAN = address(0x6A4D);
    address internal constant STEWARD = address(0x57E0);
    address internal constant OUTSIDER = address(0x0B5E);

    CellRegistry internal registry;
    ConcordMembership internal token;
    TimelockController internal timelock;
    GovernanceClassifier internal classifier;
    OperationalHouse internal op;
    ICommunityHouseUnderTest internal community;
    Box internal box;

    uint256[SEATS] internal cellIds;
    uint256[SEATS] internal delegateKeys;
    address[SEATS] internal delegates;
    uint256[MEMBERS] internal memberKeys;
    address[MEMBERS] internal members;

    struct Proposal {
        address[] targets;
        uint256[] values;
        bytes[] calldatas;
        string description;
    }

    function setUp() public virtual {
        vm.warp(T0);
        registry = new CellRegistry(address(this));
        token = new ConcordMembership("Concord Membership", "CONCORD", address(this), new address[](0));
        timelock = new TimelockController(OP_DELAY, new address[](0), new address[](0), address(this));

        address[] memory wholeTargets = new address[](1);
        wholeTargets[0] = address(token);
        bytes4[] memory selectors = _registrySelectors();
        address[] memory selectorTargets = new address[](selectors.length);
        for (uint256 i = 0; i < selectors.length; ++i) selectorTargets[i] = address(registry);
        classifier = new GovernanceClassifier(address(timelock), wholeTargets, selectorTargets, selectors);

        op = new OperationalHouse(
            IVotes(address(registry)),
            timelock,
            classifier,
            HouseSettings(GUARDIAN, VOTING_DELAY, VOTING_PERIOD, 0, OP_QUORUM_PCT, QUORUM_FLOOR),
            CONST_DELAY
        );
        community = ICommunityHouseUnderTest(
            deployArtifact(
                COMMUNITY_HOUSE,
                abi.encode(
                    token,
                    timelock,
                    op,
                    HouseSettings(GUARDIAN, VOTING_DELAY, VOTING_PERIOD, 0, COMMUNITY_QUORUM_PCT, QUORUM_FLOOR),
                    LATE_QUORUM,
                    VETO_BPS
                )
            )
        );
        op.setCommunityHouse(address(community));

        timelock.grantRole(timelock.PROPOSER_ROLE(), address(op));
        timelock.grantRole(timelock.EXECUTOR_ROLE(), address(op));
        timelock.grantRole(timelock.CANCELLER_ROLE(), address(op));
        timelock.grantRole(timelock.CANCELLER_ROLE(), address(community));
        timelock.renounceRole(timelock.DEFAULT_ADMIN_ROLE(), address(this));

        for (uint256 i = 0; i < SEATS; ++i) {
            delegateKeys[i] = 0xD000 + i;
            delegates[i] = vm.addr(delegateKeys[i]);
            vm.startPrank(STEWARD);
            cellIds[i] = registry.createCell(0, "cell", "", bytes32(0));
            registry.addMember(cellIds[i], delegates[i], ROLE_MEMBER | ROLE_DELEGATE);
            vm.stopPrank();
            if (_recogniseAtSetup()) registry.setRecognised(cellIds[i], true);
        }
        registry.transferGovernance(address(timelock));
        for (uint256 i = 0; i < MEMBERS; ++i) {
            memberKeys[i] = 0xA000 + i;
            members[i] = vm.addr(memberKeys[i]);
            token.mint(members[i]);
        }
        token.transferOwnership(address(timelock));
        box = new Box();
        // Seats count as votes SEAT_DELAY after they were booked.
        vm.warp(T0 + registry.SEAT_DELAY() + 1);
    }

    /// @dev The registry's constitutional selectors, as the Ignition module lists them (S4).
    function _registrySelectors() internal pure returns (bytes4[] memory selectors) {
        selectors = new bytes4[](7);
        selectors[0] = ICellRegistry.setRecognised.selector;
        selectors[1] = ICellRegistry.transferGovernance.selector;
        selectors[2] = ICellRegistry.addMember.selector;
        selectors[3] = ICellRegistry.setRoles.selector;
        selectors[4] = ICellRegistry.removeMember.selector;
        selectors[5] = ICellRegistry.approveJoin.selector;
        selectors[6] = ICellRegistry.leave.selector;
    }

    /// @dev Whether the fixture's five cells are recognised at deployment (false: a DAO at genesis).
    function _recogniseAtSetup() internal pure virtual returns (bool) {
        return true;
    }

    // ─────────────────────────────────────────────────────────────── proposals

    function _single(
        address target,
        bytes memory data,
        string memory description
    ) internal pure returns (Proposal memory p) {
        p.targets = new address[](1);
        p.targets[0] = target;
        p.values = new uint256[](1);
        p.calldatas = new bytes[](1);
        p.calldatas[0] = data;
        p.description = description;
    }

    function _pair(
        address target0,
        bytes memory data0,
        address target1,
        bytes memory data1,
        string memory description
    ) internal pure returns (Proposal memory p) {
        p.targets = new address[](2);
        p.targets[0] = target0;
        p.targets[1] = target1;
        p.values = new uint256[](2);
        p.calldatas = new bytes[](2);
        p.calldatas[0] = data0;
        p.calldatas[1] = data1;
        p.description = description;
    }

    function _store(uint256 value) internal view returns (Proposal memory) {
        return _single(address(box), abi.encodeCall(Box.store, (value)), string.concat("store ", _str(value)));
    }

    function _id(Proposal memory p) internal view returns (uint256) {
        return op.hashProposal(p.targets, p.values, p.calldatas, keccak256(bytes(p.description)));
    }

    function _propose(IGovernor house, Proposal memory p, address proposer) internal returns (uint256 id) {
        vm.prank(proposer);
        id = house.propose(p.targets, p.values, p.calldatas, p.description);
    }

    function _queue(IGovernor house, Proposal memory p) internal returns (uint256) {
        return house.queue(p.targets, p.values, p.calldatas, keccak256(bytes(p.description)));
    }

    function _execute(IGovernor house, Proposal memory p) internal returns (uint256) {
        return house.execute(p.targets, p.values, p.calldatas, keccak256(bytes(p.description)));
    }

    function _cancel(IGovernor house, Proposal memory p, address caller) internal returns (uint256) {
        vm.prank(caller);
        return house.cancel(p.targets, p.values, p.calldatas, keccak256(bytes(p.description)));
    }

    /// @dev Moves into the voting period of `id` in `house`.
    function _toVoting(IGovernor house, uint256 id) internal {
        vm.warp(house.proposalSnapshot(id) + 1);
    }

    /// @dev Moves past the (possibly extended) deadline of `id` in `house`.
    function _toEnd(IGovernor house, uint256 id) internal {
        vm.warp(house.proposalDeadline(id) + 1);
    }

    /// @dev The first `n` seat holders vote `support` on `id` in the operational house.
    function _seatVotes(uint256 id, uint256 n, uint8 support) internal {
        for (uint256 i = 0; i < n; ++i) {
            vm.prank(delegates[i]);
            op.castVote(id, support);
        }
    }

    /// @dev The first `n` members vote `support` on `id` in the community house.
    function _memberVotes(uint256 id, uint256 n, uint8 support) internal {
        for (uint256 i = 0; i < n; ++i) {
            vm.prank(members[i]);
            community.castVote(id, support);
        }
    }

    /// @dev Operational proposal proposed by delegate 0, passed by 3 seats, queued: returns its id.
    function _queuedOperational(Proposal memory p) internal returns (uint256 id) {
        id = _propose(op, p, delegates[0]);
        _toVoting(op, id);
        _seatVotes(id, 3, 1);
        _toEnd(op, id);
        _queue(op, p);
    }

    /// @dev A constitutional proposal through both houses up to queued in the timelock: returns its id.
    function _queuedConstitutional(Proposal memory p) internal returns (uint256 id) {
        id = _propose(community, p, members[0]);
        _toVoting(community, id);
        _memberVotes(id, 4, 1);
        _toEnd(community, id);
        _propose(op, p, OUTSIDER);
        _toVoting(op, id);
        _seatVotes(id, 3, 1);
        _toEnd(op, id);
        _queue(op, p);
    }

    /// @dev The stored code digest of pinned targets (HouseRules: the low byte marks unpinned value-only calls).
    function _digest(bytes32[] memory pins) internal pure returns (bytes32) {
        return keccak256(abi.encodePacked(pins)) & ~bytes32(uint256(0xff));
    }

    function _digest(bytes32 pin) internal pure returns (bytes32) {
        bytes32[] memory pins = new bytes32[](1);
        pins[0] = pin;
        return _digest(pins);
    }

    function _digest(bytes32 pin0, bytes32 pin1) internal pure returns (bytes32) {
        bytes32[] memory pins = new bytes32[](2);
        pins[0] = pin0;
        pins[1] = pin1;
        return _digest(pins);
    }

    function _str(uint256 value) internal pure returns (string memory) {
        if (value == 0) return "0";
        uint256 digits;
        for (uint256 v = value; v != 0; v /= 10) ++digits;
        bytes memory buffer = new bytes(digits);
        for (; value != 0; value /= 10) buffer[--digits] = bytes1(uint8(48 + (value % 10)));
        return string(buffer);
    }
}
