// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC5267} from "@openzeppelin/contracts/interfaces/IERC5267.sol";

import {ICellRegistry} from "../cells/ICellRegistry.sol";

/// @title IAgreementRegistry
/// @notice Explicit agreements between accounts and cells: proposed terms (a title, a content hash and a URI), an
/// acknowledgement by every party (directly, by EIP-712 signature, or in batches), activation, termination,
/// expiry by time and amendments that supersede the agreement they amend.
/// @dev Errors and events live here so that the SDK, the app and other contracts share one definition.
/// An indexer rebuilds every agreement from the events alone: {AgreementProposed} and
/// {AgreementAmendmentProposed} give the parties and terms, the other events every transition. Two
/// transitions have no event because no transaction makes them: expiry by time, and the lapse of a pending
/// amendment when its original stops being Active (both read as Expired, see {statusOf}).
interface IAgreementRegistry is IERC5267 {
    // ─────────────────────────────────────────────────────────────── types

    /// @notice The life of an agreement. `Expired` is never stored: reads derive it from the clock.
    enum Status {
        None, // 0 never proposed
        Proposed, // 1 waiting for acknowledgements
        Active, // 2 every party acknowledged the terms
        Rejected, // 3 a party declined before activation
        Withdrawn, // 4 the proposer withdrew it before activation
        Terminated, // 5 a party ended it while active
        Expired, // 6 its expiry passed while proposed or active (or, for an amendment, its original lapsed)
        Superseded // 7 an amendment of it became active
    }

    /// @notice Everything stored about an agreement, in one read. `status` is the effective status.
    struct AgreementInfo {
        Status status;
        bytes32 termsHash;
        address proposer;
        uint64 expiresAt; // 0: no expiry
        uint8 partyCount;
        uint8 acknowledgedCount;
        uint16 acknowledgedMask; // bit i: party i acknowledged, in {partiesOf} order (accounts, then cells)
        uint64 activatedAt; // 0 until every party acknowledged
        address terminatedBy; // the party account or cell steward that terminated it, or zero
        uint64 terminatedAt; // 0 unless terminated
        uint256 amends; // the agreement this one amends, or 0
        uint256 supersededBy; // the amendment that superseded this one, or 0
        uint256 partySet; // the agreement that defined the parties: itself, or the first of its amendment chain
    }

    /// @notice One signed acknowledgement for {acknowledgeBySigBatch}. `cellId == 0`: `signer` is an account
    /// party (struct `Acknowledge`); otherwise `signer` is a steward of cell party `cellId`
    /// (struct `AcknowledgeForCell`).
    struct SignedAcknowledgement {
        uint256 agreementId;
        uint256 cellId;
        address signer;
        bytes32 termsHash;
        uint256 deadline;
        bytes signature;
    }

    // ─────────────────────────────────────────────────────────────── errors

