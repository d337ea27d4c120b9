import type { Kysely, Migration } from 'kysely';
import type { SqlDialect } from '../dialects/dialect.js';

/** Saved searches with their per-member pins, segments, their current members and their daily snapshots. */
export function segmentsMigration(dialect: SqlDialect): Migration {
  const { timestamp } = dialect.types;
  return {
    up: async (db: Kysely<unknown>) => {
      await db.schema
        .createTable('saved_searches')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('visibility', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('filter', 'text')
        .addColumn('q', 'text')
        .addColumn('sort', 'text')
        .addColumn('columns', 'text')
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addColumn('updated_at', timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('saved_searches_pk', ['workspace_id', 'id'])
        .addForeignKeyConstraint('saved_searches_workspace_fk', ['workspace_id'], 'workspaces', ['id'], (f) =>
          f.onDelete('cascade'),
        )
        .execute();
      await db.schema
        .createIndex('saved_searches_owner_idx')
        .on('saved_searches')
        .columns(['workspace_id', 'owner_id'])
        .execute();
      await db.schema
        .createTable('saved_search_pins')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('saved_search_id', 'text', (c) => c.notNull())
        .addColumn('pinned_at', timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('saved_search_pins_pk', ['workspace_id', 'owner_id', 'saved_search_id'])
        .addForeignKeyConstraint(
          'saved_search_pins_search_fk',
          ['workspace_id', 'saved_search_id'],
          'saved_searches',
          ['workspace_id', 'id'],
          (f) => f.onDelete('cascade'),
        )
        .execute();
      await db.schema
        .createIndex('saved_search_pins_search_idx')
        .on('saved_search_pins')
        .columns(['workspace_id', 'saved_search_id'])
        .execute();

      await db.schema
        .createTable('segments')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('name_key', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('filter', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text')
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addColumn('updated_at', timestamp, (c) => c.notNull())
        .addColumn('snapshot_at', timestamp)
        .addColumn('snapshot_lease_until', timestamp)
        .addPrimaryKeyConstraint('segments_pk', ['workspace_id', 'id'])
        .addUniqueConstraint('segments_name_uq', ['workspace_id', 'name_key'])
        .addForeignKeyConstraint('segments_workspace_fk', ['workspace_id'], 'workspaces', ['id'], (f) =>
          f.onDelete('cascade'),
        )
        .execute();
      await db.schema
        .createTable('segment_members')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('segment_id', 'text', (c) => c.notNull())
        .addColumn('contact_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('segment_members_pk', ['workspace_id', 'segment_id', 'contact_id'])
        .addForeignKeyConstraint(
          'segment_members_segment_fk',
          ['workspace_id', 'segment_id'],
          'segments',
          ['workspace_id', 'id'],
          (f) => f.onDelete('cascade'),
        )
        .addForeignKeyConstraint(
          'segment_members_contact_fk',
          ['workspace_id', 'contact_id'],
          'contacts',
          ['workspace_id', 'id'],
          (f) => f.onDelete('cascade'),
        )
        .execute();
      await db.schema
        .createIndex('segment_members_contact_idx')
        .on('segment_members')
        .columns(['workspace_id', 'contact_id'])
        .execute();
      await db.schema
        .createTable('segment_snapshots')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('segment_id', 'text', (c) => c.notNull())
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('entered', 'integer', (c) => c.notNull())
        .addColumn('left', 'integer', (c) => c.notNull())
        .addColumn('taken_at', timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('segment_snapshots_pk', ['workspace_id', 'segment_id', 'day'])
        .addForeignKeyConstraint(
          'segment_snapshots_segment_fk',
          ['workspace_id', 'segment_id'],
          'segments',
          ['workspace_id', 'id'],
          (f) => f.onDelete('cascade'),
        )
        .execute();
    },
  };
}
