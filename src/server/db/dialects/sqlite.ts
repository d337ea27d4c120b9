import BetterSqlite3 from 'better-sqlite3';
import { SqliteDialect } from 'kysely';
import type { BulkRows, SqlDialect } from './dialect.js';
import { reusingStatements } from './sqlite-statements.js';

/** Page cache for a serving process; large enough for hot indexes, small enough for a laptop. */
const SERVER_CACHE_KIB = 64 * 1024;

/** Opens a SQLite file tuned for a web server with bulk work: WAL, foreign keys, busy timeout. */
export function openSqlite(
  file: string,
  cacheKiB = SERVER_CACHE_KIB,
): { kysely: SqliteDialect; dialect: SqlDialect } {
  const database = new BetterSqlite3(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  database.pragma(`cache_size = -${cacheKiB}`);
  database.pragma('temp_store = MEMORY');
  database.pragma('wal_autocheckpoint = 10000');

  const statements = new Map<string, BetterSqlite3.Statement>();
  const insertStatement = (table: string, columns: string[]): BetterSqlite3.Statement => {
    const sqlText = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})`;
    let statement = statements.get(sqlText);
    if (!statement) {
      statement = database.prepare(sqlText);
      statements.set(sqlText, statement);
    }
    return statement;
  };

  const dialect: SqlDialect = {
    name: 'sqlite',
    types: { timestamp: 'text', date: 'text', double: 'real' },
    binaryCollation: null,
    isUniqueViolation: (error) =>
      error instanceof BetterSqlite3.SqliteError &&
      (error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'),
    bulkInsert: async (_db, batches: BulkRows[]) => {
      const load = database.transaction(() => {
        for (const { table, rows } of batches) {
          const first = rows[0];
          if (!first) continue;
          const columns = Object.keys(first);
          const statement = insertStatement(table, columns);
          for (const row of rows) {
            const record = row as Record<string, unknown>;
            statement.run(columns.map((c) => record[c] ?? null));
          }
        }
      });
      load();
    },
    skipLocked: (query) => query,
    migrationTableSchema: async () => undefined,
    backup: async (file) => {
      await database.backup(file);
    },
  };
  return { kysely: new SqliteDialect({ database: reusingStatements(database) }), dialect };
}
