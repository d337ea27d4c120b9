import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, queryString } from '../api/api-client';
import { queryKeys } from '../api/workspace-queries';
import type { QuickSearchHit } from '../../../src/shared/quick-search-schemas';

/** How many contacts quick find shows. */
export const QUICK_FIND_LIMIT = 8;

/** The best contacts for the text typed so far (nothing while it is empty); the last answer stays while typing. */
export function useQuickFind(text: string) {
  return useQuery({
    queryKey: [...queryKeys.contacts, 'quick-find', text],
    queryFn: async ({ signal }) =>
      (
        await api.get<{ data: QuickSearchHit[] }>(
          `/contacts/quick-search${queryString({ q: text, limit: QUICK_FIND_LIMIT })}`,
          { signal },
        )
      ).data,
    enabled: text.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}
