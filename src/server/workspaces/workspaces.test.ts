import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachDialect } from '../../../test/support/test-database.js';

const BUILT_IN_NOTE_TYPES = ['general', 'call', 'meeting', 'follow-up', 'complaint'];

describeEachDialect('workspace settings', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t.close());

  it('shows the caller its workspace, to every role', async () => {
    const agentKey = await t.createKey(t.workspaceId, 'agent');
    const response = await t.request('GET', '/api/v1/workspace', { key: agentKey });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      id: t.workspaceId,
      name: 'Test Workspace',
      defaultCountry: 'US',
      noteTypes: BUILT_IN_NOTE_TYPES,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
  });

  it('renames the workspace and reads the default country in any case', async () => {
    const other = await t.createWorkspace('Rename me');
    const patched = await t.request('PATCH', '/api/v1/workspace', {
      key: other.ownerKey,
      body: { name: '  Acme Brasil  ', defaultCountry: ' br ' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ id: other.workspaceId, name: 'Acme Brasil', defaultCountry: 'BR' });
    expect((await t.request('GET', '/api/v1/workspace', { key: other.ownerKey })).body).toEqual(patched.body);
    expect((await t.request('GET', '/api/v1/workspace')).body).toMatchObject({
      name: 'Test Workspace',
      defaultCountry: 'US',
    });
  });

  it.each(['XX', 'ZZ', 'EU', 'UK', 'QO', 'USA', '1', ''])(
    'refuses %j as default country, naming the field',
    async (country) => {
      const response = await t.request('PATCH', '/api/v1/workspace', { body: { defaultCountry: country } });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body).toMatchObject({
        code: 'validation_failed',
        errors: [{ path: 'defaultCountry' }],
      });
      expect((await t.request('GET', '/api/v1/workspace')).body.defaultCountry).toBe('US');
    },
  );

  it('refuses an empty name, unknown settings and changes by agents', async () => {
    const emptyName = await t.request('PATCH', '/api/v1/workspace', { body: { name: '   ' } });
    expect(emptyName.status).toBe(400);
    expect(emptyName.body.errors[0].path).toBe('name');
    const unknown = await t.request('PATCH', '/api/v1/workspace', { body: { plan: 'enterprise' } });
    expect(unknown.status).toBe(400);
    const agentKey = await t.createKey(t.workspaceId, 'agent');
    const byAgent = await t.request('PATCH', '/api/v1/workspace', {
      key: agentKey,
      body: { name: 'Agent rename' },
    });
    expect(byAgent.status).toBe(403);
    expect(byAgent.body.code).toBe('forbidden');
    const adminKey = await t.createKey(t.workspaceId, 'admin');
    const byAdmin = await t.request('PATCH', '/api/v1/workspace', {
      key: adminKey,
      body: { name: 'Test Workspace' },
    });
    expect(byAdmin.status).toBe(200);
  });

  it('keeps custom note types after the built-in ones, deduplicated, and lets notes use them', async () => {
    const other = await t.createWorkspace('Notes');
    const key = other.ownerKey;
    const contact = await t.request('POST', '/api/v1/contacts', { key, body: { name: 'Noted Person' } });
    const note = (type: string) =>
      t.request('POST', `/api/v1/contacts/${contact.body.id}/notes`, { key, body: { type, body: 'Hello' } });
    expect((await note('renewal')).status).toBe(400);

    const patched = await t.request('PATCH', '/api/v1/workspace', {
      key,
      body: { noteTypes: ['Renewal', 'call', ' onboarding call ', 'renewal'] },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.noteTypes).toEqual([...BUILT_IN_NOTE_TYPES, 'renewal', 'onboarding call']);
    expect((await note('renewal')).status).toBe(201);
    expect((await note('Onboarding Call')).status).toBe(201);

    const renamed = await t.request('PATCH', '/api/v1/workspace', { key, body: { name: 'Notes HQ' } });
    expect(renamed.body.noteTypes).toEqual(patched.body.noteTypes);
    const cleared = await t.request('PATCH', '/api/v1/workspace', { key, body: { noteTypes: [] } });
    expect(cleared.body.noteTypes).toEqual(BUILT_IN_NOTE_TYPES);
    expect((await note('renewal')).status).toBe(400);

    const bad = await t.request('PATCH', '/api/v1/workspace', { key, body: { noteTypes: ['ok', '!!'] } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('noteTypes.1');
  });

  it('reads national phone numbers of new contacts with the default country', async () => {
    const other = await t.createWorkspace('Phones');
    const key = other.ownerKey;
    const create = (phone: string) =>
      t.request('POST', '/api/v1/contacts', { key, body: { firstName: 'Phone', phone } });

    const before = await create('(11) 98765-4321');
    expect(before.status).toBe(400);
    expect(before.body.errors[0]).toMatchObject({ path: 'phone', message: expect.stringContaining('US') });
    const american = await create('(415) 555-0132');
    expect(american.body.phone).toBe('+14155550132');

    await t.request('PATCH', '/api/v1/workspace', { key, body: { defaultCountry: 'BR' } });
    const brazilian = await create('(11) 98765-4321');
    expect(brazilian.status).toBe(201);
    expect(brazilian.body.phone).toBe('+5511987654321');
    const international = await create('+1 415 555 0133');
    expect(international.body.phone).toBe('+14155550133');
    const existing = await t.request('GET', `/api/v1/contacts/${american.body.id}`, { key });
    expect(existing.body.phone).toBe('+14155550132');

    await t.request('PATCH', '/api/v1/workspace', { key, body: { defaultCountry: 'gb' } });
    const british = await create('020 7946 0958');
    expect(british.body.phone).toBe('+442079460958');
    const patched = await t.request('PATCH', `/api/v1/contacts/${brazilian.body.id}`, {
      key,
      body: { phone: '020 7946 0959' },
    });
    expect(patched.body.phone).toBe('+442079460959');
  });
});
