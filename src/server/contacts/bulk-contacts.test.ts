import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachDialect } from '../../../test/support/test-database.js';
import { createJobHandlers } from '../jobs/job-handlers.js';
import { JobRunner } from '../jobs/job-runner.js';

describeEachDialect('bulk contact actions', (dialect) => {
  let t: TestApp;
  let key: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    key = (await t.createWorkspace('Bulk')).ownerKey;
  });
  afterAll(async () => t.close());

  const create = async (name: string, tags: string[] = []) =>
    (await t.request('POST', '/api/v1/contacts', { body: { name, tags }, key })).body.id as string;
  const tagsOf = async (id: string) =>
    (await t.request('GET', `/api/v1/contacts/${id}`, { key })).body.tags.map(
      (tag: { name: string }) => tag.name,
    );
  const runJobs = async () => {
    const runner = new JobRunner(t.runtime.services.uow.repos.jobs, createJobHandlers(t.runtime.services));
    while (await runner.runOnce());
  };

  it('adds a tag to three contacts at once and reports each', async () => {
    const ids = [await create('Ann One'), await create('Ben Two'), await create('Cat Three')];
    const response = await t.request('POST', '/api/v1/contacts/bulk', {
      body: { selection: { ids }, action: 'add_tags', tags: ['Spring Sale'] },
      key,
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      counts: { ok: 3, failed: 0 },
      results: ids.map((id) => ({ id, ok: true })),
    });
    for (const id of ids) expect(await tagsOf(id)).toEqual(['Spring Sale']);
  });

  it('reports a partial failure per item and applies the rest', async () => {
    const id = await create('Dan Four', ['Old']);
    const response = await t.request('POST', '/api/v1/contacts/bulk', {
      body: { selection: { ids: [id, 'no-such-contact'] }, action: 'remove_tags', tags: ['old'] },
      key,
    });
    expect(response.body.counts).toEqual({ ok: 1, failed: 1 });
    expect(response.body.results[1]).toMatchObject({
      id: 'no-such-contact',
      ok: false,
      error: 'Contact not found',
    });
    expect(await tagsOf(id)).toEqual([]);
    const unknownTag = await t.request('POST', '/api/v1/contacts/bulk', {
      body: { selection: { ids: [id] }, action: 'remove_tags', tags: ['Nope'] },
      key,
    });
    expect(unknownTag.status).toBe(400);
    expect(unknownTag.body.errors[0].path).toBe('tags');
    const missingTags = await t.request('POST', '/api/v1/contacts/bulk', {
      body: { selection: { ids: [id] }, action: 'add_tags' },
      key,
    });
    expect(missingTags.status).toBe(400);
  });

  it('runs a large selection as a job with progress, and deletes every match', async () => {
    for (let i = 0; i < 120; i++) await create(`Prospect ${i}`);
    const keeper = await create('Keeper');
    const response = await t.request('POST', '/api/v1/contacts/bulk', {
      body: { selection: { q: 'prospect' }, action: 'delete' },
      key,
    });
    expect(response.status).toBe(202);
    expect(response.body.job).toMatchObject({
      type: 'contacts.bulk',
      state: 'queued',
      progress: { done: 0, total: 120 },
    });
    await runJobs();
    const job = await t.request('GET', `/api/v1/jobs/${response.body.job.id}`, { key });
    expect(job.body).toMatchObject({
      state: 'done',
      progress: { done: 120, total: 120 },
      result: { counts: { ok: 120, failed: 0 }, results: [] },
    });
    expect((await t.request('GET', '/api/v1/contacts?q=prospect', { key })).body.data).toEqual([]);
    expect((await t.request('GET', `/api/v1/contacts/${keeper}`, { key })).status).toBe(200);
    expect((await t.request('GET', `/api/v1/jobs/${response.body.job.id}`)).status).toBe(404);
  });
});
