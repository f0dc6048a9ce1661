// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "../utils/Test.sol";
import {CellRegistry} from "../../contracts/cells/CellRegistry.sol";
import {
    ICellRegistry,
    ROLE_MEMBER,
    ROLE_STEWARD,
    ROLE_DELEGATE,
    ROLES_ALL
} from "../../contracts/cells/ICellRegistry.sol";

/// @notice Unit and fuzz tests for {CellRegistry}: every write, every refusal (with its exact arguments),
/// the main events, the views, checkpointed history and Multicall batching.
/// The invariants I1–I6 are exercised under random call sequences in CellRegistry.invariant.t.sol.
contract CellRegistryTest is Test {
    CellRegistry internal registry;

    address internal constant GOV = address(0x6000);
    address internal constant ALICE = address(0xA11CE);
    address internal constant BOB = address(0xB0B);
    address internal constant CAROL = address(0xCA201);
    address internal constant DAVE = address(0xDA7E);
    address internal constant EVE = address(0xE7E);

    uint8 internal constant MAX_DEPTH = 8;
    uint256 internal constant T0 = 1_700_000_000;
    bytes32 internal constant NUCLEUS = keccak256("nucleus v1");
    bytes32 internal constant TOPIC = keccak256("topic: treasury");
    bytes32 internal constant OTHER_TOPIC = keccak256("topic: hiring");

    uint8 internal constant MEMBER = ROLE_MEMBER;
    uint8 internal constant STEWARD = ROLE_MEMBER | ROLE_STEWARD;
    uint8 internal constant DELEGATE = ROLE_MEMBER | ROLE_DELEGATE;

    function setUp() public {
        vm.warp(T0);
        registry = new CellRegistry(GOV);
    }

    // ─────────────────────────────────────────────────────────────── helpers

    function _createTop(address creator) internal returns (uint256 id) {
        vm.prank(creator);
        id = registry.createCell(0, "root", "ipfs://root", NUCLEUS);
    }

    function _createChild(address creator, uint256 parentId) internal returns (uint256 id) {
        vm.prank(creator);
        id = registry.createCell(parentId, "child", "ipfs://child", NUCLEUS);
    }

    /// @dev chain[0] is a top-level cell of ALICE, chain[i] a child of chain[i - 1], all created by ALICE
    /// (who is a member only of chain[0] and administers the rest as an ancestor steward).
    function _createChain(uint256 depth) internal returns (uint256[] memory chain) {
        chain = new uint256[](depth);
        chain[0] = _createTop(ALICE);
        for (uint256 i = 1; i < depth; ++i) chain[i] = _createChild(ALICE, chain[i - 1]);
    }

    function _add(address steward, uint256 cellId, address account, uint8 roles) internal {
        vm.prank(steward);
        registry.addMember(cellId, account, roles);
    }

    function _filler(uint256 i) internal pure returns (address) {
        return address(uint160(0x100000 + i));
    }

    function _err(bytes4 selector, uint256 cellId, address account) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(selector, cellId, account);
    }

    function _referenceScale(uint256 members) internal pure returns (uint8) {
        return
            members <= 8
                ? 0
                : members <= 150
                    ? 1
                    : 2;
    }

    // ─────────────────────────────────────────────────────────────── constructor, constants, clock

    /// @notice The constructor names the initial governance and announces it; zero is refused.
    function test_constructor_setsGovernanceAndEmits() public {
        vm.expectEmit();
        emit ICellRegistry.GovernanceTransferred(address(0), GOV);
        CellRegistry fresh = new CellRegistry(GOV);
        assertEq(fresh.governance(), GOV, "governance");
        assertEq(fresh.cellCount(), 0, "no cells");
        assertEq(fresh.recognisedCount(), 0, "nothing recognised");
    }

    function test_constructor_revertsOnZeroGovernance() public {
        vm.expectRevert(abi.encodeWithSelector(ICellRegistry.CellZeroAddress.selector));
        new CellRegistry(address(0));
    }

    function test_constants_andClock() public {
        assertEq(registry.MAX_DEPTH(), MAX_DEPTH, "MAX_DEPTH");
        assertEq(registry.COLLABORATION_MAX(), 8, "COLLABORATION_MAX");
        assertEq(registry.COORDINATION_MAX(), 150, "COORDINATION_MAX");
        assertEq(registry.MAX_PHASE(), 3, "MAX_PHASE");
        assertEq(registry.CLOCK_MODE(), "mode=timestamp", "CLOCK_MODE");
        assertEq(registry.clock(), T0, "clock is the timestamp");
        vm.warp(T0 + 42);
        assertEq(registry.clock(), T0 + 42, "clock follows warp");
    }

    // ─────────────────────────────────────────────────────────────── createCell

    /// @notice A top-level cell: permissionless, id 1, creator is MEMBER|STEWARD, one member, one steward.
    function test_createCell_topLevel_creatorIsMemberAndSteward() public {
        uint256 id = _createTop(ALICE);
        assertEq(id, 1, "first id is 1");
        assertEq(registry.cellCount(), 1, "cellCount");
        assertTrue(registry.exists(id), "exists");
        assertEq(registry.rolesOf(id, ALICE), STEWARD, "creator roles");
        assertTrue(registry.isMember(id, ALICE), "isMember");
        assertTrue(registry.isSteward(id, ALICE), "isSteward");

        ICellRegistry.CellInfo memory info = registry.getCell(id);
        assertEq(info.parentId, 0, "parentId");
        assertEq(info.depth, 1, "depth");
        assertEq(info.phase, 0, "phase");
        assertEq(info.scale, 0, "scale");
        assertEq(info.createdAt, T0, "createdAt");
        assertEq(info.memberCount, 1, "memberCount");
        assertEq(info.stewardCount, 1, "stewardCount");
        assertFalse(info.recognised, "recognised");
        assertEq(info.delegate, address(0), "delegate");
        assertEq(info.nucleusHash, NUCLEUS, "nucleusHash");

        assertEq(registry.memberCount(id), 1, "memberCount()");
        assertEq(registry.parentOf(id), 0, "parentOf()");
        assertEq(registry.depthOf(id), 1, "depthOf()");
        assertEq(registry.phaseOf(id), 0, "phaseOf()");
        assertEq(registry.scaleOf(id), 0, "scaleOf()");
        assertEq(registry.nucleusHashOf(id), NUCLEUS, "nucleusHashOf()");
    }

    function test_createCell_topLevel_emitsCreatedAndRolesChanged() public {
        vm.expectEmit();
        emit ICellRegistry.CellCreated(1, 0, ALICE, "root", "ipfs://root", NUCLEUS);
        vm.expectEmit();
        emit ICellRegistry.RolesChanged(1, ALICE, 0, STEWARD, ALICE);
        _createTop(ALICE);
    }

    function test_createCell_idsIncrementAndZeroHashIsKept() public {
        assertEq(_createTop(ALICE), 1, "id 1");
        vm.prank(BOB);
        uint256 id = registry.createCell(0, "b", "", bytes32(0));
        assertEq(id, 2, "id 2");
        assertEq(registry.cellCount(), 2, "cellCount");
        assertEq(registry.nucleusHashOf(id), bytes32(0), "no nucleus");
        assertEq(registry.rolesOf(id, BOB), STEWARD, "BOB stewards his own cell");
        assertEq(registry.rolesOf(id, ALICE), 0, "ALICE has no role in BOB's cell");
    }

    /// @notice A child starts empty (no members, no stewards); the parent's stewards administer it.
    function test_createCell_child_byParentSteward() public {
        uint256 root = _createTop(ALICE);
        vm.expectEmit();
        emit ICellRegistry.CellCreated(2, root, ALICE, "child", "ipfs://child", NUCLEUS);
        uint256 child = _createChild(ALICE, root);

        ICellRegistry.CellInfo memory info = registry.getCell(child);
        assertEq(info.parentId, root, "parentId");
        assertEq(info.depth, 2, "depth");
        assertEq(info.memberCount, 0, "memberCount");
        assertEq(info.stewardCount, 0, "stewardCount");
        assertEq(registry.rolesOf(child, ALICE), 0, "creator is not a member of the child");
        assertFalse(registry.isMember(child, ALICE), "isMember");
        assertTrue(registry.isSteward(child, ALICE), "steward through the parent");
    }

    /// @notice A steward of any ancestor (not only the parent) may create a child.
    function test_createCell_child_byAncestorSteward() public {
        uint256 root = _createTop(ALICE);
        uint256 mid = _createChild(ALICE, root);
        _add(ALICE, mid, BOB, STEWARD);
        uint256 low = _createChild(BOB, mid);
        // ALICE holds no role in `mid` or `low` but stewards `root`.
        uint256 lowest = _createChild(ALICE, low);
        assertEq(registry.depthOf(lowest), 4, "depth 4");
        assertEq(registry.parentOf(lowest), low, "parent");
        assertTrue(registry.isSteward(lowest, BOB), "BOB stewards through mid");
    }

    function test_createCell_revertsForNonSteward() public {
        uint256 root = _createTop(ALICE);
        vm.prank(BOB);
        vm.expectRevert(_err(ICellRegistry.CellNotSteward.selector, root, BOB));
        registry.createCell(root, "x", "", bytes32(0));

        // A plain member is not enough.
        _add(ALICE, root, BOB, MEMBER);
        vm.prank(BOB);
        vm.expectRevert(_err(ICellRegistry.CellNotSteward.selector, root, BOB));
        registry.createCell(root, "x", "", bytes32(0));

        // Stewardship flows down, never up: a steward of the child cannot create under the parent.
        uint256 child = _createChild(ALICE, root);
        _add(ALICE, child, CAROL, STEWARD);
        vm.prank(CAROL);
        vm.expectRevert(_err(ICellRegistry.CellNotSteward.selector, root, CAROL));
        registry.createCell(root, "x", "", bytes32(0));
    }

    function test_createCell_revertsOnNonexistentParent() public {
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(ICellRegistry.CellNonexistent.selector, 7));
        registry.createCell(7, "x", "", bytes32(0));
    }

    function test_createCell_revertsOnEmptyName() public {
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(ICellRegistry.CellEmptyName.selector));
        registry.createCell(0, "", "ipfs://x", NUCLEUS);

        uint256 root = _createTop(ALICE);
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(ICellRegistry.CellEmptyName.selector));
        registry.createCell(root, "", "ipfs://x", NUCLEUS);
    }

    /// @notice Depth runs 1..MAX_DEPTH (8); a child of a depth-8 cell is refused with CellDepthLimit.
    function test_createCell_depthLimit() public {
        uint256[] memory chain = _createChain(MAX_DEPTH);
        for (uint256 i = 0; i < MAX_DEPTH; ++i) {
            assertEq(registry.depthOf(chain[i]), i + 1, "depth");
            assertEq(registry.parentOf(chain[i]), i == 0 ? 0 : chain[i - 1], "parent");
        }
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(ICellRegistry.CellDepthLimit.selector, chain[7], MAX_DEPTH));
        registry.createCell(chain[7], "too deep", "", bytes32(0));
        assertEq(registry.cellCount(), MAX_DEPTH, "nothing created");
    }

    // ─────────────────────────────────────────────────────────────── addMember

    /// @notice A steward invites an account with a valid role set; counters and delegate follow.
    function test_addMember_member() public {
        uint256 id = _createTop(ALICE);
        vm.expectEmit();
        emit ICellRegistry.RolesChanged(id, BOB, 0, MEMBER, ALICE);
        _add(ALICE, id, BOB, MEMBER);
        assertEq(registry.rolesOf(id, BOB), MEMBER, "roles");
        assertTrue(registry.isMember(id, BOB), "isMember");
        assertFalse(registry.isSteward(id, BOB), "not steward");
        assertEq(registry.memberCount(id), 2, "memberCount");
        assertEq(registry.getCell(id).stewardCount, 1, "stewardCount");
    }

    function test_addMember_stewardAndDelegate() public {
        uint256 id = _createTop(ALICE);
        _add(ALICE, id, BOB, STEWARD);
        _add(ALICE, id, CAROL, DELEGATE);
        assertEq(registry.getCell(id).stewardCount, 2, "stewardCount");
        assertTrue(registry.isSteward(id, BOB), "BOB steward");
        assertEq(registry.delegateOf(id), CAROL, "delegateOf");
        assertEq(registry.getCell(id).delegate, CAROL, "getCell.delegate");
        assertEq(registry.memberCount(id), 3, "memberCount");

        // The new steward can administer too.
        _add(BOB, id, DAVE, MEMBER);
        assertEq(registry.memberCount(id), 4, "memberCount after BOB's invite");
    }

    function test_addMember_allRoles() public {
        uint256 id = _createTop(ALICE);
        _add(ALICE, id, BOB, ROLES_ALL);
        assertEq(registry.rolesOf(id, BOB), ROLES_ALL, "roles");
        assertEq(registry.getCell(id).stewardCount, 2, "stewardCount");
        assertEq(registry.delegateOf(id), BOB, "delegate");
    }

    /// @notice A steward of an ancestor administers every descendant.
    function test_addMember_byAncestorSteward() public {
        uint256[] memory chain = _createChain(3);
        _add(ALICE, chain[2], BOB, STEWARD);
        assertEq(registry.memberCount(chain[2]), 1, "memberCount");
        assertEq(registry.getCell(chain[2]).stewardCount, 1, "stewardCount");
        // ...but a steward of a descendant does not administer its ancestors.
        vm.prank(BOB);
        vm.expectRevert(_err(ICellRegistry.CellNotSteward.selector, chain[1], BOB));
        registry.addMember(chain[1], CAROL, MEMBER);
    }

    function test_addMember_revertsForNonSteward() public {
        uint256 id = _createTop(ALICE);
        vm.prank(BOB);
        vm.expectRevert(_err(ICellRegistry.CellNotSteward.selector, id, BOB));
        registry.addMember(id, CAROL, MEMBER);

        _add(ALICE, id, BOB, DELEGATE);
        vm.prank(BOB);
        vm.expectRevert(_err(ICellRegistry.CellNotSteward.selector, id, BOB));
        registry.addMember(id, CAROL, MEMBER);
    }

    function test_addMember_revertsOnNonexistentCell() public {
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(ICellRegistry.CellNonexistent.selector, 1));
        registry.addMember(1, BOB, MEMBER);
    }

    function test_addMember_revertsOnZeroAddress() public {
        uint256 id = _createTop(ALICE);
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(ICellRegistry.CellZeroAddress.selector));
        registry.addMember(id, address(0), MEMBER);
    }

    /// @notice Zero, a missing MEMBER bit and reserved bits are each refused with CellInvalidRoles(roles).
    function test_addMember_revertsOnInvalidRoles() public {
        uint256 id = _createTop(ALICE);
        uint8[7] memory invalid = [0, ROLE_STEWARD, ROLE_DELEGATE, ROLE_STEWARD | ROLE_DELEGATE, 8, 9, 0xFF];
        for (uint256 i = 0; i < invalid.length; ++i) {
            vm.prank(ALICE);
            vm.expectRevert(abi.encodeWithSelector(ICellRegistry.CellInvalidRoles.selector, invalid[i]));
            registry.addMember(id, BOB, invalid[i]);
        }
        assertEq(registry.memberCount(id), 1, "nobody added");
    }

    function test_addMember_revertsOnExistingMember() public {
        uint256 id = _createTop(ALICE);
        _add(ALICE, id, BOB, MEMBER);
        vm.prank(ALICE);
        vm.expectRevert(_err(ICellRegistry.CellAlreadyMember.selector, id, BOB));
        registry.addMember(id, BOB, STEWARD);
        vm.prank(ALICE);
        vm.expectRevert(_err(ICellRegistry.CellAlreadyMember.selector, id, ALICE));
        registry.addMember(id, ALICE, MEMBER);
    }

    /// @notice Membership of a parent does not make an account a member of a child (nor the reverse).
    function test_addMember_membershipIsPerCell() public {
        uint256 root = _createTop(ALICE);
        uint256 child = _createChild(ALICE, root);
        _add(ALICE, child, BOB, MEMBER);
        _add(ALICE, child, ALICE, STEWARD);
        assertFalse(registry.isMember(root, BOB), "BOB not in root");
        assertEq(registry.memberCount(root), 1, "root count");
        assertEq(registry.memberCount(child), 2, "child count");
    }

    // ─────────────────────────────────────────────────────────────── setRoles

    function test_setRoles_promoteAndDemote() public {
        uint256 id = _createTop(ALICE);
        _add(ALICE, id, BOB, MEMBER);

        vm.expectEmit();
        emit ICellRegistry.RolesChanged(id, BOB, MEMBER, STEWARD, ALICE);
        vm.prank(ALICE);
        registry.setRoles(id, BOB, STEWARD);
        assertEq(registry.getCell(id).stewardCount, 2, "stewardCount after promotion");
        assertEq(registry.memberCount(id), 2, "memberCount unchanged");

        // With two stewards, ALICE may demote herself.
        vm.prank(ALICE);
        registry.setRoles(id, ALICE, MEMBER);
        assertEq(registry.getCell(id).stewardCount, 1, "stewardCount after demotion");
        assertFalse(registry.isSteward(id, ALICE), "ALICE no longer steward");

        // Same roles again: accepted, nothing changes.
        vm.prank(BOB);
        registry.setRoles(id, BOB, STEWARD);
        assertEq(registry.getCell(id).stewardCount, 1, "idempotent");
    }

    function test_setRoles_delegateLifecycle() public {
        uint256 id = _createTop(ALICE);
        _add(ALICE, id, BOB, MEMBER);
        vm.prank(ALICE);
        registry.setRoles(id, BOB, DELEGATE);
        assertEq(registry.delegateOf(id), BOB, "delegate set");
        // Keeping the delegate bit while changing other bits keeps the delegate.
        vm.prank(ALICE);
        registry.setRoles(id, BOB, ROLES_ALL);
        assertEq(registry.delegateOf(id), BOB, "delegate kept");
        vm.prank(ALICE);
        registry.setRoles(id, BOB, STEWARD);
        assertEq(registry.delegateOf(id), address(0), "delegate cleared");
    }

    function test_setRoles_byAncestorSteward() public {
        uint256[] memory chain = _createChain(4);
        _add(ALICE, chain[3], BOB, MEMBER);
        vm.prank(ALICE);
        registry.setRoles(chain[3], BOB, STEWARD);
        assertEq(registry.getCell(chain[3]).stewardCount, 1, "stewardCount");
    }

    function test_setRoles_revertsOnInvalidRoles() public {
        uint256 id = _createTop(ALICE);
        _add(ALICE, id, BOB, MEMBER);
        uint8[5] memory invalid = [0, ROLE_STEWARD, ROLE_DELEGATE | ROLE_STEWARD, 0x10, 0x81];
        for (uint256 i = 0; i < invalid.length; ++i) {
            vm.prank(ALICE);
            vm.expectRevert(abi.encodeWithSelector(ICellRegistry.CellInvalidRoles.selector, invalid[i]));
            registry.setRoles(id, BOB, invalid[i]);
        }
        assertEq(registry.rolesOf(id, BOB), MEMBER, "unchanged");
    }

    function test_setRoles_revertsOnNonMember() public {
        uint256 id = _createTop(ALICE);
        vm.prank(ALICE);
        vm.expectRevert(_err(ICellRegistry.CellNotMember.selector, id, BOB));
        registry.setRoles(id, BOB, MEMBER);
    }

    function test_setRoles_revertsForNonSteward() public {
        uint256 id = _createTop(ALICE);
        _add(ALICE, id, BOB, MEMBER);
        vm.prank(BOB);
        vm.expectRevert(_err(ICellRegistry.CellNotSteward.selector, id, BOB));
        registry.setRoles(id, BOB, STEWARD);
    }

    function test_setRoles_revertsOnNonexistentCell() public {
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(ICellRegistry.CellNonexistent.selector, 3));
        registry.setRoles(3, BOB, MEMBER);
    }

    // ─────────────────────────────────────────────────────────────── removeMember

    function test_removeMember_member() public {
        uint256 id = _createTop(ALICE);
        _add(ALICE, id, BOB, MEMBER);
        vm.expectEmit();
        emit ICellRegistry.RolesChanged(id, BOB, MEMBER, 0, ALICE);
        vm.prank(ALICE);
        registry.removeMember(id, BOB);
        assertEq(registry.rolesOf(id, BOB), 0, "roles cleared");
        assertFalse(registry.isMember(id, BOB), "not a member");
        assertEq(registry.memberCount(id), 1, "memberCount");
    }

    function test_removeMember_stewardAndDelegate() public {
        uint256 id = _createTop(ALICE);
        _add(ALICE, id, BOB, ROLES_ALL);
        vm.prank(ALICE);
        registry.removeMember(id, BOB);
        assertEq(registry.getCell(id).stewardCount, 1, "stewardCount");
        assertEq(registry.delegateOf(id), address(0), "delegate cleared");
        assertEq(registry.memberCount(id), 1, "memberCount");
    }

    function test_removeMember_byAncestorSteward() public {
        uint256[] memory chain = _createChain(3);
        _add(ALICE, chain[2], BOB, MEMBER);
        vm.prank(ALICE);
        registry.removeMember(chain[2], BOB);
        assertEq(registry.memberCount(chain[2]), 0, "memberCount");
    }

    function test_removeMember_revertsOnNonMember() public {
        uint256 id = _createTop(ALICE);
        vm.prank(ALICE);
        vm.expectRevert(_err(ICellRegistry.CellNotMember.selector, id, BOB));
        registry.removeMember(id, BOB);
    }

    function test_removeMember_revertsForNonSteward() public {
        uint256 id = _createTop(ALICE);
        _add(ALICE, id, BOB, MEMBER);
        _add(ALICE, id, CAROL, MEMBER);
        vm.prank(BOB);
        vm.expectRevert(_err(ICellRegistry.CellNotSteward.selector, id, BOB));
        registry.removeMember(id, CAROL);
    }

    function test_removeMember_revertsOnNonexistentCell() public {
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(ICellRegistry.CellNonexistent.selector, 5));
        registry.removeMember(5, BOB);
    }

    // ─────────────────────────────────────────────────────────────── leave

    function test_leave_member() public {
        uint256 id = _createTop(ALICE);
        _add(ALICE, id, BOB, DELEGATE);
        vm.expectEmit();
        emit ICellRegistry.RolesChanged(id, BOB, DELEGATE, 0, BOB);
        vm.prank(BOB);
        registry.leave(id);
        assertEq(registry.rolesOf(id, BOB), 0, "roles");
        assertEq(registry.memberCount(id), 1, "memberCount");
        assertEq(registry.delegateOf(id), address(0), "delegate cleared");
    }

    function test_leave_revertsOnNonMember() public {
        uint256 id = _createTop(ALICE);
        vm.prank(BOB);
        vm.expectRevert(_err(ICellRegistry.CellNotMember.selector, id, BOB));
        registry.leave(id);

        // Stewardship through an ancestor is not membership.
        uint256 child = _createChild(ALICE, id);
        vm.prank(ALICE);
        vm.expectRevert(_err(ICellRegistry.CellNotMember.selector, child, ALICE));
        registry.leave(child);
    }

    function test_leave_revertsOnNonexistentCell() public {
        vm.prank(BOB);
        vm.expectRevert(abi.encodeWithSelector(ICellRegistry.CellNonexistent.selector, 9));
        registry.leave(9);
    }

    // ─────────────────────────────────────────────────────────────── last-steward rule (I4)

    /// @notice The last steward of a top-level cell can neither leave, be removed nor be demoted.
    function test_lastSteward_topLevel_refused() public {
        uint256 id = _createTop(ALICE);
        _add(ALICE, id, BOB, MEMBER);
        bytes memory expected = _err(ICellRegistry.CellLastSteward.selector, id, ALICE);

        vm.prank(ALICE);
        vm.expectRevert(expected);
        registry.leave(id);

        vm.prank(ALICE);
        vm.expectRevert(expected);
        registry.removeMember(id, ALICE);

        vm.prank(ALICE);
        vm.expectRevert(expected);
        registry.setRoles(id, ALICE, MEMBER);

        vm.prank(ALICE);
        vm.expectRevert(expected);
        registry.setRoles(id, ALICE, DELEGATE);

        assertEq(registry.getCell(id).stewardCount, 1, "still one steward");
        assertEq(registry.rolesOf(id, ALICE), STEWARD, "ALICE unchanged");
    }

    /// @notice With a second steward, each of the three ways out is allowed.
    function test_lastSteward_topLevel_allowedWithAnotherSteward() public {
        uint256 id = _createTop(ALICE);
        _add(ALICE, id, BOB, STEWARD);
        vm.prank(ALICE);
        registry.leave(id);
        assertEq(registry.getCell(id).stewardCount, 1, "after leave");

        _add(BOB, id, ALICE, STEWARD);
        vm.prank(ALICE);
        registry.removeMember(id, BOB);
        assertEq(registry.getCell(id).stewardCount, 1, "after removeMember");

        _add(ALICE, id, BOB, STEWARD);
        vm.prank(BOB);
        registry.setRoles(id, ALICE, MEMBER);
        assertEq(registry.getCell(id).stewardCount, 1, "after demotion");
        assertEq(registry.rolesOf(id, BOB), STEWARD, "BOB is the last steward now");

        // ...and BOB is now the protected one.
        vm.prank(BOB);
        vm.expectRevert(_err(ICellRegistry.CellLastSteward.selector, id, BOB));
        registry.leave(id);
    }

    /// @notice Nested cells may lose all their stewards: their ancestors' stewards still administer them.
    function test_lastSteward_nestedCellMayLoseAllStewards() public {
        uint256 root = _createTop(ALICE);
        uint256 child = _createChild(ALICE, root);
        _add(ALICE, child, BOB, STEWARD);
        _add(ALICE, child, CAROL, STEWARD);
        _add(ALICE, child, DAVE, STEWARD);

        vm.prank(BOB);
        registry.leave(child);
        vm.prank(ALICE);
        registry.removeMember(child, CAROL);
        vm.prank(DAVE);
        registry.setRoles(child, DAVE, MEMBER);

        ICellRegistry.CellInfo memory info = registry.getCell(child);
        assertEq(info.stewardCount, 0, "no stewards left");
        assertEq(info.memberCount, 1, "DAVE still a member");
        assertFalse(registry.isSteward(child, DAVE), "DAVE not a steward");
        // The root steward still administers the child.
        _add(ALICE, child, EVE, STEWARD);
        assertEq(registry.getCell(child).stewardCount, 1, "restored by the ancestor");
    }

    // ─────────────────────────────────────────────────────────────── join handshake

    function test_requestToJoin_recordsAndEmits() public {
        uint256 id = _createTop(ALICE);
        vm.warp(T0 + 10);
        vm.expectEmit();
        emit ICellRegistry.JoinRequested(id, BOB);
        vm.prank(BOB);
        registry.requestToJoin(id);
        assertEq(registry.joinRequestedAt(id, BOB), T0 + 10, "joinRequestedAt");
        assertFalse(registry.isMember(id, BOB), "not yet a member");
        assertEq(registry.memberCount(id), 1, "memberCount unchanged");
    }

    function test_requestToJoin_revertsWhenPending() public {
        uint256 id = _createTop(ALICE);
        vm.prank(BOB);
        registry.requestToJoin(id);
        vm.prank(BOB);
        vm.expectRevert(_err(ICellRegistry.CellJoinRequestPending.selector, id, BOB));
        registry.requestToJoin(id);
    }

    function test_requestToJoin_revertsForMember() public {
        uint256 id = _createTop(ALICE);
        vm.prank(ALICE);
        vm.expectRevert(_err(ICellRegistry.CellAlreadyMember.selector, id, ALICE));
        registry.requestToJoin(id);
    }

    function test_requestToJoin_revertsOnNonexistentCell() public {
        vm.prank(BOB);
        vm.expectRevert(abi.encodeWithSelector(ICellRegistry.CellNonexistent.selector, 4));
        registry.requestToJoin(4);
    }

    function test_approveJoin_makesMember() public {
        uint256 id = _createTop(ALICE);
        vm.prank(BOB);
        registry.requestToJoin(id);

        vm.expectEmit();
        emit ICellRegistry.JoinRequestClosed(id, BOB, ALICE, true);
        vm.expectEmit();
        emit ICellRegistry.RolesChanged(id, BOB, 0, MEMBER, ALICE);
        vm.prank(ALICE);
        registry.approveJoin(id, BOB);

        assertEq(registry.rolesOf(id, BOB), MEMBER, "roles");
        assertEq(registry.joinRequestedAt(id, BOB), 0, "request closed");
        assertEq(registry.memberCount(id), 2, "memberCount");
    }

    function test_approveJoin_byAncestorSteward() public {
        uint256[] memory chain = _createChain(3);
        vm.prank(BOB);
        registry.requestToJoin(chain[2]);
        vm.prank(ALICE);
        registry.approveJoin(chain[2], BOB);
        assertTrue(registry.isMember(chain[2], BOB), "member");
    }

    function test_approveJoin_revertsWithoutRequest() public {
        uint256 id = _createTop(ALICE);
        vm.prank(ALICE);
        vm.expectRevert(_err(ICellRegistry.CellNoJoinRequest.selector, id, BOB));
        registry.approveJoin(id, BOB);
    }

    function test_approveJoin_revertsForNonSteward() public {
        uint256 id = _createTop(ALICE);
        _add(ALICE, id, CAROL, MEMBER);
        vm.prank(BOB);
        registry.requestToJoin(id);
        vm.prank(CAROL);
        vm.expectRevert(_err(ICellRegistry.CellNotSteward.selector, id, CAROL));
        registry.approveJoin(id, BOB);
        // The requester cannot approve itself.
        vm.prank(BOB);
        vm.expectRevert(_err(ICellRegistry.CellNotSteward.selector, id, BOB));
        registry.approveJoin(id, BOB);
    }

    function test_approveJoin_revertsOnNonexistentCell() public {
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(ICellRegistry.CellNonexistent.selector, 2));
        registry.approveJoin(2, BOB);
    }

    function test_rejectJoin_closesRequest() public {
        uint256 id = _createTop(ALICE);
        vm.prank(BOB);
        registry.requestToJoin(id);
        vm.expectEmit();
        emit ICellRegistry.JoinRequestClosed(id, BOB, ALICE, false);
        vm.prank(ALICE);
        registry.rejectJoin(id, BOB);
        assertEq(registry.joinRequestedAt(id, BOB), 0, "closed");
        assertFalse(registry.isMember(id, BOB), "not a member");
        // BOB may ask again.
        vm.prank(BOB);
        registry.requestToJoin(id);
        assertEq(registry.joinRequestedAt(id, BOB), T0, "requested again");
    }

    function test_rejectJoin_revertsWithoutRequest() public {
        uint256 id = _createTop(ALICE);
        vm.prank(ALICE);
        vm.expectRevert(_err(ICellRegistry.CellNoJoinRequest.selector, id, BOB));
        registry.rejectJoin(id, BOB);
    }

    function test_rejectJoin_revertsForNonSteward() public {
        uint256 id = _createTop(ALICE);
        vm.prank(BOB);
        registry.requestToJoin(id);
        vm.prank(CAROL);
        vm.expectRevert(_err(ICellRegistry.CellNotSteward.selector, id, CAROL));
        registry.rejectJoin(id, BOB);
    }

    function test_rejectJoin_revertsOnNonexistentCell() public {
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(ICellRegistry.CellNonexistent.selector, 2));
        registry.rejectJoin(2, BOB);
    }

    function test_cancelJoinRequest_withdraws() public {
        uint256 id = _createTop(ALICE);
        vm.prank(BOB);
        registry.requestToJoin(id);
        vm.expectEmit();
        emit ICellRegistry.JoinRequestClosed(id, BOB, BOB, false);
        vm.prank(BOB);
        registry.cancelJoinRequest(id);
        assertEq(registry.joinRequestedAt(id, BOB), 0, "withdrawn");
        vm.prank(ALICE);
        vm.expectRevert(_err(ICellRegistry.CellNoJoinRequest.selector, id, BOB));
        registry.approveJoin(id, BOB);
    }

    function test_cancelJoinRequest_revertsWithoutRequest() public {
        uint256 id = _createTop(ALICE);
        vm.prank(BOB);
        vm.expectRevert(_err(ICellRegistry.CellNoJoinRequest.selector, id, BOB));
        registry.cancelJoinRequest(id);
    }

    function test_cancelJoinRequest_revertsOnNonexistentCell() public {
        vm.prank(BOB);
        vm.expectRevert(abi.encodeWithSelector(ICellRegistry.CellNonexistent.selector, 6));
        registry.cancelJoinRequest(6);
    }

    /// @notice Inviting an account with a pending request closes the request as approved.
    function test_addMember_closesPendingRequest() public {
        uint256 id = _createTop(ALICE);
        vm.prank(BOB);
        registry.requestToJoin(id);

        vm.expectEmit();
        emit ICellRegistry.JoinRequestClosed(id, BOB, ALICE, true);
        vm.expectEmit();
        emit ICellRegistry.RolesChanged(id, BOB, 0, STEWARD, ALICE);
        _add(ALICE, id, BOB, STEWARD);

        assertEq(registry.joinRequestedAt(id, BOB), 0, "request closed");
        vm.prank(ALICE);
        vm.expectRevert(_err(ICellRegistry.CellNoJoinRequest.selector, id, BOB));
        registry.approveJoin(id, BOB);

        // After leaving, BOB has no stale request and may ask again.
        vm.prank(BOB);
        registry.leave(id);
        assertEq(registry.joinRequestedAt(id, BOB), 0, "no stale request");
        vm.prank(BOB);
        registry.requestToJoin(id);
        assertEq(registry.joinRequestedAt(id, BOB), T0, "new request");
    }

    // ─────────────────────────────────────────────────────────────── delegate (I6) and its history

    function test_delegate_uniqueness() public {
        uint256 id = _createTop(ALICE);
        _add(ALICE, id, BOB, DELEGATE);

        vm.prank(ALICE);
        vm.expectRevert(_err(ICellRegistry.CellDelegateTaken.selector, id, BOB));
        registry.addMember(id, CAROL, DELEGATE);

        _add(ALICE, id, CAROL, MEMBER);
        vm.prank(ALICE);
        vm.expectRevert(_err(ICellRegistry.CellDelegateTaken.selector, id, BOB));
        registry.setRoles(id, CAROL, ROLES_ALL);

        // Demote first, then hand over.
        vm.prank(ALICE);
        registry.setRoles(id, BOB, MEMBER);
        vm.prank(ALICE);
        registry.setRoles(id, CAROL, DELEGATE);
        assertEq(registry.delegateOf(id), CAROL, "CAROL is the delegate");
    }

    /// @notice Each cell has its own delegate.
    function test_delegate_perCell() public {
        uint256 root = _createTop(ALICE);
        uint256 child = _createChild(ALICE, root);
        _add(ALICE, root, BOB, DELEGATE);
        _add(ALICE, child, CAROL, DELEGATE);
        assertEq(registry.delegateOf(root), BOB, "root");
        assertEq(registry.delegateOf(child), CAROL, "child");
    }

    /// @notice delegateAt reads the checkpointed delegate as it stood at a past timepoint.
    function test_delegateAt_checkpoints() public {
        uint256 id = _createTop(ALICE);
        vm.warp(T0 + 100);
        _add(ALICE, id, BOB, DELEGATE);
        vm.warp(T0 + 200);
        vm.prank(ALICE);
        registry.setRoles(id, BOB, MEMBER);
        vm.warp(T0 + 300);
        _add(ALICE, id, CAROL, DELEGATE);
        vm.warp(T0 + 400);
        vm.prank(CAROL);
        registry.leave(id);
        vm.warp(T0 + 500);

        assertEq(registry.delegateAt(id, T0), address(0), "before anyone");
        assertEq(registry.delegateAt(id, T0 + 99), address(0), "just before BOB");
        assertEq(registry.delegateAt(id, T0 + 100), BOB, "BOB from T0+100");
        assertEq(registry.delegateAt(id, T0 + 199), BOB, "BOB until T0+199");
        assertEq(registry.delegateAt(id, T0 + 200), address(0), "gap");
        assertEq(registry.delegateAt(id, T0 + 300), CAROL, "CAROL");
        assertEq(registry.delegateAt(id, T0 + 399), CAROL, "CAROL until she left");
        assertEq(registry.delegateAt(id, T0 + 400), address(0), "after CAROL left");
        assertEq(registry.delegateOf(id), address(0), "none now");
    }

    /// @notice Several changes in one block: the checkpoint keeps the last value.
    function test_delegateAt_sameBlockChangesKeepLast() public {
        uint256 id = _createTop(ALICE);
        _add(ALICE, id, BOB, DELEGATE);
        vm.prank(BOB);
        registry.leave(id);
        _add(ALICE, id, CAROL, DELEGATE);
        vm.warp(T0 + 1);
        assertEq(registry.delegateAt(id, T0), CAROL, "last value of the block");
    }

    function test_delegateAt_revertsOnFutureLookup() public {
        uint256 id = _createTop(ALICE);
        vm.expectRevert(abi.encodeWithSelector(ICellRegistry.CellFutureLookup.selector, T0, uint48(T0)));
        registry.delegateAt(id, T0);
        vm.expectRevert(abi.encodeWithSelector(ICellRegistry.CellFutureLookup.selector, T0 + 1, uint48(T0)));
        registry.delegateAt(id, T0 + 1);
    }

    // ─────────────────────────────────────────────────────────────── phase and nucleus

    function test_setPhase_allPhases() public {
        uint256 id = _createTop(ALICE);
        vm.expectEmit();
        emit ICellRegistry.PhaseChanged(id, 0, 2, ALICE);
        vm.prank(ALICE);
        registry.setPhase(id, 2);
        assertEq(registry.phaseOf(id), 2, "phase 2");
        assertEq(registry.getCell(id).phase, 2, "getCell.phase");

        vm.expectEmit();
        emit ICellRegistry.PhaseChanged(id, 2, 3, ALICE);
        vm.prank(ALICE);
        registry.setPhase(id, 3);

        vm.prank(ALICE);
        registry.setPhase(id, 0);
        assertEq(registry.phaseOf(id), 0, "back to 0");
    }

    function test_setPhase_byAncestorSteward() public {
        uint256[] memory chain = _createChain(2);
        vm.prank(ALICE);
        registry.setPhase(chain[1], 1);
        assertEq(registry.phaseOf(chain[1]), 1, "child phase");
        assertEq(registry.phaseOf(chain[0]), 0, "parent untouched");
    }

    function test_setPhase_revertsOnInvalidPhase() public {
        uint256 id = _createTop(ALICE);
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(ICellRegistry.CellInvalidPhase.selector, uint8(4)));
        registry.setPhase(id, 4);
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(ICellRegistry.CellInvalidPhase.selector, uint8(255)));
        registry.setPhase(id, 255);
    }

    function test_setPhase_revertsForNonStewardAndNonexistent() public {
        uint256 id = _createTop(ALICE);
        _add(ALICE, id, BOB, MEMBER);
        vm.prank(BOB);
        vm.expectRevert(_err(ICellRegistry.CellNotSteward.selector, id, BOB));
        registry.setPhase(id, 1);
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(ICellRegistry.CellNonexistent.selector, 2));
        registry.setPhase(2, 1);
    }

    function test_updateNucleus_publishes() public {
        uint256 id = _createTop(ALICE);
        bytes32 next = keccak256("nucleus v2");
        vm.expectEmit();
        emit ICellRegistry.NucleusUpdated(id, "ipfs://v2", next, ALICE);
        vm.prank(ALICE);
        registry.updateNucleus(id, "ipfs://v2", next);
        assertEq(registry.nucleusHashOf(id), next, "nucleusHashOf");
        assertEq(registry.getCell(id).nucleusHash, next, "getCell.nucleusHash");

        // Clearing the hash is allowed.
        vm.prank(ALICE);
        registry.updateNucleus(id, "", bytes32(0));
        assertEq(registry.nucleusHashOf(id), bytes32(0), "cleared");
    }

    function test_updateNucleus_revertsForNonStewardAndNonexistent() public {
        uint256 id = _createTop(ALICE);
        vm.prank(BOB);
        vm.expectRevert(_err(ICellRegistry.CellNotSteward.selector, id, BOB));
        registry.updateNucleus(id, "x", NUCLEUS);
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(ICellRegistry.CellNonexistent.selector, 2));
        registry.updateNucleus(2, "x", NUCLEUS);
    }

    // ─────────────────────────────────────────────────────────────── state declarations and intents

    function test_declareState_recordsAndEmits() public {
        uint256 id = _createTop(ALICE);
        _add(ALICE, id, BOB, MEMBER);
        (string memory state, uint64 at) = registry.stateOf(id, BOB);
        assertEq(state, "", "no state yet");
        assertEq(at, 0, "no time yet");

        vm.warp(T0 + 5);
        vm.expectEmit();
        emit ICellRegistry.StateDeclared(id, BOB, "working on X");
        vm.prank(BOB);
        registry.declareState(id, "working on X");
        (state, at) = registry.stateOf(id, BOB);
        assertEq(state, "working on X", "state");
        assertEq(at, T0 + 5, "declaredAt");

        vm.warp(T0 + 9);
        vm.prank(BOB);
        registry.declareState(id, "idle");
        (state, at) = registry.stateOf(id, BOB);
        assertEq(state, "idle", "state updated");
        assertEq(at, T0 + 9, "declaredAt updated");
    }

    /// @notice A state belongs to a membership: it disappears when the member leaves (or is removed)
    /// and does not come back when it rejoins.
    function test_declareState_clearedWhenMemberLeavesAndRejoins() public {
        uint256 id = _createTop(ALICE);
        _add(ALICE, id, BOB, MEMBER);
        vm.prank(BOB);
        registry.declareState(id, "busy");

        vm.prank(BOB);
        registry.leave(id);
        (string memory state, uint64 at) = registry.stateOf(id, BOB);
        assertEq(state, "", "cleared on leave");
        assertEq(at, 0, "time cleared on leave");

        vm.prank(BOB);
        registry.requestToJoin(id);
        vm.prank(ALICE);
        registry.approveJoin(id, BOB);
        (state, at) = registry.stateOf(id, BOB);
        assertEq(state, "", "not restored on rejoin");
        assertEq(at, 0, "time not restored on rejoin");

        vm.prank(BOB);
        registry.declareState(id, "back");
        vm.prank(ALICE);
        registry.removeMember(id, BOB);
        _add(ALICE, id, BOB, MEMBER);
        (state, at) = registry.stateOf(id, BOB);
        assertEq(state, "", "cleared on removal");
        assertEq(at, 0, "time cleared on removal");
    }

    function test_declareState_revertsForNonMember() public {
        uint256 id = _createTop(ALICE);
        vm.prank(BOB);
        vm.expectRevert(_err(ICellRegistry.CellNotMember.selector, id, BOB));
        registry.declareState(id, "x");
        // An ancestor steward is not a member of the child.
        uint256 child = _createChild(ALICE, id);
        vm.prank(ALICE);
        vm.expectRevert(_err(ICellRegistry.CellNotMember.selector, child, ALICE));
        registry.declareState(child, "x");
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(ICellRegistry.CellNonexistent.selector, 3));
        registry.declareState(3, "x");
    }

    function test_signalIntent_emits() public {
        uint256 id = _createTop(ALICE);
        vm.expectEmit();
        emit ICellRegistry.IntentSignalled(id, ALICE, "deploy", uint64(T0 + 3600));
        vm.prank(ALICE);
        registry.signalIntent(id, "deploy", uint64(T0 + 3600));
        // "Now" is not in the past.
        vm.expectEmit();
        emit ICellRegistry.IntentSignalled(id, ALICE, "now", uint64(T0));
        vm.prank(ALICE);
        registry.signalIntent(id, "now", uint64(T0));
    }

    function test_signalIntent_revertsInPast() public {
        uint256 id = _createTop(ALICE);
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(ICellRegistry.CellIntentInPast.selector, uint64(T0 - 1), T0));
        registry.signalIntent(id, "late", uint64(T0 - 1));
    }

    function test_signalIntent_revertsForNonMemberAndNonexistent() public {
        uint256 id = _createTop(ALICE);
        vm.prank(BOB);
        vm.expectRevert(_err(ICellRegistry.CellNotMember.selector, id, BOB));
        registry.signalIntent(id, "x", uint64(T0 + 1));
        vm.prank(BOB);
        vm.expectRevert(abi.encodeWithSelector(ICellRegistry.CellNonexistent.selector, 8));
        registry.signalIntent(8, "x", uint64(T0 + 1));
    }

    // ─────────────────────────────────────────────────────────────── decision owners

    function test_setDecisionOwner_local() public {
        uint256 id = _createTop(ALICE);
        vm.expectEmit();
        emit ICellRegistry.DecisionOwnerSet(id, TOPIC, BOB, ALICE);
        vm.prank(ALICE);
        registry.setDecisionOwner(id, TOPIC, BOB);
        assertEq(registry.localDecisionOwner(id, TOPIC), BOB, "local");
        (address owner, uint256 definedAt) = registry.decisionOwner(id, TOPIC);
        assertEq(owner, BOB, "owner");
        assertEq(definedAt, id, "definedAt");
        // Topics are independent.
        (owner, definedAt) = registry.decisionOwner(id, OTHER_TOPIC);
        assertEq(owner, address(0), "other topic owner");
        assertEq(definedAt, 0, "other topic definedAt");
    }

    /// @notice Resolution walks up to the nearest cell that defines an owner; clearing re-exposes the parent's.
    function test_decisionOwner_escalation() public {
        uint256[] memory chain = _createChain(4);
        (address owner, uint256 definedAt) = registry.decisionOwner(chain[3], TOPIC);
        assertEq(owner, address(0), "nobody: owner");
        assertEq(definedAt, 0, "nobody: definedAt");

        vm.prank(ALICE);
        registry.setDecisionOwner(chain[0], TOPIC, BOB);
        (owner, definedAt) = registry.decisionOwner(chain[3], TOPIC);
        assertEq(owner, BOB, "root's owner applies");
        assertEq(definedAt, chain[0], "defined at root");
        assertEq(registry.localDecisionOwner(chain[3], TOPIC), address(0), "nothing local");

        vm.prank(ALICE);
        registry.setDecisionOwner(chain[2], TOPIC, CAROL);
        (owner, definedAt) = registry.decisionOwner(chain[3], TOPIC);
        assertEq(owner, CAROL, "nearest wins");
        assertEq(definedAt, chain[2], "defined at chain[2]");
        (owner, definedAt) = registry.decisionOwner(chain[1], TOPIC);
        assertEq(owner, BOB, "above the override the root still applies");
        assertEq(definedAt, chain[0], "defined at root (from chain[1])");

        vm.expectEmit();
        emit ICellRegistry.DecisionOwnerSet(chain[2], TOPIC, address(0), ALICE);
        vm.prank(ALICE);
        registry.setDecisionOwner(chain[2], TOPIC, address(0));
        (owner, definedAt) = registry.decisionOwner(chain[3], TOPIC);
        assertEq(owner, BOB, "cleared: back to the root's");
        assertEq(definedAt, chain[0], "cleared: defined at root");
    }

    function test_setDecisionOwner_revertsForNonStewardAndNonexistent() public {
        uint256[] memory chain = _createChain(2);
        _add(ALICE, chain[1], BOB, STEWARD);
        // BOB stewards the child, not the root.
        vm.prank(BOB);
        vm.expectRevert(_err(ICellRegistry.CellNotSteward.selector, chain[0], BOB));
        registry.setDecisionOwner(chain[0], TOPIC, BOB);
        vm.prank(BOB);
        registry.setDecisionOwner(chain[1], TOPIC, BOB);

        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(ICellRegistry.CellNonexistent.selector, 3));
        registry.setDecisionOwner(3, TOPIC, BOB);
        vm.expectRevert(abi.encodeWithSelector(ICellRegistry.CellNonexistent.selector, 3));
        registry.decisionOwner(3, TOPIC);
    }

    // ─────────────────────────────────────────────────────────────── scale

    /// @notice Scale: <= 8 members collaboration (0), <= 150 coordination (1), beyond constituency (2).
    function test_scaleOf_thresholds() public {
        uint256 id = _createTop(ALICE); // 1 member
        vm.startPrank(ALICE);
        for (uint256 i = 0; i < 7; ++i) registry.addMember(id, _filler(i), MEMBER);
        assertEq(registry.memberCount(id), 8, "8 members");
        assertEq(registry.scaleOf(id), 0, "8 -> 0");
        registry.addMember(id, _filler(7), MEMBER);
        assertEq(registry.scaleOf(id), 1, "9 -> 1");
        assertEq(registry.getCell(id).scale, 1, "getCell.scale at 9");
        for (uint256 i = 8; i < 149; ++i) registry.addMember(id, _filler(i), MEMBER);
        assertEq(registry.memberCount(id), 150, "150 members");
        assertEq(registry.scaleOf(id), 1, "150 -> 1");
        registry.addMember(id, _filler(149), MEMBER);
        assertEq(registry.scaleOf(id), 2, "151 -> 2");
        assertEq(registry.getCell(id).scale, 2, "getCell.scale at 151");
        // Going back down follows the same thresholds.
        registry.removeMember(id, _filler(149));
        assertEq(registry.scaleOf(id), 1, "back to 150 -> 1");
        vm.stopPrank();
    }

    // ─────────────────────────────────────────────────────────────── governance and recognition

    function test_setRecognised_recognisesAndWithdraws() public {
        uint256 a = _createTop(ALICE);
        uint256 b = _createTop(BOB);

        vm.expectEmit();
        emit ICellRegistry.RecognitionChanged(a, true);
        vm.prank(GOV);
        registry.setRecognised(a, true);
        assertTrue(registry.isRecognised(a), "a recognised");
        assertTrue(registry.getCell(a).recognised, "getCell.recognised");
        assertEq(registry.recognisedCount(), 1, "count 1");

        vm.prank(GOV);
        registry.setRecognised(b, true);
        assertEq(registry.recognisedCount(), 2, "count 2");

        // Setting the current value again changes nothing.
        vm.prank(GOV);
        registry.setRecognised(b, true);
        assertEq(registry.recognisedCount(), 2, "still 2");

        vm.expectEmit();
        emit ICellRegistry.RecognitionChanged(a, false);
        vm.prank(GOV);
        registry.setRecognised(a, false);
        assertFalse(registry.isRecognised(a), "a withdrawn");
        assertEq(registry.recognisedCount(), 1, "count 1 again");

        vm.prank(GOV);
        registry.setRecognised(a, false);
        assertEq(registry.recognisedCount(), 1, "withdrawing twice is a no-op");
    }

    /// @notice isRecognisedAt / recognisedCountAt read the checkpointed history.
    function test_recognition_history() public {
        uint256 a = _createTop(ALICE);
        uint256 b = _createTop(BOB);
        vm.warp(T0 + 10);
        vm.prank(GOV);
        registry.setRecognised(a, true);
        vm.warp(T0 + 20);
        vm.prank(GOV);
        registry.setRecognised(b, true);
        vm.warp(T0 + 30);
        vm.prank(GOV);
        registry.setRecognised(a, false);
        vm.warp(T0 + 40);

        assertFalse(registry.isRecognisedAt(a, T0 + 9), "a before");
        assertTrue(registry.isRecognisedAt(a, T0 + 10), "a at 10");
        assertTrue(registry.isRecognisedAt(a, T0 + 29), "a at 29");
        assertFalse(registry.isRecognisedAt(a, T0 + 30), "a at 30");
        assertFalse(registry.isRecognisedAt(b, T0 + 19), "b at 19");
        assertTrue(registry.isRecognisedAt(b, T0 + 39), "b at 39");

        assertEq(registry.recognisedCountAt(T0), 0, "count at T0");
        assertEq(registry.recognisedCountAt(T0 + 10), 1, "count at 10");
        assertEq(registry.recognisedCountAt(T0 + 25), 2, "count at 25");
        assertEq(registry.recognisedCountAt(T0 + 30), 1, "count at 30");
        assertEq(registry.recognisedCount(), 1, "count now");
    }

    function test_recognition_revertsOnFutureLookup() public {
        uint256 a = _createTop(ALICE);
        vm.expectRevert(abi.encodeWithSelector(ICellRegistry.CellFutureLookup.selector, T0, uint48(T0)));
        registry.isRecognisedAt(a, T0);
        vm.expectRevert(abi.encodeWithSelector(ICellRegistry.CellFutureLookup.selector, T0 + 7, uint48(T0)));
        registry.recognisedCountAt(T0 + 7);
    }

    function test_setRecognised_revertsForNonGovernance() public {
        uint256 a = _createTop(ALICE);
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(ICellRegistry.CellUnauthorizedGovernance.selector, ALICE));
        registry.setRecognised(a, true);
    }

    function test_setRecognised_revertsOnNonexistentCell() public {
        vm.prank(GOV);
        vm.expectRevert(abi.encodeWithSelector(ICellRegistry.CellNonexistent.selector, 1));
        registry.setRecognised(1, true);
    }

    function test_transferGovernance_movesPower() public {
        uint256 a = _createTop(ALICE);
        vm.expectEmit();
        emit ICellRegistry.GovernanceTransferred(GOV, EVE);
        vm.prank(GOV);
        registry.transferGovernance(EVE);
        assertEq(registry.governance(), EVE, "governance");

        vm.prank(GOV);
        vm.expectRevert(abi.encodeWithSelector(ICellRegistry.CellUnauthorizedGovernance.selector, GOV));
        registry.setRecognised(a, true);
        vm.prank(EVE);
        registry.setRecognised(a, true);
        assertTrue(registry.isRecognised(a), "recognised by the new governance");
    }

    function test_transferGovernance_revertsOnZeroAndForNonGovernance() public {
        vm.prank(GOV);
        vm.expectRevert(abi.encodeWithSelector(ICellRegistry.CellZeroAddress.selector));
        registry.transferGovernance(address(0));
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(ICellRegistry.CellUnauthorizedGovernance.selector, ALICE));
        registry.transferGovernance(ALICE);
    }

    // ─────────────────────────────────────────────────────────────── nonexistent cells (reads)

    /// @notice Views that describe a cell refuse unknown ids (including 0); membership views answer "no".
    function test_reads_nonexistentCell() public {
        _createTop(ALICE);
        uint256[2] memory unknown = [uint256(0), 2];
        for (uint256 i = 0; i < unknown.length; ++i) {
            uint256 id = unknown[i];
            bytes memory expected = abi.encodeWithSelector(ICellRegistry.CellNonexistent.selector, id);
            vm.expectRevert(expected);
            registry.memberCount(id);
            vm.expectRevert(expected);
            registry.parentOf(id);
            vm.expectRevert(expected);
            registry.phaseOf(id);
            vm.expectRevert(expected);
            registry.scaleOf(id);
            vm.expectRevert(expected);
            registry.depthOf(id);
            vm.expectRevert(expected);
            registry.nucleusHashOf(id);
            vm.expectRevert(expected);
            registry.getCell(id);
            vm.expectRevert(expected);
            registry.decisionOwner(id, TOPIC);
            assertFalse(registry.exists(id), "exists");
            assertFalse(registry.isMember(id, ALICE), "isMember");
            assertFalse(registry.isSteward(id, ALICE), "isSteward");
            assertEq(registry.rolesOf(id, ALICE), 0, "rolesOf");
            assertEq(registry.joinRequestedAt(id, ALICE), 0, "joinRequestedAt");
            assertFalse(registry.isRecognised(id), "isRecognised");
            assertEq(registry.delegateOf(id), address(0), "delegateOf");
        }
    }

    // ─────────────────────────────────────────────────────────────── Multicall

    /// @notice A steward batches three invitations in one transaction; msg.sender is preserved.
    function test_multicall_stewardAddsThreeMembers() public {
        uint256 id = _createTop(ALICE);
        bytes[] memory calls = new bytes[](3);
        calls[0] = abi.encodeCall(ICellRegistry.addMember, (id, BOB, MEMBER));
        calls[1] = abi.encodeCall(ICellRegistry.addMember, (id, CAROL, STEWARD));
        calls[2] = abi.encodeCall(ICellRegistry.addMember, (id, DAVE, DELEGATE));

        vm.expectEmit();
        emit ICellRegistry.RolesChanged(id, BOB, 0, MEMBER, ALICE);
        vm.expectEmit();
        emit ICellRegistry.RolesChanged(id, CAROL, 0, STEWARD, ALICE);
        vm.expectEmit();
        emit ICellRegistry.RolesChanged(id, DAVE, 0, DELEGATE, ALICE);
        vm.prank(ALICE);
        registry.multicall(calls);

        assertEq(registry.memberCount(id), 4, "memberCount");
        assertEq(registry.getCell(id).stewardCount, 2, "stewardCount");
        assertEq(registry.delegateOf(id), DAVE, "delegate");
    }

    /// @notice Create a child and staff it in one batch (ids are predictable: cellCount + 1).
    function test_multicall_createAndStaffChild() public {
        uint256 root = _createTop(ALICE);
        uint256 expectedChild = registry.cellCount() + 1;
        bytes[] memory calls = new bytes[](3);
        calls[0] = abi.encodeCall(ICellRegistry.createCell, (root, "team", "ipfs://team", NUCLEUS));
        calls[1] = abi.encodeCall(ICellRegistry.addMember, (expectedChild, BOB, STEWARD));
        calls[2] = abi.encodeCall(ICellRegistry.setPhase, (expectedChild, 1));
        vm.prank(ALICE);
        bytes[] memory results = registry.multicall(calls);
        assertEq(abi.decode(results[0], (uint256)), expectedChild, "returned id");
        assertEq(registry.parentOf(expectedChild), root, "parent");
        assertEq(registry.getCell(expectedChild).stewardCount, 1, "staffed");
        assertEq(registry.phaseOf(expectedChild), 1, "phase");
    }

    /// @notice A batch is atomic and bubbles the first refusal unchanged.
    function test_multicall_isAtomic() public {
        uint256 id = _createTop(ALICE);
        bytes[] memory calls = new bytes[](3);
        calls[0] = abi.encodeCall(ICellRegistry.addMember, (id, BOB, MEMBER));
        calls[1] = abi.encodeCall(ICellRegistry.addMember, (id, CAROL, MEMBER));
        calls[2] = abi.encodeCall(ICellRegistry.addMember, (id, BOB, MEMBER));
        vm.prank(ALICE);
        vm.expectRevert(_err(ICellRegistry.CellAlreadyMember.selector, id, BOB));
        registry.multicall(calls);
        assertEq(registry.memberCount(id), 1, "nothing applied");

        // msg.sender is preserved: a non-steward's batch is refused.
        calls = new bytes[](1);
        calls[0] = abi.encodeCall(ICellRegistry.addMember, (id, CAROL, MEMBER));
        vm.prank(BOB);
        vm.expectRevert(_err(ICellRegistry.CellNotSteward.selector, id, BOB));
        registry.multicall(calls);
    }

    // ═══════════════════════════════════════════════════════════════ fuzz tests

    /// @notice Any uint8 role set is either accepted by addMember (and then stored as given: MEMBER set,
    /// no reserved bit) or refused with CellInvalidRoles(roles).
    function test_fuzz_addMember_acceptsOnlyValidRoleSets(uint256 rolesSeed) public {
        uint8 roles = uint8(bound(rolesSeed, 0, type(uint8).max));
        uint256 id = _createTop(ALICE);
        bool valid = roles & ROLE_MEMBER != 0 && roles & ~ROLES_ALL == 0;
        if (!valid) {
            vm.prank(ALICE);
            vm.expectRevert(abi.encodeWithSelector(ICellRegistry.CellInvalidRoles.selector, roles));
            registry.addMember(id, BOB, roles);
            assertEq(registry.memberCount(id), 1, "refused: nobody added");
            return;
        }
        _add(ALICE, id, BOB, roles);
        uint8 stored = registry.rolesOf(id, BOB);
        assertEq(stored, roles, "stored as given");
        assertTrue(stored & ROLE_MEMBER != 0, "includes MEMBER");
        assertEq(stored & ~ROLES_ALL, 0, "no reserved bit");
        assertEq(registry.getCell(id).stewardCount, roles & ROLE_STEWARD != 0 ? 2 : 1, "stewardCount");
        assertEq(registry.delegateOf(id), roles & ROLE_DELEGATE != 0 ? BOB : address(0), "delegate");
    }

    /// @notice Same rule for setRoles, starting from any valid role set.
    function test_fuzz_setRoles_acceptsOnlyValidRoleSets(uint256 fromSeed, uint256 rolesSeed) public {
        uint8 from = uint8(bound(fromSeed, 0, 3)) * 2 + 1; // 1, 3, 5, 7
        uint8 roles = uint8(bound(rolesSeed, 0, type(uint8).max));
        uint256 id = _createTop(ALICE);
        _add(ALICE, id, BOB, from);
        bool valid = roles & ROLE_MEMBER != 0 && roles & ~ROLES_ALL == 0;
        vm.prank(ALICE);
        if (!valid) vm.expectRevert(abi.encodeWithSelector(ICellRegistry.CellInvalidRoles.selector, roles));
        registry.setRoles(id, BOB, roles);
        uint8 expected = valid ? roles : from;
        assertEq(registry.rolesOf(id, BOB), expected, "roles");
        assertEq(registry.getCell(id).stewardCount, expected & ROLE_STEWARD != 0 ? 2 : 1, "stewardCount");
        assertEq(registry.delegateOf(id), expected & ROLE_DELEGATE != 0 ? BOB : address(0), "delegate");
        assertEq(registry.memberCount(id), 2, "memberCount");
    }

    /// @notice scaleOf / getCell.scale equal the reference formula for any member count up to 200,
    /// after growing and after shrinking.
    function test_fuzz_scaleOf_matchesReference(uint256 countSeed, uint256 removeSeed) public {
        uint256 count = bound(countSeed, 1, 200);
        uint256 removed = bound(removeSeed, 0, count - 1);
        uint256 id = _createTop(ALICE);
        vm.startPrank(ALICE);
        for (uint256 i = 1; i < count; ++i) registry.addMember(id, _filler(i), MEMBER);
        assertEq(registry.memberCount(id), count, "memberCount");
        assertEq(registry.scaleOf(id), _referenceScale(count), "scale after growth");
        assertEq(registry.getCell(id).scale, _referenceScale(count), "getCell.scale after growth");
        for (uint256 i = 1; i <= removed; ++i) registry.removeMember(id, _filler(i));
        vm.stopPrank();
        assertEq(registry.scaleOf(id), _referenceScale(count - removed), "scale after shrinking");
    }

    /// @notice For a chain of random depth 1..8 with an owner at a random ancestor (and optionally a
    /// second, deeper owner), every cell resolves to its nearest defining ancestor, or (0, 0) above it.
    function test_fuzz_decisionOwner_resolvesNearestAncestor(
        uint256 depthSeed,
        uint256 ownerAtSeed,
        uint256 secondAtSeed,
        address owner,
        address second
    ) public {
        uint256 depth = bound(depthSeed, 1, MAX_DEPTH);
        uint256 ownerAt = bound(ownerAtSeed, 0, depth - 1);
        uint256 secondAt = bound(secondAtSeed, ownerAt, depth); // == depth: no second owner
        vm.assume(owner != address(0) && second != address(0));
        uint256[] memory chain = _createChain(depth);

        vm.prank(ALICE);
        registry.setDecisionOwner(chain[ownerAt], TOPIC, owner);
        if (secondAt != ownerAt && secondAt < depth) {
            vm.prank(ALICE);
            registry.setDecisionOwner(chain[secondAt], TOPIC, second);
        }

        for (uint256 i = 0; i < depth; ++i) {
            (address got, uint256 definedAt) = registry.decisionOwner(chain[i], TOPIC);
            if (i < ownerAt) {
                assertEq(got, address(0), "above: no owner");
                assertEq(definedAt, 0, "above: definedAt 0");
            } else if (secondAt != ownerAt && secondAt < depth && i >= secondAt) {
                assertEq(got, second, "below the second owner");
                assertEq(definedAt, chain[secondAt], "definedAt second");
            } else {
                assertEq(got, owner, "owner");
                assertEq(definedAt, chain[ownerAt], "definedAt owner");
            }
            assertLe(definedAt, chain[i], "definedAt is the cell or an ancestor (ids grow downward)");
        }
    }

    /// @notice A child can be created under a cell of depth d iff d < MAX_DEPTH.
    function test_fuzz_createCell_refusedBeyondMaxDepth(uint256 depthSeed) public {
        uint256 depth = bound(depthSeed, 1, MAX_DEPTH);
        uint256[] memory chain = _createChain(depth);
        uint256 leaf = chain[depth - 1];
        vm.prank(ALICE);
        if (depth == MAX_DEPTH) {
            vm.expectRevert(abi.encodeWithSelector(ICellRegistry.CellDepthLimit.selector, leaf, MAX_DEPTH));
            registry.createCell(leaf, "x", "", bytes32(0));
        } else {
            uint256 child = registry.createCell(leaf, "x", "", bytes32(0));
            assertEq(registry.depthOf(child), depth + 1, "depth");
        }
    }

    /// @notice Stewardship is inherited downward only: a steward placed at chain[k] stewards chain[i] iff i >= k.
    function test_fuzz_isSteward_inheritedDownwardOnly(uint256 depthSeed, uint256 atSeed) public {
        uint256 depth = bound(depthSeed, 1, MAX_DEPTH);
        uint256 at = bound(atSeed, 0, depth - 1);
        uint256[] memory chain = _createChain(depth);
        _add(ALICE, chain[at], BOB, STEWARD);
        for (uint256 i = 0; i < depth; ++i) {
            assertEq(registry.isSteward(chain[i], BOB), i >= at, "isSteward");
            assertEq(registry.isMember(chain[i], BOB), i == at, "isMember");
        }
    }

    /// @notice Any caller that is not the steward is refused when creating a child, with its own address.
    function test_fuzz_createCell_nonStewardRefused(address caller) public {
        vm.assume(caller != ALICE);
        uint256 root = _createTop(ALICE);
        vm.prank(caller);
        vm.expectRevert(_err(ICellRegistry.CellNotSteward.selector, root, caller));
        registry.createCell(root, "x", "", bytes32(0));
    }

    /// @notice Phases 0..3 are accepted, anything else is refused with CellInvalidPhase(phase).
    function test_fuzz_setPhase_acceptsOnlyZeroToThree(uint256 phaseSeed) public {
        uint8 phase = uint8(bound(phaseSeed, 0, type(uint8).max));
        uint256 id = _createTop(ALICE);
        vm.prank(ALICE);
        if (phase > 3) vm.expectRevert(abi.encodeWithSelector(ICellRegistry.CellInvalidPhase.selector, phase));
        registry.setPhase(id, phase);
        assertEq(registry.phaseOf(id), phase > 3 ? 0 : phase, "phase");
    }

    /// @notice An intent at or after now is accepted; before now it is refused with CellIntentInPast(at, now).
    function test_fuzz_signalIntent_refusesPast(uint64 at) public {
        uint256 id = _createTop(ALICE);
        vm.prank(ALICE);
        if (at < T0) {
            vm.expectRevert(abi.encodeWithSelector(ICellRegistry.CellIntentInPast.selector, at, T0));
        } else {
            vm.expectEmit();
            emit ICellRegistry.IntentSignalled(id, ALICE, "i", at);
        }
        registry.signalIntent(id, "i", at);
    }

    /// @notice Every timepoint at or after the clock is refused by the three history reads
    /// (delegateAt, isRecognisedAt, recognisedCountAt) with CellFutureLookup(timepoint, clock).
    function test_fuzz_delegateAt_refusesFutureTimepoints(uint256 timepoint) public {
        timepoint = bound(timepoint, T0, type(uint256).max);
        uint256 id = _createTop(ALICE);
        bytes memory expected = abi.encodeWithSelector(ICellRegistry.CellFutureLookup.selector, timepoint, uint48(T0));
        vm.expectRevert(expected);
        registry.isRecognisedAt(id, timepoint);
        vm.expectRevert(expected);
        registry.recognisedCountAt(timepoint);
        vm.expectRevert(expected);
        registry.delegateAt(id, timepoint);
    }

    /// @notice isRecognisedAt, recognisedCountAt and delegateAt answer correctly at any past timepoint
    /// around two changes (recognised + delegate at t1, both withdrawn at t2).
    function test_fuzz_isRecognisedAt_matchesHistory(uint256 gap1, uint256 gap2, uint256 probe) public {
        gap1 = bound(gap1, 1, 365 days);
        gap2 = bound(gap2, 1, 365 days);
        uint256 id = _createTop(ALICE);
        uint256 t1 = T0 + gap1;
        uint256 t2 = t1 + gap2;

        vm.warp(t1);
        vm.prank(GOV);
        registry.setRecognised(id, true);
        _add(ALICE, id, BOB, DELEGATE);
        vm.warp(t2);
        vm.prank(GOV);
        registry.setRecognised(id, false);
        vm.prank(BOB);
        registry.leave(id);
        vm.warp(t2 + 1);

        probe = bound(probe, 0, t2);
        bool inside = probe >= t1 && probe < t2;
        assertEq(registry.isRecognisedAt(id, probe), inside, "isRecognisedAt");
        assertEq(registry.recognisedCountAt(probe), inside ? 1 : 0, "recognisedCountAt");
        assertEq(registry.delegateAt(id, probe), inside ? BOB : address(0), "delegateAt");
    }

    // ─────────────────────────────────────────────────────────────── operational-house seats

    function test_seats_followDelegateAndRecognition() public {
        uint256 a = _createTop(ALICE);
        uint256 b = _createTop(ALICE);
        vm.prank(ALICE);
        registry.addMember(a, BOB, DELEGATE);
        assertEq(registry.seatsOf(BOB), 0, "no seat before recognition");

        vm.expectEmit(address(registry));
        emit ICellRegistry.SeatsChanged(BOB, 0, 1);
        vm.prank(GOV);
        registry.setRecognised(a, true);
        assertEq(registry.seatsOf(BOB), 1, "seat on recognition");
        assertEq(registry.getVotes(BOB), 0, "votes only after the seat delay");

        vm.prank(GOV);
        registry.setRecognised(b, true);
        assertEq(registry.seatsOf(BOB), 1, "a recognised cell without delegate gives no seat");
        assertEq(registry.heldSeats(), 1, "one held seat of two recognised cells");
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(ICellRegistry.CellAccountHoldsSeat.selector, BOB, b));
        registry.addMember(b, BOB, DELEGATE);
        vm.prank(ALICE);
        registry.addMember(b, CAROL, DELEGATE);
        uint256 t1 = block.timestamp;
        vm.warp(t1 + 10);

        vm.prank(ALICE); // ALICE is b's own steward (it created b)
        registry.setRoles(a, BOB, MEMBER);
        assertEq(registry.seatsOf(BOB), 0, "seat lost on demotion");
        vm.prank(ALICE);
        registry.setRoles(a, BOB, MEMBER | ROLE_DELEGATE);
        assertEq(registry.seatsOf(BOB), 1, "seat back when reappointed");
        vm.prank(GOV);
        registry.setRecognised(b, false);
        assertEq(registry.seatsOf(CAROL), 0, "seat lost when the cell is no longer recognised");
        uint256 delay = registry.SEAT_DELAY();
        vm.warp(t1 + delay + 20);

        assertEq(registry.seatsAt(BOB, t1), 1, "seatsAt past (booked)");
        assertEq(registry.getPastVotes(BOB, t1), 0, "votes lag the booking");
        assertEq(registry.getPastVotes(BOB, t1 + delay), 1, "getPastVotes after the delay");
        assertEq(registry.getPastTotalSupply(t1 + delay), 2, "total = held seats");
        assertEq(registry.getPastTotalSupply(t1 + delay + 10), 1, "total after withdrawal");
        assertEq(registry.seatsAt(BOB, t1 - 1), 0, "before any seat");
    }

    function test_seats_ancestorCannotChangeARecognisedCellsSeat() public {
        uint256 top = _createTop(ALICE);
        vm.prank(ALICE);
        uint256 child = registry.createCell(top, "child", "", bytes32(0));
        vm.startPrank(ALICE);
        registry.addMember(child, BOB, MEMBER | ROLE_STEWARD);
        registry.addMember(child, CAROL, DELEGATE);
        vm.stopPrank();
        vm.prank(GOV);
        registry.setRecognised(child, true);
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(ICellRegistry.CellSeatChangeNotOwnSteward.selector, child, ALICE));
        registry.setRoles(child, CAROL, MEMBER);
        vm.prank(BOB); // the cell's own steward may
        registry.setRoles(child, CAROL, MEMBER);
        assertEq(registry.delegateOf(child), address(0), "own steward removed the delegate");
        vm.prank(GOV); // and so may governance
        registry.setRoles(child, CAROL, DELEGATE);
        assertEq(registry.delegateOf(child), CAROL, "governance appointed");
    }

    function test_seats_futureLookupRefused() public {
        vm.expectRevert(abi.encodeWithSelector(ICellRegistry.CellFutureLookup.selector, T0, uint48(T0)));
        registry.seatsAt(BOB, T0);
        vm.expectRevert(abi.encodeWithSelector(ICellRegistry.CellFutureLookup.selector, T0 + 1, uint48(T0)));
        registry.getPastTotalSupply(T0 + 1);
    }

    function test_seats_leavingDelegateLosesSeat() public {
        uint256 a = _createTop(ALICE);
        vm.prank(GOV);
        registry.setRecognised(a, true);
        vm.prank(ALICE);
        registry.addMember(a, BOB, DELEGATE);
        assertEq(registry.seatsOf(BOB), 1, "seat");
        vm.prank(BOB);
        registry.leave(a);
        assertEq(registry.seatsOf(BOB), 0, "seat gone with the member");
        vm.prank(ALICE);
        registry.addMember(a, CAROL, DELEGATE);
        assertEq(registry.seatsOf(CAROL), 1, "new delegate holds the seat");
    }
}
