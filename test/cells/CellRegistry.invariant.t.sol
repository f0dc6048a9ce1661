// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test, Vm} from "../utils/Test.sol";
import {CellRegistry} from "../../contracts/cells/CellRegistry.sol";
import {
    ICellRegistry,
    ROLE_MEMBER,
    ROLE_STEWARD,
    ROLE_DELEGATE,
    ROLES_ALL
} from "../../contracts/cells/ICellRegistry.sol";

/// @notice Drives a {CellRegistry} with random, mostly valid call sequences from six fixed actors over at
/// most MAX_CELLS cells, and keeps a ghost model of what the registry should hold.
///
/// @dev Every action first predicts its outcome from the model: success, or the exact revert data (same
/// checks, same order as the contract). The call is then made under try/catch, so expected refusals do not
/// abort the run, and any disagreement between the registry and the model is counted in `mismatches` (with
/// the first one described in `firstMismatch`), which an invariant requires to stay zero. The model is
/// only updated from calls that succeeded.
///
/// Steering: most seeds pick a caller/account that makes the call valid (a steward of the cell, a member
/// to remove, an account with a pending request...); one seed in eight keeps the raw random choice so that
/// refusals are exercised too.
contract CellRegistryHandler {
    Vm internal constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    uint256 public constant ACTORS = 6;
    uint256 public constant MAX_CELLS = 14;
    uint256 public constant BOOTSTRAP_DEPTH = 6;
    uint256 public constant TOPICS = 2;
    uint8 public constant MAX_DEPTH = 8;
    uint256 public constant SNAPSHOTS = 4;

    CellRegistry public immutable registry;
    address public immutable governance;

    address[ACTORS] internal _actors;
    bytes32[TOPICS] internal _topics;

    // ─────────────────────────────────────────────────────────────── ghost model

    /// @dev Cell ids in creation order (ids are 1..cells.length).
    uint256[] public cells;
    mapping(uint256 cellId => uint256) public ghostParent;
    mapping(uint256 cellId => uint8) public ghostDepth;
    mapping(uint256 cellId => mapping(address account => uint8)) public ghostRoles;
    mapping(uint256 cellId => mapping(address account => bool)) public ghostPending;
    mapping(uint256 cellId => mapping(address account => bool)) public ghostStateDeclared;
    mapping(uint256 cellId => mapping(bytes32 topic => address)) public ghostLocalOwner;
    mapping(uint256 cellId => bool) public ghostRecognised;
    uint256 public ghostRecognisedCount;

    // ─────────────────────────────────────────────────────────────── history snapshots

    /// @dev Taken by `warp` just before time moves on: the state at `snapshotTime` is final from then on.
    uint256[SNAPSHOTS] public snapshotTimes;
    uint256[SNAPSHOTS] public snapshotRecognisedCounts;
    uint256 public snapshotCount;
    /// @dev The delegates at the latest snapshot.
    mapping(uint256 cellId => address) public snapshotDelegate;
    /// @dev Seats per actor at the latest snapshot (recognised cells it was the delegate of).
    mapping(address account => uint256) public snapshotSeats;
    uint256 public snapshotCells;

    // ─────────────────────────────────────────────────────────────── accounting

    uint256 public calls; // registry calls made by actions
    uint256 public successes; // ...that succeeded as the model predicted
    uint256 public refusals; // ...that reverted with exactly the predicted error
    uint256 public mismatches; // ...whose outcome differed from the model
    string public firstMismatch;
    uint256 public skips; // actions that made no call (e.g. the cell cap was reached)
    uint256 public cellsCreated; // successful createCell calls (including the bootstrap)
    uint256 public netMemberships; // accounts that gained roles minus accounts that lost them, all cells
    uint256 public depthLimitHits; // createCell refused with CellDepthLimit

    constructor(CellRegistry registry_, address governance_) {
        registry = registry_;
        governance = governance_;
        for (uint256 i = 0; i < ACTORS; ++i) _actors[i] = address(uint160(0xC0DE00 + i));
        _topics[0] = keccak256("topic 0");
        _topics[1] = keccak256("topic 1");
        // Bootstrap: a chain of BOOTSTRAP_DEPTH cells under one top-level cell of actor 0, so that every
        // action has cells to work on from the first call and MAX_DEPTH is a few calls away even in short runs.
        uint256 parentId;
        for (uint256 i = 0; i < BOOTSTRAP_DEPTH; ++i) {
            vm.prank(_actors[0]);
            uint256 id = registry.createCell(parentId, "bootstrap", "", bytes32(0));
            _recordCell(id, parentId, _actors[0]);
            parentId = id;
        }
    }

    // ═══════════════════════════════════════════════════════════════ actions

    /// @notice Anyone creates a top-level cell (always valid while under the cap).
    function createTopLevelCell(uint256 actorSeed) external {
        if (cells.length >= MAX_CELLS) {
            ++skips;
            return;
        }
        _createCell(_actor(actorSeed), 0);
    }

    /// @notice Creates a child of a random cell, or (one seed in two) of the deepest cell to reach MAX_DEPTH.
    function createChildCell(uint256 actorSeed, uint256 parentSeed) external {
        if (cells.length >= MAX_CELLS) {
            ++skips;
            return;
        }
        uint256 parentId = parentSeed % 2 == 0 ? _deepestCell() : _cell(parentSeed >> 1);
        address actor = _steer(actorSeed) ? _stewardOf(parentId, actorSeed) : _actor(actorSeed);
        _createCell(actor, parentId);
    }

    function addMember(uint256 actorSeed, uint256 cellSeed, uint256 accountSeed, uint256 rolesSeed) external {
        uint256 cellId = _cell(cellSeed);
        address actor = _steer(actorSeed) ? _stewardOf(cellId, actorSeed) : _actor(actorSeed);
        address account =
            accountSeed % 32 == 0
                ? address(0)
                : (_steer(accountSeed) ? _nonMemberOf(cellId, accountSeed) : _actor(accountSeed));
        uint8 roles = _roles(rolesSeed);

        bytes memory expected;
        if (!_ghostIsSteward(cellId, actor)) expected = _err(ICellRegistry.CellNotSteward.selector, cellId, actor);
        else if (account == address(0)) expected = abi.encodeWithSelector(ICellRegistry.CellZeroAddress.selector);
        else if (!_validRoles(roles)) expected = abi.encodeWithSelector(ICellRegistry.CellInvalidRoles.selector, roles);
        else if (ghostRoles[cellId][account] != 0)
            expected = _err(ICellRegistry.CellAlreadyMember.selector, cellId, account);
        else expected = _roleChangeRefusal(cellId, account, 0, roles, actor);

        vm.prank(actor);
        try registry.addMember(cellId, account, roles) {
            if (_succeeded(expected, "addMember")) _setRoles(cellId, account, roles);
        } catch (bytes memory reason) {
            _refused(reason, expected, "addMember");
        }
    }

    function setRoles(uint256 actorSeed, uint256 cellSeed, uint256 accountSeed, uint256 rolesSeed) external {
        uint256 cellId = _steer(cellSeed) ? _cellWithMembers(cellSeed) : _cell(cellSeed);
        address actor = _steer(actorSeed) ? _stewardOf(cellId, actorSeed) : _actor(actorSeed);
        address account = _steer(accountSeed) ? _memberOf(cellId, accountSeed) : _actor(accountSeed);
        uint8 roles = _roles(rolesSeed);
        uint8 previous = ghostRoles[cellId][account];

        bytes memory expected;
        if (!_ghostIsSteward(cellId, actor)) expected = _err(ICellRegistry.CellNotSteward.selector, cellId, actor);
        else if (!_validRoles(roles)) expected = abi.encodeWithSelector(ICellRegistry.CellInvalidRoles.selector, roles);
        else if (previous == 0) expected = _err(ICellRegistry.CellNotMember.selector, cellId, account);
        else expected = _roleChangeRefusal(cellId, account, previous, roles, actor);

        vm.prank(actor);
        try registry.setRoles(cellId, account, roles) {
            if (_succeeded(expected, "setRoles")) _setRoles(cellId, account, roles);
        } catch (bytes memory reason) {
            _refused(reason, expected, "setRoles");
        }
    }

    function removeMember(uint256 actorSeed, uint256 cellSeed, uint256 accountSeed) external {
        uint256 cellId = _steer(cellSeed) ? _cellWithMembers(cellSeed) : _cell(cellSeed);
        address actor = _steer(actorSeed) ? _stewardOf(cellId, actorSeed) : _actor(actorSeed);
        address account = _steer(accountSeed) ? _removableMemberOf(cellId, accountSeed) : _actor(accountSeed);
        uint8 previous = ghostRoles[cellId][account];

        bytes memory expected;
        if (!_ghostIsSteward(cellId, actor)) expected = _err(ICellRegistry.CellNotSteward.selector, cellId, actor);
        else if (previous == 0) expected = _err(ICellRegistry.CellNotMember.selector, cellId, account);
        else expected = _roleChangeRefusal(cellId, account, previous, 0, actor);

        vm.prank(actor);
        try registry.removeMember(cellId, account) {
            if (_succeeded(expected, "removeMember")) _setRoles(cellId, account, 0);
        } catch (bytes memory reason) {
            _refused(reason, expected, "removeMember");
        }
    }

    function leave(uint256 actorSeed, uint256 cellSeed) external {
        uint256 cellId = _steer(cellSeed) ? _cellWithMembers(cellSeed) : _cell(cellSeed);
        address actor = _steer(actorSeed) ? _removableMemberOf(cellId, actorSeed) : _actor(actorSeed);
        uint8 previous = ghostRoles[cellId][actor];

        bytes memory expected =
            previous == 0
                ? _err(ICellRegistry.CellNotMember.selector, cellId, actor)
                : _roleChangeRefusal(cellId, actor, previous, 0, actor);

        vm.prank(actor);
        try registry.leave(cellId) {
            if (_succeeded(expected, "leave")) _setRoles(cellId, actor, 0);
        } catch (bytes memory reason) {
            _refused(reason, expected, "leave");
        }
    }

    function requestToJoin(uint256 actorSeed, uint256 cellSeed) external {
        uint256 cellId = _cell(cellSeed);
        // Unsteered: an account that already asked, if any (exercises CellJoinRequestPending).
        _requestToJoin(cellId, _steer(actorSeed) ? _nonMemberOf(cellId, actorSeed) : _pendingOf(cellId, actorSeed));
    }

    function cancelJoinRequest(uint256 actorSeed, uint256 cellSeed) external {
        uint256 cellId = _steer(cellSeed) ? _cellWithPending(cellSeed) : _cell(cellSeed);
        address actor = _steer(actorSeed) ? _pendingOf(cellId, actorSeed) : _actor(actorSeed);
        if (_steer(actorSeed)) _ensureRequest(cellId, actor);

        bytes memory expected;
        if (!ghostPending[cellId][actor]) expected = _err(ICellRegistry.CellNoJoinRequest.selector, cellId, actor);

        vm.prank(actor);
        try registry.cancelJoinRequest(cellId) {
            if (_succeeded(expected, "cancelJoinRequest")) ghostPending[cellId][actor] = false;
        } catch (bytes memory reason) {
            _refused(reason, expected, "cancelJoinRequest");
        }
    }

    function approveJoin(uint256 actorSeed, uint256 cellSeed, uint256 accountSeed) external {
        uint256 cellId = _steer(cellSeed) ? _cellWithPending(cellSeed) : _cell(cellSeed);
        address actor = _steer(actorSeed) ? _stewardOf(cellId, actorSeed) : _actor(actorSeed);
        address account = _steer(accountSeed) ? _pendingOf(cellId, accountSeed) : _actor(accountSeed);
        if (_steer(accountSeed)) _ensureRequest(cellId, account);

        bytes memory expected;
        if (!_ghostIsSteward(cellId, actor)) expected = _err(ICellRegistry.CellNotSteward.selector, cellId, actor);
        else if (!ghostPending[cellId][account])
            expected = _err(ICellRegistry.CellNoJoinRequest.selector, cellId, account);

        vm.prank(actor);
        try registry.approveJoin(cellId, account) {
            if (_succeeded(expected, "approveJoin")) _setRoles(cellId, account, ROLE_MEMBER);
        } catch (bytes memory reason) {
            _refused(reason, expected, "approveJoin");
        }
    }

    function rejectJoin(uint256 actorSeed, uint256 cellSeed, uint256 accountSeed) external {
        uint256 cellId = _steer(cellSeed) ? _cellWithPending(cellSeed) : _cell(cellSeed);
        address actor = _steer(actorSeed) ? _stewardOf(cellId, actorSeed) : _actor(actorSeed);
        address account = _steer(accountSeed) ? _pendingOf(cellId, accountSeed) : _actor(accountSeed);
        if (_steer(accountSeed)) _ensureRequest(cellId, account);

        bytes memory expected;
        if (!_ghostIsSteward(cellId, actor)) expected = _err(ICellRegistry.CellNotSteward.selector, cellId, actor);
        else if (!ghostPending[cellId][account])
            expected = _err(ICellRegistry.CellNoJoinRequest.selector, cellId, account);

        vm.prank(actor);
        try registry.rejectJoin(cellId, account) {
            if (_succeeded(expected, "rejectJoin")) ghostPending[cellId][account] = false;
        } catch (bytes memory reason) {
            _refused(reason, expected, "rejectJoin");
        }
    }

    /// @notice A member declares a state (tracked so that "cleared on leave" is checked under random sequences).
    function declareState(uint256 actorSeed, uint256 cellSeed) external {
        uint256 cellId = _steer(cellSeed) ? _cellWithMembers(cellSeed) : _cell(cellSeed);
        address actor = _steer(actorSeed) ? _memberOf(cellId, actorSeed) : _actor(actorSeed);

        bytes memory expected;
        if (ghostRoles[cellId][actor] == 0) expected = _err(ICellRegistry.CellNotMember.selector, cellId, actor);

        vm.prank(actor);
        try registry.declareState(cellId, "busy") {
            if (_succeeded(expected, "declareState")) ghostStateDeclared[cellId][actor] = true;
        } catch (bytes memory reason) {
            _refused(reason, expected, "declareState");
        }
    }

    /// @notice A steward names (or, one seed in four, clears) the owner of one of two topics.
    function setDecisionOwner(uint256 actorSeed, uint256 cellSeed, uint256 topicSeed, uint256 ownerSeed) external {
        uint256 cellId = _cell(cellSeed);
        address actor = _steer(actorSeed) ? _stewardOf(cellId, actorSeed) : _actor(actorSeed);
        bytes32 topic = _topics[topicSeed % TOPICS];
        address owner = ownerSeed % 4 == 0 ? address(0) : _actor(ownerSeed);

        bytes memory expected;
        if (!_ghostIsSteward(cellId, actor)) expected = _err(ICellRegistry.CellNotSteward.selector, cellId, actor);

        vm.prank(actor);
        try registry.setDecisionOwner(cellId, topic, owner) {
            if (_succeeded(expected, "setDecisionOwner")) ghostLocalOwner[cellId][topic] = owner;
        } catch (bytes memory reason) {
            _refused(reason, expected, "setDecisionOwner");
        }
    }

    /// @notice Governance (or, one seed in eight, an actor) recognises or withdraws a cell.
    function setRecognised(uint256 callerSeed, uint256 cellSeed, bool recognised) external {
        uint256 cellId = _cell(cellSeed);
        address caller = _steer(callerSeed) ? governance : _actor(callerSeed);

        bytes memory expected;
        if (caller != governance)
            expected = abi.encodeWithSelector(ICellRegistry.CellUnauthorizedGovernance.selector, caller);
        else if (recognised && !ghostRecognised[cellId]) {
            address delegate = ghostDelegate(cellId);
            if (delegate != address(0) && _ghostSeats(delegate) != 0) {
                expected = abi.encodeWithSelector(ICellRegistry.CellAccountHoldsSeat.selector, delegate, cellId);
            }
        }

        vm.prank(caller);
        try registry.setRecognised(cellId, recognised) {
            if (_succeeded(expected, "setRecognised") && ghostRecognised[cellId] != recognised) {
                ghostRecognised[cellId] = recognised;
                if (recognised) ++ghostRecognisedCount;
                else --ghostRecognisedCount;
            }
        } catch (bytes memory reason) {
            _refused(reason, expected, "setRecognised");
        }
    }

    /// @notice Moves time forward (1 s .. 1 day) after taking a history snapshot of the current state.
    function warp(uint256 secondsSeed) external {
        uint256 slot = snapshotCount % SNAPSHOTS;
        snapshotTimes[slot] = block.timestamp;
        snapshotRecognisedCounts[slot] = ghostRecognisedCount;
        ++snapshotCount;
        snapshotCells = cells.length;
        for (uint256 i = 0; i < cells.length; ++i) snapshotDelegate[cells[i]] = ghostDelegate(cells[i]);
        for (uint256 j = 0; j < ACTORS; ++j) snapshotSeats[_actors[j]] = 0;
        for (uint256 i = 0; i < cells.length; ++i) {
            address delegate = ghostDelegate(cells[i]);
            if (delegate != address(0) && ghostRecognised[cells[i]]) ++snapshotSeats[delegate];
        }
        vm.warp(block.timestamp + 1 + (secondsSeed % 1 days));
    }

    // ═══════════════════════════════════════════════════════════════ model views (for the invariants)

    function cellsLength() external view returns (uint256) {
        return cells.length;
    }

    function actors() external view returns (address[ACTORS] memory) {
        return _actors;
    }

    function topics() external view returns (bytes32[TOPICS] memory) {
        return _topics;
    }

    /// @notice Accounts (actors) holding any role in `cellId` according to the model.
    function ghostMemberCount(uint256 cellId) public view returns (uint256 n) {
        for (uint256 i = 0; i < ACTORS; ++i) if (ghostRoles[cellId][_actors[i]] != 0) ++n;
    }

    /// @notice Accounts (actors) holding ROLE_STEWARD in `cellId` according to the model.
    function ghostStewardCount(uint256 cellId) public view returns (uint256 n) {
        for (uint256 i = 0; i < ACTORS; ++i) if (ghostRoles[cellId][_actors[i]] & ROLE_STEWARD != 0) ++n;
    }

    /// @notice How many actors hold ROLE_DELEGATE in `cellId`, and the last one found.
    function ghostDelegates(uint256 cellId) public view returns (uint256 n, address delegate) {
        for (uint256 i = 0; i < ACTORS; ++i) {
            if (ghostRoles[cellId][_actors[i]] & ROLE_DELEGATE != 0) {
                ++n;
                delegate = _actors[i];
            }
        }
    }

    function ghostDelegate(uint256 cellId) public view returns (address delegate) {
        (, delegate) = ghostDelegates(cellId);
    }

    /// @notice Stewardship as the model sees it: ROLE_STEWARD in the cell or any ancestor.
    function ghostIsSteward(uint256 cellId, address account) external view returns (bool) {
        return _ghostIsSteward(cellId, account);
    }

    /// @notice Decision-owner resolution as the model sees it: the nearest cell (self first) that sets one.
    function ghostDecisionOwner(uint256 cellId, bytes32 topic) external view returns (address, uint256) {
        for (uint256 id = cellId; id != 0; id = ghostParent[id]) {
            address owner = ghostLocalOwner[id][topic];
            if (owner != address(0)) return (owner, id);
        }
        return (address(0), 0);
    }

    /// @notice True when `ancestorId` is `cellId` or one of its ancestors in the model.
    function isSelfOrAncestor(uint256 ancestorId, uint256 cellId) external view returns (bool) {
        for (uint256 id = cellId; id != 0; id = ghostParent[id]) if (id == ancestorId) return true;
        return false;
    }

    // ═══════════════════════════════════════════════════════════════ internals

    function _requestToJoin(uint256 cellId, address actor) internal {
        bytes memory expected;
        if (ghostRoles[cellId][actor] != 0) expected = _err(ICellRegistry.CellAlreadyMember.selector, cellId, actor);
        else if (ghostPending[cellId][actor])
            expected = _err(ICellRegistry.CellJoinRequestPending.selector, cellId, actor);

        vm.prank(actor);
        try registry.requestToJoin(cellId) {
            if (_succeeded(expected, "requestToJoin")) ghostPending[cellId][actor] = true;
        } catch (bytes memory reason) {
            _refused(reason, expected, "requestToJoin");
        }
    }

    /// @dev Pending requests are rare (three actions close them, one opens them): a steered handshake
    /// action first opens the request it is about to close, when the account can still ask.
    function _ensureRequest(uint256 cellId, address account) internal {
        if (ghostRoles[cellId][account] == 0 && !ghostPending[cellId][account]) _requestToJoin(cellId, account);
    }

    function _createCell(address actor, uint256 parentId) internal {
        bytes memory expected;
        if (parentId != 0) {
            if (!_ghostIsSteward(parentId, actor))
                expected = _err(ICellRegistry.CellNotSteward.selector, parentId, actor);
            else if (ghostDepth[parentId] >= MAX_DEPTH)
                expected = abi.encodeWithSelector(ICellRegistry.CellDepthLimit.selector, parentId, MAX_DEPTH);
        }

        vm.prank(actor);
        try registry.createCell(parentId, "cell", "ipfs://cell", keccak256(abi.encode(parentId))) returns (uint256 id) {
            if (_succeeded(expected, "createCell")) {
                if (id != cells.length + 1) _mismatch("createCell: unexpected id");
                _recordCell(id, parentId, actor);
            }
        } catch (bytes memory reason) {
            if (_refused(reason, expected, "createCell") && parentId != 0 && ghostDepth[parentId] >= MAX_DEPTH) {
                ++depthLimitHits;
            }
        }
    }

    function _recordCell(uint256 id, uint256 parentId, address creator) internal {
        cells.push(id);
        ++cellsCreated;
        ghostParent[id] = parentId;
        ghostDepth[id] = parentId == 0 ? 1 : ghostDepth[parentId] + 1;
        if (parentId == 0) _setRoles(id, creator, ROLE_MEMBER | ROLE_STEWARD);
    }

    /// @dev Applies a role change to the model (any successful path: invite, approval, change, removal, leave).
    function _setRoles(uint256 cellId, address account, uint8 next) internal {
        uint8 previous = ghostRoles[cellId][account];
        if (previous == 0 && next != 0) ++netMemberships;
        if (previous != 0 && next == 0) --netMemberships;
        if (previous == 0 || next == 0) ghostStateDeclared[cellId][account] = false; // a new membership
        ghostPending[cellId][account] = false; // joining closes any request; members have none
        ghostRoles[cellId][account] = next;
    }

    /// @dev The refusal {CellRegistry._changeRoles} must give for previous -> next by `caller`, or empty:
    /// the recognised cell's seat guard first, the last-steward rule, then delegate uniqueness and one seat per
    /// account.
    function _roleChangeRefusal(
        uint256 cellId,
        address account,
        uint8 previous,
        uint8 next,
        address caller
    ) internal view returns (bytes memory) {
        if (
            (previous ^ next) & (ROLE_STEWARD | ROLE_DELEGATE) != 0 &&
            ghostRecognised[cellId] &&
            !(next == 0 && caller == account) &&
            caller != governance &&
            ghostRoles[cellId][caller] & ROLE_STEWARD == 0
        ) return _err(ICellRegistry.CellSeatChangeNotOwnSteward.selector, cellId, caller);
        bool losesStewardship = previous & ROLE_STEWARD != 0 && next & ROLE_STEWARD == 0;
        if (losesStewardship && ghostDepth[cellId] == 1 && ghostStewardCount(cellId) == 1) {
            return _err(ICellRegistry.CellLastSteward.selector, cellId, account);
        }
        return _delegateConflict(cellId, account, previous, next);
    }

    function _delegateConflict(
        uint256 cellId,
        address account,
        uint8 previous,
        uint8 next
    ) internal view returns (bytes memory) {
        if (previous & ROLE_DELEGATE == 0 && next & ROLE_DELEGATE != 0) {
            address current = ghostDelegate(cellId);
            if (current != address(0)) return _err(ICellRegistry.CellDelegateTaken.selector, cellId, current);
            if (ghostRecognised[cellId] && _ghostSeats(account) != 0) {
                return abi.encodeWithSelector(ICellRegistry.CellAccountHoldsSeat.selector, account, cellId);
            }
        }
        return "";
    }

    /// @dev Seats of `account` in the model: recognised cells it is the delegate of.
    function _ghostSeats(address account) internal view returns (uint256 n) {
        for (uint256 i = 0; i < cells.length; ++i) {
            if (ghostRecognised[cells[i]] && ghostDelegate(cells[i]) == account) ++n;
        }
    }

    /// @dev A call succeeded: fine when the model expected success. Returns whether to update the model.
    function _succeeded(bytes memory expected, string memory what) internal returns (bool) {
        ++calls;
        if (expected.length != 0) {
            _mismatch(string.concat(what, ": succeeded, the model expected a refusal"));
            return false;
        }
        ++successes;
        return true;
    }

    /// @dev A call reverted: fine when it reverted with exactly the predicted data.
    function _refused(bytes memory reason, bytes memory expected, string memory what) internal returns (bool) {
        ++calls;
        if (expected.length == 0 || keccak256(reason) != keccak256(expected)) {
            _mismatch(string.concat(what, expected.length == 0 ? ": unexpected refusal" : ": wrong refusal"));
            return false;
        }
        ++refusals;
        return true;
    }

    function _mismatch(string memory description) internal {
        if (mismatches == 0) firstMismatch = description;
        ++mismatches;
    }

    function _ghostIsSteward(uint256 cellId, address account) internal view returns (bool) {
        for (uint256 id = cellId; id != 0; id = ghostParent[id]) {
            if (ghostRoles[id][account] & ROLE_STEWARD != 0) return true;
        }
        return false;
    }

    function _validRoles(uint8 roles) internal pure returns (bool) {
        return roles & ROLE_MEMBER != 0 && roles & ~ROLES_ALL == 0;
    }

    /// @dev Seven seeds in eight steer toward a valid call.
    function _steer(uint256 seed) internal pure returns (bool) {
        return seed % 8 != 0;
    }

    /// @dev Mostly a valid role set (1, 3, 5, 7); one seed in eight is any uint8.
    function _roles(uint256 seed) internal pure returns (uint8) {
        if (seed % 8 == 0) return uint8(seed >> 8);
        return uint8(((seed >> 8) % 4) * 2 + 1);
    }

    function _actor(uint256 seed) internal view returns (address) {
        return _actors[seed % ACTORS];
    }

    function _cell(uint256 seed) internal view returns (uint256) {
        return cells[seed % cells.length];
    }

    /// @dev The first cell from `seed` on that has a member, else _cell(seed) (children start empty).
    function _cellWithMembers(uint256 seed) internal view returns (uint256) {
        for (uint256 k = 0; k < cells.length; ++k) {
            uint256 c = cells[(seed + k) % cells.length];
            if (ghostMemberCount(c) != 0) return c;
        }
        return _cell(seed);
    }

    /// @dev The first cell from `seed` on with a pending join request, else _cell(seed).
    function _cellWithPending(uint256 seed) internal view returns (uint256) {
        for (uint256 k = 0; k < cells.length; ++k) {
            uint256 c = cells[(seed + k) % cells.length];
            for (uint256 i = 0; i < ACTORS; ++i) if (ghostPending[c][_actors[i]]) return c;
        }
        return _cell(seed);
    }

    function _deepestCell() internal view returns (uint256 deepest) {
        for (uint256 i = 0; i < cells.length; ++i) {
            if (ghostDepth[cells[i]] >= ghostDepth[deepest]) deepest = cells[i];
        }
    }

    /// @dev The first actor from `seed` on that stewards `cellId` (directly or through an ancestor), else _actor(seed).
    function _stewardOf(uint256 cellId, uint256 seed) internal view returns (address) {
        for (uint256 k = 0; k < ACTORS; ++k) {
            address a = _actors[(seed + k) % ACTORS];
            if (_ghostIsSteward(cellId, a)) return a;
        }
        return _actor(seed);
    }

    function _memberOf(uint256 cellId, uint256 seed) internal view returns (address) {
        for (uint256 k = 0; k < ACTORS; ++k) {
            address a = _actors[(seed + k) % ACTORS];
            if (ghostRoles[cellId][a] != 0) return a;
        }
        return _actor(seed);
    }

    /// @dev Like _memberOf, but skips the last steward of a top-level cell (whose exit is refused).
    function _removableMemberOf(uint256 cellId, uint256 seed) internal view returns (address) {
        bool protectsLast = ghostDepth[cellId] == 1 && ghostStewardCount(cellId) == 1;
        for (uint256 k = 0; k < ACTORS; ++k) {
            address a = _actors[(seed + k) % ACTORS];
            uint8 roles = ghostRoles[cellId][a];
            if (roles != 0 && !(protectsLast && roles & ROLE_STEWARD != 0)) return a;
        }
        return _memberOf(cellId, seed);
    }

    function _nonMemberOf(uint256 cellId, uint256 seed) internal view returns (address) {
        for (uint256 k = 0; k < ACTORS; ++k) {
            address a = _actors[(seed + k) % ACTORS];
            if (ghostRoles[cellId][a] == 0 && !ghostPending[cellId][a]) return a;
        }
        return _actor(seed);
    }

    function _pendingOf(uint256 cellId, uint256 seed) internal view returns (address) {
        for (uint256 k = 0; k < ACTORS; ++k) {
            address a = _actors[(seed + k) % ACTORS];
            if (ghostPending[cellId][a]) return a;
        }
        return _actor(seed);
    }

    function _err(bytes4 selector, uint256 cellId, address account) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(selector, cellId, account);
    }
}

