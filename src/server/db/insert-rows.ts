import { CompiledQuery, sql, type Insertable, type Kysely } from 'kysely';
import { rowsPerStatement, statementChunks } from './in-chunks.js';
import type { Database } from './schema.js';

/** SQL texts kept: one per table, column list, row count and placeholder style in use. */
const MAX_CACHED_TEXTS = 200;
const texts = new Map<string, string>();

/** True when every row has exactly these columns, none of them undefined (a statement text then fits them all). */
function sameShape(rows: readonly Record<string, unknown>[], columns: readonly string[]): boolean {
  return rows.every(
    (row) => Object.keys(row).length === columns.length && columns.every((c) => row[c] !== undefined),
  );
}

/**
 * Inserts rows, many per statement. Building a multi-row INSERT costs Kysely about as much as running it, so
 * the text is built once per table, columns and row count, and reused with each chunk's values; rows of
 * differing shapes go through Kysely as they are.
 */
export async function insertRows<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  rows: ReadonlyArray<Insertable<Database[T]>>,
): Promise<void> {
  const first = rows[0] as Record<string, unknown> | undefined;
  if (!first) return;
  const columns = Object.keys(first);
  for (const chunk of statementChunks(
    rows as ReadonlyArray<Record<string, unknown>>,
    rowsPerStatement(columns.length),
  )) {
    if (!sameShape(chunk, columns)) {
      await db
        .insertInto(table)
        .values(chunk as Insertable<Database[T]>[])
        .execute();
      continue;
    }
    const numbered = db
      .selectNoFrom(sql<number>`${1}`.as('one'))
      .compile()
      .sql.includes('$1');
    const key = `${numbered ? '$' : '?'}|${table}|${columns.join(',')}|${chunk.length}`;
    let text = texts.get(key);
    if (text === undefined) {
      text = db
        .insertInto(table)
        .values(chunk as Insertable<Database[T]>[])
        .compile().sql;
      if (texts.size >= MAX_CACHED_TEXTS) texts.clear();
      texts.set(key, text);
    }
    const parameters: unknown[] = [];
    for (const row of chunk) for (const column of columns) parameters.push(row[column]);
    await db.executeQuery(CompiledQuery.raw(text, parameters));
  }
}
