import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { FilterNode } from '../../../src/shared/filter/filter-tree';
import { api, queryString } from '../api/api-client';
import { queryKeys } from '../api/workspace-queries';
import { filterParam } from './filter-param';

const DEBOUNCE_MS = 300;

/** How many contacts match a filter and words, asked ~300 ms after they stop changing. */
export function useFilterCount(q: string, filter: FilterNode | null) {
  const [debounced] = useDebouncedValue(JSON.stringify([q.trim(), filterParam(filter) ?? null]), DEBOUNCE_MS);
  const [words, param] = JSON.parse(debounced) as [string, string | null];
  return useQuery({
    queryKey: [...queryKeys.contacts, 'count', words, param],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      api.get<{ total: number }>(`/contacts/count${queryString({ q: words || undefined, filter: param })}`, {
        signal,
      }),
  });
}
