import type { Kysely, Migration } from 'kysely';
import type { SqlDialect } from '../dialects/dialect.js';

/** Bulk actions with what each changed (for undo), automation rules and the log of their runs. */
export function automationMigration(dialect: SqlDialect): Migration {
  const { timestamp } = dialect.types;
  return {
    up: async (db: Kysely<unknown>) => {
      await db.schema
        .createTable('bulk_actions')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text')
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addColumn('undone_at', timestamp)
        .addPrimaryKeyConstraint('bulk_actions_pk', ['workspace_id', 'id'])
        .addForeignKeyConstraint('bulk_actions_workspace_fk', ['workspace_id'], 'workspaces', ['id'], (f) =>
          f.onDelete('cascade'),
        )
        .execute();
      await db.schema
        .createTable('bulk_action_changes')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('bulk_action_id', 'text', (c) => c.notNull())
        .addColumn('contact_id', 'text', (c) => c.notNull())
        .addColumn('previous', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('bulk_action_changes_pk', ['workspace_id', 'bulk_action_id', 'contact_id'])
        .addForeignKeyConstraint(
          'bulk_action_changes_action_fk',
          ['workspace_id', 'bulk_action_id'],
          'bulk_actions',
          ['workspace_id', 'id'],
          (f) => f.onDelete('cascade'),
        )
        .execute();
      await db.schema
        .createTable('automations')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('enabled', 'integer', (c) => c.notNull())
        .addColumn('trigger', 'text', (c) => c.notNull())
        .addColumn('condition', 'text')
        .addColumn('actions', 'text', (c) => c.notNull())
        .addColumn('webhook_secret', 'text')
        .addColumn('created_by', 'text')
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addColumn('updated_at', timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('automations_pk', ['workspace_id', 'id'])
        .addForeignKeyConstraint('automations_workspace_fk', ['workspace_id'], 'workspaces', ['id'], (f) =>
          f.onDelete('cascade'),
        )
        .execute();
      await db.schema
        .createTable('automation_runs')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('automation_id', 'text', (c) => c.notNull())
        .addColumn('contact_id', 'text', (c) => c.notNull())
        .addColumn('trigger', 'text', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('error', 'text')
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('automation_runs_pk', ['workspace_id', 'id'])
        .addForeignKeyConstraint(
          'automation_runs_automation_fk',
          ['workspace_id', 'automation_id'],
          'automations',
          ['workspace_id', 'id'],
          (f) => f.onDelete('cascade'),
        )
        .execute();
      await db.schema
        .createIndex('automation_runs_automation_idx')
        .on('automation_runs')
        .columns(['workspace_id', 'automation_id', 'id'])
        .execute();
      await db.schema
        .createIndex('automation_runs_contact_idx')
        .on('automation_runs')
        .columns(['workspace_id', 'contact_id', 'created_at'])
        .execute();
    },
  };
}
