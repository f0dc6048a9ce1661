import { describe, expect, it } from "vitest";

import { formatCountdown, turnOf } from "./countdown.ts";

describe("countdowns", () => {
  it("formats what is left", () => {
    expect(formatCountdown(9n)).toBe("9 s");
    expect(formatCountdown(2527n)).toBe("42 min 07 s");
    expect(formatCountdown(3900)).toBe("1 h 05 min");
    expect(formatCountdown(3 * 86_400 + 4 * 3_600 + 59)).toBe("3 d 4 h");
    expect(formatCountdown(-5n)).toBe("0 s");
  });

  it("tells a waiter whether their claim window is open", () => {
    const entry = { position: 0, windowStart: 100n, windowEnd: 700n };
    expect(turnOf(entry, 200n)).toEqual({ kind: "claim", until: 700n });
    expect(turnOf(entry, 50n)).toEqual({ kind: "waiting", position: 0, from: 100n, until: 700n });
    expect(turnOf(entry, 700n).kind).toBe("waiting");
  });
});
