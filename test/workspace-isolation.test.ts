import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { listOperations, operationName, type Operation } from './support/openapi-operations.js';
import { planRouteCalls, type RouteCall } from './support/route-calls.js';
import { startTestApp, TEST_PASSWORD, type TestApp, type TestResponse } from './support/test-app.js';
import { describeEachDialect } from './support/test-database.js';
import { createFixtures, type WorkspaceFixtures } from './support/workspace-fixtures.js';

/** Routes reachable without signing in. */
const PUBLIC_ROUTES = ['POST /api/v1/auth/login', 'POST /api/v1/auth/logout'];

/** Every marker of workspace A's data: names, emails, note and field text all carry it. */
const A_MARKER = /alpha.?secret/i;

/** Bodies that exercise an operation better than one derived from its schema; those without a resource in the path must succeed. */
function bodiesFor(a: WorkspaceFixtures): Record<string, unknown> {
  return {
    'POST /api/v1/users': { email: 'bravo.walker@example.com', name: 'Bravo Walker' },
    'POST /api/v1/contacts': { name: 'Bravo Walker', phone: '+1 415 555 0301' },
    'PATCH /api/v1/contacts/{id}': { company: 'Bravo was here', assigneeId: null },
    'POST /api/v1/contacts/{id}/tags': { tags: ['Bravo walk tag'] },
    'POST /api/v1/exports': { selection: { ids: [a.ids.contacts] }, format: 'csv' },
    'POST /api/v1/imports/{id}/dry-run': { mapping: [{ kind: 'field', field: 'name' }, { kind: 'ignore' }] },
    'POST /api/v1/imports/{id}/start': { mapping: [{ kind: 'field', field: 'name' }, { kind: 'ignore' }] },
    'POST /api/v1/contacts/bulk': {
      selection: { ids: [a.ids.contacts] },
      action: 'add_tags',
      tags: ['Bravo bulk tag'],
    },
    'POST /api/v1/contacts/{id}/notes': { body: 'Bravo walk note', pinned: true },
    'PATCH /api/v1/notes/{id}': { body: 'Bravo was here', pinned: false },
    'PATCH /api/v1/tags/{id}': { name: 'Bravo was here', color: '#000000' },
    'PATCH /api/v1/custom-fields/{id}': { label: 'Bravo was here', required: true },
    'PATCH /api/v1/users/{id}': { name: 'Bravo was here', role: 'agent', disabled: true },
    'PATCH /api/v1/workspace': { name: 'Bravo Walked' },
    'PUT /api/v1/tags/{id}/rule': { rule: { field: 'company', op: 'eq', value: 'Bravo Corp' } },
    'POST /api/v1/automations': {
      name: 'Bravo walk automation',
      trigger: { type: 'message_received' },
      actions: [{ type: 'add_tags', tags: ['Bravo walk automated'] }],
    },
    'PATCH /api/v1/automations/{id}': { name: 'Bravo was here', enabled: false },
  };
}

