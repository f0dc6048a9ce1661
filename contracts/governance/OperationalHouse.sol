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

import {IGovernanceClassifier, IOperationalHouse, IConcordHouse} from "./IConcordGovernance.sol";
import {HouseRules} from "./HouseRules.sol";

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
    /// @inheritdoc IOperationalHouse
    uint256 public constant CARRY_WINDOW = 14 days;
    /// @inheritdoc IOperationalHouse
    uint256 public constant QUEUE_WINDOW = 7 days;
    /// @inheritdoc IOperationalHouse
    uint256 public constant GRACE_PERIOD = 14 days;
    /// @dev Bounds of the settings (see {IConcordHouse}): each keeps a constitutional proposal passable.
    uint256 private constant MAX_VOTING_DELAY = 6 days;
    uint256 private constant MAX_VOTING_PERIOD = 30 days;
    uint256 private constant MAX_CONSTITUTIONAL_DELAY = 30 days;
    /// @dev Kinds in {_kinds}: a constitutional proposal, a remedy (constitutional, passes without seats).
    uint8 private constant CONSTITUTIONAL = 1;
    uint8 private constant REMEDY = 2;
    /// @dev Flag in {_kinds}: the proposal changes or removes a guardian, so the guardian cannot cancel it (S6).
    uint8 private constant GUARDED = 4;

    TimelockController private immutable _TIMELOCK;
    IGovernanceClassifier private immutable _CLASSIFIER;
    address private immutable _DEPLOYER;

    address private _communityHouse;
    uint256 private _constitutionalDelay;
    uint256 private _quorumFloor;

    mapping(uint256 proposalId => bytes32) private _timelockIds;
    mapping(uint256 proposalId => bytes32) private _codeDigests;
    mapping(uint256 proposalId => uint8) private _kinds;

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
    /// (the threshold does not apply), within {CARRY_WINDOW} of the community vote's end; otherwise refused with
    /// {OperationalConstitutionalCall} or {OperationalCarryWindowClosed}. A community remedy ({RemedyOpened})
    /// passes here without seat votes. Records the code digest `execute` checks: the targets' pins now for an
    /// operational proposal, the community house's digest for a constitutional one.
    function propose(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        string memory description
    ) public override returns (uint256 proposalId) {
        proposalId = getProposalId(targets, values, calldatas, keccak256(bytes(description)));
        IGovernanceClassifier.Judgement memory j = _CLASSIFIER.judge(
            proposalId,
            _communityHouse,
            address(token()),
            targets,
            calldatas
        );
        if (!j.constitutional) {
            super.propose(targets, values, calldatas, description);
            _codeDigests[proposalId] = j.digest;
        } else {
            if (j.communityDeadline == 0) {
                revert OperationalConstitutionalCall(
                    proposalId,
                    j.index,
                    targets[j.index],
                    _selectorOf(calldatas[j.index])
                );
            }
            // S5: a community mandate lapses if not carried within the window.
            uint256 carryBy = j.communityDeadline + CARRY_WINDOW;
            if (block.timestamp > carryBy) revert OperationalCarryWindowClosed(proposalId, carryBy);
            _kinds[proposalId] = (j.remedy ? REMEDY : CONSTITUTIONAL) | (j.guarded ? GUARDED : 0);
            if (j.remedy) emit RemedyOpened(proposalId, j.forVotes, j.required);
            emit ConstitutionalProposalOpened(proposalId);
            _propose(targets, values, calldatas, description, _msgSender());
            // The code the community voted on, not the code at this later opening.
            _codeDigests[proposalId] = j.communityDigest;
        }
        // The pins as they are now, here (the digest checked is the one above).
        emit ProposalCodeHashes(proposalId, targets, j.pins);
    }

    // ─────────────────────────────────────────────────────────────── timelock

    /// @notice The proposal's state. Lapse (S5): Succeeded but not queued within {QUEUE_WINDOW} of the vote's end,
    /// or queued but not executed within {GRACE_PERIOD} of its eta, reads Expired; queue and execute then refuse it.
    function state(uint256 proposalId) public view override returns (ProposalState) {
        ProposalState current = super.state(proposalId);
        if (current == ProposalState.Succeeded) {
            return block.timestamp > proposalDeadline(proposalId) + QUEUE_WINDOW ? ProposalState.Expired : current;
        }
        if (current != ProposalState.Queued) return current;
        bytes32 queueId = _timelockIds[proposalId];
        if (_TIMELOCK.isOperationPending(queueId)) {
            return block.timestamp > proposalEta(proposalId) + GRACE_PERIOD ? ProposalState.Expired : current;
        }
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
        if (_kinds[proposalId] != 0 && _constitutionalDelay > delay) delay = _constitutionalDelay;
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
        bytes32 current = _CLASSIFIER.currentCodeDigest(targets, recorded);
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
        uint8 kind = _kinds[proposalId];
        if (guardian != address(0) && caller == guardian) {
            // S6: a compromised guardian key cannot shield itself.
            if (kind & GUARDED != 0) revert HouseGuardianCannotCancel(proposalId, guardian);
            return true;
        }
        return kind == 0 && Governor._validateCancel(proposalId, caller);
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
        return super._quorumReached(proposalId) || _withoutSeats(proposalId);
    }

    /// @dev See {_quorumReached}: with no seats at the snapshot, the community's approval carries the proposal.
    function _voteSucceeded(
        uint256 proposalId
    ) internal view override(Governor, GovernorCountingSimple) returns (bool) {
        return super._voteSucceeded(proposalId) || _withoutSeats(proposalId);
    }

    /// @dev Genesis (no held seat at the snapshot) or a community remedy (S2): passes without seat votes.
    function _withoutSeats(uint256 proposalId) internal view returns (bool) {
        uint8 kind = _kinds[proposalId];
        return kind & REMEDY != 0 || (kind != 0 && token().getPastTotalSupply(proposalSnapshot(proposalId)) == 0);
    }

    // ─────────────────────────────────────────────────────────────── quorum

    /// @notice max(quorum fraction of the held seats at `timepoint`, {quorumFloor}), never above the held seats:
    /// seats nobody holds cannot vote, so they never count (S3).
    function quorum(uint256 timepoint) public view override(Governor, GovernorVotesQuorumFraction) returns (uint256) {
        return
            HouseRules.quorum(
                token().getPastTotalSupply(timepoint),
                quorumNumerator(timepoint),
                quorumDenominator(),
                _quorumFloor
            );
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
        return _kinds[proposalId] != 0;
    }

    /// @inheritdoc IOperationalHouse
    function isRemedy(uint256 proposalId) external view returns (bool) {
        return _kinds[proposalId] & REMEDY != 0;
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

    /// @dev Bounded (S3): at most {MAX_VOTING_DELAY}, below the registry's seat delay.
    function _setVotingDelay(uint48 newVotingDelay) internal override {
        _bound(newVotingDelay, MAX_VOTING_DELAY);
        super._setVotingDelay(newVotingDelay);
    }

    /// @dev Bounded (S3): at most {MAX_VOTING_PERIOD}.
    function _setVotingPeriod(uint32 newVotingPeriod) internal override {
        _bound(newVotingPeriod, MAX_VOTING_PERIOD);
        super._setVotingPeriod(newVotingPeriod);
    }

    // ─────────────────────────────────────────────────────────────── internals

    function _bound(uint256 value, uint256 maxValue) internal pure {
        if (value > maxValue) revert HouseSettingOutOfBounds(value, maxValue);
    }

    function _setConstitutionalDelay(uint256 newDelay) internal {
        uint256 minDelay = _TIMELOCK.getMinDelay();
        if (newDelay < minDelay) revert OperationalDelayTooShort(newDelay, minDelay);
        _bound(newDelay, MAX_CONSTITUTIONAL_DELAY);
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
