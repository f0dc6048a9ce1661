/**
 * The invariants of the agents' harness, checked over a whole run from two independent records: the chain's
 * ResourceLeases events (with their blocks' timestamps) and the guarded service's work log. Pure functions.
 */

/** A lease as the chain's events tell it. */
export type ChainLease = {
  resourceId: bigint;
  holder: string;
  fencingToken: bigint;
  /** Block timestamp of the grant. */
  grantedAt: bigint;
  /** Expiry after the last renewal. */
  expiresAt: bigint;
  /** Block timestamp of the release, or null (it ended by time, or still runs). */
  releasedAt: bigint | null;
  /** Order of the grant on the chain (block number × 1e6 + log index). */
  order: bigint;
};

/** One unit of guarded work, as the service behind the resources recorded it. */
export type WorkEntry = {
  resourceId: bigint;
  agent: string;
  fencingToken: bigint;
  /** Chain time when the service accepted the token. */
  start: bigint;
  /** Chain time when the work ended (done, stopped or crashed); null if it never ended. */
  end: bigint | null;
  /** Sequence number of the acceptance at the service (its order of arrival). */
  seq: number;
  /**
   * The service refused the work's commit: its lease had ended (or a newer token was seen) before the work
   * did. Only its start was accepted.
   */
  fenced?: boolean;
};

/** The end of what the service accepted of a unit: its commit, or its start alone when the commit was fenced. */
function acceptedEnd(entry: WorkEntry): bigint | null {
  return entry.fenced ? entry.start : entry.end;
}

/** A crash: the agent stopped without releasing. */
export type CrashRecord = { agent: string; resourceId: bigint; fencingToken: bigint };

/** A waiter: when it learned its position, what it was, and when (if ever) it was granted the resource. */
export type WaitRecord = {
  agent: string;
  resourceId: bigint;
  /** Waiters ahead of it when it read its place. */
  position: number;
  /** Chain time of that read (at or after the join). */
  readAt: bigint;
  /** Chain time of its grant from this place, null when it was not served from it. */
  servedAt: bigint | null;
  /** How the place ended when not served: its turn passed (the agent was too slow), it left, it crashed, the run ended. */
  outcome: "served" | "missed" | "left" | "crashed" | "open";
  /** Chain time when the run stopped following it (for "open"). */
  endAt: bigint;
};

export type Check = { name: string; ok: boolean; detail: string };

/** Builds the leases from decoded events (granted, renewed, released), in chain order. */
export function leasesFromEvents(
  events: readonly {
    eventName: string;
    resourceId: bigint;
    holder: string;
    fencingToken: bigint;
    expiresAt?: bigint;
    timestamp: bigint;
    order: bigint;
  }[],
): ChainLease[] {
  const leases: ChainLease[] = [];
  const byToken = new Map<string, ChainLease>();
  for (const event of [...events].sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0))) {
    const key = `${event.resourceId}:${event.fencingToken}`;
    if (event.eventName === "LeaseGranted") {
      const lease: ChainLease = {
        resourceId: event.resourceId,
        holder: event.holder.toLowerCase(),
        fencingToken: event.fencingToken,
        grantedAt: event.timestamp,
        expiresAt: event.expiresAt!,
        releasedAt: null,
        order: event.order,
      };
      leases.push(lease);
      byToken.set(key, lease);
    } else if (event.eventName === "LeaseRenewed") {
      const lease = byToken.get(key);
      if (lease) lease.expiresAt = event.expiresAt!;
    } else if (event.eventName === "LeaseReleased" || event.eventName === "LeaseRevoked") {
      const lease = byToken.get(key);
      if (lease) lease.releasedAt = event.timestamp;
    }
  }
  return leases;
}

/** When a lease ended: its release, or its expiry. */
export function leaseEnd(lease: ChainLease): bigint {
  return lease.releasedAt !== null && lease.releasedAt < lease.expiresAt ? lease.releasedAt : lease.expiresAt;
}

