// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "../utils/Test.sol";
import {ClaimWindows} from "../../contracts/leases/ClaimWindows.sol";

/// @dev Each function of {ClaimWindows} against a plain reference (a loop over the 32 places), in the style of
/// Uniswap v4's BitMath.t.sol: the reference says what the rule is, the library how it is computed fast.
contract ClaimWindowsTest is Test {
    // ─────────────────────────────────────────────────────────────── references

    function _refFirstTurn(uint256 q, uint256 window) internal pure returns (uint256 j) {
        // The first place whose turn ends after q: turns end at (j + 1) * window.
        while ((j + 1) * window <= q) ++j;
    }

    function _refClaimant(uint256 bits, uint256 first) internal pure returns (bool, uint256) {
        for (uint256 j = first; j < 32; ++j) if ((bits >> j) & 1 == 1) return (true, j);
        return (false, 0);
    }

    function _refCount(uint256 bits, uint256 from, uint256 to) internal pure returns (uint256 n) {
        for (uint256 j = from; j < to && j < 32; ++j) if ((bits >> j) & 1 == 1) ++n;
    }

    function _refTurn(uint256 bits, uint256 j, uint256 window) internal pure returns (uint256 start, uint256 end) {
        // A turn starts where the previous taken place's turn ends (0 when there is none before it).
        for (uint256 k; k < j; ++k) if ((bits >> k) & 1 == 1) start = (k + 1) * window;
        end = (j + 1) * window;
    }

    function _refLowest(uint256 x) internal pure returns (uint256 j) {
        while ((x >> j) & 1 == 0) ++j;
    }

    function _refSpan(uint256 bits) internal pure returns (uint256 span) {
        for (uint256 j; j < 256; ++j) if ((bits >> j) & 1 == 1) span = j + 1;
    }

    // ─────────────────────────────────────────────────────────────── fuzz against the references

    function test_fuzz_firstTurn_matchesReference(uint256 q, uint256 window) public pure {
        window = bound(window, 1, type(uint32).max);
        q = bound(q, 0, 70 * window); // past the 32 places and beyond

        assertEq(ClaimWindows.firstTurn(q, window), _refFirstTurn(q, window), "first turn");
    }

    function test_fuzz_claimant_matchesReference(uint32 bits, uint256 first) public pure {
        first = bound(first, 0, 40);
        (bool found, uint256 j) = ClaimWindows.claimant(bits, first);
        (bool refFound, uint256 refJ) = _refClaimant(bits, first);
        assertEq(found, refFound, "found");
        assertEq(j, refJ, "index");
    }

    function test_fuzz_waitingAndAhead_matchReference(uint32 bits, uint256 first, uint256 j) public pure {
        first = bound(first, 0, 40);
        j = bound(j, 0, 31);
        assertEq(ClaimWindows.waiting(bits, first), _refCount(bits, first, 32), "waiting");
        assertEq(ClaimWindows.ahead(bits, first, j), _refCount(bits, first, j), "ahead");
    }

    function test_fuzz_turnOf_matchesReference(uint32 bits, uint256 j, uint256 window) public pure {
        j = bound(j, 0, 31);
        window = bound(window, 1, type(uint32).max);
        (uint256 start, uint256 end) = ClaimWindows.turnOf(bits, j, window);
        (uint256 refStart, uint256 refEnd) = _refTurn(bits, j, window);
        assertEq(start, refStart, "start");
        assertEq(end, refEnd, "end");
        assertLe(start, end, "a turn never ends before it starts");
    }

    function test_fuzz_trim_matchesReference(uint32 bits) public pure {
        (uint256 dropped, uint256 rest, uint256 span) = ClaimWindows.trim(bits);
        if (bits == 0) {
            assertEq(dropped + rest + span, 0, "empty");
            return;
        }
        assertEq(dropped, _refLowest(bits), "dropped");
        assertEq(rest, uint256(bits) >> dropped, "rest");
        assertEq(span, _refSpan(rest), "span");
        assertEq(rest & 1, 1, "the first place is taken");
    }

    function test_fuzz_bits_matchReference(uint256 x) public pure {
        assertEq(ClaimWindows.popcount(x), _refCount(x, 0, 32), "popcount of the low 32 bits");
        assertEq(ClaimWindows.spanOf(x & 0xFFFFFFFF), _refSpan(x & 0xFFFFFFFF), "span");
        if (x != 0) assertEq(ClaimWindows.lowestBit(x), _refLowest(x), "lowest bit");
    }

    /// @dev The rule as a whole: at queue time q the claimant is the taken place whose turn contains q.
    function test_fuzz_claimantTurnContainsNow(uint32 bits, uint256 q, uint256 window) public pure {
        window = bound(window, 1, 1 days);
        q = bound(q, 0, 40 * window);
        (bool found, uint256 j) = ClaimWindows.claimant(bits, ClaimWindows.firstTurn(q, window));
        if (!found) {
            // Every taken place's turn has ended.
            for (uint256 k; k < 32; ++k) if ((bits >> k) & 1 == 1) assertLe((k + 1) * window, q, "passed");
            return;
        }
        (uint256 start, uint256 end) = ClaimWindows.turnOf(bits, j, window);
        assertLe(start, q, "started");
        assertLt(q, end, "not ended");
    }
}
