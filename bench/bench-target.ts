import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { DatabaseConfig } from '../src/server/db/database.js';
import type { BenchOptions } from './options.js';

/** A fresh, empty place to benchmark in: a temp SQLite data directory or a new PostgreSQL schema. */
export interface BenchTarget {
  /** How the bench process opens the database through the services. */
  config: DatabaseConfig;
  /** Environment that points the server child process at the same database. */
  serverEnv: Record<string, string>;
  /** Drops the schema or deletes the directory. */
  dispose(): Promise<void>;
}

/** Adds `search_path` to a PostgreSQL URL so every connection lands in one schema. */
function withSearchPath(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('options', `-c search_path=${schema}`);
  return parsed.toString();
}

/** Creates a temp data directory, plus a fresh schema when the benchmark runs on PostgreSQL. */
export async function createBenchTarget(options: BenchOptions): Promise<BenchTarget> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'rolo-bench-'));
  const removeDir = () => rmSync(dataDir, { recursive: true, force: true });
  if (options.db === 'sqlite') {
    return {
      config: { dataDir },
      serverEnv: { ROLO_DATA_DIR: dataDir },
      dispose: async () => removeDir(),
    };
  }
  const schema = `bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: options.postgresUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const databaseUrl = withSearchPath(options.postgresUrl, schema);
  return {
    config: { dataDir, databaseUrl },
    serverEnv: { ROLO_DATA_DIR: dataDir, DATABASE_URL: databaseUrl },
    dispose: async () => {
      const client = new pg.Client({ connectionString: options.postgresUrl });
      await client.connect();
      await client.query(`drop schema ${schema} cascade`);
      await client.end();
      removeDir();
    },
  };
}
