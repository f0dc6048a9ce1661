// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Governor} from "@openzeppelin/contracts/governance/Governor.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {GovernorCountingSimple} from "@openzeppelin/contracts/governance/extensions/GovernorCountingSimple.sol";
import {GovernorProposalGuardian} from "@openzeppelin/contracts/governance/extensions/GovernorProposalGuardian.sol";
import {GovernorSettings} from "@openzeppelin/contracts/governance/extensions/GovernorSettings.sol";
import {GovernorVotes} from "@openzeppelin/contracts/governance/extensions/GovernorVotes.sol";
// solhint-disable-next-line max-line-length
import {GovernorVotesQuorumFraction} from "@openzeppelin/contracts/governance/extensions/GovernorVotesQuorumFraction.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {Multicall} from "@openzeppelin/contracts/utils/Multicall.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Time} from "@openzeppelin/contracts/utils/types/Time.sol";

import {ICommunityHouse, IGovernanceClassifier, IOperationalHouse, IConcordHouse} from "./IConcordGovernance.sol";

/// @notice Settings shared by both houses' constructors (one struct keeps the constructors readable).
struct HouseSettings {
    address guardian; // ─┐ 20  may cancel any proposal not yet executed; zero for none
    uint48 votingDelay; //  │ 6  seconds between proposal and snapshot
    uint32 votingPeriod; // ─┘ 4  seconds of voting
    uint256 proposalThreshold; // votes needed to propose
    uint256 quorumNumerator; // quorum fraction over 100 (OpenZeppelin's GovernorVotesQuorumFraction)
    uint256 quorumFloor; // absolute minimum quorum, in votes
}

