// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @notice The Foundry-style cheatcodes that Hardhat's Solidity test runner (EDR) provides and Concord's
/// tests use. forge-std cannot be installed from git on these machines; this is the small subset we need.
/// Signatures must match Foundry's exactly: the runner dispatches on the selector.
interface Vm {
    struct Gas {
        uint64 gasLimit;
        uint64 gasTotalUsed;
        uint64 gasMemoryUsed;
        int64 gasRefunded;
        uint64 gasRemaining;
    }

    function prank(address sender) external;
    function startPrank(address sender) external;
    function stopPrank() external;
    function warp(uint256 timestamp) external;
    function roll(uint256 blockNumber) external;
    function deal(address account, uint256 amount) external;
    function expectRevert() external;
    function expectRevert(bytes4 selector) external;
    function expectRevert(bytes calldata revertData) external;
    function expectEmit() external;
    function expectEmit(address emitter) external;
    function assume(bool condition) external pure;
    function addr(uint256 privateKey) external pure returns (address);
    function sign(uint256 privateKey, bytes32 digest) external pure returns (uint8 v, bytes32 r, bytes32 s);
    function label(address account, string calldata newLabel) external;
    function etch(address target, bytes calldata code) external;
    function getCode(string calldata artifact) external view returns (bytes memory creationCode);
    function snapshotGasLastCall(string calldata name) external returns (uint256 gasUsed);
    function lastCallGas() external view returns (Gas memory gas);
}

/// @notice Minimal test base: cheatcodes, assertions, `bound`, and the invariant-target hooks that the
/// runner reads (`targetContracts`, `targetSelectors`, `targetSenders`, as in forge-std's StdInvariant).
abstract contract Test {
    struct FuzzSelector {
        address addr;
        bytes4[] selectors;
    }

    Vm internal constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    address[] private _targetContracts;
    FuzzSelector[] private _targetSelectors;
    address[] private _targetSenders;

    // ─────────────────────────────────────────────────────────────── invariant targets

    function targetContract(address target) internal {
        _targetContracts.push(target);
    }

    function targetSelector(FuzzSelector memory selector) internal {
        _targetSelectors.push(selector);
    }

    function targetSender(address sender) internal {
        _targetSenders.push(sender);
    }

    function targetContracts() public view returns (address[] memory) {
        return _targetContracts;
    }

    function targetSelectors() public view returns (FuzzSelector[] memory) {
        return _targetSelectors;
    }

    function targetSenders() public view returns (address[] memory) {
        return _targetSenders;
    }

    // ─────────────────────────────────────────────────────────────── gas

    /// @dev Calls `target` with `data` as `sender` (reverting with its revert data on failure) and returns the
    /// gas of the same call sent as a transaction: intrinsic 21,000, calldata (EIP-2028, or the EIP-7623 floor
    /// when higher), execution.
    function txGas(address sender, address target, bytes memory data) internal returns (uint256) {
        vm.prank(sender);
        (bool ok, bytes memory returned) = target.call(data);
        if (!ok) {
            assembly ("memory-safe") {
                revert(add(returned, 0x20), mload(returned))
            }
        }
        Vm.Gas memory gas = vm.lastCallGas();
        uint256 zeros;
        for (uint256 i; i < data.length; ++i) if (data[i] == 0) ++zeros;
        uint256 tokens = zeros + 4 * (data.length - zeros);
        uint256 standard = 21_000 + 4 * tokens + gas.gasTotalUsed;
        uint256 floor = 21_000 + 10 * tokens;
        return standard > floor ? standard : floor;
    }

    // ─────────────────────────────────────────────────────────────── deployed artifacts

    /// @dev Deploys the project's artifact `artifact` ("path/File.sol:Contract") with the ABI-encoded constructor
    /// arguments `args`. For a contract that `hardhat.config.ts` builds with its own compiler settings: the test then
    /// runs the bytecode that `ignition deploy` ships, not a copy compiled into the test at the tests' settings.
    function deployArtifact(string memory artifact, bytes memory args) internal returns (address) {
        return createFromCode(abi.encodePacked(vm.getCode(artifact), args));
    }

    /// @dev CREATE with `initCode`, reverting with the constructor's revert data on failure. External so that a
    /// test can `vm.expectRevert` a constructor refusal with `this.createFromCode(...)`.
    function createFromCode(bytes memory initCode) public returns (address deployed) {
        assembly ("memory-safe") {
            deployed := create(0, add(initCode, 0x20), mload(initCode))
            if iszero(deployed) {
                let p := mload(0x40)
                returndatacopy(p, 0, returndatasize())
                revert(p, returndatasize())
            }
        }
    }

    // ─────────────────────────────────────────────────────────────── helpers

    /// @dev Maps `x` into [min, max] uniformly enough for fuzzing (same contract as forge-std's bound).
    function bound(uint256 x, uint256 min, uint256 max) internal pure returns (uint256) {
        require(min <= max, "bound: min > max");
        if (x >= min && x <= max) return x;
        uint256 size = max - min + 1;
        if (size == 0) return x; // full range
        return min + (x % size);
    }

    // ─────────────────────────────────────────────────────────────── assertions

    function fail(string memory message) internal pure {
        revert(message);
    }

    function assertTrue(bool condition, string memory message) internal pure {
        if (!condition) revert(message);
    }

    function assertFalse(bool condition, string memory message) internal pure {
        if (condition) revert(message);
    }

    function assertEq(uint256 a, uint256 b, string memory message) internal pure {
        if (a != b) revert(string.concat(message, ": ", _toString(a), " != ", _toString(b)));
    }

    function assertEq(address a, address b, string memory message) internal pure {
        if (a != b) revert(string.concat(message, ": addresses differ"));
    }

    function assertEq(bytes32 a, bytes32 b, string memory message) internal pure {
        if (a != b) revert(string.concat(message, ": bytes32 differ"));
    }

    function assertEq(bool a, bool b, string memory message) internal pure {
        if (a != b) revert(string.concat(message, ": booleans differ"));
    }

    function assertEq(string memory a, string memory b, string memory message) internal pure {
        if (keccak256(bytes(a)) != keccak256(bytes(b))) revert(string.concat(message, ": strings differ"));
    }

    function assertLe(uint256 a, uint256 b, string memory message) internal pure {
        if (a > b) revert(string.concat(message, ": ", _toString(a), " > ", _toString(b)));
    }

    function assertLt(uint256 a, uint256 b, string memory message) internal pure {
        if (a >= b) revert(string.concat(message, ": ", _toString(a), " >= ", _toString(b)));
    }

    function assertGt(uint256 a, uint256 b, string memory message) internal pure {
        if (a <= b) revert(string.concat(message, ": ", _toString(a), " <= ", _toString(b)));
    }

    function _toString(uint256 value) private pure returns (string memory) {
        if (value == 0) return "0";
        uint256 digits;
        for (uint256 v = value; v != 0; v /= 10) ++digits;
        bytes memory buffer = new bytes(digits);
        for (; value != 0; value /= 10) buffer[--digits] = bytes1(uint8(48 + (value % 10)));
        return string(buffer);
    }
}
