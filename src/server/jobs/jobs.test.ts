import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestRuntime } from '../../../test/support/test-database.js';
import { describeEachDialect } from '../../../test/support/test-database.js';
import type { Runtime } from '../runtime.js';
import { JobRunner, type JobHandler } from './job-runner.js';

describeEachDialect('job runner', (dialect) => {
  let runtime: Runtime;
  let workspaceId: string;
  beforeAll(async () => {
    runtime = await openTestRuntime(dialect);
    workspaceId = (await runtime.services.workspaces.createWorkspace('Jobs')).id;
  });
  afterAll(async () => runtime.close());

  const runnerWith = (handlers: Record<string, JobHandler>, options = {}) =>
    new JobRunner(runtime.services.uow.repos.jobs, new Map(Object.entries(handlers)), {
      retryBaseMs: 0,
      ...options,
    });

  it('runs a queued job, records progress and stores its result', async () => {
    const { jobs } = runtime.services;
    const queued = await jobs.enqueueJob(workspaceId, 'test.sum', { numbers: [1, 2, 3] }, { total: 3 });
    expect(queued).toMatchObject({ state: 'queued', progress: { done: 0, total: 3 } });
    const runner = runnerWith({
      'test.sum': async (job) => {
        const { numbers } = job.payload as { numbers: number[] };
        await job.reportProgress(3, 3);
        return { sum: numbers.reduce((a, b) => a + b, 0) };
      },
    });
    expect(await runner.runOnce()).toBe(true);
    expect(await jobs.getJob(workspaceId, queued.id)).toMatchObject({
      state: 'done',
      progress: { done: 3, total: 3 },
      result: { sum: 6 },
      attempts: 1,
    });
    expect(await runner.runOnce()).toBe(false);
  });

  it('retries a failing job and marks it failed after its last attempt', async () => {
    const { jobs } = runtime.services;
    const queued = await jobs.enqueueJob(workspaceId, 'test.flaky', {}, { maxAttempts: 2 });
    let calls = 0;
    const runner = runnerWith({
      'test.flaky': async () => {
        calls++;
        throw new Error(`boom ${calls}`);
      },
    });
    await runner.runOnce();
    expect(await jobs.getJob(workspaceId, queued.id)).toMatchObject({
      state: 'queued',
      error: 'boom 1',
      attempts: 1,
    });
    await runner.runOnce();
    expect(await jobs.getJob(workspaceId, queued.id)).toMatchObject({
      state: 'failed',
      error: 'boom 2',
      attempts: 2,
    });
    expect(calls).toBe(2);
  });

  it('takes over a job whose worker stopped renewing its lease', async () => {
    const { jobs } = runtime.services;
    const queued = await jobs.enqueueJob(workspaceId, 'test.lease', {});
    const crashed = runnerWith({ 'test.lease': () => new Promise(() => undefined) }, { leaseMs: 1 });
    void crashed.runOnce();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const rescuer = runnerWith({ 'test.lease': async () => 'rescued' });
    expect(await rescuer.runOnce()).toBe(true);
    expect(await jobs.getJob(workspaceId, queued.id)).toMatchObject({
      state: 'done',
      result: 'rescued',
      attempts: 2,
    });
  });

  it('cancels a queued job at once and a running one at its next progress report', async () => {
    const { jobs } = runtime.services;
    const waiting = await jobs.enqueueJob(workspaceId, 'test.never', {});
    expect(await jobs.cancelJob(workspaceId, waiting.id)).toMatchObject({ state: 'cancelled' });
    await expect(jobs.cancelJob(workspaceId, waiting.id)).rejects.toMatchObject({ status: 409 });

    const long = await jobs.enqueueJob(workspaceId, 'test.long', {});
    let steps = 0;
    const runner = runnerWith({
      'test.long': async (job) => {
        for (let i = 1; i <= 5; i++) {
          steps = i;
          if (i === 2) await jobs.cancelJob(workspaceId, long.id);
          await job.reportProgress(i, 5);
        }
      },
    });
    await runner.runOnce();
    expect(steps).toBe(2);
    expect(await jobs.getJob(workspaceId, long.id)).toMatchObject({
      state: 'cancelled',
      progress: { done: 2, total: 5 },
    });
  });

  it('never lets two runners take the same job', async () => {
    const { jobs } = runtime.services;
    const ids = new Set<string>();
    for (let i = 0; i < 20; i++) ids.add((await jobs.enqueueJob(workspaceId, 'test.once', { i })).id);
    const runs: string[] = [];
    const handler: JobHandler = async (job) => {
      runs.push(job.id);
      await new Promise((resolve) => setTimeout(resolve, 2));
    };
    const drain = async (runner: JobRunner) => {
      while (await runner.runOnce());
    };
    await Promise.all([
      drain(runnerWith({ 'test.once': handler })),
      drain(runnerWith({ 'test.once': handler })),
    ]);
    expect(runs.sort()).toEqual([...ids].sort());
  });
});
