// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "../utils/Test.sol";
import {CellRegistry} from "../../contracts/cells/CellRegistry.sol";
import {ROLE_MEMBER} from "../../contracts/cells/ICellRegistry.sol";
import {ResourceLeases} from "../../contracts/leases/ResourceLeases.sol";
import {IResourceLeases} from "../../contracts/leases/IResourceLeases.sol";

/// @dev Shared fixture: cell 1 "ops" (steward + alice, bob, carol, dave), its child cell 3, cell 2 "other"
/// (stewardB + eve), mallory in no cell; resource `rid` owned by cell 1, policy 0, max 1h, claim window 5 min.
abstract contract LeasesFixture is Test {
    uint256 internal constant T0 = 1_700_000_000;
    uint64 internal constant MAX = 3600;
    uint64 internal constant W = 300;

    address internal constant steward = address(0x57E1);
    address internal constant stewardB = address(0x57E2);
    address internal constant alice = address(0xA11CE);
    address internal constant bob = address(0xB0B);
    address internal constant carol = address(0xCA401);
    address internal constant dave = address(0xDA7E);
    address internal constant eve = address(0xE7E);
    address internal constant mallory = address(0xBAD);
    address internal constant erin = address(0xE1214);

    CellRegistry internal registry;
    ResourceLeases internal leases;
    uint256 internal rid;

    function setUp() public virtual {
        vm.warp(T0);
        registry = new CellRegistry(address(this));
        vm.startPrank(steward);
        registry.createCell(0, "ops", "", bytes32(0)); // 1
        registry.addMember(1, alice, ROLE_MEMBER);
        registry.addMember(1, bob, ROLE_MEMBER);
        registry.addMember(1, carol, ROLE_MEMBER);
        registry.addMember(1, dave, ROLE_MEMBER);
        registry.addMember(1, erin, ROLE_MEMBER);
        vm.stopPrank();
        vm.startPrank(stewardB);
        registry.createCell(0, "other", "", bytes32(0)); // 2
        registry.addMember(2, eve, ROLE_MEMBER);
        vm.stopPrank();
        vm.prank(steward);
        registry.createCell(1, "child", "", bytes32(0)); // 3, stewarded by cell 1's steward
        leases = new ResourceLeases(registry);
        vm.prank(steward);
        rid = leases.registerResource(1, "printer", MAX, 0, W);
        _relax(rid);
    }

    /// @dev The limits most unit tests assume: 6 bookings per account, a year ahead, no cool-down (the
    /// fairness tests set their own).
    function _relax(uint256 id) internal {
        vm.prank(steward);
        leases.setLimits(id, 6, 366 days, 0);
    }

    // ─────────────────────────────────────────────────────────────── helpers

    function _acquire(address who, uint256 id, uint64 duration) internal returns (uint256 token) {
        vm.prank(who);
        token = leases.acquire(id, duration);
    }

    function _enqueue(address who, uint256 id) internal {
        vm.prank(who);
        leases.enqueue(id);
    }

    function _reserve(address who, uint256 id, uint256 start, uint256 end) internal returns (uint256) {
        vm.prank(who);
        return leases.reserve(id, uint64(start), uint64(end));
    }

    function _register(uint8 access) internal returns (uint256 id) {
        vm.prank(steward);
        id = leases.registerResource(1, "other", MAX, access, W);
        _relax(id);
    }

    function _holder(uint256 id) internal view returns (address holder) {
        (holder, , ) = leases.leaseOf(id);
    }

    function _expiry(uint256 id) internal view returns (uint256 expiresAt) {
        (, expiresAt, ) = leases.leaseOf(id);
    }

    function _claimant(uint256 id) internal view returns (address claimant, uint256 start, uint256 end) {
        (claimant, start, end) = leases.claimantOf(id);
    }

    function _assertClaimant(uint256 id, address who, uint256 start, uint256 end, string memory what) internal view {
        (address c, uint256 s, uint256 e) = _claimant(id);
        assertEq(c, who, string.concat(what, ": claimant"));
        assertEq(s, start, string.concat(what, ": window start"));
        assertEq(e, end, string.concat(what, ": window end"));
    }

    function _booker(uint256 i) internal pure returns (address) {
        return i % 2 == 0 ? bob : carol;
    }

    function _place(uint256 id, address who) internal view returns (bool queued, uint256 start, uint256 end) {
        (queued, , start, end) = leases.placeOf(id, who);
    }

    function _err(bytes4 selector, uint256 a) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(selector, a);
    }
}

