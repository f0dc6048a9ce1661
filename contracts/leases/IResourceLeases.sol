// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @dev Access policies of a resource.
uint8 constant ACCESS_OWNER_MEMBERS = 0; // members of the owner cell
// members of a cell the DAO vouches for: a recognised cell, or the owner cell or a cell inside it (the caller names
// the cell: the `...As` functions)
uint8 constant ACCESS_ANY_MEMBERS = 1;
uint8 constant ACCESS_ANYONE = 2; // any account

/// @title IResourceLeases
/// @notice Exclusive, time-limited leases on shared resources owned by Concord cells: the on-chain form of a
/// lock protocol. A request is granted, or denied with who holds the resource and until when; the holder uses
/// it and releases it; a lease also ends by itself when it expires, so a vanished holder blocks nobody for
/// long. Accounts can wait in a bounded FIFO queue with claim windows, book future windows (reservations),
/// and every grant carries a fencing token.
/// @dev Errors and events live here so that the SDK, the app and other contracts share one definition.
/// Time is `block.timestamp`, in seconds. A lease `[grantedAt, expiresAt)` is live while
/// `block.timestamp < expiresAt`; a booking `[start, end)` is active while `start <= block.timestamp < end`.
interface IResourceLeases {
    // ─────────────────────────────────────────────────────────────── types

    /// @notice Everything about a resource, in one read.
    struct ResourceInfo {
        uint256 ownerCellId;
        uint8 access; // ACCESS_OWNER_MEMBERS, ACCESS_ANY_MEMBERS or ACCESS_ANYONE
        uint64 maxDuration; // longest lease and longest booking, in seconds
        uint64 claimWindow; // seconds each waiter has to claim the resource when its turn comes
        address holder; // zero when no lease is live
        uint64 expiresAt; // end of the live lease; when free, when the last lease ended (0: never leased)
        uint256 fencingToken; // token of the live lease; when free, the last token issued (0: never leased)
        uint256 queueLength; // waiters whose turn has not passed
        address claimant; // the waiter that may claim now (zero if none)
        uint64 claimWindowEnd; // until when the claimant may claim
        uint256 reservationCount; // booking ids issued so far (ids are 1..reservationCount)
    }

    /// @notice A place in the waiting queue. `place` is the place's sequence number (events use it too).
    /// While a lease is live the window is an estimate: it moves earlier if the holder ends the lease early
    /// or a waiter ahead leaves.
    struct QueueEntry {
        address account;
        uint256 place;
        uint64 windowStart;
        uint64 windowEnd;
    }

    /// @notice A booking of the window `[start, end)`.
    struct Reservation {
        uint256 id;
        address booker;
        uint64 start;
        uint64 end;
    }

    // ─────────────────────────────────────────────────────────────── errors

    /// @notice `resourceId` was never registered.
    error ResourceNonexistent(uint256 resourceId);
    /// @notice `account` is not a steward of `ownerCellId` (the owner cell of `resourceId`; 0 at registration).
    error ResourceNotSteward(uint256 resourceId, uint256 ownerCellId, address account);
    /// @notice `access` is not one of the policies 0..2.
    error ResourceInvalidAccess(uint8 access);
    /// @notice A maximum duration must be in `1..limit` seconds.
    error ResourceInvalidMaxDuration(uint64 maxDuration, uint256 limit);
    /// @notice A claim window must be in `1..limit` seconds.
    error ResourceInvalidClaimWindow(uint64 claimWindow, uint256 limit);
    /// @notice A resource needs a non-empty name.
    error ResourceEmptyName();
    /// @notice A resource name is `length` bytes long; at most `cap` are allowed.
    error ResourceNameTooLong(uint256 length, uint256 cap);
    /// @notice At most `limit` live bookings per account (`maxBookings` asked).
    error ResourceInvalidMaxBookings(uint8 maxBookings, uint256 limit);
    /// @notice How far ahead a booking may start must be at most `limit` seconds (`maxLeadTime` asked).
    error ResourceInvalidLeadTime(uint64 maxLeadTime, uint256 limit);
    /// @notice A cool-down must be at most `limit` seconds (`cooldown` asked).
    error ResourceInvalidCooldown(uint64 cooldown, uint256 limit);
    /// @notice Under policy 1, `cellId` is neither recognised by governance nor the owner cell `ownerCellId` or
    /// a cell inside it: the DAO does not vouch for its members.
    error ResourceCellNotVouched(uint256 resourceId, uint256 cellId, uint256 ownerCellId);
    /// @notice `resourceId` is open to members of any cell: call the `...As` variant naming the cell.
    error ResourceCellRequired(uint256 resourceId);
    /// @notice `account` does not meet the access policy `access` of `resourceId` (`cellId`: the cell checked).
    error ResourceAccessDenied(uint256 resourceId, address account, uint8 access, uint256 cellId);
    /// @notice `holder` holds `resourceId` until `expiresAt`: talk to it, or come back then (or join the queue).
    error ResourceBusy(uint256 resourceId, address holder, uint64 expiresAt);

