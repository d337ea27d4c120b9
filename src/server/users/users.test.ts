import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../../../test/support/test-app.js';
import { describeEachDialect } from '../../../test/support/test-database.js';

describeEachDialect('users and roles', (dialect) => {
  let t: TestApp;
  let adminKey: string;
  let agentKey: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    adminKey = await t.createKey(t.workspaceId, 'admin');
    agentKey = await t.createKey(t.workspaceId, 'agent');
  });
  afterAll(async () => t.close());

  /** Adds a member as the owner, with the test password. */
  async function addMember(email: string, role: 'owner' | 'admin' | 'agent') {
    const response = await t.request('POST', '/api/v1/users', {
      body: { email, name: `${role} ${email}`, role, password: TEST_PASSWORD },
    });
    expect(response.status).toBe(201);
    return response.body.user as { id: string; email: string; role: string };
  }

  const userOf = async (id: string) => (await t.request('GET', `/api/v1/users/${id}`)).body;

  it('adds a member, generating a password shown only once that signs them in', async () => {
    const created = await t.request('POST', '/api/v1/users', {
      body: { email: ' New.Agent@Example.com ', name: 'New Agent' },
    });
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({
      email: 'new.agent@example.com',
      name: 'New Agent',
      role: 'agent',
      disabled: false,
    });
    const { password } = created.body;
    expect(password).toMatch(/^[\w-]{20}$/);

    const read = await t.request('GET', `/api/v1/users/${created.body.user.id}`);
    expect(read.body).toEqual(created.body.user);
    const list = await t.request('GET', '/api/v1/users');
    expect(list.body.data.map((u: { id: string }) => u.id)).toEqual(
      expect.arrayContaining([t.ownerId, created.body.user.id]),
    );
    for (const text of [JSON.stringify(read.body), JSON.stringify(list.body)]) {
      expect(text).not.toContain(password);
      expect(text).not.toMatch(/scrypt|password/i);
    }
    const session = await t.signIn('new.agent@example.com', password);
    expect(session.body.user.id).toBe(created.body.user.id);

    const chosen = await t.request('POST', '/api/v1/users', {
      body: { email: 'chosen@example.com', name: 'Chosen', password: TEST_PASSWORD },
    });
    expect(chosen.status).toBe(201);
    expect(chosen.body).not.toHaveProperty('password');
  });

  it('refuses a second member with the same email, however written, naming email', async () => {
    await addMember('dup@example.com', 'agent');
    const again = await t.request('POST', '/api/v1/users', {
      body: { email: 'DUP@example.com', name: 'Dup again' },
    });
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
    expect(again.body).toMatchObject({ code: 'conflict', errors: [{ path: 'email' }] });
    const other = await t.createWorkspace('Elsewhere');
    const elsewhere = await t.request('POST', '/api/v1/users', {
      key: other.ownerKey,
      body: { email: 'dup@example.com', name: 'Same email, other workspace' },
    });
    expect(elsewhere.status).toBe(201);
  });

  it('answers 409 to every racing duplicate but one', async () => {
    const body = { email: 'racer@example.com', name: 'Racer', password: TEST_PASSWORD };
    const responses = await Promise.all(
      Array.from({ length: 4 }, () => t.request('POST', '/api/v1/users', { body })),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    for (const response of responses.filter((r) => r.status === 409))
      expect(response.body).toMatchObject({ code: 'conflict', errors: [{ path: 'email' }] });
  });

  it('names the invalid field of a new member', async () => {
    for (const [body, path] of [
      [{ email: 'not-an-email', name: 'X' }, 'email'],
      [{ email: 'short@example.com', name: 'X', password: 'short' }, 'password'],
      [{ email: 'role@example.com', name: 'X', role: 'superuser' }, 'role'],
      [{ email: 'noname@example.com', name: '  ' }, 'name'],
      [{ email: 'extra@example.com', name: 'X', isAdmin: true }, ''],
    ] as const) {
      const response = await t.request('POST', '/api/v1/users', { body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.code).toBe('validation_failed');
      if (path) expect(response.body.errors[0].path).toBe(path);
    }
  });

  it('keeps agents from managing members, keys and settings', async () => {
    const colleague = await addMember('colleague@example.com', 'agent');
    const workspaceBefore = (await t.request('GET', '/api/v1/workspace')).body;
    for (const [method, path, body] of [
      ['POST', '/api/v1/users', { email: 'by-agent@example.com', name: 'By agent' }],
      ['PATCH', `/api/v1/users/${colleague.id}`, { name: 'Renamed by agent' }],
      ['PATCH', `/api/v1/users/${colleague.id}`, { disabled: true }],
      ['POST', '/api/v1/api-keys', { name: 'By agent' }],
      ['PATCH', '/api/v1/workspace', { name: 'Agent was here', defaultCountry: 'BR' }],
    ] as const) {
      const response = await t.request(method, path, { key: agentKey, body });
      expect(response.status, `${method} ${path}`).toBe(403);
      expect(response.body.code).toBe('forbidden');
    }
    expect((await t.request('GET', '/api/v1/workspace')).body).toEqual(workspaceBefore);
    expect(await userOf(colleague.id)).toMatchObject({
      name: 'agent colleague@example.com',
      disabled: false,
    });
    expect((await t.request('GET', '/api/v1/users', { key: agentKey })).status).toBe(200);
    const emails = (await t.request('GET', '/api/v1/users')).body.data.map((u: { email: string }) => u.email);
    expect(emails).not.toContain('by-agent@example.com');
  });

  it('lets a member change their own name and password, but not their role or access', async () => {
    const agent = await addMember('self@example.com', 'agent');
    const session = await t.signIn(agent.email);
    const renamed = await t.request('PATCH', `/api/v1/users/${agent.id}`, {
      session,
      body: { name: 'Self Renamed' },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Self Renamed');
    for (const body of [{ role: 'admin' }, { disabled: false }, { name: 'Sneaky', role: 'owner' }]) {
      const response = await t.request('PATCH', `/api/v1/users/${agent.id}`, { session, body });
      expect(response.status, JSON.stringify(body)).toBe(403);
    }
    expect(await userOf(agent.id)).toMatchObject({ name: 'Self Renamed', role: 'agent' });
  });

  it('keeps admins away from owners: no creating, promoting, changing or disabling them', async () => {
    const admin = await addMember('admin@example.com', 'admin');
    const agent = await addMember('promote-me@example.com', 'agent');
    const adminSession = await t.signIn(admin.email);
    for (const options of [{ key: adminKey }, { session: adminSession }]) {
      const attempts = [
        ['POST', '/api/v1/users', { email: 'new-owner@example.com', name: 'New owner', role: 'owner' }],
        ['PATCH', `/api/v1/users/${t.ownerId}`, { name: 'Renamed owner' }],
        ['PATCH', `/api/v1/users/${t.ownerId}`, { role: 'agent' }],
        ['PATCH', `/api/v1/users/${t.ownerId}`, { disabled: true }],
        ['PATCH', `/api/v1/users/${t.ownerId}`, { password: 'taken over by admin' }],
        ['PATCH', `/api/v1/users/${agent.id}`, { role: 'owner' }],
        ['PATCH', `/api/v1/users/${admin.id}`, { role: 'owner' }],
      ] as const;
      for (const [method, path, body] of attempts) {
        const response = await t.request(method, path, { ...options, body });
        expect(response.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(403);
        expect(response.body.code).toBe('forbidden');
      }
    }
    expect(await userOf(t.ownerId)).toMatchObject({
      role: 'owner',
      disabled: false,
      name: 'Test Workspace owner',
    });
    expect(await userOf(agent.id)).toMatchObject({ role: 'agent' });
    expect(await userOf(admin.id)).toMatchObject({ role: 'admin' });
    await t.signIn(t.ownerEmail);

    const madeAdmin = await t.request('POST', '/api/v1/users', {
      session: adminSession,
      body: { email: 'second-admin@example.com', name: 'Second admin', role: 'admin' },
    });
    expect(madeAdmin.status).toBe(201);
    const promoted = await t.request('PATCH', `/api/v1/users/${agent.id}`, {
      session: adminSession,
      body: { role: 'admin' },
    });
    expect(promoted.status).toBe(200);
    expect(promoted.body.role).toBe('admin');
  });

  it('applies a role change to live sessions at once', async () => {
    const admin = await addMember('demoted@example.com', 'admin');
    const session = await t.signIn(admin.email);
    expect((await t.request('GET', '/api/v1/api-keys', { session })).status).toBe(200);
    await t.request('PATCH', `/api/v1/users/${admin.id}`, { body: { role: 'agent' } });
    expect((await t.request('GET', '/api/v1/api-keys', { session })).status).toBe(403);
  });

  it('never leaves a workspace without an enabled owner', async () => {
    const other = await t.createWorkspace('Owners');
    const key = other.ownerKey;
    const patchUser = (id: string, body: object) => t.request('PATCH', `/api/v1/users/${id}`, { key, body });
    for (const body of [{ role: 'admin' }, { disabled: true }]) {
      const response = await patchUser(other.ownerId, body);
      expect(response.status, JSON.stringify(body)).toBe(403);
      expect(response.body.code).toBe('forbidden');
    }
    const session = await t.signIn(other.ownerEmail);
    const selfDemote = await t.request('PATCH', `/api/v1/users/${other.ownerId}`, {
      session,
      body: { role: 'agent' },
    });
    expect(selfDemote.status).toBe(403);

    const second = await t.request('POST', '/api/v1/users', {
      key,
      body: {
        email: 'second-owner@example.com',
        name: 'Second owner',
        role: 'owner',
        password: TEST_PASSWORD,
      },
    });
    expect(second.status).toBe(201);
    expect((await patchUser(second.body.user.id, { disabled: true })).status).toBe(200);
    expect((await patchUser(other.ownerId, { role: 'admin' })).status).toBe(403);

    expect((await patchUser(second.body.user.id, { disabled: false })).status).toBe(200);
    const demoted = await patchUser(other.ownerId, { role: 'admin' });
    expect(demoted.status).toBe(200);
    expect(demoted.body.role).toBe('admin');
    expect((await patchUser(second.body.user.id, { role: 'agent' })).status).toBe(403);
    const owners = (await t.request('GET', '/api/v1/users', { key })).body.data.filter(
      (u: { role: string; disabled: boolean }) => u.role === 'owner' && !u.disabled,
    );
    expect(owners.map((u: { id: string }) => u.id)).toEqual([second.body.user.id]);
  });

  it('answers 404 for an unknown member and 400 for an unknown change', async () => {
    const missing = await t.request('GET', '/api/v1/users/no-such-user');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('not_found');
    expect((await t.request('PATCH', '/api/v1/users/no-such-user', { body: { name: 'X' } })).status).toBe(
      404,
    );
    const unknown = await t.request('PATCH', `/api/v1/users/${t.ownerId}`, {
      body: { email: 'x@example.com' },
    });
    expect(unknown.status).toBe(400);
  });
});
