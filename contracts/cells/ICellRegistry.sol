// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @dev Role bits. A non-zero role set always includes {ROLE_MEMBER}; other bits are reserved.
uint8 constant ROLE_MEMBER = 1;
uint8 constant ROLE_STEWARD = 2;
uint8 constant ROLE_DELEGATE = 4;
uint8 constant ROLES_ALL = ROLE_MEMBER | ROLE_STEWARD | ROLE_DELEGATE;

/// @title ICellRegistry
/// @notice A registry of nested, autonomous working groups ("cells") with members, roles, a published
/// nucleus, a developmental phase, member state declarations, intent signals and a decision-owner map.
/// @dev Errors and events live here so that the SDK, the app and other contracts share one definition.
interface ICellRegistry {
    // ─────────────────────────────────────────────────────────────── types

    /// @notice Everything stored about a cell, in one read.
    struct CellInfo {
        uint256 parentId; // 0 for a top-level cell
        uint8 depth; // 1 for a top-level cell, up to MAX_DEPTH
        uint8 phase; // 0 conversation, 1 collaboration, 2 commitment, 3 coordination
        uint8 scale; // 0 collaboration (<= 8 members), 1 coordination (<= 150), 2 constituency
        uint64 createdAt;
        uint32 memberCount;
        uint32 stewardCount;
        bool recognised;
        address delegate; // the account holding ROLE_DELEGATE, or zero
        bytes32 nucleusHash;
    }

    /// @notice What the registry stores about one account in one cell.
    struct MemberInfo {
        uint8 roles; // 0 when not a member
        uint64 since; // when it became a member (0 when not a member)
        uint64 stateDeclaredAt; // when it last declared a state since joining (0: never)
        uint64 joinRequestedAt; // its pending join request (0: none)
    }

    // ─────────────────────────────────────────────────────────────── errors

    /// @notice `cellId` was never created.
    error CellNonexistent(uint256 cellId);
    /// @notice `account` is not a steward of `cellId` nor of any of its ancestors.
    error CellNotSteward(uint256 cellId, address account);
    /// @notice `account` holds no role in `cellId`.
    error CellNotMember(uint256 cellId, address account);
    /// @notice `account` already holds roles in `cellId`.
    error CellAlreadyMember(uint256 cellId, address account);
    /// @notice A child of `parentId` would be deeper than `maxDepth`.
    error CellDepthLimit(uint256 parentId, uint256 maxDepth);
    /// @notice `account` is the last steward of top-level cell `cellId` and cannot stop being one.
    error CellLastSteward(uint256 cellId, address account);
    /// @notice `roles` uses a reserved bit, is zero where a role is needed, or lacks ROLE_MEMBER.
    error CellInvalidRoles(uint8 roles);
    /// @notice `phase` is not one of 0..3.
    error CellInvalidPhase(uint8 phase);
    /// @notice `account` has no pending request to join `cellId`.
    error CellNoJoinRequest(uint256 cellId, address account);
    /// @notice `account` already asked to join `cellId`.
    error CellJoinRequestPending(uint256 cellId, address account);
    /// @notice `cellId` already has `delegate` as its delegate; demote it first.
    error CellDelegateTaken(uint256 cellId, address delegate);
    /// @notice A cell needs a non-empty name.
    error CellEmptyName();
    /// @notice An intent was signalled for `at`, which is before `nowTime`.
    error CellIntentInPast(uint64 at, uint256 nowTime);
    /// @notice `account` is not the registry's governance.
    error CellUnauthorizedGovernance(address account);
    /// @notice The zero address was given where an account is needed.
    error CellZeroAddress();
    /// @notice `timepoint` is not in the past of the clock (`currentTime`).
    error CellFutureLookup(uint256 timepoint, uint48 currentTime);
    /// @notice A cell name is `length` bytes long; at most `max` (MAX_NAME_LENGTH) are allowed.
    error CellNameTooLong(uint256 length, uint256 max);
    /// @notice A nucleus URI is `length` bytes long; at most `max` (MAX_URI_LENGTH) are allowed.
    error CellURITooLong(uint256 length, uint256 max);
    /// @notice A declared state is `length` bytes long; at most `max` (MAX_NOTE_LENGTH) are allowed.
    error CellStateTooLong(uint256 length, uint256 max);
    /// @notice A signalled intent is `length` bytes long; at most `max` (MAX_NOTE_LENGTH) are allowed.
    error CellIntentTooLong(uint256 length, uint256 max);
    /// @notice `account` already holds an operational seat: one seat per account, so it cannot become the
    /// delegate of recognised cell `cellId` (nor can `cellId` be recognised while its delegate holds one).
    error CellAccountHoldsSeat(address account, uint256 cellId);
    /// @notice `caller` may not change the stewards or the delegate of recognised cell `cellId`: only the
    /// cell's own stewards (not an ancestor's) or governance may; members may leave.
    error CellSeatChangeNotOwnSteward(uint256 cellId, address caller);

