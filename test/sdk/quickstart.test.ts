import { beforeAll, describe, expect, it } from "vitest";

import { quickstart } from "../../sdk/examples/quickstart.ts";
import { createTestChain } from "./fixture.ts";
import type { TestChain } from "./fixture.ts";

let chain: TestChain;

beforeAll(async () => {
  chain = await createTestChain();
});

describe("sdk/examples/quickstart.ts", () => {
  it("creates a cell, adds a member, sets a decision owner and resolves it from a child cell", async () => {
    const { address, startBlock, concord } = await chain.deploy();
    const member = chain.accounts[1]!;
    const result = await quickstart({
      publicClient: chain.publicClient,
      walletClient: chain.walletClients[0]!,
      member,
      addresses: { cellRegistry: address },
      startBlock,
    });
    expect(result).toEqual({ guild: 1n, grants: 2n, owner: member, definedAt: 1n, path: [2n, 1n] });
    expect(await concord.cells.isMember({ cellId: result.guild, account: member })).toBe(true);
    expect((await concord.cells.getCell({ cellId: result.grants })).name).toBe("Grants");
  });
});

describe("README.md", () => {
  it("quotes the quickstart that this file runs (every step line, in order)", async () => {
    const { readFile } = await import("node:fs/promises");
    const readme = await readFile(new URL("../../README.md", import.meta.url), "utf8");
    const example = await readFile(new URL("../../sdk/examples/quickstart.ts", import.meta.url), "utf8");
    const block = readme.split("<!-- quickstart")[1]?.split("```ts")[1]?.split("```")[0];
    expect(block, "README has a quickstart block").toBeDefined();
    const normalise = (text: string) => text.replace(/\s+/g, " ").trim();
    const steps = block!.slice(block!.indexOf("// 1."));
    const body = normalise(example);
    for (const statement of steps.split(/\n(?=\/\/ \d\.)/)) {
      expect(body, statement).toContain(normalise(statement));
    }
  });
});
