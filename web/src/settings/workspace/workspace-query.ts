import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/api-client';
import type { Workspace } from '../../api/types';

/** The query key of the workspace settings. */
export const WORKSPACE_QUERY_KEY = ['workspace'] as const;

/** The current workspace's settings, fresh from the server. */
export function useWorkspaceSettings() {
  return useQuery({
    queryKey: WORKSPACE_QUERY_KEY,
    queryFn: () => api.get<Workspace>('/workspace'),
    staleTime: 0,
  });
}
