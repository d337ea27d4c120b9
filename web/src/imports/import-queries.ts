import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { Import, ImportPlan } from '../../../src/shared/import-schemas';
import { api } from '../api/api-client';
import { queryKeys } from '../api/workspace-queries';
import { isImportRunning } from './import-labels';

const POLL_MS = 500;
const HISTORY_POLL_MS = 2000;

const importPath = (id: string) => `/imports/${encodeURIComponent(id)}`;

/** Reads one import. */
export const fetchImport = (id: string) => api.get<Import>(importPath(id));

/** Asks for a dry run of the plan; the result arrives on the import (`dryRun`) once it is ready. */
export const requestDryRun = (id: string, plan: ImportPlan) =>
  api.post<Import>(`${importPath(id)}/dry-run`, plan);

/** Starts the import with the plan. */
export const startImport = (id: string, plan: ImportPlan) =>
  api.post<Import>(`${importPath(id)}/start`, plan);

/** Asks the server to stop a running import; rows already written stay. */
export const cancelImport = (id: string) => api.post<Import>(`${importPath(id)}/cancel`);

/** Past imports, newest first; refreshed every two seconds while one of them runs. */
export function useImports() {
  return useQuery({
    queryKey: queryKeys.imports,
    queryFn: async () => (await api.get<{ data: Import[] }>('/imports')).data,
    refetchInterval: (query) =>
      query.state.data?.some((item) => isImportRunning(item.state)) ? HISTORY_POLL_MS : false,
  });
}

/**
 * Follows one import, polling every half second while `keepPolling` says so; when it stops running, refreshes
 * what it changed (contacts, tags, custom fields, the history).
 */
export function useImport(id: string | null, keepPolling: (item: Import) => boolean) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: queryKeys.importById(id ?? ''),
    queryFn: () => fetchImport(id ?? ''),
    enabled: id !== null,
    staleTime: 0,
    refetchInterval: (q) => (q.state.data && !keepPolling(q.state.data) ? false : POLL_MS),
  });
  const state = query.data?.state;
  const wasRunning = useRef(false);
  useEffect(() => {
    if (!state) return;
    if (isImportRunning(state)) {
      wasRunning.current = true;
      return;
    }
    if (!wasRunning.current) return;
    wasRunning.current = false;
    for (const key of [queryKeys.contacts, queryKeys.tags, queryKeys.customFields, queryKeys.imports])
      void queryClient.invalidateQueries({ queryKey: key, exact: key === queryKeys.imports });
  }, [state, queryClient]);
  return query;
}
