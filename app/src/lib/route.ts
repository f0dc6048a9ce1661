/**
 * Hash routes (`#/cells/2`), so the static build works from any host and path.
 */

/** The screens of the app. */
export type Route =
  | { name: "dashboard" }
  | { name: "cells" }
  | { name: "newCell"; parentId: bigint | null }
  | { name: "cell"; id: bigint }
  | { name: "agreements"; cellId: bigint | null }
  | { name: "newAgreement"; cells: bigint[] }
  | { name: "agreement"; id: bigint }
  | { name: "resources" }
  | { name: "newResource"; cellId: bigint | null }
  | { name: "resource"; id: bigint }
  | { name: "proposals" }
  | { name: "newProposal" }
  | { name: "proposal"; id: bigint }
  | { name: "members" }
  | { name: "treasury" }
  | { name: "notFound"; path: string };

/**
 * Parses `location.hash`.
 *
 * @example
 * parseRoute("#/cells/2"); // { name: "cell", id: 2n }
 * parseRoute("#/cells/new?parent=2"); // { name: "newCell", parentId: 2n }
 */
export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, "") || "/";
  const [pathPart = "/", query = ""] = raw.split("?", 2);
  const path = pathPart.replace(/\/+$/, "") || "/";
  const params = new URLSearchParams(query);
  if (path === "/") return { name: "dashboard" };
  if (path === "/cells") return { name: "cells" };
  if (path === "/cells/new") {
    const parent = params.get("parent");
    return { name: "newCell", parentId: parent && /^[1-9]\d*$/.test(parent) ? BigInt(parent) : null };
  }
  const cell = /^\/cells\/([1-9]\d{0,76})$/.exec(path);
  if (cell) return { name: "cell", id: BigInt(cell[1]!) };
  if (path === "/agreements") return { name: "agreements", cellId: idParam(params.get("cell")) };
  if (path === "/agreements/new") {
    const cells = (params.get("cells") ?? "").split(",").map(idParam);
    return { name: "newAgreement", cells: cells.filter((id): id is bigint => id !== null) };
  }
  const agreement = /^\/agreements\/([1-9]\d{0,76})$/.exec(path);
  if (agreement) return { name: "agreement", id: BigInt(agreement[1]!) };
  if (path === "/resources") return { name: "resources" };
  if (path === "/resources/new") return { name: "newResource", cellId: idParam(params.get("cell")) };
  const resource = /^\/resources\/([1-9]\d{0,76})$/.exec(path);
  if (resource) return { name: "resource", id: BigInt(resource[1]!) };
  if (path === "/members") return { name: "members" };
  if (path === "/proposals") return { name: "proposals" };
  if (path === "/proposals/new") return { name: "newProposal" };
  if (path === "/treasury") return { name: "treasury" };
  // Proposal ids are uint256 hashes (up to 78 digits).
  const proposal = /^\/proposals\/([1-9]\d{0,77})$/.exec(path);
  if (proposal && BigInt(proposal[1]!) < 2n ** 256n) return { name: "proposal", id: BigInt(proposal[1]!) };
  return { name: "notFound", path };
}

const idParam = (value: string | null): bigint | null =>
  value && /^[1-9]\d{0,76}$/.test(value) ? BigInt(value) : null;

/**
 * The hash of a route.
 *
 * @example
 * hrefOf({ name: "cell", id: 2n }); // "#/cells/2"
 */
export function hrefOf(route: Route): string {
  switch (route.name) {
    case "dashboard":
      return "#/";
    case "cells":
      return "#/cells";
    case "newCell":
      return route.parentId === null ? "#/cells/new" : `#/cells/new?parent=${route.parentId}`;
    case "cell":
      return `#/cells/${route.id}`;
    case "agreements":
      return route.cellId === null ? "#/agreements" : `#/agreements?cell=${route.cellId}`;
    case "newAgreement":
      return route.cells.length > 0 ? `#/agreements/new?cells=${route.cells.join(",")}` : "#/agreements/new";
    case "agreement":
      return `#/agreements/${route.id}`;
    case "resources":
      return "#/resources";
    case "newResource":
      return route.cellId === null ? "#/resources/new" : `#/resources/new?cell=${route.cellId}`;
    case "resource":
      return `#/resources/${route.id}`;
    case "proposals":
      return "#/proposals";
    case "newProposal":
      return "#/proposals/new";
    case "proposal":
      return `#/proposals/${route.id}`;
    case "members":
      return "#/members";
    case "treasury":
      return "#/treasury";
    case "notFound":
      return `#${route.path}`;
  }
}

/** Shorthand for the link to a cell. */
export const cellHref = (id: bigint): string => hrefOf({ name: "cell", id });

/** Shorthand for the link to an agreement. */
export const agreementHref = (id: bigint): string => hrefOf({ name: "agreement", id });
/** Shorthand for the link to a resource. */
export const resourceHref = (id: bigint): string => hrefOf({ name: "resource", id });
/** Shorthand for the link to a proposal. */
export const proposalHref = (id: bigint): string => hrefOf({ name: "proposal", id });
