import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachDialect } from '../../../test/support/test-database.js';

describeEachDialect('API keys', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t.close());

  const createKey = (body: object, key?: string) => t.request('POST', '/api/v1/api-keys', { body, key });

  it('shows a new key once, lets it act as Bearer with its role, and stores only its hash', async () => {
    const created = await createKey({ name: '  Zapier  ', role: 'admin' });
    expect(created.status).toBe(201);
    const { key, apiKey } = created.body;
    expect(key).toMatch(new RegExp(`^rolo_${t.workspaceId}_[\\w-]{40,}$`));
    expect(apiKey).toMatchObject({ name: 'Zapier', role: 'admin', lastUsedAt: null, revokedAt: null });
    expect(key.startsWith(apiKey.prefix.split('…')[0])).toBe(true);
    expect(key.endsWith(apiKey.prefix.split('…')[1])).toBe(true);

    const workspace = await t.request('GET', '/api/v1/workspace', { key });
    expect(workspace.status).toBe(200);
    expect(workspace.body.id).toBe(t.workspaceId);
    const contact = await t.request('POST', '/api/v1/contacts', { key, body: { name: 'Via Zapier' } });
    const timeline = await t.request('GET', `/api/v1/contacts/${contact.body.id}/timeline`, { key });
    expect(timeline.body.data[0].actor).toEqual({ type: 'api_key', id: apiKey.id });

    const row = await t.runtime.db.kysely
      .selectFrom('api_keys')
      .selectAll()
      .where('id', '=', apiKey.id)
      .executeTakeFirstOrThrow();
    const secret = key.split('_').slice(2).join('_');
    expect(row.key_hash).toMatch(/^[\w-]{43}$/);
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(row.workspace_id).toBe(t.workspaceId);
  });

  it('lists keys with their prefix and last use, never the key itself', async () => {
    const { body } = await createKey({ name: 'Listed', role: 'agent' });
    await t.request('GET', '/api/v1/contacts', { key: body.key });
    const list = await t.request('GET', '/api/v1/api-keys');
    expect(list.status).toBe(200);
    const listed = list.body.data.find((k: { id: string }) => k.id === body.apiKey.id);
    expect(listed).toMatchObject({
      name: 'Listed',
      role: 'agent',
      prefix: body.apiKey.prefix,
      revokedAt: null,
    });
    expect(Date.parse(listed.lastUsedAt)).toBeGreaterThan(Date.now() - 60_000);
    const text = JSON.stringify(list.body);
    expect(text).not.toContain(body.key);
    expect(text).not.toContain(body.key.slice(-20));
    expect(list.body.data.every((k: object) => !('key' in k) && !('keyHash' in k))).toBe(true);
  });

  it('refuses a revoked key at once, and a second revoke is 404', async () => {
    const { body } = await createKey({ name: 'Short-lived' });
    expect((await t.request('GET', '/api/v1/contacts', { key: body.key })).status).toBe(200);
    expect((await t.request('DELETE', `/api/v1/api-keys/${body.apiKey.id}`)).status).toBe(204);
    const refused = await t.request('GET', '/api/v1/contacts', { key: body.key });
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('unauthenticated');
    expect((await t.request('POST', '/api/v1/contacts', { key: body.key, body: { name: 'X' } })).status).toBe(
      401,
    );
    const listed = (await t.request('GET', '/api/v1/api-keys')).body.data.find(
      (k: { id: string }) => k.id === body.apiKey.id,
    );
    expect(listed.revokedAt).not.toBeNull();
    const again = await t.request('DELETE', `/api/v1/api-keys/${body.apiKey.id}`);
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('not_found');
  });

  it('lets only admins manage keys, and only owners create owner keys', async () => {
    const agentKey = await t.createKey(t.workspaceId, 'agent');
    const adminKey = await t.createKey(t.workspaceId, 'admin');
    const victim = (await createKey({ name: 'Victim' })).body.apiKey;

    for (const [method, path, body] of [
      ['GET', '/api/v1/api-keys', undefined],
      ['POST', '/api/v1/api-keys', { name: 'Sneaky', role: 'agent' }],
      ['DELETE', `/api/v1/api-keys/${victim.id}`, undefined],
    ] as const) {
      const response = await t.request(method, path, { key: agentKey, body });
      expect(response.status, `${method} ${path}`).toBe(403);
      expect(response.body.code).toBe('forbidden');
    }
    const ownerKeyByAdmin = await createKey({ name: 'Escalate', role: 'owner' }, adminKey);
    expect(ownerKeyByAdmin.status).toBe(403);
    expect(ownerKeyByAdmin.body.code).toBe('forbidden');
    const names = (await t.request('GET', '/api/v1/api-keys')).body.data.map((k: { name: string }) => k.name);
    expect(names).not.toContain('Sneaky');
    expect(names).not.toContain('Escalate');

    const adminMade = await createKey({ name: 'Admin made' }, adminKey);
    expect(adminMade.status).toBe(201);
    expect(adminMade.body.apiKey.role).toBe('agent');
    expect((await t.request('GET', '/api/v1/api-keys', { key: adminKey })).status).toBe(200);
    const stillActive = (await t.request('GET', '/api/v1/api-keys')).body.data.find(
      (k: { id: string }) => k.id === victim.id,
    );
    expect(stillActive.revokedAt).toBeNull();

    const ownerMade = (await createKey({ name: 'Owner made', role: 'owner' })).body.apiKey;
    const revokeOwnerKey = await t.request('DELETE', `/api/v1/api-keys/${ownerMade.id}`, { key: adminKey });
    expect(revokeOwnerKey.status).toBe(403);
    expect((await t.request('DELETE', `/api/v1/api-keys/${ownerMade.id}`)).status).toBe(204);
  });

  it('refuses a tampered key, a key naming another workspace, and other schemes', async () => {
    const { key } = (await createKey({ name: 'Original' })).body;
    const other = await t.createWorkspace('Other');
    const secret = key.split('_').slice(2).join('_');
    const tampered = `${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`;
    for (const header of [
      `Bearer ${tampered}`,
      `Bearer rolo_${other.workspaceId}_${secret}`,
      `Bearer ${secret}`,
      `Basic ${key}`,
      'Bearer',
    ]) {
      const response = await t.request('GET', '/api/v1/contacts', {
        key: null,
        headers: { authorization: header },
      });
      expect(response.status, header).toBe(401);
      expect(response.body.code).toBe('unauthenticated');
    }
    expect((await t.request('GET', '/api/v1/contacts', { key })).status).toBe(200);
  });

  it('records the member who created a key from a session', async () => {
    const session = await t.signIn(t.ownerEmail);
    const created = await t.request('POST', '/api/v1/api-keys', { session, body: { name: 'Mine' } });
    expect(created.status).toBe(201);
    expect(created.body.apiKey.createdBy).toBe(t.ownerId);
    expect((await createKey({ name: 'By key' })).body.apiKey.createdBy).toBeNull();
  });

  it('refuses a bad key name naming the field', async () => {
    const response = await createKey({ name: '   ', role: 'agent' });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].path).toBe('name');
    const badRole = await createKey({ name: 'Root', role: 'root' });
    expect(badRole.status).toBe(400);
    expect(badRole.body.errors[0].path).toBe('role');
  });
});