contract ResourceLeasesTest is LeasesFixture {
    // ─────────────────────────────────────────────────────────────── registration and policy

    function test_register_storesPolicyAndEmits() public {
        vm.expectEmit(address(leases));
        emit IResourceLeases.ResourceRegistered(2, 1, steward, "room", 7200, 2, 60);
        vm.prank(steward);
        uint256 id = leases.registerResource(1, "room", 7200, 2, 60);
        assertEq(id, 2, "id");
        assertEq(leases.resourceCount(), 2, "count");
        IResourceLeases.ResourceInfo memory info = leases.getResource(id);
        assertEq(info.ownerCellId, 1, "owner");
        assertEq(info.access, 2, "access");
        assertEq(info.maxDuration, 7200, "max");
        assertEq(info.claimWindow, 60, "window");
        assertEq(info.holder, address(0), "holder");
        assertEq(info.fencingToken, 0, "token");
        assertEq(leases.registry(), address(registry), "registry");
    }

    function test_register_refusesNonStewards() public {
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.ResourceNotSteward.selector, 0, 1, alice));
        vm.prank(alice);
        leases.registerResource(1, "x", MAX, 0, W);
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.ResourceNotSteward.selector, 0, 99, steward));
        vm.prank(steward);
        leases.registerResource(99, "x", MAX, 0, W);
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.ResourceNotSteward.selector, 0, 1, stewardB));
        vm.prank(stewardB);
        leases.registerResource(1, "x", MAX, 0, W);
    }

    function test_register_ancestorStewardOwnsChildResource() public {
        vm.prank(steward);
        uint256 id = leases.registerResource(3, "child printer", MAX, 0, W);
        assertEq(leases.getResource(id).ownerCellId, 3, "owner");
        // Nobody is a member of cell 3 yet: policy 0 refuses even the ancestor steward.
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.ResourceAccessDenied.selector, id, steward, 0, 3));
        _acquire(steward, id, 60);
    }

    function test_register_refusesInvalidPolicy() public {
        vm.startPrank(steward);
        vm.expectRevert(IResourceLeases.ResourceEmptyName.selector);
        leases.registerResource(1, "", MAX, 0, W);
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.ResourceInvalidAccess.selector, 3));
        leases.registerResource(1, "x", MAX, 3, W);
        uint256 limit = leases.MAX_SPAN();
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.ResourceInvalidMaxDuration.selector, 0, limit));
        leases.registerResource(1, "x", 0, 0, W);
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.ResourceInvalidMaxDuration.selector, limit + 1, limit));
        leases.registerResource(1, "x", uint64(limit + 1), 0, W);
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.ResourceInvalidClaimWindow.selector, 0, limit));
        leases.registerResource(1, "x", MAX, 0, 0);
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.ResourceInvalidClaimWindow.selector, limit + 1, limit));
        leases.registerResource(1, "x", MAX, 0, uint64(limit + 1));
        vm.stopPrank();
    }

    function test_nonexistentResource_refused() public {
        vm.expectRevert(_err(IResourceLeases.ResourceNonexistent.selector, 9));
        _acquire(alice, 9, 60);
        vm.expectRevert(_err(IResourceLeases.ResourceNonexistent.selector, 9));
        _enqueue(alice, 9);
        vm.expectRevert(_err(IResourceLeases.ResourceNonexistent.selector, 9));
        _reserve(alice, 9, T0 + 10, T0 + 20);
        vm.expectRevert(_err(IResourceLeases.ResourceNonexistent.selector, 9));
        leases.getResource(9);
        vm.expectRevert(_err(IResourceLeases.ResourceNonexistent.selector, 9));
        vm.prank(steward);
        leases.revoke(9);
        vm.expectRevert(_err(IResourceLeases.ResourceNonexistent.selector, 9));
        leases.prune(9, 1);
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.LeaseNotHolder.selector, 9, alice, address(0)));
        vm.prank(alice);
        leases.release(9);
    }

    function test_setPolicy_byStewardsOnly() public {
        vm.expectEmit(address(leases));
        emit IResourceLeases.ResourcePolicySet(rid, 2, 60, 30, steward);
        vm.prank(steward);
        leases.setPolicy(rid, 2, 60, 30);
        IResourceLeases.ResourceInfo memory info = leases.getResource(rid);
        assertEq(info.access, 2, "access");
        assertEq(info.maxDuration, 60, "max");
        assertEq(info.claimWindow, 30, "window");
        // Policy 2 now: an outsider may acquire, up to the new maximum.
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.LeaseInvalidDuration.selector, rid, 61, 60));
        _acquire(mallory, rid, 61);
        _acquire(mallory, rid, 60);

        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.ResourceNotSteward.selector, rid, 1, alice));
        vm.prank(alice);
        leases.setPolicy(rid, 0, MAX, W);
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.ResourceInvalidAccess.selector, 7));
        vm.prank(steward);
        leases.setPolicy(rid, 7, MAX, W);
    }

    function test_setPolicy_claimWindowChangesWhileWaiting() public {
        _acquire(alice, rid, 600);
        _enqueue(bob, rid);
        _enqueue(carol, rid);
        // While the lease is live the new window applies to every waiter's estimate.
        vm.prank(steward);
        leases.setPolicy(rid, 0, MAX, 60);
        (, , uint256 bobEnd) = _place(rid, bob);
        assertEq(bobEnd, T0 + 600 + 60, "bob's window is the new one");
        // With a claim window running, a shorter window restarts the claimant's turn now: nobody loses it.
        vm.warp(T0 + 600 + 30);
        vm.prank(steward);
        leases.setPolicy(rid, 0, MAX, 10);
        (address c, uint256 start, uint256 end) = _claimant(rid);
        assertEq(c, bob, "bob still claims");
        assertEq(start, T0 + 630, "from now");
        assertEq(end, T0 + 640, "a whole new window");
        // After bob's turn passes, carol's comes; the passed place is dropped at the next change.
        vm.warp(T0 + 645);
        vm.expectEmit(address(leases));
        emit IResourceLeases.QueueAdvanced(rid, 1);
        vm.prank(steward);
        leases.setPolicy(rid, 0, MAX, 20);
        (c, , end) = _claimant(rid);
        assertEq(c, carol, "carol claims");
        assertEq(end, T0 + 665, "carol's new window");
        _acquire(carol, rid, 60);
    }

    // ─────────────────────────────────────────────────────────────── grants, expiry, renew, release, revoke

    function test_acquire_grantsExclusiveLease() public {
        vm.expectEmit(address(leases));
        emit IResourceLeases.LeaseGranted(rid, alice, 1, uint64(T0 + 600));
        uint256 token = _acquire(alice, rid, 600);
        assertEq(token, 1, "first token");
        (address holder, uint64 expiresAt, uint256 current) = leases.leaseOf(rid);
        assertEq(holder, alice, "holder");
        assertEq(expiresAt, T0 + 600, "expiry");
        assertEq(current, 1, "token");
        assertTrue(leases.isCurrentToken(rid, 1), "current");
        assertFalse(leases.isCurrentToken(rid, 0), "zero token");
        assertFalse(leases.isCurrentToken(rid, 2), "future token");
        IResourceLeases.ResourceInfo memory info = leases.getResource(rid);
        assertEq(info.holder, alice, "info holder");
        assertEq(info.expiresAt, T0 + 600, "info expiry");
    }

    function test_acquire_busyNamesHolderAndExpiry() public {
        _acquire(alice, rid, 600);
        vm.warp(T0 + 599);
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.ResourceBusy.selector, rid, alice, T0 + 600));
        _acquire(bob, rid, 60);
        // The holder too: a second acquire is not a renewal.
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.ResourceBusy.selector, rid, alice, T0 + 600));
        _acquire(alice, rid, 60);
    }

    function test_acquire_refusesInvalidDuration() public {
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.LeaseInvalidDuration.selector, rid, 0, MAX));
        _acquire(alice, rid, 0);
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.LeaseInvalidDuration.selector, rid, MAX + 1, MAX));
        _acquire(alice, rid, MAX + 1);
        _acquire(alice, rid, MAX);
        assertEq(_expiry(rid), T0 + MAX, "full length");
    }

    function test_lease_expiresByTimeAlone() public {
        _acquire(alice, rid, 600);
        vm.warp(T0 + 600);
        (address holder, uint64 expiresAt, uint256 token) = leases.leaseOf(rid);
        assertEq(holder, address(0), "free at expiry");
        assertEq(expiresAt, T0 + 600, "last end");
        assertEq(token, 1, "last token");
        assertFalse(leases.isCurrentToken(rid, 1), "expired token");
        uint256 next = _acquire(bob, rid, 60);
        assertEq(next, 2, "next token");
        assertEq(_holder(rid), bob, "bob holds");
    }

    function test_renew_extendsFromNowKeepsToken() public {
        _acquire(alice, rid, 600);
        vm.warp(T0 + 500);
        vm.expectEmit(address(leases));
        emit IResourceLeases.LeaseRenewed(rid, alice, 1, uint64(T0 + 500 + MAX));
        vm.prank(alice);
        leases.renew(rid, MAX);
        (address holder, uint64 expiresAt, uint256 token) = leases.leaseOf(rid);
        assertEq(holder, alice, "holder");
        assertEq(expiresAt, T0 + 500 + MAX, "renewed to max from now");
        assertEq(token, 1, "same token");
        // Shorter is allowed too: the new expiry is now + duration.
        vm.prank(alice);
        leases.renew(rid, 10);
        assertEq(_expiry(rid), T0 + 510, "shortened");
    }

    function test_renew_refusals() public {
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.LeaseNotHolder.selector, rid, alice, address(0)));
        vm.prank(alice);
        leases.renew(rid, 60);
        _acquire(alice, rid, 600);
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.LeaseNotHolder.selector, rid, bob, alice));
        vm.prank(bob);
        leases.renew(rid, 60);
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.LeaseInvalidDuration.selector, rid, MAX + 1, MAX));
        vm.prank(alice);
        leases.renew(rid, MAX + 1);
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.LeaseInvalidDuration.selector, rid, 0, MAX));
        vm.prank(alice);
        leases.renew(rid, 0);
        vm.warp(T0 + 600);
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.LeaseNotHolder.selector, rid, alice, address(0)));
        vm.prank(alice);
        leases.renew(rid, 60);
    }

    function test_renew_refusedWhileSomeoneWaits() public {
        _acquire(alice, rid, 600);
        _enqueue(bob, rid);
        _enqueue(carol, rid);
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.LeaseRenewContended.selector, rid, 2));
        vm.prank(alice);
        leases.renew(rid, 600);
        vm.prank(bob);
        leases.leaveQueue(rid);
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.LeaseRenewContended.selector, rid, 1));
        vm.prank(alice);
        leases.renew(rid, 600);
        vm.prank(carol);
        leases.leaveQueue(rid);
        vm.prank(alice);
        leases.renew(rid, 600);
        assertEq(_expiry(rid), T0 + 600, "renewed once nobody waits");
    }

    function test_release_endsLeaseNow() public {
        _acquire(alice, rid, 600);
        vm.warp(T0 + 100);
        vm.expectEmit(address(leases));
        emit IResourceLeases.LeaseReleased(rid, alice, 1);
        vm.prank(alice);
        leases.release(rid);
        (address holder, uint64 expiresAt, ) = leases.leaseOf(rid);
        assertEq(holder, address(0), "free");
        assertEq(expiresAt, T0 + 100, "ended at release");
        assertFalse(leases.isCurrentToken(rid, 1), "token retired");
        assertEq(_acquire(bob, rid, 60), 2, "same block re-grant");
    }

    function test_release_refusals() public {
        _acquire(alice, rid, 600);
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.LeaseNotHolder.selector, rid, bob, alice));
        vm.prank(bob);
        leases.release(rid);
        vm.warp(T0 + 600);
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.LeaseNotHolder.selector, rid, alice, address(0)));
        vm.prank(alice);
        leases.release(rid);
    }

    function test_revoke_emergencyStopByStewards() public {
        _acquire(alice, rid, 600);
        vm.warp(T0 + 50);
        vm.expectEmit(address(leases));
        emit IResourceLeases.LeaseRevoked(rid, alice, 1, steward);
        vm.prank(steward);
        leases.revoke(rid);
        assertEq(_holder(rid), address(0), "free");
        assertEq(_expiry(rid), T0 + 50, "ended at revoke");
        vm.expectRevert(_err(IResourceLeases.LeaseNotActive.selector, rid));
        vm.prank(steward);
        leases.revoke(rid);
    }

    function test_revoke_refusedToOthers() public {
        _acquire(alice, rid, 600);
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.ResourceNotSteward.selector, rid, 1, alice));
        vm.prank(alice);
        leases.revoke(rid);
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.ResourceNotSteward.selector, rid, 1, stewardB));
        vm.prank(stewardB);
        leases.revoke(rid);
    }

    function test_revoke_byAncestorSteward() public {
        vm.prank(steward);
        registry.addMember(3, bob, ROLE_MEMBER);
        vm.prank(steward);
        uint256 id = leases.registerResource(3, "child printer", MAX, 0, W);
        _acquire(bob, id, 600);
        vm.prank(steward); // steward of cell 1, the parent of cell 3
        leases.revoke(id);
        assertEq(_holder(id), address(0), "revoked");
    }

    // ─────────────────────────────────────────────────────────────── access policies

    function test_policy0_membersOfOwnerCell() public {
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.ResourceAccessDenied.selector, rid, eve, 0, 1));
        _acquire(eve, rid, 60);
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.ResourceAccessDenied.selector, rid, mallory, 0, 1));
        _acquire(mallory, rid, 60);
        // The named cell does not matter under policy 0.
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.ResourceAccessDenied.selector, rid, eve, 0, 1));
        vm.prank(eve);
        leases.acquireAs(rid, 60, 2);
        _acquire(alice, rid, 60);
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.ResourceAccessDenied.selector, rid, mallory, 0, 1));
        _enqueue(mallory, rid);
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.ResourceAccessDenied.selector, rid, mallory, 0, 1));
        _reserve(mallory, rid, T0 + 1000, T0 + 1100);
    }

    function test_policy0_removedMemberLosesAccess() public {
        vm.prank(steward);
        registry.removeMember(1, alice);
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.ResourceAccessDenied.selector, rid, alice, 0, 1));
        _acquire(alice, rid, 60);
    }

    function test_policy1_membersOfVouchedCells() public {
        uint256 id = _register(1);
        vm.expectRevert(_err(IResourceLeases.ResourceCellRequired.selector, id));
        _acquire(eve, id, 60);
        vm.expectRevert(_err(IResourceLeases.ResourceCellRequired.selector, id));
        vm.prank(eve);
        leases.acquireAs(id, 60, 0);
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.ResourceAccessDenied.selector, id, eve, 1, 1));
        vm.prank(eve);
        leases.acquireAs(id, 60, 1);
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.ResourceAccessDenied.selector, id, mallory, 1, 2));
        vm.prank(mallory);
        leases.acquireAs(id, 60, 2);
        // Cell 2 is a top-level cell beside the owner's tree: the DAO vouches for it only once recognised.
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.ResourceCellNotVouched.selector, id, 2, 1));
        vm.prank(eve);
        leases.acquireAs(id, 60, 2);
        registry.setRecognised(2, true);
        vm.prank(eve);
        assertEq(leases.acquireAs(id, 60, 2), 1, "eve acts for recognised cell 2");

        vm.expectRevert(_err(IResourceLeases.ResourceCellRequired.selector, id));
        _enqueue(alice, id);
        vm.prank(alice);
        leases.enqueueAs(id, 1);
        (bool queued, , , ) = leases.placeOf(id, alice);
        assertTrue(queued, "alice waits");
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.ResourceAccessDenied.selector, id, mallory, 1, 1));
        vm.prank(mallory);
        leases.enqueueAs(id, 1);

        vm.expectRevert(_err(IResourceLeases.ResourceCellRequired.selector, id));
        _reserve(bob, id, T0 + 1000, T0 + 1100);
        vm.expectRevert(_err(IResourceLeases.ResourceCellRequired.selector, id));
        vm.prank(bob);
        leases.reserve(id, uint64(T0 + 1000), uint64(T0 + 1100), 0);
        vm.prank(bob);
        assertEq(leases.reserveAs(id, uint64(T0 + 1000), uint64(T0 + 1100), 0, 1), 1, "bob books for cell 1");
    }

    function test_policy2_anyone() public {
        uint256 id = _register(2);
        assertEq(_acquire(mallory, id, 60), 1, "outsider");
        _enqueue(eve, id);
        _reserve(mallory, id, T0 + 1000, T0 + 1100);
    }

    // ─────────────────────────────────────────────────────────────── fencing tokens

    function test_fencingTokens_strictlyIncrease() public {
        uint256 last;
        address[4] memory who = [alice, bob, carol, dave];
        for (uint256 i; i < 12; ++i) {
            address holder = who[i % 4];
            uint256 token = _acquire(holder, rid, 100);
            assertGt(token, last, "strictly greater");
            assertTrue(leases.isCurrentToken(rid, token), "current");
            if (last != 0) assertFalse(leases.isCurrentToken(rid, last), "previous retired");
            last = token;
            if (i % 3 == 0) {
                vm.prank(holder);
                leases.release(rid);
            } else if (i % 3 == 1) {
                vm.prank(steward);
                leases.revoke(rid);
            } else {
                vm.warp(block.timestamp + 100);
            }
        }
        assertEq(last, 12, "one per grant");
    }

    function testFuzz_fencingTokens_renewKeepsGrantIncrements(uint8 rounds, uint32 seed) public {
        rounds = uint8(bound(rounds, 1, 20));
        uint256 last;
        for (uint256 i; i < rounds; ++i) {
            uint64 d = uint64(bound(uint256(keccak256(abi.encode(seed, i))), 1, MAX));
            uint256 token = _acquire(alice, rid, d);
            assertEq(token, last + 1, "next token");
            vm.prank(alice);
            leases.renew(rid, d);
            (, , uint256 current) = leases.leaseOf(rid);
            assertEq(current, token, "renew keeps");
            last = token;
            vm.warp(block.timestamp + d);
        }
    }

    // ─────────────────────────────────────────────────────────────── queue

    function test_enqueue_refusals() public {
        vm.expectRevert(_err(IResourceLeases.QueueResourceFree.selector, rid));
        _enqueue(bob, rid);
        _acquire(alice, rid, 600);
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.QueueAlreadyHolder.selector, rid, alice, T0 + 600));
        _enqueue(alice, rid);
        vm.expectEmit(address(leases));
        emit IResourceLeases.QueueJoined(rid, bob, 0);
        _enqueue(bob, rid);
        _enqueue(carol, rid);
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.QueueAlreadyQueued.selector, rid, bob, 0));
        _enqueue(bob, rid);
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.QueueAlreadyQueued.selector, rid, carol, 1));
        _enqueue(carol, rid);
        // After every turn passed, there is nothing to wait for.
        vm.warp(T0 + 600 + 2 * W);
        vm.expectRevert(_err(IResourceLeases.QueueResourceFree.selector, rid));
        _enqueue(dave, rid);
    }

    function test_queue_fifoWithClaimWindows() public {
        _acquire(alice, rid, 600);
        uint256 e = T0 + 600;
        _enqueue(bob, rid);
        _enqueue(carol, rid);
        _enqueue(dave, rid);
        IResourceLeases.QueueEntry[] memory q = leases.queueOf(rid);
        assertEq(q.length, 3, "three wait");
        assertEq(q[0].account, bob, "bob first");
        assertEq(q[1].account, carol, "carol second");
        assertEq(q[2].account, dave, "dave third");
        assertEq(q[0].windowStart, e, "bob from lease end");
        assertEq(q[0].windowEnd, e + W, "bob window");
        assertEq(q[1].windowStart, e + W, "carol start");
        assertEq(q[2].windowEnd, e + 3 * W, "dave end");
        _assertClaimant(rid, address(0), 0, 0, "lease live");

        vm.warp(e);
        _assertClaimant(rid, bob, e, e + W, "bob's turn");
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.QueueClaimWindow.selector, rid, bob, e + W));
        _acquire(carol, rid, 60);
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.QueueClaimWindow.selector, rid, bob, e + W));
        _acquire(alice, rid, 60); // the former holder too
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.QueueClaimWindow.selector, rid, bob, e + W));
        _acquire(steward, rid, 60); // and stewards (they may revoke, not jump the queue)

        vm.warp(e + W - 1);
        vm.expectEmit(address(leases));
        emit IResourceLeases.QueueAdvanced(rid, 1);
        vm.expectEmit(address(leases));
        emit IResourceLeases.LeaseGranted(rid, bob, 2, uint64(e + W - 1 + 600));
        assertEq(_acquire(bob, rid, 600), 2, "bob claims in his window");
        uint256 e2 = e + W - 1 + 600;
        (bool queued, uint256 position, uint64 start, uint64 end) = leases.placeOf(rid, carol);
        assertTrue(queued, "carol waits");
        assertEq(position, 0, "carol next");
        assertEq(start, e2, "carol counts from bob's lease end");
        assertEq(end, e2 + W, "carol window");
        (queued, , , ) = leases.placeOf(rid, bob);
        assertFalse(queued, "bob's place consumed");

        // Bob releases early: the windows move earlier.
        vm.warp(e + 400);
        vm.prank(bob);
        leases.release(rid);
        _assertClaimant(rid, carol, e + 400, e + 400 + W, "carol's turn after release");
        _acquire(carol, rid, 60);
        vm.warp(e + 460);
        _assertClaimant(rid, dave, e + 460, e + 460 + W, "dave's turn after expiry");
        _acquire(dave, rid, 60);
        assertEq(leases.queueOf(rid).length, 0, "served");
        vm.warp(e + 520);
        _acquire(alice, rid, 60); // free for anyone again
    }

    function test_queue_sleepersSkippedByTimeAlone() public {
        _acquire(alice, rid, 600);
        uint256 e = T0 + 600;
        _enqueue(bob, rid);
        _enqueue(carol, rid);
        _enqueue(dave, rid);
        // Bob sleeps through [e, e + W): carol's turn comes with no transaction.
        vm.warp(e + W);
        _assertClaimant(rid, carol, e + W, e + 2 * W, "carol after bob slept");
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.QueueClaimWindow.selector, rid, carol, e + 2 * W));
        _acquire(bob, rid, 60);
        assertEq(leases.getResource(rid).queueLength, 2, "bob's turn passed");
        (bool queued, , , ) = leases.placeOf(rid, bob);
        assertFalse(queued, "bob no longer counted");
        // Carol sleeps too.
        vm.warp(e + 2 * W + 10);
        _assertClaimant(rid, dave, e + 2 * W, e + 3 * W, "dave after carol slept");
        vm.expectEmit(address(leases));
        emit IResourceLeases.QueueAdvanced(rid, 3);
        _acquire(dave, rid, 600);
        assertEq(leases.queueOf(rid).length, 0, "queue consumed");
    }

    function test_queue_everyoneSleeps_freeForAnyone() public {
        _acquire(alice, rid, 600);
        uint256 e = T0 + 600;
        _enqueue(bob, rid);
        _enqueue(carol, rid);
        vm.warp(e + 2 * W - 1);
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.QueueClaimWindow.selector, rid, carol, e + 2 * W));
        _acquire(dave, rid, 60);
        vm.warp(e + 2 * W);
        _assertClaimant(rid, address(0), 0, 0, "nobody's turn");
        assertEq(leases.getResource(rid).queueLength, 0, "no waiter left");
        vm.expectEmit(address(leases));
        emit IResourceLeases.QueueAdvanced(rid, 2);
        _acquire(dave, rid, 60);
        // The sleepers are gone; they may queue again.
        _enqueue(bob, rid);
        (bool queued, uint256 position, uint64 start, ) = leases.placeOf(rid, bob);
        assertTrue(queued, "bob again");
        assertEq(position, 0, "first");
        assertEq(start, e + 2 * W + 60, "after dave");
    }

    function test_queue_holderVanishes_blockedAtMostLeasePlusWindows() public {
        _acquire(alice, rid, MAX); // alice vanishes
        _enqueue(bob, rid); // both waiters vanish too
        _enqueue(carol, rid);
        vm.warp(T0 + MAX + 2 * W - 1);
        vm.expectRevert(
            abi.encodeWithSelector(IResourceLeases.QueueClaimWindow.selector, rid, carol, T0 + MAX + 2 * W)
        );
        _acquire(dave, rid, 60);
        vm.warp(T0 + MAX + 2 * W);
        _acquire(dave, rid, 60);
    }

    function test_queue_leaveBeforeTurn_frontDroppedWhileLeaseLive() public {
        _acquire(alice, rid, 600);
        uint256 e = T0 + 600;
        _enqueue(bob, rid);
        _enqueue(carol, rid);
        vm.expectEmit(address(leases));
        emit IResourceLeases.QueueAdvanced(rid, 1);
        vm.expectEmit(address(leases));
        emit IResourceLeases.QueueLeft(rid, bob, 0);
        vm.prank(bob);
        leases.leaveQueue(rid);
        IResourceLeases.QueueEntry[] memory q = leases.queueOf(rid);
        assertEq(q.length, 1, "one left");
        assertEq(q[0].account, carol, "carol");
        assertEq(q[0].place, 1, "place number kept");
        assertEq(q[0].windowStart, e, "carol first");
        assertEq(q[0].windowEnd, e + W, "one window");
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.QueueNotQueued.selector, rid, bob));
        vm.prank(bob);
        leases.leaveQueue(rid);
    }

    function test_queue_leaveFromMiddle_nextInheritsTurn() public {
        _acquire(alice, rid, 600);
        uint256 e = T0 + 600;
        _enqueue(bob, rid);
        _enqueue(carol, rid);
        _enqueue(dave, rid);
        vm.prank(carol);
        leases.leaveQueue(rid);
        (bool queued, uint256 position, uint64 start, uint64 end) = leases.placeOf(rid, dave);
        assertTrue(queued, "dave waits");
        assertEq(position, 1, "one ahead");
        assertEq(start, e + W, "dave starts when bob's turn ends");
        assertEq(end, e + 3 * W, "dave's end does not move");
        // The last place leaving shrinks the queue; the next joiner takes the freed number. Carol, who left,
        // takes no new place until her turn's latest end (one place per account per turn).
        vm.prank(dave);
        leases.leaveQueue(rid);
        vm.expectRevert(
            abi.encodeWithSelector(IResourceLeases.QueueCoolingDown.selector, rid, carol, uint64(e + 2 * W))
        );
        _enqueue(carol, rid);
        _enqueue(erin, rid);
        IResourceLeases.QueueEntry[] memory q = leases.queueOf(rid);
        assertEq(q.length, 2, "bob and carol");
        assertEq(q[1].place, 1, "number reused");
        assertEq(q[1].windowEnd, e + 2 * W, "right after bob");
    }

    function test_queue_claimantLeaves_nextClaimsAtOnce() public {
        _acquire(alice, rid, 600);
        uint256 e = T0 + 600;
        _enqueue(bob, rid);
        _enqueue(carol, rid);
        vm.warp(e + 100);
        vm.prank(bob);
        leases.leaveQueue(rid);
        // Carol's turn starts where bob's did; it still ends where it would have.
        _assertClaimant(rid, carol, e, e + 2 * W, "carol inherits");
        _acquire(carol, rid, 60);
    }

    function test_queue_sleeperRejoinsAtTheBack() public {
        _acquire(alice, rid, 600);
        uint256 e = T0 + 600;
        _enqueue(bob, rid);
        _enqueue(carol, rid);
        vm.warp(e + W + 1); // bob slept
        _enqueue(bob, rid);
        IResourceLeases.QueueEntry[] memory q = leases.queueOf(rid);
        assertEq(q.length, 2, "carol and bob");
        assertEq(q[0].account, carol, "carol first");
        assertEq(q[1].account, bob, "bob behind");
        assertEq(q[1].windowEnd, e + 3 * W, "bob's new turn");
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.QueueAlreadyQueued.selector, rid, carol, 0));
        _enqueue(carol, rid);
    }

    function test_queue_joinWhileSomeoneClaims() public {
        _acquire(alice, rid, 600);
        _enqueue(bob, rid);
        vm.warp(T0 + 610);
        _enqueue(carol, rid); // bob has his window: the resource is not free
        (, , , uint64 end) = leases.placeOf(rid, carol);
        assertEq(end, T0 + 600 + 2 * W, "after bob");
    }

    function test_queue_boundedAtCapacity() public {
        uint256 id = _register(2);
        _acquire(alice, id, 600);
        uint256 capacity = leases.QUEUE_CAPACITY();
        assertEq(capacity, 32, "documented bound");
        for (uint256 i; i < capacity; ++i) _enqueue(address(uint160(0x1000 + i)), id);
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.QueueFull.selector, id, 32));
        _enqueue(bob, id);
        assertEq(leases.getResource(id).queueLength, 32, "full");
        // The head claims: one place frees up.
        vm.warp(T0 + 600);
        _acquire(address(0x1000), id, 60);
        _enqueue(bob, id);
        IResourceLeases.QueueEntry[] memory q = leases.queueOf(id);
        assertEq(q.length, 32, "full again");
        assertEq(q[31].account, bob, "bob last");
        assertEq(q[31].place, 32, "numbers keep counting");
    }

    function test_queue_placesLeftEmptyDuringTurnsCountUntilServed() public {
        uint256 id = _register(2);
        _acquire(alice, id, 600);
        for (uint256 i; i < 32; ++i) _enqueue(address(uint160(0x1000 + i)), id);
        vm.warp(T0 + 600 + 5); // serving: leaving does not renumber anyone's turn
        vm.prank(address(0x1005));
        leases.leaveQueue(id);
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.QueueFull.selector, id, 32));
        _enqueue(bob, id);
        // The last place leaving frees its number at once.
        vm.prank(address(0x101F));
        leases.leaveQueue(id);
        _enqueue(bob, id);
    }

    function test_queue_bookerBypassesQueue() public {
        _acquire(alice, rid, 600);
        uint256 e = T0 + 600;
        _enqueue(bob, rid);
        _enqueue(carol, rid);
        _enqueue(dave, rid);
        _reserve(carol, rid, e, e + 600); // carol also waits, behind bob
        vm.warp(e + 10);
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.ReservationActive.selector, rid, 1, carol, e + 600));
        _acquire(bob, rid, 60);
        vm.expectEmit(address(leases));
        emit IResourceLeases.QueueLeft(rid, carol, 1);
        _acquire(carol, rid, 100); // through her booking: she leaves the queue
        // Bob keeps his place and his turn restarts when carol's lease ends.
        IResourceLeases.QueueEntry[] memory q = leases.queueOf(rid);
        assertEq(q.length, 2, "bob and dave");
        assertEq(q[0].account, bob, "bob first");
        assertEq(q[0].windowStart, e + 110, "from carol's lease end");
        assertEq(q[1].account, dave, "dave");
        assertEq(q[1].windowStart, e + 110 + W, "dave inherits carol's place");
        assertEq(q[1].windowEnd, e + 110 + 3 * W, "dave's end");
    }

    // ─────────────────────────────────────────────────────────────── reservations

    function test_reserve_storesAndEmits() public {
        vm.expectEmit(address(leases));
        emit IResourceLeases.ReservationMade(rid, 1, bob, uint64(T0 + 1000), uint64(T0 + 2000));
        uint256 id = _reserve(bob, rid, T0 + 1000, T0 + 2000);
        assertEq(id, 1, "first id");
        IResourceLeases.Reservation memory r = leases.getReservation(rid, 1);
        assertEq(r.booker, bob, "booker");
        assertEq(r.start, T0 + 1000, "start");
        assertEq(r.end, T0 + 2000, "end");
        assertEq(leases.getResource(rid).reservationCount, 1, "count");
        // Booking now is allowed (start == now).
        _reserve(carol, rid, T0, T0 + 10);
    }

    function test_reserve_refusals() public {
        vm.warp(T0 + 100);
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.ReservationInPast.selector, rid, T0 + 99, T0 + 100));
        _reserve(bob, rid, T0 + 99, T0 + 200);
        vm.expectRevert(
            abi.encodeWithSelector(IResourceLeases.ReservationInvalidWindow.selector, rid, T0 + 200, T0 + 200, MAX)
        );
        _reserve(bob, rid, T0 + 200, T0 + 200);
        vm.expectRevert(
            abi.encodeWithSelector(
                IResourceLeases.ReservationInvalidWindow.selector,
                rid,
                T0 + 200,
                T0 + 201 + MAX,
                MAX
            )
        );
        _reserve(bob, rid, T0 + 200, T0 + 201 + MAX);
        uint256 far = uint256(type(uint40).max);
        vm.expectRevert(
            abi.encodeWithSelector(IResourceLeases.ReservationInvalidWindow.selector, rid, far - 10, far + 1, MAX)
        );
        _reserve(bob, rid, far - 10, far + 1);
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.ReservationNonexistent.selector, rid, 1));
        leases.getReservation(rid, 1);
    }

    function test_reserve_cannotOverlapAnotherLiveLease() public {
        _acquire(alice, rid, 600);
        vm.expectRevert(
            abi.encodeWithSelector(IResourceLeases.ReservationLeaseConflict.selector, rid, alice, T0 + 600)
        );
        _reserve(bob, rid, T0 + 599, T0 + 700);
        _reserve(bob, rid, T0 + 600, T0 + 700); // right after: fine
        _reserve(alice, rid, T0 + 100, T0 + 200); // the holder may book within its own lease
    }

    function test_reserve_overlapRefusedWithConflictingBooking() public {
        _reserve(bob, rid, T0 + 1000, T0 + 2000);
        bytes memory conflict = abi.encodeWithSelector(
            IResourceLeases.ReservationConflict.selector,
            rid,
            1,
            T0 + 1000,
            T0 + 2000
        );
        vm.expectRevert(conflict);
        _reserve(carol, rid, T0 + 500, T0 + 1001); // ends inside
        vm.expectRevert(conflict);
        _reserve(carol, rid, T0 + 1999, T0 + 2500); // starts inside
        vm.expectRevert(conflict);
        _reserve(carol, rid, T0 + 1200, T0 + 1300); // contained
        vm.expectRevert(conflict);
        _reserve(carol, rid, T0 + 900, T0 + 2100); // contains
        vm.expectRevert(conflict);
        _reserve(bob, rid, T0 + 1500, T0 + 1600); // the booker too
        // Bookings stay one claim window apart, so that the queue's first waiter gets its turn between them.
        bytes memory tooClose = abi.encodeWithSelector(
            IResourceLeases.ReservationTooClose.selector,
            rid,
            1,
            T0 + 1000,
            T0 + 2000,
            W
        );
        vm.expectRevert(tooClose);
        _reserve(carol, rid, T0 + 2000, T0 + 2500);
        vm.expectRevert(tooClose);
        _reserve(carol, rid, T0 + 500, T0 + 1000 - W + 1);
        assertEq(_reserve(carol, rid, T0 + 2000 + W, T0 + 2500), 2, "a window after");
        assertEq(_reserve(carol, rid, T0 + 500, T0 + 1000 - W), 3, "a window before");
        (IResourceLeases.Reservation[] memory page, uint256 nextId) = leases.reservationsOf(rid, 0, 10);
        assertEq(page.length, 3, "three");
        assertEq(page[0].id, 3, "time order 0");
        assertEq(page[1].id, 1, "time order 1");
        assertEq(page[2].id, 2, "time order 2");
        assertEq(nextId, 0, "no more");
    }

    function test_reserve_hintedVerifiedInConstantSteps() public {
        _reserve(bob, rid, T0 + 1000, T0 + 1100); // 1
        _reserve(bob, rid, T0 + 2000, T0 + 2100); // 2
        _reserve(bob, rid, T0 + 3000, T0 + 3100); // 3
        vm.startPrank(carol);
        // Between 1 and 2.
        assertEq(leases.reserve(rid, uint64(T0 + 1500), uint64(T0 + 1600), 1), 4, "hinted");
        // afterId 0: before the first booking that has not ended.
        assertEq(leases.reserve(rid, uint64(T0 + 100), uint64(T0 + 200), 0), 5, "front");
        // Wrong places.
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.ReservationInvalidHint.selector, rid, 2));
        leases.reserve(rid, uint64(T0 + 1700), uint64(T0 + 1800), 2); // belongs before 2
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.ReservationInvalidHint.selector, rid, 1));
        leases.reserve(rid, uint64(T0 + 2500), uint64(T0 + 2600), 1); // belongs after 2
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.ReservationInvalidHint.selector, rid, 0));
        leases.reserve(rid, uint64(T0 + 2500), uint64(T0 + 2600), 0);
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.ReservationNonexistent.selector, rid, 77));
        leases.reserve(rid, uint64(T0 + 2500), uint64(T0 + 2600), 77);
        // Overlaps are reported as such.
        vm.expectRevert(
            abi.encodeWithSelector(IResourceLeases.ReservationConflict.selector, rid, 2, T0 + 2000, T0 + 2100)
        );
        leases.reserve(rid, uint64(T0 + 1900), uint64(T0 + 2001), 4);
        vm.expectRevert(
            abi.encodeWithSelector(IResourceLeases.ReservationConflict.selector, rid, 2, T0 + 2000, T0 + 2100)
        );
        leases.reserve(rid, uint64(T0 + 2099), uint64(T0 + 2200), 2);
        vm.stopPrank();
        (IResourceLeases.Reservation[] memory page, ) = leases.reservationsOf(rid, 0, 10);
        assertEq(page.length, 5, "five");
        uint256[5] memory order = [uint256(5), 1, 4, 2, 3];
        for (uint256 i; i < 5; ++i) assertEq(page[i].id, order[i], "sorted");
    }

    function test_reserve_plainSearchIsBounded() public {
        address[4] memory who = [alice, bob, dave, erin];
        for (uint256 i; i < 20; ++i) _reserve(who[i % 4], rid, T0 + 1000 * (i + 1), T0 + 1000 * (i + 1) + 100);
        // A gap near the front is found by the plain variant.
        assertEq(_reserve(carol, rid, T0 + 3400, T0 + 3500), 21, "found within the bound");
        // A gap beyond RESERVE_SEARCH_STEPS bookings asks for a hint.
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.ReservationHintRequired.selector, rid, 15));
        _reserve(carol, rid, T0 + 18400, T0 + 18500);
        vm.prank(carol);
        assertEq(leases.reserve(rid, uint64(T0 + 18400), uint64(T0 + 18500), 18), 22, "with the hint");
        // Appending after the last booking never needs one.
        assertEq(_reserve(carol, rid, T0 + 30000, T0 + 30100), 23, "append");
    }

    function test_reservationsOf_paginates() public {
        for (uint256 i; i < 5; ++i) _reserve(bob, rid, T0 + 1000 * (i + 1), T0 + 1000 * (i + 1) + 100);
        (IResourceLeases.Reservation[] memory page, uint256 nextId) = leases.reservationsOf(rid, 0, 2);
        assertEq(page.length, 2, "page 1");
        assertEq(page[1].id, 2, "second");
        assertEq(nextId, 3, "continue at 3");
        (page, nextId) = leases.reservationsOf(rid, nextId, 2);
        assertEq(page[0].id, 3, "page 2");
        (page, nextId) = leases.reservationsOf(rid, nextId, 2);
        assertEq(page.length, 1, "last page");
        assertEq(nextId, 0, "end");
        // Ended bookings are skipped from the default start.
        vm.warp(T0 + 2100);
        (page, ) = leases.reservationsOf(rid, 0, 10);
        assertEq(page.length, 3, "two ended");
        assertEq(page[0].id, 3, "first not ended");
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.ReservationNonexistent.selector, rid, 9));
        leases.reservationsOf(rid, 9, 1);
    }

    function test_booking_onlyBookerMayAcquireDuringIt() public {
        _reserve(bob, rid, T0 + 1000, T0 + 2000);
        vm.warp(T0 + 1000);
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.ReservationActive.selector, rid, 1, bob, T0 + 2000));
        _acquire(alice, rid, 60);
        vm.warp(T0 + 1999);
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.ReservationActive.selector, rid, 1, bob, T0 + 2000));
        _acquire(alice, rid, 60);
        vm.warp(T0 + 1500);
        _acquire(bob, rid, MAX);
        // A lease granted under a booking ends by the booking's end (the queue's turn comes then).
        assertEq(_expiry(rid), T0 + 2000, "capped at the booking's end");
        vm.prank(bob);
        leases.release(rid);
        vm.warp(T0 + 2000);
        _acquire(alice, rid, 60); // over
    }

    function test_lease_neverRunsIntoAnotherBooking() public {
        _reserve(bob, rid, T0 + 1000, T0 + 2000);
        _reserve(carol, rid, T0 + 2500, T0 + 3000);
        vm.expectEmit(address(leases));
        emit IResourceLeases.LeaseGranted(rid, alice, 1, uint64(T0 + 1000));
        _acquire(alice, rid, MAX);
        assertEq(_expiry(rid), T0 + 1000, "capped at bob's start");
        vm.warp(T0 + 900);
        vm.prank(alice);
        leases.renew(rid, MAX);
        assertEq(_expiry(rid), T0 + 1000, "renew capped too");
        vm.warp(T0 + 1000);
        _acquire(bob, rid, MAX);
        assertEq(_expiry(rid), T0 + 2000, "bob's lease ends with his booking");
    }

    function test_lease_ownFutureBookingAlsoCaps() public {
        _reserve(alice, rid, T0 + 1000, T0 + 2000);
        _acquire(alice, rid, MAX);
        assertEq(_expiry(rid), T0 + 1000, "a lease only covers the booking it is granted under");
        vm.warp(T0 + 1000);
        _acquire(alice, rid, MAX);
        assertEq(_expiry(rid), T0 + 2000, "granted under the booking, until its end");
    }

    function test_cancel_byBookerOrSteward() public {
        _reserve(bob, rid, T0 + 1000, T0 + 2000);
        _reserve(bob, rid, T0 + 3000, T0 + 4000);
        _reserve(bob, rid, T0 + 5000, T0 + 6000);
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.ReservationNotBooker.selector, rid, 1, alice));
        vm.prank(alice);
        leases.cancelReservation(rid, 1);
        vm.expectEmit(address(leases));
        emit IResourceLeases.ReservationCancelled(rid, 2, bob);
        vm.prank(bob);
        leases.cancelReservation(rid, 2);
        vm.expectEmit(address(leases));
        emit IResourceLeases.ReservationCancelled(rid, 1, steward);
        vm.prank(steward);
        leases.cancelReservation(rid, 1);
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.ReservationNonexistent.selector, rid, 1));
        vm.prank(bob);
        leases.cancelReservation(rid, 1);
        (IResourceLeases.Reservation[] memory page, ) = leases.reservationsOf(rid, 0, 10);
        assertEq(page.length, 1, "one left");
        assertEq(page[0].id, 3, "booking 3");
        // The cancelled windows are free again.
        vm.warp(T0 + 1000);
        _acquire(alice, rid, 600);
        _reserve(carol, rid, T0 + 3000, T0 + 4000);
        vm.warp(T0 + 6000);
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.ReservationEnded.selector, rid, 3, T0 + 6000));
        vm.prank(bob);
        leases.cancelReservation(rid, 3);
    }

    function test_cancel_activeBooking_freesTheRest() public {
        _reserve(bob, rid, T0, T0 + 1000);
        vm.warp(T0 + 100);
        vm.prank(bob);
        leases.cancelReservation(rid, 1);
        _acquire(alice, rid, 60);
    }

    function test_acquire_skipsAFewEndedBookings() public {
        for (uint256 i; i < 4; ++i) _reserve(_booker(i), rid, T0 + 100 + 400 * i, T0 + 105 + 400 * i);
        _reserve(bob, rid, T0 + 4000, T0 + 4100);
        vm.warp(T0 + 3000);
        _acquire(alice, rid, MAX);
        assertEq(_expiry(rid), T0 + 4000, "capped by the next booking after 4 ended ones");
    }

    function test_prune_whenTooManyBookingsEnded() public {
        for (uint256 i; i < 6; ++i) _reserve(_booker(i), rid, T0 + 100 + 400 * i, T0 + 105 + 400 * i);
        uint256 future = _reserve(bob, rid, T0 + 4000, T0 + 4100);
        vm.warp(T0 + 3000);
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.ReservationPruneRequired.selector, rid, 5));
        _acquire(alice, rid, MAX);
        assertEq(leases.prune(rid, 3), 4, "three steps");
        assertEq(leases.prune(rid, 100), future, "up to the first booking not ended");
        _acquire(alice, rid, MAX);
        assertEq(_expiry(rid), T0 + 4000, "capped");
    }

    function test_pruneTo_jumpsInOneStep() public {
        for (uint256 i; i < 6; ++i) _reserve(_booker(i), rid, T0 + 100 + 400 * i, T0 + 105 + 400 * i);
        _reserve(bob, rid, T0 + 4000, T0 + 4100); // 7
        _reserve(bob, rid, T0 + 6000, T0 + 6100); // 8
        vm.warp(T0 + 3000);
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.ReservationEnded.selector, rid, 3, T0 + 905));
        leases.pruneTo(rid, 3);
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.ReservationInvalidHint.selector, rid, 8));
        leases.pruneTo(rid, 8); // booking 7 has not ended
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.ReservationNonexistent.selector, rid, 99));
        leases.pruneTo(rid, 99);
        leases.pruneTo(rid, 7);
        _acquire(alice, rid, MAX);
        assertEq(_expiry(rid), T0 + 4000, "capped by booking 7");
    }

    function test_multicall_pruneThenAcquire() public {
        for (uint256 i; i < 6; ++i) _reserve(_booker(i), rid, T0 + 100 + 400 * i, T0 + 105 + 400 * i);
        vm.warp(T0 + 3000);
        bytes[] memory calls = new bytes[](2);
        calls[0] = abi.encodeCall(IResourceLeases.prune, (rid, 10));
        calls[1] = abi.encodeCall(IResourceLeases.acquire, (rid, 60));
        vm.prank(alice);
        leases.multicall(calls);
        assertEq(_holder(rid), alice, "granted in the batch");
    }

    // ─────────────────────────────────────────────────────────────── fuzz

    /// @dev Random bookings never overlap, and the list stays sorted.
    function testFuzz_reserve_neverOverlaps(uint256 seed) public {
        uint256 made;
        for (uint256 i; i < 24; ++i) {
            uint256 start = T0 + bound(uint256(keccak256(abi.encode(seed, i, 0))), 0, 20_000);
            uint256 len = bound(uint256(keccak256(abi.encode(seed, i, 1))), 1, MAX);
            vm.prank(bob);
            try leases.reserve(rid, uint64(start), uint64(start + len)) {
                ++made;
            } catch {}
        }
        (IResourceLeases.Reservation[] memory page, ) = leases.reservationsOf(rid, 0, 100);
        assertEq(page.length, made, "all listed");
        for (uint256 i = 1; i < page.length; ++i) {
            assertLe(page[i - 1].end, page[i].start, "sorted, disjoint");
        }
    }

    /// @dev The claimant at any time is the first waiter whose window has not passed.
    function testFuzz_queue_claimantByTime(uint256 elapsed, uint8 leaving) public {
        _acquire(alice, rid, 600);
        address[3] memory waiters = [bob, carol, dave];
        for (uint256 i; i < 3; ++i) _enqueue(waiters[i], rid);
        uint256 gone = bound(leaving, 0, 3); // 3: nobody leaves
        if (gone < 3) {
            vm.prank(waiters[gone]);
            leases.leaveQueue(rid);
        }
        elapsed = bound(elapsed, 0, 5 * W);
        vm.warp(T0 + 600 + elapsed);
        (address c, , uint256 end) = _claimant(rid);
        // Reference model: windows by place number; a place left while the lease was live at the front is
        // dropped (numbers then count from the next place).
        uint256 offset = gone == 0 ? 1 : 0;
        address expected;
        uint256 expectedEnd;
        for (uint256 i = offset; i < 3; ++i) {
            if (i == gone) continue;
            uint256 windowEnd = T0 + 600 + (i - offset + 1) * W;
            if (windowEnd > block.timestamp) {
                (expected, expectedEnd) = (waiters[i], windowEnd);
                break;
            }
        }
        assertEq(c, expected, "claimant");
        assertEq(end, expectedEnd, "window end");
        if (expected != address(0)) {
            vm.prank(expected);
            leases.acquire(rid, 60);
        } else {
            _acquire(steward, rid, 60);
        }
    }
}

