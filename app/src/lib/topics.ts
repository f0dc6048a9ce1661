/**
 * Decision topics are stored on-chain as `keccak256(name)`: the names live with the people who use
 * them. The app recognises a topic by hashing the names it knows — common ones, and the ones typed in
 * this browser.
 */
import type { Hex } from "viem";

import { topicId } from "../../../sdk/index.ts";

/** Topic names the app always recognises. */
export const COMMON_TOPICS = [
  "treasury",
  "deployments",
  "budget",
  "membership",
  "hiring",
  "grants",
  "security",
  "infrastructure",
  "communications",
  "partnerships",
  "roadmap",
  "legal",
] as const;

/**
 * A normalised topic name: trimmed (the hash is case-sensitive, so case is kept).
 *
 * @example
 * normaliseTopic("  treasury "); // "treasury"
 */
export function normaliseTopic(name: string): string {
  return name.trim();
}

/**
 * A lookup from topic hash to name over `names`.
 *
 * @example
 * const nameOf = topicNamer(["treasury"]);
 * nameOf(topicId("treasury")); // "treasury"
 */
export function topicNamer(names: Iterable<string>): (topic: Hex) => string | null {
  const byHash = new Map<string, string>();
  for (const name of names) {
    const clean = normaliseTopic(name);
    if (clean) byHash.set(topicId(clean).toLowerCase(), clean);
  }
  return (topic) => byHash.get(topic.toLowerCase()) ?? null;
}
