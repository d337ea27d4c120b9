import type { CreateTableBuilder, Kysely, Migration } from 'kysely';
import type { SqlDialect } from '../dialects/dialect.js';

/** The first schema: workspaces, people, contacts and everything a contact carries. */
export function initialMigration(dialect: SqlDialect): Migration {
  const { timestamp, date, double } = dialect.types;
  const workspaceScoped = <T extends string>(table: CreateTableBuilder<T, never>) =>
    table.addColumn('workspace_id', 'text', (c) => c.notNull());
  return {
    up: async (db: Kysely<unknown>) => {
      await db.schema
        .createTable('workspaces')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('default_country', 'text', (c) => c.notNull())
        .addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addColumn('updated_at', timestamp, (c) => c.notNull())
        .execute();

      await workspaceScoped(db.schema.createTable('users'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addColumn('updated_at', timestamp, (c) => c.notNull())
        .addColumn('disabled_at', timestamp)
        .addPrimaryKeyConstraint('users_pk', ['workspace_id', 'id'])
        .addUniqueConstraint('users_email_uq', ['workspace_id', 'email'])
        .addForeignKeyConstraint('users_workspace_fk', ['workspace_id'], 'workspaces', ['id'], (f) =>
          f.onDelete('cascade'),
        )
        .execute();
      await db.schema.createIndex('users_login_idx').on('users').column('email').execute();

      await workspaceScoped(db.schema.createTable('sessions'))
        .addColumn('token_hash', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addColumn('expires_at', timestamp, (c) => c.notNull())
        .addColumn('last_seen_at', timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('sessions_pk', ['workspace_id', 'token_hash'])
        .addForeignKeyConstraint(
          'sessions_user_fk',
          ['workspace_id', 'user_id'],
          'users',
          ['workspace_id', 'id'],
          (f) => f.onDelete('cascade'),
        )
        .execute();
      await db.schema
        .createIndex('sessions_user_idx')
        .on('sessions')
        .columns(['workspace_id', 'user_id'])
        .execute();

      await workspaceScoped(db.schema.createTable('api_keys'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('prefix', 'text', (c) => c.notNull())
        .addColumn('key_hash', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text')
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addColumn('last_used_at', timestamp)
        .addColumn('revoked_at', timestamp)
        .addPrimaryKeyConstraint('api_keys_pk', ['workspace_id', 'id'])
        .addUniqueConstraint('api_keys_hash_uq', ['workspace_id', 'key_hash'])
        .addForeignKeyConstraint('api_keys_workspace_fk', ['workspace_id'], 'workspaces', ['id'], (f) =>
          f.onDelete('cascade'),
        )
        .execute();

      await workspaceScoped(db.schema.createTable('contacts'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('first_name', 'text')
        .addColumn('last_name', 'text')
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('sort_name', 'text', (c) =>
          dialect.binaryCollation ? c.notNull().modifyEnd(dialect.binaryCollation) : c.notNull(),
        )
        .addColumn('search_text', 'text', (c) => c.notNull())
        .addColumn('phone', 'text')
        .addColumn('email', 'text')
        .addColumn('company', 'text')
        .addColumn('job_title', 'text')
        .addColumn('birthday', date)
        .addColumn('language', 'text')
        .addColumn('timezone', 'text')
        .addColumn('street', 'text')
        .addColumn('city', 'text')
        .addColumn('region', 'text')
        .addColumn('postal_code', 'text')
        .addColumn('country', 'text')
        .addColumn('linkedin', 'text')
        .addColumn('twitter', 'text')
        .addColumn('facebook', 'text')
        .addColumn('instagram', 'text')
        .addColumn('website', 'text')
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('assignee_id', 'text')
        .addColumn('first_contact_at', timestamp)
        .addColumn('last_contact_at', timestamp)
        .addColumn('last_inbound_at', timestamp)
        .addColumn('last_outbound_at', timestamp)
        .addColumn('conversation_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('message_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addColumn('updated_at', timestamp, (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addPrimaryKeyConstraint('contacts_pk', ['workspace_id', 'id'])
        .addForeignKeyConstraint('contacts_workspace_fk', ['workspace_id'], 'workspaces', ['id'], (f) =>
          f.onDelete('cascade'),
        )
        .execute();
      await db.schema
        .createIndex('contacts_name_idx')
        .on('contacts')
        .columns(['workspace_id', 'sort_name', 'id'])
        .execute();
      await db.schema
        .createIndex('contacts_created_idx')
        .on('contacts')
        .columns(['workspace_id', 'created_at', 'id'])
        .execute();
      await db.schema
        .createIndex('contacts_last_contact_idx')
        .on('contacts')
        .columns(['workspace_id', 'last_contact_at', 'id'])
        .execute();
      await db.schema
        .createIndex('contacts_assignee_idx')
        .on('contacts')
        .columns(['workspace_id', 'assignee_id'])
        .execute();

      await workspaceScoped(db.schema.createTable('contact_identities'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('contact_id', 'text', (c) => c.notNull())
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('contact_identities_pk', ['workspace_id', 'kind', 'value'])
        .addForeignKeyConstraint(
          'contact_identities_contact_fk',
          ['workspace_id', 'contact_id'],
          'contacts',
          ['workspace_id', 'id'],
          (f) => f.onDelete('cascade'),
        )
        .execute();
      await db.schema
        .createIndex('contact_identities_contact_idx')
        .on('contact_identities')
        .columns(['workspace_id', 'contact_id'])
        .execute();

      await workspaceScoped(db.schema.createTable('custom_field_definitions'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('options', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('group_name', 'text')
        .addColumn('description', 'text')
        .addColumn('required', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addColumn('updated_at', timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('custom_field_definitions_pk', ['workspace_id', 'id'])
        .addUniqueConstraint('custom_field_definitions_key_uq', ['workspace_id', 'key'])
        .addForeignKeyConstraint(
          'custom_field_definitions_workspace_fk',
          ['workspace_id'],
          'workspaces',
          ['id'],
          (f) => f.onDelete('cascade'),
        )
        .execute();

      await workspaceScoped(db.schema.createTable('contact_field_values'))
        .addColumn('contact_id', 'text', (c) => c.notNull())
        .addColumn('field_id', 'text', (c) => c.notNull())
        .addColumn('ordinal', 'integer', (c) => c.notNull())
        .addColumn('text_value', 'text')
        .addColumn('number_value', double)
        .addPrimaryKeyConstraint('contact_field_values_pk', [
          'workspace_id',
          'contact_id',
          'field_id',
          'ordinal',
        ])
        .addForeignKeyConstraint(
          'contact_field_values_contact_fk',
          ['workspace_id', 'contact_id'],
          'contacts',
          ['workspace_id', 'id'],
          (f) => f.onDelete('cascade'),
        )
        .addForeignKeyConstraint(
          'contact_field_values_field_fk',
          ['workspace_id', 'field_id'],
          'custom_field_definitions',
          ['workspace_id', 'id'],
          (f) => f.onDelete('cascade'),
        )
        .execute();
      await db.schema
        .createIndex('contact_field_values_text_idx')
        .on('contact_field_values')
        .columns(['workspace_id', 'field_id', 'text_value'])
        .execute();
      await db.schema
        .createIndex('contact_field_values_number_idx')
        .on('contact_field_values')
        .columns(['workspace_id', 'field_id', 'number_value'])
        .execute();

      await workspaceScoped(db.schema.createTable('tags'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('name_key', 'text', (c) => c.notNull())
        .addColumn('color', 'text', (c) => c.notNull())
        .addColumn('category', 'text')
        .addColumn('description', 'text')
        .addColumn('smart_rule', 'text')
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addColumn('updated_at', timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('tags_pk', ['workspace_id', 'id'])
        .addUniqueConstraint('tags_name_uq', ['workspace_id', 'name_key'])
        .addForeignKeyConstraint('tags_workspace_fk', ['workspace_id'], 'workspaces', ['id'], (f) =>
          f.onDelete('cascade'),
        )
        .execute();

      await workspaceScoped(db.schema.createTable('contact_tags'))
        .addColumn('contact_id', 'text', (c) => c.notNull())
        .addColumn('tag_id', 'text', (c) => c.notNull())
        .addColumn('applied_by', 'text', (c) => c.notNull())
        .addColumn('applied_at', timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('contact_tags_pk', ['workspace_id', 'contact_id', 'tag_id'])
        .addForeignKeyConstraint(
          'contact_tags_contact_fk',
          ['workspace_id', 'contact_id'],
          'contacts',
          ['workspace_id', 'id'],
          (f) => f.onDelete('cascade'),
        )
        .addForeignKeyConstraint(
          'contact_tags_tag_fk',
          ['workspace_id', 'tag_id'],
          'tags',
          ['workspace_id', 'id'],
          (f) => f.onDelete('cascade'),
        )
        .execute();
      await db.schema
        .createIndex('contact_tags_tag_idx')
        .on('contact_tags')
        .columns(['workspace_id', 'tag_id', 'contact_id'])
        .execute();

      await workspaceScoped(db.schema.createTable('notes'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('contact_id', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('author_id', 'text')
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addColumn('updated_at', timestamp, (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addPrimaryKeyConstraint('notes_pk', ['workspace_id', 'id'])
        .addForeignKeyConstraint(
          'notes_contact_fk',
          ['workspace_id', 'contact_id'],
          'contacts',
          ['workspace_id', 'id'],
          (f) => f.onDelete('cascade'),
        )
        .execute();
      await db.schema
        .createIndex('notes_contact_idx')
        .on('notes')
        .columns(['workspace_id', 'contact_id', 'id'])
        .execute();

      await workspaceScoped(db.schema.createTable('note_revisions'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('note_id', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('pinned', 'integer', (c) => c.notNull())
        .addColumn('edited_by', 'text')
        .addColumn('edited_at', timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('note_revisions_pk', ['workspace_id', 'id'])
        .addForeignKeyConstraint(
          'note_revisions_note_fk',
          ['workspace_id', 'note_id'],
          'notes',
          ['workspace_id', 'id'],
          (f) => f.onDelete('cascade'),
        )
        .execute();
      await db.schema
        .createIndex('note_revisions_note_idx')
        .on('note_revisions')
        .columns(['workspace_id', 'note_id', 'id'])
        .execute();

      await workspaceScoped(db.schema.createTable('consents'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('contact_id', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('proof', 'text')
        .addColumn('recorded_by', 'text')
        .addColumn('recorded_at', timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('consents_pk', ['workspace_id', 'id'])
        .addForeignKeyConstraint(
          'consents_contact_fk',
          ['workspace_id', 'contact_id'],
          'contacts',
          ['workspace_id', 'id'],
          (f) => f.onDelete('cascade'),
        )
        .execute();
      await db.schema
        .createIndex('consents_contact_idx')
        .on('consents')
        .columns(['workspace_id', 'contact_id', 'channel', 'purpose', 'id'])
        .execute();

      await workspaceScoped(db.schema.createTable('contact_events'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('contact_id', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('changes', 'text', (c) => c.notNull())
        .addColumn('actor_type', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('contact_events_pk', ['workspace_id', 'id'])
        .execute();
      await db.schema
        .createIndex('contact_events_contact_idx')
        .on('contact_events')
        .columns(['workspace_id', 'contact_id', 'id'])
        .execute();

      await workspaceScoped(db.schema.createTable('idempotency_keys'))
        .addColumn('principal_id', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('request_hash', 'text', (c) => c.notNull())
        .addColumn('status_code', 'integer')
        .addColumn('response_body', 'text')
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('idempotency_keys_pk', ['workspace_id', 'principal_id', 'key'])
        .execute();

      await db.schema
        .createTable('rate_limits')
        .addColumn('bucket', 'text', (c) => c.primaryKey())
        .addColumn('count', 'integer', (c) => c.notNull())
        .addColumn('reset_at', timestamp, (c) => c.notNull())
        .execute();
    },
  };
}
