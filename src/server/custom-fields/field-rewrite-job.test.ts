import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, openTestRuntime } from '../../../test/support/test-database.js';
import { systemPrincipal, type Principal } from '../auth/principal.js';
import { createJobHandlers } from '../jobs/job-handlers.js';
import { JobRunner } from '../jobs/job-runner.js';
import type { Runtime } from '../runtime.js';
import { CustomFieldsService } from './custom-fields.service.js';

describeEachDialect('custom field changes that touch many contacts', (dialect) => {
  let runtime: Runtime;
  let owner: Principal;
  let fields: CustomFieldsService;
  beforeAll(async () => {
    runtime = await openTestRuntime(dialect);
    owner = systemPrincipal((await runtime.services.workspaces.createWorkspace('Many')).id);
    fields = new CustomFieldsService(runtime.services.uow, runtime.services.jobs, 2);
  });
  afterAll(async () => runtime.close());

  const runJobs = async () => {
    const runner = new JobRunner(runtime.services.uow.repos.jobs, createJobHandlers(runtime.services));
    while (await runner.runOnce());
  };
  const contactsWith = async (custom: Record<string, unknown>, count: number) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const contact = await runtime.services.contacts.createContact(
        { workspaceId: owner.workspaceId, actor: { type: 'system', id: null } },
        { firstName: `Holder ${i}`, custom },
      );
      ids.push(contact.id);
    }
    return ids;
  };
  const customOf = async (id: string) =>
    (await runtime.services.contacts.getContact(owner.workspaceId, id)).custom;

  it('drops removed choices through a job, with an event on each contact', async () => {
    const tier = await fields.createField(owner, {
      label: 'Tier',
      type: 'select',
      options: { choices: ['Gold', 'silver'] },
      required: false,
    });
    const gold = await contactsWith({ tier: 'Gold' }, 3);
    const silver = await contactsWith({ tier: 'silver' }, 2);
    const changed = await fields.updateField(owner, tier.id, {
      options: { choices: ['Gold', 'Silver', 'Bronze'] },
    });
    expect(changed.options.choices).toEqual(['Gold', 'Silver', 'Bronze']);
    expect(changed.job).toMatchObject({
      type: 'custom-fields.rewrite',
      state: 'queued',
      progress: { total: 5 },
    });
    expect(await customOf(silver[0]!)).toEqual({ tier: 'silver' });

    await fields.updateField(owner, tier.id, { options: { choices: ['Silver', 'Bronze'] } });
    await runJobs();
    for (const id of gold) expect(await customOf(id)).toEqual({});
    for (const id of silver) expect(await customOf(id)).toEqual({ tier: 'Silver' });
    const contact = await runtime.services.contacts.getContact(owner.workspaceId, gold[0]!);
    expect(contact.version).toBe(2);
    const { data } = await runtime.services.timeline.getTimeline(owner.workspaceId, gold[0]!, 10);
    expect(data[0]).toMatchObject({
      kind: 'event',
      type: 'updated',
      changes: [{ field: 'custom.tier', before: 'Gold', after: null }],
    });
  });

  it('deletes a field held by many contacts through a job, and the field goes when it is done', async () => {
    const plan = await fields.createField(owner, {
      label: 'Plan',
      type: 'text',
      options: {},
      required: false,
    });
    const holders = await contactsWith({ plan: 'Pro' }, 5);
    const outcome = await fields.deleteField(owner, plan.id);
    expect('job' in outcome && outcome.job).toMatchObject({
      state: 'queued',
      progress: { done: 0, total: 5 },
    });
    expect((await fields.listFields(owner.workspaceId)).map((f) => f.key)).toContain('plan');
    await runJobs();
    const job =
      'job' in outcome ? await runtime.services.jobs.getJob(owner.workspaceId, outcome.job.id) : null;
    expect(job).toMatchObject({
      state: 'done',
      result: { contactCount: 5 },
      progress: { done: 5, total: 5 },
    });
    expect((await fields.listFields(owner.workspaceId)).map((f) => f.key)).not.toContain('plan');
    for (const id of holders) expect(await customOf(id)).toEqual({});
    const { data } = await runtime.services.timeline.getTimeline(owner.workspaceId, holders[4]!, 10);
    expect(data[0]).toMatchObject({
      type: 'updated',
      changes: [{ field: 'custom.plan', before: 'Pro', after: null }],
    });
  });

  it('deletes a field with few holders at once', async () => {
    const note = await fields.createField(owner, {
      label: 'Nickname',
      type: 'text',
      options: {},
      required: false,
    });
    await contactsWith({ nickname: 'Ace' }, 2);
    expect(await fields.deleteField(owner, note.id)).toEqual({ contactCount: 2 });
  });
});
