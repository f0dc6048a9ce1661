/**
 * Formatting shared by the screens: addresses, hashes, times, roles, links.
 */
import { getAddress, isAddress } from "viem";
import type { Address, Hex } from "viem";

import { Roles, rolesToNames, shortAddress } from "../../../sdk/index.ts";

export { shortAddress };

/** A label for a known account ("Alice"), else null. */
export type AccountNamer = (address: Address) => string | null;

/**
 * "Alice (0xf39F…2266)" for a known account, the short address otherwise.
 *
 * @example
 * accountLabel("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266", () => "Alice"); // "Alice (0xf39F…2266)"
 */
export function accountLabel(address: Address, nameOf?: AccountNamer): string {
  const name = nameOf?.(address);
  return name ? `${name} (${shortAddress(address)})` : shortAddress(address);
}

/**
 * Shortens a 32-byte hash: `0x1234ab…cdef`.
 *
 * @example
 * shortHash("0x" + "ab".repeat(32)); // "0xabab…abab"
 */
export function shortHash(hash: Hex | string): string {
  return hash.length > 14 ? `${hash.slice(0, 6)}…${hash.slice(-4)}` : hash;
}

/**
 * The roles of a bitmask in words: "member, steward and delegate"; "" for none.
 *
 * @example
 * rolesLabel(3); // "member and steward"
 */
