/**
 * The deadlines of what a screen shows: the chain times at which it changes by time alone (a vote closes, a
 * lease expires) and emits nothing. The data hooks register them with `useRefreshAt` (concord.tsx).
 */
import type { Address } from "viem";

/**
 * The deadlines worth a refresh among `values`: those after the chain time the data was read at
 * (`readAt`), deduplicated, earliest first, at most `limit` (the earliest is the one the timer waits for;
 * the next ones are re-registered after each refresh).
 *
 * @example
 * upcoming([100n, null, 50n, 100n, 300n], 60n); // [100n, 300n]
 */
export function upcoming(
  values: readonly (bigint | null | undefined)[],
  readAt: bigint,
  limit = 16,
): bigint[] {
  const future = new Set<bigint>();
  for (const value of values) if (value !== null && value !== undefined && value > readAt) future.add(value);
  return [...future].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).slice(0, limit);
}

/** The times a resource's state changes by itself: its lease ends, a claim window opens or closes, a booking starts or ends. */
export function leaseDeadlines(resource: {
  expiresAt?: bigint | null | undefined;
  lease?: { expiresAt: bigint } | null | undefined;
  claimWindowEnd?: bigint | null | undefined;
  claimant?: { windowStart: bigint; windowEnd: bigint } | Address | null | undefined;
  queue?: readonly { windowStart: bigint; windowEnd: bigint }[] | undefined;
  reservations?: readonly { start: bigint; end: bigint }[] | undefined;
}): (bigint | null | undefined)[] {
  const claimant = typeof resource.claimant === "object" ? resource.claimant : null;
  return [
    resource.expiresAt,
    resource.lease?.expiresAt,
    resource.claimWindowEnd,
    claimant?.windowStart,
    claimant?.windowEnd,
    ...(resource.queue ?? []).flatMap((entry) => [entry.windowStart, entry.windowEnd]),
    ...(resource.reservations ?? []).flatMap((booking) => [booking.start, booking.end]),
  ];
}

/**
 * The times a proposal's stage changes by itself: its votes open and close, its veto window ends, its timelock
 * delay ends, its lapse deadline passes.
 */
export function proposalDeadlines(proposal: {
  community?: { voteStart?: bigint; voteEnd: bigint } | null | undefined;
  operational?: { voteStart?: bigint; voteEnd: bigint; eta?: bigint | null } | null | undefined;
  veto?: { windowEndsAt?: bigint | null } | null | undefined;
  eta?: bigint | null | undefined;
  deadline?: { at: bigint } | null | undefined;
  voteStarts?: readonly bigint[] | undefined;
}): (bigint | null | undefined)[] {
  return [
    proposal.community?.voteStart,
    proposal.community?.voteEnd,
    proposal.operational?.voteStart,
    proposal.operational?.voteEnd,
    proposal.operational?.eta,
    proposal.veto?.windowEndsAt,
    proposal.eta,
    proposal.deadline?.at,
    ...(proposal.voteStarts ?? []),
  ];
}
