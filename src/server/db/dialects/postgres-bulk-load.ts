import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { BulkRows, BulkWriter } from './dialect.js';

/** PostgreSQL allows 65,535 parameters per statement. */
const MAX_PARAMETERS = 60_000;

/**
 * Loads rows in one transaction with multi-row INSERTs, then analyzes every table it wrote to: the
 * planner would otherwise keep the row counts of the empty tables and pick sequential scans and sorts
 * over the indexes. Indexes stay in place, so that readers are never locked out of the tables meanwhile.
 */
export async function bulkLoadPostgres(
  db: Kysely<Database>,
  load: (write: BulkWriter) => Promise<void>,
): Promise<void> {
  const written = new Set<string>();
  await db.transaction().execute((trx) =>
    load(async (batches: BulkRows[]) => {
      for (const { table, rows } of batches) {
        const first = rows[0];
        if (!first) continue;
        written.add(table);
        const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / Object.keys(first).length));
        for (let start = 0; start < rows.length; start += perStatement) {
          await trx
            .insertInto(table)
            .values(rows.slice(start, start + perStatement) as never)
            .execute();
        }
      }
    }),
  );
  for (const table of written) await sql`analyze ${sql.table(table)}`.execute(db);
}
