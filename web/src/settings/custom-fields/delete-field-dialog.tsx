import { Loader, Progress, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/api-client';
import type { CustomField, Job } from '../../api/types';
import { queryKeys } from '../../api/workspace-queries';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { notifySuccess } from '../shared/notify';
import { plural } from '../shared/plural';
import { isJobFinished, useJobProgress } from '../shared/use-job-progress';

/** Props of the delete-field dialog. */
export interface DeleteFieldDialogProps {
  field: CustomField;
  onClose(): void;
}

type DeleteOutcome = { contactCount: number } | { job: Job };

/** Confirms deleting a field, saying how many contacts hold a value; follows the job when the server runs one. */
export function DeleteFieldDialog({ field, onClose }: DeleteFieldDialogProps) {
  const queryClient = useQueryClient();
  const [jobId, setJobId] = useState<string | null>(null);
  const usage = useQuery({
    queryKey: ['custom-field-usage', field.id],
    queryFn: () => api.get<{ contactCount: number }>(`/custom-fields/${field.id}`),
    staleTime: 0,
  });
  const job = useJobProgress(jobId);

  const remove = useMutation({
    mutationFn: () => api.delete<DeleteOutcome>(`/custom-fields/${field.id}`),
    onSuccess: async (outcome) => {
      if ('job' in outcome) {
        setJobId(outcome.job.id);
        return;
      }
      await queryClient.invalidateQueries({ queryKey: queryKeys.customFields });
      notifySuccess(`Deleted “${field.label}” and its values on ${plural(outcome.contactCount, 'contact')}.`);
      onClose();
    },
  });

  const finishedJob = isJobFinished(job.data) ? job.data : undefined;
  const announced = useRef(false);
  useEffect(() => {
    if (finishedJob?.state !== 'done' || announced.current) return;
    announced.current = true;
    void queryClient.invalidateQueries({ queryKey: queryKeys.customFields });
    notifySuccess(
      `Deleted “${field.label}” and its values on ${plural(finishedJob.progress.total, 'contact')}.`,
    );
    onClose();
  }, [finishedJob, field.label, queryClient, onClose]);

  const running = jobId !== null && !finishedJob;
  const jobError =
    finishedJob && finishedJob.state !== 'done'
      ? new Error(finishedJob.error ?? 'The deletion stopped')
      : null;
  const progress = job.data?.progress;

  return (
    <ConfirmDialog
      opened
      title={`Delete “${field.label}”?`}
      confirmLabel="Delete field"
      danger
      busy={remove.isPending || running}
      disabled={usage.isPending}
      error={remove.error ?? usage.error ?? job.error ?? jobError}
      onConfirm={() => remove.mutate()}
      onClose={running ? () => undefined : onClose}
    >
      <Stack gap="xs">
        {usage.isPending ? (
          <Text size="sm" c="dimmed" role="status">
            <Loader size="xs" mr={6} /> Counting the contacts that hold a value…
          </Text>
        ) : usage.data ? (
          <Text size="sm">
            {usage.data.contactCount === 0 ? (
              'No contact holds a value for this field.'
            ) : (
              <>
                <Text span fw={700}>
                  {plural(usage.data.contactCount, 'contact')}
                </Text>{' '}
                {usage.data.contactCount === 1 ? 'holds' : 'hold'} a value for this field. Their values are
                deleted with it and each contact’s timeline records the removal.
              </>
            )}
          </Text>
        ) : null}
        <Text size="sm" c="dimmed">
          The key <code>{field.key}</code> stops working in filters, imports and the API. This cannot be
          undone.
        </Text>
        {jobId && (
          <Stack gap={4} role="status" aria-live="polite">
            <Text size="sm">
              Deleting values:{' '}
              {progress
                ? `${progress.done.toLocaleString()} of ${progress.total.toLocaleString()}`
                : 'starting'}
              …
            </Text>
            <Progress
              value={progress && progress.total > 0 ? (100 * progress.done) / progress.total : 0}
              animated
              aria-label="Deletion progress"
            />
          </Stack>
        )}
      </Stack>
    </ConfirmDialog>
  );
}
