/**
 * Browser flows of the resources screens: the list and its filters; a steward registers a resource, a
 * member acquires it, another is refused with the holder and the expiry shown, joins the queue and gets
 * the resource after the release; the booking calendar (book, a conflict, cancel); a steward's revoke and
 * policy change; the phone-sized page. Run after the cells flows, on the demo seed (resource 1 "staging
 * cluster" leased by Carol, 2 "production deploy key" held by Bob with Carol queued, 3 "community call
 * room" booked by Dave and Erin).
 */
import path from "node:path";

import type { Page } from "playwright-core";
import { expect, it } from "vitest";

import { groupByDay, secondsToLocalInput } from "../../app/src/lib/leases.ts";
import { DEV_ACCOUNTS } from "../../scripts/seed.ts";
import { screenshots } from "./harness.ts";
import type { E2E } from "./harness.ts";
import { rpc } from "./stack.ts";

const [, bob, carol, dave] = DEV_ACCOUNTS as unknown as [
  (typeof DEV_ACCOUNTS)[number],
  (typeof DEV_ACCOUNTS)[number],
  (typeof DEV_ACCOUNTS)[number],
  (typeof DEV_ACCOUNTS)[number],
];

/** How long a poll waits for the page: a hang guard (a loaded two-core machine has needed more than 15 s). */
const wait = { timeout: 30_000 };

/** "HH:MM" of a Unix time, as the app shows it (the browser and the tests share the machine's zone). */
const hhmm = (seconds: bigint) => secondsToLocalInput(seconds).slice(11);

/**
 * Freezes what the page sees of the chain's head, so that the page keeps showing an old state: two members
 * acting at the same moment. The app's block watcher asks for the latest block (`eth_getBlockByNumber`
 * "latest", which carries the chain's time) and wagmi may ask `eth_blockNumber`: both answer `block`.
 * Returns the function that ends it.
 */
async function freezeHead(page: Page, rpcUrl: string, block: number): Promise<() => Promise<void>> {
  const origin = new URL(rpcUrl).origin;
  const matches = (url: URL) => url.origin === origin;
  const frozen = `0x${block.toString(16)}`;
  await page.route(matches, async (route) => {
    const body = route.request().postDataJSON() as { id: number; method: string; params?: unknown[] } | null;
    if (body?.method === "eth_blockNumber") {
      await route.fulfill({ json: { jsonrpc: "2.0", id: body.id, result: frozen } });
    } else if (body?.method === "eth_getBlockByNumber" && body.params?.[0] === "latest") {
      await route.continue({
        postData: JSON.stringify({ ...body, params: [frozen, ...body.params.slice(1)] }),
      });
    } else await route.continue();
  });
  return () => page.unroute(matches);
}

