// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title ProposalSimulator
/// @notice NEVER DEPLOYED. The SDK's `simulateProposal` puts this contract's runtime code at the timelock's address
/// for one `eth_call` (a state override: the timelock keeps its storage and its balance), puts the timelock's own
/// code at {ORIGINAL_CODE}, and calls {simulateProposal} from the timelock. The calls then run as the timelock's
/// `executeBatch` would run them: in order, each seeing the effects of the ones before, with `msg.sender` the
/// timelock and the value paid from the timelock's balance. Nothing is ever written: it is a call, not a
/// transaction.
/// @dev Design notes.
/// - A call whose target is the timelock itself runs the timelock's real code, by `delegatecall` to
///   {ORIGINAL_CODE}: `address(this)` is the timelock and `msg.sender` is the `eth_call`'s `from`, the timelock,
///   as in the real self-call. (Its `msg.value` is 0: ETH sent by the timelock to itself changes no balance.)
/// - Any other call into the timelock during the simulation (a target calling back, a token's hook, ETH sent to
///   it) reaches the fallback, which also runs the real code by `delegatecall`.
/// - The timelock's execution is atomic: the first failing call ends the simulation (the whole proposal would
///   revert); the calls after it are not run.
/// - Bounded: at most {MAX_CALLS} calls, {MAX_TOKENS} tokens, and at most `maxReturnBytes` (≤ {MAX_RETURN_BYTES})
///   bytes of each call's return or revert data are copied (its full size is reported), so a target returning
///   megabytes cannot make the simulation run out of gas in the simulator's own code. Each call gets all the gas
///   but a reserve kept for reading the balances after and returning the results.
/// - What it cannot hide: during a simulation the timelock's code is this contract's, and {ORIGINAL_CODE} has
///   code. A target written to tell a simulation from an execution (by `EXTCODEHASH` of the timelock, say) can
///   behave differently in each: a simulation shows what the calls do on honest code, not a proof about hostile
///   code.
contract ProposalSimulator {
    // ─── Errors ───

    /// @notice More calls than {MAX_CALLS}.
    error ProposalSimulatorTooManyCalls(uint256 count, uint256 max);
    /// @notice More tokens than {MAX_TOKENS}.
    error ProposalSimulatorTooManyTokens(uint256 count, uint256 max);
    /// @notice `maxReturnBytes` above {MAX_RETURN_BYTES}.
    error ProposalSimulatorReturnBytesTooLarge(uint256 requested, uint256 max);
    /// @notice {simulateProposal} was not called by the timelock itself (the `eth_call`'s `from`): a target
    /// calling back cannot start a simulation of its own.
    error ProposalSimulatorUnauthorizedCaller(address caller);
    /// @notice Not a revert of this contract: the revert data reported for a call that sends more ETH than the
    /// timelock holds at that point (the real call fails with no data, and the timelock reverts `FailedCall()`).
    error ProposalSimulatorInsufficientBalance(uint256 balance, uint256 needed);

    // ─── Types ───

    /// @notice One call of the proposal, as the timelock executes it.
    struct Call {
        address target;
        uint256 value;
        bytes data;
    }

    /// @notice What one call did. A call after a failing one has `ran == false` and zeros.
    struct CallResult {
        bool ran;
        bool success;
        /// Gas spent by the call (and the simulator's few instructions around it).
        uint256 gasUsed;
        /// The full size of the return or revert data.
        uint256 returnDataSize;
        /// Its first `maxReturnBytes` bytes.
        bytes returnData;
    }

    /// @notice The timelock's balances: ETH, then each token's `balanceOf(timelock)` (`readable` false when the
    /// token did not answer with 32 bytes).
    struct Balances {
        uint256 eth;
        uint256[] tokens;
        bool[] readable;
    }

    // ─── Constants ───

    /// @notice Where the SDK's state override puts the timelock's original code:
    /// `address(uint160(uint256(keccak256("concord.ProposalSimulator.originalCode"))))`.
    address public constant ORIGINAL_CODE = address(
        uint160(uint256(keccak256("concord.ProposalSimulator.originalCode")))
    );
    /// @notice At most this many calls (the governance houses' own bound, `MAX_PROPOSAL_CALLS`).
    uint256 public constant MAX_CALLS = 64;
    /// @notice At most this many tokens (the SDK's `MAX_TREASURY_TOKENS`).
    uint256 public constant MAX_TOKENS = 50;
    /// @notice At most this many bytes of each call's return data are copied.
    uint256 public constant MAX_RETURN_BYTES = 4096;
    /// @notice The gas each `balanceOf` read may use.
    uint256 public constant TOKEN_READ_GAS = 40_000;
    /// @notice Gas kept back from each call for the simulator's own work, above the token reads.
    uint256 public constant RESERVE_GAS = 300_000;

    // ─── Functions ───

    /// @notice Runs `calls` in order as the timelock, stopping at the first failure.
    /// @param calls the proposal's calls (at most {MAX_CALLS}).
    /// @param tokens the ERC-20 tokens whose balances to report before and after (at most {MAX_TOKENS}).
    /// @param maxReturnBytes how many bytes of each call's return data to copy (at most {MAX_RETURN_BYTES}).
    /// @return results one per call, in order.
    /// @return before the timelock's balances before the first call.
    /// @return afterwards its balances after the last call that ran.
    function simulateProposal(
        Call[] calldata calls,
        address[] calldata tokens,
        uint256 maxReturnBytes
    ) external returns (CallResult[] memory results, Balances memory before, Balances memory afterwards) {
        if (msg.sender != address(this)) revert ProposalSimulatorUnauthorizedCaller(msg.sender);
        if (calls.length > MAX_CALLS) revert ProposalSimulatorTooManyCalls(calls.length, MAX_CALLS);
        if (tokens.length > MAX_TOKENS) revert ProposalSimulatorTooManyTokens(tokens.length, MAX_TOKENS);
        if (maxReturnBytes > MAX_RETURN_BYTES)
            revert ProposalSimulatorReturnBytesTooLarge(maxReturnBytes, MAX_RETURN_BYTES);

        before = _balances(tokens);
        results = new CallResult[](calls.length);
        // The reads after the calls and the encoding of the results: each token read is capped, the copies are
        // bounded by maxReturnBytes.
        uint256 reserve = RESERVE_GAS + tokens.length * (TOKEN_READ_GAS + 5_000);
        for (uint256 i = 0; i < calls.length; ++i) {
            if (!_step(calls[i], results[i], reserve, maxReturnBytes)) break;
        }
        afterwards = _balances(tokens);
    }

    /// @notice Any other call into the timelock during a simulation runs its real code.
    fallback() external payable {
        _forwardToOriginal();
    }

    /// @notice ETH sent to the timelock during a simulation goes through its real code too.
    receive() external payable {
        _forwardToOriginal();
    }

    // ─── Internal ───

    /// @dev Runs one call into `result`; false when it failed (the simulation stops there).
    function _step(
        Call calldata c,
        CallResult memory result,
        uint256 reserve,
        uint256 maxBytes
    ) private returns (bool) {
        result.ran = true;
        if (c.value > address(this).balance) {
            result.returnData = abi.encodeWithSelector(
                ProposalSimulatorInsufficientBalance.selector,
                address(this).balance,
                c.value
            );
            result.returnDataSize = result.returnData.length;
            return false;
        }
        uint256 left = gasleft();
        // Not enough gas left to run the call and still report: it fails as it would out of gas.
        if (left <= reserve) return false;
        bool success =
            c.target == address(this)
                ? _delegateToOriginal(c.data, left - reserve)
                : _callTarget(c.target, c.value, c.data, left - reserve);
        result.gasUsed = left - gasleft();
        (result.returnDataSize, result.returnData) = _returnData(maxBytes);
        result.success = success;
        return success;
    }

    /// @dev `call{value}` to a target, with the calldata copied to free memory.
    function _callTarget(
        address target,
        uint256 value,
        bytes calldata payload,
        uint256 gasLimit
    ) private returns (bool success) {
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            calldatacopy(ptr, payload.offset, payload.length)
            success := call(gasLimit, target, value, ptr, payload.length, 0, 0)
        }
    }

    /// @dev A self-call: the timelock's real code, in the timelock's context (`msg.sender` stays the timelock).
    function _delegateToOriginal(bytes calldata payload, uint256 gasLimit) private returns (bool success) {
        address original = ORIGINAL_CODE;
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            calldatacopy(ptr, payload.offset, payload.length)
            success := delegatecall(gasLimit, original, ptr, payload.length, 0, 0)
        }
    }

    /// @dev The last call's return data: its full size, and at most `maxBytes` of it (never the whole of it: its
    /// size is the target's choice).
    function _returnData(uint256 maxBytes) private pure returns (uint256 size, bytes memory data) {
        assembly ("memory-safe") {
            size := returndatasize()
        }
        uint256 copied = size < maxBytes ? size : maxBytes;
        data = new bytes(copied);
        assembly ("memory-safe") {
            returndatacopy(add(data, 0x20), 0, copied)
        }
    }

    /// @dev The timelock's ETH and token balances; each token read is a static call capped at {TOKEN_READ_GAS}
    /// whose answer is read only when it is exactly one word.
    function _balances(address[] calldata tokens) private view returns (Balances memory balances) {
        balances.eth = address(this).balance;
        balances.tokens = new uint256[](tokens.length);
        balances.readable = new bool[](tokens.length);
        for (uint256 i = 0; i < tokens.length; ++i) {
            address token = tokens[i];
            bool ok;
            uint256 amount;
            assembly ("memory-safe") {
                let ptr := mload(0x40)
                mstore(ptr, shl(224, 0x70a08231)) // balanceOf(address)
                mstore(add(ptr, 4), address())
                ok := staticcall(TOKEN_READ_GAS, token, ptr, 0x24, ptr, 0x20)
                ok := and(ok, and(eq(returndatasize(), 0x20), gt(extcodesize(token), 0)))
                if ok {
                    amount := mload(ptr)
                }
            }
            balances.tokens[i] = amount;
            balances.readable[i] = ok;
        }
    }

    /// @dev Runs the timelock's real code in its own context, returning or reverting what it does.
    function _forwardToOriginal() private {
        address original = ORIGINAL_CODE;
        assembly {
            calldatacopy(0, 0, calldatasize())
            let success := delegatecall(gas(), original, 0, calldatasize(), 0, 0)
            returndatacopy(0, 0, returndatasize())
            if iszero(success) {
                revert(0, returndatasize())
            }
            return(0, returndatasize())
        }
    }
}
