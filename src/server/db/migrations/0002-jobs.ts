import type { Kysely, Migration } from 'kysely';
import type { SqlDialect } from '../dialects/dialect.js';

/** The durable job queue: bulk work that outlives a request and survives restarts. */
export function jobsMigration(dialect: SqlDialect): Migration {
  const { timestamp } = dialect.types;
  return {
    up: async (db: Kysely<unknown>) => {
      await db.schema
        .createTable('jobs')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('progress_done', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('progress_total', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('result', 'text')
        .addColumn('error', 'text')
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('max_attempts', 'integer', (c) => c.notNull())
        .addColumn('cancel_requested', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('run_at', timestamp, (c) => c.notNull())
        .addColumn('lease_until', timestamp)
        .addColumn('locked_by', 'text')
        .addColumn('created_by', 'text')
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addColumn('updated_at', timestamp, (c) => c.notNull())
        .addColumn('finished_at', timestamp)
        .addPrimaryKeyConstraint('jobs_pk', ['workspace_id', 'id'])
        .addForeignKeyConstraint('jobs_workspace_fk', ['workspace_id'], 'workspaces', ['id'], (f) =>
          f.onDelete('cascade'),
        )
        .execute();
      await db.schema.createIndex('jobs_claim_idx').on('jobs').columns(['state', 'run_at']).execute();
      await db.schema.createIndex('jobs_workspace_idx').on('jobs').columns(['workspace_id', 'id']).execute();
    },
  };
}
