// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "../utils/Test.sol";
import {AgreementDigests} from "./AgreementFixture.sol";
import {CellRegistry} from "../../contracts/cells/CellRegistry.sol";
import {ROLE_MEMBER, ROLE_STEWARD} from "../../contracts/cells/ICellRegistry.sol";
import {AgreementRegistry} from "../../contracts/agreements/AgreementRegistry.sol";
import {IAgreementRegistry} from "../../contracts/agreements/IAgreementRegistry.sol";

/// @notice Drives the registry with random proposals, acknowledgements (direct, by signature, in batches),
/// declines, withdrawals, terminations, amendments, nonce burns, replays and time jumps by five actors with
/// known keys, over three cells (`cellB` is a child of `cellA`). Keeps ghost state for the invariants.
contract AgreementHandler is Test {
    uint256 internal constant ACTORS = 5;
    uint256 internal constant FIRST_PK = 0x1001;
    uint256 internal constant MAX_AGREEMENTS = 16;
    uint8 internal constant PROPOSED = 1;
    uint8 internal constant ACTIVE = 2;

    struct UsedSignature {
        uint256 agreementId;
        uint256 cellId;
        address signer;
        bytes32 termsHash;
        uint256 deadline;
        bytes signature;
    }

    AgreementRegistry public immutable registry;
    CellRegistry public immutable cells;
    bytes32 internal immutable _domain;

    address[ACTORS] public actors;
    uint256[3] public cellIds;

    /// @dev Ghost parties per agreement (amendments copy the original's), in the registry's order.
    mapping(uint256 id => address[]) internal _ghostAccounts;
    mapping(uint256 id => uint256[]) internal _ghostCells;
    mapping(uint256 id => bytes32) public ghostTerms;
    /// @dev The terms hash each party named when its acknowledgement succeeded (zero: none).
    mapping(uint256 id => mapping(uint256 partyIndex => bytes32)) public ghostAcknowledgedTerms;
    mapping(uint256 id => uint8) public ghostStatus;
    /// @dev Burns per (signer, agreement): the only thing that moves a nonce.
    mapping(address signer => mapping(uint256 id => uint256)) public ghostNonce;
    mapping(bytes32 digest => bool) public ghostDigestUsed;
    uint256 public ghostSignaturesUsed;
    uint256 public ghostBySignatureAcknowledgements;
    UsedSignature[] internal _used;

    /// @dev The first violation seen by the handler's own checks (empty: none).
    string public violation;

    uint256 public calls;
    uint256 public batchesAccepted;
    uint256 public entriesSkipped;
    uint256 public replaysRefused;
    uint256 public revokedRefused;

    constructor() {
        cells = new CellRegistry(address(this));
        registry = new AgreementRegistry(cells);
        _domain = AgreementDigests.domain(block.chainid, address(registry));
        for (uint256 i; i < ACTORS; ++i) actors[i] = vm.addr(FIRST_PK + i);
        // cellA: steward actor0. cellB (child of A): steward actor1, and actor0 through A. cellC: actor2.
        vm.prank(actors[0]);
        cellIds[0] = cells.createCell(0, "A", "", bytes32(0));
        vm.prank(actors[0]);
        cellIds[1] = cells.createCell(cellIds[0], "B", "", bytes32(0));
        vm.prank(actors[0]);
        cells.addMember(cellIds[1], actors[1], ROLE_MEMBER | ROLE_STEWARD);
        vm.prank(actors[0]);
        cells.addMember(cellIds[1], actors[3], ROLE_MEMBER); // a member, not a steward
        vm.prank(actors[2]);
        cellIds[2] = cells.createCell(0, "C", "", bytes32(0));
    }

    // ─────────────────────────────────────────────────────────────── actions

    function propose(uint256 actorSeed, uint256 partySeed, uint256 expirySeed) external {
        uint256 count = registry.agreementCount();
        if (count >= MAX_AGREEMENTS) return;
        // 2 to 4 distinct parties out of the 8 candidates (5 actors, 3 cells).
        uint256 wanted = bound(partySeed, 2, 4);
        uint256 chosen;
        uint256 accountCount;
        for (uint256 k; _popcount(chosen) < wanted; ++k) {
            uint256 candidate = uint256(keccak256(abi.encode(partySeed, k))) % 8;
            if (chosen & (1 << candidate) != 0) continue;
            chosen |= 1 << candidate;
            if (candidate < ACTORS) ++accountCount;
        }
        address[] memory accounts = new address[](accountCount);
        uint256[] memory cellList = new uint256[](wanted - accountCount);
        uint256 a;
        uint256 c;
        for (uint256 i; i < 8; ++i) {
            if (chosen & (1 << i) == 0) continue;
            if (i < ACTORS) accounts[a++] = actors[i];
            else cellList[c++] = cellIds[i - ACTORS];
        }
        bytes32 terms = keccak256(abi.encode("terms", count + 1));
        uint64 expiresAt = _expiry(expirySeed);
        vm.prank(_actor(actorSeed));
        uint256 id = registry.propose(accounts, cellList, "Handler agreement", terms, "ipfs://terms", expiresAt);
        _ghostAccounts[id] = accounts;
        _ghostCells[id] = cellList;
        ghostTerms[id] = terms;
        _observe();
    }

    function acknowledge(uint256 idSeed, uint256 partySeed, uint256 stewardSeed) external {
        uint256 id = _pickAgreement(idSeed);
        if (id == 0) return;
        // One time in eight, name terms that are not the agreement's.
        bytes32 named = stewardSeed % 8 == 7 ? keccak256("not the terms") : ghostTerms[id];
        (uint256 index, bool isCell, address account, uint256 cellId) = _pickParty(id, partySeed);
        bool ok;
        if (isCell) {
            address steward = _steward(cellId, stewardSeed);
            vm.prank(steward);
            try registry.acknowledgeForCell(id, cellId, named) {
                ok = true;
            } catch {}
        } else {
            vm.prank(account);
            try registry.acknowledge(id, named) {
                ok = true;
            } catch {}
        }
        if (ok) _recordAcknowledgement(id, index, named);
        _observe();
    }

    /// @dev Every party that has not acknowledged yet does, directly or by signature: drives activations.
    function acknowledgeRemaining(uint256 idSeed, uint256 modeSeed) external {
        uint256 id = _pickAgreement(idSeed);
        if (id == 0) return;
        address[] memory accounts = _ghostAccounts[id];
        uint256[] memory cellList = _ghostCells[id];
        for (uint256 index; index < accounts.length + cellList.length; ++index) {
            if (ghostAcknowledgedTerms[id][index] != bytes32(0)) continue;
            bool isCell = index >= accounts.length;
            uint256 cellId = isCell ? cellList[index - accounts.length] : 0;
            uint256 mode = uint256(keccak256(abi.encode(modeSeed, index)));
            bool ok;
            if (mode % 2 == 0) {
                UsedSignature memory entry = _signed(
                    id,
                    cellId,
                    isCell ? _stewardKey(cellId, (mode >> 8) | 1) : _keyOf(accounts[index]),
                    (mode >> 16) | 1
                );
                bytes32 digest = _digestOf(entry, registry.nonces(entry.signer, id));
                ok = _submit(entry, actors[mode % ACTORS]);
                if (ok) _recordSignature(entry, digest);
            } else if (isCell) {
                address steward = _steward(cellId, (mode >> 8) | 1);
                vm.prank(steward);
                try registry.acknowledgeForCell(id, cellId, ghostTerms[id]) {
                    ok = true;
                } catch {}
            } else {
                vm.prank(accounts[index]);
                try registry.acknowledge(id, ghostTerms[id]) {
                    ok = true;
                } catch {}
            }
            if (ok) _recordAcknowledgement(id, index, ghostTerms[id]);
        }
        _observe();
    }

    /// @dev An actor who is not a party tries to acknowledge as one: must always fail.
    function acknowledgeAsOutsider(uint256 idSeed, uint256 actorSeed) external {
        uint256 id = _pickAgreement(idSeed);
        if (id == 0) return;
        address actor = _actor(actorSeed);
        if (registry.isParty(id, actor)) return;
        vm.prank(actor);
        try registry.acknowledge(id, ghostTerms[id]) {
            _flag("an outsider acknowledged");
        } catch {}
        _observe();
    }

    function acknowledgeBySig(
        uint256 idSeed,
        uint256 partySeed,
        uint256 stewardSeed,
        uint256 deadlineSeed,
        uint256 submitterSeed
    ) external {
        uint256 id = _pickAgreement(idSeed);
        if (id == 0) return;
        (uint256 index, bool isCell, address account, uint256 cellId) = _pickParty(id, partySeed);
        uint256 signerKey = isCell ? _stewardKey(cellId, stewardSeed) : _keyOf(account);
        UsedSignature memory entry = _signed(id, isCell ? cellId : 0, signerKey, deadlineSeed);
        bytes32 digest = _digestOf(entry, registry.nonces(entry.signer, id));
        if (_submit(entry, _actor(submitterSeed))) {
            _recordSignature(entry, digest);
            _recordAcknowledgement(id, index, entry.termsHash);
        }
        _observe();
    }

    /// @dev One to three signed entries in one batch, for random parties of random agreements (duplicates,
    /// expired and stale entries included). The batch never reverts whole: valid entries are applied, the
    /// others skipped; the ghost records exactly the applied ones.
    function acknowledgeBatch(uint256 seed, uint256 size) external {
        size = bound(size, 1, 3);
        IAgreementRegistry.SignedAcknowledgement[] memory entries = new IAgreementRegistry.SignedAcknowledgement[](
            size
        );
        bytes32[] memory digests = new bytes32[](size);
        uint256[] memory indexes = new uint256[](size);
        for (uint256 k; k < size; ++k) {
            uint256 entrySeed = uint256(keccak256(abi.encode(seed, k)));
            uint256 id = _pickAgreement(entrySeed);
            if (id == 0) return;
            (uint256 index, bool isCell, address account, uint256 cellId) = _pickParty(id, entrySeed >> 8);
            uint256 signerKey = isCell ? _stewardKey(cellId, entrySeed >> 16) : _keyOf(account);
            UsedSignature memory signed = _signed(id, isCell ? cellId : 0, signerKey, entrySeed >> 24);
            entries[k] = IAgreementRegistry.SignedAcknowledgement({
                agreementId: signed.agreementId,
                cellId: signed.cellId,
                signer: signed.signer,
                termsHash: signed.termsHash,
                deadline: signed.deadline,
                signature: signed.signature
            });
            digests[k] = _digestOf(signed, registry.nonces(signed.signer, id));
            indexes[k] = index;
        }
        try registry.acknowledgeBySigBatch(entries) returns (uint256 skipped) {
            ++batchesAccepted;
            for (uint256 k; k < size; ++k) {
                IAgreementRegistry.SignedAcknowledgement memory e = entries[k];
                if (skipped & (1 << k) != 0) {
                    ++entriesSkipped;
                    continue;
                }
                _recordSignature(
                    UsedSignature(e.agreementId, e.cellId, e.signer, e.termsHash, e.deadline, e.signature),
                    digests[k]
                );
                _recordAcknowledgement(e.agreementId, indexes[k], e.termsHash);
            }
        } catch {
            _flag("a batch of valid length reverted whole");
        }
        _observe();
    }

    /// @dev Submits a signature that was already used, as it was or on another agreement: must always fail.
    function replay(uint256 seed, uint256 otherSeed, bool elsewhere) external {
        if (_used.length == 0) return;
        UsedSignature memory entry = _used[bound(seed, 0, _used.length - 1)];
        if (elsewhere) {
            uint256 other = _pickAgreement(otherSeed);
            if (other == 0) return;
            entry.agreementId = other;
            entry.termsHash = ghostTerms[other];
        }
        if (_submit(entry, address(this))) _flag("a used signature counted again");
        else ++replaysRefused;
        _observe();
    }

    function decline(uint256 idSeed, uint256 partySeed, uint256 stewardSeed) external {
        uint256 id = _pickAgreement(idSeed);
        if (id == 0) return;
        (, bool isCell, address account, uint256 cellId) = _pickParty(id, partySeed);
        if (isCell) {
            vm.prank(_steward(cellId, stewardSeed));
            try registry.declineForCell(id, cellId) {} catch {}
        } else {
            vm.prank(account);
            try registry.decline(id) {} catch {}
        }
        _observe();
    }

    function withdraw(uint256 idSeed, uint256 actorSeed, bool byProposer) external {
        uint256 id = _pickAgreement(idSeed);
        if (id == 0) return;
        address proposer = registry.getAgreement(id).proposer;
        address caller = byProposer ? proposer : _actor(actorSeed);
        vm.prank(caller);
        try registry.withdraw(id) {
            if (caller != proposer) _flag("withdrawn by someone else than the proposer");
        } catch {}
        _observe();
    }

    function terminate(uint256 idSeed, uint256 partySeed, uint256 stewardSeed) external {
        uint256 id = _pickAgreement(idSeed);
        if (id == 0) return;
        (, bool isCell, address account, uint256 cellId) = _pickParty(id, partySeed);
        if (isCell) {
            vm.prank(_steward(cellId, stewardSeed));
            try registry.terminateForCell(id, cellId) {} catch {}
        } else {
            vm.prank(account);
            try registry.terminate(id) {} catch {}
        }
        _observe();
    }

    function amend(uint256 idSeed, uint256 partySeed, uint256 stewardSeed, uint256 expirySeed) external {
        uint256 id = _pickAgreement(idSeed);
        if (id == 0 || registry.agreementCount() >= MAX_AGREEMENTS) return;
        (, bool isCell, address account, uint256 cellId) = _pickParty(id, partySeed);
        bytes32 terms = keccak256(abi.encode("terms", registry.agreementCount() + 1));
        uint64 expiresAt = _expiry(expirySeed);
        uint256 amendmentId;
        if (isCell) {
            vm.prank(_steward(cellId, stewardSeed));
            try registry.amendForCell(id, cellId, "Handler amendment", terms, "ipfs://amendment", expiresAt) returns (
                uint256 newId
            ) {
                amendmentId = newId;
            } catch {}
        } else {
            vm.prank(account);
            try registry.amend(id, "Handler amendment", terms, "ipfs://amendment", expiresAt) returns (uint256 newId) {
                amendmentId = newId;
            } catch {}
        }
        if (amendmentId != 0) {
            _ghostAccounts[amendmentId] = _ghostAccounts[id];
            _ghostCells[amendmentId] = _ghostCells[id];
            ghostTerms[amendmentId] = terms;
        }
        _observe();
    }

    /// @dev A party signs for an agreement, then burns its nonce for it: the signature must never count.
    function invalidateNonce(uint256 idSeed, uint256 partySeed, uint256 stewardSeed) external {
        uint256 id = _pickAgreement(idSeed);
        if (id == 0) return;
        (, bool isCell, address account, uint256 cellId) = _pickParty(id, partySeed);
        uint256 signerKey = isCell ? _stewardKey(cellId, stewardSeed) : _keyOf(account);
        UsedSignature memory entry = _signed(id, isCell ? cellId : 0, signerKey, 1);
        vm.prank(entry.signer);
        registry.invalidateNonce(id);
        ++ghostNonce[entry.signer][id];
        if (_submit(entry, address(this))) _flag("a revoked signature counted");
        else ++revokedRefused;
        _observe();
    }

    function warp(uint256 seconds_) external {
        vm.warp(block.timestamp + bound(seconds_, 0, 10 days));
        _observe();
    }

    // ─────────────────────────────────────────────────────────────── ghost reads

    function accountsOf(uint256 id) external view returns (address[] memory) {
        return _ghostAccounts[id];
    }

    function cellsOf(uint256 id) external view returns (uint256[] memory) {
        return _ghostCells[id];
    }

    function actorList() external view returns (address[] memory list) {
        list = new address[](ACTORS);
        for (uint256 i; i < ACTORS; ++i) list[i] = actors[i];
    }

    // ─────────────────────────────────────────────────────────────── internals

    /// @dev Checks every transition since the last action: final statuses never change, Active is only
    /// entered from Proposed.
    function _observe() internal {
        ++calls;
        uint256 count = registry.agreementCount();
        for (uint256 id = 1; id <= count; ++id) {
            uint8 previous = ghostStatus[id];
            uint8 current = registry.statusOf(id);
            if (previous == 0) {
                if (current != PROPOSED) _flag("a new agreement is not Proposed");
            } else if (previous != current) {
                if (previous != PROPOSED && previous != ACTIVE) _flag("a final status changed");
                if (current == ACTIVE && previous != PROPOSED) _flag("Active entered from another status");
                if (current == PROPOSED) _flag("went back to Proposed");
            }
            ghostStatus[id] = current;
        }
    }

    /// @dev Submits one signed acknowledgement as `submitter`; true when the registry accepted it.
    function _submit(UsedSignature memory entry, address submitter) internal returns (bool) {
        vm.prank(submitter);
        if (entry.cellId == 0) {
            try
                registry.acknowledgeBySig(
                    entry.agreementId,
                    entry.signer,
                    entry.termsHash,
                    entry.deadline,
                    entry.signature
                )
            {
                return true;
            } catch {
                return false;
            }
        }
        try
            registry.acknowledgeForCellBySig(
                entry.agreementId,
                entry.cellId,
                entry.signer,
                entry.termsHash,
                entry.deadline,
                entry.signature
            )
        {
            return true;
        } catch {
            return false;
        }
    }

    function _recordAcknowledgement(uint256 id, uint256 index, bytes32 named) internal {
        if (named != ghostTerms[id]) _flag("an acknowledgement with other terms succeeded");
        if (ghostAcknowledgedTerms[id][index] != bytes32(0)) _flag("a party acknowledged twice");
        ghostAcknowledgedTerms[id][index] = named;
    }

    function _recordSignature(UsedSignature memory entry, bytes32 digest) internal {
        if (ghostDigestUsed[digest]) _flag("a digest was used twice");
        ghostDigestUsed[digest] = true;
        ++ghostSignaturesUsed;
        ++ghostBySignatureAcknowledgements;
        _used.push(entry);
    }

    function _signed(
        uint256 id,
        uint256 cellId,
        uint256 signerKey,
        uint256 deadlineSeed
    ) internal view returns (UsedSignature memory entry) {
        address signer = vm.addr(signerKey);
        entry.agreementId = id;
        entry.cellId = cellId;
        entry.signer = signer;
        entry.termsHash = ghostTerms[id];
        // Mostly in the future; sometimes already past.
        entry.deadline = deadlineSeed % 8 == 0 ? block.timestamp - 1 : block.timestamp + (deadlineSeed % 2 days);
        bytes32 digest = _digestOf(entry, registry.nonces(signer, id));
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(signerKey, digest);
        entry.signature = abi.encodePacked(r, s, v);
    }

    function _digestOf(UsedSignature memory entry, uint256 nonce) internal view returns (bytes32) {
        return
            entry.cellId == 0
                ? AgreementDigests.ack(_domain, entry.agreementId, entry.termsHash, entry.signer, nonce, entry.deadline)
                : AgreementDigests.cellAck(
                    _domain,
                    entry.agreementId,
                    entry.cellId,
                    entry.termsHash,
                    entry.signer,
                    nonce,
                    entry.deadline
                );
    }

    function _pickAgreement(uint256 seed) internal view returns (uint256) {
        uint256 count = registry.agreementCount();
        if (count == 0) return 0;
        // Half the time one of the latest four, so that proposals get acknowledged and activated.
        if (seed % 2 == 0 && count > 4) return bound(seed >> 1, count - 3, count);
        return bound(seed >> 1, 1, count);
    }

    function _pickParty(
        uint256 id,
        uint256 seed
    ) internal view returns (uint256 index, bool isCell, address account, uint256 cellId) {
        address[] storage accounts = _ghostAccounts[id];
        uint256[] storage cellList = _ghostCells[id];
        index = bound(seed, 0, accounts.length + cellList.length - 1);
        if (index < accounts.length) return (index, false, accounts[index], 0);
        return (index, true, address(0), cellList[index - accounts.length]);
    }

    function _actor(uint256 seed) internal view returns (address) {
        return actors[bound(seed, 0, ACTORS - 1)];
    }

    function _keyOf(address account) internal view returns (uint256) {
        for (uint256 i; i < ACTORS; ++i) if (actors[i] == account) return FIRST_PK + i;
        revert("unknown actor");
    }

    /// @dev Mostly a steward of `cellId` (direct or through the parent); sometimes actor3, who is not one.
    function _stewardKey(uint256 cellId, uint256 seed) internal view returns (uint256) {
        if (seed % 5 == 0) return FIRST_PK + 3;
        if (cellId == cellIds[0]) return FIRST_PK;
        if (cellId == cellIds[1]) return seed % 2 == 0 ? FIRST_PK + 1 : FIRST_PK; // direct, or through A
        return FIRST_PK + 2;
    }

    function _steward(uint256 cellId, uint256 seed) internal view returns (address) {
        return vm.addr(_stewardKey(cellId, seed));
    }

    function _expiry(uint256 seed) internal view returns (uint64) {
        if (seed % 3 == 0) return 0;
        return uint64(block.timestamp + bound(seed, 1 hours, 20 days));
    }

    function _popcount(uint256 mask) internal pure returns (uint256 count) {
        for (; mask != 0; mask &= mask - 1) ++count;
    }

    function _flag(string memory message) internal {
        if (bytes(violation).length == 0) violation = message;
    }
}

