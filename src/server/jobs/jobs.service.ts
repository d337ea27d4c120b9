import type { Job } from '../../shared/job-schemas.js';
import { nowIso } from '../clock.js';
import { newId } from '../db/new-id.js';
import type { JobsTable } from '../db/schema.js';
import { AppError, notFound } from '../http/errors.js';
import type { JobsRepository } from './jobs.repository.js';

/** The API shape of a job row. */
export function toJob(row: JobsTable): Job {
  return {
    id: row.id,
    type: row.type,
    state: row.state as Job['state'],
    progress: { done: Number(row.progress_done), total: Number(row.progress_total) },
    ...(row.result !== null ? { result: JSON.parse(row.result) as unknown } : {}),
    ...(row.error !== null ? { error: row.error } : {}),
    attempts: Number(row.attempts),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
  };
}

/** Queues background work and reports on it. */
export class JobsService {
  private onQueued: () => void = () => undefined;

  constructor(private readonly jobs: JobsRepository) {}

  /** Lets a runner in this process start queued work at once instead of at its next poll. */
  notifyOnQueued(listener: () => void): void {
    this.onQueued = listener;
  }

  /** Queues a job and returns it. */
  async enqueueJob(
    workspaceId: string,
    type: string,
    payload: unknown,
    options: { createdBy?: string | null; total?: number; maxAttempts?: number } = {},
  ): Promise<Job> {
    const now = nowIso();
    const row: JobsTable = {
      workspace_id: workspaceId,
      id: newId(),
      type,
      payload: JSON.stringify(payload),
      state: 'queued',
      progress_done: 0,
      progress_total: options.total ?? 0,
      result: null,
      error: null,
      attempts: 0,
      max_attempts: options.maxAttempts ?? 3,
      cancel_requested: 0,
      run_at: now,
      lease_until: null,
      locked_by: null,
      created_by: options.createdBy ?? null,
      created_at: now,
      updated_at: now,
      finished_at: null,
    };
    await this.jobs.insert(row);
    this.onQueued();
    return toJob(row);
  }

  /** One job of the workspace. */
  async getJob(workspaceId: string, id: string): Promise<Job> {
    const row = await this.jobs.find(workspaceId, id);
    if (!row) throw notFound('Job');
    return toJob(row);
  }

  /** The workspace's 50 newest jobs. */
  async listJobs(workspaceId: string): Promise<Job[]> {
    return (await this.jobs.listRecent(workspaceId, 50)).map(toJob);
  }

  /** Cancels a queued job, or asks a running one to stop at its next progress report. */
  async cancelJob(workspaceId: string, id: string): Promise<Job> {
    if (!(await this.jobs.requestCancel(workspaceId, id, nowIso()))) {
      if (!(await this.jobs.find(workspaceId, id))) throw notFound('Job');
      throw new AppError('conflict', 409, 'The job has already finished');
    }
    return this.getJob(workspaceId, id);
  }
}