    /// @notice A lease duration must be in `1..maxDuration` seconds.
    error LeaseInvalidDuration(uint256 resourceId, uint64 duration, uint64 maxDuration);
    /// @notice `account` does not hold a live lease on `resourceId` (`holder`: who does, or zero).
    error LeaseNotHolder(uint256 resourceId, address account, address holder);
    /// @notice No lease on `resourceId` is live.
    error LeaseNotActive(uint256 resourceId);
    /// @notice The holder cannot renew while `queueLength` accounts wait for `resourceId`.
    error LeaseRenewContended(uint256 resourceId, uint256 queueLength);
    /// @notice A steward revoked the lease of `account` on `resourceId`: it cannot take the resource again
    /// (acquire, claim, or through a booking) until `until`.
    error LeaseCoolingDown(uint256 resourceId, address account, uint64 until);

    /// @notice `claimant`, first in the queue of `resourceId`, alone may claim it until `windowEnd`.
    error QueueClaimWindow(uint256 resourceId, address claimant, uint64 windowEnd);
    /// @notice The queue of `resourceId` already has `capacity` places.
    error QueueFull(uint256 resourceId, uint256 capacity);
    /// @notice `account` already waits for `resourceId`, with `position` waiters ahead of it.
    error QueueAlreadyQueued(uint256 resourceId, address account, uint256 position);
    /// @notice `account` holds `resourceId` until `expiresAt`; it cannot also wait for it.
    error QueueAlreadyHolder(uint256 resourceId, address account, uint64 expiresAt);
    /// @notice `account` has no place in the queue of `resourceId`.
    error QueueNotQueued(uint256 resourceId, address account);
    /// @notice `resourceId` is not held and nobody has a claim window: acquire it instead of waiting.
    error QueueResourceFree(uint256 resourceId);
    /// @notice `account` took a place in the queue of `resourceId` (or got the resource from it) recently: it
    /// may take a place again from `readyAt`.
    error QueueCoolingDown(uint256 resourceId, address account, uint64 readyAt);

