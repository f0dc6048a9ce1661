// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Votes} from "@openzeppelin/contracts/governance/utils/Votes.sol";
import {VotesExtended} from "@openzeppelin/contracts/governance/utils/VotesExtended.sol";
import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {ERC721Votes} from "@openzeppelin/contracts/token/ERC721/extensions/ERC721Votes.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {Time} from "@openzeppelin/contracts/utils/types/Time.sol";

import {IConcordMembership} from "./IConcordGovernance.sol";

/// @title ConcordMembership
/// @notice The community house's default votes token: one non-transferable ERC-721 per member (token id = the
/// member's address), with ERC-5805 votes in timestamp mode. Members delegate (liquid democracy) with
/// {delegate} / {delegateBySig}; {VotesExtended} keeps past delegates and balances so that a delegator can
/// override its delegate's vote in the community house (GovernorCountingOverridable).
/// @dev Invariants: balanceOf(a) <= 1 for every account; total supply == number of members; a token never moves
/// between two accounts (only mint and burn); getPastTotalSupply(t) == members at t.
contract ConcordMembership is IConcordMembership, ERC721, ERC721Votes, VotesExtended, Ownable {
    /// @param initialOwner governance (the timelock).
    /// @param initialMembers the founding members, admitted at deployment (the community house needs voters
    /// before it can admit anyone else). Duplicates are refused.
    constructor(
        string memory name_,
        string memory symbol_,
        address initialOwner,
        address[] memory initialMembers
    ) ERC721(name_, symbol_) EIP712(name_, "1") Ownable(initialOwner) {
        for (uint256 i = 0; i < initialMembers.length; ++i) _admit(initialMembers[i]);
    }

    /// @inheritdoc IConcordMembership
    function mint(address account) external onlyOwner {
        _admit(account);
    }

    /// @inheritdoc IConcordMembership
    function burn(address account) external onlyOwner {
        if (balanceOf(account) == 0) revert MembershipNotMember(account);
        _burn(uint256(uint160(account)));
    }

    /// @inheritdoc IConcordMembership
    function isMember(address account) external view returns (bool) {
        return balanceOf(account) != 0;
    }

    /// @dev At most one token per account; self-delegates first (units are zero then), so the mint itself gives
    /// the member its vote.
    function _admit(address account) internal {
        if (balanceOf(account) != 0) revert MembershipAlreadyMember(account);
        if (delegates(account) == address(0)) _delegate(account, account);
        _mint(account, uint256(uint160(account)));
    }

    /// @notice Votes of `account` now: none when it is not a member (expelled, S8); its own unit back when the
    /// account it delegated to is not a member any more.
    function getVotes(address account) public view override returns (uint256 votes) {
        uint256 own = balanceOf(account);
        if (own == 0) return 0;
        votes = super.getVotes(account);
        address delegatee = delegates(account);
        if (delegatee != account && delegatee != address(0) && balanceOf(delegatee) == 0) votes += own;
    }

    /// @notice Votes of `account` at `timepoint` (S8): none when it was not a member then (an expelled member
    /// casts no vote, neither its own nor those delegated to it); a member whose delegate was not a member then
    /// votes its own unit (delegators keep theirs).
    function getPastVotes(address account, uint256 timepoint) public view override returns (uint256 votes) {
        uint256 own = getPastBalanceOf(account, timepoint);
        if (own == 0) return 0;
        votes = super.getPastVotes(account, timepoint);
        address delegatee = super.getPastDelegate(account, timepoint);
        if (delegatee != account && delegatee != address(0) && getPastBalanceOf(delegatee, timepoint) == 0) {
            votes += own;
        }
    }

    /// @notice The delegate of `account` at `timepoint`; the account itself when its delegate was not a member
    /// then (so that the community house's vote overrides stay consistent with {getPastVotes}).
    function getPastDelegate(address account, uint256 timepoint) public view override returns (address delegatee) {
        delegatee = super.getPastDelegate(account, timepoint);
        if (delegatee != account && delegatee != address(0) && getPastBalanceOf(delegatee, timepoint) == 0) {
            delegatee = account;
        }
    }

    /// @notice ERC-6372 clock: timestamps, like the cell registry and both houses.
    function clock() public view override returns (uint48) {
        return Time.timestamp();
    }

    /// @notice ERC-6372 clock mode.
    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() public pure override returns (string memory) {
        return "mode=timestamp";
    }

    /// @dev The single path of mints and burns; a transfer between two accounts is refused.
    function _update(
        address to,
        uint256 tokenId,
        address auth
    ) internal override(ERC721, ERC721Votes) returns (address) {
        address from = _ownerOf(tokenId);
        if (from != address(0) && to != address(0)) revert MembershipNonTransferable(tokenId, from, to);
        return super._update(to, tokenId, auth);
    }

    function _increaseBalance(address account, uint128 amount) internal override(ERC721, ERC721Votes) {
        super._increaseBalance(account, amount);
    }

    function _delegate(address account, address delegatee) internal override(Votes, VotesExtended) {
        super._delegate(account, delegatee);
    }

    function _transferVotingUnits(address from, address to, uint256 amount) internal override(Votes, VotesExtended) {
        super._transferVotingUnits(from, to, amount);
    }

    function _getVotingUnits(address account) internal view override(Votes, ERC721Votes) returns (uint256) {
        return super._getVotingUnits(account);
    }
}
