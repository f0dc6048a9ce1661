/**
 * Names for accounts beyond the dev accounts: ENS primary names, only where the chain has ENS (its
 * universal resolver), cached for the session (not refreshed with every block: names rarely change). Used by
 * the member directory (a lazy chunk), which passes the name to `Account`.
 * The lookup is viem's `getEnsName` in a few lines (the universal resolver's `reverseWithGateways`, through
 * `readContract`, which the first load already holds): viem's own action, or a lazy chunk for it, cost
 * 1.8 to 2.4 kB gzip of first-load JavaScript.
 */
import { useQuery } from "@tanstack/react-query";
import type { Address, Chain } from "viem";
import { readContract } from "viem/actions";

import { useConcord } from "../concord.tsx";

/** ENS universal resolvers of the chains where ENS is deployed (as viem's chain definitions give them). */
export const ENS_UNIVERSAL_RESOLVERS: Readonly<Record<number, Address>> = {
  1: "0xeeeeeeee14d718c2b47d9923deab1335e144eeee",
  11155111: "0xeeeeeeee14d718c2b47d9923deab1335e144eeee",
};

/**
 * The chain's ENS universal resolver, or null when the chain has no ENS.
 *
 * @example
 * ensResolverOf({ id: 31337 } as Chain); // null
 */
export function ensResolverOf(chain: Pick<Chain, "id" | "contracts">): Address | null {
  return chain.contracts?.ensUniversalResolver?.address ?? ENS_UNIVERSAL_RESOLVERS[chain.id] ?? null;
}

/**
 * The universal resolver's reverse lookup (ENSIP-19), as viem's `universalResolverReverseAbi` declares it
 * (reverseName, coinType, gateways → resolvedName, resolver, reverseResolver), without the parameter names: the
 * first load carries it, and the result is read by position.
 */
const reverseAbi = [
  {
    name: "reverseWithGateways",
    type: "function",
    stateMutability: "view",
    inputs: [{ type: "bytes" }, { type: "uint256" }, { type: "string[]" }],
    outputs: [{ type: "string" }, { type: "address" }, { type: "address" }],
  },
] as const;

/** At most this many distinct addresses are looked up per session; later ones show their address. */
export const MAX_ENS_LOOKUPS = 500;
const lookedUp = new Set<string>();

/**
 * Whether `address` may be looked up: already looked up, or a new one within {@link MAX_ENS_LOOKUPS}
 * (then counted).
 *
 * @example
 * mayLookUp("0xabc…"); // true, until 500 distinct addresses were looked up
 */
export function mayLookUp(address: Address, seen: Set<string> = lookedUp, max = MAX_ENS_LOOKUPS): boolean {
  const key = address.toLowerCase();
  if (seen.has(key)) return true;
  if (seen.size >= max) return false;
  seen.add(key);
  return true;
}

/** The query keys of the names domain (outside the app's `concordKey`: a new block does not refetch them). */
export const namesKeys = {
  ens: (chainId: number, address: Address) => ["names", chainId, "ens", address.toLowerCase()] as const,
};

/**
 * The ENS primary name of `address`, or null (always null on a chain without ENS, or when `enabled` is false,
 * with no request).
 */
export function useEnsName(address: Address, enabled = true): string | null {
  const { app, reader } = useConcord();
  const resolver = ensResolverOf(app.chain);
  const allowed = enabled && resolver !== null && mayLookUp(address);
  const query = useQuery({
    queryKey: namesKeys.ens(app.chain.id, address),
    queryFn: async () => {
      try {
        const [name] = await readContract(reader.publicClient, {
          address: resolver!,
          abi: reverseAbi,
          functionName: "reverseWithGateways",
          // Ethereum's coin type (60); viem's local batch gateway answers the resolver's offchain lookups.
          args: [address, 60n, ["x-batch-gateway:true"]],
        });
        return name || null;
      } catch {
        // No primary name (the resolver reverts), or no answer: the address is shown without a name.
        return null;
      }
    },
    enabled: allowed,
    // Never stale, so never refetched (on focus either): a name is read once a session.
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
  });
  return query.data ?? null;
}
