/**
 * The member directory's plain logic: search over names and addresses, pages, and whether the viewer may
 * delegate to a member (with the reason when not).
 */
import type { Address } from "viem";

import type { RosterEntry } from "../../../../sdk/index.ts";
import { paginate } from "../../lib/format.ts";
import type { AccountNamer } from "../../lib/format.ts";
import type { Permission } from "../../lib/permissions.ts";

/** Members shown per page (one batched read of their votes and seats per page). */
export const DIRECTORY_PAGE_SIZE = 20;

const same = (a: Address | null, b: Address | null) =>
  a !== null && b !== null && a.toLowerCase() === b.toLowerCase();

/**
 * The roster entries matching `query` (a part of a name or an address; "you" finds the viewer), the viewer
 * first.
 *
 * @example
 * searchRoster(entries, "car", nameOf, null); // Carol's entry
 */
export function searchRoster(
  entries: readonly RosterEntry[],
  query: string,
  nameOf: AccountNamer,
  viewer: Address | null,
): RosterEntry[] {
  const needle = query.trim().toLowerCase();
  const found = entries.filter((entry) => {
    if (needle === "") return true;
    if (needle === "you" && same(entry.account, viewer)) return true;
    const name = nameOf(entry.account)?.toLowerCase() ?? "";
    const address = entry.account.toLowerCase();
    return name.includes(needle) || address.includes(needle) || address.slice(2).startsWith(needle);
  });
  const mine = found.filter((entry) => same(entry.account, viewer));
  return [...mine, ...found.filter((entry) => !same(entry.account, viewer))];
}

/**
 * One page of `items` (pages count from 0; a page past the end shows the last one).
 *
 * @example
 * pageOf([1, 2, 3], 1, 2); // { items: [3], page: 1, pages: 2 }
 */
export function pageOf<item>(
  items: readonly item[],
  page: number,
  size = DIRECTORY_PAGE_SIZE,
): { items: item[]; page: number; pages: number } {
  return paginate(items, page, size);
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