describeEachDialect('workspace isolation', (dialect) => {
  let t: TestApp;
  let a: WorkspaceFixtures;
  let b: WorkspaceFixtures;
  let bKey: string;
  let operations: Operation[];
  let secrets: string[];
  let bodies: Record<string, unknown>;
  let bWorkspaceId: string;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    a = await createFixtures(t, t.ownerKey, 'Alpha Secret', '+14155550100');
    const bravo = await t.createWorkspace('Bravo');
    bKey = bravo.ownerKey;
    bWorkspaceId = bravo.workspaceId;
    b = await createFixtures(t, bKey, 'Bravo', '+14155550200');
    operations = await listOperations(t, '/api/v1/');
    bodies = bodiesFor(a);
    secrets = [...Object.values(a.ids), t.workspaceId, t.ownerId, t.ownerEmail, '4155550100'];
  });
  afterAll(async () => t.close());

  /** What a response shows of A that the request did not carry itself. */
  function leaksOf(response: TestResponse, call: RouteCall): string[] {
    const sent = `${call.path} ${JSON.stringify(call.body ?? null)}`;
    const shown = `${response.headers.get('location') ?? ''} ${JSON.stringify(response.body)}`;
    const markers = [...shown.matchAll(new RegExp(A_MARKER, 'gi'))].map((m) => m[0]);
    return [...secrets, ...markers].filter((s) => shown.includes(s) && !sent.includes(s));
  }

  /** Every documented GET of A's resources, read with A's own key: what B must not change. */
  async function snapshotOfA() {
    const reads: Record<string, unknown> = {};
    for (const operation of operations.filter((o) => o.method === 'GET')) {
      const [call] = planRouteCalls(operation, a.ids, b.ids, {});
      const response = await t.request('GET', call!.path, { key: t.ownerKey });
      reads[call!.path] = { status: response.status, body: response.body };
    }
    return reads;
  }

  it('walks every /api/v1 route with a key of workspace B and shows or changes nothing of A', async () => {
    expect(operations.length).toBeGreaterThan(40);
    const names = operations.map(operationName);
    expect(names).toEqual(expect.arrayContaining([...PUBLIC_ROUTES, 'GET /api/v1/contacts/{id}']));
    expect(Object.keys(bodies).filter((name) => !names.includes(name))).toEqual([]);

    const before = await snapshotOfA();
    const unexercised: string[] = [];
    const failures: string[] = [];
    let calls = 0;
    for (const operation of operations) {
      let planned: RouteCall[];
      try {
        planned = planRouteCalls(operation, a.ids, b.ids, bodies);
      } catch (error) {
        unexercised.push(String(error));
        continue;
      }
      for (const call of planned) {
        calls++;
        const response = await t.request(operation.method, call.path, { key: bKey, body: call.body });
        const label = `${operation.method} ${call.path} → ${response.status}`;
        const leaks = leaksOf(response, call);
        if (leaks.length) failures.push(`${label} shows ${leaks.join(', ')}`);
        if (call.resourceParams.length && (response.status !== 404 || response.body?.code !== 'not_found'))
          failures.push(`${label}, expected 404 not_found: ${JSON.stringify(response.body)}`);
        const handWritten = operationName(operation) in bodies;
        if (!call.resourceParams.length && handWritten && response.status >= 300)
          failures.push(`${label}, expected success: ${JSON.stringify(response.body)}`);
        if (response.status >= 500) failures.push(`${label}: ${JSON.stringify(response.body)}`);
      }
    }
    expect(unexercised, 'routes the walk cannot call: add a fixture to workspace-fixtures.ts').toEqual([]);
    expect(failures).toEqual([]);
    expect(calls).toBeGreaterThanOrEqual(operations.length);

    expect(await snapshotOfA()).toEqual(before);
    const stillWorks = await t.request('GET', '/api/v1/workspace', { key: a.apiKey });
    expect(stillWorks.body).toMatchObject({ id: t.workspaceId, name: 'Test Workspace' });
  });

  it('lists none of A in B, finds none of A by search, and B sees its own fixtures', async () => {
    for (const [collection, id] of Object.entries(b.ids).filter(([c]) => c !== 'api-keys')) {
      expect((await t.request('GET', `/api/v1/${collection}/${id}`, { key: bKey })).status, collection).toBe(
        200,
      );
    }
    for (const q of ['alpha', 'Alpha Secret Person', '4155550100', 'alpha.secret@example.com']) {
      const found = await t.request('GET', `/api/v1/contacts?q=${encodeURIComponent(q)}`, { key: bKey });
      expect(found.body.data, q).toEqual([]);
    }
    for (const path of ['/contacts', '/tags', '/custom-fields', '/users', '/api-keys', '/jobs']) {
      const response = await t.request('GET', `/api/v1${path}`, { key: bKey });
      expect(response.status, path).toBe(200);
      expect(response.body.data.length, path).toBeGreaterThan(0);
      const text = JSON.stringify(response.body);
      for (const secret of secrets) expect(text, path).not.toContain(secret);
      expect(text, path).not.toMatch(A_MARKER);
    }
  });

  it('answers 401 on every route but sign-in and sign-out without credentials', async () => {
    for (const operation of operations) {
      const [call] = planRouteCalls(operation, a.ids, b.ids, bodies);
      const name = operationName(operation);
      const isPublic = PUBLIC_ROUTES.includes(name);
      const response = await t.request(operation.method, call!.path, {
        key: null,
        body: isPublic ? {} : call!.body,
      });
      if (isPublic) expect(response.status, name).not.toBe(401);
      else {
        expect(response.status, name).toBe(401);
        expect(response.body.code, name).toBe('unauthenticated');
      }
    }
  });

  it('answers 401 on every route to a forged key or session naming workspace A', async () => {
    const forgedKey = `rolo_${t.workspaceId}_${randomBytes(32).toString('base64url')}`;
    const forgedCookie = `rolo_session=${t.workspaceId}.${randomBytes(32).toString('base64url')}`;
    for (const operation of operations) {
      const [call] = planRouteCalls(operation, a.ids, b.ids, bodies);
      const name = operationName(operation);
      if (PUBLIC_ROUTES.includes(name)) continue;
      const withKey = await t.request(operation.method, call!.path, { key: forgedKey, body: call!.body });
      expect(withKey.status, name).toBe(401);
      const withCookie = await t.request(operation.method, call!.path, {
        key: null,
        body: call!.body,
        headers: { cookie: forgedCookie, 'x-csrf-token': 'forged' },
      });
      expect(withCookie.status, name).toBe(401);
    }
  });

  it("keeps A's rows out of reach when B names them in a body", async () => {
    const asB = (method: string, path: string, body?: unknown) =>
      t.request(method, `/api/v1${path}`, { key: bKey, body });

    const sameIdentity = await asB('POST', '/contacts', {
      name: 'Bravo Twin',
      phone: '(415) 555-0100',
      email: 'ALPHA.SECRET@example.com',
    });
    expect(sameIdentity.status).toBe(201);
    expect(JSON.stringify(sameIdentity.body)).not.toContain(a.ids.contacts);
    expect((await asB('POST', '/tags', { name: 'alpha secret tag' })).status).toBe(201);
    expect((await asB('POST', '/custom-fields', { label: 'Alpha Secret Field', type: 'text' })).status).toBe(
      201,
    );
    const sameMember = await asB('POST', '/users', {
      email: 'alpha.secret.member@example.com',
      name: 'Twin',
    });
    expect(sameMember.status).toBe(201);

    const assigned = await asB('POST', '/contacts', { name: 'Bravo Assigned', assigneeId: a.ids.users });
    expect(assigned.status).toBe(400);
    expect(assigned.body.errors[0].path).toBe('assigneeId');
    const reassigned = await asB('PATCH', `/contacts/${b.ids.contacts}`, { assigneeId: t.ownerId });
    expect(reassigned.status).toBe(400);
    expect(reassigned.body.errors[0].path).toBe('assigneeId');

    const userField = await asB('POST', '/custom-fields', { label: 'Account owner', type: 'user' });
    const userValue = await asB('PATCH', `/contacts/${b.ids.contacts}`, {
      custom: { [userField.body.key]: a.ids.users },
    });
    expect(userValue.status).toBe(400);
    expect(userValue.body.errors[0].path).toBe(`custom.${userField.body.key}`);

    const merged = await asB('POST', `/tags/${b.ids.tags}/merge`, { targetId: a.ids.tags });
    expect(merged.status).toBe(404);
    const reordered = await asB('PUT', '/custom-fields/order', { ids: [a.ids['custom-fields']] });
    expect(reordered.status).toBe(400);
    expect(reordered.body.errors[0].path).toBe('ids');

    const aTagBefore = (await t.request('GET', `/api/v1/tags/${a.ids.tags}`)).body;
    const tagged = await asB('POST', `/contacts/${b.ids.contacts}/tags`, { tags: [a.ids.tags] });
    expect(tagged.status).toBe(200);
    expect(tagged.body.tags.map((tag: { id: string }) => tag.id)).not.toContain(a.ids.tags);
    expect((await t.request('GET', `/api/v1/tags/${a.ids.tags}`)).body).toEqual(aTagBefore);

    const bulk = await asB('POST', '/contacts/bulk', {
      selection: { ids: [a.ids.contacts] },
      action: 'delete',
    });
    expect(bulk.status).toBe(200);
    expect(bulk.body).toMatchObject({
      counts: { ok: 0, failed: 1 },
      results: [{ id: a.ids.contacts, ok: false }],
    });
    expect((await t.request('GET', `/api/v1/contacts/${a.ids.contacts}`)).status).toBe(200);

    const signIn = await t.request('POST', '/api/v1/auth/login', {
      key: null,
      body: { email: t.ownerEmail, password: TEST_PASSWORD, workspaceId: bWorkspaceId },
    });
    expect(signIn.status).toBe(401);
  });
});
