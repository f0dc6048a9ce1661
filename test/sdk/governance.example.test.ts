import { beforeAll, describe, expect, it } from "vitest";

import { governanceExample } from "../../sdk/examples/governance.ts";
import { createGovernanceChain } from "./governance.fixture.ts";
import type { GovernanceChain } from "./governance.fixture.ts";

let chain: GovernanceChain;
beforeAll(async () => {
  chain = await createGovernanceChain();
});

describe("sdk/examples/governance.ts", () => {
  it("classifies, proposes in the right house, reads the proposal back and prepares a signed vote", async () => {
    const dao = await chain.deploy();
    const payee = chain.accounts[6]!;
    const result = await governanceExample({
      publicClient: chain.publicClient,
      walletClient: chain.walletClients[1]!,
      payee,
      addresses: dao.addresses,
      startBlock: dao.startBlock,
    });
    expect(result).toEqual({
      membershipKind: "constitutional",
      firstConstitutionalIndex: 1,
      kind: "operational",
      house: "operational",
      stage: "operationalVote",
      title: "Pay for the onboarding guide",
      calls: [`send 0.1 ETH to ${payee.slice(0, 6)}…${payee.slice(-4)}`],
      voteReason: expect.stringMatching(/^Voting opens after \d{4}-\d\d-\d\dT/),
      ballot: "Ballot",
    });
  });
});

describe("README.md", () => {
  it("quotes the governance example that this file runs (every step line, in order)", async () => {
    const { readFile } = await import("node:fs/promises");
    const readme = await readFile(new URL("../../README.md", import.meta.url), "utf8");
    const example = await readFile(new URL("../../sdk/examples/governance.ts", import.meta.url), "utf8");
    const block = readme.split("<!-- governance example")[1]?.split("```ts")[1]?.split("```")[0];
    expect(block, "README has a governance example block").toBeDefined();
    const normalise = (text: string) => text.replace(/\s+/g, " ").trim();
    const steps = block!.slice(block!.indexOf("// 1."));
    const body = normalise(example);
    for (const statement of steps.split(/\n(?=\/\/ \d\.)/)) {
      expect(body, statement).toContain(normalise(statement));
    }
  });
});
