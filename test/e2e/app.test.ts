/**
 * The members' web app in Debian's Chromium (playwright-core), against the stack `npm start` brings up
 * (chain, Ignition deployment, demo seed, app build and server) on free ports.
 *
 * Screenshots of the main screens go to test-results/screenshots/; the measures (first-load JS, RPC
 * requests and time to render the demo dashboard) to test-results/app-measure.{json,md}.
 */
import { access, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

import type { Browser, BrowserContext, Page } from "playwright-core";
import { createPublicClient, createWalletClient, http } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { hardhat } from "viem/chains";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { firstLoadSize, formatReport, launchChromium, measureDashboard } from "../../app/scripts/measure.ts";
import type { BundleSize, DashboardRun } from "../../app/scripts/measure.ts";
import { withoutRawHex } from "../../app/src/lib/errors.ts";
import { createConcordClient } from "../../sdk/index.ts";
import { DEV_ACCOUNTS } from "../../scripts/seed.ts";
import { rpc, startStack } from "./stack.ts";
import type { Stack } from "./stack.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const screenshots = path.join(root, "test-results/screenshots");
const [alice, bob, carol] = DEV_ACCOUNTS as [
  (typeof DEV_ACCOUNTS)[number],
  (typeof DEV_ACCOUNTS)[number],
  (typeof DEV_ACCOUNTS)[number],
];

let stack: Stack;
let browser: Browser;
let size: BundleSize;
let runs: DashboardRun[];
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  await access(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium").catch(() => {
    throw new Error(
      "Chromium is missing: install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH.",
    );
  });
  await mkdir(screenshots, { recursive: true });
  [stack, browser] = await Promise.all([startStack(), launchChromium()]);
}, 180_000);

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await stack?.stop();
  if (size && runs) {
    const report = formatReport(size, runs);
    await writeFile(path.join(root, "test-results/app-measure.md"), report);
    await writeFile(
      path.join(root, "test-results/app-measure.json"),
      `${JSON.stringify({ size, runs, stackTimings: stack?.timings }, null, 2)}\n`,
    );
  }
});

/** A fresh browser context (no wallet connected) that records every write's stages. */
async function openApp(hash = "#/", viewport = { width: 1200, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  contexts.push(context);
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __stages: string[] }).__stages = seen;
    new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        const target = mutation.target as Element;
        const stage = target.getAttribute?.("data-stage");
        if (stage && target.classList.contains("write-status") && seen.at(-1) !== stage) seen.push(stage);
      }
    }).observe(document, {
      subtree: true,
      attributes: true,
      attributeFilter: ["data-stage"],
      childList: true,
    });
  });
  const page = await context.newPage();
  page.on("pageerror", (error) => console.error("page error:", error.message));
  await page.goto(stack.app.url + hash);
  return page;
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
}

async function connectAs(
  page: Page,
  name: string,
  options: { keyboard?: boolean; shot?: string } = {},
): Promise<void> {
  const open = page.getByRole("button", { name: "Connect", exact: true });
  const pick = page.getByTestId(`connect-${name}`);
  if (options.keyboard) {
    // Buttons all the way: focus and Enter, as a keyboard user would.
    await open.focus();
    await page.keyboard.press("Enter");
    await pick.focus();
    if (options.shot) await shoot(page, options.shot);
    await page.keyboard.press("Enter");
  } else {
    await open.click();
    if (options.shot) await shoot(page, options.shot);
    await pick.click();
  }
  await expect.poll(() => page.getByTestId("play-as").inputValue()).toMatch(/^0x/);
}

async function playAs(page: Page, address: string): Promise<void> {
  await page.getByTestId("play-as").selectOption(address);
}

/** Waits until the write whose status is inside `scope` is confirmed (or fails the test with its message). */
async function confirmed(scope: ReturnType<Page["locator"]>): Promise<void> {
  const status = scope
    .locator(".write-status[data-stage='confirmed'], .write-status[data-stage='failed']")
    .first();
  await status.waitFor({ timeout: 30_000 });
  expect(await status.getAttribute("data-stage"), await status.innerText()).toBe("confirmed");
}

const blockNumber = async () => Number(await rpc<string>(stack.rpcUrl, "eth_blockNumber"));

