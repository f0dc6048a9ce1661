// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "../utils/Test.sol";
import {CellRegistry} from "../../contracts/cells/CellRegistry.sol";
import {ROLE_MEMBER} from "../../contracts/cells/ICellRegistry.sol";
import {ResourceLeases} from "../../contracts/leases/ResourceLeases.sol";
import {IResourceLeases} from "../../contracts/leases/IResourceLeases.sol";

/// @dev Drives one resource with random sequences of acquire / renew / release / revoke / enqueue /
/// leaveQueue / reserve / cancel / prune / time jumps by several actors, and keeps a plain reference model
/// (arrays, no bit tricks) of the lease, the queue and the bookings. Every call's outcome is compared with
/// the model's expectation; the first disagreement is recorded in `violation`.
contract LeasesHandler is Test {
    uint64 internal constant MAX = 1000;
    uint64 internal constant W = 100;
    uint256 internal constant MAX_BOOKINGS = 48;

    ResourceLeases public immutable leases;
    uint256 public immutable rid;
    address public immutable steward;
    address[] internal _actors;

    // ── model: lease
    address public mHolder; // last grantee
    uint256 public mExpiry; // end of the last lease (release / revoke: that time); 0 before any grant
    uint256 public mRefreshedAt; // time of the last grant or renewal
    uint256 public mToken; // last token issued

    // ── model: queue (places in number order, including those whose turn passed, until dropped)
    struct Place {
        address account;
        uint256 number;
    }
    Place[] internal _places;
    uint256 public mBase;
    mapping(address account => uint256) internal _readyAt; // when it may take a place again

    // ── model: bookings (index = id - 1)
    struct Booking {
        address booker;
        uint256 start;
        uint256 end;
        bool live;
    }
    Booking[] internal _bookings;

    // ── findings and coverage
    string public violation;
    uint256 public grants;
    uint256 public queueGrants;
    uint256 public bypassGrants;
    uint256 public skippedSleepers;
    uint256 public refusals;

    constructor(ResourceLeases leases_, uint256 rid_, address steward_, address[] memory actors_) {
        leases = leases_;
        rid = rid_;
        steward = steward_;
        _actors = actors_;
    }

    // ─────────────────────────────────────────────────────────────── actions

    function acquire(uint256 actorSeed, uint256 durationSeed) external {
        // A third of the time the waiter whose turn it is, so that claims happen.
        (bool exists, uint256 index, ) = _claimant();
        address a = exists && actorSeed % 3 == 0 ? _places[index].account : _actor(actorSeed >> 2);
        uint64 d = uint64(bound(durationSeed, 1, MAX));
        bytes4 expected = _expectAcquire(a);
        vm.prank(a);
        try leases.acquire(rid, d) returns (uint256 token) {
            if (expected != bytes4(0)) return _fail("acquire granted against the model");
            _onGrant(a, token, d);
        } catch (bytes memory reason) {
            _onRefusal(reason, expected, "acquire");
        }
    }

    function renew(uint256 actorSeed, uint256 durationSeed) external {
        address a = _holderOr(actorSeed);
        uint64 d = uint64(bound(durationSeed, 1, MAX));
        bytes4 expected;
        if (!_live() || mHolder != a) expected = IResourceLeases.LeaseNotHolder.selector;
        else if (_places.length != 0) expected = IResourceLeases.LeaseRenewContended.selector;
        vm.prank(a);
        try leases.renew(rid, d) {
            if (expected != bytes4(0)) return _fail("renew accepted against the model");
            (, uint64 expiresAt, uint256 token) = leases.leaseOf(rid);
            if (token != mToken) return _fail("renew changed the token");
            (uint256 cap, ) = _cap(a, block.timestamp + d);
            if (expiresAt != cap) return _fail("renewed expiry differs from the model");
            mExpiry = expiresAt;
            mRefreshedAt = block.timestamp;
        } catch (bytes memory reason) {
            _onRefusal(reason, expected, "renew");
        }
    }

    function release(uint256 actorSeed) external {
        address a = _holderOr(actorSeed);
        bytes4 expected = _live() && mHolder == a ? bytes4(0) : IResourceLeases.LeaseNotHolder.selector;
        vm.prank(a);
        try leases.release(rid) {
            if (expected != bytes4(0)) return _fail("release accepted against the model");
            mExpiry = block.timestamp;
        } catch (bytes memory reason) {
            _onRefusal(reason, expected, "release");
        }
    }

    function revoke() external {
        bytes4 expected = _live() ? bytes4(0) : IResourceLeases.LeaseNotActive.selector;
        vm.prank(steward);
        try leases.revoke(rid) {
            if (expected != bytes4(0)) return _fail("revoke accepted against the model");
            mExpiry = block.timestamp;
        } catch (bytes memory reason) {
            _onRefusal(reason, expected, "revoke");
        }
    }

    function enqueue(uint256 actorSeed) external {
        address a = _actor(actorSeed);
        (bool found, uint256 index) = _placeOf(a);
        uint256 used = _span();
        bytes4 expected;
        bool rejoin;
        (uint256 q, bool held, ) = _queueTime();
        if (_live()) {
            if (mHolder == a) expected = IResourceLeases.QueueAlreadyHolder.selector;
        } else {
            (bool exists, , ) = _claimantAt(q);
            if (!exists && !held) expected = IResourceLeases.QueueResourceFree.selector;
        }
        if (expected == bytes4(0) && found) {
            if ((_places[index].number - mBase + 1) * W > q) {
                expected = IResourceLeases.QueueAlreadyQueued.selector;
            } else {
                rejoin = true; // its turn passed: it joins again at the back
            }
        }
        if (expected == bytes4(0) && block.timestamp < _readyAt[a]) {
            expected = IResourceLeases.QueueCoolingDown.selector;
        }
        if (expected == bytes4(0) && used == 32) expected = IResourceLeases.QueueFull.selector;
        vm.prank(a);
        try leases.enqueue(rid) {
            if (expected != bytes4(0)) return _fail("enqueue accepted against the model");
            if (rejoin) _removePlace(index);
            _places.push(Place({account: a, number: mBase + used}));
            _readyAt[a] = (_live() ? mExpiry : block.timestamp) + (used + 1) * W; // one place per turn
        } catch (bytes memory reason) {
            _onRefusal(reason, expected, "enqueue");
        }
    }

    function leaveQueue(uint256 actorSeed) external {
        address a = _actor(actorSeed);
        (bool found, uint256 index) = _placeOf(a);
        vm.prank(a);
        try leases.leaveQueue(rid) {
            if (!found) return _fail("leave accepted against the model");
            _removePlace(index);
            if (_live() && _places.length != 0) mBase = _places[0].number;
        } catch (bytes memory reason) {
            _onRefusal(reason, found ? bytes4(0) : IResourceLeases.QueueNotQueued.selector, "leave");
        }
    }

    function reserve(uint256 actorSeed, uint256 startSeed, uint256 lengthSeed, bool hinted) external {
        if (_bookings.length >= MAX_BOOKINGS) return;
        address a = _actor(actorSeed);
        uint256 start = block.timestamp + bound(startSeed, 0, 3000);
        uint256 end = start + bound(lengthSeed, 1, MAX);
        bytes4 expected;
        if (_live() && mHolder != a && start < mExpiry) {
            expected = IResourceLeases.ReservationLeaseConflict.selector;
        } else if (_liveBookingsOf(a) >= 6) {
            expected = IResourceLeases.ReservationLimit.selector;
        } else {
            expected = hinted ? _expectHinted(start, end) : _expectPlain(start, end);
        }
        vm.startPrank(a);
        uint256 id;
        bool ok;
        bytes memory reason;
        if (hinted) {
            try leases.reserve(rid, uint64(start), uint64(end), _predecessor(start)) returns (uint256 made) {
                (id, ok) = (made, true);
            } catch (bytes memory r) {
                reason = r;
            }
        } else {
            try leases.reserve(rid, uint64(start), uint64(end)) returns (uint256 made) {
                (id, ok) = (made, true);
            } catch (bytes memory r) {
                reason = r;
            }
        }
        vm.stopPrank();
        if (!ok) {
            if (bytes4(reason) == IResourceLeases.ReservationHintRequired.selector && !hinted) return;
            return _onRefusal(reason, expected, "reserve");
        }
        if (expected != bytes4(0)) return _fail("booking accepted against the model");
        if (id != _bookings.length + 1) return _fail("booking id not sequential");
        _bookings.push(Booking({booker: a, start: start, end: end, live: true}));
    }

    function cancel(uint256 actorSeed, uint256 idSeed, bool asSteward) external {
        if (_bookings.length == 0) return;
        uint256 id = bound(idSeed, 1, _bookings.length);
        Booking memory b = _bookings[id - 1];
        address a = asSteward ? steward : _actor(actorSeed);
        bytes4 expected;
        if (!b.live) expected = IResourceLeases.ReservationNonexistent.selector;
        else if (a != b.booker && a != steward) expected = IResourceLeases.ReservationNotBooker.selector;
        else if (b.end <= block.timestamp) expected = IResourceLeases.ReservationEnded.selector;
        vm.prank(a);
        try leases.cancelReservation(rid, id) {
            if (expected != bytes4(0)) return _fail("cancel accepted against the model");
            // A started booking paused the queue: the count resumes now.
            if (b.start <= block.timestamp && !_live()) mExpiry = block.timestamp;
            _bookings[id - 1].live = false;
        } catch (bytes memory reason) {
            _onRefusal(reason, expected, "cancel");
        }
    }

    function prune(uint256 steps) external {
        leases.prune(rid, bound(steps, 0, 8));
    }

    /// @dev Mostly short jumps (within claim windows), sometimes long ones (past leases and queues).
    function warp(uint256 seconds_) external {
        vm.warp(block.timestamp + (seconds_ % 4 == 0 ? bound(seconds_ >> 2, 1, 3000) : bound(seconds_ >> 2, 1, 150)));
    }

    // ─────────────────────────────────────────────────────────────── model

    function _live() internal view returns (bool) {
        return block.timestamp < mExpiry;
    }

    /// @dev Queue time now: seconds since the lease end not covered by a booking; `held` while a lease is live
    /// or a booking is active (the count is paused). `origin` is when queue time 0 was, in real time, shifted
    /// by the whole active booking when held by one (so that window ends are `origin + turn end`).
    function _queueTime() internal view returns (uint256 q, bool held, uint256 origin) {
        if (_live()) return (0, true, mExpiry);
        uint256 booked;
        uint256 activeEnd;
        for (uint256 i; i < _bookings.length; ++i) {
            Booking memory b = _bookings[i];
            if (!b.live || b.end <= mExpiry || b.start > block.timestamp) continue;
            uint256 from = b.start > mExpiry ? b.start : mExpiry;
            if (b.end > block.timestamp) {
                (held, activeEnd) = (true, b.end);
                booked += block.timestamp - from;
            } else {
                booked += b.end - from;
            }
        }
        q = block.timestamp - mExpiry - booked;
        origin = held ? activeEnd - q : block.timestamp - q;
    }

    function _windowEnd(uint256 number) internal view returns (uint256) {
        (, , uint256 origin) = _queueTime();
        return origin + (number - mBase + 1) * W;
    }

    /// @dev The booked time since the lease end so far (the shift of the queue's origin).
    function bookedSinceLeaseEnd() external view returns (uint256) {
        (uint256 q, , ) = _queueTime();
        return _live() ? 0 : block.timestamp - mExpiry - q;
    }

    function _liveBookingsOf(address a) internal view returns (uint256 n) {
        for (uint256 i; i < _bookings.length; ++i) {
            Booking memory b = _bookings[i];
            if (b.live && b.booker == a && b.end > block.timestamp) ++n;
        }
    }

    /// @dev The hinted reserve checks the predecessor by start, then its successor.
    function _expectHinted(uint256 start, uint256 end) internal view returns (bytes4) {
        (bool hasPrev, uint256 prevId) = (_predecessor(start) != 0, _predecessor(start));
        if (hasPrev) {
            Booking memory p = _bookings[prevId - 1];
            if (p.end > start) return IResourceLeases.ReservationConflict.selector;
            if (p.end > block.timestamp && p.end + W > start) return IResourceLeases.ReservationTooClose.selector;
        }
        (bool hasNext, Booking memory n) = _successor(start);
        if (hasNext) {
            if (n.start < end) return IResourceLeases.ReservationConflict.selector;
            if (end + W > n.start) return IResourceLeases.ReservationTooClose.selector;
        }
        return bytes4(0);
    }

    /// @dev The plain reserve walks the bookings in time order: those ending by `start` (the last one may be
    /// too close), then the first one ending after it (a conflict, or the successor).
    function _expectPlain(uint256 start, uint256 end) internal view returns (bytes4) {
        bool found;
        Booking memory before;
        for (uint256 i; i < _bookings.length; ++i) {
            Booking memory b = _bookings[i];
            if (b.live && b.end <= start && (!found || b.end > before.end)) (found, before) = (true, b);
        }
        if (found && before.end > block.timestamp && before.end + W > start) {
            return IResourceLeases.ReservationTooClose.selector;
        }
        bool hasAfter;
        Booking memory first;
        for (uint256 i; i < _bookings.length; ++i) {
            Booking memory b = _bookings[i];
            if (b.live && b.end > start && (!hasAfter || b.start < first.start)) (hasAfter, first) = (true, b);
        }
        if (!hasAfter) return bytes4(0);
        if (first.start < end) return IResourceLeases.ReservationConflict.selector;
        if (end + W > first.start) return IResourceLeases.ReservationTooClose.selector;
        return bytes4(0);
    }

    /// @dev The live booking with the smallest start at or after `start`.
    function _successor(uint256 start) internal view returns (bool found, Booking memory next) {
        for (uint256 i; i < _bookings.length; ++i) {
            Booking memory b = _bookings[i];
            if (b.live && b.start >= start && (!found || b.start < next.start)) (found, next) = (true, b);
        }
    }

    function _span() internal view returns (uint256) {
        uint256 n = _places.length;
        return n == 0 ? 0 : _places[n - 1].number + 1 - mBase;
    }

    /// @dev The waiter that may claim now: the first place whose turn has not passed (none while held).
    function _claimant() internal view returns (bool exists, uint256 index, uint256 windowEnd) {
        (uint256 q, bool held, ) = _queueTime();
        if (held) return (false, 0, 0);
        return _claimantAt(q);
    }

    /// @dev The first place whose turn has not passed at queue time `q`, whatever holds the resource.
    function _claimantAt(uint256 q) internal view returns (bool exists, uint256 index, uint256 windowEnd) {
        for (uint256 i; i < _places.length; ++i) {
            uint256 turnEnd = (_places[i].number - mBase + 1) * W;
            if (turnEnd > q) return (true, i, _windowEnd(_places[i].number));
        }
    }

    function _placeOf(address a) internal view returns (bool found, uint256 index) {
        for (uint256 i; i < _places.length; ++i) if (_places[i].account == a) return (true, i);
    }

    function _removePlace(uint256 index) internal {
        for (uint256 i = index; i + 1 < _places.length; ++i) _places[i] = _places[i + 1];
        _places.pop();
    }

    /// @dev The active booking, if any.
    function _activeBooking() internal view returns (bool active, address booker) {
        for (uint256 i; i < _bookings.length; ++i) {
            Booking memory b = _bookings[i];
            if (b.live && b.start <= block.timestamp && block.timestamp < b.end) return (true, b.booker);
        }
    }

    /// @dev The expiry of a lease wanted until `wanted` by `a` now: capped at the next booking's start, or, under
    /// `a`'s active booking, at the start of the booking after it.
    function _cap(address a, uint256 wanted) internal view returns (uint256 expiry, bool booked) {
        expiry = wanted;
        uint256 activeEnd;
        for (uint256 i; i < _bookings.length; ++i) {
            Booking memory b = _bookings[i];
            if (b.live && b.start <= block.timestamp && block.timestamp < b.end && b.booker == a) {
                (booked, activeEnd) = (true, b.end);
            }
        }
        // Under the caller's own active booking the lease ends by that booking's end.
        if (booked) return (activeEnd < wanted ? activeEnd : wanted, true);
        for (uint256 i; i < _bookings.length; ++i) {
            Booking memory b = _bookings[i];
            if (!b.live || b.start <= block.timestamp) continue;
            if (b.start < expiry) expiry = b.start;
        }
    }

    /// @dev The live booking that comes right before `start` in time order (0: none).
    function _predecessor(uint256 start) internal view returns (uint256 id) {
        uint256 best;
        for (uint256 i; i < _bookings.length; ++i) {
            Booking memory b = _bookings[i];
            if (b.live && b.start < start && (id == 0 || b.start > best)) (id, best) = (i + 1, b.start);
        }
    }

    function _expectAcquire(address a) internal view returns (bytes4) {
        if (_live()) return IResourceLeases.ResourceBusy.selector;
        (bool active, address booker) = _activeBooking();
        if (active && booker != a) return IResourceLeases.ReservationActive.selector;
        (bool exists, uint256 index, ) = _claimant();
        if (exists && _places[index].account != a && !active) return IResourceLeases.QueueClaimWindow.selector;
        return bytes4(0);
    }

    function _onGrant(address a, uint256 token, uint64 d) internal {
        ++grants;
        // I2: strictly increasing (here: the next one).
        if (token != mToken + 1) return _fail("fencing token is not the next one");
        (address holder, uint64 expiresAt, uint256 current) = leases.leaseOf(rid);
        if (holder != a || current != token) return _fail("leaseOf disagrees with the grant");
        (uint256 cap, bool booked) = _cap(a, block.timestamp + d);
        if (expiresAt != cap) return _fail("granted expiry differs from the model (booking cap)");
        // I5: the queue is served in order (under the caller's booking, at the queue time where it paused).
        (bool exists, uint256 index, ) = booked ? _claimantAt(_pausedQ()) : _claimant();
        if (exists) {
            if (_places[index].account == a) {
                ++queueGrants;
                skippedSleepers += index;
                mBase = _places[index].number + 1;
                for (uint256 i; i <= index; ++i) _removePlace(0);
                if (expiresAt > _readyAt[a]) _readyAt[a] = expiresAt;
            } else if (booked) {
                ++bypassGrants;
                mBase = _places[index].number;
                for (uint256 i; i < index; ++i) _removePlace(0);
                (bool found, uint256 mine) = _placeOf(a);
                if (found) {
                    _removePlace(mine); // it waited behind the claimant: it leaves, served
                    if (expiresAt > _readyAt[a]) _readyAt[a] = expiresAt;
                }
            } else {
                return _fail("served out of order");
            }
        } else if (_places.length != 0) {
            mBase = _places[_places.length - 1].number + 1;
            delete _places;
        }
        if (_places.length != 0) mBase = _places[0].number; // lease live: empty places at the front go
        mHolder = a;
        mExpiry = expiresAt;
        mRefreshedAt = block.timestamp;
        mToken = token;
    }

    /// @dev Queue time at the start of the caller's active booking (where the count paused).
    function _pausedQ() internal view returns (uint256 q) {
        (q, , ) = _queueTime();
    }

    function _onRefusal(bytes memory reason, bytes4 expected, string memory what) internal {
        ++refusals;
        bytes4 got = bytes4(reason);
        // The booking cursor may lag behind more ended bookings than a call skips: prune and go on.
        if (got == IResourceLeases.ReservationPruneRequired.selector) {
            leases.prune(rid, 64);
            return;
        }
        if (got != expected) _fail(string.concat(what, ": refused for another reason than the model's"));
    }

    function _fail(string memory message) internal {
        if (bytes(violation).length == 0) violation = message;
    }

    function _actor(uint256 seed) internal view returns (address) {
        return _actors[seed % _actors.length];
    }

    /// @dev Half of the time the current holder, so that renew and release are exercised.
    function _holderOr(uint256 seed) internal view returns (address) {
        return seed % 2 == 0 && mHolder != address(0) ? mHolder : _actor(seed >> 1);
    }

    // ─────────────────────────────────────────────────────────────── views for the invariants

    function live() external view returns (bool) {
        return _live();
    }

    function span() external view returns (uint256) {
        return _span();
    }

    function claimant() external view returns (address account, uint256 windowEnd) {
        (bool exists, uint256 index, uint256 end) = _claimant();
        if (exists) (account, windowEnd) = (_places[index].account, end);
    }

    /// @dev Places whose turn has not passed, with their window ends.
    function waiting() external view returns (address[] memory accounts, uint256[] memory ends) {
        (uint256 q, , ) = _queueTime();
        uint256 n;
        for (uint256 i; i < _places.length; ++i) {
            if ((_places[i].number - mBase + 1) * W > q) ++n;
        }
        accounts = new address[](n);
        ends = new uint256[](n);
        n = 0;
        for (uint256 i; i < _places.length; ++i) {
            if ((_places[i].number - mBase + 1) * W > q) {
                (accounts[n], ends[n++]) = (_places[i].account, _windowEnd(_places[i].number));
            }
        }
    }

    function bookingCount() external view returns (uint256) {
        return _bookings.length;
    }

    function booking(uint256 id) external view returns (Booking memory) {
        return _bookings[id - 1];
    }
}

