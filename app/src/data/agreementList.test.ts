/**
 * The agreements page's data on Hardhat's in-process chain: one page at a time, newest first, with the page's
 * filters (status, mine, cell, and mine AND cell), in two requests a page (three with "mine": the stewardship of
 * the party cells), and "Show more" as the next cursor.
 */
import type { Address } from "viem";
import { beforeAll, describe, expect, it } from "vitest";

import { createConcordClient } from "../../../sdk/index.ts";
import type { ConcordClient } from "../../../sdk/index.ts";
import { TERMS, TITLE, URI, createAgreementsChain } from "../../../test/sdk/agreements.fixture.ts";
import type { AgreementsChain } from "../../../test/sdk/agreements.fixture.ts";
import { allAgreements } from "../lib/agreements.ts";
import {
  AGREEMENTS_PAGE_SIZE,
  agreementListParameters,
  loadAgreementListPage,
  narrowAgreementPage,
} from "./agreementList.ts";

let chain: AgreementsChain;
let counted: ConcordClient;
let methods: string[];
let founder: Address;
let alice: Address;
let bob: Address;
let guild: bigint;
let child: bigint;

beforeAll(async () => {
  chain = await createAgreementsChain();
  [founder, alice, bob] = chain.accounts as [Address, Address, Address];
  const { as, concord, addresses, startBlock } = await chain.deploy();
  guild = (await concord.cells.createCell({ name: "Guild" })).cellId;
  child = (await concord.cells.createCell({ parentId: guild, name: "Child" })).cellId;
  // 25 agreements: every third with Child as a party (3, 6, …, 24), the others between alice and bob.
  for (let i = 1; i <= 25; i++) {
    await as(3).agreements.proposeAgreement({
      title: TITLE,
      termsURI: URI,
      terms: TERMS,
      accounts: i % 3 === 0 ? [alice] : [alice, bob],
      cells: i % 3 === 0 ? [child] : [],
    });
  }
  await as(1).agreements.acknowledgeAgreement({ agreementId: 25n, terms: TERMS });
  await as(2).agreements.acknowledgeAgreement({ agreementId: 25n, terms: TERMS });
  const counting = await chain.countingPublicClient();
  methods = counting.methods;
  counted = createConcordClient({ publicClient: counting.client, addresses, startBlock });
}, 120_000);

const ids = (page: { items: { id: bigint }[] }) => page.items.map((item) => Number(item.id));

describe("the agreements page's data", () => {
  it("reads the newest page first, then the next one from its cursor, two requests each", async () => {
    methods.length = 0;
    const first = await loadAgreementListPage(counted, allAgreements, null, null);
    expect(ids(first)).toEqual(Array.from({ length: AGREEMENTS_PAGE_SIZE }, (_, i) => 25 - i));
    expect(first.next).toBe("6");
    expect(methods).toEqual(["eth_getLogs", "eth_call"]);
    expect(first.items[0]).toMatchObject({ statusName: "active", acknowledgedCount: 2, partyCount: 2 });

    methods.length = 0;
    const more = await loadAgreementListPage(counted, allAgreements, null, first.next);
    expect(ids(more)).toEqual([5, 4, 3, 2, 1]);
    expect(more.next).toBeNull();
    expect(methods).toEqual(["eth_getLogs", "eth_call"]);
  });

  it("keeps the page's filters: status, a cell, mine (a party or a steward of one), mine AND a cell", async () => {
    const active = await loadAgreementListPage(counted, { ...allAgreements, status: "active" }, null, null);
    expect(ids(active)).toEqual([25]);
    // A status filters each page's items after their live read: the first page holds one, and more may follow.
    expect(active.next).toBe("6");

    const childs = await loadAgreementListPage(counted, { ...allAgreements, cellId: child }, null, null);
    expect(ids(childs)).toEqual([24, 21, 18, 15, 12, 9, 6, 3]);
    expect(childs.next).toBeNull();

    // founder stewards Guild and, through it, Child: its agreements are Child's.
    methods.length = 0;
    const founders = await loadAgreementListPage(counted, { ...allAgreements, mine: true }, founder, null);
    expect(ids(founders)).toEqual([24, 21, 18, 15, 12, 9, 6, 3]);
    expect(founders.items.every((item) => item.involvement.join() === "steward")).toBe(true);
    expect(methods).toEqual(["eth_getLogs", "eth_call", "eth_call"]);

    // bob's (account party) AND Child's: none; alice's AND Child's: Child's.
    const bobsChild = await loadAgreementListPage(
      counted,
      { ...allAgreements, mine: true, cellId: child },
      bob,
      null,
    );
    expect(bobsChild.items).toEqual([]);
    const alicesChild = await loadAgreementListPage(
      counted,
      { ...allAgreements, mine: true, cellId: child },
      alice,
      null,
    );
    // Narrowed on the page: alice's 20 newest hold 7 of Child's; the 8th is on the next page.
    expect(ids(alicesChild)).toEqual([24, 21, 18, 15, 12, 9, 6]);
    expect(alicesChild.next).toBe("6");
    // "mine" without a connected account is every agreement.
    expect(
      ids(await loadAgreementListPage(counted, { ...allAgreements, mine: true }, null, null)),
    ).toHaveLength(AGREEMENTS_PAGE_SIZE);
  });

  it("maps the filters to listAgreements parameters, and narrows 'mine AND cell' on the page", () => {
    expect(agreementListParameters(allAgreements, alice)).toEqual({
      order: "desc",
      limit: AGREEMENTS_PAGE_SIZE,
    });
    expect(agreementListParameters({ status: "proposed", mine: true, cellId: 2n }, alice)).toEqual({
      order: "desc",
      limit: AGREEMENTS_PAGE_SIZE,
      status: "proposed",
      account: alice,
      includeStewardedCells: true,
    });
    expect(agreementListParameters({ status: "all", mine: true, cellId: 2n }, null)).toEqual({
      order: "desc",
      limit: AGREEMENTS_PAGE_SIZE,
      cell: 2n,
    });
    const page = {
      items: [{ cells: [2n] }, { cells: [] }, { cells: [3n, 2n] }] as never[],
      next: "9",
    };
    expect(narrowAgreementPage(page, { status: "all", mine: true, cellId: 2n })).toEqual({
      items: [page.items[0], page.items[2]],
      next: "9",
    });
    expect(narrowAgreementPage(page, { status: "all", mine: false, cellId: 2n })).toBe(page);
  });
});
