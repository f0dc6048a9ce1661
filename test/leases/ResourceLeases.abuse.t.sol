// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {LeasesFixture} from "./ResourceLeases.t.sol";
import {ROLE_MEMBER} from "../../contracts/cells/ICellRegistry.sol";
import {IResourceLeases} from "../../contracts/leases/IResourceLeases.sol";

/// @dev Issue 11, "Fair under abuse": each finding replayed as the attacker played it, now failing to do harm.
contract ResourceLeasesAbuseTest is LeasesFixture {
    uint64 internal constant COOLDOWN = 3600;

    /// @dev The fixture's limits are relaxed for the unit tests; these tests use the defaults.
    function _defaults(uint256 id) internal {
        vm.prank(steward);
        leases.setLimits(id, 2, 30 days, COOLDOWN);
    }

    function _try(address who, bytes memory call) internal returns (bool ok) {
        vm.prank(who);
        (ok, ) = address(leases).call(call);
    }

    // ─────────────────────────────────────────────────────────────── finding 1: access policy 1

    function test_finding1_outsiderCellCreatedAMomentAgo_refused() public {
        uint256 id = _register(1);
        vm.prank(mallory);
        uint256 own = registry.createCell(0, "mine", "", bytes32(0)); // permissionless: mallory is its member
        bytes memory denied = abi.encodeWithSelector(IResourceLeases.ResourceCellNotVouched.selector, id, own, 1);
        vm.expectRevert(denied);
        vm.prank(mallory);
        leases.acquireAs(id, 60, own);
        vm.expectRevert(denied);
        vm.prank(mallory);
        leases.reserveAs(id, uint64(T0 + 100), uint64(T0 + 200), 0, own);
        vm.prank(alice);
        leases.acquireAs(id, 60, 1); // busy, so that joining the queue is meaningful
        vm.expectRevert(denied);
        vm.prank(mallory);
        leases.enqueueAs(id, own);
    }

    function test_finding1_cellsInsideTheOwnersTreeAndRecognisedCells_admitted() public {
        uint256 id = _register(1);
        vm.startPrank(steward);
        uint256 grandchild = registry.createCell(3, "grandchild", "", bytes32(0)); // 1 > 3 > grandchild
        registry.addMember(grandchild, mallory, ROLE_MEMBER);
        vm.stopPrank();
        vm.prank(mallory);
        leases.acquireAs(id, 60, grandchild);
        assertEq(_holder(id), mallory, "a cell inside the owner cell's tree");
        vm.warp(T0 + 61);
        // Cell 2 sits beside the tree: its members get in once governance recognises it.
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.ResourceCellNotVouched.selector, id, 2, 1));
        vm.prank(eve);
        leases.acquireAs(id, 60, 2);
        registry.setRecognised(2, true);
        vm.prank(eve);
        leases.acquireAs(id, 60, 2);
        assertEq(_holder(id), eve, "a recognised cell");
    }

    // ─────────────────────────────────────────────────────────────── finding 2: booking hoarding

    function test_finding2_liveBookingsPerAccountAndLeadTimeBounded() public {
        _defaults(rid);
        _reserve(bob, rid, T0 + 1000, T0 + 2000);
        _reserve(bob, rid, T0 + 3000, T0 + 4000);
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.ReservationLimit.selector, rid, bob, 2, 2));
        _reserve(bob, rid, T0 + 5000, T0 + 6000);
        vm.expectRevert(
            abi.encodeWithSelector(IResourceLeases.ReservationTooFarAhead.selector, rid, T0 + 31 days, T0 + 30 days)
        );
        _reserve(carol, rid, T0 + 31 days, T0 + 31 days + 60);
        // A booking that ended, or was cancelled, frees its place in the count.
        vm.prank(bob);
        leases.cancelReservation(rid, 2);
        _reserve(bob, rid, T0 + 5000, T0 + 6000);
        vm.warp(T0 + 2000);
        _reserve(bob, rid, T0 + 7000, T0 + 8000);
        (, , uint256 live) = leases.standingOf(rid, bob);
        assertEq(live, 2, "two live bookings");
    }

    function test_finding2_backToBackBookingsRefused() public {
        _defaults(rid);
        _reserve(bob, rid, T0 + 1000, T0 + 1000 + MAX);
        vm.expectRevert(
            abi.encodeWithSelector(IResourceLeases.ReservationTooClose.selector, rid, 1, T0 + 1000, T0 + 1000 + MAX, W)
        );
        _reserve(carol, rid, T0 + 1000 + MAX, T0 + 1000 + 2 * MAX);
    }

    function test_finding2_removedBookerLosesPriorityAtOnce() public {
        _defaults(rid);
        _reserve(bob, rid, T0 + 1000, T0 + 2000);
        _reserve(bob, rid, T0 + 2000 + W, T0 + 3000);
        vm.prank(steward);
        registry.removeMember(1, bob); // one transaction, whatever the number of bookings
        vm.warp(T0 + 1500);
        _acquire(alice, rid, MAX);
        assertEq(_expiry(rid), T0 + 2000 + W, "a dead booking blocks nobody; the next one caps the lease");
        vm.warp(T0 + 2500);
        _acquire(carol, rid, 60);
        assertEq(_holder(rid), carol, "the second booking blocks nobody either");
    }

    function test_finding2_revokeNotUndoneByTheBooking() public {
        _defaults(rid);
        _reserve(bob, rid, T0 + 1000, T0 + 2000);
        vm.warp(T0 + 1000);
        _acquire(bob, rid, 600);
        vm.prank(steward);
        leases.revoke(rid);
        vm.warp(T0 + 1012);
        vm.expectRevert(
            abi.encodeWithSelector(IResourceLeases.LeaseCoolingDown.selector, rid, bob, T0 + 1000 + COOLDOWN)
        );
        _acquire(bob, rid, 600);
        // Bob's booking blocks nobody while he cools down.
        _acquire(alice, rid, 60);
        assertEq(_holder(rid), alice, "others may use the resource");
        (, uint64 until, ) = leases.standingOf(rid, bob);
        assertEq(until, T0 + 1000 + COOLDOWN, "standing");
        vm.warp(T0 + 1000 + COOLDOWN);
        _acquire(bob, rid, 60);
        assertEq(_holder(rid), bob, "after the cool-down");
    }

    function test_finding2_setLimitsRefusesFreezingValues() public {
        vm.startPrank(steward);
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.ResourceInvalidMaxBookings.selector, 7, 6));
        leases.setLimits(rid, 7, 1 days, 0);
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.ResourceInvalidLeadTime.selector, 367 days, 366 days));
        leases.setLimits(rid, 2, 367 days, 0);
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.ResourceInvalidCooldown.selector, 8 days, 7 days));
        leases.setLimits(rid, 2, 1 days, 8 days);
        vm.expectEmit(address(leases));
        emit IResourceLeases.ResourceLimitsSet(rid, 3, 1 days, 60, steward);
        leases.setLimits(rid, 3, 1 days, 60);
        vm.stopPrank();
        (uint8 maxBookings, uint64 lead, uint64 cooldown) = leases.limitsOf(rid);
        assertEq(maxBookings, 3, "bookings");
        assertEq(lead, 1 days, "lead");
        assertEq(cooldown, 60, "cool-down");
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.ResourceNotSteward.selector, rid, 1, alice));
        vm.prank(alice);
        leases.setLimits(rid, 1, 1, 1);
    }

    function test_defaults_atRegistration() public {
        vm.prank(steward);
        uint256 id = leases.registerResource(1, "x", MAX, 0, W);
        (uint8 maxBookings, uint64 lead, uint64 cooldown) = leases.limitsOf(id);
        assertEq(maxBookings, 2, "two live bookings per account");
        assertEq(lead, 30 days, "thirty days ahead");
        assertEq(cooldown, 1 hours, "one hour");
    }

    /// @dev The finding's scenario: one member books back to back (as close as the gap allows) while an honest
    /// member heads the queue. The head gets its claim window within 2 * maxDuration + claimWindow of the
    /// grant of the lease it waited behind.
    function test_finding2_headServedWithinBoundDespiteBackToBackBookings() public {
        _defaults(rid);
        vm.prank(steward);
        leases.setLimits(rid, 6, 30 days, COOLDOWN);
        _acquire(carol, rid, MAX); // granted at T0
        _enqueue(alice, rid); // alice heads the queue
        for (uint256 k; k < 6; ++k) {
            uint256 s = T0 + MAX + k * (MAX + W);
            _reserve(bob, rid, s, s + MAX);
        }
        uint256 bound = T0 + 2 * MAX + W;
        bool served;
        for (uint256 t = T0; t <= T0 + 8 * MAX && !served; t += 12) {
            vm.warp(t);
            _try(bob, abi.encodeCall(IResourceLeases.acquire, (rid, MAX))); // the hoarder acts first
            served = _try(alice, abi.encodeCall(IResourceLeases.acquire, (rid, MAX)));
            if (served) assertLe(t, bound, "the head is served within the bound");
        }
        assertTrue(served, "the head is served");
    }

    // ─────────────────────────────────────────────────────────────── finding 3: sybils hold the queue

    address[33] internal _sybils;

    function _sybilSetUp() internal returns (uint256 id) {
        id = _register(2); // anyone: sybils are free
        _defaults(id);
        for (uint256 i; i < 33; ++i) _sybils[i] = address(uint160(0x5000 + i));
        _acquire(_sybils[0], id, MAX);
        for (uint256 i = 1; i < 33; ++i) _enqueue(_sybils[i], id);
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.QueueFull.selector, id, 32));
        _enqueue(alice, id);
    }

    /// @dev Every sybil whose turn comes sleeps, except the last one, which claims; in the same transaction
    /// (same timestamp, before anyone else) every sybil tries to take a place again. `claimAll`: each sybil
    /// claims its turn instead and re-joins as soon as it may. Alice tries to join and claim every step.
    function _sybilAttack(uint256 id, bool claimAll) internal returns (uint256 servedAt) {
        bool queued;
        for (uint256 t = T0; t <= T0 + 40 * (2 * MAX + W); t += 30) {
            vm.warp(t);
            (address claimant, , ) = leases.claimantOf(id);
            for (uint256 i; i < 33; ++i) {
                address s = _sybils[i];
                if (claimant == s) {
                    (uint256 behind, , ) = _sybilsBehind(id);
                    if (claimAll || behind == 0) _try(s, abi.encodeCall(IResourceLeases.acquire, (id, MAX)));
                }
            }
            if (_holder(id) == address(0) && claimant == address(0)) {
                _try(_sybils[t % 33], abi.encodeCall(IResourceLeases.acquire, (id, MAX)));
            }
            for (uint256 i; i < 33; ++i) _try(_sybils[i], abi.encodeCall(IResourceLeases.enqueue, (id)));
            if (!queued) queued = _try(alice, abi.encodeCall(IResourceLeases.enqueue, (id)));
            if (_try(alice, abi.encodeCall(IResourceLeases.acquire, (id, MAX)))) return t;
        }
        return 0;
    }

    function _sybilsBehind(uint256 id) internal view returns (uint256 behind, uint256, uint256) {
        IResourceLeases.QueueEntry[] memory q = leases.queueOf(id);
        for (uint256 i = 1; i < q.length; ++i) if (q[i].account != alice) ++behind;
        return (behind, 0, 0);
    }

    /// @dev 33 sybils against a 32-place queue: honest alice gets a place at the first claim (the sybils who
    /// had a place cannot take another so soon) and then waits behind at most 31 places, each of which takes
    /// at most 2 * maxDuration + claimWindow.
    function test_finding3_33SybilsSleeping_honestServedWithinBound() public {
        uint256 id = _sybilSetUp();
        uint256 servedAt = _sybilAttack(id, false);
        assertGt(servedAt, 0, "alice is served");
        assertLe(servedAt, T0 + MAX + 32 * W + 32 * (2 * MAX + W), "within the bound");
    }

    function test_finding3_33SybilsClaimingAndRejoining_honestServedWithinBound() public {
        uint256 id = _sybilSetUp();
        uint256 servedAt = _sybilAttack(id, true);
        assertGt(servedAt, 0, "alice is served");
        assertLe(servedAt, T0 + MAX + 32 * (2 * MAX + W), "within the bound");
    }

    function test_finding3_stewardsShortenTheClaimWindowWhileSybilsWait() public {
        uint256 id = _sybilSetUp();
        vm.warp(T0 + MAX + 10); // the first sybil's window runs
        vm.prank(steward);
        leases.setPolicy(id, 2, MAX, 10);
        (address claimant, , uint64 end) = leases.claimantOf(id);
        assertEq(claimant, _sybils[1], "the claimant keeps its turn");
        assertEq(end, T0 + MAX + 20, "with the new window from now");
        vm.warp(T0 + MAX + 10 + 32 * 10);
        (claimant, , ) = leases.claimantOf(id);
        assertEq(claimant, address(0), "every sleeper's turn passed in 32 short windows");
    }

    // ─────────────────────────────────────────────────────────────── finding 5: text

    function test_finding5_resourceNameCapped() public {
        bytes memory long = new bytes(65);
        for (uint256 i; i < 65; ++i) long[i] = "a";
        vm.expectRevert(abi.encodeWithSelector(IResourceLeases.ResourceNameTooLong.selector, 65, 64));
        vm.prank(steward);
        leases.registerResource(1, string(long), MAX, 0, W);
        assembly {
            mstore(long, 64)
        }
        vm.prank(steward);
        leases.registerResource(1, string(long), MAX, 0, W);
    }
}
