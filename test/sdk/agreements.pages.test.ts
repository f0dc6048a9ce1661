/**
 * `listAgreements` as pages (issues 12 and 13): keyset pages by id in both orders, the limits and cursors it
 * refuses, its filters page by page, reads at an older block (with `agreementTimeline` and `getAgreement`), what
 * each read sends (a counting transport), and the indexer path (one request to the list endpoint, one batch of
 * the page's items) through a stand-in indexer.
 */
import { QueryClient } from "@tanstack/react-query";
import type { Address } from "viem";
import { beforeAll, describe, expect, it } from "vitest";

import { InvalidInputError } from "../../sdk/index.ts";
import type { ConcordClient } from "../../sdk/index.ts";
import type { AgreementRow } from "../../sdk/indexer/rows.ts";
import { listAgreementsInfiniteQueryOptions, listAgreementsQueryOptions } from "../../sdk/react/index.ts";
import { TERMS, TERMS_V2, TITLE, URI, createAgreementsChain, proposeBetween } from "./agreements.fixture.ts";
import type { AgreementsChain, AgreementsDeployment } from "./agreements.fixture.ts";
import { countingConcordClient, rejection, walkPages } from "./fixture.ts";

let chain: AgreementsChain;

beforeAll(async () => {
  chain = await createAgreementsChain();
});

const ids = (page: { items: { id: bigint }[] }) => page.items.map((item) => item.id);

/**
 * A small DAO: founder's Guild with a Child cell, and seven agreements:
 * 1 alice+bob (active), 2 alice+Child, 3 bob+Guild, 4 carol+dave, 5 alice+bob (withdrawn), 6 bob+Child, 7 the
 * amendment of 1 (proposed, with the parties of 1); 2, 3, 4 and 6 are proposed.
 */
async function smallDao(deployment: AgreementsDeployment) {
  const { as, concord } = deployment;
  const { alice, bob, carol, dave } = chain.names;
  const guild = (await concord.cells.createCell({ name: "Guild" })).cellId;
  const child = (await concord.cells.createCell({ parentId: guild, name: "Child" })).cellId;
  const propose = (accounts: Address[], cells: bigint[] = []) => proposeBetween(as(3), accounts, cells);
  const first = await propose([alice, bob]);
  await propose([alice], [child]);
  await propose([bob], [guild]);
  await propose([carol, dave]);
  const withdrawn = await propose([alice, bob]);
  await as(3).agreements.withdrawAgreement({ agreementId: withdrawn });
  await propose([bob], [child]);
  await as(1).agreements.acknowledgeAgreement({ agreementId: first, terms: TERMS });
  await as(2).agreements.acknowledgeAgreement({ agreementId: first, terms: TERMS });
  const { amendmentId } = await as(1).agreements.amendAgreement({
    agreementId: first,
    title: TITLE,
    termsURI: URI,
    terms: TERMS_V2,
  });
  expect(amendmentId).toBe(7n);
  return { guild, child };
}

