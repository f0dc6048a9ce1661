/**
 * The treasury domain (lazy chunks only): the timelock's balances, payments and pending outflows (the SDK's
 * `getTreasury`). Keys come from {@link treasuryKeys}, segment "treasury" in keys.ts: the block watcher and
 * every write refresh them when the houses or the timelock emit.
 */
import { useQuery } from "@tanstack/react-query";

import { getTreasury } from "../../../sdk/index.ts";
import { useConcord } from "../concord.tsx";
import { concordKey } from "./keys.ts";

/** Query keys of the treasury domain. */
export const treasuryKeys = {
  all: (chainId: number) => [...concordKey, chainId, "treasury"] as const,
};

/** The treasury: ETH and tokens held, payments in and out, open proposals' outflows by stage. */
export function useTreasury() {
  const { app, reader } = useConcord();
  return useQuery({
    queryKey: treasuryKeys.all(app.chain.id),
    queryFn: () => getTreasury(reader),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    retry: 1,
  });
}
