import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli, type CliDatabase } from '../../test/support/cli-process.js';
import { describeEachDialect } from '../../test/support/test-database.js';
import { createTestSchema, type TestSchema } from '../../test/support/test-schema.js';
import { buildApp } from '../server/app.js';
import { startRuntime } from '../server/runtime.js';

describeEachDialect('rolo CLI', (dialect) => {
  let dataDir: string;
  let schema: TestSchema | undefined;
  let database: CliDatabase;
  let workspaceId: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'rolo-cli-'));
    database = { ROLO_DATA_DIR: dataDir };
    if (dialect === 'postgres') {
      schema = await createTestSchema(process.env.TEST_DATABASE_URL ?? '');
      database.DATABASE_URL = schema.url;
    }
  });
  afterAll(async () => {
    await schema?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Runs requests against the real app built over the database the CLI wrote to. */
  async function withApp<T>(
    work: (request: (method: string, url: string, key: string, body?: unknown) => Promise<any>) => Promise<T>,
  ): Promise<T> {
    const runtime = await startRuntime({ dataDir, databaseUrl: database.DATABASE_URL });
    const app = await buildApp({ services: runtime.services, logLevel: 'silent' });
    try {
      return await work(async (method, url, key, body) => {
        const response = await app.inject({
          method: method as 'GET',
          url,
          headers: key ? { authorization: `Bearer ${key}` } : {},
          ...(body === undefined ? {} : { payload: body as object }),
        });
        return { status: response.statusCode, body: response.json() };
      });
    } finally {
      await app.close();
      await runtime.close();
    }
  }

  async function countContacts(): Promise<number> {
    const runtime = await startRuntime({ dataDir, databaseUrl: database.DATABASE_URL });
    try {
      return await runtime.services.uow.repos.contacts.count(workspaceId);
    } finally {
      await runtime.close();
    }
  }

  it('migrate applies every migration once, then finds the database up to date', async () => {
    const first = await runCli(['migrate'], database);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.lastLine).toMatch(/^applied: 0001-initial/);
    const second = await runCli(['migrate'], database);
    expect(second.code).toBe(0);
    expect(second.lastLine).toBe('the database is up to date');
    if (schema) {
      const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await client.connect();
      const { rows } = await client.query(
        "select count(*)::int as n from information_schema.tables where table_schema = $1 and table_name = 'contacts'",
        [schema.name],
      );
      await client.end();
      expect(rows[0].n).toBe(1);
    }
  });

  it('workspace create prints the new id as the last line', async () => {
    const result = await runCli(['workspace', 'create', 'Acme Imports', '--country', 'br'], database);
    expect(result.code).toBe(0);
    workspaceId = result.lastLine;
    expect(workspaceId).toMatch(/^[0-9a-f-]{36}$/);
    const runtime = await startRuntime({ dataDir, databaseUrl: database.DATABASE_URL });
    const workspace = await runtime.services.workspaces
      .getWorkspace(workspaceId)
      .finally(() => runtime.close());
    expect(workspace).toMatchObject({ name: 'Acme Imports', defaultCountry: 'BR' });
  });

  it('user create adds a member who signs in with the generated password printed last', async () => {
    const result = await runCli(
      ['user', 'create', '--email', 'Agent@Example.com', '--name', 'Ana Agent', '--role', 'agent'],
      database,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('created agent agent@example.com');
    const password = result.lastLine;
    expect(password.length).toBeGreaterThanOrEqual(10);
    await withApp(async (request) => {
      const login = await request('POST', '/api/v1/auth/login', '', {
        email: 'agent@example.com',
        password,
      });
      expect(login.status).toBe(200);
      expect(login.body.user).toMatchObject({ name: 'Ana Agent', role: 'agent' });
      expect(login.body.workspace.id).toBe(workspaceId);
      const wrong = await request('POST', '/api/v1/auth/login', '', {
        email: 'agent@example.com',
        password: `${password}x`,
      });
      expect(wrong.status).toBe(401);
    });
  });

  it('api-key create --role agent prints a key, as the last line, that authenticates as an agent', async () => {
    const result = await runCli(
      ['api-key', 'create', '--workspace', workspaceId, '--role', 'agent', '--name', 'Zapier'],
      database,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('agent key "Zapier"');
    const key = result.lastLine;
    expect(key).toMatch(/^rolo_/);
    await withApp(async (request) => {
      expect((await request('GET', '/api/v1/workspace', key)).body).toMatchObject({ id: workspaceId });
      expect((await request('GET', '/api/v1/contacts', key)).status).toBe(200);
      const addMember = await request('POST', '/api/v1/users', key, { email: 'x@example.com', name: 'X' });
      expect(addMember.status).toBe(403);
      expect((await request('GET', '/api/v1/contacts', `${key}x`)).status).toBe(401);
    });
  });

  it('seed --demo loads 200 contacts into the first workspace', async () => {
    const result = await runCli(['seed', '--demo'], database);
    expect(result.code).toBe(0);
    expect(result.lastLine).toBe('loaded 200 demo contacts');
    expect(await countContacts()).toBe(200);
  });

  it('seed --contacts 500 adds 500 synthetic contacts', async () => {
    const result = await runCli(['seed', '--contacts', '500', '--workspace', workspaceId], database);
    expect(result.code).toBe(0);
    expect(result.lastLine).toMatch(/^seeded 500 contacts in/);
    expect(await countContacts()).toBe(700);
  });

  if (dialect === 'sqlite') {
    it('backup writes a SQLite file that opens and holds the contacts', async () => {
      const file = path.join(dataDir, 'backup.db');
      const result = await runCli(['backup', file], database);
      expect(result.code).toBe(0);
      expect(result.lastLine).toBe(`backed up to ${file}`);
      const copy = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
      try {
        const row = copy
          .prepare('select count(*) as n from contacts where workspace_id = ?')
          .get(workspaceId) as { n: number };
        expect(row.n).toBe(700);
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        copy.close();
      }
    });
  } else {
    it('backup refuses PostgreSQL and points to pg_dump', async () => {
      const result = await runCli(['backup', path.join(dataDir, 'backup.db')], database);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain('pg_dump');
    });
  }

  it('seed without --demo or --contacts fails and says what to give', async () => {
    const result = await runCli(['seed'], database);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('--demo or --contacts N');
  });

  it('an unknown workspace fails with a clear message and creates nothing', async () => {
    const result = await runCli(['api-key', 'create', '--workspace', 'no-such-workspace'], database);
    expect(result.code).not.toBe(0);
    expect(result.stderr.trim()).toBe('rolo: Workspace not found');
    expect(result.stdout).toBe('');
  });

  it('bad input names the problem instead of printing a stack trace', async () => {
    const badEmail = await runCli(['user', 'create', '--email', 'not-an-email', '--name', 'X'], database);
    expect(badEmail.code).not.toBe(0);
    expect(badEmail.stderr.trim()).toBe('rolo: email: must be a valid email address');
    const badCount = await runCli(['seed', '--contacts', 'many'], database);
    expect(badCount.code).not.toBe(0);
    expect(badCount.stderr).toContain('must be a positive whole number');
  });
});
