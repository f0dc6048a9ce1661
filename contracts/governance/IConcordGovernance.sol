// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IConcordMembership
/// @notice Concord's membership token: a non-transferable ERC-721 with ERC-5805 votes (one member, one vote),
/// minted and burned by governance (the timelock), at most one per account, self-delegated on mint.
interface IConcordMembership {
    /// @notice Membership cannot be transferred: `tokenId` would go from `from` to `to`.
    error MembershipNonTransferable(uint256 tokenId, address from, address to);
    /// @notice `account` already holds a membership token.
    error MembershipAlreadyMember(address account);
    /// @notice `account` holds no membership token.
    error MembershipNotMember(address account);

    /// @notice Governance admits `account`: mints its token (id = the account's address) and, when the account
    /// has not delegated yet, delegates its vote to itself so that it can vote without another transaction.
    function mint(address account) external;

    /// @notice Governance removes `account`: burns its token. From the next snapshot on it casts no vote, neither
    /// its own nor those delegated to it; its delegators vote their own units.
    function burn(address account) external;

    /// @notice True when `account` holds a membership token.
    function isMember(address account) external view returns (bool);
}

/// @title IGovernanceClassifier
/// @notice Tells constitutional calls from operational ones, the way the operational house judges proposals.
/// A call is constitutional when its target is the classifier, the timelock, a holder of the timelock's
/// CANCELLER_ROLE (the houses) or a listed whole target (the membership token...), or when its target has
/// listed selectors and the call uses one of them, uses `multicall(bytes[])`, or carries fewer than 4 bytes of
/// calldata.
interface IGovernanceClassifier {
    /// @notice What the operational house needs to admit a proposal, read in one call ({judge}).
    struct Judgement {
        bool constitutional; // a call is constitutional
        uint256 index; // the first constitutional call (targets.length when none)
        bytes32[] pins; // each target's code pin ({recordCodeHashes})
        bytes32 digest; // their digest
        uint256 communityDeadline; // the community vote's end when it Succeeded there, else 0
        bytes32 communityDigest; // the community house's recorded digest (the code the community voted on)
        bool remedy; // every call is a remedy and the community's For votes reach two thirds of its supply
        uint256 forVotes; // the community's For votes (remedy calls only)
        uint256 required; // two thirds of the community's supply at its snapshot (remedy calls only)
        bool guarded; // a call changes or removes a guardian ({touchesGuardian}; constitutional proposals only)
    }

    /// @notice `caller` is not governance (the timelock).
    error ClassifierUnauthorized(address caller);
    /// @notice The zero address was given where a contract is needed.
    error ClassifierZeroAddress();
    /// @notice `targets` and `selectors` differ in length (`targets`, `selectors`).
    error ClassifierLengthMismatch(uint256 targets, uint256 selectors);

    /// @notice Every call to `target` is constitutional (`listed`) or no longer is.
    event ConstitutionalTargetSet(address indexed target, bool listed);
    /// @notice Calls of `selector` on `target` are constitutional (`listed`) or no longer are.
    event ConstitutionalSelectorSet(address indexed target, bytes4 indexed selector, bool listed);

    /// @notice Classifies a proposal's calls. `firstConstitutionalIndex` is the index of the first constitutional
    /// call, or `targets.length` when every call is operational. Lengths are not checked here (the house does).
    function classify(
        address[] calldata targets,
        bytes[] calldata calldatas
    ) external view returns (bool constitutional, uint256 firstConstitutionalIndex);

    /// @notice True when a single call to `target` with `data` is constitutional.
    function isConstitutionalCall(address target, bytes calldata data) external view returns (bool);

    /// @notice Governance lists (or unlists) a whole target as constitutional. Constitutional itself.
    function setConstitutionalTarget(address target, bool listed) external;

    /// @notice Governance lists (or unlists) a (target, selector) as constitutional. Constitutional itself.
    function setConstitutionalSelector(address target, bytes4 selector, bool listed) external;

    /// @notice The timelock: governance of the classifier, always constitutional as a target.
    function timelock() external view returns (address);

    /// @notice True when every call to `target` is constitutional (listed, the timelock, a timelock canceller such
    /// as the houses, or the classifier).
    function isConstitutionalTarget(address target) external view returns (bool);

    /// @notice True when (`target`, `selector`) is on the constitutional list.
    function isConstitutionalSelector(address target, bytes4 selector) external view returns (bool);

    /// @notice How many selectors of `target` are listed (a target with any makes its multicall and short
    /// calldata constitutional).
    function listedSelectorCount(address target) external view returns (uint256);

