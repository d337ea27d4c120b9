import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type RequestOptions, type TestApp } from '../../../test/support/test-app.js';
import { describeEachDialect } from '../../../test/support/test-database.js';

/** A caller of the API: an API key, or a signed-in member's session cookie with its CSRF token. */
type Caller = Pick<RequestOptions, 'key' | 'headers'>;

describeEachDialect('notes API', (dialect) => {
  let t: TestApp;
  let contactId: string;
  let agent: Caller & { userId: string };
  let otherAgent: Caller & { userId: string };
  let admin: Caller & { userId: string };
  let agentKey: Caller;

  const call = (method: string, path: string, caller: Caller = {}, body?: unknown) =>
    t.request(method, `/api/v1${path}`, { ...caller, body });

  /** Adds a member with a role and signs them in through the real login route. */
  const signIn = async (role: 'admin' | 'agent') => {
    const email = `${role}-${randomBytes(4).toString('hex')}@notes.test`;
    const password = 'correct horse battery';
    const { user } = await t.runtime.services.users.createUser(t.workspaceId, {
      email,
      name: `A ${role}`,
      role,
      password,
    });
    const login = await fetch(`${t.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie()[0]?.split(';')[0] ?? '';
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    return { userId: user.id, key: null, headers: { cookie, 'x-csrf-token': csrfToken } };
  };

  const write = async (caller: Caller, body: object, contact = contactId) => {
    const response = await call('POST', `/contacts/${contact}/notes`, caller, body);
    expect(response.status).toBe(201);
    return response.body;
  };

  beforeAll(async () => {
    t = await startTestApp(dialect);
    contactId = (await call('POST', '/contacts', {}, { name: 'Noted Person' })).body.id;
    agent = await signIn('agent');
    otherAgent = await signIn('agent');
    admin = await signIn('admin');
    agentKey = { key: await t.createKey(t.workspaceId, 'agent') };
  });
  afterAll(async () => t.close());

  it('writes a note with its type, author and pinned flag', async () => {
    const note = await write(agent, { body: '  Called about the **invoice**  ' });
    expect(note).toMatchObject({
      contactId,
      type: 'general',
      body: 'Called about the **invoice**',
      pinned: false,
      authorId: agent.userId,
      edited: false,
      version: 1,
    });
    expect((await call('GET', `/notes/${note.id}`)).body).toEqual(note);
    for (const type of ['call', 'meeting', 'follow-up', 'complaint', 'General']) {
      expect((await write(agent, { type, body: `A ${type}` })).type).toBe(type.toLowerCase());
    }
    expect((await write({}, { body: 'By the owner key', pinned: true })).authorId).toBeNull();
  });

  it('accepts the workspace-defined types and refuses unknown ones, naming the type', async () => {
    const unknown = await call('POST', `/contacts/${contactId}/notes`, agent, { type: 'renewal', body: 'x' });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: 'validation_failed', errors: [{ path: 'type' }] });

    const settings = await call('PATCH', '/workspace', {}, { noteTypes: ['Renewal', 'site visit'] });
    expect(settings.body.noteTypes).toEqual(expect.arrayContaining(['general', 'renewal', 'site visit']));
    expect((await write(agent, { type: 'RENEWAL', body: 'Renews in May' })).type).toBe('renewal');
    expect((await write(agent, { type: 'site visit', body: 'Visited' })).type).toBe('site visit');

    await call('PATCH', '/workspace', {}, { noteTypes: [] });
    const removed = await call('POST', `/contacts/${contactId}/notes`, agent, { type: 'renewal', body: 'x' });
    expect(removed.body.errors[0].path).toBe('type');
  });

  it('refuses an empty body and notes on contacts that do not exist here', async () => {
    const empty = await call('POST', `/contacts/${contactId}/notes`, agent, { body: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].path).toBe('body');
    expect((await call('POST', '/contacts/missing/notes', agent, { body: 'x' })).status).toBe(404);
    expect((await call('GET', '/contacts/missing/notes', agent)).status).toBe(404);

    const other = await t.createWorkspace('Other notes');
    const foreign = (await call('POST', '/contacts', { key: other.ownerKey }, { name: 'Foreign' })).body.id;
    const foreignNote = await write({ key: other.ownerKey }, { body: 'Theirs' }, foreign);
    expect((await call('POST', `/contacts/${foreign}/notes`, {}, { body: 'x' })).status).toBe(404);
    expect((await call('GET', `/notes/${foreignNote.id}`)).status).toBe(404);
    expect((await call('PATCH', `/notes/${foreignNote.id}`, {}, { pinned: true })).status).toBe(404);
    expect((await call('DELETE', `/notes/${foreignNote.id}`)).status).toBe(404);
  });

  it('lists pinned notes first, then newest first', async () => {
    const person = (await call('POST', '/contacts', {}, { name: 'Ordered Notes' })).body.id;
    const first = await write(agent, { body: 'first' }, person);
    const second = await write(agent, { body: 'second', pinned: true }, person);
    const third = await write(agent, { body: 'third' }, person);
    const fourth = await write(agent, { body: 'fourth' }, person);
    await call('PATCH', `/notes/${first.id}`, otherAgent, { pinned: true });
    const list = (await call('GET', `/contacts/${person}/notes`, agent)).body.data;
    expect(list.map((n: { id: string }) => n.id)).toEqual([second.id, first.id, fourth.id, third.id]);
    expect(list.map((n: { pinned: boolean }) => n.pinned)).toEqual([true, true, false, false]);
  });

  it('lets any member pin and unpin, without counting it as an edit', async () => {
    const note = await write(admin, { body: 'Important' });
    for (const [caller, pinned] of [
      [agent, true],
      [agentKey, false],
      [otherAgent, true],
    ] as const) {
      const response = await call('PATCH', `/notes/${note.id}`, caller, { pinned });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ pinned, body: 'Important', version: 1, edited: false });
    }
    expect((await call('GET', `/notes/${note.id}`)).body.pinned).toBe(true);
    expect((await call('GET', `/notes/${note.id}/revisions`)).body.data).toEqual([]);
  });

  it('lets the author edit, keeping each earlier state as a revision, newest first', async () => {
    const note = await write(agent, { type: 'call', body: 'v1' });
    const second = await call('PATCH', `/notes/${note.id}`, agent, { body: 'v2', version: 1 });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ body: 'v2', type: 'call', edited: true, version: 2 });
    const third = await call('PATCH', `/notes/${note.id}`, agent, { type: 'meeting', body: 'v3' });
    expect(third.body).toMatchObject({ body: 'v3', type: 'meeting', version: 3, authorId: agent.userId });

    const revisions = (await call('GET', `/notes/${note.id}/revisions`, otherAgent)).body.data;
    expect(revisions).toEqual([
      expect.objectContaining({ type: 'call', body: 'v2', pinned: false, editedBy: agent.userId }),
      expect.objectContaining({ type: 'call', body: 'v1', pinned: false, editedBy: agent.userId }),
    ]);
    const retyped = await call('PATCH', `/notes/${note.id}`, agent, { type: 'nonsense' });
    expect(retyped.status).toBe(400);
    expect(retyped.body.errors[0].path).toBe('type');
    expect((await call('GET', '/notes/missing/revisions')).status).toBe(404);
  });

  it('answers 409 to an edit with a stale version and keeps the newer text', async () => {
    const note = await write(agent, { body: 'original' });
    expect((await call('PATCH', `/notes/${note.id}`, agent, { body: 'mine', version: 1 })).status).toBe(200);
    const stale = await call('PATCH', `/notes/${note.id}`, admin, { body: 'theirs', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'version_conflict', currentVersion: 2 });
    expect((await call('GET', `/notes/${note.id}`)).body).toMatchObject({ body: 'mine', version: 2 });
    expect((await call('GET', `/notes/${note.id}/revisions`)).body.data).toHaveLength(1);
  });

  it("refuses to let another agent edit or delete a member's note, and lets admins do both", async () => {
    const note = await write(agent, { body: 'Agent wrote this' });
    for (const caller of [otherAgent, agentKey]) {
      const edit = await call('PATCH', `/notes/${note.id}`, caller, { body: 'Hijacked' });
      expect(edit.status).toBe(403);
      expect(edit.body.code).toBe('forbidden');
      const retype = await call('PATCH', `/notes/${note.id}`, caller, { type: 'complaint' });
      expect(retype.status).toBe(403);
      expect((await call('DELETE', `/notes/${note.id}`, caller)).status).toBe(403);
    }
    expect((await call('GET', `/notes/${note.id}`)).body).toMatchObject({
      body: 'Agent wrote this',
      version: 1,
    });

    const edited = await call('PATCH', `/notes/${note.id}`, admin, { body: 'Fixed by admin' });
    expect(edited.status).toBe(200);
    expect((await call('GET', `/notes/${note.id}/revisions`)).body.data[0].editedBy).toBe(admin.userId);
    expect((await call('PATCH', `/notes/${note.id}`, {}, { body: 'Fixed by owner key' })).status).toBe(200);
    expect((await call('DELETE', `/notes/${note.id}`, admin)).status).toBe(204);
    expect((await call('GET', `/notes/${note.id}`)).status).toBe(404);
    expect((await call('GET', `/notes/${note.id}/revisions`)).status).toBe(404);
    expect((await call('DELETE', `/notes/${note.id}`, admin)).status).toBe(404);
  });

  it('lets an author delete their own note', async () => {
    const note = await write(otherAgent, { body: 'Mine to delete' });
    expect((await call('DELETE', `/notes/${note.id}`, otherAgent)).status).toBe(204);
    expect((await call('GET', `/notes/${note.id}`)).status).toBe(404);
  });

  it('treats notes written with an API key as authorless: only admins may edit or delete them', async () => {
    const byAgentKey = await write(agentKey, { body: 'Written by an integration' });
    expect(byAgentKey.authorId).toBeNull();
    const byOwnerKey = await write({}, { body: 'Written by the owner key' });
    for (const note of [byAgentKey, byOwnerKey]) {
      for (const caller of [agentKey, agent]) {
        expect((await call('PATCH', `/notes/${note.id}`, caller, { body: 'Changed' })).status).toBe(403);
        expect((await call('DELETE', `/notes/${note.id}`, caller)).status).toBe(403);
      }
      expect((await call('PATCH', `/notes/${note.id}`, agentKey, { pinned: true })).status).toBe(200);
    }
    const revision = await call('PATCH', `/notes/${byAgentKey.id}`, {}, { body: 'Changed by owner key' });
    expect(revision.status).toBe(200);
    const keys = (await call('GET', '/api-keys')).body.data as Array<{ id: string; role: string }>;
    const ownerKeyId = keys.find((k) => k.role === 'owner')?.id;
    expect((await call('GET', `/notes/${byAgentKey.id}/revisions`)).body.data[0]).toMatchObject({
      body: 'Written by an integration',
      editedBy: ownerKeyId,
    });
    expect((await call('DELETE', `/notes/${byOwnerKey.id}`, admin)).status).toBe(204);
  });

  it('shows notes on the contact timeline', async () => {
    const person = (await call('POST', '/contacts', {}, { name: 'Timeline Notes' })).body.id;
    const note = await write(agent, { type: 'meeting', body: 'Met at the fair' }, person);
    const timeline = (await call('GET', `/contacts/${person}/timeline`, agent)).body.data;
    expect(timeline[0]).toEqual({ kind: 'note', id: note.id, at: note.createdAt, note });
    expect(timeline[1]).toMatchObject({ kind: 'event', type: 'created' });
  });
});