    // ─────────────────────────────────────────────────────────────── events

    /// @notice A cell was created. `name` and `nucleusURI` live in this event only (storage keeps hashes).
    event CellCreated(
        uint256 indexed cellId,
        uint256 indexed parentId,
        address indexed creator,
        string name,
        string nucleusURI,
        bytes32 nucleusHash
    );
    /// @notice The roles of `account` in `cellId` went from `previousRoles` to `newRoles` (0 = not a member).
    event RolesChanged(
        uint256 indexed cellId,
        address indexed account,
        uint8 previousRoles,
        uint8 newRoles,
        address indexed by
    );
    /// @notice `account` asked to join `cellId`.
    event JoinRequested(uint256 indexed cellId, address indexed account);
    /// @notice The join request of `account` was closed by `by`: approved, or rejected / withdrawn.
    event JoinRequestClosed(uint256 indexed cellId, address indexed account, address indexed by, bool approved);
    /// @notice A new nucleus (purpose, practices, progress) was published.
    event NucleusUpdated(uint256 indexed cellId, string nucleusURI, bytes32 nucleusHash, address indexed by);
    /// @notice The developmental phase changed.
    event PhaseChanged(uint256 indexed cellId, uint8 previousPhase, uint8 newPhase, address indexed by);
    /// @notice `member` declared its current state in `cellId`.
    event StateDeclared(uint256 indexed cellId, address indexed member, string state);
    /// @notice `member` signalled that it intends to do `intent` at time `at`.
    event IntentSignalled(uint256 indexed cellId, address indexed member, string intent, uint64 at);
    /// @notice `owner` makes the final call on `topic` in `cellId` (zero: cleared, the parent's applies).
    event DecisionOwnerSet(uint256 indexed cellId, bytes32 indexed topic, address indexed owner, address by);
    /// @notice Governance recognised (or stopped recognising) `cellId`.
    event RecognitionChanged(uint256 indexed cellId, bool recognised);
    /// @notice The operational-house seats held by `account` went from `previousSeats` to `newSeats` (one seat per
    /// recognised cell whose delegate it is).
    event SeatsChanged(address indexed account, uint256 previousSeats, uint256 newSeats);
    /// @notice Governance power moved.
    event GovernanceTransferred(address indexed previousGovernance, address indexed newGovernance);

    // ─────────────────────────────────────────────────────────────── writes

    /// @notice Creates a top-level cell (`parentId == 0`, permissionless; the caller becomes member and
    /// steward) or a child of `parentId` (the caller must steward the parent or one of its ancestors).
    /// `name`: 1..MAX_NAME_LENGTH bytes; `nucleusURI`: at most MAX_URI_LENGTH bytes.
    function createCell(
        uint256 parentId,
        string calldata name,
        string calldata nucleusURI,
        bytes32 nucleusHash
    ) external returns (uint256 cellId);

    /// @notice A steward invites `account` with `roles` (must include ROLE_MEMBER).
    function addMember(uint256 cellId, address account, uint8 roles) external;

    /// @notice A steward changes the roles of an existing member (non-zero, with ROLE_MEMBER).
    function setRoles(uint256 cellId, address account, uint8 roles) external;

    /// @notice A steward removes a member.
    function removeMember(uint256 cellId, address account) external;

    /// @notice The caller asks to join; a steward then approves or rejects.
    function requestToJoin(uint256 cellId) external;

    /// @notice The caller withdraws its own pending join request.
    function cancelJoinRequest(uint256 cellId) external;

    /// @notice A steward accepts the pending request of `account`, who becomes a member.
    function approveJoin(uint256 cellId, address account) external;

    /// @notice A steward turns down the pending request of `account`.
    function rejectJoin(uint256 cellId, address account) external;

    /// @notice The caller leaves the cell.
    function leave(uint256 cellId) external;

    /// @notice A steward sets the developmental phase (0..3).
    function setPhase(uint256 cellId, uint8 phase) external;

    /// @notice A steward publishes a new nucleus document (`nucleusURI`: at most MAX_URI_LENGTH bytes).
    function updateNucleus(uint256 cellId, string calldata nucleusURI, bytes32 nucleusHash) external;

    /// @notice A member declares its current state ("working on X", "idle"), at most MAX_NOTE_LENGTH bytes.
    function declareState(uint256 cellId, string calldata state) external;

    /// @notice A member signals an intended action at a time not in the past ("will deploy at T"), at most
    /// MAX_NOTE_LENGTH bytes.
    function signalIntent(uint256 cellId, string calldata intent, uint64 at) external;

