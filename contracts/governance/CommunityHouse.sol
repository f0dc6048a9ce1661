// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Governor} from "@openzeppelin/contracts/governance/Governor.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
// solhint-disable-next-line max-line-length
import {GovernorCountingOverridable} from "@openzeppelin/contracts/governance/extensions/GovernorCountingOverridable.sol";
import {GovernorPreventLateQuorum} from "@openzeppelin/contracts/governance/extensions/GovernorPreventLateQuorum.sol";
import {GovernorProposalGuardian} from "@openzeppelin/contracts/governance/extensions/GovernorProposalGuardian.sol";
import {GovernorSettings} from "@openzeppelin/contracts/governance/extensions/GovernorSettings.sol";
import {GovernorVotes} from "@openzeppelin/contracts/governance/extensions/GovernorVotes.sol";
// solhint-disable-next-line max-line-length
import {GovernorVotesQuorumFraction} from "@openzeppelin/contracts/governance/extensions/GovernorVotesQuorumFraction.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {IERC6372} from "@openzeppelin/contracts/interfaces/IERC6372.sol";
import {Multicall} from "@openzeppelin/contracts/utils/Multicall.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {Time} from "@openzeppelin/contracts/utils/types/Time.sol";

import {ICommunityHouse, IConcordHouse, IGovernanceClassifier, IOperationalHouse} from "./IConcordGovernance.sol";
import {HouseSettings} from "./OperationalHouse.sol";
import {HouseRules} from "./HouseRules.sol";

