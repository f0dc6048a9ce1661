// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";

import {Test} from "../utils/Test.sol";
import {CellRegistry} from "../../contracts/cells/CellRegistry.sol";
import {ROLE_MEMBER, ROLE_STEWARD} from "../../contracts/cells/ICellRegistry.sol";
import {AgreementRegistry} from "../../contracts/agreements/AgreementRegistry.sol";
import {IAgreementRegistry} from "../../contracts/agreements/IAgreementRegistry.sol";

/// @notice An ERC-1271 contract wallet: accepts what its owner key signed, unless told to refuse everything.
contract MockWallet {
    address public immutable owner;
    bool public refuse;

    constructor(address owner_) {
        owner = owner_;
    }

    function setRefuse(bool refuse_) external {
        refuse = refuse_;
    }

    function isValidSignature(bytes32 hash, bytes calldata signature) external view returns (bytes4) {
        (address recovered, ECDSA.RecoverError err, ) = ECDSA.tryRecoverCalldata(hash, signature);
        if (!refuse && err == ECDSA.RecoverError.NoError && recovered == owner) return 0x1626ba7e;
        return 0xffffffff;
    }
}

/// @notice EIP-712 digests of the agreement registry, built independently of the contract (type strings
/// spelled out here).
library AgreementDigests {
    bytes32 internal constant DOMAIN_TYPEHASH = keccak256(
        "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"
    );
    bytes32 internal constant ACK_TYPEHASH = keccak256(
        "Acknowledge(uint256 agreementId,bytes32 termsHash,address signer,uint256 nonce,uint256 deadline)"
    );
    bytes32 internal constant ACK_CELL_TYPEHASH = keccak256(
        "AcknowledgeForCell(uint256 agreementId,uint256 cellId,bytes32 termsHash,address signer,uint256 nonce,uint256 deadline)"
    );

    function domain(uint256 chainId, address verifyingContract) internal pure returns (bytes32) {
        return
            keccak256(
                abi.encode(DOMAIN_TYPEHASH, keccak256("Concord Agreements"), keccak256("1"), chainId, verifyingContract)
            );
    }

    function ack(
        bytes32 domainSeparator,
        uint256 id,
        bytes32 termsHash,
        address signer,
        uint256 nonce,
        uint256 deadline
    ) internal pure returns (bytes32) {
        bytes32 structHash = keccak256(abi.encode(ACK_TYPEHASH, id, termsHash, signer, nonce, deadline));
        return keccak256(abi.encodePacked("\x19\x01", domainSeparator, structHash));
    }

    function cellAck(
        bytes32 domainSeparator,
        uint256 id,
        uint256 cellId,
        bytes32 termsHash,
        address signer,
        uint256 nonce,
        uint256 deadline
    ) internal pure returns (bytes32) {
        bytes32 structHash = keccak256(abi.encode(ACK_CELL_TYPEHASH, id, cellId, termsHash, signer, nonce, deadline));
        return keccak256(abi.encodePacked("\x19\x01", domainSeparator, structHash));
    }
}