    /// @notice `agreementId` was never proposed.
    error AgreementUnknown(uint256 agreementId);
    /// @notice `agreementId` is in `status`; the call needs `required`.
    error AgreementWrongStatus(uint256 agreementId, Status status, Status required);
    /// @notice `account` is not an account party of `agreementId`.
    error AgreementNotParty(uint256 agreementId, address account);
    /// @notice `cellId` is not a cell party of `agreementId`.
    error AgreementCellNotParty(uint256 agreementId, uint256 cellId);
    /// @notice `account` is not a steward of `cellId` nor of any of its ancestors.
    error AgreementNotSteward(uint256 cellId, address account);
    /// @notice Only `proposer` may withdraw `agreementId`; `account` tried.
    error AgreementNotProposer(uint256 agreementId, address proposer, address account);
    /// @notice The terms of `agreementId` hash to `expected`; the call named `given`.
    error AgreementTermsMismatch(uint256 agreementId, bytes32 expected, bytes32 given);
    /// @notice Account party `account` already acknowledged `agreementId`.
    error AgreementAlreadyAcknowledged(uint256 agreementId, address account);
    /// @notice Cell party `cellId` already acknowledged `agreementId`.
    error AgreementCellAlreadyAcknowledged(uint256 agreementId, uint256 cellId);
    /// @notice The signature was valid until `deadline`; it is now `nowTime`.
    error AgreementSignatureExpired(uint256 deadline, uint256 nowTime);
    /// @notice The signature is not `signer`'s over this acknowledgement of `agreementId` with `signer`'s current
    /// nonce for `agreementId` ({nonces}).
    error AgreementInvalidSigner(uint256 agreementId, address signer);
    /// @notice `count` parties were given; at least `min` are needed.
    error AgreementTooFewParties(uint256 count, uint256 min);
    /// @notice `count` parties were given; at most `max` are allowed.
    error AgreementTooManyParties(uint256 count, uint256 max);
    /// @notice `account` appears twice among the parties.
    error AgreementDuplicateAccount(address account);
    /// @notice `cellId` appears twice among the parties.
    error AgreementDuplicateCell(uint256 cellId);
    /// @notice `cellId` does not exist in the cell registry.
    error AgreementNonexistentCell(uint256 cellId);
    /// @notice The zero address was given where an account is needed.
    error AgreementZeroAddress();
    /// @notice Terms need a non-zero content hash.
    error AgreementEmptyTerms();
    /// @notice `expiresAt` is not after `nowTime` (0 means no expiry).
    error AgreementExpiryInPast(uint64 expiresAt, uint256 nowTime);
    /// @notice A batch of `length` entries was given; it needs between 1 and `max`.
    error AgreementBatchLength(uint256 length, uint256 max);
    /// @notice `ids` and `termsHashes` have different lengths.
    error AgreementLengthMismatch(uint256 ids, uint256 termsHashes);
    /// @notice The terms URI is `length` bytes long; at most `max` (MAX_URI_LENGTH) are allowed.
    error AgreementURITooLong(uint256 length, uint256 max);
    /// @notice Terms need a URI where the parties can read the document.
    error AgreementURIEmpty();
    /// @notice Terms need a title (at least one byte).
    error AgreementTitleEmpty();
    /// @notice The title is `length` bytes long; at most `max` (MAX_TITLE_LENGTH) are allowed.
    error AgreementTitleTooLong(uint256 length, uint256 max);

    // ─────────────────────────────────────────────────────────────── events

    /// @notice An agreement was proposed between `accounts` and `cells` (party order: accounts, then cells).
    /// `title` and `termsURI` live in this event only (storage keeps the hash). They are bytes as given
    /// (UTF-8 is not checked): a reader renders them as untrusted text.
    event AgreementProposed(
        uint256 indexed agreementId,
        address indexed proposer,
        address[] accounts,
        uint256[] cells,
        string title,
        bytes32 termsHash,
        string termsURI,
        uint64 expiresAt
    );
    /// @notice `proposer` (for cell party `cellId`, or as an account party when 0) proposed new terms for
    /// `amends`. The amendment has the parties of `amends`. `title` and `termsURI` live in this event only.
    event AgreementAmendmentProposed(
        uint256 indexed agreementId,
        uint256 indexed amends,
        address indexed proposer,
        uint256 cellId,
        string title,
        bytes32 termsHash,
        string termsURI,
        uint64 expiresAt
    );
    /// @notice `by` acknowledged the terms of `agreementId` as an account party (`cellId == 0`) or as a
    /// steward of cell party `cellId`; `bySignature` when someone else submitted `by`'s signature.
    event AgreementAcknowledged(
        uint256 indexed agreementId,
        address indexed by,
        uint256 indexed cellId,
        bool bySignature
    );
    /// @notice Every party acknowledged: the agreement is active.
    event AgreementActivated(uint256 indexed agreementId);
    /// @notice `by` declined `agreementId` (for cell party `cellId`, or as an account party when 0).
    event AgreementDeclined(uint256 indexed agreementId, address indexed by, uint256 indexed cellId);
    /// @notice The proposer withdrew `agreementId`.
    event AgreementWithdrawn(uint256 indexed agreementId, address indexed by);
    /// @notice `by` terminated `agreementId` (for cell party `cellId`, or as an account party when 0). Its
    /// pending amendments lapse with it.
    event AgreementTerminated(uint256 indexed agreementId, address indexed by, uint256 indexed cellId);
    /// @notice `amendmentId` became active and replaces `agreementId`. Other pending amendments of
    /// `agreementId` lapse.
    event AgreementSuperseded(uint256 indexed agreementId, uint256 indexed amendmentId);
    /// @notice `signer` burned its `nonce` for `agreementId`: its signatures over it can no longer be used
    /// (its signatures for other agreements are untouched).
    event NonceInvalidated(address indexed signer, uint256 indexed agreementId, uint256 nonce);
    /// @notice Entry `index` of a signature batch was not applied; `reason` is the custom error that
    /// {acknowledgeBySig} / {acknowledgeForCellBySig} would have reverted with (e.g. `AgreementAlreadyAcknowledged`
    /// when someone submitted the same signature first). The other entries of the batch were applied.
    event AcknowledgementSkipped(
        uint256 indexed agreementId,
        address indexed signer,
        uint256 indexed cellId,
        uint256 index,
        bytes reason
    );

