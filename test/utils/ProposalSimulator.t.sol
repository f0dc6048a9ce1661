// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

import {Test} from "./Test.sol";
import {ConcordTimelock} from "../../contracts/governance/ConcordTimelock.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {ProposalSimulator} from "../../contracts/utils/ProposalSimulator.sol";

/// @notice A token the treasury holds.
contract SimToken is ERC20 {
    constructor(address holder, uint256 amount) ERC20("Sim", "SIM") {
        _mint(holder, amount);
    }
}

/// @notice Records who called it; refuses a value it was told to refuse; returns whatever size it is asked.
contract SimTarget {
    error SimTargetRefused(uint256 value);

    uint256 public stored;
    address public lastCaller;

    function store(uint256 value) external payable {
        if (value == 13) revert SimTargetRefused(value);
        stored = value;
        lastCaller = msg.sender;
    }

    /// Succeeds only once `store(expected)` has run.
    function requireStored(uint256 expected) external view {
        if (stored != expected) revert SimTargetRefused(stored);
    }

    /// Reads the timelock's delay through its own interface (the call re-enters the timelock).
    function requireDelay(TimelockController timelock, uint256 expected) external view {
        uint256 delay = timelock.getMinDelay();
        if (delay != expected) revert SimTargetRefused(delay);
    }

    /// Returns `size` bytes.
    function big(uint256 size) external pure returns (bytes memory data) {
        data = new bytes(size);
    }

    /// Burns all the gas it is given.
    function spin() external pure {
        uint256 i;
        while (true) ++i;
    }

    /// Sends its ETH back to `to` (through `to`'s receive, i.e. the timelock's real code during a simulation).
    function refund(address payable to) external {
        (bool ok, ) = to.call{value: address(this).balance}("");
        if (!ok) revert SimTargetRefused(0);
    }

    /// Calls `to` with `data`, bubbling its revert.
    function forward(address to, bytes calldata data) external {
        (bool ok, bytes memory returned) = to.call(data);
        if (!ok) {
            assembly ("memory-safe") {
                revert(add(returned, 0x20), mload(returned))
            }
        }
    }

    receive() external payable {}
}

