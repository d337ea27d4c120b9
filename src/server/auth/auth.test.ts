import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../../../test/support/test-app.js';
import { describeEachDialect } from '../../../test/support/test-database.js';
import { hashSecret } from './secret-token.js';

/** The Set-Cookie line for the session cookie, if the response has one. */
function sessionSetCookie(headers: Headers): string | undefined {
  return headers.getSetCookie().find((line) => line.startsWith('rolo_session='));
}

describeEachDialect('auth: sessions', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t.close());

  /** Adds a member with a known password through the API. */
  async function addMember(email: string, role: 'admin' | 'agent' = 'agent') {
    const response = await t.request('POST', '/api/v1/users', {
      body: { email, name: email.split('@')[0], role, password: TEST_PASSWORD },
    });
    expect(response.status).toBe(201);
    return response.body.user as { id: string; email: string };
  }

  it('signs in with an httpOnly, SameSite=Strict session cookie and answers user, workspace and CSRF token', async () => {
    const response = await t.request('POST', '/api/v1/auth/login', {
      key: null,
      body: { email: `  ${t.ownerEmail.toUpperCase()} `, password: TEST_PASSWORD },
    });
    expect(response.status).toBe(200);
    const setCookie = sessionSetCookie(response.headers);
    expect(setCookie).toBeDefined();
    const attributes = setCookie!.split(';').map((part) => part.trim().toLowerCase());
    expect(attributes).toContain('httponly');
    expect(attributes).toContain('samesite=strict');
    expect(attributes).toContain('path=/');
    expect(attributes).not.toContain('secure');
    const expires = Date.parse(attributes.find((a) => a.startsWith('expires='))!.slice('expires='.length));
    expect(expires - Date.now()).toBeGreaterThan(13 * 86_400_000);

    expect(response.body).toMatchObject({
      user: { id: t.ownerId, email: t.ownerEmail, role: 'owner', disabled: false },
      workspace: { id: t.workspaceId, name: 'Test Workspace' },
    });
    expect(response.body.csrfToken).toMatch(/^[\w-]{20,}$/);
    expect(JSON.stringify(response.body)).not.toMatch(/scrypt|password/i);

    const secret = setCookie!.split(';')[0]!.split('.').at(-1)!;
    const rows = await t.runtime.db.kysely.selectFrom('sessions').selectAll().execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(secret);
  });

  it('serves the signed-in user and workspace at /auth/session, for sessions only', async () => {
    const session = await t.signIn(t.ownerEmail);
    const current = await t.request('GET', '/api/v1/auth/session', { session });
    expect(current.status).toBe(200);
    expect(current.body).toEqual(session.body);

    const anonymous = await t.request('GET', '/api/v1/auth/session', { key: null });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('unauthenticated');
    const withKey = await t.request('GET', '/api/v1/auth/session');
    expect(withKey.status).toBe(401);
    const forged = await t.request('GET', '/api/v1/auth/session', {
      key: null,
      headers: { cookie: `rolo_session=${t.workspaceId}.not-a-real-secret` },
    });
    expect(forged.status).toBe(401);
    expect(forged.body).toMatchObject({ code: 'unauthenticated', detail: expect.stringMatching(/sign in/i) });
  });

  it('refuses a signed-in write without the right X-CSRF-Token, and accepts it with the token', async () => {
    const session = await t.signIn(t.ownerEmail);
    const other = await t.signIn(t.ownerEmail);
    const body = { firstName: 'Csrf', lastName: 'Probe' };
    const countProbes = async () =>
      (await t.request('GET', '/api/v1/contacts?q=csrf%20probe', { session })).body.data.length;

    const attempts: Array<Record<string, string>> = [
      { cookie: session.cookie },
      { cookie: session.cookie, 'x-csrf-token': 'wrong' },
      { cookie: session.cookie, 'x-csrf-token': other.csrfToken },
    ];
    for (const headers of attempts) {
      const refused = await t.request('POST', '/api/v1/contacts', { key: null, body, headers });
      expect(refused.status).toBe(403);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(refused.body.code).toBe('csrf_failed');
    }
    expect(await countProbes()).toBe(0);

    const created = await t.request('POST', '/api/v1/contacts', { session, body });
    expect(created.status).toBe(201);
    expect(created.body.source).toBe('manual');
    const timeline = await t.request('GET', `/api/v1/contacts/${created.body.id}/timeline`, { session });
    expect(timeline.body.data[0].actor).toEqual({ type: 'user', id: t.ownerId });

    const path = `/api/v1/contacts/${created.body.id}`;
    for (const method of ['PATCH', 'DELETE']) {
      const refused = await t.request(method, path, {
        key: null,
        headers: { cookie: session.cookie },
        ...(method === 'PATCH' ? { body: { company: 'Hijacked' } } : {}),
      });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('csrf_failed');
    }
    const unchanged = await t.request('GET', path, { session });
    expect(unchanged.body).toMatchObject({ company: null, version: 1 });
    expect((await t.request('DELETE', path, { session })).status).toBe(204);
  });

  it('signs out: the cookie is cleared and the session no longer works', async () => {
    const session = await t.signIn(t.ownerEmail);
    expect((await t.request('GET', '/api/v1/auth/session', { session })).status).toBe(200);

    const response = await t.request('POST', '/api/v1/auth/logout', {
      key: null,
      headers: { cookie: session.cookie },
    });
    expect(response.status).toBe(204);
    const cleared = sessionSetCookie(response.headers);
    expect(cleared).toMatch(/^rolo_session=;/);
    expect(cleared).toMatch(/expires=Thu, 01 Jan 1970/i);
    expect((await t.request('GET', '/api/v1/auth/session', { session })).status).toBe(401);
    expect((await t.request('GET', '/api/v1/contacts', { session })).status).toBe(401);

    expect((await t.request('POST', '/api/v1/auth/logout', { key: null })).status).toBe(204);
    expect(
      (await t.request('POST', '/api/v1/auth/logout', { key: null, headers: { cookie: session.cookie } }))
        .status,
    ).toBe(204);
  });

  it('answers 401 to a wrong password or an unknown email alike, and sets no cookie', async () => {
    const wrongPassword = await t.request('POST', '/api/v1/auth/login', {
      key: null,
      body: { email: t.ownerEmail, password: 'not the password' },
    });
    const unknownEmail = await t.request('POST', '/api/v1/auth/login', {
      key: null,
      body: { email: 'nobody@nowhere.test', password: TEST_PASSWORD },
    });
    for (const response of [wrongPassword, unknownEmail]) {
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.code).toBe('unauthenticated');
      expect(sessionSetCookie(response.headers)).toBeUndefined();
    }
    expect(wrongPassword.body.detail).toBe(unknownEmail.body.detail);
    const missing = await t.request('POST', '/api/v1/auth/login', {
      key: null,
      body: { email: t.ownerEmail },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].path).toBe('password');
  });

  it('asks which workspace when an email and password match members of several', async () => {
    const email = 'shared@example.com';
    await addMember(email);
    const second = await t.createWorkspace('Second');
    await t.runtime.services.users.createUser(second.workspaceId, {
      email,
      name: 'Shared',
      role: 'agent',
      password: TEST_PASSWORD,
    });
    const ambiguous = await t.request('POST', '/api/v1/auth/login', {
      key: null,
      body: { email, password: TEST_PASSWORD },
    });
    expect(ambiguous.status).toBe(400);
    expect(ambiguous.body.errors[0].path).toBe('workspaceId');
    expect([...ambiguous.body.workspaceIds].sort()).toEqual([t.workspaceId, second.workspaceId].sort());
    expect(ambiguous.body.workspaces).toContainEqual({ id: second.workspaceId, name: 'Second' });

    const chosen = await t.signIn(email, TEST_PASSWORD, second.workspaceId);
    expect(chosen.body.workspace.id).toBe(second.workspaceId);
    const contacts = await t.request('POST', '/api/v1/contacts', {
      session: chosen,
      body: { name: 'In Second' },
    });
    expect(contacts.status).toBe(201);
    expect((await t.request('GET', `/api/v1/contacts/${contacts.body.id}`)).status).toBe(404);
  });

  it('stops a disabled member from signing in and ends their sessions', async () => {
    const member = await addMember('leaver@example.com');
    const session = await t.signIn(member.email);
    expect((await t.request('GET', '/api/v1/contacts', { session })).status).toBe(200);

    const disabled = await t.request('PATCH', `/api/v1/users/${member.id}`, { body: { disabled: true } });
    expect(disabled.status).toBe(200);
    expect(disabled.body.disabled).toBe(true);
    expect((await t.request('GET', '/api/v1/contacts', { session })).status).toBe(401);
    const refused = await t.request('POST', '/api/v1/auth/login', {
      key: null,
      body: { email: member.email, password: TEST_PASSWORD },
    });
    expect(refused.status).toBe(401);

    await t.request('PATCH', `/api/v1/users/${member.id}`, { body: { disabled: false } });
    expect((await t.request('GET', '/api/v1/contacts', { session })).status).toBe(401);
    const again = await t.signIn(member.email);
    expect((await t.request('GET', '/api/v1/contacts', { session: again })).status).toBe(200);
  });

  it('ends every session of a member whose password changes', async () => {
    const member = await addMember('changer@example.com');
    const first = await t.signIn(member.email);
    const second = await t.signIn(member.email);
    const newPassword = 'a brand new passphrase';
    for (const currentPassword of [undefined, 'not my password']) {
      const refused = await t.request('PATCH', `/api/v1/users/${member.id}`, {
        session: first,
        body: { password: newPassword, currentPassword },
      });
      expect(refused.status).toBe(400);
      expect(refused.body.errors[0].path).toBe('currentPassword');
    }
    const changed = await t.request('PATCH', `/api/v1/users/${member.id}`, {
      session: first,
      body: { password: newPassword, currentPassword: TEST_PASSWORD },
    });
    expect(changed.status).toBe(200);
    for (const session of [first, second])
      expect((await t.request('GET', '/api/v1/contacts', { session })).status).toBe(401);
    const oldPassword = await t.request('POST', '/api/v1/auth/login', {
      key: null,
      body: { email: member.email, password: TEST_PASSWORD },
    });
    expect(oldPassword.status).toBe(401);
    const fresh = await t.signIn(member.email, newPassword);

    await t.request('PATCH', `/api/v1/users/${member.id}`, { body: { password: 'reset by the owner' } });
    expect((await t.request('GET', '/api/v1/contacts', { session: fresh })).status).toBe(401);
    await t.signIn(member.email, 'reset by the owner');
  });

  it('refuses an expired session', async () => {
    const member = await addMember('expiring@example.com');
    const session = await t.signIn(member.email);
    await t.runtime.db.kysely
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('user_id', '=', member.id)
      .execute();
    const response = await t.request('GET', '/api/v1/auth/session', { session });
    expect(response.status).toBe(401);
    expect(response.body.detail).toMatch(/expired/);
  });

  it('extends an active session and renews its cookie, at most every ten minutes', async () => {
    const member = await addMember('active@example.com');
    const session = await t.signIn(member.email);
    const quiet = await t.request('GET', '/api/v1/contacts', { session });
    expect(sessionSetCookie(quiet.headers)).toBeUndefined();
    const longAgo = new Date(Date.now() - 11 * 60 * 1000).toISOString();
    await t.runtime.db.kysely
      .updateTable('sessions')
      .set({ last_seen_at: longAgo })
      .where('user_id', '=', member.id)
      .execute();
    const renewed = await t.request('GET', '/api/v1/contacts', { session });
    expect(renewed.status).toBe(200);
    const cookie = sessionSetCookie(renewed.headers);
    expect(cookie).toMatch(/HttpOnly/i);
    const expires = Date.parse(/expires=([^;]+)/i.exec(cookie ?? '')?.[1] ?? '');
    expect(expires).toBeGreaterThan(Date.now() + 13 * 86_400_000);
    const stored = await t.runtime.db.kysely
      .selectFrom('sessions')
      .select('expires_at')
      .where('user_id', '=', member.id)
      .executeTakeFirstOrThrow();
    expect(Math.abs(Date.parse(stored.expires_at) - expires)).toBeLessThan(1000);
  });
});