    /// @notice The window `[start, end)` overlaps booking `reservationId` of `resourceId`, which spans
    /// `[conflictStart, conflictEnd)`.
    error ReservationConflict(uint256 resourceId, uint256 reservationId, uint64 conflictStart, uint64 conflictEnd);
    /// @notice The window would overlap the live lease of `holder` on `resourceId`, which runs until `expiresAt`.
    error ReservationLeaseConflict(uint256 resourceId, address holder, uint64 expiresAt);
    /// @notice A booking must satisfy `start < end`, `end - start <= maxDuration` and `end < 2^40`.
    error ReservationInvalidWindow(uint256 resourceId, uint64 start, uint64 end, uint64 maxDuration);
    /// @notice A booking cannot start (`start`) before the current time (`nowTime`).
    error ReservationInPast(uint256 resourceId, uint64 start, uint256 nowTime);
    /// @notice Booking `reservationId` of `booker` is active on `resourceId` until `end`: only `booker` may
    /// acquire the resource until then.
    error ReservationActive(uint256 resourceId, uint256 reservationId, address booker, uint64 end);
    /// @notice The window would start less than `gap` seconds (the claim window) from booking `reservationId` of
    /// `resourceId`, which spans `[otherStart, otherEnd)`: bookings stay one claim window apart, so that the
    /// queue's first waiter gets its turn between them.
    error ReservationTooClose(
        uint256 resourceId,
        uint256 reservationId,
        uint64 otherStart,
        uint64 otherEnd,
        uint64 gap
    );
    /// @notice `account` already holds `live` bookings of `resourceId` that have not ended; at most `limit`.
    error ReservationLimit(uint256 resourceId, address account, uint256 live, uint256 limit);
    /// @notice A booking of `resourceId` starting at `start` is too far ahead: it must start by `latestStart`.
    error ReservationTooFarAhead(uint256 resourceId, uint64 start, uint256 latestStart);
    /// @notice Booking `reservationId` of `resourceId` does not exist (never made, or cancelled).
    error ReservationNonexistent(uint256 resourceId, uint256 reservationId);
    /// @notice `account` is neither the booker of `reservationId` nor a steward of the resource.
    error ReservationNotBooker(uint256 resourceId, uint256 reservationId, address account);
    /// @notice Booking `reservationId` of `resourceId` ended at `end`; it is history.
    error ReservationEnded(uint256 resourceId, uint256 reservationId, uint64 end);
    /// @notice The new booking does not belong right after `afterId` (0: right before the first booking that
    /// has not ended) in the time order of `resourceId`'s bookings. Pass the booking that precedes it.
    error ReservationInvalidHint(uint256 resourceId, uint256 afterId);
    /// @notice The bounded search for the new booking's place stopped after booking `searchedUpTo`, which ends
    /// before the new one starts: call the `reserve` variant with a hint (`afterId`, see {reservationsOf}).
    error ReservationHintRequired(uint256 resourceId, uint256 searchedUpTo);
    /// @notice More than the allowed number of ended bookings lie ahead of the booking cursor of `resourceId`
    /// (at `cursor`): call {prune} or {pruneTo} first (the SDK batches it with {multicall}).
    error ReservationPruneRequired(uint256 resourceId, uint256 cursor);

    // ─────────────────────────────────────────────────────────────── events

    /// @notice A resource was registered. `name` lives in this event only.
    event ResourceRegistered(
        uint256 indexed resourceId,
        uint256 indexed ownerCellId,
        address indexed by,
        string name,
        uint64 maxDuration,
        uint8 access,
        uint64 claimWindow
    );
    /// @notice A steward changed the policy of `resourceId`.
    event ResourcePolicySet(
        uint256 indexed resourceId,
        uint8 access,
        uint64 maxDuration,
        uint64 claimWindow,
        address indexed by
    );

    /// @notice A steward set the booking limits and the cool-down of `resourceId`.
    event ResourceLimitsSet(
        uint256 indexed resourceId,
        uint8 maxBookings,
        uint64 maxLeadTime,
        uint64 cooldown,
        address indexed by
    );

    /// @notice `holder` was granted `resourceId` until `expiresAt`, with `fencingToken`.
    event LeaseGranted(uint256 indexed resourceId, address indexed holder, uint256 fencingToken, uint64 expiresAt);
    /// @notice The holder extended its lease (same fencing token) to `expiresAt`.
    event LeaseRenewed(uint256 indexed resourceId, address indexed holder, uint256 fencingToken, uint64 expiresAt);
    /// @notice The holder ended its lease at the block's time.
    event LeaseReleased(uint256 indexed resourceId, address indexed holder, uint256 fencingToken);
    /// @notice Emergency stop: steward `by` ended the lease of `holder` at the block's time.
    event LeaseRevoked(uint256 indexed resourceId, address indexed holder, uint256 fencingToken, address indexed by);

    /// @notice `account` took place number `place` in the queue of `resourceId`.
    event QueueJoined(uint256 indexed resourceId, address indexed account, uint256 place);
    /// @notice `account` gave up place `place` (it left, or it got the resource through its booking).
    event QueueLeft(uint256 indexed resourceId, address indexed account, uint256 place);
    /// @notice Places numbered below `base` are gone (claimed, or their turn passed); claim windows now count
    /// from `base`: place `p` has its turn until `lease end + (p - base + 1) * claimWindow`.
    event QueueAdvanced(uint256 indexed resourceId, uint256 base);

