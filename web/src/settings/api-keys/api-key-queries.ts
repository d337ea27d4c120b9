import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/api-client';
import type { ApiKey } from '../../api/types';
import { queryKeys } from '../../api/workspace-queries';

/** The workspace's API keys, active ones first, newest first (admins only). */
export function useApiKeys() {
  return useQuery({
    queryKey: queryKeys.apiKeys,
    queryFn: async () =>
      (await api.get<{ data: ApiKey[] }>('/api-keys')).data.sort(
        (a, b) =>
          Number(a.revokedAt !== null) - Number(b.revokedAt !== null) ||
          b.createdAt.localeCompare(a.createdAt),
      ),
  });
}