describe("the members' web app", () => {
  it("shows the demo DAO on the dashboard, in a few batched requests", async () => {
    runs = await measureDashboard(browser, { url: stack.app.url, rpcUrl: stack.rpcUrl, runs: 3 });
    size = await firstLoadSize(stack.distDir);
    console.log(formatReport(size, runs));
    expect(size.jsGzip).toBeLessThanOrEqual(250_000);
    for (const run of runs) expect(run.rpcRequests).toBeLessThanOrEqual(5);
    // The time target (< 1 s) is reported, not asserted: CI machines are shared and slow.
    expect(Math.min(...runs.map((r) => r.renderMs))).toBeLessThan(10_000);

    const page = await openApp();
    const dashboard = page.getByTestId("dashboard");
    await expect.poll(() => dashboard.getAttribute("data-ready")).toBe("true");
    const tree = page.getByTestId("cell-tree");
    for (const name of ["Concord DAO", "Infra", "Community"]) {
      await expect.poll(() => tree.getByRole("link", { name: new RegExp(name) }).count()).toBe(1);
    }
    expect(await page.locator("[data-section='activity']").innerText()).toContain(
      "deploy the indexer v2 to production",
    );
    await shoot(page, "dashboard");

    // The same, as Dave: his cells and roles, and Erin's request waiting for him.
    await connectAs(page, "Dave");
    const waiting = page.getByTestId("waiting-for-you");
    await waiting.waitFor();
    expect(await waiting.innerText()).toMatch(/Erin[\s\S]*asked to join[\s\S]*Community/);
    expect(await page.getByTestId("my-cells").innerText()).toMatch(
      /Community[\s\S]*member, steward and delegate/,
    );
    await shoot(page, "dashboard-dave");

    // The dashboard follows the chain by itself: Carol declares a state from outside the page.
    const transport = http(stack.rpcUrl);
    const asCarol = createConcordClient({
      publicClient: createPublicClient({ chain: hardhat, transport }),
      walletClient: createWalletClient({
        chain: hardhat,
        transport,
        account: privateKeyToAccount(carol.privateKey),
      }),
      deployment: stack.deployment,
    });
    await asCarol.cells.declareState({ cellId: 2n, state: "writing the incident report" });
    await expect
      .poll(() => page.locator("[data-section='activity']").innerText(), { timeout: 10_000 })
      .toContain("writing the incident report");

    // Phone-sized: the dashboard, and a cell page (top, then its members).
    const phone = await openApp("#/", { width: 390, height: 844 });
    await phone.getByTestId("cell-tree").waitFor();
    await phone.screenshot({ path: path.join(screenshots, "dashboard-phone.png") });
    await phone.goto(`${stack.app.url}#/cells/2`);
    await phone.getByTestId("members").waitFor();
    await phone.screenshot({ path: path.join(screenshots, "cell-phone.png") });
    await phone.getByTestId("members").scrollIntoViewIfNeeded();
    await phone.screenshot({ path: path.join(screenshots, "cell-phone-members.png") });
  });

  it("lets a member create a cell, and a second member ask to join and be approved", async () => {
    const page = await openApp("#/cells/new");
    await connectAs(page, "Alice");
    await page.getByLabel("Name").fill("Research guild");
    await page.getByLabel("Where the document lives (URI)").fill("https://example.org/research-guild.md");
    await page
      .getByLabel("Paste the document to compute its hash…")
      .fill("Purpose: study what the DAO needs next.");
    expect(await page.locator(".hash-preview").innerText()).toMatch(/0x[0-9a-f]{64}/);
    await shoot(page, "new-cell");
    await page.getByRole("button", { name: "Create", exact: true }).click();

    // The app moves to the new cell's page once the transaction is confirmed.
    await page.waitForURL(/#\/cells\/4$/, { timeout: 30_000 });
    const cellPage = page.getByTestId("cell-page");
    await expect
      .poll(() => cellPage.getByRole("heading", { level: 1 }).innerText())
      .toContain("Research guild");
    expect(await page.evaluate(() => (window as unknown as { __stages: string[] }).__stages)).toEqual([
      "checking",
      "signing",
      "pending",
      "confirmed",
    ]);
    const members = page.getByTestId("members");
    await expect.poll(() => members.innerText()).toMatch(/Alice[\s\S]*member and steward/);
    expect(await page.getByTestId("nucleus").innerText()).toContain("https://example.org/research-guild.md");

    // Bob asks to join.
    await playAs(page, bob.address);
    const standing = page.getByTestId("standing");
    await standing.getByRole("button", { name: "Ask to join Research guild" }).click();
    await confirmed(standing);
    await expect.poll(() => standing.innerText()).toContain("Your request to join is waiting for a steward.");
    // Bob is no steward: approving is not his to do, and the page says why.
    await shoot(page, "cell-bob-requested");

    // Alice approves.
    await playAs(page, alice.address);
    const requests = page.getByTestId("join-requests");
    await expect.poll(() => requests.innerText()).toContain("Bob");
    await requests.getByRole("button", { name: "Approve" }).click();
    await confirmed(requests);
    await expect.poll(() => members.innerText()).toMatch(/Bob[\s\S]*member/);
    expect(await page.getByTestId("member-count").innerText()).toBe("2 members, 1 steward");
    await shoot(page, "cell-approved");
  });

  it("shows a bad input as a human error and changes nothing", async () => {
    const page = await openApp("#/cells/1");
    await connectAs(page, "Alice", { keyboard: true, shot: "connect" });
    const form = page.getByTestId("invite-form");
    await form.waitFor();
    const members = page.getByTestId("members");
    await expect.poll(() => members.locator("li").count()).toBe(4);
    const before = await blockNumber();

    // Not an address: refused by the SDK before anything is simulated or signed.
    await form.getByLabel("Account address").fill("0x1234");
    await form.getByRole("button", { name: "Invite" }).click();
    const status = form.locator(".write-status[data-stage='failed']");
    await status.waitFor();
    expect(await status.innerText()).toContain("Invalid account: not an address.");

    // Already a member: refused by the contract in the simulation, decoded into words.
    await form.getByLabel("Account address").fill(carol.address);
    await form.getByRole("button", { name: "Invite" }).click();
    await expect
      .poll(() => status.innerText())
      .toContain(`${carol.address.slice(0, 6)}…${carol.address.slice(-4)} is already a member of cell 1.`);
    // Addresses and hashes only, never raw revert data.
    expect(withoutRawHex(await status.innerText())).toBe(await status.innerText());
    await shoot(page, "bad-input");

    expect(await blockNumber()).toBe(before);
    expect(await members.locator("li").count()).toBe(4);
  });

  it("lets a steward run a cell: phase, nucleus, roles, decision owners, intents", async () => {
    const page = await openApp("#/cells/2");
    await connectAs(page, "Bob");
    const cellPage = page.getByTestId("cell-page");
    await cellPage.waitFor();

    // Phase.
    await page.getByLabel("New phase").selectOption("coordination");
    await page.getByRole("button", { name: "Set phase" }).click();
    await confirmed(page.locator("section", { has: page.getByRole("heading", { name: "Phase" }) }));
    await expect.poll(() => page.getByTestId("phase").innerText()).toBe("coordination");

    // A new nucleus, hashed in the browser.
    const nucleus = page.getByTestId("nucleus");
    await nucleus.getByRole("button", { name: "Publish a new nucleus" }).click();
    await nucleus.getByLabel("Where the document lives (URI)").fill("ipfs://bafyinfra2/nucleus.md");
    await nucleus
      .getByLabel("Paste the document to compute its hash…")
      .fill("Purpose: run the DAO's infrastructure.");
    const hash = (await nucleus.locator(".hash-preview code").innerText()).trim();
    await nucleus.getByRole("button", { name: "Publish", exact: true }).click();
    await confirmed(nucleus);
    await expect.poll(() => nucleus.innerText()).toContain(hash);
    expect(
      await nucleus.getByRole("link", { name: "ipfs://bafyinfra2/nucleus.md" }).getAttribute("href"),
    ).toBe("https://ipfs.io/ipfs/bafyinfra2/nucleus.md");

    // Roles: Bob holds the cell's delegate seat, so Carol cannot get it; she can become a steward.
    const carolRow = page.locator(`[data-member="${carol.address}"]`);
    await carolRow.getByRole("button", { name: "Change roles" }).click();
    await carolRow.getByLabel("delegate").check();
    expect(await carolRow.innerText()).toMatch(
      /Cell 2 already has a delegate \(Bob \(0x7099…79C8\)\): remove that role first\./,
    );
    expect(await carolRow.getByRole("button", { name: "Save roles" }).isDisabled()).toBe(true);
    await carolRow.getByLabel("delegate").uncheck();
    await carolRow.getByLabel("steward").check();
    await carolRow.getByRole("button", { name: "Save roles" }).click();
    await confirmed(page.locator("section", { has: page.getByTestId("members") }));
    await expect.poll(() => carolRow.getByTestId("member-roles").innerText()).toBe("member and steward");

    // Decision owners: name Carol for "budget"; ask who decides on "budget" and on "treasury".
    const decisions = page.getByTestId("decisions");
    await decisions.getByLabel("Topic").fill("budget");
    await decisions.getByLabel(/^Owner/).fill(carol.address);
    await decisions.getByRole("button", { name: "Save" }).click();
    await confirmed(decisions);
    await expect.poll(() => decisions.locator("table").innerText()).toMatch(/budget\s+Carol/);
    const search = decisions.getByLabel("Who makes the final call on…");
    await search.fill("treasury");
    await decisions.getByRole("button", { name: "Ask" }).click();
    const answer = decisions.locator(".answer");
    await expect
      .poll(() => answer.innerText())
      .toMatch(/Alice[\s\S]*makes the final call on treasury in Infra, as decided in Concord DAO/);
    expect(await answer.locator(".path li").allInnerTexts()).toEqual([
      "Infra #2: no owner set, ask above",
      expect.stringMatching(/^Concord DAO #1: Alice/),
    ]);
    await shoot(page, "cell-steward");

    // An intent, dated in the browser's time zone.
    await page.getByLabel("What you intend to do").fill("rotate the RPC keys");
    await page.getByLabel("When").fill("2035-01-01T10:00");
    await page.getByRole("button", { name: "Signal", exact: true }).click();
    await confirmed(page.locator("form", { has: page.getByLabel("What you intend to do") }));
    await expect.poll(() => page.getByTestId("activity").innerText()).toContain("rotate the RPC keys");
  });

  it("shows a wrong network with a one-click switch, then sends through the injected wallet", async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    contexts.push(context);
    // A minimal EIP-1193 wallet holding Carol, on Ethereum (chain 1) until asked to switch; it forwards
    // everything else to the node, which has the dev accounts unlocked.
    await context.addInitScript(
      ({ rpcUrl, account }) => {
        let chainId = "0x1";
        const listeners: Record<string, ((value: unknown) => void)[]> = {};
        const emit = (event: string, value: unknown) => (listeners[event] ?? []).forEach((fn) => fn(value));
        let id = 0;
        (window as unknown as { ethereum: unknown }).ethereum = {
          isMetaMask: false,
          on: (event: string, fn: (value: unknown) => void) => void (listeners[event] ??= []).push(fn),
          removeListener: (event: string, fn: (value: unknown) => void) =>
            void (listeners[event] = (listeners[event] ?? []).filter((other) => other !== fn)),
          async request({ method, params }: { method: string; params?: unknown[] }) {
            switch (method) {
              case "eth_requestAccounts":
              case "eth_accounts":
                return [account];
              case "eth_chainId":
                return chainId;
              case "wallet_requestPermissions":
                throw Object.assign(new Error("unsupported"), { code: 4200 });
              case "wallet_switchEthereumChain": {
                chainId = (params?.[0] as { chainId: string }).chainId;
                emit("chainChanged", chainId);
                return null;
              }
            }
            if (chainId !== "0x7a69" && method === "eth_sendTransaction") {
              throw Object.assign(new Error("wrong chain"), { code: 4901 });
            }
            const response = await fetch(rpcUrl, {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify({ jsonrpc: "2.0", id: ++id, method, params: params ?? [] }),
            });
            const body = await response.json();
            if (body.error) throw Object.assign(new Error(body.error.message), body.error);
            return body.result;
          },
        };
      },
      { rpcUrl: stack.rpcUrl, account: carol.address },
    );
    const page = await context.newPage();
    await page.goto(`${stack.app.url}#/cells/2`);
    await page.getByRole("button", { name: "Connect", exact: true }).click();
    await page.getByTestId("connect-injected").click();
    const banner = page.getByTestId("wrong-network");
    await banner.waitFor();
    expect(await banner.innerText()).toContain("Your wallet is on Ethereum");
    const gated = page.getByRole("button", { name: "Declare a state or signal an intent" });
    expect(await gated.isDisabled()).toBe(true);
    expect(await page.getByText("Switch your wallet to Local chain to do this.").count()).toBeGreaterThan(0);
    await shoot(page, "wrong-network");

    await banner.getByRole("button", { name: "Switch to Local chain" }).click();
    await banner.waitFor({ state: "detached" });
    await page.getByLabel("Your current state").fill("reviewing the RPC failover plan");
    await page.getByRole("button", { name: "Declare", exact: true }).click();
    await confirmed(page.locator("form", { has: page.getByLabel("Your current state") }));
    await expect
      .poll(() => page.getByTestId("activity").innerText())
      .toContain("reviewing the RPC failover plan");

    // And leaves the cell.
    const standing = page.getByTestId("standing");
    await standing.getByRole("button", { name: "Leave Infra" }).click();
    await confirmed(standing);
    await expect.poll(() => standing.innerText()).toContain("You are not a member of this cell.");
  });
});
