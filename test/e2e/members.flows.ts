/**
 * Browser flows of the member directory (`#/members`): search, delegate by picking a member, the delegate
 * sees who delegated to it, delegate back to oneself by typing an address; screenshots at desktop and phone
 * sizes. Runs last, on the demo seed (Alice, Bob, Carol and Dave hold memberships), and leaves every vote
 * as it found it (Carol votes herself again at the end).
 */
import path from "node:path";

import { expect, it } from "vitest";

import { agreementRegistryAbi, hashTerms } from "../../sdk/index.ts";
import { executeWrite } from "../../sdk/internal/write.ts";
import { DEV_ACCOUNTS } from "../../scripts/seed.ts";
import { screenshots } from "./harness.ts";
import type { E2E } from "./harness.ts";

const [alice, bob, carol, dave] = DEV_ACCOUNTS as unknown as [
  (typeof DEV_ACCOUNTS)[number],
  (typeof DEV_ACCOUNTS)[number],
  (typeof DEV_ACCOUNTS)[number],
  (typeof DEV_ACCOUNTS)[number],
];

/** How long a poll waits for the page (the machine may be shared and slow). */
const wait = { timeout: 20_000 };

export function memberFlows(e2e: E2E) {
  it("lists the members, finds one by name, and gives Carol's vote to Alice by picking her", async () => {
    const page = await e2e.openApp("#/members", { width: 1366, height: 900 });
    const list = page.getByTestId("member-list");
    await list.waitFor(wait);
    for (const member of [alice, bob, carol, dave]) {
      await expect.poll(() => list.locator(`[data-account='${member.address}']`).count(), wait).toBe(1);
    }
    expect(await page.getByTestId("connect-to-delegate").innerText()).toMatch(/Connect as a member/);
    // Bob and Dave hold the seats of Infra and Community.
    await expect
      .poll(
        () => list.locator(`[data-account='${bob.address}'] [data-testid='member-power']`).innerText(),
        wait,
      )
      .toMatch(/1 vote · 1 seat · votes directly/);

    await e2e.connectAs(page, "Carol");
    // The viewer comes first, as "you".
    await expect
      .poll(() => page.getByTestId("member-row").first().getAttribute("data-account"), wait)
      .toBe(carol.address);
    expect(await page.getByTestId("your-delegation").innerText()).toBe("You vote yourself.");
    await page.getByTestId("member-search").fill("ali");
    await expect.poll(() => page.getByTestId("member-row").count(), wait).toBe(1);
    const aliceRow = list.locator(`[data-account='${alice.address}']`);
    await aliceRow.locator("[data-action='delegate-to']").click();
    await e2e.confirmed(page.getByTestId("your-vote"));
    await expect
      .poll(() => page.getByTestId("your-delegation").innerText(), wait)
      .toBe("You gave your vote to Alice.");
    await expect
      .poll(() => aliceRow.getByTestId("member-delegators").innerText(), wait)
      .toBe("Delegators: You");
    await expect.poll(() => aliceRow.getByTestId("your-delegate-badge").count(), wait).toBe(1);

    // Alice sees who gave her their vote, and her two votes.
    await e2e.playAs(page, alice.address);
    await page.getByTestId("member-search").fill("");
    await expect
      .poll(() => page.getByTestId("your-delegators").innerText(), wait)
      .toBe("1 member gave you their vote: Carol.");
    await expect
      .poll(
        () => list.locator(`[data-account='${alice.address}'] [data-testid='member-power']`).innerText(),
        wait,
      )
      .toMatch(/^2 votes/);
    await e2e.shoot(page, "members");

    const phone = await e2e.openApp("#/members", { width: 390, height: 844 });
    await phone.getByTestId("member-list").waitFor(wait);
    await expect.poll(() => phone.getByTestId("member-power").first().innerText(), wait).toMatch(/vote/);
    await phone.screenshot({ path: path.join(screenshots, "members-phone.png"), fullPage: true });

    // Carol takes her vote back by typing her own address (an address still works).
    await e2e.playAs(page, carol.address);
    await page.getByTestId("delegate-address").fill(carol.address.toLowerCase());
    await page.locator("[data-action='delegate-address']").click();
    await e2e.confirmed(page.getByTestId("your-vote"));
    await expect.poll(() => page.getByTestId("your-delegation").innerText(), wait).toBe("You vote yourself.");
  });

  it("no page scrolls sideways on a 390 px phone, with a dev account connected", async () => {
    // One clock: reported, not asserted (earlier flows move the chain's time forward).
    const block = await e2e.sdkAs(alice.privateKey).publicClient.request({
      method: "eth_getBlockByNumber",
      params: ["latest", false],
    });
    console.log(
      `chain time − wall clock: ${Number(block!.timestamp) - Math.floor(Date.now() / 1000)} s; seed: ${e2e.stack.demo.find((line) => line.startsWith("clock:"))}`,
    );
    const page = await e2e.openApp("#/", { width: 390, height: 844 });
    await e2e.connectAs(page, "Alice");
    // The header: brand, wallet and navigation, compact.
    const header = await page.locator("header.top").boundingBox();
    expect(header?.height).toBeLessThan(150);
    console.log(`header at 390 px, connected: ${Math.round(header!.height)} px high`);
    await e2e.shoot(page, "header-phone");
    const pages = [
      "#/",
      "#/cells",
      "#/cells/1",
      "#/cells/2",
      "#/cells/new",
      "#/agreements",
      "#/agreements/1",
      "#/agreements/new",
      "#/resources",
      "#/resources/1",
      "#/resources/new",
      "#/proposals",
      "#/proposals/new",
      "#/members",
    ];
    await page.goto(`${e2e.stack.app.url}#/proposals`);
    const first = page.locator("main a[href^='#/proposals/']:not([href='#/proposals/new'])").first();
    await first.waitFor(wait);
    pages.push((await first.getAttribute("href"))!);
    const wide: string[] = [];
    for (const hash of pages) {
      await page.goto(`${e2e.stack.app.url}${hash}`);
      await page.locator("main h1").first().waitFor(wait);
      // Measured once the page's reads have answered (no "Loading…" left).
      await expect.poll(() => page.locator("main").innerText(), wait).not.toContain("Loading…");
      const { scroll, width } = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        width: window.innerWidth,
      }));
      if (scroll > width) wide.push(`${hash} is ${scroll} px wide`);
    }
    expect(wide).toEqual([]);
    await page.goto(`${e2e.stack.app.url}#/cells/2`);
    await page.getByTestId("phase-help").waitFor(wait);
    await e2e.shoot(page, "cell-phone-alice");
  });

  it("warns before anyone acknowledges an agreement whose document nobody can open, and shows a hidden title as it is", async () => {
    // Sent around the SDK (which refuses both): the registry keeps a title and a link as bytes.
    const sdk = e2e.sdkAs(bob.privateKey);
    const { events } = await executeWrite(sdk, {
      contract: "AgreementRegistry",
      address: sdk.addresses.agreementRegistry!,
      abi: agreementRegistryAbi,
      functionName: "propose",
      args: [
        [carol.address],
        [2n],
        "Carol reviews \u202Eyad a nihtiw", // an RTL override: it would read "within a day"
        hashTerms("Carol reviews every pull request of the deploy pipeline within a day."),
        "javascript:alert(document.domain)",
        0n,
      ],
    });
    const proposed = events.find((event) => event.eventName === "AgreementProposed");
    const agreementId = proposed?.eventName === "AgreementProposed" ? proposed.args.agreementId : 0n;
    const page = await e2e.openApp(`#/agreements/${agreementId}`);
    const warning = page.getByTestId("document-warning");
    await warning.waitFor(wait);
    expect(await warning.innerText()).toMatch(/^This document link cannot be opened in a browser/);
    // The link is shown as text, never as a link the page would follow.
    expect(await page.locator("a[href^='javascript:']").count()).toBe(0);
    // The override is shown, not obeyed, and the page says so.
    expect(await page.getByTestId("agreement-title").innerText()).toBe("Carol reviews \ufffdyad a nihtiw");
    expect(await page.getByTestId("title-warning").innerText()).toContain("shown as �");
    await e2e.shoot(page, "agreement-unreadable");
  });
}