/// @notice Shared set-up for the agreement tests: a cell tree and actors with known keys.
abstract contract AgreementFixture is Test {
    bytes32 internal constant ACK_TYPEHASH = AgreementDigests.ACK_TYPEHASH;
    bytes32 internal constant ACK_CELL_TYPEHASH = AgreementDigests.ACK_CELL_TYPEHASH;

    uint256 internal constant ALICE_PK = 0xA11CE;
    uint256 internal constant BOB_PK = 0xB0B;
    uint256 internal constant CAROL_PK = 0xCA201;
    uint256 internal constant DAVE_PK = 0xDA7E;
    uint256 internal constant ERIN_PK = 0xE121;

    uint256 internal constant T0 = 1_700_000_000;
    bytes32 internal constant TERMS = keccak256("terms v1");
    bytes32 internal constant TERMS_2 = keccak256("terms v2");
    string internal constant URI = "ipfs://terms-v1";
    string internal constant TITLE = "RPC service for the grants cell";

    IAgreementRegistry.Status internal constant NONE = IAgreementRegistry.Status.None;
    IAgreementRegistry.Status internal constant PROPOSED = IAgreementRegistry.Status.Proposed;
    IAgreementRegistry.Status internal constant ACTIVE = IAgreementRegistry.Status.Active;
    IAgreementRegistry.Status internal constant REJECTED = IAgreementRegistry.Status.Rejected;
    IAgreementRegistry.Status internal constant WITHDRAWN = IAgreementRegistry.Status.Withdrawn;
    IAgreementRegistry.Status internal constant TERMINATED = IAgreementRegistry.Status.Terminated;
    IAgreementRegistry.Status internal constant EXPIRED = IAgreementRegistry.Status.Expired;
    IAgreementRegistry.Status internal constant SUPERSEDED = IAgreementRegistry.Status.Superseded;

    CellRegistry internal cells;
    AgreementRegistry internal registry;

    address internal alice;
    address internal bob;
    address internal carol; // steward of `child` only
    address internal dave; // steward of `root`, hence of `child` through the ancestor rule
    address internal erin; // member of `child`, steward of nothing

    uint256 internal root;
    uint256 internal child;
    uint256 internal other; // a second top-level cell, stewarded by erin

    function setUp() public virtual {
        vm.warp(T0);
        alice = vm.addr(ALICE_PK);
        bob = vm.addr(BOB_PK);
        carol = vm.addr(CAROL_PK);
        dave = vm.addr(DAVE_PK);
        erin = vm.addr(ERIN_PK);

        cells = new CellRegistry(address(this));
        vm.prank(dave);
        root = cells.createCell(0, "root", "", bytes32(0));
        vm.prank(dave);
        child = cells.createCell(root, "child", "", bytes32(0));
        vm.prank(dave);
        cells.addMember(child, carol, ROLE_MEMBER | ROLE_STEWARD);
        vm.prank(dave);
        cells.addMember(child, erin, ROLE_MEMBER);
        vm.prank(erin);
        other = cells.createCell(0, "other", "", bytes32(0));

        registry = new AgreementRegistry(cells);
    }

    // ─────────────────────────────────────────────────────────────── builders

    function _accounts(address a) internal pure returns (address[] memory list) {
        list = new address[](1);
        list[0] = a;
    }

    function _accounts(address a, address b) internal pure returns (address[] memory list) {
        list = new address[](2);
        list[0] = a;
        list[1] = b;
    }

    function _accounts(address a, address b, address c) internal pure returns (address[] memory list) {
        list = new address[](3);
        list[0] = a;
        list[1] = b;
        list[2] = c;
    }

    function _cells() internal pure returns (uint256[] memory list) {
        list = new uint256[](0);
    }

    function _cells(uint256 a) internal pure returns (uint256[] memory list) {
        list = new uint256[](1);
        list[0] = a;
    }

    function _cells(uint256 a, uint256 b) internal pure returns (uint256[] memory list) {
        list = new uint256[](2);
        list[0] = a;
        list[1] = b;
    }

    /// @dev alice and bob, proposed by carol (not a party).
    function _proposePair() internal returns (uint256 id) {
        vm.prank(carol);
        id = registry.propose(_accounts(alice, bob), _cells(), TITLE, TERMS, URI, 0);
    }

    /// @dev alice and cell `child`, proposed by alice.
    function _proposeWithCell() internal returns (uint256 id) {
        vm.prank(alice);
        id = registry.propose(_accounts(alice), _cells(child), TITLE, TERMS, URI, 0);
    }

    function _ack(uint256 id, address account) internal {
        bytes32 termsHash = registry.getAgreement(id).termsHash;
        vm.prank(account);
        registry.acknowledge(id, termsHash);
    }

    function _ackCell(uint256 id, uint256 cellId, address steward) internal {
        bytes32 termsHash = registry.getAgreement(id).termsHash;
        vm.prank(steward);
        registry.acknowledgeForCell(id, cellId, termsHash);
    }

    function _activePair() internal returns (uint256 id) {
        id = _proposePair();
        _ack(id, alice);
        _ack(id, bob);
    }

    function _status(uint256 id) internal view returns (IAgreementRegistry.Status) {
        return IAgreementRegistry.Status(registry.statusOf(id));
    }

    function _assertStatus(uint256 id, IAgreementRegistry.Status expected, string memory message) internal view {
        assertEq(uint256(registry.statusOf(id)), uint256(expected), message);
    }

    // ─────────────────────────────────────────────────────────────── errors

    function _wrongStatus(
        uint256 id,
        IAgreementRegistry.Status status,
        IAgreementRegistry.Status required
    ) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(IAgreementRegistry.AgreementWrongStatus.selector, id, status, required);
    }

    function _invalidSigner(uint256 id, address signer) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(IAgreementRegistry.AgreementInvalidSigner.selector, id, signer);
    }

    // ─────────────────────────────────────────────────────────────── signatures

    function _domain(uint256 chainId, address verifyingContract) internal pure returns (bytes32) {
        return AgreementDigests.domain(chainId, verifyingContract);
    }

    function _domain() internal view returns (bytes32) {
        return AgreementDigests.domain(block.chainid, address(registry));
    }

    function _ackDigest(
        bytes32 domain,
        uint256 id,
        bytes32 termsHash,
        address signer,
        uint256 nonce,
        uint256 deadline
    ) internal pure returns (bytes32) {
        return AgreementDigests.ack(domain, id, termsHash, signer, nonce, deadline);
    }

    function _cellDigest(
        bytes32 domain,
        uint256 id,
        uint256 cellId,
        bytes32 termsHash,
        address signer,
        uint256 nonce,
        uint256 deadline
    ) internal pure returns (bytes32) {
        return AgreementDigests.cellAck(domain, id, cellId, termsHash, signer, nonce, deadline);
    }

    function _sign(uint256 privateKey, bytes32 digest) internal pure returns (bytes memory) {
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(privateKey, digest);
        return abi.encodePacked(r, s, v);
    }

    /// @dev `privateKey`'s signature acknowledging `id` with `termsHash`, over its current nonce for `id`, on
    /// this registry and chain.
    function _signAck(
        uint256 privateKey,
        uint256 id,
        bytes32 termsHash,
        uint256 deadline
    ) internal view returns (bytes memory) {
        address signer = vm.addr(privateKey);
        return _sign(privateKey, _ackDigest(_domain(), id, termsHash, signer, registry.nonces(signer, id), deadline));
    }

    function _signCellAck(
        uint256 privateKey,
        uint256 id,
        uint256 cellId,
        bytes32 termsHash,
        uint256 deadline
    ) internal view returns (bytes memory) {
        address signer = vm.addr(privateKey);
        uint256 nonce = registry.nonces(signer, id);
        return _sign(privateKey, _cellDigest(_domain(), id, cellId, termsHash, signer, nonce, deadline));
    }
}