describe("listAgreements: pages", () => {
  it("walks every agreement in pages by id, oldest or newest first, each cursor the last id of its page", async () => {
    const { alice, bob } = chain.names;
    const deployment = await chain.deploy();
    await smallDao(deployment);
    const { readOnly } = deployment;

    const oldest = await walkPages((cursor) => readOnly.agreements.listAgreements({ limit: 3, cursor }));
    expect(oldest.map(ids)).toEqual([[1n, 2n, 3n], [4n, 5n, 6n], [7n]]);
    expect(oldest.map((page) => page.next)).toEqual(["3", "6", null]);

    const newest = await walkPages((cursor) =>
      readOnly.agreements.listAgreements({ limit: 3, cursor, order: "desc" }),
    );
    expect(newest.map(ids)).toEqual([[7n, 6n, 5n], [4n, 3n, 2n], [1n]]);
    expect(newest.map((page) => page.next)).toEqual(["5", "2", null]);

    // The pages together are the whole list, item for item.
    const whole = await readOnly.agreements.listAgreements({ limit: 500 });
    expect(whole.next).toBeNull();
    expect(oldest.flatMap((page) => page.items)).toEqual(whole.items);
    // A page exactly as long as what is left has no next; the default limit is 50.
    expect((await readOnly.agreements.listAgreements({ limit: 7 })).next).toBeNull();
    expect((await readOnly.agreements.listAgreements({ limit: 6 })).next).toBe("6");
    expect(ids(await readOnly.agreements.listAgreements())).toHaveLength(7);
    // A cursor past the end, or before the start in newest-first order, is an empty last page.
    expect(await readOnly.agreements.listAgreements({ cursor: "7" })).toEqual({ items: [], next: null });
    expect(await readOnly.agreements.listAgreements({ cursor: "1", order: "desc" })).toEqual({
      items: [],
      next: null,
    });
    expect(await readOnly.agreements.listAgreements({ cursor: "9".repeat(78) })).toEqual({
      items: [],
      next: null,
    });
    // A cursor need not be an existing id (an agreement on another path's page): keyset, not position.
    expect(ids(await readOnly.agreements.listAgreements({ cursor: "0", limit: 2 }))).toEqual([1n, 2n]);

    // The React entry: one page under the read's key, or the pages (first, then each next) under their own.
    const queryClient = new QueryClient();
    const one = listAgreementsQueryOptions(readOnly, { limit: 3, order: "desc" });
    expect(await queryClient.fetchQuery(one)).toEqual(newest[0]);
    const infinite = listAgreementsInfiniteQueryOptions(readOnly, { limit: 3, order: "desc" });
    expect(infinite.queryKey).not.toEqual(one.queryKey);
    const data = await queryClient.fetchInfiniteQuery({ ...infinite, pages: 3 });
    expect(data.pages).toEqual(newest);
    expect(data.pageParams).toEqual([null, "5", "2"]);

    // Each item carries its live state: acknowledgements, activation, the amendment with its original's parties.
    const [amended, amendment] = [whole.items[0]!, whole.items[6]!];
    expect(amended).toMatchObject({
      statusName: "active",
      supersededBy: null,
      acknowledgedCount: 2,
      partyCount: 2,
    });
    expect(amended.acknowledgedMask).toBe(0b11);
    expect(amended.activatedAt).not.toBeNull();
    expect(amendment).toMatchObject({
      statusName: "proposed",
      amends: 1n,
      accounts: [alice, bob],
      cells: [],
      partyCount: 2,
      acknowledgedCount: 0,
    });
    expect(whole.items[4]).toMatchObject({ statusName: "withdrawn", activatedAt: null, acknowledgedMask: 0 });
  });

  it("refuses a bad limit, cursor or order with an InvalidInputError naming the value, before any request", async () => {
    const deployment = await chain.deploy();
    const { concord: counted, methods } = await countingConcordClient(chain, deployment);
    const invalid = async (parameters: object, parameter: string, value: unknown) => {
      const error = await rejection(counted.agreements.listAgreements(parameters as never));
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).parameter).toBe(parameter);
      expect((error as InvalidInputError).value).toEqual(value);
    };
    await invalid({ limit: 0 }, "limit", 0);
    await invalid({ limit: 501 }, "limit", 501);
    await invalid({ limit: 2.5 }, "limit", 2.5);
    await invalid({ limit: "10" }, "limit", "10");
    await invalid({ limit: Number.NaN }, "limit", Number.NaN);
    await invalid({ cursor: "abc" }, "cursor", "abc");
    await invalid({ cursor: "-1" }, "cursor", "-1");
    // An event cursor (block:logIndex) is another list's: refused, not misread.
    await invalid({ cursor: "12:3" }, "cursor", "12:3");
    await invalid({ cursor: 3 }, "cursor", 3);
    await invalid({ cursor: "1".repeat(79) }, "cursor", "1".repeat(79));
    await invalid({ order: "newest" }, "order", "newest");
    await invalid({ cell: 0n }, "cell", 0n);
    await invalid({ account: "0x1234" }, "account", "0x1234");
    await invalid({ blockNumber: 3n, blockTag: "latest" }, "blockNumber", {
      blockNumber: 3n,
      blockTag: "latest",
    });
    await invalid({ blockNumber: -1n }, "blockNumber", -1n);
    expect(methods).toEqual([]);
    // getAgreements takes at most a page of ids.
    const many = Array.from({ length: 501 }, (_, i) => BigInt(i + 1));
    const error = await rejection(counted.agreements.getAgreements({ agreementIds: many }));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).parameter).toBe("agreementIds");
    expect(methods).toEqual([]);
  });

  it("keeps its filters page by page: account, cell, stewarded cells, amendments left out, status", async () => {
    const { founder, alice, bob, carol } = chain.names;
    const deployment = await chain.deploy();
    const { guild, child } = await smallDao(deployment);
    const { readOnly } = deployment;
    const all = async (parameters: Parameters<ConcordClient["agreements"]["listAgreements"]>[0]) =>
      (
        await walkPages((cursor) => readOnly.agreements.listAgreements({ ...parameters, limit: 2, cursor }))
      ).flatMap((page) => page.items);

    expect((await all({ account: alice })).map((a) => a.id)).toEqual([1n, 2n, 5n, 7n]);
    expect((await all({ account: alice })).every((a) => a.involvement.join() === "account")).toBe(true);
    expect((await all({ cell: child })).map((a) => a.id)).toEqual([2n, 6n]);
    // Either filter matches.
    expect((await all({ account: carol, cell: guild })).map((a) => [a.id, a.involvement])).toEqual([
      [3n, ["cell"]],
      [4n, ["account"]],
    ]);
    // founder stewards Guild and, through it, Child.
    expect(
      (await all({ account: founder, includeStewardedCells: true })).map((a) => [a.id, a.involvement]),
    ).toEqual([
      [2n, ["steward"]],
      [3n, ["steward"]],
      [6n, ["steward"]],
    ]);
    // Without the flag, founder is a party of nothing.
    expect(await all({ account: founder })).toEqual([]);
    expect((await all({ excludeAmendments: true })).map((a) => a.id)).toEqual([1n, 2n, 3n, 4n, 5n, 6n]);
    expect((await all({ account: bob, excludeAmendments: true, order: "desc" })).map((a) => a.id)).toEqual([
      6n,
      5n,
      3n,
      1n,
    ]);

    // A status filters each page's items after their live read: pages keep their cursors, some hold fewer.
    const proposed = await walkPages((cursor) =>
      readOnly.agreements.listAgreements({ status: "proposed", limit: 2, cursor }),
    );
    expect(proposed.map(ids)).toEqual([[2n], [3n, 4n], [6n], [7n]]);
    expect(proposed.map((page) => page.next)).toEqual(["2", "4", "6", null]);
    expect((await all({ status: ["active", "withdrawn"] })).map((a) => [a.id, a.statusName])).toEqual([
      [1n, "active"],
      [5n, "withdrawn"],
    ]);
  });

  it("reads at an older block: the agreements proposed by then, their state then, their timeline up to then", async () => {
    const { alice, bob, carol, dave } = chain.names;
    const deployment = await chain.deploy();
    const { as, readOnly } = deployment;
    const proposed = await proposeBetween(as(3), [alice, bob]);
    await as(1).agreements.acknowledgeAgreement({ agreementId: proposed, terms: TERMS });
    const before = await chain.publicClient.getBlockNumber();
    // After the block: bob acknowledges (the agreement activates) and another is proposed.
    await as(2).agreements.acknowledgeAgreement({ agreementId: proposed, terms: TERMS });
    await proposeBetween(as(3), [carol, dave]);

    const then = await readOnly.agreements.listAgreements({ blockNumber: before });
    expect(then.items.map((a) => [a.id, a.statusName, a.acknowledgedCount, a.activatedAt])).toEqual([
      [1n, "proposed", 1, null],
    ]);
    const now = await readOnly.agreements.listAgreements();
    expect(now.items.map((a) => [a.id, a.statusName, a.acknowledgedCount])).toEqual([
      [1n, "active", 2],
      [2n, "proposed", 0],
    ]);
    // A tag reads at the block it names.
    expect(await readOnly.agreements.listAgreements({ blockTag: "latest" })).toEqual(now);

    const timelineThen = await readOnly.agreements.agreementTimeline({
      agreementId: 1n,
      blockNumber: before,
    });
    expect(timelineThen.map((entry) => entry.kind)).toEqual(["proposed", "acknowledged"]);
    expect(
      (await readOnly.agreements.agreementTimeline({ agreementId: 1n })).map((entry) => entry.kind),
    ).toEqual(["proposed", "acknowledged", "acknowledged", "activated"]);
    const agreementThen = await readOnly.agreements.getAgreement({ agreementId: 1n, blockNumber: before });
    expect(agreementThen.statusName).toBe("proposed");
    expect(agreementThen.parties.map((party) => party.acknowledged)).toEqual([true, false]);
    // Before its proposal, the agreement does not exist.
    const unknown = await rejection(
      readOnly.agreements.agreementTimeline({ agreementId: 2n, blockNumber: before }),
    );
    expect((unknown as { errorName?: string }).errorName).toBe("AgreementUnknown");
  });

  it("sends one log scan bounded to the read's block and one batch of the page's items; getAgreement scans only its own events", async () => {
    const { founder } = chain.names;
    const deployment = await chain.deploy();
    await smallDao(deployment);
    const { concord: counted, methods, requests } = await countingConcordClient(chain, deployment);
    const head = await chain.publicClient.getBlockNumber();

    methods.length = 0;
    await counted.agreements.listAgreements({ limit: 2, blockNumber: head });
    expect(methods.filter((m) => m === "eth_getLogs")).toHaveLength(1);
    expect(methods.filter((m) => m === "eth_call")).toHaveLength(1);
    const scan = requests.find((r) => r.method === "eth_getLogs")!.params as [{ toBlock: string }];
    expect(BigInt(scan[0].toBlock)).toBe(head);

    // With stewarded cells: one more batch, of whether the account stewards each party cell.
    methods.length = 0;
    await counted.agreements.listAgreements({ account: founder, includeStewardedCells: true, limit: 2 });
    expect(methods.filter((m) => m === "eth_getLogs")).toHaveLength(1);
    expect(methods.filter((m) => m === "eth_call")).toHaveLength(2);

    // getAgreement: its own history (topic 1) and the amendments naming it (topic 2), nothing else.
    requests.length = 0;
    const one = await counted.agreements.getAgreement({ agreementId: 3n, blockNumber: head });
    expect(one.id).toBe(3n);
    const scans = requests
      .filter((r) => r.method === "eth_getLogs")
      .map((r) => (r.params as [{ topics: unknown[]; toBlock: string }])[0]);
    expect(scans).toHaveLength(2);
    const three = `0x${"3".padStart(64, "0")}`;
    expect(scans.map((s) => s.topics.slice(1))).toEqual(expect.arrayContaining([[[three]], [null, [three]]]));
    expect(scans.every((s) => BigInt(s.toBlock) === head)).toBe(true);
  });
});