    /// @notice A steward names who makes the final call on `topic` in `cellId` (zero clears it).
    function setDecisionOwner(uint256 cellId, bytes32 topic, address owner) external;

    /// @notice Governance recognises a cell (it gets a seat in the operational house) or withdraws it.
    function setRecognised(uint256 cellId, bool recognised) external;

    /// @notice Governance hands its power to `newGovernance` (e.g. the timelock).
    function transferGovernance(address newGovernance) external;

    // ─────────────────────────────────────────────────────────────── reads

    function rolesOf(uint256 cellId, address account) external view returns (uint8);

    /// @notice Roles, membership date, last state declaration and pending join request of `account`.
    function membershipOf(uint256 cellId, address account) external view returns (MemberInfo memory);
    function memberCount(uint256 cellId) external view returns (uint256);
    function parentOf(uint256 cellId) external view returns (uint256);
    function phaseOf(uint256 cellId) external view returns (uint8);
    function scaleOf(uint256 cellId) external view returns (uint8);
    function depthOf(uint256 cellId) external view returns (uint8);
    function nucleusHashOf(uint256 cellId) external view returns (bytes32);
    function getCell(uint256 cellId) external view returns (CellInfo memory);
    function cellCount() external view returns (uint256);
    function exists(uint256 cellId) external view returns (bool);

    /// @notice True when `account` holds ROLE_MEMBER in `cellId` (ancestors do not count).
    function isMember(uint256 cellId, address account) external view returns (bool);

    /// @notice True when `account` is a steward of `cellId` or of any of its ancestors.
    function isSteward(uint256 cellId, address account) external view returns (bool);

    /// @notice When `account` asked to join `cellId`, or 0 when no request is pending.
    function joinRequestedAt(uint256 cellId, address account) external view returns (uint64);

    /// @notice The latest state `account` declared in `cellId` and when (0 when none since it joined).
    function stateOf(uint256 cellId, address account) external view returns (string memory state, uint64 declaredAt);

    /// @notice Who makes the final call on `topic` for `cellId`, walking up to the nearest ancestor that
    /// defines one. `definedAt` is the cell the answer came from (0 with a zero owner when nobody does).
    function decisionOwner(uint256 cellId, bytes32 topic) external view returns (address owner, uint256 definedAt);

    /// @notice The owner of `topic` set on `cellId` itself, without escalation.
    function localDecisionOwner(uint256 cellId, bytes32 topic) external view returns (address);

    function governance() external view returns (address);
    function isRecognised(uint256 cellId) external view returns (bool);
    function isRecognisedAt(uint256 cellId, uint256 timepoint) external view returns (bool);
    function recognisedCount() external view returns (uint256);
    function recognisedCountAt(uint256 timepoint) external view returns (uint256);
    function delegateOf(uint256 cellId) external view returns (address);
    function delegateAt(uint256 cellId, uint256 timepoint) external view returns (address);

    /// @notice Operational-house seats `account` holds now, as booked: 1 when it is the delegate of a recognised
    /// cell, else 0 (one seat per account). They count as votes {SEAT_DELAY} later ({getVotes}).
    function seatsOf(address account) external view returns (uint256);

    /// @notice Seats `account` held at past `timepoint` (ERC-6372 timestamp; refused for now or the future).
    function seatsAt(address account, uint256 timepoint) external view returns (uint256);

    /// @notice ERC-5805 votes of `account` now: the seats it held {SEAT_DELAY} ago (seat changes count only
    /// after the delay, S1).
    function getVotes(address account) external view returns (uint256);

    /// @notice ERC-5805 votes at past `timepoint`: {seatsAt} at `timepoint - SEAT_DELAY`.
    function getPastVotes(address account, uint256 timepoint) external view returns (uint256);

    /// @notice ERC-5805 total at past `timepoint`: the seats held (recognised cells with a delegate) at
    /// `timepoint - SEAT_DELAY`. Seats nobody holds are not counted, so they never weigh on the quorum (S3).
    function getPastTotalSupply(uint256 timepoint) external view returns (uint256);

    /// @notice Seconds between a seat change (a delegate appointed, removed or leaving in a recognised cell, a
    /// recognition) and the moment it counts as votes in the operational house (7 days: more than the longest
    /// voting delay, so a proposal already open is never reached by it).
    // solhint-disable-next-line func-name-mixedcase
    function SEAT_DELAY() external view returns (uint256);

    /// @notice Seats held now (recognised cells with a delegate), as booked; votes count them {SEAT_DELAY} later.
    function heldSeats() external view returns (uint256);

    /// @notice Seats held at `timepoint` (booked), as {heldSeats}.
    function heldSeatsAt(uint256 timepoint) external view returns (uint256);
}
