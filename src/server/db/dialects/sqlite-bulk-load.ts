import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { BulkRows, BulkWriter } from './dialect.js';
import { withSearchIndexDeferred } from './sqlite-search-index.js';

interface IndexListRow {
  name: string;
  unique: number;
  origin: string;
}

/** Indexes of these tables made with CREATE INDEX that enforce nothing, with the SQL that makes each. */
function plainIndexes(
  database: BetterSqlite3.Database,
  tables: string[],
): Array<{ name: string; sql: string }> {
  const definition = database.prepare("select sql from sqlite_schema where type = 'index' and name = ?");
  return tables.flatMap((table) =>
    (database.pragma(`index_list("${table}")`) as IndexListRow[])
      .filter((index) => index.origin === 'c' && index.unique === 0)
      .map((index) => ({
        name: index.name,
        sql: (definition.get(index.name) as { sql: string }).sql,
      })),
  );
}

/** Inserts rows with one prepared statement per table and column list. */
function rowWriter(database: BetterSqlite3.Database): (batches: BulkRows[]) => void {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return (batches) => {
    for (const { table, rows } of batches) {
      const first = rows[0];
      if (!first) continue;
      const columns = Object.keys(first);
      const sqlText = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})`;
      let statement = statements.get(sqlText);
      if (!statement) {
        statement = database.prepare(sqlText);
        statements.set(sqlText, statement);
      }
      const values: unknown[] = new Array(columns.length);
      for (const row of rows) {
        const record = row as Record<string, unknown>;
        for (let i = 0; i < columns.length; i++) values[i] = record[columns[i] as string] ?? null;
        statement.run(values);
      }
    }
  };
}

/**
 * Loads rows in one transaction. The plain secondary indexes of the `reindexed` tables are dropped first
 * and built again at the end: adding a million rows one by one to indexes on random keys (names, dates)
 * costs several times more than sorting them once. Unique and primary keys stay, so every constraint
 * is checked as the rows go in, and readers never see a table without its indexes. New contacts join the
 * search index in one statement at the end (see `withSearchIndexDeferred`); a bulk load only adds rows.
 */
export async function bulkLoadSqlite(
  database: BetterSqlite3.Database,
  db: Kysely<Database>,
  reindexed: Array<keyof Database>,
  load: (write: BulkWriter) => Promise<void>,
): Promise<void> {
  const write = rowWriter(database);
  await db.transaction().execute(async () => {
    const indexes = plainIndexes(database, reindexed);
    for (const index of indexes) database.exec(`drop index "${index.name}"`);
    await withSearchIndexDeferred(database, () => load(async (batches) => write(batches)));
    for (const index of indexes) database.exec(index.sql);
  });
  database.pragma('wal_checkpoint(TRUNCATE)');
}
