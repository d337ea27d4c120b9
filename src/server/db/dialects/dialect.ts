import type { ColumnDataType, Expression, Insertable, Kysely, SelectQueryBuilder } from 'kysely';
import type { Database } from '../schema.js';

/** Rows for one table, loaded together with others in a single bulk transaction. */
export type BulkRows = {
  [T in keyof Database]: { table: T; rows: Insertable<Database[T]>[] };
}[keyof Database];

/** Everything that differs between SQLite and PostgreSQL, kept in one place. */
export interface SqlDialect {
  readonly name: 'sqlite' | 'postgres';
  /** Column types used by migrations. */
  readonly types: {
    timestamp: ColumnDataType;
    date: ColumnDataType;
    double: ColumnDataType;
  };
  /** SQL appended to a text column whose order must be bytewise on every dialect. */
  readonly binaryCollation: Expression<unknown> | null;
  /** True when the error is a unique or primary-key violation. */
  isUniqueViolation(error: unknown): boolean;
  /** Loads many rows into several tables in one transaction, as fast as the engine allows. */
  bulkInsert(db: Kysely<Database>, batches: BulkRows[]): Promise<void>;
  /** Adds FOR UPDATE SKIP LOCKED where the engine has it; SQLite serialises writers instead. */
  skipLocked<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O>;
  /** The schema that holds the migration tables (PostgreSQL's current schema), so that another schema's are never taken for ours. */
  migrationTableSchema(db: Kysely<Database>): Promise<string | undefined>;
  /** Copies the live database to a file (SQLite only). */
  backup(file: string): Promise<void>;
}