function byResource<item extends { resourceId: bigint }>(items: readonly item[]): Map<bigint, item[]> {
  const map = new Map<bigint, item[]>();
  for (const item of items) {
    const list = map.get(item.resourceId) ?? [];
    list.push(item);
    map.set(item.resourceId, list);
  }
  return map;
}

/** No two leases of a resource overlap, and tokens strictly increase with each grant (chain events). */
export function checkChainExclusive(leases: readonly ChainLease[]): Check {
  const problems: string[] = [];
  for (const [resourceId, list] of byResource(leases)) {
    for (let i = 1; i < list.length; i++) {
      const previous = list[i - 1]!;
      const next = list[i]!;
      if (next.grantedAt < leaseEnd(previous)) {
        problems.push(
          `resource ${resourceId}: token ${next.fencingToken} granted at ${next.grantedAt} while token ${previous.fencingToken} ran until ${leaseEnd(previous)}`,
        );
      }
      if (next.fencingToken <= previous.fencingToken) {
        problems.push(`resource ${resourceId}: token ${next.fencingToken} after ${previous.fencingToken}`);
      }
    }
  }
  return {
    name: "no two agents held a resource at once (chain events)",
    ok: problems.length === 0,
    detail: problems.length ? problems.slice(0, 5).join("; ") : `${leases.length} leases`,
  };
}

/**
 * The work log agrees: each unit ran inside its own lease (same holder, from its grant to its end), units of a
 * resource do not overlap, and the tokens the service accepted only increase per resource.
 */
export function checkWorkLog(entries: readonly WorkEntry[], leases: readonly ChainLease[]): Check[] {
  const lease = new Map(leases.map((l) => [`${l.resourceId}:${l.fencingToken}`, l]));
  const inside: string[] = [];
  const overlap: string[] = [];
  const order: string[] = [];
  for (const entry of entries) {
    const own = lease.get(`${entry.resourceId}:${entry.fencingToken}`);
    if (!own) {
      inside.push(`resource ${entry.resourceId}: token ${entry.fencingToken} was never granted`);
      continue;
    }
    if (own.holder !== entry.agent.toLowerCase()) {
      inside.push(
        `resource ${entry.resourceId}: token ${entry.fencingToken} used by ${entry.agent}, not ${own.holder}`,
      );
    }
    const end = acceptedEnd(entry);
    if (entry.start < own.grantedAt || (end !== null && end > leaseEnd(own))) {
      inside.push(
        `resource ${entry.resourceId}: work [${entry.start}, ${end}] of token ${entry.fencingToken} outside its lease [${own.grantedAt}, ${leaseEnd(own)}]`,
      );
    }
  }
  for (const [resourceId, list] of byResource(entries)) {
    const byStart = [...list].sort((a, b) =>
      a.start < b.start ? -1 : a.start > b.start ? 1 : a.seq - b.seq,
    );
    for (let i = 1; i < byStart.length; i++) {
      const previous = byStart[i - 1]!;
      const next = byStart[i]!;
      const end = acceptedEnd(previous);
      if (end === null || end > next.start) {
        overlap.push(
          `resource ${resourceId}: token ${next.fencingToken} started at ${next.start} before token ${previous.fencingToken} ended (${end})`,
        );
      }
    }
    const bySeq = [...list].sort((a, b) => a.seq - b.seq);
    for (let i = 1; i < bySeq.length; i++) {
      if (bySeq[i]!.fencingToken < bySeq[i - 1]!.fencingToken) {
        order.push(
          `resource ${resourceId}: token ${bySeq[i]!.fencingToken} accepted after ${bySeq[i - 1]!.fencingToken}`,
        );
      }
    }
  }
  return [
    {
      name: "no two agents held a resource at once (work log, fenced)",
      ok: overlap.length === 0 && inside.length === 0,
      detail:
        [...overlap, ...inside].slice(0, 5).join("; ") ||
        `${entries.length} units of work, ${entries.filter((e) => e.fenced).length} of them outlived their lease and had their commit refused by the fence`,
    },
    {
      name: "fencing tokens seen by the guarded work only increase per resource",
      ok: order.length === 0,
      detail:
        order.slice(0, 5).join("; ") || `${entries.length} tokens accepted, never one older than the last`,
    },
  ];
}

