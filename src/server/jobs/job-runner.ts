import { randomBytes } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { FastifyBaseLogger } from 'fastify';
import { nowIso } from '../clock.js';
import type { JobsTable } from '../db/schema.js';
import type { JobsRepository } from './jobs.repository.js';

/** A job being run, as its handler sees it. */
export interface RunningJob {
  workspaceId: string;
  id: string;
  payload: unknown;
  createdBy: string | null;
  /**
   * Records progress, extends the lease and lets waiting requests run; throws JobStopped when the job was
   * cancelled or taken over. Call it after each step of the work.
   */
  reportProgress(done: number, total: number): Promise<void>;
}

/** Does the work of one job type and returns its result (stored as JSON). */
export type JobHandler = (job: RunningJob) => Promise<unknown>;

/** Thrown inside a handler when its job was cancelled or its lease lost; the runner stops quietly. */
export class JobStopped extends Error {}

/** How the runner polls, leases and retries. */
export interface JobRunnerOptions {
  pollMs?: number;
  leaseMs?: number;
  /** Base of the exponential back-off between attempts. */
  retryBaseMs?: number;
  logger?: Pick<FastifyBaseLogger, 'error' | 'warn'>;
}

const later = (ms: number) => new Date(Date.now() + ms).toISOString();
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 2000);

/** Claims due jobs from the database and runs them one at a time; many runners may share one database. */
export class JobRunner {
  readonly workerId = `worker-${randomBytes(6).toString('hex')}`;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly retryBaseMs: number;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;

  constructor(
    private readonly jobs: JobsRepository,
    private readonly handlers: ReadonlyMap<string, JobHandler>,
    private readonly options: JobRunnerOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 500;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.retryBaseMs = options.retryBaseMs ?? 5_000;
  }

  /** Starts polling. */
  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Polls now instead of at the next tick (after a job was queued in this process). */
  wake(): void {
    if (!this.stopped && !this.running) this.schedule(0);
  }

  /** Stops polling and waits for the job in hand to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Claims and runs one due job; false when none was due. */
  async runOnce(): Promise<boolean> {
    const job = await this.jobs.claimNext(
      this.workerId,
      [...this.handlers.keys()],
      nowIso(),
      later(this.leaseMs),
    );
    if (!job) return false;
    await this.execute(job);
    return true;
  }

  private schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.drain().finally(() => {
        this.running = null;
        if (!this.stopped) this.schedule(this.pollMs);
      });
    }, delay);
  }

  private async drain(): Promise<void> {
    try {
      while (!this.stopped && (await this.runOnce())) await nextTurn();
    } catch (error) {
      this.options.logger?.error({ err: error }, 'job runner could not claim a job');
    }
  }

  private async execute(job: JobsTable): Promise<void> {
    const handler = this.handlers.get(job.type);
    if (!handler) return;
    const hold = (changes: Partial<JobsTable>) =>
      this.jobs.updateHeld(job.workspace_id, job.id, this.workerId, changes);
    const running: RunningJob = {
      workspaceId: job.workspace_id,
      id: job.id,
      payload: JSON.parse(job.payload),
      createdBy: job.created_by,
      reportProgress: async (done, total) => {
        // SQLite answers synchronously, so a job would otherwise hold the event loop from start to end.
        await nextTurn();
        const current = await this.jobs.find(job.workspace_id, job.id);
        if (current?.cancel_requested === 1) {
          await hold({
            state: 'cancelled',
            progress_done: done,
            progress_total: total,
            finished_at: nowIso(),
            updated_at: nowIso(),
          });
          throw new JobStopped('cancelled');
        }
        if (
          !(await hold({
            progress_done: done,
            progress_total: total,
            lease_until: later(this.leaseMs),
            updated_at: nowIso(),
          }))
        ) {
          throw new JobStopped('lease lost');
        }
      },
    };
    try {
      const result = await handler(running);
      const now = nowIso();
      await hold({
        state: 'done',
        result: JSON.stringify(result ?? null),
        error: null,
        finished_at: now,
        updated_at: now,
      });
    } catch (error) {
      if (error instanceof JobStopped) return;
      const now = nowIso();
      const retry = job.attempts < job.max_attempts;
      this.options.logger?.warn(
        { err: error, jobId: job.id, type: job.type },
        retry ? 'job failed; it will be retried' : 'job failed',
      );
      await hold(
        retry
          ? {
              state: 'queued',
              error: errorText(error),
              run_at: later(this.retryBaseMs * 2 ** (job.attempts - 1)),
              lease_until: null,
              locked_by: null,
              updated_at: now,
            }
          : { state: 'failed', error: errorText(error), finished_at: now, updated_at: now },
      );
    }
  }
}
