/**
 * Browser flows of the cells screens: create a cell, ask to join and be approved, a bad input, a steward
 * running a cell, a wrong network and an injected wallet.
 */
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { expect, it } from "vitest";

import { withoutRawHex } from "../../app/src/lib/errors.ts";
import { DEV_ACCOUNTS } from "../../scripts/seed.ts";
import { screenshots } from "./harness.ts";
import type { E2E } from "./harness.ts";

const [alice, bob, carol] = DEV_ACCOUNTS as [
  (typeof DEV_ACCOUNTS)[number],
  (typeof DEV_ACCOUNTS)[number],
  (typeof DEV_ACCOUNTS)[number],
];

/** Registers the cells flows (run after the dashboard test, on the demo seed). */
export function cellFlows(e2e: E2E): void {
  it("lets a member create a cell, and a second member ask to join and be approved", async () => {
    const page = await e2e.openApp("#/cells");
    await page.getByTestId("cell-tree").waitFor();
    await e2e.shoot(page, "cells");
    await page.getByRole("link", { name: "Create a cell" }).click();
    await page.waitForURL(/#\/cells\/new$/);
    await e2e.connectAs(page, "Alice");
    await page.getByLabel("Name").fill("Research guild");
    await page.getByLabel("Where the document lives (URI)").fill("https://example.org/research-guild.md");
    await page
      .getByLabel("Paste the document to compute its hash…")
      .fill("Purpose: study what the DAO needs next.");
    expect(await page.locator(".hash-preview").innerText()).toMatch(/0x[0-9a-f]{64}/);
    await e2e.shoot(page, "new-cell");
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

    // "Playing as" says what each dev account is on chain now, not the seed's description.
    const playAsBob = page.getByTestId("play-as").locator(`option[value="${bob.address}"]`);
    await expect
      .poll(() => playAsBob.textContent())
      .toBe("Bob (0x7099…79C8) — steward of Infra · member of Concord DAO");

    // Bob asks to join.
    await e2e.playAs(page, bob.address);
    const standing = page.getByTestId("standing");
    await standing.getByRole("button", { name: "Ask to join Research guild" }).click();
    await e2e.confirmed(standing);
    await expect.poll(() => standing.innerText()).toContain("Your request to join is waiting for a steward.");
    await expect
      .poll(() => playAsBob.textContent())
      .toBe("Bob (0x7099…79C8) — steward of Infra · member of Concord DAO · asked to join Research guild");
    // Bob is no steward: approving is not his to do, and the page says why.
    await e2e.shoot(page, "cell-bob-requested");

    // Alice approves.
    await e2e.playAs(page, alice.address);
    const requests = page.getByTestId("join-requests");
    await expect.poll(() => requests.innerText()).toContain("Bob");
    await requests.getByRole("button", { name: "Approve" }).click();
    await e2e.confirmed(requests);
    await expect.poll(() => members.innerText()).toMatch(/Bob[\s\S]*member/);
    await expect.poll(() => page.getByTestId("member-count").innerText()).toBe("2 members, 1 steward");
    await expect
      .poll(() => playAsBob.textContent())
      .toBe("Bob (0x7099…79C8) — steward of Infra · member of Concord DAO and Research guild");
    await e2e.shoot(page, "cell-approved");
  });

  it("shows a bad input as a human error and changes nothing", async () => {
    const page = await e2e.openApp("#/cells/1");
    await e2e.connectAs(page, "Alice", { keyboard: true, shot: "connect" });
    const form = page.getByTestId("invite-form");
    await form.waitFor();
    const members = page.getByTestId("members");
    await expect.poll(() => members.locator("li").count()).toBe(4);
    const before = await e2e.blockNumber();

    // Not an address: refused by the SDK before anything is simulated or signed.
    await form.getByLabel("Account address").fill("0x1234");
    await form.getByRole("button", { name: "Invite" }).click();
    const status = form.locator(".write-status[data-stage='failed']");
    await status.waitFor();
    // The field in words, not the SDK's parameter name ("Invalid account").
    expect(await status.innerText()).toContain("The address is not valid: not an address.");

    // Already a member: refused by the contract in the simulation, decoded into words.
    await form.getByLabel("Account address").fill(carol.address);
    await form.getByRole("button", { name: "Invite" }).click();
    await expect
      .poll(() => status.innerText())
      // Named as the app knows them: Carol and the cell's name, not "0x3C44…93BC" and "cell 1".
      .toContain(
        `Carol (${carol.address.slice(0, 6)}…${carol.address.slice(-4)}) is already a member of “Concord DAO”.`,
      );
    // Addresses and hashes only, never raw revert data.
    expect(withoutRawHex(await status.innerText())).toBe(await status.innerText());
    await e2e.shoot(page, "bad-input");

    expect(await e2e.blockNumber()).toBe(before);
    expect(await members.locator("li").count()).toBe(4);
  });

  it("lets a steward run a cell: phase, nucleus, roles, decision owners, intents", async () => {
    const page = await e2e.openApp("#/cells/2");
    await e2e.connectAs(page, "Bob");
    const cellPage = page.getByTestId("cell-page");
    await cellPage.waitFor();

    // The cell's agreements and resources, with links to the filtered list, to propose and to register.
    const agreements = page.getByTestId("cell-agreements");
    await expect
      .poll(() => agreements.innerText())
      .toMatch(
        /Agreement #1: Forum and event tooling for Community\s*active\s*between Infra #2 and Community #3/,
      );
    expect(await agreements.innerText()).toMatch(
      /Agreement #2: Carol on call for the RPC nodes\s*proposed\s*between Carol/,
    );
    expect(await agreements.getByRole("link", { name: "All agreements of Infra" }).getAttribute("href")).toBe(
      "#/agreements?cell=2",
    );
    expect(
      await agreements
        .getByRole("link", { name: "Propose an agreement with this cell" })
        .getAttribute("href"),
    ).toBe("#/agreements/new?cells=2");
    const resources = page.getByTestId("cell-resources");
    await expect.poll(() => resources.innerText()).toMatch(/staging cluster #1: held by Carol/);
    expect(await resources.innerText()).toMatch(/production deploy key #2: held by Bob/);
    expect(await resources.innerText()).not.toContain("community call room");
    await e2e.shoot(page, "cell-relations");
    await page.getByRole("button", { name: "Register a resource" }).click();
    await page.waitForURL(/#\/resources\/new\?cell=2$/);
    await expect.poll(() => page.getByLabel("Owner cell").inputValue()).toBe("2");
    // Carol, a member of Infra but no steward, is told why registering is not hers to do.
    await page.goto(`${e2e.stack.app.url}#/cells/2`);
    await e2e.playAs(page, carol.address);
    const register = page.getByRole("button", { name: "Register a resource" });
    await expect.poll(() => register.isDisabled()).toBe(true);
    expect(await page.locator("[data-action='register-resource'] + .why").innerText()).toBe(
      "Only stewards of cell 2 (or of a cell above it) can do this.",
    );
    await e2e.playAs(page, bob.address);
    await expect.poll(() => register.isDisabled()).toBe(false);

    // Phase.
    await page.getByLabel("New phase").selectOption("coordination");
    await page.getByRole("button", { name: "Set phase" }).click();
    await e2e.confirmed(page.locator("section", { has: page.getByRole("heading", { name: "Phase" }) }));
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
    await e2e.confirmed(nucleus);
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
    await e2e.confirmed(page.locator("section", { has: page.getByTestId("members") }));
    await expect.poll(() => carolRow.getByTestId("member-roles").innerText()).toBe("member and steward");
    await expect
      .poll(() => page.getByTestId("play-as").locator(`option[value="${carol.address}"]`).textContent())
      .toBe("Carol (0x3C44…93BC) — steward of Infra · member of Concord DAO");

    // Decision owners: name Carol for "budget"; ask who decides on "budget" and on "treasury".
    const decisions = page.getByTestId("decisions");
    await decisions.getByLabel("Topic").fill("budget");
    await decisions.getByLabel(/^Owner/).fill(carol.address);
    await decisions.getByRole("button", { name: "Save" }).click();
    await e2e.confirmed(decisions);
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
    await e2e.shoot(page, "cell-steward");

    // An intent, dated in the browser's time zone.
    await page.getByLabel("What you intend to do").fill("rotate the RPC keys");
    await page.getByLabel("When").fill("2035-01-01T10:00");
    await page.getByRole("button", { name: "Signal", exact: true }).click();
    await e2e.confirmed(page.locator("form", { has: page.getByLabel("What you intend to do") }));
    await expect.poll(() => page.getByTestId("activity").innerText()).toContain("rotate the RPC keys");
  });

  it("shows a wrong network with a one-click switch, then sends through the injected wallet", async () => {
    const context = await e2e.newContext();
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
      { rpcUrl: e2e.stack.rpcUrl, account: carol.address },
    );
    const page = await context.newPage();
    await page.goto(`${e2e.stack.app.url}#/cells/2`);
    await page.getByRole("button", { name: "Connect", exact: true }).click();
    await page.getByTestId("connect-injected").click();
    const banner = page.getByTestId("wrong-network");
    await banner.waitFor();
    expect(await banner.innerText()).toContain("Your wallet is on Ethereum");
    const gated = page.getByRole("button", { name: "Declare a state or signal an intent" });
    expect(await gated.isDisabled()).toBe(true);
    expect(await page.getByText("Switch your wallet to Local chain to do this.").count()).toBeGreaterThan(0);
    await e2e.shoot(page, "wrong-network");

    await banner.getByRole("button", { name: "Switch to Local chain" }).click();
    await banner.waitFor({ state: "detached" });
    await page.getByLabel("Your current state").fill("reviewing the RPC failover plan");
    await page.getByRole("button", { name: "Declare", exact: true }).click();
    await e2e.confirmed(page.locator("form", { has: page.getByLabel("Your current state") }));
    await expect
      .poll(() => page.getByTestId("activity").innerText())
      .toContain("reviewing the RPC failover plan");

    // And leaves the cell.
    const standing = page.getByTestId("standing");
    await standing.getByRole("button", { name: "Leave Infra" }).click();
    await e2e.confirmed(standing);
    await expect.poll(() => standing.innerText()).toContain("You are not a member of this cell.");
  });

  it("keeps the DAO's tree apart from outsiders' cells, and long names on one line, even on a phone", async () => {
    // Issue 11, finding 5: an outsider's top-level cell with the longest name the registry takes (64 bytes,
    // unbroken), and a sub-cell of the DAO with one too.
    const longName = "W".repeat(64);
    const outsiderKey = generatePrivateKey();
    await fetch(e2e.stack.rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        jsonrpc: "2.0",
        id: 1,
        method: "hardhat_setBalance",
        params: [privateKeyToAccount(outsiderKey).address, "0x56BC75E2D63100000"], // 100 ETH
      }),
    });
    const outsider = e2e.sdkAs(outsiderKey);
    const { cellId: outside } = await outsider.cells.createCell({ name: `${longName.slice(1)}O` });
    const { cellId: inside } = await e2e
      .sdkAs(alice.privateKey)
      .cells.createCell({ parentId: 1n, name: longName });

    const page = await e2e.openApp("#/cells");
    const tree = page.getByTestId("cell-tree");
    const others = page.getByTestId("other-cells");
    await others.waitFor();
    await expect.poll(() => tree.locator(`[data-cell-id="${inside}"]`).count()).toBe(1);
    expect(await tree.locator(`[data-cell-id="${outside}"]`).count()).toBe(0);
    expect(await others.locator(`[data-cell-id="${outside}"]`).count()).toBe(1);
    // Research guild (created above, top-level, not recognised) is listed apart too.
    expect(await others.innerText()).toContain("Research guild");
    // The long name is cut on screen and whole on hover.
    const name = tree.locator(`[data-cell-id="${inside}"] .name`);
    expect(await name.getAttribute("title")).toBe(longName);
    expect(await name.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await e2e.shoot(page, "cells-long-names");

    // The dashboard's numbers count the DAO's cells only.
    await page.goto(`${e2e.stack.app.url}#/`);
    const numbers = page.getByTestId("dao-numbers");
    await expect.poll(() => numbers.innerText()).toMatch(/^4 cells in the DAO, 2 recognised cells\./);
    expect(await page.getByTestId("other-cells-count").innerText()).toMatch(/^2 other cells outside/);

    // No page scrolls sideways on a 390 px phone because of a name.
    const phone = await e2e.openApp("#/", { width: 390, height: 844 });
    for (const hash of [
      "#/",
      "#/cells",
      `#/cells/${inside}`,
      `#/cells/${outside}`,
      "#/agreements",
      "#/agreements/new",
    ]) {
      await phone.goto(`${e2e.stack.app.url}${hash}`);
      await expect.poll(() => phone.locator(".name").count(), { message: hash }).toBeGreaterThan(0);
      const widths = await phone.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        viewport: document.documentElement.clientWidth,
      }));
      expect(widths.page, hash).toBeLessThanOrEqual(widths.viewport);
    }
    await phone.goto(`${e2e.stack.app.url}#/cells/${inside}`);
    await phone.getByTestId("cell-page").waitFor();
    await phone.screenshot({ path: `${screenshots}/cell-long-name-phone.png` });
  });
}
