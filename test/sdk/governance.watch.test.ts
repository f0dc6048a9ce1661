/**
 * watchGovernanceEvents: both houses' events as they are mined, each tagged with its house, narrowed to one
 * proposal on request.
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";

import type { GovernanceEvent, Unwatch } from "../../sdk/index.ts";
import { DAO_TEST_SETTINGS, createGovernanceChain, recogniseCall } from "./governance.fixture.ts";
import type { GovernanceChain } from "./governance.fixture.ts";

const POLL = 50;

let chain: GovernanceChain;
beforeAll(async () => {
  chain = await createGovernanceChain();
});

const unwatches: Unwatch[] = [];
afterEach(() => {
  for (const unwatch of unwatches.splice(0)) unwatch();
});

/** Waits until `ready()` holds, polling at most 400 times; fails with `what` otherwise. */
async function until(ready: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (ready()) return;
    await new Promise((resolve) => setTimeout(resolve, POLL));
  }
  throw new Error(`never saw ${what}`);
}

describe("watchGovernanceEvents", () => {
  it("delivers a proposal's creation and votes, tagged with the house that emitted them", async () => {
    const dao = await chain.deploy();
    const all: GovernanceEvent[] = [];
    unwatches.push(
      dao.readOnly.governance.watchGovernanceEvents({
        pollingInterval: POLL,
        onEvents: (events) => all.push(...events),
      }),
    );
    const { proposalId, house } = await dao.as(3).governance.proposeGovernance({
      calls: [recogniseCall(dao.addresses.cellRegistry, 2n, false)],
      description: "Stop recognising Research",
    });
    await until(() => all.some((event) => event.eventName === "ProposalCreated"), "ProposalCreated");
    const created = all.find((event) => event.eventName === "ProposalCreated")!;
    expect(created.house).toBe(house);
    expect(created.args.proposalId).toBe(proposalId);

    const mine: GovernanceEvent[] = [];
    unwatches.push(
      dao.readOnly.governance.watchGovernanceEvents({
        proposalId,
        pollingInterval: POLL,
        onEvents: (events) => mine.push(...events),
      }),
    );
    await chain.advance(DAO_TEST_SETTINGS.votingDelay + 1);
    await dao.as(3).governance.castGovernanceVote({ proposalId, support: "for" });
    await until(() => mine.some((event) => event.eventName === "VoteCast"), "VoteCast");
    expect(mine.every((event) => event.args.proposalId === proposalId)).toBe(true);
    expect(mine.find((event) => event.eventName === "VoteCast")!.args.voter).toBe(chain.accounts[3]);
  });
});
