// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";

import {ICommunityHouse, IGovernanceClassifier} from "./IConcordGovernance.sol";
import {HouseRules} from "./HouseRules.sol";

/// @title GovernanceClassifier
/// @notice Judges whether a proposal's calls are constitutional (need both houses and the longer delay) or
/// operational (the operational house alone, under the community's veto). The operational house asks it at
/// propose time; the SDK asks it before sending, so that a user learns the kind of a proposal in advance.
///
/// @dev A call `(target, data)` is constitutional when any of these holds:
/// - `target` is this classifier or the timelock (always, whatever the list says);
/// - `target` holds the timelock's CANCELLER_ROLE: both houses do (the operational house to cancel queued
///   proposals, the community house to veto), so the houses are governance without being listed, and a contract
///   given that role later (only by a constitutional proposal) is too;
/// - `target` is a listed whole target (the houses, the membership token...): any call, any value;
/// - `target` has listed selectors and `data` is shorter than 4 bytes (value transfers, fallbacks), starts with
///   a listed selector, or is `multicall(bytes[])` (a batch could hide a listed selector; it is treated as
///   constitutional as a whole rather than decoded).
/// The list is changed only by the timelock, and calls to this classifier are constitutional, so only
/// constitutional proposals can change what is constitutional. Classification of a proposal is O(calls) with
/// one or two storage reads per call.
/// @dev The community house's vote counts and token (OpenZeppelin's Governor counting and votes extensions).
interface ICommunityCounts {
    function proposalVotes(uint256 proposalId) external view returns (uint256, uint256, uint256);
    function token() external view returns (IVotes);
}

