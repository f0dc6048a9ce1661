import { describe, expect, it } from "vitest";

import { agreementHref, cellHref, hrefOf, parseRoute, resourceHref } from "./route.ts";
import type { Route } from "./route.ts";

describe("hash routes", () => {
  it("parses every screen", () => {
    expect(parseRoute("")).toEqual({ name: "dashboard" });
    expect(parseRoute("#/")).toEqual({ name: "dashboard" });
    expect(parseRoute("#/cells")).toEqual({ name: "cells" });
    expect(parseRoute("#/cells/")).toEqual({ name: "cells" });
    expect(parseRoute("#/cells/2")).toEqual({ name: "cell", id: 2n });
    expect(parseRoute("#/cells/new")).toEqual({ name: "newCell", parentId: null });
    expect(parseRoute("#/cells/new?parent=3")).toEqual({ name: "newCell", parentId: 3n });
    expect(parseRoute("#/cells/new?parent=x")).toEqual({ name: "newCell", parentId: null });
    expect(parseRoute("#/agreements")).toEqual({ name: "agreements", cellId: null });
    expect(parseRoute("#/agreements?cell=3")).toEqual({ name: "agreements", cellId: 3n });
    expect(parseRoute("#/agreements/7")).toEqual({ name: "agreement", id: 7n });
    expect(parseRoute("#/agreements/new")).toEqual({ name: "newAgreement", cells: [] });
    expect(parseRoute("#/agreements/new?cells=2,3,x")).toEqual({
      name: "newAgreement",
      cells: [2n, 3n],
    });
  });

  it("parses the resources screens", () => {
    expect(parseRoute("#/resources")).toEqual({ name: "resources" });
    expect(parseRoute("#/resources/3")).toEqual({ name: "resource", id: 3n });
    expect(parseRoute("#/resources/new")).toEqual({ name: "newResource", cellId: null });
    expect(parseRoute("#/resources/new?cell=2")).toEqual({ name: "newResource", cellId: 2n });
    expect(parseRoute("#/resources/new?cell=0")).toEqual({ name: "newResource", cellId: null });
    expect(parseRoute("#/resources/0").name).toBe("notFound");
    expect(resourceHref(5n)).toBe("#/resources/5");
  });

  it("refuses ids that are not cell ids", () => {
    expect(parseRoute("#/cells/0")).toEqual({ name: "notFound", path: "/cells/0" });
    expect(parseRoute("#/cells/-1").name).toBe("notFound");
    expect(parseRoute("#/cells/1e3").name).toBe("notFound");
    expect(parseRoute("#/nowhere")).toEqual({ name: "notFound", path: "/nowhere" });
    expect(parseRoute("#/agreements/0").name).toBe("notFound");
    expect(parseRoute("#/agreements?cell=0")).toEqual({ name: "agreements", cellId: null });
  });

  it("round-trips", () => {
    const routes: Route[] = [
      { name: "dashboard" },
      { name: "cells" },
      { name: "cell", id: 12n },
      { name: "newCell", parentId: null },
      { name: "newCell", parentId: 4n },
      { name: "agreements", cellId: null },
      { name: "agreements", cellId: 2n },
      { name: "agreement", id: 3n },
      { name: "newAgreement", cells: [] },
      { name: "newAgreement", cells: [2n, 3n] },
      { name: "resources" },
      { name: "resource", id: 9n },
      { name: "newResource", cellId: null },
      { name: "newResource", cellId: 2n },
    ];
    for (const route of routes) expect(parseRoute(hrefOf(route))).toEqual(route);
    expect(cellHref(7n)).toBe("#/cells/7");
    expect(agreementHref(3n)).toBe("#/agreements/3");
    expect(hrefOf({ name: "newAgreement", cells: [2n, 3n] })).toBe("#/agreements/new?cells=2,3");
  });
});

describe("governance routes", () => {
  it("parses the proposals screens and links back", async () => {
    const { proposalHref } = await import("./route.ts");
    const big = 2n ** 255n + 7n;
    expect(parseRoute("#/proposals")).toEqual({ name: "proposals" });
    expect(parseRoute("#/proposals/new")).toEqual({ name: "newProposal" });
    expect(parseRoute(`#/proposals/${big}`)).toEqual({ name: "proposal", id: big });
    expect(parseRoute(`#/proposals/${2n ** 256n}`)).toEqual({
      name: "notFound",
      path: `/proposals/${2n ** 256n}`,
    });
    expect(parseRoute("#/proposals/0")).toEqual({ name: "notFound", path: "/proposals/0" });
    expect(proposalHref(big)).toBe(`#/proposals/${big}`);
    for (const route of [
      { name: "proposals" },
      { name: "newProposal" },
      { name: "proposal", id: big },
    ] as const)
      expect(parseRoute(hrefOf(route))).toEqual(route);
  });
});

describe("members route", () => {
  it("parses the member directory and links back", () => {
    expect(parseRoute("#/members")).toEqual({ name: "members" });
    expect(parseRoute("#/members/")).toEqual({ name: "members" });
    expect(hrefOf({ name: "members" })).toBe("#/members");
  });
});
