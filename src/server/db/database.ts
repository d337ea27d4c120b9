import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Kysely } from 'kysely';
import type { SqlDialect } from './dialects/dialect.js';
import { openPostgres } from './dialects/postgres.js';
import { openSqlite } from './dialects/sqlite.js';
import type { Database } from './schema.js';

/** Where the data lives: a PostgreSQL URL, or else a SQLite file in the data directory. */
export interface DatabaseConfig {
  databaseUrl?: string | undefined;
  dataDir: string;
  /** PostgreSQL schema to use as search path (tests give each run its own). */
  postgresSchema?: string | undefined;
  /** SQLite page cache in KiB (bulk loads use more). */
  sqliteCacheKiB?: number | undefined;
}

/** An open database: the Kysely instance and what its dialect can do. */
export interface Db {
  kysely: Kysely<Database>;
  dialect: SqlDialect;
}

/** Opens the configured database; the caller owns it and closes it with `kysely.destroy()`. */
export function openDatabase(config: DatabaseConfig): Db {
  if (config.databaseUrl) {
    const { kysely, dialect } = openPostgres(config.databaseUrl, config.postgresSchema);
    return { kysely: new Kysely<Database>({ dialect: kysely }), dialect };
  }
  mkdirSync(config.dataDir, { recursive: true });
  const { kysely, dialect } = openSqlite(path.join(config.dataDir, 'rolo.db'), config.sqliteCacheKiB);
  return { kysely: new Kysely<Database>({ dialect: kysely }), dialect };
}
