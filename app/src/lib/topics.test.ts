import { describe, expect, it } from "vitest";

import { topicId } from "../../../sdk/index.ts";
import { COMMON_TOPICS, normaliseTopic, topicNamer } from "./topics.ts";

describe("topics", () => {
  it("names the hashes of known topics", () => {
    const nameOf = topicNamer([...COMMON_TOPICS, "  node upgrades "]);
    expect(nameOf(topicId("treasury"))).toBe("treasury");
    expect(nameOf(topicId("node upgrades"))).toBe("node upgrades");
    expect(nameOf(topicId("unknown"))).toBeNull();
    expect(nameOf(topicId("treasury").toUpperCase().replace("0X", "0x") as `0x${string}`)).toBe("treasury");
  });

  it("keeps case, trims spaces", () => {
    expect(normaliseTopic("  Treasury ")).toBe("Treasury");
  });
});