/**
 * A crashed holder's lease ended by expiry alone: no release for its token, and the next grant of the
 * resource came at or after its expiry (unless the restarted agent, the same account, found it still live).
 */
export function checkCrashes(
  crashes: readonly CrashRecord[],
  leases: readonly ChainLease[],
  /** `resourceId:token` of leases the crashed agent took back after its restart (the same account). */
  recovered: ReadonlySet<string> = new Set(),
): Check {
  const problems: string[] = [];
  let freed = 0;
  let taken = 0;
  for (const crash of crashes) {
    const list = leases.filter((l) => l.resourceId === crash.resourceId);
    const index = list.findIndex((l) => l.fencingToken === crash.fencingToken);
    const own = list[index];
    if (!own) {
      problems.push(
        `token ${crash.fencingToken} of ${crash.agent} on resource ${crash.resourceId} not on the chain`,
      );
      continue;
    }
    if (recovered.has(`${crash.resourceId}:${crash.fencingToken}`)) {
      taken++; // its restart found the lease still live and finished with it
      continue;
    }
    if (own.releasedAt !== null)
      problems.push(`token ${crash.fencingToken} was released after its holder crashed`);
    const next = list[index + 1];
    if (next) {
      if (next.grantedAt < own.expiresAt) {
        problems.push(
          `resource ${crash.resourceId} granted at ${next.grantedAt} before the crashed lease expired (${own.expiresAt})`,
        );
      } else freed++;
    }
  }
  return {
    name: "a crashed agent's lease frees by expiry alone",
    ok: problems.length === 0,
    detail:
      problems.slice(0, 5).join("; ") ||
      `${crashes.length} crashed holders: ${freed} leases taken over by another agent after expiry, ${taken} taken back by the restarted agent`,
  };
}

/**
 * Every waiter with `p` waiters ahead was served within `(p + 1)·(2·D + W)` of reading its place (the bound
 * the leases promise, issue 11) — or its turn came and it did not claim it, it left, it crashed, or the run
 * ended with it still inside the bound.
 */
export function checkWaitBound(
  waits: readonly WaitRecord[],
  maxDuration: bigint,
  claimWindow: bigint,
): Check {
  const problems: string[] = [];
  const counts = { served: 0, missed: 0, left: 0, crashed: 0, open: 0 };
  for (const wait of waits) {
    counts[wait.outcome]++;
    const bound = BigInt(wait.position + 1) * (2n * maxDuration + claimWindow);
    if (wait.outcome === "served" && wait.servedAt! - wait.readAt > bound) {
      problems.push(
        `${wait.agent} on resource ${wait.resourceId}: served ${wait.servedAt! - wait.readAt} s after reading place ${wait.position} (bound ${bound} s)`,
      );
    }
    if (wait.outcome === "open" && wait.endAt - wait.readAt > bound) {
      problems.push(
        `${wait.agent} on resource ${wait.resourceId}: still waiting ${wait.endAt - wait.readAt} s at place ${wait.position} (bound ${bound} s)`,
      );
    }
  }
  return {
    name: "every waiter is served within (p+1)·(2D+W)",
    ok: problems.length === 0,
    detail:
      problems.slice(0, 5).join("; ") ||
      `${counts.served} served, ${counts.missed} turns not claimed in time, ${counts.left} left, ${counts.crashed} crashed, ${counts.open} still waiting within the bound`,
  };
}

/** No agent died on an error the kit does not expect. */
export function checkNoUnexpected(errors: readonly { agent: string; error: string }[]): Check {
  return {
    name: "no agent died on an unexpected error",
    ok: errors.length === 0,
    detail:
      errors
        .slice(0, 3)
        .map((e) => `${e.agent}: ${e.error}`)
        .join("; ") || "none",
  };
}

/** The p-th percentile (0..100) of `values` (nearest rank), or null when empty. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}
