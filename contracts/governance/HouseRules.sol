// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title HouseRules
/// @notice Rules both houses share, written once: the code pinning of proposal targets (the digest that
/// `execute` checks) and the liveness-preserving quorum. Internal functions, no linking: the pinning is compiled
/// into the GovernanceClassifier, which both houses call (the operational house is at the code size limit), the
/// quorum into each house.
library HouseRules {
    /// @dev EXTCODEHASH of an account without code (normalises never-used accounts, whose hash reads zero).
    bytes32 internal constant EMPTY_CODE_HASH = keccak256("");
    /// @dev `implementation()`: UpgradeableBeacon, and proxies that expose their implementation.
    bytes4 internal constant IMPLEMENTATION_SELECTOR = 0x5c60da1b;
    /// @dev `setProposalGuardian(address)` (OpenZeppelin GovernorProposalGuardian).
    bytes4 internal constant SET_GUARDIAN_SELECTOR = 0xa660aca5;
    /// @dev `multicall(bytes[])`.
    bytes4 internal constant MULTICALL_SELECTOR = 0xac9650d8;
    /// @dev Gas given to the `implementation()` probe of a target (a view; bounds what a hostile target burns).
    uint256 internal constant PROBE_GAS = 30_000;
    /// @dev The low byte of a stored digest marks the (first eight) value-only calls to accounts without code.
    bytes32 internal constant MASK_BITS = bytes32(uint256(0xff));

    /// @dev What pins a target's behaviour: its EXTCODEHASH and, when it answers `implementation()` with an
    /// address (an UpgradeableBeacon, a proxy exposing its implementation), that address and its EXTCODEHASH.
    function pin(address target) internal view returns (bytes32 hash) {
        hash = target.codehash;
        if (hash == bytes32(0) || hash == EMPTY_CODE_HASH) return EMPTY_CODE_HASH;
        (bool ok, bytes memory ret) = target.staticcall{gas: PROBE_GAS}(
            abi.encodeWithSelector(IMPLEMENTATION_SELECTOR)
        );
        if (ok && ret.length == 32) {
            uint256 word = abi.decode(ret, (uint256));
            if (word >> 160 == 0 && word != 0) {
                address implementation = address(uint160(word));
                hash = keccak256(abi.encode(hash, implementation, implementation.codehash));
            }
        }
    }

    /// @dev The pins of a new proposal's targets and their digest. A value-only call (empty calldata) among the
    /// first eight to an account without code (a counterfactual wallet) is not pinned: its pin reads zero and its
    /// bit is set in the digest's low byte, so that code appearing there later does not make it unexecutable.
    function record(
        address[] memory targets,
        bytes[] memory calldatas
    ) internal view returns (bytes32[] memory pins, bytes32 digest) {
        pins = new bytes32[](targets.length);
        uint256 mask;
        for (uint256 i = 0; i < targets.length; ++i) {
            if (i < 8 && calldatas[i].length == 0 && targets[i].code.length == 0) mask |= 1 << i;
            else pins[i] = pin(targets[i]);
        }
        digest = (keccak256(abi.encodePacked(pins)) & ~MASK_BITS) | bytes32(mask);
    }

    /// @dev The digest of the targets as they are now, with the value-only exceptions `recorded` carries.
    function current(address[] memory targets, bytes32 recorded) internal view returns (bytes32) {
        uint256 mask = uint256(recorded & MASK_BITS);
        bytes32[] memory pins = new bytes32[](targets.length);
        for (uint256 i = 0; i < targets.length; ++i) {
            if (i >= 8 || (mask >> i) & 1 == 0) pins[i] = pin(targets[i]);
        }
        return (keccak256(abi.encodePacked(pins)) & ~MASK_BITS) | bytes32(mask);
    }

    /// @dev max(fraction, floor), never above the votes that exist (`supply`): a floor above the supply would
    /// make every proposal Defeated forever.
    function quorum(
        uint256 supply,
        uint256 numerator,
        uint256 denominator,
        uint256 floor
    ) internal pure returns (uint256) {
        uint256 required = (supply * numerator) / denominator;
        if (floor > required) required = floor;
        return required < supply ? required : supply;
    }
}
