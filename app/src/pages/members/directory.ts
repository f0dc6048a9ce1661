/**
 * The member directory's plain logic: which accounts a search names, the viewer first, the delegators in
 * words, and whether the viewer may delegate to a member (with the reason when not).
 */
import type { Address } from "viem";

import { MAX_ROSTER_ACCOUNTS } from "../../../../sdk/index.ts";
import type { RosterEntry } from "../../../../sdk/index.ts";
import { parseAddress } from "../../lib/format.ts";
import type { AccountNamer } from "../../lib/format.ts";
import type { Permission } from "../../lib/permissions.ts";

const same = (a: Address | null, b: Address | null) =>
  a !== null && b !== null && a.toLowerCase() === b.toLowerCase();

/**
 * The accounts a search names, the viewer first, at most the SDK's `MAX_ROSTER_ACCOUNTS`: a whole address;
 * "you" for the viewer; otherwise the known accounts (those with a name) whose name or address holds the text.
 * Null for an empty search (the roster is browsed page by page). The roster is read for these accounts only.
 *
 * @example
 * searchAccounts("car", knownAccounts, nameOf, null); // [carol]
 */
export function searchAccounts(
  query: string,
  known: readonly Address[],
  nameOf: AccountNamer,
  viewer: Address | null,
): Address[] | null {
  const needle = query.trim().toLowerCase();
  if (needle === "") return null;
  const typed = parseAddress(needle);
  if (typed) return [typed];
  const found = known.filter((account) => {
    if (needle === "you" && same(account, viewer)) return true;
    const name = nameOf(account)?.toLowerCase() ?? "";
    const address = account.toLowerCase();
    return name.includes(needle) || address.includes(needle) || address.slice(2).startsWith(needle);
  });
  if (needle === "you" && viewer && !found.some((account) => same(account, viewer))) found.push(viewer);
  const mine = found.filter((account) => same(account, viewer));
  return [...mine, ...found.filter((account) => !same(account, viewer))].slice(0, MAX_ROSTER_ACCOUNTS);
}

/**
 * The entries to show: the viewer's first (when it is on the roster), then the others in roster order.
 *
 * @example
 * viewerFirst(page.items, mine, viewer); // [mine, ...the page without it]
 */
export function viewerFirst(
  entries: readonly RosterEntry[],
  mine: RosterEntry | undefined,
  viewer: Address | null,
): RosterEntry[] {
  const others = entries.filter((entry) => !same(entry.account, viewer));
  return mine ? [mine, ...others] : others;
}

/**
 * An entry's delegators in words: the names the roster gives, and how many more there are.
 *
 * @example
 * delegatorsInWords({ delegators: [bob], delegatorCount: 3 }, nameOf); // "Bob and 2 more"
 */
export function delegatorsInWords(
  entry: Pick<RosterEntry, "delegators" | "delegatorCount">,
  nameFor: (account: Address) => string,
): string {
  const names = entry.delegators.map(nameFor).join(", ");
  const more = entry.delegatorCount - entry.delegators.length;
  return more > 0 ? `${names} and ${more} more` : names;
}

/**
 * Whether the viewer (a member or not, delegating to someone or not) may give its vote to `target`.
 *
 * @example
 * delegatePermission({ ok: true }, viewerEntry, targetEntry, "Bob"); // { ok: true }
 */
export function delegatePermission(
  base: Permission,
  viewer: RosterEntry | undefined,
  target: RosterEntry,
  targetName: string,
): Permission {
  if (!base.ok) return base;
  if (!viewer?.member) return { ok: false, reason: "Only members have a vote to delegate." };
  if (same(viewer.delegate, target.account)) {
    return {
      ok: false,
      reason: same(viewer.account, target.account) ? "You vote yourself." : `${targetName} is your delegate.`,
    };
  }
  if (!target.member) {
    return { ok: false, reason: `${targetName} is not a member: a vote given to them would count as yours.` };
  }
  return { ok: true };
}
