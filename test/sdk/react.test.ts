/**
 * The React entry (`@concord-dao/sdk/react`): one key factory and one options factory per read, hooks as thin
 * compositions with `useQuery`, mutation options per write — against a local chain, rendered with react-dom/server.
 */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";

import { Roles } from "../../sdk/index.ts";
import {
  ConcordProvider,
  cellCountQueryOptions,
  concordQueryKeyHash,
  createCellMutationOptions,
  getCellQueryKey,
  getCellQueryOptions,
  isMemberQueryOptions,
  useCell,
} from "../../sdk/react/index.ts";
import { createTestChain } from "./fixture.ts";
import type { TestChain } from "./fixture.ts";

let chain: TestChain;
beforeAll(async () => {
  chain = await createTestChain();
});

function CellName({ cellId }: { cellId: bigint }) {
  const { data: cell, status } = useCell({ cellId });
  return createElement("p", null, cell ? `${cell.name} (${cell.memberCount} members)` : status);
}

describe("@concord-dao/sdk/react", () => {
  it("keys name the action, the deployment and the parameters, bigints included", async () => {
    const { as, address } = await chain.deploy();
    const concord = as(0);
    const key = getCellQueryKey(concord, { cellId: 1n });
    expect(key).toEqual(["concord", "getCell", { chainId: 31337, cellRegistry: address, cellId: 1n }]);
    expect(getCellQueryOptions(concord, { cellId: 1n }).queryKey).toEqual(key);
    expect(concordQueryKeyHash(key)).toBe(
      `["concord","getCell",{"cellId":"1n","cellRegistry":"${address}","chainId":31337}]`,
    );
    expect(concordQueryKeyHash(getCellQueryKey(concord, { cellId: 2n }))).not.toBe(concordQueryKeyHash(key));
  });

  it("options factories fetch through a QueryClient; a mutation runs the write", async () => {
    const { as, accounts } = { ...(await chain.deploy()), accounts: chain.accounts };
    const concord = as(0);
    const queryClient = new QueryClient();
    expect(await queryClient.fetchQuery(cellCountQueryOptions(concord))).toBe(0n);

    const created = await createCellMutationOptions(concord).mutationFn({ name: "Treasury guild" });
    expect(created.cellId).toBe(1n);
    await concord.cells.addMember({ cellId: 1n, account: accounts[1]!, roles: Roles.MEMBER });

    const cell = await queryClient.fetchQuery(getCellQueryOptions(concord, { cellId: 1n }));
    expect(cell.name).toBe("Treasury guild");
    expect(
      await queryClient.fetchQuery(isMemberQueryOptions(concord, { cellId: 1n, account: accounts[1]! })),
    ).toBe(true);
    // The cached count is stale after the write until the "concord" keys are invalidated.
    await queryClient.invalidateQueries({ queryKey: ["concord"] });
    expect(await queryClient.fetchQuery(cellCountQueryOptions(concord))).toBe(1n);
  });

  it("useCell renders a cell read through the ConcordProvider's client", async () => {
    const { as } = await chain.deploy();
    const concord = as(0);
    await concord.cells.createCell({ name: "Research" });
    const queryClient = new QueryClient();
    await queryClient.prefetchQuery(getCellQueryOptions(concord, { cellId: 1n }));

    const html = renderToString(
      createElement(
        QueryClientProvider,
        { client: queryClient },
        createElement(ConcordProvider, { client: concord }, createElement(CellName, { cellId: 1n })),
      ),
    );
    expect(html).toBe("<p>Research (1 members)</p>");

    // Without data in the cache the server render shows the pending state (queries run in the browser).
    const empty = renderToString(
      createElement(
        QueryClientProvider,
        { client: new QueryClient() },
        createElement(ConcordProvider, { client: concord }, createElement(CellName, { cellId: 1n })),
      ),
    );
    expect(empty).toBe("<p>pending</p>");
  });
});