/** Registers the leases flows. */
export function leaseFlows(e2e: E2E): void {
  it("lists the resources with what they are doing, filtered by owner cell and by mine", async () => {
    const page = await e2e.openApp("#/resources");
    const list = page.getByTestId("resource-list");
    await expect.poll(() => list.getByTestId("resource-item").count(), wait).toBe(3);
    const item = (id: number) => list.locator(`[data-resource-id="${id}"]`);
    expect(await item(1).innerText()).toMatch(/staging cluster[\s\S]*held[\s\S]*Held by Carol/);
    expect(await item(2).innerText()).toMatch(/production deploy key[\s\S]*Held by Bob[\s\S]*1 waiter/);
    expect(await item(3).innerText()).toMatch(/community call room[\s\S]*Free[\s\S]*2 upcoming bookings/);
    await e2e.shoot(page, "resources");

    // An unknown resource says so.
    const missing = await e2e.openApp("#/resources/99");
    await expect.poll(() => missing.locator("[role='alert']").count(), wait).toBe(1);
    expect(await missing.locator("[role='alert']").innerText()).toContain("Resource 99 does not exist.");

    await page.getByLabel("Owner cell").selectOption("3");
    await expect.poll(() => list.getByTestId("resource-item").count(), wait).toBe(1);
    expect(await list.innerText()).toContain("community call room");
    await page.getByLabel("Owner cell").selectOption("all");

    // "Mine" for Carol: the cluster she holds and the key she waits for, with her turn.
    await e2e.connectAs(page, "Carol");
    await page.getByLabel(/Only mine/).check();
    await expect.poll(() => list.getByTestId("resource-item").count(), wait).toBe(2);
    expect(await item(2).innerText()).toMatch(/your turn in \d+ min/);
  });

  it("lets a member acquire; another is refused with the holder and the expiry, queues, and gets it after the release", async () => {
    // Bob, steward of Infra, registers a resource.
    const page = await e2e.openApp("#/resources/new?cell=2");
    await e2e.connectAs(page, "Bob");
    const form = page.getByTestId("new-resource");
    await form.getByLabel("Name").fill("load-test rig");
    await form.getByLabel("Longest lease (and booking)", { exact: true }).fill("2");
    await form.getByLabel("Longest lease (and booking): unit").selectOption("h");
    // Carol left Infra in the cells flows: the rig is open to anyone (policy 1 would admit only the DAO's
    // recognised cells and cells inside Infra).
    await form.getByLabel("Who may use it").selectOption("2");
    await form.getByRole("button", { name: "Register" }).click();
    await page.waitForURL(/#\/resources\/\d+$/, { timeout: 30_000 });
    const id = Number(/resources\/(\d+)$/.exec(page.url())![1]);
    const resource = page.getByTestId("resource-page");
    await expect
      .poll(() => resource.getByRole("heading", { level: 1 }).innerText(), wait)
      .toContain("load-test rig");
    expect(await page.getByTestId("policy").innerText()).toMatch(/anyone[\s\S]*2 h[\s\S]*10 min/);

    // Carol has the page open while it is free, and her view stops following the chain.
    const carolPage = await e2e.openApp(`#/resources/${id}`);
    await e2e.connectAs(carolPage, "Carol");
    const carolLease = carolPage.getByTestId("lease-panel");
    await expect
      .poll(() => carolPage.getByTestId("resource-page").getAttribute("data-state"), wait)
      .toBe("free");
    const acquireReason = async () =>
      (await carolLease.getByRole("button", { name: "Acquire" }).isDisabled())
        ? await carolLease.innerText()
        : "enabled";
    await expect.poll(acquireReason, wait).toBe("enabled");
    const thaw = await freezeHead(carolPage, e2e.stack.rpcUrl, await e2e.blockNumber());

    // Bob acquires it for 20 minutes.
    const lease = page.getByTestId("lease-panel");
    await lease.getByLabel("Lease it for", { exact: true }).fill("20");
    await lease.getByRole("button", { name: "Acquire" }).click();
    await e2e.confirmed(lease);
    await expect.poll(() => lease.getByTestId("holder").innerText(), wait).toMatch(/Bob/);
    expect(await lease.getByTestId("fencing-token").innerText()).toBe("1");
    expect(await lease.innerText()).toMatch(/Lease granted until \d\d:\d\d .*, fencing token 1\./);
    const expiresAt = BigInt(
      (await e2e.sdkAs(bob.privateKey).leases.leaseOf({ resourceId: BigInt(id) })).expiresAt,
    );

    // Carol, still seeing it free, tries: the contract refuses, and the page names Bob and the expiry.
    await carolLease.getByLabel("Lease it for", { exact: true }).fill("15");
    await carolLease.getByRole("button", { name: "Acquire" }).click();
    const refusal = carolLease.locator(".write-status[data-stage='failed']");
    await refusal.waitFor({ timeout: 30_000 });
    expect(await refusal.innerText()).toMatch(
      new RegExp(
        `Resource ${id} is held by Bob \\(0x7099…79C8\\) until [^:]*\\d:\\d\\d[^:]*: come back then, or join its queue\\.`,
      ),
    );
    expect(await refusal.innerText()).not.toMatch(/0x[0-9a-fA-F]{10,}/);
    expect(await carolLease.getByTestId("blocker").innerText()).toMatch(
      new RegExp(`Bob[\\s\\S]*holds it until ${hhmm(expiresAt)}[\\s\\S]*join the queue below to be next`),
    );
    await e2e.shoot(carolPage, "resource-refused");
    await thaw();

    // Her view catches up: Acquire is disabled and says who holds it until when.
    await expect
      .poll(() => carolPage.getByTestId("resource-page").getAttribute("data-state"), wait)
      .toBe("held");
    expect(await carolLease.getByRole("button", { name: "Acquire" }).isDisabled()).toBe(true);
    expect(await carolLease.innerText()).toMatch(
      new RegExp(`Bob \\(0x7099…79C8\\) holds it until ${hhmm(expiresAt)}.*: join the queue to be next\\.`),
    );

    // She joins the queue, by keyboard.
    const queue = carolPage.getByTestId("queue");
    await queue.getByRole("button", { name: "Join the queue" }).focus();
    await carolPage.keyboard.press("Enter");
    await e2e.confirmed(queue);
    await expect.poll(() => queue.getByTestId("waiter").count(), wait).toBe(1);
    expect(await queue.getByTestId("your-turn").innerText()).toMatch(
      new RegExp(`Your turn in (19|20) min.*, at ${hhmm(expiresAt)}`),
    );
    expect(await queue.getByTestId("waiter").innerText()).toMatch(/Carol[\s\S]*turn in/);
    await e2e.shoot(carolPage, "resource-busy-queue");

    // Bob cannot renew while Carol waits, and the page says why; he releases.
    const bobQueue = page.getByTestId("queue");
    await expect.poll(() => bobQueue.getByTestId("waiter").count(), wait).toBe(1);
    expect(await lease.getByRole("button", { name: "Renew" }).isDisabled()).toBe(true);
    expect(await lease.innerText()).toContain(
      "Carol (0x3C44…93BC) waits for it: a lease cannot be renewed while someone waits. Release it, or let it expire.",
    );
    await e2e.shoot(page, "resource-holder");
    await lease.getByRole("button", { name: "Release" }).click();
    await e2e.confirmed(lease);

    // Carol's turn: she claims it.
    await expect.poll(() => queue.getByTestId("your-turn").innerText(), wait).toMatch(/Your turn now/);
    await carolLease.getByRole("button", { name: "Acquire" }).click();
    await e2e.confirmed(carolLease);
    await expect.poll(() => carolLease.getByTestId("holder").innerText(), wait).toMatch(/Carol/);
    expect(await carolLease.getByTestId("fencing-token").innerText()).toBe("2");
    await expect.poll(() => queue.getByTestId("queue-empty").count(), wait).toBe(1);

    // Bob queues behind Carol, then changes his mind.
    await bobQueue.getByRole("button", { name: "Join the queue" }).click();
    await e2e.confirmed(bobQueue, "Join the queue");
    await expect.poll(() => bobQueue.getByTestId("your-turn").innerText(), wait).toMatch(/^Your turn in/);
    await bobQueue.getByRole("button", { name: "Leave the queue" }).click();
    await e2e.confirmed(bobQueue, "Leave the queue");
    await expect.poll(() => bobQueue.getByTestId("queue-empty").count(), wait).toBe(1);
  });

  it("books and cancels a window in the calendar; a conflict is refused in words", async () => {
    const page = await e2e.openApp("#/resources/3");
    await e2e.connectAs(page, "Bob");
    const bookings = page.getByTestId("bookings");
    await expect.poll(() => bookings.getByTestId("booking").count(), wait).toBe(2);
    // Dave's booking is not Bob's to cancel (Bob stewards no cell above the room's), and the page says why.
    const daves = bookings.locator('[data-booking-id="1"]');
    expect(await daves.getByRole("button", { name: "Cancel" }).isDisabled()).toBe(true);
    await expect
      .poll(() => daves.innerText(), wait)
      .toMatch(/Only Dave \(0x90F7…b906\) who made it, or stewards of cell 3, can cancel it\./);

    const room = await e2e.sdkAs(bob.privateKey).leases.getResource({ resourceId: 3n });
    const dave1 = room.reservations.find((booking) => booking.id === 1n)!;
    const form = page.getByTestId("reserve-form");

    // A bad window: the end before the start, said before anything is sent.
    await form.getByLabel("Starts").fill(secondsToLocalInput(dave1.start + 7_200n));
    await form.getByLabel("Ends (not included)").fill(secondsToLocalInput(dave1.start + 3_600n));
    expect(await form.getByRole("button", { name: "Book" }).isDisabled()).toBe(true);
    expect(await form.innerText()).toContain("The booking must end after it starts.");

    // Overlapping Dave's booking: the contract refuses, in the SDK's words.
    await form.getByLabel("Starts").fill(secondsToLocalInput(dave1.start + 1_800n));
    await form.getByLabel("Ends (not included)").fill(secondsToLocalInput(dave1.start + 5_400n));
    await form.getByRole("button", { name: "Book" }).click();
    const failed = form.locator(".write-status[data-stage='failed']");
    await failed.waitFor({ timeout: 30_000 });
    expect(await failed.innerText()).toMatch(
      /The window overlaps booking 1 of resource 3, from .*\d:\d\d.* to .*\d:\d\d.*\./,
    );

    // A claim window (5 min) after Dave's booking (the form has minutes): accepted, and shown under its day.
    const gapEnd = dave1.end + 300n;
    const after = gapEnd + ((60n - (gapEnd % 60n)) % 60n);
    await form.getByLabel("Starts").fill(secondsToLocalInput(after));
    await form.getByLabel("Ends (not included)").fill(secondsToLocalInput(after + 1_800n));
    await form.getByRole("button", { name: "Book" }).click();
    await e2e.confirmed(form);
    await expect.poll(() => bookings.getByTestId("booking").count(), wait).toBe(3);
    const calendar = bookings.getByTestId("calendar");
    const mine = calendar.locator('[data-booking-id="3"]');
    expect(await mine.innerText()).toMatch(
      new RegExp(`${hhmm(after)} – ${hhmm(after + 1_800n)}[\\s\\S]*Bob`),
    );
    // Under its day, in the browser's time zone (the machine's, as here).
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const [day] = groupByDay([{ id: 3n, booker: bob.address, start: after, end: after + 1_800n }], zone);
    expect(await calendar.locator('.calendar-day:has([data-booking-id="3"]) h3').innerText()).toBe(
      day!.label,
    );
    await bookings.scrollIntoViewIfNeeded();
    await e2e.shoot(page, "resource-calendar");

    await mine.getByRole("button", { name: "Cancel" }).click();
    await e2e.confirmed(bookings.getByTestId("cancel-status"));
    await expect.poll(() => bookings.getByTestId("booking").count(), wait).toBe(2);
  });

  it("lets a steward revoke a lease (and says why others cannot) and change the policy", async () => {
    const page = await e2e.openApp("#/resources/1");
    await e2e.connectAs(page, "Dave");
    const tools = page.getByTestId("steward-tools");
    await expect.poll(() => page.getByTestId("resource-page").getAttribute("data-state"), wait).toBe("held");
    expect(await tools.getByRole("button", { name: /Revoke the lease/ }).isDisabled()).toBe(true);
    await expect
      .poll(() => tools.innerText(), wait)
      .toContain("Only stewards of cell 2 (or of a cell above it) can revoke a lease.");

    await e2e.playAs(page, bob.address);
    await tools.getByRole("button", { name: /Revoke the lease/ }).click();
    await e2e.confirmed(tools);
    await expect.poll(() => page.getByTestId("resource-page").getAttribute("data-state"), wait).toBe("free");
    expect(await page.getByTestId("no-lease").innerText()).toMatch(
      /No lease is live \(the last one ended at/,
    );

    const policy = page.getByTestId("policy-form");
    await policy.getByLabel("Longest lease (and booking)", { exact: true }).fill("3");
    await policy.getByLabel("Who may use it").selectOption("1");
    await policy.getByRole("button", { name: "Save the policy" }).click();
    await e2e.confirmed(policy);
    await expect
      .poll(() => page.getByTestId("policy").innerText(), wait)
      .toMatch(/members of cells the DAO vouches for[\s\S]*3 h/);

    // Dave (a member of the DAO's top cell) may now lease it.
    await e2e.playAs(page, dave.address);
    const lease = page.getByTestId("lease-panel");
    await lease.getByRole("button", { name: "Acquire" }).click();
    await e2e.confirmed(lease);
    await expect.poll(() => lease.getByTestId("holder").innerText(), wait).toMatch(/Dave/);
  });

  it("is readable on a phone", async () => {
    const phone = await e2e.openApp("#/resources/2", { width: 390, height: 844 });
    await e2e.connectAs(phone, "Carol");
    await expect.poll(() => phone.getByTestId("your-turn").count(), wait).toBe(1);
    await phone.screenshot({ path: path.join(screenshots, "resource-phone.png") });
    await e2e.shoot(phone, "resource-phone-full");
    // No sideways scrolling.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  // Last: it moves the chain's time (later flows would see other expiries).
  it("ends a lease, then a sleeper's turn, by time alone", async () => {
    const page = await e2e.openApp("#/resources/2");
    await e2e.connectAs(page, "Carol");
    const state = () => page.getByTestId("resource-page").getAttribute("data-state");
    await expect.poll(() => page.getByTestId("your-turn").innerText(), wait).toMatch(/^Your turn in/);
    const asCarol = e2e.sdkAs(carol.privateKey);
    const { expiresAt } = await asCarol.leases.leaseOf({ resourceId: 2n });
    const latestTime = async () =>
      BigInt(
        (await rpc<{ timestamp: string }>(e2e.stack.rpcUrl, "eth_getBlockByNumber", ["latest", false]))
          .timestamp,
      );
    const jump = async (seconds: bigint) => {
      await rpc(e2e.stack.rpcUrl, "evm_increaseTime", [Number(seconds)]);
      await rpc(e2e.stack.rpcUrl, "evm_mine");
    };

    // Bob's lease runs out: no transaction, and Carol's claim window opens.
    await jump(expiresAt - (await latestTime()) + 60n);
    await expect.poll(state, wait).toBe("claimable");
    expect(await page.getByTestId("your-turn").innerText()).toMatch(/^Your turn now: acquire it before/);
    expect(await page.getByTestId("resource-state").innerText()).toMatch(
      /^Your turn: you may claim it until \d\d:\d\d/,
    );
    await e2e.shoot(page, "resource-your-turn");

    // Carol sleeps through her 10 minutes: the resource is free for anyone again.
    await jump(11n * 60n);
    await expect.poll(state, wait).toBe("free");
    expect(await page.getByTestId("queue-empty").innerText()).toBe("Nobody is waiting.");
  });
}