/// @dev Gas must not depend on the number of bookings or on the queue length: each scenario is built on
/// its own resource and measured on the first touch (cold slots), after warming the shared contracts.
/// Arguments are computed before `gasleft()` so that only the call is measured.
contract ResourceLeasesGasTest is LeasesFixture {
    uint256 internal constant BOOKINGS = 500;
    uint256 internal constant TOLERANCE = 300; // gas: branches, bit arithmetic, warm re-reads; no cold access
    uint256 internal constant FAR = T0 + 100_000;
    uint256 internal constant SP = 800; // booking spacing: room for one between two, a claim window apart

    uint256 internal r0; // no booking (one made and cancelled, so that its state slot is not virgin)
    uint256 internal r1; // one future booking
    uint256 internal r2; // two future bookings with a gap
    uint256 internal r500; // 500 future bookings
    uint256 internal q1; // one waiter
    uint256 internal q2; // two waiters
    uint256 internal q31; // 31 waiters
    uint256 internal qs; // 31 waiters, for the sleepers case

    function setUp() public override {
        super.setUp();
        r0 = _register(0);
        r1 = _register(0);
        r500 = _register(0);
        r2 = _register(0);
        q1 = _register(2);
        q2 = _register(2);
        q31 = _register(2);
        qs = _register(2);
        _reserve(bob, r0, FAR, FAR + 10);
        vm.prank(bob);
        leases.cancelReservation(r0, 1);
        _reserve(bob, r1, FAR, FAR + 10);
        _reserve(bob, r2, FAR, FAR + 10);
        _reserve(bob, r2, FAR + 2000, FAR + 2010);
        // Six live bookings per account at most: 84 members book the 500.
        vm.startPrank(steward);
        for (uint256 k; k < BOOKINGS / 6 + 1; ++k) registry.addMember(1, _member(k), ROLE_MEMBER);
        vm.stopPrank();
        for (uint256 i; i < BOOKINGS; ++i) {
            vm.prank(_member(i / 6));
            leases.reserve(r500, uint64(FAR + SP * i), uint64(FAR + SP * i + 10), i);
        }
        // Leased before, so that the "later grant" case of the gas targets is measured.
        uint256[3] memory ids = [r0, r1, r500];
        for (uint256 i; i < 3; ++i) {
            _acquire(carol, ids[i], 10);
            vm.prank(carol);
            leases.release(ids[i]);
        }
        _fillQueue(q1, 1);
        _fillQueue(q2, 2);
        _fillQueue(q31, 31);
        _fillQueue(qs, 31);
    }

    /// @dev Carol holds `id` until T0 + 600; bob, then 0x1001, 0x1002... wait.
    function _fillQueue(uint256 id, uint256 waiters) internal {
        _acquire(carol, id, 600);
        _enqueue(bob, id);
        for (uint256 i = 1; i < waiters; ++i) _enqueue(address(uint160(0x1000 + i)), id);
    }

    function _member(uint256 k) internal pure returns (address) {
        return address(uint160(0x3000 + k));
    }

    function _warm() internal view {
        registry.isMember(1, alice);
        registry.isMember(1, bob);
        registry.isSteward(1, bob);
        registry.isSteward(1, steward);
        leases.resourceCount();
    }

    function _gasAcquire(address who, uint256 id, uint64 duration) internal returns (uint256 used) {
        vm.prank(who);
        uint256 before = gasleft();
        leases.acquire(id, duration);
        used = before - gasleft();
    }

    function _gasReserve(uint256 id, uint64 start, uint64 end, uint256 afterId) internal returns (uint256 used) {
        vm.prank(alice);
        uint256 before = gasleft();
        leases.reserve(id, start, end, afterId);
        used = before - gasleft();
    }

    function _gasPlainReserve(uint256 id, uint64 start, uint64 end) internal returns (uint256 used) {
        vm.prank(alice);
        uint256 before = gasleft();
        leases.reserve(id, start, end);
        used = before - gasleft();
    }

    function _gasCancel(uint256 id, uint256 reservationId) internal returns (uint256 used) {
        vm.prank(steward);
        uint256 before = gasleft();
        leases.cancelReservation(id, reservationId);
        used = before - gasleft();
    }

    function _gasEnqueue(uint256 id) internal returns (uint256 used) {
        vm.prank(dave);
        uint256 before = gasleft();
        leases.enqueue(id);
        used = before - gasleft();
    }

    function _near(uint256 a, uint256 b, uint256 tolerance, string memory what) internal pure {
        assertLe(a > b ? a - b : b - a, tolerance, what);
    }

    function test_gas_acquireIndependentOfBookings() public {
        _warm();
        uint256 g0 = _gasAcquire(alice, r0, 600);
        uint256 g1 = _gasAcquire(alice, r1, 600);
        uint256 g500 = _gasAcquire(alice, r500, 600);
        _near(g0, g500, TOLERANCE, "acquire: 0 vs 500 bookings");
        _near(g1, g500, TOLERANCE, "acquire: 1 vs 500 bookings");
        assertEq(_expiry(r500), block.timestamp + 600, "not capped (bookings far ahead)");
    }

    function test_gas_acquireCappedIndependentOfBookings() public {
        _warm();
        vm.warp(FAR - 100); // the first booking caps the lease
        uint256 g1 = _gasAcquire(alice, r1, 600);
        uint256 g500 = _gasAcquire(alice, r500, 600);
        _near(g1, g500, TOLERANCE, "capped acquire: 1 vs 500 bookings");
        assertEq(_expiry(r500), FAR, "capped");
    }

    function test_gas_reserveIndependentOfBookings() public {
        _warm();
        uint64 s1 = uint64(FAR + 1000);
        uint64 s500 = uint64(FAR + SP * BOOKINGS);
        uint64 s0 = uint64(FAR);
        uint256 a1 = _gasReserve(r1, s1, s1 + 10, 1);
        uint256 a500 = _gasReserve(r500, s500, s500 + 10, BOOKINGS);
        _near(a1, a500, TOLERANCE, "reserve (hinted append): 1 vs 500 bookings");
        // 0 bookings: no neighbour to link, so it is cheaper by a constant, not by the count.
        uint256 a0 = _gasReserve(r0, s0, s0 + 10, 0);
        assertLe(a0, a500, "0 bookings is the cheapest");
        assertLe(a500 - a0, 8000, "reserve: 0 vs 500 bookings within one neighbour link");
    }

    function test_gas_reserveBetweenTwoIndependentOfBookings() public {
        _warm();
        uint64 s2 = uint64(FAR + 400);
        uint64 sMid = uint64(FAR + SP * 250 + 350);
        uint256 m2 = _gasReserve(r2, s2, s2 + 10, 1); // between 1 and 2
        uint256 m500 = _gasReserve(r500, sMid, sMid + 10, 251); // between 251 and 252
        _near(m2, m500, TOLERANCE, "reserve (hinted, two neighbours): 2 vs 500 bookings");
    }

    function test_gas_plainReserveAppendIndependentOfBookings() public {
        _warm();
        uint64 s1 = uint64(FAR + 1000);
        uint64 s500 = uint64(FAR + SP * BOOKINGS);
        uint256 p1 = _gasPlainReserve(r1, s1, s1 + 10);
        uint256 p500 = _gasPlainReserve(r500, s500, s500 + 10);
        _near(p1, p500, TOLERANCE, "plain reserve append: 1 vs 500 bookings");
    }

    function test_gas_cancelIndependentOfBookings() public {
        _warm();
        uint256 c1 = _gasCancel(r1, 1); // alone
        uint256 c500 = _gasCancel(r500, 250); // two neighbours
        assertLe(c500 > c1 ? c500 - c1 : c1 - c500, 12_000, "cancel: 1 vs 500 bookings (neighbour links)");
        uint256 cLast = _gasCancel(r500, BOOKINGS); // one neighbour, r500 warm
        assertLe(cLast, c500, "last booking");
    }

    function test_gas_enqueueIndependentOfQueueLength() public {
        _warm();
        uint256 e2 = _gasEnqueue(q1); // 2nd place
        uint256 e32 = _gasEnqueue(q31); // 32nd place
        _near(e2, e32, TOLERANCE, "enqueue: 2nd vs 32nd place");
    }

    function test_gas_claimIndependentOfQueueLength() public {
        vm.warp(T0 + 600);
        _warm();
        uint256 c1 = _gasAcquire(bob, q1, 600);
        uint256 c2 = _gasAcquire(bob, q2, 600);
        uint256 c31 = _gasAcquire(bob, q31, 600);
        _near(c2, c31, TOLERANCE, "claim: 2 vs 31 waiting");
        _near(c1, c31, 1000, "claim: 1 vs 31 waiting (emptying the queue skips the bit scan)");
        // Skipping sleepers costs nothing: 10 places' turns passed, no transaction in between.
        vm.warp(T0 + 600 + 10 * W);
        uint256 skip = _gasAcquire(address(0x100A), qs, 600);
        _near(skip, c31, TOLERANCE, "claim after 10 sleepers vs head claim");
    }
}
