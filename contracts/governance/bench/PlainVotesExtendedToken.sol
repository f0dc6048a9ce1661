// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Votes} from "@openzeppelin/contracts/governance/utils/Votes.sol";
import {VotesExtended} from "@openzeppelin/contracts/governance/utils/VotesExtended.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {ERC20Votes} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Votes.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";
import {Time} from "@openzeppelin/contracts/utils/types/Time.sol";

/// @title PlainVotesExtendedToken
/// @notice PlainVotesToken's composition (OpenZeppelin 5 ERC20Votes + ERC-2612 permit, timestamp clock) plus
/// OpenZeppelin's VotesExtended (checkpointed past delegates and balances), which GovernorCountingOverridable
/// needs to let a delegator override its delegate's vote. The voting token of PlainOverridableGovernor, the
/// community house's like-for-like peer in the governance gas benchmark (bench/governance.ts) only. Not part of
/// Concord's deployment.
contract PlainVotesExtendedToken is ERC20, ERC20Permit, ERC20Votes, VotesExtended, Ownable {
    /// @param name_ The token's name (also its EIP-712 domain name).
    /// @param symbol_ The token's symbol.
    /// @param owner_ The account allowed to mint.
    constructor(
        string memory name_,
        string memory symbol_,
        address owner_
    ) ERC20(name_, symbol_) ERC20Permit(name_) Ownable(owner_) {}

    /// @notice Benchmark helper: the owner mints `amount` to `to`.
    /// @param to The recipient.
    /// @param amount The amount minted.
    function mint(address to, uint256 amount) external onlyOwner {
        _mint(to, amount);
    }

    /// @notice The ERC-6372 clock: seconds (the block timestamp), as Concord's governance counts time.
    /// @return The current timepoint.
    function clock() public view override returns (uint48) {
        return Time.timestamp();
    }

    /// @notice The ERC-6372 clock's description.
    /// @return Always `mode=timestamp`.
    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() public pure override returns (string memory) {
        return "mode=timestamp";
    }

    /// @inheritdoc Nonces
    function nonces(address owner) public view override(ERC20Permit, Nonces) returns (uint256) {
        return super.nonces(owner);
    }

    function _update(address from, address to, uint256 value) internal override(ERC20, ERC20Votes) {
        super._update(from, to, value);
    }

    function _delegate(address account, address delegatee) internal override(Votes, VotesExtended) {
        super._delegate(account, delegatee);
    }

    function _transferVotingUnits(address from, address to, uint256 amount) internal override(Votes, VotesExtended) {
        super._transferVotingUnits(from, to, amount);
    }
}
