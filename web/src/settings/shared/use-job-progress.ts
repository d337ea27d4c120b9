import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/api-client';
import type { Job } from '../../api/types';

const FINISHED = new Set<Job['state']>(['done', 'failed', 'cancelled']);

/** Follows a background job: polls GET /jobs/:id every half second until it is done, failed or cancelled. */
export function useJobProgress(jobId: string | null) {
  return useQuery({
    queryKey: ['job', jobId],
    queryFn: () => api.get<Job>(`/jobs/${jobId}`),
    enabled: jobId !== null,
    refetchInterval: (query) => (query.state.data && FINISHED.has(query.state.data.state) ? false : 500),
    staleTime: 0,
  });
}

/** True when the job will not change any more. */
export function isJobFinished(job: Job | undefined): boolean {
  return job !== undefined && FINISHED.has(job.state);
}
