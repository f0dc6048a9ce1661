/**
 * The agreements domain of the agreement page (a lazy chunk): one agreement with its timeline, refreshed when
 * the agreement registry emits and when the agreement expires. The lists' rows (every agreement with its live
 * status) come from the dashboard's reads (queries.ts).
 */
import { useQuery } from "@tanstack/react-query";

import type { Agreement, TimelineEntry } from "../../../sdk/index.ts";
import { chainTimeNow } from "../components/Countdown.tsx";
import { useConcord, useRefreshAt } from "../concord.tsx";
import { key } from "./keys.ts";

/** Agreements: one agreement with its timeline, the indexer's list pages. */
export const agreementsKeys = {
  all: (chainId: number) => key(chainId, "agreements"),
  agreement: (chainId: number, agreementId: bigint) => key(chainId, "agreements", "agreement", agreementId),
};

const queryDefaults = { staleTime: Infinity, refetchOnWindowFocus: false, retry: 1 } as const;

/** Everything about one agreement and its timeline (SDK `getAgreement` and `timeline`). */
export function useAgreement(agreementId: bigint) {
  const { reader, app } = useConcord();
  const query = useQuery({
    queryKey: agreementsKeys.agreement(app.chain.id, agreementId),
    queryFn: async (): Promise<{ agreement: Agreement; timeline: TimelineEntry[] }> => {
      const [agreement, timeline] = await Promise.all([
        reader.agreements.getAgreement({ agreementId }),
        reader.agreements.agreementTimeline({ agreementId }),
      ]);
      return { agreement, timeline };
    },
    placeholderData: (previous) => previous,
    ...queryDefaults,
  });
  useRefreshAt(query.data, ({ agreement }) => ({
    readAt: chainTimeNow(),
    deadlines: { agreements: [agreement.expiresAt] },
  }));
  return query;
}
