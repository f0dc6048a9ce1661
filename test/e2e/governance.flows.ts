/**
 * Browser flows of governance: an operational proposal goes from proposal through the operational house's
 * votes (Bob and Dave, the delegates of the recognised cells Infra and Community) and the veto window to
 * execution, all in the browser; a constitutional call is previewed as such before sending; a refusal in
 * the SDK's words changes nothing. Runs after the leases flows (which moved the chain's time forward), on
 * the demo seed (Alice, Bob, Carol and Dave are members; Bob and Dave hold the operational seats; the
 * treasury holds ETH). Time moves with `evm_increaseTime` + `evm_mine`.
 */
import path from "node:path";

import type { Locator, Page } from "playwright-core";
import { formatEther } from "viem";
import { expect, it } from "vitest";

import { DEV_ACCOUNTS } from "../../scripts/seed.ts";
import { screenshots } from "./harness.ts";
import type { E2E } from "./harness.ts";
import { rpc } from "./stack.ts";

const [alice, , carol, dave, erin] = DEV_ACCOUNTS as unknown as [
  (typeof DEV_ACCOUNTS)[number],
  (typeof DEV_ACCOUNTS)[number],
  (typeof DEV_ACCOUNTS)[number],
  (typeof DEV_ACCOUNTS)[number],
  (typeof DEV_ACCOUNTS)[number],
];

/** How long a poll waits for the page (the machine may be shared and slow). */
const wait = { timeout: 20_000 };

/** The reason written next to a disabled action button. */
async function whyDisabled(scope: Locator, action: string): Promise<string> {
  const button = scope.locator(`[data-action='${action}']`);
  expect(await button.isDisabled()).toBe(true);
  const id = await button.getAttribute("aria-describedby");
  return scope.page().locator(`[id='${id}']`).innerText();
}

/** Writes a proposal on the new-proposal page: a title and catalogue or raw calls. */
async function writeProposal(
  page: Page,
  title: string,
  calls: { action: string; fields: Record<string, string> }[],
): Promise<void> {
  const form = page.getByTestId("new-proposal");
  await form.waitFor();
  await page.getByTestId("proposal-title").fill(title);
  for (const call of calls) {
    await page.getByTestId("proposal-action").selectOption(call.action);
    for (const [name, value] of Object.entries(call.fields)) {
      const field = form.locator(`[data-field='${name}']`);
      if ((await field.evaluate((element) => element.tagName)) === "SELECT") await field.selectOption(value);
      else await field.fill(value);
    }
    await form.locator("[data-action='add-call']").click();
  }
}

