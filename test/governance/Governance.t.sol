// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {Multicall} from "@openzeppelin/contracts/utils/Multicall.sol";

import {ICellRegistry, ROLE_MEMBER, ROLE_DELEGATE} from "../../contracts/cells/ICellRegistry.sol";
import {ICommunityHouse, IConcordHouse, IOperationalHouse} from "../../contracts/governance/IConcordGovernance.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {GovernanceClassifier} from "../../contracts/governance/GovernanceClassifier.sol";
import {OperationalHouse, HouseSettings} from "../../contracts/governance/OperationalHouse.sol";
import {GovernanceFixture, Box, EvilBox, COMMUNITY_HOUSE} from "./GovernanceFixture.sol";
import {MockWallet} from "../agreements/AgreementFixture.sol";

/// @notice A votes token on the block-number clock (only its ERC-6372 mode matters here).
contract BlockClock {
    /// @notice ERC-6372 clock mode.
    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() external pure returns (string memory) {
        return "mode=blocknumber&from=default";
    }
}

/// @notice Both flows end to end, the veto, the defences (code hash, snapshots, quorum floor, guardian),
/// liquid democracy, signed and batched votes, and governance changing its own parameters.
contract GovernanceTest is GovernanceFixture {
    bytes32 internal constant BALLOT_TYPEHASH = keccak256(
        "Ballot(uint256 proposalId,uint8 support,address voter,uint256 nonce)"
    );
    bytes32 internal constant DOMAIN_TYPEHASH = keccak256(
        "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"
    );

    // ─────────────────────────────────────────────────────────────── deployment

    function test_deployment_timelockHoldsEveryPower() public view {
        assertEq(registry.governance(), address(timelock), "registry governance");
        assertEq(token.owner(), address(timelock), "token owner");
        assertFalse(timelock.hasRole(timelock.DEFAULT_ADMIN_ROLE(), address(this)), "deployer admin");
        assertTrue(timelock.hasRole(timelock.DEFAULT_ADMIN_ROLE(), address(timelock)), "timelock self-admin");
        assertTrue(timelock.hasRole(timelock.PROPOSER_ROLE(), address(op)), "op proposer");
        assertTrue(timelock.hasRole(timelock.EXECUTOR_ROLE(), address(op)), "op executor");
        assertFalse(timelock.hasRole(timelock.EXECUTOR_ROLE(), address(0)), "open executor");
        assertFalse(timelock.hasRole(timelock.PROPOSER_ROLE(), address(community)), "community proposer");
        assertTrue(timelock.hasRole(timelock.CANCELLER_ROLE(), address(community)), "community canceller");
        assertEq(op.communityHouse(), address(community), "bound");
        assertEq(community.operationalHouse(), address(op), "operational");
        assertEq(timelock.getMinDelay(), OP_DELAY, "operational delay = veto window");
        assertEq(op.constitutionalDelay(), CONST_DELAY, "constitutional delay");
        assertEq(op.clock(), uint48(block.timestamp), "op clock");
        assertEq(community.clock(), uint48(block.timestamp), "community clock");
        assertEq(op.CLOCK_MODE(), "mode=timestamp", "op clock mode");
        assertEq(community.CLOCK_MODE(), "mode=timestamp", "community clock mode");
    }

    function test_setCommunityHouse_onlyOnceByDeployerThenGovernance() public {
        vm.expectRevert(
            abi.encodeWithSelector(IOperationalHouse.OperationalUnauthorizedBinding.selector, address(this))
        );
        op.setCommunityHouse(address(0xBEEF));
        vm.prank(OUTSIDER);
        vm.expectRevert(abi.encodeWithSelector(IOperationalHouse.OperationalUnauthorizedBinding.selector, OUTSIDER));
        op.setCommunityHouse(address(0xBEEF));
        vm.expectRevert(IOperationalHouse.OperationalZeroAddress.selector);
        op.setCommunityHouse(address(0));
    }

    function test_constructors_refuseMissingContracts() public {
        HouseSettings memory settings = HouseSettings(address(0), 1, 1, 0, 50, 1);
        vm.expectRevert(IOperationalHouse.OperationalZeroAddress.selector);
        new OperationalHouse(
            IVotes(address(registry)),
            TimelockController(payable(address(0))),
            classifier,
            settings,
            1
        );
        vm.expectRevert(IOperationalHouse.OperationalZeroAddress.selector);
        new OperationalHouse(IVotes(address(registry)), timelock, GovernanceClassifier(address(0)), settings, 1);
        vm.expectRevert(abi.encodeWithSelector(IOperationalHouse.OperationalDelayTooShort.selector, 1, OP_DELAY));
        new OperationalHouse(IVotes(address(registry)), timelock, classifier, settings, 1);
        bytes memory communityCode = vm.getCode(COMMUNITY_HOUSE);
        vm.expectRevert(ICommunityHouse.CommunityZeroAddress.selector);
        this.createFromCode(abi.encodePacked(communityCode, abi.encode(token, timelock, address(0), settings, 1, 1)));
        vm.expectRevert(abi.encodeWithSelector(ICommunityHouse.CommunityInvalidVetoThreshold.selector, 0, 10_000));
        this.createFromCode(abi.encodePacked(communityCode, abi.encode(token, timelock, op, settings, 1, 0)));
        vm.expectRevert(abi.encodeWithSelector(ICommunityHouse.CommunityTokenClockNotTimestamp.selector, ""));
        this.createFromCode(abi.encodePacked(communityCode, abi.encode(box, timelock, op, settings, 1, 1)));
        BlockClock blockClock = new BlockClock();
        vm.expectRevert(
            abi.encodeWithSelector(ICommunityHouse.CommunityTokenClockNotTimestamp.selector, blockClock.CLOCK_MODE())
        );
        this.createFromCode(abi.encodePacked(communityCode, abi.encode(blockClock, timelock, op, settings, 1, 1)));
    }

    // ─────────────────────────────────────────────────────────────── operational flow

    function test_operational_fullFlow() public {
        Proposal memory p = _store(42);
        uint256 id = _propose(op, p, delegates[0]);
        assertEq(id, _id(p), "id = hashProposal");
        assertEq(uint8(op.state(id)), uint8(IGovernor.ProposalState.Pending), "pending");
        assertFalse(op.isConstitutional(id), "operational");
        assertEq(op.proposalCodeDigest(id), _digest(address(box).codehash), "digest recorded");

        _toVoting(op, id);
        assertEq(op.getVotes(delegates[0], op.proposalSnapshot(id)), 1, "one seat");
        assertEq(op.quorum(op.proposalSnapshot(id)), 2, "quorum = max(50% of 5 = 2, floor 2)");
        _seatVotes(id, 3, 1);
        (uint256 against, uint256 forVotes, ) = op.proposalVotes(id);
        assertEq(forVotes, 3, "for");
        assertEq(against, 0, "against");
        _toEnd(op, id);
        assertEq(uint8(op.state(id)), uint8(IGovernor.ProposalState.Succeeded), "succeeded");

        _queue(op, p);
        assertEq(uint8(op.state(id)), uint8(IGovernor.ProposalState.Queued), "queued");
        assertEq(op.proposalEta(id), block.timestamp + OP_DELAY, "eta = veto window");
        bytes32 opId = op.proposalTimelockId(id);
        assertTrue(timelock.isOperationPending(opId), "scheduled");

        vm.expectRevert();
        _execute(op, p);

        vm.warp(block.timestamp + OP_DELAY);
        _execute(op, p);
        assertEq(box.value(), 42, "executed through the timelock");
        assertEq(uint8(op.state(id)), uint8(IGovernor.ProposalState.Executed), "executed");
        assertEq(op.proposalTimelockId(id), bytes32(0), "id cleaned");
        assertEq(op.proposalCodeDigest(id), bytes32(0), "digest cleaned");
    }

    function test_operational_defeatedBelowQuorumFloor() public {
        Proposal memory p = _store(1);
        uint256 id = _propose(op, p, delegates[0]);
        _toVoting(op, id);
        _seatVotes(id, 1, 1);
        _toEnd(op, id);
        assertEq(uint8(op.state(id)), uint8(IGovernor.ProposalState.Defeated), "one seat is below the floor");
        vm.expectRevert();
        _queue(op, p);
    }

    function test_operational_quorumFloorAboveFraction() public view {
        uint256 t = block.timestamp - 1;
        assertEq(op.quorumFloor(), QUORUM_FLOOR, "floor");
        assertEq(op.quorum(t), 2, "fraction 2 == floor");
        assertEq(community.quorum(t), 2, "community: 20% of 6 = 1 < floor 2");
    }

    function test_operational_seatGainedAfterSnapshotDoesNotCount() public {
        Proposal memory p = _store(5);
        uint256 id = _propose(op, p, delegates[0]);
        // A new delegate appears in cell 0 after the snapshot (the old one steps down).
        _toVoting(op, id);
        address newcomer = address(0xFEED);
        vm.startPrank(STEWARD);
        registry.setRoles(cellIds[0], delegates[0], ROLE_MEMBER);
        registry.addMember(cellIds[0], newcomer, ROLE_MEMBER | ROLE_DELEGATE);
        vm.stopPrank();
        assertEq(registry.seatsOf(newcomer), 1, "seat now");
        vm.prank(newcomer);
        uint256 weight = op.castVote(id, 1);
        assertEq(weight, 0, "no seat at the snapshot");
        vm.prank(delegates[0]);
        assertEq(op.castVote(id, 1), 1, "the seat as it stood at the snapshot");
    }

    // ─────────────────────────────────────────────────────────────── classification at propose

    function test_propose_refusesHiddenConstitutionalCall() public {
        Proposal memory p = _pair(
            address(box),
            abi.encodeCall(Box.store, (7)),
            address(registry),
            abi.encodeCall(ICellRegistry.setRecognised, (cellIds[0], false)),
            "innocent"
        );
        vm.expectRevert(
            abi.encodeWithSelector(
                IOperationalHouse.OperationalConstitutionalCall.selector,
                _id(p),
                1,
                address(registry),
                ICellRegistry.setRecognised.selector
            )
        );
        _propose(op, p, delegates[0]);
    }

    function test_propose_refusesEveryGovernanceTarget() public {
        address[6] memory targets = [
            address(op),
            address(community),
            address(timelock),
            address(token),
            address(classifier),
            address(registry)
        ];
        bytes[6] memory datas = [
            abi.encodeCall(IConcordHouse.setQuorumFloor, (0)),
            abi.encodeCall(ICommunityHouse.setVetoThreshold, (1)),
            abi.encodeCall(TimelockController.updateDelay, (0)),
            abi.encodeWithSignature("mint(address)", OUTSIDER),
            abi.encodeWithSignature("setConstitutionalTarget(address,bool)", address(token), false),
            abi.encodeCall(ICellRegistry.transferGovernance, (OUTSIDER))
        ];
        for (uint256 i = 0; i < targets.length; ++i) {
            Proposal memory p = _single(targets[i], datas[i], "dodge");
            vm.expectRevert(
                abi.encodeWithSelector(
                    IOperationalHouse.OperationalConstitutionalCall.selector,
                    _id(p),
                    0,
                    targets[i],
                    bytes4(datas[i])
                )
            );
            _propose(op, p, delegates[0]);
        }
    }

    function test_propose_refusesMulticallAndShortCalldataOnListedTarget() public {
        bytes[] memory inner = new bytes[](1);
        inner[0] = abi.encodeCall(ICellRegistry.setRecognised, (cellIds[0], false));
        Proposal memory p = _single(address(registry), abi.encodeCall(Multicall.multicall, (inner)), "batch");
        vm.expectRevert(
            abi.encodeWithSelector(
                IOperationalHouse.OperationalConstitutionalCall.selector,
                _id(p),
                0,
                address(registry),
                Multicall.multicall.selector
            )
        );
        _propose(op, p, delegates[0]);

        Proposal memory q = _single(address(registry), hex"aabb", "short");
        vm.expectRevert(
            abi.encodeWithSelector(
                IOperationalHouse.OperationalConstitutionalCall.selector,
                _id(q),
                0,
                address(registry),
                bytes4(0)
            )
        );
        _propose(op, q, delegates[0]);
    }

    function test_propose_operationalCallOnRegistryAllowed() public {
        Proposal memory p = _single(
            address(registry),
            abi.encodeCall(ICellRegistry.createCell, (0, "DAO-owned", "", bytes32(0))),
            "make a cell"
        );
        uint256 id = _propose(op, p, delegates[0]);
        assertFalse(op.isConstitutional(id), "operational");
    }

    // ─────────────────────────────────────────────────────────────── constitutional flow

    function test_constitutional_fullFlow() public {
        vm.prank(STEWARD);
        uint256 newCell = registry.createCell(0, "newcomers", "", bytes32(0));
        Proposal memory p = _single(
            address(registry),
            abi.encodeCall(ICellRegistry.setRecognised, (newCell, true)),
            "recognise the newcomers"
        );
        uint256 id = _propose(community, p, members[0]);
        _toVoting(community, id);

        // Not yet approved by the community: the operational house refuses it.
        vm.expectRevert(
            abi.encodeWithSelector(
                IOperationalHouse.OperationalConstitutionalCall.selector,
                id,
                0,
                address(registry),
                ICellRegistry.setRecognised.selector
            )
        );
        _propose(op, p, OUTSIDER);

        _memberVotes(id, 4, 1);
        _toEnd(community, id);
        assertEq(uint8(community.state(id)), uint8(IGovernor.ProposalState.Succeeded), "community approved");
        vm.expectRevert(abi.encodeWithSelector(ICommunityHouse.CommunityExecuteInOperationalHouse.selector, id));
        _execute(community, p);

        // Anyone carries it to the operational house, under the same id.
        vm.expectEmit(address(op));
        emit IOperationalHouse.ConstitutionalProposalOpened(id);
        assertEq(_propose(op, p, OUTSIDER), id, "same id in both houses");
        assertTrue(op.isConstitutional(id), "constitutional");
        _toVoting(op, id);
        _seatVotes(id, 3, 1);
        _toEnd(op, id);
        _queue(op, p);
        assertEq(op.proposalEta(id), block.timestamp + CONST_DELAY, "longer delay");

        // Not vetoable: the community already approved it.
        vm.prank(members[0]);
        vm.expectRevert(
            abi.encodeWithSelector(
                ICommunityHouse.CommunityNotInVetoWindow.selector,
                id,
                uint8(IGovernor.ProposalState.Queued),
                block.timestamp + CONST_DELAY
            )
        );
        community.castVeto(id, "");

        vm.warp(block.timestamp + OP_DELAY);
        vm.expectRevert();
        _execute(op, p);
        vm.warp(block.timestamp + CONST_DELAY - OP_DELAY);
        _execute(op, p);
        assertTrue(registry.isRecognised(newCell), "recognised by governance");
        assertEq(uint8(op.state(id)), uint8(IGovernor.ProposalState.Executed), "executed");
    }

    function test_constitutional_defeatedInOperationalHouse() public {
        Proposal memory p = _single(address(community), abi.encodeCall(IConcordHouse.setQuorumFloor, (3)), "floor");
        uint256 id = _propose(community, p, members[0]);
        _toVoting(community, id);
        _memberVotes(id, 4, 1);
        _toEnd(community, id);
        _propose(op, p, OUTSIDER);
        _toVoting(op, id);
        _seatVotes(id, 3, 0);
        _toEnd(op, id);
        assertEq(uint8(op.state(id)), uint8(IGovernor.ProposalState.Defeated), "seats said no");
    }

    function test_constitutional_governanceChangesItsOwnParameters() public {
        address[] memory targets = new address[](5);
        uint256[] memory values = new uint256[](5);
        bytes[] memory calldatas = new bytes[](5);
        targets[0] = address(community);
        calldatas[0] = abi.encodeCall(ICommunityHouse.setVetoThreshold, (5_000));
        targets[1] = address(op);
        calldatas[1] = abi.encodeCall(IConcordHouse.setQuorumFloor, (3));
        targets[2] = address(op);
        calldatas[2] = abi.encodeCall(IOperationalHouse.setConstitutionalDelay, (10 days));
        targets[3] = address(community);
        calldatas[3] = abi.encodeWithSignature("setProposalGuardian(address)", address(0));
        targets[4] = address(classifier);
        calldatas[4] = abi.encodeWithSignature(
            "setConstitutionalSelector(address,bytes4,bool)",
            address(registry),
            ICellRegistry.createCell.selector,
            true
        );
        Proposal memory p = Proposal(targets, values, calldatas, "retune");
        _queuedConstitutional(p);
        vm.warp(block.timestamp + CONST_DELAY);
        _execute(op, p);
        assertEq(community.vetoThresholdNumerator(), 5_000, "veto threshold");
        assertEq(op.quorumFloor(), 3, "floor");
        assertEq(op.constitutionalDelay(), 10 days, "delay");
        assertEq(community.proposalGuardian(), address(0), "guardian removed");
        assertTrue(classifier.isConstitutionalSelector(address(registry), ICellRegistry.createCell.selector), "listed");
        assertTrue(
            classifier.isConstitutionalCall(
                address(registry),
                abi.encodeCall(ICellRegistry.createCell, (0, "x", "", bytes32(0)))
            ),
            "createCell is constitutional now"
        );
    }

    function test_governanceSetters_onlyTimelock() public {
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorOnlyExecutor.selector, address(this)));
        op.setQuorumFloor(0);
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorOnlyExecutor.selector, address(this)));
        op.setConstitutionalDelay(30 days);
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorOnlyExecutor.selector, address(this)));
        community.setQuorumFloor(0);
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorOnlyExecutor.selector, address(this)));
        community.setVetoThreshold(1);
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorOnlyExecutor.selector, GUARDIAN));
        vm.prank(GUARDIAN);
        op.setProposalGuardian(address(0));

        // The operational house also requires the call to come from one of its own executed proposals.
        vm.prank(address(timelock));
        vm.expectRevert();
        op.setQuorumFloor(0);

        vm.startPrank(address(timelock));
        vm.expectRevert(abi.encodeWithSelector(ICommunityHouse.CommunityInvalidVetoThreshold.selector, 0, 10_000));
        community.setVetoThreshold(0);
        vm.expectRevert(abi.encodeWithSelector(ICommunityHouse.CommunityInvalidVetoThreshold.selector, 10_001, 10_000));
        community.setVetoThreshold(10_001);
        community.setQuorumFloor(4);
        vm.stopPrank();
        assertEq(community.quorumFloor(), 4, "community floor set by the timelock");
    }

    function test_constitutional_tooShortDelayRefusedAtExecution() public {
        Proposal memory p = _pair(
            address(op),
            abi.encodeCall(IOperationalHouse.setConstitutionalDelay, (1 days)),
            address(op),
            abi.encodeCall(IOperationalHouse.setCommunityHouse, (address(community))),
            "too short"
        );
        _queuedConstitutional(p);
        vm.warp(block.timestamp + CONST_DELAY);
        vm.expectRevert(abi.encodeWithSelector(IOperationalHouse.OperationalDelayTooShort.selector, 1 days, OP_DELAY));
        _execute(op, p);

        Proposal memory q = _single(
            address(op),
            abi.encodeCall(IOperationalHouse.setCommunityHouse, (address(0xC0FFEE))),
            "rebind"
        );
        _queuedConstitutional(q);
        vm.warp(block.timestamp + CONST_DELAY);
        _execute(op, q);
        assertEq(op.communityHouse(), address(0xC0FFEE), "rebound by governance");
    }

    // ─────────────────────────────────────────────────────────────── veto

    function test_veto_succeedsAtThreshold() public {
        Proposal memory p = _store(9);
        uint256 id = _queuedOperational(p);
        assertEq(community.vetoThreshold(id), 2, "30% of 6 members, rounded up");

        vm.prank(members[0]);
        assertEq(community.castVeto(id, "no"), 1, "weight");
        assertEq(community.vetoVotes(id), 1, "one veto");
        assertEq(uint8(op.state(id)), uint8(IGovernor.ProposalState.Queued), "still queued");

        vm.expectEmit(address(community));
        emit ICommunityHouse.ProposalVetoed(id, 2, 2);
        vm.prank(members[1]);
        community.castVeto(id, "no!");
        assertTrue(community.isVetoed(id), "vetoed");
        assertTrue(community.hasVetoed(id, members[1]), "hasVetoed");
        assertEq(uint8(op.state(id)), uint8(IGovernor.ProposalState.Canceled), "vetoed reads Canceled");

        vm.warp(block.timestamp + OP_DELAY);
        vm.expectRevert();
        _execute(op, p);
        assertEq(box.value(), 0, "not executed");
    }

    function test_castVetoBySig_relayed_nonceConsumed_replayRefused() public {
        Proposal memory p = _store(13);
        uint256 id = _queuedOperational(p);
        bytes memory signature = _vetoSig(id, members[0], memberKeys[0], "relayed no");
        vm.expectEmit(address(community));
        emit ICommunityHouse.VetoCast(members[0], id, 1, 1, "relayed no");
        vm.prank(OUTSIDER);
        assertEq(community.castVetoBySig(id, members[0], "relayed no", signature), 1, "weight");
        assertTrue(community.hasVetoed(id, members[0]), "the signer vetoed");
        assertFalse(community.hasVetoed(id, OUTSIDER), "not the relayer");
        assertEq(community.nonces(members[0]), 1, "nonce consumed");

        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorInvalidSignature.selector, members[0]));
        community.castVetoBySig(id, members[0], "relayed no", signature);
        // Signed by another key, or with another reason than signed: refused, nothing counted.
        bytes memory other = _vetoSig(id, members[1], memberKeys[2], "no");
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorInvalidSignature.selector, members[1]));
        community.castVetoBySig(id, members[1], "no", other);
        bytes memory mine = _vetoSig(id, members[1], memberKeys[1], "no");
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorInvalidSignature.selector, members[1]));
        community.castVetoBySig(id, members[1], "yes", mine);
        assertEq(community.vetoVotes(id), 1, "only the valid veto counted");
        assertEq(community.nonces(members[1]), 0, "nonce untouched by refusals");
    }

    function test_castVetoBySig_batchReachesThreshold_andContractSigner() public {
        MockWallet wallet = new MockWallet(members[2]);
        vm.prank(address(timelock));
        token.mint(address(wallet));
        vm.warp(block.timestamp + 1);
        Proposal memory p = _store(14);
        uint256 id = _queuedOperational(p);
        assertEq(community.vetoThreshold(id), 3, "30% of 7 members, rounded up");

        bytes[] memory calls = new bytes[](3);
        calls[0] = abi.encodeCall(
            ICommunityHouse.castVetoBySig,
            (id, members[0], "a", _vetoSig(id, members[0], memberKeys[0], "a"))
        );
        calls[1] = abi.encodeCall(
            ICommunityHouse.castVetoBySig,
            (id, members[1], "b", _vetoSig(id, members[1], memberKeys[1], "b"))
        );
        // An ERC-1271 wallet (a Safe, say) whose owner signs.
        calls[2] = abi.encodeCall(
            ICommunityHouse.castVetoBySig,
            (id, address(wallet), "c", _vetoSig(id, address(wallet), memberKeys[2], "c"))
        );
        vm.prank(OUTSIDER);
        Multicall(address(community)).multicall(calls);
        assertEq(community.vetoVotes(id), 3, "three vetoes in one transaction");
        assertTrue(community.hasVetoed(id, address(wallet)), "the wallet vetoed");
        assertTrue(community.isVetoed(id), "vetoed");
        assertEq(uint8(op.state(id)), uint8(IGovernor.ProposalState.Canceled), "vetoed reads Canceled");
    }

    function test_castVetoBySig_outsideVetoWindowRefused() public {
        Proposal memory p = _store(15);
        uint256 id = _propose(op, p, delegates[0]);
        bytes memory signature = _vetoSig(id, members[0], memberKeys[0], "");
        vm.expectRevert(
            abi.encodeWithSelector(
                ICommunityHouse.CommunityNotInVetoWindow.selector,
                id,
                uint8(IGovernor.ProposalState.Pending),
                0
            )
        );
        community.castVetoBySig(id, members[0], "", signature);
        assertEq(community.nonces(members[0]), 0, "nonce untouched");
    }

    /// @dev `key`'s EIP-712 signature of a veto by `voter` (the key's own address, or a wallet it owns).
    function _vetoSig(
        uint256 id,
        address voter,
        uint256 key,
        string memory reason
    ) internal view returns (bytes memory) {
        bytes32 domain = keccak256(
            abi.encode(
                DOMAIN_TYPEHASH,
                keccak256("Concord Community House"),
                keccak256("1"),
                block.chainid,
                address(community)
            )
        );
        bytes32 structHash = keccak256(
            abi.encode(
                keccak256("Veto(uint256 proposalId,address voter,uint256 nonce,string reason)"),
                id,
                voter,
                community.nonces(voter),
                keccak256(bytes(reason))
            )
        );
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, keccak256(abi.encodePacked("\x19\x01", domain, structHash)));
        return abi.encodePacked(r, s, v);
    }

    function test_veto_fallsShort() public {
        Proposal memory p = _store(10);
        uint256 id = _queuedOperational(p);
        vm.prank(members[0]);
        community.castVeto(id, "");
        uint256 eta = op.proposalEta(id);
        vm.warp(eta);
        vm.prank(members[1]);
        vm.expectRevert(
            abi.encodeWithSelector(
                ICommunityHouse.CommunityNotInVetoWindow.selector,
                id,
                uint8(IGovernor.ProposalState.Queued),
                eta
            )
        );
        community.castVeto(id, "too late");
        _execute(op, p);
        assertEq(box.value(), 10, "executed after the window");
    }

    function test_veto_refusals() public {
        Proposal memory p = _store(11);
        uint256 unknown = _id(_store(12));
        vm.expectRevert(
            abi.encodeWithSelector(ICommunityHouse.CommunityNotInVetoWindow.selector, unknown, type(uint8).max, 0)
        );
        community.castVeto(unknown, "");

        uint256 id = _propose(op, p, delegates[0]);
        vm.expectRevert(
            abi.encodeWithSelector(
                ICommunityHouse.CommunityNotInVetoWindow.selector,
                id,
                uint8(IGovernor.ProposalState.Pending),
                0
            )
        );
        community.castVeto(id, "not queued");
        _toVoting(op, id);
        _seatVotes(id, 3, 1);
        _toEnd(op, id);
        _queue(op, p);

        vm.prank(members[0]);
        community.castVeto(id, "");
        vm.prank(members[0]);
        vm.expectRevert(abi.encodeWithSelector(ICommunityHouse.CommunityAlreadyVetoed.selector, id, members[0]));
        community.castVeto(id, "");
        vm.prank(OUTSIDER);
        vm.expectRevert(abi.encodeWithSelector(ICommunityHouse.CommunityNoVetoPower.selector, id, OUTSIDER));
        community.castVeto(id, "");
    }

    function test_veto_tokensAcquiredAfterSnapshotDoNotCount() public {
        Proposal memory p = _store(13);
        uint256 id = _propose(op, p, delegates[0]);
        // A member admitted after the operational snapshot (flash-loan style) has no veto power.
        _toVoting(op, id);
        vm.prank(address(timelock));
        token.mint(OUTSIDER);
        _seatVotes(id, 3, 1);
        _toEnd(op, id);
        _queue(op, p);
        vm.prank(OUTSIDER);
        vm.expectRevert(abi.encodeWithSelector(ICommunityHouse.CommunityNoVetoPower.selector, id, OUTSIDER));
        community.castVeto(id, "");
    }

    // ─────────────────────────────────────────────────────────────── defences

    function test_codeHash_changedTargetRefusedAtExecution() public {
        Proposal memory p = _store(77);
        uint256 id = _queuedOperational(p);
        bytes32 recorded = op.proposalCodeDigest(id);
        vm.etch(address(box), address(new EvilBox()).code);
        bytes32 current = _digest(address(box).codehash);
        assertTrue(recorded != current, "digest moved");
        vm.warp(block.timestamp + OP_DELAY);
        vm.expectRevert(
            abi.encodeWithSelector(IOperationalHouse.OperationalCodeChanged.selector, id, recorded, current)
        );
        _execute(op, p);
    }

    function test_codeHash_constitutionalRecordedAtCommunityPropose() public {
        Proposal memory p = _pair(
            address(box),
            abi.encodeCall(Box.store, (5)),
            address(community),
            abi.encodeCall(IConcordHouse.setQuorumFloor, (1)),
            "constitutional with a box"
        );
        uint256 id = _id(p);
        bytes32[] memory hashes = new bytes32[](2);
        hashes[0] = address(box).codehash;
        hashes[1] = address(community).codehash;
        vm.expectEmit(address(community));
        emit IConcordHouse.ProposalCodeHashes(id, p.targets, hashes);
        _propose(community, p, members[0]);
        bytes32 digest = _digest(hashes);
        assertEq(community.proposalCodeDigest(id), digest, "community digest");

        _queuedFromCommunity(p, id);
        assertEq(op.proposalCodeDigest(id), digest, "operational house adopts the community's digest");
        vm.warp(block.timestamp + CONST_DELAY);
        _execute(op, p);
        assertEq(box.value(), 5, "executed");
        assertEq(community.quorumFloor(), 1, "floor set");
    }

    function test_codeHash_constitutionalChangedDuringCommunityVoteRefused() public {
        Proposal memory p = _pair(
            address(box),
            abi.encodeCall(Box.store, (5)),
            address(community),
            abi.encodeCall(IConcordHouse.setQuorumFloor, (1)),
            "constitutional with a box"
        );
        uint256 id = _propose(community, p, members[0]);
        bytes32 voted = community.proposalCodeDigest(id);
        _toVoting(community, id);
        // The target swaps its code while the community votes: the operational house opens the proposal later.
        vm.etch(address(box), address(new EvilBox()).code);
        _queuedFromCommunity(p, id);
        assertEq(op.proposalCodeDigest(id), voted, "the digest the community voted on");
        bytes32 current = _digest(address(box).codehash, address(community).codehash);
        assertTrue(voted != current, "code moved");
        vm.warp(block.timestamp + CONST_DELAY);
        vm.expectRevert(abi.encodeWithSelector(IOperationalHouse.OperationalCodeChanged.selector, id, voted, current));
        _execute(op, p);
        assertEq(box.value(), 0, "nothing executed");
    }

    /// @dev Community vote (already proposed there) → operational house → queued with the constitutional delay.
    function _queuedFromCommunity(Proposal memory p, uint256 id) internal {
        _toVoting(community, id);
        _memberVotes(id, 4, 1);
        _toEnd(community, id);
        _propose(op, p, OUTSIDER);
        _toVoting(op, id);
        _seatVotes(id, 3, 1);
        _toEnd(op, id);
        _queue(op, p);
    }

    function test_codeHash_emptyAccountThatGetsBalanceIsUnchanged() public {
        address fresh = address(0xF2E5);
        Proposal memory p = _single(fresh, "", "pay");
        _queuedOperational(p);
        vm.deal(fresh, 1 ether); // the account now exists, still without code
        vm.warp(block.timestamp + OP_DELAY);
        _execute(op, p);
    }

    function test_flashVotes_memberAdmittedAfterSnapshotHasNoWeight() public {
        Proposal memory p = _single(address(community), abi.encodeCall(IConcordHouse.setQuorumFloor, (1)), "f");
        uint256 id = _propose(community, p, members[0]);
        _toVoting(community, id);
        vm.prank(address(timelock));
        token.mint(OUTSIDER);
        vm.prank(OUTSIDER);
        assertEq(community.castVote(id, 1), 0, "no weight without a past snapshot");
        vm.prank(members[0]);
        assertEq(community.castVote(id, 1), 1, "a member at the snapshot");
    }

    function test_guardian_cancelsQueuedProposalAndItsTimelockOperation() public {
        Proposal memory p = _store(3);
        uint256 id = _queuedOperational(p);
        bytes32 opId = op.proposalTimelockId(id);
        vm.prank(OUTSIDER);
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorUnableToCancel.selector, id, OUTSIDER));
        op.cancel(p.targets, p.values, p.calldatas, keccak256(bytes(p.description)));
        _cancel(op, p, GUARDIAN);
        assertEq(uint8(op.state(id)), uint8(IGovernor.ProposalState.Canceled), "canceled");
        assertFalse(timelock.isOperation(opId), "timelock operation cancelled");
    }

    function test_guardian_cancelsCommunityProposalButNotProposerAfterPending() public {
        Proposal memory p = _single(address(community), abi.encodeCall(IConcordHouse.setQuorumFloor, (1)), "g");
        uint256 id = _propose(community, p, members[0]);
        _toVoting(community, id);
        vm.prank(members[0]);
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorUnableToCancel.selector, id, members[0]));
        community.cancel(p.targets, p.values, p.calldatas, keccak256(bytes(p.description)));
        _cancel(community, p, GUARDIAN);
        assertEq(uint8(community.state(id)), uint8(IGovernor.ProposalState.Canceled), "canceled");
    }

    function test_cancel_proposerWhilePendingOnly_andNeverAConstitutionalCopy() public {
        Proposal memory p = _store(4);
        uint256 id = _propose(op, p, delegates[0]);
        _cancel(op, p, delegates[0]);
        assertEq(uint8(op.state(id)), uint8(IGovernor.ProposalState.Canceled), "own pending proposal");

        Proposal memory c = _single(address(op), abi.encodeCall(IConcordHouse.setQuorumFloor, (2)), "c");
        uint256 cid = _propose(community, c, members[0]);
        _toVoting(community, cid);
        _memberVotes(cid, 4, 1);
        _toEnd(community, cid);
        _propose(op, c, OUTSIDER);
        vm.prank(OUTSIDER);
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorUnableToCancel.selector, cid, OUTSIDER));
        op.cancel(c.targets, c.values, c.calldatas, keccak256(bytes(c.description)));
    }

    // ─────────────────────────────────────────────────────────────── liquid democracy

    function test_override_delegatorOverridesDelegate() public {
        vm.prank(members[0]);
        token.delegate(members[1]);
        vm.warp(block.timestamp + 1);
        Proposal memory p = _single(address(community), abi.encodeCall(IConcordHouse.setQuorumFloor, (1)), "o");
        uint256 id = _propose(community, p, members[2]);
        _toVoting(community, id);
        vm.prank(members[1]);
        assertEq(community.castVote(id, 1), 2, "delegate votes with two");
        vm.prank(members[0]);
        assertEq(community.castOverrideVote(id, 0, "I disagree"), 1, "override weight");
        (uint256 against, uint256 forVotes, ) = community.proposalVotes(id);
        assertEq(forVotes, 1, "delegate's vote reduced");
        assertEq(against, 1, "override counted");
    }

    // ─────────────────────────────────────────────────────────────── signatures and batches

    function test_castVoteBySig_andBatchInOneTransaction() public {
        Proposal memory p = _store(21);
        uint256 id = _propose(op, p, delegates[0]);
        _toVoting(op, id);
        bytes[] memory batch = new bytes[](4);
        for (uint256 i = 0; i < 4; ++i) {
            bytes memory signature = _ballot(address(op), "Concord Operational House", id, 1, delegateKeys[i], 0);
            batch[i] = abi.encodeCall(IGovernor.castVoteBySig, (id, 1, delegates[i], signature));
        }
        vm.prank(OUTSIDER);
        op.multicall(batch);
        (, uint256 forVotes, ) = op.proposalVotes(id);
        assertEq(forVotes, 4, "four signed votes relayed at once");
        assertEq(op.nonces(delegates[0]), 1, "nonce used");

        // Replaying a signature fails (nonce moved on).
        bytes memory replay = _ballot(address(op), "Concord Operational House", id, 1, delegateKeys[4], 1);
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorInvalidSignature.selector, delegates[4]));
        op.castVoteBySig(id, 1, delegates[4], replay);
    }

    function test_castVoteBySig_community() public {
        Proposal memory p = _single(address(community), abi.encodeCall(IConcordHouse.setQuorumFloor, (1)), "s");
        uint256 id = _propose(community, p, members[0]);
        _toVoting(community, id);
        bytes memory signature = _ballot(address(community), "Concord Community House", id, 0, memberKeys[3], 0);
        community.castVoteBySig(id, 0, members[3], signature);
        assertTrue(community.hasVoted(id, members[3]), "voted by signature");
    }

    // ─────────────────────────────────────────────────────────────── events

    function test_events_everyStepIsAnEvent() public {
        Proposal memory p = _store(31);
        uint256 id = _id(p);
        bytes32[] memory hashes = new bytes32[](1);
        hashes[0] = address(box).codehash;
        vm.expectEmit(address(op));
        emit IConcordHouse.ProposalCodeHashes(id, p.targets, hashes);
        _propose(op, p, delegates[0]);

        _toVoting(op, id);
        vm.expectEmit(address(op));
        emit IGovernor.VoteCast(delegates[0], id, 1, 1, "ship it");
        vm.prank(delegates[0]);
        op.castVoteWithReason(id, 1, "ship it");
        _seatVotes(id, 0, 1);
        vm.prank(delegates[1]);
        op.castVote(id, 1);
        _toEnd(op, id);

        vm.expectEmit(address(op));
        emit IGovernor.ProposalQueued(id, block.timestamp + OP_DELAY);
        _queue(op, p);

        vm.expectEmit(address(community));
        emit ICommunityHouse.VetoCast(members[0], id, 1, 1, "wait");
        vm.prank(members[0]);
        community.castVeto(id, "wait");

        vm.warp(block.timestamp + OP_DELAY);
        vm.expectEmit(address(op));
        emit IGovernor.ProposalExecuted(id);
        _execute(op, p);
    }

    function test_events_settingsChanges() public {
        vm.startPrank(address(timelock));
        vm.expectEmit(address(community));
        emit IConcordHouse.QuorumFloorSet(QUORUM_FLOOR, 5);
        community.setQuorumFloor(5);
        vm.expectEmit(address(community));
        emit ICommunityHouse.VetoThresholdSet(VETO_BPS, 4_000);
        community.setVetoThreshold(4_000);
        vm.stopPrank();
    }

    // ─────────────────────────────────────────────────────────────── fuzz

    /// @notice Votes never exceed the snapshot supply, in either house, whoever votes.
    function test_fuzz_votes_neverExceedSnapshotSupply(uint256 seatMask, uint256 memberMask, uint8 support) public {
        support = uint8(bound(support, 0, 2));
        Proposal memory p = _store(seatMask);
        uint256 id = _propose(op, p, delegates[0]);
        Proposal memory c = _single(address(community), abi.encodeCall(IConcordHouse.setQuorumFloor, (seatMask)), "f");
        uint256 cid = _propose(community, c, members[0]);
        _toVoting(op, id);
        vm.prank(address(timelock));
        token.mint(OUTSIDER); // after the snapshot: must not add weight
        for (uint256 i = 0; i < SEATS; ++i) {
            if ((seatMask >> i) & 1 == 0) continue;
            vm.prank(delegates[i]);
            op.castVote(id, support);
        }
        for (uint256 i = 0; i < MEMBERS; ++i) {
            if ((memberMask >> i) & 1 == 0) continue;
            vm.prank(members[i]);
            community.castVote(cid, support);
        }
        vm.prank(OUTSIDER);
        community.castVote(cid, support);
        (uint256 a, uint256 f, uint256 s) = op.proposalVotes(id);
        assertLe(a + f + s, registry.getPastTotalSupply(op.proposalSnapshot(id)), "seats");
        (a, f, s) = community.proposalVotes(cid);
        assertLe(a + f + s, token.getPastTotalSupply(community.proposalSnapshot(cid)), "members");
    }

    /// @notice No execution before the operational delay has passed after queueing.
    function test_fuzz_execute_refusedBeforeDelay(uint256 wait) public {
        wait = bound(wait, 0, OP_DELAY - 1);
        Proposal memory p = _store(wait);
        _queuedOperational(p);
        vm.warp(block.timestamp + wait);
        vm.expectRevert();
        _execute(op, p);
    }

    /// @notice No execution without the operational house's approval, at any time.
    function test_fuzz_execute_refusedWithoutApproval(uint256 votesFor, uint256 wait) public {
        votesFor = bound(votesFor, 0, 1); // below the quorum floor
        wait = bound(wait, 0, 60 days);
        Proposal memory p = _store(wait);
        uint256 id = _propose(op, p, delegates[0]);
        _toVoting(op, id);
        _seatVotes(id, votesFor, 1);
        vm.warp(block.timestamp + wait);
        vm.expectRevert();
        _queue(op, p);
        vm.expectRevert();
        _execute(op, p);
    }

    // ─────────────────────────────────────────────────────────────── helpers

    function _ballot(
        address house,
        string memory name,
        uint256 id,
        uint8 support,
        uint256 key,
        uint256 nonce
    ) internal view returns (bytes memory) {
        bytes32 domain = keccak256(
            abi.encode(DOMAIN_TYPEHASH, keccak256(bytes(name)), keccak256("1"), block.chainid, house)
        );
        bytes32 structHash = keccak256(abi.encode(BALLOT_TYPEHASH, id, support, vm.addr(key), nonce));
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, keccak256(abi.encodePacked("\x19\x01", domain, structHash)));
        return abi.encodePacked(r, s, v);
    }
}
