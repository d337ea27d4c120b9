import { useQuery } from '@tanstack/react-query';
import type { Export, ExportRequest } from '../../../src/shared/export-schemas';
import { api } from '../api/api-client';
import { queryKeys } from '../api/workspace-queries';

const POLL_MS = 500;

/** True while an export is still being written. */
export const isExportRunning = (item: Export) => item.state === 'queued' || item.state === 'running';

/** Starts an export job. */
export const requestExport = (request: ExportRequest) => api.post<Export>('/exports', request);

/** Asks the server to stop a queued or running export. */
export const cancelExport = (id: string) => api.post<Export>(`/exports/${encodeURIComponent(id)}/cancel`);

/** Follows an export every half second until its file is written (or the job failed or was cancelled). */
export function useExport(id: string | null) {
  return useQuery({
    queryKey: queryKeys.exportById(id ?? ''),
    queryFn: () => api.get<Export>(`/exports/${encodeURIComponent(id ?? '')}`),
    enabled: id !== null,
    staleTime: 0,
    refetchInterval: (query) => (query.state.data && !isExportRunning(query.state.data) ? false : POLL_MS),
  });
}
