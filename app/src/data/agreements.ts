/**
 * The agreements domain of the agreements pages (lazy chunks): the list, one page at a time through the SDK
 * React entry's pages of `listAgreements` (its plain functions in agreementList.ts), and one agreement with its
 * timeline; each refreshed when the agreement registry emits and when what it shows expires. The dashboard's
 * agreement sections keep their own reads (queries.ts).
 */
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { InfiniteData } from "@tanstack/react-query";
import { useCallback } from "react";
import type { Address } from "viem";

import type { Agreement, AgreementSummary, Page, TimelineEntry } from "../../../sdk/index.ts";
import { listAgreementsInfiniteQueryOptions } from "../../../sdk/react/index.ts";
import { chainTimeNow } from "../components/Countdown.tsx";
import { useConcord, useRefreshAt } from "../concord.tsx";
import type { AgreementFilter } from "../lib/agreements.ts";
import { agreementListParameters, narrowAgreementPage } from "./agreementList.ts";
import { key } from "./keys.ts";
import { agreementTimeline, getAgreement } from "../../../sdk/index.ts";

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
        getAgreement(reader, { agreementId }),
        agreementTimeline(reader, { agreementId }),
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

/**
 * The agreements list for a filter and viewer, page by page (`fetchNextPage` reads the next one): each page one
 * `listAgreements` read of its items only. Refreshed with the agreements domain and when a shown agreement expires.
 */
export function useAgreementListPages(filter: AgreementFilter, account: Address | null) {
  const { reader } = useConcord();
  // A stable select (per filter), so that the pages' data keeps its identity between renders.
  const select = useCallback(
    (data: InfiniteData<Page<AgreementSummary>, string | null>) => ({
      ...data,
      pages: data.pages.map((page) => narrowAgreementPage(page, filter)),
    }),
    [filter],
  );
  const query = useInfiniteQuery(
    listAgreementsInfiniteQueryOptions(reader, agreementListParameters(filter, account), {
      ...queryDefaults,
      select,
    }),
  );
  useRefreshAt(query.data, (data) => ({
    readAt: chainTimeNow(),
    deadlines: { agreements: data.pages.flatMap((page) => page.items.map((item) => item.expiresAt)) },
  }));
  return query;
}
