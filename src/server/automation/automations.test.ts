import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachDialect } from '../../../test/support/test-database.js';
import {
  inboxProcessorOf,
  signedHeaders,
  TEST_APP_SECRET,
  TEST_PHONE_NUMBER_ID,
  textNotification,
} from '../../../test/support/whatsapp-notifications.js';
import { systemPrincipal } from '../auth/principal.js';
import { createJobHandlers } from '../jobs/job-handlers.js';
import { JobRunner } from '../jobs/job-runner.js';
import { webhookSignature } from './automation-webhook.js';
import { RUNS_PER_CONTACT_PER_HOUR } from './automations.service.js';

const SECRET = 'a-webhook-secret-of-some-length';

describeEachDialect('automations', (dialect) => {
  let t: TestApp;
  let receiver: Server;
  let receiverUrl: string;
  let receiverStatus = 200;
  const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];

  beforeAll(async () => {
    t = await startTestApp(dialect);
    receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        received.push({ headers: request.headers, body });
        response.statusCode = receiverStatus;
        response.end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  });
  afterAll(async () => {
    await new Promise((resolve) => receiver.close(resolve));
    await t.close();
  });

  const call = (method: string, path: string, body?: unknown, key?: string) =>
    t.request(method, `/api/v1${path}`, { body, ...(key ? { key } : {}) });
  const create = async (body: Record<string, unknown>) =>
    (await call('POST', '/contacts', body)).body.id as string;
  const contact = async (id: string) => (await call('GET', `/contacts/${id}`)).body;
  const tagsOf = async (id: string) =>
    ((await contact(id)).tags as Array<{ name: string }>).map((tag) => tag.name);
  const automation = async (body: Record<string, unknown>) => {
    const response = await call('POST', '/automations', body);
    expect(response.status).toBe(201);
    return response.body.id as string;
  };
  const runsOf = async (id: string) =>
    (await call('GET', `/automations/${id}/runs`)).body.data as Array<{
      contactId: string;
      trigger: string;
      outcome: string;
      error: string | null;
    }>;
  const disable = (id: string) => call('PATCH', `/automations/${id}`, { enabled: false });
  const runJobs = async () => {
    const runner = new JobRunner(t.runtime.services.uow.repos.jobs, createJobHandlers(t.runtime.services));
    while (await runner.runOnce());
  };
  const snapshot = async (segmentId: string) => {
    const queued = await call('POST', `/segments/${segmentId}/snapshot`);
    expect(queued.status).toBe(202);
    await runJobs();
    const job = (await call('GET', `/jobs/${queued.body.job.id}`)).body;
    expect(job.state).toBe('done');
    return job.result.snapshot as { size: number; entered: number; left: number };
  };

  it('creates, reads, lists, changes and deletes an automation; only admins may', async () => {
    const body = {
      name: 'Tag buyers',
      trigger: { type: 'field_changed', field: 'jobTitle' },
      actions: [{ type: 'add_tags', tags: ['Buyer'] }],
    };
    const created = await call('POST', '/automations', body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...body, enabled: true, condition: null, hasWebhookSecret: false });
    const id = created.body.id as string;
    expect((await call('GET', `/automations/${id}`)).body.name).toBe('Tag buyers');
    expect((await call('GET', '/automations')).body.data.map((a: { id: string }) => a.id)).toContain(id);
    expect(
      (await call('PATCH', `/automations/${id}`, { name: 'Renamed', enabled: false })).body,
    ).toMatchObject({
      name: 'Renamed',
      enabled: false,
    });
    const agent = await t.createKey(t.workspaceId, 'agent');
    expect((await call('POST', '/automations', body, agent)).status).toBe(403);
    expect((await call('DELETE', `/automations/${id}`)).status).toBe(204);
    expect((await call('GET', `/automations/${id}`)).status).toBe(404);
    expect((await call('GET', `/automations/${id}/runs`)).status).toBe(404);
  });

  it('refuses bad rules, naming the part', async () => {
    const base = {
      name: 'Bad',
      trigger: { type: 'message_received' },
      actions: [{ type: 'add_tags', tags: ['x'] }],
    };
    const bad = async (changes: Record<string, unknown>, path: string) => {
      const response = await call('POST', '/automations', { ...base, ...changes });
      expect(response.status).toBe(400);
      expect(response.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    };
    await bad({ trigger: { type: 'segment_entered', segmentId: 'no-such-segment' } }, 'trigger.segmentId');
    await bad({ trigger: { type: 'field_changed', field: 'shoeSize' } }, 'trigger.field');
    await bad({ actions: [{ type: 'webhook', url: receiverUrl }] }, 'webhookSecret');
    await bad({ actions: [{ type: 'assign', assigneeId: 'nobody' }] }, 'actions.0.assigneeId');
    await bad({ actions: [{ type: 'set_field', field: 'phone', value: '1' }] }, 'actions.0.field');
    await bad({ condition: { field: 'shoeSize', op: 'eq', value: 1 } }, 'condition.field');
    expect((await call('POST', '/automations', { ...base, actions: [] })).status).toBe(400);
    expect(
      (await call('POST', '/automations', { ...base, actions: [{ type: 'webhook', url: 'ftp://x' }] }))
        .status,
    ).toBe(400);
  });

  it('runs when a field changes: sets a field, assigns, tags; records the run and the timeline', async () => {
    const id = await automation({
      name: 'Partners',
      trigger: { type: 'field_changed', field: 'company' },
      condition: { field: 'company', op: 'eq', value: 'Partnerco' },
      actions: [
        { type: 'add_tags', tags: ['Partner'] },
        { type: 'set_field', field: 'jobTitle', value: 'Partner contact' },
        { type: 'assign', assigneeId: t.ownerId },
      ],
    });
    const person = await create({ name: 'Ada Partner', company: 'Nobody' });
    expect(await runsOf(id)).toEqual([]);
    await call('PATCH', `/contacts/${person}`, { company: 'Elsewhere' });
    await call('PATCH', `/contacts/${person}`, { company: 'Partnerco' });
    const after = await contact(person);
    expect(after.tags.map((tag: { name: string }) => tag.name)).toEqual(['Partner']);
    expect(after).toMatchObject({ jobTitle: 'Partner contact', assigneeId: t.ownerId });
    expect((await runsOf(id)).map((r) => r.outcome)).toEqual(['succeeded', 'skipped']);
    expect((await runsOf(id))[0]).toMatchObject({
      contactId: person,
      trigger: 'field_changed:company',
      error: null,
    });
    const timeline = (await call('GET', `/contacts/${person}/timeline?kinds=tag`)).body.data;
    expect(timeline[0]).toMatchObject({
      type: 'tag_added',
      actor: { type: 'system', id: `automation:${id}` },
    });
    await disable(id);
  });

  it('never sets itself off, and two rules setting each other off stop after one run each', async () => {
    const self = await automation({
      name: 'Retag',
      trigger: { type: 'field_changed', field: 'tags' },
      actions: [{ type: 'add_tags', tags: ['Touched'] }],
    });
    const person = await create({ name: 'Ben Loop' });
    await call('POST', `/contacts/${person}/tags`, { tags: ['Start'] });
    expect(await tagsOf(person)).toEqual(['Start', 'Touched']);
    expect((await runsOf(self)).length).toBe(1);
    await disable(self);

    const ping = await automation({
      name: 'Ping',
      trigger: { type: 'field_changed', field: 'company' },
      actions: [{ type: 'set_field', field: 'jobTitle', value: 'ping' }],
    });
    const pong = await automation({
      name: 'Pong',
      trigger: { type: 'field_changed', field: 'jobTitle' },
      actions: [{ type: 'set_field', field: 'company', value: 'pong' }],
    });
    await call('PATCH', `/contacts/${person}`, { company: 'start' });
    expect(await contact(person)).toMatchObject({ company: 'pong', jobTitle: 'ping' });
    expect((await runsOf(ping)).length).toBe(1);
    expect((await runsOf(pong)).length).toBe(1);
    await disable(ping);
    await disable(pong);
  });

  it(`runs at most ${RUNS_PER_CONTACT_PER_HOUR} times an hour on one contact`, async () => {
    const id = await automation({
      name: 'Noisy',
      trigger: { type: 'field_changed', field: 'jobTitle' },
      actions: [{ type: 'add_tags', tags: ['Noisy'] }],
    });
    const person = await create({ name: 'Cy Busy' });
    for (let i = 0; i <= RUNS_PER_CONTACT_PER_HOUR; i++)
      await call('PATCH', `/contacts/${person}`, { jobTitle: `title ${i}` });
    const runs = await runsOf(id);
    expect(runs.length).toBe(RUNS_PER_CONTACT_PER_HOUR + 1);
    expect(runs[0]).toMatchObject({ outcome: 'rate_limited' });
    expect(runs.slice(1).every((r) => r.outcome === 'succeeded')).toBe(true);
    await disable(id);
  });

  it('calls a webhook signed with the stored secret, and logs a failing one', async () => {
    const id = await automation({
      name: 'Notify',
      trigger: { type: 'field_changed', field: 'custom.stage' },
      actions: [{ type: 'webhook', url: receiverUrl }],
      webhookSecret: SECRET,
    });
    expect((await call('GET', `/automations/${id}`)).body).toMatchObject({ hasWebhookSecret: true });
    expect(JSON.stringify((await call('GET', `/automations/${id}`)).body)).not.toContain(SECRET);
    const stored = await t.runtime.services.uow.repos.automations.find(t.workspaceId, id);
    expect(stored?.webhook_secret).not.toContain(SECRET);
    await call('POST', '/custom-fields', { key: 'stage', label: 'Stage', type: 'text' });
    const person = await create({ name: 'Dot Hooked' });
    received.length = 0;
    await call('PATCH', `/contacts/${person}`, { custom: { stage: 'won' } });
    expect(received.length).toBe(1);
    const [hit] = received;
    const timestamp = String(hit?.headers['x-rolo-timestamp']);
    expect(hit?.headers['x-rolo-signature']).toBe(webhookSignature(SECRET, timestamp, hit?.body ?? ''));
    expect(JSON.parse(hit?.body ?? '{}')).toMatchObject({
      automationId: id,
      trigger: 'field_changed:custom.stage',
      contact: { id: person, custom: { stage: 'won' } },
    });
    receiverStatus = 500;
    await call('PATCH', `/contacts/${person}`, { custom: { stage: 'lost' } });
    receiverStatus = 200;
    expect((await runsOf(id))[0]).toMatchObject({ outcome: 'failed', error: 'webhook answered 500' });
    await disable(id);
  });

  it('runs when a message is received', async () => {
    expect(
      (
        await call('PUT', '/whatsapp/channel', {
          phoneNumberId: TEST_PHONE_NUMBER_ID,
          displayNumber: '+1 555 078 3881',
          appSecret: TEST_APP_SECRET,
        })
      ).status,
    ).toBe(200);
    const id = await automation({
      name: 'Inbound',
      trigger: { type: 'message_received' },
      actions: [{ type: 'add_tags', tags: ['Wrote in'] }],
    });
    const body = textNotification({
      from: '14155550777',
      id: 'wamid.auto-1',
      text: 'hi',
      name: 'Eve',
      at: new Date(),
    });
    expect(
      (
        await t.request('POST', '/webhooks/whatsapp', {
          key: null,
          rawBody: body,
          headers: signedHeaders(body),
        })
      ).status,
    ).toBe(200);
    expect(await inboxProcessorOf(t.runtime).drain()).toBe(1);
    const [run] = await runsOf(id);
    expect(run).toMatchObject({ outcome: 'succeeded', trigger: 'message_received' });
    expect(await tagsOf(run?.contactId ?? '')).toEqual(['Wrote in']);
    await disable(id);
  });

  it('runs when a segment snapshot sees contacts enter and leave', async () => {
    const segment = await t.runtime.services.segments.createSegment(systemPrincipal(t.workspaceId), {
      name: 'Leads',
      filter: { field: 'jobTitle', op: 'eq', value: 'Lead' },
    });
    const entered = await automation({
      name: 'Welcome',
      trigger: { type: 'segment_entered', segmentId: segment.id },
      actions: [{ type: 'add_tags', tags: ['Welcomed'] }],
    });
    const left = await automation({
      name: 'Farewell',
      trigger: { type: 'segment_left', segmentId: segment.id },
      actions: [{ type: 'remove_tags', tags: ['Welcomed'] }],
    });
    const person = await create({ name: 'Fin Lead' });
    await t.runtime.services.automations.onSegmentMembership(t.workspaceId, segment.id, {
      entered: [person],
      left: [],
    });
    expect(await tagsOf(person)).toEqual(['Welcomed']);
    await t.runtime.services.automations.onSegmentMembership(t.workspaceId, segment.id, {
      entered: [],
      left: [person],
    });
    expect(await tagsOf(person)).toEqual([]);
    expect((await runsOf(entered))[0]).toMatchObject({
      trigger: `segment_entered:${segment.id}`,
      outcome: 'succeeded',
    });
    expect((await runsOf(left))[0]).toMatchObject({
      trigger: `segment_left:${segment.id}`,
      outcome: 'succeeded',
    });
  });

  it('fires segment automations from snapshots, not for the members a new segment starts with', async () => {
    const stays = await create({ name: 'Courier Stays', jobTitle: 'Courier' });
    const quits = await create({ name: 'Courier Quits', jobTitle: 'Courier' });
    const deleted = await create({ name: 'Courier Deleted', jobTitle: 'Courier' });
    const joins = await create({ name: 'Driver Joins', jobTitle: 'Driver' });
    const created = await call('POST', '/segments', {
      name: 'Couriers',
      filter: { field: 'jobTitle', op: 'eq', value: 'Courier' },
    });
    expect(created.status).toBe(201);
    const segmentId = created.body.id as string;
    const welcome = await automation({
      name: 'Welcome couriers',
      trigger: { type: 'segment_entered', segmentId },
      actions: [{ type: 'add_tags', tags: ['Courier welcome'] }],
    });
    const farewell = await automation({
      name: 'Farewell couriers',
      trigger: { type: 'segment_left', segmentId },
      actions: [{ type: 'add_tags', tags: ['Ex courier'] }],
    });

    await runJobs();
    expect(await runsOf(welcome)).toEqual([]);
    expect(await tagsOf(stays)).toEqual([]);

    await call('PATCH', `/contacts/${joins}`, { jobTitle: 'Courier' });
    await call('PATCH', `/contacts/${quits}`, { jobTitle: 'Driver' });
    expect((await call('DELETE', `/contacts/${deleted}`)).status).toBe(204);
    expect(await runsOf(welcome)).toEqual([]);
    // Same day as the first snapshot: the day's counts add up (3 members to start with, then 1 in, 2 out).
    expect(await snapshot(segmentId)).toMatchObject({ size: 2, entered: 4, left: 2 });

    const welcomed = await runsOf(welcome);
    expect(welcomed).toEqual([
      expect.objectContaining({
        contactId: joins,
        trigger: `segment_entered:${segmentId}`,
        outcome: 'succeeded',
      }),
    ]);
    expect(await tagsOf(joins)).toEqual(['Courier welcome']);
    expect(await runsOf(farewell)).toEqual([
      expect.objectContaining({
        contactId: quits,
        trigger: `segment_left:${segmentId}`,
        outcome: 'succeeded',
      }),
    ]);
    expect(await tagsOf(quits)).toEqual(['Ex courier']);
    expect(await tagsOf(stays)).toEqual([]);

    expect(await snapshot(segmentId)).toMatchObject({ size: 2, entered: 4, left: 2 });
    expect(await runsOf(welcome)).toHaveLength(1);
    expect(await runsOf(farewell)).toHaveLength(1);

    await disable(welcome);
    await disable(farewell);
    await call('PATCH', `/contacts/${quits}`, { jobTitle: 'Courier' });
    expect(await snapshot(segmentId)).toMatchObject({ size: 3, entered: 5 });
    expect(await runsOf(welcome)).toHaveLength(1);
  });
});
