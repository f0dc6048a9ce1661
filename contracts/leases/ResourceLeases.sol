// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Multicall} from "@openzeppelin/contracts/utils/Multicall.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {ICellRegistry} from "../cells/ICellRegistry.sol";
import {IResourceLeases, ACCESS_OWNER_MEMBERS, ACCESS_ANY_MEMBERS, ACCESS_ANYONE} from "./IResourceLeases.sol";
import {ClaimWindows} from "./ClaimWindows.sol";

/// @title ResourceLeases
/// @notice Exclusive, time-limited leases on resources owned by Concord cells: request → grant, or deny with
/// the holder and its expiry → use → release; leases end by themselves at expiry. Waiting accounts queue in
/// FIFO order with claim windows; accounts book future windows; every grant carries a fencing token.
///
/// @dev Design notes
/// - Authority. Stewards of the owner cell (ancestors included, {ICellRegistry-isSteward}) register a
///   resource, set its policy and limits, revoke a lease and cancel bookings. There is no owner or admin.
/// - Access policy. 0: members of the owner cell; 1: members of a cell the DAO vouches for; 2: anyone.
///   Under policy 1 the caller names the cell it acts for (`acquireAs`, `enqueueAs`, `reserveAs`; the plain
///   functions refuse with {ResourceCellRequired}), and the cell must be recognised by governance
///   ({ICellRegistry-isRecognised}) or be the owner cell or a cell inside it: only the owner cell's stewards
///   (or their ancestors') create cells inside it, and only governance recognises one, so a cell the caller
///   created a moment ago (a top-level cell, creatable by anyone) never qualifies. The walk up from the named
///   cell reads at most MAX_DEPTH - 1 = 7 parents (the registry fixes a cell's depth, at most 8).
///   Membership is checked when a lease is granted, a place is taken or a booking is made.
/// - Leases. One slot: holder (160 bits) | expiry (40) | fencing token (56). A lease is live while
///   `block.timestamp < expiresAt`; expiry needs no transaction. {release} and {revoke} set the expiry to
///   the current time. When no lease is live the expiry is the queue's origin: when the last lease ended,
///   moved later by the booked time since (below). The token counts grants: each grant gets a strictly
///   greater one; {renew} keeps it. After a {revoke} the revoked account cannot acquire, claim, or use its
///   bookings for the resource's cool-down.
/// - Queue. At most {QUEUE_CAPACITY} places, numbered in joining order, held in a 32-bit map and a ring of
///   32 addresses; the turn rule is {ClaimWindows}: counted in queue time `q` (seconds since the origin not
///   covered by a booking), place j has its turn until `q = (j + 1) * claimWindow`, and the claimant is the
///   first taken place at or after `q / claimWindow`, computed in O(1). A started booking whose booker may
///   use it pauses the count (it acts as a lease); when it ends, its time is folded into the origin. So a
///   booking postpones the turns, it never takes one away. A waiter who leaves gives its time to the next.
///   {renew} is refused while anyone waits.
/// - Fairness under abuse. (a) Bookings: each account holds at most `maxBookings` live bookings starting at
///   most `maxLeadTime` ahead; bookings stay one claim window apart; a lease granted under a booking ends by
///   the booking's end; a booking whose booker lost access or is cooling down after a revoke blocks nobody.
///   (b) Sybils: an account takes at most one place per "turn's latest end + cool-down" and, once served by
///   the queue, none until its lease's expiry plus the cool-down, so a group of accounts cannot keep the
///   queue full by re-joining as places free up. Bound: the first waiter whose lease-holder ahead was granted
///   or renewed at `t0` has `claimWindow` seconds of claim time, all of it within
///   `[t0, t0 + 2 * maxDuration + claimWindow]` (the live lease ends by `t0 + maxDuration`; at most one booking,
///   at most `maxDuration` long, can fall into its turn since bookings are a claim window apart).
/// - Bookings. A doubly linked list in time order, two slots each, plus a cursor (the first booking that
///   may not have ended, its start cached). Worst case per call: acquire/renew read at most
///   ACQUIRE_PRUNE_STEPS + 2 bookings; reserve 2 (hinted) or RESERVE_SEARCH_STEPS + 1 (plain); cancel 3;
///   pruneTo 2; whatever the number of bookings.
///
/// Invariants (checked by test/leases/ResourceLeases.invariant.t.sol):
/// - I1 at most one account holds a live lease on a resource, and a grant happens only after the previous
///   lease ended;
/// - I2 fencing tokens of a resource strictly increase from grant to grant;
/// - I3 a lease never runs longer than maxDuration from its grant or last renewal;
/// - I4 a live lease never overlaps a booking of another account that may use it;
/// - I5 the queue is served in order: a grant while someone has a claim window goes to that waiter or to the
///   booker of the active booking; a waiter behind is never served before;
/// - I6 bookings of a resource never overlap and the list is sorted, doubly linked and ends at `lastBooking`;
/// - I7 every booking before the cursor has ended;
/// - I8 (bounded wait) the first waiter is served or has had its whole claim window within the bound above,
///   against sybil and hoarding actors.
contract ResourceLeases is IResourceLeases, Multicall {
    /// @notice Most places a resource's queue holds (places left empty count until the queue moves on).
    uint256 public constant QUEUE_CAPACITY = 32;
    /// @notice Longest maximum duration and claim window, in seconds (about 136 years).
    uint256 public constant MAX_SPAN = type(uint32).max;
    /// @notice Most ended bookings {acquire} and {renew} skip before asking for {prune}.
    uint256 public constant ACQUIRE_PRUNE_STEPS = 4;
    /// @notice Most bookings the plain {reserve} examines before asking for a hint.
    uint256 public constant RESERVE_SEARCH_STEPS = 16;
    /// @notice Longest resource name, in bytes.
    uint256 internal constant MAX_NAME_LENGTH = 64;
    /// @notice Most live bookings per account a steward may allow (they fit one slot per account).
    uint256 internal constant MAX_BOOKINGS_LIMIT = 6;
    /// @notice Longest lead time a steward may allow: how far ahead a booking may start.
    uint256 internal constant MAX_LEAD_TIME = 366 days;
    /// @notice Longest cool-down a steward may set (a longer one would shut accounts out for too long).
    uint256 internal constant MAX_COOLDOWN = 7 days;
    /// @notice Defaults at registration: live bookings per account, lead time and cool-down.
    uint8 internal constant DEFAULT_MAX_BOOKINGS = 2;
    uint32 internal constant DEFAULT_LEAD_TIME = 30 days;
    uint32 internal constant DEFAULT_COOLDOWN = 1 hours;

    /// @dev Bookings end before 2^40 seconds (year 36812) so that times fit in 40 bits.
    uint256 private constant _TIME_LIMIT = type(uint40).max;
    uint256 private constant _MASK40 = type(uint40).max;

    // ─────────────────────────────────────────────────────────────── storage

    /// @dev The policy and the limits; written at registration, by {setPolicy}, {setLimits} and {revoke}.
    struct Config {
        uint64 ownerCellId; // ─┐ 8  0: the resource does not exist (cell ids start at 1)
        uint32 maxDuration; //  │ 4
        uint32 claimWindow; //  │ 4
        uint8 access; //        │ 1
        uint8 maxBookings; //   │ 1  live bookings per account
        uint32 maxLeadTime; //  │ 4  how far ahead a booking may start
        uint32 cooldown; //     │ 4
        uint40 revokedUntil; //─┘ 5  = 31 bytes; the account in `_revoked` is barred until then
    }

    /// @dev The latest lease; never deleted (when free the expiry is the queue's origin, the token the last one).
    struct Lease {
        address holder; // ──┐ 20  zero before the first grant
        uint40 expiresAt; // │  5  live while block.timestamp < expiresAt
        uint56 token; // ────┘  7  = 32 bytes
    }

    /// @dev The queue and the booking cursor.
    struct State {
        uint40 queueBase; // ──┐ 5  number of the place whose turn comes first
        uint8 queueSpan; //    │ 1  places [base, base + span) are in use (span <= 32; 0 iff bits == 0)
        uint32 queueBits; //   │ 4  bit j: place base + j is taken; bit span - 1 is set when span > 0
        uint40 cursor; //      │ 5  first booking that may not have ended (0: none has not ended)
        uint40 cursorStart; // │ 5  its start (0 with the cursor)
        uint40 lastBooking; // │ 5  last booking in time order (0: none)
        uint40 bookingCount; //┘ 5  ids issued = 30 bytes
    }

    /// @dev Three consecutive slots per resource (one mapping hash for all of them).
    struct Resource {
        Config config;
        Lease lease;
        State state;
    }

    /// @dev Two slots per booking: the times and links are read together when walking the list.
    struct Booking {
        uint40 start; // ─┐ 5  [start, end)
        uint40 end; //    │ 5  0: no such booking
        uint40 prev; //   │ 5  previous booking in time order (0: none)
        uint40 next; // ──┘ 5  next booking in time order (0: none) = 20 bytes
        address booker; // ─┐ 20 (second slot)
        uint64 cellId; // ──┘  8  the cell its access was checked for (0 under policy 2)
    }

    ICellRegistry private immutable _REGISTRY;
    uint256 private _resourceCount;

    mapping(uint256 resourceId => Resource) private _resources;
    /// @dev Low 40 bits: place number + 1 of an account (0: none; stale when below the queue's base);
    /// bits 40..79: when it may take a place again.
    mapping(uint256 resourceId => mapping(address account => uint256 entry)) private _places;
    /// @dev Ring of 32 addresses: place p is at index p % 32 (places in use span at most 32 numbers).
    mapping(uint256 resourceId => mapping(uint256 ringIndex => address)) private _waiters;
    mapping(uint256 resourceId => mapping(uint256 reservationId => Booking)) private _bookings;
    /// @dev The ends of an account's bookings, six 40-bit fields (0 or in the past: a free field).
    mapping(uint256 resourceId => mapping(address account => uint256 ends)) private _bookingEnds;
    /// @dev The account whose lease was revoked last (barred until `Config.revokedUntil`).
    mapping(uint256 resourceId => address) private _revoked;

    constructor(ICellRegistry registry_) {
        _REGISTRY = registry_;
    }

    // ─────────────────────────────────────────────────────────────── resources

    /// @inheritdoc IResourceLeases
    function registerResource(
        uint256 ownerCellId,
        string calldata name,
        uint64 maxDuration,
        uint8 access,
        uint64 claimWindow
    ) external returns (uint256 resourceId) {
        uint256 length = bytes(name).length;
        if (length == 0) revert ResourceEmptyName();
        if (length > MAX_NAME_LENGTH) revert ResourceNameTooLong(length, MAX_NAME_LENGTH);
        _validatePolicy(access, maxDuration, claimWindow);
        if (!_isSteward(ownerCellId, msg.sender)) revert ResourceNotSteward(0, ownerCellId, msg.sender);
        resourceId = ++_resourceCount;
        // One packed word (see Config): owner, maximum, window, access, then the default limits.
        uint256 packed =
            SafeCast.toUint64(ownerCellId) |
                (uint256(maxDuration) << 64) |
                (uint256(claimWindow) << 96) |
                (uint256(access) << 128) |
                (uint256(DEFAULT_MAX_BOOKINGS) << 136) |
                (uint256(DEFAULT_LEAD_TIME) << 144) |
                (uint256(DEFAULT_COOLDOWN) << 176);
        Config storage config = _resources[resourceId].config;
        assembly ("memory-safe") {
            sstore(config.slot, packed)
        }
        emit ResourceRegistered(resourceId, ownerCellId, msg.sender, name, maxDuration, access, claimWindow);
    }

    /// @inheritdoc IResourceLeases
    function setPolicy(uint256 resourceId, uint8 access, uint64 maxDuration, uint64 claimWindow) external {
        Resource storage res = _resources[resourceId];
        Config memory config = _requireSteward(resourceId, res);
        _validatePolicy(access, maxDuration, claimWindow);
        State storage s = res.state;
        uint256 leaseEnd = res.lease.expiresAt;
        if (claimWindow != config.claimWindow && s.queueSpan != 0 && block.timestamp >= leaseEnd) {
            // The turns that passed go and the count starts again now, with the new window: the claimant gets
            // a whole new window, nobody loses one. (While a lease is live no turn has started.)
            (, uint256 q, ) = _queueTime(resourceId, res, config, leaseEnd, true);
            uint256 first = ClaimWindows.firstTurn(q, config.claimWindow);
            uint256 bits = first >= QUEUE_CAPACITY ? 0 : uint256(s.queueBits) >> first;
            (uint256 z, uint256 rest, uint256 span) = ClaimWindows.trim(bits);
            uint256 base = s.queueBase + (bits == 0 ? s.queueSpan : first + z);
            s.queueBase = uint40(base);
            s.queueSpan = uint8(span);
            s.queueBits = uint32(rest);
            res.lease.expiresAt = uint40(block.timestamp);
            emit QueueAdvanced(resourceId, base);
        }
        res.config.maxDuration = uint32(maxDuration);
        res.config.claimWindow = uint32(claimWindow);
        res.config.access = access;
        emit ResourcePolicySet(resourceId, access, maxDuration, claimWindow, msg.sender);
    }

    /// @inheritdoc IResourceLeases
    function setLimits(uint256 resourceId, uint8 maxBookings, uint64 maxLeadTime, uint64 cooldown) external {
        Resource storage res = _resources[resourceId];
        _requireSteward(resourceId, res);
        if (maxBookings > MAX_BOOKINGS_LIMIT) revert ResourceInvalidMaxBookings(maxBookings, MAX_BOOKINGS_LIMIT);
        if (maxLeadTime > MAX_LEAD_TIME) revert ResourceInvalidLeadTime(maxLeadTime, MAX_LEAD_TIME);
        if (cooldown > MAX_COOLDOWN) revert ResourceInvalidCooldown(cooldown, MAX_COOLDOWN);
        Config storage config = res.config;
        config.maxBookings = maxBookings;
        config.maxLeadTime = uint32(maxLeadTime);
        config.cooldown = uint32(cooldown);
        emit ResourceLimitsSet(resourceId, maxBookings, maxLeadTime, cooldown, msg.sender);
    }

    // ─────────────────────────────────────────────────────────────── leases

    /// @inheritdoc IResourceLeases
    function acquire(uint256 resourceId, uint64 duration) external returns (uint256 fencingToken) {
        return _acquire(resourceId, duration, 0);
    }

    /// @inheritdoc IResourceLeases
    function acquireAs(uint256 resourceId, uint64 duration, uint256 cellId) external returns (uint256 fencingToken) {
        return _acquire(resourceId, duration, cellId);
    }

    /// @inheritdoc IResourceLeases
    function renew(uint256 resourceId, uint64 duration) external {
        Resource storage res = _resources[resourceId];
        Lease storage lease = res.lease;
        (address holder, uint256 expiresAt) = (lease.holder, lease.expiresAt);
        if (holder != msg.sender || block.timestamp >= expiresAt) {
            revert LeaseNotHolder(resourceId, msg.sender, block.timestamp < expiresAt ? holder : address(0));
        }
        Config memory config = _config(resourceId, res);
        if (duration == 0 || duration > config.maxDuration) {
            revert LeaseInvalidDuration(resourceId, duration, config.maxDuration);
        }
        State storage s = res.state;
        // While a lease is live every taken place waits (their turns all come after the lease end).
        uint256 bits = s.queueBits;
        if (bits != 0) revert LeaseRenewContended(resourceId, ClaimWindows.popcount(bits));
        (expiresAt, , ) = _bookingLimit(resourceId, config, s, block.timestamp + duration, expiresAt);
        lease.expiresAt = uint40(expiresAt);
        emit LeaseRenewed(resourceId, msg.sender, lease.token, uint64(expiresAt));
    }

    /// @inheritdoc IResourceLeases
    function release(uint256 resourceId) external {
        Lease storage lease = _resources[resourceId].lease;
        (address holder, uint256 expiresAt) = (lease.holder, lease.expiresAt);
        if (holder != msg.sender || block.timestamp >= expiresAt) {
            revert LeaseNotHolder(resourceId, msg.sender, block.timestamp < expiresAt ? holder : address(0));
        }
        lease.expiresAt = uint40(block.timestamp);
        emit LeaseReleased(resourceId, msg.sender, lease.token);
    }

    /// @inheritdoc IResourceLeases
    function revoke(uint256 resourceId) external {
        Resource storage res = _resources[resourceId];
        Config memory config = _requireSteward(resourceId, res);
        Lease storage lease = res.lease;
        if (block.timestamp >= lease.expiresAt) revert LeaseNotActive(resourceId);
        address holder = lease.holder;
        lease.expiresAt = uint40(block.timestamp);
        // The revoked account cannot take the resource back (acquire, claim, booking) for the cool-down.
        _revoked[resourceId] = holder;
        res.config.revokedUntil = uint40(block.timestamp + config.cooldown);
        emit LeaseRevoked(resourceId, holder, lease.token, msg.sender);
    }

    // ─────────────────────────────────────────────────────────────── queue

    /// @inheritdoc IResourceLeases
    function enqueue(uint256 resourceId) external {
        _enqueue(resourceId, 0);
    }

    /// @inheritdoc IResourceLeases
    function enqueueAs(uint256 resourceId, uint256 cellId) external {
        _enqueue(resourceId, cellId);
    }

    /// @inheritdoc IResourceLeases
    function leaveQueue(uint256 resourceId) external {
        Resource storage res = _resources[resourceId];
        State storage s = res.state;
        uint256 entry = _places[resourceId][msg.sender];
        uint256 placePlusOne = entry & _MASK40;
        uint256 base = s.queueBase;
        // A number below the base is a place dropped when the queue moved on.
        if (placePlusOne <= base) revert QueueNotQueued(resourceId, msg.sender);
        _places[resourceId][msg.sender] = entry & ~_MASK40; // keeps when it may join again
        uint256 bits = s.queueBits & ~(uint256(1) << (placePlusOne - 1 - base));
        uint256 span = ClaimWindows.spanOf(bits);
        if (bits != 0 && (bits & 1) == 0 && block.timestamp < res.lease.expiresAt) {
            // A live lease: the turns are estimates, so the empty places at the front go.
            uint256 z;
            (z, bits, span) = ClaimWindows.trim(bits);
            s.queueBase = uint40(base + z);
            emit QueueAdvanced(resourceId, base + z);
        }
        s.queueSpan = uint8(span);
        s.queueBits = uint32(bits);
        emit QueueLeft(resourceId, msg.sender, placePlusOne - 1);
    }

    // ─────────────────────────────────────────────────────────────── reservations

    /// @inheritdoc IResourceLeases
    function reserve(uint256 resourceId, uint64 start, uint64 end) external returns (uint256 reservationId) {
        return _reserve(resourceId, start, end, 0, false, 0);
    }

    /// @inheritdoc IResourceLeases
    function reserve(
        uint256 resourceId,
        uint64 start,
        uint64 end,
        uint256 afterId
    ) external returns (uint256 reservationId) {
        return _reserve(resourceId, start, end, afterId, true, 0);
    }

    /// @inheritdoc IResourceLeases
    function reserveAs(
        uint256 resourceId,
        uint64 start,
        uint64 end,
        uint256 afterId,
        uint256 cellId
    ) external returns (uint256 reservationId) {
        return _reserve(resourceId, start, end, afterId, true, cellId);
    }

    /// @inheritdoc IResourceLeases
    function cancelReservation(uint256 resourceId, uint256 reservationId) external {
        Resource storage res = _resources[resourceId];
        mapping(uint256 => Booking) storage bookings = _bookings[resourceId];
        Booking storage b = bookings[reservationId];
        (uint256 start, uint256 end, uint256 prev, uint256 next) = (b.start, b.end, b.prev, b.next);
        if (end == 0) revert ReservationNonexistent(resourceId, reservationId);
        address booker = b.booker;
        if (booker != msg.sender && !_isSteward(res.config.ownerCellId, msg.sender)) {
            revert ReservationNotBooker(resourceId, reservationId, msg.sender);
        }
        if (end <= block.timestamp) revert ReservationEnded(resourceId, reservationId, uint64(end));
        State storage s = res.state;
        if (prev != 0) bookings[prev].next = uint40(next);
        if (next != 0) bookings[next].prev = uint40(prev);
        else s.lastBooking = uint40(prev);
        if (s.cursor == reservationId) {
            s.cursor = uint40(next);
            s.cursorStart = next == 0 ? 0 : bookings[next].start;
        }
        if (start <= block.timestamp) {
            // It paused the queue since it started: the count resumes now (no turn is lost).
            Lease storage lease = res.lease;
            if (lease.expiresAt < block.timestamp) lease.expiresAt = uint40(block.timestamp);
        }
        // Its field in the booker's ends is freed.
        uint256 ends = _bookingEnds[resourceId][booker];
        for (uint256 i; i < MAX_BOOKINGS_LIMIT; ++i) {
            if ((ends >> (40 * i)) & _MASK40 == end) {
                _bookingEnds[resourceId][booker] = ends & ~(_MASK40 << (40 * i));
                break;
            }
        }
        delete bookings[reservationId];
        emit ReservationCancelled(resourceId, reservationId, msg.sender);
    }

    /// @inheritdoc IResourceLeases
    function prune(uint256 resourceId, uint256 maxSteps) external returns (uint256 cursor) {
        Resource storage res = _resources[resourceId];
        _config(resourceId, res);
        State storage s = res.state;
        mapping(uint256 => Booking) storage bookings = _bookings[resourceId];
        cursor = s.cursor;
        uint256 start = s.cursorStart;
        uint256 origin = res.lease.expiresAt;
        for (uint256 steps; cursor != 0 && steps < maxSteps; ++steps) {
            Booking storage b = bookings[cursor];
            uint256 end = b.end;
            if (end > block.timestamp) break;
            origin = _fold(origin, b.start, end);
            cursor = b.next;
            start = cursor == 0 ? 0 : bookings[cursor].start;
        }
        s.cursor = uint40(cursor);
        s.cursorStart = uint40(start);
        // The ended bookings' time moves the queue's origin (never past now: they ended).
        if (origin != res.lease.expiresAt) res.lease.expiresAt = uint40(origin);
    }

    /// @inheritdoc IResourceLeases
    function pruneTo(uint256 resourceId, uint256 reservationId) external {
        Resource storage res = _resources[resourceId];
        _config(resourceId, res);
        mapping(uint256 => Booking) storage bookings = _bookings[resourceId];
        Booking storage b = bookings[reservationId];
        (uint256 start, uint256 end, uint256 prev) = (b.start, b.end, b.prev);
        if (end == 0) revert ReservationNonexistent(resourceId, reservationId);
        if (end <= block.timestamp) revert ReservationEnded(resourceId, reservationId, uint64(end));
        // Its predecessor has ended, so every booking before it has (time order): a valid cursor (I7). It
        // has not ended, so it is not before the current cursor (I7): the cursor only moves forward.
        uint256 prevEnd = prev == 0 ? 0 : bookings[prev].end;
        if (prevEnd > block.timestamp) revert ReservationInvalidHint(resourceId, reservationId);
        State storage s = res.state;
        s.cursor = uint40(reservationId);
        s.cursorStart = uint40(start);
        // The skipped bookings are not summed: the origin moves to the last one's end, which is never earlier
        // than the sum (so turns are only postponed, never lost).
        Lease storage lease = res.lease;
        if (prevEnd > lease.expiresAt) lease.expiresAt = uint40(prevEnd);
    }

    // ─────────────────────────────────────────────────────────────── reads

    /// @inheritdoc IResourceLeases
    function registry() external view returns (address) {
        return address(_REGISTRY);
    }

    /// @inheritdoc IResourceLeases
    function leaseOf(
        uint256 resourceId
    ) external view returns (address holder, uint64 expiresAt, uint256 fencingToken) {
        Lease storage lease = _resources[resourceId].lease;
        (holder, expiresAt, fencingToken) = (lease.holder, lease.expiresAt, lease.token);
        if (block.timestamp >= expiresAt) holder = address(0);
    }

    /// @inheritdoc IResourceLeases
    function isCurrentToken(uint256 resourceId, uint256 fencingToken) external view returns (bool) {
        Lease storage lease = _resources[resourceId].lease;
        return fencingToken != 0 && fencingToken == lease.token && block.timestamp < lease.expiresAt;
    }

    /// @inheritdoc IResourceLeases
    function getResource(uint256 resourceId) external view returns (ResourceInfo memory info) {
        Resource storage res = _resources[resourceId];
        Config memory config = _config(resourceId, res);
        Lease storage lease = res.lease;
        uint256 leaseEnd = lease.expiresAt;
        info.ownerCellId = config.ownerCellId;
        info.access = config.access;
        info.maxDuration = config.maxDuration;
        info.claimWindow = config.claimWindow;
        info.holder = block.timestamp < leaseEnd ? lease.holder : address(0);
        info.expiresAt = uint64(leaseEnd);
        info.fencingToken = lease.token;
        (uint256 origin, uint256 q, bool held) = _queueTime(resourceId, res, config, leaseEnd, false);
        uint256 bits = res.state.queueBits;
        uint256 first = ClaimWindows.firstTurn(q, config.claimWindow);
        info.queueLength = ClaimWindows.waiting(bits, first);
        (info.claimant, , info.claimWindowEnd) = _claimant(resourceId, res, config, origin, q, held);
        info.reservationCount = res.state.bookingCount;
    }

    /// @inheritdoc IResourceLeases
    function resourceCount() external view returns (uint256) {
        return _resourceCount;
    }

    /// @inheritdoc IResourceLeases
    function claimantOf(
        uint256 resourceId
    ) external view returns (address claimant, uint64 windowStart, uint64 windowEnd) {
        Resource storage res = _resources[resourceId];
        Config memory config = _config(resourceId, res);
        (uint256 origin, uint256 q, bool held) = _queueTime(resourceId, res, config, res.lease.expiresAt, false);
        return _claimant(resourceId, res, config, origin, q, held);
    }

    /// @inheritdoc IResourceLeases
    function queueOf(uint256 resourceId) external view returns (QueueEntry[] memory entries) {
        Resource storage res = _resources[resourceId];
        Config memory config = _config(resourceId, res);
        (uint256 origin, uint256 q, ) = _queueTime(resourceId, res, config, res.lease.expiresAt, false);
        uint256 bits = res.state.queueBits;
        uint256 first = ClaimWindows.firstTurn(q, config.claimWindow);
        entries = new QueueEntry[](ClaimWindows.waiting(bits, first));
        uint256 n;
        for (uint256 j = first; j < QUEUE_CAPACITY; ++j) {
            if (((bits >> j) & 1) == 0) continue;
            entries[n++] = _entry(resourceId, res.state.queueBase + j, bits, j, config.claimWindow, origin);
        }
    }

    function _entry(
        uint256 resourceId,
        uint256 place,
        uint256 bits,
        uint256 j,
        uint256 window,
        uint256 origin
    ) internal view returns (QueueEntry memory entry) {
        entry.account = _waiters[resourceId][place % QUEUE_CAPACITY];
        entry.place = place;
        (entry.windowStart, entry.windowEnd) = _window(bits, j, window, origin);
    }

    /// @inheritdoc IResourceLeases
    function placeOf(
        uint256 resourceId,
        address account
    ) external view returns (bool queued, uint256 position, uint64 windowStart, uint64 windowEnd) {
        Resource storage res = _resources[resourceId];
        State storage s = res.state;
        uint256 base = s.queueBase;
        uint256 placePlusOne = _places[resourceId][account] & _MASK40;
        if (placePlusOne <= base) return (false, 0, 0, 0);
        uint256 j = placePlusOne - 1 - base;
        Config memory config = _config(resourceId, res);
        (uint256 origin, uint256 q, ) = _queueTime(resourceId, res, config, res.lease.expiresAt, false);
        uint256 first = ClaimWindows.firstTurn(q, config.claimWindow);
        if (j < first) return (false, 0, 0, 0); // its turn passed
        position = ClaimWindows.ahead(s.queueBits, first, j);
        (windowStart, windowEnd) = _window(s.queueBits, j, config.claimWindow, origin);
        queued = true;
    }

    /// @inheritdoc IResourceLeases
    function getReservation(uint256 resourceId, uint256 reservationId) external view returns (Reservation memory) {
        Booking storage b = _bookings[resourceId][reservationId];
        if (b.end == 0) revert ReservationNonexistent(resourceId, reservationId);
        return Reservation({id: reservationId, booker: b.booker, start: b.start, end: b.end});
    }

    /// @inheritdoc IResourceLeases
    function reservationsOf(
        uint256 resourceId,
        uint256 fromId,
        uint256 max
    ) external view returns (Reservation[] memory page, uint256 nextId) {
        mapping(uint256 => Booking) storage bookings = _bookings[resourceId];
        uint256 id = fromId;
        if (id == 0) {
            // The cursor may lag behind ended bookings; a view can afford to skip them.
            id = _resources[resourceId].state.cursor;
            while (id != 0 && bookings[id].end <= block.timestamp) id = bookings[id].next;
        } else if (bookings[id].end == 0) {
            revert ReservationNonexistent(resourceId, id);
        }
        page = new Reservation[](max);
        uint256 n;
        for (; id != 0 && n < max; ++n) {
            Booking storage b = bookings[id];
            page[n] = Reservation({id: id, booker: b.booker, start: b.start, end: b.end});
            id = b.next;
        }
        assembly ("memory-safe") {
            mstore(page, n)
        }
        nextId = id;
    }

    /// @inheritdoc IResourceLeases
    function limitsOf(
        uint256 resourceId
    ) external view returns (uint8 maxBookings, uint64 maxLeadTime, uint64 cooldown) {
        Config memory config = _config(resourceId, _resources[resourceId]);
        return (config.maxBookings, config.maxLeadTime, config.cooldown);
    }

    /// @inheritdoc IResourceLeases
    function standingOf(
        uint256 resourceId,
        address account
    ) external view returns (uint64 queueReadyAt, uint64 revokedUntil, uint256 liveBookings) {
        uint256 readyAt = _places[resourceId][account] >> 40;
        if (readyAt > block.timestamp) queueReadyAt = uint64(readyAt);
        uint256 until = _resources[resourceId].config.revokedUntil;
        if (until > block.timestamp && _revoked[resourceId] == account) revokedUntil = uint64(until);
        (liveBookings, ) = _liveBookings(_bookingEnds[resourceId][account]);
    }

    // ─────────────────────────────────────────────────────────────── internals: leases and queue

    /// @dev Grants the lease to the caller, or refuses with the reason.
    function _acquire(uint256 resourceId, uint64 duration, uint256 cellId) internal returns (uint256 token) {
        Resource storage res = _resources[resourceId];
        Config memory config = _config(resourceId, res);
        if (duration == 0 || duration > config.maxDuration) {
            revert LeaseInvalidDuration(resourceId, duration, config.maxDuration);
        }
        _checkAccess(resourceId, config, cellId);
        if (config.revokedUntil > block.timestamp && _revoked[resourceId] == msg.sender) {
            revert LeaseCoolingDown(resourceId, msg.sender, config.revokedUntil);
        }
        Lease storage lease = res.lease;
        uint256 leaseEnd = lease.expiresAt;
        // expiresAt > block.timestamp implies a non-zero holder: both are written together by a grant.
        if (block.timestamp < leaseEnd) revert ResourceBusy(resourceId, lease.holder, uint64(leaseEnd));
        State storage s = res.state;
        (uint256 expiresAt, uint256 origin, uint256 pausedAt) = _bookingLimit(
            resourceId,
            config,
            s,
            block.timestamp + duration,
            leaseEnd
        );
        if (s.queueSpan != 0) {
            // Queue time: under the caller's own booking the count paused when the booking started.
            uint256 q = pausedAt == 0 ? block.timestamp - origin : (pausedAt > origin ? pausedAt - origin : 0);
            _serveQueue(resourceId, s, config.claimWindow, q, pausedAt != 0, expiresAt + config.cooldown);
        }
        // A uint56 counter of grants cannot overflow: each grant is a transaction.
        unchecked {
            token = uint256(lease.token) + 1;
        }
        res.lease = Lease({holder: msg.sender, expiresAt: uint40(expiresAt), token: uint56(token)});
        emit LeaseGranted(resourceId, msg.sender, token, uint64(expiresAt));
    }

    /// @dev Called by a grant while places are in use (no lease is live), at queue time `q`. The claimant
    /// takes its turn (its place and the passed ones before it are dropped); the booker of the active booking
    /// goes past the queue (the passed places are dropped, the claimant keeps its place and its count
    /// restarts when the new lease ends); when every turn has passed, the queue is emptied; anyone else is
    /// refused. A waiter served (claimant or booker) may take a place again after its lease's expiry plus
    /// the cool-down.
    function _serveQueue(
        uint256 resourceId,
        State storage s,
        uint256 window,
        uint256 q,
        bool booked,
        uint256 readyAfter
    ) internal {
        uint256 base = s.queueBase;
        uint256 bits = s.queueBits;
        uint256 drop = s.queueSpan;
        (bool found, uint256 j) = ClaimWindows.claimant(bits, ClaimWindows.firstTurn(q, window));
        if (found) {
            uint256 entry = _places[resourceId][msg.sender];
            uint256 mine = entry & _MASK40;
            if (mine == base + j + 1) {
                drop = j + 1;
            } else if (booked) {
                drop = j;
                if (mine > base + j + 1) {
                    // The booker also waits behind the claimant: it gets the resource now, so it leaves.
                    bits &= ~(uint256(1) << (mine - 1 - base));
                    emit QueueLeft(resourceId, msg.sender, mine - 1);
                } else {
                    mine = 0;
                }
            } else {
                // Not paused here (no booking of the caller's), so the origin is `now - q`.
                revert QueueClaimWindow(
                    resourceId,
                    _waiters[resourceId][(base + j) % QUEUE_CAPACITY],
                    uint64(block.timestamp - q + (j + 1) * window)
                );
            }
            if (mine != 0) _places[resourceId][msg.sender] = Math.max(entry >> 40, readyAfter) << 40;
        }
        // The new lease is live: the empty places at the front go too, so that the first waiter's turn
        // starts at the lease end; the span ends at the last taken place.
        (uint256 z, uint256 rest, uint256 span) = ClaimWindows.trim(bits >> drop);
        drop += z;
        if (drop != 0) {
            s.queueBase = uint40(base + drop);
            emit QueueAdvanced(resourceId, base + drop);
        }
        s.queueSpan = uint8(span);
        s.queueBits = uint32(rest);
    }

    function _enqueue(uint256 resourceId, uint256 cellId) internal {
        Resource storage res = _resources[resourceId];
        Config memory config = _config(resourceId, res);
        _checkAccess(resourceId, config, cellId);
        Lease storage lease = res.lease;
        uint256 leaseEnd = lease.expiresAt;
        State storage s = res.state;
        (uint256 base, uint256 span, uint256 bits) = (s.queueBase, s.queueSpan, s.queueBits);
        uint256 first;
        if (block.timestamp < leaseEnd) {
            if (lease.holder == msg.sender) revert QueueAlreadyHolder(resourceId, msg.sender, uint64(leaseEnd));
        } else {
            // Waiting only makes sense while a booking holds the resource or a waiter has its claim window.
            (, uint256 q, bool held) = _queueTime(resourceId, res, config, leaseEnd, true);
            first = ClaimWindows.firstTurn(q, config.claimWindow);
            (bool found, ) = ClaimWindows.claimant(bits, first);
            if (!held && !found) revert QueueResourceFree(resourceId);
        }
        {
            uint256 entry = _places[resourceId][msg.sender];
            uint256 placePlusOne = entry & _MASK40;
            if (placePlusOne > base) {
                uint256 j = placePlusOne - 1 - base;
                if (j >= first) {
                    revert QueueAlreadyQueued(resourceId, msg.sender, ClaimWindows.ahead(bits, first, j));
                }
                // Its turn passed: the old place goes (no effect on anyone's turn).
                bits &= ~(uint256(1) << j);
            }
            if (block.timestamp < entry >> 40) revert QueueCoolingDown(resourceId, msg.sender, uint64(entry >> 40));
        }
        if (span == QUEUE_CAPACITY) revert QueueFull(resourceId, QUEUE_CAPACITY);
        // One place per account until the latest end of this place's turn plus the cool-down.
        uint256 readyAt = Math.max(leaseEnd, block.timestamp) + (span + 1) * config.claimWindow + config.cooldown;
        _takePlace(resourceId, base + span, readyAt);
        s.queueSpan = uint8(span + 1);
        s.queueBits = uint32(bits | (uint256(1) << span));
    }

    function _takePlace(uint256 resourceId, uint256 place, uint256 readyAt) internal {
        _waiters[resourceId][place % QUEUE_CAPACITY] = msg.sender;
        _places[resourceId][msg.sender] = (readyAt << 40) | (place + 1);
        emit QueueJoined(resourceId, msg.sender, place);
    }

    /// @dev The queue's clock when no lease is live: `origin` (the last lease end plus the booked time since)
    /// and the queue time `q` now. While a lease is live, or a booking whose booker may use it is active,
    /// `held` is true, the count is paused (`q` is where it stopped) and `origin` already includes the rest
    /// of the lease or booking, so that real window ends stay `origin + turn end`. Ended bookings the cursor
    /// has not passed are folded in as {_bookingLimit} would (at most ACQUIRE_PRUNE_STEPS when `bounded`).
    function _queueTime(
        uint256 resourceId,
        Resource storage res,
        Config memory config,
        uint256 leaseEnd,
        bool bounded
    ) internal view returns (uint256 origin, uint256 q, bool held) {
        if (block.timestamp < leaseEnd) return (leaseEnd, 0, true);
        origin = leaseEnd;
        mapping(uint256 => Booking) storage bookings = _bookings[resourceId];
        uint256 id = res.state.cursor;
        for (uint256 steps; id != 0; ++steps) {
            Booking storage b = bookings[id];
            (uint256 start, uint256 end) = (b.start, b.end);
            if (start > block.timestamp) break;
            if (end > block.timestamp) {
                if (!_bookerStands(resourceId, config, b.booker, b.cellId)) break;
                uint256 from = Math.max(start, origin);
                return (origin + end - from, from - origin, true);
            }
            if (bounded && steps == ACQUIRE_PRUNE_STEPS) revert ReservationPruneRequired(resourceId, id);
            origin = _fold(origin, start, end);
            id = b.next;
        }
        q = block.timestamp - origin;
    }

    /// @dev The origin after an ended booking `[start, end)`: moved later by the booking's time after it.
    function _fold(uint256 origin, uint256 start, uint256 end) internal pure returns (uint256) {
        return end > origin ? end - Math.max(start, origin) + origin : origin;
    }

    /// @dev The waiter that may claim now and its window (none while held).
    function _claimant(
        uint256 resourceId,
        Resource storage res,
        Config memory config,
        uint256 origin,
        uint256 q,
        bool held
    ) internal view returns (address claimant, uint64 windowStart, uint64 windowEnd) {
        if (held) return (address(0), 0, 0);
        uint256 bits = res.state.queueBits;
        uint256 window = config.claimWindow;
        (bool found, uint256 j) = ClaimWindows.claimant(bits, ClaimWindows.firstTurn(q, window));
        if (!found) return (address(0), 0, 0);
        claimant = _waiters[resourceId][(res.state.queueBase + j) % QUEUE_CAPACITY];
        (windowStart, windowEnd) = _window(bits, j, window, origin);
    }

    /// @dev The claim window of place j in real time, for a queue whose origin is `origin`.
    function _window(
        uint256 bits,
        uint256 j,
        uint256 window,
        uint256 origin
    ) internal pure returns (uint64 windowStart, uint64 windowEnd) {
        (uint256 turnStart, uint256 turnEnd) = ClaimWindows.turnOf(bits, j, window);
        return (uint64(origin + turnStart), uint64(origin + turnEnd));
    }

    // ─────────────────────────────────────────────────────────────── internals: bookings

    /// @dev The expiry of a lease wanted until `wanted`, held by the caller from now: capped at the start of
    /// the next booking; under the caller's own booking that is active now, at that booking's end (it is
    /// granted under it: `pausedAt` is the booking's start). Refuses during another account's booking unless
    /// its booker lost access or is cooling down. Moves the cursor past at most ACQUIRE_PRUNE_STEPS ended
    /// bookings and returns the queue's `origin` with their time folded in.
    function _bookingLimit(
        uint256 resourceId,
        Config memory config,
        State storage s,
        uint256 wanted,
        uint256 origin
    ) internal returns (uint256 expiresAt, uint256, uint256 pausedAt) {
        uint256 cursor = s.cursor;
        if (cursor == 0) return (wanted, origin, 0);
        uint256 start = s.cursorStart;
        if (start > block.timestamp) return (Math.min(start, wanted), origin, 0);
        // The cursor booking has started: it is active, or it ended and the cursor moves on.
        mapping(uint256 => Booking) storage bookings = _bookings[resourceId];
        Booking storage b = bookings[cursor];
        uint256 end = b.end;
        if (end <= block.timestamp) {
            for (uint256 skipped; end <= block.timestamp; ++skipped) {
                if (skipped == ACQUIRE_PRUNE_STEPS) revert ReservationPruneRequired(resourceId, cursor);
                origin = _fold(origin, start, end);
                cursor = b.next;
                if (cursor == 0) break;
                b = bookings[cursor];
                (start, end) = (b.start, b.end);
            }
            s.cursor = uint40(cursor);
            s.cursorStart = uint40(cursor == 0 ? 0 : start);
            if (cursor == 0) return (wanted, origin, 0);
        }
        if (start > block.timestamp) return (Math.min(start, wanted), origin, 0);
        address booker = b.booker;
        if (booker == msg.sender) return (Math.min(end, wanted), origin, start);
        if (_bookerStands(resourceId, config, booker, b.cellId)) {
            revert ReservationActive(resourceId, cursor, booker, uint64(end));
        }
        // Its booker lost access or is cooling down: the booking blocks nobody; the next one caps the lease.
        uint256 next = b.next;
        return (next == 0 ? wanted : Math.min(bookings[next].start, wanted), origin, 0);
    }

    function _reserve(
        uint256 resourceId,
        uint64 start,
        uint64 end,
        uint256 afterId,
        bool hinted,
        uint256 cellId
    ) internal returns (uint256 reservationId) {
        uint256 gap;
        (cellId, gap) = _checkBooking(resourceId, _resources[resourceId], start, end, cellId);
        State storage s = _resources[resourceId].state;
        (uint256 prev, uint256 next) = hinted
            ? _checkHint(resourceId, s, afterId, start, end, gap)
            : _findPlace(resourceId, s, start, end, gap);
        reservationId = _link(resourceId, s, prev, next, start, end);
        _bookings[resourceId][reservationId].cellId = uint64(cellId);
        emit ReservationMade(resourceId, reservationId, msg.sender, start, end);
    }

    /// @dev Refuses a booking by the caller that is malformed, in the past, too far ahead, over the caller's
    /// limit, not allowed by the policy or overlapping another account's live lease; counts it in the
    /// caller's ends. Returns the cell the access was checked for and the gap between bookings.
    function _checkBooking(
        uint256 resourceId,
        Resource storage res,
        uint64 start,
        uint64 end,
        uint256 cellId
    ) internal returns (uint256 cell, uint256 gap) {
        Config memory config = _config(resourceId, res);
        if (start < block.timestamp) revert ReservationInPast(resourceId, start, block.timestamp);
        if (end <= start || end - start > config.maxDuration || end > _TIME_LIMIT) {
            revert ReservationInvalidWindow(resourceId, start, end, config.maxDuration);
        }
        if (start > block.timestamp + config.maxLeadTime) {
            revert ReservationTooFarAhead(resourceId, start, block.timestamp + config.maxLeadTime);
        }
        cell = _checkAccess(resourceId, config, cellId);
        Lease storage lease = res.lease;
        uint256 leaseEnd = lease.expiresAt;
        if (start < leaseEnd && block.timestamp < leaseEnd) {
            address holder = lease.holder;
            if (holder != msg.sender) revert ReservationLeaseConflict(resourceId, holder, uint64(leaseEnd));
        }
        uint256 ends = _bookingEnds[resourceId][msg.sender];
        (uint256 live, uint256 free) = _liveBookings(ends);
        if (live >= config.maxBookings) revert ReservationLimit(resourceId, msg.sender, live, config.maxBookings);
        // live < maxBookings <= 6 fields, so `free` is a free field.
        _bookingEnds[resourceId][msg.sender] = (ends & ~(_MASK40 << (40 * free))) | (uint256(end) << (40 * free));
        gap = config.claimWindow;
    }

    /// @dev The number of an account's bookings that have not ended, and its first free field.
    function _liveBookings(uint256 ends) internal view returns (uint256 live, uint256 free) {
        free = MAX_BOOKINGS_LIMIT;
        for (uint256 i; i < MAX_BOOKINGS_LIMIT; ++i) {
            if ((ends >> (40 * i)) & _MASK40 > block.timestamp) ++live;
            else if (free == MAX_BOOKINGS_LIMIT) free = i;
        }
    }

    /// @dev Stores the caller's booking `[start, end)` between `prev` and `next` (verified neighbours).
    function _link(
        uint256 resourceId,
        State storage s,
        uint256 prev,
        uint256 next,
        uint256 start,
        uint256 end
    ) internal returns (uint256 reservationId) {
        mapping(uint256 => Booking) storage bookings = _bookings[resourceId];
        reservationId = s.bookingCount + 1;
        s.bookingCount = uint40(reservationId);
        Booking storage b = bookings[reservationId];
        (b.start, b.end, b.prev, b.next) = (uint40(start), uint40(end), uint40(prev), uint40(next));
        b.booker = msg.sender;
        if (prev != 0) bookings[prev].next = uint40(reservationId);
        if (next != 0) bookings[next].prev = uint40(reservationId);
        else s.lastBooking = uint40(reservationId);
        // The new booking has not ended; right before the cursor it becomes the cursor (I7).
        if (next == s.cursor) {
            s.cursor = uint40(reservationId);
            s.cursorStart = uint40(start);
        }
    }

    /// @dev Verifies in O(1) that `[start, end)` fits right after `afterId` (0: right before the cursor),
    /// at least `gap` from neighbours that have not ended, and returns its neighbours. The predecessor of the
    /// cursor has ended (I7), so `start >= now` clears it.
    function _checkHint(
        uint256 resourceId,
        State storage s,
        uint256 afterId,
        uint256 start,
        uint256 end,
        uint256 gap
    ) internal view returns (uint256 prev, uint256 next) {
        mapping(uint256 => Booking) storage bookings = _bookings[resourceId];
        if (afterId == 0) {
            next = s.cursor;
            prev = next == 0 ? s.lastBooking : bookings[next].prev;
        } else {
            Booking storage p = bookings[afterId];
            (uint256 pStart, uint256 pEnd) = (p.start, p.end);
            if (pEnd == 0) revert ReservationNonexistent(resourceId, afterId);
            if (pEnd > start) {
                if (pStart >= end) revert ReservationInvalidHint(resourceId, afterId);
                revert ReservationConflict(resourceId, afterId, uint64(pStart), uint64(pEnd));
            }
            _checkGap(resourceId, afterId, pEnd, start, gap);
            prev = afterId;
            next = p.next;
        }
        if (next != 0) {
            Booking storage n = bookings[next];
            (uint256 nStart, uint256 nEnd) = (n.start, n.end);
            if (nStart < end) {
                if (nEnd <= start) revert ReservationInvalidHint(resourceId, afterId);
                revert ReservationConflict(resourceId, next, uint64(nStart), uint64(nEnd));
            }
            _checkGap(resourceId, next, end, nStart, gap);
        }
    }

    /// @dev Refuses when booking `id` (not ended) and the new one are less than `gap` apart: the earlier of the
    /// two ends at `before`, the later starts at `later`.
    function _checkGap(uint256 resourceId, uint256 id, uint256 before, uint256 later, uint256 gap) internal view {
        if (before + gap <= later) return;
        Booking storage other = _bookings[resourceId][id];
        (uint256 otherStart, uint256 otherEnd) = (other.start, other.end);
        if (otherEnd > block.timestamp) {
            revert ReservationTooClose(resourceId, id, uint64(otherStart), uint64(otherEnd), uint64(gap));
        }
    }

    /// @dev Finds the neighbours of `[start, end)` without a hint: after the last booking (the common case of
    /// booking in time order), or within RESERVE_SEARCH_STEPS bookings from the cursor.
    function _findPlace(
        uint256 resourceId,
        State storage s,
        uint256 start,
        uint256 end,
        uint256 gap
    ) internal view returns (uint256 prev, uint256 next) {
        uint256 last = s.lastBooking;
        if (last == 0) return (0, 0);
        mapping(uint256 => Booking) storage bookings = _bookings[resourceId];
        uint256 lastEnd = bookings[last].end;
        if (lastEnd <= start) {
            _checkGap(resourceId, last, lastEnd, start, gap);
            return (last, 0);
        }
        // The last booking ends after `start`, so it has not ended: the cursor is not 0 (I7).
        next = s.cursor;
        prev = bookings[next].prev; // ended (I7), so it ends before `start`
        for (uint256 i; i < RESERVE_SEARCH_STEPS; ++i) {
            Booking storage b = bookings[next];
            uint256 bStart = b.start;
            if (end <= bStart) {
                _checkGap(resourceId, next, end, bStart, gap);
                return (prev, next);
            }
            if (b.end > start) revert ReservationConflict(resourceId, next, uint64(bStart), b.end);
            _checkGap(resourceId, next, b.end, start, gap);
            prev = next;
            next = b.next; // not 0: the last booking ends after `start`
        }
        revert ReservationHintRequired(resourceId, prev);
    }

    // ─────────────────────────────────────────────────────────────── internals: checks

    function _config(uint256 resourceId, Resource storage res) internal view returns (Config memory config) {
        config = res.config;
        if (config.ownerCellId == 0) revert ResourceNonexistent(resourceId);
    }

    function _requireSteward(uint256 resourceId, Resource storage res) internal view returns (Config memory config) {
        config = _config(resourceId, res);
        if (!_isSteward(config.ownerCellId, msg.sender)) {
            revert ResourceNotSteward(resourceId, config.ownerCellId, msg.sender);
        }
    }

    /// @dev Policy 0: member of the owner cell; 1: member of `cellId` (named by the caller), a cell the DAO
    /// vouches for; 2: anyone. Returns the cell checked (0 under policy 2).
    function _checkAccess(uint256 resourceId, Config memory config, uint256 cellId) internal view returns (uint256) {
        uint8 access = config.access;
        if (access == ACCESS_ANYONE) return 0;
        if (access == ACCESS_OWNER_MEMBERS) cellId = config.ownerCellId;
        else if (cellId == 0) revert ResourceCellRequired(resourceId);
        if (!_isMember(cellId, msg.sender)) {
            revert ResourceAccessDenied(resourceId, msg.sender, access, cellId);
        }
        if (access == ACCESS_ANY_MEMBERS && !_vouched(config.ownerCellId, cellId)) {
            revert ResourceCellNotVouched(resourceId, cellId, config.ownerCellId);
        }
        return cellId;
    }

    /// @dev Whether the DAO vouches for `cellId`: recognised by governance, or `owner` or a cell inside it.
    /// The walk reads at most depth(cellId) - depth(owner) <= MAX_DEPTH - 1 parents (the registry's I5).
    function _vouched(uint256 owner, uint256 cellId) internal view returns (bool) {
        if (cellId == owner || _read(ICellRegistry.isRecognised.selector, cellId, address(0)) != 0) return true;
        uint256 ownerDepth = _read(ICellRegistry.depthOf.selector, owner, address(0));
        for (uint256 depth = _read(ICellRegistry.depthOf.selector, cellId, address(0)); depth > ownerDepth; --depth) {
            cellId = _read(ICellRegistry.parentOf.selector, cellId, address(0));
        }
        return cellId == owner;
    }

    /// @dev Whether `booker` may still use its booking (made for `cellId`): not cooling down after a revoke,
    /// and still allowed by the policy.
    function _bookerStands(
        uint256 resourceId,
        Config memory config,
        address booker,
        uint256 cellId
    ) internal view returns (bool) {
        if (config.revokedUntil > block.timestamp && _revoked[resourceId] == booker) return false;
        uint8 access = config.access;
        if (access == ACCESS_ANYONE) return true;
        if (access == ACCESS_OWNER_MEMBERS || cellId == 0) cellId = config.ownerCellId;
        if (!_isMember(cellId, booker)) return false;
        return access == ACCESS_OWNER_MEMBERS || _vouched(config.ownerCellId, cellId);
    }

    function _isSteward(uint256 cellId, address account) internal view returns (bool) {
        return _read(ICellRegistry.isSteward.selector, cellId, account) != 0;
    }

    function _isMember(uint256 cellId, address account) internal view returns (bool) {
        return _read(ICellRegistry.isMember.selector, cellId, account) != 0;
    }

    /// @dev One read of the registry, `selector(a, b)` (one-argument reads ignore `b`), answering one word.
    /// A single call site for every registry read keeps the contract under the code size limit.
    function _read(bytes4 selector, uint256 a, address b) internal view returns (uint256 result) {
        address registry_ = address(_REGISTRY);
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            mstore(ptr, selector)
            mstore(add(ptr, 4), a)
            mstore(add(ptr, 36), b)
            let ok := staticcall(gas(), registry_, ptr, 68, 0, 32)
            if iszero(and(ok, gt(returndatasize(), 31))) {
                returndatacopy(ptr, 0, returndatasize())
                revert(ptr, returndatasize())
            }
            result := mload(0)
        }
    }

    function _validatePolicy(uint8 access, uint64 maxDuration, uint64 claimWindow) internal pure {
        if (access > ACCESS_ANYONE) revert ResourceInvalidAccess(access);
        if (maxDuration == 0 || maxDuration > MAX_SPAN) revert ResourceInvalidMaxDuration(maxDuration, MAX_SPAN);
        if (claimWindow == 0 || claimWindow > MAX_SPAN) revert ResourceInvalidClaimWindow(claimWindow, MAX_SPAN);
    }
}