contract AgreementRegistryInvariantTest is Test {
    AgreementHandler internal handler;
    AgreementRegistry internal registry;

    function setUp() public {
        vm.warp(1_700_000_000);
        handler = new AgreementHandler();
        registry = handler.registry();
        targetContract(address(handler));
        bytes4[] memory selectors = new bytes4[](14);
        selectors[0] = AgreementHandler.propose.selector;
        selectors[1] = AgreementHandler.acknowledge.selector;
        selectors[2] = AgreementHandler.acknowledgeAsOutsider.selector;
        selectors[3] = AgreementHandler.acknowledgeBySig.selector;
        selectors[4] = AgreementHandler.acknowledgeBatch.selector;
        selectors[5] = AgreementHandler.replay.selector;
        selectors[6] = AgreementHandler.decline.selector;
        selectors[7] = AgreementHandler.withdraw.selector;
        selectors[8] = AgreementHandler.terminate.selector;
        selectors[9] = AgreementHandler.amend.selector;
        selectors[10] = AgreementHandler.invalidateNonce.selector;
        selectors[11] = AgreementHandler.warp.selector;
        selectors[12] = AgreementHandler.acknowledgeRemaining.selector;
        selectors[13] = AgreementHandler.acknowledgeRemaining.selector; // activations twice as likely
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
    }

    /// @dev The handler's transition checks: final statuses stay final, Active only from Proposed, no
    /// acknowledgement with other terms, no outsider acknowledgement, no replayed signature, no digest twice.
    function invariant_handlerSawNoViolation() public view {
        string memory violation = handler.violation();
        assertTrue(bytes(violation).length == 0, string.concat("handler: ", violation));
    }

    /// @dev A1: Active only when every party acknowledged the current terms hash.
    function invariant_activeOnlyWhenEveryPartyAcknowledgedTheTerms() public view {
        uint256 count = registry.agreementCount();
        for (uint256 id = 1; id <= count; ++id) {
            IAgreementRegistry.AgreementInfo memory info = registry.getAgreement(id);
            bool wasActivated = info.activatedAt != 0;
            assertEq(
                wasActivated,
                info.acknowledgedMask == (uint256(1) << info.partyCount) - 1,
                "activated iff the bitmap is full"
            );
            if (info.status == IAgreementRegistry.Status.Active) {
                assertTrue(wasActivated, "active without activation time");
                for (uint256 i; i < info.partyCount; ++i) {
                    assertEq(handler.ghostAcknowledgedTerms(id, i), info.termsHash, "party acknowledged the terms");
                }
            }
            if (
                info.status == IAgreementRegistry.Status.Terminated ||
                info.status == IAgreementRegistry.Status.Superseded
            ) assertTrue(wasActivated, "terminated or superseded without having been active");
        }
    }

    /// @dev A2: the acknowledged count never exceeds the party count; the ghost agrees with the registry.
    function invariant_acknowledgedCountWithinPartyCount() public view {
        uint256 count = registry.agreementCount();
        for (uint256 id = 1; id <= count; ++id) {
            IAgreementRegistry.AgreementInfo memory info = registry.getAgreement(id);
            assertLe(info.acknowledgedCount, info.partyCount, "count <= parties");
            assertLt(info.acknowledgedMask, uint256(1) << info.partyCount, "no bit beyond the parties");
            uint256 ghostCount;
            for (uint256 i; i < info.partyCount; ++i) {
                bool ghost = handler.ghostAcknowledgedTerms(id, i) != bytes32(0);
                if (ghost) ++ghostCount;
                assertEq(ghost, info.acknowledgedMask & (1 << i) != 0, "ghost bit");
            }
            assertEq(ghostCount, info.acknowledgedCount, "ghost count");
            assertEq(info.partyCount, handler.accountsOf(id).length + handler.cellsOf(id).length, "party count");
        }
    }

    /// @dev A4: every signature counted once (the handler flags a digest used twice and a party acknowledged
    /// twice); nonces are per (signer, agreement) and moved only by the signer's burns.
    function invariant_signaturesCountOnce() public view {
        address[] memory actors = handler.actorList();
        uint256 count = registry.agreementCount();
        for (uint256 i; i < actors.length; ++i) {
            for (uint256 id = 1; id <= count; ++id) {
                assertEq(
                    registry.nonces(actors[i], id),
                    handler.ghostNonce(actors[i], id),
                    "nonce moved by burns only"
                );
            }
        }
        assertEq(handler.ghostSignaturesUsed(), handler.ghostBySignatureAcknowledgements(), "one per signature");
    }

    /// @dev A5: a superseded agreement names an amendment of it that was activated.
    function invariant_supersededByAnActivatedAmendment() public view {
        uint256 count = registry.agreementCount();
        for (uint256 id = 1; id <= count; ++id) {
            IAgreementRegistry.AgreementInfo memory info = registry.getAgreement(id);
            if (info.status != IAgreementRegistry.Status.Superseded) {
                assertEq(info.supersededBy, 0, "supersededBy only when superseded");
                continue;
            }
            IAgreementRegistry.AgreementInfo memory amendment = registry.getAgreement(info.supersededBy);
            assertEq(amendment.amends, id, "the amendment amends it");
            assertTrue(amendment.activatedAt != 0, "the amendment was activated");
            assertEq(amendment.partySet, info.partySet, "same party set");
        }
    }
}
