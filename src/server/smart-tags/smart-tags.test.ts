import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachDialect } from '../../../test/support/test-database.js';
import { createJobHandlers } from '../jobs/job-handlers.js';
import { JobRunner } from '../jobs/job-runner.js';

describeEachDialect('smart tags', (dialect) => {
  let t: TestApp;
  let key: string;
  let workspaceId: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    const workspace = await t.createWorkspace('Smart');
    key = workspace.ownerKey;
    workspaceId = workspace.workspaceId;
  });
  afterAll(async () => t.close());

  const call = (method: string, path: string, body?: unknown) =>
    t.request(method, `/api/v1${path}`, { body, key });
  const create = async (body: Record<string, unknown>) =>
    (await call('POST', '/contacts', body)).body.id as string;
  const tagsOf = async (id: string) =>
    ((await call('GET', `/contacts/${id}`)).body.tags as Array<{ name: string }>).map((tag) => tag.name);
  const newTag = async (name: string) => (await call('POST', '/tags', { name })).body.id as string;
  const appliedBy = async (contactId: string, tagId: string) =>
    (await t.runtime.services.uow.repos.bulkActions.linksOf(workspaceId, [contactId], [tagId]))[0]
      ?.applied_by;
  const runJobs = async () => {
    const runner = new JobRunner(t.runtime.services.uow.repos.jobs, createJobHandlers(t.runtime.services));
    while (await runner.runOnce());
  };

  it('applies a new rule to every matching contact in a job, marking the links as the rule’s', async () => {
    const tagId = await newTag('Big company');
    const acme = await create({ name: 'Ann Acme', company: 'Acme' });
    const other = await create({ name: 'Bob Other', company: 'Other' });
    const set = await call('PUT', `/tags/${tagId}/rule`, {
      rule: { field: 'company', op: 'eq', value: 'Acme' },
    });
    expect(set.status).toBe(202);
    expect(set.body).toMatchObject({
      tagId,
      rule: { field: 'company' },
      job: { type: 'smart-tags.reevaluate' },
    });
    await runJobs();
    expect((await call('GET', `/jobs/${set.body.job.id}`)).body).toMatchObject({
      state: 'done',
      result: [{ tagId, added: 1, removed: 0 }],
    });
    expect(await tagsOf(acme)).toEqual(['Big company']);
    expect(await tagsOf(other)).toEqual([]);
    expect(await appliedBy(acme, tagId)).toBe(`rule:${tagId}`);
    expect((await call('GET', `/tags/${tagId}/rule`)).body.rule).toEqual({
      field: 'company',
      op: 'eq',
      value: 'Acme',
    });
  });

  it('refuses a bad rule naming the field, and an unknown tag', async () => {
    const tagId = await newTag('Bad rule');
    const bad = await call('PUT', `/tags/${tagId}/rule`, { rule: { field: 'shoeSize', op: 'eq', value: 1 } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('rule.field');
    expect(
      (await call('PUT', '/tags/no-such-tag/rule', { rule: { field: 'company', op: 'eq', value: 'x' } }))
        .status,
    ).toBe(404);
    expect((await call('POST', `/tags/${tagId}/rule/evaluate`)).status).toBe(409);
  });

  it('follows each change of a contact: on when it matches, off when it stops, on its timeline', async () => {
    const tagId = await newTag('Lisbon');
    await call('PUT', `/tags/${tagId}/rule`, { rule: { field: 'city', op: 'eq', value: 'Lisbon' } });
    await runJobs();
    const id = await create({ name: 'Cid Mover', address: { city: 'Porto' } });
    expect(await tagsOf(id)).toEqual([]);
    await call('PATCH', `/contacts/${id}`, { address: { city: 'Lisbon' } });
    expect(await tagsOf(id)).toEqual(['Lisbon']);
    await call('PATCH', `/contacts/${id}`, { address: { city: 'Faro' } });
    expect(await tagsOf(id)).toEqual([]);
    const timeline = (await call('GET', `/contacts/${id}/timeline?kinds=tag`)).body.data;
    expect(timeline.slice(0, 2)).toMatchObject([
      { type: 'tag_removed', actor: { type: 'system', id: `rule:${tagId}` } },
      { type: 'tag_added', actor: { type: 'system', id: `rule:${tagId}` } },
    ]);
    const created = await create({ name: 'Dee Born', address: { city: 'Lisbon' } });
    expect(await tagsOf(created)).toEqual(['Lisbon']);
  });

  it('follows a bulk change of many contacts at once', async () => {
    const tagId = await newTag('Managers');
    await call('PUT', `/tags/${tagId}/rule`, { rule: { field: 'jobTitle', op: 'eq', value: 'Manager' } });
    await runJobs();
    const ids = [await create({ name: 'Eli One' }), await create({ name: 'Fay Two' })];
    await call('POST', '/contacts/bulk', {
      selection: { ids },
      action: 'set_field',
      field: 'jobTitle',
      value: 'Manager',
    });
    for (const id of ids) expect(await tagsOf(id)).toEqual(['Managers']);
    await call('POST', '/contacts/bulk', { selection: { ids }, action: 'clear_field', field: 'jobTitle' });
    for (const id of ids) expect(await tagsOf(id)).toEqual([]);
  });

  it('never removes a tag a person applied, even one the rule had applied first', async () => {
    const tagId = await newTag('Vip');
    await call('PUT', `/tags/${tagId}/rule`, { rule: { field: 'company', op: 'eq', value: 'Vipco' } });
    await runJobs();
    const chosen = await create({ name: 'Gil Chosen', company: 'Nobody', tags: ['Vip'] });
    const ruled = await create({ name: 'Hal Ruled', company: 'Vipco' });
    expect(await appliedBy(ruled, tagId)).toBe(`rule:${tagId}`);
    await call('POST', `/contacts/${ruled}/tags`, { tags: ['Vip'] });
    expect(await appliedBy(ruled, tagId)).toMatch(/^api_key:/);
    await call('PATCH', `/contacts/${ruled}`, { company: 'Gone' });
    await call('PATCH', `/contacts/${chosen}`, { company: 'Still nobody' });
    await call('POST', `/tags/${tagId}/rule/evaluate`);
    await runJobs();
    expect(await tagsOf(chosen)).toEqual(['Vip']);
    expect(await tagsOf(ruled)).toEqual(['Vip']);
  });

  it('re-evaluates time-based rules on the schedule, without any change to the contact', async () => {
    const tagId = await newTag('Quiet');
    await call('PUT', `/tags/${tagId}/rule`, {
      rule: { field: 'lastInboundAt', op: 'more_than_ago', value: '30d' },
    });
    await runJobs();
    const quiet = await create({ name: 'Ida Quiet' });
    const chatty = await create({ name: 'Jon Chatty' });
    const { contacts } = t.runtime.services.uow.repos;
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    await contacts.updateUnversioned(workspaceId, quiet, { last_inbound_at: daysAgo(40) });
    await contacts.updateUnversioned(workspaceId, chatty, { last_inbound_at: daysAgo(2) });
    expect(await tagsOf(quiet)).toEqual([]);
    expect(await t.runtime.services.smartTags.queueScheduledRuns()).toBeGreaterThanOrEqual(1);
    await runJobs();
    expect(await tagsOf(quiet)).toEqual(['Quiet']);
    expect(await tagsOf(chatty)).toEqual([]);
    await contacts.updateUnversioned(workspaceId, quiet, { last_inbound_at: daysAgo(1) });
    await t.runtime.services.smartTags.queueScheduledRuns();
    await runJobs();
    expect(await tagsOf(quiet)).toEqual([]);
  });

  it('clears a rule: the contacts keep the tag and it no longer follows changes', async () => {
    const tagId = await newTag('Cleared');
    await call('PUT', `/tags/${tagId}/rule`, { rule: { field: 'company', op: 'eq', value: 'Clearco' } });
    const id = await create({ name: 'Kim Clear', company: 'Clearco' });
    expect(await tagsOf(id)).toEqual(['Cleared']);
    expect((await call('DELETE', `/tags/${tagId}/rule`)).body).toEqual({ tagId, rule: null });
    await call('PATCH', `/contacts/${id}`, { company: 'Other' });
    expect(await tagsOf(id)).toEqual(['Cleared']);
  });
});
