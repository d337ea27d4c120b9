import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServe, type ServeProcess } from '../../test/support/cli-process.js';

/** Reads what the first start printed: where the app listens and how to sign in. */
async function readFirstStart(server: ServeProcess) {
  const [, url = ''] = await server.waitFor(/Rolo is running at (http:\/\/\S+)/);
  const [, email = ''] = await server.waitFor(/email:\s+(\S+)/);
  const [, password = ''] = await server.waitFor(/password:\s+(\S+)/);
  const base = `http://127.0.0.1:${new URL(url).port}`;
  expect((await fetch(`${base}/healthz`)).status).toBe(200);
  return { url, email, password, base };
}

async function signIn(base: string, email: string, password: string) {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0] ?? '';
  return { status: response.status, body: (await response.json()) as any, cookie };
}

async function countContacts(base: string, cookie: string): Promise<number> {
  let total = 0;
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${cursor}` : '';
    const response = await fetch(`${base}/api/v1/contacts?limit=200${query}`, { headers: { cookie } });
    expect(response.status).toBe(200);
    const page = (await response.json()) as { data: unknown[]; nextCursor: string | null };
    total += page.data.length;
    cursor = page.nextCursor;
  } while (cursor);
  return total;
}

describe('first start of rolo serve', () => {
  let dataDir: string;
  let server: ServeProcess | undefined;

  afterEach(async () => {
    if (server) expect(await server.stop()).toBe(0);
    server = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('on an empty data directory prints the URL and an owner sign-in that works, with demo data', async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'rolo-first-'));
    server = startServe({ ROLO_DATA_DIR: dataDir }, { PORT: '0' });
    const { url, email, password, base } = await readFirstStart(server);
    expect(url).toMatch(/^http:\/\/localhost:\d+$/);
    await server.waitFor(/Loaded 200 demo contacts/);
    expect(server.output()).toContain(`SQLite in ${dataDir}`);

    const login = await signIn(base, email, password);
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ email, role: 'owner' });
    expect(login.cookie).toMatch(/^rolo_session=/);
    expect(await countContacts(base, login.cookie)).toBe(200);
    const wrong = await signIn(base, email, `${password}-wrong`);
    expect(wrong.status).toBe(401);
  });

  it('with ROLO_DEMO=0 sets up the owner but loads no demo data', async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'rolo-first-'));
    server = startServe({ ROLO_DATA_DIR: dataDir }, { PORT: '0', ROLO_DEMO: '0' });
    const { email, password, base } = await readFirstStart(server);
    const login = await signIn(base, email, password);
    expect(login.status).toBe(200);
    expect(await countContacts(base, login.cookie)).toBe(0);
    expect(server.output()).not.toContain('demo contacts');
  });

  it('on a second start keeps the workspace and prints no new password', async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'rolo-first-'));
    server = startServe({ ROLO_DATA_DIR: dataDir }, { PORT: '0', ROLO_DEMO: '0' });
    const first = await readFirstStart(server);
    expect(await server.stop()).toBe(0);

    server = startServe({ ROLO_DATA_DIR: dataDir }, { PORT: '0', ROLO_DEMO: '0' });
    const [, url = ''] = await server.waitFor(/Rolo is running at (http:\/\/\S+)/);
    await server.waitFor(/Database: .*\n/);
    expect(server.output()).not.toContain('password:');
    const login = await signIn(`http://127.0.0.1:${new URL(url).port}`, first.email, first.password);
    expect(login.status).toBe(200);
  });

  it('with ROLO_WORKERS=2 serves one port from two processes that share the database', async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'rolo-first-'));
    server = startServe({ ROLO_DATA_DIR: dataDir }, { PORT: '0', ROLO_DEMO: '0', ROLO_WORKERS: '2' });
    const { email, password, base } = await readFirstStart(server);
    expect(server.output()).toContain('2 worker processes');
    const login = await signIn(base, email, password);
    expect(login.status).toBe(200);
    const headers = {
      cookie: login.cookie,
      'x-csrf-token': login.body.csrfToken,
      'content-type': 'application/json',
    };
    const created = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        fetch(`${base}/api/v1/contacts`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ firstName: `Worker ${i}` }),
        }),
      ),
    );
    expect(created.map((r) => r.status)).toEqual(created.map(() => 201));
    expect(await countContacts(base, login.cookie)).toBe(24);
  });
});