describe("requests per read, with Multicall3 on the chain (as `npm start` and the app have it)", () => {
  it("agreementTimeline reads the agreement and the clock that dates its expiry in ONE eth_call", async () => {
    const { alice, bob } = chain.names;
    const deployment = await chain.deploy();
    const { as } = deployment;
    // An agreement that expires an hour from now, active (both parties acknowledged).
    const now = (await chain.publicClient.getBlock()).timestamp;
    const expiresAt = now + 3_600n;
    const agreementId = await proposeBetween(as(3), [alice, bob], [], { expiresAt });
    await as(1).agreements.acknowledgeAgreement({ agreementId, terms: TERMS });
    await as(2).agreements.acknowledgeAgreement({ agreementId, terms: TERMS });
    const { concord, methods, reset } = await countingConcordClient(chain, deployment, { multicall3: true });

    // Past the expiry on the chain's clock: the state says expired, and the clock read with it dates the expiry.
    await chain.networkHelpers.time.increaseTo(expiresAt + 5n);
    reset();
    const timeline = await concord.agreements.agreementTimeline({ agreementId });
    // Was 3: eth_call, eth_getBlockByNumber (the clock), eth_getLogs (the history; EDR's logs carry their time).
    expect(methods).toEqual(["eth_call", "eth_getLogs"]);
    expect(timeline.map((entry) => entry.kind)).toEqual([
      "proposed",
      "acknowledged",
      "acknowledged",
      "activated",
      "expired",
    ]);
    expect(timeline.at(-1)).toMatchObject({ reason: "time", timestamp: expiresAt, blockNumber: null });

    // Read at a block: the same life, that block's own clock in the same eth_call.
    const head = await chain.publicClient.getBlock();
    reset();
    expect(await concord.agreements.agreementTimeline({ agreementId, blockNumber: head.number })).toEqual(
      timeline,
    );
    expect(methods).toEqual(["eth_call", "eth_getLogs"]);
    // At the block before (the last acknowledgement's, before the expiry): no expiry in its life.
    const before = await concord.agreements.agreementTimeline({ agreementId, blockNumber: head.number - 1n });
    expect(before.map((entry) => entry.kind)).toEqual(timeline.slice(0, -1).map((entry) => entry.kind));

    // getAgreement: one batch and two scans (its history; the amendments naming it), no block read.
    reset();
    expect((await concord.agreements.getAgreement({ agreementId })).statusName).toBe("expired");
    expect([...methods].sort()).toEqual(["eth_call", "eth_getLogs", "eth_getLogs"]);
    // listAgreements: one scan, one batch.
    reset();
    expect(ids(await concord.agreements.listAgreements({ limit: 10 }))).toEqual([agreementId]);
    expect(methods).toEqual(["eth_getLogs", "eth_call"]);
  });
});

