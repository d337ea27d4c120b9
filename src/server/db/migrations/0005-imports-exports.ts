import type { Kysely, Migration } from 'kysely';
import type { SqlDialect } from '../dialects/dialect.js';

/** Bulk import and export: the imports with their plan, progress and report, the rows they refused, and exports. */
export function importsExportsMigration(dialect: SqlDialect): Migration {
  const { timestamp } = dialect.types;
  return {
    up: async (db: Kysely<unknown>) => {
      await db.schema
        .createTable('imports')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('file_path', 'text', (c) => c.notNull())
        .addColumn('file_size', 'integer', (c) => c.notNull())
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('encoding', 'text')
        .addColumn('delimiter', 'text')
        .addColumn('recognised', 'text')
        .addColumn('headers', 'text', (c) => c.notNull())
        .addColumn('plan', 'text')
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('job_id', 'text')
        .addColumn('dry_run', 'text')
        .addColumn('rows_done', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('rows_total', 'integer')
        .addColumn('created_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('updated_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('skipped_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('failed_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('reasons', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('error', 'text')
        .addColumn('created_by', 'text')
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addColumn('started_at', timestamp)
        .addColumn('updated_at', timestamp, (c) => c.notNull())
        .addColumn('finished_at', timestamp)
        .addPrimaryKeyConstraint('imports_pk', ['workspace_id', 'id'])
        .addForeignKeyConstraint('imports_workspace_fk', ['workspace_id'], 'workspaces', ['id'], (f) =>
          f.onDelete('cascade'),
        )
        .execute();
      await db.schema
        .createIndex('imports_history_idx')
        .on('imports')
        .columns(['workspace_id', 'created_at'])
        .execute();
      await db.schema
        .createTable('import_row_errors')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('import_id', 'text', (c) => c.notNull())
        .addColumn('row_number', 'integer', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('cells', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('import_row_errors_pk', ['workspace_id', 'import_id', 'row_number'])
        .addForeignKeyConstraint(
          'import_row_errors_import_fk',
          ['workspace_id', 'import_id'],
          'imports',
          ['workspace_id', 'id'],
          (f) => f.onDelete('cascade'),
        )
        .execute();
      await db.schema
        .createTable('exports')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('selection', 'text', (c) => c.notNull())
        .addColumn('columns', 'text', (c) => c.notNull())
        .addColumn('bom', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('job_id', 'text')
        .addColumn('rows', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('file_path', 'text')
        .addColumn('file_size', 'integer')
        .addColumn('error', 'text')
        .addColumn('created_by', 'text')
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addColumn('finished_at', timestamp)
        .addColumn('expires_at', timestamp)
        .addPrimaryKeyConstraint('exports_pk', ['workspace_id', 'id'])
        .addForeignKeyConstraint('exports_workspace_fk', ['workspace_id'], 'workspaces', ['id'], (f) =>
          f.onDelete('cascade'),
        )
        .execute();
      await db.schema
        .createIndex('exports_history_idx')
        .on('exports')
        .columns(['workspace_id', 'created_at'])
        .execute();
    },
  };
}