    // ─────────────────────────────────────────────────────────────── writes

    /// @notice Anyone proposes an agreement between `accounts` and `cells` (existing cells, no duplicates,
    /// 2..MAX_PARTIES in all). Proposing does not acknowledge. `expiresAt`: 0 or a time in the future.
    /// `title`: 1..MAX_TITLE_LENGTH bytes; `termsURI`: 1..MAX_URI_LENGTH bytes (as for {amend}). Both are
    /// emitted, not stored; an acknowledgement names the agreement id, and so the title and URI of its proposal.
    /// @param accounts the account parties (EOAs or contract wallets)
    /// @param cells the cell parties (any steward of the cell, or of an ancestor, acts for it)
    /// @param title a short human name for the agreement
    /// @param termsHash the keccak256 of the terms document, which every party acknowledges
    /// @param termsURI where the document can be read (the SDK and the app accept https:// and ipfs://)
    /// @param expiresAt when the agreement expires, Unix seconds, or 0 for never
    /// @return agreementId the new agreement's id
    function propose(
        address[] calldata accounts,
        uint256[] calldata cells,
        string calldata title,
        bytes32 termsHash,
        string calldata termsURI,
        uint64 expiresAt
    ) external returns (uint256 agreementId);

    /// @notice The caller, an account party, acknowledges the terms that hash to `termsHash`.
    function acknowledge(uint256 agreementId, bytes32 termsHash) external;

    /// @notice The caller, a steward of cell party `cellId` (ancestors included), acknowledges for the cell.
    function acknowledgeForCell(uint256 agreementId, uint256 cellId, bytes32 termsHash) external;

    /// @notice The caller acknowledges every `ids[i]` with `termsHashes[i]` as an account party, atomically.
    function acknowledgeMany(uint256[] calldata ids, bytes32[] calldata termsHashes) external;

    /// @notice Submits the EIP-712 `Acknowledge` signature of account party `signer` (an EOA, or a contract
    /// wallet through ERC-1271). The signature covers `signer`'s current nonce for this agreement
    /// ({nonces}); signatures for different agreements are independent. A signature counts once: the party's
    /// acknowledgement is recorded and never cleared.
    function acknowledgeBySig(
        uint256 agreementId,
        address signer,
        bytes32 termsHash,
        uint256 deadline,
        bytes calldata signature
    ) external;

    /// @notice Submits the EIP-712 `AcknowledgeForCell` signature of `signer`, a steward of cell party `cellId`.
    function acknowledgeForCellBySig(
        uint256 agreementId,
        uint256 cellId,
        address signer,
        bytes32 termsHash,
        uint256 deadline,
        bytes calldata signature
    ) external;

