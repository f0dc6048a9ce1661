/**
 * One clock (issue 14): every time is shown in the viewer's time zone and language, with the UTC form on
 * hover, through `Time` and the one `Countdown`.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { formatDateTime, formatLocalDateTime, formatLocalTime } from "../lib/format.ts";
import { Countdown } from "./Countdown.tsx";
import { Time } from "./Time.tsx";

const at = 1_700_000_000n; // 2023-11-14 22:13:20 UTC

describe("the viewer's clock", () => {
  it("formats a moment in the viewer's time zone and language", () => {
    expect(formatLocalDateTime(at, { locale: "en-GB", timeZone: "Europe/Paris" })).toBe("14 Nov 2023, 23:13");
    expect(formatLocalDateTime(at, { locale: "en-GB", timeZone: "Asia/Tokyo" })).toBe("15 Nov 2023, 07:13");
    expect(formatLocalDateTime(at, { locale: "en-US", timeZone: "America/New_York" })).toBe(
      "Nov 14, 2023, 5:13 PM",
    );
    expect(formatLocalTime(at, { locale: "en-GB", timeZone: "Europe/Paris" })).toBe("23:13");
    // Out of the Date range: the raw number rather than "Invalid Date".
    expect(formatLocalDateTime(2n ** 80n)).toBe(String(2n ** 80n));
    expect(formatLocalTime(2n ** 80n)).toBe(String(2n ** 80n));
  });

  it("shows a moment locally, with UTC on hover and an ISO dateTime", () => {
    const html = renderToStaticMarkup(createElement(Time, { at }));
    expect(html).toBe(
      `<time dateTime="2023-11-14T22:13:20.000Z" title="2023-11-14 22:13 UTC">${formatLocalDateTime(at)}</time>`,
    );
    // The text says no "UTC": that is on hover only.
    expect(html.replace(/title="[^"]*"/, "")).not.toContain("UTC");
  });

  it("says how far a moment is when given now, with both forms on hover", () => {
    const html = renderToStaticMarkup(createElement(Time, { at, now: at - 3n * 3600n }));
    expect(html).toContain(">in 3 h</time>");
    expect(html).toContain(`title="${formatLocalDateTime(at)} (${formatDateTime(at)})"`);
    const custom = renderToStaticMarkup(createElement(Time, { at, text: "23:13 CET" }));
    expect(custom).toContain(">23:13 CET</time>");
    expect(custom).toContain('title="2023-11-14 22:13 UTC"');
  });

  it("has one countdown: time left on a given clock, the end's word once reached", () => {
    const left = renderToStaticMarkup(createElement(Countdown, { to: at, now: at - 2527n }));
    expect(left).toContain(">42 min 07 s left</time>");
    expect(left).toContain('class="countdown"');
    expect(left).toContain(`title="${formatLocalDateTime(at)} (2023-11-14 22:13 UTC)"`);
    const ended = renderToStaticMarkup(createElement(Countdown, { to: at, now: at, ended: "closed" }));
    expect(ended).toContain(">closed</time>");
  });
});
