import type BetterSqlite3 from 'better-sqlite3';

const INSERT_TRIGGER = 'contacts_search_insert';

/**
 * Runs a bulk load that only adds contacts with the search index's insert trigger set aside, then indexes the new
 * rows with one INSERT … SELECT and puts the trigger back, all inside the caller's transaction. Row by row, the
 * trigger makes FTS5 write a tiny segment per statement and merge them over and over (about 20 µs a contact);
 * in one statement the index takes a few microseconds a contact. New rows have rowids above every existing one.
 */
export async function withSearchIndexDeferred(
  database: BetterSqlite3.Database,
  load: () => Promise<void>,
): Promise<void> {
  const trigger = database
    .prepare("select sql from sqlite_schema where type = 'trigger' and name = ?")
    .get(INSERT_TRIGGER) as { sql: string } | undefined;
  if (!trigger) return load();
  const { top } = database.prepare('select coalesce(max(rowid), 0) as top from contacts').get() as {
    top: number;
  };
  database.exec(`drop trigger ${INSERT_TRIGGER}`);
  await load();
  database
    .prepare(
      'insert into contacts_search (rowid, search_text) select rowid, search_text from contacts where rowid > ?',
    )
    .run(top);
  database.exec(trigger.sql);
}
