import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Import, ImportDryRun, ImportPlan } from '../../../src/shared/import-schemas';
import { messageOf } from '../api/api-error';
import { queryKeys } from '../api/workspace-queries';
import { requestDryRun, useImport } from './import-queries';

/** Where a dry run is: not asked for, checking the rows, found what would happen, or failed. */
export type DryRunState =
  | { phase: 'idle' }
  | { phase: 'checking' }
  | { phase: 'ready'; result: ImportDryRun }
  | { phase: 'failed'; message: string };

const waitingForResult = (item: Import) => item.dryRun === null && item.state === 'uploaded' && !item.error;

/** Asks for a dry run of a plan and follows the import until its result arrives; `run` again after changes, `reset` for a new file. */
export function useDryRun(importId: string | null) {
  const queryClient = useQueryClient();
  const request = useMutation({
    mutationFn: (plan: ImportPlan) => requestDryRun(importId ?? '', plan),
    onSuccess: (item) => queryClient.setQueryData(queryKeys.importById(item.id), item),
  });
  const followed = useImport(request.isSuccess ? importId : null, waitingForResult);
  const item = followed.data;

  let state: DryRunState;
  if (request.isIdle) state = { phase: 'idle' };
  else if (request.isError) state = { phase: 'failed', message: messageOf(request.error) };
  else if (request.isPending || !item || waitingForResult(item)) {
    state = followed.isError
      ? { phase: 'failed', message: messageOf(followed.error) }
      : { phase: 'checking' };
  } else if (item.dryRun) state = { phase: 'ready', result: item.dryRun };
  else
    state = { phase: 'failed', message: item.error ?? `The import is ${item.state}; upload the file again.` };

  return { state, run: request.mutate, reset: request.reset };
}
