import { PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { SqlDialect } from './dialect.js';
import { bulkLoadPostgres } from './postgres-bulk-load.js';
import { postgresSearchText } from './search-text.js';

const TYPE_INT8 = 20;
const TYPE_NUMERIC = 1700;
const TYPE_DATE = 1082;
const TYPE_TIMESTAMP = 1114;
const TYPE_TIMESTAMPTZ = 1184;

/** Makes PostgreSQL values come back in the same shapes as SQLite's: numbers and ISO strings. */
const typeParsers: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) => {
    switch (oid) {
      case TYPE_INT8:
      case TYPE_NUMERIC:
        return (value: string) => Number(value);
      case TYPE_DATE:
        return (value: string) => value;
      case TYPE_TIMESTAMP:
        return (value: string) => new Date(`${value.replace(' ', 'T')}Z`).toISOString();
      case TYPE_TIMESTAMPTZ:
        return (value: string) => new Date(value).toISOString();
      default:
        return pg.types.getTypeParser(oid, format as 'text');
    }
  }) as pg.CustomTypesConfig['getTypeParser'],
};

/** Connects to PostgreSQL; `schema`, when given, becomes the search path (used by tests). */
export function openPostgres(url: string, schema?: string): { kysely: PostgresDialect; dialect: SqlDialect } {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    types: typeParsers,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const dialect: SqlDialect = {
    name: 'postgres',
    types: { timestamp: 'timestamptz', date: 'date', double: 'double precision' },
    searchText: postgresSearchText,
    binaryCollation: sql`collate "C"`,
    utcDay: (timestamp) => sql<string>`to_char(${timestamp} at time zone 'UTC', 'YYYY-MM-DD')`,
    isUniqueViolation: (error) => error instanceof Error && (error as { code?: string }).code === '23505',
    bulkLoad: (db, _reindexed, load) => bulkLoadPostgres(db, load),
    forUpdate: (query) => query.forUpdate(),
    skipLocked: (query) => query.forUpdate().skipLocked(),
    migrationTableSchema: async (db) =>
      (await sql<{ name: string }>`select current_schema() as name`.execute(db)).rows[0]?.name,
    backup: async () => {
      throw new Error('backup works on the embedded SQLite database; use pg_dump for PostgreSQL');
    },
  };
  return { kysely: new PostgresDialect({ pool }), dialect };
}