/** Sends the proposal written on the page; once confirmed, the app opens the proposal's page. */
async function proposeAndOpen(page: Page): Promise<void> {
  await page.locator("[data-action='propose']").click();
  await page.waitForURL(/#\/proposals\/\d+$/, { timeout: 30_000 });
  await page.getByTestId("proposal-page").waitFor(wait);
  const stages = await page.evaluate(() => (window as unknown as { __stages: string[] }).__stages);
  expect(stages).toEqual(["checking", "signing", "pending", "confirmed"]);
}

export function governanceFlows(e2e: E2E): void {
  const balance = async (address: string) =>
    BigInt(await rpc<string>(e2e.stack.rpcUrl, "eth_getBalance", [address, "latest"]));
  const jump = async (seconds: number) => {
    await rpc(e2e.stack.rpcUrl, "evm_increaseTime", [seconds]);
    await rpc(e2e.stack.rpcUrl, "evm_mine");
  };

  it("lists the demo's proposals by stage", async () => {
    const page = await e2e.openApp("#/proposals");
    const list = page.getByTestId("proposals-page");
    await expect.poll(() => list.locator("[data-proposal-id]").count(), wait).toBeGreaterThanOrEqual(8);
    const text = await list.innerText();
    for (const title of ["Pay Carol 1 ETH for the RPC node migration", "Admit Erin as a member"])
      expect(text).toContain(title);
    expect(text).toMatch(/Executed \(\d+ proposals?\)/);
    expect(text).toMatch(/Vetoed \(1 proposal\)/);
    await e2e.shoot(page, "proposals");
  });

  it("never reads the vetoed demo proposal as executable, and shows its ballots", async () => {
    const page = await e2e.openApp("#/proposals");
    const list = page.getByTestId("proposals-page");
    const link = list.locator("[data-stage='vetoed'] a.proposal-link").first();
    await link.waitFor(wait);
    await link.click();
    const proposal = page.getByTestId("proposal-page");
    await expect.poll(() => proposal.getAttribute("data-stage"), wait).toBe("vetoed");
    expect(await page.getByTestId("proposal-eta").count()).toBe(0);
    expect(await proposal.innerText()).not.toMatch(/Executable from/);
    expect(await page.getByTestId("proposal-final").innerText()).toBe(
      "Vetoed by the community: it will never execute.",
    );
    expect(await page.getByTestId("next-step").innerText()).toBe(
      "Nothing more happens: the community vetoed it; it will never execute.",
    );
    // Nothing to do: no disabled button at all, one line on what comes next.
    expect(await page.getByTestId("proposal-actions").locator("button").count()).toBe(0);
    // Its ballots: Bob and Dave voted for it, Carol vetoed it with her reason.
    const ballots = page.getByTestId("ballots");
    await expect.poll(() => ballots.locator("li").count(), wait).toBe(3);
    expect(await ballots.locator("li[data-type='veto']").innerText()).toMatch(
      /Carol[\s\S]*Veto[\s\S]*1 vote[\s\S]*Nobody knows this vendor/,
    );
    expect(await ballots.locator("li[data-type='vote']").first().innerText()).toMatch(/For[\s\S]*1 seat/);
    // Carol reads her own veto in words.
    await e2e.connectAs(page, "Carol");
    await expect
      .poll(
        () =>
          page
            .getByTestId("your-vote")
            .innerText()
            .catch(() => ""),
        wait,
      )
      .toMatch(/^You vetoed it with \d+ votes?\.$/);
    await e2e.shoot(page, "proposal-vetoed");
  });

  it("takes an operational proposal from proposal through votes and the veto window to execution", async () => {
    const page = await e2e.openApp("#/proposals/new");
    await e2e.connectAs(page, "Bob");
    await writeProposal(page, "Pay Carol 0.5 ETH for the security audit", [
      { action: "pay", fields: { to: carol.address, amount: "0.5" } },
    ]);
    const preview = page.getByTestId("proposal-kind-preview");
    await expect.poll(() => preview.getAttribute("data-kind"), wait).toBe("operational");
    expect(await preview.innerText()).toMatch(/operational house/);
    expect(await page.getByTestId("proposal-preview").innerText()).toContain(
      "send 0.5 ETH to Carol (0x3C44…93BC)",
    );
    await e2e.shoot(page, "proposal-new");
    await proposeAndOpen(page);

    // The proposal's page: in the operational vote, voting not open yet.
    const proposal = page.getByTestId("proposal-page");
    await proposal.waitFor(wait);
    expect(await proposal.getAttribute("data-stage")).toBe("operationalVote");
    expect(await page.getByTestId("proposal-kind").first().innerText()).toBe("operational");
    expect(await page.getByTestId("proposal-calls").innerText()).toContain(
      "send 0.5 ETH to Carol (0x3C44…93BC)",
    );
    const actions = page.getByTestId("proposal-actions");
    // Bob may only cancel it (its proposer, before voting opens); the next line says when voting opens.
    await expect
      .poll(() => page.getByTestId("next-step").innerText(), wait)
      .toMatch(/^Voting opens .*\(in \d+/);
    expect(await actions.locator("[data-action='cancel']").isDisabled()).toBe(false);
    expect(await actions.locator("[data-action='execute']").count()).toBe(0);

    // Voting opens after the voting delay: Bob votes for, with a reason.
    await jump(61);
    await actions.locator("input[name='support'][value='for']").waitFor(wait);
    await page.getByTestId("vote-reason").fill("The audit is due before the release");
    // Nothing is chosen for the voter: the button says so until a choice is made.
    expect(await whyDisabled(actions, "vote")).toBe("Choose For, Against or Abstain.");
    await actions.locator("input[name='support'][value='for']").check();
    await actions.locator("[data-action='vote']").click();
    await e2e.confirmed(actions);
    await expect
      .poll(
        () =>
          page
            .getByTestId("your-vote")
            .innerText()
            .catch(() => ""),
        wait,
      )
      .toBe("You voted For with 1 seat in the operational house.");
    await expect.poll(() => actions.locator("input[name='support']").count(), wait).toBe(0);
    await expect
      .poll(() => page.getByTestId("ballots").innerText(), wait)
      .toMatch(/Bob[\s\S]*For[\s\S]*1 seat[\s\S]*The audit is due before the release/);

    // Carol holds no seat: she may not vote, and the page says why.
    await e2e.playAs(page, carol.address);
    await expect
      .poll(() => whyDisabled(actions, "vote").catch(() => ""), wait)
      .toMatch(/only the delegates of recognised cells vote in the operational house/);

    // Dave (Community's delegate) signs his vote instead of sending it (no fee); Alice relays it.
    await e2e.playAs(page, dave.address);
    await actions.locator("input[name='support'][value='for']").waitFor(wait);
    expect(await actions.locator("input[name='support']:checked").count()).toBe(0);
    await actions.locator("input[name='support'][value='for']").check();
    await actions.locator("[data-action='sign-vote']").click();
    const signed = page.getByTestId("signed-ballot");
    await signed.waitFor(wait);
    const signedVote = await signed.inputValue();
    expect(JSON.parse(signedVote)).toMatchObject({ type: "vote", house: "operational", support: "for" });
    await e2e.playAs(page, alice.address);
    const relay = page.getByTestId("relay");
    await relay.getByTestId("relay-input").fill(signedVote);
    await relay.locator("[data-action='relay']").click();
    await e2e.confirmed(relay);
    await e2e.playAs(page, dave.address);
    await expect
      .poll(
        () =>
          page
            .getByTestId("your-vote")
            .innerText()
            .catch(() => ""),
        wait,
      )
      .toBe("You voted For with 1 seat in the operational house.");
    await expect.poll(() => page.getByTestId("tally-operational").innerText(), wait).toMatch(/For\s+2 seats/);
    expect(await page.getByTestId("quorum-operational").innerText()).toMatch(
      /^Quorum: \d+ seats? needed, 2 seats for or abstaining\s+reached$/,
    );
    await e2e.shoot(page, "proposal-voting");

    // The vote closes; anyone queues it: the veto window opens.
    await jump(601);
    await expect.poll(() => proposal.getAttribute("data-stage"), wait).toBe("awaitingQueue");
    // The domain word stays on the button; one line says what it does.
    expect(await actions.getByTestId("step-hint-queue").innerText()).toMatch(/^Queue: starts the wait/);
    await actions.locator("[data-action='queue']").click();
    await e2e.confirmed(actions);
    await expect.poll(() => proposal.getAttribute("data-stage"), wait).toBe("vetoWindow");
    expect(await page.getByTestId("veto-tally").innerText()).toMatch(/0 veto votes of \d+ votes? needed/);
    expect(await page.getByTestId("next-step").innerText()).toMatch(
      /^Unless the community vetoes it, anyone can execute it from /,
    );
    // A veto asks first, and says what it would do; "keep it" sends nothing.
    await actions.locator("[data-action='veto']").click();
    expect(await page.getByTestId("veto-confirm").innerText()).toMatch(
      /Your veto \(1 vote\) (reaches the threshold|adds to 0 votes already cast)/,
    );
    await e2e.shoot(page, "proposal-veto-confirm");
    await actions.locator("[data-action='keep']").click();
    expect(await page.getByTestId("veto-confirm").count()).toBe(0);
    expect(await page.getByTestId("veto-tally").innerText()).toMatch(/0 veto votes of/);
    await e2e.shoot(page, "proposal");
    const id = await proposal.getAttribute("data-proposal-id");

    // On a phone: the same page, without sideways scrolling.
    const phone = await e2e.openApp(`#/proposals/${id}`, { width: 390, height: 844 });
    await phone.getByTestId("proposal-page").waitFor(wait);
    await phone.getByTestId("veto-tally").waitFor(wait);
    await e2e.shoot(phone, "proposal-phone");
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // The dashboard: Alice (a member) can veto it now; the DAO's proposals by stage.
    const dashboard = await e2e.openApp("#/");
    await e2e.connectAs(dashboard, "Alice");
    const toAct = dashboard.getByTestId("proposals-to-act");
    await expect.poll(() => toAct.locator(`[data-proposal-id='${id}']`).count(), wait).toBe(1);
    expect(await toAct.locator(`[data-proposal-id='${id}']`).innerText()).toMatch(
      /Pay Carol 0.5 ETH for the security audit[\s\S]*operational[\s\S]*Veto/,
    );
    const byStage = dashboard.getByTestId("proposals-by-stage");
    expect(await byStage.locator("[data-stage='vetoWindow']").innerText()).toContain(
      "Pay Carol 0.5 ETH for the security audit",
    );
    await e2e.shoot(dashboard, "dashboard-governance");
    await dashboard.locator("[data-section='proposals']").screenshot({
      path: path.join(screenshots, "dashboard-proposals-by-stage.png"),
    });

    // Nobody vetoes: after the window, anyone executes, and the treasury pays Carol.
    await jump(301);
    await expect.poll(() => proposal.getAttribute("data-stage"), wait).toBe("executable");
    const before = await balance(carol.address);
    await actions.locator("[data-action='execute']").click();
    await e2e.confirmed(actions);
    await expect.poll(() => proposal.getAttribute("data-stage"), wait).toBe("executed");
    expect(formatEther((await balance(carol.address)) - before)).toBe("0.5");
    expect(
      await page
        .getByTestId("proposal-timeline")
        .locator("li")
        .evaluateAll((items) => items.map((li) => li.className)),
    ).toEqual(["step-done", "step-done", "step-done", "step-done", "step-done"]);
  });

  it("previews a constitutional call as such before sending, and sends it to the community house", async () => {
    const page = await e2e.openApp("#/proposals/new");
    await e2e.connectAs(page, "Alice");
    await writeProposal(page, "Admit Erin and thank her", [
      { action: "pay", fields: { to: erin.address, amount: "0.1" } },
    ]);
    const preview = page.getByTestId("proposal-kind-preview");
    await expect.poll(() => preview.getAttribute("data-kind"), wait).toBe("operational");
    // Adding a membership mint makes it constitutional, and the preview says which call and why.
    await writeProposal(page, "Admit Erin and thank her", [
      { action: "admitMember", fields: { account: erin.address } },
    ]);
    await expect.poll(() => preview.getAttribute("data-kind"), wait).toBe("constitutional");
    expect(await preview.innerText()).toMatch(
      /community house[\s\S]*Call 2 \(mint a membership to 0x15d3…6A65\) is constitutional: every call to this contract is on the constitutional list/i,
    );
    expect(await page.getByTestId("proposal-preview").innerText()).toMatch(
      /mint a membership[\s\S]*constitutional/,
    );
    await e2e.shoot(page, "proposal-new-constitutional");
    await proposeAndOpen(page);
    const proposal = page.getByTestId("proposal-page");
    await proposal.waitFor(wait);
    expect(await proposal.getAttribute("data-stage")).toBe("communityVote");
    expect(await page.getByTestId("proposal-kind").first().innerText()).toBe("constitutional");
  });

  it("refuses a bad call in the form, and says before sending who may propose what", async () => {
    const asAlice = e2e.sdkAs(alice.privateKey);
    const newest = (await asAlice.governance.listProposals({ limit: 1 })).items[0]?.id;
    const page = await e2e.openApp("#/proposals/new");
    await e2e.connectAs(page, "Carol");
    // A bad raw call is refused in the form, before anything is sent.
    await writeProposal(page, "Pay myself", [
      { action: "raw", fields: { target: "carol", value: "", data: "" } },
    ]);
    expect(await page.getByTestId("add-call-error").innerText()).toBe(
      "Enter the target's address (0x followed by 40 hex digits).",
    );
    // Carol holds no seat: the page says so before she writes anything, and the button says why it is disabled.
    const rights = page.getByTestId("proposing-rights");
    await expect
      .poll(() => rights.locator("[data-kind='operational']").getAttribute("data-ok"), wait)
      .toBe("false");
    expect(await rights.locator("[data-kind='operational']").innerText()).toMatch(
      /You cannot propose operational calls[\s\S]*only the delegate of a recognised cell holds a seat/,
    );
    await writeProposal(page, "Pay myself", [{ action: "pay", fields: { to: carol.address, amount: "1" } }]);
    await expect
      .poll(() => page.getByTestId("proposal-kind-preview").getAttribute("data-kind"), wait)
      .toBe("operational");
    await expect
      .poll(() => whyDisabled(page.getByTestId("new-proposal"), "propose").catch(() => ""), wait)
      .toMatch(/^You cannot propose operational calls/);
    await e2e.shoot(page, "proposal-refused");
    expect((await asAlice.governance.listProposals({ limit: 1 })).items[0]?.id).toBe(newest);
  });
}
