// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Multicall} from "@openzeppelin/contracts/utils/Multicall.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {ICellRegistry} from "../cells/ICellRegistry.sol";
import {IResourceLeases, ACCESS_OWNER_MEMBERS, ACCESS_ANYONE} from "./IResourceLeases.sol";

/// @title ResourceLeases
/// @notice Exclusive, time-limited leases on resources owned by Concord cells: request → grant, or deny with
/// the holder and its expiry → use → release; leases end by themselves at expiry. Waiting accounts queue in
/// FIFO order with claim windows; accounts book future windows; every grant carries a fencing token.
///
/// @dev Design notes
/// - Authority. Stewards of the owner cell (ancestors included, {ICellRegistry-isSteward}) register a
///   resource, set its policy, revoke a lease and cancel bookings. There is no owner or admin.
/// - Access policy. 0: members of the owner cell; 1: members of any cell; 2: anyone. Membership is checked
///   when a lease is granted, a place is taken or a booking is made, with one registry read. Under policy 1
///   the caller names the cell it acts for (`acquireAs`, `enqueueAs`, `reserveAs`): checking "member of
///   some cell" without a name would be unbounded. The plain functions refuse with {ResourceCellRequired}.
///   {renew} does not re-check: a steward revokes the lease of an account that lost access.
/// - Leases. One slot: holder (160 bits) | expiry (40) | fencing token (56). A lease is live while
///   `block.timestamp < expiresAt`; expiry needs no transaction. {release} and {revoke} set the expiry to
///   the current time, so the slot always holds "when the last lease ended", from which the queue counts.
///   The token counts grants on the resource: each grant gets a strictly greater one; {renew} keeps it.
/// - Queue. At most {QUEUE_CAPACITY} places, numbered in joining order. Places `[base, base + span)` are
///   held in a 32-bit bitmap (bit j: place `base + j` is taken) and a ring of 32 addresses. When the lease
///   ends at `E`, place `base + j` has its turn until `E + (j + 1) * claimWindow`, and from the end of the
///   previous taken place's turn (or from `E`). So the claimant at time `t >= E` is the first taken place
///   `j >= (t - E) / claimWindow`: computed from stored values in O(1), nobody needs to skip a sleeper.
///   A waiter who leaves gives its time to the next one, whose window then starts earlier and ends as
///   before: leaving never shortens a window that has started, nor moves anyone's window later. An empty
///   place counts towards the capacity until the queue moves past it; at the back it is released at once,
///   and while a lease is live the empty places at the front are dropped at once (windows then move
///   earlier). When the claimant acquires, the places up to it are dropped (`base` moves past it) and the
///   new lease's end starts the next count. A sleeper's place is not written when its turn passes; it is
///   dropped by the next grant. While a lease is live the windows are estimates (they move earlier if the
///   lease ends early or a waiter ahead leaves).
///   {renew} is refused while anyone waits. A holder that vanishes blocks the resource for at most the
///   rest of its lease (<= maxDuration) plus `span * claimWindow` (<= 32 windows): invariant I6.
/// - Bookings. A doubly linked list of each resource's bookings in time order (bookings never overlap, so
///   ordering by start also orders by end), two slots each, plus a cursor: the first booking that may not
///   have ended, with its start cached next to it. All bookings before the cursor have ended (I8), so
///   {acquire} only looks at the cursor: when the cached start is in the future nothing more is read; else
///   it reads the cursor booking and, if the cursor booking has ended, moves the cursor past at most
///   {ACQUIRE_PRUNE_STEPS} ended bookings (beyond that it asks for {prune}/{pruneTo}). {reserve} is
///   verified in O(1) against its predecessor and successor: with a caller-supplied predecessor (`afterId`),
///   or found by the plain variant by appending after the last booking, or within {RESERVE_SEARCH_STEPS}
///   bookings from the cursor. Cancelling unlinks in O(1). Worst case per call: acquire/renew read at most
///   ACQUIRE_PRUNE_STEPS + 2 bookings; reserve reads 2 (hinted) or RESERVE_SEARCH_STEPS + 1 (plain);
///   cancel 3; pruneTo 2; whatever the number of bookings.
/// - Bookings and leases. During a booking only the booker may acquire (also past the queue). A lease never
///   crosses the start of a booking other than the one it is granted under: its expiry is capped there
///   (the grant event and {leaseOf} tell the real expiry). A booking cannot overlap another account's live
///   lease. Claim windows run in real time: a window that falls within another account's booking is lost
///   for the waiter (bookings are made in advance and visible); a booker's lease restarts the count.
///
/// Invariants (checked by test/leases/ResourceLeases.invariant.t.sol):
/// - I1 at most one account holds a live lease on a resource, and a grant happens only after the previous
///   lease ended;
/// - I2 fencing tokens of a resource strictly increase from grant to grant;
/// - I3 a lease never runs longer than maxDuration from its grant or last renewal;
/// - I4 a live lease never overlaps a booking of another account;
/// - I5 the queue is served in order: a grant while someone has a claim window goes to that waiter or to the
///   booker of the active booking; a waiter behind is never served before;
/// - I6 when no lease is live, the resource is free for anyone by `E + span * claimWindow` at the latest,
///   with `span <= QUEUE_CAPACITY` and `E <= grant or renewal time + maxDuration`;
/// - I7 bookings of a resource never overlap and the list is sorted, doubly linked and ends at `lastBooking`;
/// - I8 every booking before the cursor has ended.
contract ResourceLeases is IResourceLeases, Multicall {
    /// @notice Most places a resource's queue holds (places left empty count until the queue moves on).
    uint256 public constant QUEUE_CAPACITY = 32;
    /// @notice Longest maximum duration and claim window, in seconds (about 136 years).
    uint256 public constant MAX_SPAN = type(uint32).max;
    /// @notice Most ended bookings {acquire} and {renew} skip before asking for {prune}.
    uint256 public constant ACQUIRE_PRUNE_STEPS = 4;
    /// @notice Most bookings the plain {reserve} examines before asking for a hint.
    uint256 public constant RESERVE_SEARCH_STEPS = 16;

    /// @dev Bookings end before 2^40 seconds (year 36812) so that times fit in 40 bits.
    uint256 private constant _TIME_LIMIT = type(uint40).max;

    // ─────────────────────────────────────────────────────────────── storage

    /// @dev The policy; written at registration and by {setPolicy}.
    struct Config {
        uint64 ownerCellId; // ─┐ 8  0: the resource does not exist (cell ids start at 1)
        uint32 maxDuration; //  │ 4
        uint32 claimWindow; //  │ 4
        uint8 access; // ───────┘ 1  = 17 bytes
    }

    /// @dev The latest lease; never deleted (the expiry is when the last lease ended, the token the last one).
    struct Lease {
        address holder; // ──┐ 20  zero before the first grant
        uint40 expiresAt; // │  5  live while block.timestamp < expiresAt
        uint56 token; // ────┘  7  = 32 bytes
    }

    /// @dev The queue and the booking cursor.
    struct State {
        uint40 queueBase; // ──┐ 5  number of the place whose turn comes first when the lease ends
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
        address booker; //   20 (second slot)
    }

    ICellRegistry private immutable _REGISTRY;
    uint256 private _resourceCount;

    mapping(uint256 resourceId => Resource) private _resources;
    /// @dev Place number + 1 of an account (0: none). Stale when the number is below the queue's base.
    mapping(uint256 resourceId => mapping(address account => uint256 placePlusOne)) private _places;
    /// @dev Ring of 32 addresses: place p is at index p % 32 (places in use span at most 32 numbers).
    mapping(uint256 resourceId => mapping(uint256 ringIndex => address)) private _waiters;
    mapping(uint256 resourceId => mapping(uint256 reservationId => Booking)) private _bookings;

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
        if (bytes(name).length == 0) revert ResourceEmptyName();
        _validatePolicy(access, maxDuration, claimWindow);
        if (!_REGISTRY.isSteward(ownerCellId, msg.sender)) revert ResourceNotSteward(0, ownerCellId, msg.sender);
        resourceId = ++_resourceCount;
        _resources[resourceId].config = Config({
            ownerCellId: SafeCast.toUint64(ownerCellId),
            maxDuration: uint32(maxDuration),
            claimWindow: uint32(claimWindow),
            access: access
        });
        emit ResourceRegistered(resourceId, ownerCellId, msg.sender, name, maxDuration, access, claimWindow);
    }

    /// @inheritdoc IResourceLeases
    function setPolicy(uint256 resourceId, uint8 access, uint64 maxDuration, uint64 claimWindow) external {
        Resource storage res = _resources[resourceId];
        Config memory config = _requireSteward(resourceId, res);
        _validatePolicy(access, maxDuration, claimWindow);
        State storage s = res.state;
        uint256 span = s.queueSpan;
        if (claimWindow != config.claimWindow && span != 0) {
            // Changing the window would move every turn: only an empty (or fully passed) queue allows it.
            uint256 waiting = _queueLength(span, s.queueBits, res.lease.expiresAt, config.claimWindow);
            if (waiting != 0) revert QueueNotEmpty(resourceId, waiting);
            uint256 base = s.queueBase + span;
            s.queueBase = uint40(base);
            s.queueSpan = 0;
            s.queueBits = 0;
            emit QueueAdvanced(resourceId, base);
        }
        res.config = Config({
            ownerCellId: config.ownerCellId,
            maxDuration: uint32(maxDuration),
            claimWindow: uint32(claimWindow),
            access: access
        });
        emit ResourcePolicySet(resourceId, access, maxDuration, claimWindow, msg.sender);
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
        uint256 maxDuration = res.config.maxDuration;
        if (duration == 0 || duration > maxDuration) {
            revert LeaseInvalidDuration(resourceId, duration, uint64(maxDuration));
        }
        State storage s = res.state;
        // While a lease is live every taken place waits (their turns all come after the lease end).
        uint256 bits = s.queueBits;
        if (bits != 0) revert LeaseRenewContended(resourceId, _popcount(bits));
        (expiresAt, ) = _bookingLimit(resourceId, s, block.timestamp + duration);
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
        _requireSteward(resourceId, res);
        Lease storage lease = res.lease;
        if (block.timestamp >= lease.expiresAt) revert LeaseNotActive(resourceId);
        lease.expiresAt = uint40(block.timestamp);
        emit LeaseRevoked(resourceId, lease.holder, lease.token, msg.sender);
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
        uint256 placePlusOne = _places[resourceId][msg.sender];
        uint256 base = s.queueBase;
        // A number below the base is a place dropped when the queue moved on.
        if (placePlusOne <= base) revert QueueNotQueued(resourceId, msg.sender);
        delete _places[resourceId][msg.sender];
        uint256 bits = s.queueBits & ~(uint256(1) << (placePlusOne - 1 - base));
        uint256 span = bits == 0 ? 0 : Math.log2(bits) + 1;
        if (bits != 0 && (bits & 1) == 0 && block.timestamp < res.lease.expiresAt) {
            // A live lease: the turns are estimates, so the empty places at the front go.
            uint256 z = _lowestBit(bits);
            bits >>= z;
            span -= z;
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
        (uint256 end, uint256 prev, uint256 next) = (b.end, b.prev, b.next);
        if (end == 0) revert ReservationNonexistent(resourceId, reservationId);
        if (b.booker != msg.sender && !_REGISTRY.isSteward(res.config.ownerCellId, msg.sender)) {
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
        for (uint256 steps; cursor != 0 && steps < maxSteps; ++steps) {
            Booking storage b = bookings[cursor];
            if (b.end > block.timestamp) break;
            cursor = b.next;
            start = cursor == 0 ? 0 : bookings[cursor].start;
        }
        s.cursor = uint40(cursor);
        s.cursorStart = uint40(start);
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
        // Its predecessor has ended, so every booking before it has (time order): a valid cursor (I8). It
        // has not ended, so it is not before the current cursor (I8): the cursor only moves forward.
        if (prev != 0 && bookings[prev].end > block.timestamp) revert ReservationInvalidHint(resourceId, reservationId);
        State storage s = res.state;
        s.cursor = uint40(reservationId);
        s.cursorStart = uint40(start);
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
        State storage s = res.state;
        info.ownerCellId = config.ownerCellId;
        info.access = config.access;
        info.maxDuration = config.maxDuration;
        info.claimWindow = config.claimWindow;
        info.holder = block.timestamp < leaseEnd ? lease.holder : address(0);
        info.expiresAt = uint64(leaseEnd);
        info.fencingToken = lease.token;
        info.queueLength = _queueLength(s.queueSpan, s.queueBits, leaseEnd, config.claimWindow);
        (info.claimant, , info.claimWindowEnd) = _claimant(resourceId, s, leaseEnd, config.claimWindow);
        info.reservationCount = s.bookingCount;
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
        return _claimant(resourceId, res.state, res.lease.expiresAt, res.config.claimWindow);
    }

    /// @inheritdoc IResourceLeases
    function queueOf(uint256 resourceId) external view returns (QueueEntry[] memory entries) {
        Resource storage res = _resources[resourceId];
        uint256 leaseEnd = res.lease.expiresAt;
        uint256 window = res.config.claimWindow;
        (uint256 span, uint256 bits) = (res.state.queueSpan, res.state.queueBits);
        uint256 first = _firstTurn(span, leaseEnd, window);
        entries = new QueueEntry[](_queueLength(span, bits, leaseEnd, window));
        uint256 n;
        uint256 windowStart = leaseEnd;
        for (uint256 j; j < span; ++j) {
            if (((bits >> j) & 1) == 0) continue;
            uint256 windowEnd = leaseEnd + (j + 1) * window;
            if (j >= first) entries[n++] = _entry(resourceId, res.state.queueBase + j, windowStart, windowEnd);
            windowStart = windowEnd;
        }
    }

    /// @inheritdoc IResourceLeases
    function placeOf(
        uint256 resourceId,
        address account
    ) external view returns (bool queued, uint256 position, uint64 windowStart, uint64 windowEnd) {
        Resource storage res = _resources[resourceId];
        State storage s = res.state;
        uint256 base = s.queueBase;
        uint256 placePlusOne = _places[resourceId][account];
        if (placePlusOne <= base) return (false, 0, 0, 0);
        uint256 j = placePlusOne - 1 - base;
        uint256 leaseEnd = res.lease.expiresAt;
        uint256 window = res.config.claimWindow;
        uint256 first = _firstTurn(s.queueSpan, leaseEnd, window);
        if (j < first) return (false, 0, 0, 0); // its turn passed
        uint256 ahead = s.queueBits & ((uint256(1) << j) - 1); // taken places before it
        position = _popcount(ahead >> first);
        windowStart = uint64(ahead == 0 ? leaseEnd : leaseEnd + (Math.log2(ahead) + 1) * window);
        windowEnd = uint64(leaseEnd + (j + 1) * window);
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

    // ─────────────────────────────────────────────────────────────── internals: leases and queue

    /// @dev Grants the lease to the caller, or refuses with the reason.
    function _acquire(uint256 resourceId, uint64 duration, uint256 cellId) internal returns (uint256 token) {
        Resource storage res = _resources[resourceId];
        Config memory config = _config(resourceId, res);
        if (duration == 0 || duration > config.maxDuration) {
            revert LeaseInvalidDuration(resourceId, duration, config.maxDuration);
        }
        _checkAccess(resourceId, config, cellId);
        Lease storage lease = res.lease;
        uint256 leaseEnd = lease.expiresAt;
        // expiresAt > block.timestamp implies a non-zero holder: both are written together by a grant.
        if (block.timestamp < leaseEnd) revert ResourceBusy(resourceId, lease.holder, uint64(leaseEnd));
        State storage s = res.state;
        (uint256 expiresAt, bool booked) = _bookingLimit(resourceId, s, block.timestamp + duration);
        if (s.queueSpan != 0) _serveQueue(resourceId, s, leaseEnd, config.claimWindow, booked);
        // A uint56 counter of grants cannot overflow: each grant is a transaction.
        unchecked {
            token = uint256(lease.token) + 1;
        }
        res.lease = Lease({holder: msg.sender, expiresAt: uint40(expiresAt), token: uint56(token)});
        emit LeaseGranted(resourceId, msg.sender, token, uint64(expiresAt));
    }

    /// @dev Called by a grant while places are in use (no lease is live). The claimant takes its turn (its
    /// place and the passed ones before it are dropped); the booker of the active booking goes past the
    /// queue (the passed places are dropped, the claimant keeps its place and its count restarts when the
    /// new lease ends); when every turn has passed, the queue is emptied; anyone else is refused.
    function _serveQueue(uint256 resourceId, State storage s, uint256 leaseEnd, uint256 window, bool booked) internal {
        uint256 base = s.queueBase;
        uint256 bits = s.queueBits;
        uint256 drop = s.queueSpan;
        uint256 first = (block.timestamp - leaseEnd) / window;
        if (first < drop && bits >> first != 0) {
            uint256 j = first + _lowestBit(bits >> first);
            uint256 mine = _places[resourceId][msg.sender];
            if (mine == base + j + 1) {
                delete _places[resourceId][msg.sender];
                drop = j + 1;
            } else if (booked) {
                drop = j;
                if (mine > base + j + 1) {
                    // The booker also waits behind the claimant: it gets the resource now, so it leaves.
                    bits &= ~(uint256(1) << (mine - 1 - base));
                    delete _places[resourceId][msg.sender];
                    emit QueueLeft(resourceId, msg.sender, mine - 1);
                }
            } else {
                revert QueueClaimWindow(
                    resourceId,
                    _waiters[resourceId][(base + j) % QUEUE_CAPACITY],
                    uint64(leaseEnd + (j + 1) * window)
                );
            }
        }
        // The new lease is live: the empty places at the front go too, so that the first waiter's turn
        // starts at the lease end; the span ends at the last taken place.
        bits >>= drop;
        uint256 span;
        if (bits != 0) {
            uint256 z = _lowestBit(bits);
            bits >>= z;
            drop += z;
            span = Math.log2(bits) + 1;
        }
        if (drop != 0) {
            s.queueBase = uint40(base + drop);
            emit QueueAdvanced(resourceId, base + drop);
        }
        s.queueSpan = uint8(span);
        s.queueBits = uint32(bits);
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
            // Waiting only makes sense while a waiter has its claim window.
            first = _firstTurn(span, leaseEnd, config.claimWindow);
            if (first >= span || bits >> first == 0) revert QueueResourceFree(resourceId);
        }
        uint256 placePlusOne = _places[resourceId][msg.sender];
        if (placePlusOne > base) {
            uint256 j = placePlusOne - 1 - base;
            if (j >= first) {
                revert QueueAlreadyQueued(resourceId, msg.sender, _popcount((bits & ((uint256(1) << j) - 1)) >> first));
            }
            // Its turn passed: the old place goes (no effect on anyone's turn), the account joins again.
            bits &= ~(uint256(1) << j);
        }
        if (span == QUEUE_CAPACITY) revert QueueFull(resourceId, QUEUE_CAPACITY);
        uint256 place = base + span;
        _waiters[resourceId][place % QUEUE_CAPACITY] = msg.sender;
        _places[resourceId][msg.sender] = place + 1;
        s.queueSpan = uint8(span + 1);
        s.queueBits = uint32(bits | (uint256(1) << span));
        emit QueueJoined(resourceId, msg.sender, place);
    }

    function _entry(
        uint256 resourceId,
        uint256 place,
        uint256 windowStart,
        uint256 windowEnd
    ) internal view returns (QueueEntry memory) {
        return
            QueueEntry({
                account: _waiters[resourceId][place % QUEUE_CAPACITY],
                place: place,
                windowStart: uint64(windowStart),
                windowEnd: uint64(windowEnd)
            });
    }

    /// @dev Index (from the base) of the first place whose turn has not passed: 0 while a lease is live.
    function _firstTurn(uint256 span, uint256 leaseEnd, uint256 window) internal view returns (uint256) {
        if (block.timestamp < leaseEnd || span == 0) return 0;
        return (block.timestamp - leaseEnd) / window;
    }

    /// @dev Number of waiters whose turn has not passed.
    function _queueLength(
        uint256 span,
        uint256 bits,
        uint256 leaseEnd,
        uint256 window
    ) internal view returns (uint256) {
        uint256 first = _firstTurn(span, leaseEnd, window);
        return first >= span ? 0 : _popcount(bits >> first);
    }

    /// @dev The waiter that may claim now: none while a lease is live.
    function _claimant(
        uint256 resourceId,
        State storage s,
        uint256 leaseEnd,
        uint256 window
    ) internal view returns (address claimant, uint64 windowStart, uint64 windowEnd) {
        uint256 span = s.queueSpan;
        if (block.timestamp < leaseEnd || span == 0) return (address(0), 0, 0);
        uint256 first = (block.timestamp - leaseEnd) / window;
        uint256 bits = s.queueBits;
        if (first >= span || bits >> first == 0) return (address(0), 0, 0);
        uint256 j = first + _lowestBit(bits >> first);
        uint256 ahead = bits & ((uint256(1) << j) - 1);
        claimant = _waiters[resourceId][(s.queueBase + j) % QUEUE_CAPACITY];
        windowStart = uint64(ahead == 0 ? leaseEnd : leaseEnd + (Math.log2(ahead) + 1) * window);
        windowEnd = uint64(leaseEnd + (j + 1) * window);
    }

    // ─────────────────────────────────────────────────────────────── internals: bookings

    /// @dev The expiry of a lease wanted until `wanted`, held by the caller from now: capped at the start of
    /// the next booking, except the caller's own booking that is active now (the lease is granted under
    /// it, `booked`), whose successor caps it instead. Refuses during another account's booking. Moves the
    /// cursor past at most ACQUIRE_PRUNE_STEPS ended bookings.
    function _bookingLimit(
        uint256 resourceId,
        State storage s,
        uint256 wanted
    ) internal returns (uint256 expiresAt, bool booked) {
        uint256 cursor = s.cursor;
        if (cursor == 0) return (wanted, false);
        uint256 start = s.cursorStart;
        if (start > block.timestamp) return (Math.min(start, wanted), false);
        // The cursor booking has started: it is active, or it ended and the cursor moves on.
        mapping(uint256 => Booking) storage bookings = _bookings[resourceId];
        Booking storage b = bookings[cursor];
        uint256 end = b.end;
        if (end <= block.timestamp) {
            for (uint256 skipped; end <= block.timestamp; ++skipped) {
                if (skipped == ACQUIRE_PRUNE_STEPS) revert ReservationPruneRequired(resourceId, cursor);
                cursor = b.next;
                if (cursor == 0) break;
                b = bookings[cursor];
                (start, end) = (b.start, b.end);
            }
            s.cursor = uint40(cursor);
            s.cursorStart = uint40(cursor == 0 ? 0 : start);
            if (cursor == 0) return (wanted, false);
        }
        if (start > block.timestamp) return (Math.min(start, wanted), false);
        address booker = b.booker;
        if (booker != msg.sender) revert ReservationActive(resourceId, cursor, booker, uint64(end));
        uint256 next = b.next;
        return (next == 0 ? wanted : Math.min(bookings[next].start, wanted), true);
    }

    function _reserve(
        uint256 resourceId,
        uint64 start,
        uint64 end,
        uint256 afterId,
        bool hinted,
        uint256 cellId
    ) internal returns (uint256 reservationId) {
        Resource storage res = _resources[resourceId];
        _checkBooking(resourceId, res, start, end, cellId);
        State storage s = res.state;
        (uint256 prev, uint256 next) = hinted
            ? _checkHint(resourceId, s, afterId, start, end)
            : _findPlace(resourceId, s, start, end);
        reservationId = _link(resourceId, s, prev, next, start, end);
        emit ReservationMade(resourceId, reservationId, msg.sender, start, end);
    }

    /// @dev Refuses a booking by the caller that is malformed, in the past, not allowed by the policy or
    /// overlapping another account's live lease.
    function _checkBooking(
        uint256 resourceId,
        Resource storage res,
        uint64 start,
        uint64 end,
        uint256 cellId
    ) internal view {
        Config memory config = _config(resourceId, res);
        if (start < block.timestamp) revert ReservationInPast(resourceId, start, block.timestamp);
        if (end <= start || end - start > config.maxDuration || end > _TIME_LIMIT) {
            revert ReservationInvalidWindow(resourceId, start, end, config.maxDuration);
        }
        _checkAccess(resourceId, config, cellId);
        Lease storage lease = res.lease;
        uint256 leaseEnd = lease.expiresAt;
        if (start < leaseEnd && block.timestamp < leaseEnd) {
            address holder = lease.holder;
            if (holder != msg.sender) revert ReservationLeaseConflict(resourceId, holder, uint64(leaseEnd));
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
        bookings[reservationId] = Booking({
            start: uint40(start),
            end: uint40(end),
            prev: uint40(prev),
            next: uint40(next),
            booker: msg.sender
        });
        if (prev != 0) bookings[prev].next = uint40(reservationId);
        if (next != 0) bookings[next].prev = uint40(reservationId);
        else s.lastBooking = uint40(reservationId);
        // The new booking has not ended; right before the cursor it becomes the cursor (I8).
        if (next == s.cursor) {
            s.cursor = uint40(reservationId);
            s.cursorStart = uint40(start);
        }
    }

    /// @dev Verifies in O(1) that `[start, end)` fits right after `afterId` (0: right before the cursor)
    /// and returns its neighbours. The predecessor of the cursor has ended (I8), so `start >= now` clears it.
    function _checkHint(
        uint256 resourceId,
        State storage s,
        uint256 afterId,
        uint256 start,
        uint256 end
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
        }
    }

    /// @dev Finds the neighbours of `[start, end)` without a hint: after the last booking (the common case of
    /// booking in time order), or within RESERVE_SEARCH_STEPS bookings from the cursor.
    function _findPlace(
        uint256 resourceId,
        State storage s,
        uint256 start,
        uint256 end
    ) internal view returns (uint256 prev, uint256 next) {
        uint256 last = s.lastBooking;
        if (last == 0) return (0, 0);
        mapping(uint256 => Booking) storage bookings = _bookings[resourceId];
        if (bookings[last].end <= start) return (last, 0);
        // The last booking ends after `start`, so it has not ended: the cursor is not 0 (I8).
        next = s.cursor;
        prev = bookings[next].prev; // ended (I8), so it ends before `start`
        for (uint256 i; i < RESERVE_SEARCH_STEPS; ++i) {
            Booking storage b = bookings[next];
            (uint256 bStart, uint256 bEnd) = (b.start, b.end);
            if (end <= bStart) return (prev, next);
            if (bEnd > start) revert ReservationConflict(resourceId, next, uint64(bStart), uint64(bEnd));
            prev = next;
            next = b.next; // not 0: the last booking ends after `start`
        }
        revert ReservationHintRequired(resourceId, prev);
    }

    // ─────────────────────────────────────────────────────────────── internals: checks and bits

    function _config(uint256 resourceId, Resource storage res) internal view returns (Config memory config) {
        config = res.config;
        if (config.ownerCellId == 0) revert ResourceNonexistent(resourceId);
    }

    function _requireSteward(uint256 resourceId, Resource storage res) internal view returns (Config memory config) {
        config = _config(resourceId, res);
        if (!_REGISTRY.isSteward(config.ownerCellId, msg.sender)) {
            revert ResourceNotSteward(resourceId, config.ownerCellId, msg.sender);
        }
    }

    /// @dev Policy 0: member of the owner cell; 1: member of `cellId` (named by the caller); 2: anyone.
    function _checkAccess(uint256 resourceId, Config memory config, uint256 cellId) internal view {
        uint8 access = config.access;
        if (access == ACCESS_ANYONE) return;
        if (access == ACCESS_OWNER_MEMBERS) cellId = config.ownerCellId;
        else if (cellId == 0) revert ResourceCellRequired(resourceId);
        if (!_REGISTRY.isMember(cellId, msg.sender)) {
            revert ResourceAccessDenied(resourceId, msg.sender, access, cellId);
        }
    }

    function _validatePolicy(uint8 access, uint64 maxDuration, uint64 claimWindow) internal pure {
        if (access > ACCESS_ANYONE) revert ResourceInvalidAccess(access);
        if (maxDuration == 0 || maxDuration > MAX_SPAN) revert ResourceInvalidMaxDuration(maxDuration, MAX_SPAN);
        if (claimWindow == 0 || claimWindow > MAX_SPAN) revert ResourceInvalidClaimWindow(claimWindow, MAX_SPAN);
    }

    /// @dev Index of the lowest set bit of a non-zero `x`.
    function _lowestBit(uint256 x) internal pure returns (uint256) {
        unchecked {
            return Math.log2(x & (0 - x));
        }
    }

    /// @dev Number of set bits of a 32-bit value.
    function _popcount(uint256 x) internal pure returns (uint256) {
        unchecked {
            x = x - ((x >> 1) & 0x55555555);
            x = (x & 0x33333333) + ((x >> 2) & 0x33333333);
            x = (x + (x >> 4)) & 0x0F0F0F0F;
            return ((x * 0x01010101) & 0xFFFFFFFF) >> 24;
        }
    }
}
