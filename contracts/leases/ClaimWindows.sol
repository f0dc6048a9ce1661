// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title ClaimWindows
/// @notice The claim-window rule of a resource's queue and the bit work behind it, in one place.
/// @dev A queue is a 32-bit map `bits` of places `[base, base + span)`: bit j set means place `base + j` is
/// taken (the highest set bit is `span - 1`). Turns are counted in *queue time* `q`: seconds since the
/// queue's origin (the last lease end) that no booking covered (see {ResourceLeases}). Place j has its turn
/// until `q = (j + 1) * window`, from the end of the previous taken place's turn (or from `q = 0`): a waiter
/// who leaves gives its time to the next one. So at queue time `q` the turns of places `j < q / window` have
/// passed, and the claimant is the first taken place at or after `q / window`.
/// Every function is pure and checked against a plain reference in test/leases/ClaimWindows.t.sol.
library ClaimWindows {
    /// @dev Index of the first place whose turn has not passed at queue time `q`. `window` is not zero.
    function firstTurn(uint256 q, uint256 window) internal pure returns (uint256) {
        return q / window;
    }

    /// @dev The first taken place at or after `first` (`found` false when there is none).
    function claimant(uint256 bits, uint256 first) internal pure returns (bool found, uint256 j) {
        if (first >= 32) return (false, 0);
        uint256 rest = bits >> first;
        if (rest == 0) return (false, 0);
        return (true, first + lowestBit(rest));
    }

    /// @dev Number of taken places at or after `first`: the waiters whose turn has not passed.
    function waiting(uint256 bits, uint256 first) internal pure returns (uint256) {
        return first >= 32 ? 0 : popcount(bits >> first);
    }

    /// @dev Number of taken places in `[first, j)`: the waiters ahead of place j.
    function ahead(uint256 bits, uint256 first, uint256 j) internal pure returns (uint256) {
        if (first >= j) return 0;
        return popcount((bits & ((uint256(1) << j) - 1)) >> first);
    }

    /// @dev The turn of place j, in queue time: from the end of the previous taken place's turn (0 when none
    /// is before it) until `(j + 1) * window`. `j < 32`, `window < 2^32`: no overflow.
    function turnOf(uint256 bits, uint256 j, uint256 window) internal pure returns (uint256 start, uint256 end) {
        uint256 before = bits & ((uint256(1) << j) - 1);
        start = before == 0 ? 0 : (Math.log2(before) + 1) * window;
        end = (j + 1) * window;
    }

    /// @dev Drops the empty places at the front of `bits`: returns how many went and the remaining span.
    function trim(uint256 bits) internal pure returns (uint256 dropped, uint256 rest, uint256 span) {
        if (bits == 0) return (0, 0, 0);
        dropped = lowestBit(bits);
        rest = bits >> dropped;
        span = Math.log2(rest) + 1;
    }

    /// @dev The span of `bits`: one past its highest set bit (0 for no bit).
    function spanOf(uint256 bits) internal pure returns (uint256) {
        return bits == 0 ? 0 : Math.log2(bits) + 1;
    }

    /// @dev Index of the lowest set bit of a non-zero `x`.
    function lowestBit(uint256 x) internal pure returns (uint256) {
        // `0 - x` wraps on purpose: `x & -x` isolates the lowest set bit (two's complement).
        unchecked {
            return Math.log2(x & (0 - x));
        }
    }

    /// @dev Number of set bits of a value below 2^32 (higher bits are ignored).
    function popcount(uint256 x) internal pure returns (uint256) {
        // Every partial sum fits its field (at most 32 per byte), so nothing carries out of 32 bits; the final
        // multiplication may exceed 32 bits, which the mask drops.
        unchecked {
            x &= 0xFFFFFFFF;
            x = x - ((x >> 1) & 0x55555555);
            x = (x & 0x33333333) + ((x >> 2) & 0x33333333);
            x = (x + (x >> 4)) & 0x0F0F0F0F;
            return ((x * 0x01010101) & 0xFFFFFFFF) >> 24;
        }
    }
}
