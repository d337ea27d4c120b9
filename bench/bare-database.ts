import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import type { DatabaseConfig } from '../src/server/db/database.js';

/** Plain SQL straight to the driver, with no Kysely, services or HTTP in between: the baseline's path. */
export interface BareDatabase {
  /** Runs a query written with `?` placeholders and returns its rows. */
  all<T>(sqlText: string, params: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** Opens the benchmark's database read-only (SQLite) or with one client (PostgreSQL). */
export async function openBareDatabase(config: DatabaseConfig): Promise<BareDatabase> {
  if (config.databaseUrl) {
    const client = new pg.Client({ connectionString: config.databaseUrl });
    await client.connect();
    return {
      all: async <T>(sqlText: string, params: unknown[]) => {
        let n = 0;
        const text = sqlText.replace(/\?/g, () => `$${++n}`);
        return (await client.query({ text, values: params })).rows as T[];
      },
      close: () => client.end(),
    };
  }
  const database = new BetterSqlite3(path.join(config.dataDir, 'rolo.db'), { readonly: true });
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    all: async <T>(sqlText: string, params: unknown[]) => {
      let statement = statements.get(sqlText);
      if (!statement) {
        statement = database.prepare(sqlText);
        statements.set(sqlText, statement);
      }
      return statement.all(params) as T[];
    },
    close: async () => {
      database.close();
    },
  };
}