    /// @notice `booker` booked `[start, end)` on `resourceId`.
    event ReservationMade(
        uint256 indexed resourceId,
        uint256 indexed reservationId,
        address indexed booker,
        uint64 start,
        uint64 end
    );
    /// @notice Booking `reservationId` was cancelled by `by` (its booker or a steward).
    event ReservationCancelled(uint256 indexed resourceId, uint256 indexed reservationId, address indexed by);

    // ─────────────────────────────────────────────────────────────── writes

    /// @notice A steward of `ownerCellId` registers a resource. `name` has 1..64 bytes (it lives in the event
    /// only). `maxDuration` bounds leases and bookings, `claimWindow` is each waiter's time to claim; both in
    /// `1..2^32-1` seconds. The booking limits and the cool-down start at their defaults (see {setLimits}).
    function registerResource(
        uint256 ownerCellId,
        string calldata name,
        uint64 maxDuration,
        uint8 access,
        uint64 claimWindow
    ) external returns (uint256 resourceId);

    /// @notice A steward of the owner cell changes the policy. Live leases and existing bookings keep their
    /// times. A new claim window applies to the waiters at once: while no lease is live the turns that passed
    /// are dropped and the claimant's turn starts again now, with the new window.
    function setPolicy(uint256 resourceId, uint8 access, uint64 maxDuration, uint64 claimWindow) external;

    /// @notice A steward of the owner cell sets the booking limits and the cool-down.
    /// @param maxBookings live bookings (not ended) one account may hold, `0..6` (0: no new bookings).
    /// @param maxLeadTime how far ahead of now a booking may start, `0..366 days` in seconds.
    /// @param cooldown `0..7 days` in seconds: after a revoke the revoked account cannot take the resource back
    /// for this long; an account takes at most one place in the queue per cool-down, and after getting the
    /// resource from the queue waits until its lease's expiry plus the cool-down.
    function setLimits(uint256 resourceId, uint8 maxBookings, uint64 maxLeadTime, uint64 cooldown) external;

    /// @notice Takes an exclusive lease for up to `duration` seconds (`1..maxDuration`). Refused while a lease
    /// is live ({ResourceBusy}), while another account's booking is active ({ReservationActive}) and while a
    /// waiter has its claim window ({QueueClaimWindow}); the waiter whose turn it is claims with this call.
    /// The lease is capped so that it ends no later than the start of the next booking (see the contract).
    /// Under policy 1 use {acquireAs}.
    /// @return fencingToken greater than every token issued before on this resource.
    function acquire(uint256 resourceId, uint64 duration) external returns (uint256 fencingToken);

    /// @notice {acquire}, acting as a member of `cellId` (checked under policy 1 only).
    function acquireAs(uint256 resourceId, uint64 duration, uint256 cellId) external returns (uint256 fencingToken);

    /// @notice The holder extends its live lease to `now + duration` (capped like {acquire}); refused while
    /// anyone waits, so that nobody holds a contended resource forever. The fencing token stays.
    function renew(uint256 resourceId, uint64 duration) external;

    /// @notice The holder ends its lease now.
    function release(uint256 resourceId) external;

    /// @notice Emergency stop: a steward of the owner cell ends the live lease now.
    function revoke(uint256 resourceId) external;

    /// @notice Joins the queue of a resource that is held or being claimed by a waiter. Under policy 1 use
    /// {enqueueAs}.
    function enqueue(uint256 resourceId) external;

    /// @notice {enqueue}, acting as a member of `cellId` (checked under policy 1 only).
    function enqueueAs(uint256 resourceId, uint256 cellId) external;

    /// @notice Gives up the caller's place in the queue.
    function leaveQueue(uint256 resourceId) external;