describe("listAgreements through the indexer", () => {
  it("sends ONE request to /concord/agreements with the filters and page, then one batch of the page's items", async () => {
    const { founder } = chain.names;
    const deployment = await chain.deploy();
    await smallDao(deployment);
    const { readOnly, addresses, startBlock } = deployment;
    // A stand-in indexer serving the chain's agreements (as the direct path reads them) in the API's shape.
    const direct = (await readOnly.agreements.listAgreements({ limit: 500 })).items;
    const rows: AgreementRow[] = direct.map((a) => ({
      id: a.id.toString(),
      proposer: a.proposer.toLowerCase(),
      accounts: a.accounts.map((x) => x.toLowerCase()),
      cells: a.cells.map(String),
      title: a.title,
      termsHash: a.termsHash,
      termsURI: a.termsURI,
      expiresAt: a.expiresAt === null ? null : a.expiresAt.toString(),
      amends: a.amends === null ? null : a.amends.toString(),
      cellId: null,
      blockNumber: a.proposedBlock.toString(),
      transactionHash: a.transactionHash,
    }));
    const asked: URL[] = [];
    const fetch = (async (input: URL | string) => {
      const url = new URL(String(input));
      asked.push(url);
      const limit = Number(url.searchParams.get("limit"));
      const cursor = url.searchParams.get("cursor");
      const after = rows.filter((row) => cursor === null || BigInt(row.id) > BigInt(cursor));
      const items = after.slice(0, limit);
      const body = { items, next: after.length > limit ? items[items.length - 1]!.id : null };
      return new Response(JSON.stringify(body), { headers: { "content-type": "application/json" } });
    }) as typeof globalThis.fetch;
    const { concord: indexed, methods } = await countingConcordClient(
      chain,
      { addresses, startBlock },
      { indexer: { url: "http://127.0.0.1:1", fetch }, reads: "indexer" },
    );

    const first = await indexed.agreements.listAgreements({ limit: 3 });
    expect(asked).toHaveLength(1);
    expect(asked[0]!.pathname).toBe("/concord/agreements");
    expect(Object.fromEntries(asked[0]!.searchParams)).toEqual({ limit: "3" });
    expect(methods.filter((m) => m === "eth_getLogs")).toHaveLength(0);
    expect(methods.filter((m) => m === "eth_call")).toHaveLength(1);
    // The same page as the direct path, cursor included, so "auto" may switch paths between pages.
    expect(first).toEqual(await readOnly.agreements.listAgreements({ limit: 3 }));
    const second = await indexed.agreements.listAgreements({ limit: 3, cursor: first.next });
    expect(second).toEqual(await readOnly.agreements.listAgreements({ limit: 3, cursor: first.next }));

    // The filters travel as query parameters; the account's stewardship of the page's cells rides the batch.
    asked.length = 0;
    methods.length = 0;
    await indexed.agreements.listAgreements({
      account: founder,
      includeStewardedCells: true,
      excludeAmendments: true,
      cell: 2n,
      order: "desc",
      cursor: "6",
      limit: 2,
    });
    expect(asked).toHaveLength(1);
    expect(Object.fromEntries(asked[0]!.searchParams)).toEqual({
      account: founder,
      cell: "2",
      stewardedBy: founder,
      excludeAmendments: "true",
      order: "desc",
      cursor: "6",
      limit: "2",
    });
    expect(methods.filter((m) => m === "eth_call")).toHaveLength(1);

    // A read at a block goes to the chain (the indexer serves the head).
    asked.length = 0;
    await indexed.agreements.listAgreements({ blockNumber: await chain.publicClient.getBlockNumber() });
    expect(asked).toHaveLength(0);
  });
});
