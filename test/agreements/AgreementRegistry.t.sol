// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AgreementFixture, MockWallet} from "./AgreementFixture.sol";
import {ROLE_MEMBER, ROLE_STEWARD, ICellRegistry} from "../../contracts/cells/ICellRegistry.sol";
import {AgreementRegistry} from "../../contracts/agreements/AgreementRegistry.sol";
import {IAgreementRegistry} from "../../contracts/agreements/IAgreementRegistry.sol";

contract AgreementRegistryTest is AgreementFixture {
    // ─────────────────────────────────────────────────────────────── deployment

    function test_constructor_refusesZeroRegistry() public {
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementZeroAddress.selector));
        new AgreementRegistry(ICellRegistry(address(0)));
    }

    function test_constructor_exposesRegistryAndConstants() public view {
        assertEq(address(registry.cellRegistry()), address(cells), "cell registry");
        assertEq(registry.MAX_PARTIES(), 16, "max parties");
        assertEq(registry.MIN_PARTIES(), 2, "min parties");
        assertEq(registry.MAX_BATCH(), 32, "max batch");
        assertEq(registry.ACKNOWLEDGE_TYPEHASH(), ACK_TYPEHASH, "acknowledge typehash");
        assertEq(registry.ACKNOWLEDGE_FOR_CELL_TYPEHASH(), ACK_CELL_TYPEHASH, "cell typehash");
        assertEq(registry.agreementCount(), 0, "no agreement yet");
    }

    function test_eip712Domain_isPublished() public view {
        (
            bytes1 fields,
            string memory name,
            string memory version,
            uint256 chainId,
            address verifyingContract,
            bytes32 salt,
            uint256[] memory extensions
        ) = registry.eip712Domain();
        assertEq(uint256(uint8(fields)), 0x0f, "fields: name, version, chainId, verifyingContract");
        assertEq(name, "Concord Agreements", "name");
        assertEq(version, "1", "version");
        assertEq(chainId, block.chainid, "chain id");
        assertEq(verifyingContract, address(registry), "verifying contract");
        assertEq(salt, bytes32(0), "no salt");
        assertEq(extensions.length, 0, "no extensions");
        assertEq(registry.domainSeparator(), _domain(), "domain separator");
    }

    // ─────────────────────────────────────────────────────────────── propose

    function test_propose_storesTheAgreement() public {
        vm.expectEmit(address(registry));
        emit IAgreementRegistry.AgreementProposed(1, carol, _accounts(alice, bob), _cells(child), TITLE, TERMS, URI, 0);
        vm.prank(carol);
        uint256 id = registry.propose(_accounts(alice, bob), _cells(child), TITLE, TERMS, URI, 0);

        assertEq(id, 1, "first id");
        assertEq(registry.agreementCount(), 1, "count");
        IAgreementRegistry.AgreementInfo memory info = registry.getAgreement(id);
        assertEq(info.proposer, carol, "proposer");
        assertEq(uint256(info.status), uint256(PROPOSED), "status");
        assertEq(info.termsHash, TERMS, "terms");
        assertEq(info.expiresAt, 0, "no expiry");
        assertEq(info.activatedAt, 0, "not active");
        assertEq(info.terminatedBy, address(0), "not terminated");
        assertEq(info.terminatedAt, 0, "no termination time");
        assertEq(info.amends, 0, "amends nothing");
        assertEq(info.supersededBy, 0, "not superseded");
        assertEq(info.partySet, id, "own party set");
        assertEq(info.partyCount, 3, "party count");
        assertEq(info.acknowledgedCount, 0, "nobody acknowledged");
        assertEq(info.acknowledgedMask, 0, "empty mask");

        (address[] memory accounts, uint256[] memory cellIds) = registry.partiesOf(id);
        assertEq(accounts.length, 2, "two accounts");
        assertEq(accounts[0], alice, "alice first");
        assertEq(accounts[1], bob, "bob second");
        assertEq(cellIds.length, 1, "one cell");
        assertEq(cellIds[0], child, "child cell");
        assertTrue(registry.isParty(id, alice), "alice is a party");
        assertTrue(registry.isCellParty(id, child), "child is a party");
        assertFalse(registry.isParty(id, carol), "the proposer is not a party");
        assertFalse(registry.isCellParty(id, root), "the parent cell is not a party");
    }

    function test_propose_doesNotAcknowledgeForTheProposer() public {
        uint256 id = _proposeWithCell(); // proposed by alice, a party
        assertFalse(registry.hasAcknowledged(id, alice), "proposing is not acknowledging");
        assertEq(registry.getAgreement(id).acknowledgedCount, 0, "count");
    }

    function test_propose_cellsOnly() public {
        uint256 id = registry.propose(_accounts(alice, bob), _cells(), TITLE, TERMS, URI, 0);
        uint256 cellsOnly = registry.propose(new address[](0), _cells(child, other), TITLE, TERMS, URI, 0);
        assertEq(cellsOnly, id + 1, "sequential ids");
        (address[] memory accounts, uint256[] memory cellIds) = registry.partiesOf(cellsOnly);
        assertEq(accounts.length, 0, "no account");
        assertEq(cellIds[0], child, "child");
        assertEq(cellIds[1], other, "other");
    }

    function test_propose_withExpiry() public {
        uint64 expiresAt = uint64(T0 + 1 days);
        uint256 id = registry.propose(_accounts(alice, bob), _cells(), TITLE, TERMS, URI, expiresAt);
        assertEq(registry.getAgreement(id).expiresAt, expiresAt, "expiry");
    }

    function test_propose_refusesTooFewParties() public {
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementTooFewParties.selector, 1, 2));
        registry.propose(_accounts(alice), _cells(), TITLE, TERMS, URI, 0);
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementTooFewParties.selector, 0, 2));
        registry.propose(new address[](0), _cells(), TITLE, TERMS, URI, 0);
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementTooFewParties.selector, 1, 2));
        registry.propose(new address[](0), _cells(child), TITLE, TERMS, URI, 0);
    }

    function test_propose_acceptsSixteenRefusesSeventeen() public {
        address[] memory many = new address[](15);
        for (uint256 i; i < 15; ++i) many[i] = address(uint160(0x1000 + i));
        uint256 id = registry.propose(many, _cells(child), TITLE, TERMS, URI, 0);
        assertEq(registry.getAgreement(id).partyCount, 16, "sixteen parties");

        address[] memory tooMany = new address[](16);
        for (uint256 i; i < 16; ++i) tooMany[i] = address(uint160(0x1000 + i));
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementTooManyParties.selector, 17, 16));
        registry.propose(tooMany, _cells(child), TITLE, TERMS, URI, 0);
    }

    function test_propose_refusesZeroAddress() public {
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementZeroAddress.selector));
        registry.propose(_accounts(alice, address(0)), _cells(), TITLE, TERMS, URI, 0);
    }

    function test_propose_refusesDuplicates() public {
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementDuplicateAccount.selector, alice));
        registry.propose(_accounts(alice, bob, alice), _cells(), TITLE, TERMS, URI, 0);
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementDuplicateCell.selector, child));
        registry.propose(_accounts(alice), _cells(child, child), TITLE, TERMS, URI, 0);
    }

    function test_propose_refusesNonexistentCells() public {
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementNonexistentCell.selector, 99));
        registry.propose(_accounts(alice), _cells(99), TITLE, TERMS, URI, 0);
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementNonexistentCell.selector, 0));
        registry.propose(_accounts(alice), _cells(0), TITLE, TERMS, URI, 0);
        // An id that would collide with a real one once tagged as a cell key.
        uint256 tagged = (uint256(1) << 255) | child;
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementNonexistentCell.selector, tagged));
        registry.propose(_accounts(alice), _cells(tagged), TITLE, TERMS, URI, 0);
    }

    function _text(uint256 length) internal pure returns (string memory) {
        bytes memory text = new bytes(length);
        for (uint256 i; i < length; ++i) text[i] = "a";
        return string(text);
    }

    function test_propose_termsURIAtTheCap() public {
        // Issue 11, finding 5: a 100 KB terms URI went into the event every dashboard rebuilds from.
        uint256 max = registry.MAX_URI_LENGTH();
        assertEq(max, 256, "the documented cap");
        registry.propose(_accounts(alice, bob), _cells(), TITLE, TERMS, _text(max), 0);
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementURITooLong.selector, max + 1, max));
        registry.propose(_accounts(alice, bob), _cells(), TITLE, TERMS, _text(max + 1), 0);
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementURITooLong.selector, 100_000, max));
        registry.propose(_accounts(alice, bob), _cells(), TITLE, TERMS, _text(100_000), 0);
    }

    function test_amend_termsURIAtTheCap() public {
        uint256 max = registry.MAX_URI_LENGTH();
        uint256 id = _activePair();
        vm.startPrank(alice);
        registry.amend(id, TITLE, TERMS_2, _text(max), 0);
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementURITooLong.selector, max + 1, max));
        registry.amend(id, TITLE, TERMS_2, _text(max + 1), 0);
        vm.stopPrank();
        uint256 withCell = _proposeWithCell();
        _ack(withCell, alice);
        _ackCell(withCell, child, carol);
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementURITooLong.selector, max + 1, max));
        vm.prank(carol);
        registry.amendForCell(withCell, child, TITLE, TERMS_2, _text(max + 1), 0);
    }

    function testFuzz_propose_termsURILength(uint256 length) public {
        length = bound(length, 0, 600);
        uint256 max = registry.MAX_URI_LENGTH();
        if (length == 0) {
            vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementURIEmpty.selector));
        } else if (length > max) {
            vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementURITooLong.selector, length, max));
        }
        registry.propose(_accounts(alice, bob), _cells(), TITLE, TERMS, _text(length), 0);
    }

    function test_propose_refusesEmptyURI() public {
        // Issue 14, finding 4: agreement #3 became active with "no URI given": terms nobody could read.
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementURIEmpty.selector));
        registry.propose(_accounts(alice, bob), _cells(), TITLE, TERMS, "", 0);
    }

    function test_amend_refusesEmptyURI() public {
        uint256 id = _activePair();
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementURIEmpty.selector));
        vm.prank(alice);
        registry.amend(id, TITLE, TERMS_2, "", 0);
        uint256 withCell = _proposeWithCell();
        _ack(withCell, alice);
        _ackCell(withCell, child, carol);
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementURIEmpty.selector));
        vm.prank(carol);
        registry.amendForCell(withCell, child, TITLE, TERMS_2, "", 0);
    }

    // ─────────────────────────────────────────────────────────────── titles

    function test_propose_titleAtTheCap() public {
        uint256 max = registry.MAX_TITLE_LENGTH();
        assertEq(max, 96, "the documented cap");
        vm.expectEmit(address(registry));
        emit IAgreementRegistry.AgreementProposed(
            1,
            address(this),
            _accounts(alice, bob),
            _cells(),
            _text(max),
            TERMS,
            URI,
            0
        );
        registry.propose(_accounts(alice, bob), _cells(), _text(max), TERMS, URI, 0);
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementTitleTooLong.selector, max + 1, max));
        registry.propose(_accounts(alice, bob), _cells(), _text(max + 1), TERMS, URI, 0);
    }

    function test_propose_refusesEmptyTitle() public {
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementTitleEmpty.selector));
        registry.propose(_accounts(alice, bob), _cells(), "", TERMS, URI, 0);
        assertEq(registry.agreementCount(), 0, "nothing proposed");
    }

    function test_amend_refusesEmptyOrLongTitle() public {
        uint256 max = registry.MAX_TITLE_LENGTH();
        uint256 id = _activePair();
        vm.startPrank(alice);
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementTitleEmpty.selector));
        registry.amend(id, "", TERMS_2, URI, 0);
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementTitleTooLong.selector, max + 1, max));
        registry.amend(id, _text(max + 1), TERMS_2, URI, 0);
        vm.stopPrank();
        uint256 withCell = _proposeWithCell();
        _ack(withCell, alice);
        _ackCell(withCell, child, carol);
        vm.startPrank(carol);
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementTitleEmpty.selector));
        registry.amendForCell(withCell, child, "", TERMS_2, URI, 0);
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementTitleTooLong.selector, max + 1, max));
        registry.amendForCell(withCell, child, _text(max + 1), TERMS_2, URI, 0);
        vm.stopPrank();
        vm.expectEmit(address(registry));
        emit IAgreementRegistry.AgreementAmendmentProposed(withCell + 1, withCell, carol, child, "v2", TERMS_2, URI, 0);
        vm.prank(carol);
        registry.amendForCell(withCell, child, "v2", TERMS_2, URI, 0);
    }

    function testFuzz_propose_titleLength(uint256 length) public {
        length = bound(length, 0, 400);
        uint256 max = registry.MAX_TITLE_LENGTH();
        if (length == 0) {
            vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementTitleEmpty.selector));
        } else if (length > max) {
            vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementTitleTooLong.selector, length, max));
        }
        registry.propose(_accounts(alice, bob), _cells(), _text(length), TERMS, URI, 0);
    }

    /// Attack: a 10 kB title to bloat every indexer and dashboard that rebuilds from the events.
    function test_attack_tenKilobyteTitleIsRefused() public {
        uint256 max = registry.MAX_TITLE_LENGTH();
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementTitleTooLong.selector, 10_240, max));
        registry.propose(_accounts(alice, bob), _cells(), _text(10_240), TERMS, URI, 0);
        uint256 id = _activePair();
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementTitleTooLong.selector, 10_240, max));
        vm.prank(alice);
        registry.amend(id, _text(10_240), TERMS_2, URI, 0);
        assertEq(registry.agreementCount(), id, "only the pair exists");
    }

    /// Attack: a title with control characters, a right-to-left override (U+202E, which makes "txt.exe" read
    /// "exe.txt"), a NUL byte and invalid UTF-8, and a javascript: URI. The registry keeps bytes as given and
    /// emits them unchanged: it neither sanitises nor lets them change what is stored; rendering them safely is
    /// the reader's job (the SDK and the app only link https:// and ipfs://, and show text as text).
    function test_attack_controlCharactersAreEmittedAsBytes() public {
        string memory title = string(abi.encodePacked("Pay ", hex"e280ae", "txt.exe", hex"00", "\n\r\t", hex"ff"));
        string memory uri = "javascript:alert(1)";
        vm.expectEmit(address(registry));
        emit IAgreementRegistry.AgreementProposed(1, carol, _accounts(alice, bob), _cells(), title, TERMS, uri, 0);
        vm.prank(carol);
        uint256 id = registry.propose(_accounts(alice, bob), _cells(), title, TERMS, uri, 0);
        IAgreementRegistry.AgreementInfo memory info = registry.getAgreement(id);
        assertEq(info.termsHash, TERMS, "the hash is what parties acknowledge");
        assertEq(info.partyCount, 2, "parties unaffected");
        _ack(id, alice);
        _ack(id, bob);
        _assertStatus(id, ACTIVE, "acknowledged by hash, as any other");
    }

    /// The title is not in the signed struct, but the agreement id is, and an id has one proposal event: a
    /// signature for an agreement does not count for a twin with the same parties and terms under another title.
    function test_signature_bindsTheAgreementAndSoItsTitle() public {
        uint256 honest = registry.propose(_accounts(alice, bob), _cells(), "Pay bob 1 ETH", TERMS, URI, 0);
        uint256 twin = registry.propose(_accounts(alice, bob), _cells(), "Pay bob 100 ETH", TERMS, URI, 0);
        uint256 deadline = block.timestamp + 1 hours;
        bytes memory signature = _signAck(ALICE_PK, honest, TERMS, deadline);
        vm.expectRevert(_invalidSigner(twin, alice));
        registry.acknowledgeBySig(twin, alice, TERMS, deadline, signature);
        registry.acknowledgeBySig(honest, alice, TERMS, deadline, signature);
        assertTrue(registry.hasAcknowledged(honest, alice), "counts for the agreement it names");
        assertFalse(registry.hasAcknowledged(twin, alice), "not for the twin");
    }

    function test_propose_refusesEmptyTerms() public {
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementEmptyTerms.selector));
        registry.propose(_accounts(alice, bob), _cells(), TITLE, bytes32(0), URI, 0);
    }

    function test_propose_refusesExpiryNotInFuture() public {
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementExpiryInPast.selector, uint64(T0), T0));
        registry.propose(_accounts(alice, bob), _cells(), TITLE, TERMS, URI, uint64(T0));
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementExpiryInPast.selector, uint64(1), T0));
        registry.propose(_accounts(alice, bob), _cells(), TITLE, TERMS, URI, 1);
    }

    // ─────────────────────────────────────────────────────────────── acknowledge

    function test_acknowledge_lastPartyActivates() public {
        uint256 id = _proposePair();

        vm.expectEmit(address(registry));
        emit IAgreementRegistry.AgreementAcknowledged(id, alice, 0, false);
        vm.prank(alice);
        registry.acknowledge(id, TERMS);
        assertTrue(registry.hasAcknowledged(id, alice), "alice acknowledged");
        assertFalse(registry.hasAcknowledged(id, bob), "bob not yet");
        _assertStatus(id, PROPOSED, "still proposed");
        assertEq(registry.getAgreement(id).acknowledgedCount, 1, "one acknowledgement");

        vm.warp(T0 + 100);
        vm.expectEmit(address(registry));
        emit IAgreementRegistry.AgreementAcknowledged(id, bob, 0, false);
        vm.expectEmit(address(registry));
        emit IAgreementRegistry.AgreementActivated(id);
        vm.prank(bob);
        registry.acknowledge(id, TERMS);

        IAgreementRegistry.AgreementInfo memory info = registry.getAgreement(id);
        assertEq(uint256(info.status), uint256(ACTIVE), "active");
        assertEq(info.activatedAt, T0 + 100, "activation time");
        assertEq(info.acknowledgedCount, 2, "both");
        assertEq(info.acknowledgedMask, 3, "mask");
    }

    function test_acknowledge_refusesWrongTerms() public {
        uint256 id = _proposePair();
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementTermsMismatch.selector, id, TERMS, TERMS_2));
        vm.prank(alice);
        registry.acknowledge(id, TERMS_2);
    }

    function test_acknowledge_refusesNonParty() public {
        uint256 id = _proposePair();
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementNotParty.selector, id, carol));
        vm.prank(carol); // the proposer, not a party
        registry.acknowledge(id, TERMS);
    }

    function test_acknowledge_refusesTwice() public {
        uint256 id = _proposePair();
        _ack(id, alice);
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementAlreadyAcknowledged.selector, id, alice));
        vm.prank(alice);
        registry.acknowledge(id, TERMS);
    }

    function test_acknowledge_refusesUnknownAgreement() public {
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementUnknown.selector, 7));
        vm.prank(alice);
        registry.acknowledge(7, TERMS);
    }

    function test_acknowledge_refusesWhenActive() public {
        uint256 id = _activePair();
        vm.expectRevert(_wrongStatus(id, ACTIVE, PROPOSED));
        vm.prank(alice);
        registry.acknowledge(id, TERMS);
    }

    function test_acknowledgeForCell_byStewardOfAncestor() public {
        uint256 id = _proposeWithCell();
        _ack(id, alice);
        // dave stewards `root`, the parent of `child`: he acknowledges for `child`.
        vm.expectEmit(address(registry));
        emit IAgreementRegistry.AgreementAcknowledged(id, dave, child, false);
        vm.expectEmit(address(registry));
        emit IAgreementRegistry.AgreementActivated(id);
        vm.prank(dave);
        registry.acknowledgeForCell(id, child, TERMS);
        assertTrue(registry.hasAcknowledgedCell(id, child), "cell acknowledged");
        _assertStatus(id, ACTIVE, "active");
    }

    function test_acknowledgeForCell_byDirectSteward() public {
        uint256 id = _proposeWithCell();
        _ackCell(id, child, carol);
        assertTrue(registry.hasAcknowledgedCell(id, child), "cell acknowledged");
        assertFalse(registry.hasAcknowledged(id, carol), "carol herself is no party");
    }

    function test_acknowledgeForCell_refusals() public {
        uint256 id = _proposeWithCell();
        // erin is a member of `child`, not a steward.
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementNotSteward.selector, child, erin));
        vm.prank(erin);
        registry.acknowledgeForCell(id, child, TERMS);
        // `root` is not a party, even for its own steward.
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementCellNotParty.selector, id, root));
        vm.prank(dave);
        registry.acknowledgeForCell(id, root, TERMS);
        // A tagged id never matches a real cell.
        uint256 tagged = (uint256(1) << 255) | child;
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementCellNotParty.selector, id, tagged));
        vm.prank(dave);
        registry.acknowledgeForCell(id, tagged, TERMS);
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementTermsMismatch.selector, id, TERMS, TERMS_2));
        vm.prank(dave);
        registry.acknowledgeForCell(id, child, TERMS_2);

        _ackCell(id, child, carol);
        vm.expectRevert(
            abi.encodeWithSelector(IAgreementRegistry.AgreementCellAlreadyAcknowledged.selector, id, child)
        );
        vm.prank(dave);
        registry.acknowledgeForCell(id, child, TERMS);
    }

    function test_acknowledgeForCell_stewardshipIsCheckedWhenActing() public {
        uint256 id = _proposeWithCell();
        vm.prank(dave);
        cells.setRoles(child, carol, ROLE_MEMBER); // carol stops being a steward
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementNotSteward.selector, child, carol));
        vm.prank(carol);
        registry.acknowledgeForCell(id, child, TERMS);
    }

    // ─────────────────────────────────────────────────────────────── decline, withdraw

    function test_decline_rejects() public {
        uint256 id = _proposePair();
        _ack(id, alice); // an acknowledging party may still decline before activation
        vm.expectEmit(address(registry));
        emit IAgreementRegistry.AgreementDeclined(id, alice, 0);
        vm.prank(alice);
        registry.decline(id);
        _assertStatus(id, REJECTED, "rejected");

        vm.expectRevert(_wrongStatus(id, REJECTED, PROPOSED));
        vm.prank(bob);
        registry.acknowledge(id, TERMS);
        vm.expectRevert(_wrongStatus(id, REJECTED, PROPOSED));
        vm.prank(carol);
        registry.withdraw(id);
    }

    function test_declineForCell_byAncestorSteward() public {
        uint256 id = _proposeWithCell();
        vm.expectEmit(address(registry));
        emit IAgreementRegistry.AgreementDeclined(id, dave, child);
        vm.prank(dave);
        registry.declineForCell(id, child);
        _assertStatus(id, REJECTED, "rejected");
    }

    function test_decline_refusals() public {
        uint256 id = _proposeWithCell();
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementNotParty.selector, id, bob));
        vm.prank(bob);
        registry.decline(id);
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementNotSteward.selector, child, erin));
        vm.prank(erin);
        registry.declineForCell(id, child);
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementCellNotParty.selector, id, other));
        vm.prank(erin);
        registry.declineForCell(id, other);
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementUnknown.selector, 9));
        registry.decline(9);

        _ack(id, alice);
        _ackCell(id, child, carol);
        vm.expectRevert(_wrongStatus(id, ACTIVE, PROPOSED));
        vm.prank(alice);
        registry.decline(id);
    }

    function test_withdraw_byProposer() public {
        uint256 id = _proposePair();
        _ack(id, bob);
        vm.expectEmit(address(registry));
        emit IAgreementRegistry.AgreementWithdrawn(id, carol);
        vm.prank(carol);
        registry.withdraw(id);
        _assertStatus(id, WITHDRAWN, "withdrawn");
        vm.expectRevert(_wrongStatus(id, WITHDRAWN, PROPOSED));
        vm.prank(alice);
        registry.acknowledge(id, TERMS);
    }

    function test_withdraw_refusals() public {
        uint256 id = _proposePair();
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementNotProposer.selector, id, carol, alice));
        vm.prank(alice); // a party, not the proposer
        registry.withdraw(id);

        _ack(id, alice);
        _ack(id, bob);
        vm.expectRevert(_wrongStatus(id, ACTIVE, PROPOSED));
        vm.prank(carol);
        registry.withdraw(id);
    }

    // ─────────────────────────────────────────────────────────────── terminate

    function test_terminate_recordsWhoAndWhen() public {
        uint256 id = _activePair();
        vm.warp(T0 + 5 days);
        vm.expectEmit(address(registry));
        emit IAgreementRegistry.AgreementTerminated(id, bob, 0);
        vm.prank(bob);
        registry.terminate(id);

        IAgreementRegistry.AgreementInfo memory info = registry.getAgreement(id);
        assertEq(uint256(info.status), uint256(TERMINATED), "terminated");
        assertEq(info.terminatedBy, bob, "by bob");
        assertEq(info.terminatedAt, T0 + 5 days, "when");
        assertEq(info.activatedAt, T0, "activation kept");

        vm.expectRevert(_wrongStatus(id, TERMINATED, ACTIVE));
        vm.prank(alice);
        registry.terminate(id);
    }

    function test_terminateForCell_byAncestorSteward() public {
        uint256 id = _proposeWithCell();
        _ack(id, alice);
        _ackCell(id, child, carol);
        vm.expectEmit(address(registry));
        emit IAgreementRegistry.AgreementTerminated(id, dave, child);
        vm.prank(dave);
        registry.terminateForCell(id, child);
        assertEq(registry.getAgreement(id).terminatedBy, dave, "by dave");
        _assertStatus(id, TERMINATED, "terminated");
    }

    function test_terminate_refusals() public {
        uint256 id = _proposeWithCell();
        vm.expectRevert(_wrongStatus(id, PROPOSED, ACTIVE));
        vm.prank(alice);
        registry.terminate(id);

        _ack(id, alice);
        _ackCell(id, child, carol);
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementNotParty.selector, id, carol));
        vm.prank(carol); // a steward of the cell party, but not an account party
        registry.terminate(id);
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementNotSteward.selector, child, bob));
        vm.prank(bob);
        registry.terminateForCell(id, child);
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementUnknown.selector, 42));
        registry.terminateForCell(42, child);
    }

    // ─────────────────────────────────────────────────────────────── expiry

    function test_expiry_proposedAgreementExpires() public {
        uint64 expiresAt = uint64(T0 + 1 days);
        uint256 id = registry.propose(_accounts(alice, bob), _cells(), TITLE, TERMS, URI, expiresAt);
        _ack(id, alice);

        vm.warp(expiresAt - 1);
        _assertStatus(id, PROPOSED, "one second before");
        vm.warp(expiresAt);
        _assertStatus(id, EXPIRED, "at the expiry time");
        assertEq(uint256(registry.getAgreement(id).status), uint256(EXPIRED), "getAgreement agrees");

        vm.expectRevert(_wrongStatus(id, EXPIRED, PROPOSED));
        vm.prank(bob);
        registry.acknowledge(id, TERMS);
        vm.expectRevert(_wrongStatus(id, EXPIRED, PROPOSED));
        vm.prank(bob);
        registry.decline(id);
        vm.expectRevert(_wrongStatus(id, EXPIRED, PROPOSED));
        registry.withdraw(id);
    }

    function test_expiry_activeAgreementExpires() public {
        uint64 expiresAt = uint64(T0 + 30 days);
        uint256 id = registry.propose(_accounts(alice, bob), _cells(), TITLE, TERMS, URI, expiresAt);
        _ack(id, alice);
        _ack(id, bob);
        _assertStatus(id, ACTIVE, "active");

        vm.warp(expiresAt + 365 days);
        _assertStatus(id, EXPIRED, "expired");
        vm.expectRevert(_wrongStatus(id, EXPIRED, ACTIVE));
        vm.prank(alice);
        registry.terminate(id);
        vm.expectRevert(_wrongStatus(id, EXPIRED, ACTIVE));
        vm.prank(alice);
        registry.amend(id, TITLE, TERMS_2, URI, 0);
    }

    function testFuzz_expiry_readsByTime(uint64 lifetime, uint64 later) public {
        lifetime = uint64(bound(lifetime, 1, 100 * 365 days));
        uint64 expiresAt = uint64(T0) + lifetime;
        uint256 id = registry.propose(_accounts(alice, bob), _cells(), TITLE, TERMS, URI, expiresAt);
        _ack(id, alice);
        _ack(id, bob);
        uint256 at = bound(later, T0, uint256(expiresAt) + 365 days);
        vm.warp(at);
        _assertStatus(id, at >= expiresAt ? EXPIRED : ACTIVE, "status by time");
    }

    // ─────────────────────────────────────────────────────────────── amendments

    function test_amend_supersedesOnActivation() public {
        uint256 id = _activePair();
        vm.expectEmit(address(registry));
        emit IAgreementRegistry.AgreementAmendmentProposed(id + 1, id, alice, 0, TITLE, TERMS_2, "ipfs://v2", 0);
        vm.prank(alice);
        uint256 amendmentId = registry.amend(id, TITLE, TERMS_2, "ipfs://v2", 0);

        IAgreementRegistry.AgreementInfo memory info = registry.getAgreement(amendmentId);
        assertEq(info.amends, id, "amends");
        assertEq(info.partySet, id, "party set of the original");
        assertEq(info.partyCount, 2, "same party count");
        assertEq(info.proposer, alice, "proposer");
        assertEq(info.acknowledgedCount, 0, "acknowledgements do not carry over");
        (address[] memory accounts, ) = registry.partiesOf(amendmentId);
        assertEq(accounts[0], alice, "same parties");
        assertEq(accounts[1], bob, "same parties");
        assertTrue(registry.isParty(amendmentId, bob), "bob is a party of the amendment");

        _ack(amendmentId, alice);
        _assertStatus(id, ACTIVE, "the original stays active meanwhile");
        vm.expectRevert(
            abi.encodeWithSelector(IAgreementRegistry.AgreementTermsMismatch.selector, amendmentId, TERMS_2, TERMS)
        );
        vm.prank(bob);
        registry.acknowledge(amendmentId, TERMS); // the old terms do not acknowledge the new ones

        vm.warp(T0 + 10);
        vm.expectEmit(address(registry));
        emit IAgreementRegistry.AgreementAcknowledged(amendmentId, bob, 0, false);
        vm.expectEmit(address(registry));
        emit IAgreementRegistry.AgreementActivated(amendmentId);
        vm.expectEmit(address(registry));
        emit IAgreementRegistry.AgreementSuperseded(id, amendmentId);
        vm.prank(bob);
        registry.acknowledge(amendmentId, TERMS_2);

        _assertStatus(amendmentId, ACTIVE, "amendment active");
        _assertStatus(id, SUPERSEDED, "original superseded");
        assertEq(registry.getAgreement(id).supersededBy, amendmentId, "superseded by");
        assertEq(registry.getAgreement(amendmentId).activatedAt, T0 + 10, "activation time");

        vm.expectRevert(_wrongStatus(id, SUPERSEDED, ACTIVE));
        vm.prank(alice);
        registry.terminate(id);
    }

    function test_amendForCell_andChainKeepsTheRootPartySet() public {
        uint256 id = _proposeWithCell();
        _ack(id, alice);
        _ackCell(id, child, carol);

        vm.prank(dave);
        uint256 first = registry.amendForCell(id, child, TITLE, TERMS_2, URI, 0);
        _ack(first, alice);
        _ackCell(first, child, dave);
        _assertStatus(first, ACTIVE, "first amendment active");

        vm.expectEmit(address(registry));
        emit IAgreementRegistry.AgreementAmendmentProposed(first + 1, first, alice, 0, TITLE, TERMS, URI, 0);
        vm.prank(alice);
        uint256 second = registry.amend(first, TITLE, TERMS, URI, 0); // back to the first terms: allowed
        assertEq(registry.getAgreement(second).partySet, id, "the root's party set");
        assertEq(registry.getAgreement(second).amends, first, "amends the first amendment");
        _ack(second, alice);
        _ackCell(second, child, carol);
        _assertStatus(first, SUPERSEDED, "first superseded");
        _assertStatus(id, SUPERSEDED, "root stays superseded");
        _assertStatus(second, ACTIVE, "second active");
    }

    function test_amend_refusals() public {
        uint256 id = _proposeWithCell();
        vm.expectRevert(_wrongStatus(id, PROPOSED, ACTIVE));
        vm.prank(alice);
        registry.amend(id, TITLE, TERMS_2, URI, 0);

        _ack(id, alice);
        _ackCell(id, child, carol);
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementNotParty.selector, id, bob));
        vm.prank(bob);
        registry.amend(id, TITLE, TERMS_2, URI, 0);
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementNotSteward.selector, child, erin));
        vm.prank(erin);
        registry.amendForCell(id, child, TITLE, TERMS_2, URI, 0);
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementCellNotParty.selector, id, other));
        vm.prank(erin);
        registry.amendForCell(id, other, TITLE, TERMS_2, URI, 0);
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementEmptyTerms.selector));
        vm.prank(alice);
        registry.amend(id, TITLE, bytes32(0), URI, 0);
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementExpiryInPast.selector, uint64(T0 - 1), T0));
        vm.prank(alice);
        registry.amend(id, TITLE, TERMS_2, URI, uint64(T0 - 1));
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementUnknown.selector, 77));
        vm.prank(alice);
        registry.amend(77, TITLE, TERMS_2, URI, 0);
    }

    function test_amend_pendingAmendmentLapsesWhenTheOriginalIsTerminated() public {
        uint256 id = _activePair();
        vm.prank(alice);
        uint256 amendmentId = registry.amend(id, TITLE, TERMS_2, URI, 0);
        _ack(amendmentId, alice);
        _assertStatus(amendmentId, PROPOSED, "pending");

        vm.prank(bob);
        registry.terminate(id);
        _assertStatus(amendmentId, EXPIRED, "the pending amendment lapsed");
        vm.expectRevert(_wrongStatus(amendmentId, EXPIRED, PROPOSED));
        vm.prank(bob);
        registry.acknowledge(amendmentId, TERMS_2);
        vm.expectRevert(_wrongStatus(amendmentId, EXPIRED, PROPOSED));
        vm.prank(alice);
        registry.withdraw(amendmentId);
        _assertStatus(id, TERMINATED, "the original stays terminated");
    }

    function test_amend_pendingAmendmentLapsesWhenTheOriginalExpires() public {
        uint64 expiresAt = uint64(T0 + 7 days);
        uint256 id = registry.propose(_accounts(alice, bob), _cells(), TITLE, TERMS, URI, expiresAt);
        _ack(id, alice);
        _ack(id, bob);
        vm.prank(bob);
        uint256 amendmentId = registry.amend(id, TITLE, TERMS_2, URI, uint64(T0 + 365 days)); // outlives the original
        _ack(amendmentId, alice);

        vm.warp(expiresAt);
        _assertStatus(id, EXPIRED, "original expired");
        _assertStatus(amendmentId, EXPIRED, "amendment lapsed with it");
        vm.expectRevert(_wrongStatus(amendmentId, EXPIRED, PROPOSED));
        vm.prank(bob);
        registry.acknowledge(amendmentId, TERMS_2);
    }

    function test_amend_competingAmendments_firstToActivateWins() public {
        uint256 id = _activePair();
        vm.prank(alice);
        uint256 a = registry.amend(id, TITLE, TERMS_2, URI, 0);
        bytes32 terms3 = keccak256("terms v3");
        vm.prank(bob);
        uint256 b = registry.amend(id, TITLE, terms3, URI, 0);
        _ack(a, alice);
        _ack(b, alice);
        _ack(b, bob);
        _assertStatus(b, ACTIVE, "b active");
        _assertStatus(id, SUPERSEDED, "original superseded");
        assertEq(registry.getAgreement(id).supersededBy, b, "by b");
        _assertStatus(a, EXPIRED, "a lapsed");
        vm.expectRevert(_wrongStatus(a, EXPIRED, PROPOSED));
        vm.prank(bob);
        registry.acknowledge(a, TERMS_2);
    }

    function test_amend_pendingAmendmentCanBeDeclinedOrWithdrawn() public {
        uint256 id = _activePair();
        vm.prank(alice);
        uint256 a = registry.amend(id, TITLE, TERMS_2, URI, 0);
        vm.prank(bob);
        registry.decline(a);
        _assertStatus(a, REJECTED, "declined");
        _assertStatus(id, ACTIVE, "original untouched");

        vm.prank(bob);
        uint256 b = registry.amend(id, TITLE, TERMS_2, URI, 0);
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementNotProposer.selector, b, bob, alice));
        vm.prank(alice);
        registry.withdraw(b);
        vm.prank(bob);
        registry.withdraw(b);
        _assertStatus(b, WITHDRAWN, "withdrawn");
        _assertStatus(id, ACTIVE, "original untouched");
    }

    function test_amend_ownExpiry() public {
        uint256 id = _activePair();
        vm.prank(alice);
        uint256 a = registry.amend(id, TITLE, TERMS_2, URI, uint64(T0 + 1 days));
        vm.warp(T0 + 1 days);
        _assertStatus(a, EXPIRED, "amendment expired");
        _assertStatus(id, ACTIVE, "original still active");
    }

    // ─────────────────────────────────────────────────────────────── signatures

    function test_acknowledgeBySig_accountParty() public {
        uint256 id = _proposePair();
        uint256 deadline = T0 + 1 hours;
        bytes memory signature = _signAck(ALICE_PK, id, TERMS, deadline);

        vm.expectEmit(address(registry));
        emit IAgreementRegistry.AgreementAcknowledged(id, alice, 0, true);
        vm.prank(erin); // anyone submits
        registry.acknowledgeBySig(id, alice, TERMS, deadline, signature);
        assertTrue(registry.hasAcknowledged(id, alice), "acknowledged");
        assertEq(registry.nonces(alice, id), 0, "the bit, not the nonce, makes it count once");

        bytes memory bobSignature = _signAck(BOB_PK, id, TERMS, deadline);
        vm.expectEmit(address(registry));
        emit IAgreementRegistry.AgreementActivated(id);
        registry.acknowledgeBySig(id, bob, TERMS, deadline, bobSignature);
        _assertStatus(id, ACTIVE, "active");
    }

    function test_acknowledgeBySig_deadlineIsInclusive() public {
        uint256 id = _proposePair();
        bytes memory signature = _signAck(ALICE_PK, id, TERMS, T0);
        registry.acknowledgeBySig(id, alice, TERMS, T0, signature);
        assertTrue(registry.hasAcknowledged(id, alice), "acknowledged at the deadline");
    }

    function test_acknowledgeForCellBySig_stewardOfAncestor() public {
        uint256 id = _proposeWithCell();
        bytes memory signature = _signCellAck(DAVE_PK, id, child, TERMS, T0 + 1 hours);
        vm.expectEmit(address(registry));
        emit IAgreementRegistry.AgreementAcknowledged(id, dave, child, true);
        vm.prank(bob);
        registry.acknowledgeForCellBySig(id, child, dave, TERMS, T0 + 1 hours, signature);
        assertTrue(registry.hasAcknowledgedCell(id, child), "cell acknowledged");
        assertEq(registry.nonces(dave, id), 0, "nonce unchanged");
    }

    function test_acknowledgeForCellBySig_refusesNonSteward() public {
        uint256 id = _proposeWithCell();
        bytes memory signature = _signCellAck(ERIN_PK, id, child, TERMS, T0 + 1 hours);
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementNotSteward.selector, child, erin));
        registry.acknowledgeForCellBySig(id, child, erin, TERMS, T0 + 1 hours, signature);
    }

    function test_acknowledgeForCellBySig_refusesCellZero() public {
        uint256 id = _proposePair();
        bytes memory signature = _signAck(ALICE_PK, id, TERMS, T0 + 1 hours);
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementCellNotParty.selector, id, 0));
        registry.acknowledgeForCellBySig(id, 0, alice, TERMS, T0 + 1 hours, signature);
    }

    function test_acknowledgeForCellBySig_refusesAccountSignature() public {
        // An `Acknowledge` signature cannot pass for an `AcknowledgeForCell` one (different type hash).
        uint256 id = _proposeWithCell();
        bytes memory signature = _signAck(DAVE_PK, id, TERMS, T0 + 1 hours);
        vm.expectRevert(_invalidSigner(id, dave));
        registry.acknowledgeForCellBySig(id, child, dave, TERMS, T0 + 1 hours, signature);
    }

    function test_replay_sameSignatureTwice() public {
        uint256 id = _proposePair();
        bytes memory signature = _signAck(ALICE_PK, id, TERMS, T0 + 1 hours);
        registry.acknowledgeBySig(id, alice, TERMS, T0 + 1 hours, signature);
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementAlreadyAcknowledged.selector, id, alice));
        registry.acknowledgeBySig(id, alice, TERMS, T0 + 1 hours, signature);

        // On a cell party as well.
        uint256 cellAgreement = _proposeWithCell();
        bytes memory cellSignature = _signCellAck(CAROL_PK, cellAgreement, child, TERMS, T0 + 1 hours);
        registry.acknowledgeForCellBySig(cellAgreement, child, carol, TERMS, T0 + 1 hours, cellSignature);
        vm.expectRevert(
            abi.encodeWithSelector(IAgreementRegistry.AgreementCellAlreadyAcknowledged.selector, cellAgreement, child)
        );
        registry.acknowledgeForCellBySig(cellAgreement, child, carol, TERMS, T0 + 1 hours, cellSignature);
    }

    function test_signaturesForDifferentAgreementsAreIndependent() public {
        // Issue 11, finding 4: with one sequential nonce per signer, using (or burning) the signature for one
        // agreement stranded the signer's signatures for every other. Now each agreement has its own nonce.
        uint256 first = _proposePair();
        uint256 second = _proposePair();
        uint256 third = _proposePair();
        bytes memory forFirst = _signAck(ALICE_PK, first, TERMS, T0 + 1 hours);
        bytes memory forSecond = _signAck(ALICE_PK, second, TERMS, T0 + 1 hours);
        bytes memory forThird = _signAck(ALICE_PK, third, TERMS, T0 + 1 hours);
        // The proposer of `first` withdraws it and alice revokes her signature for `second`.
        vm.prank(carol);
        registry.withdraw(first);
        vm.prank(alice);
        registry.invalidateNonce(second);
        vm.expectRevert(_wrongStatus(first, WITHDRAWN, PROPOSED));
        registry.acknowledgeBySig(first, alice, TERMS, T0 + 1 hours, forFirst);
        vm.expectRevert(_invalidSigner(second, alice));
        registry.acknowledgeBySig(second, alice, TERMS, T0 + 1 hours, forSecond);
        // Her signature for `third`, made before either, still works, in any order.
        registry.acknowledgeBySig(third, alice, TERMS, T0 + 1 hours, forThird);
        assertTrue(registry.hasAcknowledged(third, alice), "third acknowledged");
        assertEq(registry.nonces(alice, third), 0, "third's nonce untouched");
    }

    function testFuzz_signaturesInAnyOrder(uint256 seed) public {
        uint256 count = 5;
        uint256[] memory ids = new uint256[](count);
        bytes[] memory signatures = new bytes[](count);
        for (uint256 i; i < count; ++i) {
            ids[i] = _proposePair();
            signatures[i] = _signAck(ALICE_PK, ids[i], TERMS, T0 + 1 hours);
        }
        // Submit in a seed-driven order (a Fisher-Yates shuffle).
        for (uint256 i = count - 1; i > 0; --i) {
            uint256 j = uint256(keccak256(abi.encode(seed, i))) % (i + 1);
            (ids[i], ids[j]) = (ids[j], ids[i]);
            (signatures[i], signatures[j]) = (signatures[j], signatures[i]);
        }
        for (uint256 i; i < count; ++i) registry.acknowledgeBySig(ids[i], alice, TERMS, T0 + 1 hours, signatures[i]);
        for (uint256 i; i < count; ++i) assertTrue(registry.hasAcknowledged(ids[i], alice), "acknowledged");
    }

    function test_replay_onAnAmendment() public {
        // An amendment is a new agreement with the same parties: a signature for the original (or one over the
        // original's terms) does not acknowledge it.
        uint256 id = _activePair();
        vm.prank(alice);
        uint256 amendment = registry.amend(id, TITLE, TERMS_2, URI, 0);
        bytes memory forOriginal = _sign(BOB_PK, _ackDigest(_domain(), id, TERMS_2, bob, 0, T0 + 1 hours));
        vm.expectRevert(_invalidSigner(amendment, bob));
        registry.acknowledgeBySig(amendment, bob, TERMS_2, T0 + 1 hours, forOriginal);
        bytes memory oldTerms = _sign(BOB_PK, _ackDigest(_domain(), amendment, TERMS, bob, 0, T0 + 1 hours));
        vm.expectRevert(
            abi.encodeWithSelector(IAgreementRegistry.AgreementTermsMismatch.selector, amendment, TERMS_2, TERMS)
        );
        registry.acknowledgeBySig(amendment, bob, TERMS, T0 + 1 hours, oldTerms);
        registry.acknowledgeBySig(
            amendment,
            bob,
            TERMS_2,
            T0 + 1 hours,
            _signAck(BOB_PK, amendment, TERMS_2, T0 + 1 hours)
        );
        assertTrue(registry.hasAcknowledged(amendment, bob), "the amendment's own signature works");
    }

    function test_replay_onAnotherAgreement() public {
        uint256 first = _proposePair();
        uint256 second = _proposePair(); // same parties, same terms
        bytes memory signature = _signAck(ALICE_PK, first, TERMS, T0 + 1 hours);
        vm.expectRevert(_invalidSigner(second, alice));
        registry.acknowledgeBySig(second, alice, TERMS, T0 + 1 hours, signature);
        assertEq(registry.nonces(alice, first), 0, "nonce untouched by the failure");
        registry.acknowledgeBySig(first, alice, TERMS, T0 + 1 hours, signature);
    }

    function test_replay_withAnotherTermsHash() public {
        uint256 id = _proposePair();
        bytes memory signature = _signAck(ALICE_PK, id, TERMS_2, T0 + 1 hours);
        // Submitted with the hash it signed: refused because the terms differ.
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementTermsMismatch.selector, id, TERMS, TERMS_2));
        registry.acknowledgeBySig(id, alice, TERMS_2, T0 + 1 hours, signature);
        // Submitted with the agreement's hash: the signature does not cover it.
        vm.expectRevert(_invalidSigner(id, alice));
        registry.acknowledgeBySig(id, alice, TERMS, T0 + 1 hours, signature);
    }

    function test_replay_afterTheDeadline() public {
        uint256 id = _proposePair();
        uint256 deadline = T0 + 1 hours;
        bytes memory signature = _signAck(ALICE_PK, id, TERMS, deadline);
        vm.warp(deadline + 1);
        vm.expectRevert(
            abi.encodeWithSelector(IAgreementRegistry.AgreementSignatureExpired.selector, deadline, deadline + 1)
        );
        registry.acknowledgeBySig(id, alice, TERMS, deadline, signature);
        // Moving the deadline breaks the signature.
        vm.expectRevert(_invalidSigner(id, alice));
        registry.acknowledgeBySig(id, alice, TERMS, deadline + 1 days, signature);
    }

    function test_replay_onAnotherChain() public {
        uint256 id = _proposePair();
        bytes32 foreignDomain = _domain(block.chainid + 1, address(registry));
        bytes memory signature = _sign(ALICE_PK, _ackDigest(foreignDomain, id, TERMS, alice, 0, T0 + 1 hours));
        vm.expectRevert(_invalidSigner(id, alice));
        registry.acknowledgeBySig(id, alice, TERMS, T0 + 1 hours, signature);

        bytes memory cellSignature = _sign(
            DAVE_PK,
            _cellDigest(_domain(1, address(registry)), 1, child, TERMS, dave, 0, T0 + 1 hours)
        );
        uint256 cellAgreement = _proposeWithCell();
        vm.expectRevert(_invalidSigner(cellAgreement, dave));
        registry.acknowledgeForCellBySig(cellAgreement, child, dave, TERMS, T0 + 1 hours, cellSignature);
    }

    function test_replay_onAnotherDeployment() public {
        AgreementRegistry twin = new AgreementRegistry(cells);
        uint256 id = _proposePair();
        vm.prank(carol);
        uint256 twinId = twin.propose(_accounts(alice, bob), _cells(), TITLE, TERMS, URI, 0);
        assertEq(twinId, id, "same id on both deployments");
        assertTrue(twin.domainSeparator() != registry.domainSeparator(), "different domains");

        bytes memory forTwin = _sign(
            ALICE_PK,
            _ackDigest(_domain(block.chainid, address(twin)), id, TERMS, alice, 0, T0 + 1 hours)
        );
        vm.expectRevert(_invalidSigner(id, alice));
        registry.acknowledgeBySig(id, alice, TERMS, T0 + 1 hours, forTwin);
        twin.acknowledgeBySig(twinId, alice, TERMS, T0 + 1 hours, forTwin);
        assertTrue(twin.hasAcknowledged(twinId, alice), "valid where it was meant");
        assertFalse(registry.hasAcknowledged(id, alice), "not here");
    }

    function test_acknowledgeBySig_refusesNonParty() public {
        uint256 id = _proposePair();
        bytes memory signature = _signAck(ERIN_PK, id, TERMS, T0 + 1 hours);
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementNotParty.selector, id, erin));
        registry.acknowledgeBySig(id, erin, TERMS, T0 + 1 hours, signature);
    }

    function test_acknowledgeBySig_refusesSomeoneElsesSignature() public {
        uint256 id = _proposePair();
        bytes memory bobsSignatureOfAlicesMessage = _sign(
            BOB_PK,
            _ackDigest(_domain(), id, TERMS, alice, 0, T0 + 1 hours)
        );
        vm.expectRevert(_invalidSigner(id, alice));
        registry.acknowledgeBySig(id, alice, TERMS, T0 + 1 hours, bobsSignatureOfAlicesMessage);
    }

    function test_acknowledgeBySig_refusesMalformedSignatures() public {
        uint256 id = _proposePair();
        vm.expectRevert(_invalidSigner(id, alice));
        registry.acknowledgeBySig(id, alice, TERMS, T0 + 1 hours, "");
        vm.expectRevert(_invalidSigner(id, alice));
        registry.acknowledgeBySig(id, alice, TERMS, T0 + 1 hours, new bytes(65));
        // A high-s (malleable) copy of a valid signature is refused.
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(ALICE_PK, _ackDigest(_domain(), id, TERMS, alice, 0, T0 + 1 hours));
        uint256 n = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141;
        bytes memory malleated = abi.encodePacked(r, bytes32(n - uint256(s)), v == 27 ? uint8(28) : uint8(27));
        vm.expectRevert(_invalidSigner(id, alice));
        registry.acknowledgeBySig(id, alice, TERMS, T0 + 1 hours, malleated);
    }

    function test_invalidateNonce_revokesOutstandingSignatures() public {
        uint256 id = _proposePair();
        uint256 other_ = _proposePair();
        bytes memory signature = _signAck(ALICE_PK, id, TERMS, T0 + 1 hours);
        bytes memory forOther = _signAck(ALICE_PK, other_, TERMS, T0 + 1 hours);
        vm.expectEmit(address(registry));
        emit IAgreementRegistry.NonceInvalidated(alice, id, 0);
        vm.prank(alice);
        assertEq(registry.invalidateNonce(id), 0, "burnt nonce");
        assertEq(registry.nonces(alice, id), 1, "next nonce");
        assertEq(registry.nonces(alice, other_), 0, "other agreement's nonce untouched");
        vm.expectRevert(_invalidSigner(id, alice));
        registry.acknowledgeBySig(id, alice, TERMS, T0 + 1 hours, signature);
        // A fresh signature over the next nonce works; the one for the other agreement still does.
        registry.acknowledgeBySig(id, alice, TERMS, T0 + 1 hours, _signAck(ALICE_PK, id, TERMS, T0 + 1 hours));
        registry.acknowledgeBySig(other_, alice, TERMS, T0 + 1 hours, forOther);
        assertTrue(registry.hasAcknowledged(id, alice) && registry.hasAcknowledged(other_, alice), "both");
    }

    function testFuzz_acknowledgeBySig_onlyTheSignerKeyWorks(uint256 key) public {
        key = bound(key, 1, 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364140);
        vm.assume(key != ALICE_PK);
        uint256 id = _proposePair();
        bytes memory signature = _sign(key, _ackDigest(_domain(), id, TERMS, alice, 0, T0 + 1 hours));
        vm.expectRevert(_invalidSigner(id, alice));
        registry.acknowledgeBySig(id, alice, TERMS, T0 + 1 hours, signature);
    }

    // ─────────────────────────────────────────────────────────────── ERC-1271 wallets

    function test_erc1271_walletAccountParty() public {
        MockWallet wallet = new MockWallet(carol);
        uint256 id = registry.propose(_accounts(address(wallet), bob), _cells(), TITLE, TERMS, URI, 0);
        bytes memory signature = _sign(CAROL_PK, _ackDigest(_domain(), id, TERMS, address(wallet), 0, T0 + 1 hours));

        wallet.setRefuse(true);
        vm.expectRevert(_invalidSigner(id, address(wallet)));
        registry.acknowledgeBySig(id, address(wallet), TERMS, T0 + 1 hours, signature);

        wallet.setRefuse(false);
        vm.expectEmit(address(registry));
        emit IAgreementRegistry.AgreementAcknowledged(id, address(wallet), 0, true);
        registry.acknowledgeBySig(id, address(wallet), TERMS, T0 + 1 hours, signature);
        assertTrue(registry.hasAcknowledged(id, address(wallet)), "wallet acknowledged");

        // A key that is not the wallet's owner does not sign for it.
        uint256 second = registry.propose(_accounts(address(wallet), bob), _cells(), TITLE, TERMS, URI, 0);
        bytes memory foreign = _sign(ALICE_PK, _ackDigest(_domain(), second, TERMS, address(wallet), 0, T0 + 1 hours));
        vm.expectRevert(_invalidSigner(second, address(wallet)));
        registry.acknowledgeBySig(second, address(wallet), TERMS, T0 + 1 hours, foreign);
    }

    function test_erc1271_walletAsCellSteward() public {
        MockWallet wallet = new MockWallet(bob);
        vm.prank(erin);
        cells.addMember(other, address(wallet), ROLE_MEMBER | ROLE_STEWARD);
        vm.prank(alice);
        uint256 id = registry.propose(_accounts(alice), _cells(other), TITLE, TERMS, URI, 0);
        bytes memory signature = _sign(
            BOB_PK,
            _cellDigest(_domain(), id, other, TERMS, address(wallet), 0, T0 + 1 hours)
        );
        registry.acknowledgeForCellBySig(id, other, address(wallet), TERMS, T0 + 1 hours, signature);
        assertTrue(registry.hasAcknowledgedCell(id, other), "cell acknowledged through the wallet");
    }

    // ─────────────────────────────────────────────────────────────── batches

    function test_acknowledgeMany_acrossAgreements() public {
        uint256 a = _proposePair();
        uint256 b = _proposeWithCell();
        vm.prank(bob);
        uint256 c = registry.propose(_accounts(alice, bob), _cells(), TITLE, TERMS_2, URI, 0);
        _ack(a, bob);

        uint256[] memory ids = new uint256[](3);
        ids[0] = a;
        ids[1] = b;
        ids[2] = c;
        bytes32[] memory hashes = new bytes32[](3);
        hashes[0] = TERMS;
        hashes[1] = TERMS;
        hashes[2] = TERMS_2;
        vm.prank(alice);
        registry.acknowledgeMany(ids, hashes);
        _assertStatus(a, ACTIVE, "a activated");
        assertTrue(registry.hasAcknowledged(b, alice), "b");
        assertTrue(registry.hasAcknowledged(c, alice), "c");
    }

    function test_acknowledgeMany_oneBadEntryRevertsAll() public {
        uint256 a = _proposePair();
        uint256 b = _proposePair();
        uint256[] memory ids = new uint256[](2);
        ids[0] = a;
        ids[1] = b;
        bytes32[] memory hashes = new bytes32[](2);
        hashes[0] = TERMS;
        hashes[1] = TERMS_2;
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementTermsMismatch.selector, b, TERMS, TERMS_2));
        vm.prank(alice);
        registry.acknowledgeMany(ids, hashes);
        assertFalse(registry.hasAcknowledged(a, alice), "first entry rolled back");

        ids[1] = a; // the same agreement twice
        hashes[1] = TERMS;
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementAlreadyAcknowledged.selector, a, alice));
        vm.prank(alice);
        registry.acknowledgeMany(ids, hashes);
    }

    function test_acknowledgeMany_lengths() public {
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementBatchLength.selector, 0, 32));
        registry.acknowledgeMany(new uint256[](0), new bytes32[](0));
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementBatchLength.selector, 33, 32));
        registry.acknowledgeMany(new uint256[](33), new bytes32[](33));
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementLengthMismatch.selector, 2, 1));
        registry.acknowledgeMany(new uint256[](2), new bytes32[](1));
    }

    function _entry(
        uint256 id,
        uint256 cellId,
        uint256 privateKey,
        uint256 nonce
    ) internal view returns (IAgreementRegistry.SignedAcknowledgement memory entry) {
        address signer = vm.addr(privateKey);
        bytes32 termsHash = registry.getAgreement(id).termsHash;
        uint256 deadline = T0 + 1 hours;
        bytes32 digest =
            cellId == 0
                ? _ackDigest(_domain(), id, termsHash, signer, nonce, deadline)
                : _cellDigest(_domain(), id, cellId, termsHash, signer, nonce, deadline);
        entry = IAgreementRegistry.SignedAcknowledgement({
            agreementId: id,
            cellId: cellId,
            signer: signer,
            termsHash: termsHash,
            deadline: deadline,
            signature: _sign(privateKey, digest)
        });
    }

    function test_acknowledgeBySigBatch_mixedEntries() public {
        uint256 a = _proposePair();
        uint256 b = _proposeWithCell();
        MockWallet wallet = new MockWallet(erin);
        uint256 c = registry.propose(_accounts(address(wallet), alice), _cells(), TITLE, TERMS, URI, 0);

        IAgreementRegistry.SignedAcknowledgement[] memory entries = new IAgreementRegistry.SignedAcknowledgement[](5);
        entries[0] = _entry(a, 0, ALICE_PK, 0);
        entries[1] = _entry(a, 0, BOB_PK, 0);
        entries[2] = _entry(b, child, DAVE_PK, 0); // steward of the parent cell
        entries[3] = _entry(b, 0, ALICE_PK, 0); // alice's own nonce for b, independent of a's
        entries[4] = _entry(c, 0, ERIN_PK, 0);
        entries[4].signer = address(wallet); // the wallet's owner signs for it
        entries[4].signature = _sign(ERIN_PK, _ackDigest(_domain(), c, TERMS, address(wallet), 0, T0 + 1 hours));

        vm.expectEmit(address(registry));
        emit IAgreementRegistry.AgreementAcknowledged(a, alice, 0, true);
        vm.prank(carol);
        assertEq(registry.acknowledgeBySigBatch(entries), 0, "nothing skipped");

        _assertStatus(a, ACTIVE, "a active");
        _assertStatus(b, ACTIVE, "b active");
        assertTrue(registry.hasAcknowledged(c, address(wallet)), "wallet acknowledged c");
    }

    function _skipped(uint256 id, address signer, uint256 cellId, uint256 index, bytes memory reason) internal {
        vm.expectEmit(address(registry));
        emit IAgreementRegistry.AcknowledgementSkipped(id, signer, cellId, index, reason);
    }

    function test_acknowledgeBySigBatch_frontRunEntryIsSkipped() public {
        // Issue 11, finding 4: someone submits one entry of a relayer's batch first. The batch still applies
        // every other entry and reports the front-run one.
        uint256 a = _proposePair();
        uint256 b = _proposeWithCell();
        IAgreementRegistry.SignedAcknowledgement[] memory entries = new IAgreementRegistry.SignedAcknowledgement[](3);
        entries[0] = _entry(a, 0, ALICE_PK, 0);
        entries[1] = _entry(b, child, DAVE_PK, 0);
        entries[2] = _entry(a, 0, BOB_PK, 0);

        IAgreementRegistry.SignedAcknowledgement memory e = entries[1];
        vm.prank(erin); // the front-runner
        registry.acknowledgeForCellBySig(e.agreementId, e.cellId, e.signer, e.termsHash, e.deadline, e.signature);

        _skipped(
            b,
            dave,
            child,
            1,
            abi.encodeWithSelector(IAgreementRegistry.AgreementCellAlreadyAcknowledged.selector, b, child)
        );
        vm.prank(carol);
        uint256 skipped = registry.acknowledgeBySigBatch(entries);
        assertEq(skipped, 1 << 1, "entry 1 skipped");
        _assertStatus(a, ACTIVE, "entries 0 and 2 applied");
        assertTrue(registry.hasAcknowledgedCell(b, child), "the front-run entry counted once");
    }

    function test_acknowledgeBySigBatch_badEntriesAreSkipped() public {
        uint256 a = _proposePair();
        uint256 b = _proposeWithCell();
        uint256 c = _proposePair();
        vm.prank(carol);
        registry.withdraw(c);
        IAgreementRegistry.SignedAcknowledgement[] memory entries = new IAgreementRegistry.SignedAcknowledgement[](6);
        entries[0] = _entry(a, 0, ALICE_PK, 0);
        entries[1] = _entry(a, 0, BOB_PK, 5); // signed over a nonce bob does not have
        entries[2] = _entry(b, child, DAVE_PK, 0);
        entries[3] = entries[0]; // the same signature twice in one batch
        entries[4] = _entry(b, 0, ALICE_PK, 0);
        entries[4].deadline = T0 - 1; // expired
        entries[5] = _entry(c, 0, ALICE_PK, 0); // withdrawn agreement

        _skipped(a, bob, 0, 1, _invalidSigner(a, bob));
        _skipped(
            a,
            alice,
            0,
            3,
            abi.encodeWithSelector(IAgreementRegistry.AgreementAlreadyAcknowledged.selector, a, alice)
        );
        _skipped(
            b,
            alice,
            0,
            4,
            abi.encodeWithSelector(IAgreementRegistry.AgreementSignatureExpired.selector, T0 - 1, T0)
        );
        _skipped(c, alice, 0, 5, _wrongStatus(c, WITHDRAWN, PROPOSED));
        uint256 skipped = registry.acknowledgeBySigBatch(entries);
        assertEq(skipped, (1 << 1) | (1 << 3) | (1 << 4) | (1 << 5), "skipped entries");
        assertTrue(registry.hasAcknowledged(a, alice), "entry 0 applied");
        assertFalse(registry.hasAcknowledged(a, bob), "entry 1 not applied");
        assertTrue(registry.hasAcknowledgedCell(b, child), "entry 2 applied");
        assertFalse(registry.hasAcknowledged(b, alice), "entry 4 not applied");
    }

    function test_acknowledgeBySigBatch_everyEntrySkipped() public {
        uint256 a = _proposePair();
        IAgreementRegistry.SignedAcknowledgement[] memory entries = new IAgreementRegistry.SignedAcknowledgement[](2);
        entries[0] = _entry(a, 0, ERIN_PK, 0); // not a party
        entries[1] = _entry(a, 0, ALICE_PK, 0);
        entries[1].termsHash = TERMS_2;
        assertEq(registry.acknowledgeBySigBatch(entries), 3, "both skipped, nothing reverted");
        assertEq(registry.getAgreement(a).acknowledgedCount, 0, "nothing recorded");
    }

    function test_acknowledgeBySigBatch_lengths() public {
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementBatchLength.selector, 0, 32));
        registry.acknowledgeBySigBatch(new IAgreementRegistry.SignedAcknowledgement[](0));
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementBatchLength.selector, 33, 32));
        registry.acknowledgeBySigBatch(new IAgreementRegistry.SignedAcknowledgement[](33));
    }

    function test_multicall_stewardActsForSeveralCells() public {
        vm.prank(alice);
        uint256 id = registry.propose(_accounts(alice), _cells(root, child), TITLE, TERMS, URI, 0);
        bytes[] memory calls = new bytes[](2);
        calls[0] = abi.encodeCall(IAgreementRegistry.acknowledgeForCell, (id, root, TERMS));
        calls[1] = abi.encodeCall(IAgreementRegistry.acknowledgeForCell, (id, child, TERMS));
        vm.prank(dave);
        registry.multicall(calls);
        assertTrue(registry.hasAcknowledgedCell(id, root), "root");
        assertTrue(registry.hasAcknowledgedCell(id, child), "child");
    }

    // ─────────────────────────────────────────────────────────────── reads

    function test_reads_unknownAgreement() public {
        assertEq(registry.statusOf(5), 0, "None");
        assertFalse(registry.hasAcknowledged(5, alice), "nothing acknowledged");
        assertFalse(registry.hasAcknowledgedCell(5, child), "nothing acknowledged");
        assertFalse(registry.isParty(5, alice), "no party");
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementUnknown.selector, 5));
        registry.getAgreement(5);
        vm.expectRevert(abi.encodeWithSelector(IAgreementRegistry.AgreementUnknown.selector, 5));
        registry.partiesOf(5);
    }

    function testFuzz_propose_anyPartyMixActivatesWhenAllAcknowledge(uint8 accountCount, uint8 cellCount) public {
        accountCount = uint8(bound(accountCount, 0, 14));
        cellCount = uint8(bound(cellCount, 0, 2));
        vm.assume(accountCount + cellCount >= 2);
        address[] memory accounts = new address[](accountCount);
        for (uint256 i; i < accountCount; ++i) accounts[i] = address(uint160(0xA000 + i));
        uint256[] memory cellIds = cellCount == 0 ? _cells() : (cellCount == 1 ? _cells(child) : _cells(child, other));
        uint256 id = registry.propose(accounts, cellIds, TITLE, TERMS, URI, 0);

        for (uint256 i; i < accountCount; ++i) {
            _assertStatus(id, PROPOSED, "proposed until the last");
            _ack(id, accounts[i]);
        }
        if (cellCount >= 1) _ackCell(id, child, carol);
        if (cellCount == 2) _ackCell(id, other, erin);
        _assertStatus(id, ACTIVE, "active");
        IAgreementRegistry.AgreementInfo memory info = registry.getAgreement(id);
        assertEq(info.acknowledgedCount, accountCount + cellCount, "all acknowledged");
        assertEq(info.acknowledgedMask, (uint256(1) << (accountCount + cellCount)) - 1, "full mask");
    }
}
