// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "../utils/Test.sol";
import {CellRegistry} from "../../contracts/cells/CellRegistry.sol";
import {ResourceLeases} from "../../contracts/leases/ResourceLeases.sol";
import {IResourceLeases} from "../../contracts/leases/IResourceLeases.sol";

/// @dev The attackers of issue 11 against one honest member, on a resource open to anyone (sybils are free):
/// 33 sybils against the 32-place queue (each sleeps or claims its turn at random, and every one of them tries
/// to take a place again at every step, before the honest member), and a hoarder that books back to back as
/// close as the rules allow and takes the resource at each of its bookings. The honest member tries to join and
/// to claim at every step (steps are at most half a claim window apart), and lets go at once when served.
contract FairnessHandler is Test {
    uint64 public constant MAX = 20;
    uint64 public constant W = 10;

    ResourceLeases public immutable leases;
    uint256 public immutable rid;
    address public constant HONEST = address(0x4011);
    address public constant HOARDER = address(0x4012);
    address[33] internal _sybils;

    uint256 public headSince; // when the honest member last became first in the queue (0: it is not)
    uint256 public triedSince; // when the honest member started trying to get the resource (0: served)
    uint256 public worstHeadWait;
    uint256 public worstWait;
    uint256 public served;
    uint256 public sybilGrants;
    uint256 public hoarderGrants;

    constructor(ResourceLeases leases_, uint256 rid_) {
        leases = leases_;
        rid = rid_;
        for (uint256 i; i < 33; ++i) _sybils[i] = address(uint160(0x5000 + i));
        triedSince = block.timestamp;
    }

    function _try(address who, bytes memory call) internal returns (bool ok) {
        vm.prank(who);
        (ok, ) = address(leases).call(call);
    }

    /// @dev One step: time moves on by 1..W/2 seconds, the attackers act, then the honest member.
    function step(uint256 seed) external {
        vm.warp(block.timestamp + bound(seed, 1, W / 2));
        seed >>= 8;
        _hoard();
        (address claimant, , ) = leases.claimantOf(rid);
        for (uint256 i; i < 33; ++i) {
            if (claimant == _sybils[i] && (seed >> i) & 1 == 1) {
                if (_try(_sybils[i], abi.encodeCall(IResourceLeases.acquire, (rid, MAX)))) ++sybilGrants;
            }
        }
        (address holder, , ) = leases.leaseOf(rid);
        (claimant, , ) = leases.claimantOf(rid);
        if (holder == address(0) && claimant == address(0)) {
            address s = _sybils[seed % 33];
            if (_try(s, abi.encodeCall(IResourceLeases.acquire, (rid, MAX)))) ++sybilGrants;
        }
        // Every sybil that may takes a place again, until the queue is full.
        for (uint256 i; i < 33; ++i) {
            vm.prank(_sybils[i]);
            (bool ok, bytes memory reason) = address(leases).call(abi.encodeCall(IResourceLeases.enqueue, (rid)));
            if (!ok && bytes4(reason) == IResourceLeases.QueueFull.selector) break;
        }
        _honest();
    }

    /// @dev The hoarder takes the resource under its booking and keeps its bookings back to back.
    function _hoard() internal {
        if (_try(HOARDER, abi.encodeCall(IResourceLeases.acquire, (rid, MAX)))) ++hoarderGrants;
        (IResourceLeases.Reservation[] memory page, ) = leases.reservationsOf(rid, 0, 32);
        uint256 from = block.timestamp;
        for (uint256 i; i < page.length; ++i) if (page[i].end + W > from) from = page[i].end + W;
        _try(HOARDER, abi.encodeWithSignature("reserve(uint256,uint64,uint64)", rid, uint64(from), uint64(from + MAX)));
    }

    function _honest() internal {
        (bool queued, uint256 position, , ) = leases.placeOf(rid, HONEST);
        if (!queued) queued = _try(HONEST, abi.encodeCall(IResourceLeases.enqueue, (rid)));
        if (_try(HONEST, abi.encodeCall(IResourceLeases.acquire, (rid, MAX)))) {
            ++served;
            if (headSince != 0 && block.timestamp - headSince > worstHeadWait) {
                worstHeadWait = block.timestamp - headSince;
            }
            if (block.timestamp - triedSince > worstWait) worstWait = block.timestamp - triedSince;
            vm.prank(HONEST);
            leases.release(rid);
            (headSince, triedSince) = (0, block.timestamp);
            return;
        }
        (queued, position, , ) = leases.placeOf(rid, HONEST);
        if (queued && position == 0) {
            if (headSince == 0) headSince = block.timestamp;
        } else {
            headSince = 0;
        }
    }
}

/// @dev I8 (bounded wait). The bound of the README: the first waiter has its whole claim window within
/// 2 * maxDuration + claimWindow of becoming first; so, acting every half window, it is served by then.
contract ResourceLeasesFairnessTest is Test {
    CellRegistry internal registry;
    ResourceLeases internal leases;
    FairnessHandler internal handler;
    uint256 internal constant HEAD_BOUND = 2 * 20 + 10;
    /// @dev A waiter with p waiters ahead (p <= 31) waits at most (p + 1) * HEAD_BOUND once it has a place; it gets
    /// one at the latest when the sybils that held places must cool down (one cycle of the queue).
    uint256 internal constant WAIT_BOUND = 33 * HEAD_BOUND + 32 * 10 + 20;

    function setUp() public {
        vm.warp(1_700_000_000);
        address steward = address(0x57E1);
        registry = new CellRegistry(address(this));
        vm.prank(steward);
        registry.createCell(0, "ops", "", bytes32(0));
        leases = new ResourceLeases(registry);
        vm.startPrank(steward);
        uint256 rid = leases.registerResource(1, "printer", 20, 2, 10);
        leases.setLimits(rid, 6, 1 days, 60);
        vm.stopPrank();
        handler = new FairnessHandler(leases, rid);
        targetContract(address(handler));
    }

    /// forge-config: default.invariant.runs = 4
    /// forge-config: default.invariant.depth = 48
    /// forge-config: deep.invariant.runs = 32
    /// forge-config: deep.invariant.depth = 400
    function invariant_headServedWithinBound() public view {
        assertLe(handler.worstHeadWait(), HEAD_BOUND, "head served within 2 * maxDuration + claimWindow");
        uint256 since = handler.headSince();
        if (since != 0) assertLe(block.timestamp - since, HEAD_BOUND, "the head is still within the bound");
    }

    /// forge-config: default.invariant.runs = 4
    /// forge-config: default.invariant.depth = 48
    /// forge-config: deep.invariant.runs = 32
    /// forge-config: deep.invariant.depth = 400
    function invariant_honestServedWithinWaitBound() public view {
        assertLe(handler.worstWait(), WAIT_BOUND, "served within the wait bound");
        assertLe(block.timestamp - handler.triedSince(), WAIT_BOUND, "still within the wait bound");
    }

    /// @dev A deterministic run of 450 steps (about 22 minutes of chain time): the honest member is served
    /// within the bounds against both attacks (the invariants run the same handler at random).
    function test_fairness_runAgainstSybilsAndHoarder() public {
        for (uint256 i; i < 450; ++i) {
            handler.step(uint256(keccak256(abi.encode("fair", i))));
            if (i % 10 == 0) this.check();
        }
        assertGt(handler.served(), 0, "served");
        assertGt(handler.sybilGrants(), 3, "sybils got the resource");
        assertGt(handler.hoarderGrants(), 3, "the hoarder got its bookings");
        this.check();
    }

    function check() external view {
        invariant_headServedWithinBound();
        invariant_honestServedWithinWaitBound();
    }
}
