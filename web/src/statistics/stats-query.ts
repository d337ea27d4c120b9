import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../api/api-client';
import type { WorkspaceStats } from '../api/types';
import { queryKeys } from '../api/workspace-queries';

/** The workspace's statistics over the last `days` UTC days, today included. */
export function useWorkspaceStats(days: number) {
  return useQuery({
    queryKey: queryKeys.workspaceStats(days),
    queryFn: () => api.get<WorkspaceStats>(`/whatsapp/stats?days=${days}`),
    placeholderData: keepPreviousData,
  });
}