contract ResourceLeasesInvariantTest is Test {
    uint64 internal constant MAX = 1000;
    uint64 internal constant W = 100;

    CellRegistry internal registry;
    ResourceLeases internal leases;
    LeasesHandler internal handler;
    uint256 internal rid;

    function setUp() public {
        vm.warp(1_700_000_000);
        address steward = address(0x57E1);
        registry = new CellRegistry(address(this));
        address[] memory actors = new address[](6);
        vm.startPrank(steward);
        registry.createCell(0, "ops", "", bytes32(0));
        for (uint256 i; i < actors.length; ++i) {
            actors[i] = address(uint160(0xA000 + i));
            registry.addMember(1, actors[i], ROLE_MEMBER);
        }
        vm.stopPrank();
        leases = new ResourceLeases(registry);
        vm.prank(steward);
        rid = leases.registerResource(1, "printer", MAX, 0, W);
        vm.prank(steward);
        leases.setLimits(rid, 6, 366 days, 0); // six bookings per actor, no cool-down: the model's rules
        handler = new LeasesHandler(leases, rid, steward, actors);
        targetContract(address(handler));
    }

    /// @dev A deterministic walk through the handler, checking every invariant after each step, that reaches
    /// the paths random runs hit rarely: claims from the queue, skipped sleepers, a booker going past the queue.
    function test_handlerWalkReachesEveryPath() public {
        // A sleeper first: actor 0 holds, actors 1 and 2 wait, actor 1 sleeps through its turn, actor 2 claims.
        handler.acquire(1, 1000);
        handler.enqueue(1);
        handler.enqueue(2);
        handler.warp(1101 << 2);
        handler.acquire(3, 100);
        this.checkAll();
        for (uint256 i; i < 300; ++i) {
            uint256 r = uint256(keccak256(abi.encode("walk", i)));
            uint256 op = r % 12;
            r >>= 8;
            if (op == 0 || op == 1) handler.acquire(r, r >> 64);
            else if (op == 2) handler.renew(r, r >> 64);
            else if (op == 3) handler.release(r);
            else if (op == 4) handler.revoke();
            else if (op == 5 || op == 6) handler.enqueue(r);
            else if (op == 7) handler.leaveQueue(r);
            else if (op == 8) handler.reserve(r, r >> 64, r >> 128, r % 2 == 0);
            else if (op == 9) handler.cancel(r, r >> 64, r % 5 == 0);
            else if (op == 10) handler.prune(r);
            else handler.warp(r);
            this.checkAll(); // an external call: its memory is released after each step
        }
        assertGt(handler.grants(), 10, "grants");
        assertGt(handler.queueGrants(), 2, "claims from the queue");
        assertGt(handler.skippedSleepers(), 0, "skipped sleepers");
        assertGt(handler.bypassGrants(), 0, "booker past the queue");
        assertGt(handler.bookingCount(), 10, "bookings");
    }

    function checkAll() external view {
        invariant_outcomesMatchTheModel();
        invariant_singleHolderAndToken();
        invariant_leaseWithinMaximum();
        invariant_noLeaseIntoAnotherBooking();
        invariant_queueServedInOrder();
        invariant_boundedBlocking();
        invariant_bookingsSortedAndDisjoint();
    }

    /// @dev Every outcome matched the reference model (I1 grants only when free, I2 next token, I5 order,
    /// booking caps, refusal reasons).
    function invariant_outcomesMatchTheModel() public view {
        assertEq(handler.violation(), "", "model");
    }

    /// @dev I1, I2: the contract reports the single holder and the last token.
    function invariant_singleHolderAndToken() public view {
        (address holder, uint64 expiresAt, uint256 token) = leases.leaseOf(rid);
        assertEq(token, handler.mToken(), "token");
        if (handler.live()) {
            assertEq(holder, handler.mHolder(), "holder");
            assertEq(expiresAt, handler.mExpiry(), "expiry");
            assertTrue(leases.isCurrentToken(rid, token), "current token");
        } else {
            assertEq(holder, address(0), "free");
            assertFalse(token != 0 && leases.isCurrentToken(rid, token), "no current token");
        }
    }

    /// @dev I3: no lease runs longer than the maximum from its grant or renewal.
    function invariant_leaseWithinMaximum() public view {
        if (handler.live()) assertLe(handler.mExpiry(), handler.mRefreshedAt() + MAX, "max duration");
    }

    /// @dev I4: the live lease overlaps no booking of another account.
    function invariant_noLeaseIntoAnotherBooking() public view {
        if (!handler.live()) return;
        address holder = handler.mHolder();
        uint256 expiry = handler.mExpiry();
        for (uint256 id = 1; id <= handler.bookingCount(); ++id) {
            LeasesHandler.Booking memory b = handler.booking(id);
            if (!b.live || b.booker == holder) continue;
            assertTrue(b.end <= block.timestamp || expiry <= b.start, "lease overlaps a booking");
        }
    }

    /// @dev I5: the contract's claimant and queue are the model's (FIFO with claim windows by time alone).
    function invariant_queueServedInOrder() public view {
        (address account, uint256 windowEnd) = handler.claimant();
        (address c, , uint64 end) = leases.claimantOf(rid);
        assertEq(c, account, "claimant");
        assertEq(end, windowEnd, "claim window end");
        (address[] memory accounts, uint256[] memory ends) = handler.waiting();
        IResourceLeases.QueueEntry[] memory q = leases.queueOf(rid);
        assertEq(q.length, accounts.length, "queue length");
        for (uint256 i; i < q.length; ++i) {
            assertEq(q[i].account, accounts[i], "queue order");
            assertEq(q[i].windowEnd, ends[i], "window end");
            if (i > 0) assertLe(q[i - 1].windowEnd, q[i].windowStart, "windows in order");
        }
    }

    /// @dev I6: a vanished holder blocks the resource at most maxDuration plus the claim windows ahead, counted in
    /// time no booking covers.
    function invariant_boundedBlocking() public view {
        uint256 span = handler.span();
        assertLe(span, 32, "queue bound");
        if (handler.live()) return;
        (address account, uint256 windowEnd) = handler.claimant();
        if (account == address(0)) return;
        uint256 leaseEnd = handler.mExpiry();
        uint256 booked = handler.bookedSinceLeaseEnd();
        // (The lease itself is bounded by I3; a cancelled booking that had started restarts the count at its
        // cancellation, which `leaseEnd` then is.)
        // Bookings pause the count: the windows ahead are counted in time no booking covers.
        assertLe(windowEnd, leaseEnd + booked + span * W, "claimant window within the windows ahead");
    }

    /// @dev I7: bookings are sorted and disjoint, and they are the model's.
    function invariant_bookingsSortedAndDisjoint() public view {
        (IResourceLeases.Reservation[] memory page, ) = leases.reservationsOf(rid, 0, 100);
        uint256 expected;
        for (uint256 id = 1; id <= handler.bookingCount(); ++id) {
            LeasesHandler.Booking memory b = handler.booking(id);
            if (b.live && b.end > block.timestamp) ++expected;
        }
        assertEq(page.length, expected, "bookings not ended");
        for (uint256 i; i < page.length; ++i) {
            LeasesHandler.Booking memory b = handler.booking(page[i].id);
            assertTrue(b.live, "listed booking is live");
            assertEq(page[i].start, b.start, "start");
            assertEq(page[i].end, b.end, "end");
            assertEq(page[i].booker, b.booker, "booker");
            if (i > 0) assertLe(page[i - 1].end, page[i].start, "sorted, disjoint");
        }
    }
}
