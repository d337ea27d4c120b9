import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  SavedSearch,
  SavedSearchCreateInput,
  SavedSearchUpdateInput,
} from '../../../src/shared/saved-search-schemas';
import { api } from '../api/api-client';

/** Query key of the saved searches. */
export const savedSearchesKey = ['saved-searches'] as const;

/** The member's saved searches and the workspace's shared ones, pinned first. */
export function useSavedSearches() {
  return useQuery({
    queryKey: savedSearchesKey,
    queryFn: async () => (await api.get<{ data: SavedSearch[] }>('/saved-searches')).data,
  });
}

type CreateBody = Partial<Omit<SavedSearchCreateInput, 'filter'>> &
  Pick<SavedSearchCreateInput, 'name'> & {
    filter?: unknown;
  };

/** Creating, changing, pinning and deleting saved searches; each refreshes the list. */
export function useSavedSearchMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: savedSearchesKey });
  return {
    create: useMutation({
      mutationFn: (body: CreateBody) => api.post<SavedSearch>('/saved-searches', body),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: ({ id, ...body }: SavedSearchUpdateInput & { id: string }) =>
        api.patch<SavedSearch>(`/saved-searches/${encodeURIComponent(id)}`, body),
      onSuccess,
    }),
    pin: useMutation({
      mutationFn: ({ id, pinned }: { id: string; pinned: boolean }) =>
        pinned
          ? api.put<SavedSearch>(`/saved-searches/${encodeURIComponent(id)}/pin`, {})
          : api.delete<SavedSearch>(`/saved-searches/${encodeURIComponent(id)}/pin`),
      onSuccess,
    }),
    remove: useMutation({
      mutationFn: (id: string) => api.delete(`/saved-searches/${encodeURIComponent(id)}`),
      onSuccess,
    }),
  };
}

/** The contact-list address that opens a saved search: its view, and `saved=<id>` to name it. */
export function savedSearchHref(search: SavedSearch): string {
  const params = new URLSearchParams();
  if (search.q) params.set('q', search.q);
  if (search.filter) params.set('filter', JSON.stringify(search.filter));
  if (search.sort) params.set('sort', search.sort);
  if (search.columns) params.set('cols', search.columns.join(','));
  params.set('saved', search.id);
  return `/contacts?${params.toString()}`;
}
