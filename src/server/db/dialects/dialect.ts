import type { ColumnDataType, Expression, Insertable, Kysely, RawBuilder, SelectQueryBuilder } from 'kysely';
import type { Database } from '../schema.js';
import type { SearchTextIndex } from './search-text.js';

/** Rows for one table, loaded together with others in a single bulk transaction. */
export type BulkRows = {
  [T in keyof Database]: { table: T; rows: Insertable<Database[T]>[] };
}[keyof Database];

/** Writes one batch of rows, for one table or several, within a bulk load. */
export type BulkWriter = (batches: BulkRows[]) => Promise<void>;

/** Everything that differs between SQLite and PostgreSQL, kept in one place. */
export interface SqlDialect {
  readonly name: 'sqlite' | 'postgres';
  /** Column types used by migrations. */
  readonly types: {
    timestamp: ColumnDataType;
    date: ColumnDataType;
    double: ColumnDataType;
  };
  /** Finds contacts by a substring of their folded search text, through the dialect's trigram index. */
  readonly searchText: SearchTextIndex;
  /** SQL appended to a text column whose order must be bytewise on every dialect. */
  readonly binaryCollation: Expression<unknown> | null;
  /** The UTC calendar day (`YYYY-MM-DD`) of a timestamp column, for counting rows per day. */
  utcDay(timestamp: Expression<string>): RawBuilder<string>;
  /** True when the error is a unique or primary-key violation. */
  isUniqueViolation(error: unknown): boolean;
  /**
   * Loads many rows as one transaction, as fast as the engine allows: `load` writes them in batches
   * through the writer it is given, and all of them are kept or none. Where it pays (SQLite), the plain
   * secondary indexes of `reindexed` tables are dropped first and built once at the end.
   */
  bulkLoad(
    db: Kysely<Database>,
    reindexed: Array<keyof Database>,
    load: (write: BulkWriter) => Promise<void>,
  ): Promise<void>;
  /** Adds FOR UPDATE where the engine has it, so a read-then-write holds the row; SQLite serialises writers instead. */
  forUpdate<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O>;
  /** Adds FOR UPDATE SKIP LOCKED where the engine has it; SQLite serialises writers instead. */
  skipLocked<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O>;
  /** The schema that holds the migration tables (PostgreSQL's current schema), so that another schema's are never taken for ours. */
  migrationTableSchema(db: Kysely<Database>): Promise<string | undefined>;
  /** Copies the live database to a file (SQLite only). */
  backup(file: string): Promise<void>;
}