describeEachDialect('auth: sign-in rate limits', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t.close());

  const attempt = (email: string, password: string) =>
    t.request('POST', '/api/v1/auth/login', { key: null, body: { email, password } });

  it('answers 429 after ten attempts for one email, however written, until the window resets', async () => {
    for (let i = 0; i < 10; i++) {
      const email = i % 2 ? t.ownerEmail.toUpperCase() : t.ownerEmail;
      expect((await attempt(email, `wrong guess ${i}`)).status).toBe(401);
    }
    const limited = await attempt(t.ownerEmail, TEST_PASSWORD);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toContain('application/problem+json');
    expect(limited.body.code).toBe('rate_limited');
    expect(limited.body.retryAfter).toBeGreaterThan(0);
    expect(limited.body.retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(limited.headers.get('retry-after')).toBe(String(limited.body.retryAfter));
    expect(sessionSetCookie(limited.headers)).toBeUndefined();

    const other = await t.createWorkspace('Other');
    expect((await attempt(other.ownerEmail, TEST_PASSWORD)).status).toBe(200);

    const buckets = (await t.runtime.db.kysely.selectFrom('rate_limits').select('bucket').execute()).map(
      (r) => r.bucket,
    );
    expect(buckets.join(' ')).not.toContain(t.ownerEmail);
    expect(buckets.join(' ')).not.toContain('127.0.0.1');
    await t.runtime.db.kysely
      .updateTable('rate_limits')
      .set({ reset_at: new Date(Date.now() - 1000).toISOString() })
      .where('bucket', '=', `login:email:${hashSecret(t.ownerEmail)}`)
      .execute();
    expect((await attempt(t.ownerEmail, TEST_PASSWORD)).status).toBe(200);
    expect((await attempt(t.ownerEmail, 'wrong again')).status).toBe(401);
  });
});

