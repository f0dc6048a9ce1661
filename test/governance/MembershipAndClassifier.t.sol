// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Multicall} from "@openzeppelin/contracts/utils/Multicall.sol";

import {Test} from "../utils/Test.sol";
import {ICellRegistry} from "../../contracts/cells/ICellRegistry.sol";
import {ConcordMembership} from "../../contracts/governance/ConcordMembership.sol";
import {GovernanceClassifier} from "../../contracts/governance/GovernanceClassifier.sol";
import {IConcordMembership, IGovernanceClassifier} from "../../contracts/governance/IConcordGovernance.sol";

/// @notice A stand-in for the timelock: answers `hasRole` for the houses (CANCELLER_ROLE holders).
contract RoleOracle {
    mapping(address account => bool) public canceller;

    function setCanceller(address account) external {
        canceller[account] = true;
    }

    function hasRole(bytes32 role, address account) external view returns (bool) {
        return role == keccak256("CANCELLER_ROLE") && canceller[account];
    }
}

/// @notice The membership token (one member, one vote, non-transferable, self-delegated) and the classifier
/// (every rule, every refusal, and fuzzed calldata on listed targets).
contract MembershipAndClassifierTest is Test {
    uint256 internal constant T0 = 1_700_000_000;
    address internal constant OWNER = address(0x0A);
    address internal constant ALICE = address(0xA11CE);
    address internal constant BOB = address(0xB0B);
    address internal constant REGISTRY = address(0x4E6);
    address internal constant TOKEN = address(0x70C);
    address internal constant HOUSE = address(0x40E);
    address internal constant BOX = address(0xB0C5);

    ConcordMembership internal token;
    RoleOracle internal timelock;
    GovernanceClassifier internal classifier;

    function setUp() public {
        vm.warp(T0);
        token = new ConcordMembership("Concord Membership", "CONCORD", OWNER, new address[](0));
        timelock = new RoleOracle();
        timelock.setCanceller(HOUSE);
        address[] memory whole = new address[](1);
        whole[0] = TOKEN;
        address[] memory selectorTargets = new address[](2);
        selectorTargets[0] = REGISTRY;
        selectorTargets[1] = REGISTRY;
        bytes4[] memory selectors = new bytes4[](2);
        selectors[0] = ICellRegistry.setRecognised.selector;
        selectors[1] = ICellRegistry.transferGovernance.selector;
        classifier = new GovernanceClassifier(address(timelock), whole, selectorTargets, selectors);
    }

    // ─────────────────────────────────────────────────────────────── membership

    function test_mint_selfDelegatesOneVote() public {
        vm.prank(OWNER);
        token.mint(ALICE);
        assertTrue(token.isMember(ALICE), "member");
        assertEq(token.ownerOf(uint256(uint160(ALICE))), ALICE, "token id = address");
        assertEq(token.delegates(ALICE), ALICE, "self-delegated");
        assertEq(token.getVotes(ALICE), 1, "one vote");
        vm.warp(T0 + 1);
        assertEq(token.getPastTotalSupply(T0), 1, "supply at T0");
        assertEq(token.getPastDelegate(ALICE, T0), ALICE, "VotesExtended delegate");
        assertEq(token.getPastBalanceOf(ALICE, T0), 1, "VotesExtended balance");
        assertEq(token.clock(), uint48(T0 + 1), "timestamp clock");
        assertEq(token.CLOCK_MODE(), "mode=timestamp", "clock mode");
    }

    function test_mint_keepsAnExistingDelegation() public {
        vm.prank(ALICE);
        token.delegate(BOB);
        vm.prank(OWNER);
        token.mint(ALICE);
        assertEq(token.delegates(ALICE), BOB, "the delegation is kept");
        // S8: a non-member casts no vote, so the member keeps its own until its delegate is a member.
        assertEq(token.getVotes(BOB), 0, "a non-member delegate has no vote");
        assertEq(token.getVotes(ALICE), 1, "the member keeps its own");
        vm.prank(OWNER);
        token.mint(BOB);
        assertEq(token.getVotes(BOB), 2, "vote goes to the chosen delegate once it is a member");
        assertEq(token.getVotes(ALICE), 0, "not to the member");
    }

    function test_mint_refusals() public {
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, ALICE));
        token.mint(ALICE);
        vm.startPrank(OWNER);
        token.mint(ALICE);
        vm.expectRevert(abi.encodeWithSelector(IConcordMembership.MembershipAlreadyMember.selector, ALICE));
        token.mint(ALICE);
        vm.expectRevert(abi.encodeWithSelector(IConcordMembership.MembershipNotMember.selector, BOB));
        token.burn(BOB);
        vm.stopPrank();
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, ALICE));
        token.burn(ALICE);
    }

    function test_burn_removesTheVote() public {
        vm.startPrank(OWNER);
        token.mint(ALICE);
        token.burn(ALICE);
        vm.stopPrank();
        assertFalse(token.isMember(ALICE), "gone");
        assertEq(token.getVotes(ALICE), 0, "no vote");
        vm.prank(OWNER);
        token.mint(ALICE);
        assertEq(token.getVotes(ALICE), 1, "readmitted");
    }

    function test_transfer_refused() public {
        vm.prank(OWNER);
        token.mint(ALICE);
        uint256 id = uint256(uint160(ALICE));
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(IConcordMembership.MembershipNonTransferable.selector, id, ALICE, BOB));
        token.transferFrom(ALICE, BOB, id);
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(IConcordMembership.MembershipNonTransferable.selector, id, ALICE, BOB));
        token.safeTransferFrom(ALICE, BOB, id);
    }

    // ─────────────────────────────────────────────────────────────── classifier

    function test_classify_rules() public view {
        bytes memory recognise = abi.encodeCall(ICellRegistry.setRecognised, (1, true));
        bytes memory create = abi.encodeCall(ICellRegistry.createCell, (0, "x", "", bytes32(0)));
        assertTrue(classifier.isConstitutionalCall(REGISTRY, recognise), "listed selector");
        assertFalse(classifier.isConstitutionalCall(REGISTRY, create), "unlisted selector on a listed target");
        assertTrue(classifier.isConstitutionalCall(REGISTRY, ""), "value transfer to a listed target");
        assertTrue(classifier.isConstitutionalCall(REGISTRY, hex"ac96"), "short calldata");
        bytes[] memory inner = new bytes[](1);
        inner[0] = create;
        assertTrue(
            classifier.isConstitutionalCall(REGISTRY, abi.encodeCall(Multicall.multicall, (inner))),
            "multicall on a listed target"
        );
        assertTrue(classifier.isConstitutionalCall(TOKEN, create), "whole target");
        assertTrue(classifier.isConstitutionalCall(HOUSE, ""), "a timelock canceller (house)");
        assertTrue(classifier.isConstitutionalCall(address(timelock), ""), "the timelock");
        assertTrue(classifier.isConstitutionalCall(address(classifier), ""), "the classifier");
        assertFalse(classifier.isConstitutionalCall(BOX, ""), "a plain target");
        assertFalse(
            classifier.isConstitutionalCall(BOX, abi.encodeCall(Multicall.multicall, (inner))),
            "plain multicall"
        );
        assertEq(classifier.listedSelectorCount(REGISTRY), 2, "count");
        assertEq(classifier.timelock(), address(timelock), "timelock");

        address[] memory targets = new address[](3);
        bytes[] memory datas = new bytes[](3);
        targets[0] = BOX;
        targets[1] = REGISTRY;
        datas[1] = create;
        targets[2] = REGISTRY;
        datas[2] = recognise;
        (bool constitutional, uint256 index) = classifier.classify(targets, datas);
        assertTrue(constitutional, "constitutional");
        assertEq(index, 2, "first constitutional call");
        targets[2] = BOX;
        (constitutional, index) = classifier.classify(targets, datas);
        assertFalse(constitutional, "operational");
        assertEq(index, 3, "none: the length");
    }

    function test_classifier_onlyGovernanceEditsTheList() public {
        vm.expectRevert(abi.encodeWithSelector(IGovernanceClassifier.ClassifierUnauthorized.selector, address(this)));
        classifier.setConstitutionalTarget(BOX, true);
        vm.expectRevert(abi.encodeWithSelector(IGovernanceClassifier.ClassifierUnauthorized.selector, address(this)));
        classifier.setConstitutionalSelector(BOX, Multicall.multicall.selector, true);

        vm.startPrank(address(timelock));
        vm.expectEmit(address(classifier));
        emit IGovernanceClassifier.ConstitutionalTargetSet(BOX, true);
        classifier.setConstitutionalTarget(BOX, true);
        assertTrue(classifier.isConstitutionalTarget(BOX), "listed");
        classifier.setConstitutionalTarget(BOX, false);
        assertFalse(classifier.isConstitutionalTarget(BOX), "unlisted");
        classifier.setConstitutionalSelector(REGISTRY, ICellRegistry.setRecognised.selector, false);
        classifier.setConstitutionalSelector(REGISTRY, ICellRegistry.setRecognised.selector, false);
        assertEq(classifier.listedSelectorCount(REGISTRY), 1, "count kept exact on repeats");
        vm.expectRevert(IGovernanceClassifier.ClassifierZeroAddress.selector);
        classifier.setConstitutionalTarget(address(0), true);
        vm.stopPrank();
    }

    function test_classifier_constructorRefusals() public {
        vm.expectRevert(IGovernanceClassifier.ClassifierZeroAddress.selector);
        new GovernanceClassifier(address(0), new address[](0), new address[](0), new bytes4[](0));
        vm.expectRevert(abi.encodeWithSelector(IGovernanceClassifier.ClassifierLengthMismatch.selector, 1, 0));
        new GovernanceClassifier(address(timelock), new address[](0), new address[](1), new bytes4[](0));
    }

    /// @notice Whatever the calldata, a call to a target with listed selectors is operational only when it starts
    /// with an unlisted selector other than multicall; calls to whole targets are always constitutional.
    function test_fuzz_classify_listedTargetCalldataNeverDodges(bytes calldata data) public view {
        bool expected =
            data.length < 4 ||
                bytes4(data[:4]) == ICellRegistry.setRecognised.selector ||
                bytes4(data[:4]) == ICellRegistry.transferGovernance.selector ||
                bytes4(data[:4]) == Multicall.multicall.selector;
        assertEq(classifier.isConstitutionalCall(REGISTRY, data), expected, "listed target");
        assertTrue(classifier.isConstitutionalCall(TOKEN, data), "whole target");
        assertTrue(classifier.isConstitutionalCall(HOUSE, data), "house");
        assertFalse(classifier.isConstitutionalCall(BOX, data), "plain target");
    }

    /// @notice A listed selector hidden anywhere in a proposal makes it constitutional, at that index.
    function test_fuzz_classify_hiddenCallFound(uint256 position, uint256 length, bytes calldata noise) public view {
        length = bound(length, 1, 8);
        position = bound(position, 0, length - 1);
        address[] memory targets = new address[](length);
        bytes[] memory datas = new bytes[](length);
        for (uint256 i = 0; i < length; ++i) {
            targets[i] = BOX;
            datas[i] = noise;
        }
        targets[position] = REGISTRY;
        datas[position] = abi.encodePacked(ICellRegistry.transferGovernance.selector, noise);
        (bool constitutional, uint256 index) = classifier.classify(targets, datas);
        assertTrue(constitutional, "found");
        assertEq(index, position, "at its index");
    }
}
