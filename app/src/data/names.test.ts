import { describe, expect, it } from "vitest";

import { ensResolverOf, mayLookUp, namesKeys } from "./names.ts";

describe("ENS names", () => {
  it("looks names up only on a chain with ENS", () => {
    expect(ensResolverOf({ id: 31337 })).toBeNull();
    expect(ensResolverOf({ id: 1 })).toMatch(/^0xeeeeeeee/);
    const custom = "0x0000000000000000000000000000000000000e25" as const;
    expect(ensResolverOf({ id: 5, contracts: { ensUniversalResolver: { address: custom } } })).toBe(custom);
  });

  it("keys a name by chain and address, outside the block-refreshed queries", () => {
    expect(namesKeys.ens(1, "0xAbC0000000000000000000000000000000000001")).toEqual([
      "names",
      1,
      "ens",
      "0xabc0000000000000000000000000000000000001",
    ]);
  });

  it("looks up a bounded number of distinct addresses, each once", () => {
    const seen = new Set<string>();
    const a = "0xAbC0000000000000000000000000000000000001" as const;
    const b = "0xabc0000000000000000000000000000000000002" as const;
    const c = "0xabc0000000000000000000000000000000000003" as const;
    expect(mayLookUp(a, seen, 2)).toBe(true);
    expect(mayLookUp(a.toLowerCase() as `0x${string}`, seen, 2)).toBe(true); // the same address
    expect(mayLookUp(b, seen, 2)).toBe(true);
    expect(mayLookUp(c, seen, 2)).toBe(false); // over the bound: shown by its address
    expect(mayLookUp(a, seen, 2)).toBe(true); // still cached
    expect(seen.size).toBe(2);
  });
});