    /// @notice Judges proposal `proposalId` for the operational house in one call: its classification, its
    /// code pins, and, when constitutional and approved by `community`, that approval's deadline and digest and
    /// whether it is a community remedy (S2).
    function judge(
        uint256 proposalId,
        address community,
        address registry,
        address[] calldata targets,
        bytes[] calldata calldatas
    ) external view returns (Judgement memory judgement);

    /// @notice The code pins of a new proposal's targets and their digest, as both houses record them (one
    /// implementation, {HouseRules}): each target's EXTCODEHASH, mixed with its implementation's address and
    /// EXTCODEHASH when it answers `implementation()`; a value-only call (empty calldata, among the first eight)
    /// to an account without code is not pinned (its bit is set in the digest's low byte).
    function recordCodeHashes(
        address[] calldata targets,
        bytes[] calldata calldatas
    ) external view returns (bytes32[] memory pins, bytes32 digest);

    /// @notice The digest of the targets' pins now, with the unpinned value-only calls that `recorded` marks;
    /// `execute` refuses when it differs from `recorded`.
    function currentCodeDigest(address[] calldata targets, bytes32 recorded) external view returns (bytes32);

    /// @notice True when a call changes or removes a house's guardian (`setProposalGuardian`, or a `multicall`
    /// on a governance target, which could wrap it): the guardian cannot cancel such a proposal.
    function touchesGuardian(address[] calldata targets, bytes[] calldata calldatas) external view returns (bool);

    /// @notice True when every call is a community remedy: `setRecognised` on `registry`, or
    /// `setProposalGuardian` on a governance target (a house).
    function isRemedy(
        address registry,
        address[] calldata targets,
        bytes[] calldata calldatas
    ) external view returns (bool);
}

/// @title IConcordHouse
/// @notice What both houses add to OpenZeppelin's IGovernor: an absolute quorum floor beside the fractional one,
/// code pinning of the targets, a guardian that cannot shield itself, and bounded settings.
/// Bounds (both houses; a setter refuses a value outside them with {HouseSettingOutOfBounds}): voting delay
/// <= 6 days (below the registry's 7-day seat delay, so that a seat change never reaches an open proposal),
/// voting period <= 30 days, constitutional delay <= 30 days, late-quorum extension <= 14 days (the operational
/// proposal threshold does not bound constitutional proposals, which are carried without it).
/// The quorum is max(fraction, floor) but never more than the votes that exist at the snapshot, so no floor
/// can freeze a house.
interface IConcordHouse {
    /// @notice A setting would break liveness: `value` is above `maxValue`.
    error HouseSettingOutOfBounds(uint256 value, uint256 maxValue);
    /// @notice The guardian `guardian` cannot cancel proposal `proposalId`: it changes or removes a guardian.
    error HouseGuardianCannotCancel(uint256 proposalId, address guardian);

    /// @notice The absolute quorum floor went from `oldFloor` to `newFloor` (votes).
    event QuorumFloorSet(uint256 oldFloor, uint256 newFloor);
    /// @notice What pins each target of `proposalId`, recorded at proposal time (their digest is stored): the
    /// target's EXTCODEHASH, mixed with its implementation's address and EXTCODEHASH when it answers
    /// `implementation()` (beacons, proxies that expose it); zero for a value-only call to an account without
    /// code (not pinned). `execute` refuses when a pin changed.
    event ProposalCodeHashes(uint256 indexed proposalId, address[] targets, bytes32[] codeHashes);

    /// @notice Votes that are always required, whatever the fraction gives (Build Finance defence), capped at
    /// the votes that exist at the snapshot.
    function quorumFloor() external view returns (uint256);

    /// @notice Governance sets the absolute quorum floor. Constitutional.
    function setQuorumFloor(uint256 newFloor) external;
}

/// @title IConcordTimelock
/// @notice Concord's TimelockController: its minimum delay (the veto window) is bounded.
interface IConcordTimelock {
    /// @notice The timelock delay `delay` is above `maxDelay` (30 days): longer would freeze governance.
    error TimelockDelayOutOfBounds(uint256 delay, uint256 maxDelay);
}

