/**
 * Browser flows of the treasury: the page with the timelock's balances, its payments and the open proposals'
 * outflows by stage (on the demo seed: the treasury was funded, one payment executed, others open), at both
 * sizes; and a proposal paying more than the treasury holds, flagged before it is sent.
 */
import { expect, it } from "vitest";

import { DEV_ACCOUNTS } from "../../scripts/seed.ts";
import type { E2E } from "./harness.ts";

const carol = DEV_ACCOUNTS[2]!;

/** How long a poll waits for the page (the machine may be shared and slow). */
const wait = { timeout: 20_000 };

export function treasuryFlows(e2e: E2E): void {
  it("shows the treasury's ETH on the dashboard, from the dashboard's own reads, with a link", async () => {
    const page = await e2e.openApp("#/");
    const card = page.getByTestId("treasury-card");
    await card.waitFor(wait);
    expect(await card.getByTestId("treasury-eth").innerText()).toMatch(/^\d+(\.\d+)? ETH$/);
    // The open payments' ETH is counted (earlier flows may have moved the demo's on).
    expect(await card.getByTestId("treasury-card-pending").innerText()).toMatch(
      /^(\d+ open proposals? would pay \d+(\.\d+)? ETH|No open proposal would pay ETH out of it)/,
    );
    await card.getByRole("link", { name: /Treasury/ }).click();
    await page.getByTestId("treasury-balances").waitFor(wait);
  });

  it("shows the treasury's balances, payments and pending outflows by stage", async () => {
    const page = await e2e.openApp("#/proposals");
    await page.getByTestId("treasury-link").click();
    const treasury = page.getByTestId("treasury-page");
    await treasury.getByTestId("treasury-balances").waitFor(wait);
    expect(await treasury.locator("[data-asset='ETH']").innerText()).toMatch(/^\d+(\.\d+)? ETH$/);
    // The demo executed "Pay Carol 1 ETH…": a payment out of the treasury, to Carol.
    const paid = treasury.getByTestId("treasury-payments").locator("[data-direction='out']");
    await expect.poll(() => paid.count(), wait).toBeGreaterThanOrEqual(1);
    expect(await paid.last().innerText()).toMatch(/paid\s+1 ETH to\s+Carol/);
    // Open payments, by stage, each linking to its proposal.
    const pending = treasury.getByTestId("treasury-pending");
    expect(await pending.locator("[data-stage] [data-proposal-id]").count()).toBeGreaterThanOrEqual(1);
    expect(await pending.innerText()).toMatch(/\d+(\.\d+)? ETH/);
    await e2e.shoot(page, "treasury");

    const phone = await e2e.openApp("#/treasury", { width: 390, height: 844 });
    await phone.getByTestId("treasury-balances").waitFor(wait);
    await phone.getByTestId("treasury-payments").locator("li").first().waitFor(wait);
    await e2e.shoot(phone, "treasury-phone");
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  it("flags a proposal that would pay more than the treasury holds before it is sent", async () => {
    const page = await e2e.openApp("#/proposals/new");
    await e2e.connectAs(page, "Bob");
    const form = page.getByTestId("new-proposal");
    await page.getByTestId("proposal-title").fill("Pay Carol 1,000 ETH");
    await page.getByTestId("proposal-action").selectOption("pay");
    await form.locator("[data-field='to']").fill(carol.address);
    await form.locator("[data-field='amount']").fill("1000");
    await form.locator("[data-action='add-call']").click();
    const flag = page.getByTestId("treasury-shortfall");
    await flag.waitFor(wait);
    expect(await flag.innerText()).toMatch(
      /^The treasury cannot pay this now: it would pay 1000 ETH and holds \d+(\.\d+)? ETH\. Executing it would fail/,
    );
    await e2e.shoot(page, "proposal-new-shortfall");
  });
}
