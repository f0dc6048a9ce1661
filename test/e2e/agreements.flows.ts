/**
 * Browser flows of the agreements screens and the dashboard's agreements and leases sections. They run
 * after the cells flows on the same chain: cells 1-3 of the demo (Alice stewards Concord DAO, Bob
 * Infra #2, Dave Community #3), cell 4 from the cells flows, agreements 1 (active) and 2 (Carol ⇄
 * Infra, waiting for Carol), and the demo's resources (Carol holds the staging cluster and waits for the
 * deploy key, which Bob holds).
 */
import { expect, it } from "vitest";

import { withoutRawHex } from "../../app/src/lib/errors.ts";
import { DEV_ACCOUNTS } from "../../scripts/seed.ts";
import type { E2E } from "./harness.ts";

const [alice, , carol, dave] = DEV_ACCOUNTS as [
  (typeof DEV_ACCOUNTS)[number],
  (typeof DEV_ACCOUNTS)[number],
  (typeof DEV_ACCOUNTS)[number],
  (typeof DEV_ACCOUNTS)[number],
];

/** Registers the agreements flows (run after the cells flows). */
export function agreementFlows(e2e: E2E): void {
  it("shows a member what waits for them: agreements to acknowledge, resources held, queues", async () => {
    const page = await e2e.openApp("#/");
    await e2e.connectAs(page, "Carol");
    const waiting = page.getByTestId("agreements-waiting");
    await expect
      .poll(() => waiting.innerText())
      .toMatch(/Agreement #2: Carol on call for the RPC nodes between[\s\S]*Carol[\s\S]*Infra/);
    const leases = page.getByTestId("my-leases");
    await expect.poll(() => leases.innerText()).toMatch(/You hold staging cluster #1: \d+ h \d+ min left/);
    expect(await leases.innerText()).toMatch(
      /You wait for production deploy key #2: next in line; your claim window opens in/,
    );
    // The DAO part: the active agreement between Infra and Community, who holds what until when.
    expect(await page.getByTestId("active-agreements").innerText()).toMatch(
      /1 active agreement, 1 proposal[\s\S]*Agreement #1: Forum and event tooling for Community between Infra #2 and Community #3/,
    );
    const holders = page.getByTestId("who-holds-what");
    expect(await holders.innerText()).toMatch(/staging cluster #1: held by Carol[\s\S]*left/);
    expect(await holders.innerText()).toMatch(/production deploy key #2: held by Bob[\s\S]*1 waiting/);
    await e2e.shoot(page, "dashboard-carol");

    // The countdowns are live: they move without any new block (Bob's 45-minute lease shows seconds).
    const countdown = holders.locator("li", { hasText: "production deploy key" }).locator(".countdown");
    const before = await countdown.innerText();
    expect(before).toMatch(/^\d+ min \d\d s left$/);
    await expect.poll(() => countdown.innerText(), { timeout: 5_000 }).not.toBe(before);

    // The list: every agreement, then only Carol's, then by status.
    await page.getByRole("link", { name: "Agreements", exact: true }).click();
    const list = page.getByTestId("agreement-list");
    await expect.poll(() => list.locator("li").count()).toBe(2);
    await page.getByLabel(/Only mine/).check();
    await expect.poll(() => list.locator("li").count()).toBe(1);
    expect(await list.innerText()).toMatch(
      /Agreement #2: Carol on call for the RPC nodes[\s\S]*proposed[\s\S]*waits for you/,
    );
    await page.getByLabel(/Only mine/).uncheck();
    await page.getByLabel("Status").selectOption("active");
    await expect.poll(() => list.innerText()).toMatch(/^Agreement #1/);
    expect(await list.locator("li").count()).toBe(1);
    await page.getByLabel("Status").selectOption("all");
    await e2e.shoot(page, "agreements");
  });

  it("lets two cells' stewards propose and acknowledge an agreement, one by a signature someone else submits", async () => {
    const page = await e2e.openApp("#/agreements/new");
    await e2e.connectAs(page, "Bob");
    const form = page.getByTestId("new-agreement");
    await form.locator("input[name='cells'][value='2']").check();
    await form.locator("input[name='cells'][value='3']").check();
    await form
      .getByLabel("Paste the document to compute its hash…")
      .fill("Infra pages Community within 15 minutes of an outage; Community posts the status updates.");
    const hash = (await form.locator(".hash-preview code").innerText()).trim();
    expect(hash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(await form.innerText()).toContain("2 parties (2 to 16)");
    // No title, then a link a browser would not open for everyone: Propose stays disabled and says why.
    const propose = form.getByRole("button", { name: "Propose", exact: true });
    expect(await propose.isDisabled()).toBe(true);
    expect(await form.innerText()).toContain("An agreement needs a title.");
    await form.getByLabel("Title").fill("Infra pages Community on outages");
    const link = form.getByLabel("Where the document lives (URI)");
    await link.fill("http://intranet/terms.md");
    const why =
      /The document link must start with https:\/\/ or ipfs:\/\/ .*"http:" links are not accepted\./;
    await expect.poll(() => form.getByTestId("link-problem").innerText()).toMatch(why);
    expect(await propose.isDisabled()).toBe(true);
    await link.fill("ipfs://bafyincident/terms.md");
    await expect.poll(() => propose.isDisabled()).toBe(false);
    expect(await form.getByTestId("link-problem").count()).toBe(0);
    await e2e.shoot(page, "new-agreement");
    await propose.click();
    await page.waitForURL(/#\/agreements\/3$/, { timeout: 30_000 });
    const status = page.getByTestId("agreement-status");
    // The new agreement's page reads it after the move (slower on a loaded machine).
    await expect.poll(() => status.innerText(), { timeout: 30_000 }).toBe("proposed");
    expect(await page.getByTestId("terms-hash").innerText()).toBe(hash);
    expect(await page.getByTestId("agreement-title").innerText()).toBe("Infra pages Community on outages");
    // Its document opens (ipfs:// through the gateway): no warning.
    expect(await page.getByTestId("document-warning").count()).toBe(0);

    // Bob acknowledges for Infra by transaction, with the keyboard.
    const actions = page.getByTestId("agreement-actions");
    const acknowledge = actions.locator("[data-action='acknowledge']");
    await expect.poll(() => acknowledge.innerText()).toBe("Acknowledge for cell 2");
    await acknowledge.focus();
    await page.keyboard.press("Enter");
    await e2e.confirmed(actions);
    const parties = page.getByTestId("parties");
    await expect
      .poll(() => parties.innerText())
      .toMatch(/Infra #2 ✓ acknowledged by Bob[\s\S]*by transaction/);
    // Acknowledging twice is not offered, and the page says why.
    await expect.poll(() => acknowledge.isDisabled()).toBe(true);
    expect(await actions.innerText()).toContain("Cell 2 already acknowledged agreement 3.");

    // Dave, steward of Community, signs instead of sending a transaction.
    const blockBefore = await e2e.blockNumber();
    await e2e.playAs(page, dave.address);
    await expect.poll(() => actions.locator("[data-action='sign']").innerText()).toBe("Sign for cell 3");
    await page.evaluate(() => void ((window as unknown as { __stages: string[] }).__stages.length = 0));
    await actions.locator("[data-action='sign']").click();
    const signed = actions.getByTestId("my-signature");
    await signed.waitFor({ timeout: 30_000 });
    // A signature only: checking → waiting for your signature → signed, never pending nor confirmed (the
    // dev accounts sign at once, so the signature step may pass between two frames).
    const stages = await page.evaluate(() => (window as unknown as { __stages: string[] }).__stages);
    expect([stages[0], stages.at(-1)]).toEqual(["checking", "signed"]);
    expect(stages.filter((stage) => !["checking", "signing", "signed"].includes(stage))).toEqual([]);
    const signStatus = actions.locator(".write-status[data-kind='signature']");
    expect(await signStatus.locator(".steps li").allInnerTexts()).toEqual([
      "Checking",
      "Waiting for your signature",
      "Signed",
    ]);
    expect(await signStatus.innerText()).toContain("Sign agreement 3 for cell 3: signed. Nothing was sent");
    const signature = await signed.inputValue();
    expect(JSON.parse(signature)).toMatchObject({ agreementId: "3", cellId: "3", signer: dave.address });
    expect(await e2e.blockNumber()).toBe(blockBefore); // signing sends nothing
    await expect.poll(() => page.getByTestId("signatures").innerText()).toMatch(/Community #3[\s\S]*ready/);
    await e2e.shoot(page, "agreement-signed");

    // Bob, in his own browser, pastes Dave's signature and submits it.
    const other = await e2e.openApp("#/agreements/3");
    await e2e.connectAs(other, "Bob");
    const collected = other.getByTestId("signatures");
    await collected.getByLabel("Paste a signature a party sent you").fill(signature);
    await collected.getByRole("button", { name: "Add the signature" }).click();
    const submit = collected.getByRole("button", { name: "Submit 1 signature in one transaction" });
    await submit.click();
    await e2e.confirmed(collected);
    expect(await collected.locator(".write-status").innerText()).toContain("Agreement 3 is now active.");
    await expect.poll(() => other.getByTestId("agreement-status").innerText()).toBe("active");
    const timeline = other.getByTestId("timeline");
    await expect
      .poll(() => timeline.innerText())
      .toMatch(
        /Proposed by Bob[\s\S]*Acknowledged by Bob[\s\S]*for Infra #2 by transaction[\s\S]*Acknowledged by Dave[\s\S]*for Community #3 by signature[\s\S]*active/,
      );
    await e2e.shoot(other, "agreement");

    // Dave's page follows the chain by itself.
    await expect.poll(() => status.innerText(), { timeout: 30_000 }).toBe("active");

    // Phone-sized.
    const phone = await e2e.openApp("#/agreements/3", { width: 390, height: 844 });
    await phone.getByTestId("parties").waitFor();
    // Not connected: said once for every action, not under each button.
    const phoneActions = phone.getByTestId("agreement-actions");
    await expect.poll(() => phoneActions.innerText()).toContain("Connect a wallet to do this.");
    expect((await phoneActions.innerText()).split("Connect a wallet to do this.").length - 1).toBe(1);
    await e2e.shoot(phone, "agreement-phone");
  });

  it("refuses a bad signature in human words and changes nothing; a non-party is told why not", async () => {
    const page = await e2e.openApp("#/agreements/2");
    await e2e.connectAs(page, "Erin");
    const actions = page.getByTestId("agreement-actions");
    await actions.waitFor();
    expect(await actions.innerText()).toContain(
      "Only a party of agreement 2 (or a steward of a cell party) can do this.",
    );
    // Said once for every party action, not under each button; each button points to it.
    expect((await actions.innerText()).split("Only a party of agreement 2").length - 1).toBe(1);
    expect(await actions.locator("[data-action='acknowledge']").isDisabled()).toBe(true);
    expect(await actions.locator("[data-action='sign']").getAttribute("aria-describedby")).toBe(
      await page.getByTestId("shared-reason").getAttribute("id"),
    );

    // A forged "Carol acknowledges" signature: the registry refuses it in the simulation.
    const termsHash = (await page.getByTestId("terms-hash").innerText()).trim();
    const forged = JSON.stringify({
      agreementId: "2",
      cellId: "0",
      signer: carol.address,
      termsHash,
      // Far enough to be valid on the dev chain's clock, which the demo seed moves a week ahead.
      deadline: String(Math.floor(Date.now() / 1000) + 30 * 24 * 3600),
      signature: `0x${"11".repeat(65)}`,
    });
    const before = await e2e.blockNumber();
    const collected = page.getByTestId("signatures");
    await collected.getByLabel("Paste a signature a party sent you").fill("not a signature");
    await collected.getByRole("button", { name: "Add the signature" }).click();
    expect(await collected.locator(".error").innerText()).toContain("This is not a signed acknowledgement");
    await collected.getByLabel("Paste a signature a party sent you").fill(forged);
    await collected.getByRole("button", { name: "Add the signature" }).click();
    await collected.getByRole("button", { name: "Submit 1 signature in one transaction" }).click();
    const failed = collected.locator(".write-status[data-stage='failed']");
    await failed.waitFor({ timeout: 30_000 });
    const message = await failed.innerText();
    expect(message).toContain(
      `The signature is not Carol (${carol.address.slice(0, 6)}…${carol.address.slice(-4)})'s acknowledgement of agreement 2`,
    );
    expect(withoutRawHex(message)).toBe(message);
    await e2e.shoot(page, "agreement-refused");
    expect(await e2e.blockNumber()).toBe(before);
    expect(await page.getByTestId("agreement-status").innerText()).toBe("proposed");

    // Alice, steward of the DAO above Infra, may act for Infra; Carol's own party is still open.
    await e2e.playAs(page, alice.address);
    await expect.poll(() => actions.innerText()).toContain("Cell 2 already acknowledged agreement 2.");
    await e2e.playAs(page, carol.address);
    await expect.poll(() => actions.locator("[data-action='acknowledge']").isDisabled()).toBe(false);

    // Carol acknowledges from her dashboard: the agreement becomes active there.
    await page.getByRole("link", { name: "Dashboard", exact: true }).click();
    const waiting = page.getByTestId("agreements-waiting");
    await waiting.getByRole("button", { name: "Acknowledge", exact: true }).click();
    await e2e.confirmed(waiting);
    expect(await waiting.locator(".write-status").innerText()).toContain("Agreement 2 is now active.");
    await expect.poll(() => waiting.innerText()).toContain("No agreement waits for your acknowledgement.");
    await expect
      .poll(() => page.getByTestId("active-agreements").innerText())
      .toMatch(/Agreement #2: Carol on call for the RPC nodes between Carol[\s\S]*Infra #2 — until/);
  });

  it("amends an active agreement (linked both ways), declines the amendment, then terminates", async () => {
    const page = await e2e.openApp("#/agreements/3");
    await e2e.connectAs(page, "Dave");
    const actions = page.getByTestId("agreement-actions");
    await actions.getByRole("button", { name: "Propose new terms" }).click();
    // The title starts as the agreement's own.
    const title = actions.getByLabel("Title");
    expect(await title.inputValue()).toBe("Infra pages Community on outages");
    await title.fill("Infra pages Community within 10 minutes");
    await actions.getByLabel("Where the document lives (URI)").fill("ipfs://bafyincident/terms-v2.md");
    await actions
      .getByLabel("Paste the document to compute its hash…")
      .fill("Infra pages Community within 10 minutes of an outage; Community posts the status updates.");
    await actions.getByRole("button", { name: "Propose the amendment" }).click();
    await page.waitForURL(/#\/agreements\/4$/, { timeout: 30_000 });
    await expect.poll(() => page.getByTestId("agreement-status").innerText()).toBe("proposed");
    expect(await page.getByTestId("agreement-title").innerText()).toBe(
      "Infra pages Community within 10 minutes",
    );
    expect(await page.getByTestId("amendment-links").innerText()).toBe("Amends agreement #3.");
    expect(await page.getByTestId("parties").innerText()).toMatch(
      /Infra #2 not acknowledged[\s\S]*Community #3/,
    );

    // The original links to it, and stays active until every party acknowledges the amendment.
    await page.goto(`${e2e.stack.app.url}#/agreements/3`);
    await expect.poll(() => page.getByTestId("amendment-links").innerText()).toBe("Amendments proposed: #4.");
    expect(await page.getByTestId("agreement-status").innerText()).toBe("active");

    // Bob declines the amendment for Infra: it is rejected, the original stays active.
    await e2e.playAs(page, DEV_ACCOUNTS[1]!.address);
    await page.goto(`${e2e.stack.app.url}#/agreements/4`);
    await actions.locator("[data-action='decline']").click();
    await e2e.confirmed(actions);
    await expect.poll(() => page.getByTestId("agreement-status").innerText()).toBe("rejected");
    expect(await page.getByTestId("no-action").innerText()).toBe(
      "Agreement 4 is rejected: nothing more can be done to it.",
    );
    expect(await page.getByTestId("timeline").innerText()).toMatch(/Declined by Bob[\s\S]*for Infra #2/);

    // Bob terminates the original for Infra.
    await page.goto(`${e2e.stack.app.url}#/agreements/3`);
    await actions.locator("[data-action='terminate']").click();
    await e2e.confirmed(actions);
    await expect.poll(() => page.getByTestId("agreement-status").innerText()).toBe("terminated");
    expect(await page.getByTestId("timeline").innerText()).toMatch(/Terminated by Bob[\s\S]*for Infra #2/);
    await e2e.shoot(page, "agreement-terminated");
  });
}