/// @title IOperationalHouse
/// @notice The operational house: one seat per recognised cell, held by the cell's delegate. Operational
/// proposals are proposed and voted here, then wait in the timelock for the operational delay (the community's
/// veto window). Constitutional proposals come here after the community house approved them (same proposal id)
/// and wait for the longer constitutional delay.
interface IOperationalHouse is IConcordHouse {
    /// @notice Call `index` of a proposal (to `target`, selector `selector`) is constitutional and the community
    /// house has not approved proposal `proposalId`: propose it in the community house first.
    error OperationalConstitutionalCall(uint256 proposalId, uint256 index, address target, bytes4 selector);
    /// @notice The code of a call target changed since proposal `proposalId` was proposed: the digest of the
    /// targets' code hashes was `recorded` and is now `current` (see {ProposalCodeHashes} for each target).
    error OperationalCodeChanged(uint256 proposalId, bytes32 recorded, bytes32 current);
    /// @notice Only the deployer may bind the community house, once; later only governance.
    error OperationalUnauthorizedBinding(address caller);
    /// @notice The constitutional delay `delay` is shorter than the timelock's minimum (the veto window) `minDelay`.
    error OperationalDelayTooShort(uint256 delay, uint256 minDelay);
    /// @notice The zero address was given where a contract is needed.
    error OperationalZeroAddress();
    /// @notice The community approved `proposalId` but it was not carried here by `carryBy` (its community
    /// deadline + {CARRY_WINDOW}): the mandate lapsed; propose it again in the community house.
    error OperationalCarryWindowClosed(uint256 proposalId, uint256 carryBy);

    /// @notice `proposalId` is constitutional (approved by the community house) and needs the longer delay.
    event ConstitutionalProposalOpened(uint256 indexed proposalId);
    /// @notice `proposalId` is a community remedy: only remedy calls (recognition, a house's guardian), approved
    /// by `forVotes` >= `required` (two thirds of the community's supply at its snapshot). It passes here
    /// without seat votes and executes after the constitutional delay.
    event RemedyOpened(uint256 indexed proposalId, uint256 forVotes, uint256 required);
    /// @notice The community house is now `communityHouse`.
    event CommunityHouseSet(address oldCommunityHouse, address newCommunityHouse);
    /// @notice The constitutional delay went from `oldDelay` to `newDelay` seconds.
    event ConstitutionalDelaySet(uint256 oldDelay, uint256 newDelay);

    /// @notice Binds the community house: once by the deployer, afterwards only by governance (constitutional).
    function setCommunityHouse(address newCommunityHouse) external;

    /// @notice Governance sets the timelock delay of constitutional proposals (at least the timelock minimum).
    function setConstitutionalDelay(uint256 newDelay) external;

    /// @notice The community house that approves constitutional proposals and vetoes operational ones.
    function communityHouse() external view returns (address);

    /// @notice The classifier that judges whether a call is constitutional.
    function classifier() external view returns (address);

    /// @notice Delay of constitutional proposals in the timelock (seconds).
    function constitutionalDelay() external view returns (uint256);

    /// @notice True when `proposalId` was opened here as a constitutional proposal (approved by the community).
    function isConstitutional(uint256 proposalId) external view returns (bool);

    /// @notice True when `proposalId` was opened here as a community remedy ({RemedyOpened}).
    function isRemedy(uint256 proposalId) external view returns (bool);

    /// @notice Seconds after the community deadline within which an approved proposal must be carried here.
    // solhint-disable-next-line func-name-mixedcase
    function CARRY_WINDOW() external view returns (uint256);

    /// @notice Seconds after its vote ends within which a Succeeded proposal must be queued (then Expired).
    // solhint-disable-next-line func-name-mixedcase
    function QUEUE_WINDOW() external view returns (uint256);

    /// @notice Seconds after its eta within which a queued proposal must be executed (then Expired).
    // solhint-disable-next-line func-name-mixedcase
    function GRACE_PERIOD() external view returns (uint256);

    /// @notice The timelock operation id of a queued proposal (zero when not queued, executed or cancelled).
    function proposalTimelockId(uint256 proposalId) external view returns (bytes32);

    /// @notice The digest of the targets' code hashes that `execute` checks: recorded when an operational
    /// proposal was proposed here, or, for a constitutional proposal, the community house's digest recorded at its
    /// own propose (the code the community voted on). Zero once executed.
    function proposalCodeDigest(uint256 proposalId) external view returns (bytes32);
}

