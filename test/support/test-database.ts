import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe } from 'vitest';
import { startRuntime, type Runtime } from '../../src/server/runtime.js';
import { createTestSchema } from './test-schema.js';

/** The dialects every database test runs on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const TEST_DIALECTS: Array<'sqlite' | 'postgres'> = process.env.TEST_DATABASE_URL
  ? ['sqlite', 'postgres']
  : ['sqlite'];

/** Graph API clients in tests back off for milliseconds, not seconds. */
const TEST_GRAPH = { retryBaseMs: 5 };

/** A fresh, migrated database of one dialect: a temp SQLite file, or a PostgreSQL schema of its own. */
export async function openTestRuntime(dialect: 'sqlite' | 'postgres'): Promise<Runtime> {
  if (dialect === 'sqlite') {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'rolo-test-'));
    const runtime = await startRuntime({ dataDir, databaseUrl: undefined, graph: TEST_GRAPH });
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
  const schema = await createTestSchema(url);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'rolo-test-'));
  const runtime = await startRuntime({
    dataDir,
    databaseUrl: url,
    postgresSchema: schema.name,
    graph: TEST_GRAPH,
  });
  return {
    ...runtime,
    close: async () => {
      await runtime.close();
      await schema.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Declares a suite once per test dialect; the suite name carries the dialect in brackets. */
export function describeEachDialect(name: string, suite: (dialect: 'sqlite' | 'postgres') => void): void {
  for (const dialect of TEST_DIALECTS) describe(`${name} [${dialect}]`, () => suite(dialect));
}
