import { sql, type Kysely, type Migration } from 'kysely';
import type { SqlDialect } from '../dialects/dialect.js';

/** The WhatsApp channel: connected numbers, the webhook inbox, conversations, messages and their statuses. */
export function whatsappMigration(dialect: SqlDialect): Migration {
  const { timestamp } = dialect.types;
  return {
    up: async (db: Kysely<unknown>) => {
      await db.schema
        .createTable('whatsapp_channels')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('phone_number_id', 'text', (c) => c.notNull())
        .addColumn('display_number', 'text', (c) => c.notNull())
        .addColumn('waba_id', 'text')
        .addColumn('graph_url', 'text', (c) => c.notNull())
        .addColumn('graph_version', 'text', (c) => c.notNull())
        .addColumn('access_token', 'text')
        .addColumn('app_secret', 'text')
        .addColumn('verify_token', 'text')
        .addColumn('opt_out_keywords', 'text', (c) => c.notNull())
        .addColumn('opt_in_keywords', 'text', (c) => c.notNull())
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addColumn('updated_at', timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('whatsapp_channels_pk', ['workspace_id', 'id'])
        .addForeignKeyConstraint(
          'whatsapp_channels_workspace_fk',
          ['workspace_id'],
          'workspaces',
          ['id'],
          (f) => f.onDelete('cascade'),
        )
        .execute();
      await db.schema
        .createIndex('whatsapp_channels_number_idx')
        .on('whatsapp_channels')
        .column('phone_number_id')
        .execute();

      await db.schema
        .createTable('webhook_inbox')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('verified_by', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('error', 'text')
        .addColumn('lease_until', timestamp)
        .addColumn('locked_by', 'text')
        .addColumn('received_at', timestamp, (c) => c.notNull())
        .addColumn('processed_at', timestamp)
        .execute();
      await db.schema
        .createIndex('webhook_inbox_state_idx')
        .on('webhook_inbox')
        .columns(['state', 'id'])
        .execute();

      await db.schema
        .createTable('conversations')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('contact_id', 'text', (c) => c.notNull())
        .addColumn('channel_id', 'text', (c) => c.notNull())
        .addColumn('opened_by', 'text', (c) => c.notNull())
        .addColumn('started_at', timestamp, (c) => c.notNull())
        .addColumn('expires_at', timestamp, (c) => c.notNull())
        .addColumn('last_message_at', timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('conversations_pk', ['workspace_id', 'id'])
        .addForeignKeyConstraint(
          'conversations_contact_fk',
          ['workspace_id', 'contact_id'],
          'contacts',
          ['workspace_id', 'id'],
          (f) => f.onDelete('cascade'),
        )
        .execute();
      await db.schema
        .createIndex('conversations_contact_idx')
        .on('conversations')
        .columns(['workspace_id', 'contact_id', 'started_at'])
        .execute();
      await db.schema
        .createIndex('conversations_started_idx')
        .on('conversations')
        .columns(['workspace_id', 'started_at'])
        .execute();

      await db.schema
        .createTable('messages')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('wa_message_id', 'text', (c) => c.notNull())
        .addColumn('contact_id', 'text', (c) => c.notNull())
        .addColumn('conversation_id', 'text', (c) => c.notNull())
        .addColumn('channel_id', 'text', (c) => c.notNull())
        .addColumn('direction', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('body', 'text')
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('status_at', timestamp, (c) => c.notNull())
        .addColumn('error_code', 'integer')
        .addColumn('error_title', 'text')
        .addColumn('reply_to', 'text')
        .addColumn('sent_by', 'text')
        .addColumn('sent_at', timestamp, (c) => c.notNull())
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('messages_pk', ['workspace_id', 'id'])
        .addUniqueConstraint('messages_wa_id_unique', ['workspace_id', 'wa_message_id'])
        .addForeignKeyConstraint(
          'messages_contact_fk',
          ['workspace_id', 'contact_id'],
          'contacts',
          ['workspace_id', 'id'],
          (f) => f.onDelete('cascade'),
        )
        .execute();
      await db.schema
        .createIndex('messages_contact_idx')
        .on('messages')
        .columns(['workspace_id', 'contact_id', 'sent_at', 'id'])
        .execute();
      await db.schema
        .createIndex('messages_conversation_idx')
        .on('messages')
        .columns(['workspace_id', 'conversation_id', 'sent_at'])
        .execute();

      await db.schema
        .createTable('message_statuses')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('wa_message_id', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('occurred_at', timestamp, (c) => c.notNull())
        .addColumn('error_code', 'integer')
        .addColumn('error_title', 'text')
        .addColumn('received_at', timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('message_statuses_pk', ['workspace_id', 'wa_message_id', 'status'])
        .execute();

      await db.schema.alterTable('contacts').addColumn('whatsapp_name', 'text').execute();
      await sql`update contact_identities set value = '+54' || substr(value, 5)
        where kind = 'phone' and value like '+549%' and length(value) = 14
        and not exists (select 1 from contact_identities other where other.workspace_id = contact_identities.workspace_id
          and other.kind = 'phone' and other.value = '+54' || substr(contact_identities.value, 5))`.execute(
        db,
      );
    },
  };
}
