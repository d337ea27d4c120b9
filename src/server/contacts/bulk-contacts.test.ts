import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachDialect } from '../../../test/support/test-database.js';
import { createJobHandlers } from '../jobs/job-handlers.js';
import { systemPrincipal } from '../auth/principal.js';
import { JobRunner } from '../jobs/job-runner.js';

describeEachDialect('bulk contact actions', (dialect) => {
  let t: TestApp;
  let key: string;
  let workspaceId: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    const workspace = await t.createWorkspace('Bulk');
    key = workspace.ownerKey;
    workspaceId = workspace.workspaceId;
  });
  afterAll(async () => t.close());

  const create = async (name: string, extra: Record<string, unknown> = {}) =>
    (await t.request('POST', '/api/v1/contacts', { body: { name, ...extra }, key })).body.id as string;
  const contact = async (id: string) => (await t.request('GET', `/api/v1/contacts/${id}`, { key })).body;
  const tagsOf = async (id: string) =>
    (await contact(id)).tags.map((tag: { name: string }) => tag.name) as string[];
  const bulk = (body: unknown) => t.request('POST', '/api/v1/contacts/bulk', { body, key });
  const undo = (id: string) => t.request('POST', `/api/v1/bulk-actions/${id}/undo`, { key });
  const timeline = async (id: string) =>
    (await t.request('GET', `/api/v1/contacts/${id}/timeline?kinds=field,tag`, { key })).body.data as Array<{
      type: string;
      changes: Array<{ field: string; before: unknown; after: unknown }>;
    }>;
  const runJobs = async () => {
    const runner = new JobRunner(t.runtime.services.uow.repos.jobs, createJobHandlers(t.runtime.services));
    while (await runner.runOnce());
  };
  const member = async (name: string) =>
    (
      await t.runtime.services.users.createUser(workspaceId, {
        email: `${name.toLowerCase()}@bulk.test`,
        name,
        role: 'agent',
      })
    ).user.id;

  it('adds a tag to three contacts at once, reports each and records it on each timeline', async () => {
    const ids = [await create('Ann One'), await create('Ben Two'), await create('Cat Three')];
    const response = await bulk({ selection: { ids }, action: 'add_tags', tags: ['Spring Sale'] });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      bulkActionId: expect.any(String),
      counts: { ok: 3, failed: 0 },
      results: ids.map((id) => ({ id, ok: true })),
    });
    for (const id of ids) {
      expect(await tagsOf(id)).toEqual(['Spring Sale']);
      expect((await timeline(id))[0]).toMatchObject({
        type: 'tag_added',
        changes: [{ field: 'tags', before: null, after: 'Spring Sale' }],
      });
    }
  });

  it('reports a partial failure per item and applies the rest', async () => {
    const id = await create('Dan Four', { tags: ['Old'] });
    const response = await bulk({
      selection: { ids: [id, 'no-such-contact'] },
      action: 'remove_tags',
      tags: ['old'],
    });
    expect(response.body.counts).toEqual({ ok: 1, failed: 1 });
    expect(response.body.results[1]).toMatchObject({
      id: 'no-such-contact',
      ok: false,
      error: 'Contact not found',
    });
    expect(await tagsOf(id)).toEqual([]);
    const unknownTag = await bulk({ selection: { ids: [id] }, action: 'remove_tags', tags: ['Nope'] });
    expect(unknownTag.status).toBe(400);
    expect(unknownTag.body.errors[0].path).toBe('tags');
    expect((await bulk({ selection: { ids: [id] }, action: 'add_tags' })).status).toBe(400);
    expect((await bulk({ selection: { ids: [id] }, action: 'paint' })).status).toBe(400);
  });

  it('undoes an add: only the tags it added come off, and only once', async () => {
    const had = await create('Eve Had', { tags: ['Gold'] });
    const fresh = await create('Fay Fresh');
    const added = await bulk({
      selection: { ids: [had, fresh] },
      action: 'add_tags',
      tags: ['gold', 'Promo'],
    });
    expect(await tagsOf(had)).toEqual(['Gold', 'Promo']);
    const undone = await undo(added.body.bulkActionId);
    expect(undone.status).toBe(200);
    expect(undone.body.counts).toEqual({ ok: 2, failed: 0 });
    expect(await tagsOf(had)).toEqual(['Gold']);
    expect(await tagsOf(fresh)).toEqual([]);
    expect((await timeline(fresh))[0]).toMatchObject({ type: 'tag_removed' });
    expect((await undo(added.body.bulkActionId)).status).toBe(409);
    expect((await undo('no-such-action')).status).toBe(404);
    const record = await t.request('GET', `/api/v1/bulk-actions/${added.body.bulkActionId}`, { key });
    expect(record.body).toMatchObject({ action: 'add_tags', state: 'undone', undoable: true });
  });

  it('undoes a removal: the tag comes back as it was applied', async () => {
    const id = await create('Gus Tagged', { tags: ['Lead'] });
    const before = await t.runtime.services.uow.repos.bulkActions.linksOf(
      workspaceId,
      [id],
      (await contact(id)).tags.map((tag: { id: string }) => tag.id),
    );
    const removed = await bulk({ selection: { ids: [id] }, action: 'remove_tags', tags: ['Lead'] });
    expect(await tagsOf(id)).toEqual([]);
    await undo(removed.body.bulkActionId);
    expect(await tagsOf(id)).toEqual(['Lead']);
    const after = await t.runtime.services.uow.repos.bulkActions.linksOf(
      workspaceId,
      [id],
      [before[0]!.tag_id],
    );
    expect(after).toEqual(before);
  });

  it('sets and clears standard and custom fields, records each change, and undoes them', async () => {
    await t.request('POST', '/api/v1/custom-fields', {
      body: { key: 'tier', label: 'Tier', type: 'text' },
      key,
    });
    const a = await create('Hal Field', { company: 'Acme', custom: { tier: 'gold' } });
    const b = await create('Ida Field');
    const setCompany = await bulk({
      selection: { ids: [a, b] },
      action: 'set_field',
      field: 'company',
      value: 'Globex',
    });
    expect(setCompany.body.counts).toEqual({ ok: 2, failed: 0 });
    expect((await contact(a)).company).toBe('Globex');
    expect((await timeline(a))[0]).toMatchObject({
      type: 'updated',
      changes: [{ field: 'company', before: 'Acme', after: 'Globex' }],
    });
    const setCity = await bulk({
      selection: { ids: [a, b] },
      action: 'set_field',
      field: 'address.city',
      value: 'Lima',
    });
    expect((await contact(b)).address.city).toBe('Lima');
    const clearTier = await bulk({ selection: { ids: [a, b] }, action: 'clear_field', field: 'custom.tier' });
    expect(clearTier.body.counts.ok).toBe(2);
    expect((await contact(a)).custom.tier).toBeUndefined();

    await undo(clearTier.body.bulkActionId);
    await undo(setCity.body.bulkActionId);
    await undo(setCompany.body.bulkActionId);
    expect((await contact(a)).custom.tier).toBe('gold');
    expect((await contact(b)).custom.tier).toBeUndefined();
    expect((await contact(a)).company).toBe('Acme');
    expect((await contact(b)).company).toBeNull();
    expect((await contact(b)).address.city).toBeNull();
  });

  it('refuses fields that cannot be set in bulk and values of the wrong type, naming them', async () => {
    const id = await create('Jon Refused');
    const phone = await bulk({
      selection: { ids: [id] },
      action: 'set_field',
      field: 'phone',
      value: '+15550100',
    });
    expect(phone.status).toBe(400);
    expect(phone.body.errors[0]).toMatchObject({ path: 'field' });
    const unknown = await bulk({
      selection: { ids: [id] },
      action: 'set_field',
      field: 'shoeSize',
      value: 'x',
    });
    expect(unknown.status).toBe(400);
    const language = await bulk({
      selection: { ids: [id] },
      action: 'set_field',
      field: 'language',
      value: '??',
    });
    expect(language.status).toBe(400);
    expect(language.body.errors[0].path).toBe('value');
    const custom = await bulk({
      selection: { ids: [id] },
      action: 'set_field',
      field: 'custom.nope',
      value: 1,
    });
    expect(custom.status).toBe(400);
    expect(custom.body.errors[0].path).toBe('custom.nope');
  });

  it('assigns round-robin over several members and undoes the assignment', async () => {
    const [sam, tia] = [await member('Sam'), await member('Tia')];
    const ids = [await create('Una A'), await create('Vic B'), await create('Wes C')];
    const assigned = await bulk({ selection: { ids }, action: 'assign', assigneeIds: [sam, tia] });
    expect(assigned.body.counts).toEqual({ ok: 3, failed: 0 });
    expect(await Promise.all(ids.map(async (id) => (await contact(id)).assigneeId))).toEqual([sam, tia, sam]);
    expect((await timeline(ids[1]!))[0]).toMatchObject({
      changes: [{ field: 'assigneeId', before: null, after: tia }],
    });
    const stranger = await bulk({ selection: { ids }, action: 'assign', assigneeIds: ['nobody'] });
    expect(stranger.status).toBe(400);
    expect(stranger.body.errors[0].path).toBe('assigneeIds.0');
    await undo(assigned.body.bulkActionId);
    expect(await Promise.all(ids.map(async (id) => (await contact(id)).assigneeId))).toEqual([
      null,
      null,
      null,
    ]);
  });

  it('runs a large selection as a job with progress, and undoes it as a job', async () => {
    for (let i = 0; i < 120; i++) await create(`Walker ${i}`);
    const response = await bulk({ selection: { q: 'walker' }, action: 'add_tags', tags: ['Walked'] });
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
      result: { bulkActionId: response.body.job.id, counts: { ok: 120, failed: 0 }, results: [] },
    });
    const walkers = await t.request('GET', '/api/v1/contacts?q=walker&limit=200', { key });
    expect(
      walkers.body.data.every((c: { tags: Array<{ name: string }> }) => c.tags[0]?.name === 'Walked'),
    ).toBe(true);
    const undone = await undo(response.body.job.id);
    expect(undone.status).toBe(202);
    await runJobs();
    expect((await t.request('GET', `/api/v1/jobs/${undone.body.job.id}`, { key })).body).toMatchObject({
      state: 'done',
      result: { counts: { ok: 120, failed: 0 } },
    });
    const after = await t.request('GET', '/api/v1/contacts?q=walker&limit=200', { key });
    expect(after.body.data.every((c: { tags: unknown[] }) => c.tags.length === 0)).toBe(true);
  });

  it('deletes every match of a search as a job; a delete cannot be undone', async () => {
    for (let i = 0; i < 120; i++) await create(`Prospect ${i}`);
    const keeper = await create('Keeper');
    const response = await bulk({ selection: { q: 'prospect' }, action: 'delete' });
    expect(response.status).toBe(202);
    await runJobs();
    const job = await t.request('GET', `/api/v1/jobs/${response.body.job.id}`, { key });
    expect(job.body).toMatchObject({
      state: 'done',
      progress: { done: 120, total: 120 },
      result: { counts: { ok: 120, failed: 0 }, results: [] },
    });
    expect((await t.request('GET', '/api/v1/contacts?q=prospect', { key })).body.data).toEqual([]);
    expect((await t.request('GET', `/api/v1/contacts/${keeper}`, { key })).status).toBe(200);
    expect((await undo(response.body.job.id)).status).toBe(409);
    expect((await t.request('GET', `/api/v1/jobs/${response.body.job.id}`)).status).toBe(404);
  });

  it('acts on every contact of the workspace, and never on another workspace', async () => {
    const other = await t.createWorkspace('Bulk other');
    const outsider = (
      await t.request('POST', '/api/v1/contacts', { body: { name: 'Outsider' }, key: other.ownerKey })
    ).body.id as string;
    const response = await bulk({ selection: { all: true }, action: 'add_tags', tags: ['Everyone'] });
    expect(response.status).toBe(202);
    await runJobs();
    const total = await t.runtime.services.uow.repos.contacts.count(workspaceId);
    const job = (await t.request('GET', `/api/v1/jobs/${response.body.job.id}`, { key })).body;
    expect(job.result.counts).toEqual({ ok: total, failed: 0 });
    expect(total).toBeGreaterThan(100);
    const foreign = await bulk({ selection: { ids: [outsider] }, action: 'add_tags', tags: ['Everyone'] });
    expect(foreign.body.results[0]).toMatchObject({ ok: false, error: 'Contact not found' });
    expect(
      (await t.request('GET', `/api/v1/contacts/${outsider}`, { key: other.ownerKey })).body.tags,
    ).toEqual([]);
  });

  it('acts on the contacts a filter selects, and names a bad filter', async () => {
    const north = [
      await create('Nia North', { address: { city: 'Oslo' } }),
      await create('Ned North', { address: { city: 'Oslo' } }),
    ];
    const south = await create('Sol South', { address: { city: 'Lima' } });
    const filter = {
      and: [
        { field: 'city', op: 'eq', value: 'Oslo' },
        { field: 'name', op: 'contains', value: 'north' },
      ],
    };
    const response = await bulk({ selection: { filter }, action: 'add_tags', tags: ['Nordic'] });
    expect(response.status).toBe(202);
    expect(response.body.job.progress).toEqual({ done: 0, total: 0 });
    await runJobs();
    expect((await t.request('GET', `/api/v1/jobs/${response.body.job.id}`, { key })).body.progress).toEqual({
      done: 2,
      total: 2,
    });
    for (const id of north) expect(await tagsOf(id)).toEqual(['Nordic']);
    expect(await tagsOf(south)).toEqual([]);
    const bad = await bulk({
      selection: { filter: { field: 'shoeSize', op: 'eq', value: 1 } },
      action: 'add_tags',
      tags: ['Nordic'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toMatch(/^selection\.filter/);
  });

  it('acts on the contacts of a segment; an unknown segment is a 404', async () => {
    const member = await create('Seg Member', { company: 'Segmenta' });
    const outsider = await create('Seg Outsider', { company: 'Elsewhere' });
    const segment = await t.runtime.services.segments.createSegment(systemPrincipal(workspaceId), {
      name: 'Segmenta people',
      filter: { field: 'company', op: 'eq', value: 'Segmenta' },
    });
    const response = await bulk({
      selection: { segmentId: segment.id },
      action: 'set_field',
      field: 'jobTitle',
      value: 'Buyer',
    });
    expect(response.status).toBe(202);
    await runJobs();
    expect((await contact(member)).jobTitle).toBe('Buyer');
    expect((await contact(outsider)).jobTitle).toBeNull();
    const missing = await bulk({ selection: { segmentId: 'no-such-segment' }, action: 'delete' });
    expect(missing.status).toBe(404);
  });
});