describeEachDialect('auth: sign-in rate limit per client address', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t.close());

  it('answers 429 to a client that tried fifty different emails, even with right credentials', async () => {
    for (let i = 0; i < 50; i++) {
      const response = await t.request('POST', '/api/v1/auth/login', {
        key: null,
        body: { email: `guess${i}@example.com`, password: 'whatever' },
      });
      expect(response.status).toBe(401);
    }
    const limited = await t.request('POST', '/api/v1/auth/login', {
      key: null,
      body: { email: t.ownerEmail, password: TEST_PASSWORD },
    });
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('rate_limited');
  });
});

describeEachDialect('auth: behind a reverse proxy', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect, { trustProxy: true });
  });
  afterAll(async () => t.close());

  const login = (headers: Record<string, string>, password = TEST_PASSWORD) =>
    t.request('POST', '/api/v1/auth/login', { key: null, headers, body: { email: t.ownerEmail, password } });

  it('marks the session cookie Secure when the proxy says the request came over HTTPS', async () => {
    const overHttps = sessionSetCookie((await login({ 'x-forwarded-proto': 'https' })).headers);
    expect(overHttps?.toLowerCase()).toContain('; secure');
    const overHttp = sessionSetCookie((await login({ 'x-forwarded-proto': 'http' })).headers);
    expect(overHttp?.toLowerCase()).not.toContain('secure');
  });

  it('limits sign-in attempts by the client address the proxy forwards', async () => {
    for (let i = 0; i < 50; i++) {
      const email = `nobody${i}@example.com`;
      await t.request('POST', '/api/v1/auth/login', {
        key: null,
        headers: { 'x-forwarded-for': '203.0.113.9' },
        body: { email, password: 'x' },
      });
    }
    expect((await login({ 'x-forwarded-for': '203.0.113.9' })).status).toBe(429);
    expect((await login({ 'x-forwarded-for': '198.51.100.7' })).status).toBe(200);
  });
});