/// @notice Invariant tests for {CellRegistry}: after every call of a random handler sequence, the registry
/// must satisfy I1–I6 (see the contract's NatSpec), agree with the handler's ghost model, and answer history
/// reads as the state stood at earlier snapshots.
contract CellRegistryInvariantTest is Test {
    address internal constant GOV = address(0x6000);

    CellRegistry internal registry;
    CellRegistryHandler internal handler;

    function setUp() public {
        vm.warp(1_700_000_000);
        registry = new CellRegistry(GOV);
        handler = new CellRegistryHandler(registry, GOV);
        targetContract(address(handler));
    }

    /// @notice I1: a non-zero role set always includes ROLE_MEMBER and no reserved bit; and the registry's
    /// roles are the model's roles (every account of every cell, including stewardship through ancestors).
    function invariant_I1_roleSetsAreWellFormed() public view {
        uint256 n = handler.cellsLength();
        address[6] memory actors = handler.actors();
        for (uint256 i = 0; i < n; ++i) {
            uint256 c = handler.cells(i);
            for (uint256 j = 0; j < actors.length; ++j) {
                uint8 roles = registry.rolesOf(c, actors[j]);
                if (roles != 0) {
                    assertTrue(roles & ROLE_MEMBER != 0, "I1: non-zero roles without ROLE_MEMBER");
                    assertEq(roles & ~ROLES_ALL, 0, "I1: reserved role bit set");
                }
                assertEq(roles, handler.ghostRoles(c, actors[j]), "I1: roles differ from the model");
                assertEq(registry.isSteward(c, actors[j]), handler.ghostIsSteward(c, actors[j]), "isSteward");
            }
        }
    }

    /// @notice I2: memberCount(c) equals the number of accounts with non-zero roles in c.
    function invariant_I2_memberCountMatchesMembers() public view {
        uint256 n = handler.cellsLength();
        for (uint256 i = 0; i < n; ++i) {
            uint256 c = handler.cells(i);
            assertEq(registry.memberCount(c), handler.ghostMemberCount(c), "I2: memberCount");
        }
    }

    /// @notice I3: stewardCount(c) equals the number of accounts holding ROLE_STEWARD in c; and I4: a
    /// top-level cell always has at least one steward.
    function invariant_I3_I4_stewardCounts() public view {
        uint256 n = handler.cellsLength();
        for (uint256 i = 0; i < n; ++i) {
            uint256 c = handler.cells(i);
            ICellRegistry.CellInfo memory info = registry.getCell(c);
            assertEq(info.stewardCount, handler.ghostStewardCount(c), "I3: stewardCount");
            assertEq(info.memberCount, registry.memberCount(c), "getCell.memberCount");
            if (info.parentId == 0) assertGt(info.stewardCount, 0, "I4: top-level cell without a steward");
        }
    }

    /// @notice I5: depth(c) == depth(parent(c)) + 1 <= MAX_DEPTH (1 for top-level cells), and decisionOwner
    /// only ever answers from the cell itself or one of its ancestors, with the model's nearest owner.
    function invariant_I5_depthAndDecisionOwnerResolution() public view {
        uint256 n = handler.cellsLength();
        bytes32[2] memory topics = handler.topics();
        for (uint256 i = 0; i < n; ++i) {
            uint256 c = handler.cells(i);
            uint256 parent = registry.parentOf(c);
            uint256 depth = registry.depthOf(c);
            assertEq(parent, handler.ghostParent(c), "I5: parent differs from the model");
            assertEq(depth, parent == 0 ? 1 : uint256(registry.depthOf(parent)) + 1, "I5: depth != parent + 1");
            assertLe(depth, 8, "I5: deeper than MAX_DEPTH");
            for (uint256 t = 0; t < topics.length; ++t) {
                (address owner, uint256 definedAt) = registry.decisionOwner(c, topics[t]);
                (address ghostOwner, uint256 ghostDefinedAt) = handler.ghostDecisionOwner(c, topics[t]);
                assertEq(owner, ghostOwner, "I5: decision owner");
                assertEq(definedAt, ghostDefinedAt, "I5: definedAt");
                if (owner == address(0)) assertEq(definedAt, 0, "I5: no owner but definedAt set");
                else assertTrue(handler.isSelfOrAncestor(definedAt, c), "I5: definedAt outside the ancestry");
            }
        }
    }

    /// @notice I6: at most one account holds ROLE_DELEGATE in a cell, and delegateOf(c) is that account.
    function invariant_I6_singleDelegate() public view {
        uint256 n = handler.cellsLength();
        for (uint256 i = 0; i < n; ++i) {
            uint256 c = handler.cells(i);
            (uint256 holders, address delegate) = handler.ghostDelegates(c);
            assertLe(holders, 1, "I6: more than one delegate");
            assertEq(registry.delegateOf(c), delegate, "I6: delegateOf");
            assertEq(registry.getCell(c).delegate, delegate, "I6: getCell.delegate");
            if (delegate != address(0)) {
                assertTrue(registry.rolesOf(c, delegate) & ROLE_DELEGATE != 0, "I6: delegate lacks the role");
            }
        }
    }

    /// @notice I7: every actor's seats are the recognised cells it is the delegate of (model), and the sum of
    /// seats equals the number of recognised cells that have a delegate; the ERC-5805 names agree.
    function invariant_I7_seatsMatchRecognisedDelegates() public view {
        uint256 n = handler.cellsLength();
        address[6] memory actors = handler.actors();
        uint256 withDelegate;
        uint256[6] memory expected;
        for (uint256 i = 0; i < n; ++i) {
            uint256 c = handler.cells(i);
            address delegate = registry.delegateOf(c);
            if (!registry.isRecognised(c) || delegate == address(0)) continue;
            ++withDelegate;
            for (uint256 j = 0; j < actors.length; ++j) if (actors[j] == delegate) ++expected[j];
        }
        uint256 sum;
        for (uint256 j = 0; j < actors.length; ++j) {
            uint256 seats = registry.seatsOf(actors[j]);
            assertEq(seats, expected[j], "I7: seatsOf differs from the recognised cells delegated to the actor");
            assertLe(seats, 1, "I8: more than one seat");
            uint256 delay = registry.SEAT_DELAY();
            assertEq(
                registry.getVotes(actors[j]),
                registry.seatsAt(actors[j], block.timestamp - delay),
                "votes are the seats SEAT_DELAY ago"
            );
            sum += seats;
        }
        assertEq(sum, withDelegate, "I7: sum of seats != recognised cells with a delegate");
        assertLe(sum, registry.recognisedCount(), "I7: more seats than recognised cells");
    }

    /// @notice recognisedCount equals the number of recognised cells, and each cell's flag matches the model.
    function invariant_recognisedCountMatchesCells() public view {
        uint256 n = handler.cellsLength();
        uint256 recognised;
        for (uint256 i = 0; i < n; ++i) {
            uint256 c = handler.cells(i);
            bool flag = registry.isRecognised(c);
            assertEq(flag, handler.ghostRecognised(c), "isRecognised");
            if (flag) ++recognised;
        }
        assertEq(registry.recognisedCount(), recognised, "recognisedCount != recognised cells");
        assertEq(recognised, handler.ghostRecognisedCount(), "recognisedCount differs from the model");
    }

    /// @notice Join requests only exist for non-members; states are only visible for current members who
    /// declared one since joining (so a state never survives leaving and rejoining).
    function invariant_joinRequestsAndStates() public view {
        uint256 n = handler.cellsLength();
        address[6] memory actors = handler.actors();
        for (uint256 i = 0; i < n; ++i) {
            uint256 c = handler.cells(i);
            for (uint256 j = 0; j < actors.length; ++j) {
                address a = actors[j];
                bool pending = registry.joinRequestedAt(c, a) != 0;
                assertEq(pending, handler.ghostPending(c, a), "pending request differs from the model");
                if (pending) assertEq(registry.rolesOf(c, a), 0, "a member has a pending request");
                (, uint64 declaredAt) = registry.stateOf(c, a);
                assertEq(declaredAt != 0, handler.ghostStateDeclared(c, a), "state differs from the model");
            }
        }
    }

    /// @notice History reads at past snapshots return the values the model held then.
    function invariant_historyMatchesSnapshots() public view {
        uint256 taken = handler.snapshotCount();
        uint256 kept = taken < 4 ? taken : 4;
        for (uint256 s = 0; s < kept; ++s) {
            uint256 t = handler.snapshotTimes(s);
            assertLt(t, block.timestamp, "snapshot not in the past");
            assertEq(registry.recognisedCountAt(t), handler.snapshotRecognisedCounts(s), "recognisedCountAt");
        }
        if (taken == 0) return;
        uint256 latest = handler.snapshotTimes((taken - 1) % 4);
        uint256 cellsThen = handler.snapshotCells();
        for (uint256 i = 0; i < cellsThen; ++i) {
            uint256 c = handler.cells(i);
            assertEq(registry.delegateAt(c, latest), handler.snapshotDelegate(c), "delegateAt");
        }
        address[6] memory actors = handler.actors();
        uint256 held;
        for (uint256 j = 0; j < actors.length; ++j) {
            assertEq(registry.seatsAt(actors[j], latest), handler.snapshotSeats(actors[j]), "seatsAt");
            held += handler.snapshotSeats(actors[j]);
            assertEq(
                registry.getPastVotes(actors[j], latest),
                registry.seatsAt(actors[j], latest - registry.SEAT_DELAY()),
                "getPastVotes = seats SEAT_DELAY earlier"
            );
        }
        assertEq(registry.heldSeatsAt(latest), held, "heldSeatsAt = held seats of the model");
        assertEq(
            registry.getPastTotalSupply(latest),
            registry.heldSeatsAt(latest - registry.SEAT_DELAY()),
            "getPastTotalSupply = held seats SEAT_DELAY earlier"
        );
    }

    /// @notice The run is not vacuous and the handler agrees with the registry: every call the handler made
    /// either succeeded or was refused exactly as predicted (no mismatch); the number of cells and the net
    /// number of memberships created by successful calls are what the registry holds.
    function invariant_handlerAgreesWithRegistry() public view {
        assertEq(handler.mismatches(), 0, string.concat("model mismatch: ", handler.firstMismatch()));
        assertEq(handler.calls(), handler.successes() + handler.refusals(), "calls != successes + refusals");
        assertEq(registry.cellCount(), handler.cellsCreated(), "cellCount != successful createCell calls");
        assertEq(registry.cellCount(), handler.cellsLength(), "cellCount != model cells");
        uint256 n = handler.cellsLength();
        uint256 total;
        for (uint256 i = 0; i < n; ++i) total += registry.memberCount(handler.cells(i));
        assertEq(total, handler.netMemberships(), "sum of memberCount != net memberships of successful calls");
        // The bootstrap cell exists and has a member from the first call on.
        assertGt(total, 0, "no memberships at all");
    }
}