export function rolesLabel(roles: number): string {
  const names = rolesToNames(roles);
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/**
 * Names in words, at most `max` of them: "Infra", "Infra and Community", "Infra, Community and 2 more".
 *
 * @example
 * listNames(["A", "B", "C", "D"]); // "A, B and 2 more"
 */
export function listNames(names: readonly string[], max = 2): string {
  if (names.length <= 1) return names.join("");
  if (names.length <= max) return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  return `${names.slice(0, max).join(", ")} and ${names.length - max} more`;
}

/**
 * An account's standing across the DAO in a few words, from the chain's roles and join requests:
 * "steward of Concord DAO", "steward of Infra · member of Research guild", "asked to join Community",
 * "no cell yet". Stewardship names the cells where the account holds the steward role itself.
 *
 * @example
 * standingLabel([{ id: 2n, name: "Infra" }], new Map([[2n, { roles: 3, joinRequestedAt: null }]]));
 * // "steward of Infra"
 */
export function standingLabel(
  cells: readonly { id: bigint; name: string }[],
  standing: ReadonlyMap<bigint, { roles: number; joinRequestedAt: bigint | null }>,
): string {
  const stewardOf: string[] = [];
  const memberOf: string[] = [];
  const asked: string[] = [];
  for (const cell of cells) {
    const own = standing.get(cell.id);
    if (!own) continue;
    if ((own.roles & Roles.STEWARD) !== 0) stewardOf.push(cell.name);
    else if (own.roles !== 0) memberOf.push(cell.name);
    else if (own.joinRequestedAt !== null) asked.push(cell.name);
  }
  const parts = [
    stewardOf.length ? `steward of ${listNames(stewardOf)}` : "",
    memberOf.length ? `member of ${listNames(memberOf)}` : "",
    asked.length ? `asked to join ${listNames(asked)}` : "",
  ].filter(Boolean);
  return parts.length ? parts.join(" · ") : "no cell yet";
}

/**
 * A Unix time as "2025-11-21 12:49 UTC" (stable across locales, for tests and screenshots).
 *
 * @example
 * formatDateTime(1_700_000_000n); // "2023-11-14 22:13 UTC"
 */
export function formatDateTime(seconds: bigint | number): string {
  const ms = Number(seconds) * 1000;
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return String(seconds);
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/**
 * A Unix time in the viewer's time zone and language: "7 Dec 2026, 14:05" (the UTC form,
 * {@link formatDateTime}, goes in the `title` beside it).
 *
 * @example
 * formatLocalDateTime(1_700_000_000n); // "14 Nov 2023, 23:13" in Paris
 */
export function formatLocalDateTime(seconds: bigint | number, where: Where = {}): string {
  const ms = Number(seconds) * 1000;
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return String(seconds);
  return new Intl.DateTimeFormat(where.locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: where.timeZone,
  }).format(ms);
}

/** The viewer's language and time zone (the browser's when left out; tests pass them). */
export type Where = { locale?: string | undefined; timeZone?: string | undefined };

/**
 * The time of day of a Unix time in the viewer's time zone and language: "14:05" (for the end of a window
 * whose start {@link formatLocalDateTime} gave the date of).
 *
 * @example
 * formatLocalTime(1_700_000_000n); // "23:13" in Paris
 */
export function formatLocalTime(seconds: bigint | number, where: Where = {}): string {
  const ms = Number(seconds) * 1000;
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return String(seconds);
  return new Intl.DateTimeFormat(where.locale, { timeStyle: "short", timeZone: where.timeZone }).format(ms);
}

/**
 * A time relative to `now` (both Unix seconds): "in 3 h", "5 min ago", "just now".
 *
 * @example
 * formatRelative(1000n, 400n); // "in 10 min"
 */
export function formatRelative(seconds: bigint | number, now: bigint | number): string {
  const delta = Number(seconds) - Number(now);
  const abs = Math.abs(delta);
  if (abs < 45) return "just now";
  // [from how far away, unit size, unit]: hours up to two days, days up to two months…
  const units: [number, number, string][] = [
    [86_400 * 365 * 2, 86_400 * 365, "y"],
    [86_400 * 60, 86_400 * 30, "mo"],
    [86_400 * 2, 86_400, "d"],
    [3_600, 3_600, "h"],
    [60, 60, "min"],
  ];
  const [, size, unit] = units.find(([from]) => abs >= from) ?? [60, 60, "min"];
  const amount = Math.round(abs / size);
  return delta > 0 ? `in ${amount} ${unit}` : `${amount} ${unit} ago`;
}

/** The IPFS gateway `ipfs://` links open through (build-time `VITE_CONCORD_IPFS_GATEWAY`, default ipfs.io). */
export const IPFS_GATEWAY: string = (
  (import.meta.env?.VITE_CONCORD_IPFS_GATEWAY as string | undefined) || "https://ipfs.io/ipfs/"
).replace(/\/*$/, "/");

/**
 * Where a document URI (a nucleus, an agreement's terms) can be opened in a browser: http(s) as is,
 * `ipfs://` through the IPFS gateway (`gateway`, {@link IPFS_GATEWAY} by default), `ar://` through
 * arweave.net. Anything else (javascript:, data:…) gets no link.
 *
 * @example
 * safeHref("ipfs://bafy…/nucleus.md"); // "https://ipfs.io/ipfs/bafy…/nucleus.md"
 * safeHref("javascript:alert(1)"); // null
 */
export function safeHref(uri: string, gateway: string = IPFS_GATEWAY): string | null {
  const value = uri.trim();
  if (/^https?:\/\/[^\s]+$/i.test(value)) return value;
  const ipfs = /^ipfs:\/\/(?:ipfs\/)?([^\s]+)$/i.exec(value);
  if (ipfs) return `${gateway}${ipfs[1]}`;
  const arweave = /^ar:\/\/([^\s]+)$/i.exec(value);
  if (arweave) return `https://arweave.net/${arweave[1]}`;
  return null;
}

/**
 * Why nobody may be able to read a document, before anyone commits to it: no link, or a link a browser
 * cannot open. Null when the link opens.
 *
 * @example
 * documentWarning(""); // "No document link was given: …"
 */
export function documentWarning(uri: string): string | null {
  if (uri.trim() === "") {
    return "No document link was given: only its hash is on-chain. Ask for the text and check it against the hash before you commit to it.";
  }
  if (safeHref(uri) === null) {
    return "This document link cannot be opened in a browser (only https, ipfs:// and ar:// links can): ask for the text and check it against the hash before you commit to it.";
  }
  return null;
}

/**
 * Parses an address typed by a person, or returns null.
 *
 * @example
 * parseAddress(" 0x70997970c51812dc3a010c7d01b50e0d17dc79c8 "); // "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"
 */
export function parseAddress(text: string): Address | null {
  const value = text.trim();
  return isAddress(value, { strict: false }) ? getAddress(value) : null;
}

/**
 * "1 member", "3 members".
 *
 * @example
 * plural(2, "cell"); // "2 cells"
 */
export function plural(count: number | bigint, noun: string, many = `${noun}s`): string {
  return `${count} ${BigInt(count) === 1n ? noun : many}`;
}

/**
 * A name cut to `max` characters with an ellipsis, for plain-text places (a `<select>`'s options, a
 * transaction's description) where the `Name` component's CSS cannot apply. Counts characters (code
 * points), so an emoji is never split in half.
 *
 * @example
 * truncateName("Infra"); // "Infra"
 * truncateName("x".repeat(100), 10); // "xxxxxxxxx…"
 */
export function truncateName(name: string, max = 32): string {
  const chars = [...name];
  return chars.length <= max ? name : `${chars.slice(0, max - 1).join("")}…`;
}

/**
 * A `datetime-local` input value ("2025-11-21T12:49") to Unix seconds, in the browser's time zone.
 * Returns null for an empty or invalid value.
 *
 * @example
 * localInputToSeconds("2030-01-01T00:00"); // 1893456000n in UTC
 */
export function localInputToSeconds(value: string): bigint | null {
  if (!value) return null;
  const ms = new Date(value).getTime();
  return Number.isFinite(ms) ? BigInt(Math.floor(ms / 1000)) : null;
}

/**
 * One page of a list: `size` items from page `page` (0-based, clamped), and the number of pages.
 *
 * @example
 * paginate([1, 2, 3], 1, 2); // { items: [3], page: 1, pages: 2 }
 */
export function paginate<item>(
  items: readonly item[],
  page: number,
  size: number,
): { items: item[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const clamped = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  return { items: items.slice(clamped * size, clamped * size + size), page: clamped, pages };
}
