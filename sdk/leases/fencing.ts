/**
 * Fencing tokens: every grant of a resource carries a number strictly greater than every earlier grant
 * on it. A service that the resource stands for (a deploy pipeline, a database migration runner...)
 * rejects requests whose token is older than the latest it has seen, so a holder whose lease ended
 * (and who does not know it yet) cannot act after the next holder did.
 *
 * Two checks:
 * - {@link createFencingTokenGuard}: pure, no chain access — the service remembers the latest token it
 *   has seen per resource and rejects older ones (the classic fencing check);
 * - {@link verifyFencingToken}: on-chain — whether the token is the one of the live lease right now
 *   (`isCurrentToken`), with the reason when it is not.
 */
import { zeroAddress } from "viem";
import type { Address } from "viem";

import type { ConcordClientBase } from "../client.ts";
import { resourceLeasesAbi } from "../generated/abis.ts";
import { readBatch } from "../internal/read.ts";
import { toUint256 } from "../internal/validate.ts";
import type { BigIntish } from "../internal/validate.ts";
import { toResourceId } from "./constants.ts";
import { leasesDeployment } from "./reads.ts";
import type { FencingTokenCheck } from "./types.ts";

/**
 * Checks a fencing token against the chain: valid only while it is the token of the live lease
 * (`isCurrentToken`). Also says why not (`stale`: a newer lease was granted; `expired`: still the
 * latest, but its lease ended; `unknown`: never issued) and who holds the resource now.
 *
 * @example
 * const check = await concord.leases.verifyFencingToken({ resourceId: 1n, token: request.fencingToken });
 * if (!check.valid) throw new Error(`rejected: ${check.reason}, latest is ${check.latestToken}`);
 */
export async function verifyFencingToken(
  client: ConcordClientBase,
  { resourceId, token }: { resourceId: BigIntish; token: BigIntish },
): Promise<FencingTokenCheck & { holder: Address | null; expiresAt: bigint }> {
  const id = toResourceId(resourceId);
  const value = toUint256("token", token);
  const address = leasesDeployment(client).address;
  const [current, [holder, expiresAt, latest]] = await readBatch(
    client,
    [
      { address, abi: resourceLeasesAbi, functionName: "isCurrentToken", args: [id, value] },
      { address, abi: resourceLeasesAbi, functionName: "leaseOf", args: [id] },
    ] as const,
    { contract: "ResourceLeases", functionName: "isCurrentToken" },
  );
  const reason: FencingTokenCheck["reason"] = current
    ? "current"
    : value === 0n || value > latest
      ? "unknown"
      : value < latest
        ? "stale"
        : "expired";
  return {
    valid: current,
    reason,
    latestToken: latest,
    holder: holder === zeroAddress ? null : holder,
    expiresAt,
  };
}

/**
 * Where a {@link createFencingTokenGuard} keeps the latest token seen per resource. A `Map` is one;
 * a service that restarts should give a store backed by its own database (writes must be durable
 * before the guarded action runs).
 */
export type FencingTokenStore = {
  get(key: string): bigint | undefined;
  set(key: string, token: bigint): unknown;
};

/** A pure fencing-token check with a "latest seen" store, for the service that guards a resource. */
export type FencingTokenGuard = {
  /**
   * Accepts `token` when it is not older than the latest token seen for `resourceId` (and records it);
   * rejects an older one (`stale`). Tokens start at 1: 0 is rejected (`unknown`).
   */
  check(parameters: { resourceId: BigIntish; token: BigIntish }): FencingTokenCheck;
  /** The latest token seen for `resourceId`, or null. */
  latest(resourceId: BigIntish): bigint | null;
};

/**
 * Creates the check an off-chain service runs on every request that carries a fencing token: reject
 * a token older than the latest it has seen. No chain access: the token's order alone decides, so a
 * paused holder that wakes up after its lease ended is refused as soon as the next holder has been
 * served. Combine with {@link verifyFencingToken} to also refuse the token of an expired lease.
 *
 * @example
 * import { createFencingTokenGuard } from "@concord-dao/sdk";
 *
 * const guard = createFencingTokenGuard(); // or { store: myDurableStore }
 * app.post("/deploy", (req, res) => {
 *   const check = guard.check({ resourceId: 1n, token: BigInt(req.header("x-fencing-token")) });
 *   if (!check.valid) return res.status(409).send(`stale token; latest is ${check.latestToken}`);
 *   deploy();
 * });
 */
export function createFencingTokenGuard(
  options: { store?: FencingTokenStore | undefined; namespace?: string | undefined } = {},
): FencingTokenGuard {
  const store: FencingTokenStore = options.store ?? new Map<string, bigint>();
  const key = (resourceId: BigIntish) =>
    `${options.namespace ?? ""}${options.namespace ? ":" : ""}${toResourceId(resourceId)}`;
  return {
    check({ resourceId, token }) {
      const value = toUint256("token", token);
      const k = key(resourceId);
      const latest = store.get(k) ?? 0n;
      if (value === 0n) return { valid: false, reason: "unknown", latestToken: latest };
      if (value < latest) return { valid: false, reason: "stale", latestToken: latest };
      if (value > latest) store.set(k, value);
      return { valid: true, reason: "current", latestToken: value };
    },
    latest(resourceId) {
      return store.get(key(resourceId)) ?? null;
    },
  };
}
