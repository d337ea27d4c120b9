import { sql, type Kysely, type Migration } from 'kysely';
import type { SqlDialect } from '../dialects/dialect.js';

/**
 * SQLite: a trigram full-text index over the contacts' folded search text. It is an external-content FTS5 table
 * (the text stays in `contacts`; the index keys on the contact's rowid), with `detail=none` because the search
 * asks only whether a substring occurs: SQLite checks each candidate against the stored text, and the index is
 * less than half the size of one with positions. Triggers keep it in step with every insert, delete and change
 * of the search text, whichever code path writes the contact (a bulk load sets the insert trigger aside and
 * indexes its new rows at its end: see `withSearchIndexDeferred`). Building it over existing contacts reads
 * them once: about 4 s for a million.
 */
async function sqliteSearchIndex(db: Kysely<unknown>): Promise<void> {
  await sql`create virtual table contacts_search using fts5(
    search_text, content = 'contacts', content_rowid = 'rowid', tokenize = 'trigram', detail = 'none'
  )`.execute(db);
  await sql`insert into contacts_search (contacts_search) values ('rebuild')`.execute(db);
  await sql`create trigger contacts_search_insert after insert on contacts begin
    insert into contacts_search (rowid, search_text) values (new.rowid, new.search_text);
  end`.execute(db);
  await sql`create trigger contacts_search_delete after delete on contacts begin
    insert into contacts_search (contacts_search, rowid, search_text) values ('delete', old.rowid, old.search_text);
  end`.execute(db);
  await sql`create trigger contacts_search_update after update of search_text on contacts begin
    insert into contacts_search (contacts_search, rowid, search_text) values ('delete', old.rowid, old.search_text);
    insert into contacts_search (rowid, search_text) values (new.rowid, new.search_text);
  end`.execute(db);
}

/**
 * PostgreSQL: a GIN trigram index (pg_trgm) on the folded search text, which `search_text like '%…%'` uses. The
 * extension is shared by the whole database, so it is created in `public` when no schema has it yet, and the
 * operator class is named with the schema that holds it.
 */
async function postgresSearchIndex(db: Kysely<unknown>): Promise<void> {
  const installed = await sql<{ schema: string }>`
    select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace
    where e.extname = 'pg_trgm'`.execute(db);
  let schema = installed.rows[0]?.schema;
  if (!schema) {
    await sql`create extension if not exists pg_trgm with schema public`.execute(db);
    schema = 'public';
  }
  await sql`create index contacts_search_trgm_idx on contacts
    using gin (search_text ${sql.raw(`${quoteIdentifier(schema)}.gin_trgm_ops`)})`.execute(db);
}

const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The index behind the simple search and quick find: substrings of the folded search text found without a scan. */
export function searchIndexMigration(dialect: SqlDialect): Migration {
  return {
    up: (db: Kysely<unknown>) =>
      dialect.name === 'sqlite' ? sqliteSearchIndex(db) : postgresSearchIndex(db),
  };
}
