import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe } from 'vitest';
import { startRuntime, type Runtime } from '../../src/server/runtime.js';

/** The dialects every database test runs on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const TEST_DIALECTS: Array<'sqlite' | 'postgres'> = process.env.TEST_DATABASE_URL
  ? ['sqlite', 'postgres']
  : ['sqlite'];

/** A fresh, migrated database of one dialect: a temp SQLite file, or a PostgreSQL schema of its own. */
export async function openTestRuntime(dialect: 'sqlite' | 'postgres'): Promise<Runtime> {
  if (dialect === 'sqlite') {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'rolo-test-'));
    const runtime = await startRuntime({ dataDir, databaseUrl: undefined });
    return {
      ...runtime,
      close: async () => {
        await runtime.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `rolo_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const runtime = await startRuntime({ dataDir: tmpdir(), databaseUrl: url, postgresSchema: schema });
  return {
    ...runtime,
    close: async () => {
      await runtime.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`drop schema ${schema} cascade`);
      await cleanup.end();
    },
  };
}

/** Declares a suite once per test dialect; the suite name carries the dialect in brackets. */
export function describeEachDialect(name: string, suite: (dialect: 'sqlite' | 'postgres') => void): void {
  for (const dialect of TEST_DIALECTS) describe(`${name} [${dialect}]`, () => suite(dialect));
}
