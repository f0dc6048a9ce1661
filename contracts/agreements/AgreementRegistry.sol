// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";
import {Multicall} from "@openzeppelin/contracts/utils/Multicall.sol";

import {ICellRegistry} from "../cells/ICellRegistry.sol";
import {IAgreementRegistry} from "./IAgreementRegistry.sol";

/// @title AgreementRegistry
/// @notice Explicit agreements between accounts and Concord cells. Anyone proposes terms (a title and a URI
/// kept in events, a content hash, an optional expiry); every party acknowledges the hash explicitly; the agreement
/// is then active until a party terminates it, it expires, or an amendment of it becomes active.
///
/// @dev Design notes
/// - No owner, no admin: every call is authorised by the party / steward / proposer rules below.
/// - A party is an account or a cell. A cell party acts through any steward of the cell, as
///   {ICellRegistry-isSteward} defines it (stewards of ancestors included). Account parties act
///   themselves, directly or by an EIP-712 signature (EOA or ERC-1271 wallet) that anyone submits.
/// - At most {MAX_PARTIES} parties, so that the acknowledgement bitmap fits in 16 bits and every loop over
///   parties is bounded by 16 iterations. Batches are bounded by {MAX_BATCH} entries.
/// - Acknowledging is O(1): `_partyIndex[partySet][party]` gives the party's bit; the bitmap lives in the
///   agreement's first slot with its status, expiry, activation time and links.
/// - Amendments: `amend` creates a new agreement with `amends` = the original and `partySet` = the
///   original's party set (no copy of the parties). When every party acknowledged the amendment, it becomes
///   Active and the original Superseded, in the same transaction; until then the original stays Active.
///   Several amendments of one agreement may be pending at once: the first to be fully acknowledged wins.
///   A pending amendment can only activate while its original is Active: once the original is terminated,
///   expired or superseded (by a competing amendment), the pending amendment lapses and reads as Expired,
///   without a transaction (as expiry by time does).
/// - Expiry is derived: a Proposed or Active agreement whose `expiresAt` has passed (`now >= expiresAt`) reads
///   as Expired; it can no longer be acknowledged, declined, withdrawn, terminated or amended.
/// - Signatures are replay-proof: the struct names the agreement (an amendment is a new agreement), the terms
///   hash, the party (the signer, or the cell it stewards) and the signer's nonce *for that agreement*; the
///   EIP-712 domain names this chain and this deployment; a deadline bounds it in time. A signature counts
///   once because the party's bit is set once and never cleared, and agreement ids are never reused, so
///   using a signature writes no nonce. Nonces are per (signer, agreement) and only move when the signer
///   burns one ({invalidateNonce}, to revoke a signature it handed out): a signer's signatures for different
///   agreements are independent, and withdrawing or revoking one strands no other.
/// - A signature batch applies every valid entry and skips the others with an {AcknowledgementSkipped} event
///   carrying the entry's custom error, so one front-run or revoked entry does not sink a relayer's batch.
///   The checks return that error instead of reverting ({_checkAcknowledgement}); the single-entry calls
///   revert with it.
/// - Text is bounded: a title is 1..{MAX_TITLE_LENGTH} bytes and a terms URI 1..{MAX_URI_LENGTH} bytes, so
///   no event can be inflated to make every indexer and dashboard rebuild megabytes, and no agreement commits
///   its parties to a document nobody can find. Both are emitted, never stored (about 8 gas per byte of event
///   data instead of 20k per slot); the registry keeps bytes as given, without checking UTF-8 or a URI
///   scheme: readers treat them as untrusted text (the SDK and the app only link https:// and ipfs://).
///   Acknowledgements name the agreement id, and an id has exactly one proposal event: signing for an id binds
///   its title and URI as well as its terms hash.
/// - Every external call (cell registry, ERC-1271 wallets) is a static call: no reentrancy is possible.
///
/// Invariants (checked by test/agreements/AgreementRegistry.invariant.t.sol):
/// - A1 an agreement is Active only when every party acknowledged its terms hash (bitmap full);
/// - A2 the acknowledged count never exceeds the party count, and only bits below the party count are set;
/// - A3 Rejected, Withdrawn, Terminated, Expired and Superseded are final: the effective status never
///   leaves them; Active is only reached from Proposed;
/// - A4 a signature counts at most once: it names one agreement and one party, whose bit is set once and
///   never cleared; a signature over a nonce the signer burnt is never accepted;
/// - A5 an agreement is Superseded only by an Active amendment of it, named in `supersededBy`.
contract AgreementRegistry is IAgreementRegistry, EIP712, Multicall {
    /// @notice The most parties an agreement can have (the acknowledgement bitmap is 16 bits).
    uint256 public constant MAX_PARTIES = 16;
    /// @notice The fewest parties an agreement can have.
    uint256 public constant MIN_PARTIES = 2;
    /// @notice The most entries in {acknowledgeMany} and {acknowledgeBySigBatch}.
    uint256 public constant MAX_BATCH = 32;
    /// @notice The longest terms URI, in bytes (UTF-8): room for any IPFS / Arweave URI or an https URL.
    uint256 public constant MAX_URI_LENGTH = 256;
    /// @notice The longest title, in bytes (UTF-8): a line of a list, not a document.
    uint256 public constant MAX_TITLE_LENGTH = 96;

    /// @notice EIP-712 struct signed by an account party.
    bytes32 public constant ACKNOWLEDGE_TYPEHASH = keccak256(
        "Acknowledge(uint256 agreementId,bytes32 termsHash,address signer,uint256 nonce,uint256 deadline)"
    );
    /// @notice EIP-712 struct signed by a steward of a cell party.
    bytes32 public constant ACKNOWLEDGE_FOR_CELL_TYPEHASH = keccak256(
        // solhint-disable-next-line max-line-length
        "AcknowledgeForCell(uint256 agreementId,uint256 cellId,bytes32 termsHash,address signer,uint256 nonce,uint256 deadline)"
    );

    /// @dev Party keys: an account is its address (below 2^160); a cell is its id with the top bit set.
    uint256 private constant _CELL_FLAG = 1 << 255;

    // ─────────────────────────────────────────────────────────────── storage

    /// @dev Four slots per agreement. Slot 0 is everything acknowledging reads and writes.
    struct Agreement {
        Status status; // ─┐ 1  slot 0. Stored: Proposed, Active, Rejected, Withdrawn, Terminated, Superseded
        uint8 partyCount; //  │ 1  2..MAX_PARTIES
        uint16 acknowledged; //  │ 2  bit i: party i acknowledged
        uint64 expiresAt; //  │ 8  0: no expiry
        uint40 activatedAt; //  │ 5  0 until Active
        uint48 partySet; //  │ 6  the id whose parties apply: itself, or the root of its amendment chain
        uint48 amends; // ─┘ 6  the original this amends, or 0    = 29 bytes
        bytes32 termsHash; // ── 32 slot 1
        address proposer; // ─┐ 20 slot 2
        uint48 supersededBy; //  │ 6  the amendment that replaced it, or 0
        uint40 terminatedAt; // ─┘ 5  0 unless Terminated          = 31 bytes
        address terminatedBy; // ── 20 slot 3
    }

    ICellRegistry private immutable _CELLS;

    /// @dev Ids start at 1. 48-bit ids cannot overflow by counting proposals (each costs > 100k gas).
    uint256 private _agreementCount;

    mapping(uint256 agreementId => Agreement) private _agreements;
    /// @dev Party key → index + 1 (0: not a party), per party set. O(1) party lookup and duplicate check.
    mapping(uint256 partySet => mapping(bytes32 party => uint256 indexPlusOne)) private _partyIndex;
    /// @dev Index → party key, per party set, for {partiesOf}. Accounts first, then cells.
    mapping(uint256 partySet => mapping(uint256 index => bytes32 party)) private _parties;
    /// @dev The nonce a signature by `signer` for `agreementId` covers; moved only by {invalidateNonce}.
    mapping(address signer => mapping(uint256 agreementId => uint256)) private _nonces;

    /// @param cells_ the cell registry whose stewards act for cell parties.
    constructor(ICellRegistry cells_) EIP712("Concord Agreements", "1") {
        if (address(cells_) == address(0)) revert AgreementZeroAddress();
        _CELLS = cells_;
    }

    // ─────────────────────────────────────────────────────────────── proposing

    /// @inheritdoc IAgreementRegistry
    function propose(
        address[] calldata accounts,
        uint256[] calldata cells,
        string calldata title,
        bytes32 termsHash,
        string calldata termsURI,
        uint64 expiresAt
    ) external returns (uint256 agreementId) {
        uint256 count = accounts.length + cells.length;
        if (count < MIN_PARTIES) revert AgreementTooFewParties(count, MIN_PARTIES);
        if (count > MAX_PARTIES) revert AgreementTooManyParties(count, MAX_PARTIES);
        _validateTerms(title, termsHash, termsURI, expiresAt);

        agreementId = ++_agreementCount;
        _storeParties(agreementId, accounts, cells);
        Agreement storage agreement = _agreements[agreementId];
        agreement.status = Status.Proposed;
        agreement.partyCount = uint8(count); // <= MAX_PARTIES
        agreement.expiresAt = expiresAt;
        agreement.partySet = uint48(agreementId);
        agreement.termsHash = termsHash;
        agreement.proposer = msg.sender;
        emit AgreementProposed(agreementId, msg.sender, accounts, cells, title, termsHash, termsURI, expiresAt);
    }

    /// @inheritdoc IAgreementRegistry
    function amend(
        uint256 agreementId,
        string calldata title,
        bytes32 termsHash,
        string calldata termsURI,
        uint64 expiresAt
    ) external returns (uint256) {
        Agreement storage original = _requireStatus(agreementId, Status.Active);
        _requireAccountParty(agreementId, original, msg.sender);
        return _amend(agreementId, original, 0, title, termsHash, termsURI, expiresAt);
    }

    /// @inheritdoc IAgreementRegistry
    function amendForCell(
        uint256 agreementId,
        uint256 cellId,
        string calldata title,
        bytes32 termsHash,
        string calldata termsURI,
        uint64 expiresAt
    ) external returns (uint256) {
        Agreement storage original = _requireStatus(agreementId, Status.Active);
        _requireCellSteward(agreementId, original, cellId, msg.sender);
        return _amend(agreementId, original, cellId, title, termsHash, termsURI, expiresAt);
    }

    // ─────────────────────────────────────────────────────────────── acknowledging

    /// @inheritdoc IAgreementRegistry
    function acknowledge(uint256 agreementId, bytes32 termsHash) external {
        (Agreement storage agreement, uint256 bit) = _acknowledgeable(agreementId, 0, termsHash, msg.sender);
        _recordAcknowledgement(agreementId, agreement, bit, 0, msg.sender, false);
    }

    /// @inheritdoc IAgreementRegistry
    function acknowledgeForCell(uint256 agreementId, uint256 cellId, bytes32 termsHash) external {
        // Cell 0 never exists; refused here so that it cannot reach the account path of the shared check.
        if (cellId == 0) revert AgreementCellNotParty(agreementId, 0);
        (Agreement storage agreement, uint256 bit) = _acknowledgeable(agreementId, cellId, termsHash, msg.sender);
        _recordAcknowledgement(agreementId, agreement, bit, cellId, msg.sender, false);
    }

    /// @inheritdoc IAgreementRegistry
    function acknowledgeMany(uint256[] calldata ids, bytes32[] calldata termsHashes) external {
        uint256 length = ids.length;
        if (length == 0 || length > MAX_BATCH) revert AgreementBatchLength(length, MAX_BATCH);
        if (termsHashes.length != length) revert AgreementLengthMismatch(length, termsHashes.length);
        for (uint256 i; i < length; ++i) {
            uint256 agreementId = ids[i];
            (Agreement storage agreement, uint256 bit) = _acknowledgeable(agreementId, 0, termsHashes[i], msg.sender);
            _recordAcknowledgement(agreementId, agreement, bit, 0, msg.sender, false);
        }
    }

    /// @inheritdoc IAgreementRegistry
    function acknowledgeBySig(
        uint256 agreementId,
        address signer,
        bytes32 termsHash,
        uint256 deadline,
        bytes calldata signature
    ) external {
        (Agreement storage agreement, uint256 bit, bytes memory reason) = _checkSigned(
            agreementId,
            0,
            signer,
            termsHash,
            deadline,
            signature
        );
        if (reason.length != 0) _revertWith(reason);
        _recordAcknowledgement(agreementId, agreement, bit, 0, signer, true);
    }

    /// @inheritdoc IAgreementRegistry
    function acknowledgeForCellBySig(
        uint256 agreementId,
        uint256 cellId,
        address signer,
        bytes32 termsHash,
        uint256 deadline,
        bytes calldata signature
    ) external {
        // Cell 0 never exists; refused here so that it cannot reach the account path of the shared internal.
        if (cellId == 0) revert AgreementCellNotParty(agreementId, 0);
        (Agreement storage agreement, uint256 bit, bytes memory reason) = _checkSigned(
            agreementId,
            cellId,
            signer,
            termsHash,
            deadline,
            signature
        );
        if (reason.length != 0) _revertWith(reason);
        _recordAcknowledgement(agreementId, agreement, bit, cellId, signer, true);
    }

    /// @inheritdoc IAgreementRegistry
    function acknowledgeBySigBatch(SignedAcknowledgement[] calldata entries) external returns (uint256 skipped) {
        uint256 length = entries.length;
        if (length == 0 || length > MAX_BATCH) revert AgreementBatchLength(length, MAX_BATCH);
        // Bounded by MAX_BATCH (32) iterations, so `skipped` has a bit for every entry.
        for (uint256 i; i < length; ++i) {
            SignedAcknowledgement calldata entry = entries[i];
            (Agreement storage agreement, uint256 bit, bytes memory reason) = _checkSigned(
                entry.agreementId,
                entry.cellId,
                entry.signer,
                entry.termsHash,
                entry.deadline,
                entry.signature
            );
            if (reason.length == 0) {
                _recordAcknowledgement(entry.agreementId, agreement, bit, entry.cellId, entry.signer, true);
            } else {
                skipped |= 1 << i;
                emit AcknowledgementSkipped(entry.agreementId, entry.signer, entry.cellId, i, reason);
            }
        }
    }

    /// @inheritdoc IAgreementRegistry
    function invalidateNonce(uint256 agreementId) external returns (uint256 nonce) {
        nonce = _nonces[msg.sender][agreementId]++;
        emit NonceInvalidated(msg.sender, agreementId, nonce);
    }

    // ─────────────────────────────────────────────────────────────── ending

    /// @inheritdoc IAgreementRegistry
    function decline(uint256 agreementId) external {
        Agreement storage agreement = _requireStatus(agreementId, Status.Proposed);
        _requireAccountParty(agreementId, agreement, msg.sender);
        agreement.status = Status.Rejected;
        emit AgreementDeclined(agreementId, msg.sender, 0);
    }

    /// @inheritdoc IAgreementRegistry
    function declineForCell(uint256 agreementId, uint256 cellId) external {
        Agreement storage agreement = _requireStatus(agreementId, Status.Proposed);
        _requireCellSteward(agreementId, agreement, cellId, msg.sender);
        agreement.status = Status.Rejected;
        emit AgreementDeclined(agreementId, msg.sender, cellId);
    }

    /// @inheritdoc IAgreementRegistry
    function withdraw(uint256 agreementId) external {
        Agreement storage agreement = _requireStatus(agreementId, Status.Proposed);
        address proposer = agreement.proposer;
        if (msg.sender != proposer) revert AgreementNotProposer(agreementId, proposer, msg.sender);
        agreement.status = Status.Withdrawn;
        emit AgreementWithdrawn(agreementId, msg.sender);
    }

    /// @inheritdoc IAgreementRegistry
    function terminate(uint256 agreementId) external {
        Agreement storage agreement = _requireStatus(agreementId, Status.Active);
        _requireAccountParty(agreementId, agreement, msg.sender);
        _terminate(agreementId, agreement, 0);
    }

    /// @inheritdoc IAgreementRegistry
    function terminateForCell(uint256 agreementId, uint256 cellId) external {
        Agreement storage agreement = _requireStatus(agreementId, Status.Active);
        _requireCellSteward(agreementId, agreement, cellId, msg.sender);
        _terminate(agreementId, agreement, cellId);
    }

    // ─────────────────────────────────────────────────────────────── reads

    /// @inheritdoc IAgreementRegistry
    function statusOf(uint256 agreementId) external view returns (uint8) {
        return uint8(_statusOf(_agreements[agreementId]));
    }

    /// @inheritdoc IAgreementRegistry
    function getAgreement(uint256 agreementId) external view returns (AgreementInfo memory info) {
        Agreement storage agreement = _requireKnown(agreementId);
        uint16 acknowledged = agreement.acknowledged;
        info.proposer = agreement.proposer;
        info.status = _statusOf(agreement);
        info.termsHash = agreement.termsHash;
        info.expiresAt = agreement.expiresAt;
        info.activatedAt = agreement.activatedAt;
        info.terminatedBy = agreement.terminatedBy;
        info.terminatedAt = agreement.terminatedAt;
        info.amends = agreement.amends;
        info.supersededBy = agreement.supersededBy;
        info.partySet = agreement.partySet;
        info.partyCount = agreement.partyCount;
        info.acknowledgedCount = _popcount(acknowledged);
        info.acknowledgedMask = acknowledged;
    }

    /// @inheritdoc IAgreementRegistry
    function partiesOf(uint256 agreementId) external view returns (address[] memory accounts, uint256[] memory cells) {
        Agreement storage agreement = _requireKnown(agreementId);
        uint256 count = agreement.partyCount;
        mapping(uint256 => bytes32) storage list = _parties[agreement.partySet];
        bytes32[] memory keys = new bytes32[](count);
        uint256 accountCount;
        // Bounded by MAX_PARTIES iterations. Accounts come first, so they are a prefix of the list.
        for (uint256 i; i < count; ++i) {
            keys[i] = list[i];
            if (uint256(keys[i]) & _CELL_FLAG == 0) ++accountCount;
        }
        accounts = new address[](accountCount);
        cells = new uint256[](count - accountCount);
        for (uint256 i; i < accountCount; ++i) accounts[i] = address(uint160(uint256(keys[i])));
        for (uint256 i = accountCount; i < count; ++i) cells[i - accountCount] = uint256(keys[i]) & ~_CELL_FLAG;
    }

    /// @inheritdoc IAgreementRegistry
    function isParty(uint256 agreementId, address account) external view returns (bool) {
        return _partyIndex[_agreements[agreementId].partySet][_accountKey(account)] != 0;
    }

    /// @inheritdoc IAgreementRegistry
    function isCellParty(uint256 agreementId, uint256 cellId) external view returns (bool) {
        return _partyIndex[_agreements[agreementId].partySet][_cellKey(cellId)] != 0;
    }

    /// @inheritdoc IAgreementRegistry
    function hasAcknowledged(uint256 agreementId, address account) external view returns (bool) {
        return _hasAcknowledged(_agreements[agreementId], _accountKey(account));
    }

    /// @inheritdoc IAgreementRegistry
    function hasAcknowledgedCell(uint256 agreementId, uint256 cellId) external view returns (bool) {
        return _hasAcknowledged(_agreements[agreementId], _cellKey(cellId));
    }

    /// @inheritdoc IAgreementRegistry
    function agreementCount() external view returns (uint256) {
        return _agreementCount;
    }

    /// @inheritdoc IAgreementRegistry
    function cellRegistry() external view returns (ICellRegistry) {
        return _CELLS;
    }

    /// @inheritdoc IAgreementRegistry
    function nonces(address signer, uint256 agreementId) external view returns (uint256) {
        return _nonces[signer][agreementId];
    }

    /// @inheritdoc IAgreementRegistry
    function domainSeparator() external view returns (bytes32) {
        return _domainSeparatorV4();
    }

    // ─────────────────────────────────────────────────────────────── internals

    /// @dev Every check of an acknowledgement of `agreementId` by `by`, as account party (`cellId == 0`) or
    /// as a steward of cell party `cellId`. Returns the agreement and the party's bit, or in `reason` the
    /// custom error the acknowledgement fails with (empty when it may be recorded). Returning the error rather
    /// than reverting lets a batch skip one entry and go on ({acknowledgeBySigBatch}).
    function _checkAcknowledgement(
        uint256 agreementId,
        uint256 cellId,
        bytes32 termsHash,
        address by
    ) private view returns (Agreement storage agreement, uint256 bit, bytes memory reason) {
        agreement = _agreements[agreementId];
        Status status = _statusOf(agreement);
        if (status != Status.Proposed) {
            reason =
                status == Status.None
                    ? abi.encodeWithSelector(AgreementUnknown.selector, agreementId)
                    : abi.encodeWithSelector(AgreementWrongStatus.selector, agreementId, status, Status.Proposed);
            return (agreement, 0, reason);
        }
        uint256 indexPlusOne = _partyIndex[agreement.partySet][cellId == 0 ? _accountKey(by) : _cellKey(cellId)];
        if (indexPlusOne == 0) {
            reason =
                cellId == 0
                    ? abi.encodeWithSelector(AgreementNotParty.selector, agreementId, by)
                    : abi.encodeWithSelector(AgreementCellNotParty.selector, agreementId, cellId);
            return (agreement, 0, reason);
        }
        bit = 1 << (indexPlusOne - 1);
        if (agreement.acknowledged & bit != 0) {
            reason =
                cellId == 0
                    ? abi.encodeWithSelector(AgreementAlreadyAcknowledged.selector, agreementId, by)
                    : abi.encodeWithSelector(AgreementCellAlreadyAcknowledged.selector, agreementId, cellId);
            return (agreement, 0, reason);
        }
        bytes32 expected = agreement.termsHash;
        if (termsHash != expected) {
            return (
                agreement,
                0,
                abi.encodeWithSelector(AgreementTermsMismatch.selector, agreementId, expected, termsHash)
            );
        }
        if (cellId != 0 && !_CELLS.isSteward(cellId, by)) {
            return (agreement, 0, abi.encodeWithSelector(AgreementNotSteward.selector, cellId, by));
        }
    }

    /// @dev {_checkAcknowledgement} for the direct calls: reverts with the error it returns.
    function _acknowledgeable(
        uint256 agreementId,
        uint256 cellId,
        bytes32 termsHash,
        address by
    ) private view returns (Agreement storage agreement, uint256 bit) {
        bytes memory reason;
        (agreement, bit, reason) = _checkAcknowledgement(agreementId, cellId, termsHash, by);
        if (reason.length != 0) _revertWith(reason);
    }

    /// @dev The single check of every signed acknowledgement: the deadline, then {_checkAcknowledgement}, then
    /// the signature over the signer's nonce for this agreement. Reads the nonce and writes nothing: the
    /// party's bit, set once and never cleared, is what makes a signature count once (A4).
    function _checkSigned(
        uint256 agreementId,
        uint256 cellId,
        address signer,
        bytes32 termsHash,
        uint256 deadline,
        bytes calldata signature
    ) private view returns (Agreement storage agreement, uint256 bit, bytes memory reason) {
        if (block.timestamp > deadline) {
            agreement = _agreements[agreementId];
            return (
                agreement,
                0,
                abi.encodeWithSelector(AgreementSignatureExpired.selector, deadline, block.timestamp)
            );
        }
        (agreement, bit, reason) = _checkAcknowledgement(agreementId, cellId, termsHash, signer);
        if (reason.length != 0) return (agreement, 0, reason);
        bytes32 digest = _hashTypedDataV4(_structHash(agreementId, cellId, termsHash, signer, deadline));
        if (!SignatureChecker.isValidSignatureNow(signer, digest, signature)) {
            return (agreement, 0, abi.encodeWithSelector(AgreementInvalidSigner.selector, agreementId, signer));
        }
    }

    /// @dev The EIP-712 struct hash a signature must cover: `Acknowledge` for an account party (`cellId == 0`),
    /// `AcknowledgeForCell` otherwise, over `signer`'s current nonce for `agreementId`.
    function _structHash(
        uint256 agreementId,
        uint256 cellId,
        bytes32 termsHash,
        address signer,
        uint256 deadline
    ) private view returns (bytes32) {
        uint256 nonce = _nonces[signer][agreementId];
        if (cellId == 0) {
            return keccak256(abi.encode(ACKNOWLEDGE_TYPEHASH, agreementId, termsHash, signer, nonce, deadline));
        }
        return
            keccak256(
                abi.encode(ACKNOWLEDGE_FOR_CELL_TYPEHASH, agreementId, cellId, termsHash, signer, nonce, deadline)
            );
    }

    /// @dev Reverts with `reason`, an ABI-encoded custom error of this contract.
    function _revertWith(bytes memory reason) private pure {
        assembly ("memory-safe") {
            revert(add(reason, 0x20), mload(reason))
        }
    }

    /// @dev Sets the party's bit; the last one activates the agreement and supersedes the original it amends
    /// (which {_statusOf} guaranteed Active when the acknowledgement was checked).
    function _recordAcknowledgement(
        uint256 agreementId,
        Agreement storage agreement,
        uint256 bit,
        uint256 cellId,
        address by,
        bool bySignature
    ) private {
        uint256 acknowledged = agreement.acknowledged | bit;
        agreement.acknowledged = uint16(acknowledged);
        emit AgreementAcknowledged(agreementId, by, cellId, bySignature);
        if (acknowledged != (1 << agreement.partyCount) - 1) return;

        agreement.status = Status.Active;
        agreement.activatedAt = uint40(block.timestamp);
        emit AgreementActivated(agreementId);
        uint256 originalId = agreement.amends;
        if (originalId != 0) {
            Agreement storage original = _agreements[originalId];
            original.status = Status.Superseded;
            original.supersededBy = uint48(agreementId);
            emit AgreementSuperseded(originalId, agreementId);
        }
    }

    /// @dev Writes the party set `agreementId`: index and list, accounts then cells. Refuses zero addresses,
    /// cells that do not exist and duplicates (the index doubles as the duplicate check). Bounded by
    /// MAX_PARTIES iterations in all (checked by the caller).
    function _storeParties(uint256 agreementId, address[] calldata accounts, uint256[] calldata cells) private {
        mapping(bytes32 => uint256) storage index = _partyIndex[agreementId];
        mapping(uint256 => bytes32) storage list = _parties[agreementId];
        uint256 accountCount = accounts.length;
        for (uint256 i; i < accountCount; ++i) {
            address account = accounts[i];
            if (account == address(0)) revert AgreementZeroAddress();
            bytes32 key = _accountKey(account);
            if (index[key] != 0) revert AgreementDuplicateAccount(account);
            index[key] = i + 1;
            list[i] = key;
        }
        uint256 cellCount = cells.length;
        for (uint256 j; j < cellCount; ++j) {
            uint256 cellId = cells[j];
            if (cellId >= _CELL_FLAG || !_CELLS.exists(cellId)) revert AgreementNonexistentCell(cellId);
            bytes32 key = bytes32(cellId | _CELL_FLAG);
            if (index[key] != 0) revert AgreementDuplicateCell(cellId);
            uint256 i = accountCount + j;
            index[key] = i + 1;
            list[i] = key;
        }
    }

    function _amend(
        uint256 originalId,
        Agreement storage original,
        uint256 cellId,
        string calldata title,
        bytes32 termsHash,
        string calldata termsURI,
        uint64 expiresAt
    ) private returns (uint256 amendmentId) {
        _validateTerms(title, termsHash, termsURI, expiresAt);
        amendmentId = ++_agreementCount;
        Agreement storage amendment = _agreements[amendmentId];
        amendment.status = Status.Proposed;
        amendment.partyCount = original.partyCount;
        amendment.expiresAt = expiresAt;
        amendment.partySet = original.partySet;
        amendment.amends = uint48(originalId);
        amendment.termsHash = termsHash;
        amendment.proposer = msg.sender;
        emit AgreementAmendmentProposed(
            amendmentId,
            originalId,
            msg.sender,
            cellId,
            title,
            termsHash,
            termsURI,
            expiresAt
        );
    }

    function _terminate(uint256 agreementId, Agreement storage agreement, uint256 cellId) private {
        agreement.status = Status.Terminated;
        agreement.terminatedAt = uint40(block.timestamp);
        agreement.terminatedBy = msg.sender;
        emit AgreementTerminated(agreementId, msg.sender, cellId);
    }

    /// @dev The effective status: the stored one, except that a Proposed or Active agreement past its expiry,
    /// and a Proposed amendment whose original is no longer Active, read as Expired. An original is never
    /// Proposed (only Active agreements are amended), so the walk is one level deep.
    function _statusOf(Agreement storage agreement) private view returns (Status status) {
        status = agreement.status;
        if (status != Status.Proposed && status != Status.Active) return status;
        if (_expired(agreement)) return Status.Expired;
        if (status == Status.Proposed) {
            uint256 originalId = agreement.amends;
            if (originalId != 0) {
                Agreement storage original = _agreements[originalId];
                if (original.status != Status.Active || _expired(original)) return Status.Expired;
            }
        }
    }

    function _expired(Agreement storage agreement) private view returns (bool) {
        uint64 expiresAt = agreement.expiresAt;
        return expiresAt != 0 && block.timestamp >= expiresAt;
    }

    function _requireKnown(uint256 agreementId) private view returns (Agreement storage agreement) {
        agreement = _agreements[agreementId];
        if (agreement.status == Status.None) revert AgreementUnknown(agreementId);
    }

    function _requireStatus(uint256 agreementId, Status required) private view returns (Agreement storage agreement) {
        agreement = _agreements[agreementId];
        Status status = _statusOf(agreement);
        if (status != required) {
            if (status == Status.None) revert AgreementUnknown(agreementId);
            revert AgreementWrongStatus(agreementId, status, required);
        }
    }

    function _requireAccountParty(uint256 agreementId, Agreement storage agreement, address account) private view {
        if (_partyIndex[agreement.partySet][_accountKey(account)] == 0) revert AgreementNotParty(agreementId, account);
    }

    function _requireCellSteward(
        uint256 agreementId,
        Agreement storage agreement,
        uint256 cellId,
        address account
    ) private view {
        if (_partyIndex[agreement.partySet][_cellKey(cellId)] == 0) revert AgreementCellNotParty(agreementId, cellId);
        if (!_CELLS.isSteward(cellId, account)) revert AgreementNotSteward(cellId, account);
    }

    /// @dev The checks of every proposal and amendment proposal: a title, a hash and a URI, all bounded, and an
    /// expiry in the future (or none).
    function _validateTerms(
        string calldata title,
        bytes32 termsHash,
        string calldata termsURI,
        uint64 expiresAt
    ) private view {
        uint256 titleLength = bytes(title).length;
        if (titleLength == 0) revert AgreementTitleEmpty();
        if (titleLength > MAX_TITLE_LENGTH) revert AgreementTitleTooLong(titleLength, MAX_TITLE_LENGTH);
        if (termsHash == bytes32(0)) revert AgreementEmptyTerms();
        uint256 uriLength = bytes(termsURI).length;
        if (uriLength == 0) revert AgreementURIEmpty();
        if (uriLength > MAX_URI_LENGTH) revert AgreementURITooLong(uriLength, MAX_URI_LENGTH);
        if (expiresAt != 0 && expiresAt <= block.timestamp) revert AgreementExpiryInPast(expiresAt, block.timestamp);
    }

    function _hasAcknowledged(Agreement storage agreement, bytes32 key) private view returns (bool) {
        uint256 indexPlusOne = _partyIndex[agreement.partySet][key];
        return indexPlusOne != 0 && agreement.acknowledged & (1 << (indexPlusOne - 1)) != 0;
    }

    function _accountKey(address account) private pure returns (bytes32) {
        return bytes32(uint256(uint160(account)));
    }

    /// @dev Ids with the top bit set are never cells ({propose} refuses them): they map to the key of the zero
    /// address, which is never a party.
    function _cellKey(uint256 cellId) private pure returns (bytes32) {
        return cellId < _CELL_FLAG ? bytes32(cellId | _CELL_FLAG) : bytes32(0);
    }

    function _popcount(uint16 mask) private pure returns (uint8 count) {
        // Bounded by 16 iterations.
        for (uint256 m = mask; m != 0; m &= m - 1) ++count;
    }
}
