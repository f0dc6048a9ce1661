import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";

import { InvalidInputError } from "../../sdk/index.ts";
import type { ConcordClientBase } from "../../sdk/index.ts";
import { eventCursor, idCursor, pageOf, toPageLimit } from "../../sdk/internal/page.ts";
import type { Page, PageParameters } from "../../sdk/internal/page.ts";
import { createInfiniteQueryOptions } from "../../sdk/react/internal.ts";

const ids = Array.from({ length: 7 }, (_, i) => BigInt(i + 1));
const byId = (parameters: { limit?: number; cursor?: string | null }) =>
  pageOf(
    ids,
    parameters,
    (id) => id.toString(),
    (id, cursor) => id > BigInt(cursor),
  );

describe("pages of growing lists", () => {
  it("walks a list page by page with the next cursor, every item once", () => {
    const seen: bigint[] = [];
    let cursor: string | null = null;
    for (let guard = 0; guard < 10; guard++) {
      const page = byId({ limit: 3, cursor });
      seen.push(...page.items);
      cursor = page.next;
      if (cursor === null) break;
    }
    expect(seen).toEqual(ids);
  });

  it("gives no next cursor on the last page, and an empty page after the end", () => {
    expect(byId({ limit: 7 })).toEqual({ items: ids, next: null });
    expect(byId({ limit: 3, cursor: "7" })).toEqual({ items: [], next: null });
  });

  it("refuses limits outside 1..500 and malformed cursors, naming the value", () => {
    for (const limit of [0, -1, 1.5, 501, Number.NaN])
      expect(() => toPageLimit(limit)).toThrow(InvalidInputError);
    expect(toPageLimit(undefined)).toBe(50);
    expect(() => idCursor("12:3")).toThrow(/decimal id/);
    expect(() => eventCursor("12")).toThrow(/block:logIndex/);
    expect(eventCursor("120:3")).toEqual({ blockNumber: 120n, logIndex: 3 });
    expect(idCursor(null)).toBeNull();
  });
});

describe("the React entry's pages of a list", () => {
  it("fetches the first page, then each next cursor, under a key apart from the one-page query's", async () => {
    const calls: (string | null | undefined)[] = [];
    const listNumbers = async (
      _client: ConcordClientBase,
      parameters: PageParameters = {},
    ): Promise<Page<bigint>> => {
      calls.push(parameters.cursor);
      return byId(parameters);
    };
    const options = createInfiniteQueryOptions("listNumbers", listNumbers);
    const client = {
      chainId: 31337,
      addresses: { cellRegistry: "0x0000000000000000000000000000000000000001" },
    };
    const pages = options(client as unknown as ConcordClientBase, { limit: 3 });
    expect(pages.queryKey[2]).toMatchObject({ limit: 3, pages: true });
    const queryClient = new QueryClient();
    const data = await queryClient.fetchInfiniteQuery({ ...pages, pages: 3 });
    expect(data.pages.flatMap((page) => page.items)).toEqual(ids);
    expect(calls).toEqual([null, "3", "6"]);
  });
});
