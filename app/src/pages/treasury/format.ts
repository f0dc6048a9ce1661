/**
 * Amounts of the treasury in words: "5 ETH", "100 GRT" (a token's decimals and symbol when it has them).
 */
import { formatUnits, isAddressEqual } from "viem";
import type { Address } from "viem";

import type { Treasury } from "../../../../sdk/index.ts";

/**
 * An amount of ETH or of a token the treasury knows, with its unit.
 *
 * @example
 * formatAsset(treasury, "ETH", 5n * 10n ** 18n); // "5 ETH"
 */
export function formatAsset(
  treasury: Pick<Treasury, "tokens">,
  asset: "ETH" | Address,
  amount: bigint,
): string {
  if (asset === "ETH") return `${formatUnits(amount, 18)} ETH`;
  const token = treasury.tokens.find((entry) => isAddressEqual(entry.address, asset));
  const unit = token?.symbol ?? `${asset.slice(0, 6)}…${asset.slice(-4)}`;
  return token?.decimals != null
    ? `${formatUnits(amount, token.decimals)} ${unit}`
    : `${amount} ${unit} units`;
}