    /// @notice Books `[start, end)`: during that window only the caller may acquire the resource (while it has
    /// access and is not cooling down after a revoke). At most `maxBookings` live bookings per account, a start
    /// at most `maxLeadTime` ahead, and one claim window between bookings ({ReservationTooClose}). The place
    /// in the time order is found within a bounded search (appending after the last booking is always
    /// found); otherwise {ReservationHintRequired} asks for the hinted variant. Under policy 1 use {reserveAs}.
    function reserve(uint256 resourceId, uint64 start, uint64 end) external returns (uint256 reservationId);

    /// @notice {reserve} with the booking that precedes the new one in time order (`afterId`; 0: the new
    /// booking comes before every booking that has not ended). Verified in O(1).
    function reserve(
        uint256 resourceId,
        uint64 start,
        uint64 end,
        uint256 afterId
    ) external returns (uint256 reservationId);

    /// @notice Hinted {reserve}, acting as a member of `cellId` (checked under policy 1 only).
    function reserveAs(
        uint256 resourceId,
        uint64 start,
        uint64 end,
        uint256 afterId,
        uint256 cellId
    ) external returns (uint256 reservationId);

    /// @notice The booker, or a steward of the owner cell, cancels a booking that has not ended.
    function cancelReservation(uint256 resourceId, uint256 reservationId) external;

    /// @notice Moves the booking cursor of `resourceId` past at most `maxSteps` ended bookings (anyone may).
    /// @return cursor the first booking that may not have ended (0: none).
    function prune(uint256 resourceId, uint256 maxSteps) external returns (uint256 cursor);

    /// @notice Moves the booking cursor straight to `reservationId`, which must not have ended and whose
    /// predecessor must have ended: O(1) whatever the number of past bookings (anyone may).
    function pruneTo(uint256 resourceId, uint256 reservationId) external;

    // ─────────────────────────────────────────────────────────────── reads

    /// @notice The live lease. `holder` is zero when the resource is free or the lease expired; then
    /// `expiresAt` is when the last lease ended and `fencingToken` the last token issued (0: never leased).
    function leaseOf(uint256 resourceId) external view returns (address holder, uint64 expiresAt, uint256 fencingToken);

    /// @notice True while `fencingToken` is the token of the live lease: a service guarding the resource
    /// accepts requests carrying it and rejects older ones.
    function isCurrentToken(uint256 resourceId, uint256 fencingToken) external view returns (bool);

    function getResource(uint256 resourceId) external view returns (ResourceInfo memory);

    function resourceCount() external view returns (uint256);

    /// @notice The waiter that may claim now and its window (all zero while a lease is live or nobody may).
    function claimantOf(
        uint256 resourceId
    ) external view returns (address claimant, uint64 windowStart, uint64 windowEnd);

    /// @notice The waiters whose turn has not passed, first first, with their claim windows.
    function queueOf(uint256 resourceId) external view returns (QueueEntry[] memory);

    /// @notice Whether `account` waits, how many waiters are ahead of it, and its claim window.
    function placeOf(
        uint256 resourceId,
        address account
    ) external view returns (bool queued, uint256 position, uint64 windowStart, uint64 windowEnd);

    /// @notice One booking (reverts with {ReservationNonexistent} if cancelled or never made).
    function getReservation(uint256 resourceId, uint256 reservationId) external view returns (Reservation memory);

    /// @notice Up to `max` bookings in time order, starting at `fromId` (0: the first booking that has not
    /// ended). `nextId` is where the next page starts (0: no more).
    function reservationsOf(
        uint256 resourceId,
        uint256 fromId,
        uint256 max
    ) external view returns (Reservation[] memory page, uint256 nextId);

    /// @notice The booking limits and the cool-down of `resourceId` (see {setLimits}).
    function limitsOf(
        uint256 resourceId
    ) external view returns (uint8 maxBookings, uint64 maxLeadTime, uint64 cooldown);

    /// @notice When `account` may take a place in the queue again (`queueReadyAt`, 0: now), until when it is
    /// barred after a revoke (`revokedUntil`, 0: not), and how many of its bookings have not ended.
    function standingOf(
        uint256 resourceId,
        address account
    ) external view returns (uint64 queueReadyAt, uint64 revokedUntil, uint256 liveBookings);

    /// @notice The cell registry this contract reads memberships and stewardships from.
    function registry() external view returns (address);
}
