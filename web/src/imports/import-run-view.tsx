import { Alert, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { Import } from '../../../src/shared/import-schemas';
import { queryKeys } from '../api/workspace-queries';
import { ErrorPanel } from '../ui/error-panel';
import { PageLoader } from '../ui/page-loader';
import { notifyFailure } from '../settings/shared/notify';
import { ImportCounts } from './import-counts';
import { isImportRunning } from './import-labels';
import { ImportProgress } from './import-progress';
import { cancelImport, useImport } from './import-queries';
import { ImportReport } from './import-report';

/** Props of the run view. */
export interface ImportRunViewProps {
  importId: string;
  /** More buttons beside "View contacts" once the import ended. */
  actions?: ReactNode;
}

const keepPolling = (item: Import) => isImportRunning(item.state);

/** Follows an import: its progress while it runs (with Cancel), then its report. */
export function ImportRunView({ importId, actions }: ImportRunViewProps) {
  const queryClient = useQueryClient();
  const query = useImport(importId, keepPolling);
  const cancel = useMutation({
    mutationFn: () => cancelImport(importId),
    onSuccess: (item) => queryClient.setQueryData(queryKeys.importById(importId), item),
    onError: (error) => notifyFailure('The import could not be cancelled', error),
  });
  const item = query.data;
  if (!item) {
    if (query.isError)
      return (
        <ErrorPanel
          title="This import could not be loaded"
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      );
    return <PageLoader label="Loading the import" />;
  }
  if (item.state === 'uploaded')
    return (
      <Alert color="gray" title="Not started" role="status">
        This file was uploaded but never imported. Upload it again in the import wizard to import it.
      </Alert>
    );
  if (isImportRunning(item.state))
    return (
      <Stack gap="md">
        <ImportProgress item={item} cancelling={cancel.isPending} onCancel={() => cancel.mutate()} />
        <ImportCounts counts={item.counts} label="Rows so far" />
      </Stack>
    );
  return <ImportReport item={item} actions={actions} />;
}
