// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC6372} from "@openzeppelin/contracts/interfaces/IERC6372.sol";
import {Multicall} from "@openzeppelin/contracts/utils/Multicall.sol";
import {Checkpoints} from "@openzeppelin/contracts/utils/structs/Checkpoints.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Time} from "@openzeppelin/contracts/utils/types/Time.sol";

import {ICellRegistry, ROLE_MEMBER, ROLE_STEWARD, ROLE_DELEGATE, ROLES_ALL} from "./ICellRegistry.sol";

/// @title CellRegistry
/// @notice The registry of Concord cells: nested working groups with members, roles, a nucleus, a phase,
/// state declarations, intent signals and a decision-owner map that escalates to the parent cell.
///
/// @dev Design notes
/// - Names, nucleus URIs, intents live in events only; storage keeps what contracts need to decide
///   (hashes, counters, roles). The SDK rebuilds names and member lists from events.
/// - Every string is bounded ({MAX_NAME_LENGTH}, {MAX_URI_LENGTH}, {MAX_NOTE_LENGTH} bytes), so that nobody
///   can inflate the events every indexer and dashboard rebuilds from.
/// - Every walk up the tree is bounded by {MAX_DEPTH}: a cell's depth is fixed at creation and a child
///   is refused beyond the limit, so stewardship and decision-owner lookups cost at most MAX_DEPTH reads.
/// - Member lists are not enumerable on-chain (no unbounded arrays); counts are.
/// - Every role change goes through {_changeRoles}, which keeps the counters, the last-steward rule and
///   the delegate checkpoints consistent.
/// - The clock is ERC-6372 timestamp mode; delegate and recognition changes are checkpointed so that the
///   operational house can read seats as they stood at a proposal's snapshot.
///
/// Invariants (checked by test/cells/CellRegistry.invariant.t.sol):
/// - I1 a non-zero role set always includes ROLE_MEMBER and no reserved bit;
/// - I2 memberCount(c) equals the number of accounts with non-zero roles in c;
/// - I3 stewardCount(c) equals the number of accounts holding ROLE_STEWARD in c;
/// - I4 a top-level cell always has at least one steward;
/// - I5 depth(c) == depth(parent(c)) + 1 <= MAX_DEPTH, so every upward walk ends within MAX_DEPTH steps;
/// - I6 at most one account holds ROLE_DELEGATE in a cell, and delegateOf(c) is that account;
/// - I7 the sum of seatsOf(a) over all accounts equals heldSeats(), the number of recognised cells that have a
///   delegate, and seatsOf(a) is the number of recognised cells whose delegate is a (O(1) per change);
/// - I8 seatsOf(a) <= 1: one operational seat per account;
/// - votes are seats {SEAT_DELAY} later: getPastVotes(a, t) == seatsAt(a, t - SEAT_DELAY).
contract CellRegistry is ICellRegistry, IERC6372, Multicall {
    using Checkpoints for Checkpoints.Trace208;

    /// @notice The deepest a cell can be nested: a top-level cell has depth 1.
    uint8 public constant MAX_DEPTH = 8;
    /// @notice Up to this many members a cell has the collaboration scale.
    uint256 public constant COLLABORATION_MAX = 8;
    /// @notice Up to this many members a cell has the coordination scale; beyond it, constituency.
    uint256 public constant COORDINATION_MAX = 150;
    /// @notice Highest phase value (coordination).
    uint8 public constant MAX_PHASE = 3;
    /// @notice The longest cell name, in bytes (UTF-8): 64 bytes, 16 to 64 characters.
    uint256 public constant MAX_NAME_LENGTH = 64;
    /// @notice The longest nucleus URI, in bytes: room for any IPFS / Arweave URI or an https URL.
    uint256 public constant MAX_URI_LENGTH = 256;
    /// @notice The longest declared state or signalled intent, in bytes: a short status line.
    uint256 public constant MAX_NOTE_LENGTH = 280;
    /// @inheritdoc ICellRegistry
    uint256 public constant SEAT_DELAY = 7 days;

    // ─────────────────────────────────────────────────────────────── storage

    /// @dev One slot per cell.
    struct Cell {
        uint64 parentId; // ─┐ 8
        uint40 createdAt; //  │ 5
        uint32 memberCount; //  │ 4
        uint32 stewardCount; //  │ 4
        uint8 depth; //  │ 1  0 means the cell does not exist
        uint8 phase; // ─┘ 1  = 23 bytes
    }

    /// @dev One slot per (cell, account).
    /// One slot per (cell, account): an addMember or approveJoin touches a single slot for the account.
    struct Membership {
        uint8 roles; // ─┐ 1  0: not a member
        uint40 since; //  │ 5  when the account became a member
        uint40 stateDeclaredAt; //  │ 5  0: no state declared since joining
        uint40 joinRequestedAt; // ─┘ 5  0: no pending request (only while roles == 0)
    }

    address private _governance;
    uint256 private _cellCount;

    mapping(uint256 cellId => Cell) private _cells;
    mapping(uint256 cellId => bytes32) private _nucleusHashes;
    mapping(uint256 cellId => mapping(address account => Membership)) private _memberships;
    mapping(uint256 cellId => mapping(address account => string)) private _states;
    mapping(uint256 cellId => mapping(bytes32 topic => address)) private _decisionOwners;
    /// @dev Delegate address (as uint208) over time, per cell.
    mapping(uint256 cellId => Checkpoints.Trace208) private _delegates;
    /// @dev 1 while recognised, 0 otherwise, over time.
    mapping(uint256 cellId => Checkpoints.Trace208) private _recognition;
    Checkpoints.Trace208 private _recognisedCount;
    /// @dev Operational-house seats per account over time (I7), 0 or 1 (I8).
    mapping(address account => Checkpoints.Trace208) private _seats;
    /// @dev Seats held (recognised cells with a delegate) over time: the votes' total supply (I7).
    Checkpoints.Trace208 private _heldSeats;

    // ─────────────────────────────────────────────────────────────── modifiers

    modifier onlyGovernance() {
        if (msg.sender != _governance) revert CellUnauthorizedGovernance(msg.sender);
        _;
    }

    /// @dev A steward of the cell or of an ancestor; governance too for a recognised cell (a seat may be
    /// appointed by a governance decision, S1).
    modifier onlySteward(uint256 cellId) {
        _requireCell(cellId);
        if (!_isSteward(cellId, msg.sender) && !(msg.sender == _governance && _recognition[cellId].latest() != 0)) {
            revert CellNotSteward(cellId, msg.sender);
        }
        _;
    }

    /// @param initialGovernance the account that may recognise cells until it hands power to the timelock.
    constructor(address initialGovernance) {
        if (initialGovernance == address(0)) revert CellZeroAddress();
        _governance = initialGovernance;
        emit GovernanceTransferred(address(0), initialGovernance);
    }

    // ─────────────────────────────────────────────────────────────── cells

    /// @inheritdoc ICellRegistry
    function createCell(
        uint256 parentId,
        string calldata name,
        string calldata nucleusURI,
        bytes32 nucleusHash
    ) external returns (uint256 cellId) {
        if (bytes(name).length == 0) revert CellEmptyName();
        if (bytes(name).length > MAX_NAME_LENGTH) revert CellNameTooLong(bytes(name).length, MAX_NAME_LENGTH);
        _requireURILength(nucleusURI);
        uint8 depth = 1;
        if (parentId != 0) {
            Cell storage parent = _requireCell(parentId);
            if (!_isSteward(parentId, msg.sender)) revert CellNotSteward(parentId, msg.sender);
            if (parent.depth >= MAX_DEPTH) revert CellDepthLimit(parentId, MAX_DEPTH);
            depth = parent.depth + 1;
        }
        // Ids start at 1 so that 0 can mean "no parent". uint64 cannot overflow by counting transactions.
        cellId = ++_cellCount;
        Cell storage cell = _cells[cellId];
        cell.parentId = uint64(parentId); // an existing id, so it fits: ids count cells
        cell.createdAt = uint40(block.timestamp);
        cell.depth = depth;
        if (nucleusHash != bytes32(0)) _nucleusHashes[cellId] = nucleusHash;
        emit CellCreated(cellId, parentId, msg.sender, name, nucleusURI, nucleusHash);
        // A top-level cell starts with its creator as member and steward (I4 holds from creation).
        // A child starts empty: the stewards of its ancestors administer it and invite its members.
        if (parentId == 0) _changeRoles(cellId, cell, msg.sender, 0, ROLE_MEMBER | ROLE_STEWARD);
    }

    // ─────────────────────────────────────────────────────────────── membership

    /// @inheritdoc ICellRegistry
    function addMember(uint256 cellId, address account, uint8 roles) external onlySteward(cellId) {
        if (account == address(0)) revert CellZeroAddress();
        _validateRoles(roles);
        Membership storage membership = _memberships[cellId][account];
        if (membership.roles != 0) revert CellAlreadyMember(cellId, account);
        if (membership.joinRequestedAt != 0) emit JoinRequestClosed(cellId, account, msg.sender, true);
        _changeRoles(cellId, _cells[cellId], account, 0, roles);
    }

    /// @inheritdoc ICellRegistry
    function setRoles(uint256 cellId, address account, uint8 roles) external onlySteward(cellId) {
        _validateRoles(roles);
        uint8 previous = _memberships[cellId][account].roles;
        if (previous == 0) revert CellNotMember(cellId, account);
        _changeRoles(cellId, _cells[cellId], account, previous, roles);
    }

    /// @inheritdoc ICellRegistry
    function removeMember(uint256 cellId, address account) external onlySteward(cellId) {
        uint8 previous = _memberships[cellId][account].roles;
        if (previous == 0) revert CellNotMember(cellId, account);
        _changeRoles(cellId, _cells[cellId], account, previous, 0);
    }

    /// @inheritdoc ICellRegistry
    function leave(uint256 cellId) external {
        Cell storage cell = _requireCell(cellId);
        uint8 previous = _memberships[cellId][msg.sender].roles;
        if (previous == 0) revert CellNotMember(cellId, msg.sender);
        _changeRoles(cellId, cell, msg.sender, previous, 0);
    }

    /// @inheritdoc ICellRegistry
    function requestToJoin(uint256 cellId) external {
        _requireCell(cellId);
        Membership storage membership = _memberships[cellId][msg.sender];
        if (membership.roles != 0) revert CellAlreadyMember(cellId, msg.sender);
        if (membership.joinRequestedAt != 0) revert CellJoinRequestPending(cellId, msg.sender);
        membership.joinRequestedAt = uint40(block.timestamp);
        emit JoinRequested(cellId, msg.sender);
    }

    /// @inheritdoc ICellRegistry
    function cancelJoinRequest(uint256 cellId) external {
        _requireCell(cellId);
        _closeJoinRequest(cellId, msg.sender, false);
    }

    /// @inheritdoc ICellRegistry
    function approveJoin(uint256 cellId, address account) external onlySteward(cellId) {
        _closeJoinRequest(cellId, account, true);
        _changeRoles(cellId, _cells[cellId], account, 0, ROLE_MEMBER);
    }

    /// @inheritdoc ICellRegistry
    function rejectJoin(uint256 cellId, address account) external onlySteward(cellId) {
        _closeJoinRequest(cellId, account, false);
    }

    // ─────────────────────────────────────────────────────────────── cell life

    /// @inheritdoc ICellRegistry
    function setPhase(uint256 cellId, uint8 phase) external onlySteward(cellId) {
        if (phase > MAX_PHASE) revert CellInvalidPhase(phase);
        Cell storage cell = _cells[cellId];
        uint8 previous = cell.phase;
        cell.phase = phase;
        emit PhaseChanged(cellId, previous, phase, msg.sender);
    }

    /// @inheritdoc ICellRegistry
    function updateNucleus(
        uint256 cellId,
        string calldata nucleusURI,
        bytes32 nucleusHash
    ) external onlySteward(cellId) {
        _requireURILength(nucleusURI);
        _nucleusHashes[cellId] = nucleusHash;
        emit NucleusUpdated(cellId, nucleusURI, nucleusHash, msg.sender);
    }

    /// @inheritdoc ICellRegistry
    function declareState(uint256 cellId, string calldata state) external {
        Membership storage membership = _requireMember(cellId, msg.sender);
        if (bytes(state).length > MAX_NOTE_LENGTH) revert CellStateTooLong(bytes(state).length, MAX_NOTE_LENGTH);
        _states[cellId][msg.sender] = state;
        membership.stateDeclaredAt = uint40(block.timestamp);
        emit StateDeclared(cellId, msg.sender, state);
    }

    /// @inheritdoc ICellRegistry
    function signalIntent(uint256 cellId, string calldata intent, uint64 at) external {
        _requireMember(cellId, msg.sender);
        if (at < block.timestamp) revert CellIntentInPast(at, block.timestamp);
        if (bytes(intent).length > MAX_NOTE_LENGTH) revert CellIntentTooLong(bytes(intent).length, MAX_NOTE_LENGTH);
        emit IntentSignalled(cellId, msg.sender, intent, at);
    }

    /// @inheritdoc ICellRegistry
    function setDecisionOwner(uint256 cellId, bytes32 topic, address owner) external onlySteward(cellId) {
        _decisionOwners[cellId][topic] = owner;
        emit DecisionOwnerSet(cellId, topic, owner, msg.sender);
    }

    // ─────────────────────────────────────────────────────────────── governance

    /// @inheritdoc ICellRegistry
    function setRecognised(uint256 cellId, bool recognised) external onlyGovernance {
        _requireCell(cellId);
        bool current = _recognition[cellId].latest() != 0;
        if (current == recognised) return;
        _recognition[cellId].push(clock(), recognised ? 1 : 0);
        uint208 count = _recognisedCount.latest();
        // Cannot underflow: a cell is only un-recognised after it was recognised and counted.
        _recognisedCount.push(clock(), recognised ? count + 1 : count - 1);
        // I7: the cell's delegate (if any) gains or loses the cell's seat.
        address delegate = address(uint160(_delegates[cellId].latest()));
        if (delegate != address(0)) {
            if (recognised) _addSeat(delegate, cellId);
            else _removeSeat(delegate);
        }
        emit RecognitionChanged(cellId, recognised);
    }

    /// @inheritdoc ICellRegistry
    function transferGovernance(address newGovernance) external onlyGovernance {
        if (newGovernance == address(0)) revert CellZeroAddress();
        emit GovernanceTransferred(_governance, newGovernance);
        _governance = newGovernance;
    }

    // ─────────────────────────────────────────────────────────────── reads

    /// @inheritdoc ICellRegistry
    function rolesOf(uint256 cellId, address account) external view returns (uint8) {
        return _memberships[cellId][account].roles;
    }

    /// @inheritdoc ICellRegistry
    function membershipOf(uint256 cellId, address account) external view returns (MemberInfo memory) {
        Membership storage membership = _memberships[cellId][account];
        return
            MemberInfo({
                roles: membership.roles,
                since: membership.since,
                stateDeclaredAt: membership.stateDeclaredAt,
                joinRequestedAt: membership.joinRequestedAt
            });
    }

    /// @inheritdoc ICellRegistry
    function memberCount(uint256 cellId) external view returns (uint256) {
        return _requireCell(cellId).memberCount;
    }

    /// @inheritdoc ICellRegistry
    function parentOf(uint256 cellId) external view returns (uint256) {
        return _requireCell(cellId).parentId;
    }

    /// @inheritdoc ICellRegistry
    function phaseOf(uint256 cellId) external view returns (uint8) {
        return _requireCell(cellId).phase;
    }

    /// @inheritdoc ICellRegistry
    function scaleOf(uint256 cellId) external view returns (uint8) {
        return _scale(_requireCell(cellId).memberCount);
    }

    /// @inheritdoc ICellRegistry
    function depthOf(uint256 cellId) external view returns (uint8) {
        return _requireCell(cellId).depth;
    }

    /// @inheritdoc ICellRegistry
    function nucleusHashOf(uint256 cellId) external view returns (bytes32) {
        _requireCell(cellId);
        return _nucleusHashes[cellId];
    }

    /// @inheritdoc ICellRegistry
    function getCell(uint256 cellId) external view returns (CellInfo memory info) {
        Cell storage cell = _requireCell(cellId);
        info.parentId = cell.parentId;
        info.depth = cell.depth;
        info.phase = cell.phase;
        info.scale = _scale(cell.memberCount);
        info.createdAt = cell.createdAt;
        info.memberCount = cell.memberCount;
        info.stewardCount = cell.stewardCount;
        info.recognised = _recognition[cellId].latest() != 0;
        info.delegate = address(uint160(_delegates[cellId].latest()));
        info.nucleusHash = _nucleusHashes[cellId];
    }

    /// @inheritdoc ICellRegistry
    function cellCount() external view returns (uint256) {
        return _cellCount;
    }

    /// @inheritdoc ICellRegistry
    function exists(uint256 cellId) external view returns (bool) {
        return _cells[cellId].depth != 0;
    }

    /// @inheritdoc ICellRegistry
    function isMember(uint256 cellId, address account) external view returns (bool) {
        return _memberships[cellId][account].roles != 0;
    }

    /// @inheritdoc ICellRegistry
    function isSteward(uint256 cellId, address account) external view returns (bool) {
        return _cells[cellId].depth != 0 && _isSteward(cellId, account);
    }

    /// @inheritdoc ICellRegistry
    function joinRequestedAt(uint256 cellId, address account) external view returns (uint64) {
        return _memberships[cellId][account].joinRequestedAt;
    }

    /// @inheritdoc ICellRegistry
    function stateOf(uint256 cellId, address account) external view returns (string memory state, uint64 declaredAt) {
        declaredAt = _memberships[cellId][account].stateDeclaredAt;
        if (declaredAt != 0) state = _states[cellId][account];
    }

    /// @inheritdoc ICellRegistry
    function decisionOwner(uint256 cellId, bytes32 topic) external view returns (address owner, uint256 definedAt) {
        _requireCell(cellId);
        // Bounded by MAX_DEPTH iterations (I5).
        for (uint256 id = cellId; id != 0; id = _cells[id].parentId) {
            owner = _decisionOwners[id][topic];
            if (owner != address(0)) return (owner, id);
        }
        return (address(0), 0);
    }

    /// @inheritdoc ICellRegistry
    function localDecisionOwner(uint256 cellId, bytes32 topic) external view returns (address) {
        return _decisionOwners[cellId][topic];
    }

    /// @inheritdoc ICellRegistry
    function governance() external view returns (address) {
        return _governance;
    }

    /// @inheritdoc ICellRegistry
    function isRecognised(uint256 cellId) external view returns (bool) {
        return _recognition[cellId].latest() != 0;
    }

    /// @inheritdoc ICellRegistry
    function isRecognisedAt(uint256 cellId, uint256 timepoint) external view returns (bool) {
        return _recognition[cellId].upperLookupRecent(_pastTimepoint(timepoint)) != 0;
    }

    /// @inheritdoc ICellRegistry
    function recognisedCount() external view returns (uint256) {
        return _recognisedCount.latest();
    }

    /// @inheritdoc ICellRegistry
    function recognisedCountAt(uint256 timepoint) external view returns (uint256) {
        return _recognisedCount.upperLookupRecent(_pastTimepoint(timepoint));
    }

    /// @inheritdoc ICellRegistry
    function delegateOf(uint256 cellId) external view returns (address) {
        return address(uint160(_delegates[cellId].latest()));
    }

    /// @inheritdoc ICellRegistry
    function delegateAt(uint256 cellId, uint256 timepoint) external view returns (address) {
        return address(uint160(_delegates[cellId].upperLookupRecent(_pastTimepoint(timepoint))));
    }

    /// @inheritdoc ICellRegistry
    function seatsOf(address account) external view returns (uint256) {
        return _seats[account].latest();
    }

    /// @inheritdoc ICellRegistry
    function seatsAt(address account, uint256 timepoint) external view returns (uint256) {
        return _seats[account].upperLookupRecent(_pastTimepoint(timepoint));
    }

    /// @inheritdoc ICellRegistry
    function getVotes(address account) external view returns (uint256) {
        return _seats[account].upperLookupRecent(_seatTimepoint(clock()));
    }

    /// @inheritdoc ICellRegistry
    function getPastVotes(address account, uint256 timepoint) external view returns (uint256) {
        return _seats[account].upperLookupRecent(_seatTimepoint(_pastTimepoint(timepoint)));
    }

    /// @inheritdoc ICellRegistry
    function getPastTotalSupply(uint256 timepoint) external view returns (uint256) {
        return _heldSeats.upperLookupRecent(_seatTimepoint(_pastTimepoint(timepoint)));
    }

    /// @inheritdoc ICellRegistry
    function heldSeats() external view returns (uint256) {
        return _heldSeats.latest();
    }

    /// @inheritdoc ICellRegistry
    function heldSeatsAt(uint256 timepoint) external view returns (uint256) {
        return _heldSeats.upperLookupRecent(_pastTimepoint(timepoint));
    }

    /// @inheritdoc IERC6372
    function clock() public view returns (uint48) {
        return Time.timestamp();
    }

    /// @inheritdoc IERC6372
    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() external pure returns (string memory) {
        return "mode=timestamp";
    }

    // ─────────────────────────────────────────────────────────────── internals

    /// @dev The single path of every role change. Keeps I1–I4 and I6.
    function _changeRoles(uint256 cellId, Cell storage cell, address account, uint8 previous, uint8 next) internal {
        // S1: in a recognised cell, stewards and the delegate (who holds the seat) change only by the cell's own
        // stewards or governance (an ancestor's steward cannot take the seat); a member may always leave.
        if (
            (previous ^ next) & (ROLE_STEWARD | ROLE_DELEGATE) != 0 &&
            _recognition[cellId].latest() != 0 &&
            !(next == 0 && msg.sender == account) &&
            msg.sender != _governance &&
            _memberships[cellId][msg.sender].roles & ROLE_STEWARD == 0
        ) revert CellSeatChangeNotOwnSteward(cellId, msg.sender);
        bool wasSteward = previous & ROLE_STEWARD != 0;
        bool willSteward = next & ROLE_STEWARD != 0;
        if (wasSteward && !willSteward) {
            // I4: a top-level cell keeps at least one steward.
            if (cell.depth == 1 && cell.stewardCount == 1) revert CellLastSteward(cellId, account);
            --cell.stewardCount;
        } else if (!wasSteward && willSteward) {
            ++cell.stewardCount;
        }

        bool wasDelegate = previous & ROLE_DELEGATE != 0;
        bool willDelegate = next & ROLE_DELEGATE != 0;
        if (!wasDelegate && willDelegate) {
            address current = address(uint160(_delegates[cellId].latest()));
            if (current != address(0)) revert CellDelegateTaken(cellId, current);
            _delegates[cellId].push(clock(), uint160(account));
            if (_recognition[cellId].latest() != 0) _addSeat(account, cellId);
        } else if (wasDelegate && !willDelegate) {
            _delegates[cellId].push(clock(), 0);
            if (_recognition[cellId].latest() != 0) _removeSeat(account);
        }

        if (previous == 0) {
            ++cell.memberCount;
            _memberships[cellId][account] = Membership({
                roles: next,
                since: uint40(block.timestamp),
                stateDeclaredAt: 0,
                joinRequestedAt: 0
            });
        } else if (next == 0) {
            --cell.memberCount;
            delete _memberships[cellId][account];
        } else {
            _memberships[cellId][account].roles = next;
        }
        emit RolesChanged(cellId, account, previous, next, msg.sender);
    }

    /// @dev I7, I8: `account` becomes the delegate of recognised cell `cellId`; refused when it holds a seat.
    function _addSeat(address account, uint256 cellId) internal {
        if (_seats[account].latest() != 0) revert CellAccountHoldsSeat(account, cellId);
        _seats[account].push(clock(), 1);
        _heldSeats.push(clock(), _heldSeats.latest() + 1);
        emit SeatsChanged(account, 0, 1);
    }

    /// @dev I7: `account` stops being the delegate of a recognised cell (it held that cell's seat, I8).
    function _removeSeat(address account) internal {
        _seats[account].push(clock(), 0);
        // Cannot underflow: the seat was counted when it was added (I7).
        _heldSeats.push(clock(), _heldSeats.latest() - 1);
        emit SeatsChanged(account, 1, 0);
    }

    /// @dev The booked time whose seats count as votes at `timepoint` (S1: {SEAT_DELAY} earlier).
    function _seatTimepoint(uint48 timepoint) internal pure returns (uint48) {
        return timepoint > SEAT_DELAY ? uint48(timepoint - SEAT_DELAY) : 0;
    }

    /// @dev Refuses when no request is pending. On approval {_changeRoles} rewrites the whole slot.
    function _closeJoinRequest(uint256 cellId, address account, bool approved) internal {
        Membership storage membership = _memberships[cellId][account];
        if (membership.joinRequestedAt == 0) revert CellNoJoinRequest(cellId, account);
        if (!approved) membership.joinRequestedAt = 0;
        emit JoinRequestClosed(cellId, account, msg.sender, approved);
    }

    /// @dev I5 bounds this walk to MAX_DEPTH reads of the membership and the cell.
    function _isSteward(uint256 cellId, address account) internal view returns (bool) {
        for (uint256 id = cellId; id != 0; id = _cells[id].parentId) {
            if (_memberships[id][account].roles & ROLE_STEWARD != 0) return true;
        }
        return false;
    }

    function _requireCell(uint256 cellId) internal view returns (Cell storage cell) {
        cell = _cells[cellId];
        if (cell.depth == 0) revert CellNonexistent(cellId);
    }

    function _requireMember(uint256 cellId, address account) internal view returns (Membership storage membership) {
        _requireCell(cellId);
        membership = _memberships[cellId][account];
        if (membership.roles == 0) revert CellNotMember(cellId, account);
    }

    /// @dev I1: non-zero, ROLE_MEMBER set, no reserved bit.
    function _validateRoles(uint8 roles) internal pure {
        if (roles & ~ROLES_ALL != 0 || roles & ROLE_MEMBER == 0) revert CellInvalidRoles(roles);
    }

    function _requireURILength(string calldata uri) internal pure {
        if (bytes(uri).length > MAX_URI_LENGTH) revert CellURITooLong(bytes(uri).length, MAX_URI_LENGTH);
    }

    function _pastTimepoint(uint256 timepoint) internal view returns (uint48) {
        uint48 currentTime = clock();
        if (timepoint >= currentTime) revert CellFutureLookup(timepoint, currentTime);
        return SafeCast.toUint48(timepoint);
    }

    function _scale(uint256 members) internal pure returns (uint8) {
        if (members <= COLLABORATION_MAX) return 0;
        if (members <= COORDINATION_MAX) return 1;
        return 2;
    }
}