contract ProposalSimulatorTest is Test {
    ConcordTimelock internal timelock;
    ProposalSimulator internal sim;
    SimTarget internal target;
    SimToken internal token;
    address internal constant CAROL = address(0xCA201);
    uint256 internal constant CALL_GAS = 30_000_000;
    address internal constant ORIGINAL_CODE = address(
        uint160(uint256(keccak256("concord.ProposalSimulator.originalCode")))
    );

    function setUp() public {
        address[] memory none = new address[](0);
        // The artifact that `ignition deploy` ships, not a copy compiled into this test.
        timelock = ConcordTimelock(
            payable(
                deployArtifact(
                    "contracts/governance/ConcordTimelock.sol:ConcordTimelock",
                    abi.encode(1 days, none, none, address(0))
                )
            )
        );
        target = new SimTarget();
        token = new SimToken(address(timelock), 1_000 ether);
        vm.deal(address(timelock), 5 ether);
        // The state override of the SDK's eth_call: the original code at ORIGINAL_CODE, the simulator at the timelock.
        vm.etch(ORIGINAL_CODE, address(timelock).code);
        vm.etch(address(timelock), type(ProposalSimulator).runtimeCode);
        sim = ProposalSimulator(payable(address(timelock)));
    }

    // ─── helpers

    function _call(address to, uint256 value, bytes memory data) internal pure returns (ProposalSimulator.Call memory) {
        return ProposalSimulator.Call({target: to, value: value, data: data});
    }

    function _calls(ProposalSimulator.Call memory a) internal pure returns (ProposalSimulator.Call[] memory calls) {
        calls = new ProposalSimulator.Call[](1);
        calls[0] = a;
    }

    function _calls(
        ProposalSimulator.Call memory a,
        ProposalSimulator.Call memory b
    ) internal pure returns (ProposalSimulator.Call[] memory calls) {
        calls = new ProposalSimulator.Call[](2);
        calls[0] = a;
        calls[1] = b;
    }

    function _tokens() internal view returns (address[] memory tokens) {
        tokens = new address[](1);
        tokens[0] = address(token);
    }

    function _simulate(
        ProposalSimulator.Call[] memory calls
    )
        internal
        returns (
            ProposalSimulator.CallResult[] memory results,
            ProposalSimulator.Balances memory before,
            ProposalSimulator.Balances memory afterwards
        )
    {
        vm.prank(address(timelock));
        // A node's eth_call gas cap (the test runner's own limit is far larger: a spinning target would run for
        // ever).
        return sim.simulateProposal{gas: CALL_GAS}(calls, _tokens(), 256);
    }

    // ─── behaviour

    function test_simulateProposal_runsInOrderAsTheTimelock() public {
        (ProposalSimulator.CallResult[] memory results, , ) = _simulate(
            _calls(
                _call(address(target), 0, abi.encodeCall(SimTarget.store, (7))),
                _call(address(target), 0, abi.encodeCall(SimTarget.requireStored, (7)))
            )
        );
        assertTrue(results[0].ran && results[0].success, "store ran");
        assertTrue(results[1].ran && results[1].success, "the second call saw the first one's effect");
        assertEq(target.lastCaller(), address(timelock), "msg.sender is the timelock");
        assertGt(results[0].gasUsed, 20_000, "a storage write was measured");
    }

    function test_simulateProposal_laterCallFailsWithoutTheEarlierOne() public {
        (ProposalSimulator.CallResult[] memory results, , ) = _simulate(
            _calls(_call(address(target), 0, abi.encodeCall(SimTarget.requireStored, (7))))
        );
        assertFalse(results[0].success, "requireStored(7) fails alone");
        assertEq(
            keccak256(results[0].returnData),
            keccak256(abi.encodeWithSelector(SimTarget.SimTargetRefused.selector, 0)),
            "its revert data"
        );
    }

    function test_simulateProposal_stopsAtTheFirstFailure() public {
        (ProposalSimulator.CallResult[] memory results, , ProposalSimulator.Balances memory afterwards) = _simulate(
            _calls(_call(address(target), 0, abi.encodeCall(SimTarget.store, (13))), _call(CAROL, 1 ether, ""))
        );
        assertTrue(results[0].ran, "the first call ran");
        assertFalse(results[0].success, "and failed");
        assertEq(
            keccak256(results[0].returnData),
            keccak256(abi.encodeWithSelector(SimTarget.SimTargetRefused.selector, 13)),
            "with the target's error"
        );
        assertFalse(results[1].ran, "the second call is not run");
        assertEq(afterwards.eth, 5 ether, "nothing was paid");
        assertEq(CAROL.balance, 0, "Carol was not paid");
    }

    function test_simulateProposal_reportsAPaymentAboveTheBalance() public {
        (ProposalSimulator.CallResult[] memory results, , ) = _simulate(_calls(_call(CAROL, 1_000 ether, "")));
        assertFalse(results[0].success, "the payment fails");
        assertEq(
            keccak256(results[0].returnData),
            keccak256(
                abi.encodeWithSelector(
                    ProposalSimulator.ProposalSimulatorInsufficientBalance.selector,
                    5 ether,
                    1_000 ether
                )
            ),
            "with the balance and the amount"
        );
    }

    function test_simulateProposal_reportsBalances() public {
        (, ProposalSimulator.Balances memory before, ProposalSimulator.Balances memory afterwards) = _simulate(
            _calls(
                _call(CAROL, 2 ether, ""),
                _call(address(token), 0, abi.encodeCall(ERC20.transfer, (CAROL, 30 ether)))
            )
        );
        assertEq(before.eth, 5 ether, "ETH before");
        assertEq(afterwards.eth, 3 ether, "ETH after");
        assertTrue(before.readable[0] && afterwards.readable[0], "the token answered");
        assertEq(before.tokens[0], 1_000 ether, "tokens before");
        assertEq(afterwards.tokens[0], 970 ether, "tokens after");
    }

    function test_simulateProposal_selfCallRunsTheTimelocksCode() public {
        (ProposalSimulator.CallResult[] memory results, , ) = _simulate(
            _calls(
                _call(address(timelock), 0, abi.encodeCall(ConcordTimelock.updateDelay, (2 days))),
                _call(
                    address(target),
                    0,
                    abi.encodeCall(SimTarget.requireDelay, (TimelockController(payable(address(timelock))), 2 days))
                )
            )
        );
        assertTrue(results[0].success, "updateDelay from the timelock itself");
        assertTrue(results[1].success, "a target reading the timelock sees the new delay");
    }

    function test_simulateProposal_selfCallRefusalIsTheTimelocks() public {
        (ProposalSimulator.CallResult[] memory results, , ) = _simulate(
            _calls(_call(address(timelock), 0, abi.encodeCall(ConcordTimelock.updateDelay, (31 days))))
        );
        assertFalse(results[0].success, "31 days is above MAX_DELAY");
        assertEq(
            keccak256(results[0].returnData),
            keccak256(abi.encodeWithSignature("TimelockDelayOutOfBounds(uint256,uint256)", 31 days, 30 days)),
            "the timelock's own error"
        );
    }

    function test_simulateProposal_ethSentBackReachesTheTimelock() public {
        vm.deal(address(target), 1 ether);
        (ProposalSimulator.CallResult[] memory results, , ProposalSimulator.Balances memory afterwards) = _simulate(
            _calls(_call(address(target), 0, abi.encodeCall(SimTarget.refund, (payable(address(timelock))))))
        );
        assertTrue(results[0].success, "the timelock's receive ran");
        assertEq(afterwards.eth, 6 ether, "and it kept the ETH");
    }

    // ─── attacks

    function test_simulateProposal_hugeReturnDataIsCut() public {
        (ProposalSimulator.CallResult[] memory results, , ) = _simulate(
            _calls(_call(address(target), 0, abi.encodeCall(SimTarget.big, (200_000))))
        );
        assertTrue(results[0].success, "the call succeeds");
        assertEq(results[0].returnData.length, 256, "256 bytes copied");
        assertEq(results[0].returnDataSize, 200_000 + 64, "the full size is reported");
    }

    function test_simulateProposal_aCallBurningAllGasStillReports() public {
        (ProposalSimulator.CallResult[] memory results, , ProposalSimulator.Balances memory afterwards) = _simulate(
            _calls(_call(address(target), 0, abi.encodeCall(SimTarget.spin, ())), _call(CAROL, 1 ether, ""))
        );
        assertFalse(results[0].success, "out of gas");
        assertFalse(results[1].ran, "the next call is not run");
        assertTrue(afterwards.readable[0], "the balances were still read");
    }

    function test_simulateProposal_refusesAnyOtherCaller() public {
        vm.expectRevert(
            abi.encodeWithSelector(ProposalSimulator.ProposalSimulatorUnauthorizedCaller.selector, address(this))
        );
        sim.simulateProposal(new ProposalSimulator.Call[](0), new address[](0), 0);
    }

    function test_simulateProposal_aSelfCallCannotStartAnotherSimulation() public {
        ProposalSimulator.Call[] memory inner = new ProposalSimulator.Call[](0);
        bytes memory reenter = abi.encodeCall(ProposalSimulator.simulateProposal, (inner, new address[](0), 0));
        // A self-call runs the timelock's real code, which does not know the selector.
        (ProposalSimulator.CallResult[] memory results, , ) = _simulate(_calls(_call(address(timelock), 0, reenter)));
        assertFalse(results[0].success, "the timelock's code has no such function");
    }

    function test_simulateProposal_aTargetCannotStartASimulation() public {
        bytes memory inner = abi.encodeCall(
            ProposalSimulator.simulateProposal,
            (new ProposalSimulator.Call[](0), new address[](0), 0)
        );
        (ProposalSimulator.CallResult[] memory results, , ) = _simulate(
            _calls(_call(address(target), 0, abi.encodeCall(SimTarget.forward, (address(timelock), inner))))
        );
        assertFalse(results[0].success, "the target's call back is refused");
        assertEq(
            keccak256(results[0].returnData),
            keccak256(
                abi.encodeWithSelector(ProposalSimulator.ProposalSimulatorUnauthorizedCaller.selector, address(target))
            ),
            "as an unauthorised caller"
        );
    }

    function test_simulateProposal_originalCodeAddress() public view {
        assertEq(sim.ORIGINAL_CODE(), ORIGINAL_CODE, "the SDK's and the contract's scratch address agree");
    }

    function test_simulateProposal_bounds() public {
        vm.prank(address(timelock));
        vm.expectRevert(abi.encodeWithSelector(ProposalSimulator.ProposalSimulatorTooManyCalls.selector, 65, 64));
        sim.simulateProposal(new ProposalSimulator.Call[](65), new address[](0), 0);

        vm.prank(address(timelock));
        vm.expectRevert(abi.encodeWithSelector(ProposalSimulator.ProposalSimulatorTooManyTokens.selector, 51, 50));
        sim.simulateProposal(new ProposalSimulator.Call[](0), new address[](51), 0);

        vm.prank(address(timelock));
        vm.expectRevert(
            abi.encodeWithSelector(ProposalSimulator.ProposalSimulatorReturnBytesTooLarge.selector, 4097, 4096)
        );
        sim.simulateProposal(new ProposalSimulator.Call[](0), new address[](0), 4097);
    }

    function test_fuzz_simulateProposal_paysExactly(uint256 amount) public {
        amount = bound(amount, 0, 5 ether);
        (ProposalSimulator.CallResult[] memory results, , ProposalSimulator.Balances memory afterwards) = _simulate(
            _calls(_call(CAROL, amount, ""))
        );
        assertTrue(results[0].success, "a payment within the balance succeeds");
        assertEq(afterwards.eth, 5 ether - amount, "the treasury paid exactly the amount");
    }
}