/// @title OperationalHouse
/// @notice The operational house of a Concord DAO: one seat per recognised cell, held by the delegate its
/// stewards appoint. Votes are the seats at the proposal's snapshot, read from the CellRegistry's checkpoints
/// (ERC-5805 `getPastVotes`); the quorum is max(fraction of recognised cells at the snapshot, absolute floor).
///
/// Flows (one proposal id names a proposal in both houses, since `hashProposal` does not depend on the house):
/// - operational: `propose` here (refused, naming the call, when any call is constitutional) → seats vote →
///   `queue` schedules the calls in the timelock with its minimum delay, which is the community's veto window →
///   `execute` after the window unless the community house vetoed (cancelled the timelock operation);
/// - constitutional: the community house approves first; then anyone `propose`s the same calls here (no
///   threshold: the community already decided), seats vote, `queue` uses the longer {constitutionalDelay},
///   `execute`.
///
/// Defences: the EXTCODEHASH of every target is recorded (as one digest; the per-target hashes are in
/// {ProposalCodeHashes}) when the first vote on the proposal opens — here for operational proposals, in the
/// community house for constitutional ones — and `execute` is refused if any changed; votes come from past
/// snapshots; an optional guardian cancels any proposal not yet executed (a queued one is cancelled in the
/// timelock too).
///
/// @dev Timelock integration adapted from OpenZeppelin's GovernorTimelockControl (whose operation ids are
/// private and which always uses the minimum delay). Executors, proposers and cancellers of the timelock are the
/// houses only. Per-proposal extra storage: the timelock id (as in GovernorTimelockControl), the code digest, and
/// a flag for constitutional proposals (only written for them). Ids and digests are deleted on execution.
///
/// Classification is judged once, at `propose`: a later change of the constitutional list (itself a
/// constitutional decision) does not reclassify proposals already open; the community's veto still applies to
/// them.
///
/// Invariants: a proposal executes only after Succeeded here, scheduling with at least the timelock's minimum
/// delay (or the constitutional delay for constitutional proposals), and unchanged target code; a proposal with a
/// constitutional call exists here only if the community house reached Succeeded on the same id first.
contract OperationalHouse is
    IOperationalHouse,
    Governor,
    GovernorSettings,
    GovernorCountingSimple,
    GovernorVotes,
    GovernorVotesQuorumFraction,
    GovernorProposalGuardian,
    Multicall
{
    /// @dev EXTCODEHASH of an account without code (normalises never-used accounts, whose hash reads zero).
    bytes32 private constant EMPTY_CODE_HASH = keccak256("");

    TimelockController private immutable _TIMELOCK;
    IGovernanceClassifier private immutable _CLASSIFIER;
    address private immutable _DEPLOYER;

    address private _communityHouse;
    uint256 private _constitutionalDelay;
    uint256 private _quorumFloor;

    mapping(uint256 proposalId => bytes32) private _timelockIds;
    mapping(uint256 proposalId => bytes32) private _codeDigests;
    mapping(uint256 proposalId => bool) private _constitutional;

    /// @param registry the CellRegistry (seats as ERC-5805 votes, timestamp clock).
    /// @param timelock_ the TimelockController holding every governance power.
    /// @param classifier_ the classifier judging constitutional calls.
    /// @param settings voting delay/period, threshold, quorum fraction and floor, guardian.
    /// @param constitutionalDelay_ timelock delay of constitutional proposals (>= the timelock minimum).
    constructor(
        IVotes registry,
        TimelockController timelock_,
        IGovernanceClassifier classifier_,
        HouseSettings memory settings,
        uint256 constitutionalDelay_
    )
        Governor("Concord Operational House")
        GovernorSettings(settings.votingDelay, settings.votingPeriod, settings.proposalThreshold)
        GovernorVotes(registry)
        GovernorVotesQuorumFraction(settings.quorumNumerator)
    {
        if (address(timelock_) == address(0) || address(classifier_) == address(0)) revert OperationalZeroAddress();
        _TIMELOCK = timelock_;
        _CLASSIFIER = classifier_;
        _DEPLOYER = msg.sender;
        _setConstitutionalDelay(constitutionalDelay_);
        _setQuorumFloor(settings.quorumFloor);
        if (settings.guardian != address(0)) _setProposalGuardian(settings.guardian);
    }

    // ─────────────────────────────────────────────────────────────── proposing

    /// @notice Proposes calls. Operational calls: as OpenZeppelin's Governor (threshold, description rules).
    /// Constitutional calls: only when the community house reached Succeeded on the same proposal id, by anyone
    /// (the threshold does not apply); otherwise refused with {OperationalConstitutionalCall}.
    function propose(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        string memory description
    ) public override returns (uint256) {
        (bool constitutional, uint256 index) = _CLASSIFIER.classify(targets, calldatas);
        if (!constitutional) return super.propose(targets, values, calldatas, description);

        uint256 proposalId = getProposalId(targets, values, calldatas, keccak256(bytes(description)));
        if (!_approvedByCommunity(proposalId)) {
            revert OperationalConstitutionalCall(proposalId, index, targets[index], _selectorOf(calldatas[index]));
        }
        _constitutional[proposalId] = true;
        emit ConstitutionalProposalOpened(proposalId);
        return _propose(targets, values, calldatas, description, _msgSender());
    }

    /// @dev Records the targets' code digest that `execute` checks: the current code of an operational proposal's
    /// targets; for a constitutional proposal, the digest the community house recorded at its own propose (the code
    /// the community voted on, not the code at this later opening). {ProposalCodeHashes} reports the targets' code
    /// as it is now, here.
    function _propose(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        string memory description,
        address proposer
    ) internal override returns (uint256 proposalId) {
        proposalId = super._propose(targets, values, calldatas, description, proposer);
        bytes32[] memory hashes = _codeHashes(targets);
        _codeDigests[proposalId] =
            _constitutional[proposalId]
                ? ICommunityHouse(_communityHouse).proposalCodeDigest(proposalId)
                : keccak256(abi.encodePacked(hashes));
        emit ProposalCodeHashes(proposalId, targets, hashes);
    }

    // ─────────────────────────────────────────────────────────────── timelock

    /// @inheritdoc IGovernor
    function state(uint256 proposalId) public view override returns (ProposalState) {
        ProposalState current = super.state(proposalId);
        if (current != ProposalState.Queued) return current;
        bytes32 queueId = _timelockIds[proposalId];
        if (_TIMELOCK.isOperationPending(queueId)) return ProposalState.Queued;
        // Done on the timelock without us cannot happen (we are its only executor); a vetoed or guardian-cancelled
        // operation is no longer pending: Canceled.
        if (_TIMELOCK.isOperationDone(queueId)) return ProposalState.Executed;
        return ProposalState.Canceled;
    }

    /// @inheritdoc IGovernor
    function proposalNeedsQueuing(uint256) public pure override returns (bool) {
        return true;
    }

    /// @dev Schedules the calls in the timelock: the operational delay (the timelock minimum, the veto window) or,
    /// for constitutional proposals, the constitutional delay (never below the minimum).
    function _queueOperations(
        uint256 proposalId,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override returns (uint48) {
        uint256 delay = _TIMELOCK.getMinDelay();
        if (_constitutional[proposalId] && _constitutionalDelay > delay) delay = _constitutionalDelay;
        bytes32 salt = _timelockSalt(descriptionHash);
        _timelockIds[proposalId] = _TIMELOCK.hashOperationBatch(targets, values, calldatas, 0, salt);
        _TIMELOCK.scheduleBatch(targets, values, calldatas, 0, salt, delay);
        return SafeCast.toUint48(block.timestamp + delay);
    }

    /// @dev Refuses when a target's code changed since the proposal; then executes through the timelock.
    function _executeOperations(
        uint256 proposalId,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override {
        bytes32 recorded = _codeDigests[proposalId];
        bytes32 current = keccak256(abi.encodePacked(_codeHashes(targets)));
        if (recorded != current) revert OperationalCodeChanged(proposalId, recorded, current);
        delete _timelockIds[proposalId];
        delete _codeDigests[proposalId];
        _TIMELOCK.executeBatch{value: msg.value}(targets, values, calldatas, 0, _timelockSalt(descriptionHash));
    }

    /// @dev Cancels the timelock operation too when the proposal was queued (guardian cancel).
    function _cancel(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override returns (uint256 proposalId) {
        proposalId = super._cancel(targets, values, calldatas, descriptionHash);
        bytes32 timelockId = _timelockIds[proposalId];
        if (timelockId != 0) {
            delete _timelockIds[proposalId];
            _TIMELOCK.cancel(timelockId);
        }
    }

    /// @dev The guardian (when set) cancels any proposal not yet executed; a proposer cancels its own operational
    /// proposal while Pending. Unlike OpenZeppelin's default, no guardian does not let a proposer cancel later,
    /// and nobody but the guardian cancels a constitutional proposal (carried here by anyone).
    function _validateCancel(
        uint256 proposalId,
        address caller
    ) internal view override(Governor, GovernorProposalGuardian) returns (bool) {
        address guardian = proposalGuardian();
        if (guardian != address(0) && caller == guardian) return true;
        return !_constitutional[proposalId] && Governor._validateCancel(proposalId, caller);
    }

    /// @dev Governance is the timelock.
    function _executor() internal view override returns (address) {
        return address(_TIMELOCK);
    }

    // ─────────────────────────────────────────────────────────────── clock

    /// @notice ERC-6372 clock: the timestamp, as in the CellRegistry whose seats are the votes (read here rather
    /// than asked of the registry: one external call less per vote).
    function clock() public view override(Governor, GovernorVotes) returns (uint48) {
        return Time.timestamp();
    }

    /// @notice ERC-6372 clock mode.
    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() public pure override(Governor, GovernorVotes) returns (string memory) {
        return "mode=timestamp";
    }

    // ─────────────────────────────────────────────────────────────── genesis rule

    /// @dev Genesis rule: a constitutional proposal (already approved by the community) passes here without seat
    /// votes when no cell was recognised at its snapshot — there is no operational house to ask yet. This is how a
    /// freshly deployed DAO recognises its first cells without any account keeping a bootstrap power.
    function _quorumReached(
        uint256 proposalId
    ) internal view override(Governor, GovernorCountingSimple) returns (bool) {
        return super._quorumReached(proposalId) || _genesis(proposalId);
    }

    /// @dev See {_quorumReached}: with no seats at the snapshot, the community's approval carries the proposal.
    function _voteSucceeded(
        uint256 proposalId
    ) internal view override(Governor, GovernorCountingSimple) returns (bool) {
        return super._voteSucceeded(proposalId) || _genesis(proposalId);
    }

    function _genesis(uint256 proposalId) internal view returns (bool) {
        return _constitutional[proposalId] && token().getPastTotalSupply(proposalSnapshot(proposalId)) == 0;
    }

    // ─────────────────────────────────────────────────────────────── quorum

    /// @notice max(quorum fraction of the recognised cells at `timepoint`, {quorumFloor}).
    function quorum(uint256 timepoint) public view override(Governor, GovernorVotesQuorumFraction) returns (uint256) {
        uint256 fractional = super.quorum(timepoint);
        uint256 floor = _quorumFloor;
        return fractional > floor ? fractional : floor;
    }

    // ─────────────────────────────────────────────────────────────── governance settings

    /// @inheritdoc IOperationalHouse
    function setCommunityHouse(address newCommunityHouse) external {
        if (newCommunityHouse == address(0)) revert OperationalZeroAddress();
        bool bootstrap = msg.sender == _DEPLOYER && _communityHouse == address(0);
        if (!bootstrap) {
            if (msg.sender != _executor()) revert OperationalUnauthorizedBinding(msg.sender);
            _checkGovernance();
        }
        emit CommunityHouseSet(_communityHouse, newCommunityHouse);
        _communityHouse = newCommunityHouse;
    }

    /// @inheritdoc IOperationalHouse
    function setConstitutionalDelay(uint256 newDelay) external onlyGovernance {
        _setConstitutionalDelay(newDelay);
    }

    /// @inheritdoc IConcordHouse
    function setQuorumFloor(uint256 newFloor) external onlyGovernance {
        _setQuorumFloor(newFloor);
    }

    // ─────────────────────────────────────────────────────────────── reads

    /// @notice The timelock that executes this house's proposals and holds every governance power.
    function timelock() external view returns (address) {
        return address(_TIMELOCK);
    }

    /// @inheritdoc IOperationalHouse
    function communityHouse() external view returns (address) {
        return _communityHouse;
    }

    /// @inheritdoc IOperationalHouse
    function classifier() external view returns (address) {
        return address(_CLASSIFIER);
    }

    /// @inheritdoc IOperationalHouse
    function constitutionalDelay() external view returns (uint256) {
        return _constitutionalDelay;
    }

    /// @inheritdoc IConcordHouse
    function quorumFloor() external view returns (uint256) {
        return _quorumFloor;
    }

    /// @inheritdoc IOperationalHouse
    function isConstitutional(uint256 proposalId) external view returns (bool) {
        return _constitutional[proposalId];
    }

    /// @inheritdoc IOperationalHouse
    function proposalTimelockId(uint256 proposalId) external view returns (bytes32) {
        return _timelockIds[proposalId];
    }

    /// @inheritdoc IOperationalHouse
    function proposalCodeDigest(uint256 proposalId) external view returns (bytes32) {
        return _codeDigests[proposalId];
    }

    // ─────────────────────────────────────────────────────────────── OpenZeppelin plumbing

    /// @inheritdoc IGovernor
    function votingDelay() public view override(Governor, GovernorSettings) returns (uint256) {
        return super.votingDelay();
    }

    /// @inheritdoc IGovernor
    function votingPeriod() public view override(Governor, GovernorSettings) returns (uint256) {
        return super.votingPeriod();
    }

    /// @inheritdoc Governor
    function proposalThreshold() public view override(Governor, GovernorSettings) returns (uint256) {
        return super.proposalThreshold();
    }

    // ─────────────────────────────────────────────────────────────── internals

    function _approvedByCommunity(uint256 proposalId) internal view returns (bool) {
        address community = _communityHouse;
        if (community == address(0) || IGovernor(community).proposalSnapshot(proposalId) == 0) return false;
        return IGovernor(community).state(proposalId) == ProposalState.Succeeded;
    }

    function _codeHashes(address[] memory targets) internal view returns (bytes32[] memory hashes) {
        hashes = new bytes32[](targets.length);
        for (uint256 i = 0; i < targets.length; ++i) {
            bytes32 hash = targets[i].codehash;
            hashes[i] = hash == bytes32(0) ? EMPTY_CODE_HASH : hash;
        }
    }

    function _setConstitutionalDelay(uint256 newDelay) internal {
        uint256 minDelay = _TIMELOCK.getMinDelay();
        if (newDelay < minDelay) revert OperationalDelayTooShort(newDelay, minDelay);
        emit ConstitutionalDelaySet(_constitutionalDelay, newDelay);
        _constitutionalDelay = newDelay;
    }

    function _setQuorumFloor(uint256 newFloor) internal {
        emit QuorumFloorSet(_quorumFloor, newFloor);
        _quorumFloor = newFloor;
    }

    function _timelockSalt(bytes32 descriptionHash) internal view returns (bytes32) {
        return bytes20(address(this)) ^ descriptionHash;
    }

    function _selectorOf(bytes memory data) internal pure returns (bytes4 selector) {
        if (data.length >= 4) selector = bytes4(data);
    }
}
