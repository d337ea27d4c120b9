import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { ContactsTable, Database } from '../schema.js';

/**
 * How a dialect finds contacts by a substring of their folded search text (see migration 0007-search-index):
 * SQLite through its FTS5 trigram table `contacts_search`, PostgreSQL through a pg_trgm GIN index.
 */
export interface SearchTextIndex {
  /**
   * A condition on `contacts` (unaliased): its folded search text contains `folded`. Exactly the contacts a
   * `like '%…%'` scan would find; from three characters on, the trigram index answers it.
   */
  contains(folded: string): Expression<SqlBool>;
  /**
   * Up to `limit` contacts of the workspace whose search text contains `folded`, in the order the index gives
   * them: nothing is sorted, so a term that matches half the contacts costs no more than a rare one.
   */
  firstContaining(
    db: Kysely<Database>,
    workspaceId: string,
    folded: string,
    limit: number,
  ): Promise<ContactsTable[]>;
}

/** Trigrams need three characters; shorter text is looked for by reading the rows. */
const TRIGRAM_LENGTH = 3;

const indexable = (folded: string) => [...folded].length >= TRIGRAM_LENGTH;

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** GLOB treats `*`, `?` and `[` as wildcards; each is matched literally inside a bracket class. */
const escapeGlob = (value: string) => value.replace(/[*?[]/g, (c) => `[${c}]`);

const likeContains = (folded: string) =>
  sql<SqlBool>`contacts.search_text like ${`%${escapeLike(folded)}%`} escape '\\'`;

/**
 * SQLite: the FTS5 trigram table answers GLOB (and LIKE without ESCAPE) from its index and checks each candidate
 * against the text, so `*…*` finds exactly the substring. The search text is folded to lower case already, so
 * GLOB's case sensitivity changes nothing.
 */
export const sqliteSearchText: SearchTextIndex = {
  contains: (folded) =>
    indexable(folded)
      ? sql<SqlBool>`contacts.rowid in (
          select contacts_search.rowid from contacts_search
          where contacts_search.search_text glob ${`*${escapeGlob(folded)}*`})`
      : likeContains(folded),
  firstContaining: async (db, workspaceId, folded, limit) => {
    if (!indexable(folded))
      return db
        .selectFrom('contacts')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where(likeContains(folded))
        .limit(limit)
        .execute();
    // CROSS JOIN keeps the index as the outer loop, so the query stops after `limit` rows of this workspace.
    const result = await sql<ContactsTable>`
      select contacts.* from contacts_search cross join contacts on contacts.rowid = contacts_search.rowid
      where contacts_search.search_text glob ${`*${escapeGlob(folded)}*`} and contacts.workspace_id = ${workspaceId}
      limit ${limit}`.execute(db);
    return result.rows;
  },
};

/** PostgreSQL: `like '%…%'` on the search text, which the pg_trgm GIN index answers from three characters on. */
export const postgresSearchText: SearchTextIndex = {
  contains: likeContains,
  firstContaining: (db, workspaceId, folded, limit) =>
    db
      .selectFrom('contacts')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where(likeContains(folded))
      .limit(limit)
      .execute(),
};
