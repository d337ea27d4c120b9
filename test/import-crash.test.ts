import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Import, ImportUpload } from '../src/shared/import-schemas.js';
import { killed, ROLO_BIN, startServer } from './support/serve-child.js';
import { describeEachDialect } from './support/test-database.js';
import { createTestSchema, type TestSchema } from './support/test-schema.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Distinct people in the file; every tenth comes back once more later in the file with another phone format. */
const PEOPLE = 4000;
const REPEATS = PEOPLE / 10;
const KILL_AFTER_ROWS = 1000;

/** A CSV of PEOPLE people, then REPEATS rows repeating earlier ones (the phone written another way) with a company. */
function peopleCsv(): string {
  const lines = ['Name,Phone,Email,Company'];
  for (let i = 0; i < PEOPLE; i++)
    lines.push(`Person ${i},+1 415 55${String(i).padStart(5, '0')},p${i}@example.com,`);
  for (let i = 0; i < REPEATS; i++)
    lines.push(`Person ${i * 10},141555${String(i * 10).padStart(5, '0')},,Acme`);
  return lines.join('\n');
}

describeEachDialect('an import across a crash of the server', (dialect) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'rolo-import-crash-'));
  let schema: TestSchema | undefined;
  let env: Record<string, string>;

  beforeAll(async () => {
    env = { ROLO_DATA_DIR: dataDir, PORT: '0', ROLO_DEMO: '0', LOG_LEVEL: 'warn', ROLO_JOB_LEASE_MS: '3000' };
    if (dialect === 'postgres') {
      schema = await createTestSchema(process.env.TEST_DATABASE_URL ?? '');
      env.DATABASE_URL = schema.url;
    }
  });
  afterAll(async () => {
    await schema?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('resumes after a kill with every row applied exactly once and a truthful report', async () => {
    let server = await startServer(env);
    const created = spawnSync(process.execPath, [ROLO_BIN, 'api-key', 'create', '--role', 'owner'], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      encoding: 'utf8',
    });
    const key = created.stdout.trim().split('\n').at(-1) ?? '';
    expect(key).toMatch(/\S{20,}/);
    const call = async <T>(method: string, url: string, body?: unknown): Promise<T> => {
      const response = await fetch(`${server.baseUrl}${url}`, {
        method,
        headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      return (await response.json()) as T;
    };

    const form = new FormData();
    form.append('file', new Blob([peopleCsv()]), 'people.csv');
    const upload = (await (
      await fetch(`${server.baseUrl}/api/v1/imports`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}` },
        body: form,
      })
    ).json()) as ImportUpload;
    if (!upload.import) throw new Error(`upload failed: ${JSON.stringify(upload)}`);
    const id = upload.import.id;
    await call('POST', `/api/v1/imports/${id}/start`, {
      mapping: [
        { kind: 'field', field: 'name' },
        { kind: 'field', field: 'phone' },
        { kind: 'field', field: 'email' },
        { kind: 'field', field: 'company' },
      ],
      options: { defaultCountry: 'US', tags: ['Crash test'], policy: 'fill' },
    });

    const deadline = Date.now() + 120_000;
    let seen = await call<Import>('GET', `/api/v1/imports/${id}`);
    if (!seen.progress) throw new Error(`no import: ${JSON.stringify(seen)}`);
    while (seen.progress.done < KILL_AFTER_ROWS && seen.state !== 'done') {
      if (Date.now() > deadline) throw new Error('the import made no progress');
      await new Promise((resolve) => setTimeout(resolve, 50));
      seen = await call<Import>('GET', `/api/v1/imports/${id}`);
    }
    await killed(server);
    expect(seen.state).not.toBe('done');

    server = await startServer(env);
    try {
      while (seen.state !== 'done') {
        if (Date.now() > deadline)
          throw new Error(`the import did not finish after the restart: ${JSON.stringify(seen)}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
        seen = await call<Import>('GET', `/api/v1/imports/${id}`);
      }
      expect(seen.counts).toEqual({ created: PEOPLE, updated: REPEATS, skipped: 0, failed: 0 });
      expect(seen.progress.done).toBe(PEOPLE + REPEATS);
      const count = await call<{ total: number }>('GET', '/api/v1/contacts/count');
      expect(count.total).toBe(PEOPLE);
      const one = await call<{ data: Array<{ phone: string; tags: Array<{ name: string }> }> }>(
        'GET',
        '/api/v1/contacts?q=p1230%40example.com',
      );
      expect(one.data).toHaveLength(1);
      expect(one.data[0]?.phone).toBe('+14155501230');
    } finally {
      await killed(server);
    }
  }, 240_000);
});