    /// @notice Submits up to MAX_BATCH signed acknowledgements, each checked exactly as by {acknowledgeBySig}
    /// or {acknowledgeForCellBySig}. Every valid entry is applied; an entry that fails (front-run, revoked,
    /// expired, wrong terms...) is skipped with an {AcknowledgementSkipped} event naming its error, and the
    /// batch goes on. Only a batch of the wrong length reverts.
    /// @return skipped bit i set: entry i was skipped (read it with a static call before sending, or from the
    /// events after).
    function acknowledgeBySigBatch(SignedAcknowledgement[] calldata entries) external returns (uint256 skipped);

    /// @notice An account party turns down a proposed agreement: it becomes Rejected. A party that already
    /// acknowledged may still decline while the agreement is not active.
    function decline(uint256 agreementId) external;

    /// @notice A steward of cell party `cellId` turns down a proposed agreement for the cell.
    function declineForCell(uint256 agreementId, uint256 cellId) external;

    /// @notice The proposer (who need not be a party) withdraws an agreement that is not active yet.
    function withdraw(uint256 agreementId) external;

    /// @notice An account party ends an active agreement.
    function terminate(uint256 agreementId) external;

    /// @notice A steward of cell party `cellId` ends an active agreement for the cell.
    function terminateForCell(uint256 agreementId, uint256 cellId) external;

    /// @notice An account party proposes new terms for active `agreementId`: a new agreement with the same
    /// parties that, once every party acknowledged it, supersedes the original. `title`, `termsURI` and
    /// `expiresAt` as for {propose}.
    function amend(
        uint256 agreementId,
        string calldata title,
        bytes32 termsHash,
        string calldata termsURI,
        uint64 expiresAt
    ) external returns (uint256 amendmentId);

    /// @notice As {amend}, by a steward of cell party `cellId`.
    function amendForCell(
        uint256 agreementId,
        uint256 cellId,
        string calldata title,
        bytes32 termsHash,
        string calldata termsURI,
        uint64 expiresAt
    ) external returns (uint256 amendmentId);

    /// @notice Burns the caller's current nonce for `agreementId`, so that its outstanding signatures for that
    /// agreement can no longer be used; its signatures for other agreements stay valid.
    /// @return nonce the nonce burnt (the next signature for `agreementId` covers `nonce + 1`).
    function invalidateNonce(uint256 agreementId) external returns (uint256 nonce);

    // ─────────────────────────────────────────────────────────────── reads

    /// @notice The effective status as a number: 0 None, 1 Proposed, 2 Active, 3 Rejected, 4 Withdrawn,
    /// 5 Terminated, 6 Expired, 7 Superseded.
    function statusOf(uint256 agreementId) external view returns (uint8);

    function getAgreement(uint256 agreementId) external view returns (AgreementInfo memory);

    /// @notice The parties, accounts and cells in the order they were proposed.
    function partiesOf(uint256 agreementId) external view returns (address[] memory accounts, uint256[] memory cells);

    function isParty(uint256 agreementId, address account) external view returns (bool);
    function isCellParty(uint256 agreementId, uint256 cellId) external view returns (bool);
    function hasAcknowledged(uint256 agreementId, address account) external view returns (bool);
    function hasAcknowledgedCell(uint256 agreementId, uint256 cellId) external view returns (bool);
    function agreementCount() external view returns (uint256);
    function cellRegistry() external view returns (ICellRegistry);

    /// @notice The nonce a signature by `signer` for `agreementId` must cover: 0 until `signer` burns it with
    /// {invalidateNonce}. Independent per agreement: using or burning one agreement's nonce moves no other.
    function nonces(address signer, uint256 agreementId) external view returns (uint256);

    /// @notice The EIP-712 domain separator of this deployment on the current chain.
    function domainSeparator() external view returns (bytes32);
}
