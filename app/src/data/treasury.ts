/**
 * The treasury domain (lazy chunks only): the timelock's balances, payments and pending outflows, through the
 * SDK React entry's factory (`getTreasury`; key `["concord", "getTreasury", {…}]`, refreshed with the
 * treasury domain: the block watcher and every write refresh it when the houses or the timelock emit).
 */
import { useQuery } from "@tanstack/react-query";

import { getTreasuryQueryOptions } from "../../../sdk/react/index.ts";
import { useConcord } from "../concord.tsx";

/** The treasury: ETH and tokens held, payments in and out, open proposals' outflows by stage. */
export function useTreasury() {
  const { reader } = useConcord();
  return useQuery(
    getTreasuryQueryOptions(reader, undefined, {
      staleTime: Infinity,
      refetchOnWindowFocus: false,
      retry: 1,
    }),
  );
}
