// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";

/// @dev The ERC-4907 interface (rental NFTs: a time-limited "user" role next to the owner).
interface IERC4907 {
    event UpdateUser(uint256 indexed tokenId, address indexed user, uint64 expires);

    function setUser(uint256 tokenId, address user, uint64 expires) external;

    function userOf(uint256 tokenId) external view returns (address);

    function userExpires(uint256 tokenId) external view returns (uint256);
}

/// @title ERC4907Reference
/// @notice The reference implementation of EIP-4907, ported to OpenZeppelin 5's ERC721, for the gas benchmark
/// only (bench/leases.ts): `setUser` writes the user and its expiry into one storage slot, the floor that a
/// lease grant of ResourceLeases approaches. Not part of Concord's deployment.
contract ERC4907Reference is ERC721, IERC4907 {
    struct UserInfo {
        address user; // address of user role
        uint64 expires; // unix timestamp, user expires
    }

    mapping(uint256 tokenId => UserInfo) internal _users;

    constructor() ERC721("ERC4907 reference", "R4907") {}

    /// @notice Benchmark helper: anyone mints.
    function mint(address to, uint256 tokenId) external {
        _mint(to, tokenId);
    }

    /// @notice Set the user and expires of an NFT; the zero address means no user.
    function setUser(uint256 tokenId, address user, uint64 expires) public virtual {
        _checkAuthorized(_ownerOf(tokenId), msg.sender, tokenId);
        UserInfo storage info = _users[tokenId];
        info.user = user;
        info.expires = expires;
        emit UpdateUser(tokenId, user, expires);
    }

    /// @notice The current user of an NFT (zero when none or expired).
    function userOf(uint256 tokenId) public view virtual returns (address) {
        if (uint256(_users[tokenId].expires) >= block.timestamp) {
            return _users[tokenId].user;
        } else {
            return address(0);
        }
    }

    /// @notice The user expires of an NFT.
    function userExpires(uint256 tokenId) public view virtual returns (uint256) {
        return _users[tokenId].expires;
    }

    function supportsInterface(bytes4 interfaceId) public view virtual override returns (bool) {
        return interfaceId == type(IERC4907).interfaceId || super.supportsInterface(interfaceId);
    }

    /// @dev A transfer clears the user, as the reference's `_beforeTokenTransfer` does.
    function _update(address to, uint256 tokenId, address auth) internal virtual override returns (address from) {
        from = super._update(to, tokenId, auth);
        if (from != to && _users[tokenId].user != address(0)) {
            delete _users[tokenId];
            emit UpdateUser(tokenId, address(0), 0);
        }
    }
}
