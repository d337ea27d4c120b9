import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type RequestOptions, type TestApp } from '../../../test/support/test-app.js';
import { describeEachDialect } from '../../../test/support/test-database.js';

/** A caller of the API: a signed-in member's session, or an API key. */
type Caller = Pick<RequestOptions, 'key' | 'session'> & { userId?: string };

describeEachDialect('saved searches API', (dialect) => {
  let t: TestApp;
  let alice: Caller;
  let bob: Caller;
  let admin: Caller;

  const call = (method: string, path: string, caller: Caller = {}, body?: unknown) =>
    t.request(method, `/api/v1${path}`, { key: caller.key, session: caller.session, body });

  /** Adds a member with a role and signs them in through the real login route. */
  const member = async (role: 'admin' | 'agent'): Promise<Caller> => {
    const email = `${role}-${randomBytes(4).toString('hex')}@searches.test`;
    const { user } = await t.runtime.services.users.createUser(t.workspaceId, {
      email,
      name: `A ${role}`,
      role,
      password: 'correct horse battery',
    });
    return { session: await t.signIn(email), userId: user.id };
  };

  const save = async (caller: Caller, body: object) => {
    const response = await call('POST', '/saved-searches', caller, body);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body;
  };

  const namesIn = async (caller: Caller) =>
    ((await call('GET', '/saved-searches', caller)).body.data as Array<{ name: string }>).map((s) => s.name);

  beforeAll(async () => {
    t = await startTestApp(dialect);
    alice = await member('agent');
    bob = await member('agent');
    admin = await member('admin');
  });
  afterAll(async () => t.close());

  it('saves a personal search with its filter, search text, sort and columns, owned by the caller', async () => {
    const filter = { and: [{ field: 'city', op: 'eq', value: 'Lisbon' }] };
    const saved = await save(alice, {
      name: '  Lisbon leads ',
      filter,
      q: ' ana ',
      sort: '-createdAt',
      columns: ['phone', 'tags'],
    });
    expect(saved).toMatchObject({
      name: 'Lisbon leads',
      visibility: 'personal',
      filter,
      q: 'ana',
      sort: '-createdAt',
      columns: ['phone', 'tags'],
      pinned: false,
      ownerId: alice.userId,
      mine: true,
      canEdit: true,
    });
    expect((await call('GET', `/saved-searches/${saved.id}`, alice)).body).toEqual(saved);
    const bare = await save(alice, { name: 'Everyone', q: '' });
    expect(bare).toMatchObject({ filter: null, q: null, sort: null, columns: null });
  });

  it('keeps a personal search invisible to everyone else, admins included', async () => {
    const secret = await save(alice, { name: 'Alice only' });
    for (const other of [bob, admin, {}]) {
      expect((await call('GET', `/saved-searches/${secret.id}`, other)).status).toBe(404);
      expect((await call('PATCH', `/saved-searches/${secret.id}`, other, { name: 'x' })).status).toBe(404);
      expect((await call('DELETE', `/saved-searches/${secret.id}`, other)).status).toBe(404);
      expect((await call('PUT', `/saved-searches/${secret.id}/pin`, other)).status).toBe(404);
      expect(await namesIn(other)).not.toContain('Alice only');
    }
    expect(await namesIn(alice)).toContain('Alice only');
  });

  it('shares a search with the workspace: others see and pin it, only the owner or an admin changes it', async () => {
    const shared = await save(alice, { name: 'Shared VIPs', visibility: 'shared', pinned: true });
    expect(shared.pinned).toBe(true);

    const seenByBob = (await call('GET', `/saved-searches/${shared.id}`, bob)).body;
    expect(seenByBob).toMatchObject({ name: 'Shared VIPs', mine: false, canEdit: false, pinned: false });
    expect((await call('PATCH', `/saved-searches/${shared.id}`, bob, { name: 'Mine now' })).status).toBe(403);
    expect((await call('DELETE', `/saved-searches/${shared.id}`, bob)).status).toBe(403);

    // Pinning is per member: Bob's pin does not touch Alice's, and unpinning leaves hers.
    expect((await call('PUT', `/saved-searches/${shared.id}/pin`, bob)).body.pinned).toBe(true);
    expect((await call('DELETE', `/saved-searches/${shared.id}/pin`, alice)).body.pinned).toBe(false);
    const bobList = (await call('GET', '/saved-searches', bob)).body.data;
    expect(bobList[0]).toMatchObject({ id: shared.id, pinned: true });
    const aliceView = (await call('GET', `/saved-searches/${shared.id}`, alice)).body;
    expect(aliceView.pinned).toBe(false);

    const byAdmin = await call('PATCH', `/saved-searches/${shared.id}`, admin, { name: 'Shared VIP list' });
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body).toMatchObject({ name: 'Shared VIP list', canEdit: true, mine: false });
    const adminUnshare = await call('PATCH', `/saved-searches/${shared.id}`, admin, {
      visibility: 'personal',
    });
    expect(adminUnshare.status).toBe(403);

    // Made personal again by its owner, it disappears for Bob, pin included.
    const unshared = await call('PATCH', `/saved-searches/${shared.id}`, alice, { visibility: 'personal' });
    expect(unshared.body.visibility).toBe('personal');
    expect(await namesIn(bob)).not.toContain('Shared VIP list');
    await call('PATCH', `/saved-searches/${shared.id}`, alice, { visibility: 'shared' });
    expect((await call('GET', `/saved-searches/${shared.id}`, bob)).body.pinned).toBe(false);

    expect((await call('DELETE', `/saved-searches/${shared.id}`, admin)).status).toBe(204);
    expect((await call('GET', `/saved-searches/${shared.id}`, alice)).status).toBe(404);
  });

  it('lists pinned searches first, then by name', async () => {
    const caller = await member('agent');
    await save(caller, { name: 'b search' });
    await save(caller, { name: 'A search' });
    await save(caller, { name: 'z pinned', pinned: true });
    const own = (await call('GET', '/saved-searches', caller)).body.data.filter(
      (s: { mine: boolean }) => s.mine,
    );
    expect(own.map((s: { name: string }) => s.name)).toEqual(['z pinned', 'A search', 'b search']);
  });

  it('changes only the fields given and clears those sent as null', async () => {
    const saved = await save(alice, {
      name: 'Edit me',
      filter: { field: 'company', op: 'contains', value: 'Acme' },
      sort: 'name',
      columns: ['email'],
    });
    const edited = await call('PATCH', `/saved-searches/${saved.id}`, alice, { columns: null, q: 'acme' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      name: 'Edit me',
      filter: { field: 'company', op: 'contains', value: 'Acme' },
      sort: 'name',
      columns: null,
      q: 'acme',
    });
    expect(edited.body.updatedAt >= saved.updatedAt).toBe(true);
    const cleared = await call('PATCH', `/saved-searches/${saved.id}`, alice, { filter: null });
    expect(cleared.body.filter).toBeNull();
  });

  it('refuses a bad filter, sort, column or name with a 400 naming the field', async () => {
    const cases: Array<[object, string]> = [
      [{ name: 'x', filter: { field: 'nope', op: 'eq', value: 1 } }, 'filter'],
      [{ name: 'x', filter: { and: [{ field: 'city', op: 'gt', value: 'x' }] } }, 'filter'],
      [{ name: 'x', filter: 'city:Lisbon' }, 'filter'],
      [{ name: 'x', sort: 'shoe-size' }, 'sort'],
      [{ name: 'x', columns: ['phone', 'bad column!'] }, 'columns.1'],
      [{ name: '' }, 'name'],
      [{ name: 'x', visibility: 'public' }, 'visibility'],
      [{ name: 'x', owner: 'someone' }, ''],
    ];
    for (const [body, path] of cases) {
      const response = await call('POST', '/saved-searches', alice, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.code).toBe('validation_failed');
      const paths = (response.body.errors as Array<{ path: string }>).map((e) => e.path);
      expect(
        paths.some((p) => p.startsWith(path)),
        `${JSON.stringify(body)} → ${paths.join()}`,
      ).toBe(true);
    }
    const saved = await save(alice, { name: 'Valid' });
    const patched = await call('PATCH', `/saved-searches/${saved.id}`, alice, {
      filter: { field: 'tags', op: 'gte', value: 3 },
    });
    expect(patched.status).toBe(400);
    expect(patched.body.errors[0].path).toMatch(/^filter/);
  });

  it('keeps searches saved with an API key to that key, and each workspace to itself', async () => {
    const saved = await save({}, { name: 'Key search', visibility: 'shared' });
    expect(saved).toMatchObject({ mine: true, canEdit: true });
    expect((await call('GET', `/saved-searches/${saved.id}`, bob)).body.mine).toBe(false);
    const other = await t.createWorkspace('Other');
    const foreign = await t.request('GET', `/api/v1/saved-searches/${saved.id}`, { key: other.ownerKey });
    expect(foreign.status).toBe(404);
    const list = await t.request('GET', '/api/v1/saved-searches', { key: other.ownerKey });
    expect(list.body.data).toEqual([]);
  });
});