/// @title CommunityHouse
/// @notice The community house of a Concord DAO: voting power from an ERC-5805 token at the proposal's snapshot
/// (Concord's non-transferable membership token, or a DAO's existing votes token), liquid democracy with
/// OpenZeppelin's GovernorCountingOverridable (a delegator overrides its delegate's vote while voting is open;
/// this needs a VotesExtended token such as ConcordMembership), quorum = max(fraction of the supply, absolute
/// floor), and a late-quorum extension.
///
/// Its proposals are constitutional (any call allowed). A proposal that reaches Succeeded here is carried to the
/// operational house under the same id (anyone calls `propose` there with the same calls and description); it is
/// queued and executed there, never here ({CommunityExecuteInOperationalHouse}).
///
/// Veto: during an operational proposal's veto window (queued in the timelock, before its eta) members cast
/// {castVeto} with their voting power at that proposal's snapshot; when the veto votes reach {vetoThreshold} (a
/// fraction of the token's total supply at that snapshot) this house cancels the timelock operation and the
/// proposal reads Canceled in the operational house ({ProposalVetoed}).
///
/// Code hashes: the EXTCODEHASH of every target is recorded at `propose` here ({ProposalCodeHashes},
/// {proposalCodeDigest}); the operational house adopts this digest, so a constitutional proposal executes only
/// with the code the community voted on. Vetoes can be relayed ({castVetoBySig}, EIP-712, the Governor's nonces).
///
/// @dev Governance (the executor of `onlyGovernance`) is the timelock; since this house never executes, the
/// calls it receives from the timelock come from proposals executed by the operational house (OpenZeppelin's
/// per-governor call queue does not apply). Invariants: vetoVotes(p) <= token.getPastTotalSupply(snapshot(p));
/// an account vetoes a proposal at most once; a proposal is vetoed only with vetoVotes >= vetoThreshold; a signed
/// veto counts only for the account that signed it (or whose ERC-1271 wallet approved it), once per nonce;
/// proposalDeadline(p) moves only at the tally update that first reaches the quorum in the final window.
contract CommunityHouse is
    ICommunityHouse,
    Governor,
    GovernorSettings,
    GovernorVotes,
    GovernorCountingOverridable,
    GovernorVotesQuorumFraction,
    GovernorPreventLateQuorum,
    GovernorProposalGuardian,
    Multicall
{
    /// @inheritdoc ICommunityHouse
    bytes32 public constant VETO_TYPEHASH = keccak256(
        "Veto(uint256 proposalId,address voter,uint256 nonce,string reason)"
    );

    uint256 private constant VETO_DENOMINATOR = 10_000;
    /// @dev Bounds of the settings (see {IConcordHouse}).
    uint256 private constant MAX_VOTING_DELAY = 6 days;
    uint256 private constant MAX_VOTING_PERIOD = 30 days;
    uint256 private constant MAX_LATE_QUORUM_EXTENSION = 14 days;

    TimelockController private immutable _TIMELOCK;
    IOperationalHouse private immutable _OPERATIONAL;

    uint256 private _quorumFloor;
    uint256 private _vetoNumerator;

    mapping(uint256 proposalId => uint256) private _vetoVotes;
    mapping(uint256 proposalId => mapping(address account => bool)) private _hasVetoed;
    mapping(uint256 proposalId => bool) private _vetoed;
    mapping(uint256 proposalId => bytes32) private _codeDigests;

    /// @dev Increase of the quorum count (for + abstain votes) made by the vote being tallied, zero when it did not
    /// grow (set by {_countVote} and {_countOverride}, read by {_tallyUpdated} in the same call).
    uint256 private transient _quorumCountGain;

    /// @param token_ the ERC-5805 votes token (ConcordMembership or an existing ERC20Votes, timestamp clock).
    /// @param timelock_ the TimelockController holding every governance power (this house is a canceller).
    /// @param operational_ the operational house whose proposals this house approves and vetoes.
    /// @param settings voting delay/period, threshold, quorum fraction and floor, guardian.
    /// @param lateQuorumExtension_ seconds of voting guaranteed after quorum is reached.
    /// @param vetoNumerator_ veto threshold over 10,000 of the supply at the operational proposal's snapshot.
    constructor(
        IVotes token_,
        TimelockController timelock_,
        IOperationalHouse operational_,
        HouseSettings memory settings,
        uint48 lateQuorumExtension_,
        uint256 vetoNumerator_
    )
        Governor("Concord Community House")
        GovernorSettings(settings.votingDelay, settings.votingPeriod, settings.proposalThreshold)
        GovernorVotes(token_)
        GovernorVotesQuorumFraction(settings.quorumNumerator)
        GovernorPreventLateQuorum(lateQuorumExtension_)
    {
        if (address(timelock_) == address(0) || address(operational_) == address(0)) revert CommunityZeroAddress();
        string memory mode = _tokenClockMode(token_);
        if (keccak256(bytes(mode)) != keccak256("mode=timestamp")) revert CommunityTokenClockNotTimestamp(mode);
        _TIMELOCK = timelock_;
        _OPERATIONAL = operational_;
        _setQuorumFloor(settings.quorumFloor);
        _setVetoThreshold(vetoNumerator_);
        if (settings.guardian != address(0)) _setProposalGuardian(settings.guardian);
    }

    // ─────────────────────────────────────────────────────────────── proposing

    /// @dev Records the targets' code hashes when the community's vote opens (digest in storage, each hash in
    /// {ProposalCodeHashes}); the operational house adopts this digest, so a target that swaps its code during
    /// the community vote cannot be executed with code the community did not vote on.
    function _propose(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        string memory description,
        address proposer
    ) internal override returns (uint256 proposalId) {
        proposalId = super._propose(targets, values, calldatas, description, proposer);
        (bytes32[] memory hashes, bytes32 digest) = IGovernanceClassifier(_OPERATIONAL.classifier()).recordCodeHashes(
            targets,
            calldatas
        );
        _codeDigests[proposalId] = digest;
        emit ProposalCodeHashes(proposalId, targets, hashes);
    }

    /// @inheritdoc ICommunityHouse
    function proposalCodeDigest(uint256 proposalId) external view returns (bytes32) {
        return _codeDigests[proposalId];
    }

    // ─────────────────────────────────────────────────────────────── veto

    /// @inheritdoc ICommunityHouse
    function castVeto(uint256 proposalId, string calldata reason) external returns (uint256 weight) {
        return _castVeto(proposalId, _msgSender(), reason);
    }

    /// @inheritdoc ICommunityHouse
    function castVetoBySig(
        uint256 proposalId,
        address voter,
        string calldata reason,
        bytes calldata signature
    ) external returns (uint256 weight) {
        bytes32 structHash = keccak256(
            abi.encode(VETO_TYPEHASH, proposalId, voter, _useNonce(voter), keccak256(bytes(reason)))
        );
        if (!SignatureChecker.isValidSignatureNow(voter, _hashTypedDataV4(structHash), signature)) {
            revert GovernorInvalidSignature(voter);
        }
        return _castVeto(proposalId, voter, reason);
    }

    /// @dev Casts `voter`'s veto (see {castVeto}).
    function _castVeto(uint256 proposalId, address voter, string calldata reason) internal returns (uint256 weight) {
        bytes32 operationId = _requireVetoWindow(proposalId);
        if (_hasVetoed[proposalId][voter]) revert CommunityAlreadyVetoed(proposalId, voter);
        uint256 snapshot = IGovernor(address(_OPERATIONAL)).proposalSnapshot(proposalId);
        weight = token().getPastVotes(voter, snapshot);
        if (weight == 0) revert CommunityNoVetoPower(proposalId, voter);

        _hasVetoed[proposalId][voter] = true;
        uint256 total = _vetoVotes[proposalId] + weight;
        _vetoVotes[proposalId] = total;
        emit VetoCast(voter, proposalId, weight, total, reason);

        uint256 threshold = _vetoThresholdAt(snapshot);
        if (total >= threshold) {
            _vetoed[proposalId] = true;
            emit ProposalVetoed(proposalId, total, threshold);
            // Interaction last; the timelock is trusted (OpenZeppelin TimelockController).
            _TIMELOCK.cancel(operationId);
        }
    }

    /// @inheritdoc ICommunityHouse
    function setVetoThreshold(uint256 newNumerator) external onlyGovernance {
        _setVetoThreshold(newNumerator);
    }

    /// @inheritdoc ICommunityHouse
    function vetoThreshold(uint256 proposalId) external view returns (uint256) {
        return _vetoThresholdAt(IGovernor(address(_OPERATIONAL)).proposalSnapshot(proposalId));
    }

    /// @inheritdoc ICommunityHouse
    function vetoVotes(uint256 proposalId) external view returns (uint256) {
        return _vetoVotes[proposalId];
    }

    /// @inheritdoc ICommunityHouse
    function hasVetoed(uint256 proposalId, address account) external view returns (bool) {
        return _hasVetoed[proposalId][account];
    }

    /// @inheritdoc ICommunityHouse
    function isVetoed(uint256 proposalId) external view returns (bool) {
        return _vetoed[proposalId];
    }

    /// @inheritdoc ICommunityHouse
    function vetoThresholdNumerator() external view returns (uint256) {
        return _vetoNumerator;
    }

    /// @inheritdoc ICommunityHouse
    function vetoDenominator() external pure returns (uint256) {
        return VETO_DENOMINATOR;
    }

    /// @inheritdoc ICommunityHouse
    function operationalHouse() external view returns (address) {
        return address(_OPERATIONAL);
    }

    /// @notice The timelock (governance of this house).
    function timelock() external view returns (address) {
        return address(_TIMELOCK);
    }

    // ─────────────────────────────────────────────────────────────── quorum

    /// @notice max(quorum fraction of the token's supply at `timepoint`, {quorumFloor}), never above the supply
    /// (S3: a unanimous community always reaches it).
    function quorum(uint256 timepoint) public view override(Governor, GovernorVotesQuorumFraction) returns (uint256) {
        return
            HouseRules.quorum(
                token().getPastTotalSupply(timepoint),
                quorumNumerator(timepoint),
                quorumDenominator(),
                _quorumFloor
            );
    }

    /// @inheritdoc IConcordHouse
    function quorumFloor() external view returns (uint256) {
        return _quorumFloor;
    }

    /// @inheritdoc IConcordHouse
    function setQuorumFloor(uint256 newFloor) external onlyGovernance {
        _setQuorumFloor(newFloor);
    }

    // ─────────────────────────────────────────────────────────────── execution happens elsewhere

    /// @notice Refused: proposals approved here are queued and executed by the operational house, under the
    /// same id ({CommunityExecuteInOperationalHouse}).
    function execute(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) public payable override returns (uint256) {
        revert CommunityExecuteInOperationalHouse(getProposalId(targets, values, calldatas, descriptionHash));
    }

    /// @notice As OpenZeppelin's, except that the guardian cannot cancel a proposal that changes or removes a
    /// guardian (S6): a compromised guardian key cannot shield itself ({HouseGuardianCannotCancel}).
    function cancel(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) public override returns (uint256) {
        address guardian = proposalGuardian();
        if (
            _msgSender() == guardian &&
            IGovernanceClassifier(_OPERATIONAL.classifier()).touchesGuardian(targets, calldatas)
        ) {
            revert HouseGuardianCannotCancel(getProposalId(targets, values, calldatas, descriptionHash), guardian);
        }
        return super.cancel(targets, values, calldatas, descriptionHash);
    }

    /// @dev Governance is the timelock.
    function _executor() internal view override returns (address) {
        return address(_TIMELOCK);
    }

    /// @dev Only the timelock; OpenZeppelin's per-governor call queue is filled by this house's own `execute`,
    /// which never runs, so it is not consulted.
    function _checkGovernance() internal view override {
        if (_msgSender() != address(_TIMELOCK)) revert GovernorOnlyExecutor(_msgSender());
    }

    /// @dev The guardian (when set) cancels any proposal not yet executed; a proposer cancels its own proposal
    /// while Pending (no later cancel by the proposer when there is no guardian, unlike OpenZeppelin's default).
    function _validateCancel(
        uint256 proposalId,
        address caller
    ) internal view override(Governor, GovernorProposalGuardian) returns (bool) {
        address guardian = proposalGuardian();
        if (guardian != address(0) && caller == guardian) return true;
        return Governor._validateCancel(proposalId, caller);
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

    /// @notice The votes needed to propose, never above the supply a second ago (S3: a unanimous community
    /// delegating to one member can always propose).
    function proposalThreshold() public view override(Governor, GovernorSettings) returns (uint256) {
        uint256 threshold = super.proposalThreshold();
        uint256 supply = token().getPastTotalSupply(clock() - 1);
        return threshold < supply ? threshold : supply;
    }

    /// @dev Bounded (S3): at most {MAX_VOTING_DELAY}.
    function _setVotingDelay(uint48 newVotingDelay) internal override {
        _bound(newVotingDelay, MAX_VOTING_DELAY);
        super._setVotingDelay(newVotingDelay);
    }

    /// @dev Bounded (S3): at most {MAX_VOTING_PERIOD}.
    function _setVotingPeriod(uint32 newVotingPeriod) internal override {
        _bound(newVotingPeriod, MAX_VOTING_PERIOD);
        super._setVotingPeriod(newVotingPeriod);
    }

    /// @dev Bounded (S3): at most {MAX_LATE_QUORUM_EXTENSION}.
    function _setLateQuorumVoteExtension(uint48 newVoteExtension) internal override {
        _bound(newVoteExtension, MAX_LATE_QUORUM_EXTENSION);
        super._setLateQuorumVoteExtension(newVoteExtension);
    }

    function _bound(uint256 value, uint256 maxValue) internal pure {
        if (value > maxValue) revert HouseSettingOutOfBounds(value, maxValue);
    }

    /// @inheritdoc IGovernor
    function proposalDeadline(
        uint256 proposalId
    ) public view override(Governor, GovernorPreventLateQuorum) returns (uint256) {
        return super.proposalDeadline(proposalId);
    }

    // ─────────────────────────────────────────────────────────────── late quorum, counting

    /// @dev OpenZeppelin's late-quorum extension records, at the tally update that first reaches the quorum,
    /// `now + lateQuorumVoteExtension` as the proposal's extended deadline; that moves the deadline only when the
    /// quorum is first reached in the final window (the last `lateQuorumVoteExtension` seconds of voting). This
    /// house therefore computes the quorum (the token's past supply, the quorum fraction's history, the floor)
    /// only for votes cast in that window, not on every vote. In the window: when the quorum is reached and was
    /// not reached before this vote, OpenZeppelin's logic extends the deadline; when it was already reached before
    /// the vote (first reached before the window, when OpenZeppelin records a deadline that does not move) the
    /// deadline stays. Sole difference with OpenZeppelin: a quorum reached before the window, lost through
    /// overrides and reached again in the window extends the deadline once (more time to vote, never less).
    function _tallyUpdated(uint256 proposalId) internal override(Governor, GovernorPreventLateQuorum) {
        uint256 deadline = Governor.proposalDeadline(proposalId);
        if (clock() + lateQuorumVoteExtension() <= deadline) return; // before the final window
        if (proposalDeadline(proposalId) != deadline) return; // already extended
        (, uint256 forVotes, uint256 abstainVotes) = proposalVotes(proposalId);
        uint256 count = forVotes + abstainVotes;
        uint256 needed = quorum(proposalSnapshot(proposalId));
        if (count < needed || count - _quorumCountGain >= needed) return; // not reached, or reached before
        super._tallyUpdated(proposalId);
    }

    /// @dev Counts as OpenZeppelin's GovernorCountingOverridable and notes the quorum count's gain.
    function _countVote(
        uint256 proposalId,
        address account,
        uint8 support,
        uint256 totalWeight,
        bytes memory params
    ) internal override(Governor, GovernorCountingOverridable) returns (uint256 counted) {
        counted = super._countVote(proposalId, account, support, totalWeight, params);
        _quorumCountGain = support == uint8(VoteType.Against) ? 0 : counted;
    }

    /// @dev Counts as OpenZeppelin's GovernorCountingOverridable and notes the quorum count's gain (the
    /// delegator's weight moves from its delegate's support, when cast, to its own).
    function _countOverride(uint256 proposalId, address account, uint8 support) internal override returns (uint256) {
        (, uint256 forBefore, uint256 abstainBefore) = proposalVotes(proposalId);
        uint256 weight = super._countOverride(proposalId, account, support);
        (, uint256 forAfter, uint256 abstainAfter) = proposalVotes(proposalId);
        uint256 before = forBefore + abstainBefore;
        uint256 afterwards = forAfter + abstainAfter;
        // A count that fell was at least as high before: a zero gain reads "reached before" when reached now.
        _quorumCountGain = afterwards > before ? afterwards - before : 0;
        return weight;
    }

    // ─────────────────────────────────────────────────────────────── clock

    /// @notice ERC-6372 clock: the timestamp, as the token's (checked at deployment) and the operational house's
    /// (read here rather than asked of the token: one external call less per vote).
    function clock() public view override(Governor, GovernorVotes) returns (uint48) {
        return Time.timestamp();
    }

    /// @notice ERC-6372 clock mode.
    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() public pure override(Governor, GovernorVotes) returns (string memory) {
        return "mode=timestamp";
    }

    // ─────────────────────────────────────────────────────────────── internals

    /// @dev The token's ERC-6372 clock mode; empty when it does not tell.
    function _tokenClockMode(IVotes token_) private view returns (string memory mode) {
        try IERC6372(address(token_)).CLOCK_MODE() returns (string memory tokenMode) {
            mode = tokenMode;
        } catch {
            mode = "";
        }
    }

    /// @dev The timelock operation of `proposalId` when it is an operational proposal inside its veto window.
    function _requireVetoWindow(uint256 proposalId) internal view returns (bytes32 operationId) {
        IGovernor operational = IGovernor(address(_OPERATIONAL));
        if (operational.proposalSnapshot(proposalId) == 0) {
            revert CommunityNotInVetoWindow(proposalId, type(uint8).max, 0);
        }
        operationId = _OPERATIONAL.proposalTimelockId(proposalId);
        uint256 eta = operational.proposalEta(proposalId);
        if (
            operationId == 0 ||
            _OPERATIONAL.isConstitutional(proposalId) ||
            eta <= block.timestamp ||
            !_TIMELOCK.isOperationPending(operationId)
        ) {
            revert CommunityNotInVetoWindow(proposalId, uint8(operational.state(proposalId)), eta);
        }
    }

    function _vetoThresholdAt(uint256 snapshot) internal view returns (uint256) {
        uint256 supply = token().getPastTotalSupply(snapshot);
        uint256 threshold = Math.mulDiv(supply, _vetoNumerator, VETO_DENOMINATOR, Math.Rounding.Ceil);
        return threshold == 0 ? 1 : threshold;
    }

    function _setQuorumFloor(uint256 newFloor) internal {
        emit QuorumFloorSet(_quorumFloor, newFloor);
        _quorumFloor = newFloor;
    }

    function _setVetoThreshold(uint256 newNumerator) internal {
        if (newNumerator == 0 || newNumerator > VETO_DENOMINATOR) {
            revert CommunityInvalidVetoThreshold(newNumerator, VETO_DENOMINATOR);
        }
        emit VetoThresholdSet(_vetoNumerator, newNumerator);
        _vetoNumerator = newNumerator;
    }
}
