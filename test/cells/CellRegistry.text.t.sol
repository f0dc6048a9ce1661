// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "../utils/Test.sol";
import {CellRegistry} from "../../contracts/cells/CellRegistry.sol";
import {ICellRegistry, ROLE_MEMBER} from "../../contracts/cells/ICellRegistry.sol";

/// @notice Every string the cell registry writes to storage or events has a cap (issue 11, finding 5: two
/// 100 KB strings went into the events every dashboard rebuilds from). Each cap is tested at the boundary:
/// `max` bytes accepted, `max + 1` refused with the error naming the length and the cap.
contract CellRegistryTextTest is Test {
    CellRegistry internal registry;

    address internal constant GOV = address(0x6000);
    address internal constant ALICE = address(0xA11CE);
    address internal constant BOB = address(0xB0B);
    uint256 internal constant T0 = 1_700_000_000;
    bytes32 internal constant NUCLEUS = keccak256("nucleus v1");

    uint256 internal cell;

    function setUp() public {
        vm.warp(T0);
        registry = new CellRegistry(GOV);
        vm.prank(ALICE);
        cell = registry.createCell(0, "root", "ipfs://root", NUCLEUS);
        vm.prank(ALICE);
        registry.addMember(cell, BOB, ROLE_MEMBER);
    }

    function _text(uint256 length) internal pure returns (string memory) {
        bytes memory text = new bytes(length);
        for (uint256 i; i < length; ++i) text[i] = "a";
        return string(text);
    }

    function _tooLong(bytes4 selector, uint256 length, uint256 max) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(selector, length, max);
    }

    function test_caps_documentedValues() public view {
        assertEq(registry.MAX_NAME_LENGTH(), 64, "name");
        assertEq(registry.MAX_URI_LENGTH(), 256, "nucleus URI");
        assertEq(registry.MAX_NOTE_LENGTH(), 280, "state and intent");
    }

    function test_createCell_nameAtTheCap() public {
        uint256 max = registry.MAX_NAME_LENGTH();
        vm.startPrank(BOB);
        uint256 id = registry.createCell(0, _text(max), "", bytes32(0));
        assertTrue(registry.exists(id), "64 bytes accepted");
        vm.expectRevert(_tooLong(ICellRegistry.CellNameTooLong.selector, max + 1, max));
        registry.createCell(0, _text(max + 1), "", bytes32(0));
        vm.expectRevert(_tooLong(ICellRegistry.CellNameTooLong.selector, 5_000, max));
        registry.createCell(0, _text(5_000), "", bytes32(0));
        vm.stopPrank();
        // A child's name too.
        vm.expectRevert(_tooLong(ICellRegistry.CellNameTooLong.selector, max + 1, max));
        vm.prank(ALICE);
        registry.createCell(cell, _text(max + 1), "", bytes32(0));
    }

    function test_createCell_nameIsCountedInBytes() public {
        // "é" is two bytes in UTF-8: 32 of them fill the cap, 33 exceed it.
        bytes memory accented = new bytes(66);
        for (uint256 i; i < 66; i += 2) (accented[i], accented[i + 1]) = (0xC3, 0xA9);
        vm.expectRevert(_tooLong(ICellRegistry.CellNameTooLong.selector, 66, 64));
        vm.prank(BOB);
        registry.createCell(0, string(accented), "", bytes32(0));
    }

    function test_createCell_nucleusURIAtTheCap() public {
        uint256 max = registry.MAX_URI_LENGTH();
        vm.startPrank(BOB);
        registry.createCell(0, "ok", _text(max), NUCLEUS);
        vm.expectRevert(_tooLong(ICellRegistry.CellURITooLong.selector, max + 1, max));
        registry.createCell(0, "too long", _text(max + 1), NUCLEUS);
        vm.expectRevert(_tooLong(ICellRegistry.CellURITooLong.selector, 100_000, max));
        registry.createCell(0, "too long", _text(100_000), NUCLEUS);
        vm.stopPrank();
    }

    function test_updateNucleus_uriAtTheCap() public {
        uint256 max = registry.MAX_URI_LENGTH();
        vm.startPrank(ALICE);
        registry.updateNucleus(cell, _text(max), NUCLEUS);
        vm.expectRevert(_tooLong(ICellRegistry.CellURITooLong.selector, max + 1, max));
        registry.updateNucleus(cell, _text(max + 1), NUCLEUS);
        vm.stopPrank();
    }

    function test_declareState_atTheCap() public {
        uint256 max = registry.MAX_NOTE_LENGTH();
        vm.startPrank(BOB);
        registry.declareState(cell, _text(max));
        (string memory state, ) = registry.stateOf(cell, BOB);
        assertEq(bytes(state).length, max, "stored");
        vm.expectRevert(_tooLong(ICellRegistry.CellStateTooLong.selector, max + 1, max));
        registry.declareState(cell, _text(max + 1));
        vm.stopPrank();
    }

    function test_signalIntent_atTheCap() public {
        uint256 max = registry.MAX_NOTE_LENGTH();
        vm.startPrank(BOB);
        registry.signalIntent(cell, _text(max), uint64(T0 + 1));
        vm.expectRevert(_tooLong(ICellRegistry.CellIntentTooLong.selector, max + 1, max));
        registry.signalIntent(cell, _text(max + 1), uint64(T0 + 1));
        vm.stopPrank();
    }

    function test_fuzz_createCell_nameLength(uint256 length) public {
        length = bound(length, 1, 300);
        uint256 max = registry.MAX_NAME_LENGTH();
        if (length > max) vm.expectRevert(_tooLong(ICellRegistry.CellNameTooLong.selector, length, max));
        vm.prank(BOB);
        registry.createCell(0, _text(length), "", bytes32(0));
    }

    function test_fuzz_declareState_length(uint256 length) public {
        length = bound(length, 0, 600);
        uint256 max = registry.MAX_NOTE_LENGTH();
        if (length > max) vm.expectRevert(_tooLong(ICellRegistry.CellStateTooLong.selector, length, max));
        vm.prank(BOB);
        registry.declareState(cell, _text(length));
    }
}
