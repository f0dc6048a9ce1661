// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AgreementFixture} from "./AgreementFixture.sol";
import {IAgreementRegistry} from "../../contracts/agreements/IAgreementRegistry.sol";

/// @notice Gas budgets of the hot paths, as whole transactions: 21,000 + calldata + the registry's execution.
/// Every agreement is prepared in `setUp`, a transaction of its own, so that each test's measured call meets
/// cold storage with clean original values, as a real transaction does. The measured call is the first
/// contact with the registry in the test (signatures are built without reading it).
contract AgreementRegistryGasTest is AgreementFixture {
    uint256 internal constant ACKNOWLEDGE_BUDGET = 55_000;
    uint256 internal constant ACKNOWLEDGE_BY_SIG_BUDGET = 75_000;
    uint256 internal constant SIGNERS = 10;
    uint256 internal constant FIRST_SIGNER_PK = 0x5160;

    uint256 internal pairForAck;
    uint256 internal pairForSig;
    uint256 internal pairForWarmNonce;
    uint256 internal pairForFinal; // bob already acknowledged
    uint256 internal crowd; // 12 parties: the 10 signers, alice and bob
    uint256 internal firstOfTen; // 10 pairs (signer i, bob), consecutive ids

    address[] internal signers;

    function setUp() public override {
        super.setUp();
        pairForAck = _proposePair();
        pairForSig = _proposePair();
        pairForWarmNonce = _proposePair();
        vm.prank(bob);
        registry.invalidateNonce(pairForWarmNonce); // bob's nonce for this agreement is now 1
        pairForFinal = _proposePair();
        _ack(pairForFinal, bob);

        address[] memory crowdAccounts = new address[](SIGNERS + 2);
        for (uint256 i; i < SIGNERS; ++i) {
            signers.push(vm.addr(FIRST_SIGNER_PK + i));
            crowdAccounts[i] = signers[i];
        }
        crowdAccounts[SIGNERS] = alice;
        crowdAccounts[SIGNERS + 1] = bob;
        crowd = registry.propose(crowdAccounts, _cells(), TITLE, TERMS, URI, 0);
        for (uint256 i; i < SIGNERS; ++i) {
            uint256 id = registry.propose(_accounts(signers[i], bob), _cells(), TITLE, TERMS, URI, 0);
            if (i == 0) firstOfTen = id;
        }
    }

    // ─────────────────────────────────────────────────────────────── measuring

    /// @dev The gas of calling the registry with `data` as `sender`, as a transaction (see `Test.txGas`).
    function _txGas(address sender, bytes memory data) internal returns (uint256) {
        return txGas(sender, address(registry), data);
    }

    function _sigFor(uint256 privateKey, uint256 id, uint256 nonce) internal view returns (bytes memory) {
        return _sign(privateKey, _ackDigest(_domain(), id, TERMS, vm.addr(privateKey), nonce, T0 + 1 hours));
    }

    function _batchEntries(
        bool oneAgreement
    ) internal view returns (IAgreementRegistry.SignedAcknowledgement[] memory entries) {
        entries = new IAgreementRegistry.SignedAcknowledgement[](SIGNERS);
        for (uint256 i; i < SIGNERS; ++i) {
            uint256 id = oneAgreement ? crowd : firstOfTen + i;
            entries[i] = IAgreementRegistry.SignedAcknowledgement({
                agreementId: id,
                cellId: 0,
                signer: signers[i],
                termsHash: TERMS,
                deadline: T0 + 1 hours,
                signature: _sigFor(FIRST_SIGNER_PK + i, id, 0)
            });
        }
    }

    // ─────────────────────────────────────────────────────────────── budgets

    function test_gas_acknowledge() public {
        uint256 used = _txGas(alice, abi.encodeCall(IAgreementRegistry.acknowledge, (pairForAck, TERMS)));
        assertLe(used, ACKNOWLEDGE_BUDGET, "acknowledge (non-final, 2 parties)");
        assertTrue(registry.hasAcknowledged(pairForAck, alice), "acknowledged");
    }

    function test_gas_acknowledgeBySig_firstNonce() public {
        bytes memory data = abi.encodeCall(
            IAgreementRegistry.acknowledgeBySig,
            (pairForSig, alice, TERMS, T0 + 1 hours, _sigFor(ALICE_PK, pairForSig, 0))
        );
        uint256 used = _txGas(carol, data);
        assertLe(used, ACKNOWLEDGE_BY_SIG_BUDGET, "acknowledgeBySig (EOA, non-final, first nonce)");
        assertTrue(registry.hasAcknowledged(pairForSig, alice), "acknowledged");
    }

    function test_gas_acknowledgeBySig_afterARevokedSignature() public {
        bytes memory data = abi.encodeCall(
            IAgreementRegistry.acknowledgeBySig,
            (pairForWarmNonce, bob, TERMS, T0 + 1 hours, _sigFor(BOB_PK, pairForWarmNonce, 1))
        );
        uint256 used = _txGas(carol, data);
        // Nonces are read, never written, by a signed acknowledgement: the same cost as the first nonce.
        assertLe(used, ACKNOWLEDGE_BY_SIG_BUDGET, "acknowledgeBySig (EOA, non-final, nonce 1)");
        assertTrue(registry.hasAcknowledged(pairForWarmNonce, bob), "acknowledged");
    }

    function test_gas_batchOfTenIsCheaperPerSignature() public {
        // The single: a first-nonce signature, non-final, measured on the same kind of agreement (a pair).
        uint256 single = _txGas(
            carol,
            abi.encodeCall(
                IAgreementRegistry.acknowledgeBySig,
                (firstOfTen, signers[0], TERMS, T0 + 1 hours, _sigFor(FIRST_SIGNER_PK, firstOfTen, 0))
            )
        );
        // Ten first-nonce signatures on ten other pairs (nothing shared but the registry).
        IAgreementRegistry.SignedAcknowledgement[] memory entries = _batchEntries(false);
        entries[0].agreementId = pairForSig; // signers[0] is not a party there: use alice on a fresh pair
        entries[0].signer = alice;
        entries[0].signature = _sigFor(ALICE_PK, pairForSig, 0);
        uint256 batch = _txGas(carol, abi.encodeCall(IAgreementRegistry.acknowledgeBySigBatch, (entries)));
        assertLt(batch / SIGNERS, single, "batch of 10 per signature < single acknowledgeBySig");
        assertTrue(registry.hasAcknowledged(firstOfTen + 9, signers[9]), "the last entry applied");
    }

    function test_gas_batchWithAFrontRunEntryStillPays() public {
        // Someone submitted entry 0 first: the batch skips it (an event with its error) and applies the nine
        // others, each still well under the single acknowledgeBySig budget. (The front-run warms the registry's
        // address and entry 0's slots in this test, a few thousand gas: far inside the margin asserted.)
        IAgreementRegistry.SignedAcknowledgement[] memory entries = _batchEntries(false);
        IAgreementRegistry.SignedAcknowledgement memory first = entries[0];
        vm.prank(alice);
        registry.acknowledgeBySig(first.agreementId, first.signer, TERMS, first.deadline, first.signature);
        uint256 batch = _txGas(carol, abi.encodeCall(IAgreementRegistry.acknowledgeBySigBatch, (entries)));
        assertLt(batch / (SIGNERS - 1), ACKNOWLEDGE_BY_SIG_BUDGET, "per applied signature");
        assertTrue(registry.hasAcknowledged(firstOfTen + 9, signers[9]), "the last entry applied");
    }

    function test_gas_batchOfTenOnOneAgreement() public {
        uint256 batch = _txGas(carol, abi.encodeCall(IAgreementRegistry.acknowledgeBySigBatch, (_batchEntries(true))));
        assertLt(batch / SIGNERS, ACKNOWLEDGE_BY_SIG_BUDGET, "per signature");
        assertEq(registry.getAgreement(crowd).acknowledgedCount, SIGNERS, "ten acknowledged");
    }

    function test_gas_proposeTwoAndTenParties() public {
        uint256 two = _txGas(
            carol,
            abi.encodeCall(IAgreementRegistry.propose, (_accounts(alice, bob), _cells(), TITLE, TERMS, URI, 0))
        );
        address[] memory ten = new address[](10);
        for (uint256 i; i < 10; ++i) ten[i] = address(uint160(0xF000 + i));
        uint256 tenParties = _txGas(
            carol,
            abi.encodeCall(IAgreementRegistry.propose, (ten, _cells(), TITLE, TERMS, URI, 0))
        );
        assertLe(two, 200_000, "propose, 2 parties");
        assertLe(tenParties, 560_000, "propose, 10 parties");
    }

    function test_gas_finalAcknowledgementActivates() public {
        uint256 used = _txGas(alice, abi.encodeCall(IAgreementRegistry.acknowledge, (pairForFinal, TERMS)));
        assertLe(used, ACKNOWLEDGE_BUDGET, "final acknowledge (activation)");
        _assertStatus(pairForFinal, ACTIVE, "active");
    }
}