/// @title ICommunityHouse
/// @notice The community house: one member, one vote from an ERC-5805 token; liquid democracy with overrides.
/// Its proposals are constitutional: on success they are carried to the operational house under the same id.
/// It vetoes operational proposals during their veto window.
interface ICommunityHouse is IConcordHouse {
    /// @notice Proposals approved here are carried out by the operational house: call `execute` there.
    error CommunityExecuteInOperationalHouse(uint256 proposalId);
    /// @notice `proposalId` is not an operational proposal waiting in its veto window (`state` is its state in
    /// the operational house, `eta` when it becomes executable, zero when not queued).
    error CommunityNotInVetoWindow(uint256 proposalId, uint8 state, uint256 eta);
    /// @notice `account` already vetoed `proposalId`.
    error CommunityAlreadyVetoed(uint256 proposalId, address account);
    /// @notice `account` had no voting power at the snapshot of `proposalId`.
    error CommunityNoVetoPower(uint256 proposalId, address account);
    /// @notice The veto threshold `numerator` exceeds the denominator `denominator`, or is zero.
    error CommunityInvalidVetoThreshold(uint256 numerator, uint256 denominator);
    /// @notice The zero address was given where a contract is needed.
    error CommunityZeroAddress();
    /// @notice The votes token's ERC-6372 clock is `mode`, not timestamps (empty when the token does not tell); both
    /// houses, the veto and the operational snapshots count in seconds.
    error CommunityTokenClockNotTimestamp(string mode);

    /// @notice `voter` cast a veto with `weight` on operational proposal `proposalId`; `totalVeto` so far.
    event VetoCast(address indexed voter, uint256 indexed proposalId, uint256 weight, uint256 totalVeto, string reason);
    /// @notice Veto votes on `proposalId` reached `threshold`: its timelock operation was cancelled.
    event ProposalVetoed(uint256 indexed proposalId, uint256 totalVeto, uint256 threshold);
    /// @notice The veto threshold went from `oldNumerator` to `newNumerator` (over {vetoDenominator}).
    event VetoThresholdSet(uint256 oldNumerator, uint256 newNumerator);

    /// @notice Casts the caller's veto on operational proposal `proposalId` during its veto window, with its
    /// voting power at that proposal's snapshot. Cancels the proposal in the timelock when the threshold is met.
    function castVeto(uint256 proposalId, string calldata reason) external returns (uint256 weight);

    /// @notice Casts `voter`'s veto on operational proposal `proposalId`, relayed by anyone, authorised by
    /// `voter`'s EIP-712 signature (an EOA's, or an ERC-1271 contract's such as a Safe) of
    /// `Veto(uint256 proposalId,address voter,uint256 nonce,string reason)` in this house's domain, with `voter`'s
    /// current nonce (the nonces of signed votes: {nonces}), which it consumes. Refused with
    /// `GovernorInvalidSignature(voter)` when the signature does not match; otherwise as {castVeto}.
    function castVetoBySig(
        uint256 proposalId,
        address voter,
        string calldata reason,
        bytes calldata signature
    ) external returns (uint256 weight);

    /// @notice The EIP-712 type hash of a signed veto (see {castVetoBySig}).
    // solhint-disable-next-line func-name-mixedcase
    function VETO_TYPEHASH() external view returns (bytes32);

    /// @notice Governance sets the veto threshold numerator (over {vetoDenominator}). Constitutional.
    function setVetoThreshold(uint256 newNumerator) external;

    /// @notice The operational house whose proposals this house vetoes.
    function operationalHouse() external view returns (address);

    /// @notice Veto threshold numerator: veto succeeds at `numerator / denominator` of the token's total supply
    /// at the operational proposal's snapshot.
    function vetoThresholdNumerator() external view returns (uint256);

    /// @notice Denominator of the veto threshold (10,000: basis points).
    function vetoDenominator() external pure returns (uint256);

    /// @notice Veto votes needed to veto `proposalId` (at least 1).
    function vetoThreshold(uint256 proposalId) external view returns (uint256);

    /// @notice Veto votes cast on `proposalId` so far.
    function vetoVotes(uint256 proposalId) external view returns (uint256);

    /// @notice True when `account` vetoed `proposalId`.
    function hasVetoed(uint256 proposalId, address account) external view returns (bool);

    /// @notice True when `proposalId` was vetoed (its timelock operation cancelled by this house).
    function isVetoed(uint256 proposalId) external view returns (bool);

    /// @notice The digest (keccak256 of the packed code hashes, in target order) of the targets' code recorded when
    /// `proposalId` was proposed here; zero for an unknown proposal. The operational house adopts it when it opens
    /// the constitutional proposal, so `execute` there is refused if any target's code differs from what the
    /// community voted on.
    function proposalCodeDigest(uint256 proposalId) external view returns (bytes32);
}
