import { describe, expect, it } from "vitest";

import {
  accountLabel,
  formatDateTime,
  formatRelative,
  listNames,
  localInputToSeconds,
  parseAddress,
  plural,
  rolesLabel,
  safeHref,
  documentWarning,
  shortHash,
  standingLabel,
  truncateName,
} from "./format.ts";

const alice = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

describe("format", () => {
  it("cuts long names for plain-text places, never inside a character", () => {
    expect(truncateName("Infra")).toBe("Infra");
    expect(truncateName("x".repeat(32))).toBe("x".repeat(32));
    expect(truncateName("x".repeat(33))).toBe(`${"x".repeat(31)}…`);
    expect(truncateName("🌱".repeat(40), 5)).toBe("🌱🌱🌱🌱…");
  });

  it("labels accounts with their known name", () => {
    expect(accountLabel(alice, () => "Alice")).toBe("Alice (0xf39F…2266)");
    expect(accountLabel(alice, () => null)).toBe("0xf39F…2266");
    expect(accountLabel(alice)).toBe("0xf39F…2266");
  });

  it("shortens hashes", () => {
    expect(shortHash(`0x${"ab".repeat(32)}`)).toBe("0xabab…abab");
    expect(shortHash("0x1234")).toBe("0x1234");
  });

  it("says roles in words", () => {
    expect(rolesLabel(0)).toBe("");
    expect(rolesLabel(1)).toBe("member");
    expect(rolesLabel(3)).toBe("member and steward");
    expect(rolesLabel(7)).toBe("member, steward and delegate");
  });

  it("formats times in UTC, absolute and relative", () => {
    expect(formatDateTime(1_700_000_000n)).toBe("2023-11-14 22:13 UTC");
    expect(formatDateTime(2n ** 80n)).toBe(String(2n ** 80n));
    expect(formatRelative(1000n, 400n)).toBe("in 10 min");
    expect(formatRelative(400n, 1000n)).toBe("10 min ago");
    expect(formatRelative(100n, 90n)).toBe("just now");
    expect(formatRelative(86_400n * 3n, 0n)).toBe("in 3 d");
    expect(formatRelative(86_400n, 0n)).toBe("in 24 h");
    expect(formatRelative(86_400n * 400n, 0n)).toBe("in 13 mo");
    expect(formatRelative(0n, 7200n)).toBe("2 h ago");
  });

  it("links only safe nucleus URIs", () => {
    expect(safeHref("https://example.org/nucleus.md")).toBe("https://example.org/nucleus.md");
    expect(safeHref("ipfs://bafy123/doc.md")).toBe("https://ipfs.io/ipfs/bafy123/doc.md");
    expect(safeHref("ipfs://ipfs/bafy123")).toBe("https://ipfs.io/ipfs/bafy123");
    expect(safeHref("ar://abc")).toBe("https://arweave.net/abc");
    expect(safeHref("javascript:alert(1)")).toBeNull();
    expect(safeHref("data:text/html,<script>")).toBeNull();
    expect(safeHref("")).toBeNull();
    expect(safeHref("ipfs://bafy123", "https://gateway.example/ipfs/")).toBe(
      "https://gateway.example/ipfs/bafy123",
    );
  });

  it("warns when a document cannot be read", () => {
    expect(documentWarning("")).toMatch(/^No document link was given/);
    expect(documentWarning("ftp://example.org/terms.md")).toMatch(/cannot be opened in a browser/);
    expect(documentWarning("ipfs://bafy123")).toBeNull();
    expect(documentWarning("https://example.org/terms.md")).toBeNull();
  });

  it("parses addresses typed by people", () => {
    expect(parseAddress(` ${alice.toLowerCase()} `)).toBe(alice);
    expect(parseAddress("0x1234")).toBeNull();
    expect(parseAddress("alice")).toBeNull();
  });

  it("pluralises and converts datetime-local values", () => {
    expect(plural(1, "member")).toBe("1 member");
    expect(plural(2n, "cell")).toBe("2 cells");
    expect(localInputToSeconds("")).toBeNull();
    expect(localInputToSeconds("not a date")).toBeNull();
    expect(localInputToSeconds("2030-01-01T00:00")).toBe(
      BigInt(new Date("2030-01-01T00:00").getTime() / 1000),
    );
  });

  it("says an account's standing across the DAO from its roles and join requests", () => {
    const cells = [
      { id: 1n, name: "Concord DAO" },
      { id: 2n, name: "Infra" },
      { id: 3n, name: "Community" },
      { id: 4n, name: "Research guild" },
    ];
    const standing = (...entries: [bigint, number, bigint | null][]) =>
      new Map(entries.map(([id, roles, joinRequestedAt]) => [id, { roles, joinRequestedAt }]));
    expect(standingLabel(cells, standing([1n, 3, null], [2n, 0, null]))).toBe("steward of Concord DAO");
    expect(standingLabel(cells, standing([2n, 1, null]))).toBe("member of Infra");
    // Roles change on chain: the label follows (steward, then a member of another cell too).
    expect(standingLabel(cells, standing([2n, 3, null], [4n, 1, null]))).toBe(
      "steward of Infra · member of Research guild",
    );
    // A delegate is a member; a pending request counts only where the account holds no role.
    expect(standingLabel(cells, standing([3n, 7, null], [2n, 5, null], [4n, 0, 99n]))).toBe(
      "steward of Community · member of Infra · asked to join Research guild",
    );
    expect(standingLabel(cells, standing([3n, 0, 12n]))).toBe("asked to join Community");
    expect(standingLabel(cells, standing([2n, 0, null]))).toBe("no cell yet");
    expect(standingLabel(cells, new Map())).toBe("no cell yet");
    expect(standingLabel(cells, standing([1n, 1, null], [2n, 1, null], [3n, 1, null], [4n, 1, null]))).toBe(
      "member of Concord DAO, Infra and 2 more",
    );
    expect(listNames([])).toBe("");
    expect(listNames(["A"])).toBe("A");
    expect(listNames(["A", "B"])).toBe("A and B");
    expect(listNames(["A", "B", "C"], 3)).toBe("A, B and C");
  });
});
