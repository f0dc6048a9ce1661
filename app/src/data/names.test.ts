import { describe, expect, it } from "vitest";

import { ensResolverOf, namesKeys } from "./names.ts";

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
});
