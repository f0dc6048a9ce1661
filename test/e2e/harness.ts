/**
 * The browser-test harness: one stack (chain, Ignition deployment, demo seed, app build and server, as
 * `npm start` brings up) and one Chromium for the whole e2e file, and the helpers every flow uses.
 *
 * Flows live in `*.flows.ts` files that export a function registering their `it(...)` cases with the
 * harness; `app.test.ts` runs them in order against the same chain (each flow sees what the earlier ones
 * left), so the stack is started once.
 */
import { access, mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { createPublicClient, createWalletClient, http } from "viem";
import type { Hex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { hardhat } from "viem/chains";
import { afterAll, beforeAll, expect } from "vitest";

import { launchChromium } from "../../app/scripts/measure.ts";
import { createConcordClient } from "../../sdk/index.ts";
import type { ConcordClient } from "../../sdk/index.ts";
import { rpc, startStack } from "./stack.ts";
import type { Stack } from "./stack.ts";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const screenshots = path.join(root, "test-results/screenshots");

type Viewport = { width: number; height: number };

/** What a flow gets: the running stack, the browser and the helpers that drive the app like a member. */
export type E2E = {
  /** The stack (set once `beforeAll` has run: use it inside tests only). */
  readonly stack: Stack;
  readonly browser: Browser;
  /** A fresh browser context (no wallet connected) that records every write's stages in `window.__stages`. */
  openApp(hash?: string, viewport?: Viewport): Promise<Page>;
  /** A bare browser context, closed with the others after the run. */
  newContext(viewport?: Viewport): Promise<BrowserContext>;
  /** A full-page screenshot into test-results/screenshots/<name>.png. */
  shoot(page: Page, name: string): Promise<void>;
  /** Connects a dev account ("Alice" … "Erin") from the Connect panel, by mouse or by keyboard. */
  connectAs(page: Page, name: string, options?: { keyboard?: boolean; shot?: string }): Promise<void>;
  /** Switches the connected dev account ("Playing as"). */
  playAs(page: Page, address: string): Promise<void>;
  /**
   * Waits until the write whose status is inside `scope` is confirmed (or fails with its message). With
   * `action` (the write's name, as its status line starts), only that write's status counts: a panel keeps the
   * previous write's "confirmed" until the next write starts, which a click does not do at once.
   */
  confirmed(scope: Locator, action?: string): Promise<void>;
  /** The chain's block number. */
  blockNumber(): Promise<number>;
  /** An SDK client signing with `privateKey` on the stack's chain: to change the chain from outside the page. */
  sdkAs(privateKey: Hex): ConcordClient;
};

/**
 * Registers the suite's `beforeAll`/`afterAll` (stack + Chromium up, then down; `teardown` runs first) and
 * returns the harness.
 */
export function setUpE2E(teardown?: () => Promise<void>): E2E {
  let stack: Stack | undefined;
  let browser: Browser | undefined;
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
    await teardown?.();
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await stack?.stop();
  });

  const started = <value>(value: value | undefined): value => {
    if (value === undefined) throw new Error("The e2e stack is not up: use the harness inside tests.");
    return value;
  };

  const e2e: E2E = {
    get stack() {
      return started(stack);
    },
    get browser() {
      return started(browser);
    },
    async newContext(viewport = { width: 1200, height: 900 }) {
      const context = await e2e.browser.newContext({ viewport });
      contexts.push(context);
      return context;
    },
    async openApp(hash = "#/", viewport) {
      const context = await e2e.newContext(viewport);
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
      await page.goto(e2e.stack.app.url + hash);
      return page;
    },
    async shoot(page, name) {
      await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
    },
    async connectAs(page, name, options = {}) {
      const open = page.getByRole("button", { name: "Connect", exact: true });
      const pick = page.getByTestId(`connect-${name}`);
      if (options.keyboard) {
        // Buttons all the way: focus and Enter, as a keyboard user would.
        await open.focus();
        await page.keyboard.press("Enter");
        await pick.focus();
        if (options.shot) await e2e.shoot(page, options.shot);
        await page.keyboard.press("Enter");
      } else {
        await open.click();
        if (options.shot) await e2e.shoot(page, options.shot);
        await pick.click();
      }
      await expect.poll(() => page.getByTestId("play-as").inputValue()).toMatch(/^0x/);
    },
    async playAs(page, address) {
      await page.getByTestId("play-as").selectOption(address);
    },
    async confirmed(scope, action) {
      const settled = scope.locator(
        ".write-status[data-stage='confirmed'], .write-status[data-stage='failed']",
      );
      const status = (action ? settled.filter({ hasText: action }) : settled).first();
      await status.waitFor({ timeout: 30_000 });
      expect(await status.getAttribute("data-stage"), await status.innerText()).toBe("confirmed");
    },
    async blockNumber() {
      return Number(await rpc<string>(e2e.stack.rpcUrl, "eth_blockNumber"));
    },
    sdkAs(privateKey) {
      const transport = http(e2e.stack.rpcUrl);
      return createConcordClient({
        publicClient: createPublicClient({ chain: hardhat, transport }),
        walletClient: createWalletClient({
          chain: hardhat,
          transport,
          account: privateKeyToAccount(privateKey),
        }),
        deployment: e2e.stack.deployment,
      });
    },
  };
  return e2e;
}