contract GovernanceClassifier is IGovernanceClassifier {
    /// @dev `multicall(bytes[])` (OpenZeppelin Multicall: CellRegistry, AgreementRegistry, ResourceLeases, houses).
    bytes4 private constant MULTICALL_SELECTOR = 0xac9650d8;
    /// @dev TimelockController.CANCELLER_ROLE.
    bytes32 private constant CANCELLER_ROLE = keccak256("CANCELLER_ROLE");
    /// @dev `setRecognised(uint256,bool)`: a community remedy on the registry.
    bytes4 private constant SET_RECOGNISED_SELECTOR = 0x142f2271;

    address private immutable _TIMELOCK;

    mapping(address target => bool) private _listedTargets;
    mapping(address target => mapping(bytes4 selector => bool)) private _listedSelectors;
    mapping(address target => uint256) private _selectorCounts;

    modifier onlyGovernance() {
        if (msg.sender != _TIMELOCK) revert ClassifierUnauthorized(msg.sender);
        _;
    }

    /// @param timelock_ the timelock that holds every governance power (the only account that edits the list).
    /// @param targets_ whole targets to list (the membership token; the houses need not be listed).
    /// @param selectorTargets_ with `selectors_`: the (target, selector) pairs to list (e.g. CellRegistry's
    /// setRecognised and transferGovernance).
    constructor(
        address timelock_,
        address[] memory targets_,
        address[] memory selectorTargets_,
        bytes4[] memory selectors_
    ) {
        if (timelock_ == address(0)) revert ClassifierZeroAddress();
        if (selectorTargets_.length != selectors_.length) {
            revert ClassifierLengthMismatch(selectorTargets_.length, selectors_.length);
        }
        _TIMELOCK = timelock_;
        for (uint256 i = 0; i < targets_.length; ++i) _setTarget(targets_[i], true);
        for (uint256 i = 0; i < selectors_.length; ++i) _setSelector(selectorTargets_[i], selectors_[i], true);
    }

    /// @inheritdoc IGovernanceClassifier
    function classify(
        address[] calldata targets,
        bytes[] calldata calldatas
    ) external view returns (bool constitutional, uint256 firstConstitutionalIndex) {
        return _classify(targets, calldatas);
    }

    /// @inheritdoc IGovernanceClassifier
    function judge(
        uint256 proposalId,
        address community,
        address registry,
        address[] calldata targets,
        bytes[] calldata calldatas
    ) external view returns (Judgement memory j) {
        (j.constitutional, j.index) = _classify(targets, calldatas);
        (j.pins, j.digest) = HouseRules.record(targets, calldatas);
        if (!j.constitutional) return j;
        j.guarded = touchesGuardian(targets, calldatas);
        if (community == address(0)) return j;
        IGovernor house = IGovernor(community);
        uint256 snapshot = house.proposalSnapshot(proposalId);
        if (snapshot == 0 || house.state(proposalId) != IGovernor.ProposalState.Succeeded) return j;
        j.communityDeadline = house.proposalDeadline(proposalId);
        j.communityDigest = ICommunityHouse(community).proposalCodeDigest(proposalId);
        if (!isRemedy(registry, targets, calldatas)) return j;
        (, j.forVotes, ) = ICommunityCounts(community).proposalVotes(proposalId);
        uint256 supply = ICommunityCounts(community).token().getPastTotalSupply(snapshot);
        j.required = (supply * 2 + 2) / 3;
        j.remedy = j.forVotes >= j.required && j.forVotes != 0;
    }

    function _classify(
        address[] calldata targets,
        bytes[] calldata calldatas
    ) internal view returns (bool constitutional, uint256 firstConstitutionalIndex) {
        uint256 n = targets.length < calldatas.length ? targets.length : calldatas.length;
        for (uint256 i = 0; i < n; ++i) {
            if (_isConstitutional(targets[i], calldatas[i])) return (true, i);
        }
        return (false, targets.length);
    }

    /// @inheritdoc IGovernanceClassifier
    function isConstitutionalCall(address target, bytes calldata data) external view returns (bool) {
        return _isConstitutional(target, data);
    }

    /// @inheritdoc IGovernanceClassifier
    function setConstitutionalTarget(address target, bool listed) external onlyGovernance {
        _setTarget(target, listed);
    }

    /// @inheritdoc IGovernanceClassifier
    function setConstitutionalSelector(address target, bytes4 selector, bool listed) external onlyGovernance {
        _setSelector(target, selector, listed);
    }

    /// @inheritdoc IGovernanceClassifier
    function timelock() external view returns (address) {
        return _TIMELOCK;
    }

    /// @inheritdoc IGovernanceClassifier
    function isConstitutionalTarget(address target) public view returns (bool) {
        return
            target == address(this) ||
            target == _TIMELOCK ||
            _listedTargets[target] ||
            IAccessControl(_TIMELOCK).hasRole(CANCELLER_ROLE, target);
    }

    /// @inheritdoc IGovernanceClassifier
    function isConstitutionalSelector(address target, bytes4 selector) external view returns (bool) {
        return _listedSelectors[target][selector];
    }

    /// @inheritdoc IGovernanceClassifier
    function listedSelectorCount(address target) external view returns (uint256) {
        return _selectorCounts[target];
    }

    /// @inheritdoc IGovernanceClassifier
    function recordCodeHashes(
        address[] calldata targets,
        bytes[] calldata calldatas
    ) external view returns (bytes32[] memory pins, bytes32 digest) {
        return HouseRules.record(targets, calldatas);
    }

    /// @inheritdoc IGovernanceClassifier
    function currentCodeDigest(address[] calldata targets, bytes32 recorded) external view returns (bytes32) {
        return HouseRules.current(targets, recorded);
    }

    /// @inheritdoc IGovernanceClassifier
    function touchesGuardian(address[] calldata targets, bytes[] calldata calldatas) public view returns (bool) {
        for (uint256 i = 0; i < calldatas.length; ++i) {
            if (calldatas[i].length < 4) continue;
            bytes4 selector = bytes4(calldatas[i][:4]);
            if (selector == HouseRules.SET_GUARDIAN_SELECTOR) return true;
            if (selector == MULTICALL_SELECTOR && _isGovernance(targets[i])) return true;
        }
        return false;
    }

    /// @inheritdoc IGovernanceClassifier
    function isRemedy(
        address registry,
        address[] calldata targets,
        bytes[] calldata calldatas
    ) public view returns (bool) {
        for (uint256 i = 0; i < targets.length; ++i) {
            if (calldatas[i].length < 4) return false;
            bytes4 selector = bytes4(calldatas[i][:4]);
            bool remedy =
                (targets[i] == registry && selector == SET_RECOGNISED_SELECTOR) ||
                    (selector == HouseRules.SET_GUARDIAN_SELECTOR && _isGovernance(targets[i]));
            if (!remedy) return false;
        }
        return targets.length != 0;
    }

    /// @dev A house (or any holder of the timelock's CANCELLER_ROLE).
    function _isGovernance(address target) internal view returns (bool) {
        return IAccessControl(_TIMELOCK).hasRole(CANCELLER_ROLE, target);
    }

    function _isConstitutional(address target, bytes calldata data) internal view returns (bool) {
        if (isConstitutionalTarget(target)) return true;
        if (_selectorCounts[target] == 0) return false;
        if (data.length < 4) return true;
        bytes4 selector = bytes4(data[:4]);
        return selector == MULTICALL_SELECTOR || _listedSelectors[target][selector];
    }

    function _setTarget(address target, bool listed) internal {
        if (target == address(0)) revert ClassifierZeroAddress();
        _listedTargets[target] = listed;
        emit ConstitutionalTargetSet(target, listed);
    }

    function _setSelector(address target, bytes4 selector, bool listed) internal {
        if (target == address(0)) revert ClassifierZeroAddress();
        bool current = _listedSelectors[target][selector];
        if (current != listed) {
            _listedSelectors[target][selector] = listed;
            // Cannot underflow: a selector is only unlisted after it was listed and counted.
            if (listed) ++_selectorCounts[target];
            else --_selectorCounts[target];
        }
        emit ConstitutionalSelectorSet(target, selector, listed);
    }
}
