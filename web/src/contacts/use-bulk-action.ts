import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/api-client';
import { messageOf } from '../api/api-error';
import type { BulkAction, BulkResult, Job } from '../api/types';

/** Where a bulk action is: not started, running (with progress when it runs as a job), finished or failed. */
export type BulkRun =
  | { phase: 'idle' }
  | { phase: 'running'; done: number; total: number | null; jobId?: string }
  | { phase: 'finished'; result: BulkResult }
  | { phase: 'failed'; message: string };

const POLL_MS = 500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs a bulk action: up to 100 listed contacts are done within the request; larger selections come back as a
 * job, followed every half second until it ends. An undo runs the same way.
 */
export function useBulkAction() {
  const [run, setRun] = useState<BulkRun>({ phase: 'idle' });
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const follow = useCallback(async (request: () => Promise<BulkResult | { job: Job }>) => {
    setRun({ phase: 'running', done: 0, total: null });
    try {
      const answer = await request();
      if (!('job' in answer)) {
        if (alive.current) setRun({ phase: 'finished', result: answer });
        return;
      }
      let job = answer.job;
      while (job.state === 'queued' || job.state === 'running') {
        if (!alive.current) return;
        setRun({
          phase: 'running',
          done: job.progress.done,
          total: job.progress.total || null,
          jobId: job.id,
        });
        await sleep(POLL_MS);
        job = await api.get<Job>(`/jobs/${encodeURIComponent(job.id)}`);
      }
      if (!alive.current) return;
      if (job.state === 'done') setRun({ phase: 'finished', result: job.result as BulkResult });
      else
        setRun({ phase: 'failed', message: job.error ?? `The action was ${job.state} before it finished` });
    } catch (error) {
      if (alive.current) setRun({ phase: 'failed', message: messageOf(error) });
    }
  }, []);

  const start = useCallback(
    (body: BulkAction) => follow(() => api.post<BulkResult | { job: Job }>('/contacts/bulk', body)),
    [follow],
  );

  /** Undoes a finished tag, field or assignment action: each contact gets back what it had before. */
  const undo = useCallback(
    (bulkActionId: string) =>
      follow(() =>
        api.post<BulkResult | { job: Job }>(`/bulk-actions/${encodeURIComponent(bulkActionId)}/undo`),
      ),
    [follow],
  );

  /** Asks the server to stop a running job; what was done stays done. */
  const cancel = useCallback(async (jobId: string) => {
    await api.post(`/jobs/${encodeURIComponent(jobId)}/cancel`).catch(() => undefined);
  }, []);

  const reset = useCallback(() => setRun({ phase: 'idle' }), []);

  return { run, start, undo, cancel, reset };
}
